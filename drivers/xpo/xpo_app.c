// SPDX-License-Identifier: GPL-2.0
/*
 * Application matching, breakout validation, reach profiles and interface
 * architecture, from a module's decoded application descriptors.  See
 * xpo_app.h.
 *
 * Sources for the codes: SFF-8024 Rev 4.x Table 4-5 (host electrical
 * interface IDs), Table 4-6 (MMF media interface IDs) and Table 4-7 (SMF
 * media interface IDs), as tabulated by sonic-platform-common
 * (codes/public/sff8024.py) and summarised in the project's reference
 * (cmis-xpo-facts.md section 3, wave2-sources.md C4).  Codes those tables do
 * not have yet are marked "later SFF-8024" below.
 */
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "xpo_cmis_decode.h"
#include "xpo_app.h"
#include "xpo_msg.h"

/*
 * What this file knows of a host electrical interface (SFF-8024 Table
 * 4-5): its lane count (0: a per-lane interface, any count), the data rate
 * of one data path in Gb/s (per lane if lanes is 0), and its architecture.
 *
 * Architecture (the reference only names the LPO part, wave2-sources.md
 * D3; the rest is from the SFF-8024 names and their specifications):
 *  - the C2M AUIs (IEEE 802.3 Annexes 83E, 120C/E/G, 135, 176E) are
 *    chip-to-module interfaces the module terminates with a CDR or DSP in
 *    both directions: fully retimed;
 *  - EEI-*-RTLR is OIF-EEI-112G-RTLR, "Retimed Transmitter Linear
 *    Receiver", which OIF itself calls "half retimed optical links" (OIF
 *    press release, 2025-11-18): the LRO architecture;
 *  - LEI-*-PAM4 (LPO MSA) and CEI-112G-LINEAR-PAM4 are linear interfaces:
 *    LPO.  SONiC's is_lpo() decides the same way: any application with a
 *    LEI host interface or an SMF "-LPO" media interface
 *    (sonic-platform-common api/public/cmis.py, wave2-sources.md D3);
 *  - xGBASE-CRn are passive copper cables.
 * CMIS has no field of its own for the architecture (its 01h:161-162 SI
 * and CDR controls say what can be tuned, not what is built), so the
 * interface IDs are what a host can rely on.
 */
struct xpo_app_host_if {
	u8 id;
	u8 lanes;
	u16 gbps;
	enum xpo_app_arch arch;
};

#define RT	XPO_ARCH_RETIMED
#define LRO	XPO_ARCH_LRO
#define LPO	XPO_ARCH_LPO
#define CU	XPO_ARCH_PASSIVE

static const struct xpo_app_host_if xpo_app_host_ifs[] = {
	{ 0x05, 1, 25, RT },	/* 25GAUI C2M (Annex 109B) */
	{ 0x06, 4, 40, RT },	/* XLAUI C2M (Annex 83B) */
	{ 0x08, 2, 50, RT },	/* LAUI-2 C2M (Annex 135C) */
	{ 0x09, 2, 50, RT },	/* 50GAUI-2 C2M (Annex 135E) */
	{ 0x0a, 1, 50, RT },	/* 50GAUI-1 C2M (Annex 135G) */
	{ 0x0b, 4, 100, RT },	/* CAUI-4 C2M (Annex 83E) */
	{ 0x0c, 4, 100, RT },	/* 100GAUI-4 C2M (Annex 135E) */
	{ 0x0d, 2, 100, RT },	/* 100GAUI-2 C2M (Annex 135G) */
	{ 0x0e, 8, 200, RT },	/* 200GAUI-8 C2M (Annex 120C) */
	{ 0x0f, 4, 200, RT },	/* 200GAUI-4 C2M (Annex 120E) */
	{ 0x11, 8, 400, RT },	/* 400GAUI-8 C2M (Annex 120E) */
	{ 0x1a, 4, 100, CU },	/* 100GBASE-CR4 */
	{ 0x1b, 2, 100, CU },	/* 100GBASE-CR2 */
	{ 0x1c, 4, 200, CU },	/* 200GBASE-CR4 */
	{ 0x1d, 8, 400, CU },	/* 400G CR8 */
	{ 0x1e, 1, 200, CU },	/* 200GBASE-CR1 */
	{ 0x1f, 2, 400, CU },	/* 400GBASE-CR2 */
	{ 0x20, 1, 100, LPO },	/* LEI-100G-PAM4-1 (LPO MSA) */
	{ 0x21, 2, 200, LPO },	/* LEI-200G-PAM4-2 */
	{ 0x22, 4, 400, LPO },	/* LEI-400G-PAM4-4 */
	{ 0x23, 8, 800, LPO },	/* LEI-800G-PAM4-8 */
	{ 0x41, 4, 100, RT },	/* CAUI-4 C2M without FEC */
	{ 0x42, 4, 100, RT },	/* CAUI-4 C2M with RS FEC */
	{ 0x46, 1, 100, CU },	/* 100GBASE-CR1 */
	{ 0x47, 2, 200, CU },	/* 200GBASE-CR2 */
	{ 0x48, 4, 400, CU },	/* 400GBASE-CR4 */
	{ 0x49, 8, 800, CU },	/* 800G-ETC-CR8 / 800GBASE-CR8 */
	{ 0x4b, 1, 100, RT },	/* 100GAUI-1-S C2M (Annex 120G) */
	{ 0x4c, 1, 100, RT },	/* 100GAUI-1-L C2M */
	{ 0x4d, 2, 200, RT },	/* 200GAUI-2-S C2M */
	{ 0x4e, 2, 200, RT },	/* 200GAUI-2-L C2M */
	{ 0x4f, 4, 400, RT },	/* 400GAUI-4-S C2M */
	{ 0x50, 4, 400, RT },	/* 400GAUI-4-L C2M */
	{ 0x51, 8, 800, RT },	/* 800GAUI-8 S C2M */
	{ 0x52, 8, 800, RT },	/* 800GAUI-8 L C2M */
	{ 0x57, 4, 800, CU },	/* 800GBASE-CR4 */
	{ 0x58, 8, 1600, CU },	/* 1.6TBASE-CR8 */
	{ 0x74, 0, 100, LPO },	/* CEI-112G-LINEAR-PAM4, per lane */
	{ 0x80, 1, 200, RT },	/* 200GAUI-1 (Annex 176E) */
	{ 0x81, 2, 400, RT },	/* 400GAUI-2 (Annex 176E) */
	{ 0x82, 4, 800, RT },	/* 800GAUI-4 (Annex 176E) */
	{ 0x83, 8, 1600, RT },	/* 1.6TAUI-8 (Annex 176E) */
	{ 0x90, 1, 100, LRO },	/* EEI-100G-RTLR-1-S */
	{ 0x91, 1, 100, LRO },	/* EEI-100G-RTLR-1-L */
	{ 0x92, 2, 200, LRO },	/* EEI-200G-RTLR-2-S */
	{ 0x93, 2, 200, LRO },	/* EEI-200G-RTLR-2-L */
	{ 0x94, 4, 400, LRO },	/* EEI-400G-RTLR-4-S */
	{ 0x95, 4, 400, LRO },	/* EEI-400G-RTLR-4-L */
	{ 0x96, 8, 800, LRO },	/* EEI-800G-RTLR-8-S */
	{ 0x97, 8, 800, LRO },	/* EEI-800G-RTLR-8-L */
	/* 200G/lane RTLR: later SFF-8024, provisional here */
	{ 0x98, 1, 200, LRO },	/* EEI-200G-RTLR-1 */
	{ 0x99, 2, 400, LRO },	/* EEI-400G-RTLR-2 */
	{ 0x9a, 4, 800, LRO },	/* EEI-800G-RTLR-4 */
	{ 0x9b, 8, 1600, LRO },	/* EEI-1.6T-RTLR-8 */
};

