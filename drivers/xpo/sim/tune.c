// SPDX-License-Identifier: GPL-2.0
/*
 * xpo_sim: the tunable lasers of a coherent module (xpo-zr), CMIS 5.2
 * pages 04h (laser capabilities advertising, not banked) and 12h (tunable
 * laser control and status, banked, one entry per media lane), as C-CMIS
 * 1.x uses them and SONiC drives them (sonic-platform-common c_cmis.py,
 * sonic-xcvrd cmis_manager_task.py).  01h:155 b6 (TransmitterIsTunable)
 * says the pages exist; b7 (WavelengthIsControllable) goes with it.
 *
 * The host writes the grid spacing (12h:128 + lane, b7-4) and then the
 * channel number (12h:136 + 2 * lane, s16, MSB first); the write of the
 * channel's low byte asks for the tuning, in the grid in force.  Only
 * while every data path using the media lane is DPDeactivated, as C-CMIS
 * requires (SONiC sets the frequency in its AP_CONFIGURED state, data
 * paths deactivated): otherwise the grid and channel bytes are left as
 * they were and the lane's TuningNotAccepted flag latches.  A channel off
 * the grid or outside the range 04h advertises for it leaves the laser
 * (and the grid and channel bytes) where they were and latches
 * InvalidChannelNumber.  An accepted one sets TuningInProgress and
 * WavelengthUnlocked (12h:222 + lane) for the tuning time, after which the
 * current frequency (12h:168 + 4 * lane, u32 MHz) is the new channel's,
 * both status bits clear and TuningComplete latches.
 *
 * The target output power (12h:200 + 2 * lane, s16 0.01 dBm) may change
 * any time (SONiC sets it without a data path re-init); a value outside
 * 04h:198-201 is refused the same way with TargetOutputPowerOutOfRange.
 *
 * Latched flags (12h:231 + lane) clear on read; 12h:230 summarises them a
 * bit per lane; they assert IntL unless masked by 12h:239 + lane, whose
 * default is every flag masked (CMIS: mask bits default to 1 here).  Fine
 * tuning is not advertised, so 12h:128 b0 and 12h:152-167 are read-only
 * zeros.  Tuning takes XPO_SIM_TUNE_MS in realistic timing, and no time
 * (the next state machine run) in instant timing.
 *
 * Every function here runs with cage->lock held.
 */

#include <linux/bitfield.h>
#include <linux/bitops.h>
#include <linux/debugfs.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "xpo_compat.h"
#include "sim.h"

/* How long a tuning takes in realistic timing: a C-band ITLA-class laser */
#define XPO_SIM_TUNE_MS			1500

#define UP(off)				((off) - CMIS_UPPER_OFFSET)

/*
 * Channel n of a grid: 193.1 THz + (n + offset) * step MHz, n a multiple
 * of @every (CMIS grid codes, as SONiC's c_cmis.py converts them: 75 GHz
 * and 150 GHz count 25 GHz steps).  33 GHz is rounded to a 33.333 GHz step.
 */
static const struct {
	u32 step_mhz;
	s8 offset;
	u8 every;
} xpo_sim_grids[XPO_SIM_GRIDS] = {
	{ 3125, 0, 1 }, { 6250, 0, 1 }, { 12500, 0, 1 }, { 25000, 0, 1 },
	{ 50000, 0, 1 }, { 100000, 0, 1 }, { 33333, 0, 1 }, { 25000, 0, 3 },
	{ 25000, 3, 6 },
};

#define XPO_SIM_ANCHOR_MHZ		193100000

static u32 xpo_sim_tune_freq(unsigned int grid, s16 channel)
{
	return XPO_SIM_ANCHOR_MHZ +
	       (s32)(channel + xpo_sim_grids[grid].offset) *
	       (s32)xpo_sim_grids[grid].step_mhz;
}

/* Is (grid, channel) one the module advertises? */
static bool xpo_sim_tune_valid(const struct xpo_sim_tune *t, unsigned int grid,
			       s16 channel)
{
	if (grid >= XPO_SIM_GRIDS || !(t->grids & BIT(grid)))
		return false;
	if (channel % xpo_sim_grids[grid].every)
		return false;
	return channel >= t->low[grid] && channel <= t->high[grid];
}

