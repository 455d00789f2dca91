/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-cage state machine, as pure logic.
 *
 * xpo_sm_step() computes, from the current state, one event and the inputs
 * that came with it, the next state and the actions the driver has to carry
 * out.  It touches no hardware and takes no lock, so KUnit drives it with
 * plain structures; xpo_sm_run.c executes the actions for a real cage.
 *
 * The states, events, timeouts and transitions are documented in
 * Documentation/cage-core.rst.
 */
#ifndef _XPO_SM_H
#define _XPO_SM_H

#include <linux/types.h>

enum xpo_sm_state {
	XPO_S_EMPTY,		/* no module seated */
	XPO_S_PROBING,		/* reading and checking the module's identity */
	XPO_S_LOW_POWER,	/* identified, module in (or held in) low power */
	XPO_S_POWERING_UP,	/* high power requested, waiting for ModuleReady */
	XPO_S_READY,		/* ModuleReady */
	XPO_S_FAULT,		/* unusable until removed, reset or power-cycled */
	XPO_S_POWERED_OFF,	/* the core switched the cage supply off */
	XPO_S_MAX
};

enum xpo_sm_event {
	XPO_E_INSERT,		/* present input asserted */
	XPO_E_REMOVE,		/* present input deasserted */
	XPO_E_INTERRUPT,	/* IntL asserted */
	XPO_E_POLL,		/* periodic check, when there is no IntL line */
	XPO_E_TIMEOUT,		/* the cage timer expired */
	XPO_E_POWER_ON,		/* xpo_cage_set_power(cage, true) */
	XPO_E_POWER_OFF,	/* xpo_cage_set_power(cage, false) */
	XPO_E_RESET,		/* xpo_cage_reset() */
	XPO_E_WANT_HIGH_POWER,	/* the power policy now wants high power */
	XPO_E_WANT_LOW_POWER,	/* ... low power (policy auto, all ports down) */
	XPO_E_ADOPT,		/* at probe: a seated module, powered, out of reset */
	/* Results of the I/O actions, fed back by the executor */
	XPO_E_ID_OK,		/* identity read and acceptable */
	XPO_E_ID_BAD,		/* identity read, not a module we drive */
	XPO_E_MODULE_STATE,	/* 00h:3 read; value in xpo_sm_input */
	XPO_E_IO_ERROR,		/* bus access failed after its retries */
	XPO_E_BUSY,		/* ... NACKed by a module a lease says is busy */
	XPO_E_BUSY_TIMEOUT,	/* ... and still NACKing past the lease's bound */
	XPO_E_MAX
};

/* Why a cage is in fault (or held in low power).  Printed as a word. */
enum xpo_fault {
	XPO_FAULT_NONE,
	XPO_FAULT_NO_RESPONSE,		/* the module keeps NACKing */
	XPO_FAULT_BAD_IDENTIFIER,	/* 00h:0 is not a CMIS identifier */
	XPO_FAULT_BAD_REVISION,		/* 00h:1 is not a CMIS 4.x/5.x map */
	XPO_FAULT_MODULE_FAULT,		/* 00h:3 reports ModuleFault */
	XPO_FAULT_POWER_UP_TIMEOUT,	/* no ModuleReady within its budget */
	XPO_FAULT_POWER_BUDGET,		/* module max power > cage budget */
	XPO_FAULT_BUSY_TIMEOUT,		/* busy (NACKing) past its lease's bound */
	XPO_FAULT_MAX
};

/* Actions, carried out by the executor in this order */
#define XPO_A_CANCEL_TIMER	BIT(0)	/* stop the cage timer */
#define XPO_A_INVALIDATE	BIT(1)	/* forget identity and page selection */
#define XPO_A_POWER_OFF		BIT(2)	/* reset + lpmode on, supply off */
#define XPO_A_POWER_ON		BIT(3)	/* supply on, then the reset pulse */
#define XPO_A_RESET		BIT(4)	/* lpmode on, pulse reset */
#define XPO_A_LPMODE_ON		BIT(5)	/* request low power (pin only) */
#define XPO_A_LOW_POWER		BIT(6)	/* assert LPMode, set 00h:26 b4 */
#define XPO_A_HIGH_POWER	BIT(7)	/* release LPMode, clear 00h:26 b4 */
#define XPO_A_READ_FAULT_CAUSE	BIT(8)	/* record 00h:41 */
#define XPO_A_TIMER		BIT(9)	/* arm the cage timer (timer_ms) */
#define XPO_A_READ_ID		BIT(10)	/* -> ID_OK, ID_BAD or IO_ERROR */
#define XPO_A_READ_STATE	BIT(11)	/* -> MODULE_STATE or IO_ERROR */

