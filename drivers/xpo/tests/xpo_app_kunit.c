// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: application matching (xpo_app.c) from raw page images built byte
 * by byte here, decoded by xpo_cmis_decode_identity() as the core does.
 * The DR8 and OSFP tables are those of the emulator's personalities
 * (sim/personality.c), copied, not shared.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/string.h>

#include "../xpo_model.h"
#include "../xpo_cmis_decode.h"
#include "../xpo_app.h"

struct image {
	u8 lower[CMIS_LOWER_SIZE];
	u8 page00[CMIS_PAGE_SIZE];
	u8 page01[CMIS_PAGE_SIZE];
};

#define P01(img, off)	((img)->page01[(off) - CMIS_UPPER_OFFSET])

/* Application @i (0-based: AppSel i + 1) in 00h:86+ or 01h:223+, 01h:176+ */
static void put_app(struct image *img, unsigned int i, u8 host, u8 media,
		    u8 lanes, u8 host_assign, u8 media_assign)
{
	u8 *d = i < CMIS_APP_DESC_LOWER_NUM ?
		&img->lower[CMIS_APP_DESC_LOWER + i * CMIS_APP_DESC_SIZE] :
		&P01(img, CMIS_P01_APP_DESC_UPPER +
		     (i - CMIS_APP_DESC_LOWER_NUM) * CMIS_APP_DESC_SIZE);

	d[CMIS_APP_HOST_IF] = host;
	d[CMIS_APP_MEDIA_IF] = media;
	d[CMIS_APP_LANE_COUNTS] = lanes;
	d[CMIS_APP_HOST_LANE_ASSIGN] = host_assign;
	P01(img, CMIS_P01_MEDIA_LANE_ASSIGN + i) = media_assign;
}

static void end_apps(struct image *img, unsigned int i)
{
	put_app(img, i, CMIS_APP_HOST_IF_UNUSED, 0, 0, 0, 0);
}

static void module_image(struct image *img, u8 identifier, u8 media_type,
			 u8 banks_code)
{
	memset(img, 0, sizeof(*img));
	img->lower[CMIS_ID] = identifier;
	img->lower[CMIS_REV] = 0x52;
	img->lower[CMIS_MEDIA_TYPE] = media_type;
	img->page00[0] = identifier;
	P01(img, CMIS_P01_PAGES) = banks_code;
}

/* sim/personality.c xpo_sim_apps_dr8[], in an 8-bank XPO module */
static void dr8_image(struct image *img)
{
	module_image(img, SFF8024_ID_XPO, CMIS_MEDIA_TYPE_SMF,
		     CMIS_P01_BANKS_RESERVED);
	put_app(img, 0, 0x83, 0x7f, 0x88, 0x01, 0x01);
	put_app(img, 1, 0x82, 0x77, 0x44, 0x11, 0x11);
	put_app(img, 2, 0x81, 0x75, 0x22, 0x55, 0x55);
	put_app(img, 3, 0x80, 0x73, 0x11, 0xff, 0xff);
	end_apps(img, 4);
}

/* sim/personality.c xpo_sim_apps_osfp[], a 4-bank (32-lane) OSFP */
static void osfp_image(struct image *img)
{
	module_image(img, SFF8024_ID_OSFP, CMIS_MEDIA_TYPE_SMF,
		     CMIS_P01_BANKS_4);
	put_app(img, 0, 0x51, 0x56, 0x88, 0x01, 0x01);
	put_app(img, 1, 0x4f, 0x1c, 0x44, 0x11, 0x11);
	put_app(img, 2, 0x4b, 0x14, 0x11, 0xff, 0xff);
	end_apps(img, 3);
}

/* Decode an image as the core would: identity, then applications */
static struct xpo_app_table *decode(struct kunit *test, struct image *img,
				    int want)
{
	struct xpo_identity *id = kunit_kzalloc(test, sizeof(*id), GFP_KERNEL);
	struct xpo_app_table *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, id);
	KUNIT_ASSERT_NOT_NULL(test, t);
	xpo_cmis_decode_identity(id, img->lower, img->page00, img->page01);
	KUNIT_ASSERT_EQ(test, xpo_app_table_decode(t, id), want);
	return t;
}

static struct xpo_app_table *dr8_table(struct kunit *test)
{
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, img);
	dr8_image(img);
	return decode(test, img, 0);
}

static struct xpo_app_layout *new_layout(struct kunit *test)
{
	struct xpo_app_layout *l = kunit_kzalloc(test, sizeof(*l), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, l);
	return l;
}

static void add_port(struct xpo_app_layout *l, u8 first, u8 lanes,
		     u16 speed, u8 appsel)
{
	struct xpo_app_port *p = &l->ports[l->num_ports++];

	p->first_lane = first;
	p->lanes = lanes;
	p->speed_gbps = speed;
	p->appsel = appsel;
}

/* The message, which must also fit one extack line */
static void expect_msg(struct kunit *test, const char *msg, const char *want)
{
	KUNIT_EXPECT_STREQ(test, msg, want);
	KUNIT_EXPECT_LT(test, strlen(msg), (size_t)XPO_APP_MSG_LEN);
}

