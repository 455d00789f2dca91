// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: coherent laser tuning (xpo_tune.c) on page images built byte by
 * byte here.  The ZR advertisement is that of the emulator's xpo-zr
 * personality (sim/personality.c), copied, not shared: 75 GHz channels
 * -72..120 (191.3-196.1 THz, SONiC's example module), 100 GHz channels
 * -18..30 (the same band), output power -15.00..+1.00 dBm.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/string.h>

#include "../cmis.h"
#include "../xpo_compat.h"
#include "../xpo_tune.h"

#define UP(off)		((off) - CMIS_UPPER_OFFSET)

struct image {
	u8 page01[CMIS_PAGE_SIZE];
	u8 page04[CMIS_PAGE_SIZE];
	u8 page12[CMIS_PAGE_SIZE];
};

static void put_range(u8 *p04, unsigned int grid, s16 low, s16 high)
{
	put_unaligned_be16(low, &p04[UP(XPO_TUNE_P04_CHANNELS) + 4 * grid]);
	put_unaligned_be16(high, &p04[UP(XPO_TUNE_P04_CHANNELS) + 4 * grid + 2]);
}

static void zr_image(struct image *img)
{
	memset(img, 0, sizeof(*img));
	img->page01[UP(XPO_TUNE_P01_CTRL_ADV)] = XPO_TUNE_ADV_WAVELENGTH_CTRL |
						 XPO_TUNE_ADV_TUNABLE;
	img->page04[UP(XPO_TUNE_P04_GRIDS)] = BIT(7) | BIT(5);	/* 75, 100 */
	put_range(img->page04, XPO_GRID_75, -72, 120);
	put_range(img->page04, XPO_GRID_100, -18, 30);
	put_unaligned_be16(-1500, &img->page04[UP(XPO_TUNE_P04_POWER_MIN)]);
	put_unaligned_be16(100, &img->page04[UP(XPO_TUNE_P04_POWER_MAX)]);
}

static void xpo_tune_test_grid_codes(struct kunit *test)
{
	static const char * const names[] = {
		"3.125", "6.25", "12.5", "25", "50", "100", "33", "75", "150",
	};
	unsigned int g;

	/* SONiC c_cmis.py get_freq_grid(): 0 3.125 ... 7 75, 8 150 GHz */
	for (g = 0; g < XPO_GRID_NUM; g++) {
		KUNIT_EXPECT_STREQ(test, xpo_tune_grid_name(g), names[g]);
		KUNIT_EXPECT_EQ(test, xpo_tune_grid_from_ghz(names[g]), (int)g);
		KUNIT_EXPECT_EQ(test,
				xpo_tune_grid_from_mhz(xpo_tune_grid_mhz(g)),
				(int)g);
	}
	KUNIT_EXPECT_EQ(test, xpo_tune_grid_mhz(XPO_GRID_75), 75000);
	KUNIT_EXPECT_EQ(test, xpo_tune_grid_mhz(XPO_GRID_3P125), 3125);
	KUNIT_EXPECT_EQ(test, xpo_tune_grid_from_mhz(33000), XPO_GRID_33);
	KUNIT_EXPECT_EQ(test, xpo_tune_grid_from_mhz(70000), -EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_tune_grid_from_ghz("37.5"), -EINVAL);
	KUNIT_EXPECT_STREQ(test, xpo_tune_grid_name(9), "?");
	KUNIT_EXPECT_EQ(test, xpo_tune_grid_mhz(15), 0);
	/* 12h:128 writes of SONiC's set_laser_freq(): 0x70, 0x50, 0x80 */
	KUNIT_EXPECT_EQ(test, FIELD_PREP(XPO_TUNE_GRID_SPACING, XPO_GRID_75),
			0x70);
	KUNIT_EXPECT_EQ(test, FIELD_PREP(XPO_TUNE_GRID_SPACING, XPO_GRID_100),
			0x50);
	KUNIT_EXPECT_EQ(test, FIELD_PREP(XPO_TUNE_GRID_SPACING, XPO_GRID_150),
			0x80);
}

static void xpo_tune_test_freq(struct kunit *test)
{
	u32 f;
	s16 n;

	/* channel 0 is 193.1 THz on every grid but 150 GHz */
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(XPO_GRID_100, 0, &f), 0);
	KUNIT_EXPECT_EQ(test, f, 193100000);
	/* 100 GHz: 193.1 + n * 0.1 THz */
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(XPO_GRID_100, 30, &f), 0);
	KUNIT_EXPECT_EQ(test, f, 196100000);
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(XPO_GRID_100, -18, &f), 0);
	KUNIT_EXPECT_EQ(test, f, 191300000);
	/* 75 GHz counts 25 GHz steps, every third one: SONiC's -72..120 */
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(XPO_GRID_75, -72, &f), 0);
	KUNIT_EXPECT_EQ(test, f, 191300000);
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(XPO_GRID_75, 120, &f), 0);
	KUNIT_EXPECT_EQ(test, f, 196100000);
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(XPO_GRID_75, 3, &f), 0);
	KUNIT_EXPECT_EQ(test, f, 193175000);
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(XPO_GRID_75, 4, &f), -EINVAL);
	/* 150 GHz: 193.1 + (n + 3) * 0.025 THz, n a multiple of 6 */
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(XPO_GRID_150, 0, &f), 0);
	KUNIT_EXPECT_EQ(test, f, 193175000);
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(XPO_GRID_150, -6, &f), 0);
	KUNIT_EXPECT_EQ(test, f, 193025000);
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(XPO_GRID_150, 3, &f), -EINVAL);
	/* fine grids */
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(XPO_GRID_3P125, -1, &f), 0);
	KUNIT_EXPECT_EQ(test, f, 193096875);
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(XPO_GRID_6P25, 3, &f), 0);
	KUNIT_EXPECT_EQ(test, f, 193118750);
	/* 33 GHz: 100/3 GHz steps, rounded to MHz */
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(XPO_GRID_33, 1, &f), 0);
	KUNIT_EXPECT_EQ(test, f, 193133333);
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(XPO_GRID_33, -1, &f), 0);
	KUNIT_EXPECT_EQ(test, f, 193066667);
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(XPO_GRID_33, 3, &f), 0);
	KUNIT_EXPECT_EQ(test, f, 193200000);
	KUNIT_EXPECT_EQ(test, xpo_tune_freq(9, 0, &f), -EINVAL);

	/* and back */
	KUNIT_EXPECT_EQ(test, xpo_tune_channel(XPO_GRID_75, 196100000, &n), 0);
	KUNIT_EXPECT_EQ(test, n, 120);
	KUNIT_EXPECT_EQ(test, xpo_tune_channel(XPO_GRID_75, 191300000, &n), 0);
	KUNIT_EXPECT_EQ(test, n, -72);
	/* 193.125 THz is a 25 GHz step, not a 75 GHz channel */
	KUNIT_EXPECT_EQ(test, xpo_tune_channel(XPO_GRID_75, 193125000, &n),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_tune_channel(XPO_GRID_100, 193150000, &n),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_tune_channel(XPO_GRID_100, 190000000, &n), 0);
	KUNIT_EXPECT_EQ(test, n, -31);
	KUNIT_EXPECT_EQ(test, xpo_tune_channel(XPO_GRID_150, 193175000, &n), 0);
	KUNIT_EXPECT_EQ(test, n, 0);
	KUNIT_EXPECT_EQ(test, xpo_tune_channel(XPO_GRID_150, 193100000, &n),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_tune_channel(XPO_GRID_33, 193133333, &n), 0);
	KUNIT_EXPECT_EQ(test, n, 1);
	KUNIT_EXPECT_EQ(test, xpo_tune_channel(XPO_GRID_33, 193066667, &n), 0);
	KUNIT_EXPECT_EQ(test, n, -1);
	KUNIT_EXPECT_EQ(test, xpo_tune_channel(XPO_GRID_33, 193133000, &n),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_tune_channel(XPO_GRID_3P125, 193096875, &n),
			0);
	KUNIT_EXPECT_EQ(test, n, -1);
	/* beyond s16 channel numbers: 3.125 GHz * 32768 = 102.4 THz */
	KUNIT_EXPECT_EQ(test, xpo_tune_channel(XPO_GRID_3P125, 90000000, &n),
			-EINVAL);
}

