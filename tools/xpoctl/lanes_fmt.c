// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl cage lanes` output: one table row per lane (powers in mW and
 * dBm, bias in mA, the flags latched since the snapshot's previous
 * refresh), or JSON with the kernel's exact integers (nW, µA).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <linux/xpo.h>

#include "lanes_fmt.h"
#include "table.h"
#include "util.h"

/* enum xpo_lane_flag, bit by bit: the spec's names */
static const char *const lane_flag_names[] = {
	"dp-state-changed", "tx-fault", "tx-los", "tx-cdr-lol",
	"tx-eq-fault", "tx-power-high-alarm", "tx-power-low-alarm",
	"tx-power-high-warning", "tx-power-low-warning",
	"tx-bias-high-alarm", "tx-bias-low-alarm", "tx-bias-high-warning",
	"tx-bias-low-warning", "rx-los", "rx-cdr-lol",
	"rx-power-high-alarm", "rx-power-low-alarm",
	"rx-power-high-warning", "rx-power-low-warning",
};

_Static_assert(XPO_LANE_FLAG_RX_POWER_LOW_WARNING ==
	       1 << (sizeof(lane_flag_names) / sizeof(lane_flag_names[0]) - 1),
	       "lane flag names follow the uapi");

const char *lane_flags_str(uint32_t flags, char *buf, size_t len)
{
	size_t used = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < sizeof(lane_flag_names) / sizeof(lane_flag_names[0]);
	     i++) {
		int w;

		if (!(flags & (1U << i)))
			continue;
		w = snprintf(buf + used, len - used, "%s%s", used ? "," : "",
			     lane_flag_names[i]);
		if (w < 0 || (size_t)w >= len - used) {
			buf[used] = '\0';	/* whole names only */
			break;
		}
		used += w;
	}
	if (!used)
		snprintf(buf, len, "-");
	return buf;
}

/* "1.5850" mW, and dBm ("2.00", "-inf" for no light) */
static void cell_power(struct table *t, bool has, uint32_t nw, bool dbm)
{
	if (!has)
		table_cell(t, "-");
	else if (!dbm)
		table_cell(t, "%.4f", nw / 1e6);
	else if (!nw)
		table_cell(t, "-inf");
	else
		table_cell(t, "%.2f", 10 * log10(nw / 1e6));
}

void lanes_print_table(const struct lanes_info *l, int n, FILE *out)
{
	static const char *const head[] = {
		"CAGE", "LANE", "PORT", "TX mW", "TX dBm", "BIAS mA", "RX mW",
		"RX dBm", "FLAGS",
	};
	static const bool right[] = {
		true, true, true, true, true, true, true, true, false,
	};
	char flags[512], name[CAGE_NAME_LEN];
	struct table t;
	int c, i;

	for (c = 0; c < n; c++)
		if (l[c].stale)
			fprintf(out, "cage %s: stale, a CDB or firmware lease holds the module (snapshot %u ms old)\n",
				cage_ref_name(l[c].board, l[c].id, name,
					      sizeof(name)),
				l[c].age_ms);
	table_init(&t, 9, head, right);
	for (c = 0; c < n; c++) {
		for (i = 0; i < l[c].n; i++) {
			const struct lane_info *ln = &l[c].lane[i];

			table_row(&t);
			table_cell(&t, "%s", cage_ref_name(l[c].board, l[c].id,
							   name, sizeof(name)));
			table_cell(&t, "%u", ln->index);
			table_cell(&t, "%u", ln->index / 8);
			cell_power(&t, ln->has_tx_power, ln->tx_power_nw, false);
			cell_power(&t, ln->has_tx_power, ln->tx_power_nw, true);
			if (ln->has_tx_bias)
				table_cell(&t, "%.3f", ln->tx_bias_ua / 1000.0);
			else
				table_cell(&t, "-");
			cell_power(&t, ln->has_rx_power, ln->rx_power_nw, false);
			cell_power(&t, ln->has_rx_power, ln->rx_power_nw, true);
			table_cell(&t, "%s",
				   lane_flags_str(ln->flags, flags, sizeof(flags)));
		}
	}
	table_print(&t, out);
	table_free(&t);
}

/* One monitor's row: powers (nW) in mW or dBm, the bias (uA) in mA */
static void thr_row(struct table *t, const struct lanes_info *l,
		    const char *name, const struct lane_thresholds *thr,
		    bool power, bool dbm)
{
	const uint32_t v[] = {
		thr->low_alarm, thr->low_warning, thr->high_warning,
		thr->high_alarm,
	};
	char cage[CAGE_NAME_LEN];
	unsigned int i;

	table_row(t);
	table_cell(t, "%s", cage_ref_name(l->board, l->id, cage, sizeof(cage)));
	table_cell(t, "%s", name);
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		if (power)
			cell_power(t, true, v[i], dbm);
		else
			table_cell(t, "%.3f", v[i] / 1000.0);
	}
}

