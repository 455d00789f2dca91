/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CMIS 5.2 memory map: the byte offsets, field masks and codes that both the
 * cage core and the emulated module use.  Offsets within the 256-byte window
 * at I2C address 0x50: 0-127 lower memory, 128-255 the selected bank/page.
 *
 * Sources: OIF CMIS 5.2 (section numbers given where known), SFF-8024.
 */
#ifndef _XPO_CMIS_H
#define _XPO_CMIS_H

#include <linux/bits.h>

#define CMIS_I2C_ADDR			0x50
#define CMIS_PAGE_SIZE			128	/* bytes in one upper page */
#define CMIS_LOWER_SIZE			128
#define CMIS_UPPER_OFFSET		128	/* first byte of the paged window */
#define CMIS_WINDOW_SIZE		256

/* Lower memory (page 00h, bytes 0-127), CMIS 5.2 section 8.2 */
#define CMIS_ID				0	/* SFF-8024 identifier */
#define CMIS_REV			1	/* b7-4 major, b3-0 minor */
#define CMIS_MEM_CHAR			2
#define  CMIS_MEM_FLAT			BIT(7)	/* only page 00h exists */
#define  CMIS_MEM_CLEI_PRESENT		BIT(5)
#define  CMIS_MEM_MCI_MAX_SPEED		GENMASK(3, 2)
#define CMIS_MODULE_STATE		3
#define  CMIS_MODULE_STATE_MASK		GENMASK(3, 1)
#define  CMIS_INT_DEASSERTED		BIT(0)	/* mirrors the IntL pin */
#define CMIS_BANK0_FLAGS_SUMMARY	4	/* 4-7: lane flag summaries */
#define CMIS_MODULE_FLAGS		8	/* 8-13: latched, clear on read */
#define  CMIS_FLAG_STATE_CHANGED	BIT(0)
#define  CMIS_FLAG_FW_ERROR		BIT(1)
#define  CMIS_FLAG_DP_FW_ERROR		BIT(2)
#define  CMIS_FLAG_CDB1_COMPLETE	BIT(6)
#define  CMIS_FLAG_CDB2_COMPLETE	BIT(7)
#define CMIS_TEMP_VCC_FLAGS		9	/* b0-3 temp HA/LA/HW/LW, b4-7 Vcc */
#define  CMIS_FLAG_TEMP_HALARM		BIT(0)
#define  CMIS_FLAG_TEMP_LALARM		BIT(1)
#define  CMIS_FLAG_TEMP_HWARN		BIT(2)
#define  CMIS_FLAG_TEMP_LWARN		BIT(3)
#define  CMIS_FLAG_VCC_HALARM		BIT(4)
#define  CMIS_FLAG_VCC_LALARM		BIT(5)
#define  CMIS_FLAG_VCC_HWARN		BIT(6)
#define  CMIS_FLAG_VCC_LWARN		BIT(7)
#define CMIS_AUX_FLAGS			10	/* 10-11 Aux 1-3 flags */
#define CMIS_VENDOR_FLAGS		12	/* 12-13 custom flags */
#define CMIS_MODULE_MASKS		31	/* 31-36: masks for 8-13 */
#define CMIS_TEMP			14	/* s16 BE, 1/256 degC */
#define CMIS_VCC			16	/* u16 BE, 100 uV */
#define CMIS_AUX1			18
#define CMIS_AUX2			20
#define CMIS_AUX3			22
#define CMIS_CUSTOM_MON			24
#define CMIS_MODULE_CTRL		26	/* global controls */
#define  CMIS_CTRL_BANK_BCAST		BIT(7)
#define  CMIS_CTRL_LOWPWR_ALLOW_HW	BIT(6)	/* honour the LPMode pin */
#define  CMIS_CTRL_SQUELCH_POUT		BIT(5)
#define  CMIS_CTRL_LOWPWR_REQ_SW	BIT(4)
#define  CMIS_CTRL_SW_RESET		BIT(3)
#define CMIS_CDB1_STATUS		37
#define CMIS_CDB2_STATUS		38
#define CMIS_FW_ACTIVE_MAJOR		39
#define CMIS_FW_ACTIVE_MINOR		40
#define CMIS_FAULT_CAUSE		41
#define CMIS_MEDIA_TYPE			85
/* Media type codes: which SFF-8024 media interface table 00h:86+ uses */
#define  CMIS_MEDIA_TYPE_UNDEFINED	0x00
#define  CMIS_MEDIA_TYPE_MMF		0x01	/* SFF-8024 Table 4-6 */
#define  CMIS_MEDIA_TYPE_SMF		0x02	/* SFF-8024 Table 4-7 */
#define  CMIS_MEDIA_TYPE_PASSIVE_CU	0x03	/* SFF-8024 Table 4-8 */
#define  CMIS_MEDIA_TYPE_ACTIVE_CABLE	0x04	/* SFF-8024 Table 4-9 */
#define  CMIS_MEDIA_TYPE_BASE_T		0x05	/* SFF-8024 Table 4-10 */
#define CMIS_APP_DESC_LOWER		86	/* apps 1-8, 4 bytes each */
#define CMIS_APP_DESC_LOWER_NUM		8
#define CMIS_PASSWORD_CHANGE		118
#define CMIS_PASSWORD_ENTRY		122
#define CMIS_PASSWORD_LEN		4	/* both: a BE32, write-only */
#define CMIS_BANK_SELECT		126
#define CMIS_PAGE_SELECT		127

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
#define  CMIS_POWER_CLASS_MASK		GENMASK(7, 5)
#define CMIS_MAX_POWER			201	/* u8, 0.25 W units */
#define CMIS_CABLE_LEN			202
#define CMIS_CONNECTOR			203
#define CMIS_MEDIA_TECH			212

