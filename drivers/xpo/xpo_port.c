// SPDX-License-Identifier: GPL-2.0
/*
 * Standalone port netdevs, for boards with no switch driver to own the
 * ports (and the emulator).  Every cage has one netdev per port of its
 * breakout, named xpo<cage>p<panel> for a whole front-panel port and
 * xpo<cage>p<panel>s<n> for subport n of a split one, created when the
 * cage probes (and when its breakout changes, xpo_ports_relayout()) and
 * present whether or not a module is seated, as switch ports are.  Their
 * parent is the cage device.  They carry no traffic (netdevsim's netdevs
 * are the model): transmitted packets are dropped and counted.
 *
 * Each is a port owner like a switch driver's netdev (xpo_attach.h): it
 * opens and stops its port, reaches the module (xpo_ethtool.c) and gets
 * its carrier (the data path of its lanes) through its attachment.  What
 * is the core's own is the breakout's swap of old ports for new ones, which
 * changes the layout and the attachments in one locked section.  Cages
 * whose board gives the ports to a switch driver ("xpo,external-ports")
 * have none of these.
 *
 * Locking: ndo_open/ndo_stop run with RTNL held and take the cage's locks
 * inside (xpo_attach_open()); carrier changes come from the state machine
 * with sm_lock held, and netif_carrier_on/off() need no RTNL.  Nothing here
 * takes RTNL under a cage lock.
 */
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/kref.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/netlink.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <net/devlink.h>
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

static int xpo_port_open(struct net_device *dev)
{
	struct xpo_port *port = netdev_priv(dev);
	struct netlink_ext_ack extack = {};
	const char *why;
	int err;

	/* refused while the module is flashed or held by someone else */
	err = xpo_attach_open(port->att, &extack);
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
	xpo_attach_stop(port->att);
	return 0;
}

static const struct net_device_ops xpo_port_netdev_ops = {
	.ndo_open		= xpo_port_open,
	.ndo_stop		= xpo_port_stop,
	.ndo_start_xmit		= xpo_port_xmit,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_set_mac_address	= eth_mac_addr,
	XPO_NDO_GET_DEVLINK_PORT(xpo_devlink_port_of)
};

/* The data path of the port's lanes: sm_lock held, no RTNL needed */
static void xpo_port_carrier(struct xpo_attach *att, bool on)
{
	struct xpo_port *port = xpo_attach_priv(att);

	if (on)
		netif_carrier_on(port->netdev);
	else
		netif_carrier_off(port->netdev);
}

static const struct xpo_attach_ops xpo_port_attach_ops = {
	.carrier = xpo_port_carrier,
};

/**
 * xpo_port_label() - a port's name within its cage: "2" for front-panel
 *	port 2 whole, "2s1" for its second subport
 * @buf: where to write it
 * @len: its size
 * @lane: the port's first host lane
 * @lanes: its lane count
 *
 * Return: the length written.
 */
int xpo_port_label(char *buf, size_t len, u8 lane, u8 lanes)
{
	unsigned int panel = lane / CMIS_LANES_PER_BANK;

	if (lanes >= CMIS_LANES_PER_BANK || !lanes)
		return scnprintf(buf, len, "%u", panel);
	return scnprintf(buf, len, "%us%u", panel,
			 lane % CMIS_LANES_PER_BANK / lanes);
}

/**
 * xpo_port_name() - the netdev name of a port
 * @cage: its cage
 * @lane: its first host lane
 * @lanes: its lane count
 * @buf: where to write it, IFNAMSIZ bytes
 * @len: size of @buf
 *
 * Board 0 keeps the short name.  Boards and cages are at most 255
 * (xpo_cage_read_name()), so "xpob255c255p7s7" is the longest: it fits.
 */
void xpo_port_name(const struct xpo_cage *cage, u8 lane, u8 lanes,
		   char *buf, size_t len)
{
	char label[8];

	xpo_port_label(label, sizeof(label), lane, lanes);
	if (cage->board_nr)
		snprintf(buf, len, "xpob%uc%up%s", (u8)cage->board_nr,
			 (u8)cage->nr, label);
	else
		snprintf(buf, len, "xpo%up%s", (u8)cage->nr, label);
}

