// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl cage lanes [CAGE]`: the lanes of cages (Tx/Rx power, Tx bias,
 * lane flags) from the xpo family's lanes-get, i.e. the telemetry snapshot
 * hwmon and cage-get share: asking costs the module nothing within the
 * snapshot's interval, and never reads (so never clears) a latched flag.
 * The thresholds come with it, as the core read them with the identity.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/xpo.h>

#include "cage_parse.h"
#include "lanes_fmt.h"
#include "nl.h"
#include "xpo_ynl.h"
#include "xpoctl.h"

struct lanes_ctx {
	struct cage_ref ref;	/* request: the cage of a do */
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

static void lane_copy(const struct xpo_lane *y, struct lane_info *ln)
{
	memset(ln, 0, sizeof(*ln));
	if (y->_present.index)
		ln->index = y->index;
	if ((ln->has_tx_power = y->_present.tx_power))
		ln->tx_power_nw = y->tx_power;
	if ((ln->has_tx_bias = y->_present.tx_bias))
		ln->tx_bias_ua = y->tx_bias;
	if ((ln->has_rx_power = y->_present.rx_power))
		ln->rx_power_nw = y->rx_power;
	if (y->_present.flags)
		ln->flags = y->flags;
}

/* The kernel sends a monitor's four thresholds, or none of them */
#define THR_COPY(dst, y, mon)						\
	do {								\
		(dst)->has = (y)->_present.mon##_high_alarm;		\
		(dst)->high_alarm = (y)->mon##_high_alarm;		\
		(dst)->low_alarm = (y)->mon##_low_alarm;		\
		(dst)->high_warning = (y)->mon##_high_warning;		\
		(dst)->low_warning = (y)->mon##_low_warning;		\
	} while (0)

static void thresholds_copy(const struct xpo_lane_thresholds *y,
			    struct lanes_info *l)
{
	THR_COPY(&l->thr_tx_power, y, tx_power);
	THR_COPY(&l->thr_tx_bias, y, tx_bias);
	THR_COPY(&l->thr_rx_power, y, rx_power);
}

static int lanes_reply(const struct nlmsghdr *nlh, void *arg)
{
	struct xpo_lanes_get_rsp *r = xzalloc(sizeof(*r));
	struct lanes_ctx *s = arg;
	struct lanes_info *l;
	unsigned int i;
	char why[128];

	if (xnl_parse(nlh, xpo_lanes_get_rsp_parse, &xpo_lanes_nest, r,
		      why, sizeof(why))) {
		xpo_lanes_get_rsp_free(r);
		return xnl_bad_reply(why);
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->cages = xrealloc(s->cages, s->cap * sizeof(*s->cages));
	}
	l = &s->cages[s->n++];
	memset(l, 0, sizeof(*l));
	if (r->_present.id)
		l->id = r->id;
	if (r->_present.board)
		l->board = r->board;
	l->stale = r->_present.stale;
	if ((l->has_age = r->_present.age))
		l->age_ms = r->age;
	for (i = 0; i < r->n_lane && l->n < LANES_MAX; i++)
		lane_copy(&r->lane[i], &l->lane[l->n++]);
	if (r->_present.thresholds)
		thresholds_copy(&r->thresholds, l);
	xpo_lanes_get_rsp_free(r);
	return 0;
}

static int put_id(struct nlmsghdr *nlh, void *arg)
{
	const struct lanes_ctx *s = arg;

	ynl_attr_put_u32(nlh, XPO_A_LANES_ID, s->ref.id);
	ynl_attr_put_u32(nlh, XPO_A_LANES_BOARD, s->ref.board);
	return 0;
}

int cmd_cage_lanes(struct xpoctl *x, int argc, char **argv)
{
	char what[8 + CAGE_NAME_LEN], name[CAGE_NAME_LEN];
	struct lanes_ctx s = { 0 };
	int err, ret;
	bool one;

	ret = cage_opt_parse(x, "cage lanes", argc, argv, &s.ref, &one);
	if (ret)
		return ret;
	ret = xpoctl_nl(x);
	if (ret)
		return ret;

	if (one) {
		snprintf(what, sizeof(what), "cage %s",
			 cage_ref_name(s.ref.board, s.ref.id, name, sizeof(name)));
		err = xnl_request(x->nl, XPO_CMD_LANES_GET, false,
				  put_id, lanes_reply, &s, what,
				  lanes_attr_name);
	} else {
		err = xnl_request(x->nl, XPO_CMD_LANES_GET, true,
				  NULL, lanes_reply, &s,
				  "cage lanes", lanes_attr_name);
	}
	if (err) {
		free(s.cages);
		return errno_exit_code(err);
	}
	if (x->json) {
		lanes_print_json(s.cages, s.n, &x->jw);
	} else {
		lanes_print_table(s.cages, s.n, stdout);
		if (x->details)
			lanes_print_thresholds(s.cages, s.n, stdout);
	}
	free(s.cages);
	return XE_OK;
}
