// SPDX-License-Identifier: GPL-2.0
/*
 * The "xpo_cage" platform driver: one device per cage, described by its
 * board driver (Documentation/xpo-model.rst, "Board description").  Probe
 * gathers the cage's resources (I2C adapter, GPIOs, interrupts), powers the
 * cage and starts its state machine; everything is released in reverse
 * order through devm.
 */
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/gpio/consumer.h>
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/minmax.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>

#include "xpo_model.h"
#include "xpo_compat.h"
#include "xpo_core.h"
#include "xpo_port.h"

/*
 * A debugging aid for boards whose interrupt routing is broken or unknown:
 * poll every input instead (as when a line has no interrupt).
 */
static bool use_irq = true;
module_param(use_irq, bool, 0444);
MODULE_PARM_DESC(use_irq, "Use the present/int interrupts (default true); false polls the lines");

/*
 * Warm restart is the default: probe adopts a module that is powered and
 * out of reset.  This resets every module at probe instead, as a cold
 * board is (a recovery aid, and for boards whose output lines cannot be
 * read back).
 */
static bool reset_on_probe;
module_param(reset_on_probe, bool, 0644);
MODULE_PARM_DESC(reset_on_probe, "Reset every module at probe (default false: adopt running modules)");

static const char * const xpo_pin_names[XPO_PIN_MAX] = {
	[XPO_PIN_PRESENT]	= XPO_GPIO_PRESENT,
	[XPO_PIN_INT]		= XPO_GPIO_INT,
	[XPO_PIN_LEAK]		= XPO_GPIO_LEAK,
	[XPO_PIN_RESET]		= XPO_GPIO_RESET,
	[XPO_PIN_LPMODE]	= XPO_GPIO_LPMODE,
	[XPO_PIN_POWER]		= XPO_GPIO_POWER,
};

/*
 * Outputs are requested as they are, so that a module left running by an
 * earlier driver instance is not touched (xpo_cage_get_gpios()).
 */
static const enum gpiod_flags xpo_pin_flags[XPO_PIN_MAX] = {
	[XPO_PIN_PRESENT]	= GPIOD_IN,
	[XPO_PIN_INT]		= GPIOD_IN,
	[XPO_PIN_LEAK]		= GPIOD_IN,
	[XPO_PIN_RESET]		= GPIOD_ASIS,
	[XPO_PIN_LPMODE]	= GPIOD_ASIS,
	[XPO_PIN_POWER]		= GPIOD_ASIS,
};

static bool xpo_pin_is_output(enum xpo_pin pin)
{
	return xpo_pin_flags[pin] == GPIOD_ASIS;
}

/* Return: the pin's logical level, -ENOENT without the pin, or an error */
int xpo_cage_pin_get(struct xpo_cage *cage, enum xpo_pin pin)
{
	if (!cage->gpio[pin])
		return -ENOENT;
	return gpiod_get_value_cansleep(cage->gpio[pin]);
}

/* May the state machine drive @pin to @on while the cage is held so? */
static bool xpo_cage_hold_allows(enum xpo_hold hold, enum xpo_pin pin,
				 bool on)
{
	switch (pin) {
	case XPO_PIN_POWER:
		return !on || hold != XPO_HOLD_POWER_OFF;
	case XPO_PIN_RESET:
		return on || hold != XPO_HOLD_POWER_OFF;
	case XPO_PIN_LPMODE:
		return on || hold == XPO_HOLD_NONE;
	default:
		return true;
	}
}

static void __xpo_cage_pin_drive(struct xpo_cage *cage, enum xpo_pin pin,
				 bool on)
{
	lockdep_assert_held(&cage->pin_lock);
	cage->out[pin] = on;
	if (cage->gpio[pin])
		gpiod_set_value_cansleep(cage->gpio[pin], on);
}

/*
 * Drive an output (sm_lock held); a missing pin only records the level.
 * While the protection holds the cage (xpo_cage_safety_hold()), a level
 * that would undo the hold is not driven: the state machine may run on,
 * but cannot power, release or raise a module the protection took down.
 */
void xpo_cage_pin_set(struct xpo_cage *cage, enum xpo_pin pin, bool on)
{
	mutex_lock(&cage->pin_lock);
	if (xpo_cage_hold_allows(cage->hold, pin, on))
		__xpo_cage_pin_drive(cage, pin, on);
	mutex_unlock(&cage->pin_lock);
}

/**
 * xpo_cage_safety_hold() - the protection's fast path to the pins
 * @cage: the cage; no lock held (may be called with sm_lock held)
 * @hold: XPO_HOLD_LOW_POWER or XPO_HOLD_POWER_OFF
 * @cond: the condition that asks for it (enum xpo_protect_cond), kept for
 *	the bookkeeping (__xpo_protect_service())
 *
 * Drives the outputs at once, taking only pin_lock: never waits for the
 * bus, the state machine or a reader.  Holds only escalate; they last
 * until xpo_cage_safety_release().
 */
