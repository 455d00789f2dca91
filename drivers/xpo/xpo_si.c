// SPDX-License-Identifier: GPL-2.0
/*
 * Host-side signal integrity controls, CMIS 5.2 (see xpo_si.h).
 *
 * Sources for the layout: CMIS 5.2 sections 8.4.6-8.4.7 (page 01h:153-154,
 * 161-162), 8.9.3 (staged set 0, 10h:153-173) and 8.10.6 (active set,
 * 11h:214-234), as SONiC's sonic-platform-common tabulates them
 * (mem_maps/public/cmis/pages/page01.py and page10.py, and
 * doc/sfp-cmis/CMIS-custom-SI-settings.md for how a host uses them).
 */

#include <linux/bitfield.h>
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "cmis.h"
#include "xpo_si.h"
#include "xpo_msg.h"

#define P01(pg, off)	((pg)[(off) - CMIS_UPPER_OFFSET])

/**
 * xpo_si_caps_decode() - what SI controls a module advertises
 * @caps: filled in
 * @page01: the 128 bytes of page 01h (offsets 128-255)
 */
void xpo_si_caps_decode(struct xpo_si_caps *caps, const u8 *page01)
{
	u8 tx = P01(page01, XPO_SI_P01_TX_ADV);
	u8 rx = P01(page01, XPO_SI_P01_RX_ADV);
	u8 eq = P01(page01, XPO_SI_P01_EQ_MAX);
	u8 rx_eq = P01(page01, XPO_SI_P01_RX_EQ_MAX);

	memset(caps, 0, sizeof(*caps));
	caps->tx_cdr = tx & XPO_SI_ADV_TX_CDR;
	caps->tx_cdr_bypass = tx & XPO_SI_ADV_TX_CDR_BYPASS;
	caps->tx_eq_fixed = tx & XPO_SI_ADV_TX_EQ_FIXED;
	caps->tx_eq_adaptive = tx & XPO_SI_ADV_TX_EQ_ADAPTIVE;
	caps->tx_eq_freeze = tx & XPO_SI_ADV_TX_EQ_FREEZE;
	caps->tx_eq_recall = min_t(u8, FIELD_GET(XPO_SI_ADV_TX_EQ_RECALL, tx),
				   2);
	caps->rx_cdr = rx & XPO_SI_ADV_RX_CDR;
	caps->rx_cdr_bypass = rx & XPO_SI_ADV_RX_CDR_BYPASS;
	caps->rx_amp = rx & XPO_SI_ADV_RX_AMPLITUDE;
	caps->rx_pre = rx & XPO_SI_ADV_RX_PRE;
	caps->rx_post = rx & XPO_SI_ADV_RX_POST;
	caps->tx_eq_max = FIELD_GET(XPO_SI_TX_EQ_MAX, eq);
	caps->rx_amp_codes = FIELD_GET(XPO_SI_RX_LEVELS, eq);
	caps->rx_pre_max = FIELD_GET(XPO_SI_RX_PRE_MAX, rx_eq);
	caps->rx_post_max = FIELD_GET(XPO_SI_RX_POST_MAX, rx_eq);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_si_caps_decode);

/**
 * xpo_si_caps_fields() - the controls a host may set on this module
 * @caps: the advertisement
 *
 * A CDR is only a control if it can be bypassed: CDREnable of a module
 * whose CDR is always in (or that has none) is not a host setting.
 *
 * Return: a mask of enum xpo_si_field.
 */
