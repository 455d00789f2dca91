// SPDX-License-Identifier: GPL-2.0
/*
 * xpo_sim boards: module parameters, the xpo_sim bus and its boards, and
 * what a board creates under its device.  Board 0 comes with the module;
 * boards 1-15 are created and deleted at run time by writing to
 * /sys/bus/xpo_sim/new_device and del_device (netdevsim's interface).  For
 * each cage N of board B:
 *
 *   - an I2C adapter "xpo_sim cage N" ("xpo_sim board B cage N") with a
 *     software node (i2c.c);
 *   - lines 8N..8N+5 of the board GPIO chip "xpo_sim-gpio"
 *     ("xpo_sim<B>-gpio") (gpio.c), described by a GPIO lookup table for
 *     "xpo_cage.<16B+N>";
 *   - the cage device: platform device "xpo_cage" id 16B + N, child of the
 *     board, with the properties "i2c-bus" (reference to the adapter's
 *     node), "maximum-power-milliwatt", "xpo,board" = B, "xpo,cage" = N
 *     and, with board_protection=1, "xpo,board-protection", with
 *     external_ports=1, "xpo,external-ports".
 *
 * Board 0's names are those of the single-board emulator, which every
 * existing user knows; only the other boards' carry their number.
 *
 * That is the whole contract with the cage core: it binds to "xpo_cage"
 * devices and finds the adapter and the lines through those descriptions,
 * exactly as on a real board described by firmware.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bits.h>
#include <linux/completion.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/gpio/machine.h>
#include <linux/kstrtox.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "xpo_compat.h"
#include "sim.h"

static unsigned int cages = XPO_CAGES_PER_RU;
module_param(cages, uint, 0444);
MODULE_PARM_DESC(cages, "Number of cages on the board, 1-16 (default 16)");

static unsigned int populated = GENMASK(XPO_CAGES_PER_RU - 1, 0);
module_param(populated, uint, 0444);
MODULE_PARM_DESC(populated,
		 "Bitmask of the cages holding a module at load (default 0xffff)");

static char *personality = "xpo-dr8";
module_param(personality, charp, 0444);
MODULE_PARM_DESC(personality,
		 "Module type of every cage: xpo-dr8 (default), xpo-sr8, xpo-fr4, xpo-lr4, xpo-zr, xpo-lpo, xpo-lro or osfp");

static bool gpio_expander;
module_param(gpio_expander, bool, 0444);
MODULE_PARM_DESC(gpio_expander,
		 "Emulate cage lines on an I2C GPIO expander behind each cage's own bus (default false)");

static char *timing = "instant";
module_param(timing, charp, 0444);
MODULE_PARM_DESC(timing,
		 "instant (default): no delays; realistic: advertised durations and I2C bus time");

static bool external_ports;
module_param(external_ports, bool, 0444);
MODULE_PARM_DESC(external_ports,
		 "The cages' port netdevs are a switch driver's (xpo_sim_owner): \"xpo,external-ports\"");

static bool board_protection;
module_param(board_protection, bool, 0444);
MODULE_PARM_DESC(board_protection,
		 "The board keeps the protection itself: cages carry xpo,board-protection (default false)");

static bool irq_levels = true;
module_param(irq_levels, bool, 0444);
MODULE_PARM_DESC(irq_levels,
		 "The GPIO interrupt controller has level triggers (default true); false: edges only");

const char * const xpo_sim_timing_names[XPO_SIM_TIMING_NUM] = {
	[XPO_SIM_TIMING_INSTANT]	= "instant",
	[XPO_SIM_TIMING_REALISTIC]	= "realistic",
};

/* The validated module parameters */
static const struct xpo_sim_personality *xpo_sim_default_pers;
static enum xpo_sim_timing xpo_sim_default_timing;

/*
 * The boards by number.  @xpo_sim_lock serialises new_device, del_device
 * and module unload; @xpo_sim_enabled is false until board 0 exists and
 * again from the start of module unload, so that a late write to
 * new_device creates nothing the unload would miss.
 */
static DEFINE_MUTEX(xpo_sim_lock);
static struct xpo_sim_board *xpo_sim_boards[XPO_SIM_BOARDS];
static bool xpo_sim_enabled;

/*
 * Board devices not yet released, plus one for the bus itself: unload
 * waits for the last release, which runs this module's code.
 */
static refcount_t xpo_sim_devs;
static DECLARE_COMPLETION(xpo_sim_devs_released);

static struct dentry *xpo_sim_debugfs_root;

