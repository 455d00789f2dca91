/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `xpoctl module dump` output: the regions of an eeprom-dump (lower memory
 * and every page in every bank the module has) as hexdumps with a header
 * per page, or as JSON.  No netlink: unit-tested with golden files.
 */
#ifndef XPOCTL_DUMP_FMT_H
#define XPOCTL_DUMP_FMT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "json_writer.h"

/* The most regions a dump reports (the kernel's XPO_CMIS_DUMP_MAX is 200) */
#define DUMP_REGIONS_MAX 256

/* One region: lower memory (offset 0) or the upper half of a page */
struct dump_region {
	unsigned int bank, page, offset, length;
	uint8_t data[128];
};

/* Pages 10h-FFh but 9Fh-AFh have banks (as the driver and CMIS count them) */
bool dump_page_banked(unsigned int page);
/* "lower memory", "page 01h", "page 11h bank 3" */
void dump_region_name(const struct dump_region *r, char *buf, size_t len);
void dump_print_text(FILE *out, const struct dump_region *r, unsigned int n);
void dump_print_json(struct jw *jw, unsigned int board, unsigned int cage,
		     const struct dump_region *r, unsigned int n);

#endif
