// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl sensor show [CAGE]`: the cages' hwmon chips through libsensors, so
 * that sensors.conf labels, compute rules and ignores apply as they do for
 * sensors(1).  The driver registers one chip named "xpo" per cage, with the
 * cage's platform device (xpo_cage.N) as parent: libsensors calls it
 * xpo-isa-N, an ISA chip at address N.  N is the platform device's id,
 * which is the cage number only on a single board (the emulator numbers
 * cage C of board B 16B + C): the cage is the one whose port netdevs are
 * the chip's siblings, named as the kernel names a cage's ports.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sensors/error.h>
#include <sensors/sensors.h>

#include "xpoctl.h"
#include "table.h"

#define CHIP_PREFIX "xpo"

/* Address of an xpo chip (xpo-isa-N), or -1 for another chip */
int sensor_chip_cage(const char *prefix, int bus_type, int addr)
{
	if (!prefix || strcmp(prefix, CHIP_PREFIX) ||
	    bus_type != SENSORS_BUS_TYPE_ISA || addr < 0)
		return -1;
	return addr;
}

/* the cage of the first port netdev in @dir (a cage device's net/) */
static bool net_dir_cage(const char *dir, struct cage_ref *c)
{
	struct dirent *e;
	bool found = false;
	DIR *d = opendir(dir);

	if (!d)
		return false;
	while (!found && (e = readdir(d)))
		found = port_name_cage(e->d_name, &c->board, &c->id);
	closedir(d);
	return found;
}

/*
 * The cage of an xpo chip: the hwmon device's parent is the cage device,
 * and the cage's ports are netdevs under it.  libsensors's path is the
 * hwmon device (attributes in hwmonN/) or, for an old-style chip, the
 * parent itself: both are tried.  A cage without port netdevs keeps the
 * old reading, the address as the cage number of board 0.
 */
static bool chip_cage(const sensors_chip_name *chip, struct cage_ref *c)
{
	int addr = sensor_chip_cage(chip->prefix, chip->bus.type, chip->addr);
	char dir[600];

	if (addr < 0)
		return false;
	if (chip->path) {
		snprintf(dir, sizeof(dir), "%s/device/net", chip->path);
		if (net_dir_cage(dir, c))
			return true;
		snprintf(dir, sizeof(dir), "%s/net", chip->path);
		if (net_dir_cage(dir, c))
			return true;
	}
	c->board = 0;
	c->id = addr;
	return true;
}

static const char *feature_unit(sensors_feature_type t)
{
	switch (t) {
	case SENSORS_FEATURE_IN:
		return "V";
	case SENSORS_FEATURE_FAN:
		/* the cages' only fan channel: coolant flow, see flow_raw() */
		return "L/min";
	case SENSORS_FEATURE_TEMP:
		return "C";
	case SENSORS_FEATURE_POWER:
		return "W";
	case SENSORS_FEATURE_CURR:
		return "A";
	case SENSORS_FEATURE_ENERGY:
		return "J";
	case SENSORS_FEATURE_HUMIDITY:
		return "%RH";
	default:
		return "";
	}
}

/*
 * Coolant flow: hwmon has no flow type, so the driver serves it as fan1 in
 * dL/h (Documentation/hwmon.rst), and a sensors.conf compute rule may
 * rescale it (contrib/sensors.d/xpo.conf makes it mL/min for sensors(1)),
 * which libsensors applies without saying.  xpoctl reads the chip's own
 * sysfs file, so the number is L/min whatever the configuration.
 */
#define DL_H_PER_L_MIN 600.0	/* 1 L/min = 10 dL / (1/60 h) */

static int flow_raw(const sensors_chip_name *chip, const sensors_subfeature *sf,
		    double *l_min)
{
	char path[512];
	FILE *f;
	long v;
	int n;

	if (!chip->path)
		return -ENOENT;
	snprintf(path, sizeof(path), "%s/%s", chip->path, sf->name);
	f = fopen(path, "r");
	if (!f)
		return -errno;
	/* ENODATA (empty cage, module not ready) fails the read */
	n = fscanf(f, "%ld", &v);
	fclose(f);
	if (n != 1)
		return -ENODATA;
	*l_min = v / DL_H_PER_L_MIN;
	return 0;
}

/* "Coolant flow [mL/min]" (a sensors.conf label): the unit is ours */
static void strip_unit(char *label)
{
	char *b = label ? strstr(label, " [") : NULL;

	if (b && strchr(b, ']'))
		*b = '\0';
}

