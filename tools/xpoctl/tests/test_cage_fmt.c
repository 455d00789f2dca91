// SPDX-License-Identifier: GPL-2.0
/*
 * Cage output (table, detail, JSON) and monitor event lines, from cages
 * built here, against golden files; and cage-get replies built with YNL's helpers
 * and parsed back, multi-attr applications included.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <linux/xpo.h>

#include "harness.h"
#include "nlmsg_build.h"
#include "../cage_fmt.h"
#include "../table.h"
#include "../cage_parse.h"
#include "../xpoctl.h"

static void ready_cage(struct cage_info *c, unsigned int id)
{
	memset(c, 0, sizeof(*c));
	c->id = id;
	c->present = true;
	c->state = XPO_CAGE_STATE_READY;
	c->has_fault = true;
	c->fault = XPO_FAULT_REASON_NONE;
	c->has_module_state = true;
	c->module_state = 3;
	c->has_identity = true;
	c->identifier = 0x26;
	c->cmis_rev = 0x52;
	c->media_type = 2;
	strcpy(c->vendor, "XPO-SIM");
	strcpy(c->part_number, "XPO-1T6-DR8");
	strcpy(c->revision, "A1");
	snprintf(c->serial, sizeof(c->serial), "SIM%08u", id);
	strcpy(c->date_code, "26110100");
	c->has_oui = true;
	c->oui[0] = 0x02; c->oui[1] = 0x58; c->oui[2] = 0x50;
	c->has_fw_active = c->has_fw_inactive = c->has_hw_rev = true;
	c->fw_active = 0x0102;
	c->fw_inactive = 0x0101;
	c->hw_rev = 0x0100;
	c->banks = 8;
	c->ports = 8;
	c->lanes_per_port = 8;
	c->power_class = 8;
	c->has_max_power = c->has_power_budget = c->has_power_draw = true;
	c->max_power = 300000;
	c->power_budget = 400000;
	c->power_draw = 212340 + id;
	c->has_policy = true;
	c->has_module_temp = c->has_coolant_in = c->has_coolant_out = true;
	c->module_temp = 41250;
	c->coolant_in = 24000;
	c->coolant_out = 31500;
	c->has_flow = c->has_leak = true;
	c->flow = 520;
	c->has_vcc = true;
	c->vcc = 3301200;
	c->n_engines = 2;
	c->engine_temp[0] = 45125;
	c->engine_temp[1] = 46004;
	c->has_protect = true;
	c->has_policy_cond[0] = c->has_policy_cond[1] = c->has_policy_cond[2] = true;
	c->policy_cond[0] = XPO_PROTECTION_ACTION_POWER_OFF;
	c->policy_cond[1] = XPO_PROTECTION_ACTION_LOW_POWER;
	c->policy_cond[2] = XPO_PROTECTION_ACTION_LOW_POWER;
	c->has_alerts = true;
	c->napps = 2;
	c->apps[0] = (struct cage_app){ 0x83, 0x7f, 8, 8, 0x01, 0x01 };
	c->apps[1] = (struct cage_app){ 0x99, 0x77, 4, 4, 0x11, 0x11 };
	/* what the kernel makes of them: the first selectable, 1.6T DR */
	c->apps[0].has_appsel = c->apps[0].has_speed = true;
	c->apps[0].has_reach = c->apps[0].has_arch = true;
	c->apps[0].appsel = 1;
	c->apps[0].speed = 1600000;
	c->apps[0].reach = XPO_REACH_DR;
	c->apps[0].arch = XPO_INTERFACE_ARCH_RETIMED;
	c->has_arch = true;
	c->arch = XPO_INTERFACE_ARCH_RETIMED;
	c->nreach = 1;
	c->reach[0] = XPO_REACH_DR;
	c->nmodes = 2;
	c->modes[0] = (struct cage_mode){ 8, 8, 1600000 };
	c->modes[1] = (struct cage_mode){ 16, 4, 800000 };
}

/* A kernel from before the application's use was reported */
static void unjudged(struct cage_info *c)
{
	int i;

	for (i = 0; i < c->napps; i++) {
		c->apps[i].has_appsel = c->apps[i].has_speed = false;
		c->apps[i].has_reach = c->apps[i].has_arch = false;
	}
	c->has_arch = false;
	c->nreach = c->nmodes = 0;
}

