// SPDX-License-Identifier: GPL-2.0
/*
 * Validation of module EEPROM requests from ethtool, as pure logic.  See
 * xpo_eeprom_check.h and Documentation/ethtool.rst; the extack message for
 * each verdict is in xpo_attach_module.c.
 *
 * Errors follow the kernel's conventions for these operations: -EINVAL for
 * a request that is malformed whatever the module (I2C address, window,
 * a bank for a page that has none, the page select bytes), -EOPNOTSUPP for
 * a bank or page this module does not have, or a region this interface
 * does not write.  -EINVAL also keeps the kernel from retrying a refused
 * read through the legacy get_module_eeprom() path, which ignores banks and
 * I2C addresses: net/ethtool/eeprom.c falls back on -EOPNOTSUPP only, and
 * the legacy layout (xpo_attach_module.c) ends before any page such a retry could
 * reach for a bank or page refused here.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <kunit/visibility.h>

#include "cmis.h"
#include "xpo_cmis_addr.h"
#include "xpo_eeprom_check.h"

/**
 * xpo_eeprom_page_writable() - may ethtool write to this upper page?
 * @page: page number
 *
 * The user page 03h, and the CDB message page 9Fh and its EPL pages
 * A0h-AFh, which the kernel's CMIS firmware flashing writes.  Everything
 * else (the lane controls of 10h, the thresholds, vendor pages) belongs to
 * the driver or is read-only.
 */
bool xpo_eeprom_page_writable(u8 page)
{
	return page == 0x03 || page == CMIS_PAGE_CDB ||
	       (page >= CMIS_PAGE_EPL_FIRST && page <= CMIS_PAGE_EPL_LAST);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_eeprom_page_writable);

static enum xpo_eeprom_verdict
xpo_eeprom_check_write(const struct xpo_eeprom_req *req, u32 end)
{
	if (req->offset <= CMIS_PAGE_SELECT && end > CMIS_BANK_SELECT)
		return XPO_EEPROM_EINVAL_PAGE_SELECT;
	if (req->offset < CMIS_UPPER_OFFSET) {
		/* password change and entry, as the kernel's CDB code writes */
		if (req->offset < CMIS_PASSWORD_CHANGE ||
		    end > CMIS_PASSWORD_ENTRY + CMIS_PASSWORD_LEN)
			return XPO_EEPROM_EOPNOTSUPP_LOWER_RO;
		return XPO_EEPROM_OK;
	}
	if (!xpo_eeprom_page_writable(req->page))
		return XPO_EEPROM_EOPNOTSUPP_PAGE_RO;
	return XPO_EEPROM_OK;
}

/**
 * xpo_eeprom_check() - validate an EEPROM request against a module
 * @adv: the module's advertisement (known: the module was identified)
 * @req: the request
 * @write: the request writes
 *
 * Rules: I2C address 0x50 only; a non-empty access within the 256-byte
 * window; lower memory (0-127) is not paged, so page and bank must be 0
 * there (which also allows one access across 127/128 for page 00h);
 * upper memory needs a page the module has, in a bank it has for banked
 * pages (10h-FFh but 9Fh-AFh), bank 0 otherwise.  Writes: never the page
 * select bytes 126-127; in lower memory only the passwords (118-125); in
 * upper memory only the pages of xpo_eeprom_page_writable().
 */
enum xpo_eeprom_verdict xpo_eeprom_check(const struct xpo_cmis_adv *adv,
					 const struct xpo_eeprom_req *req,
					 bool write)
{
	bool banked = xpo_cmis_page_banked(req->page);
	u32 end;

	if (req->i2c_address != CMIS_I2C_ADDR)
		return XPO_EEPROM_EINVAL_I2C_ADDRESS;
	if (!req->length)
		return XPO_EEPROM_EINVAL_LENGTH;
	if (req->offset >= CMIS_WINDOW_SIZE ||
	    req->length > CMIS_WINDOW_SIZE - req->offset)
		return XPO_EEPROM_EINVAL_WINDOW;
	end = req->offset + req->length;

	if (req->offset < CMIS_UPPER_OFFSET && (req->page || req->bank))
		return XPO_EEPROM_EINVAL_LOWER_PAGED;
	if (end > CMIS_UPPER_OFFSET) {
		if (!banked && req->bank)
			return XPO_EEPROM_EINVAL_NOT_BANKED;
		if (banked && req->bank >= adv->banks)
			return XPO_EEPROM_EOPNOTSUPP_BANK;
		if (!xpo_cmis_page_exists(adv, req->bank, req->page))
			return XPO_EEPROM_EOPNOTSUPP_PAGE;
	}
	if (write)
		return xpo_eeprom_check_write(req, end);
	return XPO_EEPROM_OK;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_eeprom_check);

/* The errno of a verdict: 0, -EINVAL or -EOPNOTSUPP */
int xpo_eeprom_errno(enum xpo_eeprom_verdict verdict)
{
	switch (verdict) {
	case XPO_EEPROM_OK:
		return 0;
	case XPO_EEPROM_EOPNOTSUPP_BANK:
	case XPO_EEPROM_EOPNOTSUPP_PAGE:
	case XPO_EEPROM_EOPNOTSUPP_LOWER_RO:
	case XPO_EEPROM_EOPNOTSUPP_PAGE_RO:
		return -EOPNOTSUPP;
	default:
		return -EINVAL;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xpo_eeprom_errno);
