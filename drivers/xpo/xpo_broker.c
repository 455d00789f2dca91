// SPDX-License-Identifier: GPL-2.0
/*
 * The broker: every access to a module goes through here, whoever asks
 * (the state machine, the lanes, the protection, telemetry, ethtool,
 * netlink).  Documentation/cage-core.rst, "The broker".
 *
 *  - one per-cage mutex (io_lock) serialises access; the transport's lock
 *    (the I2C adapter's bus lock) is held for a whole section, so that
 *    another master on the same bus cannot change the page between our
 *    select and our read;
 *  - every access is validated against the module's advertisement first;
 *  - the bank/page is selected with one 2-byte write at 126 only when the
 *    cached selection differs; the cache lives for one section (another
 *    master may select a page between two sections) and is dropped on any
 *    error;
 *  - transfers are cut to the transport's and the module's limits;
 *  - NACKs are retried a bounded number of times;
 *  - every read of a latched (clear-on-read) byte passes through the
 *    shadow (xpo_shadow.h), so that no reader takes a flag from another
 *    client; bits the protection has not seen wake it at once;
 *  - at the end of a section that changed the selection, bank 0 page 0 is
 *    selected again and read back, so that other masters see page 00h;
 *  - a full dump (__xpo_cmis_dump()) reads a plan of regions in one
 *    section with the fewest select writes (PageSelect alone within a
 *    bank) and ends on page 00h, read back with lower memory;
 *  - the cage's GPIOs are never read with the transport locked: on many
 *    boards they sit on an I2C expander behind the same bus.
 */
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/minmax.h>
#include <linux/spinlock.h>

#include "xpo_core.h"

/*
 * A failure after the retries: was the module pulled?  The present line is
 * read with the transport unlocked (see above), then the section goes on
 * with the page selected afresh.
 */
static int xpo_broker_failed(struct xpo_cage *cage, int ret)
{
	struct xpo_transport *t = cage->xport;
	int present;

	/* Not worth a warning: the state machine decides what it means */
	dev_dbg(cage->dev, "module access failed: %d\n", ret);
	cage->stats.errors++;
	cage->sel_valid = false;
	t->ops->unlock(t);
	present = xpo_cage_pin_get(cage, XPO_PIN_PRESENT);
	t->ops->lock(t);
	/*
	 * Pulled mid-access: the caller gets "not present" (as it would a
	 * moment later from the state machine), not a bus error.
	 */
	return present == 0 ? -ENODEV : ret;
}

static int xpo_broker_xfer(struct xpo_cage *cage, bool write, u8 offset,
			   u8 *buf, size_t len)
{
	struct xpo_transport *t = cage->xport;
	int ret = -EIO, try;

	for (try = 0; try < XPO_CMIS_IO_TRIES; try++) {
		if (try) {
			cage->stats.retries++;
			usleep_range(XPO_CMIS_IO_BACKOFF_US,
				     2 * XPO_CMIS_IO_BACKOFF_US);
		}
		cage->stats.transfers++;
		ret = write ? t->ops->write(t, offset, buf, len) :
			      t->ops->read(t, offset, buf, len);
		if (!ret)
			return 0;
		if (!xpo_transport_is_nack(ret))
			break;
	}
	return xpo_broker_failed(cage, ret);
}

static int xpo_broker_select(struct xpo_cage *cage, u8 bank, u8 page)
{
	u8 sel[2] = { bank, page };
	int ret;

	if (cage->sel_valid && cage->sel_bank == bank &&
	    cage->sel_page == page)
		return 0;
	cage->sel_touched = true;
	ret = xpo_broker_xfer(cage, true, CMIS_BANK_SELECT, sel, sizeof(sel));
	if (ret)
		return ret;
	cage->sel_valid = true;
	cage->sel_bank = bank;
	cage->sel_page = page;
	return 0;
}

