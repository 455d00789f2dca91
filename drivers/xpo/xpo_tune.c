// SPDX-License-Identifier: GPL-2.0
/*
 * Coherent laser tuning, CMIS 5.2 pages 04h and 12h as C-CMIS 1.x uses
 * them (see xpo_tune.h).
 *
 * Sources for the layout: CMIS 5.x Table 8-68 (page 04h) and Table 8-109
 * (page 12h), as restated by SONiC's sonic-platform-common
 * (mem_maps/public/cmis/pages/page04.py: 04h:128 grids, 158/160 the
 * 75 GHz channel range, 198/200 the power range; page12.py: 12h:128 grid
 * b7-4, 136 channel s16, 168 current frequency u32 / 1000 = GHz, 200
 * target power s16 0.01 dBm, 222 b1 TuningInProgress / b0
 * WavelengthUnlocked, 231 the latched flags; api/public/c_cmis.py: the
 * grid codes and the channel to frequency formula), and 01h:155 b6
 * TransmitterIsTunable ("Pages 04h & 12h supported", CMIS 5.2 section
 * 8.4.7).  The other grids' channel ranges follow the 04h:128 bit order
 * (code n at 130 + 4n: 75 GHz, code 7, lands on 158/160 as SONiC reads it).
 */

#include <linux/bitfield.h>
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "cmis.h"
#include "xpo_compat.h"
#include "xpo_tune.h"
#include "xpo_msg.h"

#define UP(off)		((off) - CMIS_UPPER_OFFSET)

/*
 * A grid: its spacing, and the frequency of channel n,
 * f = 193.1 THz + (n + @offset) * @num / @den MHz, which must be a multiple
 * of @every to be a channel of that grid.  75 GHz channels count 25 GHz
 * steps (every third is a 75 GHz channel); 150 GHz ones too, shifted by
 * three steps (SONiC's c_cmis.py, citing OIF-CMIS 5.3 Table 8-66: "150GHz
 * is 193.1 + (n+3) x 0.025 THz").  33 GHz is taken as 100/3 GHz steps.
 */
struct xpo_tune_grid_def {
	const char *name;	/* GHz */
	unsigned int mhz;	/* spacing, rounded */
	unsigned int num, den;
	int offset;
	unsigned int every;
};

static const struct xpo_tune_grid_def xpo_tune_grids[XPO_GRID_NUM] = {
	[XPO_GRID_3P125] = { "3.125", 3125, 3125, 1, 0, 1 },
	[XPO_GRID_6P25]  = { "6.25", 6250, 6250, 1, 0, 1 },
	[XPO_GRID_12P5]  = { "12.5", 12500, 12500, 1, 0, 1 },
	[XPO_GRID_25]    = { "25", 25000, 25000, 1, 0, 1 },
	[XPO_GRID_50]    = { "50", 50000, 50000, 1, 0, 1 },
	[XPO_GRID_100]   = { "100", 100000, 100000, 1, 0, 1 },
	[XPO_GRID_33]    = { "33", 33333, 100000, 3, 0, 1 },
	[XPO_GRID_75]    = { "75", 75000, 25000, 1, 0, 3 },
	[XPO_GRID_150]   = { "150", 150000, 25000, 1, 3, 6 },
};

/**
 * xpo_tune_grid_name() - a grid spacing code as text
 * @grid: enum xpo_tune_grid
 *
 * Return: the spacing in GHz ("75", "6.25"), or "?" for a reserved code.
 */
const char *xpo_tune_grid_name(unsigned int grid)
{
	return grid < XPO_GRID_NUM ? xpo_tune_grids[grid].name : "?";
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_grid_name);

/**
 * xpo_tune_grid_mhz() - a grid's spacing
 * @grid: enum xpo_tune_grid
 *
 * Return: the spacing in MHz (33 GHz: 33333), 0 for a reserved code.
 */
unsigned int xpo_tune_grid_mhz(unsigned int grid)
{
	return grid < XPO_GRID_NUM ? xpo_tune_grids[grid].mhz : 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_grid_mhz);

/**
 * xpo_tune_grid_from_mhz() - the code of a grid spacing
 * @mhz: the spacing in MHz (33 GHz: 33000-33334)
 *
 * Return: the enum xpo_tune_grid, or -EINVAL.
 */
