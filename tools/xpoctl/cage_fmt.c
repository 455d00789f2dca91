// SPDX-License-Identifier: GPL-2.0
/* Text and JSON output of cages: see cage_fmt.h. */
#include <string.h>

#include <linux/xpo.h>

#include "cage_fmt.h"
#include "cmis_decode.h"
#include "table.h"
#include "util.h"

#define NAME(t, i) ((i) < sizeof(t) / sizeof((t)[0]) && (t)[i] ? (t)[i] : "unknown")

const char *cage_state_name(uint32_t s)
{
	static const char *const n[] = {
		[XPO_CAGE_STATE_EMPTY] = "empty",
		[XPO_CAGE_STATE_PROBING] = "probing",
		[XPO_CAGE_STATE_LOW_POWER] = "low-power",
		[XPO_CAGE_STATE_POWERING_UP] = "powering-up",
		[XPO_CAGE_STATE_READY] = "ready",
		[XPO_CAGE_STATE_FAULT] = "fault",
		[XPO_CAGE_STATE_POWERED_OFF] = "powered-off",
	};

	return NAME(n, s);
}

const char *cage_fault_name(uint32_t f)
{
	static const char *const n[] = {
		[XPO_FAULT_REASON_NONE] = "none",
		[XPO_FAULT_REASON_NO_RESPONSE] = "no-response",
		[XPO_FAULT_REASON_BAD_IDENTIFIER] = "bad-identifier",
		[XPO_FAULT_REASON_BAD_REVISION] = "bad-revision",
		[XPO_FAULT_REASON_MODULE_FAULT] = "module-fault",
		[XPO_FAULT_REASON_POWER_UP_TIMEOUT] = "power-up-timeout",
		[XPO_FAULT_REASON_POWER_BUDGET] = "power-budget",
		[XPO_FAULT_REASON_BUSY_TIMEOUT] = "busy-timeout",
	};

	return NAME(n, f);
}

const char *cage_policy_name(uint32_t p)
{
	static const char *const n[] = {
		[XPO_POWER_MODE_POLICY_HIGH] = "high",
		[XPO_POWER_MODE_POLICY_AUTO] = "auto",
	};

	return NAME(n, p);
}

const char *cage_event_name(uint32_t e)
{
	static const char *const n[] = {
		[XPO_EVENT_INSERT] = "insert",
		[XPO_EVENT_REMOVE] = "remove",
		[XPO_EVENT_STATE] = "state",
		[XPO_EVENT_ALARM] = "alarm",
		[XPO_EVENT_PROTECT] = "protect",
		[XPO_EVENT_REARM] = "rearm",
		[XPO_EVENT_PORTS] = "ports",
		[XPO_EVENT_PORT_SETTINGS] = "port-settings",
	};

	return NAME(n, e);
}

static const char *const cond_names[] = {
	[XPO_PROTECTION_COND_LEAK] = "leak",
	[XPO_PROTECTION_COND_FLOW_LOW] = "flow-low",
	[XPO_PROTECTION_COND_OVERTEMP] = "overtemp",
	NULL
};

static const char *const action_names[] = {
	[XPO_PROTECTION_ACTION_OFF] = "off",
	[XPO_PROTECTION_ACTION_ALERT] = "alert",
	[XPO_PROTECTION_ACTION_LOW_POWER] = "low-power",
	[XPO_PROTECTION_ACTION_POWER_OFF] = "power-off",
	NULL
};

/* JSON keys of the conditions */
static const char *const cond_keys[] = { "leak", "flow_low", "overtemp" };

const char *protect_cond_name(uint32_t c)
{
	return c < CAGE_PROTECT_CONDS ? cond_names[c] : "unknown";
}

const char *protect_action_name(uint32_t a)
{
	return NAME(action_names, a);
}

const char *reach_name(uint32_t r)
{
	static const char *const n[] = {
		[XPO_REACH_SR] = "sr",
		[XPO_REACH_DR] = "dr",
		[XPO_REACH_FR] = "fr",
		[XPO_REACH_LR] = "lr",
		[XPO_REACH_ER] = "er",
		[XPO_REACH_ZR] = "zr",
		[XPO_REACH_ZR_PLUS] = "zr-plus",
		[XPO_REACH_COHERENT_LITE] = "coherent-lite",
		[XPO_REACH_OTHER] = "other",
	};

	return NAME(n, r);
}

