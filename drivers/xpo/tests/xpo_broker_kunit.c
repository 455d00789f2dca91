// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the broker (xpo_broker.c) against a fake transport: paging and
 * page 00h restored at the end of a section, the selection cached within
 * one, chunking to the transport's limit, NACK retries and their bound,
 * the transport unlocked while the present line is looked at, and the
 * shadow: a latched byte read by one client reaches every other, and the
 * protection is woken by a reader that is not the state machine; a full
 * dump (__xpo_cmis_dump()): its select writes, the bytes, the shadow.
 */
#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "../xpo_core.h"

#define FAKE_PAGES	4	/* 00h, 01h, 11h (8 banks), B0h */

/* A CMIS module's memory behind a transport that only moves bytes */
struct fake_module {
	struct xpo_transport t;
	u8 lower[CMIS_LOWER_SIZE];
	u8 upper[FAKE_PAGES][XPO_BANKS][CMIS_PAGE_SIZE];
	u8 bank, page;			/* the module's selection */
	int nack;			/* NACK the next N transfers */
	unsigned int reads, writes, selects;
	unsigned int page_selects;	/* PageSelect written alone */
	bool stuck;			/* ignores its selects */
	int locked;			/* > 0 inside a section */
	unsigned int unlocked_on_failure;
};

static struct fake_module *to_fake(struct xpo_transport *t)
{
	return container_of(t, struct fake_module, t);
}

static int fake_slot(u8 page)
{
	switch (page) {
	case 0x00: return 0;
	case 0x01: return 1;
	case CMIS_PAGE_LANE_STATUS: return 2;
	case XPO_PAGE_TELEMETRY: return 3;
	default: return -1;
	}
}

static u8 *fake_byte(struct fake_module *m, unsigned int off)
{
	int slot = fake_slot(m->page);

	if (off < CMIS_UPPER_OFFSET)
		return &m->lower[off];
	if (slot < 0 || m->bank >= XPO_BANKS)
		return NULL;
	return &m->upper[slot][m->bank][off - CMIS_UPPER_OFFSET];
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
	struct fake_module *m = to_fake(t);
	unsigned int i;
	u8 *p;

	if (m->locked <= 0)
		return -EPERM;		/* a transfer outside a section */
	if (m->nack > 0) {
		m->nack--;
		return -ENXIO;
	}
	m->reads++;
	for (i = 0; i < len; i++) {
		p = fake_byte(m, offset + i);
		buf[i] = p ? *p : 0;
		/* latched bytes clear on read, as in the module */
		if (p && xpo_shadow_index(m->bank, m->page, offset + i) >= 0)
			*p = 0;
	}
	return 0;
}

