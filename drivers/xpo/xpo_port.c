// SPDX-License-Identifier: GPL-2.0
/*
 * Port netdevs.  Every cage has one netdev per port of its breakout, named
 * xpo<cage>p<port>, created when the cage probes and present whether or not
 * a module is seated, as switch ports are.  Their parent is the cage
 * device.  They carry no traffic (netdevsim's netdevs are the model):
 * transmitted packets are dropped and counted.  They are the handle for
 * the ethtool module interface (xpo_ethtool.c), and their carrier follows
 * the data path of their lanes (xpo_lanes.c).
 *
 * Locking: ndo_open/ndo_stop run with RTNL held and take the cage's locks
 * inside (xpo_cage_port_set_up()); carrier changes come from the state
 * machine with sm_lock held, and netif_carrier_on/off() need no RTNL.
 * Nothing here takes RTNL under a cage lock.
 */
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/kref.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/netlink.h>
#include <linux/skbuff.h>
#include <linux/string.h>

#include "xpo_compat.h"
#include "xpo_core.h"
#include "xpo_port.h"

static netdev_tx_t xpo_port_xmit(struct sk_buff *skb, struct net_device *dev)
{
	DEV_STATS_INC(dev, tx_dropped);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

/**
 * xpo_ports_flashing() - is a port of the cage flashing its module?
 * @cage: the cage
 * @except: a port not to count, or NULL
 *
 * True from the kernel's firmware flash request (which sets the port's
 * module_fw_flash_in_progress under RTNL) until its flash work ends.
 * Always false before 6.11, which has no module flashing.
 */
bool xpo_ports_flashing(struct xpo_cage *cage, const struct xpo_port *except)
{
	unsigned int i;

	for (i = 0; i < cage->num_ports; i++)
		if (cage->ports[i] != except &&
		    XPO_NETDEV_MODULE_FW_FLASHING(cage->ports[i]->netdev))
			return true;
	return false;
}

static int xpo_port_open(struct net_device *dev)
{
	struct xpo_port *port = netdev_priv(dev);

	/*
	 * The kernel refuses to open the port it flashes through; the other
	 * ports of the cage share the module.  Both the flash request and
	 * this run under RTNL, so the check cannot race with a new request.
	 */
	struct netlink_ext_ack extack = {};
	const char *why;
	int err;

	if (xpo_ports_flashing(port->cage, port)) {
		netdev_err(dev, "cannot open: the module of cage %u is being flashed\n",
			   port->cage->nr);
		return -EBUSY;
	}
	/* the core refuses while someone else holds the module */
	err = xpo_cage_port_set_up(port->cage, port->index, true, &extack);
	if (err) {
		why = extack._msg ? extack._msg : "refused";
		why += str_has_prefix(why, KBUILD_MODNAME ": ");
		netdev_err(dev, "cannot open: %s\n", why);
	}
	return err;
}

static int xpo_port_stop(struct net_device *dev)
{
	struct xpo_port *port = netdev_priv(dev);

	/* going down is never refused */
	xpo_cage_port_set_up(port->cage, port->index, false, NULL);
	return 0;
}

static const struct net_device_ops xpo_port_netdev_ops = {
	.ndo_open		= xpo_port_open,
	.ndo_stop		= xpo_port_stop,
	.ndo_start_xmit		= xpo_port_xmit,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_set_mac_address	= eth_mac_addr,
};

/**
 * xpo_ports_set_carrier() - set the carrier of a cage's ports
 * @cage: the cage, sm_lock held
 * @carrier: bit p set: port p has carrier
 */
void xpo_ports_set_carrier(struct xpo_cage *cage, u8 carrier)
{
	unsigned long changed = carrier ^ cage->carrier;
	unsigned int p;

	lockdep_assert_held(&cage->sm_lock);
	for_each_set_bit(p, &changed, cage->num_ports) {
		if (carrier & BIT(p))
			netif_carrier_on(cage->ports[p]->netdev);
		else
			netif_carrier_off(cage->ports[p]->netdev);
	}
	cage->carrier = carrier;
}

static struct net_device *xpo_port_alloc(struct xpo_cage *cage,
					 unsigned int index)
{
	struct net_device *netdev;
	char name[IFNAMSIZ];
	struct xpo_port *port;

	/*
	 * Board 0 keeps the short name.  Boards and cages are at most 255
	 * (xpo_cage_read_name()), so "xpob255c255p63" is the longest: it fits.
	 */
	if (cage->board_nr)
		snprintf(name, sizeof(name), "xpob%uc%up%u",
			 (u8)cage->board_nr, (u8)cage->nr, (u8)index);
	else
		snprintf(name, sizeof(name), "xpo%up%u", cage->nr, index);
	netdev = alloc_netdev(sizeof(*port), name, NET_NAME_PREDICTABLE,
			      ether_setup);
	if (!netdev)
		return NULL;

	port = netdev_priv(netdev);
	port->netdev = netdev;
	port->cage = cage;
	port->index = index;
	kref_get(&cage->ref);

	SET_NETDEV_DEV(netdev, cage->dev);
	netdev->netdev_ops = &xpo_port_netdev_ops;
	netdev->ethtool_ops = &xpo_ethtool_ops;
	netdev->dev_port = index;
	netdev->min_mtu = ETH_MIN_MTU;
	netdev->max_mtu = XPO_PORT_MAX_MTU;
	eth_hw_addr_random(netdev);
	netif_carrier_off(netdev);
	return netdev;
}

static void xpo_port_free(struct xpo_port *port)
{
	struct xpo_cage *cage = port->cage;

	free_netdev(port->netdev);
	xpo_cage_put(cage);
}

/* Unregister the registered ports of a cage and free them all. */
static void xpo_ports_remove(struct xpo_cage *cage)
{
	struct xpo_port *ports[XPO_PORTS_MAX];
	unsigned int i, num = cage->num_ports;
	LIST_HEAD(list);

	/* the flash work, if any, fails its accesses from now on */
	mutex_lock(&cage->io_lock);
	cage->detaching = true;
	mutex_unlock(&cage->io_lock);

	rtnl_lock();
	for (i = 0; i < num; i++)
		if (cage->ports[i]->netdev->reg_state == NETREG_REGISTERED)
			unregister_netdevice_queue(cage->ports[i]->netdev,
						   &list);
	unregister_netdevice_many(&list);
	rtnl_unlock();		/* and waits until nobody holds them */

	/* no open, stop, carrier change or ethtool call can come now */
	mutex_lock(&cage->sm_lock);
	mutex_lock(&cage->io_lock);
	for (i = 0; i < num; i++) {
		ports[i] = cage->ports[i];
		cage->ports[i] = NULL;
	}
	cage->num_ports = 0;
	/* a lease may name a port (the flash work's): it ends with them */
	xpo_guard_drop(cage);
	mutex_unlock(&cage->io_lock);
	mutex_unlock(&cage->sm_lock);

	for (i = 0; i < num; i++)
		xpo_port_free(ports[i]);
}

/**
 * xpo_ports_create() - create a cage's port netdevs, not registered yet
 * @cage: the cage, before its state machine starts (it drives their
 *	carrier, which a netdev keeps before its registration)
 * @num: number of ports, at most XPO_PORTS_MAX
 *
 * Return: 0 or an error, with nothing left behind.  xpo_ports_register()
 * makes them visible; xpo_ports_destroy() undoes both.
 */
int xpo_ports_create(struct xpo_cage *cage, unsigned int num)
{
	struct net_device *netdev;
	unsigned int n;

	if (num > XPO_PORTS_MAX)
		return -EINVAL;
	for (n = 0; n < num; n++) {
		netdev = xpo_port_alloc(cage, n);
		if (!netdev)
			goto err_alloc;
		cage->ports[n] = netdev_priv(netdev);
	}
	cage->num_ports = num;
	return 0;

err_alloc:
	while (n--) {
		xpo_port_free(cage->ports[n]);
		cage->ports[n] = NULL;
	}
	return -ENOMEM;
}

/**
 * xpo_ports_register() - register a cage's port netdevs
 * @cage: the cage, its ports created
 *
 * All of them under one RTNL section.  Takes RTNL.  Return: 0, or an error
 * with none of them registered (xpo_ports_destroy() frees them).
 */
int xpo_ports_register(struct xpo_cage *cage)
{
	LIST_HEAD(list);
	unsigned int i;
	int err = 0;

	rtnl_lock();
	for (i = 0; i < cage->num_ports; i++) {
		err = register_netdevice(cage->ports[i]->netdev);
		if (err) {
			dev_err(cage->dev, "cannot register %s: %d\n",
				cage->ports[i]->netdev->name, err);
			break;
		}
	}
	if (err) {
		while (i--)
			unregister_netdevice_queue(cage->ports[i]->netdev,
						   &list);
		unregister_netdevice_many(&list);
	}
	rtnl_unlock();
	return err;
}

/**
 * xpo_ports_destroy() - unregister and free a cage's port netdevs
 * @cage: the cage, its state machine stopped
 *
 * Takes RTNL; waits until the netdevs are no longer used (a module flash
 * work in progress fails its next access and lets go).
 */
void xpo_ports_destroy(struct xpo_cage *cage)
{
	xpo_ports_remove(cage);
}
