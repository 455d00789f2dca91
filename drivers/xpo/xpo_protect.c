// SPDX-License-Identifier: GPL-2.0
/*
 * Coolant and thermal protection (xpo_protect.h for the model).
 *
 * The driver acts on interrupts, not on the next poll: the cage's leak
 * detect line has its own interrupt (xpo_cage.c feeds every edge through
 * __xpo_protect_leak_line()), and the module's latched flags arrive with
 * IntL, read by the state machine (xpo_module_read_state()) and judged at
 * the end of that state machine run (__xpo_protect_service()).  So a leak
 * powers the cage off from the interrupt thread, within milliseconds.
 *
 * A trip holds until xpo_cage_protect_rearm(), which refuses while a
 * condition that would trip again is still seen (the leak line, the
 * module's live status byte B0h:138, its case or engine temperatures).
 *
 * Every event goes out as a KOBJ_CHANGE uevent on the cage device, and on
 * the xpo netlink family's monitor group (xpo_nl_notify_protect()):
 *   XPO_EVENT=alarm    XPO_REASON=<cond>                  (alert)
 *   XPO_EVENT=protect  XPO_REASON=<cond> XPO_ACTION=<act> (tripped)
 *   XPO_EVENT=rearm
 */
#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/kobject.h>
#include <linux/ktime.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "xpo_compat.h"
#include "xpo_core.h"
#include "xpo_nl.h"

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
 * limit can only add to what the module reports.
 * Pure: no state, no locking (KUnit-tested).
 */
void xpo_protect_decide(const struct xpo_protect *p,
			const struct xpo_protect_input *in,
			struct xpo_protect_verdict *v)
{
	s32 flow_min = p->limit[XPO_PROTECT_FLOW_LOW];
	s32 temp_max = p->limit[XPO_PROTECT_OVERTEMP];
	unsigned int c;

	v->conds = 0;
	if (in->leak_line || (in->tlm_flags & XPO_TLM_FLAG_LEAK))
		v->conds |= BIT(XPO_PROTECT_LEAK);
	if (in->tlm_flags & XPO_TLM_FLAG_FLOW_LALARM)
		v->conds |= BIT(XPO_PROTECT_FLOW_LOW);
	if (in->measured && in->has_flow && flow_min > 0 &&
	    in->flow_mlpm < flow_min)
		v->conds |= BIT(XPO_PROTECT_FLOW_LOW);
	if ((in->temp_flags & CMIS_FLAG_TEMP_HALARM) || in->engine_flags)
		v->conds |= BIT(XPO_PROTECT_OVERTEMP);
	if (in->measured && temp_max > 0 && in->temp_mdegc >= temp_max)
		v->conds |= BIT(XPO_PROTECT_OVERTEMP);

	v->cond = XPO_PROTECT_LEAK;
	v->action = XPO_PROTECT_OFF;
	for (c = 0; c < XPO_PROTECT_NUM_COND; c++) {
		if ((v->conds & BIT(c)) && p->policy[c] > v->action) {
			v->action = p->policy[c];
			v->cond = c;
		}
	}
}

static void xpo_protect_uevent(struct xpo_cage *cage, const char *event,
			       const char *reason, const char *action)
{
	char cage_env[24], event_env[24], reason_env[32], action_env[32];
	char *envp[5] = { cage_env, event_env };
	unsigned int n = 2;

	snprintf(cage_env, sizeof(cage_env), "XPO_CAGE=%u", cage->nr);
	snprintf(event_env, sizeof(event_env), "XPO_EVENT=%s", event);
	if (reason[0]) {
		snprintf(reason_env, sizeof(reason_env), "XPO_REASON=%s", reason);
		envp[n++] = reason_env;
	}
	if (action[0]) {
		snprintf(action_env, sizeof(action_env), "XPO_ACTION=%s",
			 action);
		envp[n++] = action_env;
	}
	xpo_nl_notify_protect(cage, event, reason, action);
	kobject_uevent_env(&cage->dev->kobj, KOBJ_CHANGE, envp);
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
	if (v->action == XPO_PROTECT_POWER_OFF)
		__xpo_sm_event(cage, XPO_E_POWER_OFF);
	else
		__xpo_cage_power_update(cage);
	dev_crit(cage->dev, "protection: %s, %s until re-armed\n",
		 xpo_protect_cond_name(v->cond),
		 v->action == XPO_PROTECT_POWER_OFF ? "cage powered off" :
						      "module held in low power");
	xpo_protect_uevent(cage, "protect", xpo_protect_cond_name(v->cond),
			   xpo_protect_action_name(v->action));
}

