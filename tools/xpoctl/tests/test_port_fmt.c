// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl port show` output (table and JSON) from ports built here, against
 * golden files: netdev names (one renamed, one in another namespace), lane
 * ranges, admin state and carrier, data path states that agree, differ
 * and are unknown, a split front-panel port (subports, their rate and
 * AppSel), a failed data path; the plan of port split and unsplit; and
 * the profile and plan of reach show and reach set.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <linux/xpo.h>

#include "harness.h"
#include "../port_fmt.h"

static void port(struct port_info *p, uint32_t board, uint32_t id,
		 uint32_t index, const char *name, uint32_t dp)
{
	int i;

	memset(p, 0, sizeof(*p));
	p->board = board;
	p->id = id;
	p->index = index;
	if (name) {
		p->ifindex = 10 + 8 * id + index;
		snprintf(p->ifname, sizeof(p->ifname), "%s", name);
	}
	p->lane_first = 8 * index;
	p->lane_count = 8;
	if (dp) {
		p->n_dp = 8;
		for (i = 0; i < 8; i++)
			p->dp[i] = dp;
	}
}

#define NPORTS 6

static void ports(struct port_info *p)
{
	int i;

	/* up, carrier, all lanes activated */
	port(&p[0], 0, 3, 0, "xpo3p0", XPO_DP_STATE_ACTIVATED);
	p[0].up = p[0].carrier = true;
	/* renamed by udev, down: lanes deactivated */
	port(&p[1], 0, 3, 1, "swp3s1", XPO_DP_STATE_DEACTIVATED);
	/* going up: half its lanes there */
	port(&p[2], 0, 3, 2, "xpo3p2", XPO_DP_STATE_ACTIVATED);
	p[2].up = true;
	p[2].dp[4] = p[2].dp[5] = p[2].dp[6] = XPO_DP_STATE_INIT;
	p[2].dp[7] = XPO_DP_STATE_TX_TURN_ON;
	/* in another network namespace, no module read yet, board 1 */
	port(&p[3], 1, 0, 7, NULL, 0);
	/* panel 5 split 2x800G: subport 1 on lanes 44-47, AppSel 2 */
	port(&p[4], 0, 3, 6, "xpo3p5s1", XPO_DP_STATE_ACTIVATED);
	p[4].lane_first = 44;
	p[4].lane_count = 4;
	p[4].n_dp = 4;
	p[4].up = p[4].carrier = true;
	p[4].has_subport = p[4].has_split_count = true;
	p[4].subport = 1;
	p[4].split_count = 2;
	p[4].has_speed = p[4].has_appsel = true;
	p[4].speed = 800000;
	p[4].appsel = 2;
	/* its configuration rejected: up, no carrier, the reason */
	port(&p[5], 0, 3, 7, "xpo3p6", XPO_DP_STATE_DEACTIVATED);
	p[5].up = true;
	p[5].has_appsel = true;
	p[5].appsel = 1;
	snprintf(p[5].dp_fail, sizeof(p[5].dp_fail), "rejected: ConfigStatus 2");
	for (i = 0; i < 6; i++)
		if (i != 3) {
			p[i].has_panel = true;
			p[i].panel = i == 4 ? 5 : i == 5 ? 6 : p[i].index;
		}
	p[0].has_split_count = p[1].has_split_count = true;
	p[0].split_count = p[1].split_count = 1;
}

static char *render(const struct port_info *p, int n)
{
	struct capture c;

	capture_begin(&c);
	port_print_table(p, n, c.f);
	return capture_end(&c);
}

static void test_table(void **state)
{
	struct port_info p[NPORTS];
	char *s;

	(void)state;
	ports(p);
	s = render(p, NPORTS);
	golden_check("ports-table.txt", s);
	free(s);
}

static void test_json(void **state)
{
	struct port_info p[NPORTS];
	struct capture c;
	struct jw jw;
	char *s;

	(void)state;
	ports(p);
	capture_begin(&c);
	jw_init(&jw, c.f, true);
	port_print_json(p, NPORTS, &jw);
	s = capture_end(&c);
	golden_check("ports.json", s);
	free(s);
}

