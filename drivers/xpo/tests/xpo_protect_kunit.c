// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the protection decision (xpo_protect_decide()): which inputs make
 * which condition, the host's limits and their ranges, the most severe
 * action wins, "off" is ignored, and the action names round-trip through
 * the parser the sysfs files use.
 */
#include <kunit/test.h>

#include "../xpo_core.h"
#include "../xpo_protect.h"

static const enum xpo_protect_action defaults[XPO_PROTECT_NUM_COND] = {
	[XPO_PROTECT_LEAK]	= XPO_PROTECT_POWER_OFF,
	[XPO_PROTECT_FLOW_LOW]	= XPO_PROTECT_LOW_POWER,
	[XPO_PROTECT_OVERTEMP]	= XPO_PROTECT_LOW_POWER,
};

/* @limit: NULL for none */
static void decide_limits(const enum xpo_protect_action *policy,
			  const s32 *limit,
			  const struct xpo_protect_input *in,
			  struct xpo_protect_verdict *v)
{
	struct xpo_protect p;

	xpo_protect_defaults(&p);
	memcpy(p.policy, policy, sizeof(p.policy));
	if (limit)
		memcpy(p.limit, limit, sizeof(p.limit));
	memset(v, 0xa5, sizeof(*v));	/* every field must be written */
	xpo_protect_decide(&p, in, v);
}

static void decide(const enum xpo_protect_action *policy,
		   const struct xpo_protect_input *in,
		   struct xpo_protect_verdict *v)
{
	decide_limits(policy, NULL, in, v);
}

static void xpo_protect_nothing(struct kunit *test)
{
	struct xpo_protect_input in = {
		/* warnings and unrelated flags are not conditions */
		.temp_flags = CMIS_FLAG_TEMP_HWARN | CMIS_FLAG_VCC_HALARM,
		.tlm_flags = XPO_TLM_FLAG_FLOW_LWARN | XPO_TLM_FLAG_OUT_HALARM |
			     XPO_TLM_FLAG_POWER_HALARM,
	};
	struct xpo_protect_verdict v;

	decide(defaults, &in, &v);
	KUNIT_EXPECT_EQ(test, v.conds, 0);
	KUNIT_EXPECT_EQ(test, v.action, XPO_PROTECT_OFF);
}

static void xpo_protect_each_input(struct kunit *test)
{
	static const struct {
		struct xpo_protect_input in;
		enum xpo_protect_cond cond;
		enum xpo_protect_action action;
	} cases[] = {
		{ { .leak_line = true }, XPO_PROTECT_LEAK, XPO_PROTECT_POWER_OFF },
		{ { .tlm_flags = XPO_TLM_FLAG_LEAK }, XPO_PROTECT_LEAK,
		  XPO_PROTECT_POWER_OFF },
		{ { .tlm_flags = XPO_TLM_FLAG_FLOW_LALARM },
		  XPO_PROTECT_FLOW_LOW, XPO_PROTECT_LOW_POWER },
		{ { .temp_flags = CMIS_FLAG_TEMP_HALARM }, XPO_PROTECT_OVERTEMP,
		  XPO_PROTECT_LOW_POWER },
		{ { .engine_flags = BIT(7) }, XPO_PROTECT_OVERTEMP,
		  XPO_PROTECT_LOW_POWER },
	};
	struct xpo_protect_verdict v;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		decide(defaults, &cases[i].in, &v);
		KUNIT_EXPECT_EQ_MSG(test, v.conds, BIT(cases[i].cond), "case %u", i);
		KUNIT_EXPECT_EQ_MSG(test, v.cond, cases[i].cond, "case %u", i);
		KUNIT_EXPECT_EQ_MSG(test, v.action, cases[i].action, "case %u", i);
	}
}

