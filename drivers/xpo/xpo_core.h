/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The XPO cage core: one struct xpo_cage per front-panel cage, found by its
 * number.  Consumers (ethtool, hwmon, netlink) use only the functions
 * declared at the end of this file.  See Documentation/cage-core.rst.
 */
#ifndef _XPO_CORE_H
#define _XPO_CORE_H

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "cmis.h"
#include "xpo_model.h"
#include "xpo_cmis_addr.h"
#include "xpo_cmis_decode.h"
#include "xpo_sm.h"
#include "xpo_dp.h"
#include "xpo_app.h"
#include "xpo_protect.h"
#include "xpo_shadow.h"
#include "xpo_transport.h"
#include "xpo_lease.h"
#include "xpo_telemetry.h"
#include "xpo_attach.h"

struct device;
struct attribute_group;
struct dentry;
struct xpo_board;
struct seq_file;
struct gpio_desc;
struct netlink_ext_ack;
struct platform_driver;
struct xpo_port;

/* The cage signals, in the order of xpo_pin_names[] (xpo_cage.c) */
enum xpo_pin {
	XPO_PIN_PRESENT,	/* in */
	XPO_PIN_INT,		/* in */
	XPO_PIN_LEAK,		/* in */
	XPO_PIN_RESET,		/* out */
	XPO_PIN_LPMODE,		/* out */
	XPO_PIN_POWER,		/* out */
	XPO_PIN_MAX
};

/*
 * A cage's 64 host lanes form front-panel ports of 8 lanes, one per bank of
 * the banked pages (xpo_model.h), each either whole (1.6T) or split into
 * 2, 4 or 8 subports (xpo_breakout.c): at most one port per host lane.  A
 * port is known by its first host lane; bit n of a port mask (ports_up,
 * carrier, dp_late) is the port starting at lane n.
 */
#define XPO_PANEL_PORTS			XPO_BANKS
#define XPO_PORTS_MAX			XPO_LANES

/*
 * What the protection's fast path holds a cage in (xpo_cage_safety_hold()),
 * whatever the state machine asks for, until the protection is re-armed.
 */
enum xpo_hold {
	XPO_HOLD_NONE,
	XPO_HOLD_LOW_POWER,	/* LPMode asserted */
	XPO_HOLD_POWER_OFF,	/* supply off, reset and LPMode asserted */
};

/* Module power mode policy, as ethtool's power-mode-policy */
enum xpo_power_policy {
	XPO_POWER_POLICY_HIGH,	/* high power whenever possible (default) */
	XPO_POWER_POLICY_AUTO,	/* high power while a port of the cage is up */
};

/*
 * Telemetry snapshot (xpo_telemetry.c), under io_lock.  Kept at most
 * tlm_interval_ms (hwmon update_interval, default
 * XPO_TELEMETRY_INTERVAL_MS_DEFAULT) and shared by every reader.
 */
#define XPO_TELEMETRY_INTERVAL_MS_DEFAULT	1000
#define XPO_TELEMETRY_INTERVAL_MS_MIN		100
#define XPO_TELEMETRY_INTERVAL_MS_MAX		600000
#define XPO_TLM_FIRST				XPO_TLM_MAX_POWER
#define XPO_TLM_LAST				(XPO_TLM_ENGINE_HWARN + 1)

struct xpo_telemetry {
	unsigned long stamp;		/* jiffies of the last read */
	u64 refreshes;			/* reads of the module */
	bool valid;			/* the values below are current */
	bool stale;			/* in a copy: leased, not read since */
	bool thr_valid;			/* @p02 (and @mon_support) read */
	bool has_page;			/* the module has page B0h */
	u8 mon_support;			/* 01h:160, lane monitors advertised */
	s16 temp;			/* 00h:14, 1/256 degC */
	u16 vcc;			/* 00h:16, 100 uV */
	u8 p02[16];			/* 02h:128-143, temp and Vcc thresholds */
	u8 b0[XPO_TLM_LAST + 1 - XPO_TLM_FIRST];  /* B0h:128-175; 139-140 unread */
};

/*
 * The lanes of the snapshot (xpo_telemetry.c), read with it: the monitors
 * 11h:154-201 of every bank that has page 11h, and the lane flags
 * 11h:134-152 the shadow handed telemetry (XPO_CLIENT_TELEMETRY), never
 * read by telemetry: the bits that latched since the previous refresh, as
 * whoever read them (the lanes, on IntL) saw them.
 */