void xpo_cage_safety_hold(struct xpo_cage *cage, enum xpo_hold hold,
			  unsigned int cond)
{
	mutex_lock(&cage->pin_lock);
	if (hold > cage->hold) {
		WRITE_ONCE(cage->hold_cond, cond);
		WRITE_ONCE(cage->hold, hold);
	}
	if (cage->hold == XPO_HOLD_POWER_OFF) {
		__xpo_cage_pin_drive(cage, XPO_PIN_POWER, false);
		__xpo_cage_pin_drive(cage, XPO_PIN_RESET, true);
	}
	__xpo_cage_pin_drive(cage, XPO_PIN_LPMODE, true);
	mutex_unlock(&cage->pin_lock);
}

/**
 * xpo_cage_safety_release() - lift the protection's hold (re-arm)
 * @cage: the cage, sm_lock held
 *
 * The pins stay as they are: the state machine drives them again.
 */
void xpo_cage_safety_release(struct xpo_cage *cage)
{
	mutex_lock(&cage->pin_lock);
	WRITE_ONCE(cage->hold, XPO_HOLD_NONE);
	mutex_unlock(&cage->pin_lock);
}

/* What the protection holds the cage in, without lock */
enum xpo_hold xpo_cage_hold(struct xpo_cage *cage)
{
	return READ_ONCE(cage->hold);
}

/* Without a present line a module is always present (as sfp.c). */
bool xpo_cage_present(struct xpo_cage *cage)
{
	int val = xpo_cage_pin_get(cage, XPO_PIN_PRESENT);

	if (val == -ENOENT)
		return true;
	if (val < 0)		/* unreadable: keep what we knew */
		return cage->sm.present;
	return val;
}

/**
 * xpo_cage_power_sequence() - power the cage and release the module
 * @cage: the cage, sm_lock held (or not yet started)
 *
 * Order: hold reset, request low power, supply on; wait XPO_T_POWER_ON_MS
 * for the supply (which also covers the minimum reset pulse); release
 * reset.  The module then runs its own power-on sequence and comes up in
 * ModuleLowPwr, where the state machine takes over.
 */
void xpo_cage_power_sequence(struct xpo_cage *cage)
{
	xpo_cage_pin_set(cage, XPO_PIN_RESET, true);
	xpo_cage_pin_set(cage, XPO_PIN_LPMODE, true);
	xpo_cage_pin_set(cage, XPO_PIN_POWER, true);
	msleep(XPO_T_POWER_ON_MS);
	xpo_cage_pin_set(cage, XPO_PIN_RESET, false);
}

static bool xpo_cage_int_asserted(struct xpo_cage *cage)
{
	return xpo_cage_pin_get(cage, XPO_PIN_INT) > 0;
}

/*
 * The present line, as sfp.c treats MOD_DEF0: a removal counts at once (the
 * module stops answering; nothing is gained by waiting), an insertion once
 * the line has held asserted for XPO_T_PRESENT_DEBOUNCE_MS (present_work
 * looks again when that time is up), so the bouncing contacts of a module
 * being seated or pulled are one insertion or one removal.
 *
 * @present_edge: the present line's interrupt fired.  If the line reads
 * asserted again and the machine still thinks the module is there, the
 * module was pulled and a module (maybe another one) seated between the
 * edge and this look: feed the removal that would otherwise be lost, and
 * give the module now seated the debounce of an insertion.  Not for an
 * edge older than the insertion the machine has (a bounce before it that
 * the interrupt thread looks at late).
 */
static void __xpo_cage_check_present(struct xpo_cage *cage, bool present_edge)
{
	bool present = xpo_cage_present(cage);
	unsigned long due;

	if (present != cage->present_raw) {
		cage->present_raw = present;
		cage->present_since = jiffies;
	}
	if (present_edge && present && cage->sm.present &&
	    time_after(READ_ONCE(cage->present_edge_at), cage->present_fed_at)) {
		__xpo_sm_event(cage, XPO_E_REMOVE);
		cage->present_since = jiffies;
	}
	if (present == cage->sm.present)
		return;
	if (!present) {
		__xpo_sm_event(cage, XPO_E_REMOVE);
		return;
	}
	due = cage->present_since + msecs_to_jiffies(XPO_T_PRESENT_DEBOUNCE_MS);
	if (time_before(jiffies, due)) {
		mod_delayed_work(xpo_wq, &cage->present_work, due - jiffies);
		return;
	}
	cage->present_fed_at = jiffies;
	__xpo_sm_event(cage, XPO_E_INSERT);
}

