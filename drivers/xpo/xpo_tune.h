/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Coherent (ZR/ZR+) laser tuning: what a tunable module advertises (page
 * 01h:155 and page 04h, CMIS 5.2 sections 8.4.7 and 8.6, which C-CMIS 1.x
 * builds on), and the per-media-lane tuning control and status of banked
 * page 12h (CMIS section 8.13): grid spacing, channel number, current
 * frequency, target output power, tuning status and latched flags.
 * Grid codes, the channel to frequency formula and the page 04h ranges are
 * checked here; requests are validated against the advertisement.
 *
 * Pure logic on page images; no hardware, no locking.  KUnit tests it
 * (tests/xpo_tune_kunit.c).
 *
 * Frequencies are in MHz (u32: 193.1 THz is 193100000), the unit of the
 * current laser frequency of 12h:168 (CMIS: U32 in 0.001 GHz; SONiC's
 * page12.py scales it by 1000 to GHz).  Powers are in 0.01 dBm (s16), the
 * unit of 04h:198-201 and 12h:200.  Lanes are the 8 media lanes of one
 * bank, 0-7; messages number them from 1.
 *
 * Errors: -EINVAL for a value out of range of what the module advertises
 * or not on the grid, -EOPNOTSUPP for something the module does not
 * advertise (no tunable laser, a grid it lacks, no programmable power).
 * Refusals write a short (< XPO_TUNE_MSG_LEN) message, meant for a
 * netlink extack, naming what the module supports.
 */
#ifndef _XPO_TUNE_H
#define _XPO_TUNE_H

#include <linux/bits.h>
#include <linux/types.h>

#include "cmis.h"

#define XPO_TUNE_MSG_LEN		80

/* 01h:155, CMIS 5.2 Table 8-46 (supported controls advertisement) */
#define XPO_TUNE_P01_CTRL_ADV		CMIS_P01_TX_CTRL_ADV
#define  XPO_TUNE_ADV_WAVELENGTH_CTRL	BIT(7)	/* WavelengthIsControllable */
#define  XPO_TUNE_ADV_TUNABLE		CMIS_P01_TX_TUNABLE	/* 04h, 12h */

/* Page 04h, laser capabilities advertising (not banked), CMIS Table 8-68 */
#define XPO_TUNE_PAGE_CAPS		CMIS_PAGE_LASER_CAPS
#define XPO_TUNE_P04_GRIDS		128	/* b<code>: grid code 0-7 supported */
#define XPO_TUNE_P04_GRIDS2		129
#define  XPO_TUNE_P04_FINE		BIT(7)	/* FineTuningSupported */
#define  XPO_TUNE_P04_GRID_150		BIT(6)	/* grid code 8 (CMIS 5.3+) */
#define XPO_TUNE_P04_CHANNELS		130	/* s16 low, s16 high per grid code */
#define XPO_TUNE_P04_FINE_RES		190	/* u16, 0.001 GHz */
#define XPO_TUNE_P04_FINE_LOW		192	/* s16, 0.001 GHz */
#define XPO_TUNE_P04_FINE_HIGH		194	/* s16, 0.001 GHz */
#define XPO_TUNE_P04_POWER_MIN		198	/* s16, 0.01 dBm */
#define XPO_TUNE_P04_POWER_MAX		200	/* s16, 0.01 dBm */

/* Page 12h, tunable laser control and status (banked), CMIS Table 8-109 */
#define XPO_TUNE_PAGE_CTRL		CMIS_PAGE_LASER_TUNING
#define XPO_TUNE_P12_GRID		128	/* u8 per lane */
#define  XPO_TUNE_GRID_SPACING		GENMASK(7, 4)	/* enum xpo_tune_grid */
#define  XPO_TUNE_FINE_ENABLE		BIT(0)
#define XPO_TUNE_P12_CHANNEL		136	/* s16 per lane */
#define XPO_TUNE_P12_FINE_OFFSET	152	/* s16 per lane, 0.001 GHz */
#define XPO_TUNE_P12_FREQ		168	/* u32 per lane, MHz */
#define XPO_TUNE_P12_POWER		200	/* s16 per lane, 0.01 dBm */
#define XPO_TUNE_P12_STATUS		222	/* u8 per lane */
#define  XPO_TUNE_ST_UNLOCKED		BIT(0)	/* WavelengthUnlockStatus */
#define  XPO_TUNE_ST_IN_PROGRESS	BIT(1)	/* TuningInProgress */
#define XPO_TUNE_P12_FLAG_SUMMARY	230	/* b<n>: lane n + 1 has a flag */
#define XPO_TUNE_P12_FLAGS		231	/* u8 per lane, latched */
#define  XPO_TUNE_FL_COMPLETE		BIT(0)	/* TuningComplete */
#define  XPO_TUNE_FL_UNLOCKED		BIT(1)	/* WavelengthUnlocked */
#define  XPO_TUNE_FL_BAD_CHANNEL	BIT(2)	/* InvalidChannelNumber */
#define  XPO_TUNE_FL_NOT_ACCEPTED	BIT(3)	/* TuningNotAccepted */
#define  XPO_TUNE_FL_FINE_RANGE		BIT(4)	/* FineTuningOutOfRange */
#define  XPO_TUNE_FL_POWER_RANGE	BIT(5)	/* TargetOutputPowerOutOfRange */
#define  XPO_TUNE_FL_ALL		GENMASK(5, 0)
#define XPO_TUNE_P12_MASKS		239	/* u8 per lane, masks of @FLAGS */

