/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/xpo.yaml */
/* YNL-GEN uapi header */

#ifndef _UAPI_LINUX_XPO_H
#define _UAPI_LINUX_XPO_H

#define XPO_FAMILY_NAME		"xpo"
#define XPO_FAMILY_VERSION	1

#define XPO_EEPROM_LEN_MAX	128

/**
 * enum xpo_cage_state - The state of a cage, as the core's state machine sees
 *   it.
 * @XPO_CAGE_STATE_EMPTY: no module seated
 * @XPO_CAGE_STATE_PROBING: reading and checking the module's identity
 * @XPO_CAGE_STATE_LOW_POWER: identified, module in (or held in) low power
 * @XPO_CAGE_STATE_POWERING_UP: high power requested, waiting for ModuleReady
 * @XPO_CAGE_STATE_READY: the module is ready (ModuleReady)
 * @XPO_CAGE_STATE_FAULT: unusable until removed, reset or power-cycled
 * @XPO_CAGE_STATE_POWERED_OFF: the cage supply is switched off
 */
enum xpo_cage_state {
	XPO_CAGE_STATE_EMPTY,
	XPO_CAGE_STATE_PROBING,
	XPO_CAGE_STATE_LOW_POWER,
	XPO_CAGE_STATE_POWERING_UP,
	XPO_CAGE_STATE_READY,
	XPO_CAGE_STATE_FAULT,
	XPO_CAGE_STATE_POWERED_OFF,
};

/**
 * enum xpo_fault_reason - Why a cage is in fault (or its module held in low
 *   power).
 * @XPO_FAULT_REASON_NO_RESPONSE: the module does not answer on its management
 *   interface
 * @XPO_FAULT_REASON_BAD_IDENTIFIER: 00h:0 is not a CMIS identifier
 * @XPO_FAULT_REASON_BAD_REVISION: 00h:1 is not a CMIS 4.x or 5.x memory map
 * @XPO_FAULT_REASON_MODULE_FAULT: the module reports ModuleFault (see
 *   fault-cause)
 * @XPO_FAULT_REASON_POWER_UP_TIMEOUT: no ModuleReady within the advertised
 *   budget
 * @XPO_FAULT_REASON_POWER_BUDGET: the module's maximum power exceeds the
 *   cage's budget
 * @XPO_FAULT_REASON_BUSY_TIMEOUT: the module kept NACKing past the bound of
 *   the lease it was busy for (a CDB command or a firmware job)
 */
enum xpo_fault_reason {
	XPO_FAULT_REASON_NONE,
	XPO_FAULT_REASON_NO_RESPONSE,
	XPO_FAULT_REASON_BAD_IDENTIFIER,
	XPO_FAULT_REASON_BAD_REVISION,
	XPO_FAULT_REASON_MODULE_FAULT,
	XPO_FAULT_REASON_POWER_UP_TIMEOUT,
	XPO_FAULT_REASON_POWER_BUDGET,
	XPO_FAULT_REASON_BUSY_TIMEOUT,
};

/**
 * enum xpo_module_state - CMIS module state (00h:3 bits 3-1), as last read.
 */
enum xpo_module_state {
	XPO_MODULE_STATE_LOW_PWR = 1,
	XPO_MODULE_STATE_PWR_UP,
	XPO_MODULE_STATE_READY,
	XPO_MODULE_STATE_PWR_DN,
	XPO_MODULE_STATE_FAULT,
};

/**
 * enum xpo_power_mode_policy - Module power mode policy of a cage, as
 *   ethtool's.
 * @XPO_POWER_MODE_POLICY_HIGH: high power whenever possible
 * @XPO_POWER_MODE_POLICY_AUTO: high power while a port of the cage is
 *   administratively up
 */
enum xpo_power_mode_policy {
	XPO_POWER_MODE_POLICY_HIGH,
	XPO_POWER_MODE_POLICY_AUTO,
};

