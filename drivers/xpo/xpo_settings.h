/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A port's optical and electrical settings on the module (xpo_settings.c):
 * host-side signal integrity (xpo_si.h) and coherent laser tuning
 * (xpo_tune.h), as the netlink family (xpo_nl_settings.c) shows and sets
 * them.  See Documentation/ports.rst.
 */
#ifndef _XPO_SETTINGS_H
#define _XPO_SETTINGS_H

#include "xpo_si.h"
#include "xpo_tune.h"

/**
 * struct xpo_port_si - a port's SI, as si-get tells it
 * @first_lane: the port's first host lane, 0-63
 * @lanes: its host lanes
 * @caps: what the module advertises
 * @lane: the active set (11h:214-234) of the port's bank, by bank lane
 * @explicit: b<n>: lane n of the bank runs with ExplicitControl (its
 *	active DPConfig, 11h:206-213 bit 0)
 */
struct xpo_port_si {
	u8 first_lane;
	u8 lanes;
	struct xpo_si_caps caps;
	struct xpo_si_lane lane[XPO_SI_LANES];
	u8 explicit;
};

/**
 * struct xpo_port_si_req - an si-set
 * @lanes: b<n>: the port's lane n (from its first) is set
 * @fields: the enum xpo_si_field controls given
 * @v: their values, the same for every lane set
 */
struct xpo_port_si_req {
	u8 lanes;
	u8 fields;
	struct xpo_si_lane v;
};

/* Media lanes a port can transmit on: its bank's */
#define XPO_PORT_TUNE_LANES		XPO_TUNE_LANES

/**
 * struct xpo_port_tune - a port's lasers, as tune-get tells them
 * @caps: what the module advertises
 * @media: b<n>: media lane n of the port's bank carries one of its data
 *	paths
 * @lane: those lanes' tuning (12h; the latched flags are not read)
 */
struct xpo_port_tune {
	struct xpo_tune_caps caps;
	u8 media;
	struct xpo_tune_lane lane[XPO_PORT_TUNE_LANES];
};

/**
 * struct xpo_port_tune_req - a tune-set
 * @grid_mhz: the grid spacing, 0 for the one the laser is on
 * @has_channel: tune to @channel
 * @channel: channel number
 * @has_freq: tune to @freq_mhz (instead of @channel)
 * @freq_mhz: frequency, MHz
 * @has_power: set the target output power to @power
 * @power: 0.01 dBm
 */
struct xpo_port_tune_req {
	u32 grid_mhz;
	bool has_channel;
	s16 channel;
	bool has_freq;
	u32 freq_mhz;
	bool has_power;
	s16 power;
};

#endif /* _XPO_SETTINGS_H */
