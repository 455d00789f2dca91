// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: identity decoding (xpo_cmis_decode.c) from raw page images built
 * byte by byte here, independently of the emulator.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/string.h>

#include "../xpo_model.h"
#include "../xpo_cmis_addr.h"
#include "../xpo_cmis_decode.h"

struct image {
	u8 lower[CMIS_LOWER_SIZE];
	u8 page00[CMIS_PAGE_SIZE];
	u8 page01[CMIS_PAGE_SIZE];
};

#define LO(img, off)	((img)->lower[off])
#define P00(img, off)	((img)->page00[(off) - CMIS_UPPER_OFFSET])
#define P01(img, off)	((img)->page01[(off) - CMIS_UPPER_OFFSET])

static void put_field(u8 *dst, size_t len, const char *s)
{
	memset(dst, ' ', len);
	memcpy(dst, s, min(strlen(s), len));
}

static void put_app(u8 *desc, u8 host, u8 media, u8 lanes, u8 assign)
{
	desc[CMIS_APP_HOST_IF] = host;
	desc[CMIS_APP_MEDIA_IF] = media;
	desc[CMIS_APP_LANE_COUNTS] = lanes;
	desc[CMIS_APP_HOST_LANE_ASSIGN] = assign;
}

/* What the core waits for ModuleReady, from a decoded identity */
static unsigned int pwrup_timeout(const struct xpo_identity *id)
{
	return xpo_sm_pwrup_timeout_ms(xpo_cmis_pwrup_advertised_ms(id));
}

/* An XPO 8x1.6T DR8 module with four applications */
static void xpo_image(struct image *img)
{
	memset(img, 0, sizeof(*img));
	LO(img, CMIS_ID) = SFF8024_ID_XPO;
	LO(img, CMIS_REV) = 0x52;
	LO(img, CMIS_MEM_CHAR) = CMIS_MEM_CLEI_PRESENT;
	LO(img, CMIS_MEDIA_TYPE) = 0x02;
	LO(img, CMIS_FW_ACTIVE_MAJOR) = 2;
	LO(img, CMIS_FW_ACTIVE_MINOR) = 13;
	put_app(&LO(img, CMIS_APP_DESC_LOWER + 0), 0x83, 0x7f, 0x88, 0x01);
	put_app(&LO(img, CMIS_APP_DESC_LOWER + 4), 0x82, 0x77, 0x44, 0x11);
	put_app(&LO(img, CMIS_APP_DESC_LOWER + 8), 0x81, 0x75, 0x22, 0x55);
	put_app(&LO(img, CMIS_APP_DESC_LOWER + 12), 0x80, 0x73, 0x11, 0xff);
	LO(img, CMIS_APP_DESC_LOWER + 16) = CMIS_APP_HOST_IF_UNUSED;

	P00(img, 128) = SFF8024_ID_XPO;
	put_field(&P00(img, CMIS_VENDOR_NAME), CMIS_VENDOR_NAME_LEN,
		  "ACME OPTICS");
	P00(img, CMIS_VENDOR_OUI) = 0x02;
	P00(img, CMIS_VENDOR_OUI + 1) = 0x58;
	P00(img, CMIS_VENDOR_OUI + 2) = 0x50;
	put_field(&P00(img, CMIS_VENDOR_PN), CMIS_VENDOR_PN_LEN,
		  "XPO-12T8-DR8");
	put_field(&P00(img, CMIS_VENDOR_REV), CMIS_VENDOR_REV_LEN, "A1");
	put_field(&P00(img, CMIS_VENDOR_SN), CMIS_VENDOR_SN_LEN,
		  "SN0001");
	put_field(&P00(img, CMIS_DATE_CODE), CMIS_DATE_CODE_LEN, "260312AB");
	put_field(&P00(img, CMIS_CLEI), CMIS_CLEI_LEN, "CLEI000001");
	P00(img, CMIS_POWER_CLASS) = 7 << 5;
	P00(img, CMIS_MAX_POWER) = 0xff;

	P01(img, CMIS_P01_FW_INACTIVE_MAJOR) = 2;
	P01(img, CMIS_P01_FW_INACTIVE_MINOR) = 12;
	P01(img, CMIS_P01_HW_MAJOR) = 1;
	P01(img, CMIS_P01_HW_MINOR) = 0;
	P01(img, CMIS_P01_PAGES) = CMIS_P01_BANKS_RESERVED;
	P01(img, CMIS_P01_DP_DURATION) = 0x46;
	P01(img, CMIS_P01_MODULE_DURATION) = 0x45;
	P01(img, CMIS_P01_TX_DURATION) = 0x24;
	P01(img, CMIS_P01_MEDIA_LANE_ASSIGN + 0) = 0x01;
	P01(img, CMIS_P01_MEDIA_LANE_ASSIGN + 1) = 0x11;
	P01(img, CMIS_P01_MEDIA_LANE_ASSIGN + 2) = 0x55;
	P01(img, CMIS_P01_MEDIA_LANE_ASSIGN + 3) = 0xff;
}

