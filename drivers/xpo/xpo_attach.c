// SPDX-License-Identifier: GPL-2.0
/*
 * Port owners: netdevs on a cage's ports.  The core keeps one attachment
 * per port at most, keyed by the port's first host lane, and tells its
 * owner of the port's carrier (the data path of its lanes, xpo_lanes.c)
 * and of the cage going away.  The module operations an owner calls are in
 * xpo_attach_module.c.  The API is xpo_attach.h; Documentation/ports.rst,
 * "Port owners", says how a switch driver uses it.
 *
 * Locking: @cage->attached changes with sm_lock and io_lock held (carrier
 * is dispatched under sm_lock, the module operations' guards look at the
 * attachments under io_lock).  xpo_attach() and xpo_detach() take both, and
 * RTNL never: an owner calls them before it registers its netdev and after
 * it unregisters it, with or without RTNL.
 */
#include <linux/ethtool.h>
#include <linux/export.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/slab.h>
#include <net/devlink.h>

#include "xpo_compat.h"
#include "xpo_core.h"

/**
 * xpo_cage_port_at() - a port of the cage's breakout
 * @cage: the cage
 * @index: the port's index, 0 for the port of the lowest host lane
 * @lane: its first host lane, if the port exists
 * @lanes: its lane count, if the port exists
 *
 * Return: 0, -ENOENT past the last port, -ENODEV once the cage is gone.
 */
int xpo_cage_port_at(struct xpo_cage *cage, unsigned int index, u8 *lane,
		     u8 *lanes)
{
	int err = 0;

	mutex_lock(&cage->sm_lock);
	if (cage->stopping) {
		err = -ENODEV;
	} else if (index >= cage->layout.num_ports) {
		err = -ENOENT;
	} else {
		*lane = cage->layout.ports[index].first_lane;
		*lanes = cage->layout.ports[index].lanes;
	}
	mutex_unlock(&cage->sm_lock);
	return err;
}
EXPORT_SYMBOL_GPL(xpo_cage_port_at);

/**
 * xpo_cage_breakout() - split a front-panel port, or make it whole again
 * @cage: the cage
 * @panel: the front-panel port, 0-7
 * @count: its ports: 1 (whole), 2, 4 or 8
 * @dry_run: check only
 * @extack: why not, naming what the module supports
 *
 * The checks of port-split and port-unsplit (``Documentation/ports.rst``):
 * the module's applications and the reach profile, the ports down, no
 * lease, and (but for a dry run) none of the front-panel port's ports
 * attached any more.  A split port is made whole before it is split
 * otherwise.  Takes the cage's devlink instance lock, which is not the
 * caller's own devlink instance's.
 *
 * Return: 0; -EINVAL for no such port or count; -EBUSY for an attached,
 * up or split port or a leased module; -EOPNOTSUPP for a breakout the
 * module cannot carry; -ENODEV for a cage going away.
 */
int xpo_cage_breakout(struct xpo_cage *cage, unsigned int panel,
		      unsigned int count, bool dry_run,
		      struct netlink_ext_ack *extack)
{
	int err;

	if (panel >= XPO_PANEL_PORTS) {
		NL_SET_ERR_MSG_MOD(extack, "No such front-panel port");
		return -EINVAL;
	}
	devl_lock(cage->devlink);
	if (count == 1)
		err = __xpo_cage_port_unsplit(cage, panel, dry_run, NULL,
					      extack);
	else
		err = __xpo_cage_port_split(cage, panel, NULL, count, dry_run,
					    NULL, extack);
	devl_unlock(cage->devlink);
	return err;
}
EXPORT_SYMBOL_GPL(xpo_cage_breakout);

/**
 * xpo_attach_split_owner() - the owner to hand an admin's breakout change
 *	of a front-panel port to
 * @cage: the cage, no lock held
 * @panel: the front-panel port
 * @att: filled in with the attachment of one of its ports (to be compared
 *	by the owner, not followed: see struct xpo_attach_ops)
 *
 * Return: the owner's callbacks, their module pinned (module_put() of
 * ->owner after ->split), or NULL if no owner with a ->split holds a port
 * of @panel on a cage whose ports a switch driver owns.
 */
