// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/xpo.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "xpo_nl_gen.h"

#include "xpo_compat.h"
#include "../../include/uapi/linux/xpo.h"

/* Integer value ranges */
static XPO_NLA_RANGE_CONST struct netlink_range_validation xpo_a_protect_flow_min_range = {
	.max	= 100000ULL,
};

static XPO_NLA_RANGE_CONST struct netlink_range_validation_signed xpo_a_protect_temp_max_range = {
	.min	= 0LL,
	.max	= 150000LL,
};

/* Common nested types */
const struct nla_policy xpo_protect_nl_policy[XPO_A_PROTECT_PAD + 1] = {
	[XPO_A_PROTECT_LEAK] = NLA_POLICY_MAX(NLA_U32, 3),
	[XPO_A_PROTECT_FLOW_LOW] = NLA_POLICY_MAX(NLA_U32, 3),
	[XPO_A_PROTECT_OVERTEMP] = NLA_POLICY_MAX(NLA_U32, 3),
	[XPO_A_PROTECT_TRIPPED] = { .type = NLA_U8, },
	[XPO_A_PROTECT_REASON] = NLA_POLICY_MAX(NLA_U32, 2),
	[XPO_A_PROTECT_ACTION] = NLA_POLICY_MAX(NLA_U32, 3),
	[XPO_A_PROTECT_TRIPPED_TIME] = { .type = NLA_U64, },
	[XPO_A_PROTECT_ALERTS] = NLA_POLICY_MASK(NLA_U32, 0x7),
	[XPO_A_PROTECT_FLOW_MIN] = NLA_POLICY_FULL_RANGE(NLA_U32, &xpo_a_protect_flow_min_range),
	[XPO_A_PROTECT_TEMP_MAX] =
		NLA_POLICY_FULL_RANGE_SIGNED(NLA_S32, &xpo_a_protect_temp_max_range),
};

/* XPO_CMD_CAGE_GET - do */
static const struct nla_policy xpo_cage_get_nl_policy[XPO_A_CAGE_BOARD + 1] = {
	[XPO_A_CAGE_ID] = { .type = NLA_U32, },
	[XPO_A_CAGE_BOARD] = NLA_POLICY_MAX(NLA_U32, 255),
};

/* XPO_CMD_CAGE_SET - do */
static const struct nla_policy xpo_cage_set_nl_policy[XPO_A_CAGE_BOARD + 1] = {
	[XPO_A_CAGE_ID] = { .type = NLA_U32, },
	[XPO_A_CAGE_BOARD] = NLA_POLICY_MAX(NLA_U32, 255),
	[XPO_A_CAGE_POWER_POLICY] = NLA_POLICY_MAX(NLA_U32, 1),
	[XPO_A_CAGE_POWER] = NLA_POLICY_MAX(NLA_U8, 1),
	[XPO_A_CAGE_RESET] = { .type = NLA_FLAG, },
	[XPO_A_CAGE_PROTECT] = NLA_POLICY_NESTED(xpo_protect_nl_policy),
	[XPO_A_CAGE_REARM] = { .type = NLA_FLAG, },
};

/* XPO_CMD_EEPROM_READ - do */
static const struct nla_policy xpo_eeprom_read_nl_policy[XPO_A_EEPROM_BOARD + 1] = {
	[XPO_A_EEPROM_ID] = { .type = NLA_U32, },
	[XPO_A_EEPROM_BOARD] = NLA_POLICY_MAX(NLA_U32, 255),
	[XPO_A_EEPROM_BANK] = { .type = NLA_U8, },
	[XPO_A_EEPROM_PAGE] = { .type = NLA_U8, },
	[XPO_A_EEPROM_OFFSET] = NLA_POLICY_MAX(NLA_U32, 255),
	[XPO_A_EEPROM_LENGTH] = NLA_POLICY_RANGE(NLA_U32, 1, XPO_EEPROM_LEN_MAX),
};

/* XPO_CMD_LANES_GET - do */
static const struct nla_policy xpo_lanes_get_nl_policy[XPO_A_LANES_BOARD + 1] = {
	[XPO_A_LANES_ID] = { .type = NLA_U32, },
	[XPO_A_LANES_BOARD] = NLA_POLICY_MAX(NLA_U32, 255),
};

/* XPO_CMD_EEPROM_DUMP - dump */
static const struct nla_policy xpo_eeprom_dump_nl_policy[XPO_A_EEPROM_BOARD + 1] = {
	[XPO_A_EEPROM_ID] = { .type = NLA_U32, },
	[XPO_A_EEPROM_BOARD] = NLA_POLICY_MAX(NLA_U32, 255),
};

