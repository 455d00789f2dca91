// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the telemetry snapshot's rules (xpo_telemetry.h): a leased module
 * is never read, readers get the last snapshot marked stale only when they
 * ask for it; the decoding of a lane's monitors and flags
 * (xpo_cmis_decode_lane()); and the lane flags reaching telemetry through
 * the shadow without being taken from the lanes or the protection.
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include "../cmis.h"
#include "../xpo_cmis_decode.h"
#include "../xpo_shadow.h"
#include "../xpo_telemetry.h"

static void xpo_telemetry_test_decide(struct kunit *test)
{
	/* no module that answers management: nothing, leased or not */
	KUNIT_EXPECT_EQ(test, xpo_tlm_decide(false, false, true, false, true),
			XPO_TLM_NODATA);
	KUNIT_EXPECT_EQ(test, xpo_tlm_decide(false, true, true, true, true),
			XPO_TLM_NODATA);
	/* free: refresh when due or invalid, else the snapshot */
	KUNIT_EXPECT_EQ(test, xpo_tlm_decide(true, false, true, false, false),
			XPO_TLM_CACHED);
	KUNIT_EXPECT_EQ(test, xpo_tlm_decide(true, false, true, true, false),
			XPO_TLM_REFRESH);
	KUNIT_EXPECT_EQ(test, xpo_tlm_decide(true, false, false, false, true),
			XPO_TLM_REFRESH);
	/* leased: never a refresh, however old or forced */
	KUNIT_EXPECT_EQ(test, xpo_tlm_decide(true, true, true, true, true),
			XPO_TLM_STALE);
	KUNIT_EXPECT_EQ(test, xpo_tlm_decide(true, true, true, false, true),
			XPO_TLM_STALE);
	/* ... hwmon takes no old value ... */
	KUNIT_EXPECT_EQ(test, xpo_tlm_decide(true, true, true, true, false),
			XPO_TLM_BUSY);
	/* ... and without a snapshot there is none to give */
	KUNIT_EXPECT_EQ(test, xpo_tlm_decide(true, true, false, true, true),
			XPO_TLM_BUSY);
}

/* 11h:154-201 of a bank: lane n's Tx power, bias and Rx power */
static void xpo_telemetry_mon(u8 *mon, unsigned int lane, u16 txp, u16 bias,
			      u16 rxp)
{
	u8 *p = mon + 2 * lane;

	p[0] = txp >> 8;
	p[1] = txp;
	p[16] = bias >> 8;
	p[17] = bias;
	p[32] = rxp >> 8;
	p[33] = rxp;
}

static void xpo_telemetry_test_lane(struct kunit *test)
{
	u8 mon[CMIS_P11_LANE_MON_LEN] = { 0 };
	u8 flags[CMIS_P11_LANE_FLAGS_LEN] = { 0 };
	u8 all = CMIS_P01_MON_TX_BIAS | CMIS_P01_MON_TX_POWER |
		 CMIS_P01_MON_RX_POWER;
	struct xpo_cmis_lane l;

	xpo_telemetry_mon(mon, 3, 15849, 35000, 12023);
	xpo_telemetry_mon(mon, 7, 0xffff, 0xffff, 1);
	flags[CMIS_P11_TX_FAULT - CMIS_P11_LANE_FLAGS] = BIT(3);
	flags[CMIS_P11_RX_LOS - CMIS_P11_LANE_FLAGS] = BIT(3) | BIT(4);
	flags[CMIS_P11_LANE_FLAGS_LEN - 1] = BIT(3);

	xpo_cmis_decode_lane(&l, mon, flags, all, 3);
	KUNIT_EXPECT_TRUE(test, l.has_tx_power && l.has_tx_bias &&
			  l.has_rx_power);
	KUNIT_EXPECT_EQ(test, l.tx_power_nw, 1584900U);	/* 0.1 uW units */
	KUNIT_EXPECT_EQ(test, l.tx_bias_ua, 70000U);	/* 2 uA units */
	KUNIT_EXPECT_EQ(test, l.rx_power_nw, 1202300U);
	KUNIT_EXPECT_EQ(test, l.flags,
			(u32)(BIT(CMIS_P11_TX_FAULT - CMIS_P11_LANE_FLAGS) |
			      BIT(CMIS_P11_RX_LOS - CMIS_P11_LANE_FLAGS) |
			      BIT(CMIS_P11_LANE_FLAGS_LEN - 1)));

	/* full scale fits u32; the bias multiplier (x4) applies */
	xpo_cmis_decode_lane(&l, mon, NULL, all | (2 << 3), 7);
	KUNIT_EXPECT_EQ(test, l.tx_power_nw, 6553500U);
	KUNIT_EXPECT_EQ(test, l.tx_bias_ua, 8U * 0xffff);
	KUNIT_EXPECT_EQ(test, l.rx_power_nw, 100U);
	KUNIT_EXPECT_EQ(test, l.flags, 0U);

	/* reserved multiplier: no bias; monitors not advertised: absent */
	xpo_cmis_decode_lane(&l, mon, flags, all | (3 << 3), 3);
	KUNIT_EXPECT_FALSE(test, l.has_tx_bias);
	KUNIT_EXPECT_EQ(test, l.tx_bias_ua, 0U);
	xpo_cmis_decode_lane(&l, mon, flags, CMIS_P01_MON_RX_POWER, 3);
	KUNIT_EXPECT_FALSE(test, l.has_tx_power);
	KUNIT_EXPECT_FALSE(test, l.has_tx_bias);
	KUNIT_EXPECT_TRUE(test, l.has_rx_power);
	KUNIT_EXPECT_EQ(test, l.tx_power_nw, 0U);

	/* a lane beyond the bank: nothing */
	xpo_cmis_decode_lane(&l, mon, flags, all, 8);
	KUNIT_EXPECT_FALSE(test, l.has_rx_power);
	KUNIT_EXPECT_EQ(test, l.flags, 0U);
}

