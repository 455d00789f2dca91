// SPDX-License-Identifier: GPL-2.0
/*
 * Running the pure state machine (xpo_sm.c) for a real cage: the one event
 * function, the actions on pins and bus, the cage timer and the events.
 */
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/jiffies.h>
#include <linux/workqueue.h>

#include "xpo_core.h"
#include "xpo_event.h"

/*
 * An event and the events its I/O actions produce are handled in one go;
 * a chain never needs more than a handful of steps (insert -> ... -> ready
 * is split by timers and interrupts), this only bounds a bug.
 */
#define XPO_SM_MAX_CHAIN	8

/* No event: the actions produced nothing to feed back */
#define XPO_E_NONE		XPO_E_MAX

static void xpo_sm_uevent(struct xpo_cage *cage, enum xpo_uevent uevent)
{
	static const enum xpo_event_type types[] = {
		[XPO_UEVENT_INSERT] = XPO_EV_INSERT,
		[XPO_UEVENT_REMOVE] = XPO_EV_REMOVE,
		[XPO_UEVENT_STATE] = XPO_EV_STATE,
	};

	if (uevent == XPO_UEVENT_NONE || uevent >= ARRAY_SIZE(types))
		return;
	xpo_event_publish(cage, types[uevent], XPO_PROTECT_NUM_COND,
			  XPO_PROTECT_NUM_ACTION);
}

/*
 * An access failed.  If the module is gone that is a removal, not an
 * error: the caller feeds REMOVE instead and nobody warns.
 */
static enum xpo_sm_event xpo_sm_io_failed(struct xpo_cage *cage, int err)
{
	if (!xpo_cage_present(cage))
		return XPO_E_REMOVE;
	dev_dbg(cage->dev, "module access failed: %d\n", err);
	/* a module busy for a lease's holder is not a faulty one */
	return xpo_guard_io_failed(cage, err);
}

static enum xpo_sm_event xpo_sm_read_identity(struct xpo_cage *cage,
					      struct xpo_sm_input *in)
{
	int ret, pwrup_ms;

	ret = xpo_module_read_identity(cage);
	if (ret)
		return xpo_sm_io_failed(cage, ret);
	xpo_guard_io_ok(cage);

	in->reason = xpo_cmis_identity_check(&cage->id);
	if (in->reason != XPO_FAULT_NONE)
		return XPO_E_ID_BAD;

	pwrup_ms = xpo_cmis_pwrup_advertised_ms(&cage->id);
	in->pwrup_timeout_ms = xpo_sm_pwrup_timeout_ms(pwrup_ms);
	in->over_budget = cage->id.max_power_mw > cage->max_power_mw;
	if (in->over_budget)
		dev_warn(cage->dev,
			 "module needs %u mW, cage allows %u mW: held in low power\n",
			 cage->id.max_power_mw, cage->max_power_mw);
	return XPO_E_ID_OK;
}

static enum xpo_sm_event xpo_sm_read_state(struct xpo_cage *cage,
					   struct xpo_sm_input *in)
{
	int ret;

	ret = xpo_module_read_state(cage);
	if (ret)
		return xpo_sm_io_failed(cage, ret);
	xpo_guard_io_ok(cage);
	in->module_state = cage->module_state;
	return XPO_E_MODULE_STATE;
}

static void xpo_sm_low_power_request(struct xpo_cage *cage)
{
	if (cage->gpio[XPO_PIN_LPMODE])
		xpo_cage_pin_set(cage, XPO_PIN_LPMODE, true);
	else if (cage->io_enabled)
		xpo_module_set_low_power(cage, true);
}

static void xpo_sm_reset_module(struct xpo_cage *cage)
{
	xpo_cage_pin_set(cage, XPO_PIN_LPMODE, true);
	if (cage->gpio[XPO_PIN_RESET]) {
		xpo_cage_pin_set(cage, XPO_PIN_RESET, true);
		fsleep(XPO_T_RESET_HOLD_US);
		xpo_cage_pin_set(cage, XPO_PIN_RESET, false);
	} else {
		/* the module resets at once and may not ACK the write */
		xpo_module_sw_reset(cage);
	}
}

