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
 * xpo_protect_decide() - which conditions hold and what to do about them
 * @policy: action per condition
 * @in: what the cage's inputs say
 * @v: the conditions present, and the most severe action among them (ties:
 *     the first condition in enum order)
 *
 * Pure: no state, no locking (KUnit-tested).
 */
void xpo_protect_decide(const enum xpo_protect_action *policy,
			const struct xpo_protect_input *in,
			struct xpo_protect_verdict *v)
{
	unsigned int c;

	v->conds = 0;
	if (in->leak_line || (in->tlm_flags & XPO_TLM_FLAG_LEAK))
		v->conds |= BIT(XPO_PROTECT_LEAK);
	if (in->tlm_flags & XPO_TLM_FLAG_FLOW_LALARM)
		v->conds |= BIT(XPO_PROTECT_FLOW_LOW);
	if ((in->temp_flags & CMIS_FLAG_TEMP_HALARM) || in->engine_flags)
		v->conds |= BIT(XPO_PROTECT_OVERTEMP);

	v->cond = XPO_PROTECT_LEAK;
	v->action = XPO_PROTECT_OFF;
	for (c = 0; c < XPO_PROTECT_NUM_COND; c++) {
		if ((v->conds & BIT(c)) && policy[c] > v->action) {
			v->action = policy[c];
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

	xpo_protect_decide(p->policy, &cage->protect_in, &v);
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

/*
 * Conditions still present, as far as can be seen: the leak line always;
 * with a module that answers, its live status (B0h:138) and its case and
 * engine temperatures against their high alarms.  sm_lock held.
 */
static int xpo_protect_live(struct xpo_cage *cage, struct xpo_protect_input *in)
{
	struct xpo_telemetry t;
	u8 status = 0, raw[2], thr[2];
	s16 temp, halarm;
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
	if (!ret)
		ret = __xpo_cmis_read(cage, 0, 0x02, CMIS_P02_TEMP_HALARM,
				      thr, 2);
	temp = (s16)get_unaligned_be16(raw);
	halarm = (s16)get_unaligned_be16(thr);
	if (!ret && temp >= halarm)
		in->temp_flags |= CMIS_FLAG_TEMP_HALARM;
	if (!ret && xpo_cmis_page_exists(&cage->adv, 0, XPO_PAGE_TELEMETRY)) {
		ret = __xpo_cmis_read(cage, 0, XPO_PAGE_TELEMETRY,
				      XPO_TLM_STATUS, &status, 1);
		if (!ret)
			ret = __xpo_cmis_read(cage, 0, XPO_PAGE_TELEMETRY,
					      XPO_TLM_ENGINES,
					      &t.b0[XPO_TLM_ENGINES - XPO_TLM_FIRST],
					      XPO_TLM_LAST + 1 - XPO_TLM_ENGINES);
		if (!ret) {
			halarm = (s16)get_unaligned_be16(&t.b0[XPO_TLM_ENGINE_HALARM -
							       XPO_TLM_FIRST]);
			n = min_t(unsigned int,
				  t.b0[XPO_TLM_ENGINES - XPO_TLM_FIRST],
				  XPO_TLM_ENGINES_MAX);
			for (e = 0; e < n; e++) {
				temp = (s16)get_unaligned_be16(&t.b0[XPO_TLM_ENGINE_TEMP +
								     2 * e - XPO_TLM_FIRST]);
				if (temp >= halarm)
					in->engine_flags |= BIT(e);
			}
		}
	}
	xpo_cmis_unlock(cage);
	if (ret)
		return ret;
	if (status & XPO_TLM_STATUS_LEAK)
		in->tlm_flags |= XPO_TLM_FLAG_LEAK;
	if (status & XPO_TLM_STATUS_FLOW_LOW)
		in->tlm_flags |= XPO_TLM_FLAG_FLOW_LALARM;
	return 0;
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
	if (xpo_protect_live(cage, &in)) {
		*why = "module cannot be read";
		ret = -EIO;
		goto out;
	}
	xpo_protect_decide(p->policy, &in, &v);
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
	seq_puts(s, "\nprotection_alerts:");
	if (!p->alerts)
		seq_puts(s, " -");
	for (c = 0; c < XPO_PROTECT_NUM_COND; c++)
		if (p->alerts & BIT(c))
			seq_printf(s, " %s", xpo_protect_cond_name(c));
	seq_putc(s, '\n');
}
