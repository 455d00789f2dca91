// SPDX-License-Identifier: GPL-2.0
/*
 * The protection's admin interface on the cage device
 * (/sys/bus/platform/devices/xpo_cage.N/protection/), until the netlink
 * API carries it:
 *
 *   leak, flow_low, overtemp   rw  off | alert | low-power | power-off
 *   flow_min                   rw  host's flow limit, mL/min (0: none)
 *   temp_max                   rw  host's case/engine temperature limit,
 *                                  millidegrees C (0: none)
 *   status                     ro  "armed" or "tripped <cond> <action>"
 *   rearm                      wo  1: lift a trip; EBUSY while the cause
 *                                  is still present
 *
 * Writes need CAP_SYS_ADMIN like any root-owned 0644/0200 sysfs file.
 */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/sysfs.h>

#include "xpo_core.h"

static struct xpo_cage *xpo_dev_cage(struct device *dev)
{
	return dev_get_drvdata(dev);
}

/* One file per condition (policy or limit): the attribute knows it */
struct xpo_policy_attr {
	struct device_attribute attr;
	enum xpo_protect_cond cond;
};

static enum xpo_protect_cond xpo_attr_cond(struct device_attribute *attr)
{
	return container_of(attr, struct xpo_policy_attr, attr)->cond;
}

static ssize_t policy_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	struct xpo_protect p;

	xpo_cage_protect_get(xpo_dev_cage(dev), &p);
	return sysfs_emit(buf, "%s\n",
			  xpo_protect_action_name(p.policy[xpo_attr_cond(attr)]));
}

static ssize_t policy_store(struct device *dev, struct device_attribute *attr,
			    const char *buf, size_t count)
{
	int action = xpo_protect_action_parse(buf);
	int ret;

	if (action < 0)
		return action;
	ret = xpo_cage_protect_set(xpo_dev_cage(dev), xpo_attr_cond(attr),
				   action);
	return ret ?: count;
}

#define XPO_POLICY_ATTR(_name, _cond)					\
	struct xpo_policy_attr dev_attr_##_name = {			\
		.attr = __ATTR(_name, 0644, policy_show, policy_store),	\
		.cond = _cond,						\
	}

static XPO_POLICY_ATTR(leak, XPO_PROTECT_LEAK);
static XPO_POLICY_ATTR(flow_low, XPO_PROTECT_FLOW_LOW);
static XPO_POLICY_ATTR(overtemp, XPO_PROTECT_OVERTEMP);

static ssize_t limit_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	struct xpo_protect p;

	xpo_cage_protect_get(xpo_dev_cage(dev), &p);
	return sysfs_emit(buf, "%d\n", p.limit[xpo_attr_cond(attr)]);
}

static ssize_t limit_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	const char *why;
	s32 value;
	int ret;

	ret = kstrtos32(buf, 10, &value);
	if (ret)
		return ret;
	ret = xpo_cage_protect_set_limit(xpo_dev_cage(dev), xpo_attr_cond(attr),
					 value, &why);
	if (ret == -EINVAL && why)
		dev_notice(dev, "protection limit refused: %s\n", why);
	return ret ?: count;
}

#define XPO_LIMIT_ATTR(_name, _cond)					\
	struct xpo_policy_attr dev_attr_##_name = {			\
		.attr = __ATTR(_name, 0644, limit_show, limit_store),	\
		.cond = _cond,						\
	}

static XPO_LIMIT_ATTR(flow_min, XPO_PROTECT_FLOW_LOW);
static XPO_LIMIT_ATTR(temp_max, XPO_PROTECT_OVERTEMP);

static ssize_t status_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	struct xpo_protect p;

	xpo_cage_protect_get(xpo_dev_cage(dev), &p);
	if (!p.tripped)
		return sysfs_emit(buf, "armed\n");
	return sysfs_emit(buf, "tripped %s %s\n",
			  xpo_protect_cond_name(p.reason),
			  xpo_protect_action_name(p.action));
}
static DEVICE_ATTR_RO(status);

static ssize_t rearm_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	struct xpo_cage *cage = xpo_dev_cage(dev);
	const char *why;
	bool yes;
	int ret;

	if (kstrtobool(buf, &yes) || !yes)
		return -EINVAL;
	ret = xpo_cage_protect_rearm(cage, &why);
	if (ret && why)
		dev_notice(dev, "protection not re-armed: %s\n", why);
	return ret ?: count;
}
static DEVICE_ATTR_WO(rearm);

static struct attribute *xpo_protect_attrs[] = {
	&dev_attr_leak.attr.attr,
	&dev_attr_flow_low.attr.attr,
	&dev_attr_overtemp.attr.attr,
	&dev_attr_flow_min.attr.attr,
	&dev_attr_temp_max.attr.attr,
	&dev_attr_status.attr,
	&dev_attr_rearm.attr,
	NULL
};

static const struct attribute_group xpo_protect_group = {
	.name	= "protection",
	.attrs	= xpo_protect_attrs,
};

const struct attribute_group *xpo_cage_groups[] = {
	&xpo_protect_group,
	NULL
};
