// SPDX-License-Identifier: GPL-2.0
/*
 * hwmon: one chip "xpo" per cage, the cage device as parent, so lm-sensors
 * names them xpo-isa-<cage> (it takes the address of a platform device
 * from the number after the dot of its name).
 *
 *   temp1   Module case          00h:14, thresholds 02h:128-135, flags 00h:9
 *   temp2   Coolant inlet        B0h:132
 *   temp3   Coolant outlet       B0h:134, max/crit B0h:166/164, flags B0h:139
 *   temp4+  Optical engine N     B0h:142+2N, max/crit B0h:174/172, flags B0h:140
 *   in0     Module supply        00h:16, thresholds 02h:136-143, flags 00h:9
 *   power1  Module power         B0h:130; max: the module's (B0h:128),
 *                                crit: the cage's budget; flags B0h:139
 *   fan1    Coolant flow [dL/h]  B0h:136 (mL/min x 6), min/lcrit B0h:170/168,
 *                                flags B0h:139 (the aquacomputer_d5next way)
 *
 * Values come from the cage's shared telemetry snapshot (xpo_telemetry.c,
 * refreshed at most every update_interval ms).  An alarm is 1 while its
 * condition holds in the snapshot, or if the module latched its flag since
 * the attribute was last read (the flags themselves are read, and cleared,
 * by the state machine on IntL).  Every sensor is served while the module
 * answers management: in low power (where the protection may hold it), on
 * its way up and ready.  Channels a module lacks (an air-cooled module has
 * no page B0h), an empty or powered-off cage, a module still being
 * identified and one in fault answer -ENODATA.
 */
#include <linux/device.h>
#include <linux/err.h>
#include <linux/hwmon.h>

#include "xpo_compat.h"
#include "xpo_core.h"

#define XPO_HWMON_ENGINE_CHAN	3	/* temp channel of engine 0 */
#define XPO_HWMON_TEMP_CHANS	(XPO_HWMON_ENGINE_CHAN + XPO_TLM_ENGINES_MAX)

static const char * const xpo_hwmon_temp_labels[XPO_HWMON_TEMP_CHANS] = {
	"Module case", "Coolant inlet", "Coolant outlet",
	"Optical engine 0", "Optical engine 1", "Optical engine 2",
	"Optical engine 3", "Optical engine 4", "Optical engine 5",
	"Optical engine 6", "Optical engine 7",
};

/* B0h:off of the snapshot */
static u16 xpo_b0_u16(const struct xpo_telemetry *t, unsigned int off)
{
	return get_unaligned_be16(&t->b0[off - XPO_TLM_FIRST]);
}

static s16 xpo_b0_s16(const struct xpo_telemetry *t, unsigned int off)
{
	return (s16)xpo_b0_u16(t, off);
}

static s16 xpo_p02_s16(const struct xpo_telemetry *t, unsigned int off)
{
	return (s16)get_unaligned_be16(&t->p02[off - CMIS_P02_TEMP_HALARM]);
}

static u16 xpo_p02_u16(const struct xpo_telemetry *t, unsigned int off)
{
	return get_unaligned_be16(&t->p02[off - CMIS_P02_TEMP_HALARM]);
}

/* 1/256 degC -> millidegrees */
static long xpo_mdegc(s16 v)
{
	return DIV_ROUND_CLOSEST((long)v * 1000, 256);
}

/*
 * An alarm: latched since the last read of this attribute, or the
 * condition now.  Reading clears the latch bit (io_lock).
 */
static long xpo_hwmon_alarm(struct xpo_cage *cage, unsigned int idx, u8 bit,
			    bool now)
{
	u8 fl[3];
	bool latched;

	xpo_cmis_lock(cage);
	xpo_broker_take(cage, XPO_CLIENT_HWMON, 0, 0x00, CMIS_TEMP_VCC_FLAGS,
			&fl[0], 1, true);
	xpo_broker_take(cage, XPO_CLIENT_HWMON, 0, XPO_PAGE_TELEMETRY,
			XPO_TLM_FLAGS, &fl[1], 2, true);
	cage->alarm_latch[0] |= fl[0];
	cage->alarm_latch[1] |= fl[1];
	cage->alarm_latch[2] |= fl[2];
	latched = cage->alarm_latch[idx] & bit;
	cage->alarm_latch[idx] &= ~bit;
	xpo_cmis_unlock(cage);
	return latched || now;
}

enum { XPO_LATCH_TEMP_VCC, XPO_LATCH_TLM, XPO_LATCH_ENGINES };

