// SPDX-License-Identifier: GPL-2.0
/*
 * Leases and the guards, cage side: who holds a cage's module (a firmware
 * job, a CDB command, a breakout change, a reset), what the others may do
 * meanwhile, and how the state machine steps aside for a busy module and
 * comes back when the lease ends.  The pure rules are in xpo_lease.c.
 * See Documentation/cage-core.rst, "Leases".
 *
 * Locking: cage->lease_lock, a spinlock, is taken last (under sm_lock,
 * io_lock, both or none) and only around the lease's fields; the
 * holder's alive() callback runs under it and must not sleep.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/netlink.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#include "xpo_compat.h"
#include "xpo_core.h"

/*
 * A quiet (CDB or firmware) lease ended: the state machine resumes its
 * postponed work, and NACKs count as "busy" for @busy_ms more (none for a
 * lease that expired: its holder overstayed).  After a breakout lease only
 * the lanes' service resumes.  lease_lock held.
 */
static void xpo_guard_ended(struct xpo_cage *cage,
			    const struct xpo_lease *ended, bool expired)
{
	lockdep_assert_held(&cage->lease_lock);
	if (!xpo_lease_quiet(ended->kind)) {
		/* a breakout lease postponed the lanes' service: resume it */
		if (ended->kind == XPO_LEASE_BREAKOUT && !cage->lease_stopped)
			mod_delayed_work(xpo_wq, &cage->lease_work, 0);
		return;
	}
	cage->lease_ended = true;
	cage->lease_busy = true;
	cage->busy_until = jiffies +
			   (expired ? 0 : msecs_to_jiffies(ended->busy_ms));
	if (!cage->lease_stopped)
		mod_delayed_work(xpo_wq, &cage->lease_work, 0);
}

/*
 * End the lease if its holder is gone or its time is up.  lease_lock held.
 * Return: true when it expired (the caller logs it, outside the lock).
 */
static bool xpo_guard_sync(struct xpo_cage *cage, struct xpo_lease *ended)
{
	enum xpo_lease_end how;

	lockdep_assert_held(&cage->lease_lock);
	how = xpo_lease_update(&cage->lease, jiffies, ended);
	if (how == XPO_LEASE_HELD)
		return false;
	xpo_guard_ended(cage, ended, how == XPO_LEASE_EXPIRED);
	return how == XPO_LEASE_EXPIRED;
}

static void xpo_guard_log_expired(struct xpo_cage *cage,
				  const struct xpo_lease *ended)
{
	dev_warn(cage->dev, "%s lease of %s expired after %u ms: taken back\n",
		 xpo_lease_kind_name(ended->kind), ended->holder,
		 ended->duration_ms);
}

/* A copy of the current lease, ended first if it is over. */
static void xpo_guard_lease(struct xpo_cage *cage, struct xpo_lease *out)
{
	struct xpo_lease ended;
	bool expired;

	spin_lock(&cage->lease_lock);
	expired = xpo_guard_sync(cage, &ended);
	*out = cage->lease;
	spin_unlock(&cage->lease_lock);
	if (expired)
		xpo_guard_log_expired(cage, &ended);
}

/* -EBUSY's reason: who holds the module, for what */
static void xpo_guard_refuse(struct netlink_ext_ack *extack,
			     const struct xpo_lease *lease)
{
	char desc[64];

	xpo_lease_describe(lease, desc, sizeof(desc));
	XPO_NL_SET_ERR_MSG_FMT(extack, xpo_lease_busy_msg(lease->kind),
			       "The module is %s", desc);
}

/**
 * __xpo_cage_guard() - may a request disturb the module?
 * @cage: the cage, any or no lock held
 * @op: what the request would do
 * @owner: the lease holder it acts for, or NULL
 * @extack: the reason of a refusal, or NULL
 *
 * Only the lease: reads are refused under a CDB or firmware lease (the
 * module may NACK, and a read of its latched flags would take the CDB
 * completion flag its holder polls), everything else under any lease of
 * someone else.  Return: 0 or -EBUSY.
 */
int __xpo_cage_guard(struct xpo_cage *cage, enum xpo_guard_op op,
		     const void *owner, struct netlink_ext_ack *extack)
{
	struct xpo_lease lease;

	xpo_guard_lease(cage, &lease);
	if (!xpo_lease_conflicts(&lease, owner))
		return 0;
	if (op == XPO_OP_READ && !xpo_lease_quiet(lease.kind))
		return 0;
	xpo_guard_refuse(extack, &lease);
	return -EBUSY;
}

