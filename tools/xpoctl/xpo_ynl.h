/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The typed client the Makefile generates from the netlink spec with YNL
 * (gen/xpo-user.{c,h}), and what of it the generated header leaves
 * undeclared: the response parsers and the attribute policies they check
 * against.  xpoctl runs its own request loop (nl.c, to print the extack as
 * it always has) and calls these on each reply.
 */
#ifndef XPOCTL_XPO_YNL_H
#define XPOCTL_XPO_YNL_H

#include "ynl.h"
#include "xpo-user.h"

extern const struct ynl_policy_nest xpo_cage_nest;
extern const struct ynl_policy_nest xpo_eeprom_nest;
extern const struct ynl_policy_nest xpo_lanes_nest;
extern const struct ynl_policy_nest xpo_port_nest;

int xpo_cage_get_rsp_parse(const struct nlmsghdr *nlh,
			   struct ynl_parse_arg *yarg);
int xpo_cage_event_ntf_rsp_parse(const struct nlmsghdr *nlh,
				 struct ynl_parse_arg *yarg);
int xpo_eeprom_read_rsp_parse(const struct nlmsghdr *nlh,
			      struct ynl_parse_arg *yarg);
int xpo_eeprom_dump_rsp_dump_parse(const struct nlmsghdr *nlh,
				   struct ynl_parse_arg *yarg);
int xpo_lanes_get_rsp_parse(const struct nlmsghdr *nlh,
			    struct ynl_parse_arg *yarg);
int xpo_port_get_rsp_parse(const struct nlmsghdr *nlh,
			   struct ynl_parse_arg *yarg);
int xpo_port_split_rsp_parse(const struct nlmsghdr *nlh,
			     struct ynl_parse_arg *yarg);
int xpo_port_unsplit_rsp_parse(const struct nlmsghdr *nlh,
			       struct ynl_parse_arg *yarg);
int xpo_reach_get_rsp_parse(const struct nlmsghdr *nlh,
			    struct ynl_parse_arg *yarg);
int xpo_si_get_rsp_parse(const struct nlmsghdr *nlh,
			 struct ynl_parse_arg *yarg);
int xpo_tune_get_rsp_parse(const struct nlmsghdr *nlh,
			   struct ynl_parse_arg *yarg);
int xpo_reach_set_rsp_parse(const struct nlmsghdr *nlh,
			    struct ynl_parse_arg *yarg);

#endif
