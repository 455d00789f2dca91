/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Typed cage events (Documentation/cage-core.rst, "Events"): the state
 * machine and the protection publish them; consumers (the uevent, the xpo
 * netlink family's monitor group) subscribe.  The core includes no
 * consumer.
 */
#ifndef _XPO_EVENT_H
#define _XPO_EVENT_H

#include <linux/list.h>
#include <linux/types.h>

#include "xpo_protect.h"
#include "xpo_sm.h"

struct xpo_cage;

enum xpo_event_type {
	XPO_EV_INSERT,		/* a module was seated */
	XPO_EV_REMOVE,		/* the module was pulled */
	XPO_EV_STATE,		/* the cage's state changed */
	XPO_EV_ALARM,		/* a protection condition began */
	XPO_EV_PROTECT,		/* the protection acted (tripped) */
	XPO_EV_REARM,		/* the protection was re-armed */
	XPO_EV_PORTS,		/* the cage's ports changed (breakout) */
	XPO_EV_PORT_SETTINGS,	/* a port's SI or laser tuning changed */
	XPO_EV_NUM,
};

/**
 * struct xpo_cage_event - what happened to a cage, and its state then
 * @type: what happened
 * @state: the cage's state after it
 * @prev_state: the state before the last transition
 * @fault: why, in XPO_S_FAULT
 * @present: a module is seated
 * @cond: the condition, for ALARM and PROTECT (XPO_PROTECT_NUM_COND: none)
 * @action: the action taken, for PROTECT (XPO_PROTECT_NUM_ACTION: none)
 */
struct xpo_cage_event {
	enum xpo_event_type type;
	enum xpo_sm_state state;
	enum xpo_sm_state prev_state;
	enum xpo_fault fault;
	bool present;
	enum xpo_protect_cond cond;
	enum xpo_protect_action action;
};

/**
 * struct xpo_event_sink - a consumer of every cage's events
 * @publish: called with the cage's sm_lock held, so a cage's events come
 *	in order; may allocate, must not take the cage's locks
 * @node: on the list of sinks (xpo_event.c)
 */
struct xpo_event_sink {
	void (*publish)(struct xpo_cage *cage, const struct xpo_cage_event *ev);
	struct list_head node;
};

const char *xpo_event_name(enum xpo_event_type type);
void xpo_event_sink_register(struct xpo_event_sink *sink);
void xpo_event_sink_unregister(struct xpo_event_sink *sink);
void xpo_event_publish(struct xpo_cage *cage, enum xpo_event_type type,
		       enum xpo_protect_cond cond,
		       enum xpo_protect_action action);

#endif /* _XPO_EVENT_H */
