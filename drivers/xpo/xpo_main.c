// SPDX-License-Identifier: GPL-2.0
/*
 * xpo: the XPO cage core.  Module init and exit, the registry of cages by
 * front-panel number, and the API that consumers (ethtool, hwmon, netlink)
 * build on.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>

#include "xpo_core.h"

/*
 * Work of every cage (timers, polling): unbound, so that a slow module on
 * one bus does not hold up a CPU's other work.
 */
struct workqueue_struct *xpo_wq;

/* Cages by number; the xarray's lock also orders lookups against removal */
static DEFINE_XARRAY(xpo_cages);

int xpo_registry_add(struct xpo_cage *cage)
{
	return xa_insert(&xpo_cages, cage->nr, cage, GFP_KERNEL);
}

void xpo_registry_del(struct xpo_cage *cage)
{
	xa_erase(&xpo_cages, cage->nr);
}

/**
 * xpo_cage_get() - find a cage by its front-panel number
 * @nr: cage number
 *
 * Return: the cage with a reference the caller drops with xpo_cage_put(),
 * or NULL.  The reference keeps the structure, not the device: once the
 * cage is removed every call on it returns -ENODEV.
 */
struct xpo_cage *xpo_cage_get(u32 nr)
{
	struct xpo_cage *cage;

	xa_lock(&xpo_cages);
	cage = xa_load(&xpo_cages, nr);
	if (cage)
		kref_get(&cage->ref);
	xa_unlock(&xpo_cages);
	return cage;
}

/**
 * xpo_cage_state() - a cage's state
 * @cage: the cage
 */
enum xpo_sm_state xpo_cage_state(struct xpo_cage *cage)
{
	enum xpo_sm_state state;

	mutex_lock(&cage->sm_lock);
	state = cage->sm.state;
	mutex_unlock(&cage->sm_lock);
	return state;
}

/**
 * xpo_cage_identity() - copy the identity of the module in a cage
 * @cage: the cage
 * @id: filled in
 *
 * Return: 0, or -ENODEV when no module has been identified.
 */
int xpo_cage_identity(struct xpo_cage *cage, struct xpo_identity *id)
{
	int ret = -ENODEV;

	mutex_lock(&cage->io_lock);
	if (cage->id_valid && !cage->gone) {
		*id = cage->id;
		ret = 0;
	}
	mutex_unlock(&cage->io_lock);
	return ret;
}

/**
 * xpo_cage_set_power() - switch a cage's supply
 * @cage: the cage
 * @on: supply on (the default) or off
 *
 * Off holds the module in reset and low power and removes its supply: the
 * cage goes to powered-off whatever it was doing.  On powers it again and
 * probes the module afresh.  Return: 0 or -ENODEV once the cage is removed.
 */
int xpo_cage_set_power(struct xpo_cage *cage, bool on)
{
	return xpo_sm_event(cage, on ? XPO_E_POWER_ON : XPO_E_POWER_OFF);
}

/**
 * xpo_cage_reset() - reset the module in a cage and probe it again
 * @cage: the cage
 *
 * Return: 0, or -ENODEV without a powered module.
 */
int xpo_cage_reset(struct xpo_cage *cage)
{
	return xpo_sm_event(cage, XPO_E_RESET);
}

static int __init xpo_init(void)
{
	int err;

	xpo_wq = alloc_workqueue("xpo", WQ_UNBOUND, 0);
	if (!xpo_wq)
		return -ENOMEM;
	xpo_debugfs_init();

	err = platform_driver_register(&xpo_cage_driver);
	if (err)
		goto err_driver;
	return 0;

err_driver:
	xpo_debugfs_exit();
	destroy_workqueue(xpo_wq);
	return err;
}

static void __exit xpo_exit(void)
{
	platform_driver_unregister(&xpo_cage_driver);
	xpo_debugfs_exit();
	destroy_workqueue(xpo_wq);
}

module_init(xpo_init);
module_exit(xpo_exit);

MODULE_DESCRIPTION("XPO pluggable optics cage core");
MODULE_LICENSE("GPL");
