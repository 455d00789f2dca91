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

static const char * const xpo_pin_names[XPO_PIN_MAX] = {
	[XPO_PIN_PRESENT]	= XPO_GPIO_PRESENT,
	[XPO_PIN_INT]		= XPO_GPIO_INT,
	[XPO_PIN_LEAK]		= XPO_GPIO_LEAK,
	[XPO_PIN_RESET]		= XPO_GPIO_RESET,
	[XPO_PIN_LPMODE]	= XPO_GPIO_LPMODE,
	[XPO_PIN_POWER]		= XPO_GPIO_POWER,
};

/*
 * Outputs start with the module held in reset, low power requested and the
 * supply on; xpo_cage_power_sequence() then releases reset.
 */
static const enum gpiod_flags xpo_pin_flags[XPO_PIN_MAX] = {
	[XPO_PIN_PRESENT]	= GPIOD_IN,
	[XPO_PIN_INT]		= GPIOD_IN,
	[XPO_PIN_LEAK]		= GPIOD_IN,
	[XPO_PIN_RESET]		= GPIOD_OUT_HIGH,
	[XPO_PIN_LPMODE]	= GPIOD_OUT_HIGH,
	[XPO_PIN_POWER]		= GPIOD_OUT_HIGH,
};

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
 * @present_edge: the present line's interrupt fired.  If the line reads
 * asserted again and the machine still thinks the module is there, the
 * module was pulled and a module (maybe another one) seated between the
 * edge and this look: feed the removal that would otherwise be lost, so
 * that the new module is probed afresh.
 */
static void __xpo_cage_check_pins(struct xpo_cage *cage, bool present_edge)
{
	bool present;

	lockdep_assert_held(&cage->sm_lock);

	/* first: a leak is acted upon before anything else is looked at */
	__xpo_protect_leak_line(cage);
	present = xpo_cage_present(cage);
	if (present_edge && present && cage->sm.present)
		__xpo_sm_event(cage, XPO_E_REMOVE);
	if (present != cage->sm.present)
		__xpo_sm_event(cage, present ? XPO_E_INSERT : XPO_E_REMOVE);

	if (!cage->sm.present || !xpo_cage_int_asserted(cage))
		return;
	__xpo_sm_event(cage, XPO_E_INTERRUPT);
	/*
	 * Still asserted: a flag the core did not clear (lane flags of a
	 * bank it does not watch), or a new one latched while we read.  An
	 * edge-triggered interrupt will not fire again for it, so look again
	 * later, then at the lane flags of every bank.
	 */
	if (xpo_cage_int_asserted(cage)) {
		cage->lanes_sweep = true;
		if (cage->irq[XPO_PIN_INT])
			mod_delayed_work(xpo_wq, &cage->poll,
					 msecs_to_jiffies(XPO_T_INT_RECHECK_MS));
	}
}

/* Look at the inputs and feed the state machine what changed. */
void xpo_cage_check_pins(struct xpo_cage *cage)
{
	mutex_lock(&cage->sm_lock);
	if (!cage->stopping)
		__xpo_cage_check_pins(cage, false);
	mutex_unlock(&cage->sm_lock);
}

static irqreturn_t xpo_cage_irq(int irq, void *data)
{
	xpo_cage_check_pins(data);
	return IRQ_HANDLED;
}

/* The leak line: the protection acts first, then the machine looks */
static irqreturn_t xpo_cage_leak_irq(int irq, void *data)
{
	xpo_protect_fast(data);
	xpo_cage_check_pins(data);
	return IRQ_HANDLED;
}