/* Page 01h: advertising, CMIS 5.2 section 8.4 */
#define CMIS_P01_FW_INACTIVE_MAJOR	128
#define CMIS_P01_FW_INACTIVE_MINOR	129
#define CMIS_P01_HW_MAJOR		130
#define CMIS_P01_HW_MINOR		131
#define CMIS_P01_PAGES			142
/* 01h:155 b6 TransmitterIsTunable: pages 04h and 12h (CMIS 5.2 8.4.7) */
#define CMIS_P01_TX_CTRL_ADV		155
#define  CMIS_P01_TX_TUNABLE		BIT(6)
#define CMIS_PAGE_LASER_CAPS		0x04
#define CMIS_PAGE_LASER_TUNING		0x12
#define  CMIS_P01_BANKS_MASK		GENMASK(1, 0)
#define  CMIS_P01_BANKS_1		0
#define  CMIS_P01_BANKS_2		1
#define  CMIS_P01_BANKS_4		2
#define  CMIS_P01_BANKS_RESERVED	3	/* XPO model: 8 banks */
#define  CMIS_P01_PAGE_03		BIT(2)	/* user page 03h */
#define  CMIS_P01_PAGE_05		BIT(3)	/* form factor page 05h */
#define  CMIS_P01_PAGE_13_14		BIT(5)
#define  CMIS_P01_VDM			BIT(6)
#define  CMIS_P01_PAGE_16_17		BIT(7)	/* network path pages */
#define CMIS_P01_DP_DURATION		144	/* b3-0 DPInit, b7-4 DPDeinit */
#define CMIS_P01_MODULE_CHAR		151	/* module characteristics */
#define  CMIS_P01_RX_POWER_AVG		BIT(4)	/* Rx power: 1 average, 0 OMA */
#define CMIS_P01_MON_SUPPORT		160
#define  CMIS_P01_MON_TX_BIAS		BIT(0)	/* lane monitors on 11h */
#define  CMIS_P01_MON_TX_POWER		BIT(1)
#define  CMIS_P01_MON_RX_POWER		BIT(2)
#define  CMIS_P01_MON_TX_BIAS_MUL	GENMASK(4, 3)	/* x1, x2, x4 */
#define CMIS_P01_CDB_SUPPORT		163
#define  CMIS_P01_CDB_INSTANCES		GENMASK(7, 6)	/* 0 = no CDB */
#define  CMIS_P01_CDB_EPL_PAGES		GENMASK(3, 0)	/* 0 = no EPL */
#define CMIS_P01_CDB_RW_EXT		164	/* 8 * (1 + n) bytes on EPL */
#define CMIS_P01_MODULE_DURATION	167	/* b3-0 PwrUp, b7-4 PwrDn */
#define CMIS_P01_TX_DURATION		168	/* b3-0 TxTurnOn, b7-4 TxTurnOff */
#define CMIS_P01_MEDIA_LANE_ASSIGN	176	/* 176-190: apps 1-15 */
#define CMIS_P01_APP_DESC_UPPER		223	/* apps 9-15, 4 bytes each */
#define CMIS_P01_APP_DESC_UPPER_NUM	7

/* Application descriptor layout (4 bytes), CMIS 5.2 section 8.2.11 */
#define CMIS_APP_HOST_IF		0
#define CMIS_APP_MEDIA_IF		1
#define CMIS_APP_LANE_COUNTS		2	/* b7-4 host, b3-0 media */
#define CMIS_APP_HOST_LANE_ASSIGN	3
#define CMIS_APP_DESC_SIZE		4
#define CMIS_APP_HOST_IF_UNUSED		0xff
#define CMIS_APP_HOST_IF_UNDEFINED	0x00	/* SFF-8024 Table 4-5 */
#define CMIS_APP_LANES_MAX		8	/* lane counts 9-15 are reserved */
#define CMIS_APP_MAX			15

/*
 * Duration codes (4 bits) used by 01h:144, 167, 168: the upper bound of the
 * advertised duration.  Code 0 = < 1 ms ... 13 = >= 50 min; 14-15 reserved.
 * Table 8-47 in CMIS 5.2.
 */
