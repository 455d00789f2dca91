// SPDX-License-Identifier: GPL-2.0
/*
 * xpo_sim emulated module: the CMIS 5.2 memory map as seen through the
 * 256-byte window at I2C address 0x50, the module state machine (CMIS 5.2
 * section 6.3.2), latched flags and the IntL signal.  The data paths live
 * in datapath.c, the lane monitors in monitors.c.
 *
 * Every function here runs with cage->lock held.
 */

#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/jiffies.h>
#include <linux/string.h>

#include "sim.h"

/* ModuleFaultCause (00h:41) reported by hold_state=fault: TEC runaway */
#define XPO_SIM_FAULT_CAUSE		1

/* Byte 26 bits a host can set; SoftwareReset self-clears */
#define XPO_SIM_CTRL_WRITABLE		(CMIS_CTRL_BANK_BCAST | \
					 CMIS_CTRL_LOWPWR_ALLOW_HW | \
					 CMIS_CTRL_SQUELCH_POUT | \
					 CMIS_CTRL_LOWPWR_REQ_SW)

/* Page 10h: 128-239 are host controls, 240-255 reserved */
#define XPO_SIM_P10_LAST_WRITABLE	239

/* Flags bytes 8-13 and their masks 31-36 */
#define XPO_SIM_NUM_FLAG_BYTES		6

/* Banks with a flags summary byte in 00h:4-7 */
#define XPO_SIM_SUMMARY_BANKS		4

/* Side effects of a write message, applied once the message is complete */
#define XPO_SIM_ACT_KICK		BIT(0)	/* re-run the state machines */
#define XPO_SIM_ACT_INTL		BIT(1)	/* re-evaluate IntL */
#define XPO_SIM_ACT_RESET		BIT(2)	/* SoftwareReset */

struct xpo_sim_write {
	unsigned int actions;		/* XPO_SIM_ACT_* */
	u8 apply_bank;			/* bank of the Apply triggers below */
	u8 apply_dpinit;		/* lanes written to 10h:143 */
	u8 apply_immediate;		/* lanes written to 10h:144 */
	struct xpo_sim_tune_write tune;	/* page 12h requests */
};

static const char * const xpo_sim_state_names[] = {
	[CMIS_MODULE_LOWPWR]	= "lowpwr",
	[CMIS_MODULE_PWRUP]	= "pwrup",
	[CMIS_MODULE_READY]	= "ready",
	[CMIS_MODULE_PWRDN]	= "pwrdn",
	[CMIS_MODULE_FAULT]	= "fault",
};

const char * const xpo_sim_hold_names[XPO_SIM_HOLD_NUM] = {
	[XPO_SIM_HOLD_NONE]	= "none",
	[XPO_SIM_HOLD_LOWPWR]	= "lowpwr",
	[XPO_SIM_HOLD_PWRUP]	= "pwrup",
	[XPO_SIM_HOLD_READY]	= "ready",
	[XPO_SIM_HOLD_PWRDN]	= "pwrdn",
	[XPO_SIM_HOLD_FAULT]	= "fault",
};

static const enum cmis_module_state xpo_sim_hold_state[] = {
	[XPO_SIM_HOLD_LOWPWR]	= CMIS_MODULE_LOWPWR,
	[XPO_SIM_HOLD_PWRUP]	= CMIS_MODULE_PWRUP,
	[XPO_SIM_HOLD_READY]	= CMIS_MODULE_READY,
	[XPO_SIM_HOLD_PWRDN]	= CMIS_MODULE_PWRDN,
	[XPO_SIM_HOLD_FAULT]	= CMIS_MODULE_FAULT,
};

/* Upper bound of each duration code in ms, CMIS 5.2 table 8-47 */
static const unsigned int xpo_sim_duration_ms[CMIS_DURATION_CODES] = {
	1, 5, 10, 50, 100, 500, 1000, 5000, 10000,
	60000, 300000, 600000, 3000000, 3000000,
};