static int fake_write(struct xpo_transport *t, u8 offset, const u8 *buf,
		      size_t len)
{
	struct fake_module *m = to_fake(t);
	unsigned int i;
	u8 *p;

	if (m->locked <= 0)
		return -EPERM;
	if (m->nack > 0) {
		m->nack--;
		return -ENXIO;
	}
	m->writes++;
	/* BankSelect takes effect with PageSelect; both read back */
	if (offset == CMIS_BANK_SELECT && len == 2) {
		m->selects++;
		if (m->stuck)
			return 0;
		m->bank = buf[0];
		m->page = buf[1];
		m->lower[CMIS_BANK_SELECT] = m->bank;
		m->lower[CMIS_PAGE_SELECT] = m->page;
		return 0;
	}
	if (offset == CMIS_PAGE_SELECT && len == 1) {
		m->page_selects++;
		if (m->stuck)
			return 0;
		m->page = buf[0];
		m->lower[CMIS_PAGE_SELECT] = m->page;
		return 0;
	}
	for (i = 0; i < len; i++) {
		p = fake_byte(m, offset + i);
		if (p)
			*p = buf[i];
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

struct broker_ctx {
	struct xpo_cage *cage;
	struct fake_module *m;
};

/* The protection's wake-ups (xpo_protect_kick()), counted */
static atomic_t fake_kicks;

static void fake_protect_work(struct work_struct *work)
{
	atomic_inc(&fake_kicks);
}

static struct broker_ctx *broker_setup(struct kunit *test)
{
	struct broker_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	u8 page01[CMIS_PAGE_SIZE] = {};
	struct xpo_cage *cage;
	struct device *dev;

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ctx->m = kunit_kzalloc(test, sizeof(*ctx->m), GFP_KERNEL);
	ctx->cage = kunit_kzalloc(test, sizeof(*ctx->cage), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx->m);
	KUNIT_ASSERT_NOT_NULL(test, ctx->cage);
	dev = kunit_device_register(test, "xpo-broker-test");
	KUNIT_ASSERT_FALSE(test, IS_ERR(dev));

	ctx->m->t.ops = &fake_ops;
	ctx->m->t.name = "fake";
	ctx->m->t.read_max = CMIS_PAGE_SIZE;
	ctx->m->t.write_max = XPO_CMIS_WRITE_MAX;

	cage = ctx->cage;
	cage->dev = dev;
	cage->xport = &ctx->m->t;
	mutex_init(&cage->io_lock);
	spin_lock_init(&cage->shadow_lock);
	INIT_WORK(&cage->protect_work, fake_protect_work);
	page01[CMIS_P01_PAGES - CMIS_UPPER_OFFSET] = 0x03;	/* 8 banks */
	xpo_cmis_adv_set(&cage->adv, SFF8024_ID_XPO, 0, page01);
	cage->io_enabled = true;
	return ctx;
}

/* A read of a banked page: selected once, page 00h again at the end */
static void xpo_broker_test_paging(struct kunit *test)
{
	struct broker_ctx *ctx = broker_setup(test);
	struct fake_module *m = ctx->m;
	struct xpo_cage *cage = ctx->cage;
	u8 buf[CMIS_PAGE_SIZE];
	unsigned int i;

	for (i = 0; i < CMIS_PAGE_SIZE; i++)
		m->upper[2][3][i] = i;
	xpo_cmis_lock(cage);
	KUNIT_EXPECT_EQ(test, __xpo_cmis_read(cage, 3, 0x11, 128, buf, 4), 0);
	KUNIT_EXPECT_EQ(test, __xpo_cmis_read(cage, 3, 0x11, 200, buf + 4, 4),
			0);
	KUNIT_EXPECT_EQ(test, m->selects, 1U);
	KUNIT_EXPECT_EQ(test, m->page, 0x11);
	xpo_cmis_unlock(cage);
	KUNIT_EXPECT_EQ(test, m->locked, 0);
	KUNIT_EXPECT_EQ(test, m->bank, 0);
	KUNIT_EXPECT_EQ(test, m->page, 0);
	KUNIT_EXPECT_EQ(test, m->selects, 2U);
	KUNIT_EXPECT_EQ(test, buf[0], 0);
	KUNIT_EXPECT_EQ(test, buf[3], 3);
	KUNIT_EXPECT_EQ(test, buf[4], 72);	/* 200 - 128 */

	/* lower memory only: no select, nothing to restore */
	m->selects = 0;
	KUNIT_EXPECT_EQ(test, xpo_cmis_read(cage, 0, 0x00, 0, buf, 16), 0);
	KUNIT_EXPECT_EQ(test, m->selects, 0U);
}

/* Transfers are cut to the transport's limit */
static void xpo_broker_test_chunks(struct kunit *test)
{
	struct broker_ctx *ctx = broker_setup(test);
	u8 buf[CMIS_PAGE_SIZE];

	ctx->m->t.read_max = 32;
	KUNIT_EXPECT_EQ(test, xpo_cmis_read(ctx->cage, 0, 0x01, 128, buf,
					    CMIS_PAGE_SIZE), 0);
	/* 4 chunks, and the restore's read back of 126-127 */
	KUNIT_EXPECT_EQ(test, ctx->m->reads, 5U);
}

/* NACKs are retried; past the bound the error comes back */
static void xpo_broker_test_nack(struct kunit *test)
{
	struct broker_ctx *ctx = broker_setup(test);
	struct xpo_cage *cage = ctx->cage;
	u8 b;

	ctx->m->nack = XPO_CMIS_IO_TRIES - 1;
	KUNIT_EXPECT_EQ(test, xpo_cmis_read(cage, 0, 0, 3, &b, 1), 0);
	KUNIT_EXPECT_EQ(test, cage->stats.retries, (u64)XPO_CMIS_IO_TRIES - 1);
	KUNIT_EXPECT_EQ(test, cage->stats.errors, 0ULL);

	ctx->m->nack = XPO_CMIS_IO_TRIES;
	KUNIT_EXPECT_EQ(test, xpo_cmis_read(cage, 0, 0, 3, &b, 1), -ENXIO);
	KUNIT_EXPECT_EQ(test, cage->stats.errors, 1ULL);
	/* the present line was looked at with the transport unlocked */
	KUNIT_EXPECT_EQ(test, ctx->m->locked, 0);
	KUNIT_EXPECT_EQ(test, xpo_cmis_read(cage, 0, 0, 3, &b, 1), 0);
}

/* No module: nothing reaches the transport */
static void xpo_broker_test_no_module(struct kunit *test)
{
	struct broker_ctx *ctx = broker_setup(test);
	u8 b;

	ctx->cage->io_enabled = false;
	KUNIT_EXPECT_EQ(test, xpo_cmis_read(ctx->cage, 0, 0, 3, &b, 1),
			-ENODEV);
	KUNIT_EXPECT_EQ(test, ctx->m->reads, 0U);
	/* nor an address the module does not advertise */
	ctx->cage->io_enabled = true;
	KUNIT_EXPECT_EQ(test, xpo_cmis_read(ctx->cage, 0, 0x03, 128, &b, 1),
			-EOPNOTSUPP);
}

/* A latched flag read by user space reaches the state machine and the
 * protection; the module's byte is clear after the first read.
 */
static void xpo_broker_test_shadow(struct kunit *test)
{
	struct broker_ctx *ctx = broker_setup(test);
	struct fake_module *m = ctx->m;
	struct xpo_cage *cage = ctx->cage;
	u8 flags[6], got;

	atomic_set(&fake_kicks, 0);
	m->lower[CMIS_TEMP_VCC_FLAGS] = CMIS_FLAG_TEMP_HALARM;
	m->upper[3][0][XPO_TLM_FLAGS - CMIS_UPPER_OFFSET] = 0x02;

	KUNIT_EXPECT_EQ(test, xpo_cmis_read(cage, 0, 0, CMIS_MODULE_FLAGS, flags,
					    sizeof(flags)), 0);
	KUNIT_EXPECT_EQ(test, flags[1], CMIS_FLAG_TEMP_HALARM);
	KUNIT_EXPECT_EQ(test, m->lower[CMIS_TEMP_VCC_FLAGS], 0);

	/* the state machine reads next: the module has nothing, the shadow has */
	xpo_cmis_lock_as(cage, XPO_CLIENT_SM);
	KUNIT_EXPECT_EQ(test, __xpo_cmis_read(cage, 0, 0, CMIS_MODULE_FLAGS,
					      flags, sizeof(flags)), 0);
	xpo_cmis_unlock(cage);
	KUNIT_EXPECT_EQ(test, flags[1], CMIS_FLAG_TEMP_HALARM);

	/* the protection was handed it, and woken by the user-space read */
	KUNIT_EXPECT_TRUE(test, xpo_broker_take(cage, XPO_CLIENT_PROTECT, 0, 0,
						CMIS_TEMP_VCC_FLAGS, &got, 1,
						true));
	KUNIT_EXPECT_EQ(test, got, CMIS_FLAG_TEMP_HALARM);
	flush_work(&cage->protect_work);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake_kicks), 1);

	/* B0h:139 through the state machine does not need a wake-up */
	xpo_cmis_lock_as(cage, XPO_CLIENT_SM);
	KUNIT_EXPECT_EQ(test, __xpo_cmis_read(cage, 0, XPO_PAGE_TELEMETRY,
					      XPO_TLM_FLAGS, &got, 1), 0);
	xpo_cmis_unlock(cage);
	KUNIT_EXPECT_EQ(test, got, 0x02);
	KUNIT_EXPECT_TRUE(test, xpo_broker_take(cage, XPO_CLIENT_PROTECT, 0,
						XPO_PAGE_TELEMETRY,
						XPO_TLM_FLAGS, &got, 1, true));
	KUNIT_EXPECT_EQ(test, got, 0x02);
	flush_work(&cage->protect_work);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake_kicks), 1);

	/* a module gone: nothing it latched is left */
	xpo_broker_forget(cage);
	KUNIT_EXPECT_FALSE(test, xpo_broker_take(cage, XPO_CLIENT_HOST, 0,
						 XPO_PAGE_TELEMETRY,
						 XPO_TLM_FLAGS, &got, 1,
						 true));
	flush_work(&cage->protect_work);
}