static void xpo_cmis_decode_test_xpo(struct kunit *test)
{
	struct xpo_identity *id = kunit_kzalloc(test, sizeof(*id), GFP_KERNEL);
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, id);
	KUNIT_ASSERT_NOT_NULL(test, img);
	xpo_image(img);
	xpo_cmis_decode_identity(id, img->lower, img->page00, img->page01);

	KUNIT_EXPECT_EQ(test, id->identifier, SFF8024_ID_XPO);
	KUNIT_EXPECT_EQ(test, id->rev_major, 5);
	KUNIT_EXPECT_EQ(test, id->rev_minor, 2);
	KUNIT_EXPECT_FALSE(test, id->flat);
	KUNIT_EXPECT_STREQ(test, id->vendor, "ACME OPTICS");
	KUNIT_EXPECT_EQ(test, id->oui[0], 0x02);
	KUNIT_EXPECT_EQ(test, id->oui[2], 0x50);
	KUNIT_EXPECT_STREQ(test, id->part_number, "XPO-12T8-DR8");
	KUNIT_EXPECT_STREQ(test, id->revision, "A1");
	KUNIT_EXPECT_STREQ(test, id->serial, "SN0001");
	KUNIT_EXPECT_STREQ(test, id->date_code, "260312AB");
	KUNIT_EXPECT_STREQ(test, id->clei, "CLEI000001");
	KUNIT_EXPECT_EQ(test, id->fw_active_major, 2);
	KUNIT_EXPECT_EQ(test, id->fw_active_minor, 13);
	KUNIT_EXPECT_TRUE(test, id->has_page01);
	KUNIT_EXPECT_EQ(test, id->fw_inactive_major, 2);
	KUNIT_EXPECT_EQ(test, id->fw_inactive_minor, 12);
	KUNIT_EXPECT_EQ(test, id->hw_major, 1);
	KUNIT_EXPECT_EQ(test, id->power_class, 8);
	KUNIT_EXPECT_EQ(test, id->max_power_mw, 63750U);
	KUNIT_EXPECT_EQ(test, id->media_type, 0x02);
	KUNIT_EXPECT_EQ(test, id->banks, 8U);
	KUNIT_EXPECT_EQ(test, id->pwrup_code, 5);
	KUNIT_EXPECT_EQ(test, id->pwrdn_code, 4);
	KUNIT_EXPECT_EQ(test, id->dpinit_code, 6);
	KUNIT_EXPECT_EQ(test, id->dpdeinit_code, 4);
	KUNIT_EXPECT_EQ(test, id->txon_code, 4);
	KUNIT_EXPECT_EQ(test, id->txoff_code, 2);
	KUNIT_EXPECT_EQ(test, xpo_cmis_pwrup_advertised_ms(id), 500);

	KUNIT_ASSERT_EQ(test, id->num_apps, 4U);
	KUNIT_EXPECT_EQ(test, id->apps[0].host_if, 0x83);
	KUNIT_EXPECT_EQ(test, id->apps[0].media_if, 0x7f);
	KUNIT_EXPECT_EQ(test, id->apps[0].host_lanes, 8);
	KUNIT_EXPECT_EQ(test, id->apps[0].media_lanes, 8);
	KUNIT_EXPECT_EQ(test, id->apps[0].host_assign, 0x01);
	KUNIT_EXPECT_EQ(test, id->apps[0].media_assign, 0x01);
	KUNIT_EXPECT_EQ(test, id->apps[2].host_lanes, 2);
	KUNIT_EXPECT_EQ(test, id->apps[2].media_assign, 0x55);
	KUNIT_EXPECT_EQ(test, id->apps[3].host_if, 0x80);
	KUNIT_EXPECT_EQ(test, id->apps[3].host_assign, 0xff);

	KUNIT_EXPECT_EQ(test, xpo_cmis_identity_check(id), XPO_FAULT_NONE);
}

