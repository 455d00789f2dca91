// SPDX-License-Identifier: GPL-2.0
/*
 * xpo_sim debugfs: the thermal model's knobs and views.
 *
 *   thermal_tau_ms                       time constant of every cage
 *   cage<N>/coolant_inlet_mdegc          inlet temperature, m degC
 *   cage<N>/coolant_flow_mlpm            coolant flow, mL/min
 *   cage<N>/power_mw                     load override, or "auto"
 *   cage<N>/thermal                      the model's values (ro)
 *   cage<N>/timestamps                   event times for reaction times (ro)
 *
 * Writes are parsed whole and bounds-checked (-EINVAL otherwise) and take
 * effect at once: the model is re-evaluated, flags included, without
 * waiting for its next step.
 */

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "sim.h"

static int xpo_sim_knob_show(struct seq_file *m, void *unused)
{
	struct xpo_sim_knob_file *kf = m->private;
	struct xpo_sim_thermal *th = &kf->cage->thermal;

	mutex_lock(&kf->cage->lock);
	switch (kf->knob) {
	case XPO_SIM_KNOB_INLET:
		seq_printf(m, "%d\n", th->inlet_mdegc);
		break;
	case XPO_SIM_KNOB_FLOW:
		seq_printf(m, "%u\n", th->flow_mlpm);
		break;
	case XPO_SIM_KNOB_POWER:
		if (th->power_override_mw < 0)
			seq_printf(m, "auto %d\n", th->power_mw);
		else
			seq_printf(m, "%d\n", th->power_override_mw);
		break;
	}
	mutex_unlock(&kf->cage->lock);
	return 0;
}

static int xpo_sim_knob_open(struct inode *inode, struct file *file)
{
	return single_open(file, xpo_sim_knob_show, inode->i_private);
}

