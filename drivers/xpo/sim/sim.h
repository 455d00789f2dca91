/* SPDX-License-Identifier: GPL-2.0 */
/*
 * xpo_sim: emulated 1RU XPO switch boards, one per board device on the
 * xpo_sim bus (board.c).
 *
 * Each board is a plain board driver: it registers one I2C adapter per cage,
 * one GPIO chip (with an interrupt controller) carrying every cage's control
 * lines, and one "xpo_cage" platform device per cage described by software
 * node properties and a GPIO lookup table.  The cage core finds everything
 * through those descriptions, exactly as it would on a real board; nothing
 * in this header is visible to it.
 *
 * Every occupied cage holds an emulated CMIS 5.2 module: its memory map,
 * its module state machine and its interrupt logic.
 */
#ifndef _XPO_SIM_H
#define _XPO_SIM_H

#include <linux/atomic.h>
#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/gpio/driver.h>
#include <linux/gpio/machine.h>
#include <linux/i2c.h>
#include <linux/irq_work.h>
#include <linux/mutex.h>
#include <linux/property.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "cmis.h"
#include "xpo_model.h"

#define XPO_SIM_NAME			"xpo_sim"
#define XPO_SIM_GPIO_LABEL		"xpo_sim-gpio"

/*
 * Boards 0 to XPO_SIM_BOARD_MAX.  Board 0 comes with the module (module
 * parameters) and keeps the names of the single-board emulator; the others
 * are created and deleted at run time through /sys/bus/xpo_sim/new_device
 * and del_device.  Cage N of board B is platform device "xpo_cage" id
 * 16B + N (XPO_SIM_CAGE_ID), unique on the platform bus.
 */
#define XPO_SIM_BOARD_MAX		15
#define XPO_SIM_BOARDS			(XPO_SIM_BOARD_MAX + 1)
#define XPO_SIM_CAGE_ID(board, cage)	((board) * XPO_CAGES_PER_RU + (cage))

/* Control lines of cage N are GPIO lines 8N + enum xpo_sim_line */
enum xpo_sim_line {
	XPO_SIM_LINE_PRESENT,	/* in:  ModPrsL, low = module seated */
	XPO_SIM_LINE_INT,	/* in:  IntL, low = interrupt pending */
	XPO_SIM_LINE_LEAK,	/* in:  LeakL, low = coolant leak */
	XPO_SIM_LINE_RESET,	/* out: ResetL, low = hold in reset */
	XPO_SIM_LINE_LPMODE,	/* out: LPMode, high = low power requested */
	XPO_SIM_LINE_POWER,	/* out: PowerEn, high = cage supply on */
	XPO_SIM_LINES_USED,
	XPO_SIM_LINES_PER_CAGE = 8,	/* lines 6 and 7 are reserved */
};

#define XPO_SIM_NGPIO_MAX	(XPO_CAGES_PER_RU * XPO_SIM_LINES_PER_CAGE)

enum xpo_sim_timing {
	XPO_SIM_TIMING_INSTANT,		/* transitions as fast as work runs */
	XPO_SIM_TIMING_REALISTIC,	/* advertised durations, bus time */
	XPO_SIM_TIMING_NUM,
};

extern const char * const xpo_sim_timing_names[XPO_SIM_TIMING_NUM];

#define XPO_SIM_BUS_KHZ_MIN		100
#define XPO_SIM_BUS_KHZ_MAX		3400
#define XPO_SIM_BUS_KHZ_DEFAULT		(XPO_I2C_BUS_HZ_DEFAULT / 1000)
#define XPO_SIM_XFER_MAX_LEN		128	/* adapter quirk, per message */
#define XPO_SIM_NACK_MAX		1000000
/* a module may stretch each message by up to 2 s (cage<N>/stretch_us) */
#define XPO_SIM_STRETCH_US_MAX		2000000

/* Emulator-side hold of the module state machine (debugfs hold_state) */
enum xpo_sim_hold {
	XPO_SIM_HOLD_NONE,
	XPO_SIM_HOLD_LOWPWR,
	XPO_SIM_HOLD_PWRUP,
	XPO_SIM_HOLD_READY,
	XPO_SIM_HOLD_PWRDN,
	XPO_SIM_HOLD_FAULT,
	XPO_SIM_HOLD_NUM,
};

