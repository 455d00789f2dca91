// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the cage state machine (xpo_sm.c), driven with plain structures.
 * Every state is reached through real events, never by poking the state.
 */
#include <kunit/test.h>
#include <linux/errno.h>

#include "../cmis.h"
#include "../xpo_sm.h"

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);

#define PWRUP_MS	1500

static struct xpo_sm_result step(struct xpo_sm *sm, enum xpo_sm_event ev)
{
	struct xpo_sm_input in = {};
	struct xpo_sm_result res;

	xpo_sm_step(sm, ev, &in, &res);
	return res;
}

static struct xpo_sm_result step_state(struct xpo_sm *sm, u8 module_state)
{
	struct xpo_sm_input in = { .module_state = module_state };
	struct xpo_sm_result res;

	xpo_sm_step(sm, XPO_E_MODULE_STATE, &in, &res);
	return res;
}

static struct xpo_sm_result step_id_ok(struct xpo_sm *sm, bool over_budget)
{
	struct xpo_sm_input in = {
		.over_budget = over_budget,
		.pwrup_timeout_ms = PWRUP_MS,
	};
	struct xpo_sm_result res;

	xpo_sm_step(sm, XPO_E_ID_OK, &in, &res);
	return res;
}

static struct xpo_sm_result step_id_bad(struct xpo_sm *sm,
					enum xpo_fault reason)
{
	struct xpo_sm_input in = { .reason = reason };
	struct xpo_sm_result res;

	xpo_sm_step(sm, XPO_E_ID_BAD, &in, &res);
	return res;
}

/* Bring a fresh machine to @state the way a cage gets there */
static void sm_at(struct kunit *test, struct xpo_sm *sm,
		  enum xpo_sm_state state)
{
	xpo_sm_init(sm, true);
	if (state == XPO_S_EMPTY)
		return;
	if (state == XPO_S_POWERED_OFF) {
		step(sm, XPO_E_POWER_OFF);
		goto check;
	}
	step(sm, XPO_E_INSERT);
	if (state == XPO_S_PROBING)
		goto check;
	step(sm, XPO_E_TIMEOUT);
	if (state == XPO_S_FAULT) {
		step_id_bad(sm, XPO_FAULT_BAD_IDENTIFIER);
		goto check;
	}
	step_id_ok(sm, false);
	if (state == XPO_S_LOW_POWER)
		goto check;
	step_state(sm, CMIS_MODULE_LOWPWR);
	if (state == XPO_S_POWERING_UP)
		goto check;
	step_state(sm, CMIS_MODULE_READY);
check:
	KUNIT_ASSERT_EQ(test, sm->state, state);
}

static void xpo_sm_test_names(struct kunit *test)
{
	static const char * const states[XPO_S_MAX] = {
		"empty", "probing", "low-power", "powering-up", "ready",
		"fault", "powered-off",
	};
	unsigned int i;

	for (i = 0; i < XPO_S_MAX; i++)
		KUNIT_EXPECT_STREQ(test, xpo_sm_state_name(i), states[i]);
	KUNIT_EXPECT_STREQ(test, xpo_sm_state_name(XPO_S_MAX), "unknown");
	for (i = 0; i < XPO_E_MAX; i++) {
		KUNIT_EXPECT_NOT_NULL(test, xpo_sm_event_name(i));
		KUNIT_EXPECT_STRNEQ(test, xpo_sm_event_name(i), "unknown");
	}
	KUNIT_EXPECT_STREQ(test, xpo_sm_event_name(XPO_E_INSERT), "insert");
	KUNIT_EXPECT_STREQ(test, xpo_sm_event_name(XPO_E_MAX), "unknown");
	for (i = 0; i < XPO_FAULT_MAX; i++)
		KUNIT_EXPECT_STRNEQ(test, xpo_fault_name(i), "unknown");
	KUNIT_EXPECT_STREQ(test, xpo_fault_name(XPO_FAULT_NONE), "none");
	KUNIT_EXPECT_STREQ(test, xpo_fault_name(XPO_FAULT_MODULE_FAULT),
			   "module-fault");
	KUNIT_EXPECT_STREQ(test, xpo_fault_name(XPO_FAULT_MAX), "unknown");
}

static void xpo_sm_test_init(struct kunit *test)
{
	struct xpo_sm sm;

	xpo_sm_init(&sm, true);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_EMPTY);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_NONE);
	KUNIT_EXPECT_FALSE(test, sm.present);
	KUNIT_EXPECT_TRUE(test, sm.power_wanted);
	KUNIT_EXPECT_FALSE(test, sm.timer_armed);
}

