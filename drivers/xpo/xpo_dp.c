// SPDX-License-Identifier: GPL-2.0
/*
 * The CMIS data path state machine, as pure logic: no hardware, no locks,
 * no allocation.  See xpo_dp.h.
 */
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "cmis.h"
#include "xpo_cmis_decode.h"
#include "xpo_dp.h"

static const char * const xpo_dp_state_names[XPO_DP_S_MAX] = {
	[XPO_DP_S_DEACTIVATED]		= "deactivated",
	[XPO_DP_S_STAGING]		= "staging",
	[XPO_DP_S_APPLYING]		= "applying",
	[XPO_DP_S_INITIALIZING]		= "initializing",
	[XPO_DP_S_ACTIVATING]		= "activating",
	[XPO_DP_S_ACTIVATED]		= "activated",
	[XPO_DP_S_DEINITIALIZING]	= "deinitializing",
	[XPO_DP_S_FAILED]		= "failed",
};

static const char * const xpo_dp_event_names[XPO_DP_E_MAX] = {
	[XPO_DP_E_UP]			= "up",
	[XPO_DP_E_DOWN]			= "down",
	[XPO_DP_E_ABORT]		= "abort",
	[XPO_DP_E_MODULE_STATE]		= "module-state",
	[XPO_DP_E_MODULE_GONE]		= "module-gone",
	[XPO_DP_E_TIMEOUT]		= "timeout",
	[XPO_DP_E_DP_STATE]		= "dp-state",
	[XPO_DP_E_CONFIG_STATUS]	= "config-status",
	[XPO_DP_E_INIT_PENDING]		= "init-pending",
	[XPO_DP_E_STATE_CHANGED]	= "state-changed",
	[XPO_DP_E_IO_ERROR]		= "io-error",
};

static const char * const xpo_dp_fail_names[XPO_DP_FAIL_MAX] = {
	[XPO_DP_FAIL_NONE]		= "none",
	[XPO_DP_FAIL_REJECTED]		= "rejected",
	[XPO_DP_FAIL_TIMEOUT]		= "timeout",
	[XPO_DP_FAIL_IO]		= "io-error",
	[XPO_DP_FAIL_MODULE_GONE]	= "module-gone",
	[XPO_DP_FAIL_NOT_READY]		= "module-not-ready",
	[XPO_DP_FAIL_NOT_PENDING]	= "dpinit-not-pending",
	[XPO_DP_FAIL_LOST]		= "lost",
};

const char *xpo_dp_state_name(enum xpo_dp_mstate state)
{
	if ((unsigned int)state >= XPO_DP_S_MAX)
		return "unknown";
	return xpo_dp_state_names[state];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_dp_state_name);

const char *xpo_dp_event_name(enum xpo_dp_event event)
{
	if ((unsigned int)event >= XPO_DP_E_MAX)
		return "unknown";
	return xpo_dp_event_names[event];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_dp_event_name);

const char *xpo_dp_fail_name(enum xpo_dp_fail fail)
{
	if ((unsigned int)fail >= XPO_DP_FAIL_MAX)
		return "unknown";
	return xpo_dp_fail_names[fail];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_dp_fail_name);

/**
 * xpo_dp_advertised_ms() - the upper bound of a 4-bit duration code
 * @code: a duration code of 01h:144, 167 or 168 (CMIS 5.2 section 8.4)
 *
 * Return: the bound in ms, XPO_DP_T_UNADVERTISED_MS for a reserved code.
 */
unsigned int xpo_dp_advertised_ms(u8 code)
{
	int ms = xpo_cmis_duration_ms(code);

	return ms < 0 ? XPO_DP_T_UNADVERTISED_MS : ms;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_dp_advertised_ms);

/**
 * xpo_dp_module_decode() - the durations of a module from its raw bytes
 * @mod: filled in; num_apps and has_dpinit_pending are left to the caller
 * @dp_duration: 01h:144 (b3-0 DPInit, b7-4 DPDeinit)
 * @module_duration: 01h:167 (b3-0 ModulePwrUp, b7-4 ModulePwrDn)
 * @tx_duration: 01h:168 (b3-0 DPTxTurnOn, b7-4 DPTxTurnOff)
 */
