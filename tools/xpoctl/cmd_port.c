// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl port show [CAGE]`: the ports of cages from the xpo family's
 * port-get: each port's netdev, the host lanes it carries, its admin
 * state, carrier, and the data path state of its lanes, as the core knows
 * them (no module access).  The kernel gives the netdev's ifindex; its
 * name is resolved here, so a renamed netdev shows its name of now.
 */
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/xpo.h>

#include "nl.h"
#include "port_fmt.h"
#include "xpo_ynl.h"
#include "util.h"
#include "xpoctl.h"

struct port_ctx {
	bool filter;
	struct cage_ref cage;	/* the cage a request names */
	struct port_info *ports;
	int n, cap;
};

static const char *port_attr_name(int type)
{
	switch (type) {
	case XPO_A_PORT_ID:	return "id";
	case XPO_A_PORT_BOARD:	return "board";
	case XPO_A_PORT_INDEX:	return "index";
	default:		return NULL;
	}
}

static int port_reply(const struct nlmsghdr *nlh, void *arg)
{
	struct xpo_port_get_rsp *r = xzalloc(sizeof(*r));
	struct port_ctx *s = arg;
	struct port_info *p;
	unsigned int i;
	char why[128];

	if (xnl_parse(nlh, xpo_port_get_rsp_parse, &xpo_port_nest, r,
		      why, sizeof(why))) {
		xpo_port_get_rsp_free(r);
		return xnl_bad_reply(why);
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->ports = xrealloc(s->ports, s->cap * sizeof(*s->ports));
	}
	p = &s->ports[s->n++];
	memset(p, 0, sizeof(*p));
	p->board = r->board;
	p->id = r->id;
	p->index = r->index;
	p->lane_first = r->lane_first;
	p->lane_count = r->lane_count;
	p->up = r->up;
	p->carrier = r->carrier;
	if (r->_present.ifindex) {
		p->ifindex = r->ifindex;
		/* gone or renamed since: the name of now, or none */
		if (!if_indextoname(p->ifindex, p->ifname))
			p->ifname[0] = '\0';
	}
	for (i = 0; i < r->n_dp_state && i < PORT_LANES_MAX; i++)
		p->dp[i] = r->dp_state[i];
	p->n_dp = i;
	xpo_port_get_rsp_free(r);
	return 0;
}

static int put_cage(struct nlmsghdr *nlh, void *arg)
{
	const struct port_ctx *s = arg;

	ynl_attr_put_u32(nlh, XPO_A_PORT_ID, s->cage.id);
	ynl_attr_put_u32(nlh, XPO_A_PORT_BOARD, s->cage.board);
	return 0;
}

int cmd_port_show(struct xpoctl *x, int argc, char **argv)
{
	struct port_ctx s = { 0 };
	char what[8 + CAGE_NAME_LEN], name[CAGE_NAME_LEN];
	int err, ret;

	ret = cage_opt_parse(x, "port show", argc, argv, &s.cage, &s.filter);
	if (ret)
		return ret;
	ret = xpoctl_nl(x);
	if (ret)
		return ret;

	if (s.filter) {
		snprintf(what, sizeof(what), "cage %s",
			 cage_ref_name(s.cage.board, s.cage.id, name,
				       sizeof(name)));
		err = xnl_request(x->nl, XPO_CMD_PORT_GET, true, put_cage,
				  port_reply, &s, what, port_attr_name);
	} else {
		err = xnl_request(x->nl, XPO_CMD_PORT_GET, true, NULL,
				  port_reply, &s, "port show", port_attr_name);
	}
	if (err) {
		free(s.ports);
		return errno_exit_code(err);
	}
	if (x->json)
		port_print_json(s.ports, s.n, &x->jw);
	else
		port_print_table(s.ports, s.n, stdout);
	free(s.ports);
	return XE_OK;
}
