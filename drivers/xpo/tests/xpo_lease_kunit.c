// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the pure lease logic (xpo_lease.c) and the state machine's
 * answer to a busy module (xpo_sm.c: XPO_E_BUSY, XPO_E_BUSY_TIMEOUT).
 */
#include <kunit/test.h>
#include <linux/jiffies.h>
#include <linux/string.h>

#include "../xpo_lease.h"
#include "../xpo_sm.h"

static const char owner_a[] = "a", owner_b[] = "b";

static void req_init(struct xpo_lease *req, enum xpo_lease_kind kind,
		     const char *holder, const void *owner)
{
	memset(req, 0, sizeof(*req));
	req->kind = kind;
	strscpy(req->holder, holder, sizeof(req->holder));
	req->owner = owner;
}

static void xpo_lease_test_take_free(struct kunit *test)
{
	struct xpo_lease lease = {}, req;

	req_init(&req, XPO_LEASE_FIRMWARE, "xpo3p0", owner_a);
	req.busy_ms = 1234;
	KUNIT_EXPECT_EQ(test, xpo_lease_take(&lease, &req, 1000), 0);
	KUNIT_EXPECT_EQ(test, lease.kind, XPO_LEASE_FIRMWARE);
	KUNIT_EXPECT_STREQ(test, lease.holder, "xpo3p0");
	KUNIT_EXPECT_PTR_EQ(test, lease.owner, (const void *)owner_a);
	KUNIT_EXPECT_EQ(test, lease.taken, 1000UL);
	KUNIT_EXPECT_EQ(test, lease.busy_ms, 1234U);
}

static void xpo_lease_test_conflict(struct kunit *test)
{
	struct xpo_lease lease = {}, req;

	req_init(&req, XPO_LEASE_CDB, "netlink", owner_a);
	KUNIT_ASSERT_EQ(test, xpo_lease_take(&lease, &req, 0), 0);

	/* another owner, any kind: busy, the lease unchanged */
	req_init(&req, XPO_LEASE_RESET, "reset", owner_b);
	KUNIT_EXPECT_EQ(test, xpo_lease_take(&lease, &req, 5), -EBUSY);
	req_init(&req, XPO_LEASE_CDB, "other", owner_b);
	KUNIT_EXPECT_EQ(test, xpo_lease_take(&lease, &req, 5), -EBUSY);
	KUNIT_EXPECT_STREQ(test, lease.holder, "netlink");

	/* anonymous requests never match a holder */
	req_init(&req, XPO_LEASE_CDB, "anon", NULL);
	KUNIT_EXPECT_EQ(test, xpo_lease_take(&lease, &req, 5), -EBUSY);

	/* the holder asking again keeps it as it was */
	req_init(&req, XPO_LEASE_CDB, "renamed", owner_a);
	KUNIT_EXPECT_EQ(test, xpo_lease_take(&lease, &req, 50), 0);
	KUNIT_EXPECT_STREQ(test, lease.holder, "netlink");
	KUNIT_EXPECT_EQ(test, lease.taken, 0UL);

	/* ... but not for another kind */
	req_init(&req, XPO_LEASE_FIRMWARE, "netlink", owner_a);
	KUNIT_EXPECT_EQ(test, xpo_lease_take(&lease, &req, 50), -EBUSY);
	KUNIT_EXPECT_EQ(test, lease.kind, XPO_LEASE_CDB);

	KUNIT_EXPECT_FALSE(test, xpo_lease_conflicts(&lease, owner_a));
	KUNIT_EXPECT_TRUE(test, xpo_lease_conflicts(&lease, owner_b));
	KUNIT_EXPECT_TRUE(test, xpo_lease_conflicts(&lease, NULL));
}

