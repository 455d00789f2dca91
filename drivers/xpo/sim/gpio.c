// SPDX-License-Identifier: GPL-2.0
/*
 * xpo_sim GPIO chip: the cage control lines of the whole board, 8 per cage,
 * as a CPLD on a real switch would provide them, with an interrupt
 * controller on the input lines.
 *
 * Line 8N + k of cage N (enum xpo_sim_line):
 *   k = 0 ModPrsL, 1 IntL, 2 LeakL   inputs, driven by the emulator
 *   k = 3 ResetL, 4 LPMode, 5 PowerEn outputs, driven by the host
 *   k = 6, 7                         reserved, not requestable
 * Levels are electrical; the consumer's lookup flags carry the polarity.
 *
 * Interrupts: the emulator latches an interrupt when an input line changes
 * in the direction its trigger type selects (or, for level types, while
 * the line is at the active level and unmasked) and delivers it from hard
 * interrupt context through an irq_work, like a real controller's parent
 * interrupt would.  Edge types use handle_edge_irq, level types
 * handle_level_irq, so both plain and threaded IRQF_ONESHOT consumers work.
 */

#include <linux/bitmap.h>
#include <linux/delay.h>
#include <linux/gpio/driver.h>
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/ktime.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "xpo_compat.h"
#include "sim.h"

/* How often removal looks again for lines user space is releasing */
#define XPO_SIM_GPIO_RELEASE_POLL	(HZ / 20)

static struct xpo_sim_gpio *xpo_sim_gc_to_gpio(struct gpio_chip *gc)
{
	return container_of(gc, struct xpo_sim_gpio, gc);
}

static struct xpo_sim_board *xpo_sim_gpio_to_board(struct xpo_sim_gpio *gpio)
{
	return container_of(gpio, struct xpo_sim_board, gpio);
}

static unsigned int xpo_sim_hwnum(struct xpo_sim_cage *cage,
				  enum xpo_sim_line line)
{
	return cage->index * XPO_SIM_LINES_PER_CAGE + line;
}

static bool xpo_sim_line_is_output(unsigned int offset)
{
	switch (offset % XPO_SIM_LINES_PER_CAGE) {
	case XPO_SIM_LINE_RESET:
	case XPO_SIM_LINE_LPMODE:
	case XPO_SIM_LINE_POWER:
		return true;
	}
	return false;
}

/* Is the line asserted for a level trigger?  gpio->lock held. */
static bool xpo_sim_irq_level_active(struct xpo_sim_gpio *gpio,
				     unsigned int hwirq)
{
	bool high = test_bit(hwirq, gpio->level);

	switch (gpio->irq_type[hwirq]) {
	case IRQ_TYPE_LEVEL_HIGH:
		return high;
	case IRQ_TYPE_LEVEL_LOW:
		return !high;
	}
	return false;
}

/* Latch an interrupt for delivery from hard irq context.  gpio->lock held. */
static void xpo_sim_irq_latch(struct xpo_sim_gpio *gpio, unsigned int hwirq)
{
	if (gpio->dying)
		return;
	__set_bit(hwirq, gpio->irq_pending);
	irq_work_queue(&gpio->irq_work);
}

/* An input line changed to @high.  gpio->lock held. */
static void xpo_sim_irq_line_changed(struct xpo_sim_gpio *gpio,
				     unsigned int hwirq, bool high)
{
	u8 type = gpio->irq_type[hwirq];

	if (!test_bit(hwirq, gpio->irq_enabled))
		return;
	if ((high && (type & (IRQ_TYPE_EDGE_RISING | IRQ_TYPE_LEVEL_HIGH))) ||
	    (!high && (type & (IRQ_TYPE_EDGE_FALLING | IRQ_TYPE_LEVEL_LOW))))
		xpo_sim_irq_latch(gpio, hwirq);
}