static void xpo_app_test_decode_dr8(struct kunit *test)
{
	struct xpo_app_table *t = dr8_table(test);
	static const u16 speed[] = { 1600, 800, 400, 200 };
	static const u8 lanes[] = { 8, 4, 2, 1 };
	static const u8 assign[] = { 0x01, 0x11, 0x55, 0xff };
	char buf[XPO_APP_MSG_LEN];
	unsigned int i;

	KUNIT_EXPECT_EQ(test, t->media_type, CMIS_MEDIA_TYPE_SMF);
	KUNIT_EXPECT_EQ(test, t->banks, 8U);
	KUNIT_EXPECT_EQ(test, t->malformed, 0);
	KUNIT_ASSERT_EQ(test, t->num, 4U);
	for (i = 0; i < 4; i++) {
		const struct xpo_app *a = &t->apps[i];

		KUNIT_EXPECT_EQ(test, a->appsel, i + 1);
		KUNIT_EXPECT_EQ(test, a->host_lanes, lanes[i]);
		KUNIT_EXPECT_EQ(test, a->media_lanes, lanes[i]);
		KUNIT_EXPECT_EQ(test, a->host_assign, assign[i]);
		KUNIT_EXPECT_EQ(test, a->media_assign, assign[i]);
		KUNIT_EXPECT_EQ(test, a->speed_gbps, speed[i]);
		KUNIT_EXPECT_EQ(test, a->reach, XPO_REACH_DR);
		KUNIT_EXPECT_EQ(test, a->arch, XPO_ARCH_RETIMED);
		KUNIT_EXPECT_PTR_EQ(test, xpo_app_find(t, i + 1), a);
	}
	KUNIT_EXPECT_EQ(test, t->apps[0].host_if, 0x83);
	KUNIT_EXPECT_EQ(test, t->apps[0].media_if, 0x7f);
	KUNIT_EXPECT_NULL(test, xpo_app_find(t, 5));
	KUNIT_EXPECT_NULL(test, xpo_app_find(t, 0));

	KUNIT_EXPECT_EQ(test, xpo_app_arch(t), XPO_ARCH_RETIMED);
	KUNIT_EXPECT_EQ(test, xpo_app_reaches(t), (u16)BIT(XPO_REACH_DR));
	xpo_app_reaches_str(t, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "DR");
	xpo_app_modes_str(t, XPO_APP_CAGE, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "8x1.6T, 16x800G, 32x400G, 64x200G");
	xpo_app_modes_str(t, 7, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "1x1.6T, 2x800G, 4x400G, 8x200G");
}

static void xpo_app_test_decode_osfp(struct kunit *test)
{
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);
	struct xpo_app_mode modes[4];
	struct xpo_app_table *t;
	char buf[XPO_APP_MSG_LEN];

	KUNIT_ASSERT_NOT_NULL(test, img);
	osfp_image(img);
	t = decode(test, img, 0);

	KUNIT_EXPECT_EQ(test, t->banks, 4U);
	KUNIT_ASSERT_EQ(test, t->num, 3U);
	KUNIT_EXPECT_EQ(test, t->apps[0].speed_gbps, 800);
	KUNIT_EXPECT_EQ(test, t->apps[0].host_lanes, 8);
	KUNIT_EXPECT_EQ(test, t->apps[1].speed_gbps, 400);
	KUNIT_EXPECT_EQ(test, t->apps[1].host_lanes, 4);
	KUNIT_EXPECT_EQ(test, t->apps[2].speed_gbps, 100);
	KUNIT_EXPECT_EQ(test, t->apps[2].host_assign, 0xff);
	KUNIT_EXPECT_EQ(test, t->apps[2].reach, XPO_REACH_DR);

	/* a 32-lane module has no whole-cage mode, but per-port ones */
	KUNIT_EXPECT_EQ(test, xpo_app_modes(t, XPO_APP_CAGE, modes, 4), 0U);
	KUNIT_ASSERT_EQ(test, xpo_app_modes(t, 3, modes, 4), 3U);
	KUNIT_EXPECT_EQ(test, modes[0].count, 1);
	KUNIT_EXPECT_EQ(test, modes[0].lanes, 8);
	KUNIT_EXPECT_EQ(test, modes[0].speed_gbps, 800);
	KUNIT_EXPECT_EQ(test, modes[2].count, 8);
	KUNIT_EXPECT_EQ(test, modes[2].lanes, 1);
	KUNIT_EXPECT_EQ(test, modes[2].speed_gbps, 100);
	/* only as many as asked for are written, all are counted */
	memset(modes, 0, sizeof(modes));
	KUNIT_EXPECT_EQ(test, xpo_app_modes(t, 0, modes, 1), 3U);
	KUNIT_EXPECT_EQ(test, modes[0].count, 1);
	KUNIT_EXPECT_EQ(test, modes[1].count, 0);
	KUNIT_EXPECT_EQ(test, xpo_app_modes(t, 4, modes, 4), 0U);
	xpo_app_modes_str(t, 0, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "1x800G, 2x400G, 8x100G");
	xpo_app_modes_str(t, XPO_APP_CAGE, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "");
}