/* All 15 descriptors used: 8 in lower memory, 7 on page 01h */
static void xpo_cmis_decode_test_fifteen_apps(struct kunit *test)
{
	struct xpo_identity *id = kunit_kzalloc(test, sizeof(*id), GFP_KERNEL);
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, id);
	KUNIT_ASSERT_NOT_NULL(test, img);
	xpo_image(img);
	for (i = 0; i < CMIS_APP_DESC_LOWER_NUM; i++)
		put_app(&LO(img, CMIS_APP_DESC_LOWER + 4 * i), 0x10 + i,
			0x20 + i, 0x11, 1 << (i % 8));
	for (i = 0; i < CMIS_P01_APP_DESC_UPPER_NUM; i++)
		put_app(&P01(img, CMIS_P01_APP_DESC_UPPER + 4 * i), 0x30 + i,
			0x40 + i, 0x22, 0x55);
	xpo_cmis_decode_identity(id, img->lower, img->page00, img->page01);
	KUNIT_ASSERT_EQ(test, id->num_apps, 15U);
	KUNIT_EXPECT_EQ(test, id->apps[7].host_if, 0x17);
	KUNIT_EXPECT_EQ(test, id->apps[8].host_if, 0x30);
	KUNIT_EXPECT_EQ(test, id->apps[14].host_if, 0x36);
	KUNIT_EXPECT_EQ(test, id->apps[14].media_if, 0x46);
	KUNIT_EXPECT_EQ(test, id->apps[14].host_lanes, 2);

	/* a terminator on page 01h */
	P01(img, CMIS_P01_APP_DESC_UPPER + 4 * 2) = CMIS_APP_HOST_IF_UNUSED;
	xpo_cmis_decode_identity(id, img->lower, img->page00, img->page01);
	KUNIT_EXPECT_EQ(test, id->num_apps, 10U);

	/* no applications at all */
	LO(img, CMIS_APP_DESC_LOWER) = CMIS_APP_HOST_IF_UNUSED;
	xpo_cmis_decode_identity(id, img->lower, img->page00, img->page01);
	KUNIT_EXPECT_EQ(test, id->num_apps, 0U);
}

/* Flat memory: page 01h is never looked at */
static void xpo_cmis_decode_test_flat(struct kunit *test)
{
	struct xpo_identity *id = kunit_kzalloc(test, sizeof(*id), GFP_KERNEL);
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, id);
	KUNIT_ASSERT_NOT_NULL(test, img);
	xpo_image(img);
	LO(img, CMIS_ID) = SFF8024_ID_QSFP_DD;
	LO(img, CMIS_MEM_CHAR) = CMIS_MEM_FLAT;
	for (i = 0; i < CMIS_APP_DESC_LOWER_NUM; i++)
		put_app(&LO(img, CMIS_APP_DESC_LOWER + 4 * i), 0x10 + i,
			0x20 + i, 0x11, 1);
	xpo_cmis_decode_identity(id, img->lower, img->page00, img->page01);
	KUNIT_EXPECT_TRUE(test, id->flat);
	KUNIT_EXPECT_FALSE(test, id->has_page01);
	KUNIT_EXPECT_EQ(test, id->banks, 1U);
	KUNIT_EXPECT_EQ(test, id->fw_inactive_major, 0);
	KUNIT_EXPECT_EQ(test, id->num_apps, 8U);
	KUNIT_EXPECT_EQ(test, id->apps[0].media_assign, 0);
	KUNIT_EXPECT_STREQ(test, id->clei, "");
	KUNIT_EXPECT_LT(test, xpo_cmis_pwrup_advertised_ms(id), 0);
	KUNIT_EXPECT_EQ(test, pwrup_timeout(id), XPO_T_PWRUP_DEFAULT_MS);
	KUNIT_EXPECT_EQ(test, xpo_cmis_identity_check(id), XPO_FAULT_NONE);

	/* the same without page 01h at all */
	xpo_cmis_decode_identity(id, img->lower, img->page00, NULL);
	KUNIT_EXPECT_FALSE(test, id->has_page01);
	KUNIT_EXPECT_EQ(test, id->num_apps, 8U);
}

