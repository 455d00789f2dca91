/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Leases: exclusive, named holders of a cage's module.
 *
 * A firmware job, a CDB command, a breakout change or a reset owns the
 * module of a cage for a while; everything else that would disturb the
 * module (a reset, the supply, the power policy, a port going up, writes,
 * and for CDB and firmware leases reads and the state machine's own bus
 * work) refuses or waits until the lease ends.  A lease belongs to the
 * cage, not to a port: a cage-level firmware job owns the module as well
 * as the kernel's flash work through one port does.
 *
 * This file is the pure part (no locks, no hardware; time is passed in),
 * which KUnit drives.  The cage-level API is in xpo_guard.c, declared in
 * xpo_core.h.  See Documentation/cage-core.rst, "Leases".
 */
#ifndef _XPO_LEASE_H
#define _XPO_LEASE_H

#include <linux/types.h>

enum xpo_lease_kind {
	XPO_LEASE_NONE,		/* free */
	XPO_LEASE_CDB,		/* one CDB command: the module may NACK */
	XPO_LEASE_FIRMWARE,	/* a firmware job: download, run, commit */
	XPO_LEASE_BREAKOUT,	/* the ports' lanes are being reconfigured */
	XPO_LEASE_RESET,	/* the reset pulse is being applied */
	XPO_LEASE_KIND_MAX
};

/* Room for a holder's name: a netdev name, "netlink", "debugfs" */
#define XPO_LEASE_NAME_LEN	24

/*
 * The longest a module may stay busy with one CDB command: CMIS 5.2
 * encodes the maximum completion time of a command in 16 bits of ms
 * (0040h reply, bytes 34-35), and the kernel waits U16_MAX ms when the
 * module advertises none.  Used for a firmware job that did not say.
 */
#define XPO_LEASE_BUSY_MAX_MS	65535

/**
 * struct xpo_lease - a lease, or a request for one
 * @kind: what the holder does; XPO_LEASE_NONE when the lease is free
 * @holder: the holder's name, for messages
 * @owner: identifies the holder when it calls again (its port, its
 *	socket, ...); compared, never dereferenced here
 * @alive: NULL, or tells whether the holder still runs: a holder that may
 *	end without releasing (the kernel's flash work has no completion
 *	callback) is let go when this says false
 * @taken: jiffies when taken
 * @duration_ms: 0 (until released), or how long the holder may keep it;
 *	past it the lease has expired
 * @busy_ms: how long the module may stay busy (NACK) for this holder
 *	after the lease ends normally: the advertised CDB maximum duration
 */
struct xpo_lease {
	enum xpo_lease_kind kind;
	char holder[XPO_LEASE_NAME_LEN];
	const void *owner;
	bool (*alive)(const void *owner);
	unsigned long taken;
	unsigned int duration_ms;
	unsigned int busy_ms;
};

/* How a lease ended, from xpo_lease_update() */
enum xpo_lease_end {
	XPO_LEASE_HELD,		/* still held, or free and nothing happened */
	XPO_LEASE_GONE,		/* its holder has ended without releasing */
	XPO_LEASE_EXPIRED,	/* held past its duration */
};

const char *xpo_lease_kind_name(enum xpo_lease_kind kind);
bool xpo_lease_quiet(enum xpo_lease_kind kind);
bool xpo_lease_needs_ports_down(enum xpo_lease_kind kind);
enum xpo_lease_end xpo_lease_update(struct xpo_lease *lease,
				    unsigned long now,
				    struct xpo_lease *ended);
int xpo_lease_take(struct xpo_lease *lease, const struct xpo_lease *req,
		   unsigned long now);
int xpo_lease_release(struct xpo_lease *lease, const void *owner,
		      struct xpo_lease *ended);
bool xpo_lease_conflicts(const struct xpo_lease *lease, const void *owner);
int xpo_lease_describe(const struct xpo_lease *lease, char *buf,
		       size_t len);
const char *xpo_lease_busy_msg(enum xpo_lease_kind kind);

#endif /* _XPO_LEASE_H */
