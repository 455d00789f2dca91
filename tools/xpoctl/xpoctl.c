// SPDX-License-Identifier: GPL-2.0
/*
 * xpoctl [OPTIONS] OBJECT COMMAND [ARGS]: option parsing, the object and
 * command tables, help, and dispatch.  No netlink here, so the unit tests
 * link this file with recording handlers and test the grammar alone.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "xpoctl.h"
#include "nl.h"

static int not_implemented(struct xpoctl *x, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "xpoctl: %s: not implemented yet\n", x->object);
	return XE_FAIL;
}

/*
 * The abbreviations (the fifth field) are the ones xpoctl(8) promises, as
 * ip(8) has them: "c s" is cage show ("se" is set), "m" module, "mon"
 * monitor.  A command that changes state by its name alone (rearm) has
 * none; a new entry without one must be written out.
 */
static const struct xpoctl_cmd cage_cmds[] = {
	{ "show", cmd_cage_show, "[CAGE]",
	  "state, identity, power, thermal and coolant values of cages", 1, "dow" },
	{ "set", cmd_cage_set,
	  "CAGE[,CAGE...]|all [power-mode high|auto] [protect COND ACTION...] [flow-min N] [temp-max N] [rearm] [power on|off] [reset]",
	  "change cages: power mode policy, protection (COND: leak|flow-low|overtemp, ACTION: off|alert|low-power|power-off; flow-min in mL/min, temp-max in C, 0: none), re-arm, cage supply, module reset",
	  2, "n" },
	{ "rearm", cmd_cage_rearm, "CAGE[,CAGE...]|all",
	  "lift a protection trip (refused while its cause is present)", 0, "n" },
	{ "lanes", cmd_cage_lanes, "[CAGE]",
	  "per-lane Tx/Rx power, Tx bias and lane flags (LOS, LOL, Tx fault...) of the telemetry snapshot; -d: the alarm and warning thresholds",
	  1, "dow" },
	{ NULL }
};

static const struct xpoctl_cmd module_cmds[] = {
	{ "show", cmd_module_show, "[CAGE]",
	  "decode the module's CMIS memory (all banks; -d: per-lane data paths and monitors)",
	  1, "dow" },
	{ "eeprom", cmd_module_eeprom,
	  "CAGE [page N] [bank N] [offset N] [length N] [hex|raw]",
	  "read raw module memory", 1, "" },
	{ "dump", cmd_module_dump, "CAGE",
	  "all of the module's memory: every page of every bank, in one request",
	  1, "" },
	{ NULL }
};

static const struct xpoctl_cmd sensor_cmds[] = {
	{ "show", cmd_sensor_show, "[CAGE]",
	  "thermal, power and coolant sensors (hwmon, through libsensors)", 1, "ow" },
	{ NULL }
};

static const struct xpoctl_cmd port_cmds[] = {
	{ "show", cmd_port_show, "[CAGE]",
	  "the ports of cages: netdev, host lanes, breakout rate, AppSel, admin state, carrier, data path state of the lanes",
	  1, "ow" },
	{ "split", cmd_port_split, "CAGE [panel P] MODE [--dry-run]",
	  "split the whole cage (16x800G) or one front-panel port (panel 5 2x800G) into ports; the ports to replace must be down",
	  0, "n" },
	{ "unsplit", cmd_port_unsplit, "CAGE [panel P] [--dry-run]",
	  "undo port split on one front-panel port, or on every split one of the cage",
	  0, "n" },
	{ "si", cmd_port_si,
	  "show CAGE PORT | set CAGE PORT [lanes N[-M]|all] [txeq N|adaptive] [pre N] [post N] [amp N]",
	  "host-side signal integrity of a port's lanes: what the module advertises and the active settings; set stages and applies them (Tx input EQ, Rx output pre-cursor, post-cursor, amplitude)",
	  0, "" },
	{ "tune", cmd_port_tune,
	  "show CAGE PORT | set CAGE PORT [channel N|freq MHZ] [grid GHZ] [power DBM]",
	  "laser tuning of a port of a tunable (ZR, ZR+) module: grids, channel, frequency, target output power; set tunes it (the port's data path goes down and up for a channel)",
	  0, "" },
	{ NULL }
};

