/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Application matching: what a module advertises (its CMIS application
 * descriptors, CMIS 5.2 section 8.2.11), which breakouts of a cage it can
 * carry, which reach profiles its media interfaces belong to, and which
 * electrical interface architecture it has.  Pure logic on a decoded
 * identity (xpo_cmis_decode.c); no hardware, no locking.  KUnit tests it
 * (tests/xpo_app_kunit.c).
 *
 * Lanes are the cage's host lanes, 0-63 (XPO_LANES), bank b holding lanes
 * 8b..8b+7 (xpo_model.h); messages number them from 1 within a bank, as
 * CMIS does.  A data path never crosses a bank: the lane pages that
 * configure it (10h/11h) are per bank.
 *
 * Errors: -EINVAL for a request that is wrong whatever the module (unknown
 * mode or profile name, lanes out of range, overlapping ports), -EOPNOTSUPP
 * for one the module cannot carry (no such application, start lane or
 * bank, no such reach), -ENODATA for a module with no usable application.
 * Every refusal also writes a short (< XPO_APP_MSG_LEN) message into the
 * caller's buffer, if one is given, naming what the module does support:
 * it is meant for a netlink extack.
 */
#ifndef _XPO_APP_H
#define _XPO_APP_H

#include <linux/types.h>

#include "../../include/uapi/linux/xpo.h"
#include "cmis.h"
#include "xpo_model.h"

struct xpo_identity;

/* Room for any message of this file, NUL included (one extack line) */
#define XPO_APP_MSG_LEN			80

/* Breakout modes a module can have: one per application size at most */
#define XPO_APP_MODES_MAX		CMIS_APP_MAX

/* Ports of a layout: at most one per host lane of the cage */
#define XPO_APP_PORTS_MAX		XPO_LANES

/*
 * Reach profiles are the xpo family's enum xpo_reach (SFF-8024 Tables
 * 4-6/4-7, see the netlink spec): one vocabulary from the module to
 * user space.  0 is no profile: a request for any.
 */
#define XPO_REACH_ANY			0
#define XPO_REACH_MAX			(XPO_REACH_OTHER + 1)

/*
 * Electrical (host side) interface architecture, from the host interface
 * IDs (SFF-8024 Table 4-5) and, for LPO, the media interface IDs; see
 * xpo_app.c for the sources.  Each known one has the value of the xpo
 * family's enum xpo_interface_arch.
 */
enum xpo_app_arch {
	XPO_ARCH_UNKNOWN,	/* nothing the tables below know */
	/* C2M AUI: DSP/CDR both ways ("fully retimed") */
	XPO_ARCH_RETIMED = XPO_INTERFACE_ARCH_RETIMED,
	/* RTLR: retimed Tx, linear Rx ("half-retimed") */
	XPO_ARCH_LRO = XPO_INTERFACE_ARCH_HALF_RETIMED,
	/* linear both ways (LPO MSA LEI, CEI linear) */
	XPO_ARCH_LPO = XPO_INTERFACE_ARCH_LINEAR,
	/* passive copper: no module electronics */
	XPO_ARCH_PASSIVE = XPO_INTERFACE_ARCH_PASSIVE,
	XPO_ARCH_MAX,
};

/**
 * struct xpo_app - one usable application of a module
 * @appsel: its AppSel code, 1-15 (the descriptor's position)
 * @host_if: host electrical interface ID (SFF-8024 Table 4-5)
 * @media_if: media interface ID, in the table chosen by the media type
 * @host_lanes: host lane count, 1-8
 * @media_lanes: media lane count, 0-8 (0: not given)
 * @host_assign: host lane assignment options, b<n>: a data path may start
 *	on lane n+1 of a bank
 * @media_assign: media lane assignment options (01h:176+), same encoding;
 *	0 for flat memory
 * @speed_gbps: nominal data rate of one data path in Gb/s (1.6T = 1600),
 *	0 if the host interface is not one this file knows
 * @reach: reach profile of the media interface
 * @arch: electrical interface architecture
 */