#undef RT
#undef LRO
#undef LPO
#undef CU

static const struct xpo_app_host_if *xpo_app_host_if_find(u8 id)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(xpo_app_host_ifs); i++)
		if (xpo_app_host_ifs[i].id == id)
			return &xpo_app_host_ifs[i];
	return NULL;
}

/* SMF media interface IDs of the LPO MSA (SFF-8024 Table 4-7: "-LPO") */
static bool xpo_app_smf_lpo(u8 media_if)
{
	return media_if >= 0x8f && media_if <= 0x93;
}

/**
 * xpo_app_media_reach() - the reach profile of a media interface
 * @media_type: 00h:85
 * @media_if: media interface ID of an application descriptor
 *
 * Multimode (SFF-8024 Table 4-6) is all 850 nm band: SR.  Single-mode
 * (Table 4-7) goes by the reach class its name or clause gives: DR 500 m,
 * FR 2 km, LR 10 km, ER 20-40 km; 400ZR, 800ZR and xGBASE-ZR are ZR; the
 * OpenZR+ codes (ZRnnn-OFEC-*) are ZR+; 800GBASE-LR1, a coherent
 * single-wavelength 10 km interface, is coherent-lite (OIF's "unamplified,
 * fixed wavelength links of 2-10 km", wave2-sources.md C5).  Everything
 * else (copper, active cables, BASE-T, FC, OTN, XR, vendor codes) is other.
 *
 * Return: the profile, XPO_REACH_OTHER if none.
 */
enum xpo_reach xpo_app_media_reach(u8 media_type, u8 media_if)
{
	if (media_type == CMIS_MEDIA_TYPE_MMF)
		return media_if >= 0x01 && media_if <= 0x24 ?
		       XPO_REACH_SR : XPO_REACH_OTHER;
	if (media_type != CMIS_MEDIA_TYPE_SMF)
		return XPO_REACH_OTHER;