/**
 * __xpo_protect_service() - judge the flags and lines read since last time
 * @cage: the cage, sm_lock held
 *
 * Called at the end of every state machine run and on leak line edges.
 * New conditions are reported once (until re-armed); an action of low
 * power or power-off trips the protection if it has not tripped yet.
 */
void __xpo_protect_service(struct xpo_cage *cage)
{
	struct xpo_protect *p = &cage->protect;
	struct xpo_protect_verdict v;
	unsigned long fresh;
	unsigned int c;

	lockdep_assert_held(&cage->sm_lock);
	if (!cage->protect_pending || cage->protect_busy || cage->stopping)
		return;
	cage->protect_busy = true;
	cage->protect_pending = false;

	xpo_protect_decide(p, &cage->protect_in, &v);
	memset(&cage->protect_in, 0, sizeof(cage->protect_in));
	cage->protect_in.leak_line = xpo_cage_pin_get(cage, XPO_PIN_LEAK) > 0;

	fresh = v.conds & ~p->alerts;
	p->alerts |= v.conds;
	for_each_set_bit(c, &fresh, XPO_PROTECT_NUM_COND) {
		if (p->policy[c] == XPO_PROTECT_OFF)
			continue;
		dev_warn(cage->dev, "coolant/thermal alarm: %s\n",
			 xpo_protect_cond_name(c));
		xpo_protect_uevent(cage, "alarm", xpo_protect_cond_name(c), "");
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
 * From the line's interrupt (or the poll without one): an asserted line is
 * judged at once.
 */
void __xpo_protect_leak_line(struct xpo_cage *cage)
{
	bool leak = xpo_cage_pin_get(cage, XPO_PIN_LEAK) > 0;

	lockdep_assert_held(&cage->sm_lock);
	if (leak == cage->protect_in.leak_line && !leak)
		return;
	cage->protect_in.leak_line = leak;
	if (leak && !(cage->protect.alerts & BIT(XPO_PROTECT_LEAK)))
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
	cage->protect.policy[cond] = action;
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

	xpo_cmis_lock(cage);
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

/*
 * The host's limits, checked every XPO_PROTECT_LIMIT_POLL_MS while one is
 * set: only the measured values are handed on (the module's alarms arrive
 * with IntL and are the state machine's to read).
 */
static void xpo_protect_limit_work(struct work_struct *work)
{
	struct xpo_cage *cage = container_of(to_delayed_work(work),
					     struct xpo_cage, limit_work);
	struct xpo_protect_input in;
	struct xpo_protect_input *pin = &cage->protect_in;

	mutex_lock(&cage->sm_lock);
	if (cage->stopping || !xpo_protect_has_limits(&cage->protect))
		goto unlock;
	if (!xpo_protect_live(cage, false, &in) && in.measured) {
		pin->measured = true;
		pin->has_flow = in.has_flow;
		pin->flow_mlpm = in.flow_mlpm;
		pin->temp_mdegc = in.temp_mdegc;
		cage->protect_pending = true;
		__xpo_protect_service(cage);
	}
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
	if (!p->tripped)
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
	p->tripped = false;
	p->alerts = 0;
	dev_info(cage->dev, "protection re-armed (was %s, %s)\n",
		 xpo_protect_cond_name(p->reason),
		 xpo_protect_action_name(p->action));
	if (p->action == XPO_PROTECT_POWER_OFF)
		__xpo_sm_event(cage, XPO_E_POWER_ON);
	__xpo_cage_power_update(cage);
	xpo_protect_uevent(cage, "rearm", "", "");
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
