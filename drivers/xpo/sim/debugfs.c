// SPDX-License-Identifier: GPL-2.0
/*
 * xpo_sim debugfs: the emulator's front panel, /sys/kernel/debug/xpo_sim/.
 *
 *   timing, bus_khz                      board tunables
 *   cage<N>/present, personality, leak   what is in and around the cage
 *   cage<N>/present_bounce               seat or pull with ModPrsL bouncing
 *   cage<N>/nack, stretch_us, hold_state, fault injection
 *           hold_dp, config_fault, hold_intl, si_reject, tune_reject
 *   cage<N>/transfers, bytes, bus_ns, bus_wait_ns
 *                                       accounting (write 0 to reset)
 *   cage<N>/module_state, info, mem,     read-only views
 *           lanes
 *   thermal_tau_ms, cage<N>/coolant_*,   the thermal model
 *           power_mw, thermal, timestamps (debugfs_thermal.c)
 *
 * Every write is parsed whole and bounds-checked; anything else is -EINVAL
 * and changes nothing.  Documentation/xpo_sim.rst describes each file.
 */

#include <linux/bitfield.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "xpo_compat.h"
#include "sim.h"

/* Longest token a write may carry, newline included */
#define XPO_SIM_DBG_TOKEN_MAX		32

static ssize_t xpo_sim_dbg_read_str(char __user *ubuf, size_t count,
				    loff_t *ppos, const char *s)
{
	char buf[XPO_SIM_DBG_TOKEN_MAX + 1];
	int len = scnprintf(buf, sizeof(buf), "%s\n", s);

	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

/* A whole write as a NUL-terminated token; no partial or appended writes */
static int xpo_sim_dbg_get_token(const char __user *ubuf, size_t count,
				 loff_t *ppos, char *buf)
{
	if (*ppos || !count || count > XPO_SIM_DBG_TOKEN_MAX)
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	return 0;
}

/* timing: instant | realistic */
static ssize_t xpo_sim_timing_read(struct file *file, char __user *ubuf,
				   size_t count, loff_t *ppos)
{
	struct xpo_sim_board *board = file->private_data;

	return xpo_sim_dbg_read_str(ubuf, count, ppos,
				    xpo_sim_timing_names[READ_ONCE(board->timing)]);
}

static ssize_t xpo_sim_timing_write(struct file *file,
				    const char __user *ubuf, size_t count,
				    loff_t *ppos)
{
	struct xpo_sim_board *board = file->private_data;
	char buf[XPO_SIM_DBG_TOKEN_MAX + 1];
	int ret;

	ret = xpo_sim_dbg_get_token(ubuf, count, ppos, buf);
	if (ret)
		return ret;
	ret = __sysfs_match_string(xpo_sim_timing_names, XPO_SIM_TIMING_NUM,
				   buf);
	if (ret < 0)
		return -EINVAL;
	WRITE_ONCE(board->timing, ret);
	return count;
}

static const struct file_operations xpo_sim_timing_fops = {
	.owner	= THIS_MODULE,
	.open	= simple_open,
	.read	= xpo_sim_timing_read,
	.write	= xpo_sim_timing_write,
	.llseek	= default_llseek,
};

/* bus_khz: 100 .. 3400 */
static int xpo_sim_bus_khz_get(void *data, u64 *val)
{
	struct xpo_sim_board *board = data;

	*val = READ_ONCE(board->bus_khz);
	return 0;
}

static int xpo_sim_bus_khz_set(void *data, u64 val)
{
	struct xpo_sim_board *board = data;

	if (val < XPO_SIM_BUS_KHZ_MIN || val > XPO_SIM_BUS_KHZ_MAX)
		return -EINVAL;
	WRITE_ONCE(board->bus_khz, val);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(xpo_sim_bus_khz_fops, xpo_sim_bus_khz_get,
			 xpo_sim_bus_khz_set, "%llu\n");

/* cage<N>/present: 0 pulls the module, 1 seats a fresh one */
static int xpo_sim_present_get(void *data, u64 *val)
{
	struct xpo_sim_cage *cage = data;

	mutex_lock(&cage->lock);
	*val = cage->mod.present;
	mutex_unlock(&cage->lock);
	return 0;
}

static int xpo_sim_present_set(void *data, u64 val)
{
	struct xpo_sim_cage *cage = data;

	if (val > 1)
		return -EINVAL;
	mutex_lock(&cage->lock);
	if (val)
		xpo_sim_module_insert(cage);
	else
		xpo_sim_module_remove(cage);
	mutex_unlock(&cage->lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(xpo_sim_present_fops, xpo_sim_present_get,
			 xpo_sim_present_set, "%llu\n");

/* cage<N>/hold_intl: 1 holds IntL asserted while the module runs */
static int xpo_sim_hold_intl_get(void *data, u64 *val)
{
	struct xpo_sim_cage *cage = data;

	mutex_lock(&cage->lock);
	*val = cage->hold_intl;
	mutex_unlock(&cage->lock);
	return 0;
}

static int xpo_sim_hold_intl_set(void *data, u64 val)
{
	struct xpo_sim_cage *cage = data;

	if (val > 1)
		return -EINVAL;
	mutex_lock(&cage->lock);
	cage->hold_intl = val;
	if (xpo_sim_module_sync(cage))
		xpo_sim_module_update_intl(cage);
	mutex_unlock(&cage->lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(xpo_sim_hold_intl_fops, xpo_sim_hold_intl_get,
			 xpo_sim_hold_intl_set, "%llu\n");

/* The most bounces present_bounce takes in one write */
#define XPO_SIM_BOUNCES_MAX		100

/*
 * cage<N>/present_bounce: write N (1-100) to seat a fresh module into an
 * empty cage, or pull the seated one, with ModPrsL bouncing N times on the
 * way (before the module is seated, after it is pulled), as a connector's
 * contacts do.  Reads 0.
 */
static int xpo_sim_present_bounce_get(void *data, u64 *val)
{
	*val = 0;
	return 0;
}

static int xpo_sim_present_bounce_set(void *data, u64 val)
{
	struct xpo_sim_cage *cage = data;
	bool insert;

	if (!val || val > XPO_SIM_BOUNCES_MAX)
		return -EINVAL;
	mutex_lock(&cage->lock);
	insert = !cage->mod.present;
	if (!insert)
		xpo_sim_module_remove(cage);
	mutex_unlock(&cage->lock);
	/* no lock held while it bounces: the line alone moves */
	xpo_sim_gpio_bounce(cage, XPO_SIM_LINE_PRESENT, val);
	if (insert) {
		mutex_lock(&cage->lock);
		xpo_sim_module_insert(cage);
		mutex_unlock(&cage->lock);
	}
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(xpo_sim_present_bounce_fops,
			 xpo_sim_present_bounce_get,
			 xpo_sim_present_bounce_set, "%llu\n");

/* cage<N>/personality: of the seated module, or of the next one */
static ssize_t xpo_sim_personality_read(struct file *file, char __user *ubuf,
					size_t count, loff_t *ppos)
{
	struct xpo_sim_cage *cage = file->private_data;
	const char *name;

	mutex_lock(&cage->lock);
	name = cage->pers->name;
	mutex_unlock(&cage->lock);
	return xpo_sim_dbg_read_str(ubuf, count, ppos, name);
}

/* only while empty: a swap must be seen by the host as pull + insert */
static ssize_t xpo_sim_personality_write(struct file *file,
					 const char __user *ubuf, size_t count,
					 loff_t *ppos)
{
	struct xpo_sim_cage *cage = file->private_data;
	char buf[XPO_SIM_DBG_TOKEN_MAX + 1];
	const struct xpo_sim_personality *p;
	int ret;

	ret = xpo_sim_dbg_get_token(ubuf, count, ppos, buf);
	if (ret)
		return ret;
	p = xpo_sim_personality_find(buf);
	if (!p)
		return -EINVAL;

	mutex_lock(&cage->lock);
	if (cage->mod.present)
		ret = -EBUSY;
	else
		cage->pers = p;
	mutex_unlock(&cage->lock);
	return ret ?: count;
}

static const struct file_operations xpo_sim_personality_fops = {
	.owner	= THIS_MODULE,
	.open	= simple_open,
	.read	= xpo_sim_personality_read,
	.write	= xpo_sim_personality_write,
	.llseek	= default_llseek,
};

/* cage<N>/nack: NACK the next N transfers */
static int xpo_sim_nack_get(void *data, u64 *val)
{
	struct xpo_sim_cage *cage = data;

	*val = atomic_read(&cage->nack);
	return 0;
}

static int xpo_sim_nack_set(void *data, u64 val)
{
	struct xpo_sim_cage *cage = data;

	if (val > XPO_SIM_NACK_MAX)
		return -EINVAL;
	atomic_set(&cage->nack, val);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(xpo_sim_nack_fops, xpo_sim_nack_get,
			 xpo_sim_nack_set, "%llu\n");

/* cage<N>/stretch_us: every message takes this much longer */
static int xpo_sim_stretch_get(void *data, u64 *val)
{
	struct xpo_sim_cage *cage = data;

	*val = READ_ONCE(cage->stretch_us);
	return 0;
}

static int xpo_sim_stretch_set(void *data, u64 val)
{
	struct xpo_sim_cage *cage = data;

	if (val > XPO_SIM_STRETCH_US_MAX)
		return -EINVAL;
	WRITE_ONCE(cage->stretch_us, val);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(xpo_sim_stretch_fops, xpo_sim_stretch_get,
			 xpo_sim_stretch_set, "%llu\n");

/* cage<N>/hold_state: none | lowpwr | pwrup | ready | pwrdn | fault */
static ssize_t xpo_sim_hold_read(struct file *file, char __user *ubuf,
				 size_t count, loff_t *ppos)
{
	struct xpo_sim_cage *cage = file->private_data;
	enum xpo_sim_hold hold;

	mutex_lock(&cage->lock);
	hold = cage->hold;
	mutex_unlock(&cage->lock);
	return xpo_sim_dbg_read_str(ubuf, count, ppos, xpo_sim_hold_names[hold]);
}

static ssize_t xpo_sim_hold_write(struct file *file, const char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	struct xpo_sim_cage *cage = file->private_data;
	char buf[XPO_SIM_DBG_TOKEN_MAX + 1];
	int ret;

	ret = xpo_sim_dbg_get_token(ubuf, count, ppos, buf);
	if (ret)
		return ret;
	ret = __sysfs_match_string(xpo_sim_hold_names, XPO_SIM_HOLD_NUM, buf);
	if (ret < 0)
		return -EINVAL;

	mutex_lock(&cage->lock);
	xpo_sim_module_set_hold(cage, ret);
	mutex_unlock(&cage->lock);
	return count;
}

static const struct file_operations xpo_sim_hold_fops = {
	.owner	= THIS_MODULE,
	.open	= simple_open,
	.read	= xpo_sim_hold_read,
	.write	= xpo_sim_hold_write,
	.llseek	= default_llseek,
};

/* cage<N>/hold_dp: none | deactivated | init | ... (xpo_sim_dp_names) */
static ssize_t xpo_sim_hold_dp_read(struct file *file, char __user *ubuf,
				    size_t count, loff_t *ppos)
{
	struct xpo_sim_cage *cage = file->private_data;
	u8 hold;

	mutex_lock(&cage->lock);
	hold = cage->hold_dp;
	mutex_unlock(&cage->lock);
	return xpo_sim_dbg_read_str(ubuf, count, ppos, xpo_sim_dp_names[hold]);
}

static ssize_t xpo_sim_hold_dp_write(struct file *file,
				     const char __user *ubuf, size_t count,
				     loff_t *ppos)
{
	struct xpo_sim_cage *cage = file->private_data;
	char buf[XPO_SIM_DBG_TOKEN_MAX + 1];
	int ret;

	ret = xpo_sim_dbg_get_token(ubuf, count, ppos, buf);
	if (ret)
		return ret;
	ret = __sysfs_match_string(xpo_sim_dp_names, XPO_SIM_DP_NAMES, buf);
	if (ret < 0)
		return -EINVAL;

	mutex_lock(&cage->lock);
	xpo_sim_dp_set_hold(cage, ret);
	mutex_unlock(&cage->lock);
	return count;
}

static const struct file_operations xpo_sim_hold_dp_fops = {
	.owner	= THIS_MODULE,
	.open	= simple_open,
	.read	= xpo_sim_hold_dp_read,
	.write	= xpo_sim_hold_dp_write,
	.llseek	= default_llseek,
};

/* cage<N>/config_fault: none | rejected | invalid-appsel | ... | partial-dp */
static ssize_t xpo_sim_config_fault_read(struct file *file, char __user *ubuf,
					 size_t count, loff_t *ppos)
{
	struct xpo_sim_cage *cage = file->private_data;
	u8 status;

	mutex_lock(&cage->lock);
	status = cage->config_fault;
	mutex_unlock(&cage->lock);
	return xpo_sim_dbg_read_str(ubuf, count, ppos, status ?
				    xpo_sim_config_status_name(status) :
				    "none");
}

static ssize_t xpo_sim_config_fault_write(struct file *file,
					  const char __user *ubuf,
					  size_t count, loff_t *ppos)
{
	struct xpo_sim_cage *cage = file->private_data;
	char buf[XPO_SIM_DBG_TOKEN_MAX + 1];
	int ret;

	ret = xpo_sim_dbg_get_token(ubuf, count, ppos, buf);
	if (ret)
		return ret;
	ret = xpo_sim_config_fault_parse(buf);
	if (ret < 0)
		return ret;

	mutex_lock(&cage->lock);
	xpo_sim_dp_set_config_fault(cage, ret);
	mutex_unlock(&cage->lock);
	return count;
}

static const struct file_operations xpo_sim_config_fault_fops = {
	.owner	= THIS_MODULE,
	.open	= simple_open,
	.read	= xpo_sim_config_fault_read,
	.write	= xpo_sim_config_fault_write,
	.llseek	= default_llseek,
};

/* cage<N>/transfers, bytes, bus_ns, bus_wait_ns: read; write 0 to reset */
static int xpo_sim_counter_get(void *data, u64 *val)
{
	atomic64_t *counter = data;

	*val = atomic64_read(counter);
	return 0;
}

static int xpo_sim_counter_set(void *data, u64 val)
{
	atomic64_t *counter = data;

	if (val)
		return -EINVAL;
	atomic64_set(counter, 0);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(xpo_sim_counter_fops, xpo_sim_counter_get,
			 xpo_sim_counter_set, "%llu\n");

/* cage<N>/leak: 1 pulls LeakL low (coolant leak at the cage) */
static int xpo_sim_leak_get(void *data, u64 *val)
{
	struct xpo_sim_cage *cage = data;

	*val = !xpo_sim_gpio_level(cage, XPO_SIM_LINE_LEAK);
	return 0;
}

static int xpo_sim_leak_set(void *data, u64 val)
{
	struct xpo_sim_cage *cage = data;

	if (val > 1)
		return -EINVAL;
	if (val && xpo_sim_gpio_level(cage, XPO_SIM_LINE_LEAK))
		WRITE_ONCE(cage->thermal.stamps.leak_asserted_ns,
			   ktime_get_ns());
	xpo_sim_gpio_set_input(cage, XPO_SIM_LINE_LEAK, !val);
	/* the module's own leak sensor sees it too (B0h:138-139) */
	mutex_lock(&cage->lock);
	xpo_sim_thermal_update(cage, 0);
	mutex_unlock(&cage->lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(xpo_sim_leak_fops, xpo_sim_leak_get,
			 xpo_sim_leak_set, "%llu\n");

/* cage<N>/module_state */
static int xpo_sim_module_state_show(struct seq_file *m, void *unused)
{
	struct xpo_sim_cage *cage = m->private;

	mutex_lock(&cage->lock);
	seq_printf(m, "%s\n", xpo_sim_module_state_name(cage));
	mutex_unlock(&cage->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(xpo_sim_module_state);

/* An ASCII field of page 00h without its space padding */
static void xpo_sim_show_str(struct seq_file *m, const char *key,
			     const u8 *page00, unsigned int off,
			     unsigned int len)
{
	const u8 *s = &page00[off - CMIS_UPPER_OFFSET];

	while (len && s[len - 1] == ' ')
		len--;
	seq_printf(m, "%s: %.*s\n", key, len, s);
}

/* cage<N>/info: "key: value" lines, as the module and the cage show them */
static int xpo_sim_info_show(struct seq_file *m, void *unused)
{
	struct xpo_sim_cage *cage = m->private;
	struct xpo_sim_module *mod = &cage->mod;
	const u8 *lo = mod->mem.lower;
	const u8 *p00 = mod->mem.page00;
	const u8 *p01 = mod->mem.page01;
	struct xpo_sim_pins pins;
	const char *state;

	mutex_lock(&cage->lock);
	state = xpo_sim_module_state_name(cage);
	seq_printf(m, "personality: %s\n",
		   mod->present ? mod->pers->name : cage->pers->name);
	seq_printf(m, "present: %u\n", mod->present);
	if (mod->running) {
		seq_printf(m, "identifier: 0x%02x\n", lo[CMIS_ID]);
		xpo_sim_show_str(m, "vendor", p00, CMIS_VENDOR_NAME,
				 CMIS_VENDOR_NAME_LEN);
		seq_printf(m, "vendor_oui: %3phC\n",
			   &p00[CMIS_VENDOR_OUI - CMIS_UPPER_OFFSET]);
		xpo_sim_show_str(m, "part_number", p00, CMIS_VENDOR_PN,
				 CMIS_VENDOR_PN_LEN);
		xpo_sim_show_str(m, "revision", p00, CMIS_VENDOR_REV,
				 CMIS_VENDOR_REV_LEN);
		xpo_sim_show_str(m, "serial", p00, CMIS_VENDOR_SN,
				 CMIS_VENDOR_SN_LEN);
		xpo_sim_show_str(m, "date_code", p00, CMIS_DATE_CODE,
				 CMIS_DATE_CODE_LEN);
		xpo_sim_show_str(m, "clei", p00, CMIS_CLEI, CMIS_CLEI_LEN);
		seq_printf(m, "cmis_revision: %u.%u\n", lo[CMIS_REV] >> 4,
			   lo[CMIS_REV] & 0x0f);
		seq_printf(m, "fw_active: %u.%u\n", lo[CMIS_FW_ACTIVE_MAJOR],
			   lo[CMIS_FW_ACTIVE_MINOR]);
		seq_printf(m, "fw_inactive: %u.%u\n",
			   p01[CMIS_P01_FW_INACTIVE_MAJOR - CMIS_UPPER_OFFSET],
			   p01[CMIS_P01_FW_INACTIVE_MINOR - CMIS_UPPER_OFFSET]);
		seq_printf(m, "banks: %u\n", mod->banks);
	}
	seq_printf(m, "module_state: %s\n", state);
	seq_printf(m, "hold_state: %s\n", xpo_sim_hold_names[cage->hold]);
	mutex_unlock(&cage->lock);

	/* the cage lines, each as "asserted as named" */
	seq_printf(m, "interrupt: %u\n",
		   !xpo_sim_gpio_level(cage, XPO_SIM_LINE_INT));
	seq_printf(m, "leak: %u\n", !xpo_sim_gpio_level(cage, XPO_SIM_LINE_LEAK));
	seq_printf(m, "lpmode: %u\n",
		   xpo_sim_gpio_level(cage, XPO_SIM_LINE_LPMODE));
	seq_printf(m, "reset: %u\n",
		   !xpo_sim_gpio_level(cage, XPO_SIM_LINE_RESET));
	seq_printf(m, "power: %u\n",
		   xpo_sim_gpio_level(cage, XPO_SIM_LINE_POWER));
	/* pulses the host gave the module since the board came up */
	xpo_sim_gpio_pins(cage, &pins);
	seq_printf(m, "resets: %u\n", pins.resets);
	seq_printf(m, "power_cycles: %u\n", pins.power_cycles);
	/* how the host's interrupts on the inputs are set up */
	seq_printf(m, "present_irq: %s\n",
		   xpo_sim_gpio_trigger(cage, XPO_SIM_LINE_PRESENT));
	seq_printf(m, "int_irq: %s\n",
		   xpo_sim_gpio_trigger(cage, XPO_SIM_LINE_INT));
	seq_printf(m, "leak_irq: %s\n",
		   xpo_sim_gpio_trigger(cage, XPO_SIM_LINE_LEAK));
	/* and how many each has delivered since the board came up */
	seq_printf(m, "present_irqs: %u\n",
		   xpo_sim_gpio_irq_count(cage, XPO_SIM_LINE_PRESENT));
	seq_printf(m, "int_irqs: %u\n",
		   xpo_sim_gpio_irq_count(cage, XPO_SIM_LINE_INT));
	seq_printf(m, "leak_irqs: %u\n",
		   xpo_sim_gpio_irq_count(cage, XPO_SIM_LINE_LEAK));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(xpo_sim_info);

static void xpo_sim_dump(struct seq_file *m, const char *title, const u8 *mem,
			 unsigned int base)
{
	unsigned int i;

	seq_printf(m, "%s:\n", title);
	for (i = 0; i < CMIS_PAGE_SIZE; i += 16)
		seq_printf(m, "%02x: %16ph\n", base + i, &mem[i]);
}

/*
 * cage<N>/mem: the module's storage, page by page, as it stands; reading
 * it is not an I2C access, so it clears no flag.
 */
static int xpo_sim_mem_show(struct seq_file *m, void *unused)
{
	struct xpo_sim_cage *cage = m->private;
	struct xpo_sim_module *mod = &cage->mod;
	char title[32];
	unsigned int b;

	mutex_lock(&cage->lock);
	if (!xpo_sim_module_sync(cage))
		goto unlock;
	xpo_sim_dump(m, "lower", mod->mem.lower, 0);
	xpo_sim_dump(m, "page 00h", mod->mem.page00, CMIS_UPPER_OFFSET);
	xpo_sim_dump(m, "page 01h", mod->mem.page01, CMIS_UPPER_OFFSET);
	xpo_sim_dump(m, "page 02h", mod->mem.page02, CMIS_UPPER_OFFSET);
	if (mod->pers->tune)
		xpo_sim_dump(m, "page 04h", mod->mem.page04, CMIS_UPPER_OFFSET);
	if (mod->pers->telemetry_page) {
		snprintf(title, sizeof(title), "page %02xh bank 0",
			 XPO_PAGE_TELEMETRY);
		xpo_sim_dump(m, title, mod->mem.page_tlm, CMIS_UPPER_OFFSET);
	}
	for (b = 0; b < mod->banks; b++) {
		snprintf(title, sizeof(title), "page %02xh bank %u",
			 CMIS_PAGE_LANE_CTRL, b);
		xpo_sim_dump(m, title, mod->mem.page10[b], CMIS_UPPER_OFFSET);
		snprintf(title, sizeof(title), "page %02xh bank %u",
			 CMIS_PAGE_LANE_STATUS, b);
		xpo_sim_dump(m, title, mod->mem.page11[b], CMIS_UPPER_OFFSET);
		if (!mod->pers->tune)
			continue;
		snprintf(title, sizeof(title), "page %02xh bank %u",
			 XPO_SIM_PAGE_LASER_CTRL, b);
		xpo_sim_dump(m, title, mod->mem.page12[b], CMIS_UPPER_OFFSET);
	}
unlock:
	mutex_unlock(&cage->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(xpo_sim_mem);

/* A lane's nibble of 11h:128-131 or 11h:202-205 */
static u8 xpo_sim_nibble(const u8 *bytes, unsigned int lane)
{
	return bytes[lane / 2] >> (lane & 1) * 4 & 0x0f;
}

/*
 * cage<N>/lanes: one line per lane the module implements, from its storage
 * (no I2C access: it clears no flag):
 *
 *   lane <n> bank <b> dp <state> app <AppSel> dpid <DataPathID>
 *   tx_disable <0|1> deinit <0|1> config <ConfigStatus> pending <0|1>
 *
 * n is the host lane 0-63 (bank b, lane n % 8 of it); the data path state
 * comes from 11h:128-131, app and dpid from the active control set
 * 11h:206-213, tx_disable and deinit from 10h:130 and 10h:128, config
 * from 11h:202-205 and pending (DPInitPending) from 11h:235.
 */
static int xpo_sim_lanes_show(struct seq_file *m, void *unused)
{
	struct xpo_sim_cage *cage = m->private;
	struct xpo_sim_module *mod = &cage->mod;
	unsigned int b, l;

	mutex_lock(&cage->lock);
	if (!xpo_sim_module_sync(cage))
		goto unlock;
	for (b = 0; b < mod->banks; b++) {
		const u8 *states = xpo_sim_p11(mod, b, CMIS_P11_DP_STATE);
		const u8 *config = xpo_sim_p11(mod, b, CMIS_P11_CONFIG_STATUS);
		const u8 *active = xpo_sim_p11(mod, b, CMIS_P11_ACTIVE_DPCONFIG);
		u8 pending = *xpo_sim_p11(mod, b, CMIS_P11_DPINIT_PENDING);
		u8 tx_disable = *xpo_sim_p10(mod, b, CMIS_P10_TX_DISABLE);
		u8 deinit = *xpo_sim_p10(mod, b, CMIS_P10_DP_DEINIT);

		for (l = 0; l < CMIS_LANES_PER_BANK; l++) {
			u8 state = xpo_sim_nibble(states, l);

			seq_printf(m, "lane %u bank %u dp %s app %u dpid %u tx_disable %u deinit %u config %s pending %u\n",
				   b * CMIS_LANES_PER_BANK + l, b,
				   state < XPO_SIM_DP_NAMES && state ?
				   xpo_sim_dp_names[state] : "reserved",
				   (unsigned int)FIELD_GET(CMIS_DPCONFIG_APPSEL,
							   active[l]),
				   (unsigned int)FIELD_GET(CMIS_DPCONFIG_DPID,
							   active[l]),
				   !!(tx_disable & BIT(l)), !!(deinit & BIT(l)),
				   xpo_sim_config_status_name(xpo_sim_nibble(config, l)),
				   !!(pending & BIT(l)));
		}
	}
unlock:
	mutex_unlock(&cage->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(xpo_sim_lanes);

/*
 * cage<N>/lane_fault: write "LANE COND 0|1" (LANE the host lane 0-63, COND
 * tx-fault, tx-los, tx-cdr-lol, rx-los or rx-cdr-lol) to start or end a
 * lane condition; reads "lane N COND" for each condition present.
 */
static int xpo_sim_lane_fault_show(struct seq_file *m, void *unused)
{
	struct xpo_sim_cage *cage = m->private;
	unsigned int l, c;

	mutex_lock(&cage->lock);
	for (l = 0; l < XPO_LANES; l++)
		for (c = 0; c < XPO_SIM_LANE_CONDS; c++)
			if (cage->lane_cond[l] & BIT(c))
				seq_printf(m, "lane %u %s\n", l,
					   xpo_sim_lane_cond_names[c]);
	mutex_unlock(&cage->lock);
	return 0;
}

static int xpo_sim_lane_fault_open(struct inode *inode, struct file *file)
{
	return single_open(file, xpo_sim_lane_fault_show, inode->i_private);
}

static ssize_t xpo_sim_lane_fault_write(struct file *file,
					const char __user *ubuf, size_t count,
					loff_t *ppos)
{
	struct xpo_sim_cage *cage =
		((struct seq_file *)file->private_data)->private;
	char buf[XPO_SIM_DBG_TOKEN_MAX + 1], name[XPO_SIM_DBG_TOKEN_MAX + 1];
	unsigned int lane, on;
	int ret, cond;

	ret = xpo_sim_dbg_get_token(ubuf, count, ppos, buf);
	if (ret)
		return ret;
	if (sscanf(buf, "%u %32s %u", &lane, name, &on) != 3 || on > 1 ||
	    lane >= XPO_LANES)
		return -EINVAL;
	cond = __sysfs_match_string(xpo_sim_lane_cond_names,
				    XPO_SIM_LANE_CONDS, name);
	if (cond < 0)
		return -EINVAL;
	mutex_lock(&cage->lock);
	ret = xpo_sim_lane_cond_set(cage, lane, cond, on);
	mutex_unlock(&cage->lock);
	return ret ? ret : count;
}

static const struct file_operations xpo_sim_lane_fault_fops = {
	.owner		= THIS_MODULE,
	.open		= xpo_sim_lane_fault_open,
	.read		= seq_read,
	.write		= xpo_sim_lane_fault_write,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/*
 * cage<N>/lane_monitors: one line per lane the module implements,
 *   lane <n> bank <b> tx_power <raw> tx_bias <raw> rx_power <raw>
 * the u16 of 11h:154, 170 and 186 + 2 (n % 8) as the module holds them
 * (0.1 uW, 2 uA, 0.1 uW).
 */
static int xpo_sim_lane_monitors_show(struct seq_file *m, void *unused)
{
	struct xpo_sim_cage *cage = m->private;
	struct xpo_sim_module *mod = &cage->mod;
	unsigned int b, l;

	mutex_lock(&cage->lock);
	if (!xpo_sim_module_sync(cage))
		goto unlock;
	for (b = 0; b < mod->banks; b++) {
		const u8 *txp = xpo_sim_p11(mod, b, CMIS_P11_TX_POWER);
		const u8 *bias = xpo_sim_p11(mod, b, CMIS_P11_TX_BIAS);
		const u8 *rxp = xpo_sim_p11(mod, b, CMIS_P11_RX_POWER);

		for (l = 0; l < CMIS_LANES_PER_BANK; l++)
			seq_printf(m, "lane %u bank %u tx_power %u tx_bias %u rx_power %u\n",
				   b * CMIS_LANES_PER_BANK + l, b,
				   get_unaligned_be16(txp + 2 * l),
				   get_unaligned_be16(bias + 2 * l),
				   get_unaligned_be16(rxp + 2 * l));
	}
unlock:
	mutex_unlock(&cage->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(xpo_sim_lane_monitors);

static void xpo_sim_debugfs_cage(struct xpo_sim_cage *cage,
				 struct dentry *root)
{
	struct dentry *dir;
	char name[16];

	snprintf(name, sizeof(name), "cage%u", cage->index);
	dir = debugfs_create_dir(name, root);
	cage->debugfs = dir;

	debugfs_create_file_unsafe("present", 0644, dir, cage,
				   &xpo_sim_present_fops);
	debugfs_create_file_unsafe("present_bounce", 0644, dir, cage,
				   &xpo_sim_present_bounce_fops);
	debugfs_create_file("personality", 0644, dir, cage,
			    &xpo_sim_personality_fops);
	debugfs_create_file_unsafe("nack", 0644, dir, cage,
				   &xpo_sim_nack_fops);
	debugfs_create_file_unsafe("stretch_us", 0644, dir, cage,
				   &xpo_sim_stretch_fops);
	debugfs_create_file("hold_state", 0644, dir, cage, &xpo_sim_hold_fops);
	debugfs_create_file("hold_dp", 0644, dir, cage, &xpo_sim_hold_dp_fops);
	debugfs_create_file("config_fault", 0644, dir, cage,
			    &xpo_sim_config_fault_fops);
	debugfs_create_file_unsafe("hold_intl", 0644, dir, cage,
				   &xpo_sim_hold_intl_fops);
	xpo_sim_si_debugfs(cage, dir);
	xpo_sim_tune_debugfs(cage, dir);
	debugfs_create_file_unsafe("transfers", 0644, dir, &cage->transfers,
				   &xpo_sim_counter_fops);
	debugfs_create_file_unsafe("bytes", 0644, dir, &cage->bytes,
				   &xpo_sim_counter_fops);
	debugfs_create_file_unsafe("bus_ns", 0644, dir, &cage->bus_ns,
				   &xpo_sim_counter_fops);
	debugfs_create_file_unsafe("bus_wait_ns", 0644, dir,
				   &cage->bus_wait_ns, &xpo_sim_counter_fops);
	debugfs_create_file_unsafe("leak", 0644, dir, cage,
				   &xpo_sim_leak_fops);
	debugfs_create_file("module_state", 0444, dir, cage,
			    &xpo_sim_module_state_fops);
	debugfs_create_file("info", 0444, dir, cage, &xpo_sim_info_fops);
	debugfs_create_file("mem", 0444, dir, cage, &xpo_sim_mem_fops);
	debugfs_create_file("lanes", 0444, dir, cage, &xpo_sim_lanes_fops);
	debugfs_create_file("lane_fault", 0644, dir, cage,
			    &xpo_sim_lane_fault_fops);
	debugfs_create_file("lane_monitors", 0444, dir, cage,
			    &xpo_sim_lane_monitors_fops);
	xpo_sim_debugfs_thermal_cage(cage, dir);
}

/**
 * xpo_sim_debugfs_init() - the board's debugfs files
 * @board: the board
 * @root: the module's directory, /sys/kernel/debug/xpo_sim
 *
 * Board 0's files are in @root itself, where the single-board emulator had
 * them; board B's are in @root/board<B>, so that the two layouts nest
 * without clashing (no cage directory is named board<B>).
 *
 * debugfs is best effort: the board works without it.
 */
void xpo_sim_debugfs_init(struct xpo_sim_board *board, struct dentry *root)
{
	struct dentry *dir = root;
	char name[16];
	unsigned int i;

	if (board->index) {
		snprintf(name, sizeof(name), "board%u", board->index);
		dir = debugfs_create_dir(name, root);
	}
	board->debugfs = dir;
	board->debugfs_files[0] = debugfs_create_file("timing", 0644, dir,
						      board,
						      &xpo_sim_timing_fops);
	board->debugfs_files[1] =
		debugfs_create_file_unsafe("bus_khz", 0644, dir, board,
					   &xpo_sim_bus_khz_fops);
	board->debugfs_files[2] = xpo_sim_debugfs_thermal_board(board, dir);
	for (i = 0; i < board->num_cages; i++)
		xpo_sim_debugfs_cage(&board->cages[i], dir);
}

/*
 * Waits for every open file operation to finish.  Board 0 shares the root
 * with the other boards' directories: it removes only what it created.
 */
void xpo_sim_debugfs_exit(struct xpo_sim_board *board)
{
	unsigned int i;

	if (board->index) {
		debugfs_remove_recursive(board->debugfs);
	} else {
		for (i = board->num_cages; i-- > 0; )
			debugfs_remove_recursive(board->cages[i].debugfs);
		for (i = ARRAY_SIZE(board->debugfs_files); i-- > 0; )
			debugfs_remove(board->debugfs_files[i]);
	}
	for (i = 0; i < board->num_cages; i++)
		board->cages[i].debugfs = NULL;
	for (i = 0; i < ARRAY_SIZE(board->debugfs_files); i++)
		board->debugfs_files[i] = NULL;
	board->debugfs = NULL;
}
