// SPDX-License-Identifier: GPL-2.0
/*
 * CMIS memory decoder: see cmis_decode.h.  Offsets and codes come from
 * xpoctl's own cmis.h (the standard's, not the driver's private headers).
 */
#include <ctype.h>
#include <errno.h>
#include <string.h>

#include "cmis_decode.h"
#include "table.h"
#include "cmis.h"		/* xpoctl's own, not the driver's */
#include "util.h"

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* ASCII field: trailing spaces/NULs dropped, unprintable bytes shown as '?' */
static void ascii(char *dst, const uint8_t *src, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		dst[i] = isprint(src[i]) ? (char)src[i] : '?';
	while (len && (src[len - 1] == ' ' || src[len - 1] == 0))
		len--;
	dst[len] = '\0';
}

static uint8_t nibble(const uint8_t *bytes, unsigned int lane)
{
	return bytes[lane / 2] >> (lane & 1) * 4 & 0x0f;
}

static void decode_app(struct cmis_dec_app *a, const uint8_t *d)
{
	a->host_if = d[CMIS_APP_HOST_IF];
	a->media_if = d[CMIS_APP_MEDIA_IF];
	a->host_lanes = d[CMIS_APP_LANE_COUNTS] >> 4;
	a->media_lanes = d[CMIS_APP_LANE_COUNTS] & 0x0f;
	a->host_assign = d[CMIS_APP_HOST_LANE_ASSIGN];
}

static int read_bank(cmis_read_fn read, void *ctx, unsigned int b,
		     struct cmis_dec_bank *bk)
{
	uint8_t p10[128], p11[128];
	unsigned int l;
	int err;

	err = read(ctx, b, CMIS_PAGE_LANE_CTRL, 128, 128, p10);
	if (!err)
		err = read(ctx, b, CMIS_PAGE_LANE_STATUS, 128, 128, p11);
	if (err)
		return err;
#define P10(o) p10[(o) - 128]
#define P11(o) p11[(o) - 128]
	bk->tx_disable = P10(CMIS_P10_TX_DISABLE);
	bk->rx_output = P11(CMIS_P11_RX_OUTPUT_STATUS);
	bk->tx_output = P11(CMIS_P11_TX_OUTPUT_STATUS);
	for (l = 0; l < 8; l++) {
		bk->dp_state[l] = nibble(&P11(CMIS_P11_DP_STATE), l);
		bk->config_status[l] = nibble(&P11(CMIS_P11_CONFIG_STATUS), l);
		bk->active_appsel[l] = P11(CMIS_P11_ACTIVE_DPCONFIG + l) >> 4;
		bk->tx_power[l] = be16(&P11(CMIS_P11_TX_POWER + 2 * l));
		bk->tx_bias[l] = be16(&P11(CMIS_P11_TX_BIAS + 2 * l));
		bk->rx_power[l] = be16(&P11(CMIS_P11_RX_POWER + 2 * l));
	}
#undef P10
#undef P11
	return 0;
}

static void read_xpo(cmis_read_fn read, void *ctx, struct cmis_module *m)
{
	struct cmis_dec_xpo *x = &m->xpo;
	uint8_t p[128];
	unsigned int i;

	if (read(ctx, 0, XPO_PAGE_TELEMETRY, 128, 128, p))
		return;
#define PT(o) (&p[(o) - 128])
	x->valid = true;
	x->max_power = be16(PT(XPO_TLM_MAX_POWER));
	x->power = be16(PT(XPO_TLM_POWER));
	x->coolant_in = (int16_t)be16(PT(XPO_TLM_COOLANT_IN));
	x->coolant_out = (int16_t)be16(PT(XPO_TLM_COOLANT_OUT));
	x->flow = be16(PT(XPO_TLM_COOLANT_FLOW));
	x->status = *PT(XPO_TLM_STATUS);
	x->flags = *PT(XPO_TLM_FLAGS);
	x->engine_flags = *PT(XPO_TLM_ENGINE_FLAGS);
	x->engines = *PT(XPO_TLM_ENGINES);
	if (x->engines > CMIS_DEC_ENGINES_MAX)
		x->engines = CMIS_DEC_ENGINES_MAX;
	for (i = 0; i < x->engines; i++)
		x->engine_temp[i] =
			(int16_t)be16(PT(XPO_TLM_ENGINE_TEMP + 2 * i));
#undef PT
}

