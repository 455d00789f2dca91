// SPDX-License-Identifier: GPL-2.0
/*
 * cage-get replies and cage events into struct cage_info, through the
 * parsers YNL generates from the netlink spec (gen/xpo-user.c): they check
 * every attribute's type and length against the spec before it is read,
 * so a u32 sent as two bytes is refused, not read past.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <linux/xpo.h>

#include "cage_parse.h"
#include "nl.h"
#include "util.h"
#include "xpo_ynl.h"

/* a string of the reply (NUL-terminated: the policy checked it) */
static void str(char *dst, size_t n, const char *src, uint32_t len)
{
	if (!src || !len) {
		dst[0] = '\0';
		return;
	}
	snprintf(dst, n, "%s", src);
}

static int bin(uint8_t *dst, size_t n, const void *src, uint32_t len)
{
	if (!src)
		return 0;
	if (len > n)
		len = n;
	memcpy(dst, src, len);
	return len;
}

static void protect_copy(const struct xpo_protect *p, struct cage_info *c)
{
	const uint32_t cond[CAGE_PROTECT_CONDS] = {
		p->leak, p->flow_low, p->overtemp,
	};
	const bool has[CAGE_PROTECT_CONDS] = {
		p->_present.leak, p->_present.flow_low, p->_present.overtemp,
	};
	struct timespec ts;
	int i;

	c->has_protect = true;
	for (i = 0; i < CAGE_PROTECT_CONDS; i++)
		if ((c->has_policy_cond[i] = has[i]))
			c->policy_cond[i] = cond[i];
	if (p->_present.tripped)
		c->tripped = p->tripped;
	if ((c->has_trip_reason = p->_present.reason))
		c->trip_reason = p->reason;
	if ((c->has_trip_action = p->_present.action))
		c->trip_action = p->action;
	if ((c->has_trip_time = p->_present.tripped_time))
		c->trip_time_ns = p->tripped_time;
	if ((c->has_alerts = p->_present.alerts))
		c->alerts = p->alerts;
	if ((c->has_flow_min = p->_present.flow_min))
		c->flow_min = p->flow_min;
	if ((c->has_temp_max = p->_present.temp_max))
		c->temp_max = p->temp_max;
	/* the kernel's ktime_get_ns() is this clock: for "tripped N s ago" */
	if (c->has_trip_time && !clock_gettime(CLOCK_MONOTONIC, &ts))
		c->now_ns = (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

#define COPY(field, from)	do {				\
		if (r->_present.from)				\
			c->field = r->from;			\
	} while (0)
#define COPY_HAS(field, from)	do {				\
		if ((c->has_##field = r->_present.from))	\
			c->field = r->from;			\
	} while (0)

static void cage_copy(const struct xpo_cage_get_rsp *r, struct cage_info *c)
{
	unsigned int i;

	COPY(id, id);
	COPY(board, board);
	COPY(present, present);
	COPY(state, state);
	COPY_HAS(prev_state, prev_state);
	COPY_HAS(fault, fault);
	COPY(fault_cause, fault_cause);
	COPY_HAS(module_state, module_state);
	if ((c->has_identity = r->_present.identifier)) {
		c->identifier = r->identifier;
		COPY(cmis_rev, cmis_rev);
		COPY(memory, memory);
		COPY(media_type, media_type);
	}
	str(c->vendor, sizeof(c->vendor), r->vendor, r->_present.vendor_len);
	str(c->part_number, sizeof(c->part_number), r->part_number,
	    r->_present.part_number_len);
	str(c->revision, sizeof(c->revision), r->revision,
	    r->_present.revision_len);
	str(c->serial, sizeof(c->serial), r->serial, r->_present.serial_len);
	str(c->date_code, sizeof(c->date_code), r->date_code,
	    r->_present.date_code_len);
	str(c->clei, sizeof(c->clei), r->clei, r->_present.clei_len);
	c->has_oui = bin(c->oui, 3, r->vendor_oui,
			 r->_present.vendor_oui_len) == 3;
	COPY_HAS(fw_active, fw_active);
	COPY_HAS(fw_inactive, fw_inactive);
	COPY_HAS(hw_rev, hw_rev);
	COPY(banks, banks);
	COPY(ports, ports);
	COPY(lanes_per_port, lanes_per_port);
	COPY(power_class, power_class);
	COPY_HAS(max_power, max_power);
	COPY_HAS(power_budget, power_budget);
	COPY_HAS(power_draw, power_draw);
	COPY_HAS(policy, power_policy);
	COPY_HAS(module_temp, module_temp);
	COPY_HAS(coolant_in, coolant_in_temp);
	COPY_HAS(coolant_out, coolant_out_temp);
	COPY_HAS(flow, coolant_flow);
	COPY_HAS(leak, leak);
	COPY_HAS(vcc, supply_voltage);
	c->module_flags_len = bin(c->module_flags, sizeof(c->module_flags),
				  r->module_flags,
				  r->_present.module_flags_len);
	c->telemetry_flags_len = bin(c->telemetry_flags,
				     sizeof(c->telemetry_flags),
				     r->telemetry_flags,
				     r->_present.telemetry_flags_len);
	if (r->_present.protect)
		protect_copy(&r->protect, c);
	for (i = 0; i < r->n_engine_temp && c->n_engines < CAGE_ENGINES_MAX; i++)
		c->engine_temp[c->n_engines++] = r->engine_temp[i];
	for (i = 0; i < r->n_app && c->napps < CAGE_APPS_MAX; i++) {
		const struct xpo_app *a = &r->app[i];
		struct cage_app *p = &c->apps[c->napps++];

		p->host_if = a->host_if;
		p->media_if = a->media_if;
		p->host_lanes = a->host_lanes;
		p->media_lanes = a->media_lanes;
		p->host_assign = a->host_assign;
		p->media_assign = a->media_assign;
		if ((p->has_appsel = a->_present.appsel))
			p->appsel = a->appsel;
		if ((p->has_speed = a->_present.speed))
			p->speed = a->speed;
		if ((p->has_reach = a->_present.reach))
			p->reach = a->reach;
		if ((p->has_arch = a->_present.arch))
			p->arch = a->arch;
	}
	COPY_HAS(arch, interface_arch);
	for (i = 0; i < r->n_reach && c->nreach < CAGE_REACH_MAX; i++)
		c->reach[c->nreach++] = r->reach[i];
	for (i = 0; i < r->n_breakout_mode && c->nmodes < CAGE_MODES_MAX; i++) {
		const struct xpo_breakout_mode *m = &r->breakout_mode[i];
		struct cage_mode *p = &c->modes[c->nmodes++];

		p->ports = m->ports;
		p->lanes = m->lanes;
		p->speed = m->speed;
	}
}

int cage_parse(const struct nlmsghdr *nlh, struct cage_info *c,
	       char *err, size_t n)
{
	/* freed with the generated free, which frees the struct too */
	struct xpo_cage_get_rsp *r = xzalloc(sizeof(*r));
	int ret;

	memset(c, 0, sizeof(*c));
	ret = xnl_parse(nlh, xpo_cage_get_rsp_parse, &xpo_cage_nest, r,
			err, n);
	if (!ret)
		cage_copy(r, c);
	xpo_cage_get_rsp_free(r);
	return ret;
}

int cage_event_parse(const struct nlmsghdr *nlh, struct cage_info *c,
		     char *err, size_t n)
{
	struct xpo_cage_event_ntf_rsp ev = { 0 };
	const struct xpo_cage_event_ntf_rsp *r = &ev;
	int ret;

	memset(c, 0, sizeof(*c));
	ret = xnl_parse(nlh, xpo_cage_event_ntf_rsp_parse, &xpo_cage_nest,
			&ev, err, n);
	if (ret)
		return ret;
	COPY(id, id);
	COPY(board, board);
	COPY_HAS(event, event);
	COPY_HAS(event_seq, event_seq);
	COPY(present, present);
	COPY(state, state);
	COPY_HAS(prev_state, prev_state);
	COPY_HAS(fault, fault);
	COPY_HAS(event_cond, event_cond);
	COPY_HAS(event_action, event_action);
	if (r->_present.protect)
		protect_copy(&r->protect, c);
	return 0;
}

const char *cage_attr_name(int type)
{
	static const char *const n[] = {
		[XPO_A_CAGE_ID] = "id",
		[XPO_A_CAGE_POWER_POLICY] = "power-policy",
		[XPO_A_CAGE_POWER] = "power",
		[XPO_A_CAGE_RESET] = "reset",
		[XPO_A_CAGE_PROTECT] = "protect",
		[XPO_A_CAGE_REARM] = "rearm",
	};

	return type > 0 && (size_t)type < sizeof(n) / sizeof(n[0]) && n[type] ?
	       n[type] : NULL;
}

const char *eeprom_attr_name(int type)
{
	static const char *const n[] = {
		[XPO_A_EEPROM_ID] = "id",
		[XPO_A_EEPROM_BANK] = "bank",
		[XPO_A_EEPROM_PAGE] = "page",
		[XPO_A_EEPROM_OFFSET] = "offset",
		[XPO_A_EEPROM_LENGTH] = "length",
	};

	return type > 0 && (size_t)type < sizeof(n) / sizeof(n[0]) && n[type] ?
	       n[type] : NULL;
}