static void test_dp_str(void **state)
{
	struct port_info p;
	char buf[64];

	(void)state;
	port(&p, 0, 0, 1, "xpo0p1", XPO_DP_STATE_ACTIVATED);
	assert_string_equal(port_dp_str(&p, buf, sizeof(buf)), "activated");
	/* runs named by host lane: port 1 carries lanes 8-15 */
	p.dp[0] = XPO_DP_STATE_INIT;
	p.dp[7] = 0;
	assert_string_equal(port_dp_str(&p, buf, sizeof(buf)),
			    "init 8,activated 9-14,unknown 15");
	/* cut at a run, never inside one */
	assert_string_equal(port_dp_str(&p, buf, 21), "init 8");
	p.n_dp = 0;
	assert_string_equal(port_dp_str(&p, buf, sizeof(buf)), "-");
	assert_string_equal(dp_state_name(XPO_DP_STATE_TX_TURN_OFF),
			    "tx-turn-off");
	assert_string_equal(dp_state_name(8), "unknown");
}

/* what port-split answers for panel 5 2x800G, and unsplit without a module */
static void plans(struct port_plan *split, struct port_plan *unsplit,
		  struct plan_port *sp, struct plan_port *up)
{
	int i;

	memset(split, 0, sizeof(*split));
	memset(sp, 0, 2 * sizeof(*sp));
	split->id = 3;
	split->split = true;
	split->has_panel = true;
	split->panel = 5;
	split->mode = "2x800G";
	split->n = 2;
	split->ports = sp;
	for (i = 0; i < 2; i++) {
		snprintf(sp[i].name, sizeof(sp[i].name), "xpo3p5s%d", i);
		sp[i].lane_first = 40 + 4 * i;
		sp[i].lane_count = 4;
		sp[i].has_speed = sp[i].has_appsel = true;
		sp[i].speed = 800000;
		sp[i].appsel = 2;
	}
	memset(unsplit, 0, sizeof(*unsplit));
	memset(up, 0, 3 * sizeof(*up));
	unsplit->board = 1;
	unsplit->id = 2;
	unsplit->dry_run = true;
	unsplit->n = 3;
	unsplit->ports = up;
	for (i = 0; i < 3; i++) {
		snprintf(up[i].name, sizeof(up[i].name), "xpob1c2p%d", 2 * i);
		up[i].lane_first = 16 * i;
		up[i].lane_count = 8;
	}
	/* a 1.6T port, a one-lane port */
	up[1].has_speed = true;
	up[1].speed = 1600000;
	up[2].lane_count = 1;
	up[2].has_speed = true;
	up[2].speed = 100;
}

static void test_plan_table(void **state)
{
	struct port_plan a, b;
	struct plan_port pa[2], pb[3];
	struct capture c;
	char *s;

	(void)state;
	plans(&a, &b, pa, pb);
	capture_begin(&c);
	port_plan_print_table(&a, c.f);
	fputs("--\n", c.f);
	port_plan_print_table(&b, c.f);
	s = capture_end(&c);
	golden_check("port-plan.txt", s);
	free(s);
}

static void test_plan_json(void **state)
{
	struct port_plan a, b;
	struct plan_port pa[2], pb[3];
	struct capture c;
	struct jw jw;
	char *s;

	(void)state;
	plans(&a, &b, pa, pb);
	capture_begin(&c);
	jw_init(&jw, c.f, true);
	port_plan_print_json(&a, &jw);
	s = capture_end(&c);
	golden_check("port-split.json", s);
	free(s);
	capture_begin(&c);
	jw_init(&jw, c.f, true);
	port_plan_print_json(&b, &jw);
	s = capture_end(&c);
	golden_check("port-unsplit.json", s);
	free(s);
}

/*
 * reach show on a DR8 (no profile chosen: every port DR, AppSel 1); reach
 * set zr-plus --dry-run on a coherent module split 32x400G (cage 2 of
 * board 1, four of its ports); reach set dr on an empty cage (kept, no
 * module to ask: no AppSel, no reach)
 */
#define SHOW_N 8
#define SET_N 4
#define EMPTY_N 2

static void reach_plans(struct reach_plan *show, struct plan_port *sp,
			struct reach_plan *set, struct plan_port *tp,
			struct reach_plan *empty, struct plan_port *ep)
{
	int i;

