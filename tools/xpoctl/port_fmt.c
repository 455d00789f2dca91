// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl port show` output: a row per port (its netdev, the host lanes
 * it carries, admin state, carrier, its lanes' data path), or JSON with
 * the spec's names.  The netdev name is what the kernel's ifindex names
 * now (cmd_port.c resolves it): a netdev can be renamed.
 */
#include <stdio.h>
#include <string.h>

#include <linux/xpo.h>

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

void port_print_table(const struct port_info *p, int n, FILE *out)
{
	static const char *const head[] = {
		"CAGE", "PORT", "NETDEV", "LANES", "ADMIN", "CARRIER",
		"DATAPATH",
	};
	static const bool right[] = {
		true, true, false, false, false, false, false,
	};
	char dp[512], cage[CAGE_NAME_LEN];
	struct table t;
	int i;

	table_init(&t, 7, head, right);
	t.width = table_term_width(out);
	for (i = 0; i < n; i++) {
		table_row(&t);
		table_cell(&t, "%s", cage_ref_name(p[i].board, p[i].id, cage,
						   sizeof(cage)));
		table_cell(&t, "%u", p[i].index);
		table_cell(&t, "%s", p[i].ifname[0] ? p[i].ifname : "-");
		if (p[i].lane_count > 1)
			table_cell(&t, "%u-%u", p[i].lane_first,
				   p[i].lane_first + p[i].lane_count - 1);
		else
			table_cell(&t, "%u", p[i].lane_first);
		table_cell(&t, "%s", p[i].up ? "up" : "down");
		table_cell(&t, "%s", p[i].carrier ? "on" : "off");
		table_cell(&t, "%s", port_dp_str(&p[i], dp, sizeof(dp)));
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
		jw_kv_bool(jw, "up", p[i].up);
		jw_kv_bool(jw, "carrier", p[i].carrier);
		if (p[i].n_dp) {
			jw_name(jw, "dp_state");
			jw_arr_open(jw);
			for (l = 0; l < p[i].n_dp; l++)
				jw_string(jw, dp_state_name(p[i].dp[l]));
			jw_arr_close(jw);
		}
		jw_obj_close(jw);
	}
	jw_arr_close(jw);
	jw_obj_close(jw);
	jw_end(jw);
}