/* Malformed descriptors are left out, the others keep their AppSel */
static void xpo_app_test_decode_malformed(struct kunit *test)
{
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);
	struct xpo_app_layout *l = new_layout(test);
	char msg[XPO_APP_MSG_LEN];
	struct xpo_app_table *t;

	KUNIT_ASSERT_NOT_NULL(test, img);
	module_image(img, SFF8024_ID_XPO, CMIS_MEDIA_TYPE_SMF,
		     CMIS_P01_BANKS_RESERVED);
	put_app(img, 0, 0x00, 0x7f, 0x88, 0x01, 0x01);	/* undefined host */
	put_app(img, 1, 0x83, 0x7f, 0x98, 0x01, 0x01);	/* 9 host lanes */
	put_app(img, 2, 0x83, 0x7f, 0x48, 0x01, 0x01);	/* 1.6TAUI-8 on 4 */
	put_app(img, 3, 0x82, 0x77, 0x44, 0x00, 0x00);	/* no start lane */
	put_app(img, 4, 0x82, 0x77, 0x44, 0x31, 0x11);	/* lane 6: past 8 */
	put_app(img, 5, 0x82, 0x77, 0x44, 0x11, 0x12);	/* media lane 2+4 ok */
	put_app(img, 6, 0x82, 0x77, 0x4c, 0x11, 0x11);	/* 12 media lanes */
	put_app(img, 7, 0x81, 0x75, 0x22, 0x55, 0x80);	/* media lane 8 of 2 */
	put_app(img, 8, 0x80, 0x73, 0x01, 0xff, 0xff);	/* 0: from host IF */
	put_app(img, 9, 0x60, 0xc0, 0x31, 0x1f, 0x00);	/* unknown IF, ok */
	end_apps(img, 10);
	put_app(img, 11, 0x83, 0x7f, 0x88, 0x01, 0x01);	/* past the end */
	t = decode(test, img, 0);

	KUNIT_EXPECT_EQ(test, t->malformed, 0xdf);
	KUNIT_ASSERT_EQ(test, t->num, 3U);
	KUNIT_EXPECT_EQ(test, t->apps[0].appsel, 6);
	KUNIT_EXPECT_EQ(test, t->apps[0].media_assign, 0x12);
	/* AppSel 9, from page 01h: lane count 0 is 200GAUI-1's one lane */
	KUNIT_EXPECT_EQ(test, t->apps[1].appsel, 9);
	KUNIT_EXPECT_EQ(test, t->apps[1].host_lanes, 1);
	KUNIT_EXPECT_EQ(test, t->apps[1].speed_gbps, 200);
	KUNIT_EXPECT_EQ(test, t->apps[2].appsel, 10);
	KUNIT_EXPECT_EQ(test, t->apps[2].host_lanes, 3);
	KUNIT_EXPECT_EQ(test, t->apps[2].speed_gbps, 0);
	KUNIT_EXPECT_EQ(test, t->apps[2].reach, XPO_REACH_OTHER);
	KUNIT_EXPECT_EQ(test, t->apps[2].arch, XPO_ARCH_UNKNOWN);
	KUNIT_EXPECT_NULL(test, xpo_app_find(t, 5));

	/* an unknown interface has no speed: no mode, but a layout */
	xpo_app_modes_str(t, 0, msg, sizeof(msg));
	KUNIT_EXPECT_STREQ(test, msg, "2x800G, 8x200G");
	add_port(l, 0, 3, 0, 0);
	KUNIT_EXPECT_EQ(test, xpo_app_layout_check(t, l, XPO_REACH_ANY, msg,
						   sizeof(msg)), 0);
	KUNIT_EXPECT_EQ(test, l->ports[0].appsel, 10);
	l->ports[0].appsel = 5;
	KUNIT_EXPECT_EQ(test, xpo_app_layout_check(t, l, XPO_REACH_ANY, msg,
						   sizeof(msg)), -EOPNOTSUPP);
	expect_msg(test, msg, "port 0: AppSel 5 is not a usable application");

	/* nothing usable at all */
	module_image(img, SFF8024_ID_XPO, CMIS_MEDIA_TYPE_SMF,
		     CMIS_P01_BANKS_RESERVED);
	put_app(img, 0, 0x83, 0x7f, 0x88, 0x00, 0x00);
	end_apps(img, 1);
	t = decode(test, img, -ENODATA);
	KUNIT_EXPECT_EQ(test, t->num, 0U);
	KUNIT_EXPECT_EQ(test, t->malformed, 0x01);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "8x1.6T", XPO_APP_CAGE,
						 XPO_REACH_ANY, l, msg,
						 sizeof(msg)), -ENODATA);
	expect_msg(test, msg, "module advertises no usable application");
}

static void xpo_app_test_mode_parse(struct kunit *test)
{
	struct xpo_app_mode m;
	char buf[16];

	KUNIT_ASSERT_EQ(test, xpo_app_mode_parse("8x1.6T", XPO_APP_CAGE, &m), 0);
	KUNIT_EXPECT_EQ(test, m.count, 8);
	KUNIT_EXPECT_EQ(test, m.lanes, 8);
	KUNIT_EXPECT_EQ(test, m.speed_gbps, 1600);
	xpo_app_mode_name(buf, sizeof(buf), &m);
	KUNIT_EXPECT_STREQ(test, buf, "8x1.6T");
	KUNIT_ASSERT_EQ(test, xpo_app_mode_parse("16x800G", XPO_APP_CAGE, &m),
			0);
	KUNIT_EXPECT_EQ(test, m.lanes, 4);
	KUNIT_EXPECT_EQ(test, m.speed_gbps, 800);
	KUNIT_ASSERT_EQ(test, xpo_app_mode_parse("64X200g", XPO_APP_CAGE, &m),
			0);
	KUNIT_EXPECT_EQ(test, m.lanes, 1);
	KUNIT_ASSERT_EQ(test, xpo_app_mode_parse("2x800G", 5, &m), 0);
	KUNIT_EXPECT_EQ(test, m.count, 2);
	KUNIT_EXPECT_EQ(test, m.lanes, 4);
	KUNIT_ASSERT_EQ(test, xpo_app_mode_parse("1x1.6T", 0, &m), 0);
	KUNIT_EXPECT_EQ(test, m.lanes, 8);
	KUNIT_ASSERT_EQ(test, xpo_app_mode_parse("4x3.2T", XPO_APP_CAGE, &m),
			-EINVAL);	/* 16 lanes a port */
	KUNIT_ASSERT_EQ(test, xpo_app_mode_parse("1x2T", 0, &m), 0);
	xpo_app_mode_name(buf, sizeof(buf), &m);
	KUNIT_EXPECT_STREQ(test, buf, "1x2T");

	KUNIT_EXPECT_EQ(test, xpo_app_mode_parse("3x800G", XPO_APP_CAGE, &m),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_parse("128x100G", XPO_APP_CAGE, &m),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_parse("16x800G", 0, &m), -EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_parse("0x800G", 0, &m), -EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_parse("8x1.65T", 0, &m), -EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_parse("8x1.T", 0, &m), -EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_parse("8x1.6G", 0, &m), -EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_parse("8x200", 0, &m), -EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_parse("8x200Gb", 0, &m), -EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_parse("8xG", 0, &m), -EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_parse("x200G", 0, &m), -EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_parse("", 0, &m), -EINVAL);
}