/* What a fake module's region holds: its bank, page and offset, in a pattern */
static u8 fake_pattern(u8 bank, u8 page, unsigned int i)
{
	return (u8)(bank * 37 + page * 11 + i);
}

/*
 * A full dump: every region read once, in one section, each with the
 * fewest select writes, page 00h selected at the end and read back with
 * lower memory (no separate restore), the bytes as the module has them.
 */
static void xpo_broker_test_dump(struct kunit *test)
{
	struct broker_ctx *ctx = broker_setup(test);
	struct fake_module *m = ctx->m;
	struct xpo_cage *cage = ctx->cage;
	struct xpo_cmis_dump_plan *plan;
	const struct xpo_cmis_region *r;
	unsigned int i, k, b, bad = 0;
	u8 *data;
	int slot;

	plan = kunit_kzalloc(test, sizeof(*plan), GFP_KERNEL);
	data = kunit_kzalloc(test, XPO_CMIS_DUMP_MAX * CMIS_PAGE_SIZE,
			     GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plan);
	KUNIT_ASSERT_NOT_NULL(test, data);
	for (i = 0; i < CMIS_LOWER_SIZE; i++)
		if (i < CMIS_MODULE_FLAGS || i >= CMIS_BANK_SELECT - 2)
			m->lower[i] = 0;
		else
			m->lower[i] = fake_pattern(0, 0, i);
	for (slot = 0; slot < FAKE_PAGES; slot++)
		for (b = 0; b < XPO_BANKS; b++)
			for (i = 0; i < CMIS_PAGE_SIZE; i++)
				m->upper[slot][b][i] = fake_pattern(b, slot, i);
	/* another master left page 01h selected */
	m->page = 0x01;
	m->lower[CMIS_PAGE_SELECT] = 0x01;

	KUNIT_ASSERT_EQ(test, xpo_cmis_dump_plan(&cage->adv, plan), 21U);
	xpo_cmis_lock(cage);
	KUNIT_EXPECT_EQ(test, __xpo_cmis_dump(cage, plan, data), 0);
	xpo_cmis_unlock(cage);

	KUNIT_EXPECT_EQ(test, m->locked, 0);
	KUNIT_EXPECT_EQ(test, m->reads, 21U);		/* no read-back */
	KUNIT_EXPECT_EQ(test, m->selects, 8U);		/* one per bank */
	KUNIT_EXPECT_EQ(test, m->page_selects, 12U);
	KUNIT_EXPECT_EQ(test, m->writes, 20U);		/* no restore */
	KUNIT_EXPECT_EQ(test, m->bank, 0);
	KUNIT_EXPECT_EQ(test, m->page, 0);
	KUNIT_EXPECT_EQ(test, cage->stats.errors, 0ULL);

	for (k = 0; k < plan->n; k++) {
		r = &plan->region[k];
		slot = r->offset ? fake_slot(r->page) : -1;
		for (i = 0; i < CMIS_PAGE_SIZE; i++) {
			u8 want;

			if (!r->offset)	/* 126-127: page 00h selected */
				want = i < CMIS_MODULE_FLAGS ||
				       i >= CMIS_BANK_SELECT - 2 ? 0 :
				       fake_pattern(0, 0, i);
			else
				want = slot < 0 ? 0 :
				       fake_pattern(r->bank, slot, i);
			bad += data[k * CMIS_PAGE_SIZE + i] != want;
		}
	}
	KUNIT_EXPECT_EQ(test, bad, 0U);
	flush_work(&cage->protect_work);	/* the flags woke it */
}