struct xpo_telemetry_lanes {
	unsigned int banks;		/* banks 0..banks-1 read */
	u8 mon[XPO_BANKS][CMIS_P11_LANE_MON_LEN];
	u8 flags[XPO_BANKS][CMIS_P11_LANE_FLAGS_LEN];
	/* copied from the identity when served, not read with the lanes */
	bool has_thresholds;
	struct xpo_cmis_thresholds thr;
};

/**
 * struct xpo_cage_dp - one data path of the module in a cage
 * @m: its state machine (xpo_dp.c)
 * @port: the first host lane of the port whose lanes it carries
 * @due: jiffies @m's timer fires, while @m.timer_armed
 * @retry_at: jiffies a failed data path of a port that is up is tried
 *	again
 * @no_retry: failed in a way a retry cannot mend (the module rejected the
 *	configuration): left until the port goes down or the module changes
 * @fail_seen: the failure @m is in was reported and its retry scheduled
 * @err: the last refusal of an up request (xpo_dp_step())
 * @si_explicit: the host staged its own SI for these lanes (si-set,
 *	xpo_settings.c): the data path comes up with ExplicitControl, using
 *	what the module keeps in staged set 0
 *
 * Under the cage's sm_lock.
 */
struct xpo_cage_dp {
	struct xpo_dp m;
	u8 port;
	unsigned long due;
	unsigned long retry_at;
	bool no_retry;
	bool fail_seen;
	int err;
	bool si_explicit;
};

/**
 * struct xpo_attach - a port owner's netdev on a port of a cage
 * @cage: the cage; the attachment holds a reference until xpo_detach()
 * @netdev: the owner's netdev: the kernel's module flashing flag is its
 * @ops: the owner's callbacks (xpo_attach.h)
 * @priv: the owner's
 * @lane: the port's first host lane
 * @lanes: its lane count
 * @up: the owner opened it (xpo_attach_open() and xpo_attach_stop(), which
 *	the owner serialises: ndo_open and ndo_stop run under RTNL)
 * @linked: in @cage->attached
 * @node: in @cage->attached
 *
 * The cage's @attached list changes with sm_lock and io_lock held, so
 * either is enough to walk it.  Allocated by xpo_attach(), freed by
 * xpo_detach(); what is constant is set before it is linked.
 */
struct xpo_attach {
	struct xpo_cage *cage;
	struct net_device *netdev;
	const struct xpo_attach_ops *ops;
	void *priv;
	u8 lane;
	u8 lanes;
	bool up;
	bool linked;
	struct list_head node;
};

/* Bus access counters, under io_lock */
struct xpo_cage_stats {
	u64 transfers;		/* i2c transfers attempted */
	u64 retries;		/* of which retried after a NACK */
	u64 errors;		/* accesses that failed after their retries */
};

/**
 * struct xpo_cage - one cage and the module in it
 *
 * Lifetime: allocated at probe with one reference held by the platform
 * device; xpo_cage_get() takes more.  After the device goes away (@gone)
 * the structure stays valid for reference holders, but every operation
 * returns -ENODEV and @dev must not be used.
 *
 * Locking, in this order: RTNL, then @sm_lock, then @io_lock, then
 * @pin_lock or @shadow_lock.  Never take RTNL under either cage lock:
 * ndo_open/ndo_stop and most ethtool operations come with RTNL held and
 * take the cage locks inside, while the kernel's CMIS firmware flash work
 * calls the EEPROM operations without RTNL (and so may run while another
 * port's ethtool request holds it).
 *
 * @sm_lock serialises the state machine and everything it drives: @sm,
 * @admin_off, @module_state, @fault_cause, @mod_flags, @tlm_flags,
 * @event_seq, @timer_deadline, @poll_ticks, @stopping, @power_policy and
 * the lane state (@carrier, @dp_late, @lanes_stale, @lanes_sweep,
 * @dp_planned, @dp_module_state, @num_dps, @dps, @ctl_deinit,
 * @ctl_tx_disable, @dp_state, @lane_flags).  It is taken by the IRQ threads, the timeout,
 * poll and protection limit works, the debugfs reader, the port netdevs'
 * open and stop, and the API calls that change the cage (power, reset,
 * power policy).  It is held across bus access done on behalf of the state
 * machine.
 *
 * @io_lock serialises all access to the module (xpo_broker.c) and
 * covers @io_client, @adv, @sel_valid, @sel_touched, @sel_bank, @sel_page, @gone,
 * @detaching, @flash_owner and @stats.  @id, @id_valid, @io_enabled,
 * @io_state, @io_fault and @ports_up are written with both locks held, so
 * holding either is enough to read them.  Consumers that only read or
 * write the module (EEPROM access from ethtool, also from the CMIS firmware
 * flash work) take only @io_lock.
 *
 * @settled_state is written under @sm_lock at the end of every state
 * machine run and read without lock by waiters on @state_wq.
 *
 * The safety path (xpo_protect_fast()) takes neither @sm_lock nor @io_lock:
 * @pin_lock (a mutex held only around the output GPIO writes, never across
 * bus access) covers @out, @hold and @hold_cond; @shadow_lock (a spinlock
 * held only for memory operations) covers @shadow.  So a leak reaches the
 * supply whatever the state machine or a reader is doing on the bus.
 *
 * @lease_lock, a spinlock taken last (under either mutex, or none), covers
 * the lease (xpo_guard.c): @lease, @lease_ended, @lease_busy,
 * @lease_stopped and @busy_until.  @lease_deferred is under @sm_lock.
 */