void xpo_dp_module_decode(struct xpo_dp_module *mod, u8 dp_duration,
			  u8 module_duration, u8 tx_duration)
{
	mod->dpinit_ms = xpo_dp_advertised_ms(dp_duration & 0x0f);
	mod->dpdeinit_ms = xpo_dp_advertised_ms(dp_duration >> 4);
	mod->pwrup_ms = xpo_dp_advertised_ms(module_duration & 0x0f);
	mod->pwrdn_ms = xpo_dp_advertised_ms(module_duration >> 4);
	mod->txon_ms = xpo_dp_advertised_ms(tx_duration & 0x0f);
	mod->txoff_ms = xpo_dp_advertised_ms(tx_duration >> 4);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_dp_module_decode);

/**
 * xpo_dp_module_from_id() - what the machine needs from a cached identity
 * @mod: filled in
 * @id: a paged module's identity (flat memory has no data path)
 *
 * DPInitPending (11h:235) is a CMIS 5.0 register; older maps have it
 * reserved, so it is only looked at from revision 5.
 */
void xpo_dp_module_from_id(struct xpo_dp_module *mod,
			   const struct xpo_identity *id)
{
	xpo_dp_module_decode(mod, id->dpdeinit_code << 4 | id->dpinit_code,
			     id->pwrdn_code << 4 | id->pwrup_code,
			     id->txoff_code << 4 | id->txon_code);
	mod->num_apps = id->num_apps;
	mod->has_dpinit_pending = id->rev_major >= 5;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_dp_module_from_id);

/**
 * xpo_dp_budget_ms() - how long one step may take
 * @mod: the module's advertisement
 * @step: a waiting state: STAGING, APPLYING, INITIALIZING, ACTIVATING or
 *	DEINITIALIZING
 * @module_power: STAGING waiting for ModuleReady, DEINITIALIZING because
 *	the module powers down
 *
 * See the table in xpo_dp.h.  Return: the budget in ms, 0 for a state that
 * does not wait.
 */
unsigned int xpo_dp_budget_ms(const struct xpo_dp_module *mod,
			      enum xpo_dp_mstate step, bool module_power)
{
	unsigned int ms;

	switch (step) {
	case XPO_DP_S_STAGING:
		ms = module_power ? mod->pwrup_ms :
			mod->txoff_ms + mod->dpdeinit_ms;
		break;
	case XPO_DP_S_APPLYING:
	case XPO_DP_S_INITIALIZING:
		ms = mod->dpinit_ms;
		break;
	case XPO_DP_S_ACTIVATING:
		ms = mod->txon_ms;
		break;
	case XPO_DP_S_DEINITIALIZING:
		ms = module_power ? mod->pwrdn_ms :
			mod->txoff_ms + mod->dpdeinit_ms;
		break;
	default:
		return 0;
	}
	return ms + XPO_DP_T_MARGIN_MS;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_dp_budget_ms);

/* The staged DPConfig byte of every lane of the data path (10h:145 + i) */
u8 xpo_dp_dpconfig(const struct xpo_dp *dp)
{
	return FIELD_PREP(CMIS_DPCONFIG_APPSEL, dp->appsel) |
	       FIELD_PREP(CMIS_DPCONFIG_DPID,
			  dp->first_lane % XPO_DP_BANK_LANES) |
	       (dp->explicit_ctl ? CMIS_DPCONFIG_EXPLICIT : 0);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_dp_dpconfig);

void xpo_dp_init(struct xpo_dp *dp, const struct xpo_dp_module *mod)
{
	memset(dp, 0, sizeof(*dp));
	dp->state = XPO_DP_S_DEACTIVATED;
	dp->prev_state = XPO_DP_S_DEACTIVATED;
	dp->fail = XPO_DP_FAIL_NONE;
	dp->fail_step = XPO_DP_S_DEACTIVATED;
	dp->mod = *mod;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_dp_init);

/* A lane's nibble in a bank-by-bank nibble array (11h:128, 11h:202) */
static u8 xpo_dp_nibble(const u8 (*bytes)[XPO_DP_NIBBLE_BYTES],
			unsigned int lane)
{
	unsigned int bank = lane / XPO_DP_BANK_LANES;
	unsigned int n = lane % XPO_DP_BANK_LANES;

	return (bytes[bank][n / 2] >> (4 * (n & 1))) & 0x0f;
}

