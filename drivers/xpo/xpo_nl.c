// SPDX-License-Identifier: GPL-2.0
/*
 * The xpo generic netlink family: cage-get (do and dump), cage-set and the
 * monitor group's events.  The spec, Documentation/netlink/specs/xpo.yaml,
 * is the source of truth: include/uapi/linux/xpo.h and the policies and
 * ops table (xpo_nl_gen.c: full struct genl_ops, which both 6.1, without
 * split ops, and 6.12 take) are generated from it by scripts/ynl-gen.
 * See Documentation/netlink.rst.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>

#include "../../include/uapi/linux/xpo.h"
#include "xpo_app.h"
#include "xpo_compat.h"
#include "xpo_core.h"
#include "xpo_nl.h"
#include "xpo_nl_gen.h"
#include "xpo_port.h"

/* The core's protection and architecture enums are the uapi's */
static_assert((int)XPO_PROTECT_LEAK == (int)XPO_PROTECTION_COND_LEAK);
static_assert((int)XPO_PROTECT_FLOW_LOW == (int)XPO_PROTECTION_COND_FLOW_LOW);
static_assert((int)XPO_PROTECT_OVERTEMP == (int)XPO_PROTECTION_COND_OVERTEMP);
static_assert((int)XPO_PROTECT_OFF == (int)XPO_PROTECTION_ACTION_OFF);
static_assert((int)XPO_PROTECT_ALERT == (int)XPO_PROTECTION_ACTION_ALERT);
static_assert((int)XPO_PROTECT_LOW_POWER ==
	      (int)XPO_PROTECTION_ACTION_LOW_POWER);
static_assert((int)XPO_PROTECT_POWER_OFF ==
	      (int)XPO_PROTECTION_ACTION_POWER_OFF);
static_assert((int)XPO_ARCH_LPO == (int)XPO_INTERFACE_ARCH_LINEAR);

/* What cage-get reports, gathered before the message is built */
struct xpo_nl_cage {
	enum xpo_sm_state state;
	enum xpo_sm_state prev_state;
	enum xpo_fault fault;
	bool present;
	bool leak;
	u8 fault_cause;
	u8 module_state;
	u8 mod_flags[6];
	u8 tlm_flags[2];
	enum xpo_power_policy policy;
	unsigned int ports;
	bool id_valid;
	struct xpo_identity id;
	struct xpo_app_table apps;	/* decoded from @id, if valid */
	struct xpo_protect protect;
	bool has_tlm;			/* @tlm is a fresh snapshot */
	struct xpo_telemetry tlm;
};

/* Gather what cage-get reports.  Sleeps: bus reads for the live values. */
static void xpo_nl_cage_gather(struct xpo_cage *cage, struct xpo_nl_cage *c)
{
	mutex_lock(&cage->sm_lock);
	c->state = cage->sm.state;
	c->prev_state = cage->sm.prev_state;
	c->fault = cage->sm.fault;
	c->present = cage->sm.present;
	c->fault_cause = cage->fault_cause;
	c->module_state = cage->module_state;
	memcpy(c->mod_flags, cage->mod_flags, sizeof(c->mod_flags));
	memcpy(c->tlm_flags, cage->tlm_flags, sizeof(c->tlm_flags));
	c->policy = cage->power_policy;
	c->ports = cage->layout.num_ports;
	c->protect = cage->protect;
	/* the pins go with the device: not once the cage is stopping */
	c->leak = !cage->stopping &&
		  xpo_cage_pin_get(cage, XPO_PIN_LEAK) > 0;
	mutex_unlock(&cage->sm_lock);

	c->id_valid = !xpo_cage_identity(cage, &c->id);
	/* an empty table (-ENODATA) has nothing to report: not an error */
	if (c->id_valid)
		xpo_app_table_decode(&c->apps, &c->id);
	/*
	 * Live values: the telemetry snapshot hwmon shares, only of a module
	 * in ModuleReady; otherwise there are none (never old ones).
	 */
	if (c->id_valid)
		c->has_tlm = !xpo_telemetry_get(cage, &c->tlm, 0);
}

static u16 xpo_nl_b0_u16(const struct xpo_telemetry *t, unsigned int offset)
{
	return get_unaligned_be16(&t->b0[offset - XPO_TLM_FIRST]);
}

static int xpo_nl_b0_mdegc(const struct xpo_telemetry *t, unsigned int offset)
{
	return xpo_cmis_temp_mdegc((s16)xpo_nl_b0_u16(t, offset));
}