/* Carry out a step's actions, in XPO_A_* order.  Return: the feedback. */
static enum xpo_sm_event xpo_sm_act(struct xpo_cage *cage,
				    const struct xpo_sm_result *res,
				    struct xpo_sm_input *in)
{
	enum xpo_sm_event next = XPO_E_NONE;
	unsigned int a = res->actions;
	int ret;

	memset(in, 0, sizeof(*in));

	if (a & XPO_A_CANCEL_TIMER)
		cancel_delayed_work(&cage->timeout);
	if (a & XPO_A_INVALIDATE)
		xpo_module_forget(cage);
	if (a & XPO_A_POWER_OFF) {
		xpo_cage_pin_set(cage, XPO_PIN_RESET, true);
		xpo_cage_pin_set(cage, XPO_PIN_LPMODE, true);
		xpo_cage_pin_set(cage, XPO_PIN_POWER, false);
	}
	if (a & XPO_A_POWER_ON)
		xpo_cage_power_sequence(cage);
	if (a & XPO_A_RESET)
		xpo_sm_reset_module(cage);
	if (a & XPO_A_LPMODE_ON)
		xpo_sm_low_power_request(cage);
	if (a & XPO_A_LOW_POWER) {
		/* both: the pin alone needs LowPwrAllowRequestHW */
		xpo_cage_pin_set(cage, XPO_PIN_LPMODE, true);
		ret = xpo_module_set_low_power(cage, true);
		if (ret)
			next = xpo_sm_io_failed(cage, ret);
	}
	if (a & XPO_A_HIGH_POWER) {
		xpo_cage_pin_set(cage, XPO_PIN_LPMODE, false);
		ret = xpo_module_set_low_power(cage, false);
		if (ret)
			next = xpo_sm_io_failed(cage, ret);
	}
	if (a & XPO_A_READ_FAULT_CAUSE && !xpo_module_read_fault_cause(cage))
		dev_warn(cage->dev, "ModuleFault, fault cause 0x%02x\n",
			 cage->fault_cause);
	if (a & XPO_A_TIMER) {
		cage->timer_deadline = jiffies + msecs_to_jiffies(res->timer_ms);
		mod_delayed_work(xpo_wq, &cage->timeout,
				 msecs_to_jiffies(res->timer_ms));
	}
	/* the step never asks for I/O feedback twice */
	if (a & XPO_A_READ_ID)
		next = xpo_sm_read_identity(cage, in);
	else if (a & XPO_A_READ_STATE)
		next = xpo_sm_read_state(cage, in);
	return next;
}

/*
 * Bus access is only allowed with a powered module in the cage; io_lock
 * holders (ethtool's EEPROM access) also see the state and fault.
 */
static void xpo_sm_update_io(struct xpo_cage *cage)
{
	bool enabled = cage->sm.state != XPO_S_EMPTY &&
		       cage->sm.state != XPO_S_POWERED_OFF;

	if (enabled == cage->io_enabled && cage->io_state == cage->sm.state &&
	    cage->io_fault == cage->sm.fault)
		return;
	mutex_lock(&cage->io_lock);
	/* a snapshot is of one state; thresholds of this very module */
	if (cage->sm.state != cage->io_state)
		xpo_telemetry_forget(cage, !enabled ||
				     cage->sm.state == XPO_S_PROBING);
	cage->io_enabled = enabled;
	cage->io_state = cage->sm.state;
	cage->io_fault = cage->sm.fault;
	mutex_unlock(&cage->io_lock);
}

/*
 * Events that make the machine read the module, postponed while a lease
 * says the module is busy (xpo_guard.c resumes them).
 */
static bool xpo_sm_postpone(struct xpo_cage *cage, enum xpo_sm_event event)
{
	switch (event) {
	case XPO_E_INTERRUPT:
		return xpo_guard_postpone(cage, XPO_DEFER_INTERRUPT);
	case XPO_E_POLL:
		return xpo_guard_postpone(cage, XPO_DEFER_POLL);
	case XPO_E_TIMEOUT:
		return xpo_guard_postpone(cage, XPO_DEFER_TIMEOUT);
	default:
		return false;
	}
}

/* After a run: tell the waiters of xpo_cage_reset_wait() where we are. */
static void xpo_sm_publish(struct xpo_cage *cage)
{
	if (cage->settled_state == cage->sm.state)
		return;
	WRITE_ONCE(cage->settled_state, cage->sm.state);
	wake_up_all(&cage->state_wq);
}

