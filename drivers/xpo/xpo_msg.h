/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One-line refusal messages of the pure units (xpo_app.c, xpo_si.c,
 * xpo_tune.c): written into the caller's buffer, if there is one, for a
 * netlink extack.
 */
#ifndef _XPO_MSG_H
#define _XPO_MSG_H

#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/types.h>

static inline __printf(3, 4) void xpo_msg(char *msg, size_t len,
					  const char *fmt, ...)
{
	va_list args;

	if (!msg || !len)
		return;
	va_start(args, fmt);
	vsnprintf(msg, len, fmt, args);
	va_end(args);
}

#endif /* _XPO_MSG_H */