struct xpo_cage {
	/* Set at probe, constant afterwards */
	struct device *dev;
	u32 board_nr;			/* the board's number (xpo_board.c) */
	u32 nr;				/* front-panel number on the board */
	struct xpo_board *board;	/* while registered */
	struct kref ref;
	struct xpo_transport *xport;	/* the module's management bus */
	u32 max_power_mw;		/* the cage's power budget */
	struct gpio_desc *gpio[XPO_PIN_MAX];
	int irq[XPO_PIN_MAX];		/* 0: none, polled */
	bool irq_level[XPO_PIN_MAX];	/* level triggered (else both edges) */
	bool need_poll;			/* an input without interrupt */
	bool adopt;			/* probe found the module powered, out of reset */
	bool board_protection;		/* the board protects on its own (unload) */
	struct dentry *debugfs;
	/*
	 * The breakout: @layout is the ports an admin asked for (by default
	 * one per panel port, any speed) and @reach the reach profile every
	 * one must run, both kept across module changes.  @attached are the
	 * port owners' netdevs on those ports (xpo_attach.c), at most one a
	 * port.  @ports are the standalone port netdevs (xpo_port.c), in
	 * layout order, from xpo_ports_create() until xpo_ports_destroy(),
	 * none with @external_ports (the ports wait for an owner).  Layout
	 * and standalone ports change together under RTNL, @sm_lock and
	 * @io_lock (xpo_ports_relayout()), so any of the three is enough to
	 * read them.
	 */
	struct devlink *devlink;	/* the cage's, from probe to remove */
	struct mutex breakout_lock;	/* one layout change at a time */
	unsigned int num_ports;
	struct xpo_app_layout layout;
	u8 reach;			/* the admin's enum xpo_reach, 0: any */
	struct xpo_port *ports[XPO_PORTS_MAX];
	struct list_head attached;
	bool external_ports;		/* "xpo,external-ports": no standalone */
	bool owners_told;		/* xpo_attach_removed() ran, sm_lock */
	wait_queue_head_t state_wq;	/* settled_state changed, or stopping */
	enum xpo_sm_state settled_state;

