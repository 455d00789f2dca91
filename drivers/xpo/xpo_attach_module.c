// SPDX-License-Identifier: GPL-2.0
/*
 * The module, for a port owner's ethtool_ops (xpo_attach.h): module EEPROM
 * (by page and the legacy layout), module writes for the kernel's CMIS
 * firmware flashing (6.11 and later), power mode policy and module reset.
 * Every operation is keyed by the attachment's cage: the module is shared
 * by all the ports of its cage (mlxsw's core_env is the model).  The
 * standalone port netdevs' ethtool_ops (xpo_ethtool.c) are these and
 * nothing else.  See Documentation/ethtool.rst.
 *
 * Locking: the kernel calls ethtool_ops with RTNL held, except its firmware
 * flash work, which calls the EEPROM operations and .reset without it (and
 * may do so while another port's request holds RTNL).  So nothing here
 * takes RTNL; EEPROM access takes only the cage's io_lock, once per
 * request, for the checks and the bus access together.
 *
 * Firmware flashing: the kernel checks only that the port it flashes
 * through is down and that its own EEPROM requests stop.  The module
 * serves every port of the cage, so the first EEPROM access of a port whose
 * module_fw_flash_in_progress is set takes the cage's firmware lease
 * (xpo_guard.c) in the attachment's name; the core refuses it while a port
 * of the cage is up or someone else holds the module, and refuses the other
 * ports' opening, accesses, resets and power policy changes while it is
 * held.  The kernel has no completion callback: the lease ends when the
 * core sees the port's flag cleared.  What stays here is the flag handling
 * only ethtool has: a flash requested on another port whose work has not
 * reached the module yet.
 */
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/ethtool.h>
#include <linux/minmax.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/string.h>

#include "xpo_compat.h"
#include "xpo_core.h"
#include "xpo_eeprom_check.h"

/*
 * The legacy layout (ETH_MODULE_SFF_8636, as mlxsw): 00h lower and upper,
 * then 01h and 02h upper; 256 bytes for flat memory.
 */
#define XPO_LEGACY_PAGE01		ETH_MODULE_SFF_8636_LEN
#define XPO_LEGACY_PAGE02		(XPO_LEGACY_PAGE01 + CMIS_PAGE_SIZE)

/* The kernel's flash work through the port @owner still runs */
static bool xpo_attach_flash_alive(const void *owner)
{
	const struct xpo_attach *att = owner;

	return XPO_NETDEV_MODULE_FW_FLASHING(att->netdev);
}

/*
 * A flash requested through another port of the cage, its work not at the
 * module yet (the kernel sets the flag under RTNL, before the work runs):
 * the lease is not taken yet, but the module is promised.
 */
static bool __xpo_attach_flash_pending(struct xpo_attach *att)
{
	lockdep_assert_held(&att->cage->io_lock);
	return xpo_attach_flashing(att->cage, att) &&
	       !xpo_cage_lease_holds(att->cage, att);
}

static bool xpo_attach_flash_pending(struct xpo_attach *att)
{
	bool pending;

	mutex_lock(&att->cage->io_lock);
	pending = __xpo_attach_flash_pending(att);
	mutex_unlock(&att->cage->io_lock);
	return pending;
}

/*
 * May @att's request reach the module?  io_lock held.  A request of the
 * kernel's flash work takes (or holds) the cage's firmware lease.
 */
static int xpo_attach_guard(struct xpo_attach *att, bool write,
			    struct netlink_ext_ack *extack)
{
	struct xpo_cage *cage = att->cage;
	struct xpo_lease req = {
		.kind = XPO_LEASE_FIRMWARE,
		.owner = att,
		.alive = xpo_attach_flash_alive,
		.busy_ms = XPO_LEASE_BUSY_MAX_MS,
	};
	int err;

	lockdep_assert_held(&cage->io_lock);
	if (cage->detaching || cage->gone) {
		NL_SET_ERR_MSG_MOD(extack, "The cage is being removed");
		return -ENODEV;
	}
	if (XPO_NETDEV_MODULE_FW_FLASHING(att->netdev)) {
		strscpy(req.holder, netdev_name(att->netdev),
			sizeof(req.holder));
		return __xpo_cage_lease_take(cage, &req, extack);
	}
	err = __xpo_cage_guard(cage, write ? XPO_OP_WRITE : XPO_OP_READ, att,
			       extack);
	if (err)
		return err;
	if (__xpo_attach_flash_pending(att)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "Module firmware flashing is in progress on another port of this cage");
		return -EBUSY;
	}
	return 0;
}

/*
 * No access to a module in fault: what it would return cannot be trusted,
 * and the way out is a reset or another module.  The cage's debugfs state
 * keeps the fault cause (00h:41) read when the fault was seen.
 */
