// SPDX-License-Identifier: GPL-2.0
/*
 * Argument parsing of the commands that take keywords: pure (no netlink),
 * so the unit tests cover every refusal.  Each refusal prints one line and
 * returns XE_USAGE.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/xpo.h>

#include "xpoctl.h"

/*
 * "N" (board 0) or "B/N": a cage as the kernel names it (cage_ref_name()).
 * The only refusals are text that cannot be a cage name and numbers no
 * request could carry (the family's policy: 255 at most); whether the cage
 * exists is the kernel's answer, not ours.
 */
bool parse_cage_ref(struct xpoctl *x, const char *s, struct cage_ref *c)
{
	const char *slash = strchr(s, '/'), *n = s;
	unsigned long b = 0, id;
	char buf[16];

	if (slash) {
		if ((size_t)(slash - s) >= sizeof(buf))
			goto bad;
		memcpy(buf, s, slash - s);
		buf[slash - s] = '\0';
		if (!parse_uint(buf, XPO_BOARD_MAX, &b))
			goto bad;
		n = slash + 1;
	}
	if (!parse_uint(n, XPO_CAGE_ID_MAX, &id))
		goto bad;
	c->board = b;
	c->id = id;
	return true;
bad:
	usage_error(x, "invalid cage \"%s\" (expected N or BOARD/N, board 0-%d, cage 0-%d)",
		    s, XPO_BOARD_MAX, XPO_CAGE_ID_MAX);
	return false;
}

/*
 * The [CAGE] of the read commands (cage show, cage lanes, module show,
 * sensor show): none, or one cage name.  *@given says which.
 */
int cage_opt_parse(struct xpoctl *x, const char *cmd, int argc, char **argv,
		   struct cage_ref *c, bool *given)
{
	memset(c, 0, sizeof(*c));
	*given = false;
	if (argc > 1)
		return usage_error(x, "%s takes at most one CAGE", cmd);
	if (argc == 1) {
		if (!parse_cage_ref(x, argv[0], c))
			return XE_USAGE;
		*given = true;
	}
	return XE_OK;
}

void cage_list_add(struct cage_list *l, struct cage_ref c)
{
	int i;

	/* "3,3 reset" resets once */
	for (i = 0; i < l->n; i++)
		if (l->ids[i].board == c.board && l->ids[i].id == c.id)
			return;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->ids = xrealloc(l->ids, l->cap * sizeof(*l->ids));
	}
	l->ids[l->n++] = c;
}

void cage_list_free(struct cage_list *l)
{
	free(l->ids);
	memset(l, 0, sizeof(*l));
}

/* CAGE,CAGE,... or "all" (written out: it is every cage the kernel has) */
bool parse_cage_list(struct xpoctl *x, const char *s, struct cage_list *l)
{
	char *dup, *tok, *save = NULL;
	struct cage_ref c;
	bool ok = true;

	memset(l, 0, sizeof(*l));
	if (!strcmp(s, "all")) {
		l->all = true;
		return true;
	}
	dup = strdup(s);
	if (!dup)
		die_oom();
	for (tok = strtok_r(dup, ",", &save); tok && ok;
	     tok = strtok_r(NULL, ",", &save)) {
		ok = parse_cage_ref(x, tok, &c);
		if (ok)
			cage_list_add(l, c);
	}
	free(dup);
	if (ok && !l->n) {
		usage_error(x, "no cage given");
		ok = false;
	}
	if (!ok)
		cage_list_free(l);
	return ok;
}

/*
 * Every keyword and value of cage set changes state: none is abbreviated
 * (abbrev 0), so "cage set 3 r" is refused, naming reset and rearm.
 */
static const struct kw set_kw[] = {
	{ "power-mode", 0 }, { "power", 0 }, { "reset", 0 }, { "protect", 0 },
	{ "rearm", 0 }, { "flow-min", 0 }, { "temp-max", 0 }, { NULL, 0 }
};
enum { K_POWER_MODE, K_POWER, K_RESET, K_PROTECT, K_REARM, K_FLOW_MIN,
       K_TEMP_MAX };