	switch (media_if) {
	case 0x0f:		/* 100G PSM4 (500 m) */
	case 0x14:		/* 100GBASE-DR */
	case 0x17:		/* 200GBASE-DR4 */
	case 0x1c:		/* 400GBASE-DR4 */
	case 0x55:		/* 400GBASE-DR4-2 */
	case 0x56:		/* 800GBASE-DR8 */
	case 0x57:		/* 800GBASE-DR8-2 */
	case 0x73 ... 0x78:	/* 200G DR1, 400G DR2, 800G DR4 (and -2) */
	case 0x7f:		/* 1.6TBASE-DR8 */
	case 0x80:		/* 1.6TBASE-DR8-2 */
	case 0x8f ... 0x92:	/* 100G-DR1 ... 800G-DR8 -LPO */
		return XPO_REACH_DR;
	case 0x0a:		/* 40GBASE-FR */
	case 0x0b:		/* 50GBASE-FR */
	case 0x10:		/* 100G CWDM4 (2 km) */
	case 0x15:		/* 100G-FR / 100GBASE-FR1 */
	case 0x18:		/* 200GBASE-FR4 */
	case 0x1a:		/* 400GBASE-FR8 */
	case 0x1d:		/* 400G-FR4 / 400GBASE-FR4 */
	case 0x34:		/* 100G CWDM4-OCP */
	case 0x79:		/* 800GBASE-FR4-500 */
	case 0x7a:		/* 800GBASE-FR4 */
	case 0x93:		/* FR4-LPO */
		return XPO_REACH_FR;
	case 0x01:		/* 10GBASE-LW */
	case 0x04:		/* 10GBASE-LR */
	case 0x07:		/* 25GBASE-LR */
	case 0x09:		/* 40GBASE-LR4 */
	case 0x0c:		/* 50GBASE-LR */
	case 0x0d:		/* 100GBASE-LR4 */
	case 0x11:		/* 100G 4WDM-10 */
	case 0x16:		/* 100G-LR / 100GBASE-LR1 */
	case 0x19:		/* 200GBASE-LR4 */
	case 0x1b:		/* 400GBASE-LR8 */
	case 0x1e:		/* 400G-LR4-10 */
	case 0x43:		/* 400GBASE-LR4-6 */
	case 0x4a:		/* 100G-LR1-20 */
	case 0x7b:		/* 800GBASE-LR4 */
		return XPO_REACH_LR;
	case 0x02:		/* 10GBASE-EW */
	case 0x05:		/* 10GBASE-ER */
	case 0x08:		/* 25GBASE-ER */
	case 0x0e:		/* 100GBASE-ER4 */
	case 0x12:		/* 100G 4WDM-20 */
	case 0x13:		/* 100G 4WDM-40 */
	case 0x40:		/* 50GBASE-ER */
	case 0x41:		/* 200GBASE-ER4 */
	case 0x42:		/* 400GBASE-ER8 */
	case 0x4b:		/* 100G-ER1-30 */
	case 0x4c:		/* 100G-ER1-40 */
	case 0x6f:		/* 400G-ER4-30 */
	case 0x7d:		/* 800GBASE-ER1-20 (later SFF-8024) */
	case 0x7e:		/* 800GBASE-ER1 (later SFF-8024) */
		return XPO_REACH_ER;
	case 0x03:		/* 10G-ZW */
	case 0x06:		/* 10G-ZR */
	case 0x3e:		/* 400ZR, DWDM, amplified */
	case 0x3f:		/* 400ZR, single wavelength, unamplified */
	case 0x44:		/* 100GBASE-ZR */
	case 0x4d:		/* 400GBASE-ZR */
	case 0x6c ... 0x6e:	/* 800ZR-A/B/C, 150 GHz DWDM */
		return XPO_REACH_ZR;
	case 0x35 ... 0x37:	/* ZR400-OFEC-16QAM-HA/-HB, -8QAM-HA */
	case 0x46 ... 0x49:	/* ZR400/300/200/100-OFEC (OpenZR+) */
	case 0x58 ... 0x5e:	/* their -HA/-HB variants */
		return XPO_REACH_ZR_PLUS;
	case 0x7c:		/* 800GBASE-LR1 (later SFF-8024) */
		return XPO_REACH_COHERENT_LITE;
	default:
		return XPO_REACH_OTHER;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_media_reach);

static const char * const xpo_reach_names[XPO_REACH_MAX] = {
	[XPO_REACH_SR]		= "SR",
	[XPO_REACH_DR]		= "DR",
	[XPO_REACH_FR]		= "FR",
	[XPO_REACH_LR]		= "LR",
	[XPO_REACH_ER]		= "ER",
	[XPO_REACH_ZR]		= "ZR",
	[XPO_REACH_ZR_PLUS]	= "ZR+",
	[XPO_REACH_COHERENT_LITE] = "coherent-lite",
	[XPO_REACH_OTHER]	= "other",
};

/* Return: the name of a reach profile ("any" for XPO_REACH_ANY) */
const char *xpo_reach_name(enum xpo_reach reach)
{
	if (reach == XPO_REACH_ANY || reach >= XPO_REACH_MAX)
		return "any";
	return xpo_reach_names[reach];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_reach_name);

/* Return: the profile named @name (any case), -EINVAL if none */
int xpo_reach_parse(const char *name)
{
	unsigned int i;

	for (i = XPO_REACH_SR; i < XPO_REACH_MAX; i++)
		if (!strcasecmp(name, xpo_reach_names[i]))
			return i;
	return -EINVAL;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_reach_parse);

/**
 * xpo_app_if_arch() - the architecture an application's interfaces imply
 * @media_type: 00h:85
 * @host_if: host electrical interface ID
 * @media_if: media interface ID
 *
 * See xpo_app_host_ifs[] for the sources.
 */
enum xpo_app_arch xpo_app_if_arch(u8 media_type, u8 host_if, u8 media_if)
{
	const struct xpo_app_host_if *h;

	if (media_type == CMIS_MEDIA_TYPE_PASSIVE_CU)
		return XPO_ARCH_PASSIVE;
	if (media_type == CMIS_MEDIA_TYPE_SMF && xpo_app_smf_lpo(media_if))
		return XPO_ARCH_LPO;
	h = xpo_app_host_if_find(host_if);
	return h ? h->arch : XPO_ARCH_UNKNOWN;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_if_arch);

/**
 * xpo_app_arch() - a module's electrical interface architecture
 * @t: its applications
 *
 * Linear wins over half-retimed over retimed: one linear application
 * means the host must drive the module's SI as for LPO (as SONiC's
 * is_lpo() decides from any application).
 */
enum xpo_app_arch xpo_app_arch(const struct xpo_app_table *t)
{
	static const enum xpo_app_arch order[] = {
		XPO_ARCH_LPO, XPO_ARCH_LRO, XPO_ARCH_RETIMED, XPO_ARCH_PASSIVE,
	};
	unsigned int i, seen = 0;

