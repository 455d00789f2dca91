/* SPDX-License-Identifier: GPL-2.0 */
/*
 * xpoctl's own CMIS definitions: the standard byte offsets, masks and codes
 * the userspace decoder reads (OIF CMIS 5.2, SFF-8024), as ethtool keeps its
 * own cmis.h.  Userspace shares only include/uapi with the kernel, so this
 * is not the driver's drivers/xpo/cmis.h; both follow the same standard.
 *
 * Offsets are within the 256-byte window: 0-127 lower memory, 128-255 the
 * selected bank/page.
 */
#ifndef XPOCTL_CMIS_H
#define XPOCTL_CMIS_H

/* Lower memory (page 00h, bytes 0-127), CMIS 5.2 section 8.2 */
#define CMIS_ID				0	/* SFF-8024 identifier */
#define CMIS_REV			1	/* b7-4 major, b3-0 minor */
#define CMIS_MEM_CHAR			2
#define  CMIS_MEM_FLAT			0x80	/* only page 00h exists */
#define  CMIS_MEM_CLEI_PRESENT		0x20
#define CMIS_MODULE_STATE		3
#define  CMIS_MODULE_STATE_MASK		0x0e	/* b3-1 */
#define  CMIS_INT_DEASSERTED		0x01	/* mirrors the IntL pin */
#define CMIS_TEMP			14	/* s16 BE, 1/256 degC */
#define CMIS_VCC			16	/* u16 BE, 100 uV */
#define CMIS_MODULE_CTRL		26	/* global controls */
#define  CMIS_CTRL_LOWPWR_REQ_SW	0x10
#define CMIS_FW_ACTIVE_MAJOR		39
#define CMIS_FW_ACTIVE_MINOR		40
#define CMIS_FAULT_CAUSE		41
#define CMIS_MEDIA_TYPE			85
#define CMIS_APP_DESC_LOWER		86	/* apps 1-8, 4 bytes each */
#define CMIS_APP_DESC_LOWER_NUM		8

/* ModuleState codes (00h:3 b3-1), CMIS 5.2 section 6.3.2 */
enum cmis_module_state {
	CMIS_MODULE_LOWPWR	= 1,
	CMIS_MODULE_PWRUP	= 2,
	CMIS_MODULE_READY	= 3,
	CMIS_MODULE_PWRDN	= 4,
	CMIS_MODULE_FAULT	= 5,
};

/* Page 00h upper: administrative information, CMIS 5.2 section 8.3 */
#define CMIS_VENDOR_NAME		129	/* 16 bytes, ASCII, space padded */
#define CMIS_VENDOR_NAME_LEN		16
#define CMIS_VENDOR_OUI			145	/* 3 bytes */
#define CMIS_VENDOR_PN			148
#define CMIS_VENDOR_PN_LEN		16
#define CMIS_VENDOR_REV			164
#define CMIS_VENDOR_REV_LEN		2
#define CMIS_VENDOR_SN			166
#define CMIS_VENDOR_SN_LEN		16
#define CMIS_DATE_CODE			182	/* YYMMDD + 2 lot chars */
#define CMIS_DATE_CODE_LEN		8
#define CMIS_CLEI			190
#define CMIS_CLEI_LEN			10
#define CMIS_POWER_CLASS		200	/* b7-5: class - 1 */
#define  CMIS_POWER_CLASS_MASK		0xe0
#define CMIS_MAX_POWER			201	/* u8, 0.25 W units */
#define CMIS_CONNECTOR			203
#define CMIS_MEDIA_TECH			212

/* Page 01h: advertising, CMIS 5.2 section 8.4 */
#define CMIS_P01_FW_INACTIVE_MAJOR	128
#define CMIS_P01_FW_INACTIVE_MINOR	129
#define CMIS_P01_HW_MAJOR		130
#define CMIS_P01_HW_MINOR		131
#define CMIS_P01_PAGES			142
#define  CMIS_P01_BANKS_MASK		0x03	/* 1, 2, 4 banks; 3: reserved */
#define CMIS_P01_MODULE_CHAR		151
#define  CMIS_P01_RX_POWER_AVG		0x10	/* Rx power: 1 average, 0 OMA */
#define CMIS_P01_MON_SUPPORT		160
#define  CMIS_P01_MON_TX_BIAS		0x01	/* lane monitors on 11h */
#define  CMIS_P01_MON_TX_POWER		0x02
#define  CMIS_P01_MON_RX_POWER		0x04
#define  CMIS_P01_MON_TX_BIAS_MUL	0x18	/* b4-3: x1, x2, x4 */
#define CMIS_P01_CDB_SUPPORT		163
#define CMIS_P01_MEDIA_LANE_ASSIGN	176	/* 176-190: apps 1-15 */
#define CMIS_P01_APP_DESC_UPPER		223	/* apps 9-15, 4 bytes each */
#define CMIS_P01_APP_DESC_UPPER_NUM	7

/* Application descriptor layout (4 bytes), CMIS 5.2 section 8.2.11 */
#define CMIS_APP_HOST_IF		0
#define CMIS_APP_MEDIA_IF		1
#define CMIS_APP_LANE_COUNTS		2	/* b7-4 host, b3-0 media */
#define CMIS_APP_HOST_LANE_ASSIGN	3
#define CMIS_APP_HOST_IF_UNUSED		0xff

