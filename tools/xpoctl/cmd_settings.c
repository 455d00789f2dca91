// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl port si show|set` and `xpoctl port tune show|set`: a port's
 * host-side signal integrity (si-get, si-set) and its laser tuning
 * (tune-get, tune-set), as a table or JSON.  A set prints what the module
 * has after it (the kernel replies as the get).  Lanes are the port's,
 * numbered from 1 as CMIS does; media lanes likewise.  The kernel checks
 * every request against the module's advertisement and its refusal is
 * printed as it says it (Documentation/ports.rst).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/xpo.h>

#include "nl.h"
#include "xpo_ynl.h"
#include "util.h"
#include "xpoctl.h"

/* The si-caps controls bits (the kernel's enum xpo_si_field) */
#define SI_TX_ADAPTIVE	(1u << 0)
#define SI_TX_EQ	(1u << 2)


struct set_ctx {
	const struct settings_args *a;
	bool si, set, replied;
	struct xpo_si_get_rsp *si_rsp;
	struct xpo_tune_get_rsp *tune_rsp;
};

static const char *set_attr_name(int type)
{
	switch (type) {
	case XPO_A_PORT_ID:		return "id";
	case XPO_A_PORT_BOARD:		return "board";
	case XPO_A_PORT_INDEX:		return "index";
	case XPO_A_PORT_LANES:		return "lanes";
	case XPO_A_PORT_SI_TX_EQ:	return "txeq";
	case XPO_A_PORT_SI_TX_ADAPTIVE:	return "adaptive";
	case XPO_A_PORT_SI_RX_PRE:	return "pre";
	case XPO_A_PORT_SI_RX_POST:	return "post";
	case XPO_A_PORT_SI_RX_AMP:	return "amp";
	case XPO_A_PORT_TUNE_GRID:	return "grid";
	case XPO_A_PORT_TUNE_CHANNEL:	return "channel";
	case XPO_A_PORT_TUNE_FREQ:	return "freq";
	case XPO_A_PORT_TUNE_POWER:	return "power";
	default:			return NULL;
	}
}

static int build_set(struct nlmsghdr *nlh, void *arg)
{
	const struct set_ctx *s = arg;
	const struct settings_args *a = s->a;

	ynl_attr_put_u32(nlh, XPO_A_PORT_ID, a->cage.id);
	ynl_attr_put_u32(nlh, XPO_A_PORT_BOARD, a->cage.board);
	ynl_attr_put_u32(nlh, XPO_A_PORT_INDEX, a->index);
	if (!s->set)
		return 0;	/* a get takes the port only */
	if (a->lanes)
		ynl_attr_put_u32(nlh, XPO_A_PORT_LANES, a->lanes);
	if (a->tx_adaptive >= 0)
		ynl_attr_put_u8(nlh, XPO_A_PORT_SI_TX_ADAPTIVE, a->tx_adaptive);
	if (a->tx_eq >= 0)
		ynl_attr_put_u8(nlh, XPO_A_PORT_SI_TX_EQ, a->tx_eq);
	if (a->pre >= 0)
		ynl_attr_put_u8(nlh, XPO_A_PORT_SI_RX_PRE, a->pre);
	if (a->post >= 0)
		ynl_attr_put_u8(nlh, XPO_A_PORT_SI_RX_POST, a->post);
	if (a->amp >= 0)
		ynl_attr_put_u8(nlh, XPO_A_PORT_SI_RX_AMP, a->amp);
	if (a->grid_mhz)
		ynl_attr_put_u32(nlh, XPO_A_PORT_TUNE_GRID, a->grid_mhz);
	if (a->has_channel)
		ynl_attr_put_s32(nlh, XPO_A_PORT_TUNE_CHANNEL, a->channel);
	if (a->has_freq)
		ynl_attr_put_u32(nlh, XPO_A_PORT_TUNE_FREQ, a->freq);
	if (a->has_power)
		ynl_attr_put_s32(nlh, XPO_A_PORT_TUNE_POWER, a->power);
	return 0;
}

/* si-get and si-set reply alike, and so do tune-get and tune-set */
static int set_reply(const struct nlmsghdr *nlh, void *arg)
{
	struct set_ctx *s = arg;
	char why[128];

	if (s->replied)
		return 0;
	if (s->si) {
		s->si_rsp = xzalloc(sizeof(*s->si_rsp));
		if (xnl_parse(nlh, xpo_si_get_rsp_parse, &xpo_port_nest,
			      s->si_rsp, why, sizeof(why)))
			return xnl_bad_reply(why);
	} else {
		s->tune_rsp = xzalloc(sizeof(*s->tune_rsp));
		if (xnl_parse(nlh, xpo_tune_get_rsp_parse, &xpo_port_nest,
			      s->tune_rsp, why, sizeof(why)))
			return xnl_bad_reply(why);
	}
	s->replied = true;
	return 0;
}

