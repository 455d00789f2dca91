// SPDX-License-Identifier: GPL-2.0
/*
 * Typed cage events (xpo_event.h): published under the cage's sm_lock to
 * every sink registered, then as a KOBJ_CHANGE uevent on the cage device:
 *   XPO_CAGE=<n> XPO_EVENT=insert|remove|state XPO_STATE=<state>
 *   XPO_CAGE=<n> XPO_EVENT=alarm XPO_REASON=<cond>
 *   XPO_CAGE=<n> XPO_EVENT=protect XPO_REASON=<cond> XPO_ACTION=<action>
 *   XPO_CAGE=<n> XPO_EVENT=rearm
 *   XPO_CAGE=<n> XPO_EVENT=ports
 *   XPO_CAGE=<n> XPO_EVENT=port-settings
 */
#include <linux/device.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/mutex.h>

#include "xpo_core.h"
#include "xpo_event.h"

static const char * const xpo_event_names[XPO_EV_NUM] = {
	[XPO_EV_INSERT]		= "insert",
	[XPO_EV_REMOVE]		= "remove",
	[XPO_EV_STATE]		= "state",
	[XPO_EV_ALARM]		= "alarm",
	[XPO_EV_PROTECT]	= "protect",
	[XPO_EV_REARM]		= "rearm",
	[XPO_EV_PORTS]		= "ports",
	[XPO_EV_PORT_SETTINGS]	= "port-settings",
};

const char *xpo_event_name(enum xpo_event_type type)
{
	return type < XPO_EV_NUM ? xpo_event_names[type] : "?";
}

/*
 * Sinks, under the mutex: a sink may sleep (it allocates its message), and
 * publishing nests it inside a cage's sm_lock.
 */
static LIST_HEAD(xpo_event_sinks);
static DEFINE_MUTEX(xpo_event_sinks_lock);

/**
 * xpo_event_sink_register() - receive every cage's events from now on
 * @sink: the sink
 */
void xpo_event_sink_register(struct xpo_event_sink *sink)
{
	mutex_lock(&xpo_event_sinks_lock);
	list_add_tail(&sink->node, &xpo_event_sinks);
	mutex_unlock(&xpo_event_sinks_lock);
}

/**
 * xpo_event_sink_unregister() - stop receiving events
 * @sink: the sink; no publish call runs on it when this returns
 */
void xpo_event_sink_unregister(struct xpo_event_sink *sink)
{
	mutex_lock(&xpo_event_sinks_lock);
	list_del(&sink->node);
	mutex_unlock(&xpo_event_sinks_lock);
}

static void xpo_event_uevent(struct xpo_cage *cage,
			     const struct xpo_cage_event *ev)
{
	char board_env[24], cage_env[24], event_env[24], state_env[32];
	char reason_env[32], action_env[32];
	char *envp[7] = { board_env, cage_env, event_env };
	unsigned int n = 3;

	snprintf(board_env, sizeof(board_env), "XPO_BOARD=%u", cage->board_nr);
	snprintf(cage_env, sizeof(cage_env), "XPO_CAGE=%u", cage->nr);
	snprintf(event_env, sizeof(event_env), "XPO_EVENT=%s",
		 xpo_event_name(ev->type));
	switch (ev->type) {
	case XPO_EV_INSERT:
	case XPO_EV_REMOVE:
	case XPO_EV_STATE:
		snprintf(state_env, sizeof(state_env), "XPO_STATE=%s",
			 xpo_sm_state_name(ev->state));
		envp[n++] = state_env;
		break;
	default:
		break;
	}
	if (ev->cond < XPO_PROTECT_NUM_COND) {
		snprintf(reason_env, sizeof(reason_env), "XPO_REASON=%s",
			 xpo_protect_cond_name(ev->cond));
		envp[n++] = reason_env;
	}
	if (ev->action < XPO_PROTECT_NUM_ACTION) {
		snprintf(action_env, sizeof(action_env), "XPO_ACTION=%s",
			 xpo_protect_action_name(ev->action));
		envp[n++] = action_env;
	}
	envp[n] = NULL;
	kobject_uevent_env(&cage->dev->kobj, KOBJ_CHANGE, envp);
}

/**
 * xpo_event_publish() - tell every sink, then user space, what happened
 * @cage: the cage, sm_lock held (a cage's events go out in order)
 * @type: what happened
 * @cond: the protection's condition, or XPO_PROTECT_NUM_COND
 * @action: the protection's action, or XPO_PROTECT_NUM_ACTION
 */
void xpo_event_publish(struct xpo_cage *cage, enum xpo_event_type type,
		       enum xpo_protect_cond cond,
		       enum xpo_protect_action action)
{
	struct xpo_cage_event ev = {
		.type = type,
		.state = cage->sm.state,
		.prev_state = cage->sm.prev_state,
		.fault = cage->sm.fault,
		.present = cage->sm.present,
		.cond = cond,
		.action = action,
	};
	struct xpo_event_sink *sink;

	lockdep_assert_held(&cage->sm_lock);
	cage->event_seq++;
	mutex_lock(&xpo_event_sinks_lock);
	list_for_each_entry(sink, &xpo_event_sinks, node)
		sink->publish(cage, &ev);
	mutex_unlock(&xpo_event_sinks_lock);
	xpo_event_uevent(cage, &ev);
}
