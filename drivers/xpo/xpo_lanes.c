// SPDX-License-Identifier: GPL-2.0
/*
 * The ports' lanes and data paths.  A port is a run of host lanes within
 * one bank (the cage's layout, xpo_breakout.c).  When a module is first
 * seen, the core plans the data paths that carry each port
 * (xpo_lanes_plan()): one per port, with the application
 * xpo_app_layout_check() picks for it.  A module that cannot carry the
 * layout gets no data path on the ports it cannot carry (reported), except
 * under the cage's default layout (one port per bank, any speed), where a
 * module without an 8-lane application has its bank split the way its
 * default application (AppSel 1, CMIS 5.2 section 6.2.1) splits it, all
 * of them carrying the one port.
 * Each data path has its own state machine (xpo_dp.c), run against the
 * module by the executor (xpo_dp_exec.c); this file feeds them:
 *
 *  - every lane of the module is deinitialised with Tx off as soon as it
 *    is identified (still in ModuleLowPwr, so the data paths of ports
 *    that are down never start);
 *  - a port that is up in a ready module asks its data paths up: staged
 *    DPConfig, ApplyDPInit, ConfigStatus, DPInit, Tx on, DPActivated,
 *    each step bounded by the module's advertised durations; a port that
 *    goes down takes them down (Tx off, DataPathDeinit, DPDeactivated);
 *  - the module's state reaches every data path: one that leaves
 *    ModuleReady takes them down, and they come up again when it is back;
 *  - the banks with a data path that is not deactivated are watched: after
 *    IntL (or a poll) their latched lane flags 11h:134-152 are read, which
 *    clears them and lets IntL deassert, then their data path states
 *    11h:128-131 (flags first, so that a transition after the read latches
 *    its flag again), fed to the machines.  If IntL is still asserted
 *    after that, the next look reads every bank;
 *  - a data path that fails (a step past its budget, a state lost, the
 *    configuration rejected) is reported once per port and, except for a
 *    rejection, tried again every XPO_T_DP_RETRY_MS while its port is up;
 *  - carrier is on for a port that is up, in a cage whose module is
 *    ModuleReady, with all its data paths DPActivated; off otherwise.  A
 *    bank the module does not have (a 4-bank module in an 8-port cage)
 *    never has carrier.  A module with flat memory (passive copper) has no
 *    lane pages and no data path: its one port has carrier while up and
 *    the module ready.
 *
 * Everything here runs with sm_lock held.  Bus errors leave the lane state
 * stale; the next run (IntL is still asserted, so the core looks again)
 * retries.
 */
#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/jiffies.h>
#include <linux/minmax.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "xpo_app.h"
#include "xpo_bverify.h"
#include "xpo_core.h"
#include "xpo_port.h"

/* Banks the module has (the cage has XPO_PANEL_PORTS) */
static unsigned int xpo_lanes_num_banks(struct xpo_cage *cage)
{
	if (!cage->id_valid)
		return 0;
	return min_t(unsigned int, cage->id.banks, XPO_PANEL_PORTS);
}

static u8 xpo_lanes_bank_mask(unsigned int banks)
{
	return banks ? (u8)GENMASK(banks - 1, 0) : 0;
}

/* The port mask bits of every port of the banks in @panels */
static u64 xpo_lanes_panel_ports(u8 panels)
{
	u64 mask = 0;
	unsigned int b;

	for (b = 0; b < XPO_BANKS; b++)
		if (panels & BIT(b))
			mask |= GENMASK_ULL(b * XPO_DP_BANK_LANES + 7,
					    b * XPO_DP_BANK_LANES);
	return mask;
}

/* A module whose lane pages can be reached: identified and running */
static bool xpo_lanes_reachable(struct xpo_cage *cage)
{
	switch (cage->sm.state) {
	case XPO_S_LOW_POWER:
	case XPO_S_POWERING_UP:
	case XPO_S_READY:
		return cage->id_valid;
	default:
		return false;
	}
}

/**
 * xpo_lanes_forget() - the module is gone, reset or new
 * @cage: the cage, sm_lock held
 */