/**
 * xpo_sim_duration() - how long a timed transition takes
 * @cage: the cage
 * @code: the duration code the module advertises for it (01h:144, 167, 168)
 *
 * Nothing in instant timing; in realistic timing 90% of the advertised
 * bound, so that a host honouring the advertised duration never times out,
 * and one that ignores it does.
 *
 * Return: jiffies.
 */
unsigned long xpo_sim_duration(struct xpo_sim_cage *cage, u8 code)
{
	if (READ_ONCE(cage->board->timing) == XPO_SIM_TIMING_INSTANT)
		return 0;
	if (code >= CMIS_DURATION_CODES)
		code = 0;			/* reserved: fastest */
	return usecs_to_jiffies(xpo_sim_duration_ms[code] * 900U);
}

/* ModulePwrUp or ModulePwrDn, as advertised in 01h:167 */
static unsigned long xpo_sim_module_duration(struct xpo_sim_cage *cage,
					     bool power_up)
{
	u8 code = cage->mod.mem.page01[CMIS_P01_MODULE_DURATION -
				       CMIS_UPPER_OFFSET];

	return xpo_sim_duration(cage, power_up ? code & 0x0f : code >> 4);
}

static bool xpo_sim_lowpwr_requested(const struct xpo_sim_module *mod)
{
	u8 ctrl = mod->mem.lower[CMIS_MODULE_CTRL];

	return (ctrl & CMIS_CTRL_LOWPWR_REQ_SW) ||
	       ((ctrl & CMIS_CTRL_LOWPWR_ALLOW_HW) && mod->seen.lpmode);
}

/**
 * xpo_sim_module_update_intl() - set IntL from the latched flags
 * @cage: the cage
 *
 * IntL is asserted while any unmasked latched flag is set: 00h:8-13 under
 * the masks 00h:31-36, the lane flags 11h:134-152 of every bank under the
 * masks 10h:213-231 of the bank, and the telemetry page flags (not
 * maskable), or always while debugfs hold_intl is set.  00h:3 b0 mirrors
 * the pin; 00h:4-7 summarise the lane flags of banks 0-3, masked or not.
 */
void xpo_sim_module_update_intl(struct xpo_sim_cage *cage)
{
	struct xpo_sim_module *mod = &cage->mod;
	u8 *lo = mod->mem.lower;
	bool asserted = false;
	unsigned int b, i;

	for (i = 0; i < XPO_SIM_NUM_FLAG_BYTES; i++)
		if (lo[CMIS_MODULE_FLAGS + i] & ~lo[CMIS_MODULE_MASKS + i])
			asserted = true;
	for (b = 0; b < mod->banks; b++) {
		const u8 *flags = xpo_sim_p11(mod, b, CMIS_P11_LANE_FLAGS);
		const u8 *masks = xpo_sim_p10(mod, b, CMIS_P10_LANE_MASKS);
		bool any = false;

		for (i = 0; i < CMIS_P11_LANE_FLAGS_LEN; i++) {
			if (flags[i])
				any = true;
			if (flags[i] & ~masks[i])
				asserted = true;
		}
		if (b < XPO_SIM_SUMMARY_BANKS)
			lo[CMIS_BANK0_FLAGS_SUMMARY + b] =
				any ? CMIS_FLAGS_SUMMARY_P11 : 0;
	}
	/* the tunable lasers' flags (12h:231-238), under 12h:239-246 */
	if (xpo_sim_tune_flags_pending(mod))
		asserted = true;
	if (mod->pers->telemetry_page &&
	    (mod->mem.page_tlm[XPO_TLM_FLAGS - CMIS_UPPER_OFFSET] ||
	     mod->mem.page_tlm[XPO_TLM_ENGINE_FLAGS - CMIS_UPPER_OFFSET]))
		asserted = true;
	/* a stuck IntL, or a flag the host cannot clear (debugfs hold_intl) */
	if (cage->hold_intl)
		asserted = true;

	if (asserted)
		lo[CMIS_MODULE_STATE] &= ~CMIS_INT_DEASSERTED;
	else
		lo[CMIS_MODULE_STATE] |= CMIS_INT_DEASSERTED;
	xpo_sim_gpio_set_input(cage, XPO_SIM_LINE_INT, !asserted);
}

