// SPDX-License-Identifier: GPL-2.0
/*
 * A cage's telemetry snapshot, shared by every reader (hwmon, netlink
 * cage-get and lanes-get): the module's monitors read in as few transfers
 * as the memory map allows and kept for telemetry_interval_ms.
 *
 * Per refresh: 00h:14-17 (temperature, supply) in one read; B0h:128-138
 * and B0h:141-175 (power, coolant, engines, thresholds) in two, around the
 * latched flags 139-140, which are the state machine's to read (reading
 * them clears them, and the protection acts on them); then, for every bank
 * with page 11h, the lane monitors 11h:154-201 in one read (Tx power, Tx
 * bias, Rx power of its eight lanes), one page select per bank.  The lane
 * flags 11h:134-152 just before them latch: they are the lanes' to read
 * (xpo_lanes.c, on IntL), and telemetry takes what the shadow handed it
 * (XPO_CLIENT_TELEMETRY), never reading them, so no reader takes a flag
 * from the lanes or the protection.  The thresholds of page 02h
 * (temperature and supply) and the monitors advertised in 01h:160 do not
 * change while a module runs: read once per module.  A module is read
 * whenever it answers management (xpo_telemetry_served()): CMIS modules
 * do in ModuleLowPwr, so the temperatures and the flow stay visible while
 * the protection holds a module in low power.  Any other state, or a bus
 * error, answers -ENODATA, never an old value.
 *
 * While a CDB or firmware lease holds the module (xpo_lease_quiet()) the
 * bus is not touched: readers that can say so (XPO_TLM_STALE_OK, netlink
 * lanes-get) get the last snapshot marked stale, the others -ENODATA
 * (hwmon: lm-sensors shows N/A).
 *
 * Everything here runs with the cage's io_lock held: the snapshot is
 * covered by it, like the bus access that fills it.
 */
#include <linux/jiffies.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

#include "xpo_compat.h"
#include "xpo_core.h"

static unsigned int telemetry_interval_ms = XPO_TELEMETRY_INTERVAL_MS_DEFAULT;
module_param(telemetry_interval_ms, uint, 0644);
MODULE_PARM_DESC(telemetry_interval_ms,
		 "Default telemetry cache lifetime in ms (1000); per cage: hwmon update_interval");

/* The default for a new cage */
unsigned int xpo_telemetry_default_interval(void)
{
	return clamp_t(unsigned int, READ_ONCE(telemetry_interval_ms),
		       XPO_TELEMETRY_INTERVAL_MS_MIN,
		       XPO_TELEMETRY_INTERVAL_MS_MAX);
}

/**
 * xpo_telemetry_forget() - the module changed state or went away
 * @cage: the cage, io_lock held
 * @module_gone: a new module may come: its thresholds must be read again
 */
void xpo_telemetry_forget(struct xpo_cage *cage, bool module_gone)
{
	lockdep_assert_held(&cage->io_lock);
	cage->tlm.valid = false;
	if (module_gone)
		cage->tlm.thr_valid = false;
}

/*
 * The states in which the module has been identified and answers its
 * management interface: low-power (ModuleLowPwr, also when held there by
 * the protection or the power budget), powering-up (ModulePwrUp) and
 * ready.  Not probing (identity and advertisement not read yet), not fault
 * (the module may not answer, and a NACKing module must not be polled).
 */
static bool xpo_telemetry_served(enum xpo_sm_state state)
{
	switch (state) {
	case XPO_S_LOW_POWER:
	case XPO_S_POWERING_UP:
	case XPO_S_READY:
		return true;
	default:
		return false;
	}
}

/* The monitors of the lanes of every bank with page 11h, one read each */
static int xpo_telemetry_read_lanes(struct xpo_cage *cage,
				    struct xpo_telemetry *t,
				    struct xpo_telemetry_lanes *l)
{
	unsigned int b, n = 0;
	int ret;

	if (t->mon_support & (CMIS_P01_MON_TX_BIAS | CMIS_P01_MON_TX_POWER |
			      CMIS_P01_MON_RX_POWER)) {
		while (n < XPO_BANKS &&
		       xpo_cmis_page_exists(&cage->adv, n,
					    CMIS_PAGE_LANE_STATUS))
			n++;
	}
	l->banks = 0;
	for (b = 0; b < n; b++) {
		ret = __xpo_cmis_read(cage, b, CMIS_PAGE_LANE_STATUS,
				      CMIS_P11_LANE_MON, l->mon[b],
				      CMIS_P11_LANE_MON_LEN);
		if (ret)
			return ret;
	}
	/* what latched since the last refresh, as the lanes read it */
	for (b = 0; b < n; b++)
		xpo_broker_take(cage, XPO_CLIENT_TELEMETRY, b,
				CMIS_PAGE_LANE_STATUS, CMIS_P11_LANE_FLAGS,
				l->flags[b], CMIS_P11_LANE_FLAGS_LEN, true);
	l->banks = n;
	return 0;
}

static int xpo_telemetry_read(struct xpo_cage *cage, struct xpo_telemetry *t,
			      struct xpo_telemetry_lanes *l)
{
	u8 lo[4];
	int ret;

