// SPDX-License-Identifier: GPL-2.0
/*
 * Extended ack parsing (xpoctl prints it itself): message, offset of the
 * bad attribute mapped back to the request's attribute, capped and uncapped
 * errors, truncated and unterminated TLVs; errno to exit code; and replies
 * refused by the policy generated from the spec.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <linux/xpo.h>

#include "harness.h"
#include "nlmsg_build.h"
#include "../cage_parse.h"
#include "../nl.h"
#include "../util.h"
#include "../kmod_status.h"

struct buf {
	uint8_t b[1024];
	size_t len;
};

static void put(struct buf *b, const void *p, size_t n)
{
	memcpy(b->b + b->len, p, n);
	b->len += n;
	while (b->len % 4)
		b->b[b->len++] = 0;
}

static void put_attr(struct buf *b, uint16_t type, const void *p, size_t n)
{
	struct nlattr a = { .nla_len = NLA_HDRLEN + n, .nla_type = type };

	put(b, &a, sizeof(a));
	memcpy(b->b + b->len, p, n);
	b->len += n;
	while (b->len % 4)
		b->b[b->len++] = 0;
}

/* a request: nlmsghdr, genlmsghdr, attributes 1 (u32) and 4 (u32) */
static void request(struct buf *r)
{
	struct nlmsghdr h = { .nlmsg_type = 0x20 };
	struct genlmsghdr g = { .cmd = 3, .version = 1 };
	uint32_t v = 7;

	memset(r, 0, sizeof(*r));
	put(r, &h, sizeof(h));
	put(r, &g, sizeof(g));
	put_attr(r, 1, &v, 4);
	put_attr(r, 4, &v, 4);
	((struct nlmsghdr *)r->b)->nlmsg_len = r->len;
}

static void error_msg(struct buf *e, const struct buf *req, bool capped,
		      int err, const char *msg, const uint32_t *offs)
{
	struct nlmsghdr h = { .nlmsg_type = NLMSG_ERROR,
			      .nlmsg_flags = NLM_F_ACK_TLVS |
					     (capped ? NLM_F_CAPPED : 0) };
	struct nlmsgerr me = { .error = err };

	memset(e, 0, sizeof(*e));
	memcpy(&me.msg, req->b, sizeof(me.msg));
	put(e, &h, sizeof(h));
	if (capped) {
		put(e, &me, sizeof(me));
	} else {
		put(e, &me, sizeof(me) - sizeof(me.msg));
		put(e, req->b, req->len);
	}
	if (msg)
		put_attr(e, NLMSGERR_ATTR_MSG, msg, strlen(msg) + 1);
	if (offs)
		put_attr(e, NLMSGERR_ATTR_OFFS, offs, 4);
	((struct nlmsghdr *)e->b)->nlmsg_len = e->len;
}

static void test_capped(void **state)
{
	struct buf req, e;
	struct extack ea;
	uint32_t offs = NLMSG_HDRLEN + GENL_HDRLEN + 8 + 4; /* attr 4's payload */

	(void)state;
	request(&req);
	error_msg(&e, &req, true, -ERANGE, "bank 8 is beyond the module's 8 banks", &offs);
	assert_int_equal(extack_parse((struct nlmsghdr *)e.b, &ea), -ERANGE);
	assert_string_equal(ea.msg, "bank 8 is beyond the module's 8 banks");
	assert_true(ea.has_offs);
	assert_int_equal(ea.offs, offs);
	assert_int_equal(extack_attr_at((struct nlmsghdr *)req.b, ea.offs), 4);
	assert_int_equal(extack_attr_at((struct nlmsghdr *)req.b, NLMSG_HDRLEN + GENL_HDRLEN), 1);
	assert_int_equal(extack_attr_at((struct nlmsghdr *)req.b, 4000), -1);
}

static void test_uncapped(void **state)
{
	struct buf req, e;
	struct extack ea;

	(void)state;
	request(&req);
	error_msg(&e, &req, false, -EPERM, "no", NULL);
	assert_int_equal(extack_parse((struct nlmsghdr *)e.b, &ea), -EPERM);
	assert_string_equal(ea.msg, "no");
	assert_false(ea.has_offs);
}

