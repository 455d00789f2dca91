// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: CMIS page and bank addressing (xpo_cmis_addr.c): banked pages,
 * bank limits from 01h:142 (XPO: 11b = 8 banks), advertised pages, window
 * bounds, transfer chunking, and the plan of a full dump (every region
 * read once, the fewest select writes).
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/string.h>

#include "../xpo_model.h"
#include "../xpo_cmis_addr.h"

/* An advertisement as xpo_cmis_adv_set() caches it from real page bytes */
static void adv_from(struct xpo_cmis_adv *adv, u8 id, u8 mem_char, u8 p142,
		     u8 p163, u8 p164)
{
	u8 page01[CMIS_PAGE_SIZE] = {};

	page01[CMIS_P01_PAGES - CMIS_UPPER_OFFSET] = p142;
	page01[CMIS_P01_CDB_SUPPORT - CMIS_UPPER_OFFSET] = p163;
	page01[CMIS_P01_CDB_RW_EXT - CMIS_UPPER_OFFSET] = p164;
	xpo_cmis_adv_set(adv, id, mem_char, page01);
}

static void xpo_cmis_addr_test_banked(struct kunit *test)
{
	unsigned int page;

	for (page = 0x00; page <= 0x0f; page++)
		KUNIT_EXPECT_FALSE(test, xpo_cmis_page_banked(page));
	for (page = 0x10; page <= 0x9e; page++)
		KUNIT_EXPECT_TRUE(test, xpo_cmis_page_banked(page));
	for (page = 0x9f; page <= 0xaf; page++)
		KUNIT_EXPECT_FALSE(test, xpo_cmis_page_banked(page));
	for (page = 0xb0; page <= 0xff; page++)
		KUNIT_EXPECT_TRUE(test, xpo_cmis_page_banked(page));
}

static void xpo_cmis_addr_test_bank_count(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, xpo_banks_from_p01(0x00), 1U);
	KUNIT_EXPECT_EQ(test, xpo_banks_from_p01(0x01), 2U);
	KUNIT_EXPECT_EQ(test, xpo_banks_from_p01(0x02), 4U);
	KUNIT_EXPECT_EQ(test, xpo_banks_from_p01(0x03), 8U);	/* XPO */
	/* the other bits of 01h:142 do not count */
	KUNIT_EXPECT_EQ(test, xpo_banks_from_p01(0xfc), 1U);
	KUNIT_EXPECT_EQ(test, xpo_banks_from_p01(0xe6), 4U);
	KUNIT_EXPECT_EQ(test, xpo_banks_from_p01(0xff), 8U);
}

/* Before the advertisement is read only what reading it needs is there */
static void xpo_cmis_addr_test_bootstrap(struct kunit *test)
{
	struct xpo_cmis_adv adv;

	xpo_cmis_adv_init(&adv);
	KUNIT_EXPECT_FALSE(test, adv.known);
	KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 0, 0x00));
	KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 0, 0x01));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 1, 0x01));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0x02));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0x11));
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0x11, 128, 1,
						  false), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0x01, 128, 128,
						  false), 0);
}

static void xpo_cmis_addr_test_flat(struct kunit *test)
{
	struct xpo_cmis_adv adv;

	xpo_cmis_adv_set(&adv, SFF8024_ID_QSFP_DD, CMIS_MEM_FLAT, NULL);
	KUNIT_EXPECT_TRUE(test, adv.flat);
	KUNIT_EXPECT_EQ(test, adv.banks, 1U);
	KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 0, 0x00));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0x01));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0x10));
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0x00, 0, 256,
						  false), 0);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0x02, 128, 8,
						  false), -EOPNOTSUPP);
	/* the flat bit wins over a page 01h image */
	adv_from(&adv, SFF8024_ID_QSFP_DD, CMIS_MEM_FLAT, 0x02, 0, 0);
	KUNIT_EXPECT_TRUE(test, adv.flat);
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0x11));
}