int xpo_tune_grid_from_mhz(unsigned int mhz)
{
	unsigned int g;

	if (mhz >= 33000 && mhz <= 33334)
		return XPO_GRID_33;
	for (g = 0; g < XPO_GRID_NUM; g++)
		if (xpo_tune_grids[g].mhz == mhz)
			return g;
	return -EINVAL;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_grid_from_mhz);

/**
 * xpo_tune_grid_from_ghz() - the code of a grid spacing given as text
 * @ghz: "75", "6.25", ... as xpo_tune_grid_name() writes them
 *
 * Return: the enum xpo_tune_grid, or -EINVAL.
 */
int xpo_tune_grid_from_ghz(const char *ghz)
{
	unsigned int g;

	for (g = 0; g < XPO_GRID_NUM; g++)
		if (!strcmp(ghz, xpo_tune_grids[g].name))
			return g;
	return -EINVAL;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_grid_from_ghz);

/* Offset from 193.1 THz of channel @n, MHz */
static s64 xpo_tune_offset_mhz(const struct xpo_tune_grid_def *d, s64 n)
{
	s64 x = (n + d->offset) * d->num;

	/* round to nearest, away from zero on a tie (33 GHz only) */
	if (d->den == 1)
		return x;
	return div_s64(x + (x < 0 ? -(s64)d->den / 2 : (s64)d->den / 2),
		       d->den);
}

/**
 * xpo_tune_on_grid() - is a channel number one of the grid's channels?
 * @grid: enum xpo_tune_grid
 * @channel: 12h:136 channel number
 *
 * Return: true unless the grid counts finer steps than its spacing (75 GHz
 * and 150 GHz count 25 GHz steps) and @channel is not one of its own.
 */
bool xpo_tune_on_grid(unsigned int grid, s16 channel)
{
	if (grid >= XPO_GRID_NUM)
		return false;
	return channel % (int)xpo_tune_grids[grid].every == 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_on_grid);

/**
 * xpo_tune_freq() - the frequency of a channel
 * @grid: enum xpo_tune_grid
 * @channel: channel number (12h:136)
 * @mhz: the frequency in MHz
 *
 * Return: 0, or -EINVAL for a reserved grid code or a channel that is not
 * on the grid (xpo_tune_on_grid()).
 */
int xpo_tune_freq(unsigned int grid, s16 channel, u32 *mhz)
{
	if (!xpo_tune_on_grid(grid, channel))
		return -EINVAL;
	*mhz = XPO_TUNE_ANCHOR_MHZ +
	       xpo_tune_offset_mhz(&xpo_tune_grids[grid], channel);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_freq);

/**
 * xpo_tune_channel() - the channel number of a frequency
 * @grid: enum xpo_tune_grid
 * @mhz: frequency in MHz
 * @channel: the channel whose frequency is exactly @mhz
 *
 * Return: 0, or -EINVAL for a reserved grid code or a frequency that is no
 * channel of the grid (or out of the s16 channel numbers).
 */
int xpo_tune_channel(unsigned int grid, u32 mhz, s16 *channel)
{
	const struct xpo_tune_grid_def *d;
	s64 off = (s64)mhz - XPO_TUNE_ANCHOR_MHZ, n;
	s32 rem;

	if (grid >= XPO_GRID_NUM)
		return -EINVAL;
	d = &xpo_tune_grids[grid];
	n = div_s64_rem(off * d->den, d->num, &rem) - d->offset;
	/* 33 GHz: the frequency was rounded to MHz; accept what we round to */
	if (rem && d->den != 1) {
		n = div_s64(off * d->den + (off < 0 ? -(s64)d->num / 2 :
					    (s64)d->num / 2), d->num) -
		    d->offset;
		if (xpo_tune_offset_mhz(d, n) != off)
			return -EINVAL;
	} else if (rem) {
		return -EINVAL;
	}
	if (n < S16_MIN || n > S16_MAX || !xpo_tune_on_grid(grid, n))
		return -EINVAL;
	*channel = n;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_channel);

/**
 * xpo_tune_caps_decode() - what a module's laser can do
 * @caps: filled in
 * @page01: the 128 bytes of page 01h (offsets 128-255)
 * @page04: the 128 bytes of page 04h, or NULL; only read when 01h:155
 *	says the module is tunable
 */
