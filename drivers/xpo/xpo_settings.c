// SPDX-License-Identifier: GPL-2.0
/*
 * A port's settings on the module: host-side signal integrity (SI) and
 * coherent laser tuning, shown and set for the xpo family's si-get,
 * si-set, tune-get and tune-set (xpo_nl_settings.c).  The checks and the
 * page layouts are the pure units' (xpo_si.c, xpo_tune.c); this file runs
 * the CMIS procedures against the module.  See Documentation/ports.rst,
 * "Signal integrity" and "Coherent tuning".
 *
 * Every operation holds the cage's sm_lock from its check to its end, so
 * that no step of the data path machines (xpo_lanes.c) runs in between:
 * what was checked is what is written, and a data path taken down for a
 * tuning is not brought back up before the laser is on its new channel.
 * The waits (ConfigStatus, DPDeactivated, TuningInProgress) therefore
 * sleep with sm_lock held, each bounded by what the module advertises.
 * Bus access goes through the broker in sections of io_lock, on the lane
 * client's behalf (these are lane controls, as the data path executor's);
 * the lease is respected (a leased module is refused).
 *
 * SI (CMIS 5.2 sections 6.2.3 and 8.9, as SONiC's
 * stage_custom_si_settings): staged set 0 (10h:153-173) is read, seeded
 * with the active settings of the port's lanes when its data path still
 * runs the module's defaults (so that the lanes and controls a request
 * does not name keep what the module uses), the request encoded, then
 * DPConfig with ExplicitControl, then ApplyImmediate for an activated data
 * path (it stays up) or ApplyDPInit for one that is down, and ConfigStatus
 * waited for.  A rejection restores the staged set and DPConfig as they
 * were: the module applied nothing (CMIS 5.2 section 8.10).  The settings
 * then live in the module: the port's data path comes up with
 * ExplicitControl from now on, until the module is reset or replaced or
 * the port's layout changes (struct xpo_cage_dp si_explicit).
 *
 * Tuning (C-CMIS 1.x on CMIS pages 04h and 12h; SONiC's
 * cmis_manager_task.py): the target power is written at once (C-CMIS and
 * SONiC set it without a data path re-init); a channel only with the
 * port's data paths DPDeactivated: they are taken down, the grid then the
 * channel written, TuningInProgress waited for, the flags read, and the
 * data paths brought back up if the port is up.
 */
#include <linux/bitfield.h>
#include <linux/bitops.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/netlink.h>
#include <linux/slab.h>

#include "xpo_compat.h"
#include "xpo_core.h"
#include "xpo_event.h"
#include "xpo_settings.h"

#define UP(off)			((off) - CMIS_UPPER_OFFSET)

/*
 * How often a wait of this file reads the module: as the data path
 * machine polls (XPO_DP_T_POLL_MS, our choice), ConfigStatus and
 * TuningInProgress raise no flag the host could wait for instead (the
 * tuning flags are masked by default).
 */
#define XPO_SET_T_POLL_MS	XPO_DP_T_POLL_MS

/*
 * How long a tuning may take.  CMIS 5.2 section 8.4 advertises no duration
 * for it; C-CMIS has the laser tune while its data path is deactivated and
 * counts it in the data path initialisation that follows, so a module
 * advertises its MaxDurationDPInit (01h:144 b3-0) with the tuning in it
 * (the emulator's xpo-zr: < 10 s).  That bound, plus the data path
 * machine's margin, is the budget: xpo_dp_budget_ms(INITIALIZING).
 */
#define XPO_SET_TUNE_BUDGET(mod) \
	xpo_dp_budget_ms(mod, XPO_DP_S_INITIALIZING, false)

/* Page 12h bytes read for tune-get: up to, not including, the flags */
#define XPO_SET_P12_READ_LEN	(XPO_TUNE_P12_FLAG_SUMMARY - CMIS_UPPER_OFFSET)

