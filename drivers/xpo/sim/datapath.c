// SPDX-License-Identifier: GPL-2.0
/*
 * xpo_sim emulated module: the data paths (CMIS 5.2 section 6.3.3).
 *
 * Every host lane has a data path state, shown as a nibble in 11h:128-131
 * of its bank.  The lanes of one data path, those of a bank with the same
 * AppSel and DataPathID in the active control set (11h:206-213), move
 * together:
 *
 *   DPDeactivated -> DPInit -> DPInitialized -> DPTxTurnOn -> DPActivated
 *   DPActivated -> DPTxTurnOff -> DPInitialized, or DPDeinit if deinitialised
 *   DPInitialized -> DPDeinit -> DPDeactivated
 *
 * A data path is deinitialised while the module is not in ModuleReady or
 * the DataPathDeinit bit (10h:128) of any of its lanes is set; its
 * transmitters are off while the Tx disable bits (10h:130) of all its
 * lanes are set (a lane disabled on its own just has its output off, see
 * monitors.c).  DPInit, DPDeinit, DPTxTurnOn and DPTxTurnOff last what
 * 01h:144 and 01h:168 advertise in realistic timing, one state machine run
 * in instant timing, so that every state is entered, flagged and can be
 * seen; while the module powers down they end with ModulePwrDn at the
 * latest.  Transient states always complete; the data path then follows
 * its controls.  Lanes with AppSel 0 belong to no data path and stay
 * DPDeactivated.
 *
 * Every lane state change latches the lane's DPStateChanged flag (11h:134,
 * clear on read) and re-evaluates IntL.  The module state machine takes
 * every lane down when it leaves ModuleReady (module.c).
 *
 * The host configures data paths through staged control set 0 (10h:145-152)
 * and ApplyDPInit (10h:143) or ApplyImmediate (10h:144); see
 * xpo_sim_dp_apply().
 *
 * Every function here runs with cage->lock held.
 */

#include <linux/bitfield.h>
#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>

#include "sim.h"

/* The DPConfig bits that say which data path a lane belongs to */
#define XPO_SIM_DP_KEY		(CMIS_DPCONFIG_APPSEL | CMIS_DPCONFIG_DPID)

const char * const xpo_sim_dp_names[XPO_SIM_DP_NAMES] = {
	[0]			= "none",
	[CMIS_DP_DEACTIVATED]	= "deactivated",
	[CMIS_DP_INIT]		= "init",
	[CMIS_DP_DEINIT]	= "deinit",
	[CMIS_DP_ACTIVATED]	= "activated",
	[CMIS_DP_TXTURNON]	= "txturnon",
	[CMIS_DP_TXTURNOFF]	= "txturnoff",
	[CMIS_DP_INITIALIZED]	= "initialized",
};

static const char * const xpo_sim_config_names[] = {
	[CMIS_CONFIG_UNDEFINED]		= "undefined",
	[CMIS_CONFIG_SUCCESS]		= "success",
	[CMIS_CONFIG_REJECTED]		= "rejected",
	[CMIS_CONFIG_INVALID_APPSEL]	= "invalid-appsel",
	[CMIS_CONFIG_INVALID_DP]	= "invalid-dp",
	[CMIS_CONFIG_INVALID_SI]	= "invalid-si",
	[CMIS_CONFIG_LANES_IN_USE]	= "lanes-in-use",
	[CMIS_CONFIG_PARTIAL_DP]	= "partial-dp",
	[CMIS_CONFIG_IN_PROGRESS]	= "in-progress",
};

const char *xpo_sim_config_status_name(u8 status)
{
	if (status < ARRAY_SIZE(xpo_sim_config_names) &&
	    xpo_sim_config_names[status])
		return xpo_sim_config_names[status];
	return "reserved";
}