static int xpo_attach_fault(enum xpo_fault fault,
			    struct netlink_ext_ack *extack)
{
	switch (fault) {
	case XPO_FAULT_NO_RESPONSE:
		NL_SET_ERR_MSG_MOD(extack, "Module does not respond");
		break;
	case XPO_FAULT_BAD_IDENTIFIER:
	case XPO_FAULT_BAD_REVISION:
		NL_SET_ERR_MSG_MOD(extack,
				   "Module is not a CMIS 4.x or 5.x module");
		break;
	case XPO_FAULT_POWER_UP_TIMEOUT:
		NL_SET_ERR_MSG_MOD(extack,
				   "Module failed to power up: reset or replace it");
		break;
	case XPO_FAULT_BUSY_TIMEOUT:
		NL_SET_ERR_MSG_MOD(extack,
				   "Module stayed busy past its lease: reset or replace it");
		break;
	default:
		NL_SET_ERR_MSG_MOD(extack,
				   "Module is in fault: reset or replace it");
		break;
	}
	return -EIO;
}

/* Is there a module to talk to?  io_lock held. */
static int xpo_attach_module_check(struct xpo_cage *cage,
				   struct netlink_ext_ack *extack)
{
	lockdep_assert_held(&cage->io_lock);
	switch (cage->io_state) {
	case XPO_S_EMPTY:
		NL_SET_ERR_MSG_MOD(extack, "Module not present");
		return -ENODEV;
	case XPO_S_POWERED_OFF:
		NL_SET_ERR_MSG_MOD(extack, "The cage's power is switched off");
		return -ENODEV;
	case XPO_S_PROBING:
		NL_SET_ERR_MSG_MOD(extack,
				   "Module is being initialised, try again");
		return -EAGAIN;
	case XPO_S_FAULT:
		return xpo_attach_fault(cage->io_fault, extack);
	default:
		break;
	}
	if (!cage->io_enabled || !cage->adv.known) {
		NL_SET_ERR_MSG_MOD(extack, "Module not present");
		return -ENODEV;
	}
	return 0;
}

static int xpo_attach_refuse(enum xpo_eeprom_verdict verdict,
			     struct netlink_ext_ack *extack)
{
	switch (verdict) {
	case XPO_EEPROM_OK:
		break;
	case XPO_EEPROM_EINVAL_I2C_ADDRESS:
		NL_SET_ERR_MSG_MOD(extack,
				   "A CMIS module answers at I2C address 0x50 only");
		break;
	case XPO_EEPROM_EINVAL_LENGTH:
		NL_SET_ERR_MSG_MOD(extack, "Zero-length access");
		break;
	case XPO_EEPROM_EINVAL_WINDOW:
		NL_SET_ERR_MSG_MOD(extack,
				   "Offset and length go beyond the 256-byte page window");
		break;
	case XPO_EEPROM_EINVAL_LOWER_PAGED:
		NL_SET_ERR_MSG_MOD(extack,
				   "Bytes 0-127 are lower memory, not paged: use page 0 bank 0");
		break;
	case XPO_EEPROM_EINVAL_NOT_BANKED:
		NL_SET_ERR_MSG_MOD(extack, "Page is not banked: bank must be 0");
		break;
	case XPO_EEPROM_EOPNOTSUPP_BANK:
		NL_SET_ERR_MSG_MOD(extack, "Bank not supported by the module");
		break;
	case XPO_EEPROM_EOPNOTSUPP_PAGE:
		NL_SET_ERR_MSG_MOD(extack, "Page not supported by the module");
		break;
	case XPO_EEPROM_EINVAL_PAGE_SELECT:
		NL_SET_ERR_MSG_MOD(extack,
				   "Bytes 126-127 (bank and page select) belong to the driver");
		break;
	case XPO_EEPROM_EOPNOTSUPP_LOWER_RO:
		NL_SET_ERR_MSG_MOD(extack,
				   "Only the password bytes (118-125) of lower memory are writable here");
		break;
	case XPO_EEPROM_EOPNOTSUPP_PAGE_RO:
		NL_SET_ERR_MSG_MOD(extack,
				   "Page not writable through this interface (only 03h, 9Fh, A0h-AFh)");
		break;
	}
	return xpo_eeprom_errno(verdict);
}

/*
 * One EEPROM request: the checks and the bus access in one io_lock
 * section, so that what was checked is what is accessed.  Always from the
 * module, never from a cache.
 */