extern const char * const xpo_sim_hold_names[XPO_SIM_HOLD_NUM];

/*
 * Names of the data path states, indexed by enum cmis_dp_state; index 0,
 * no state, is "none": the debugfs hold_dp value that holds nothing.
 */
#define XPO_SIM_DP_NAMES		(CMIS_DP_INITIALIZED + 1)
extern const char * const xpo_sim_dp_names[XPO_SIM_DP_NAMES];

/* One application descriptor plus its media lane assignment (01h:176+) */
struct xpo_sim_app {
	u8 host_if;
	u8 media_if;
	u8 lane_counts;		/* b7-4 host lanes, b3-0 media lanes */
	u8 host_assign;
	u8 media_assign;
};

/*
 * Live module values a later thermal model drives; the module publishes
 * them into lower memory and the telemetry page.  Units are those of the
 * memory map (see xpo_model.h).
 */
struct xpo_sim_telemetry {
	s16 module_temp;		/* 1/256 degC, 00h:14 */
	u16 vcc;			/* 100 uV, 00h:16 */
	u16 max_power;			/* 10 mW */
	u16 power;			/* 10 mW; in the table: nominal draw */
	u16 power_lowpwr;		/* 10 mW, table only: in ModuleLowPwr */
	s16 coolant_in;			/* 1/256 degC */
	s16 coolant_out;		/* 1/256 degC */
	u16 flow;			/* mL/min */
	u8 status;			/* XPO_TLM_STATUS_* */
	u8 engines;
	s16 engine_temp[XPO_TLM_ENGINES_MAX];
	u16 power_halarm, power_hwarn;
	s16 out_halarm, out_hwarn;
	u16 flow_lalarm, flow_lwarn;
	s16 engine_halarm, engine_hwarn;
};

/*
 * Host-side SI controls (CMIS 5.2 01h:161-162, si.c): the fields of a
 * control set, indexing struct xpo_sim_personality si_default[]
 */
enum xpo_sim_si_field {
	XPO_SIM_SI_TX_ADAPTIVE,		/* AdaptiveInputEqEnableTx */
	XPO_SIM_SI_TX_RECALL,		/* AdaptiveInputEqRecalledTx */
	XPO_SIM_SI_TX_EQ,		/* FixedInputEqTargetTx */
	XPO_SIM_SI_TX_CDR,		/* CDREnableTx */
	XPO_SIM_SI_RX_CDR,		/* CDREnableRx */
	XPO_SIM_SI_RX_PRE,		/* OutputEqPreCursorTargetRx */
	XPO_SIM_SI_RX_POST,		/* OutputEqPostCursorTargetRx */
	XPO_SIM_SI_RX_AMP,		/* OutputAmplitudeTargetRx */
	XPO_SIM_SI_FIELDS
};

#define XPO_SIM_P01_SI_EQ_MAX		153	/* b3-0 Tx EQ max, b7-4 amp codes */
#define XPO_SIM_P01_SI_RX_EQ_MAX	154	/* b3-0 pre max, b7-4 post max */
#define XPO_SIM_P01_CTRL_ADV		155	/* supported controls, Tx side */
#define  XPO_SIM_ADV_WAVELENGTH_CTRL	BIT(7)	/* WavelengthIsControllable */
#define  XPO_SIM_ADV_TUNABLE		BIT(6)	/* pages 04h and 12h exist */
#define XPO_SIM_P01_SI_TX_ADV		161
#define XPO_SIM_P01_SI_RX_ADV		162
#define  XPO_SIM_SI_ADV_CDR		BIT(0)	/* Tx/Rx CDR present */
#define  XPO_SIM_SI_ADV_CDR_BYPASS	BIT(1)	/* ... and can be bypassed */
#define  XPO_SIM_SI_ADV_TX_FIXED	BIT(2)	/* 161: fixed Tx input EQ */
#define  XPO_SIM_SI_ADV_TX_ADAPTIVE	BIT(3)	/* 161: adaptive Tx input EQ */
#define  XPO_SIM_SI_ADV_TX_FREEZE	BIT(4)	/* 161: adaptive EQ freeze */
#define  XPO_SIM_SI_ADV_TX_RECALL	GENMASK(6, 5)	/* 161: recall buffers */
#define  XPO_SIM_SI_ADV_TX_RECALL_2	BIT(6)	/* ... two of them (10b) */
#define  XPO_SIM_SI_ADV_RX_AMP		BIT(2)	/* 162: output amplitude */
#define  XPO_SIM_SI_ADV_RX_PRE		BIT(3)	/* 162: output pre-cursor */
#define  XPO_SIM_SI_ADV_RX_POST		BIT(4)	/* 162: output post-cursor */
#define XPO_SIM_P10_SI			153	/* staged set 0, 153-173 */
#define XPO_SIM_P11_SI			214	/* active set, 214-234 */

