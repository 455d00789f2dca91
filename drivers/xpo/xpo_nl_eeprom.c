// SPDX-License-Identifier: GPL-2.0
/*
 * eeprom-read of the xpo netlink family: raw module memory of a cage, with
 * the checks of ethtool's module EEPROM by page (xpo_nl_check.c), so that
 * tools need no port netdev; eeprom-dump: all of it, in one request.
 * Always read from the module, never from a cache: like ethtool, what was
 * checked and what is read are one io_lock section.
 */
#include <linux/slab.h>
#include <net/genetlink.h>

#include "../../include/uapi/linux/xpo.h"
#include "xpo_compat.h"
#include "xpo_core.h"
#include "xpo_eeprom_check.h"
#include "xpo_nl.h"
#include "xpo_nl_gen.h"

/* A static message, as NL_SET_ERR_MSG() sets one, from a variable */
static void xpo_nl_set_msg(struct netlink_ext_ack *extack, const char *msg)
{
	if (extack)
		extack->_msg = msg;
}

/*
 * Is there a module to read?  io_lock held.  A module in fault is still
 * read if it is powered and was identified: that is when its memory says
 * most about what went wrong.
 */
static int xpo_nl_eeprom_module_check(struct xpo_cage *cage,
				      struct netlink_ext_ack *extack)
{
	lockdep_assert_held(&cage->io_lock);
	if (cage->gone) {
		NL_SET_ERR_MSG(extack, "The cage is going away");
		return -ENODEV;
	}
	if (cage->io_enabled && cage->adv.known)
		return 0;
	switch (cage->io_state) {
	case XPO_S_POWERED_OFF:
		NL_SET_ERR_MSG(extack, "The cage's power is switched off");
		return -ENODEV;
	case XPO_S_PROBING:
		NL_SET_ERR_MSG(extack, "The module is being initialised, try again");
		return -EAGAIN;
	case XPO_S_FAULT:
		NL_SET_ERR_MSG(extack, "The module is in fault and cannot be read");
		return -EIO;
	default:
		NL_SET_ERR_MSG(extack, "No module in the cage");
		return -ENODEV;
	}
}

/* The message for an error of a module read (eeprom-read, eeprom-dump) */
static void xpo_nl_eeprom_read_err(struct netlink_ext_ack *extack, int err)
{
	if (err == -ENODEV)
		NL_SET_ERR_MSG(extack, "No module in the cage");
	else if (err)
		NL_SET_ERR_MSG(extack, "Failed to read from the module");
}

static int xpo_nl_eeprom_read(struct xpo_cage *cage,
			      const struct xpo_eeprom_req *req, void *buf,
			      struct genl_info *info)
{
	struct netlink_ext_ack *extack = info->extack;
	struct xpo_nl_refusal r;
	int err;

	xpo_cmis_lock(cage);
	err = xpo_nl_eeprom_module_check(cage, extack);
	if (err)
		goto out;
	if (xpo_nl_eeprom_refused(&cage->adv, req, &r)) {
		xpo_nl_set_msg(extack, r.msg);
		/* bank and page default to 0: point at them only if given */
		if (r.attr && info->attrs[r.attr])
			NL_SET_BAD_ATTR(extack, info->attrs[r.attr]);
		err = r.err;
		goto out;
	}
	err = __xpo_cmis_read(cage, req->bank, req->page, req->offset, buf,
			      req->length);
	xpo_nl_eeprom_read_err(extack, err);
out:
	xpo_cmis_unlock(cage);
	return err;
}

int xpo_nl_eeprom_read_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xpo_eeprom_req req = { .i2c_address = CMIS_I2C_ADDR };
	struct xpo_cage *cage = info->user_ptr[0];
	struct nlattr **tb = info->attrs;
	struct sk_buff *msg;
	struct nlattr *data;
	void *hdr;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, XPO_A_EEPROM_OFFSET) ||
	    GENL_REQ_ATTR_CHECK(info, XPO_A_EEPROM_LENGTH))
		return -EINVAL;
	req.bank = tb[XPO_A_EEPROM_BANK] ? nla_get_u8(tb[XPO_A_EEPROM_BANK]) : 0;
	req.page = tb[XPO_A_EEPROM_PAGE] ? nla_get_u8(tb[XPO_A_EEPROM_PAGE]) : 0;
	req.offset = nla_get_u32(tb[XPO_A_EEPROM_OFFSET]);
	req.length = nla_get_u32(tb[XPO_A_EEPROM_LENGTH]);

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE + nla_total_size(req.length),
			  GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	err = -EMSGSIZE;
	hdr = genlmsg_put_reply(msg, info, &xpo_nl_family, 0,
				XPO_CMD_EEPROM_READ);
	if (!hdr)
		goto err;
	if (nla_put_u32(msg, XPO_A_EEPROM_ID, cage->nr) ||
	    nla_put_u32(msg, XPO_A_EEPROM_BOARD, cage->board_nr) ||
	    nla_put_u8(msg, XPO_A_EEPROM_BANK, req.bank) ||
	    nla_put_u8(msg, XPO_A_EEPROM_PAGE, req.page) ||
	    nla_put_u32(msg, XPO_A_EEPROM_OFFSET, req.offset) ||
	    nla_put_u32(msg, XPO_A_EEPROM_LENGTH, req.length))
		goto err;
	data = nla_reserve(msg, XPO_A_EEPROM_DATA, req.length);
	if (!data)
		goto err;
	err = xpo_nl_eeprom_read(cage, &req, nla_data(data), info);
	if (err)
		goto err;
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
err:
	nlmsg_free(msg);
	return err;
}