/**
 * xpo_sim_config_fault_parse() - a ConfigStatus failure by name
 * @name: "none", or a failure of xpo_sim_config_names ("rejected",
 *	"invalid-appsel", ..., "partial-dp")
 *
 * Return: the code (0 for "none"), or -EINVAL.
 */
int xpo_sim_config_fault_parse(const char *name)
{
	unsigned int i;

	if (sysfs_streq(name, "none"))
		return 0;
	for (i = CMIS_CONFIG_REJECTED; i <= CMIS_CONFIG_PARTIAL_DP; i++)
		if (xpo_sim_config_names[i] &&
		    sysfs_streq(name, xpo_sim_config_names[i]))
			return i;
	return -EINVAL;
}

/**
 * xpo_sim_dp_set_config_fault() - fail every apply with a ConfigStatus
 * @cage: the cage, lock held
 * @status: the failure every lane of every ApplyDPInit/ApplyImmediate
 *	reports, its active configuration untouched; 0 for none
 */
void xpo_sim_dp_set_config_fault(struct xpo_sim_cage *cage, u8 status)
{
	cage->config_fault = status;
}

/* A nibble per lane, lane 1 in b3-0 of the first byte (11h:128, 11h:202) */
static void xpo_sim_nibble_set(u8 *bytes, unsigned int lane, u8 val)
{
	unsigned int shift = (lane & 1) * 4;
	u8 *b = &bytes[lane / 2];

	*b = (*b & ~(0x0f << shift)) | (val & 0x0f) << shift;
}

static struct xpo_sim_lane *xpo_sim_lane(struct xpo_sim_module *mod,
					 unsigned int bank, unsigned int lane)
{
	return &mod->lanes[bank * CMIS_LANES_PER_BANK + lane];
}

/* The lanes of @bank in the same data path as @lane (itself included) */
static u8 xpo_sim_dp_lanes(struct xpo_sim_module *mod, unsigned int bank,
			   unsigned int lane)
{
	const u8 *active = xpo_sim_p11(mod, bank, CMIS_P11_ACTIVE_DPCONFIG);
	u8 key = active[lane] & XPO_SIM_DP_KEY;
	unsigned int i;
	u8 lanes = 0;

	for (i = 0; i < CMIS_LANES_PER_BANK; i++)
		if ((active[i] & XPO_SIM_DP_KEY) == key)
			lanes |= BIT(i);
	return lanes;
}

/* How long a transient state lasts (01h:144, 01h:168) */
static unsigned long xpo_sim_dp_duration(struct xpo_sim_cage *cage, u8 state)
{
	const u8 *p01 = cage->mod.mem.page01;
	u8 dp = p01[CMIS_P01_DP_DURATION - CMIS_UPPER_OFFSET];
	u8 tx = p01[CMIS_P01_TX_DURATION - CMIS_UPPER_OFFSET];

	switch (state) {
	case CMIS_DP_INIT:
		return xpo_sim_duration(cage, dp & 0x0f);
	case CMIS_DP_DEINIT:
		return xpo_sim_duration(cage, dp >> 4);
	case CMIS_DP_TXTURNON:
		return xpo_sim_duration(cage, tx & 0x0f);
	case CMIS_DP_TXTURNOFF:
		return xpo_sim_duration(cage, tx >> 4);
	}
	return 0;
}

/* When ModulePwrDn, as advertised in 01h:167, ends */
static unsigned long xpo_sim_pwrdn_end(struct xpo_sim_cage *cage)
{
	u8 code = cage->mod.mem.page01[CMIS_P01_MODULE_DURATION -
				       CMIS_UPPER_OFFSET];

	return cage->mod.state_since + xpo_sim_duration(cage, code >> 4);
}

