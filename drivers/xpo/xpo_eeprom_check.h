/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Validation of the module EEPROM requests that reach a port netdev through
 * ethtool (get/set_module_eeprom_by_page, the legacy ioctls and the kernel's
 * CMIS firmware flashing), as pure logic: KUnit tests it directly.
 */
#ifndef _XPO_EEPROM_CHECK_H
#define _XPO_EEPROM_CHECK_H

#include <linux/types.h>

struct xpo_cmis_adv;

/* One request, as struct ethtool_module_eeprom carries it */
struct xpo_eeprom_req {
	u8 i2c_address;
	u8 bank;
	u8 page;
	u32 offset;		/* within the 256-byte window */
	u32 length;
};

/* What xpo_eeprom_check() thinks of a request; the errno is in the name */
enum xpo_eeprom_verdict {
	XPO_EEPROM_OK,
	XPO_EEPROM_EINVAL_I2C_ADDRESS,	/* not 0x50 */
	XPO_EEPROM_EINVAL_LENGTH,	/* zero */
	XPO_EEPROM_EINVAL_WINDOW,	/* beyond byte 255 */
	XPO_EEPROM_EINVAL_LOWER_PAGED,	/* page or bank for bytes 0-127 */
	XPO_EEPROM_EINVAL_NOT_BANKED,	/* bank for a page without banks */
	XPO_EEPROM_EOPNOTSUPP_BANK,	/* bank the module does not have */
	XPO_EEPROM_EOPNOTSUPP_PAGE,	/* page the module does not have */
	XPO_EEPROM_EINVAL_PAGE_SELECT,	/* write to bytes 126-127 */
	XPO_EEPROM_EOPNOTSUPP_LOWER_RO,	/* write to lower memory but 118-125 */
	XPO_EEPROM_EOPNOTSUPP_PAGE_RO,	/* write to a page not ours to write */
};

enum xpo_eeprom_verdict xpo_eeprom_check(const struct xpo_cmis_adv *adv,
					 const struct xpo_eeprom_req *req,
					 bool write);
int xpo_eeprom_errno(enum xpo_eeprom_verdict verdict);
bool xpo_eeprom_page_writable(u8 page);

#endif /* _XPO_EEPROM_CHECK_H */