int cmis_decode(cmis_read_fn read, void *ctx, struct cmis_module *m)
{
	uint8_t lo[128], p00[128], p01[128], p02[128];
	unsigned int i, b;
	int err;

	memset(m, 0, sizeof(*m));
	err = read(ctx, 0, 0, 0, 128, lo);
	if (!err)
		err = read(ctx, 0, 0, 128, 128, p00);
	if (err)
		return err;

	m->id = lo[CMIS_ID];
	m->rev = lo[CMIS_REV];
	m->flat = lo[CMIS_MEM_CHAR] & CMIS_MEM_FLAT;
	m->state = (lo[CMIS_MODULE_STATE] & CMIS_MODULE_STATE_MASK) >> 1;
	m->intl_deasserted = lo[CMIS_MODULE_STATE] & CMIS_INT_DEASSERTED;
	m->fault_cause = lo[CMIS_FAULT_CAUSE];
	m->temp = (int16_t)be16(&lo[CMIS_TEMP]);
	m->vcc = be16(&lo[CMIS_VCC]);
	m->fw_major = lo[CMIS_FW_ACTIVE_MAJOR];
	m->fw_minor = lo[CMIS_FW_ACTIVE_MINOR];
	m->ctrl = lo[CMIS_MODULE_CTRL];
	m->media_type = lo[CMIS_MEDIA_TYPE];

#define P00(o) (&p00[(o) - 128])
	ascii(m->vendor, P00(CMIS_VENDOR_NAME), CMIS_VENDOR_NAME_LEN);
	memcpy(m->oui, P00(CMIS_VENDOR_OUI), 3);
	ascii(m->pn, P00(CMIS_VENDOR_PN), CMIS_VENDOR_PN_LEN);
	ascii(m->rev_str, P00(CMIS_VENDOR_REV), CMIS_VENDOR_REV_LEN);
	ascii(m->sn, P00(CMIS_VENDOR_SN), CMIS_VENDOR_SN_LEN);
	ascii(m->date, P00(CMIS_DATE_CODE), CMIS_DATE_CODE_LEN);
	if (lo[CMIS_MEM_CHAR] & CMIS_MEM_CLEI_PRESENT)
		ascii(m->clei, P00(CMIS_CLEI), CMIS_CLEI_LEN);
	m->power_class = ((*P00(CMIS_POWER_CLASS) & CMIS_POWER_CLASS_MASK) >> 5) + 1;
	m->max_power = *P00(CMIS_MAX_POWER);
	m->connector = *P00(CMIS_CONNECTOR);
	m->media_tech = *P00(CMIS_MEDIA_TECH);
#undef P00

	/* applications 1-8 from lower memory; a host ID of FFh ends the list */
	for (i = 0; i < CMIS_APP_DESC_LOWER_NUM; i++) {
		const uint8_t *d = &lo[CMIS_APP_DESC_LOWER + i * 4];

		if (d[CMIS_APP_HOST_IF] == CMIS_APP_HOST_IF_UNUSED)
			break;
		decode_app(&m->apps[m->napps++], d);
	}

	m->banks = 1;
	if (m->flat)
		return 0;

	if (!read(ctx, 0, 1, 128, 128, p01)) {
#define P01(o) (&p01[(o) - 128])
		m->has_p01 = true;
		m->fw_inactive_major = *P01(CMIS_P01_FW_INACTIVE_MAJOR);
		m->fw_inactive_minor = *P01(CMIS_P01_FW_INACTIVE_MINOR);
		m->hw_major = *P01(CMIS_P01_HW_MAJOR);
		m->hw_minor = *P01(CMIS_P01_HW_MINOR);
		m->banks = cmis_banks_from_p01(*P01(CMIS_P01_PAGES));
		m->mon_support = *P01(CMIS_P01_MON_SUPPORT);
		m->rx_power_avg = *P01(CMIS_P01_MODULE_CHAR) & CMIS_P01_RX_POWER_AVG;
		m->cdb_support = *P01(CMIS_P01_CDB_SUPPORT);
		if (m->napps == CMIS_APP_DESC_LOWER_NUM) {
			for (i = 0; i < CMIS_P01_APP_DESC_UPPER_NUM; i++) {
				const uint8_t *d = P01(CMIS_P01_APP_DESC_UPPER + i * 4);

				if (d[CMIS_APP_HOST_IF] == CMIS_APP_HOST_IF_UNUSED)
					break;
				decode_app(&m->apps[m->napps++], d);
			}
		}
		for (i = 0; i < (unsigned int)m->napps; i++)
			m->apps[i].media_assign =
				*P01(CMIS_P01_MEDIA_LANE_ASSIGN + i);
#undef P01
	}

	if (!read(ctx, 0, 2, 128, 128, p02)) {
		m->has_p02 = true;
		for (i = 0; i < 4; i++) {
			m->temp_thr[i] = (int16_t)be16(&p02[CMIS_P02_TEMP_HALARM - 128 + 2 * i]);
			m->vcc_thr[i] = be16(&p02[CMIS_P02_VCC_HALARM - 128 + 2 * i]);
		}
	}

	for (b = 0; b < m->banks && b < CMIS_DEC_BANKS_MAX; b++) {
		if (read_bank(read, ctx, b, &m->bank[b]))
			break;
		m->nbanks_read++;
	}

	if (m->id == SFF8024_ID_XPO)
		read_xpo(read, ctx, m);
	return 0;
}