/* Page 02h: thresholds, BE, in the units of the monitor they guard */
#define CMIS_P02_TEMP_HALARM		128	/* HA, LA, HW, LW: s16 each */
#define CMIS_P02_VCC_HALARM		136
#define CMIS_P02_TXPWR_HALARM		176	/* u16, 0.1 uW */
#define CMIS_P02_TXBIAS_HALARM		184	/* u16, 2 uA */
#define CMIS_P02_RXPWR_HALARM		192	/* u16, 0.1 uW */

/* Page 10h: lane control (banked), CMIS 5.2 section 8.9 */
#define CMIS_P10_TX_DISABLE		130

/* Page 11h: lane status (banked), CMIS 5.2 section 8.10 */
#define CMIS_P11_DP_STATE		128	/* 128-131: a nibble per lane */
#define CMIS_P11_RX_OUTPUT_STATUS	132	/* b<n>: lane n+1 output valid */
#define CMIS_P11_TX_OUTPUT_STATUS	133
#define CMIS_P11_TX_POWER		154	/* u16 per lane, 0.1 uW */
#define CMIS_P11_TX_BIAS		170	/* u16 per lane, 2 uA */
#define CMIS_P11_RX_POWER		186	/* u16 per lane, 0.1 uW */
#define CMIS_P11_CONFIG_STATUS		202	/* 202-205: a nibble per lane */
#define CMIS_P11_ACTIVE_DPCONFIG	206	/* 206-213 */

/* ConfigStatus codes (11h:202-205 nibbles), CMIS 5.2 section 8.10 */
enum cmis_config_status {
	CMIS_CONFIG_UNDEFINED		= 0,
	CMIS_CONFIG_SUCCESS		= 1,
	CMIS_CONFIG_REJECTED		= 2,
	CMIS_CONFIG_INVALID_APPSEL	= 3,
	CMIS_CONFIG_INVALID_DP		= 4,
	CMIS_CONFIG_INVALID_SI		= 5,
	CMIS_CONFIG_LANES_IN_USE	= 6,
	CMIS_CONFIG_PARTIAL_DP		= 7,
	CMIS_CONFIG_IN_PROGRESS		= 0xc,
};

/* DataPath state codes (11h:128-131 nibbles), CMIS 5.2 section 6.3.3 */
enum cmis_dp_state {
	CMIS_DP_DEACTIVATED	= 1,
	CMIS_DP_INIT		= 2,
	CMIS_DP_DEINIT		= 3,
	CMIS_DP_ACTIVATED	= 4,
	CMIS_DP_TXTURNON	= 5,
	CMIS_DP_TXTURNOFF	= 6,
	CMIS_DP_INITIALIZED	= 7,
};

#define CMIS_PAGE_LANE_CTRL		0x10
#define CMIS_PAGE_LANE_STATUS		0x11

/* SFF-8024 identifiers (00h:0) */
#define SFF8024_ID_SFP			0x03
#define SFF8024_ID_QSFP			0x0c
#define SFF8024_ID_QSFP_PLUS		0x0d
#define SFF8024_ID_QSFP28		0x11
#define SFF8024_ID_QSFP_DD		0x18
#define SFF8024_ID_OSFP			0x19
#define SFF8024_ID_DSFP			0x1b
#define SFF8024_ID_QSFP_PLUS_CMIS	0x1e
#define SFF8024_ID_SFP_DD_CMIS		0x1f
#define SFF8024_ID_SFP_PLUS_CMIS	0x20
#define SFF8024_ID_OSFP_XD		0x21
#define SFF8024_ID_XPO			0x26

/*
 * The XPO module's telemetry page (provisional, Documentation/xpo-model.rst):
 * page B0h of bank 0, in the CMIS vendor range.  BE like every CMIS monitor; temperatures s16 in
 * 1/256 degC as 00h:14.
 */
#define XPO_PAGE_TELEMETRY		0xb0
#define XPO_TLM_MAX_POWER		128	/* u16, 10 mW */
#define XPO_TLM_POWER			130	/* u16, 10 mW: live draw */
#define XPO_TLM_COOLANT_IN		132	/* s16, 1/256 degC */
#define XPO_TLM_COOLANT_OUT		134	/* s16, 1/256 degC */
#define XPO_TLM_COOLANT_FLOW		136	/* u16, mL/min */
#define XPO_TLM_STATUS			138	/* live status bits */
#define  XPO_TLM_STATUS_LEAK		0x01
#define  XPO_TLM_STATUS_FLOW_LOW	0x02
#define XPO_TLM_FLAGS			139	/* latched, clear on read */
#define XPO_TLM_ENGINE_FLAGS		140	/* latched: b<n> engine n hot */
#define XPO_TLM_ENGINES			141	/* optical engines (<= 8) */
#define XPO_TLM_ENGINE_TEMP		142	/* 142-157: s16 per engine */

/*
 * Banks advertised in 01h:142 b1-0, as a count.  CMIS reserves code 3; the
 * XPO module uses it for its 8 banks (Documentation/xpo-model.rst).
 */
static inline unsigned int cmis_banks_from_p01(unsigned char p01_142)
{
	unsigned int code = p01_142 & CMIS_P01_BANKS_MASK;

	return 1U << (code == 3 ? 3 : code);
}

#endif