/* as the kernel's messages write them (xpo_app.c) */
const char *reach_label(uint32_t r)
{
	static const char *const n[] = {
		[XPO_REACH_SR] = "SR",
		[XPO_REACH_DR] = "DR",
		[XPO_REACH_FR] = "FR",
		[XPO_REACH_LR] = "LR",
		[XPO_REACH_ER] = "ER",
		[XPO_REACH_ZR] = "ZR",
		[XPO_REACH_ZR_PLUS] = "ZR+",
		[XPO_REACH_COHERENT_LITE] = "coherent-lite",
		[XPO_REACH_OTHER] = "other",
	};

	return NAME(n, r);
}

const char *interface_arch_name(uint32_t a)
{
	static const char *const n[] = {
		[XPO_INTERFACE_ARCH_RETIMED] = "retimed",
		[XPO_INTERFACE_ARCH_HALF_RETIMED] = "half-retimed",
		[XPO_INTERFACE_ARCH_LINEAR] = "linear",
		[XPO_INTERFACE_ARCH_PASSIVE] = "passive",
	};

	return NAME(n, a);
}

/* whole Tb/s as "1.6T", else Gb/s as "800G" (as breakout modes are named) */
const char *rate_str(char *buf, size_t n, uint32_t mbps)
{
	uint32_t g = mbps / 1000;

	if (mbps % 1000)
		snprintf(buf, n, "%u.%03uG", g, mbps % 1000);
	else if (g >= 1000 && g % 1000 == 0)
		snprintf(buf, n, "%uT", g / 1000);
	else if (g >= 1000 && g % 100 == 0)
		snprintf(buf, n, "%u.%uT", g / 1000, g % 1000 / 100);
	else
		snprintf(buf, n, "%uG", g);
	return buf;
}

/* exact name, else the one name @s is a prefix of (ambiguous: -1) */
static int name_parse(const char *s, const char *const *names)
{
	int i, found = -1;

	if (!*s)
		return -1;
	for (i = 0; names[i]; i++)
		if (!strcmp(s, names[i]))
			return i;
	for (i = 0; names[i]; i++) {
		if (strncmp(s, names[i], strlen(s)))
			continue;
		if (found >= 0)
			return -1;
		found = i;
	}
	return found;
}

int protect_cond_parse(const char *s)
{
	return name_parse(s, cond_names);
}

int protect_action_parse(const char *s)
{
	return name_parse(s, action_names);
}

/* "leak flow-low", or "none" */
static void conds_text(char *buf, size_t n, uint32_t mask)
{
	size_t o = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < CAGE_PROTECT_CONDS; i++)
		if (mask & (1U << i))
			o += snprintf(buf + o, o < n ? n - o : 0, "%s%s",
				      o ? " " : "", cond_names[i]);
	if (!o)
		snprintf(buf, n, "none");
}

/* protection status in a few words: "armed", "tripped (leak: power-off)" */
static void protect_text(const struct cage_info *c, char *buf, size_t n)
{
	if (!c->has_protect)
		snprintf(buf, n, "-");
	else if (!c->tripped)
		snprintf(buf, n, "armed");
	else if (c->has_trip_reason && c->has_trip_action)
		snprintf(buf, n, "TRIPPED %s: %s",
			 protect_cond_name(c->trip_reason),
			 protect_action_name(c->trip_action));
	else
		snprintf(buf, n, "TRIPPED");
}

/* seconds since the trip, if both clocks are known */
static bool trip_age(const struct cage_info *c, double *s)
{
	if (!c->has_trip_time || !c->now_ns || c->now_ns < c->trip_time_ns)
		return false;
	*s = (c->now_ns - c->trip_time_ns) / 1e9;
	return true;
}

static void state_text(const struct cage_info *c, char *buf, size_t n)
{
	if (c->has_fault && c->fault != XPO_FAULT_REASON_NONE)
		snprintf(buf, n, "%s (%s)", cage_state_name(c->state),
			 cage_fault_name(c->fault));
	else
		snprintf(buf, n, "%s", cage_state_name(c->state));
}

/* a flow in mL/min (the kernel's unit) as people read it: L/min */
static double l_min(uint32_t ml_min)
{
	return ml_min / 1000.0;
}

/*
 * A module the kernel did not identify (the cage is off, probing or in
 * fault): say that one is there, instead of "?"; the state says why.
 */
static const char *unidentified_text(const struct cage_info *c)
{
	return c->present ? "(present)" : "-";
}

