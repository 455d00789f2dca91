// SPDX-License-Identifier: GPL-2.0
/*
 * xpo_sim module personalities: what a module of each type stores in its
 * memory map when it comes out of reset.
 *
 * A personality is data only.  To add one, add its application table, its
 * telemetry defaults and an entry to xpo_sim_personalities[]; the memory
 * image is built from those by xpo_sim_personality_fill().
 */

#include <linux/bitfield.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "xpo_compat.h"
#include "sim.h"

/* A locally administered (CID-style) OUI, so it collides with no vendor */
static const u8 xpo_sim_oui[3] = { 0x02, 0x58, 0x50 };
#define XPO_SIM_VENDOR			"XPO-SIM"
#define XPO_SIM_YEAR			26	/* date codes and serials */

/* whole degC in the 1/256 degC unit of CMIS temperature monitors */
#define DEGC(c)				((s16)((c) * 256))

/* 8x 1.6T DR8: one 8-lane application per bank, breakouts down to 1 lane */
static const struct xpo_sim_app xpo_sim_apps_dr8[] = {
	{ 0x83, 0x7f, 0x88, 0x01, 0x01 },	/* 1.6TAUI-8 / 1.6TBASE-DR8 */
	{ 0x82, 0x77, 0x44, 0x11, 0x11 },	/* 800GAUI-4 / 800GBASE-DR4 */
	{ 0x81, 0x75, 0x22, 0x55, 0x55 },	/* 400GAUI-2 / 400GBASE-DR2 */
	{ 0x80, 0x73, 0x11, 0xff, 0xff },	/* 200GAUI-1 / 200GBASE-DR1 */
};

/* 32-lane OSFP, 4x 800G DR8 */
static const struct xpo_sim_app xpo_sim_apps_osfp[] = {
	{ 0x51, 0x56, 0x88, 0x01, 0x01 },	/* 800GAUI-8 S / 800GBASE-DR8 */
	{ 0x4f, 0x1c, 0x44, 0x11, 0x11 },	/* 400GAUI-4-S / 400GBASE-DR4 */
	{ 0x4b, 0x14, 0x11, 0xff, 0xff },	/* 100GAUI-1-S / 100GBASE-DR */
};

/*
 * The other XPO personalities, one per optics family the product carries.
 * Interface IDs from SFF-8024 (host Table 4-5, MMF Table 4-6, SMF Table
 * 4-7; the 200G/lane ones as IEEE P802.3dj assigned them, SONiC's
 * port-1.6t-support design lists them).  Lane counts b7-4 host, b3-0
 * media; the assignment bits say on which lane of a bank a data path of
 * the application may start.
 */

/* 8x 800G SR4.2 at 100G a lane (6.4T): VCSEL BiDi over multimode */
static const struct xpo_sim_app xpo_sim_apps_sr8[] = {
	{ 0x51, 0x22, 0x88, 0x01, 0x01 },	/* 800GAUI-8 S / 800G-SR4.2 */
	{ 0x51, 0x21, 0x88, 0x01, 0x01 },	/* 800GAUI-8 S / 800G-VR4.2 */
};

/* 16x 800G FR4 (CWDM, 2 km): two data paths a bank, no finer breakout */
static const struct xpo_sim_app xpo_sim_apps_fr4[] = {
	{ 0x82, 0x7a, 0x44, 0x11, 0x11 },	/* 800GAUI-4 / 800GBASE-FR4 */
	{ 0x82, 0x79, 0x44, 0x11, 0x11 },	/* 800GAUI-4 / 800GBASE-FR4-500 */
};

/* 16x 800G LR4 (10 km) */
static const struct xpo_sim_app xpo_sim_apps_lr4[] = {
	{ 0x82, 0x7b, 0x44, 0x11, 0x11 },	/* 800GAUI-4 / 800GBASE-LR4 */
};

/*
 * Coherent: 16x 800ZR, or 32x 400G OpenZR+ or 400ZR; one media lane (one
 * wavelength) a data path, so few and fast media lanes: two a bank
 * for 800ZR, four for 400G.  A 400G port runs either profile, as real
 * ZR+ modules advertise both: a reach change on the same layout that
 * changes every data path's application.
 */
static const struct xpo_sim_app xpo_sim_apps_zr[] = {
	{ 0x82, 0x6c, 0x41, 0x11, 0x05 },	/* 800GAUI-4 / 800ZR-A */
	{ 0x81, 0x46, 0x21, 0x55, 0x0f },	/* 400GAUI-2 / ZR400-OFEC-16QAM */
	{ 0x81, 0x3e, 0x21, 0x55, 0x0f },	/* 400GAUI-2 / 400ZR, DWDM */
};

/* Linear (LPO MSA): 8x 800G DR8-LPO or 16x 400G DR4-LPO at 100G a lane */
static const struct xpo_sim_app xpo_sim_apps_lpo[] = {
	{ 0x23, 0x92, 0x88, 0x01, 0x01 },	/* LEI-800G-PAM4-8 / 800G-DR8-LPO */
	{ 0x22, 0x91, 0x44, 0x11, 0x11 },	/* LEI-400G-PAM4-4 / 400G-DR4-LPO */
};

