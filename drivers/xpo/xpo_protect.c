// SPDX-License-Identifier: GPL-2.0
/*
 * Coolant and thermal protection (xpo_protect.h for the model).
 *
 * The driver acts on interrupts, not on the next poll, and in two steps:
 *  - the safety path, xpo_protect_fast(), from the leak line's interrupt
 *    thread and whenever the broker hands the protection latched flags it
 *    has not seen (whoever read them): it judges the line and those flags
 *    against the policy and drives the pins (xpo_cage_safety_hold()),
 *    taking neither the state machine's lock nor the bus;
 *  - the bookkeeping, __xpo_protect_service(), under sm_lock: the trip,
 *    the state machine's power-off or low power, the events.
 * The module's latched flags arrive with IntL, read by the state machine
 * (xpo_module_read_state()), or by any other reader: the broker's shadow
 * keeps them for the protection (xpo_shadow.h).  So a leak powers the cage
 * off from the interrupt thread within milliseconds, bus busy or not.
 *
 * A trip holds until xpo_cage_protect_rearm(), which refuses while a
 * condition that would trip again is still seen (the leak line, the
 * module's live status byte B0h:138, its case or engine temperatures).
 *
 * Every event is published (xpo_event.c): alarm (a condition began),
 * protect (tripped) and rearm, to the sinks (the xpo netlink family's
 * monitor group) and as a uevent on the cage device.
 */
#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/ktime.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "xpo_compat.h"
#include "xpo_core.h"
#include "xpo_event.h"

static const char * const xpo_protect_cond_names[XPO_PROTECT_NUM_COND] = {
	[XPO_PROTECT_LEAK]	= "leak",
	[XPO_PROTECT_FLOW_LOW]	= "flow-low",
	[XPO_PROTECT_OVERTEMP]	= "overtemp",
};

static const char * const xpo_protect_action_names[XPO_PROTECT_NUM_ACTION] = {
	[XPO_PROTECT_OFF]	= "off",
	[XPO_PROTECT_ALERT]	= "alert",
	[XPO_PROTECT_LOW_POWER]	= "low-power",
	[XPO_PROTECT_POWER_OFF]	= "power-off",
};

const char *xpo_protect_cond_name(enum xpo_protect_cond cond)
{
	return cond < XPO_PROTECT_NUM_COND ? xpo_protect_cond_names[cond] : "?";
}

const char *xpo_protect_action_name(enum xpo_protect_action action)
{
	return action < XPO_PROTECT_NUM_ACTION ?
	       xpo_protect_action_names[action] : "?";
}

/* Return: the action named @s (trailing newline allowed), or -EINVAL */
int xpo_protect_action_parse(const char *s)
{
	return sysfs_match_string(xpo_protect_action_names, s);
}

/*
 * Defaults: a leak cuts the supply (water and 400 W do not mix); low flow
 * and over-temperature first try low power, which sheds most of the load
 * and keeps the module manageable.
 */
void xpo_protect_defaults(struct xpo_protect *p)
{
	memset(p, 0, sizeof(*p));
	p->policy[XPO_PROTECT_LEAK] = XPO_PROTECT_POWER_OFF;
	p->policy[XPO_PROTECT_FLOW_LOW] = XPO_PROTECT_LOW_POWER;
	p->policy[XPO_PROTECT_OVERTEMP] = XPO_PROTECT_LOW_POWER;
}

/**
 * xpo_protect_limit_check() - is @value a limit the host may set for @cond?
 * @cond: the condition
 * @value: 0 (no limit), mL/min for flow-low, millidegrees C for overtemp
 * @why: set to what is wrong when refused
 *
 * Pure (KUnit-tested).
 * Return: 0 or -EINVAL.
 */
int xpo_protect_limit_check(enum xpo_protect_cond cond, s32 value,
			    const char **why)
{
	*why = NULL;
	switch (cond) {
	case XPO_PROTECT_FLOW_LOW:
		if (value && (value < XPO_PROTECT_FLOW_LIMIT_MIN ||
			      value > XPO_PROTECT_FLOW_LIMIT_MAX))
			*why = "flow limit must be 0 (none) or 1..100000 mL/min";
		break;
	case XPO_PROTECT_OVERTEMP:
		if (value && (value < XPO_PROTECT_TEMP_LIMIT_MIN ||
			      value > XPO_PROTECT_TEMP_LIMIT_MAX))
			*why = "temperature limit must be 0 (none) or 20000..150000 millidegrees C";
		break;
	default:
		*why = "a leak has no limit";
		break;
	}
	return *why ? -EINVAL : 0;
}