struct sub_vals {
	bool has_input, has_min, has_max, has_crit, has_lcrit;
	double input, min, max, crit, lcrit;
	bool alarm;
	int input_err;
};

static void read_subs(const sensors_chip_name *chip,
		      const sensors_feature *f, struct sub_vals *v)
{
	const sensors_subfeature *sf;
	int i = 0;

	memset(v, 0, sizeof(*v));
	while ((sf = sensors_get_all_subfeatures(chip, f, &i))) {
		double val;
		int err;

		if (!(sf->flags & SENSORS_MODE_R))
			continue;
		if (f->type == SENSORS_FEATURE_FAN &&
		    (sf->type == SENSORS_SUBFEATURE_FAN_INPUT ||
		     sf->type == SENSORS_SUBFEATURE_FAN_MIN))
			err = flow_raw(chip, sf, &val);
		else
			err = sensors_get_value(chip, sf->number, &val);
		switch (sf->type) {
		case SENSORS_SUBFEATURE_IN_INPUT:
		case SENSORS_SUBFEATURE_FAN_INPUT:
		case SENSORS_SUBFEATURE_TEMP_INPUT:
		case SENSORS_SUBFEATURE_POWER_INPUT:
		case SENSORS_SUBFEATURE_POWER_AVERAGE:
		case SENSORS_SUBFEATURE_CURR_INPUT:
		case SENSORS_SUBFEATURE_HUMIDITY_INPUT:
			v->has_input = !err;
			v->input = val;
			v->input_err = err;
			break;
		case SENSORS_SUBFEATURE_IN_MAX:
		case SENSORS_SUBFEATURE_POWER_MAX:
		case SENSORS_SUBFEATURE_CURR_MAX:
			v->has_max = !err;
			v->max = val;
			break;
		case SENSORS_SUBFEATURE_TEMP_MIN:
		case SENSORS_SUBFEATURE_FAN_MIN:
		case SENSORS_SUBFEATURE_CURR_MIN:
			v->has_min = !err;
			v->min = val;
			break;
		case SENSORS_SUBFEATURE_TEMP_CRIT:
		case SENSORS_SUBFEATURE_IN_CRIT:
		case SENSORS_SUBFEATURE_POWER_CRIT:
		case SENSORS_SUBFEATURE_CURR_CRIT:
			v->has_crit = !err;
			v->crit = val;
			break;
		case SENSORS_SUBFEATURE_TEMP_LCRIT:
		case SENSORS_SUBFEATURE_IN_LCRIT:
		case SENSORS_SUBFEATURE_CURR_LCRIT:
			v->has_lcrit = !err;
			v->lcrit = val;
			break;
		case SENSORS_SUBFEATURE_TEMP_ALARM:
		case SENSORS_SUBFEATURE_IN_ALARM:
		case SENSORS_SUBFEATURE_FAN_ALARM:
		case SENSORS_SUBFEATURE_POWER_ALARM:
		case SENSORS_SUBFEATURE_CURR_ALARM:
		case SENSORS_SUBFEATURE_TEMP_MAX_ALARM:
		case SENSORS_SUBFEATURE_TEMP_MIN_ALARM:
		case SENSORS_SUBFEATURE_TEMP_CRIT_ALARM:
		case SENSORS_SUBFEATURE_TEMP_LCRIT_ALARM:
		case SENSORS_SUBFEATURE_IN_MAX_ALARM:
		case SENSORS_SUBFEATURE_IN_MIN_ALARM:
		case SENSORS_SUBFEATURE_IN_CRIT_ALARM:
		case SENSORS_SUBFEATURE_IN_LCRIT_ALARM:
		case SENSORS_SUBFEATURE_POWER_MAX_ALARM:
		case SENSORS_SUBFEATURE_POWER_CRIT_ALARM:
			if (!err && val != 0.0)
				v->alarm = true;
			break;
		case SENSORS_SUBFEATURE_IN_MIN:
			v->has_min = !err;
			v->min = val;
			break;
		case SENSORS_SUBFEATURE_TEMP_MAX:
			v->has_max = !err;
			v->max = val;
			break;
		default:
			break;
		}
	}
}

static void fmt_val(char *buf, size_t n, bool has, double v, const char *unit)
{
	if (has)
		snprintf(buf, n, "%.2f %s", v, unit);
	else
		snprintf(buf, n, "-");
}