/*
 * Half-retimed (LRO: retimed Tx, linear Rx), 200G a lane: the EEI RTLR
 * codes of a later SFF-8024 revision (provisional, as in xpo_app.c)
 */
static const struct xpo_sim_app xpo_sim_apps_lro[] = {
	{ 0x9b, 0x7f, 0x88, 0x01, 0x01 },	/* EEI-1.6T-RTLR-8 / 1.6T DR8 */
	{ 0x9a, 0x77, 0x44, 0x11, 0x11 },	/* EEI-800G-RTLR-4 / 800G DR4 */
};

/*
 * The ZR lasers: the C band 191.3-196.1 THz (SONiC's example 400ZR module:
 * 75 GHz channels -72..120, in 25 GHz steps) on the 75 GHz grid, and the
 * same band on the 100 GHz grid (-18..30); -15.00..+1.00 dBm programmable
 * output power (ZR+ class optics; 400ZR's -10 dBm is within it).  One
 * laser per media lane a data path can start on: four a bank.  Power-on:
 * 193.1 THz on the 75 GHz grid, -3.00 dBm (the lane's Tx power monitor).
 */
static const struct xpo_sim_tune xpo_sim_tune_zr = {
	.grids		= BIT(7) | BIT(5),	/* 75 GHz, 100 GHz */
	.low		= { [7] = -72, [5] = -18 },
	.high		= { [7] = 120, [5] = 30 },
	.power_min	= -1500,
	.power_max	= 100,
	.lasers		= 4,
	.grid		= 7,
	.channel	= 0,
	.power		= -300,
};

/* A 400 W class module on its cold plate at 0.5 L/min, 25 degC coolant */
static const struct xpo_sim_telemetry xpo_sim_tlm_dr8 = {
	.module_temp	= DEGC(45),
	.vcc		= 33000,		/* 3.3 V */
	.max_power	= 40000,		/* 400 W */
	.power		= 35000,		/* 350 W, every lane up */
	.power_lowpwr	= 1200,			/* 12 W */
	.coolant_in	= DEGC(25),
	.coolant_out	= DEGC(36),		/* 350 W into 0.5 L/min: +10 K */
	.flow		= 500,
	.engines	= 8,
	/* about 55 degC, a few quarter degrees apart */
	.engine_temp	= { DEGC(55) - 128, DEGC(55), DEGC(55) + 64,
			    DEGC(55) + 192, DEGC(55) - 64, DEGC(55) + 128,
			    DEGC(56), DEGC(55) },
	.power_halarm	= 40000,
	.power_hwarn	= 38000,
	.out_halarm	= DEGC(50),
	.out_hwarn	= DEGC(45),
	.flow_lalarm	= 300,
	.flow_lwarn	= 350,
	.engine_halarm	= DEGC(85),
	.engine_hwarn	= DEGC(80),
};

/* An air-cooled OSFP has no XPO telemetry page; only 00h:14-17 are used */
static const struct xpo_sim_telemetry xpo_sim_tlm_osfp = {
	.module_temp	= DEGC(52),
	.vcc		= 32900,
	.power		= 1600,			/* 16 W, every lane up */
	.power_lowpwr	= 150,			/* 1.5 W */
};