/* the table's NOTES: what is wrong, or "-" */
static void notes_text(const struct cage_info *c, char *buf, size_t n)
{
	size_t o = 0;

	buf[0] = '\0';
#define NOTE(...) (o += snprintf(buf + o, o < n ? n - o : 0, \
				 "%s", o ? ", " : ""), \
		   o += snprintf(buf + o, o < n ? n - o : 0, __VA_ARGS__))
	/* most urgent first: a narrow console cuts the end */
	if (c->tripped && c->has_trip_reason)
		NOTE("TRIPPED %s", protect_cond_name(c->trip_reason));
	else if (c->tripped)
		NOTE("TRIPPED");
	if (c->has_fault && c->fault != XPO_FAULT_REASON_NONE)
		NOTE("%s", cage_fault_name(c->fault));
	if (c->has_leak && c->leak &&
	    !(c->tripped && c->has_trip_reason &&
	      c->trip_reason == XPO_PROTECTION_COND_LEAK))
		NOTE("LEAK");
	if (c->has_protect && !c->tripped && c->has_alerts && c->alerts) {
		char b[48];

		conds_text(b, sizeof(b), c->alerts);
		NOTE("alarms: %s", b);
	}
#undef NOTE
	if (!o)
		snprintf(buf, n, "-");
}

/*
 * The default table fits an 80-column console: the identity beyond the
 * part number, the power, the coolant temperatures and the protection
 * settings are in cage show CAGE, or columns -o names (VENDOR, SERIAL,
 * POWER W, ...; PRESENT, CAUSE, FIRMWARE and INACTIVE for sfputil's
 * presence, error-status and fwversion views).  Units are in the headings, so the cells are numbers.
 */
enum { COL_CAGE, COL_STATE, COL_MODULE, COL_TEMP, COL_FLOW, COL_NOTES,
       COL_TYPE, COL_VENDOR, COL_SERIAL, COL_POWER, COL_MAX, COL_INLET,
       COL_OUTLET, COL_FAULT, COL_PROTECTION, COL_PRESENT, COL_CAUSE,
       COL_FIRMWARE, COL_INACTIVE, COL_N };

void cage_print_table(const struct cage_info *c, int n, FILE *out)
{
	static const char *const head[COL_N] = {
		"CAGE", "STATE", "MODULE", "TEMP C", "FLOW L/MIN", "NOTES",
		"TYPE", "VENDOR", "SERIAL", "POWER W", "MAX W", "INLET C",
		"OUTLET C", "FAULT", "PROTECTION", "PRESENT", "CAUSE",
		"FIRMWARE", "INACTIVE" };
	static const bool right[COL_N] = {
		[COL_CAGE] = true, [COL_TEMP] = true, [COL_FLOW] = true,
		[COL_POWER] = true, [COL_MAX] = true, [COL_INLET] = true,
		[COL_OUTLET] = true };
	struct table t;
	char b[2][96], fw[2][16];
	int i, col;

	table_init(&t, COL_N, head, right);
	for (col = COL_TYPE; col < COL_N; col++)
		t.hidden[col] = true;
	t.width = table_term_width(out);
	for (i = 0; i < n; i++, c++) {
		const char *cells[COL_N] = { 0 };
		char num[6][24];

		/* the numbers first, "-" where the kernel sent none */
#define NUM(k, has, fmt, v) (snprintf(num[k], sizeof(num[k]), (has) ? fmt : "-", v), num[k])
		cells[COL_TEMP] = NUM(0, c->has_module_temp, "%.1f", c->module_temp / 1000.0);
		cells[COL_FLOW] = NUM(1, c->has_flow, "%.2f", l_min(c->flow));
		cells[COL_POWER] = NUM(2, c->has_power_draw, "%.1f", c->power_draw / 1000.0);
		cells[COL_MAX] = NUM(3, c->has_max_power, "%.1f", c->max_power / 1000.0);
		cells[COL_INLET] = NUM(4, c->has_coolant_in, "%.1f", c->coolant_in / 1000.0);
		cells[COL_OUTLET] = NUM(5, c->has_coolant_out, "%.1f", c->coolant_out / 1000.0);
#undef NUM
		cells[COL_CAGE] = cage_ref_name(c->board, c->id, b[0], sizeof(b[0]));
		cells[COL_STATE] = cage_state_name(c->state);
		cells[COL_MODULE] = c->has_identity ? c->part_number :
						      unidentified_text(c);
		notes_text(c, b[1], sizeof(b[1]));
		cells[COL_NOTES] = b[1];
		cells[COL_TYPE] = c->has_identity ? cmis_id_name(c->identifier) : "-";
		cells[COL_VENDOR] = c->has_identity ? c->vendor : "-";
		cells[COL_SERIAL] = c->has_identity ? c->serial : "-";
		cells[COL_FAULT] = c->has_fault ? cage_fault_name(c->fault) : "-";
		cells[COL_PROTECTION] = !c->has_protect ? "-" :
					c->tripped ? "tripped" : "armed";
		/* sfputil's presence, error-status and fwversion views */
		cells[COL_PRESENT] = c->present ? "yes" : "no";
		cells[COL_CAUSE] = c->has_fault &&
				   c->fault == XPO_FAULT_REASON_MODULE_FAULT ?
				   cmis_fault_cause_name(c->fault_cause) : "-";
		snprintf(fw[0], sizeof(fw[0]), "%u.%u", c->fw_active >> 8,
			 c->fw_active & 0xff);
		snprintf(fw[1], sizeof(fw[1]), "%u.%u", c->fw_inactive >> 8,
			 c->fw_inactive & 0xff);
		cells[COL_FIRMWARE] = c->has_fw_active ? fw[0] : "-";
		cells[COL_INACTIVE] = c->has_fw_inactive ? fw[1] : "-";
		table_row(&t);
		for (col = 0; col < COL_N; col++)
			table_cell(&t, "%s", cells[col]);
	}
	table_print(&t, out);
	table_free(&t);
}

