// SPDX-License-Identifier: GPL-2.0
/*
 * A cage's telemetry snapshot, shared by every reader (hwmon, later
 * netlink): the module's monitors read in as few transfers as the memory
 * map allows and kept for telemetry_interval_ms.
 *
 * Per refresh: 00h:14-17 (temperature, supply) in one read; B0h:128-138
 * and B0h:141-175 (power, coolant, engines, thresholds) in two, around the
 * latched flags 139-140, which are the state machine's to read (reading
 * them clears them, and the protection acts on them).  The thresholds of
 * page 02h (temperature and supply) do not change while a module runs:
 * read once per module.  A module is read whenever it answers management
 * (xpo_telemetry_served()): CMIS modules do in ModuleLowPwr, so the
 * temperatures and the flow stay visible while the protection holds a
 * module in low power.  Any other state, or a bus error, answers -ENODATA,
 * never an old value.
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

static int xpo_telemetry_read(struct xpo_cage *cage, struct xpo_telemetry *t)
{
	u8 lo[4];
	int ret;

	if (!t->thr_valid) {
		ret = __xpo_cmis_read(cage, 0, 0x02, CMIS_P02_TEMP_HALARM,
				      t->p02, sizeof(t->p02));
		if (ret)
			return ret;
		t->thr_valid = true;
	}
	ret = __xpo_cmis_read(cage, 0, 0x00, CMIS_TEMP, lo, sizeof(lo));
	if (ret)
		return ret;
	t->temp = (s16)get_unaligned_be16(&lo[0]);
	t->vcc = get_unaligned_be16(&lo[2]);

	t->has_page = xpo_cmis_page_exists(&cage->adv, 0, XPO_PAGE_TELEMETRY);
	if (!t->has_page)
		return 0;
	ret = __xpo_cmis_read(cage, 0, XPO_PAGE_TELEMETRY, XPO_TLM_MAX_POWER,
			      &t->b0[XPO_TLM_MAX_POWER - XPO_TLM_FIRST],
			      XPO_TLM_FLAGS - XPO_TLM_MAX_POWER);
	if (ret)
		return ret;
	return __xpo_cmis_read(cage, 0, XPO_PAGE_TELEMETRY, XPO_TLM_ENGINES,
			       &t->b0[XPO_TLM_ENGINES - XPO_TLM_FIRST],
			       XPO_TLM_LAST + 1 - XPO_TLM_ENGINES);
}

/**
 * xpo_telemetry_get() - a fresh enough snapshot of a cage's telemetry
 * @cage: the cage
 * @out: filled on success
 * @force: read the module even if the snapshot is fresh
 *
 * Return: 0, or -ENODATA without an identified module that answers
 * management (low-power, powering-up, ready) or when the module could not
 * be read.
 */
int xpo_telemetry_get(struct xpo_cage *cage, struct xpo_telemetry *out,
		      bool force)
{
	struct xpo_telemetry *t = &cage->tlm;
	int ret = 0;

	xpo_cmis_lock_as(cage, XPO_CLIENT_HWMON);
	if (cage->gone || !cage->io_enabled ||
	    !xpo_telemetry_served(cage->io_state)) {
		ret = -ENODATA;
		goto out;
	}
	if (force || !t->valid ||
	    time_after_eq(jiffies, t->stamp +
			  msecs_to_jiffies(READ_ONCE(cage->tlm_interval_ms)))) {
		t->valid = false;
		if (xpo_telemetry_read(cage, t)) {
			ret = -ENODATA;
			goto out;
		}
		t->valid = true;
		t->stamp = jiffies;
		t->refreshes++;
	}
	*out = *t;
out:
	xpo_cmis_unlock(cage);
	return ret;
}