/*
 * A level IntL that stays asserted would fire again as soon as its thread
 * returns: disable it until the re-check (or the state machine) sees it
 * deasserted.  An edge interrupt needs nothing.
 */
static void __xpo_cage_int_mask(struct xpo_cage *cage)
{
	if (!cage->irq_level[XPO_PIN_INT] || cage->int_masked)
		return;
	cage->int_masked = true;
	cage->int_unread = !cage->sm.present ||
			   !xpo_sm_reads_flags(cage->sm.state);
	disable_irq_nosync(cage->irq[XPO_PIN_INT]);
}

/**
 * __xpo_cage_int_rearm() - enable a level IntL again once it deasserted
 * @cage: the cage, sm_lock held
 *
 * Called at the end of every state machine run (which reads, and so
 * clears, the flags) and by every look at the pins, so that the next
 * assertion interrupts at once rather than at the next re-check.  An IntL
 * masked while the machine did not read the flags (the module's boot
 * flags, raised while it probes) is enabled as soon as the machine would
 * read them, even if asserted: a module that enters ModulePwrUp right
 * after the high power request asserts IntL again before the run ends,
 * and its ModuleReady must not wait for the re-check.
 */
void __xpo_cage_int_rearm(struct xpo_cage *cage)
{
	lockdep_assert_held(&cage->sm_lock);
	if (!cage->int_masked ||
	    !xpo_sm_int_may_unmask(cage->sm.state, xpo_cage_int_asserted(cage),
				   cage->int_unread))
		return;
	cage->int_masked = false;
	cage->int_unread = false;
	enable_irq(cage->irq[XPO_PIN_INT]);
}

static void __xpo_cage_check_int(struct xpo_cage *cage)
{
	bool asserted = xpo_cage_int_asserted(cage);

	if (asserted && cage->sm.present) {
		__xpo_sm_event(cage, XPO_E_INTERRUPT);
		/*
		 * Still asserted: a flag the core did not clear (lane flags
		 * of a bank it does not watch), or a new one latched while
		 * we read: next time, the lane flags of every bank.
		 */
		asserted = xpo_cage_int_asserted(cage);
		if (asserted)
			cage->lanes_sweep = true;
	}
	if (!asserted) {
		__xpo_cage_int_rearm(cage);
		return;
	}
	/*
	 * Asserted and not cleared (or no module the machine knows of yet,
	 * the present debounce running): an edge interrupt will not fire
	 * again for it and a level one must not fire without end, so look
	 * again later.
	 */
	if (cage->irq[XPO_PIN_INT]) {
		__xpo_cage_int_mask(cage);
		mod_delayed_work(xpo_wq, &cage->poll,
				 msecs_to_jiffies(XPO_T_INT_RECHECK_MS));
	}
}

static void __xpo_cage_check_pins(struct xpo_cage *cage, bool present_edge)
{
	lockdep_assert_held(&cage->sm_lock);

	/* first: a leak is acted upon before anything else is looked at */
	__xpo_protect_leak_line(cage);
	__xpo_cage_check_present(cage, present_edge);
	__xpo_cage_check_int(cage);
}

/* Look at the inputs and feed the state machine what changed. */
void xpo_cage_check_pins(struct xpo_cage *cage)
{
	mutex_lock(&cage->sm_lock);
	if (!cage->stopping)
		__xpo_cage_check_pins(cage, false);
	mutex_unlock(&cage->sm_lock);
}

/*
 * IntL.  Once the machine stopped nobody reads the flags, and a level IntL
 * would fire again each time its thread returns until the IRQ is freed
 * (xpo_cage_get_irqs() says what that storm does): masked then.  Before
 * the machine starts it cannot fire (requested disabled).
 */
static irqreturn_t xpo_cage_irq(int irq, void *data)
{
	struct xpo_cage *cage = data;

	mutex_lock(&cage->sm_lock);
	if (!cage->stopping)
		__xpo_cage_check_pins(cage, false);
	else
		__xpo_cage_int_mask(cage);
	mutex_unlock(&cage->sm_lock);
	return IRQ_HANDLED;
}

/* The leak line: the protection acts first, then the machine looks */
static irqreturn_t xpo_cage_leak_irq(int irq, void *data)
{
	xpo_protect_fast(data);
	xpo_cage_check_pins(data);
	return IRQ_HANDLED;
}

/* When the present line changed: the thread may look much later */
static irqreturn_t xpo_cage_present_hardirq(int irq, void *data)
{
	struct xpo_cage *cage = data;

	WRITE_ONCE(cage->present_edge_at, jiffies);
	return IRQ_WAKE_THREAD;
}

