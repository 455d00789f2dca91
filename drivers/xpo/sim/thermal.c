// SPDX-License-Identifier: GPL-2.0
/*
 * xpo_sim thermal model: a module on a liquid cold plate.
 *
 * Per cage, stepped every XPO_SIM_THERMAL_STEP_MS by one board work:
 *
 *  - electrical power P from the module state: the personality's low-power
 *    draw in ModuleLowPwr and ModuleFault, its nominal draw split 40 % for
 *    the module itself and 60 % for the lanes in ModuleReady (in proportion
 *    to the lanes DPActivated), half-way in ModulePwrUp and ModulePwrDn,
 *    0 without supply, in reset or empty.  debugfs power_mw overrides it;
 *  - coolant outlet, steady state: inlet + P / (flow x c_p), water with
 *    c_p = 4.186 J/(g K) and 1 mL = 1 g, so 400 W into 0.5 L/min is
 *    +11.5 K.  With little or no flow the water in the plate still takes
 *    heat away by conduction, XPO_SIM_G_STAGNANT_MW_PER_K, which bounds the
 *    rise (400 W: +200 K, far above any alarm);
 *  - case, steady state: outlet + P x XPO_SIM_R_CASE (350 W: +10.5 K);
 *    an air-cooled module (no telemetry page) sits at inlet + P x
 *    XPO_SIM_R_AIR instead;
 *  - outlet and case follow their steady states with a first-order lag of
 *    time constant thermal_tau_ms (board debugfs, default 2 s): losing the
 *    flow takes the case of a 350 W module past its 75 degC alarm in well
 *    under a second, as it would;
 *  - engines: case plus the personality's engine offsets, scaled by P over
 *    the nominal power;
 *  - supply: 3.3 V less 0.1 mV per W of load.
 *
 * The values go into the memory map (00h:14-17, B0h) in one cage->lock
 * section, so a block read sees one step.  Flags latch on the edge of
 * their condition (the condition appearing), clear on read, and raise IntL
 * through xpo_sim_module_update_intl() unless masked.
 *
 * Every function here but the work and the init/exit takes or holds
 * cage->lock as said.
 */

#include <linux/ktime.h>
#include <linux/minmax.h>
#include <linux/workqueue.h>

#include "xpo_compat.h"
#include "sim.h"

/* 1/256 degC <-> millidegrees */
#define MDEGC_TO_Q8(m)		((s16)clamp_t(s64, div_s64((s64)(m) * 256, 1000), \
					      S16_MIN, S16_MAX))
#define Q8_TO_MDEGC(q)		((int)(q) * 1000 / 256)

/* Water: c_p 4186 mJ/(g K); flow in mL/min = g/min */
#define XPO_SIM_CP_MJ_PER_G_K		4186
/* Heat the stagnant plate still moves, mW per K */
#define XPO_SIM_G_STAGNANT_MW_PER_K	2000
/* Case above outlet, and case above air for an air-cooled module: mK/W */
#define XPO_SIM_R_CASE_MK_PER_W		30
#define XPO_SIM_R_AIR_MK_PER_W		1500
/* Supply droop, 100 uV units per W */
#define XPO_SIM_VCC_DROOP_PER_W		1

/* Share of the nominal power the module draws with no lane active, % */
#define XPO_SIM_POWER_IDLE_PCT		40

/* Module electrical power, mW, from its state and lanes */
static int xpo_sim_thermal_load_mw(struct xpo_sim_cage *cage)
{
	struct xpo_sim_module *mod = &cage->mod;
	const struct xpo_sim_telemetry *nom;
	unsigned int i, lanes = 0, active = 0;
	int low, full, idle;

	if (cage->thermal.power_override_mw >= 0)
		return cage->thermal.power_override_mw;
	if (!mod->present || !mod->running)
		return 0;
	nom = mod->pers->telemetry;
	low = nom->power_lowpwr * 10;
	full = nom->power * 10;
	idle = full * XPO_SIM_POWER_IDLE_PCT / 100;

	switch (mod->state) {
	case CMIS_MODULE_READY:
		lanes = mod->banks * CMIS_LANES_PER_BANK;
		for (i = 0; i < lanes; i++)
			if (mod->lanes[i].state == CMIS_DP_ACTIVATED)
				active++;
		return idle + (lanes ? (full - idle) * active / lanes : 0);
	case CMIS_MODULE_PWRUP:
	case CMIS_MODULE_PWRDN:
		return (low + idle) / 2;
	default:
		return low;
	}
}