static void xpo_lease_test_bad_kind(struct kunit *test)
{
	struct xpo_lease lease = {}, req;

	req_init(&req, XPO_LEASE_NONE, "x", owner_a);
	KUNIT_EXPECT_EQ(test, xpo_lease_take(&lease, &req, 0), -EINVAL);
	req_init(&req, XPO_LEASE_KIND_MAX, "x", owner_a);
	KUNIT_EXPECT_EQ(test, xpo_lease_take(&lease, &req, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, lease.kind, XPO_LEASE_NONE);
	KUNIT_EXPECT_FALSE(test, xpo_lease_conflicts(&lease, NULL));
}

static void xpo_lease_test_release(struct kunit *test)
{
	struct xpo_lease lease = {}, req, ended = {};

	req_init(&req, XPO_LEASE_BREAKOUT, "xpoctl", owner_a);
	KUNIT_ASSERT_EQ(test, xpo_lease_take(&lease, &req, 0), 0);
	KUNIT_EXPECT_EQ(test, xpo_lease_release(&lease, owner_b, &ended),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, xpo_lease_release(&lease, NULL, &ended),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, lease.kind, XPO_LEASE_BREAKOUT);
	KUNIT_EXPECT_EQ(test, xpo_lease_release(&lease, owner_a, &ended), 0);
	KUNIT_EXPECT_EQ(test, lease.kind, XPO_LEASE_NONE);
	KUNIT_EXPECT_EQ(test, ended.kind, XPO_LEASE_BREAKOUT);
	KUNIT_EXPECT_STREQ(test, ended.holder, "xpoctl");
	/* twice: nothing held */
	KUNIT_EXPECT_EQ(test, xpo_lease_release(&lease, owner_a, NULL),
			-ENOENT);
	/* free again for anyone */
	req_init(&req, XPO_LEASE_CDB, "b", owner_b);
	KUNIT_EXPECT_EQ(test, xpo_lease_take(&lease, &req, 0), 0);
}

static void xpo_lease_test_name_truncated(struct kunit *test)
{
	struct xpo_lease lease = {}, req;

	req_init(&req, XPO_LEASE_CDB, "", owner_a);
	memset(req.holder, 'x', sizeof(req.holder));	/* no NUL */
	KUNIT_ASSERT_EQ(test, xpo_lease_take(&lease, &req, 0), 0);
	KUNIT_EXPECT_EQ(test, strlen(lease.holder),
			(size_t)XPO_LEASE_NAME_LEN - 1);
}

static void xpo_lease_test_expiry(struct kunit *test)
{
	unsigned long t0 = jiffies, d = msecs_to_jiffies(1000);
	struct xpo_lease lease = {}, req, ended = {};

	req_init(&req, XPO_LEASE_CDB, "cdb", owner_a);
	req.duration_ms = 1000;
	KUNIT_ASSERT_EQ(test, xpo_lease_take(&lease, &req, t0), 0);
	KUNIT_EXPECT_EQ(test, xpo_lease_update(&lease, t0 + d - 1, &ended),
			XPO_LEASE_HELD);
	KUNIT_EXPECT_EQ(test, lease.kind, XPO_LEASE_CDB);
	KUNIT_EXPECT_EQ(test, xpo_lease_update(&lease, t0 + d, &ended),
			XPO_LEASE_EXPIRED);
	KUNIT_EXPECT_EQ(test, lease.kind, XPO_LEASE_NONE);
	KUNIT_EXPECT_EQ(test, ended.kind, XPO_LEASE_CDB);
	KUNIT_EXPECT_EQ(test, ended.duration_ms, 1000U);
	/* free: nothing more to end */
	KUNIT_EXPECT_EQ(test, xpo_lease_update(&lease, t0 + 2 * d, &ended),
			XPO_LEASE_HELD);
}

static void xpo_lease_test_expiry_wraps(struct kunit *test)
{
	/* taken just before jiffies wrap: time_before() keeps it right */
	unsigned long t0 = ULONG_MAX - 10, d = msecs_to_jiffies(500);
	struct xpo_lease lease = {}, req;

	req_init(&req, XPO_LEASE_FIRMWARE, "fw", owner_a);
	req.duration_ms = 500;
	KUNIT_ASSERT_EQ(test, xpo_lease_take(&lease, &req, t0), 0);
	KUNIT_EXPECT_EQ(test, xpo_lease_update(&lease, t0 + 20, NULL),
			XPO_LEASE_HELD);
	KUNIT_EXPECT_EQ(test, xpo_lease_update(&lease, t0 + d, NULL),
			XPO_LEASE_EXPIRED);
}

static bool fake_alive;

static bool fake_alive_fn(const void *owner)
{
	return fake_alive;
}

static void xpo_lease_test_holder_gone(struct kunit *test)
{
	struct xpo_lease lease = {}, req, ended = {};

	req_init(&req, XPO_LEASE_FIRMWARE, "xpo3p0", owner_a);
	req.alive = fake_alive_fn;
	fake_alive = true;
	KUNIT_ASSERT_EQ(test, xpo_lease_take(&lease, &req, 0), 0);
	/* no duration: held as long as the holder runs */
	KUNIT_EXPECT_EQ(test, xpo_lease_update(&lease, 1000000, &ended),
			XPO_LEASE_HELD);
	fake_alive = false;
	KUNIT_EXPECT_EQ(test, xpo_lease_update(&lease, 1000001, &ended),
			XPO_LEASE_GONE);
	KUNIT_EXPECT_EQ(test, lease.kind, XPO_LEASE_NONE);
	KUNIT_EXPECT_STREQ(test, ended.holder, "xpo3p0");
}

static void xpo_lease_test_kinds(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, xpo_lease_quiet(XPO_LEASE_CDB));
	KUNIT_EXPECT_TRUE(test, xpo_lease_quiet(XPO_LEASE_FIRMWARE));
	KUNIT_EXPECT_FALSE(test, xpo_lease_quiet(XPO_LEASE_BREAKOUT));
	KUNIT_EXPECT_FALSE(test, xpo_lease_quiet(XPO_LEASE_RESET));
	KUNIT_EXPECT_FALSE(test, xpo_lease_quiet(XPO_LEASE_NONE));
	KUNIT_EXPECT_TRUE(test, xpo_lease_needs_ports_down(XPO_LEASE_FIRMWARE));
	KUNIT_EXPECT_FALSE(test, xpo_lease_needs_ports_down(XPO_LEASE_BREAKOUT));
	KUNIT_EXPECT_FALSE(test, xpo_lease_needs_ports_down(XPO_LEASE_CDB));
	KUNIT_EXPECT_FALSE(test, xpo_lease_needs_ports_down(XPO_LEASE_RESET));
	KUNIT_EXPECT_STREQ(test, xpo_lease_kind_name(XPO_LEASE_CDB), "cdb");
	KUNIT_EXPECT_STREQ(test, xpo_lease_kind_name(XPO_LEASE_FIRMWARE),
			   "firmware");
	KUNIT_EXPECT_STREQ(test, xpo_lease_kind_name(XPO_LEASE_BREAKOUT),
			   "breakout");
	KUNIT_EXPECT_STREQ(test, xpo_lease_kind_name(XPO_LEASE_RESET), "reset");
	KUNIT_EXPECT_STREQ(test, xpo_lease_kind_name(XPO_LEASE_KIND_MAX),
			   "unknown");
}