/**
 * enum xpo_event - What a notification on the monitor group reports.
 * @XPO_EVENT_INSERT: a module was seated
 * @XPO_EVENT_REMOVE: the module was removed
 * @XPO_EVENT_STATE: the cage changed state
 * @XPO_EVENT_ALARM: a coolant or thermal condition was seen (event-cond),
 *   reported once until the cage is re-armed
 * @XPO_EVENT_PROTECT: the protection acted (event-cond, event-action) and
 *   holds until re-armed
 * @XPO_EVENT_REARM: an admin re-armed the cage's protection
 * @XPO_EVENT_PORTS: the cage's ports changed (port-split, port-unsplit,
 *   devlink port split): port-get tells the new ones
 * @XPO_EVENT_PORT_SETTINGS: a port's host-side SI or laser tuning changed
 *   (si-set, tune-set): si-get and tune-get tell the new settings
 */
enum xpo_event {
	XPO_EVENT_INSERT = 1,
	XPO_EVENT_REMOVE,
	XPO_EVENT_STATE,
	XPO_EVENT_ALARM,
	XPO_EVENT_PROTECT,
	XPO_EVENT_REARM,
	XPO_EVENT_PORTS,
	XPO_EVENT_PORT_SETTINGS,
};

/**
 * enum xpo_memory - How the module's memory is organised (00h:2 bit 7).
 */
enum xpo_memory {
	XPO_MEMORY_PAGED,
	XPO_MEMORY_FLAT,
};

/**
 * enum xpo_protection_cond - A coolant or thermal condition the protection
 *   watches.
 * @XPO_PROTECTION_COND_LEAK: the cage's leak detect line, or the module's leak
 *   sensor
 * @XPO_PROTECTION_COND_FLOW_LOW: coolant flow under the module's low alarm (or
 *   flow-min)
 * @XPO_PROTECTION_COND_OVERTEMP: case or optical engine temperature at its
 *   high alarm (or temp-max)
 */
enum xpo_protection_cond {
	XPO_PROTECTION_COND_LEAK,
	XPO_PROTECTION_COND_FLOW_LOW,
	XPO_PROTECTION_COND_OVERTEMP,
};

/**
 * enum xpo_protection_action - What the protection does about a condition, in
 *   rising severity.
 * @XPO_PROTECTION_ACTION_OFF: the condition is ignored
 * @XPO_PROTECTION_ACTION_ALERT: an alarm event only
 * @XPO_PROTECTION_ACTION_LOW_POWER: the module is held in low power until
 *   re-armed
 * @XPO_PROTECTION_ACTION_POWER_OFF: the cage supply is switched off until
 *   re-armed
 */
enum xpo_protection_action {
	XPO_PROTECTION_ACTION_OFF,
	XPO_PROTECTION_ACTION_ALERT,
	XPO_PROTECTION_ACTION_LOW_POWER,
	XPO_PROTECTION_ACTION_POWER_OFF,
};

/**
 * enum xpo_lane_flag - The latched lane flags of page 11h (CMIS 5.2 section
 *   8.10): bit n is the lane's bit of byte 134 + n of its bank.
 */
enum xpo_lane_flag {
	XPO_LANE_FLAG_DP_STATE_CHANGED = 1,
	XPO_LANE_FLAG_TX_FAULT = 2,
	XPO_LANE_FLAG_TX_LOS = 4,
	XPO_LANE_FLAG_TX_CDR_LOL = 8,
	XPO_LANE_FLAG_TX_EQ_FAULT = 16,
	XPO_LANE_FLAG_TX_POWER_HIGH_ALARM = 32,
	XPO_LANE_FLAG_TX_POWER_LOW_ALARM = 64,
	XPO_LANE_FLAG_TX_POWER_HIGH_WARNING = 128,
	XPO_LANE_FLAG_TX_POWER_LOW_WARNING = 256,
	XPO_LANE_FLAG_TX_BIAS_HIGH_ALARM = 512,
	XPO_LANE_FLAG_TX_BIAS_LOW_ALARM = 1024,
	XPO_LANE_FLAG_TX_BIAS_HIGH_WARNING = 2048,
	XPO_LANE_FLAG_TX_BIAS_LOW_WARNING = 4096,
	XPO_LANE_FLAG_RX_LOS = 8192,
	XPO_LANE_FLAG_RX_CDR_LOL = 16384,
	XPO_LANE_FLAG_RX_POWER_HIGH_ALARM = 32768,
	XPO_LANE_FLAG_RX_POWER_LOW_ALARM = 65536,
	XPO_LANE_FLAG_RX_POWER_HIGH_WARNING = 131072,
	XPO_LANE_FLAG_RX_POWER_LOW_WARNING = 262144,
};