static void xpo_dp_enter(struct xpo_dp *dp, enum xpo_dp_mstate next)
{
	if (next == dp->state)
		return;
	dp->prev_state = dp->state;
	dp->state = next;
	dp->carrier = next == XPO_DP_S_ACTIVATED;
}

static void xpo_dp_arm(struct xpo_dp *dp, struct xpo_dp_result *res,
		       unsigned int ms)
{
	res->actions |= XPO_DP_A_TIMER;
	res->timer_ms = ms;
	dp->armed_ms = ms;
	dp->timer_armed = true;
}

static void xpo_dp_disarm(struct xpo_dp *dp, struct xpo_dp_result *res)
{
	res->actions |= XPO_DP_A_CANCEL_TIMER;
	dp->timer_armed = false;
	dp->deadline_passed = false;
}

/* Enter a waiting state with a fresh budget, polled */
static void xpo_dp_wait(struct xpo_dp *dp, struct xpo_dp_result *res,
			enum xpo_dp_mstate next, bool module_power)
{
	dp->budget_ms = xpo_dp_budget_ms(&dp->mod, next, module_power);
	dp->elapsed_ms = 0;
	dp->deadline_passed = false;
	dp->io_errors = 0;
	xpo_dp_arm(dp, res, min_t(unsigned int, XPO_DP_T_POLL_MS,
				  dp->budget_ms));
	xpo_dp_enter(dp, next);
}

/* The lanes may be live: Tx off first, then the data path */
static void xpo_dp_take_down(struct xpo_dp_result *res)
{
	res->actions |= XPO_DP_A_TX_DISABLE | XPO_DP_A_DEINIT_SET;
}

static void xpo_dp_fail(struct xpo_dp *dp, struct xpo_dp_result *res,
			enum xpo_dp_fail reason, u8 code)
{
	xpo_dp_disarm(dp, res);
	/* best effort: no laser left on, no data path left initialising */
	if (dp->dirty && dp->state != XPO_DP_S_DEINITIALIZING)
		xpo_dp_take_down(res);
	dp->fail = reason;
	dp->fail_code = code;
	dp->fail_step = dp->state;
	dp->wait_module = false;
	dp->config_ok = false;
	dp->pwrdn = false;
	xpo_dp_enter(dp, XPO_DP_S_FAILED);
}

static void xpo_dp_deactivated(struct xpo_dp *dp, struct xpo_dp_result *res)
{
	xpo_dp_disarm(dp, res);
	dp->dirty = false;
	dp->wait_module = false;
	dp->config_ok = false;
	dp->pwrdn = false;
	dp->fail = XPO_DP_FAIL_NONE;
	dp->fail_code = 0;
	xpo_dp_enter(dp, XPO_DP_S_DEACTIVATED);
}

/* Tx disable and DataPathDeinit, then wait for DPDeactivated */
static void xpo_dp_go_down(struct xpo_dp *dp, struct xpo_dp_result *res,
			   bool module_power)
{
	xpo_dp_take_down(res);
	dp->wait_module = false;
	dp->config_ok = false;
	dp->pwrdn = module_power;
	dp->fail = XPO_DP_FAIL_NONE;
	dp->fail_code = 0;
	xpo_dp_wait(dp, res, XPO_DP_S_DEINITIALIZING, module_power);
}

/* STAGING, module ready: make sure the lanes are (going) DPDeactivated */
static void xpo_dp_stage(struct xpo_dp *dp, struct xpo_dp_result *res)
{
	dp->wait_module = false;
	xpo_dp_take_down(res);
	res->actions |= XPO_DP_A_READ_STATE;
	xpo_dp_wait(dp, res, XPO_DP_S_STAGING, false);
}

/* The lanes read DPDeactivated: stage the configuration and apply it */
static void xpo_dp_apply(struct xpo_dp *dp, struct xpo_dp_result *res)
{
	res->actions |= XPO_DP_A_WRITE_STAGED | XPO_DP_A_APPLY_DPINIT;
	if (dp->explicit_ctl)
		res->actions |= XPO_DP_A_WRITE_SI;
	dp->config_ok = false;
	xpo_dp_wait(dp, res, XPO_DP_S_APPLYING, false);
}

/* The Provision procedure succeeded: let the data path initialise */
static void xpo_dp_initialize(struct xpo_dp *dp, struct xpo_dp_result *res)
{
	res->actions |= XPO_DP_A_DEINIT_CLEAR;
	dp->config_ok = false;
	dp->dirty = true;
	xpo_dp_wait(dp, res, XPO_DP_S_INITIALIZING, false);
}

