// SPDX-License-Identifier: GPL-2.0
/* libkmod queries behind `xpoctl driver status`: see kmod_status.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

#include <libkmod.h>

#include "kmod_status.h"

static void copy(char *dst, size_t n, const char *src)
{
	size_t i = 0;

	/* truncation of a path or version is harmless: it is only shown */
	for (; src && src[i] && i + 1 < n; i++)
		dst[i] = src[i];
	dst[i] = '\0';
}

static void module_version(struct kmod_module *mod, struct drv_status *st)
{
	struct kmod_list *info = NULL, *l;

	if (kmod_module_get_info(mod, &info) < 0)
		return;
	kmod_list_foreach(l, info) {
		const char *k = kmod_module_info_get_key(l);

		if (!strcmp(k, "version") ||
		    (!st->version[0] && !strcmp(k, "srcversion")))
			copy(st->version, sizeof(st->version),
			     kmod_module_info_get_value(l));
	}
	kmod_module_info_free_list(info);
}

void drv_status_query(const char *name, struct drv_status *st)
{
	struct kmod_list *list = NULL, *filtered = NULL;
	struct kmod_module *mod;
	struct kmod_ctx *ctx;
	struct utsname u;
	int r;

	memset(st, 0, sizeof(*st));
	st->state = DRV_UNKNOWN;
	if (!uname(&u))
		copy(st->kernel, sizeof(st->kernel), u.release);

	ctx = kmod_new(NULL, NULL);
	if (!ctx)
		return;
	/* no output from libkmod itself: we say what matters */
	kmod_set_log_priority(ctx, 0);

	r = kmod_module_new_from_lookup(ctx, name, &list);
	if (r < 0 || !list) {
		/* not in modules.dep/alias: maybe loaded from elsewhere */
		if (kmod_module_new_from_name(ctx, name, &mod) < 0)
			goto out;
	} else {
		mod = kmod_module_get_module(list);
	}

	r = kmod_module_get_initstate(mod);
	switch (r) {
	case KMOD_MODULE_BUILTIN:
		st->state = DRV_BUILTIN;
		break;
	case KMOD_MODULE_LIVE:
		st->state = DRV_LIVE;
		break;
	case KMOD_MODULE_COMING:
		st->state = DRV_COMING;
		break;
	case KMOD_MODULE_GOING:
		st->state = DRV_GOING;
		break;
	default:
		st->state = list ? DRV_NOT_LOADED : DRV_NOT_INSTALLED;
	}
	copy(st->path, sizeof(st->path), kmod_module_get_path(mod));
	if (list) {
		module_version(mod, st);
		if (kmod_module_apply_filter(ctx, KMOD_FILTER_BLACKLIST, list,
					     &filtered) >= 0) {
			st->blacklisted = !filtered;
			kmod_module_unref_list(filtered);
		}
		if (st->blacklisted && st->state == DRV_NOT_LOADED)
			st->state = DRV_BLACKLISTED;
	}
	kmod_module_unref(mod);
	kmod_module_unref_list(list);
out:
	kmod_unref(ctx);
}

const char *drv_state_name(enum drv_state s)
{
	static const char *const n[] = {
		[DRV_NOT_INSTALLED] = "not-installed",
		[DRV_NOT_LOADED] = "not-loaded",
		[DRV_BLACKLISTED] = "blacklisted",
		[DRV_COMING] = "loading",
		[DRV_GOING] = "unloading",
		[DRV_LIVE] = "loaded",
		[DRV_BUILTIN] = "builtin",
		[DRV_UNKNOWN] = "unknown",
	};

	return (unsigned int)s < sizeof(n) / sizeof(n[0]) ? n[s] : "unknown";
}

const char *drv_state_reason(const struct drv_status *st)
{
	switch (st->state) {
	case DRV_NOT_INSTALLED:
		return "the xpo driver is not installed for this kernel";
	case DRV_NOT_LOADED:
		return "the xpo driver is installed but not loaded";
	case DRV_BLACKLISTED:
		return "the xpo driver is blacklisted, so it is not loaded";
	case DRV_COMING:
		return "the xpo driver is still loading";
	case DRV_GOING:
		return "the xpo driver is being unloaded";
	case DRV_LIVE:
	case DRV_BUILTIN:
		return "the xpo driver is loaded but has no \"xpo\" netlink family (too old?)";
	default:
		return "the xpo netlink family is missing and libkmod cannot tell why";
	}
}

const char *drv_state_hint(const struct drv_status *st)
{
	switch (st->state) {
	case DRV_NOT_INSTALLED:
		return "install the xpo package or DKMS module for this kernel, then: modprobe xpo";
	case DRV_NOT_LOADED:
		return "load it: modprobe xpo";
	case DRV_BLACKLISTED:
		return "remove \"blacklist xpo\" from /etc/modprobe.d, then: modprobe xpo";
	case DRV_COMING:
		return "wait a moment and try again";
	case DRV_GOING:
		return "wait for the unload to finish, then: modprobe xpo";
	case DRV_LIVE:
	case DRV_BUILTIN:
		return "update xpoctl and the xpo driver together; see dmesg for xpo errors";
	default:
		return "check: lsmod | grep xpo; dmesg | grep xpo";
	}
}
