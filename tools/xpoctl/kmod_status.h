/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Why is the "xpo" generic netlink family missing?  libkmod answers: the
 * module is not installed, blacklisted, not loaded, still loading or going
 * away, or loaded/built in (then the family itself is the problem).
 */
#ifndef XPOCTL_KMOD_STATUS_H
#define XPOCTL_KMOD_STATUS_H

#include <stdbool.h>

#include "json_writer.h"

enum drv_state {
	DRV_NOT_INSTALLED,	/* no xpo.ko for the running kernel */
	DRV_NOT_LOADED,
	DRV_BLACKLISTED,	/* installed, blacklisted, not loaded */
	DRV_COMING,		/* initstate "coming": still loading */
	DRV_GOING,		/* initstate "going": unloading */
	DRV_LIVE,
	DRV_BUILTIN,
	DRV_UNKNOWN,		/* libkmod itself failed */
};

struct drv_status {
	enum drv_state state;
	bool blacklisted;
	char path[256];		/* module file, if installed */
	char version[64];	/* modinfo version/srcversion, if known */
	char kernel[64];	/* uname -r */
};

/* Query libkmod for module @name (an alias is resolved too). */
void drv_status_query(const char *name, struct drv_status *st);

const char *drv_state_name(enum drv_state s);
/*
 * The one-line reason and the fix, for a family that is missing while the
 * module is in state @st.  Pure: unit-tested.
 */
const char *drv_state_reason(const struct drv_status *st);
const char *drv_state_hint(const struct drv_status *st);

#endif