/* Tunable laser pages (CMIS 5.2 04h and 12h, tune.c) */
#define XPO_SIM_PAGE_LASER_CAPS		CMIS_PAGE_LASER_CAPS
#define XPO_SIM_PAGE_LASER_CTRL		CMIS_PAGE_LASER_TUNING
#define XPO_SIM_P04_GRIDS		128	/* b<code>: grid code 0-7 */
#define XPO_SIM_P04_GRIDS2		129
#define  XPO_SIM_P04_GRID_150		BIT(6)	/* grid code 8 */
#define XPO_SIM_P04_CHANNELS		130	/* s16 low, high per grid code */
#define XPO_SIM_P04_POWER_MIN		198	/* s16, 0.01 dBm */
#define XPO_SIM_P04_POWER_MAX		200
#define XPO_SIM_P12_GRID		128	/* per lane: b7-4 grid code */
#define  XPO_SIM_GRID_SPACING		GENMASK(7, 4)
#define XPO_SIM_P12_CHANNEL		136	/* s16 per lane */
#define XPO_SIM_P12_FREQ		168	/* u32 per lane, MHz */
#define XPO_SIM_P12_POWER		200	/* s16 per lane, 0.01 dBm */
#define XPO_SIM_P12_STATUS		222	/* per lane */
#define  XPO_SIM_TUNE_ST_UNLOCKED	BIT(0)
#define  XPO_SIM_TUNE_ST_IN_PROGRESS	BIT(1)
#define XPO_SIM_P12_FLAG_SUMMARY	230
#define XPO_SIM_P12_FLAGS		231	/* per lane, latched */
#define  XPO_SIM_TUNE_FL_COMPLETE	BIT(0)
#define  XPO_SIM_TUNE_FL_UNLOCKED	BIT(1)
#define  XPO_SIM_TUNE_FL_BAD_CHANNEL	BIT(2)
#define  XPO_SIM_TUNE_FL_NOT_ACCEPTED	BIT(3)
#define  XPO_SIM_TUNE_FL_FINE_RANGE	BIT(4)
#define  XPO_SIM_TUNE_FL_POWER_RANGE	BIT(5)
#define  XPO_SIM_TUNE_FL_ALL		GENMASK(5, 0)
#define XPO_SIM_P12_MASKS		239	/* per lane */
#define XPO_SIM_GRIDS			9	/* grid codes 0-8 */

/**
 * struct xpo_sim_tune - the tunable lasers of a coherent personality
 * @grids: b<code>: grid code supported (b0-7 go to 04h:128, b8 to 129 b6)
 * @low: lowest channel per grid code (04h:130 + 4 * code)
 * @high: highest channel per grid code (04h:132 + 4 * code)
 * @power_min: lowest programmable output power, 0.01 dBm (04h:198)
 * @power_max: highest, 0.01 dBm (04h:200)
 * @lasers: media lanes of a bank with a laser, 1-8 (the first ones)
 * @grid: power-on grid code
 * @channel: power-on channel
 * @power: power-on target output power, 0.01 dBm
 */
struct xpo_sim_tune {
	u16 grids;
	s16 low[XPO_SIM_GRIDS];
	s16 high[XPO_SIM_GRIDS];
	s16 power_min;
	s16 power_max;
	u8 lasers;
	u8 grid;
	s16 channel;
	s16 power;
};

/*
 * A module type.  Everything that differs between personalities is data in
 * this table (personality.c); the module code only interprets it.
 */
