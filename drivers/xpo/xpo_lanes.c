// SPDX-License-Identifier: GPL-2.0
/*
 * The ports' lanes.  Port p of a cage is bank p of the module (host lanes
 * 8p..8p+7).  The core keeps each bank's data path controls in line with
 * its port's administrative state, reads the lane status of the banks it
 * cares about when IntL fires, and drives the ports' carrier from it:
 *
 *  - a port up: Tx output enabled (10h:130 = 00h) and data path
 *    initialised (10h:128 DataPathDeinit = 00h) for its eight lanes; a port
 *    down: Tx output disabled and data path deinitialised (both FFh).
 *    Written whenever the two differ, including for every bank of a module
 *    that was just identified (still in ModuleLowPwr, so the data paths of
 *    ports that are down never start);
 *  - the banks of ports that are up, and of ports going down until their
 *    lanes read DPDeactivated, are watched: after IntL (or a poll) their
 *    latched lane flags 11h:134-152 are read, which clears them and lets
 *    IntL deassert, then their data path states 11h:128-131 (flags first,
 *    so that a transition after the read latches its flag again).  If IntL
 *    is still asserted after that, the next look reads every bank;
 *  - a port that is up in a ready cage must see its lanes DPActivated
 *    within the advertised DPInit and DPTxTurnOn durations plus a margin;
 *    if not, that is logged once (the request stands, carrier follows
 *    whenever the data path comes).  A delayed work looks again at the
 *    deadline, since a stuck data path raises no IntL;
 *  - carrier is on for a port that is up, in a cage whose module is
 *    ModuleReady, with all eight lanes DPActivated; off otherwise.  A bank
 *    the module does not have (a 4-bank module in an 8-port cage) never
 *    has carrier.  A module with flat memory (passive copper) has no lane
 *    pages and no data path: its one port has carrier while up and the
 *    module ready.
 *
 * Everything here runs with sm_lock held.  Bus errors leave the lane state
 * stale; the next run (IntL is still asserted, so the core looks again)
 * retries.
 */
#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/jiffies.h>
#include <linux/minmax.h>
#include <linux/workqueue.h>

#include "xpo_core.h"
#include "xpo_port.h"

/* Banks the module has and the cage has ports for */
static u8 xpo_lanes_banks(struct xpo_cage *cage)
{
	unsigned int n;

	if (!cage->id_valid)
		return 0;
	n = min(cage->id.banks, cage->num_ports);
	return n ? (u8)GENMASK(n - 1, 0) : 0;
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
	cage->dp_known = 0;
	cage->dp_applied = 0;
	cage->dp_pending = 0;
	cage->dp_waiting = 0;
	cage->dp_late = 0;
	cage->lanes_stale = true;
	memset(cage->dp_state, 0, sizeof(cage->dp_state));
	memset(cage->lane_flags, 0, sizeof(cage->lane_flags));
}

/* One bank's controls; Tx output is switched on last and off first. */
static int __xpo_lanes_control(struct xpo_cage *cage, u8 bank, bool up)
{
	u8 val = up ? 0x00 : 0xff;
	int ret;

	if (up) {
		ret = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL,
				       CMIS_P10_DP_DEINIT, &val, 1);
		if (!ret)
			ret = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL,
					       CMIS_P10_TX_DISABLE, &val, 1);
	} else {
		ret = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL,
				       CMIS_P10_TX_DISABLE, &val, 1);
		if (!ret)
			ret = __xpo_cmis_write(cage, bank, CMIS_PAGE_LANE_CTRL,
					       CMIS_P10_DP_DEINIT, &val, 1);
	}
	return ret;
}

/* Bring the 10h controls of @banks in line with their ports. */
static void xpo_lanes_apply(struct xpo_cage *cage, u8 banks)
{
	unsigned long todo;
	unsigned int b;
	bool up;
	int ret;

	todo = banks & (~cage->dp_known | (cage->dp_applied ^ cage->ports_up));
	if (!todo)
		return;

	xpo_cmis_lock_as(cage, XPO_CLIENT_LANES);
	for_each_set_bit(b, &todo, XPO_BANKS) {
		up = cage->ports_up & BIT(b);
		ret = __xpo_lanes_control(cage, b, up);
		if (ret) {
			dev_dbg(cage->dev, "bank %u data path control: %d\n",
				b, ret);
			cage->dp_known &= ~BIT(b);
			break;
		}
		cage->dp_known |= BIT(b);
		if (up) {
			cage->dp_applied |= BIT(b);
		} else {
			cage->dp_applied &= ~BIT(b);
			cage->dp_pending |= BIT(b);
		}
		cage->lanes_stale = true;
	}
	xpo_cmis_unlock(cage);
}

/*
 * Flags first, then states, of the watched banks; of every bank when IntL
 * stayed asserted after the last look (a flag of a bank nobody watches).
 */