/*
 * What the core makes of an application (xpo_app.c), beside its raw
 * descriptor: absent for one it found malformed and will never select.
 */
static int xpo_nl_put_app_use(struct sk_buff *msg, const struct xpo_app *a)
{
	if (!a)
		return 0;
	if (nla_put_u8(msg, XPO_A_APP_APPSEL, a->appsel) ||
	    (a->speed_gbps &&
	     nla_put_u32(msg, XPO_A_APP_SPEED, a->speed_gbps * 1000U)) ||
	    nla_put_u32(msg, XPO_A_APP_REACH, a->reach) ||
	    (a->arch != XPO_ARCH_UNKNOWN &&
	     nla_put_u32(msg, XPO_A_APP_ARCH, a->arch)))
		return -EMSGSIZE;
	return 0;
}

static int xpo_nl_put_apps(struct sk_buff *msg, const struct xpo_identity *id,
			   const struct xpo_app_table *t)
{
	const struct xpo_cmis_app *app;
	struct nlattr *nest;
	unsigned int i;

	for (i = 0; i < id->num_apps; i++) {
		app = &id->apps[i];
		nest = nla_nest_start(msg, XPO_A_CAGE_APP);
		if (!nest)
			return -EMSGSIZE;
		if (nla_put_u8(msg, XPO_A_APP_HOST_IF, app->host_if) ||
		    nla_put_u8(msg, XPO_A_APP_MEDIA_IF, app->media_if) ||
		    nla_put_u8(msg, XPO_A_APP_HOST_LANES, app->host_lanes) ||
		    nla_put_u8(msg, XPO_A_APP_MEDIA_LANES, app->media_lanes) ||
		    nla_put_u8(msg, XPO_A_APP_HOST_ASSIGN, app->host_assign) ||
		    nla_put_u8(msg, XPO_A_APP_MEDIA_ASSIGN, app->media_assign) ||
		    xpo_nl_put_app_use(msg, xpo_app_find(t, i + 1))) {
			nla_nest_cancel(msg, nest);
			return -EMSGSIZE;
		}
		nla_nest_end(msg, nest);
	}
	return 0;
}

/*
 * The module as a whole: its interface architecture, its reach profiles
 * and the whole-cage breakouts its applications allow (what port-split
 * and reach-set will accept), all from the same decoding that validates
 * them.
 */
static int xpo_nl_put_profile(struct sk_buff *msg,
			      const struct xpo_app_table *t)
{
	struct xpo_app_mode modes[XPO_APP_MODES_MAX];
	enum xpo_app_arch arch = xpo_app_arch(t);
	unsigned long reaches;
	struct nlattr *nest;
	unsigned int i, n;

	if (arch != XPO_ARCH_UNKNOWN &&
	    nla_put_u32(msg, XPO_A_CAGE_INTERFACE_ARCH, arch))
		return -EMSGSIZE;
	reaches = xpo_app_reaches(t);
	for_each_set_bit(i, &reaches, XPO_REACH_MAX)
		if (nla_put_u32(msg, XPO_A_CAGE_REACH, i))
			return -EMSGSIZE;
	n = min_t(unsigned int, ARRAY_SIZE(modes),
		  xpo_app_modes(t, XPO_APP_CAGE, modes, ARRAY_SIZE(modes)));
	for (i = 0; i < n; i++) {
		nest = nla_nest_start(msg, XPO_A_CAGE_BREAKOUT_MODE);
		if (!nest)
			return -EMSGSIZE;
		if (nla_put_u32(msg, XPO_A_BREAKOUT_MODE_PORTS, modes[i].count) ||
		    nla_put_u32(msg, XPO_A_BREAKOUT_MODE_LANES, modes[i].lanes) ||
		    nla_put_u32(msg, XPO_A_BREAKOUT_MODE_SPEED,
				modes[i].speed_gbps * 1000U)) {
			nla_nest_cancel(msg, nest);
			return -EMSGSIZE;
		}
		nla_nest_end(msg, nest);
	}
	return 0;
}