static int xpo_attach_access(struct xpo_attach *att,
			     const struct xpo_eeprom_req *req, void *buf,
			     bool write, struct netlink_ext_ack *extack)
{
	struct xpo_cage *cage = att->cage;
	int err;

	xpo_cmis_lock(cage);
	err = xpo_attach_guard(att, write, extack);
	if (!err)
		err = xpo_attach_module_check(cage, extack);
	if (!err)
		err = xpo_attach_refuse(xpo_eeprom_check(&cage->adv, req,
							 write), extack);
	if (err)
		goto out;

	if (write)
		err = __xpo_cmis_write(cage, req->bank, req->page, req->offset,
				       buf, req->length);
	else
		err = __xpo_cmis_read(cage, req->bank, req->page, req->offset,
				      buf, req->length);
	if (err == -ENODEV)
		NL_SET_ERR_MSG_MOD(extack, "Module not present");
	else if (err && write)
		NL_SET_ERR_MSG_MOD(extack, "Failed to write to the module");
	else if (err)
		NL_SET_ERR_MSG_MOD(extack, "Failed to read from the module");
out:
	xpo_cmis_unlock(cage);
	return err;
}

static void xpo_attach_req(struct xpo_eeprom_req *req,
			   const struct ethtool_module_eeprom *page)
{
	req->i2c_address = page->i2c_address;
	req->bank = page->bank;
	req->page = page->page;
	req->offset = page->offset;
	req->length = page->length;
}

int xpo_attach_get_module_eeprom_by_page(struct xpo_attach *att,
					 const struct ethtool_module_eeprom *page,
					 struct netlink_ext_ack *extack)
{
	struct xpo_eeprom_req req;
	int err;

	xpo_attach_req(&req, page);
	err = xpo_attach_access(att, &req, page->data, false, extack);
	return err ? err : page->length;
}
EXPORT_SYMBOL_GPL(xpo_attach_get_module_eeprom_by_page);

/* For the kernel's CMIS firmware flashing (6.11 and later) */
int xpo_attach_set_module_eeprom_by_page(struct xpo_attach *att,
					 const struct ethtool_module_eeprom *page,
					 struct netlink_ext_ack *extack)
{
	struct xpo_eeprom_req req;

	xpo_attach_req(&req, page);
	return xpo_attach_access(att, &req, page->data, true, extack);
}
EXPORT_SYMBOL_GPL(xpo_attach_set_module_eeprom_by_page);

/* Read bytes of lower memory (or page 00h) through the checks */
static int xpo_attach_read_lower(struct xpo_attach *att, unsigned int offset,
				 void *buf, size_t len,
				 struct netlink_ext_ack *extack)
{
	struct xpo_eeprom_req req = {
		.i2c_address = CMIS_I2C_ADDR,
		.offset = offset,
		.length = len,
	};

	return xpo_attach_access(att, &req, buf, false, extack);
}

/*
 * The legacy interface has no type for CMIS: like mlxsw we report
 * ETH_MODULE_SFF_8636, 512 bytes (lower memory and pages 00h, 01h, 02h)
 * or 256 for flat memory.  ethtool recognises the CMIS identifiers it
 * knows and decodes them as CMIS; for any other (XPO) it prints the
 * identifier only, and "hex on" dumps the bytes.
 */
int xpo_attach_get_module_info(struct xpo_attach *att,
			       struct ethtool_modinfo *modinfo)
{
	struct xpo_cage *cage = att->cage;
	int err;

	xpo_cmis_lock(cage);
	err = xpo_attach_guard(att, false, NULL);
	if (!err)
		err = xpo_attach_module_check(cage, NULL);
	if (!err) {
		modinfo->type = ETH_MODULE_SFF_8636;
		modinfo->eeprom_len = cage->adv.flat ? ETH_MODULE_SFF_8636_LEN :
				      ETH_MODULE_SFF_8472_LEN;
	}
	xpo_cmis_unlock(cage);
	return err;
}
EXPORT_SYMBOL_GPL(xpo_attach_get_module_info);

int xpo_attach_get_module_eeprom(struct xpo_attach *att,
				 struct ethtool_eeprom *ee, u8 *data)
{
	struct xpo_eeprom_req req = { .i2c_address = CMIS_I2C_ADDR };
	u32 off = ee->offset, left = ee->len;
	u32 start, end;
	int err;

