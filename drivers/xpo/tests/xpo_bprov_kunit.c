// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the breakout executor (xpo_breakout_prov.c, xpo_bprov_verify())
 * against a fake module: staged set 0 and ApplyDPInit (10h:143-152) giving
 * ConfigStatus and the active set (11h:202-213); DataPathDeinit and Tx
 * disable (10h:128, 130) moving each configured lane between
 * DPDeactivated, DPInitialized and DPActivated at once.  Its faults: an
 * application it refuses (ConfigStatus Rejected), data paths that never
 * leave DPInit, and the module pulled during the apply.
 *
 * What is checked: a change the module takes leaves the new configuration
 * staged and active with every lane deinitialised and Tx off; a refusal
 * and a timeout fail with their words and put the old configuration back
 * on the module (staged and active again, a second ApplyDPInit); a module
 * pulled mid-change fails with -ENODEV and gets no write after the pull.
 */
#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/slab.h>

#include "../xpo_bverify.h"
#include "../xpo_core.h"

struct fake_bpm {
	struct xpo_transport t;
	struct xpo_cage *cage;
	u8 lower[CMIS_LOWER_SIZE];
	u8 p10[XPO_BANKS][CMIS_PAGE_SIZE];
	u8 p11[XPO_BANKS][CMIS_PAGE_SIZE];
	u8 bank, page;
	u8 reject_appsel;	/* refuse an apply of this AppSel, 0: none */
	bool stuck_init;	/* initialising lanes stay in DPInit */
	bool pull_on_apply;	/* the module goes at the first ApplyDPInit */
	bool pulled;
	unsigned int apply_writes;
	unsigned int writes_pulled;	/* register writes after the pull */
	int locked;
};

#define P10(m, b, off)	((m)->p10[b][(off) - CMIS_UPPER_OFFSET])
#define P11(m, b, off)	((m)->p11[b][(off) - CMIS_UPPER_OFFSET])

/* Bank 1 runs one 8-lane data path of AppSel 1; the change: 2x4 of AppSel 2 */
#define BANK		1
static const u8 cfg_old[8] = { 0x10, 0x10, 0x10, 0x10,
			       0x10, 0x10, 0x10, 0x10 };
static const u8 cfg_new[8] = { 0x20, 0x20, 0x20, 0x20,
			       0x28, 0x28, 0x28, 0x28 };

static struct fake_bpm *to_fake(struct xpo_transport *t)
{
	return container_of(t, struct fake_bpm, t);
}

static void fake_nibble(u8 *bytes, unsigned int lane, u8 val)
{
	bytes[lane / 2] &= ~(0x0f << (4 * (lane & 1)));
	bytes[lane / 2] |= val << (4 * (lane & 1));
}

static u8 fake_get_nibble(const u8 *bytes, unsigned int lane)
{
	return (bytes[lane / 2] >> (4 * (lane & 1))) & 0x0f;
}

/* Every lane of @b follows its controls at once (DPInit for ever if stuck) */
static void fake_lanes(struct fake_bpm *m, unsigned int b)
{
	u8 deinit = P10(m, b, CMIS_P10_DP_DEINIT);
	u8 txdis = P10(m, b, CMIS_P10_TX_DISABLE);
	unsigned int l;
	u8 st;

	for (l = 0; l < 8; l++) {
		if ((deinit & BIT(l)) ||
		    !(P11(m, b, CMIS_P11_ACTIVE_DPCONFIG + l) >> 4))
			st = CMIS_DP_DEACTIVATED;
		else if (m->stuck_init)
			st = CMIS_DP_INIT;
		else if (txdis & BIT(l))
			st = CMIS_DP_INITIALIZED;
		else
			st = CMIS_DP_ACTIVATED;
		fake_nibble(&P11(m, b, CMIS_P11_DP_STATE), l, st);
	}
}

static void fake_apply(struct fake_bpm *m, unsigned int b, u8 lanes)
{
	u8 *cs = &P11(m, b, CMIS_P11_CONFIG_STATUS);
	unsigned int l;
	u8 cfg;

	m->apply_writes++;
	if (m->pull_on_apply) {
		/* what the cage sees of a module pulled: no identity */
		m->pulled = true;
		m->cage->id_valid = false;
		return;
	}
	for (l = 0; l < 8; l++) {
		if (!(lanes & BIT(l)))
			continue;
		cfg = P10(m, b, CMIS_P10_DPCONFIG + l);
		if (m->reject_appsel && cfg >> 4 == m->reject_appsel) {
			fake_nibble(cs, l, CMIS_CONFIG_REJECTED);
			continue;
		}
		fake_nibble(cs, l, CMIS_CONFIG_SUCCESS);
		P11(m, b, CMIS_P11_ACTIVE_DPCONFIG + l) = cfg;
	}
}