const struct xpo_attach_ops *xpo_attach_split_owner(struct xpo_cage *cage,
						    unsigned int panel,
						    struct xpo_attach **att)
{
	const struct xpo_attach_ops *ops = NULL;
	struct xpo_attach *a;

	mutex_lock(&cage->sm_lock);
	list_for_each_entry(a, &cage->attached, node) {
		if (!cage->external_ports || cage->owners_told ||
		    a->lane / CMIS_LANES_PER_BANK != panel)
			continue;
		if (a->ops->split && try_module_get(a->ops->owner)) {
			ops = a->ops;
			*att = a;
		}
		break;
	}
	mutex_unlock(&cage->sm_lock);
	return ops;
}

/* A new attachment, not linked; it holds a reference on @cage */
struct xpo_attach *xpo_attach_alloc(struct xpo_cage *cage, u8 lane, u8 lanes,
				    struct net_device *netdev,
				    const struct xpo_attach_ops *ops,
				    void *priv)
{
	struct xpo_attach *att;

	att = kzalloc(sizeof(*att), GFP_KERNEL);
	if (!att)
		return NULL;
	att->cage = cage;
	att->netdev = netdev;
	att->ops = ops;
	att->priv = priv;
	att->lane = lane;
	att->lanes = lanes;
	INIT_LIST_HEAD(&att->node);
	kref_get(&cage->ref);
	return att;
}

/* Free an unlinked attachment and drop its cage reference */
void xpo_attach_free(struct xpo_attach *att)
{
	struct xpo_cage *cage = att->cage;

	WARN_ON_ONCE(att->linked);
	kfree(att);
	xpo_cage_put(cage);
}

/*
 * Link @att, its port checked; sm_lock and io_lock held.  Its owner hears
 * the port's carrier from here on, starting with the present one (the next
 * xpo_attach_set_carrier() reports changes only).
 */
void __xpo_attach_link(struct xpo_attach *att)
{
	struct xpo_cage *cage = att->cage;

	lockdep_assert_held(&cage->sm_lock);
	lockdep_assert_held(&cage->io_lock);
	list_add_tail(&att->node, &cage->attached);
	att->linked = true;
	att->ops->carrier(att, cage->carrier & BIT_ULL(att->lane));
}

/* Unlink @att; sm_lock and io_lock held.  No callback reaches it after. */
void __xpo_attach_unlink(struct xpo_attach *att)
{
	lockdep_assert_held(&att->cage->sm_lock);
	lockdep_assert_held(&att->cage->io_lock);
	if (!att->linked)
		return;
	list_del_init(&att->node);
	att->linked = false;
}

/* The attachment on the port at @lane; sm_lock or io_lock held */
static struct xpo_attach *xpo_attach_find(struct xpo_cage *cage, u8 lane)
{
	struct xpo_attach *att;

	list_for_each_entry(att, &cage->attached, node)
		if (att->lane == lane)
			return att;
	return NULL;
}

/**
 * xpo_attach_netdev_at() - the netdev on the port at @lane
 * @cage: the cage, sm_lock or io_lock held
 * @lane: the port's first host lane
 *
 * Return: the netdev, valid while the lock is held, or NULL.
 */
struct net_device *xpo_attach_netdev_at(struct xpo_cage *cage, u8 lane)
{
	struct xpo_attach *att = xpo_attach_find(cage, lane);

	return att ? att->netdev : NULL;
}

/* Is @lane..@lane+@lanes-1 a port of the cage's layout?  sm_lock held. */
static bool xpo_attach_is_port(struct xpo_cage *cage, u8 lane, u8 lanes)
{
	unsigned int i;

	for (i = 0; i < cage->layout.num_ports; i++)
		if (cage->layout.ports[i].first_lane == lane)
			return cage->layout.ports[i].lanes == lanes;
	return false;
}