	struct mutex sm_lock;		/* see above */
	struct xpo_sm sm;
	bool admin_off;			/* an admin switched the supply off */
	u8 module_state;		/* last 00h:3 b3-1 read, 0: unknown */
	u8 fault_cause;			/* 00h:41 at the last ModuleFault */
	u8 mod_flags[6];		/* last 00h:8-13 read (clear on read) */
	u8 tlm_flags[2];		/* last XPO B0h:139-140 read */
	unsigned long timer_deadline;	/* jiffies the cage timer is due */
	u32 event_seq;			/* events published (xpo_event.c) */
	unsigned int poll_ticks;
	bool stopping;			/* remove started: no new work */
	struct delayed_work timeout;	/* the cage timer: XPO_E_TIMEOUT */
	struct delayed_work poll;	/* input polling, IntL re-checks */
	struct delayed_work present_work;	/* the present debounce is up */
	bool present_raw;		/* the present line's last level read */
	unsigned long present_since;	/* jiffies it has read so */
	unsigned long present_fed_at;	/* jiffies of the last insertion fed */
	unsigned long present_edge_at;	/* jiffies of the last present irq, lockless */
	bool int_masked;		/* level IntL disabled until it deasserts */
	bool int_unread;		/* ... masked with nobody reading its flags */
	enum xpo_power_policy power_policy;	/* survives module changes */
	/*
	 * Ports and their data paths (xpo_lanes.c, executed by xpo_dp_exec.c):
	 * bit p = port p, which is bank p of the module.
	 */
	u64 ports_up;			/* ports administratively up */
	u64 carrier;			/* ports with carrier on */
	u64 dp_late;			/* a data path of the port failed: reported */
	bool lanes_stale;		/* lane status must be read again */
	bool lanes_sweep;		/* ... of every bank: IntL stays low */
	bool dp_planned;		/* dps[] describe the module in the cage */
	u8 dp_module_state;		/* ModuleState last fed to the data paths */
	unsigned int num_dps;
	struct xpo_cage_dp dps[XPO_LANES];
	u8 ctl_deinit[XPO_BANKS];	/* 10h:128 as last written */
	u8 ctl_tx_disable[XPO_BANKS];	/* 10h:130 as last written */
	struct delayed_work lanes_work;	/* a data path's timer or retry is due */
	u8 dp_state[XPO_BANKS][CMIS_LANES_PER_BANK / 2];  /* last 11h:128 */
	u8 lane_flags[XPO_BANKS][CMIS_P11_LANE_FLAGS_LEN];  /* last 11h:134 */

	struct mutex io_lock;		/* see above */
	enum xpo_client io_client;	/* on whose behalf the section reads */
	struct xpo_cmis_adv adv;
	bool io_enabled;		/* a powered module is seated */
	bool sel_valid;			/* sel_bank/sel_page match the module */
	bool sel_touched;		/* selection changed in this section */
	u8 sel_bank;
	u8 sel_page;
	bool gone;			/* the device was removed */
	bool detaching;			/* ports going: refuse their access */
	enum xpo_sm_state io_state;	/* sm.state, for io_lock holders */
	enum xpo_fault io_fault;	/* sm.fault, for io_lock holders */
	struct xpo_cage_stats stats;
	struct xpo_identity id;
	bool id_valid;
	struct xpo_telemetry tlm;
	struct xpo_telemetry_lanes tlm_lanes;
	unsigned int tlm_interval_ms;
	/*
	 * hwmon's alarms (00h:9, B0h:139, B0h:140): the bits the shadow
	 * handed hwmon, each cleared when its attribute is read.
	 */
	u8 alarm_latch[3];

	/* The safety path's locks and state (see above) */
	spinlock_t shadow_lock;
	struct xpo_shadow shadow;	/* latched bits per client */
	struct mutex pin_lock;
	bool out[XPO_PIN_MAX];		/* logical levels driven on outputs */
	enum xpo_hold hold;		/* written under pin_lock */
	unsigned int hold_cond;		/* ... and why (xpo_protect_cond) */
	struct work_struct protect_work;	/* xpo_protect_kick() */

	/* Protection (xpo_protect.c), under sm_lock */
	struct xpo_protect protect;
	struct xpo_protect_input protect_in;	/* flags read, not yet judged */
	bool protect_pending;
	bool protect_busy;			/* acting: no nested service */
	struct delayed_work limit_work;		/* measures for the limits */
	struct device *hwmon;

	/* Leases (xpo_guard.c, Documentation/cage-core.rst "Leases") */
	spinlock_t lease_lock;		/* see above */
	struct xpo_lease lease;		/* the module's holder, if any */
	bool lease_ended;		/* a CDB/firmware lease ended: resume */
	bool lease_busy;		/* ... and the module has not answered since */
	bool lease_stopped;		/* the machine stopped: no lease_work */
	unsigned long busy_until;	/* jiffies: NACKs are "busy" until then */
	unsigned int lease_deferred;	/* XPO_DEFER_*, sm_lock */
	struct delayed_work lease_work;	/* resumes the postponed work */
};

/*
 * Bus access: NACKs (-ENXIO, -EREMOTEIO, -EAGAIN) are retried
 * XPO_CMIS_IO_TRIES times in all, XPO_CMIS_IO_BACKOFF_US apart.  A module
 * that is busy (CDB, MgmtInit) NACKs for a few ms; longer outages are the
 * state machine's business (probe retries, I/O error counting).
 */
#define XPO_CMIS_IO_TRIES		3
#define XPO_CMIS_IO_BACKOFF_US		1000