static const char *const si_control_names[] = {
	"adaptive", "recall", "txeq", "tx-cdr", "rx-cdr", "pre", "post", "amp",
};

static void si_print_table(const struct settings_args *a,
			   const struct xpo_si_get_rsp *r, FILE *out)
{
	const struct xpo_si_caps *c = &r->si_caps;
	char name[CAGE_NAME_LEN];
	unsigned int i, n = 0;

	fprintf(out, "cage %s port %u: host lanes %u-%u\n",
		cage_ref_name(a->cage.board, a->cage.id, name, sizeof(name)),
		a->index, r->lane_first, r->lane_first + r->lane_count - 1);
	fputs("controls:", out);
	for (i = 0; i < 8; i++) {
		if (!(c->controls & (1u << i)))
			continue;
		n++;
		fprintf(out, " %s", si_control_names[i]);
		if (i == 2)
			fprintf(out, "(0-%u)", c->tx_eq_max);
		else if (i == 5)
			fprintf(out, "(0-%u)", c->rx_pre_max);
		else if (i == 6)
			fprintf(out, "(0-%u)", c->rx_post_max);
		else if (i == 7) {
			unsigned int k, first = 1;

			fputc('(', out);
			for (k = 0; k < 4; k++)
				if (c->rx_amp_codes & (1u << k)) {
					fprintf(out, "%s%u", first ? "" : ",", k);
					first = 0;
				}
			fputc(')', out);
		}
	}
	fputs(n ? "\n" : " none\n", out);
	fprintf(out, "%4s %4s %5s %8s %4s %4s %4s %8s\n", "LANE", "HOST",
		"TXEQ", "ADAPTIVE", "PRE", "POST", "AMP", "EXPLICIT");
	for (i = 0; i < r->n_si_lane; i++) {
		const struct xpo_si_lane *l = &r->si_lane[i];

		fprintf(out, "%4u %4u %5u %8s %4u %4u %4u %8s\n", i + 1,
			l->lane, l->tx_eq,
			!(c->controls & SI_TX_ADAPTIVE) ? "-" :
			l->tx_adaptive ? "on" : "off",
			l->rx_pre, l->rx_post, l->rx_amp,
			l->explicit ? "yes" : "no");
	}
}

static void si_print_json(const struct settings_args *a,
			  const struct xpo_si_get_rsp *r, struct jw *jw)
{
	const struct xpo_si_caps *c = &r->si_caps;
	unsigned int i;

	jw_obj_open(jw);
	jw_kv_uint(jw, "board", a->cage.board);
	jw_kv_uint(jw, "cage", a->cage.id);
	jw_kv_uint(jw, "port", a->index);
	jw_kv_uint(jw, "lane-first", r->lane_first);
	jw_kv_uint(jw, "lane-count", r->lane_count);
	jw_name(jw, "controls");
	jw_arr_open(jw);
	for (i = 0; i < 8; i++)
		if (c->controls & (1u << i))
			jw_string(jw, si_control_names[i]);
	jw_arr_close(jw);
	jw_kv_uint(jw, "tx-eq-max", c->tx_eq_max);
	jw_kv_uint(jw, "rx-pre-max", c->rx_pre_max);
	jw_kv_uint(jw, "rx-post-max", c->rx_post_max);
	jw_kv_uint(jw, "rx-amp-codes", c->rx_amp_codes);
	jw_name(jw, "lanes");
	jw_arr_open(jw);
	for (i = 0; i < r->n_si_lane; i++) {
		const struct xpo_si_lane *l = &r->si_lane[i];

		jw_obj_open(jw);
		jw_kv_uint(jw, "lane", i + 1);
		jw_kv_uint(jw, "host-lane", l->lane);
		jw_kv_uint(jw, "tx-eq", l->tx_eq);
		jw_kv_bool(jw, "tx-adaptive", l->tx_adaptive);
		jw_kv_bool(jw, "tx-cdr", l->tx_cdr);
		jw_kv_bool(jw, "rx-cdr", l->rx_cdr);
		jw_kv_uint(jw, "rx-pre", l->rx_pre);
		jw_kv_uint(jw, "rx-post", l->rx_post);
		jw_kv_uint(jw, "rx-amp", l->rx_amp);
		jw_kv_bool(jw, "explicit", l->explicit);
		jw_obj_close(jw);
	}
	jw_arr_close(jw);
	jw_obj_close(jw);
	jw_end(jw);
}