static struct xpo_sim_laser *xpo_sim_laser(struct xpo_sim_module *mod,
					   unsigned int bank, unsigned int l)
{
	return &mod->lasers[bank][l];
}

static u8 *xpo_sim_p12(struct xpo_sim_module *mod, unsigned int bank,
		       unsigned int off)
{
	return &mod->mem.page12[bank][UP(off)];
}

/*
 * The first media lane of the data path that host lane @h of @bank is in,
 * from its active DPConfig (11h:206 + h) and the application's host and
 * media lane assignments (CMIS 5.2 section 6.2.1: the i-th permitted start
 * of the host side goes with the i-th of the media side); -1 for a lane in
 * no data path.
 */
static int xpo_sim_tune_media_lane(struct xpo_sim_module *mod,
				   unsigned int bank, unsigned int h,
				   unsigned int *count)
{
	u8 cfg = *xpo_sim_p11(mod, bank, CMIS_P11_ACTIVE_DPCONFIG + h);
	unsigned int appsel = FIELD_GET(CMIS_DPCONFIG_APPSEL, cfg);
	unsigned int first = FIELD_GET(CMIS_DPCONFIG_DPID, cfg), i, n;
	const struct xpo_sim_app *app;
	unsigned long media;

	if (!appsel || appsel > mod->pers->num_apps)
		return -1;
	app = &mod->pers->apps[appsel - 1];
	if (!(app->host_assign & BIT(first)))
		return -1;
	i = hweight8(app->host_assign & (BIT(first) - 1));
	media = app->media_assign;
	n = 0;
	*count = app->lane_counts & 0x0f;
	for_each_set_bit(first, &media, CMIS_LANES_PER_BANK)
		if (n++ == i)
			return first;
	return -1;
}

/* May media lane @l of @bank be tuned: are its data paths DPDeactivated? */
static bool xpo_sim_tune_idle(struct xpo_sim_module *mod, unsigned int bank,
			      unsigned int l)
{
	unsigned int h, count = 0;
	int m;

	for (h = 0; h < CMIS_LANES_PER_BANK; h++) {
		m = xpo_sim_tune_media_lane(mod, bank, h, &count);
		if (m < 0 || l < m || l >= m + count)
			continue;
		if (mod->lanes[bank * CMIS_LANES_PER_BANK + h].state !=
		    CMIS_DP_DEACTIVATED)
			return false;
	}
	return true;
}

/* Grid, channel and power bytes of a lane as the laser has them */
static void xpo_sim_tune_publish(struct xpo_sim_module *mod,
				 unsigned int bank, unsigned int l)
{
	struct xpo_sim_laser *la = xpo_sim_laser(mod, bank, l);

	*xpo_sim_p12(mod, bank, XPO_SIM_P12_GRID + l) =
		FIELD_PREP(XPO_SIM_GRID_SPACING, la->grid);
	put_unaligned_be16(la->channel,
			   xpo_sim_p12(mod, bank, XPO_SIM_P12_CHANNEL + 2 * l));
	put_unaligned_be16(la->power,
			   xpo_sim_p12(mod, bank, XPO_SIM_P12_POWER + 2 * l));
	put_unaligned_be32(la->freq_mhz,
			   xpo_sim_p12(mod, bank, XPO_SIM_P12_FREQ + 4 * l));
	*xpo_sim_p12(mod, bank, XPO_SIM_P12_STATUS + l) =
		la->tuning ? XPO_SIM_TUNE_ST_IN_PROGRESS |
			     XPO_SIM_TUNE_ST_UNLOCKED : 0;
}

static void xpo_sim_tune_flag(struct xpo_sim_module *mod, unsigned int bank,
			      unsigned int l, u8 flag)
{
	*xpo_sim_p12(mod, bank, XPO_SIM_P12_FLAGS + l) |= flag;
	*xpo_sim_p12(mod, bank, XPO_SIM_P12_FLAG_SUMMARY) |= BIT(l);
}

