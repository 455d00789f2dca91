// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl module show [CAGE]` decodes module memory read through the xpo
 * family's eeprom-read (no netdev needed); `xpoctl module eeprom` dumps it;
 * `xpoctl module dump` prints all of it, read by one eeprom-dump.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/xpo.h>

#include "cage_parse.h"
#include "cmis_decode.h"
#include "dump_fmt.h"
#include "nl.h"
#include "xpo_ynl.h"
#include "xpoctl.h"

struct ee_req {
	struct cage_ref cage;
	uint32_t offset, length;
	uint8_t bank, page;
	uint8_t *buf;
	uint32_t got;
};

static int ee_build(struct nlmsghdr *nlh, void *arg)
{
	const struct ee_req *r = arg;

	ynl_attr_put_u32(nlh, XPO_A_EEPROM_ID, r->cage.id);
	ynl_attr_put_u32(nlh, XPO_A_EEPROM_BOARD, r->cage.board);
	ynl_attr_put_u8(nlh, XPO_A_EEPROM_BANK, r->bank);
	ynl_attr_put_u8(nlh, XPO_A_EEPROM_PAGE, r->page);
	ynl_attr_put_u32(nlh, XPO_A_EEPROM_OFFSET, r->offset);
	ynl_attr_put_u32(nlh, XPO_A_EEPROM_LENGTH, r->length);
	return 0;
}

static int ee_reply(const struct nlmsghdr *nlh, void *arg)
{
	struct xpo_eeprom_read_rsp *y = xzalloc(sizeof(*y));
	struct ee_req *r = arg;
	char why[128];
	int err = 0;

	if (xnl_parse(nlh, xpo_eeprom_read_rsp_parse, &xpo_eeprom_nest, y,
		      why, sizeof(why)))
		err = xnl_bad_reply(why);
	else if (!y->data || y->_present.data_len != r->length)
		err = -EBADMSG;
	if (!err) {
		memcpy(r->buf, y->data, r->length);
		r->got = r->length;
	}
	xpo_eeprom_read_rsp_free(y);
	return err;
}

/* One read within a half window; @what NULL: quiet (optional page) */
static int ee_read(struct xpoctl *x, struct cage_ref cage, unsigned int bank,
		   unsigned int page, unsigned int offset, unsigned int len,
		   uint8_t *buf, const char *what)
{
	struct ee_req r = { .cage = cage, .bank = bank, .page = page,
			    .offset = offset, .length = len, .buf = buf };

	return xnl_request(x->nl, XPO_CMD_EEPROM_READ, false,
			   ee_build, ee_reply, &r, what, eeprom_attr_name);
}

struct dec_ctx {
	struct xpoctl *x;
	struct cage_ref cage;
	int first_err;
};

static int dec_read(void *ctx, unsigned int bank, unsigned int page,
		    unsigned int offset, unsigned int len, uint8_t *buf)
{
	struct dec_ctx *d = ctx;
	char what[48 + CAGE_NAME_LEN], name[CAGE_NAME_LEN];
	bool mandatory = offset < 128 || page == 0;

	snprintf(what, sizeof(what), "cage %s: page %02xh bank %u",
		 cage_ref_name(d->cage.board, d->cage.id, name, sizeof(name)),
		 page, bank);
	/* lower memory and page 00h are mandatory and reported; the rest is
	 * asked for and left out when the module does not have it */
	return ee_read(d->x, d->cage, bank, page, offset, len, buf,
		       mandatory ? what : NULL);
}

static int show_one(struct xpoctl *x, struct cage_ref cage, bool heading)
{
	struct dec_ctx d = { .x = x, .cage = cage };
	char name[CAGE_NAME_LEN];
	struct cmis_module m;
	int err;

	err = cmis_decode(dec_read, &d, &m);
	if (err)
		return err;
	if (x->json) {
		jw_obj_open(&x->jw);
		jw_kv_uint(&x->jw, "board", cage.board);
		jw_kv_uint(&x->jw, "cage", cage.id);
		jw_name(&x->jw, "module");
		cmis_print_json(&m, &x->jw, x->details);
		jw_obj_close(&x->jw);
	} else {
		if (heading)
			printf("cage %s:\n", cage_ref_name(cage.board, cage.id,
							   name, sizeof(name)));
		cmis_print_text(&m, stdout, x->details);
	}
	return 0;
}

/* the cages of every board that hold a module to read, in the dump's order */
static int list_reply(const struct nlmsghdr *nlh, void *arg)
{
	struct cage_list *l = arg;
	struct cage_info c;
	char why[128];

	if (cage_parse(nlh, &c, why, sizeof(why)))
		return xnl_bad_reply(why);
	/* a module we can read: identified, not probing or empty */
	if (c.present && c.has_identity)
		cage_list_add(l, (struct cage_ref){ c.board, c.id });
	return 0;
}

