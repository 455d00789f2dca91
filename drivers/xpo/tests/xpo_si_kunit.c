// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: host-side signal integrity controls (xpo_si.c) on page images
 * built byte by byte here.  The LPO and LRO advertisements are those of
 * the emulator's personalities (sim/personality.c), copied, not shared.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/string.h>

#include "../cmis.h"
#include "../xpo_si.h"

#define P01(pg, off)	((pg)[(off) - CMIS_UPPER_OFFSET])

/* xpo-lpo: linear both ways, fixed Tx CTLE, Rx emphasis and swing */
static void lpo_page01(u8 *pg)
{
	memset(pg, 0, CMIS_PAGE_SIZE);
	P01(pg, XPO_SI_P01_EQ_MAX) = 0x70 | 0x0a;	/* amp 0-2, Tx EQ 0-10 */
	P01(pg, XPO_SI_P01_RX_EQ_MAX) = 0x77;		/* pre 0-7, post 0-7 */
	P01(pg, XPO_SI_P01_TX_ADV) = XPO_SI_ADV_TX_EQ_FIXED;
	P01(pg, XPO_SI_P01_RX_ADV) = XPO_SI_ADV_RX_AMPLITUDE |
				     XPO_SI_ADV_RX_PRE | XPO_SI_ADV_RX_POST;
}

/* xpo-lro: retimed Tx (CDR, adaptive EQ, 2 recall buffers), linear Rx */
static void lro_page01(u8 *pg)
{
	memset(pg, 0, CMIS_PAGE_SIZE);
	P01(pg, XPO_SI_P01_EQ_MAX) = 0xd0 | 0x0c;	/* amp 0,2,3, Tx EQ 0-12 */
	P01(pg, XPO_SI_P01_RX_EQ_MAX) = 0x73;		/* pre 0-3, post 0-7 */
	P01(pg, XPO_SI_P01_TX_ADV) = XPO_SI_ADV_TX_CDR |
				     XPO_SI_ADV_TX_CDR_BYPASS |
				     XPO_SI_ADV_TX_EQ_FIXED |
				     XPO_SI_ADV_TX_EQ_ADAPTIVE |
				     XPO_SI_ADV_TX_EQ_FREEZE |
				     FIELD_PREP(XPO_SI_ADV_TX_EQ_RECALL, 2);
	P01(pg, XPO_SI_P01_RX_ADV) = XPO_SI_ADV_RX_AMPLITUDE |
				     XPO_SI_ADV_RX_PRE | XPO_SI_ADV_RX_POST;
}

static void xpo_si_test_caps(struct kunit *test)
{
	u8 pg[CMIS_PAGE_SIZE];
	struct xpo_si_caps c;

	lpo_page01(pg);
	xpo_si_caps_decode(&c, pg);
	KUNIT_EXPECT_TRUE(test, c.tx_eq_fixed);
	KUNIT_EXPECT_FALSE(test, c.tx_eq_adaptive);
	KUNIT_EXPECT_FALSE(test, c.tx_cdr);
	KUNIT_EXPECT_FALSE(test, c.rx_cdr);
	KUNIT_EXPECT_TRUE(test, c.rx_amp);
	KUNIT_EXPECT_TRUE(test, c.rx_pre);
	KUNIT_EXPECT_TRUE(test, c.rx_post);
	KUNIT_EXPECT_EQ(test, c.tx_eq_max, 10);
	KUNIT_EXPECT_EQ(test, c.rx_amp_codes, 0x7);
	KUNIT_EXPECT_EQ(test, c.rx_pre_max, 7);
	KUNIT_EXPECT_EQ(test, c.rx_post_max, 7);
	KUNIT_EXPECT_EQ(test, xpo_si_caps_fields(&c),
			XPO_SI_F_TX_EQ | XPO_SI_F_RX_PRE | XPO_SI_F_RX_POST |
			XPO_SI_F_RX_AMP);

	lro_page01(pg);
	xpo_si_caps_decode(&c, pg);
	KUNIT_EXPECT_TRUE(test, c.tx_cdr && c.tx_cdr_bypass);
	KUNIT_EXPECT_TRUE(test, c.tx_eq_adaptive && c.tx_eq_freeze);
	KUNIT_EXPECT_EQ(test, c.tx_eq_recall, 2);
	KUNIT_EXPECT_EQ(test, c.rx_amp_codes, 0xd);
	KUNIT_EXPECT_EQ(test, c.rx_pre_max, 3);
	KUNIT_EXPECT_EQ(test, c.rx_post_max, 7);
	KUNIT_EXPECT_EQ(test, c.tx_eq_max, 12);
	KUNIT_EXPECT_EQ(test, xpo_si_caps_fields(&c),
			XPO_SI_F_ALL & ~XPO_SI_F_RX_CDR);

	/* a CDR that cannot be bypassed is no control */
	P01(pg, XPO_SI_P01_TX_ADV) = XPO_SI_ADV_TX_CDR;
	P01(pg, XPO_SI_P01_RX_ADV) = XPO_SI_ADV_RX_CDR;
	xpo_si_caps_decode(&c, pg);
	KUNIT_EXPECT_FALSE(test, xpo_si_caps_any(&c));
	/* recall buffer code 3 is reserved: read as the most, 2 */
	P01(pg, XPO_SI_P01_TX_ADV) = XPO_SI_ADV_TX_EQ_RECALL;
	xpo_si_caps_decode(&c, pg);
	KUNIT_EXPECT_EQ(test, c.tx_eq_recall, 2);

	/* a retimed module with no SI controls at all (the DR8) */
	memset(pg, 0, sizeof(pg));
	xpo_si_caps_decode(&c, pg);
	KUNIT_EXPECT_FALSE(test, xpo_si_caps_any(&c));
}