	for (i = 0; i < t->num; i++)
		seen |= BIT(t->apps[i].arch);
	for (i = 0; i < ARRAY_SIZE(order); i++)
		if (seen & BIT(order[i]))
			return order[i];
	return XPO_ARCH_UNKNOWN;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_arch);

static const char * const xpo_app_arch_names[XPO_ARCH_MAX] = {
	[XPO_ARCH_UNKNOWN]	= "unknown",
	[XPO_ARCH_RETIMED]	= "retimed",
	[XPO_ARCH_LRO]		= "half-retimed",
	[XPO_ARCH_LPO]		= "linear",
	[XPO_ARCH_PASSIVE]	= "passive",
};

const char *xpo_app_arch_name(enum xpo_app_arch arch)
{
	if (arch >= XPO_ARCH_MAX)
		return "unknown";
	return xpo_app_arch_names[arch];
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_arch_name);

/*
 * One descriptor, or false if it is malformed: an undefined host
 * interface, a reserved lane count, a lane count its host interface
 * contradicts, no lane it may start on, or a start that would carry it
 * past the end of its bank (on either side).
 */
static bool xpo_app_decode_one(struct xpo_app *a, const struct xpo_cmis_app *c,
			       unsigned int appsel, u8 media_type)
{
	const struct xpo_app_host_if *h = xpo_app_host_if_find(c->host_if);
	unsigned int hl = c->host_lanes, ml = c->media_lanes;

	if (c->host_if == CMIS_APP_HOST_IF_UNDEFINED)
		return false;
	/* 0 = "as the interface ID says"; only a known ID says */
	if (!hl && h)
		hl = h->lanes;
	if (!hl || hl > CMIS_APP_LANES_MAX || (h && h->lanes && h->lanes != hl))
		return false;
	if (ml > CMIS_APP_LANES_MAX)
		return false;
	if (!c->host_assign ||
	    (c->host_assign & ~GENMASK(CMIS_LANES_PER_BANK - hl, 0)))
		return false;
	if (ml && (c->media_assign & ~GENMASK(CMIS_LANES_PER_BANK - ml, 0)))
		return false;

	a->appsel = appsel;
	a->host_if = c->host_if;
	a->media_if = c->media_if;
	a->host_lanes = hl;
	a->media_lanes = ml;
	a->host_assign = c->host_assign;
	a->media_assign = c->media_assign;
	a->speed_gbps = !h ? 0 : h->lanes ? h->gbps : h->gbps * hl;
	a->reach = xpo_app_media_reach(media_type, c->media_if);
	a->arch = xpo_app_if_arch(media_type, c->host_if, c->media_if);
	return true;
}

/**
 * xpo_app_table_decode() - a module's usable applications
 * @t: filled in
 * @id: the module's decoded identity (00h:85-117, 01h:142, 176-250); its
 *	application list already ends at the first FFh host interface ID
 *
 * Malformed descriptors are left out and flagged in @t->malformed; the
 * others keep their AppSel.
 *
 * Return: 0, or -ENODATA if no application is usable.
 */
int xpo_app_table_decode(struct xpo_app_table *t,
			 const struct xpo_identity *id)
{
	unsigned int i;

	memset(t, 0, sizeof(*t));
	t->media_type = id->media_type;
	t->banks = id->banks ? id->banks : 1;
	for (i = 0; i < id->num_apps && i < CMIS_APP_MAX; i++) {
		if (xpo_app_decode_one(&t->apps[t->num], &id->apps[i], i + 1,
				       id->media_type))
			t->num++;
		else
			t->malformed |= BIT(i);
	}
	return t->num ? 0 : -ENODATA;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_table_decode);

/* Return: the application of @appsel, NULL if none (or malformed) */
const struct xpo_app *xpo_app_find(const struct xpo_app_table *t,
				   unsigned int appsel)
{
	unsigned int i;

	for (i = 0; i < t->num; i++)
		if (t->apps[i].appsel == appsel)
			return &t->apps[i];
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_find);

/* "200G", "1.6T", "3.2T", "2T" */
static int xpo_app_speed_str(char *buf, size_t len, unsigned int gbps)
{
	if (gbps >= 1000 && !(gbps % 1000))
		return scnprintf(buf, len, "%uT", gbps / 1000);
	if (gbps >= 1000 && !(gbps % 100))
		return scnprintf(buf, len, "%u.%uT", gbps / 1000,
				 gbps % 1000 / 100);
	return scnprintf(buf, len, "%uG", gbps);
}

/* Lanes of a bank's lane mask, numbered from 1: "1,5" */
static int xpo_app_lanes_str(char *buf, size_t len, unsigned long mask)
{
	unsigned int bit, n = 0;

	buf[0] = '\0';
	for_each_set_bit(bit, &mask, CMIS_LANES_PER_BANK)
		n += scnprintf(buf + n, len - n, "%s%u", n ? "," : "", bit + 1);
	return n;
}

static const char *xpo_app_lanes_word(u8 mask)
{
	return hweight8(mask) == 1 ? "lane" : "lanes";
}

/* Host lanes a breakout of @bank spans (XPO_APP_CAGE: the whole cage) */
static unsigned int xpo_app_scope_lanes(int bank)
{
	return bank == XPO_APP_CAGE ? XPO_LANES : CMIS_LANES_PER_BANK;
}

/**
 * xpo_app_media_lanes() - the media lanes of one data path of an application
 * @a: the application
 * @first: the data path's first host lane within its bank, 0-7
 *
 * CMIS 5.2 section 6.2.1: the i-th host lane the application's data paths
 * may start on (host lane assignment) goes with the i-th media lane they
 * may start on (media lane assignment, 01h:176 + AppSel - 1), for
 * @a->media_lanes lanes.  An 800ZR data path (4 host lanes, one media
 * lane, host 0x11, media 0x05) on host lanes 5-8 transmits on media lane 3.
 *
 * Return: b<n>: media lane n + 1 of the bank; 0 for a host lane no data
 * path of @a starts on, or assignments that do not pair up.
 */
u8 xpo_app_media_lanes(const struct xpo_app *a, unsigned int first)
{
	unsigned long media = a->media_assign;
	unsigned int k, n = 0, m;

	if (first >= CMIS_LANES_PER_BANK || !(a->host_assign & BIT(first)) ||
	    !a->media_lanes)
		return 0;
	k = hweight8(a->host_assign & (BIT(first) - 1));
	for_each_set_bit(m, &media, CMIS_LANES_PER_BANK)
		if (n++ == k)
			return m + a->media_lanes <= CMIS_LANES_PER_BANK ?
			       GENMASK(m + a->media_lanes - 1, m) : 0;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_media_lanes);

/**
 * xpo_app_mode_parse() - parse a breakout mode name
 * @name: "<count>x<speed>", speed in G or T ("16x800G", "8x1.6T")
 * @bank: XPO_APP_CAGE for a mode of the whole cage (64 lanes), or a bank
 *	for one of its 8-lane ports ("2x800G")
 * @m: filled in; its host lane count is the scope's lanes over the count
 *
 * Return: 0, or -EINVAL if @name is no mode, or its count does not divide
 * the scope into ports of 1-8 lanes.
 */
int xpo_app_mode_parse(const char *name, int bank, struct xpo_app_mode *m)
{
	unsigned int scope = xpo_app_scope_lanes(bank);
	unsigned int count = 0, speed = 0, frac = 0, n = 0;
	const char *s = name;
	bool dot = false;

	while (*s >= '0' && *s <= '9' && count <= XPO_LANES)
		count = count * 10 + *s++ - '0';
	if (s == name || (*s != 'x' && *s != 'X'))
		return -EINVAL;
	s++;
	for (; (*s >= '0' && *s <= '9') || (*s == '.' && !dot); s++, n++) {
		if (*s == '.') {
			dot = true;
			continue;
		}
		if (dot) {
			/* one decimal: tenths of a T */
			if (frac)
				return -EINVAL;
			frac = *s - '0' + 10;
		} else if (speed < 10000) {
			speed = speed * 10 + *s - '0';
		}
	}
	if (!n || s[-1] == '.' || !*s || s[1])
		return -EINVAL;
	if (*s == 'T' || *s == 't')
		speed = speed * 1000 + (frac ? (frac - 10) * 100 : 0);
	else if ((*s != 'G' && *s != 'g') || dot)
		return -EINVAL;
	if (!count || count > scope || scope % count || !speed ||
	    speed > U16_MAX || scope / count > CMIS_LANES_PER_BANK)
		return -EINVAL;

	m->count = count;
	m->lanes = scope / count;
	m->speed_gbps = speed;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_mode_parse);

/* Return: the length of the name of @m ("16x800G") written into @buf */
int xpo_app_mode_name(char *buf, size_t len, const struct xpo_app_mode *m)
{
	int n = scnprintf(buf, len, "%ux", m->count);

	return n + xpo_app_speed_str(buf + n, len - n, m->speed_gbps);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_mode_name);

/*
 * Starts (a bank's lane mask) that ports of @lanes host lanes at
 * @speed_gbps (0: any) and of @reach may use, over every application that
 * fits; *@fits tells whether any application has that size and speed.
 */
static u8 xpo_app_starts(const struct xpo_app_table *t, unsigned int lanes,
			 unsigned int speed_gbps, enum xpo_reach reach,
			 bool *fits)
{
	unsigned int i;
	u8 starts = 0;

	*fits = false;
	for (i = 0; i < t->num; i++) {
		const struct xpo_app *a = &t->apps[i];

		if (a->host_lanes != lanes ||
		    (speed_gbps && a->speed_gbps != speed_gbps))
			continue;
		*fits = true;
		if (reach == XPO_REACH_ANY || a->reach == reach)
			starts |= a->host_assign;
	}
	return starts;
}

/**
 * xpo_app_modes() - the uniform breakouts a module supports
 * @t: its applications
 * @bank: XPO_APP_CAGE for modes of the whole cage, or a bank
 * @modes: filled in, fewest ports first
 * @max: room in @modes
 *
 * A mode is supported when applications of its lane count and speed can
 * start at every multiple of that lane count in a bank, and the module has
 * every bank the mode spans (all eight for the whole cage).
 *
 * Return: the number of modes (those beyond @max are not written).
 */
unsigned int xpo_app_modes(const struct xpo_app_table *t, int bank,
			   struct xpo_app_mode *modes, unsigned int max)
{
	unsigned int scope = xpo_app_scope_lanes(bank);
	struct xpo_app_mode found[CMIS_APP_MAX];
	unsigned int i, j, num = 0;
	bool fits;

