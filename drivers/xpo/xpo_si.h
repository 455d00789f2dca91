/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host-side signal integrity (SI) controls of a module, CMIS 5.2: what the
 * module advertises (page 01h:153-154 and 161-162, section 8.4.6 and
 * 8.4.7), the per-lane settings of staged control set 0 (10h:153-173,
 * section 8.9.3) and of the active control set (11h:214-234, section
 * 8.10.6), and the check of a request against the advertisement.  Linear
 * (LPO) and half-retimed (LRO) modules are what these controls are for:
 * with no retimer (or none on Rx), the host tunes the module's analogue
 * front end to its own SerDes channel.
 *
 * Pure logic on page images; no hardware, no locking.  KUnit tests it
 * (tests/xpo_si_kunit.c).
 *
 * Lanes are the 8 host lanes of one bank, 0-7 (bit n = lane n + 1 in
 * CMIS numbering); messages number them from 1, as CMIS does.
 *
 * Errors: -EINVAL for a value out of range of what the module advertises
 * or a request that contradicts itself, -EOPNOTSUPP for a control the
 * module does not advertise.  Every refusal also writes a short
 * (< XPO_SI_MSG_LEN) message naming what the module does support, if the
 * caller gives a buffer: it is meant for a netlink extack.
 */
#ifndef _XPO_SI_H
#define _XPO_SI_H

#include <linux/bits.h>
#include <linux/types.h>

/* Room for any message of this file, NUL included (one extack line) */
#define XPO_SI_MSG_LEN			80

/*
 * Page 01h, CMIS 5.2 Table 8-45 (SI characteristics) and Table 8-47
 * (SI controls advertisement); bit names as CMIS (and SONiC's page01.py)
 * give them.
 */
#define XPO_SI_P01_EQ_MAX		153
#define  XPO_SI_TX_EQ_MAX		GENMASK(3, 0)	/* TxInputEqMax */
#define  XPO_SI_RX_LEVELS		GENMASK(7, 4)	/* RxOutputLevel<n>Supported */
#define XPO_SI_P01_RX_EQ_MAX		154
#define  XPO_SI_RX_PRE_MAX		GENMASK(3, 0)	/* RxOutputEqPreCursorMax */
#define  XPO_SI_RX_POST_MAX		GENMASK(7, 4)	/* RxOutputEqPostCursorMax */
#define XPO_SI_P01_TX_ADV		161
#define  XPO_SI_ADV_TX_CDR		BIT(0)	/* TxCDRSupported */
#define  XPO_SI_ADV_TX_CDR_BYPASS	BIT(1)	/* TxCDRBypassControlSupported */
#define  XPO_SI_ADV_TX_EQ_FIXED		BIT(2)	/* TxInputEqFixedManualControlSupported */
#define  XPO_SI_ADV_TX_EQ_ADAPTIVE	BIT(3)	/* TxInputAdaptiveEqSupported */
#define  XPO_SI_ADV_TX_EQ_FREEZE	BIT(4)	/* TxInputEqFreezeSupported */
#define  XPO_SI_ADV_TX_EQ_RECALL	GENMASK(6, 5)	/* recall buffers: 0-2 */
#define XPO_SI_P01_RX_ADV		162
#define  XPO_SI_ADV_RX_CDR		BIT(0)	/* RxCDRSupported */
#define  XPO_SI_ADV_RX_CDR_BYPASS	BIT(1)	/* RxCDRBypassControlSupported */
#define  XPO_SI_ADV_RX_AMPLITUDE	BIT(2)	/* RxOutputAmplitudeControlSupported */
#define  XPO_SI_ADV_RX_PRE		BIT(3)	/* RxOutputEqControlSupported, pre */
#define  XPO_SI_ADV_RX_POST		BIT(4)	/* RxOutputEqControlSupported, post */

/*
 * Staged control set 0 SI, 10h:153-173 (CMIS 5.2 Table 8-80), and the
 * active set, 11h:214-234 (Table 8-91), in the same order: 21 bytes each.
 * Offsets here are from the first byte of the set.  Bit fields carry lane
 * n in bit n; 2-bit fields four lanes a byte, lane 1 in b1-0; nibble
 * fields two lanes a byte, lane 1 in b3-0.
 */
#define XPO_SI_P10_SET0			153
#define XPO_SI_P11_ACTIVE		214
#define XPO_SI_SET_LEN			21
#define XPO_SI_TX_ADAPTIVE		0	/* AdaptiveInputEqEnableTx, 1 b */
#define XPO_SI_TX_RECALL		1	/* AdaptiveInputEqRecalledTx, 2 b, 1-2 */
#define XPO_SI_TX_FIXED			3	/* FixedInputEqTargetTx, 4 b, 3-6 */
#define XPO_SI_TX_CDR_EN		7	/* CDREnableTx, 1 b */
#define XPO_SI_RX_CDR_EN		8	/* CDREnableRx, 1 b */
#define XPO_SI_RX_PRE			9	/* OutputEqPreCursorTargetRx, 9-12 */
#define XPO_SI_RX_POST			13	/* OutputEqPostCursorTargetRx, 13-16 */
#define XPO_SI_RX_AMP			17	/* OutputAmplitudeTargetRx, 17-20 */