/**
 * xpo_cage_guard() - would a request be refused?  For callers that check
 * every part of a request before applying any (netlink's cage-set)
 * @cage: the cage
 * @op: what the request would do
 * @owner: the lease holder it acts for, or NULL
 * @extack: the reason of a refusal, or NULL
 *
 * The checks the operation itself makes, but for the protection's hold
 * (xpo_cage_set_power()): the lease, and for a reset every port of the
 * cage down.  The answer can change before the request is made; the
 * operation checks again.  Return: 0, -EBUSY, or -ENODEV once the cage is
 * being removed.
 */
int xpo_cage_guard(struct xpo_cage *cage, enum xpo_guard_op op,
		   const void *owner, struct netlink_ext_ack *extack)
{
	int err = 0;

	mutex_lock(&cage->sm_lock);
	if (cage->stopping) {
		NL_SET_ERR_MSG_MOD(extack, "The cage is being removed");
		err = -ENODEV;
	} else if (op == XPO_OP_RESET && cage->ports_up &&
		   !xpo_cage_lease_holds(cage, owner)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "Cannot reset the module while ports using it are administratively up");
		err = -EBUSY;
	}
	mutex_unlock(&cage->sm_lock);
	if (err)
		return err;
	return __xpo_cage_guard(cage, op, owner, extack);
}

/**
 * __xpo_cage_lease_take() - take the module of a cage
 * @cage: the cage, io_lock held (ports_up is stable under it)
 * @req: the lease asked for: kind, holder (its name, for messages),
 *	owner (who will release it), optionally alive, duration_ms, busy_ms
 * @extack: the reason of a refusal, or NULL
 *
 * Firmware and breakout leases need every port of the cage down.  Asking
 * again for the lease one holds is a no-op.
 *
 * Return: 0, -EBUSY (held by someone else, or a port up), -EINVAL (no
 * valid kind) or -ENODEV (the cage is being removed).
 */
int __xpo_cage_lease_take(struct xpo_cage *cage, const struct xpo_lease *req,
			  struct netlink_ext_ack *extack)
{
	struct xpo_lease ended, held;
	bool expired, fresh = false;
	int err;

	lockdep_assert_held(&cage->io_lock);
	if (cage->gone || cage->detaching || READ_ONCE(cage->stopping)) {
		NL_SET_ERR_MSG_MOD(extack, "The cage is being removed");
		return -ENODEV;
	}

	spin_lock(&cage->lease_lock);
	expired = xpo_guard_sync(cage, &ended);
	if (cage->lease.kind == XPO_LEASE_NONE &&
	    xpo_lease_needs_ports_down(req->kind) && cage->ports_up) {
		err = -EADDRINUSE;	/* told apart below */
	} else {
		fresh = cage->lease.kind == XPO_LEASE_NONE;
		err = xpo_lease_take(&cage->lease, req, jiffies);
		fresh &= !err;
	}
	held = cage->lease;
	spin_unlock(&cage->lease_lock);
	if (expired)
		xpo_guard_log_expired(cage, &ended);

	switch (err) {
	case 0:
		break;
	case -EADDRINUSE:
		NL_SET_ERR_MSG_MOD(extack,
				   "Cannot flash the module while a port of its cage is up");
		return -EBUSY;
	case -EBUSY:
		xpo_guard_refuse(extack, &held);
		return err;
	default:
		NL_SET_ERR_MSG_MOD(extack, "Unknown kind of lease");
		return err;
	}
	/* the long ones are worth a line in the log */
	if (fresh && xpo_lease_needs_ports_down(held.kind))
		dev_info(cage->dev, "module held by %s: %s lease\n",
			 held.holder, xpo_lease_kind_name(held.kind));
	else if (fresh)
		dev_dbg(cage->dev, "module held by %s: %s lease\n",
			held.holder, xpo_lease_kind_name(held.kind));
	return 0;
}

/**
 * xpo_cage_lease_take() - take the module of a cage
 * @cage: the cage, no cage lock held
 * @req: as __xpo_cage_lease_take()
 * @extack: the reason of a refusal, or NULL
 *
 * Return: as __xpo_cage_lease_take().
 */
