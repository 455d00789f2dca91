// SPDX-License-Identifier: GPL-2.0
/*
 * Leases, the pure part: who holds a cage's module, who conflicts with the
 * holder, and when a lease has ended by itself.  No locks, no hardware;
 * the caller passes the time and holds the cage's lease_lock
 * (xpo_guard.c).  See xpo_lease.h and Documentation/cage-core.rst.
 */
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "xpo_lease.h"

static const char * const xpo_lease_kind_names[XPO_LEASE_KIND_MAX] = {
	[XPO_LEASE_NONE]	= "none",
	[XPO_LEASE_CDB]		= "cdb",
	[XPO_LEASE_FIRMWARE]	= "firmware",
	[XPO_LEASE_BREAKOUT]	= "breakout",
	[XPO_LEASE_RESET]	= "reset",
};

/* What the holder does, for "held by X for ..." */
static const char * const xpo_lease_kind_what[XPO_LEASE_KIND_MAX] = {
	[XPO_LEASE_NONE]	= "nothing",
	[XPO_LEASE_CDB]		= "a CDB command",
	[XPO_LEASE_FIRMWARE]	= "a firmware job",
	[XPO_LEASE_BREAKOUT]	= "a breakout change",
	[XPO_LEASE_RESET]	= "a reset",
};

/*
 * The same without the holder's name, for kernels whose extack cannot
 * carry a formatted message (xpo_compat.h).
 */
static const char * const xpo_lease_busy_msgs[XPO_LEASE_KIND_MAX] = {
	[XPO_LEASE_NONE]	= KBUILD_MODNAME ": The module is busy",
	[XPO_LEASE_CDB]		= KBUILD_MODNAME ": The module is held for a CDB command",
	[XPO_LEASE_FIRMWARE]	= KBUILD_MODNAME ": The module is held for a firmware job",
	[XPO_LEASE_BREAKOUT]	= KBUILD_MODNAME ": The module is held for a breakout change",
	[XPO_LEASE_RESET]	= KBUILD_MODNAME ": The module is held for a reset",
};

static bool xpo_lease_kind_valid(enum xpo_lease_kind kind)
{
	return kind > XPO_LEASE_NONE && kind < XPO_LEASE_KIND_MAX;
}

const char *xpo_lease_kind_name(enum xpo_lease_kind kind)
{
	if ((unsigned int)kind >= XPO_LEASE_KIND_MAX)
		return "unknown";
	return xpo_lease_kind_names[kind];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_lease_kind_name);

const char *xpo_lease_busy_msg(enum xpo_lease_kind kind)
{
	if ((unsigned int)kind >= XPO_LEASE_KIND_MAX)
		kind = XPO_LEASE_NONE;
	return xpo_lease_busy_msgs[kind];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_lease_busy_msg);

/**
 * xpo_lease_quiet() - must the module be left alone under this lease?
 * @kind: the lease's kind
 *
 * A module busy with CDB (a command, or a firmware download, run and
 * commit) may NACK and reports its progress in clear-on-read flags that
 * the holder polls: nobody else reads it, and the state machine postpones
 * its bus work.  A breakout change or a reset only excludes other changes.
 */
bool xpo_lease_quiet(enum xpo_lease_kind kind)
{
	return kind == XPO_LEASE_CDB || kind == XPO_LEASE_FIRMWARE;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_lease_quiet);

/*
 * A firmware job ends in a reset of the module: it may not start under a
 * port carrying traffic.  A breakout change only redraws the ports it
 * replaces, which its caller checks are down: a whole port next to them
 * keeps its traffic (Documentation/ports.rst).
 */
bool xpo_lease_needs_ports_down(enum xpo_lease_kind kind)
{
	return kind == XPO_LEASE_FIRMWARE;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_lease_needs_ports_down);

static void xpo_lease_end(struct xpo_lease *lease, struct xpo_lease *ended)
{
	if (ended)
		*ended = *lease;
	memset(lease, 0, sizeof(*lease));
}