struct code_name {
	uint8_t code;
	const char *name;
};

static const char *lookup(const struct code_name *t, size_t n, uint8_t code)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].code == code)
			return t[i].name;
	return NULL;
}

#define LOOKUP(t, c) lookup(t, sizeof(t) / sizeof((t)[0]), c)

static const struct code_name id_names[] = {
	{ SFF8024_ID_SFP, "SFP" },
	{ SFF8024_ID_QSFP, "QSFP" },
	{ SFF8024_ID_QSFP_PLUS, "QSFP+" },
	{ SFF8024_ID_QSFP28, "QSFP28" },
	{ SFF8024_ID_QSFP_DD, "QSFP-DD" },
	{ SFF8024_ID_OSFP, "OSFP" },
	{ SFF8024_ID_DSFP, "DSFP" },
	{ SFF8024_ID_QSFP_PLUS_CMIS, "QSFP+ CMIS" },
	{ SFF8024_ID_SFP_DD_CMIS, "SFP-DD CMIS" },
	{ SFF8024_ID_SFP_PLUS_CMIS, "SFP+ CMIS" },
	{ SFF8024_ID_OSFP_XD, "OSFP-XD" },
	{ SFF8024_ID_XPO, "XPO" },
};

const char *cmis_id_name(uint8_t id)
{
	const char *s = LOOKUP(id_names, id);

	return s ? s : "unknown";
}

const char *cmis_module_state_name(uint8_t code)
{
	/* the netlink spec's module-state names: one vocabulary for the
	 * kernel's attribute and the decoded 00h:3 */
	static const char *const n[] = {
		[CMIS_MODULE_LOWPWR] = "low-pwr",
		[CMIS_MODULE_PWRUP] = "pwr-up",
		[CMIS_MODULE_READY] = "ready",
		[CMIS_MODULE_PWRDN] = "pwr-dn",
		[CMIS_MODULE_FAULT] = "fault",
	};

	return code < sizeof(n) / sizeof(n[0]) && n[code] ? n[code] : "reserved";
}