/* show reads; set changes every port's application: written out */
static const struct xpoctl_cmd reach_cmds[] = {
	{ "show", cmd_reach_show, "CAGE",
	  "the cage's reach profile and, per port, the AppSel its data path runs and that application's reach",
	  1, "w" },
	{ "set", cmd_reach_set, "CAGE PROFILE|any [--dry-run]",
	  "choose the reach profile every port's application must have (PROFILE: sr|dr|fr|lr|er|zr|zr-plus|coherent-lite|other; any: the first that fits)",
	  0, "n" },
	{ NULL }
};

static const struct xpoctl_cmd driver_cmds[] = {
	{ "status", cmd_driver_status, "",
	  "is the xpo driver installed, loaded, blacklisted; its netlink family",
	  1, "w" },
	{ NULL }
};

const struct xpoctl_obj xpoctl_objs[] = {
	{ .name = "cage", .cmds = cage_cmds, .help = "XPO cages", .abbrev = 1 },
	{ .name = "module", .cmds = module_cmds,
	  .help = "the module in a cage (CMIS memory)", .abbrev = 1 },
	{ .name = "sensor", .cmds = sensor_cmds,
	  .help = "hwmon sensors of the cages", .abbrev = 1 },
	{ "monitor", NULL,
	  "print cage events: insert, remove, state change, protection alarm, trip, re-arm, ports changed, port settings changed",
	  cmd_monitor, "[all] [--count N] [--timeout S]  (-t: timestamps, -j: one JSON object a line)",
	  3, "t" },
	{ .name = "driver", .cmds = driver_cmds, .help = "the xpo kernel driver",
	  .abbrev = 1 },
	{ .name = "port", .cmds = port_cmds,
	  .help = "front-panel ports of the cages and their breakout",
	  .abbrev = 1 },
	{ .name = "reach", .cmds = reach_cmds,
	  .help = "reach profiles of the cages (the applications of their ports)",
	  .abbrev = 1 },
	{ "fw", NULL, "module firmware (not implemented yet)",
	  not_implemented, "", 0, "" },
	{ NULL }
};

/* "xpoctl: cage set: "r" must be written out: reset, rearm; try ..." */
static int kw_refusal(struct xpoctl *x, const char *what, const char *arg,
		      int err, const char *cands)
{
	if (err == KW_AMBIGUOUS)
		return usage_error(x, "%s \"%s\" is ambiguous: %s", what, arg,
				   cands);
	if (err == KW_SPELL_OUT)
		return usage_error(x, "%s \"%s\" is not abbreviated (it changes state): write out %s",
				   what, arg, cands);
	return usage_error(x, "%s \"%s\" is unknown", what, arg);
}

int find_kw(struct xpoctl *x, const char *what, const char *arg,
	    const struct kw *kw)
{
	char cands[256];
	int i = kw_lookup(arg, kw, cands, sizeof(cands));

	if (i < 0)
		kw_refusal(x, what, arg, i, cands);
	return i;
}

#define TABLE_MAX 32

const struct xpoctl_obj *find_obj(const char *arg)
{
	struct kw kw[TABLE_MAX + 1] = { 0 };
	int i;

	for (i = 0; xpoctl_objs[i].name && i < TABLE_MAX; i++)
		kw[i] = (struct kw){ xpoctl_objs[i].name, xpoctl_objs[i].abbrev };
	i = find_kw(NULL, "object", arg, kw);
	return i < 0 ? NULL : &xpoctl_objs[i];
}

const struct xpoctl_cmd *find_cmd(struct xpoctl *x, const struct xpoctl_obj *o,
				  const char *arg)
{
	struct kw kw[TABLE_MAX + 1] = { 0 };
	char what[64];
	int i;

	for (i = 0; o->cmds[i].name && i < TABLE_MAX; i++)
		kw[i] = (struct kw){ o->cmds[i].name, o->cmds[i].abbrev };
	snprintf(what, sizeof(what), "%s command", o->name);
	i = find_kw(x, what, arg, kw);
	return i < 0 ? NULL : &o->cmds[i];
}