/* detail lines of cage show */
#define kv(out, k, ...)	print_kv(out, 18, k, __VA_ARGS__)

static void flags_hex(char *buf, size_t n, const uint8_t *f, int len)
{
	int i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < len && o + 4 < (int)n; i++)
		o += snprintf(buf + o, n - o, "%s%02x", i ? " " : "", f[i]);
}

static void print_protect_detail(const struct cage_info *c, FILE *out)
{
	char b[64], label[24];
	double age;
	int i;

	if (!c->has_protect)
		return;
	protect_text(c, b, sizeof(b));
	if (c->tripped && trip_age(c, &age))
		kv(out, "protection:", "%s, %.1f s ago", b, age);
	else
		kv(out, "protection:", "%s", b);
	for (i = 0; i < CAGE_PROTECT_CONDS; i++) {
		if (!c->has_policy_cond[i])
			continue;
		snprintf(label, sizeof(label), "on %s:", cond_names[i]);
		kv(out, label, "%s", protect_action_name(c->policy_cond[i]));
	}
	if (c->has_flow_min) {
		if (c->flow_min)
			kv(out, "flow-min:", "%.3f L/min", l_min(c->flow_min));
		else
			kv(out, "flow-min:", "none");
	}
	if (c->has_temp_max) {
		if (c->temp_max)
			kv(out, "temp-max:", "%.2f C", c->temp_max / 1000.0);
		else
			kv(out, "temp-max:", "none");
	}
	if (c->has_alerts) {
		conds_text(b, sizeof(b), c->alerts);
		kv(out, "alarms seen:", "%s", b);
	}
}

/* ", 800G DR" (what the kernel makes of it), or ", malformed" */
static void app_use(const struct cage_app *a, char *buf, size_t n)
{
	char rate[16];

	if (!a->has_appsel) {
		snprintf(buf, n, ", malformed");
		return;
	}
	snprintf(buf, n, "%s%s%s%s", a->has_speed ? ", " : "",
		 a->has_speed ? rate_str(rate, sizeof(rate), a->speed) : "",
		 a->has_reach ? (a->has_speed ? " " : ", ") : "",
		 a->has_reach ? reach_label(a->reach) : "");
}

/* The module's interface architecture, reach profiles and breakouts */
static void print_profile_detail(const struct cage_info *c, FILE *out)
{
	char b[256], rate[16];
	size_t len = 0;
	int i;

	if (c->has_arch)
		kv(out, "interface:", "%s", interface_arch_name(c->arch));
	if (c->nreach) {
		for (i = 0, len = 0; i < c->nreach && len < sizeof(b); i++)
			len += snprintf(b + len, sizeof(b) - len, "%s%s",
					i ? ", " : "", reach_label(c->reach[i]));
		kv(out, "reach profiles:", "%s", b);
	}
	if (c->nmodes) {
		for (i = 0, len = 0; i < c->nmodes && len < sizeof(b); i++)
			len += snprintf(b + len, sizeof(b) - len, "%s%ux%s",
					i ? ", " : "", c->modes[i].ports,
					rate_str(rate, sizeof(rate),
						 c->modes[i].speed));
		kv(out, "breakout modes:", "%s", b);
	}
}