const struct xpo_sim_personality xpo_sim_personalities[] = {
	{
		.name		= "xpo-dr8",
		.tag		= "DR8",
		.identifier	= SFF8024_ID_XPO,
		.banks_code	= CMIS_P01_BANKS_RESERVED,	/* XPO: 8 banks */
		.media_type	= 0x02,		/* SMF */
		.connector	= 0x28,		/* MPO 1x16 */
		.media_tech	= 0x06,		/* 1310 nm EML */
		.max_power	= 0xff,		/* saturated: real max on B0h */
		.part_number	= "XS-XPO-8DR8",
		.revision	= "A1",
		.fw_active	= { 2, 13 },
		.fw_inactive	= { 2, 11 },
		.hw_rev		= { 1, 0 },
		.smf_length	= 0x05,		/* 5 x 0.1 km */
		.wavelength	= 26220,	/* 1311 nm */
		.wavelength_tol	= 1300,		/* 6.5 nm */
		.dur_dp		= 0x46,		/* DPDeinit < 100 ms, DPInit < 1 s */
		.dur_module	= 0x45,		/* PwrDn < 100 ms, PwrUp < 500 ms */
		.dur_tx		= 0x24,		/* TxOff < 10 ms, TxOn < 100 ms */
		.telemetry_page	= true,
		/* 200G/lane EML: +2.0 dBm out, 70 mA, +0.8 dBm in */
		.lane_tx_power	= 15849,
		.lane_tx_bias	= 35000,
		.lane_rx_power	= 12023,
		.apps		= xpo_sim_apps_dr8,
		.num_apps	= ARRAY_SIZE(xpo_sim_apps_dr8),
		.telemetry	= &xpo_sim_tlm_dr8,
	},
	{
		.name		= "osfp",
		.tag		= "OSF",
		.identifier	= SFF8024_ID_OSFP,
		.banks_code	= CMIS_P01_BANKS_4,
		.media_type	= 0x02,		/* SMF */
		.connector	= 0x0d,		/* MPO 2x16 */
		.media_tech	= 0x04,		/* 1310 nm DFB */
		.max_power	= 0xc8,		/* 50 W */
		.part_number	= "XS-OSFP32-DR8",
		.revision	= "B0",
		.fw_active	= { 1, 7 },
		.fw_inactive	= { 1, 6 },
		.hw_rev		= { 2, 1 },
		.smf_length	= 0x05,
		.wavelength	= 26220,
		.wavelength_tol	= 1300,
		.dur_dp		= 0x35,		/* DPDeinit < 50 ms, DPInit < 500 ms */
		.dur_module	= 0x46,		/* PwrDn < 100 ms, PwrUp < 1 s */
		.dur_tx		= 0x23,		/* TxOff < 10 ms, TxOn < 50 ms */
		.telemetry_page	= false,
		/* 100G/lane DFB: +1.0 dBm out, 55 mA, 0 dBm in */
		.lane_tx_power	= 12589,
		.lane_tx_bias	= 27500,
		.lane_rx_power	= 10000,
		.apps		= xpo_sim_apps_osfp,
		.num_apps	= ARRAY_SIZE(xpo_sim_apps_osfp),
		.telemetry	= &xpo_sim_tlm_osfp,
	},
	{
		/* 8x 800G SR4.2 multimode, 100G a lane */
		.name		= "xpo-sr8",
		.tag		= "SR8",
		.identifier	= SFF8024_ID_XPO,
		.banks_code	= CMIS_P01_BANKS_RESERVED,	/* XPO: 8 banks */
		.media_type	= 0x01,		/* MMF */
		.connector	= 0x28,		/* MPO 1x16 */
		.media_tech	= 0x00,		/* 850 nm VCSEL */
		.max_power	= 0xff,		/* saturated: real max on B0h */
		.part_number	= "XS-XPO-8SR8",
		.revision	= "A1",
		.fw_active	= { 2, 13 },
		.fw_inactive	= { 2, 11 },
		.hw_rev		= { 1, 0 },
		.smf_length	= 0x00,		/* no SMF length */
		.wavelength	= 17000,		/* 850 nm */
		.wavelength_tol	= 4000,		/* 20 nm */
		.dur_dp		= 0x35,		/* DPDeinit < 50 ms, DPInit < 500 ms */
		.dur_module	= 0x45,		/* PwrDn < 100 ms, PwrUp < 500 ms */
		.dur_tx		= 0x23,		/* TxOff < 10 ms, TxOn < 50 ms */
		.telemetry_page	= true,
		.lane_tx_power	= 12589,		/* +1.0 dBm */
		.lane_tx_bias	= 4000,		/* 8 mA */
		.lane_rx_power	= 10000,		/* 0 dBm */
		.apps		= xpo_sim_apps_sr8,
		.num_apps	= ARRAY_SIZE(xpo_sim_apps_sr8),
		.telemetry	= &xpo_sim_tlm_dr8,
	},
	{
		/* 16x 800G FR4, CWDM 2 km, retimed */
		.name		= "xpo-fr4",
		.tag		= "FR4",
		.identifier	= SFF8024_ID_XPO,
		.banks_code	= CMIS_P01_BANKS_RESERVED,	/* XPO: 8 banks */
		.media_type	= 0x02,		/* SMF */
		.connector	= 0x28,		/* MPO 1x16 */
		.media_tech	= 0x06,		/* 1310 nm EML (CWDM) */
		.max_power	= 0xff,		/* saturated: real max on B0h */
		.part_number	= "XS-XPO-16FR4",
		.revision	= "A1",
		.fw_active	= { 2, 13 },
		.fw_inactive	= { 2, 11 },
		.hw_rev		= { 1, 0 },
		.smf_length	= 0x14,		/* 20 x 0.1 km */
		.wavelength	= 26220,		/* 1311 nm (CWDM centre) */
		.wavelength_tol	= 13000,		/* 65 nm: 1271-1331 */
		.dur_dp		= 0x46,		/* DPDeinit < 100 ms, DPInit < 1 s */
		.dur_module	= 0x45,		/* PwrDn < 100 ms, PwrUp < 500 ms */
		.dur_tx		= 0x24,		/* TxOff < 10 ms, TxOn < 100 ms */
		.telemetry_page	= true,
		.lane_tx_power	= 19953,		/* +3.0 dBm */
		.lane_tx_bias	= 40000,		/* 80 mA */
		.lane_rx_power	= 12589,		/* +1.0 dBm */
		.apps		= xpo_sim_apps_fr4,
		.num_apps	= ARRAY_SIZE(xpo_sim_apps_fr4),
		.telemetry	= &xpo_sim_tlm_dr8,
	},
	{
		/* 16x 800G LR4, 10 km, retimed */
		.name		= "xpo-lr4",
		.tag		= "LR4",
		.identifier	= SFF8024_ID_XPO,
		.banks_code	= CMIS_P01_BANKS_RESERVED,	/* XPO: 8 banks */
		.media_type	= 0x02,		/* SMF */
		.connector	= 0x0d,		/* MPO 2x16 */
		.media_tech	= 0x06,		/* 1310 nm EML (LAN-WDM) */
		.max_power	= 0xff,		/* saturated: real max on B0h */
		.part_number	= "XS-XPO-16LR4",
		.revision	= "A1",
		.fw_active	= { 2, 13 },
		.fw_inactive	= { 2, 11 },
		.hw_rev		= { 1, 0 },
		.smf_length	= 0x4a,		/* 10 x 1 km */
		.wavelength	= 26200,		/* 1310 nm */
		.wavelength_tol	= 4000,		/* 20 nm */
		.dur_dp		= 0x46,		/* DPDeinit < 100 ms, DPInit < 1 s */
		.dur_module	= 0x45,		/* PwrDn < 100 ms, PwrUp < 500 ms */
		.dur_tx		= 0x24,		/* TxOff < 10 ms, TxOn < 100 ms */
		.telemetry_page	= true,
		.lane_tx_power	= 25119,		/* +4.0 dBm */
		.lane_tx_bias	= 45000,		/* 90 mA */
		.lane_rx_power	= 5012,		/* -3.0 dBm */
		.apps		= xpo_sim_apps_lr4,
		.num_apps	= ARRAY_SIZE(xpo_sim_apps_lr4),
		.telemetry	= &xpo_sim_tlm_dr8,
	},
	{
		/* 16x 800ZR or 32x 400G OpenZR+ or 400ZR, coherent */
		.name		= "xpo-zr",
		.tag		= "ZRC",
		.identifier	= SFF8024_ID_XPO,
		.banks_code	= CMIS_P01_BANKS_RESERVED,	/* XPO: 8 banks */
		.media_type	= 0x02,		/* SMF */
		.connector	= 0x07,		/* LC */
		.media_tech	= 0x0c,		/* tunable coherent */
		.max_power	= 0xff,		/* saturated: real max on B0h */
		.part_number	= "XS-XPO-16ZR",
		.revision	= "A1",
		.fw_active	= { 2, 13 },
		.fw_inactive	= { 2, 11 },
		.hw_rev		= { 1, 0 },
		.smf_length	= 0x00,		/* amplified line: no SMF length */
		.wavelength	= 30970,		/* 1548.5 nm, C band */
		.wavelength_tol	= 200,		/* 1 nm */
		.dur_dp		= 0x68,		/* DPDeinit < 1 s, DPInit < 10 s (tuning) */
		.dur_module	= 0x46,		/* PwrDn < 100 ms, PwrUp < 1 s */
		.dur_tx		= 0x46,		/* TxOff < 100 ms, TxOn < 1 s */
		.telemetry_page	= true,
		.lane_tx_power	= 5012,		/* -3.0 dBm */
		.lane_tx_bias	= 60000,		/* 120 mA */
		.lane_rx_power	= 1000,		/* -10 dBm */
		.apps		= xpo_sim_apps_zr,
		.num_apps	= ARRAY_SIZE(xpo_sim_apps_zr),
		.telemetry	= &xpo_sim_tlm_dr8,
		.tune		= &xpo_sim_tune_zr,
	},
	{
		/* 8x 800G DR8 linear (LPO), 100G a lane */
		.name		= "xpo-lpo",
		.tag		= "LPO",
		.identifier	= SFF8024_ID_XPO,
		.banks_code	= CMIS_P01_BANKS_RESERVED,	/* XPO: 8 banks */
		.media_type	= 0x02,		/* SMF */
		.connector	= 0x28,		/* MPO 1x16 */
		.media_tech	= 0x06,		/* 1310 nm EML */
		.max_power	= 0xff,		/* saturated: real max on B0h */
		.part_number	= "XS-XPO-8DR8L",
		.revision	= "A1",
		.fw_active	= { 2, 13 },
		.fw_inactive	= { 2, 11 },
		.hw_rev		= { 1, 0 },
		.smf_length	= 0x05,		/* 5 x 0.1 km */
		.wavelength	= 26220,		/* 1311 nm */
		.wavelength_tol	= 1300,		/* 6.5 nm */
		.dur_dp		= 0x35,		/* DPDeinit < 50 ms, DPInit < 500 ms */
		.dur_module	= 0x45,		/* PwrDn < 100 ms, PwrUp < 500 ms */
		.dur_tx		= 0x23,		/* TxOff < 10 ms, TxOn < 50 ms */
		.telemetry_page	= true,
		.lane_tx_power	= 12589,		/* +1.0 dBm */
		.lane_tx_bias	= 27500,		/* 55 mA */
		.lane_rx_power	= 10000,		/* 0 dBm */
		.apps		= xpo_sim_apps_lpo,
		.num_apps	= ARRAY_SIZE(xpo_sim_apps_lpo),
		.telemetry	= &xpo_sim_tlm_dr8,
		/*
		 * Linear both ways, no CDR: the host sets the Tx input CTLE
		 * (codes 0-10) and the Rx output swing (codes 0-2) and
		 * pre/post emphasis (0-7 each) to suit its SerDes
		 */
		.si_eq_max	= 0x7a,
		.si_rx_eq_max	= 0x77,
		.si_tx_adv	= XPO_SIM_SI_ADV_TX_FIXED,
		.si_rx_adv	= XPO_SIM_SI_ADV_RX_AMP | XPO_SIM_SI_ADV_RX_PRE |
				  XPO_SIM_SI_ADV_RX_POST,
		.si_default	= {
			[XPO_SIM_SI_TX_EQ] = 4, [XPO_SIM_SI_RX_PRE] = 2,
			[XPO_SIM_SI_RX_POST] = 3, [XPO_SIM_SI_RX_AMP] = 1,
		},
	},
	{
		/* 8x 1.6T DR8 half-retimed (LRO) */
		.name		= "xpo-lro",
		.tag		= "LRO",
		.identifier	= SFF8024_ID_XPO,
		.banks_code	= CMIS_P01_BANKS_RESERVED,	/* XPO: 8 banks */
		.media_type	= 0x02,		/* SMF */
		.connector	= 0x28,		/* MPO 1x16 */
		.media_tech	= 0x06,		/* 1310 nm EML */
		.max_power	= 0xff,		/* saturated: real max on B0h */
		.part_number	= "XS-XPO-8DR8H",
		.revision	= "A1",
		.fw_active	= { 2, 13 },
		.fw_inactive	= { 2, 11 },
		.hw_rev		= { 1, 0 },
		.smf_length	= 0x05,		/* 5 x 0.1 km */
		.wavelength	= 26220,		/* 1311 nm */
		.wavelength_tol	= 1300,		/* 6.5 nm */
		.dur_dp		= 0x46,		/* DPDeinit < 100 ms, DPInit < 1 s */
		.dur_module	= 0x45,		/* PwrDn < 100 ms, PwrUp < 500 ms */
		.dur_tx		= 0x24,		/* TxOff < 10 ms, TxOn < 100 ms */
		.telemetry_page	= true,
		.lane_tx_power	= 15849,		/* +2.0 dBm */
		.lane_tx_bias	= 35000,		/* 70 mA */
		.lane_rx_power	= 12023,		/* +0.8 dBm */
		.apps		= xpo_sim_apps_lro,
		.num_apps	= ARRAY_SIZE(xpo_sim_apps_lro),
		.telemetry	= &xpo_sim_tlm_dr8,
		/*
		 * Retimed Tx (CDR that can be bypassed, adaptive or fixed
		 * input EQ 0-12, freeze, two recall buffers), linear Rx
		 * (amplitude codes 0, 2, 3; pre-cursor 0-3, post 0-7)
		 */
		.si_eq_max	= 0xdc,
		.si_rx_eq_max	= 0x73,
		.si_tx_adv	= XPO_SIM_SI_ADV_CDR | XPO_SIM_SI_ADV_CDR_BYPASS |
				  XPO_SIM_SI_ADV_TX_FIXED |
				  XPO_SIM_SI_ADV_TX_ADAPTIVE |
				  XPO_SIM_SI_ADV_TX_FREEZE |
				  XPO_SIM_SI_ADV_TX_RECALL_2,
		.si_rx_adv	= XPO_SIM_SI_ADV_RX_AMP | XPO_SIM_SI_ADV_RX_PRE |
				  XPO_SIM_SI_ADV_RX_POST,
		.si_default	= {
			[XPO_SIM_SI_TX_ADAPTIVE] = 1, [XPO_SIM_SI_TX_CDR] = 1,
			[XPO_SIM_SI_RX_PRE] = 1, [XPO_SIM_SI_RX_POST] = 3,
			[XPO_SIM_SI_RX_AMP] = 2,
		},
	},
};