/* A host limit is set: the cage must measure for it */
bool xpo_protect_has_limits(const struct xpo_protect *p)
{
	return p->limit[XPO_PROTECT_FLOW_LOW] || p->limit[XPO_PROTECT_OVERTEMP];
}

/**
 * xpo_protect_decide() - which conditions hold and what to do about them
 * @p: the policy and the host's limits
 * @in: what the cage's inputs say
 * @v: the conditions present, and the most severe action among them (ties:
 *     the first condition in enum order)
 *
 * The module's alarms and the host's limits make the same conditions: a
 * limit can only add to what the module reports.  A limit not measured
 * this time keeps the level it had (@p->level).
 * Pure: no state, no locking (KUnit-tested).
 */
void xpo_protect_decide(const struct xpo_protect *p,
			const struct xpo_protect_input *in,
			struct xpo_protect_verdict *v)
{
	s32 flow_min = p->limit[XPO_PROTECT_FLOW_LOW];
	s32 temp_max = p->limit[XPO_PROTECT_OVERTEMP];
	unsigned int c;

	u8 latched = 0, level = 0;

	/* latched flags: the module saw the condition begin */
	if (in->tlm_flags & XPO_TLM_FLAG_LEAK)
		latched |= BIT(XPO_PROTECT_LEAK);
	if (in->tlm_flags & XPO_TLM_FLAG_FLOW_LALARM)
		latched |= BIT(XPO_PROTECT_FLOW_LOW);
	if ((in->temp_flags & CMIS_FLAG_TEMP_HALARM) || in->engine_flags)
		latched |= BIT(XPO_PROTECT_OVERTEMP);
	/* levels: the line always; the limits set, as last measured */
	if (in->leak_line)
		level |= BIT(XPO_PROTECT_LEAK);
	if (!in->measured && flow_min > 0)
		level |= p->level & BIT(XPO_PROTECT_FLOW_LOW);
	if (!in->measured && temp_max > 0)
		level |= p->level & BIT(XPO_PROTECT_OVERTEMP);
	if (in->measured && in->has_flow && flow_min > 0 &&
	    in->flow_mlpm < flow_min)
		level |= BIT(XPO_PROTECT_FLOW_LOW);
	if (in->measured && temp_max > 0 && in->temp_mdegc >= temp_max)
		level |= BIT(XPO_PROTECT_OVERTEMP);
	v->conds = latched | level;
	v->level = level;

	v->cond = XPO_PROTECT_LEAK;
	v->action = XPO_PROTECT_OFF;
	for (c = 0; c < XPO_PROTECT_NUM_COND; c++) {
		if ((v->conds & BIT(c)) && p->policy[c] > v->action) {
			v->action = p->policy[c];
			v->cond = c;
		}
	}
}

/* Trip: record why, then act.  sm_lock held, cage->protect_busy set. */
static void xpo_protect_trip(struct xpo_cage *cage,
			     const struct xpo_protect_verdict *v)
{
	struct xpo_protect *p = &cage->protect;

	p->tripped = true;
	p->reason = v->cond;
	p->action = v->action;
	p->tripped_ns = ktime_get_ns();
	/* the pins first, if the safety path did not already */
	xpo_cage_safety_hold(cage, v->action == XPO_PROTECT_POWER_OFF ?
			     XPO_HOLD_POWER_OFF : XPO_HOLD_LOW_POWER, v->cond);
	if (v->action == XPO_PROTECT_POWER_OFF)
		__xpo_sm_event(cage, XPO_E_POWER_OFF);
	else
		__xpo_cage_power_update(cage);
	dev_crit(cage->dev, "protection: %s, %s until re-armed\n",
		 xpo_protect_cond_name(v->cond),
		 v->action == XPO_PROTECT_POWER_OFF ? "cage powered off" :
						      "module held in low power");
	xpo_event_publish(cage, XPO_EV_PROTECT, v->cond, v->action);
}