/* The whole way from an insertion to ModuleReady, action by action */
static void xpo_sm_test_insert_to_ready(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;

	xpo_sm_init(&sm, true);

	res = step(&sm, XPO_E_INSERT);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_PROBING);
	KUNIT_EXPECT_TRUE(test, sm.present);
	KUNIT_EXPECT_EQ(test, res.uevent, XPO_UEVENT_INSERT);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_INVALIDATE);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_TIMER);
	KUNIT_EXPECT_EQ(test, res.timer_ms, XPO_T_PROBE_INIT_MS);
	KUNIT_EXPECT_FALSE(test, res.actions & XPO_A_READ_ID);

	res = step(&sm, XPO_E_TIMEOUT);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_PROBING);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_READ_ID);
	KUNIT_EXPECT_EQ(test, sm.probe_tries, 1U);
	KUNIT_EXPECT_FALSE(test, sm.timer_armed);

	res = step_id_ok(&sm, false);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_EQ(test, sm.prev_state, XPO_S_PROBING);
	KUNIT_EXPECT_EQ(test, res.uevent, XPO_UEVENT_STATE);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_READ_STATE);
	KUNIT_EXPECT_EQ(test, sm.pwrup_timeout_ms, PWRUP_MS);

	res = step_state(&sm, CMIS_MODULE_LOWPWR);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_POWERING_UP);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_HIGH_POWER);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_TIMER);
	KUNIT_EXPECT_EQ(test, res.timer_ms, PWRUP_MS);
	KUNIT_EXPECT_TRUE(test, sm.timer_armed);

	res = step_state(&sm, CMIS_MODULE_PWRUP);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_POWERING_UP);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_EQ(test, res.uevent, XPO_UEVENT_NONE);

	res = step(&sm, XPO_E_INTERRUPT);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_READ_STATE);

	res = step_state(&sm, CMIS_MODULE_READY);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_READY);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_CANCEL_TIMER);
	KUNIT_EXPECT_FALSE(test, sm.timer_armed);
	KUNIT_EXPECT_EQ(test, res.uevent, XPO_UEVENT_STATE);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_NONE);

	/* ready stays ready */
	res = step(&sm, XPO_E_INTERRUPT);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_READ_STATE);
	res = step_state(&sm, CMIS_MODULE_READY);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_READY);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
}

/* A module that powers itself up (LPMode ignored) or is already ready */
static void xpo_sm_test_low_power_shortcuts(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;

	sm_at(test, &sm, XPO_S_LOW_POWER);
	res = step_state(&sm, CMIS_MODULE_READY);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_READY);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_HIGH_POWER);

	sm_at(test, &sm, XPO_S_LOW_POWER);
	res = step_state(&sm, CMIS_MODULE_PWRUP);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_POWERING_UP);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_TIMER);

	sm_at(test, &sm, XPO_S_LOW_POWER);
	res = step_state(&sm, CMIS_MODULE_PWRDN);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_POWERING_UP);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_HIGH_POWER);
}

static const enum xpo_sm_state xpo_sm_all_states[] = {
	XPO_S_EMPTY, XPO_S_PROBING, XPO_S_LOW_POWER, XPO_S_POWERING_UP,
	XPO_S_READY, XPO_S_FAULT, XPO_S_POWERED_OFF,
};

static void xpo_sm_state_desc(const enum xpo_sm_state *s, char *desc)
{
	strscpy(desc, xpo_sm_state_name(*s), KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(xpo_sm_states, xpo_sm_all_states, xpo_sm_state_desc);

/* A removal in any state ends in empty (or keeps powered-off) */
static void xpo_sm_test_remove(struct kunit *test)
{
	const enum xpo_sm_state *from = test->param_value;
	struct xpo_sm_result res;
	struct xpo_sm sm;

	sm_at(test, &sm, *from);
	res = step(&sm, XPO_E_REMOVE);
	KUNIT_EXPECT_FALSE(test, sm.present);
	KUNIT_EXPECT_FALSE(test, sm.timer_armed);

	switch (*from) {
	case XPO_S_EMPTY:
		KUNIT_EXPECT_EQ(test, sm.state, XPO_S_EMPTY);
		KUNIT_EXPECT_EQ(test, res.actions, 0U);
		KUNIT_EXPECT_EQ(test, res.uevent, XPO_UEVENT_NONE);
		break;
	case XPO_S_POWERED_OFF:
		/* nothing seated in a powered-off cage either */
		KUNIT_EXPECT_EQ(test, sm.state, XPO_S_POWERED_OFF);
		KUNIT_EXPECT_EQ(test, res.actions, 0U);
		break;
	default:
		KUNIT_EXPECT_EQ(test, sm.state, XPO_S_EMPTY);
		KUNIT_EXPECT_EQ(test, sm.prev_state, *from);
		KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_NONE);
		KUNIT_EXPECT_EQ(test, res.uevent, XPO_UEVENT_REMOVE);
		KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_CANCEL_TIMER);
		KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_INVALIDATE);
		KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_LPMODE_ON);
		/* no bus access for a module that is gone */
		KUNIT_EXPECT_FALSE(test, res.actions &
				   (XPO_A_READ_ID | XPO_A_READ_STATE |
				    XPO_A_HIGH_POWER | XPO_A_READ_FAULT_CAUSE));
		break;
	}

	/* and a new module starts from the beginning */
	res = step(&sm, XPO_E_INSERT);
	KUNIT_EXPECT_EQ(test, sm.state, *from == XPO_S_POWERED_OFF ?
			XPO_S_POWERED_OFF : XPO_S_PROBING);
	KUNIT_EXPECT_EQ(test, res.uevent, XPO_UEVENT_INSERT);
}

/* Without a module only empty and powered-off; with one never empty */
static bool sm_presence_ok(const struct xpo_sm *sm)
{
	if (sm->present)
		return sm->state != XPO_S_EMPTY;
	return sm->state == XPO_S_EMPTY || sm->state == XPO_S_POWERED_OFF;
}

