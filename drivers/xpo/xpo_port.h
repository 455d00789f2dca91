/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Port netdevs: xpo<cage>p<port>, one per port of a cage's breakout (port p
 * = bank p = host lanes 8p..8p+7).  See Documentation/ethtool.rst.
 */
#ifndef _XPO_PORT_H
#define _XPO_PORT_H

#include <linux/ethtool.h>
#include <linux/types.h>

struct net_device;
struct xpo_cage;

/* Jumbo frames as switch ports take them; nothing is sent anyway */
#define XPO_PORT_MAX_MTU	9216

/**
 * struct xpo_port - the private part of a port netdev
 * @netdev: the netdev
 * @cage: its cage; the port holds a reference until the netdev is freed
 * @index: port number in the cage, also the module bank carrying it
 *
 * All constant from creation to destruction.
 */
struct xpo_port {
	struct net_device *netdev;
	struct xpo_cage *cage;
	unsigned int index;
};

extern const struct ethtool_ops xpo_ethtool_ops;

/* xpo_port.c */
int xpo_ports_create(struct xpo_cage *cage, unsigned int num);
int xpo_ports_register(struct xpo_cage *cage);
void xpo_ports_destroy(struct xpo_cage *cage);
void xpo_ports_set_carrier(struct xpo_cage *cage, u8 carrier);
bool xpo_ports_flashing(struct xpo_cage *cage, const struct xpo_port *except);

#endif /* _XPO_PORT_H */
