// SPDX-License-Identifier: GPL-2.0
/*
 * A breakout or reach change of a seated module, provisioned and verified
 * on the module before it is committed, and rolled back if the module
 * does not take it (Documentation/ports.rst, "Atomic changes").
 *
 * Under a breakout lease (the data path service and the ports leave the
 * module alone meanwhile, xpo_lanes_service()), the banks of the change
 * run the phases of xpo_bverify.c with the new configuration; only then
 * are the netdevs replaced (xpo_ports_relayout()), so that a failure
 * leaves the old netdevs, their ifindexes and the old layout in place.
 * On a failure, or if the replacement fails, the old configuration is put
 * back on the module's banks (quiesce and apply), unless the module is
 * gone: the next one is planned with the layout, still the old one.
 * A reach change (xpo_reach_provision()) keeps the layout and its
 * netdevs: only the banks whose applications change are provisioned, the
 * profile committed once they are verified, and those banks planned again
 * either way, so that their ports that are up come back up with the new
 * applications or, after a rollback, the old ones.
 *
 * Locks: called with the devlink instance lock and the cage's breakout_lock
 * held, no cage lock.  Each read or write takes sm_lock and io_lock for
 * that access only; the waits in between hold neither, so the state
 * machine, the protection and the other cages are never kept waiting on
 * a change.
 */
#include <kunit/visibility.h>
#include <linux/jiffies.h>
#include <linux/netlink.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "xpo_app.h"
#include "xpo_bverify.h"
#include "xpo_compat.h"
#include "xpo_core.h"
#include "xpo_dp.h"
#include "xpo_port.h"

/*
 * How often the banks are read while a phase waits: our choice, shorter
 * than the data path machine's XPO_DP_T_POLL_MS because an admin waits for
 * the answer; four bytes per bank and poll.
 */
#define XPO_BPROV_POLL_MS	10

static const char xpo_bprov_owner[] = "breakout";

struct xpo_bprov {
	struct xpo_cage *cage;
	struct xpo_dp_module mod;
	u8 banks;			/* b<n>: bank n is changed */
	u8 (*cfg)[CMIS_LANES_PER_BANK];	/* their DPConfig */
	bool killable;			/* a fatal signal ends the wait */
	struct xpo_bv_fail fail;
};

/* The module the change started with is still there and running; sm_lock */
static bool xpo_bprov_module_there(struct xpo_cage *cage)
{
	lockdep_assert_held(&cage->sm_lock);
	if (cage->stopping || !cage->id_valid || !xpo_cage_present(cage))
		return false;
	switch (cage->sm.state) {
	case XPO_S_LOW_POWER:
	case XPO_S_POWERING_UP:
	case XPO_S_READY:
		return true;
	default:
		return false;
	}
}

/* A bus error, or the module pulled under it; sm_lock held */
static void xpo_bprov_io_fail(struct xpo_bprov *p, unsigned int bank,
			      int err)
{
	p->fail.bank = bank;
	p->fail.err = err;
	p->fail.why = xpo_bprov_module_there(p->cage) ? XPO_BV_WHY_IO :
							XPO_BV_WHY_GONE;
}

/* The writes of @phase to one bank; io_lock held */
static int xpo_bprov_write(struct xpo_bprov *p, enum xpo_bv_phase phase,
			   unsigned int b)
{
	struct xpo_cage *cage = p->cage;
	u8 all = 0xff;
	int ret = 0;

	switch (phase) {
	case XPO_BV_QUIESCE:
		cage->ctl_tx_disable[b] = 0xff;
		ret = __xpo_cmis_write(cage, b, CMIS_PAGE_LANE_CTRL,
				       CMIS_P10_TX_DISABLE,
				       &cage->ctl_tx_disable[b], 1);
		fallthrough;
	case XPO_BV_DEINIT:
		cage->ctl_deinit[b] = 0xff;
		if (!ret)
			ret = __xpo_cmis_write(cage, b, CMIS_PAGE_LANE_CTRL,
					       CMIS_P10_DP_DEINIT,
					       &cage->ctl_deinit[b], 1);
		return ret;
	case XPO_BV_APPLY:
		ret = __xpo_cmis_write(cage, b, CMIS_PAGE_LANE_CTRL,
				       CMIS_P10_DPCONFIG, p->cfg[b],
				       CMIS_LANES_PER_BANK);
		if (!ret)
			ret = __xpo_cmis_write(cage, b, CMIS_PAGE_LANE_CTRL,
					       CMIS_P10_APPLY_DPINIT, &all, 1);
		return ret;
	case XPO_BV_INIT:
		/* Tx stays off: the new ports are down */
		cage->ctl_deinit[b] = ~xpo_bv_used_lanes(p->cfg[b]);
		return __xpo_cmis_write(cage, b, CMIS_PAGE_LANE_CTRL,
					CMIS_P10_DP_DEINIT,
					&cage->ctl_deinit[b], 1);
	default:
		return 0;
	}
}