/* The trigger that fires when the present line leaves its level now */
static unsigned int xpo_cage_present_trigger(struct xpo_cage *cage)
{
	int high = gpiod_get_raw_value_cansleep(cage->gpio[XPO_PIN_PRESENT]);

	return high > 0 ? IRQ_TYPE_LEVEL_LOW : IRQ_TYPE_LEVEL_HIGH;
}

/*
 * ModPrsL is a level.  As a level interrupt it is armed for the level
 * opposite to the one it has: each change fires once.  The trigger is
 * changed while the line is masked (IRQF_ONESHOT), before the line is
 * read for the machine, so a change after the read fires again.
 */
static irqreturn_t xpo_cage_present_irq(int irq, void *data)
{
	struct xpo_cage *cage = data;

	mutex_lock(&cage->sm_lock);
	if (!cage->stopping) {
		if (cage->irq_level[XPO_PIN_PRESENT])
			irq_set_irq_type(irq, xpo_cage_present_trigger(cage));
		__xpo_cage_check_pins(cage, true);
	}
	mutex_unlock(&cage->sm_lock);
	return IRQ_HANDLED;
}

/* The present line held its new level for the debounce time, or bounced */
static void xpo_cage_present_work(struct work_struct *work)
{
	xpo_cage_check_pins(container_of(to_delayed_work(work),
					 struct xpo_cage, present_work));
}

/*
 * Polling fallback for inputs without interrupt, and the module state poll
 * for cages without an IntL line; also the IntL re-check.
 */
static void xpo_cage_poll_work(struct work_struct *work)
{
	struct xpo_cage *cage = container_of(to_delayed_work(work),
					     struct xpo_cage, poll);

	/* a polled leak line: acted upon before the machine's lock */
	if (!cage->irq[XPO_PIN_LEAK])
		xpo_protect_fast(cage);
	mutex_lock(&cage->sm_lock);
	if (cage->stopping)
		goto out;
	__xpo_cage_check_pins(cage, false);
	if (!cage->gpio[XPO_PIN_INT] &&
	    ++cage->poll_ticks >= XPO_T_POLL_STATE_MS / XPO_T_POLL_MS) {
		cage->poll_ticks = 0;
		__xpo_sm_event(cage, XPO_E_POLL);
	}
	if (cage->need_poll)
		mod_delayed_work(xpo_wq, &cage->poll,
				 msecs_to_jiffies(XPO_T_POLL_MS));
out:
	mutex_unlock(&cage->sm_lock);
}

static void xpo_cage_free(struct kref *ref)
{
	struct xpo_cage *cage = container_of(ref, struct xpo_cage, ref);

	mutex_destroy(&cage->breakout_lock);
	mutex_destroy(&cage->pin_lock);
	mutex_destroy(&cage->io_lock);
	mutex_destroy(&cage->sm_lock);
	kfree(cage);
}

/**
 * xpo_cage_put() - drop a reference taken by xpo_cage_get()
 * @cage: the cage
 */
void xpo_cage_put(struct xpo_cage *cage)
{
	kref_put(&cage->ref, xpo_cage_free);
}
EXPORT_SYMBOL_GPL(xpo_cage_put);

static struct xpo_cage *xpo_cage_alloc(struct device *dev)
{
	struct xpo_cage *cage;

	cage = kzalloc(sizeof(*cage), GFP_KERNEL);
	if (!cage)
		return NULL;
	cage->dev = dev;
	kref_init(&cage->ref);
	mutex_init(&cage->sm_lock);
	mutex_init(&cage->io_lock);
	mutex_init(&cage->pin_lock);
	mutex_init(&cage->breakout_lock);
	spin_lock_init(&cage->shadow_lock);
	INIT_DELAYED_WORK(&cage->timeout, xpo_sm_timeout_work);
	INIT_DELAYED_WORK(&cage->poll, xpo_cage_poll_work);
	INIT_DELAYED_WORK(&cage->present_work, xpo_cage_present_work);
	INIT_DELAYED_WORK(&cage->lanes_work, xpo_lanes_work);
	init_waitqueue_head(&cage->state_wq);
	INIT_LIST_HEAD(&cage->attached);
	xpo_sm_init(&cage->sm, true);
	cage->settled_state = cage->sm.state;
	cage->io_state = cage->sm.state;
	cage->power_policy = XPO_POWER_POLICY_HIGH;
	xpo_breakout_default(&cage->layout);
	xpo_protect_init(cage);
	xpo_guard_init(cage);
	xpo_cmis_adv_init(&cage->adv);
	cage->stopping = true;		/* until xpo_cage_start() */
	return cage;
}

