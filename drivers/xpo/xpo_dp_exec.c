// SPDX-License-Identifier: GPL-2.0
/*
 * The data path executor: runs one data path's state machine (xpo_dp.c)
 * against the module, through the broker.
 *
 * xpo_dp_step() says what to write and what to read; this file carries it
 * out, in the order of the XPO_DP_A_* bits, and feeds what it read back as
 * the next event, until the machine asks for nothing more to read.  The
 * writes and the read of one step share one io_lock section.
 *
 * The lane control bytes (10h:128 DataPathDeinit, 10h:130 Tx disable) are
 * shared by every data path of a bank.  The host is their only writer, so
 * the cage keeps what it last wrote (ctl_deinit, ctl_tx_disable) and a
 * step changes only its own lanes' bits of that copy before writing the
 * byte: a read-modify-write that costs no read.  The copy starts as "every
 * lane deinitialised, Tx off" (xpo_dp_exec_bank_init()), written when a
 * module is first seen.
 *
 * The staged control set 0 (10h:145-152, one DPConfig byte per lane) is
 * written for the whole bank as the cage plans it, then ApplyDPInit
 * (10h:143), CMIS 5.2 section 6.3.3 (the Provision procedure), for the
 * data path's lanes and the bank's idle ones (xpo_lanes_bank_plan(): a
 * module refuses to apply part of an active data path).
 * Signal integrity settings (10h:153-173) are not written here: si-set
 * (xpo_settings.c) stages them in the module, which keeps them in staged
 * set 0; a data path whose port had them set comes up with
 * ExplicitControl (struct xpo_cage_dp si_explicit), the others with the
 * module's defaults for the application.
 *
 * The machine's timer is a deadline in jiffies (struct xpo_cage_dp due);
 * the cage's lanes_work fires at the earliest one (xpo_lanes.c).
 *
 * Everything here runs with the cage's sm_lock held.
 */
#include <kunit/visibility.h>
#include <linux/device.h>
#include <linux/jiffies.h>
#include <linux/string.h>

#include "xpo_core.h"

/* Bounded: a machine asks for one read per step and settles in a few */
#define XPO_DP_EXEC_MAX_STEPS	16

/* The host lanes of @bank, as the machine names them */
static u64 xpo_dp_exec_bank_lanes(unsigned int bank)
{
	return GENMASK_ULL(bank * XPO_DP_BANK_LANES + XPO_DP_BANK_LANES - 1,
			   bank * XPO_DP_BANK_LANES);
}

static int xpo_dp_exec_ctl(struct xpo_cage *cage, unsigned int bank,
			   u8 offset, u8 *copy, u8 bits, bool set)
{
	u8 val = set ? *copy | bits : *copy & ~bits;
	int ret;

	ret = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL, offset,
			       &val, 1);
	/* on failure the copy keeps the request: the next write repeats it */
	*copy = val;
	return ret;
}

/**
 * xpo_dp_exec_bank_init() - every lane of a bank deinitialised, Tx off,
 *	and (with @dpconfig) the bank's layout staged and applied
 * @cage: the cage, sm_lock held
 * @bank: the bank
 * @dpconfig: the DPConfig byte of each of its 8 lanes (AppSel 0: in no
 *	data path), or NULL
 *
 * Written for every bank of a module when it is first seen (in
 * ModuleLowPwr, so that no data path starts before its port asks), and for
 * the banks of a new layout, in one io_lock section.
 *
 * A module refuses (PartialDataPath, CMIS 5.2 section 8.10) an ApplyDPInit
 * that would leave part of an active data path behind: a port of 4 lanes
 * cannot be configured on its own while the bank's active set still has
 * the 8-lane data path of the layout before.  So a new layout is staged
 * and applied for every lane of the bank at once, once they are all
 * deactivated; each data path then provisions its own lanes again when
 * its port comes up (xpo_dp.c), and judges ConfigStatus there.
 */