static int xpo_hwmon_read_temp(struct xpo_cage *cage,
			       const struct xpo_telemetry *t, u32 attr,
			       int ch, long *val)
{
	s16 v, halarm, hwarn;
	u8 hbit, wbit;

	if (ch == 0) {
		v = t->temp;
		switch (attr) {
		case hwmon_temp_input:
			*val = xpo_mdegc(v);
			return 0;
		case hwmon_temp_crit:
			*val = xpo_mdegc(xpo_p02_s16(t, CMIS_P02_TEMP_HALARM));
			return 0;
		case hwmon_temp_max:
			*val = xpo_mdegc(xpo_p02_s16(t, CMIS_P02_TEMP_HWARN));
			return 0;
		case hwmon_temp_lcrit:
			*val = xpo_mdegc(xpo_p02_s16(t, CMIS_P02_TEMP_LALARM));
			return 0;
		case hwmon_temp_min:
			*val = xpo_mdegc(xpo_p02_s16(t, CMIS_P02_TEMP_LWARN));
			return 0;
		case hwmon_temp_crit_alarm:
			*val = xpo_hwmon_alarm(cage, XPO_LATCH_TEMP_VCC,
					       CMIS_FLAG_TEMP_HALARM,
					       v >= xpo_p02_s16(t, CMIS_P02_TEMP_HALARM));
			return 0;
		case hwmon_temp_max_alarm:
			*val = xpo_hwmon_alarm(cage, XPO_LATCH_TEMP_VCC,
					       CMIS_FLAG_TEMP_HWARN,
					       v >= xpo_p02_s16(t, CMIS_P02_TEMP_HWARN));
			return 0;
		case hwmon_temp_lcrit_alarm:
			*val = xpo_hwmon_alarm(cage, XPO_LATCH_TEMP_VCC,
					       CMIS_FLAG_TEMP_LALARM,
					       v <= xpo_p02_s16(t, CMIS_P02_TEMP_LALARM));
			return 0;
		case hwmon_temp_min_alarm:
			*val = xpo_hwmon_alarm(cage, XPO_LATCH_TEMP_VCC,
					       CMIS_FLAG_TEMP_LWARN,
					       v <= xpo_p02_s16(t, CMIS_P02_TEMP_LWARN));
			return 0;
		}
		return -EOPNOTSUPP;
	}

	if (!t->has_page)
		return -ENODATA;
	if (ch == 1) {
		if (attr != hwmon_temp_input)
			return -EOPNOTSUPP;
		*val = xpo_mdegc(xpo_b0_s16(t, XPO_TLM_COOLANT_IN));
		return 0;
	}
	if (ch == 2) {
		v = xpo_b0_s16(t, XPO_TLM_COOLANT_OUT);
		halarm = xpo_b0_s16(t, XPO_TLM_OUT_HALARM);
		hwarn = xpo_b0_s16(t, XPO_TLM_OUT_HWARN);
		hbit = XPO_TLM_FLAG_OUT_HALARM;
		wbit = XPO_TLM_FLAG_OUT_HWARN;
	} else {
		unsigned int e = ch - XPO_HWMON_ENGINE_CHAN;

		if (e >= min_t(unsigned int, t->b0[XPO_TLM_ENGINES - XPO_TLM_FIRST],
			       XPO_TLM_ENGINES_MAX))
			return -ENODATA;
		v = xpo_b0_s16(t, XPO_TLM_ENGINE_TEMP + 2 * e);
		halarm = xpo_b0_s16(t, XPO_TLM_ENGINE_HALARM);
		hwarn = xpo_b0_s16(t, XPO_TLM_ENGINE_HWARN);
		hbit = BIT(e);
		wbit = 0;	/* engines latch one over-temperature flag */
	}
	switch (attr) {
	case hwmon_temp_input:
		*val = xpo_mdegc(v);
		return 0;
	case hwmon_temp_crit:
		*val = xpo_mdegc(halarm);
		return 0;
	case hwmon_temp_max:
		*val = xpo_mdegc(hwarn);
		return 0;
	case hwmon_temp_crit_alarm:
		*val = xpo_hwmon_alarm(cage, ch == 2 ? XPO_LATCH_TLM :
				       XPO_LATCH_ENGINES, hbit, v >= halarm);
		return 0;
	case hwmon_temp_max_alarm:
		*val = wbit ? xpo_hwmon_alarm(cage, XPO_LATCH_TLM, wbit,
					      v >= hwarn) : v >= hwarn;
		return 0;
	}
	return -EOPNOTSUPP;
}