/* Every state x every event: the machine stays consistent */
static void xpo_sm_test_invariants(struct kunit *test)
{
	const enum xpo_sm_state *from = test->param_value;
	struct xpo_sm_input in = { .module_state = CMIS_MODULE_PWRUP,
				   .reason = XPO_FAULT_BAD_REVISION,
				   .pwrup_timeout_ms = PWRUP_MS };
	struct xpo_sm_result res;
	enum xpo_sm_event ev;
	struct xpo_sm sm;
	u8 ms;

	for (ms = 0; ms <= 7; ms++) {
		for (ev = 0; ev < XPO_E_MAX; ev++) {
			sm_at(test, &sm, *from);
			in.module_state = ms;
			xpo_sm_step(&sm, ev, &in, &res);
			KUNIT_EXPECT_LT(test, sm.state, XPO_S_MAX);
			KUNIT_EXPECT_TRUE_MSG(test, sm_presence_ok(&sm),
					      "%s + %s -> %s, present %d",
					      xpo_sm_state_name(*from),
					      xpo_sm_event_name(ev),
					      xpo_sm_state_name(sm.state),
					      sm.present);
			if (sm.state == XPO_S_FAULT)
				KUNIT_EXPECT_TRUE(test,
						  sm.fault != XPO_FAULT_NONE &&
						  sm.fault != XPO_FAULT_POWER_BUDGET);
			else if (sm.state != XPO_S_LOW_POWER)
				KUNIT_EXPECT_EQ(test, sm.fault,
						XPO_FAULT_NONE);
			if (sm.state == XPO_S_POWERED_OFF)
				KUNIT_EXPECT_FALSE(test, sm.power_wanted);
			/* I/O only with a powered module */
			if (sm.state == XPO_S_EMPTY ||
			    sm.state == XPO_S_POWERED_OFF)
				KUNIT_EXPECT_FALSE(test, res.actions &
						   (XPO_A_READ_ID |
						    XPO_A_READ_STATE |
						    XPO_A_HIGH_POWER |
						    XPO_A_LOW_POWER));
			/* never both power requests */
			KUNIT_EXPECT_NE(test, res.actions &
					(XPO_A_HIGH_POWER | XPO_A_LOW_POWER),
					XPO_A_HIGH_POWER | XPO_A_LOW_POWER);
			/* one I/O feedback per step at most */
			KUNIT_EXPECT_NE(test, res.actions &
					(XPO_A_READ_ID | XPO_A_READ_STATE),
					XPO_A_READ_ID | XPO_A_READ_STATE);
			/* the timer flag follows the actions */
			if (res.actions & XPO_A_TIMER)
				KUNIT_EXPECT_TRUE(test, sm.timer_armed);
			if (res.actions & XPO_A_CANCEL_TIMER &&
			    !(res.actions & XPO_A_TIMER))
				KUNIT_EXPECT_FALSE(test, sm.timer_armed);
			/* a state change is always announced */
			if (sm.state != *from)
				KUNIT_EXPECT_NE(test, res.uevent,
						XPO_UEVENT_NONE);
		}
	}
}

/* A module that never answers: retries, then fault "no-response" */
static void xpo_sm_test_probe_nack_storm(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;
	unsigned int i;

	sm_at(test, &sm, XPO_S_PROBING);
	for (i = 1; i < XPO_R_PROBE_TRIES; i++) {
		res = step(&sm, XPO_E_TIMEOUT);
		KUNIT_ASSERT_EQ(test, res.actions, XPO_A_READ_ID);
		res = step(&sm, XPO_E_IO_ERROR);
		KUNIT_ASSERT_EQ(test, sm.state, XPO_S_PROBING);
		KUNIT_ASSERT_EQ(test, res.actions, XPO_A_TIMER);
		KUNIT_ASSERT_EQ(test, res.timer_ms, XPO_T_PROBE_RETRY_MS);
	}
	res = step(&sm, XPO_E_TIMEOUT);
	KUNIT_EXPECT_EQ(test, sm.probe_tries, XPO_R_PROBE_TRIES);
	res = step(&sm, XPO_E_IO_ERROR);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_FAULT);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_NO_RESPONSE);
	KUNIT_EXPECT_FALSE(test, sm.timer_armed);

	/* fault is sticky: interrupts and timeouts change nothing */
	res = step(&sm, XPO_E_TIMEOUT);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	res = step(&sm, XPO_E_POLL);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	res = step(&sm, XPO_E_INTERRUPT);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_READ_STATE);
	step_state(&sm, CMIS_MODULE_READY);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_FAULT);

	/* until the module is pulled */
	res = step(&sm, XPO_E_REMOVE);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_EMPTY);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_NONE);
	res = step(&sm, XPO_E_INSERT);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_PROBING);
	KUNIT_EXPECT_EQ(test, sm.probe_tries, 0U);
}

/*
 * IntL while probing: the module left MgmtInit (ModuleStateChanged), so it
 * is read at once instead of after the settle or retry time; with a read
 * already under way (no timer) an interrupt changes nothing.
 */
static void xpo_sm_test_probe_intl(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;

	sm_at(test, &sm, XPO_S_PROBING);
	KUNIT_ASSERT_TRUE(test, sm.timer_armed);
	res = step(&sm, XPO_E_INTERRUPT);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_CANCEL_TIMER | XPO_A_READ_ID);
	KUNIT_EXPECT_EQ(test, sm.probe_tries, 1U);
	KUNIT_EXPECT_FALSE(test, sm.timer_armed);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_PROBING);

	/* the settle timer, cancelled while it already ran, is stale */
	res = step(&sm, XPO_E_TIMEOUT);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	/* the read is under way: a second edge reads nothing more */
	res = step(&sm, XPO_E_INTERRUPT);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_EQ(test, sm.probe_tries, 1U);

	/* NACKed: the retry waits, an IntL cuts it short */
	res = step(&sm, XPO_E_IO_ERROR);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_TIMER);
	KUNIT_EXPECT_EQ(test, res.timer_ms, XPO_T_PROBE_RETRY_MS);
	res = step(&sm, XPO_E_INTERRUPT);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_CANCEL_TIMER | XPO_A_READ_ID);
	KUNIT_EXPECT_EQ(test, sm.probe_tries, 2U);

	res = step_id_ok(&sm, false);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_READ_STATE);
}