/* XPO: 8 banks of lane pages, the telemetry page in bank 0 only */
static void xpo_cmis_addr_test_xpo_banks(struct kunit *test)
{
	struct xpo_cmis_adv adv;
	unsigned int bank;

	adv_from(&adv, SFF8024_ID_XPO, 0, CMIS_P01_BANKS_RESERVED, 0, 0);
	KUNIT_EXPECT_TRUE(test, adv.known);
	KUNIT_EXPECT_TRUE(test, adv.xpo);
	KUNIT_EXPECT_EQ(test, adv.banks, 8U);
	for (bank = 0; bank < 8; bank++) {
		KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, bank, 0x10));
		KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, bank, 0x11));
		KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, bank, 0x11,
							  128, 128, false), 0);
	}
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 8, 0x10));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 255, 0x11));
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 8, 0x11, 128, 1,
						  false), -EOPNOTSUPP);

	KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 0,
						     XPO_PAGE_TELEMETRY));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 1,
						      XPO_PAGE_TELEMETRY));

	/* pages that are not banked exist in bank 0 only */
	KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 0, 0x02));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 1, 0x02));
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 3, 0x01, 130, 2,
						  false), -EOPNOTSUPP);
}

/* A tunable laser (01h:155 b6): page 04h in bank 0, page 12h in every bank */
static void xpo_cmis_addr_test_tunable(struct kunit *test)
{
	u8 page01[CMIS_PAGE_SIZE] = {};
	struct xpo_cmis_adv adv;

	page01[CMIS_P01_PAGES - CMIS_UPPER_OFFSET] = CMIS_P01_BANKS_RESERVED;
	xpo_cmis_adv_set(&adv, SFF8024_ID_XPO, 0, page01);
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0x04));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0x12));

	page01[CMIS_P01_TX_CTRL_ADV - CMIS_UPPER_OFFSET] = CMIS_P01_TX_TUNABLE;
	xpo_cmis_adv_set(&adv, SFF8024_ID_XPO, 0, page01);
	KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 0, 0x04));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 1, 0x04));
	KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 0, 0x12));
	KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 7, 0x12));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 8, 0x12));
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 2, 0x12, 136, 2,
						  true), 0);
}

/* The same map with the CMIS limit of 4 banks (the osfp personality) */
static void xpo_cmis_addr_test_cmis_banks(struct kunit *test)
{
	static const u8 codes[] = { CMIS_P01_BANKS_1, CMIS_P01_BANKS_2,
				    CMIS_P01_BANKS_4 };
	struct xpo_cmis_adv adv;
	unsigned int i, bank;

	for (i = 0; i < ARRAY_SIZE(codes); i++) {
		adv_from(&adv, SFF8024_ID_OSFP, 0, codes[i], 0, 0);
		KUNIT_EXPECT_EQ(test, adv.banks, 1U << i);
		for (bank = 0; bank < 8; bank++)
			KUNIT_EXPECT_EQ(test,
					xpo_cmis_page_exists(&adv, bank, 0x11),
					bank < (1U << i));
		KUNIT_EXPECT_FALSE(test, adv.xpo);
		KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0,
							      XPO_PAGE_TELEMETRY));
	}
}