/* The port @index names, and the checks every operation makes; sm_lock */
static int xpo_set_port(struct xpo_cage *cage, unsigned int index, bool write,
			u8 *lane, u8 *lanes, struct netlink_ext_ack *extack)
{
	lockdep_assert_held(&cage->sm_lock);
	if (cage->stopping) {
		NL_SET_ERR_MSG_MOD(extack, "The cage is being removed");
		return -ENODEV;
	}
	if (index >= cage->layout.num_ports) {
		NL_SET_ERR_MSG_MOD(extack, "No such port in this cage");
		return -ENODEV;
	}
	*lane = cage->layout.ports[index].first_lane;
	*lanes = cage->layout.ports[index].lanes;
	if (cage->sm.state != XPO_S_READY || !cage->id_valid) {
		NL_SET_ERR_MSG_MOD(extack,
				   "No module ready in the cage (ModuleReady)");
		return -ENODATA;
	}
	if (!cage->id.has_page01) {
		NL_SET_ERR_MSG_MOD(extack,
				   "The module has flat memory: no lane controls");
		return -EOPNOTSUPP;
	}
	if (*lane / CMIS_LANES_PER_BANK >= cage->id.banks) {
		NL_SET_ERR_MSG_MOD(extack, "The module has no bank for this port");
		return -ENODATA;
	}
	return __xpo_cage_guard(cage, write ? XPO_OP_WRITE : XPO_OP_READ, NULL,
				extack);
}

/* Read one span of the module in its own io_lock section */
static int xpo_set_read(struct xpo_cage *cage, u8 bank, u8 page,
			unsigned int off, void *buf, size_t len)
{
	int ret;

	xpo_cmis_lock_as(cage, XPO_CLIENT_LANES);
	ret = __xpo_cmis_read(cage, bank, page, off, buf, len);
	xpo_cmis_unlock(cage);
	return ret;
}

static int xpo_set_write(struct xpo_cage *cage, u8 bank, u8 page,
			 unsigned int off, const void *buf, size_t len)
{
	int ret;

	xpo_cmis_lock_as(cage, XPO_CLIENT_LANES);
	ret = __xpo_cmis_write(cage, bank, page, off, buf, len);
	xpo_cmis_unlock(cage);
	return ret;
}

static int xpo_set_io_failed(int ret, struct netlink_ext_ack *extack)
{
	NL_SET_ERR_MSG_MOD(extack, "Module access failed");
	return ret;
}

/* Signal integrity ------------------------------------------------------ */

/* A lane's nibble of a bank's 4-byte nibble array (11h:128, 11h:202) */
static u8 xpo_set_nibble(const u8 *bytes, unsigned int l)
{
	return (bytes[l / 2] >> (4 * (l & 1))) & 0x0f;
}

/**
 * xpo_cage_si_get() - a port's SI advertisement and active settings
 * @cage: the cage
 * @index: the port's number in the cage
 * @si: filled in
 * @extack: why not
 *
 * Return: 0, -ENODEV (no such port), -ENODATA (no module ready),
 * -EOPNOTSUPP (flat memory), -EBUSY (leased) or a bus error.
 */
int xpo_cage_si_get(struct xpo_cage *cage, unsigned int index,
		    struct xpo_port_si *si, struct netlink_ext_ack *extack)
{
	u8 page01[CMIS_PAGE_SIZE], set[XPO_SI_SET_LEN], cfg[XPO_DP_BANK_LANES];
	unsigned int bank, l;
	int ret;

	memset(si, 0, sizeof(*si));
	mutex_lock(&cage->sm_lock);
	ret = xpo_set_port(cage, index, false, &si->first_lane, &si->lanes,
			   extack);
	if (ret)
		goto out;
	bank = si->first_lane / CMIS_LANES_PER_BANK;
	xpo_cmis_lock_as(cage, XPO_CLIENT_LANES);
	ret = __xpo_cmis_read(cage, 0, 0x01, CMIS_UPPER_OFFSET, page01,
			      sizeof(page01));
	if (!ret)
		ret = __xpo_cmis_read(cage, bank, CMIS_PAGE_LANE_STATUS,
				      XPO_SI_P11_ACTIVE, set, sizeof(set));
	if (!ret)
		ret = __xpo_cmis_read(cage, bank, CMIS_PAGE_LANE_STATUS,
				      CMIS_P11_ACTIVE_DPCONFIG, cfg,
				      sizeof(cfg));
	xpo_cmis_unlock(cage);
	if (ret) {
		xpo_set_io_failed(ret, extack);
		goto out;
	}
	xpo_si_caps_decode(&si->caps, page01);
	xpo_si_decode(set, si->lane);
	for (l = 0; l < XPO_DP_BANK_LANES; l++)
		if (cfg[l] & CMIS_DPCONFIG_EXPLICIT)
			si->explicit |= BIT(l);
out:
	mutex_unlock(&cage->sm_lock);
	return ret;
}