/* What a waiting state reads at each poll */
static unsigned int xpo_dp_poll_read(const struct xpo_dp *dp)
{
	switch (dp->state) {
	case XPO_DP_S_STAGING:
		return dp->wait_module ? 0 : XPO_DP_A_READ_STATE;
	case XPO_DP_S_APPLYING:
		return dp->config_ok ? XPO_DP_A_READ_PENDING :
			XPO_DP_A_READ_CONFIG;
	case XPO_DP_S_INITIALIZING:
	case XPO_DP_S_ACTIVATING:
	case XPO_DP_S_DEINITIALIZING:
	case XPO_DP_S_ACTIVATED:
		return XPO_DP_A_READ_STATE;
	default:
		return 0;
	}
}

static bool xpo_dp_waiting(const struct xpo_dp *dp)
{
	switch (dp->state) {
	case XPO_DP_S_STAGING:
	case XPO_DP_S_APPLYING:
	case XPO_DP_S_INITIALIZING:
	case XPO_DP_S_ACTIVATING:
	case XPO_DP_S_DEINITIALIZING:
		return true;
	default:
		return false;
	}
}

static void xpo_dp_timeout(struct xpo_dp *dp, struct xpo_dp_result *res)
{
	if (dp->state == XPO_DP_S_ACTIVATED) {
		/* the retry of a failed read */
		res->actions |= XPO_DP_A_READ_STATE;
		return;
	}
	if (!xpo_dp_waiting(dp))
		return;
	dp->elapsed_ms += dp->armed_ms;
	if (dp->elapsed_ms >= dp->budget_ms)
		dp->deadline_passed = true;
	else
		xpo_dp_arm(dp, res, min_t(unsigned int, XPO_DP_T_POLL_MS,
					  dp->budget_ms - dp->elapsed_ms));
	if (dp->state == XPO_DP_S_STAGING && dp->wait_module) {
		/* nothing to read: the cage reports ModuleState */
		if (dp->deadline_passed)
			xpo_dp_fail(dp, res, XPO_DP_FAIL_TIMEOUT, 0);
		return;
	}
	res->actions |= xpo_dp_poll_read(dp);
}

/* A report that shows no progress: past the deadline, that is a failure */
static void xpo_dp_no_progress(struct xpo_dp *dp, struct xpo_dp_result *res)
{
	if (dp->deadline_passed)
		xpo_dp_fail(dp, res, XPO_DP_FAIL_TIMEOUT, 0);
}

/* A failed read, or one with an impossible value */
static void xpo_dp_io_error(struct xpo_dp *dp, struct xpo_dp_result *res)
{
	if (dp->state == XPO_DP_S_ACTIVATED) {
		if (++dp->io_errors >= XPO_DP_N_IO_ERRORS)
			xpo_dp_fail(dp, res, XPO_DP_FAIL_IO, 0);
		else
			xpo_dp_arm(dp, res, XPO_DP_T_IO_RETRY_MS);
		return;
	}
	if (!xpo_dp_waiting(dp))
		return;
	if (++dp->io_errors >= XPO_DP_N_IO_ERRORS)
		xpo_dp_fail(dp, res, XPO_DP_FAIL_IO, 0);
	else if (dp->deadline_passed)
		xpo_dp_fail(dp, res, XPO_DP_FAIL_TIMEOUT, 0);
	/* else the next poll reads again */
}

static bool xpo_dp_dp_state_valid(u8 code)
{
	return code >= CMIS_DP_DEACTIVATED && code <= CMIS_DP_INITIALIZED;
}

/* Do all the data path's lanes read one of the states in @mask? */
static bool xpo_dp_all_in(const u8 *codes, unsigned int n, unsigned int mask)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!(mask & BIT(codes[i])))
			return false;
	return true;
}

static void xpo_dp_state_report(struct xpo_dp *dp,
				const struct xpo_dp_input *in,
				struct xpo_dp_result *res)
{
	u8 codes[XPO_DP_BANK_LANES];
	unsigned int i;

