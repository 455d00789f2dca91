// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the pure parts of the xpo netlink family (xpo_nl_check.c): every
 * refused raw module memory read names its errno, its attribute and a
 * message, agreeing with ethtool's checks (xpo_eeprom_check.c); every
 * internal uevent kind and every protection uevent maps to a uapi event;
 * a cage-set that must be refused before anything changes is.
 */
#include <kunit/test.h>
#include <linux/bits.h>
#include <linux/errno.h>
#include <linux/string.h>

#include "../../../include/uapi/linux/xpo.h"
#include "../xpo_model.h"
#include "../xpo_cmis_addr.h"
#include "../xpo_eeprom_check.h"
#include "../xpo_nl.h"
#include "../xpo_protect.h"

static void adv_xpo(struct xpo_cmis_adv *adv)
{
	u8 page01[CMIS_PAGE_SIZE] = {};

	page01[CMIS_P01_PAGES - CMIS_UPPER_OFFSET] = CMIS_P01_BANKS_RESERVED |
						     CMIS_P01_PAGE_03;
	xpo_cmis_adv_set(adv, SFF8024_ID_XPO, 0, page01);
}

static bool refused(const struct xpo_cmis_adv *adv, u8 bank, u8 page,
		    u32 offset, u32 len, struct xpo_nl_refusal *r)
{
	struct xpo_eeprom_req req = {
		.i2c_address = CMIS_I2C_ADDR,
		.bank = bank,
		.page = page,
		.offset = offset,
		.length = len,
	};

	memset(r, 0, sizeof(*r));
	return xpo_nl_eeprom_refused(adv, &req, r);
}

/* expect a refusal with this errno and attribute, and some message */
static void expect_refused(struct kunit *test, const struct xpo_cmis_adv *adv,
			   u8 bank, u8 page, u32 off, u32 len, int err,
			   int attr)
{
	struct xpo_nl_refusal r;

	KUNIT_EXPECT_TRUE_MSG(test, refused(adv, bank, page, off, len, &r),
			      "bank %u page %02x offset %u length %u",
			      bank, page, off, len);
	KUNIT_EXPECT_EQ_MSG(test, r.err, err,
			    "bank %u page %02x offset %u length %u",
			    bank, page, off, len);
	KUNIT_EXPECT_EQ_MSG(test, r.attr, attr,
			    "bank %u page %02x offset %u length %u",
			    bank, page, off, len);
	KUNIT_EXPECT_NOT_NULL(test, r.msg);
}

static void xpo_nl_test_reads_ok(struct kunit *test)
{
	struct xpo_cmis_adv adv;
	struct xpo_nl_refusal r;
	unsigned int bank;

	adv_xpo(&adv);
	KUNIT_EXPECT_FALSE(test, refused(&adv, 0, 0, 0, 128, &r));
	KUNIT_EXPECT_FALSE(test, refused(&adv, 0, 0, 128, 128, &r));
	KUNIT_EXPECT_FALSE(test, refused(&adv, 0, 1, 255, 1, &r));
	KUNIT_EXPECT_FALSE(test, refused(&adv, 0, 0, 0, 1, &r));
	KUNIT_EXPECT_FALSE(test, refused(&adv, 0, XPO_PAGE_TELEMETRY, 128,
					 128, &r));
	for (bank = 0; bank < XPO_BANKS; bank++) {
		KUNIT_EXPECT_FALSE(test, refused(&adv, bank, 0x10, 128, 128,
						 &r));
		KUNIT_EXPECT_FALSE(test, refused(&adv, bank, 0x11, 200, 56,
						 &r));
	}
}

static void xpo_nl_test_length(struct kunit *test)
{
	struct xpo_cmis_adv adv;

	adv_xpo(&adv);
	expect_refused(test, &adv, 0, 0, 128, 0, -EINVAL, XPO_A_EEPROM_LENGTH);
	expect_refused(test, &adv, 0, 0, 0, XPO_EEPROM_LEN_MAX + 1, -EINVAL,
		       XPO_A_EEPROM_LENGTH);
	expect_refused(test, &adv, 0, 0, 0, 256, -EINVAL, XPO_A_EEPROM_LENGTH);
	expect_refused(test, &adv, 0, 0, 0, U32_MAX, -EINVAL,
		       XPO_A_EEPROM_LENGTH);
}