/*
 * eeprom-dump: all of a module's memory.  A dump, not a do: its reply is
 * up to XPO_CMIS_DUMP_MAX regions (about 40 KiB of messages), more than
 * one message a reader's buffer takes.  Everything is read in .start, in
 * one io_lock section (a dump's callbacks run at each recvmsg() of the
 * reader, and no section may last from one to the next), into a buffer
 * that the dump callbacks then send, one message per region, and .done
 * frees.
 */
struct xpo_nl_dump {
	struct xpo_cmis_dump_plan plan;
	u8 data[XPO_CMIS_DUMP_MAX][CMIS_PAGE_SIZE];
};

/* The dump's state between its callbacks, in cb->ctx */
struct xpo_nl_dump_ctx {
	struct xpo_nl_dump *d;
	u32 id;
	u32 board;
	unsigned int next;	/* next region to send */
};

static struct xpo_nl_dump_ctx *xpo_nl_dump_ctx(struct netlink_callback *cb)
{
	BUILD_BUG_ON(sizeof(struct xpo_nl_dump_ctx) > sizeof(cb->ctx));
	return (struct xpo_nl_dump_ctx *)cb->ctx;
}

/* Read the whole module, in one section; @extack may be NULL */
static int xpo_nl_eeprom_dump_read(struct xpo_cage *cage,
				   struct xpo_nl_dump *d,
				   struct netlink_ext_ack *extack)
{
	int err;

	xpo_cmis_lock(cage);
	err = xpo_nl_eeprom_module_check(cage, extack);
	if (err)
		goto out;
	xpo_cmis_dump_plan(&cage->adv, &d->plan);
	err = __xpo_cmis_dump(cage, &d->plan, &d->data[0][0]);
	xpo_nl_eeprom_read_err(extack, err);
out:
	xpo_cmis_unlock(cage);
	return err;
}

int xpo_nl_eeprom_dump_start(struct netlink_callback *cb)
{
	struct xpo_nl_dump_ctx *ctx = xpo_nl_dump_ctx(cb);
	struct nlattr **tb = XPO_GENL_DUMP_ATTRS(cb);
	struct netlink_ext_ack *extack = cb->extack;
	struct xpo_cage *cage;
	struct xpo_nl_dump *d;
	int err;

	if (NL_REQ_ATTR_CHECK(extack, NULL, tb, XPO_A_EEPROM_ID))
		return -EINVAL;
	ctx->id = nla_get_u32(tb[XPO_A_EEPROM_ID]);
	ctx->board = tb[XPO_A_EEPROM_BOARD] ?
		     nla_get_u32(tb[XPO_A_EEPROM_BOARD]) : 0;
	cage = xpo_cage_get(ctx->board, ctx->id);
	if (!cage) {
		NL_SET_ERR_MSG_ATTR(extack, tb[XPO_A_EEPROM_ID], "No such cage");
		return -ENODEV;
	}
	d = kvzalloc(sizeof(*d), GFP_KERNEL);
	if (!d) {
		xpo_cage_put(cage);
		return -ENOMEM;
	}
	err = xpo_nl_eeprom_dump_read(cage, d, extack);
	xpo_cage_put(cage);
	if (err) {
		kvfree(d);
		return err;
	}
	ctx->d = d;
	ctx->next = 0;
	return 0;
}

/* One region as an eeprom-read reply */
static int xpo_nl_eeprom_dump_put(struct sk_buff *skb,
				  struct netlink_callback *cb,
				  const struct xpo_nl_dump_ctx *ctx,
				  unsigned int i)
{
	const struct xpo_cmis_region *r = &ctx->d->plan.region[i];
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &xpo_nl_family, NLM_F_MULTI, XPO_CMD_EEPROM_DUMP);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, XPO_A_EEPROM_ID, ctx->id) ||
	    nla_put_u32(skb, XPO_A_EEPROM_BOARD, ctx->board) ||
	    nla_put_u8(skb, XPO_A_EEPROM_BANK, r->bank) ||
	    nla_put_u8(skb, XPO_A_EEPROM_PAGE, r->page) ||
	    nla_put_u32(skb, XPO_A_EEPROM_OFFSET, r->offset) ||
	    nla_put_u32(skb, XPO_A_EEPROM_LENGTH, CMIS_PAGE_SIZE) ||
	    nla_put(skb, XPO_A_EEPROM_DATA, CMIS_PAGE_SIZE, ctx->d->data[i])) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* As many regions as the message takes; the next call goes on from there */
int xpo_nl_eeprom_dump_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct xpo_nl_dump_ctx *ctx = xpo_nl_dump_ctx(cb);
	int err = 0;

	for (; ctx->next < ctx->d->plan.n; ctx->next++) {
		err = xpo_nl_eeprom_dump_put(skb, cb, ctx, ctx->next);
		if (err)
			break;
	}
	/* a full message goes out; the next one starts with this region */
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}

int xpo_nl_eeprom_dump_done(struct netlink_callback *cb)
{
	kvfree(xpo_nl_dump_ctx(cb)->d);
	return 0;
}