static void some_cages(struct cage_info *c)
{
	ready_cage(&c[0], 0);
	memset(&c[1], 0, sizeof(c[1]));
	c[1].id = 1;
	c[1].state = XPO_CAGE_STATE_EMPTY;
	c[1].has_fault = true;
	ready_cage(&c[2], 2);
	c[2].state = XPO_CAGE_STATE_FAULT;
	c[2].fault = XPO_FAULT_REASON_MODULE_FAULT;
	c[2].fault_cause = 0x42;
	c[2].has_power_draw = false;
	c[2].leak = true;
	/* tripped 12.5 s before the reply was parsed */
	c[2].tripped = true;
	c[2].has_trip_reason = c[2].has_trip_action = c[2].has_trip_time = true;
	c[2].trip_reason = XPO_PROTECTION_COND_LEAK;
	c[2].trip_action = XPO_PROTECTION_ACTION_POWER_OFF;
	c[2].trip_time_ns = 1000000000000ULL;
	c[2].now_ns = 1012500000000ULL;
	c[2].alerts = 1U << XPO_PROTECTION_COND_LEAK;
	c[2].n_engines = 0;
	c[2].has_vcc = false;
	ready_cage(&c[3], 15);
	c[3].state = XPO_CAGE_STATE_LOW_POWER;
	c[3].has_coolant_in = c[3].has_coolant_out = c[3].has_flow = false;
	strcpy(c[3].vendor, "quote\"back\\slash");
	/* alarms seen, nothing tripped; cage thresholds set */
	c[3].policy_cond[0] = XPO_PROTECTION_ACTION_ALERT;
	c[3].policy_cond[2] = XPO_PROTECTION_ACTION_OFF;
	c[3].alerts = (1U << XPO_PROTECTION_COND_FLOW_LOW) |
		      (1U << XPO_PROTECTION_COND_OVERTEMP);
	c[3].has_flow_min = c[3].has_temp_max = true;
	c[3].flow_min = 300;
	c[3].temp_max = 70500;
	unjudged(&c[3]);
	c[0].has_flow_min = c[0].has_temp_max = true;	/* 0: none */
}

/* The table of @n cages with -o @columns */
static char *table_with(const struct cage_info *c, int n, const char *columns)
{
	struct capture cap;
	char *s;

	table_columns = columns;
	capture_begin(&cap);
	cage_print_table(c, n, cap.f);
	s = capture_end(&cap);
	table_columns = NULL;
	return s;
}

static void test_table(void **state)
{
	struct cage_info c[6];
	struct capture cap;
	char *s, *l;

	(void)state;
	some_cages(c);
	/* tripped and switched off: the kernel has no identity to report */
	memset(&c[4], 0, sizeof(c[4]));
	c[4].id = 12;
	c[4].present = true;
	c[4].state = XPO_CAGE_STATE_POWERED_OFF;
	c[4].has_fault = true;
	c[4].has_protect = c[4].tripped = c[4].has_trip_reason = true;
	c[4].trip_reason = XPO_PROTECTION_COND_OVERTEMP;
	/* the longest fault reason, with a trip and a leak */
	ready_cage(&c[5], 13);
	c[5].state = XPO_CAGE_STATE_FAULT;
	c[5].fault = XPO_FAULT_REASON_POWER_UP_TIMEOUT;
	c[5].tripped = c[5].has_trip_reason = c[5].leak = true;
	c[5].trip_reason = XPO_PROTECTION_COND_OVERTEMP;
	/* a pipe: whole lines */
	unsetenv("COLUMNS");
	capture_begin(&cap);
	cage_print_table(c, 6, cap.f);
	s = capture_end(&cap);
	assert_non_null(strstr(s, "TRIPPED overtemp, power-up-timeout, LEAK\n"));
	free(s);
	/* as on an 80-column console */
	setenv("COLUMNS", "80", 1);
	capture_begin(&cap);
	cage_print_table(c, 6, cap.f);
	s = capture_end(&cap);
	unsetenv("COLUMNS");
	golden_check("cage-table.txt", s);
	/* an 80-column console: no line wraps (finding 7) */
	for (l = s; *l; ) {
		size_t n = strcspn(l, "\n");

		assert_in_range(n, 1, 80);
		l += n + (l[n] == '\n');
	}
	/* say what is known: never "?" */
	assert_null(strstr(s, "?"));
	free(s);
	/* -o: the columns named, in the table's order, any case, by the
	 * heading's first word */
	s = table_with(c, 2, "serial,cage,Power,outlet");
	assert_string_equal(s,
		"CAGE  SERIAL       POWER W  OUTLET C\n"
		"   0  SIM00000000    212.3      31.5\n"
		"   1  -                  -         -\n");
	free(s);
	/* sfputil's presence, error-status and fwversion views as columns */
	some_cages(c);
	c[2].fault_cause = 1;
	s = table_with(c, 3, "cage,present,state,cause,firmware,inactive");
	assert_string_equal(s,
		"CAGE  STATE  PRESENT  CAUSE        FIRMWARE  INACTIVE\n"
		"   0  ready  yes      -            1.2       1.1\n"
		"   1  empty  no       -            -         -\n"
		"   2  fault  yes      tec-runaway  1.2       1.1\n");
	free(s);
}