u8 xpo_si_caps_fields(const struct xpo_si_caps *caps)
{
	u8 f = 0;

	if (caps->tx_eq_adaptive)
		f |= XPO_SI_F_TX_ADAPTIVE;
	if (caps->tx_eq_adaptive && caps->tx_eq_recall)
		f |= XPO_SI_F_TX_RECALL;
	if (caps->tx_eq_fixed)
		f |= XPO_SI_F_TX_EQ;
	if (caps->tx_cdr && caps->tx_cdr_bypass)
		f |= XPO_SI_F_TX_CDR;
	if (caps->rx_cdr && caps->rx_cdr_bypass)
		f |= XPO_SI_F_RX_CDR;
	if (caps->rx_pre)
		f |= XPO_SI_F_RX_PRE;
	if (caps->rx_post)
		f |= XPO_SI_F_RX_POST;
	if (caps->rx_amp && caps->rx_amp_codes)
		f |= XPO_SI_F_RX_AMP;
	return f;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_si_caps_fields);

/**
 * xpo_si_caps_any() - does the module have any host SI control?
 * @caps: the advertisement
 *
 * Return: true if xpo_si_caps_fields() is not empty.
 */
bool xpo_si_caps_any(const struct xpo_si_caps *caps)
{
	return xpo_si_caps_fields(caps) != 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_si_caps_any);

static const char * const xpo_si_field_names[] = {
	"Tx input adaptive equalization",
	"Tx input equalization recall",
	"Tx input equalization",
	"Tx CDR",
	"Rx CDR",
	"Rx output pre-cursor",
	"Rx output post-cursor",
	"Rx output amplitude",
};

/**
 * xpo_si_field_name() - a control's name, as messages use it
 * @field: one enum xpo_si_field bit
 *
 * Return: the name, "?" for anything but one known bit.
 */
const char *xpo_si_field_name(enum xpo_si_field field)
{
	if (!field || hweight8(field) != 1 || field > XPO_SI_F_ALL)
		return "?";
	return xpo_si_field_names[__ffs(field)];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_si_field_name);

/* "control" wording of the unsupported message, per field */
static const char *xpo_si_what(enum xpo_si_field f)
{
	switch (f) {
	case XPO_SI_F_TX_CDR:
	case XPO_SI_F_RX_CDR:
		return " bypass";
	case XPO_SI_F_TX_ADAPTIVE:
	case XPO_SI_F_TX_RECALL:
		return "";
	default:
		return " control";
	}
}

/* Highest code a coded field takes on this module */
static unsigned int xpo_si_max(const struct xpo_si_caps *caps,
			       enum xpo_si_field f)
{
	switch (f) {
	case XPO_SI_F_TX_RECALL:
		return caps->tx_eq_recall;
	case XPO_SI_F_TX_EQ:
		return caps->tx_eq_max;
	case XPO_SI_F_RX_PRE:
		return caps->rx_pre_max;
	case XPO_SI_F_RX_POST:
		return caps->rx_post_max;
	case XPO_SI_F_RX_AMP:
		return fls(caps->rx_amp_codes) - 1;
	default:
		return 1;
	}
}

static unsigned int xpo_si_value(const struct xpo_si_lane *v,
				 enum xpo_si_field f)
{
	switch (f) {
	case XPO_SI_F_TX_ADAPTIVE:
		return v->tx_adaptive;
	case XPO_SI_F_TX_RECALL:
		return v->tx_recall;
	case XPO_SI_F_TX_EQ:
		return v->tx_eq;
	case XPO_SI_F_TX_CDR:
		return v->tx_cdr;
	case XPO_SI_F_RX_CDR:
		return v->rx_cdr;
	case XPO_SI_F_RX_PRE:
		return v->rx_pre;
	case XPO_SI_F_RX_POST:
		return v->rx_post;
	case XPO_SI_F_RX_AMP:
		return v->rx_amp;
	default:
		return 0;
	}
}

/* The supported amplitude codes, "0-2" or "0,2,3" */
static void xpo_si_codes_str(char *buf, size_t len, u8 codes)
{
	unsigned long c = codes;
	unsigned int i, n = 0;

	buf[0] = '\0';
	if (codes == GENMASK(fls(codes) - 1, __ffs(codes))) {
		snprintf(buf, len, "%lu-%d", __ffs(c), fls(codes) - 1);
		return;
	}
	for_each_set_bit(i, &c, 4)
		n += scnprintf(buf + n, len - n, "%s%u", n ? "," : "", i);
}