const unsigned int xpo_sim_num_personalities = ARRAY_SIZE(xpo_sim_personalities);

const struct xpo_sim_personality *xpo_sim_personality_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < xpo_sim_num_personalities; i++)
		if (sysfs_streq(name, xpo_sim_personalities[i].name))
			return &xpo_sim_personalities[i];
	return NULL;
}

unsigned int xpo_sim_personality_banks(const struct xpo_sim_personality *p)
{
	return xpo_banks_from_p01(p->banks_code);
}

/* An ASCII field, space padded as CMIS requires */
static void xpo_sim_put_str(u8 *dst, size_t len, const char *s)
{
	size_t n = min(strlen(s), len);

	memcpy(dst, s, n);
	memset(dst + n, ' ', len - n);
}

/* Low 8 bits of the sum of a page's bytes [first, last] (CMIS checksums) */
static u8 xpo_sim_checksum(const u8 *page, unsigned int first,
			   unsigned int last)
{
	unsigned int i;
	u8 sum = 0;

	for (i = first; i <= last; i++)
		sum += page[i - CMIS_UPPER_OFFSET];
	return sum;
}

/*
 * Identity and advertising of page 00h upper: distinct for every cage of
 * every board (@id, XPO_SIM_CAGE_ID(): the serial number), dated by the
 * cage's number on its board
 */