static int xpo_nl_put_identity(struct sk_buff *msg,
			       const struct xpo_identity *id,
			       const struct xpo_app_table *t)
{
	if (nla_put_u8(msg, XPO_A_CAGE_IDENTIFIER, id->identifier) ||
	    nla_put_u8(msg, XPO_A_CAGE_CMIS_REV,
		       id->rev_major << 4 | id->rev_minor) ||
	    nla_put_u32(msg, XPO_A_CAGE_MEMORY,
			id->flat ? XPO_MEMORY_FLAT : XPO_MEMORY_PAGED) ||
	    nla_put_string(msg, XPO_A_CAGE_VENDOR, id->vendor) ||
	    nla_put(msg, XPO_A_CAGE_VENDOR_OUI, sizeof(id->oui), id->oui) ||
	    nla_put_string(msg, XPO_A_CAGE_PART_NUMBER, id->part_number) ||
	    nla_put_string(msg, XPO_A_CAGE_REVISION, id->revision) ||
	    nla_put_string(msg, XPO_A_CAGE_SERIAL, id->serial) ||
	    nla_put_string(msg, XPO_A_CAGE_DATE_CODE, id->date_code) ||
	    (id->clei[0] &&
	     nla_put_string(msg, XPO_A_CAGE_CLEI, id->clei)) ||
	    nla_put_u16(msg, XPO_A_CAGE_FW_ACTIVE,
			id->fw_active_major << 8 | id->fw_active_minor) ||
	    nla_put_u8(msg, XPO_A_CAGE_MEDIA_TYPE, id->media_type) ||
	    nla_put_u32(msg, XPO_A_CAGE_BANKS, id->banks) ||
	    nla_put_u8(msg, XPO_A_CAGE_POWER_CLASS, id->power_class) ||
	    nla_put_u32(msg, XPO_A_CAGE_MAX_POWER, id->max_power_mw))
		return -EMSGSIZE;
	if (id->has_page01 &&
	    (nla_put_u16(msg, XPO_A_CAGE_FW_INACTIVE,
			 id->fw_inactive_major << 8 | id->fw_inactive_minor) ||
	     nla_put_u16(msg, XPO_A_CAGE_HW_REV,
			 id->hw_major << 8 | id->hw_minor)))
		return -EMSGSIZE;
	if (xpo_nl_put_apps(msg, id, t))
		return -EMSGSIZE;
	return xpo_nl_put_profile(msg, t);
}

/*
 * Thermal, coolant and power values, in the units of the spec: m°C, µV,
 * mW, mL/min (each an exact multiple of the module's own unit, except
 * temperatures: 1/256 °C, rounded to the closest m°C).
 */
static int xpo_nl_put_live(struct sk_buff *msg, const struct xpo_nl_cage *c)
{
	const struct xpo_telemetry *t = &c->tlm;
	bool leak = c->leak;
	unsigned int e, n;

	if (c->has_tlm &&
	    (nla_put_s32(msg, XPO_A_CAGE_MODULE_TEMP,
			 xpo_cmis_temp_mdegc(t->temp)) ||
	     nla_put_u32(msg, XPO_A_CAGE_SUPPLY_VOLTAGE, t->vcc * 100)))
		return -EMSGSIZE;
	if (c->has_tlm && t->has_page) {
		leak |= t->b0[XPO_TLM_STATUS - XPO_TLM_FIRST] &
			XPO_TLM_STATUS_LEAK;
		if (nla_put_u32(msg, XPO_A_CAGE_POWER_DRAW,
				xpo_nl_b0_u16(t, XPO_TLM_POWER) * 10) ||
		    nla_put_s32(msg, XPO_A_CAGE_COOLANT_IN_TEMP,
				xpo_nl_b0_mdegc(t, XPO_TLM_COOLANT_IN)) ||
		    nla_put_s32(msg, XPO_A_CAGE_COOLANT_OUT_TEMP,
				xpo_nl_b0_mdegc(t, XPO_TLM_COOLANT_OUT)) ||
		    nla_put_u32(msg, XPO_A_CAGE_COOLANT_FLOW,
				xpo_nl_b0_u16(t, XPO_TLM_COOLANT_FLOW)))
			return -EMSGSIZE;
		n = min_t(unsigned int, t->b0[XPO_TLM_ENGINES - XPO_TLM_FIRST],
			  XPO_TLM_ENGINES_MAX);
		for (e = 0; e < n; e++)
			if (nla_put_s32(msg, XPO_A_CAGE_ENGINE_TEMP,
					xpo_nl_b0_mdegc(t, XPO_TLM_ENGINE_TEMP +
							2 * e)))
				return -EMSGSIZE;
	}
	if (nla_put_u8(msg, XPO_A_CAGE_LEAK, leak))
		return -EMSGSIZE;
	return 0;
}

