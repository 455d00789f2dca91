// SPDX-License-Identifier: GPL-2.0
/* cage-get replies and cage events into struct cage_info. */
#include <string.h>
#include <time.h>

#include <netlink/genl/genl.h>
#include <linux/xpo.h>

#include "cage_parse.h"

static void str(char *dst, size_t n, const struct nlattr *a)
{
	size_t len;

	if (!a) {
		dst[0] = '\0';
		return;
	}
	/* strings are NUL-terminated by policy; do not trust it blindly */
	len = strnlen(nla_data(a), nla_len(a));
	if (len >= n)
		len = n - 1;
	memcpy(dst, nla_data(a), len);
	dst[len] = '\0';
}

#define U8(t)  nla_get_u8(tb[t])
#define U16(t) nla_get_u16(tb[t])
#define U32(t) nla_get_u32(tb[t])

static int bin(uint8_t *dst, size_t n, const struct nlattr *a)
{
	size_t len;

	if (!a)
		return 0;
	len = nla_len(a) < (int)n ? (size_t)nla_len(a) : n;
	memcpy(dst, nla_data(a), len);
	return len;
}

static void protect_parse(struct nlattr *nest, struct cage_info *c)
{
	static const int cond_attr[CAGE_PROTECT_CONDS] = {
		XPO_A_PROTECT_LEAK, XPO_A_PROTECT_FLOW_LOW, XPO_A_PROTECT_OVERTEMP,
	};
	struct nlattr *pt[XPO_A_PROTECT_MAX + 1];
	struct timespec ts;
	int i;

	if (nla_parse_nested(pt, XPO_A_PROTECT_MAX, nest, NULL))
		return;
	c->has_protect = true;
	for (i = 0; i < CAGE_PROTECT_CONDS; i++)
		if ((c->has_policy_cond[i] = pt[cond_attr[i]]))
			c->policy_cond[i] = nla_get_u32(pt[cond_attr[i]]);
	if (pt[XPO_A_PROTECT_TRIPPED])
		c->tripped = nla_get_u8(pt[XPO_A_PROTECT_TRIPPED]);
	if ((c->has_trip_reason = pt[XPO_A_PROTECT_REASON]))
		c->trip_reason = nla_get_u32(pt[XPO_A_PROTECT_REASON]);
	if ((c->has_trip_action = pt[XPO_A_PROTECT_ACTION]))
		c->trip_action = nla_get_u32(pt[XPO_A_PROTECT_ACTION]);
	if ((c->has_trip_time = pt[XPO_A_PROTECT_TRIPPED_TIME]))
		c->trip_time_ns = nla_get_u64(pt[XPO_A_PROTECT_TRIPPED_TIME]);
	if ((c->has_alerts = pt[XPO_A_PROTECT_ALERTS]))
		c->alerts = nla_get_u32(pt[XPO_A_PROTECT_ALERTS]);
	if ((c->has_flow_min = pt[XPO_A_PROTECT_FLOW_MIN]))
		c->flow_min = nla_get_u32(pt[XPO_A_PROTECT_FLOW_MIN]);
	if ((c->has_temp_max = pt[XPO_A_PROTECT_TEMP_MAX]))
		c->temp_max = (int32_t)nla_get_u32(pt[XPO_A_PROTECT_TEMP_MAX]);
	/* the kernel's ktime_get_ns() is this clock: for "tripped N s ago" */
	if (c->has_trip_time && !clock_gettime(CLOCK_MONOTONIC, &ts))
		c->now_ns = (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

void cage_parse(struct nlattr **tb, struct nlmsghdr *nlh, struct cage_info *c)
{
	struct nlattr *a;
	int rem;

	memset(c, 0, sizeof(*c));
	if (tb[XPO_A_CAGE_ID])
		c->id = U32(XPO_A_CAGE_ID);
	if (tb[XPO_A_CAGE_BOARD])
		c->board = U32(XPO_A_CAGE_BOARD);
	if (tb[XPO_A_CAGE_PRESENT])
		c->present = U8(XPO_A_CAGE_PRESENT);
	if (tb[XPO_A_CAGE_STATE])
		c->state = U32(XPO_A_CAGE_STATE);
	if ((c->has_prev_state = tb[XPO_A_CAGE_PREV_STATE]))
		c->prev_state = U32(XPO_A_CAGE_PREV_STATE);
	if ((c->has_fault = tb[XPO_A_CAGE_FAULT]))
		c->fault = U32(XPO_A_CAGE_FAULT);
	if (tb[XPO_A_CAGE_FAULT_CAUSE])
		c->fault_cause = U8(XPO_A_CAGE_FAULT_CAUSE);
	if ((c->has_module_state = tb[XPO_A_CAGE_MODULE_STATE]))
		c->module_state = U32(XPO_A_CAGE_MODULE_STATE);
	if ((c->has_identity = tb[XPO_A_CAGE_IDENTIFIER])) {
		c->identifier = U8(XPO_A_CAGE_IDENTIFIER);
		if (tb[XPO_A_CAGE_CMIS_REV])
			c->cmis_rev = U8(XPO_A_CAGE_CMIS_REV);
		if (tb[XPO_A_CAGE_MEMORY])
			c->memory = U32(XPO_A_CAGE_MEMORY);
		if (tb[XPO_A_CAGE_MEDIA_TYPE])
			c->media_type = U8(XPO_A_CAGE_MEDIA_TYPE);
	}
	str(c->vendor, sizeof(c->vendor), tb[XPO_A_CAGE_VENDOR]);
	str(c->part_number, sizeof(c->part_number), tb[XPO_A_CAGE_PART_NUMBER]);
	str(c->revision, sizeof(c->revision), tb[XPO_A_CAGE_REVISION]);
	str(c->serial, sizeof(c->serial), tb[XPO_A_CAGE_SERIAL]);
	str(c->date_code, sizeof(c->date_code), tb[XPO_A_CAGE_DATE_CODE]);
	str(c->clei, sizeof(c->clei), tb[XPO_A_CAGE_CLEI]);
	c->has_oui = bin(c->oui, 3, tb[XPO_A_CAGE_VENDOR_OUI]) == 3;
	if ((c->has_fw_active = tb[XPO_A_CAGE_FW_ACTIVE]))
		c->fw_active = U16(XPO_A_CAGE_FW_ACTIVE);
	if ((c->has_fw_inactive = tb[XPO_A_CAGE_FW_INACTIVE]))
		c->fw_inactive = U16(XPO_A_CAGE_FW_INACTIVE);
	if ((c->has_hw_rev = tb[XPO_A_CAGE_HW_REV]))
		c->hw_rev = U16(XPO_A_CAGE_HW_REV);
	if (tb[XPO_A_CAGE_BANKS])
		c->banks = U32(XPO_A_CAGE_BANKS);
	if (tb[XPO_A_CAGE_PORTS])
		c->ports = U32(XPO_A_CAGE_PORTS);
	if (tb[XPO_A_CAGE_LANES_PER_PORT])
		c->lanes_per_port = U32(XPO_A_CAGE_LANES_PER_PORT);
	if (tb[XPO_A_CAGE_POWER_CLASS])
		c->power_class = U8(XPO_A_CAGE_POWER_CLASS);
	if ((c->has_max_power = tb[XPO_A_CAGE_MAX_POWER]))
		c->max_power = U32(XPO_A_CAGE_MAX_POWER);
	if ((c->has_power_budget = tb[XPO_A_CAGE_POWER_BUDGET]))
		c->power_budget = U32(XPO_A_CAGE_POWER_BUDGET);
	if ((c->has_power_draw = tb[XPO_A_CAGE_POWER_DRAW]))
		c->power_draw = U32(XPO_A_CAGE_POWER_DRAW);
	if ((c->has_policy = tb[XPO_A_CAGE_POWER_POLICY]))
		c->policy = U32(XPO_A_CAGE_POWER_POLICY);
	if ((c->has_module_temp = tb[XPO_A_CAGE_MODULE_TEMP]))
		c->module_temp = (int32_t)U32(XPO_A_CAGE_MODULE_TEMP);
	if ((c->has_coolant_in = tb[XPO_A_CAGE_COOLANT_IN_TEMP]))
		c->coolant_in = (int32_t)U32(XPO_A_CAGE_COOLANT_IN_TEMP);
	if ((c->has_coolant_out = tb[XPO_A_CAGE_COOLANT_OUT_TEMP]))
		c->coolant_out = (int32_t)U32(XPO_A_CAGE_COOLANT_OUT_TEMP);
	if ((c->has_flow = tb[XPO_A_CAGE_COOLANT_FLOW]))
		c->flow = U32(XPO_A_CAGE_COOLANT_FLOW);
	if ((c->has_leak = tb[XPO_A_CAGE_LEAK]))
		c->leak = U8(XPO_A_CAGE_LEAK);
	c->module_flags_len = bin(c->module_flags, sizeof(c->module_flags),
				  tb[XPO_A_CAGE_MODULE_FLAGS]);
	c->telemetry_flags_len = bin(c->telemetry_flags,
				     sizeof(c->telemetry_flags),
				     tb[XPO_A_CAGE_TELEMETRY_FLAGS]);
	if ((c->has_event = tb[XPO_A_CAGE_EVENT]))
		c->event = U32(XPO_A_CAGE_EVENT);
	if ((c->has_event_seq = tb[XPO_A_CAGE_EVENT_SEQ]))
		c->event_seq = U32(XPO_A_CAGE_EVENT_SEQ);
	if ((c->has_event_cond = tb[XPO_A_CAGE_EVENT_COND]))
		c->event_cond = U32(XPO_A_CAGE_EVENT_COND);
	if ((c->has_event_action = tb[XPO_A_CAGE_EVENT_ACTION]))
		c->event_action = U32(XPO_A_CAGE_EVENT_ACTION);
	if ((c->has_vcc = tb[XPO_A_CAGE_SUPPLY_VOLTAGE]))
		c->vcc = U32(XPO_A_CAGE_SUPPLY_VOLTAGE);
	if (tb[XPO_A_CAGE_PROTECT])
		protect_parse(tb[XPO_A_CAGE_PROTECT], c);

	/* applications and engines: multi-attrs, so walk the whole message */
	if (!nlh)
		return;
	nla_for_each_attr(a, genlmsg_attrdata(nlmsg_data(nlh), 0),
			  genlmsg_attrlen(nlmsg_data(nlh), 0), rem) {
		struct nlattr *at[XPO_A_APP_MAX + 1];
		struct cage_app *p;

		if (nla_type(a) == XPO_A_CAGE_ENGINE_TEMP &&
		    nla_len(a) >= 4 && c->n_engines < CAGE_ENGINES_MAX) {
			c->engine_temp[c->n_engines++] = (int32_t)nla_get_u32(a);
			continue;
		}
		if (nla_type(a) != XPO_A_CAGE_APP || c->napps >= CAGE_APPS_MAX)
			continue;
		if (nla_parse_nested(at, XPO_A_APP_MAX, a, NULL))
			continue;
		p = &c->apps[c->napps++];
		if (at[XPO_A_APP_HOST_IF])
			p->host_if = nla_get_u8(at[XPO_A_APP_HOST_IF]);
		if (at[XPO_A_APP_MEDIA_IF])
			p->media_if = nla_get_u8(at[XPO_A_APP_MEDIA_IF]);
		if (at[XPO_A_APP_HOST_LANES])
			p->host_lanes = nla_get_u8(at[XPO_A_APP_HOST_LANES]);
		if (at[XPO_A_APP_MEDIA_LANES])
			p->media_lanes = nla_get_u8(at[XPO_A_APP_MEDIA_LANES]);
		if (at[XPO_A_APP_HOST_ASSIGN])
			p->host_assign = nla_get_u8(at[XPO_A_APP_HOST_ASSIGN]);
		if (at[XPO_A_APP_MEDIA_ASSIGN])
			p->media_assign = nla_get_u8(at[XPO_A_APP_MEDIA_ASSIGN]);
	}
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