static void xpo_sim_fill_page00(const struct xpo_sim_personality *p,
				unsigned int id, u8 *pg)
{
	unsigned int cage = id % XPO_CAGES_PER_RU;
	char buf[CMIS_VENDOR_SN_LEN + 1];

#define P00(off)	pg[(off) - CMIS_UPPER_OFFSET]
	P00(128) = p->identifier;
	xpo_sim_put_str(&P00(CMIS_VENDOR_NAME), CMIS_VENDOR_NAME_LEN,
			XPO_SIM_VENDOR);
	memcpy(&P00(CMIS_VENDOR_OUI), xpo_sim_oui, sizeof(xpo_sim_oui));
	xpo_sim_put_str(&P00(CMIS_VENDOR_PN), CMIS_VENDOR_PN_LEN,
			p->part_number);
	xpo_sim_put_str(&P00(CMIS_VENDOR_REV), CMIS_VENDOR_REV_LEN,
			p->revision);
	snprintf(buf, sizeof(buf), "XS26%02u%s%04u", XPO_SIM_YEAR, p->tag,
		 id);
	xpo_sim_put_str(&P00(CMIS_VENDOR_SN), CMIS_VENDOR_SN_LEN, buf);
	/* YYMMDD: made on March 1 + cage; lot: personality and cage */
	snprintf(buf, sizeof(buf), "%02u03%02u%c%c", XPO_SIM_YEAR, 1 + cage,
		 p->tag[0], 'A' + cage);
	xpo_sim_put_str(&P00(CMIS_DATE_CODE), CMIS_DATE_CODE_LEN, buf);
	snprintf(buf, sizeof(buf), "XSIM%s%03u", p->tag, cage);
	xpo_sim_put_str(&P00(CMIS_CLEI), CMIS_CLEI_LEN, buf);
	/* power class 8; the byte-wide max power saturates above 63.75 W */
	P00(CMIS_POWER_CLASS) = FIELD_PREP(CMIS_POWER_CLASS_MASK, 7);
	P00(CMIS_MAX_POWER) = p->max_power;
	P00(CMIS_CABLE_LEN) = 0;		/* separable media */
	P00(CMIS_CONNECTOR) = p->connector;
	P00(CMIS_MEDIA_TECH) = p->media_tech;
	P00(222) = xpo_sim_checksum(pg, 128, 221);
#undef P00
}