static u8 *fake_byte(struct fake_bpm *m, unsigned int off)
{
	if (off < CMIS_UPPER_OFFSET)
		return &m->lower[off];
	if (m->bank >= XPO_BANKS)
		return NULL;
	if (m->page == CMIS_PAGE_LANE_CTRL)
		return &m->p10[m->bank][off - CMIS_UPPER_OFFSET];
	if (m->page == CMIS_PAGE_LANE_STATUS)
		return &m->p11[m->bank][off - CMIS_UPPER_OFFSET];
	return NULL;
}

static void fake_lock(struct xpo_transport *t)
{
	to_fake(t)->locked++;
}

static void fake_unlock(struct xpo_transport *t)
{
	to_fake(t)->locked--;
}

static int fake_read(struct xpo_transport *t, u8 offset, u8 *buf, size_t len)
{
	struct fake_bpm *m = to_fake(t);
	unsigned int i;
	u8 *p;

	if (m->locked <= 0)
		return -EPERM;
	for (i = 0; i < len; i++) {
		p = fake_byte(m, offset + i);
		buf[i] = p ? *p : 0;
	}
	return 0;
}

static int fake_write(struct xpo_transport *t, u8 offset, const u8 *buf,
		      size_t len)
{
	struct fake_bpm *m = to_fake(t);
	unsigned int i;
	u8 *p;

	if (m->locked <= 0)
		return -EPERM;
	if (offset == CMIS_BANK_SELECT && len == 2) {
		m->bank = buf[0];
		m->page = buf[1];
		return 0;
	}
	if (offset == CMIS_PAGE_SELECT && len == 1) {
		m->page = buf[0];
		return 0;
	}
	if (m->pulled) {
		m->writes_pulled++;
		return -ENXIO;
	}
	for (i = 0; i < len; i++) {
		p = fake_byte(m, offset + i);
		if (p)
			*p = buf[i];
	}
	if (m->page == CMIS_PAGE_LANE_CTRL && m->bank < XPO_BANKS) {
		if (offset == CMIS_P10_APPLY_DPINIT && len == 1)
			fake_apply(m, m->bank, buf[0]);
		fake_lanes(m, m->bank);
	}
	return 0;
}

static void fake_release(struct xpo_transport *t)
{
}

static const struct xpo_transport_ops fake_ops = {
	.lock = fake_lock,
	.unlock = fake_unlock,
	.read = fake_read,
	.write = fake_write,
	.release = fake_release,
};

struct bprov_ctx {
	struct xpo_cage *cage;
	struct fake_bpm *m;
	struct xpo_dp_module mod;
	u8 (*cfg)[CMIS_LANES_PER_BANK];		/* the new configuration */
	u8 (*old)[CMIS_LANES_PER_BANK];		/* the one now */
	struct xpo_bv_fail fail;
};

static void fake_protect_work(struct work_struct *work)
{
}

/*
 * A cage with a module in ModuleReady whose bank 1 runs cfg_old, its
 * lanes deactivated (the ports of the change are down), and the change to
 * cfg_new planned.  Durations: 10 ms each (code 2), so a budget is the
 * data path machine's margin and little more.
 */
static struct bprov_ctx *bprov_setup(struct kunit *test)
{
	struct bprov_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	u8 page01[CMIS_PAGE_SIZE] = {};
	struct xpo_cage *cage;
	struct fake_bpm *m;
	struct device *dev;
	unsigned int b;

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ctx->m = kunit_kzalloc(test, sizeof(*ctx->m), GFP_KERNEL);
	ctx->cage = kunit_kzalloc(test, sizeof(*ctx->cage), GFP_KERNEL);
	ctx->cfg = kunit_kcalloc(test, 2 * XPO_BANKS, CMIS_LANES_PER_BANK,
				 GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx->m);
	KUNIT_ASSERT_NOT_NULL(test, ctx->cage);
	KUNIT_ASSERT_NOT_NULL(test, ctx->cfg);
	ctx->old = ctx->cfg + XPO_BANKS;
	dev = kunit_device_register(test, "xpo-bprov-test");
	KUNIT_ASSERT_FALSE(test, IS_ERR(dev));

