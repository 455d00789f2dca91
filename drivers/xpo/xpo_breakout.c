// SPDX-License-Identifier: GPL-2.0
/*
 * Breakout: which ports a cage's 64 host lanes form.
 *
 * A cage has eight front-panel ports of eight host lanes (bank n of the
 * module carries front-panel port n).  Each is whole, one port of any rate
 * the module has for 8 lanes (the default), or split into 2, 4 or 8
 * subports of a uniform rate ("2x800G" of one front-panel port, "16x800G"
 * of the whole cage), the way devlink port split splits a switch port.
 * The layout is the admin's: it is kept across module changes and checked
 * against each module seated (xpo_lanes.c plans the data paths; a module
 * that cannot carry it is reported).
 *
 * A change is checked in full before anything changes: the mode's form,
 * the ports it replaces (not split already, administratively down), the
 * lease, and the seated module's applications (xpo_app_mode_check()); then
 * the seated module takes the new configuration of the banks it changes,
 * verified (xpo_breakout_prov.c: rolled back if it does not), and only then
 * are the netdevs and their devlink ports replaced (xpo_ports_relayout(),
 * which leaves the old ones on a failure) and the monitor group hears of
 * it.  One change at a time per cage (its breakout_lock): what was
 * checked is what is applied; the cages of a rack unit change side by
 * side.  Both ways in, the xpo family's port-split
 * and devlink port split (xpo_devlink.c), hold the cage's devlink instance
 * lock first, as devlink does.
 * See Documentation/ports.rst.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/netlink.h>
#include <linux/slab.h>
#include <net/devlink.h>

#include "xpo_app.h"
#include "xpo_compat.h"
#include "xpo_core.h"
#include "xpo_event.h"
#include "xpo_port.h"

/**
 * xpo_breakout_default() - a cage's layout until an admin changes it
 * @l: filled in: one port per front-panel port, 8 lanes, any rate
 */
void xpo_breakout_default(struct xpo_app_layout *l)
{
	unsigned int i;

	memset(l, 0, sizeof(*l));
	l->num_ports = XPO_PANEL_PORTS;
	for (i = 0; i < XPO_PANEL_PORTS; i++) {
		l->ports[i].first_lane = i * CMIS_LANES_PER_BANK;
		l->ports[i].lanes = CMIS_LANES_PER_BANK;
	}
}

/* b<n>: front-panel port n of @l is split */
static u8 xpo_breakout_split_panels(const struct xpo_app_layout *l)
{
	unsigned int i;
	u8 panels = 0;

	for (i = 0; i < l->num_ports; i++)
		if (l->ports[i].lanes < CMIS_LANES_PER_BANK)
			panels |= BIT(l->ports[i].first_lane /
				      CMIS_LANES_PER_BANK);
	return panels;
}

/* @out: @old with the ports of @panels replaced by those of @part */
static void xpo_breakout_merge(const struct xpo_app_layout *old,
			       const struct xpo_app_layout *part, u8 panels,
			       struct xpo_app_layout *out)
{
	const struct xpo_app_layout *from;
	unsigned int b, i;

	memset(out, 0, sizeof(*out));
	for (b = 0; b < XPO_PANEL_PORTS; b++) {
		from = panels & BIT(b) ? part : old;
		for (i = 0; i < from->num_ports; i++) {
			if (from->ports[i].first_lane / CMIS_LANES_PER_BANK != b)
				continue;
			out->ports[out->num_ports] = from->ports[i];
			/* the layout asks for lanes and a rate, not an AppSel */
			out->ports[out->num_ports++].appsel = 0;
		}
	}
}

/* Apply @next (checked), then tell the monitor group */
static int xpo_breakout_apply(struct xpo_cage *cage,
			      const struct xpo_app_layout *next, u8 panels,
			      struct netlink_ext_ack *extack)
{
	int err;

	err = xpo_breakout_provision(cage, next, panels, extack);
	if (err)
		return err;
	mutex_lock(&cage->sm_lock);
	xpo_event_publish(cage, XPO_EV_PORTS, XPO_PROTECT_NUM_COND,
			  XPO_PROTECT_NUM_ACTION);
	mutex_unlock(&cage->sm_lock);
	return 0;
}