static void xpo_si_test_field_names(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, xpo_si_field_name(XPO_SI_F_RX_POST),
			   "Rx output post-cursor");
	KUNIT_EXPECT_STREQ(test, xpo_si_field_name(XPO_SI_F_TX_EQ),
			   "Tx input equalization");
	KUNIT_EXPECT_STREQ(test, xpo_si_field_name(0), "?");
	KUNIT_EXPECT_STREQ(test, xpo_si_field_name(XPO_SI_F_TX_EQ |
						   XPO_SI_F_RX_PRE), "?");
}

static void xpo_si_test_check_ok(struct kunit *test)
{
	struct xpo_si_req req = { .lanes = 0x0f,
				  .fields = XPO_SI_F_RX_POST | XPO_SI_F_RX_AMP };
	char msg[XPO_SI_MSG_LEN] = "";
	u8 pg[CMIS_PAGE_SIZE];
	struct xpo_si_caps c;
	unsigned int l;

	lpo_page01(pg);
	xpo_si_caps_decode(&c, pg);
	for (l = 0; l < 4; l++) {
		req.lane[l].rx_post = 7;
		req.lane[l].rx_amp = 2;
	}
	/* values of lanes not requested are not looked at */
	req.lane[5].rx_post = 15;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, sizeof(msg)), 0);
	KUNIT_EXPECT_STREQ(test, msg, "");

	/* fixed Tx EQ with adaptive EQ off, and a recall, on the LRO */
	lro_page01(pg);
	xpo_si_caps_decode(&c, pg);
	req.fields = XPO_SI_F_TX_EQ | XPO_SI_F_TX_ADAPTIVE;
	req.lanes = 0x01;
	req.lane[0].tx_eq = 12;
	req.lane[0].tx_adaptive = false;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, NULL, 0), 0);
	req.fields = XPO_SI_F_TX_RECALL | XPO_SI_F_TX_ADAPTIVE;
	req.lane[0].tx_adaptive = true;
	req.lane[0].tx_recall = 2;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, NULL, 0), 0);
	/* the amplitude codes need not be contiguous */
	req.fields = XPO_SI_F_RX_AMP;
	req.lane[0].rx_amp = 3;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, NULL, 0), 0);
}