void xpo_tune_caps_decode(struct xpo_tune_caps *caps, const u8 *page01,
			  const u8 *page04)
{
	unsigned int g;

	memset(caps, 0, sizeof(*caps));
	caps->tunable = page01[UP(XPO_TUNE_P01_CTRL_ADV)] &
			XPO_TUNE_ADV_TUNABLE;
	if (!caps->tunable || !page04)
		return;

	caps->grids = page04[UP(XPO_TUNE_P04_GRIDS)];
	if (page04[UP(XPO_TUNE_P04_GRIDS2)] & XPO_TUNE_P04_GRID_150)
		caps->grids |= BIT(XPO_GRID_150);
	caps->fine = page04[UP(XPO_TUNE_P04_GRIDS2)] & XPO_TUNE_P04_FINE;
	for (g = 0; g < XPO_GRID_NUM; g++) {
		const u8 *p = &page04[UP(XPO_TUNE_P04_CHANNELS) + 4 * g];

		caps->low[g] = get_unaligned_be16(p);
		caps->high[g] = get_unaligned_be16(p + 2);
	}
	caps->fine_res = get_unaligned_be16(&page04[UP(XPO_TUNE_P04_FINE_RES)]);
	caps->fine_low = get_unaligned_be16(&page04[UP(XPO_TUNE_P04_FINE_LOW)]);
	caps->fine_high = get_unaligned_be16(&page04[UP(XPO_TUNE_P04_FINE_HIGH)]);
	caps->power_min = get_unaligned_be16(&page04[UP(XPO_TUNE_P04_POWER_MIN)]);
	caps->power_max = get_unaligned_be16(&page04[UP(XPO_TUNE_P04_POWER_MAX)]);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_caps_decode);

static bool xpo_tune_has_grid(const struct xpo_tune_caps *caps,
			      unsigned int grid)
{
	return caps->tunable && grid < XPO_GRID_NUM &&
	       (caps->grids & BIT(grid)) && caps->low[grid] <= caps->high[grid];
}

/**
 * xpo_tune_range_mhz() - the frequencies a grid covers on this module
 * @caps: the advertisement
 * @grid: enum xpo_tune_grid
 * @low: frequency of the lowest channel, MHz
 * @high: frequency of the highest channel, MHz
 *
 * Return: 0, or -EOPNOTSUPP if the module does not advertise the grid.
 */
int xpo_tune_range_mhz(const struct xpo_tune_caps *caps, unsigned int grid,
		       u32 *low, u32 *high)
{
	const struct xpo_tune_grid_def *d;

	if (!xpo_tune_has_grid(caps, grid))
		return -EOPNOTSUPP;
	d = &xpo_tune_grids[grid];
	*low = XPO_TUNE_ANCHOR_MHZ + xpo_tune_offset_mhz(d, caps->low[grid]);
	*high = XPO_TUNE_ANCHOR_MHZ + xpo_tune_offset_mhz(d, caps->high[grid]);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_range_mhz);

/**
 * xpo_tune_grids_str() - the grids a module supports, "75, 100 GHz"
 * @caps: the advertisement
 * @buf: written, NUL terminated
 * @len: size of @buf
 *
 * Return: the length written, or "none" for a module without any.
 */
int xpo_tune_grids_str(const struct xpo_tune_caps *caps, char *buf,
		       size_t len)
{
	static const u8 order[] = {
		XPO_GRID_3P125, XPO_GRID_6P25, XPO_GRID_12P5, XPO_GRID_25,
		XPO_GRID_33, XPO_GRID_50, XPO_GRID_75, XPO_GRID_100,
		XPO_GRID_150,
	};
	unsigned int i;
	int n = 0;

	if (!len)
		return 0;
	buf[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(order); i++)
		if (xpo_tune_has_grid(caps, order[i]))
			n += scnprintf(buf + n, len - n, "%s%s", n ? ", " : "",
				       xpo_tune_grids[order[i]].name);
	if (!n)
		return scnprintf(buf, len, "none");
	return n + scnprintf(buf + n, len - n, " GHz");
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_grids_str);