/* Every whole-cage and per-bank mode of the DR8 module, and its ports */
static void xpo_app_test_modes_dr8(struct kunit *test)
{
	static const struct {
		const char *mode;
		int bank;
		unsigned int ports, lanes, appsel;
	} ok[] = {
		{ "8x1.6T", XPO_APP_CAGE, 8, 8, 1 },
		{ "16x800G", XPO_APP_CAGE, 16, 4, 2 },
		{ "32x400G", XPO_APP_CAGE, 32, 2, 3 },
		{ "64x200G", XPO_APP_CAGE, 64, 1, 4 },
		{ "1x1.6T", 0, 1, 8, 1 },
		{ "2x800G", 3, 2, 4, 2 },
		{ "4x400G", 7, 4, 2, 3 },
		{ "8x200G", 6, 8, 1, 4 },
	};
	struct xpo_app_table *t = dr8_table(test);
	struct xpo_app_layout *l = new_layout(test);
	char msg[XPO_APP_MSG_LEN];
	unsigned int i, p;

	for (i = 0; i < ARRAY_SIZE(ok); i++) {
		unsigned int base = ok[i].bank == XPO_APP_CAGE ? 0 :
				    ok[i].bank * CMIS_LANES_PER_BANK;

		strscpy(msg, "untouched", sizeof(msg));
		KUNIT_EXPECT_EQ_MSG(test, xpo_app_mode_check(t, ok[i].mode,
							     ok[i].bank,
							     XPO_REACH_ANY, l,
							     msg, sizeof(msg)),
				    0, "%s", ok[i].mode);
		KUNIT_EXPECT_STREQ(test, msg, "untouched");
		KUNIT_ASSERT_EQ(test, l->num_ports, ok[i].ports);
		for (p = 0; p < l->num_ports; p++) {
			KUNIT_EXPECT_EQ(test, l->ports[p].first_lane,
					base + p * ok[i].lanes);
			KUNIT_EXPECT_EQ(test, l->ports[p].lanes, ok[i].lanes);
			KUNIT_EXPECT_EQ(test, l->ports[p].appsel,
					ok[i].appsel);
		}
	}

	/* the DR table with a DR8 profile: every mode stays DR */
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "64x200G", XPO_APP_CAGE,
						 XPO_REACH_DR, l, msg,
						 sizeof(msg)), 0);

	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "16x400G", XPO_APP_CAGE,
						 XPO_REACH_ANY, l, msg,
						 sizeof(msg)), -EOPNOTSUPP);
	expect_msg(test, msg,
		   "module supports 8x1.6T, 16x800G, 32x400G, 64x200G; not 16x400G");
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "2x400G", 1,
						 XPO_REACH_ANY, l, msg,
						 sizeof(msg)), -EOPNOTSUPP);
	expect_msg(test, msg,
		   "module supports 1x1.6T, 2x800G, 4x400G, 8x200G; not 2x400G");
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "3x800G", XPO_APP_CAGE,
						 XPO_REACH_ANY, l, msg,
						 sizeof(msg)), -EINVAL);
	expect_msg(test, msg,
		   "'3x800G' is no breakout of 64 lanes (e.g. 8x1.6T, 16x800G, 32x400G, 64x200G)");
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "16x800G", 0,
						 XPO_REACH_ANY, l, msg,
						 sizeof(msg)), -EINVAL);
	expect_msg(test, msg,
		   "'16x800G' is no breakout of 8 lanes (e.g. 1x1.6T, 2x800G, 4x400G, 8x200G)");
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "2x800G", 8,
						 XPO_REACH_ANY, l, msg,
						 sizeof(msg)), -EINVAL);
	expect_msg(test, msg, "no bank 8 in a cage of 8");
	/* no message buffer: the same answer */
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "16x400G", XPO_APP_CAGE,
						 XPO_REACH_ANY, l, NULL, 0),
			-EOPNOTSUPP);
}

/* A DR8 table without the 200G application, the 800G one on lane 1 only */
static void xpo_app_test_modes_refused(struct kunit *test)
{
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);
	struct xpo_app_layout *l = new_layout(test);
	char msg[XPO_APP_MSG_LEN];
	struct xpo_app_table *t;

	KUNIT_ASSERT_NOT_NULL(test, img);
	dr8_image(img);
	put_app(img, 1, 0x82, 0x77, 0x44, 0x01, 0x01);
	end_apps(img, 3);
	t = decode(test, img, 0);
	KUNIT_ASSERT_EQ(test, t->num, 3U);

	xpo_app_modes_str(t, XPO_APP_CAGE, msg, sizeof(msg));
	KUNIT_EXPECT_STREQ(test, msg, "8x1.6T, 32x400G");
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "64x200G", XPO_APP_CAGE,
						 XPO_REACH_ANY, l, msg,
						 sizeof(msg)), -EOPNOTSUPP);
	expect_msg(test, msg, "module supports 8x1.6T, 32x400G; not 64x200G");
	/* 800G exists, but a second 800G port of a bank cannot start */
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "16x800G", XPO_APP_CAGE,
						 XPO_REACH_ANY, l, msg,
						 sizeof(msg)), -EOPNOTSUPP);
	expect_msg(test, msg,
		   "800G ports may start on lane 1 of a bank, not 5");
	KUNIT_EXPECT_EQ(test, l->ports[0].appsel, 2);	/* matched before */
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "2x800G", 2,
						 XPO_REACH_ANY, l, msg,
						 sizeof(msg)), -EOPNOTSUPP);
	expect_msg(test, msg,
		   "800G ports may start on lane 1 of a bank, not 5");

	/* the OSFP: 4 banks */
	osfp_image(img);
	t = decode(test, img, 0);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "8x800G", XPO_APP_CAGE,
						 XPO_REACH_ANY, l, msg,
						 sizeof(msg)), -EOPNOTSUPP);
	expect_msg(test, msg, "8x800G needs 8 banks; the module has 4");
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "2x400G", 4,
						 XPO_REACH_ANY, l, msg,
						 sizeof(msg)), -EOPNOTSUPP);
	expect_msg(test, msg, "bank 4: the module has 4 banks");
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "2x400G", 3,
						 XPO_REACH_ANY, l, msg,
						 sizeof(msg)), 0);
	KUNIT_EXPECT_EQ(test, l->ports[1].first_lane, 28);
	KUNIT_EXPECT_EQ(test, l->ports[1].appsel, 2);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "2x800G", 3,
						 XPO_REACH_ANY, l, msg,
						 sizeof(msg)), -EOPNOTSUPP);
	expect_msg(test, msg, "module supports 1x800G, 2x400G, 8x100G; not 2x800G");
}

