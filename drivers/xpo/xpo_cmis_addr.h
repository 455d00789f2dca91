/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CMIS address arithmetic, as pure logic: which pages are banked, which
 * (bank, page) a module has, whether an access fits the 256-byte window, and
 * how to cut it into bus transfers.  No hardware; KUnit tests it directly.
 */
#ifndef _XPO_CMIS_ADDR_H
#define _XPO_CMIS_ADDR_H

#include <linux/types.h>

#include "xpo_model.h"

/*
 * What a module advertises about its memory map, cached at insertion from
 * 00h:0, 00h:2 and 01h:142/163/164.  known = false until the advertisement
 * has been read: then only what is needed to read it is reachable (lower
 * memory, page 00h and page 01h of bank 0).
 */
struct xpo_cmis_adv {
	bool known;
	bool flat;		/* 00h:2 b7: only page 00h exists */
	bool xpo;		/* identifier 0x26: the XPO telemetry page */
	u8 pages;		/* 01h:142 */
	u8 cdb;			/* 01h:163 */
	u8 rw_ext;		/* 01h:164, CdbReadWriteLengthExtension */
	bool tunable;		/* 01h:155 b6: pages 04h and 12h */
	unsigned int banks;	/* from 01h:142 b1-0, xpo_banks_from_p01() */
};

/* Module-side write limit outside the EPL pages (CMIS: 8 bytes per write) */
#define XPO_CMIS_WRITE_MAX		8

void xpo_cmis_adv_init(struct xpo_cmis_adv *adv);
void xpo_cmis_adv_set(struct xpo_cmis_adv *adv, u8 id, u8 mem_char,
		      const u8 *page01);
bool xpo_cmis_page_banked(u8 page);
bool xpo_cmis_page_exists(const struct xpo_cmis_adv *adv, u8 bank, u8 page);
int xpo_cmis_addr_check(const struct xpo_cmis_adv *adv, u8 bank, u8 page,
			unsigned int offset, size_t len, bool write);
bool xpo_cmis_needs_select(unsigned int offset, size_t len);
unsigned int xpo_cmis_write_limit(const struct xpo_cmis_adv *adv, u8 page);
unsigned int xpo_cmis_chunk(unsigned int offset, size_t remaining,
			    unsigned int max);

/*
 * A full dump of a module's memory (xpo_cmis_dump_plan()): every 128-byte
 * region it implements, and the order the broker reads them in with the
 * select write before each read.
 *
 * The most regions: lower memory, and the pages that can exist in bank 0
 * only (00h-03h, 05h, 9Fh, A0h-AFh, B0h: 24 with lower memory) and in
 * every bank (10h-11h, 13h-14h, 16h-17h, 20h-2Fh: 22 a bank).
 */
#define XPO_CMIS_DUMP_UNBANKED_MAX	24
#define XPO_CMIS_DUMP_BANKED_MAX	22
#define XPO_CMIS_DUMP_MAX		(XPO_CMIS_DUMP_UNBANKED_MAX + \
					 XPO_CMIS_DUMP_BANKED_MAX * XPO_BANKS)

/* One region: lower memory (offset 0, bank 0 page 0) or an upper page */
struct xpo_cmis_region {
	u8 bank;		/* 0 for pages that are not banked */
	u8 page;
	u8 offset;		/* 0: lower memory; 128: the page */
};

/* The write that selects a step's (bank, page) before its read */
enum xpo_cmis_sel {
	XPO_CMIS_SEL_NONE,	/* the selection stays */
	XPO_CMIS_SEL_PAGE,	/* PageSelect (127) alone: the bank stays */
	XPO_CMIS_SEL_BANK,	/* BankSelect and PageSelect (126-127) */
};

/* One read of a dump: select (the region's bank and page), then read */
struct xpo_cmis_dump_step {
	u8 region;		/* index into xpo_cmis_dump_plan.region */
	u8 sel;			/* enum xpo_cmis_sel */
};

/**
 * struct xpo_cmis_dump_plan - a full dump of a module's memory
 * @n: regions (and steps)
 * @region: the regions, in the order they are reported: lower memory,
 *	page 00h, the other pages of bank 0, then the banked pages of banks
 *	1 and up, each bank in page order
 * @step: the reads, in bus order (see xpo_cmis_dump_plan())
 */
struct xpo_cmis_dump_plan {
	unsigned int n;
	struct xpo_cmis_region region[XPO_CMIS_DUMP_MAX];
	struct xpo_cmis_dump_step step[XPO_CMIS_DUMP_MAX];
};

unsigned int xpo_cmis_dump_plan(const struct xpo_cmis_adv *adv,
				struct xpo_cmis_dump_plan *plan);

#endif /* _XPO_CMIS_ADDR_H */