/**
 * enum xpo_dp_state - The state of a host lane's data path, as CMIS codes it
 *   (11h:128-131, CMIS 5.2 table 8-80)
 */
enum xpo_dp_state {
	XPO_DP_STATE_DEACTIVATED = 1,
	XPO_DP_STATE_INIT,
	XPO_DP_STATE_DEINIT,
	XPO_DP_STATE_ACTIVATED,
	XPO_DP_STATE_TX_TURN_ON,
	XPO_DP_STATE_TX_TURN_OFF,
	XPO_DP_STATE_INITIALIZED,
};

/**
 * enum xpo_reach - Reach profile of an application's media interface, from its
 *   media interface ID (SFF-8024 tables 4-6 and 4-7)
 * @XPO_REACH_SR: multimode, 850 nm (SR, VR, SWDM, BiDi)
 * @XPO_REACH_DR: single-mode parallel, 500 m (DRn, PSM4)
 * @XPO_REACH_FR: single-mode duplex, 2 km (FRn, CWDM4)
 * @XPO_REACH_LR: single-mode, 10 km (LRn)
 * @XPO_REACH_ER: single-mode, 20-40 km (ERn)
 * @XPO_REACH_ZR: coherent DWDM (400ZR, 800ZR, ZR)
 * @XPO_REACH_ZR_PLUS: OpenZR+ (ZRnnn-OFEC)
 * @XPO_REACH_COHERENT_LITE: unamplified coherent, up to 10 km
 * @XPO_REACH_OTHER: copper, Fibre Channel, OTN, vendor specific, undefined
 */
enum xpo_reach {
	XPO_REACH_SR = 1,
	XPO_REACH_DR,
	XPO_REACH_FR,
	XPO_REACH_LR,
	XPO_REACH_ER,
	XPO_REACH_ZR,
	XPO_REACH_ZR_PLUS,
	XPO_REACH_COHERENT_LITE,
	XPO_REACH_OTHER,
};

/**
 * enum xpo_interface_arch - Electrical (host side) interface architecture,
 *   from the host interface IDs (SFF-8024 table 4-5) and, for linear modules,
 *   the media interface IDs
 * @XPO_INTERFACE_ARCH_RETIMED: C2M AUI, a DSP or CDR both ways ("fully
 *   retimed")
 * @XPO_INTERFACE_ARCH_HALF_RETIMED: RTLR, retimed transmit and linear receive
 *   (LRO)
 * @XPO_INTERFACE_ARCH_LINEAR: linear both ways (LPO)
 * @XPO_INTERFACE_ARCH_PASSIVE: passive copper, no module electronics
 */
enum xpo_interface_arch {
	XPO_INTERFACE_ARCH_RETIMED = 1,
	XPO_INTERFACE_ARCH_HALF_RETIMED,
	XPO_INTERFACE_ARCH_LINEAR,
	XPO_INTERFACE_ARCH_PASSIVE,
};

enum {
	XPO_A_APP_HOST_IF = 1,
	XPO_A_APP_MEDIA_IF,
	XPO_A_APP_HOST_LANES,
	XPO_A_APP_MEDIA_LANES,
	XPO_A_APP_HOST_ASSIGN,
	XPO_A_APP_MEDIA_ASSIGN,
	XPO_A_APP_APPSEL,
	XPO_A_APP_SPEED,
	XPO_A_APP_REACH,
	XPO_A_APP_ARCH,

	__XPO_A_APP_MAX,
	XPO_A_APP_MAX = (__XPO_A_APP_MAX - 1)
};

enum {
	XPO_A_BREAKOUT_MODE_PORTS = 1,
	XPO_A_BREAKOUT_MODE_LANES,
	XPO_A_BREAKOUT_MODE_SPEED,

