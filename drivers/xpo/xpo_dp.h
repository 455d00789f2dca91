/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CMIS data path state machine, one instance per data path, as pure
 * logic (as xpo_sm.h is for the cage).
 *
 * A data path is a group of host lanes of one bank (its DataPathID, CMIS
 * 5.2 section 8.9, is the first lane of the group within the bank); a cage
 * has up to 64 host lanes, so lanes are named by a u64 mask, bit n = host
 * lane n (lane n + 1 of the specification), bank n / 8.
 *
 * xpo_dp_step() computes, from the current state, one event and the inputs
 * that came with it (a request, a report read from the module, a timer),
 * the next state and the register writes and reads the executor has to
 * carry out.  It touches no hardware and takes no lock.
 *
 * The up path (CMIS 5.2 sections 6.3.3 and 8.9, the Provision procedure
 * with staged set 0):
 *
 *   DEACTIVATED --up--> STAGING: Tx disabled and DataPathDeinit set for the
 *	lanes, wait until they all read DPDeactivated (AppSel may only change
 *	there), then write DPConfig (AppSel, DataPathID, ExplicitControl,
 *	10h:145-152), the SI (10h:153-173) when explicit, and ApplyDPInit
 *	(10h:143)
 *   APPLYING: poll ConfigStatus (11h:202-205) until every lane reads
 *	Success (any rejection code: FAILED with that code); then, where the
 *	module has it (CMIS >= 5.0), check DPInitPending (11h:235)
 *   INITIALIZING: DataPathDeinit cleared, wait DPInitialized
 *   ACTIVATING: Tx enabled, wait DPActivated
 *   ACTIVATED: carrier
 *
 * and down: DEINITIALIZING (Tx disabled, DataPathDeinit set, wait
 * DPDeactivated) -> DEACTIVATED.  Every wait is bounded by what the module
 * advertises (01h:144, 167, 168) plus a margin; see the XPO_DP_T_*
 * constants.
 */
#ifndef _XPO_DP_H
#define _XPO_DP_H

#include <linux/bits.h>
#include <linux/types.h>

struct xpo_identity;

#define XPO_DP_LANES		64	/* host lanes of a cage */
#define XPO_DP_BANKS		8	/* of CMIS_LANES_PER_BANK lanes */
#define XPO_DP_BANK_LANES	8
/* 11h:128-131 and 11h:202-205: a nibble per lane, four bytes a bank */
#define XPO_DP_NIBBLE_BYTES	4

/*
 * The machine's state.  The module's own state of a lane's data path (11h:128)
 * is the uapi's enum xpo_dp_state, CMIS's codes.
 */
enum xpo_dp_mstate {
	XPO_DP_S_DEACTIVATED,	/* down: Tx disabled, DataPathDeinit set */
	XPO_DP_S_STAGING,	/* taking the lanes to DPDeactivated */
	XPO_DP_S_APPLYING,	/* ApplyDPInit written, ConfigStatus polled */
	XPO_DP_S_INITIALIZING,	/* DataPathDeinit cleared, to DPInitialized */
	XPO_DP_S_ACTIVATING,	/* Tx enabled, to DPActivated */
	XPO_DP_S_ACTIVATED,	/* every lane DPActivated: carrier */
	XPO_DP_S_DEINITIALIZING, /* going down, to DPDeactivated */
	XPO_DP_S_FAILED,	/* see struct xpo_dp fail, fail_code, fail_step */
	XPO_DP_S_MAX
};

enum xpo_dp_event {
	/* Requests */
	XPO_DP_E_UP,		/* bring up with xpo_dp_input's application */
	XPO_DP_E_DOWN,		/* take down, from any state */
	XPO_DP_E_ABORT,		/* roll an unfinished up (or a failure) back */
	/* The cage */
	XPO_DP_E_MODULE_STATE,	/* 00h:3 ModuleState, in module_state */
	XPO_DP_E_MODULE_GONE,	/* removed, reset, faulted or powered off */
	XPO_DP_E_TIMEOUT,	/* the data path's timer expired */
	/* Reports read from the module (in lanes: which lanes were read) */
	XPO_DP_E_DP_STATE,	/* 11h:128-131 in dp_state */
	XPO_DP_E_CONFIG_STATUS,	/* 11h:202-205 in config_status */
	XPO_DP_E_INIT_PENDING,	/* 11h:235 in dpinit_pending */
	XPO_DP_E_STATE_CHANGED,	/* 11h:134 latched flags in changed */
	XPO_DP_E_IO_ERROR,	/* an action's bus access failed */
	XPO_DP_E_MAX
};