/*
 * Cage timing, our choices where no spec gives a number:
 * - the supply is given XPO_T_POWER_ON_MS to settle, with ResetL asserted,
 *   before reset is released;
 * - ResetL is held at least XPO_T_RESET_HOLD_US (QSFP-DD and OSFP hardware
 *   specifications: minimum reset pulse 10 us);
 * - inputs without interrupt are polled every XPO_T_POLL_MS, and the module
 *   state every XPO_T_POLL_STATE_MS when there is no IntL line at all;
 * - an IntL that stays asserted after its flags were read (flags the core
 *   does not clear, such as lane flags) is looked at again after
 *   XPO_T_INT_RECHECK_MS instead of waiting for an edge that cannot come
 *   (a level interrupt is disabled meanwhile, or it would fire without end);
 * - the present line must hold asserted for XPO_T_PRESENT_DEBOUNCE_MS
 *   before an insertion counts (a removal counts at once, as in sfp.c):
 *   the contacts of a module being seated or pulled bounce for a few ms
 *   (sfp.c waits T_PROBE_INIT after MOD_DEF0 for the same reason); 50 ms
 *   is well over the bounce of a connector and well under the time a
 *   person takes to swap a module, so a bouncing line is one insertion or
 *   one removal.
 */
#define XPO_T_POWER_ON_MS		10
#define XPO_T_RESET_HOLD_US		10
#define XPO_T_POLL_MS			100
#define XPO_T_POLL_STATE_MS		1000
#define XPO_T_INT_RECHECK_MS		1000
#define XPO_T_PRESENT_DEBOUNCE_MS	50
/*
 * A module reset from ethtool is waited for until the machine settles
 * (ready, low-power, fault, or the module gone): at most the probe budget
 * plus the power-up deadline, never more than XPO_T_RESET_WAIT_MAX_MS.
 */
#define XPO_T_RESET_WAIT_MAX_MS		60000
/*
 * A data path of a port that is up and failed (timed out, lost, refused
 * by an I/O error; xpo_dp.h has each step's budget) is tried again after
 * XPO_T_DP_RETRY_MS, our choice: long enough not to hammer a module that
 * cannot, short enough that carrier comes soon after a module recovers.
 * A configuration the module rejected is not retried.
 */
#define XPO_T_DP_RETRY_MS		1000
/*
 * While a CDB or firmware lease is held the state machine postpones its
 * bus work; every XPO_T_LEASE_CHECK_MS (our choice) it looks whether the
 * lease has ended by itself (a holder without release, or one past its
 * duration).
 */
#define XPO_T_LEASE_CHECK_MS		200

/* The state machine's work postponed for a lease (cage->lease_deferred) */
#define XPO_DEFER_INTERRUPT		BIT(0)	/* an IntL to service */
#define XPO_DEFER_POLL			BIT(1)	/* a state poll */
#define XPO_DEFER_TIMEOUT		BIT(2)	/* the cage timer fired */
#define XPO_DEFER_POWER			BIT(3)	/* the power policy changed */
#define XPO_DEFER_LANES			BIT(4)	/* lane controls and status */

/* What a request would do to the module, for xpo_cage_guard() */
enum xpo_guard_op {
	XPO_OP_READ,		/* read it (EEPROM access) */
	XPO_OP_WRITE,		/* write it */
	XPO_OP_RESET,		/* reset it */
	XPO_OP_POWER,		/* switch the cage supply */
	XPO_OP_POLICY,		/* change the power mode policy */
	XPO_OP_PORT_UP,		/* bring a port up (data path, power) */
};

/* xpo_cage_reset(): the caller acts for every port of the cage */
#define XPO_RESET_SHARED		BIT(0)

extern struct workqueue_struct *xpo_wq;
extern struct workqueue_struct *xpo_safety_wq;
extern struct platform_driver xpo_cage_driver;

/* xpo_board.c: the registry of cages by (board, cage) */
#define XPO_CAGE_NR_BITS		8
#define XPO_CAGE_NR_MAX			(BIT(XPO_CAGE_NR_BITS) - 1)
int xpo_registry_add(struct xpo_cage *cage);
void xpo_registry_del(struct xpo_cage *cage);
struct dentry *xpo_board_debugfs(struct xpo_cage *cage);