/* The protection nest: actions, thresholds, trip status */
static int xpo_nl_put_protect(struct sk_buff *msg, const struct xpo_protect *p)
{
	struct nlattr *nest;

	nest = nla_nest_start(msg, XPO_A_CAGE_PROTECT);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(msg, XPO_A_PROTECT_LEAK, p->policy[XPO_PROTECT_LEAK]) ||
	    nla_put_u32(msg, XPO_A_PROTECT_FLOW_LOW,
			p->policy[XPO_PROTECT_FLOW_LOW]) ||
	    nla_put_u32(msg, XPO_A_PROTECT_OVERTEMP,
			p->policy[XPO_PROTECT_OVERTEMP]) ||
	    nla_put_u32(msg, XPO_A_PROTECT_FLOW_MIN,
			p->limit[XPO_PROTECT_FLOW_LOW]) ||
	    nla_put_s32(msg, XPO_A_PROTECT_TEMP_MAX,
			p->limit[XPO_PROTECT_OVERTEMP]) ||
	    nla_put_u8(msg, XPO_A_PROTECT_TRIPPED, p->tripped) ||
	    nla_put_u32(msg, XPO_A_PROTECT_ALERTS, p->alerts) ||
	    (p->tripped &&
	     (nla_put_u32(msg, XPO_A_PROTECT_REASON, p->reason) ||
	      nla_put_u32(msg, XPO_A_PROTECT_ACTION, p->action) ||
	      nla_put_u64_64bit(msg, XPO_A_PROTECT_TRIPPED_TIME,
				p->tripped_ns, XPO_A_PROTECT_PAD)))) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

static int xpo_nl_cage_put(struct sk_buff *msg, struct xpo_cage *cage,
			   const struct xpo_nl_cage *c)
{
	if (nla_put_u32(msg, XPO_A_CAGE_ID, cage->nr) ||
	    nla_put_u32(msg, XPO_A_CAGE_BOARD, cage->board_nr) ||
	    nla_put_u8(msg, XPO_A_CAGE_PRESENT, c->present) ||
	    nla_put_u32(msg, XPO_A_CAGE_STATE, c->state) ||
	    nla_put_u32(msg, XPO_A_CAGE_PREV_STATE, c->prev_state) ||
	    nla_put_u32(msg, XPO_A_CAGE_FAULT, c->fault) ||
	    (c->fault == XPO_FAULT_MODULE_FAULT &&
	     nla_put_u8(msg, XPO_A_CAGE_FAULT_CAUSE, c->fault_cause)) ||
	    (c->module_state &&
	     nla_put_u32(msg, XPO_A_CAGE_MODULE_STATE, c->module_state)) ||
	    nla_put_u32(msg, XPO_A_CAGE_PORTS, c->ports) ||
	    nla_put_u32(msg, XPO_A_CAGE_LANES_PER_PORT, CMIS_LANES_PER_BANK) ||
	    nla_put_u32(msg, XPO_A_CAGE_POWER_BUDGET, cage->max_power_mw) ||
	    nla_put_u32(msg, XPO_A_CAGE_POWER_POLICY,
			c->policy == XPO_POWER_POLICY_AUTO ?
			XPO_POWER_MODE_POLICY_AUTO :
			XPO_POWER_MODE_POLICY_HIGH) ||
	    nla_put(msg, XPO_A_CAGE_MODULE_FLAGS, sizeof(c->mod_flags),
		    c->mod_flags) ||
	    nla_put(msg, XPO_A_CAGE_TELEMETRY_FLAGS, sizeof(c->tlm_flags),
		    c->tlm_flags))
		return -EMSGSIZE;
	if (c->id_valid && xpo_nl_put_identity(msg, &c->id, &c->apps))
		return -EMSGSIZE;
	if (xpo_nl_put_protect(msg, &c->protect))
		return -EMSGSIZE;
	return xpo_nl_put_live(msg, c);
}

/* One cage-get message for a cage.  Return: 0, -EMSGSIZE or -ENOMEM. */
static int xpo_nl_cage_fill(struct sk_buff *msg, struct xpo_cage *cage,
			    u32 portid, u32 seq, int flags)
{
	struct xpo_nl_cage *c;
	void *hdr;
	int err;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	xpo_nl_cage_gather(cage, c);

	err = -EMSGSIZE;
	hdr = genlmsg_put(msg, portid, seq, &xpo_nl_family, flags,
			  XPO_CMD_CAGE_GET);
	if (!hdr)
		goto out;
	err = xpo_nl_cage_put(msg, cage, c);
	if (err)
		genlmsg_cancel(msg, hdr);
	else
		genlmsg_end(msg, hdr);
out:
	kfree(c);
	return err;
}

