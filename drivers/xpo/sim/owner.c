// SPDX-License-Identifier: GPL-2.0
/*
 * xpo_sim_owner: a port owner beside the emulated board, as a switch ASIC's
 * driver is one on a real switch.  It makes its own netdevs, one per port
 * of each cage's breakout, attaches them to the cage core's ports
 * (xpo_attach.h) and serves ethtool's module requests through the core.
 * It is the test of that API: nothing here knows the cage core's insides.
 *
 * Its cages are the xpo_sim board's, loaded with external_ports=1 so that
 * the core makes no standalone netdevs there.  Netdevs are named
 * sw<cage>p<index> (swb<board>c<cage>p<index> off board 0), index being
 * the port's position in the cage's breakout.  See
 * Documentation/xpo_sim.rst, "A port owner".
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bits.h>
#include <linux/err.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "xpo_attach.h"
#include "xpo_compat.h"
#include "xpo_model.h"

static unsigned int board;
module_param(board, uint, 0444);
MODULE_PARM_DESC(board, "The board whose cages to own (default 0)");

static unsigned int cages = GENMASK(XPO_CAGES_PER_RU - 1, 0);
module_param(cages, uint, 0444);
MODULE_PARM_DESC(cages, "Bitmask of the cages to own (default 0xffff)");

/* One port: the netdev's private part */
struct xpo_owner_port {
	struct net_device *netdev;
	struct xpo_attach *att;
	struct xpo_owner_port *next;	/* the module's list, newest first */
};

static struct xpo_owner_port *xpo_owner_ports;

static struct xpo_attach *xpo_owner_att(struct net_device *dev)
{
	struct xpo_owner_port *p = netdev_priv(dev);

	return p->att;
}

