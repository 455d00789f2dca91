/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every difference between the kernels xpo supports (Debian 12's 6.1 and
 * 6.12) lives here, keyed on LINUX_VERSION_CODE, so that the driver logic
 * never carries an #if.  Both xpo.ko and xpo_sim.ko include it.
 */
#ifndef _XPO_COMPAT_H
#define _XPO_COMPAT_H

#include <linux/version.h>
#include <linux/err.h>
#include <linux/gpio/driver.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

/*
 * <asm/unaligned.h> moved to <linux/unaligned.h> in 6.12.  A version test
 * rather than __has_include(), which sparse 0.6.4 cannot parse.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/*
 * platform_driver .remove returns void from 6.11; 6.1 (and Debian's 6.12)
 * have the transitional .remove_new with the void prototype.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 11, 0)
#define XPO_PLATFORM_REMOVE(fn)		.remove = (fn)
#else
#define XPO_PLATFORM_REMOVE(fn)		.remove_new = (fn)
#endif

/*
 * i2c_algorithm.master_xfer is called .xfer from 6.8 (the old name stays a
 * deprecated union alias for a while).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
#define XPO_I2C_ALGO_XFER(fn)		.xfer = (fn)
#else
#define XPO_I2C_ALGO_XFER(fn)		.master_xfer = (fn)
#endif

/*
 * A chip must not go while a consumer (such as the GPIO character device)
 * still holds one of its lines.  6.1's gpiochip_remove() leaks the
 * interrupts such a consumer holds, and WARNs; 6.12's frees them
 * (gpiochip_free_remaining_irqs()) but leaks the labels of lines still
 * requested: the consumer's later gpiod_free() finds no chip and skips
 * desc_set_label(NULL), and gpiodev_release() does not free them (kmemleak
 * on the debug kernel).  So the emulator waits for every line to be let go
 * on every kernel.  A consumer lets go in two steps (the character device:
 * free_irq(), then gpiod_free()); a line is held until both are done.
 * gpiochip_is_requested() is gone in 6.8, replaced by
 * gpiochip_dup_line_label(), which copies the label of a requested line.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
static inline bool xpo_gpiochip_line_held(struct gpio_chip *gc,
					  unsigned int offset)
{
	char *label;
	bool held;

	if (gpiochip_line_is_irq(gc, offset))
		return true;
	label = gpiochip_dup_line_label(gc, offset);
	if (IS_ERR(label))
		return true;	/* requested; no memory to copy its label */
	held = label;
	kfree(label);
	return held;
}
#else
static inline bool xpo_gpiochip_line_held(struct gpio_chip *gc,
					  unsigned int offset)
{
	return gpiochip_line_is_irq(gc, offset) ||
	       gpiochip_is_requested(gc, offset);
}
#endif