/* Grid checks shared by channel and frequency requests */
static int xpo_tune_check_grid(const struct xpo_tune_caps *caps,
			       unsigned int grid, char *msg, size_t len)
{
	char grids[48];

	if (!caps->tunable) {
		xpo_msg(msg, len, "module has no tunable laser");
		return -EOPNOTSUPP;
	}
	if (grid >= XPO_GRID_NUM) {
		xpo_msg(msg, len, "grid spacing code %u is reserved", grid);
		return -EINVAL;
	}
	if (!xpo_tune_has_grid(caps, grid)) {
		xpo_tune_grids_str(caps, grids, sizeof(grids));
		xpo_msg(msg, len,
			"module does not support the %s GHz grid (grids: %s)",
			xpo_tune_grids[grid].name, grids);
		return -EOPNOTSUPP;
	}
	return 0;
}

/**
 * xpo_tune_check_channel() - may the laser be tuned to this channel?
 * @caps: the module's advertisement
 * @grid: enum xpo_tune_grid
 * @channel: channel number, as 12h:136 takes it
 * @msg: where a refusal is explained (XPO_TUNE_MSG_LEN), or NULL
 * @len: size of @msg
 *
 * Return: 0, -EOPNOTSUPP (no tunable laser, grid not advertised) or
 * -EINVAL (reserved grid code, channel off the grid or out of range).
 */