int cmd_module_show(struct xpoctl *x, int argc, char **argv)
{
	int ret, err, i, n = 0, failed = 0, last = XE_OK;
	struct cage_list l = { 0 };
	struct cage_ref cage;
	bool one;

	ret = cage_opt_parse(x, "module show", argc, argv, &cage, &one);
	if (ret)
		return ret;
	ret = xpoctl_nl(x);
	if (ret)
		return ret;
	if (one) {
		cage_list_add(&l, cage);
	} else {
		err = xnl_request(x->nl, XPO_CMD_CAGE_GET, true,
				  NULL, list_reply, &l, "cage list",
				  cage_attr_name);
		if (err) {
			cage_list_free(&l);
			return errno_exit_code(err);
		}
	}
	if (x->json) {
		jw_obj_open(&x->jw);
		jw_name(&x->jw, "modules");
		jw_arr_open(&x->jw);
	}
	for (i = 0; i < l.n; i++) {
		if (!x->json && n)
			putchar('\n');
		err = show_one(x, l.ids[i], !one);
		n++;
		if (err) {
			failed++;
			last = errno_exit_code(err);
		}
	}
	if (x->json) {
		jw_arr_close(&x->jw);
		jw_obj_close(&x->jw);
		jw_end(&x->jw);
	}
	cage_list_free(&l);
	/* nothing to show is a failure, as xpoctl(8) says: exit 1 */
	if (!n && !one) {
		fputs("xpoctl: no cage holds a readable module\n", stderr);
		return XE_FAIL;
	}
	if (!failed)
		return XE_OK;
	return failed == n ? last : XE_PARTIAL;
}

int cmd_module_eeprom(struct xpoctl *x, int argc, char **argv)
{
	struct eeprom_args a;
	uint8_t buf[256];
	char what[8 + CAGE_NAME_LEN], name[CAGE_NAME_LEN];
	unsigned int off, i;
	int ret, err;

	ret = module_eeprom_parse(x, argc, argv, &a);
	if (ret)
		return ret;
	ret = xpoctl_nl(x);
	if (ret)
		return ret;
	snprintf(what, sizeof(what), "cage %s",
		 cage_ref_name(a.cage.board, a.cage.id, name, sizeof(name)));
	/* split at the lower/upper boundary: one request per half window */
	for (off = a.offset; off < a.offset + a.length;) {
		unsigned int end = off < 128 ? 128 : 256;
		unsigned int n = a.offset + a.length - off;

		if (off + n > end)
			n = end - off;
		err = ee_read(x, a.cage, off < 128 ? 0 : a.bank,
			      off < 128 ? 0 : a.page, off, n,
			      buf + off - a.offset, what);
		if (err)
			return errno_exit_code(err);
		off += n;
	}
	if (x->json) {
		struct jw *jw = &x->jw;

		jw_obj_open(jw);
		jw_kv_uint(jw, "board", a.cage.board);
		jw_kv_uint(jw, "cage", a.cage.id);
		jw_kv_uint(jw, "bank", a.bank);
		jw_kv_uint(jw, "page", a.page);
		jw_kv_uint(jw, "offset", a.offset);
		jw_kv_uint(jw, "length", a.length);
		jw_name(jw, "data");
		jw_arr_open(jw);
		for (i = 0; i < a.length; i++)
			jw_uint(jw, buf[i]);
		jw_arr_close(jw);
		jw_obj_close(jw);
		jw_end(jw);
	} else if (a.raw) {
		if (fwrite(buf, 1, a.length, stdout) != a.length)
			return XE_FAIL;
	} else {
		hexdump(stdout, buf, a.offset, a.length);
	}
	return XE_OK;
}

struct dump_ctx {
	struct cage_ref cage;
	struct dump_region *r;
	unsigned int n;
};

/* One eeprom-dump message: a region, as an eeprom-read reply */
static int dump_reply(const struct nlmsghdr *nlh, void *arg)
{
	struct xpo_eeprom_dump_rsp_dump y = { 0 };
	struct dump_ctx *d = arg;
	struct dump_region *r;
	char why[128];
	int err = 0;

	if (d->n >= DUMP_REGIONS_MAX)
		return -E2BIG;
	if (xnl_parse(nlh, xpo_eeprom_dump_rsp_dump_parse, &xpo_eeprom_nest,
		      &y, why, sizeof(why))) {
		free(y.data);
		return xnl_bad_reply(why);
	}
	if (!y.data || !y._present.page || !y._present.offset ||
	    !y._present.length || y._present.data_len < 1 ||
	    y._present.data_len > sizeof(r->data) ||
	    y.length != y._present.data_len)
		err = -EBADMSG;
	if (!err) {
		r = &d->r[d->n++];
		r->bank = y._present.bank ? y.bank : 0;
		r->page = y.page;
		r->offset = y.offset;
		r->length = y._present.data_len;
		memcpy(r->data, y.data, r->length);
	}
	free(y.data);
	return err;
}

static int dump_build(struct nlmsghdr *nlh, void *arg)
{
	const struct dump_ctx *d = arg;

	ynl_attr_put_u32(nlh, XPO_A_EEPROM_ID, d->cage.id);
	ynl_attr_put_u32(nlh, XPO_A_EEPROM_BOARD, d->cage.board);
	return 0;
}

int cmd_module_dump(struct xpoctl *x, int argc, char **argv)
{
	char what[8 + CAGE_NAME_LEN], name[CAGE_NAME_LEN];
	struct dump_ctx d = { 0 };
	int ret, err;

	ret = module_dump_parse(x, argc, argv, &d.cage);
	if (ret)
		return ret;
	ret = xpoctl_nl(x);
	if (ret)
		return ret;
	d.r = xzalloc(sizeof(*d.r) * DUMP_REGIONS_MAX);
	snprintf(what, sizeof(what), "cage %s",
		 cage_ref_name(d.cage.board, d.cage.id, name, sizeof(name)));
	err = xnl_request(x->nl, XPO_CMD_EEPROM_DUMP, true,
			  dump_build, dump_reply, &d, what, eeprom_attr_name);
	if (!err) {
		if (x->json)
			dump_print_json(&x->jw, d.cage.board, d.cage.id,
					d.r, d.n);
		else
			dump_print_text(stdout, d.r, d.n);
	}
	free(d.r);
	return err ? errno_exit_code(err) : XE_OK;
}