static void xpo_cmis_decode_test_strings(struct kunit *test)
{
	static const u8 padded[8] = "  AB C  ";
	static const u8 nul[8] = { 'X', 'Y', 0, 0, 0, 0, 0, 0 };
	static const u8 junk[6] = { 'o', 'k', 0x07, 0xff, 'z', ' ' };
	static const u8 blank[4] = "    ";
	static const u8 full[4] = "ABCD";
	char s[9];

	xpo_cmis_string(s, padded, sizeof(padded));
	KUNIT_EXPECT_STREQ(test, s, "AB C");
	xpo_cmis_string(s, nul, sizeof(nul));
	KUNIT_EXPECT_STREQ(test, s, "XY");
	xpo_cmis_string(s, junk, sizeof(junk));
	KUNIT_EXPECT_STREQ(test, s, "ok??z");
	xpo_cmis_string(s, blank, sizeof(blank));
	KUNIT_EXPECT_STREQ(test, s, "");
	xpo_cmis_string(s, full, sizeof(full));
	KUNIT_EXPECT_STREQ(test, s, "ABCD");
}

/* A vendor name of 16 characters fills the field with no terminator */
static void xpo_cmis_decode_test_full_fields(struct kunit *test)
{
	struct xpo_identity *id = kunit_kzalloc(test, sizeof(*id), GFP_KERNEL);
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, id);
	KUNIT_ASSERT_NOT_NULL(test, img);
	xpo_image(img);
	memcpy(&P00(img, CMIS_VENDOR_NAME), "0123456789ABCDEF", 16);
	memcpy(&P00(img, CMIS_VENDOR_SN), "FEDCBA9876543210", 16);
	LO(img, CMIS_MEM_CHAR) = 0;	/* no CLEI */
	xpo_cmis_decode_identity(id, img->lower, img->page00, img->page01);
	KUNIT_EXPECT_STREQ(test, id->vendor, "0123456789ABCDEF");
	KUNIT_EXPECT_STREQ(test, id->serial, "FEDCBA9876543210");
	KUNIT_EXPECT_STREQ(test, id->part_number, "XPO-12T8-DR8");
	KUNIT_EXPECT_STREQ(test, id->clei, "");
}

static void xpo_cmis_decode_test_check(struct kunit *test)
{
	static const struct {
		u8 id, rev;
		enum xpo_fault want;
	} cases[] = {
		{ SFF8024_ID_XPO, 0x52, XPO_FAULT_NONE },
		{ SFF8024_ID_OSFP, 0x40, XPO_FAULT_NONE },
		{ SFF8024_ID_QSFP_DD, 0x51, XPO_FAULT_NONE },
		{ SFF8024_ID_OSFP_XD, 0x53, XPO_FAULT_NONE },
		{ SFF8024_ID_QSFP28, 0x52, XPO_FAULT_BAD_IDENTIFIER },
		{ SFF8024_ID_SFP, 0x52, XPO_FAULT_BAD_IDENTIFIER },
		{ 0x00, 0x00, XPO_FAULT_BAD_IDENTIFIER },
		{ 0xff, 0xff, XPO_FAULT_BAD_IDENTIFIER },
		{ SFF8024_ID_XPO, 0x30, XPO_FAULT_BAD_REVISION },
		{ SFF8024_ID_XPO, 0x00, XPO_FAULT_BAD_REVISION },
		{ SFF8024_ID_XPO, 0x60, XPO_FAULT_BAD_REVISION },
	};
	struct xpo_identity id = {};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		id.identifier = cases[i].id;
		id.rev_major = cases[i].rev >> 4;
		id.rev_minor = cases[i].rev & 0x0f;
		KUNIT_EXPECT_EQ_MSG(test, xpo_cmis_identity_check(&id),
				    cases[i].want, "id 0x%02x rev 0x%02x",
				    cases[i].id, cases[i].rev);
	}
}