static void xpo_sim_irq_work(struct irq_work *work)
{
	struct xpo_sim_gpio *gpio = container_of(work, struct xpo_sim_gpio,
						 irq_work);
	DECLARE_BITMAP(fire, XPO_SIM_NGPIO_MAX);
	unsigned int hwirq;

	raw_spin_lock(&gpio->lock);
	bitmap_and(fire, gpio->irq_pending, gpio->irq_enabled,
		   XPO_SIM_NGPIO_MAX);
	bitmap_zero(gpio->irq_pending, XPO_SIM_NGPIO_MAX);
	/* a level that went away before delivery is no interrupt */
	for_each_set_bit(hwirq, fire, gpio->gc.ngpio) {
		if ((gpio->irq_type[hwirq] & IRQ_TYPE_LEVEL_MASK) &&
		    !xpo_sim_irq_level_active(gpio, hwirq))
			__clear_bit(hwirq, fire);
		else
			gpio->irq_count[hwirq]++;
	}
	raw_spin_unlock(&gpio->lock);

	for_each_set_bit(hwirq, fire, gpio->gc.ngpio)
		generic_handle_domain_irq(gpio->gc.irq.domain, hwirq);
}

/* The edge flow handler acks; the latch was cleared when it was delivered */
static void xpo_sim_irq_ack(struct irq_data *d)
{
}

static void xpo_sim_irq_mask(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	struct xpo_sim_gpio *gpio = xpo_sim_gc_to_gpio(gc);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	unsigned long flags;

	raw_spin_lock_irqsave(&gpio->lock, flags);
	__clear_bit(hwirq, gpio->irq_enabled);
	raw_spin_unlock_irqrestore(&gpio->lock, flags);
	gpiochip_disable_irq(gc, hwirq);
}

static void xpo_sim_irq_unmask(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	struct xpo_sim_gpio *gpio = xpo_sim_gc_to_gpio(gc);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	unsigned long flags;

	gpiochip_enable_irq(gc, hwirq);
	raw_spin_lock_irqsave(&gpio->lock, flags);
	__set_bit(hwirq, gpio->irq_enabled);
	/* a level still asserted when unmasked interrupts again */
	if (xpo_sim_irq_level_active(gpio, hwirq))
		xpo_sim_irq_latch(gpio, hwirq);
	raw_spin_unlock_irqrestore(&gpio->lock, flags);
}

static int xpo_sim_irq_set_type(struct irq_data *d, unsigned int type)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	struct xpo_sim_gpio *gpio = xpo_sim_gc_to_gpio(gc);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	unsigned long flags;

	type &= IRQ_TYPE_SENSE_MASK;
	switch (type) {
	case IRQ_TYPE_EDGE_RISING:
	case IRQ_TYPE_EDGE_FALLING:
	case IRQ_TYPE_EDGE_BOTH:
		irq_set_handler_locked(d, handle_edge_irq);
		break;
	case IRQ_TYPE_LEVEL_HIGH:
	case IRQ_TYPE_LEVEL_LOW:
		/* a controller with edge triggers only (irq_levels=0) */
		if (gpio->no_levels)
			return -EINVAL;
		irq_set_handler_locked(d, handle_level_irq);
		break;
	case IRQ_TYPE_NONE:
		/* no trigger selected: the line never interrupts */
		irq_set_handler_locked(d, handle_simple_irq);
		break;
	default:
		return -EINVAL;
	}

	raw_spin_lock_irqsave(&gpio->lock, flags);
	gpio->irq_type[hwirq] = type;
	__clear_bit(hwirq, gpio->irq_pending);
	raw_spin_unlock_irqrestore(&gpio->lock, flags);
	return IRQ_SET_MASK_OK;
}

static int xpo_sim_irq_reqres(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);

	return gpiochip_reqres_irq(gc, irqd_to_hwirq(d));
}

static void xpo_sim_irq_relres(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	struct xpo_sim_gpio *gpio = xpo_sim_gc_to_gpio(gc);

	gpiochip_relres_irq(gc, irqd_to_hwirq(d));
	atomic_inc(&gpio->irq_releases);
	wake_up(&gpio->irq_released);
}

