// SPDX-License-Identifier: GPL-2.0
/*
 * Pure decoding of raw CMIS page bytes: a module's identity, its
 * thresholds, data path states and flags.  See xpo_cmis_decode.h.
 */
#include <linux/bitfield.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "xpo_compat.h"
#include "xpo_model.h"
#include "xpo_cmis_decode.h"

/* Offsets of upper-page fields within a 128-byte page buffer */
#define UP(off)		((off) - CMIS_UPPER_OFFSET)

/**
 * xpo_cmis_string() - a CMIS ASCII field as a C string
 * @dst: at least @len + 1 bytes
 * @src: the raw field
 * @len: field length
 *
 * Stops at a NUL, shows unprintable bytes as '?', and trims the padding
 * spaces on both sides.
 */
void xpo_cmis_string(char *dst, const u8 *src, size_t len)
{
	size_t i, n = 0, start = 0;

	for (i = 0; i < len && src[i]; i++)
		dst[n++] = (src[i] >= 0x20 && src[i] < 0x7f) ? src[i] : '?';
	while (n && dst[n - 1] == ' ')
		n--;
	dst[n] = '\0';
	while (dst[start] == ' ')
		start++;
	if (start)
		memmove(dst, dst + start, n - start + 1);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_string);

/*
 * Upper bounds of the 4-bit duration codes of 01h:144, 167 and 168 in ms.
 * Code 13 means ">= 50 min", which has no upper bound: we use 50 min.
 * Codes 14 and 15 are reserved.
 */
static const unsigned int xpo_cmis_duration_table_ms[CMIS_DURATION_CODES] = {
	1, 5, 10, 50, 100, 500, 1000, 5000, 10000, 60000,
	5 * 60000, 10 * 60000, 50 * 60000, 50 * 60000,
};

/* Return: the upper bound of a duration code in ms, -EINVAL if reserved */
int xpo_cmis_duration_ms(u8 code)
{
	if (code >= CMIS_DURATION_CODES)
		return -EINVAL;
	return xpo_cmis_duration_table_ms[code];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_duration_ms);

/* Return: the advertised ModulePwrUp bound in ms, negative if none */
int xpo_cmis_pwrup_advertised_ms(const struct xpo_identity *id)
{
	if (!id->has_page01)
		return -ENODATA;
	return xpo_cmis_duration_ms(id->pwrup_code);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_pwrup_advertised_ms);

static void xpo_cmis_decode_app(struct xpo_cmis_app *app, const u8 *desc,
				u8 media_assign)
{
	app->host_if = desc[CMIS_APP_HOST_IF];
	app->media_if = desc[CMIS_APP_MEDIA_IF];
	app->host_lanes = desc[CMIS_APP_LANE_COUNTS] >> 4;
	app->media_lanes = desc[CMIS_APP_LANE_COUNTS] & 0x0f;
	app->host_assign = desc[CMIS_APP_HOST_LANE_ASSIGN];
	app->media_assign = media_assign;
}

/*
 * Applications 1-8 are in lower memory, 9-15 on page 01h (paged memory
 * only).  The list ends at the first descriptor whose host interface ID is
 * FFh (unused).
 */
static void xpo_cmis_decode_apps(struct xpo_identity *id, const u8 *lower,
				 const u8 *page01)
{
	unsigned int i, max = page01 ? CMIS_APP_MAX : CMIS_APP_DESC_LOWER_NUM;
	const u8 *desc;
	u8 media_assign;

	id->num_apps = 0;
	for (i = 0; i < max; i++) {
		if (i < CMIS_APP_DESC_LOWER_NUM)
			desc = lower + CMIS_APP_DESC_LOWER +
			       i * CMIS_APP_DESC_SIZE;
		else
			desc = page01 + UP(CMIS_P01_APP_DESC_UPPER) +
			       (i - CMIS_APP_DESC_LOWER_NUM) *
			       CMIS_APP_DESC_SIZE;
		if (desc[CMIS_APP_HOST_IF] == CMIS_APP_HOST_IF_UNUSED)
			break;
		media_assign = page01 ?
			page01[UP(CMIS_P01_MEDIA_LANE_ASSIGN) + i] : 0;
		xpo_cmis_decode_app(&id->apps[i], desc, media_assign);
		id->num_apps++;
	}
}