int xpo_tune_check_channel(const struct xpo_tune_caps *caps,
			   unsigned int grid, s16 channel, char *msg,
			   size_t len)
{
	int ret = xpo_tune_check_grid(caps, grid, msg, len);

	if (ret)
		return ret;
	if (!xpo_tune_on_grid(grid, channel)) {
		xpo_msg(msg, len,
			"channel %d is not on the %s GHz grid (multiples of %u)",
			channel, xpo_tune_grids[grid].name,
			xpo_tune_grids[grid].every);
		return -EINVAL;
	}
	if (channel < caps->low[grid] || channel > caps->high[grid]) {
		xpo_msg(msg, len,
			"channel %d out of range %d..%d on the %s GHz grid",
			channel, caps->low[grid], caps->high[grid],
			xpo_tune_grids[grid].name);
		return -EINVAL;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_check_channel);

/* "193100", "193103.125" (GHz, from MHz) */
static void xpo_tune_ghz_str(char *buf, size_t len, u32 mhz)
{
	if (mhz % 1000)
		snprintf(buf, len, "%u.%03u", mhz / 1000, mhz % 1000);
	else
		snprintf(buf, len, "%u", mhz / 1000);
}

/**
 * xpo_tune_check_freq() - may the laser be tuned to this frequency?
 * @caps: the module's advertisement
 * @grid: enum xpo_tune_grid
 * @mhz: the frequency, MHz
 * @channel: the channel number to write, when the frequency is valid
 * @msg: where a refusal is explained (XPO_TUNE_MSG_LEN), or NULL
 * @len: size of @msg
 *
 * Return: as xpo_tune_check_channel(); -EINVAL also for a frequency that
 * is no channel of the grid.
 */
int xpo_tune_check_freq(const struct xpo_tune_caps *caps, unsigned int grid,
			u32 mhz, s16 *channel, char *msg, size_t len)
{
	char f[16], lo[16], hi[16];
	u32 low, high;
	s16 n;
	int ret = xpo_tune_check_grid(caps, grid, msg, len);

	if (ret)
		return ret;
	xpo_tune_ghz_str(f, sizeof(f), mhz);
	if (xpo_tune_channel(grid, mhz, &n)) {
		xpo_msg(msg, len, "%s GHz is not on the %s GHz grid", f,
			xpo_tune_grids[grid].name);
		return -EINVAL;
	}
	if (n < caps->low[grid] || n > caps->high[grid]) {
		xpo_tune_range_mhz(caps, grid, &low, &high);
		xpo_tune_ghz_str(lo, sizeof(lo), low);
		xpo_tune_ghz_str(hi, sizeof(hi), high);
		xpo_msg(msg, len,
			"%s GHz out of range %s..%s GHz on the %s GHz grid",
			f, lo, hi, xpo_tune_grids[grid].name);
		return -EINVAL;
	}
	*channel = n;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_check_freq);

/* "-15.00", "+1.00" from 0.01 dBm */
static void xpo_tune_dbm_str(char *buf, size_t len, s16 p)
{
	int a = abs((int)p);

	snprintf(buf, len, "%c%d.%02d", p < 0 ? '-' : '+', a / 100, a % 100);
}

/**
 * xpo_tune_check_power() - may the target output power be set to this?
 * @caps: the module's advertisement
 * @power: the target output power, 0.01 dBm (12h:200)
 * @msg: where a refusal is explained (XPO_TUNE_MSG_LEN), or NULL
 * @len: size of @msg
 *
 * Return: 0, -EOPNOTSUPP (no tunable laser, or no programmable power:
 * 04h:198-201 advertise 0..0 or an empty range) or -EINVAL (out of range).
 */
int xpo_tune_check_power(const struct xpo_tune_caps *caps, s16 power,
			 char *msg, size_t len)
{
	char p[12], lo[12], hi[12];

	if (!caps->tunable) {
		xpo_msg(msg, len, "module has no tunable laser");
		return -EOPNOTSUPP;
	}
	if ((!caps->power_min && !caps->power_max) ||
	    caps->power_min > caps->power_max) {
		xpo_msg(msg, len,
			"module does not advertise a programmable output power");
		return -EOPNOTSUPP;
	}
	if (power >= caps->power_min && power <= caps->power_max)
		return 0;
	xpo_tune_dbm_str(p, sizeof(p), power);
	xpo_tune_dbm_str(lo, sizeof(lo), caps->power_min);
	xpo_tune_dbm_str(hi, sizeof(hi), caps->power_max);
	xpo_msg(msg, len, "output power %s dBm out of range %s..%s dBm",
		p, lo, hi);
	return -EINVAL;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_check_power);

/**
 * xpo_tune_lane_decode() - one media lane's tuning control and status
 * @page12: the 128 bytes of page 12h of the lane's bank
 * @lane: media lane of the bank, 0-7
 * @t: filled in
 */
void xpo_tune_lane_decode(const u8 *page12, unsigned int lane,
			  struct xpo_tune_lane *t)
{
	u8 grid = page12[UP(XPO_TUNE_P12_GRID) + lane];

	t->grid = FIELD_GET(XPO_TUNE_GRID_SPACING, grid);
	t->fine_enable = grid & XPO_TUNE_FINE_ENABLE;
	t->channel = get_unaligned_be16(&page12[UP(XPO_TUNE_P12_CHANNEL) +
						2 * lane]);
	t->fine_offset = get_unaligned_be16(&page12[UP(XPO_TUNE_P12_FINE_OFFSET) +
						    2 * lane]);
	t->freq_mhz = get_unaligned_be32(&page12[UP(XPO_TUNE_P12_FREQ) +
					     4 * lane]);
	t->power = get_unaligned_be16(&page12[UP(XPO_TUNE_P12_POWER) +
					      2 * lane]);
	t->status = page12[UP(XPO_TUNE_P12_STATUS) + lane];
	t->flags = page12[UP(XPO_TUNE_P12_FLAGS) + lane];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_lane_decode);

/**
 * xpo_tune_encode_channel() - a grid and channel request into a page image
 * @page12: the 128 bytes of page 12h as read; the lane's grid byte keeps
 *	its fine tuning enable and reserved bits
 * @lane: media lane of the bank, 0-7
 * @grid: enum xpo_tune_grid
 * @channel: channel number
 *
 * The host then writes 12h:128 + @lane and 12h:136 + 2 * @lane (in that
 * order: the module validates the channel against the grid in force).
 */
void xpo_tune_encode_channel(u8 *page12, unsigned int lane,
			     unsigned int grid, s16 channel)
{
	u8 *g = &page12[UP(XPO_TUNE_P12_GRID) + lane];

	*g = (*g & ~XPO_TUNE_GRID_SPACING) |
	     FIELD_PREP(XPO_TUNE_GRID_SPACING, grid);
	put_unaligned_be16(channel, &page12[UP(XPO_TUNE_P12_CHANNEL) +
					    2 * lane]);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_encode_channel);

/**
 * xpo_tune_encode_power() - a target output power into a page image
 * @page12: the 128 bytes of page 12h
 * @lane: media lane of the bank, 0-7
 * @power: 0.01 dBm
 */
void xpo_tune_encode_power(u8 *page12, unsigned int lane, s16 power)
{
	put_unaligned_be16(power, &page12[UP(XPO_TUNE_P12_POWER) + 2 * lane]);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_tune_encode_power);
