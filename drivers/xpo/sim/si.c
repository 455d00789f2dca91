// SPDX-License-Identifier: GPL-2.0
/*
 * xpo_sim: host-side signal integrity controls of the emulated module,
 * CMIS 5.2 sections 8.4.6-8.4.7 (advertisement, 01h:153-154, 161-162),
 * 8.9.3 (staged control set 0, 10h:153-173) and 8.10.6 (active set,
 * 11h:214-234).  The two sets share one 21-byte layout: bit fields a lane
 * a bit, the recall field two bits a lane, the EQ and amplitude targets a
 * nibble a lane (lane 1 in b3-0 of the first byte).
 *
 * Only a module that advertises a control implements it: the linear
 * (xpo-lpo) and half-retimed (xpo-lro) personalities.  What ApplyDPInit or
 * ApplyImmediate makes active for a lane is its staged settings if the
 * lane's staged DPConfig has ExplicitControl set (10h:145-152 b0: the host
 * takes over the SI settings), else the module's defaults for the application;
 * staged values beyond what the module advertises fail the lane with
 * ConfigStatus InvalidSI (5), and nothing of it is applied.  The cage
 * core's unit (xpo_si.c) encodes and checks the same layout; this file is
 * the module side, kept separate as a real module's firmware would be.
 *
 * Every function here runs with cage->lock held.
 */

#include <linux/bitfield.h>
#include <linux/bitops.h>
#include <linux/debugfs.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "sim.h"

/* Offsets within a set, and the width of a lane's field */
static const struct {
	u8 off;
	u8 bits;
} xpo_sim_si_fields[XPO_SIM_SI_FIELDS] = {
	[XPO_SIM_SI_TX_ADAPTIVE]	= { 0, 1 },
	[XPO_SIM_SI_TX_RECALL]		= { 1, 2 },
	[XPO_SIM_SI_TX_EQ]		= { 3, 4 },
	[XPO_SIM_SI_TX_CDR]		= { 7, 1 },
	[XPO_SIM_SI_RX_CDR]		= { 8, 1 },
	[XPO_SIM_SI_RX_PRE]		= { 9, 4 },
	[XPO_SIM_SI_RX_POST]		= { 13, 4 },
	[XPO_SIM_SI_RX_AMP]		= { 17, 4 },
};

static unsigned int xpo_sim_si_get(const u8 *set, unsigned int f,
				   unsigned int lane)
{
	unsigned int bits = xpo_sim_si_fields[f].bits, per = 8 / bits;

	return (set[xpo_sim_si_fields[f].off + lane / per] >>
		(lane % per) * bits) & GENMASK(bits - 1, 0);
}

static void xpo_sim_si_put(u8 *set, unsigned int f, unsigned int lane,
			   unsigned int val)
{
	unsigned int bits = xpo_sim_si_fields[f].bits, per = 8 / bits;
	unsigned int shift = (lane % per) * bits;
	u8 *b = &set[xpo_sim_si_fields[f].off + lane / per];
	u8 mask = GENMASK(bits - 1, 0) << shift;

	*b = (*b & ~mask) | ((val << shift) & mask);
}

/*
 * The fields the module implements: a CDR only if it can be bypassed, an
 * amplitude only with at least one amplitude code (as xpo_si.c reads the
 * advertisement)
 */
static unsigned int xpo_sim_si_implemented(const struct xpo_sim_personality *p)
{
	unsigned int f = 0;

	if (p->si_tx_adv & XPO_SIM_SI_ADV_TX_ADAPTIVE)
		f |= BIT(XPO_SIM_SI_TX_ADAPTIVE);
	if ((p->si_tx_adv & XPO_SIM_SI_ADV_TX_ADAPTIVE) &&
	    (p->si_tx_adv & XPO_SIM_SI_ADV_TX_RECALL))
		f |= BIT(XPO_SIM_SI_TX_RECALL);
	if (p->si_tx_adv & XPO_SIM_SI_ADV_TX_FIXED)
		f |= BIT(XPO_SIM_SI_TX_EQ);
	if ((p->si_tx_adv & (XPO_SIM_SI_ADV_CDR | XPO_SIM_SI_ADV_CDR_BYPASS)) ==
	    (XPO_SIM_SI_ADV_CDR | XPO_SIM_SI_ADV_CDR_BYPASS))
		f |= BIT(XPO_SIM_SI_TX_CDR);
	if ((p->si_rx_adv & (XPO_SIM_SI_ADV_CDR | XPO_SIM_SI_ADV_CDR_BYPASS)) ==
	    (XPO_SIM_SI_ADV_CDR | XPO_SIM_SI_ADV_CDR_BYPASS))
		f |= BIT(XPO_SIM_SI_RX_CDR);
	if (p->si_rx_adv & XPO_SIM_SI_ADV_RX_PRE)
		f |= BIT(XPO_SIM_SI_RX_PRE);
	if (p->si_rx_adv & XPO_SIM_SI_ADV_RX_POST)
		f |= BIT(XPO_SIM_SI_RX_POST);
	if ((p->si_rx_adv & XPO_SIM_SI_ADV_RX_AMP) && (p->si_eq_max >> 4))
		f |= BIT(XPO_SIM_SI_RX_AMP);
	return f;
}