/* Resend of an edge that arrived while the interrupt was disabled */
static int xpo_sim_irq_retrigger(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	struct xpo_sim_gpio *gpio = xpo_sim_gc_to_gpio(gc);
	unsigned long flags;

	raw_spin_lock_irqsave(&gpio->lock, flags);
	xpo_sim_irq_latch(gpio, irqd_to_hwirq(d));
	raw_spin_unlock_irqrestore(&gpio->lock, flags);
	return 1;
}

static const struct irq_chip xpo_sim_irq_chip = {
	.name			= XPO_SIM_GPIO_LABEL,
	.irq_ack		= xpo_sim_irq_ack,
	.irq_mask		= xpo_sim_irq_mask,
	.irq_unmask		= xpo_sim_irq_unmask,
	.irq_set_type		= xpo_sim_irq_set_type,
	.irq_retrigger		= xpo_sim_irq_retrigger,
	.irq_request_resources	= xpo_sim_irq_reqres,
	.irq_release_resources	= xpo_sim_irq_relres,
	.flags			= IRQCHIP_IMMUTABLE | IRQCHIP_SKIP_SET_WAKE,
};

/*
 * An output reads as an input until the host first drives it, as a GPIO
 * comes out of reset: the CPLD's defaults hold the levels meanwhile.  So a
 * host can tell a cold board (nothing ever drove the lines) from one an
 * earlier driver instance left running.
 */
static int xpo_sim_gpio_get_direction(struct gpio_chip *gc,
				      unsigned int offset)
{
	struct xpo_sim_gpio *gpio = xpo_sim_gc_to_gpio(gc);

	return xpo_sim_line_is_output(offset) && test_bit(offset, gpio->driven) ?
	       GPIO_LINE_DIRECTION_OUT : GPIO_LINE_DIRECTION_IN;
}

/* The directions are wired: a CPLD cannot turn an input into an output */
static int xpo_sim_gpio_direction_input(struct gpio_chip *gc,
					unsigned int offset)
{
	return xpo_sim_line_is_output(offset) ? -EPERM : 0;
}

static int xpo_sim_gpio_get(struct gpio_chip *gc, unsigned int offset)
{
	struct xpo_sim_gpio *gpio = xpo_sim_gc_to_gpio(gc);
	struct xpo_sim_board *board = xpo_sim_gpio_to_board(gpio);
	struct i2c_adapter *adap;

	/*
	 * An expander behind the cage's own bus (or a parent-locked mux on
	 * it) is read over that bus: it needs the adapter's bus lock, as
	 * i2c_transfer() would take it.
	 */
	if (board->gpio_expander) {
		adap = &board->cages[offset / XPO_SIM_LINES_PER_CAGE].adap;
		i2c_lock_bus(adap, I2C_LOCK_ROOT_ADAPTER);
		i2c_unlock_bus(adap, I2C_LOCK_ROOT_ADAPTER);
	}
	return test_bit(offset, gpio->level);
}

static void xpo_sim_gpio_set(struct gpio_chip *gc, unsigned int offset,
			     int value)
{
	struct xpo_sim_gpio *gpio = xpo_sim_gc_to_gpio(gc);
	struct xpo_sim_board *board = xpo_sim_gpio_to_board(gpio);
	unsigned int index = offset / XPO_SIM_LINES_PER_CAGE;
	struct xpo_sim_cage *cage = &board->cages[index];
	unsigned long flags;

	if (!xpo_sim_line_is_output(offset))
		return;

	raw_spin_lock_irqsave(&gpio->lock, flags);
	__set_bit(offset, gpio->driven);
	if (test_bit(offset, gpio->level) == !!value)
		goto unlock;
	__assign_bit(offset, gpio->level, value);
	/* count the pulses the module must not miss (xpo_sim_module_sync) */
	if (!value && offset % XPO_SIM_LINES_PER_CAGE == XPO_SIM_LINE_POWER) {
		gpio->power_cycles[index]++;
		WRITE_ONCE(cage->thermal.stamps.power_off_ns, ktime_get_ns());
	}
	if (!value && offset % XPO_SIM_LINES_PER_CAGE == XPO_SIM_LINE_RESET) {
		gpio->resets[index]++;
		WRITE_ONCE(cage->thermal.stamps.reset_ns, ktime_get_ns());
	}
	if (value && offset % XPO_SIM_LINES_PER_CAGE == XPO_SIM_LINE_LPMODE)
		WRITE_ONCE(cage->thermal.stamps.lpmode_ns, ktime_get_ns());
	/* may run in atomic context: the module applies it from its work */
	if (!gpio->dying)
		mod_delayed_work(system_wq, &cage->sm_work, 0);
unlock:
	raw_spin_unlock_irqrestore(&gpio->lock, flags);
}