static void test_detail(void **state)
{
	struct cage_info c[4];
	struct capture cap;
	char *s;
	int i;

	(void)state;
	some_cages(c);
	capture_begin(&cap);
	for (i = 0; i < 4; i++)
		cage_print_detail(&c[i], cap.f);
	s = capture_end(&cap);
	golden_check("cage-detail.txt", s);
	free(s);
	/* a tripped, powered-off cage: the module is there, not identified */
	memset(&c[0], 0, sizeof(c[0]));
	c[0].id = 12;
	c[0].present = true;
	c[0].state = XPO_CAGE_STATE_POWERED_OFF;
	capture_begin(&cap);
	cage_print_detail(&c[0], cap.f);
	s = capture_end(&cap);
	assert_non_null(strstr(s, "module:            present, not identified (the cage is powered-off)\n"));
	free(s);
}

static void test_json(void **state)
{
	struct cage_info c[4];
	struct capture cap;
	struct jw jw;
	char *s;
	int i;

	(void)state;
	some_cages(c);
	capture_begin(&cap);
	jw_init(&jw, cap.f, false);
	jw_obj_open(&jw);
	jw_name(&jw, "cages");
	jw_arr_open(&jw);
	for (i = 0; i < 4; i++)
		cage_print_json(&c[i], &jw);
	jw_arr_close(&jw);
	jw_obj_close(&jw);
	jw_end(&jw);
	s = capture_end(&cap);
	golden_check("cage.json", s);
	free(s);
}

static void test_monitor_lines(void **state)
{
	struct cage_info c;
	struct capture cap;
	struct jw jw;
	char *s;

	(void)state;
	capture_begin(&cap);
	jw_init(&jw, cap.f, true);	/* -p: still one object per line */
	memset(&c, 0, sizeof(c));
	c.id = 7;
	c.has_event = c.has_event_seq = c.has_prev_state = c.has_fault = true;
	c.event = XPO_EVENT_INSERT;
	c.event_seq = 1;
	c.present = true;
	c.prev_state = XPO_CAGE_STATE_EMPTY;
	c.state = XPO_CAGE_STATE_PROBING;
	monitor_format_event(&c, false, NULL, &jw, cap.f);
	monitor_format_event(&c, false, "2026-11-24T18:00:00.000001+00:00", &jw, cap.f);
	monitor_format_event(&c, true, NULL, &jw, cap.f);
	c.event = XPO_EVENT_STATE;
	c.event_seq = 2;
	c.prev_state = XPO_CAGE_STATE_POWERING_UP;
	c.state = XPO_CAGE_STATE_FAULT;
	c.fault = XPO_FAULT_REASON_POWER_UP_TIMEOUT;
	monitor_format_event(&c, false, NULL, &jw, cap.f);
	monitor_format_event(&c, true, "2026-11-24T18:00:00.000002+01:00", &jw, cap.f);
	/* protection events: the state is context, not a transition */
	c.event = XPO_EVENT_ALARM;
	c.event_seq = 3;
	c.prev_state = XPO_CAGE_STATE_POWERING_UP;
	c.state = XPO_CAGE_STATE_READY;
	c.fault = XPO_FAULT_REASON_NONE;
	c.has_event_cond = true;
	c.event_cond = XPO_PROTECTION_COND_FLOW_LOW;
	monitor_format_event(&c, false, NULL, &jw, cap.f);
	monitor_format_event(&c, true, NULL, &jw, cap.f);
	c.event = XPO_EVENT_PROTECT;
	c.event_seq = 4;
	c.has_event_action = true;
	c.event_action = XPO_PROTECTION_ACTION_LOW_POWER;
	c.has_protect = c.tripped = true;
	c.has_trip_reason = c.has_trip_action = true;
	c.trip_reason = XPO_PROTECTION_COND_FLOW_LOW;
	c.trip_action = XPO_PROTECTION_ACTION_LOW_POWER;
	monitor_format_event(&c, false, NULL, &jw, cap.f);
	monitor_format_event(&c, true, NULL, &jw, cap.f);
	c.event = XPO_EVENT_REARM;
	c.event_seq = 5;
	c.has_event_cond = c.has_event_action = false;
	c.tripped = c.has_trip_reason = c.has_trip_action = false;
	monitor_format_event(&c, false, "2026-11-24T18:00:01.000000", &jw, cap.f);
	/* a cage of another board is named board/cage, as the kernel does */
	c.board = 1;
	c.id = 3;
	monitor_format_event(&c, false, NULL, &jw, cap.f);
	monitor_format_event(&c, true, NULL, &jw, cap.f);
	/* port-split changed its ports: the state is context again */
	c.event = XPO_EVENT_PORTS;
	c.event_seq = 6;
	c.has_protect = false;
	monitor_format_event(&c, false, NULL, &jw, cap.f);
	monitor_format_event(&c, true, NULL, &jw, cap.f);
	s = capture_end(&cap);
	golden_check("monitor.txt", s);
	free(s);
}

