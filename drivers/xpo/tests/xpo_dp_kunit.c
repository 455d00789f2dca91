// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the data path state machine (xpo_dp.c), driven with plain
 * structures.  Every state is reached through real events, and the module
 * is a small model of 64 lanes whose registers the tests set.
 */
#include <kunit/test.h>
#include <linux/errno.h>

#include "../cmis.h"
#include "../xpo_cmis_decode.h"
#include "../xpo_dp.h"

/*
 * The module of most tests: DPInit < 500 ms (code 5), DPDeinit < 100 ms
 * (4), ModulePwrUp < 1 s (6), ModulePwrDn < 50 ms (3), DPTxTurnOn < 10 ms
 * (2), DPTxTurnOff < 5 ms (1); four applications; CMIS 5.
 */
#define MOD_DP_DURATION		0x45	/* 01h:144 */
#define MOD_MODULE_DURATION	0x36	/* 01h:167 */
#define MOD_TX_DURATION		0x12	/* 01h:168 */
/* Its budgets, by hand: advertised + XPO_DP_T_MARGIN_MS */
#define B_WAIT_MODULE	(1000 + 1000)
#define B_STAGING	(5 + 100 + 1000)
#define B_APPLYING	(500 + 1000)
#define B_INITIALIZING	(500 + 1000)
#define B_ACTIVATING	(10 + 1000)
#define B_DEINIT	(5 + 100 + 1000)
#define B_PWRDN		(50 + 1000)

/* The data path of most tests: bank 1, lanes 10-13 (DataPathID 2) */
#define DP_FIRST	10
#define DP_COUNT	4
#define DP_LANES	(0xfULL << DP_FIRST)
#define DP_APPSEL	3

struct fake {
	struct xpo_dp_module mod;
	struct xpo_dp_input in;		/* the module's registers */
};

static void fake_init(struct fake *f)
{
	unsigned int lane;

	memset(f, 0, sizeof(*f));
	xpo_dp_module_decode(&f->mod, MOD_DP_DURATION, MOD_MODULE_DURATION,
			     MOD_TX_DURATION);
	f->mod.num_apps = 4;
	f->mod.has_dpinit_pending = true;
	f->in.lanes = ~0ULL;
	for (lane = 0; lane < XPO_DP_LANES; lane++) {
		/* every lane DPDeactivated, ConfigStatus Undefined */
		f->in.dp_state[lane / 8][lane % 8 / 2] |=
			CMIS_DP_DEACTIVATED << (4 * (lane & 1));
	}
}

static void set_nibbles(u8 (*bytes)[XPO_DP_NIBBLE_BYTES], u64 lanes, u8 code)
{
	unsigned int lane, shift;
	u8 *b;

	for (lane = 0; lane < XPO_DP_LANES; lane++) {
		if (!(lanes & BIT_ULL(lane)))
			continue;
		b = &bytes[lane / 8][lane % 8 / 2];
		shift = 4 * (lane & 1);
		*b = (*b & ~(0x0f << shift)) | code << shift;
	}
}

static void set_state(struct fake *f, u64 lanes, u8 code)
{
	set_nibbles(f->in.dp_state, lanes, code);
}

static void set_config(struct fake *f, u64 lanes, u8 code)
{
	set_nibbles(f->in.config_status, lanes, code);
}

static struct xpo_dp_result ev(struct xpo_dp *dp, enum xpo_dp_event e)
{
	struct xpo_dp_result res;

	xpo_dp_step(dp, e, NULL, &res);
	return res;
}

/* A report of the fake's registers */
static struct xpo_dp_result report(struct xpo_dp *dp, struct fake *f,
				   enum xpo_dp_event e)
{
	struct xpo_dp_result res;

	xpo_dp_step(dp, e, &f->in, &res);
	return res;
}

static struct xpo_dp_result module_state(struct xpo_dp *dp, u8 ms)
{
	struct xpo_dp_input in = { .module_state = ms };
	struct xpo_dp_result res;

	xpo_dp_step(dp, XPO_DP_E_MODULE_STATE, &in, &res);
	return res;
}

static struct xpo_dp_result up_req(struct xpo_dp *dp, u8 appsel, u8 first,
				   u8 count, bool explicit_ctl)
{
	struct xpo_dp_input in = {
		.appsel = appsel,
		.first_lane = first,
		.lane_count = count,
		.explicit_ctl = explicit_ctl,
	};
	struct xpo_dp_result res;

	xpo_dp_step(dp, XPO_DP_E_UP, &in, &res);
	return res;
}

static struct xpo_dp_result up(struct xpo_dp *dp)
{
	return up_req(dp, DP_APPSEL, DP_FIRST, DP_COUNT, false);
}

/*
 * Bring a fresh machine, with a ready module (@mod, or the default one), to
 * @state the way a data path gets there; the fake's registers follow.
 */
static void dp_at_mod(struct kunit *test, struct xpo_dp *dp, struct fake *f,
		      enum xpo_dp_mstate state, const struct xpo_dp_module *mod)
{
	fake_init(f);
	if (mod)
		f->mod = *mod;
	xpo_dp_init(dp, &f->mod);
	module_state(dp, CMIS_MODULE_READY);
	if (state == XPO_DP_S_DEACTIVATED)
		goto check;
	KUNIT_ASSERT_EQ(test, up(dp).err, 0);
	if (state == XPO_DP_S_STAGING)
		goto check;
	report(dp, f, XPO_DP_E_DP_STATE);
	if (state == XPO_DP_S_APPLYING)
		goto check;
	set_config(f, DP_LANES, CMIS_CONFIG_SUCCESS);
	f->in.dpinit_pending = DP_LANES;
	report(dp, f, XPO_DP_E_CONFIG_STATUS);
	report(dp, f, XPO_DP_E_INIT_PENDING);
	if (state == XPO_DP_S_INITIALIZING)
		goto check;
	set_state(f, DP_LANES, CMIS_DP_INITIALIZED);
	report(dp, f, XPO_DP_E_DP_STATE);
	if (state == XPO_DP_S_ACTIVATING)
		goto check;
	set_state(f, DP_LANES, CMIS_DP_ACTIVATED);
	report(dp, f, XPO_DP_E_DP_STATE);
	if (state == XPO_DP_S_ACTIVATED)
		goto check;
	ev(dp, XPO_DP_E_DOWN);
	set_state(f, DP_LANES, CMIS_DP_DEINIT);
check:
	KUNIT_ASSERT_EQ(test, dp->state, state);
}

static void dp_at(struct kunit *test, struct xpo_dp *dp, struct fake *f,
		  enum xpo_dp_mstate state)
{
	dp_at_mod(test, dp, f, state, NULL);
}

