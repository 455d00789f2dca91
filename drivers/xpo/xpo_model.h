/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The provisional XPO management model.
 *
 * The XPO MSA has not published its management interface.  Every choice
 * below is ours, documented in Documentation/xpo-model.rst, and kept in this
 * one header so that when the MSA settles a point only this file (and the
 * code that consumes the constant) changes.
 *
 * Model summary:
 *  - one CMIS 5.2 memory map per module at I2C 0x50, 1 MHz by default;
 *  - 64 host lanes = 8 banks of 8 lanes; 01h:142 b1-0 = 11b means 8 banks;
 *    bank b carries 1.6T port b (lanes 8b..8b+7);
 *  - SFF-8024 identifier 0x26; power class 8, 00h:201 saturates at 63.75 W,
 *    the real maximum and live power are on the telemetry page;
 *  - one XPO telemetry page (B0h, bank 0) for power, per-engine and coolant
 *    telemetry and their thresholds;
 *  - cage signals: present, reset, low-power request, interrupt,
 *    power-enable and coolant leak detect.
 */
#ifndef _XPO_MODEL_H
#define _XPO_MODEL_H

#include "cmis.h"

#define XPO_CAGES_PER_RU		16
#define XPO_BANKS			8
#define XPO_LANES			(XPO_BANKS * CMIS_LANES_PER_BANK)
#define XPO_I2C_BUS_HZ_DEFAULT		1000000	/* Fast-mode Plus */
#define XPO_MAX_POWER_MW		400000

/* Banks advertised in 01h:142 b1-0, as a count: 1, 2, 4, and (XPO) 8 */
static inline unsigned int xpo_banks_from_p01(u8 p01_142)
{
	return 1U << ((p01_142 & CMIS_P01_BANKS_MASK) == CMIS_P01_BANKS_RESERVED ?
		      3 : (p01_142 & CMIS_P01_BANKS_MASK));
}

/*
 * Cage description (firmware-node properties and named GPIOs).  A board
 * driver (the emulated board, a PCIe FPGA, or DT/ACPI) describes each cage
 * as a platform device named XPO_CAGE_DRV_NAME, carrying:
 *
 *   "i2c-bus"                  reference to the cage's I2C adapter fwnode
 *   "maximum-power-milliwatt"  u32, the cage's power budget (as sfp.c)
 *   "xpo,board"                u32, optional (default 0): the board (rack
 *                              unit) the cage is on, 0-XPO_BOARD_MAX, as
 *                              the board numbers itself
 *   "xpo,cage"                 u32, optional: the front-panel number of the
 *                              cage on its board; default the platform
 *                              device id (single-board descriptions)
 *   "xpo,board-protection"     bool, optional: the board's own logic cuts
 *                              power on a leak (and whatever else it
 *                              protects), so the core leaves running
 *                              modules running when it lets go of a cage
 *   "xpo,external-ports"       bool, optional: the switch driver owns the
 *                              cage's port netdevs and attaches them
 *                              (xpo_attach.h); the core makes none
 *
 * A single board may leave both out and number its cage devices by their
 * front-panel numbers, as the first descriptions did.  Several boards in
 * one system cannot: platform device names are unique on the bus, so their
 * cage devices carry other ids and say where they are with "xpo,board" and
 * "xpo,cage" (the emulator uses id 16B + N for cage N of board B != 0).
 *
 * and GPIOs looked up by these connection ids (gpiod lookup table or
 * "<con-id>-gpios" properties).  Polarity is carried by the lookup flags so
 * that a logical 1 always means "asserted" as named:
 */
#define XPO_CAGE_DRV_NAME		"xpo_cage"
#define XPO_PROP_I2C_BUS		"i2c-bus"
#define XPO_PROP_MAX_POWER		"maximum-power-milliwatt"
#define XPO_PROP_BOARD_PROTECTION	"xpo,board-protection"
#define XPO_PROP_BOARD			"xpo,board"
#define XPO_PROP_CAGE			"xpo,cage"
#define XPO_PROP_EXTERNAL_PORTS		"xpo,external-ports"
#define XPO_BOARD_MAX			255

#define XPO_GPIO_PRESENT		"present"	/* in:  ModPrsL, 1 = module seated */
#define XPO_GPIO_INT			"int"		/* in:  IntL, 1 = interrupt pending */
#define XPO_GPIO_LEAK			"leak"		/* in:  1 = coolant leak detected */
#define XPO_GPIO_RESET			"reset"		/* out: ResetL, 1 = hold in reset */
#define XPO_GPIO_LPMODE			"lpmode"	/* out: LPMode, 1 = request low power */
#define XPO_GPIO_POWER			"power-enable"	/* out: 1 = cage supply on */

/*
 * XPO telemetry page (provisional): page B0h, bank 0, in the CMIS custom
 * range.  Multi-byte values are big-endian like every CMIS monitor.
 * Temperatures are s16 in 1/256 degC, as CMIS 00h:14.
 */
#define XPO_PAGE_TELEMETRY		0xb0
#define XPO_TLM_MAX_POWER		128	/* u16, 10 mW: real max power */
#define XPO_TLM_POWER			130	/* u16, 10 mW: live power draw */
#define XPO_TLM_COOLANT_IN		132	/* s16, 1/256 degC: inlet */
#define XPO_TLM_COOLANT_OUT		134	/* s16, 1/256 degC: outlet */
#define XPO_TLM_COOLANT_FLOW		136	/* u16, mL/min */
#define XPO_TLM_STATUS			138	/* live status bits */
#define  XPO_TLM_STATUS_LEAK		BIT(0)	/* module's own leak sensor */
#define  XPO_TLM_STATUS_FLOW_LOW	BIT(1)
#define XPO_TLM_FLAGS			139	/* latched, clear on read */
#define  XPO_TLM_FLAG_LEAK		BIT(0)
#define  XPO_TLM_FLAG_FLOW_LALARM	BIT(1)
#define  XPO_TLM_FLAG_FLOW_LWARN	BIT(2)
#define  XPO_TLM_FLAG_OUT_HALARM	BIT(3)
#define  XPO_TLM_FLAG_OUT_HWARN		BIT(4)
#define  XPO_TLM_FLAG_POWER_HALARM	BIT(5)
#define  XPO_TLM_FLAG_POWER_HWARN	BIT(6)
#define XPO_TLM_ENGINE_FLAGS		140	/* latched: b<n> engine n over temp */
#define XPO_TLM_ENGINES			141	/* number of optical engines (<= 8) */
#define XPO_TLM_ENGINE_TEMP		142	/* 142-157: s16 per engine */
#define XPO_TLM_ENGINES_MAX		8
/* Thresholds, same units as the values they guard */
#define XPO_TLM_POWER_HALARM		160
#define XPO_TLM_POWER_HWARN		162
#define XPO_TLM_OUT_HALARM		164
#define XPO_TLM_OUT_HWARN		166
#define XPO_TLM_FLOW_LALARM		168
#define XPO_TLM_FLOW_LWARN		170
#define XPO_TLM_ENGINE_HALARM		172
#define XPO_TLM_ENGINE_HWARN		174

#endif /* _XPO_MODEL_H */