/* What every change checks first: the cage, and nobody's lease; sm_lock */
static int xpo_breakout_may(struct xpo_cage *cage,
			    struct netlink_ext_ack *extack)
{
	lockdep_assert_held(&cage->sm_lock);
	if (cage->stopping) {
		NL_SET_ERR_MSG_MOD(extack, "The cage is being removed");
		return -ENODEV;
	}
	return __xpo_cage_guard(cage, XPO_OP_WRITE, NULL, extack);
}

/* The ports a split of @panel (-1: the cage) into @m makes, no AppSel */
static void xpo_breakout_plan(int panel, const struct xpo_app_mode *m,
			      struct xpo_app_layout *plan)
{
	unsigned int i, base = panel < 0 ? 0 : panel * CMIS_LANES_PER_BANK;

	memset(plan, 0, sizeof(*plan));
	plan->num_ports = m->count;
	for (i = 0; i < m->count; i++) {
		plan->ports[i].first_lane = base + i * m->lanes;
		plan->ports[i].lanes = m->lanes;
		plan->ports[i].speed_gbps = m->speed_gbps;
	}
}

/**
 * __xpo_cage_port_split() - split the whole cage or one front-panel port
 * @cage: the cage, its devlink instance lock held
 * @panel: the front-panel port, or -1 for the whole cage
 * @mode: "<count>x<rate>" ("16x800G" of the cage, "2x800G" of a port), or
 *	NULL for @count ports of any rate (devlink port split)
 * @count: with @mode NULL: the number of subports of @panel
 * @dry_run: check and plan only
 * @plan: if not NULL, filled in with the ports the split makes (AppSel 0
 *	without a module)
 * @extack: why not
 *
 * Return: 0; -EINVAL for a mode that is no split of the scope; -EBUSY if
 * a port to replace is split already or up, or the module is leased;
 * -EOPNOTSUPP (or -ENODATA) for a mode the seated module cannot carry,
 * with the modes it can in the message; -ENOMEM.  Nothing changes unless
 * 0 is returned without @dry_run.
 */
int __xpo_cage_port_split(struct xpo_cage *cage, int panel, const char *mode,
			  unsigned int count, bool dry_run,
			  struct xpo_app_layout *plan,
			  struct netlink_ext_ack *extack)
{
	int scope = panel < 0 ? XPO_APP_CAGE : panel;
	u8 panels = panel < 0 ? 0xff : BIT(panel);
	char msg[XPO_APP_MSG_LEN] = "";
	struct xpo_app_layout *next, *part;
	struct xpo_app_table *t;
	struct xpo_app_mode m = {};
	u8 split;
	int err;

	devl_assert_locked(cage->devlink);
	if (mode && xpo_app_mode_parse(mode, scope, &m)) {
		XPO_NL_SET_ERR_MSG_FMT(extack,
				       KBUILD_MODNAME
				       ": No breakout mode of that form (<count>x<rate>, e.g. 16x800G)",
				       "'%.16s' is no breakout of %u lanes (e.g. %s)",
				       mode, panel < 0 ? XPO_LANES :
				       CMIS_LANES_PER_BANK,
				       panel < 0 ? "16x800G" : "2x800G");
		return -EINVAL;
	}
	if (!mode) {
		if (panel < 0 || !count || CMIS_LANES_PER_BANK % count) {
			NL_SET_ERR_MSG_MOD(extack, "Invalid split count");
			return -EINVAL;
		}
		m.count = count;
		m.lanes = CMIS_LANES_PER_BANK / count;
	}
	if (m.lanes >= CMIS_LANES_PER_BANK) {
		NL_SET_ERR_MSG_MOD(extack,
				   "Ports of 8 lanes are no split: port-unsplit gives them");
		return -EINVAL;
	}

	t = kzalloc(sizeof(*t), GFP_KERNEL);
	next = kzalloc(sizeof(*next), GFP_KERNEL);
	part = kzalloc(sizeof(*part), GFP_KERNEL);
	if (!t || !next || !part) {
		err = -ENOMEM;
		goto out_free;
	}

