// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: validation of ethtool module EEPROM requests
 * (xpo_eeprom_check.c): I2C address, window, lower memory, banks and pages
 * against real advertisements, the write rules, and the errno of every
 * verdict (-EINVAL never falls back to the legacy path in the kernel,
 * -EOPNOTSUPP does).
 */
#include <kunit/test.h>
#include <linux/errno.h>

#include "../xpo_model.h"
#include "../xpo_cmis_addr.h"
#include "../xpo_eeprom_check.h"

/* An XPO module (8 banks, page 03h, CDB with EPL) or a 4-bank OSFP */
static void adv_xpo(struct xpo_cmis_adv *adv)
{
	u8 page01[CMIS_PAGE_SIZE] = {};

	page01[CMIS_P01_PAGES - CMIS_UPPER_OFFSET] = CMIS_P01_BANKS_RESERVED |
						     CMIS_P01_PAGE_03;
	page01[CMIS_P01_CDB_SUPPORT - CMIS_UPPER_OFFSET] = 0x41;
	xpo_cmis_adv_set(adv, SFF8024_ID_XPO, 0, page01);
}

static void adv_osfp(struct xpo_cmis_adv *adv)
{
	u8 page01[CMIS_PAGE_SIZE] = {};

	page01[CMIS_P01_PAGES - CMIS_UPPER_OFFSET] = CMIS_P01_BANKS_4;
	xpo_cmis_adv_set(adv, SFF8024_ID_OSFP, 0, page01);
}

static enum xpo_eeprom_verdict check(const struct xpo_cmis_adv *adv, u8 i2c,
				     u8 bank, u8 page, u32 offset, u32 len,
				     bool write)
{
	struct xpo_eeprom_req req = {
		.i2c_address = i2c,
		.bank = bank,
		.page = page,
		.offset = offset,
		.length = len,
	};

	return xpo_eeprom_check(adv, &req, write);
}

static enum xpo_eeprom_verdict rd(const struct xpo_cmis_adv *adv, u8 bank,
				  u8 page, u32 offset, u32 len)
{
	return check(adv, 0x50, bank, page, offset, len, false);
}

static enum xpo_eeprom_verdict wr(const struct xpo_cmis_adv *adv, u8 bank,
				  u8 page, u32 offset, u32 len)
{
	return check(adv, 0x50, bank, page, offset, len, true);
}

/* What ethtool -m asks for, and the whole window of page 00h */
static void xpo_eeprom_test_reads_ok(struct kunit *test)
{
	struct xpo_cmis_adv adv;

	adv_xpo(&adv);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x00, 0, 128), XPO_EEPROM_OK);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x00, 128, 128), XPO_EEPROM_OK);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x00, 0, 256), XPO_EEPROM_OK);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x01, 128, 128), XPO_EEPROM_OK);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x02, 200, 56), XPO_EEPROM_OK);
	KUNIT_EXPECT_EQ(test, rd(&adv, 7, 0x11, 128, 128), XPO_EEPROM_OK);
	KUNIT_EXPECT_EQ(test, rd(&adv, 3, 0x10, 255, 1), XPO_EEPROM_OK);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, XPO_PAGE_TELEMETRY, 128, 64),
			XPO_EEPROM_OK);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, CMIS_PAGE_CDB, 128, 8),
			XPO_EEPROM_OK);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x03, 128, 128), XPO_EEPROM_OK);
	/* lower memory alone: 0-127, any length in it */
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x00, 127, 1), XPO_EEPROM_OK);
}

static void xpo_eeprom_test_i2c_address(struct kunit *test)
{
	struct xpo_cmis_adv adv;

	adv_xpo(&adv);
	KUNIT_EXPECT_EQ(test, check(&adv, 0x51, 0, 0, 0, 128, false),
			XPO_EEPROM_EINVAL_I2C_ADDRESS);
	KUNIT_EXPECT_EQ(test, check(&adv, 0x00, 0, 0, 0, 1, false),
			XPO_EEPROM_EINVAL_I2C_ADDRESS);
	KUNIT_EXPECT_EQ(test, check(&adv, 0x7f, 0, 0x11, 128, 1, true),
			XPO_EEPROM_EINVAL_I2C_ADDRESS);
}