int xpo_cage_lease_take(struct xpo_cage *cage, const struct xpo_lease *req,
			struct netlink_ext_ack *extack)
{
	int err;

	mutex_lock(&cage->io_lock);
	err = __xpo_cage_lease_take(cage, req, extack);
	mutex_unlock(&cage->io_lock);
	return err;
}

/**
 * xpo_cage_lease_release() - give the module of a cage back
 * @cage: the cage, any or no lock held
 * @owner: the holder
 *
 * The state machine resumes what it postponed for a CDB or firmware lease.
 * Return: 0, or -ENOENT when @owner does not hold the lease (it may have
 * expired).
 */
int xpo_cage_lease_release(struct xpo_cage *cage, const void *owner)
{
	struct xpo_lease ended;
	int err;

	spin_lock(&cage->lease_lock);
	err = xpo_lease_release(&cage->lease, owner, &ended);
	if (!err)
		xpo_guard_ended(cage, &ended, false);
	spin_unlock(&cage->lease_lock);
	if (!err && xpo_lease_needs_ports_down(ended.kind))
		dev_info(cage->dev, "module released by %s: %s lease\n",
			 ended.holder, xpo_lease_kind_name(ended.kind));
	else if (!err)
		dev_dbg(cage->dev, "module released by %s: %s lease\n",
			ended.holder, xpo_lease_kind_name(ended.kind));
	return err;
}

/**
 * xpo_cage_lease_holds() - does @owner hold the module of a cage?
 * @cage: the cage, any or no lock held
 * @owner: the one asking; NULL holds nothing
 */
bool xpo_cage_lease_holds(struct xpo_cage *cage, const void *owner)
{
	struct xpo_lease lease;

	if (!owner)
		return false;
	xpo_guard_lease(cage, &lease);
	return lease.kind != XPO_LEASE_NONE && lease.owner == owner;
}

/**
 * xpo_cage_lease_kind() - the kind of lease held on a cage's module
 * @cage: the cage, any or no lock held
 *
 * Return: XPO_LEASE_NONE when free.
 */
enum xpo_lease_kind xpo_cage_lease_kind(struct xpo_cage *cage)
{
	struct xpo_lease lease;

	xpo_guard_lease(cage, &lease);
	return lease.kind;
}

/**
 * xpo_guard_postpone() - should the state machine leave the module alone?
 * @cage: the cage, sm_lock held
 * @what: the work it would do, XPO_DEFER_*
 *
 * True while a CDB or firmware lease is held: @what is recorded and done
 * once the lease ends (lease_work).
 */
bool xpo_guard_postpone(struct xpo_cage *cage, unsigned int what)
{
	struct xpo_lease lease;

	lockdep_assert_held(&cage->sm_lock);
	xpo_guard_lease(cage, &lease);
	if (!xpo_lease_quiet(lease.kind))
		return false;
	/* look now and then whether it ended without a release */
	if (!cage->lease_deferred && !cage->stopping)
		mod_delayed_work(xpo_wq, &cage->lease_work,
				 msecs_to_jiffies(XPO_T_LEASE_CHECK_MS));
	if ((cage->lease_deferred | what) != cage->lease_deferred)
		dev_dbg(cage->dev, "postponed for the %s lease of %s: %#x\n",
			xpo_lease_kind_name(lease.kind), lease.holder, what);
	cage->lease_deferred |= what;
	return true;
}

static bool xpo_guard_is_busy_err(int err)
{
	/* NACKs, as xpo_cmis_io.c retries them, and clock stretching */
	return err == -ENXIO || err == -EREMOTEIO || err == -EAGAIN ||
	       err == -ETIMEDOUT;
}

/**
 * xpo_guard_io_failed() - what a failed access of the state machine means
 * @cage: the cage, sm_lock held, the module still present
 * @err: the access's error
 *
 * A NACK under a CDB or firmware lease, or within the holder's busy bound
 * after it ended, is a busy module (XPO_E_BUSY: read again later); a NACK
 * past that bound is XPO_E_BUSY_TIMEOUT (fault ``busy-timeout``).
 * Anything else is XPO_E_IO_ERROR.
 */
enum xpo_sm_event xpo_guard_io_failed(struct xpo_cage *cage, int err)
{
	enum xpo_sm_event ev = XPO_E_IO_ERROR;
	struct xpo_lease ended;
	bool expired;