struct xpo_sim_personality {
	const char *name;		/* debugfs/module parameter token */
	const char *tag;		/* 3 characters used in identity strings */
	u8 identifier;			/* SFF-8024, 00h:0 */
	u8 banks_code;			/* 01h:142 b1-0 */
	u8 media_type;			/* 00h:85 */
	u8 connector;			/* 00h:203 */
	u8 media_tech;			/* 00h:212 */
	u8 max_power;			/* 00h:201, 0.25 W */
	const char *part_number;
	const char *revision;		/* 2 characters */
	u8 fw_active[2];		/* 00h:39-40 */
	u8 fw_inactive[2];		/* 01h:128-129 */
	u8 hw_rev[2];			/* 01h:130-131 */
	u8 smf_length;			/* 01h:132 */
	u16 wavelength;			/* 01h:138, 0.05 nm */
	u16 wavelength_tol;		/* 01h:140, 0.005 nm */
	u8 dur_dp;			/* 01h:144 */
	u8 dur_module;			/* 01h:167 */
	u8 dur_tx;			/* 01h:168 */
	bool telemetry_page;		/* implements the XPO page B0h */
	/* lane monitors of a lane in DPActivated, before per-lane spread */
	u16 lane_tx_power;		/* 0.1 uW */
	u16 lane_tx_bias;		/* 2 uA, at 45 degC */
	u16 lane_rx_power;		/* 0.1 uW */
	const struct xpo_sim_app *apps;
	unsigned int num_apps;
	const struct xpo_sim_telemetry *telemetry;
	/* host SI controls (si.c); all 0 for a module without any */
	u8 si_eq_max;			/* 01h:153 */
	u8 si_rx_eq_max;		/* 01h:154 */
	u8 si_tx_adv;			/* 01h:161 */
	u8 si_rx_adv;			/* 01h:162 */
	u8 si_default[XPO_SIM_SI_FIELDS];	/* without ExplicitControl */
	const struct xpo_sim_tune *tune;	/* NULL: not tunable */
};

extern const struct xpo_sim_personality xpo_sim_personalities[];
extern const unsigned int xpo_sim_num_personalities;

const struct xpo_sim_personality *xpo_sim_personality_find(const char *name);
unsigned int xpo_sim_personality_banks(const struct xpo_sim_personality *p);

/* The module memory map as the module stores it */
struct xpo_sim_mem {
	u8 lower[CMIS_LOWER_SIZE];
	u8 page00[CMIS_PAGE_SIZE];
	u8 page01[CMIS_PAGE_SIZE];
	u8 page02[CMIS_PAGE_SIZE];
	u8 page_tlm[CMIS_PAGE_SIZE];			/* B0h, bank 0 */
	u8 page10[XPO_BANKS][CMIS_PAGE_SIZE];		/* lane control */
	u8 page11[XPO_BANKS][CMIS_PAGE_SIZE];		/* lane status */
	u8 page04[CMIS_PAGE_SIZE];			/* laser capabilities */
	u8 page12[XPO_BANKS][CMIS_PAGE_SIZE];		/* laser control */
};

/* One media lane's laser (tune.c): what page 12h reports for it */
struct xpo_sim_laser {
	u8 grid;			/* accepted grid code */
	s16 channel;			/* accepted channel */
	s16 power;			/* accepted target power, 0.01 dBm */
	u32 freq_mhz;			/* where the laser is */
	u32 target_mhz;			/* where it is going */
	bool tuning;
	unsigned long due;		/* jiffies: end of the tuning */
};

/* A write message's page 12h requests, acted on once it is complete */
struct xpo_sim_tune_write {
	u8 bank;
	u8 channel;			/* lanes whose channel was written */
	u8 power;			/* lanes whose target power was written */
	u8 refused;			/* lanes written while not deactivated */
};

/* The host-driven cage lines as the module last saw them */
struct xpo_sim_pins {
	bool power;		/* supply on */
	bool reset;		/* held in reset (ResetL low) */
	bool lpmode;		/* LPMode high */
	unsigned int power_cycles;	/* times the supply dropped */
	unsigned int resets;		/* times ResetL was pulled low */
};

/* One host lane's data path state (CMIS 5.2 section 6.3.3) */
struct xpo_sim_lane {
	u8 state;			/* enum cmis_dp_state */
	unsigned long since;		/* jiffies when @state was entered */
};

/*
 * The emulated module of one cage.  All fields are protected by the cage's
 * lock; the module only exists while @present.
 */