/*
 * Every doit: look the cage up and hold a reference until post_doit.  The
 * cage is named by its number and its board; a request without a board
 * names board 0, the board of a single-board system.
 */
static int xpo_nl_pre_doit(const struct XPO_GENL_OPS *ops,
			   struct sk_buff *skb, struct genl_info *info)
{
	int attr = XPO_A_CAGE_ID, battr = XPO_A_CAGE_BOARD;
	struct xpo_cage *cage;
	u32 board = 0;

	if (ops->cmd == XPO_CMD_EEPROM_READ) {
		attr = XPO_A_EEPROM_ID;
		battr = XPO_A_EEPROM_BOARD;
	} else if (ops->cmd == XPO_CMD_LANES_GET) {
		attr = XPO_A_LANES_ID;
		battr = XPO_A_LANES_BOARD;
	} else if (ops->cmd == XPO_CMD_PORT_GET ||
		   ops->cmd == XPO_CMD_PORT_SPLIT ||
		   ops->cmd == XPO_CMD_PORT_UNSPLIT ||
		   ops->cmd == XPO_CMD_REACH_GET ||
		   ops->cmd == XPO_CMD_REACH_SET ||
		   ops->cmd == XPO_CMD_SI_GET || ops->cmd == XPO_CMD_SI_SET ||
		   ops->cmd == XPO_CMD_TUNE_GET ||
		   ops->cmd == XPO_CMD_TUNE_SET) {
		attr = XPO_A_PORT_ID;
		battr = XPO_A_PORT_BOARD;
	}
	if (GENL_REQ_ATTR_CHECK(info, attr))
		return -EINVAL;
	if (info->attrs[battr])
		board = nla_get_u32(info->attrs[battr]);
	cage = xpo_cage_get(board, nla_get_u32(info->attrs[attr]));
	if (!cage) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[attr],
				    "No such cage");
		return -ENODEV;
	}
	info->user_ptr[0] = cage;
	return 0;
}

static void xpo_nl_post_doit(const struct XPO_GENL_OPS *ops,
			     struct sk_buff *skb, struct genl_info *info)
{
	if (info->user_ptr[0])
		xpo_cage_put(info->user_ptr[0]);
}

int xpo_nl_cage_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xpo_cage *cage = info->user_ptr[0];
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	err = xpo_nl_cage_fill(msg, cage, info->snd_portid, info->snd_seq, 0);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/*
 * All cages, board by board in number order.  cb->args[0] is the registry
 * position of the next cage to report, so a dump that fills its message
 * goes on where it stopped.
 */
int xpo_nl_cage_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	unsigned long nr = cb->args[0];
	struct xpo_cage *cage;
	int err = 0;

	for (; (cage = xpo_cage_get_next(&nr)); nr++) {
		err = xpo_nl_cage_fill(skb, cage, NETLINK_CB(cb->skb).portid,
				       cb->nlh->nlmsg_seq, NLM_F_MULTI);
		xpo_cage_put(cage);
		if (err)
			break;
	}
	cb->args[0] = nr;
	/* a full message goes out; the next one starts with this cage */
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}

/* The protection nest's actions of a cage-set */
static const struct {
	int attr;
	enum xpo_protect_cond cond;
} xpo_nl_protect_conds[] = {
	{ XPO_A_PROTECT_LEAK,		XPO_PROTECT_LEAK },
	{ XPO_A_PROTECT_FLOW_LOW,	XPO_PROTECT_FLOW_LOW },
	{ XPO_A_PROTECT_OVERTEMP,	XPO_PROTECT_OVERTEMP },
};

/* What cage-get reports in the protect nest but cage-set cannot change */
static const int xpo_nl_protect_ro[] = {
	XPO_A_PROTECT_TRIPPED, XPO_A_PROTECT_REASON, XPO_A_PROTECT_ACTION,
	XPO_A_PROTECT_TRIPPED_TIME, XPO_A_PROTECT_ALERTS,
};