/*
 * The latched flags the broker kept for the protection (whoever read them),
 * into @in; @clear: taken (the bookkeeping) or only looked at (the safety
 * path, which the bookkeeping follows).
 */
static void xpo_protect_flags(struct xpo_cage *cage,
			      struct xpo_protect_input *in, bool clear)
{
	u8 temp, tlm[2];

	xpo_broker_take(cage, XPO_CLIENT_PROTECT, 0, 0x00, CMIS_TEMP_VCC_FLAGS,
			&temp, 1, clear);
	xpo_broker_take(cage, XPO_CLIENT_PROTECT, 0, XPO_PAGE_TELEMETRY,
			XPO_TLM_FLAGS, tlm, sizeof(tlm), clear);
	in->temp_flags |= temp;
	in->tlm_flags |= tlm[0];
	in->engine_flags |= tlm[1];
}

/**
 * xpo_protect_fast() - the safety path: act on the leak line and the
 * latched flags now
 * @cage: the cage; no lock held
 *
 * Judges the leak line and the flags the broker kept for the protection
 * against the policy (read without lock), and holds the cage in low power
 * or powered off through xpo_cage_safety_hold(): waits neither for the
 * bus nor for sm_lock.  The bookkeeping (trip, events) follows in
 * __xpo_protect_service().
 */
void xpo_protect_fast(struct xpo_cage *cage)
{
	struct xpo_protect_input in = {};
	struct xpo_protect policy = {};
	struct xpo_protect_verdict v;
	unsigned int c;

	in.leak_line = xpo_cage_pin_get(cage, XPO_PIN_LEAK) > 0;
	xpo_protect_flags(cage, &in, false);
	for (c = 0; c < XPO_PROTECT_NUM_COND; c++)
		policy.policy[c] = READ_ONCE(cage->protect.policy[c]);
	xpo_protect_decide(&policy, &in, &v);
	if (v.action == XPO_PROTECT_POWER_OFF)
		xpo_cage_safety_hold(cage, XPO_HOLD_POWER_OFF, v.cond);
	else if (v.action == XPO_PROTECT_LOW_POWER)
		xpo_cage_safety_hold(cage, XPO_HOLD_LOW_POWER, v.cond);
}

/*
 * What the safety path did counts even if its inputs are gone by now (the
 * module was pulled or reset before the bookkeeping ran): a hold is a trip.
 */
static void xpo_protect_held(struct xpo_cage *cage,
			     struct xpo_protect_verdict *v)
{
	enum xpo_protect_action held;

	switch (xpo_cage_hold(cage)) {
	case XPO_HOLD_POWER_OFF:
		held = XPO_PROTECT_POWER_OFF;
		break;
	case XPO_HOLD_LOW_POWER:
		held = XPO_PROTECT_LOW_POWER;
		break;
	default:
		return;
	}
	if (held > v->action) {
		v->action = held;
		v->cond = READ_ONCE(cage->hold_cond);
		v->conds |= BIT(v->cond);
	}
}

/* The safety path, then the bookkeeping: what xpo_protect_kick() queues */
static void xpo_protect_work(struct work_struct *work)
{
	struct xpo_cage *cage = container_of(work, struct xpo_cage,
					     protect_work);

	xpo_protect_fast(cage);
	mutex_lock(&cage->sm_lock);
	cage->protect_pending = true;
	__xpo_protect_service(cage);
	mutex_unlock(&cage->sm_lock);
}

/**
 * xpo_protect_kick() - the broker handed the protection flags it has not
 * seen
 * @cage: the cage, io_lock held (in a section of another client)
 *
 * Queues the safety path on the high-priority queue: the reader need not
 * be the state machine for the protection to act.
 */
void xpo_protect_kick(struct xpo_cage *cage)
{
	lockdep_assert_held(&cage->io_lock);
	if (!cage->gone)
		queue_work(xpo_safety_wq, &cage->protect_work);
}

/**
 * __xpo_protect_service() - judge the flags and lines seen since last time
 * @cage: the cage, sm_lock held
 *
 * Called at the end of every state machine run, on leak line edges and
 * from the safety path's work.  Every onset of a condition is reported
 * (an alarm event, whatever the action); an action of low power or
 * power-off trips the protection if it has not tripped yet, or escalates
 * a trip in force.
 */