/* Steady-state coolant rise, mK, for @p_mw into @flow mL/min */
static int xpo_sim_thermal_rise_mk(int p_mw, unsigned int flow)
{
	/* P / (flow/60 g/s x c_p): mW * 60 * 1000 / (mL/min * mJ/(g K)) = mK */
	s64 by_flow = flow ? div_s64((s64)p_mw * 60 * 1000,
				     (s64)flow * XPO_SIM_CP_MJ_PER_G_K) : S64_MAX;
	s64 stagnant = div_s64((s64)p_mw * 1000, XPO_SIM_G_STAGNANT_MW_PER_K);

	return (int)min(by_flow, stagnant);
}

/* x moves toward @target by dt/tau of the way (all of it if dt >= tau) */
static int xpo_sim_thermal_lag(int x, int target, unsigned int dt_ms,
			       unsigned int tau_ms)
{
	if (dt_ms >= tau_ms)
		return target;
	return x + (int)div_s64((s64)(target - x) * dt_ms, tau_ms);
}

static void xpo_sim_stamp(u64 *stamp)
{
	WRITE_ONCE(*stamp, ktime_get_ns());
}

/* Conditions of the current values against the module's thresholds */
static void xpo_sim_thermal_conditions(struct xpo_sim_module *mod, bool leak,
				       struct xpo_sim_thermal_cond *c)
{
	const struct xpo_sim_telemetry *t = &mod->tlm;
	const u8 *p02 = mod->mem.page02;
	unsigned int i;

#define P02(off)	((s16)get_unaligned_be16(&p02[(off) - CMIS_UPPER_OFFSET]))
#define P02U(off)	get_unaligned_be16(&p02[(off) - CMIS_UPPER_OFFSET])
	memset(c, 0, sizeof(*c));
	if (t->module_temp >= P02(CMIS_P02_TEMP_HALARM))
		c->temp_vcc |= CMIS_FLAG_TEMP_HALARM;
	if (t->module_temp <= P02(CMIS_P02_TEMP_LALARM))
		c->temp_vcc |= CMIS_FLAG_TEMP_LALARM;
	if (t->module_temp >= P02(CMIS_P02_TEMP_HWARN))
		c->temp_vcc |= CMIS_FLAG_TEMP_HWARN;
	if (t->module_temp <= P02(CMIS_P02_TEMP_LWARN))
		c->temp_vcc |= CMIS_FLAG_TEMP_LWARN;
	if (t->vcc >= P02U(CMIS_P02_VCC_HALARM))
		c->temp_vcc |= CMIS_FLAG_VCC_HALARM;
	if (t->vcc <= P02U(CMIS_P02_VCC_LALARM))
		c->temp_vcc |= CMIS_FLAG_VCC_LALARM;
	if (t->vcc >= P02U(CMIS_P02_VCC_HWARN))
		c->temp_vcc |= CMIS_FLAG_VCC_HWARN;
	if (t->vcc <= P02U(CMIS_P02_VCC_LWARN))
		c->temp_vcc |= CMIS_FLAG_VCC_LWARN;
#undef P02
#undef P02U
	if (!mod->pers->telemetry_page)
		return;
	if (leak)
		c->tlm |= XPO_TLM_FLAG_LEAK;
	if (t->flow < t->flow_lalarm)
		c->tlm |= XPO_TLM_FLAG_FLOW_LALARM;
	if (t->flow < t->flow_lwarn)
		c->tlm |= XPO_TLM_FLAG_FLOW_LWARN;
	if (t->coolant_out >= t->out_halarm)
		c->tlm |= XPO_TLM_FLAG_OUT_HALARM;
	if (t->coolant_out >= t->out_hwarn)
		c->tlm |= XPO_TLM_FLAG_OUT_HWARN;
	if (t->power >= t->power_halarm)
		c->tlm |= XPO_TLM_FLAG_POWER_HALARM;
	if (t->power >= t->power_hwarn)
		c->tlm |= XPO_TLM_FLAG_POWER_HWARN;
	for (i = 0; i < t->engines && i < XPO_TLM_ENGINES_MAX; i++)
		if (t->engine_temp[i] >= t->engine_halarm)
			c->engines |= BIT(i);
}