/* A few NACKs during MgmtInit are not a fault */
static void xpo_sm_test_probe_recovers(struct kunit *test)
{
	struct xpo_sm sm;
	unsigned int i;

	sm_at(test, &sm, XPO_S_PROBING);
	for (i = 0; i < 3; i++) {
		step(&sm, XPO_E_TIMEOUT);
		step(&sm, XPO_E_IO_ERROR);
	}
	step(&sm, XPO_E_TIMEOUT);
	step_id_ok(&sm, false);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_NONE);
}

static void xpo_sm_test_bad_identity(struct kunit *test)
{
	static const enum xpo_fault reasons[] = {
		XPO_FAULT_BAD_IDENTIFIER, XPO_FAULT_BAD_REVISION,
	};
	struct xpo_sm_result res;
	struct xpo_sm sm;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(reasons); i++) {
		sm_at(test, &sm, XPO_S_PROBING);
		step(&sm, XPO_E_TIMEOUT);
		res = step_id_bad(&sm, reasons[i]);
		KUNIT_EXPECT_EQ(test, sm.state, XPO_S_FAULT);
		KUNIT_EXPECT_EQ(test, sm.fault, reasons[i]);
		KUNIT_EXPECT_EQ(test, res.uevent, XPO_UEVENT_STATE);
		KUNIT_EXPECT_FALSE(test, res.actions & XPO_A_READ_FAULT_CAUSE);
	}
}

/* ModuleFault from every state that reads the module state */
static void xpo_sm_test_module_fault(struct kunit *test)
{
	static const enum xpo_sm_state from[] = {
		XPO_S_LOW_POWER, XPO_S_POWERING_UP, XPO_S_READY,
	};
	struct xpo_sm_result res;
	struct xpo_sm sm;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(from); i++) {
		sm_at(test, &sm, from[i]);
		res = step(&sm, XPO_E_INTERRUPT);
		KUNIT_EXPECT_EQ(test, res.actions, XPO_A_READ_STATE);
		res = step_state(&sm, CMIS_MODULE_FAULT);
		KUNIT_EXPECT_EQ(test, sm.state, XPO_S_FAULT);
		KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_MODULE_FAULT);
		KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_READ_FAULT_CAUSE);
		KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_CANCEL_TIMER);
		KUNIT_EXPECT_FALSE(test, sm.timer_armed);
	}
}

static void xpo_sm_test_pwrup_timeout(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;

	/* still in ModulePwrUp when the budget runs out */
	sm_at(test, &sm, XPO_S_POWERING_UP);
	res = step(&sm, XPO_E_TIMEOUT);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_READ_STATE);
	KUNIT_EXPECT_TRUE(test, sm.deadline_passed);
	res = step_state(&sm, CMIS_MODULE_PWRUP);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_FAULT);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_POWER_UP_TIMEOUT);

	/* ready just in time: no fault */
	sm_at(test, &sm, XPO_S_POWERING_UP);
	step(&sm, XPO_E_TIMEOUT);
	step_state(&sm, CMIS_MODULE_READY);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_READY);

	/* unreadable at the deadline */
	sm_at(test, &sm, XPO_S_POWERING_UP);
	step(&sm, XPO_E_TIMEOUT);
	step(&sm, XPO_E_IO_ERROR);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_FAULT);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_POWER_UP_TIMEOUT);

	/* still in LowPwr before the deadline: ask again, keep waiting */
	sm_at(test, &sm, XPO_S_POWERING_UP);
	res = step_state(&sm, CMIS_MODULE_LOWPWR);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_POWERING_UP);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_HIGH_POWER);
	KUNIT_EXPECT_TRUE(test, sm.timer_armed);
}

static void xpo_sm_test_pwrup_timeout_ms(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, xpo_sm_pwrup_timeout_ms(-EINVAL),
			XPO_T_PWRUP_DEFAULT_MS);
	KUNIT_EXPECT_EQ(test, xpo_sm_pwrup_timeout_ms(1),
			1 + XPO_T_PWRUP_MARGIN_MS);
	KUNIT_EXPECT_EQ(test, xpo_sm_pwrup_timeout_ms(500),
			500 + XPO_T_PWRUP_MARGIN_MS);
	KUNIT_EXPECT_EQ(test, xpo_sm_pwrup_timeout_ms(5000), 6000U);
	KUNIT_EXPECT_GE(test, xpo_sm_pwrup_timeout_ms(0),
			XPO_T_PWRUP_FLOOR_MS);
}

static void xpo_sm_test_ready_leaves_ready(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;

	sm_at(test, &sm, XPO_S_READY);
	res = step_state(&sm, CMIS_MODULE_LOWPWR);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_READ_STATE);
	res = step_state(&sm, CMIS_MODULE_LOWPWR);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_POWERING_UP);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_HIGH_POWER);
}

