/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/xpo.yaml */
/* YNL-GEN kernel header */

#ifndef _LINUX_XPO_GEN_H
#define _LINUX_XPO_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include "../../include/uapi/linux/xpo.h"

/* Common nested types */
extern const struct nla_policy xpo_protect_nl_policy[XPO_A_PROTECT_PAD + 1];

int xpo_nl_eeprom_dump_start(struct netlink_callback *cb);
int xpo_nl_eeprom_dump_done(struct netlink_callback *cb);

int xpo_nl_cage_get_doit(struct sk_buff *skb, struct genl_info *info);
int xpo_nl_cage_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int xpo_nl_cage_set_doit(struct sk_buff *skb, struct genl_info *info);
int xpo_nl_eeprom_read_doit(struct sk_buff *skb, struct genl_info *info);
int xpo_nl_lanes_get_doit(struct sk_buff *skb, struct genl_info *info);
int xpo_nl_lanes_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int xpo_nl_eeprom_dump_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int xpo_nl_port_get_doit(struct sk_buff *skb, struct genl_info *info);
int xpo_nl_port_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int xpo_nl_port_split_doit(struct sk_buff *skb, struct genl_info *info);
int xpo_nl_port_unsplit_doit(struct sk_buff *skb, struct genl_info *info);
int xpo_nl_reach_get_doit(struct sk_buff *skb, struct genl_info *info);
int xpo_nl_reach_set_doit(struct sk_buff *skb, struct genl_info *info);
int xpo_nl_si_get_doit(struct sk_buff *skb, struct genl_info *info);
int xpo_nl_si_set_doit(struct sk_buff *skb, struct genl_info *info);
int xpo_nl_tune_get_doit(struct sk_buff *skb, struct genl_info *info);
int xpo_nl_tune_set_doit(struct sk_buff *skb, struct genl_info *info);

enum {
	XPO_NLGRP_MONITOR,
};

extern const struct genl_ops xpo_nl_ops[14];
extern const struct genl_multicast_group xpo_nl_mcgrps[1];
extern struct genl_family xpo_nl_family;

#endif /* _LINUX_XPO_GEN_H */
