// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: verifying a breakout change (xpo_bverify.c): what each read of a
 * bank says about each phase, the order of the phases, their budgets, the
 * rollback decision and the words of a failure.
 */
#include <kunit/test.h>
#include <linux/string.h>

#include "../cmis.h"
#include "../xpo_bverify.h"
#include "../xpo_dp.h"

/* Two 4-lane data paths, AppSel 2 at DataPathID 0 and 4 */
static const u8 cfg_2x4[8] = { 0x20, 0x20, 0x20, 0x20,
			       0x28, 0x28, 0x28, 0x28 };
/* One 4-lane data path on lanes 1-4, lanes 5-8 in none */
static const u8 cfg_1x4[8] = { 0x20, 0x20, 0x20, 0x20, 0, 0, 0, 0 };

/* Four nibble bytes with every lane @v but lane @l (0-7) @w */
static void nibbles(u8 *b, u8 v, int l, u8 w)
{
	unsigned int i;

	for (i = 0; i < 4; i++)
		b[i] = v | v << 4;
	if (l >= 0)
		b[l / 2] = (b[l / 2] & (0xf0 >> (4 * (l & 1)))) |
			   w << (4 * (l & 1));
}

static void xpo_bv_test_used(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, xpo_bv_used_lanes(cfg_2x4), 0xff);
	KUNIT_EXPECT_EQ(test, xpo_bv_used_lanes(cfg_1x4), 0x0f);
}

static void xpo_bv_test_config(struct kunit *test)
{
	u8 st[4], lane = 0xff, code = 0xff;

	nibbles(st, CMIS_CONFIG_SUCCESS, -1, 0);
	KUNIT_EXPECT_EQ(test, xpo_bv_judge(XPO_BV_APPLY, cfg_2x4, st, &lane,
					   &code), XPO_BV_OK);
	/* one lane still in progress: wait, naming it */
	nibbles(st, CMIS_CONFIG_SUCCESS, 5, CMIS_CONFIG_IN_PROGRESS);
	KUNIT_EXPECT_EQ(test, xpo_bv_judge(XPO_BV_APPLY, cfg_2x4, st, &lane,
					   &code), XPO_BV_WAIT);
	KUNIT_EXPECT_EQ(test, lane, 5);
	KUNIT_EXPECT_EQ(test, code, CMIS_CONFIG_IN_PROGRESS);
	/* not judged yet reads Undefined: wait too */
	nibbles(st, CMIS_CONFIG_UNDEFINED, -1, 0);
	KUNIT_EXPECT_EQ(test, xpo_bv_judge(XPO_BV_APPLY, cfg_2x4, st, &lane,
					   &code), XPO_BV_WAIT);
	/* a refusal is final, even with other lanes in progress */
	nibbles(st, CMIS_CONFIG_IN_PROGRESS, 6, CMIS_CONFIG_REJECTED);
	KUNIT_EXPECT_EQ(test, xpo_bv_judge(XPO_BV_APPLY, cfg_2x4, st, &lane,
					   &code), XPO_BV_FAIL);
	KUNIT_EXPECT_EQ(test, lane, 6);
	KUNIT_EXPECT_EQ(test, code, CMIS_CONFIG_REJECTED);
	nibbles(st, CMIS_CONFIG_SUCCESS, 0, CMIS_CONFIG_PARTIAL_DP);
	KUNIT_EXPECT_EQ(test, xpo_bv_judge(XPO_BV_APPLY, cfg_1x4, st, &lane,
					   &code), XPO_BV_FAIL);
	KUNIT_EXPECT_EQ(test, lane, 0);
}

static void xpo_bv_test_states(struct kunit *test)
{
	u8 st[4], lane = 0xff, code = 0xff;

	nibbles(st, CMIS_DP_DEACTIVATED, -1, 0);
	KUNIT_EXPECT_EQ(test, xpo_bv_judge(XPO_BV_QUIESCE, cfg_2x4, st, &lane,
					   &code), XPO_BV_OK);
	KUNIT_EXPECT_EQ(test, xpo_bv_judge(XPO_BV_DEINIT, cfg_2x4, st, &lane,
					   &code), XPO_BV_OK);
	/* quiesce waits for every lane, whatever the plan */
	nibbles(st, CMIS_DP_DEACTIVATED, 7, CMIS_DP_DEINIT);
	KUNIT_EXPECT_EQ(test, xpo_bv_judge(XPO_BV_QUIESCE, cfg_1x4, st, &lane,
					   &code), XPO_BV_WAIT);
	KUNIT_EXPECT_EQ(test, lane, 7);
	KUNIT_EXPECT_EQ(test, code, CMIS_DP_DEINIT);
	/* init: the lanes of a data path DPInitialized; the others are not */
	nibbles(st, CMIS_DP_INITIALIZED, 4, CMIS_DP_DEACTIVATED);
	st[2] = CMIS_DP_DEACTIVATED | CMIS_DP_DEACTIVATED << 4;
	st[3] = st[2];
	KUNIT_EXPECT_EQ(test, xpo_bv_judge(XPO_BV_INIT, cfg_1x4, st, &lane,
					   &code), XPO_BV_OK);
	KUNIT_EXPECT_EQ(test, xpo_bv_judge(XPO_BV_INIT, cfg_2x4, st, &lane,
					   &code), XPO_BV_WAIT);
	KUNIT_EXPECT_EQ(test, lane, 4);
	/* a module stuck in DPInit: wait (the budget decides), naming it */
	nibbles(st, CMIS_DP_INITIALIZED, 2, CMIS_DP_INIT);
	KUNIT_EXPECT_EQ(test, xpo_bv_judge(XPO_BV_INIT, cfg_2x4, st, &lane,
					   &code), XPO_BV_WAIT);
	KUNIT_EXPECT_EQ(test, lane, 2);
	KUNIT_EXPECT_EQ(test, code, CMIS_DP_INIT);
	/* done is done */
	KUNIT_EXPECT_EQ(test, xpo_bv_judge(XPO_BV_DONE, cfg_2x4, st, &lane,
					   &code), XPO_BV_OK);
}