void __xpo_protect_service(struct xpo_cage *cage)
{
	struct xpo_protect *p = &cage->protect;
	struct xpo_protect_verdict v;
	struct xpo_protect_input in;
	unsigned long fresh;
	unsigned int c;

	lockdep_assert_held(&cage->sm_lock);
	if (!cage->protect_pending || cage->protect_busy || cage->stopping)
		return;
	cage->protect_busy = true;
	cage->protect_pending = false;

	in = cage->protect_in;
	memset(&cage->protect_in, 0, sizeof(cage->protect_in));
	in.leak_line = xpo_cage_pin_get(cage, XPO_PIN_LEAK) > 0;
	xpo_protect_flags(cage, &in, true);
	xpo_protect_decide(p, &in, &v);
	xpo_protect_held(cage, &v);
	p->level = v.level;
	p->alerts |= v.conds;

	/*
	 * An onset is a condition not active yet; it stays active until the
	 * watch's live look finds it over (a complete picture: @in.live).
	 */
	fresh = v.conds & ~p->active;
	if (in.live)
		p->active = v.conds;
	else
		p->active |= v.conds;
	if (fresh)
		queue_delayed_work(xpo_wq, &cage->limit_work,
				   msecs_to_jiffies(XPO_PROTECT_LIMIT_POLL_MS));
	for_each_set_bit(c, &fresh, XPO_PROTECT_NUM_COND) {
		if (p->policy[c] == XPO_PROTECT_OFF)
			continue;
		dev_warn(cage->dev, "coolant/thermal alarm: %s\n",
			 xpo_protect_cond_name(c));
		xpo_event_publish(cage, XPO_EV_ALARM, c, XPO_PROTECT_NUM_ACTION);
	}
	/* a trip in force only escalates (low power, then power-off) */
	if (v.action >= XPO_PROTECT_LOW_POWER &&
	    (!p->tripped || v.action > p->action))
		xpo_protect_trip(cage, &v);
	cage->protect_busy = false;
}

/**
 * __xpo_protect_leak_line() - look at the leak detect line
 * @cage: the cage, sm_lock held
 *
 * From the line's interrupt (or the poll without one), after the safety
 * path acted: the bookkeeping of an edge.
 */
void __xpo_protect_leak_line(struct xpo_cage *cage)
{
	bool leak = xpo_cage_pin_get(cage, XPO_PIN_LEAK) > 0;

	lockdep_assert_held(&cage->sm_lock);
	if (leak == !!(cage->protect.level & BIT(XPO_PROTECT_LEAK)))
		return;
	cage->protect_pending = true;
	__xpo_protect_service(cage);
}

/* For the power policy: the module must stay in low power.  sm_lock held. */
bool __xpo_protect_holds_low_power(struct xpo_cage *cage)
{
	return cage->protect.tripped &&
	       cage->protect.action == XPO_PROTECT_LOW_POWER;
}

/* The cage must stay powered off.  sm_lock held. */
bool __xpo_protect_holds_power_off(struct xpo_cage *cage)
{
	return cage->protect.tripped &&
	       cage->protect.action == XPO_PROTECT_POWER_OFF;
}

/**
 * xpo_cage_protect_get() - a copy of a cage's protection policy and status
 * @cage: the cage
 * @out: the copy
 */
void xpo_cage_protect_get(struct xpo_cage *cage, struct xpo_protect *out)
{
	mutex_lock(&cage->sm_lock);
	*out = cage->protect;
	mutex_unlock(&cage->sm_lock);
}

/**
 * xpo_cage_protect_set() - set the action for one condition
 * @cage: the cage
 * @cond: the condition
 * @action: what to do when it is seen
 *
 * Applies to conditions seen from now on; a trip in force stays.
 * Return: 0 or -EINVAL.
 */
int xpo_cage_protect_set(struct xpo_cage *cage, enum xpo_protect_cond cond,
			 enum xpo_protect_action action)
{
	if (cond >= XPO_PROTECT_NUM_COND || action >= XPO_PROTECT_NUM_ACTION)
		return -EINVAL;
	mutex_lock(&cage->sm_lock);
	WRITE_ONCE(cage->protect.policy[cond], action);
	/* a condition present now is judged under its new action at once */
	cage->protect_pending = true;
	__xpo_protect_service(cage);
	mutex_unlock(&cage->sm_lock);
	return 0;
}