struct xpo_sim_module {
	bool present;		/* seated in the cage */
	bool running;		/* powered, out of reset, answering I2C */
	const struct xpo_sim_personality *pers;	/* of the seated module */
	struct xpo_sim_mem mem;
	struct xpo_sim_telemetry tlm;
	unsigned int banks;	/* banks implemented for pages 10h/11h */
	u8 bank;		/* active bank (applied with PageSelect) */
	u8 offset;		/* the I2C address counter */
	enum cmis_module_state state;
	unsigned long state_since;	/* jiffies when @state was entered */
	struct xpo_sim_pins seen;	/* pins as last applied */
	/* host lane 8b + n is lane n of bank b; only @banks banks are used */
	struct xpo_sim_lane lanes[XPO_LANES];
	/* media lane n of bank b's laser, tunable personalities only */
	struct xpo_sim_laser lasers[XPO_BANKS][CMIS_LANES_PER_BANK];
};

/* Byte @off (128-255) of page 10h or 11h of @bank, as the module stores it */
static inline u8 *xpo_sim_p10(struct xpo_sim_module *mod, unsigned int bank,
			      unsigned int off)
{
	return &mod->mem.page10[bank][off - CMIS_UPPER_OFFSET];
}

static inline u8 *xpo_sim_p11(struct xpo_sim_module *mod, unsigned int bank,
			      unsigned int off)
{
	return &mod->mem.page11[bank][off - CMIS_UPPER_OFFSET];
}

struct xpo_sim_board;

/*
 * Times of events, ktime_get_ns(), 0 if never: written locklessly
 * (WRITE_ONCE) where the event happens, so that a reaction time is the
 * difference of two of them (debugfs timestamps).
 */
struct xpo_sim_stamps {
	u64 leak_asserted_ns;	/* LeakL pulled low */
	u64 flow_low_ns;	/* flow fell under the module's low alarm */
	u64 case_crit_ns;	/* case temperature reached its high alarm */
	u64 power_off_ns;	/* PowerEn dropped */
	u64 lpmode_ns;		/* LPMode asserted */
	u64 reset_ns;		/* ResetL pulled low */
};

/*
 * Conditions present at a thermal step, as the bits of the flags they
 * latch: 00h:9 (CMIS_FLAG_TEMP_*, CMIS_FLAG_VCC_*), B0h:139
 * (XPO_TLM_FLAG_*) and B0h:140 (bit n: engine n over its high alarm).
 */
struct xpo_sim_thermal_cond {
	u8 temp_vcc;
	u8 tlm;
	u8 engines;
};

/* The thermal model of one cage (thermal.c), under the cage's lock */
struct xpo_sim_thermal {
	int inlet_mdegc;		/* debugfs knob */
	unsigned int flow_mlpm;		/* debugfs knob */
	int power_override_mw;		/* debugfs knob, -1: from the module */
	int power_mw;			/* electrical load now */
	int outlet_mdegc;		/* lagging toward steady state */
	int case_mdegc;			/* lagging toward steady state */
	/* conditions at the last step, so that flags latch on edges */
	struct xpo_sim_thermal_cond cond;
	/* the seated module's thresholds, for the timestamps */
	unsigned int flow_low_mlpm;
	int case_crit_mdegc;
	bool flow_low, case_crit;
	struct xpo_sim_stamps stamps;
};

#define XPO_SIM_THERMAL_STEP_MS		100
#define XPO_SIM_THERMAL_TAU_MS_DEFAULT	2000
#define XPO_SIM_THERMAL_TAU_MS_MIN	XPO_SIM_THERMAL_STEP_MS
#define XPO_SIM_THERMAL_TAU_MS_MAX	600000
#define XPO_SIM_INLET_MDEGC_DEFAULT	25000
#define XPO_SIM_INLET_MDEGC_MIN		(-20000)
#define XPO_SIM_INLET_MDEGC_MAX		100000
#define XPO_SIM_FLOW_MLPM_DEFAULT	500
#define XPO_SIM_FLOW_MLPM_MAX		10000
#define XPO_SIM_POWER_MW_MAX		500000

/* The thermal knobs of a cage's debugfs (debugfs_thermal.c) */
enum xpo_sim_thermal_knob {
	XPO_SIM_KNOB_INLET,
	XPO_SIM_KNOB_FLOW,
	XPO_SIM_KNOB_POWER,
};

#define XPO_SIM_KNOBS			(XPO_SIM_KNOB_POWER + 1)