/*
 * The lanes read a bank's flags: telemetry is handed them (once), and
 * the lanes' and the protection's view is untouched by telemetry taking
 * its copy.
 */
static void xpo_telemetry_test_shadow(struct kunit *test)
{
	struct xpo_shadow *sh = kunit_kzalloc(test, sizeof(*sh), GFP_KERNEL);
	u8 buf[CMIS_P11_LANE_FLAGS_LEN] = { 0 };
	u8 got[CMIS_P11_LANE_FLAGS_LEN];
	unsigned int rx_los = CMIS_P11_RX_LOS - CMIS_P11_LANE_FLAGS;
	u32 fresh;

	KUNIT_ASSERT_NOT_NULL(test, sh);
	buf[rx_los] = BIT(1);
	fresh = xpo_shadow_read(sh, XPO_CLIENT_LANES, 2, CMIS_PAGE_LANE_STATUS,
				CMIS_P11_LANE_FLAGS, buf, sizeof(buf));
	KUNIT_EXPECT_TRUE(test, fresh & BIT(XPO_CLIENT_TELEMETRY));
	KUNIT_EXPECT_EQ(test, buf[rx_los], BIT(1));	/* the lanes saw it */

	KUNIT_EXPECT_TRUE(test, xpo_shadow_take(sh, XPO_CLIENT_TELEMETRY, 2,
						CMIS_PAGE_LANE_STATUS,
						CMIS_P11_LANE_FLAGS, got,
						sizeof(got), true));
	KUNIT_EXPECT_EQ(test, got[rx_los], BIT(1));
	/* once: the next refresh has nothing new */
	KUNIT_EXPECT_FALSE(test, xpo_shadow_take(sh, XPO_CLIENT_TELEMETRY, 2,
						 CMIS_PAGE_LANE_STATUS,
						 CMIS_P11_LANE_FLAGS, got,
						 sizeof(got), true));
	/* other banks got nothing */
	KUNIT_EXPECT_FALSE(test, xpo_shadow_take(sh, XPO_CLIENT_TELEMETRY, 3,
						 CMIS_PAGE_LANE_STATUS,
						 CMIS_P11_LANE_FLAGS, got,
						 sizeof(got), false));
	/* the others still have theirs: telemetry took its own copy */
	KUNIT_EXPECT_TRUE(test, xpo_shadow_take(sh, XPO_CLIENT_PROTECT, 2,
						CMIS_PAGE_LANE_STATUS,
						CMIS_P11_LANE_FLAGS, got,
						sizeof(got), false));
	KUNIT_EXPECT_EQ(test, got[rx_los], BIT(1));
	/* and the lanes, the reader, have nothing pending twice */
	KUNIT_EXPECT_FALSE(test, xpo_shadow_take(sh, XPO_CLIENT_LANES, 2,
						 CMIS_PAGE_LANE_STATUS,
						 CMIS_P11_LANE_FLAGS, got,
						 sizeof(got), false));
}

static struct kunit_case xpo_telemetry_test_cases[] = {
	KUNIT_CASE(xpo_telemetry_test_decide),
	KUNIT_CASE(xpo_telemetry_test_lane),
	KUNIT_CASE(xpo_telemetry_test_shadow),
	{}
};

static struct kunit_suite xpo_telemetry_test_suite = {
	.name = "xpo_telemetry",
	.test_cases = xpo_telemetry_test_cases,
};

kunit_test_suite(xpo_telemetry_test_suite);