static void xpo_dp_test_names(struct kunit *test)
{
	static const char * const states[XPO_DP_S_MAX] = {
		"deactivated", "staging", "applying", "initializing",
		"activating", "activated", "deinitializing", "failed",
	};
	unsigned int i;

	for (i = 0; i < XPO_DP_S_MAX; i++)
		KUNIT_EXPECT_STREQ(test, xpo_dp_state_name(i), states[i]);
	KUNIT_EXPECT_STREQ(test, xpo_dp_state_name(XPO_DP_S_MAX), "unknown");
	for (i = 0; i < XPO_DP_E_MAX; i++)
		KUNIT_EXPECT_STRNEQ(test, xpo_dp_event_name(i), "unknown");
	KUNIT_EXPECT_STREQ(test, xpo_dp_event_name(XPO_DP_E_UP), "up");
	KUNIT_EXPECT_STREQ(test, xpo_dp_event_name(XPO_DP_E_MAX), "unknown");
	for (i = 0; i < XPO_DP_FAIL_MAX; i++)
		KUNIT_EXPECT_STRNEQ(test, xpo_dp_fail_name(i), "unknown");
	KUNIT_EXPECT_STREQ(test, xpo_dp_fail_name(XPO_DP_FAIL_REJECTED),
			   "rejected");
	KUNIT_EXPECT_STREQ(test, xpo_dp_fail_name(XPO_DP_FAIL_MAX), "unknown");
}

/* Every duration code decodes to its upper bound; reserved ones default */
static void xpo_dp_test_durations(struct kunit *test)
{
	static const unsigned int ms[16] = {
		1, 5, 10, 50, 100, 500, 1000, 5000, 10000, 60000,
		300000, 600000, 3000000, 3000000,
		XPO_DP_T_UNADVERTISED_MS, XPO_DP_T_UNADVERTISED_MS,
	};
	struct xpo_dp_module mod;
	unsigned int code;

	for (code = 0; code < 16; code++) {
		KUNIT_EXPECT_EQ_MSG(test, xpo_dp_advertised_ms(code), ms[code],
				    "code %u", code);
		/* each nibble of each byte on its own */
		xpo_dp_module_decode(&mod, code, 0, 0);
		KUNIT_EXPECT_EQ(test, mod.dpinit_ms, ms[code]);
		KUNIT_EXPECT_EQ(test, mod.dpdeinit_ms, 1U);
		xpo_dp_module_decode(&mod, code << 4, code << 4, code);
		KUNIT_EXPECT_EQ(test, mod.dpinit_ms, 1U);
		KUNIT_EXPECT_EQ(test, mod.dpdeinit_ms, ms[code]);
		KUNIT_EXPECT_EQ(test, mod.pwrup_ms, 1U);
		KUNIT_EXPECT_EQ(test, mod.pwrdn_ms, ms[code]);
		KUNIT_EXPECT_EQ(test, mod.txon_ms, ms[code]);
		KUNIT_EXPECT_EQ(test, mod.txoff_ms, 1U);
		xpo_dp_module_decode(&mod, 0, code, code << 4);
		KUNIT_EXPECT_EQ(test, mod.pwrup_ms, ms[code]);
		KUNIT_EXPECT_EQ(test, mod.txon_ms, 1U);
		KUNIT_EXPECT_EQ(test, mod.txoff_ms, ms[code]);
	}
}

/* The budget of every waiting step, from the advertisement */
static void xpo_dp_test_budgets(struct kunit *test)
{
	struct fake f;

	fake_init(&f);
	KUNIT_EXPECT_EQ(test, xpo_dp_budget_ms(&f.mod, XPO_DP_S_STAGING, true),
			B_WAIT_MODULE);
	KUNIT_EXPECT_EQ(test, xpo_dp_budget_ms(&f.mod, XPO_DP_S_STAGING,
					       false), B_STAGING);
	KUNIT_EXPECT_EQ(test, xpo_dp_budget_ms(&f.mod, XPO_DP_S_APPLYING,
					       false), B_APPLYING);
	KUNIT_EXPECT_EQ(test, xpo_dp_budget_ms(&f.mod, XPO_DP_S_INITIALIZING,
					       false), B_INITIALIZING);
	KUNIT_EXPECT_EQ(test, xpo_dp_budget_ms(&f.mod, XPO_DP_S_ACTIVATING,
					       false), B_ACTIVATING);
	KUNIT_EXPECT_EQ(test, xpo_dp_budget_ms(&f.mod, XPO_DP_S_DEINITIALIZING,
					       false), B_DEINIT);
	KUNIT_EXPECT_EQ(test, xpo_dp_budget_ms(&f.mod, XPO_DP_S_DEINITIALIZING,
					       true), B_PWRDN);
	KUNIT_EXPECT_EQ(test, xpo_dp_budget_ms(&f.mod, XPO_DP_S_ACTIVATED,
					       false), 0U);
	KUNIT_EXPECT_EQ(test, xpo_dp_budget_ms(&f.mod, XPO_DP_S_FAILED, false),
			0U);
}

/* From a cached identity; DPInitPending only from CMIS 5 */
static void xpo_dp_test_module_from_id(struct kunit *test)
{
	struct xpo_identity *id;
	struct xpo_dp_module mod;

	id = kunit_kzalloc(test, sizeof(*id), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, id);
	id->has_page01 = true;
	id->rev_major = 5;
	id->dpinit_code = 7;
	id->dpdeinit_code = 3;
	id->pwrup_code = 9;
	id->pwrdn_code = 14;
	id->txon_code = 0;
	id->txoff_code = 2;
	id->num_apps = 6;
	xpo_dp_module_from_id(&mod, id);
	KUNIT_EXPECT_EQ(test, mod.dpinit_ms, 5000U);
	KUNIT_EXPECT_EQ(test, mod.dpdeinit_ms, 50U);
	KUNIT_EXPECT_EQ(test, mod.pwrup_ms, 60000U);
	KUNIT_EXPECT_EQ(test, mod.pwrdn_ms, XPO_DP_T_UNADVERTISED_MS);
	KUNIT_EXPECT_EQ(test, mod.txon_ms, 1U);
	KUNIT_EXPECT_EQ(test, mod.txoff_ms, 10U);
	KUNIT_EXPECT_EQ(test, mod.num_apps, 6U);
	KUNIT_EXPECT_TRUE(test, mod.has_dpinit_pending);
	id->rev_major = 4;
	xpo_dp_module_from_id(&mod, id);
	KUNIT_EXPECT_FALSE(test, mod.has_dpinit_pending);
}