/**
 * xpo_cmis_decode_identity() - decode a module's identity
 * @id: filled in
 * @lower: lower memory, bytes 0-127
 * @page00: upper page 00h, bytes 128-255
 * @page01: upper page 01h, bytes 128-255, or NULL for flat memory
 *
 * max_power_mw is 00h:201; for XPO modules the caller replaces it with the
 * telemetry page's value, which is not limited to 63.75 W.
 */
void xpo_cmis_decode_identity(struct xpo_identity *id, const u8 *lower,
			      const u8 *page00, const u8 *page01)
{
	memset(id, 0, sizeof(*id));

	id->identifier = lower[CMIS_ID];
	id->rev_major = lower[CMIS_REV] >> 4;
	id->rev_minor = lower[CMIS_REV] & 0x0f;
	id->flat = lower[CMIS_MEM_CHAR] & CMIS_MEM_FLAT;
	id->media_type = lower[CMIS_MEDIA_TYPE];
	id->fw_active_major = lower[CMIS_FW_ACTIVE_MAJOR];
	id->fw_active_minor = lower[CMIS_FW_ACTIVE_MINOR];

	xpo_cmis_string(id->vendor, page00 + UP(CMIS_VENDOR_NAME),
			CMIS_VENDOR_NAME_LEN);
	memcpy(id->oui, page00 + UP(CMIS_VENDOR_OUI), sizeof(id->oui));
	xpo_cmis_string(id->part_number, page00 + UP(CMIS_VENDOR_PN),
			CMIS_VENDOR_PN_LEN);
	xpo_cmis_string(id->revision, page00 + UP(CMIS_VENDOR_REV),
			CMIS_VENDOR_REV_LEN);
	xpo_cmis_string(id->serial, page00 + UP(CMIS_VENDOR_SN),
			CMIS_VENDOR_SN_LEN);
	xpo_cmis_string(id->date_code, page00 + UP(CMIS_DATE_CODE),
			CMIS_DATE_CODE_LEN);
	if (lower[CMIS_MEM_CHAR] & CMIS_MEM_CLEI_PRESENT)
		xpo_cmis_string(id->clei, page00 + UP(CMIS_CLEI),
				CMIS_CLEI_LEN);
	id->power_class = FIELD_GET(CMIS_POWER_CLASS_MASK,
				    page00[UP(CMIS_POWER_CLASS)]) + 1;
	id->max_power_mw = page00[UP(CMIS_MAX_POWER)] * 250;

	if (id->flat)
		page01 = NULL;
	id->banks = 1;
	if (page01) {
		id->has_page01 = true;
		id->fw_inactive_major = page01[UP(CMIS_P01_FW_INACTIVE_MAJOR)];
		id->fw_inactive_minor = page01[UP(CMIS_P01_FW_INACTIVE_MINOR)];
		id->hw_major = page01[UP(CMIS_P01_HW_MAJOR)];
		id->hw_minor = page01[UP(CMIS_P01_HW_MINOR)];
		id->banks = xpo_banks_from_p01(page01[UP(CMIS_P01_PAGES)]);
		id->pwrup_code = page01[UP(CMIS_P01_MODULE_DURATION)] & 0x0f;
		id->pwrdn_code = page01[UP(CMIS_P01_MODULE_DURATION)] >> 4;
		id->dpinit_code = page01[UP(CMIS_P01_DP_DURATION)] & 0x0f;
		id->dpdeinit_code = page01[UP(CMIS_P01_DP_DURATION)] >> 4;
		id->txon_code = page01[UP(CMIS_P01_TX_DURATION)] & 0x0f;
		id->txoff_code = page01[UP(CMIS_P01_TX_DURATION)] >> 4;
	}
	xpo_cmis_decode_apps(id, lower, page01);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_decode_identity);

/**
 * xpo_cmis_identity_check() - is this a module the core can drive?
 * @id: decoded identity
 *
 * The identifier must be one of the CMIS identifiers (SFF-8024) or XPO, and
 * the memory map CMIS 4.x or 5.x (the ModuleState machine and the 00h:26
 * controls the core relies on).
 *
 * Return: XPO_FAULT_NONE, or why not.
 */
enum xpo_fault xpo_cmis_identity_check(const struct xpo_identity *id)
{
	switch (id->identifier) {
	case SFF8024_ID_QSFP_DD:
	case SFF8024_ID_OSFP:
	case SFF8024_ID_DSFP:
	case SFF8024_ID_QSFP_PLUS_CMIS:
	case SFF8024_ID_SFP_DD_CMIS:
	case SFF8024_ID_SFP_PLUS_CMIS:
	case SFF8024_ID_OSFP_XD:
	case SFF8024_ID_XPO:
		break;
	default:
		return XPO_FAULT_BAD_IDENTIFIER;
	}
	if (id->rev_major < 4 || id->rev_major > 5)
		return XPO_FAULT_BAD_REVISION;
	return XPO_FAULT_NONE;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_identity_check);