static struct net_device *xpo_port_alloc(struct xpo_cage *cage,
					 const struct xpo_app_port *lp)
{
	struct net_device *netdev;
	char name[IFNAMSIZ];
	struct xpo_port *port;

	xpo_port_name(cage, lp->first_lane, lp->lanes, name, sizeof(name));
	netdev = alloc_netdev(sizeof(*port), name, NET_NAME_PREDICTABLE,
			      ether_setup);
	if (!netdev)
		return NULL;

	port = netdev_priv(netdev);
	port->netdev = netdev;
	port->cage = cage;
	port->lane = lp->first_lane;
	port->lanes = lp->lanes;
	/* linked when registered; it holds the port's cage reference */
	port->att = xpo_attach_alloc(cage, port->lane, port->lanes, netdev,
				     &xpo_port_attach_ops, port);
	if (!port->att) {
		free_netdev(netdev);
		return NULL;
	}

	SET_NETDEV_DEV(netdev, cage->dev);
	netdev->netdev_ops = &xpo_port_netdev_ops;
	netdev->ethtool_ops = &xpo_ethtool_ops;
	/* the front-panel port, as the port's physical port name says */
	netdev->dev_port = lp->first_lane / CMIS_LANES_PER_BANK;
	netdev->min_mtu = ETH_MIN_MTU;
	netdev->max_mtu = XPO_PORT_MAX_MTU;
	eth_hw_addr_random(netdev);
	netif_carrier_off(netdev);
	return netdev;
}

/* Free an unlinked port: its attachment drops the cage reference last */
static void xpo_port_free(struct xpo_port *port)
{
	struct xpo_attach *att = port->att;

	free_netdev(port->netdev);
	xpo_attach_free(att);
}

/* Link or unlink the attachments of @n ports; sm_lock and io_lock held */
static void __xpo_ports_link(struct xpo_port **ports, unsigned int n,
			     bool link)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (link)
			__xpo_attach_link(ports[i]->att);
		else
			__xpo_attach_unlink(ports[i]->att);
}

/* Unregister the registered ports of a cage and free them all. */
static void xpo_ports_remove(struct xpo_cage *cage)
{
	unsigned int i, num = cage->num_ports;
	LIST_HEAD(list);

	/* the flash work, if any, fails its accesses from now on */
	mutex_lock(&cage->io_lock);
	cage->detaching = true;
	mutex_unlock(&cage->io_lock);

	devl_lock(cage->devlink);
	rtnl_lock();
	for (i = 0; i < num; i++)
		if (cage->ports[i]->netdev->reg_state == NETREG_REGISTERED)
			unregister_netdevice_queue(cage->ports[i]->netdev,
						   &list);
	unregister_netdevice_many(&list);
	rtnl_unlock();		/* and waits until nobody holds them */
	for (i = 0; i < num; i++)
		xpo_devlink_port_del(cage, cage->ports[i]);
	devl_unlock(cage->devlink);

	/* no open, stop, carrier change or ethtool call can come now */
	mutex_lock(&cage->sm_lock);
	mutex_lock(&cage->io_lock);
	__xpo_ports_link(cage->ports, num, false);
	cage->num_ports = 0;
	/* a lease may name a port (the flash work's): it ends with them */
	xpo_guard_drop(cage);
	mutex_unlock(&cage->io_lock);
	mutex_unlock(&cage->sm_lock);

	/* nobody looks past num_ports */
	for (i = 0; i < num; i++) {
		xpo_port_free(cage->ports[i]);
		cage->ports[i] = NULL;
	}
}

/**
 * xpo_ports_create() - create a cage's port netdevs, not registered yet
 * @cage: the cage, its layout set, before its state machine starts (it
 *	drives their carrier, which a netdev keeps before its registration)
 *
 * Return: 0 or an error, with nothing left behind.  xpo_ports_register()
 * makes them visible; xpo_ports_destroy() undoes both.
 */