	__XPO_A_BREAKOUT_MODE_MAX,
	XPO_A_BREAKOUT_MODE_MAX = (__XPO_A_BREAKOUT_MODE_MAX - 1)
};

enum {
	XPO_A_PROTECT_LEAK = 1,
	XPO_A_PROTECT_FLOW_LOW,
	XPO_A_PROTECT_OVERTEMP,
	XPO_A_PROTECT_TRIPPED,
	XPO_A_PROTECT_REASON,
	XPO_A_PROTECT_ACTION,
	XPO_A_PROTECT_TRIPPED_TIME,
	XPO_A_PROTECT_ALERTS,
	XPO_A_PROTECT_FLOW_MIN,
	XPO_A_PROTECT_TEMP_MAX,
	XPO_A_PROTECT_PAD,

	__XPO_A_PROTECT_MAX,
	XPO_A_PROTECT_MAX = (__XPO_A_PROTECT_MAX - 1)
};

enum {
	XPO_A_CAGE_ID = 1,
	XPO_A_CAGE_PRESENT,
	XPO_A_CAGE_STATE,
	XPO_A_CAGE_PREV_STATE,
	XPO_A_CAGE_FAULT,
	XPO_A_CAGE_FAULT_CAUSE,
	XPO_A_CAGE_MODULE_STATE,
	XPO_A_CAGE_IDENTIFIER,
	XPO_A_CAGE_CMIS_REV,
	XPO_A_CAGE_MEMORY,
	XPO_A_CAGE_VENDOR,
	XPO_A_CAGE_VENDOR_OUI,
	XPO_A_CAGE_PART_NUMBER,
	XPO_A_CAGE_REVISION,
	XPO_A_CAGE_SERIAL,
	XPO_A_CAGE_DATE_CODE,
	XPO_A_CAGE_CLEI,
	XPO_A_CAGE_FW_ACTIVE,
	XPO_A_CAGE_FW_INACTIVE,
	XPO_A_CAGE_HW_REV,
	XPO_A_CAGE_MEDIA_TYPE,
	XPO_A_CAGE_BANKS,
	XPO_A_CAGE_PORTS,
	XPO_A_CAGE_LANES_PER_PORT,
	XPO_A_CAGE_POWER_CLASS,
	XPO_A_CAGE_MAX_POWER,
	XPO_A_CAGE_POWER_BUDGET,
	XPO_A_CAGE_POWER_DRAW,
	XPO_A_CAGE_POWER_POLICY,
	XPO_A_CAGE_MODULE_TEMP,
	XPO_A_CAGE_COOLANT_IN_TEMP,
	XPO_A_CAGE_COOLANT_OUT_TEMP,
	XPO_A_CAGE_COOLANT_FLOW,
	XPO_A_CAGE_LEAK,
	XPO_A_CAGE_MODULE_FLAGS,
	XPO_A_CAGE_TELEMETRY_FLAGS,
	XPO_A_CAGE_APP,
	XPO_A_CAGE_RESET,
	XPO_A_CAGE_POWER,
	XPO_A_CAGE_EVENT,
	XPO_A_CAGE_EVENT_SEQ,
	XPO_A_CAGE_SUPPLY_VOLTAGE,
	XPO_A_CAGE_ENGINE_TEMP,
	XPO_A_CAGE_PROTECT,
	XPO_A_CAGE_REARM,
	XPO_A_CAGE_EVENT_COND,
	XPO_A_CAGE_EVENT_ACTION,
	XPO_A_CAGE_BOARD,
	XPO_A_CAGE_INTERFACE_ARCH,
	XPO_A_CAGE_REACH,
	XPO_A_CAGE_BREAKOUT_MODE,

	__XPO_A_CAGE_MAX,
	XPO_A_CAGE_MAX = (__XPO_A_CAGE_MAX - 1)
};

enum {
	XPO_A_EEPROM_ID = 1,
	XPO_A_EEPROM_BANK,
	XPO_A_EEPROM_PAGE,
	XPO_A_EEPROM_OFFSET,
	XPO_A_EEPROM_LENGTH,
	XPO_A_EEPROM_DATA,
	XPO_A_EEPROM_BOARD,