static const struct kw policy_kw[] = { { "high", 0 }, { "auto", 0 }, { NULL, 0 } };
static const struct kw power_kw[] = { { "off", 0 }, { "on", 0 }, { NULL, 0 } };
/* the netlink spec's protection-cond and protection-action, in enum order */
static const struct kw cond_kw[] = {
	{ "leak", 0 }, { "flow-low", 0 }, { "overtemp", 0 }, { NULL, 0 }
};
static const struct kw action_kw[] = {
	{ "off", 0 }, { "alert", 0 }, { "low-power", 0 }, { "power-off", 0 }, { NULL, 0 }
};

/* "protect COND ACTION [COND ACTION...]" from argv[*i] on */
static int protect_parse_args(struct xpoctl *x, int *i, int argc, char **argv,
			      struct set_req *r)
{
	int n = 0, cond, action;

	while (*i + 1 < argc &&
	       kw_lookup(argv[*i + 1], cond_kw, NULL, 0) != KW_UNKNOWN) {
		cond = find_kw(x, "protect condition", argv[*i + 1], cond_kw);
		if (cond < 0)
			return XE_USAGE;
		if (*i + 2 >= argc)
			return usage_error(x, "protect %s needs off, alert, low-power or power-off",
					   argv[*i + 1]);
		action = find_kw(x, "protect action", argv[*i + 2], action_kw);
		if (action < 0)
			return XE_USAGE;
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

int cage_set_parse(struct xpoctl *x, int argc, char **argv,
		   struct cage_list *l, struct set_req *r)
{
	unsigned long num;
	int i, k, ret;

	memset(r, 0, sizeof(*r));
	memset(l, 0, sizeof(*l));
	if (argc < 1)
		return usage_error(x, "cage set needs a CAGE");
	if (argc < 2)
		return usage_error(x, "cage set: nothing to change");
	if (!parse_cage_list(x, argv[0], l))
		return XE_USAGE;
	for (i = 1; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		k = find_kw(x, "cage set: keyword", argv[i], set_kw);
		switch (k) {
		case K_POWER_MODE:
			if (!v) {
				usage_error(x, "power-mode needs high or auto");
				goto usage;
			}
			if ((k = find_kw(x, "power-mode", v, policy_kw)) < 0)
				goto usage;
			r->policy = k ? XPO_POWER_MODE_POLICY_AUTO :
					XPO_POWER_MODE_POLICY_HIGH;
			r->has_policy = true;
			i++;
			break;
		case K_POWER:
			if (!v) {
				usage_error(x, "power needs on or off");
				goto usage;
			}
			if ((k = find_kw(x, "power", v, power_kw)) < 0)
				goto usage;
			r->power = k;
			r->has_power = true;
			i++;
			break;
		case K_RESET:
			r->reset = true;
			break;
		case K_PROTECT:
			ret = protect_parse_args(x, &i, argc, argv, r);
			if (ret)
				goto err;
			break;
		case K_REARM:
			r->rearm = true;
			break;
		case K_FLOW_MIN:
			if (!v) {
				usage_error(x, "flow-min needs a flow in mL/min (0: none)");
				goto usage;
			}
			if (!parse_uint(v, 100000, &num)) {
				usage_error(x, "flow-min \"%s\": expected 0-100000 mL/min", v);
				goto usage;
			}
			r->flow_min = num;
			r->has_flow_min = true;
			i++;
			break;
		case K_TEMP_MAX:
			if (!v) {
				usage_error(x, "temp-max needs a temperature in C (0: none)");
				goto usage;
			}
			if (!parse_temp_max(v, &r->temp_max) ||
			    (r->temp_max && r->temp_max < 20000)) {
				usage_error(x, "temp-max \"%s\": expected 0 (none) or 20-150 C", v);
				goto usage;
			}
			r->has_temp_max = true;
			i++;
			break;
		default:
			goto usage;
		}
	}
	return XE_OK;
usage:
	ret = XE_USAGE;
err:
	cage_list_free(l);
	return ret;
}

int cage_rearm_parse(struct xpoctl *x, int argc, char **argv,
		     struct cage_list *l, struct set_req *r)
{
	memset(r, 0, sizeof(*r));
	memset(l, 0, sizeof(*l));
	if (argc != 1)
		return usage_error(x, "cage rearm takes one CAGE[,CAGE...] or all");
	if (!parse_cage_list(x, argv[0], l))
		return XE_USAGE;
	r->rearm = true;
	return XE_OK;
}

static const char *const policy_names[] = { "high", "auto" };

void set_req_describe(const struct set_req *r, char *buf, size_t len)
{
	size_t o = 0;
	int i;

#define ADD(...) (o += snprintf(buf + o, o < len ? len - o : 0, __VA_ARGS__))
	buf[0] = '\0';
	/* the kernel's order: protect and thresholds, rearm, policy, power, reset */
	for (i = 0; i < SET_PROTECT_CONDS; i++)
		if (r->has_protect[i])
			ADD("%sprotect %s %s", o ? ", " : "", cond_kw[i].name,
			    action_kw[r->protect[i]].name);
	if (r->has_flow_min)
		ADD("%sflow-min %u", o ? ", " : "", r->flow_min);
	if (r->has_temp_max)
		ADD("%stemp-max %d.%03d", o ? ", " : "", r->temp_max / 1000,
		    r->temp_max % 1000);
	if (r->rearm)
		ADD("%srearm", o ? ", " : "");
	if (r->has_policy)
		ADD("%spower-mode %s", o ? ", " : "",
		    policy_names[r->policy == XPO_POWER_MODE_POLICY_AUTO]);
	if (r->has_power)
		ADD("%spower %s", o ? ", " : "", r->power ? "on" : "off");
	if (r->reset)
		ADD("%sreset", o ? ", " : "");
#undef ADD
}

static bool list_has(const struct cage_list *l, struct cage_ref c)
{
	int i;

	for (i = 0; i < l->n; i++)
		if (l->ids[i].board == c.board && l->ids[i].id == c.id)
			return true;
	return false;
}

int cage_set_dry_run(struct xpoctl *x, const struct cage_list *l,
		     const struct cage_list *known, const struct set_req *r)
{
	char what[512], name[CAGE_NAME_LEN];
	int i;

	/* every cage first: a dry run that prints half a plan is no plan */
	for (i = 0; i < l->n; i++)
		if (!list_has(known, l->ids[i])) {
			return usage_error(x, "cage %s: No such cage",
					   cage_ref_name(l->ids[i].board,
							 l->ids[i].id, name,
							 sizeof(name)));
		}
	set_req_describe(r, what, sizeof(what));
	if (x->json) {
		jw_obj_open(&x->jw);
		jw_name(&x->jw, "dry_run");
		jw_bool(&x->jw, true);
		jw_name(&x->jw, "cages");
		jw_arr_open(&x->jw);
	}
	for (i = 0; i < l->n; i++) {
		if (!x->json) {
			/* x->jw.out is stdout, or the unit test's buffer */
			fprintf(x->jw.out, "cage %s: would %s\n",
				cage_ref_name(l->ids[i].board, l->ids[i].id,
					      name, sizeof(name)), what);
			continue;
		}
		jw_obj_open(&x->jw);
		jw_name(&x->jw, "board");
		jw_uint(&x->jw, l->ids[i].board);
		jw_name(&x->jw, "cage");
		jw_uint(&x->jw, l->ids[i].id);
		jw_name(&x->jw, "changes");
		jw_string(&x->jw, what);
		jw_obj_close(&x->jw);
	}
	if (x->json) {
		jw_arr_close(&x->jw);
		jw_obj_close(&x->jw);
		jw_end(&x->jw);
	}
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

/* reads change nothing: each keyword by its first letter, as xpoctl(8) says */
static const struct kw eeprom_kw[] = {
	{ "page", 1 }, { "bank", 1 }, { "offset", 1 }, { "length", 1 },
	{ "hex", 1 }, { "raw", 1 }, { NULL }
};

static const struct kw all_kw[] = { { "all", 0 }, { NULL, 0 } };

/* monitor's words ("all" is what it watches anyway; "timestamp" is -t) */
static const struct kw monitor_kw[] = {
	{ "all", 1 }, { "timestamp", 1 }, { NULL, 0 }
};

/* port split and unsplit change the ports: written out */
static const struct kw port_kw[] = { { "panel", 0 }, { NULL, 0 } };

/*
 * reach set's PROFILE: any, then the spec's enum reach in its order (the
 * index is the enum value), all written out ("z" is refused, naming zr
 * and zr-plus)
 */
static const struct kw reach_kw[] = {
	{ "any", 0 }, { "sr", 0 }, { "dr", 0 }, { "fr", 0 }, { "lr", 0 },
	{ "er", 0 }, { "zr", 0 }, { "zr-plus", 0 }, { "coherent-lite", 0 },
	{ "other", 0 }, { NULL, 0 }
};

_Static_assert(XPO_REACH_OTHER + 2 == sizeof(reach_kw) / sizeof(reach_kw[0]),
	       "reach set's profiles are the spec's enum reach");

/*
 * port si and port tune (cmd_settings.c): the sub-command, then the
 * keywords of set, all written out (set changes the module)
 */
const struct kw port_si_kw[] = {
	{ "show", 0 }, { "set", 0 }, { "lanes", 0 }, { "all", 0 },
	{ "txeq", 0 }, { "adaptive", 0 }, { "pre", 0 }, { "post", 0 },
	{ "amp", 0 }, { NULL, 0 }
};

const struct kw port_tune_kw[] = {
	{ "show", 0 }, { "set", 0 }, { "channel", 0 }, { "freq", 0 },
	{ "grid", 0 }, { "power", 0 }, { NULL, 0 }
};

const struct xpoctl_kw_table xpoctl_kw_tables[] = {
	{ "cage set", all_kw }, { "cage set", set_kw },
	{ "cage set", policy_kw }, { "cage set", power_kw },
	{ "cage set", cond_kw }, { "cage set", action_kw },
	{ "cage rearm", all_kw }, { "module eeprom", eeprom_kw },
	{ "monitor", monitor_kw },
	{ "port split", port_kw }, { "port unsplit", port_kw },
	{ "port si", port_si_kw }, { "port tune", port_tune_kw },
	{ "reach set", reach_kw },
	{ NULL, NULL }
};

int module_eeprom_parse(struct xpoctl *x, int argc, char **argv,
			struct eeprom_args *a)
{
	unsigned long v;
	int i;

	memset(a, 0, sizeof(*a));
	a->length = 128;
	if (argc < 1)
		return usage_error(x, "module eeprom needs a CAGE");
	if (!parse_cage_ref(x, argv[0], &a->cage))
		return XE_USAGE;
	for (i = 1; i < argc; i++) {
		switch (find_kw(x, "module eeprom: keyword", argv[i], eeprom_kw)) {
		case 0:
			if (!kw_num(x, &i, argc, argv, 255, &v))
				return XE_USAGE;
			a->page = v;
			break;
		case 1:
			if (!kw_num(x, &i, argc, argv, 255, &v))
				return XE_USAGE;
			a->bank = v;
			break;
		case 2:
			if (!kw_num(x, &i, argc, argv, 255, &v))
				return XE_USAGE;
			a->offset = v;
			a->has_offset = true;
			break;
		case 3:
			if (!kw_num(x, &i, argc, argv, 256, &v))
				return XE_USAGE;
			if (!v)
				return usage_error(x, "length must be at least 1");
			a->length = v;
			break;
		case 4:
			a->raw = false;
			break;
		case 5:
			a->raw = true;
			break;
		default:
			return XE_USAGE;
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
		      struct cage_ref *cage)
{
	if (argc < 1)
		return usage_error(x, "module dump needs a CAGE");
	if (argc > 1)
		return usage_error(x, "module dump takes one CAGE");
	if (!parse_cage_ref(x, argv[0], cage))
		return XE_USAGE;
	return XE_OK;
}

/*
 * monitor [all] [timestamp] [--count N] [--timeout S]: every word from
 * monitor_kw (an unknown or ambiguous one refused, as everywhere), each
 * number above 0.
 */
int monitor_parse(struct xpoctl *x, int argc, char **argv,
		  struct monitor_args *a)
{
	unsigned long v;
	bool count;
	int i;

	memset(a, 0, sizeof(*a));
	for (i = 0; i < argc; i++) {
		count = !strcmp(argv[i], "--count");
		if (count || !strcmp(argv[i], "--timeout")) {
			if (i + 1 >= argc ||
			    !parse_uint(argv[i + 1], 1000000000UL, &v) || !v)
				return usage_error(x, "monitor: %s takes a number above 0",
						   argv[i]);
			*(count ? &a->count : &a->timeout_s) = v;
			i++;
			continue;
		}
		if (!strcmp(argv[i], "-t")) {
			a->timestamps = true;
			continue;
		}
		switch (find_kw(x, "monitor: argument", argv[i], monitor_kw)) {
		case 0:
			break;
		case 1:
			a->timestamps = true;
			break;
		default:
			return XE_USAGE;
		}
	}
	return XE_OK;
}

/*
 * port split CAGE [panel P] MODE [--dry-run], port unsplit CAGE [panel P]
 * [--dry-run]: after the CAGE, the words in any order.  A MODE starts
 * with a digit ("16x800G"): any other word is a keyword, written out
 * ("pan" is refused, naming panel).  Whether the MODE is a breakout the
 * module has is the kernel's to say (its message lists the ones it has).
 */
int port_split_parse(struct xpoctl *x, bool split, int argc, char **argv,
		     struct split_args *a)
{
	const char *cmd = split ? "port split" : "port unsplit";
	unsigned long v;
	int i;

	memset(a, 0, sizeof(*a));
	if (argc < 1)
		return usage_error(x, "%s needs a CAGE", cmd);
	if (!parse_cage_ref(x, argv[0], &a->cage))
		return XE_USAGE;
	for (i = 1; i < argc; i++) {
		const char *w = argv[i];

		if (!strcmp(w, "--dry-run")) {
			a->dry_run = true;
			continue;
		}
		if (*w >= '0' && *w <= '9') {
			if (!split)
				return usage_error(x, "port unsplit takes no MODE (\"%s\"): it makes ports of 8 lanes",
						   w);
			if (a->mode)
				return usage_error(x, "port split takes one MODE (\"%s\", \"%s\")",
						   a->mode, w);
			a->mode = w;
			continue;
		}
		if (find_kw(x, split ? "port split: keyword" :
			    "port unsplit: keyword", w, port_kw) < 0)
			return XE_USAGE;
		if (a->has_panel)
			return usage_error(x, "%s: panel given twice", cmd);
		if (i + 1 >= argc)
			return usage_error(x, "panel needs a front-panel port, 0-7");
		if (!parse_uint(argv[i + 1], 7, &v))
			return usage_error(x, "panel \"%s\": expected a front-panel port, 0-7",
					   argv[i + 1]);
		a->has_panel = true;
		a->panel = v;
		i++;
	}
	if (split && !a->mode)
		return usage_error(x, "port split needs a MODE (<count>x<rate>: 16x800G for the cage, 2x800G with panel)");
	return XE_OK;
}

/*
 * reach show CAGE; reach set CAGE PROFILE|any [--dry-run], the words after
 * the CAGE in any order.  Whether the module has the profile is the
 * kernel's to say (its message names the ones it has).
 */
int reach_parse(struct xpoctl *x, bool set, int argc, char **argv,
		struct reach_args *a)
{
	const char *cmd = set ? "reach set" : "reach show";
	bool profile = false;
	int i, k;

	memset(a, 0, sizeof(*a));
	if (argc < 1)
		return usage_error(x, "%s needs a CAGE", cmd);
	if (!set && argc > 1)
		return usage_error(x, "reach show takes one CAGE");
	if (!parse_cage_ref(x, argv[0], &a->cage))
		return XE_USAGE;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--dry-run")) {
			a->dry_run = true;
			continue;
		}
		if (profile)
			return usage_error(x, "reach set takes one PROFILE (\"%s\", \"%s\")",
					   argv[i - 1], argv[i]);
		k = find_kw(x, "reach set: profile", argv[i], reach_kw);
		if (k < 0)
			return XE_USAGE;
		profile = true;
		a->has_reach = k > 0;
		a->reach = k;
	}
	if (set && !profile)
		return usage_error(x, "reach set needs a PROFILE (sr, dr, fr, lr, er, zr, zr-plus, coherent-lite, other) or any");
	return XE_OK;
}

/*
 * port si set and port tune set (cmd_settings.c): CAGE PORT, then the
 * keywords of port_si_kw and port_tune_kw, all written out
 */
void settings_args_init(struct settings_args *a)
{
	memset(a, 0, sizeof(*a));
	a->tx_eq = -1;
	a->tx_adaptive = -1;
	a->pre = -1;
	a->post = -1;
	a->amp = -1;
}

/* "3", "1-4" or "all": port lanes 1-8 as a bitmask (bit 0 = lane 1) */
bool parse_port_lanes(const char *s, uint32_t *mask)
{
	unsigned long a, b;
	char buf[8];
	const char *dash = strchr(s, '-');

	if (!strcmp(s, "all")) {
		*mask = 0;
		return true;
	}
	if (dash) {
		if ((size_t)(dash - s) >= sizeof(buf))
			return false;
		memcpy(buf, s, dash - s);
		buf[dash - s] = '\0';
		if (!parse_uint(buf, 8, &a) || !parse_uint(dash + 1, 8, &b))
			return false;
	} else {
		if (!parse_uint(s, 8, &a))
			return false;
		b = a;
	}
	if (!a || a > b)
		return false;
	*mask = ((1u << b) - 1) & ~((1u << (a - 1)) - 1);
	return true;
}

/* "-5", "+1.5", "-15.25" dBm into 0.01 dBm */
bool parse_dbm(const char *s, int32_t *out)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || *end || v < -327.68 || v > 327.67)
		return false;
	*out = (int32_t)(v * 100 + (v < 0 ? -0.5 : 0.5));
	return true;
}

/* "75", "100", "6.25", "33" GHz into MHz (33 GHz: 33333) */
bool parse_grid_ghz(const char *s, uint32_t *mhz)
{
	static const struct { const char *ghz; uint32_t mhz; } grids[] = {
		{ "3.125", 3125 }, { "6.25", 6250 }, { "12.5", 12500 },
		{ "25", 25000 }, { "33", 33333 }, { "50", 50000 },
		{ "75", 75000 }, { "100", 100000 }, { "150", 150000 },
	};
	unsigned int i;

	for (i = 0; i < sizeof(grids) / sizeof(grids[0]); i++)
		if (!strcmp(s, grids[i].ghz)) {
			*mhz = grids[i].mhz;
			return true;
		}
	return false;
}

int settings_port_parse(struct xpoctl *x, const char *what, int argc,
		      char **argv, struct settings_args *a)
{
	unsigned long v;

	if (argc < 2)
		return usage_error(x, "%s needs CAGE PORT", what);
	if (!parse_cage_ref(x, argv[0], &a->cage))
		return XE_USAGE;
	if (!parse_uint(argv[1], 63, &v))
		return usage_error(x, "invalid port \"%s\" (0-63, as port show numbers them)",
				   argv[1]);
	a->index = v;
	return 0;
}

/* the value after keyword argv[*i], within 0-max */
static bool settings_kw_val(struct xpoctl *x, int *i, int argc, char **argv,
		   unsigned long max, int *out)
{
	unsigned long v;

	if (*i + 1 >= argc) {
		usage_error(x, "%s needs a value", argv[*i]);
		return false;
	}
	if (!parse_uint(argv[*i + 1], max, &v)) {
		usage_error(x, "invalid %s \"%s\" (0-%lu)", argv[*i],
			    argv[*i + 1], max);
		return false;
	}
	*out = v;
	*i += 1;
	return true;
}

int port_si_set_parse(struct xpoctl *x, int argc, char **argv,
			struct settings_args *a)
{
	int i, ret = settings_port_parse(x, "port si set", argc, argv, a);
	bool any = false;