static void xpo_sim_module_enter(struct xpo_sim_cage *cage,
				 enum cmis_module_state state)
{
	struct xpo_sim_module *mod = &cage->mod;
	u8 *lo = mod->mem.lower;

	if (mod->state != state)
		dev_dbg(&cage->board->dev, "cage %u: module %s -> %s\n",
			cage->index, xpo_sim_state_names[mod->state],
			xpo_sim_state_names[state]);
	mod->state = state;
	mod->state_since = jiffies;
	lo[CMIS_MODULE_STATE] &= ~CMIS_MODULE_STATE_MASK;
	lo[CMIS_MODULE_STATE] |= FIELD_PREP(CMIS_MODULE_STATE_MASK, state);
	if (state == CMIS_MODULE_FAULT)
		lo[CMIS_FAULT_CAUSE] = XPO_SIM_FAULT_CAUSE;
	/* no data path survives a module in low power or in fault */
	if (state == CMIS_MODULE_LOWPWR || state == CMIS_MODULE_FAULT)
		xpo_sim_dp_down(cage);
	lo[CMIS_MODULE_FLAGS] |= CMIS_FLAG_STATE_CHANGED;
	xpo_sim_module_update_intl(cage);
}

/*
 * The module stops answering and lets IntL float high: supply removed,
 * ResetL asserted, or about to be pulled.
 */
static void xpo_sim_module_halt(struct xpo_sim_cage *cage)
{
	cage->mod.running = false;
	xpo_sim_gpio_set_input(cage, XPO_SIM_LINE_INT, true);
}

/*
 * Power-on or reset release: the module rebuilds its memory map from its
 * personality (volatile controls return to their defaults), and once its
 * management interface is up enters ModuleLowPwr, announcing it with
 * ModuleStateChanged and IntL.
 */
static void xpo_sim_module_boot(struct xpo_sim_cage *cage)
{
	struct xpo_sim_module *mod = &cage->mod;

	memset(&mod->mem, 0, sizeof(mod->mem));
	xpo_sim_personality_fill(mod->pers,
				 XPO_SIM_CAGE_ID(cage->board->index, cage->index),
				 &mod->mem);
	mod->tlm = *mod->pers->telemetry;
	xpo_sim_telemetry_publish(&mod->tlm, mod->pers->telemetry_page,
				  &mod->mem);
	xpo_sim_dp_boot(cage);
	xpo_sim_tune_boot(cage);
	mod->bank = 0;
	mod->offset = 0;
	mod->running = true;
	mod->state = CMIS_MODULE_LOWPWR;
	/* live values from the thermal model before anyone can read */
	xpo_sim_thermal_boot(cage);
	dev_dbg(&cage->board->dev, "cage %u: module boots (%s)\n", cage->index,
		mod->pers->name);
	xpo_sim_module_enter(cage, CMIS_MODULE_LOWPWR);
	xpo_sim_cage_kick(cage, 0);
}

/**
 * xpo_sim_module_sync() - apply the host-driven cage lines to the module
 * @cage: the cage
 *
 * The GPIO callbacks only record line levels (they may run in atomic
 * context); the module applies them here, before every I2C message and
 * every state machine step, so it never acts on a stale view.  A supply
 * drop or reset pulse shorter than the time between two syncs is not lost:
 * the GPIO side counts them.
 *
 * Return: true if the module is answering I2C.
 */
bool xpo_sim_module_sync(struct xpo_sim_cage *cage)
{
	struct xpo_sim_module *mod = &cage->mod;
	struct xpo_sim_pins pins;
	bool restarted, lpmode_changed;

	if (!mod->present)
		return false;

	xpo_sim_gpio_pins(cage, &pins);
	restarted = pins.power_cycles != mod->seen.power_cycles ||
		    pins.resets != mod->seen.resets;
	lpmode_changed = pins.lpmode != mod->seen.lpmode;
	mod->seen = pins;

	if (mod->running && (restarted || !pins.power || pins.reset))
		xpo_sim_module_halt(cage);
	if (!mod->running && pins.power && !pins.reset)
		xpo_sim_module_boot(cage);
	else if (mod->running && lpmode_changed)
		xpo_sim_cage_kick(cage, 0);
	return mod->running;
}