/* GPIO lines of a cage as the cage core asks for them: polarity in flags */
static int xpo_sim_cage_add_lookup(struct xpo_sim_cage *cage)
{
	static const struct {
		enum xpo_sim_line line;
		const char *con_id;
		enum gpio_lookup_flags flags;
	} lines[] = {
		{ XPO_SIM_LINE_PRESENT,	XPO_GPIO_PRESENT,	GPIO_ACTIVE_LOW },
		{ XPO_SIM_LINE_INT,	XPO_GPIO_INT,		GPIO_ACTIVE_LOW },
		{ XPO_SIM_LINE_LEAK,	XPO_GPIO_LEAK,		GPIO_ACTIVE_LOW },
		{ XPO_SIM_LINE_RESET,	XPO_GPIO_RESET,		GPIO_ACTIVE_LOW },
		{ XPO_SIM_LINE_LPMODE,	XPO_GPIO_LPMODE,	GPIO_ACTIVE_HIGH },
		{ XPO_SIM_LINE_POWER,	XPO_GPIO_POWER,		GPIO_ACTIVE_HIGH },
	};
	struct gpiod_lookup_table *table;
	unsigned int i;

	/* zeroed: the entry after the last is the terminator */
	table = kzalloc(struct_size(table, table, ARRAY_SIZE(lines) + 1),
			GFP_KERNEL);
	if (!table)
		return -ENOMEM;
	snprintf(cage->dev_id, sizeof(cage->dev_id), "%s.%u",
		 XPO_CAGE_DRV_NAME,
		 XPO_SIM_CAGE_ID(cage->board->index, cage->index));
	table->dev_id = cage->dev_id;
	for (i = 0; i < ARRAY_SIZE(lines); i++)
		table->table[i] = GPIO_LOOKUP(cage->board->gpio.label,
					      cage->index * XPO_SIM_LINES_PER_CAGE +
					      lines[i].line,
					      lines[i].con_id, lines[i].flags);
	gpiod_add_lookup_table(table);
	cage->lookup = table;
	return 0;
}

static void xpo_sim_cage_remove_lookup(struct xpo_sim_cage *cage)
{
	if (!cage->lookup)
		return;
	gpiod_remove_lookup_table(cage->lookup);
	kfree(cage->lookup);
	cage->lookup = NULL;
}

/*
 * The cage device; the properties are copied by the driver core.  Its id
 * is only unique on the platform bus: where the cage is, the core reads
 * from "xpo,board" and "xpo,cage".
 */
static int xpo_sim_cage_register(struct xpo_sim_cage *cage)
{
	unsigned int board_nr = cage->board->index;
	struct property_entry props[7] = {
		PROPERTY_ENTRY_REF(XPO_PROP_I2C_BUS, &cage->swnode),
		PROPERTY_ENTRY_U32(XPO_PROP_MAX_POWER, XPO_MAX_POWER_MW),
		PROPERTY_ENTRY_U32(XPO_PROP_BOARD, board_nr),
		PROPERTY_ENTRY_U32(XPO_PROP_CAGE, cage->index),
	};
	const struct platform_device_info info = {
		.parent		= &cage->board->dev,
		.name		= XPO_CAGE_DRV_NAME,
		.id		= XPO_SIM_CAGE_ID(board_nr, cage->index),
		.properties	= props,
	};
	const struct property_entry prot =
		PROPERTY_ENTRY_BOOL(XPO_PROP_BOARD_PROTECTION);
	const struct property_entry external =
		PROPERTY_ENTRY_BOOL(XPO_PROP_EXTERNAL_PORTS);
	struct platform_device *pdev;
	unsigned int n = 4;

	/* the last entry stays zero: the list's end */
	if (cage->board->board_protection)
		props[n++] = prot;
	if (cage->board->external_ports)
		props[n++] = external;

	pdev = platform_device_register_full(&info);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	cage->pdev = pdev;
	return 0;
}

/*
 * Undo xpo_sim_board_create() in reverse order, from wherever it got to:
 * the cage devices go first, so the cage core lets go of the adapters,
 * lines and interrupts before they disappear.
 */
static void xpo_sim_board_destroy(struct xpo_sim_board *board)
{
	unsigned int i;

	xpo_sim_thermal_stop(board);
	xpo_sim_debugfs_exit(board);
	for (i = board->num_cages; i-- > 0; ) {
		if (board->cages[i].pdev)
			platform_device_unregister(board->cages[i].pdev);
		board->cages[i].pdev = NULL;
	}
	if (board->gpio.added)
		xpo_sim_gpio_stop(board);
	for (i = board->num_cages; i-- > 0; )
		xpo_sim_cage_remove_lookup(&board->cages[i]);
	for (i = board->num_cages; i-- > 0; )
		xpo_sim_i2c_exit(&board->cages[i]);
	xpo_sim_gpio_exit(board);
	if (board->swnode_registered)
		software_node_unregister(&board->swnode);
	board->swnode_registered = false;
}