static int xpo_hwmon_read_in(struct xpo_cage *cage,
			     const struct xpo_telemetry *t, u32 attr, long *val)
{
	u16 v = t->vcc;

	switch (attr) {
	case hwmon_in_input:
		*val = v / 10;			/* 100 uV -> mV */
		return 0;
	case hwmon_in_crit:
		*val = xpo_p02_u16(t, CMIS_P02_VCC_HALARM) / 10;
		return 0;
	case hwmon_in_max:
		*val = xpo_p02_u16(t, CMIS_P02_VCC_HWARN) / 10;
		return 0;
	case hwmon_in_lcrit:
		*val = xpo_p02_u16(t, CMIS_P02_VCC_LALARM) / 10;
		return 0;
	case hwmon_in_min:
		*val = xpo_p02_u16(t, CMIS_P02_VCC_LWARN) / 10;
		return 0;
	case hwmon_in_crit_alarm:
		*val = xpo_hwmon_alarm(cage, XPO_LATCH_TEMP_VCC,
				       CMIS_FLAG_VCC_HALARM,
				       v >= xpo_p02_u16(t, CMIS_P02_VCC_HALARM));
		return 0;
	case hwmon_in_lcrit_alarm:
		*val = xpo_hwmon_alarm(cage, XPO_LATCH_TEMP_VCC,
				       CMIS_FLAG_VCC_LALARM,
				       v <= xpo_p02_u16(t, CMIS_P02_VCC_LALARM));
		return 0;
	}
	return -EOPNOTSUPP;
}

static int xpo_hwmon_read_power(struct xpo_cage *cage,
				const struct xpo_telemetry *t, u32 attr,
				long *val)
{
	u16 p;

	if (!t->has_page)
		return -ENODATA;
	p = xpo_b0_u16(t, XPO_TLM_POWER);
	switch (attr) {
	case hwmon_power_input:
		*val = (long)p * 10000;			/* 10 mW -> uW */
		return 0;
	case hwmon_power_max:
		*val = (long)xpo_b0_u16(t, XPO_TLM_MAX_POWER) * 10000;
		return 0;
	case hwmon_power_max_alarm:
		*val = xpo_hwmon_alarm(cage, XPO_LATCH_TLM,
				       XPO_TLM_FLAG_POWER_HWARN,
				       p >= xpo_b0_u16(t, XPO_TLM_POWER_HWARN));
		return 0;
	case hwmon_power_crit_alarm:
		*val = xpo_hwmon_alarm(cage, XPO_LATCH_TLM,
				       XPO_TLM_FLAG_POWER_HALARM,
				       p >= xpo_b0_u16(t, XPO_TLM_POWER_HALARM));
		return 0;
	}
	return -EOPNOTSUPP;
}

/* mL/min -> dL/h */
#define XPO_FLOW_DLH(mlpm)	((long)(mlpm) * 6 / 10)

static int xpo_hwmon_read_fan(struct xpo_cage *cage,
			      const struct xpo_telemetry *t, u32 attr,
			      long *val)
{
	u16 f = xpo_b0_u16(t, XPO_TLM_COOLANT_FLOW);

	if (!t->has_page)
		return -ENODATA;
	switch (attr) {
	case hwmon_fan_input:
		*val = XPO_FLOW_DLH(f);
		return 0;
	case hwmon_fan_min:
		*val = XPO_FLOW_DLH(xpo_b0_u16(t, XPO_TLM_FLOW_LWARN));
		return 0;
	case hwmon_fan_min_alarm:
		*val = xpo_hwmon_alarm(cage, XPO_LATCH_TLM,
				       XPO_TLM_FLAG_FLOW_LWARN,
				       f < xpo_b0_u16(t, XPO_TLM_FLOW_LWARN));
		return 0;
	case hwmon_fan_alarm:
		*val = xpo_hwmon_alarm(cage, XPO_LATCH_TLM,
				       XPO_TLM_FLAG_FLOW_LALARM,
				       f < xpo_b0_u16(t, XPO_TLM_FLOW_LALARM));
		return 0;
	}
	return -EOPNOTSUPP;
}

static int xpo_hwmon_read(struct device *dev, enum hwmon_sensor_types type,
			  u32 attr, int ch, long *val)
{
	struct xpo_cage *cage = dev_get_drvdata(dev);
	struct xpo_telemetry t;
	int ret;

	if (type == hwmon_chip && attr == hwmon_chip_update_interval) {
		*val = READ_ONCE(cage->tlm_interval_ms);
		return 0;
	}
	/* the cage's budget: known without a module, read from no snapshot */
	if (type == hwmon_power && attr == hwmon_power_crit) {
		*val = (long)cage->max_power_mw * 1000;
		return 0;
	}

	ret = xpo_telemetry_get(cage, &t, 0);
	if (ret)
		return ret;
	switch (type) {
	case hwmon_temp:
		return xpo_hwmon_read_temp(cage, &t, attr, ch, val);
	case hwmon_in:
		return xpo_hwmon_read_in(cage, &t, attr, val);
	case hwmon_power:
		return xpo_hwmon_read_power(cage, &t, attr, val);
	case hwmon_fan:
		return xpo_hwmon_read_fan(cage, &t, attr, val);
	default:
		return -EOPNOTSUPP;
	}
}

