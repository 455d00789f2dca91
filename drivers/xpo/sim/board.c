// SPDX-License-Identifier: GPL-2.0
/*
 * xpo_sim board: module parameters, the "xpo_sim" platform device and what
 * the board creates under it.  For each cage:
 *
 *   - an I2C adapter "xpo_sim cage N" with a software node (i2c.c);
 *   - lines 8N..8N+5 of the board GPIO chip "xpo_sim-gpio" (gpio.c),
 *     described by a GPIO lookup table for "xpo_cage.N";
 *   - the cage device: platform device "xpo_cage" id N, child of the
 *     board, with the properties "i2c-bus" (reference to the adapter's
 *     node), "maximum-power-milliwatt" and, with board_protection=1,
 *     "xpo,board-protection".
 *
 * That is the whole contract with the cage core: it binds to "xpo_cage"
 * devices and finds the adapter and the lines through those descriptions,
 * exactly as on a real board described by firmware.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bits.h>
#include <linux/gpio/machine.h>
#include <linux/module.h>
#include <linux/overflow.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/string.h>

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
		 "Module type of every cage: xpo-dr8 (default) or osfp");

static bool gpio_expander;
module_param(gpio_expander, bool, 0444);
MODULE_PARM_DESC(gpio_expander,
		 "Emulate cage lines on an I2C GPIO expander behind each cage's own bus (default false)");

static char *timing = "instant";
module_param(timing, charp, 0444);
MODULE_PARM_DESC(timing,
		 "instant (default): no delays; realistic: advertised durations and I2C bus time");

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

static struct platform_device *xpo_sim_pdev;
static struct xpo_sim_board *xpo_sim_board;

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
		 XPO_CAGE_DRV_NAME, cage->index);
	table->dev_id = cage->dev_id;
	for (i = 0; i < ARRAY_SIZE(lines); i++)
		table->table[i] = GPIO_LOOKUP(XPO_SIM_GPIO_LABEL,
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

/* The cage device; the properties are copied by the driver core */
static int xpo_sim_cage_register(struct xpo_sim_cage *cage)
{
	const struct property_entry props[] = {
		PROPERTY_ENTRY_REF(XPO_PROP_I2C_BUS, &cage->swnode),
		PROPERTY_ENTRY_U32(XPO_PROP_MAX_POWER, XPO_MAX_POWER_MW),
		{ }
	};
	const struct property_entry props_prot[] = {
		PROPERTY_ENTRY_REF(XPO_PROP_I2C_BUS, &cage->swnode),
		PROPERTY_ENTRY_U32(XPO_PROP_MAX_POWER, XPO_MAX_POWER_MW),
		PROPERTY_ENTRY_BOOL(XPO_PROP_BOARD_PROTECTION),
		{ }
	};
	const struct platform_device_info info = {
		.parent		= cage->board->dev,
		.name		= XPO_CAGE_DRV_NAME,
		.id		= cage->index,
		.properties	= cage->board->board_protection ? props_prot :
								  props,
	};
	struct platform_device *pdev;

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

	board->swnode.name = XPO_SIM_NAME;
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

		if (!(populated & BIT(i)))
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
	xpo_sim_thermal_start(board);
	xpo_sim_debugfs_init(board);
	return 0;

err:
	xpo_sim_board_destroy(board);
	return ret;
}

/*
 * The board device has no driver on purpose: gpiolib pins the module of the
 * GPIO chip's parent driver for every requested line, so a bound board
 * would keep xpo_sim loaded for as long as the cage core holds its lines.
 * Unbound, unloading xpo_sim works like unplugging the board: the cage
 * devices go away first and the core lets go of everything.
 */
static struct xpo_sim_board *xpo_sim_board_new(struct platform_device *pdev)
{
	struct xpo_sim_board *board;
	unsigned int i;
	int ret;

	/* about 70 kB, mostly module memory maps: no need to be contiguous */
	board = kvzalloc(sizeof(*board), GFP_KERNEL);
	if (!board)
		return ERR_PTR(-ENOMEM);
	board->dev = &pdev->dev;
	board->num_cages = cages;
	board->timing = xpo_sim_default_timing;
	board->bus_khz = XPO_SIM_BUS_KHZ_DEFAULT;
	board->gpio_expander = gpio_expander;
	board->board_protection = board_protection;
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

	ret = xpo_sim_board_create(board);
	if (ret) {
		dev_err(&pdev->dev, "cannot create the board: %d\n", ret);
		goto err_free;
	}
	dev_info(&pdev->dev, "%u cages, populated 0x%04lx with %s modules, %s timing\n",
		 board->num_cages, populated & GENMASK(board->num_cages - 1, 0),
		 xpo_sim_default_pers->name,
		 xpo_sim_timing_names[board->timing]);
	return board;

err_free:
	for (i = 0; i < board->num_cages; i++)
		mutex_destroy(&board->cages[i].lock);
	kvfree(board);
	return ERR_PTR(ret);
}

static void xpo_sim_board_free(struct xpo_sim_board *board)
{
	unsigned int i;

	xpo_sim_board_destroy(board);
	for (i = 0; i < board->num_cages; i++)
		mutex_destroy(&board->cages[i].lock);
	kvfree(board);
}

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

static int __init xpo_sim_init(void)
{
	struct xpo_sim_board *board;
	struct platform_device *pdev;
	int ret;

	ret = xpo_sim_check_params();
	if (ret)
		return ret;

	pdev = platform_device_register_simple(XPO_SIM_NAME, PLATFORM_DEVID_NONE,
					       NULL, 0);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	board = xpo_sim_board_new(pdev);
	if (IS_ERR(board)) {
		platform_device_unregister(pdev);
		return PTR_ERR(board);
	}
	xpo_sim_pdev = pdev;
	xpo_sim_board = board;
	return 0;
}
module_init(xpo_sim_init);

static void __exit xpo_sim_exit(void)
{
	xpo_sim_board_free(xpo_sim_board);
	platform_device_unregister(xpo_sim_pdev);
}
module_exit(xpo_sim_exit);

MODULE_DESCRIPTION("Emulated XPO switch board: 16 cages of CMIS 5.2 modules");
MODULE_LICENSE("GPL");