static irqreturn_t xpo_cage_present_irq(int irq, void *data)
{
	struct xpo_cage *cage = data;

	mutex_lock(&cage->sm_lock);
	if (!cage->stopping)
		__xpo_cage_check_pins(cage, true);
	mutex_unlock(&cage->sm_lock);
	return IRQ_HANDLED;
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
	spin_lock_init(&cage->shadow_lock);
	INIT_DELAYED_WORK(&cage->timeout, xpo_sm_timeout_work);
	INIT_DELAYED_WORK(&cage->poll, xpo_cage_poll_work);
	INIT_DELAYED_WORK(&cage->lanes_work, xpo_lanes_work);
	init_waitqueue_head(&cage->state_wq);
	xpo_sm_init(&cage->sm, true);
	cage->settled_state = cage->sm.state;
	cage->io_state = cage->sm.state;
	cage->power_policy = XPO_POWER_POLICY_HIGH;
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

static int xpo_cage_get_gpios(struct xpo_cage *cage)
{
	struct gpio_desc *gpio;
	enum xpo_pin pin;

	for (pin = 0; pin < XPO_PIN_MAX; pin++) {
		gpio = devm_gpiod_get_optional(cage->dev, xpo_pin_names[pin],
					       xpo_pin_flags[pin]);
		if (IS_ERR(gpio))
			return dev_err_probe(cage->dev, PTR_ERR(gpio),
					     "GPIO '%s'\n", xpo_pin_names[pin]);
		cage->gpio[pin] = gpio;
		cage->out[pin] = xpo_pin_flags[pin] == GPIOD_OUT_HIGH;
	}
	return 0;
}

/*
 * present and int get a threaded interrupt on both edges (the handler reads
 * the level, so the electrical polarity does not matter); an input without
 * interrupt is polled.  Without an int line at all the module state is
 * polled.
 */
static int xpo_cage_get_irqs(struct xpo_cage *cage)
{
	static const enum xpo_pin pins[] = {
		XPO_PIN_PRESENT, XPO_PIN_INT, XPO_PIN_LEAK,
	};
	irq_handler_t fn;
	unsigned int i;
	char *name;
	int irq, err;

	cage->need_poll = !cage->gpio[XPO_PIN_INT] || !use_irq;
	for (i = 0; use_irq && i < ARRAY_SIZE(pins); i++) {
		if (!cage->gpio[pins[i]])
			continue;
		irq = gpiod_to_irq(cage->gpio[pins[i]]);
		if (irq <= 0) {
			cage->need_poll = true;
			continue;
		}
		name = devm_kasprintf(cage->dev, GFP_KERNEL, "%s-%s",
				      dev_name(cage->dev),
				      xpo_pin_names[pins[i]]);
		if (!name)
			return -ENOMEM;
		fn = pins[i] == XPO_PIN_PRESENT ? xpo_cage_present_irq :
		     pins[i] == XPO_PIN_LEAK ? xpo_cage_leak_irq :
					       xpo_cage_irq;
		err = devm_request_threaded_irq(cage->dev, irq, NULL, fn,
						IRQF_ONESHOT |
						IRQF_TRIGGER_RISING |
						IRQF_TRIGGER_FALLING,
						name, cage);
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

/* After remove() stopped the machine: no carrier change races with this */
static void xpo_cage_ports_destroy(void *data)
{
	xpo_ports_destroy(data);
}

/* Sample the inputs once (a module seated before probe is an insertion). */
static void xpo_cage_start(struct xpo_cage *cage)
{
	mutex_lock(&cage->sm_lock);
	WRITE_ONCE(cage->stopping, false);
	__xpo_cage_check_pins(cage, false);
	if (cage->need_poll)
		mod_delayed_work(xpo_wq, &cage->poll,
				 msecs_to_jiffies(XPO_T_POLL_MS));
	mutex_unlock(&cage->sm_lock);
}

static int xpo_cage_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct xpo_cage *cage;
	int err;

	if (pdev->id < 0)
		return dev_err_probe(dev, -EINVAL,
				     "no cage number (platform device id)\n");

	cage = xpo_cage_alloc(dev);
	if (!cage)
		return -ENOMEM;
	cage->nr = pdev->id;
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

	err = xpo_cage_get_gpios(cage);
	if (err)
		return err;
	xpo_cage_power_sequence(cage);

	err = xpo_registry_add(cage);
	if (err)
		return dev_err_probe(dev, err, "cage %u registered twice\n",
				     cage->nr);
	err = devm_add_action_or_reset(dev, xpo_cage_unregister, cage);
	if (err)
		return err;

	xpo_debugfs_cage_add(cage);
	err = devm_add_action_or_reset(dev, xpo_cage_debugfs_del, cage);
	if (err)
		return err;

	err = xpo_hwmon_register(cage);
	if (err)
		return dev_err_probe(dev, err, "cannot register hwmon\n");

	err = xpo_cage_get_irqs(cage);
	if (err)
		return err;

	/* before the machine starts: it drives the ports' carrier */
	err = xpo_ports_create(cage, XPO_PORTS_MAX);
	if (err)
		return dev_err_probe(dev, err, "cannot create the port netdevs\n");
	err = devm_add_action_or_reset(dev, xpo_cage_ports_destroy, cage);
	if (err)
		return err;

	xpo_cage_start(cage);
	dev_dbg(dev, "cage %u on %s, %u mW, %s\n", cage->nr, cage->xport->name,
		cage->max_power_mw, cage->need_poll ? "polled" : "interrupts");
	return 0;
}

static void xpo_cage_remove(struct platform_device *pdev)
{
	/* the rest (the port netdevs first) is undone by devm, in reverse */
	xpo_cage_stop(platform_get_drvdata(pdev));
}

static const struct platform_device_id xpo_cage_ids[] = {
	{ .name = XPO_CAGE_DRV_NAME },
	{ }
};
MODULE_DEVICE_TABLE(platform, xpo_cage_ids);

struct platform_driver xpo_cage_driver = {
	.probe = xpo_cage_probe,
	XPO_PLATFORM_REMOVE(xpo_cage_remove),
	.id_table = xpo_cage_ids,
	.driver = {
		.name = XPO_CAGE_DRV_NAME,
	},
};