static int xpo_hwmon_write(struct device *dev, enum hwmon_sensor_types type,
			   u32 attr, int ch, long val)
{
	struct xpo_cage *cage = dev_get_drvdata(dev);

	if (type != hwmon_chip || attr != hwmon_chip_update_interval)
		return -EOPNOTSUPP;
	if (val < XPO_TELEMETRY_INTERVAL_MS_MIN ||
	    val > XPO_TELEMETRY_INTERVAL_MS_MAX)
		return -EINVAL;
	WRITE_ONCE(cage->tlm_interval_ms, val);
	return 0;
}

static int xpo_hwmon_read_string(struct device *dev,
				 enum hwmon_sensor_types type, u32 attr,
				 int ch, const char **str)
{
	switch (type) {
	case hwmon_temp:
		*str = xpo_hwmon_temp_labels[ch];
		return 0;
	case hwmon_in:
		*str = "Module supply";
		return 0;
	case hwmon_power:
		*str = "Module power";
		return 0;
	case hwmon_fan:
		*str = "Coolant flow [dL/h]";
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

static umode_t xpo_hwmon_is_visible(const void *data,
				    enum hwmon_sensor_types type, u32 attr,
				    int ch)
{
	if (type == hwmon_chip && attr == hwmon_chip_update_interval)
		return 0644;
	return 0444;
}

#define XPO_TEMP_FULL	(HWMON_T_INPUT | HWMON_T_LABEL | HWMON_T_MAX | \
			 HWMON_T_CRIT | HWMON_T_MAX_ALARM | HWMON_T_CRIT_ALARM)

static const struct hwmon_channel_info *XPO_HWMON_INFO_CONST xpo_hwmon_info[] = {
	HWMON_CHANNEL_INFO(chip, HWMON_C_UPDATE_INTERVAL),
	HWMON_CHANNEL_INFO(temp,
			   XPO_TEMP_FULL | HWMON_T_MIN | HWMON_T_LCRIT |
			   HWMON_T_MIN_ALARM | HWMON_T_LCRIT_ALARM,
			   HWMON_T_INPUT | HWMON_T_LABEL,
			   XPO_TEMP_FULL,
			   XPO_TEMP_FULL, XPO_TEMP_FULL, XPO_TEMP_FULL,
			   XPO_TEMP_FULL, XPO_TEMP_FULL, XPO_TEMP_FULL,
			   XPO_TEMP_FULL, XPO_TEMP_FULL),
	HWMON_CHANNEL_INFO(in,
			   HWMON_I_INPUT | HWMON_I_LABEL | HWMON_I_MIN |
			   HWMON_I_MAX | HWMON_I_LCRIT | HWMON_I_CRIT |
			   HWMON_I_LCRIT_ALARM | HWMON_I_CRIT_ALARM),
	HWMON_CHANNEL_INFO(power,
			   HWMON_P_INPUT | HWMON_P_LABEL | HWMON_P_MAX |
			   HWMON_P_CRIT | HWMON_P_MAX_ALARM |
			   HWMON_P_CRIT_ALARM),
	HWMON_CHANNEL_INFO(fan,
			   HWMON_F_INPUT | HWMON_F_LABEL | HWMON_F_MIN |
			   HWMON_F_MIN_ALARM | HWMON_F_ALARM),
	NULL
};

static const struct hwmon_ops xpo_hwmon_ops = {
	.is_visible	= xpo_hwmon_is_visible,
	.read		= xpo_hwmon_read,
	.read_string	= xpo_hwmon_read_string,
	.write		= xpo_hwmon_write,
};

static const struct hwmon_chip_info xpo_hwmon_chip = {
	.ops	= &xpo_hwmon_ops,
	.info	= xpo_hwmon_info,
};

/* At probe; devm undoes it before the cage goes */
int xpo_hwmon_register(struct xpo_cage *cage)
{
	struct device *hwmon;

	cage->tlm_interval_ms = xpo_telemetry_default_interval();
	hwmon = devm_hwmon_device_register_with_info(cage->dev, "xpo", cage,
						     &xpo_hwmon_chip, NULL);
	if (IS_ERR(hwmon))
		return PTR_ERR(hwmon);
	cage->hwmon = hwmon;
	return 0;
}
