// SPDX-License-Identifier: GPL-2.0
/*
 * lanes-get of the xpo netlink family: the lanes of a cage's telemetry
 * snapshot (xpo_telemetry.c), the one hwmon and cage-get share, so a
 * lanes-get costs the module nothing within the snapshot's interval.  Per
 * lane: Tx power, Tx bias and Rx power (page 11h, in nW and µA) and the
 * lane flags that latched since the previous refresh, as the core's lane
 * client read them (telemetry never reads a latched byte); per cage the
 * monitors' thresholds (page 02h, read with the identity).  Under a CDB or
 * firmware lease the module is not read: the last snapshot comes marked
 * stale, with its age.  See Documentation/netlink.rst, "lanes-get".
 */
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <net/genetlink.h>

#include "../../include/uapi/linux/xpo.h"
#include "xpo_core.h"
#include "xpo_nl.h"
#include "xpo_nl_gen.h"

/* One lane's nest */
static int xpo_nl_lane_put(struct sk_buff *msg, unsigned int index,
			   const struct xpo_cmis_lane *l)
{
	struct nlattr *nest;

	nest = nla_nest_start(msg, XPO_A_LANES_LANE);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(msg, XPO_A_LANE_INDEX, index) ||
	    (l->has_tx_power &&
	     nla_put_u32(msg, XPO_A_LANE_TX_POWER, l->tx_power_nw)) ||
	    (l->has_tx_bias &&
	     nla_put_u32(msg, XPO_A_LANE_TX_BIAS, l->tx_bias_ua)) ||
	    (l->has_rx_power &&
	     nla_put_u32(msg, XPO_A_LANE_RX_POWER, l->rx_power_nw)) ||
	    (l->flags && nla_put_u32(msg, XPO_A_LANE_FLAGS, l->flags))) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

/*
 * One monitor's four thresholds, from @first (its high alarm): the
 * attributes follow the page's order, XPO_THR_HALARM..XPO_THR_LWARN.
 */
static int xpo_nl_thresholds_put(struct sk_buff *msg, u16 first,
				 const u32 *v)
{
	unsigned int i;

	for (i = 0; i < XPO_THR_MAX; i++)
		if (nla_put_u32(msg, first + i, v[i]))
			return -EMSGSIZE;
	return 0;
}

