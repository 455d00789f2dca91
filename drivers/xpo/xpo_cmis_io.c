// SPDX-License-Identifier: GPL-2.0
/*
 * All bus access to a module goes through here.
 *
 * Rules (Documentation/cage-core.rst, "Bus access"):
 *  - one per-cage mutex (io_lock) serialises access; the adapter's bus lock
 *    is held for a whole locked section, so that another master on the same
 *    adapter (i2c-dev, i2cdump) cannot change the page between our select
 *    and our read;
 *  - every access is validated against the module's advertisement first;
 *  - the bank/page is selected with one 2-byte write at 126 only when the
 *    cached selection differs; the cache lives for one locked section
 *    (another master may select a page between two sections: i2cdump,
 *    i2cset on the same adapter) and is dropped on any error;
 *  - transfers are cut to the adapter's quirks and the module's limits;
 *  - NACKs are retried a bounded number of times;
 *  - at the end of a section that changed the selection, bank 0 page 0 is
 *    selected again and read back, so that other masters see page 00h.
 */
#include <linux/delay.h>
#include <linux/i2c.h>
#include <linux/minmax.h>

#include "xpo_core.h"

static bool xpo_cmis_is_nack(int err)
{
	return err == -ENXIO || err == -EREMOTEIO || err == -EAGAIN;
}

static int xpo_cmis_xfer(struct xpo_cage *cage, struct i2c_msg *msgs,
			 int num)
{
	int ret = -EIO, try;

	for (try = 0; try < XPO_CMIS_IO_TRIES; try++) {
		if (try) {
			cage->stats.retries++;
			usleep_range(XPO_CMIS_IO_BACKOFF_US,
				     2 * XPO_CMIS_IO_BACKOFF_US);
		}
		cage->stats.transfers++;
		ret = __i2c_transfer(cage->i2c, msgs, num);
		if (ret == num)
			return 0;
		if (ret >= 0)
			ret = -EIO;
		if (!xpo_cmis_is_nack(ret))
			break;
	}
	/*
	 * Not worth a warning: a module pulled mid-access NACKs, and the state
	 * machine decides what a failure means.
	 */
	dev_dbg(cage->dev, "i2c transfer failed: %d\n", ret);
	cage->stats.errors++;
	cage->sel_valid = false;
	/*
	 * Pulled mid-access: the caller gets "not present" (as it would a
	 * moment later from the state machine), not a bus error.
	 */
	if (xpo_cage_pin_get(cage, XPO_PIN_PRESENT) == 0)
		ret = -ENODEV;
	return ret;
}

static int xpo_cmis_raw_read(struct xpo_cage *cage, unsigned int offset,
			     u8 *buf, size_t len)
{
	u8 off = offset;
	struct i2c_msg msgs[2] = {
		{ .addr = CMIS_I2C_ADDR, .len = 1, .buf = &off },
		{ .addr = CMIS_I2C_ADDR, .flags = I2C_M_RD, .len = len,
		  .buf = buf },
	};

	return xpo_cmis_xfer(cage, msgs, ARRAY_SIZE(msgs));
}

static int xpo_cmis_raw_write(struct xpo_cage *cage, unsigned int offset,
			      const u8 *buf, size_t len)
{
	u8 data[1 + CMIS_PAGE_SIZE];
	struct i2c_msg msg = {
		.addr = CMIS_I2C_ADDR, .len = 1 + len, .buf = data,
	};

	if (len > CMIS_PAGE_SIZE)
		return -EINVAL;
	data[0] = offset;
	memcpy(data + 1, buf, len);
	return xpo_cmis_xfer(cage, &msg, 1);
}

static int xpo_cmis_select(struct xpo_cage *cage, u8 bank, u8 page)
{
	u8 sel[2] = { bank, page };
	int ret;

	if (cage->sel_valid && cage->sel_bank == bank &&
	    cage->sel_page == page)
		return 0;
	cage->sel_touched = true;
	ret = xpo_cmis_raw_write(cage, CMIS_BANK_SELECT, sel, sizeof(sel));
	if (ret)
		return ret;
	cage->sel_valid = true;
	cage->sel_bank = bank;
	cage->sel_page = page;
	return 0;
}

/* Select bank 0 page 0 again and check that the module took it. */
static void xpo_cmis_restore_page0(struct xpo_cage *cage)
{
	static const u8 zero[2];
	u8 sel[2];

	if (xpo_cmis_raw_write(cage, CMIS_BANK_SELECT, zero, sizeof(zero)) ||
	    xpo_cmis_raw_read(cage, CMIS_BANK_SELECT, sel, sizeof(sel)))
		return;
	if (sel[0] || sel[1]) {
		dev_dbg(cage->dev, "page select reads %02x:%02x after restore\n",
			sel[0], sel[1]);
		cage->stats.errors++;
		cage->sel_valid = false;
		return;
	}
	cage->sel_valid = true;
	cage->sel_bank = 0;
	cage->sel_page = 0;
}

/**
 * xpo_cmis_lock() - start a section of bus accesses to a cage's module
 * @cage: the cage
 *
 * Takes io_lock, then the adapter's bus lock.  Pair with xpo_cmis_unlock().
 * Until the bus lock was taken another master could change the page: the
 * first access of the section to the upper half selects it again.
 */