/* What a knob's file is of: the file knows both the cage and the knob */
struct xpo_sim_knob_file {
	struct xpo_sim_cage *cage;
	enum xpo_sim_thermal_knob knob;
};

/*
 * One cage: its I2C adapter, its software node, its platform device and the
 * module it holds.
 *
 * @lock serialises the module against I2C transfers, debugfs and the state
 * machine work.  I2C transfers take it per message, so that a module pulled
 * from debugfs NACKs from the next message on.  Never taken with the GPIO
 * lock held (the GPIO lock nests inside it).
 */
struct xpo_sim_cage {
	struct xpo_sim_board *board;
	unsigned int index;			/* front-panel cage number */

	struct mutex lock;			/* the module, see above */
	struct xpo_sim_module mod;		/* @lock */
	const struct xpo_sim_personality *pers;	/* @lock: next insertion */
	enum xpo_sim_hold hold;			/* @lock */
	u8 hold_dp;		/* @lock: cmis_dp_state data paths stop in, 0 none */
	u8 config_fault;	/* @lock: ConfigStatus every apply gets, 0 none */
	bool hold_intl;		/* @lock: IntL asserted whatever the flags */
	bool si_reject;		/* @lock: explicit SI refused, InvalidSI (si.c) */
	bool tune_reject;	/* @lock: channels refused (tune.c) */
	/* @lock: per host lane, XPO_SIM_LANE_* conditions present (debugfs) */
	u8 lane_cond[XPO_LANES];

	/*
	 * The module and data path state machines; queued only through
	 * xpo_sim_cage_kick(), which keeps the earliest of the runs asked
	 * for: @kick_due (board->gpio.lock) is when the pending run is due.
	 */
	struct delayed_work sm_work;
	unsigned long kick_due;

	struct xpo_sim_thermal thermal;		/* @lock, but the stamps */

	/* fault injection and accounting: lockless */
	atomic_t nack;				/* transfers left to NACK */
	unsigned int stretch_us;		/* extra time per message */
	atomic64_t transfers;			/* i2c_msg on the wire */
	atomic64_t bytes;			/* payload bytes */
	atomic64_t bus_ns;			/* wire time at the bus clock */
	atomic64_t bus_wait_ns;			/* time slept for it (realistic) */

	char swnode_name[16];
	struct software_node swnode;		/* the adapter's fwnode */
	bool swnode_registered;
	struct i2c_adapter adap;
	bool adap_added;
	char dev_id[16];			/* "xpo_cage.<id>" */
	struct gpiod_lookup_table *lookup;
	struct platform_device *pdev;	/* "xpo_cage.<XPO_SIM_CAGE_ID>" */
	struct dentry *debugfs;
	struct xpo_sim_knob_file knob_files[XPO_SIM_KNOBS];
};

/*
 * The GPIO chip and its interrupt controller.
 *
 * @lock (raw: taken from irq_chip callbacks under the irq descriptor lock)
 * protects the line levels, the per-cage pin counters, the interrupt
 * configuration and @dying.
 */
struct xpo_sim_gpio {
	struct gpio_chip gc;
	bool added;
	struct software_node swnode;
	bool swnode_registered;
	const char *names[XPO_SIM_NGPIO_MAX];
	/* "cage15-power-enable", "board15-cage15-power-enable" */
	char name_buf[XPO_SIM_NGPIO_MAX][32];
	char label[24];		/* XPO_SIM_GPIO_LABEL, "xpo_sim<B>-gpio" */

	raw_spinlock_t lock;
	DECLARE_BITMAP(level, XPO_SIM_NGPIO_MAX);	/* electrical levels */
	DECLARE_BITMAP(driven, XPO_SIM_NGPIO_MAX);	/* outputs the host drove */
	DECLARE_BITMAP(irq_enabled, XPO_SIM_NGPIO_MAX);
	DECLARE_BITMAP(irq_pending, XPO_SIM_NGPIO_MAX);
	u8 irq_type[XPO_SIM_NGPIO_MAX];			/* IRQ_TYPE_* */
	/* interrupts delivered on each line since the board came up */
	unsigned int irq_count[XPO_SIM_NGPIO_MAX];
	unsigned int power_cycles[XPO_CAGES_PER_RU];
	unsigned int resets[XPO_CAGES_PER_RU];
	bool dying;		/* board going away: queue no more work */
	bool no_levels;		/* refuse level triggers (module parameter) */