/* Why a data path is in XPO_DP_S_FAILED.  Printed as a word. */
enum xpo_dp_fail {
	XPO_DP_FAIL_NONE,
	XPO_DP_FAIL_REJECTED,	/* ConfigStatus fail_code on some lane */
	XPO_DP_FAIL_TIMEOUT,	/* fail_step took longer than its budget */
	XPO_DP_FAIL_IO,		/* XPO_DP_N_IO_ERRORS in a row in fail_step */
	XPO_DP_FAIL_MODULE_GONE,	/* the module went away */
	XPO_DP_FAIL_NOT_READY,	/* the module left ModuleReady */
	XPO_DP_FAIL_NOT_PENDING, /* Success but DPInitPending not set */
	XPO_DP_FAIL_LOST,	/* left DPActivated by itself */
	XPO_DP_FAIL_MAX
};

/*
 * Actions, carried out by the executor in this (bit) order.  Every write
 * is a read-modify-write of the res->lanes bits of res->bank only: other
 * data paths share the bytes.
 */
#define XPO_DP_A_CANCEL_TIMER	BIT(0)	/* stop the data path's timer */
#define XPO_DP_A_TX_DISABLE	BIT(1)	/* set the lanes' 10h:130 bits */
#define XPO_DP_A_DEINIT_SET	BIT(2)	/* set the lanes' 10h:128 bits */
#define XPO_DP_A_WRITE_STAGED	BIT(3)	/* res->dpconfig to 10h:145 + lane */
#define XPO_DP_A_WRITE_SI	BIT(4)	/* the requested SI to 10h:153-173 */
#define XPO_DP_A_APPLY_DPINIT	BIT(5)	/* the lanes' bits to 10h:143 */
#define XPO_DP_A_DEINIT_CLEAR	BIT(6)	/* clear the lanes' 10h:128 bits */
#define XPO_DP_A_TX_ENABLE	BIT(7)	/* clear the lanes' 10h:130 bits */
#define XPO_DP_A_TIMER		BIT(8)	/* (re)arm the timer, timer_ms */
#define XPO_DP_A_READ_CONFIG	BIT(9)	/* -> CONFIG_STATUS or IO_ERROR */
#define XPO_DP_A_READ_PENDING	BIT(10)	/* -> INIT_PENDING or IO_ERROR */
#define XPO_DP_A_READ_STATE	BIT(11)	/* -> DP_STATE or IO_ERROR */

/*
 * What the machine needs to know about the module: the upper bounds of its
 * advertised durations in ms (XPO_DP_T_UNADVERTISED_MS for a reserved
 * code), its application count and whether it has DPInitPending.
 */
struct xpo_dp_module {
	unsigned int dpinit_ms;		/* 01h:144 b3-0 */
	unsigned int dpdeinit_ms;	/* 01h:144 b7-4 */
	unsigned int pwrup_ms;		/* 01h:167 b3-0 */
	unsigned int pwrdn_ms;		/* 01h:167 b7-4 */
	unsigned int txon_ms;		/* 01h:168 b3-0 */
	unsigned int txoff_ms;		/* 01h:168 b7-4 */
	unsigned int num_apps;		/* valid AppSel codes: 1..num_apps */
	bool has_dpinit_pending;	/* 11h:235 (CMIS >= 5.0) */
};

/*
 * The machine's memory.  Owned by the data path's user (one per DataPathID
 * of a cage) under the cage's sm_lock; only xpo_dp_step() and
 * xpo_dp_init() write it.
 */
struct xpo_dp {
	enum xpo_dp_mstate state;
	enum xpo_dp_mstate prev_state;
	struct xpo_dp_module mod;
	/* The request: lanes first_lane .. first_lane + lane_count - 1 */
	u64 lanes;
	u8 first_lane;		/* 0-63; DataPathID = first_lane % 8 */
	u8 lane_count;		/* 1-8, within one bank */
	u8 appsel;		/* 1-15 */
	bool explicit_ctl;	/* ExplicitControl: write and use staged SI */
	bool want_up;		/* up requested (and not taken down since) */
	/* What the machine knows */
	bool module_ready;	/* last ModuleState was ModuleReady */
	bool dirty;		/* lanes may not be DPDeactivated + deinit */
	bool wait_module;	/* STAGING: waiting for ModuleReady */
	bool config_ok;		/* APPLYING: Success read, DPInitPending next */
	bool pwrdn;		/* DEINITIALIZING: the module powers down */
	bool carrier;		/* state is ACTIVATED */
	unsigned int io_errors;	/* consecutive failed or invalid reads */
	/* The running wait: timer_ms ticks of at most XPO_DP_T_POLL_MS */
	bool timer_armed;
	bool deadline_passed;
	unsigned int budget_ms;
	unsigned int elapsed_ms;
	unsigned int armed_ms;
	/* Why FAILED */
	enum xpo_dp_fail fail;
	u8 fail_code;		/* XPO_DP_FAIL_REJECTED: the ConfigStatus */
	enum xpo_dp_mstate fail_step;	/* the state that timed out or failed */
};

