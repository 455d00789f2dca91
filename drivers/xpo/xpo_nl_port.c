// SPDX-License-Identifier: GPL-2.0
/*
 * port-get of the xpo netlink family: the ports of a cage's breakout as
 * the core knows them (no module access): the netdev of each, the host
 * lanes it carries, its administrative state and carrier, and the data
 * path state of its lanes as the state machine last read them (11h:128).
 * One message per port, as devlink's port dump.  And port-split and
 * port-unsplit, which change a cage's breakout (xpo_breakout.c).  See
 * Documentation/netlink.rst, "port-get", and Documentation/ports.rst.
 */
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/sock.h>

#include "../../include/uapi/linux/xpo.h"
#include "cmis.h"
#include "xpo_cmis_decode.h"
#include "xpo_compat.h"
#include "xpo_core.h"
#include "xpo_nl.h"
#include "xpo_nl_gen.h"
#include "xpo_port.h"

/* A port as it was under sm_lock */
struct xpo_nl_port {
	unsigned int index;
	int ifindex;		/* 0: not registered, or in another netns */
	u8 lane;		/* first host lane */
	u8 lanes;
	u8 split_count;		/* ports of its front-panel port */
	u16 speed_gbps;		/* the layout's, 0: any */
	u8 appsel;		/* of its data path, 0: none planned */
	bool up;
	bool carrier;
	bool has_dp;		/* the lanes' states have been read */
	u8 dp[CMIS_LANES_PER_BANK];
	char dp_fail[48];	/* why its data path failed, "" if it did not */
};

/* Why a failed data path failed, in words */
static void xpo_nl_port_fail(const struct xpo_cage_dp *d, char *buf,
			     size_t len)
{
	if (d->m.fail == XPO_DP_FAIL_REJECTED)
		snprintf(buf, len, "rejected: ConfigStatus %u", d->m.fail_code);
	else
		snprintf(buf, len, "%s while %s", xpo_dp_fail_name(d->m.fail),
			 xpo_dp_state_name(d->m.fail_step));
}

/*
 * Port @index of @cage, seen from @net.  Return: false when the cage has
 * no such port (it has none while it is going away).
 */
static bool xpo_nl_port_gather(struct xpo_cage *cage, unsigned int index,
			       struct net *net, struct xpo_nl_port *p)
{
	const struct xpo_cage_dp *d;
	struct net_device *netdev;
	unsigned int n, panel;

	memset(p, 0, sizeof(*p));
	mutex_lock(&cage->sm_lock);
	if (cage->stopping || index >= cage->layout.num_ports) {
		mutex_unlock(&cage->sm_lock);
		return false;
	}
	p->index = index;
	p->lane = cage->layout.ports[index].first_lane;
	p->lanes = cage->layout.ports[index].lanes;
	/* a port owner's netdev lives as long as its attachment */
	netdev = xpo_attach_netdev_at(cage, p->lane);
	p->speed_gbps = cage->layout.ports[index].speed_gbps;
	panel = p->lane / CMIS_LANES_PER_BANK;
	for (n = 0; n < cage->layout.num_ports; n++)
		if (cage->layout.ports[n].first_lane / CMIS_LANES_PER_BANK ==
		    panel)
			p->split_count++;
	if (netdev && READ_ONCE(netdev->reg_state) == NETREG_REGISTERED &&
	    net_eq(dev_net(netdev), net))
		p->ifindex = READ_ONCE(netdev->ifindex);
	p->up = cage->ports_up & BIT_ULL(p->lane);
	p->carrier = cage->carrier & BIT_ULL(p->lane);
	p->has_dp = true;
	for (n = 0; n < p->lanes; n++) {
		p->dp[n] = xpo_cmis_dp_state(cage->dp_state[panel],
					     p->lane % CMIS_LANES_PER_BANK + n);
		/* CMIS has no state 0: the lanes were not read */
		if (!p->dp[n])
			p->has_dp = false;
	}
	for (n = 0; n < cage->num_dps; n++) {
		d = &cage->dps[n];
		if (d->port != p->lane)
			continue;
		p->appsel = d->m.appsel;
		if (d->m.state == XPO_DP_S_FAILED && !p->dp_fail[0])
			xpo_nl_port_fail(d, p->dp_fail, sizeof(p->dp_fail));
	}
	mutex_unlock(&cage->sm_lock);
	return true;
}