	m = ctx->m;
	cage = ctx->cage;
	m->cage = cage;
	m->t.ops = &fake_ops;
	m->t.name = "fake";
	m->t.read_max = CMIS_PAGE_SIZE;
	m->t.write_max = XPO_CMIS_WRITE_MAX;
	memcpy(&P10(m, BANK, CMIS_P10_DPCONFIG), cfg_old, 8);
	memcpy(&P11(m, BANK, CMIS_P11_ACTIVE_DPCONFIG), cfg_old, 8);
	for (b = 0; b < XPO_BANKS; b++) {
		P10(m, b, CMIS_P10_DP_DEINIT) = 0xff;
		P10(m, b, CMIS_P10_TX_DISABLE) = 0xff;
		fake_lanes(m, b);
	}

	cage->dev = dev;
	cage->xport = &m->t;
	mutex_init(&cage->sm_lock);
	mutex_init(&cage->io_lock);
	spin_lock_init(&cage->shadow_lock);
	INIT_WORK(&cage->protect_work, fake_protect_work);
	page01[CMIS_P01_PAGES - CMIS_UPPER_OFFSET] = 0x03;	/* 8 banks */
	xpo_cmis_adv_set(&cage->adv, SFF8024_ID_XPO, 0, page01);
	cage->io_enabled = true;
	cage->id_valid = true;
	cage->id.has_page01 = true;
	cage->id.rev_major = 5;
	cage->id.num_apps = 2;
	cage->id.dpinit_code = 2;
	cage->id.dpdeinit_code = 2;
	cage->id.txon_code = 2;
	cage->id.txoff_code = 2;
	cage->sm.state = XPO_S_READY;
	xpo_dp_module_from_id(&ctx->mod, &cage->id);

	memcpy(ctx->cfg[BANK], cfg_new, 8);
	memcpy(ctx->old[BANK], cfg_old, 8);
	return ctx;
}

static int bprov_verify(struct bprov_ctx *ctx)
{
	return xpo_bprov_verify(ctx->cage, &ctx->mod, BIT(BANK), ctx->cfg,
				BIT(BANK), ctx->old, &ctx->fail);
}

static void expect_cfg(struct kunit *test, struct fake_bpm *m, const u8 *cfg)
{
	KUNIT_EXPECT_MEMEQ(test, &P10(m, BANK, CMIS_P10_DPCONFIG), cfg, 8);
	KUNIT_EXPECT_MEMEQ(test, &P11(m, BANK, CMIS_P11_ACTIVE_DPCONFIG),
			   cfg, 8);
}

/* Every lane of the bank deactivated, Tx off: no port of it is up */
static void expect_quiet(struct kunit *test, struct fake_bpm *m)
{
	unsigned int l;

	KUNIT_EXPECT_EQ(test, P10(m, BANK, CMIS_P10_DP_DEINIT), 0xff);
	KUNIT_EXPECT_EQ(test, P10(m, BANK, CMIS_P10_TX_DISABLE), 0xff);
	for (l = 0; l < 8; l++)
		KUNIT_EXPECT_EQ(test,
				fake_get_nibble(&P11(m, BANK, CMIS_P11_DP_STATE), l),
				CMIS_DP_DEACTIVATED);
}

static void describe(struct bprov_ctx *ctx, char *buf, size_t len)
{
	xpo_bv_describe(&ctx->fail, buf, len);
}

/* Taken: the new configuration staged and active, initialised once */
static void xpo_bprov_test_success(struct kunit *test)
{
	struct bprov_ctx *ctx = bprov_setup(test);
	struct fake_bpm *m = ctx->m;

	KUNIT_EXPECT_EQ(test, bprov_verify(ctx), 0);
	KUNIT_EXPECT_EQ(test, ctx->fail.why, XPO_BV_WHY_NONE);
	expect_cfg(test, m, cfg_new);
	expect_quiet(test, m);
	KUNIT_EXPECT_EQ(test, m->apply_writes, 1U);
	KUNIT_EXPECT_EQ(test, ctx->cage->ctl_deinit[BANK], 0xff);
	KUNIT_EXPECT_EQ(test, m->locked, 0);
	/* no other bank was touched */
	KUNIT_EXPECT_EQ(test, P10(m, 0, CMIS_P10_DPCONFIG), 0);
}

