// SPDX-License-Identifier: GPL-2.0
/*
 * Argument parsing of the commands that take keywords: pure (no netlink),
 * so the unit tests cover every refusal.  Each refusal prints one line and
 * returns XE_USAGE.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/xpo.h>

#include "cage_fmt.h"
#include "xpoctl.h"

/* CAGE, CAGE,CAGE,... or "all" into a bitmap; false on bad input */
static bool parse_cage_list(struct xpoctl *x, const char *s, uint32_t *mask)
{
	char *dup, *tok, *save = NULL;
	unsigned long c;
	bool ok = true;

	*mask = 0;
	if (!strcmp(s, "all")) {
		*mask = (1U << XPO_CAGES_MAX) - 1;
		return true;
	}
	dup = strdup(s);
	if (!dup)
		die_oom();
	for (tok = strtok_r(dup, ",", &save); tok && ok;
	     tok = strtok_r(NULL, ",", &save)) {
		ok = parse_cage(x, tok, &c);
		if (ok)
			*mask |= 1U << c;
	}
	free(dup);
	if (ok && !*mask) {
		usage_error(x, "no cage given");
		ok = false;
	}
	return ok;
}

/* exact keyword first, then a prefix in the order given */
static int keyword(const char *arg, const char *const *kw)
{
	int i;

	for (i = 0; kw[i]; i++)
		if (!strcmp(arg, kw[i]))
			return i;
	for (i = 0; kw[i]; i++)
		if (matches(arg, kw[i]))
			return i;
	return -1;
}

/* "protect COND ACTION [COND ACTION...]" from argv[*i] on */
static int protect_parse_args(struct xpoctl *x, int *i, int argc, char **argv,
			      struct set_req *r)
{
	int n = 0, cond, action;

	while (*i + 1 < argc && (cond = protect_cond_parse(argv[*i + 1])) >= 0) {
		if (*i + 2 >= argc)
			return usage_error(x, "protect %s needs off, alert, low-power or power-off",
					   argv[*i + 1]);
		action = protect_action_parse(argv[*i + 2]);
		if (action < 0)
			return usage_error(x, "protect %s \"%s\": expected off, alert, low-power or power-off",
					   argv[*i + 1], argv[*i + 2]);
		r->has_protect[cond] = true;
		r->protect[cond] = action;
		*i += 2;
		n++;
	}
	if (!n)
		return usage_error(x, "protect needs leak, flow-low or overtemp and an action");
	return XE_OK;
}

/* temp-max in °C, at most three decimals: 70, 70.5; 0 = none */
static bool parse_temp_max(const char *s, int32_t *mdeg)
{
	unsigned long whole, frac = 0;
	const char *dot = strchr(s, '.');
	char buf[16];
	size_t nd;

	if (!dot)
		return parse_uint(s, 150, &whole) && (*mdeg = whole * 1000, true);
	if ((size_t)(dot - s) >= sizeof(buf) || dot == s)
		return false;
	memcpy(buf, s, dot - s);
	buf[dot - s] = '\0';
	nd = strlen(dot + 1);
	if (nd < 1 || nd > 3 || !parse_uint(buf, 150, &whole) ||
	    !parse_uint(dot + 1, 999, &frac) || strspn(dot + 1, "0123456789") != nd)
		return false;
	while (nd++ < 3)
		frac *= 10;
	*mdeg = whole * 1000 + frac;
	return *mdeg <= 150000;
}

int cage_set_parse(struct xpoctl *x, int argc, char **argv, uint32_t *mask,
		   struct set_req *r)
{
	static const char *const kw[] = { "power-mode", "power", "reset",
					  "protect", "rearm", "flow-min",
					  "temp-max", NULL };
	unsigned long num;
	int i, ret;