/**
 * xpo_sim_tune_fill() - pages 04h and 12h of a tunable module out of reset
 * @p: personality; nothing is done unless it has a tunable laser
 * @mem: its memory image
 */
void xpo_sim_tune_fill(const struct xpo_sim_personality *p,
		       struct xpo_sim_mem *mem)
{
	const struct xpo_sim_tune *t = p->tune;
	unsigned int g, b, l;
	u8 *pg = mem->page04;

	if (!t)
		return;
	pg[UP(XPO_SIM_P04_GRIDS)] = t->grids & 0xff;
	pg[UP(XPO_SIM_P04_GRIDS2)] = t->grids & BIT(8) ?
				     XPO_SIM_P04_GRID_150 : 0;
	for (g = 0; g < XPO_SIM_GRIDS; g++) {
		if (!(t->grids & BIT(g)))
			continue;
		put_unaligned_be16(t->low[g],
				   &pg[UP(XPO_SIM_P04_CHANNELS + 4 * g)]);
		put_unaligned_be16(t->high[g],
				   &pg[UP(XPO_SIM_P04_CHANNELS + 4 * g + 2)]);
	}
	put_unaligned_be16(t->power_min, &pg[UP(XPO_SIM_P04_POWER_MIN)]);
	put_unaligned_be16(t->power_max, &pg[UP(XPO_SIM_P04_POWER_MAX)]);
	/* page checksum over 128-254, as page 01h and 02h have */
	for (g = 128; g < 255; g++)
		pg[UP(255)] += pg[UP(g)];

	for (b = 0; b < XPO_BANKS; b++)
		for (l = 0; l < t->lasers; l++)
			mem->page12[b][UP(XPO_SIM_P12_MASKS + l)] =
				XPO_SIM_TUNE_FL_ALL;
}

/**
 * xpo_sim_tune_boot() - the lasers of a module out of reset
 * @cage: the cage, memory image freshly built
 *
 * Every laser on the personality's power-on channel, locked.
 */
void xpo_sim_tune_boot(struct xpo_sim_cage *cage)
{
	struct xpo_sim_module *mod = &cage->mod;
	const struct xpo_sim_tune *t = mod->pers->tune;
	unsigned int b, l;

	memset(mod->lasers, 0, sizeof(mod->lasers));
	if (!t)
		return;
	for (b = 0; b < mod->banks; b++)
		for (l = 0; l < t->lasers; l++) {
			struct xpo_sim_laser *la = xpo_sim_laser(mod, b, l);

			la->grid = t->grid;
			la->channel = t->channel;
			la->power = t->power;
			la->freq_mhz = xpo_sim_tune_freq(t->grid, t->channel);
			xpo_sim_tune_publish(mod, b, l);
		}
}

/**
 * xpo_sim_tune_write_byte() - a host write to page 12h
 * @mod: the module, page 12h of a bank it has selected
 * @off: the byte, 128-255
 * @val: the value
 * @tw: what to do once the message is complete
 *
 * Return: true if the write may change IntL (a mask).
 */
bool xpo_sim_tune_write_byte(struct xpo_sim_module *mod, u8 off, u8 val,
			     struct xpo_sim_tune_write *tw)
{
	unsigned int lasers = mod->pers->tune->lasers, l;
	u8 *p = xpo_sim_p12(mod, mod->bank, off);

	tw->bank = mod->bank;
	if (off >= XPO_SIM_P12_MASKS && off < XPO_SIM_P12_MASKS + lasers) {
		*p = val & XPO_SIM_TUNE_FL_ALL;
		return true;
	}
	if (off >= XPO_SIM_P12_POWER && off < XPO_SIM_P12_POWER + 2 * lasers) {
		l = (off - XPO_SIM_P12_POWER) / 2;
		*p = val;
		if ((off - XPO_SIM_P12_POWER) & 1)
			tw->power |= BIT(l);
		return false;
	}
	if (off >= XPO_SIM_P12_GRID && off < XPO_SIM_P12_GRID + lasers)
		l = off - XPO_SIM_P12_GRID;
	else if (off >= XPO_SIM_P12_CHANNEL &&
		 off < XPO_SIM_P12_CHANNEL + 2 * lasers)
		l = (off - XPO_SIM_P12_CHANNEL) / 2;
	else
		return false;		/* read-only, or no laser there */