/* Select bank 0 page 0 again and check that the module took it. */
static void xpo_broker_restore_page0(struct xpo_cage *cage)
{
	struct xpo_transport *t = cage->xport;
	u8 sel[2] = { 0, 0 };

	if (t->ops->write(t, CMIS_BANK_SELECT, sel, sizeof(sel)) ||
	    t->ops->read(t, CMIS_BANK_SELECT, sel, sizeof(sel))) {
		cage->sel_valid = false;
		return;
	}
	cage->stats.transfers += 2;
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
 * xpo_cmis_lock_as() - start a section of accesses to a cage's module
 * @cage: the cage
 * @client: on whose behalf: latched bytes read in the section are shadowed
 *	for every other client (xpo_shadow.h)
 *
 * Takes io_lock, then the transport's lock.  Pair with xpo_cmis_unlock().
 * Until the transport was locked another master could change the page:
 * the first access of the section to the upper half selects it again.
 */
void xpo_cmis_lock_as(struct xpo_cage *cage, enum xpo_client client)
{
	mutex_lock(&cage->io_lock);
	cage->io_client = client;
	cage->sel_touched = false;
	cage->sel_valid = false;
	if (!cage->gone)
		cage->xport->ops->lock(cage->xport);
}

/**
 * xpo_cmis_lock() - start a section on behalf of user space (ethtool,
 * netlink raw reads)
 * @cage: the cage
 */
void xpo_cmis_lock(struct xpo_cage *cage)
{
	xpo_cmis_lock_as(cage, XPO_CLIENT_HOST);
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
			xpo_broker_restore_page0(cage);
		cage->xport->ops->unlock(cage->xport);
	}
	mutex_unlock(&cage->io_lock);
}

static int xpo_broker_prepare(struct xpo_cage *cage, u8 bank, u8 page,
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
	return xpo_broker_select(cage, bank, page);
}

/*
 * Bytes just read: latched bits are kept for the other clients, and the
 * reader sees what latched since it last looked.  Bits the protection has
 * not seen yet wake it now (from the state machine's own reads it is
 * judged at the end of the machine's run anyway).
 */
static void xpo_broker_shadow(struct xpo_cage *cage, u8 bank, u8 page,
			      unsigned int offset, u8 *buf, size_t len)
{
	u32 fresh;

	if (!xpo_cmis_page_banked(page))
		bank = 0;
	if (offset < CMIS_UPPER_OFFSET)
		page = 0;
	spin_lock(&cage->shadow_lock);
	fresh = xpo_shadow_read(&cage->shadow, cage->io_client, bank, page,
				offset, buf, len);
	spin_unlock(&cage->shadow_lock);
	if ((fresh & BIT(XPO_CLIENT_PROTECT)) &&
	    cage->io_client != XPO_CLIENT_SM)
		xpo_protect_kick(cage);
}

/* Read what is selected, in transfers the transport takes, shadowed */
static int xpo_broker_read(struct xpo_cage *cage, u8 bank, u8 page,
			   unsigned int offset, u8 *p, size_t len)
{
	unsigned int n;
	int ret;

	while (len) {
		n = xpo_cmis_chunk(offset, len, cage->xport->read_max);
		ret = xpo_broker_xfer(cage, false, offset, p, n);
		if (ret)
			return ret;
		xpo_broker_shadow(cage, bank, page, offset, p, n);
		offset += n;
		p += n;
		len -= n;
	}
	return 0;
}

/**
 * __xpo_cmis_read() - read from a module, in a section
 * @cage: the cage
 * @bank: bank, for banked pages
 * @page: page, for offsets 128-255
 * @offset: first byte in the 256-byte window
 * @buf: destination
 * @len: bytes to read
 *
 * Latched bytes come back with the bits that latched since the section's
 * client last looked (xpo_shadow_read()).
 *
 * Return: 0, -ENODEV without a powered module, -EINVAL or -EOPNOTSUPP for an
 * address the module does not have (xpo_cmis_addr_check()), or the bus
 * error.
 */
int __xpo_cmis_read(struct xpo_cage *cage, u8 bank, u8 page,
		    unsigned int offset, void *buf, size_t len)
{
	int ret;

	ret = xpo_broker_prepare(cage, bank, page, offset, len, false);
	if (ret)
		return ret;
	return xpo_broker_read(cage, bank, page, offset, buf, len);
}

/**
 * __xpo_cmis_write() - write to a module, in a section
 * @cage: the cage
 * @bank: bank, for banked pages
 * @page: page, for offsets 128-255
 * @offset: first byte in the 256-byte window
 * @buf: source
 * @len: bytes to write
 *
 * BankSelect and PageSelect (126-127) belong to the broker and cannot be
 * written.  Return: as __xpo_cmis_read().
 */
int __xpo_cmis_write(struct xpo_cage *cage, u8 bank, u8 page,
		     unsigned int offset, const void *buf, size_t len)
{
	unsigned int n, max;
	const u8 *p = buf;
	int ret;

	ret = xpo_broker_prepare(cage, bank, page, offset, len, true);
	if (ret)
		return ret;
	max = min(cage->xport->write_max,
		  xpo_cmis_write_limit(&cage->adv, page));
	while (len) {
		n = xpo_cmis_chunk(offset, len, max);
		ret = xpo_broker_xfer(cage, true, offset, (u8 *)p, n);
		if (ret)
			return ret;
		offset += n;
		p += n;
		len -= n;
	}
	return 0;
}