static void xpo_cmis_decode_test_durations(struct kunit *test)
{
	static const int want[16] = {
		1, 5, 10, 50, 100, 500, 1000, 5000, 10000, 60000, 300000,
		600000, 3000000, 3000000, -EINVAL, -EINVAL,
	};
	unsigned int code;

	for (code = 0; code < 16; code++)
		KUNIT_EXPECT_EQ_MSG(test, xpo_cmis_duration_ms(code),
				    want[code], "code %u", code);
	KUNIT_EXPECT_EQ(test, xpo_cmis_duration_ms(0xff), -EINVAL);
}

/* A module in PwrUp with the reserved code: the default budget applies */
static void xpo_cmis_decode_test_pwrup_budget(struct kunit *test)
{
	struct xpo_identity *id = kunit_kzalloc(test, sizeof(*id), GFP_KERNEL);
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, id);
	KUNIT_ASSERT_NOT_NULL(test, img);
	xpo_image(img);
	P01(img, CMIS_P01_MODULE_DURATION) = 0x0f;
	xpo_cmis_decode_identity(id, img->lower, img->page00, img->page01);
	KUNIT_EXPECT_EQ(test, pwrup_timeout(id), XPO_T_PWRUP_DEFAULT_MS);
	P01(img, CMIS_P01_MODULE_DURATION) = 0x07;	/* < 5 s */
	xpo_cmis_decode_identity(id, img->lower, img->page00, img->page01);
	KUNIT_EXPECT_EQ(test, pwrup_timeout(id), 5000 + XPO_T_PWRUP_MARGIN_MS);
}

/* The decoder and the address checks read 01h:142 the same way */
static void xpo_cmis_decode_test_adv_agrees(struct kunit *test)
{
	struct xpo_identity *id = kunit_kzalloc(test, sizeof(*id), GFP_KERNEL);
	struct image *img = kunit_kzalloc(test, sizeof(*img), GFP_KERNEL);
	struct xpo_cmis_adv adv;
	u8 code;

	KUNIT_ASSERT_NOT_NULL(test, id);
	KUNIT_ASSERT_NOT_NULL(test, img);
	xpo_image(img);
	for (code = 0; code < 4; code++) {
		P01(img, CMIS_P01_PAGES) = code;
		xpo_cmis_decode_identity(id, img->lower, img->page00,
					 img->page01);
		xpo_cmis_adv_set(&adv, LO(img, CMIS_ID),
				 LO(img, CMIS_MEM_CHAR), img->page01);
		KUNIT_EXPECT_EQ(test, id->banks, adv.banks);
	}
}

static void xpo_cmis_decode_test_names(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, xpo_cmis_identifier_name(0x26), "XPO");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_identifier_name(0x19), "OSFP");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_identifier_name(0x18), "QSFP-DD");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_identifier_name(0x42), "unknown");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_module_state_name(1), "LowPwr");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_module_state_name(3), "Ready");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_module_state_name(5), "Fault");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_module_state_name(0), "reserved");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_module_state_name(6), "reserved");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_module_state_name(255), "reserved");
}