/* Lanes @lanes of @bank enter @state; each one that changes is flagged */
static void xpo_sim_dp_enter(struct xpo_sim_cage *cage, unsigned int bank,
			     u8 lanes, u8 state)
{
	struct xpo_sim_module *mod = &cage->mod;
	u8 *states = xpo_sim_p11(mod, bank, CMIS_P11_DP_STATE);
	u8 *changed = xpo_sim_p11(mod, bank, CMIS_P11_DP_STATE_CHANGED);
	unsigned long todo = lanes;
	struct xpo_sim_lane *lane;
	unsigned int l;

	for_each_set_bit(l, &todo, CMIS_LANES_PER_BANK) {
		lane = xpo_sim_lane(mod, bank, l);
		if (lane->state == state)
			continue;
		lane->state = state;
		lane->since = jiffies;
		xpo_sim_nibble_set(states, l, state);
		*changed |= BIT(l);
	}
	dev_dbg(&cage->board->dev, "cage %u bank %u lanes 0x%02x: %s\n",
		cage->index, bank, lanes, xpo_sim_dp_names[state]);
}

/*
 * The state the data path of @lanes moves to next, or 0 while it stays;
 * a timed state still running lowers *wait to the jiffies it has left.
 */
static u8 xpo_sim_dp_next(struct xpo_sim_cage *cage, unsigned int bank,
			  u8 lanes, unsigned long *wait)
{
	struct xpo_sim_module *mod = &cage->mod;
	const struct xpo_sim_lane *lane = xpo_sim_lane(mod, bank, __ffs(lanes));
	bool deinit = mod->state != CMIS_MODULE_READY ||
		      (*xpo_sim_p10(mod, bank, CMIS_P10_DP_DEINIT) & lanes);
	bool tx_off = (*xpo_sim_p10(mod, bank, CMIS_P10_TX_DISABLE) & lanes) ==
		      lanes;
	unsigned long due;

	if (cage->hold_dp == lane->state)
		return 0;

	switch (lane->state) {
	case CMIS_DP_DEACTIVATED:
		return deinit ? 0 : CMIS_DP_INIT;
	case CMIS_DP_INITIALIZED:
		if (deinit)
			return CMIS_DP_DEINIT;
		return tx_off ? 0 : CMIS_DP_TXTURNON;
	case CMIS_DP_ACTIVATED:
		return deinit || tx_off ? CMIS_DP_TXTURNOFF : 0;
	}

	due = lane->since + xpo_sim_dp_duration(cage, lane->state);
	/* a module powering down is done within its advertised ModulePwrDn */
	if (mod->state == CMIS_MODULE_PWRDN &&
	    time_before(xpo_sim_pwrdn_end(cage), due))
		due = xpo_sim_pwrdn_end(cage);
	if (time_before(jiffies, due)) {
		*wait = min(*wait, due - jiffies);
		return 0;
	}
	switch (lane->state) {
	case CMIS_DP_INIT:
		return CMIS_DP_INITIALIZED;
	case CMIS_DP_TXTURNON:
		return CMIS_DP_ACTIVATED;
	case CMIS_DP_TXTURNOFF:
		return deinit ? CMIS_DP_DEINIT : CMIS_DP_INITIALIZED;
	}
	return CMIS_DP_DEACTIVATED;	/* DPDeinit done */
}

/**
 * xpo_sim_dp_step() - one step of every data path
 * @cage: the cage, its module running
 *
 * At most one transition per data path, then another run is queued, so
 * that every state is entered on its own; a timed state queues a run for
 * when it ends.  The lane monitors are refreshed every time, as a Tx
 * disable bit may have changed without a state change.
 */