static void xpo_protect_most_severe_wins(struct kunit *test)
{
	enum xpo_protect_action policy[XPO_PROTECT_NUM_COND] = {
		[XPO_PROTECT_LEAK]	= XPO_PROTECT_ALERT,
		[XPO_PROTECT_FLOW_LOW]	= XPO_PROTECT_LOW_POWER,
		[XPO_PROTECT_OVERTEMP]	= XPO_PROTECT_POWER_OFF,
	};
	struct xpo_protect_input in = {
		.leak_line = true,
		.tlm_flags = XPO_TLM_FLAG_FLOW_LALARM,
		.temp_flags = CMIS_FLAG_TEMP_HALARM,
	};
	struct xpo_protect_verdict v;

	decide(policy, &in, &v);
	KUNIT_EXPECT_EQ(test, v.conds, BIT(XPO_PROTECT_LEAK) |
			BIT(XPO_PROTECT_FLOW_LOW) | BIT(XPO_PROTECT_OVERTEMP));
	KUNIT_EXPECT_EQ(test, v.cond, XPO_PROTECT_OVERTEMP);
	KUNIT_EXPECT_EQ(test, v.action, XPO_PROTECT_POWER_OFF);

	/* a tie goes to the first condition: the leak */
	decide(defaults, &in, &v);
	KUNIT_EXPECT_EQ(test, v.cond, XPO_PROTECT_LEAK);
	policy[XPO_PROTECT_LEAK] = XPO_PROTECT_LOW_POWER;
	policy[XPO_PROTECT_OVERTEMP] = XPO_PROTECT_LOW_POWER;
	decide(policy, &in, &v);
	KUNIT_EXPECT_EQ(test, v.cond, XPO_PROTECT_LEAK);
	KUNIT_EXPECT_EQ(test, v.action, XPO_PROTECT_LOW_POWER);
}

static void xpo_protect_off_is_ignored(struct kunit *test)
{
	static const enum xpo_protect_action off[XPO_PROTECT_NUM_COND] = {};
	struct xpo_protect_input in = {
		.leak_line = true,
		.tlm_flags = XPO_TLM_FLAG_FLOW_LALARM,
	};
	struct xpo_protect_verdict v;

	decide(off, &in, &v);
	/* still seen (for the record), but nothing to do */
	KUNIT_EXPECT_EQ(test, v.conds, BIT(XPO_PROTECT_LEAK) |
			BIT(XPO_PROTECT_FLOW_LOW));
	KUNIT_EXPECT_EQ(test, v.action, XPO_PROTECT_OFF);
}

/* The host's limits add conditions from measured values */
static void xpo_protect_limits(struct kunit *test)
{
	s32 limit[XPO_PROTECT_NUM_COND] = {
		[XPO_PROTECT_FLOW_LOW]	= 400,		/* mL/min */
		[XPO_PROTECT_OVERTEMP]	= 60000,	/* 60 degC */
	};
	struct xpo_protect_input in = {
		.measured = true, .has_flow = true,
		.flow_mlpm = 400, .temp_mdegc = 59999,
	};
	struct xpo_protect_verdict v;

	/* at the flow limit and under the temperature limit: nothing */
	decide_limits(defaults, limit, &in, &v);
	KUNIT_EXPECT_EQ(test, v.conds, 0);

	in.flow_mlpm = 399;
	decide_limits(defaults, limit, &in, &v);
	KUNIT_EXPECT_EQ(test, v.conds, BIT(XPO_PROTECT_FLOW_LOW));
	KUNIT_EXPECT_EQ(test, v.action, XPO_PROTECT_LOW_POWER);

	in.flow_mlpm = 500;
	in.temp_mdegc = 60000;		/* "at" the limit trips */
	decide_limits(defaults, limit, &in, &v);
	KUNIT_EXPECT_EQ(test, v.conds, BIT(XPO_PROTECT_OVERTEMP));

	/* no limit set: the same values are no condition */
	in.flow_mlpm = 0;
	in.temp_mdegc = 140000;
	decide(defaults, &in, &v);
	KUNIT_EXPECT_EQ(test, v.conds, 0);

	/* values not measured, or a module without a flow sensor */
	in.measured = false;
	decide_limits(defaults, limit, &in, &v);
	KUNIT_EXPECT_EQ(test, v.conds, 0);
	in.measured = true;
	in.has_flow = false;
	in.temp_mdegc = 20000;
	decide_limits(defaults, limit, &in, &v);
	KUNIT_EXPECT_EQ(test, v.conds, 0);

	/* a limit adds to the module's alarms, never hides one */
	in.tlm_flags = XPO_TLM_FLAG_FLOW_LALARM;
	decide_limits(defaults, limit, &in, &v);
	KUNIT_EXPECT_EQ(test, v.conds, BIT(XPO_PROTECT_FLOW_LOW));
}