/* A temperature as the module stores it (big endian), in millidegrees C */
static s32 xpo_protect_mdegc(const u8 *be16)
{
	return xpo_cmis_temp_mdegc(get_unaligned_be16(be16));
}

/*
 * Conditions present now, as far as can be seen, and the values the
 * host's limits judge: the leak line always; with a module that answers
 * (in low power too), its case and engine temperatures, and its live
 * coolant status (B0h:136-138: flow and status, one read).  With @alarms
 * the case temperature is also judged against its high alarm (02h:128, one
 * more read); the limit poll, which hands on only the values, does without.
 * Four reads at most.  sm_lock held.
 */
static int xpo_protect_live(struct xpo_cage *cage, bool alarms,
			    struct xpo_protect_input *in)
{
	u8 raw[2], thr[2], cool[3], eng[XPO_TLM_LAST + 1 - XPO_TLM_ENGINES];
	s32 temp, halarm;
	unsigned int e, n;
	int ret;

	memset(in, 0, sizeof(*in));
	in->leak_line = xpo_cage_pin_get(cage, XPO_PIN_LEAK) > 0;

	xpo_cmis_lock_as(cage, XPO_CLIENT_PROTECT);
	if (!cage->io_enabled || !cage->adv.known) {
		xpo_cmis_unlock(cage);
		return 0;	/* powered off or empty: only the line */
	}
	ret = __xpo_cmis_read(cage, 0, 0x00, CMIS_TEMP, raw, 2);
	if (!ret && alarms)
		ret = __xpo_cmis_read(cage, 0, 0x02, CMIS_P02_TEMP_HALARM,
				      thr, 2);
	if (ret)
		goto unlock;
	temp = xpo_protect_mdegc(raw);
	if (alarms && temp >= xpo_protect_mdegc(thr))
		in->temp_flags |= CMIS_FLAG_TEMP_HALARM;
	in->temp_mdegc = temp;
	in->measured = true;
	if (!xpo_cmis_page_exists(&cage->adv, 0, XPO_PAGE_TELEMETRY))
		goto unlock;

	ret = __xpo_cmis_read(cage, 0, XPO_PAGE_TELEMETRY,
			      XPO_TLM_COOLANT_FLOW, cool, sizeof(cool));
	if (!ret)
		ret = __xpo_cmis_read(cage, 0, XPO_PAGE_TELEMETRY,
				      XPO_TLM_ENGINES, eng, sizeof(eng));
	if (ret)
		goto unlock;
	in->has_flow = true;
	in->flow_mlpm = get_unaligned_be16(cool);
	if (cool[2] & XPO_TLM_STATUS_LEAK)
		in->tlm_flags |= XPO_TLM_FLAG_LEAK;
	if (cool[2] & XPO_TLM_STATUS_FLOW_LOW)
		in->tlm_flags |= XPO_TLM_FLAG_FLOW_LALARM;
	halarm = xpo_protect_mdegc(&eng[XPO_TLM_ENGINE_HALARM - XPO_TLM_ENGINES]);
	n = min_t(unsigned int, eng[0], XPO_TLM_ENGINES_MAX);
	for (e = 0; e < n; e++) {
		temp = xpo_protect_mdegc(&eng[XPO_TLM_ENGINE_TEMP + 2 * e -
					      XPO_TLM_ENGINES]);
		if (temp >= halarm)
			in->engine_flags |= BIT(e);
		in->temp_mdegc = max(in->temp_mdegc, temp);
	}
unlock:
	xpo_cmis_unlock(cage);
	if (ret)
		in->measured = false;
	return ret;
}

/* Watch the cage: while a host limit is set or a condition is active */
static bool xpo_protect_watching(const struct xpo_protect *p)
{
	return xpo_protect_has_limits(p) || p->active;
}

/*
 * The watch, every XPO_PROTECT_LIMIT_POLL_MS while xpo_protect_watching():
 * measures for the host's limits, and while a condition is active looks
 * whether it is over (the module's live status, case and engine
 * temperatures against their alarms), so that its next onset is reported
 * again.  Without an active condition only the values are handed on: the
 * module's alarms arrive as latched flags.
 */
