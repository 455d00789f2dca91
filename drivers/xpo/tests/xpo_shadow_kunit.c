// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the shadow of latched bytes (xpo_shadow.c): which bytes latch,
 * that a read keeps its bits for every other client, that a client sees
 * what others read before it exactly once, and take without and with
 * clearing.
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include "../xpo_shadow.h"

static void xpo_shadow_test_index(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, xpo_shadow_index(0, 0, 7), -1);
	KUNIT_EXPECT_EQ(test, xpo_shadow_index(0, 0, 8), XPO_SHADOW_MODULE);
	KUNIT_EXPECT_EQ(test, xpo_shadow_index(3, 0x11, 13),
			XPO_SHADOW_MODULE + 5);	/* lower memory: no page */
	KUNIT_EXPECT_EQ(test, xpo_shadow_index(0, 0, 14), -1);
	KUNIT_EXPECT_EQ(test, xpo_shadow_index(0, 0x00, 139), -1);
	KUNIT_EXPECT_EQ(test, xpo_shadow_index(0, 0xb0, 138), -1);
	KUNIT_EXPECT_EQ(test, xpo_shadow_index(0, 0xb0, 139), XPO_SHADOW_TLM);
	KUNIT_EXPECT_EQ(test, xpo_shadow_index(0, 0xb0, 140),
			XPO_SHADOW_TLM + 1);
	KUNIT_EXPECT_EQ(test, xpo_shadow_index(0, 0xb0, 141), -1);
	KUNIT_EXPECT_EQ(test, xpo_shadow_index(0, 0x11, 133), -1);
	KUNIT_EXPECT_EQ(test, xpo_shadow_index(0, 0x11, 134), XPO_SHADOW_LANES);
	KUNIT_EXPECT_EQ(test, xpo_shadow_index(7, 0x11, 152),
			XPO_SHADOW_BYTES - 1);
	KUNIT_EXPECT_EQ(test, xpo_shadow_index(7, 0x11, 153), -1);
	KUNIT_EXPECT_EQ(test, xpo_shadow_index(8, 0x11, 134), -1);
	KUNIT_EXPECT_EQ(test, xpo_shadow_index(0, 0x10, 134), -1);
}

/* Whoever reads first, every other client gets the bits, once */
static void xpo_shadow_test_delivery(struct kunit *test)
{
	struct xpo_shadow *sh = kunit_kzalloc(test, sizeof(*sh), GFP_KERNEL);
	u8 buf[6], got[1];
	u32 fresh;

	KUNIT_ASSERT_NOT_NULL(test, sh);
	/* user space reads 00h:8-13 and takes a temperature alarm (00h:9) */
	memset(buf, 0, sizeof(buf));
	buf[1] = 0x01;
	fresh = xpo_shadow_read(sh, XPO_CLIENT_HOST, 0, 0, 8, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, buf[1], 0x01);
	KUNIT_EXPECT_EQ(test, fresh, (u32)(BIT(XPO_CLIENT_NUM) - 1) &
			~BIT(XPO_CLIENT_HOST));

	/* the protection and hwmon are handed it */
	KUNIT_EXPECT_TRUE(test, xpo_shadow_take(sh, XPO_CLIENT_PROTECT, 0, 0,
						9, got, 1, true));
	KUNIT_EXPECT_EQ(test, got[0], 0x01);
	KUNIT_EXPECT_FALSE(test, xpo_shadow_take(sh, XPO_CLIENT_PROTECT, 0, 0,
						 9, got, 1, true));
	KUNIT_EXPECT_TRUE(test, xpo_shadow_take(sh, XPO_CLIENT_HWMON, 0, 0, 9,
						got, 1, true));

	/* the state machine reads the flags, now clear in the module: it
	 * sees what user space took, and only once
	 */
	memset(buf, 0, sizeof(buf));
	xpo_shadow_read(sh, XPO_CLIENT_SM, 0, 0, 8, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, buf[1], 0x01);
	memset(buf, 0, sizeof(buf));
	xpo_shadow_read(sh, XPO_CLIENT_SM, 0, 0, 8, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, buf[1], 0x00);

	/* user space does not see its own bit twice */
	memset(buf, 0, sizeof(buf));
	xpo_shadow_read(sh, XPO_CLIENT_HOST, 0, 0, 8, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, buf[1], 0x00);
}

