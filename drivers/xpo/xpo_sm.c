// SPDX-License-Identifier: GPL-2.0
/*
 * The per-cage state machine, as pure logic: no hardware, no locks, no
 * allocation.  See xpo_sm.h and Documentation/cage-core.rst.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "cmis.h"
#include "xpo_sm.h"

static const char * const xpo_sm_state_names[XPO_S_MAX] = {
	[XPO_S_EMPTY]		= "empty",
	[XPO_S_PROBING]		= "probing",
	[XPO_S_LOW_POWER]	= "low-power",
	[XPO_S_POWERING_UP]	= "powering-up",
	[XPO_S_READY]		= "ready",
	[XPO_S_FAULT]		= "fault",
	[XPO_S_POWERED_OFF]	= "powered-off",
};

static const char * const xpo_sm_event_names[XPO_E_MAX] = {
	[XPO_E_INSERT]		= "insert",
	[XPO_E_REMOVE]		= "remove",
	[XPO_E_INTERRUPT]	= "interrupt",
	[XPO_E_POLL]		= "poll",
	[XPO_E_TIMEOUT]		= "timeout",
	[XPO_E_POWER_ON]	= "power-on",
	[XPO_E_POWER_OFF]	= "power-off",
	[XPO_E_RESET]		= "reset",
	[XPO_E_WANT_HIGH_POWER]	= "want-high-power",
	[XPO_E_WANT_LOW_POWER]	= "want-low-power",
	[XPO_E_ADOPT]		= "adopt",
	[XPO_E_ID_OK]		= "id-ok",
	[XPO_E_ID_BAD]		= "id-bad",
	[XPO_E_MODULE_STATE]	= "module-state",
	[XPO_E_IO_ERROR]	= "io-error",
	[XPO_E_BUSY]		= "busy",
	[XPO_E_BUSY_TIMEOUT]	= "busy-timeout",
};

static const char * const xpo_fault_names[XPO_FAULT_MAX] = {
	[XPO_FAULT_NONE]		= "none",
	[XPO_FAULT_NO_RESPONSE]		= "no-response",
	[XPO_FAULT_BAD_IDENTIFIER]	= "bad-identifier",
	[XPO_FAULT_BAD_REVISION]	= "bad-revision",
	[XPO_FAULT_MODULE_FAULT]	= "module-fault",
	[XPO_FAULT_POWER_UP_TIMEOUT]	= "power-up-timeout",
	[XPO_FAULT_POWER_BUDGET]	= "power-budget",
	[XPO_FAULT_BUSY_TIMEOUT]	= "busy-timeout",
};

const char *xpo_sm_state_name(enum xpo_sm_state state)
{
	if ((unsigned int)state >= XPO_S_MAX)
		return "unknown";
	return xpo_sm_state_names[state];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_sm_state_name);

const char *xpo_sm_event_name(enum xpo_sm_event event)
{
	if ((unsigned int)event >= XPO_E_MAX)
		return "unknown";
	return xpo_sm_event_names[event];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_sm_event_name);

const char *xpo_fault_name(enum xpo_fault fault)
{
	if ((unsigned int)fault >= XPO_FAULT_MAX)
		return "unknown";
	return xpo_fault_names[fault];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_fault_name);

/**
 * xpo_sm_pwrup_timeout_ms() - how long to wait for ModuleReady
 * @advertised_ms: upper bound of the module's advertised ModulePwrUp
 *	duration (01h:167 b3-0) in ms, or negative when not advertised
 */
unsigned int xpo_sm_pwrup_timeout_ms(int advertised_ms)
{
	if (advertised_ms < 0)
		return XPO_T_PWRUP_DEFAULT_MS;
	return max_t(unsigned int, advertised_ms + XPO_T_PWRUP_MARGIN_MS,
		     XPO_T_PWRUP_FLOOR_MS);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_sm_pwrup_timeout_ms);

/**
 * xpo_sm_reads_flags() - does an interrupt make the machine read the flags?
 * @state: the machine's state
 *
 * In low-power, powering-up, ready and fault an interrupt reads the module
 * state and its flags, which deasserts IntL; elsewhere (no module, probing,
 * powered off) it is not looked at.
 */