/* The whole way up, action by action */
static void xpo_dp_test_up_path(struct kunit *test)
{
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;

	dp_at(test, &dp, &f, XPO_DP_S_DEACTIVATED);
	KUNIT_EXPECT_FALSE(test, dp.carrier);

	res = up_req(&dp, DP_APPSEL, DP_FIRST, DP_COUNT, true);
	KUNIT_EXPECT_EQ(test, res.err, 0);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_STAGING);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_TX_DISABLE |
			XPO_DP_A_DEINIT_SET | XPO_DP_A_TIMER |
			XPO_DP_A_READ_STATE);
	KUNIT_EXPECT_EQ(test, res.timer_ms, XPO_DP_T_POLL_MS);
	KUNIT_EXPECT_EQ(test, res.lanes, DP_LANES);
	KUNIT_EXPECT_EQ(test, res.bank, 1);
	KUNIT_EXPECT_EQ(test, res.bank_bits, 0x3c);
	KUNIT_EXPECT_EQ(test, dp.budget_ms, B_STAGING);
	KUNIT_EXPECT_FALSE(test, res.carrier);

	/* lanes DPDeactivated: stage and apply */
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_APPLYING);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_WRITE_STAGED |
			XPO_DP_A_WRITE_SI | XPO_DP_A_APPLY_DPINIT |
			XPO_DP_A_TIMER);
	/* AppSel 3, DataPathID 2 (lane 10 is lane 2 of bank 1), explicit */
	KUNIT_EXPECT_EQ(test, res.dpconfig, 0x35);
	KUNIT_EXPECT_EQ(test, res.timer_ms, XPO_DP_T_POLL_MS);
	KUNIT_EXPECT_EQ(test, dp.budget_ms, B_APPLYING);

	/* ConfigStatus polled */
	res = ev(&dp, XPO_DP_E_TIMEOUT);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_TIMER |
			XPO_DP_A_READ_CONFIG);
	set_config(&f, DP_LANES, CMIS_CONFIG_IN_PROGRESS);
	res = report(&dp, &f, XPO_DP_E_CONFIG_STATUS);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_APPLYING);
	/* one lane done is not the data path done */
	set_config(&f, BIT_ULL(DP_FIRST), CMIS_CONFIG_SUCCESS);
	res = report(&dp, &f, XPO_DP_E_CONFIG_STATUS);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	set_config(&f, DP_LANES, CMIS_CONFIG_SUCCESS);
	res = report(&dp, &f, XPO_DP_E_CONFIG_STATUS);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_READ_PENDING);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_APPLYING);
	/* the next poll asks for DPInitPending again, not ConfigStatus */
	res = ev(&dp, XPO_DP_E_TIMEOUT);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_TIMER |
			XPO_DP_A_READ_PENDING);

	f.in.dpinit_pending = DP_LANES;
	res = report(&dp, &f, XPO_DP_E_INIT_PENDING);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_INITIALIZING);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_DEINIT_CLEAR |
			XPO_DP_A_TIMER);
	KUNIT_EXPECT_EQ(test, dp.budget_ms, B_INITIALIZING);

	set_state(&f, DP_LANES, CMIS_DP_INIT);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	f.in.changed = BIT_ULL(DP_FIRST + 1);
	res = report(&dp, &f, XPO_DP_E_STATE_CHANGED);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_READ_STATE);

	set_state(&f, DP_LANES, CMIS_DP_INITIALIZED);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_ACTIVATING);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_TX_ENABLE |
			XPO_DP_A_TIMER);
	KUNIT_EXPECT_EQ(test, res.timer_ms, XPO_DP_T_POLL_MS);
	KUNIT_EXPECT_EQ(test, dp.budget_ms, B_ACTIVATING);
	KUNIT_EXPECT_FALSE(test, res.carrier);

	set_state(&f, DP_LANES, CMIS_DP_TXTURNON);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_FALSE(test, res.carrier);

	set_state(&f, DP_LANES, CMIS_DP_ACTIVATED);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_ACTIVATED);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_CANCEL_TIMER);
	KUNIT_EXPECT_TRUE(test, res.carrier);
	KUNIT_EXPECT_TRUE(test, dp.carrier);
	KUNIT_EXPECT_FALSE(test, dp.timer_armed);
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_NONE);

	/* up again with the same application: nothing to do */
	res = up_req(&dp, DP_APPSEL, DP_FIRST, DP_COUNT, true);
	KUNIT_EXPECT_EQ(test, res.err, 0);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_TRUE(test, res.carrier);
}

/* DataPathID, AppSel and ExplicitControl in the staged DPConfig byte */
static void xpo_dp_test_dpconfig(struct kunit *test)
{
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;

	dp_at(test, &dp, &f, XPO_DP_S_DEACTIVATED);
	res = up_req(&dp, 4, 63, 1, false);
	KUNIT_ASSERT_EQ(test, res.err, 0);
	KUNIT_EXPECT_EQ(test, res.bank, 7);
	KUNIT_EXPECT_EQ(test, res.bank_bits, 0x80);
	KUNIT_EXPECT_EQ(test, res.lanes, BIT_ULL(63));
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, res.dpconfig, 0x4e);
	/* no ExplicitControl: no SI written */
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_WRITE_STAGED |
			XPO_DP_A_APPLY_DPINIT | XPO_DP_A_TIMER);

	dp_at(test, &dp, &f, XPO_DP_S_DEACTIVATED);
	res = up_req(&dp, 1, 0, 8, true);
	KUNIT_ASSERT_EQ(test, res.err, 0);
	KUNIT_EXPECT_EQ(test, res.bank, 0);
	KUNIT_EXPECT_EQ(test, res.bank_bits, 0xff);
	KUNIT_EXPECT_EQ(test, res.dpconfig, 0x11);
}

/* The way down, from activated */
static void xpo_dp_test_down_path(struct kunit *test)
{
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;

	dp_at(test, &dp, &f, XPO_DP_S_ACTIVATED);
	res = ev(&dp, XPO_DP_E_DOWN);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEINITIALIZING);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_TX_DISABLE |
			XPO_DP_A_DEINIT_SET | XPO_DP_A_TIMER);
	KUNIT_EXPECT_EQ(test, res.bank_bits, 0x3c);
	KUNIT_EXPECT_EQ(test, dp.budget_ms, B_DEINIT);
	KUNIT_EXPECT_FALSE(test, res.carrier);
	KUNIT_EXPECT_FALSE(test, dp.want_up);

	res = ev(&dp, XPO_DP_E_TIMEOUT);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_TIMER |
			XPO_DP_A_READ_STATE);
	set_state(&f, DP_LANES, CMIS_DP_TXTURNOFF);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	set_state(&f, DP_LANES, CMIS_DP_DEINIT);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	/* one lane there is not the data path */
	set_state(&f, BIT_ULL(DP_FIRST), CMIS_DP_DEACTIVATED);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEINITIALIZING);
	set_state(&f, DP_LANES, CMIS_DP_DEACTIVATED);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEACTIVATED);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_CANCEL_TIMER);
	KUNIT_EXPECT_FALSE(test, dp.dirty);

	/* down again, and down of a machine never up: nothing */
	res = ev(&dp, XPO_DP_E_DOWN);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEACTIVATED);
	xpo_dp_init(&dp, &f.mod);
	res = ev(&dp, XPO_DP_E_DOWN);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);

	/* and up once more: the way is the same */
	dp_at(test, &dp, &f, XPO_DP_S_ACTIVATED);
	ev(&dp, XPO_DP_E_DOWN);
	set_state(&f, DP_LANES, CMIS_DP_DEACTIVATED);
	report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_ASSERT_EQ(test, dp.state, XPO_DP_S_DEACTIVATED);
	res = up(&dp);
	KUNIT_EXPECT_EQ(test, res.err, 0);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_STAGING);
}