/* Wait until ConfigStatus of the lanes @bits of @bank is no longer busy */
static int xpo_set_config_wait(struct xpo_cage *cage, unsigned int bank,
			       u8 bits, unsigned int budget_ms, u8 *bad_lane,
			       u8 *bad_code)
{
	unsigned long deadline = jiffies + msecs_to_jiffies(budget_ms);
	unsigned long lanes = bits;
	u8 status[XPO_DP_NIBBLE_BYTES], code;
	bool busy;
	unsigned int l;
	int ret;

	for (;;) {
		ret = xpo_set_read(cage, bank, CMIS_PAGE_LANE_STATUS,
				   CMIS_P11_CONFIG_STATUS, status,
				   sizeof(status));
		if (ret)
			return ret;
		busy = false;
		for_each_set_bit(l, &lanes, XPO_DP_BANK_LANES) {
			code = xpo_set_nibble(status, l);
			if (code == CMIS_CONFIG_SUCCESS)
				continue;
			if (code == CMIS_CONFIG_UNDEFINED ||
			    code == CMIS_CONFIG_IN_PROGRESS) {
				busy = true;
				continue;
			}
			*bad_lane = l;
			*bad_code = code;
			return -EINVAL;
		}
		if (!busy)
			return 0;
		if (time_after(jiffies, deadline))
			return -ETIMEDOUT;
		msleep(XPO_SET_T_POLL_MS);
	}
}

static bool xpo_set_dp_down(const struct xpo_cage_dp *d)
{
	return d->m.state == XPO_DP_S_DEACTIVATED ||
	       (d->m.state == XPO_DP_S_FAILED && !d->m.dirty);
}

/**
 * xpo_cage_si_set() - stage and apply SI settings on some lanes of a port
 * @cage: the cage
 * @index: the port's number in the cage
 * @req: the settings
 * @extack: why not (xpo_si_check()'s message for a refusal)
 *
 * See the top of the file.  Return: 0; -EOPNOTSUPP for a control the
 * module does not advertise; -EINVAL for a code beyond the advertisement,
 * lanes outside the port or a configuration the module rejected;
 * -EBUSY while the port's data path changes state (or the module is
 * leased); -ETIMEDOUT when ConfigStatus does not settle in time;
 * -ENODATA without a module ready or a data path for the port.
 */
int xpo_cage_si_set(struct xpo_cage *cage, unsigned int index,
		    const struct xpo_port_si_req *req,
		    struct netlink_ext_ack *extack)
{
	u8 page01[CMIS_PAGE_SIZE], staged[XPO_SI_SET_LEN], img[XPO_SI_SET_LEN];
	u8 active[XPO_SI_SET_LEN], cfg[XPO_DP_BANK_LANES];
	u8 new_cfg[XPO_DP_BANK_LANES], plan[XPO_DP_BANK_LANES];
	struct xpo_si_lane now[XPO_SI_LANES];
	char msg[XPO_SI_MSG_LEN] = "";
	struct xpo_si_req r = {}, seed = {};
	struct xpo_si_caps caps;
	struct xpo_cage_dp *d;
	unsigned int bank, i, l, n_up = 0, n_down = 0, budget = 0;
	bool moving = false;
	u8 lane, lanes, port_bits, apply = 0, bad_lane = 0, bad_code = 0;
	u8 offset;
	int ret;

	mutex_lock(&cage->sm_lock);
	ret = xpo_set_port(cage, index, true, &lane, &lanes, extack);
	if (ret)
		goto out;
	bank = lane / CMIS_LANES_PER_BANK;
	port_bits = GENMASK(lane % 8 + lanes - 1, lane % 8);
	if (req->lanes & ~GENMASK(lanes - 1, 0)) {
		NL_SET_ERR_MSG_MOD(extack, "Lanes beyond the port's");
		ret = -EINVAL;
		goto out;
	}

	/* the request, in the bank's lanes, checked against the advertisement */
	r.lanes = (req->lanes ?: GENMASK(lanes - 1, 0)) << (lane % 8);
	r.fields = req->fields;
	for (l = 0; l < XPO_SI_LANES; l++)
		r.lane[l] = req->v;
	ret = xpo_set_read(cage, 0, 0x01, CMIS_UPPER_OFFSET, page01,
			   sizeof(page01));
	if (ret) {
		xpo_set_io_failed(ret, extack);
		goto out;
	}
	xpo_si_caps_decode(&caps, page01);
	ret = xpo_si_check(&caps, &r, msg, sizeof(msg));
	if (ret) {
		XPO_NL_SET_ERR_MSG_FMT(extack,
				       KBUILD_MODNAME
				       ": The module does not support this SI setting (si-get lists its controls)",
				       "%s", msg);
		goto out;
	}

