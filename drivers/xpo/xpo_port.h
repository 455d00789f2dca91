/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Port netdevs: one per port of a cage's breakout, xpo<cage>p<panel> for a
 * whole front-panel port (bank <panel>, host lanes 8p..8p+7) and
 * xpo<cage>p<panel>s<n> for subport n of a split one.  See
 * Documentation/ethtool.rst and Documentation/ports.rst.
 */
#ifndef _XPO_PORT_H
#define _XPO_PORT_H

#include <linux/ethtool.h>
#include <linux/types.h>
#include <net/devlink.h>

struct net_device;
struct netlink_ext_ack;
struct xpo_app_layout;
struct xpo_attach;
struct xpo_cage;

/* Jumbo frames as switch ports take them; nothing is sent anyway */
#define XPO_PORT_MAX_MTU	9216

/**
 * struct xpo_port - the private part of a port netdev
 * @netdev: the netdev
 * @cage: its cage; the port holds a reference until the netdev is freed
 * @lane: the port's first host lane, 0-63: what the core knows it by
 * @lanes: how many host lanes it carries
 * @att: its attachment to the port (xpo_attach.h), linked while registered
 * @dl: its devlink port (xpo_devlink.c)
 * @dl_registered: @dl is registered, under the cage's devlink lock
 *
 * All constant from creation to destruction but @dl: a new breakout makes
 * new ports.
 */
struct xpo_port {
	struct net_device *netdev;
	struct xpo_cage *cage;
	u8 lane;
	u8 lanes;
	struct xpo_attach *att;
	struct devlink_port dl;
	bool dl_registered;
};

extern const struct ethtool_ops xpo_ethtool_ops;

/* xpo_port.c */
int xpo_ports_create(struct xpo_cage *cage);
int xpo_ports_register(struct xpo_cage *cage);
void xpo_ports_destroy(struct xpo_cage *cage);
int xpo_ports_relayout(struct xpo_cage *cage,
		       const struct xpo_app_layout *layout, u8 panels,
		       struct netlink_ext_ack *extack);
int xpo_port_label(char *buf, size_t len, u8 lane, u8 lanes);
void xpo_port_name(const struct xpo_cage *cage, u8 lane, u8 lanes,
		   char *buf, size_t len);

/* xpo_devlink.c */
int xpo_devlink_create(struct xpo_cage *cage);
void xpo_devlink_destroy(struct xpo_cage *cage);
int xpo_devlink_port_add(struct xpo_cage *cage, struct xpo_port *port);
void xpo_devlink_port_netdev(struct xpo_port *port);
void xpo_devlink_port_del(struct xpo_cage *cage, struct xpo_port *port);
struct devlink_port *xpo_devlink_port_of(struct net_device *netdev);

#endif /* _XPO_PORT_H */