/* The thresholds' nest: of the monitors the module advertises */
static int xpo_nl_lane_thresholds_put(struct sk_buff *msg,
				      const struct xpo_cmis_thresholds *thr,
				      u8 mon_support)
{
	struct xpo_cmis_lane_thresholds lt;
	struct nlattr *nest;

	BUILD_BUG_ON(XPO_A_LANE_THRESHOLDS_TX_POWER_LOW_WARNING -
		     XPO_A_LANE_THRESHOLDS_TX_POWER_HIGH_ALARM != XPO_THR_LWARN);
	BUILD_BUG_ON(XPO_A_LANE_THRESHOLDS_TX_BIAS_LOW_WARNING -
		     XPO_A_LANE_THRESHOLDS_TX_BIAS_HIGH_ALARM != XPO_THR_LWARN);
	BUILD_BUG_ON(XPO_A_LANE_THRESHOLDS_RX_POWER_LOW_WARNING -
		     XPO_A_LANE_THRESHOLDS_RX_POWER_HIGH_ALARM != XPO_THR_LWARN);

	xpo_cmis_decode_lane_thresholds(&lt, thr, mon_support);
	if (!lt.has_tx_power && !lt.has_tx_bias && !lt.has_rx_power)
		return 0;
	nest = nla_nest_start(msg, XPO_A_LANES_THRESHOLDS);
	if (!nest)
		return -EMSGSIZE;
	if ((lt.has_tx_power &&
	     xpo_nl_thresholds_put(msg, XPO_A_LANE_THRESHOLDS_TX_POWER_HIGH_ALARM,
				   lt.tx_power_nw)) ||
	    (lt.has_tx_bias &&
	     xpo_nl_thresholds_put(msg, XPO_A_LANE_THRESHOLDS_TX_BIAS_HIGH_ALARM,
				   lt.tx_bias_ua)) ||
	    (lt.has_rx_power &&
	     xpo_nl_thresholds_put(msg, XPO_A_LANE_THRESHOLDS_RX_POWER_HIGH_ALARM,
				   lt.rx_power_nw))) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

static int xpo_nl_lanes_put(struct sk_buff *msg, struct xpo_cage *cage,
			    const struct xpo_telemetry *t,
			    const struct xpo_telemetry_lanes *lanes)
{
	struct xpo_cmis_lane l;
	unsigned int b, n;

	if (nla_put_u32(msg, XPO_A_LANES_ID, cage->nr) ||
	    nla_put_u32(msg, XPO_A_LANES_BOARD, cage->board_nr) ||
	    (t->stale && nla_put_flag(msg, XPO_A_LANES_STALE)) ||
	    nla_put_u32(msg, XPO_A_LANES_AGE,
			jiffies_to_msecs(jiffies - t->stamp)))
		return -EMSGSIZE;
	for (b = 0; b < lanes->banks; b++) {
		for (n = 0; n < CMIS_LANES_PER_BANK; n++) {
			xpo_cmis_decode_lane(&l, lanes->mon[b],
					     lanes->flags[b], t->mon_support,
					     n);
			if (xpo_nl_lane_put(msg, b * CMIS_LANES_PER_BANK + n,
					    &l))
				return -EMSGSIZE;
		}
	}
	if (lanes->has_thresholds)
		return xpo_nl_lane_thresholds_put(msg, &lanes->thr,
						  t->mon_support);
	return 0;
}

/* The most a lanes-get message takes: every lane with every attribute */
static size_t xpo_nl_lanes_size(void)
{
	size_t lane = nla_total_size(0) + 5 * nla_total_size(sizeof(u32));
	size_t thresholds = nla_total_size(0) +
			    3 * XPO_THR_MAX * nla_total_size(sizeof(u32));

	return 3 * nla_total_size(sizeof(u32)) + nla_total_size(0) +
	       XPO_LANES * lane + thresholds;
}

/*
 * One lanes-get message for a cage.  Return: 0, -ENODATA (no snapshot to
 * serve), -EMSGSIZE or -ENOMEM.
 */
static int xpo_nl_lanes_fill(struct sk_buff *msg, struct xpo_cage *cage,
			     u32 portid, u32 seq, int flags)
{
	struct xpo_telemetry_lanes *lanes;
	struct xpo_telemetry t;
	void *hdr;
	int err;

	lanes = kzalloc(sizeof(*lanes), GFP_KERNEL);
	if (!lanes)
		return -ENOMEM;
	err = xpo_telemetry_get_lanes(cage, &t, lanes, XPO_TLM_STALE_OK);
	if (err)
		goto out;
	err = -EMSGSIZE;
	hdr = genlmsg_put(msg, portid, seq, &xpo_nl_family, flags,
			  XPO_CMD_LANES_GET);
	if (!hdr)
		goto out;
	err = xpo_nl_lanes_put(msg, cage, &t, lanes);
	if (err)
		genlmsg_cancel(msg, hdr);
	else
		genlmsg_end(msg, hdr);
out:
	kfree(lanes);
	return err;
}

int xpo_nl_lanes_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xpo_cage *cage = info->user_ptr[0];
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(xpo_nl_lanes_size(), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	err = xpo_nl_lanes_fill(msg, cage, info->snd_portid, info->snd_seq, 0);
	if (err) {
		nlmsg_free(msg);
		if (err == -ENODATA)
			NL_SET_ERR_MSG(info->extack,
				       "No telemetry: no module that answers management, or it could not be read");
		return err;
	}
	return genlmsg_reply(msg, info);
}

/*
 * Every cage with a snapshot to serve, board by board in number order
 * (cages without one are left out).  cb->args[0] as cage-get's dump.
 */
int xpo_nl_lanes_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	unsigned long nr = cb->args[0];
	struct xpo_cage *cage;
	int err = 0;

	for (; (cage = xpo_cage_get_next(&nr)); nr++) {
		err = xpo_nl_lanes_fill(skb, cage, NETLINK_CB(cb->skb).portid,
					cb->nlh->nlmsg_seq, NLM_F_MULTI);
		xpo_cage_put(cage);
		if (err == -ENODATA)
			err = 0;
		if (err)
			break;
	}
	cb->args[0] = nr;
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}