	/*
	 * The port's data paths must all be activated (ApplyImmediate) or all
	 * down and clean (ApplyDPInit): anything in between is the machine's
	 * to finish first.
	 */
	for (i = 0; i < cage->num_dps; i++) {
		d = &cage->dps[i];
		if (d->port != lane)
			continue;
		if (d->m.state == XPO_DP_S_ACTIVATED)
			n_up++;
		else if (xpo_set_dp_down(d))
			n_down++;
		else
			moving = true;
		budget = max(budget,
			     xpo_dp_budget_ms(&d->m.mod, XPO_DP_S_APPLYING,
					      false));
	}
	if (!n_up && !n_down && !moving) {
		NL_SET_ERR_MSG_MOD(extack,
				   "The port has no data path on this module");
		ret = -ENODATA;
		goto out;
	}
	if (moving || (n_up && n_down)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "The port's data path is changing state: try again");
		ret = -EBUSY;
		goto out;
	}

	xpo_cmis_lock_as(cage, XPO_CLIENT_LANES);
	ret = __xpo_cmis_read(cage, bank, CMIS_PAGE_LANE_CTRL, XPO_SI_P10_SET0,
			      staged, sizeof(staged));
	if (!ret)
		ret = __xpo_cmis_read(cage, bank, CMIS_PAGE_LANE_STATUS,
				      XPO_SI_P11_ACTIVE, active,
				      sizeof(active));
	if (!ret)
		ret = __xpo_cmis_read(cage, bank, CMIS_PAGE_LANE_CTRL,
				      CMIS_P10_DPCONFIG, cfg, sizeof(cfg));
	xpo_cmis_unlock(cage);
	if (ret) {
		xpo_set_io_failed(ret, extack);
		goto out;
	}

	/*
	 * The image to stage: the staged set, where the port still runs the
	 * module's defaults seeded with the active settings of its lanes
	 * (what the module uses now), then the request.  The bank's other
	 * data paths share the bytes and keep theirs.
	 */
	memcpy(img, staged, sizeof(img));
	memcpy(new_cfg, cfg, sizeof(new_cfg));
	xpo_si_decode(active, now);
	seed.fields = XPO_SI_F_ALL;
	memcpy(seed.lane, now, sizeof(seed.lane));
	for (i = 0; i < cage->num_dps; i++) {
		d = &cage->dps[i];
		if (d->port != lane)
			continue;
		if (!d->si_explicit)
			seed.lanes |= xpo_dp_bank_bits(d->m.lanes, bank);
		if (n_down) {
			/* as the executor plans an apply (xpo_dp_exec.c) */
			apply |= xpo_lanes_bank_plan(cage, d, bank, plan);
			for (l = 0; l < XPO_DP_BANK_LANES; l++)
				if (!(port_bits & BIT(l)))
					new_cfg[l] = plan[l];
		}
		apply |= xpo_dp_bank_bits(d->m.lanes, bank);
		for (l = 0; l < d->m.lane_count; l++)
			new_cfg[d->m.first_lane % 8 + l] =
				xpo_dp_dpconfig(&d->m) | CMIS_DPCONFIG_EXPLICIT;
	}
	if (seed.lanes)
		xpo_si_encode(img, &seed);
	xpo_si_encode(img, &r);
	offset = n_down ? CMIS_P10_APPLY_DPINIT : CMIS_P10_APPLY_IMMEDIATE;

	xpo_cmis_lock_as(cage, XPO_CLIENT_LANES);
	ret = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL,
			       XPO_SI_P10_SET0, img, sizeof(img));
	if (!ret)
		ret = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL,
				       CMIS_P10_DPCONFIG, new_cfg,
				       sizeof(new_cfg));
	if (!ret)
		ret = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL, offset,
				       &apply, 1);
	xpo_cmis_unlock(cage);
	if (!ret)
		ret = xpo_set_config_wait(cage, bank, port_bits, budget,
					  &bad_lane, &bad_code);
	if (ret) {
		int undo;

		/* the module applied nothing: stage what it had again */
		xpo_cmis_lock_as(cage, XPO_CLIENT_LANES);
		undo = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL,
					XPO_SI_P10_SET0, staged,
					sizeof(staged));
		if (!undo)
			undo = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL,
						CMIS_P10_DPCONFIG, cfg,
						sizeof(cfg));
		xpo_cmis_unlock(cage);
		if (undo)
			dev_warn(cage->dev,
				 "port at lane %u: SI staged set not restored: %d\n",
				 lane + 1, undo);
		if (ret == -EINVAL)
			XPO_NL_SET_ERR_MSG_FMT(extack,
					       KBUILD_MODNAME
					       ": The module rejected the SI settings (ConfigStatus); nothing was applied",
					       "lane %u: SI rejected (ConfigStatus %u%s), nothing applied",
					       bad_lane - lane % 8 + 1, bad_code,
					       bad_code == CMIS_CONFIG_INVALID_SI ?
					       " InvalidSI" : "");
		else if (ret == -ETIMEDOUT)
			XPO_NL_SET_ERR_MSG_FMT(extack,
					       KBUILD_MODNAME
					       ": ConfigStatus did not settle within the module's DPInit duration; nothing was applied",
					       "ConfigStatus did not settle within %u ms; nothing was applied",
					       budget);
		else
			xpo_set_io_failed(ret, extack);
		goto out;
	}

	for (i = 0; i < cage->num_dps; i++)
		if (cage->dps[i].port == lane)
			cage->dps[i].si_explicit = true;
	xpo_event_publish(cage, XPO_EV_PORT_SETTINGS, XPO_PROTECT_NUM_COND,
			  XPO_PROTECT_NUM_ACTION);