/* Reads are cut to the transport's limit in a dump too */
static void xpo_broker_test_dump_chunks(struct kunit *test)
{
	struct broker_ctx *ctx = broker_setup(test);
	struct xpo_cmis_dump_plan *plan;
	u8 *data;

	plan = kunit_kzalloc(test, sizeof(*plan), GFP_KERNEL);
	data = kunit_kzalloc(test, XPO_CMIS_DUMP_MAX * CMIS_PAGE_SIZE,
			     GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plan);
	KUNIT_ASSERT_NOT_NULL(test, data);
	ctx->m->t.read_max = 32;
	xpo_cmis_dump_plan(&ctx->cage->adv, plan);
	xpo_cmis_lock(ctx->cage);
	KUNIT_EXPECT_EQ(test, __xpo_cmis_dump(ctx->cage, plan, data), 0);
	xpo_cmis_unlock(ctx->cage);
	KUNIT_EXPECT_EQ(test, ctx->m->reads, 21U * 4);
}

/*
 * A module that does not take its selects: the dump fails when lower
 * memory reads back another page, and the section ends with the restore
 * of page 00h (write and read-back) as any other.
 */
static void xpo_broker_test_dump_stuck(struct kunit *test)
{
	struct broker_ctx *ctx = broker_setup(test);
	struct fake_module *m = ctx->m;
	struct xpo_cmis_dump_plan *plan;
	u8 *data;

	plan = kunit_kzalloc(test, sizeof(*plan), GFP_KERNEL);
	data = kunit_kzalloc(test, XPO_CMIS_DUMP_MAX * CMIS_PAGE_SIZE,
			     GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plan);
	KUNIT_ASSERT_NOT_NULL(test, data);
	m->stuck = true;
	m->page = 0x11;
	m->lower[CMIS_PAGE_SELECT] = 0x11;
	xpo_cmis_dump_plan(&ctx->cage->adv, plan);
	xpo_cmis_lock(ctx->cage);
	KUNIT_EXPECT_EQ(test, __xpo_cmis_dump(ctx->cage, plan, data), -EIO);
	xpo_cmis_unlock(ctx->cage);
	KUNIT_EXPECT_EQ(test, ctx->cage->stats.errors, 2ULL);
	KUNIT_EXPECT_EQ(test, m->selects, 8U + 1);	/* and the restore */
	KUNIT_EXPECT_EQ(test, m->reads, 20U + 1);	/* its read-back */
	KUNIT_EXPECT_EQ(test, m->locked, 0);

	/* no module: nothing reaches the transport */
	m->reads = 0;
	ctx->cage->io_enabled = false;
	xpo_cmis_lock(ctx->cage);
	KUNIT_EXPECT_EQ(test, __xpo_cmis_dump(ctx->cage, plan, data), -ENODEV);
	xpo_cmis_unlock(ctx->cage);
	KUNIT_EXPECT_EQ(test, m->reads, 0U);
}