void xpo_lanes_forget(struct xpo_cage *cage)
{
	lockdep_assert_held(&cage->sm_lock);
	cage->dp_planned = false;
	cage->num_dps = 0;
	cage->dp_module_state = 0;
	cage->dp_late = 0;
	cage->lanes_stale = true;
	memset(cage->dps, 0, sizeof(cage->dps));
	memset(cage->dp_state, 0, sizeof(cage->dp_state));
	memset(cage->lane_flags, 0, sizeof(cage->lane_flags));
}

/*
 * The application a port of eight lanes runs by default: the first one of
 * eight host lanes that may start on lane 1, else AppSel 1 (the module's
 * default, CMIS 5.2 section 6.2.1), which then splits the bank.
 */
static const struct xpo_app *xpo_lanes_default_app(const struct xpo_app_table *t)
{
	unsigned int i;

	for (i = 0; i < t->num; i++)
		if (t->apps[i].host_lanes == XPO_DP_BANK_LANES &&
		    (t->apps[i].host_assign & BIT(0)))
			return &t->apps[i];
	return xpo_app_find(t, 1);
}

static void xpo_lanes_add_dp(struct xpo_cage *cage,
			     const struct xpo_dp_module *mod, u8 port,
			     u8 first, u8 lanes, u8 appsel)
{
	struct xpo_cage_dp *d = &cage->dps[cage->num_dps++];

	memset(d, 0, sizeof(*d));
	xpo_dp_init(&d->m, mod);
	d->m.first_lane = first;
	d->m.lane_count = lanes;
	d->m.appsel = appsel;
	d->port = port;
}

/* Drop the data paths of the banks in @panels, keep the others in order */
static void xpo_lanes_drop(struct xpo_cage *cage, u8 panels)
{
	unsigned int i, n = 0;

	for (i = 0; i < cage->num_dps; i++) {
		if (panels & BIT(cage->dps[i].port / XPO_DP_BANK_LANES))
			continue;
		if (n != i)
			cage->dps[n] = cage->dps[i];
		n++;
	}
	cage->num_dps = n;
}

/* The default layout: one port per bank, any speed */
static bool xpo_lanes_layout_default(const struct xpo_app_layout *l)
{
	unsigned int i;

	if (l->num_ports != XPO_PANEL_PORTS)
		return false;
	for (i = 0; i < l->num_ports; i++)
		if (l->ports[i].lanes != XPO_DP_BANK_LANES ||
		    l->ports[i].speed_gbps || l->ports[i].appsel)
			return false;
	return true;
}

/*
 * The data paths of the cage's default layout on a module without a
 * layout check that passed: per bank, its 8-lane application, else its
 * default application's split.
 */
static void xpo_lanes_plan_default(struct xpo_cage *cage,
				   const struct xpo_app_table *t,
				   const struct xpo_dp_module *mod, u8 panels)
{
	unsigned int b, l, banks = xpo_lanes_num_banks(cage);
	const struct xpo_app *app = xpo_lanes_default_app(t);
	unsigned long todo = panels & xpo_lanes_bank_mask(banks);

	if (!app) {
		dev_warn(cage->dev,
			 "the module advertises no application the ports can run\n");
		return;
	}
	for_each_set_bit(b, &todo, XPO_BANKS)
		for (l = 0; l + app->host_lanes <= XPO_DP_BANK_LANES;
		     l += app->host_lanes)
			if (app->host_assign & BIT(l))
				xpo_lanes_add_dp(cage, mod,
						 b * XPO_DP_BANK_LANES,
						 b * XPO_DP_BANK_LANES + l,
						 app->host_lanes, app->appsel);
}

/*
 * @l without its ports on banks the module does not have (a 32-lane
 * module in the 64-lane cage: front-panel ports 4-7 have no lanes).  They
 * get no data path, as under the default layout; the others are planned
 * as the layout says, split or not.
 */
void xpo_lanes_trim(struct xpo_cage *cage, struct xpo_app_layout *l)
{
	unsigned int i, n = 0, banks = xpo_lanes_num_banks(cage);

	for (i = 0; i < l->num_ports; i++)
		if (l->ports[i].first_lane / XPO_DP_BANK_LANES < banks)
			l->ports[n++] = l->ports[i];
	l->num_ports = n;
}