struct xpo_app {
	u8 appsel;
	u8 host_if;
	u8 media_if;
	u8 host_lanes;
	u8 media_lanes;
	u8 host_assign;
	u8 media_assign;
	u16 speed_gbps;
	enum xpo_reach reach;
	enum xpo_app_arch arch;
};

/**
 * struct xpo_app_table - the applications of one module
 * @media_type: 00h:85 (1 MMF, 2 SMF, 3 passive copper, 4 active cable,
 *	5 BASE-T), which selects the media interface table
 * @banks: banks of 8 host lanes the module has (01h:142)
 * @num: entries of @apps
 * @apps: the well-formed applications, in AppSel order
 * @malformed: b<n>: the descriptor of AppSel n+1 was malformed and left out
 *	(its AppSel is not reused: AppSel is the descriptor's position)
 */
struct xpo_app_table {
	u8 media_type;
	unsigned int banks;
	unsigned int num;
	struct xpo_app apps[CMIS_APP_MAX];
	u16 malformed;
};

/**
 * struct xpo_app_port - one port of a requested layout
 * @first_lane: first host lane in the cage, 0-63
 * @lanes: host lane count, 1-8
 * @speed_gbps: data rate the port must carry, 0 = any
 * @appsel: in: AppSel the port must use, 0 = any; out: the AppSel chosen
 * @reach: out: the reach profile of the AppSel chosen
 */
struct xpo_app_port {
	u8 first_lane;
	u8 lanes;
	u16 speed_gbps;
	u8 appsel;
	u8 reach;
};

/**
 * struct xpo_app_layout - the ports of a cage, as a breakout asks for them
 * @num_ports: entries of @ports
 * @ports: the ports; lanes that no port covers stay unused (AppSel 0)
 */
struct xpo_app_layout {
	unsigned int num_ports;
	struct xpo_app_port ports[XPO_APP_PORTS_MAX];
};

/* A uniform breakout: @count ports of @lanes host lanes at @speed_gbps */
struct xpo_app_mode {
	u8 count;
	u8 lanes;
	u16 speed_gbps;
};

/* Breakout scope: the whole cage, or one bank (one 8-lane 1.6T port) */
#define XPO_APP_CAGE			(-1)

int xpo_app_table_decode(struct xpo_app_table *t,
			 const struct xpo_identity *id);
u8 xpo_app_media_lanes(const struct xpo_app *a, unsigned int first);
const struct xpo_app *xpo_app_find(const struct xpo_app_table *t,
				   unsigned int appsel);

/* Breakouts */
int xpo_app_mode_parse(const char *name, int bank, struct xpo_app_mode *m);
int xpo_app_mode_name(char *buf, size_t len, const struct xpo_app_mode *m);
unsigned int xpo_app_modes(const struct xpo_app_table *t, int bank,
			   struct xpo_app_mode *modes, unsigned int max);
int xpo_app_modes_str(const struct xpo_app_table *t, int bank, char *buf,
		      size_t len);
int xpo_app_layout_check(const struct xpo_app_table *t,
			 struct xpo_app_layout *l, enum xpo_reach reach,
			 char *msg, size_t len);
int xpo_app_mode_check(const struct xpo_app_table *t, const char *mode,
		       int bank, enum xpo_reach reach,
		       struct xpo_app_layout *l, char *msg, size_t len);

/* Reach profiles */
enum xpo_reach xpo_app_media_reach(u8 media_type, u8 media_if);
const char *xpo_reach_name(enum xpo_reach reach);
int xpo_reach_parse(const char *name);
u16 xpo_app_reaches(const struct xpo_app_table *t);
int xpo_app_reaches_str(const struct xpo_app_table *t, char *buf,
			size_t len);
int xpo_app_reach_check(const struct xpo_app_table *t, const char *profile,
			struct xpo_app_layout *l, char *msg, size_t len);

/* Interface architecture */
enum xpo_app_arch xpo_app_if_arch(u8 media_type, u8 host_if, u8 media_if);
enum xpo_app_arch xpo_app_arch(const struct xpo_app_table *t);
const char *xpo_app_arch_name(enum xpo_app_arch arch);

#endif /* _XPO_APP_H */