/* Bits accumulate until looked at; looking without clearing keeps them */
static void xpo_shadow_test_accumulate(struct kunit *test)
{
	struct xpo_shadow *sh = kunit_kzalloc(test, sizeof(*sh), GFP_KERNEL);
	u8 b, got[2];

	KUNIT_ASSERT_NOT_NULL(test, sh);
	b = 0x02;	/* B0h:139 flow low alarm */
	xpo_shadow_read(sh, XPO_CLIENT_SM, 0, 0xb0, 139, &b, 1);
	b = 0x01;	/* then a leak */
	xpo_shadow_read(sh, XPO_CLIENT_SM, 0, 0xb0, 139, &b, 1);
	KUNIT_EXPECT_TRUE(test, xpo_shadow_take(sh, XPO_CLIENT_PROTECT, 0,
						0xb0, 139, got, 2, false));
	KUNIT_EXPECT_EQ(test, got[0], 0x03);
	KUNIT_EXPECT_EQ(test, got[1], 0x00);
	KUNIT_EXPECT_TRUE(test, xpo_shadow_take(sh, XPO_CLIENT_PROTECT, 0,
						0xb0, 139, got, 2, true));
	KUNIT_EXPECT_EQ(test, got[0], 0x03);
	KUNIT_EXPECT_FALSE(test, xpo_shadow_take(sh, XPO_CLIENT_PROTECT, 0,
						 0xb0, 139, got, 2, true));
}

/* Lane flags are kept per bank; bytes that do not latch pass untouched */
static void xpo_shadow_test_lanes(struct kunit *test)
{
	struct xpo_shadow *sh = kunit_kzalloc(test, sizeof(*sh), GFP_KERNEL);
	u8 buf[4] = { 0x11, 0x22, 0x33, 0x44 };	/* 11h:132-135 */
	u8 got[1];

	KUNIT_ASSERT_NOT_NULL(test, sh);
	xpo_shadow_read(sh, XPO_CLIENT_HOST, 5, 0x11, 132, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, buf[0], 0x11);
	KUNIT_EXPECT_EQ(test, buf[3], 0x44);
	KUNIT_EXPECT_FALSE(test, xpo_shadow_take(sh, XPO_CLIENT_LANES, 4, 0x11,
						 134, got, 1, true));
	KUNIT_EXPECT_TRUE(test, xpo_shadow_take(sh, XPO_CLIENT_LANES, 5, 0x11,
						134, got, 1, true));
	KUNIT_EXPECT_EQ(test, got[0], 0x33);
	KUNIT_EXPECT_FALSE(test, xpo_shadow_take(sh, XPO_CLIENT_LANES, 5, 0x11,
						 132, got, 1, true));
	xpo_shadow_clear(sh);
	KUNIT_EXPECT_FALSE(test, xpo_shadow_take(sh, XPO_CLIENT_SM, 5, 0x11,
						 135, got, 1, true));
}

static struct kunit_case xpo_shadow_test_cases[] = {
	KUNIT_CASE(xpo_shadow_test_index),
	KUNIT_CASE(xpo_shadow_test_delivery),
	KUNIT_CASE(xpo_shadow_test_accumulate),
	KUNIT_CASE(xpo_shadow_test_lanes),
	{}
};

static struct kunit_suite xpo_shadow_test_suite = {
	.name = "xpo_shadow",
	.test_cases = xpo_shadow_test_cases,
};

kunit_test_suite(xpo_shadow_test_suite);
