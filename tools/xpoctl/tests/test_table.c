// SPDX-License-Identifier: GPL-2.0
/* Aligned tables: widths, right alignment, no trailing blanks, short rows. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <errno.h>

#include "harness.h"
#include "../table.h"

static void test_align(void **state)
{
	static const char *const head[] = { "CAGE", "STATE", "POWER" };
	static const bool right[] = { true, false, true };
	struct capture c;
	struct table t;
	char *s;

	(void)state;
	table_init(&t, 3, head, right);
	table_row(&t);
	table_cell(&t, "%d", 0);
	table_cell(&t, "ready");
	table_cell(&t, "%.1f W", 23.4);
	table_row(&t);
	table_cell(&t, "%d", 15);
	table_cell(&t, "fault (power-up-timeout)");
	table_cell(&t, "-");
	capture_begin(&c);
	table_print(&t, c.f);
	s = capture_end(&c);
	assert_string_equal(s,
		"CAGE  STATE                      POWER\n"
		"   0  ready                     23.4 W\n"
		"  15  fault (power-up-timeout)       -\n");
	table_free(&t);
	free(s);
}

static void test_short_rows_no_trailing_blanks(void **state)
{
	static const char *const head[] = { "A", "B", "LAST" };
	struct capture c;
	struct table t;
	char *s;
	int i;

	(void)state;
	table_init(&t, 3, head, NULL);
	for (i = 0; i < 40; i++) {	/* grows past the first allocation */
		table_row(&t);
		table_cell(&t, "%d", i);
	}
	table_row(&t);
	table_cell(&t, "x");
	table_cell(&t, "yy");
	table_cell(&t, "zzz");
	table_cell(&t, "ignored: past the last column");
	capture_begin(&c);
	table_print(&t, c.f);
	s = capture_end(&c);
	assert_non_null(strstr(s, "A   B   LAST\n0\n"));
	assert_non_null(strstr(s, "\n39\nx   yy  zzz\n"));
	assert_null(strstr(s, " \n"));
	table_free(&t);
	free(s);
}

static void test_empty(void **state)
{
	static const char *const head[] = { "ONE", "TWO" };
	struct capture c;
	struct table t;
	char *s;

	(void)state;
	table_init(&t, 2, head, NULL);
	capture_begin(&c);
	table_print(&t, c.f);
	s = capture_end(&c);
	assert_string_equal(s, "ONE  TWO\n");
	table_free(&t);
	free(s);
}

static void test_select(void **state)
{
	static const char *const head[] = { "CAGE", "TEMP C", "TEMP MAX" };
	struct table t;

	(void)state;
	table_init(&t, 3, head, NULL);
	assert_int_equal(table_select(&t, "cage,temp c"), 0);
	assert_false(t.hidden[0]);
	assert_false(t.hidden[1]);
	assert_true(t.hidden[2]);
	/* "temp" is the first word of two headings: ambiguous */
	assert_int_equal(table_select(&t, "temp"), -EINVAL);
	assert_int_equal(table_select(&t, "frob"), -EINVAL);
	table_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_align),
		cmocka_unit_test(test_short_rows_no_trailing_blanks),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_select),
	};

	return cmocka_run_group_tests_name("table", tests, NULL, NULL);
}