static void xpo_protect_limit_work(struct work_struct *work)
{
	struct xpo_cage *cage = container_of(to_delayed_work(work),
					     struct xpo_cage, limit_work);
	struct xpo_protect *p = &cage->protect;
	struct xpo_protect_input in;
	bool episode;

	mutex_lock(&cage->sm_lock);
	if (cage->stopping || !xpo_protect_watching(p))
		goto unlock;
	episode = p->active;
	if (!xpo_protect_live(cage, episode, &in)) {
		if (!episode) {
			in.temp_flags = 0;
			in.tlm_flags = 0;
			in.engine_flags = 0;
		}
		in.live = episode;
		cage->protect_in = in;
		cage->protect_pending = true;
		__xpo_protect_service(cage);
	}
	if (xpo_protect_watching(p))
		queue_delayed_work(xpo_wq, &cage->limit_work,
				   msecs_to_jiffies(XPO_PROTECT_LIMIT_POLL_MS));
unlock:
	mutex_unlock(&cage->sm_lock);
}

/**
 * xpo_protect_init() - set up a new cage's protection: the defaults
 * @cage: the cage, not yet started
 */
void xpo_protect_init(struct xpo_cage *cage)
{
	xpo_protect_defaults(&cage->protect);
	INIT_DELAYED_WORK(&cage->limit_work, xpo_protect_limit_work);
	INIT_WORK(&cage->protect_work, xpo_protect_work);
}

/**
 * xpo_cage_protect_set_limit() - set the host's limit for one condition
 * @cage: the cage
 * @cond: XPO_PROTECT_FLOW_LOW or XPO_PROTECT_OVERTEMP
 * @value: mL/min or millidegrees C, 0 for none
 * @why: set to what is wrong when refused
 *
 * Judged from the next measurement on (at once when set); a trip in force
 * stays.
 * Return: 0, -EINVAL (see xpo_protect_limit_check()) or -ENODEV once the
 * cage is going.
 */
int xpo_cage_protect_set_limit(struct xpo_cage *cage,
			       enum xpo_protect_cond cond, s32 value,
			       const char **why)
{
	int ret = xpo_protect_limit_check(cond, value, why);

	if (ret)
		return ret;
	mutex_lock(&cage->sm_lock);
	if (cage->stopping) {
		*why = "cage going away";
		ret = -ENODEV;
	} else {
		cage->protect.limit[cond] = value;
		if (xpo_protect_has_limits(&cage->protect))
			mod_delayed_work(xpo_wq, &cage->limit_work, 0);
	}
	mutex_unlock(&cage->sm_lock);
	return ret;
}

/**
 * xpo_cage_protect_change() - change several protection settings at once
 * @cage: the cage
 * @set: the actions and limits to apply (only those in its masks)
 * @undo: if not NULL, filled in with what @set replaced: applied in turn,
 *	it puts the settings back as they were
 *
 * All or nothing, in one sm_lock section: every value is checked before
 * any is applied, and no protection run sees half of the change.  For an
 * admin request of several attributes (netlink's cage-set) that must be
 * able to take its change back when a later step is refused.  A trip in
 * force stays.
 * Return: 0, -EINVAL (an action or a limit out of range, see
 * xpo_protect_limit_check()) or -ENODEV once the cage is going.
 */
int xpo_cage_protect_change(struct xpo_cage *cage,
			    const struct xpo_protect_settings *set,
			    struct xpo_protect_settings *undo)
{
	struct xpo_protect *p = &cage->protect;
	const char *why;
	unsigned int c;
	int ret = 0;

	for (c = 0; c < XPO_PROTECT_NUM_COND; c++) {
		if ((set->policy_set & BIT(c)) &&
		    set->policy[c] >= XPO_PROTECT_NUM_ACTION)
			return -EINVAL;
		if ((set->limit_set & BIT(c)) &&
		    xpo_protect_limit_check(c, set->limit[c], &why))
			return -EINVAL;
	}