static void xpo_protect_limit_ranges(struct kunit *test)
{
	static const struct {
		enum xpo_protect_cond cond;
		s32 value;
		int ret;
	} cases[] = {
		{ XPO_PROTECT_FLOW_LOW, 0, 0 },
		{ XPO_PROTECT_FLOW_LOW, 1, 0 },
		{ XPO_PROTECT_FLOW_LOW, 100000, 0 },
		{ XPO_PROTECT_FLOW_LOW, 100001, -EINVAL },
		{ XPO_PROTECT_FLOW_LOW, -1, -EINVAL },
		{ XPO_PROTECT_OVERTEMP, 0, 0 },
		{ XPO_PROTECT_OVERTEMP, 19999, -EINVAL },
		{ XPO_PROTECT_OVERTEMP, 20000, 0 },
		{ XPO_PROTECT_OVERTEMP, 150000, 0 },
		{ XPO_PROTECT_OVERTEMP, 150001, -EINVAL },
		{ XPO_PROTECT_OVERTEMP, -40000, -EINVAL },
		{ XPO_PROTECT_LEAK, 0, -EINVAL },
		{ XPO_PROTECT_NUM_COND, 0, -EINVAL },
	};
	const char *why;
	unsigned int i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		why = "stale";
		ret = xpo_protect_limit_check(cases[i].cond, cases[i].value,
					      &why);
		KUNIT_EXPECT_EQ_MSG(test, ret, cases[i].ret, "case %u", i);
		/* a refusal says why, an acceptance leaves nothing behind */
		if (ret)
			KUNIT_EXPECT_NOT_NULL_MSG(test, why, "case %u", i);
		else
			KUNIT_EXPECT_NULL_MSG(test, why, "case %u", i);
	}
}

static void xpo_protect_defaults_test(struct kunit *test)
{
	struct xpo_protect p;
	unsigned int c;

	memset(&p, 0xff, sizeof(p));
	xpo_protect_defaults(&p);
	for (c = 0; c < XPO_PROTECT_NUM_COND; c++)
		KUNIT_EXPECT_EQ(test, p.policy[c], defaults[c]);
	KUNIT_EXPECT_FALSE(test, p.tripped);
	KUNIT_EXPECT_EQ(test, p.alerts, 0);
	KUNIT_EXPECT_FALSE(test, xpo_protect_has_limits(&p));
}

static void xpo_protect_names(struct kunit *test)
{
	unsigned int a;

	for (a = 0; a < XPO_PROTECT_NUM_ACTION; a++) {
		char buf[24];

		snprintf(buf, sizeof(buf), "%s\n", xpo_protect_action_name(a));
		KUNIT_EXPECT_EQ(test, xpo_protect_action_parse(buf), (int)a);
	}
	KUNIT_EXPECT_EQ(test, xpo_protect_action_parse("shutdown"), -EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_protect_action_parse(""), -EINVAL);
	KUNIT_EXPECT_STREQ(test, xpo_protect_cond_name(XPO_PROTECT_FLOW_LOW),
			   "flow-low");
	KUNIT_EXPECT_STREQ(test, xpo_protect_cond_name(XPO_PROTECT_NUM_COND),
			   "?");
}

static struct kunit_case xpo_protect_cases[] = {
	KUNIT_CASE(xpo_protect_nothing),
	KUNIT_CASE(xpo_protect_each_input),
	KUNIT_CASE(xpo_protect_most_severe_wins),
	KUNIT_CASE(xpo_protect_off_is_ignored),
	KUNIT_CASE(xpo_protect_limits),
	KUNIT_CASE(xpo_protect_limit_ranges),
	KUNIT_CASE(xpo_protect_defaults_test),
	KUNIT_CASE(xpo_protect_names),
	{}
};

static struct kunit_suite xpo_protect_suite = {
	.name = "xpo_protect",
	.test_cases = xpo_protect_cases,
};

kunit_test_suite(xpo_protect_suite);