static int xpo_sim_gpio_direction_output(struct gpio_chip *gc,
					 unsigned int offset, int value)
{
	if (!xpo_sim_line_is_output(offset))
		return -EPERM;
	xpo_sim_gpio_set(gc, offset, value);
	return 0;
}

/* Lines 6 and 7 of every cage are not connected */
static int xpo_sim_gpio_init_valid_mask(struct gpio_chip *gc,
					unsigned long *valid_mask,
					unsigned int ngpios)
{
	unsigned int i;

	for (i = 0; i < ngpios; i++)
		if (i % XPO_SIM_LINES_PER_CAGE >= XPO_SIM_LINES_USED)
			__clear_bit(i, valid_mask);
	return 0;
}

/* Only the input lines can interrupt */
static void xpo_sim_irq_init_valid_mask(struct gpio_chip *gc,
					unsigned long *valid_mask,
					unsigned int ngpios)
{
	unsigned int i;

	for (i = 0; i < ngpios; i++)
		if (i % XPO_SIM_LINES_PER_CAGE >= XPO_SIM_LINES_USED ||
		    xpo_sim_line_is_output(i))
			__clear_bit(i, valid_mask);
}

/**
 * xpo_sim_gpio_set_input() - the emulator drives an input line
 * @cage: the cage
 * @line: XPO_SIM_LINE_PRESENT, _INT or _LEAK
 * @high: electrical level
 */
void xpo_sim_gpio_set_input(struct xpo_sim_cage *cage, enum xpo_sim_line line,
			    bool high)
{
	struct xpo_sim_gpio *gpio = &cage->board->gpio;
	unsigned int hwnum = xpo_sim_hwnum(cage, line);
	unsigned long flags;

	raw_spin_lock_irqsave(&gpio->lock, flags);
	if (test_bit(hwnum, gpio->level) != high) {
		__assign_bit(hwnum, gpio->level, high);
		xpo_sim_irq_line_changed(gpio, hwnum, high);
	}
	raw_spin_unlock_irqrestore(&gpio->lock, flags);
}

/**
 * xpo_sim_gpio_level() - the electrical level of one of the cage's lines
 * @cage: the cage
 * @line: the line
 *
 * Return: true if high.
 */
bool xpo_sim_gpio_level(struct xpo_sim_cage *cage, enum xpo_sim_line line)
{
	return test_bit(xpo_sim_hwnum(cage, line), cage->board->gpio.level);
}

/**
 * xpo_sim_gpio_trigger() - the trigger an input line's interrupt is set to
 * @cage: the cage
 * @line: the line
 *
 * Return: "none", "edge-rising", "edge-falling", "edge-both", "level-high"
 * or "level-low"; "masked" appended while the interrupt is masked.
 */
const char *xpo_sim_gpio_trigger(struct xpo_sim_cage *cage,
				 enum xpo_sim_line line)
{
	static const char * const names[2][IRQ_TYPE_LEVEL_LOW + 1] = {
		{
			[IRQ_TYPE_NONE]		= "none masked",
			[IRQ_TYPE_EDGE_RISING]	= "edge-rising masked",
			[IRQ_TYPE_EDGE_FALLING]	= "edge-falling masked",
			[IRQ_TYPE_EDGE_BOTH]	= "edge-both masked",
			[IRQ_TYPE_LEVEL_HIGH]	= "level-high masked",
			[IRQ_TYPE_LEVEL_LOW]	= "level-low masked",
		}, {
			[IRQ_TYPE_NONE]		= "none",
			[IRQ_TYPE_EDGE_RISING]	= "edge-rising",
			[IRQ_TYPE_EDGE_FALLING]	= "edge-falling",
			[IRQ_TYPE_EDGE_BOTH]	= "edge-both",
			[IRQ_TYPE_LEVEL_HIGH]	= "level-high",
			[IRQ_TYPE_LEVEL_LOW]	= "level-low",
		},
	};
	struct xpo_sim_gpio *gpio = &cage->board->gpio;
	unsigned int hwnum = xpo_sim_hwnum(cage, line);
	const char *name = NULL;
	unsigned long flags;
	u8 type;