#define XPO_TUNE_LANES			8

/* 193.1 THz, the anchor of every grid (ITU-T G.694.1) */
#define XPO_TUNE_ANCHOR_MHZ		193100000U

/* Grid spacing codes of 12h:128 b7-4 (and bit positions of 04h:128) */
enum xpo_tune_grid {
	XPO_GRID_3P125,
	XPO_GRID_6P25,
	XPO_GRID_12P5,
	XPO_GRID_25,
	XPO_GRID_50,
	XPO_GRID_100,
	XPO_GRID_33,
	XPO_GRID_75,
	XPO_GRID_150,
	XPO_GRID_NUM,
};

/**
 * struct xpo_tune_caps - what a module's tunable laser can do
 * @tunable: 01h:155 b6, pages 04h and 12h exist; nothing else is valid
 *	without it
 * @grids: b<code>: grid code supported (04h:128 b7-0, 129 b6 for 150 GHz)
 * @fine: fine tuning supported (04h:129 b7)
 * @low: lowest channel number per grid code (04h:130 + 4 * code)
 * @high: highest channel number per grid code (04h:132 + 4 * code)
 * @fine_res: fine tuning resolution, 0.001 GHz (04h:190)
 * @fine_low: fine tuning low offset, 0.001 GHz (04h:192)
 * @fine_high: fine tuning high offset, 0.001 GHz (04h:194)
 * @power_min: lowest programmable output power, 0.01 dBm (04h:198)
 * @power_max: highest programmable output power, 0.01 dBm (04h:200);
 *	a range of 0..0 is read as "not programmable"
 */
struct xpo_tune_caps {
	bool tunable;
	u16 grids;
	bool fine;
	s16 low[XPO_GRID_NUM];
	s16 high[XPO_GRID_NUM];
	u16 fine_res;
	s16 fine_low;
	s16 fine_high;
	s16 power_min;
	s16 power_max;
};

/**
 * struct xpo_tune_lane - one media lane's tuning control and status
 * @grid: grid spacing code (12h:128 b7-4)
 * @fine_enable: fine tuning enabled (12h:128 b0)
 * @channel: channel number (12h:136)
 * @fine_offset: fine tuning offset, 0.001 GHz (12h:152)
 * @freq_mhz: current laser frequency, MHz (12h:168)
 * @power: target output power, 0.01 dBm (12h:200)
 * @status: XPO_TUNE_ST_* (12h:222)
 * @flags: XPO_TUNE_FL_* latched flags (12h:231); reading them clears them
 */
struct xpo_tune_lane {
	u8 grid;
	bool fine_enable;
	s16 channel;
	s16 fine_offset;
	u32 freq_mhz;
	s16 power;
	u8 status;
	u8 flags;
};

/* Grids */
const char *xpo_tune_grid_name(unsigned int grid);
unsigned int xpo_tune_grid_mhz(unsigned int grid);
int xpo_tune_grid_from_ghz(const char *ghz);
int xpo_tune_grid_from_mhz(unsigned int mhz);

/* Channels and frequencies */
int xpo_tune_freq(unsigned int grid, s16 channel, u32 *mhz);
int xpo_tune_channel(unsigned int grid, u32 mhz, s16 *channel);
bool xpo_tune_on_grid(unsigned int grid, s16 channel);

/* Advertisement */
void xpo_tune_caps_decode(struct xpo_tune_caps *caps, const u8 *page01,
			  const u8 *page04);
int xpo_tune_range_mhz(const struct xpo_tune_caps *caps, unsigned int grid,
		       u32 *low, u32 *high);
int xpo_tune_grids_str(const struct xpo_tune_caps *caps, char *buf,
		       size_t len);

/* Requests */
int xpo_tune_check_channel(const struct xpo_tune_caps *caps,
			   unsigned int grid, s16 channel, char *msg,
			   size_t len);
int xpo_tune_check_freq(const struct xpo_tune_caps *caps, unsigned int grid,
			u32 mhz, s16 *channel, char *msg, size_t len);
int xpo_tune_check_power(const struct xpo_tune_caps *caps, s16 power,
			 char *msg, size_t len);

/* Page 12h images */
void xpo_tune_lane_decode(const u8 *page12, unsigned int lane,
			  struct xpo_tune_lane *t);
void xpo_tune_encode_channel(u8 *page12, unsigned int lane,
			     unsigned int grid, s16 channel);
void xpo_tune_encode_power(u8 *page12, unsigned int lane, s16 power);

#endif /* _XPO_TUNE_H */
