// SPDX-License-Identifier: GPL-2.0
/*
 * The pure parts of the xpo netlink family: what is wrong with a raw
 * module memory read (the ethtool rules of xpo_eeprom_check.c, plus the
 * family's own), told as errno, attribute and message; and the event an
 * internal uevent or a protection uevent is reported as.  No locks, no hardware: KUnit tests it.
 */
#include <linux/bits.h>
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
		[XPO_EV_PORTS] = XPO_EVENT_PORTS,
		[XPO_EV_PORT_SETTINGS] = XPO_EVENT_PORT_SETTINGS,
	};

	return type < XPO_EV_NUM ? events[type] : 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_nl_event);

/**
 * xpo_nl_cage_set_refused() - check a cage-set before anything changes
 * @set: what the request asks for, and the cage as it is
 * @r: filled in when refused (@r->attr: an XPO_A_CAGE_* or 0)
 *
 * cage-set is all or nothing: what can be known to fail is refused here,
 * before the first change.  What cannot (a re-arm, which reads the module
 * against the new settings) is undone by the caller.  A re-arm in the same
 * request lifts a hold of the protection, so it lets a power-on or a reset
 * through.
 *
 * Return: true if the request is refused.
 */
bool xpo_nl_cage_set_refused(const struct xpo_nl_set *set,
			     struct xpo_nl_refusal *r)
{
	bool held = set->held_off && !set->rearm;

	if (!set->policy && !set->protect && !set->rearm && !set->power &&
	    !set->reset)
		return xpo_nl_refuse(r, -EINVAL, 0,
				     "Nothing to change: give power-policy, protect, rearm, power or reset");
	if (set->power && set->power_on && held)
		return xpo_nl_refuse(r, -EBUSY, XPO_A_CAGE_POWER,
				     "The cage is held off by the protection: re-arm it first");
	if (!set->reset)
		return false;
	if (set->power && !set->power_on)
		return xpo_nl_refuse(r, -EINVAL, XPO_A_CAGE_RESET,
				     "Cannot reset a module whose supply is switched off in the same request");
	if (set->power)		/* powered on first: probed afresh anyway */
		return false;
	if (held)
		return xpo_nl_refuse(r, -EBUSY, XPO_A_CAGE_RESET,
				     "The cage is held off by the protection: re-arm it first");
	if (set->powered_off && !set->held_off)
		return xpo_nl_refuse(r, -ENODEV, XPO_A_CAGE_RESET,
				     "No powered module to reset: the cage's supply is off");
	if (set->empty)
		return xpo_nl_refuse(r, -ENODEV, XPO_A_CAGE_RESET,
				     "No module to reset");
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_nl_cage_set_refused);

/**
 * xpo_nl_protect_refused() - check the protect nest of a cage-set
 * @s: the actions and limits it sets
 * @r: filled in when refused (@r->attr: an XPO_A_PROTECT_*)
 *
 * The policy has checked each value's range already; what is left are
 * the host limits' gaps (a temperature limit of 1 to 19999 m°C), judged by
 * the core's own xpo_protect_limit_check().
 *
 * Return: true if the nest is refused.
 */
bool xpo_nl_protect_refused(const struct xpo_protect_settings *s,
			    struct xpo_nl_refusal *r)
{
	const char *why;

	if ((s->limit_set & BIT(XPO_PROTECT_FLOW_LOW)) &&
	    xpo_protect_limit_check(XPO_PROTECT_FLOW_LOW,
				    s->limit[XPO_PROTECT_FLOW_LOW], &why))
		return xpo_nl_refuse(r, -EINVAL, XPO_A_PROTECT_FLOW_MIN,
				     "Flow limit must be 0 (none) or 1 to 100000 mL/min");
	if ((s->limit_set & BIT(XPO_PROTECT_OVERTEMP)) &&
	    xpo_protect_limit_check(XPO_PROTECT_OVERTEMP,
				    s->limit[XPO_PROTECT_OVERTEMP], &why))
		return xpo_nl_refuse(r, -EINVAL, XPO_A_PROTECT_TEMP_MAX,
				     "Temperature limit must be 0 (none) or 20000 to 150000 millidegrees C");
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_nl_protect_refused);
