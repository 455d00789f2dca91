// SPDX-License-Identifier: GPL-2.0
/*
 * xpo: the XPO cage core.  Module init and exit, and the API that consumers
 * (ethtool, hwmon, netlink) build on; the registry of cages is in
 * xpo_board.c.
 */
#include <linux/jiffies.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/netlink.h>
#include <linux/platform_device.h>
#include <linux/sched/signal.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "xpo_core.h"
#include "xpo_nl.h"

/*
 * Work of every cage (timers, polling): unbound, so that a slow module on
 * one bus does not hold up a CPU's other work.
 */
struct workqueue_struct *xpo_wq;
/*
 * The protection's safety path (xpo_protect_kick()): high priority, and
 * apart from xpo_wq, so that it never queues behind a cage's slow work.
 */
struct workqueue_struct *xpo_safety_wq;

/**
 * xpo_cage_state() - a cage's state
 * @cage: the cage
 */
enum xpo_sm_state xpo_cage_state(struct xpo_cage *cage)
{
	enum xpo_sm_state state;

	mutex_lock(&cage->sm_lock);
	state = cage->sm.state;
	mutex_unlock(&cage->sm_lock);
	return state;
}

/**
 * xpo_cage_identity() - copy the identity of the module in a cage
 * @cage: the cage
 * @id: filled in
 *
 * Return: 0, or -ENODEV when no module has been identified.
 */
int xpo_cage_identity(struct xpo_cage *cage, struct xpo_identity *id)
{
	int ret = -ENODEV;

	mutex_lock(&cage->io_lock);
	if (cage->id_valid && !cage->gone) {
		*id = cage->id;
		ret = 0;
	}
	mutex_unlock(&cage->io_lock);
	return ret;
}

/**
 * xpo_cage_set_power() - switch a cage's supply
 * @cage: the cage
 * @on: supply on (the default) or off
 * @extack: the reason of a refusal, or NULL
 *
 * Off holds the module in reset and low power and removes its supply: the
 * cage goes to powered-off whatever it was doing.  On powers it again and
 * probes the module afresh.  Refused while someone holds the module's lease
 * (the protection's own power-off is not: it does not come through here).
 *
 * Return: 0, -EBUSY (the protection holds the cage off: re-arm it first;
 * or the module is leased), or -ENODEV once the cage is being removed.
 */
int xpo_cage_set_power(struct xpo_cage *cage, bool on,
		       struct netlink_ext_ack *extack)
{
	int ret;

	mutex_lock(&cage->sm_lock);
	if (cage->stopping) {
		NL_SET_ERR_MSG_MOD(extack, "The cage is being removed");
		ret = -ENODEV;
	} else if (on && (__xpo_protect_holds_power_off(cage) ||
			  xpo_cage_hold(cage) == XPO_HOLD_POWER_OFF)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "The cage is held off by the protection: re-arm it first");
		ret = -EBUSY;
	} else {
		ret = __xpo_cage_guard(cage, XPO_OP_POWER, NULL, extack);
		if (!ret) {
			/* the admin's intent, apart from the protection's hold */
			cage->admin_off = !on;
			ret = __xpo_sm_event(cage, on ? XPO_E_POWER_ON :
						  XPO_E_POWER_OFF);
		}
	}
	mutex_unlock(&cage->sm_lock);
	return ret;
}

/*
 * May the module be reset, for @owner?  sm_lock held.  The holder of the
 * module's lease may (the kernel's flash work ends with a reset through
 * its port, without the shared flag); anyone else needs the lease free,
 * every port of the cage down, and to act for all of them.
 */
static int xpo_cage_reset_check(struct xpo_cage *cage, unsigned int flags,
				const void *owner,
				struct netlink_ext_ack *extack)
{
	lockdep_assert_held(&cage->sm_lock);
	if (cage->stopping) {
		NL_SET_ERR_MSG_MOD(extack, "The cage is being removed");
		return -ENODEV;
	}
	if (xpo_cage_lease_holds(cage, owner))
		return 0;
	if (__xpo_cage_guard(cage, XPO_OP_RESET, owner, extack))
		return -EBUSY;
	if (cage->ports_up) {
		NL_SET_ERR_MSG_MOD(extack,
				   "Cannot reset the module while ports using it are administratively up");
		return -EBUSY;
	}
	if (cage->layout.num_ports > 1 && !(flags & XPO_RESET_SHARED)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "The module serves every port of the cage: reset it for all of them (ethtool: phy-shared)");
		return -EINVAL;
	}
	return 0;
}

