// SPDX-License-Identifier: GPL-2.0
/*
 * xpo_sim emulated module: the lane monitors of page 11h (CMIS 5.2 section
 * 8.10), advertised in 01h:160: Tx power (11h:154-169, 0.1 uW), Tx bias
 * (170-185, 2 uA, multiplier x1) and Rx power (186-201, 0.1 uW), a
 * big-endian u16 per lane, and the output status bits (132-133).
 *
 * A lane's laser is on while its data path is DPActivated and its Tx
 * output is not disabled (10h:130); it receives light while its data path
 * is DPActivated (the far end is taken to be a module like it, up as
 * well).  Otherwise its monitors read 0.
 *
 * The values are the personality's nominal ones with a fixed spread of a
 * few percent per lane, bank and cage, so that no two lanes of a module
 * read alike, and follow the module temperature as a laser does: bias
 * +0.6 %/K and optical power -0.1 %/K away from 45 degC.  They stay well
 * within the page 02h warning thresholds (personality.c).
 *
 * Lane conditions (debugfs lane_fault): Tx fault, Tx LOS, Tx CDR LOL,
 * Rx LOS and Rx CDR LOL of one host lane.  The start of a condition
 * latches the lane's bit of its flag byte (11h:135, 136, 137, 147, 148),
 * which raises IntL unless masked (10h:213-231); the end latches nothing.
 * While Tx fault holds, the lane's Tx power and bias read 0 (the laser is
 * shut down); while Rx LOS holds, its Rx power reads 0 and its Rx output
 * status bit is clear.  The conditions belong to the cage (the fibre, the
 * far end): they stay across module resets and reinsertion, where they do
 * not latch again.
 *
 * Every function here runs with cage->lock held.
 */

#include <linux/minmax.h>

#include "xpo_compat.h"
#include "sim.h"

/* The temperature the nominal values hold at, in 1/256 degC */
#define XPO_SIM_MON_TEMP_REF		(45 * 256)
/* Temperature effect in permille per K, and the range it is applied over */
#define XPO_SIM_MON_BIAS_PER_K		6
#define XPO_SIM_MON_POWER_PER_K		(-1)
#define XPO_SIM_MON_TEMP_SPAN		(40 * 256)

/*
 * Per-lane spread in permille: all distinct and 8 apart, so that adding
 * the bank (0-7) keeps every lane of a module distinct.  Each monitor
 * starts at another index, so they are not in step.
 */
static const s16 xpo_sim_lane_spread[CMIS_LANES_PER_BANK] = {
	-28, 4, -12, 36, -20, 12, 28, -4,
};

enum xpo_sim_mon {
	XPO_SIM_MON_TX_POWER,
	XPO_SIM_MON_TX_BIAS,
	XPO_SIM_MON_RX_POWER,
};

/*
 * One monitor of one lane: @nominal with the lane's spread and @temp, the
 * temperature correction, both in permille.
 */
static u16 xpo_sim_mon_value(unsigned int cage, unsigned int bank,
			     unsigned int lane, enum xpo_sim_mon mon,
			     u16 nominal, int temp)
{
	static const unsigned int start[] = { 0, 3, 5 };
	int spread = xpo_sim_lane_spread[(lane + start[mon]) %
					 CMIS_LANES_PER_BANK] +
		     (int)bank - 3 + (int)(cage % 7) - 3;
	u32 v = nominal;

	v = v * (u32)(1000 + spread) / 1000;
	v = v * (u32)(1000 + temp) / 1000;
	return min_t(u32, v, U16_MAX);
}

/**
 * xpo_sim_monitors_publish() - write the lane monitors and output status
 * @cage: the cage
 *
 * From the lanes' data path states, the Tx and Rx output disable bits and
 * the module temperature; for every bank the module implements.
 */
