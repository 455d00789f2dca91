/* SPDX-License-Identifier: GPL-2.0 */
/*
 * xpoctl: the admin tool for XPO cages.  Shared state and the command
 * handlers' contract: a handler gets the arguments after its command word
 * and returns an exit code (util.h: XE_*), having printed its own messages.
 */
#ifndef XPOCTL_H
#define XPOCTL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "json_writer.h"
#include "util.h"

#define XPOCTL_VERSION "0.1"
#define XPO_CAGE_ID_MAX 255	/* a cage number on its board, as the kernel takes it */
#define XPO_BOARD_MAX 255	/* the family's policy on board */

struct nlsock;

struct xpoctl {
	bool json;
	bool pretty;
	int stats;		/* -s, repeatable: statistics, as in ip(8) */
	bool details;		/* -d */
	bool timestamps;	/* -t */
	bool dry_run;		/* --dry-run */
	unsigned int watch_ms;	/* -w: run again every watch_ms; 0: once */
	struct jw jw;
	struct nlsock *nl;	/* opened on first use */
	const char *object;	/* for messages: the object's full name */
};

typedef int (*xpoctl_func)(struct xpoctl *x, int argc, char **argv);

/*
 * -w: @func every x->watch_ms, each round's output drawn as one frame
 * (watch.c); @title names the command in the frame's heading.  Return: the
 * last round's exit code.
 */
int watch_run(struct xpoctl *x, xpoctl_func func, int argc, char **argv,
	      const char *title);

struct xpoctl_cmd {
	const char *name;
	xpoctl_func func;
	const char *args;	/* usage after "OBJECT COMMAND" */
	const char *help;
	/* shortest abbreviation accepted; 0 (the default): the whole word */
	unsigned int abbrev;
	/* the global options it honours beyond -j and -p: "d", "t", "n" */
	const char *opts;
};

struct xpoctl_obj {
	const char *name;
	const struct xpoctl_cmd *cmds;	/* NULL-terminated; NULL: not yet */
	const char *help;
	/* an object that is its own command (monitor) */
	int (*func)(struct xpoctl *x, int argc, char **argv);
	const char *args;
	unsigned int abbrev;	/* as in xpoctl_cmd */
	const char *opts;	/* for an object that is its own command */
};

