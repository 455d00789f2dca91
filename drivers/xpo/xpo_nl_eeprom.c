// SPDX-License-Identifier: GPL-2.0
/*
 * eeprom-read of the xpo netlink family: raw module memory of a cage, with
 * the checks of ethtool's module EEPROM by page (xpo_nl_check.c), so that
 * tools need no port netdev.  Always read from the module, never from a
 * cache: like ethtool, what was checked and what is read are one io_lock
 * section.
 */
#include <net/genetlink.h>

#include "../../include/uapi/linux/xpo.h"
#include "xpo_core.h"
#include "xpo_eeprom_check.h"
#include "xpo_nl.h"

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
	if (err == -ENODEV)
		NL_SET_ERR_MSG(extack, "No module in the cage");
	else if (err)
		NL_SET_ERR_MSG(extack, "Failed to read from the module");
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