/* a cage-get reply built as the kernel would, parsed back */
static void test_parse(void **state)
{
	static uint8_t buf[4096];
	struct nlmsghdr *msg = test_msg_start(buf, sizeof(buf), 42,
					      XPO_CMD_CAGE_GET);
	struct nlattr *app, *mode, *prot;
	struct cage_info c;
	char why[128];
	int i;

	(void)state;
	ynl_attr_put_u32(msg, XPO_A_CAGE_ID, 9);
	ynl_attr_put_u32(msg, XPO_A_CAGE_INTERFACE_ARCH,
			 XPO_INTERFACE_ARCH_LINEAR);
	ynl_attr_put_u32(msg, XPO_A_CAGE_REACH, XPO_REACH_DR);
	ynl_attr_put_u32(msg, XPO_A_CAGE_REACH, XPO_REACH_FR);
	ynl_attr_put_u8(msg, XPO_A_CAGE_PRESENT, 1);
	ynl_attr_put_u32(msg, XPO_A_CAGE_STATE, XPO_CAGE_STATE_READY);
	ynl_attr_put_u8(msg, XPO_A_CAGE_IDENTIFIER, 0x26);
	ynl_attr_put_str(msg, XPO_A_CAGE_VENDOR, "ABCD");
	ynl_attr_put_str(msg, XPO_A_CAGE_SERIAL, "S123");
	ynl_attr_put_u32(msg, XPO_A_CAGE_MODULE_TEMP, (uint32_t)-5250);
	ynl_attr_put_u16(msg, XPO_A_CAGE_FW_ACTIVE, 0x0203);
	for (i = 0; i < 3; i++) {
		app = ynl_attr_nest_start(msg, XPO_A_CAGE_APP);
		ynl_attr_put_u8(msg, XPO_A_APP_HOST_IF, 0x80 + i);
		ynl_attr_put_u8(msg, XPO_A_APP_HOST_LANES, 1 << i);
		if (i) {
			ynl_attr_put_u8(msg, XPO_A_APP_APPSEL, i + 1);
			ynl_attr_put_u32(msg, XPO_A_APP_SPEED, 1600000 >> i);
			ynl_attr_put_u32(msg, XPO_A_APP_REACH, XPO_REACH_FR);
		}
		ynl_attr_nest_end(msg, app);
		mode = ynl_attr_nest_start(msg, XPO_A_CAGE_BREAKOUT_MODE);
		ynl_attr_put_u32(msg, XPO_A_BREAKOUT_MODE_PORTS, 8 << i);
		ynl_attr_put_u32(msg, XPO_A_BREAKOUT_MODE_LANES, 8 >> i);
		ynl_attr_put_u32(msg, XPO_A_BREAKOUT_MODE_SPEED, 1600000 >> i);
		ynl_attr_nest_end(msg, mode);
		ynl_attr_put_s32(msg, XPO_A_CAGE_ENGINE_TEMP, 40000 + 1000 * i);
	}
	ynl_attr_put_u32(msg, XPO_A_CAGE_SUPPLY_VOLTAGE, 3300000);
	prot = ynl_attr_nest_start(msg, XPO_A_CAGE_PROTECT);
	ynl_attr_put_u32(msg, XPO_A_PROTECT_LEAK, XPO_PROTECTION_ACTION_POWER_OFF);
	ynl_attr_put_u32(msg, XPO_A_PROTECT_OVERTEMP, XPO_PROTECTION_ACTION_ALERT);
	ynl_attr_put_u8(msg, XPO_A_PROTECT_TRIPPED, 1);
	ynl_attr_put_u32(msg, XPO_A_PROTECT_REASON, XPO_PROTECTION_COND_LEAK);
	ynl_attr_put_u32(msg, XPO_A_PROTECT_ACTION, XPO_PROTECTION_ACTION_POWER_OFF);
	ynl_attr_put_u64(msg, XPO_A_PROTECT_TRIPPED_TIME, 123456789012ULL);
	ynl_attr_put_u32(msg, XPO_A_PROTECT_ALERTS, 5);
	ynl_attr_put_s32(msg, XPO_A_PROTECT_TEMP_MAX, 70000);
	ynl_attr_nest_end(msg, prot);
	test_msg_end(msg);
	assert_int_equal(cage_parse(msg, &c, why, sizeof(why)), 0);
	assert_int_equal(c.id, 9);
	assert_true(c.present);
	assert_int_equal(c.state, XPO_CAGE_STATE_READY);
	assert_true(c.has_identity);
	assert_string_equal(c.vendor, "ABCD");
	assert_string_equal(c.serial, "S123");
	assert_true(c.has_module_temp);
	assert_int_equal(c.module_temp, -5250);
	assert_false(c.has_coolant_in);
	assert_false(c.has_max_power);
	assert_int_equal(c.fw_active, 0x0203);
	assert_int_equal(c.napps, 3);
	assert_int_equal(c.apps[2].host_if, 0x82);
	assert_int_equal(c.apps[2].host_lanes, 4);
	assert_false(c.apps[0].has_appsel);
	assert_true(c.apps[2].has_appsel);
	assert_int_equal(c.apps[2].appsel, 3);
	assert_int_equal(c.apps[2].speed, 400000);
	assert_int_equal(c.apps[2].reach, XPO_REACH_FR);
	assert_false(c.apps[2].has_arch);
	assert_true(c.has_arch);
	assert_int_equal(c.arch, XPO_INTERFACE_ARCH_LINEAR);
	assert_int_equal(c.nreach, 2);
	assert_int_equal(c.reach[1], XPO_REACH_FR);
	assert_int_equal(c.nmodes, 3);
	assert_int_equal(c.modes[2].ports, 32);
	assert_int_equal(c.modes[2].lanes, 2);
	assert_int_equal(c.modes[2].speed, 400000);
	assert_int_equal(c.n_engines, 3);
	assert_int_equal(c.engine_temp[2], 42000);
	assert_true(c.has_vcc);
	assert_int_equal(c.vcc, 3300000);
	assert_true(c.has_protect);
	assert_true(c.has_policy_cond[0]);
	assert_false(c.has_policy_cond[1]);
	assert_int_equal(c.policy_cond[2], XPO_PROTECTION_ACTION_ALERT);
	assert_true(c.tripped);
	assert_int_equal(c.trip_reason, XPO_PROTECTION_COND_LEAK);
	assert_int_equal(c.trip_action, XPO_PROTECTION_ACTION_POWER_OFF);
	assert_true(c.has_trip_time);
	assert_true(c.trip_time_ns == 123456789012ULL);
	assert_true(c.now_ns != 0);
	assert_int_equal(c.alerts, 5);
	assert_false(c.has_flow_min);
	assert_true(c.has_temp_max);
	assert_int_equal(c.temp_max, 70000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_detail),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_monitor_lines),
		cmocka_unit_test(test_parse),
	};

	return cmocka_run_group_tests_name("cage_fmt", tests, NULL, NULL);
}