out:
	mutex_unlock(&cage->sm_lock);
	return ret;
}

/* Laser tuning ---------------------------------------------------------- */

/*
 * The media lanes of the port's data paths (b<n>: media lane n of the
 * bank, xpo_app_media_lanes()).  sm_lock held.
 */
static u8 xpo_set_media_lanes(struct xpo_cage *cage, u8 lane,
			      const struct xpo_app_table *t)
{
	const struct xpo_cage_dp *d;
	const struct xpo_app *a;
	unsigned int i;
	u8 mask = 0;

	for (i = 0; i < cage->num_dps; i++) {
		d = &cage->dps[i];
		if (d->port != lane)
			continue;
		a = xpo_app_find(t, d->m.appsel);
		if (a)
			mask |= xpo_app_media_lanes(a, d->m.first_lane %
						    CMIS_LANES_PER_BANK);
	}
	return mask;
}

/* What tune-get and tune-set both read; sm_lock held */
static int xpo_set_tune_read(struct xpo_cage *cage, u8 lane,
			     struct xpo_port_tune *tune, u8 *page12,
			     struct netlink_ext_ack *extack)
{
	u8 page01[CMIS_PAGE_SIZE], page04[CMIS_PAGE_SIZE];
	unsigned int bank = lane / CMIS_LANES_PER_BANK;
	struct xpo_app_table *t;
	unsigned long media;
	unsigned int l;
	int ret;

	memset(page12, 0, CMIS_PAGE_SIZE);
	ret = xpo_set_read(cage, 0, 0x01, CMIS_UPPER_OFFSET, page01,
			   sizeof(page01));
	if (ret)
		return xpo_set_io_failed(ret, extack);
	xpo_tune_caps_decode(&tune->caps, page01, NULL);
	if (!tune->caps.tunable) {
		NL_SET_ERR_MSG_MOD(extack,
				   "module has no tunable laser (01h:155 bit 6)");
		return -EOPNOTSUPP;
	}
	/* not the latched flags (12h:230-238): a read would clear them */
	xpo_cmis_lock_as(cage, XPO_CLIENT_LANES);
	ret = __xpo_cmis_read(cage, 0, CMIS_PAGE_LASER_CAPS, CMIS_UPPER_OFFSET,
			      page04, sizeof(page04));
	if (!ret)
		ret = __xpo_cmis_read(cage, bank, CMIS_PAGE_LASER_TUNING,
				      CMIS_UPPER_OFFSET, page12,
				      XPO_SET_P12_READ_LEN);
	xpo_cmis_unlock(cage);
	if (ret)
		return xpo_set_io_failed(ret, extack);
	xpo_tune_caps_decode(&tune->caps, page01, page04);

	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	ret = xpo_app_table_decode(t, &cage->id);
	tune->media = ret ? 0 : xpo_set_media_lanes(cage, lane, t);
	kfree(t);
	if (!tune->media) {
		NL_SET_ERR_MSG_MOD(extack,
				   "The port has no data path on this module");
		return -ENODATA;
	}
	media = tune->media;
	for_each_set_bit(l, &media, XPO_PORT_TUNE_LANES)
		xpo_tune_lane_decode(page12, l, &tune->lane[l]);
	return 0;
}