	__XPO_A_EEPROM_MAX,
	XPO_A_EEPROM_MAX = (__XPO_A_EEPROM_MAX - 1)
};

enum {
	XPO_A_LANES_ID = 1,
	XPO_A_LANES_BOARD,
	XPO_A_LANES_STALE,
	XPO_A_LANES_AGE,
	XPO_A_LANES_LANE,
	XPO_A_LANES_THRESHOLDS,

	__XPO_A_LANES_MAX,
	XPO_A_LANES_MAX = (__XPO_A_LANES_MAX - 1)
};

enum {
	XPO_A_LANE_THRESHOLDS_TX_POWER_HIGH_ALARM = 1,
	XPO_A_LANE_THRESHOLDS_TX_POWER_LOW_ALARM,
	XPO_A_LANE_THRESHOLDS_TX_POWER_HIGH_WARNING,
	XPO_A_LANE_THRESHOLDS_TX_POWER_LOW_WARNING,
	XPO_A_LANE_THRESHOLDS_TX_BIAS_HIGH_ALARM,
	XPO_A_LANE_THRESHOLDS_TX_BIAS_LOW_ALARM,
	XPO_A_LANE_THRESHOLDS_TX_BIAS_HIGH_WARNING,
	XPO_A_LANE_THRESHOLDS_TX_BIAS_LOW_WARNING,
	XPO_A_LANE_THRESHOLDS_RX_POWER_HIGH_ALARM,
	XPO_A_LANE_THRESHOLDS_RX_POWER_LOW_ALARM,
	XPO_A_LANE_THRESHOLDS_RX_POWER_HIGH_WARNING,
	XPO_A_LANE_THRESHOLDS_RX_POWER_LOW_WARNING,

	__XPO_A_LANE_THRESHOLDS_MAX,
	XPO_A_LANE_THRESHOLDS_MAX = (__XPO_A_LANE_THRESHOLDS_MAX - 1)
};

enum {
	XPO_A_LANE_INDEX = 1,
	XPO_A_LANE_TX_POWER,
	XPO_A_LANE_TX_BIAS,
	XPO_A_LANE_RX_POWER,
	XPO_A_LANE_FLAGS,

	__XPO_A_LANE_MAX,
	XPO_A_LANE_MAX = (__XPO_A_LANE_MAX - 1)
};

enum {
	XPO_A_PORT_PLAN_LANE_FIRST = 1,
	XPO_A_PORT_PLAN_LANE_COUNT,
	XPO_A_PORT_PLAN_SPEED,
	XPO_A_PORT_PLAN_APPSEL,
	XPO_A_PORT_PLAN_NAME,
	XPO_A_PORT_PLAN_REACH,

	__XPO_A_PORT_PLAN_MAX,
	XPO_A_PORT_PLAN_MAX = (__XPO_A_PORT_PLAN_MAX - 1)
};

enum {
	XPO_A_PORT_ID = 1,
	XPO_A_PORT_BOARD,
	XPO_A_PORT_INDEX,
	XPO_A_PORT_IFINDEX,
	XPO_A_PORT_LANE_FIRST,
	XPO_A_PORT_LANE_COUNT,
	XPO_A_PORT_UP,
	XPO_A_PORT_CARRIER,
	XPO_A_PORT_DP_STATE,
	XPO_A_PORT_PANEL,
	XPO_A_PORT_SUBPORT,
	XPO_A_PORT_SPLIT_COUNT,
	XPO_A_PORT_SPEED,
	XPO_A_PORT_APPSEL,
	XPO_A_PORT_DP_FAIL,
	XPO_A_PORT_MODE,
	XPO_A_PORT_DRY_RUN,
	XPO_A_PORT_PLAN,
	XPO_A_PORT_REACH,
	XPO_A_PORT_LANES,
	XPO_A_PORT_SI_TX_ADAPTIVE,
	XPO_A_PORT_SI_TX_EQ,
	XPO_A_PORT_SI_RX_PRE,
	XPO_A_PORT_SI_RX_POST,
	XPO_A_PORT_SI_RX_AMP,
	XPO_A_PORT_SI_CAPS,
	XPO_A_PORT_SI_LANE,
	XPO_A_PORT_TUNE_GRID,
	XPO_A_PORT_TUNE_CHANNEL,
	XPO_A_PORT_TUNE_FREQ,
	XPO_A_PORT_TUNE_POWER,
	XPO_A_PORT_TUNE_CAPS,
	XPO_A_PORT_TUNE_LANE,