/**
 * xpo_si_check() - may these SI settings be staged on this module?
 * @caps: the module's advertisement
 * @req: the settings
 * @msg: where a refusal is explained (XPO_SI_MSG_LEN), or NULL
 * @len: size of @msg
 *
 * Every field set must be a control the module advertises, with a code
 * within what it advertises.  A fixed Tx input EQ target and adaptive EQ
 * enabled on the same lane contradict each other: CMIS 5.2 section 8.9.3
 * has the module use the fixed target only with adaptive EQ off; so does
 * a recall of a stored adaptive EQ with adaptive EQ off.
 *
 * Return: 0, -EINVAL (nothing to set, a code out of range, a
 * contradiction) or -EOPNOTSUPP (a control the module does not have).
 */
int xpo_si_check(const struct xpo_si_caps *caps,
		 const struct xpo_si_req *req, char *msg, size_t len)
{
	u8 supported = xpo_si_caps_fields(caps);
	unsigned long lanes = req->lanes, fields = req->fields;
	unsigned int l, b, v, max;
	char codes[16];

	if (!req->lanes || !req->fields || (req->fields & ~XPO_SI_F_ALL)) {
		xpo_msg(msg, len, "no lanes or no SI settings given");
		return -EINVAL;
	}
	if (!supported) {
		xpo_msg(msg, len, "module advertises no SI controls");
		return -EOPNOTSUPP;
	}
	for_each_set_bit(b, &fields, 8) {
		enum xpo_si_field f = BIT(b);

		if (supported & f)
			continue;
		xpo_msg(msg, len, "module does not support %s%s",
			xpo_si_field_name(f), xpo_si_what(f));
		return -EOPNOTSUPP;
	}

	for_each_set_bit(l, &lanes, XPO_SI_LANES) {
		const struct xpo_si_lane *v_l = &req->lane[l];

		for_each_set_bit(b, &fields, 8) {
			enum xpo_si_field f = BIT(b);

			v = xpo_si_value(v_l, f);
			max = xpo_si_max(caps, f);
			if (f == XPO_SI_F_RX_AMP &&
			    (v > 3 || !(caps->rx_amp_codes & BIT(v)))) {
				xpo_si_codes_str(codes, sizeof(codes),
						 caps->rx_amp_codes);
				xpo_msg(msg, len,
					"lane %u: Rx output amplitude code %u not supported (codes %s)",
					l + 1, v, codes);
				return -EINVAL;
			}
			if (v <= max)
				continue;
			xpo_msg(msg, len, "lane %u: %s %u out of range %u-%u",
				l + 1, xpo_si_field_name(f), v,
				f == XPO_SI_F_TX_RECALL ? 1 : 0, max);
			return -EINVAL;
		}
		if ((req->fields & XPO_SI_F_TX_EQ) &&
		    (req->fields & XPO_SI_F_TX_ADAPTIVE) && v_l->tx_adaptive) {
			xpo_msg(msg, len,
				"lane %u: fixed Tx input equalization needs adaptive equalization off",
				l + 1);
			return -EINVAL;
		}
		if ((req->fields & XPO_SI_F_TX_RECALL) && v_l->tx_recall &&
		    (req->fields & XPO_SI_F_TX_ADAPTIVE) && !v_l->tx_adaptive) {
			xpo_msg(msg, len,
				"lane %u: Tx input equalization recall needs adaptive equalization on",
				l + 1);
			return -EINVAL;
		}
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_si_check);

/* Field of @bits bits per lane starting at set[@off]: lane @l's value */
static unsigned int xpo_si_get(const u8 *set, unsigned int off,
			       unsigned int bits, unsigned int l)
{
	unsigned int per = 8 / bits, shift = (l % per) * bits;

	return (set[off + l / per] >> shift) & GENMASK(bits - 1, 0);
}

static void xpo_si_put(u8 *set, unsigned int off, unsigned int bits,
		       unsigned int l, unsigned int val)
{
	unsigned int per = 8 / bits, shift = (l % per) * bits;
	u8 mask = GENMASK(bits - 1, 0) << shift;
	u8 *p = &set[off + l / per];

	*p = (*p & ~mask) | ((val << shift) & mask);
}

/**
 * xpo_si_encode() - stage SI settings into a control set image
 * @set: XPO_SI_SET_LEN bytes as read from 10h:153-173 of the bank; only
 *	the bits of the requested lanes and fields change
 * @req: the settings, checked with xpo_si_check()
 *
 * The host reads the set, encodes and writes it back: a read-modify-write,
 * so that lanes of other data paths in the same bank keep their settings.
 */
void xpo_si_encode(u8 *set, const struct xpo_si_req *req)
{
	unsigned long lanes = req->lanes;
	unsigned int l;

	for_each_set_bit(l, &lanes, XPO_SI_LANES) {
		const struct xpo_si_lane *v = &req->lane[l];

		if (req->fields & XPO_SI_F_TX_ADAPTIVE)
			xpo_si_put(set, XPO_SI_TX_ADAPTIVE, 1, l,
				   v->tx_adaptive);
		if (req->fields & XPO_SI_F_TX_RECALL)
			xpo_si_put(set, XPO_SI_TX_RECALL, 2, l, v->tx_recall);
		if (req->fields & XPO_SI_F_TX_EQ)
			xpo_si_put(set, XPO_SI_TX_FIXED, 4, l, v->tx_eq);
		if (req->fields & XPO_SI_F_TX_CDR)
			xpo_si_put(set, XPO_SI_TX_CDR_EN, 1, l, v->tx_cdr);
		if (req->fields & XPO_SI_F_RX_CDR)
			xpo_si_put(set, XPO_SI_RX_CDR_EN, 1, l, v->rx_cdr);
		if (req->fields & XPO_SI_F_RX_PRE)
			xpo_si_put(set, XPO_SI_RX_PRE, 4, l, v->rx_pre);
		if (req->fields & XPO_SI_F_RX_POST)
			xpo_si_put(set, XPO_SI_RX_POST, 4, l, v->rx_post);
		if (req->fields & XPO_SI_F_RX_AMP)
			xpo_si_put(set, XPO_SI_RX_AMP, 4, l, v->rx_amp);
	}
}
EXPORT_SYMBOL_IF_KUNIT(xpo_si_encode);

/**
 * xpo_si_decode() - per-lane SI settings of a control set image
 * @set: XPO_SI_SET_LEN bytes: 10h:153-173 (staged set 0) or 11h:214-234
 *	(active set), which share one layout
 * @lanes: XPO_SI_LANES entries, filled in
 */
void xpo_si_decode(const u8 *set, struct xpo_si_lane *lanes)
{
	unsigned int l;

	for (l = 0; l < XPO_SI_LANES; l++) {
		struct xpo_si_lane *v = &lanes[l];

		v->tx_adaptive = xpo_si_get(set, XPO_SI_TX_ADAPTIVE, 1, l);
		v->tx_recall = xpo_si_get(set, XPO_SI_TX_RECALL, 2, l);
		v->tx_eq = xpo_si_get(set, XPO_SI_TX_FIXED, 4, l);
		v->tx_cdr = xpo_si_get(set, XPO_SI_TX_CDR_EN, 1, l);
		v->rx_cdr = xpo_si_get(set, XPO_SI_RX_CDR_EN, 1, l);
		v->rx_pre = xpo_si_get(set, XPO_SI_RX_PRE, 4, l);
		v->rx_post = xpo_si_get(set, XPO_SI_RX_POST, 4, l);
		v->rx_amp = xpo_si_get(set, XPO_SI_RX_AMP, 4, l);
	}
}
EXPORT_SYMBOL_IF_KUNIT(xpo_si_decode);