void xpo_sim_dp_step(struct xpo_sim_cage *cage)
{
	struct xpo_sim_module *mod = &cage->mod;
	unsigned long wait = MAX_JIFFY_OFFSET;
	bool changed = false;
	unsigned int b, l;
	u8 *pending;

	for (b = 0; b < mod->banks; b++) {
		const u8 *active = xpo_sim_p11(mod, b, CMIS_P11_ACTIVE_DPCONFIG);
		u8 done = 0, lanes, next;

		pending = xpo_sim_p11(mod, b, CMIS_P11_DPINIT_PENDING);
		for (l = 0; l < CMIS_LANES_PER_BANK; l++) {
			if (done & BIT(l))
				continue;
			lanes = xpo_sim_dp_lanes(mod, b, l);
			done |= lanes;
			if (!FIELD_GET(CMIS_DPCONFIG_APPSEL, active[l]))
				continue;	/* in no data path */
			next = xpo_sim_dp_next(cage, b, lanes, &wait);
			if (!next)
				continue;
			/* the configuration applied is now in effect */
			if (xpo_sim_lane(mod, b, l)->state == CMIS_DP_INIT)
				*pending &= ~lanes;
			xpo_sim_dp_enter(cage, b, lanes, next);
			changed = true;
		}
	}

	xpo_sim_monitors_publish(cage);
	if (changed) {
		xpo_sim_module_update_intl(cage);
		xpo_sim_cage_kick(cage, 0);
	} else if (wait != MAX_JIFFY_OFFSET) {
		xpo_sim_cage_kick(cage, wait);
	}
}

/**
 * xpo_sim_dp_busy() - are data paths still winding down?
 * @cage: the cage
 *
 * The module state machine waits for this in ModulePwrDn.  Held data paths
 * (hold_dp) do not count: they are taken down when ModuleLowPwr is entered.
 *
 * Return: true while a lane is not DPDeactivated and nothing is held.
 */
bool xpo_sim_dp_busy(struct xpo_sim_cage *cage)
{
	struct xpo_sim_module *mod = &cage->mod;
	unsigned int i;

	if (cage->hold_dp)
		return false;
	for (i = 0; i < mod->banks * CMIS_LANES_PER_BANK; i++)
		if (mod->lanes[i].state != CMIS_DP_DEACTIVATED)
			return true;
	return false;
}

/**
 * xpo_sim_dp_down() - every lane to DPDeactivated at once
 * @cage: the cage
 *
 * For a module entering ModuleLowPwr or ModuleFault: lanes that change are
 * flagged.  The caller re-evaluates IntL.
 */
void xpo_sim_dp_down(struct xpo_sim_cage *cage)
{
	struct xpo_sim_module *mod = &cage->mod;
	bool changed = false;
	unsigned int b, l;
	u8 lanes;

	for (b = 0; b < mod->banks; b++) {
		lanes = 0;
		for (l = 0; l < CMIS_LANES_PER_BANK; l++)
			if (xpo_sim_lane(mod, b, l)->state != CMIS_DP_DEACTIVATED)
				lanes |= BIT(l);
		if (lanes) {
			xpo_sim_dp_enter(cage, b, lanes, CMIS_DP_DEACTIVATED);
			changed = true;
		}
	}
	if (changed)
		xpo_sim_monitors_publish(cage);
}

/**
 * xpo_sim_dp_boot() - the data paths of a module out of reset
 * @cage: the cage, memory image freshly built
 *
 * Every lane DPDeactivated, unflagged; the monitors read 0.
 */
void xpo_sim_dp_boot(struct xpo_sim_cage *cage)
{
	struct xpo_sim_module *mod = &cage->mod;
	unsigned int b, l;
	u8 *states;

	for (b = 0; b < mod->banks; b++) {
		states = xpo_sim_p11(mod, b, CMIS_P11_DP_STATE);
		for (l = 0; l < CMIS_LANES_PER_BANK; l++) {
			xpo_sim_lane(mod, b, l)->state = CMIS_DP_DEACTIVATED;
			xpo_sim_lane(mod, b, l)->since = jiffies;
			xpo_sim_nibble_set(states, l, CMIS_DP_DEACTIVATED);
		}
	}
	xpo_sim_monitors_publish(cage);
}

/*
 * The ConfigStatus of one lane of ApplyDPInit/ApplyImmediate, judged on its
 * own; 0 if the lane passes.  *dp is set to the lanes of its new data path.
 */
