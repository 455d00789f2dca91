/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The telemetry snapshot's rules, as pure logic (xpo_telemetry.c applies
 * them to a cage; KUnit tests them in tests/xpo_telemetry_kunit.c).
 */
#ifndef _XPO_TELEMETRY_H
#define _XPO_TELEMETRY_H

#include <linux/types.h>

/* xpo_telemetry_get() flags */
#define XPO_TLM_FORCE		BIT(0)	/* read the module even if fresh */
#define XPO_TLM_STALE_OK	BIT(1)	/* under a lease: the last snapshot */

/* What a request for the snapshot does */
enum xpo_tlm_action {
	XPO_TLM_NODATA,		/* -ENODATA: nothing to serve */
	XPO_TLM_BUSY,		/* -ENODATA: leased, no old values wanted */
	XPO_TLM_CACHED,		/* serve the snapshot as it is */
	XPO_TLM_REFRESH,	/* read the module, then serve */
	XPO_TLM_STALE,		/* leased: the last snapshot, marked stale */
};

/**
 * xpo_tlm_decide() - what a request for the snapshot does
 * @served: the module answers management (low power, powering up, ready)
 * @quiet: a CDB or firmware lease holds the module: no bus access at all
 * @valid: the snapshot holds values of this module in this state
 * @due: the snapshot is older than the interval, or a refresh is forced
 * @stale_ok: the reader takes the last values, marked stale, under a lease
 *
 * A leased module is never read, whatever the age of the snapshot: a busy
 * module is not a faulty one, and a read could take the CDB completion
 * flag its holder polls.
 */
static inline enum xpo_tlm_action xpo_tlm_decide(bool served, bool quiet,
						 bool valid, bool due,
						 bool stale_ok)
{
	if (!served)
		return XPO_TLM_NODATA;
	if (quiet)
		return valid && stale_ok ? XPO_TLM_STALE : XPO_TLM_BUSY;
	return valid && !due ? XPO_TLM_CACHED : XPO_TLM_REFRESH;
}

#endif /* _XPO_TELEMETRY_H */