/* "193.250" THz from MHz; "75" or "6.25" GHz from MHz */
static void print_thz(FILE *out, uint32_t mhz)
{
	fprintf(out, "%u.%06u", mhz / 1000000, mhz % 1000000);
}

static void print_ghz(FILE *out, uint32_t mhz)
{
	if (mhz == 33333)
		fputs("33", out);
	else if (mhz % 1000)
		fprintf(out, "%g", mhz / 1000.0);
	else
		fprintf(out, "%u", mhz / 1000);
}

static void print_dbm(FILE *out, int32_t p)
{
	fprintf(out, "%c%d.%02d", p < 0 ? '-' : '+', abs(p) / 100, abs(p) % 100);
}

static void tune_print_table(const struct settings_args *a,
			     const struct xpo_tune_get_rsp *r, FILE *out)
{
	const struct xpo_tune_caps *c = &r->tune_caps;
	char name[CAGE_NAME_LEN];
	unsigned int i;

	fprintf(out, "cage %s port %u:\n",
		cage_ref_name(a->cage.board, a->cage.id, name, sizeof(name)),
		a->index);
	for (i = 0; i < c->n_grid; i++) {
		const struct xpo_tune_grid *g = &c->grid[i];

		fputs("grid ", out);
		print_ghz(out, g->spacing);
		fprintf(out, " GHz: channels %d..%d, ", g->channel_low,
			g->channel_high);
		print_thz(out, g->freq_low);
		fputs("-", out);
		print_thz(out, g->freq_high);
		fputs(" THz\n", out);
	}
	if (c->_present.power_min && c->_present.power_max) {
		fputs("output power: ", out);
		print_dbm(out, c->power_min);
		fputs("..", out);
		print_dbm(out, c->power_max);
		fputs(" dBm\n", out);
	}
	fprintf(out, "%5s %6s %8s %12s %7s %s\n", "MEDIA", "GRID", "CHANNEL",
		"FREQ(THz)", "POWER", "STATUS");
	for (i = 0; i < r->n_tune_lane; i++) {
		const struct xpo_tune_lane *l = &r->tune_lane[i];

		char g[16];

		if (l->grid == 33333)
			snprintf(g, sizeof(g), "33");
		else if (l->grid % 1000)
			snprintf(g, sizeof(g), "%g", l->grid / 1000.0);
		else
			snprintf(g, sizeof(g), "%u", l->grid / 1000);
		fprintf(out, "%5u %6s %8d %5u.%06u %c%3d.%02d ",
			l->media_lane + 1, g, l->channel, l->freq / 1000000,
			l->freq % 1000000, l->power < 0 ? '-' : '+',
			abs(l->power) / 100, abs(l->power) % 100);
		fprintf(out, "%s\n", l->tuning ? "tuning" :
			l->unlocked ? "unlocked" : "locked");
	}
}

static void tune_print_json(const struct settings_args *a,
			    const struct xpo_tune_get_rsp *r, struct jw *jw)
{
	const struct xpo_tune_caps *c = &r->tune_caps;
	unsigned int i;

	jw_obj_open(jw);
	jw_kv_uint(jw, "board", a->cage.board);
	jw_kv_uint(jw, "cage", a->cage.id);
	jw_kv_uint(jw, "port", a->index);
	jw_name(jw, "grids");
	jw_arr_open(jw);
	for (i = 0; i < c->n_grid; i++) {
		const struct xpo_tune_grid *g = &c->grid[i];

		jw_obj_open(jw);
		jw_kv_uint(jw, "spacing", g->spacing);
		jw_kv_int(jw, "channel-low", g->channel_low);
		jw_kv_int(jw, "channel-high", g->channel_high);
		jw_kv_uint(jw, "freq-low", g->freq_low);
		jw_kv_uint(jw, "freq-high", g->freq_high);
		jw_obj_close(jw);
	}
	jw_arr_close(jw);
	jw_name(jw, "power-min");
	if (c->_present.power_min)
		jw_int(jw, c->power_min);
	else
		jw_null(jw);
	jw_name(jw, "power-max");
	if (c->_present.power_max)
		jw_int(jw, c->power_max);
	else
		jw_null(jw);
	jw_name(jw, "lanes");
	jw_arr_open(jw);
	for (i = 0; i < r->n_tune_lane; i++) {
		const struct xpo_tune_lane *l = &r->tune_lane[i];

		jw_obj_open(jw);
		jw_kv_uint(jw, "media-lane", l->media_lane + 1);
		jw_kv_uint(jw, "grid", l->grid);
		jw_kv_int(jw, "channel", l->channel);
		jw_kv_uint(jw, "freq", l->freq);
		jw_kv_int(jw, "power", l->power);
		jw_kv_bool(jw, "tuning", l->tuning);
		jw_kv_bool(jw, "unlocked", l->unlocked);
		jw_obj_close(jw);
	}
	jw_arr_close(jw);
	jw_obj_close(jw);
	jw_end(jw);
}