static void xpo_si_test_check_refused(struct kunit *test)
{
	struct xpo_si_req req = { .lanes = 0x80, .fields = XPO_SI_F_RX_POST };
	char msg[XPO_SI_MSG_LEN];
	u8 pg[CMIS_PAGE_SIZE];
	struct xpo_si_caps c;

	lpo_page01(pg);
	xpo_si_caps_decode(&c, pg);

	req.lane[7].rx_post = 9;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, sizeof(msg)),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, msg,
			   "lane 8: Rx output post-cursor 9 out of range 0-7");

	req.fields = XPO_SI_F_TX_ADAPTIVE;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, sizeof(msg)),
			-EOPNOTSUPP);
	KUNIT_EXPECT_STREQ(test, msg,
			   "module does not support Tx input adaptive equalization");

	req.fields = XPO_SI_F_TX_CDR;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, sizeof(msg)),
			-EOPNOTSUPP);
	KUNIT_EXPECT_STREQ(test, msg, "module does not support Tx CDR bypass");

	req.fields = XPO_SI_F_TX_EQ;
	req.lane[7].tx_eq = 11;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, sizeof(msg)),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, msg,
			   "lane 8: Tx input equalization 11 out of range 0-10");

	req.fields = XPO_SI_F_RX_AMP;
	req.lane[7].rx_amp = 3;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, sizeof(msg)),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, msg,
			   "lane 8: Rx output amplitude code 3 not supported (codes 0-2)");

	/* nothing asked */
	req.fields = 0;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, sizeof(msg)),
			-EINVAL);
	req.fields = XPO_SI_F_RX_PRE;
	req.lanes = 0;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, sizeof(msg)),
			-EINVAL);

	/* a module without SI controls */
	memset(pg, 0, sizeof(pg));
	xpo_si_caps_decode(&c, pg);
	req.lanes = 1;
	req.fields = XPO_SI_F_TX_EQ;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, sizeof(msg)),
			-EOPNOTSUPP);
	KUNIT_EXPECT_STREQ(test, msg, "module advertises no SI controls");

	/* a control the LRO has, but not this one */
	lro_page01(pg);
	xpo_si_caps_decode(&c, pg);
	req.fields = XPO_SI_F_RX_CDR;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, sizeof(msg)),
			-EOPNOTSUPP);
	KUNIT_EXPECT_STREQ(test, msg, "module does not support Rx CDR bypass");
	req.fields = XPO_SI_F_RX_AMP;
	req.lane[0].rx_amp = 1;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, sizeof(msg)),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, msg,
			   "lane 1: Rx output amplitude code 1 not supported (codes 0,2,3)");
	req.fields = XPO_SI_F_RX_PRE;
	req.lane[0].rx_pre = 4;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, sizeof(msg)),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, msg,
			   "lane 1: Rx output pre-cursor 4 out of range 0-3");
	req.fields = XPO_SI_F_TX_RECALL;
	req.lane[0].tx_recall = 3;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, sizeof(msg)),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, msg,
			   "lane 1: Tx input equalization recall 3 out of range 1-2");

	/* contradictions */
	req.fields = XPO_SI_F_TX_EQ | XPO_SI_F_TX_ADAPTIVE;
	req.lane[0].tx_eq = 2;
	req.lane[0].tx_adaptive = true;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, sizeof(msg)),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, msg,
			   "lane 1: fixed Tx input equalization needs adaptive equalization off");
	req.fields = XPO_SI_F_TX_RECALL | XPO_SI_F_TX_ADAPTIVE;
	req.lane[0].tx_adaptive = false;
	req.lane[0].tx_recall = 1;
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, sizeof(msg)),
			-EINVAL);

	/* the message is cut, never overrun */
	req.fields = XPO_SI_F_RX_PRE;
	req.lane[0].rx_pre = 4;
	memset(msg, 'x', sizeof(msg));
	KUNIT_EXPECT_EQ(test, xpo_si_check(&c, &req, msg, 8), -EINVAL);
	KUNIT_EXPECT_STREQ(test, msg, "lane 1:");
}

static void xpo_si_test_encode(struct kunit *test)
{
	struct xpo_si_req req = { };
	u8 set[XPO_SI_SET_LEN], before[XPO_SI_SET_LEN];
	struct xpo_si_lane v[XPO_SI_LANES];
	unsigned int i;

	/* every other bit set: a lane not asked for keeps its settings */
	memset(set, 0xa5, sizeof(set));
	memcpy(before, set, sizeof(set));

	req.lanes = BIT(2);	/* lane 3 */
	req.fields = XPO_SI_F_RX_POST;
	req.lane[2].rx_post = 0x3;
	xpo_si_encode(set, &req);
	/* 10h:166-169: lanes 3-4 in byte 167, lane 3 in b3-0 */
	KUNIT_EXPECT_EQ(test, set[XPO_SI_RX_POST + 1], 0xa3);
	for (i = 0; i < XPO_SI_SET_LEN; i++)
		if (i != XPO_SI_RX_POST + 1)
			KUNIT_EXPECT_EQ(test, set[i], before[i]);

	/* lane 8: the high nibble of the last byte of each nibble field */
	memset(set, 0, sizeof(set));
	req.lanes = BIT(7);
	req.fields = XPO_SI_F_ALL;
	req.lane[7] = (struct xpo_si_lane){
		.tx_adaptive = true, .tx_recall = 2, .tx_eq = 0xc,
		.tx_cdr = true, .rx_cdr = true, .rx_pre = 0x1,
		.rx_post = 0x7, .rx_amp = 0x2,
	};
	xpo_si_encode(set, &req);
	KUNIT_EXPECT_EQ(test, set[XPO_SI_TX_ADAPTIVE], 0x80);
	KUNIT_EXPECT_EQ(test, set[XPO_SI_TX_RECALL + 1], 0x80);	/* b7-6 */
	KUNIT_EXPECT_EQ(test, set[XPO_SI_TX_FIXED + 3], 0xc0);
	KUNIT_EXPECT_EQ(test, set[XPO_SI_TX_CDR_EN], 0x80);
	KUNIT_EXPECT_EQ(test, set[XPO_SI_RX_CDR_EN], 0x80);
	KUNIT_EXPECT_EQ(test, set[XPO_SI_RX_PRE + 3], 0x10);
	KUNIT_EXPECT_EQ(test, set[XPO_SI_RX_POST + 3], 0x70);
	KUNIT_EXPECT_EQ(test, set[XPO_SI_RX_AMP + 3], 0x20);

	/* and back */
	xpo_si_decode(set, v);
	KUNIT_EXPECT_TRUE(test, v[7].tx_adaptive);
	KUNIT_EXPECT_EQ(test, v[7].tx_recall, 2);
	KUNIT_EXPECT_EQ(test, v[7].tx_eq, 0xc);
	KUNIT_EXPECT_TRUE(test, v[7].tx_cdr && v[7].rx_cdr);
	KUNIT_EXPECT_EQ(test, v[7].rx_pre, 1);
	KUNIT_EXPECT_EQ(test, v[7].rx_post, 7);
	KUNIT_EXPECT_EQ(test, v[7].rx_amp, 2);
	for (i = 0; i < 7; i++) {
		KUNIT_EXPECT_FALSE(test, v[i].tx_adaptive || v[i].tx_cdr);
		KUNIT_EXPECT_EQ(test, v[i].rx_post, 0);
	}
}