/* A data path whose lanes may be configured anew: down and clean */
static bool xpo_lanes_dp_idle(const struct xpo_cage_dp *d)
{
	return d->m.state == XPO_DP_S_DEACTIVATED ||
	       (d->m.state == XPO_DP_S_FAILED && !d->m.dirty);
}

/**
 * xpo_lanes_dp_cfg() - the DPConfig byte a data path's lanes are staged with
 * @d: the data path
 *
 * Its machine's, with ExplicitControl once the host staged its own SI for
 * it (si-set): an apply of the bank that covers it while it is down then
 * keeps the host's settings rather than the module's defaults.
 */
u8 xpo_lanes_dp_cfg(const struct xpo_cage_dp *d)
{
	return xpo_dp_dpconfig(&d->m) |
	       (d->si_explicit ? CMIS_DPCONFIG_EXPLICIT : 0);
}

/*
 * The planned DPConfig of every lane of @bank into @cfg (AppSel 0 for a
 * lane no data path carries).  Return: the bits of the lanes of data paths
 * other than @self that are in use (not idle).
 */
static u8 xpo_lanes_bank_cfg(struct xpo_cage *cage, unsigned int bank,
			     const struct xpo_cage_dp *self, u8 *cfg)
{
	const struct xpo_cage_dp *d;
	unsigned int i, l;
	u8 busy = 0;

	lockdep_assert_held(&cage->sm_lock);
	memset(cfg, 0, XPO_DP_BANK_LANES);
	for (i = 0; i < cage->num_dps; i++) {
		d = &cage->dps[i];
		if (d->m.first_lane / XPO_DP_BANK_LANES != bank)
			continue;
		for (l = 0; l < d->m.lane_count; l++) {
			cfg[d->m.first_lane % XPO_DP_BANK_LANES + l] =
				xpo_lanes_dp_cfg(d);
			if (d != self && !xpo_lanes_dp_idle(d))
				busy |= BIT(d->m.first_lane %
					    XPO_DP_BANK_LANES + l);
		}
	}
	return busy;
}

/**
 * xpo_lanes_bank_plan() - what a data path's ApplyDPInit should cover
 * @cage: the cage, sm_lock held
 * @self: the data path being provisioned
 * @bank: its bank
 * @cfg: filled in with the planned DPConfig of every lane of the bank
 *	(AppSel 0 for a lane no data path carries)
 *
 * A module refuses an ApplyDPInit that would leave part of an active data
 * path behind (PartialDataPath, CMIS 5.2 section 8.10), so one data path
 * cannot be provisioned alone against an active set that still holds
 * another layout (a module reset to its defaults, a breakout being
 * changed).  Its apply therefore also covers every lane of the bank whose
 * data path is down and clean, or that no data path carries: all of
 * them configured as planned.  Lanes of data paths in use are left out.
 *
 * Return: the bits (in the bank's bitmap bytes) of those other lanes.
 */
u8 xpo_lanes_bank_plan(struct xpo_cage *cage, const struct xpo_cage_dp *self,
		       unsigned int bank, u8 *cfg)
{
	u8 busy = xpo_lanes_bank_cfg(cage, bank, self, cfg);
	unsigned int l;

	for (l = 0; l < self->m.lane_count; l++)
		cfg[self->m.first_lane % XPO_DP_BANK_LANES + l] =
			xpo_lanes_dp_cfg(self);
	return (u8)~(busy | xpo_dp_bank_bits(self->m.lanes, bank));
}

/* The DPConfig of the lanes of a data path of @appsel from @first into @cfg */
static void xpo_lanes_cfg_dp(u8 cfg[][CMIS_LANES_PER_BANK], u8 first,
			     u8 lanes, u8 appsel)
{
	struct xpo_dp d = { .appsel = appsel, .first_lane = first };
	unsigned int l;

	for (l = 0; l < lanes; l++)
		cfg[first / XPO_DP_BANK_LANES][first % XPO_DP_BANK_LANES + l] =
			xpo_dp_dpconfig(&d);
}

