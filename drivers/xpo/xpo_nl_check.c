// SPDX-License-Identifier: GPL-2.0
/*
 * The pure parts of the xpo netlink family: what is wrong with a raw
 * module memory read (the ethtool rules of xpo_eeprom_check.c, plus the
 * family's own), told as errno, attribute and message; and the event an
 * internal uevent or a protection uevent is reported as.  No locks, no hardware: KUnit tests it.
 */
#include <linux/errno.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "../../include/uapi/linux/xpo.h"
#include "cmis.h"
#include "xpo_cmis_addr.h"
#include "xpo_eeprom_check.h"
#include "xpo_nl.h"
#include "xpo_protect.h"

static bool xpo_nl_refuse(struct xpo_nl_refusal *r, int err, int attr,
			  const char *msg)
{
	r->err = err;
	r->attr = attr;
	r->msg = msg;
	return true;
}

/**
 * xpo_nl_eeprom_refused() - check a raw read of module memory
 * @adv: what the module advertises
 * @req: the request (i2c_address is always CMIS_I2C_ADDR here)
 * @r: filled in when refused
 *
 * The checks of ethtool's module EEPROM by page (a read stays in the
 * 256-byte window and does not cross from lower memory into the paged
 * half; lower memory is bank 0 page 0; banks and pages must be advertised)
 * and the family's length limit.
 *
 * Return: true if the request is refused.
 */
bool xpo_nl_eeprom_refused(const struct xpo_cmis_adv *adv,
			   const struct xpo_eeprom_req *req,
			   struct xpo_nl_refusal *r)
{
	if (!req->length || req->length > XPO_EEPROM_LEN_MAX)
		return xpo_nl_refuse(r, -EINVAL, XPO_A_EEPROM_LENGTH,
				     "Length must be 1 to 128 bytes");
	if (req->offset >= CMIS_WINDOW_SIZE)
		return xpo_nl_refuse(r, -EINVAL, XPO_A_EEPROM_OFFSET,
				     "Offset must be below 256");
	if (req->length > CMIS_WINDOW_SIZE - req->offset)
		return xpo_nl_refuse(r, -EINVAL, XPO_A_EEPROM_LENGTH,
				     "Offset and length go beyond the 256-byte page window");
	if (req->offset < CMIS_UPPER_OFFSET &&
	    req->offset + req->length > CMIS_UPPER_OFFSET)
		return xpo_nl_refuse(r, -EINVAL, XPO_A_EEPROM_LENGTH,
				     "A read cannot cross from lower memory (0-127) into the page (128-255)");

	switch (xpo_eeprom_check(adv, req, false)) {
	case XPO_EEPROM_OK:
		return false;
	case XPO_EEPROM_EINVAL_LOWER_PAGED:
		return xpo_nl_refuse(r, -EINVAL,
				     req->page ? XPO_A_EEPROM_PAGE :
				     XPO_A_EEPROM_BANK,
				     "Bytes 0-127 are lower memory, not paged: use page 0 bank 0");
	case XPO_EEPROM_EINVAL_NOT_BANKED:
		return xpo_nl_refuse(r, -EINVAL, XPO_A_EEPROM_BANK,
				     "Page is not banked: bank must be 0");
	case XPO_EEPROM_EOPNOTSUPP_BANK:
		return xpo_nl_refuse(r, -EOPNOTSUPP, XPO_A_EEPROM_BANK,
				     "Bank not supported by the module");
	case XPO_EEPROM_EOPNOTSUPP_PAGE:
		return xpo_nl_refuse(r, -EOPNOTSUPP, XPO_A_EEPROM_PAGE,
				     "Page not supported by the module");
	default:
		/* the checks above and read-only access leave nothing else */
		return xpo_nl_refuse(r, -EINVAL, 0, "Invalid module memory read");
	}
}
EXPORT_SYMBOL_IF_KUNIT(xpo_nl_eeprom_refused);

/**
 * xpo_nl_event() - the notification a typed event is reported as
 * @type: the event
 *
 * Return: an XPO_EVENT_* value, or 0 for what is not reported.
 */
int xpo_nl_event(enum xpo_event_type type)
{
	static const int events[XPO_EV_NUM] = {
		[XPO_EV_INSERT] = XPO_EVENT_INSERT,
		[XPO_EV_REMOVE] = XPO_EVENT_REMOVE,
		[XPO_EV_STATE] = XPO_EVENT_STATE,
		[XPO_EV_ALARM] = XPO_EVENT_ALARM,
		[XPO_EV_PROTECT] = XPO_EVENT_PROTECT,
		[XPO_EV_REARM] = XPO_EVENT_REARM,
	};

	return type < XPO_EV_NUM ? events[type] : 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_nl_event);