void cage_print_detail(const struct cage_info *c, FILE *out)
{
	bool judged = false;
	char b[128];
	int i, o;

	fprintf(out, "cage %s:\n", cage_ref_name(c->board, c->id, b, sizeof(b)));
	state_text(c, b, sizeof(b));
	kv(out, "state:", "%s", b);
	if (c->has_prev_state)
		kv(out, "previous state:", "%s", cage_state_name(c->prev_state));
	kv(out, "present:", "%s", c->present ? "yes" : "no");
	if (c->has_fault && c->fault == XPO_FAULT_REASON_MODULE_FAULT)
		kv(out, "fault cause:", "0x%02x (%s)", c->fault_cause,
		   cmis_fault_cause_name(c->fault_cause));
	if (c->has_module_state)
		kv(out, "module state:", "%s", cmis_module_state_name(c->module_state));
	if (!c->has_identity && c->present)
		kv(out, "module:", "present, not identified (the cage is %s)",
		   cage_state_name(c->state));
	if (c->has_identity) {
		kv(out, "module:", "%s (0x%02x), CMIS %u.%u, %s memory",
		   cmis_id_name(c->identifier), c->identifier, c->cmis_rev >> 4,
		   c->cmis_rev & 0xf, c->memory == XPO_MEMORY_FLAT ? "flat" : "paged");
		kv(out, "vendor:", "%s", c->vendor);
		if (c->has_oui)
			kv(out, "vendor oui:", "%02x:%02x:%02x", c->oui[0], c->oui[1], c->oui[2]);
		kv(out, "part number:", "%s", c->part_number);
		kv(out, "revision:", "%s", c->revision);
		kv(out, "serial number:", "%s", c->serial);
		kv(out, "date code:", "%s", c->date_code);
		if (c->clei[0])
			kv(out, "clei:", "%s", c->clei);
		kv(out, "media type:", "%s", cmis_media_type_name(c->media_type));
	}
	if (c->has_fw_active)
		kv(out, "firmware active:", "%u.%u", c->fw_active >> 8, c->fw_active & 0xff);
	if (c->has_fw_inactive)
		kv(out, "firmware inactive:", "%u.%u", c->fw_inactive >> 8,
		   c->fw_inactive & 0xff);
	if (c->has_hw_rev)
		kv(out, "hardware revision:", "%u.%u", c->hw_rev >> 8, c->hw_rev & 0xff);
	if (c->banks)
		kv(out, "banks:", "%u", c->banks);
	if (c->ports)
		kv(out, "breakout:", "%u ports x %u lanes", c->ports, c->lanes_per_port);
	if (c->power_class)
		kv(out, "power class:", "%u", c->power_class);
	if (c->has_max_power)
		kv(out, "max power:", "%.2f W", c->max_power / 1000.0);
	if (c->has_power_budget)
		kv(out, "power budget:", "%.2f W", c->power_budget / 1000.0);
	if (c->has_power_draw)
		kv(out, "power draw:", "%.2f W", c->power_draw / 1000.0);
	if (c->has_policy)
		kv(out, "power mode policy:", "%s", cage_policy_name(c->policy));
	if (c->has_module_temp)
		kv(out, "temperature:", "%.2f C", c->module_temp / 1000.0);
	if (c->n_engines) {
		for (i = 0, o = 0; i < c->n_engines && o < (int)sizeof(b); i++)
			o += snprintf(b + o, sizeof(b) - o, "%s%.2f", i ? " " : "",
				      c->engine_temp[i] / 1000.0);
		kv(out, "engine temps:", "%s C", b);
	}
	if (c->has_vcc)
		kv(out, "supply voltage:", "%.4f V", c->vcc / 1e6);
	if (c->has_coolant_in)
		kv(out, "coolant inlet:", "%.2f C", c->coolant_in / 1000.0);
	if (c->has_coolant_out)
		kv(out, "coolant outlet:", "%.2f C", c->coolant_out / 1000.0);
	if (c->has_flow)
		kv(out, "coolant flow:", "%.3f L/min", l_min(c->flow));
	if (c->has_leak)
		kv(out, "leak:", "%s", c->leak ? "LEAK DETECTED" : "no");
	if (c->module_flags_len) {
		flags_hex(b, sizeof(b), c->module_flags, c->module_flags_len);
		kv(out, "module flags:", "%s", b);
	}
	if (c->telemetry_flags_len) {
		flags_hex(b, sizeof(b), c->telemetry_flags, c->telemetry_flags_len);
		kv(out, "telemetry flags:", "%s", b);
	}
	print_protect_detail(c, out);
	print_profile_detail(c, out);
	/* a kernel that says what it selects says it of every application */
	for (i = 0; i < c->napps; i++)
		judged |= c->apps[i].has_appsel;
	for (i = 0; i < c->napps; i++) {
		const struct cage_app *a = &c->apps[i];
		const char *h = cmis_host_if_name(a->host_if);
		char label[24], use[48] = "";

		snprintf(label, sizeof(label), "application %d:", i + 1);
		if (judged)
			app_use(a, use, sizeof(use));
		if (h)
			kv(out, label, "%s, %u host/%u media lanes (media 0x%02x)%s", h,
			   a->host_lanes, a->media_lanes, a->media_if, use);
		else
			kv(out, label, "host 0x%02x, %u host/%u media lanes (media 0x%02x)%s",
			   a->host_if, a->host_lanes, a->media_lanes, a->media_if,
			   use);
	}
}