static void xpo_nl_test_window(struct kunit *test)
{
	struct xpo_cmis_adv adv;

	adv_xpo(&adv);
	expect_refused(test, &adv, 0, 0, 256, 1, -EINVAL, XPO_A_EEPROM_OFFSET);
	expect_refused(test, &adv, 0, 0, U32_MAX, 1, -EINVAL,
		       XPO_A_EEPROM_OFFSET);
	expect_refused(test, &adv, 0, 0, 200, 57, -EINVAL, XPO_A_EEPROM_LENGTH);
	expect_refused(test, &adv, 0, 0, 255, 2, -EINVAL, XPO_A_EEPROM_LENGTH);
	/* lower memory into the page: not in one read, as ethtool */
	expect_refused(test, &adv, 0, 0, 127, 2, -EINVAL, XPO_A_EEPROM_LENGTH);
	expect_refused(test, &adv, 0, 0, 64, 128, -EINVAL, XPO_A_EEPROM_LENGTH);
}

static void xpo_nl_test_banks_pages(struct kunit *test)
{
	struct xpo_cmis_adv adv;

	adv_xpo(&adv);
	/* lower memory has no bank nor page */
	expect_refused(test, &adv, 1, 0, 0, 8, -EINVAL, XPO_A_EEPROM_BANK);
	expect_refused(test, &adv, 0, 0x10, 0, 8, -EINVAL, XPO_A_EEPROM_PAGE);
	/* page 01h has no banks */
	expect_refused(test, &adv, 1, 1, 128, 8, -EINVAL, XPO_A_EEPROM_BANK);
	/* 8 banks: 0-7 */
	expect_refused(test, &adv, XPO_BANKS, 0x10, 128, 8, -EOPNOTSUPP,
		       XPO_A_EEPROM_BANK);
	expect_refused(test, &adv, 255, 0x11, 128, 8, -EOPNOTSUPP,
		       XPO_A_EEPROM_BANK);
	/* pages not advertised */
	expect_refused(test, &adv, 0, 0x55, 128, 8, -EOPNOTSUPP,
		       XPO_A_EEPROM_PAGE);
	expect_refused(test, &adv, 0, 0x9f, 128, 8, -EOPNOTSUPP,
		       XPO_A_EEPROM_PAGE);
}

/* whatever ethtool refuses, netlink refuses with the same errno */
static void xpo_nl_test_agrees_with_ethtool(struct kunit *test)
{
	struct xpo_eeprom_req req = { .i2c_address = CMIS_I2C_ADDR };
	struct xpo_cmis_adv adv;
	struct xpo_nl_refusal r;
	unsigned int bank, page, off;
	int eth;

	adv_xpo(&adv);
	for (bank = 0; bank < 10; bank++) {
		for (page = 0; page < 256; page += 3) {
			for (off = 0; off < 256; off += 64) {
				req.bank = bank;
				req.page = page;
				req.offset = off;
				req.length = 64;
				eth = xpo_eeprom_errno(xpo_eeprom_check(&adv,
									&req,
									false));
				memset(&r, 0, sizeof(r));
				if (xpo_nl_eeprom_refused(&adv, &req, &r))
					KUNIT_EXPECT_EQ_MSG(test, r.err, eth,
							    "bank %u page %02x offset %u",
							    bank, page, off);
				else
					KUNIT_EXPECT_EQ_MSG(test, eth, 0,
							    "bank %u page %02x offset %u",
							    bank, page, off);
			}
		}
	}
}