	lockdep_assert_held(&cage->sm_lock);
	if (!xpo_guard_is_busy_err(err))
		return ev;
	spin_lock(&cage->lease_lock);
	expired = xpo_guard_sync(cage, &ended);
	if (xpo_lease_quiet(cage->lease.kind)) {
		ev = XPO_E_BUSY;
	} else if (cage->lease_busy) {
		ev = time_before(jiffies, cage->busy_until) ? XPO_E_BUSY :
							      XPO_E_BUSY_TIMEOUT;
		if (ev == XPO_E_BUSY_TIMEOUT)
			cage->lease_busy = false;
	}
	spin_unlock(&cage->lease_lock);
	if (expired)
		xpo_guard_log_expired(cage, &ended);
	if (ev == XPO_E_BUSY_TIMEOUT)
		dev_warn(cage->dev, "module still busy past its lease's bound\n");
	return ev;
}

/**
 * xpo_guard_io_ok() - the module answered the state machine
 * @cage: the cage, sm_lock held
 *
 * It is no longer busy with what a lease left it doing.
 */
void xpo_guard_io_ok(struct xpo_cage *cage)
{
	lockdep_assert_held(&cage->sm_lock);
	spin_lock(&cage->lease_lock);
	cage->lease_busy = false;
	spin_unlock(&cage->lease_lock);
}

/* Resume what the state machine postponed, once the lease has ended */
static void xpo_guard_work(struct work_struct *work)
{
	struct xpo_cage *cage = container_of(to_delayed_work(work),
					     struct xpo_cage, lease_work);
	struct xpo_lease lease;
	unsigned int deferred;
	bool ended;

	mutex_lock(&cage->sm_lock);
	if (cage->stopping)
		goto out;
	xpo_guard_lease(cage, &lease);
	if (xpo_lease_quiet(lease.kind)) {
		if (cage->lease_deferred)
			mod_delayed_work(xpo_wq, &cage->lease_work,
					 msecs_to_jiffies(XPO_T_LEASE_CHECK_MS));
		goto out;
	}
	spin_lock(&cage->lease_lock);
	ended = cage->lease_ended;
	cage->lease_ended = false;
	spin_unlock(&cage->lease_lock);

	deferred = cage->lease_deferred;
	cage->lease_deferred = 0;
	if (deferred)
		dev_dbg(cage->dev, "lease ended: resuming %#x\n", deferred);
	/* a timer armed since (by a reset, say) is still to come by itself */
	if ((deferred & XPO_DEFER_TIMEOUT) &&
	    !time_before(jiffies, cage->timer_deadline))
		__xpo_sm_event(cage, XPO_E_TIMEOUT);
	if (deferred & XPO_DEFER_INTERRUPT)
		__xpo_sm_event(cage, XPO_E_INTERRUPT);
	if (deferred & XPO_DEFER_POWER)
		__xpo_cage_power_update(cage);
	/*
	 * Whatever was postponed, look at the module once: it may still be
	 * busy (then XPO_E_BUSY until the holder's bound), and it may have
	 * changed state meanwhile.  Where the machine reads nothing (probing
	 * reads on its timer), there is nothing to wait for.
	 */
	if (ended || (deferred & XPO_DEFER_POLL))
		__xpo_sm_event(cage, XPO_E_POLL);
	if (cage->sm.state != XPO_S_PROBING && cage->sm.state != XPO_S_READY &&
	    cage->sm.state != XPO_S_LOW_POWER &&
	    cage->sm.state != XPO_S_POWERING_UP)
		xpo_guard_io_ok(cage);
	if (deferred & XPO_DEFER_LANES) {
		cage->lanes_stale = true;
		xpo_lanes_service(cage);
	}
out:
	mutex_unlock(&cage->sm_lock);
}

/* At cage allocation */
void xpo_guard_init(struct xpo_cage *cage)
{
	spin_lock_init(&cage->lease_lock);
	INIT_DELAYED_WORK(&cage->lease_work, xpo_guard_work);
}

/*
 * The machine stopped (cage->stopping set, so nothing postpones work any
 * more): a lease ending from now on queues nothing either.
 */
void xpo_guard_stop(struct xpo_cage *cage)
{
	spin_lock(&cage->lease_lock);
	cage->lease_stopped = true;
	spin_unlock(&cage->lease_lock);
	cancel_delayed_work_sync(&cage->lease_work);
}