	if (!dp->lanes || (in->lanes & dp->lanes) != dp->lanes)
		return;		/* not (all) our lanes: nothing learnt */
	switch (dp->state) {
	case XPO_DP_S_STAGING:
		if (dp->wait_module)
			return;
		break;
	case XPO_DP_S_INITIALIZING:
	case XPO_DP_S_ACTIVATING:
	case XPO_DP_S_ACTIVATED:
	case XPO_DP_S_DEINITIALIZING:
		break;
	default:
		return;
	}
	for (i = 0; i < dp->lane_count; i++) {
		codes[i] = xpo_dp_nibble(in->dp_state, dp->first_lane + i);
		if (!xpo_dp_dp_state_valid(codes[i])) {
			xpo_dp_io_error(dp, res);
			return;
		}
	}
	dp->io_errors = 0;

	switch (dp->state) {
	case XPO_DP_S_STAGING:
		if (xpo_dp_all_in(codes, dp->lane_count,
				  BIT(CMIS_DP_DEACTIVATED))) {
			dp->dirty = false;
			xpo_dp_apply(dp, res);
		} else {
			dp->dirty = true;
			xpo_dp_no_progress(dp, res);
		}
		break;
	case XPO_DP_S_INITIALIZING:
		if (xpo_dp_all_in(codes, dp->lane_count,
				  BIT(CMIS_DP_ACTIVATED))) {
			/* a module without Tx disable goes on by itself */
			res->actions |= XPO_DP_A_TX_ENABLE;
			xpo_dp_disarm(dp, res);
			xpo_dp_enter(dp, XPO_DP_S_ACTIVATED);
		} else if (xpo_dp_all_in(codes, dp->lane_count,
					 BIT(CMIS_DP_INITIALIZED) |
					 BIT(CMIS_DP_TXTURNON) |
					 BIT(CMIS_DP_ACTIVATED))) {
			res->actions |= XPO_DP_A_TX_ENABLE;
			xpo_dp_wait(dp, res, XPO_DP_S_ACTIVATING, false);
		} else {
			xpo_dp_no_progress(dp, res);
		}
		break;
	case XPO_DP_S_ACTIVATING:
		if (xpo_dp_all_in(codes, dp->lane_count,
				  BIT(CMIS_DP_ACTIVATED))) {
			xpo_dp_disarm(dp, res);
			xpo_dp_enter(dp, XPO_DP_S_ACTIVATED);
		} else {
			xpo_dp_no_progress(dp, res);
		}
		break;
	case XPO_DP_S_ACTIVATED:
		if (dp->timer_armed)
			xpo_dp_disarm(dp, res);	/* a read retry, answered */
		if (!xpo_dp_all_in(codes, dp->lane_count,
				   BIT(CMIS_DP_ACTIVATED)))
			xpo_dp_fail(dp, res, XPO_DP_FAIL_LOST, 0);
		break;
	case XPO_DP_S_DEINITIALIZING:
		if (xpo_dp_all_in(codes, dp->lane_count,
				  BIT(CMIS_DP_DEACTIVATED))) {
			bool lost = dp->pwrdn && dp->want_up;

			dp->dirty = false;
			if (lost)
				xpo_dp_fail(dp, res, XPO_DP_FAIL_NOT_READY, 0);
			else
				xpo_dp_deactivated(dp, res);
		} else {
			xpo_dp_no_progress(dp, res);
		}
		break;
	default:
		break;
	}
}

static void xpo_dp_config_report(struct xpo_dp *dp,
				 const struct xpo_dp_input *in,
				 struct xpo_dp_result *res)
{
	bool done = true;
	unsigned int i;
	u8 code;

	if (dp->state != XPO_DP_S_APPLYING || dp->config_ok ||
	    (in->lanes & dp->lanes) != dp->lanes)
		return;
	dp->io_errors = 0;
	for (i = 0; i < dp->lane_count; i++) {
		code = xpo_dp_nibble(in->config_status, dp->first_lane + i);
		switch (code) {
		case CMIS_CONFIG_SUCCESS:
			break;
		case CMIS_CONFIG_UNDEFINED:
		case CMIS_CONFIG_IN_PROGRESS:
			done = false;
			break;
		default:
			/*
			 * 2-7 the rejections, 8-Bh other validation failures,
			 * Dh-Fh custom (CMIS 5.2 section 8.10): rejected
			 */
			xpo_dp_fail(dp, res, XPO_DP_FAIL_REJECTED, code);
			return;
		}
	}
	if (!done) {
		xpo_dp_no_progress(dp, res);
		return;
	}
	if (!dp->mod.has_dpinit_pending) {
		xpo_dp_initialize(dp, res);
		return;
	}
	/* read DPInitPending at once, within the same budget */
	dp->config_ok = true;
	res->actions |= XPO_DP_A_READ_PENDING;
}