static void xpo_bv_test_phases(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, xpo_bv_next(XPO_BV_QUIESCE, true), XPO_BV_APPLY);
	KUNIT_EXPECT_EQ(test, xpo_bv_next(XPO_BV_QUIESCE, false), XPO_BV_APPLY);
	KUNIT_EXPECT_EQ(test, xpo_bv_next(XPO_BV_APPLY, true), XPO_BV_INIT);
	/* no DPInit outside ModuleReady: ConfigStatus alone verifies */
	KUNIT_EXPECT_EQ(test, xpo_bv_next(XPO_BV_APPLY, false), XPO_BV_DONE);
	KUNIT_EXPECT_EQ(test, xpo_bv_next(XPO_BV_INIT, true), XPO_BV_DEINIT);
	KUNIT_EXPECT_EQ(test, xpo_bv_next(XPO_BV_DEINIT, true), XPO_BV_DONE);
	KUNIT_EXPECT_EQ(test, xpo_bv_next(XPO_BV_DONE, true), XPO_BV_DONE);
}

static void xpo_bv_test_budgets(struct kunit *test)
{
	struct xpo_dp_module mod = {};

	/* DPInit < 500 ms, DPDeinit < 100 ms, TxTurnOff < 5 ms */
	xpo_dp_module_decode(&mod, 0x45, 0x36, 0x12);
	KUNIT_EXPECT_EQ(test, xpo_bv_budget_ms(&mod, XPO_BV_QUIESCE),
			5 + 100 + XPO_DP_T_MARGIN_MS);
	KUNIT_EXPECT_EQ(test, xpo_bv_budget_ms(&mod, XPO_BV_APPLY),
			500 + XPO_DP_T_MARGIN_MS);
	KUNIT_EXPECT_EQ(test, xpo_bv_budget_ms(&mod, XPO_BV_INIT),
			500 + XPO_DP_T_MARGIN_MS);
	KUNIT_EXPECT_EQ(test, xpo_bv_budget_ms(&mod, XPO_BV_DEINIT),
			5 + 100 + XPO_DP_T_MARGIN_MS);
	KUNIT_EXPECT_EQ(test, xpo_bv_budget_ms(&mod, XPO_BV_DONE), 0);
}

static void xpo_bv_test_rollback(struct kunit *test)
{
	struct xpo_bv_fail f = { .why = XPO_BV_WHY_CONFIG };

	KUNIT_EXPECT_TRUE(test, xpo_bv_can_roll_back(&f));
	f.why = XPO_BV_WHY_TIMEOUT;
	KUNIT_EXPECT_TRUE(test, xpo_bv_can_roll_back(&f));
	f.why = XPO_BV_WHY_IO;
	KUNIT_EXPECT_TRUE(test, xpo_bv_can_roll_back(&f));
	f.why = XPO_BV_WHY_KILLED;
	KUNIT_EXPECT_TRUE(test, xpo_bv_can_roll_back(&f));
	f.why = XPO_BV_WHY_NONE;	/* the netdevs' replacement failed */
	KUNIT_EXPECT_TRUE(test, xpo_bv_can_roll_back(&f));
	f.why = XPO_BV_WHY_GONE;
	KUNIT_EXPECT_FALSE(test, xpo_bv_can_roll_back(&f));
}

static void xpo_bv_test_describe(struct kunit *test)
{
	struct xpo_bv_fail f = {
		.why = XPO_BV_WHY_CONFIG, .phase = XPO_BV_APPLY,
		.bank = 2, .lane = 4, .code = CMIS_CONFIG_REJECTED,
	};
	char buf[96];

	xpo_bv_describe(&f, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf,
			   "bank 2 lane 5: ConfigStatus rejected");
	f.code = CMIS_CONFIG_INVALID_APPSEL;
	xpo_bv_describe(&f, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf,
			   "bank 2 lane 5: ConfigStatus invalid AppSel");
	f.why = XPO_BV_WHY_TIMEOUT;
	f.phase = XPO_BV_INIT;
	f.code = CMIS_DP_INIT;
	f.ms = 1500;
	xpo_bv_describe(&f, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf,
			   "bank 2 lane 5: timed out after 1500 ms in DPInit");
	f.phase = XPO_BV_APPLY;
	f.code = CMIS_CONFIG_IN_PROGRESS;
	xpo_bv_describe(&f, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf,
			   "bank 2 lane 5: timed out after 1500 ms with ConfigStatus in progress");
	f.why = XPO_BV_WHY_IO;
	f.err = -ENXIO;
	xpo_bv_describe(&f, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "bank 2: I/O error -6");
	f.why = XPO_BV_WHY_GONE;
	xpo_bv_describe(&f, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "the module was removed during the change");
}

static struct kunit_case xpo_bv_cases[] = {
	KUNIT_CASE(xpo_bv_test_used),
	KUNIT_CASE(xpo_bv_test_config),
	KUNIT_CASE(xpo_bv_test_states),
	KUNIT_CASE(xpo_bv_test_phases),
	KUNIT_CASE(xpo_bv_test_budgets),
	KUNIT_CASE(xpo_bv_test_rollback),
	KUNIT_CASE(xpo_bv_test_describe),
	{}
};

static struct kunit_suite xpo_bv_suite = {
	.name = "xpo_bverify",
	.test_cases = xpo_bv_cases,
};

kunit_test_suite(xpo_bv_suite);