static void xpo_eeprom_test_window(struct kunit *test)
{
	struct xpo_cmis_adv adv;

	adv_xpo(&adv);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x00, 0, 0),
			XPO_EEPROM_EINVAL_LENGTH);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x00, 256, 1),
			XPO_EEPROM_EINVAL_WINDOW);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x11, 200, 57),
			XPO_EEPROM_EINVAL_WINDOW);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x00, 1, 256),
			XPO_EEPROM_EINVAL_WINDOW);
	/* no wrap around u32 */
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x00, 128, 0xffffff80),
			XPO_EEPROM_EINVAL_WINDOW);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x00, 0xffffffff, 2),
			XPO_EEPROM_EINVAL_WINDOW);
}

/* Lower memory is not paged; page 00h may be read across 127/128 */
static void xpo_eeprom_test_lower(struct kunit *test)
{
	struct xpo_cmis_adv adv;

	adv_xpo(&adv);
	KUNIT_EXPECT_EQ(test, rd(&adv, 1, 0x00, 0, 128),
			XPO_EEPROM_EINVAL_LOWER_PAGED);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x11, 0, 16),
			XPO_EEPROM_EINVAL_LOWER_PAGED);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x01, 120, 16),
			XPO_EEPROM_EINVAL_LOWER_PAGED);
	KUNIT_EXPECT_EQ(test, rd(&adv, 0, 0x00, 120, 16), XPO_EEPROM_OK);
}

/* Banks: XPO 8, OSFP 4; pages without banks take bank 0 only */
static void xpo_eeprom_test_banks(struct kunit *test)
{
	struct xpo_cmis_adv xpo, osfp;
	unsigned int b;

	adv_xpo(&xpo);
	adv_osfp(&osfp);
	for (b = 0; b < 8; b++)
		KUNIT_EXPECT_EQ(test, rd(&xpo, b, 0x10, 128, 128),
				XPO_EEPROM_OK);
	KUNIT_EXPECT_EQ(test, rd(&xpo, 8, 0x11, 128, 16),
			XPO_EEPROM_EOPNOTSUPP_BANK);
	KUNIT_EXPECT_EQ(test, rd(&xpo, 255, 0x11, 128, 16),
			XPO_EEPROM_EOPNOTSUPP_BANK);
	KUNIT_EXPECT_EQ(test, rd(&osfp, 3, 0x11, 128, 16), XPO_EEPROM_OK);
	KUNIT_EXPECT_EQ(test, rd(&osfp, 4, 0x11, 128, 16),
			XPO_EEPROM_EOPNOTSUPP_BANK);
	KUNIT_EXPECT_EQ(test, rd(&xpo, 1, 0x01, 128, 16),
			XPO_EEPROM_EINVAL_NOT_BANKED);
	KUNIT_EXPECT_EQ(test, rd(&xpo, 1, 0x00, 128, 16),
			XPO_EEPROM_EINVAL_NOT_BANKED);
	/* CDB pages are one instance, in bank 0 */
	KUNIT_EXPECT_EQ(test, rd(&xpo, 1, CMIS_PAGE_CDB, 128, 16),
			XPO_EEPROM_EINVAL_NOT_BANKED);
	/* the telemetry page is banked by number, but exists in bank 0 only */
	KUNIT_EXPECT_EQ(test, rd(&xpo, 1, XPO_PAGE_TELEMETRY, 128, 16),
			XPO_EEPROM_EOPNOTSUPP_PAGE);
}