	memset(r, 0, sizeof(*r));
	if (argc < 1)
		return usage_error(x, "cage set needs a CAGE");
	if (!parse_cage_list(x, argv[0], mask))
		return XE_USAGE;
	if (argc < 2)
		return usage_error(x, "cage set: nothing to change");
	for (i = 1; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		switch (keyword(argv[i], kw)) {
		case 0:
			if (!v)
				return usage_error(x, "power-mode needs high or auto");
			if (matches(v, "high"))
				r->policy = XPO_POWER_MODE_POLICY_HIGH;
			else if (matches(v, "auto"))
				r->policy = XPO_POWER_MODE_POLICY_AUTO;
			else
				return usage_error(x, "power-mode \"%s\": expected high or auto", v);
			r->has_policy = true;
			i++;
			break;
		case 1:
			if (!v)
				return usage_error(x, "power needs on or off");
			if (!strcmp(v, "on"))
				r->power = 1;
			else if (!strcmp(v, "off"))
				r->power = 0;
			else
				return usage_error(x, "power \"%s\": expected on or off", v);
			r->has_power = true;
			i++;
			break;
		case 2:
			r->reset = true;
			break;
		case 3:
			ret = protect_parse_args(x, &i, argc, argv, r);
			if (ret)
				return ret;
			break;
		case 4:
			r->rearm = true;
			break;
		case 5:
			if (!v)
				return usage_error(x, "flow-min needs a flow in mL/min (0: none)");
			if (!parse_uint(v, 100000, &num))
				return usage_error(x, "flow-min \"%s\": expected 0-100000 mL/min", v);
			r->flow_min = num;
			r->has_flow_min = true;
			i++;
			break;
		case 6:
			if (!v)
				return usage_error(x, "temp-max needs a temperature in C (0: none)");
			if (!parse_temp_max(v, &r->temp_max) ||
			    (r->temp_max && r->temp_max < 20000))
				return usage_error(x, "temp-max \"%s\": expected 0 (none) or 20-150 C", v);
			r->has_temp_max = true;
			i++;
			break;
		default:
			return usage_error(x, "cage set: unknown keyword \"%s\"", argv[i]);
		}
	}
	return XE_OK;
}

int cage_rearm_parse(struct xpoctl *x, int argc, char **argv, uint32_t *mask,
		     struct set_req *r)
{
	memset(r, 0, sizeof(*r));
	if (argc != 1)
		return usage_error(x, "cage rearm takes one CAGE[,CAGE...] or all");
	if (!parse_cage_list(x, argv[0], mask))
		return XE_USAGE;
	r->rearm = true;
	return XE_OK;
}

static bool kw_num(struct xpoctl *x, int *i, int argc, char **argv,
		   unsigned long max, unsigned long *v)
{
	const char *k = argv[*i];

	if (*i + 1 >= argc) {
		usage_error(x, "\"%s\" needs a value", k);
		return false;
	}
	if (!parse_uint(argv[*i + 1], max, v)) {
		usage_error(x, "%s \"%s\": expected 0-%lu", k, argv[*i + 1], max);
		return false;
	}
	(*i)++;
	return true;
}

int module_eeprom_parse(struct xpoctl *x, int argc, char **argv,
			struct eeprom_args *a)
{
	unsigned long v;
	int i;

	memset(a, 0, sizeof(*a));
	a->length = 128;
	if (argc < 1)
		return usage_error(x, "module eeprom needs a CAGE");
	if (!parse_cage(x, argv[0], &v))
		return XE_USAGE;
	a->cage = v;
	for (i = 1; i < argc; i++) {
		if (matches(argv[i], "page")) {
			if (!kw_num(x, &i, argc, argv, 255, &v))
				return XE_USAGE;
			a->page = v;
		} else if (matches(argv[i], "bank")) {
			if (!kw_num(x, &i, argc, argv, 255, &v))
				return XE_USAGE;
			a->bank = v;
		} else if (matches(argv[i], "offset")) {
			if (!kw_num(x, &i, argc, argv, 255, &v))
				return XE_USAGE;
			a->offset = v;
			a->has_offset = true;
		} else if (matches(argv[i], "length")) {
			if (!kw_num(x, &i, argc, argv, 256, &v))
				return XE_USAGE;
			if (!v)
				return usage_error(x, "length must be at least 1");
			a->length = v;
		} else if (matches(argv[i], "hex")) {
			a->raw = false;
		} else if (matches(argv[i], "raw")) {
			a->raw = true;
		} else {
			return usage_error(x, "module eeprom: unknown keyword \"%s\"",
					   argv[i]);
		}
	}
	/* a page other than 0 means its upper half, as ethtool -m does */
	if (!a->has_offset && (a->page || a->bank))
		a->offset = 128;
	if (a->offset + a->length > 256)
		return usage_error(x, "offset %u + length %u is past the 256-byte window",
				   a->offset, a->length);
	if (a->offset < 128 && (a->page || a->bank))
		return usage_error(x, "offsets below 128 are lower memory: use page 0 bank 0");
	return XE_OK;
}


int module_dump_parse(struct xpoctl *x, int argc, char **argv,
		      unsigned int *cage)
{
	unsigned long v;

	if (argc < 1)
		return usage_error(x, "module dump needs a CAGE");
	if (argc > 1)
		return usage_error(x, "module dump takes one CAGE");
	if (!parse_cage(x, argv[0], &v))
		return XE_USAGE;
	*cage = v;
	return XE_OK;
}
