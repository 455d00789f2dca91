/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `xpoctl port show`: the ports of cages as the xpo family's port-get
 * reports them (netdev, host lanes, breakout rate and AppSel, admin state,
 * carrier, the data path state of each lane and why it failed), as a table
 * or JSON; the plan port split and port unsplit reply with; and the
 * cage's reach profile with the plan reach show and reach set reply with.
 * Pure: no netlink (cmd_port.c fills these).
 */
#ifndef XPOCTL_PORT_FMT_H
#define XPOCTL_PORT_FMT_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "json_writer.h"

#define PORT_LANES_MAX 64

struct port_info {
	uint32_t board, id;	/* the cage */
	uint32_t index;		/* the port in it */
	uint32_t ifindex;	/* 0: none in this network namespace */
	char ifname[IF_NAMESIZE];	/* "" unless ifindex resolved */
	uint32_t lane_first, lane_count;
	bool up, carrier;
	int n_dp;		/* 0: the lanes' states are not known */
	uint32_t dp[PORT_LANES_MAX];	/* enum xpo_dp_state, lane by lane */
	bool has_panel, has_subport, has_split_count, has_speed, has_appsel;
	uint32_t panel;		/* the front-panel port (bank), 0-7 */
	uint32_t subport;	/* its number in a split front-panel port */
	uint32_t split_count;	/* ports its front-panel port is split into */
	uint32_t speed;		/* Mb/s its breakout asked for; !has_speed: any */
	uint8_t appsel;		/* the application its data path runs */
	char dp_fail[128];	/* why its data path failed; "" unless it did */
};

/* One port of a port-split, port-unsplit, reach-get or reach-set plan */
struct plan_port {
	char name[IF_NAMESIZE];	/* the netdev it gets */
	uint32_t lane_first, lane_count;
	bool has_speed, has_appsel, has_reach;
	uint32_t speed;		/* Mb/s; !has_speed: any rate */
	uint8_t appsel;		/* !has_appsel: no module to ask */
	uint32_t reach;		/* enum xpo_reach of that application */
};

/* What port-split or port-unsplit replied, and what was asked */
struct port_plan {
	uint32_t board, id;	/* the cage */
	bool split;		/* port-split, else port-unsplit */
	bool has_panel;		/* one front-panel port, else the cage */
	uint32_t panel;
	const char *mode;	/* split: "16x800G" */
	bool dry_run;
	int n;
	struct plan_port *ports;
};

/* What reach-get or reach-set replied, and what was asked */
struct reach_plan {
	uint32_t board, id;	/* the cage */
	bool set;		/* reach set, else reach show */
	bool dry_run;		/* reach set --dry-run */
	bool has_reach;		/* the cage's profile; false: any */
	uint32_t reach;		/* enum xpo_reach */
	int n;
	struct plan_port *ports;
};

/* The spec's name of a data path state, "unknown" for another value */
const char *dp_state_name(uint32_t state);
/*
 * The lanes' data path states for a person: "activated" when they agree,
 * else each state with its host lanes, "activated 0-3,init 4-7"; "-"
 * when unknown.
 */
const char *port_dp_str(const struct port_info *p, char *buf, size_t len);
void port_print_table(const struct port_info *p, int n, FILE *out);
void port_print_json(const struct port_info *p, int n, struct jw *jw);
/*
 * A rate in Mb/s as the breakout modes spell it: 800000 "800G", 1600000
 * "1.6T", 100 "100M"; "any" when @has is false
 */
const char *port_speed_str(bool has, uint32_t mbps, char *buf, size_t len);
/*
 * port split and port unsplit: the plan as a table (NAME, LANES, SPEED,
 * APPSEL), "(dry run: nothing changed)" after it on a dry run; or JSON
 */
void port_plan_print_table(const struct port_plan *pl, FILE *out);
void port_plan_print_json(const struct port_plan *pl, struct jw *jw);
/*
 * reach show and reach set: "cage 2: reach profile dr" ("any" when none
 * is chosen), then the plan with a REACH column (the spec's names, "-"
 * without an application), "(dry run: nothing changed)" after a dry run;
 * or JSON (schemas/reach-show.json, reach-set.json)
 */
void reach_print_table(const struct reach_plan *rp, FILE *out);
void reach_print_json(const struct reach_plan *rp, struct jw *jw);

#endif