/* Data path states: a nibble per lane, lane 1 in the low nibble of 128 */
static void xpo_cmis_decode_test_dp_states(struct kunit *test)
{
	static const u8 mixed[4] = { 0x41, 0x23, 0x65, 0x07 };
	static const u8 expect[8] = { 1, 4, 3, 2, 5, 6, 7, 0 };
	u8 all[4] = { 0x44, 0x44, 0x44, 0x44 };
	unsigned int lane;

	for (lane = 0; lane < 8; lane++)
		KUNIT_EXPECT_EQ_MSG(test, xpo_cmis_dp_state(mixed, lane),
				    expect[lane], "lane %u", lane);
	KUNIT_EXPECT_EQ(test, xpo_cmis_dp_state(mixed, 8), 0);

	KUNIT_EXPECT_TRUE(test, xpo_cmis_dp_all(all, CMIS_DP_ACTIVATED));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_dp_all(all, CMIS_DP_DEACTIVATED));
	/* one lane short of activated, each lane in turn */
	for (lane = 0; lane < 8; lane++) {
		memset(all, 0x44, sizeof(all));
		all[lane / 2] &= lane & 1 ? 0x0f : 0xf0;
		all[lane / 2] |= (lane & 1 ? CMIS_DP_TXTURNON << 4 :
			      CMIS_DP_TXTURNON);
		KUNIT_EXPECT_FALSE_MSG(test,
				       xpo_cmis_dp_all(all, CMIS_DP_ACTIVATED),
				       "lane %u", lane);
	}
	memset(all, 0x11, sizeof(all));
	KUNIT_EXPECT_TRUE(test, xpo_cmis_dp_all(all, CMIS_DP_DEACTIVATED));

	KUNIT_EXPECT_STREQ(test, xpo_cmis_dp_state_name(CMIS_DP_ACTIVATED),
			   "Activated");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_dp_state_name(CMIS_DP_INITIALIZED),
			   "Initialized");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_dp_state_name(0), "reserved");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_dp_state_name(8), "reserved");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_dp_state_name(15), "reserved");
}

static void put_be16(u8 *page, unsigned int off, u16 val)
{
	page[off - CMIS_UPPER_OFFSET] = val >> 8;
	page[off - CMIS_UPPER_OFFSET + 1] = val & 0xff;
}

/* Page 02h: four thresholds per monitor, high alarm first */
static void xpo_cmis_decode_test_thresholds(struct kunit *test)
{
	struct xpo_cmis_thresholds thr;
	u8 page02[CMIS_PAGE_SIZE] = {};

	put_be16(page02, CMIS_P02_TEMP_HALARM, 75 * 256);
	put_be16(page02, CMIS_P02_TEMP_LALARM, (u16)(-5 * 256));
	put_be16(page02, CMIS_P02_TEMP_HWARN, 70 * 256 + 128);
	put_be16(page02, CMIS_P02_TEMP_LWARN, 0);
	put_be16(page02, CMIS_P02_VCC_HALARM, 34650);
	put_be16(page02, CMIS_P02_VCC_LWARN, 31500);
	put_be16(page02, CMIS_P02_TXPWR_HALARM, 0x1234);
	put_be16(page02, CMIS_P02_TXPWR_HALARM + 6, 0x0001);
	put_be16(page02, CMIS_P02_TXBIAS_HALARM + 2, 0xbeef);
	put_be16(page02, CMIS_P02_RXPWR_HALARM + 4, 0xffff);

	xpo_cmis_decode_thresholds(&thr, page02);
	KUNIT_EXPECT_EQ(test, thr.temp[XPO_THR_HALARM], 75 * 256);
	KUNIT_EXPECT_EQ(test, thr.temp[XPO_THR_LALARM], -5 * 256);
	KUNIT_EXPECT_EQ(test, thr.temp[XPO_THR_HWARN], 70 * 256 + 128);
	KUNIT_EXPECT_EQ(test, thr.temp[XPO_THR_LWARN], 0);
	KUNIT_EXPECT_EQ(test, thr.vcc[XPO_THR_HALARM], 34650);
	KUNIT_EXPECT_EQ(test, thr.vcc[XPO_THR_LALARM], 0);
	KUNIT_EXPECT_EQ(test, thr.vcc[XPO_THR_LWARN], 31500);
	KUNIT_EXPECT_EQ(test, thr.tx_power[XPO_THR_HALARM], 0x1234);
	KUNIT_EXPECT_EQ(test, thr.tx_power[XPO_THR_LWARN], 0x0001);
	KUNIT_EXPECT_EQ(test, thr.tx_bias[XPO_THR_LALARM], 0xbeef);
	KUNIT_EXPECT_EQ(test, thr.rx_power[XPO_THR_HWARN], 0xffff);

	KUNIT_EXPECT_EQ(test, xpo_cmis_temp_mdegc(75 * 256), 75000);
	KUNIT_EXPECT_EQ(test, xpo_cmis_temp_mdegc(-5 * 256), -5000);
	KUNIT_EXPECT_EQ(test, xpo_cmis_temp_mdegc(70 * 256 + 128), 70500);
	KUNIT_EXPECT_EQ(test, xpo_cmis_temp_mdegc(-1), -3);
	KUNIT_EXPECT_EQ(test, xpo_cmis_temp_mdegc(S16_MAX), 127996);
	KUNIT_EXPECT_EQ(test, xpo_cmis_temp_mdegc(S16_MIN), -128000);
}

