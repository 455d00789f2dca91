// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/xpo/cage<N>/state: everything about a cage in
 * "key: value" lines, for bug reports and tests.  The format is documented
 * in Documentation/cage-core.rst; keys are only ever added.
 */
#include <linux/debugfs.h>
#include <linux/netdevice.h>
#include <linux/seq_file.h>

#include "xpo_compat.h"
#include "xpo_core.h"
#include "xpo_port.h"

static struct dentry *xpo_debugfs_root;

static void xpo_debugfs_pin(struct seq_file *s, struct xpo_cage *cage,
			    const char *key, enum xpo_pin pin, bool output)
{
	int val;

	if (!cage->gpio[pin]) {
		seq_printf(s, "%s: -\n", key);
		return;
	}
	val = output ? cage->out[pin] : xpo_cage_pin_get(cage, pin);
	if (val < 0)
		seq_printf(s, "%s: error %d\n", key, val);
	else
		seq_printf(s, "%s: %d\n", key, val);
}

static void xpo_debugfs_identity(struct seq_file *s,
				 const struct xpo_identity *id)
{
	const struct xpo_cmis_app *app;
	unsigned int i;

	seq_printf(s, "identifier: 0x%02x (%s)\n", id->identifier,
		   xpo_cmis_identifier_name(id->identifier));
	seq_printf(s, "cmis_revision: %u.%u\n", id->rev_major, id->rev_minor);
	seq_printf(s, "memory: %s\n", id->flat ? "flat" : "paged");
	seq_printf(s, "vendor: %s\n", id->vendor);
	seq_printf(s, "oui: %02x:%02x:%02x\n", id->oui[0], id->oui[1],
		   id->oui[2]);
	seq_printf(s, "part_number: %s\n", id->part_number);
	seq_printf(s, "revision: %s\n", id->revision);
	seq_printf(s, "serial: %s\n", id->serial);
	seq_printf(s, "date_code: %s\n", id->date_code);
	seq_printf(s, "clei: %s\n", id->clei[0] ? id->clei : "-");
	seq_printf(s, "fw_active: %u.%u\n", id->fw_active_major,
		   id->fw_active_minor);
	if (id->has_page01) {
		seq_printf(s, "fw_inactive: %u.%u\n", id->fw_inactive_major,
			   id->fw_inactive_minor);
		seq_printf(s, "hw_revision: %u.%u\n", id->hw_major,
			   id->hw_minor);
	} else {
		seq_puts(s, "fw_inactive: -\nhw_revision: -\n");
	}
	if (id->has_thresholds) {
		seq_printf(s, "temp_thresholds_mdegc: %d %d %d %d\n",
			   xpo_cmis_temp_mdegc(id->thr.temp[XPO_THR_HALARM]),
			   xpo_cmis_temp_mdegc(id->thr.temp[XPO_THR_LALARM]),
			   xpo_cmis_temp_mdegc(id->thr.temp[XPO_THR_HWARN]),
			   xpo_cmis_temp_mdegc(id->thr.temp[XPO_THR_LWARN]));
		seq_printf(s, "vcc_thresholds_uv: %u %u %u %u\n",
			   id->thr.vcc[XPO_THR_HALARM] * 100,
			   id->thr.vcc[XPO_THR_LALARM] * 100,
			   id->thr.vcc[XPO_THR_HWARN] * 100,
			   id->thr.vcc[XPO_THR_LWARN] * 100);
	}
	seq_printf(s, "power_class: %u\n", id->power_class);
	seq_printf(s, "max_power_mw: %u\n", id->max_power_mw);
	seq_printf(s, "banks: %u\n", id->banks);
	seq_printf(s, "media_type: 0x%02x\n", id->media_type);
	seq_printf(s, "pwrup_max_ms: %d\n", xpo_cmis_pwrup_advertised_ms(id));
	seq_printf(s, "applications: %u\n", id->num_apps);
	for (i = 0; i < id->num_apps; i++) {
		app = &id->apps[i];
		seq_printf(s, "app%u: host 0x%02x media 0x%02x lanes %u/%u host_assign 0x%02x media_assign 0x%02x\n",
			   i + 1, app->host_if, app->media_if, app->host_lanes,
			   app->media_lanes, app->host_assign,
			   app->media_assign);
	}
}