void xpo_dp_exec_bank_init(struct xpo_cage *cage, unsigned int bank,
			   const u8 *dpconfig)
{
	u8 all = 0xff;
	int ret;

	lockdep_assert_held(&cage->sm_lock);
	cage->ctl_tx_disable[bank] = 0xff;
	cage->ctl_deinit[bank] = 0xff;
	xpo_cmis_lock_as(cage, XPO_CLIENT_LANES);
	ret = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL,
			       CMIS_P10_TX_DISABLE,
			       &cage->ctl_tx_disable[bank], 1);
	if (!ret)
		ret = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL,
				       CMIS_P10_DP_DEINIT,
				       &cage->ctl_deinit[bank], 1);
	if (!ret && dpconfig)
		ret = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL,
				       CMIS_P10_DPCONFIG, dpconfig,
				       XPO_DP_BANK_LANES);
	if (!ret && dpconfig)
		ret = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL,
				       CMIS_P10_APPLY_DPINIT, &all, 1);
	xpo_cmis_unlock(cage);
	if (ret)
		dev_dbg(cage->dev, "bank %u lane controls: %d\n", bank, ret);
}

/* The writes of one step, in XPO_DP_A_* order; io_lock held */
static int xpo_dp_exec_write(struct xpo_cage *cage, struct xpo_cage_dp *d,
			     const struct xpo_dp_result *res)
{
	u8 bits = res->bank_bits, idle = 0, apply, cfg[XPO_DP_BANK_LANES];
	unsigned int bank = res->bank;
	int ret = 0;

	if (res->actions & XPO_DP_A_TX_DISABLE)
		ret = xpo_dp_exec_ctl(cage, bank, CMIS_P10_TX_DISABLE,
				      &cage->ctl_tx_disable[bank], bits, true);
	if (!ret && (res->actions & XPO_DP_A_DEINIT_SET))
		ret = xpo_dp_exec_ctl(cage, bank, CMIS_P10_DP_DEINIT,
				      &cage->ctl_deinit[bank], bits, true);
	/* with the bank's idle lanes, as planned (xpo_lanes_bank_plan()) */
	if (!ret && (res->actions & XPO_DP_A_WRITE_STAGED)) {
		idle = xpo_lanes_bank_plan(cage, d, bank, cfg);
		ret = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL,
				       CMIS_P10_DPCONFIG, cfg,
				       XPO_DP_BANK_LANES);
	}
	/* XPO_DP_A_WRITE_SI: already staged by si-set, see the top of the file */
	if (!ret && (res->actions & XPO_DP_A_APPLY_DPINIT)) {
		apply = bits | idle;
		ret = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL,
				       CMIS_P10_APPLY_DPINIT, &apply, 1);
	}
	if (!ret && (res->actions & XPO_DP_A_DEINIT_CLEAR))
		ret = xpo_dp_exec_ctl(cage, bank, CMIS_P10_DP_DEINIT,
				      &cage->ctl_deinit[bank], bits, false);
	if (!ret && (res->actions & XPO_DP_A_TX_ENABLE))
		ret = xpo_dp_exec_ctl(cage, bank, CMIS_P10_TX_DISABLE,
				      &cage->ctl_tx_disable[bank], bits, false);
	return ret;
}

/*
 * The read a step asks for (at most one), into @in; io_lock held.
 * Return: the event that reports it, XPO_DP_E_MAX for no read.
 */
static enum xpo_dp_event xpo_dp_exec_read(struct xpo_cage *cage,
					  const struct xpo_dp_result *res,
					  struct xpo_dp_input *in)
{
	unsigned int bank = res->bank;
	enum xpo_dp_event event;
	u8 pending;
	int ret;