bool xpo_sm_reads_flags(enum xpo_sm_state state)
{
	switch (state) {
	case XPO_S_LOW_POWER:
	case XPO_S_POWERING_UP:
	case XPO_S_READY:
	case XPO_S_FAULT:
		return true;
	default:
		return false;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xpo_sm_reads_flags);

/**
 * xpo_sm_int_may_unmask() - may a masked level IntL be enabled again?
 * @state: the machine's state now
 * @asserted: IntL reads asserted
 * @unread: it was masked while the machine did not read the flags on an
 *	interrupt (xpo_sm_reads_flags() false then)
 *
 * Deasserted, always.  Asserted, only if nobody has read the flags behind
 * it yet and the machine now would: it is not stuck, only unread (the
 * flags a module raises as it boots, while the machine is probing), and
 * the interrupt it fires at once is serviced.  An IntL that stays asserted
 * after the machine read the flags waits for the re-check.
 */
bool xpo_sm_int_may_unmask(enum xpo_sm_state state, bool asserted,
			   bool unread)
{
	return !asserted || (unread && xpo_sm_reads_flags(state));
}
EXPORT_SYMBOL_IF_KUNIT(xpo_sm_int_may_unmask);

void xpo_sm_init(struct xpo_sm *sm, bool power_wanted)
{
	memset(sm, 0, sizeof(*sm));
	sm->state = XPO_S_EMPTY;
	sm->prev_state = XPO_S_EMPTY;
	sm->fault = XPO_FAULT_NONE;
	sm->power_wanted = power_wanted;
	sm->high_power_wanted = true;
	sm->pwrup_timeout_ms = XPO_T_PWRUP_DEFAULT_MS;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_sm_init);

static void xpo_sm_enter(struct xpo_sm *sm, enum xpo_sm_state next,
			 struct xpo_sm_result *res)
{
	if (next == sm->state)
		return;
	sm->prev_state = sm->state;
	sm->state = next;
	if (res->uevent == XPO_UEVENT_NONE)
		res->uevent = XPO_UEVENT_STATE;
}

static void xpo_sm_arm(struct xpo_sm *sm, struct xpo_sm_result *res,
		       unsigned int ms)
{
	res->actions |= XPO_A_TIMER;
	res->timer_ms = ms;
	sm->timer_armed = true;
}

static void xpo_sm_disarm(struct xpo_sm *sm, struct xpo_sm_result *res)
{
	res->actions |= XPO_A_CANCEL_TIMER;
	sm->timer_armed = false;
}

static void xpo_sm_fault(struct xpo_sm *sm, struct xpo_sm_result *res,
			 enum xpo_fault reason)
{
	xpo_sm_disarm(sm, res);
	if (reason == XPO_FAULT_MODULE_FAULT)
		res->actions |= XPO_A_READ_FAULT_CAUSE;
	sm->fault = reason;
	xpo_sm_enter(sm, XPO_S_FAULT, res);
}

/* A powered module is seated: (re)start from its identity. */
static void xpo_sm_start_probe(struct xpo_sm *sm, struct xpo_sm_result *res,
			       unsigned int how)
{
	xpo_sm_disarm(sm, res);
	res->actions |= XPO_A_INVALIDATE | how;
	sm->fault = XPO_FAULT_NONE;
	sm->adopting = false;
	sm->adopted = false;
	sm->probe_tries = 0;
	sm->io_errors = 0;
	sm->deadline_passed = false;
	xpo_sm_arm(sm, res, XPO_T_PROBE_INIT_MS);
	xpo_sm_enter(sm, XPO_S_PROBING, res);
}

/*
 * Probe found the module powered and out of reset, left running by an
 * earlier driver instance (a reload, a warm restart of the NOS): identify
 * it at once, with no reset and no settle time, and let its ModuleState
 * decide where the machine goes (a ready module is ready again without
 * leaving ModuleReady).  If it does not answer it gets what a cold cage
 * gets: a reset, then the usual probe.
 */
static void xpo_sm_adopt(struct xpo_sm *sm, struct xpo_sm_result *res)
{
	sm->present = true;
	res->uevent = XPO_UEVENT_INSERT;
	res->actions |= XPO_A_INVALIDATE | XPO_A_READ_ID;
	sm->fault = XPO_FAULT_NONE;
	sm->probe_tries = 1;
	sm->io_errors = 0;
	sm->deadline_passed = false;
	sm->adopting = true;
	sm->adopted = false;
	xpo_sm_enter(sm, XPO_S_PROBING, res);
}

static void xpo_sm_powering_up(struct xpo_sm *sm, struct xpo_sm_result *res)
{
	sm->deadline_passed = false;
	xpo_sm_arm(sm, res, sm->pwrup_timeout_ms);
	xpo_sm_enter(sm, XPO_S_POWERING_UP, res);
}

/* An unreadable state (I/O error, or a reserved ModuleState code) */
static void xpo_sm_io_error(struct xpo_sm *sm, struct xpo_sm_result *res)
{
	if (++sm->io_errors >= XPO_N_IO_ERRORS) {
		xpo_sm_fault(sm, res, XPO_FAULT_NO_RESPONSE);
		return;
	}
	if (sm->state == XPO_S_POWERING_UP) {
		/* the power-up deadline is running and will read again */
		if (sm->deadline_passed)
			xpo_sm_fault(sm, res, XPO_FAULT_POWER_UP_TIMEOUT);
		return;
	}
	xpo_sm_arm(sm, res, XPO_T_IO_RETRY_MS);
}

static bool xpo_sm_module_state_valid(u8 ms)
{
	return ms >= CMIS_MODULE_LOWPWR && ms <= CMIS_MODULE_FAULT;
}

/*
 * What every state with a running module does first with a ModuleState
 * report: an impossible code counts as an I/O error, a good read clears
 * the error count, ModuleFault is a fault.  Returns true when the report
 * is dealt with.
 */
static bool xpo_sm_module_report(struct xpo_sm *sm,
				 const struct xpo_sm_input *in,
				 struct xpo_sm_result *res)
{
	if (!xpo_sm_module_state_valid(in->module_state)) {
		xpo_sm_io_error(sm, res);
		return true;
	}
	sm->io_errors = 0;
	if (in->module_state == CMIS_MODULE_FAULT) {
		xpo_sm_fault(sm, res, XPO_FAULT_MODULE_FAULT);
		return true;
	}
	return false;
}

static void xpo_sm_probing(struct xpo_sm *sm, enum xpo_sm_event event,
			   const struct xpo_sm_input *in,
			   struct xpo_sm_result *res)
{
	switch (event) {
	case XPO_E_INTERRUPT:
		/*
		 * A module out of reset passes MgmtInit and enters
		 * ModuleLowPwr, and that change sets ModuleStateChanged
		 * (00h:8 b0) and asserts IntL (CMIS 5.2 section 6.3.2): it
		 * says its management interface answers.  Read it now,
		 * not after the rest of the settle or retry time (with no
		 * timer the read is already under way).  The flags stay
		 * unread until low-power, as for every IntL here.
		 */
		if (!sm->timer_armed)
			break;
		xpo_sm_disarm(sm, res);
		fallthrough;
	case XPO_E_TIMEOUT:
		sm->probe_tries++;
		res->actions |= XPO_A_READ_ID;
		break;
	case XPO_E_ID_OK:
		sm->adopted = sm->adopting;
		sm->adopting = false;
		sm->pwrup_timeout_ms = in->pwrup_timeout_ms;
		if (in->over_budget) {
			/* Stay in low power, by register if there is no pin */
			sm->fault = XPO_FAULT_POWER_BUDGET;
			res->actions |= XPO_A_LPMODE_ON;
			xpo_sm_enter(sm, XPO_S_LOW_POWER, res);
			break;
		}
		xpo_sm_enter(sm, XPO_S_LOW_POWER, res);
		res->actions |= XPO_A_READ_STATE;
		break;
	case XPO_E_ID_BAD:
		sm->adopting = false;
		xpo_sm_fault(sm, res, in->reason);
		break;
	case XPO_E_IO_ERROR:
		if (sm->adopting)
			/* not the running module hoped for: reset it */
			xpo_sm_start_probe(sm, res, XPO_A_RESET);
		else if (sm->probe_tries >= XPO_R_PROBE_TRIES)
			xpo_sm_fault(sm, res, XPO_FAULT_NO_RESPONSE);
		else
			xpo_sm_arm(sm, res, XPO_T_PROBE_RETRY_MS);
		break;
	default:
		break;
	}
}

static void xpo_sm_low_power(struct xpo_sm *sm, enum xpo_sm_event event,
			     const struct xpo_sm_input *in,
			     struct xpo_sm_result *res)
{
	switch (event) {
	case XPO_E_INTERRUPT:
	case XPO_E_POLL:
	case XPO_E_TIMEOUT:
		res->actions |= XPO_A_READ_STATE;
		break;
	case XPO_E_MODULE_STATE:
		if (xpo_sm_module_report(sm, in, res))
			break;
		if (sm->fault == XPO_FAULT_POWER_BUDGET)
			break;
		if (!sm->high_power_wanted) {
			/* held here; ask again if the module got away */
			if (in->module_state != CMIS_MODULE_LOWPWR)
				res->actions |= XPO_A_LOW_POWER;
			break;
		}
		/* Release LPMode and LowPwrRequestSW. */
		res->actions |= XPO_A_HIGH_POWER;
		if (in->module_state == CMIS_MODULE_READY)
			xpo_sm_enter(sm, XPO_S_READY, res);
		else
			xpo_sm_powering_up(sm, res);
		break;
	case XPO_E_WANT_HIGH_POWER:
	case XPO_E_WANT_LOW_POWER:
		/* the module state decides what to do, as on arrival */
		res->actions |= XPO_A_READ_STATE;
		break;
	case XPO_E_IO_ERROR:
		xpo_sm_io_error(sm, res);
		break;
	default:
		break;
	}
}

/* The policy wants low power while the module is (going) up */
static void xpo_sm_back_to_low_power(struct xpo_sm *sm,
				     struct xpo_sm_result *res)
{
	xpo_sm_disarm(sm, res);
	res->actions |= XPO_A_LOW_POWER;
	xpo_sm_enter(sm, XPO_S_LOW_POWER, res);
}

static void xpo_sm_powering_up_event(struct xpo_sm *sm,
				     enum xpo_sm_event event,
				     const struct xpo_sm_input *in,
				     struct xpo_sm_result *res)
{
	switch (event) {
	case XPO_E_TIMEOUT:
		sm->deadline_passed = true;
		fallthrough;
	case XPO_E_INTERRUPT:
	case XPO_E_POLL:
		res->actions |= XPO_A_READ_STATE;
		break;
	case XPO_E_MODULE_STATE:
		if (xpo_sm_module_report(sm, in, res))
			break;
		switch (in->module_state) {
		case CMIS_MODULE_READY:
			xpo_sm_disarm(sm, res);
			xpo_sm_enter(sm, XPO_S_READY, res);
			break;
		default:
			if (sm->deadline_passed)
				xpo_sm_fault(sm, res,
					     XPO_FAULT_POWER_UP_TIMEOUT);
			else if (in->module_state == CMIS_MODULE_LOWPWR)
				/* not started yet: ask again (idempotent) */
				res->actions |= XPO_A_HIGH_POWER;
			break;
		}
		break;
	case XPO_E_WANT_LOW_POWER:
		xpo_sm_back_to_low_power(sm, res);
		break;
	case XPO_E_IO_ERROR:
		xpo_sm_io_error(sm, res);
		break;
	default:
		break;
	}
}

static void xpo_sm_ready(struct xpo_sm *sm, enum xpo_sm_event event,
			 const struct xpo_sm_input *in,
			 struct xpo_sm_result *res)
{
	switch (event) {
	case XPO_E_INTERRUPT:
	case XPO_E_POLL:
	case XPO_E_TIMEOUT:
		res->actions |= XPO_A_READ_STATE;
		break;
	case XPO_E_MODULE_STATE:
		if (xpo_sm_module_report(sm, in, res))
			break;
		switch (in->module_state) {
		case CMIS_MODULE_READY:
			break;
		default:
			/*
			 * The module left ModuleReady by itself (a software
			 * reset, a low-power request by another master):
			 * go through low-power again, which re-applies the
			 * power policy.
			 */
			xpo_sm_enter(sm, XPO_S_LOW_POWER, res);
			res->actions |= XPO_A_READ_STATE;
			break;
		}
		break;
	case XPO_E_WANT_LOW_POWER:
		xpo_sm_back_to_low_power(sm, res);
		break;
	case XPO_E_IO_ERROR:
		xpo_sm_io_error(sm, res);
		break;
	default:
		break;
	}
}

/**
 * xpo_sm_step() - feed one event to a cage's state machine
 * @sm: the machine, updated in place
 * @event: what happened
 * @in: what came with the event (see struct xpo_sm_input)
 * @res: filled with the actions to carry out, in XPO_A_* order
 *
 * Events that make no sense in the current state are ignored (res has no
 * action).  A RESET on an empty or powered-off cage is refused with
 * res->err = -ENODEV.  ADOPT is the first event of a probe that found the
 * module powered and out of reset, instead of INSERT: ignored unless the
 * machine is empty and has seen no module.  WANT_HIGH_POWER and WANT_LOW_POWER are recorded in
 * every state and applied whenever the machine reaches low-power.
 */
void xpo_sm_step(struct xpo_sm *sm, enum xpo_sm_event event,
		 const struct xpo_sm_input *in, struct xpo_sm_result *res)
{
	bool want_high;

	memset(res, 0, sizeof(*res));

	/* Events with the same meaning in every state */
	switch (event) {
	case XPO_E_INSERT:
		if (sm->present)
			return;
		sm->present = true;
		res->uevent = XPO_UEVENT_INSERT;
		if (sm->state == XPO_S_POWERED_OFF)
			return;
		xpo_sm_start_probe(sm, res, 0);
		return;
	case XPO_E_REMOVE:
		if (!sm->present)
			return;
		sm->present = false;
		res->uevent = XPO_UEVENT_REMOVE;
		if (sm->state == XPO_S_POWERED_OFF)
			return;
		xpo_sm_disarm(sm, res);
		res->actions |= XPO_A_INVALIDATE | XPO_A_LPMODE_ON;
		sm->fault = XPO_FAULT_NONE;
		sm->adopting = false;
		sm->adopted = false;
		xpo_sm_enter(sm, XPO_S_EMPTY, res);
		return;
	case XPO_E_ADOPT:
		/* only the first look of a probe, at a cage still empty */
		if (sm->present || sm->state != XPO_S_EMPTY)
			return;
		xpo_sm_adopt(sm, res);
		return;
	case XPO_E_POWER_OFF:
		sm->power_wanted = false;
		if (sm->state == XPO_S_POWERED_OFF)
			return;
		xpo_sm_disarm(sm, res);
		res->actions |= XPO_A_INVALIDATE | XPO_A_POWER_OFF;
		sm->fault = XPO_FAULT_NONE;
		sm->adopting = false;
		sm->adopted = false;
		xpo_sm_enter(sm, XPO_S_POWERED_OFF, res);
		return;
	case XPO_E_POWER_ON:
		sm->power_wanted = true;
		if (sm->state != XPO_S_POWERED_OFF)
			return;
		if (sm->present) {
			xpo_sm_start_probe(sm, res, XPO_A_POWER_ON);
		} else {
			res->actions |= XPO_A_POWER_ON;
			xpo_sm_enter(sm, XPO_S_EMPTY, res);
		}
		return;
	case XPO_E_RESET:
		if (sm->state == XPO_S_EMPTY ||
		    sm->state == XPO_S_POWERED_OFF) {
			res->err = -ENODEV;
			return;
		}
		xpo_sm_start_probe(sm, res, XPO_A_RESET);
		return;
	case XPO_E_TIMEOUT:
		/* a timer cancelled while it was already running */
		if (!sm->timer_armed)
			return;
		sm->timer_armed = false;
		break;
	case XPO_E_BUSY:
	case XPO_E_BUSY_TIMEOUT:
		if (sm->state != XPO_S_PROBING && sm->state != XPO_S_LOW_POWER &&
		    sm->state != XPO_S_POWERING_UP && sm->state != XPO_S_READY)
			return;
		if (event == XPO_E_BUSY_TIMEOUT) {
			xpo_sm_fault(sm, res, XPO_FAULT_BUSY_TIMEOUT);
			return;
		}
		/*
		 * A busy module is not a faulty one: read again later,
		 * uncounted.  A running timer (the power-up deadline) reads
		 * again by itself.
		 */
		if (!sm->timer_armed)
			xpo_sm_arm(sm, res, XPO_T_BUSY_RETRY_MS);
		return;
	case XPO_E_WANT_HIGH_POWER:
	case XPO_E_WANT_LOW_POWER:
		/* recorded in every state; acted upon where it matters */
		want_high = event == XPO_E_WANT_HIGH_POWER;
		if (sm->high_power_wanted == want_high)
			return;
		sm->high_power_wanted = want_high;
		break;
	default:
		break;
	}

	switch (sm->state) {
	case XPO_S_PROBING:
		xpo_sm_probing(sm, event, in, res);
		break;
	case XPO_S_LOW_POWER:
		xpo_sm_low_power(sm, event, in, res);
		break;
	case XPO_S_POWERING_UP:
		xpo_sm_powering_up_event(sm, event, in, res);
		break;
	case XPO_S_READY:
		xpo_sm_ready(sm, event, in, res);
		break;
	case XPO_S_FAULT:
		/* Read the flags so that IntL deasserts; nothing else. */
		if (event == XPO_E_INTERRUPT)
			res->actions |= XPO_A_READ_STATE;
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xpo_sm_step);