void xpo_cmis_lock(struct xpo_cage *cage)
{
	mutex_lock(&cage->io_lock);
	cage->sel_touched = false;
	cage->sel_valid = false;
	if (!cage->gone)
		i2c_lock_bus(cage->i2c, I2C_LOCK_SEGMENT);
}

/**
 * xpo_cmis_unlock() - end a section, leaving page 00h selected
 * @cage: the cage
 */
void xpo_cmis_unlock(struct xpo_cage *cage)
{
	if (!cage->gone) {
		if (cage->sel_touched && cage->io_enabled &&
		    !(cage->sel_valid && !cage->sel_bank && !cage->sel_page))
			xpo_cmis_restore_page0(cage);
		i2c_unlock_bus(cage->i2c, I2C_LOCK_SEGMENT);
	}
	mutex_unlock(&cage->io_lock);
}

static int xpo_cmis_prepare(struct xpo_cage *cage, u8 bank, u8 page,
			    unsigned int offset, size_t len, bool write)
{
	int ret;

	lockdep_assert_held(&cage->io_lock);
	if (cage->gone || !cage->io_enabled)
		return -ENODEV;
	ret = xpo_cmis_addr_check(&cage->adv, bank, page, offset, len, write);
	if (ret)
		return ret;
	if (!xpo_cmis_needs_select(offset, len))
		return 0;
	/* BankSelect means nothing for pages that are not banked */
	if (!xpo_cmis_page_banked(page))
		bank = 0;
	return xpo_cmis_select(cage, bank, page);
}

/**
 * __xpo_cmis_read() - read from a module, io_lock held
 * @cage: the cage
 * @bank: bank, for banked pages
 * @page: page, for offsets 128-255
 * @offset: first byte in the 256-byte window
 * @buf: destination
 * @len: bytes to read
 *
 * Return: 0, -ENODEV without a powered module, -EINVAL or -EOPNOTSUPP for an
 * address the module does not have (xpo_cmis_addr_check()), or the bus
 * error.
 */
int __xpo_cmis_read(struct xpo_cage *cage, u8 bank, u8 page,
		    unsigned int offset, void *buf, size_t len)
{
	unsigned int n;
	u8 *p = buf;
	int ret;

	ret = xpo_cmis_prepare(cage, bank, page, offset, len, false);
	if (ret)
		return ret;
	while (len) {
		n = xpo_cmis_chunk(offset, len, cage->read_max);
		ret = xpo_cmis_raw_read(cage, offset, p, n);
		if (ret)
			return ret;
		offset += n;
		p += n;
		len -= n;
	}
	return 0;
}

/**
 * __xpo_cmis_write() - write to a module, io_lock held
 * @cage: the cage
 * @bank: bank, for banked pages
 * @page: page, for offsets 128-255
 * @offset: first byte in the 256-byte window
 * @buf: source
 * @len: bytes to write
 *
 * BankSelect and PageSelect (126-127) belong to the core and cannot be
 * written.  Return: as __xpo_cmis_read().
 */
int __xpo_cmis_write(struct xpo_cage *cage, u8 bank, u8 page,
		     unsigned int offset, const void *buf, size_t len)
{
	unsigned int n, max;
	const u8 *p = buf;
	int ret;

	ret = xpo_cmis_prepare(cage, bank, page, offset, len, true);
	if (ret)
		return ret;
	max = min(cage->write_max, xpo_cmis_write_limit(&cage->adv, page));
	while (len) {
		n = xpo_cmis_chunk(offset, len, max);
		ret = xpo_cmis_raw_write(cage, offset, p, n);
		if (ret)
			return ret;
		offset += n;
		p += n;
		len -= n;
	}
	return 0;
}

/**
 * xpo_cmis_read() - read from a cage's module
 * @cage: the cage
 * @bank: bank, for banked pages
 * @page: page, for offsets 128-255
 * @offset: first byte in the 256-byte window
 * @buf: destination
 * @len: bytes to read
 *
 * One self-contained access: other masters see page 00h again afterwards.
 * Sleeps; never takes RTNL.  Return: as __xpo_cmis_read().
 */
int xpo_cmis_read(struct xpo_cage *cage, u8 bank, u8 page,
		  unsigned int offset, void *buf, size_t len)
{
	int ret;

	xpo_cmis_lock(cage);
	ret = __xpo_cmis_read(cage, bank, page, offset, buf, len);
	xpo_cmis_unlock(cage);
	return ret;
}

/**
 * xpo_cmis_write() - write to a cage's module
 * @cage: the cage
 * @bank: bank, for banked pages
 * @page: page, for offsets 128-255
 * @offset: first byte in the 256-byte window
 * @buf: source
 * @len: bytes to write
 *
 * Return: as __xpo_cmis_write().
 */
int xpo_cmis_write(struct xpo_cage *cage, u8 bank, u8 page,
		   unsigned int offset, const void *buf, size_t len)
{
	int ret;

	xpo_cmis_lock(cage);
	ret = __xpo_cmis_write(cage, bank, page, offset, buf, len);
	xpo_cmis_unlock(cage);
	return ret;
}