/* Down before the lanes were touched: no I/O; after: the way down */
static void xpo_dp_test_down_midway(struct kunit *test)
{
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;

	dp_at(test, &dp, &f, XPO_DP_S_APPLYING);
	res = ev(&dp, XPO_DP_E_DOWN);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEACTIVATED);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_CANCEL_TIMER);

	dp_at(test, &dp, &f, XPO_DP_S_INITIALIZING);
	res = ev(&dp, XPO_DP_E_DOWN);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEINITIALIZING);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_TX_DISABLE |
			XPO_DP_A_DEINIT_SET | XPO_DP_A_TIMER);
}

static const u8 xpo_dp_reject_codes[] = {
	CMIS_CONFIG_REJECTED, CMIS_CONFIG_INVALID_APPSEL,
	CMIS_CONFIG_INVALID_DP, CMIS_CONFIG_INVALID_SI,
	CMIS_CONFIG_LANES_IN_USE, CMIS_CONFIG_PARTIAL_DP,
	8, 9, 0xa, 0xb,		/* other validation failures */
	0xd, 0xe, 0xf,		/* custom */
};

static void xpo_dp_reject_desc(const u8 *code, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "config status %#x", *code);
}

KUNIT_ARRAY_PARAM(xpo_dp_reject, xpo_dp_reject_codes, xpo_dp_reject_desc);

/* Each rejection code: FAILED with that code, on one lane or all */
static void xpo_dp_test_rejected(struct kunit *test)
{
	const u8 *code = test->param_value;
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;

	dp_at(test, &dp, &f, XPO_DP_S_APPLYING);
	set_config(&f, DP_LANES, *code);
	res = report(&dp, &f, XPO_DP_E_CONFIG_STATUS);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_FAILED);
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_REJECTED);
	KUNIT_EXPECT_EQ(test, dp.fail_code, *code);
	KUNIT_EXPECT_EQ(test, dp.fail_step, XPO_DP_S_APPLYING);
	/* the lanes stayed DPDeactivated with DataPathDeinit set */
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_CANCEL_TIMER);
	KUNIT_EXPECT_FALSE(test, res.carrier);
	KUNIT_EXPECT_FALSE(test, dp.timer_armed);

	/* the last lane alone, the others fine */
	dp_at(test, &dp, &f, XPO_DP_S_APPLYING);
	set_config(&f, DP_LANES, CMIS_CONFIG_SUCCESS);
	set_config(&f, BIT_ULL(DP_FIRST + DP_COUNT - 1), *code);
	report(&dp, &f, XPO_DP_E_CONFIG_STATUS);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_FAILED);
	KUNIT_EXPECT_EQ(test, dp.fail_code, *code);

	/* a failure is left by down (nothing to undo) or a new up */
	res = ev(&dp, XPO_DP_E_DOWN);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEACTIVATED);
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_NONE);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_CANCEL_TIMER);
}

/* Requests for what the module does not advertise, or impossible lanes */
static void xpo_dp_test_invalid_request(struct kunit *test)
{
	static const struct {
		u8 appsel, first, count;
	} bad[] = {
		{ 0, DP_FIRST, DP_COUNT },	/* AppSel 0: lane unused */
		{ 5, DP_FIRST, DP_COUNT },	/* beyond the four advertised */
		{ 16, DP_FIRST, DP_COUNT },	/* not a 4-bit code */
		{ 1, DP_FIRST, 0 },
		{ 1, 0, 9 },
		{ 1, 6, 4 },			/* across banks 0 and 1 */
		{ 1, 64, 1 },
		{ 1, 63, 2 },
	};
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;
	unsigned int i;

	dp_at(test, &dp, &f, XPO_DP_S_DEACTIVATED);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		res = up_req(&dp, bad[i].appsel, bad[i].first, bad[i].count,
			     false);
		KUNIT_EXPECT_EQ_MSG(test, res.err, -EINVAL, "request %u", i);
		KUNIT_EXPECT_EQ_MSG(test, res.actions, 0U, "request %u", i);
		KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEACTIVATED);
		KUNIT_EXPECT_EQ(test, dp.lanes, 0ULL);
	}
	/* a module that advertises no application has none to select */
	f.mod.num_apps = 0;
	xpo_dp_init(&dp, &f.mod);
	module_state(&dp, CMIS_MODULE_READY);
	KUNIT_EXPECT_EQ(test, up(&dp).err, -EINVAL);
	/* the module rejecting an AppSel itself: see xpo_dp_test_rejected */
}

/* A change under way, or up with another application: busy */
static void xpo_dp_test_busy(struct kunit *test)
{
	static const enum xpo_dp_mstate busy[] = {
		XPO_DP_S_STAGING, XPO_DP_S_APPLYING, XPO_DP_S_INITIALIZING,
		XPO_DP_S_ACTIVATING, XPO_DP_S_DEINITIALIZING,
	};
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(busy); i++) {
		dp_at(test, &dp, &f, busy[i]);
		res = up(&dp);
		KUNIT_EXPECT_EQ_MSG(test, res.err, -EBUSY, "in %s",
				    xpo_dp_state_name(busy[i]));
		KUNIT_EXPECT_EQ(test, res.actions, 0U);
		KUNIT_EXPECT_EQ(test, dp.state, busy[i]);
	}
	dp_at(test, &dp, &f, XPO_DP_S_ACTIVATED);
	KUNIT_EXPECT_EQ(test, up_req(&dp, 1, DP_FIRST, DP_COUNT, false).err,
			-EBUSY);
	KUNIT_EXPECT_EQ(test, up_req(&dp, DP_APPSEL, 8, 2, false).err, -EBUSY);
	KUNIT_EXPECT_EQ(test, up_req(&dp, DP_APPSEL, DP_FIRST, DP_COUNT,
				     true).err, -EBUSY);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_ACTIVATED);
}

/*
 * Run the clock in @dp's waiting state with the fake showing no progress,
 * answering every read, until the machine fails; return the ms spent.
 */
static unsigned int run_out(struct kunit *test, struct xpo_dp *dp,
			    struct fake *f)
{
	enum xpo_dp_mstate state = dp->state;
	struct xpo_dp_result res;
	unsigned int spent = 0, ticks = 0, armed;

	armed = dp->armed_ms;
	while (dp->state == state && ticks++ < 100000) {
		spent += armed;
		res = ev(dp, XPO_DP_E_TIMEOUT);
		if (res.actions & XPO_DP_A_TIMER) {
			KUNIT_EXPECT_LE(test, res.timer_ms, XPO_DP_T_POLL_MS);
			armed = res.timer_ms;
		}
		if (res.actions & XPO_DP_A_READ_STATE)
			res = report(dp, f, XPO_DP_E_DP_STATE);
		else if (res.actions & XPO_DP_A_READ_CONFIG)
			res = report(dp, f, XPO_DP_E_CONFIG_STATUS);
		else if (res.actions & XPO_DP_A_READ_PENDING)
			res = report(dp, f, XPO_DP_E_INIT_PENDING);
		/* it may fail only once the whole budget is spent */
		if (dp->state != state)
			KUNIT_EXPECT_EQ(test, spent, dp->budget_ms);
		else
			KUNIT_EXPECT_LT(test, spent, dp->budget_ms);
	}
	return spent;
}