static void xpo_cage_stop(struct xpo_cage *cage)
{
	mutex_lock(&cage->sm_lock);
	WRITE_ONCE(cage->stopping, true);
	mutex_unlock(&cage->sm_lock);
	/* a reset waiter must not wait for a machine that no longer runs */
	wake_up_all(&cage->state_wq);
	/* nothing queues work once stopping is set */
	cancel_delayed_work_sync(&cage->timeout);
	cancel_delayed_work_sync(&cage->poll);
	cancel_delayed_work_sync(&cage->present_work);
	cancel_delayed_work_sync(&cage->lanes_work);
	cancel_delayed_work_sync(&cage->limit_work);
	xpo_guard_stop(cage);
}

/* devm action, registered first and so run last: the device is going. */
static void xpo_cage_release(void *data)
{
	struct xpo_cage *cage = data;

	xpo_cage_stop(cage);

	mutex_lock(&cage->io_lock);
	cage->gone = true;
	cage->io_enabled = false;
	mutex_unlock(&cage->io_lock);
	/* the broker kicks the protection only while not gone */
	cancel_work_sync(&cage->protect_work);

	if (cage->xport)
		cage->xport->ops->release(cage->xport);
	xpo_cage_put(cage);
}

static int xpo_cage_get_transport(struct xpo_cage *cage)
{
	struct xpo_transport *t = xpo_transport_i2c_get(cage->dev);

	if (IS_ERR(t))
		return PTR_ERR(t);
	cage->xport = t;
	return 0;
}

/*
 * The level an output reads at probe: 0 or 1 if an earlier driver instance
 * (or the board's firmware) drives it, -ENODATA if it is not driven (an
 * input, as a GPIO comes out of reset) or cannot be read back.
 */
static int xpo_cage_output_level(struct gpio_desc *gpio)
{
	int val;

	if (gpiod_get_direction(gpio) != GPIO_LINE_DIRECTION_OUT)
		return -ENODATA;
	val = gpiod_get_value_cansleep(gpio);
	return val < 0 ? -ENODATA : val;
}

/*
 * Warm restart: the outputs are requested as they are and read back.  The
 * module is adopted, not reset, if every output is driven, the supply is
 * on and reset is released (a pin the board lacks counts as such), unless
 * reset_on_probe asks otherwise.  Each output is then driven at the level
 * it had.  Otherwise (a cold board: outputs never driven, or the supply
 * off, or reset held) they start with the module held in reset, low power
 * requested and the supply on, and xpo_cage_power_sequence() follows.
 */
static int xpo_cage_get_gpios(struct xpo_cage *cage)
{
	static const bool cold[XPO_PIN_MAX] = {
		[XPO_PIN_RESET] = true, [XPO_PIN_LPMODE] = true,
		[XPO_PIN_POWER] = true,
	};
	int level[XPO_PIN_MAX];
	struct gpio_desc *gpio;
	enum xpo_pin pin;
	bool adopt = !reset_on_probe;
	int err;

	for (pin = 0; pin < XPO_PIN_MAX; pin++) {
		gpio = devm_gpiod_get_optional(cage->dev, xpo_pin_names[pin],
					       xpo_pin_flags[pin]);
		if (IS_ERR(gpio))
			return dev_err_probe(cage->dev, PTR_ERR(gpio),
					     "GPIO '%s'\n", xpo_pin_names[pin]);
		cage->gpio[pin] = gpio;
		if (!xpo_pin_is_output(pin))
			continue;
		level[pin] = gpio ? xpo_cage_output_level(gpio) : cold[pin];
		if (level[pin] < 0)
			adopt = false;
	}
	if (level[XPO_PIN_POWER] != 1 || level[XPO_PIN_RESET] != 0)
		adopt = false;
	cage->adopt = adopt;

	for (pin = 0; pin < XPO_PIN_MAX; pin++) {
		if (!xpo_pin_is_output(pin))
			continue;
		cage->out[pin] = adopt ? level[pin] : cold[pin];
		if (!cage->gpio[pin])
			continue;
		err = gpiod_direction_output(cage->gpio[pin], cage->out[pin]);
		if (err)
			return dev_err_probe(cage->dev, err, "GPIO '%s' as output\n",
					     xpo_pin_names[pin]);
	}
	return 0;
}

/*
 * A threaded interrupt (IRQF_ONESHOT: the line stays masked until the
 * thread is done) on @trigger, or on both edges if the interrupt
 * controller refuses a level trigger; @flags adds to either.  Return: 0 or
 * the error of the request on both edges.
 */
static int xpo_cage_request_irq(struct xpo_cage *cage, enum xpo_pin pin,
				int irq, unsigned int trigger,
				unsigned long flags, irq_handler_t hard,
				irq_handler_t fn, const char *name)
{
	int err;

	flags |= IRQF_ONESHOT;
	if (trigger) {
		err = devm_request_threaded_irq(cage->dev, irq, hard, fn,
						flags | trigger, name, cage);
		if (!err) {
			cage->irq_level[pin] = true;
			return 0;
		}
		dev_dbg(cage->dev, "no level interrupt for '%s' (%d): both edges\n",
			xpo_pin_names[pin], err);
	}
	return devm_request_threaded_irq(cage->dev, irq, hard, fn,
					 flags | IRQF_TRIGGER_RISING |
					 IRQF_TRIGGER_FALLING, name, cage);
}

