/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How the broker reaches a module's management interface: an ops table the
 * board supplies (Documentation/cage-core.rst, "The broker").  The I2C one
 * (xpo_transport_i2c.c) serves any board that gives each cage an I2C bus; a
 * board with a module-access engine (an FPGA with page windows) supplies
 * its own; KUnit supplies a fake.
 *
 * The broker does everything above a single transfer: paging, chunking to
 * @read_max/@write_max, retries, the shadow of latched bytes.  A transport
 * only moves bytes.
 */
#ifndef _XPO_TRANSPORT_H
#define _XPO_TRANSPORT_H

#include <linux/types.h>

struct device;
struct xpo_transport;

/**
 * struct xpo_transport_ops - one cage's management interface
 * @lock: start a section: until @unlock no other master of the bus may
 *	come between two transfers (and so change the page).  May sleep.
 * @unlock: end the section
 * @read: one random read of @len (at most read_max) bytes at @offset of
 *	the 256-byte window.  Return: 0, -ENXIO/-EREMOTEIO/-EAGAIN for a
 *	NACK (retried by the broker), or another error.
 * @write: one write of @len (at most write_max) bytes at @offset
 * @release: give the bus back (device removal)
 *
 * Transfers are only issued between @lock and @unlock.  Nothing here may
 * look at the cage's GPIOs: on many boards they sit behind the same bus.
 */
struct xpo_transport_ops {
	void (*lock)(struct xpo_transport *t);
	void (*unlock)(struct xpo_transport *t);
	int (*read)(struct xpo_transport *t, u8 offset, u8 *buf, size_t len);
	int (*write)(struct xpo_transport *t, u8 offset, const u8 *buf,
		     size_t len);
	void (*release)(struct xpo_transport *t);
};

/**
 * struct xpo_transport - a cage's management interface, set at probe
 * @ops: what it does
 * @name: for messages (the adapter's name)
 * @read_max: bytes in one read
 * @write_max: data bytes in one write
 */
struct xpo_transport {
	const struct xpo_transport_ops *ops;
	const char *name;
	unsigned int read_max;
	unsigned int write_max;
};

/* A NACK: the module is busy or not there (retried by the broker) */
static inline bool xpo_transport_is_nack(int err)
{
	return err == -ENXIO || err == -EREMOTEIO || err == -EAGAIN;
}

struct xpo_transport *xpo_transport_i2c_get(struct device *dev);

#endif /* _XPO_TRANSPORT_H */