static void xpo_tune_test_caps(struct kunit *test)
{
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);
	struct xpo_tune_caps c;
	char buf[48];
	u32 lo, hi;

	KUNIT_ASSERT_NOT_NULL(test, img);
	zr_image(img);
	xpo_tune_caps_decode(&c, img->page01, img->page04);
	KUNIT_EXPECT_TRUE(test, c.tunable);
	KUNIT_EXPECT_EQ(test, c.grids, BIT(XPO_GRID_75) | BIT(XPO_GRID_100));
	KUNIT_EXPECT_FALSE(test, c.fine);
	KUNIT_EXPECT_EQ(test, c.low[XPO_GRID_75], -72);
	KUNIT_EXPECT_EQ(test, c.high[XPO_GRID_75], 120);
	KUNIT_EXPECT_EQ(test, c.low[XPO_GRID_100], -18);
	KUNIT_EXPECT_EQ(test, c.high[XPO_GRID_100], 30);
	KUNIT_EXPECT_EQ(test, c.power_min, -1500);
	KUNIT_EXPECT_EQ(test, c.power_max, 100);
	/* SONiC reads the 75 GHz range at 04h:158/160, power at 198/200 */
	KUNIT_EXPECT_EQ(test, XPO_TUNE_P04_CHANNELS + 4 * XPO_GRID_75, 158);
	KUNIT_EXPECT_EQ(test, XPO_TUNE_P04_CHANNELS + 4 * XPO_GRID_75 + 2, 160);
	KUNIT_EXPECT_EQ(test, XPO_TUNE_P04_CHANNELS + 4 * XPO_GRID_100, 150);
	KUNIT_EXPECT_EQ(test, XPO_TUNE_P04_CHANNELS + 4 * XPO_GRID_150, 162);

	KUNIT_EXPECT_EQ(test, xpo_tune_range_mhz(&c, XPO_GRID_75, &lo, &hi), 0);
	KUNIT_EXPECT_EQ(test, lo, 191300000);
	KUNIT_EXPECT_EQ(test, hi, 196100000);
	KUNIT_EXPECT_EQ(test, xpo_tune_range_mhz(&c, XPO_GRID_100, &lo, &hi), 0);
	KUNIT_EXPECT_EQ(test, lo, 191300000);
	KUNIT_EXPECT_EQ(test, hi, 196100000);
	KUNIT_EXPECT_EQ(test, xpo_tune_range_mhz(&c, XPO_GRID_50, &lo, &hi),
			-EOPNOTSUPP);
	xpo_tune_grids_str(&c, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "75, 100 GHz");

	/* 150 GHz and fine tuning are in byte 129 */
	img->page04[UP(XPO_TUNE_P04_GRIDS2)] = XPO_TUNE_P04_FINE |
					       XPO_TUNE_P04_GRID_150;
	put_range(img->page04, XPO_GRID_150, -60, 60);
	put_unaligned_be16(1000, &img->page04[UP(XPO_TUNE_P04_FINE_RES)]);
	put_unaligned_be16(-6000, &img->page04[UP(XPO_TUNE_P04_FINE_LOW)]);
	put_unaligned_be16(6000, &img->page04[UP(XPO_TUNE_P04_FINE_HIGH)]);
	xpo_tune_caps_decode(&c, img->page01, img->page04);
	KUNIT_EXPECT_TRUE(test, c.fine);
	KUNIT_EXPECT_TRUE(test, c.grids & BIT(XPO_GRID_150));
	KUNIT_EXPECT_EQ(test, c.fine_res, 1000);
	KUNIT_EXPECT_EQ(test, c.fine_low, -6000);
	KUNIT_EXPECT_EQ(test, c.fine_high, 6000);
	xpo_tune_grids_str(&c, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "75, 100, 150 GHz");

	/* page 04h means nothing without 01h:155 b6 */
	img->page01[UP(XPO_TUNE_P01_CTRL_ADV)] = XPO_TUNE_ADV_WAVELENGTH_CTRL;
	xpo_tune_caps_decode(&c, img->page01, img->page04);
	KUNIT_EXPECT_FALSE(test, c.tunable);
	KUNIT_EXPECT_EQ(test, c.grids, 0);
	xpo_tune_grids_str(&c, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "none");
	/* nor is page 04h read when the caller has none */
	img->page01[UP(XPO_TUNE_P01_CTRL_ADV)] = XPO_TUNE_ADV_TUNABLE;
	xpo_tune_caps_decode(&c, img->page01, NULL);
	KUNIT_EXPECT_TRUE(test, c.tunable);
	KUNIT_EXPECT_EQ(test, c.grids, 0);
}

