// SPDX-License-Identifier: GPL-2.0
/*
 * Verifying a breakout change on the module, the pure part (xpo_bverify.h).
 *
 * A change of a seated module's layout is only committed once the module
 * has taken the new configuration of every bank it touches (CMIS 5.2
 * section 6.3.3, the Provision procedure, then a data path initialisation
 * with the transmitters off):
 *
 *   QUIESCE  Tx disable and DataPathDeinit set on every lane of the bank,
 *	until every lane reads DPDeactivated (11h:128-131): AppSel may only
 *	change there;
 *   APPLY    the new DPConfig of every lane in staged set 0 (10h:145-152),
 *	ApplyDPInit for all eight (10h:143), until every lane's ConfigStatus
 *	(11h:202-205) reads Success; anything else but ConfigInProgress (or
 *	Undefined, not yet judged) is a refusal;
 *   INIT     (a module in ModuleReady only: DPInit needs it) DataPathDeinit
 *	cleared on the lanes of a data path, Tx still off, until they read
 *	DPInitialized: the module can initialise what it accepted;
 *   DEINIT   DataPathDeinit set again, until every lane is DPDeactivated:
 *	new ports start down, their data paths come up when they do.
 *
 * Each phase is bounded by the module's advertised durations (01h:144,
 * 01h:168) plus the data path machine's margin, as its own steps are
 * (xpo_dp_budget_ms()).
 */
#include <kunit/visibility.h>
#include <linux/bitfield.h>
#include <linux/kernel.h>

#include "cmis.h"
#include "xpo_bverify.h"
#include "xpo_cmis_decode.h"
#include "xpo_dp.h"

/**
 * xpo_bv_used_lanes() - the lanes of a bank some data path carries
 * @dpconfig: the bank's 8 DPConfig bytes
 *
 * Return: bit l set for lane l with an AppSel.
 */
u8 xpo_bv_used_lanes(const u8 *dpconfig)
{
	unsigned int l;
	u8 used = 0;

	for (l = 0; l < CMIS_LANES_PER_BANK; l++)
		if (FIELD_GET(CMIS_DPCONFIG_APPSEL, dpconfig[l]))
			used |= BIT(l);
	return used;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_bv_used_lanes);

/**
 * xpo_bv_judge() - what one read of a bank says about a phase
 * @phase: the phase
 * @dpconfig: the bank's 8 DPConfig bytes being applied
 * @status: the 4 nibble bytes read: ConfigStatus (11h:202-205) in APPLY,
 *	the DP states (11h:128-131) otherwise
 * @lane: set to the first lane not there (or the one that refused)
 * @code: set to its nibble
 *
 * A refusal on any lane is final, even with others still in progress.
 */
enum xpo_bv_verdict xpo_bv_judge(enum xpo_bv_phase phase, const u8 *dpconfig,
				 const u8 *status, u8 *lane, u8 *code)
{
	u8 want, lanes = 0xff, nib;
	bool wait = false;
	unsigned int l;

	switch (phase) {
	case XPO_BV_APPLY:
		for (l = 0; l < CMIS_LANES_PER_BANK; l++) {
			nib = xpo_cmis_dp_state(status, l);
			if (nib == CMIS_CONFIG_SUCCESS)
				continue;
			if (nib == CMIS_CONFIG_IN_PROGRESS ||
			    nib == CMIS_CONFIG_UNDEFINED) {
				if (!wait) {
					*lane = l;
					*code = nib;
				}
				wait = true;
				continue;
			}
			*lane = l;
			*code = nib;
			return XPO_BV_FAIL;
		}
		return wait ? XPO_BV_WAIT : XPO_BV_OK;
	case XPO_BV_INIT:
		want = CMIS_DP_INITIALIZED;
		lanes = xpo_bv_used_lanes(dpconfig);
		break;
	case XPO_BV_QUIESCE:
	case XPO_BV_DEINIT:
		want = CMIS_DP_DEACTIVATED;
		break;
	default:
		return XPO_BV_OK;
	}
	for (l = 0; l < CMIS_LANES_PER_BANK; l++) {
		if (!(lanes & BIT(l)))
			continue;
		nib = xpo_cmis_dp_state(status, l);
		if (nib != want) {
			*lane = l;
			*code = nib;
			return XPO_BV_WAIT;
		}
	}
	return XPO_BV_OK;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_bv_judge);

/**
 * xpo_bv_next() - the phase after @phase
 * @phase: a phase that completed
 * @module_ready: the module is in ModuleReady (else DPInit cannot run:
 *	the change is verified by ConfigStatus alone)
 */