static const struct {
	u8 id;
	const char *name;
} xpo_cmis_identifiers[] = {
	{ SFF8024_ID_SFP,		"SFP" },
	{ SFF8024_ID_QSFP,		"QSFP" },
	{ SFF8024_ID_QSFP_PLUS,		"QSFP+" },
	{ SFF8024_ID_QSFP28,		"QSFP28" },
	{ SFF8024_ID_QSFP_DD,		"QSFP-DD" },
	{ SFF8024_ID_OSFP,		"OSFP" },
	{ SFF8024_ID_DSFP,		"DSFP" },
	{ SFF8024_ID_QSFP_PLUS_CMIS,	"QSFP+ CMIS" },
	{ SFF8024_ID_SFP_DD_CMIS,	"SFP-DD CMIS" },
	{ SFF8024_ID_SFP_PLUS_CMIS,	"SFP+ CMIS" },
	{ SFF8024_ID_OSFP_XD,		"OSFP-XD" },
	{ SFF8024_ID_XPO,		"XPO" },
};

const char *xpo_cmis_identifier_name(u8 identifier)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(xpo_cmis_identifiers); i++)
		if (xpo_cmis_identifiers[i].id == identifier)
			return xpo_cmis_identifiers[i].name;
	return "unknown";
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_identifier_name);

/* ModuleState names of CMIS 5.2 section 6.3.2, without "Module" */
static const char * const xpo_cmis_module_states[] = {
	[CMIS_MODULE_LOWPWR]	= "LowPwr",
	[CMIS_MODULE_PWRUP]	= "PwrUp",
	[CMIS_MODULE_READY]	= "Ready",
	[CMIS_MODULE_PWRDN]	= "PwrDn",
	[CMIS_MODULE_FAULT]	= "Fault",
};

const char *xpo_cmis_module_state_name(u8 module_state)
{
	if (module_state >= ARRAY_SIZE(xpo_cmis_module_states) ||
	    !xpo_cmis_module_states[module_state])
		return "reserved";
	return xpo_cmis_module_states[module_state];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_module_state_name);

/**
 * xpo_cmis_decode_thresholds() - decode page 02h
 * @thr: filled in
 * @page02: upper page 02h, bytes 128-255
 */
void xpo_cmis_decode_thresholds(struct xpo_cmis_thresholds *thr,
				const u8 *page02)
{
	unsigned int i;

	for (i = 0; i < XPO_THR_MAX; i++) {
		thr->temp[i] = get_unaligned_be16(page02 +
						  UP(CMIS_P02_TEMP_HALARM) + 2 * i);
		thr->vcc[i] = get_unaligned_be16(page02 +
						 UP(CMIS_P02_VCC_HALARM) + 2 * i);
		thr->tx_power[i] = get_unaligned_be16(page02 +
						      UP(CMIS_P02_TXPWR_HALARM) +
						      2 * i);
		thr->tx_bias[i] = get_unaligned_be16(page02 +
						     UP(CMIS_P02_TXBIAS_HALARM) +
						     2 * i);
		thr->rx_power[i] = get_unaligned_be16(page02 +
						      UP(CMIS_P02_RXPWR_HALARM) +
						      2 * i);
	}
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_decode_thresholds);

/* A CMIS temperature (s16, 1/256 degC) in millidegrees, toward zero */
int xpo_cmis_temp_mdegc(s16 raw)
{
	return (int)raw * 1000 / 256;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_temp_mdegc);

/**
 * xpo_cmis_dp_state() - the data path state of one lane of a bank
 * @dp_states: 11h:128-131 of the bank, a nibble per lane
 * @lane: lane in the bank, 0-7 (lane 1 of the specification is 0)
 *
 * Lane 1 is byte 128 bits 3-0, lane 2 byte 128 bits 7-4, lane 3 byte 129
 * bits 3-0, and so on (CMIS 5.2 section 8.10).  Return: the state code
 * (enum cmis_dp_state; 0 and 8-15 are reserved), 0 for a lane beyond 7.
 */
u8 xpo_cmis_dp_state(const u8 *dp_states, unsigned int lane)
{
	if (lane >= CMIS_LANES_PER_BANK)
		return 0;
	return (dp_states[lane / 2] >> (4 * (lane & 1))) & 0x0f;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_dp_state);