	mutex_lock(&cage->breakout_lock);
	mutex_lock(&cage->sm_lock);
	err = xpo_breakout_may(cage, extack);
	if (err)
		goto out_unlock_sm;
	split = xpo_breakout_split_panels(&cage->layout) & panels;
	if (split) {
		XPO_NL_SET_ERR_MSG_FMT(extack,
				       KBUILD_MODNAME
				       ": Already split: unsplit it first",
				       "Front-panel port %u is already split: unsplit it first",
				       (unsigned int)__ffs(split));
		err = -EBUSY;
		goto out_unlock_sm;
	}
	xpo_breakout_plan(panel, &m, part);
	if (cage->id_valid && cage->id.has_page01) {
		err = xpo_app_table_decode(t, &cage->id);
		/* and the cage's reach profile */
		if (!err && mode)
			err = xpo_app_mode_check(t, mode, scope, cage->reach,
						 part, msg, sizeof(msg));
		else if (!err)
			err = xpo_app_layout_check(t, part, cage->reach, msg,
						   sizeof(msg));
		if (err) {
			XPO_NL_SET_ERR_MSG_FMT(extack,
					       KBUILD_MODNAME
					       ": The module cannot carry this breakout (cage-get lists the ones it can)",
					       "%s", msg);
			goto out_unlock_sm;
		}
	}
	/* else no module to ask: kept, and checked when one is seated */
	mutex_unlock(&cage->sm_lock);

	/* the layout only changes under the cage's breakout_lock */
	xpo_breakout_merge(&cage->layout, part, panels, next);
	if (!dry_run)
		err = xpo_breakout_apply(cage, next, panels, extack);
	if (!err && plan)
		*plan = *part;
	goto out_unlock;

out_unlock_sm:
	mutex_unlock(&cage->sm_lock);
out_unlock:
	mutex_unlock(&cage->breakout_lock);
out_free:
	kfree(part);
	kfree(next);
	kfree(t);
	return err;
}

/*
 * An admin's split (@mode) or unsplit (@mode NULL) of front-panel port
 * @panel of a cage whose ports a switch driver owns: checked here (a dry
 * run, @plan filled in), then made by the owner (struct xpo_attach_ops
 * split), as its own devlink port split would.  Called with no lock held:
 * the owner takes the cage's devlink instance lock and the others in
 * xpo_cage_breakout().  Return: -ENOIOCTLCMD if no owner takes such
 * changes (the core then refuses it as a switch driver's port), or the
 * result.
 */
static int xpo_breakout_by_owner(struct xpo_cage *cage, unsigned int panel,
				 const char *mode, struct xpo_app_layout *plan,
				 struct netlink_ext_ack *extack)
{
	const struct xpo_attach_ops *ops;
	struct xpo_app_layout *p;
	struct xpo_attach *att;
	int err;

	ops = xpo_attach_split_owner(cage, panel, &att);
	if (!ops)
		return -ENOIOCTLCMD;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	err = p ? 0 : -ENOMEM;
	if (!err) {
		devl_lock(cage->devlink);
		if (mode)
			err = __xpo_cage_port_split(cage, panel, mode, 0, true,
						    p, extack);
		else
			err = __xpo_cage_port_unsplit(cage, panel, true, p,
						      extack);
		devl_unlock(cage->devlink);
	}
	if (!err)
		err = ops->split(att, mode ? p->num_ports : 1, extack);
	module_put(ops->owner);
	if (!err && plan)
		*plan = *p;
	kfree(p);
	return err;
}

/*
 * xpo_cage_port_split(): __xpo_cage_port_split() of a named mode, for
 * callers without the devlink instance lock (the xpo family).  A split of
 * one front-panel port of a switch driver's goes to the driver.
 */
int xpo_cage_port_split(struct xpo_cage *cage, int panel, const char *mode,
			bool dry_run, struct xpo_app_layout *plan,
			struct netlink_ext_ack *extack)
{
	int err;