/* Free layouts: mixed breakouts, explicit AppSel */
static void xpo_app_test_layout_ok(struct kunit *test)
{
	struct xpo_app_table *t = dr8_table(test);
	struct xpo_app_layout *l = new_layout(test);
	char msg[XPO_APP_MSG_LEN] = "";

	add_port(l, 0, 4, 800, 0);
	add_port(l, 4, 2, 0, 0);
	add_port(l, 6, 2, 400, 0);
	add_port(l, 8, 8, 0, 0);
	add_port(l, 63, 1, 200, 0);
	add_port(l, 20, 4, 0, 2);	/* bank 2 lane 5, given */
	KUNIT_ASSERT_EQ(test, xpo_app_layout_check(t, l, XPO_REACH_ANY, msg,
						   sizeof(msg)), 0);
	KUNIT_EXPECT_STREQ(test, msg, "");
	KUNIT_EXPECT_EQ(test, l->ports[0].appsel, 2);
	KUNIT_EXPECT_EQ(test, l->ports[1].appsel, 3);
	KUNIT_EXPECT_EQ(test, l->ports[2].appsel, 3);
	KUNIT_EXPECT_EQ(test, l->ports[3].appsel, 1);
	KUNIT_EXPECT_EQ(test, l->ports[4].appsel, 4);
	KUNIT_EXPECT_EQ(test, l->ports[5].appsel, 2);
}

static int check1(struct kunit *test, const struct xpo_app_table *t,
		  u8 first, u8 lanes, u16 speed, u8 appsel, char *msg)
{
	struct xpo_app_layout *l = new_layout(test);

	add_port(l, first, lanes, speed, appsel);
	return xpo_app_layout_check(t, l, XPO_REACH_ANY, msg,
				    XPO_APP_MSG_LEN);
}

static void xpo_app_test_layout_refused(struct kunit *test)
{
	struct xpo_app_table *t = dr8_table(test);
	struct xpo_app_layout *l = new_layout(test);
	char msg[XPO_APP_MSG_LEN];
	struct image *img;

	/* the brief's own example: 800G on lane 3 */
	KUNIT_EXPECT_EQ(test, check1(test, t, 2, 4, 800, 0, msg), -EOPNOTSUPP);
	expect_msg(test, msg, "800G ports may start on lanes 1,5 of a bank, not 3");
	KUNIT_EXPECT_EQ(test, check1(test, t, 13, 2, 0, 0, msg), -EOPNOTSUPP);
	expect_msg(test, msg,
		   "2-lane ports may start on lanes 1,3,5,7 of a bank, not 6");
	KUNIT_EXPECT_EQ(test, check1(test, t, 2, 4, 0, 2, msg), -EOPNOTSUPP);
	expect_msg(test, msg, "AppSel 2 may start on lanes 1,5 of a bank, not 3");
	KUNIT_EXPECT_EQ(test, check1(test, t, 0, 4, 0, 3, msg), -EOPNOTSUPP);
	expect_msg(test, msg, "port 0: AppSel 3 has 2 host lanes, not 4");
	KUNIT_EXPECT_EQ(test, check1(test, t, 0, 4, 400, 2, msg), -EOPNOTSUPP);
	expect_msg(test, msg, "port 0: AppSel 2 does not carry 400G");
	KUNIT_EXPECT_EQ(test, check1(test, t, 0, 4, 0, 15, msg), -EOPNOTSUPP);
	expect_msg(test, msg, "port 0: AppSel 15 is not a usable application");
	KUNIT_EXPECT_EQ(test, check1(test, t, 0, 3, 0, 0, msg), -EOPNOTSUPP);
	expect_msg(test, msg, "port 0: no 3-lane application; module has 1,2,4,8-lane ones");
	KUNIT_EXPECT_EQ(test, check1(test, t, 0, 4, 400, 0, msg), -EOPNOTSUPP);
	expect_msg(test, msg, "port 0: no 400G on 4 lanes; 4 lanes carry 800G");

	/* wrong whatever the module */
	KUNIT_EXPECT_EQ(test, check1(test, t, 62, 4, 0, 0, msg), -EINVAL);
	expect_msg(test, msg, "port 0: lanes 63-66 are past the cage's 64");
	KUNIT_EXPECT_EQ(test, check1(test, t, 6, 4, 0, 0, msg), -EINVAL);
	expect_msg(test, msg, "port 0: lanes 7-10 cross from bank 0 into 1");
	KUNIT_EXPECT_EQ(test, check1(test, t, 0, 9, 0, 0, msg), -EINVAL);
	expect_msg(test, msg, "port 0: 9 lanes; a port has 1-8");
	KUNIT_EXPECT_EQ(test, check1(test, t, 0, 0, 0, 0, msg), -EINVAL);
	expect_msg(test, msg, "port 0: 0 lanes; a port has 1-8");

	add_port(l, 16, 4, 0, 0);
	add_port(l, 24, 2, 0, 0);
	add_port(l, 18, 2, 0, 0);
	KUNIT_EXPECT_EQ(test, xpo_app_layout_check(t, l, XPO_REACH_ANY, msg,
						   sizeof(msg)), -EINVAL);
	expect_msg(test, msg, "ports 0 and 2 share lane 19 (bank 2 lane 3)");
	l->num_ports = 0;
	KUNIT_EXPECT_EQ(test, xpo_app_layout_check(t, l, XPO_REACH_ANY, msg,
						   sizeof(msg)), -EINVAL);
	expect_msg(test, msg, "a layout has 1-64 ports, not 0");

	/* banks the module does not have */
	img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, img);
	osfp_image(img);
	t = decode(test, img, 0);
	KUNIT_EXPECT_EQ(test, check1(test, t, 24, 8, 800, 0, msg), 0);
	KUNIT_EXPECT_EQ(test, check1(test, t, 32, 8, 800, 0, msg),
			-EOPNOTSUPP);
	expect_msg(test, msg, "port 0 is on bank 4; the module has 4 banks");
}