struct xpo_dp_timeout_case {
	const char *name;
	enum xpo_dp_mstate state;
	bool wait_module;
	unsigned int budget;	/* with the fake's module */
	u8 lane_state;		/* what the lanes read meanwhile */
};

static const struct xpo_dp_timeout_case xpo_dp_timeout_cases[] = {
	{ "staging, module not ready", XPO_DP_S_STAGING, true,
	  B_WAIT_MODULE, CMIS_DP_DEACTIVATED },
	{ "staging", XPO_DP_S_STAGING, false, B_STAGING, CMIS_DP_DEINIT },
	{ "applying", XPO_DP_S_APPLYING, false, B_APPLYING,
	  CMIS_DP_DEACTIVATED },
	{ "initializing", XPO_DP_S_INITIALIZING, false, B_INITIALIZING,
	  CMIS_DP_INIT },
	{ "activating", XPO_DP_S_ACTIVATING, false, B_ACTIVATING,
	  CMIS_DP_TXTURNON },
	{ "deinitializing", XPO_DP_S_DEINITIALIZING, false, B_DEINIT,
	  CMIS_DP_DEINIT },
};

static void xpo_dp_timeout_desc(const struct xpo_dp_timeout_case *c,
				char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(xpo_dp_timeout, xpo_dp_timeout_cases, xpo_dp_timeout_desc);

/*
 * Every waiting state times out after exactly its budget from the
 * advertisement, and with another advertisement after another budget.
 */
static void xpo_dp_test_timeout(struct kunit *test)
{
	const struct xpo_dp_timeout_case *c = test->param_value;
	struct xpo_dp_module slow;
	struct xpo_dp dp;
	struct fake f;

	if (c->wait_module) {
		fake_init(&f);
		xpo_dp_init(&dp, &f.mod);
		KUNIT_ASSERT_EQ(test, up(&dp).err, 0);
		KUNIT_ASSERT_TRUE(test, dp.wait_module);
	} else {
		dp_at(test, &dp, &f, c->state);
	}
	set_state(&f, DP_LANES, c->lane_state);
	set_config(&f, DP_LANES, CMIS_CONFIG_IN_PROGRESS);
	KUNIT_EXPECT_EQ(test, dp.budget_ms, c->budget);
	KUNIT_EXPECT_EQ(test, run_out(test, &dp, &f), c->budget);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_FAILED);
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_TIMEOUT);
	KUNIT_EXPECT_EQ(test, dp.fail_step, c->state);
	KUNIT_EXPECT_FALSE(test, dp.carrier);
	KUNIT_EXPECT_FALSE(test, dp.timer_armed);

	/* slower durations (codes 7: < 5 s), a longer wait */
	xpo_dp_module_decode(&slow, 0x77, 0x77, 0x77);
	slow.num_apps = 4;
	slow.has_dpinit_pending = true;
	if (c->wait_module) {
		fake_init(&f);
		xpo_dp_init(&dp, &slow);
		KUNIT_ASSERT_EQ(test, up(&dp).err, 0);
	} else {
		dp_at_mod(test, &dp, &f, c->state, &slow);
	}
	set_state(&f, DP_LANES, c->lane_state);
	set_config(&f, DP_LANES, CMIS_CONFIG_IN_PROGRESS);
	KUNIT_EXPECT_GT(test, dp.budget_ms, c->budget);
	KUNIT_EXPECT_EQ(test, run_out(test, &dp, &f),
			xpo_dp_budget_ms(&dp.mod, c->state, c->wait_module));
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_TIMEOUT);
}

/* Tx enabled, the lanes stop in TxTurnOn: failed, and lasers off */
static void xpo_dp_test_never_activates(struct kunit *test)
{
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;
	unsigned int ticks = 0;

	dp_at(test, &dp, &f, XPO_DP_S_ACTIVATING);
	/* three lanes activated, one not */
	set_state(&f, DP_LANES, CMIS_DP_ACTIVATED);
	set_state(&f, BIT_ULL(DP_FIRST + 2), CMIS_DP_TXTURNON);
	do {
		res = ev(&dp, XPO_DP_E_TIMEOUT);
		ticks++;
		KUNIT_EXPECT_FALSE(test, res.carrier);
		if (res.actions & XPO_DP_A_READ_STATE)
			res = report(&dp, &f, XPO_DP_E_DP_STATE);
	} while (dp.state == XPO_DP_S_ACTIVATING && ticks < 1000);
	/* 1010 ms: ten polls of 100 ms and one of 10 */
	KUNIT_EXPECT_EQ(test, ticks,
			DIV_ROUND_UP(B_ACTIVATING, XPO_DP_T_POLL_MS));
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_FAILED);
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_TIMEOUT);
	KUNIT_EXPECT_EQ(test, dp.fail_step, XPO_DP_S_ACTIVATING);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_CANCEL_TIMER |
			XPO_DP_A_TX_DISABLE | XPO_DP_A_DEINIT_SET);
	KUNIT_EXPECT_FALSE(test, res.carrier);

	/* rolled back by down, which waits for DPDeactivated */
	res = ev(&dp, XPO_DP_E_DOWN);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEINITIALIZING);
	set_state(&f, DP_LANES, CMIS_DP_DEACTIVATED);
	report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEACTIVATED);
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_NONE);
}

/* Removal in every state */
static void xpo_dp_test_module_gone(struct kunit *test)
{
	static const enum xpo_dp_mstate midway[] = {
		XPO_DP_S_STAGING, XPO_DP_S_APPLYING, XPO_DP_S_INITIALIZING,
		XPO_DP_S_ACTIVATING, XPO_DP_S_ACTIVATED,
	};
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(midway); i++) {
		dp_at(test, &dp, &f, midway[i]);
		res = ev(&dp, XPO_DP_E_MODULE_GONE);
		KUNIT_EXPECT_EQ_MSG(test, dp.state, XPO_DP_S_FAILED, "in %s",
				    xpo_dp_state_name(midway[i]));
		KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_MODULE_GONE);
		KUNIT_EXPECT_EQ(test, dp.fail_step, midway[i]);
		/* no bus access to a module that is not there */
		KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_CANCEL_TIMER);
		KUNIT_EXPECT_FALSE(test, res.carrier);
		KUNIT_EXPECT_FALSE(test, dp.module_ready);
		/* late reports and timers change nothing */
		res = report(&dp, &f, XPO_DP_E_DP_STATE);
		KUNIT_EXPECT_EQ(test, res.actions, 0U);
		res = ev(&dp, XPO_DP_E_TIMEOUT);
		KUNIT_EXPECT_EQ(test, res.actions, 0U);
		KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_FAILED);
	}

	/* the next module: up on other lanes waits for it to be ready */
	res = up_req(&dp, 1, 0, 2, false);
	KUNIT_EXPECT_EQ(test, res.err, 0);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_STAGING);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_TIMER);
	KUNIT_EXPECT_EQ(test, res.timer_ms, XPO_DP_T_POLL_MS);
	KUNIT_EXPECT_EQ(test, dp.budget_ms, B_WAIT_MODULE);
	res = module_state(&dp, CMIS_MODULE_PWRUP);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	res = module_state(&dp, CMIS_MODULE_READY);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_TX_DISABLE |
			XPO_DP_A_DEINIT_SET | XPO_DP_A_TIMER |
			XPO_DP_A_READ_STATE);
	KUNIT_EXPECT_EQ(test, res.bank_bits, 0x03);
	KUNIT_EXPECT_EQ(test, dp.budget_ms, B_STAGING);

	/* going down anyway: removal finishes it */
	dp_at(test, &dp, &f, XPO_DP_S_DEINITIALIZING);
	res = ev(&dp, XPO_DP_E_MODULE_GONE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEACTIVATED);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_CANCEL_TIMER);

	dp_at(test, &dp, &f, XPO_DP_S_DEACTIVATED);
	res = ev(&dp, XPO_DP_E_MODULE_GONE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEACTIVATED);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);

	/* ModuleFault: not ready (the cage reports it gone when it is) */
	dp_at(test, &dp, &f, XPO_DP_S_APPLYING);
	res = module_state(&dp, CMIS_MODULE_FAULT);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_FAILED);
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_NOT_READY);
}