	if (panel >= 0 && !dry_run) {
		err = xpo_breakout_by_owner(cage, panel, mode, plan, extack);
		if (err != -ENOIOCTLCMD)
			return err;
	}
	devl_lock(cage->devlink);
	err = __xpo_cage_port_split(cage, panel, mode, 0, dry_run, plan,
				    extack);
	devl_unlock(cage->devlink);
	return err;
}

/**
 * __xpo_cage_port_unsplit() - undo the split of one front-panel port, or of
 *	every split one of the cage
 * @cage: the cage, its devlink instance lock held
 * @panel: the front-panel port, or -1 for all
 * @dry_run: check and plan only
 * @plan: if not NULL, filled in with the ports it makes: one of 8 lanes
 *	per front-panel port, any rate
 * @extack: why not
 *
 * Return: 0; -EINVAL if there is nothing split to undo; -EBUSY if a port
 * to replace is up or the module is leased; -ENOMEM.
 */
int __xpo_cage_port_unsplit(struct xpo_cage *cage, int panel, bool dry_run,
			    struct xpo_app_layout *plan,
			    struct netlink_ext_ack *extack)
{
	struct xpo_app_layout *next, *part;
	unsigned int b;
	u8 panels;
	int err;

	devl_assert_locked(cage->devlink);
	next = kzalloc(sizeof(*next), GFP_KERNEL);
	part = kzalloc(sizeof(*part), GFP_KERNEL);
	if (!next || !part) {
		err = -ENOMEM;
		goto out_free;
	}

	mutex_lock(&cage->breakout_lock);
	mutex_lock(&cage->sm_lock);
	err = xpo_breakout_may(cage, extack);
	mutex_unlock(&cage->sm_lock);
	if (err)
		goto out;
	panels = xpo_breakout_split_panels(&cage->layout);
	if (panel >= 0 && !(panels & BIT(panel))) {
		XPO_NL_SET_ERR_MSG_FMT(extack,
				       KBUILD_MODNAME
				       ": That front-panel port is not split",
				       "Front-panel port %d is not split", panel);
		err = -EINVAL;
		goto out;
	}
	if (!panels) {
		NL_SET_ERR_MSG_MOD(extack, "No front-panel port of the cage is split");
		err = -EINVAL;
		goto out;
	}
	if (panel >= 0)
		panels = BIT(panel);

	for (b = 0; b < XPO_PANEL_PORTS; b++) {
		if (!(panels & BIT(b)))
			continue;
		part->ports[part->num_ports].first_lane =
			b * CMIS_LANES_PER_BANK;
		part->ports[part->num_ports++].lanes = CMIS_LANES_PER_BANK;
	}
	xpo_breakout_merge(&cage->layout, part, panels, next);
	if (!dry_run)
		err = xpo_breakout_apply(cage, next, panels, extack);
	if (!err && plan)
		*plan = *part;
out:
	mutex_unlock(&cage->breakout_lock);
out_free:
	kfree(part);
	kfree(next);
	return err;
}

/* __xpo_cage_port_unsplit() for callers without the devlink lock */
int xpo_cage_port_unsplit(struct xpo_cage *cage, int panel, bool dry_run,
			  struct xpo_app_layout *plan,
			  struct netlink_ext_ack *extack)
{
	int err;

	if (panel >= 0 && !dry_run) {
		err = xpo_breakout_by_owner(cage, panel, NULL, plan, extack);
		if (err != -ENOIOCTLCMD)
			return err;
	}
	devl_lock(cage->devlink);
	err = __xpo_cage_port_unsplit(cage, panel, dry_run, plan, extack);
	devl_unlock(cage->devlink);
	return err;
}

/* The AppSel (and its reach) of each planned port of @l; sm_lock held */
static void xpo_breakout_planned(struct xpo_cage *cage,
				 struct xpo_app_layout *l)
{
	const struct xpo_app *a;
	struct xpo_app_table *t;
	unsigned int i, j;

