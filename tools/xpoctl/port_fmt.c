// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl port show` output: a row per port (its netdev, the host lanes
 * it carries, the rate its breakout asked for and the AppSel it runs,
 * admin state, carrier, its lanes' data path and why it failed), or JSON
 * with the spec's names; the plan of port split and port unsplit; and the
 * reach profile and plan of reach show and reach set.
 * The netdev name is what the kernel's ifindex names now (cmd_port.c
 * resolves it): a netdev can be renamed.
 */
#include <stdio.h>
#include <string.h>

#include <linux/xpo.h>

#include "cage_fmt.h"
#include "port_fmt.h"
#include "table.h"
#include "util.h"

/* enum xpo_dp_state from 1 on: the spec's names */
static const char *const dp_state_names[] = {
	"deactivated", "init", "deinit", "activated", "tx-turn-on",
	"tx-turn-off", "initialized",
};

_Static_assert(XPO_DP_STATE_INITIALIZED ==
	       sizeof(dp_state_names) / sizeof(dp_state_names[0]),
	       "data path state names follow the uapi");

const char *dp_state_name(uint32_t state)
{
	if (state < XPO_DP_STATE_DEACTIVATED ||
	    state > XPO_DP_STATE_INITIALIZED)
		return "unknown";
	return dp_state_names[state - XPO_DP_STATE_DEACTIVATED];
}

/* "activated 0-3" or "init 4": one state and its run of host lanes */
static void dp_run(char *buf, size_t len, uint32_t state, uint32_t lo,
		   uint32_t hi)
{
	if (hi > lo)
		snprintf(buf, len, "%s %u-%u", dp_state_name(state), lo, hi);
	else
		snprintf(buf, len, "%s %u", dp_state_name(state), lo);
}

const char *port_dp_str(const struct port_info *p, char *buf, size_t len)
{
	char run[48];
	size_t used = 0;
	int i, j, w;

	if (!p->n_dp) {
		snprintf(buf, len, "-");
		return buf;
	}
	for (i = 1; i < p->n_dp && p->dp[i] == p->dp[0]; i++)
		;
	if (i == p->n_dp) {
		snprintf(buf, len, "%s", dp_state_name(p->dp[0]));
		return buf;
	}
	buf[0] = '\0';
	for (i = 0; i < p->n_dp; i = j) {
		for (j = i + 1; j < p->n_dp && p->dp[j] == p->dp[i]; j++)
			;
		dp_run(run, sizeof(run), p->dp[i], p->lane_first + i,
		       p->lane_first + j - 1);
		w = snprintf(buf + used, len - used, "%s%s", used ? "," : "",
			     run);
		if (w < 0 || (size_t)w >= len - used) {
			buf[used] = '\0';	/* whole runs only */
			break;
		}
		used += w;
	}
	return buf;
}

const char *port_speed_str(bool has, uint32_t mbps, char *buf, size_t len)
{
	if (!has)
		snprintf(buf, len, "any");
	else if (mbps >= 1000000)
		snprintf(buf, len, "%gT", mbps / 1e6);
	else if (mbps >= 1000)
		snprintf(buf, len, "%gG", mbps / 1e3);
	else
		snprintf(buf, len, "%uM", mbps);
	return buf;
}

/* "0-7", or "5" for one lane */
static void lanes_cell(struct table *t, uint32_t first, uint32_t count)
{
	if (count > 1)
		table_cell(t, "%u-%u", first, first + count - 1);
	else
		table_cell(t, "%u", first);
}

static void appsel_cell(struct table *t, bool has, uint8_t appsel)
{
	if (has)
		table_cell(t, "%u", appsel);
	else
		table_cell(t, "-");
}

enum { PCOL_CAGE, PCOL_PORT, PCOL_NETDEV, PCOL_LANES, PCOL_SPEED,
       PCOL_APPSEL, PCOL_ADMIN, PCOL_CARRIER, PCOL_DATAPATH, PCOL_PANEL,
       PCOL_SPLIT, PCOL_N };