/* The banks of @panels the module has whose @cfg carries a data path */
static u8 xpo_lanes_cfg_banks(struct xpo_cage *cage, u8 panels,
			      u8 cfg[][CMIS_LANES_PER_BANK])
{
	unsigned long todo = panels &
		xpo_lanes_bank_mask(xpo_lanes_num_banks(cage));
	unsigned int b;
	u8 banks = 0;

	for_each_set_bit(b, &todo, XPO_BANKS)
		if (memchr_inv(cfg[b], 0, XPO_DP_BANK_LANES))
			banks |= BIT(b);
	return banks;
}

/**
 * xpo_lanes_planned_cfg() - the DPConfig the cage's data paths run now
 * @cage: the cage, sm_lock held
 * @panels: the banks asked for
 * @cfg: filled in for each of them, 8 DPConfig bytes (AppSel 0: no data
 *	path)
 *
 * What a breakout change that fails puts back (xpo_breakout_prov.c).
 * Return: the banks of @panels the module has with a data path planned.
 */
u8 xpo_lanes_planned_cfg(struct xpo_cage *cage, u8 panels,
			 u8 cfg[][CMIS_LANES_PER_BANK])
{
	unsigned int b;

	lockdep_assert_held(&cage->sm_lock);
	for (b = 0; b < XPO_BANKS; b++)
		if (panels & BIT(b))
			xpo_lanes_bank_cfg(cage, b, NULL, cfg[b]);
	return xpo_lanes_cfg_banks(cage, panels, cfg);
}

/**
 * xpo_lanes_layout_cfg() - the DPConfig a layout would plan
 * @cage: the cage, sm_lock held, its module identified
 * @layout: the layout
 * @reach: the reach profile to plan it with (the cage's, or the one a
 *	reach-set asks for)
 * @panels: the banks asked for
 * @cfg: filled in for each of them, as xpo_lanes_plan() would plan them
 *	(AppSel 0 where the module cannot carry a port)
 *
 * Return: the banks of @panels the module has with a data path planned.
 */
u8 xpo_lanes_layout_cfg(struct xpo_cage *cage,
			const struct xpo_app_layout *layout, u8 reach,
			u8 panels, u8 cfg[][CMIS_LANES_PER_BANK])
{
	struct xpo_app_layout *l = NULL;
	char msg[XPO_APP_MSG_LEN] = "";
	const struct xpo_app_port *p;
	const struct xpo_app *app;
	struct xpo_app_table *t;
	unsigned int i, b, k;
	int err = -ENOMEM;

	lockdep_assert_held(&cage->sm_lock);
	for (b = 0; b < XPO_BANKS; b++)
		if (panels & BIT(b))
			memset(cfg[b], 0, XPO_DP_BANK_LANES);
	if (!cage->id_valid || !cage->id.has_page01)
		return 0;
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (t)
		l = kmemdup(layout, sizeof(*l), GFP_KERNEL);
	if (l) {
		xpo_lanes_trim(cage, l);
		err = xpo_app_table_decode(t, &cage->id);
		if (!err)
			err = xpo_app_layout_check(t, l, reach, msg,
						   sizeof(msg));
	}
	if (!err) {
		for (i = 0; i < l->num_ports; i++) {
			p = &l->ports[i];
			if (panels & BIT(p->first_lane / XPO_DP_BANK_LANES))
				xpo_lanes_cfg_dp(cfg, p->first_lane, p->lanes,
						 p->appsel);
		}
	} else if (t && xpo_lanes_layout_default(layout) && !reach) {
		/* as xpo_lanes_plan_default() */
		app = xpo_lanes_default_app(t);
		for (b = 0; app && b < XPO_BANKS; b++) {
			if (!(panels & BIT(b)))
				continue;
			for (k = 0; k + app->host_lanes <= XPO_DP_BANK_LANES;
			     k += app->host_lanes)
				if (app->host_assign & BIT(k))
					xpo_lanes_cfg_dp(cfg,
							 b * XPO_DP_BANK_LANES + k,
							 app->host_lanes,
							 app->appsel);
		}
	}
	kfree(l);
	kfree(t);
	return xpo_lanes_cfg_banks(cage, panels, cfg);
}

/*
 * Plan the data paths of the ports of the banks in @panels (all of them
 * for a module just seen) and deinitialise their lanes.
 */
