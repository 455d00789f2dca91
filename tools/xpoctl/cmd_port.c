// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl port show [CAGE]`: the ports of cages from the xpo family's
 * port-get: each port's netdev, the host lanes it carries, the rate its
 * breakout asked for, its AppSel, its admin state, carrier, and the data
 * path state of its lanes (and why it failed), as the core knows them (no
 * module access).  The kernel gives the netdev's ifindex; its name is
 * resolved here, so a renamed netdev shows its name of now.
 *
 * `xpoctl port split` and `xpoctl port unsplit`: port-split and
 * port-unsplit, their reply (the plan) as a table or JSON.
 *
 * `xpoctl reach show` and `xpoctl reach set`: reach-get and reach-set of
 * the same attribute set, the cage's reach profile and the plan with each
 * port's application and its reach.
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
	case XPO_A_PORT_PANEL:	return "panel";
	case XPO_A_PORT_MODE:	return "mode";
	case XPO_A_PORT_DRY_RUN: return "dry-run";
	case XPO_A_PORT_REACH:	return "reach";
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
	if ((p->has_panel = r->_present.panel))
		p->panel = r->panel;
	if ((p->has_subport = r->_present.subport))
		p->subport = r->subport;
	if ((p->has_split_count = r->_present.split_count))
		p->split_count = r->split_count;
	if ((p->has_speed = r->_present.speed))
		p->speed = r->speed;
	if ((p->has_appsel = r->_present.appsel))
		p->appsel = r->appsel;
	/* a string of the reply: NUL-terminated, the policy checked it */
	if (r->_present.dp_fail_len && r->dp_fail)
		snprintf(p->dp_fail, sizeof(p->dp_fail), "%s", r->dp_fail);
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

struct split_ctx {
	const struct split_args *a;
	bool split, dry_run;
	struct port_plan plan;
	bool replied;
};

static int build_split(struct nlmsghdr *nlh, void *arg)
{
	const struct split_ctx *s = arg;

	ynl_attr_put_u32(nlh, XPO_A_PORT_ID, s->a->cage.id);
	ynl_attr_put_u32(nlh, XPO_A_PORT_BOARD, s->a->cage.board);
	if (s->a->has_panel)
		ynl_attr_put_u32(nlh, XPO_A_PORT_PANEL, s->a->panel);
	if (s->split)
		ynl_attr_put_str(nlh, XPO_A_PORT_MODE, s->a->mode);
	if (s->dry_run)
		ynl_attr_put(nlh, XPO_A_PORT_DRY_RUN, NULL, 0);
	return 0;
}

/* the plan of a reply, copied out of the generated struct */
static struct plan_port *plan_ports_copy(const struct xpo_port_plan *src,
					 unsigned int n)
{
	struct plan_port *ports = n ? xzalloc(n * sizeof(*ports)) : NULL;
	unsigned int i;

	for (i = 0; i < n; i++) {
		struct plan_port *p = &ports[i];

		if (src[i]._present.name_len && src[i].name)
			snprintf(p->name, sizeof(p->name), "%s", src[i].name);
		p->lane_first = src[i].lane_first;
		p->lane_count = src[i].lane_count;
		if ((p->has_speed = src[i]._present.speed))
			p->speed = src[i].speed;
		if ((p->has_appsel = src[i]._present.appsel))
			p->appsel = src[i].appsel;
		if ((p->has_reach = src[i]._present.reach))
			p->reach = src[i].reach;
	}
	return ports;
}

/* the plans of both replies */
static void plan_copy(struct port_plan *pl, uint32_t board, uint32_t id,
		      const struct xpo_port_plan *src, unsigned int n)
{
	pl->board = board;
	pl->id = id;
	pl->n = n;
	pl->ports = plan_ports_copy(src, n);
}

static int split_reply(const struct nlmsghdr *nlh, void *arg)
{
	struct split_ctx *s = arg;
	char why[128];

	if (s->replied)
		return 0;	/* a do has one reply */
	if (s->split) {
		struct xpo_port_split_rsp *r = xzalloc(sizeof(*r));

		if (xnl_parse(nlh, xpo_port_split_rsp_parse, &xpo_port_nest, r,
			      why, sizeof(why))) {
			xpo_port_split_rsp_free(r);
			return xnl_bad_reply(why);
		}
		plan_copy(&s->plan, r->board, r->id, r->plan, r->n_plan);
		xpo_port_split_rsp_free(r);
	} else {
		struct xpo_port_unsplit_rsp *r = xzalloc(sizeof(*r));

		if (xnl_parse(nlh, xpo_port_unsplit_rsp_parse, &xpo_port_nest,
			      r, why, sizeof(why))) {
			xpo_port_unsplit_rsp_free(r);
			return xnl_bad_reply(why);
		}
		plan_copy(&s->plan, r->board, r->id, r->plan, r->n_plan);
		xpo_port_unsplit_rsp_free(r);
	}
	s->replied = true;
	return 0;
}

/*
 * One port-split or port-unsplit: the kernel checks everything (the mode
 * against the module, the ports to replace down and not split) before it
 * changes anything, and its refusal is printed as it says it.
 */