	raw_spin_lock_irqsave(&gpio->lock, flags);
	type = gpio->irq_type[hwnum];
	if (type <= IRQ_TYPE_LEVEL_LOW)
		name = names[test_bit(hwnum, gpio->irq_enabled)][type];
	raw_spin_unlock_irqrestore(&gpio->lock, flags);
	return name ?: "reserved";
}

/**
 * xpo_sim_gpio_irq_count() - interrupts delivered on a line of a cage
 * @cage: the cage
 * @line: an input line
 *
 * Since the board came up: a host that lets a level interrupt it does not
 * service fire without end shows here as a count that runs away.
 */
unsigned int xpo_sim_gpio_irq_count(struct xpo_sim_cage *cage,
				    enum xpo_sim_line line)
{
	struct xpo_sim_gpio *gpio = &cage->board->gpio;
	unsigned int hwnum = xpo_sim_hwnum(cage, line);
	unsigned long flags;
	unsigned int n;

	raw_spin_lock_irqsave(&gpio->lock, flags);
	n = gpio->irq_count[hwnum];
	raw_spin_unlock_irqrestore(&gpio->lock, flags);
	return n;
}

/*
 * Half a bounce of xpo_sim_gpio_bounce(): a connector's contacts bounce for
 * a few ms in all, each contact a fraction of a millisecond.
 */
#define XPO_SIM_BOUNCE_US		300

/**
 * xpo_sim_gpio_bounce() - an input line bounces
 * @cage: the cage
 * @line: the line
 * @times: how many times it leaves its level and comes back
 *
 * Sleeps; ends at the level the line had.
 */
void xpo_sim_gpio_bounce(struct xpo_sim_cage *cage, enum xpo_sim_line line,
			 unsigned int times)
{
	bool level = xpo_sim_gpio_level(cage, line);

	while (times--) {
		xpo_sim_gpio_set_input(cage, line, !level);
		usleep_range(XPO_SIM_BOUNCE_US, 2 * XPO_SIM_BOUNCE_US);
		xpo_sim_gpio_set_input(cage, line, level);
		usleep_range(XPO_SIM_BOUNCE_US, 2 * XPO_SIM_BOUNCE_US);
	}
}

/**
 * xpo_sim_gpio_pins() - snapshot of the host-driven lines of a cage
 * @cage: the cage
 * @pins: filled in, as the module sees them
 */
void xpo_sim_gpio_pins(struct xpo_sim_cage *cage, struct xpo_sim_pins *pins)
{
	struct xpo_sim_gpio *gpio = &cage->board->gpio;
	unsigned long flags;

	raw_spin_lock_irqsave(&gpio->lock, flags);
	pins->power = test_bit(xpo_sim_hwnum(cage, XPO_SIM_LINE_POWER),
			       gpio->level);
	pins->reset = !test_bit(xpo_sim_hwnum(cage, XPO_SIM_LINE_RESET),
				gpio->level);
	pins->lpmode = test_bit(xpo_sim_hwnum(cage, XPO_SIM_LINE_LPMODE),
				gpio->level);
	pins->power_cycles = gpio->power_cycles[cage->index];
	pins->resets = gpio->resets[cage->index];
	raw_spin_unlock_irqrestore(&gpio->lock, flags);
}

/**
 * xpo_sim_cage_kick() - run the cage's module and data path state machines
 * @cage: the cage
 * @delay: in jiffies, 0 for now
 *
 * The earliest run asked for wins: a pending run due later is brought
 * forward, one due earlier is left alone.  Runs are idempotent and every
 * run re-arms whatever timed transition is still ahead, so a run that
 * comes early costs nothing and none is lost.  Nothing is queued once the
 * board is going away.
 */