static int xpo_nl_port_put(struct sk_buff *msg, struct xpo_cage *cage,
			   const struct xpo_nl_port *p)
{
	unsigned int n;

	if (nla_put_u32(msg, XPO_A_PORT_ID, cage->nr) ||
	    nla_put_u32(msg, XPO_A_PORT_BOARD, cage->board_nr) ||
	    nla_put_u32(msg, XPO_A_PORT_INDEX, p->index) ||
	    (p->ifindex && nla_put_u32(msg, XPO_A_PORT_IFINDEX, p->ifindex)) ||
	    nla_put_u32(msg, XPO_A_PORT_LANE_FIRST, p->lane) ||
	    nla_put_u32(msg, XPO_A_PORT_LANE_COUNT, p->lanes) ||
	    nla_put_u8(msg, XPO_A_PORT_UP, p->up) ||
	    nla_put_u8(msg, XPO_A_PORT_CARRIER, p->carrier) ||
	    nla_put_u32(msg, XPO_A_PORT_PANEL, p->lane / CMIS_LANES_PER_BANK) ||
	    nla_put_u32(msg, XPO_A_PORT_SPLIT_COUNT, p->split_count))
		return -EMSGSIZE;
	if (p->split_count > 1 &&
	    nla_put_u32(msg, XPO_A_PORT_SUBPORT,
			p->lane % CMIS_LANES_PER_BANK / p->lanes))
		return -EMSGSIZE;
	if (p->speed_gbps &&
	    nla_put_u32(msg, XPO_A_PORT_SPEED, p->speed_gbps * 1000U))
		return -EMSGSIZE;
	if (p->appsel && nla_put_u8(msg, XPO_A_PORT_APPSEL, p->appsel))
		return -EMSGSIZE;
	if (p->dp_fail[0] &&
	    nla_put_string(msg, XPO_A_PORT_DP_FAIL, p->dp_fail))
		return -EMSGSIZE;
	if (p->has_dp)
		for (n = 0; n < p->lanes; n++)
			if (nla_put_u32(msg, XPO_A_PORT_DP_STATE, p->dp[n]))
				return -EMSGSIZE;
	return 0;
}

/* One port-get message.  Return: 0 or -EMSGSIZE. */
static int xpo_nl_port_fill(struct sk_buff *msg, struct xpo_cage *cage,
			    const struct xpo_nl_port *p, u32 portid, u32 seq,
			    int flags)
{
	void *hdr;

	hdr = genlmsg_put(msg, portid, seq, &xpo_nl_family, flags,
			  XPO_CMD_PORT_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (xpo_nl_port_put(msg, cage, p)) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return 0;
}

int xpo_nl_port_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xpo_cage *cage = info->user_ptr[0];
	struct xpo_nl_port p;
	struct sk_buff *msg;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, XPO_A_PORT_INDEX))
		return -EINVAL;
	if (!xpo_nl_port_gather(cage,
				nla_get_u32(info->attrs[XPO_A_PORT_INDEX]),
				genl_info_net(info), &p)) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[XPO_A_PORT_INDEX],
				    "No such port in this cage");
		return -ENODEV;
	}
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	err = xpo_nl_port_fill(msg, cage, &p, info->snd_portid, info->snd_seq,
			       0);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/*
 * The ports of one cage from port *@index on; *@index is left at the first
 * port not sent.  Return: 0 when all were sent, -EMSGSIZE when the message
 * is full.
 */
