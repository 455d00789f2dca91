/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The port owner's API: what a driver that owns a cage's front-panel
 * netdevs (the switch ASIC's, on a real switch) uses to put them on the
 * cage's ports and to reach the module through the cage core, as mlxsw's
 * ports reach theirs through core_env.  The core knows ports by their host
 * lanes; it never creates, names or registers the owner's netdevs.  The
 * standalone port netdevs (xpo_port.c, where no ASIC driver exists, and
 * with the emulator) use this API and nothing else of the core's to do
 * so.  See Documentation/ports.rst, "Port owners".
 *
 * A port owner:
 *   1. finds the cage by its name (xpo_cage_get()) and the ports of its
 *      breakout (xpo_cage_port_at());
 *   2. attaches one netdev to each port (xpo_attach()), then registers it;
 *   3. calls xpo_attach_open() and xpo_attach_stop() from its ndo_open and
 *      ndo_stop, and the module operations below from its ethtool_ops;
 *   4. hears of its port's data path through @ops->carrier;
 *   5. unregisters its netdevs, then detaches them (xpo_detach()).
 *
 * To split a front-panel port (its devlink port split, say), the owner
 * checks with a dry run of xpo_cage_breakout(), unregisters and detaches
 * the netdevs of that front-panel port, changes the breakout, then
 * attaches new netdevs to the ports xpo_cage_port_at() now gives (or the
 * old ones again if the change failed: the breakout is then unchanged).
 * An admin's split of that front-panel port through the core reaches the
 * owner the same way, through @ops->split, if it has one.
 *
 * Cages whose board says "xpo,external-ports" get no standalone netdevs:
 * their ports wait for an owner.  A cage may go away under its owner (an
 * unbind, a board removed): @ops->removed says so, every call below then
 * fails with -ENODEV, and the owner still detaches.
 */
#ifndef _XPO_ATTACH_H
#define _XPO_ATTACH_H

#include <linux/types.h>

struct ethtool_eeprom;
struct ethtool_modinfo;
struct ethtool_module_eeprom;
struct ethtool_module_power_mode_params;
struct module;
struct net_device;
struct netlink_ext_ack;
struct xpo_attach;
struct xpo_cage;

/**
 * struct xpo_attach_ops - what the core tells a port owner
 * @carrier: the data path of the port's lanes is activated (@on), or no
 *	longer is.  Called with the cage's sm_lock held, from the state
 *	machine: it must not sleep on the cage (netif_carrier_on() and
 *	scheduling work are fine; no call of this API).
 * @removed: optional; the cage is going away.  Called once, with no cage
 *	lock held; the attachment stays valid until xpo_detach().
 * @split: optional; an admin asks the core (the xpo family's port-split
 *	or port-unsplit of one front-panel port, xpoctl port split) to make
 *	the front-panel port of @att @count ports (1: whole).  The core has
 *	checked it (a dry run); the owner makes the change as its own devlink
 *	port split would, through xpo_cage_breakout(), and returns its
 *	result (@extack for the admin).  Called with no lock of the core
 *	held (xpo_cage_breakout() takes the cage's devlink instance lock,
 *	then its breakout lock, RTNL and the cage locks), @owner pinned.
 *	@att is the attachment of a port of that front-panel port when the
 *	core looked: the owner may have detached it meanwhile, so it finds
 *	it under its own lock (it is only compared, never followed, until
 *	then).  Without @split such a change is refused with -EBUSY.
 * @owner: the module of the callbacks (THIS_MODULE)
 */
struct xpo_attach_ops {
	void (*carrier)(struct xpo_attach *att, bool on);
	void (*removed)(struct xpo_attach *att);
	int (*split)(struct xpo_attach *att, unsigned int count,
		     struct netlink_ext_ack *extack);
	struct module *owner;
};

struct xpo_cage *xpo_cage_get(u32 board, u32 nr);
void xpo_cage_put(struct xpo_cage *cage);
int xpo_cage_port_at(struct xpo_cage *cage, unsigned int index, u8 *lane,
		     u8 *lanes);

int xpo_cage_breakout(struct xpo_cage *cage, unsigned int panel,
		      unsigned int count, bool dry_run,
		      struct netlink_ext_ack *extack);

struct xpo_attach *xpo_attach(struct xpo_cage *cage, u8 lane, u8 lanes,
			      struct net_device *netdev,
			      const struct xpo_attach_ops *ops, void *priv,
			      struct netlink_ext_ack *extack);
void xpo_detach(struct xpo_attach *att);
void *xpo_attach_priv(const struct xpo_attach *att);

int xpo_attach_open(struct xpo_attach *att, struct netlink_ext_ack *extack);
void xpo_attach_stop(struct xpo_attach *att);

/* The module, for the owner's ethtool_ops (same arguments and returns) */
int xpo_attach_get_module_eeprom_by_page(struct xpo_attach *att,
					 const struct ethtool_module_eeprom *page,
					 struct netlink_ext_ack *extack);
int xpo_attach_set_module_eeprom_by_page(struct xpo_attach *att,
					 const struct ethtool_module_eeprom *page,
					 struct netlink_ext_ack *extack);
int xpo_attach_get_module_info(struct xpo_attach *att,
			       struct ethtool_modinfo *modinfo);
int xpo_attach_get_module_eeprom(struct xpo_attach *att,
				 struct ethtool_eeprom *ee, u8 *data);
int xpo_attach_get_module_power_mode(struct xpo_attach *att,
				     struct ethtool_module_power_mode_params *params,
				     struct netlink_ext_ack *extack);
int xpo_attach_set_module_power_mode(struct xpo_attach *att,
				     const struct ethtool_module_power_mode_params *params,
				     struct netlink_ext_ack *extack);
int xpo_attach_reset(struct xpo_attach *att, u32 *flags);

#endif /* _XPO_ATTACH_H */