static void xpo_sim_fill_page01(const struct xpo_sim_personality *p, u8 *pg)
{
	unsigned int i;

#define P01(off)	pg[(off) - CMIS_UPPER_OFFSET]
	P01(CMIS_P01_FW_INACTIVE_MAJOR) = p->fw_inactive[0];
	P01(CMIS_P01_FW_INACTIVE_MINOR) = p->fw_inactive[1];
	P01(CMIS_P01_HW_MAJOR) = p->hw_rev[0];
	P01(CMIS_P01_HW_MINOR) = p->hw_rev[1];
	P01(132) = p->smf_length;
	put_unaligned_be16(p->wavelength, &P01(138));
	put_unaligned_be16(p->wavelength_tol, &P01(140));
	P01(CMIS_P01_PAGES) = p->banks_code;	/* no 03h, 13h-14h, VDM */
	P01(CMIS_P01_DP_DURATION) = p->dur_dp;
	P01(CMIS_P01_MODULE_CHAR) = CMIS_P01_RX_POWER_AVG;
	/* per-lane Tx bias (x1), Tx power and Rx power on page 11h */
	P01(CMIS_P01_MON_SUPPORT) = CMIS_P01_MON_TX_BIAS |
				    CMIS_P01_MON_TX_POWER |
				    CMIS_P01_MON_RX_POWER;
	/* a tunable laser: pages 04h and 12h (CMIS 5.2 section 8.4.7) */
	if (p->tune)
		P01(XPO_SIM_P01_CTRL_ADV) = XPO_SIM_ADV_WAVELENGTH_CTRL |
					    XPO_SIM_ADV_TUNABLE;
	/* host SI controls, linear and half-retimed modules (si.c) */
	P01(XPO_SIM_P01_SI_EQ_MAX) = p->si_eq_max;
	P01(XPO_SIM_P01_SI_RX_EQ_MAX) = p->si_rx_eq_max;
	P01(XPO_SIM_P01_SI_TX_ADV) = p->si_tx_adv;
	P01(XPO_SIM_P01_SI_RX_ADV) = p->si_rx_adv;
	P01(CMIS_P01_CDB_SUPPORT) = 0;		/* no CDB (yet) */
	P01(CMIS_P01_MODULE_DURATION) = p->dur_module;
	P01(CMIS_P01_TX_DURATION) = p->dur_tx;

	for (i = 0; i < p->num_apps && i < CMIS_APP_MAX; i++)
		P01(CMIS_P01_MEDIA_LANE_ASSIGN + i) = p->apps[i].media_assign;

	/* apps 9-15, then the terminator if the table ends in that range */
	for (i = CMIS_APP_DESC_LOWER_NUM; i < CMIS_APP_MAX; i++) {
		u8 *d = &P01(CMIS_P01_APP_DESC_UPPER +
			     (i - CMIS_APP_DESC_LOWER_NUM) * CMIS_APP_DESC_SIZE);

		if (i > p->num_apps)
			break;
		if (i == p->num_apps) {
			d[CMIS_APP_HOST_IF] = CMIS_APP_HOST_IF_UNUSED;
			break;
		}
		d[CMIS_APP_HOST_IF] = p->apps[i].host_if;
		d[CMIS_APP_MEDIA_IF] = p->apps[i].media_if;
		d[CMIS_APP_LANE_COUNTS] = p->apps[i].lane_counts;
		d[CMIS_APP_HOST_LANE_ASSIGN] = p->apps[i].host_assign;
	}
	P01(255) = xpo_sim_checksum(pg, 130, 254);
#undef P01
}