int usage_error(struct xpoctl *x, const char *fmt, ...)
{
	va_list ap;

	fputs("xpoctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (x && x->object)
		fprintf(stderr, "; try \"xpoctl %s help\"\n", x->object);
	else
		fputs("; try \"xpoctl help\"\n", stderr);
	return XE_USAGE;
}

static void usage(FILE *out)
{
	const struct xpoctl_obj *o;

	fputs("Usage: xpoctl [OPTIONS] OBJECT { COMMAND | help }\n"
	      "       xpoctl -V | -h\n"
	      "where  OBJECT := { ", out);
	for (o = xpoctl_objs; o->name; o++)
		fprintf(out, "%s%s", o->name, o[1].name ? " | " : " }\n");
	fputs("       OPTIONS := { -j[son] | -p[retty] | -d[etails] | -s[tatistics] |\n"
	      "                    -t[imestamp] | -o[utput] COL,... | -n | --dry-run |\n"
	      "                    -w[atch] SECONDS | -V[ersion] | -h[elp] }\n"
	      "Exit codes: 0 ok, 1 failed, 2 usage, 3 partial, 4 driver missing, 5 permission.\n"
	      "See xpoctl(8).\n", out);
}

static void obj_help(const struct xpoctl_obj *o, FILE *out)
{
	const struct xpoctl_cmd *c;

	if (!o->cmds) {
		fprintf(out, "Usage: xpoctl %s %s\n       %s\n", o->name,
			o->args, o->help);
		return;
	}
	for (c = o->cmds; c->name; c++)
		fprintf(out, "%s xpoctl %s %s%s%s\n", c == o->cmds ? "Usage:" : "      ",
			o->name, c->name, *c->args ? " " : "", c->args);
	fputc('\n', out);
	for (c = o->cmds; c->name; c++)
		fprintf(out, "  %-8s %s\n", c->name, c->help);
}

/*
 * An option the command does not honour is refused rather than ignored: an
 * operator who typed --dry-run must not see the change made.  -j and -p
 * every command honours.
 */
static int check_opts(struct xpoctl *x, const char *cmd, const char *opts)
{
	static const struct {
		char opt;
		const char *name;
	} o[] = {
		{ 'd', "-d (details)" },
		{ 's', "-s (statistics; details are -d)" },
		{ 't', "-t (timestamps)" },
		{ 'n', "--dry-run" },
		{ 'o', "-o (table columns)" },
		{ 'w', "-w (watch: it is no read command)" },
	};
	bool given[] = { x->details, x->stats > 0, x->timestamps, x->dry_run,
			 table_columns != NULL, x->watch_ms > 0 };
	size_t i;

	for (i = 0; i < sizeof(o) / sizeof(o[0]); i++)
		if (given[i] && !(opts && strchr(opts, o[i].opt)))
			return usage_error(x, "%s%s%s does not take %s", x->object,
					   *cmd ? " " : "", cmd, o[i].name);
	return XE_OK;
}

/* "0.5" or "2" seconds into ms, 100 ms to an hour */
static bool parse_interval_ms(const char *s, unsigned int *ms)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !(v >= 0.1 && v <= 3600))
		return false;
	*ms = (unsigned int)(v * 1000 + 0.5);
	return true;
}

/* The command once, or under -w again and again (watch.c) */
static int run(struct xpoctl *x, xpoctl_func func, int argc, char **argv,
	       char **words)
{
	char title[128];
	size_t used = 0;
	int i;

	if (!x->watch_ms)
		return func(x, argc, argv);
	/* the heading names the command as typed: "xpoctl cage lanes 5" */
	used = snprintf(title, sizeof(title), "xpoctl");
	for (i = 0; words + i < argv + argc && used < sizeof(title); i++)
		used += snprintf(title + used, sizeof(title) - used, " %s",
				 words[i]);
	return watch_run(x, func, argc, argv, title);
}