/**
 * xpo_cage_tune_get() - a port's tunable lasers
 * @cage: the cage
 * @index: the port's number in the cage
 * @tune: filled in
 * @extack: why not
 *
 * Return: 0, -EOPNOTSUPP (no tunable laser), or as xpo_cage_si_get().
 */
int xpo_cage_tune_get(struct xpo_cage *cage, unsigned int index,
		      struct xpo_port_tune *tune,
		      struct netlink_ext_ack *extack)
{
	u8 *page12, lane, lanes;
	int ret;

	memset(tune, 0, sizeof(*tune));
	page12 = kmalloc(CMIS_PAGE_SIZE, GFP_KERNEL);
	if (!page12)
		return -ENOMEM;
	mutex_lock(&cage->sm_lock);
	ret = xpo_set_port(cage, index, false, &lane, &lanes, extack);
	if (!ret)
		ret = xpo_set_tune_read(cage, lane, tune, page12, extack);
	mutex_unlock(&cage->sm_lock);
	kfree(page12);
	return ret;
}

/* The latched flags of media lane @l (reading clears them) */
static int xpo_set_tune_flags(struct xpo_cage *cage, unsigned int bank,
			      unsigned int l, u8 *flags)
{
	return xpo_set_read(cage, bank, CMIS_PAGE_LASER_TUNING,
			    XPO_TUNE_P12_FLAGS + l, flags, 1);
}

/*
 * Take the port's data paths down and wait for DPDeactivated, feeding
 * what is read to their machines (whose own timers cannot run: sm_lock is
 * held).  Bounded by their DPTxTurnOff + DPDeinit budget.
 */
static int xpo_set_dp_quiesce(struct xpo_cage *cage, u8 lane)
{
	unsigned int bank = lane / CMIS_LANES_PER_BANK, i, budget = 0;
	struct xpo_dp_input in;
	unsigned long deadline;
	struct xpo_cage_dp *d;
	bool busy;
	int ret;

	for (i = 0; i < cage->num_dps; i++) {
		d = &cage->dps[i];
		if (d->port != lane || d->m.state == XPO_DP_S_DEACTIVATED)
			continue;
		xpo_dp_exec_feed(cage, d, XPO_DP_E_DOWN, NULL);
		budget = max(budget,
			     xpo_dp_budget_ms(&d->m.mod,
					      XPO_DP_S_DEINITIALIZING, false));
	}
	deadline = jiffies + msecs_to_jiffies(budget);
	for (;;) {
		busy = false;
		for (i = 0; i < cage->num_dps; i++) {
			d = &cage->dps[i];
			if (d->port == lane &&
			    d->m.state != XPO_DP_S_DEACTIVATED)
				busy = true;
		}
		if (!busy)
			return 0;
		if (time_after(jiffies, deadline))
			return -ETIMEDOUT;
		msleep(XPO_SET_T_POLL_MS);
		memset(&in, 0, sizeof(in));
		in.lanes = GENMASK_ULL(bank * 8 + 7, bank * 8);
		ret = xpo_set_read(cage, bank, CMIS_PAGE_LANE_STATUS,
				   CMIS_P11_DP_STATE, in.dp_state[bank],
				   XPO_DP_NIBBLE_BYTES);
		if (ret)
			return ret;
		memcpy(cage->dp_state[bank], in.dp_state[bank],
		       sizeof(cage->dp_state[bank]));
		for (i = 0; i < cage->num_dps; i++)
			if (cage->dps[i].port == lane)
				xpo_dp_exec_feed(cage, &cage->dps[i],
						 XPO_DP_E_DP_STATE, &in);
	}
}

/*
 * Tune the media lanes @media of @bank to (@grid, @channel) and wait for
 * the tuning; *@refused gets the lanes the module refused and *@flag the
 * flag that said so.  Data paths down.
 */