/* Optional pages follow 01h:142 and 01h:163 */
static void xpo_cmis_addr_test_advertised_pages(struct kunit *test)
{
	struct xpo_cmis_adv adv;
	unsigned int page;

	adv_from(&adv, SFF8024_ID_OSFP, 0, CMIS_P01_BANKS_2, 0, 0);
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0x03));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0x05));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0x13));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0x16));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0x20));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, CMIS_PAGE_CDB));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0xa0));
	/* never advertised: reserved and vendor pages */
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0x04));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0x12));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0xff));

	adv_from(&adv, SFF8024_ID_OSFP, 0,
		 CMIS_P01_BANKS_2 | CMIS_P01_PAGE_03 | CMIS_P01_PAGE_05 |
		 CMIS_P01_PAGE_13_14 | CMIS_P01_PAGE_16_17 | CMIS_P01_VDM,
		 0x40 | 0x07, 0x0f);
	KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 0, 0x03));
	KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 0, 0x05));
	KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 1, 0x13));
	KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 1, 0x14));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 2, 0x14));
	KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 0, 0x17));
	for (page = 0x20; page <= 0x2f; page++)
		KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 1, page));
	KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 0, CMIS_PAGE_CDB));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 1, CMIS_PAGE_CDB));
	for (page = 0xa0; page <= 0xaf; page++)
		KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 0, page));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0x04));

	/* CDB without EPL */
	adv_from(&adv, SFF8024_ID_OSFP, 0, 0, 0x40, 0);
	KUNIT_EXPECT_TRUE(test, xpo_cmis_page_exists(&adv, 0, CMIS_PAGE_CDB));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0xa0));
	/* EPL pages claimed without CDB instances: no */
	adv_from(&adv, SFF8024_ID_OSFP, 0, 0, 0x07, 0);
	KUNIT_EXPECT_FALSE(test, xpo_cmis_page_exists(&adv, 0, 0xa0));
}

static void xpo_cmis_addr_test_window(struct kunit *test)
{
	struct xpo_cmis_adv adv;

	adv_from(&adv, SFF8024_ID_XPO, 0, CMIS_P01_BANKS_RESERVED, 0, 0);

	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0, 0, 0, false),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0, 256, 1, false),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0, 255, 1, false),
			0);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0, 255, 2, false),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0, 0, 257, false),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0, 200, 57, false),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0, 0, 256, false),
			0);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0, 1U << 31, 1,
						  false), -EINVAL);

	/* lower memory ignores bank and page, even absurd ones */
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 200, 0x77, 0, 128,
						  false), 0);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 7, 0x11, 14, 2,
						  false), 0);

	/* crossing into the upper half: page 00h of bank 0 only */
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0, 120, 16, false),
			0);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 1, 120, 16, false),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 1, 0x11, 127, 2,
						  false), -EINVAL);

	/* BankSelect and PageSelect belong to the core */
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0, 126, 1, true),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0, 127, 1, true),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0, 120, 7, true),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0, 120, 6, true),
			0);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0, 126, 2, false),
			0);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 2, 0x10, 128, 8,
						  true), 0);
	KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(&adv, 0, 0, 26, 1, true), 0);
}

static void xpo_cmis_addr_test_needs_select(struct kunit *test)
{
	KUNIT_EXPECT_FALSE(test, xpo_cmis_needs_select(0, 128));
	KUNIT_EXPECT_FALSE(test, xpo_cmis_needs_select(127, 1));
	KUNIT_EXPECT_TRUE(test, xpo_cmis_needs_select(127, 2));
	KUNIT_EXPECT_TRUE(test, xpo_cmis_needs_select(128, 1));
	KUNIT_EXPECT_TRUE(test, xpo_cmis_needs_select(0, 256));
}

/* Cut an access the way xpo_cmis_io.c does and check the pieces */
static unsigned int chunks(unsigned int offset, size_t len, unsigned int max,
			   unsigned int *largest)
{
	unsigned int n, count = 0;

	*largest = 0;
	while (len) {
		n = xpo_cmis_chunk(offset, len, max);
		if (!n)
			break;
		*largest = max(*largest, n);
		offset += n;
		len -= n;
		count++;
	}
	return len ? 0 : count;
}