static void xpo_lanes_plan(struct xpo_cage *cage, u8 panels)
{
	unsigned int i, banks = xpo_lanes_num_banks(cage);
	char msg[XPO_APP_MSG_LEN] = "";
	u8 cfg[XPO_DP_BANK_LANES];
	struct xpo_app_layout *l = NULL;
	struct xpo_app_table *t;
	struct xpo_dp_module mod;
	unsigned long todo;
	int err = -ENOMEM;

	cage->dp_planned = true;
	xpo_lanes_drop(cage, panels);
	if (!cage->id.has_page01)
		return;		/* flat memory: no data path to run */

	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (t)
		l = kmemdup(&cage->layout, sizeof(*l), GFP_KERNEL);
	if (l) {
		xpo_lanes_trim(cage, l);
		err = xpo_app_table_decode(t, &cage->id);
		if (!err)
			err = xpo_app_layout_check(t, l, cage->reach, msg,
						   sizeof(msg));
	}
	xpo_dp_module_from_id(&mod, &cage->id);
	if (!err) {
		for (i = 0; i < l->num_ports; i++) {
			const struct xpo_app_port *p = &l->ports[i];

			if (!(panels & BIT(p->first_lane / XPO_DP_BANK_LANES)))
				continue;
			xpo_lanes_add_dp(cage, &mod, p->first_lane,
					 p->first_lane, p->lanes, p->appsel);
		}
	} else if (t && xpo_lanes_layout_default(&cage->layout) &&
		   !cage->reach) {
		xpo_lanes_plan_default(cage, t, &mod, panels);
	} else {
		dev_warn(cage->dev,
			 "the module cannot carry the cage's breakout (%s): its ports get no data path\n",
			 msg[0] ? msg : "out of memory");
	}
	kfree(l);
	kfree(t);

	/*
	 * A bank with no data path planned (a module that cannot carry the
	 * layout) keeps the configuration the module has: only its lanes
	 * are held deinitialised.
	 */
	todo = panels & xpo_lanes_bank_mask(banks);
	for_each_set_bit(i, &todo, XPO_BANKS) {
		xpo_lanes_bank_cfg(cage, i, NULL, cfg);
		xpo_dp_exec_bank_init(cage, i,
				      memchr_inv(cfg, 0, sizeof(cfg)) ? cfg : NULL);
	}
}

/**
 * xpo_lanes_relayout() - the ports of some banks were replaced
 * @cage: the cage, sm_lock held, its new layout in place
 * @panels: b<n>: bank n has new ports (all of them down)
 *
 * Their data paths are planned again if a module is planned for; those of
 * the other banks are left running.
 */
void xpo_lanes_relayout(struct xpo_cage *cage, u8 panels)
{
	lockdep_assert_held(&cage->sm_lock);
	cage->dp_late &= ~xpo_lanes_panel_ports(panels);
	if (cage->dp_planned) {
		xpo_lanes_plan(cage, panels);
		cage->dp_module_state = 0;	/* tell the new ones */
	}
	cage->lanes_stale = true;
	xpo_lanes_service(cage);
}

/* The ModuleState the data paths are told about, 0 for none */
static u8 xpo_lanes_module_state(struct xpo_cage *cage)
{
	switch (cage->sm.state) {
	case XPO_S_LOW_POWER:
		return CMIS_MODULE_LOWPWR;
	case XPO_S_POWERING_UP:
		return CMIS_MODULE_PWRUP;
	case XPO_S_READY:
		return CMIS_MODULE_READY;
	default:
		return 0;
	}
}

static void xpo_lanes_feed_all(struct xpo_cage *cage, enum xpo_dp_event ev,
			       const struct xpo_dp_input *in)
{
	unsigned int i;

	for (i = 0; i < cage->num_dps; i++)
		xpo_dp_exec_feed(cage, &cage->dps[i], ev, in);
}