	if (bank == XPO_APP_CAGE ? t->banks < XPO_BANKS :
	    (bank < 0 || bank >= t->banks))
		return 0;

	for (i = 0; i < t->num; i++) {
		const struct xpo_app *a = &t->apps[i];
		u8 tile = 0;

		if (!a->speed_gbps || CMIS_LANES_PER_BANK % a->host_lanes)
			continue;
		for (j = 0; j < num; j++)
			if (found[j].lanes == a->host_lanes &&
			    found[j].speed_gbps == a->speed_gbps)
				break;
		if (j < num)
			continue;	/* this size was seen */
		for (j = 0; j < CMIS_LANES_PER_BANK; j += a->host_lanes)
			tile |= BIT(j);
		if ((xpo_app_starts(t, a->host_lanes, a->speed_gbps,
				    XPO_REACH_ANY, &fits) & tile) != tile)
			continue;

		/* insertion: fewest ports first, then the fastest */
		for (j = num; j > 0; j--) {
			if (found[j - 1].lanes > a->host_lanes ||
			    (found[j - 1].lanes == a->host_lanes &&
			     found[j - 1].speed_gbps >= a->speed_gbps))
				break;
			found[j] = found[j - 1];
		}
		found[j].count = scope / a->host_lanes;
		found[j].lanes = a->host_lanes;
		found[j].speed_gbps = a->speed_gbps;
		num++;
	}
	memcpy(modes, found, min(num, max) * sizeof(*modes));
	return num;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_modes);

/**
 * xpo_app_modes_str() - the supported modes as a list, "8x1.6T, 16x800G"
 * @t: the module's applications
 * @bank: XPO_APP_CAGE or a bank, as xpo_app_modes()
 * @buf: filled in ("" if none)
 * @len: its size
 *
 * Return: the length written.
 */
int xpo_app_modes_str(const struct xpo_app_table *t, int bank, char *buf,
		      size_t len)
{
	struct xpo_app_mode modes[CMIS_APP_MAX];
	unsigned int i, num;
	int n = 0;

	if (!len)
		return 0;
	buf[0] = '\0';
	num = xpo_app_modes(t, bank, modes, ARRAY_SIZE(modes));
	for (i = 0; i < num && i < ARRAY_SIZE(modes); i++) {
		if (i)
			n += scnprintf(buf + n, len - n, ", ");
		n += xpo_app_mode_name(buf + n, len - n, &modes[i]);
	}
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_modes_str);

/* Return: b<n> set for every reach profile n of the module's applications */
u16 xpo_app_reaches(const struct xpo_app_table *t)
{
	unsigned int i;
	u16 mask = 0;

	for (i = 0; i < t->num; i++)
		mask |= BIT(t->apps[i].reach);
	return mask;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_reaches);

/* The module's profiles as a list, "DR, FR"; Return: the length written */
int xpo_app_reaches_str(const struct xpo_app_table *t, char *buf,
			size_t len)
{
	unsigned long mask = xpo_app_reaches(t);
	unsigned int bit;
	int n = 0;

	if (!len)
		return 0;
	buf[0] = '\0';
	for_each_set_bit(bit, &mask, XPO_REACH_MAX)
		n += scnprintf(buf + n, len - n, "%s%s", n ? ", " : "",
			       xpo_reach_names[bit]);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_reaches_str);

/* "800G" for a port of known speed, "4-lane" otherwise */
static void xpo_app_port_label(char *buf, size_t len,
			       const struct xpo_app_port *p)
{
	if (p->speed_gbps)
		xpo_app_speed_str(buf, len, p->speed_gbps);
	else
		scnprintf(buf, len, "%u-lane", p->lanes);
}

/* A port's AppSel, given by the caller: does it fit? */
static int xpo_app_port_appsel(const struct xpo_app_table *t,
			       const struct xpo_app_port *p, unsigned int idx,
			       enum xpo_reach reach, char *msg, size_t len)
{
	const struct xpo_app *a = xpo_app_find(t, p->appsel);
	unsigned int start = p->first_lane % CMIS_LANES_PER_BANK;
	char s[16];