static netdev_tx_t xpo_owner_xmit(struct sk_buff *skb, struct net_device *dev)
{
	DEV_STATS_INC(dev, tx_dropped);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static int xpo_owner_open(struct net_device *dev)
{
	struct netlink_ext_ack extack = {};
	int err;

	err = xpo_attach_open(xpo_owner_att(dev), &extack);
	if (err)
		netdev_err(dev, "cannot open: %s\n",
			   extack._msg ? extack._msg : "refused");
	return err;
}

static int xpo_owner_stop(struct net_device *dev)
{
	xpo_attach_stop(xpo_owner_att(dev));
	return 0;
}

static const struct net_device_ops xpo_owner_netdev_ops = {
	.ndo_open		= xpo_owner_open,
	.ndo_stop		= xpo_owner_stop,
	.ndo_start_xmit		= xpo_owner_xmit,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_set_mac_address	= eth_mac_addr,
};

static void xpo_owner_get_drvinfo(struct net_device *dev,
				  struct ethtool_drvinfo *info)
{
	strscpy(info->driver, KBUILD_MODNAME, sizeof(info->driver));
}

static int
xpo_owner_get_module_eeprom_by_page(struct net_device *dev,
				    const struct ethtool_module_eeprom *page,
				    struct netlink_ext_ack *extack)
{
	return xpo_attach_get_module_eeprom_by_page(xpo_owner_att(dev), page,
						    extack);
}

static int __maybe_unused
xpo_owner_set_module_eeprom_by_page(struct net_device *dev,
				    const struct ethtool_module_eeprom *page,
				    struct netlink_ext_ack *extack)
{
	return xpo_attach_set_module_eeprom_by_page(xpo_owner_att(dev), page,
						    extack);
}

static int xpo_owner_get_module_info(struct net_device *dev,
				     struct ethtool_modinfo *modinfo)
{
	return xpo_attach_get_module_info(xpo_owner_att(dev), modinfo);
}

static int xpo_owner_get_module_eeprom(struct net_device *dev,
				       struct ethtool_eeprom *ee, u8 *data)
{
	return xpo_attach_get_module_eeprom(xpo_owner_att(dev), ee, data);
}

static int
xpo_owner_get_module_power_mode(struct net_device *dev,
				struct ethtool_module_power_mode_params *params,
				struct netlink_ext_ack *extack)
{
	return xpo_attach_get_module_power_mode(xpo_owner_att(dev), params,
						extack);
}

static int
xpo_owner_set_module_power_mode(struct net_device *dev,
				const struct ethtool_module_power_mode_params *params,
				struct netlink_ext_ack *extack)
{
	return xpo_attach_set_module_power_mode(xpo_owner_att(dev), params,
						extack);
}

static int xpo_owner_reset(struct net_device *dev, u32 *flags)
{
	return xpo_attach_reset(xpo_owner_att(dev), flags);
}

static const struct ethtool_ops xpo_owner_ethtool_ops = {
	.get_drvinfo			= xpo_owner_get_drvinfo,
	.get_link			= ethtool_op_get_link,
	.reset				= xpo_owner_reset,
	.get_module_info		= xpo_owner_get_module_info,
	.get_module_eeprom		= xpo_owner_get_module_eeprom,
	.get_module_eeprom_by_page	= xpo_owner_get_module_eeprom_by_page,
	XPO_ETHTOOL_SET_MODULE_EEPROM_BY_PAGE(xpo_owner_set_module_eeprom_by_page)
	.get_module_power_mode		= xpo_owner_get_module_power_mode,
	.set_module_power_mode		= xpo_owner_set_module_power_mode,
};

/* The core's word on the port's data path: under its lock, no sleeping */
static void xpo_owner_carrier(struct xpo_attach *att, bool on)
{
	struct xpo_owner_port *p = xpo_attach_priv(att);

	if (on)
		netif_carrier_on(p->netdev);
	else
		netif_carrier_off(p->netdev);
}

/* The cage went away: the netdev stays until unload, its module gone */
static void xpo_owner_removed(struct xpo_attach *att)
{
	struct xpo_owner_port *p = xpo_attach_priv(att);

	netdev_info(p->netdev, "its cage is gone\n");
}

static const struct xpo_attach_ops xpo_owner_attach_ops = {
	.carrier	= xpo_owner_carrier,
	.removed	= xpo_owner_removed,
};

/* Unregister, detach and free @p (registered if @registered) */
static void xpo_owner_port_del(struct xpo_owner_port *p, bool registered)
{
	struct net_device *netdev = p->netdev;

	if (registered)
		unregister_netdev(netdev);
	if (!IS_ERR_OR_NULL(p->att))
		xpo_detach(p->att);
	free_netdev(netdev);
}

/* Port @index of @cage (lanes @lane..): a netdev, attached, registered */
static int xpo_owner_port_add(struct xpo_cage *cage, unsigned int nr,
			      unsigned int index, u8 lane, u8 lanes)
{
	struct netlink_ext_ack extack = {};
	struct xpo_owner_port *p;
	struct net_device *netdev;
	char name[IFNAMSIZ];
	int err;

	/* at most 255 boards, 16 cages, 64 ports: "swb255c15p63" fits */
	if (board)
		snprintf(name, sizeof(name), "swb%uc%up%u", (u8)board, (u8)nr,
			 (u8)index);
	else
		snprintf(name, sizeof(name), "sw%up%u", (u8)nr, (u8)index);
	netdev = alloc_netdev(sizeof(*p), name, NET_NAME_PREDICTABLE,
			      ether_setup);
	if (!netdev)
		return -ENOMEM;
	p = netdev_priv(netdev);
	p->netdev = netdev;
	netdev->netdev_ops = &xpo_owner_netdev_ops;
	netdev->ethtool_ops = &xpo_owner_ethtool_ops;
	eth_hw_addr_random(netdev);
	netif_carrier_off(netdev);

	p->att = xpo_attach(cage, lane, lanes, netdev, &xpo_owner_attach_ops,
			    p, &extack);
	if (IS_ERR(p->att)) {
		err = PTR_ERR(p->att);
		pr_err("%s: cannot attach to cage %u lanes %u-%u: %s (%d)\n",
		       name, nr, lane, lane + lanes - 1,
		       extack._msg ? extack._msg : "refused", err);
		xpo_owner_port_del(p, false);
		return err;
	}
	err = register_netdev(netdev);
	if (err) {
		xpo_owner_port_del(p, false);
		return err;
	}
	p->next = xpo_owner_ports;
	xpo_owner_ports = p;
	return 0;
}

static void xpo_owner_del_all(void)
{
	struct xpo_owner_port *p;

	while ((p = xpo_owner_ports)) {
		xpo_owner_ports = p->next;
		xpo_owner_port_del(p, true);
	}
}

/* Every port of cage @nr; Return: 0, -ENODEV if there is no such cage */
static int xpo_owner_cage(unsigned int nr)
{
	struct xpo_cage *cage = xpo_cage_get(board, nr);
	unsigned int index;
	u8 lane, lanes;
	int err = 0;

	if (!cage)
		return -ENODEV;
	for (index = 0; !err; index++) {
		err = xpo_cage_port_at(cage, index, &lane, &lanes);
		if (err == -ENOENT) {
			err = 0;
			break;
		}
		if (!err)
			err = xpo_owner_port_add(cage, nr, index, lane, lanes);
	}
	/* the attachments hold their own references */
	xpo_cage_put(cage);
	return err;
}

static int __init xpo_owner_init(void)
{
	unsigned int nr, found = 0;
	int err;

	for (nr = 0; nr < XPO_CAGES_PER_RU; nr++) {
		if (!(cages & BIT(nr)))
			continue;
		err = xpo_owner_cage(nr);
		if (err == -ENODEV)
			continue;
		if (err)
			goto err_unwind;
		found++;
	}
	if (!found) {
		pr_err("board %u has none of the cages 0x%x\n", board, cages);
		return -ENODEV;
	}
	return 0;

err_unwind:
	xpo_owner_del_all();
	return err;
}

static void __exit xpo_owner_exit(void)
{
	xpo_owner_del_all();
}

module_init(xpo_owner_init);
module_exit(xpo_owner_exit);
MODULE_DESCRIPTION("A port owner for the emulated XPO board: netdevs attached to the cage core's ports");
MODULE_LICENSE("GPL");