/* Are all eight lanes of a bank in @state? */
bool xpo_cmis_dp_all(const u8 *dp_states, u8 state)
{
	unsigned int lane;

	for (lane = 0; lane < CMIS_LANES_PER_BANK; lane++)
		if (xpo_cmis_dp_state(dp_states, lane) != state)
			return false;
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_dp_all);

/* DataPath state names of CMIS 5.2 section 6.3.3, without "DP" */
static const char * const xpo_cmis_dp_states[] = {
	[CMIS_DP_DEACTIVATED]	= "Deactivated",
	[CMIS_DP_INIT]		= "Init",
	[CMIS_DP_DEINIT]	= "Deinit",
	[CMIS_DP_ACTIVATED]	= "Activated",
	[CMIS_DP_TXTURNON]	= "TxTurnOn",
	[CMIS_DP_TXTURNOFF]	= "TxTurnOff",
	[CMIS_DP_INITIALIZED]	= "Initialized",
};

const char *xpo_cmis_dp_state_name(u8 state)
{
	if (state >= ARRAY_SIZE(xpo_cmis_dp_states) ||
	    !xpo_cmis_dp_states[state])
		return "reserved";
	return xpo_cmis_dp_states[state];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_dp_state_name);

/* The latched module flags of 00h:8-11 by byte (0 = 00h:8) and bit */
static const char * const xpo_cmis_module_flags[4][8] = {
	{ "state-changed", "fw-error", "dp-fw-error", NULL, NULL, NULL,
	  "cdb1-complete", "cdb2-complete" },
	{ "temp-high-alarm", "temp-low-alarm", "temp-high-warning",
	  "temp-low-warning", "vcc-high-alarm", "vcc-low-alarm",
	  "vcc-high-warning", "vcc-low-warning" },
	{ "aux1-high-alarm", "aux1-low-alarm", "aux1-high-warning",
	  "aux1-low-warning", "aux2-high-alarm", "aux2-low-alarm",
	  "aux2-high-warning", "aux2-low-warning" },
	{ "aux3-high-alarm", "aux3-low-alarm", "aux3-high-warning",
	  "aux3-low-warning", "custom-high-alarm", "custom-low-alarm",
	  "custom-high-warning", "custom-low-warning" },
};

/**
 * xpo_cmis_module_flag_names() - name the latched module flags that are set
 * @flags: 00h:8-11
 * @names: filled with up to @max names, in byte and bit order
 * @max: room in @names
 *
 * Reserved bits that are set are not named.  Return: the number of names
 * (at most @max).
 */
unsigned int xpo_cmis_module_flag_names(const u8 *flags, const char **names,
					unsigned int max)
{
	unsigned int byte, bit, n = 0;

	for (byte = 0; byte < ARRAY_SIZE(xpo_cmis_module_flags); byte++)
		for (bit = 0; bit < 8; bit++)
			if (flags[byte] & BIT(bit) &&
			    xpo_cmis_module_flags[byte][bit] && n < max)
				names[n++] = xpo_cmis_module_flags[byte][bit];
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_module_flag_names);

/* The latched lane flag bytes 11h:134-152, a bit per lane in each */
static const char * const xpo_cmis_lane_flags[CMIS_P11_LANE_FLAGS_LEN] = {
	"dp-state-changed", "tx-fault", "tx-los", "tx-cdr-lol",
	"tx-eq-fault", "tx-power-high-alarm", "tx-power-low-alarm",
	"tx-power-high-warning", "tx-power-low-warning",
	"tx-bias-high-alarm", "tx-bias-low-alarm", "tx-bias-high-warning",
	"tx-bias-low-warning", "rx-los", "rx-cdr-lol",
	"rx-power-high-alarm", "rx-power-low-alarm",
	"rx-power-high-warning", "rx-power-low-warning",
};

/* Name of lane flag byte 11h:(134 + @index); "unknown" beyond 152 */
const char *xpo_cmis_lane_flag_name(unsigned int index)
{
	if (index >= ARRAY_SIZE(xpo_cmis_lane_flags))
		return "unknown";
	return xpo_cmis_lane_flags[index];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_lane_flag_name);