/**
 * xpo_sim_module_insert() - seat a fresh module of the cage's personality
 * @cage: the cage
 */
void xpo_sim_module_insert(struct xpo_sim_cage *cage)
{
	struct xpo_sim_module *mod = &cage->mod;

	if (mod->present)
		return;
	mod->present = true;
	mod->running = false;
	mod->pers = cage->pers;
	mod->banks = xpo_sim_personality_banks(mod->pers);
	xpo_sim_gpio_pins(cage, &mod->seen);
	xpo_sim_gpio_set_input(cage, XPO_SIM_LINE_PRESENT, false);
	xpo_sim_module_sync(cage);
}

/**
 * xpo_sim_module_remove() - pull the module out of the cage
 * @cage: the cage
 *
 * Takes effect at once: the next I2C message NACKs.
 */
void xpo_sim_module_remove(struct xpo_sim_cage *cage)
{
	struct xpo_sim_module *mod = &cage->mod;

	if (!mod->present)
		return;
	xpo_sim_module_halt(cage);
	mod->present = false;
	xpo_sim_gpio_set_input(cage, XPO_SIM_LINE_PRESENT, true);
}

/**
 * xpo_sim_module_step() - one state machine step of the module
 * @cage: the cage, its lock held, its module synced and running
 *
 * At most one transition, then the work is re-queued for the next one.
 * Called from the module's work and, because a real module's timers run
 * on its own silicon however busy the host is, by the I2C side around
 * every message: delayed work on a starved host (a debug kernel under
 * TCG) can run seconds late, and a host keeping the advertised deadline
 * (01h:167) would see a power-up that a real module had long finished.
 * One step at a time either way, so every state is still entered on its
 * own and reported with ModuleStateChanged.
 */
void xpo_sim_module_step(struct xpo_sim_cage *cage)
{
	struct xpo_sim_module *mod = &cage->mod;
	enum xpo_sim_hold hold = cage->hold;
	unsigned long due;
	bool lowpwr;

	if (hold == XPO_SIM_HOLD_FAULT) {
		if (mod->state != CMIS_MODULE_FAULT)
			xpo_sim_module_enter(cage, CMIS_MODULE_FAULT);
		return;
	}
	/* held: the module stays where it is, whatever the host asks */
	if (hold != XPO_SIM_HOLD_NONE && xpo_sim_hold_state[hold] == mod->state)
		return;

	lowpwr = xpo_sim_lowpwr_requested(mod);
	switch (mod->state) {
	case CMIS_MODULE_LOWPWR:
		if (lowpwr)
			return;
		xpo_sim_module_enter(cage, CMIS_MODULE_PWRUP);
		xpo_sim_cage_kick(cage, xpo_sim_module_duration(cage, true));
		return;
	case CMIS_MODULE_PWRUP:
		if (lowpwr) {
			xpo_sim_module_enter(cage, CMIS_MODULE_PWRDN);
			xpo_sim_cage_kick(cage,
					  xpo_sim_module_duration(cage, false));
			return;
		}
		due = mod->state_since + xpo_sim_module_duration(cage, true);
		if (time_before(jiffies, due)) {
			xpo_sim_cage_kick(cage, due - jiffies);
			return;
		}
		xpo_sim_module_enter(cage, CMIS_MODULE_READY);
		xpo_sim_cage_kick(cage, 0);
		return;
	case CMIS_MODULE_READY:
		if (!lowpwr)
			return;
		xpo_sim_module_enter(cage, CMIS_MODULE_PWRDN);
		xpo_sim_cage_kick(cage, xpo_sim_module_duration(cage, false));
		return;
	case CMIS_MODULE_PWRDN:
		due = mod->state_since + xpo_sim_module_duration(cage, false);
		if (time_before(jiffies, due)) {
			xpo_sim_cage_kick(cage, due - jiffies);
			return;
		}
		/* the data paths wind down first; their steps kick us */
		if (xpo_sim_dp_busy(cage))
			return;
		xpo_sim_module_enter(cage, CMIS_MODULE_LOWPWR);
		xpo_sim_cage_kick(cage, 0);
		return;
	case CMIS_MODULE_FAULT:
		/* only a reset, a power cycle or a new module leaves Fault */
		return;
	}
}