	if (ret)
		return ret;
	for (i = 2; i < argc; i++) {
		const char *k = argv[i];

		if (!strcmp(k, "lanes")) {
			if (i + 1 >= argc || !parse_port_lanes(argv[i + 1], &a->lanes))
				return usage_error(x, "lanes takes N, N-M (1-8) or all");
			i++;
			continue;
		}
		if (!strcmp(k, "txeq") && i + 1 < argc &&
		    !strcmp(argv[i + 1], "adaptive")) {
			a->tx_adaptive = 1;
			i++;
		} else if (!strcmp(k, "adaptive")) {
			a->tx_adaptive = 1;
		} else if (!strcmp(k, "txeq")) {
			if (!settings_kw_val(x, &i, argc, argv, 15, &a->tx_eq))
				return XE_USAGE;
		} else if (!strcmp(k, "pre")) {
			if (!settings_kw_val(x, &i, argc, argv, 15, &a->pre))
				return XE_USAGE;
		} else if (!strcmp(k, "post")) {
			if (!settings_kw_val(x, &i, argc, argv, 15, &a->post))
				return XE_USAGE;
		} else if (!strcmp(k, "amp")) {
			if (!settings_kw_val(x, &i, argc, argv, 15, &a->amp))
				return XE_USAGE;
		} else {
			return usage_error(x, "port si set: \"%s\" is unknown (lanes, txeq, adaptive, pre, post, amp)",
					   k);
		}
		any = true;
	}
	if (!any)
		return usage_error(x, "port si set: nothing to set (txeq N|adaptive, pre N, post N, amp N)");
	return 0;
}

int port_tune_set_parse(struct xpoctl *x, int argc, char **argv,
			  struct settings_args *a)
{
	int i, ret = settings_port_parse(x, "port tune set", argc, argv, a);
	unsigned long v;

