// SPDX-License-Identifier: GPL-2.0
/*
 * port-get of the xpo netlink family: the ports of a cage's breakout as
 * the core knows them (no module access): the netdev of each, the host
 * lanes it carries, its administrative state and carrier, and the data
 * path state of its lanes as the state machine last read them (11h:128).
 * One message per port, as devlink's port dump.  See
 * Documentation/netlink.rst, "port-get".
 */
#include <linux/netdevice.h>
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
	bool up;
	bool carrier;
	bool has_dp;		/* the lanes' states have been read */
	u8 dp[CMIS_LANES_PER_BANK];
};

/*
 * Port @index of @cage, seen from @net.  Return: false when the cage has
 * no such port (it has none while it is going away).
 */
static bool xpo_nl_port_gather(struct xpo_cage *cage, unsigned int index,
			       struct net *net, struct xpo_nl_port *p)
{
	struct net_device *netdev;
	unsigned int n;

	memset(p, 0, sizeof(*p));
	mutex_lock(&cage->sm_lock);
	if (index >= cage->num_ports) {
		mutex_unlock(&cage->sm_lock);
		return false;
	}
	/* port p is bank p (xpo_port.h); the netdevs live as long as ports[] */
	netdev = cage->ports[index]->netdev;
	p->index = index;
	if (READ_ONCE(netdev->reg_state) == NETREG_REGISTERED &&
	    net_eq(dev_net(netdev), net))
		p->ifindex = READ_ONCE(netdev->ifindex);
	p->up = cage->ports_up & BIT(index);
	p->carrier = cage->carrier & BIT(index);
	p->has_dp = true;
	for (n = 0; n < CMIS_LANES_PER_BANK; n++) {
		p->dp[n] = xpo_cmis_dp_state(cage->dp_state[index], n);
		/* CMIS has no state 0: the lanes were not read */
		if (!p->dp[n])
			p->has_dp = false;
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
	    nla_put_u32(msg, XPO_A_PORT_LANE_FIRST,
			p->index * CMIS_LANES_PER_BANK) ||
	    nla_put_u32(msg, XPO_A_PORT_LANE_COUNT, CMIS_LANES_PER_BANK) ||
	    nla_put_u8(msg, XPO_A_PORT_UP, p->up) ||
	    nla_put_u8(msg, XPO_A_PORT_CARRIER, p->carrier))
		return -EMSGSIZE;
	if (p->has_dp)
		for (n = 0; n < CMIS_LANES_PER_BANK; n++)
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