void xpo_sim_module_sm_work(struct work_struct *work)
{
	struct xpo_sim_cage *cage = container_of(to_delayed_work(work),
						 struct xpo_sim_cage, sm_work);

	mutex_lock(&cage->lock);
	if (xpo_sim_module_sync(cage)) {
		xpo_sim_module_step(cage);
		xpo_sim_dp_step(cage);
		xpo_sim_tune_step(cage);
	}
	mutex_unlock(&cage->lock);
}

/**
 * xpo_sim_module_set_hold() - hold the state machine in a state
 * @cage: the cage
 * @hold: the state to stop in, or XPO_SIM_HOLD_NONE
 *
 * The module keeps running until it is in (or enters) the held state and
 * then stays there; XPO_SIM_HOLD_FAULT forces ModuleFault at once.
 * Releasing a fault hold leaves the module in ModuleFault until the host
 * resets or power cycles it, as a real module would.
 */
void xpo_sim_module_set_hold(struct xpo_sim_cage *cage, enum xpo_sim_hold hold)
{
	cage->hold = hold;
	if (cage->mod.running)
		xpo_sim_cage_kick(cage, 0);
}

/**
 * xpo_sim_module_state_name() - what the module is doing, for debugfs
 * @cage: the cage
 *
 * Return: "absent", "unpowered", "reset", or the ModuleState as the
 * lower-case hold_state token ("lowpwr", "pwrup", "ready", "pwrdn", "fault").
 */
const char *xpo_sim_module_state_name(struct xpo_sim_cage *cage)
{
	struct xpo_sim_module *mod = &cage->mod;

	if (!xpo_sim_module_sync(cage)) {
		if (!mod->present)
			return "absent";
		if (!mod->seen.power)
			return "unpowered";
		return "reset";
	}
	return xpo_sim_state_names[mod->state];
}

/* The upper page the window shows, or NULL if not implemented */
static u8 *xpo_sim_module_page(struct xpo_sim_module *mod)
{
	u8 page = mod->mem.lower[CMIS_PAGE_SELECT];

	switch (page) {
	case 0x00:
		return mod->mem.page00;
	case 0x01:
		return mod->mem.page01;
	case 0x02:
		return mod->mem.page02;
	case CMIS_PAGE_LANE_CTRL:
		return mod->bank < mod->banks ? mod->mem.page10[mod->bank] : NULL;
	case CMIS_PAGE_LANE_STATUS:
		return mod->bank < mod->banks ? mod->mem.page11[mod->bank] : NULL;
	case XPO_SIM_PAGE_LASER_CAPS:
		return mod->pers->tune ? mod->mem.page04 : NULL;
	case XPO_SIM_PAGE_LASER_CTRL:
		return mod->pers->tune && mod->bank < mod->banks ?
		       mod->mem.page12[mod->bank] : NULL;
	case XPO_PAGE_TELEMETRY:
		return mod->pers->telemetry_page && mod->bank == 0 ?
		       mod->mem.page_tlm : NULL;
	}
	return NULL;
}

static u8 xpo_sim_module_read_byte(struct xpo_sim_module *mod, u8 off)
{
	const u8 *pg;

	if (off < CMIS_UPPER_OFFSET) {
		/* the password bytes are write-only */
		if (off >= CMIS_PASSWORD_CHANGE && off < CMIS_BANK_SELECT)
			return 0;
		return mod->mem.lower[off];
	}
	pg = xpo_sim_module_page(mod);
	if (!pg)
		return 0;
	/* ApplyDPInit and ApplyImmediate are write-only triggers */
	if (mod->mem.lower[CMIS_PAGE_SELECT] == CMIS_PAGE_LANE_CTRL &&
	    (off == CMIS_P10_APPLY_DPINIT || off == CMIS_P10_APPLY_IMMEDIATE))
		return 0;
	return pg[off - CMIS_UPPER_OFFSET];
}