	if (!t->thr_valid) {
		ret = __xpo_cmis_read(cage, 0, 0x02, CMIS_P02_TEMP_HALARM,
				      t->p02, sizeof(t->p02));
		if (ret)
			return ret;
		t->mon_support = 0;
		if (!cage->adv.flat) {
			ret = __xpo_cmis_read(cage, 0, 0x01,
					      CMIS_P01_MON_SUPPORT,
					      &t->mon_support, 1);
			if (ret)
				return ret;
		}
		t->thr_valid = true;
	}
	ret = __xpo_cmis_read(cage, 0, 0x00, CMIS_TEMP, lo, sizeof(lo));
	if (ret)
		return ret;
	t->temp = (s16)get_unaligned_be16(&lo[0]);
	t->vcc = get_unaligned_be16(&lo[2]);

	t->has_page = xpo_cmis_page_exists(&cage->adv, 0, XPO_PAGE_TELEMETRY);
	if (t->has_page) {
		ret = __xpo_cmis_read(cage, 0, XPO_PAGE_TELEMETRY,
				      XPO_TLM_MAX_POWER,
				      &t->b0[XPO_TLM_MAX_POWER - XPO_TLM_FIRST],
				      XPO_TLM_FLAGS - XPO_TLM_MAX_POWER);
		if (ret)
			return ret;
		ret = __xpo_cmis_read(cage, 0, XPO_PAGE_TELEMETRY,
				      XPO_TLM_ENGINES,
				      &t->b0[XPO_TLM_ENGINES - XPO_TLM_FIRST],
				      XPO_TLM_LAST + 1 - XPO_TLM_ENGINES);
		if (ret)
			return ret;
	}
	return xpo_telemetry_read_lanes(cage, t, l);
}

/*
 * The snapshot, refreshed if due, into @out and @lanes (either may be
 * NULL).  Return: 0, or -ENODATA.
 */
static int xpo_telemetry_fetch(struct xpo_cage *cage,
			       struct xpo_telemetry *out,
			       struct xpo_telemetry_lanes *lanes,
			       unsigned int flags)
{
	struct xpo_telemetry *t = &cage->tlm;
	bool served, quiet, due;
	int ret = 0;

	xpo_cmis_lock_as(cage, XPO_CLIENT_TELEMETRY);
	served = !cage->gone && cage->io_enabled &&
		 xpo_telemetry_served(cage->io_state);
	/* a CDB or firmware lease: not a byte on the bus */
	quiet = served && __xpo_cage_guard(cage, XPO_OP_READ, NULL, NULL);
	due = (flags & XPO_TLM_FORCE) ||
	      time_after_eq(jiffies, t->stamp +
			    msecs_to_jiffies(READ_ONCE(cage->tlm_interval_ms)));
	switch (xpo_tlm_decide(served, quiet, t->valid, due,
			       flags & XPO_TLM_STALE_OK)) {
	case XPO_TLM_NODATA:
	case XPO_TLM_BUSY:
		ret = -ENODATA;
		goto out;
	case XPO_TLM_REFRESH:
		t->valid = false;
		if (xpo_telemetry_read(cage, t, &cage->tlm_lanes)) {
			ret = -ENODATA;
			goto out;
		}
		t->valid = true;
		t->stamp = jiffies;
		t->refreshes++;
		fallthrough;
	case XPO_TLM_CACHED:
		t->stale = false;
		break;
	case XPO_TLM_STALE:
		t->stale = true;
		break;
	}
	if (out)
		*out = *t;
	if (lanes) {
		*lanes = cage->tlm_lanes;
		/* page 02h, read with the identity: no bus access */
		lanes->has_thresholds = cage->id_valid &&
					cage->id.has_thresholds;
		if (lanes->has_thresholds)
			lanes->thr = cage->id.thr;
	}
out:
	xpo_cmis_unlock(cage);
	return ret;
}

/**
 * xpo_telemetry_get() - a fresh enough snapshot of a cage's telemetry
 * @cage: the cage
 * @out: filled on success
 * @flags: XPO_TLM_FORCE (read the module even if the snapshot is fresh),
 *	XPO_TLM_STALE_OK (under a CDB or firmware lease, the last snapshot
 *	with @out->stale set rather than -ENODATA)
 *
 * Return: 0, or -ENODATA without an identified module that answers
 * management (low-power, powering-up, ready), when the module could not
 * be read, or while a CDB or firmware lease holds it (but see
 * XPO_TLM_STALE_OK).
 */
int xpo_telemetry_get(struct xpo_cage *cage, struct xpo_telemetry *out,
		      unsigned int flags)
{
	return xpo_telemetry_fetch(cage, out, NULL, flags);
}

/**
 * xpo_telemetry_get_lanes() - the snapshot with its lanes
 * @cage: the cage
 * @out: the module's part, or NULL
 * @lanes: the lanes' monitors and the flags that latched since the
 *	previous refresh
 * @flags: as xpo_telemetry_get()
 *
 * Return: as xpo_telemetry_get().
 */
int xpo_telemetry_get_lanes(struct xpo_cage *cage, struct xpo_telemetry *out,
			    struct xpo_telemetry_lanes *lanes,
			    unsigned int flags)
{
	return xpo_telemetry_fetch(cage, out, lanes, flags);
}