/* The latched module flags of the last read, by name */
static void xpo_debugfs_module_flags(struct seq_file *s, const u8 *flags)
{
	const char *names[32];
	unsigned int i, n;

	n = xpo_cmis_module_flag_names(flags, names, ARRAY_SIZE(names));
	seq_puts(s, "module_flags_set:");
	for (i = 0; i < n; i++)
		seq_printf(s, " %s", names[i]);
	seq_puts(s, n ? "\n" : " -\n");
}

/* Ports, lanes and carrier: sm_lock held */
static void xpo_debugfs_ports(struct seq_file *s, struct xpo_cage *cage)
{
	const struct xpo_cage_dp *d;
	struct xpo_attach *att;
	unsigned int b, lane, i;
	u8 dp;

	seq_printf(s, "power_policy: %s\n",
		   cage->power_policy == XPO_POWER_POLICY_AUTO ? "auto" :
		   "high");
	seq_printf(s, "ports: %u\n", cage->layout.num_ports);
	seq_puts(s, "attached:");
	list_for_each_entry(att, &cage->attached, node)
		seq_printf(s, " %u:%s", att->lane, netdev_name(att->netdev));
	seq_puts(s, "\n");
	seq_printf(s, "ports_up: 0x%02llx\n", cage->ports_up);
	seq_printf(s, "carrier: 0x%02llx\n", cage->carrier);
	seq_printf(s, "dp_late: 0x%02llx\n", cage->dp_late);
	xpo_guard_debugfs_show(s, cage);

	/* the data paths, as their machines (xpo_dp.c) see them */
	for (i = 0; i < cage->num_dps; i++) {
		d = &cage->dps[i];
		seq_printf(s, "dp%u: port %u lanes %u-%u appsel %u %s",
			   i, d->port, d->m.first_lane + 1,
			   d->m.first_lane + d->m.lane_count, d->m.appsel,
			   xpo_dp_state_name(d->m.state));
		if (d->m.state == XPO_DP_S_FAILED)
			seq_printf(s, " (%s in %s, code %u)",
				   xpo_dp_fail_name(d->m.fail),
				   xpo_dp_state_name(d->m.fail_step),
				   d->m.fail_code);
		seq_puts(s, "\n");
	}

	/* lanes of each bank, as last read: states lane 1..8, then flags */
	for (b = 0; b < XPO_BANKS; b++) {
		seq_printf(s, "bank%u_dp_state:", b);
		for (lane = 0; lane < CMIS_LANES_PER_BANK; lane++) {
			dp = xpo_cmis_dp_state(cage->dp_state[b], lane);
			seq_printf(s, " %s", xpo_cmis_dp_state_name(dp));
		}
		seq_puts(s, "\n");
		seq_printf(s, "bank%u_lane_flags:", b);
		for (i = 0; i < CMIS_P11_LANE_FLAGS_LEN; i++)
			if (cage->lane_flags[b][i])
				seq_printf(s, " %s=0x%02x",
					   xpo_cmis_lane_flag_name(i),
					   cage->lane_flags[b][i]);
		seq_puts(s, "\n");
	}
}

