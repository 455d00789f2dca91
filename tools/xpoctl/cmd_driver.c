// SPDX-License-Identifier: GPL-2.0
/*
 * `xpoctl driver status`: the module as libkmod sees it, and whether its
 * generic netlink family answers.  Exit 0 when the family is there, 4 when
 * it is not (with the reason and the fix).
 */
#include <stdio.h>

#include <linux/xpo.h>

#include "kmod_status.h"
#include "nl.h"
#include "xpoctl.h"


int cmd_driver_status(struct xpoctl *x, int argc, char **argv)
{
	struct drv_status st;
	int fam;

	(void)argv;
	if (argc)
		return usage_error(x, "driver status takes no arguments");
	drv_status_query("xpo", &st);
	fam = xnl_family_id(XPO_FAMILY_NAME);

	if (x->json) {
		struct jw *jw = &x->jw;

		jw_obj_open(jw);
		jw_name(jw, "driver");
		jw_obj_open(jw);
		jw_kv_string(jw, "module", "xpo");
		jw_kv_string(jw, "state", drv_state_name(st.state));
		jw_kv_bool(jw, "blacklisted", st.blacklisted);
		jw_name(jw, "path");
		jw_string(jw, st.path[0] ? st.path : NULL);
		jw_name(jw, "version");
		jw_string(jw, st.version[0] ? st.version : NULL);
		jw_kv_string(jw, "kernel", st.kernel);
		jw_kv_bool(jw, "family", fam >= 0);
		if (fam < 0) {
			jw_kv_string(jw, "reason", drv_state_reason(&st));
			jw_kv_string(jw, "hint", drv_state_hint(&st));
		}
		jw_obj_close(jw);
		jw_obj_close(jw);
		jw_end(jw);
	} else {
		printf("module:       xpo\n");
		printf("state:        %s%s\n", drv_state_name(st.state),
		       st.blacklisted && st.state != DRV_BLACKLISTED ?
		       " (blacklisted)" : "");
		printf("path:         %s\n", st.path[0] ? st.path : "-");
		printf("version:      %s\n", st.version[0] ? st.version : "-");
		printf("kernel:       %s\n", st.kernel);
		printf("netlink:      %s\n", fam >= 0 ? "family \"xpo\" registered" :
		       "family \"xpo\" missing");
	}
	if (fam < 0) {
		fprintf(stderr, "xpoctl: %s\nxpoctl: hint: %s\n",
			drv_state_reason(&st), drv_state_hint(&st));
		return XE_DRIVER;
	}
	return XE_OK;
}