/**
 * __xpo_sm_event() - feed an event to a cage's state machine, sm_lock held
 * @cage: the cage
 * @event: the event
 *
 * Runs the step, carries out its actions and feeds their results back
 * until nothing more happens.  Return: 0, or the error with which the
 * machine refused the event (xpo_sm_step()).
 */
int __xpo_sm_event(struct xpo_cage *cage, enum xpo_sm_event event)
{
	enum xpo_sm_state old, first = cage->sm.state;
	struct xpo_sm_result res;
	struct xpo_sm_input in = {};
	unsigned int n;
	int err = 0;

	lockdep_assert_held(&cage->sm_lock);

	/* the module's own events wait while a CDB/firmware lease holds it */
	if (xpo_sm_postpone(cage, event))
		return 0;

	/* IntL or a poll: lane flags may have latched too */
	if (event == XPO_E_INTERRUPT || event == XPO_E_POLL)
		cage->lanes_stale = true;

	for (n = 0; event != XPO_E_NONE; n++) {
		if (n == XPO_SM_MAX_CHAIN) {
			dev_err(cage->dev, "state machine loops in %s\n",
				xpo_sm_state_name(cage->sm.state));
			break;
		}
		old = cage->sm.state;
		xpo_sm_step(&cage->sm, event, &in, &res);
		if (!n)
			err = res.err;
		dev_dbg(cage->dev, "event %s in %s -> %s, actions %#x\n",
			xpo_sm_event_name(event), xpo_sm_state_name(old),
			xpo_sm_state_name(cage->sm.state), res.actions);
		if (cage->sm.state == XPO_S_FAULT && old != XPO_S_FAULT)
			dev_warn(cage->dev, "module fault: %s\n",
				 xpo_fault_name(cage->sm.fault));

		xpo_sm_update_io(cage);
		event = xpo_sm_act(cage, &res, &in);
		xpo_sm_uevent(cage, res.uevent);
	}

	if (cage->sm.state != first)
		cage->lanes_stale = true;
	__xpo_protect_service(cage);
	xpo_lanes_service(cage);
	/* the flags were read: a level IntL may interrupt again */
	__xpo_cage_int_rearm(cage);
	xpo_sm_publish(cage);
	return err;
}

/**
 * __xpo_cage_power_update() - tell the machine what the power policy wants
 * @cage: the cage, sm_lock held
 *
 * High power with policy "high", or with policy "auto" while a port of the
 * cage is administratively up; low power otherwise.  Nothing happens once
 * the cage is being removed.
 */
void __xpo_cage_power_update(struct xpo_cage *cage)
{
	bool high;

	lockdep_assert_held(&cage->sm_lock);
	if (cage->stopping)
		return;
	/* the protection acts at once; the policy waits for a busy module */
	high = false;
	if (!__xpo_protect_holds_low_power(cage)) {
		if (xpo_guard_postpone(cage, XPO_DEFER_POWER))
			return;
		high = cage->power_policy == XPO_POWER_POLICY_HIGH ||
		       cage->ports_up;
	}
	__xpo_sm_event(cage, high ? XPO_E_WANT_HIGH_POWER :
			     XPO_E_WANT_LOW_POWER);
}

/**
 * xpo_sm_event() - feed an event to a cage's state machine
 * @cage: the cage
 * @event: the event
 *
 * Return: 0, -ENODEV once the cage is being removed, or the error with
 * which the machine refused the event.
 */
int xpo_sm_event(struct xpo_cage *cage, enum xpo_sm_event event)
{
	int ret = -ENODEV;

	mutex_lock(&cage->sm_lock);
	if (!cage->stopping)
		ret = __xpo_sm_event(cage, event);
	mutex_unlock(&cage->sm_lock);
	return ret;
}

/* The cage timer */
void xpo_sm_timeout_work(struct work_struct *work)
{
	struct xpo_cage *cage = container_of(to_delayed_work(work),
					     struct xpo_cage, timeout);

	mutex_lock(&cage->sm_lock);
	/*
	 * A timer re-armed while this instance waited for the lock is due
	 * later: the new instance will deliver the timeout.
	 */
	if (!cage->stopping && !time_before(jiffies, cage->timer_deadline))
		__xpo_sm_event(cage, XPO_E_TIMEOUT);
	mutex_unlock(&cage->sm_lock);
}