int cmd_sensor_show(struct xpoctl *x, int argc, char **argv)
{
	static const char *const head[] = { "CAGE", "SENSOR", "VALUE", "MIN",
					    "MAX", "LCRIT", "CRIT", "ALARM" };
	static const bool right[] = { true, false, true, true, true, true, true,
				      false };
	char name[CAGE_NAME_LEN];
	const sensors_chip_name *chip;
	struct cage_ref want;
	struct table t;
	int nr = 0, found = 0, err, ret = XE_OK;
	bool one;

	ret = cage_opt_parse(x, "sensor show", argc, argv, &want, &one);
	if (ret)
		return ret;

	err = sensors_init(NULL);
	if (err) {
		fprintf(stderr, "xpoctl: libsensors: %s\n", sensors_strerror(err));
		return XE_FAIL;
	}
	table_init(&t, 8, head, right);
	if (x->json) {
		jw_obj_open(&x->jw);
		jw_name(&x->jw, "sensors");
		jw_arr_open(&x->jw);
	}
	while ((chip = sensors_get_detected_chips(NULL, &nr))) {
		const sensors_feature *f;
		struct cage_ref cage;
		int fi = 0;

		if (!chip_cage(chip, &cage) ||
		    (one && (cage.board != want.board || cage.id != want.id)))
			continue;
		found++;
		cage_ref_name(cage.board, cage.id, name, sizeof(name));
		while ((f = sensors_get_features(chip, &fi))) {
			char *label = sensors_get_label(chip, f);
			const char *unit = feature_unit(f->type);
			struct sub_vals v;
			char b[5][32];

			read_subs(chip, f, &v);
			if (f->type == SENSORS_FEATURE_FAN)
				strip_unit(label);
			if (x->json) {
				struct jw *jw = &x->jw;

				jw_obj_open(jw);
				jw_kv_uint(jw, "board", cage.board);
				jw_kv_uint(jw, "cage", cage.id);
				jw_kv_string(jw, "chip", chip->prefix);
				jw_kv_string(jw, "name", f->name);
				jw_kv_string(jw, "label", label ? label : f->name);
				jw_kv_string(jw, "unit", unit);
				jw_name(jw, "value");
				if (v.has_input)
					jw_float(jw, v.input, 3);
				else
					jw_null(jw);
				if (v.has_min)
					jw_kv_float(jw, "min", v.min, 3);
				if (v.has_max)
					jw_kv_float(jw, "max", v.max, 3);
				if (v.has_lcrit)
					jw_kv_float(jw, "lcrit", v.lcrit, 3);
				if (v.has_crit)
					jw_kv_float(jw, "crit", v.crit, 3);
				jw_kv_bool(jw, "alarm", v.alarm);
				jw_obj_close(jw);
			} else {
				if (v.has_input)
					fmt_val(b[0], sizeof(b[0]), true, v.input, unit);
				else
					/* an empty cage or a module not ready: ENODATA */
					snprintf(b[0], sizeof(b[0]), "no data");
				fmt_val(b[1], sizeof(b[1]), v.has_min, v.min, unit);
				fmt_val(b[2], sizeof(b[2]), v.has_max, v.max, unit);
				fmt_val(b[3], sizeof(b[3]), v.has_lcrit, v.lcrit, unit);
				fmt_val(b[4], sizeof(b[4]), v.has_crit, v.crit, unit);
				table_row(&t);
				table_cell(&t, "%s", name);
				table_cell(&t, "%s", label ? label : f->name);
				table_cell(&t, "%s", b[0]);
				table_cell(&t, "%s", b[1]);
				table_cell(&t, "%s", b[2]);
				table_cell(&t, "%s", b[3]);
				table_cell(&t, "%s", b[4]);
				table_cell(&t, "%s", v.alarm ? "ALARM" : "");
			}
			free(label);
		}
	}
	if (x->json) {
		jw_arr_close(&x->jw);
		jw_obj_close(&x->jw);
		jw_end(&x->jw);
	} else if (found) {
		table_print(&t, stdout);
	}
	table_free(&t);
	sensors_cleanup();

	if (!found) {
		if (one)
			fprintf(stderr, "xpoctl: no hwmon chip for cage %s (is the cage populated and the driver loaded?)\n",
				cage_ref_name(want.board, want.id, name,
					      sizeof(name)));
		else
			fprintf(stderr, "xpoctl: no xpo hwmon chips found (driver not loaded, or too old for hwmon?)\n");
		ret = XE_FAIL;
	}
	return ret;
}
