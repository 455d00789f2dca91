// SPDX-License-Identifier: GPL-2.0
/*
 * si-get, si-set, tune-get and tune-set of the xpo netlink family: a
 * port's host-side signal integrity and laser tuning (xpo_settings.c does
 * the work).  A set replies as its get, with what the module has after it.
 * See Documentation/netlink.rst and Documentation/ports.rst.
 */
#include <linux/slab.h>
#include <net/genetlink.h>

#include "../../include/uapi/linux/xpo.h"
#include "xpo_compat.h"
#include "xpo_core.h"
#include "xpo_nl.h"
#include "xpo_nl_gen.h"
#include "xpo_settings.h"

/* The port a request names (pre_doit found the cage) */
static int xpo_nl_settings_index(struct genl_info *info, unsigned int *index)
{
	if (GENL_REQ_ATTR_CHECK(info, XPO_A_PORT_INDEX))
		return -EINVAL;
	*index = nla_get_u32(info->attrs[XPO_A_PORT_INDEX]);
	return 0;
}

static void *xpo_nl_settings_start(struct sk_buff **msg, struct genl_info *info,
				   struct xpo_cage *cage, u8 cmd,
				   unsigned int index)
{
	void *hdr;

	*msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!*msg)
		return NULL;
	hdr = genlmsg_put_reply(*msg, info, &xpo_nl_family, 0, cmd);
	if (!hdr ||
	    nla_put_u32(*msg, XPO_A_PORT_ID, cage->nr) ||
	    nla_put_u32(*msg, XPO_A_PORT_BOARD, cage->board_nr) ||
	    nla_put_u32(*msg, XPO_A_PORT_INDEX, index)) {
		nlmsg_free(*msg);
		return NULL;
	}
	return hdr;
}

static int xpo_nl_si_put(struct sk_buff *msg, const struct xpo_port_si *si)
{
	const struct xpo_si_caps *c = &si->caps;
	const struct xpo_si_lane *v;
	struct nlattr *nest;
	unsigned int i, l;

	if (nla_put_u32(msg, XPO_A_PORT_LANE_FIRST, si->first_lane) ||
	    nla_put_u32(msg, XPO_A_PORT_LANE_COUNT, si->lanes))
		return -EMSGSIZE;
	nest = nla_nest_start(msg, XPO_A_PORT_SI_CAPS);
	if (!nest ||
	    nla_put_u32(msg, XPO_A_SI_CAPS_CONTROLS, xpo_si_caps_fields(c)) ||
	    nla_put_u8(msg, XPO_A_SI_CAPS_TX_EQ_MAX, c->tx_eq_max) ||
	    nla_put_u8(msg, XPO_A_SI_CAPS_RX_PRE_MAX, c->rx_pre_max) ||
	    nla_put_u8(msg, XPO_A_SI_CAPS_RX_POST_MAX, c->rx_post_max) ||
	    nla_put_u8(msg, XPO_A_SI_CAPS_RX_AMP_CODES, c->rx_amp_codes))
		return -EMSGSIZE;
	nla_nest_end(msg, nest);
	for (i = 0; i < si->lanes; i++) {
		l = si->first_lane % CMIS_LANES_PER_BANK + i;
		v = &si->lane[l];
		nest = nla_nest_start(msg, XPO_A_PORT_SI_LANE);
		if (!nest ||
		    nla_put_u32(msg, XPO_A_SI_LANE_LANE, si->first_lane + i) ||
		    nla_put_u8(msg, XPO_A_SI_LANE_TX_ADAPTIVE, v->tx_adaptive) ||
		    nla_put_u8(msg, XPO_A_SI_LANE_TX_EQ, v->tx_eq) ||
		    nla_put_u8(msg, XPO_A_SI_LANE_TX_CDR, v->tx_cdr) ||
		    nla_put_u8(msg, XPO_A_SI_LANE_RX_CDR, v->rx_cdr) ||
		    nla_put_u8(msg, XPO_A_SI_LANE_RX_PRE, v->rx_pre) ||
		    nla_put_u8(msg, XPO_A_SI_LANE_RX_POST, v->rx_post) ||
		    nla_put_u8(msg, XPO_A_SI_LANE_RX_AMP, v->rx_amp) ||
		    nla_put_u8(msg, XPO_A_SI_LANE_EXPLICIT,
			       !!(si->explicit & BIT(l))))
			return -EMSGSIZE;
		nla_nest_end(msg, nest);
	}
	return 0;
}