static void xpo_dp_pending_report(struct xpo_dp *dp,
				  const struct xpo_dp_input *in,
				  struct xpo_dp_result *res)
{
	if (dp->state != XPO_DP_S_APPLYING || !dp->config_ok ||
	    (in->lanes & dp->lanes) != dp->lanes)
		return;
	dp->io_errors = 0;
	if ((in->dpinit_pending & dp->lanes) == dp->lanes)
		xpo_dp_initialize(dp, res);
	else
		xpo_dp_fail(dp, res, XPO_DP_FAIL_NOT_PENDING, 0);
}

static void xpo_dp_module_state(struct xpo_dp *dp, u8 module_state,
				struct xpo_dp_result *res)
{
	switch (module_state) {
	case CMIS_MODULE_READY:
		dp->module_ready = true;
		if (dp->state == XPO_DP_S_STAGING && dp->wait_module)
			xpo_dp_stage(dp, res);
		return;
	case CMIS_MODULE_LOWPWR:
	case CMIS_MODULE_PWRUP:
	case CMIS_MODULE_PWRDN:
	case CMIS_MODULE_FAULT:
		dp->module_ready = false;
		break;
	default:
		return;		/* the cage's machine judges a bad code */
	}

	switch (dp->state) {
	case XPO_DP_S_STAGING:
		if (dp->wait_module)
			break;		/* still coming */
		fallthrough;
	case XPO_DP_S_APPLYING:
		if (dp->dirty)
			xpo_dp_go_down(dp, res, true);
		else
			xpo_dp_fail(dp, res, XPO_DP_FAIL_NOT_READY, 0);
		break;
	case XPO_DP_S_INITIALIZING:
	case XPO_DP_S_ACTIVATING:
	case XPO_DP_S_ACTIVATED:
		/* the module deactivates its data paths as it powers down */
		xpo_dp_go_down(dp, res, true);
		break;
	default:
		break;
	}
}

static void xpo_dp_module_gone(struct xpo_dp *dp, struct xpo_dp_result *res)
{
	dp->module_ready = false;
	dp->dirty = false;	/* a new module starts deactivated */
	switch (dp->state) {
	case XPO_DP_S_DEACTIVATED:
		break;
	case XPO_DP_S_DEINITIALIZING:
		if (!dp->want_up) {
			xpo_dp_deactivated(dp, res);
			break;
		}
		fallthrough;
	default:
		xpo_dp_fail(dp, res, XPO_DP_FAIL_MODULE_GONE, 0);
		break;
	}
}

static int xpo_dp_up(struct xpo_dp *dp, const struct xpo_dp_input *in,
		     struct xpo_dp_result *res)
{
	unsigned int first = in->first_lane, n = in->lane_count;
	u64 lanes;

	if (!in->appsel || in->appsel > CMIS_APP_MAX ||
	    in->appsel > dp->mod.num_apps)
		return -EINVAL;
	if (!n || n > XPO_DP_BANK_LANES || first >= XPO_DP_LANES ||
	    first % XPO_DP_BANK_LANES + n > XPO_DP_BANK_LANES)
		return -EINVAL;
	lanes = GENMASK_ULL(first + n - 1, first);

	switch (dp->state) {
	case XPO_DP_S_ACTIVATED:
		if (lanes == dp->lanes && in->appsel == dp->appsel &&
		    in->explicit_ctl == dp->explicit_ctl)
			return 0;	/* that is what it is */
		return -EBUSY;
	case XPO_DP_S_FAILED:
		/* other lanes only once these are known to be clean */
		if (lanes != dp->lanes && dp->dirty)
			return -EBUSY;
		break;
	case XPO_DP_S_DEACTIVATED:
		break;
	default:
		return -EBUSY;
	}

	dp->lanes = lanes;
	dp->first_lane = first;
	dp->lane_count = n;
	dp->appsel = in->appsel;
	dp->explicit_ctl = in->explicit_ctl;
	dp->want_up = true;
	dp->fail = XPO_DP_FAIL_NONE;
	dp->fail_code = 0;
	dp->config_ok = false;
	dp->pwrdn = false;
	if (dp->module_ready) {
		xpo_dp_stage(dp, res);
	} else {
		dp->wait_module = true;
		xpo_dp_wait(dp, res, XPO_DP_S_STAGING, true);
	}
	return 0;
}