static void xpo_sim_module_write_byte(struct xpo_sim_module *mod, u8 off,
				      u8 val, struct xpo_sim_write *w)
{
	u8 *lo = mod->mem.lower;
	u8 *pg;

	if (off < CMIS_UPPER_OFFSET) {
		switch (off) {
		case CMIS_MODULE_CTRL:
			lo[off] = val & XPO_SIM_CTRL_WRITABLE;
			if (val & CMIS_CTRL_SW_RESET)
				w->actions |= XPO_SIM_ACT_RESET;
			w->actions |= XPO_SIM_ACT_KICK;
			break;
		case CMIS_MODULE_MASKS ...
		     CMIS_MODULE_MASKS + XPO_SIM_NUM_FLAG_BYTES - 1:
			lo[off] = val;
			w->actions |= XPO_SIM_ACT_INTL;
			break;
		case CMIS_BANK_SELECT:
			/* takes effect with the next PageSelect write */
			lo[off] = val;
			break;
		case CMIS_PAGE_SELECT:
			lo[off] = val;
			mod->bank = lo[CMIS_BANK_SELECT];
			break;
		default:
			/*
			 * Read-only, and the password bytes: no password
			 * protection is modelled, so entries are accepted
			 * and not stored.
			 */
			break;
		}
		return;
	}

	/* the host-writable upper pages: lane control and laser control */
	pg = xpo_sim_module_page(mod);
	if (!pg)
		return;
	if (lo[CMIS_PAGE_SELECT] == XPO_SIM_PAGE_LASER_CTRL) {
		if (xpo_sim_tune_write_byte(mod, off, val, &w->tune))
			w->actions |= XPO_SIM_ACT_INTL;
		return;
	}
	if (lo[CMIS_PAGE_SELECT] != CMIS_PAGE_LANE_CTRL ||
	    off > XPO_SIM_P10_LAST_WRITABLE)
		return;
	/* the Apply triggers act once the message is complete */
	switch (off) {
	case CMIS_P10_APPLY_DPINIT:
		w->apply_dpinit |= val;
		w->apply_bank = mod->bank;
		return;
	case CMIS_P10_APPLY_IMMEDIATE:
		w->apply_immediate |= val;
		w->apply_bank = mod->bank;
		return;
	}
	pg[off - CMIS_UPPER_OFFSET] = val;
	if (off >= CMIS_P10_LANE_MASKS &&
	    off < CMIS_P10_LANE_MASKS + CMIS_P11_LANE_FLAGS_LEN)
		w->actions |= XPO_SIM_ACT_INTL;
	else
		w->actions |= XPO_SIM_ACT_KICK;	/* the data paths follow */
}

/**
 * xpo_sim_module_read() - an I2C read message at the address counter
 * @cage: the cage
 * @buf: data
 * @len: bytes to read
 *
 * The 8-bit address counter runs from the lower memory into the selected
 * page and wraps from 255 to 0.  Latched flags a read covered (00h:8-13,
 * 11h:134-152 of the selected bank, B0h:139-140) are cleared once the
 * message is complete.
 *
 * Return: 0.
 */