static u8 xpo_sim_dp_check_lane(struct xpo_sim_module *mod, unsigned int bank,
				unsigned int lane, bool immediate, u8 *dp)
{
	u8 staged = xpo_sim_p10(mod, bank, CMIS_P10_DPCONFIG)[lane];
	u8 active = xpo_sim_p11(mod, bank, CMIS_P11_ACTIVE_DPCONFIG)[lane];
	unsigned int appsel = FIELD_GET(CMIS_DPCONFIG_APPSEL, staged);
	unsigned int dpid = FIELD_GET(CMIS_DPCONFIG_DPID, staged);
	const struct xpo_sim_app *app;
	unsigned int n;

	*dp = 0;
	/* only an unchanged data path may be applied to while in use */
	if (xpo_sim_lane(mod, bank, lane)->state != CMIS_DP_DEACTIVATED &&
	    !(immediate && (staged & XPO_SIM_DP_KEY) ==
			   (active & XPO_SIM_DP_KEY)))
		return CMIS_CONFIG_LANES_IN_USE;
	if (!appsel)
		return 0;		/* the lane leaves its data path */
	if (appsel > mod->pers->num_apps)
		return CMIS_CONFIG_INVALID_APPSEL;
	app = &mod->pers->apps[appsel - 1];
	n = app->lane_counts >> 4;
	/* the application cannot start at DataPathID, or does not fit */
	if (!n || dpid + n > CMIS_LANES_PER_BANK ||
	    !(app->host_assign & BIT(dpid)))
		return CMIS_CONFIG_INVALID_APPSEL;
	if (lane < dpid || lane >= dpid + n)
		return CMIS_CONFIG_INVALID_DP;
	*dp = GENMASK(dpid + n - 1, dpid);
	return 0;
}

/**
 * xpo_sim_dp_apply() - make staged control set 0 active on some lanes
 * @cage: the cage
 * @bank: the bank the trigger was written to
 * @lanes: the lane bitmap written to ApplyDPInit (10h:143) or
 *	ApplyImmediate (10h:144)
 * @immediate: ApplyImmediate
 *
 * Each lane of @lanes gets a ConfigStatus (11h:202-205).  Those that
 * succeed take their staged DPConfig (10h:145-152) into the active control
 * set (11h:206-213); ApplyDPInit also sets their DPInitPending bit
 * (11h:235) until DPInit has run (clears it for AppSel 0).  A lane is rejected with
 *
 *  - LanesInUse if it is not DPDeactivated (ApplyImmediate: unless its
 *    AppSel and DataPathID stay the same), or another lane of its new data
 *    path is rejected so;
 *  - InvalidAppSel if AppSel names no advertised application, or one that
 *    cannot start at DataPathID (host lane assignment) or does not fit;
 *  - InvalidDataPath if it lies outside DataPathID .. DataPathID + n - 1,
 *    n being the application's host lane count;
 *  - PartialDataPath if the lanes of its new data path are not all applied
 *    with the same AppSel and DataPathID, or if applying it would split the
 *    active data path of a lane not applied.
 *
 * AppSel 0 takes the lane out of any data path, a success.  With
 * ExplicitControl (DPConfig b0) the lane's staged SI settings (10h:153-173)
 * must be codes the module advertises, else InvalidSI; an accepted lane's
 * active SI settings (11h:214-234) become the staged ones, or without
 * ExplicitControl the module's defaults (si.c).
 */