	if (!xpo_sim_tune_idle(mod, mod->bank, l)) {
		tw->refused |= BIT(l);
		return false;
	}
	if (off < XPO_SIM_P12_CHANNEL) {
		*p = val & XPO_SIM_GRID_SPACING;	/* no fine tuning */
	} else {
		*p = val;
		if ((off - XPO_SIM_P12_CHANNEL) & 1)
			tw->channel |= BIT(l);
	}
	return false;
}

/**
 * xpo_sim_tune_apply() - act on a complete write message to page 12h
 * @cage: the cage
 * @tw: what the message asked for
 */
void xpo_sim_tune_apply(struct xpo_sim_cage *cage,
			const struct xpo_sim_tune_write *tw)
{
	struct xpo_sim_module *mod = &cage->mod;
	const struct xpo_sim_tune *t = mod->pers->tune;
	unsigned long lanes;
	unsigned int l, b = tw->bank;
	bool flagged = false;

	lanes = tw->refused;
	/* a laser that does not take a channel it advertises (tune_reject) */
	if (cage->tune_reject)
		lanes |= tw->channel;
	for_each_set_bit(l, &lanes, CMIS_LANES_PER_BANK) {
		xpo_sim_tune_flag(mod, b, l, XPO_SIM_TUNE_FL_NOT_ACCEPTED);
		xpo_sim_tune_publish(mod, b, l);
		flagged = true;
	}

	lanes = cage->tune_reject ? 0 : tw->channel & ~tw->refused;
	for_each_set_bit(l, &lanes, CMIS_LANES_PER_BANK) {
		struct xpo_sim_laser *la = xpo_sim_laser(mod, b, l);
		unsigned int grid = FIELD_GET(XPO_SIM_GRID_SPACING,
					      *xpo_sim_p12(mod, b,
							   XPO_SIM_P12_GRID + l));
		s16 ch = get_unaligned_be16(xpo_sim_p12(mod, b,
							XPO_SIM_P12_CHANNEL +
							2 * l));

		if (!xpo_sim_tune_valid(t, grid, ch)) {
			dev_dbg(&cage->board->dev,
				"cage %u bank %u laser %u: grid %u channel %d refused\n",
				cage->index, b, l, grid, ch);
			xpo_sim_tune_flag(mod, b, l,
					  XPO_SIM_TUNE_FL_BAD_CHANNEL);
			xpo_sim_tune_publish(mod, b, l);
			flagged = true;
			continue;
		}
		la->grid = grid;
		la->channel = ch;
		la->target_mhz = xpo_sim_tune_freq(grid, ch);
		la->tuning = true;
		la->due = jiffies + (READ_ONCE(cage->board->timing) ==
				     XPO_SIM_TIMING_INSTANT ? 0 :
				     msecs_to_jiffies(XPO_SIM_TUNE_MS));
		xpo_sim_tune_publish(mod, b, l);
		xpo_sim_cage_kick(cage, la->due - jiffies);
	}

	lanes = tw->power;
	for_each_set_bit(l, &lanes, CMIS_LANES_PER_BANK) {
		struct xpo_sim_laser *la = xpo_sim_laser(mod, b, l);
		s16 p = get_unaligned_be16(xpo_sim_p12(mod, b,
						       XPO_SIM_P12_POWER +
						       2 * l));

		if (p >= t->power_min && p <= t->power_max) {
			la->power = p;
			continue;
		}
		xpo_sim_tune_flag(mod, b, l, XPO_SIM_TUNE_FL_POWER_RANGE);
		xpo_sim_tune_publish(mod, b, l);
		flagged = true;
	}
	if (flagged)
		xpo_sim_module_update_intl(cage);
}