	__XPO_A_PORT_MAX,
	XPO_A_PORT_MAX = (__XPO_A_PORT_MAX - 1)
};

enum {
	XPO_A_SI_CAPS_CONTROLS = 1,
	XPO_A_SI_CAPS_TX_EQ_MAX,
	XPO_A_SI_CAPS_RX_PRE_MAX,
	XPO_A_SI_CAPS_RX_POST_MAX,
	XPO_A_SI_CAPS_RX_AMP_CODES,

	__XPO_A_SI_CAPS_MAX,
	XPO_A_SI_CAPS_MAX = (__XPO_A_SI_CAPS_MAX - 1)
};

enum {
	XPO_A_SI_LANE_LANE = 1,
	XPO_A_SI_LANE_TX_ADAPTIVE,
	XPO_A_SI_LANE_TX_EQ,
	XPO_A_SI_LANE_TX_CDR,
	XPO_A_SI_LANE_RX_CDR,
	XPO_A_SI_LANE_RX_PRE,
	XPO_A_SI_LANE_RX_POST,
	XPO_A_SI_LANE_RX_AMP,
	XPO_A_SI_LANE_EXPLICIT,

	__XPO_A_SI_LANE_MAX,
	XPO_A_SI_LANE_MAX = (__XPO_A_SI_LANE_MAX - 1)
};

enum {
	XPO_A_TUNE_GRID_SPACING = 1,
	XPO_A_TUNE_GRID_CHANNEL_LOW,
	XPO_A_TUNE_GRID_CHANNEL_HIGH,
	XPO_A_TUNE_GRID_FREQ_LOW,
	XPO_A_TUNE_GRID_FREQ_HIGH,

	__XPO_A_TUNE_GRID_MAX,
	XPO_A_TUNE_GRID_MAX = (__XPO_A_TUNE_GRID_MAX - 1)
};

enum {
	XPO_A_TUNE_CAPS_GRID = 1,
	XPO_A_TUNE_CAPS_POWER_MIN,
	XPO_A_TUNE_CAPS_POWER_MAX,

	__XPO_A_TUNE_CAPS_MAX,
	XPO_A_TUNE_CAPS_MAX = (__XPO_A_TUNE_CAPS_MAX - 1)
};

enum {
	XPO_A_TUNE_LANE_MEDIA_LANE = 1,
	XPO_A_TUNE_LANE_GRID,
	XPO_A_TUNE_LANE_CHANNEL,
	XPO_A_TUNE_LANE_FREQ,
	XPO_A_TUNE_LANE_POWER,
	XPO_A_TUNE_LANE_TUNING,
	XPO_A_TUNE_LANE_UNLOCKED,

	__XPO_A_TUNE_LANE_MAX,
	XPO_A_TUNE_LANE_MAX = (__XPO_A_TUNE_LANE_MAX - 1)
};

enum {
	XPO_CMD_CAGE_GET = 1,
	XPO_CMD_CAGE_SET,
	XPO_CMD_EEPROM_READ,
	XPO_CMD_CAGE_EVENT_NTF,
	XPO_CMD_LANES_GET,
	XPO_CMD_EEPROM_DUMP,
	XPO_CMD_PORT_GET,
	XPO_CMD_PORT_SPLIT,
	XPO_CMD_PORT_UNSPLIT,
	XPO_CMD_REACH_GET,
	XPO_CMD_REACH_SET,
	XPO_CMD_SI_GET,
	XPO_CMD_SI_SET,
	XPO_CMD_TUNE_GET,
	XPO_CMD_TUNE_SET,

	__XPO_CMD_MAX,
	XPO_CMD_MAX = (__XPO_CMD_MAX - 1)
};

#define XPO_MCGRP_MONITOR	"monitor"

#endif /* _UAPI_LINUX_XPO_H */