static int xpo_set_tune_channel(struct xpo_cage *cage, unsigned int bank,
				u8 media, u8 *page12, unsigned int grid,
				s16 channel, unsigned int budget_ms,
				u8 *refused, u8 *flag)
{
	unsigned long lanes = media, deadline;
	unsigned int l;
	u8 flags, st;
	int ret;

	*refused = 0;
	/* old flags out of the way, then the grid, then both channel bytes */
	for_each_set_bit(l, &lanes, XPO_PORT_TUNE_LANES) {
		ret = xpo_set_tune_flags(cage, bank, l, &flags);
		if (ret)
			return ret;
		xpo_tune_encode_channel(page12, l, grid, channel);
		ret = xpo_set_write(cage, bank, CMIS_PAGE_LASER_TUNING,
				    XPO_TUNE_P12_GRID + l,
				    &page12[UP(XPO_TUNE_P12_GRID) + l], 1);
		if (!ret)
			ret = xpo_set_write(cage, bank, CMIS_PAGE_LASER_TUNING,
					    XPO_TUNE_P12_CHANNEL + 2 * l,
					    &page12[UP(XPO_TUNE_P12_CHANNEL) +
						    2 * l], 2);
		if (ret)
			return ret;
	}
	deadline = jiffies + msecs_to_jiffies(budget_ms);
	for_each_set_bit(l, &lanes, XPO_PORT_TUNE_LANES) {
		for (;;) {
			ret = xpo_set_read(cage, bank, CMIS_PAGE_LASER_TUNING,
					   XPO_TUNE_P12_STATUS + l, &st, 1);
			if (ret)
				return ret;
			if (!(st & XPO_TUNE_ST_IN_PROGRESS))
				break;
			if (time_after(jiffies, deadline))
				return -ETIMEDOUT;
			msleep(XPO_SET_T_POLL_MS);
		}
		ret = xpo_set_tune_flags(cage, bank, l, &flags);
		if (ret)
			return ret;
		if (flags & (XPO_TUNE_FL_BAD_CHANNEL | XPO_TUNE_FL_NOT_ACCEPTED)) {
			*refused |= BIT(l);
			*flag = flags;
		}
	}
	return 0;
}

/* Write the target power of the lanes @media; the refused ones in *@refused */
static int xpo_set_tune_power(struct xpo_cage *cage, unsigned int bank,
			      u8 media, u8 *page12, s16 power, u8 *refused)
{
	unsigned long lanes = media;
	unsigned int l;
	u8 flags;
	int ret;

	*refused = 0;
	for_each_set_bit(l, &lanes, XPO_PORT_TUNE_LANES) {
		ret = xpo_set_tune_flags(cage, bank, l, &flags);
		if (ret)
			return ret;
		xpo_tune_encode_power(page12, l, power);
		ret = xpo_set_write(cage, bank, CMIS_PAGE_LASER_TUNING,
				    XPO_TUNE_P12_POWER + 2 * l,
				    &page12[UP(XPO_TUNE_P12_POWER) + 2 * l], 2);
		if (!ret)
			ret = xpo_set_tune_flags(cage, bank, l, &flags);
		if (ret)
			return ret;
		if (flags & XPO_TUNE_FL_POWER_RANGE)
			*refused |= BIT(l);
	}
	return 0;
}

/**
 * xpo_cage_tune_set() - tune a port's lasers
 * @cage: the cage
 * @index: the port's number in the cage
 * @req: channel (or frequency) and grid, and/or target power
 * @extack: why not (xpo_tune_check_*()'s message for a refusal)
 *
 * Checked in full before anything changes; then the power, then the
 * channel with the data paths down (see the top of the file).  A refusal
 * by the module leaves the laser where it was, and the power as it was.
 *
 * Return: 0; -EOPNOTSUPP (no tunable laser, a grid or a power control
 * the module lacks); -EINVAL (out of range, off the grid, refused by the
 * module); -EBUSY (leased); -ETIMEDOUT; or as xpo_cage_si_get().
 */
int xpo_cage_tune_set(struct xpo_cage *cage, unsigned int index,
		      const struct xpo_port_tune_req *req,
		      struct netlink_ext_ack *extack)
{
	unsigned int bank, first, grid, budget = 0, i;
	char msg[XPO_TUNE_MSG_LEN] = "";
	struct xpo_port_tune *tune;
	struct xpo_cage_dp *d;
	u8 *page12, lane, lanes, refused = 0, flag = 0;
	s16 channel = req->channel, old_power;
	bool down = false;
	int ret, grid_code;

	tune = kzalloc(sizeof(*tune), GFP_KERNEL);
	page12 = kmalloc(CMIS_PAGE_SIZE, GFP_KERNEL);
	if (!tune || !page12) {
		ret = -ENOMEM;
		goto out_free;
	}
	mutex_lock(&cage->sm_lock);
	ret = xpo_set_port(cage, index, true, &lane, &lanes, extack);
	if (!ret)
		ret = xpo_set_tune_read(cage, lane, tune, page12, extack);
	if (ret)
		goto out;
	bank = lane / CMIS_LANES_PER_BANK;
	first = __ffs(tune->media);
	old_power = tune->lane[first].power;