/* Latched module flags 00h:8-11 by name, reserved bits unnamed */
static void xpo_cmis_decode_test_module_flags(struct kunit *test)
{
	static const u8 flags[4] = {
		CMIS_FLAG_STATE_CHANGED | CMIS_FLAG_CDB1_COMPLETE | BIT(3),
		CMIS_FLAG_TEMP_HALARM | CMIS_FLAG_TEMP_HWARN,
		0,
		BIT(7),
	};
	static const u8 none[4];
	const char *names[8];
	unsigned int n;

	n = xpo_cmis_module_flag_names(flags, names, ARRAY_SIZE(names));
	KUNIT_ASSERT_EQ(test, n, 5U);
	KUNIT_EXPECT_STREQ(test, names[0], "state-changed");
	KUNIT_EXPECT_STREQ(test, names[1], "cdb1-complete");
	KUNIT_EXPECT_STREQ(test, names[2], "temp-high-alarm");
	KUNIT_EXPECT_STREQ(test, names[3], "temp-high-warning");
	KUNIT_EXPECT_STREQ(test, names[4], "custom-low-warning");

	/* no more than the room given */
	KUNIT_EXPECT_EQ(test, xpo_cmis_module_flag_names(flags, names, 2), 2U);
	KUNIT_EXPECT_STREQ(test, names[1], "cdb1-complete");
	KUNIT_EXPECT_EQ(test, xpo_cmis_module_flag_names(none, names, 8), 0U);
}

/* Lane flag bytes 11h:134-152 */
static void xpo_cmis_decode_test_lane_flags(struct kunit *test)
{
	unsigned int i;

	KUNIT_EXPECT_STREQ(test, xpo_cmis_lane_flag_name(0),
			   "dp-state-changed");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_lane_flag_name(CMIS_P11_TX_FAULT -
							  CMIS_P11_LANE_FLAGS),
			   "tx-fault");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_lane_flag_name(CMIS_P11_TX_LOS -
							  CMIS_P11_LANE_FLAGS),
			   "tx-los");
	KUNIT_EXPECT_STREQ(test, xpo_cmis_lane_flag_name(CMIS_P11_RX_LOS -
							  CMIS_P11_LANE_FLAGS),
			   "rx-los");
	KUNIT_EXPECT_STREQ(test,
			   xpo_cmis_lane_flag_name(CMIS_P11_LANE_FLAGS_LEN - 1),
			   "rx-power-low-warning");
	KUNIT_EXPECT_STREQ(test,
			   xpo_cmis_lane_flag_name(CMIS_P11_LANE_FLAGS_LEN),
			   "unknown");
	for (i = 0; i < CMIS_P11_LANE_FLAGS_LEN; i++)
		KUNIT_EXPECT_STRNEQ(test, xpo_cmis_lane_flag_name(i),
				    "unknown");
}