/* Four thresholds in CMIS order: high alarm, low alarm, high/low warning */
static void xpo_sim_put_thresholds(u8 *p, u16 halarm, u16 lalarm, u16 hwarn,
				   u16 lwarn)
{
	put_unaligned_be16(halarm, p);
	put_unaligned_be16(lalarm, p + 2);
	put_unaligned_be16(hwarn, p + 4);
	put_unaligned_be16(lwarn, p + 6);
}

/* Thresholds of the module and lane monitors, CMIS 5.2 section 8.5 */
static void xpo_sim_fill_page02(u8 *pg)
{
#define P02(off)	(&pg[(off) - CMIS_UPPER_OFFSET])
	put_unaligned_be16(DEGC(75), P02(CMIS_P02_TEMP_HALARM));
	put_unaligned_be16(DEGC(-5), P02(CMIS_P02_TEMP_LALARM));
	put_unaligned_be16(DEGC(70), P02(CMIS_P02_TEMP_HWARN));
	put_unaligned_be16(DEGC(0), P02(CMIS_P02_TEMP_LWARN));
	put_unaligned_be16(34650, P02(CMIS_P02_VCC_HALARM));	/* 3.465 V */
	put_unaligned_be16(31350, P02(CMIS_P02_VCC_LALARM));	/* 3.135 V */
	put_unaligned_be16(34500, P02(CMIS_P02_VCC_HWARN));
	put_unaligned_be16(31500, P02(CMIS_P02_VCC_LWARN));
	/*
	 * Tx and Rx power in 0.1 uW: +5/-11 dBm alarms, +4/-10 dBm warnings
	 * (Rx low: -12/-11 dBm); the nominal lane values (personality table)
	 * are +2 dBm and below, a few percent apart, so no flag is raised.
	 */
	xpo_sim_put_thresholds(P02(CMIS_P02_TXPWR_HALARM), 31623, 794, 25119,
			       1000);
	xpo_sim_put_thresholds(P02(CMIS_P02_RXPWR_HALARM), 31623, 631, 25119,
			       794);
	/* Tx bias in 2 uA: 100/20 mA alarms, 90/25 mA warnings */
	xpo_sim_put_thresholds(P02(CMIS_P02_TXBIAS_HALARM), 50000, 10000,
			       45000, 12500);
	*P02(255) = xpo_sim_checksum(pg, 128, 254);
#undef P02
}

/**
 * xpo_sim_personality_fill() - the memory image of a module out of reset
 * @p: personality
 * @id: the cage's id on the emulator's bus (XPO_SIM_CAGE_ID()), to make the
 *	identity of every cage of every board distinct
 * @mem: zeroed memory to fill
 *
 * Builds everything but the module state (00h:3), which the state machine
 * owns, the live values, which xpo_sim_telemetry_publish() writes, and the
 * lane states and monitors, which the data paths own (datapath.c).  Every
 * lane is configured, staged and active, for application 1, each data path
 * starting at a multiple of its lane count (CMIS: the default application
 * a module powers up with).
 */
