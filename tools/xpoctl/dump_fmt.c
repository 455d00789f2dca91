// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl module dump` output (dump_fmt.h).
 */
#include <stdio.h>

#include "dump_fmt.h"
#include "util.h"

bool dump_page_banked(unsigned int page)
{
	return page >= 0x10 && (page < 0x9f || page > 0xaf);
}

void dump_region_name(const struct dump_region *r, char *buf, size_t len)
{
	if (!r->offset)
		snprintf(buf, len, "lower memory");
	else if (dump_page_banked(r->page))
		snprintf(buf, len, "page %02xh bank %u", r->page, r->bank);
	else
		snprintf(buf, len, "page %02xh", r->page);
}

void dump_print_text(FILE *out, const struct dump_region *r, unsigned int n)
{
	char name[32];
	unsigned int i;

	for (i = 0; i < n; i++) {
		dump_region_name(&r[i], name, sizeof(name));
		fprintf(out, "%s%s:\n", i ? "\n" : "", name);
		hexdump(out, r[i].data, r[i].offset, r[i].length);
	}
}

void dump_print_json(struct jw *jw, unsigned int board, unsigned int cage,
		     const struct dump_region *r, unsigned int n)
{
	unsigned int i, j;

	jw_obj_open(jw);
	jw_kv_uint(jw, "board", board);
	jw_kv_uint(jw, "cage", cage);
	jw_name(jw, "regions");
	jw_arr_open(jw);
	for (i = 0; i < n; i++) {
		jw_obj_open(jw);
		jw_kv_uint(jw, "bank", r[i].bank);
		jw_kv_uint(jw, "page", r[i].page);
		jw_kv_uint(jw, "offset", r[i].offset);
		jw_kv_uint(jw, "length", r[i].length);
		jw_name(jw, "data");
		jw_arr_open(jw);
		for (j = 0; j < r[i].length; j++)
			jw_uint(jw, r[i].data[j]);
		jw_arr_close(jw);
		jw_obj_close(jw);
	}
	jw_arr_close(jw);
	jw_obj_close(jw);
	jw_end(jw);
}