	while (left) {
		if (off < XPO_LEGACY_PAGE01) {
			req.page = 0x00;
			start = 0;
			end = XPO_LEGACY_PAGE01;
		} else if (off < XPO_LEGACY_PAGE02) {
			req.page = 0x01;
			start = XPO_LEGACY_PAGE01 - CMIS_UPPER_OFFSET;
			end = XPO_LEGACY_PAGE02;
		} else if (off < ETH_MODULE_SFF_8472_LEN) {
			req.page = 0x02;
			start = XPO_LEGACY_PAGE02 - CMIS_UPPER_OFFSET;
			end = ETH_MODULE_SFF_8472_LEN;
		} else {
			return -EINVAL;
		}
		req.offset = off - start;
		req.length = min(left, end - off);
		err = xpo_attach_access(att, &req, data, false, NULL);
		if (err)
			return err;
		off += req.length;
		data += req.length;
		left -= req.length;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(xpo_attach_get_module_eeprom);

int xpo_attach_get_module_power_mode(struct xpo_attach *att,
				     struct ethtool_module_power_mode_params *params,
				     struct netlink_ext_ack *extack)
{
	enum xpo_sm_state state;
	u8 val;
	int err;

	params->policy = xpo_cage_power_policy(att->cage) ==
			 XPO_POWER_POLICY_AUTO ?
			 ETHTOOL_MODULE_POWER_MODE_POLICY_AUTO :
			 ETHTOOL_MODULE_POWER_MODE_POLICY_HIGH;

	/* no (usable) module: the policy alone, as mlxsw */
	state = xpo_cage_state(att->cage);
	if (state == XPO_S_EMPTY || state == XPO_S_POWERED_OFF ||
	    state == XPO_S_PROBING || state == XPO_S_FAULT)
		return 0;

	/* the mode from the module itself, 00h:3 */
	err = xpo_attach_read_lower(att, CMIS_MODULE_STATE, &val, 1, extack);
	if (err == -ENODEV)
		return 0;	/* went away meanwhile */
	if (err)
		return err;	/* with its extack message */
	switch (FIELD_GET(CMIS_MODULE_STATE_MASK, val)) {
	case CMIS_MODULE_LOWPWR:
		params->mode = ETHTOOL_MODULE_POWER_MODE_LOW;
		break;
	case CMIS_MODULE_PWRUP:
	case CMIS_MODULE_READY:
	case CMIS_MODULE_PWRDN:
		params->mode = ETHTOOL_MODULE_POWER_MODE_HIGH;
		break;
	default:
		/* ModuleFault or reserved: no mode to report */
		break;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(xpo_attach_get_module_power_mode);

int xpo_attach_set_module_power_mode(struct xpo_attach *att,
				     const struct ethtool_module_power_mode_params *params,
				     struct netlink_ext_ack *extack)
{
	enum xpo_power_policy policy;

	switch (params->policy) {
	case ETHTOOL_MODULE_POWER_MODE_POLICY_HIGH:
		policy = XPO_POWER_POLICY_HIGH;
		break;
	case ETHTOOL_MODULE_POWER_MODE_POLICY_AUTO:
		policy = XPO_POWER_POLICY_AUTO;
		break;
	default:
		NL_SET_ERR_MSG_MOD(extack, "Unsupported power mode policy");
		return -EOPNOTSUPP;
	}

	if (xpo_attach_flash_pending(att)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "Module firmware flashing is in progress on another port of this cage");
		return -EBUSY;
	}
	return xpo_cage_set_power_policy(att->cage, policy, extack);
}
EXPORT_SYMBOL_GPL(xpo_attach_set_module_power_mode);

#define XPO_RESET_PHY		ETH_RESET_PHY
#define XPO_RESET_PHY_SHARED	(ETH_RESET_PHY << ETH_RESET_SHARED_SHIFT)

/*
 * ETH_RESET_PHY (the kernel's flash work, from the lease's holder) or its
 * shared variant ("phy-shared", which anyone else needs as the module
 * serves every port of the cage): the core applies the reset and returns;
 * the state machine brings the module back asynchronously, as mlxsw and
 * sfp do, so that RTNL is not held for the module's bring-up.  The guards
 * (lease, ports up, shared) are the core's; .reset has no extack, so the
 * reason goes to the log, as mlxsw's.
 */
int xpo_attach_reset(struct xpo_attach *att, u32 *flags)
{
	struct net_device *dev = att->netdev;
	struct netlink_ext_ack extack = {};
	unsigned int how = 0;
	const char *why;
	int err;

	if (!(*flags & (XPO_RESET_PHY | XPO_RESET_PHY_SHARED)))
		return 0;
	if (*flags & XPO_RESET_PHY_SHARED)
		how |= XPO_RESET_SHARED;

	if (!XPO_NETDEV_MODULE_FW_FLASHING(dev) &&
	    xpo_attach_flash_pending(att)) {
		netdev_err(dev, "Cannot reset module while its firmware is being flashed\n");
		return -EBUSY;
	}
	/* the flash work resets as the holder of the lease it took */
	err = xpo_cage_reset(att->cage, how,
			     XPO_NETDEV_MODULE_FW_FLASHING(dev) ? att : NULL,
			     &extack);
	if (err) {
		why = extack._msg ? extack._msg : "refused";
		why += str_has_prefix(why, KBUILD_MODNAME ": ");
		netdev_err(dev, "Cannot reset module of cage %u: %s\n",
			   att->cage->nr, why);
		return err;
	}
	*flags &= ~(XPO_RESET_PHY | XPO_RESET_PHY_SHARED);
	return 0;
}
EXPORT_SYMBOL_GPL(xpo_attach_reset);