static ssize_t xpo_sim_knob_write(struct file *file, const char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	struct xpo_sim_knob_file *kf =
		((struct seq_file *)file->private_data)->private;
	struct xpo_sim_cage *cage = kf->cage;
	char buf[16];
	int val, ret;

	if (*ppos || !count || count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	if (kf->knob == XPO_SIM_KNOB_POWER && sysfs_streq(buf, "auto")) {
		val = -1;
	} else {
		ret = kstrtoint(strim(buf), 10, &val);
		if (ret)
			return -EINVAL;
		switch (kf->knob) {
		case XPO_SIM_KNOB_INLET:
			if (val < XPO_SIM_INLET_MDEGC_MIN ||
			    val > XPO_SIM_INLET_MDEGC_MAX)
				return -EINVAL;
			break;
		case XPO_SIM_KNOB_FLOW:
			if (val < 0 || val > XPO_SIM_FLOW_MLPM_MAX)
				return -EINVAL;
			break;
		case XPO_SIM_KNOB_POWER:
			if (val < 0 || val > XPO_SIM_POWER_MW_MAX)
				return -EINVAL;
			break;
		}
	}

	mutex_lock(&cage->lock);
	switch (kf->knob) {
	case XPO_SIM_KNOB_INLET:
		cage->thermal.inlet_mdegc = val;
		break;
	case XPO_SIM_KNOB_FLOW:
		cage->thermal.flow_mlpm = val;
		break;
	case XPO_SIM_KNOB_POWER:
		cage->thermal.power_override_mw = val;
		break;
	}
	xpo_sim_thermal_update(cage, 0);
	mutex_unlock(&cage->lock);
	return count;
}

static const struct file_operations xpo_sim_knob_fops = {
	.owner		= THIS_MODULE,
	.open		= xpo_sim_knob_open,
	.read		= seq_read,
	.write		= xpo_sim_knob_write,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/* cage<N>/thermal: the model as the module would report it */
static int xpo_sim_thermal_show(struct seq_file *m, void *unused)
{
	struct xpo_sim_cage *cage = m->private;
	struct xpo_sim_thermal *th = &cage->thermal;
	struct xpo_sim_module *mod = &cage->mod;
	unsigned int i;

	mutex_lock(&cage->lock);
	seq_printf(m, "power_mw: %d\n", th->power_mw);
	seq_printf(m, "inlet_mdegc: %d\n", th->inlet_mdegc);
	seq_printf(m, "outlet_mdegc: %d\n", th->outlet_mdegc);
	seq_printf(m, "flow_mlpm: %u\n", th->flow_mlpm);
	seq_printf(m, "case_mdegc: %d\n", th->case_mdegc);
	if (mod->present && mod->running) {
		for (i = 0; i < mod->tlm.engines; i++)
			seq_printf(m, "engine%u_mdegc: %d\n", i,
				   (int)mod->tlm.engine_temp[i] * 1000 / 256);
		seq_printf(m, "vcc_mv: %u\n", mod->tlm.vcc / 10);
	}
	mutex_unlock(&cage->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(xpo_sim_thermal);

/* cage<N>/timestamps: ktime_get_ns() of the last events, 0 if never */
static int xpo_sim_timestamps_show(struct seq_file *m, void *unused)
{
	struct xpo_sim_cage *cage = m->private;
	const struct xpo_sim_stamps *st = &cage->thermal.stamps;

	seq_printf(m, "leak_asserted_ns: %llu\n", READ_ONCE(st->leak_asserted_ns));
	seq_printf(m, "flow_low_ns: %llu\n", READ_ONCE(st->flow_low_ns));
	seq_printf(m, "case_crit_ns: %llu\n", READ_ONCE(st->case_crit_ns));
	seq_printf(m, "power_off_ns: %llu\n", READ_ONCE(st->power_off_ns));
	seq_printf(m, "lpmode_ns: %llu\n", READ_ONCE(st->lpmode_ns));
	seq_printf(m, "reset_ns: %llu\n", READ_ONCE(st->reset_ns));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(xpo_sim_timestamps);

static int xpo_sim_tau_get(void *data, u64 *val)
{
	struct xpo_sim_board *board = data;

	*val = READ_ONCE(board->thermal_tau_ms);
	return 0;
}

static int xpo_sim_tau_set(void *data, u64 val)
{
	struct xpo_sim_board *board = data;

	if (val < XPO_SIM_THERMAL_TAU_MS_MIN || val > XPO_SIM_THERMAL_TAU_MS_MAX)
		return -EINVAL;
	WRITE_ONCE(board->thermal_tau_ms, val);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(xpo_sim_tau_fops, xpo_sim_tau_get, xpo_sim_tau_set,
			 "%llu\n");

struct dentry *xpo_sim_debugfs_thermal_board(struct xpo_sim_board *board,
					     struct dentry *dir)
{
	return debugfs_create_file_unsafe("thermal_tau_ms", 0644, dir, board,
					  &xpo_sim_tau_fops);
}

void xpo_sim_debugfs_thermal_cage(struct xpo_sim_cage *cage,
				  struct dentry *dir)
{
	static const char * const names[XPO_SIM_KNOBS] = {
		[XPO_SIM_KNOB_INLET] = "coolant_inlet_mdegc",
		[XPO_SIM_KNOB_FLOW] = "coolant_flow_mlpm",
		[XPO_SIM_KNOB_POWER] = "power_mw",
	};
	unsigned int k;

	for (k = 0; k < ARRAY_SIZE(names); k++) {
		struct xpo_sim_knob_file *kf = &cage->knob_files[k];

		kf->cage = cage;
		kf->knob = k;
		debugfs_create_file(names[k], 0644, dir, kf,
				    &xpo_sim_knob_fops);
	}
	debugfs_create_file("thermal", 0444, dir, cage, &xpo_sim_thermal_fops);
	debugfs_create_file("timestamps", 0444, dir, cage,
			    &xpo_sim_timestamps_fops);
}