/**
 * xpo_sim_thermal_update() - advance a cage's model and publish it
 * @cage: the cage, cage->lock held
 * @dt_ms: time since the last step; 0 only re-evaluates (a knob changed)
 */
void xpo_sim_thermal_update(struct xpo_sim_cage *cage, unsigned int dt_ms)
{
	struct xpo_sim_thermal *th = &cage->thermal;
	struct xpo_sim_module *mod = &cage->mod;
	unsigned int tau = READ_ONCE(cage->board->thermal_tau_ms);
	struct xpo_sim_thermal_cond c;
	const struct xpo_sim_telemetry *nom;
	bool leak = !xpo_sim_gpio_level(cage, XPO_SIM_LINE_LEAK);
	bool air = mod->present && !mod->pers->telemetry_page;
	int out_ss, case_ss, rise, i;
	u8 *lo, *tlm, new;

	lockdep_assert_held(&cage->lock);
	th->power_mw = xpo_sim_thermal_load_mw(cage);
	rise = xpo_sim_thermal_rise_mk(th->power_mw, th->flow_mlpm);
	out_ss = th->inlet_mdegc + rise;
	if (air)
		case_ss = th->inlet_mdegc +
			  th->power_mw / 1000 * XPO_SIM_R_AIR_MK_PER_W;
	else
		case_ss = out_ss + th->power_mw / 1000 * XPO_SIM_R_CASE_MK_PER_W;
	th->outlet_mdegc = xpo_sim_thermal_lag(th->outlet_mdegc, out_ss, dt_ms,
					       tau);
	th->case_mdegc = xpo_sim_thermal_lag(th->case_mdegc, case_ss, dt_ms,
					     tau);

	if (th->flow_mlpm < th->flow_low_mlpm && !th->flow_low) {
		th->flow_low = true;
		xpo_sim_stamp(&th->stamps.flow_low_ns);
	} else if (th->flow_mlpm >= th->flow_low_mlpm) {
		th->flow_low = false;
	}
	if (th->case_mdegc >= th->case_crit_mdegc && !th->case_crit) {
		th->case_crit = true;
		xpo_sim_stamp(&th->stamps.case_crit_ns);
	} else if (th->case_mdegc < th->case_crit_mdegc) {
		th->case_crit = false;
	}

	if (!mod->present || !mod->running)
		return;

	/* the module's view: telemetry values, then flags on their edges */
	nom = mod->pers->telemetry;
	mod->tlm.module_temp = MDEGC_TO_Q8(th->case_mdegc);
	mod->tlm.vcc = nom->vcc - th->power_mw / 1000 * XPO_SIM_VCC_DROOP_PER_W;
	mod->tlm.power = th->power_mw / 10;
	mod->tlm.coolant_in = MDEGC_TO_Q8(th->inlet_mdegc);
	mod->tlm.coolant_out = MDEGC_TO_Q8(th->outlet_mdegc);
	mod->tlm.flow = min_t(unsigned int, th->flow_mlpm, U16_MAX);
	for (i = 0; i < nom->engines && i < XPO_TLM_ENGINES_MAX; i++) {
		int off = Q8_TO_MDEGC(nom->engine_temp[i] - nom->module_temp);

		if (nom->power)
			off = (int)div_s64((s64)off * th->power_mw,
					   nom->power * 10);
		mod->tlm.engine_temp[i] = MDEGC_TO_Q8(th->case_mdegc + off);
	}
	mod->tlm.status = (leak ? XPO_TLM_STATUS_LEAK : 0) |
			  (mod->tlm.flow < mod->tlm.flow_lalarm ?
			   XPO_TLM_STATUS_FLOW_LOW : 0);
	xpo_sim_telemetry_publish(&mod->tlm, mod->pers->telemetry_page,
				  &mod->mem);
	xpo_sim_monitors_publish(cage);

	xpo_sim_thermal_conditions(mod, leak, &c);
	lo = mod->mem.lower;
	tlm = mod->mem.page_tlm;
	new = c.temp_vcc & ~th->cond.temp_vcc;
	lo[CMIS_TEMP_VCC_FLAGS] |= new;
	if (mod->pers->telemetry_page) {
		new |= c.tlm & ~th->cond.tlm;
		tlm[XPO_TLM_FLAGS - CMIS_UPPER_OFFSET] |= c.tlm & ~th->cond.tlm;
		new |= c.engines & ~th->cond.engines;
		tlm[XPO_TLM_ENGINE_FLAGS - CMIS_UPPER_OFFSET] |=
			c.engines & ~th->cond.engines;
	}
	th->cond = c;
	if (new)
		xpo_sim_module_update_intl(cage);
}