/*
 * Check, then apply the reset pulse under a reset lease (unless @owner
 * holds the module already), so that nobody takes the module between the
 * check and the pulse.  sm_lock held.  The machine is then probing.
 */
static int __xpo_cage_reset(struct xpo_cage *cage, unsigned int flags,
			    const void *owner, struct netlink_ext_ack *extack)
{
	struct xpo_lease req = {
		.kind = XPO_LEASE_RESET,
		.holder = "reset",
		.owner = &req,
	};
	bool leased = false;
	int err;

	lockdep_assert_held(&cage->sm_lock);
	err = xpo_cage_reset_check(cage, flags, owner, extack);
	if (err)
		return err;
	if (!xpo_cage_lease_holds(cage, owner)) {
		mutex_lock(&cage->io_lock);
		err = __xpo_cage_lease_take(cage, &req, extack);
		mutex_unlock(&cage->io_lock);
		if (err)
			return err;
		leased = true;
	}
	err = __xpo_sm_event(cage, XPO_E_RESET);
	if (err == -ENODEV)
		NL_SET_ERR_MSG_MOD(extack, "No powered module to reset");
	if (leased)
		xpo_cage_lease_release(cage, &req);
	return err;
}

/**
 * xpo_cage_reset() - reset the module in a cage; the state machine brings
 * it back
 * @cage: the cage
 * @flags: XPO_RESET_SHARED: the caller acts for every port of the cage
 *	(needed when the cage has more than one)
 * @owner: the lease holder the caller acts for, or NULL
 * @extack: the reason of a refusal, or NULL
 *
 * Returns once the reset pulse (or SoftwareReset) is applied, with the
 * machine probing: the module comes back asynchronously (watch the state,
 * its uevents, the ports' carrier).  For callers that hold RTNL (ethtool).
 *
 * Return: 0, -ENODEV without a powered module or once the cage is being
 * removed, -EBUSY (the module is leased by someone else, or a port of the
 * cage is up) or -EINVAL (several ports and no XPO_RESET_SHARED).
 */
int xpo_cage_reset(struct xpo_cage *cage, unsigned int flags,
		   const void *owner, struct netlink_ext_ack *extack)
{
	int err;

	mutex_lock(&cage->sm_lock);
	err = __xpo_cage_reset(cage, flags, owner, extack);
	mutex_unlock(&cage->sm_lock);
	return err;
}

/* Has the machine settled after a reset (or is the cage going)? */
static bool xpo_cage_settled(struct xpo_cage *cage)
{
	enum xpo_sm_state state = READ_ONCE(cage->settled_state);

	return READ_ONCE(cage->stopping) ||
	       (state != XPO_S_PROBING && state != XPO_S_POWERING_UP);
}

/**
 * xpo_cage_reset_wait() - reset the module in a cage and wait until it is
 * back
 * @cage: the cage
 * @flags: as xpo_cage_reset()
 * @state: set to the state the machine settled in (or was in at the end)
 * @extack: the reason of a refusal, or NULL
 *
 * Resets the module as xpo_cage_reset() and waits, killably and without
 * any lock, until the machine leaves probing and powering-up: ready,
 * low-power (as the power policy says), fault, or empty and powered-off
 * if the module was pulled or the supply switched off meanwhile.  The wait
 * is bounded by the probe budget plus the power-up deadline, at most
 * XPO_T_RESET_WAIT_MAX_MS.  Not for callers holding RTNL.
 *
 * Return: 0 once settled, the refusals of xpo_cage_reset(), -ENODEV when
 * the cage is removed meanwhile, -ETIMEDOUT, or -ERESTARTSYS if killed.
 */