/* Does 01h:160 advertise a Tx bias monitor, with a defined multiplier? */
static bool xpo_cmis_has_tx_bias(u8 mon_support)
{
	/* b4-3: x1, x2, x4; 11b is reserved: no bias then */
	return (mon_support & CMIS_P01_MON_TX_BIAS) &&
	       FIELD_GET(CMIS_P01_MON_TX_BIAS_MUL, mon_support) < 3;
}

/* One lane's u16 monitor at @offset of page 11h, from 11h:154-201 */
static u16 xpo_cmis_lane_mon(const u8 *mon, unsigned int offset,
			     unsigned int lane)
{
	return get_unaligned_be16(&mon[offset - CMIS_P11_LANE_MON + 2 * lane]);
}

/* A Tx bias (u16, 2 uA a step) in uA */
static u32 xpo_cmis_bias_ua(u16 raw, u8 mon_support)
{
	return (2U << FIELD_GET(CMIS_P01_MON_TX_BIAS_MUL, mon_support)) * raw;
}

/**
 * xpo_cmis_decode_lane() - one lane's monitors and flags
 * @out: the lane
 * @mon: 11h:154-201 of its bank (CMIS_P11_LANE_MON_LEN bytes)
 * @flags: 11h:134-152 of its bank (CMIS_P11_LANE_FLAGS_LEN bytes), the
 *	bits latched; NULL for none
 * @mon_support: 01h:160, which monitors the module has and the Tx bias
 *	multiplier (b4-3: x1, x2, x4; 11b is reserved: no bias then)
 * @lane: lane in the bank, 0-7
 *
 * Powers are u16 in 0.1 uW (so nW are exact), the bias a u16 in 2 uA
 * times the multiplier.
 */
void xpo_cmis_decode_lane(struct xpo_cmis_lane *out, const u8 *mon,
			  const u8 *flags, u8 mon_support, unsigned int lane)
{
	unsigned int i;

	memset(out, 0, sizeof(*out));
	if (lane >= CMIS_LANES_PER_BANK)
		return;
	out->has_tx_power = mon_support & CMIS_P01_MON_TX_POWER;
	out->has_tx_bias = xpo_cmis_has_tx_bias(mon_support);
	out->has_rx_power = mon_support & CMIS_P01_MON_RX_POWER;
	out->tx_power_nw = 100 * xpo_cmis_lane_mon(mon, CMIS_P11_TX_POWER, lane);
	out->tx_bias_ua = xpo_cmis_bias_ua(xpo_cmis_lane_mon(mon, CMIS_P11_TX_BIAS,
							     lane),
					   mon_support);
	out->rx_power_nw = 100 * xpo_cmis_lane_mon(mon, CMIS_P11_RX_POWER, lane);
	if (!out->has_tx_power)
		out->tx_power_nw = 0;
	if (!out->has_tx_bias)
		out->tx_bias_ua = 0;
	if (!out->has_rx_power)
		out->rx_power_nw = 0;
	for (i = 0; flags && i < CMIS_P11_LANE_FLAGS_LEN; i++)
		if (flags[i] & BIT(lane))
			out->flags |= BIT(i);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_decode_lane);

/**
 * xpo_cmis_decode_lane_thresholds() - the lane monitors' thresholds
 * @out: filled in
 * @thr: page 02h, as xpo_cmis_decode_thresholds() decoded it
 * @mon_support: 01h:160, as for xpo_cmis_decode_lane()
 *
 * In the lanes' units (nW, uA): the thresholds are in the monitors' own
 * encoding (CMIS 5.2 section 8.5), the bias's with its multiplier.
 */
void xpo_cmis_decode_lane_thresholds(struct xpo_cmis_lane_thresholds *out,
				     const struct xpo_cmis_thresholds *thr,
				     u8 mon_support)
{
	unsigned int i;

	memset(out, 0, sizeof(*out));
	out->has_tx_power = mon_support & CMIS_P01_MON_TX_POWER;
	out->has_tx_bias = xpo_cmis_has_tx_bias(mon_support);
	out->has_rx_power = mon_support & CMIS_P01_MON_RX_POWER;
	for (i = 0; i < XPO_THR_MAX; i++) {
		if (out->has_tx_power)
			out->tx_power_nw[i] = 100 * thr->tx_power[i];
		if (out->has_tx_bias)
			out->tx_bias_ua[i] = xpo_cmis_bias_ua(thr->tx_bias[i],
							      mon_support);
		if (out->has_rx_power)
			out->rx_power_nw[i] = 100 * thr->rx_power[i];
	}
}
EXPORT_SYMBOL_IF_KUNIT(xpo_cmis_decode_lane_thresholds);
