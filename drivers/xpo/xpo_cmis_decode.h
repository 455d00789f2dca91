/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pure decoding of a module's identity from raw CMIS page bytes, cached by
 * the core at insertion.  No hardware; KUnit tests it with byte arrays.
 */
#ifndef _XPO_CMIS_DECODE_H
#define _XPO_CMIS_DECODE_H

#include <linux/types.h>

#include "cmis.h"
#include "xpo_sm.h"

/* One application descriptor, CMIS 5.2 section 8.2.11 */
struct xpo_cmis_app {
	u8 host_if;		/* host electrical interface ID */
	u8 media_if;		/* media interface ID */
	u8 host_lanes;		/* host lane count */
	u8 media_lanes;		/* media lane count */
	u8 host_assign;		/* host lane assignment options, b0 = lane 1 */
	u8 media_assign;	/* media lane assignment options (01h:176+) */
};

/*
 * Page 02h thresholds, raw, in the units of their monitors (CMIS 5.2
 * section 8.5): index XPO_THR_HALARM..XPO_THR_LWARN, as the page orders
 * them.
 */
enum xpo_thr {
	XPO_THR_HALARM,
	XPO_THR_LALARM,
	XPO_THR_HWARN,
	XPO_THR_LWARN,
	XPO_THR_MAX
};

struct xpo_cmis_thresholds {
	s16 temp[XPO_THR_MAX];		/* 1/256 degC */
	u16 vcc[XPO_THR_MAX];		/* 100 uV */
	u16 tx_power[XPO_THR_MAX];	/* 0.1 uW */
	u16 tx_bias[XPO_THR_MAX];	/* 2 uA (times the 01h:160 multiplier) */
	u16 rx_power[XPO_THR_MAX];	/* 0.1 uW */
};

/*
 * What the core knows about a module after reading lower memory, page 00h
 * and (for paged memory) page 01h.  Strings are NUL-terminated, trimmed of
 * padding spaces and NULs, with unprintable bytes shown as '?'.
 */
struct xpo_identity {
	u8 identifier;			/* 00h:0 */
	u8 rev_major;			/* 00h:1 b7-4 */
	u8 rev_minor;			/* 00h:1 b3-0 */
	bool flat;			/* 00h:2 b7 */
	u8 media_type;			/* 00h:85 */
	u8 fw_active_major;		/* 00h:39 */
	u8 fw_active_minor;		/* 00h:40 */
	char vendor[CMIS_VENDOR_NAME_LEN + 1];
	u8 oui[3];
	char part_number[CMIS_VENDOR_PN_LEN + 1];
	char revision[CMIS_VENDOR_REV_LEN + 1];
	char serial[CMIS_VENDOR_SN_LEN + 1];
	char date_code[CMIS_DATE_CODE_LEN + 1];
	char clei[CMIS_CLEI_LEN + 1];	/* empty unless 00h:2 b5 */
	u8 power_class;			/* 1-8, from 00h:200 b7-5 */
	u32 max_power_mw;		/* 00h:201, or the XPO telemetry page */
	/* From page 01h; zero for flat memory */
	bool has_page01;
	u8 fw_inactive_major;		/* 01h:128 */
	u8 fw_inactive_minor;		/* 01h:129 */
	u8 hw_major;			/* 01h:130 */
	u8 hw_minor;			/* 01h:131 */
	unsigned int banks;		/* 01h:142 b1-0, XPO model: 11b = 8 */
	u8 pwrup_code;			/* 01h:167 b3-0 */
	u8 pwrdn_code;			/* 01h:167 b7-4 */
	u8 dpinit_code;			/* 01h:144 b3-0 */
	u8 dpdeinit_code;		/* 01h:144 b7-4 */
	u8 txon_code;			/* 01h:168 b3-0 */
	u8 txoff_code;			/* 01h:168 b7-4 */
	unsigned int num_apps;
	struct xpo_cmis_app apps[CMIS_APP_MAX];
	/* From page 02h, read with the identity for paged memory */
	bool has_thresholds;
	struct xpo_cmis_thresholds thr;
};

/*
 * One lane's monitors and latched flags (page 11h, CMIS 5.2 section 8.10),
 * in the units the core reports: a monitor the module does not advertise
 * (01h:160) is absent (its has_ bit false).
 */
struct xpo_cmis_lane {
	bool has_tx_power;
	bool has_tx_bias;
	bool has_rx_power;
	u32 tx_power_nw;	/* 11h:154 + 2n, 0.1 uW */
	u32 tx_bias_ua;		/* 11h:170 + 2n, 2 uA x 01h:160 b4-3 */
	u32 rx_power_nw;	/* 11h:186 + 2n, 0.1 uW */
	u32 flags;		/* bit i: lane's bit of 11h:(134 + i) */
};

/*
 * The lane monitors' thresholds (page 02h) in the same units as struct
 * xpo_cmis_lane, index XPO_THR_*; a monitor the module does not advertise
 * (01h:160) has none (its has_ bit false, its values 0).
 */
struct xpo_cmis_lane_thresholds {
	bool has_tx_power;
	bool has_tx_bias;
	bool has_rx_power;
	u32 tx_power_nw[XPO_THR_MAX];
	u32 tx_bias_ua[XPO_THR_MAX];
	u32 rx_power_nw[XPO_THR_MAX];
};

void xpo_cmis_decode_identity(struct xpo_identity *id, const u8 *lower,
			      const u8 *page00, const u8 *page01);
enum xpo_fault xpo_cmis_identity_check(const struct xpo_identity *id);
int xpo_cmis_duration_ms(u8 code);
int xpo_cmis_pwrup_advertised_ms(const struct xpo_identity *id);
void xpo_cmis_string(char *dst, const u8 *src, size_t len);
const char *xpo_cmis_identifier_name(u8 identifier);
const char *xpo_cmis_module_state_name(u8 module_state);
void xpo_cmis_decode_thresholds(struct xpo_cmis_thresholds *thr,
				const u8 *page02);
int xpo_cmis_temp_mdegc(s16 raw);
u8 xpo_cmis_dp_state(const u8 *dp_states, unsigned int lane);
bool xpo_cmis_dp_all(const u8 *dp_states, u8 state);
const char *xpo_cmis_dp_state_name(u8 state);
unsigned int xpo_cmis_module_flag_names(const u8 *flags, const char **names,
					unsigned int max);
const char *xpo_cmis_lane_flag_name(unsigned int index);
void xpo_cmis_decode_lane(struct xpo_cmis_lane *out, const u8 *mon,
			  const u8 *flags, u8 mon_support, unsigned int lane);
void xpo_cmis_decode_lane_thresholds(struct xpo_cmis_lane_thresholds *out,
				     const struct xpo_cmis_thresholds *thr,
				     u8 mon_support);

#endif /* _XPO_CMIS_DECODE_H */