	lockdep_assert_held(&cage->sm_lock);
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (t && (!cage->id_valid || xpo_app_table_decode(t, &cage->id))) {
		kfree(t);
		t = NULL;
	}
	for (i = 0; i < l->num_ports; i++) {
		l->ports[i].appsel = 0;
		l->ports[i].reach = 0;
		for (j = 0; j < cage->num_dps; j++) {
			if (cage->dps[j].port != l->ports[i].first_lane)
				continue;
			l->ports[i].appsel = cage->dps[j].m.appsel;
			a = t ? xpo_app_find(t, l->ports[i].appsel) : NULL;
			l->ports[i].reach = a ? a->reach : 0;
			break;
		}
	}
	kfree(t);
}

/**
 * xpo_cage_reach_get() - a cage's reach profile and its ports' applications
 * @cage: the cage
 * @plan: filled in with the cage's ports, the AppSel and reach their data
 *	path runs (0 when none is planned)
 *
 * Return: the profile, 0 for any.
 */
u8 xpo_cage_reach_get(struct xpo_cage *cage, struct xpo_app_layout *plan)
{
	u8 reach;

	mutex_lock(&cage->sm_lock);
	*plan = cage->layout;
	reach = cage->reach;
	xpo_breakout_planned(cage, plan);
	mutex_unlock(&cage->sm_lock);
	return reach;
}

/**
 * xpo_cage_reach_set() - choose the reach profile of every port of a cage
 * @cage: the cage
 * @reach: an enum xpo_reach, 0 for any
 * @dry_run: check and plan only
 * @plan: filled in with the cage's ports and the AppSel (and reach) the
 *	seated module would run on each (0 without a module)
 * @extack: why not
 *
 * The banks whose applications change are provisioned and verified on the
 * seated module as a split's are (xpo_reach_provision()), then planned
 * again: their ports that are up come back up with the new applications;
 * on a failure the module gets the old configuration back and the profile
 * stays.  The other banks are not touched.  A dry run plans what the
 * change would provision (the same check of the layout with the new
 * profile) and changes nothing.
 *
 * Return: 0; -EOPNOTSUPP (or -ENODATA) if the seated module cannot carry
 * the layout with that profile, naming the profiles it has; -EBUSY if the
 * module is leased; -EIO, -ETIMEDOUT, -ENODEV or -EINTR if the module did
 * not take it (xpo_reach_provision()); -ENOMEM.
 */
int xpo_cage_reach_set(struct xpo_cage *cage, u8 reach, bool dry_run,
		       struct xpo_app_layout *plan,
		       struct netlink_ext_ack *extack)
{
	char msg[XPO_APP_MSG_LEN] = "";
	struct xpo_app_table *t;
	int err;

	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;

	mutex_lock(&cage->breakout_lock);
	mutex_lock(&cage->sm_lock);
	err = xpo_breakout_may(cage, extack);
	if (err)
		goto out_unlock_sm;
	*plan = cage->layout;
	if (cage->id_valid && cage->id.has_page01) {
		/* the ports the module has lanes for, as the planner takes them */
		xpo_lanes_trim(cage, plan);
		err = xpo_app_table_decode(t, &cage->id);
		if (!err)
			err = xpo_app_layout_check(t, plan, reach, msg,
						   sizeof(msg));
		if (err) {
			XPO_NL_SET_ERR_MSG_FMT(extack,
					       KBUILD_MODNAME
					       ": The module cannot carry the cage's ports with this reach profile",
					       "%s", msg);
			goto out_unlock_sm;
		}
	}
	/* else no module to ask: kept, and checked when one is seated */
	if (dry_run || reach == cage->reach)
		goto out_unlock_sm;
	mutex_unlock(&cage->sm_lock);

	/* the layout and the profile only change under the breakout_lock */
	err = xpo_reach_provision(cage, reach, extack);
	if (!err) {
		mutex_lock(&cage->sm_lock);
		xpo_event_publish(cage, XPO_EV_PORTS, XPO_PROTECT_NUM_COND,
				  XPO_PROTECT_NUM_ACTION);
		mutex_unlock(&cage->sm_lock);
	}
	goto out_unlock;

out_unlock_sm:
	mutex_unlock(&cage->sm_lock);
out_unlock:
	mutex_unlock(&cage->breakout_lock);
	kfree(t);
	return err;
}