/* Up and down requests, from the ports' state and the module's */
static void xpo_lanes_requests(struct xpo_cage *cage)
{
	bool ready = cage->sm.state == XPO_S_READY;
	struct xpo_dp_input in = {};
	struct xpo_cage_dp *d;
	unsigned int i;
	bool up;

	for (i = 0; i < cage->num_dps; i++) {
		d = &cage->dps[i];
		up = cage->ports_up & BIT_ULL(d->port);
		if (!up) {
			d->no_retry = false;
			d->fail_seen = false;
			if (d->m.want_up || d->m.state == XPO_DP_S_FAILED)
				xpo_dp_exec_feed(cage, d, XPO_DP_E_DOWN, NULL);
			continue;
		}
		if (!ready)
			continue;	/* it comes up once the module is ready */
		if (d->m.state == XPO_DP_S_FAILED &&
		    (d->no_retry || time_before(jiffies, d->retry_at)))
			continue;
		if (d->m.state != XPO_DP_S_DEACTIVATED &&
		    d->m.state != XPO_DP_S_FAILED)
			continue;
		if (d->m.state == XPO_DP_S_DEACTIVATED && d->m.want_up)
			continue;
		d->fail_seen = false;
		in.appsel = d->m.appsel;
		in.first_lane = d->m.first_lane;
		in.lane_count = d->m.lane_count;
		in.explicit_ctl = d->si_explicit;
		xpo_dp_exec_feed(cage, d, XPO_DP_E_UP, &in);
		if (d->err)
			dev_dbg(cage->dev, "port %u: data path up: %d\n",
				d->port, d->err);
	}
}

/*
 * Flags first, then states, of the watched banks; of every bank when IntL
 * stayed asserted after the last look (a flag of a bank nobody watches).
 */
static void xpo_lanes_read(struct xpo_cage *cage, unsigned int banks)
{
	unsigned long watch = 0;
	struct xpo_dp_input in = {};
	unsigned int b, i;
	int ret = 0;

	for (i = 0; i < cage->num_dps; i++)
		if (cage->dps[i].m.state != XPO_DP_S_DEACTIVATED ||
		    (cage->ports_up & BIT_ULL(cage->dps[i].port)))
			watch |= BIT(cage->dps[i].port / XPO_DP_BANK_LANES);
	if (cage->lanes_sweep)
		watch = xpo_lanes_bank_mask(banks);
	watch &= xpo_lanes_bank_mask(banks);

	xpo_cmis_lock_as(cage, XPO_CLIENT_LANES);
	for_each_set_bit(b, &watch, XPO_BANKS) {
		ret = __xpo_cmis_read(cage, b, CMIS_PAGE_LANE_STATUS,
				      CMIS_P11_LANE_FLAGS, cage->lane_flags[b],
				      CMIS_P11_LANE_FLAGS_LEN);
		if (!ret)
			ret = __xpo_cmis_read(cage, b, CMIS_PAGE_LANE_STATUS,
					      CMIS_P11_DP_STATE,
					      cage->dp_state[b],
					      sizeof(cage->dp_state[b]));
		if (ret) {
			dev_dbg(cage->dev, "bank %u lane status: %d\n", b, ret);
			watch &= GENMASK(b, 0) & ~BIT(b);
			break;
		}
	}
	xpo_cmis_unlock(cage);
	if (!ret) {
		cage->lanes_stale = false;
		cage->lanes_sweep = false;
	}

	for_each_set_bit(b, &watch, XPO_BANKS) {
		in.lanes |= GENMASK_ULL(b * XPO_DP_BANK_LANES + 7,
					b * XPO_DP_BANK_LANES);
		memcpy(in.dp_state[b], cage->dp_state[b],
		       sizeof(in.dp_state[b]));
	}
	if (in.lanes)
		xpo_lanes_feed_all(cage, XPO_DP_E_DP_STATE, &in);
}

/* Timers that are due */
static void xpo_lanes_timers(struct xpo_cage *cage)
{
	struct xpo_cage_dp *d;
	unsigned int i;

	for (i = 0; i < cage->num_dps; i++) {
		d = &cage->dps[i];
		if (d->m.timer_armed && !time_before(jiffies, d->due))
			xpo_dp_exec_feed(cage, d, XPO_DP_E_TIMEOUT, NULL);
	}
}

/* Failures a port should hear of; module changes retry at once, silently */
static bool xpo_lanes_fail_reported(enum xpo_dp_fail fail)
{
	return fail != XPO_DP_FAIL_MODULE_GONE &&
	       fail != XPO_DP_FAIL_NOT_READY;
}