/* What came with the event; fields not used by an event are ignored. */
struct xpo_dp_input {
	/* XPO_DP_E_UP */
	u8 appsel;
	u8 first_lane;
	u8 lane_count;
	bool explicit_ctl;
	/* XPO_DP_E_MODULE_STATE: 00h:3 b3-1 (enum cmis_module_state) */
	u8 module_state;
	/* Reports: bit n set = host lane n read; the rest is not looked at */
	u64 lanes;
	u8 dp_state[XPO_DP_BANKS][XPO_DP_NIBBLE_BYTES];	     /* 11h:128-131 */
	u8 config_status[XPO_DP_BANKS][XPO_DP_NIBBLE_BYTES]; /* 11h:202-205 */
	u64 dpinit_pending;	/* 11h:235 of each bank, bit n = lane n */
	u64 changed;		/* 11h:134 of each bank */
};

struct xpo_dp_result {
	unsigned int actions;	/* XPO_DP_A_* */
	unsigned int timer_ms;	/* with XPO_DP_A_TIMER */
	u64 lanes;		/* the lanes every action is about */
	u8 bank;		/* their bank */
	u8 bank_bits;		/* their bits in the bank's bitmap bytes */
	u8 dpconfig;		/* with XPO_DP_A_WRITE_STAGED */
	bool carrier;		/* after this step */
	int err;		/* request refused (UP) */
};

/*
 * Timing.  Each constant cites where its value comes from; those that are
 * our choice say so.  A step's budget is the sum of the advertised upper
 * bounds it may have to sit through plus XPO_DP_T_MARGIN_MS:
 *
 *   STAGING, module not ready	ModulePwrUp (01h:167 b3-0)
 *   STAGING			DPTxTurnOff + DPDeinit (01h:168 b7-4, 01h:144 b7-4)
 *   APPLYING			DPInit (01h:144 b3-0)
 *   INITIALIZING		DPInit (01h:144 b3-0)
 *   ACTIVATING			DPTxTurnOn (01h:168 b3-0)
 *   DEINITIALIZING		DPTxTurnOff + DPDeinit
 *   DEINITIALIZING, module down ModulePwrDn (01h:167 b7-4)
 *
 * The durations are the 4-bit codes of CMIS 5.2 section 8.4 (page 01h),
 * decoded by xpo_cmis_duration_ms() to their upper bound.  CMIS advertises
 * no duration for ConfigStatus ConfigInProgress (section 8.10): the
 * Provision procedure is the first part of a data path initialisation, so
 * APPLYING is given the DPInit bound (our choice).
 */
#define XPO_DP_T_MARGIN_MS		1000	/* our choice, as for ModulePwrUp */
/* A reserved duration code (14, 15): our choice, a minute */
#define XPO_DP_T_UNADVERTISED_MS	60000
/*
 * While a step waits, the lanes (or ConfigStatus) are read every
 * XPO_DP_T_POLL_MS, our choice (as XPO_T_POLL_MS): ConfigStatus raises no
 * flag, and a cage may have no IntL line.  A data path state changed flag
 * (11h:134, CMIS 5.2 section 8.10) reads them at once.  After the budget
 * a last read decides.
 */
#define XPO_DP_T_POLL_MS		100
/*
 * A failed or impossible read (a reserved DataPath state code, CMIS 5.2
 * section 6.3.3: 0, 8-15) is retried at the next poll, or after
 * XPO_DP_T_IO_RETRY_MS in ACTIVATED; XPO_DP_N_IO_ERRORS in a row fail the
 * data path.  As XPO_T_IO_RETRY_MS and XPO_N_IO_ERRORS of the cage.
 */
#define XPO_DP_T_IO_RETRY_MS		100
#define XPO_DP_N_IO_ERRORS		5

/* The bits of @lanes in @bank's bitmap bytes (10h:128, 130, 143, ...) */
static inline u8 xpo_dp_bank_bits(u64 lanes, unsigned int bank)
{
	return (u8)(lanes >> (bank * XPO_DP_BANK_LANES));
}

unsigned int xpo_dp_advertised_ms(u8 code);
void xpo_dp_module_decode(struct xpo_dp_module *mod, u8 dp_duration,
			  u8 module_duration, u8 tx_duration);
void xpo_dp_module_from_id(struct xpo_dp_module *mod,
			   const struct xpo_identity *id);
unsigned int xpo_dp_budget_ms(const struct xpo_dp_module *mod,
			      enum xpo_dp_mstate step, bool module_power);
u8 xpo_dp_dpconfig(const struct xpo_dp *dp);
void xpo_dp_init(struct xpo_dp *dp, const struct xpo_dp_module *mod);
void xpo_dp_step(struct xpo_dp *dp, enum xpo_dp_event event,
		 const struct xpo_dp_input *in, struct xpo_dp_result *res);

const char *xpo_dp_state_name(enum xpo_dp_mstate state);
const char *xpo_dp_event_name(enum xpo_dp_event event);
const char *xpo_dp_fail_name(enum xpo_dp_fail fail);

#endif /* _XPO_DP_H */
