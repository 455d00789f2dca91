/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `xpoctl port show`: the ports of cages as the xpo family's port-get
 * reports them (netdev, host lanes, admin state, carrier, the data path
 * state of each lane), as a table or JSON.  Pure: no netlink (cmd_port.c
 * fills these).
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

#endif