static void xpo_cmis_addr_test_chunking(struct kunit *test)
{
	unsigned int largest;

	KUNIT_EXPECT_EQ(test, xpo_cmis_chunk(0, 256, 128), 128U);
	KUNIT_EXPECT_EQ(test, xpo_cmis_chunk(128, 128, 128), 128U);
	KUNIT_EXPECT_EQ(test, xpo_cmis_chunk(250, 20, 128), 6U);
	KUNIT_EXPECT_EQ(test, xpo_cmis_chunk(0, 5, 0), 1U);
	KUNIT_EXPECT_EQ(test, xpo_cmis_chunk(256, 5, 8), 0U);
	KUNIT_EXPECT_EQ(test, xpo_cmis_chunk(10, 3, 8), 3U);

	KUNIT_EXPECT_EQ(test, chunks(0, 256, 128, &largest), 2U);
	KUNIT_EXPECT_EQ(test, largest, 128U);
	KUNIT_EXPECT_EQ(test, chunks(128, 128, 32, &largest), 4U);
	KUNIT_EXPECT_EQ(test, largest, 32U);
	KUNIT_EXPECT_EQ(test, chunks(130, 126, 8, &largest), 16U);
	KUNIT_EXPECT_EQ(test, largest, 8U);
	KUNIT_EXPECT_EQ(test, chunks(128, 128, 1, &largest), 128U);
	KUNIT_EXPECT_EQ(test, chunks(0, 1, 128, &largest), 1U);
}

static void xpo_cmis_addr_test_write_limit(struct kunit *test)
{
	struct xpo_cmis_adv adv;

	xpo_cmis_adv_init(&adv);
	KUNIT_EXPECT_EQ(test, xpo_cmis_write_limit(&adv, 0xa0), 8U);

	adv_from(&adv, SFF8024_ID_OSFP, 0, 0, 0x41, 0);
	KUNIT_EXPECT_EQ(test, xpo_cmis_write_limit(&adv, 0x00), 8U);
	KUNIT_EXPECT_EQ(test, xpo_cmis_write_limit(&adv, CMIS_PAGE_CDB), 8U);
	KUNIT_EXPECT_EQ(test, xpo_cmis_write_limit(&adv, 0xa0), 8U);

	adv_from(&adv, SFF8024_ID_OSFP, 0, 0, 0x41, 3);
	KUNIT_EXPECT_EQ(test, xpo_cmis_write_limit(&adv, 0xa5), 32U);
	KUNIT_EXPECT_EQ(test, xpo_cmis_write_limit(&adv, 0x10), 8U);

	adv_from(&adv, SFF8024_ID_OSFP, 0, 0, 0x41, 15);
	KUNIT_EXPECT_EQ(test, xpo_cmis_write_limit(&adv, 0xaf), 128U);
	adv_from(&adv, SFF8024_ID_OSFP, 0, 0, 0x41, 255);
	KUNIT_EXPECT_EQ(test, xpo_cmis_write_limit(&adv, 0xaf), 128U);
}

/* Select writes of a plan, by kind */
static void plan_sels(const struct xpo_cmis_dump_plan *plan,
		      unsigned int *page, unsigned int *bank)
{
	unsigned int k;

	*page = 0;
	*bank = 0;
	for (k = 0; k < plan->n; k++) {
		*page += plan->step[k].sel == XPO_CMIS_SEL_PAGE;
		*bank += plan->step[k].sel == XPO_CMIS_SEL_BANK;
	}
}

/*
 * Every step's select leaves the region's (bank, page) selected, given the
 * selection before it (unknown at the start), and every region is read
 * exactly once.
 */
static void plan_check(struct kunit *test, const struct xpo_cmis_adv *adv,
		       const struct xpo_cmis_dump_plan *plan)
{
	u8 seen[XPO_CMIS_DUMP_MAX] = {};
	int bank = -1, page = -1;
	unsigned int k;

	for (k = 0; k < plan->n; k++) {
		const struct xpo_cmis_dump_step *s = &plan->step[k];
		const struct xpo_cmis_region *r;

		KUNIT_ASSERT_LT(test, (unsigned int)s->region, plan->n);
		r = &plan->region[s->region];
		KUNIT_EXPECT_EQ(test, seen[s->region]++, 0);
		KUNIT_EXPECT_EQ(test, xpo_cmis_addr_check(adv, r->bank, r->page,
							  r->offset, 128, false),
				0);
		if (s->sel == XPO_CMIS_SEL_BANK) {
			bank = r->bank;
			page = r->page;
		} else if (s->sel == XPO_CMIS_SEL_PAGE) {
			/* PageSelect alone only where the bank is known */
			KUNIT_EXPECT_EQ(test, bank, (int)r->bank);
			page = r->page;
		}
		if (adv->flat)
			continue;
		/* lower memory is read with page 00h selected: the read-back */
		KUNIT_EXPECT_EQ(test, bank, (int)r->bank);
		KUNIT_EXPECT_EQ(test, page, (int)r->page);
	}
}