/*
 * Write (@write) or read and judge @phase on every bank, in one cage lock
 * section.  Return: the verdict of all banks (the first failure, else
 * WAIT while one waits); p->fail says which lane, or the I/O error.
 */
static enum xpo_bv_verdict xpo_bprov_round(struct xpo_bprov *p,
					   enum xpo_bv_phase phase,
					   bool write)
{
	struct xpo_cage *cage = p->cage;
	enum xpo_bv_verdict v, all = XPO_BV_OK;
	unsigned long todo = p->banks;
	u8 st[XPO_DP_NIBBLE_BYTES], lane = 0, code = 0;
	unsigned int b;
	int ret = 0;

	mutex_lock(&cage->sm_lock);
	if (!xpo_bprov_module_there(cage)) {
		p->fail.why = XPO_BV_WHY_GONE;
		mutex_unlock(&cage->sm_lock);
		return XPO_BV_FAIL;
	}
	xpo_cmis_lock_as(cage, XPO_CLIENT_LANES);
	for_each_set_bit(b, &todo, XPO_BANKS) {
		if (write) {
			ret = xpo_bprov_write(p, phase, b);
		} else {
			ret = __xpo_cmis_read(cage, b, CMIS_PAGE_LANE_STATUS,
					      phase == XPO_BV_APPLY ?
					      CMIS_P11_CONFIG_STATUS :
					      CMIS_P11_DP_STATE,
					      st, sizeof(st));
			if (!ret && phase != XPO_BV_APPLY)
				memcpy(cage->dp_state[b], st, sizeof(st));
		}
		if (ret)
			break;
		if (write)
			continue;
		v = xpo_bv_judge(phase, p->cfg[b], st, &lane, &code);
		if (v == XPO_BV_OK || all == XPO_BV_FAIL ||
		    (v == XPO_BV_WAIT && all == XPO_BV_WAIT))
			continue;
		all = v;
		p->fail.bank = b;
		p->fail.lane = lane;
		p->fail.code = code;
	}
	xpo_cmis_unlock(cage);
	if (ret) {
		xpo_bprov_io_fail(p, b, ret);
		all = XPO_BV_FAIL;
	} else if (all == XPO_BV_FAIL) {
		p->fail.why = XPO_BV_WHY_CONFIG;
	}
	mutex_unlock(&cage->sm_lock);
	return all;
}

/* Run @phase: its writes, then reads until done, failed or past budget */
static int xpo_bprov_phase(struct xpo_bprov *p, enum xpo_bv_phase phase)
{
	unsigned int ms = xpo_bv_budget_ms(&p->mod, phase);
	unsigned long deadline = jiffies + msecs_to_jiffies(ms);
	unsigned long poll = msecs_to_jiffies(XPO_BPROV_POLL_MS);
	enum xpo_bv_verdict v;
	bool late;

	p->fail.phase = phase;
	if (xpo_bprov_round(p, phase, true) == XPO_BV_FAIL)
		return -EIO;
	for (;;) {
		/* after the budget, one last read decides */
		late = time_after(jiffies, deadline);
		v = xpo_bprov_round(p, phase, false);
		if (v == XPO_BV_OK)
			return 0;
		if (v == XPO_BV_FAIL)
			return -EIO;
		if (late) {
			p->fail.why = XPO_BV_WHY_TIMEOUT;
			p->fail.ms = ms;
			return -ETIMEDOUT;
		}
		if (!p->killable) {
			schedule_timeout_uninterruptible(poll);
			continue;
		}
		schedule_timeout_killable(poll);
		if (fatal_signal_pending(current)) {
			p->fail.why = XPO_BV_WHY_KILLED;
			return -EINTR;
		}
	}
}

/*
 * Every phase from QUIESCE up to (not including) @last, or up to DONE
 * with @last XPO_BV_DONE.  Return: 0 or the failing phase's error.
 */
static int xpo_bprov_run(struct xpo_bprov *p, enum xpo_bv_phase last)
{
	enum xpo_bv_phase ph = XPO_BV_QUIESCE;
	bool ready;
	int err;

	while (ph != XPO_BV_DONE && ph != last) {
		err = xpo_bprov_phase(p, ph);
		if (err)
			return err;
		mutex_lock(&p->cage->sm_lock);
		ready = p->cage->sm.state == XPO_S_READY;
		mutex_unlock(&p->cage->sm_lock);
		ph = xpo_bv_next(ph, ready);
	}
	return 0;
}