	if (ret)
		return ret;
	for (i = 2; i < argc; i++) {
		const char *k = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
		char *end;

		if (!val)
			return usage_error(x, "%s needs a value", k);
		if (!strcmp(k, "channel")) {
			long c = strtol(val, &end, 10);

			if (end == val || *end || c < -32768 || c > 32767)
				return usage_error(x, "invalid channel \"%s\"", val);
			a->has_channel = true;
			a->channel = c;
		} else if (!strcmp(k, "freq")) {
			if (!parse_uint(val, 0xffffffffUL, &v))
				return usage_error(x, "invalid freq \"%s\" (MHz)", val);
			a->has_freq = true;
			a->freq = v;
		} else if (!strcmp(k, "grid")) {
			if (!parse_grid_ghz(val, &a->grid_mhz))
				return usage_error(x, "invalid grid \"%s\" (GHz: 3.125, 6.25, 12.5, 25, 33, 50, 75, 100, 150)",
						   val);
		} else if (!strcmp(k, "power")) {
			if (!parse_dbm(val, &a->power))
				return usage_error(x, "invalid power \"%s\" (dBm)", val);
			a->has_power = true;
		} else {
			return usage_error(x, "port tune set: \"%s\" is unknown (channel, freq, grid, power)",
					   k);
		}
		i++;
	}
	if (a->has_channel && a->has_freq)
		return usage_error(x, "port tune set: channel or freq, not both");
	if (!a->has_channel && !a->has_freq && !a->has_power)
		return usage_error(x, "port tune set: nothing to set (channel N, freq MHZ, power DBM)");
	return 0;
}