/*
 * present, int and leak get a threaded interrupt; an input without
 * interrupt is polled.  Without an int line at all the module state is
 * polled.  IntL and ModPrsL are levels (CMIS, QSFP-DD and OSFP): IntL is
 * requested on its asserted level (the polarity is the lookup's), ModPrsL
 * on the level it does not have now (its handler flips it); both fall
 * back to both edges where the controller has no level triggers.  The
 * leak line stays on both edges: the protection must see its assertion
 * at once and must not be re-entered while the leak lasts.  The handlers
 * read the levels, so edges work whatever the polarity.
 *
 * IntL is requested disabled and enabled by xpo_cage_start(): the module
 * asserts it for its boot flags as it leaves reset, and until the machine
 * runs nobody reads them.  Enabled at once, the level fired again each
 * time its SCHED_FIFO thread returned, and on the CPU it shared with this
 * probe it ran for up to a second (RT throttling the only limit), the
 * probe's own thread waiting behind it (Documentation/testing.rst,
 * "Bring-up").
 */
static int xpo_cage_get_irqs(struct xpo_cage *cage)
{
	static const enum xpo_pin pins[] = {
		XPO_PIN_PRESENT, XPO_PIN_INT, XPO_PIN_LEAK,
	};
	unsigned int i, trigger;
	unsigned long flags;
	struct gpio_desc *gpio;
	irq_handler_t hard, fn;
	char *name;
	int irq, err;

	cage->need_poll = !cage->gpio[XPO_PIN_INT] || !use_irq;
	for (i = 0; use_irq && i < ARRAY_SIZE(pins); i++) {
		gpio = cage->gpio[pins[i]];
		if (!gpio)
			continue;
		irq = gpiod_to_irq(gpio);
		if (irq <= 0) {
			cage->need_poll = true;
			continue;
		}
		name = devm_kasprintf(cage->dev, GFP_KERNEL, "%s-%s",
				      dev_name(cage->dev),
				      xpo_pin_names[pins[i]]);
		if (!name)
			return -ENOMEM;
		hard = NULL;
		fn = xpo_cage_irq;
		trigger = 0;
		flags = 0;
		if (pins[i] == XPO_PIN_PRESENT) {
			hard = xpo_cage_present_hardirq;
			fn = xpo_cage_present_irq;
			trigger = xpo_cage_present_trigger(cage);
		} else if (pins[i] == XPO_PIN_LEAK) {
			/* both edges (see above); the protection acts first */
			fn = xpo_cage_leak_irq;
		} else if (pins[i] == XPO_PIN_INT) {
			trigger = gpiod_is_active_low(gpio) ? IRQF_TRIGGER_LOW :
							      IRQF_TRIGGER_HIGH;
			flags = IRQF_NO_AUTOEN;
		}
		err = xpo_cage_request_irq(cage, pins[i], irq, trigger, flags,
					   hard, fn, name);
		if (err) {
			dev_warn(cage->dev, "no interrupt for '%s' (%d), polling\n",
				 xpo_pin_names[pins[i]], err);
			cage->need_poll = true;
			continue;
		}
		cage->irq[pins[i]] = irq;
	}
	return 0;
}

static void xpo_cage_unregister(void *data)
{
	xpo_registry_del(data);
}

static void xpo_cage_debugfs_del(void *data)
{
	xpo_debugfs_cage_del(data);
}

/*
 * A probe that fails once the machine runs stops it before the ports go;
 * on remove it runs again, after xpo_cage_remove(): the owners of attached
 * ports hear of it once (xpo_attach_removed()).
 */
static void xpo_cage_stop_action(void *data)
{
	xpo_cage_stop(data);
	xpo_attach_removed(data);
}

/* After the machine stopped: no carrier change races with this */
static void xpo_cage_ports_destroy(void *data)
{
	xpo_ports_destroy(data);
}

static void xpo_cage_devlink_destroy(void *data)
{
	xpo_devlink_destroy(data);
}

/*
 * Sample the inputs once: a module seated before probe is an insertion (it
 * has been seated for longer than any debounce), or, found powered and out
 * of reset, an adoption.
 */
