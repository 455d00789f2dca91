// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl cage lanes [CAGE]`: the lanes of cages (Tx/Rx power, Tx bias,
 * lane flags) from the xpo family's lanes-get, i.e. the telemetry snapshot
 * hwmon and cage-get share: asking costs the module nothing within the
 * snapshot's interval, and never reads (so never clears) a latched flag.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <netlink/genl/genl.h>
#include <linux/xpo.h>

#include "cage_parse.h"
#include "lanes_fmt.h"
#include "nl.h"
#include "xpoctl.h"

struct lanes_ctx {
	uint32_t id;		/* request: the cage of a do */
	struct lanes_info *cages;
	int n, cap;
};

static const char *lanes_attr_name(int type)
{
	switch (type) {
	case XPO_A_LANES_ID:	return "id";
	case XPO_A_LANES_BOARD:	return "board";
	default:		return NULL;
	}
}

static void lane_parse(struct nlattr *nest, struct lane_info *ln)
{
	struct nlattr *tb[XPO_A_LANE_MAX + 1];

	memset(ln, 0, sizeof(*ln));
	if (nla_parse_nested(tb, XPO_A_LANE_MAX, nest, NULL))
		return;
	if (tb[XPO_A_LANE_INDEX])
		ln->index = nla_get_u32(tb[XPO_A_LANE_INDEX]);
	if (tb[XPO_A_LANE_TX_POWER]) {
		ln->has_tx_power = true;
		ln->tx_power_nw = nla_get_u32(tb[XPO_A_LANE_TX_POWER]);
	}
	if (tb[XPO_A_LANE_TX_BIAS]) {
		ln->has_tx_bias = true;
		ln->tx_bias_ua = nla_get_u32(tb[XPO_A_LANE_TX_BIAS]);
	}
	if (tb[XPO_A_LANE_RX_POWER]) {
		ln->has_rx_power = true;
		ln->rx_power_nw = nla_get_u32(tb[XPO_A_LANE_RX_POWER]);
	}
	if (tb[XPO_A_LANE_FLAGS])
		ln->flags = nla_get_u32(tb[XPO_A_LANE_FLAGS]);
}

static int lanes_reply(struct nlattr **tb, struct nlmsghdr *nlh, void *arg)
{
	struct lanes_ctx *s = arg;
	struct lanes_info *l;
	struct nlattr *a;
	int rem;

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->cages = xrealloc(s->cages, s->cap * sizeof(*s->cages));
	}
	l = &s->cages[s->n++];
	memset(l, 0, sizeof(*l));
	if (tb[XPO_A_LANES_ID])
		l->id = nla_get_u32(tb[XPO_A_LANES_ID]);
	if (tb[XPO_A_LANES_BOARD])
		l->board = nla_get_u32(tb[XPO_A_LANES_BOARD]);
	l->stale = tb[XPO_A_LANES_STALE];
	if (tb[XPO_A_LANES_AGE]) {
		l->has_age = true;
		l->age_ms = nla_get_u32(tb[XPO_A_LANES_AGE]);
	}
	nla_for_each_attr(a, genlmsg_attrdata(nlmsg_data(nlh), 0),
			  genlmsg_attrlen(nlmsg_data(nlh), 0), rem) {
		if (nla_type(a) != XPO_A_LANES_LANE || l->n >= LANES_MAX)
			continue;
		lane_parse(a, &l->lane[l->n++]);
	}
	return 0;
}

static int put_id(struct nl_msg *msg, void *arg)
{
	const struct lanes_ctx *s = arg;

	return nla_put_u32(msg, XPO_A_LANES_ID, s->id) ? -EMSGSIZE : 0;
}

int cmd_cage_lanes(struct xpoctl *x, int argc, char **argv)
{
	struct lanes_ctx s = { 0 };
	unsigned long cage = 0;
	char what[32];
	int err, ret;

	if (argc > 1)
		return usage_error(x, "cage lanes takes at most one CAGE");
	if (argc == 1 && !parse_cage(x, argv[0], &cage))
		return XE_USAGE;
	ret = xpoctl_nl(x);
	if (ret)
		return ret;

	s.id = cage;
	if (argc == 1) {
		snprintf(what, sizeof(what), "cage %lu", cage);
		err = xnl_request(x->nl, XPO_CMD_LANES_GET, false,
				  XPO_A_LANES_MAX, put_id, lanes_reply, &s, what,
				  lanes_attr_name);
	} else {
		err = xnl_request(x->nl, XPO_CMD_LANES_GET, true,
				  XPO_A_LANES_MAX, NULL, lanes_reply, &s,
				  "cage lanes", lanes_attr_name);
	}
	if (err) {
		free(s.cages);
		return errno_exit_code(err);
	}
	if (x->json)
		lanes_print_json(s.cages, s.n, &x->jw);
	else
		lanes_print_table(s.cages, s.n, stdout);
	free(s.cages);
	return XE_OK;
}