static int xpo_sim_board_create(struct xpo_sim_board *board)
{
	unsigned int i;
	int ret;

	/* top-level software nodes need unique names: the device's */
	board->swnode.name = board->name;
	ret = software_node_register(&board->swnode);
	if (ret)
		return ret;
	board->swnode_registered = true;

	ret = xpo_sim_gpio_init(board);
	if (ret)
		goto err;
	for (i = 0; i < board->num_cages; i++) {
		ret = xpo_sim_i2c_init(&board->cages[i]);
		if (ret)
			goto err;
	}
	for (i = 0; i < board->num_cages; i++) {
		ret = xpo_sim_cage_add_lookup(&board->cages[i]);
		if (ret)
			goto err;
	}
	/* modules are seated before the core can look at the cages */
	for (i = 0; i < board->num_cages; i++) {
		struct xpo_sim_cage *cage = &board->cages[i];

		if (!(board->populated & BIT(i)))
			continue;
		mutex_lock(&cage->lock);
		xpo_sim_module_insert(cage);
		mutex_unlock(&cage->lock);
	}
	for (i = 0; i < board->num_cages; i++) {
		ret = xpo_sim_cage_register(&board->cages[i]);
		if (ret)
			goto err;
	}
	/*
	 * The core probes its cages asynchronously, side by side: a board
	 * plugged in (new_device) is there, cages and ports, when the write
	 * returns, as the module's own board is once insmod returns.
	 */
	wait_for_device_probe();
	xpo_sim_thermal_start(board);
	xpo_sim_debugfs_init(board, xpo_sim_debugfs_root);
	return 0;

err:
	xpo_sim_board_destroy(board);
	return ret;
}

static void xpo_sim_board_release(struct device *dev)
{
	struct xpo_sim_board *board = container_of(dev, struct xpo_sim_board,
						   dev);
	unsigned int i;

	for (i = 0; i < board->num_cages; i++)
		mutex_destroy(&board->cages[i].lock);
	kvfree(board);
	if (refcount_dec_and_test(&xpo_sim_devs))
		complete(&xpo_sim_devs_released);
}

static XPO_BUS_TYPE xpo_sim_bus;

/*
 * The board device has no driver on purpose: gpiolib pins the module of the
 * GPIO chip's parent driver for every requested line, so a bound board
 * would keep xpo_sim loaded for as long as the cage core holds its lines.
 * Unbound, deleting a board or unloading xpo_sim works like unplugging the
 * board: the cage devices go away first and the core lets go of everything.
 *
 * Called with xpo_sim_lock held.
 */
static struct xpo_sim_board *xpo_sim_board_new(unsigned int index,
					       unsigned int num_cages,
					       unsigned long populated)
{
	struct xpo_sim_board *board;
	unsigned int i;
	int ret;

	/* about 70 kB, mostly module memory maps: no need to be contiguous */
	board = kvzalloc(sizeof(*board), GFP_KERNEL);
	if (!board)
		return ERR_PTR(-ENOMEM);
	board->index = index;
	if (index)
		snprintf(board->name, sizeof(board->name), "%s%u",
			 XPO_SIM_NAME, index);
	else
		strscpy(board->name, XPO_SIM_NAME, sizeof(board->name));
	board->num_cages = num_cages;
	board->populated = populated & GENMASK(num_cages - 1, 0);
	board->timing = xpo_sim_default_timing;
	board->bus_khz = XPO_SIM_BUS_KHZ_DEFAULT;
	board->gpio_expander = gpio_expander;
	board->board_protection = board_protection;
	board->external_ports = external_ports;
	board->gpio.no_levels = !irq_levels;
	for (i = 0; i < board->num_cages; i++) {
		struct xpo_sim_cage *cage = &board->cages[i];

		cage->board = board;
		cage->index = i;
		cage->pers = xpo_sim_default_pers;
		mutex_init(&cage->lock);
		INIT_DELAYED_WORK(&cage->sm_work, xpo_sim_module_sm_work);
	}
	xpo_sim_thermal_init(board);

	/* from here on the release function frees the board */
	refcount_inc(&xpo_sim_devs);
	device_initialize(&board->dev);
	board->dev.bus = &xpo_sim_bus;
	board->dev.release = xpo_sim_board_release;
	ret = dev_set_name(&board->dev, "%s", board->name);
	if (ret)
		goto err_put;
	ret = device_add(&board->dev);
	if (ret)
		goto err_put;

	ret = xpo_sim_board_create(board);
	if (ret) {
		dev_err(&board->dev, "cannot create the board: %d\n", ret);
		device_unregister(&board->dev);
		return ERR_PTR(ret);
	}
	dev_info(&board->dev, "%u cages, populated 0x%04lx with %s modules, %s timing\n",
		 board->num_cages, board->populated,
		 xpo_sim_default_pers->name,
		 xpo_sim_timing_names[board->timing]);
	return board;

err_put:
	pr_err("board %u: cannot register its device: %d\n", index, ret);
	put_device(&board->dev);
	return ERR_PTR(ret);
}