static void test_no_tlvs_and_ack(void **state)
{
	struct buf req, e;
	struct extack ea;

	(void)state;
	request(&req);
	error_msg(&e, &req, true, 0, NULL, NULL);
	((struct nlmsghdr *)e.b)->nlmsg_flags = 0;
	assert_int_equal(extack_parse((struct nlmsghdr *)e.b, &ea), 0);
	assert_null(ea.msg);
	/* too short to hold an nlmsgerr */
	((struct nlmsghdr *)e.b)->nlmsg_len = NLMSG_HDRLEN + 2;
	assert_int_equal(extack_parse((struct nlmsghdr *)e.b, &ea), -EBADMSG);
}

/*
 * A dump's NLMSG_DONE: the error that ended it, then the TLVs right after
 * it (netlink_dump_done()), which a dump's refusal ("No such cage") rides.
 */
static void test_dump_done(void **state)
{
	struct nlmsghdr h = { .nlmsg_type = NLMSG_DONE,
			      .nlmsg_flags = NLM_F_MULTI | NLM_F_ACK_TLVS };
	int err = -ENODEV;
	uint32_t offs = 20;
	struct extack ea;
	struct buf d;

	(void)state;
	memset(&d, 0, sizeof(d));
	put(&d, &h, sizeof(h));
	put(&d, &err, sizeof(err));
	put_attr(&d, NLMSGERR_ATTR_MSG, "No such cage", 13);
	put_attr(&d, NLMSGERR_ATTR_OFFS, &offs, 4);
	((struct nlmsghdr *)d.b)->nlmsg_len = d.len;
	assert_int_equal(extack_parse_done((struct nlmsghdr *)d.b, &ea),
			 -ENODEV);
	assert_string_equal(ea.msg, "No such cage");
	assert_true(ea.has_offs);
	assert_int_equal(ea.offs, 20);
	/* a dump that ended well: 0, no message */
	((struct nlmsghdr *)d.b)->nlmsg_flags = NLM_F_MULTI;
	memset(d.b + NLMSG_HDRLEN, 0, sizeof(err));
	assert_int_equal(extack_parse_done((struct nlmsghdr *)d.b, &ea), 0);
	assert_null(ea.msg);
	/* an old kernel's bare NLMSG_DONE */
	((struct nlmsghdr *)d.b)->nlmsg_len = NLMSG_HDRLEN;
	assert_int_equal(extack_parse_done((struct nlmsghdr *)d.b, &ea), 0);
}

static void test_malformed_tlvs(void **state)
{
	struct buf req, e;
	struct extack ea;
	size_t at;

	(void)state;
	request(&req);
	/* a message without its NUL is ignored, not read past */
	error_msg(&e, &req, true, -EINVAL, "abcd", NULL);
	at = e.len - 8;		/* "abcd\0" padded to 8 */
	memset(e.b + at, 'x', 8);
	assert_int_equal(extack_parse((struct nlmsghdr *)e.b, &ea), -EINVAL);
	assert_null(ea.msg);
	/* an attribute claiming more than the message holds stops the walk */
	error_msg(&e, &req, true, -EINVAL, "abcd", NULL);
	((struct nlattr *)(e.b + at - NLA_HDRLEN))->nla_len = 200;
	assert_int_equal(extack_parse((struct nlmsghdr *)e.b, &ea), -EINVAL);
	assert_null(ea.msg);
}

static void test_exit_codes(void **state)
{
	(void)state;
	assert_int_equal(errno_exit_code(-EPERM), XE_PERM);
	assert_int_equal(errno_exit_code(-EACCES), XE_PERM);
	assert_int_equal(errno_exit_code(-EOPNOTSUPP), XE_FAIL);
	assert_int_equal(errno_exit_code(-EINVAL), XE_USAGE);
	assert_int_equal(errno_exit_code(-ERANGE), XE_USAGE);
	assert_int_equal(errno_exit_code(-ENODEV), XE_FAIL);
	assert_int_equal(errno_exit_code(-EIO), XE_FAIL);
}

static void test_driver_reasons(void **state)
{
	struct drv_status st = { 0 };
	int s;

	(void)state;
	for (s = DRV_NOT_INSTALLED; s <= DRV_UNKNOWN; s++) {
		st.state = s;
		assert_non_null(drv_state_reason(&st));
		assert_non_null(drv_state_hint(&st));
		assert_string_not_equal(drv_state_name(s), "unknown" + (s == DRV_UNKNOWN ? 7 : 0));
	}
	st.state = DRV_BLACKLISTED;
	assert_non_null(strstr(drv_state_hint(&st), "/etc/modprobe.d"));
	st.state = DRV_NOT_LOADED;
	assert_string_equal(drv_state_hint(&st), "load it: modprobe xpo");
	assert_string_equal(drv_state_name(DRV_COMING), "loading");
}