static int xpo_debugfs_state_show(struct seq_file *s, void *data)
{
	struct xpo_cage *cage = s->private;
	struct xpo_cage_stats stats;
	const struct xpo_sm *sm;
	u64 tlm_refreshes;

	mutex_lock(&cage->sm_lock);
	sm = &cage->sm;
	seq_printf(s, "board: %u\n", cage->board_nr);
	seq_printf(s, "cage: %u\n", cage->nr);
	seq_printf(s, "state: %s\n", xpo_sm_state_name(sm->state));
	seq_printf(s, "previous_state: %s\n",
		   xpo_sm_state_name(sm->prev_state));
	seq_printf(s, "fault_reason: %s\n", xpo_fault_name(sm->fault));
	seq_printf(s, "fault_cause: 0x%02x\n", cage->fault_cause);
	xpo_debugfs_pin(s, cage, "present", XPO_PIN_PRESENT, false);
	xpo_debugfs_pin(s, cage, "int", XPO_PIN_INT, false);
	xpo_debugfs_pin(s, cage, "leak", XPO_PIN_LEAK, false);
	xpo_debugfs_pin(s, cage, "reset", XPO_PIN_RESET, true);
	xpo_debugfs_pin(s, cage, "lpmode", XPO_PIN_LPMODE, true);
	xpo_debugfs_pin(s, cage, "power", XPO_PIN_POWER, true);
	if (cage->module_state)
		seq_printf(s, "module_state: %s\n",
			   xpo_cmis_module_state_name(cage->module_state));
	else
		seq_puts(s, "module_state: -\n");
	seq_printf(s, "irq: %s\n", cage->need_poll ? "poll" : "yes");
	seq_printf(s, "timer: %s\n", sm->timer_armed ? "armed" : "idle");
	seq_printf(s, "probe_tries: %u\n", sm->probe_tries);
	seq_printf(s, "io_errors: %u\n", sm->io_errors);
	seq_printf(s, "pwrup_timeout_ms: %u\n", sm->pwrup_timeout_ms);
	seq_printf(s, "cage_max_power_mw: %u\n", cage->max_power_mw);
	seq_printf(s, "module_flags: %*ph\n", (int)sizeof(cage->mod_flags),
		   cage->mod_flags);
	seq_printf(s, "telemetry_flags: %*ph\n", (int)sizeof(cage->tlm_flags),
		   cage->tlm_flags);
	xpo_debugfs_module_flags(s, cage->mod_flags);
	xpo_debugfs_ports(s, cage);
	xpo_protect_debugfs_show(s, cage);

	mutex_lock(&cage->io_lock);
	stats = cage->stats;
	tlm_refreshes = cage->tlm.refreshes;
	mutex_unlock(&cage->io_lock);
	seq_printf(s, "telemetry_refreshes: %llu\n", tlm_refreshes);
	seq_printf(s, "transfers: %llu\n", stats.transfers);
	seq_printf(s, "retries: %llu\n", stats.retries);
	seq_printf(s, "errors: %llu\n", stats.errors);

	/* written with sm_lock held too */
	if (cage->id_valid)
		xpo_debugfs_identity(s, &cage->id);
	mutex_unlock(&cage->sm_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(xpo_debugfs_state);

void xpo_debugfs_cage_add(struct xpo_cage *cage)
{
	char name[16];

	snprintf(name, sizeof(name), "cage%u", cage->nr);
	cage->debugfs = debugfs_create_dir(name, xpo_board_debugfs(cage));
	debugfs_create_file("state", 0444, cage->debugfs, cage,
			    &xpo_debugfs_state_fops);
	xpo_guard_debugfs_add(cage, cage->debugfs);
}

void xpo_debugfs_cage_del(struct xpo_cage *cage)
{
	debugfs_remove_recursive(cage->debugfs);
	cage->debugfs = NULL;
}

/* Board 0's cages sit in the root, every other board's in "board<N>" */
struct dentry *xpo_debugfs_board_add(u32 board)
{
	char name[16];

	if (!board)
		return xpo_debugfs_root;
	snprintf(name, sizeof(name), "board%u", board);
	return debugfs_create_dir(name, xpo_debugfs_root);
}

void xpo_debugfs_board_del(u32 board, struct dentry *dir)
{
	if (board)
		debugfs_remove_recursive(dir);
}

void xpo_debugfs_init(void)
{
	xpo_debugfs_root = debugfs_create_dir("xpo", NULL);
}

void xpo_debugfs_exit(void)
{
	debugfs_remove_recursive(xpo_debugfs_root);
}