	/* delivers latched interrupts from hard interrupt context */
	struct irq_work irq_work;
	/* woken when a line's interrupt is released (xpo_sim_gpio_exit()) */
	wait_queue_head_t irq_released;
	atomic_t irq_releases;	/* releases so far: the wait's condition */
};

/*
 * One board.  @dev is its device on the xpo_sim bus ("xpo_sim" for board
 * 0, "xpo_sim<B>" for the others); the board is freed with it, by its
 * release function.
 */
struct xpo_sim_board {
	struct device dev;
	unsigned int index;			/* board number, 0-15 */
	char name[24];				/* dev_name(), swnode name */
	unsigned int num_cages;
	unsigned long populated;		/* cages seated at creation */
	struct software_node swnode;		/* parent of the board's nodes */
	bool swnode_registered;
	struct xpo_sim_gpio gpio;
	/*
	 * The board's debugfs directory: the xpo_sim root itself for board
	 * 0, root/board<B> for the others (xpo_sim_debugfs_init())
	 */
	struct dentry *debugfs;
	struct dentry *debugfs_files[3];	/* board 0's, in the root */

	/* tunables, read locklessly with READ_ONCE() */
	enum xpo_sim_timing timing;
	unsigned int bus_khz;
	unsigned int thermal_tau_ms;
	/* the GPIO chip sits on each cage's own bus (module parameter) */
	bool gpio_expander;

	struct delayed_work thermal_work;	/* steps every cage's model */
	bool board_protection;	/* cages carry "xpo,board-protection" */
	bool external_ports;	/* cages carry "xpo,external-ports" */

	struct xpo_sim_cage cages[XPO_CAGES_PER_RU];
};

/* gpio.c */
int xpo_sim_gpio_init(struct xpo_sim_board *board);
void xpo_sim_gpio_stop(struct xpo_sim_board *board);
void xpo_sim_gpio_exit(struct xpo_sim_board *board);
void xpo_sim_gpio_set_input(struct xpo_sim_cage *cage, enum xpo_sim_line line,
			    bool high);
bool xpo_sim_gpio_level(struct xpo_sim_cage *cage, enum xpo_sim_line line);
const char *xpo_sim_gpio_trigger(struct xpo_sim_cage *cage,
				 enum xpo_sim_line line);
void xpo_sim_gpio_bounce(struct xpo_sim_cage *cage, enum xpo_sim_line line,
			 unsigned int times);
void xpo_sim_gpio_pins(struct xpo_sim_cage *cage, struct xpo_sim_pins *pins);
unsigned int xpo_sim_gpio_irq_count(struct xpo_sim_cage *cage,
				    enum xpo_sim_line line);
void xpo_sim_cage_kick(struct xpo_sim_cage *cage, unsigned long delay);

/* i2c.c */
int xpo_sim_i2c_init(struct xpo_sim_cage *cage);
void xpo_sim_i2c_exit(struct xpo_sim_cage *cage);

/* module.c: callers hold cage->lock */
unsigned long xpo_sim_duration(struct xpo_sim_cage *cage, u8 code);
void xpo_sim_module_update_intl(struct xpo_sim_cage *cage);
void xpo_sim_module_insert(struct xpo_sim_cage *cage);
void xpo_sim_module_remove(struct xpo_sim_cage *cage);
bool xpo_sim_module_sync(struct xpo_sim_cage *cage);
void xpo_sim_module_step(struct xpo_sim_cage *cage);
int xpo_sim_module_read(struct xpo_sim_cage *cage, u8 *buf, u16 len);
int xpo_sim_module_write(struct xpo_sim_cage *cage, const u8 *buf, u16 len);
void xpo_sim_module_set_hold(struct xpo_sim_cage *cage, enum xpo_sim_hold hold);
const char *xpo_sim_module_state_name(struct xpo_sim_cage *cage);
void xpo_sim_module_sm_work(struct work_struct *work);

/* datapath.c: callers hold cage->lock */
void xpo_sim_dp_boot(struct xpo_sim_cage *cage);
void xpo_sim_dp_step(struct xpo_sim_cage *cage);
bool xpo_sim_dp_busy(struct xpo_sim_cage *cage);
void xpo_sim_dp_down(struct xpo_sim_cage *cage);
void xpo_sim_dp_apply(struct xpo_sim_cage *cage, unsigned int bank, u8 lanes,
		      bool immediate);