/* xpo_cage.c: pins */
int xpo_cage_pin_get(struct xpo_cage *cage, enum xpo_pin pin);
void xpo_cage_pin_set(struct xpo_cage *cage, enum xpo_pin pin, bool on);
bool xpo_cage_present(struct xpo_cage *cage);
void xpo_cage_power_sequence(struct xpo_cage *cage);
void xpo_cage_check_pins(struct xpo_cage *cage);
void xpo_cage_safety_hold(struct xpo_cage *cage, enum xpo_hold hold,
			  unsigned int cond);
void xpo_cage_safety_release(struct xpo_cage *cage);
enum xpo_hold xpo_cage_hold(struct xpo_cage *cage);
void __xpo_cage_int_rearm(struct xpo_cage *cage);

/* xpo_sm_run.c: the state machine driven for a cage */
int __xpo_sm_event(struct xpo_cage *cage, enum xpo_sm_event event);
int xpo_sm_event(struct xpo_cage *cage, enum xpo_sm_event event);
void xpo_sm_timeout_work(struct work_struct *work);
void __xpo_cage_power_update(struct xpo_cage *cage);

/* xpo_lanes.c: data path control and status of the ports' lanes */
void xpo_lanes_forget(struct xpo_cage *cage);
void xpo_lanes_service(struct xpo_cage *cage);
void xpo_lanes_work(struct work_struct *work);
void xpo_lanes_relayout(struct xpo_cage *cage, u8 panels);
u8 xpo_lanes_bank_plan(struct xpo_cage *cage, const struct xpo_cage_dp *self,
		       unsigned int bank, u8 *cfg);
u8 xpo_lanes_dp_cfg(const struct xpo_cage_dp *d);

u8 xpo_lanes_planned_cfg(struct xpo_cage *cage, u8 panels,
			 u8 cfg[][CMIS_LANES_PER_BANK]);
void xpo_lanes_trim(struct xpo_cage *cage, struct xpo_app_layout *l);
u8 xpo_lanes_layout_cfg(struct xpo_cage *cage,
			const struct xpo_app_layout *layout, u8 reach,
			u8 panels, u8 cfg[][CMIS_LANES_PER_BANK]);

/* xpo_breakout_prov.c: breakout and reach changes verified on the module */
int xpo_breakout_provision(struct xpo_cage *cage,
			   const struct xpo_app_layout *next, u8 panels,
			   struct netlink_ext_ack *extack);
int xpo_reach_provision(struct xpo_cage *cage, u8 reach,
			struct netlink_ext_ack *extack);
#if IS_ENABLED(CONFIG_KUNIT)
struct xpo_bv_fail;
int xpo_bprov_verify(struct xpo_cage *cage, const struct xpo_dp_module *mod,
		     u8 banks, u8 cfg[][CMIS_LANES_PER_BANK], u8 old_banks,
		     u8 old[][CMIS_LANES_PER_BANK], struct xpo_bv_fail *fail);
#endif

/* xpo_attach.c: the port owners' netdevs on the cage's ports */
void xpo_attach_set_carrier(struct xpo_cage *cage, u64 carrier);
const struct xpo_attach_ops *xpo_attach_split_owner(struct xpo_cage *cage,
						    unsigned int panel,
						    struct xpo_attach **att);
void xpo_attach_removed(struct xpo_cage *cage);
struct xpo_attach *xpo_attach_alloc(struct xpo_cage *cage, u8 lane, u8 lanes,
				    struct net_device *netdev,
				    const struct xpo_attach_ops *ops,
				    void *priv);
void xpo_attach_free(struct xpo_attach *att);
void __xpo_attach_link(struct xpo_attach *att);
void __xpo_attach_unlink(struct xpo_attach *att);
bool xpo_attach_flashing(struct xpo_cage *cage,
			 const struct xpo_attach *except);
struct net_device *xpo_attach_netdev_at(struct xpo_cage *cage, u8 lane);

/* xpo_breakout.c: the cage's ports (Documentation/ports.rst) */
void xpo_breakout_default(struct xpo_app_layout *l);
int xpo_cage_port_split(struct xpo_cage *cage, int panel, const char *mode,
			bool dry_run, struct xpo_app_layout *plan,
			struct netlink_ext_ack *extack);
int xpo_cage_port_unsplit(struct xpo_cage *cage, int panel, bool dry_run,
			  struct xpo_app_layout *plan,
			  struct netlink_ext_ack *extack);
