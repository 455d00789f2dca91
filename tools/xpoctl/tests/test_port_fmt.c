// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl port show` output (table and JSON) from ports built here, against
 * golden files: netdev names (one renamed, one in another namespace), lane
 * ranges, admin state and carrier, data path states that agree, differ
 * and are unknown.
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

static void ports(struct port_info *p)
{
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
	struct port_info p[4];
	char *s;

	(void)state;
	ports(p);
	s = render(p, 4);
	golden_check("ports-table.txt", s);
	free(s);
}

static void test_json(void **state)
{
	struct port_info p[4];
	struct capture c;
	struct jw jw;
	char *s;

	(void)state;
	ports(p);
	capture_begin(&c);
	jw_init(&jw, c.f, true);
	port_print_json(p, 4, &jw);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_dp_str),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
