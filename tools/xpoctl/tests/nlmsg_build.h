/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Build a generic netlink message as the kernel would send it, with YNL's
 * attribute helpers, for the parsers' tests.
 */
#ifndef XPOCTL_TESTS_NLMSG_BUILD_H
#define XPOCTL_TESTS_NLMSG_BUILD_H

#include <string.h>

#include <linux/genetlink.h>

#include "ynl.h"

/* a reply of @cmd from family @family in @buf (@size bytes) */
static inline struct nlmsghdr *test_msg_start(void *buf, size_t size,
					      uint16_t family, uint8_t cmd)
{
	struct nlmsghdr *nlh = ynl_nlmsg_put_header(buf);
	struct genlmsghdr *g;

	memset(buf, 0, size);
	nlh->nlmsg_len = NLMSG_HDRLEN;
	nlh->nlmsg_type = family;
	g = ynl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = 1;
	/* YNL's puts keep the room in nlmsg_pid while building */
	nlh->nlmsg_pid = size;
	return nlh;
}

static inline void test_msg_end(struct nlmsghdr *nlh)
{
	nlh->nlmsg_pid = 0;
}

/* an attribute of any length, the way a broken sender would put it */
static inline void test_put_raw(struct nlmsghdr *nlh, uint16_t type,
				const void *data, size_t len)
{
	ynl_attr_put(nlh, type, data, len);
}

#endif