/* The lane count of the port starting at @lane, 0 if none does */
static u8 xpo_lanes_port_lanes(struct xpo_cage *cage, u8 lane)
{
	unsigned int i;

	for (i = 0; i < cage->layout.num_ports; i++)
		if (cage->layout.ports[i].first_lane == lane)
			return cage->layout.ports[i].lanes;
	return 0;
}

/* Report new failures (once per port), schedule their retry */
static void xpo_lanes_failures(struct xpo_cage *cage)
{
	struct xpo_cage_dp *d;
	unsigned int i, lane;
	char port[8];
	u8 dp;

	for (i = 0; i < cage->num_dps; i++) {
		d = &cage->dps[i];
		if (d->m.state != XPO_DP_S_FAILED || d->fail_seen)
			continue;
		d->fail_seen = true;
		if (!xpo_lanes_fail_reported(d->m.fail)) {
			d->retry_at = jiffies;
			continue;
		}
		d->retry_at = jiffies + msecs_to_jiffies(XPO_T_DP_RETRY_MS);
		d->no_retry = d->m.fail == XPO_DP_FAIL_REJECTED;
		if (cage->dp_late & BIT_ULL(d->port))
			continue;
		cage->dp_late |= BIT_ULL(d->port);
		lane = d->m.first_lane;
		dp = xpo_cmis_dp_state(cage->dp_state[lane / 8], lane % 8);
		xpo_port_label(port, sizeof(port), d->port,
			       xpo_lanes_port_lanes(cage, d->port));
		if (d->m.fail == XPO_DP_FAIL_REJECTED)
			dev_warn(cage->dev,
				 "port %s: data path configuration (AppSel %u, lanes %u-%u) rejected: ConfigStatus %s\n",
				 port, d->m.appsel, lane % 8 + 1,
				 lane % 8 + d->m.lane_count,
				 xpo_bv_config_name(d->m.fail_code));
		else
			dev_warn(cage->dev,
				 "port %s: data path not activated within %u ms (%s while %s, lane %u %s)\n",
				 port, d->m.budget_ms,
				 xpo_dp_fail_name(d->m.fail),
				 xpo_dp_state_name(d->m.fail_step), lane % 8 + 1,
				 xpo_cmis_dp_state_name(dp));
	}
}

/* Arm the work for the earliest timer or retry; 0 if none */
static void xpo_lanes_arm(struct xpo_cage *cage)
{
	unsigned long next = 0, now = jiffies;
	struct xpo_cage_dp *d;
	bool armed = false;
	unsigned int i;

	for (i = 0; i < cage->num_dps; i++) {
		d = &cage->dps[i];
		if (d->m.timer_armed &&
		    (!armed || time_before(d->due, next))) {
			next = d->due;
			armed = true;
		}
		if (d->m.state == XPO_DP_S_FAILED && !d->no_retry &&
		    (cage->ports_up & BIT_ULL(d->port)) &&
		    (!armed || time_before(d->retry_at, next))) {
			next = d->retry_at;
			armed = true;
		}
	}
	if (armed && !cage->stopping)
		mod_delayed_work(xpo_wq, &cage->lanes_work,
				 time_after(next, now) ? next - now : 0);
}

/* The data path work: a timer or a retry is due, without an IntL to say so */
void xpo_lanes_work(struct work_struct *work)
{
	struct xpo_cage *cage = container_of(to_delayed_work(work),
					     struct xpo_cage, lanes_work);

	mutex_lock(&cage->sm_lock);
	if (!cage->stopping)
		xpo_lanes_service(cage);
	mutex_unlock(&cage->sm_lock);
}

/* A port has carrier: every data path of its lanes DPActivated */
static bool xpo_lanes_port_active(struct xpo_cage *cage, u8 port)
{
	bool any = false;
	unsigned int i;

	for (i = 0; i < cage->num_dps; i++) {
		if (cage->dps[i].port != port)
			continue;
		if (cage->dps[i].m.state != XPO_DP_S_ACTIVATED)
			return false;
		any = true;
	}
	return any;
}

/**
 * xpo_lanes_service() - bring the data paths in line with the ports and
 * the module, read the lanes if something may have changed, and set the
 * ports' carrier
 * @cage: the cage, sm_lock held
 *
 * Called at the end of every state machine run, when a port goes up or
 * down, and when a data path's timer or retry is due.  Bus access happens
 * only with an identified, running module.
 */