/* Is @val a code the module advertises for field @f? */
static bool xpo_sim_si_valid(const struct xpo_sim_personality *p,
			     unsigned int f, unsigned int val)
{
	switch (f) {
	case XPO_SIM_SI_TX_RECALL:
		return val <= min_t(unsigned int, 2,
				    FIELD_GET(XPO_SIM_SI_ADV_TX_RECALL,
					      p->si_tx_adv));
	case XPO_SIM_SI_TX_EQ:
		return val <= (p->si_eq_max & 0x0f);
	case XPO_SIM_SI_RX_PRE:
		return val <= (p->si_rx_eq_max & 0x0f);
	case XPO_SIM_SI_RX_POST:
		return val <= (p->si_rx_eq_max >> 4);
	case XPO_SIM_SI_RX_AMP:
		return val < 4 && ((p->si_eq_max >> 4) & BIT(val));
	default:
		return true;	/* one-bit fields */
	}
}

/**
 * xpo_sim_si_check() - can a lane's staged SI settings be applied?
 * @mod: the module
 * @bank: bank
 * @lane: lane of the bank, 0-7
 *
 * Only asked for a lane whose staged DPConfig has ExplicitControl set.
 *
 * Return: 0, or CMIS_CONFIG_INVALID_SI for an implemented field staged
 * with a code the module does not advertise, or for any with si_reject.
 */
u8 xpo_sim_si_check(struct xpo_sim_module *mod, unsigned int bank,
		    unsigned int lane)
{
	const u8 *staged = xpo_sim_p10(mod, bank, XPO_SIM_P10_SI);
	unsigned long impl = xpo_sim_si_implemented(mod->pers);
	unsigned int f;

	/* a firmware that takes less than it advertises (si_reject) */
	if (container_of(mod, struct xpo_sim_cage, mod)->si_reject)
		return CMIS_CONFIG_INVALID_SI;
	for_each_set_bit(f, &impl, XPO_SIM_SI_FIELDS)
		if (!xpo_sim_si_valid(mod->pers, f,
				      xpo_sim_si_get(staged, f, lane)))
			return CMIS_CONFIG_INVALID_SI;
	return 0;
}

/* The module's own settings of a lane (@set: a whole 21-byte set) */
static void xpo_sim_si_defaults(const struct xpo_sim_personality *p, u8 *set,
				unsigned int lane)
{
	unsigned long impl = xpo_sim_si_implemented(p);
	unsigned int f;

	for_each_set_bit(f, &impl, XPO_SIM_SI_FIELDS)
		xpo_sim_si_put(set, f, lane, p->si_default[f]);
}

/**
 * xpo_sim_si_apply() - a lane's SI settings become active
 * @mod: the module
 * @bank: bank
 * @lane: lane of the bank, 0-7, that ApplyDPInit or ApplyImmediate
 *	accepted
 *
 * The implemented fields of the active set (11h:214-234) take the staged
 * values (10h:153-173) with ExplicitControl, else the module's defaults;
 * fields the module does not implement stay 0.
 */
void xpo_sim_si_apply(struct xpo_sim_module *mod, unsigned int bank,
		      unsigned int lane)
{
	const u8 *cfg = xpo_sim_p10(mod, bank, CMIS_P10_DPCONFIG);
	const u8 *staged = xpo_sim_p10(mod, bank, XPO_SIM_P10_SI);
	u8 *active = xpo_sim_p11(mod, bank, XPO_SIM_P11_SI);
	unsigned long impl = xpo_sim_si_implemented(mod->pers);
	unsigned int f;

	if (!(cfg[lane] & CMIS_DPCONFIG_EXPLICIT)) {
		xpo_sim_si_defaults(mod->pers, active, lane);
		return;
	}
	for_each_set_bit(f, &impl, XPO_SIM_SI_FIELDS)
		xpo_sim_si_put(active, f, lane,
			       xpo_sim_si_get(staged, f, lane));
}

/**
 * xpo_sim_si_fill() - SI controls of a module out of reset
 * @p: personality
 * @mem: its memory image: the defaults go to both the staged and the
 *	active set of every bank (the module powers up applying them); the
 *	advertisement is part of page 01h (personality.c)
 */
void xpo_sim_si_fill(const struct xpo_sim_personality *p,
		     struct xpo_sim_mem *mem)
{
	unsigned int b, l;

	for (b = 0; b < XPO_BANKS; b++)
		for (l = 0; l < CMIS_LANES_PER_BANK; l++) {
			xpo_sim_si_defaults(p, &mem->page10[b][XPO_SIM_P10_SI -
							       CMIS_UPPER_OFFSET],
					    l);
			xpo_sim_si_defaults(p, &mem->page11[b][XPO_SIM_P11_SI -
							       CMIS_UPPER_OFFSET],
					    l);
		}
}

/* cage<N>/si_reject: 1 refuses every explicit SI apply with InvalidSI */
static int xpo_sim_si_reject_get(void *data, u64 *val)
{
	struct xpo_sim_cage *cage = data;

	mutex_lock(&cage->lock);
	*val = cage->si_reject;
	mutex_unlock(&cage->lock);
	return 0;
}

static int xpo_sim_si_reject_set(void *data, u64 val)
{
	struct xpo_sim_cage *cage = data;

	if (val > 1)
		return -EINVAL;
	mutex_lock(&cage->lock);
	cage->si_reject = val;
	mutex_unlock(&cage->lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(xpo_sim_si_reject_fops, xpo_sim_si_reject_get,
			 xpo_sim_si_reject_set, "%llu\n");

/**
 * xpo_sim_si_debugfs() - the SI fault knob of a cage
 * @cage: the cage
 * @dir: its debugfs directory
 *
 * si_reject: a module whose firmware refuses the host's SI codes however
 * well they fit the advertisement (ConfigStatus InvalidSI on every lane
 * of an apply with ExplicitControl), for the host's restore path.
 */
void xpo_sim_si_debugfs(struct xpo_sim_cage *cage, struct dentry *dir)
{
	debugfs_create_file_unsafe("si_reject", 0644, dir, cage,
				   &xpo_sim_si_reject_fops);
}