static void profile_json(const struct cage_info *c, struct jw *jw)
{
	int i;

	if (c->has_arch)
		jw_kv_string(jw, "interface_arch", interface_arch_name(c->arch));
	if (c->nreach) {
		jw_name(jw, "reach_profiles");
		jw_arr_open(jw);
		for (i = 0; i < c->nreach; i++)
			jw_string(jw, reach_name(c->reach[i]));
		jw_arr_close(jw);
	}
	if (c->nmodes) {
		jw_name(jw, "breakout_modes");
		jw_arr_open(jw);
		for (i = 0; i < c->nmodes; i++) {
			jw_obj_open(jw);
			jw_kv_uint(jw, "ports", c->modes[i].ports);
			jw_kv_uint(jw, "lanes", c->modes[i].lanes);
			jw_kv_uint(jw, "speed_mbps", c->modes[i].speed);
			jw_obj_close(jw);
		}
		jw_arr_close(jw);
	}
}

static void jw_milli(struct jw *jw, const char *k, bool has, int64_t v)
{
	if (has)
		jw_kv_float(jw, k, v / 1000.0, 3);
}

static void jw_ver(struct jw *jw, const char *k, bool has, uint16_t v)
{
	char s[16];

	if (!has)
		return;
	snprintf(s, sizeof(s), "%u.%u", v >> 8, v & 0xff);
	jw_kv_string(jw, k, s);
}

static void protect_json(const struct cage_info *c, struct jw *jw)
{
	double age;
	int i;

	if (!c->has_protect)
		return;
	jw_name(jw, "protection");
	jw_obj_open(jw);
	for (i = 0; i < CAGE_PROTECT_CONDS; i++)
		if (c->has_policy_cond[i])
			jw_kv_string(jw, cond_keys[i],
				     protect_action_name(c->policy_cond[i]));
	/* cage thresholds: null when none is set */
	if (c->has_flow_min) {
		jw_name(jw, "flow_min_ml_min");
		if (c->flow_min)
			jw_uint(jw, c->flow_min);
		else
			jw_null(jw);
	}
	if (c->has_temp_max) {
		jw_name(jw, "temp_max_c");
		if (c->temp_max)
			jw_float(jw, c->temp_max / 1000.0, 3);
		else
			jw_null(jw);
	}
	jw_kv_bool(jw, "tripped", c->tripped);
	if (c->tripped && c->has_trip_reason)
		jw_kv_string(jw, "reason", protect_cond_name(c->trip_reason));
	if (c->tripped && c->has_trip_action)
		jw_kv_string(jw, "action", protect_action_name(c->trip_action));
	if (c->tripped && c->has_trip_time)
		jw_kv_uint(jw, "tripped_monotonic_ns", c->trip_time_ns);
	if (c->tripped && trip_age(c, &age))
		jw_kv_float(jw, "tripped_ago_s", age, 1);
	if (c->has_alerts) {
		jw_name(jw, "alarms_seen");
		jw_arr_open(jw);
		for (i = 0; i < CAGE_PROTECT_CONDS; i++)
			if (c->alerts & (1U << i))
				jw_string(jw, cond_names[i]);
		jw_arr_close(jw);
	}
	jw_obj_close(jw);
}