/*
 * The latched bytes a dump reads (00h:9, B0h:139, 11h lane flags) go
 * through the shadow: the protection is handed them and woken, the state
 * machine and the lanes still read them, and a second dump sees them no
 * more (each reader once).
 */
static void xpo_broker_test_dump_shadow(struct kunit *test)
{
	struct broker_ctx *ctx = broker_setup(test);
	struct fake_module *m = ctx->m;
	struct xpo_cage *cage = ctx->cage;
	struct xpo_cmis_dump_plan *plan;
	unsigned int k;
	u8 *data, got;

	plan = kunit_kzalloc(test, sizeof(*plan), GFP_KERNEL);
	data = kunit_kzalloc(test, XPO_CMIS_DUMP_MAX * CMIS_PAGE_SIZE,
			     GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plan);
	KUNIT_ASSERT_NOT_NULL(test, data);
	atomic_set(&fake_kicks, 0);
	m->lower[CMIS_TEMP_VCC_FLAGS] = CMIS_FLAG_TEMP_HALARM;
	m->upper[3][0][XPO_TLM_FLAGS - CMIS_UPPER_OFFSET] = 0x02;
	m->upper[2][5][CMIS_P11_LANE_FLAGS - CMIS_UPPER_OFFSET] = 0x80;

	xpo_cmis_dump_plan(&cage->adv, plan);
	xpo_cmis_lock(cage);
	KUNIT_EXPECT_EQ(test, __xpo_cmis_dump(cage, plan, data), 0);
	xpo_cmis_unlock(cage);
	/* the dump itself saw them, and the module's bytes are clear now */
	KUNIT_EXPECT_EQ(test, data[CMIS_TEMP_VCC_FLAGS], CMIS_FLAG_TEMP_HALARM);
	KUNIT_EXPECT_EQ(test, m->lower[CMIS_TEMP_VCC_FLAGS], 0);
	for (k = 0; k < plan->n; k++)
		if (plan->region[k].page == XPO_PAGE_TELEMETRY)
			KUNIT_EXPECT_EQ(test, data[k * CMIS_PAGE_SIZE +
						   XPO_TLM_FLAGS -
						   CMIS_UPPER_OFFSET], 0x02);

	/* the protection was handed both, and woken */
	KUNIT_EXPECT_TRUE(test, xpo_broker_take(cage, XPO_CLIENT_PROTECT, 0, 0,
						CMIS_TEMP_VCC_FLAGS, &got, 1,
						true));
	KUNIT_EXPECT_EQ(test, got, CMIS_FLAG_TEMP_HALARM);
	KUNIT_EXPECT_TRUE(test, xpo_broker_take(cage, XPO_CLIENT_PROTECT, 0,
						XPO_PAGE_TELEMETRY,
						XPO_TLM_FLAGS, &got, 1, true));
	KUNIT_EXPECT_EQ(test, got, 0x02);
	flush_work(&cage->protect_work);
	KUNIT_EXPECT_GE(test, atomic_read(&fake_kicks), 1);

	/* the state machine and the lanes read them still */
	xpo_cmis_lock_as(cage, XPO_CLIENT_SM);
	KUNIT_EXPECT_EQ(test, __xpo_cmis_read(cage, 0, 0, CMIS_TEMP_VCC_FLAGS,
					      &got, 1), 0);
	xpo_cmis_unlock(cage);
	KUNIT_EXPECT_EQ(test, got, CMIS_FLAG_TEMP_HALARM);
	xpo_cmis_lock_as(cage, XPO_CLIENT_LANES);
	KUNIT_EXPECT_EQ(test, __xpo_cmis_read(cage, 5, CMIS_PAGE_LANE_STATUS,
					      CMIS_P11_LANE_FLAGS, &got, 1), 0);
	xpo_cmis_unlock(cage);
	KUNIT_EXPECT_EQ(test, got, 0x80);

	/* user space saw them once */
	xpo_cmis_lock(cage);
	KUNIT_EXPECT_EQ(test, __xpo_cmis_dump(cage, plan, data), 0);
	xpo_cmis_unlock(cage);
	KUNIT_EXPECT_EQ(test, data[CMIS_TEMP_VCC_FLAGS], 0);
	flush_work(&cage->protect_work);
}

static struct kunit_case xpo_broker_test_cases[] = {
	KUNIT_CASE(xpo_broker_test_paging),
	KUNIT_CASE(xpo_broker_test_chunks),
	KUNIT_CASE(xpo_broker_test_nack),
	KUNIT_CASE(xpo_broker_test_no_module),
	KUNIT_CASE(xpo_broker_test_shadow),
	KUNIT_CASE(xpo_broker_test_dump),
	KUNIT_CASE(xpo_broker_test_dump_chunks),
	KUNIT_CASE(xpo_broker_test_dump_stuck),
	KUNIT_CASE(xpo_broker_test_dump_shadow),
	{}
};

static struct kunit_suite xpo_broker_test_suite = {
	.name = "xpo_broker",
	.test_cases = xpo_broker_test_cases,
};

kunit_test_suite(xpo_broker_test_suite);