static void xpo_lease_test_messages(struct kunit *test)
{
	struct xpo_lease lease = {}, req;
	char buf[64];

	req_init(&req, XPO_LEASE_FIRMWARE, "xpo3p0", owner_a);
	KUNIT_ASSERT_EQ(test, xpo_lease_take(&lease, &req, 0), 0);
	xpo_lease_describe(&lease, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "held by xpo3p0 for a firmware job");
	lease.holder[0] = '\0';
	lease.kind = XPO_LEASE_CDB;
	xpo_lease_describe(&lease, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "held by another user for a CDB command");
	/* a short buffer is cut, never overrun */
	KUNIT_EXPECT_GT(test, xpo_lease_describe(&lease, buf, 8), 7);
	KUNIT_EXPECT_STREQ(test, buf, "held by");

	KUNIT_EXPECT_STREQ(test, xpo_lease_busy_msg(XPO_LEASE_BREAKOUT),
			   "xpo: The module is held for a breakout change");
	KUNIT_EXPECT_STREQ(test, xpo_lease_busy_msg(XPO_LEASE_KIND_MAX),
			   "xpo: The module is busy");
}

/* The state machine, ready, meets a busy module */
static void sm_ready(struct xpo_sm *sm)
{
	xpo_sm_init(sm, true);
	sm->state = XPO_S_READY;
	sm->present = true;
}