/* Failed state reads: retried, forgiven on success, fatal in a row */
static void xpo_sm_test_io_errors(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;
	unsigned int i;

	sm_at(test, &sm, XPO_S_READY);
	for (i = 1; i < XPO_N_IO_ERRORS; i++) {
		res = step(&sm, XPO_E_IO_ERROR);
		KUNIT_ASSERT_EQ(test, sm.state, XPO_S_READY);
		KUNIT_ASSERT_EQ(test, res.actions, XPO_A_TIMER);
		KUNIT_ASSERT_EQ(test, res.timer_ms, XPO_T_IO_RETRY_MS);
		res = step(&sm, XPO_E_TIMEOUT);
		KUNIT_ASSERT_EQ(test, res.actions, XPO_A_READ_STATE);
	}
	step_state(&sm, CMIS_MODULE_READY);
	KUNIT_EXPECT_EQ(test, sm.io_errors, 0U);

	for (i = 0; i < XPO_N_IO_ERRORS; i++)
		step(&sm, XPO_E_IO_ERROR);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_FAULT);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_NO_RESPONSE);

	/* a reserved ModuleState code counts as unreadable */
	sm_at(test, &sm, XPO_S_READY);
	for (i = 0; i < XPO_N_IO_ERRORS; i++)
		step_state(&sm, 7);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_FAULT);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_NO_RESPONSE);
}

static void xpo_sm_test_power_off_on(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;

	sm_at(test, &sm, XPO_S_READY);
	res = step(&sm, XPO_E_POWER_OFF);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_POWERED_OFF);
	KUNIT_EXPECT_FALSE(test, sm.power_wanted);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_POWER_OFF);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_INVALIDATE);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_CANCEL_TIMER);
	KUNIT_EXPECT_EQ(test, res.uevent, XPO_UEVENT_STATE);

	res = step(&sm, XPO_E_POWER_OFF);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	res = step(&sm, XPO_E_INTERRUPT);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	res = step(&sm, XPO_E_RESET);
	KUNIT_EXPECT_EQ(test, res.err, -ENODEV);

	/* power back with the module seated: probe it afresh */
	res = step(&sm, XPO_E_POWER_ON);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_PROBING);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_POWER_ON);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_TIMER);
	KUNIT_EXPECT_TRUE(test, sm.power_wanted);

	/* pulled while off, power back: empty */
	step(&sm, XPO_E_POWER_OFF);
	res = step(&sm, XPO_E_REMOVE);
	KUNIT_EXPECT_EQ(test, res.uevent, XPO_UEVENT_REMOVE);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_POWERED_OFF);
	res = step(&sm, XPO_E_POWER_ON);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_EMPTY);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_POWER_ON);

	/* power on when on: nothing */
	res = step(&sm, XPO_E_POWER_ON);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_EMPTY);
}

static void xpo_sm_test_reset(struct kunit *test)
{
	static const enum xpo_sm_state from[] = {
		XPO_S_PROBING, XPO_S_LOW_POWER, XPO_S_POWERING_UP,
		XPO_S_READY, XPO_S_FAULT,
	};
	struct xpo_sm_result res;
	struct xpo_sm sm;
	unsigned int i;

	sm_at(test, &sm, XPO_S_EMPTY);
	res = step(&sm, XPO_E_RESET);
	KUNIT_EXPECT_EQ(test, res.err, -ENODEV);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);

	for (i = 0; i < ARRAY_SIZE(from); i++) {
		sm_at(test, &sm, from[i]);
		res = step(&sm, XPO_E_RESET);
		KUNIT_EXPECT_EQ(test, res.err, 0);
		KUNIT_EXPECT_EQ(test, sm.state, XPO_S_PROBING);
		KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_NONE);
		KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_RESET);
		KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_INVALIDATE);
		KUNIT_EXPECT_EQ(test, res.timer_ms, XPO_T_PROBE_INIT_MS);
	}
}

/* A timer that fires after it was cancelled is ignored */
static void xpo_sm_test_stale_timeout(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;

	sm_at(test, &sm, XPO_S_READY);
	res = step(&sm, XPO_E_TIMEOUT);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);

	sm_at(test, &sm, XPO_S_EMPTY);
	res = step(&sm, XPO_E_TIMEOUT);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_EMPTY);

	/* the power-up deadline cancelled by ModuleReady */
	sm_at(test, &sm, XPO_S_READY);
	KUNIT_EXPECT_FALSE(test, sm.timer_armed);
	res = step(&sm, XPO_E_TIMEOUT);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_READY);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
}

static void xpo_sm_test_power_budget(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;

	sm_at(test, &sm, XPO_S_PROBING);
	step(&sm, XPO_E_TIMEOUT);
	res = step_id_ok(&sm, true);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_POWER_BUDGET);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_LPMODE_ON);
	KUNIT_EXPECT_FALSE(test, res.actions & XPO_A_HIGH_POWER);

	res = step_state(&sm, CMIS_MODULE_LOWPWR);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_FALSE(test, res.actions & XPO_A_HIGH_POWER);

	res = step_state(&sm, CMIS_MODULE_FAULT);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_FAULT);

	step(&sm, XPO_E_REMOVE);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_NONE);
}

/* Reload with a ready module: identity read at once, ready, never reset */
static void xpo_sm_test_adopt_ready(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;

	xpo_sm_init(&sm, true);
	res = step(&sm, XPO_E_ADOPT);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_PROBING);
	KUNIT_EXPECT_TRUE(test, sm.present);
	KUNIT_EXPECT_EQ(test, res.uevent, XPO_UEVENT_INSERT);
	/* no settle time, no reset, no power sequence, no LPMode */
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_INVALIDATE | XPO_A_READ_ID);
	KUNIT_EXPECT_FALSE(test, sm.timer_armed);
	KUNIT_EXPECT_TRUE(test, sm.adopting);

	res = step_id_ok(&sm, false);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_READ_STATE);
	KUNIT_EXPECT_FALSE(test, sm.adopting);
	KUNIT_EXPECT_TRUE(test, sm.adopted);

	res = step_state(&sm, CMIS_MODULE_READY);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_READY);
	KUNIT_EXPECT_FALSE(test, res.actions & (XPO_A_RESET | XPO_A_POWER_ON |
						XPO_A_POWER_OFF | XPO_A_LOW_POWER |
						XPO_A_LPMODE_ON));
	KUNIT_EXPECT_FALSE(test, sm.timer_armed);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_NONE);

	/* a later reset is a real one and forgets the adoption */
	res = step(&sm, XPO_E_RESET);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_RESET);
	KUNIT_EXPECT_FALSE(test, sm.adopted);
}

