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

/* Why a request is refused: errno, the attribute at fault, the message */
struct xpo_nl_refusal {
	int err;
	int attr;		/* XPO_A_EEPROM_*, 0: none in particular */
	const char *msg;
};

/* xpo_nl.c */
extern struct genl_family xpo_nl_family;
int xpo_nl_init(void);
void xpo_nl_exit(void);

/* xpo_nl_eeprom.c */
int xpo_nl_eeprom_read_doit(struct sk_buff *skb, struct genl_info *info);

/* xpo_nl_check.c: pure, for KUnit */
bool xpo_nl_eeprom_refused(const struct xpo_cmis_adv *adv,
			   const struct xpo_eeprom_req *req,
			   struct xpo_nl_refusal *r);
int xpo_nl_event(enum xpo_event_type type);

#endif /* _XPO_NL_H */