int xpo_cage_reset_wait(struct xpo_cage *cage, unsigned int flags,
			enum xpo_sm_state *state,
			struct netlink_ext_ack *extack)
{
	unsigned int ms;
	long left;
	int err;

	mutex_lock(&cage->sm_lock);
	err = __xpo_cage_reset(cage, flags, NULL, extack);
	ms = XPO_T_PROBE_INIT_MS + XPO_R_PROBE_TRIES * XPO_T_PROBE_RETRY_MS +
	     cage->sm.pwrup_timeout_ms;
	*state = cage->sm.state;
	mutex_unlock(&cage->sm_lock);
	if (err)
		return err;

	ms = min_t(unsigned int, ms, XPO_T_RESET_WAIT_MAX_MS);
	left = wait_event_killable_timeout(cage->state_wq,
					   xpo_cage_settled(cage),
					   msecs_to_jiffies(ms));
	*state = READ_ONCE(cage->settled_state);
	if (left < 0)
		return left;
	if (READ_ONCE(cage->stopping))
		return -ENODEV;
	if (!left)
		return -ETIMEDOUT;
	return 0;
}

/**
 * xpo_cage_power_policy() - a cage's module power mode policy
 * @cage: the cage
 */
enum xpo_power_policy xpo_cage_power_policy(struct xpo_cage *cage)
{
	enum xpo_power_policy policy;

	mutex_lock(&cage->sm_lock);
	policy = cage->power_policy;
	mutex_unlock(&cage->sm_lock);
	return policy;
}

/**
 * xpo_cage_set_power_policy() - set a cage's module power mode policy
 * @cage: the cage
 * @policy: high: high power whenever possible; auto: high power while a
 *	port of the cage is administratively up, low power otherwise
 * @extack: the reason of a refusal, or NULL
 *
 * The policy belongs to the cage, not to the module: it survives removal
 * and insertion and is applied whenever the machine reaches low-power.  A
 * running module follows a change at once.  A change is refused while
 * someone holds the module's lease; setting the policy in force is not a
 * change.
 *
 * Return: 0, -EBUSY (leased) or -ENODEV once the cage is being removed.
 */
int xpo_cage_set_power_policy(struct xpo_cage *cage,
			      enum xpo_power_policy policy,
			      struct netlink_ext_ack *extack)
{
	int err = 0;

	mutex_lock(&cage->sm_lock);
	if (cage->stopping) {
		NL_SET_ERR_MSG_MOD(extack, "The cage is being removed");
		err = -ENODEV;
	} else if (policy != cage->power_policy) {
		err = __xpo_cage_guard(cage, XPO_OP_POLICY, NULL, extack);
		if (!err) {
			cage->power_policy = policy;
			__xpo_cage_power_update(cage);
		}
	}
	mutex_unlock(&cage->sm_lock);
	return err;
}

static int __init xpo_init(void)
{
	int err;

	xpo_wq = alloc_workqueue("xpo", WQ_UNBOUND, 0);
	if (!xpo_wq)
		return -ENOMEM;
	xpo_safety_wq = alloc_workqueue("xpo_safety",
					WQ_HIGHPRI | WQ_UNBOUND | WQ_MEM_RECLAIM,
					0);
	if (!xpo_safety_wq) {
		err = -ENOMEM;
		goto err_safety;
	}
	xpo_debugfs_init();

	/* the family first: cages report their events as they probe */
	err = xpo_nl_init();
	if (err)
		goto err_nl;
	err = platform_driver_register(&xpo_cage_driver);
	if (err)
		goto err_driver;
	return 0;

err_driver:
	xpo_nl_exit();
err_nl:
	xpo_debugfs_exit();
	destroy_workqueue(xpo_safety_wq);
err_safety:
	destroy_workqueue(xpo_wq);
	return err;
}

static void __exit xpo_exit(void)
{
	platform_driver_unregister(&xpo_cage_driver);
	xpo_nl_exit();
	xpo_debugfs_exit();
	destroy_workqueue(xpo_safety_wq);
	destroy_workqueue(xpo_wq);
}

module_init(xpo_init);
module_exit(xpo_exit);

MODULE_DESCRIPTION("XPO pluggable optics cage core");
MODULE_LICENSE("GPL");