	if (!a) {
		xpo_msg(msg, len, "port %u: AppSel %u is not a usable application",
			idx, p->appsel);
		return -EOPNOTSUPP;
	}
	if (a->host_lanes != p->lanes) {
		xpo_msg(msg, len, "port %u: AppSel %u has %u host lanes, not %u",
			idx, a->appsel, a->host_lanes, p->lanes);
		return -EOPNOTSUPP;
	}
	if (p->speed_gbps && a->speed_gbps != p->speed_gbps) {
		xpo_app_speed_str(s, sizeof(s), p->speed_gbps);
		xpo_msg(msg, len, "port %u: AppSel %u does not carry %s",
			idx, a->appsel, s);
		return -EOPNOTSUPP;
	}
	if (reach != XPO_REACH_ANY && a->reach != reach) {
		xpo_msg(msg, len, "port %u: AppSel %u is %s, not %s", idx,
			a->appsel, xpo_reach_name(a->reach),
			xpo_reach_name(reach));
		return -EOPNOTSUPP;
	}
	if (!(a->host_assign & BIT(start))) {
		xpo_app_lanes_str(s, sizeof(s), a->host_assign);
		xpo_msg(msg, len, "AppSel %u may start on %s %s of a bank, not %u",
			a->appsel, xpo_app_lanes_word(a->host_assign), s,
			start + 1);
		return -EOPNOTSUPP;
	}
	return 0;
}

/* Lane counts of the module's applications, "1,2,4,8" */
static void xpo_app_lane_counts_str(const struct xpo_app_table *t, char *buf,
				    size_t len)
{
	unsigned int i;
	u16 counts = 0;

	for (i = 0; i < t->num; i++)
		counts |= BIT(t->apps[i].host_lanes - 1);
	xpo_app_lanes_str(buf, len, counts);
}

/* Speeds the module carries on @lanes host lanes, "800G,400G" */
static void xpo_app_speeds_str(const struct xpo_app_table *t,
			       unsigned int lanes, char *buf, size_t len)
{
	unsigned int i, j;
	int n = 0;

	buf[0] = '\0';
	for (i = 0; i < t->num; i++) {
		const struct xpo_app *a = &t->apps[i];

		if (a->host_lanes != lanes || !a->speed_gbps)
			continue;
		for (j = 0; j < i; j++)
			if (t->apps[j].host_lanes == lanes &&
			    t->apps[j].speed_gbps == a->speed_gbps)
				break;
		if (j < i)
			continue;
		if (n)
			n += scnprintf(buf + n, len - n, ",");
		n += xpo_app_speed_str(buf + n, len - n, a->speed_gbps);
	}
}

/*
 * Choose the application of one port: the first, in AppSel order, of its
 * lane count, speed (if given) and reach (if given) that may start on its
 * first lane.
 */
static int xpo_app_port_match(const struct xpo_app_table *t,
			      struct xpo_app_port *p, unsigned int idx,
			      enum xpo_reach reach, char *msg, size_t len)
{
	unsigned int i, start = p->first_lane % CMIS_LANES_PER_BANK;
	char s[32], label[16], r[64];
	bool fits;
	u8 starts;

