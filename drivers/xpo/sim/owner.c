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
 * sw<cage>p<panel> for a whole front-panel port and sw<cage>p<panel>s<n>
 * for subport n of a split one (swb<board>c<cage>... off board 0).  Its
 * debugfs file "breakout" changes a front-panel port's breakout as a switch
 * driver's devlink port split would: "CAGE PANEL COUNT" (COUNT 1 makes it
 * whole); an admin's port-split of one front-panel port through the core
 * reaches it as the same change (struct xpo_attach_ops split; not with
 * admin_split=0).  See Documentation/xpo_sim.rst, "A port owner".
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bits.h>
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "xpo_attach.h"
#include "xpo_compat.h"
#include "xpo_model.h"

static unsigned int board;
module_param(board, uint, 0444);
MODULE_PARM_DESC(board, "The board whose cages to own (default 0)");

static unsigned int cages = GENMASK(XPO_CAGES_PER_RU - 1, 0);
module_param(cages, uint, 0444);
MODULE_PARM_DESC(cages, "Bitmask of the cages to own (default 0xffff)");

static bool admin_split = true;
module_param(admin_split, bool, 0444);
MODULE_PARM_DESC(admin_split, "Make an admin's port-split through the core (default 1; 0: the core refuses it)");

/* One port: the netdev's private part */
struct xpo_owner_port {
	struct net_device *netdev;
	struct xpo_attach *att;
	unsigned int nr;		/* its cage */
	u8 lane;			/* its first host lane */
	struct xpo_owner_port *next;	/* the module's list, newest first */
};

/* The ports; changed by init, exit and breakout writes, under the mutex */
static DEFINE_MUTEX(xpo_owner_lock);
static struct xpo_owner_port *xpo_owner_ports;
static struct dentry *xpo_owner_debugfs;

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

static int xpo_owner_split(struct xpo_attach *att, unsigned int count,
			   struct netlink_ext_ack *extack);

static const struct xpo_attach_ops xpo_owner_attach_ops = {
	.carrier	= xpo_owner_carrier,
	.removed	= xpo_owner_removed,
	.split		= xpo_owner_split,
	.owner		= THIS_MODULE,
};