/* 00h:41, why the module entered ModuleFault (CMIS 5.2, fault information) */
const char *cmis_fault_cause_name(uint8_t code)
{
	static const char *const n[] = {
		"none", "tec-runaway", "data-memory-corrupted",
		"program-memory-corrupted",
	};

	if (code < sizeof(n) / sizeof(n[0]))
		return n[code];
	/* 32-63 are the vendor's own codes, the rest reserved */
	return code >= 32 && code <= 63 ? "vendor-specific" : "reserved";
}

const char *cmis_dp_state_name(uint8_t code)
{
	static const char *const n[] = {
		[CMIS_DP_DEACTIVATED] = "deactivated",
		[CMIS_DP_INIT] = "init",
		[CMIS_DP_DEINIT] = "deinit",
		[CMIS_DP_ACTIVATED] = "activated",
		[CMIS_DP_TXTURNON] = "tx-turn-on",
		[CMIS_DP_TXTURNOFF] = "tx-turn-off",
		[CMIS_DP_INITIALIZED] = "initialized",
	};

	return code < sizeof(n) / sizeof(n[0]) && n[code] ? n[code] : "reserved";
}

const char *cmis_config_status_name(uint8_t code)
{
	static const struct code_name n[] = {
		{ CMIS_CONFIG_UNDEFINED, "undefined" },
		{ CMIS_CONFIG_SUCCESS, "success" },
		{ CMIS_CONFIG_REJECTED, "rejected" },
		{ CMIS_CONFIG_INVALID_APPSEL, "invalid-appsel" },
		{ CMIS_CONFIG_INVALID_DP, "invalid-dp" },
		{ CMIS_CONFIG_INVALID_SI, "invalid-si" },
		{ CMIS_CONFIG_LANES_IN_USE, "lanes-in-use" },
		{ CMIS_CONFIG_PARTIAL_DP, "partial-dp" },
		{ CMIS_CONFIG_IN_PROGRESS, "in-progress" },
	};
	const char *s = LOOKUP(n, code);

	return s ? s : "reserved";
}

/* SFF-8024 host electrical interface IDs (Table 4-5), the ones we meet */
const char *cmis_host_if_name(uint8_t code)
{
	static const struct code_name n[] = {
		{ 0x4b, "100GAUI-1-S C2M" },
		{ 0x4c, "100GAUI-1-L C2M" },
		{ 0x4d, "200GAUI-2-S C2M" },
		{ 0x4e, "200GAUI-2-L C2M" },
		{ 0x4f, "400GAUI-4-S C2M" },
		{ 0x50, "400GAUI-4-L C2M" },
		{ 0x51, "800GAUI-8 S C2M" },
		{ 0x52, "800GAUI-8 L C2M" },
		{ 0x80, "200GAUI-1 C2M" },
		{ 0x81, "400GAUI-2 C2M" },
		{ 0x82, "800GAUI-4 C2M" },
		{ 0x83, "1.6TAUI-8 C2M" },
	};

	return LOOKUP(n, code);
}

const char *cmis_media_type_name(uint8_t code)
{
	static const struct code_name n[] = {
		{ 0x00, "undefined" },
		{ 0x01, "optical MMF" },
		{ 0x02, "optical SMF" },
		{ 0x03, "passive copper" },
		{ 0x04, "active cable" },
		{ 0x05, "BASE-T" },
	};
	const char *s = LOOKUP(n, code);

	return s ? s : "reserved";
}

/* SMF media interface IDs (SFF-8024 Table 4-7), the ones we meet */
static const char *smf_media_if_name(uint8_t code)
{
	static const struct code_name n[] = {
		{ 0x14, "100GBASE-DR" },
		{ 0x1c, "400GBASE-DR4" },
		{ 0x56, "800GBASE-DR8" },
		{ 0x73, "200GBASE-DR1" },
		{ 0x75, "400GBASE-DR2" },
		{ 0x77, "800GBASE-DR4" },
		{ 0x7f, "1.6TBASE-DR8" },
	};

	return LOOKUP(n, code);
}