	memset(show, 0, sizeof(*show));
	memset(sp, 0, SHOW_N * sizeof(*sp));
	show->id = 2;
	show->n = SHOW_N;
	show->ports = sp;
	for (i = 0; i < SHOW_N; i++) {
		snprintf(sp[i].name, sizeof(sp[i].name), "xpo2p%d", i);
		sp[i].lane_first = 8 * i;
		sp[i].lane_count = 8;
		sp[i].has_appsel = sp[i].has_reach = true;
		sp[i].appsel = 1;
		sp[i].reach = XPO_REACH_DR;
	}
	memset(set, 0, sizeof(*set));
	memset(tp, 0, SET_N * sizeof(*tp));
	set->board = 1;
	set->id = 2;
	set->set = set->dry_run = true;
	set->has_reach = true;
	set->reach = XPO_REACH_ZR_PLUS;
	set->n = SET_N;
	set->ports = tp;
	for (i = 0; i < SET_N; i++) {
		snprintf(tp[i].name, sizeof(tp[i].name), "xpob1c2p%ds%d",
			 i / 4 * 4, i % 4);
		tp[i].lane_first = 2 * i;
		tp[i].lane_count = 2;
		tp[i].has_speed = tp[i].has_appsel = tp[i].has_reach = true;
		tp[i].speed = 400000;
		tp[i].appsel = 2;
		tp[i].reach = XPO_REACH_ZR_PLUS;
	}
	memset(empty, 0, sizeof(*empty));
	memset(ep, 0, EMPTY_N * sizeof(*ep));
	empty->id = 9;
	empty->set = true;
	empty->has_reach = true;
	empty->reach = XPO_REACH_DR;
	empty->n = EMPTY_N;
	empty->ports = ep;
	for (i = 0; i < EMPTY_N; i++) {
		snprintf(ep[i].name, sizeof(ep[i].name), "xpo9p%d", i);
		ep[i].lane_first = 8 * i;
		ep[i].lane_count = 8;
	}
}

static void test_reach_table(void **state)
{
	struct reach_plan show, set, empty;
	struct plan_port sp[SHOW_N], tp[SET_N], ep[EMPTY_N];
	struct capture c;
	char *s;

	(void)state;
	reach_plans(&show, sp, &set, tp, &empty, ep);
	capture_begin(&c);
	reach_print_table(&show, c.f);
	fputs("--\n", c.f);
	reach_print_table(&set, c.f);
	fputs("--\n", c.f);
	reach_print_table(&empty, c.f);
	/* reach show has no dry run to say, whatever the flag */
	show.dry_run = true;
	fputs("--\n", c.f);
	show.n = 1;
	reach_print_table(&show, c.f);
	s = capture_end(&c);
	golden_check("reach-table.txt", s);
	free(s);
}

static void test_reach_json(void **state)
{
	static const char *const golden[] = {
		"reach-show.json", "reach-set.json", "reach-set-empty.json",
	};
	struct reach_plan rp[3];
	struct plan_port sp[SHOW_N], tp[SET_N], ep[EMPTY_N];
	struct capture c;
	struct jw jw;
	char *s;
	int i;

	(void)state;
	reach_plans(&rp[0], sp, &rp[1], tp, &rp[2], ep);
	for (i = 0; i < 3; i++) {
		capture_begin(&c);
		jw_init(&jw, c.f, true);
		reach_print_json(&rp[i], &jw);
		s = capture_end(&c);
		golden_check(golden[i], s);
		free(s);
	}
	/* the same document unindented: one line */
	capture_begin(&c);
	jw_init(&jw, c.f, false);
	reach_print_json(&rp[0], &jw);
	s = capture_end(&c);
	assert_non_null(strstr(s, "{\"board\":0,\"cage\":2,\"reach\":null,\"plan\":[{\"netdev\":\"xpo2p0\""));
	assert_null(strstr(s, "dry_run"));
	assert_int_equal(strchr(s, '\n') - s + 1, (long)strlen(s));
	free(s);
}

static void test_speed_str(void **state)
{
	char b[16];

	(void)state;
	assert_string_equal(port_speed_str(true, 800000, b, sizeof(b)), "800G");
	assert_string_equal(port_speed_str(true, 1600000, b, sizeof(b)), "1.6T");
	assert_string_equal(port_speed_str(true, 3200000, b, sizeof(b)), "3.2T");
	assert_string_equal(port_speed_str(true, 2000000, b, sizeof(b)), "2T");
	assert_string_equal(port_speed_str(true, 25000, b, sizeof(b)), "25G");
	assert_string_equal(port_speed_str(true, 26562, b, sizeof(b)), "26.562G");
	assert_string_equal(port_speed_str(true, 100, b, sizeof(b)), "100M");
	assert_string_equal(port_speed_str(false, 800000, b, sizeof(b)), "any");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_dp_str),
		cmocka_unit_test(test_plan_table),
		cmocka_unit_test(test_plan_json),
		cmocka_unit_test(test_speed_str),
		cmocka_unit_test(test_reach_table),
		cmocka_unit_test(test_reach_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