#define XPO_SI_LANES			8

/* The controls of one SI setting: which fields a request sets */
enum xpo_si_field {
	XPO_SI_F_TX_ADAPTIVE	= BIT(0),	/* adaptive Tx input EQ on/off */
	XPO_SI_F_TX_RECALL	= BIT(1),	/* recall a stored adaptive EQ */
	XPO_SI_F_TX_EQ		= BIT(2),	/* fixed Tx input EQ code */
	XPO_SI_F_TX_CDR		= BIT(3),	/* Tx CDR on (off: bypass) */
	XPO_SI_F_RX_CDR		= BIT(4),	/* Rx CDR on (off: bypass) */
	XPO_SI_F_RX_PRE		= BIT(5),	/* Rx output pre-cursor code */
	XPO_SI_F_RX_POST	= BIT(6),	/* Rx output post-cursor code */
	XPO_SI_F_RX_AMP		= BIT(7),	/* Rx output amplitude code */
	XPO_SI_F_ALL		= GENMASK(7, 0),
};

/**
 * struct xpo_si_caps - the SI controls a module advertises (page 01h)
 * @tx_cdr: the module has a Tx CDR (161 b0)
 * @tx_cdr_bypass: the host can bypass it: CDREnableTx is a control (b1)
 * @tx_eq_fixed: FixedInputEqTargetTx is a control (b2)
 * @tx_eq_adaptive: adaptive Tx input EQ, AdaptiveInputEqEnableTx (b3)
 * @tx_eq_freeze: adaptive EQ can be frozen (b4)
 * @tx_eq_recall: stored adaptive EQ buffers that can be recalled, 0-2
 *	(b6-5; 3, reserved, is read as 2)
 * @rx_cdr: the module has an Rx CDR (162 b0)
 * @rx_cdr_bypass: CDREnableRx is a control (b1)
 * @rx_amp: OutputAmplitudeTargetRx is a control (b2)
 * @rx_pre: OutputEqPreCursorTargetRx is a control (b3)
 * @rx_post: OutputEqPostCursorTargetRx is a control (b4)
 * @tx_eq_max: highest fixed Tx input EQ code (153 b3-0)
 * @rx_amp_codes: b<n>: Rx output amplitude code n is supported (153 b7-4)
 * @rx_pre_max: highest Rx pre-cursor code (154 b3-0)
 * @rx_post_max: highest Rx post-cursor code (154 b7-4)
 */
struct xpo_si_caps {
	bool tx_cdr;
	bool tx_cdr_bypass;
	bool tx_eq_fixed;
	bool tx_eq_adaptive;
	bool tx_eq_freeze;
	u8 tx_eq_recall;
	bool rx_cdr;
	bool rx_cdr_bypass;
	bool rx_amp;
	bool rx_pre;
	bool rx_post;
	u8 tx_eq_max;
	u8 rx_amp_codes;
	u8 rx_pre_max;
	u8 rx_post_max;
};

/**
 * struct xpo_si_lane - the SI settings of one host lane
 * @tx_adaptive: adaptive Tx input EQ enabled
 * @tx_recall: adaptive EQ buffer to recall, 0 (none) - 2
 * @tx_eq: fixed Tx input EQ code, 0-15
 * @tx_cdr: Tx CDR enabled
 * @rx_cdr: Rx CDR enabled
 * @rx_pre: Rx output pre-cursor EQ code, 0-15
 * @rx_post: Rx output post-cursor EQ code, 0-15
 * @rx_amp: Rx output amplitude code, 0-15
 */
struct xpo_si_lane {
	bool tx_adaptive;
	u8 tx_recall;
	u8 tx_eq;
	bool tx_cdr;
	bool rx_cdr;
	u8 rx_pre;
	u8 rx_post;
	u8 rx_amp;
};

/**
 * struct xpo_si_req - SI settings for some lanes of one bank
 * @lanes: b<n>: lane n + 1 of the bank is set; others stay as they are
 * @fields: the enum xpo_si_field controls set; others stay as they are
 * @lane: the values, by lane; only those of @lanes and @fields are used
 */
struct xpo_si_req {
	u8 lanes;
	u8 fields;
	struct xpo_si_lane lane[XPO_SI_LANES];
};

void xpo_si_caps_decode(struct xpo_si_caps *caps, const u8 *page01);
bool xpo_si_caps_any(const struct xpo_si_caps *caps);
u8 xpo_si_caps_fields(const struct xpo_si_caps *caps);
int xpo_si_check(const struct xpo_si_caps *caps,
		 const struct xpo_si_req *req, char *msg, size_t len);
void xpo_si_encode(u8 *set, const struct xpo_si_req *req);
void xpo_si_decode(const u8 *set, struct xpo_si_lane *lanes);
const char *xpo_si_field_name(enum xpo_si_field field);

#endif /* _XPO_SI_H */
