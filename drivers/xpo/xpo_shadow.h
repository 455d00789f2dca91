/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The shadow of a module's clear-on-read bytes (Documentation/cage-core.rst,
 * "The broker").
 *
 * Reading a latched flag clears it in the module: whoever reads it first
 * takes it from everybody else.  The broker passes every read of a latched
 * byte, through any path, through the shadow: the bits read are kept for
 * each other client until that client looks, and a client's read returns
 * what the module says now together with what latched since the client
 * last looked.  So no reader can take a flag from another; in particular
 * none from the protection.
 *
 * Pure: no locking, no I/O (the broker holds its shadow lock around the
 * calls; KUnit-tested in tests/xpo_shadow_kunit.c).
 */
#ifndef _XPO_SHADOW_H
#define _XPO_SHADOW_H

#include <linux/types.h>

#include "cmis.h"
#include "xpo_model.h"

/*
 * Who reads a module, or is handed what others read.  A client that reads
 * latched bytes itself gets its pending bits merged into its reads; the
 * others take them with xpo_shadow_take().
 */
enum xpo_client {
	XPO_CLIENT_SM,		/* the state machine: 00h:8-13, B0h:139-140 */
	XPO_CLIENT_LANES,	/* lane status: 11h:134-152 of every bank */
	XPO_CLIENT_PROTECT,	/* the protection: handed 00h:9, B0h:139-140 */
	XPO_CLIENT_HWMON,	/* hwmon's alarms: handed 00h:9, B0h:139-140 */
	XPO_CLIENT_CDB,		/* CDB completion: handed 00h:8 b6-7 */
	XPO_CLIENT_HOST,	/* raw reads for user space (ethtool, netlink) */
	XPO_CLIENT_TELEMETRY,	/* the telemetry snapshot: handed 11h:134-152 */
	XPO_CLIENT_NUM,
};

/* The latched bytes: 00h:8-13, XPO B0h:139-140, 11h:134-152 of each bank */
#define XPO_SHADOW_MODULE		0
#define XPO_SHADOW_MODULE_LEN		6
#define XPO_SHADOW_TLM			(XPO_SHADOW_MODULE + XPO_SHADOW_MODULE_LEN)
#define XPO_SHADOW_TLM_LEN		2
#define XPO_SHADOW_LANES		(XPO_SHADOW_TLM + XPO_SHADOW_TLM_LEN)
#define XPO_SHADOW_BYTES		(XPO_SHADOW_LANES + \
					 XPO_BANKS * CMIS_P11_LANE_FLAGS_LEN)

/**
 * struct xpo_shadow - latched bits each client has not seen yet
 * @pending: per client, per latched byte
 */
struct xpo_shadow {
	u8 pending[XPO_CLIENT_NUM][XPO_SHADOW_BYTES];
};

int xpo_shadow_index(u8 bank, u8 page, unsigned int offset);
u32 xpo_shadow_read(struct xpo_shadow *sh, enum xpo_client reader, u8 bank,
		    u8 page, unsigned int offset, u8 *buf, size_t len);
bool xpo_shadow_take(struct xpo_shadow *sh, enum xpo_client client, u8 bank,
		     u8 page, unsigned int offset, u8 *buf, size_t len,
		     bool clear);
void xpo_shadow_clear(struct xpo_shadow *sh);

#endif /* _XPO_SHADOW_H */