int xpo_sim_module_read(struct xpo_sim_cage *cage, u8 *buf, u16 len)
{
	struct xpo_sim_module *mod = &cage->mod;
	bool tlm_page = mod->pers->telemetry_page && mod->bank == 0 &&
			mod->mem.lower[CMIS_PAGE_SELECT] == XPO_PAGE_TELEMETRY;
	bool lane_page = mod->bank < mod->banks &&
			 mod->mem.lower[CMIS_PAGE_SELECT] == CMIS_PAGE_LANE_STATUS;
	bool laser_page = mod->pers->tune && mod->bank < mod->banks &&
			  mod->mem.lower[CMIS_PAGE_SELECT] ==
			  XPO_SIM_PAGE_LASER_CTRL;
	unsigned long laser_cleared = 0;
	u8 *tlm = mod->mem.page_tlm;
	unsigned long lower_cleared = 0, lane_cleared = 0;
	bool tlm_cleared = false;
	unsigned int i, bit;
	u8 off;

	for (i = 0; i < len; i++) {
		off = mod->offset++;
		buf[i] = xpo_sim_module_read_byte(mod, off);
		if (off >= CMIS_MODULE_FLAGS &&
		    off < CMIS_MODULE_FLAGS + XPO_SIM_NUM_FLAG_BYTES)
			__set_bit(off - CMIS_MODULE_FLAGS, &lower_cleared);
		if (tlm_page &&
		    (off == XPO_TLM_FLAGS || off == XPO_TLM_ENGINE_FLAGS)) {
			tlm[off - CMIS_UPPER_OFFSET] = 0;
			tlm_cleared = true;
		}
		if (lane_page && off >= CMIS_P11_LANE_FLAGS &&
		    off < CMIS_P11_LANE_FLAGS + CMIS_P11_LANE_FLAGS_LEN)
			__set_bit(off - CMIS_P11_LANE_FLAGS, &lane_cleared);
		if (laser_page && off >= XPO_SIM_P12_FLAGS &&
		    off < XPO_SIM_P12_FLAGS + CMIS_LANES_PER_BANK)
			__set_bit(off - XPO_SIM_P12_FLAGS, &laser_cleared);
	}
	if (laser_cleared)
		xpo_sim_tune_read_clear(mod, laser_cleared);

	for_each_set_bit(bit, &lower_cleared, XPO_SIM_NUM_FLAG_BYTES)
		mod->mem.lower[CMIS_MODULE_FLAGS + bit] = 0;
	for_each_set_bit(bit, &lane_cleared, CMIS_P11_LANE_FLAGS_LEN)
		xpo_sim_p11(mod, mod->bank, CMIS_P11_LANE_FLAGS)[bit] = 0;
	if (lower_cleared || lane_cleared || tlm_cleared || laser_cleared)
		xpo_sim_module_update_intl(cage);
	return 0;
}

/**
 * xpo_sim_module_write() - an I2C write message
 * @cage: the cage
 * @buf: the byte offset, then data
 * @len: message length; 0 only addresses the module
 *
 * The first byte loads the address counter, the rest are written from
 * there on.  Writes to read-only or unimplemented bytes are ignored.
 *
 * Return: 0.
 */
int xpo_sim_module_write(struct xpo_sim_cage *cage, const u8 *buf, u16 len)
{
	struct xpo_sim_module *mod = &cage->mod;
	struct xpo_sim_write w = { };
	unsigned int i;

	if (!len)
		return 0;
	mod->offset = buf[0];
	for (i = 1; i < len; i++)
		xpo_sim_module_write_byte(mod, mod->offset++, buf[i], &w);

	if (w.actions & XPO_SIM_ACT_RESET) {
		dev_dbg(&cage->board->dev, "cage %u: module software reset\n",
			cage->index);
		xpo_sim_module_halt(cage);
		xpo_sim_module_boot(cage);
		return 0;
	}
	if (w.apply_dpinit)
		xpo_sim_dp_apply(cage, w.apply_bank, w.apply_dpinit, false);
	if (w.apply_immediate)
		xpo_sim_dp_apply(cage, w.apply_bank, w.apply_immediate, true);
	if (w.apply_dpinit || w.apply_immediate)
		w.actions |= XPO_SIM_ACT_KICK;
	if (w.tune.channel || w.tune.power || w.tune.refused)
		xpo_sim_tune_apply(cage, &w.tune);
	if (w.actions & XPO_SIM_ACT_INTL)
		xpo_sim_module_update_intl(cage);
	if (w.actions & XPO_SIM_ACT_KICK)
		xpo_sim_cage_kick(cage, 0);
	return 0;
}