static const char *media_if_name(const struct cmis_module *m, uint8_t code)
{
	return m->media_type == 0x02 ? smf_media_if_name(code) : NULL;
}

static double temp_c(int16_t raw)
{
	return raw / 256.0;
}

/* Lane monitors: bias unit 2 uA times the 01h:160 b4-3 multiplier */
/* Tx bias: 2 uA a step, times the multiplier of 01h:160 b4-3 (CMIS 5.2) */
static unsigned int bias_ua(const struct cmis_module *m, uint16_t raw)
{
	unsigned int mul = 1U << ((m->mon_support & CMIS_P01_MON_TX_BIAS_MUL) >> 3);

	return raw * 2U * mul;
}

static double bias_ma(const struct cmis_module *m, uint16_t raw)
{
	return bias_ua(m, raw) / 1000.0;
}

/* optical power: 0.1 uW a step */
static unsigned int nw(uint16_t raw)
{
	return raw * 100U;
}

static double mw(uint16_t raw)
{
	return raw / 10000.0;
}

/* detail lines of module show */
#define line(out, label, ...)	print_kv(out, 22, label, __VA_ARGS__)

static void if_text(char *buf, size_t n, const char *name, uint8_t code)
{
	if (name)
		snprintf(buf, n, "%s", name);
	else
		snprintf(buf, n, "0x%02x", code);
}

static void print_apps_text(const struct cmis_module *m, FILE *out)
{
	static const char *const head[] = { "APP", "HOST INTERFACE", "MEDIA INTERFACE",
					    "HOST LANES", "MEDIA LANES", "HOST ASSIGN",
					    "MEDIA ASSIGN" };
	static const bool right[] = { true, false, false, true, true, false, false };
	struct table t;
	char a[40], b[40];
	int i;

	table_init(&t, 7, head, right);
	for (i = 0; i < m->napps; i++) {
		const struct cmis_dec_app *p = &m->apps[i];

		if_text(a, sizeof(a), cmis_host_if_name(p->host_if), p->host_if);
		if_text(b, sizeof(b), media_if_name(m, p->media_if), p->media_if);
		table_row(&t);
		table_cell(&t, "%d", i + 1);
		table_cell(&t, "%s", a);
		table_cell(&t, "%s", b);
		table_cell(&t, "%u", p->host_lanes);
		table_cell(&t, "%u", p->media_lanes);
		table_cell(&t, "0x%02x", p->host_assign);
		table_cell(&t, "0x%02x", p->media_assign);
	}
	table_print(&t, out);
	table_free(&t);
}

static void print_lanes_text(const struct cmis_module *m, FILE *out)
{
	static const char *const head[] = { "BANK", "LANE", "DATA PATH", "APP",
					    "CONFIG", "TX", "RX", "TX POWER",
					    "TX BIAS", "RX POWER" };
	static const bool right[] = { true, true, false, true, false, false,
				      false, true, true, true };
	struct table t;
	int b, l;

	table_init(&t, 10, head, right);
	for (b = 0; b < m->nbanks_read; b++) {
		const struct cmis_dec_bank *bk = &m->bank[b];

		for (l = 0; l < 8; l++) {
			table_row(&t);
			table_cell(&t, "%d", b);
			table_cell(&t, "%d", b * 8 + l);
			table_cell(&t, "%s", cmis_dp_state_name(bk->dp_state[l]));
			table_cell(&t, "%u", bk->active_appsel[l]);
			table_cell(&t, "%s", cmis_config_status_name(bk->config_status[l]));
			table_cell(&t, "%s", bk->tx_disable & (1U << l) ? "disabled" :
				   bk->tx_output & (1U << l) ? "on" : "off");
			table_cell(&t, "%s", bk->rx_output & (1U << l) ? "on" : "off");
			if (m->mon_support & CMIS_P01_MON_TX_POWER)
				table_cell(&t, "%.4f mW", mw(bk->tx_power[l]));
			else
				table_cell(&t, "-");
			if (m->mon_support & CMIS_P01_MON_TX_BIAS)
				table_cell(&t, "%.3f mA", bias_ma(m, bk->tx_bias[l]));
			else
				table_cell(&t, "-");
			if (m->mon_support & CMIS_P01_MON_RX_POWER)
				table_cell(&t, "%.4f mW", mw(bk->rx_power[l]));
			else
				table_cell(&t, "-");
		}
	}
	table_print(&t, out);
	table_free(&t);
}