/* A 21-byte active set as a module reports it in 11h:214-234 */
static void xpo_si_test_decode_active(struct kunit *test)
{
	static const u8 page11_214[XPO_SI_SET_LEN] = {
		0x0f,			/* 214: adaptive on lanes 1-4 */
		0x1b, 0x00,		/* 215-216: recall 3,2,1,0 lanes 1-4 */
		0x21, 0x43, 0x65, 0x87,	/* 217-220: Tx EQ 1..8 */
		0xff, 0x00,		/* 221-222: Tx CDR all, Rx CDR none */
		0x10, 0x32, 0x54, 0x76,	/* 223-226: pre 0..7 */
		0x77, 0x77, 0x77, 0x77,	/* 227-230: post 7 */
		0x01, 0x00, 0x00, 0x20,	/* 231-234: amp 1, 0.., lane 8 = 2 */
	};
	struct xpo_si_lane v[XPO_SI_LANES];
	unsigned int l;

	KUNIT_EXPECT_EQ(test, XPO_SI_P11_ACTIVE - XPO_SI_P10_SET0, 61);
	KUNIT_EXPECT_EQ(test, XPO_SI_P10_SET0 + XPO_SI_SET_LEN - 1, 173);
	KUNIT_EXPECT_EQ(test, XPO_SI_P11_ACTIVE + XPO_SI_SET_LEN - 1, 234);
	xpo_si_decode(page11_214, v);
	for (l = 0; l < XPO_SI_LANES; l++) {
		KUNIT_EXPECT_EQ(test, v[l].tx_adaptive, l < 4);
		KUNIT_EXPECT_EQ(test, v[l].tx_eq, l + 1);
		KUNIT_EXPECT_TRUE(test, v[l].tx_cdr);
		KUNIT_EXPECT_FALSE(test, v[l].rx_cdr);
		KUNIT_EXPECT_EQ(test, v[l].rx_pre, l);
		KUNIT_EXPECT_EQ(test, v[l].rx_post, 7);
	}
	KUNIT_EXPECT_EQ(test, v[0].tx_recall, 3);
	KUNIT_EXPECT_EQ(test, v[1].tx_recall, 2);
	KUNIT_EXPECT_EQ(test, v[2].tx_recall, 1);
	KUNIT_EXPECT_EQ(test, v[3].tx_recall, 0);
	KUNIT_EXPECT_EQ(test, v[0].rx_amp, 1);
	KUNIT_EXPECT_EQ(test, v[6].rx_amp, 0);
	KUNIT_EXPECT_EQ(test, v[7].rx_amp, 2);
}

static struct kunit_case xpo_si_test_cases[] = {
	KUNIT_CASE(xpo_si_test_caps),
	KUNIT_CASE(xpo_si_test_field_names),
	KUNIT_CASE(xpo_si_test_check_ok),
	KUNIT_CASE(xpo_si_test_check_refused),
	KUNIT_CASE(xpo_si_test_encode),
	KUNIT_CASE(xpo_si_test_decode_active),
	{}
};

static struct kunit_suite xpo_si_test_suite = {
	.name = "xpo_si",
	.test_cases = xpo_si_test_cases,
};

kunit_test_suite(xpo_si_test_suite);
