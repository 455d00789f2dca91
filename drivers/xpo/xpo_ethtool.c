// SPDX-License-Identifier: GPL-2.0
/*
 * The ethtool_ops of the standalone port netdevs (xpo_port.c): each is the
 * port owner's module operation of the same name (xpo_attach_module.c),
 * called on the port's attachment, as a switch driver's ethtool_ops would
 * call it.  Nothing here reaches into the cage.  See
 * Documentation/ethtool.rst.
 */
#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/string.h>

#include "xpo_attach.h"
#include "xpo_compat.h"
#include "xpo_port.h"

static struct xpo_attach *xpo_ethtool_att(struct net_device *dev)
{
	struct xpo_port *port = netdev_priv(dev);

	return port->att;
}

static void xpo_ethtool_get_drvinfo(struct net_device *dev,
				    struct ethtool_drvinfo *info)
{
	strscpy(info->driver, KBUILD_MODNAME, sizeof(info->driver));
	/* the cage device, the netdev's parent */
	strscpy(info->bus_info, dev_name(dev->dev.parent),
		sizeof(info->bus_info));
}

static int
xpo_ethtool_get_module_eeprom_by_page(struct net_device *dev,
				      const struct ethtool_module_eeprom *page,
				      struct netlink_ext_ack *extack)
{
	return xpo_attach_get_module_eeprom_by_page(xpo_ethtool_att(dev), page,
						    extack);
}

static int __maybe_unused
xpo_ethtool_set_module_eeprom_by_page(struct net_device *dev,
				      const struct ethtool_module_eeprom *page,
				      struct netlink_ext_ack *extack)
{
	return xpo_attach_set_module_eeprom_by_page(xpo_ethtool_att(dev), page,
						    extack);
}

static int xpo_ethtool_get_module_info(struct net_device *dev,
				       struct ethtool_modinfo *modinfo)
{
	return xpo_attach_get_module_info(xpo_ethtool_att(dev), modinfo);
}

static int xpo_ethtool_get_module_eeprom(struct net_device *dev,
					 struct ethtool_eeprom *ee, u8 *data)
{
	return xpo_attach_get_module_eeprom(xpo_ethtool_att(dev), ee, data);
}

static int
xpo_ethtool_get_module_power_mode(struct net_device *dev,
				  struct ethtool_module_power_mode_params *params,
				  struct netlink_ext_ack *extack)
{
	return xpo_attach_get_module_power_mode(xpo_ethtool_att(dev), params,
						extack);
}

static int
xpo_ethtool_set_module_power_mode(struct net_device *dev,
				  const struct ethtool_module_power_mode_params *params,
				  struct netlink_ext_ack *extack)
{
	return xpo_attach_set_module_power_mode(xpo_ethtool_att(dev), params,
						extack);
}

static int xpo_ethtool_reset(struct net_device *dev, u32 *flags)
{
	return xpo_attach_reset(xpo_ethtool_att(dev), flags);
}

const struct ethtool_ops xpo_ethtool_ops = {
	.get_drvinfo			= xpo_ethtool_get_drvinfo,
	.get_link			= ethtool_op_get_link,
	.reset				= xpo_ethtool_reset,
	.get_module_info		= xpo_ethtool_get_module_info,
	.get_module_eeprom		= xpo_ethtool_get_module_eeprom,
	.get_module_eeprom_by_page	= xpo_ethtool_get_module_eeprom_by_page,
	XPO_ETHTOOL_SET_MODULE_EEPROM_BY_PAGE(xpo_ethtool_set_module_eeprom_by_page)
	.get_module_power_mode		= xpo_ethtool_get_module_power_mode,
	.set_module_power_mode		= xpo_ethtool_set_module_power_mode,
};