	if (p->appsel)
		return xpo_app_port_appsel(t, p, idx, reach, msg, len);

	for (i = 0; i < t->num; i++) {
		const struct xpo_app *a = &t->apps[i];

		if (a->host_lanes == p->lanes &&
		    (!p->speed_gbps || a->speed_gbps == p->speed_gbps) &&
		    (reach == XPO_REACH_ANY || a->reach == reach) &&
		    (a->host_assign & BIT(start))) {
			p->appsel = a->appsel;
			return 0;
		}
	}

	/* Refused: say why, from the most basic reason up */
	starts = xpo_app_starts(t, p->lanes, p->speed_gbps, reach, &fits);
	xpo_app_port_label(label, sizeof(label), p);
	if (!fits) {
		xpo_app_speeds_str(t, p->lanes, s, sizeof(s));
		if (p->speed_gbps && s[0]) {
			xpo_msg(msg, len, "port %u: no %s on %u lanes; %u lanes carry %s",
				idx, label, p->lanes, p->lanes, s);
		} else {
			xpo_app_lane_counts_str(t, s, sizeof(s));
			xpo_msg(msg, len, "port %u: no %s application; module has %s-lane ones",
				idx, label, s);
		}
		return -EOPNOTSUPP;
	}
	if (!starts) {
		xpo_app_reaches_str(t, r, sizeof(r));
		if (xpo_app_reaches(t) & BIT(reach))
			xpo_msg(msg, len, "no %s application for %s ports; module profiles: %s",
				xpo_reach_name(reach), label, r);
		else
			xpo_msg(msg, len, "module profiles: %s; not %s", r,
				xpo_reach_name(reach));
		return -EOPNOTSUPP;
	}
	xpo_app_lanes_str(s, sizeof(s), starts);
	xpo_msg(msg, len, "%s ports may start on %s %s of a bank, not %u",
		label, xpo_app_lanes_word(starts), s, start + 1);
	return -EOPNOTSUPP;
}

/**
 * xpo_app_layout_check() - can a module carry a layout of ports?
 * @t: the module's applications
 * @l: the ports; each port's AppSel is set to the application chosen (or
 *	checked, if the caller gave one)
 * @reach: the profile every port must have, or XPO_REACH_ANY
 * @msg: if not NULL, why not (XPO_APP_MSG_LEN is enough)
 * @len: size of @msg
 *
 * Each port must have 1-8 lanes within one bank of the cage, share no lane
 * with another port, be on a bank the module has, and have an application
 * of its lane count (and speed, and reach) that may start on its first
 * lane (host lane assignment options, CMIS 5.2 section 8.2.11: b<n> =
 * lane n+1 of a bank).  Ports are numbered from 0 in messages, in the
 * order of @l.  On failure the AppSel of ports already matched is set.
 *
 * Return: 0, -EINVAL for a layout no module could carry, -EOPNOTSUPP for
 * one this module cannot, -ENODATA if it has no usable application.
 */
int xpo_app_layout_check(const struct xpo_app_table *t,
			 struct xpo_app_layout *l, enum xpo_reach reach,
			 char *msg, size_t len)
{
	u8 owner[XPO_LANES] = {};	/* port index + 1, 0 = free */
	const struct xpo_app *a;
	unsigned int i, lane;
	int ret;

	if (!t->num) {
		xpo_msg(msg, len, "module advertises no usable application");
		return -ENODATA;
	}
	if (!l->num_ports || l->num_ports > XPO_APP_PORTS_MAX) {
		xpo_msg(msg, len, "a layout has 1-%u ports, not %u",
			XPO_APP_PORTS_MAX, l->num_ports);
		return -EINVAL;
	}
	if (reach >= XPO_REACH_MAX) {
		xpo_msg(msg, len, "unknown reach profile %u", reach);
		return -EINVAL;
	}

	for (i = 0; i < l->num_ports; i++) {
		const struct xpo_app_port *p = &l->ports[i];
		unsigned int first = p->first_lane, bank = first / 8;

		if (!p->lanes || p->lanes > CMIS_LANES_PER_BANK) {
			xpo_msg(msg, len, "port %u: %u lanes; a port has 1-%u",
				i, p->lanes, CMIS_LANES_PER_BANK);
			return -EINVAL;
		}
		if (first + p->lanes > XPO_LANES) {
			xpo_msg(msg, len, "port %u: lanes %u-%u are past the cage's %u",
				i, first + 1, first + p->lanes, XPO_LANES);
			return -EINVAL;
		}
		if (first % 8 + p->lanes > CMIS_LANES_PER_BANK) {
			xpo_msg(msg, len, "port %u: lanes %u-%u cross from bank %u into %u",
				i, first + 1, first + p->lanes, bank,
				bank + 1);
			return -EINVAL;
		}
		for (lane = first; lane < first + p->lanes; lane++) {
			if (owner[lane]) {
				xpo_msg(msg, len,
					"ports %u and %u share lane %u (bank %u lane %u)",
					owner[lane] - 1, i, lane + 1,
					lane / 8, lane % 8 + 1);
				return -EINVAL;
			}
			owner[lane] = i + 1;
		}
	}

	for (i = 0; i < l->num_ports; i++) {
		struct xpo_app_port *p = &l->ports[i];
		unsigned int bank = p->first_lane / CMIS_LANES_PER_BANK;

		if (bank >= t->banks) {
			xpo_msg(msg, len, "port %u is on bank %u; the module has %u bank%s",
				i, bank, t->banks, t->banks == 1 ? "" : "s");
			return -EOPNOTSUPP;
		}
		ret = xpo_app_port_match(t, p, i, reach, msg, len);
		if (ret)
			return ret;
		a = xpo_app_find(t, p->appsel);
		p->reach = a ? a->reach : XPO_REACH_ANY;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_layout_check);

/**
 * xpo_app_mode_check() - can a module carry a uniform breakout?
 * @t: the module's applications
 * @mode: its name, "8x1.6T" "16x800G" "32x400G" "64x200G" for the whole
 *	cage, "1x1.6T" "2x800G" "4x400G" "8x200G" for one bank
 * @bank: XPO_APP_CAGE, or the bank (8-lane 1.6T port) to break out
 * @reach: the profile every port must have, or XPO_REACH_ANY
 * @l: filled in with the mode's ports and their AppSel
 * @msg: if not NULL, why not
 * @len: size of @msg
 *
 * Return: as xpo_app_layout_check(); -EINVAL also for a name that is no
 * mode, -EOPNOTSUPP for a mode of a size and speed the module has no
 * application for, or that spans banks it does not have.
 */
int xpo_app_mode_check(const struct xpo_app_table *t, const char *mode,
		       int bank, enum xpo_reach reach,
		       struct xpo_app_layout *l, char *msg, size_t len)
{
	unsigned int scope = xpo_app_scope_lanes(bank);
	unsigned int i, base, need;
	char list[XPO_APP_MSG_LEN];
	struct xpo_app_mode m;
	bool fits;

	if (!t->num) {
		xpo_msg(msg, len, "module advertises no usable application");
		return -ENODATA;
	}
	if (bank != XPO_APP_CAGE && (bank < 0 || bank >= XPO_BANKS)) {
		xpo_msg(msg, len, "no bank %d in a cage of %u", bank,
			XPO_BANKS);
		return -EINVAL;
	}
	xpo_app_modes_str(t, bank, list, sizeof(list));
	if (xpo_app_mode_parse(mode, bank, &m)) {
		xpo_msg(msg, len, "'%.16s' is no breakout of %u lanes (e.g. %s)",
			mode, scope, list[0] ? list :
			bank == XPO_APP_CAGE ? "16x800G" : "2x800G");
		return -EINVAL;
	}
	need = bank == XPO_APP_CAGE ? XPO_BANKS : bank + 1;
	if (t->banks < need) {
		if (bank == XPO_APP_CAGE)
			xpo_msg(msg, len, "%.16s needs %u banks; the module has %u",
				mode, XPO_BANKS, t->banks);
		else
			xpo_msg(msg, len, "bank %d: the module has %u bank%s",
				bank, t->banks, t->banks == 1 ? "" : "s");
		return -EOPNOTSUPP;
	}
	xpo_app_starts(t, m.lanes, m.speed_gbps, XPO_REACH_ANY, &fits);
	if (!fits) {
		if (list[0])
			xpo_msg(msg, len, "module supports %s; not %.16s", list,
				mode);
		else
			xpo_msg(msg, len, "module supports no %u-lane breakout; not %.16s",
				scope, mode);
		return -EOPNOTSUPP;
	}

	base = bank == XPO_APP_CAGE ? 0 : bank * CMIS_LANES_PER_BANK;
	memset(l, 0, sizeof(*l));
	l->num_ports = m.count;
	for (i = 0; i < m.count; i++) {
		l->ports[i].first_lane = base + i * m.lanes;
		l->ports[i].lanes = m.lanes;
		l->ports[i].speed_gbps = m.speed_gbps;
	}
	return xpo_app_layout_check(t, l, reach, msg, len);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_mode_check);

/**
 * xpo_app_reach_check() - pick, for every port of a layout, an application
 *	of a reach profile
 * @t: the module's applications
 * @profile: the profile's name (xpo_reach_parse())
 * @l: the ports, their AppSel set as xpo_app_layout_check()
 * @msg: if not NULL, why not
 * @len: size of @msg
 *
 * Return: as xpo_app_layout_check(); -EINVAL also for an unknown profile.
 */
int xpo_app_reach_check(const struct xpo_app_table *t, const char *profile,
			struct xpo_app_layout *l, char *msg, size_t len)
{
	char list[XPO_APP_MSG_LEN];
	int reach = xpo_reach_parse(profile);

	if (reach < 0) {
		xpo_app_reaches_str(t, list, sizeof(list));
		xpo_msg(msg, len, "unknown profile '%.16s'; module profiles: %s",
			profile, list);
		return -EINVAL;
	}
	return xpo_app_layout_check(t, l, reach, msg, len);
}
EXPORT_SYMBOL_IF_KUNIT(xpo_app_reach_check);