/* An XPO module, 8 banks: 21 regions, one bank write a bank */
static void xpo_cmis_addr_test_dump_xpo(struct kunit *test)
{
	struct xpo_cmis_dump_plan *plan;
	struct xpo_cmis_adv adv;
	unsigned int pg, bk, b;

	plan = kunit_kzalloc(test, sizeof(*plan), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plan);
	adv_from(&adv, SFF8024_ID_XPO, 0, CMIS_P01_BANKS_RESERVED, 0, 0);
	/* lower, 00h, 01h, 02h, 10h, 11h, B0h; 10h and 11h of banks 1-7 */
	KUNIT_ASSERT_EQ(test, xpo_cmis_dump_plan(&adv, plan), 7U + 2 * 7);
	plan_check(test, &adv, plan);

	/* reported in order: lower memory, 00h, bank 0, then banks 1-7 */
	KUNIT_EXPECT_EQ(test, plan->region[0].offset, 0);
	KUNIT_EXPECT_EQ(test, plan->region[1].offset, 128);
	KUNIT_EXPECT_EQ(test, plan->region[1].page, 0x00);
	KUNIT_EXPECT_EQ(test, plan->region[2].page, 0x01);
	KUNIT_EXPECT_EQ(test, plan->region[3].page, 0x02);
	KUNIT_EXPECT_EQ(test, plan->region[4].page, 0x10);
	KUNIT_EXPECT_EQ(test, plan->region[5].page, 0x11);
	KUNIT_EXPECT_EQ(test, plan->region[6].page, XPO_PAGE_TELEMETRY);
	for (b = 1; b < 8; b++) {
		KUNIT_EXPECT_EQ(test, plan->region[5 + 2 * b].bank, b);
		KUNIT_EXPECT_EQ(test, plan->region[5 + 2 * b].page, 0x10);
		KUNIT_EXPECT_EQ(test, plan->region[6 + 2 * b].bank, b);
		KUNIT_EXPECT_EQ(test, plan->region[6 + 2 * b].page, 0x11);
	}

	/* the bus: bank 7 first, bank 0 last, then lower memory and 00h */
	KUNIT_EXPECT_EQ(test, plan->region[plan->step[0].region].bank, 7);
	KUNIT_EXPECT_EQ(test, plan->step[0].sel, XPO_CMIS_SEL_BANK);
	KUNIT_EXPECT_EQ(test, plan->step[1].sel, XPO_CMIS_SEL_PAGE);
	KUNIT_EXPECT_EQ(test, plan->step[19].region, 0);
	KUNIT_EXPECT_EQ(test, plan->step[19].sel, XPO_CMIS_SEL_PAGE);
	KUNIT_EXPECT_EQ(test, plan->step[20].region, 1);
	KUNIT_EXPECT_EQ(test, plan->step[20].sel, XPO_CMIS_SEL_NONE);
	/* one 2-byte write per bank; every other page change PageSelect only */
	plan_sels(plan, &pg, &bk);
	KUNIT_EXPECT_EQ(test, bk, 8U);
	KUNIT_EXPECT_EQ(test, pg, 21U - 1 - 8);
}