void cmis_print_text(const struct cmis_module *m, FILE *out, bool lanes)
{
	const struct cmis_dec_xpo *x = &m->xpo;
	int i;

	line(out, "identifier:", "0x%02x (%s)", m->id, cmis_id_name(m->id));
	line(out, "cmis revision:", "%u.%u", m->rev >> 4, m->rev & 0xf);
	line(out, "vendor:", "%s", m->vendor);
	line(out, "vendor oui:", "%02x:%02x:%02x", m->oui[0], m->oui[1], m->oui[2]);
	line(out, "part number:", "%s", m->pn);
	line(out, "revision:", "%s", m->rev_str);
	line(out, "serial number:", "%s", m->sn);
	line(out, "date code:", "%s", m->date);
	if (m->clei[0])
		line(out, "clei:", "%s", m->clei);
	line(out, "module state:", "%s", cmis_module_state_name(m->state));
	if (m->state == CMIS_MODULE_FAULT)
		line(out, "fault cause:", "0x%02x (%s)", m->fault_cause,
		     cmis_fault_cause_name(m->fault_cause));
	line(out, "low power request:", "%s",
	     m->ctrl & CMIS_CTRL_LOWPWR_REQ_SW ? "yes (software)" : "no");
	line(out, "firmware active:", "%u.%u", m->fw_major, m->fw_minor);
	if (m->has_p01) {
		line(out, "firmware inactive:", "%u.%u", m->fw_inactive_major,
		     m->fw_inactive_minor);
		line(out, "hardware revision:", "%u.%u", m->hw_major, m->hw_minor);
	}
	line(out, "media type:", "%s", cmis_media_type_name(m->media_type));
	line(out, "memory:", "%s", m->flat ? "flat" : "paged");
	line(out, "banks:", "%u", m->banks);
	line(out, "power class:", "%u", m->power_class);
	if (m->max_power == 0xff && x->valid)
		line(out, "max power:", "%.2f W (telemetry page)", x->max_power / 100.0);
	else
		line(out, "max power:", "%.2f W", m->max_power / 4.0);
	line(out, "temperature:", "%.2f C", temp_c(m->temp));
	line(out, "supply voltage:", "%.4f V", m->vcc / 10000.0);
	if (m->has_p02) {
		line(out, "temperature alarms:", "low %.2f C, high %.2f C",
		     temp_c(m->temp_thr[1]), temp_c(m->temp_thr[0]));
		line(out, "temperature warnings:", "low %.2f C, high %.2f C",
		     temp_c(m->temp_thr[3]), temp_c(m->temp_thr[2]));
		line(out, "voltage alarms:", "low %.4f V, high %.4f V",
		     m->vcc_thr[1] / 10000.0, m->vcc_thr[0] / 10000.0);
	}
	if (x->valid) {
		line(out, "power draw:", "%.2f W", x->power / 100.0);
		line(out, "coolant inlet:", "%.2f C", temp_c(x->coolant_in));
		line(out, "coolant outlet:", "%.2f C", temp_c(x->coolant_out));
		line(out, "coolant flow:", "%.3f L/min", x->flow / 1000.0);
		line(out, "coolant leak:", "%s",
		     x->status & XPO_TLM_STATUS_LEAK ? "LEAK" : "no");
		line(out, "coolant flow low:", "%s",
		     x->status & XPO_TLM_STATUS_FLOW_LOW ? "yes" : "no");
		for (i = 0; i < x->engines; i++) {
			char label[32];

			snprintf(label, sizeof(label), "engine %d temperature:", i);
			line(out, label, "%.2f C", temp_c(x->engine_temp[i]));
		}
	}
	if (m->napps) {
		fputs("\napplications:\n", out);
		print_apps_text(m, out);
	}
	if (lanes && m->nbanks_read) {
		fputs("\nlanes:\n", out);
		print_lanes_text(m, out);
	}
}