/* A static message, as NL_SET_ERR_MSG() sets one, from a variable */
static void xpo_nl_refusal_msg(struct netlink_ext_ack *extack,
			       const struct xpo_nl_refusal *r,
			       struct nlattr **tb)
{
	if (!extack)
		return;
	extack->_msg = r->msg;
	if (r->attr && tb[r->attr])
		NL_SET_BAD_ATTR(extack, tb[r->attr]);
}

/*
 * The protect nest of a cage-set, as settings to apply: parsed and checked
 * in full (the policy has checked each value's range), nothing applied.
 */
static int xpo_nl_protect_parse(struct nlattr *nest,
				struct xpo_protect_settings *set,
				struct netlink_ext_ack *extack)
{
	struct nlattr *tb[XPO_A_PROTECT_MAX + 1];
	struct xpo_nl_refusal r;
	unsigned int i;
	int err;

	err = nla_parse_nested(tb, XPO_A_PROTECT_MAX, nest,
			       xpo_protect_nl_policy, extack);
	if (err)
		return err;
	for (i = 0; i < ARRAY_SIZE(xpo_nl_protect_ro); i++) {
		if (tb[xpo_nl_protect_ro[i]]) {
			NL_SET_ERR_MSG_ATTR(extack, tb[xpo_nl_protect_ro[i]],
					    "Read-only: cage-set takes the actions, flow-min and temp-max");
			return -EINVAL;
		}
	}

	memset(set, 0, sizeof(*set));
	for (i = 0; i < ARRAY_SIZE(xpo_nl_protect_conds); i++) {
		struct nlattr *a = tb[xpo_nl_protect_conds[i].attr];
		enum xpo_protect_cond cond = xpo_nl_protect_conds[i].cond;

		if (!a)
			continue;
		set->policy_set |= BIT(cond);
		set->policy[cond] = nla_get_u32(a);
	}
	if (tb[XPO_A_PROTECT_FLOW_MIN]) {
		set->limit_set |= BIT(XPO_PROTECT_FLOW_LOW);
		set->limit[XPO_PROTECT_FLOW_LOW] =
			nla_get_u32(tb[XPO_A_PROTECT_FLOW_MIN]);
	}
	if (tb[XPO_A_PROTECT_TEMP_MAX]) {
		set->limit_set |= BIT(XPO_PROTECT_OVERTEMP);
		set->limit[XPO_PROTECT_OVERTEMP] =
			nla_get_s32(tb[XPO_A_PROTECT_TEMP_MAX]);
	}
	if (xpo_nl_protect_refused(set, &r)) {
		xpo_nl_refusal_msg(extack, &r, tb);
		return r.err;
	}
	return 0;
}

/* Tell why a re-arm was refused (extack messages must be literals) */
static void xpo_nl_rearm_refused(struct netlink_ext_ack *extack,
				 const struct nlattr *attr, int err,
				 const char *why)
{
	if (err == -ENODEV)
		NL_SET_ERR_MSG_ATTR(extack, attr, "The cage is going away");
	else if (err == -EIO)
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "Cannot re-arm: the module cannot be read");
	else if (why && !strcmp(why, xpo_protect_cond_name(XPO_PROTECT_LEAK)))
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "Cannot re-arm: a leak is still detected");
	else if (why &&
		 !strcmp(why, xpo_protect_cond_name(XPO_PROTECT_FLOW_LOW)))
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "Cannot re-arm: coolant flow is still low");
	else if (why &&
		 !strcmp(why, xpo_protect_cond_name(XPO_PROTECT_OVERTEMP)))
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "Cannot re-arm: still over temperature");
	else
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "Cannot re-arm: the cause is still present");
}

/* The request, and the cage as it is now, for xpo_nl_cage_set_refused() */
static void xpo_nl_set_plan(struct xpo_cage *cage, struct nlattr **tb,
			    struct xpo_nl_set *plan)
{
	memset(plan, 0, sizeof(*plan));
	plan->policy = tb[XPO_A_CAGE_POWER_POLICY];
	plan->protect = tb[XPO_A_CAGE_PROTECT];
	plan->rearm = tb[XPO_A_CAGE_REARM];
	plan->power = tb[XPO_A_CAGE_POWER];
	plan->power_on = plan->power && nla_get_u8(tb[XPO_A_CAGE_POWER]);
	plan->reset = tb[XPO_A_CAGE_RESET];