void xpo_sim_dp_apply(struct xpo_sim_cage *cage, unsigned int bank, u8 lanes,
		      bool immediate)
{
	struct xpo_sim_module *mod = &cage->mod;
	const u8 *staged = xpo_sim_p10(mod, bank, CMIS_P10_DPCONFIG);
	u8 *active = xpo_sim_p11(mod, bank, CMIS_P11_ACTIVE_DPCONFIG);
	u8 *config = xpo_sim_p11(mod, bank, CMIS_P11_CONFIG_STATUS);
	u8 *pending = xpo_sim_p11(mod, bank, CMIS_P11_DPINIT_PENDING);
	u8 status[CMIS_LANES_PER_BANK] = { };
	u8 dp[CMIS_LANES_PER_BANK] = { };
	unsigned long todo = lanes, span;
	unsigned int l, j;
	bool changed;

	if (bank >= mod->banks)
		return;

	for_each_set_bit(l, &todo, CMIS_LANES_PER_BANK) {
		status[l] = xpo_sim_dp_check_lane(mod, bank, l, immediate,
						  &dp[l]);
		/* staged SI the module cannot take (10h:153-173) */
		if (!status[l] && (staged[l] & CMIS_DPCONFIG_EXPLICIT))
			status[l] = xpo_sim_si_check(mod, bank, l);
		/* an injected failure: the module refuses whatever it is */
		if (cage->config_fault)
			status[l] = cage->config_fault;
	}

	/*
	 * Whole data paths only: every lane of a new data path applied alike
	 * and accepted, and every active data path keeping all its lanes or
	 * none.  A rejection can break another data path: until stable.
	 */
	do {
		changed = false;
		for_each_set_bit(l, &todo, CMIS_LANES_PER_BANK) {
			if (status[l] || !dp[l])
				continue;
			span = dp[l];
			for_each_set_bit(j, &span, CMIS_LANES_PER_BANK) {
				if ((lanes & BIT(j)) && !status[j] &&
				    (staged[j] & XPO_SIM_DP_KEY) ==
				    (staged[l] & XPO_SIM_DP_KEY))
					continue;
				status[l] = status[j] == CMIS_CONFIG_LANES_IN_USE ?
					    status[j] : CMIS_CONFIG_PARTIAL_DP;
				changed = true;
				break;
			}
		}
		for (j = 0; j < CMIS_LANES_PER_BANK; j++) {
			/* a lane that keeps its active data path */
			if (((lanes & BIT(j)) && !status[j]) ||
			    !FIELD_GET(CMIS_DPCONFIG_APPSEL, active[j]))
				continue;
			span = xpo_sim_dp_lanes(mod, bank, j) & lanes;
			for_each_set_bit(l, &span, CMIS_LANES_PER_BANK) {
				if (status[l])
					continue;
				status[l] = CMIS_CONFIG_PARTIAL_DP;
				changed = true;
			}
		}
	} while (changed);

	for_each_set_bit(l, &todo, CMIS_LANES_PER_BANK) {
		if (!status[l]) {
			status[l] = CMIS_CONFIG_SUCCESS;
			active[l] = staged[l];
			xpo_sim_si_apply(mod, bank, l);
			/* a lane in no data path has no DPInit to wait for */
			if (!immediate && FIELD_GET(CMIS_DPCONFIG_APPSEL,
						    staged[l]))
				*pending |= BIT(l);
			else if (!immediate)
				*pending &= ~BIT(l);
		}
		xpo_sim_nibble_set(config, l, status[l]);
	}
	dev_dbg(&cage->board->dev, "cage %u bank %u: %s 0x%02x: status %*phN\n",
		cage->index, bank, immediate ? "ApplyImmediate" : "ApplyDPInit",
		lanes, CMIS_LANES_PER_BANK / 2, config);
}

/**
 * xpo_sim_dp_set_hold() - hold the data paths in a state
 * @cage: the cage
 * @state: the enum cmis_dp_state data paths stop in, or 0 for none
 *
 * A data path that is in (or enters) @state stays there whatever the host
 * asks, until the hold is released; a module leaving ModuleReady still
 * takes it down when it reaches ModuleLowPwr or ModuleFault.
 */
void xpo_sim_dp_set_hold(struct xpo_sim_cage *cage, u8 state)
{
	cage->hold_dp = state;
	if (cage->mod.running)
		xpo_sim_cage_kick(cage, 0);
}
