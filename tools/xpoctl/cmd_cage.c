// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl cage show [CAGE]` and `xpoctl cage set CAGE[,CAGE...]|all ...`.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/xpo.h>

#include "cage_parse.h"
#include "nl.h"
#include "xpo_ynl.h"
#include "xpoctl.h"

int xpoctl_nl(struct xpoctl *x)
{
	int code;

	if (x->nl)
		return XE_OK;
	x->nl = xnl_open(XPO_FAMILY_NAME, &code);
	return x->nl ? XE_OK : code;
}

struct show_ctx {
	struct cage_ref ref;	/* request: the cage of a do */
	struct cage_info *cages;
	int n, cap;
};

static int show_reply(const struct nlmsghdr *nlh, void *arg)
{
	struct show_ctx *s = arg;
	char why[128];

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->cages = xrealloc(s->cages, s->cap * sizeof(*s->cages));
	}
	if (cage_parse(nlh, &s->cages[s->n], why, sizeof(why)))
		return xnl_bad_reply(why);
	s->n++;
	return 0;
}

static int put_id(struct nlmsghdr *nlh, void *arg)
{
	const struct show_ctx *s = arg;

	ynl_attr_put_u32(nlh, XPO_A_CAGE_ID, s->ref.id);
	ynl_attr_put_u32(nlh, XPO_A_CAGE_BOARD, s->ref.board);
	return 0;
}

int cmd_cage_show(struct xpoctl *x, int argc, char **argv)
{
	char what[8 + CAGE_NAME_LEN], name[CAGE_NAME_LEN];
	struct show_ctx s = { 0 };
	int err, ret, i;
	bool one;

	ret = cage_opt_parse(x, "cage show", argc, argv, &s.ref, &one);
	if (ret)
		return ret;
	ret = xpoctl_nl(x);
	if (ret)
		return ret;

	if (one) {
		/* the kernel's "No such cage" names it as the user did */
		snprintf(what, sizeof(what), "cage %s",
			 cage_ref_name(s.ref.board, s.ref.id, name, sizeof(name)));
		err = xnl_request(x->nl, XPO_CMD_CAGE_GET, false,
				  put_id, show_reply, &s, what, cage_attr_name);
	} else {
		err = xnl_request(x->nl, XPO_CMD_CAGE_GET, true,
				  NULL, show_reply, &s, "cage show",
				  cage_attr_name);
	}
	if (err) {
		free(s.cages);
		return errno_exit_code(err);
	}
	if (x->json) {
		jw_obj_open(&x->jw);
		jw_name(&x->jw, "cages");
		jw_arr_open(&x->jw);
		for (i = 0; i < s.n; i++)
			cage_print_json(&s.cages[i], &x->jw);
		jw_arr_close(&x->jw);
		jw_obj_close(&x->jw);
		jw_end(&x->jw);
	} else if (one || x->details) {
		for (i = 0; i < s.n; i++) {
			if (i)
				putchar('\n');
			cage_print_detail(&s.cages[i], stdout);
		}
	} else {
		cage_print_table(s.cages, s.n, stdout);
	}
	free(s.cages);
	return XE_OK;
}

static bool set_has_protect(const struct set_req *r)
{
	int i;

	for (i = 0; i < SET_PROTECT_CONDS; i++)
		if (r->has_protect[i])
			return true;
	return r->has_flow_min || r->has_temp_max;
}

/* YNL's puts check the room left; xnl_request refuses an overflow */
static void put_protect(struct nlmsghdr *nlh, const struct set_req *r)
{
	static const int attr[SET_PROTECT_CONDS] = {
		XPO_A_PROTECT_LEAK, XPO_A_PROTECT_FLOW_LOW, XPO_A_PROTECT_OVERTEMP,
	};
	struct nlattr *nest;
	int i;

	nest = ynl_attr_nest_start(nlh, XPO_A_CAGE_PROTECT);
	for (i = 0; i < SET_PROTECT_CONDS; i++)
		if (r->has_protect[i])
			ynl_attr_put_u32(nlh, attr[i], r->protect[i]);
	if (r->has_flow_min)
		ynl_attr_put_u32(nlh, XPO_A_PROTECT_FLOW_MIN, r->flow_min);
	if (r->has_temp_max)
		ynl_attr_put_s32(nlh, XPO_A_PROTECT_TEMP_MAX, r->temp_max);
	ynl_attr_nest_end(nlh, nest);
}