/* One bank: a single 2-byte write, the return to 00h PageSelect only */
static void xpo_cmis_addr_test_dump_one_bank(struct kunit *test)
{
	struct xpo_cmis_dump_plan *plan;
	struct xpo_cmis_adv adv;
	unsigned int pg, bk;

	plan = kunit_kzalloc(test, sizeof(*plan), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plan);
	adv_from(&adv, SFF8024_ID_OSFP, 0, CMIS_P01_BANKS_1 | CMIS_P01_PAGE_03,
		 0, 0);
	/* lower, 00h, 01h, 02h, 03h, 10h, 11h */
	KUNIT_ASSERT_EQ(test, xpo_cmis_dump_plan(&adv, plan), 7U);
	plan_check(test, &adv, plan);
	plan_sels(plan, &pg, &bk);
	KUNIT_EXPECT_EQ(test, bk, 1U);
	KUNIT_EXPECT_EQ(test, pg, 5U);	/* 02h, 03h, 10h, 11h, back to 00h */
}

/* Flat memory: lower memory and 00h, nothing to select */
static void xpo_cmis_addr_test_dump_flat(struct kunit *test)
{
	struct xpo_cmis_dump_plan *plan;
	struct xpo_cmis_adv adv;
	unsigned int pg, bk;

	plan = kunit_kzalloc(test, sizeof(*plan), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plan);
	xpo_cmis_adv_set(&adv, SFF8024_ID_QSFP_DD, CMIS_MEM_FLAT, NULL);
	KUNIT_ASSERT_EQ(test, xpo_cmis_dump_plan(&adv, plan), 2U);
	plan_check(test, &adv, plan);
	plan_sels(plan, &pg, &bk);
	KUNIT_EXPECT_EQ(test, pg + bk, 0U);
}

/* Everything advertised, 8 banks: XPO_CMIS_DUMP_MAX regions exactly */
static void xpo_cmis_addr_test_dump_max(struct kunit *test)
{
	struct xpo_cmis_dump_plan *plan;
	struct xpo_cmis_adv adv;
	unsigned int pg, bk;

	plan = kunit_kzalloc(test, sizeof(*plan), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plan);
	adv_from(&adv, SFF8024_ID_XPO, 0, 0xff, 0x4f, 0);
	KUNIT_ASSERT_EQ(test, xpo_cmis_dump_plan(&adv, plan),
			(unsigned int)XPO_CMIS_DUMP_MAX);
	plan_check(test, &adv, plan);
	plan_sels(plan, &pg, &bk);
	KUNIT_EXPECT_EQ(test, bk, 8U);
	KUNIT_EXPECT_EQ(test, pg + bk, (unsigned int)XPO_CMIS_DUMP_MAX - 1);
}

static struct kunit_case xpo_cmis_addr_test_cases[] = {
	KUNIT_CASE(xpo_cmis_addr_test_banked),
	KUNIT_CASE(xpo_cmis_addr_test_bank_count),
	KUNIT_CASE(xpo_cmis_addr_test_bootstrap),
	KUNIT_CASE(xpo_cmis_addr_test_flat),
	KUNIT_CASE(xpo_cmis_addr_test_xpo_banks),
	KUNIT_CASE(xpo_cmis_addr_test_tunable),
	KUNIT_CASE(xpo_cmis_addr_test_cmis_banks),
	KUNIT_CASE(xpo_cmis_addr_test_advertised_pages),
	KUNIT_CASE(xpo_cmis_addr_test_window),
	KUNIT_CASE(xpo_cmis_addr_test_needs_select),
	KUNIT_CASE(xpo_cmis_addr_test_chunking),
	KUNIT_CASE(xpo_cmis_addr_test_write_limit),
	KUNIT_CASE(xpo_cmis_addr_test_dump_xpo),
	KUNIT_CASE(xpo_cmis_addr_test_dump_one_bank),
	KUNIT_CASE(xpo_cmis_addr_test_dump_flat),
	KUNIT_CASE(xpo_cmis_addr_test_dump_max),
	{}
};

static struct kunit_suite xpo_cmis_addr_test_suite = {
	.name = "xpo_cmis_addr",
	.test_cases = xpo_cmis_addr_test_cases,
};

kunit_test_suite(xpo_cmis_addr_test_suite);