/* The module leaves ModuleReady while the data path is (coming) up */
static void xpo_dp_test_module_power_down(struct kunit *test)
{
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;

	dp_at(test, &dp, &f, XPO_DP_S_ACTIVATED);
	res = module_state(&dp, CMIS_MODULE_PWRDN);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEINITIALIZING);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_TX_DISABLE |
			XPO_DP_A_DEINIT_SET | XPO_DP_A_TIMER);
	KUNIT_EXPECT_EQ(test, dp.budget_ms, B_PWRDN);
	KUNIT_EXPECT_FALSE(test, res.carrier);
	set_state(&f, DP_LANES, CMIS_DP_DEACTIVATED);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	/* the up request could not be kept */
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_FAILED);
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_NOT_READY);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_CANCEL_TIMER);
	KUNIT_EXPECT_FALSE(test, dp.dirty);

	/* taken down meanwhile: it ends deactivated */
	dp_at(test, &dp, &f, XPO_DP_S_ACTIVATING);
	module_state(&dp, CMIS_MODULE_LOWPWR);
	ev(&dp, XPO_DP_E_DOWN);
	set_state(&f, DP_LANES, CMIS_DP_DEACTIVATED);
	report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEACTIVATED);

	/* before the lanes were touched: failed at once, no I/O */
	dp_at(test, &dp, &f, XPO_DP_S_APPLYING);
	res = module_state(&dp, CMIS_MODULE_LOWPWR);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_FAILED);
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_NOT_READY);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_CANCEL_TIMER);

	/* a reserved ModuleState code is the cage machine's to judge */
	dp_at(test, &dp, &f, XPO_DP_S_ACTIVATED);
	res = module_state(&dp, 0);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_ACTIVATED);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_TRUE(test, dp.module_ready);
}

/* DPInitPending after Success: required on CMIS 5, not looked at on 4 */
static void xpo_dp_test_dpinit_pending(struct kunit *test)
{
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;

	dp_at(test, &dp, &f, XPO_DP_S_APPLYING);
	set_config(&f, DP_LANES, CMIS_CONFIG_SUCCESS);
	report(&dp, &f, XPO_DP_E_CONFIG_STATUS);
	KUNIT_ASSERT_TRUE(test, dp.config_ok);
	/* a late ConfigStatus report changes nothing */
	res = report(&dp, &f, XPO_DP_E_CONFIG_STATUS);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	/* pending on three lanes of four: not initialising */
	f.in.dpinit_pending = DP_LANES & ~BIT_ULL(DP_FIRST + 3);
	res = report(&dp, &f, XPO_DP_E_INIT_PENDING);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_FAILED);
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_NOT_PENDING);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_CANCEL_TIMER);

	/* other lanes pending do not count */
	dp_at(test, &dp, &f, XPO_DP_S_APPLYING);
	set_config(&f, DP_LANES, CMIS_CONFIG_SUCCESS);
	report(&dp, &f, XPO_DP_E_CONFIG_STATUS);
	f.in.dpinit_pending = ~DP_LANES;
	report(&dp, &f, XPO_DP_E_INIT_PENDING);
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_NOT_PENDING);

	/* CMIS 4: no DPInitPending; Success goes on at once */
	fake_init(&f);
	f.mod.has_dpinit_pending = false;
	xpo_dp_init(&dp, &f.mod);
	module_state(&dp, CMIS_MODULE_READY);
	up(&dp);
	report(&dp, &f, XPO_DP_E_DP_STATE);
	set_config(&f, DP_LANES, CMIS_CONFIG_SUCCESS);
	res = report(&dp, &f, XPO_DP_E_CONFIG_STATUS);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_INITIALIZING);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_DEINIT_CLEAR |
			XPO_DP_A_TIMER);
}

/* Lanes of another data path, even in the same bank, are not ours */
static void xpo_dp_test_other_lanes(struct kunit *test)
{
	struct xpo_dp_result res;
	struct xpo_dp a, b;
	struct fake f;
	u64 b_lanes = 0x3ULL << 8;	/* lanes 8-9: bank 1 too */

	dp_at(test, &a, &f, XPO_DP_S_INITIALIZING);
	xpo_dp_init(&b, &f.mod);
	module_state(&b, CMIS_MODULE_READY);
	KUNIT_ASSERT_EQ(test, up_req(&b, 1, 8, 2, false).err, 0);
	KUNIT_EXPECT_EQ(test, b.lanes & a.lanes, 0ULL);

	/* b's lanes change, are rejected, read garbage: a does not care */
	f.in.changed = b_lanes | BIT_ULL(40);
	res = report(&a, &f, XPO_DP_E_STATE_CHANGED);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	set_state(&f, b_lanes, 0);		/* reserved */
	set_state(&f, DP_LANES, CMIS_DP_INIT);
	res = report(&a, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_EQ(test, a.io_errors, 0U);
	set_state(&f, b_lanes, CMIS_DP_ACTIVATED);
	set_state(&f, DP_LANES, CMIS_DP_INITIALIZED);
	res = report(&a, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, a.state, XPO_DP_S_ACTIVATING);
	KUNIT_EXPECT_EQ(test, res.bank_bits, 0x3c);

	/* and a's lanes are not b's */
	res = report(&b, &f, XPO_DP_E_DP_STATE);	/* b's lanes Activated */
	KUNIT_EXPECT_EQ(test, b.state, XPO_DP_S_STAGING);
	set_state(&f, b_lanes, CMIS_DP_DEACTIVATED);
	res = report(&b, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, b.state, XPO_DP_S_APPLYING);
	KUNIT_EXPECT_EQ(test, res.bank_bits, 0x03);
	set_config(&f, ~b_lanes, CMIS_CONFIG_REJECTED);
	set_config(&f, b_lanes, CMIS_CONFIG_IN_PROGRESS);
	res = report(&b, &f, XPO_DP_E_CONFIG_STATUS);
	KUNIT_EXPECT_EQ(test, b.state, XPO_DP_S_APPLYING);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);

	/* a report that did not read all of a's lanes teaches nothing */
	set_state(&f, DP_LANES, CMIS_DP_ACTIVATED);
	f.in.lanes = ~BIT_ULL(DP_FIRST + 1);
	res = report(&a, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, a.state, XPO_DP_S_ACTIVATING);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	f.in.lanes = DP_LANES;
	res = report(&a, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, a.state, XPO_DP_S_ACTIVATED);
}