void xpo_sim_dp_set_hold(struct xpo_sim_cage *cage, u8 state);
int xpo_sim_config_fault_parse(const char *name);
void xpo_sim_dp_set_config_fault(struct xpo_sim_cage *cage, u8 status);

/* Config status names for debugfs, indexed by enum cmis_config_status */
const char *xpo_sim_config_status_name(u8 status);

/* si.c: callers hold cage->lock */
void xpo_sim_si_fill(const struct xpo_sim_personality *p,
		     struct xpo_sim_mem *mem);
u8 xpo_sim_si_check(struct xpo_sim_module *mod, unsigned int bank,
		    unsigned int lane);
void xpo_sim_si_apply(struct xpo_sim_module *mod, unsigned int bank,
		      unsigned int lane);
void xpo_sim_si_debugfs(struct xpo_sim_cage *cage, struct dentry *dir);

/* tune.c: callers hold cage->lock */
void xpo_sim_tune_fill(const struct xpo_sim_personality *p,
		       struct xpo_sim_mem *mem);
void xpo_sim_tune_boot(struct xpo_sim_cage *cage);
bool xpo_sim_tune_write_byte(struct xpo_sim_module *mod, u8 off, u8 val,
			     struct xpo_sim_tune_write *tw);
void xpo_sim_tune_apply(struct xpo_sim_cage *cage,
			const struct xpo_sim_tune_write *tw);
void xpo_sim_tune_step(struct xpo_sim_cage *cage);
bool xpo_sim_tune_flags_pending(struct xpo_sim_module *mod);
void xpo_sim_tune_read_clear(struct xpo_sim_module *mod, unsigned long lanes);
void xpo_sim_tune_debugfs(struct xpo_sim_cage *cage, struct dentry *dir);

/* monitors.c: callers hold cage->lock */
void xpo_sim_monitors_publish(struct xpo_sim_cage *cage);

/*
 * Lane conditions (monitors.c, debugfs lane_fault): each latches its flag
 * byte of page 11h when it starts; Tx fault darkens the lane's Tx, Rx LOS
 * its Rx.
 */
enum xpo_sim_lane_cond {
	XPO_SIM_LANE_TX_FAULT,		/* 11h:135 */
	XPO_SIM_LANE_TX_LOS,		/* 11h:136 */
	XPO_SIM_LANE_TX_CDR_LOL,	/* 11h:137 */
	XPO_SIM_LANE_RX_LOS,		/* 11h:147 */
	XPO_SIM_LANE_RX_CDR_LOL,	/* 11h:148 */
	XPO_SIM_LANE_CONDS
};

extern const char * const xpo_sim_lane_cond_names[XPO_SIM_LANE_CONDS];
int xpo_sim_lane_cond_set(struct xpo_sim_cage *cage, unsigned int lane,
			  enum xpo_sim_lane_cond cond, bool on);

/* thermal.c */
void xpo_sim_thermal_init(struct xpo_sim_board *board);
void xpo_sim_thermal_start(struct xpo_sim_board *board);
void xpo_sim_thermal_stop(struct xpo_sim_board *board);
void xpo_sim_thermal_update(struct xpo_sim_cage *cage, unsigned int dt_ms);
void xpo_sim_thermal_boot(struct xpo_sim_cage *cage);

/* personality.c */
void xpo_sim_personality_fill(const struct xpo_sim_personality *p,
			      unsigned int id, struct xpo_sim_mem *mem);
void xpo_sim_telemetry_publish(const struct xpo_sim_telemetry *t,
			       bool telemetry_page, struct xpo_sim_mem *mem);

/* debugfs.c, debugfs_thermal.c */
void xpo_sim_debugfs_init(struct xpo_sim_board *board, struct dentry *root);
void xpo_sim_debugfs_exit(struct xpo_sim_board *board);
struct dentry *xpo_sim_debugfs_thermal_board(struct xpo_sim_board *board,
					     struct dentry *dir);
void xpo_sim_debugfs_thermal_cage(struct xpo_sim_cage *cage,
				  struct dentry *dir);

#endif /* _XPO_SIM_H */