static bool is_help(const char *s)
{
	return matches(s, "help") || !strcmp(s, "-h") || !strcmp(s, "--help");
}

int xpoctl_main(int argc, char **argv)
{
	static const struct option long_opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "pretty", no_argument, NULL, 'p' },
		{ "statistics", no_argument, NULL, 's' },
		{ "stats", no_argument, NULL, 's' },
		{ "details", no_argument, NULL, 'd' },
		{ "timestamp", no_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "watch", required_argument, NULL, 'w' },
		{ "version", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct xpoctl_obj *o;
	const struct xpoctl_cmd *c;
	struct xpoctl x = { 0 };
	int opt, ret;

	/* 0, not 1: glibc then resets all its state (the unit tests call
	 * xpoctl_main many times) */
	optind = 0;
	opterr = 0;
	table_columns = NULL;
	/* "+": options end at the object, as in ip(8); ":": a missing
	 * argument is told apart from an unknown option */
	while ((opt = getopt_long(argc, argv, "+:jpdsntVho:w:", long_opts, NULL)) != -1) {
		switch (opt) {
		case 'j':
			x.json = true;
			break;
		case 'p':
			x.pretty = true;
			break;
		case 's':
			x.stats++;
			break;
		case 'd':
			x.details = true;
			break;
		case 't':
			x.timestamps = true;
			break;
		case 'o':	/* -o COL,...: the table's columns, as lsblk -o */
			table_columns = optarg;
			break;
		case 'n':
			x.dry_run = true;
			break;
		case 'w':
			if (!parse_interval_ms(optarg, &x.watch_ms))
				return usage_error(NULL, "-w takes seconds, 0.1 to 3600 (\"%s\")",
						   optarg);
			break;
		case 'V':
			printf("xpoctl %s\n", XPOCTL_VERSION);
			return XE_OK;
		case 'h':
			usage(stdout);
			return XE_OK;
		case ':':
			return usage_error(NULL, "option \"%s\" needs a value",
					   argv[optind - 1]);
		default:
			if (optopt)
				return usage_error(NULL, "unknown option \"-%c\"", optopt);
			return usage_error(NULL, "unknown option \"%s\"",
					   argv[optind - 1]);
		}
	}
	argc -= optind;
	argv += optind;
	jw_init(&x.jw, stdout, x.pretty);

	if (argc < 1) {
		usage(stderr);
		return XE_USAGE;
	}
	if (is_help(argv[0])) {
		/* "xpoctl help cage" is "xpoctl cage help" */
		if (argc > 1 && (o = find_obj(argv[1]))) {
			obj_help(o, stdout);
			return XE_OK;
		}
		if (argc > 1)
			return XE_USAGE;
		usage(stdout);
		return XE_OK;
	}
	o = find_obj(argv[0]);
	if (!o)
		return XE_USAGE;
	x.object = o->name;
	if (argc > 1 && is_help(argv[1])) {
		obj_help(o, stdout);
		return XE_OK;
	}
	if (!o->cmds) {
		ret = check_opts(&x, "", o->opts);
		if (ret)
			return ret;
		ret = run(&x, o->func, argc - 1, argv + 1, argv);
		goto out;
	}
	if (argc < 2) {
		/* "xpoctl cage" is "xpoctl cage show", as "ip link" */
		c = o->cmds;
		ret = check_opts(&x, c->name, c->opts);
		if (ret)
			return ret;
		ret = run(&x, c->func, 0, argv + 1, argv);
		goto out;
	}
	c = find_cmd(&x, o, argv[1]);
	if (!c)
		return XE_USAGE;
	if (argc > 2 && is_help(argv[2])) {
		obj_help(o, stdout);
		return XE_OK;
	}
	ret = check_opts(&x, c->name, c->opts);
	if (ret)
		return ret;
	ret = run(&x, c->func, argc - 2, argv + 2, argv);
out:
	xnl_close(x.nl);
	return ret;
}