/* xpoctl.c */
extern const struct xpoctl_obj xpoctl_objs[];
int xpoctl_main(int argc, char **argv);
int usage_error(struct xpoctl *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/*
 * Lookup of an object or command by name or by the abbreviation its table
 * entry accepts (xpoctl(8) lists them); NULL when unknown or ambiguous,
 * with the one-line message printed.
 */
const struct xpoctl_obj *find_obj(const char *arg);
const struct xpoctl_cmd *find_cmd(struct xpoctl *x, const struct xpoctl_obj *o,
				  const char *arg);
/* a keyword of @what ("cage set") from @kw, or a KW_* error, printed */
int find_kw(struct xpoctl *x, const char *what, const char *arg,
	    const struct kw *kw);

/* a cage as the kernel names it: "N" on board 0, "B/N" on board B */
struct cage_ref {
	uint32_t board, id;
};

/* one CAGE (N or B/N): parse_cage_ref(); "[CAGE]" of a read command */
bool parse_cage_ref(struct xpoctl *x, const char *s, struct cage_ref *c);
int cage_opt_parse(struct xpoctl *x, const char *cmd, int argc, char **argv,
		   struct cage_ref *c, bool *given);

struct monitor_args {
	bool timestamps;		/* "timestamp" or -t after monitor */
	unsigned long count;		/* --count: stop after N events; 0 never */
	unsigned long timeout_s;	/* --timeout: stop after S seconds */
};

int monitor_parse(struct xpoctl *x, int argc, char **argv,
		  struct monitor_args *a);

struct eeprom_args {
	struct cage_ref cage;
	unsigned int bank, page, offset, length;
	bool has_offset, raw;
};

/* module eeprom's arguments (unit-tested) */
int module_eeprom_parse(struct xpoctl *x, int argc, char **argv,
			struct eeprom_args *a);
/* module dump's: one cage (unit-tested) */
int module_dump_parse(struct xpoctl *x, int argc, char **argv,
		      struct cage_ref *cage);

/*
 * port split CAGE [panel P] MODE [--dry-run] and port unsplit CAGE
 * [panel P] [--dry-run] (@split false: no MODE)
 */
struct split_args {
	struct cage_ref cage;
	bool has_panel;
	uint32_t panel;		/* the front-panel port, 0-7 */
	const char *mode;	/* split: "16x800G", an argv string */
	bool dry_run;		/* --dry-run after the command */
};

int port_split_parse(struct xpoctl *x, bool split, int argc, char **argv,
		     struct split_args *a);

/* reach show CAGE and reach set CAGE PROFILE|any [--dry-run] */
struct reach_args {
	struct cage_ref cage;
	bool has_reach;		/* set: a profile; false: any */
	uint32_t reach;		/* enum xpo_reach */
	bool dry_run;		/* --dry-run after the command */
};

/* @set false: reach show's one CAGE (unit-tested) */
int reach_parse(struct xpoctl *x, bool set, int argc, char **argv,
		struct reach_args *a);

/* port si set, port tune set (args.c; cmd_settings.c runs them) */
struct settings_args {
	struct cage_ref cage;
	uint32_t index;
	/* si set */
	uint32_t lanes;			/* 0: all */
	int tx_eq, tx_adaptive, pre, post, amp;	/* -1: not given */
	/* tune set */
	uint32_t grid_mhz;		/* 0: the laser's */
	bool has_channel, has_freq, has_power;
	int32_t channel, power;
	uint32_t freq;
};

void settings_args_init(struct settings_args *a);
int settings_port_parse(struct xpoctl *x, const char *what, int argc,
			char **argv, struct settings_args *a);
int port_si_set_parse(struct xpoctl *x, int argc, char **argv,
		      struct settings_args *a);
int port_tune_set_parse(struct xpoctl *x, int argc, char **argv,
			struct settings_args *a);
bool parse_port_lanes(const char *s, uint32_t *mask);
bool parse_dbm(const char *s, int32_t *out);
bool parse_grid_ghz(const char *s, uint32_t *mhz);

/* command handlers */
int cmd_sensor_show(struct xpoctl *x, int argc, char **argv);
int sensor_chip_cage(const char *prefix, int bus_type, int addr);
int cmd_driver_status(struct xpoctl *x, int argc, char **argv);
int cmd_cage_show(struct xpoctl *x, int argc, char **argv);
int cmd_cage_set(struct xpoctl *x, int argc, char **argv);
int cmd_cage_rearm(struct xpoctl *x, int argc, char **argv);
int cmd_cage_lanes(struct xpoctl *x, int argc, char **argv);
int cmd_port_show(struct xpoctl *x, int argc, char **argv);
int cmd_port_split(struct xpoctl *x, int argc, char **argv);
int cmd_port_unsplit(struct xpoctl *x, int argc, char **argv);
int cmd_port_si(struct xpoctl *x, int argc, char **argv);
int cmd_port_tune(struct xpoctl *x, int argc, char **argv);
int cmd_reach_show(struct xpoctl *x, int argc, char **argv);
int cmd_reach_set(struct xpoctl *x, int argc, char **argv);
int cmd_module_show(struct xpoctl *x, int argc, char **argv);
int cmd_module_eeprom(struct xpoctl *x, int argc, char **argv);
int cmd_module_dump(struct xpoctl *x, int argc, char **argv);
int cmd_monitor(struct xpoctl *x, int argc, char **argv);
int xpoctl_nl(struct xpoctl *x);



#define SET_PROTECT_CONDS 3	/* leak, flow-low, overtemp */

/* CAGE[,CAGE...] or all; @all is resolved by cage_list_all() */
struct cage_list {
	bool all;
	int n, cap;
	struct cage_ref *ids;
};

bool parse_cage_list(struct xpoctl *x, const char *s, struct cage_list *l);
void cage_list_add(struct cage_list *l, struct cage_ref c);
void cage_list_free(struct cage_list *l);
/* cage_list.c: @l becomes the cages of one cage-get dump; an exit code */
int cage_list_all(struct xpoctl *x, struct cage_list *l);

struct set_req {
	uint32_t board, id;
	bool has_policy, has_power, reset, rearm;
	uint32_t policy;
	uint8_t power;
	bool has_protect[SET_PROTECT_CONDS];
	uint32_t protect[SET_PROTECT_CONDS];	/* protection-action */
	bool has_flow_min, has_temp_max;
	uint32_t flow_min;			/* mL/min, 0: none */
	int32_t temp_max;			/* m°C, 0: none */
};

/* cage set's arguments: the cages and the request (unit-tested) */
int cage_set_parse(struct xpoctl *x, int argc, char **argv,
		   struct cage_list *l, struct set_req *r);
/* cage rearm's: the cages */
int cage_rearm_parse(struct xpoctl *x, int argc, char **argv,
		     struct cage_list *l, struct set_req *r);
/*
 * Every keyword table of the grammar with the command it belongs to
 * ("cage set"), for the test that holds xpoctl(8) to them; NULL-ended.
 */
struct xpoctl_kw_table {
	const char *cmd;
	const struct kw *kw;
};
extern const struct xpoctl_kw_table xpoctl_kw_tables[];
extern const struct kw port_si_kw[];
extern const struct kw port_tune_kw[];

/* "protect leak alert, rearm, reset": the request in the kernel's order */
void set_req_describe(const struct set_req *r, char *buf, size_t len);
/*
 * --dry-run: what cage set would do to each cage of @l (text or JSON);
 * @known: the cages that exist (a dump), one not in it is refused (exit 2)
 */
int cage_set_dry_run(struct xpoctl *x, const struct cage_list *l,
		     const struct cage_list *known, const struct set_req *r);

#endif