static void xpo_eeprom_test_pages(struct kunit *test)
{
	struct xpo_cmis_adv xpo, osfp, flat;

	adv_xpo(&xpo);
	adv_osfp(&osfp);
	xpo_cmis_adv_set(&flat, SFF8024_ID_QSFP_DD, CMIS_MEM_FLAT, NULL);

	KUNIT_EXPECT_EQ(test, rd(&xpo, 0, 0x30, 128, 16),
			XPO_EEPROM_EOPNOTSUPP_PAGE);
	KUNIT_EXPECT_EQ(test, rd(&xpo, 0, 0x04, 128, 16),
			XPO_EEPROM_EOPNOTSUPP_PAGE);
	KUNIT_EXPECT_EQ(test, rd(&osfp, 0, 0x03, 128, 16),
			XPO_EEPROM_EOPNOTSUPP_PAGE);
	KUNIT_EXPECT_EQ(test, rd(&osfp, 0, CMIS_PAGE_CDB, 128, 16),
			XPO_EEPROM_EOPNOTSUPP_PAGE);
	KUNIT_EXPECT_EQ(test, rd(&osfp, 0, XPO_PAGE_TELEMETRY, 128, 16),
			XPO_EEPROM_EOPNOTSUPP_PAGE);
	KUNIT_EXPECT_EQ(test, rd(&flat, 0, 0x00, 0, 256), XPO_EEPROM_OK);
	KUNIT_EXPECT_EQ(test, rd(&flat, 0, 0x01, 128, 16),
			XPO_EEPROM_EOPNOTSUPP_PAGE);
	KUNIT_EXPECT_EQ(test, rd(&flat, 0, 0x11, 128, 16),
			XPO_EEPROM_EOPNOTSUPP_PAGE);
	KUNIT_EXPECT_EQ(test, rd(&flat, 1, 0x11, 128, 16),
			XPO_EEPROM_EOPNOTSUPP_BANK);
}

/* What the kernel's CMIS firmware flashing writes, and nothing else */
static void xpo_eeprom_test_writes(struct kunit *test)
{
	struct xpo_cmis_adv adv;
	unsigned int page;

	adv_xpo(&adv);
	/* password entry (cmis_cdb.c) and change */
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, 0x00, CMIS_PASSWORD_ENTRY, 4),
			XPO_EEPROM_OK);
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, 0x00, CMIS_PASSWORD_CHANGE, 8),
			XPO_EEPROM_OK);
	/* CDB body, then the command ID that triggers it */
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, CMIS_PAGE_CDB, 130, 126),
			XPO_EEPROM_OK);
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, CMIS_PAGE_CDB, 128, 2),
			XPO_EEPROM_OK);
	for (page = CMIS_PAGE_EPL_FIRST; page <= CMIS_PAGE_EPL_LAST; page++)
		KUNIT_EXPECT_EQ(test, wr(&adv, 0, page, 128, 128),
				XPO_EEPROM_OK);
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, 0x03, 128, 128), XPO_EEPROM_OK);

	/* the page select bytes belong to the core */
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, 0x00, 126, 1),
			XPO_EEPROM_EINVAL_PAGE_SELECT);
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, 0x00, 127, 1),
			XPO_EEPROM_EINVAL_PAGE_SELECT);
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, 0x00, 120, 8),
			XPO_EEPROM_EINVAL_PAGE_SELECT);
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, 0x00, 0, 256),
			XPO_EEPROM_EINVAL_PAGE_SELECT);
	/* the controls, masks and flags of lower memory are the core's */
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, 0x00, CMIS_MODULE_CTRL, 1),
			XPO_EEPROM_EOPNOTSUPP_LOWER_RO);
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, 0x00, CMIS_MODULE_MASKS, 6),
			XPO_EEPROM_EOPNOTSUPP_LOWER_RO);
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, 0x00, 117, 2),
			XPO_EEPROM_EOPNOTSUPP_LOWER_RO);
	/* lane controls are the ports', the rest read-only */
	KUNIT_EXPECT_EQ(test, wr(&adv, 2, 0x10, 128, 1),
			XPO_EEPROM_EOPNOTSUPP_PAGE_RO);
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, 0x00, 128, 8),
			XPO_EEPROM_EOPNOTSUPP_PAGE_RO);
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, 0x02, 128, 2),
			XPO_EEPROM_EOPNOTSUPP_PAGE_RO);
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, XPO_PAGE_TELEMETRY, 160, 2),
			XPO_EEPROM_EOPNOTSUPP_PAGE_RO);
	/* a page the module lacks is that first, as for reads */
	KUNIT_EXPECT_EQ(test, wr(&adv, 0, 0x30, 128, 1),
			XPO_EEPROM_EOPNOTSUPP_PAGE);
}