enum xpo_bv_phase xpo_bv_next(enum xpo_bv_phase phase, bool module_ready)
{
	switch (phase) {
	case XPO_BV_QUIESCE:
		return XPO_BV_APPLY;
	case XPO_BV_APPLY:
		return module_ready ? XPO_BV_INIT : XPO_BV_DONE;
	case XPO_BV_INIT:
		return XPO_BV_DEINIT;
	default:
		return XPO_BV_DONE;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xpo_bv_next);

/**
 * xpo_bv_budget_ms() - how long a phase may take
 * @mod: the module's advertised durations
 * @phase: the phase
 *
 * The data path machine's budget of the same step (see xpo_dp.h): CMIS
 * advertises no ConfigStatus duration, so APPLY has DPInit's.
 */
unsigned int xpo_bv_budget_ms(const struct xpo_dp_module *mod,
			      enum xpo_bv_phase phase)
{
	static const enum xpo_dp_mstate step[] = {
		[XPO_BV_QUIESCE]	= XPO_DP_S_STAGING,
		[XPO_BV_APPLY]		= XPO_DP_S_APPLYING,
		[XPO_BV_INIT]		= XPO_DP_S_INITIALIZING,
		[XPO_BV_DEINIT]		= XPO_DP_S_DEINITIALIZING,
	};

	if (phase >= ARRAY_SIZE(step))
		return 0;
	return xpo_dp_budget_ms(mod, step[phase], false);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_bv_budget_ms);

/**
 * xpo_bv_can_roll_back() - can the old configuration be put back?
 * @fail: why the change failed
 *
 * Not onto a module that is gone: the next one seated is planned with the
 * layout, which stayed the old one.
 */
bool xpo_bv_can_roll_back(const struct xpo_bv_fail *fail)
{
	return fail->why != XPO_BV_WHY_GONE;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_bv_can_roll_back);

/* ConfigStatus codes in words (CMIS 5.2 Table 8-77) */
const char *xpo_bv_config_name(u8 code)
{
	switch (code) {
	case CMIS_CONFIG_UNDEFINED:
		return "undefined";
	case CMIS_CONFIG_SUCCESS:
		return "success";
	case CMIS_CONFIG_REJECTED:
		return "rejected";
	case CMIS_CONFIG_INVALID_APPSEL:
		return "invalid AppSel";
	case CMIS_CONFIG_INVALID_DP:
		return "invalid data path";
	case CMIS_CONFIG_INVALID_SI:
		return "invalid SI";
	case CMIS_CONFIG_LANES_IN_USE:
		return "lanes in use";
	case CMIS_CONFIG_PARTIAL_DP:
		return "partial data path";
	case CMIS_CONFIG_IN_PROGRESS:
		return "in progress";
	default:
		return "custom";
	}
}
EXPORT_SYMBOL_IF_KUNIT(xpo_bv_config_name);

/**
 * xpo_bv_describe() - a failure in words, for the extack
 * @fail: the failure
 * @buf: filled in
 * @len: its size
 *
 * Bank n is front-panel port n; lanes are numbered 1-8 within it, as CMIS
 * does.  Short: the extack holds 80 characters with its prefix.
 * Return: as snprintf().
 */
int xpo_bv_describe(const struct xpo_bv_fail *fail, char *buf, size_t len)
{
	unsigned int bank = fail->bank, lane = fail->lane + 1;

	switch (fail->why) {
	case XPO_BV_WHY_CONFIG:
		return snprintf(buf, len,
				"bank %u lane %u: ConfigStatus %s",
				bank, lane, xpo_bv_config_name(fail->code));
	case XPO_BV_WHY_TIMEOUT:
		if (fail->phase == XPO_BV_APPLY)
			return snprintf(buf, len,
					"bank %u lane %u: timed out after %u ms with ConfigStatus %s",
					bank, lane, fail->ms,
					xpo_bv_config_name(fail->code));
		return snprintf(buf, len,
				"bank %u lane %u: timed out after %u ms in DP%s",
				bank, lane, fail->ms,
				xpo_cmis_dp_state_name(fail->code));
	case XPO_BV_WHY_IO:
		return snprintf(buf, len, "bank %u: I/O error %d",
				bank, fail->err);
	case XPO_BV_WHY_GONE:
		return snprintf(buf, len,
				"the module was removed during the change");
	case XPO_BV_WHY_KILLED:
		return snprintf(buf, len, "interrupted");
	default:
		return snprintf(buf, len, "no failure");
	}
}
EXPORT_SYMBOL_IF_KUNIT(xpo_bv_describe);