/*
 * The nibble order of 11h:128-131 and 202-205 (CMIS 5.2 section 8.10):
 * lane 1 of a bank in byte 0 b3-0, lane 2 in b7-4.  A one-lane data path
 * on lane 11 (bank 1, lane 4: byte 1 b7-4) next to lane 10 (byte 1 b3-0).
 */
static void xpo_dp_test_nibbles(struct kunit *test)
{
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;

	fake_init(&f);
	xpo_dp_init(&dp, &f.mod);
	module_state(&dp, CMIS_MODULE_READY);
	KUNIT_ASSERT_EQ(test, up_req(&dp, 1, 11, 1, false).err, 0);
	KUNIT_EXPECT_EQ(test, xpo_dp_bank_bits(dp.lanes, 1), 0x08);
	/* lane 10 DPDeactivated, lane 11 DPActivated: not staged */
	f.in.dp_state[1][1] = CMIS_DP_ACTIVATED << 4 | CMIS_DP_DEACTIVATED;
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_STAGING);
	f.in.dp_state[1][1] = CMIS_DP_DEACTIVATED << 4 | CMIS_DP_ACTIVATED;
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_APPLYING);
	KUNIT_EXPECT_EQ(test, res.dpconfig, 0x16);
	/* lane 10 rejected, lane 11 in progress, then lane 11 done */
	f.in.config_status[1][1] = CMIS_CONFIG_IN_PROGRESS << 4 |
				   CMIS_CONFIG_REJECTED;
	report(&dp, &f, XPO_DP_E_CONFIG_STATUS);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_APPLYING);
	f.in.config_status[1][1] = CMIS_CONFIG_SUCCESS << 4 |
				   CMIS_CONFIG_INVALID_SI;
	res = report(&dp, &f, XPO_DP_E_CONFIG_STATUS);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_READ_PENDING);
	f.in.dpinit_pending = BIT_ULL(11);
	report(&dp, &f, XPO_DP_E_INIT_PENDING);
	KUNIT_ASSERT_EQ(test, dp.state, XPO_DP_S_INITIALIZING);
	/* lane 10 reserved code, lane 11 initialised */
	f.in.dp_state[1][1] = CMIS_DP_INITIALIZED << 4 | 0;
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_ACTIVATING);
	KUNIT_EXPECT_EQ(test, dp.io_errors, 0U);
	/* the other way round: a reserved code on our lane */
	f.in.dp_state[1][1] = 0 << 4 | CMIS_DP_ACTIVATED;
	report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.io_errors, 1U);
	f.in.dp_state[1][1] = CMIS_DP_ACTIVATED << 4 | 0;
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_ACTIVATED);
	KUNIT_EXPECT_TRUE(test, res.carrier);
}

/* Carrier: exactly while every one of the data path's lanes is activated */
static void xpo_dp_test_carrier(struct kunit *test)
{
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;
	unsigned int lane;

	for (lane = DP_FIRST; lane < DP_FIRST + DP_COUNT; lane++) {
		dp_at(test, &dp, &f, XPO_DP_S_ACTIVATING);
		set_state(&f, DP_LANES, CMIS_DP_ACTIVATED);
		set_state(&f, BIT_ULL(lane), CMIS_DP_TXTURNON);
		res = report(&dp, &f, XPO_DP_E_DP_STATE);
		KUNIT_EXPECT_FALSE_MSG(test, res.carrier, "lane %u", lane);
		KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_ACTIVATING);
	}
	set_state(&f, DP_LANES, CMIS_DP_ACTIVATED);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_TRUE(test, res.carrier);

	/* a module that has no Tx disable activates without being asked */
	dp_at(test, &dp, &f, XPO_DP_S_INITIALIZING);
	set_state(&f, DP_LANES, CMIS_DP_ACTIVATED);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_ACTIVATED);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_CANCEL_TIMER |
			XPO_DP_A_TX_ENABLE);
	KUNIT_EXPECT_TRUE(test, res.carrier);

	/* a lane leaving DPActivated by itself: carrier off, lasers off */
	f.in.changed = BIT_ULL(DP_FIRST + 3);
	res = report(&dp, &f, XPO_DP_E_STATE_CHANGED);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_READ_STATE);
	KUNIT_EXPECT_TRUE(test, res.carrier);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);	/* still fine */
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_TRUE(test, res.carrier);
	set_state(&f, BIT_ULL(DP_FIRST + 3), CMIS_DP_DEINIT);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_FAILED);
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_LOST);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_CANCEL_TIMER |
			XPO_DP_A_TX_DISABLE | XPO_DP_A_DEINIT_SET);
	KUNIT_EXPECT_FALSE(test, res.carrier);
	KUNIT_EXPECT_FALSE(test, dp.carrier);
}

/* Reserved DataPath state codes and failed reads: bounded retries */
static void xpo_dp_test_io_errors(struct kunit *test)
{
	static const u8 bad[] = { 0, 8, 9, 0xf };
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		dp_at(test, &dp, &f, XPO_DP_S_INITIALIZING);
		set_state(&f, BIT_ULL(DP_FIRST + 1), bad[i]);
		res = report(&dp, &f, XPO_DP_E_DP_STATE);
		KUNIT_EXPECT_EQ(test, dp.io_errors, 1U);
		KUNIT_EXPECT_EQ(test, res.actions, 0U);
		KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_INITIALIZING);
	}
	/* a good read starts the count again */
	set_state(&f, DP_LANES, CMIS_DP_INIT);
	report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.io_errors, 0U);
	for (i = 1; i < XPO_DP_N_IO_ERRORS; i++)
		ev(&dp, XPO_DP_E_IO_ERROR);
	KUNIT_EXPECT_EQ(test, dp.io_errors, XPO_DP_N_IO_ERRORS - 1);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_INITIALIZING);
	report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.io_errors, 0U);
	for (i = 1; i < XPO_DP_N_IO_ERRORS; i++) {
		res = ev(&dp, XPO_DP_E_IO_ERROR);
		KUNIT_EXPECT_EQ(test, res.actions, 0U);
	}
	set_state(&f, BIT_ULL(DP_FIRST), 0xc);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_FAILED);
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_IO);
	KUNIT_EXPECT_EQ(test, dp.fail_step, XPO_DP_S_INITIALIZING);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_CANCEL_TIMER |
			XPO_DP_A_TX_DISABLE | XPO_DP_A_DEINIT_SET);

	/* activated: a failed read is retried after its own delay */
	dp_at(test, &dp, &f, XPO_DP_S_ACTIVATED);
	for (i = 1; i < XPO_DP_N_IO_ERRORS; i++) {
		res = ev(&dp, XPO_DP_E_IO_ERROR);
		KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_TIMER);
		KUNIT_EXPECT_EQ(test, res.timer_ms, XPO_DP_T_IO_RETRY_MS);
		res = ev(&dp, XPO_DP_E_TIMEOUT);
		KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_READ_STATE);
		KUNIT_EXPECT_TRUE(test, res.carrier);
	}
	res = ev(&dp, XPO_DP_E_IO_ERROR);
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_IO);
	KUNIT_EXPECT_EQ(test, dp.fail_step, XPO_DP_S_ACTIVATED);
	KUNIT_EXPECT_FALSE(test, res.carrier);

	/* an I/O error past the deadline is the timeout */
	dp_at(test, &dp, &f, XPO_DP_S_ACTIVATING);
	for (i = 0; i < DIV_ROUND_UP(B_ACTIVATING, XPO_DP_T_POLL_MS); i++)
		ev(&dp, XPO_DP_E_TIMEOUT);
	KUNIT_ASSERT_TRUE(test, dp.deadline_passed);
	KUNIT_ASSERT_EQ(test, dp.state, XPO_DP_S_ACTIVATING);
	ev(&dp, XPO_DP_E_IO_ERROR);
	KUNIT_EXPECT_EQ(test, dp.fail, XPO_DP_FAIL_TIMEOUT);
}

