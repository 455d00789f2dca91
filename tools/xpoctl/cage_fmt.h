/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A cage as the xpo family reports it (cage-get), and its text and JSON
 * output.  The printers are pure, so the unit tests golden-test them.
 */
#ifndef XPOCTL_CAGE_FMT_H
#define XPOCTL_CAGE_FMT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "json_writer.h"

#define CAGE_APPS_MAX 15
#define CAGE_MODES_MAX 15	/* one per application at most */
#define CAGE_REACH_MAX 9	/* the spec's enum reach */
#define CAGE_ENGINES_MAX 8
#define CAGE_PROTECT_CONDS 3	/* leak, flow-low, overtemp */

/* An application: its descriptor, and what the kernel makes of it */
struct cage_app {
	uint8_t host_if, media_if, host_lanes, media_lanes;
	uint8_t host_assign, media_assign;
	bool has_appsel, has_speed, has_reach, has_arch;
	uint8_t appsel;		/* absent: malformed, never selected */
	uint32_t speed;		/* Mb/s of one data path */
	uint32_t reach;		/* enum xpo_reach */
	uint32_t arch;		/* enum xpo_interface_arch */
};

/* A uniform breakout of the whole cage */
struct cage_mode {
	uint32_t ports, lanes, speed;	/* speed: Mb/s of each port */
};

/* has_* : the attribute was present (absent means unknown, not zero) */
struct cage_info {
	uint32_t board;		/* 0: the board of a single-board system */
	uint32_t id;
	bool present;
	uint32_t state, prev_state, fault;
	bool has_prev_state, has_fault;
	uint8_t fault_cause;
	bool has_module_state;
	uint32_t module_state;
	bool has_identity;
	uint8_t identifier, cmis_rev, media_type, power_class;
	uint32_t memory;
	char vendor[32], part_number[32], revision[8], serial[32];
	char date_code[16], clei[16];
	uint8_t oui[3];
	bool has_oui;
	bool has_fw_active, has_fw_inactive, has_hw_rev;
	uint16_t fw_active, fw_inactive, hw_rev;
	uint32_t banks, ports, lanes_per_port;
	bool has_max_power, has_power_budget, has_power_draw, has_policy;
	uint32_t max_power, power_budget, power_draw, policy; /* mW */
	bool has_module_temp, has_coolant_in, has_coolant_out, has_flow;
	int32_t module_temp, coolant_in, coolant_out;	/* m°C */
	uint32_t flow;					/* mL/min */
	bool has_leak;
	bool leak;
	bool has_vcc;
	uint32_t vcc;					/* µV */
	int n_engines;
	int32_t engine_temp[CAGE_ENGINES_MAX];		/* m°C */
	/* protection (the protect nest) */
	bool has_protect;
	bool has_policy_cond[CAGE_PROTECT_CONDS];
	uint32_t policy_cond[CAGE_PROTECT_CONDS];	/* protection-action */
	bool tripped;
	bool has_trip_reason, has_trip_action, has_trip_time;
	uint32_t trip_reason, trip_action;
	uint64_t trip_time_ns;				/* CLOCK_MONOTONIC */
	uint64_t now_ns;		/* CLOCK_MONOTONIC when parsed, 0: unknown */
	bool has_alerts;
	uint32_t alerts;				/* BIT(protection-cond) */
	bool has_flow_min, has_temp_max;
	uint32_t flow_min;				/* mL/min, 0: none */
	int32_t temp_max;				/* m°C, 0: none */
	uint8_t module_flags[6];
	int module_flags_len;
	uint8_t telemetry_flags[2];
	int telemetry_flags_len;
	int napps;
	struct cage_app apps[CAGE_APPS_MAX];
	bool has_arch;
	uint32_t arch;					/* enum xpo_interface_arch */
	int nreach;
	uint32_t reach[CAGE_REACH_MAX];			/* enum xpo_reach */
	int nmodes;
	struct cage_mode modes[CAGE_MODES_MAX];
	/* notifications */
	uint32_t event, event_seq;
	bool has_event, has_event_seq;
	bool has_event_cond, has_event_action;
	uint32_t event_cond, event_action;
};

const char *cage_state_name(uint32_t s);
const char *cage_fault_name(uint32_t f);
const char *cage_policy_name(uint32_t p);
const char *cage_event_name(uint32_t e);
const char *protect_cond_name(uint32_t c);
/* the spec's names, for JSON */
const char *reach_name(uint32_t r);
const char *interface_arch_name(uint32_t a);
/* a reach profile as people write it: "DR", "ZR+" */
const char *reach_label(uint32_t r);
/* "800G", "1.6T": a rate in Mb/s, into @buf */
const char *rate_str(char *buf, size_t n, uint32_t mbps);
const char *protect_action_name(uint32_t a);
/* a condition or action by name (exact, then unique prefix); -1 if none */
int protect_cond_parse(const char *s);
int protect_action_parse(const char *s);

/* a table of cages, one line each */
void cage_print_table(const struct cage_info *c, int n, FILE *out);
/* one cage in detail */
void cage_print_detail(const struct cage_info *c, FILE *out);
/* one cage as a JSON object */
void cage_print_json(const struct cage_info *c, struct jw *jw);

/* a monitor event: one text line, or one JSON object a line even with -p;
 * @ts: timestamp text or NULL */
int monitor_format_event(const struct cage_info *c, bool json, const char *ts,
			 struct jw *jw, FILE *out);

#endif