	mutex_lock(&cage->sm_lock);
	plan->held_off = __xpo_protect_holds_power_off(cage);
	plan->powered_off = cage->sm.state == XPO_S_POWERED_OFF;
	plan->empty = cage->sm.state == XPO_S_EMPTY;
	mutex_unlock(&cage->sm_lock);
}

/* What a cage-set has applied so far, to take back if a later step fails */
struct xpo_nl_undo {
	bool protect;
	struct xpo_protect_settings protect_set;
	bool policy;
	enum xpo_power_policy policy_was;
};

static void xpo_nl_set_undo(struct xpo_cage *cage, struct xpo_nl_undo *u)
{
	if (u->policy)
		xpo_cage_set_power_policy(cage, u->policy_was, NULL);
	/* -ENODEV only: a cage going away keeps nothing anyway */
	if (u->protect)
		xpo_cage_protect_change(cage, &u->protect_set, NULL);
}

/*
 * The reset, last: once the module was reset nothing is taken back; only
 * a reset that did not happen (no powered module after all) undoes the
 * steps before it.
 */
static int xpo_nl_set_reset(struct xpo_cage *cage, struct nlattr *attr,
			    struct netlink_ext_ack *extack,
			    struct xpo_nl_undo *undo)
{
	enum xpo_sm_state state;
	int err;

	err = xpo_cage_reset_wait(cage, XPO_RESET_SHARED, &state, extack);
	if (err == -EBUSY || err == -EINVAL) {
		/* a guard of the core, with its message: nothing was reset */
		xpo_nl_set_undo(cage, undo);
		NL_SET_BAD_ATTR(extack, attr);
	} else if (err == -ENODEV) {
		xpo_nl_set_undo(cage, undo);
		NL_SET_ERR_MSG_ATTR(extack, attr, "No powered module to reset");
	} else if (err == -ETIMEDOUT) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "The module did not settle after the reset");
	} else if (err) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "Interrupted while waiting for the module");
	}
	if (err)
		return err;
	if (state == XPO_S_FAULT) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "The module is in fault after the reset");
		return -EIO;
	}
	return 0;
}

/*
 * All or nothing (Documentation/netlink.rst): every attribute is checked
 * first; then the protection settings, the re-arm (which judges the cage
 * against the new settings), the power policy, the supply and the reset,
 * the irreversible steps last.  A step that fails takes back the
 * protection settings and the policy applied before it.
 */
int xpo_nl_cage_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct netlink_ext_ack *extack = info->extack;
	struct xpo_cage *cage = info->user_ptr[0];
	struct nlattr **tb = info->attrs;
	struct xpo_protect_settings set;
	struct xpo_nl_undo undo = {};
	struct xpo_nl_refusal r;
	struct xpo_nl_set plan;
	const char *why;
	int err;

	/* 1. check everything */
	if (tb[XPO_A_CAGE_PROTECT]) {
		err = xpo_nl_protect_parse(tb[XPO_A_CAGE_PROTECT], &set, extack);
		if (err)
			return err;
	}
	xpo_nl_set_plan(cage, tb, &plan);
	if (xpo_nl_cage_set_refused(&plan, &r)) {
		xpo_nl_refusal_msg(extack, &r, tb);
		return r.err;
	}

	/* 2. apply, taking back on failure */
	if (plan.protect) {
		err = xpo_cage_protect_change(cage, &set, &undo.protect_set);
		if (err) {
			NL_SET_ERR_MSG(extack, "The cage is going away");
			return err;
		}
		undo.protect = true;
	}

	if (plan.rearm) {
		err = xpo_cage_protect_rearm(cage, &why);
		if (err) {
			xpo_nl_set_undo(cage, &undo);
			xpo_nl_rearm_refused(extack, tb[XPO_A_CAGE_REARM], err,
					     why);
			return err;
		}
	}

	if (plan.policy) {
		undo.policy_was = xpo_cage_power_policy(cage);
		err = xpo_cage_set_power_policy(cage,
						nla_get_u32(tb[XPO_A_CAGE_POWER_POLICY]) ==
						XPO_POWER_MODE_POLICY_AUTO ?
						XPO_POWER_POLICY_AUTO :
						XPO_POWER_POLICY_HIGH, extack);
		if (err) {
			/* the core's guard says why */
			xpo_nl_set_undo(cage, &undo);
			NL_SET_BAD_ATTR(extack, tb[XPO_A_CAGE_POWER_POLICY]);
			return err;
		}
		undo.policy = true;
	}

	if (plan.power) {
		err = xpo_cage_set_power(cage, plan.power_on, extack);
		if (err) {
			/* the core's message says why */
			xpo_nl_set_undo(cage, &undo);
			NL_SET_BAD_ATTR(extack, tb[XPO_A_CAGE_POWER]);
			return err;
		}
	}

	if (plan.reset)
		return xpo_nl_set_reset(cage, tb[XPO_A_CAGE_RESET], extack,
					&undo);
	return 0;
}