void port_print_table(const struct port_info *p, int n, FILE *out)
{
	static const char *const head[PCOL_N] = {
		"CAGE", "PORT", "NETDEV", "LANES", "SPEED", "APPSEL", "ADMIN",
		"CARRIER", "DATAPATH", "PANEL", "SPLIT",
	};
	static const bool right[PCOL_N] = {
		[PCOL_CAGE] = true, [PCOL_PORT] = true, [PCOL_SPEED] = true,
		[PCOL_APPSEL] = true, [PCOL_PANEL] = true, [PCOL_SPLIT] = true,
	};
	char dp[512], cage[CAGE_NAME_LEN], speed[16];
	struct table t;
	int i;

	table_init(&t, PCOL_N, head, right);
	/* -o panel,split: the front-panel port and how it is split */
	t.hidden[PCOL_PANEL] = t.hidden[PCOL_SPLIT] = true;
	t.width = table_term_width(out);
	for (i = 0; i < n; i++) {
		table_row(&t);
		table_cell(&t, "%s", cage_ref_name(p[i].board, p[i].id, cage,
						   sizeof(cage)));
		table_cell(&t, "%u", p[i].index);
		table_cell(&t, "%s", p[i].ifname[0] ? p[i].ifname : "-");
		lanes_cell(&t, p[i].lane_first, p[i].lane_count);
		table_cell(&t, "%s", port_speed_str(p[i].has_speed, p[i].speed,
						    speed, sizeof(speed)));
		appsel_cell(&t, p[i].has_appsel, p[i].appsel);
		table_cell(&t, "%s", p[i].up ? "up" : "down");
		table_cell(&t, "%s", p[i].carrier ? "on" : "off");
		port_dp_str(&p[i], dp, sizeof(dp));
		/* the failure is what needs attention: after the states */
		if (p[i].dp_fail[0])
			table_cell(&t, "%s (failed: %s)", dp, p[i].dp_fail);
		else
			table_cell(&t, "%s", dp);
		if (p[i].has_panel)
			table_cell(&t, "%u", p[i].panel);
		else
			table_cell(&t, "-");
		if (p[i].has_split_count)
			table_cell(&t, "%u", p[i].split_count);
		else
			table_cell(&t, "-");
	}
	table_print(&t, out);
	table_free(&t);
}

void port_print_json(const struct port_info *p, int n, struct jw *jw)
{
	int i, l;

	jw_obj_open(jw);
	jw_name(jw, "ports");
	jw_arr_open(jw);
	for (i = 0; i < n; i++) {
		jw_obj_open(jw);
		jw_kv_uint(jw, "board", p[i].board);
		jw_kv_uint(jw, "cage", p[i].id);
		jw_kv_uint(jw, "port", p[i].index);
		if (p[i].ifindex)
			jw_kv_uint(jw, "ifindex", p[i].ifindex);
		if (p[i].ifname[0])
			jw_kv_string(jw, "netdev", p[i].ifname);
		jw_kv_uint(jw, "lane_first", p[i].lane_first);
		jw_kv_uint(jw, "lane_count", p[i].lane_count);
		if (p[i].has_panel)
			jw_kv_uint(jw, "panel", p[i].panel);
		if (p[i].has_subport)
			jw_kv_uint(jw, "subport", p[i].subport);
		if (p[i].has_split_count)
			jw_kv_uint(jw, "split_count", p[i].split_count);
		/* absent: any rate (the spec's absent speed) */
		if (p[i].has_speed)
			jw_kv_uint(jw, "speed_mbps", p[i].speed);
		if (p[i].has_appsel)
			jw_kv_uint(jw, "appsel", p[i].appsel);
		jw_kv_bool(jw, "up", p[i].up);
		jw_kv_bool(jw, "carrier", p[i].carrier);
		if (p[i].n_dp) {
			jw_name(jw, "dp_state");
			jw_arr_open(jw);
			for (l = 0; l < p[i].n_dp; l++)
				jw_string(jw, dp_state_name(p[i].dp[l]));
			jw_arr_close(jw);
		}
		if (p[i].dp_fail[0])
			jw_kv_string(jw, "dp_fail", p[i].dp_fail);
		jw_obj_close(jw);
	}
	jw_arr_close(jw);
	jw_obj_close(jw);
	jw_end(jw);
}