static void xpo_eeprom_test_writable(struct kunit *test)
{
	unsigned int page;

	for (page = 0; page <= 0xff; page++)
		KUNIT_EXPECT_EQ_MSG(test, xpo_eeprom_page_writable(page),
				    page == 0x03 || (page >= 0x9f &&
						     page <= 0xaf),
				    "page %02x", page);
}

static void xpo_eeprom_test_errno(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, xpo_eeprom_errno(XPO_EEPROM_OK), 0);
	KUNIT_EXPECT_EQ(test, xpo_eeprom_errno(XPO_EEPROM_EINVAL_I2C_ADDRESS),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_eeprom_errno(XPO_EEPROM_EINVAL_LENGTH),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_eeprom_errno(XPO_EEPROM_EINVAL_WINDOW),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_eeprom_errno(XPO_EEPROM_EINVAL_LOWER_PAGED),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_eeprom_errno(XPO_EEPROM_EINVAL_NOT_BANKED),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_eeprom_errno(XPO_EEPROM_EINVAL_PAGE_SELECT),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_eeprom_errno(XPO_EEPROM_EOPNOTSUPP_BANK),
			-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, xpo_eeprom_errno(XPO_EEPROM_EOPNOTSUPP_PAGE),
			-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, xpo_eeprom_errno(XPO_EEPROM_EOPNOTSUPP_LOWER_RO),
			-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, xpo_eeprom_errno(XPO_EEPROM_EOPNOTSUPP_PAGE_RO),
			-EOPNOTSUPP);
}

/*
 * A read refused with -EOPNOTSUPP is retried by the kernel through the
 * legacy layout (page * 128 + offset, bank ignored): it must land beyond
 * the 512 bytes of that layout (256 for flat memory), never on other data.
 */
static void xpo_eeprom_test_no_legacy_alias(struct kunit *test)
{
	struct xpo_cmis_adv xpo, flat;
	enum xpo_eeprom_verdict v;
	unsigned int page, bank;

	adv_xpo(&xpo);
	xpo_cmis_adv_set(&flat, SFF8024_ID_QSFP_DD, CMIS_MEM_FLAT, NULL);
	for (page = 0; page <= 0xff; page++) {
		for (bank = 0; bank <= 8; bank++) {
			v = rd(&xpo, bank, page, 128, 128);
			if (xpo_eeprom_errno(v) == -EOPNOTSUPP)
				KUNIT_EXPECT_GE_MSG(test, page * 128 + 128, 512U,
						    "page %02x bank %u", page,
						    bank);
			v = rd(&flat, bank, page, 128, 128);
			if (xpo_eeprom_errno(v) == -EOPNOTSUPP)
				KUNIT_EXPECT_GE_MSG(test, page * 128 + 128, 256U,
						    "flat page %02x bank %u",
						    page, bank);
		}
	}
}

static struct kunit_case xpo_eeprom_test_cases[] = {
	KUNIT_CASE(xpo_eeprom_test_reads_ok),
	KUNIT_CASE(xpo_eeprom_test_i2c_address),
	KUNIT_CASE(xpo_eeprom_test_window),
	KUNIT_CASE(xpo_eeprom_test_lower),
	KUNIT_CASE(xpo_eeprom_test_banks),
	KUNIT_CASE(xpo_eeprom_test_pages),
	KUNIT_CASE(xpo_eeprom_test_writes),
	KUNIT_CASE(xpo_eeprom_test_writable),
	KUNIT_CASE(xpo_eeprom_test_errno),
	KUNIT_CASE(xpo_eeprom_test_no_legacy_alias),
	{}
};

static struct kunit_suite xpo_eeprom_test_suite = {
	.name = "xpo_eeprom_check",
	.test_cases = xpo_eeprom_test_cases,
};

kunit_test_suite(xpo_eeprom_test_suite);