static void xpo_lanes_read(struct xpo_cage *cage, u8 banks)
{
	unsigned long watch = (cage->ports_up | cage->dp_pending) & banks;

	if (cage->lanes_sweep)
		watch = banks;
	unsigned int b;
	int ret = 0;

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
			break;
		}
		if (!(cage->ports_up & BIT(b)) &&
		    xpo_cmis_dp_all(cage->dp_state[b], CMIS_DP_DEACTIVATED))
			cage->dp_pending &= ~BIT(b);
	}
	xpo_cmis_unlock(cage);
	if (!ret) {
		cage->lanes_stale = false;
		cage->lanes_sweep = false;
	}
}

/* How long a data path may take to activate, from the module's word */
static unsigned int xpo_lanes_dp_budget_ms(const struct xpo_identity *id)
{
	int init = xpo_cmis_duration_ms(id->dpinit_code);
	int txon = xpo_cmis_duration_ms(id->txon_code);

	if (init < 0 || txon < 0)
		return XPO_T_DP_DEFAULT_MS;
	return init + txon + XPO_T_DP_MARGIN_MS;
}

/*
 * Deadlines of the ports that wait for their data path (@active: banks
 * all DPActivated): start one for a port that begins to wait, report one
 * that passed, and arm the work for the earliest still running.
 */
static void xpo_lanes_deadlines(struct xpo_cage *cage, u8 waiting,
				u8 active)
{
	unsigned long wait, next = 0, now = jiffies;
	unsigned int b, ms = xpo_lanes_dp_budget_ms(&cage->id);
	bool armed = false;
	u8 dp;

	cage->dp_late &= waiting;
	wait = waiting & ~active;
	cage->dp_waiting &= wait;
	for_each_set_bit(b, &wait, XPO_BANKS) {
		if (!(cage->dp_waiting & BIT(b))) {
			cage->dp_waiting |= BIT(b);
			cage->dp_deadline[b] = now + msecs_to_jiffies(ms);
		}
		if (!time_before(now, cage->dp_deadline[b])) {
			dp = xpo_cmis_dp_state(cage->dp_state[b], 0);
			if (!(cage->dp_late & BIT(b)))
				dev_warn(cage->dev,
					 "port %u: data path not activated within %u ms (lane 1 %s)\n",
					 b, ms, xpo_cmis_dp_state_name(dp));
			cage->dp_late |= BIT(b);
			continue;
		}
		if (!armed || time_before(cage->dp_deadline[b], next))
			next = cage->dp_deadline[b];
		armed = true;
	}
	if (armed && !cage->stopping)
		mod_delayed_work(xpo_wq, &cage->lanes_work,
				 next - now + 1);
}

/* The deadline work: read the lanes again, without an IntL to say so */
void xpo_lanes_work(struct work_struct *work)
{
	struct xpo_cage *cage = container_of(to_delayed_work(work),
					     struct xpo_cage, lanes_work);

	mutex_lock(&cage->sm_lock);
	if (!cage->stopping) {
		cage->lanes_stale = true;
		xpo_lanes_service(cage);
	}
	mutex_unlock(&cage->sm_lock);
}

/**
 * xpo_lanes_service() - apply the ports' state to the lanes, read them
 * back if something may have changed, and set the ports' carrier
 * @cage: the cage, sm_lock held
 *
 * Called at the end of every state machine run and when a port goes up or
 * down.  Bus access happens only with an identified, running module, and
 * only when there is something to write or cage->lanes_stale says that the
 * lane status may have changed (IntL, a poll, a state change, a port
 * change).
 */
void xpo_lanes_service(struct xpo_cage *cage)
{
	u8 banks = 0, carrier = 0, active = 0;
	bool lane_pages = false;
	unsigned long up = 0;
	unsigned int b;

	lockdep_assert_held(&cage->sm_lock);

	/* a busy module's lanes are looked at once its lease ends */
	if (xpo_guard_postpone(cage, XPO_DEFER_LANES)) {
		if (cage->sm.state != XPO_S_READY)
			xpo_ports_set_carrier(cage, 0);
		return;
	}

	if (xpo_lanes_reachable(cage)) {
		banks = xpo_lanes_banks(cage);
		/* flat memory (passive copper): no lane pages, no data path */
		lane_pages = cage->id.has_page01;
		if (lane_pages) {
			xpo_lanes_apply(cage, banks);
			if (cage->lanes_stale)
				xpo_lanes_read(cage, banks);
		}
	}

	if (cage->sm.state == XPO_S_READY) {
		up = cage->ports_up & banks;
		for_each_set_bit(b, &up, XPO_BANKS)
			if (!lane_pages ||
			    xpo_cmis_dp_all(cage->dp_state[b],
					    CMIS_DP_ACTIVATED))
				active |= BIT(b);
		carrier = active;
	}
	/* only a read that succeeded may start or judge a deadline */
	if (!cage->lanes_stale)
		xpo_lanes_deadlines(cage, lane_pages ? up : 0, active);
	xpo_ports_set_carrier(cage, carrier);
}

/**
 * xpo_cage_port_set_up() - a port of the cage goes administratively up or
 * down
 * @cage: the cage
 * @port: port number (= bank)
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
	u8 bit = BIT(port);
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