/* The plan's ports: NAME LANES SPEED APPSEL, and REACH with @reach */
static void plan_table(const struct plan_port *ports, int n, bool reach,
		       FILE *out)
{
	static const char *const head[] = {
		"NAME", "LANES", "SPEED", "APPSEL", "REACH",
	};
	static const bool right[] = { false, false, true, true, false };
	char speed[16];
	struct table t;
	int i;

	table_init(&t, reach ? 5 : 4, head, right);
	t.width = table_term_width(out);
	for (i = 0; i < n; i++) {
		const struct plan_port *p = &ports[i];

		table_row(&t);
		table_cell(&t, "%s", p->name[0] ? p->name : "-");
		lanes_cell(&t, p->lane_first, p->lane_count);
		table_cell(&t, "%s", port_speed_str(p->has_speed, p->speed,
						    speed, sizeof(speed)));
		appsel_cell(&t, p->has_appsel, p->appsel);
		if (reach)
			table_cell(&t, "%s", p->has_reach ?
				   reach_name(p->reach) : "-");
	}
	table_print(&t, out);
	table_free(&t);
}

void port_plan_print_table(const struct port_plan *pl, FILE *out)
{
	plan_table(pl->ports, pl->n, false, out);
	if (pl->dry_run)
		fputs("(dry run: nothing changed)\n", out);
}

/* "plan": the ports, in lane order; "reach" with @reach */
static void plan_json(const struct plan_port *ports, int n, bool reach,
		      struct jw *jw)
{
	int i;

	jw_name(jw, "plan");
	jw_arr_open(jw);
	for (i = 0; i < n; i++) {
		const struct plan_port *p = &ports[i];

		jw_obj_open(jw);
		if (p->name[0])
			jw_kv_string(jw, "netdev", p->name);
		jw_kv_uint(jw, "lane_first", p->lane_first);
		jw_kv_uint(jw, "lane_count", p->lane_count);
		if (p->has_speed)
			jw_kv_uint(jw, "speed_mbps", p->speed);
		if (p->has_appsel)
			jw_kv_uint(jw, "appsel", p->appsel);
		if (reach && p->has_reach)
			jw_kv_string(jw, "reach", reach_name(p->reach));
		jw_obj_close(jw);
	}
	jw_arr_close(jw);
}

void port_plan_print_json(const struct port_plan *pl, struct jw *jw)
{
	jw_obj_open(jw);
	jw_kv_uint(jw, "board", pl->board);
	jw_kv_uint(jw, "cage", pl->id);
	if (pl->has_panel)
		jw_kv_uint(jw, "panel", pl->panel);
	jw_kv_string(jw, "operation", pl->split ? "split" : "unsplit");
	if (pl->split && pl->mode)
		jw_kv_string(jw, "mode", pl->mode);
	jw_kv_bool(jw, "dry_run", pl->dry_run);
	plan_json(pl->ports, pl->n, false, jw);
	jw_obj_close(jw);
	jw_end(jw);
}

void reach_print_table(const struct reach_plan *rp, FILE *out)
{
	char cage[CAGE_NAME_LEN];

	fprintf(out, "cage %s: reach profile %s\n",
		cage_ref_name(rp->board, rp->id, cage, sizeof(cage)),
		rp->has_reach ? reach_name(rp->reach) : "any");
	plan_table(rp->ports, rp->n, true, out);
	if (rp->set && rp->dry_run)
		fputs("(dry run: nothing changed)\n", out);
}

void reach_print_json(const struct reach_plan *rp, struct jw *jw)
{
	jw_obj_open(jw);
	jw_kv_uint(jw, "board", rp->board);
	jw_kv_uint(jw, "cage", rp->id);
	/* the spec's name; null: any (the kernel's absent reach) */
	jw_name(jw, "reach");
	if (rp->has_reach)
		jw_string(jw, reach_name(rp->reach));
	else
		jw_null(jw);
	if (rp->set)
		jw_kv_bool(jw, "dry_run", rp->dry_run);
	plan_json(rp->ports, rp->n, true, jw);
	jw_obj_close(jw);
	jw_end(jw);
}