/* Unload left it in low power: adopted there, raised without a reset */
static void xpo_sm_test_adopt_low_power(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;

	xpo_sm_init(&sm, true);
	step(&sm, XPO_E_ADOPT);
	step_id_ok(&sm, false);
	res = step_state(&sm, CMIS_MODULE_LOWPWR);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_POWERING_UP);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_HIGH_POWER);
	KUNIT_EXPECT_FALSE(test, res.actions & XPO_A_RESET);
	res = step_state(&sm, CMIS_MODULE_READY);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_READY);

	/* the power policy wants low power: adopted and kept there */
	xpo_sm_init(&sm, true);
	step(&sm, XPO_E_WANT_LOW_POWER);
	step(&sm, XPO_E_ADOPT);
	step_id_ok(&sm, false);
	res = step_state(&sm, CMIS_MODULE_READY);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_LOW_POWER);
	KUNIT_EXPECT_FALSE(test, res.actions & XPO_A_RESET);
}

/* A module that does not answer is reset and probed as after insertion */
static void xpo_sm_test_adopt_no_answer(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;

	xpo_sm_init(&sm, true);
	step(&sm, XPO_E_ADOPT);
	res = step(&sm, XPO_E_IO_ERROR);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_PROBING);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_RESET);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_TIMER);
	KUNIT_EXPECT_EQ(test, res.timer_ms, XPO_T_PROBE_INIT_MS);
	KUNIT_EXPECT_FALSE(test, sm.adopting);
	KUNIT_EXPECT_EQ(test, sm.probe_tries, 0U);
	/* from here the usual probe: retries, no second reset */
	step(&sm, XPO_E_TIMEOUT);
	res = step(&sm, XPO_E_IO_ERROR);
	KUNIT_EXPECT_FALSE(test, res.actions & XPO_A_RESET);
	KUNIT_EXPECT_EQ(test, res.timer_ms, XPO_T_PROBE_RETRY_MS);
	step(&sm, XPO_E_TIMEOUT);
	step_id_ok(&sm, false);
	KUNIT_EXPECT_FALSE(test, sm.adopted);

	/* a bad identity is a fault, adopted or not */
	xpo_sm_init(&sm, true);
	step(&sm, XPO_E_ADOPT);
	step_id_bad(&sm, XPO_FAULT_BAD_REVISION);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_FAULT);
	KUNIT_EXPECT_FALSE(test, sm.adopting);

	/* over the cage's budget: held in low power as after insertion */
	xpo_sm_init(&sm, true);
	step(&sm, XPO_E_ADOPT);
	res = step_id_ok(&sm, true);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_POWER_BUDGET);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_LPMODE_ON);
}

/* ADOPT is only the first look of a probe */
static void xpo_sm_test_adopt_only_first(struct kunit *test)
{
	static const enum xpo_sm_state states[] = {
		XPO_S_PROBING, XPO_S_LOW_POWER, XPO_S_POWERING_UP, XPO_S_READY,
		XPO_S_FAULT, XPO_S_POWERED_OFF,
	};
	struct xpo_sm_result res;
	struct xpo_sm sm, before;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(states); i++) {
		sm_at(test, &sm, states[i]);
		before = sm;
		res = step(&sm, XPO_E_ADOPT);
		KUNIT_EXPECT_EQ_MSG(test, res.actions, 0U, "%s",
				    xpo_sm_state_name(states[i]));
		KUNIT_EXPECT_EQ(test, res.uevent, XPO_UEVENT_NONE);
		KUNIT_EXPECT_EQ(test, sm.state, before.state);
	}
	/* an empty cage that saw a removal: the module is gone, not adopted */
	sm_at(test, &sm, XPO_S_READY);
	step(&sm, XPO_E_REMOVE);
	res = step(&sm, XPO_E_ADOPT);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_PROBING);
	/* ...but one already inserted is not adopted a second time */
	res = step(&sm, XPO_E_ADOPT);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	/* removal while adopting forgets it */
	step(&sm, XPO_E_REMOVE);
	KUNIT_EXPECT_FALSE(test, sm.adopting);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_EMPTY);
}