static int xpo_nl_port_dump_cage(struct sk_buff *skb,
				 struct netlink_callback *cb,
				 struct xpo_cage *cage, unsigned long *index)
{
	struct xpo_nl_port p;
	int err;

	for (; xpo_nl_port_gather(cage, *index, sock_net(skb->sk), &p);
	     (*index)++) {
		err = xpo_nl_port_fill(skb, cage, &p,
				       NETLINK_CB(cb->skb).portid,
				       cb->nlh->nlmsg_seq, NLM_F_MULTI);
		if (err)
			return err;
	}
	return 0;
}

/*
 * Every port of every cage, board by board and cage by cage in number
 * order, or of the one cage the request names.  cb->args[0] is the
 * registry position of the cage (as cage-get's dump), cb->args[1] the
 * next port in it; cb->args[2] is 1 once the named cage is done.
 */
int xpo_nl_port_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **tb = XPO_GENL_DUMP_ATTRS(cb);
	unsigned long nr = cb->args[0];
	struct xpo_cage *cage;
	u32 board = 0;
	int err = 0;

	if (tb[XPO_A_PORT_INDEX]) {
		NL_SET_ERR_MSG_ATTR(cb->extack, tb[XPO_A_PORT_INDEX],
				    "A dump takes a cage, not a port: get one port with a do");
		return -EINVAL;
	}
	if (tb[XPO_A_PORT_ID]) {
		if (cb->args[2])
			return 0;
		if (tb[XPO_A_PORT_BOARD])
			board = nla_get_u32(tb[XPO_A_PORT_BOARD]);
		cage = xpo_cage_get(board, nla_get_u32(tb[XPO_A_PORT_ID]));
		if (!cage) {
			NL_SET_ERR_MSG_ATTR(cb->extack, tb[XPO_A_PORT_ID],
					    "No such cage");
			return -ENODEV;
		}
		err = xpo_nl_port_dump_cage(skb, cb, cage, &cb->args[1]);
		xpo_cage_put(cage);
		if (!err)
			cb->args[2] = 1;
	} else {
		for (; (cage = xpo_cage_get_next(&nr)); nr++) {
			err = xpo_nl_port_dump_cage(skb, cb, cage,
						    &cb->args[1]);
			xpo_cage_put(cage);
			if (err)
				break;
			cb->args[1] = 0;
		}
		cb->args[0] = nr;
	}
	/* a full message goes out; the next one starts with this port */
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}

/*
 * The reply of port-split, port-unsplit, reach-get and reach-set: the
 * plan, port by port, and (@reach >= 0) the cage's reach profile
 */
