// SPDX-License-Identifier: GPL-2.0
/* The JSON writer: escaping, separators, nesting, pretty printing. */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../json_writer.h"

static char *run(bool pretty, void (*fn)(struct jw *jw))
{
	struct capture c;
	struct jw jw;

	capture_begin(&c);
	jw_init(&jw, c.f, pretty);
	fn(&jw);
	jw_end(&jw);
	return capture_end(&c);
}

static void escapes(struct jw *jw)
{
	static const char nasty[] = "q\"b\\s/n\nr\rt\tb\bf\f\x01\x1f\x7f\xc3\xa9 ok";

	jw_obj_open(jw);
	jw_kv_string(jw, "s", nasty);
	jw_kv_string(jw, "key \"quoted\"", "v");
	jw_name(jw, "embedded_nul");
	jw_string_len(jw, "a\0b", 3);
	jw_obj_close(jw);
}

static void test_escapes(void **state)
{
	char *s = run(false, escapes);

	(void)state;
	assert_string_equal(s,
		"{\"s\":\"q\\\"b\\\\s/n\\nr\\rt\\tb\\bf\\f\\u0001\\u001f\\u007f\\u00c3\\u00a9 ok\","
		"\"key \\\"quoted\\\"\":\"v\",\"embedded_nul\":\"a\\u0000b\"}\n");
	free(s);
}

static void values(struct jw *jw)
{
	jw_obj_open(jw);
	jw_kv_uint(jw, "u", 18446744073709551615ULL);
	jw_kv_int(jw, "i", -9223372036854775807LL - 1);
	jw_kv_float(jw, "f", 21.5, 2);
	jw_kv_float(jw, "nan", NAN, 2);
	jw_kv_float(jw, "inf", -INFINITY, 2);
	jw_kv_bool(jw, "t", true);
	jw_kv_bool(jw, "f2", false);
	jw_name(jw, "n");
	jw_null(jw);
	jw_name(jw, "null_string");
	jw_string(jw, NULL);
	jw_name(jw, "empty_obj");
	jw_obj_open(jw);
	jw_obj_close(jw);
	jw_name(jw, "empty_arr");
	jw_arr_open(jw);
	jw_arr_close(jw);
	jw_name(jw, "arr");
	jw_arr_open(jw);
	jw_uint(jw, 1);
	jw_obj_open(jw);
	jw_kv_uint(jw, "x", 2);
	jw_obj_close(jw);
	jw_arr_open(jw);
	jw_arr_close(jw);
	jw_arr_close(jw);
	jw_obj_close(jw);
}

static void test_values(void **state)
{
	char *s = run(false, values);

	(void)state;
	assert_string_equal(s,
		"{\"u\":18446744073709551615,\"i\":-9223372036854775808,\"f\":21.50,"
		"\"nan\":null,\"inf\":null,\"t\":true,\"f2\":false,\"n\":null,"
		"\"null_string\":null,\"empty_obj\":{},\"empty_arr\":[],"
		"\"arr\":[1,{\"x\":2},[]]}\n");
	free(s);
}

static void test_pretty(void **state)
{
	char *s = run(true, values);

	(void)state;
	golden_check("json-pretty.json", s);
	free(s);
}

/* a top-level array of objects, as the list commands print */
static void top_array(struct jw *jw)
{
	int i;

	jw_arr_open(jw);
	for (i = 0; i < 3; i++) {
		jw_obj_open(jw);
		jw_kv_uint(jw, "cage", i);
		jw_obj_close(jw);
	}
	jw_arr_close(jw);
}

static void test_top_array(void **state)
{
	char *s = run(false, top_array);

	(void)state;
	assert_string_equal(s, "[{\"cage\":0},{\"cage\":1},{\"cage\":2}]\n");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_pretty),
		cmocka_unit_test(test_top_array),
	};

	return cmocka_run_group_tests_name("json_writer", tests, NULL, NULL);
}