/* Like unplugging the board; called with xpo_sim_lock held */
static void xpo_sim_board_del(struct xpo_sim_board *board)
{
	xpo_sim_board_destroy(board);
	device_unregister(&board->dev);
}

/*
 * Up to @max_vals numbers separated by blanks, parsed whole: decimal, but
 * the third (new_device's bitmask) in C notation (0x1f).  Returns how many.
 */
static int xpo_sim_parse(const char *buf, unsigned int *vals,
			 unsigned int max_vals)
{
	char *copy, *cur, *tok;
	unsigned int n = 0;
	int ret = 0;

	copy = kstrndup(buf, PAGE_SIZE, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	cur = strim(copy);
	while ((tok = strsep(&cur, " \t")) != NULL) {
		if (!*tok)
			continue;	/* runs of blanks */
		if (n == max_vals) {
			ret = -EINVAL;
			break;
		}
		ret = kstrtouint(tok, n == 2 ? 0 : 10, &vals[n]);
		if (ret)
			break;
		n++;
	}
	kfree(copy);
	if (ret)
		return -EINVAL;
	return n ?: -EINVAL;
}

/* "B [CAGES [POPULATED]]": board B, 1-15, like board 0 but for these two */
static ssize_t new_device_store(XPO_BUS_TYPE *bus,
				const char *buf, size_t count)
{
	unsigned int vals[3] = { 0, XPO_CAGES_PER_RU, 0 };
	struct xpo_sim_board *board;
	unsigned long all;
	int n, ret;

	n = xpo_sim_parse(buf, vals, ARRAY_SIZE(vals));
	if (n < 0) {
		pr_err("new_device: expects \"BOARD [CAGES [POPULATED]]\"\n");
		return n;
	}
	if (vals[0] < 1 || vals[0] > XPO_SIM_BOARD_MAX) {
		pr_err("new_device: board %u: must be 1 to %u (0 comes with the module)\n",
		       vals[0], XPO_SIM_BOARD_MAX);
		return vals[0] ? -EINVAL : -EEXIST;
	}
	if (vals[1] < 1 || vals[1] > XPO_CAGES_PER_RU) {
		pr_err("new_device: %u cages: must be 1 to %u\n", vals[1],
		       XPO_CAGES_PER_RU);
		return -EINVAL;
	}
	all = GENMASK(vals[1] - 1, 0);
	if (n < 3)
		vals[2] = all;
	if (vals[2] & ~all) {
		pr_err("new_device: populated 0x%x: the board has %u cages\n",
		       vals[2], vals[1]);
		return -EINVAL;
	}

	mutex_lock(&xpo_sim_lock);
	if (!xpo_sim_enabled) {
		ret = -EBUSY;
		goto unlock;
	}
	if (xpo_sim_boards[vals[0]]) {
		pr_err("new_device: board %u exists\n", vals[0]);
		ret = -EEXIST;
		goto unlock;
	}
	board = xpo_sim_board_new(vals[0], vals[1], vals[2]);
	if (IS_ERR(board)) {
		ret = PTR_ERR(board);
		goto unlock;
	}
	xpo_sim_boards[vals[0]] = board;
	ret = 0;
unlock:
	mutex_unlock(&xpo_sim_lock);
	return ret ?: count;
}
static BUS_ATTR_WO(new_device);

/* "B": unplug board B */
static ssize_t del_device_store(XPO_BUS_TYPE *bus,
				const char *buf, size_t count)
{
	unsigned int index;
	int n, ret;

	n = xpo_sim_parse(buf, &index, 1);
	if (n < 0) {
		pr_err("del_device: expects \"BOARD\"\n");
		return n;
	}
	if (!index || index > XPO_SIM_BOARD_MAX) {
		pr_err("del_device: board %u: must be 1 to %u (0 goes with the module)\n",
		       index, XPO_SIM_BOARD_MAX);
		return -EINVAL;
	}

	mutex_lock(&xpo_sim_lock);
	if (!xpo_sim_enabled) {
		ret = -EBUSY;
	} else if (!xpo_sim_boards[index]) {
		pr_err("del_device: no board %u\n", index);
		ret = -ENOENT;
	} else {
		xpo_sim_board_del(xpo_sim_boards[index]);
		xpo_sim_boards[index] = NULL;
		ret = 0;
	}
	mutex_unlock(&xpo_sim_lock);
	return ret ?: count;
}
static BUS_ATTR_WO(del_device);

static struct attribute *xpo_sim_bus_attrs[] = {
	&bus_attr_new_device.attr,
	&bus_attr_del_device.attr,
	NULL
};
ATTRIBUTE_GROUPS(xpo_sim_bus);

/* The boards' bus, as netdevsim's, but with no driver: see above */
static XPO_BUS_TYPE xpo_sim_bus = {
	.name		= XPO_SIM_NAME,
	.bus_groups	= xpo_sim_bus_groups,
};

static int __init xpo_sim_check_params(void)
{
	int ret;

	if (cages < 1 || cages > XPO_CAGES_PER_RU) {
		pr_err("cages=%u: must be 1 to %u\n", cages, XPO_CAGES_PER_RU);
		return -EINVAL;
	}
	if (populated & ~GENMASK(XPO_CAGES_PER_RU - 1, 0)) {
		pr_err("populated=0x%x: only bits 0-%u name cages\n",
		       populated, XPO_CAGES_PER_RU - 1);
		return -EINVAL;
	}
	xpo_sim_default_pers = xpo_sim_personality_find(personality ?: "");
	if (!xpo_sim_default_pers) {
		pr_err("personality=%s: unknown (xpo-dr8, osfp)\n",
		       personality ?: "");
		return -EINVAL;
	}
	ret = __sysfs_match_string(xpo_sim_timing_names, XPO_SIM_TIMING_NUM,
				   timing ?: "");
	if (ret < 0) {
		pr_err("timing=%s: must be instant or realistic\n",
		       timing ?: "");
		return -EINVAL;
	}
	xpo_sim_default_timing = ret;
	return 0;
}

/*
 * Unplug every board, the highest number first, and wait for the last
 * release: the boards' release function is this module's code.
 */
static void xpo_sim_boards_del(void)
{
	unsigned int i;

	mutex_lock(&xpo_sim_lock);
	xpo_sim_enabled = false;
	for (i = XPO_SIM_BOARDS; i-- > 0; ) {
		if (!xpo_sim_boards[i])
			continue;
		xpo_sim_board_del(xpo_sim_boards[i]);
		xpo_sim_boards[i] = NULL;
	}
	mutex_unlock(&xpo_sim_lock);

	if (refcount_dec_and_test(&xpo_sim_devs))
		complete(&xpo_sim_devs_released);
	wait_for_completion(&xpo_sim_devs_released);
}

static int __init xpo_sim_init(void)
{
	struct xpo_sim_board *board;
	int ret;

	/* cage device ids 16B + N, and B, within what the contract allows */
	BUILD_BUG_ON(XPO_SIM_CAGE_ID(XPO_SIM_BOARD_MAX, XPO_CAGES_PER_RU - 1) >
		     XPO_BOARD_MAX);

	ret = xpo_sim_check_params();
	if (ret)
		return ret;

	refcount_set(&xpo_sim_devs, 1);
	ret = bus_register(&xpo_sim_bus);
	if (ret)
		return ret;
	/* once per load: board 0's files, and board<B>/ of the others */
	xpo_sim_debugfs_root = debugfs_create_dir(XPO_SIM_NAME, NULL);

	mutex_lock(&xpo_sim_lock);
	board = xpo_sim_board_new(0, cages, populated);
	if (!IS_ERR(board)) {
		xpo_sim_boards[0] = board;
		xpo_sim_enabled = true;
	}
	mutex_unlock(&xpo_sim_lock);
	if (IS_ERR(board)) {
		ret = PTR_ERR(board);
		goto err;
	}
	return 0;

err:
	xpo_sim_boards_del();
	debugfs_remove_recursive(xpo_sim_debugfs_root);
	bus_unregister(&xpo_sim_bus);
	return ret;
}
module_init(xpo_sim_init);

static void __exit xpo_sim_exit(void)
{
	xpo_sim_boards_del();
	debugfs_remove_recursive(xpo_sim_debugfs_root);
	bus_unregister(&xpo_sim_bus);
}
module_exit(xpo_sim_exit);

MODULE_DESCRIPTION("Emulated XPO switch boards: 16 cages of CMIS 5.2 modules each");
MODULE_LICENSE("GPL");
