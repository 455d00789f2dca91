// SPDX-License-Identifier: GPL-2.0
/*
 * "all": the cages the kernel has, from one cage-get dump, so that a
 * 4-cage board means 4 cages and a second board's cages are included.
 * The only netlink here is that one request.
 */
#include <netlink/genl/genl.h>
#include <linux/xpo.h>

#include "cage_parse.h"
#include "nl.h"
#include "xpoctl.h"

static int list_reply(struct nlattr **tb, struct nlmsghdr *nlh, void *arg)
{
	struct cage_ref c = { 0 };

	(void)nlh;
	if (!tb[XPO_A_CAGE_ID] || nla_len(tb[XPO_A_CAGE_ID]) < 4)
		return 0;
	c.id = nla_get_u32(tb[XPO_A_CAGE_ID]);
	if (tb[XPO_A_CAGE_BOARD] && nla_len(tb[XPO_A_CAGE_BOARD]) >= 4)
		c.board = nla_get_u32(tb[XPO_A_CAGE_BOARD]);
	cage_list_add(arg, c);
	return 0;
}

int cage_list_all(struct xpoctl *x, struct cage_list *l)
{
	int ret, err;

	memset(l, 0, sizeof(*l));
	ret = xpoctl_nl(x);
	if (ret)
		return ret;
	err = xnl_request(x->nl, XPO_CMD_CAGE_GET, true, XPO_A_CAGE_MAX, NULL,
			  list_reply, l, "cage list", cage_attr_name);
	if (err) {
		cage_list_free(l);
		return errno_exit_code(err);
	}
	return XE_OK;
}
