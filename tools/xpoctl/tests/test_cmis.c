// SPDX-License-Identifier: GPL-2.0
/*
 * The CMIS decoder against module memory captured from the emulator
 * (tests/data/NAME.mem, see capture-dumps.sh): decoded values checked one by
 * one where they matter, and the whole output against golden files.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../cmis_decode.h"

static void decode_file(const char *name, struct cmis_module *m)
{
	struct memdump d;
	char path[256];

	snprintf(path, sizeof(path), TESTDIR "/data/%s.mem", name);
	assert_int_equal(memdump_load(path, &d), 0);
	assert_int_equal(cmis_decode(memdump_read, &d, m), 0);
}

static void golden_outputs(const char *name, const struct cmis_module *m)
{
	struct capture c;
	struct jw jw;
	char gname[128];
	char *s;

	capture_begin(&c);
	cmis_print_text(m, c.f, true);
	s = capture_end(&c);
	snprintf(gname, sizeof(gname), "%s.txt", name);
	golden_check(gname, s);
	free(s);

	capture_begin(&c);
	jw_init(&jw, c.f, true);
	cmis_print_json(m, &jw, true);
	jw_end(&jw);
	s = capture_end(&c);
	snprintf(gname, sizeof(gname), "%s.json", name);
	golden_check(gname, s);
	free(s);
}

static void test_xpo_dr8(void **state)
{
	struct cmis_module m;
	int b, l;

	(void)state;
	decode_file("xpo-dr8", &m);
	assert_int_equal(m.id, 0x26);
	assert_string_equal(cmis_id_name(m.id), "XPO");
	assert_int_equal(m.banks, 8);
	assert_int_equal(m.nbanks_read, 8);
	assert_int_equal(m.state, 3);	/* ModuleReady */
	assert_int_equal(m.napps, 4);
	assert_int_equal(m.apps[0].host_if, 0x83);
	assert_int_equal(m.apps[0].host_lanes, 8);
	assert_int_equal(m.apps[3].host_lanes, 1);
	assert_true(m.xpo.valid);
	assert_int_equal(m.max_power, 0xff);	/* saturated: the real one is on B0h */
	assert_true(m.xpo.max_power > 6375 / 25);
	/* ports down: every data path deactivated */
	for (b = 0; b < 8; b++)
		for (l = 0; l < 8; l++)
			assert_int_equal(m.bank[b].dp_state[l], 1);
	golden_outputs("xpo-dr8", &m);
}

static void test_xpo_dr8_lit(void **state)
{
	struct cmis_module m;
	int b, l;

	(void)state;
	decode_file("xpo-dr8-lit", &m);
	/* every port up: every lane of every bank activated and lit */
	for (b = 0; b < 8; b++)
		for (l = 0; l < 8; l++) {
			assert_int_equal(m.bank[b].dp_state[l], 4);
			assert_true(m.bank[b].tx_bias[l] > 0);
		}
	golden_outputs("xpo-dr8-lit", &m);
}

static void test_osfp_lit(void **state)
{
	struct cmis_module m;
	int l;

	(void)state;
	decode_file("osfp-lit", &m);
	assert_int_equal(m.id, 0x19);
	assert_string_equal(m.vendor, "XPO-SIM");
	assert_int_equal(m.banks, 4);	/* 32 lanes */
	assert_int_equal(m.nbanks_read, 4);
	assert_false(m.xpo.valid);	/* no telemetry page on a plain OSFP */
	assert_int_equal(m.napps, 3);
	assert_string_equal(cmis_host_if_name(m.apps[0].host_if), "800GAUI-8 S C2M");
	/* port 0 (bank 0) up, the others down */
	for (l = 0; l < 8; l++) {
		assert_int_equal(m.bank[0].dp_state[l], 4);
		assert_int_equal(m.bank[1].dp_state[l], 1);
	}
	assert_true(m.mon_support & 0x07);
	golden_outputs("osfp-lit", &m);
}

/* only lower memory and page 00h answer: the rest is left out, no error */
static int lower_only(void *ctx, unsigned int bank, unsigned int page,
		      unsigned int offset, unsigned int len, uint8_t *buf)
{
	if (offset >= 128 && page != 0)
		return -ENOENT;
	return memdump_read(ctx, bank, page, offset, len, buf);
}

static void test_missing_pages(void **state)
{
	struct cmis_module m;
	struct memdump d;

	(void)state;
	assert_int_equal(memdump_load(TESTDIR "/data/xpo-dr8.mem", &d), 0);
	assert_int_equal(cmis_decode(lower_only, &d, &m), 0);
	assert_false(m.has_p01);
	assert_false(m.has_p02);
	assert_int_equal(m.nbanks_read, 0);
	assert_false(m.xpo.valid);
	assert_int_equal(m.id, 0x26);
}

static int fail_all(void *ctx, unsigned int bank, unsigned int page,
		    unsigned int offset, unsigned int len, uint8_t *buf)
{
	(void)ctx; (void)bank; (void)page; (void)offset; (void)len; (void)buf;
	return -EIO;
}

static void test_lower_fails(void **state)
{
	struct cmis_module m;

	(void)state;
	assert_int_equal(cmis_decode(fail_all, NULL, &m), -EIO);
}

/* unprintable and padded strings: '?' and trimmed */
static void test_strings(void **state)
{
	struct cmis_module m;
	struct memdump d;
	int i;

	(void)state;
	assert_int_equal(memdump_load(TESTDIR "/data/osfp-lit.mem", &d), 0);
	for (i = 0; i < d.n; i++)
		if (!d.sec[i].lower && d.sec[i].page == 0) {
			/* vendor name 129-144: "AB\x01" then NUL padding */
			memset(&d.sec[i].b[1], 0, 16);
			memcpy(&d.sec[i].b[1], "AB\x01\"", 4);
		}
	assert_int_equal(cmis_decode(memdump_read, &d, &m), 0);
	assert_string_equal(m.vendor, "AB?\"");
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(cmis_module_state_name(5), "fault");
	assert_string_equal(cmis_module_state_name(0), "reserved");
	assert_string_equal(cmis_module_state_name(7), "reserved");
	/* 00h:41: the standard codes, the vendor's range, the rest */
	assert_string_equal(cmis_fault_cause_name(0), "none");
	assert_string_equal(cmis_fault_cause_name(1), "tec-runaway");
	assert_string_equal(cmis_fault_cause_name(3), "program-memory-corrupted");
	assert_string_equal(cmis_fault_cause_name(4), "reserved");
	assert_string_equal(cmis_fault_cause_name(32), "vendor-specific");
	assert_string_equal(cmis_fault_cause_name(63), "vendor-specific");
	assert_string_equal(cmis_fault_cause_name(64), "reserved");
	assert_string_equal(cmis_dp_state_name(7), "initialized");
	assert_string_equal(cmis_dp_state_name(15), "reserved");
	assert_string_equal(cmis_config_status_name(0xc), "in-progress");
	assert_null(cmis_host_if_name(0x01));
	assert_string_equal(cmis_id_name(0x99), "unknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xpo_dr8),
		cmocka_unit_test(test_xpo_dr8_lit),
		cmocka_unit_test(test_osfp_lit),
		cmocka_unit_test(test_missing_pages),
		cmocka_unit_test(test_lower_fails),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests_name("cmis_decode", tests, NULL, NULL);
}