/*
 * The ports go (cage removal): every lease ends with them, since a
 * holder's alive() may look at a port.
 */
void xpo_guard_drop(struct xpo_cage *cage)
{
	spin_lock(&cage->lease_lock);
	cage->lease = (struct xpo_lease){ };
	spin_unlock(&cage->lease_lock);
}

/* debugfs: a lease for tests ---------------------------------------------- */

/* The owner of the leases taken through debugfs */
static const char xpo_guard_debugfs_owner[] = "debugfs";

#define XPO_GUARD_DEBUGFS_MAX_MS	600000

static int xpo_guard_debugfs_show_lease(struct seq_file *s, void *data)
{
	struct xpo_cage *cage = s->private;
	struct xpo_lease lease;

	xpo_guard_lease(cage, &lease);
	if (lease.kind == XPO_LEASE_NONE)
		seq_puts(s, "-\n");
	else
		seq_printf(s, "%s %s %u %u\n", xpo_lease_kind_name(lease.kind),
			   lease.holder, lease.duration_ms, lease.busy_ms);
	return 0;
}

static int xpo_guard_debugfs_open(struct inode *inode, struct file *file)
{
	return single_open(file, xpo_guard_debugfs_show_lease,
			   inode->i_private);
}

/*
 * "KIND DURATION_MS [BUSY_MS]" takes a lease for debugfs (KIND: cdb,
 * firmware, breakout, reset; 1 <= DURATION_MS <= 600000; BUSY_MS, default
 * 0, at most 600000); "release" gives it back.
 */
static ssize_t xpo_guard_debugfs_write(struct file *file,
				       const char __user *ubuf, size_t len,
				       loff_t *ppos)
{
	struct xpo_cage *cage = file_inode(file)->i_private;
	struct xpo_lease req = {
		.owner = xpo_guard_debugfs_owner,
	};
	unsigned int duration, busy = 0;
	char buf[48], kind[16];
	int n, err;

	if (*ppos || !len || len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	strim(buf);

	if (!strcmp(buf, "release")) {
		err = xpo_cage_lease_release(cage, xpo_guard_debugfs_owner);
		return err ? err : len;
	}
	n = sscanf(buf, "%15s %u %u", kind, &duration, &busy);
	if (n < 2 || !duration || duration > XPO_GUARD_DEBUGFS_MAX_MS ||
	    busy > XPO_GUARD_DEBUGFS_MAX_MS)
		return -EINVAL;
	for (req.kind = XPO_LEASE_NONE + 1; req.kind < XPO_LEASE_KIND_MAX;
	     req.kind++)
		if (!strcmp(kind, xpo_lease_kind_name(req.kind)))
			break;
	if (req.kind == XPO_LEASE_KIND_MAX)
		return -EINVAL;
	strscpy(req.holder, xpo_guard_debugfs_owner, sizeof(req.holder));
	req.duration_ms = duration;
	req.busy_ms = busy;
	err = xpo_cage_lease_take(cage, &req, NULL);
	return err ? err : len;
}

static const struct file_operations xpo_guard_debugfs_fops = {
	.owner		= THIS_MODULE,
	.open		= xpo_guard_debugfs_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= single_release,
	.write		= xpo_guard_debugfs_write,
};

/* /sys/kernel/debug/xpo/cage<N>/lease */
void xpo_guard_debugfs_add(struct xpo_cage *cage, struct dentry *dir)
{
	debugfs_create_file("lease", 0600, dir, cage, &xpo_guard_debugfs_fops);
}

/* The lease lines of the cage's debugfs state, sm_lock held */
void xpo_guard_debugfs_show(struct seq_file *s, struct xpo_cage *cage)
{
	struct xpo_lease lease;

	xpo_guard_lease(cage, &lease);
	/* the key of the port-based flash ownership this replaced */
	seq_printf(s, "flash_owner: %s\n",
		   lease.kind == XPO_LEASE_FIRMWARE ? lease.holder : "-");
	if (lease.kind == XPO_LEASE_NONE)
		seq_puts(s, "lease: -\n");
	else
		seq_printf(s, "lease: %s %s\n",
			   xpo_lease_kind_name(lease.kind), lease.holder);
	seq_printf(s, "lease_deferred: 0x%02x\n", cage->lease_deferred);
}