static void xpo_app_test_reach_codes(struct kunit *test)
{
	static const struct {
		u8 media_type, media_if;
		enum xpo_reach reach;
	} codes[] = {
		{ CMIS_MEDIA_TYPE_MMF, 0x09, XPO_REACH_SR },	/* 100GBASE-SR4 */
		{ CMIS_MEDIA_TYPE_MMF, 0x10, XPO_REACH_SR },	/* 400GBASE-SR8 */
		{ CMIS_MEDIA_TYPE_MMF, 0x24, XPO_REACH_SR },	/* 1.6T-SR8.2 */
		{ CMIS_MEDIA_TYPE_MMF, 0x56, XPO_REACH_OTHER },
		{ CMIS_MEDIA_TYPE_MMF, 0x00, XPO_REACH_OTHER },
		{ CMIS_MEDIA_TYPE_SMF, 0x10, XPO_REACH_FR },	/* CWDM4 */
		{ CMIS_MEDIA_TYPE_SMF, 0x14, XPO_REACH_DR },	/* 100GBASE-DR */
		{ CMIS_MEDIA_TYPE_SMF, 0x1c, XPO_REACH_DR },	/* 400GBASE-DR4 */
		{ CMIS_MEDIA_TYPE_SMF, 0x56, XPO_REACH_DR },	/* 800GBASE-DR8 */
		{ CMIS_MEDIA_TYPE_SMF, 0x73, XPO_REACH_DR },	/* 200GBASE-DR1 */
		{ CMIS_MEDIA_TYPE_SMF, 0x77, XPO_REACH_DR },	/* 800GBASE-DR4 */
		{ CMIS_MEDIA_TYPE_SMF, 0x7f, XPO_REACH_DR },	/* 1.6TBASE-DR8 */
		{ CMIS_MEDIA_TYPE_SMF, 0x92, XPO_REACH_DR },	/* 800G-DR8-LPO */
		{ CMIS_MEDIA_TYPE_SMF, 0x1d, XPO_REACH_FR },	/* 400GBASE-FR4 */
		{ CMIS_MEDIA_TYPE_SMF, 0x7a, XPO_REACH_FR },	/* 800GBASE-FR4 */
		{ CMIS_MEDIA_TYPE_SMF, 0x79, XPO_REACH_FR },	/* FR4-500 */
		{ CMIS_MEDIA_TYPE_SMF, 0x16, XPO_REACH_LR },	/* 100G-LR1 */
		{ CMIS_MEDIA_TYPE_SMF, 0x43, XPO_REACH_LR },	/* 400G-LR4-6 */
		{ CMIS_MEDIA_TYPE_SMF, 0x7b, XPO_REACH_LR },	/* 800G-LR4 */
		{ CMIS_MEDIA_TYPE_SMF, 0x0e, XPO_REACH_ER },	/* 100G-ER4 */
		{ CMIS_MEDIA_TYPE_SMF, 0x6f, XPO_REACH_ER },	/* 400G-ER4-30 */
		{ CMIS_MEDIA_TYPE_SMF, 0x3e, XPO_REACH_ZR },	/* 400ZR */
		{ CMIS_MEDIA_TYPE_SMF, 0x4d, XPO_REACH_ZR },	/* 400GBASE-ZR */
		{ CMIS_MEDIA_TYPE_SMF, 0x6d, XPO_REACH_ZR },	/* 800ZR-B */
		{ CMIS_MEDIA_TYPE_SMF, 0x46, XPO_REACH_ZR_PLUS }, /* ZR400-OFEC */
		{ CMIS_MEDIA_TYPE_SMF, 0x5e, XPO_REACH_ZR_PLUS },
		{ CMIS_MEDIA_TYPE_SMF, 0x7c, XPO_REACH_COHERENT_LITE },
		{ CMIS_MEDIA_TYPE_SMF, 0x00, XPO_REACH_OTHER },
		{ CMIS_MEDIA_TYPE_SMF, 0x45, XPO_REACH_OTHER },	/* 128GFC-SM */
		{ CMIS_MEDIA_TYPE_PASSIVE_CU, 0x01, XPO_REACH_OTHER },
		{ CMIS_MEDIA_TYPE_UNDEFINED, 0x14, XPO_REACH_OTHER },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(codes); i++)
		KUNIT_EXPECT_EQ_MSG(test,
				    xpo_app_media_reach(codes[i].media_type,
							codes[i].media_if),
				    codes[i].reach, "media type %u code 0x%02x",
				    codes[i].media_type, codes[i].media_if);

	KUNIT_EXPECT_STREQ(test, xpo_reach_name(XPO_REACH_ZR_PLUS), "ZR+");
	KUNIT_EXPECT_STREQ(test, xpo_reach_name(XPO_REACH_ANY), "any");
	KUNIT_EXPECT_EQ(test, xpo_reach_parse("dr"), XPO_REACH_DR);
	KUNIT_EXPECT_EQ(test, xpo_reach_parse("SR"), XPO_REACH_SR);
	KUNIT_EXPECT_EQ(test, xpo_reach_parse("zr+"), XPO_REACH_ZR_PLUS);
	KUNIT_EXPECT_EQ(test, xpo_reach_parse("Coherent-Lite"),
			XPO_REACH_COHERENT_LITE);
	KUNIT_EXPECT_EQ(test, xpo_reach_parse("xr"), -EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_reach_parse(""), -EINVAL);
}

/* An SR module: the MMF table applies */
static void xpo_app_test_reach_sr(struct kunit *test)
{
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);
	struct xpo_app_table *t;
	char buf[XPO_APP_MSG_LEN];

	KUNIT_ASSERT_NOT_NULL(test, img);
	module_image(img, SFF8024_ID_OSFP, CMIS_MEDIA_TYPE_MMF,
		     CMIS_P01_BANKS_1);
	put_app(img, 0, 0x51, 0x12, 0x88, 0x01, 0x01);	/* 800G-SR8 */
	put_app(img, 1, 0x4f, 0x10, 0x44, 0x11, 0x11);	/* 0x10: SR8 on MMF */
	end_apps(img, 2);
	t = decode(test, img, 0);
	KUNIT_EXPECT_EQ(test, t->apps[1].reach, XPO_REACH_SR);
	KUNIT_EXPECT_EQ(test, xpo_app_reaches(t), (u16)BIT(XPO_REACH_SR));
	xpo_app_reaches_str(t, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "SR");
}

/*
 * A module with DR and FR at 800G, DR only at 1.6T and 200G; its FR
 * application may only start on lane 1 of a bank.
 */