static void xpo_cage_start(struct xpo_cage *cage)
{
	mutex_lock(&cage->sm_lock);
	WRITE_ONCE(cage->stopping, false);
	/* requested disabled (xpo_cage_get_irqs()); its thread waits for us */
	if (cage->irq[XPO_PIN_INT])
		enable_irq(cage->irq[XPO_PIN_INT]);
	cage->present_raw = xpo_cage_present(cage);
	cage->present_since = jiffies -
			      msecs_to_jiffies(XPO_T_PRESENT_DEBOUNCE_MS);
	cage->present_fed_at = jiffies;
	if (cage->adopt && cage->present_raw) {
		/* a leak first, as in every look at the pins */
		__xpo_protect_leak_line(cage);
		__xpo_sm_event(cage, XPO_E_ADOPT);
	}
	__xpo_cage_check_pins(cage, false);
	if (cage->need_poll)
		mod_delayed_work(xpo_wq, &cage->poll,
				 msecs_to_jiffies(XPO_T_POLL_MS));
	mutex_unlock(&cage->sm_lock);
}

/*
 * The cage's name: its board and its front-panel number on the board
 * (xpo_model.h).  A description without "xpo,cage" numbers cages by
 * platform device id, as single-board descriptions always did.
 */
static int xpo_cage_read_name(struct platform_device *pdev, u32 *board,
			      u32 *nr)
{
	struct device *dev = &pdev->dev;

	if (device_property_read_u32(dev, XPO_PROP_BOARD, board))
		*board = 0;
	if (*board > XPO_BOARD_MAX)
		return dev_err_probe(dev, -EINVAL, "'%s' %u: boards are 0-%u\n",
				     XPO_PROP_BOARD, *board, XPO_BOARD_MAX);
	if (device_property_read_u32(dev, XPO_PROP_CAGE, nr)) {
		if (pdev->id < 0)
			return dev_err_probe(dev, -EINVAL,
					     "no '%s' and no platform device id: no cage number\n",
					     XPO_PROP_CAGE);
		*nr = pdev->id;
	}
	if (*nr > XPO_CAGE_NR_MAX)
		return dev_err_probe(dev, -EINVAL, "cage %u: cages are 0-%lu\n",
				     *nr, XPO_CAGE_NR_MAX);
	return 0;
}

static int xpo_cage_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct xpo_cage *cage;
	u32 board, nr;
	int err;

	err = xpo_cage_read_name(pdev, &board, &nr);
	if (err)
		return err;
	cage = xpo_cage_alloc(dev);
	if (!cage)
		return -ENOMEM;
	cage->board_nr = board;
	cage->nr = nr;
	err = devm_add_action_or_reset(dev, xpo_cage_release, cage);
	if (err)
		return err;
	platform_set_drvdata(pdev, cage);

	err = xpo_cage_get_transport(cage);
	if (err)
		return err;

	if (device_property_read_u32(dev, XPO_PROP_MAX_POWER,
				     &cage->max_power_mw)) {
		cage->max_power_mw = XPO_MAX_POWER_MW;
		dev_warn(dev, "no '%s', assuming %u mW\n", XPO_PROP_MAX_POWER,
			 cage->max_power_mw);
	}

	cage->board_protection =
		device_property_read_bool(dev, XPO_PROP_BOARD_PROTECTION);
	cage->external_ports =
		device_property_read_bool(dev, XPO_PROP_EXTERNAL_PORTS);
	err = xpo_cage_get_gpios(cage);
	if (err)
		return err;
	if (!cage->adopt)
		xpo_cage_power_sequence(cage);

	err = xpo_registry_add(cage);
	if (err == -EEXIST)
		return dev_err_probe(dev, err, "board %u has a cage %u already\n",
				     cage->board_nr, cage->nr);
	if (err)
		return err;
	err = devm_add_action_or_reset(dev, xpo_cage_unregister, cage);
	if (err)
		return err;

	xpo_debugfs_cage_add(cage);
	err = devm_add_action_or_reset(dev, xpo_cage_debugfs_del, cage);
	if (err)
		return err;

	/* the leak line is watched before the machine can raise the module */
	err = xpo_cage_get_irqs(cage);
	if (err)
		return err;

	/* the ports' devlink ports hang off it (xpo_devlink.c) */
	err = xpo_devlink_create(cage);
	if (err)
		return dev_err_probe(dev, err, "cannot create the devlink instance\n");
	err = devm_add_action_or_reset(dev, xpo_cage_devlink_destroy, cage);
	if (err)
		return err;

	/* before the machine starts; none if a switch driver owns them */
	err = cage->external_ports ? 0 : xpo_ports_create(cage);
	if (err)
		return dev_err_probe(dev, err, "cannot create the port netdevs\n");
	err = devm_add_action_or_reset(dev, xpo_cage_ports_destroy, cage);
	if (err)
		return err;

	/*
	 * The module powers up while the rest registers: its ModulePwrUp
	 * runs beside the other cages' probes (asynchronous, see
	 * xpo_cage_driver), not after them.  Undone first on a failure below.
	 */
	xpo_cage_start(cage);
	err = devm_add_action_or_reset(dev, xpo_cage_stop_action, cage);
	if (err)
		return err;

	err = xpo_hwmon_register(cage);
	if (err)
		return dev_err_probe(dev, err, "cannot register hwmon\n");

	err = cage->external_ports ? 0 : xpo_ports_register(cage);
	if (err)
		return dev_err_probe(dev, err, "cannot register the port netdevs\n");

	dev_dbg(dev, "cage %u on %s, %u mW, %s, %s\n", cage->nr,
		cage->xport->name, cage->max_power_mw,
		cage->need_poll ? "polled" : "interrupts",
		cage->adopt ? "module adopted" : "reset at probe");
	return 0;
}