	memset(in, 0, sizeof(*in));
	in->lanes = xpo_dp_exec_bank_lanes(bank);
	if (res->actions & XPO_DP_A_READ_CONFIG) {
		ret = __xpo_cmis_read(cage, bank, CMIS_PAGE_LANE_STATUS,
				      CMIS_P11_CONFIG_STATUS,
				      in->config_status[bank],
				      XPO_DP_NIBBLE_BYTES);
		event = XPO_DP_E_CONFIG_STATUS;
	} else if (res->actions & XPO_DP_A_READ_PENDING) {
		ret = __xpo_cmis_read(cage, bank, CMIS_PAGE_LANE_STATUS,
				      CMIS_P11_DPINIT_PENDING, &pending, 1);
		in->dpinit_pending = (u64)pending << (bank * XPO_DP_BANK_LANES);
		event = XPO_DP_E_INIT_PENDING;
	} else if (res->actions & XPO_DP_A_READ_STATE) {
		ret = __xpo_cmis_read(cage, bank, CMIS_PAGE_LANE_STATUS,
				      CMIS_P11_DP_STATE, in->dp_state[bank],
				      XPO_DP_NIBBLE_BYTES);
		/* what port-get and debugfs show */
		if (!ret)
			memcpy(cage->dp_state[bank], in->dp_state[bank],
			       sizeof(cage->dp_state[bank]));
		event = XPO_DP_E_DP_STATE;
	} else {
		return XPO_DP_E_MAX;
	}
	return ret ? XPO_DP_E_IO_ERROR : event;
}

/* Carry out one step; return the event of its read, XPO_DP_E_MAX if none */
static enum xpo_dp_event xpo_dp_exec_act(struct xpo_cage *cage,
					 struct xpo_cage_dp *d,
					 const struct xpo_dp_result *res,
					 struct xpo_dp_input *in)
{
	enum xpo_dp_event next = XPO_DP_E_MAX;
	int ret = 0;

	if (res->actions & XPO_DP_A_TIMER)
		d->due = jiffies + msecs_to_jiffies(res->timer_ms);
	if (!(res->actions & ~(XPO_DP_A_TIMER | XPO_DP_A_CANCEL_TIMER)))
		return next;

	xpo_cmis_lock_as(cage, XPO_CLIENT_LANES);
	ret = xpo_dp_exec_write(cage, d, res);
	if (ret)
		next = XPO_DP_E_IO_ERROR;
	else
		next = xpo_dp_exec_read(cage, res, in);
	xpo_cmis_unlock(cage);
	if (ret)
		dev_dbg(cage->dev, "data path at lane %u: write: %d\n",
			d->m.first_lane + 1, ret);
	return next;
}

/**
 * xpo_dp_exec_feed() - feed an event to a data path, carry out its steps
 * @cage: the cage, sm_lock held
 * @d: the data path
 * @event: what happened
 * @in: what came with it, or NULL
 *
 * The refusal of an up request (struct xpo_dp_result err) is left in
 * @d->err.
 */
void xpo_dp_exec_feed(struct xpo_cage *cage, struct xpo_cage_dp *d,
		      enum xpo_dp_event event, const struct xpo_dp_input *in)
{
	struct xpo_dp_result res;
	struct xpo_dp_input read;
	unsigned int n;

	lockdep_assert_held(&cage->sm_lock);
	for (n = 0; n < XPO_DP_EXEC_MAX_STEPS; n++) {
		xpo_dp_step(&d->m, event, in, &res);
		dev_dbg(cage->dev, "dp lane %u: %s -> %s, actions %#x\n",
			d->m.first_lane + 1, xpo_dp_event_name(event),
			xpo_dp_state_name(d->m.state), res.actions);
		if (event == XPO_DP_E_UP)
			d->err = res.err;
		event = xpo_dp_exec_act(cage, d, &res, &read);
		if (event == XPO_DP_E_MAX)
			return;
		in = &read;
	}
	dev_err(cage->dev, "data path at lane %u loops in %s\n",
		d->m.first_lane + 1, xpo_dp_state_name(d->m.state));
}
EXPORT_SYMBOL_IF_KUNIT(xpo_dp_exec_feed);