static struct xpo_app_table *dr_fr_table(struct kunit *test, u8 fr_assign)
{
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, img);
	module_image(img, SFF8024_ID_XPO, CMIS_MEDIA_TYPE_SMF,
		     CMIS_P01_BANKS_RESERVED);
	put_app(img, 0, 0x83, 0x7f, 0x88, 0x01, 0x01);	/* 1.6T DR8 */
	put_app(img, 1, 0x82, 0x77, 0x44, 0x11, 0x11);	/* 800G DR4 */
	put_app(img, 2, 0x82, 0x7a, 0x44, fr_assign, 0x01); /* 800G FR4 */
	put_app(img, 3, 0x80, 0x73, 0x11, 0xff, 0xff);	/* 200G DR1 */
	end_apps(img, 4);
	return decode(test, img, 0);
}

static void xpo_app_test_reach_layout(struct kunit *test)
{
	struct xpo_app_table *t = dr_fr_table(test, 0x11);
	struct xpo_app_layout *l = new_layout(test);
	char msg[XPO_APP_MSG_LEN];
	unsigned int i;

	xpo_app_reaches_str(t, msg, sizeof(msg));
	KUNIT_EXPECT_STREQ(test, msg, "DR, FR");

	/* no profile: the first application; FR: the FR one */
	KUNIT_ASSERT_EQ(test, xpo_app_mode_check(t, "16x800G", XPO_APP_CAGE,
						 XPO_REACH_ANY, l, msg,
						 sizeof(msg)), 0);
	for (i = 0; i < 16; i++) {
		KUNIT_EXPECT_EQ(test, l->ports[i].appsel, 2);
		KUNIT_EXPECT_EQ(test, l->ports[i].reach, XPO_REACH_DR);
	}
	KUNIT_ASSERT_EQ(test, xpo_app_mode_check(t, "16x800G", XPO_APP_CAGE,
						 XPO_REACH_FR, l, msg,
						 sizeof(msg)), 0);
	for (i = 0; i < 16; i++) {
		KUNIT_EXPECT_EQ(test, l->ports[i].appsel, 3);
		KUNIT_EXPECT_EQ(test, l->ports[i].reach, XPO_REACH_FR);
	}

	/* by name, on a free layout */
	l->num_ports = 0;
	add_port(l, 0, 4, 0, 0);
	add_port(l, 4, 4, 800, 0);
	KUNIT_EXPECT_EQ(test, xpo_app_reach_check(t, "fr", l, msg,
						  sizeof(msg)), 0);
	KUNIT_EXPECT_EQ(test, l->ports[0].appsel, 3);
	KUNIT_EXPECT_EQ(test, l->ports[1].appsel, 3);
	l->ports[0].appsel = 2;
	l->ports[1].appsel = 0;
	KUNIT_EXPECT_EQ(test, xpo_app_reach_check(t, "FR", l, msg,
						  sizeof(msg)), -EOPNOTSUPP);
	expect_msg(test, msg, "port 0: AppSel 2 is DR, not FR");

	/* the profile exists, not for these ports */
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "8x1.6T", XPO_APP_CAGE,
						 XPO_REACH_FR, l, msg,
						 sizeof(msg)), -EOPNOTSUPP);
	expect_msg(test, msg,
		   "no FR application for 1.6T ports; module profiles: DR, FR");
	/* the profile does not exist */
	l->num_ports = 0;
	add_port(l, 0, 4, 0, 0);
	KUNIT_EXPECT_EQ(test, xpo_app_reach_check(t, "lr", l, msg,
						  sizeof(msg)), -EOPNOTSUPP);
	expect_msg(test, msg, "module profiles: DR, FR; not LR");
	KUNIT_EXPECT_EQ(test, xpo_app_reach_check(t, "xr", l, msg,
						  sizeof(msg)), -EINVAL);
	expect_msg(test, msg, "unknown profile 'xr'; module profiles: DR, FR");
}

/* A profile and a layout that each fit, but not together */
static void xpo_app_test_reach_conflict(struct kunit *test)
{
	struct xpo_app_table *t = dr_fr_table(test, 0x01);
	struct xpo_app_layout *l = new_layout(test);
	char msg[XPO_APP_MSG_LEN];

	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "16x800G", XPO_APP_CAGE,
						 XPO_REACH_DR, l, msg,
						 sizeof(msg)), 0);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "8x1.6T", XPO_APP_CAGE,
						 XPO_REACH_DR, l, msg,
						 sizeof(msg)), 0);
	KUNIT_EXPECT_EQ(test, xpo_app_mode_check(t, "16x800G", XPO_APP_CAGE,
						 XPO_REACH_FR, l, msg,
						 sizeof(msg)), -EOPNOTSUPP);
	expect_msg(test, msg,
		   "800G ports may start on lane 1 of a bank, not 5");
	/* one FR port per bank is fine */
	l->num_ports = 0;
	add_port(l, 0, 4, 800, 0);
	add_port(l, 8, 4, 800, 0);
	add_port(l, 12, 4, 800, 2);
	KUNIT_EXPECT_EQ(test, xpo_app_layout_check(t, l, XPO_REACH_FR, msg,
						   sizeof(msg)), -EOPNOTSUPP);
	expect_msg(test, msg, "port 2: AppSel 2 is DR, not FR");
	l->num_ports = 2;
	KUNIT_EXPECT_EQ(test, xpo_app_layout_check(t, l, XPO_REACH_FR, msg,
						   sizeof(msg)), 0);
	KUNIT_EXPECT_EQ(test, l->ports[1].appsel, 3);
}