#define CMIS_DURATION_CODES		14

/* Page 02h: thresholds, each s16/u16 BE in monitor units, CMIS 5.2 8.5 */
#define CMIS_P02_TEMP_HALARM		128
#define CMIS_P02_TEMP_LALARM		130
#define CMIS_P02_TEMP_HWARN		132
#define CMIS_P02_TEMP_LWARN		134
#define CMIS_P02_VCC_HALARM		136
#define CMIS_P02_VCC_LALARM		138
#define CMIS_P02_VCC_HWARN		140
#define CMIS_P02_VCC_LWARN		142
#define CMIS_P02_TXPWR_HALARM		176
#define CMIS_P02_TXBIAS_HALARM		184
#define CMIS_P02_RXPWR_HALARM		192

/* Page 10h: lane control (banked), CMIS 5.2 section 8.9 */
#define CMIS_P10_DP_DEINIT		128
#define CMIS_P10_TX_DISABLE		130
#define CMIS_P10_RX_DISABLE		138
#define CMIS_P10_APPLY_DPINIT		143
#define CMIS_P10_APPLY_IMMEDIATE	144
#define CMIS_P10_DPCONFIG		145	/* 145-152: lanes 1-8 */
#define  CMIS_DPCONFIG_APPSEL		GENMASK(7, 4)	/* 0 = lane unused */
#define  CMIS_DPCONFIG_DPID		GENMASK(3, 1)	/* first lane of the DP */
#define  CMIS_DPCONFIG_EXPLICIT		BIT(0)	/* use the staged SI */
#define CMIS_P10_LANE_MASKS		213	/* 213-231: masks of 11h:134-152 */

/* Page 11h: lane status (banked), CMIS 5.2 section 8.10 */
#define CMIS_P11_DP_STATE		128	/* 128-131: a nibble per lane */
#define CMIS_P11_RX_OUTPUT_STATUS	132	/* b<n>: lane n+1 output valid */
#define CMIS_P11_TX_OUTPUT_STATUS	133
#define CMIS_P11_LANE_FLAGS		134	/* 134-152: latched, clear on read */
#define CMIS_P11_LANE_FLAGS_LEN		19
#define CMIS_P11_DP_STATE_CHANGED	134	/* b<n>: lane n+1 DP state changed */
#define CMIS_P11_TX_FAULT		135
#define CMIS_P11_TX_LOS			136
#define CMIS_P11_TX_CDR_LOL		137
#define CMIS_P11_RX_LOS			147
#define CMIS_P11_RX_CDR_LOL		148
#define CMIS_P11_TX_POWER		154	/* u16 per lane, 0.1 uW */
#define CMIS_P11_TX_BIAS		170	/* u16 per lane, 2 uA */
#define CMIS_P11_RX_POWER		186	/* u16 per lane, 0.1 uW */
#define CMIS_P11_LANE_MON		CMIS_P11_TX_POWER  /* 154-201 */
#define CMIS_P11_LANE_MON_LEN		48
#define CMIS_P11_CONFIG_STATUS		202	/* 202-205: a nibble per lane */
#define CMIS_P11_ACTIVE_DPCONFIG	206	/* 206-213 */
#define CMIS_P11_DPINIT_PENDING		235

/* 00h:4-7, banks 0-3: bit set while a flag of the bank's page 11h is set */
#define  CMIS_FLAGS_SUMMARY_P11		BIT(0)

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

#define CMIS_LANES_PER_BANK		8
#define CMIS_PAGE_LANE_CTRL		0x10
#define CMIS_PAGE_LANE_STATUS		0x11
#define CMIS_PAGE_CDB			0x9f
#define CMIS_PAGE_EPL_FIRST		0xa0
#define CMIS_PAGE_EPL_LAST		0xaf
/* Pages 10h-FFh are banked, except the CDB pages (9Fh-AFh) of bank 0 */
#define CMIS_FIRST_BANKED_PAGE		0x10

/* SFF-8024 identifiers the stock kernel and ethtool decode as CMIS */
#define SFF8024_ID_QSFP_DD		0x18
#define SFF8024_ID_OSFP			0x19
#define SFF8024_ID_DSFP			0x1b
#define SFF8024_ID_QSFP_PLUS_CMIS	0x1e
#define SFF8024_ID_SFP_DD_CMIS		0x1f
#define SFF8024_ID_SFP_PLUS_CMIS	0x20
#define SFF8024_ID_XPO			0x26
/* More SFF-8024 identifiers, for names in diagnostics */
#define SFF8024_ID_SFP			0x03
#define SFF8024_ID_QSFP			0x0c
#define SFF8024_ID_QSFP_PLUS		0x0d
#define SFF8024_ID_QSFP28		0x11
#define SFF8024_ID_OSFP_XD		0x21	/* OSFP-XD, CMIS */

#endif /* _XPO_CMIS_H */