/* Put the old configuration back; the old data paths are deactivated */
static void xpo_bprov_roll_back(struct xpo_cage *cage, u8 banks,
				u8 (*old)[CMIS_LANES_PER_BANK])
{
	struct xpo_bprov back = {
		.cage = cage, .banks = banks, .cfg = old,
	};
	char msg[96];

	mutex_lock(&cage->sm_lock);
	xpo_dp_module_from_id(&back.mod, &cage->id);
	mutex_unlock(&cage->sm_lock);
	/* quiesced and applied: the old ports provision their lanes again */
	if (!banks || !xpo_bprov_run(&back, XPO_BV_INIT))
		return;
	xpo_bv_describe(&back.fail, msg, sizeof(msg));
	dev_warn(cage->dev,
		 "breakout rollback of banks %#x: %s (the old ports configure their lanes again when they come up)\n",
		 banks, msg);
}

/**
 * xpo_bprov_verify() - provision and verify a change on the module, and
 *	put the old configuration back if it does not take it
 * @cage: the cage, under the change's breakout lease, no cage lock held
 * @mod: the module's advertised durations
 * @banks: the banks of the change
 * @cfg: their new DPConfig, 8 bytes a bank
 * @old_banks: the banks carrying data paths now
 * @old: their DPConfig now
 * @fail: filled in with what failed
 *
 * Return: 0 with every bank of @banks verified (xpo_bverify.c); or
 * -EIO (a ConfigStatus refusal, a bus error), -ETIMEDOUT, -ENODEV (the
 * module was pulled: nothing put back), -EINTR, with the old configuration
 * quiesced and applied again on @banks | @old_banks.
 */
VISIBLE_IF_KUNIT int xpo_bprov_verify(struct xpo_cage *cage,
				      const struct xpo_dp_module *mod,
				      u8 banks, u8 cfg[][CMIS_LANES_PER_BANK],
				      u8 old_banks,
				      u8 old[][CMIS_LANES_PER_BANK],
				      struct xpo_bv_fail *fail)
{
	struct xpo_bprov p = {
		.cage = cage, .mod = *mod, .banks = banks, .cfg = cfg,
		.killable = true,
	};
	int err;

	err = xpo_bprov_run(&p, XPO_BV_DONE);
	*fail = p.fail;
	if (!err)
		return 0;
	if (!xpo_bv_can_roll_back(fail))
		return -ENODEV;
	xpo_bprov_roll_back(cage, banks | old_banks, old);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_bprov_verify);

/* The ports of @panels are all down; io_lock held */
static bool xpo_bprov_ports_down(struct xpo_cage *cage, u8 panels)
{
	unsigned int i;

	lockdep_assert_held(&cage->io_lock);
	for (i = 0; i < XPO_PANEL_PORTS; i++)
		if ((panels & BIT(i)) &&
		    (u8)(cage->ports_up >> (i * CMIS_LANES_PER_BANK)))
			return false;
	return true;
}

/*
 * Take the breakout lease, and plan: @p->banks, @p->cfg the new
 * configuration, @old the one now.  Return: 0 with nothing to verify
 * (no module, no lane pages, no data path planned yet: kept as without
 * a module), 1 with the lease taken, or an error.
 */
static int xpo_bprov_begin(struct xpo_bprov *p,
			   const struct xpo_app_layout *next, u8 panels,
			   u8 (*old)[CMIS_LANES_PER_BANK], u8 *old_banks,
			   struct netlink_ext_ack *extack)
{
	struct xpo_cage *cage = p->cage;
	struct xpo_lease req = {
		.kind = XPO_LEASE_BREAKOUT,
		.holder = "breakout",
		.owner = xpo_bprov_owner,
	};
	int err = 0;

	mutex_lock(&cage->sm_lock);
	if (!cage->dp_planned || !xpo_bprov_module_there(cage) ||
	    !cage->id.has_page01)
		goto out;
	mutex_lock(&cage->io_lock);
	/* else xpo_ports_relayout() refuses, naming the port */
	if (xpo_bprov_ports_down(cage, panels))
		err = __xpo_cage_lease_take(cage, &req, extack) ?: 1;
	mutex_unlock(&cage->io_lock);
	if (err <= 0)
		goto out;
	xpo_dp_module_from_id(&p->mod, &cage->id);
	p->banks = xpo_lanes_layout_cfg(cage, next, cage->reach, panels,
					p->cfg);
	*old_banks = xpo_lanes_planned_cfg(cage, panels, old);
out:
	mutex_unlock(&cage->sm_lock);
	return err;
}

