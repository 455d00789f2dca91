/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Verifying a breakout change on the module, the pure part: the phases a
 * bank goes through, what a read of the module says about each, the
 * budget of each and the words of a failure.  No locks, no hardware; the
 * executor is xpo_breakout_prov.c.  See Documentation/ports.rst, "Atomic
 * changes".
 */
#ifndef _XPO_BVERIFY_H
#define _XPO_BVERIFY_H

#include <linux/types.h>

struct xpo_dp_module;

/*
 * The phases, run for every bank of the change in lockstep.  Each writes
 * its lane controls, then reads until every bank says done or one fails,
 * within its budget.
 */
enum xpo_bv_phase {
	XPO_BV_QUIESCE,	/* Tx off, DataPathDeinit: every lane DPDeactivated */
	XPO_BV_APPLY,	/* staged set 0, ApplyDPInit: ConfigStatus Success */
	XPO_BV_INIT,	/* DataPathDeinit cleared, Tx off: DPInitialized */
	XPO_BV_DEINIT,	/* DataPathDeinit set again: DPDeactivated */
	XPO_BV_DONE,
};

enum xpo_bv_verdict {
	XPO_BV_WAIT,	/* not there yet */
	XPO_BV_OK,	/* every lane there */
	XPO_BV_FAIL,	/* a lane refused: the change cannot complete */
};

/* Why a change failed, for the extack and the log */
enum xpo_bv_why {
	XPO_BV_WHY_NONE,
	XPO_BV_WHY_CONFIG,	/* ConfigStatus @code on @lane */
	XPO_BV_WHY_TIMEOUT,	/* @lane still in DP state @code after @ms */
	XPO_BV_WHY_IO,		/* bus error @err on @bank */
	XPO_BV_WHY_GONE,	/* the module was pulled or reset */
	XPO_BV_WHY_KILLED,	/* the caller was killed */
};

struct xpo_bv_fail {
	enum xpo_bv_why why;
	enum xpo_bv_phase phase;
	u8 bank;
	u8 lane;		/* within the bank, 0-7 */
	u8 code;		/* ConfigStatus or DP state */
	unsigned int ms;	/* the budget that ran out */
	int err;
};

u8 xpo_bv_used_lanes(const u8 *dpconfig);
enum xpo_bv_verdict xpo_bv_judge(enum xpo_bv_phase phase, const u8 *dpconfig,
				 const u8 *status, u8 *lane, u8 *code);
enum xpo_bv_phase xpo_bv_next(enum xpo_bv_phase phase, bool module_ready);
unsigned int xpo_bv_budget_ms(const struct xpo_dp_module *mod,
			      enum xpo_bv_phase phase);
bool xpo_bv_can_roll_back(const struct xpo_bv_fail *fail);
const char *xpo_bv_config_name(u8 code);
int xpo_bv_describe(const struct xpo_bv_fail *fail, char *buf, size_t len);

#endif /* _XPO_BVERIFY_H */