void lanes_print_thresholds(const struct lanes_info *l, int n, FILE *out)
{
	static const char *const head[] = {
		"CAGE", "MONITOR", "LOW ALARM", "LOW WARN", "HIGH WARN",
		"HIGH ALARM",
	};
	static const bool right[] = { true, false, true, true, true, true };
	const char *columns = table_columns;
	struct table t;
	int c;

	table_init(&t, 6, head, right);
	for (c = 0; c < n; c++) {
		if (l[c].thr_tx_power.has) {
			thr_row(&t, &l[c], "TX mW", &l[c].thr_tx_power, true, false);
			thr_row(&t, &l[c], "TX dBm", &l[c].thr_tx_power, true, true);
		}
		if (l[c].thr_tx_bias.has)
			thr_row(&t, &l[c], "BIAS mA", &l[c].thr_tx_bias, false, false);
		if (l[c].thr_rx_power.has) {
			thr_row(&t, &l[c], "RX mW", &l[c].thr_rx_power, true, false);
			thr_row(&t, &l[c], "RX dBm", &l[c].thr_rx_power, true, true);
		}
	}
	if (t.nrows) {
		/* -o names the lanes table's columns, not these */
		table_columns = NULL;
		fputc('\n', out);
		table_print(&t, out);
		table_columns = columns;
	}
	table_free(&t);
}

/* "thresholds": { "tx_power_nw": { "high_alarm": N, ... }, ... } */
static void thr_json(struct jw *jw, const char *key,
		     const struct lane_thresholds *thr)
{
	if (!thr->has)
		return;
	jw_name(jw, key);
	jw_obj_open(jw);
	jw_kv_uint(jw, "high_alarm", thr->high_alarm);
	jw_kv_uint(jw, "low_alarm", thr->low_alarm);
	jw_kv_uint(jw, "high_warning", thr->high_warning);
	jw_kv_uint(jw, "low_warning", thr->low_warning);
	jw_obj_close(jw);
}

void lanes_print_json(const struct lanes_info *l, int n, struct jw *jw)
{
	unsigned int b;
	int c, i;

	jw_obj_open(jw);
	jw_name(jw, "cages");
	jw_arr_open(jw);
	for (c = 0; c < n; c++) {
		jw_obj_open(jw);
		jw_kv_uint(jw, "board", l[c].board);
		jw_kv_uint(jw, "cage", l[c].id);
		jw_kv_bool(jw, "stale", l[c].stale);
		if (l[c].has_age)
			jw_kv_uint(jw, "age_ms", l[c].age_ms);
		jw_name(jw, "lanes");
		jw_arr_open(jw);
		for (i = 0; i < l[c].n; i++) {
			const struct lane_info *ln = &l[c].lane[i];

			jw_obj_open(jw);
			jw_kv_uint(jw, "lane", ln->index);
			jw_kv_uint(jw, "port", ln->index / 8);
			if (ln->has_tx_power)
				jw_kv_uint(jw, "tx_power_nw", ln->tx_power_nw);
			if (ln->has_tx_bias)
				jw_kv_uint(jw, "tx_bias_ua", ln->tx_bias_ua);
			if (ln->has_rx_power)
				jw_kv_uint(jw, "rx_power_nw", ln->rx_power_nw);
			jw_name(jw, "flags");
			jw_arr_open(jw);
			for (b = 0; b < sizeof(lane_flag_names) /
					sizeof(lane_flag_names[0]); b++)
				if (ln->flags & (1U << b))
					jw_string(jw, lane_flag_names[b]);
			jw_arr_close(jw);
			jw_obj_close(jw);
		}
		jw_arr_close(jw);
		if (l[c].thr_tx_power.has || l[c].thr_tx_bias.has ||
		    l[c].thr_rx_power.has) {
			jw_name(jw, "thresholds");
			jw_obj_open(jw);
			thr_json(jw, "tx_power_nw", &l[c].thr_tx_power);
			thr_json(jw, "tx_bias_ua", &l[c].thr_tx_bias);
			thr_json(jw, "rx_power_nw", &l[c].thr_rx_power);
			jw_obj_close(jw);
		}
		jw_obj_close(jw);
	}
	jw_arr_close(jw);
	jw_obj_close(jw);
	jw_end(jw);
}