void xpo_lanes_service(struct xpo_cage *cage)
{
	unsigned int i, banks = 0;
	struct xpo_dp_input in = {};
	u64 carrier = 0, bit;
	bool lane_pages = false, breakout;
	u8 lane;

	lockdep_assert_held(&cage->sm_lock);

	/*
	 * A busy module's lanes are looked at once its lease ends; those of
	 * a module whose banks a breakout change is provisioning once the
	 * change is done (xpo_breakout_prov.c runs the service then): its
	 * lanes move through states no data path machine asked for.
	 */
	breakout = xpo_cage_lease_kind(cage) == XPO_LEASE_BREAKOUT;
	if (breakout)	/* resumed by lease_work when it ends */
		cage->lease_deferred |= XPO_DEFER_LANES;
	if (breakout || xpo_guard_postpone(cage, XPO_DEFER_LANES)) {
		if (cage->sm.state != XPO_S_READY)
			xpo_attach_set_carrier(cage, 0);
		return;
	}

	if (xpo_lanes_reachable(cage)) {
		banks = xpo_lanes_num_banks(cage);
		lane_pages = cage->id.has_page01;
		if (!cage->dp_planned)
			xpo_lanes_plan(cage, xpo_lanes_bank_mask(XPO_BANKS));
		in.module_state = xpo_lanes_module_state(cage);
		if (in.module_state != cage->dp_module_state) {
			cage->dp_module_state = in.module_state;
			xpo_lanes_feed_all(cage, XPO_DP_E_MODULE_STATE, &in);
		}
		if (lane_pages && cage->lanes_stale)
			xpo_lanes_read(cage, banks);
		xpo_lanes_timers(cage);
		/* before the requests: a new failure gets its retry time */
		xpo_lanes_failures(cage);
		xpo_lanes_requests(cage);
		xpo_lanes_arm(cage);
	} else if (cage->dp_planned) {
		/* off, faulted or gone: its data paths went with it */
		xpo_lanes_feed_all(cage, XPO_DP_E_MODULE_GONE, NULL);
		xpo_lanes_forget(cage);
	}

	for (i = 0; cage->sm.state == XPO_S_READY &&
	     i < cage->layout.num_ports; i++) {
		lane = cage->layout.ports[i].first_lane;
		bit = BIT_ULL(lane);
		if ((cage->ports_up & bit) &&
		    lane / XPO_DP_BANK_LANES < banks &&
		    (!lane_pages || xpo_lanes_port_active(cage, lane)))
			carrier |= bit;
	}
	/* a port that is down or has carrier may be reported late again */
	cage->dp_late &= cage->ports_up & ~carrier;
	xpo_attach_set_carrier(cage, carrier);
}

/**
 * xpo_cage_port_set_up() - a port of the cage goes administratively up or
 * down
 * @cage: the cage
 * @port: the port's first host lane
 * @up: new state
 * @extack: the reason of a refusal, or NULL
 *
 * Called from the port netdev's ndo_open/ndo_stop, with RTNL held.  The
 * lanes are enabled or disabled first (in ModuleLowPwr if the policy keeps
 * the module there until now), then the power policy is applied.  Going up
 * is refused while someone holds the module's lease; going down never is,
 * and what it would do to a busy module waits until the lease ends.
 *
 * Return: 0 or -EBUSY (up only).
 */
int xpo_cage_port_set_up(struct xpo_cage *cage, unsigned int port, bool up,
			 struct netlink_ext_ack *extack)
{
	u64 bit = BIT_ULL(port);
	int err = 0;

	mutex_lock(&cage->sm_lock);
	if (up)
		err = __xpo_cage_guard(cage, XPO_OP_PORT_UP, NULL, extack);
	if (err)
		goto out;
	mutex_lock(&cage->io_lock);
	if (up)
		cage->ports_up |= bit;
	else
		cage->ports_up &= ~bit;
	mutex_unlock(&cage->io_lock);
	cage->lanes_stale = true;
	xpo_lanes_service(cage);
	__xpo_cage_power_update(cage);
out:
	mutex_unlock(&cage->sm_lock);
	return err;
}