enum xpo_uevent {
	XPO_UEVENT_NONE,
	XPO_UEVENT_INSERT,
	XPO_UEVENT_REMOVE,
	XPO_UEVENT_STATE,
};

/*
 * The machine's memory.  Owned by the cage and covered by its sm_lock;
 * only xpo_sm_step() and xpo_sm_init() write it.
 */
struct xpo_sm {
	enum xpo_sm_state state;
	enum xpo_sm_state prev_state;
	enum xpo_fault fault;
	bool present;		/* last known level of the present input */
	bool power_wanted;	/* the core's choice of cage supply */
	bool high_power_wanted;	/* the power policy's choice of module power */
	bool timer_armed;
	bool deadline_passed;	/* the power-up timer fired */
	bool adopting;		/* identifying a module found running at probe */
	bool adopted;		/* the module was adopted, not reset, by this probe */
	unsigned int probe_tries;	/* identity reads in this probe */
	unsigned int io_errors;		/* consecutive failed state reads */
	unsigned int pwrup_timeout_ms;	/* from the module's advertisement */
};

/* What came with the event */
struct xpo_sm_input {
	enum xpo_fault reason;		/* XPO_E_ID_BAD */
	u8 module_state;		/* XPO_E_MODULE_STATE: 00h:3 b3-1 */
	bool over_budget;		/* XPO_E_ID_OK */
	unsigned int pwrup_timeout_ms;	/* XPO_E_ID_OK */
};

struct xpo_sm_result {
	unsigned int actions;		/* XPO_A_* */
	unsigned int timer_ms;		/* with XPO_A_TIMER */
	enum xpo_uevent uevent;
	int err;			/* request refused (RESET, POWER_*) */
};

/*
 * Timing.  Each constant cites where its value comes from; those that are
 * our choice say so.
 */

/*
 * Settle time after the present input asserts, and after a reset or power
 * on, before the first management access.  Our choice: the first read is
 * early and NACKs are retried below, so a module that is quick out of
 * MgmtInit is read quickly.
 */
#define XPO_T_PROBE_INIT_MS		50
/*
 * CMIS 5.2 module state machine (section 6.3.2): after reset or insertion the
 * module passes Resetting and MgmtInit before its management interface
 * answers; the QSFP-DD and OSFP hardware specifications bound that
 * initialisation time (t_init) at 2 s.  We retry the identity read every
 * XPO_T_PROBE_RETRY_MS for 2.5 s (25 tries) before declaring the module
 * unresponsive.
 */
#define XPO_T_PROBE_RETRY_MS		100
#define XPO_R_PROBE_TRIES		25
/*
 * ModulePwrUp budget: the module advertises the maximum duration of its
 * ModulePwrUp state in 01h:167 b3-0 (CMIS 5.2 page 01h durations, the 4-bit
 * duration encoding of cmis.h).  We wait the advertised upper bound plus a
 * margin, never less than the floor, and the default when nothing is
 * advertised (flat memory, reserved code).
 */
#define XPO_T_PWRUP_FLOOR_MS		1000
#define XPO_T_PWRUP_MARGIN_MS		1000
#define XPO_T_PWRUP_DEFAULT_MS		60000
/*
 * A failed module-state read in low-power or ready is retried after this
 * long (IntL stays asserted, so no new edge would tell us); after
 * XPO_N_IO_ERRORS consecutive failures the module is declared unresponsive.
 */
#define XPO_T_IO_RETRY_MS		100
#define XPO_N_IO_ERRORS			5
/*
 * A read NACKed by a module that a CDB or firmware lease says may be busy
 * (XPO_E_BUSY) is tried again after this long, our choice (SONiC polls CDB
 * status every 100 ms), without counting as an I/O error.
 */
#define XPO_T_BUSY_RETRY_MS		250

void xpo_sm_init(struct xpo_sm *sm, bool power_wanted);
unsigned int xpo_sm_pwrup_timeout_ms(int advertised_ms);
void xpo_sm_step(struct xpo_sm *sm, enum xpo_sm_event event,
		 const struct xpo_sm_input *in, struct xpo_sm_result *res);
bool xpo_sm_reads_flags(enum xpo_sm_state state);
bool xpo_sm_int_may_unmask(enum xpo_sm_state state, bool asserted,
			   bool unread);

const char *xpo_sm_state_name(enum xpo_sm_state state);
const char *xpo_sm_event_name(enum xpo_sm_event event);
const char *xpo_fault_name(enum xpo_fault fault);

#endif /* _XPO_SM_H */
