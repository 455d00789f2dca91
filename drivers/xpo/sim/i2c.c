// SPDX-License-Identifier: GPL-2.0
/*
 * xpo_sim I2C: one real I2C adapter per cage, so that the cage core,
 * i2c-dev and i2c-tools all reach the emulated module the way they reach a
 * real one.  The module answers at 0x50 only; an empty, unpowered or reset
 * cage, and any other address, NACKs (-ENXIO).
 *
 * Every message is accounted (count, payload bytes, time on the wire at the
 * board's bus clock) and, in realistic timing, takes that time.
 */

#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/i2c.h>
#include <linux/math64.h>
#include <linux/property.h>

#include "xpo_compat.h"
#include "sim.h"

/*
 * Wire time model, in bit times: START (or repeated START) 1, address byte
 * and its ACK 9, each data byte and its ACK 9, STOP 1.  The START/STOP
 * setup and hold times of Fm+ are about half a bit each; one bit is close
 * enough and keeps the model easy to check.
 */
#define XPO_SIM_BITS_START		1
#define XPO_SIM_BITS_BYTE		9
#define XPO_SIM_BITS_STOP		1

/* Count one message; return its wire time in ns */
static u64 xpo_sim_i2c_account(struct xpo_sim_cage *cage, unsigned int bytes,
			       unsigned int bits)
{
	unsigned int khz = READ_ONCE(cage->board->bus_khz);
	u64 ns = div_u64((u64)bits * USEC_PER_SEC, khz);

	atomic64_inc(&cage->transfers);
	atomic64_add(bytes, &cage->bytes);
	atomic64_add(ns, &cage->bus_ns);
	return ns;
}

/*
 * Realistic timing: the transfer returns no sooner than its wire time after
 * it started, as on a real bus.  One sleep for the whole transfer, to an
 * absolute end, so that the emulation's own CPU time counts as bus time
 * and timer wake-ups (which overshoot a short sleep by far more in a TCG
 * guest than on hardware) are paid once a transfer, not once a message.
 * Outside the cage lock: the bus is busy, not the module.
 */
static void xpo_sim_i2c_wire_wait(struct xpo_sim_cage *cage, ktime_t start,
				  u64 busy_ns)
{
	ktime_t end = ktime_add_ns(start, busy_ns);
	ktime_t now = ktime_get();

	if (READ_ONCE(cage->board->timing) != XPO_SIM_TIMING_REALISTIC)
		return;
	if (ktime_before(now, end)) {
		u64 slack = div_u64(busy_ns, 8) + NSEC_PER_USEC;

		set_current_state(TASK_UNINTERRUPTIBLE);
		schedule_hrtimeout_range(&end, slack, HRTIMER_MODE_ABS);
		now = ktime_get();
	}
	/* what the transfer really took: timer wake-ups overshoot */
	atomic64_add(ktime_to_ns(ktime_sub(now, start)), &cage->bus_wait_ns);
}

/* One message; the cage lock is held only for it (see struct xpo_sim_cage) */
static int xpo_sim_i2c_msg(struct xpo_sim_cage *cage, struct i2c_msg *msg)
{
	int ret;

	if (msg->addr != CMIS_I2C_ADDR || (msg->flags & I2C_M_TEN))
		return -ENXIO;

	mutex_lock(&cage->lock);
	if (!xpo_sim_module_sync(cage)) {
		mutex_unlock(&cage->lock);
		return -ENXIO;
	}
	/* the module's timers do not wait for the host's workqueue */
	xpo_sim_module_step(cage);
	xpo_sim_tune_step(cage);
	if (msg->flags & I2C_M_RECV_LEN) {
		ret = -EOPNOTSUPP;	/* no SMBus block reads */
	} else if (msg->flags & I2C_M_RD) {
		ret = xpo_sim_module_read(cage, msg->buf, msg->len);
	} else {
		ret = xpo_sim_module_write(cage, msg->buf, msg->len);
		if (!ret)
			xpo_sim_module_step(cage);
	}
	mutex_unlock(&cage->lock);
	return ret;
}

