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
#define XPO_CAGES_MAX 16

struct nlsock;

struct xpoctl {
	bool json;
	bool pretty;
	int stats;		/* -s, repeatable */
	bool timestamps;	/* -t */
	struct jw jw;
	struct nlsock *nl;	/* opened on first use */
	const char *object;	/* for messages: the object's full name */
};

struct xpoctl_cmd {
	const char *name;
	int (*func)(struct xpoctl *x, int argc, char **argv);
	const char *args;	/* usage after "OBJECT COMMAND" */
	const char *help;
};

struct xpoctl_obj {
	const char *name;
	const struct xpoctl_cmd *cmds;	/* NULL-terminated; NULL: not yet */
	const char *help;
	/* an object that is its own command (monitor) */
	int (*func)(struct xpoctl *x, int argc, char **argv);
	const char *args;
};

/* xpoctl.c */
extern const struct xpoctl_obj xpoctl_objs[];
int xpoctl_main(int argc, char **argv);
int usage_error(struct xpoctl *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
bool parse_cage(struct xpoctl *x, const char *s, unsigned long *cage);
/* lookup of a keyword in a table by ip(8)-style prefix; table order decides */
const struct xpoctl_obj *find_obj(const char *arg);
const struct xpoctl_cmd *find_cmd(const struct xpoctl_obj *o, const char *arg);

struct eeprom_args {
	unsigned int cage, bank, page, offset, length;
	bool has_offset, raw;
};

/* module eeprom's arguments (unit-tested) */
int module_eeprom_parse(struct xpoctl *x, int argc, char **argv,
			struct eeprom_args *a);
/* module dump's: one cage (unit-tested) */
int module_dump_parse(struct xpoctl *x, int argc, char **argv,
		      unsigned int *cage);

/* command handlers */
int cmd_sensor_show(struct xpoctl *x, int argc, char **argv);
int sensor_chip_cage(const char *prefix, int bus_type, int addr);
int cmd_driver_status(struct xpoctl *x, int argc, char **argv);
int cmd_cage_show(struct xpoctl *x, int argc, char **argv);
int cmd_cage_set(struct xpoctl *x, int argc, char **argv);
int cmd_cage_rearm(struct xpoctl *x, int argc, char **argv);
int cmd_cage_lanes(struct xpoctl *x, int argc, char **argv);
int cmd_module_show(struct xpoctl *x, int argc, char **argv);
int cmd_module_eeprom(struct xpoctl *x, int argc, char **argv);
int cmd_module_dump(struct xpoctl *x, int argc, char **argv);
int cmd_monitor(struct xpoctl *x, int argc, char **argv);
int xpoctl_nl(struct xpoctl *x);



#define SET_PROTECT_CONDS 3	/* leak, flow-low, overtemp */

struct set_req {
	uint32_t id;
	bool has_policy, has_power, reset, rearm;
	uint32_t policy;
	uint8_t power;
	bool has_protect[SET_PROTECT_CONDS];
	uint32_t protect[SET_PROTECT_CONDS];	/* protection-action */
	bool has_flow_min, has_temp_max;
	uint32_t flow_min;			/* mL/min, 0: none */
	int32_t temp_max;			/* m°C, 0: none */
};

/* cage set's arguments: a cage bitmap and the request (unit-tested) */
int cage_set_parse(struct xpoctl *x, int argc, char **argv, uint32_t *mask,
		   struct set_req *r);
/* cage rearm's: the cages */
int cage_rearm_parse(struct xpoctl *x, int argc, char **argv, uint32_t *mask,
		     struct set_req *r);

#endif
