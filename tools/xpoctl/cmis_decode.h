/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CMIS memory decoder for xpoctl: pure, fed by a page-read callback, so it
 * runs the same on netlink reads of a live module and on a saved dump in the
 * unit tests.  Decodes any CMIS module (SFF-8024 QSFP-DD, OSFP, ... and the
 * XPO identifier 0x26 with its 8 banks and telemetry page B0h).
 */
#ifndef XPOCTL_CMIS_DECODE_H
#define XPOCTL_CMIS_DECODE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "json_writer.h"

/*
 * Read @len bytes at @offset (0-255: 0-127 lower memory, 128-255 the upper
 * page @page of bank @bank) into @buf.  Returns 0 or a negative errno; a
 * page the module does not have is -EINVAL or -ENOENT (the decoder then
 * leaves that part out).
 */
typedef int (*cmis_read_fn)(void *ctx, unsigned int bank, unsigned int page,
			    unsigned int offset, unsigned int len,
			    uint8_t *buf);

#define CMIS_DEC_BANKS_MAX	8
#define CMIS_DEC_APPS_MAX	15
#define CMIS_DEC_ENGINES_MAX	8

struct cmis_dec_app {
	uint8_t host_if, media_if, host_lanes, media_lanes;
	uint8_t host_assign, media_assign;
};

struct cmis_dec_bank {
	uint8_t dp_state[8];		/* nibble codes */
	uint8_t config_status[8];
	uint8_t active_appsel[8];	/* 11h:206+ b7-4 */
	uint8_t tx_output, rx_output;	/* 11h:133/132 bit per lane */
	uint8_t tx_disable;		/* 10h:130 */
	uint16_t tx_power[8];		/* 0.1 uW */
	uint16_t tx_bias[8];		/* 2 uA x multiplier */
	uint16_t rx_power[8];		/* 0.1 uW */
};

struct cmis_dec_xpo {
	bool valid;
	uint16_t max_power, power;	/* 10 mW */
	int16_t coolant_in, coolant_out; /* 1/256 degC */
	uint16_t flow;			/* mL/min */
	uint8_t status, flags, engine_flags, engines;
	int16_t engine_temp[CMIS_DEC_ENGINES_MAX];
};

struct cmis_module {
	/* lower memory */
	uint8_t id, rev;
	bool flat;
	uint8_t state;			/* ModuleState code */
	bool intl_deasserted;
	uint8_t fault_cause;
	int16_t temp;			/* 1/256 degC */
	uint16_t vcc;			/* 100 uV */
	uint8_t fw_major, fw_minor;
	uint8_t ctrl;			/* 00h:26 */
	uint8_t media_type;
	/* page 00h */
	char vendor[17], pn[17], rev_str[3], sn[17], date[9], clei[11];
	uint8_t oui[3];
	uint8_t power_class;		/* 1-8 */
	uint8_t max_power;		/* 0.25 W */
	uint8_t connector, media_tech;
	/* page 01h (paged memory only) */
	bool has_p01;
	uint8_t fw_inactive_major, fw_inactive_minor, hw_major, hw_minor;
	uint8_t banks;			/* 1, 2, 4 or 8 */
	uint8_t mon_support;		/* 01h:160 */
	bool rx_power_avg;
	uint8_t cdb_support;
	int napps;
	struct cmis_dec_app apps[CMIS_DEC_APPS_MAX];
	/* page 02h */
	bool has_p02;
	int16_t temp_thr[4];		/* high alarm, low alarm, high/low warn */
	uint16_t vcc_thr[4];
	/* pages 10h/11h per bank */
	int nbanks_read;
	struct cmis_dec_bank bank[CMIS_DEC_BANKS_MAX];
	struct cmis_dec_xpo xpo;
};

/* Read and decode; 0, or the negative errno of the first mandatory read. */
int cmis_decode(cmis_read_fn read, void *ctx, struct cmis_module *m);

const char *cmis_id_name(uint8_t id);
const char *cmis_module_state_name(uint8_t code);
const char *cmis_fault_cause_name(uint8_t code);
const char *cmis_dp_state_name(uint8_t code);
const char *cmis_config_status_name(uint8_t code);
const char *cmis_host_if_name(uint8_t code);
const char *cmis_media_type_name(uint8_t code);

/* Output: @lanes also prints per-lane data path states and monitors */
void cmis_print_text(const struct cmis_module *m, FILE *out, bool lanes);
void cmis_print_json(const struct cmis_module *m, struct jw *jw, bool lanes);

#endif