/*
 * The module just booted: no condition seen yet, so present ones latch;
 * its thresholds are the ones the timestamps use.  cage->lock held.
 */
void xpo_sim_thermal_boot(struct xpo_sim_cage *cage)
{
	struct xpo_sim_thermal *th = &cage->thermal;
	struct xpo_sim_module *mod = &cage->mod;
	s16 halarm = get_unaligned_be16(&mod->mem.page02[CMIS_P02_TEMP_HALARM -
							 CMIS_UPPER_OFFSET]);

	memset(&th->cond, 0, sizeof(th->cond));
	th->case_crit_mdegc = Q8_TO_MDEGC(halarm);
	th->flow_low_mlpm = mod->pers->telemetry_page ? mod->tlm.flow_lalarm : 0;
	xpo_sim_thermal_update(cage, 0);
}

static void xpo_sim_thermal_work(struct work_struct *work)
{
	struct xpo_sim_board *board = container_of(to_delayed_work(work),
						   struct xpo_sim_board,
						   thermal_work);
	unsigned int i;

	for (i = 0; i < board->num_cages; i++) {
		struct xpo_sim_cage *cage = &board->cages[i];

		mutex_lock(&cage->lock);
		xpo_sim_thermal_update(cage, XPO_SIM_THERMAL_STEP_MS);
		mutex_unlock(&cage->lock);
	}
	queue_delayed_work(system_wq, &board->thermal_work,
			   msecs_to_jiffies(XPO_SIM_THERMAL_STEP_MS));
}

/* Start values: a healthy rack, every cage a little different */
void xpo_sim_thermal_init(struct xpo_sim_board *board)
{
	unsigned int i;

	board->thermal_tau_ms = XPO_SIM_THERMAL_TAU_MS_DEFAULT;
	for (i = 0; i < board->num_cages; i++) {
		struct xpo_sim_thermal *th = &board->cages[i].thermal;

		th->inlet_mdegc = XPO_SIM_INLET_MDEGC_DEFAULT +
				  (int)(i % 4) * 500 - 750;
		th->flow_mlpm = XPO_SIM_FLOW_MLPM_DEFAULT +
				(i % 5) * 20 - 40;
		th->power_override_mw = -1;
		th->outlet_mdegc = th->inlet_mdegc;
		th->case_mdegc = th->inlet_mdegc;
		th->case_crit_mdegc = INT_MAX;	/* until a module boots */
	}
	INIT_DELAYED_WORK(&board->thermal_work, xpo_sim_thermal_work);
}

void xpo_sim_thermal_start(struct xpo_sim_board *board)
{
	queue_delayed_work(system_wq, &board->thermal_work,
			   msecs_to_jiffies(XPO_SIM_THERMAL_STEP_MS));
}

/* The work re-queues itself: cancel_delayed_work_sync() handles that */
void xpo_sim_thermal_stop(struct xpo_sim_board *board)
{
	cancel_delayed_work_sync(&board->thermal_work);
}
