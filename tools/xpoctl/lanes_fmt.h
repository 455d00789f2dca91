/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `xpoctl cage lanes`: a cage's lanes as the xpo family's lanes-get
 * reports them (the telemetry snapshot), and their output as a table or
 * JSON.  Pure: no netlink (lanes_parse() in cmd_lanes.c fills these).
 */
#ifndef XPOCTL_LANES_FMT_H
#define XPOCTL_LANES_FMT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "json_writer.h"

#define LANES_MAX 64	/* 8 banks of 8 lanes */

struct lane_info {
	uint32_t index;		/* host lane 0-63 */
	bool has_tx_power, has_tx_bias, has_rx_power;
	uint32_t tx_power_nw;
	uint32_t tx_bias_ua;
	uint32_t rx_power_nw;
	uint32_t flags;		/* enum xpo_lane_flag bits */
};

/* One monitor's thresholds (page 02h), in the lane values' units */
struct lane_thresholds {
	bool has;		/* the module advertises the monitor */
	uint32_t high_alarm, low_alarm, high_warning, low_warning;
};

struct lanes_info {
	uint32_t board, id;
	bool stale;		/* leased: the last snapshot */
	bool has_age;
	uint32_t age_ms;
	int n;
	struct lane_info lane[LANES_MAX];
	/* one set for every lane: nW, uA, nW */
	struct lane_thresholds thr_tx_power, thr_tx_bias, thr_rx_power;
};

/* "rx-los,tx-fault" for @flags into @buf, "-" for none */
const char *lane_flags_str(uint32_t flags, char *buf, size_t len);
void lanes_print_table(const struct lanes_info *l, int n, FILE *out);
void lanes_print_json(const struct lanes_info *l, int n, struct jw *jw);
/* -d: the monitors' thresholds, a row per cage and monitor */
void lanes_print_thresholds(const struct lanes_info *l, int n, FILE *out);

#endif