static void xpo_tune_test_check(struct kunit *test)
{
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);
	char msg[XPO_TUNE_MSG_LEN];
	struct xpo_tune_caps c;
	s16 n = 0;

	KUNIT_ASSERT_NOT_NULL(test, img);
	zr_image(img);
	xpo_tune_caps_decode(&c, img->page01, img->page04);

	KUNIT_EXPECT_EQ(test, xpo_tune_check_channel(&c, XPO_GRID_75, 120,
						     msg, sizeof(msg)), 0);
	KUNIT_EXPECT_EQ(test, xpo_tune_check_channel(&c, XPO_GRID_100, -18,
						     msg, sizeof(msg)), 0);
	KUNIT_EXPECT_EQ(test, xpo_tune_check_channel(&c, XPO_GRID_75, 123,
						     msg, sizeof(msg)), -EINVAL);
	KUNIT_EXPECT_STREQ(test, msg,
			   "channel 123 out of range -72..120 on the 75 GHz grid");
	KUNIT_EXPECT_EQ(test, xpo_tune_check_channel(&c, XPO_GRID_100, 31,
						     msg, sizeof(msg)), -EINVAL);
	KUNIT_EXPECT_STREQ(test, msg,
			   "channel 31 out of range -18..30 on the 100 GHz grid");
	KUNIT_EXPECT_EQ(test, xpo_tune_check_channel(&c, XPO_GRID_75, 80,
						     msg, sizeof(msg)), -EINVAL);
	KUNIT_EXPECT_STREQ(test, msg,
			   "channel 80 is not on the 75 GHz grid (multiples of 3)");
	KUNIT_EXPECT_EQ(test, xpo_tune_check_channel(&c, XPO_GRID_50, 0,
						     msg, sizeof(msg)),
			-EOPNOTSUPP);
	KUNIT_EXPECT_STREQ(test, msg,
			   "module does not support the 50 GHz grid (grids: 75, 100 GHz)");
	KUNIT_EXPECT_EQ(test, xpo_tune_check_channel(&c, 12, 0, msg,
						     sizeof(msg)), -EINVAL);
	KUNIT_EXPECT_STREQ(test, msg, "grid spacing code 12 is reserved");

	/* frequencies */
	KUNIT_EXPECT_EQ(test, xpo_tune_check_freq(&c, XPO_GRID_75, 196100000,
						  &n, msg, sizeof(msg)), 0);
	KUNIT_EXPECT_EQ(test, n, 120);
	KUNIT_EXPECT_EQ(test, xpo_tune_check_freq(&c, XPO_GRID_100, 193400000,
						  &n, msg, sizeof(msg)), 0);
	KUNIT_EXPECT_EQ(test, n, 3);
	KUNIT_EXPECT_EQ(test, xpo_tune_check_freq(&c, XPO_GRID_75, 196175000,
						  &n, msg, sizeof(msg)),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, msg,
			   "196175 GHz out of range 191300..196100 GHz on the 75 GHz grid");
	KUNIT_EXPECT_EQ(test, xpo_tune_check_freq(&c, XPO_GRID_75, 193103125,
						  &n, msg, sizeof(msg)),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, msg,
			   "193103.125 GHz is not on the 75 GHz grid");

	/* power */
	KUNIT_EXPECT_EQ(test, xpo_tune_check_power(&c, -1500, msg, sizeof(msg)),
			0);
	KUNIT_EXPECT_EQ(test, xpo_tune_check_power(&c, 100, msg, sizeof(msg)),
			0);
	KUNIT_EXPECT_EQ(test, xpo_tune_check_power(&c, -1501, msg, sizeof(msg)),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, msg,
			   "output power -15.01 dBm out of range -15.00..+1.00 dBm");
	KUNIT_EXPECT_EQ(test, xpo_tune_check_power(&c, 105, msg, sizeof(msg)),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, msg,
			   "output power +1.05 dBm out of range -15.00..+1.00 dBm");
	/* a laser with no programmable power advertises 0..0 */
	memset(&img->page04[UP(XPO_TUNE_P04_POWER_MIN)], 0, 4);
	xpo_tune_caps_decode(&c, img->page01, img->page04);
	KUNIT_EXPECT_EQ(test, xpo_tune_check_power(&c, 0, msg, sizeof(msg)),
			-EOPNOTSUPP);
	KUNIT_EXPECT_STREQ(test, msg,
			   "module does not advertise a programmable output power");

	/* a module that is not tunable */
	memset(img, 0, sizeof(*img));
	xpo_tune_caps_decode(&c, img->page01, img->page04);
	KUNIT_EXPECT_EQ(test, xpo_tune_check_channel(&c, XPO_GRID_75, 0, msg,
						     sizeof(msg)), -EOPNOTSUPP);
	KUNIT_EXPECT_STREQ(test, msg, "module has no tunable laser");
	KUNIT_EXPECT_EQ(test, xpo_tune_check_power(&c, 0, NULL, 0),
			-EOPNOTSUPP);
}