/* A dump step's select write: PageSelect alone, or BankSelect too */
static int xpo_broker_dump_select(struct xpo_cage *cage,
				  enum xpo_cmis_sel sel, u8 bank, u8 page)
{
	u8 b[2] = { bank, page };
	int ret;

	if (sel == XPO_CMIS_SEL_NONE)
		return 0;
	/* PageSelect alone keeps the bank: only the one this section set */
	if (sel == XPO_CMIS_SEL_PAGE &&
	    !(cage->sel_valid && cage->sel_bank == bank))
		sel = XPO_CMIS_SEL_BANK;
	cage->sel_touched = true;
	if (sel == XPO_CMIS_SEL_PAGE)
		ret = xpo_broker_xfer(cage, true, CMIS_PAGE_SELECT, &b[1], 1);
	else
		ret = xpo_broker_xfer(cage, true, CMIS_BANK_SELECT, b, 2);
	if (ret)
		return ret;
	cage->sel_valid = true;
	cage->sel_bank = bank;
	cage->sel_page = page;
	return 0;
}

/**
 * __xpo_cmis_dump() - read every region of a dump plan, in a section
 * @cage: the cage
 * @plan: from xpo_cmis_dump_plan() on the cage's advertisement
 * @data: @plan->n times CMIS_PAGE_SIZE bytes, region i at i * 128
 *
 * The plan's reads in its order, each after its select write (PageSelect
 * alone within a bank), every one through the shadow as any other read.
 * The plan selects bank 0 page 00h before it reads lower memory last but
 * one: bytes 126-127 of that read are the read-back that the section's end
 * would do otherwise, so a dump that went well leaves page 00h selected
 * without another transfer.  A module that reads back another selection
 * fails the dump (-EIO); the section's end then selects page 00h again.
 *
 * Return: 0, or as __xpo_cmis_read() (the data is then incomplete).
 */
int __xpo_cmis_dump(struct xpo_cage *cage,
		    const struct xpo_cmis_dump_plan *plan, u8 *data)
{
	const struct xpo_cmis_dump_step *s;
	const struct xpo_cmis_region *r;
	unsigned int k;
	u8 *p;
	int ret;

	lockdep_assert_held(&cage->io_lock);
	if (cage->gone || !cage->io_enabled)
		return -ENODEV;
	for (k = 0; k < plan->n; k++) {
		s = &plan->step[k];
		r = &plan->region[s->region];
		p = data + s->region * CMIS_PAGE_SIZE;
		ret = xpo_cmis_addr_check(&cage->adv, r->bank, r->page,
					  r->offset, CMIS_PAGE_SIZE, false);
		if (ret)
			return ret;
		ret = xpo_broker_dump_select(cage, s->sel, r->bank, r->page);
		if (ret)
			return ret;
		ret = xpo_broker_read(cage, r->bank, r->page, r->offset, p,
				      CMIS_PAGE_SIZE);
		if (ret)
			return ret;
		if (r->offset || s->sel == XPO_CMIS_SEL_NONE)
			continue;
		/* lower memory just after the select of page 00h */
		if (p[CMIS_BANK_SELECT] != r->bank ||
		    p[CMIS_PAGE_SELECT] != r->page) {
			dev_dbg(cage->dev, "page select reads %02x:%02x in a dump\n",
				p[CMIS_BANK_SELECT], p[CMIS_PAGE_SELECT]);
			cage->stats.errors++;
			cage->sel_valid = false;
			return -EIO;
		}
	}
	return 0;
}

/**
 * xpo_cmis_read() - read from a cage's module, on behalf of user space
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

/**
 * xpo_broker_take() - latched bits a client that does not read was handed
 * @cage: the cage
 * @client: the client
 * @bank: bank
 * @page: page
 * @offset: first byte
 * @buf: the client's pending bits
 * @len: bytes
 * @clear: clear them in the shadow (false: only look)
 *
 * Takes only the shadow's spinlock: never waits for the bus.
 * Return: any bit was set.
 */
bool xpo_broker_take(struct xpo_cage *cage, enum xpo_client client, u8 bank,
		     u8 page, unsigned int offset, u8 *buf, size_t len,
		     bool clear)
{
	bool any;

	spin_lock(&cage->shadow_lock);
	any = xpo_shadow_take(&cage->shadow, client, bank, page, offset, buf,
			      len, clear);
	spin_unlock(&cage->shadow_lock);
	return any;
}

/* The module is gone or was reset: forget what it latched */
void xpo_broker_forget(struct xpo_cage *cage)
{
	spin_lock(&cage->shadow_lock);
	xpo_shadow_clear(&cage->shadow);
	spin_unlock(&cage->shadow_lock);
}