static int port_split_run(struct xpoctl *x, bool split, int argc,
			  char **argv)
{
	char what[8 + CAGE_NAME_LEN], name[CAGE_NAME_LEN];
	struct split_ctx s = { .split = split };
	struct split_args a;
	int err, ret;

	ret = port_split_parse(x, split, argc, argv, &a);
	if (ret)
		return ret;
	s.a = &a;
	s.dry_run = a.dry_run || x->dry_run;
	ret = xpoctl_nl(x);
	if (ret)
		return ret;
	snprintf(what, sizeof(what), "cage %s",
		 cage_ref_name(a.cage.board, a.cage.id, name, sizeof(name)));
	err = xnl_request(x->nl, split ? XPO_CMD_PORT_SPLIT :
			  XPO_CMD_PORT_UNSPLIT, false, build_split,
			  split_reply, &s, what, port_attr_name);
	if (err) {
		free(s.plan.ports);
		return errno_exit_code(err);
	}
	if (!s.replied) {
		fprintf(stderr, "xpoctl: %s: the kernel sent no plan\n", what);
		return XE_FAIL;
	}
	s.plan.split = split;
	s.plan.has_panel = a.has_panel;
	s.plan.panel = a.panel;
	s.plan.mode = a.mode;
	s.plan.dry_run = s.dry_run;
	if (x->json)
		port_plan_print_json(&s.plan, &x->jw);
	else
		port_plan_print_table(&s.plan, stdout);
	free(s.plan.ports);
	return XE_OK;
}

int cmd_port_split(struct xpoctl *x, int argc, char **argv)
{
	return port_split_run(x, true, argc, argv);
}

int cmd_port_unsplit(struct xpoctl *x, int argc, char **argv)
{
	return port_split_run(x, false, argc, argv);
}

struct reach_ctx {
	const struct reach_args *a;
	bool set, dry_run;
	struct reach_plan rp;
	bool replied;
};

static int build_reach(struct nlmsghdr *nlh, void *arg)
{
	const struct reach_ctx *s = arg;

	ynl_attr_put_u32(nlh, XPO_A_PORT_ID, s->a->cage.id);
	ynl_attr_put_u32(nlh, XPO_A_PORT_BOARD, s->a->cage.board);
	if (s->set && s->a->has_reach)
		ynl_attr_put_u32(nlh, XPO_A_PORT_REACH, s->a->reach);
	if (s->set && s->dry_run)
		ynl_attr_put(nlh, XPO_A_PORT_DRY_RUN, NULL, 0);
	return 0;
}

/* reach-get and reach-set reply alike: the profile (absent: any), the plan */
#define REACH_COPY(rp, r) do {						\
	(rp)->board = (r)->board;					\
	(rp)->id = (r)->id;						\
	if (((rp)->has_reach = (r)->_present.reach))			\
		(rp)->reach = (r)->reach;				\
	(rp)->n = (r)->n_plan;						\
	(rp)->ports = plan_ports_copy((r)->plan, (r)->n_plan);		\
} while (0)

static int reach_reply(const struct nlmsghdr *nlh, void *arg)
{
	struct reach_ctx *s = arg;
	char why[128];

	if (s->replied)
		return 0;	/* a do has one reply */
	if (s->set) {
		struct xpo_reach_set_rsp *r = xzalloc(sizeof(*r));

		if (xnl_parse(nlh, xpo_reach_set_rsp_parse, &xpo_port_nest, r,
			      why, sizeof(why))) {
			xpo_reach_set_rsp_free(r);
			return xnl_bad_reply(why);
		}
		REACH_COPY(&s->rp, r);
		xpo_reach_set_rsp_free(r);
	} else {
		struct xpo_reach_get_rsp *r = xzalloc(sizeof(*r));

		if (xnl_parse(nlh, xpo_reach_get_rsp_parse, &xpo_port_nest, r,
			      why, sizeof(why))) {
			xpo_reach_get_rsp_free(r);
			return xnl_bad_reply(why);
		}
		REACH_COPY(&s->rp, r);
		xpo_reach_get_rsp_free(r);
	}
	s->replied = true;
	return 0;
}

/*
 * reach-get, or one reach-set: the kernel checks the profile against the
 * seated module before it changes anything, and its refusal (naming the
 * profiles the module has) is printed as it says it.
 */
static int reach_run(struct xpoctl *x, bool set, int argc, char **argv)
{
	char what[8 + CAGE_NAME_LEN], name[CAGE_NAME_LEN];
	struct reach_ctx s = { .set = set };
	struct reach_args a;
	int err, ret;

	ret = reach_parse(x, set, argc, argv, &a);
	if (ret)
		return ret;
	s.a = &a;
	s.dry_run = set && (a.dry_run || x->dry_run);
	ret = xpoctl_nl(x);
	if (ret)
		return ret;
	snprintf(what, sizeof(what), "cage %s",
		 cage_ref_name(a.cage.board, a.cage.id, name, sizeof(name)));
	err = xnl_request(x->nl, set ? XPO_CMD_REACH_SET : XPO_CMD_REACH_GET,
			  false, build_reach, reach_reply, &s, what,
			  port_attr_name);
	if (err) {
		free(s.rp.ports);
		return errno_exit_code(err);
	}
	if (!s.replied) {
		fprintf(stderr, "xpoctl: %s: the kernel sent no plan\n", what);
		return XE_FAIL;
	}
	s.rp.set = set;
	s.rp.dry_run = s.dry_run;
	if (x->json)
		reach_print_json(&s.rp, &x->jw);
	else
		reach_print_table(&s.rp, stdout);
	free(s.rp.ports);
	return XE_OK;
}

int cmd_reach_show(struct xpoctl *x, int argc, char **argv)
{
	return reach_run(x, false, argc, argv);
}

int cmd_reach_set(struct xpoctl *x, int argc, char **argv)
{
	return reach_run(x, true, argc, argv);
}
