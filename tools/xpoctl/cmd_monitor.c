// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl monitor`: the xpo family's monitor group, one line (or one JSON
 * object, NDJSON) per event, flushed at once so that a pipe sees each event
 * as it happens.  A gap in a cage's event-seq means the kernel dropped
 * events (socket buffer overrun): it is reported, never hidden.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include <netlink/genl/genl.h>
#include <linux/xpo.h>

#include "cage_parse.h"
#include "nl.h"
#include "xpoctl.h"

struct mon_ctx {
	struct xpoctl *x;
	uint32_t last_seq[XPO_CAGES_MAX];
	unsigned long events, lost;
};

static void stamp(char *buf, size_t n)
{
	struct timeval tv;
	struct tm tm;
	size_t len;

	long off;

	/* ISO 8601 with the UTC offset: local time, yet unambiguous */
	gettimeofday(&tv, NULL);
	localtime_r(&tv.tv_sec, &tm);
	len = strftime(buf, n, "%Y-%m-%dT%H:%M:%S", &tm);
	off = tm.tm_gmtoff / 60;
	snprintf(buf + len, n - len, ".%06ld%c%02ld:%02ld", (long)tv.tv_usec,
		 off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
}

static int on_event(uint8_t cmd, struct nlattr **tb, struct nlmsghdr *nlh,
		    void *arg)
{
	struct mon_ctx *m = arg;
	struct cage_info c;
	char ts[40];

	if (cmd != XPO_CMD_CAGE_EVENT_NTF)
		return 0;
	cage_parse(tb, nlh, &c);
	if (c.has_event_seq && c.id < XPO_CAGES_MAX) {
		uint32_t want = m->last_seq[c.id] + 1;

		if (m->last_seq[c.id] && c.event_seq != want) {
			fprintf(stderr, "xpoctl: monitor: cage %u: %u event(s) lost (seq %u, expected %u)\n",
				c.id, c.event_seq - want, c.event_seq, want);
			m->lost += c.event_seq - want;
		}
		m->last_seq[c.id] = c.event_seq;
	}
	m->events++;
	if (m->x->timestamps)
		stamp(ts, sizeof(ts));
	monitor_format_event(&c, m->x->json, m->x->timestamps ? ts : NULL,
			     &m->x->jw, stdout);
	return 0;
}

int cmd_monitor(struct xpoctl *x, int argc, char **argv)
{
	struct mon_ctx m = { .x = x };
	int ret, err;

	if (argc && (!strcmp(argv[0], "-t") || matches(argv[0], "timestamp"))) {
		x->timestamps = true;
		argc--;
		argv++;
	}
	if (argc && !matches(argv[0], "all") && !matches(argv[0], "cage"))
		return usage_error(x, "monitor: unknown argument \"%s\"", argv[0]);
	ret = xpoctl_nl(x);
	if (ret)
		return ret;
	err = xnl_join(x->nl, XPO_MCGRP_MONITOR);
	if (err)
		return XE_DRIVER;
	/* until interrupted: returning at all means the socket failed */
	xnl_recv_events(x->nl, XPO_A_CAGE_MAX, on_event, &m);
	return XE_FAIL;
}
