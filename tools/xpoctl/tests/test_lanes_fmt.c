// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl cage lanes` output (table and JSON) from lanes built here,
 * against golden files: units (mW, dBm, mA), absent monitors, dark lanes,
 * flag names, a stale (leased) cage.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <linux/xpo.h>

#include "harness.h"
#include "../lanes_fmt.h"

static void two_cages(struct lanes_info *l)
{
	int i;

	memset(l, 0, 2 * sizeof(*l));
	l[0].id = 5;
	l[0].has_age = true;
	l[0].age_ms = 120;
	l[0].n = 3;
	for (i = 0; i < 3; i++) {
		struct lane_info *ln = &l[0].lane[i];

		ln->index = 16 + i;
		ln->has_tx_power = ln->has_tx_bias = ln->has_rx_power = true;
		ln->tx_power_nw = 1584900 + 1000 * i;
		ln->tx_bias_ua = 70000 + 2 * i;
		ln->rx_power_nw = 1202300;
	}
	/* Rx LOS on lane 17: no light */
	l[0].lane[1].rx_power_nw = 0;
	l[0].lane[1].flags = XPO_LANE_FLAG_RX_LOS | XPO_LANE_FLAG_RX_CDR_LOL;
	l[0].lane[2].flags = XPO_LANE_FLAG_TX_FAULT;

	/* a cage of board 1: named 1/7 in the tables, board 1 in JSON */
	l[1].board = 1;
	l[1].id = 7;
	l[1].stale = true;
	l[1].has_age = true;
	l[1].age_ms = 4321;
	l[1].n = 1;
	l[1].lane[0].index = 0;
	l[1].lane[0].has_rx_power = true;	/* Tx monitors not advertised */
	l[1].lane[0].rx_power_nw = 1000000;
	/* the thresholds of xpo_sim's personalities; cage 7 only Rx's */
	l[0].thr_tx_power = (struct lane_thresholds){ true, 3162300, 79400,
						      2511900, 100000 };
	l[0].thr_tx_bias = (struct lane_thresholds){ true, 100000, 20000,
						     90000, 30000 };
	l[0].thr_rx_power = (struct lane_thresholds){ true, 3162300, 63100,
						      2511900, 0 };
	l[1].thr_rx_power = l[0].thr_rx_power;
}

/* What a text printer makes of @n lanes_info */
static char *render(void (*print)(const struct lanes_info *, int, FILE *),
		    const struct lanes_info *l, int n)
{
	struct capture c;

	capture_begin(&c);
	print(l, n, c.f);
	return capture_end(&c);
}

static void test_table(void **state)
{
	struct lanes_info l[2];
	char *s;

	(void)state;
	two_cages(l);
	s = render(lanes_print_table, l, 2);
	golden_check("lanes-table.txt", s);
	free(s);
}

static void test_json(void **state)
{
	struct lanes_info l[2];
	struct capture c;
	struct jw jw;
	char *s;

	(void)state;
	two_cages(l);
	capture_begin(&c);
	jw_init(&jw, c.f, true);
	lanes_print_json(l, 2, &jw);
	s = capture_end(&c);
	golden_check("lanes.json", s);
	free(s);
}

/* -d: a row per monitor the module has, powers in mW and dBm */
static void test_thresholds(void **state)
{
	struct lanes_info l[2];
	char *s;

	(void)state;
	two_cages(l);
	s = render(lanes_print_thresholds, l, 2);
	golden_check("lanes-thresholds.txt", s);
	free(s);

	/* none known (flat memory): nothing at all, not an empty heading */
	l[0].thr_tx_power.has = l[0].thr_tx_bias.has = false;
	l[0].thr_rx_power.has = l[1].thr_rx_power.has = false;
	s = render(lanes_print_thresholds, l, 2);
	assert_string_equal(s, "");
	free(s);
}

static void test_flags_str(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(lane_flags_str(0, buf, sizeof(buf)), "-");
	assert_string_equal(lane_flags_str(XPO_LANE_FLAG_TX_LOS |
					   XPO_LANE_FLAG_RX_LOS, buf,
					   sizeof(buf)), "tx-los,rx-los");
	/* cut at a name, never in the middle of one */
	assert_string_equal(lane_flags_str(XPO_LANE_FLAG_TX_POWER_HIGH_ALARM |
					   XPO_LANE_FLAG_TX_BIAS_HIGH_ALARM,
					   buf, 24), "tx-power-high-alarm");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_thresholds),
		cmocka_unit_test(test_flags_str),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
