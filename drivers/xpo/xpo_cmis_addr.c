// SPDX-License-Identifier: GPL-2.0
/*
 * CMIS address arithmetic, as pure logic.  See xpo_cmis_addr.h.
 *
 * The 256-byte window at 0x50: bytes 0-127 are lower memory and never
 * paged; bytes 128-255 show the page selected by PageSelect (127) and, for
 * banked pages, the bank selected by BankSelect (126) (CMIS 5.2 memory
 * map, section 8).
 */
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "xpo_model.h"
#include "xpo_cmis_addr.h"

void xpo_cmis_adv_init(struct xpo_cmis_adv *adv)
{
	memset(adv, 0, sizeof(*adv));
	adv->banks = 1;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_adv_init);

/**
 * xpo_cmis_adv_set() - cache a module's memory map advertisement
 * @adv: filled in
 * @id: 00h:0, the SFF-8024 identifier
 * @mem_char: 00h:2, memory characteristics (b7 flat memory)
 * @page01: the 128 bytes of page 01h (offsets 128-255), NULL when flat
 */
void xpo_cmis_adv_set(struct xpo_cmis_adv *adv, u8 id, u8 mem_char,
		      const u8 *page01)
{
	xpo_cmis_adv_init(adv);
	adv->known = true;
	adv->flat = (mem_char & CMIS_MEM_FLAT) || !page01;
	adv->xpo = id == SFF8024_ID_XPO;
	if (adv->flat)
		return;
	adv->pages = page01[CMIS_P01_PAGES - CMIS_UPPER_OFFSET];
	adv->cdb = page01[CMIS_P01_CDB_SUPPORT - CMIS_UPPER_OFFSET];
	adv->rw_ext = page01[CMIS_P01_CDB_RW_EXT - CMIS_UPPER_OFFSET];
	adv->tunable = page01[CMIS_P01_TX_CTRL_ADV - CMIS_UPPER_OFFSET] &
		       CMIS_P01_TX_TUNABLE;
	adv->banks = xpo_banks_from_p01(adv->pages);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_adv_set);

/*
 * Pages 10h-FFh are banked (CMIS 5.2 memory map), except the CDB message
 * and EPL pages 9Fh-AFh, which the core (like SONiC's optoe) treats as a
 * single instance in bank 0.
 */
bool xpo_cmis_page_banked(u8 page)
{
	if (page < CMIS_FIRST_BANKED_PAGE)
		return false;
	return page < CMIS_PAGE_CDB || page > CMIS_PAGE_EPL_LAST;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_page_banked);

/**
 * xpo_cmis_page_exists() - does the module have this (bank, page)?
 * @adv: the module's advertisement
 * @bank: bank number (must be 0 for pages that are not banked)
 * @page: page number
 *
 * Only pages the module advertises (or that CMIS makes mandatory for paged
 * memory: 00h-02h, 10h-11h) exist; vendor and unadvertised pages do not.
 */