int __xpo_cage_port_split(struct xpo_cage *cage, int panel, const char *mode,
			  unsigned int count, bool dry_run,
			  struct xpo_app_layout *plan,
			  struct netlink_ext_ack *extack);
int __xpo_cage_port_unsplit(struct xpo_cage *cage, int panel, bool dry_run,
			    struct xpo_app_layout *plan,
			    struct netlink_ext_ack *extack);
int xpo_cage_reach_set(struct xpo_cage *cage, u8 reach, bool dry_run,
		       struct xpo_app_layout *plan,
		       struct netlink_ext_ack *extack);
u8 xpo_cage_reach_get(struct xpo_cage *cage, struct xpo_app_layout *plan);

/* xpo_settings.c: a port's host-side SI and laser tuning */
struct xpo_port_si;
struct xpo_port_si_req;
struct xpo_port_tune;
struct xpo_port_tune_req;
int xpo_cage_si_get(struct xpo_cage *cage, unsigned int index,
		    struct xpo_port_si *si, struct netlink_ext_ack *extack);
int xpo_cage_si_set(struct xpo_cage *cage, unsigned int index,
		    const struct xpo_port_si_req *req,
		    struct netlink_ext_ack *extack);
int xpo_cage_tune_get(struct xpo_cage *cage, unsigned int index,
		      struct xpo_port_tune *tune,
		      struct netlink_ext_ack *extack);
int xpo_cage_tune_set(struct xpo_cage *cage, unsigned int index,
		      const struct xpo_port_tune_req *req,
		      struct netlink_ext_ack *extack);

/* xpo_dp_exec.c: a data path's machine run against the module */
void xpo_dp_exec_feed(struct xpo_cage *cage, struct xpo_cage_dp *d,
		      enum xpo_dp_event event, const struct xpo_dp_input *in);
void xpo_dp_exec_bank_init(struct xpo_cage *cage, unsigned int bank,
			   const u8 *dpconfig);

/* xpo_module.c: what the state machine reads from and writes to a module */
int xpo_module_read_identity(struct xpo_cage *cage);
int xpo_module_read_state(struct xpo_cage *cage);
int xpo_module_read_fault_cause(struct xpo_cage *cage);
int xpo_module_set_low_power(struct xpo_cage *cage, bool low);
int xpo_module_sw_reset(struct xpo_cage *cage);
void xpo_module_forget(struct xpo_cage *cage);
int xpo_module_lanes_control(struct xpo_cage *cage, u8 bank, bool enable);
int xpo_module_lanes_status(struct xpo_cage *cage, u8 bank, u8 *flags,
			    u8 *dp_state);

/* xpo_telemetry.c, io_lock held for forget */
unsigned int xpo_telemetry_default_interval(void);
void xpo_telemetry_forget(struct xpo_cage *cage, bool module_gone);
int xpo_telemetry_get(struct xpo_cage *cage, struct xpo_telemetry *out,
		      unsigned int flags);
int xpo_telemetry_get_lanes(struct xpo_cage *cage, struct xpo_telemetry *out,
			    struct xpo_telemetry_lanes *lanes,
			    unsigned int flags);

/* xpo_hwmon.c */
int xpo_hwmon_register(struct xpo_cage *cage);

/* xpo_protect.c, no lock: the safety path */
void xpo_protect_fast(struct xpo_cage *cage);
void xpo_protect_kick(struct xpo_cage *cage);
/* xpo_protect.c, sm_lock held */
void __xpo_protect_leak_line(struct xpo_cage *cage);
void __xpo_protect_service(struct xpo_cage *cage);
bool __xpo_protect_holds_low_power(struct xpo_cage *cage);
bool __xpo_protect_holds_power_off(struct xpo_cage *cage);
void xpo_protect_debugfs_show(struct seq_file *s, struct xpo_cage *cage);
/* xpo_protect.c, at cage allocation */
void xpo_protect_init(struct xpo_cage *cage);

/* xpo_guard.c: leases and the guards, cage side */
void xpo_guard_init(struct xpo_cage *cage);
void xpo_guard_stop(struct xpo_cage *cage);
bool xpo_guard_postpone(struct xpo_cage *cage, unsigned int what);
enum xpo_sm_event xpo_guard_io_failed(struct xpo_cage *cage, int err);
void xpo_guard_io_ok(struct xpo_cage *cage);
void xpo_guard_drop(struct xpo_cage *cage);
void xpo_guard_debugfs_add(struct xpo_cage *cage, struct dentry *dir);
void xpo_guard_debugfs_show(struct seq_file *s, struct xpo_cage *cage);