void cmis_print_json(const struct cmis_module *m, struct jw *jw, bool lanes)
{
	const struct cmis_dec_xpo *x = &m->xpo;
	char s[32];
	int i, b, l;

	jw_obj_open(jw);
	jw_kv_uint(jw, "identifier", m->id);
	jw_kv_string(jw, "identifier_name", cmis_id_name(m->id));
	snprintf(s, sizeof(s), "%u.%u", m->rev >> 4, m->rev & 0xf);
	jw_kv_string(jw, "cmis_revision", s);
	jw_kv_string(jw, "vendor", m->vendor);
	snprintf(s, sizeof(s), "%02x:%02x:%02x", m->oui[0], m->oui[1], m->oui[2]);
	jw_kv_string(jw, "vendor_oui", s);
	jw_kv_string(jw, "part_number", m->pn);
	jw_kv_string(jw, "revision", m->rev_str);
	jw_kv_string(jw, "serial_number", m->sn);
	jw_kv_string(jw, "date_code", m->date);
	if (m->clei[0])
		jw_kv_string(jw, "clei", m->clei);
	jw_kv_string(jw, "module_state", cmis_module_state_name(m->state));
	jw_kv_uint(jw, "fault_cause", m->fault_cause);
	jw_kv_string(jw, "fault_cause_name", cmis_fault_cause_name(m->fault_cause));
	jw_kv_bool(jw, "low_power_request", m->ctrl & CMIS_CTRL_LOWPWR_REQ_SW);
	snprintf(s, sizeof(s), "%u.%u", m->fw_major, m->fw_minor);
	jw_kv_string(jw, "firmware_active", s);
	if (m->has_p01) {
		snprintf(s, sizeof(s), "%u.%u", m->fw_inactive_major, m->fw_inactive_minor);
		jw_kv_string(jw, "firmware_inactive", s);
		snprintf(s, sizeof(s), "%u.%u", m->hw_major, m->hw_minor);
		jw_kv_string(jw, "hardware_revision", s);
	}
	jw_kv_string(jw, "media_type", cmis_media_type_name(m->media_type));
	jw_kv_uint(jw, "media_type_id", m->media_type);
	jw_kv_bool(jw, "flat_memory", m->flat);
	jw_kv_uint(jw, "banks", m->banks);
	jw_kv_uint(jw, "power_class", m->power_class);
	jw_kv_float(jw, "max_power_w", m->max_power == 0xff && x->valid ?
		    x->max_power / 100.0 : m->max_power / 4.0, 2);
	jw_kv_float(jw, "temperature_c", temp_c(m->temp), 2);
	jw_kv_float(jw, "supply_voltage_v", m->vcc / 10000.0, 4);
	if (m->has_p02) {
		jw_name(jw, "thresholds");
		jw_obj_open(jw);
		jw_kv_float(jw, "temperature_high_alarm_c", temp_c(m->temp_thr[0]), 2);
		jw_kv_float(jw, "temperature_low_alarm_c", temp_c(m->temp_thr[1]), 2);
		jw_kv_float(jw, "temperature_high_warning_c", temp_c(m->temp_thr[2]), 2);
		jw_kv_float(jw, "temperature_low_warning_c", temp_c(m->temp_thr[3]), 2);
		jw_kv_float(jw, "voltage_high_alarm_v", m->vcc_thr[0] / 10000.0, 4);
		jw_kv_float(jw, "voltage_low_alarm_v", m->vcc_thr[1] / 10000.0, 4);
		jw_kv_float(jw, "voltage_high_warning_v", m->vcc_thr[2] / 10000.0, 4);
		jw_kv_float(jw, "voltage_low_warning_v", m->vcc_thr[3] / 10000.0, 4);
		jw_obj_close(jw);
	}
	if (x->valid) {
		jw_name(jw, "xpo");
		jw_obj_open(jw);
		jw_kv_float(jw, "power_draw_w", x->power / 100.0, 2);
		jw_kv_float(jw, "max_power_w", x->max_power / 100.0, 2);
		jw_kv_float(jw, "coolant_inlet_c", temp_c(x->coolant_in), 2);
		jw_kv_float(jw, "coolant_outlet_c", temp_c(x->coolant_out), 2);
		jw_kv_uint(jw, "coolant_flow_ml_min", x->flow);
		jw_kv_bool(jw, "leak", x->status & XPO_TLM_STATUS_LEAK);
		jw_kv_bool(jw, "flow_low", x->status & XPO_TLM_STATUS_FLOW_LOW);
		jw_kv_uint(jw, "flags", x->flags);
		jw_name(jw, "engine_temperatures_c");
		jw_arr_open(jw);
		for (i = 0; i < x->engines; i++)
			jw_float(jw, temp_c(x->engine_temp[i]), 2);
		jw_arr_close(jw);
		jw_obj_close(jw);
	}
	jw_name(jw, "applications");
	jw_arr_open(jw);
	for (i = 0; i < m->napps; i++) {
		const struct cmis_dec_app *p = &m->apps[i];
		const char *hn = cmis_host_if_name(p->host_if);
		const char *mn = media_if_name(m, p->media_if);

		jw_obj_open(jw);
		jw_kv_uint(jw, "app", i + 1);
		/* codes are numbers, as cage show has them; names beside */
		jw_kv_uint(jw, "host_interface_id", p->host_if);
		if (hn)
			jw_kv_string(jw, "host_interface", hn);
		jw_kv_uint(jw, "media_interface_id", p->media_if);
		if (mn)
			jw_kv_string(jw, "media_interface", mn);
		jw_kv_uint(jw, "host_lanes", p->host_lanes);
		jw_kv_uint(jw, "media_lanes", p->media_lanes);
		jw_kv_uint(jw, "host_lane_assignment", p->host_assign);
		jw_kv_uint(jw, "media_lane_assignment", p->media_assign);
		jw_obj_close(jw);
	}
	jw_arr_close(jw);
	if (lanes) {
		jw_name(jw, "lanes");
		jw_arr_open(jw);
		for (b = 0; b < m->nbanks_read; b++) {
			const struct cmis_dec_bank *bk = &m->bank[b];

			for (l = 0; l < 8; l++) {
				jw_obj_open(jw);
				jw_kv_uint(jw, "bank", b);
				jw_kv_uint(jw, "lane", b * 8 + l);
				jw_kv_string(jw, "data_path_state",
					     cmis_dp_state_name(bk->dp_state[l]));
				jw_kv_uint(jw, "appsel", bk->active_appsel[l]);
				jw_kv_string(jw, "config_status",
					     cmis_config_status_name(bk->config_status[l]));
				jw_kv_bool(jw, "tx_disabled", bk->tx_disable & (1U << l));
				jw_kv_bool(jw, "tx_output", bk->tx_output & (1U << l));
				jw_kv_bool(jw, "rx_output", bk->rx_output & (1U << l));
				/* cage lanes' keys and units: exact integers */
				if (m->mon_support & CMIS_P01_MON_TX_POWER)
					jw_kv_uint(jw, "tx_power_nw", nw(bk->tx_power[l]));
				if (m->mon_support & CMIS_P01_MON_TX_BIAS)
					jw_kv_uint(jw, "tx_bias_ua", bias_ua(m, bk->tx_bias[l]));
				if (m->mon_support & CMIS_P01_MON_RX_POWER)
					jw_kv_uint(jw, "rx_power_nw", nw(bk->rx_power[l]));
				jw_obj_close(jw);
			}
		}
		jw_arr_close(jw);
	}
	jw_obj_close(jw);
}