static int xpo_nl_si_reply(struct genl_info *info, struct xpo_cage *cage,
			   u8 cmd, unsigned int index)
{
	struct xpo_port_si *si;
	struct sk_buff *msg;
	void *hdr;
	int err;

	si = kzalloc(sizeof(*si), GFP_KERNEL);
	if (!si)
		return -ENOMEM;
	err = xpo_cage_si_get(cage, index, si, info->extack);
	if (err)
		goto out;
	err = -EMSGSIZE;
	hdr = xpo_nl_settings_start(&msg, info, cage, cmd, index);
	if (!hdr)
		goto out;
	if (xpo_nl_si_put(msg, si)) {
		nlmsg_free(msg);
		goto out;
	}
	genlmsg_end(msg, hdr);
	err = genlmsg_reply(msg, info);
out:
	kfree(si);
	return err;
}

int xpo_nl_si_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	unsigned int index;
	int err = xpo_nl_settings_index(info, &index);

	return err ?: xpo_nl_si_reply(info, info->user_ptr[0],
				      XPO_CMD_SI_GET, index);
}

/* The SI controls of an si-set, by attribute */
static const struct {
	int attr;
	enum xpo_si_field field;
} xpo_nl_si_attrs[] = {
	{ XPO_A_PORT_SI_TX_ADAPTIVE,	XPO_SI_F_TX_ADAPTIVE },
	{ XPO_A_PORT_SI_TX_EQ,		XPO_SI_F_TX_EQ },
	{ XPO_A_PORT_SI_RX_PRE,		XPO_SI_F_RX_PRE },
	{ XPO_A_PORT_SI_RX_POST,	XPO_SI_F_RX_POST },
	{ XPO_A_PORT_SI_RX_AMP,		XPO_SI_F_RX_AMP },
};

int xpo_nl_si_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xpo_cage *cage = info->user_ptr[0];
	struct xpo_port_si_req req = {};
	unsigned int index, i;
	int err;

	err = xpo_nl_settings_index(info, &index);
	if (err)
		return err;
	if (info->attrs[XPO_A_PORT_LANES]) {
		u32 lanes = nla_get_u32(info->attrs[XPO_A_PORT_LANES]);

		if (!lanes || lanes > 0xff) {
			NL_SET_ERR_MSG_ATTR(info->extack,
					    info->attrs[XPO_A_PORT_LANES],
					    "A port has at most 8 lanes (bits 0-7)");
			return -EINVAL;
		}
		req.lanes = lanes;
	}
	for (i = 0; i < ARRAY_SIZE(xpo_nl_si_attrs); i++) {
		struct nlattr *a = info->attrs[xpo_nl_si_attrs[i].attr];

		if (!a)
			continue;
		req.fields |= xpo_nl_si_attrs[i].field;
		switch (xpo_nl_si_attrs[i].field) {
		case XPO_SI_F_TX_ADAPTIVE:
			req.v.tx_adaptive = nla_get_u8(a);
			break;
		case XPO_SI_F_TX_EQ:
			req.v.tx_eq = nla_get_u8(a);
			break;
		case XPO_SI_F_RX_PRE:
			req.v.rx_pre = nla_get_u8(a);
			break;
		case XPO_SI_F_RX_POST:
			req.v.rx_post = nla_get_u8(a);
			break;
		default:
			req.v.rx_amp = nla_get_u8(a);
			break;
		}
	}
	if (!req.fields) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "No SI setting given (si-tx-eq, si-tx-adaptive, si-rx-pre, si-rx-post, si-rx-amp)");
		return -EINVAL;
	}
	err = xpo_cage_si_set(cage, index, &req, info->extack);
	return err ?: xpo_nl_si_reply(info, cage, XPO_CMD_SI_SET, index);
}

