/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Coolant and thermal protection of a cage (Documentation/hwmon.rst).
 *
 * Three conditions, each with its own action:
 *   leak       the cage's leak detect line, or the module's own leak
 *              sensor (XPO B0h:139 b0)
 *   flow-low   coolant flow under the module's low alarm (B0h:139 b1)
 *   overtemp   case temperature at its high alarm (00h:9 b0) or an
 *              optical engine at its high alarm (B0h:140)
 * Actions, in rising severity: off (ignored), alert (event only),
 * low-power (module held in low power), power-off (cage supply off).
 * A protection that acted (low-power or power-off) stays tripped until an
 * admin re-arms the cage; it never lifts by itself.
 *
 * Besides the module's own alarms, the host may set its own limits, for a
 * rack whose coolant loop runs tighter than the module's thresholds:
 *   flow-low   coolant flow under limit[XPO_PROTECT_FLOW_LOW] mL/min
 *   overtemp   case or any engine at limit[XPO_PROTECT_OVERTEMP] millidegrees C or more
 * 0 sets no limit.  A module raises no interrupt for the host's limits:
 * while one is set the cage measures every XPO_PROTECT_LIMIT_POLL_MS.
 */
#ifndef _XPO_PROTECT_H
#define _XPO_PROTECT_H

#include <linux/types.h>

enum xpo_protect_cond {
	XPO_PROTECT_LEAK,
	XPO_PROTECT_FLOW_LOW,
	XPO_PROTECT_OVERTEMP,
	XPO_PROTECT_NUM_COND,
};

enum xpo_protect_action {
	XPO_PROTECT_OFF,
	XPO_PROTECT_ALERT,
	XPO_PROTECT_LOW_POWER,
	XPO_PROTECT_POWER_OFF,
	XPO_PROTECT_NUM_ACTION,
};

/* The host's limits: the range each accepts besides 0 (none) */
#define XPO_PROTECT_FLOW_LIMIT_MIN	1		/* mL/min */
#define XPO_PROTECT_FLOW_LIMIT_MAX	100000
#define XPO_PROTECT_TEMP_LIMIT_MIN	20000		/* millidegrees C */
#define XPO_PROTECT_TEMP_LIMIT_MAX	150000
/*
 * How often a cage with a limit set measures: well inside the seconds a
 * 400 W module without coolant takes to overheat, and 3 short reads per
 * period on the cage's own bus.
 */
#define XPO_PROTECT_LIMIT_POLL_MS	250

/* What the cage's inputs say, as read */
struct xpo_protect_input {
	bool leak_line;		/* the cage's leak detect line asserted */
	u8 temp_flags;		/* 00h:9, latched */
	u8 tlm_flags;		/* B0h:139, latched */
	u8 engine_flags;	/* B0h:140, latched */
	/* live values, for the host's limits; only with @measured */
	bool measured;
	bool live;		/* the flags are the module's live alarms */
	bool has_flow;		/* the module reports coolant flow (B0h) */
	s32 flow_mlpm;		/* B0h:136 */
	s32 temp_mdegc;		/* the hottest of 00h:14 and B0h:142-157 */
};

/*
 * The decision: the most severe action among the conditions present.  The
 * leak line and the host's limits are levels (@level; a limit not measured
 * this time keeps the level it had); latched flags say a condition began.
 */
struct xpo_protect_verdict {
	u8 conds;				/* BIT(enum xpo_protect_cond) */
	u8 level;				/* line and limits now */
	enum xpo_protect_cond cond;		/* the one that decided */
	enum xpo_protect_action action;
};

/**
 * struct xpo_protect - a cage's protection, under the cage's sm_lock
 * @policy: the action for each condition
 * @limit: the host's limit for each condition, 0 for none (see above)
 * @tripped: a low-power or power-off action was taken and holds
 * @reason: the condition that tripped it
 * @action: the action taken
 * @tripped_ns: ktime_get_ns() when it tripped
 * @alerts: conditions seen since the last re-arm (alert or acted upon)
 * @level: level conditions (leak line, host limits) at the last decision
 * @active: conditions whose onset was reported and that are not known to
 *	be over (an alarm event per onset, not per flag)
 *
 * @policy is also read without the lock by the safety path
 * (xpo_protect_fast()): written with WRITE_ONCE().
 */
struct xpo_protect {
	enum xpo_protect_action policy[XPO_PROTECT_NUM_COND];
	s32 limit[XPO_PROTECT_NUM_COND];
	bool tripped;
	enum xpo_protect_cond reason;
	enum xpo_protect_action action;
	u64 tripped_ns;
	u8 alerts;
	u8 level;
	u8 active;
};

/**
 * struct xpo_protect_settings - a change of a cage's protection settings
 * @policy_set: BIT(cond) for each @policy entry to apply
 * @limit_set: BIT(cond) for each @limit entry to apply
 * @policy: the new action of a condition
 * @limit: the new host limit of a condition (see above)
 *
 * What xpo_cage_protect_change() applies in one go, and what it hands
 * back to undo it.
 */
struct xpo_protect_settings {
	u8 policy_set;
	u8 limit_set;
	enum xpo_protect_action policy[XPO_PROTECT_NUM_COND];
	s32 limit[XPO_PROTECT_NUM_COND];
};

const char *xpo_protect_cond_name(enum xpo_protect_cond cond);
const char *xpo_protect_action_name(enum xpo_protect_action action);
int xpo_protect_action_parse(const char *s);
void xpo_protect_defaults(struct xpo_protect *p);
int xpo_protect_limit_check(enum xpo_protect_cond cond, s32 value,
			    const char **why);
bool xpo_protect_has_limits(const struct xpo_protect *p);
void xpo_protect_decide(const struct xpo_protect *p,
			const struct xpo_protect_input *in,
			struct xpo_protect_verdict *v);

#endif /* _XPO_PROTECT_H */