/**
 * xpo_attach() - put a netdev on a port of a cage
 * @cage: the cage (the caller's reference; the attachment takes its own)
 * @lane: the port's first host lane, as xpo_cage_port_at() gives it
 * @lanes: its lane count
 * @netdev: the owner's netdev, allocated; registered after this returns
 * @ops: the owner's callbacks; @ops->carrier is required
 * @priv: the owner's, xpo_attach_priv() gives it back
 * @extack: why not
 *
 * @ops->carrier is called once before this returns, with the port's
 * carrier now.
 *
 * Return: the attachment, or ERR_PTR(): -EINVAL for lanes that are no
 * port of the cage's breakout, -EBUSY for a port with a netdev already
 * (the cage's standalone one, unless its board gives the ports to an
 * owner), -ENODEV for a cage going away, -ENOMEM.
 */
struct xpo_attach *xpo_attach(struct xpo_cage *cage, u8 lane, u8 lanes,
			      struct net_device *netdev,
			      const struct xpo_attach_ops *ops, void *priv,
			      struct netlink_ext_ack *extack)
{
	struct xpo_attach *att, *other;
	int err = 0;

	if (!netdev || !ops || !ops->carrier) {
		NL_SET_ERR_MSG_MOD(extack, "A port owner needs a netdev and a carrier callback");
		return ERR_PTR(-EINVAL);
	}
	att = xpo_attach_alloc(cage, lane, lanes, netdev, ops, priv);
	if (!att)
		return ERR_PTR(-ENOMEM);

	mutex_lock(&cage->sm_lock);
	if (cage->stopping) {
		NL_SET_ERR_MSG_MOD(extack, "The cage is being removed");
		err = -ENODEV;
		goto out;
	}
	if (!xpo_attach_is_port(cage, lane, lanes)) {
		XPO_NL_SET_ERR_MSG_FMT(extack,
				       KBUILD_MODNAME
				       ": No port of the cage's breakout has these lanes",
				       "No port of cage %u's breakout is %u lanes from lane %u",
				       cage->nr, lanes, lane);
		err = -EINVAL;
		goto out;
	}
	other = xpo_attach_find(cage, lane);
	if (other) {
		XPO_NL_SET_ERR_MSG_FMT(extack,
				       KBUILD_MODNAME
				       ": The port has a netdev already",
				       "The port has a netdev already: %s",
				       netdev_name(other->netdev));
		err = -EBUSY;
		goto out;
	}
	mutex_lock(&cage->io_lock);
	__xpo_attach_link(att);
	mutex_unlock(&cage->io_lock);
out:
	mutex_unlock(&cage->sm_lock);
	if (err) {
		xpo_attach_free(att);
		return ERR_PTR(err);
	}
	return att;
}
EXPORT_SYMBOL_GPL(xpo_attach);

/**
 * xpo_detach() - take a netdev off its port
 * @att: the attachment; freed
 *
 * After its owner unregistered the netdev (or before it registered it).
 * An open port is stopped first; a module lease in the netdev's name (the
 * kernel's flash work through it) ends.  Never fails, also on a cage that
 * went away.
 */
void xpo_detach(struct xpo_attach *att)
{
	struct xpo_cage *cage = att->cage;

	if (att->up)
		xpo_attach_stop(att);
	mutex_lock(&cage->sm_lock);
	mutex_lock(&cage->io_lock);
	__xpo_attach_unlink(att);
	mutex_unlock(&cage->io_lock);
	mutex_unlock(&cage->sm_lock);
	xpo_cage_lease_release(cage, att);
	xpo_attach_free(att);
}
EXPORT_SYMBOL_GPL(xpo_detach);

void *xpo_attach_priv(const struct xpo_attach *att)
{
	return att->priv;
}
EXPORT_SYMBOL_GPL(xpo_attach_priv);

/**
 * xpo_attach_flashing() - is the kernel flashing the module through a port?
 * @cage: the cage, sm_lock or io_lock held
 * @except: a port not to count, or NULL
 *
 * True from the kernel's firmware flash request (which sets the netdev's
 * module_fw_flash_in_progress under RTNL) until its flash work ends.
 * Always false before 6.11, which has no module flashing.
 */
