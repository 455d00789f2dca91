// SPDX-License-Identifier: GPL-2.0
/*
 * The protection's admin interface on the cage device
 * (/sys/bus/platform/devices/xpo_cage.N/protection/), until the netlink
 * API carries it:
 *
 *   leak, flow_low, overtemp   rw  off | alert | low-power | power-off
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

static ssize_t xpo_policy_show(struct device *dev, enum xpo_protect_cond c,
			       char *buf)
{
	struct xpo_protect p;

	xpo_cage_protect_get(xpo_dev_cage(dev), &p);
	return sysfs_emit(buf, "%s\n", xpo_protect_action_name(p.policy[c]));
}

static ssize_t xpo_policy_store(struct device *dev, enum xpo_protect_cond c,
				const char *buf, size_t count)
{
	int action = xpo_protect_action_parse(buf);
	int ret;

	if (action < 0)
		return action;
	ret = xpo_cage_protect_set(xpo_dev_cage(dev), c, action);
	return ret ?: count;
}

#define XPO_POLICY_ATTR(name, cond)					\
static ssize_t name##_show(struct device *dev,				\
			   struct device_attribute *attr, char *buf)	\
{									\
	return xpo_policy_show(dev, cond, buf);				\
}									\
static ssize_t name##_store(struct device *dev,				\
			    struct device_attribute *attr,		\
			    const char *buf, size_t count)		\
{									\
	return xpo_policy_store(dev, cond, buf, count);			\
}									\
static DEVICE_ATTR_RW(name)

XPO_POLICY_ATTR(leak, XPO_PROTECT_LEAK);
XPO_POLICY_ATTR(flow_low, XPO_PROTECT_FLOW_LOW);
XPO_POLICY_ATTR(overtemp, XPO_PROTECT_OVERTEMP);

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
	&dev_attr_leak.attr,
	&dev_attr_flow_low.attr,
	&dev_attr_overtemp.attr,
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