/* every typed event has its notification */
static void xpo_nl_test_events(struct kunit *test)
{
	static const int want[XPO_EV_NUM] = {
		[XPO_EV_INSERT] = XPO_EVENT_INSERT,
		[XPO_EV_REMOVE] = XPO_EVENT_REMOVE,
		[XPO_EV_STATE] = XPO_EVENT_STATE,
		[XPO_EV_ALARM] = XPO_EVENT_ALARM,
		[XPO_EV_PROTECT] = XPO_EVENT_PROTECT,
		[XPO_EV_REARM] = XPO_EVENT_REARM,
		[XPO_EV_PORTS] = XPO_EVENT_PORTS,
		[XPO_EV_PORT_SETTINGS] = XPO_EVENT_PORT_SETTINGS,
	};
	unsigned int t;

	for (t = 0; t < XPO_EV_NUM; t++)
		KUNIT_EXPECT_EQ_MSG(test, xpo_nl_event(t), want[t], "type %u", t);
	KUNIT_EXPECT_EQ(test, xpo_nl_event(XPO_EV_NUM), 0);
}

/* the uapi enums carry the core's values: the core's are put as they are */
static void xpo_nl_test_uapi_values(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, (int)XPO_S_EMPTY, XPO_CAGE_STATE_EMPTY);
	KUNIT_EXPECT_EQ(test, (int)XPO_S_PROBING, XPO_CAGE_STATE_PROBING);
	KUNIT_EXPECT_EQ(test, (int)XPO_S_LOW_POWER, XPO_CAGE_STATE_LOW_POWER);
	KUNIT_EXPECT_EQ(test, (int)XPO_S_POWERING_UP,
			XPO_CAGE_STATE_POWERING_UP);
	KUNIT_EXPECT_EQ(test, (int)XPO_S_READY, XPO_CAGE_STATE_READY);
	KUNIT_EXPECT_EQ(test, (int)XPO_S_FAULT, XPO_CAGE_STATE_FAULT);
	KUNIT_EXPECT_EQ(test, (int)XPO_S_POWERED_OFF,
			XPO_CAGE_STATE_POWERED_OFF);
	KUNIT_EXPECT_EQ(test, (int)XPO_S_MAX, XPO_CAGE_STATE_POWERED_OFF + 1);
	KUNIT_EXPECT_EQ(test, (int)XPO_FAULT_NONE, XPO_FAULT_REASON_NONE);
	KUNIT_EXPECT_EQ(test, (int)XPO_FAULT_NO_RESPONSE,
			XPO_FAULT_REASON_NO_RESPONSE);
	KUNIT_EXPECT_EQ(test, (int)XPO_FAULT_BAD_IDENTIFIER,
			XPO_FAULT_REASON_BAD_IDENTIFIER);
	KUNIT_EXPECT_EQ(test, (int)XPO_FAULT_BAD_REVISION,
			XPO_FAULT_REASON_BAD_REVISION);
	KUNIT_EXPECT_EQ(test, (int)XPO_FAULT_MODULE_FAULT,
			XPO_FAULT_REASON_MODULE_FAULT);
	KUNIT_EXPECT_EQ(test, (int)XPO_FAULT_POWER_UP_TIMEOUT,
			XPO_FAULT_REASON_POWER_UP_TIMEOUT);
	KUNIT_EXPECT_EQ(test, (int)XPO_FAULT_POWER_BUDGET,
			XPO_FAULT_REASON_POWER_BUDGET);
	KUNIT_EXPECT_EQ(test, (int)XPO_FAULT_BUSY_TIMEOUT,
			XPO_FAULT_REASON_BUSY_TIMEOUT);
	KUNIT_EXPECT_EQ(test, (int)XPO_FAULT_MAX,
			XPO_FAULT_REASON_BUSY_TIMEOUT + 1);
	/* 00h:3 b3-1 as the core stores it */
	KUNIT_EXPECT_EQ(test, CMIS_MODULE_LOWPWR, XPO_MODULE_STATE_LOW_PWR);
	KUNIT_EXPECT_EQ(test, CMIS_MODULE_PWRUP, XPO_MODULE_STATE_PWR_UP);
	KUNIT_EXPECT_EQ(test, CMIS_MODULE_READY, XPO_MODULE_STATE_READY);
	KUNIT_EXPECT_EQ(test, CMIS_MODULE_PWRDN, XPO_MODULE_STATE_PWR_DN);
	KUNIT_EXPECT_EQ(test, CMIS_MODULE_FAULT, XPO_MODULE_STATE_FAULT);
	/* the protection's conditions and actions */
	KUNIT_EXPECT_EQ(test, (int)XPO_PROTECT_LEAK, XPO_PROTECTION_COND_LEAK);
	KUNIT_EXPECT_EQ(test, (int)XPO_PROTECT_FLOW_LOW,
			XPO_PROTECTION_COND_FLOW_LOW);
	KUNIT_EXPECT_EQ(test, (int)XPO_PROTECT_OVERTEMP,
			XPO_PROTECTION_COND_OVERTEMP);
	KUNIT_EXPECT_EQ(test, (int)XPO_PROTECT_NUM_COND,
			XPO_PROTECTION_COND_OVERTEMP + 1);
	KUNIT_EXPECT_EQ(test, (int)XPO_PROTECT_OFF, XPO_PROTECTION_ACTION_OFF);
	KUNIT_EXPECT_EQ(test, (int)XPO_PROTECT_ALERT,
			XPO_PROTECTION_ACTION_ALERT);
	KUNIT_EXPECT_EQ(test, (int)XPO_PROTECT_LOW_POWER,
			XPO_PROTECTION_ACTION_LOW_POWER);
	KUNIT_EXPECT_EQ(test, (int)XPO_PROTECT_POWER_OFF,
			XPO_PROTECTION_ACTION_POWER_OFF);
	KUNIT_EXPECT_EQ(test, (int)XPO_PROTECT_NUM_ACTION,
			XPO_PROTECTION_ACTION_POWER_OFF + 1);
}