bool xpo_attach_flashing(struct xpo_cage *cage, const struct xpo_attach *except)
{
	struct xpo_attach *att;

	list_for_each_entry(att, &cage->attached, node)
		if (att != except && XPO_NETDEV_MODULE_FW_FLASHING(att->netdev))
			return true;
	return false;
}

/**
 * xpo_attach_open() - the owner opens its port (its ndo_open)
 * @att: the attachment
 * @extack: why not
 *
 * The port's data path is brought up (xpo_lanes.c); carrier follows.
 * Return: 0, -EBUSY while the kernel flashes the module through another
 * port or someone else holds the module, -ENODEV once the cage is gone.
 */
int xpo_attach_open(struct xpo_attach *att, struct netlink_ext_ack *extack)
{
	struct xpo_cage *cage = att->cage;
	bool flashing;
	int err;

	/*
	 * The kernel refuses to open the port it flashes through; the other
	 * ports of the cage share the module.  The flash request sets its
	 * flag under RTNL, as ndo_open runs: no new request can race this.
	 */
	mutex_lock(&cage->io_lock);
	flashing = xpo_attach_flashing(cage, att);
	mutex_unlock(&cage->io_lock);
	if (flashing) {
		NL_SET_ERR_MSG_MOD(extack,
				   "Module firmware flashing is in progress on another port of this cage");
		return -EBUSY;
	}
	mutex_lock(&cage->sm_lock);
	err = cage->stopping ? -ENODEV : 0;
	mutex_unlock(&cage->sm_lock);
	if (err) {
		NL_SET_ERR_MSG_MOD(extack, "The cage is being removed");
		return err;
	}
	err = xpo_cage_port_set_up(cage, att->lane, true, extack);
	if (!err)
		att->up = true;
	return err;
}
EXPORT_SYMBOL_GPL(xpo_attach_open);

/* The owner stops its port (its ndo_stop): never refused */
void xpo_attach_stop(struct xpo_attach *att)
{
	xpo_cage_port_set_up(att->cage, att->lane, false, NULL);
	att->up = false;
}
EXPORT_SYMBOL_GPL(xpo_attach_stop);

/**
 * xpo_attach_set_carrier() - tell the owners of the ports whose carrier
 *	changed
 * @cage: the cage, sm_lock held
 * @carrier: bit n set: the port starting at host lane n has carrier
 */
void xpo_attach_set_carrier(struct xpo_cage *cage, u64 carrier)
{
	u64 changed = carrier ^ cage->carrier;
	struct xpo_attach *att;

	lockdep_assert_held(&cage->sm_lock);
	if (changed)
		list_for_each_entry(att, &cage->attached, node)
			if (changed & BIT_ULL(att->lane))
				att->ops->carrier(att,
						  carrier & BIT_ULL(att->lane));
	cage->carrier = carrier;
}

/**
 * xpo_attach_removed() - the cage is going away: tell the owners
 * @cage: the cage, its machine stopped, no lock held
 *
 * Their carrier goes off; their module operations fail with -ENODEV from
 * now on.  Their attachments stay linked until they detach; nothing reaches
 * them any more but @ops->removed, once (a second call does nothing).
 */
void xpo_attach_removed(struct xpo_cage *cage)
{
	struct xpo_attach *att, **list;
	unsigned int i, n = 0;

	list = kcalloc(XPO_PORTS_MAX, sizeof(*list), GFP_KERNEL);
	mutex_lock(&cage->sm_lock);
	if (cage->owners_told) {
		mutex_unlock(&cage->sm_lock);
		kfree(list);
		return;
	}
	cage->owners_told = true;
	xpo_attach_set_carrier(cage, 0);
	mutex_lock(&cage->io_lock);
	cage->detaching = true;
	mutex_unlock(&cage->io_lock);
	list_for_each_entry(att, &cage->attached, node)
		if (list && att->ops->removed && n < XPO_PORTS_MAX)
			list[n++] = att;
	mutex_unlock(&cage->sm_lock);
	/* no cage lock: an owner may unregister its netdev from here */
	for (i = 0; i < n; i++)
		list[i]->ops->removed(list[i]);
	kfree(list);
}