/*
 * ethtool_ops.set_module_eeprom_by_page, and with it the kernel's generic
 * CMIS module firmware flashing (net/ethtool/cmis_fw_update.c), exist from
 * 6.11; so does the per-netdev module_fw_flash_in_progress flag the port
 * netdevs test to guard a cage whose module is being flashed.  Use as
 * XPO_ETHTOOL_SET_MODULE_EEPROM_BY_PAGE(fn) inside struct ethtool_ops,
 * without a comma after it (variadic only because the 6.1 variant drops
 * its argument).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 11, 0)
#define XPO_ETHTOOL_SET_MODULE_EEPROM_BY_PAGE(...) \
	.set_module_eeprom_by_page = (__VA_ARGS__),
#define XPO_NETDEV_MODULE_FW_FLASHING(dev) \
	((bool)(dev)->ethtool->module_fw_flash_in_progress)
#else
#define XPO_ETHTOOL_SET_MODULE_EEPROM_BY_PAGE(...)
#define XPO_NETDEV_MODULE_FW_FLASHING(dev)	((void)(dev), false)
#endif

/*
 * hwmon_chip_info.info became a pointer to const pointers in 6.5: declare
 * the channel table as "static const struct hwmon_channel_info
 * *XPO_HWMON_INFO_CONST name[]".
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
#define XPO_HWMON_INFO_CONST		const
#else
#define XPO_HWMON_INFO_CONST
#endif

/*
 * Generic netlink: split do/dump operations (struct genl_split_ops) came in
 * 6.2, and with them the type of the first argument of a family's pre_doit
 * and post_doit, which was struct genl_ops.  The xpo family declares full
 * struct genl_ops, which both kernels take, and its callbacks take a
 * const struct XPO_GENL_OPS *.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define XPO_GENL_OPS			genl_split_ops
#else
#define XPO_GENL_OPS			genl_ops
#endif

/*
 * The parsed request of a dump, in its start callback: in struct
 * genl_dumpit_info itself in 6.1, in the struct genl_info it holds from
 * 6.6 (genl_info_dump(); the releases between are not built for).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
#define XPO_GENL_DUMP_ATTRS(cb)		(genl_info_dump(cb)->attrs)
#else
#define XPO_GENL_DUMP_ATTRS(cb)		(genl_dumpit_info(cb)->attrs)
#endif

/*
 * The range of NLA_POLICY_FULL_RANGE() is a pointer to non-const in 6.1
 * and to const in 6.12 (the exact release between is not checked; 6.1 is
 * the only one before 6.12 we build for): declare it "static
 * XPO_NLA_RANGE_CONST struct netlink_range_validation".
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define XPO_NLA_RANGE_CONST		const
#else
#define XPO_NLA_RANGE_CONST
#endif

/*
 * Formatted extack messages (NL_SET_ERR_MSG_FMT_MOD, an 80-byte buffer in
 * struct netlink_ext_ack) came in 6.2.  XPO_NL_SET_ERR_MSG_FMT(extack,
 * plain, fmt, ...) sets the formatted message where there is one, else
 * @plain, a static string with the module prefix that says the same
 * without the names.  @extack may be NULL.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define XPO_NL_SET_ERR_MSG_FMT(extack, plain, fmt, ...) do {	\
	(void)(plain);	/* the formatted one says more */	\
	NL_SET_ERR_MSG_FMT_MOD(extack, fmt, ##__VA_ARGS__);	\
} while (0)
#else
#define XPO_NL_SET_ERR_MSG_FMT(extack, plain, fmt, ...) do {	\
	struct netlink_ext_ack *__xpo_extack = (extack);	\
								\
	(void)(fmt);	/* no formatted messages here */	\
	if (__xpo_extack)					\
		__xpo_extack->_msg = (plain);			\
} while (0)
#endif

/*
 * A bus is a const struct bus_type from 6.3 on, where bus_register(), the
 * device's bus and the bus attributes' show and store take one, and a plain
 * one before: declare "static XPO_BUS_TYPE name = { ... }" and the
 * callbacks' "XPO_BUS_TYPE *bus" (xpo_sim's bus).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
#define XPO_BUS_TYPE			const struct bus_type
#else
#define XPO_BUS_TYPE			struct bus_type	/* no const before 6.3 */
#endif

/*
 * devlink ports.  From 6.4 the split callbacks are per port (struct
 * devlink_port_ops, given to devl_port_register_with_ops()); before, they
 * are the instance's (struct devlink_ops).  From 6.2 a netdev names its
 * devlink port before registration (SET_NETDEV_DEVLINK_PORT) and the port
 * learns the netdev from it; before, the driver tells the port
 * (devlink_port_type_eth_set(port, netdev)) after registration and the
 * netdev answers ndo_get_devlink_port.  XPO_DEVLINK_PORT_OPS(ops) puts the
 * split callbacks where the kernel looks for them;
 * XPO_DEVLINK_INSTANCE_OPS(ops) likewise for the instance.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
#define XPO_DEVLINK_SPLIT_PER_PORT	1
#define xpo_devl_port_register(dl, port, index, ops) \
	devl_port_register_with_ops(dl, port, index, ops)
#else
#define XPO_DEVLINK_SPLIT_PER_PORT	0
#define xpo_devl_port_register(dl, port, index, ops) \
	((void)(ops), devl_port_register(dl, port, index))
#endif
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define XPO_NETDEV_SET_DEVLINK_PORT(netdev, port) \
	SET_NETDEV_DEVLINK_PORT(netdev, port)
#define xpo_devlink_port_type_eth_set(port, netdev) \
	((void)(port), (void)(netdev))
#define XPO_NDO_GET_DEVLINK_PORT(...)
#else
#define XPO_NETDEV_SET_DEVLINK_PORT(netdev, port) ((void)(netdev), (void)(port))
#define xpo_devlink_port_type_eth_set(port, netdev) \
	devlink_port_type_eth_set(port, netdev)
#define XPO_NDO_GET_DEVLINK_PORT(...)	.ndo_get_devlink_port = (__VA_ARGS__),
#endif

#endif /* _XPO_COMPAT_H */
