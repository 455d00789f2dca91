// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the data path executor (xpo_dp_exec.c) against a fake module that
 * models the lane pages of CMIS 5.2 section 6.3.3 in a few lines: staged
 * control set 0 and ApplyDPInit (10h:143-152) giving ConfigStatus and the
 * active set (11h:202-213) and DPInitPending (11h:235); DataPathDeinit and
 * Tx disable (10h:128, 130) moving each lane between DPDeactivated,
 * DPInitialized and DPActivated at once.  The machine's timer is driven by
 * hand (XPO_DP_E_TIMEOUT), as lanes_work would.
 *
 * What is checked: a data path comes up through every step with the right
 * bytes written; two data paths of one bank never touch each other's bits;
 * a rejected configuration fails with its code and leaves the lanes
 * deinitialised with Tx off; a module that NACKs everything fails the data
 * path in a bounded number of polls; going down restores the bits.
 */
#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/slab.h>

#include "../xpo_core.h"

struct fake_dpm {
	struct xpo_transport t;
	u8 lower[CMIS_LOWER_SIZE];
	u8 p10[XPO_BANKS][CMIS_PAGE_SIZE];
	u8 p11[XPO_BANKS][CMIS_PAGE_SIZE];
	u8 bank, page;
	u8 reject;		/* ConfigStatus of every ApplyDPInit, 0: success */
	bool nack;		/* NACK every transfer */
	unsigned int apply_writes;
	int locked;
};

#define P10(m, b, off)	((m)->p10[b][(off) - CMIS_UPPER_OFFSET])
#define P11(m, b, off)	((m)->p11[b][(off) - CMIS_UPPER_OFFSET])

static struct fake_dpm *to_fake(struct xpo_transport *t)
{
	return container_of(t, struct fake_dpm, t);
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

/* Every lane of @bank follows its controls at once */
static void fake_lanes(struct fake_dpm *m, unsigned int b)
{
	u8 deinit = P10(m, b, CMIS_P10_DP_DEINIT);
	u8 txdis = P10(m, b, CMIS_P10_TX_DISABLE);
	u8 *state = &P11(m, b, CMIS_P11_DP_STATE);
	unsigned int l;
	u8 st;

	for (l = 0; l < 8; l++) {
		if ((deinit & BIT(l)) ||
		    !(P11(m, b, CMIS_P11_ACTIVE_DPCONFIG + l) >> 4))
			st = CMIS_DP_DEACTIVATED;
		else if (txdis & BIT(l))
			st = CMIS_DP_INITIALIZED;
		else
			st = CMIS_DP_ACTIVATED;
		if (st != CMIS_DP_DEACTIVATED)
			P11(m, b, CMIS_P11_DPINIT_PENDING) &= ~BIT(l);
		fake_nibble(state, l, st);
	}
}

static void fake_apply(struct fake_dpm *m, unsigned int b, u8 lanes)
{
	unsigned int l;

	m->apply_writes++;
	for (l = 0; l < 8; l++) {
		if (!(lanes & BIT(l)))
			continue;
		if (m->reject) {
			fake_nibble(&P11(m, b, CMIS_P11_CONFIG_STATUS), l,
				    m->reject);
			continue;
		}
		fake_nibble(&P11(m, b, CMIS_P11_CONFIG_STATUS), l,
			    CMIS_CONFIG_SUCCESS);
		P11(m, b, CMIS_P11_ACTIVE_DPCONFIG + l) =
			P10(m, b, CMIS_P10_DPCONFIG + l);
		P11(m, b, CMIS_P11_DPINIT_PENDING) |= BIT(l);
	}
}

static u8 *fake_byte(struct fake_dpm *m, unsigned int off)
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
	struct fake_dpm *m = to_fake(t);
	unsigned int i;
	u8 *p;

	if (m->locked <= 0)
		return -EPERM;
	if (m->nack)
		return -ENXIO;
	for (i = 0; i < len; i++) {
		p = fake_byte(m, offset + i);
		buf[i] = p ? *p : 0;
	}
	return 0;
}