/* @ts: a monitor event's timestamp, a key of the same object (or NULL) */
static void cage_json(const struct cage_info *c, const char *ts, struct jw *jw)
{
	char s[16];
	int i;

	jw_obj_open(jw);
	if (ts)
		jw_kv_string(jw, "timestamp", ts);
	jw_kv_uint(jw, "board", c->board);
	jw_kv_uint(jw, "cage", c->id);
	if (c->has_event)
		jw_kv_string(jw, "event", cage_event_name(c->event));
	if (c->has_event_seq)
		jw_kv_uint(jw, "event_seq", c->event_seq);
	if (c->has_event_cond)
		jw_kv_string(jw, "event_condition", protect_cond_name(c->event_cond));
	if (c->has_event_action)
		jw_kv_string(jw, "event_action",
			     protect_action_name(c->event_action));
	jw_kv_bool(jw, "present", c->present);
	jw_kv_string(jw, "state", cage_state_name(c->state));
	if (c->has_prev_state)
		jw_kv_string(jw, "prev_state", cage_state_name(c->prev_state));
	if (c->has_fault)
		jw_kv_string(jw, "fault", cage_fault_name(c->fault));
	if (c->has_fault && c->fault == XPO_FAULT_REASON_MODULE_FAULT) {
		jw_kv_uint(jw, "fault_cause", c->fault_cause);
		jw_kv_string(jw, "fault_cause_name",
			     cmis_fault_cause_name(c->fault_cause));
	}
	if (c->has_module_state)
		jw_kv_string(jw, "module_state", cmis_module_state_name(c->module_state));
	if (c->has_identity) {
		jw_kv_uint(jw, "identifier", c->identifier);
		jw_kv_string(jw, "identifier_name", cmis_id_name(c->identifier));
		snprintf(s, sizeof(s), "%u.%u", c->cmis_rev >> 4, c->cmis_rev & 0xf);
		jw_kv_string(jw, "cmis_revision", s);
		jw_kv_string(jw, "memory", c->memory == XPO_MEMORY_FLAT ? "flat" : "paged");
		jw_kv_string(jw, "vendor", c->vendor);
		if (c->has_oui) {
			snprintf(s, sizeof(s), "%02x:%02x:%02x", c->oui[0], c->oui[1],
				 c->oui[2]);
			jw_kv_string(jw, "vendor_oui", s);
		}
		jw_kv_string(jw, "part_number", c->part_number);
		jw_kv_string(jw, "revision", c->revision);
		jw_kv_string(jw, "serial_number", c->serial);
		jw_kv_string(jw, "date_code", c->date_code);
		if (c->clei[0])
			jw_kv_string(jw, "clei", c->clei);
		/* as module show: the name, and the SFF-8024 code */
		jw_kv_string(jw, "media_type", cmis_media_type_name(c->media_type));
		jw_kv_uint(jw, "media_type_id", c->media_type);
	}
	jw_ver(jw, "firmware_active", c->has_fw_active, c->fw_active);
	jw_ver(jw, "firmware_inactive", c->has_fw_inactive, c->fw_inactive);
	jw_ver(jw, "hardware_revision", c->has_hw_rev, c->hw_rev);
	if (c->banks)
		jw_kv_uint(jw, "banks", c->banks);
	if (c->ports) {
		jw_kv_uint(jw, "ports", c->ports);
		jw_kv_uint(jw, "lanes_per_port", c->lanes_per_port);
	}
	if (c->power_class)
		jw_kv_uint(jw, "power_class", c->power_class);
	jw_milli(jw, "max_power_w", c->has_max_power, c->max_power);
	jw_milli(jw, "power_budget_w", c->has_power_budget, c->power_budget);
	jw_milli(jw, "power_draw_w", c->has_power_draw, c->power_draw);
	if (c->has_policy)
		jw_kv_string(jw, "power_mode_policy", cage_policy_name(c->policy));
	jw_milli(jw, "temperature_c", c->has_module_temp, c->module_temp);
	if (c->n_engines) {
		jw_name(jw, "engine_temperatures_c");
		jw_arr_open(jw);
		for (i = 0; i < c->n_engines; i++)
			jw_float(jw, c->engine_temp[i] / 1000.0, 3);
		jw_arr_close(jw);
	}
	if (c->has_vcc)
		jw_kv_float(jw, "supply_voltage_v", c->vcc / 1e6, 4);
	jw_milli(jw, "coolant_inlet_c", c->has_coolant_in, c->coolant_in);
	jw_milli(jw, "coolant_outlet_c", c->has_coolant_out, c->coolant_out);
	if (c->has_flow)
		jw_kv_uint(jw, "coolant_flow_ml_min", c->flow);
	if (c->has_leak)
		jw_kv_bool(jw, "leak", c->leak);
	if (c->module_flags_len) {
		jw_name(jw, "module_flags");
		jw_arr_open(jw);
		for (i = 0; i < c->module_flags_len; i++)
			jw_uint(jw, c->module_flags[i]);
		jw_arr_close(jw);
	}
	if (c->telemetry_flags_len) {
		jw_name(jw, "telemetry_flags");
		jw_arr_open(jw);
		for (i = 0; i < c->telemetry_flags_len; i++)
			jw_uint(jw, c->telemetry_flags[i]);
		jw_arr_close(jw);
	}
	protect_json(c, jw);
	if (c->napps) {
		jw_name(jw, "applications");
		jw_arr_open(jw);
		for (i = 0; i < c->napps; i++) {
			const struct cage_app *a = &c->apps[i];
			const char *h = cmis_host_if_name(a->host_if);

			jw_obj_open(jw);
			jw_kv_uint(jw, "host_interface_id", a->host_if);
			if (h)
				jw_kv_string(jw, "host_interface", h);
			jw_kv_uint(jw, "media_interface_id", a->media_if);
			jw_kv_uint(jw, "host_lanes", a->host_lanes);
			jw_kv_uint(jw, "media_lanes", a->media_lanes);
			jw_kv_uint(jw, "host_lane_assignment", a->host_assign);
			jw_kv_uint(jw, "media_lane_assignment", a->media_assign);
			if (a->has_appsel)
				jw_kv_uint(jw, "appsel", a->appsel);
			if (a->has_speed)
				jw_kv_uint(jw, "speed_mbps", a->speed);
			if (a->has_reach)
				jw_kv_string(jw, "reach", reach_name(a->reach));
			if (a->has_arch)
				jw_kv_string(jw, "interface_arch",
					     interface_arch_name(a->arch));
			jw_obj_close(jw);
		}
		jw_arr_close(jw);
	}
	profile_json(c, jw);
	jw_obj_close(jw);
}

