// SPDX-License-Identifier: GPL-2.0
/*
 * What the state machine reads from and writes to a module: its identity,
 * its state and flags, the fault cause and the 00h:26 controls.  All of it
 * through xpo_cmis_io.c; called with the cage's sm_lock held.
 */
#include <linux/bitfield.h>
#include <linux/slab.h>

#include "xpo_model.h"
#include "xpo_core.h"

struct xpo_module_pages {
	u8 lower[CMIS_LOWER_SIZE];
	u8 page00[CMIS_PAGE_SIZE];
	u8 page01[CMIS_PAGE_SIZE];
	u8 page02[CMIS_PAGE_SIZE];
	struct xpo_identity id;
};

static int __xpo_module_read_identity(struct xpo_cage *cage,
				      struct xpo_module_pages *pg)
{
	const u8 *page01 = NULL;
	__be16 max_power;
	int ret;

	ret = __xpo_cmis_read(cage, 0, 0x00, 0, pg->lower, CMIS_LOWER_SIZE);
	if (ret)
		return ret;
	ret = __xpo_cmis_read(cage, 0, 0x00, CMIS_UPPER_OFFSET, pg->page00,
			      CMIS_PAGE_SIZE);
	if (ret)
		return ret;
	/*
	 * Page 01h only for a CMIS map with paged memory: a module with
	 * another identifier may not even have a page select register.
	 */
	xpo_cmis_decode_identity(&pg->id, pg->lower, pg->page00, NULL);
	if (xpo_cmis_identity_check(&pg->id) == XPO_FAULT_NONE &&
	    !pg->id.flat) {
		ret = __xpo_cmis_read(cage, 0, 0x01, CMIS_UPPER_OFFSET,
				      pg->page01, CMIS_PAGE_SIZE);
		if (ret)
			return ret;
		page01 = pg->page01;
		xpo_cmis_decode_identity(&pg->id, pg->lower, pg->page00,
					 page01);
	}
	xpo_cmis_adv_set(&cage->adv, pg->lower[CMIS_ID],
			 pg->lower[CMIS_MEM_CHAR], page01);

	/* mandatory for paged memory: the monitors' thresholds */
	if (page01) {
		ret = __xpo_cmis_read(cage, 0, 0x02, CMIS_UPPER_OFFSET,
				      pg->page02, CMIS_PAGE_SIZE);
		if (ret)
			return ret;
		xpo_cmis_decode_thresholds(&pg->id.thr, pg->page02);
		pg->id.has_thresholds = true;
	}

	/* XPO model: 00h:201 saturates at 63.75 W; the real figure is here */
	if (xpo_cmis_page_exists(&cage->adv, 0, XPO_PAGE_TELEMETRY)) {
		ret = __xpo_cmis_read(cage, 0, XPO_PAGE_TELEMETRY,
				      XPO_TLM_MAX_POWER, &max_power,
				      sizeof(max_power));
		if (ret)
			return ret;
		pg->id.max_power_mw = be16_to_cpu(max_power) * 10;
	}
	return 0;
}

/**
 * xpo_module_read_identity() - read, decode and cache a module's identity
 * and thresholds
 * @cage: the cage, sm_lock held
 *
 * Fills cage->id and cage->adv.  Whether the module is acceptable is
 * xpo_cmis_identity_check()'s business.  Return: 0 or the bus error.
 */
int xpo_module_read_identity(struct xpo_cage *cage)
{
	struct xpo_module_pages *pg;
	int ret;

	lockdep_assert_held(&cage->sm_lock);
	pg = kzalloc(sizeof(*pg), GFP_KERNEL);
	if (!pg)
		return -ENOMEM;

	xpo_cmis_lock_as(cage, XPO_CLIENT_SM);
	cage->id_valid = false;
	xpo_cmis_adv_init(&cage->adv);
	ret = __xpo_module_read_identity(cage, pg);
	if (ret) {
		xpo_cmis_adv_init(&cage->adv);
	} else {
		cage->id = pg->id;
		cage->id_valid = true;
	}
	xpo_cmis_unlock(cage);

	kfree(pg);
	return ret;
}

/**
 * xpo_module_read_state() - read the module's flags and state
 * @cage: the cage, sm_lock held
 *
 * The latched flags (00h:8-13 and, for XPO, B0h:139-140) are read first and
 * the state last: a transition after the flags were read latches its flag
 * again and re-asserts IntL, so it cannot be lost between the two reads.
 * Reading the flags clears them, which deasserts IntL; the broker's shadow
 * keeps them for the other clients (protection, hwmon, CDB, user space)
 * and hands the state machine what others read before it.  Fills
 * cage->module_state, cage->mod_flags and cage->tlm_flags.
 *
 * Return: 0 or the bus error.
 */