/* DOWN, and ABORT where there is something to roll back */
static void xpo_dp_down(struct xpo_dp *dp, struct xpo_dp_result *res)
{
	dp->want_up = false;
	switch (dp->state) {
	case XPO_DP_S_DEACTIVATED:
		break;
	case XPO_DP_S_DEINITIALIZING:
		break;		/* on its way; a power down ends here too */
	default:
		if (dp->dirty)
			xpo_dp_go_down(dp, res, false);
		else
			xpo_dp_deactivated(dp, res);
		break;
	}
}

/**
 * xpo_dp_step() - feed one event to a data path's state machine
 * @dp: the machine, updated in place
 * @event: what happened
 * @in: what came with the event (see struct xpo_dp_input), or NULL
 * @res: filled with the actions to carry out, in XPO_DP_A_* order
 *
 * UP is refused with -EINVAL for an AppSel the module does not advertise
 * or lanes that are not 1-8 lanes of one bank, and with -EBUSY while a
 * change is under way or the data path is up with another configuration
 * (take it down first).  UP of what is already activated does nothing.
 * DOWN works from every state.  ABORT rolls back an up that has not
 * finished, or a failure, to DEACTIVATED, and is ignored elsewhere.
 * Reports that do not cover all the data path's lanes, and those of a
 * state that does not wait for them, are ignored.
 */
void xpo_dp_step(struct xpo_dp *dp, enum xpo_dp_event event,
		 const struct xpo_dp_input *in, struct xpo_dp_result *res)
{
	static const struct xpo_dp_input none;
	unsigned int bank;

	memset(res, 0, sizeof(*res));
	if (!in)
		in = &none;

	switch (event) {
	case XPO_DP_E_UP:
		res->err = xpo_dp_up(dp, in, res);
		break;
	case XPO_DP_E_DOWN:
		xpo_dp_down(dp, res);
		break;
	case XPO_DP_E_ABORT:
		switch (dp->state) {
		case XPO_DP_S_STAGING:
		case XPO_DP_S_APPLYING:
		case XPO_DP_S_INITIALIZING:
		case XPO_DP_S_ACTIVATING:
		case XPO_DP_S_FAILED:
			xpo_dp_down(dp, res);
			break;
		default:
			break;
		}
		break;
	case XPO_DP_E_MODULE_STATE:
		xpo_dp_module_state(dp, in->module_state, res);
		break;
	case XPO_DP_E_MODULE_GONE:
		xpo_dp_module_gone(dp, res);
		break;
	case XPO_DP_E_TIMEOUT:
		/* a timer cancelled while it was already running */
		if (!dp->timer_armed)
			break;
		dp->timer_armed = false;
		xpo_dp_timeout(dp, res);
		break;
	case XPO_DP_E_DP_STATE:
		xpo_dp_state_report(dp, in, res);
		break;
	case XPO_DP_E_CONFIG_STATUS:
		xpo_dp_config_report(dp, in, res);
		break;
	case XPO_DP_E_INIT_PENDING:
		xpo_dp_pending_report(dp, in, res);
		break;
	case XPO_DP_E_STATE_CHANGED:
		if (!(in->changed & dp->lanes))
			break;
		if ((dp->state == XPO_DP_S_STAGING && !dp->wait_module) ||
		    dp->state == XPO_DP_S_INITIALIZING ||
		    dp->state == XPO_DP_S_ACTIVATING ||
		    dp->state == XPO_DP_S_ACTIVATED ||
		    dp->state == XPO_DP_S_DEINITIALIZING)
			res->actions |= XPO_DP_A_READ_STATE;
		break;
	case XPO_DP_E_IO_ERROR:
		xpo_dp_io_error(dp, res);
		break;
	default:
		break;
	}

	if (res->actions) {
		bank = dp->first_lane / XPO_DP_BANK_LANES;
		res->lanes = dp->lanes;
		res->bank = bank;
		res->bank_bits = xpo_dp_bank_bits(dp->lanes, bank);
		res->dpconfig = xpo_dp_dpconfig(dp);
	}
	res->carrier = dp->carrier;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_dp_step);