void xpo_sim_cage_kick(struct xpo_sim_cage *cage, unsigned long delay)
{
	struct xpo_sim_gpio *gpio = &cage->board->gpio;
	unsigned long flags, due = jiffies + delay;

	raw_spin_lock_irqsave(&gpio->lock, flags);
	if (!gpio->dying &&
	    (!delayed_work_pending(&cage->sm_work) ||
	     time_before(due, cage->kick_due))) {
		mod_delayed_work(system_wq, &cage->sm_work, delay);
		cage->kick_due = due;
	}
	raw_spin_unlock_irqrestore(&gpio->lock, flags);
}

/**
 * xpo_sim_gpio_init() - register the board's GPIO chip
 * @board: the board, with num_cages set
 *
 * Electrical levels at power-on, as a board CPLD comes out of reset:
 * cage supply on, ResetL released, LPMode asserted (the host has not
 * released the modules from low power yet); every cage empty and no
 * interrupt or leak signalled.
 *
 * Return: 0 or a negative errno.
 */
int xpo_sim_gpio_init(struct xpo_sim_board *board)
{
	struct xpo_sim_gpio *gpio = &board->gpio;
	static const char * const line_names[XPO_SIM_LINES_PER_CAGE] = {
		[XPO_SIM_LINE_PRESENT]	= XPO_GPIO_PRESENT,
		[XPO_SIM_LINE_INT]	= XPO_GPIO_INT,
		[XPO_SIM_LINE_LEAK]	= XPO_GPIO_LEAK,
		[XPO_SIM_LINE_RESET]	= XPO_GPIO_RESET,
		[XPO_SIM_LINE_LPMODE]	= XPO_GPIO_LPMODE,
		[XPO_SIM_LINE_POWER]	= XPO_GPIO_POWER,
	};
	struct gpio_chip *gc = &gpio->gc;
	struct gpio_irq_chip *girq;
	unsigned int ngpio = board->num_cages * XPO_SIM_LINES_PER_CAGE;
	unsigned int i, line;
	int ret;

	raw_spin_lock_init(&gpio->lock);
	init_waitqueue_head(&gpio->irq_released);
	atomic_set(&gpio->irq_releases, 0);
	/* deliver from hard irq context even where irq_work is threaded */
	gpio->irq_work = IRQ_WORK_INIT_HARD(xpo_sim_irq_work);

	for (i = 0; i < ngpio; i++) {
		line = i % XPO_SIM_LINES_PER_CAGE;
		/*
		 * Every connected line starts high: ModPrsL (empty), IntL
		 * (deasserted), LeakL (dry), ResetL (released), LPMode (low
		 * power requested) and PowerEn (on).
		 */
		if (line < XPO_SIM_LINES_USED)
			__set_bit(i, gpio->level);
		if (!line_names[line])
			continue;
		/* gpiolib warns about a line name another chip has */
		if (board->index)
			snprintf(gpio->name_buf[i], sizeof(gpio->name_buf[i]),
				 "board%u-cage%u-%s", board->index,
				 i / XPO_SIM_LINES_PER_CAGE, line_names[line]);
		else
			snprintf(gpio->name_buf[i], sizeof(gpio->name_buf[i]),
				 "cage%u-%s", i / XPO_SIM_LINES_PER_CAGE,
				 line_names[line]);
		gpio->names[i] = gpio->name_buf[i];
	}
	/* the label is how the cages' lookup tables find the chip */
	if (board->index)
		snprintf(gpio->label, sizeof(gpio->label), "%s%u-gpio",
			 XPO_SIM_NAME, board->index);
	else
		strscpy(gpio->label, XPO_SIM_GPIO_LABEL, sizeof(gpio->label));

	gpio->swnode.name = "gpio";
	gpio->swnode.parent = &board->swnode;
	ret = software_node_register(&gpio->swnode);
	if (ret)
		return ret;
	gpio->swnode_registered = true;

	gc->label = gpio->label;
	gc->parent = &board->dev;
	gc->fwnode = software_node_fwnode(&gpio->swnode);
	/*
	 * Consumers must not pin this module, so that unloading the board
	 * behaves like unplugging it (their devices go first): gpiolib pins
	 * the parent's driver (none, see board.c) or else this owner.
	 */
	gc->owner = NULL;
	gc->base = -1;
	gc->ngpio = ngpio;
	gc->names = gpio->names;
	/* an expander sleeps; the board's own CPLD lines do not */
	gc->can_sleep = board->gpio_expander;
	gc->init_valid_mask = xpo_sim_gpio_init_valid_mask;
	gc->get_direction = xpo_sim_gpio_get_direction;
	gc->direction_input = xpo_sim_gpio_direction_input;
	gc->direction_output = xpo_sim_gpio_direction_output;
	gc->get = xpo_sim_gpio_get;
	gc->set = xpo_sim_gpio_set;

	girq = &gc->irq;
	gpio_irq_chip_set_chip(girq, &xpo_sim_irq_chip);
	girq->handler = handle_simple_irq;
	girq->default_type = IRQ_TYPE_NONE;
	girq->init_valid_mask = xpo_sim_irq_init_valid_mask;

	ret = gpiochip_add_data(gc, NULL);
	if (ret) {
		software_node_unregister(&gpio->swnode);
		gpio->swnode_registered = false;
		return ret;
	}
	gpio->added = true;
	return 0;
}

