// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl module dump` output, text and JSON, against golden files: the
 * regions of a captured XPO module (tests/data/xpo-dr8.mem) in the order
 * eeprom-dump reports them, with their headers (lower memory, pages
 * without banks, pages with one).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../dump_fmt.h"

/* The first regions of a dump: lower memory, 00h, 01h, 11h bank 0, 11h bank 7 */
static unsigned int some_regions(struct dump_region *r)
{
	static const struct { unsigned int bank, page, offset; } want[] = {
		{ 0, 0x00, 0 }, { 0, 0x00, 128 }, { 0, 0x01, 128 },
		{ 0, 0x11, 128 }, { 7, 0x11, 128 },
	};
	struct memdump d;
	unsigned int i;

	assert_int_equal(memdump_load(TESTDIR "/data/xpo-dr8.mem", &d), 0);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		r[i].bank = want[i].bank;
		r[i].page = want[i].page;
		r[i].offset = want[i].offset;
		r[i].length = 128;
		assert_int_equal(memdump_read(&d, r[i].bank, r[i].page,
					      r[i].offset, 128, r[i].data), 0);
	}
	return i;
}

static void test_names(void **state)
{
	struct dump_region r = { .offset = 128 };
	char buf[32];

	(void)state;
	r.page = 0x02;
	dump_region_name(&r, buf, sizeof(buf));
	assert_string_equal(buf, "page 02h");
	r.page = 0xa3;
	dump_region_name(&r, buf, sizeof(buf));
	assert_string_equal(buf, "page a3h");
	r.page = 0xb0;
	dump_region_name(&r, buf, sizeof(buf));
	assert_string_equal(buf, "page b0h bank 0");
	r.page = 0x10;
	r.bank = 3;
	dump_region_name(&r, buf, sizeof(buf));
	assert_string_equal(buf, "page 10h bank 3");
	r.offset = 0;
	dump_region_name(&r, buf, sizeof(buf));
	assert_string_equal(buf, "lower memory");
}

static void test_text(void **state)
{
	struct dump_region r[8];
	struct capture cap;
	unsigned int n;
	char *s;

	(void)state;
	n = some_regions(r);
	capture_begin(&cap);
	dump_print_text(cap.f, r, n);
	s = capture_end(&cap);
	golden_check("dump.txt", s);
	free(s);
}

static void test_json(void **state)
{
	struct dump_region r[8];
	struct capture cap;
	struct jw jw;
	unsigned int n;
	char *s;

	(void)state;
	n = some_regions(r);
	capture_begin(&cap);
	jw_init(&jw, cap.f, false);
	dump_print_json(&jw, 1, 5, r, n);
	s = capture_end(&cap);
	golden_check("dump.json", s);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_json),
	};

	return cmocka_run_group_tests_name("dump_fmt", tests, NULL, NULL);
}