static int build_set(struct nlmsghdr *nlh, void *arg)
{
	const struct set_req *r = arg;

	ynl_attr_put_u32(nlh, XPO_A_CAGE_ID, r->id);
	ynl_attr_put_u32(nlh, XPO_A_CAGE_BOARD, r->board);
	if (r->has_policy)
		ynl_attr_put_u32(nlh, XPO_A_CAGE_POWER_POLICY, r->policy);
	if (set_has_protect(r))
		put_protect(nlh, r);
	if (r->rearm)
		ynl_attr_put(nlh, XPO_A_CAGE_REARM, NULL, 0);
	if (r->has_power)
		ynl_attr_put_u8(nlh, XPO_A_CAGE_POWER, r->power);
	if (r->reset)
		ynl_attr_put(nlh, XPO_A_CAGE_RESET, NULL, 0);
	return 0;
}

/* one cage-set per cage of @l: exit code 0, 3 (partial) or the failure */
static int cage_set_each(struct xpoctl *x, const struct cage_list *l,
			 struct set_req *r)
{
	int ret, i, tried = 0, failed = 0, last = XE_OK;
	char what[8 + CAGE_NAME_LEN], name[CAGE_NAME_LEN];

	ret = xpoctl_nl(x);
	if (ret)
		return ret;
	for (i = 0; i < l->n; i++) {
		int err;

		r->board = l->ids[i].board;
		r->id = l->ids[i].id;
		tried++;
		snprintf(what, sizeof(what), "cage %s",
			 cage_ref_name(r->board, r->id, name, sizeof(name)));
		err = xnl_request(x->nl, XPO_CMD_CAGE_SET, false,
				  build_set, NULL, r, what, cage_attr_name);
		if (err) {
			failed++;
			last = errno_exit_code(err);
			/* no point asking the other cages without permission */
			if (last == XE_PERM)
				return XE_PERM;
		}
	}
	if (!tried) {
		fputs("xpoctl: the kernel has no cages\n", stderr);
		return XE_FAIL;
	}
	if (!failed)
		return XE_OK;
	return failed == tried ? last : XE_PARTIAL;
}

/* resolve all, then do it (or, with --dry-run, say what it would do) */
static int cage_set_run(struct xpoctl *x, struct cage_list *l,
			struct set_req *r)
{
	struct cage_list known = { 0 };
	int ret = XE_OK;

	if (l->all || x->dry_run)
		ret = cage_list_all(x, &known);
	if (!ret && l->all) {
		cage_list_free(l);
		*l = known;
		memset(&known, 0, sizeof(known));
		/* every one of them exists */
		if (x->dry_run)
			ret = cage_set_dry_run(x, l, l, r);
		else
			ret = cage_set_each(x, l, r);
	} else if (!ret) {
		ret = x->dry_run ? cage_set_dry_run(x, l, &known, r) :
				   cage_set_each(x, l, r);
	}
	cage_list_free(&known);
	cage_list_free(l);
	return ret;
}

int cmd_cage_set(struct xpoctl *x, int argc, char **argv)
{
	struct cage_list l;
	struct set_req r;
	int ret;

	ret = cage_set_parse(x, argc, argv, &l, &r);
	if (ret)
		return ret;
	return cage_set_run(x, &l, &r);
}

/* "cage rearm CAGE[,CAGE...]|all" is "cage set CAGE... rearm" */
int cmd_cage_rearm(struct xpoctl *x, int argc, char **argv)
{
	struct cage_list l;
	struct set_req r;
	int ret;

	ret = cage_rearm_parse(x, argc, argv, &l, &r);
	if (ret)
		return ret;
	return cage_set_run(x, &l, &r);
}