/* Lease back, and the data paths looked at again (postponed meanwhile) */
static void xpo_bprov_end(struct xpo_cage *cage)
{
	xpo_cage_lease_release(cage, xpo_bprov_owner);
	mutex_lock(&cage->sm_lock);
	if (!cage->stopping) {
		cage->lanes_stale = true;
		xpo_lanes_service(cage);
	}
	mutex_unlock(&cage->sm_lock);
}

/**
 * xpo_breakout_provision() - apply a checked layout change, atomically
 * @cage: the cage, its devlink instance lock and the cage's breakout_lock held
 * @next: the cage's new layout
 * @panels: b<n>: front-panel port n gets new ports
 * @extack: what failed
 *
 * With a seated module whose data paths are planned, its banks of @panels
 * take the new configuration first (xpo_bverify.c), then the netdevs are
 * replaced; on any failure the module's banks get the old configuration
 * back and the old netdevs stay.  Without one the netdevs are replaced at
 * once, the layout checked when a module is seated.
 *
 * Return: 0; -EIO (the module refused: ConfigStatus, or a bus error),
 * -ETIMEDOUT, -ENODEV (the module was pulled), -EINTR (killed), or the
 * error of xpo_ports_relayout(), with nothing changed.
 */
int xpo_breakout_provision(struct xpo_cage *cage,
			   const struct xpo_app_layout *next, u8 panels,
			   struct netlink_ext_ack *extack)
{
	struct xpo_bprov p = { .cage = cage, .killable = true };
	u8 (*old)[CMIS_LANES_PER_BANK], old_banks = 0;
	char msg[96];
	int err;

	old = kcalloc(2 * XPO_BANKS, CMIS_LANES_PER_BANK, GFP_KERNEL);
	if (!old)
		return -ENOMEM;
	p.cfg = old + XPO_BANKS;
	err = xpo_bprov_begin(&p, next, panels, old, &old_banks, extack);
	if (err <= 0) {
		if (!err)
			err = xpo_ports_relayout(cage, next, panels, extack);
		kfree(old);
		return err;
	}

	err = xpo_bprov_verify(cage, &p.mod, p.banks, p.cfg, old_banks, old,
			       &p.fail);
	if (err) {
		xpo_bv_describe(&p.fail, msg, sizeof(msg));
		XPO_NL_SET_ERR_MSG_FMT(extack,
				       KBUILD_MODNAME
				       ": The module did not take the new breakout: not applied",
				       "Breakout not applied: %s", msg);
		dev_warn(cage->dev,
			 "breakout of front-panel ports %#x not applied: %s\n",
			 panels, msg);
	} else {
		/* under the lease still: no port of the cage comes up */
		err = xpo_ports_relayout(cage, next, panels, extack);
		if (err)
			xpo_bprov_roll_back(cage, p.banks | old_banks, old);
	}
	xpo_bprov_end(cage);
	kfree(old);
	return err;
}

/* The host lanes of the banks in @banks, as the cage's port bitmaps name them */
static u64 xpo_bprov_bank_lanes(u8 banks)
{
	unsigned int b;
	u64 lanes = 0;

	for (b = 0; b < XPO_BANKS; b++)
		if (banks & BIT(b))
			lanes |= GENMASK_ULL(b * CMIS_LANES_PER_BANK +
					     CMIS_LANES_PER_BANK - 1,
					     b * CMIS_LANES_PER_BANK);
	return lanes;
}

/*
 * The banks whose configuration @reach changes: another AppSel or
 * DataPathID on a lane.  ExplicitControl (the host's SI, si-set) is no
 * change of application: a bank that keeps its applications is left alone.
 */
static u8 xpo_bprov_reach_banks(u8 (*now)[CMIS_LANES_PER_BANK],
				u8 (*next)[CMIS_LANES_PER_BANK], u8 banks)
{
	unsigned int b, l;
	u8 changed = 0;

	for (b = 0; b < XPO_BANKS; b++)
		for (l = 0; (banks & BIT(b)) && l < CMIS_LANES_PER_BANK; l++)
			if ((now[b][l] ^ next[b][l]) & ~CMIS_DPCONFIG_EXPLICIT)
				changed |= BIT(b);
	return changed;
}