void xpo_sim_monitors_publish(struct xpo_sim_cage *cage)
{
	struct xpo_sim_module *mod = &cage->mod;
	const struct xpo_sim_personality *p = mod->pers;
	int dt = clamp_t(int, mod->tlm.module_temp - XPO_SIM_MON_TEMP_REF,
			 -XPO_SIM_MON_TEMP_SPAN, XPO_SIM_MON_TEMP_SPAN);
	int bias_temp = XPO_SIM_MON_BIAS_PER_K * dt / 256;
	int power_temp = XPO_SIM_MON_POWER_PER_K * dt / 256;
	unsigned int b, l;

	for (b = 0; b < mod->banks; b++) {
		u8 tx_disable = *xpo_sim_p10(mod, b, CMIS_P10_TX_DISABLE);
		u8 rx_disable = *xpo_sim_p10(mod, b, CMIS_P10_RX_DISABLE);
		u8 tx_status = 0, rx_status = 0;

		for (l = 0; l < CMIS_LANES_PER_BANK; l++) {
			unsigned int i = b * CMIS_LANES_PER_BANK + l;
			u8 cond = cage->lane_cond[i];
			bool dp = mod->lanes[i].state == CMIS_DP_ACTIVATED;
			bool rx = dp && !(cond & BIT(XPO_SIM_LANE_RX_LOS));
			bool tx = dp && !(tx_disable & BIT(l)) &&
				  !(cond & BIT(XPO_SIM_LANE_TX_FAULT));
			u16 tx_power = 0, tx_bias = 0, rx_power = 0;

			if (tx) {
				tx_power = xpo_sim_mon_value(cage->index, b, l,
							     XPO_SIM_MON_TX_POWER,
							     p->lane_tx_power,
							     power_temp);
				tx_bias = xpo_sim_mon_value(cage->index, b, l,
							    XPO_SIM_MON_TX_BIAS,
							    p->lane_tx_bias,
							    bias_temp);
				tx_status |= BIT(l);
			}
			if (rx) {
				rx_power = xpo_sim_mon_value(cage->index, b, l,
							     XPO_SIM_MON_RX_POWER,
							     p->lane_rx_power, 0);
				if (!(rx_disable & BIT(l)))
					rx_status |= BIT(l);
			}
			put_unaligned_be16(tx_power,
					   xpo_sim_p11(mod, b, CMIS_P11_TX_POWER) +
					   2 * l);
			put_unaligned_be16(tx_bias,
					   xpo_sim_p11(mod, b, CMIS_P11_TX_BIAS) +
					   2 * l);
			put_unaligned_be16(rx_power,
					   xpo_sim_p11(mod, b, CMIS_P11_RX_POWER) +
					   2 * l);
		}
		*xpo_sim_p11(mod, b, CMIS_P11_TX_OUTPUT_STATUS) = tx_status;
		*xpo_sim_p11(mod, b, CMIS_P11_RX_OUTPUT_STATUS) = rx_status;
	}
}

const char * const xpo_sim_lane_cond_names[XPO_SIM_LANE_CONDS] = {
	[XPO_SIM_LANE_TX_FAULT]		= "tx-fault",
	[XPO_SIM_LANE_TX_LOS]		= "tx-los",
	[XPO_SIM_LANE_TX_CDR_LOL]	= "tx-cdr-lol",
	[XPO_SIM_LANE_RX_LOS]		= "rx-los",
	[XPO_SIM_LANE_RX_CDR_LOL]	= "rx-cdr-lol",
};

static const u8 xpo_sim_lane_cond_flag[XPO_SIM_LANE_CONDS] = {
	[XPO_SIM_LANE_TX_FAULT]		= CMIS_P11_TX_FAULT,
	[XPO_SIM_LANE_TX_LOS]		= CMIS_P11_TX_LOS,
	[XPO_SIM_LANE_TX_CDR_LOL]	= CMIS_P11_TX_CDR_LOL,
	[XPO_SIM_LANE_RX_LOS]		= CMIS_P11_RX_LOS,
	[XPO_SIM_LANE_RX_CDR_LOL]	= CMIS_P11_RX_CDR_LOL,
};

/**
 * xpo_sim_lane_cond_set() - a lane condition starts or ends
 * @cage: the cage
 * @lane: host lane, 0-63
 * @cond: the condition
 * @on: starts (true) or ends
 *
 * Return: 0, or -EINVAL for a lane beyond XPO_LANES.
 */
int xpo_sim_lane_cond_set(struct xpo_sim_cage *cage, unsigned int lane,
			  enum xpo_sim_lane_cond cond, bool on)
{
	struct xpo_sim_module *mod = &cage->mod;
	unsigned int bank = lane / CMIS_LANES_PER_BANK;
	u8 bit = BIT(lane % CMIS_LANES_PER_BANK);
	bool was;

	if (lane >= XPO_LANES || cond >= XPO_SIM_LANE_CONDS)
		return -EINVAL;
	was = cage->lane_cond[lane] & BIT(cond);
	if (on)
		cage->lane_cond[lane] |= BIT(cond);
	else
		cage->lane_cond[lane] &= ~BIT(cond);
	if (!xpo_sim_module_sync(cage) || bank >= mod->banks)
		return 0;
	if (on && !was) {
		*xpo_sim_p11(mod, bank, xpo_sim_lane_cond_flag[cond]) |= bit;
		xpo_sim_module_update_intl(cage);
	}
	xpo_sim_monitors_publish(cage);
	return 0;
}