/**
 * xpo_lease_update() - end a lease whose holder is gone or whose time is up
 * @lease: the cage's lease
 * @now: jiffies
 * @ended: filled with the lease that ended, or NULL
 *
 * Return: XPO_LEASE_GONE (the holder's alive() said false), XPO_LEASE_EXPIRED
 * (held past its duration), both with the lease now free, or
 * XPO_LEASE_HELD when nothing changed (held, or free).
 */
enum xpo_lease_end xpo_lease_update(struct xpo_lease *lease,
				    unsigned long now,
				    struct xpo_lease *ended)
{
	if (lease->kind == XPO_LEASE_NONE)
		return XPO_LEASE_HELD;
	if (lease->alive && !lease->alive(lease->owner)) {
		xpo_lease_end(lease, ended);
		return XPO_LEASE_GONE;
	}
	if (lease->duration_ms &&
	    !time_before(now, lease->taken +
			 msecs_to_jiffies(lease->duration_ms))) {
		xpo_lease_end(lease, ended);
		return XPO_LEASE_EXPIRED;
	}
	return XPO_LEASE_HELD;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_lease_update);

/**
 * xpo_lease_take() - take a cage's lease
 * @lease: the cage's lease (after xpo_lease_update())
 * @req: kind, holder, owner, alive, duration_ms and busy_ms of the request
 * @now: jiffies, recorded as the time taken
 *
 * A holder that asks again for the lease it has (same owner, same kind)
 * keeps it as it was: the kernel's flash work asks at every access.
 * Anonymous requests (no owner) never match a holder.
 *
 * Return: 0, -EINVAL for a request without a valid kind, or -EBUSY when
 * someone else (or the same holder for another kind) holds the lease.
 */
int xpo_lease_take(struct xpo_lease *lease, const struct xpo_lease *req,
		   unsigned long now)
{
	if (!xpo_lease_kind_valid(req->kind))
		return -EINVAL;
	if (lease->kind != XPO_LEASE_NONE) {
		if (req->owner && lease->owner == req->owner &&
		    lease->kind == req->kind)
			return 0;
		return -EBUSY;
	}
	*lease = *req;
	lease->holder[XPO_LEASE_NAME_LEN - 1] = '\0';
	lease->taken = now;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_lease_take);

/**
 * xpo_lease_release() - give a lease back
 * @lease: the cage's lease
 * @owner: who gives it back
 * @ended: filled with the lease released, or NULL
 *
 * Return: 0, or -ENOENT when @owner does not hold the lease (never took it,
 * or it ended meanwhile).
 */
int xpo_lease_release(struct xpo_lease *lease, const void *owner,
		      struct xpo_lease *ended)
{
	if (lease->kind == XPO_LEASE_NONE || !owner || lease->owner != owner)
		return -ENOENT;
	xpo_lease_end(lease, ended);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_lease_release);

/**
 * xpo_lease_conflicts() - is the lease held by someone other than @owner?
 * @lease: the cage's lease (after xpo_lease_update())
 * @owner: the one asking, or NULL for nobody in particular
 */
bool xpo_lease_conflicts(const struct xpo_lease *lease, const void *owner)
{
	return lease->kind != XPO_LEASE_NONE &&
	       (!owner || lease->owner != owner);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_lease_conflicts);

/**
 * xpo_lease_describe() - "held by HOLDER for WHAT", for messages
 * @lease: a held lease
 * @buf: destination
 * @len: its size
 *
 * Return: as snprintf().
 */
int xpo_lease_describe(const struct xpo_lease *lease, char *buf, size_t len)
{
	enum xpo_lease_kind kind = lease->kind;

	if ((unsigned int)kind >= XPO_LEASE_KIND_MAX)
		kind = XPO_LEASE_NONE;
	return snprintf(buf, len, "held by %s for %s",
			lease->holder[0] ? lease->holder : "another user",
			xpo_lease_kind_what[kind]);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_lease_describe);