void cage_print_json(const struct cage_info *c, struct jw *jw)
{
	cage_json(c, NULL, jw);
}

/* One monitor event: a text line, or one JSON object per line (NDJSON) */
int monitor_format_event(const struct cage_info *c, bool json, const char *ts,
			 struct jw *jw, FILE *out)
{
	char name[CAGE_NAME_LEN];

	if (json) {
		/* one object per line: pretty output would break NDJSON */
		bool pretty = jw->pretty;

		jw->pretty = false;
		/* -t adds a key: .cage stays the cage number it is without */
		cage_json(c, ts, jw);
		jw_end(jw);
		jw->pretty = pretty;
		return 0;
	}
	if (ts)
		fprintf(out, "[%s] ", ts);
	fprintf(out, "cage %s: %s",
		cage_ref_name(c->board, c->id, name, sizeof(name)),
		c->has_event ? cage_event_name(c->event) : "event");
	/*
	 * ports: port-split or port-unsplit changed the cage's ports;
	 * port-settings: si-set or tune-set changed a port's settings
	 */
	if (c->has_event && (c->event == XPO_EVENT_ALARM ||
			     c->event == XPO_EVENT_PROTECT ||
			     c->event == XPO_EVENT_REARM ||
			     c->event == XPO_EVENT_PORTS ||
			     c->event == XPO_EVENT_PORT_SETTINGS)) {
		/* not a transition: the state is only context */
		if (c->has_event_cond)
			fprintf(out, " %s", protect_cond_name(c->event_cond));
		if (c->has_event_action)
			fprintf(out, " -> %s", protect_action_name(c->event_action));
		fprintf(out, " (state %s)", cage_state_name(c->state));
	} else if (c->has_prev_state)
		fprintf(out, " %s -> %s", cage_state_name(c->prev_state),
			cage_state_name(c->state));
	else
		fprintf(out, " %s", cage_state_name(c->state));
	if (c->has_fault && c->fault)
		fprintf(out, " (%s)", cage_fault_name(c->fault));
	if (c->has_event_seq)
		fprintf(out, " seq %u", c->event_seq);
	fputc('\n', out);
	fflush(out);
	return 0;
}
