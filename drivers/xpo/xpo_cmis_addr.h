/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CMIS address arithmetic, as pure logic: which pages are banked, which
 * (bank, page) a module has, whether an access fits the 256-byte window, and
 * how to cut it into bus transfers.  No hardware; KUnit tests it directly.
 */
#ifndef _XPO_CMIS_ADDR_H
#define _XPO_CMIS_ADDR_H

#include <linux/types.h>

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

#endif /* _XPO_CMIS_ADDR_H */