/* XPO_CMD_PORT_GET - do */
static const struct nla_policy xpo_port_get_do_nl_policy[XPO_A_PORT_INDEX + 1] = {
	[XPO_A_PORT_ID] = { .type = NLA_U32, },
	[XPO_A_PORT_BOARD] = NLA_POLICY_MAX(NLA_U32, 255),
	[XPO_A_PORT_INDEX] = { .type = NLA_U32, },
};

/* XPO_CMD_PORT_SPLIT - do */
static const struct nla_policy xpo_port_split_nl_policy[XPO_A_PORT_DRY_RUN + 1] = {
	[XPO_A_PORT_ID] = { .type = NLA_U32, },
	[XPO_A_PORT_BOARD] = NLA_POLICY_MAX(NLA_U32, 255),
	[XPO_A_PORT_PANEL] = NLA_POLICY_MAX(NLA_U32, 7),
	[XPO_A_PORT_MODE] = { .type = NLA_NUL_STRING, },
	[XPO_A_PORT_DRY_RUN] = { .type = NLA_FLAG, },
};

/* XPO_CMD_PORT_UNSPLIT - do */
static const struct nla_policy xpo_port_unsplit_nl_policy[XPO_A_PORT_DRY_RUN + 1] = {
	[XPO_A_PORT_ID] = { .type = NLA_U32, },
	[XPO_A_PORT_BOARD] = NLA_POLICY_MAX(NLA_U32, 255),
	[XPO_A_PORT_PANEL] = NLA_POLICY_MAX(NLA_U32, 7),
	[XPO_A_PORT_DRY_RUN] = { .type = NLA_FLAG, },
};

/* XPO_CMD_REACH_GET - do */
static const struct nla_policy xpo_reach_get_nl_policy[XPO_A_PORT_BOARD + 1] = {
	[XPO_A_PORT_ID] = { .type = NLA_U32, },
	[XPO_A_PORT_BOARD] = NLA_POLICY_MAX(NLA_U32, 255),
};

/* XPO_CMD_REACH_SET - do */
static const struct nla_policy xpo_reach_set_nl_policy[XPO_A_PORT_REACH + 1] = {
	[XPO_A_PORT_ID] = { .type = NLA_U32, },
	[XPO_A_PORT_BOARD] = NLA_POLICY_MAX(NLA_U32, 255),
	[XPO_A_PORT_REACH] = NLA_POLICY_RANGE(NLA_U32, 1, 9),
	[XPO_A_PORT_DRY_RUN] = { .type = NLA_FLAG, },
};

/* XPO_CMD_SI_GET - do */
static const struct nla_policy xpo_si_get_nl_policy[XPO_A_PORT_INDEX + 1] = {
	[XPO_A_PORT_ID] = { .type = NLA_U32, },
	[XPO_A_PORT_BOARD] = NLA_POLICY_MAX(NLA_U32, 255),
	[XPO_A_PORT_INDEX] = { .type = NLA_U32, },
};

/* XPO_CMD_SI_SET - do */
static const struct nla_policy xpo_si_set_nl_policy[XPO_A_PORT_SI_RX_AMP + 1] = {
	[XPO_A_PORT_ID] = { .type = NLA_U32, },
	[XPO_A_PORT_BOARD] = NLA_POLICY_MAX(NLA_U32, 255),
	[XPO_A_PORT_INDEX] = { .type = NLA_U32, },
	[XPO_A_PORT_LANES] = { .type = NLA_U32, },
	[XPO_A_PORT_SI_TX_ADAPTIVE] = NLA_POLICY_MAX(NLA_U8, 1),
	[XPO_A_PORT_SI_TX_EQ] = NLA_POLICY_MAX(NLA_U8, 15),
	[XPO_A_PORT_SI_RX_PRE] = NLA_POLICY_MAX(NLA_U8, 15),
	[XPO_A_PORT_SI_RX_POST] = NLA_POLICY_MAX(NLA_U8, 15),
	[XPO_A_PORT_SI_RX_AMP] = NLA_POLICY_MAX(NLA_U8, 15),
};

/* XPO_CMD_TUNE_GET - do */
static const struct nla_policy xpo_tune_get_nl_policy[XPO_A_PORT_INDEX + 1] = {
	[XPO_A_PORT_ID] = { .type = NLA_U32, },
	[XPO_A_PORT_BOARD] = NLA_POLICY_MAX(NLA_U32, 255),
	[XPO_A_PORT_INDEX] = { .type = NLA_U32, },
};