bool xpo_cmis_page_exists(const struct xpo_cmis_adv *adv, u8 bank, u8 page)
{
	if (xpo_cmis_page_banked(page)) {
		if (bank >= adv->banks)
			return false;
	} else if (bank) {
		return false;
	}

	if (!adv->known)	/* only what reading the advertisement needs */
		return page == 0x00 || page == 0x01;
	if (adv->flat)
		return page == 0x00;

	switch (page) {
	case 0x00 ... 0x02:
	case CMIS_PAGE_LANE_CTRL:
	case CMIS_PAGE_LANE_STATUS:
		return true;
	case 0x03:
		return adv->pages & CMIS_P01_PAGE_03;
	case CMIS_PAGE_LASER_CAPS:
	case CMIS_PAGE_LASER_TUNING:
		return adv->tunable;
	case 0x05:
		return adv->pages & CMIS_P01_PAGE_05;
	case 0x13 ... 0x14:
		return adv->pages & CMIS_P01_PAGE_13_14;
	case 0x16 ... 0x17:
		return adv->pages & CMIS_P01_PAGE_16_17;
	case 0x20 ... 0x2f:
		return adv->pages & CMIS_P01_VDM;
	case CMIS_PAGE_CDB:
		return FIELD_GET(CMIS_P01_CDB_INSTANCES, adv->cdb);
	case CMIS_PAGE_EPL_FIRST ... CMIS_PAGE_EPL_LAST:
		/*
		 * 01h:163 b3-0 encodes how many EPL pages there are; we do not
		 * trust every module to encode it the same way, so any EPL
		 * page is reachable once EPL is advertised at all.
		 */
		return FIELD_GET(CMIS_P01_CDB_INSTANCES, adv->cdb) &&
		       FIELD_GET(CMIS_P01_CDB_EPL_PAGES, adv->cdb);
	case XPO_PAGE_TELEMETRY:
		return adv->xpo && bank == 0;
	default:
		return false;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_page_exists);

/**
 * xpo_cmis_addr_check() - validate one access to a module
 * @adv: the module's advertisement
 * @bank: bank (ignored when the access stays in lower memory)
 * @page: page (ignored when the access stays in lower memory)
 * @offset: first byte within the 256-byte window
 * @len: number of bytes
 * @write: the access writes
 *
 * Return: 0, -EINVAL for an access outside the window, crossing from lower
 * memory into a page other than 00h of bank 0, or writing BankSelect and
 * PageSelect (which the core owns), -EOPNOTSUPP for a bank or page the
 * module does not have.
 */
int xpo_cmis_addr_check(const struct xpo_cmis_adv *adv, u8 bank, u8 page,
			unsigned int offset, size_t len, bool write)
{
	if (!len || offset >= CMIS_WINDOW_SIZE ||
	    len > CMIS_WINDOW_SIZE - offset)
		return -EINVAL;
	if (write && offset <= CMIS_PAGE_SELECT &&
	    offset + len > CMIS_BANK_SELECT)
		return -EINVAL;
	if (!xpo_cmis_needs_select(offset, len))
		return 0;
	if (offset < CMIS_UPPER_OFFSET && (bank || page))
		return -EINVAL;
	if (!xpo_cmis_page_exists(adv, bank, page))
		return -EOPNOTSUPP;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_addr_check);

/* Does the access reach the paged upper half of the window? */
bool xpo_cmis_needs_select(unsigned int offset, size_t len)
{
	return offset + len > CMIS_UPPER_OFFSET;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_needs_select);

/*
 * The most data bytes the module accepts in one write: 8 (a CMIS host
 * write carries at most 8 bytes), and on the EPL pages the
 * CdbReadWriteLengthExtension of 01h:164, 8 * (1 + min(n, 15)) bytes.
 */
unsigned int xpo_cmis_write_limit(const struct xpo_cmis_adv *adv, u8 page)
{
	if (adv->known && page >= CMIS_PAGE_EPL_FIRST &&
	    page <= CMIS_PAGE_EPL_LAST)
		return XPO_CMIS_WRITE_MAX * (1 + min_t(unsigned int,
						       adv->rw_ext, 15));
	return XPO_CMIS_WRITE_MAX;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_write_limit);

/**
 * xpo_cmis_chunk() - size of the next transfer of an access
 * @offset: where the transfer starts in the window
 * @remaining: bytes left in the access
 * @max: the most the adapter and module take in one transfer (>= 1)
 *
 * Never runs past the end of the window.
 */
unsigned int xpo_cmis_chunk(unsigned int offset, size_t remaining,
			    unsigned int max)
{
	size_t n = min_t(size_t, remaining, max ? max : 1);

	if (offset >= CMIS_WINDOW_SIZE)
		return 0;
	return min_t(size_t, n, CMIS_WINDOW_SIZE - offset);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_chunk);

static void xpo_cmis_dump_add(struct xpo_cmis_dump_plan *plan, u8 bank,
			      u8 page, u8 offset)
{
	struct xpo_cmis_region *r;

	if (plan->n >= XPO_CMIS_DUMP_MAX)	/* cannot happen: see the header */
		return;
	r = &plan->region[plan->n++];
	r->bank = bank;
	r->page = page;
	r->offset = offset;
}

/* The fewest writes that select (bank, page) after (*bank, *page) */
static enum xpo_cmis_sel xpo_cmis_dump_sel(bool *valid, u8 *cur_bank,
					   u8 *cur_page, u8 bank, u8 page)
{
	enum xpo_cmis_sel sel = XPO_CMIS_SEL_NONE;

	if (!*valid || *cur_bank != bank)
		sel = XPO_CMIS_SEL_BANK;
	else if (*cur_page != page)
		sel = XPO_CMIS_SEL_PAGE;
	*valid = true;
	*cur_bank = bank;
	*cur_page = page;
	return sel;
}

/**
 * xpo_cmis_dump_plan() - plan a full dump of a module's memory
 * @adv: the module's advertisement
 * @plan: filled in
 *
 * The regions are every (bank, page) xpo_cmis_page_exists() grants, one
 * 128-byte read each.  The bus order needs the fewest select writes: the
 * selection is unknown when a section starts, so the first select writes
 * BankSelect and PageSelect; then the banks from the highest down to bank
 * 1, each in page order (one 2-byte write when the bank changes, PageSelect
 * alone within a bank), then bank 0: the pages that are not banked are read
 * with bank 0 selected.  Last, bank 0 page 00h is selected again (PageSelect
 * alone: bank 0 is selected by then) and lower memory read, whose bytes
 * 126-127 show that the module took the selection, and page 00h after it:
 * the select that leaves page 00h to other masters doubles as page 00h's.
 * Flat memory has no pages to select: its two reads select nothing.
 *
 * Return: the number of regions, @plan->n.
 */
unsigned int xpo_cmis_dump_plan(const struct xpo_cmis_adv *adv,
				struct xpo_cmis_dump_plan *plan)
{
	unsigned int i, b, p, k = 0;
	u8 cur_bank = 0, cur_page = 0;
	bool valid = false;
	int bank;

	plan->n = 0;
	xpo_cmis_dump_add(plan, 0, 0x00, 0);
	xpo_cmis_dump_add(plan, 0, 0x00, CMIS_UPPER_OFFSET);
	for (p = 0x01; p <= 0xff; p++)
		if (xpo_cmis_page_exists(adv, 0, p))
			xpo_cmis_dump_add(plan, 0, p, CMIS_UPPER_OFFSET);
	for (b = 1; b < min_t(unsigned int, adv->banks, XPO_BANKS); b++)
		for (p = CMIS_FIRST_BANKED_PAGE; p <= 0xff; p++)
			if (xpo_cmis_page_exists(adv, b, p))
				xpo_cmis_dump_add(plan, b, p, CMIS_UPPER_OFFSET);

	/* bus order: banks n-1 .. 1, bank 0, lower memory and page 00h */
	for (bank = XPO_BANKS - 1; bank >= 0; bank--)
		for (i = 2; i < plan->n; i++)
			if (plan->region[i].bank == bank)
				plan->step[k++].region = i;
	plan->step[k++].region = 0;
	plan->step[k++].region = 1;

	for (k = 0; k < plan->n; k++) {
		const struct xpo_cmis_region *r = &plan->region[plan->step[k].region];

		plan->step[k].sel = adv->flat ? XPO_CMIS_SEL_NONE :
				    xpo_cmis_dump_sel(&valid, &cur_bank,
						      &cur_page, r->bank,
						      r->page);
	}
	return plan->n;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_dump_plan);