	mutex_lock(&cage->sm_lock);
	if (cage->stopping) {
		ret = -ENODEV;
		goto out;
	}
	if (undo) {
		memset(undo, 0, sizeof(*undo));
		undo->policy_set = set->policy_set;
		undo->limit_set = set->limit_set;
	}
	for (c = 0; c < XPO_PROTECT_NUM_COND; c++) {
		if (set->policy_set & BIT(c)) {
			if (undo)
				undo->policy[c] = p->policy[c];
			p->policy[c] = set->policy[c];
		}
		if (set->limit_set & BIT(c)) {
			if (undo)
				undo->limit[c] = p->limit[c];
			p->limit[c] = set->limit[c];
		}
	}
	if (set->limit_set && xpo_protect_has_limits(p))
		mod_delayed_work(xpo_wq, &cage->limit_work, 0);
out:
	mutex_unlock(&cage->sm_lock);
	return ret;
}

/**
 * xpo_cage_protect_rearm() - lift a trip once the cause is gone
 * @cage: the cage
 * @why: set to what still holds when refused
 *
 * Return: 0 (also when nothing had tripped), -EBUSY while a condition whose
 * action trips is still present, -EIO if the module could not be read,
 * -ENODEV once the cage is going.
 */
int xpo_cage_protect_rearm(struct xpo_cage *cage, const char **why)
{
	struct xpo_protect *p = &cage->protect;
	struct xpo_protect_input in;
	struct xpo_protect_verdict v;
	int ret = 0;

	*why = NULL;
	mutex_lock(&cage->sm_lock);
	if (cage->stopping) {
		ret = -ENODEV;
		goto out;
	}
	if (!p->tripped && xpo_cage_hold(cage) == XPO_HOLD_NONE)
		goto out;
	if (xpo_protect_live(cage, true, &in)) {
		*why = "module cannot be read";
		ret = -EIO;
		goto out;
	}
	xpo_protect_decide(p, &in, &v);
	if (v.action >= XPO_PROTECT_LOW_POWER) {
		*why = xpo_protect_cond_name(v.cond);
		ret = -EBUSY;
		goto out;
	}
	/* what the live look saw is the picture from now on */
	p->level = v.level;
	p->active = v.conds;
	p->tripped = false;
	p->alerts = 0;
	xpo_cage_safety_release(cage);
	dev_info(cage->dev, "protection re-armed (was %s, %s)%s\n",
		 xpo_protect_cond_name(p->reason),
		 xpo_protect_action_name(p->action),
		 cage->admin_off ? ": the cage stays off as an admin set it" :
				   "");
	/* the admin's own power-off is not the protection's to lift */
	if (p->action == XPO_PROTECT_POWER_OFF && !cage->admin_off)
		__xpo_sm_event(cage, XPO_E_POWER_ON);
	__xpo_cage_power_update(cage);
	xpo_event_publish(cage, XPO_EV_REARM, XPO_PROTECT_NUM_COND,
			  XPO_PROTECT_NUM_ACTION);
out:
	mutex_unlock(&cage->sm_lock);
	return ret;
}

/* debugfs state lines; sm_lock held */
void xpo_protect_debugfs_show(struct seq_file *s, struct xpo_cage *cage)
{
	struct xpo_protect *p = &cage->protect;
	unsigned int c;

	if (p->tripped)
		seq_printf(s, "protection: tripped %s %s\n",
			   xpo_protect_cond_name(p->reason),
			   xpo_protect_action_name(p->action));
	else
		seq_puts(s, "protection: armed\n");
	seq_puts(s, "protection_policy:");
	for (c = 0; c < XPO_PROTECT_NUM_COND; c++)
		seq_printf(s, " %s=%s", xpo_protect_cond_name(c),
			   xpo_protect_action_name(p->policy[c]));
	seq_printf(s, "\nprotection_limits: flow-min=%d temp-max=%d\n",
		   p->limit[XPO_PROTECT_FLOW_LOW],
		   p->limit[XPO_PROTECT_OVERTEMP]);
	seq_puts(s, "protection_alerts:");
	if (!p->alerts)
		seq_puts(s, " -");
	for (c = 0; c < XPO_PROTECT_NUM_COND; c++)
		if (p->alerts & BIT(c))
			seq_printf(s, " %s", xpo_protect_cond_name(c));
	seq_putc(s, '\n');
}