static void xpo_app_test_arch(struct kunit *test)
{
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);
	struct xpo_app_table *t;

	KUNIT_EXPECT_EQ(test, xpo_app_if_arch(CMIS_MEDIA_TYPE_SMF, 0x83, 0x7f),
			XPO_ARCH_RETIMED);
	KUNIT_EXPECT_EQ(test, xpo_app_if_arch(CMIS_MEDIA_TYPE_SMF, 0x51, 0x56),
			XPO_ARCH_RETIMED);
	KUNIT_EXPECT_EQ(test, xpo_app_if_arch(CMIS_MEDIA_TYPE_SMF, 0x21, 0x73),
			XPO_ARCH_LPO);	/* LEI-200G-PAM4-2 */
	KUNIT_EXPECT_EQ(test, xpo_app_if_arch(CMIS_MEDIA_TYPE_SMF, 0x74, 0x14),
			XPO_ARCH_LPO);	/* CEI-112G-LINEAR-PAM4 */
	KUNIT_EXPECT_EQ(test, xpo_app_if_arch(CMIS_MEDIA_TYPE_SMF, 0x51, 0x92),
			XPO_ARCH_LPO);	/* 800G-DR8-LPO media */
	KUNIT_EXPECT_EQ(test, xpo_app_if_arch(CMIS_MEDIA_TYPE_MMF, 0x51, 0x92),
			XPO_ARCH_RETIMED);	/* 0x92 is no LPO code on MMF */
	KUNIT_EXPECT_EQ(test, xpo_app_if_arch(CMIS_MEDIA_TYPE_SMF, 0x94, 0x1c),
			XPO_ARCH_LRO);	/* EEI-400G-RTLR-4-S */
	KUNIT_EXPECT_EQ(test, xpo_app_if_arch(CMIS_MEDIA_TYPE_SMF, 0x9a, 0x77),
			XPO_ARCH_LRO);	/* EEI-800G-RTLR-4 */
	KUNIT_EXPECT_EQ(test, xpo_app_if_arch(CMIS_MEDIA_TYPE_PASSIVE_CU,
					      0x58, 0x0e), XPO_ARCH_PASSIVE);
	KUNIT_EXPECT_EQ(test, xpo_app_if_arch(CMIS_MEDIA_TYPE_SMF, 0x60, 0x14),
			XPO_ARCH_UNKNOWN);
	KUNIT_EXPECT_STREQ(test, xpo_app_arch_name(XPO_ARCH_LRO),
			   "half-retimed");
	KUNIT_EXPECT_STREQ(test, xpo_app_arch_name(XPO_ARCH_LPO), "linear");
	KUNIT_EXPECT_STREQ(test, xpo_app_arch_name(XPO_ARCH_MAX), "unknown");

	/* one linear application makes the module linear */
	KUNIT_ASSERT_NOT_NULL(test, img);
	dr8_image(img);
	put_app(img, 4, 0x23, 0x92, 0x88, 0x01, 0x01);	/* LEI-800G-PAM4-8 */
	end_apps(img, 5);
	t = decode(test, img, 0);
	KUNIT_EXPECT_EQ(test, t->apps[4].speed_gbps, 800);
	KUNIT_EXPECT_EQ(test, t->apps[4].arch, XPO_ARCH_LPO);
	KUNIT_EXPECT_EQ(test, xpo_app_arch(t), XPO_ARCH_LPO);
	/* and a half-retimed module, at 200G a lane */
	put_app(img, 4, 0x9b, 0x7f, 0x88, 0x01, 0x01);	/* EEI-1.6T-RTLR-8 */
	t = decode(test, img, 0);
	KUNIT_EXPECT_EQ(test, t->apps[4].speed_gbps, 1600);
	KUNIT_EXPECT_EQ(test, xpo_app_arch(t), XPO_ARCH_LRO);
}

/* CMIS 5.2 section 6.2.1: the i-th host start goes with the i-th media start */
static void xpo_app_test_media_lanes(struct kunit *test)
{
	/* the emulator's xpo-zr: 800ZR and OpenZR+ 400G, one media lane each */
	const struct xpo_app zr = {
		.appsel = 1, .host_lanes = 4, .media_lanes = 1,
		.host_assign = 0x11, .media_assign = 0x05,
	};
	const struct xpo_app zrp = {
		.appsel = 2, .host_lanes = 2, .media_lanes = 1,
		.host_assign = 0x55, .media_assign = 0x0f,
	};
	/* DR8: one data path of 8 host lanes on 8 media lanes */
	const struct xpo_app dr8 = {
		.appsel = 1, .host_lanes = 8, .media_lanes = 8,
		.host_assign = 0x01, .media_assign = 0x01,
	};
	/* a media assignment with fewer starts than the host's */
	const struct xpo_app odd = {
		.appsel = 1, .host_lanes = 2, .media_lanes = 1,
		.host_assign = 0x55, .media_assign = 0x03,
	};

	KUNIT_EXPECT_EQ(test, xpo_app_media_lanes(&zr, 0), 0x01);
	KUNIT_EXPECT_EQ(test, xpo_app_media_lanes(&zr, 4), 0x04);
	KUNIT_EXPECT_EQ(test, xpo_app_media_lanes(&zr, 2), 0);	/* no start */
	KUNIT_EXPECT_EQ(test, xpo_app_media_lanes(&zrp, 0), 0x01);
	KUNIT_EXPECT_EQ(test, xpo_app_media_lanes(&zrp, 2), 0x02);
	KUNIT_EXPECT_EQ(test, xpo_app_media_lanes(&zrp, 6), 0x08);
	KUNIT_EXPECT_EQ(test, xpo_app_media_lanes(&dr8, 0), 0xff);
	KUNIT_EXPECT_EQ(test, xpo_app_media_lanes(&dr8, 8), 0);	/* no lane 9 */
	KUNIT_EXPECT_EQ(test, xpo_app_media_lanes(&odd, 2), 0x02);
	KUNIT_EXPECT_EQ(test, xpo_app_media_lanes(&odd, 4), 0);	/* unpaired */
}

static struct kunit_case xpo_app_test_cases[] = {
	KUNIT_CASE(xpo_app_test_media_lanes),
	KUNIT_CASE(xpo_app_test_decode_dr8),
	KUNIT_CASE(xpo_app_test_decode_osfp),
	KUNIT_CASE(xpo_app_test_decode_malformed),
	KUNIT_CASE(xpo_app_test_mode_parse),
	KUNIT_CASE(xpo_app_test_modes_dr8),
	KUNIT_CASE(xpo_app_test_modes_refused),
	KUNIT_CASE(xpo_app_test_layout_ok),
	KUNIT_CASE(xpo_app_test_layout_refused),
	KUNIT_CASE(xpo_app_test_reach_codes),
	KUNIT_CASE(xpo_app_test_reach_sr),
	KUNIT_CASE(xpo_app_test_reach_layout),
	KUNIT_CASE(xpo_app_test_reach_conflict),
	KUNIT_CASE(xpo_app_test_arch),
	{}
};

static struct kunit_suite xpo_app_test_suite = {
	.name = "xpo_app",
	.test_cases = xpo_app_test_cases,
};

kunit_test_suite(xpo_app_test_suite);