void xpo_sim_personality_fill(const struct xpo_sim_personality *p,
			      unsigned int id, struct xpo_sim_mem *mem)
{
	unsigned int banks = xpo_sim_personality_banks(p);
	unsigned int i, b, n;
	u8 *lo = mem->lower;

	lo[CMIS_ID] = p->identifier;
	lo[CMIS_REV] = 0x52;
	/* paged memory, CLEI present, management interface up to 1 MHz */
	lo[CMIS_MEM_CHAR] = CMIS_MEM_CLEI_PRESENT |
			    FIELD_PREP(CMIS_MEM_MCI_MAX_SPEED, 1);
	lo[CMIS_MODULE_CTRL] = CMIS_CTRL_LOWPWR_ALLOW_HW;
	lo[CMIS_FW_ACTIVE_MAJOR] = p->fw_active[0];
	lo[CMIS_FW_ACTIVE_MINOR] = p->fw_active[1];
	lo[CMIS_MEDIA_TYPE] = p->media_type;

	for (i = 0; i < CMIS_APP_DESC_LOWER_NUM && i <= p->num_apps; i++) {
		u8 *d = &lo[CMIS_APP_DESC_LOWER + i * CMIS_APP_DESC_SIZE];

		if (i == p->num_apps) {
			d[CMIS_APP_HOST_IF] = CMIS_APP_HOST_IF_UNUSED;
			break;
		}
		d[CMIS_APP_HOST_IF] = p->apps[i].host_if;
		d[CMIS_APP_MEDIA_IF] = p->apps[i].media_if;
		d[CMIS_APP_LANE_COUNTS] = p->apps[i].lane_counts;
		d[CMIS_APP_HOST_LANE_ASSIGN] = p->apps[i].host_assign;
	}

	xpo_sim_fill_page00(p, id, mem->page00);
	xpo_sim_fill_page01(p, mem->page01);
	xpo_sim_fill_page02(mem->page02);

	n = p->num_apps ? p->apps[0].lane_counts >> 4 : 0;
	for (b = 0; n && b < banks && b < XPO_BANKS; b++) {
		for (i = 0; i < CMIS_LANES_PER_BANK; i++) {
			u8 cfg = FIELD_PREP(CMIS_DPCONFIG_APPSEL, 1) |
				 FIELD_PREP(CMIS_DPCONFIG_DPID, i - i % n);

			mem->page10[b][CMIS_P10_DPCONFIG - CMIS_UPPER_OFFSET + i] =
				cfg;
			mem->page11[b][CMIS_P11_ACTIVE_DPCONFIG -
				       CMIS_UPPER_OFFSET + i] = cfg;
		}
	}
	xpo_sim_si_fill(p, mem);
	xpo_sim_tune_fill(p, mem);
}

/**
 * xpo_sim_telemetry_publish() - write live values into the memory map
 * @t: the values
 * @telemetry_page: the module implements the XPO telemetry page
 * @mem: the module memory
 */
void xpo_sim_telemetry_publish(const struct xpo_sim_telemetry *t,
			       bool telemetry_page, struct xpo_sim_mem *mem)
{
	u8 *pg = mem->page_tlm;
	unsigned int i;

	put_unaligned_be16(t->module_temp, &mem->lower[CMIS_TEMP]);
	put_unaligned_be16(t->vcc, &mem->lower[CMIS_VCC]);
	if (!telemetry_page)
		return;

#define TLM(off)	(&pg[(off) - CMIS_UPPER_OFFSET])
	put_unaligned_be16(t->max_power, TLM(XPO_TLM_MAX_POWER));
	put_unaligned_be16(t->power, TLM(XPO_TLM_POWER));
	put_unaligned_be16(t->coolant_in, TLM(XPO_TLM_COOLANT_IN));
	put_unaligned_be16(t->coolant_out, TLM(XPO_TLM_COOLANT_OUT));
	put_unaligned_be16(t->flow, TLM(XPO_TLM_COOLANT_FLOW));
	*TLM(XPO_TLM_STATUS) = t->status;
	*TLM(XPO_TLM_ENGINES) = t->engines;
	for (i = 0; i < XPO_TLM_ENGINES_MAX; i++)
		put_unaligned_be16(i < t->engines ? t->engine_temp[i] : 0,
				   TLM(XPO_TLM_ENGINE_TEMP + 2 * i));
	put_unaligned_be16(t->power_halarm, TLM(XPO_TLM_POWER_HALARM));
	put_unaligned_be16(t->power_hwarn, TLM(XPO_TLM_POWER_HWARN));
	put_unaligned_be16(t->out_halarm, TLM(XPO_TLM_OUT_HALARM));
	put_unaligned_be16(t->out_hwarn, TLM(XPO_TLM_OUT_HWARN));
	put_unaligned_be16(t->flow_lalarm, TLM(XPO_TLM_FLOW_LALARM));
	put_unaligned_be16(t->flow_lwarn, TLM(XPO_TLM_FLOW_LWARN));
	put_unaligned_be16(t->engine_halarm, TLM(XPO_TLM_ENGINE_HALARM));
	put_unaligned_be16(t->engine_hwarn, TLM(XPO_TLM_ENGINE_HWARN));
#undef TLM
}