/*
 * The policies and the ops come from the spec (xpo_nl_gen.c).
 * resv_start_op 0: the netlink core validates the header of every command
 * (genlmsghdr.reserved 0, only the nlmsg_flags it knows), as it does for
 * any new family; the attributes are validated strictly in any case.
 */
struct genl_family xpo_nl_family __ro_after_init = {
	.name		= XPO_FAMILY_NAME,
	.version	= XPO_FAMILY_VERSION,
	.module		= THIS_MODULE,
	/* a reset waits for the module: never under the global genl lock */
	.parallel_ops	= true,
	.ops		= xpo_nl_ops,
	.n_ops		= ARRAY_SIZE(xpo_nl_ops),
	.resv_start_op	= 0,
	.pre_doit	= xpo_nl_pre_doit,
	.post_doit	= xpo_nl_post_doit,
	.mcgrps		= xpo_nl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(xpo_nl_mcgrps),
};

/*
 * The monitor group's sink of the core's events (xpo_event.h), called
 * under the cage's sm_lock: the cage's state is that of the event.  Every
 * event counts in the cage's event-seq (the core's), listened to or not,
 * so that a listener that misses one (its socket full) sees the gap.
 */
static void xpo_nl_publish(struct xpo_cage *cage, const struct xpo_cage_event *ev)
{
	int event = xpo_nl_event(ev->type);
	struct sk_buff *msg;
	void *hdr;

	lockdep_assert_held(&cage->sm_lock);
	if (!event ||
	    !genl_has_listeners(&xpo_nl_family, &init_net, XPO_NLGRP_MONITOR))
		return;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return;
	hdr = genlmsg_put(msg, 0, 0, &xpo_nl_family, 0, XPO_CMD_CAGE_EVENT_NTF);
	if (!hdr)
		goto err;
	if (nla_put_u32(msg, XPO_A_CAGE_ID, cage->nr) ||
	    nla_put_u32(msg, XPO_A_CAGE_BOARD, cage->board_nr) ||
	    nla_put_u32(msg, XPO_A_CAGE_EVENT, event) ||
	    nla_put_u32(msg, XPO_A_CAGE_EVENT_SEQ, cage->event_seq) ||
	    nla_put_u8(msg, XPO_A_CAGE_PRESENT, ev->present) ||
	    nla_put_u32(msg, XPO_A_CAGE_STATE, ev->state) ||
	    nla_put_u32(msg, XPO_A_CAGE_PREV_STATE, ev->prev_state) ||
	    nla_put_u32(msg, XPO_A_CAGE_FAULT, ev->fault))
		goto err;
	if (event == XPO_EVENT_ALARM || event == XPO_EVENT_PROTECT ||
	    event == XPO_EVENT_REARM) {
		if ((ev->cond < XPO_PROTECT_NUM_COND &&
		     nla_put_u32(msg, XPO_A_CAGE_EVENT_COND, ev->cond)) ||
		    (ev->action < XPO_PROTECT_NUM_ACTION &&
		     nla_put_u32(msg, XPO_A_CAGE_EVENT_ACTION, ev->action)) ||
		    xpo_nl_put_protect(msg, &cage->protect))
			goto err;
	}
	genlmsg_end(msg, hdr);
	genlmsg_multicast(&xpo_nl_family, msg, 0, XPO_NLGRP_MONITOR,
			  GFP_KERNEL);
	return;
err:
	nlmsg_free(msg);
}

static struct xpo_event_sink xpo_nl_sink = {
	.publish = xpo_nl_publish,
};

int __init xpo_nl_init(void)
{
	int err = genl_register_family(&xpo_nl_family);

	if (!err)
		xpo_event_sink_register(&xpo_nl_sink);
	return err;
}

void xpo_nl_exit(void)
{
	xpo_event_sink_unregister(&xpo_nl_sink);
	genl_unregister_family(&xpo_nl_family);
}

MODULE_ALIAS_GENL_FAMILY(XPO_FAMILY_NAME);