/* Refused: -EIO naming the lane; the old configuration provisioned again */
static void xpo_bprov_test_rejected(struct kunit *test)
{
	struct bprov_ctx *ctx = bprov_setup(test);
	struct fake_bpm *m = ctx->m;
	char msg[96];
	unsigned int l;

	m->reject_appsel = 2;
	KUNIT_EXPECT_EQ(test, bprov_verify(ctx), -EIO);
	KUNIT_EXPECT_EQ(test, ctx->fail.why, XPO_BV_WHY_CONFIG);
	KUNIT_EXPECT_EQ(test, ctx->fail.phase, XPO_BV_APPLY);
	KUNIT_EXPECT_EQ(test, ctx->fail.bank, BANK);
	KUNIT_EXPECT_EQ(test, ctx->fail.code, CMIS_CONFIG_REJECTED);
	describe(ctx, msg, sizeof(msg));
	KUNIT_EXPECT_STREQ(test, msg, "bank 1 lane 1: ConfigStatus rejected");
	/* the rollback wrote the old set and applied it: the module took it */
	KUNIT_EXPECT_EQ(test, m->apply_writes, 2U);
	expect_cfg(test, m, cfg_old);
	for (l = 0; l < 8; l++)
		KUNIT_EXPECT_EQ(test,
				fake_get_nibble(&P11(m, BANK, CMIS_P11_CONFIG_STATUS), l),
				CMIS_CONFIG_SUCCESS);
	expect_quiet(test, m);
	KUNIT_EXPECT_EQ(test, m->locked, 0);
}

/* Stuck in DPInit: -ETIMEDOUT after the budget, then put back */
static void xpo_bprov_test_timeout(struct kunit *test)
{
	struct bprov_ctx *ctx = bprov_setup(test);
	struct fake_bpm *m = ctx->m;
	unsigned int budget = xpo_bv_budget_ms(&ctx->mod, XPO_BV_INIT);
	char msg[96], want[96];

	m->stuck_init = true;
	KUNIT_EXPECT_EQ(test, bprov_verify(ctx), -ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, ctx->fail.why, XPO_BV_WHY_TIMEOUT);
	KUNIT_EXPECT_EQ(test, ctx->fail.phase, XPO_BV_INIT);
	KUNIT_EXPECT_EQ(test, ctx->fail.code, CMIS_DP_INIT);
	KUNIT_EXPECT_EQ(test, ctx->fail.ms, budget);
	describe(ctx, msg, sizeof(msg));
	snprintf(want, sizeof(want), "bank 1 lane 1: timed out after %u ms in DPInit",
		 budget);
	KUNIT_EXPECT_STREQ(test, msg, want);
	/* taken down again and the old set applied on the lanes */
	KUNIT_EXPECT_EQ(test, m->apply_writes, 2U);
	expect_cfg(test, m, cfg_old);
	expect_quiet(test, m);
}

/* Pulled during the apply: -ENODEV, and nothing written to it after */
static void xpo_bprov_test_pulled(struct kunit *test)
{
	struct bprov_ctx *ctx = bprov_setup(test);
	struct fake_bpm *m = ctx->m;
	char msg[96];

	m->pull_on_apply = true;
	KUNIT_EXPECT_EQ(test, bprov_verify(ctx), -ENODEV);
	KUNIT_EXPECT_EQ(test, ctx->fail.why, XPO_BV_WHY_GONE);
	describe(ctx, msg, sizeof(msg));
	KUNIT_EXPECT_STREQ(test, msg, "the module was removed during the change");
	KUNIT_EXPECT_EQ(test, m->apply_writes, 1U);
	KUNIT_EXPECT_EQ(test, m->writes_pulled, 0U);
	KUNIT_EXPECT_EQ(test, m->locked, 0);
}

static struct kunit_case xpo_bprov_test_cases[] = {
	KUNIT_CASE(xpo_bprov_test_success),
	KUNIT_CASE(xpo_bprov_test_rejected),
	KUNIT_CASE(xpo_bprov_test_timeout),
	KUNIT_CASE(xpo_bprov_test_pulled),
	{}
};

static struct kunit_suite xpo_bprov_test_suite = {
	.name = "xpo_bprov",
	.test_cases = xpo_bprov_test_cases,
};

kunit_test_suite(xpo_bprov_test_suite);