/* Page 02h's lane thresholds in the lanes' units, by what 01h:160 advertises */
static void xpo_cmis_decode_test_lane_thresholds(struct kunit *test)
{
	struct xpo_cmis_thresholds thr = {
		.tx_power = { 31623, 794, 25119, 1000 },
		.tx_bias = { 50000, 10000, 45000, 0xffff },
		.rx_power = { 0xffff, 631, 25119, 1 },
	};
	struct xpo_cmis_lane_thresholds lt;

	/* all three, Tx bias x4 (b4-3 = 10b): 8 uA a step */
	xpo_cmis_decode_lane_thresholds(&lt, &thr, CMIS_P01_MON_TX_BIAS |
					CMIS_P01_MON_TX_POWER |
					CMIS_P01_MON_RX_POWER |
					FIELD_PREP(CMIS_P01_MON_TX_BIAS_MUL, 2));
	KUNIT_EXPECT_TRUE(test, lt.has_tx_power && lt.has_tx_bias &&
			  lt.has_rx_power);
	KUNIT_EXPECT_EQ(test, lt.tx_power_nw[XPO_THR_HALARM], 3162300);
	KUNIT_EXPECT_EQ(test, lt.tx_power_nw[XPO_THR_LALARM], 79400);
	KUNIT_EXPECT_EQ(test, lt.tx_power_nw[XPO_THR_LWARN], 100000);
	KUNIT_EXPECT_EQ(test, lt.tx_bias_ua[XPO_THR_HALARM], 400000);
	KUNIT_EXPECT_EQ(test, lt.tx_bias_ua[XPO_THR_HWARN], 360000);
	KUNIT_EXPECT_EQ(test, lt.tx_bias_ua[XPO_THR_LWARN], 0xffff * 8);
	KUNIT_EXPECT_EQ(test, lt.rx_power_nw[XPO_THR_HALARM], 0xffff * 100);
	KUNIT_EXPECT_EQ(test, lt.rx_power_nw[XPO_THR_LWARN], 100);

	/* x1: 2 uA; Rx power alone not advertised: none, zero */
	xpo_cmis_decode_lane_thresholds(&lt, &thr, CMIS_P01_MON_TX_BIAS |
					CMIS_P01_MON_TX_POWER);
	KUNIT_EXPECT_EQ(test, lt.tx_bias_ua[XPO_THR_LALARM], 20000);
	KUNIT_EXPECT_FALSE(test, lt.has_rx_power);
	KUNIT_EXPECT_EQ(test, lt.rx_power_nw[XPO_THR_HALARM], 0);

	/* the reserved multiplier (11b): no bias, as for the monitor */
	xpo_cmis_decode_lane_thresholds(&lt, &thr, CMIS_P01_MON_TX_BIAS |
					CMIS_P01_MON_TX_BIAS_MUL);
	KUNIT_EXPECT_FALSE(test, lt.has_tx_bias);
	KUNIT_EXPECT_EQ(test, lt.tx_bias_ua[XPO_THR_HALARM], 0);
	KUNIT_EXPECT_FALSE(test, lt.has_tx_power);

	xpo_cmis_decode_lane_thresholds(&lt, &thr, 0);
	KUNIT_EXPECT_FALSE(test, lt.has_tx_power || lt.has_tx_bias ||
			   lt.has_rx_power);
}

static struct kunit_case xpo_cmis_decode_test_cases[] = {
	KUNIT_CASE(xpo_cmis_decode_test_xpo),
	KUNIT_CASE(xpo_cmis_decode_test_fifteen_apps),
	KUNIT_CASE(xpo_cmis_decode_test_flat),
	KUNIT_CASE(xpo_cmis_decode_test_strings),
	KUNIT_CASE(xpo_cmis_decode_test_full_fields),
	KUNIT_CASE(xpo_cmis_decode_test_check),
	KUNIT_CASE(xpo_cmis_decode_test_durations),
	KUNIT_CASE(xpo_cmis_decode_test_pwrup_budget),
	KUNIT_CASE(xpo_cmis_decode_test_adv_agrees),
	KUNIT_CASE(xpo_cmis_decode_test_names),
	KUNIT_CASE(xpo_cmis_decode_test_dp_states),
	KUNIT_CASE(xpo_cmis_decode_test_thresholds),
	KUNIT_CASE(xpo_cmis_decode_test_lane_thresholds),
	KUNIT_CASE(xpo_cmis_decode_test_module_flags),
	KUNIT_CASE(xpo_cmis_decode_test_lane_flags),
	{}
};

static struct kunit_suite xpo_cmis_decode_test_suite = {
	.name = "xpo_cmis_decode",
	.test_cases = xpo_cmis_decode_test_cases,
};

kunit_test_suite(xpo_cmis_decode_test_suite);