static int fake_write(struct xpo_transport *t, u8 offset, const u8 *buf,
		      size_t len)
{
	struct fake_dpm *m = to_fake(t);
	unsigned int i;
	u8 *p;

	if (m->locked <= 0)
		return -EPERM;
	if (m->nack)
		return -ENXIO;
	if (offset == CMIS_BANK_SELECT && len == 2) {
		m->bank = buf[0];
		m->page = buf[1];
		return 0;
	}
	if (offset == CMIS_PAGE_SELECT && len == 1) {
		m->page = buf[0];
		return 0;
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

struct exec_ctx {
	struct xpo_cage *cage;
	struct fake_dpm *m;
	struct xpo_dp_module mod;
};

static void fake_protect_work(struct work_struct *work)
{
}

static struct exec_ctx *exec_setup(struct kunit *test)
{
	struct exec_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	u8 page01[CMIS_PAGE_SIZE] = {};
	struct xpo_cage *cage;
	struct device *dev;
	unsigned int b;

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ctx->m = kunit_kzalloc(test, sizeof(*ctx->m), GFP_KERNEL);
	ctx->cage = kunit_kzalloc(test, sizeof(*ctx->cage), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx->m);
	KUNIT_ASSERT_NOT_NULL(test, ctx->cage);
	dev = kunit_device_register(test, "xpo-dp-exec-test");
	KUNIT_ASSERT_FALSE(test, IS_ERR(dev));

	ctx->m->t.ops = &fake_ops;
	ctx->m->t.name = "fake";
	ctx->m->t.read_max = CMIS_PAGE_SIZE;
	ctx->m->t.write_max = XPO_CMIS_WRITE_MAX;
	for (b = 0; b < XPO_BANKS; b++)
		fake_lanes(ctx->m, b);

	cage = ctx->cage;
	cage->dev = dev;
	cage->xport = &ctx->m->t;
	mutex_init(&cage->sm_lock);
	mutex_init(&cage->io_lock);
	spin_lock_init(&cage->shadow_lock);
	INIT_WORK(&cage->protect_work, fake_protect_work);
	page01[CMIS_P01_PAGES - CMIS_UPPER_OFFSET] = 0x03;	/* 8 banks */
	xpo_cmis_adv_set(&cage->adv, SFF8024_ID_XPO, 0, page01);
	cage->io_enabled = true;

	/* DPInit 1 s, DPDeinit 1 s, Tx on/off 10 ms: codes of 01h:144/168 */
	xpo_dp_module_decode(&ctx->mod, 0x55, 0x55, 0x22);
	ctx->mod.num_apps = 2;
	ctx->mod.has_dpinit_pending = true;
	return ctx;
}

/* The cage's next data path: @n lanes from @first, planned with @appsel */
static struct xpo_cage_dp *exec_dp(struct exec_ctx *ctx, unsigned int first,
				   unsigned int n, u8 appsel)
{
	struct xpo_cage_dp *d = &ctx->cage->dps[ctx->cage->num_dps++];

	memset(d, 0, sizeof(*d));
	xpo_dp_init(&d->m, &ctx->mod);
	d->m.first_lane = first;
	d->m.lane_count = n;
	d->m.appsel = appsel;
	d->port = first;
	return d;
}

static void exec_feed(struct exec_ctx *ctx, struct xpo_cage_dp *d,
		      enum xpo_dp_event ev, const struct xpo_dp_input *in)
{
	mutex_lock(&ctx->cage->sm_lock);
	xpo_dp_exec_feed(ctx->cage, d, ev, in);
	mutex_unlock(&ctx->cage->sm_lock);
}

static void exec_up(struct exec_ctx *ctx, struct xpo_cage_dp *d, u8 appsel)
{
	struct xpo_dp_input in = {
		.appsel = appsel,
		.first_lane = d->m.first_lane,
		.lane_count = d->m.lane_count,
	};

	exec_feed(ctx, d, XPO_DP_E_UP, &in);
}

/* Polls, as lanes_work would deliver them, until the machine stops waiting */
static unsigned int exec_poll(struct exec_ctx *ctx, struct xpo_cage_dp *d,
			      unsigned int max)
{
	unsigned int n;

	for (n = 0; n < max && d->m.timer_armed; n++)
		exec_feed(ctx, d, XPO_DP_E_TIMEOUT, NULL);
	return n;
}

static void exec_init_bank(struct exec_ctx *ctx, unsigned int bank)
{
	mutex_lock(&ctx->cage->sm_lock);
	xpo_dp_exec_bank_init(ctx->cage, bank, NULL);
	mutex_unlock(&ctx->cage->sm_lock);
}

/* Up, every step, the bytes the module got; then down again */
static void xpo_dp_exec_test_up_down(struct kunit *test)
{
	struct exec_ctx *ctx = exec_setup(test);
	struct fake_dpm *m = ctx->m;
	struct xpo_cage_dp *d;
	u8 ready = CMIS_MODULE_READY;
	struct xpo_dp_input in = { .module_state = ready };
	unsigned int l;

	exec_init_bank(ctx, 2);
	KUNIT_EXPECT_EQ(test, P10(m, 2, CMIS_P10_DP_DEINIT), 0xff);
	KUNIT_EXPECT_EQ(test, P10(m, 2, CMIS_P10_TX_DISABLE), 0xff);

	d = exec_dp(ctx, 16, 8, 1);
	exec_feed(ctx, d, XPO_DP_E_MODULE_STATE, &in);
	exec_up(ctx, d, 1);
	KUNIT_EXPECT_EQ(test, d->err, 0);
	/* staged at once: lanes were DPDeactivated */
	KUNIT_EXPECT_EQ(test, d->m.state, XPO_DP_S_APPLYING);
	for (l = 0; l < 8; l++)
		KUNIT_EXPECT_EQ(test, P10(m, 2, CMIS_P10_DPCONFIG + l), 0x10);
	KUNIT_EXPECT_EQ(test, m->apply_writes, 1U);
	KUNIT_EXPECT_TRUE(test, d->m.timer_armed);

	/* ConfigStatus, DPInitPending, DPInit, Tx on: a few polls */
	exec_poll(ctx, d, 10);
	KUNIT_EXPECT_EQ(test, d->m.state, XPO_DP_S_ACTIVATED);
	KUNIT_EXPECT_TRUE(test, d->m.carrier);
	KUNIT_EXPECT_EQ(test, P10(m, 2, CMIS_P10_DP_DEINIT), 0x00);
	KUNIT_EXPECT_EQ(test, P10(m, 2, CMIS_P10_TX_DISABLE), 0x00);
	KUNIT_EXPECT_EQ(test, ctx->cage->ctl_deinit[2], 0x00);
	/* what port-get shows came with the reads */
	KUNIT_EXPECT_EQ(test, xpo_cmis_dp_state(ctx->cage->dp_state[2], 7),
			CMIS_DP_ACTIVATED);
	KUNIT_EXPECT_EQ(test, m->locked, 0);

	exec_feed(ctx, d, XPO_DP_E_DOWN, NULL);
	KUNIT_EXPECT_EQ(test, P10(m, 2, CMIS_P10_DP_DEINIT), 0xff);
	KUNIT_EXPECT_EQ(test, P10(m, 2, CMIS_P10_TX_DISABLE), 0xff);
	exec_poll(ctx, d, 10);
	KUNIT_EXPECT_EQ(test, d->m.state, XPO_DP_S_DEACTIVATED);
	KUNIT_EXPECT_FALSE(test, d->m.carrier);
}

/* Two data paths in one bank: each touches its own bits only */
static void xpo_dp_exec_test_shared_bank(struct kunit *test)
{
	struct exec_ctx *ctx = exec_setup(test);
	struct fake_dpm *m = ctx->m;
	struct xpo_dp_input in = { .module_state = CMIS_MODULE_READY };
	struct xpo_cage_dp *a, *b;

	exec_init_bank(ctx, 0);
	a = exec_dp(ctx, 0, 4, 2);
	b = exec_dp(ctx, 4, 4, 2);
	exec_feed(ctx, a, XPO_DP_E_MODULE_STATE, &in);
	exec_feed(ctx, b, XPO_DP_E_MODULE_STATE, &in);

	exec_up(ctx, b, 2);
	exec_poll(ctx, b, 10);
	KUNIT_EXPECT_EQ(test, b->m.state, XPO_DP_S_ACTIVATED);
	KUNIT_EXPECT_EQ(test, P10(m, 0, CMIS_P10_DP_DEINIT), 0x0f);
	KUNIT_EXPECT_EQ(test, P10(m, 0, CMIS_P10_TX_DISABLE), 0x0f);
	/*
	 * DataPathID 4, AppSel 2 on lanes 5-8; lanes 1-4, idle, staged and
	 * applied with it as planned (AppSel 2, DataPathID 0), their data
	 * path still deinitialised
	 */
	KUNIT_EXPECT_EQ(test, P10(m, 0, CMIS_P10_DPCONFIG + 4), 0x28);
	KUNIT_EXPECT_EQ(test, P10(m, 0, CMIS_P10_DPCONFIG + 0), 0x20);
	KUNIT_EXPECT_EQ(test, P11(m, 0, CMIS_P11_ACTIVE_DPCONFIG + 0), 0x20);
	KUNIT_EXPECT_EQ(test, fake_get_nibble(&P11(m, 0, CMIS_P11_DP_STATE), 0),
			CMIS_DP_DEACTIVATED);

	exec_up(ctx, a, 2);
	exec_poll(ctx, a, 10);
	KUNIT_EXPECT_EQ(test, a->m.state, XPO_DP_S_ACTIVATED);
	KUNIT_EXPECT_EQ(test, P10(m, 0, CMIS_P10_DP_DEINIT), 0x00);

	/* a down leaves the other one running */
	exec_feed(ctx, a, XPO_DP_E_DOWN, NULL);
	exec_poll(ctx, a, 10);
	KUNIT_EXPECT_EQ(test, P10(m, 0, CMIS_P10_DP_DEINIT), 0x0f);
	KUNIT_EXPECT_EQ(test, P10(m, 0, CMIS_P10_TX_DISABLE), 0x0f);
	KUNIT_EXPECT_EQ(test, xpo_cmis_dp_state(&P11(m, 0, CMIS_P11_DP_STATE), 4),
			CMIS_DP_ACTIVATED);
	KUNIT_EXPECT_EQ(test, fake_get_nibble(&P11(m, 0, CMIS_P11_DP_STATE), 0),
			CMIS_DP_DEACTIVATED);
}

/* A rejection fails with its code; the lanes stay deinitialised, Tx off */
static void xpo_dp_exec_test_rejected(struct kunit *test)
{
	struct exec_ctx *ctx = exec_setup(test);
	struct fake_dpm *m = ctx->m;
	struct xpo_dp_input in = { .module_state = CMIS_MODULE_READY };
	struct xpo_cage_dp *d;

	exec_init_bank(ctx, 1);
	m->reject = CMIS_CONFIG_INVALID_APPSEL;
	d = exec_dp(ctx, 8, 8, 1);
	exec_feed(ctx, d, XPO_DP_E_MODULE_STATE, &in);
	exec_up(ctx, d, 1);
	exec_poll(ctx, d, 10);
	KUNIT_EXPECT_EQ(test, d->m.state, XPO_DP_S_FAILED);
	KUNIT_EXPECT_EQ(test, d->m.fail, XPO_DP_FAIL_REJECTED);
	KUNIT_EXPECT_EQ(test, d->m.fail_code, CMIS_CONFIG_INVALID_APPSEL);
	KUNIT_EXPECT_EQ(test, P10(m, 1, CMIS_P10_DP_DEINIT), 0xff);
	KUNIT_EXPECT_EQ(test, P10(m, 1, CMIS_P10_TX_DISABLE), 0xff);
	KUNIT_EXPECT_FALSE(test, d->m.carrier);
}

/* A module that NACKs everything: failed within a bounded number of polls */
static void xpo_dp_exec_test_nack(struct kunit *test)
{
	struct exec_ctx *ctx = exec_setup(test);
	struct xpo_dp_input in = { .module_state = CMIS_MODULE_READY };
	struct xpo_cage_dp *d;
	unsigned int polls;

	exec_init_bank(ctx, 3);
	d = exec_dp(ctx, 24, 8, 1);
	exec_feed(ctx, d, XPO_DP_E_MODULE_STATE, &in);
	ctx->m->nack = true;
	exec_up(ctx, d, 1);
	polls = exec_poll(ctx, d, 100);
	KUNIT_EXPECT_EQ(test, d->m.state, XPO_DP_S_FAILED);
	KUNIT_EXPECT_LE(test, polls, (unsigned int)XPO_DP_N_IO_ERRORS);
	KUNIT_EXPECT_FALSE(test, d->m.timer_armed);
	KUNIT_EXPECT_EQ(test, ctx->m->locked, 0);
	/* the host's copy keeps what it asked for: Tx off, deinitialised */
	KUNIT_EXPECT_EQ(test, ctx->cage->ctl_tx_disable[3], 0xff);
	KUNIT_EXPECT_EQ(test, ctx->cage->ctl_deinit[3], 0xff);
}

static struct kunit_case xpo_dp_exec_test_cases[] = {
	KUNIT_CASE(xpo_dp_exec_test_up_down),
	KUNIT_CASE(xpo_dp_exec_test_shared_bank),
	KUNIT_CASE(xpo_dp_exec_test_rejected),
	KUNIT_CASE(xpo_dp_exec_test_nack),
	{}
};

static struct kunit_suite xpo_dp_exec_test_suite = {
	.name = "xpo_dp_exec",
	.test_cases = xpo_dp_exec_test_cases,
};

kunit_test_suite(xpo_dp_exec_test_suite);