static int xpo_nl_tune_put(struct sk_buff *msg, const struct xpo_port_tune *t)
{
	const struct xpo_tune_caps *c = &t->caps;
	struct nlattr *nest, *grid;
	unsigned long media = t->media;
	unsigned int g, l;
	u32 low, high;

	nest = nla_nest_start(msg, XPO_A_PORT_TUNE_CAPS);
	if (!nest)
		return -EMSGSIZE;
	for (g = 0; g < XPO_GRID_NUM; g++) {
		if (xpo_tune_range_mhz(c, g, &low, &high))
			continue;
		grid = nla_nest_start(msg, XPO_A_TUNE_CAPS_GRID);
		if (!grid ||
		    nla_put_u32(msg, XPO_A_TUNE_GRID_SPACING,
				xpo_tune_grid_mhz(g)) ||
		    nla_put_s32(msg, XPO_A_TUNE_GRID_CHANNEL_LOW, c->low[g]) ||
		    nla_put_s32(msg, XPO_A_TUNE_GRID_CHANNEL_HIGH, c->high[g]) ||
		    nla_put_u32(msg, XPO_A_TUNE_GRID_FREQ_LOW, low) ||
		    nla_put_u32(msg, XPO_A_TUNE_GRID_FREQ_HIGH, high))
			return -EMSGSIZE;
		nla_nest_end(msg, grid);
	}
	if ((c->power_min || c->power_max) && c->power_min <= c->power_max &&
	    (nla_put_s32(msg, XPO_A_TUNE_CAPS_POWER_MIN, c->power_min) ||
	     nla_put_s32(msg, XPO_A_TUNE_CAPS_POWER_MAX, c->power_max)))
		return -EMSGSIZE;
	nla_nest_end(msg, nest);

	for_each_set_bit(l, &media, XPO_PORT_TUNE_LANES) {
		const struct xpo_tune_lane *v = &t->lane[l];

		nest = nla_nest_start(msg, XPO_A_PORT_TUNE_LANE);
		if (!nest ||
		    nla_put_u32(msg, XPO_A_TUNE_LANE_MEDIA_LANE, l) ||
		    nla_put_u32(msg, XPO_A_TUNE_LANE_GRID,
				xpo_tune_grid_mhz(v->grid)) ||
		    nla_put_s32(msg, XPO_A_TUNE_LANE_CHANNEL, v->channel) ||
		    nla_put_u32(msg, XPO_A_TUNE_LANE_FREQ, v->freq_mhz) ||
		    nla_put_s32(msg, XPO_A_TUNE_LANE_POWER, v->power) ||
		    nla_put_u8(msg, XPO_A_TUNE_LANE_TUNING,
			       !!(v->status & XPO_TUNE_ST_IN_PROGRESS)) ||
		    nla_put_u8(msg, XPO_A_TUNE_LANE_UNLOCKED,
			       !!(v->status & XPO_TUNE_ST_UNLOCKED)))
			return -EMSGSIZE;
		nla_nest_end(msg, nest);
	}
	return 0;
}

static int xpo_nl_tune_reply(struct genl_info *info, struct xpo_cage *cage,
			     u8 cmd, unsigned int index)
{
	struct xpo_port_tune *t;
	struct sk_buff *msg;
	void *hdr;
	int err;

	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	err = xpo_cage_tune_get(cage, index, t, info->extack);
	if (err)
		goto out;
	err = -EMSGSIZE;
	hdr = xpo_nl_settings_start(&msg, info, cage, cmd, index);
	if (!hdr)
		goto out;
	if (xpo_nl_tune_put(msg, t)) {
		nlmsg_free(msg);
		goto out;
	}
	genlmsg_end(msg, hdr);
	err = genlmsg_reply(msg, info);
out:
	kfree(t);
	return err;
}

int xpo_nl_tune_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	unsigned int index;
	int err = xpo_nl_settings_index(info, &index);

	return err ?: xpo_nl_tune_reply(info, info->user_ptr[0],
					XPO_CMD_TUNE_GET, index);
}

/* An s32 attribute that must fit the s16 of page 12h */
static int xpo_nl_tune_s16(struct genl_info *info, int attr, s16 *v)
{
	s32 x = nla_get_s32(info->attrs[attr]);

	if (x < S16_MIN || x > S16_MAX) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[attr],
				    "Out of range -32768..32767");
		return -ERANGE;
	}
	*v = x;
	return 0;
}

int xpo_nl_tune_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xpo_cage *cage = info->user_ptr[0];
	struct xpo_port_tune_req req = {};
	struct nlattr **tb = info->attrs;
	unsigned int index;
	int err;

	err = xpo_nl_settings_index(info, &index);
	if (err)
		return err;
	if (tb[XPO_A_PORT_TUNE_CHANNEL] && tb[XPO_A_PORT_TUNE_FREQ]) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[XPO_A_PORT_TUNE_FREQ],
				    "A channel or a frequency, not both");
		return -EINVAL;
	}
	if (!tb[XPO_A_PORT_TUNE_CHANNEL] && !tb[XPO_A_PORT_TUNE_FREQ] &&
	    !tb[XPO_A_PORT_TUNE_POWER]) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "Nothing to tune (tune-channel, tune-freq, tune-power)");
		return -EINVAL;
	}
	if (tb[XPO_A_PORT_TUNE_GRID])
		req.grid_mhz = nla_get_u32(tb[XPO_A_PORT_TUNE_GRID]);
	if (tb[XPO_A_PORT_TUNE_CHANNEL]) {
		req.has_channel = true;
		err = xpo_nl_tune_s16(info, XPO_A_PORT_TUNE_CHANNEL,
				      &req.channel);
	}
	if (!err && tb[XPO_A_PORT_TUNE_FREQ]) {
		req.has_freq = true;
		req.freq_mhz = nla_get_u32(tb[XPO_A_PORT_TUNE_FREQ]);
	}
	if (!err && tb[XPO_A_PORT_TUNE_POWER]) {
		req.has_power = true;
		err = xpo_nl_tune_s16(info, XPO_A_PORT_TUNE_POWER, &req.power);
	}
	if (!err)
		err = xpo_cage_tune_set(cage, index, &req, info->extack);
	return err ?: xpo_nl_tune_reply(info, cage, XPO_CMD_TUNE_SET, index);
}