static void xpo_lease_test_sm_busy_not_counted(struct kunit *test)
{
	struct xpo_sm_input in = {};
	struct xpo_sm_result res;
	struct xpo_sm sm;
	unsigned int i;

	sm_ready(&sm);
	/* far more NACKed reads than make an unresponsive module */
	for (i = 0; i < 4 * XPO_N_IO_ERRORS; i++) {
		xpo_sm_step(&sm, XPO_E_BUSY, &in, &res);
		KUNIT_EXPECT_EQ(test, sm.state, XPO_S_READY);
		KUNIT_EXPECT_EQ(test, sm.io_errors, 0U);
		KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_TIMER);
		KUNIT_EXPECT_EQ(test, res.timer_ms, XPO_T_BUSY_RETRY_MS);
		/* the retry timer reads again */
		xpo_sm_step(&sm, XPO_E_TIMEOUT, &in, &res);
		KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_READ_STATE);
	}
	xpo_sm_step(&sm, XPO_E_BUSY_TIMEOUT, &in, &res);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_FAULT);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_BUSY_TIMEOUT);
	KUNIT_EXPECT_STREQ(test, xpo_fault_name(sm.fault), "busy-timeout");
}

static void xpo_lease_test_sm_busy_keeps_deadline(struct kunit *test)
{
	struct xpo_sm_input in = {};
	struct xpo_sm_result res;
	struct xpo_sm sm;

	sm_ready(&sm);
	sm.state = XPO_S_POWERING_UP;
	sm.timer_armed = true;		/* the power-up deadline */
	xpo_sm_step(&sm, XPO_E_BUSY, &in, &res);
	KUNIT_EXPECT_FALSE(test, res.actions & XPO_A_TIMER);
	KUNIT_EXPECT_EQ(test, sm.state, XPO_S_POWERING_UP);
}

static void xpo_lease_test_sm_busy_elsewhere(struct kunit *test)
{
	static const enum xpo_sm_state idle[] = {
		XPO_S_EMPTY, XPO_S_FAULT, XPO_S_POWERED_OFF,
	};
	struct xpo_sm_input in = {};
	struct xpo_sm_result res;
	struct xpo_sm sm;
	unsigned int i;

	/* no module to be busy: nothing happens */
	for (i = 0; i < ARRAY_SIZE(idle); i++) {
		sm_ready(&sm);
		sm.state = idle[i];
		xpo_sm_step(&sm, XPO_E_BUSY, &in, &res);
		KUNIT_EXPECT_EQ(test, res.actions, 0U);
		xpo_sm_step(&sm, XPO_E_BUSY_TIMEOUT, &in, &res);
		KUNIT_EXPECT_EQ(test, res.actions, 0U);
		KUNIT_EXPECT_EQ(test, sm.state, idle[i]);
	}
	/* probing: retried, the probe budget is not what ends it */
	sm_ready(&sm);
	sm.state = XPO_S_PROBING;
	xpo_sm_step(&sm, XPO_E_BUSY, &in, &res);
	KUNIT_EXPECT_TRUE(test, res.actions & XPO_A_TIMER);
	xpo_sm_step(&sm, XPO_E_BUSY_TIMEOUT, &in, &res);
	KUNIT_EXPECT_EQ(test, sm.fault, XPO_FAULT_BUSY_TIMEOUT);
}

static struct kunit_case xpo_lease_cases[] = {
	KUNIT_CASE(xpo_lease_test_take_free),
	KUNIT_CASE(xpo_lease_test_conflict),
	KUNIT_CASE(xpo_lease_test_bad_kind),
	KUNIT_CASE(xpo_lease_test_release),
	KUNIT_CASE(xpo_lease_test_name_truncated),
	KUNIT_CASE(xpo_lease_test_expiry),
	KUNIT_CASE(xpo_lease_test_expiry_wraps),
	KUNIT_CASE(xpo_lease_test_holder_gone),
	KUNIT_CASE(xpo_lease_test_kinds),
	KUNIT_CASE(xpo_lease_test_messages),
	KUNIT_CASE(xpo_lease_test_sm_busy_not_counted),
	KUNIT_CASE(xpo_lease_test_sm_busy_keeps_deadline),
	KUNIT_CASE(xpo_lease_test_sm_busy_elsewhere),
	{}
};

static struct kunit_suite xpo_lease_suite = {
	.name = "xpo_lease",
	.test_cases = xpo_lease_cases,
};

kunit_test_suite(xpo_lease_suite);