static int xpo_sim_i2c_xfer(struct i2c_adapter *adap, struct i2c_msg *msgs,
			    int num)
{
	struct xpo_sim_cage *cage = i2c_get_adapdata(adap);
	ktime_t start = ktime_get();
	unsigned int bits, stretch_us;
	u64 busy_ns = 0;		/* wire time, and clock stretching */
	int i, ret = 0;

	for (i = 0; i < num; i++) {
		/* injected NACK: the whole transfer fails on its address */
		if (i == 0 && atomic_dec_if_positive(&cage->nack) >= 0)
			ret = -ENXIO;
		else
			ret = xpo_sim_i2c_msg(cage, &msgs[i]);

		/* a module stretching the clock: the bus stays busy */
		stretch_us = READ_ONCE(cage->stretch_us);
		if (stretch_us) {
			fsleep(stretch_us);
			busy_ns += (u64)stretch_us * NSEC_PER_USEC;
		}

		bits = XPO_SIM_BITS_START + XPO_SIM_BITS_BYTE;
		if (!ret)
			bits += msgs[i].len * XPO_SIM_BITS_BYTE;
		if (ret || i == num - 1)
			bits += XPO_SIM_BITS_STOP;
		busy_ns += xpo_sim_i2c_account(cage, ret ? 0 : msgs[i].len,
					       bits);
		if (ret)
			break;
	}
	xpo_sim_i2c_wire_wait(cage, start, busy_ns);
	return ret ? ret : num;
}

static u32 xpo_sim_i2c_func(struct i2c_adapter *adap)
{
	return I2C_FUNC_I2C | I2C_FUNC_SMBUS_EMUL;
}

static const struct i2c_algorithm xpo_sim_i2c_algo = {
	XPO_I2C_ALGO_XFER(xpo_sim_i2c_xfer),
	.functionality	= xpo_sim_i2c_func,
};

/* Longest message the board's I2C master takes; the cage core chunks */
static const struct i2c_adapter_quirks xpo_sim_i2c_quirks = {
	.max_read_len	= XPO_SIM_XFER_MAX_LEN,
	.max_write_len	= XPO_SIM_XFER_MAX_LEN,
};

/**
 * xpo_sim_i2c_init() - register the cage's adapter and its software node
 * @cage: the cage
 *
 * The software node is what the cage device's "i2c-bus" property refers
 * to; i2c_get_adapter_by_fwnode() finds the adapter through it.
 *
 * Return: 0 or a negative errno.
 */
int xpo_sim_i2c_init(struct xpo_sim_cage *cage)
{
	struct i2c_adapter *adap = &cage->adap;
	int ret;

	snprintf(cage->swnode_name, sizeof(cage->swnode_name), "cage%u-i2c",
		 cage->index);
	cage->swnode.name = cage->swnode_name;
	cage->swnode.parent = &cage->board->swnode;
	ret = software_node_register(&cage->swnode);
	if (ret)
		return ret;
	cage->swnode_registered = true;

	/*
	 * No owner, as for the GPIO chip: the cage core holding the adapter
	 * must not keep the board from going away; the cage devices are
	 * unregistered (and the core lets go) before the adapters.
	 */
	adap->owner = NULL;
	adap->class = 0;
	adap->algo = &xpo_sim_i2c_algo;
	adap->quirks = &xpo_sim_i2c_quirks;
	adap->dev.parent = &cage->board->dev;
	device_set_node(&adap->dev, software_node_fwnode(&cage->swnode));
	/* board 0 keeps the names of the single-board emulator */
	if (cage->board->index)
		snprintf(adap->name, sizeof(adap->name),
			 "xpo_sim board %u cage %u", cage->board->index,
			 cage->index);
	else
		snprintf(adap->name, sizeof(adap->name), "xpo_sim cage %u",
			 cage->index);
	i2c_set_adapdata(adap, cage);

	ret = i2c_add_adapter(adap);
	if (ret) {
		software_node_unregister(&cage->swnode);
		cage->swnode_registered = false;
		return ret;
	}
	cage->adap_added = true;
	return 0;
}

void xpo_sim_i2c_exit(struct xpo_sim_cage *cage)
{
	if (cage->adap_added)
		i2c_del_adapter(&cage->adap);
	cage->adap_added = false;
	if (cage->swnode_registered)
		software_node_unregister(&cage->swnode);
	cage->swnode_registered = false;
}