int xpo_ports_create(struct xpo_cage *cage)
{
	unsigned int n, num = cage->layout.num_ports;
	struct net_device *netdev;

	if (num > XPO_PORTS_MAX)
		return -EINVAL;
	for (n = 0; n < num; n++) {
		netdev = xpo_port_alloc(cage, &cage->layout.ports[n]);
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

/*
 * Register @n ports: their devlink ports, then their netdevs under one
 * RTNL section.  The cage's devlink instance lock held.  Return: 0, or an
 * error with none of them registered.
 */
static int xpo_ports_register_some(struct xpo_cage *cage,
				   struct xpo_port **ports, unsigned int n)
{
	unsigned int i, done = 0;
	LIST_HEAD(list);
	int err = 0;

	devl_assert_locked(cage->devlink);
	for (i = 0; i < n && !err; i++)
		err = xpo_devlink_port_add(cage, ports[i]);
	rtnl_lock();
	for (; !err && done < n; done++) {
		err = register_netdevice(ports[done]->netdev);
		if (err)
			break;
	}
	if (err) {
		for (i = 0; i < done; i++)
			unregister_netdevice_queue(ports[i]->netdev, &list);
		unregister_netdevice_many(&list);
	}
	rtnl_unlock();
	for (i = 0; i < n; i++) {
		if (err)
			xpo_devlink_port_del(cage, ports[i]);
		else
			xpo_devlink_port_netdev(ports[i]);
	}
	return err;
}

/* Undo xpo_ports_register_some(); the devlink instance lock held */
static void xpo_ports_unregister_some(struct xpo_cage *cage,
				      struct xpo_port **ports, unsigned int n)
{
	unsigned int i;
	LIST_HEAD(list);

	rtnl_lock();
	for (i = 0; i < n; i++)
		unregister_netdevice_queue(ports[i]->netdev, &list);
	unregister_netdevice_many(&list);
	rtnl_unlock();
	for (i = 0; i < n; i++)
		xpo_devlink_port_del(cage, ports[i]);
}

/**
 * xpo_ports_register() - register a cage's port netdevs
 * @cage: the cage, its ports created
 *
 * Their devlink ports, then all the netdevs under one RTNL section.
 * Takes the cage's devlink lock and RTNL.  Return: 0, or an error with
 * none of them registered (xpo_ports_destroy() frees them).
 */
int xpo_ports_register(struct xpo_cage *cage)
{
	int err;

	devl_lock(cage->devlink);
	err = xpo_ports_register_some(cage, cage->ports, cage->num_ports);
	devl_unlock(cage->devlink);
	if (err) {
		dev_err(cage->dev, "cannot register the port netdevs: %d\n",
			err);
		return err;
	}
	/* from here on they hear their carrier */
	mutex_lock(&cage->sm_lock);
	mutex_lock(&cage->io_lock);
	__xpo_ports_link(cage->ports, cage->num_ports, true);
	mutex_unlock(&cage->io_lock);
	mutex_unlock(&cage->sm_lock);
	return 0;
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

/* Is @lane in one of the front-panel ports of @panels? */
static bool xpo_ports_in(u8 panels, u8 lane)
{
	return panels & BIT(lane / CMIS_LANES_PER_BANK);
}

/*
 * The ports of @panels, all down, into @gone (*@n of them); RTNL held.
 * Return: 0, or -EBUSY naming one that is up.
 */
static int xpo_ports_check_down(struct xpo_cage *cage, u8 panels,
				struct xpo_port **gone, unsigned int *n,
				struct netlink_ext_ack *extack)
{
	unsigned int i;

	ASSERT_RTNL();
	*n = 0;
	for (i = 0; i < cage->num_ports; i++) {
		if (!xpo_ports_in(panels, cage->ports[i]->lane))
			continue;
		if (cage->ports[i]->netdev->flags & IFF_UP) {
			XPO_NL_SET_ERR_MSG_FMT(extack,
					       KBUILD_MODNAME
					       ": A port to replace is up: set it down first",
					       "%s is up: set it down first",
					       cage->ports[i]->netdev->name);
			return -EBUSY;
		}
		gone[(*n)++] = cage->ports[i];
	}
	return 0;
}

/*
 * The new layout of a cage whose ports a switch driver owns: its netdevs
 * are its own to replace, so the ports of @panels must have none attached
 * (the owner detaches them, xpo_cage_breakout()).  Devlink lock held.
 */
static int xpo_ports_relayout_owned(struct xpo_cage *cage,
				    const struct xpo_app_layout *layout,
				    u8 panels, struct netlink_ext_ack *extack)
{
	struct xpo_attach *att;
	int err = 0;

	mutex_lock(&cage->sm_lock);
	list_for_each_entry(att, &cage->attached, node) {
		if (!xpo_ports_in(panels, att->lane))
			continue;
		XPO_NL_SET_ERR_MSG_FMT(extack,
				       KBUILD_MODNAME
				       ": A port to replace is a switch driver's: change the breakout through it",
				       "%s is a switch driver's: change the breakout through it",
				       netdev_name(att->netdev));
		err = -EBUSY;
		break;
	}
	if (!err) {
		mutex_lock(&cage->io_lock);
		cage->layout = *layout;
		mutex_unlock(&cage->io_lock);
		xpo_lanes_relayout(cage, panels);
	}
	mutex_unlock(&cage->sm_lock);
	return err;
}

/**
 * xpo_ports_relayout() - replace the ports of some front-panel ports
 * @cage: the cage, running
 * @layout: the cage's new layout: its ports outside @panels are the ones
 *	the cage has now, unchanged
 * @panels: b<n>: front-panel port n gets new ports
 * @extack: the reason of a refusal
 *
 * The new netdevs (and their devlink ports) are registered before the old
 * ones go, so that a failure leaves the cage as it was (their names differ: a split port's
 * have a subport suffix, and splitting a split port again is refused
 * before this is called).  The old ports must be administratively down:
 * taking a port down under its user is not this call's business.  The
 * cage's devlink instance lock held; takes RTNL, then sm_lock and io_lock.
 *
 * Return: 0; -EBUSY if an old port is up; -ENOMEM or a registration error,
 * with nothing changed.
 */
int xpo_ports_relayout(struct xpo_cage *cage,
		       const struct xpo_app_layout *layout, u8 panels,
		       struct netlink_ext_ack *extack)
{
	struct xpo_port **fresh, **gone, **merged;
	unsigned int i, n_fresh = 0, n_gone = 0, n = 0;
	struct net_device *netdev;
	LIST_HEAD(list);
	int err = -ENOMEM;

	if (cage->external_ports)
		return xpo_ports_relayout_owned(cage, layout, panels, extack);
	fresh = kcalloc(XPO_PORTS_MAX * 3, sizeof(*fresh), GFP_KERNEL);
	if (!fresh)
		return -ENOMEM;
	gone = fresh + XPO_PORTS_MAX;
	merged = gone + XPO_PORTS_MAX;
	for (i = 0; i < layout->num_ports; i++) {
		if (!xpo_ports_in(panels, layout->ports[i].first_lane))
			continue;
		netdev = xpo_port_alloc(cage, &layout->ports[i]);
		if (!netdev)
			goto out_free;
		fresh[n_fresh++] = netdev_priv(netdev);
	}

	devl_assert_locked(cage->devlink);
	rtnl_lock();
	err = xpo_ports_check_down(cage, panels, gone, &n_gone, extack);
	rtnl_unlock();
	if (err)
		goto out_free;
	err = xpo_ports_register_some(cage, fresh, n_fresh);
	if (err) {
		NL_SET_ERR_MSG_MOD(extack, "Cannot register the new ports");
		goto out_free;
	}
	/* a port goes up under RTNL: from here on the old ones stay down */
	rtnl_lock();
	err = xpo_ports_check_down(cage, panels, gone, &n_gone, extack);
	if (err) {
		rtnl_unlock();
		xpo_ports_unregister_some(cage, fresh, n_fresh);
		goto out_free;
	}

	/* the new ports in lane order, the old ones of other panels kept */
	for (i = 0; i < layout->num_ports; i++) {
		u8 lane = layout->ports[i].first_lane;
		unsigned int j;

		for (j = 0; j < n_fresh; j++)
			if (fresh[j]->lane == lane)
				merged[n++] = fresh[j];
		for (j = 0; j < cage->num_ports; j++)
			if (cage->ports[j]->lane == lane &&
			    !xpo_ports_in(panels, lane))
				merged[n++] = cage->ports[j];
	}
	mutex_lock(&cage->sm_lock);
	mutex_lock(&cage->io_lock);
	__xpo_ports_link(gone, n_gone, false);
	memcpy(cage->ports, merged, n * sizeof(*merged));
	cage->num_ports = n;
	cage->layout = *layout;
	__xpo_ports_link(fresh, n_fresh, true);
	mutex_unlock(&cage->io_lock);
	xpo_lanes_relayout(cage, panels);
	mutex_unlock(&cage->sm_lock);

	for (i = 0; i < n_gone; i++)
		unregister_netdevice_queue(gone[i]->netdev, &list);
	unregister_netdevice_many(&list);
	rtnl_unlock();

	for (i = 0; i < n_gone; i++) {
		xpo_devlink_port_del(cage, gone[i]);
		xpo_port_free(gone[i]);
	}
	kfree(fresh);
	return 0;

out_free:
	for (i = 0; i < n_fresh; i++)
		xpo_port_free(fresh[i]);
	kfree(fresh);
	return err;
}