/**
 * xpo_sim_tune_step() - finish the tunings that are due
 * @cage: the cage, its module running
 *
 * Called from the state machine work and around every I2C message (a
 * laser's tuning does not wait for the host's workqueue either).
 */
void xpo_sim_tune_step(struct xpo_sim_cage *cage)
{
	struct xpo_sim_module *mod = &cage->mod;
	unsigned long wait = MAX_JIFFY_OFFSET;
	bool flagged = false;
	unsigned int b, l;

	if (!mod->pers->tune)
		return;
	for (b = 0; b < mod->banks; b++)
		for (l = 0; l < mod->pers->tune->lasers; l++) {
			struct xpo_sim_laser *la = xpo_sim_laser(mod, b, l);

			if (!la->tuning)
				continue;
			if (time_before(jiffies, la->due)) {
				wait = min(wait, la->due - jiffies);
				continue;
			}
			la->tuning = false;
			la->freq_mhz = la->target_mhz;
			xpo_sim_tune_publish(mod, b, l);
			xpo_sim_tune_flag(mod, b, l, XPO_SIM_TUNE_FL_COMPLETE);
			flagged = true;
		}
	if (flagged)
		xpo_sim_module_update_intl(cage);
	if (wait != MAX_JIFFY_OFFSET)
		xpo_sim_cage_kick(cage, wait);
}

/**
 * xpo_sim_tune_flags_pending() - would the page 12h flags assert IntL?
 * @mod: the module
 *
 * Return: true if an unmasked latched flag is set in any bank.
 */
bool xpo_sim_tune_flags_pending(struct xpo_sim_module *mod)
{
	unsigned int b, l;

	if (!mod->pers->tune)
		return false;
	for (b = 0; b < mod->banks; b++)
		for (l = 0; l < CMIS_LANES_PER_BANK; l++)
			if (*xpo_sim_p12(mod, b, XPO_SIM_P12_FLAGS + l) &
			    ~*xpo_sim_p12(mod, b, XPO_SIM_P12_MASKS + l))
				return true;
	return false;
}

/**
 * xpo_sim_tune_read_clear() - a host read covered latched flags of 12h
 * @mod: the module, page 12h of a bank selected
 * @lanes: b<n>: 12h:231 + n was read
 *
 * The flags clear, and so do their summary bits.
 */
void xpo_sim_tune_read_clear(struct xpo_sim_module *mod, unsigned long lanes)
{
	unsigned int l;

	for_each_set_bit(l, &lanes, CMIS_LANES_PER_BANK) {
		*xpo_sim_p12(mod, mod->bank, XPO_SIM_P12_FLAGS + l) = 0;
		*xpo_sim_p12(mod, mod->bank, XPO_SIM_P12_FLAG_SUMMARY) &=
			~BIT(l);
	}
}

/* cage<N>/tune_reject: 1 refuses every channel with TuningNotAccepted */
static int xpo_sim_tune_reject_get(void *data, u64 *val)
{
	struct xpo_sim_cage *cage = data;

	mutex_lock(&cage->lock);
	*val = cage->tune_reject;
	mutex_unlock(&cage->lock);
	return 0;
}

static int xpo_sim_tune_reject_set(void *data, u64 val)
{
	struct xpo_sim_cage *cage = data;

	if (val > 1)
		return -EINVAL;
	mutex_lock(&cage->lock);
	cage->tune_reject = val;
	mutex_unlock(&cage->lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(xpo_sim_tune_reject_fops, xpo_sim_tune_reject_get,
			 xpo_sim_tune_reject_set, "%llu\n");

/**
 * xpo_sim_tune_debugfs() - the tuning fault knob of a cage
 * @cage: the cage
 * @dir: its debugfs directory
 *
 * tune_reject: lasers that refuse every channel the host writes, valid or
 * not (TuningNotAccepted latched, the laser left where it was), for the
 * host's restore path.
 */
void xpo_sim_tune_debugfs(struct xpo_sim_cage *cage, struct dentry *dir)
{
	debugfs_create_file_unsafe("tune_reject", 0644, dir, cage,
				   &xpo_sim_tune_reject_fops);
}
