// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl monitor`: the xpo family's monitor group, one line (or one JSON
 * object, NDJSON) per event, flushed at once so that a pipe sees each event
 * as it happens.  A gap in a cage's event-seq means the kernel dropped
 * events (socket buffer overrun): it is reported, never hidden.  The
 * generic netlink controller says when the family goes away (driver
 * unloaded) and comes back: the monitor says so, and joins the new family's
 * group, so that a reload does not leave it deaf.  Sequence numbers are per
 * cage, and a cage is its board and its number: tracked per (board, cage).
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include <linux/xpo.h>

#include "cage_parse.h"
#include "nl.h"
#include "xpoctl.h"

/* the last event-seq seen of one cage */
struct mon_seq {
	uint32_t board, id, seq;
};

struct mon_ctx {
	struct xpoctl *x;
	struct mon_seq *seqs;	/* the cages seen so far, in no order */
	unsigned int nseqs, cap;
	unsigned long events, lost;
	unsigned long count;	/* --count: stop after this many, 0: never */
};

/* The cage's last seq (0: none seen yet), to be updated by the caller */
static uint32_t *mon_last_seq(struct mon_ctx *m, uint32_t board, uint32_t id)
{
	unsigned int i;

	for (i = 0; i < m->nseqs; i++)
		if (m->seqs[i].board == board && m->seqs[i].id == id)
			return &m->seqs[i].seq;
	if (m->nseqs == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 16;
		m->seqs = xrealloc(m->seqs, m->cap * sizeof(*m->seqs));
	}
	m->seqs[m->nseqs] = (struct mon_seq){ board, id, 0 };
	return &m->seqs[m->nseqs++].seq;
}

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

static int on_event(uint8_t cmd, const struct nlmsghdr *nlh, void *arg)
{
	struct mon_ctx *m = arg;
	struct cage_info c;
	char ts[40], why[128];

	if (cmd != XPO_CMD_CAGE_EVENT_NTF)
		return 0;
	/* an event that does not match the spec: say so, keep listening */
	if (cage_event_parse(nlh, &c, why, sizeof(why))) {
		xnl_bad_reply(why);
		return 0;
	}
	if (c.has_event_seq) {
		uint32_t *last = mon_last_seq(m, c.board, c.id);
		uint32_t want = *last + 1;
		char name[CAGE_NAME_LEN];

		if (*last && c.event_seq != want) {
			fprintf(stderr, "xpoctl: monitor: cage %s: %u event(s) lost (seq %u, expected %u)\n",
				cage_ref_name(c.board, c.id, name, sizeof(name)),
				c.event_seq - want, c.event_seq, want);
			m->lost += c.event_seq - want;
		}
		*last = c.event_seq;
	}
	m->events++;
	if (m->x->timestamps)
		stamp(ts, sizeof(ts));
	monitor_format_event(&c, m->x->json, m->x->timestamps ? ts : NULL,
			     &m->x->jw, stdout);
	/* --count: enough */
	return m->count && m->events >= m->count;
}

/* the family went away or came back: close, or reopen and rejoin */
static int on_family(int what, void *arg)
{
	struct mon_ctx *m = arg;
	struct xpoctl *x = m->x;

	if (what == XNL_FAMILY_DEL) {
		if (x->nl) {
			xnl_close(x->nl);
			x->nl = NULL;
		}
		fprintf(stderr, "xpoctl: monitor: the %s family went away (driver unloaded); waiting for it\n",
			XPO_FAMILY_NAME);
		return 0;
	}
	if (x->nl)
		return 0;	/* already listening (seen at start) */
	if (xpoctl_nl(x) || xnl_join(x->nl, XPO_MCGRP_MONITOR)) {
		/* said why; the next NEWFAMILY may do better */
		xnl_close(x->nl);
		x->nl = NULL;
		return 0;
	}
	/* a new driver instance numbers its events afresh */
	m->nseqs = 0;
	fprintf(stderr, "xpoctl: monitor: the %s family is back; listening again\n",
		XPO_FAMILY_NAME);
	return 0;
}

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int cmd_monitor(struct xpoctl *x, int argc, char **argv)
{
	struct mon_ctx m = { .x = x };
	struct monitor_args a;
	struct nlsock *ctrl;
	uint64_t end = 0;
	int ret, err;

	ret = monitor_parse(x, argc, argv, &a);
	if (ret)
		return ret;
	if (a.timestamps)
		x->timestamps = true;
	m.count = a.count;
	/* watch the controller first: a reload from now on is seen */
	ctrl = xnl_ctrl_open();
	if (!ctrl)
		return XE_FAIL;
	ret = xpoctl_nl(x);
	if (ret)
		goto out;
	if (xnl_join(x->nl, XPO_MCGRP_MONITOR)) {
		ret = XE_DRIVER;
		goto out;
	}
	if (a.timeout_s)
		end = now_ms() + a.timeout_s * 1000;
	for (;;) {
		struct pollfd pfd[2] = {
			{ .fd = xnl_fd(ctrl), .events = POLLIN },
			{ .fd = x->nl ? xnl_fd(x->nl) : -1, .events = POLLIN },
		};
		int wait = -1;

		if (end) {
			uint64_t now = now_ms();

			/* --timeout: time is up; short of --count is a failure */
			if (now >= end) {
				ret = m.count && m.events < m.count ? XE_FAIL : XE_OK;
				break;
			}
			wait = end - now;
		}
		err = poll(pfd, 2, wait);
		if (err < 0 && errno != EINTR) {
			fprintf(stderr, "xpoctl: monitor: poll: %s\n", strerror(errno));
			ret = XE_FAIL;
			break;
		}
		if (err <= 0)
			continue;
		/* events first: they were sent before any unload */
		if (pfd[1].revents & POLLIN) {
			err = xnl_recv_events(x->nl, on_event, &m);
			if (err > 0) {
				ret = XE_OK;	/* --count reached */
				break;
			}
			/* -ENOBUFS has been said; the seq gaps count the rest */
			if (err < 0 && err != -ENOBUFS) {
				ret = XE_FAIL;
				break;
			}
		}
		if (pfd[0].revents & POLLIN) {
			err = xnl_ctrl_recv(ctrl, XPO_FAMILY_NAME, on_family, &m);
			if (err < 0 && err != -ENOBUFS) {
				ret = XE_FAIL;
				break;
			}
		}
	}
out:
	xnl_close(ctrl);
	free(m.seqs);
	return ret;
}
