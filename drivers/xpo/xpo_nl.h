/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The xpo generic netlink family (Documentation/netlink/specs/xpo.yaml,
 * Documentation/netlink.rst): what the rest of the core calls, and what
 * the family's files share.
 */
#ifndef _XPO_NL_H
#define _XPO_NL_H

#include <net/genetlink.h>

#include "xpo_event.h"

struct xpo_cage;
struct xpo_cmis_adv;
struct xpo_eeprom_req;
struct xpo_protect_settings;

/* Why a request is refused: errno, the attribute at fault, the message */
struct xpo_nl_refusal {
	int err;
	int attr;		/* XPO_A_EEPROM_*, 0: none in particular */
	const char *msg;
};

/*
 * A cage-set request, as xpo_nl_cage_set_refused() judges it before
 * anything is changed: what it asks for, and the cage as it is.
 */
struct xpo_nl_set {
	bool policy;		/* power-policy given */
	bool protect;		/* protect given */
	bool rearm;
	bool power;		/* power given ... */
	bool power_on;		/* ... and it is 1 */
	bool reset;
	/* the cage */
	bool held_off;		/* the protection holds the supply off */
	bool powered_off;	/* the supply is off (held or switched off) */
	bool empty;		/* no module seated */
};

/* xpo_nl.c */
extern struct genl_family xpo_nl_family;
int xpo_nl_init(void);
void xpo_nl_exit(void);

/* xpo_nl_eeprom.c */
int xpo_nl_eeprom_read_doit(struct sk_buff *skb, struct genl_info *info);

/*
 * xpo_nl_check.c, cage-set: pure, for KUnit.  The refusal's attr is an
 * XPO_A_CAGE_* (xpo_nl_cage_set_refused()) or an XPO_A_PROTECT_* in the
 * protect nest (xpo_nl_protect_refused()).
 */
bool xpo_nl_cage_set_refused(const struct xpo_nl_set *set,
			     struct xpo_nl_refusal *r);
bool xpo_nl_protect_refused(const struct xpo_protect_settings *s,
			    struct xpo_nl_refusal *r);

/* xpo_nl_check.c: pure, for KUnit */
bool xpo_nl_eeprom_refused(const struct xpo_cmis_adv *adv,
			   const struct xpo_eeprom_req *req,
			   struct xpo_nl_refusal *r);
int xpo_nl_event(enum xpo_event_type type);

#endif /* _XPO_NL_H */
