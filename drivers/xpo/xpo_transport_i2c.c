// SPDX-License-Identifier: GPL-2.0
/*
 * The I2C transport: a cage whose board description names an I2C bus
 * ("i2c-bus", Documentation/xpo-model.rst).  A section holds the adapter's
 * bus lock, so that another master on the same adapter (i2c-dev, i2cdump)
 * cannot change the page between our select and our read.
 */
#include <linux/device.h>
#include <linux/i2c.h>
#include <linux/minmax.h>
#include <linux/property.h>
#include <linux/slab.h>

#include "cmis.h"
#include "xpo_model.h"
#include "xpo_cmis_addr.h"
#include "xpo_transport.h"

/* Transfer sizes when the adapter has no quirks */
#define XPO_I2C_READ_MAX_DEFAULT	128

struct xpo_transport_i2c {
	struct xpo_transport t;
	struct i2c_adapter *adap;
};

static struct i2c_adapter *xpo_i2c_adap(struct xpo_transport *t)
{
	return container_of(t, struct xpo_transport_i2c, t)->adap;
}

static void xpo_i2c_lock(struct xpo_transport *t)
{
	i2c_lock_bus(xpo_i2c_adap(t), I2C_LOCK_SEGMENT);
}

static void xpo_i2c_unlock(struct xpo_transport *t)
{
	i2c_unlock_bus(xpo_i2c_adap(t), I2C_LOCK_SEGMENT);
}

static int xpo_i2c_xfer(struct xpo_transport *t, struct i2c_msg *msgs,
			int num)
{
	int ret = __i2c_transfer(xpo_i2c_adap(t), msgs, num);

	if (ret == num)
		return 0;
	return ret < 0 ? ret : -EIO;
}

static int xpo_i2c_read(struct xpo_transport *t, u8 offset, u8 *buf,
			size_t len)
{
	struct i2c_msg msgs[2] = {
		{ .addr = CMIS_I2C_ADDR, .len = 1, .buf = &offset },
		{ .addr = CMIS_I2C_ADDR, .flags = I2C_M_RD, .len = len,
		  .buf = buf },
	};

	return xpo_i2c_xfer(t, msgs, ARRAY_SIZE(msgs));
}

static int xpo_i2c_write(struct xpo_transport *t, u8 offset, const u8 *buf,
			 size_t len)
{
	u8 data[1 + CMIS_PAGE_SIZE];
	struct i2c_msg msg = {
		.addr = CMIS_I2C_ADDR, .len = 1 + len, .buf = data,
	};

	if (len > CMIS_PAGE_SIZE)
		return -EINVAL;
	data[0] = offset;
	memcpy(data + 1, buf, len);
	return xpo_i2c_xfer(t, &msg, 1);
}

static void xpo_i2c_release(struct xpo_transport *t)
{
	struct xpo_transport_i2c *ti = container_of(t, struct xpo_transport_i2c,
						    t);

	i2c_put_adapter(ti->adap);
	kfree(ti);
}

static const struct xpo_transport_ops xpo_transport_i2c_ops = {
	.lock		= xpo_i2c_lock,
	.unlock		= xpo_i2c_unlock,
	.read		= xpo_i2c_read,
	.write		= xpo_i2c_write,
	.release	= xpo_i2c_release,
};

/**
 * xpo_transport_i2c_get() - the I2C transport of a cage device
 * @dev: the cage device, with an "i2c-bus" reference property
 *
 * Return: the transport (release it through its ops), or an ERR_PTR:
 * -EPROBE_DEFER while the adapter is not registered yet.
 */
struct xpo_transport *xpo_transport_i2c_get(struct device *dev)
{
	const struct i2c_adapter_quirks *q;
	struct xpo_transport_i2c *ti;
	struct fwnode_handle *fwnode;
	struct i2c_adapter *adap;
	int err;

	fwnode = fwnode_find_reference(dev_fwnode(dev), XPO_PROP_I2C_BUS, 0);
	if (IS_ERR(fwnode))
		return ERR_PTR(dev_err_probe(dev, PTR_ERR(fwnode),
					     "missing '%s' property\n",
					     XPO_PROP_I2C_BUS));
	adap = i2c_get_adapter_by_fwnode(fwnode);
	fwnode_handle_put(fwnode);
	if (!adap)
		return ERR_PTR(dev_err_probe(dev, -EPROBE_DEFER,
					     "I2C adapter not there yet\n"));

	err = -EOPNOTSUPP;
	if (!i2c_check_functionality(adap, I2C_FUNC_I2C)) {
		dev_err(dev, "%s cannot do plain I2C transfers\n", adap->name);
		goto put;
	}
	err = -ENOMEM;
	ti = kzalloc(sizeof(*ti), GFP_KERNEL);
	if (!ti)
		goto put;
	ti->adap = adap;
	ti->t.ops = &xpo_transport_i2c_ops;
	ti->t.name = adap->name;
	/* message lengths; a write carries the offset byte too */
	ti->t.read_max = XPO_I2C_READ_MAX_DEFAULT;
	ti->t.write_max = XPO_CMIS_WRITE_MAX;
	q = adap->quirks;
	if (q && q->max_read_len)
		ti->t.read_max = min_t(unsigned int, q->max_read_len,
				       CMIS_PAGE_SIZE);
	if (q && q->max_write_len) {
		if (q->max_write_len < 2) {
			dev_err(dev, "%s writes too short\n", adap->name);
			kfree(ti);
			err = -EINVAL;
			goto put;
		}
		ti->t.write_max = min_t(unsigned int, q->max_write_len - 1,
					CMIS_PAGE_SIZE);
	}
	return &ti->t;
put:
	i2c_put_adapter(adap);
	return ERR_PTR(err);
}