static int xpo_nl_port_plan_reply(struct genl_info *info,
				  struct xpo_cage *cage, u8 cmd,
				  const struct xpo_app_layout *plan, int reach)
{
	const struct xpo_app_port *lp;
	char name[IFNAMSIZ];
	struct sk_buff *msg;
	struct nlattr *nest;
	unsigned int i;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &xpo_nl_family, 0, cmd);
	if (!hdr)
		goto err;
	if (nla_put_u32(msg, XPO_A_PORT_ID, cage->nr) ||
	    nla_put_u32(msg, XPO_A_PORT_BOARD, cage->board_nr) ||
	    (reach > 0 && nla_put_u32(msg, XPO_A_PORT_REACH, reach)))
		goto err;
	for (i = 0; i < plan->num_ports; i++) {
		lp = &plan->ports[i];
		nest = nla_nest_start(msg, XPO_A_PORT_PLAN);
		if (!nest)
			goto err;
		xpo_port_name(cage, lp->first_lane, lp->lanes, name,
			      sizeof(name));
		if (nla_put_u32(msg, XPO_A_PORT_PLAN_LANE_FIRST,
				lp->first_lane) ||
		    nla_put_u32(msg, XPO_A_PORT_PLAN_LANE_COUNT, lp->lanes) ||
		    (lp->speed_gbps &&
		     nla_put_u32(msg, XPO_A_PORT_PLAN_SPEED,
				 lp->speed_gbps * 1000U)) ||
		    (lp->appsel &&
		     nla_put_u8(msg, XPO_A_PORT_PLAN_APPSEL, lp->appsel)) ||
		    (lp->appsel && lp->reach &&
		     nla_put_u32(msg, XPO_A_PORT_PLAN_REACH, lp->reach)) ||
		    nla_put_string(msg, XPO_A_PORT_PLAN_NAME, name))
			goto err;
		nla_nest_end(msg, nest);
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
err:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

/* The front-panel port a request names, -1 for the whole cage */
static int xpo_nl_port_panel(struct genl_info *info)
{
	if (!info->attrs[XPO_A_PORT_PANEL])
		return -1;
	return nla_get_u32(info->attrs[XPO_A_PORT_PANEL]);
}

int xpo_nl_port_split_doit(struct sk_buff *skb, struct genl_info *info)
{
	bool dry_run = nla_get_flag(info->attrs[XPO_A_PORT_DRY_RUN]);
	struct xpo_cage *cage = info->user_ptr[0];
	struct xpo_app_layout *plan;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, XPO_A_PORT_MODE))
		return -EINVAL;
	plan = kzalloc(sizeof(*plan), GFP_KERNEL);
	if (!plan)
		return -ENOMEM;
	err = xpo_cage_port_split(cage, xpo_nl_port_panel(info),
				  nla_data(info->attrs[XPO_A_PORT_MODE]),
				  dry_run, plan, info->extack);
	if (!err)
		err = xpo_nl_port_plan_reply(info, cage, XPO_CMD_PORT_SPLIT,
					     plan, -1);
	kfree(plan);
	return err;
}

int xpo_nl_port_unsplit_doit(struct sk_buff *skb, struct genl_info *info)
{
	bool dry_run = nla_get_flag(info->attrs[XPO_A_PORT_DRY_RUN]);
	struct xpo_cage *cage = info->user_ptr[0];
	struct xpo_app_layout *plan;
	int err;

	plan = kzalloc(sizeof(*plan), GFP_KERNEL);
	if (!plan)
		return -ENOMEM;
	err = xpo_cage_port_unsplit(cage, xpo_nl_port_panel(info), dry_run,
				    plan, info->extack);
	if (!err)
		err = xpo_nl_port_plan_reply(info, cage, XPO_CMD_PORT_UNSPLIT,
					     plan, -1);
	kfree(plan);
	return err;
}

int xpo_nl_reach_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xpo_cage *cage = info->user_ptr[0];
	struct xpo_app_layout *plan;
	int err;
	u8 reach;

	plan = kzalloc(sizeof(*plan), GFP_KERNEL);
	if (!plan)
		return -ENOMEM;
	reach = xpo_cage_reach_get(cage, plan);
	err = xpo_nl_port_plan_reply(info, cage, XPO_CMD_REACH_GET, plan,
				     reach);
	kfree(plan);
	return err;
}

int xpo_nl_reach_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	bool dry_run = nla_get_flag(info->attrs[XPO_A_PORT_DRY_RUN]);
	struct xpo_cage *cage = info->user_ptr[0];
	struct xpo_app_layout *plan;
	u8 reach = 0;
	int err;

	if (info->attrs[XPO_A_PORT_REACH])
		reach = nla_get_u32(info->attrs[XPO_A_PORT_REACH]);
	plan = kzalloc(sizeof(*plan), GFP_KERNEL);
	if (!plan)
		return -ENOMEM;
	err = xpo_cage_reach_set(cage, reach, dry_run, plan, info->extack);
	if (!err)
		err = xpo_nl_port_plan_reply(info, cage, XPO_CMD_REACH_SET,
					     plan, reach);
	kfree(plan);
	return err;
}