/* xpo_debugfs.c */
void xpo_debugfs_init(void);
void xpo_debugfs_exit(void);
void xpo_debugfs_cage_add(struct xpo_cage *cage);
void xpo_debugfs_cage_del(struct xpo_cage *cage);
struct dentry *xpo_debugfs_board_add(u32 board);
void xpo_debugfs_board_del(u32 board, struct dentry *dir);

/* xpo_broker.c, with io_lock held (xpo_cmis_lock()) */
void xpo_cmis_lock_as(struct xpo_cage *cage, enum xpo_client client);
void xpo_cmis_lock(struct xpo_cage *cage);
void xpo_cmis_unlock(struct xpo_cage *cage);
int __xpo_cmis_read(struct xpo_cage *cage, u8 bank, u8 page,
		    unsigned int offset, void *buf, size_t len);
int __xpo_cmis_write(struct xpo_cage *cage, u8 bank, u8 page,
		     unsigned int offset, const void *buf, size_t len);
int __xpo_cmis_dump(struct xpo_cage *cage,
		    const struct xpo_cmis_dump_plan *plan, u8 *data);
/* xpo_broker.c, no lock held (the shadow's own spinlock) */
bool xpo_broker_take(struct xpo_cage *cage, enum xpo_client client, u8 bank,
		     u8 page, unsigned int offset, u8 *buf, size_t len,
		     bool clear);
void xpo_broker_forget(struct xpo_cage *cage);

/* The API for consumers ---------------------------------------------- */

struct xpo_cage *xpo_cage_get_next(unsigned long *pos);
enum xpo_sm_state xpo_cage_state(struct xpo_cage *cage);
int xpo_cage_identity(struct xpo_cage *cage, struct xpo_identity *id);
int xpo_cage_set_power(struct xpo_cage *cage, bool on,
		       struct netlink_ext_ack *extack);
int xpo_cage_reset(struct xpo_cage *cage, unsigned int flags,
		   const void *owner, struct netlink_ext_ack *extack);
int xpo_cage_reset_wait(struct xpo_cage *cage, unsigned int flags,
			enum xpo_sm_state *state,
			struct netlink_ext_ack *extack);
enum xpo_power_policy xpo_cage_power_policy(struct xpo_cage *cage);
int xpo_cage_set_power_policy(struct xpo_cage *cage,
			      enum xpo_power_policy policy,
			      struct netlink_ext_ack *extack);
int xpo_cage_port_set_up(struct xpo_cage *cage, unsigned int port, bool up,
			 struct netlink_ext_ack *extack);
int xpo_cage_guard(struct xpo_cage *cage, enum xpo_guard_op op,
		   const void *owner, struct netlink_ext_ack *extack);
int __xpo_cage_guard(struct xpo_cage *cage, enum xpo_guard_op op,
		     const void *owner, struct netlink_ext_ack *extack);
int xpo_cage_lease_take(struct xpo_cage *cage, const struct xpo_lease *req,
			struct netlink_ext_ack *extack);
int __xpo_cage_lease_take(struct xpo_cage *cage, const struct xpo_lease *req,
			  struct netlink_ext_ack *extack);
int xpo_cage_lease_release(struct xpo_cage *cage, const void *owner);
bool xpo_cage_lease_holds(struct xpo_cage *cage, const void *owner);
enum xpo_lease_kind xpo_cage_lease_kind(struct xpo_cage *cage);
int xpo_cmis_read(struct xpo_cage *cage, u8 bank, u8 page,
		  unsigned int offset, void *buf, size_t len);
int xpo_cmis_write(struct xpo_cage *cage, u8 bank, u8 page,
		   unsigned int offset, const void *buf, size_t len);
void xpo_cage_protect_get(struct xpo_cage *cage, struct xpo_protect *out);
int xpo_cage_protect_set(struct xpo_cage *cage, enum xpo_protect_cond cond,
			 enum xpo_protect_action action);
int xpo_cage_protect_set_limit(struct xpo_cage *cage,
			       enum xpo_protect_cond cond, s32 value,
			       const char **why);
int xpo_cage_protect_rearm(struct xpo_cage *cage, const char **why);
int xpo_cage_protect_change(struct xpo_cage *cage,
			    const struct xpo_protect_settings *set,
			    struct xpo_protect_settings *undo);

#endif /* _XPO_CORE_H */