/* Events that mean nothing in a state change nothing */
static void xpo_sm_test_ignored(struct kunit *test)
{
	static const struct {
		enum xpo_sm_state state;
		enum xpo_sm_event event;
	} cases[] = {
		{ XPO_S_EMPTY, XPO_E_INTERRUPT },
		{ XPO_S_EMPTY, XPO_E_POLL },
		{ XPO_S_EMPTY, XPO_E_MODULE_STATE },
		{ XPO_S_EMPTY, XPO_E_IO_ERROR },
		{ XPO_S_EMPTY, XPO_E_ID_OK },
		{ XPO_S_EMPTY, XPO_E_POWER_ON },
		{ XPO_S_EMPTY, XPO_E_REMOVE },
		{ XPO_S_PROBING, XPO_E_POLL },
		{ XPO_S_PROBING, XPO_E_MODULE_STATE },
		{ XPO_S_PROBING, XPO_E_INSERT },
		{ XPO_S_PROBING, XPO_E_POWER_ON },
		{ XPO_S_READY, XPO_E_ID_OK },
		{ XPO_S_READY, XPO_E_ID_BAD },
		{ XPO_S_READY, XPO_E_INSERT },
		{ XPO_S_FAULT, XPO_E_POLL },
		{ XPO_S_FAULT, XPO_E_TIMEOUT },
		{ XPO_S_FAULT, XPO_E_IO_ERROR },
		{ XPO_S_FAULT, XPO_E_MODULE_STATE },
		{ XPO_S_POWERED_OFF, XPO_E_INTERRUPT },
		{ XPO_S_POWERED_OFF, XPO_E_POLL },
		{ XPO_S_POWERED_OFF, XPO_E_TIMEOUT },
		{ XPO_S_POWERED_OFF, XPO_E_MODULE_STATE },
	};
	struct xpo_sm_result res;
	struct xpo_sm sm, before;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		sm_at(test, &sm, cases[i].state);
		before = sm;
		res = step(&sm, cases[i].event);
		KUNIT_EXPECT_EQ_MSG(test, res.actions, 0U, "%s + %s",
				    xpo_sm_state_name(cases[i].state),
				    xpo_sm_event_name(cases[i].event));
		KUNIT_EXPECT_EQ(test, res.uevent, XPO_UEVENT_NONE);
		KUNIT_EXPECT_EQ(test, sm.state, before.state);
		KUNIT_EXPECT_EQ(test, sm.fault, before.fault);
	}
}

/* Policy auto, all ports down: a running module goes back to low power */
static void xpo_sm_test_policy_low(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;

	sm_at(test, &sm, XPO_S_READY);
	res = step(&sm, XPO_E_WANT_LOW_POWER);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_LOW_POWER);
	KUNIT_EXPECT_FALSE(test, res.actions & XPO_A_HIGH_POWER);
	KUNIT_EXPECT_EQ(test, res.uevent, XPO_UEVENT_STATE);
	KUNIT_EXPECT_FALSE(test, sm.high_power_wanted);

	/* still powering down: ask again; once in LowPwr: nothing */
	res = step_state(&sm, CMIS_MODULE_PWRDN);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_LOW_POWER);
	res = step_state(&sm, CMIS_MODULE_LOWPWR);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_EQ(test, res.uevent, XPO_UEVENT_NONE);

	/* the same wish again changes nothing */
	res = step(&sm, XPO_E_WANT_LOW_POWER);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);

	/* from powering-up the power-up deadline goes too */
	sm_at(test, &sm, XPO_S_POWERING_UP);
	KUNIT_ASSERT_TRUE(test, sm.timer_armed);
	res = step(&sm, XPO_E_WANT_LOW_POWER);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_EQ(test, res.actions,
			XPO_A_CANCEL_TIMER | XPO_A_LOW_POWER);
	KUNIT_EXPECT_FALSE(test, sm.timer_armed);
}

/* A port comes up: the module state decides, then power-up as on arrival */
static void xpo_sm_test_policy_high(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;

	sm_at(test, &sm, XPO_S_READY);
	step(&sm, XPO_E_WANT_LOW_POWER);
	step_state(&sm, CMIS_MODULE_LOWPWR);

	res = step(&sm, XPO_E_WANT_HIGH_POWER);
	KUNIT_EXPECT_TRUE(test, sm.high_power_wanted);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_READ_STATE);
	res = step_state(&sm, CMIS_MODULE_LOWPWR);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_POWERING_UP);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_HIGH_POWER);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_TIMER);
	KUNIT_EXPECT_EQ(test, res.timer_ms, PWRUP_MS);
	step_state(&sm, CMIS_MODULE_READY);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_READY);

	/* already high: nothing */
	res = step(&sm, XPO_E_WANT_HIGH_POWER);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_READY);
}

/* The wish belongs to the cage: a new module is held in low power */
static void xpo_sm_test_policy_kept(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;

	sm_at(test, &sm, XPO_S_READY);
	step(&sm, XPO_E_WANT_LOW_POWER);
	step(&sm, XPO_E_REMOVE);
	KUNIT_EXPECT_FALSE(test, sm.high_power_wanted);
	step(&sm, XPO_E_INSERT);
	step(&sm, XPO_E_TIMEOUT);
	res = step_id_ok(&sm, false);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_READ_STATE);
	res = step_state(&sm, CMIS_MODULE_LOWPWR);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);

	/* a module that powers up by itself (no LPMode line) is told off */
	res = step_state(&sm, CMIS_MODULE_READY);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_LOW_POWER);

	/* and after a reset, too */
	step(&sm, XPO_E_RESET);
	step(&sm, XPO_E_TIMEOUT);
	step_id_ok(&sm, false);
	res = step_state(&sm, CMIS_MODULE_LOWPWR);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_FALSE(test, res.actions & XPO_A_HIGH_POWER);
}

/* Without a running module the wish is only recorded */
static void xpo_sm_test_policy_recorded(struct kunit *test)
{
	static const enum xpo_sm_state states[] = {
		XPO_S_EMPTY, XPO_S_PROBING, XPO_S_FAULT, XPO_S_POWERED_OFF,
	};
	struct xpo_sm_result res;
	struct xpo_sm sm;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(states); i++) {
		sm_at(test, &sm, states[i]);
		res = step(&sm, XPO_E_WANT_LOW_POWER);
		KUNIT_EXPECT_EQ(test, res.actions, 0U);
		KUNIT_EXPECT_EQ(test, sm.state, states[i]);
		KUNIT_EXPECT_FALSE(test, sm.high_power_wanted);
		res = step(&sm, XPO_E_WANT_HIGH_POWER);
		KUNIT_EXPECT_EQ(test, res.actions, 0U);
		KUNIT_EXPECT_EQ(test, sm.state, states[i]);
		KUNIT_EXPECT_TRUE(test, sm.high_power_wanted);
	}
}