/*
 * The driver lets go of the cage (unbind, unload, shutdown, kexec): leave
 * it in a safe state, since the protection stops with the driver.  Unless
 * the board keeps the protection on its own, a module is put in low power
 * (LPMode and LowPwrRequestSW: the pin alone needs LowPwrAllowRequestHW)
 * but stays powered, so that the next probe adopts it without a reset.
 * One line per cage says what was left.  The machine is stopped.
 */
static void xpo_cage_leave(struct xpo_cage *cage)
{
	enum xpo_sm_state state;
	int err = 0;

	mutex_lock(&cage->sm_lock);
	state = cage->sm.state;
	if (cage->board_protection) {
		mutex_unlock(&cage->sm_lock);
		dev_info(cage->dev, "cage %u left %s: the board keeps the protection\n",
			 cage->nr, xpo_sm_state_name(state));
		return;
	}
	if (state != XPO_S_POWERED_OFF) {
		xpo_cage_pin_set(cage, XPO_PIN_LPMODE, true);
		if (cage->io_enabled)
			err = xpo_module_set_low_power(cage, true);
	}
	mutex_unlock(&cage->sm_lock);

	if (state == XPO_S_POWERED_OFF)
		dev_info(cage->dev, "cage %u left powered off: no protection without the driver\n",
			 cage->nr);
	else if (err)
		dev_info(cage->dev, "cage %u left %s, low power requested by LPMode only (%d): no protection without the driver\n",
			 cage->nr, xpo_sm_state_name(state), err);
	else
		dev_info(cage->dev, "cage %u left %s in low power: no protection without the driver\n",
			 cage->nr, xpo_sm_state_name(state));
}

/*
 * Once stopped, the handlers no longer look at the lines, so nothing would
 * service a level interrupt: IntL asserted by leaving (the module's state
 * changes to low power) would fire again each time its thread returns,
 * until devm frees it after the ports.  On a slow CPU that storm of an RT
 * thread starves everything else on its CPU, the netdev unregistration's
 * per-CPU flush among them.  Disabled, and waited for, before leaving.
 */
static void xpo_cage_quiesce_irqs(struct xpo_cage *cage)
{
	enum xpo_pin pin;

	for (pin = 0; pin < XPO_PIN_MAX; pin++)
		if (cage->irq[pin])
			disable_irq(cage->irq[pin]);
}

static void xpo_cage_remove(struct platform_device *pdev)
{
	struct xpo_cage *cage = platform_get_drvdata(pdev);

	/* the rest (the port netdevs first) is undone by devm, in reverse */
	xpo_cage_stop(cage);
	xpo_attach_removed(cage);
	xpo_cage_quiesce_irqs(cage);
	xpo_cage_leave(cage);
}

/* Reboot, power off, kexec: no remove follows, the same safe state */
static void xpo_cage_shutdown(struct platform_device *pdev)
{
	struct xpo_cage *cage = platform_get_drvdata(pdev);

	if (!cage)
		return;
	xpo_cage_stop(cage);
	xpo_cage_quiesce_irqs(cage);
	xpo_cage_leave(cage);
}

static const struct platform_device_id xpo_cage_ids[] = {
	{ .name = XPO_CAGE_DRV_NAME },
	{ }
};
MODULE_DEVICE_TABLE(platform, xpo_cage_ids);

struct platform_driver xpo_cage_driver = {
	.probe = xpo_cage_probe,
	XPO_PLATFORM_REMOVE(xpo_cage_remove),
	.shutdown = xpo_cage_shutdown,
	.id_table = xpo_cage_ids,
	.driver = {
		.name = XPO_CAGE_DRV_NAME,
		/*
		 * The cages of a board probe side by side, so that their
		 * modules power up together; module init still waits for
		 * them (do_init_module()), so insmod returns with every cage
		 * registered.
		 */
		.probe_type = PROBE_PREFER_ASYNCHRONOUS,
	},
};