/**
 * xpo_sim_gpio_stop() - stop all emulator activity before teardown
 * @board: the board
 *
 * After this no state machine work runs and no interrupt is delivered;
 * line changes are still recorded.
 */
void xpo_sim_gpio_stop(struct xpo_sim_board *board)
{
	struct xpo_sim_gpio *gpio = &board->gpio;
	unsigned long flags;
	unsigned int i;

	raw_spin_lock_irqsave(&gpio->lock, flags);
	gpio->dying = true;
	raw_spin_unlock_irqrestore(&gpio->lock, flags);

	for (i = 0; i < board->num_cages; i++)
		cancel_delayed_work_sync(&board->cages[i].sm_work);
	irq_work_sync(&gpio->irq_work);
}

static bool xpo_sim_gpio_lines_released(struct xpo_sim_gpio *gpio)
{
	unsigned int i;

	for (i = 0; i < gpio->gc.ngpio; i++)
		if (xpo_gpiochip_line_held(&gpio->gc, i))
			return false;
	return true;
}

/**
 * xpo_sim_gpio_exit() - remove the GPIO chip
 * @board: the board
 *
 * The cage devices are gone, so the cage core holds no line; user space
 * may (GPIO character device edge events).  Removing the chip under them
 * would leak their interrupts (6.1) or their labels (6.12; see
 * xpo_gpiochip_line_held()), so wait until user space lets go, as
 * i2c_del_adapter() waits for open i2c-dev files.  Letting go ends with
 * the line's release, which wakes nobody: poll for it
 * (XPO_SIM_GPIO_RELEASE_POLL) once woken by the interrupt's.  The check
 * copies labels (GFP_KERNEL), so it runs between the waits, never as a
 * wait_event() condition, where the task is no longer TASK_RUNNING.
 */
void xpo_sim_gpio_exit(struct xpo_sim_board *board)
{
	struct xpo_sim_gpio *gpio = &board->gpio;
	bool warned = false;
	int seen;

	while (gpio->added) {
		seen = atomic_read(&gpio->irq_releases);
		if (xpo_sim_gpio_lines_released(gpio))
			break;
		if (!warned)
			dev_warn(&board->dev,
				 "waiting for user space to release the lines of %s\n",
				 gpio->label);
		warned = true;
		wait_event_idle_timeout(gpio->irq_released,
					atomic_read(&gpio->irq_releases) != seen,
					XPO_SIM_GPIO_RELEASE_POLL);
	}
	if (gpio->added)
		gpiochip_remove(&gpio->gc);
	gpio->added = false;
	if (gpio->swnode_registered)
		software_node_unregister(&gpio->swnode);
	gpio->swnode_registered = false;
}