int xpo_module_read_state(struct xpo_cage *cage)
{
	u8 state;
	int ret;

	lockdep_assert_held(&cage->sm_lock);
	xpo_cmis_lock_as(cage, XPO_CLIENT_SM);
	ret = __xpo_cmis_read(cage, 0, 0x00, CMIS_MODULE_FLAGS,
			      cage->mod_flags, sizeof(cage->mod_flags));
	if (!ret && xpo_cmis_page_exists(&cage->adv, 0, XPO_PAGE_TELEMETRY))
		ret = __xpo_cmis_read(cage, 0, XPO_PAGE_TELEMETRY,
				      XPO_TLM_FLAGS, cage->tlm_flags,
				      sizeof(cage->tlm_flags));
	/* the broker kept what was read for the protection: judge it */
	if (!ret)
		cage->protect_pending = true;
	if (!ret)
		ret = __xpo_cmis_read(cage, 0, 0x00, CMIS_MODULE_STATE,
				      &state, 1);
	xpo_cmis_unlock(cage);
	if (!ret)
		cage->module_state = FIELD_GET(CMIS_MODULE_STATE_MASK, state);
	return ret;
}

/* Record 00h:41, the cause of a ModuleFault. */
int xpo_module_read_fault_cause(struct xpo_cage *cage)
{
	int ret;

	lockdep_assert_held(&cage->sm_lock);
	xpo_cmis_lock_as(cage, XPO_CLIENT_SM);
	ret = __xpo_cmis_read(cage, 0, 0x00, CMIS_FAULT_CAUSE,
			      &cage->fault_cause, 1);
	xpo_cmis_unlock(cage);
	return ret;
}

/* Read-modify-write of 00h:26, the global controls */
static int xpo_module_update_ctrl(struct xpo_cage *cage, u8 mask, u8 set)
{
	u8 ctrl, val;
	int ret;

	xpo_cmis_lock_as(cage, XPO_CLIENT_SM);
	ret = __xpo_cmis_read(cage, 0, 0x00, CMIS_MODULE_CTRL, &ctrl, 1);
	if (ret)
		goto out;
	val = (ctrl & ~mask) | set;
	if (val != ctrl)
		ret = __xpo_cmis_write(cage, 0, 0x00, CMIS_MODULE_CTRL, &val, 1);
out:
	xpo_cmis_unlock(cage);
	return ret;
}

/**
 * xpo_module_set_low_power() - set or clear LowPwrRequestSW (00h:26 b4)
 * @cage: the cage, sm_lock held
 * @low: request low power
 *
 * The module is in low power while LowPwrRequestSW is set, or while
 * LowPwrAllowRequestHW (00h:26 b6, 1 after reset) is set and the LPMode
 * input is asserted (CMIS 5.2 section 6.3.2).  The LPMode pin is the
 * caller's.
 */
int xpo_module_set_low_power(struct xpo_cage *cage, bool low)
{
	lockdep_assert_held(&cage->sm_lock);
	return xpo_module_update_ctrl(cage, CMIS_CTRL_LOWPWR_REQ_SW,
				      low ? CMIS_CTRL_LOWPWR_REQ_SW : 0);
}

/* SoftwareReset (00h:26 b3), for cages without a reset line */
int xpo_module_sw_reset(struct xpo_cage *cage)
{
	lockdep_assert_held(&cage->sm_lock);
	return xpo_module_update_ctrl(cage, CMIS_CTRL_SW_RESET,
				      CMIS_CTRL_SW_RESET);
}

/* Forget everything known about the module: it is gone or was reset. */
void xpo_module_forget(struct xpo_cage *cage)
{
	lockdep_assert_held(&cage->sm_lock);
	cage->module_state = 0;
	cage->fault_cause = 0;
	memset(cage->mod_flags, 0, sizeof(cage->mod_flags));
	memset(cage->tlm_flags, 0, sizeof(cage->tlm_flags));
	xpo_lanes_forget(cage);

	mutex_lock(&cage->io_lock);
	cage->id_valid = false;
	memset(&cage->id, 0, sizeof(cage->id));
	xpo_cmis_adv_init(&cage->adv);
	cage->sel_valid = false;
	mutex_unlock(&cage->io_lock);
	xpo_broker_forget(cage);
}