/* Abort rolls back an unfinished up or a failure, nothing else */
static void xpo_dp_test_abort(struct kunit *test)
{
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;

	dp_at(test, &dp, &f, XPO_DP_S_APPLYING);
	res = ev(&dp, XPO_DP_E_ABORT);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEACTIVATED);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_CANCEL_TIMER);
	KUNIT_EXPECT_FALSE(test, dp.want_up);

	dp_at(test, &dp, &f, XPO_DP_S_ACTIVATING);
	res = ev(&dp, XPO_DP_E_ABORT);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEINITIALIZING);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_TX_DISABLE |
			XPO_DP_A_DEINIT_SET | XPO_DP_A_TIMER);
	set_state(&f, DP_LANES, CMIS_DP_DEACTIVATED);
	report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEACTIVATED);

	/* a working data path is not aborted, nor a way down */
	dp_at(test, &dp, &f, XPO_DP_S_ACTIVATED);
	res = ev(&dp, XPO_DP_E_ABORT);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_ACTIVATED);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_TRUE(test, res.carrier);
	dp_at(test, &dp, &f, XPO_DP_S_DEINITIALIZING);
	res = ev(&dp, XPO_DP_E_ABORT);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEINITIALIZING);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);

	/* a failure with live lanes: taken down and waited for */
	dp_at(test, &dp, &f, XPO_DP_S_ACTIVATED);
	set_state(&f, BIT_ULL(DP_FIRST), CMIS_DP_INITIALIZED);
	report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_ASSERT_EQ(test, dp.fail, XPO_DP_FAIL_LOST);
	/* not on other lanes until they are clean */
	KUNIT_EXPECT_EQ(test, up_req(&dp, 1, 0, 1, false).err, -EBUSY);
	res = ev(&dp, XPO_DP_E_ABORT);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEINITIALIZING);
	set_state(&f, DP_LANES, CMIS_DP_DEACTIVATED);
	report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEACTIVATED);
	KUNIT_EXPECT_EQ(test, up_req(&dp, 1, 0, 1, false).err, 0);
}

/* Staging lanes left up (by an earlier owner): down first, then staged */
static void xpo_dp_test_staging_busy_lanes(struct kunit *test)
{
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;

	dp_at(test, &dp, &f, XPO_DP_S_DEACTIVATED);
	set_state(&f, DP_LANES, CMIS_DP_ACTIVATED);
	up(&dp);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_STAGING);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_TRUE(test, dp.dirty);
	KUNIT_EXPECT_FALSE(test, res.carrier);
	set_state(&f, DP_LANES, CMIS_DP_DEINIT);
	f.in.changed = DP_LANES;
	res = report(&dp, &f, XPO_DP_E_STATE_CHANGED);
	KUNIT_EXPECT_EQ(test, res.actions, XPO_DP_A_READ_STATE);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_STAGING);
	set_state(&f, DP_LANES, CMIS_DP_DEACTIVATED);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_APPLYING);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_DP_A_WRITE_STAGED);
	KUNIT_EXPECT_FALSE(test, dp.dirty);
}

/* A timer that fired while it was being cancelled is ignored */
static void xpo_dp_test_stale_timeout(struct kunit *test)
{
	struct xpo_dp_result res;
	struct xpo_dp dp;
	struct fake f;

	dp_at(test, &dp, &f, XPO_DP_S_ACTIVATED);
	res = ev(&dp, XPO_DP_E_TIMEOUT);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	dp_at(test, &dp, &f, XPO_DP_S_DEACTIVATED);
	res = ev(&dp, XPO_DP_E_TIMEOUT);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	res = report(&dp, &f, XPO_DP_E_DP_STATE);
	KUNIT_EXPECT_EQ(test, res.actions, 0U);
	KUNIT_EXPECT_EQ(test, dp.state, XPO_DP_S_DEACTIVATED);
}

static struct kunit_case xpo_dp_test_cases[] = {
	KUNIT_CASE(xpo_dp_test_names),
	KUNIT_CASE(xpo_dp_test_durations),
	KUNIT_CASE(xpo_dp_test_budgets),
	KUNIT_CASE(xpo_dp_test_module_from_id),
	KUNIT_CASE(xpo_dp_test_up_path),
	KUNIT_CASE(xpo_dp_test_dpconfig),
	KUNIT_CASE(xpo_dp_test_down_path),
	KUNIT_CASE(xpo_dp_test_down_midway),
	KUNIT_CASE_PARAM(xpo_dp_test_rejected, xpo_dp_reject_gen_params),
	KUNIT_CASE(xpo_dp_test_invalid_request),
	KUNIT_CASE(xpo_dp_test_busy),
	KUNIT_CASE_PARAM(xpo_dp_test_timeout, xpo_dp_timeout_gen_params),
	KUNIT_CASE(xpo_dp_test_never_activates),
	KUNIT_CASE(xpo_dp_test_module_gone),
	KUNIT_CASE(xpo_dp_test_module_power_down),
	KUNIT_CASE(xpo_dp_test_dpinit_pending),
	KUNIT_CASE(xpo_dp_test_other_lanes),
	KUNIT_CASE(xpo_dp_test_nibbles),
	KUNIT_CASE(xpo_dp_test_carrier),
	KUNIT_CASE(xpo_dp_test_io_errors),
	KUNIT_CASE(xpo_dp_test_abort),
	KUNIT_CASE(xpo_dp_test_staging_busy_lanes),
	KUNIT_CASE(xpo_dp_test_stale_timeout),
	{}
};

static struct kunit_suite xpo_dp_test_suite = {
	.name = "xpo_dp",
	.test_cases = xpo_dp_test_cases,
};

kunit_test_suite(xpo_dp_test_suite);