/* Over the cage's power budget the module stays low whatever the policy */
static void xpo_sm_test_policy_budget(struct kunit *test)
{
	struct xpo_sm_result res;
	struct xpo_sm sm;

	xpo_sm_init(&sm, true);
	step(&sm, XPO_E_INSERT);
	step(&sm, XPO_E_TIMEOUT);
	step_id_ok(&sm, true);
	KUNIT_ASSERT_EQ(test, sm.fault, XPO_FAULT_POWER_BUDGET);
	step(&sm, XPO_E_WANT_LOW_POWER);
	res = step(&sm, XPO_E_WANT_HIGH_POWER);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_A_READ_STATE);
	res = step_state(&sm, CMIS_MODULE_LOWPWR);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_LOW_POWER);
	KUNIT_EXPECT_FALSE(test, res.actions & XPO_A_HIGH_POWER);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_POWER_BUDGET);
}

/*
 * xpo_sm_reads_flags() says what the machine does: an interrupt reads the
 * module state (and so its flags) in exactly those states.
 */
static void xpo_sm_test_reads_flags(struct kunit *test)
{
	const enum xpo_sm_state *state = test->param_value;
	struct xpo_sm_result res;
	struct xpo_sm sm;

	sm_at(test, &sm, *state);
	res = step(&sm, XPO_E_INTERRUPT);
	KUNIT_EXPECT_EQ_MSG(test, !!(res.actions & XPO_A_READ_STATE),
			    xpo_sm_reads_flags(*state), "in %s",
			    xpo_sm_state_name(*state));
}

/*
 * A masked IntL: deasserted, it is enabled again in every state; asserted,
 * only if it was masked unread and the machine now reads the flags (the
 * boot flags of a module, masked while probing, must not hold ModuleReady
 * until the re-check); one that stayed asserted after a read waits.
 */
static void xpo_sm_test_int_unmask(struct kunit *test)
{
	const enum xpo_sm_state *state = test->param_value;
	bool reads = xpo_sm_reads_flags(*state);

	KUNIT_EXPECT_TRUE(test, xpo_sm_int_may_unmask(*state, false, false));
	KUNIT_EXPECT_TRUE(test, xpo_sm_int_may_unmask(*state, false, true));
	KUNIT_EXPECT_FALSE(test, xpo_sm_int_may_unmask(*state, true, false));
	KUNIT_EXPECT_EQ(test, xpo_sm_int_may_unmask(*state, true, true), reads);
}

static struct kunit_case xpo_sm_test_cases[] = {
	KUNIT_CASE(xpo_sm_test_names),
	KUNIT_CASE(xpo_sm_test_init),
	KUNIT_CASE(xpo_sm_test_insert_to_ready),
	KUNIT_CASE(xpo_sm_test_low_power_shortcuts),
	KUNIT_CASE_PARAM(xpo_sm_test_remove, xpo_sm_states_gen_params),
	KUNIT_CASE_PARAM(xpo_sm_test_invariants, xpo_sm_states_gen_params),
	KUNIT_CASE_PARAM(xpo_sm_test_reads_flags, xpo_sm_states_gen_params),
	KUNIT_CASE_PARAM(xpo_sm_test_int_unmask, xpo_sm_states_gen_params),
	KUNIT_CASE(xpo_sm_test_probe_nack_storm),
	KUNIT_CASE(xpo_sm_test_probe_recovers),
	KUNIT_CASE(xpo_sm_test_probe_intl),
	KUNIT_CASE(xpo_sm_test_bad_identity),
	KUNIT_CASE(xpo_sm_test_module_fault),
	KUNIT_CASE(xpo_sm_test_pwrup_timeout),
	KUNIT_CASE(xpo_sm_test_pwrup_timeout_ms),
	KUNIT_CASE(xpo_sm_test_ready_leaves_ready),
	KUNIT_CASE(xpo_sm_test_io_errors),
	KUNIT_CASE(xpo_sm_test_power_off_on),
	KUNIT_CASE(xpo_sm_test_reset),
	KUNIT_CASE(xpo_sm_test_stale_timeout),
	KUNIT_CASE(xpo_sm_test_power_budget),
	KUNIT_CASE(xpo_sm_test_adopt_ready),
	KUNIT_CASE(xpo_sm_test_adopt_low_power),
	KUNIT_CASE(xpo_sm_test_adopt_no_answer),
	KUNIT_CASE(xpo_sm_test_adopt_only_first),
	KUNIT_CASE(xpo_sm_test_ignored),
	KUNIT_CASE(xpo_sm_test_policy_low),
	KUNIT_CASE(xpo_sm_test_policy_high),
	KUNIT_CASE(xpo_sm_test_policy_kept),
	KUNIT_CASE(xpo_sm_test_policy_recorded),
	KUNIT_CASE(xpo_sm_test_policy_budget),
	{}
};

static struct kunit_suite xpo_sm_test_suite = {
	.name = "xpo_sm",
	.test_cases = xpo_sm_test_cases,
};

kunit_test_suite(xpo_sm_test_suite);

MODULE_DESCRIPTION("KUnit tests for the xpo cage core");
MODULE_LICENSE("GPL");