/* An owner that takes no admin split through the core, to test the refusal */
static const struct xpo_attach_ops xpo_owner_attach_ops_nosplit = {
	.carrier	= xpo_owner_carrier,
	.removed	= xpo_owner_removed,
	.owner		= THIS_MODULE,
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

/* "p2" for front-panel port 2 whole, "p2s1" for its second subport */
static void xpo_owner_name(char *buf, size_t len, unsigned int nr, u8 lane,
			   u8 lanes)
{
	/* one digit each: lanes are 0-63, subports of 1 lane or more */
	u8 panel = (lane / 8) & 7, sub = (lanes < 8 ? lane % 8 / lanes : 0) & 7;
	char label[6];

	if (lanes < 8)
		snprintf(label, sizeof(label), "p%us%u", panel, sub);
	else
		snprintf(label, sizeof(label), "p%u", panel);
	/* at most 255 boards and cages: "swb255c255p7s7" fits */
	if (board)
		snprintf(buf, len, "swb%uc%u%s", (u8)board, (u8)nr, label);
	else
		snprintf(buf, len, "sw%u%s", (u8)nr, label);
}

/* The port at @lane of @cage: a netdev, attached, registered; the mutex */
static int xpo_owner_port_add(struct xpo_cage *cage, unsigned int nr,
			      u8 lane, u8 lanes)
{
	struct netlink_ext_ack extack = {};
	struct xpo_owner_port *p;
	struct net_device *netdev;
	char name[IFNAMSIZ];
	int err;

	xpo_owner_name(name, sizeof(name), nr, lane, lanes);
	netdev = alloc_netdev(sizeof(*p), name, NET_NAME_PREDICTABLE,
			      ether_setup);
	if (!netdev)
		return -ENOMEM;
	p = netdev_priv(netdev);
	p->netdev = netdev;
	p->nr = nr;
	p->lane = lane;
	netdev->netdev_ops = &xpo_owner_netdev_ops;
	netdev->ethtool_ops = &xpo_owner_ethtool_ops;
	eth_hw_addr_random(netdev);
	netif_carrier_off(netdev);

	p->att = xpo_attach(cage, lane, lanes, netdev,
			    admin_split ? &xpo_owner_attach_ops :
					  &xpo_owner_attach_ops_nosplit,
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

/*
 * The ports of @cage (number @nr) in the front-panel ports of @panels, as
 * its breakout has them now.  The mutex held.  Return: 0 or an error, with
 * the ports made so far kept.
 */
static int xpo_owner_ports_add(struct xpo_cage *cage, unsigned int nr,
			       u8 panels)
{
	unsigned int index;
	u8 lane, lanes;
	int err = 0;

	for (index = 0; !err; index++) {
		err = xpo_cage_port_at(cage, index, &lane, &lanes);
		if (err == -ENOENT)
			return 0;
		if (!err && (panels & BIT(lane / 8)))
			err = xpo_owner_port_add(cage, nr, lane, lanes);
	}
	return err;
}

/* Every port of cage @nr; Return: 0, -ENODEV if there is no such cage */
static int xpo_owner_cage(unsigned int nr)
{
	struct xpo_cage *cage = xpo_cage_get(board, nr);
	int err;

	if (!cage)
		return -ENODEV;
	err = xpo_owner_ports_add(cage, nr, 0xff);
	/* the attachments hold their own references */
	xpo_cage_put(cage);
	return err;
}

/* Take away the ports of front-panel port @panel of cage @nr; the mutex */
static void xpo_owner_panel_del(unsigned int nr, unsigned int panel)
{
	struct xpo_owner_port **pp = &xpo_owner_ports, *p;

	while ((p = *pp)) {
		if (p->nr == nr && p->lane / 8 == panel) {
			*pp = p->next;
			xpo_owner_port_del(p, true);
		} else {
			pp = &p->next;
		}
	}
}

/*
 * Front-panel port @panel of cage @nr into @count ports, as a switch
 * driver's devlink port split would: check with a dry run, take the
 * front-panel port's netdevs away, change the breakout, and make netdevs
 * for the ports it now has: the new ones, or the old ones again when the
 * change failed.  The mutex held.
 */
static int xpo_owner_breakout(unsigned int nr, unsigned int panel,
			      unsigned int count,
			      struct netlink_ext_ack *extack)
{
	struct xpo_cage *cage = xpo_cage_get(board, nr);
	int err, err2;

	if (!cage)
		return -ENODEV;
	err = xpo_cage_breakout(cage, panel, count, true, extack);
	if (!err) {
		xpo_owner_panel_del(nr, panel);
		err = xpo_cage_breakout(cage, panel, count, false, extack);
		/* the breakout, changed or not, gets its netdevs */
		err2 = xpo_owner_ports_add(cage, nr, BIT(panel));
		if (!err)
			err = err2;
	}
	xpo_cage_put(cage);
	return err;
}

/*
 * An admin's split through the core (xpoctl port split, the xpo family's
 * port-split): the same change.  @att is only compared with the ports
 * under the mutex: a breakout write may have replaced it meanwhile.
 */
static int xpo_owner_split(struct xpo_attach *att, unsigned int count,
			   struct netlink_ext_ack *extack)
{
	struct xpo_owner_port *p;
	int err = -EAGAIN;

	mutex_lock(&xpo_owner_lock);
	for (p = xpo_owner_ports; p; p = p->next)
		if (p->att == att)
			break;
	if (p)
		err = xpo_owner_breakout(p->nr, p->lane / 8, count, extack);
	else
		NL_SET_ERR_MSG_MOD(extack,
				   "The port changed meanwhile: try again");
	mutex_unlock(&xpo_owner_lock);
	return err;
}

/* "CAGE PANEL COUNT" (COUNT 1 makes it whole): xpo_owner_breakout() */
static ssize_t xpo_owner_breakout_write(struct file *file,
					const char __user *ubuf, size_t len,
					loff_t *ppos)
{
	struct netlink_ext_ack extack = {};
	unsigned int nr, panel, count;
	char buf[32];
	int err;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	if (sscanf(buf, "%u %u %u", &nr, &panel, &count) != 3 || panel >= 8)
		return -EINVAL;

	mutex_lock(&xpo_owner_lock);
	err = xpo_owner_breakout(nr, panel, count, &extack);
	mutex_unlock(&xpo_owner_lock);
	if (err)
		pr_err("cage %u port %u into %u: %s (%d)\n", nr, panel, count,
		       extack._msg ? extack._msg : "failed", err);
	return err ? err : len;
}

static const struct file_operations xpo_owner_breakout_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = xpo_owner_breakout_write,
	.llseek = noop_llseek,
};

static int __init xpo_owner_init(void)
{
	unsigned int nr, found = 0;
	int err;

	mutex_lock(&xpo_owner_lock);
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
	mutex_unlock(&xpo_owner_lock);
	if (!found) {
		pr_err("board %u has none of the cages 0x%x\n", board, cages);
		return -ENODEV;
	}
	xpo_owner_debugfs = debugfs_create_dir(KBUILD_MODNAME, NULL);
	debugfs_create_file("breakout", 0200, xpo_owner_debugfs, NULL,
			    &xpo_owner_breakout_fops);
	return 0;

err_unwind:
	xpo_owner_del_all();
	mutex_unlock(&xpo_owner_lock);
	return err;
}

static void __exit xpo_owner_exit(void)
{
	/* no breakout write runs once the file is gone */
	debugfs_remove_recursive(xpo_owner_debugfs);
	mutex_lock(&xpo_owner_lock);
	xpo_owner_del_all();
	mutex_unlock(&xpo_owner_lock);
}

module_init(xpo_owner_init);
module_exit(xpo_owner_exit);
MODULE_DESCRIPTION("A port owner for the emulated XPO board: netdevs attached to the cage core's ports");
MODULE_LICENSE("GPL");
