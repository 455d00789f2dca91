// SPDX-License-Identifier: GPL-2.0
/*
 * "all": the cages the kernel has, from one cage-get dump, so that a
 * 4-cage board means 4 cages and a second board's cages are included.
 * The only netlink here is that one request; each reply goes through the
 * policy-checked parser (cage_parse) like every other cage-get reply.
 */
#include <stdio.h>
#include <string.h>

#include <linux/xpo.h>

#include "cage_parse.h"
#include "nl.h"
#include "xpoctl.h"

static int list_reply(const struct nlmsghdr *nlh, void *arg)
{
	struct cage_info c;
	struct cage_ref r = { 0 };
	char why[256];

	memset(&c, 0, sizeof(c));
	if (cage_parse(nlh, &c, why, sizeof(why)))
		return xnl_bad_reply(why);
	r.board = c.board;
	r.id = c.id;
	cage_list_add(arg, r);
	return 0;
}

int cage_list_all(struct xpoctl *x, struct cage_list *l)
{
	int ret, err;

	memset(l, 0, sizeof(*l));
	ret = xpoctl_nl(x);
	if (ret)
		return ret;
	err = xnl_request(x->nl, XPO_CMD_CAGE_GET, true, NULL, list_reply, l,
			  "cage list", cage_attr_name);
	if (err) {
		cage_list_free(l);
		return errno_exit_code(err);
	}
	return XE_OK;
}