/* One get or set of a port's SI (@si) or tuning, its reply printed */
static int settings_run(struct xpoctl *x, bool si, bool set,
			const struct settings_args *a)
{
	char what[24 + CAGE_NAME_LEN], name[CAGE_NAME_LEN];
	struct set_ctx s = { .a = a, .si = si, .set = set };
	uint8_t cmd;
	int err, ret;

	ret = xpoctl_nl(x);
	if (ret)
		return ret;
	snprintf(what, sizeof(what), "cage %s port %u",
		 cage_ref_name(a->cage.board, a->cage.id, name, sizeof(name)),
		 a->index);
	if (si)
		cmd = set ? XPO_CMD_SI_SET : XPO_CMD_SI_GET;
	else
		cmd = set ? XPO_CMD_TUNE_SET : XPO_CMD_TUNE_GET;
	err = xnl_request(x->nl, cmd, false, build_set, set_reply, &s, what,
			  set_attr_name);
	if (!err && !s.replied) {
		fprintf(stderr, "xpoctl: %s: the kernel sent no reply\n", what);
		ret = XE_FAIL;
	} else if (err) {
		ret = errno_exit_code(err);
	} else if (si) {
		if (x->json)
			si_print_json(a, s.si_rsp, &x->jw);
		else
			si_print_table(a, s.si_rsp, stdout);
	} else {
		if (x->json)
			tune_print_json(a, s.tune_rsp, &x->jw);
		else
			tune_print_table(a, s.tune_rsp, stdout);
	}
	if (s.si_rsp)
		xpo_si_get_rsp_free(s.si_rsp);
	if (s.tune_rsp)
		xpo_tune_get_rsp_free(s.tune_rsp);
	return ret;
}

/* `txeq N` on a module with adaptive EQ also turns adaptive EQ off */
static int si_fixed_needs_adaptive_off(struct xpoctl *x, struct settings_args *a)
{
	struct set_ctx s = { .a = a, .si = true };
	int err;

	err = xnl_request(x->nl, XPO_CMD_SI_GET, false, build_set, set_reply,
			  &s, "port si set", set_attr_name);
	if (err)
		return errno_exit_code(err);
	if (s.replied && (s.si_rsp->si_caps.controls & SI_TX_ADAPTIVE))
		a->tx_adaptive = 0;
	if (s.si_rsp)
		xpo_si_get_rsp_free(s.si_rsp);
	return 0;
}

static int settings_cmd(struct xpoctl *x, bool si, int argc, char **argv)
{
	const char *obj = si ? "port si" : "port tune";
	struct settings_args a;
	int ret;

	settings_args_init(&a);
	if (argc < 1)
		return usage_error(x, "%s needs show or set", obj);
	if (matches(argv[0], "show")) {
		ret = settings_port_parse(x, si ? "port si show" :
					  "port tune show", argc - 1, argv + 1,
					  &a);
		if (!ret && argc > 3)
			ret = usage_error(x, "%s show: \"%s\" is unexpected",
					  obj, argv[3]);
		return ret ?: settings_run(x, si, false, &a);
	}
	if (strcmp(argv[0], "set"))
		return usage_error(x, "%s: \"%s\" is unknown (show, set)", obj,
				   argv[0]);
	ret = si ? port_si_set_parse(x, argc - 1, argv + 1, &a) :
		   port_tune_set_parse(x, argc - 1, argv + 1, &a);
	if (ret)
		return ret;
	if (si && a.tx_eq >= 0 && a.tx_adaptive < 0) {
		ret = xpoctl_nl(x);
		if (!ret)
			ret = si_fixed_needs_adaptive_off(x, &a);
		if (ret)
			return ret;
	}
	return settings_run(x, si, true, &a);
}

int cmd_port_si(struct xpoctl *x, int argc, char **argv)
{
	return settings_cmd(x, true, argc, argv);
}

int cmd_port_tune(struct xpoctl *x, int argc, char **argv)
{
	return settings_cmd(x, false, argc, argv);
}