/*
 * Replies are parsed with the policy generated from the spec: an attribute
 * of the wrong size is refused with its name, not read.  Before YNL,
 * genlmsg_parse(..., NULL) and nla_get_u32 read 4 bytes of a 2-byte id.
 */
static void test_reply_policy(void **state)
{
	static uint8_t buf[1024];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct cage_info c;
	char why[128];
	uint16_t short_id = 7;
	uint32_t v;

	(void)state;
	/* a well-formed reply parses */
	nlh = test_msg_start(buf, sizeof(buf), 0x20, XPO_CMD_CAGE_GET);
	ynl_attr_put_u32(nlh, XPO_A_CAGE_ID, 5);
	ynl_attr_put_u32(nlh, XPO_A_CAGE_STATE, XPO_CAGE_STATE_READY);
	test_msg_end(nlh);
	assert_int_equal(cage_parse(nlh, &c, why, sizeof(why)), 0);
	assert_int_equal(c.id, 5);

	/* a u32 sent as 2 bytes: refused, and named */
	nlh = test_msg_start(buf, sizeof(buf), 0x20, XPO_CMD_CAGE_GET);
	test_put_raw(nlh, XPO_A_CAGE_ID, &short_id, sizeof(short_id));
	ynl_attr_put_u32(nlh, XPO_A_CAGE_STATE, XPO_CAGE_STATE_READY);
	test_msg_end(nlh);
	memset(&c, 0xa5, sizeof(c));
	assert_int_equal(cage_parse(nlh, &c, why, sizeof(why)), -EBADMSG);
	assert_string_equal(why, "Invalid attribute (u32 id)");
	/* nothing of it was used */
	assert_int_equal(c.id, 0);
	assert_int_equal(c.state, 0);

	/* a string without its NUL within the attribute */
	nlh = test_msg_start(buf, sizeof(buf), 0x20, XPO_CMD_CAGE_GET);
	ynl_attr_put_u32(nlh, XPO_A_CAGE_ID, 5);
	test_put_raw(nlh, XPO_A_CAGE_VENDOR, "ABCD", 4);
	test_msg_end(nlh);
	assert_int_equal(cage_parse(nlh, &c, why, sizeof(why)), -EBADMSG);
	assert_string_equal(why, "Invalid attribute (string vendor)");

	/* inside a nest: a u64 of 4 bytes */
	nlh = test_msg_start(buf, sizeof(buf), 0x20, XPO_CMD_CAGE_GET);
	ynl_attr_put_u32(nlh, XPO_A_CAGE_ID, 5);
	nest = ynl_attr_nest_start(nlh, XPO_A_CAGE_PROTECT);
	v = 1;
	test_put_raw(nlh, XPO_A_PROTECT_TRIPPED_TIME, &v, sizeof(v));
	ynl_attr_nest_end(nlh, nest);
	test_msg_end(nlh);
	assert_int_equal(cage_parse(nlh, &c, why, sizeof(why)), -EBADMSG);
	assert_string_equal(why, "Invalid attribute (u64 tripped-time)");

	/* an event whose event-seq is 2 bytes: refused the same way */
	nlh = test_msg_start(buf, sizeof(buf), 0x20, XPO_CMD_CAGE_EVENT_NTF);
	ynl_attr_put_u32(nlh, XPO_A_CAGE_ID, 5);
	test_put_raw(nlh, XPO_A_CAGE_EVENT_SEQ, &short_id, sizeof(short_id));
	test_msg_end(nlh);
	assert_int_equal(cage_event_parse(nlh, &c, why, sizeof(why)), -EBADMSG);
	assert_string_equal(why, "Invalid attribute (u32 event-seq)");
	assert_false(c.has_event_seq);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_capped),
		cmocka_unit_test(test_uncapped),
		cmocka_unit_test(test_no_tlvs_and_ack),
		cmocka_unit_test(test_dump_done),
		cmocka_unit_test(test_malformed_tlvs),
		cmocka_unit_test(test_exit_codes),
		cmocka_unit_test(test_driver_reasons),
		cmocka_unit_test(test_reply_policy),
	};

	return cmocka_run_group_tests_name("extack", tests, NULL, NULL);
}