static void xpo_tune_test_page12(struct kunit *test)
{
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);
	struct xpo_tune_lane t;
	u8 *p;

	KUNIT_ASSERT_NOT_NULL(test, img);
	p = img->page12;
	/* lane 3: 75 GHz with fine tuning enabled, channel -72, 191.3 THz */
	p[UP(130)] = 0x71;
	p[UP(140)] = 0xff;
	p[UP(141)] = 0xb8;			/* -72 */
	put_unaligned_be16(-250, &p[UP(156)]);	/* fine offset */
	put_unaligned_be32(191300000, &p[UP(176)]);
	put_unaligned_be16(-1000, &p[UP(204)]);	/* -10.00 dBm */
	p[UP(224)] = XPO_TUNE_ST_IN_PROGRESS | XPO_TUNE_ST_UNLOCKED;
	p[UP(233)] = XPO_TUNE_FL_BAD_CHANNEL;
	xpo_tune_lane_decode(p, 2, &t);
	KUNIT_EXPECT_EQ(test, t.grid, XPO_GRID_75);
	KUNIT_EXPECT_TRUE(test, t.fine_enable);
	KUNIT_EXPECT_EQ(test, t.channel, -72);
	KUNIT_EXPECT_EQ(test, t.fine_offset, -250);
	KUNIT_EXPECT_EQ(test, t.freq_mhz, 191300000);
	KUNIT_EXPECT_EQ(test, t.power, -1000);
	KUNIT_EXPECT_EQ(test, t.status, 0x03);
	KUNIT_EXPECT_EQ(test, t.flags, XPO_TUNE_FL_BAD_CHANNEL);
	/* SONiC's tuning summary bits: 62 = bits 1-5 */
	KUNIT_EXPECT_EQ(test, XPO_TUNE_FL_ALL & ~XPO_TUNE_FL_COMPLETE, 62);

	/* encode keeps the fine enable bit, touches only the lane */
	xpo_tune_encode_channel(p, 2, XPO_GRID_100, 30);
	KUNIT_EXPECT_EQ(test, p[UP(130)], 0x51);
	KUNIT_EXPECT_EQ(test, p[UP(140)], 0x00);
	KUNIT_EXPECT_EQ(test, p[UP(141)], 30);
	KUNIT_EXPECT_EQ(test, p[UP(129)], 0);
	KUNIT_EXPECT_EQ(test, p[UP(142)], 0);
	xpo_tune_encode_power(p, 7, -1500);
	KUNIT_EXPECT_EQ(test, p[UP(214)], 0xfa);
	KUNIT_EXPECT_EQ(test, p[UP(215)], 0x24);
	xpo_tune_lane_decode(p, 7, &t);
	KUNIT_EXPECT_EQ(test, t.power, -1500);
	KUNIT_EXPECT_EQ(test, t.grid, 0);
	/* every per-lane block ends where the next begins */
	KUNIT_EXPECT_EQ(test, XPO_TUNE_P12_CHANNEL, XPO_TUNE_P12_GRID + 8);
	KUNIT_EXPECT_EQ(test, XPO_TUNE_P12_FINE_OFFSET, XPO_TUNE_P12_CHANNEL + 16);
	KUNIT_EXPECT_EQ(test, XPO_TUNE_P12_FREQ, XPO_TUNE_P12_FINE_OFFSET + 16);
	KUNIT_EXPECT_EQ(test, XPO_TUNE_P12_POWER, XPO_TUNE_P12_FREQ + 32);
	KUNIT_EXPECT_EQ(test, XPO_TUNE_P12_FLAGS, XPO_TUNE_P12_STATUS + 9);
	KUNIT_EXPECT_EQ(test, XPO_TUNE_P12_MASKS, XPO_TUNE_P12_FLAGS + 8);
}

static struct kunit_case xpo_tune_test_cases[] = {
	KUNIT_CASE(xpo_tune_test_grid_codes),
	KUNIT_CASE(xpo_tune_test_freq),
	KUNIT_CASE(xpo_tune_test_caps),
	KUNIT_CASE(xpo_tune_test_check),
	KUNIT_CASE(xpo_tune_test_page12),
	{}
};

static struct kunit_suite xpo_tune_test_suite = {
	.name = "xpo_tune",
	.test_cases = xpo_tune_test_cases,
};

kunit_test_suite(xpo_tune_test_suite);
