// SPDX-License-Identifier: GPL-2.0
/*
 * devlink for the standalone port netdevs: one devlink instance per cage
 * (its device, platform/<cage device>), one devlink port per port netdev,
 * physical flavour, port number = the front-panel port, lanes, split and
 * splittable, as switch drivers set them (mlxsw's spectrum.c), so that
 * iproute2's `devlink port show` tells a NOS what it has and `devlink port
 * split` / `unsplit` break a front-panel port out the way port-split of
 * the xpo family does (xpo_breakout.c, which both end in).
 *
 * The devlink port index is the port's first host lane (0-63) plus 64
 * times its split level (0 whole, 1 for 4 lanes, 2 for 2, 3 for 1): whole
 * front-panel port n is index 8n whatever its neighbours are split into,
 * and the new ports of a split never take the index of the port they
 * replace, which stays registered until they are (a split port must be
 * unsplit before it is split again, so a panel's lane count always
 * changes).
 *
 * Locking: devlink calls the split callbacks with the instance lock held
 * (devl_lock); registering and unregistering devlink ports needs it too.
 * So the instance lock comes first: devl_lock, then RTNL, then the cage's
 * locks.  The xpo family's port-split takes it before the breakout lock,
 * as devlink does (xpo_breakout.c).
 */
#include <linux/log2.h>
#include <linux/netdevice.h>
#include <net/devlink.h>

#include "xpo_compat.h"
#include "xpo_core.h"
#include "xpo_port.h"

struct xpo_devlink {
	struct xpo_cage *cage;
};

static struct xpo_cage *xpo_devlink_cage(struct devlink *devlink)
{
	return ((struct xpo_devlink *)devlink_priv(devlink))->cage;
}

static int xpo_devlink_port_split(struct devlink *devlink,
				  struct devlink_port *dl, unsigned int count,
				  struct netlink_ext_ack *extack)
{
	struct xpo_port *port = container_of(dl, struct xpo_port, dl);

	return __xpo_cage_port_split(xpo_devlink_cage(devlink),
				     port->lane / CMIS_LANES_PER_BANK, NULL,
				     count, false, NULL, extack);
}

static int xpo_devlink_port_unsplit(struct devlink *devlink,
				    struct devlink_port *dl,
				    struct netlink_ext_ack *extack)
{
	struct xpo_port *port = container_of(dl, struct xpo_port, dl);

	return __xpo_cage_port_unsplit(xpo_devlink_cage(devlink),
				       port->lane / CMIS_LANES_PER_BANK, false,
				       NULL, extack);
}

#if XPO_DEVLINK_SPLIT_PER_PORT
static const struct devlink_port_ops xpo_devlink_port_ops = {
	.port_split	= xpo_devlink_port_split,
	.port_unsplit	= xpo_devlink_port_unsplit,
};

static const struct devlink_ops xpo_devlink_ops = {
};

#define XPO_DEVLINK_PORT_OPS	(&xpo_devlink_port_ops)
#else
static const struct devlink_ops xpo_devlink_ops = {
	.port_split	= xpo_devlink_port_split,
	.port_unsplit	= xpo_devlink_port_unsplit,
};

#define XPO_DEVLINK_PORT_OPS	NULL
#endif

static unsigned int xpo_devlink_port_index(const struct xpo_port *port)
{
	return port->lane + XPO_LANES * ilog2(CMIS_LANES_PER_BANK / port->lanes);
}

/**
 * xpo_devlink_create() - the cage's devlink instance
 * @cage: the cage, probing
 *
 * Return: 0 or -ENOMEM.  xpo_devlink_destroy() undoes it.
 */
int xpo_devlink_create(struct xpo_cage *cage)
{
	struct devlink *devlink;

	devlink = devlink_alloc(&xpo_devlink_ops, sizeof(struct xpo_devlink),
				cage->dev);
	if (!devlink)
		return -ENOMEM;
	((struct xpo_devlink *)devlink_priv(devlink))->cage = cage;
	devlink_register(devlink);
	cage->devlink = devlink;
	return 0;
}

void xpo_devlink_destroy(struct xpo_cage *cage)
{
	devlink_unregister(cage->devlink);
	devlink_free(cage->devlink);
	cage->devlink = NULL;
}

/**
 * xpo_devlink_port_add() - register the devlink port of a port netdev
 * @cage: its cage, the instance lock held
 * @port: the port, its netdev not registered yet
 *
 * Return: 0 or an error of devlink's.
 */
int xpo_devlink_port_add(struct xpo_cage *cage, struct xpo_port *port)
{
	struct devlink_port_attrs attrs = {
		.flavour = DEVLINK_PORT_FLAVOUR_PHYSICAL,
		.phys.port_number = port->lane / CMIS_LANES_PER_BANK,
		.lanes = port->lanes,
	};
	int err;

	devl_assert_locked(cage->devlink);
	if (port->lanes < CMIS_LANES_PER_BANK) {
		attrs.split = 1;
		attrs.phys.split_subport_number =
			port->lane % CMIS_LANES_PER_BANK / port->lanes;
	} else {
		/* a whole front-panel port of 8 lanes splits 2, 4 or 8 ways */
		attrs.splittable = 1;
	}
	memset(&port->dl, 0, sizeof(port->dl));
	devlink_port_attrs_set(&port->dl, &attrs);
	err = xpo_devl_port_register(cage->devlink, &port->dl,
				     xpo_devlink_port_index(port),
				     XPO_DEVLINK_PORT_OPS);
	if (err)
		return err;
	port->dl_registered = true;
	XPO_NETDEV_SET_DEVLINK_PORT(port->netdev, &port->dl);
	return 0;
}

/* The port's netdev is registered: on 6.1, tell its devlink port */
void xpo_devlink_port_netdev(struct xpo_port *port)
{
	if (port->dl_registered)
		xpo_devlink_port_type_eth_set(&port->dl, port->netdev);
}

/**
 * xpo_devlink_port_del() - unregister the devlink port of a port
 * @cage: its cage, the instance lock held
 * @port: the port, its netdev unregistered (or never registered)
 */
void xpo_devlink_port_del(struct xpo_cage *cage, struct xpo_port *port)
{
	devl_assert_locked(cage->devlink);
	if (!port->dl_registered)
		return;
	devlink_port_type_clear(&port->dl);
	devl_port_unregister(&port->dl);
	port->dl_registered = false;
}

/* 6.1: the netdev's devlink port, for its physical port name */
struct devlink_port *xpo_devlink_port_of(struct net_device *netdev)
{
	struct xpo_port *port = netdev_priv(netdev);

	return port->dl_registered ? &port->dl : NULL;
}