/* cage-set: what is refused before anything changes */
static void xpo_nl_test_cage_set(struct kunit *test)
{
	struct xpo_nl_set held = { .held_off = true, .powered_off = true };
	struct xpo_nl_set off = { .powered_off = true };
	struct xpo_nl_set s = {};
	struct xpo_nl_refusal r = {};

	/* nothing to change */
	KUNIT_EXPECT_TRUE(test, xpo_nl_cage_set_refused(&s, &r));
	KUNIT_EXPECT_EQ(test, r.err, -EINVAL);
	KUNIT_EXPECT_EQ(test, r.attr, 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(r.msg, "Nothing to change"));

	s.policy = true;
	KUNIT_EXPECT_FALSE(test, xpo_nl_cage_set_refused(&s, &r));

	/* power-on while held off: refused, whatever else comes with it */
	s = held;
	s.policy = true;
	s.protect = true;
	s.power = true;
	s.power_on = true;
	KUNIT_EXPECT_TRUE(test, xpo_nl_cage_set_refused(&s, &r));
	KUNIT_EXPECT_EQ(test, r.err, -EBUSY);
	KUNIT_EXPECT_EQ(test, r.attr, XPO_A_CAGE_POWER);
	KUNIT_EXPECT_NOT_NULL(test, strstr(r.msg, "held off by the protection"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(r.msg, "re-arm"));
	/* ... unless the same request re-arms */
	s.rearm = true;
	KUNIT_EXPECT_FALSE(test, xpo_nl_cage_set_refused(&s, &r));
	/* power-off while held off is no harm */
	s = held;
	s.power = true;
	KUNIT_EXPECT_FALSE(test, xpo_nl_cage_set_refused(&s, &r));

	/* reset */
	s = held;
	s.reset = true;
	KUNIT_EXPECT_TRUE(test, xpo_nl_cage_set_refused(&s, &r));
	KUNIT_EXPECT_EQ(test, r.err, -EBUSY);
	KUNIT_EXPECT_EQ(test, r.attr, XPO_A_CAGE_RESET);
	s.rearm = true;
	KUNIT_EXPECT_FALSE(test, xpo_nl_cage_set_refused(&s, &r));
	s = off;
	s.reset = true;
	s.policy = true;
	KUNIT_EXPECT_TRUE(test, xpo_nl_cage_set_refused(&s, &r));
	KUNIT_EXPECT_EQ(test, r.err, -ENODEV);
	KUNIT_EXPECT_EQ(test, r.attr, XPO_A_CAGE_RESET);
	s.power = true;
	s.power_on = true;
	KUNIT_EXPECT_FALSE(test, xpo_nl_cage_set_refused(&s, &r));
	s.power_on = false;
	KUNIT_EXPECT_TRUE(test, xpo_nl_cage_set_refused(&s, &r));
	KUNIT_EXPECT_EQ(test, r.err, -EINVAL);
	KUNIT_EXPECT_EQ(test, r.attr, XPO_A_CAGE_RESET);
	s = (struct xpo_nl_set){ .empty = true, .reset = true };
	KUNIT_EXPECT_TRUE(test, xpo_nl_cage_set_refused(&s, &r));
	KUNIT_EXPECT_EQ(test, r.err, -ENODEV);
	s.empty = false;
	KUNIT_EXPECT_FALSE(test, xpo_nl_cage_set_refused(&s, &r));
}

/* the protect nest: the limits' gaps, by the core's own check */
static void xpo_nl_test_protect_settings(struct kunit *test)
{
	static const struct {
		enum xpo_protect_cond cond;
		s32 value;
		bool refused;
		int attr;
	} cases[] = {
		{ XPO_PROTECT_FLOW_LOW, 0, false, 0 },
		{ XPO_PROTECT_FLOW_LOW, 1, false, 0 },
		{ XPO_PROTECT_FLOW_LOW, 100000, false, 0 },
		{ XPO_PROTECT_FLOW_LOW, 100001, true, XPO_A_PROTECT_FLOW_MIN },
		{ XPO_PROTECT_OVERTEMP, 0, false, 0 },
		{ XPO_PROTECT_OVERTEMP, 1, true, XPO_A_PROTECT_TEMP_MAX },
		{ XPO_PROTECT_OVERTEMP, 19999, true, XPO_A_PROTECT_TEMP_MAX },
		{ XPO_PROTECT_OVERTEMP, 20000, false, 0 },
		{ XPO_PROTECT_OVERTEMP, 150000, false, 0 },
		{ XPO_PROTECT_OVERTEMP, 150001, true, XPO_A_PROTECT_TEMP_MAX },
	};
	struct xpo_protect_settings s;
	struct xpo_nl_refusal r;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		memset(&s, 0, sizeof(s));
		memset(&r, 0, sizeof(r));
		s.limit_set = BIT(cases[i].cond);
		s.limit[cases[i].cond] = cases[i].value;
		KUNIT_EXPECT_EQ_MSG(test, xpo_nl_protect_refused(&s, &r),
				    cases[i].refused, "case %u", i);
		if (!cases[i].refused)
			continue;
		KUNIT_EXPECT_EQ(test, r.err, -EINVAL);
		KUNIT_EXPECT_EQ(test, r.attr, cases[i].attr);
		KUNIT_EXPECT_NOT_NULL(test, r.msg);
	}
	/* a value given for a condition not in the mask is not looked at */
	memset(&s, 0, sizeof(s));
	s.limit[XPO_PROTECT_OVERTEMP] = 5;
	s.policy_set = BIT(XPO_PROTECT_LEAK);
	s.policy[XPO_PROTECT_LEAK] = XPO_PROTECT_ALERT;
	KUNIT_EXPECT_FALSE(test, xpo_nl_protect_refused(&s, &r));
}

static struct kunit_case xpo_nl_test_cases[] = {
	KUNIT_CASE(xpo_nl_test_reads_ok),
	KUNIT_CASE(xpo_nl_test_length),
	KUNIT_CASE(xpo_nl_test_window),
	KUNIT_CASE(xpo_nl_test_banks_pages),
	KUNIT_CASE(xpo_nl_test_agrees_with_ethtool),
	KUNIT_CASE(xpo_nl_test_events),
	KUNIT_CASE(xpo_nl_test_uapi_values),
	KUNIT_CASE(xpo_nl_test_cage_set),
	KUNIT_CASE(xpo_nl_test_protect_settings),
	{}
};

static struct kunit_suite xpo_nl_test_suite = {
	.name = "xpo_nl_check",
	.test_cases = xpo_nl_test_cases,
};

kunit_test_suite(xpo_nl_test_suite);