/* XPO_CMD_TUNE_SET - do */
static const struct nla_policy xpo_tune_set_nl_policy[XPO_A_PORT_TUNE_POWER + 1] = {
	[XPO_A_PORT_ID] = { .type = NLA_U32, },
	[XPO_A_PORT_BOARD] = NLA_POLICY_MAX(NLA_U32, 255),
	[XPO_A_PORT_INDEX] = { .type = NLA_U32, },
	[XPO_A_PORT_TUNE_GRID] = { .type = NLA_U32, },
	[XPO_A_PORT_TUNE_CHANNEL] = { .type = NLA_S32, },
	[XPO_A_PORT_TUNE_FREQ] = { .type = NLA_U32, },
	[XPO_A_PORT_TUNE_POWER] = { .type = NLA_S32, },
};

/*
 * Ops table for xpo: full struct genl_ops (6.1 has no split
 * ops), merged by scripts/ynl-gen-kernel.py from the
 * generator's split ops.
 */
const struct genl_ops xpo_nl_ops[14] = {
	{
		.cmd		= XPO_CMD_CAGE_GET,
		.doit		= xpo_nl_cage_get_doit,
		.dumpit		= xpo_nl_cage_get_dumpit,
		.policy		= xpo_cage_get_nl_policy,
		.maxattr	= XPO_A_CAGE_BOARD,
	},
	{
		.cmd		= XPO_CMD_CAGE_SET,
		.doit		= xpo_nl_cage_set_doit,
		.policy		= xpo_cage_set_nl_policy,
		.maxattr	= XPO_A_CAGE_BOARD,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XPO_CMD_EEPROM_READ,
		.doit		= xpo_nl_eeprom_read_doit,
		.policy		= xpo_eeprom_read_nl_policy,
		.maxattr	= XPO_A_EEPROM_BOARD,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XPO_CMD_LANES_GET,
		.doit		= xpo_nl_lanes_get_doit,
		.dumpit		= xpo_nl_lanes_get_dumpit,
		.policy		= xpo_lanes_get_nl_policy,
		.maxattr	= XPO_A_LANES_BOARD,
	},
	{
		.cmd		= XPO_CMD_EEPROM_DUMP,
		.start		= xpo_nl_eeprom_dump_start,
		.dumpit		= xpo_nl_eeprom_dump_dumpit,
		.done		= xpo_nl_eeprom_dump_done,
		.policy		= xpo_eeprom_dump_nl_policy,
		.maxattr	= XPO_A_EEPROM_BOARD,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XPO_CMD_PORT_GET,
		.doit		= xpo_nl_port_get_doit,
		.dumpit		= xpo_nl_port_get_dumpit,
		.policy		= xpo_port_get_do_nl_policy,
		.maxattr	= XPO_A_PORT_INDEX,
	},
	{
		.cmd		= XPO_CMD_PORT_SPLIT,
		.doit		= xpo_nl_port_split_doit,
		.policy		= xpo_port_split_nl_policy,
		.maxattr	= XPO_A_PORT_DRY_RUN,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XPO_CMD_PORT_UNSPLIT,
		.doit		= xpo_nl_port_unsplit_doit,
		.policy		= xpo_port_unsplit_nl_policy,
		.maxattr	= XPO_A_PORT_DRY_RUN,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XPO_CMD_REACH_GET,
		.doit		= xpo_nl_reach_get_doit,
		.policy		= xpo_reach_get_nl_policy,
		.maxattr	= XPO_A_PORT_BOARD,
	},
	{
		.cmd		= XPO_CMD_REACH_SET,
		.doit		= xpo_nl_reach_set_doit,
		.policy		= xpo_reach_set_nl_policy,
		.maxattr	= XPO_A_PORT_REACH,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XPO_CMD_SI_GET,
		.doit		= xpo_nl_si_get_doit,
		.policy		= xpo_si_get_nl_policy,
		.maxattr	= XPO_A_PORT_INDEX,
	},
	{
		.cmd		= XPO_CMD_SI_SET,
		.doit		= xpo_nl_si_set_doit,
		.policy		= xpo_si_set_nl_policy,
		.maxattr	= XPO_A_PORT_SI_RX_AMP,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XPO_CMD_TUNE_GET,
		.doit		= xpo_nl_tune_get_doit,
		.policy		= xpo_tune_get_nl_policy,
		.maxattr	= XPO_A_PORT_INDEX,
	},
	{
		.cmd		= XPO_CMD_TUNE_SET,
		.doit		= xpo_nl_tune_set_doit,
		.policy		= xpo_tune_set_nl_policy,
		.maxattr	= XPO_A_PORT_TUNE_POWER,
		.flags		= GENL_ADMIN_PERM,
	},
};

const struct genl_multicast_group xpo_nl_mcgrps[1] = {
	[XPO_NLGRP_MONITOR] = { "monitor", },
};