	/* everything checked before anything is written */
	grid = tune->lane[first].grid;
	if (req->grid_mhz) {
		grid_code = xpo_tune_grid_from_mhz(req->grid_mhz);
		if (grid_code < 0) {
			NL_SET_ERR_MSG_MOD(extack,
					   "No such grid spacing (CMIS codes 3.125 to 150 GHz)");
			ret = -EINVAL;
			goto out;
		}
		grid = grid_code;
	}
	if (req->has_freq)
		ret = xpo_tune_check_freq(&tune->caps, grid, req->freq_mhz,
					  &channel, msg, sizeof(msg));
	else if (req->has_channel)
		ret = xpo_tune_check_channel(&tune->caps, grid, channel, msg,
					     sizeof(msg));
	if (!ret && req->has_power)
		ret = xpo_tune_check_power(&tune->caps, req->power, msg,
					   sizeof(msg));
	if (ret) {
		XPO_NL_SET_ERR_MSG_FMT(extack,
				       KBUILD_MODNAME
				       ": The module's laser does not support this (tune-get lists its grids, channels and power range)",
				       "%s", msg);
		goto out;
	}

	if (req->has_power) {
		ret = xpo_set_tune_power(cage, bank, tune->media, page12,
					 req->power, &refused);
		if (ret)
			goto io_failed;
		if (refused) {
			xpo_set_tune_power(cage, bank, tune->media, page12,
					   old_power, &flag);
			XPO_NL_SET_ERR_MSG_FMT(extack,
					       KBUILD_MODNAME
					       ": The module refused the output power (TargetOutputPowerOutOfRange)",
					       "media lane %u: output power refused (TargetOutputPowerOutOfRange)",
					       (unsigned int)__ffs(refused) + 1);
			ret = -EINVAL;
			goto out;
		}
	}

	if (req->has_channel || req->has_freq) {
		/* C-CMIS: grid and channel change only with DPDeactivated */
		ret = xpo_set_dp_quiesce(cage, lane);
		down = true;
		if (ret == -ETIMEDOUT) {
			NL_SET_ERR_MSG_MOD(extack,
					   "The port's data path did not deactivate in time");
			goto undo_power;
		}
		if (ret)
			goto io_failed;
		for (i = 0; i < cage->num_dps; i++) {
			d = &cage->dps[i];
			if (d->port == lane)
				budget = max(budget,
					     XPO_SET_TUNE_BUDGET(&d->m.mod));
		}
		ret = xpo_set_tune_channel(cage, bank, tune->media, page12,
					   grid, channel, budget, &refused,
					   &flag);
		if (ret == -ETIMEDOUT) {
			XPO_NL_SET_ERR_MSG_FMT(extack,
					       KBUILD_MODNAME
					       ": The laser did not finish tuning within the module's DPInit duration",
					       "the laser did not finish tuning within %u ms",
					       budget);
			goto undo_power;
		}
		if (ret)
			goto io_failed;
		if (refused) {
			u8 again;
			unsigned long ok = tune->media & ~refused;
			unsigned int l;

			/* the refused lanes stayed put; put the others back */
			for_each_set_bit(l, &ok, XPO_PORT_TUNE_LANES)
				xpo_set_tune_channel(cage, bank, BIT(l), page12,
						     tune->lane[l].grid,
						     tune->lane[l].channel,
						     budget, &again, &again);
			XPO_NL_SET_ERR_MSG_FMT(extack,
					       KBUILD_MODNAME
					       ": The module refused the channel; the laser stays where it was",
					       "media lane %u: channel refused (%s), laser unchanged",
					       (unsigned int)__ffs(refused) + 1,
					       flag & XPO_TUNE_FL_BAD_CHANNEL ?
					       "InvalidChannelNumber" :
					       "TuningNotAccepted");
			ret = -EINVAL;
			goto undo_power;
		}
	}
	xpo_event_publish(cage, XPO_EV_PORT_SETTINGS, XPO_PROTECT_NUM_COND,
			  XPO_PROTECT_NUM_ACTION);
	goto out;

io_failed:
	xpo_set_io_failed(ret, extack);
undo_power:
	if (req->has_power)
		xpo_set_tune_power(cage, bank, tune->media, page12, old_power,
				   &flag);
out:
	/* the data paths of a port that is up come back (xpo_lanes.c) */
	if (down)
		xpo_lanes_service(cage);
	mutex_unlock(&cage->sm_lock);
out_free:
	kfree(page12);
	kfree(tune);
	return ret;
}