/*
 * Plan a reach change, and take the breakout lease if it is to be
 * verified: @p->banks the banks it changes, @p->cfg their new
 * configuration, @old the one now.  Without a module to verify on (none,
 * not identified, no lane pages, no data path planned yet) or with no bank
 * changing, the profile is committed at once, as before a module is
 * seated.  Return: 0 committed, 1 with the lease taken, or an error.
 */
static int xpo_bprov_begin_reach(struct xpo_bprov *p, u8 reach,
				 u8 (*old)[CMIS_LANES_PER_BANK],
				 struct netlink_ext_ack *extack)
{
	struct xpo_cage *cage = p->cage;
	struct xpo_lease req = {
		.kind = XPO_LEASE_BREAKOUT,
		.holder = "reach",
		.owner = xpo_bprov_owner,
	};
	u8 banks;
	int err = 0;

	mutex_lock(&cage->sm_lock);
	banks = xpo_lanes_layout_cfg(cage, &cage->layout, reach, 0xff,
				     p->cfg);
	banks |= xpo_lanes_planned_cfg(cage, 0xff, old);
	banks = xpo_bprov_reach_banks(old, p->cfg, banks);
	if (!banks || !cage->dp_planned || !xpo_bprov_module_there(cage) ||
	    !cage->id.has_page01) {
		cage->reach = reach;
		if (banks)
			xpo_lanes_relayout(cage, banks);
		goto out;
	}
	/* unlike a split's, the ports of the change may be up */
	mutex_lock(&cage->io_lock);
	err = __xpo_cage_lease_take(cage, &req, extack) ?: 1;
	mutex_unlock(&cage->io_lock);
	if (err < 0)
		goto out;
	xpo_dp_module_from_id(&p->mod, &cage->id);
	p->banks = banks;
	/* their lanes go down now: so does the carrier of their ports */
	xpo_attach_set_carrier(cage,
			       cage->carrier & ~xpo_bprov_bank_lanes(banks));
out:
	mutex_unlock(&cage->sm_lock);
	return err;
}

/**
 * xpo_reach_provision() - commit a checked reach profile, atomically
 * @cage: the cage, its breakout_lock held, no cage lock
 * @reach: the profile, checked against the seated module's applications
 * @extack: what failed
 *
 * The banks whose applications the profile changes take their new
 * configuration on the seated module first, verified as a split's are
 * (their ports, up or not, lose carrier meanwhile); then the profile is
 * the cage's and those banks are planned again: their ports that are up
 * come back up with the new applications.  On a failure the module's
 * banks get the old configuration back, the profile stays the old one and
 * the banks are planned again with it (the old ports come back as they
 * were).  Without a module, or with no bank changing, the profile is
 * committed at once.
 *
 * Return: 0; -EIO (the module refused: ConfigStatus, or a bus error),
 * -ETIMEDOUT, -ENODEV (the module was pulled), -EINTR (killed), -EBUSY
 * (leased), -ENOMEM, with the profile unchanged.
 */
int xpo_reach_provision(struct xpo_cage *cage, u8 reach,
			struct netlink_ext_ack *extack)
{
	struct xpo_bprov p = { .cage = cage, .killable = true };
	u8 (*old)[CMIS_LANES_PER_BANK];
	char msg[96];
	int err;

	lockdep_assert_held(&cage->breakout_lock);
	old = kcalloc(2 * XPO_BANKS, CMIS_LANES_PER_BANK, GFP_KERNEL);
	if (!old)
		return -ENOMEM;
	p.cfg = old + XPO_BANKS;
	err = xpo_bprov_begin_reach(&p, reach, old, extack);
	if (err <= 0)
		goto out_free;

	err = xpo_bprov_verify(cage, &p.mod, p.banks, p.cfg, p.banks, old,
			       &p.fail);
	if (err) {
		xpo_bv_describe(&p.fail, msg, sizeof(msg));
		XPO_NL_SET_ERR_MSG_FMT(extack,
				       KBUILD_MODNAME
				       ": The module did not take the new reach profile: not applied",
				       "Reach not applied: %s", msg);
		dev_warn(cage->dev,
			 "reach profile %s on banks %#x not applied: %s\n",
			 xpo_reach_name(reach), p.banks, msg);
	}
	mutex_lock(&cage->sm_lock);
	if (!err)
		cage->reach = reach;
	/* a module pulled: its data paths are forgotten with it */
	if (!cage->stopping && (!err || xpo_bv_can_roll_back(&p.fail)))
		xpo_lanes_relayout(cage, p.banks);
	mutex_unlock(&cage->sm_lock);
	xpo_bprov_end(cage);
out_free:
	kfree(old);
	return err;
}
