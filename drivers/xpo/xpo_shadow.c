// SPDX-License-Identifier: GPL-2.0
/*
 * The shadow of a module's clear-on-read bytes (xpo_shadow.h).
 */
#include <linux/bitops.h>
#include <linux/string.h>

#include "xpo_shadow.h"

/**
 * xpo_shadow_index() - where a byte of module memory sits in the shadow
 * @bank: bank, for banked pages
 * @page: page, for offsets 128-255
 * @offset: 0-255
 *
 * The latched bytes: 00h:8-13 (module flags, CMIS 5.2 8.2.4-8.2.6), the XPO
 * model's B0h:139-140 (coolant and engine flags, xpo_model.h) and 11h:134-152
 * of each bank (lane flags, CMIS 5.2 8.9.3).
 *
 * Return: the index, or -1 for a byte that does not clear on read.
 */
int xpo_shadow_index(u8 bank, u8 page, unsigned int offset)
{
	if (offset < CMIS_UPPER_OFFSET) {
		if (offset >= CMIS_MODULE_FLAGS &&
		    offset < CMIS_MODULE_FLAGS + XPO_SHADOW_MODULE_LEN)
			return XPO_SHADOW_MODULE + offset - CMIS_MODULE_FLAGS;
		return -1;
	}
	if (page == XPO_PAGE_TELEMETRY && offset >= XPO_TLM_FLAGS &&
	    offset < XPO_TLM_FLAGS + XPO_SHADOW_TLM_LEN)
		return XPO_SHADOW_TLM + offset - XPO_TLM_FLAGS;
	if (page == CMIS_PAGE_LANE_STATUS && bank < XPO_BANKS &&
	    offset >= CMIS_P11_LANE_FLAGS &&
	    offset < CMIS_P11_LANE_FLAGS + CMIS_P11_LANE_FLAGS_LEN)
		return XPO_SHADOW_LANES + bank * CMIS_P11_LANE_FLAGS_LEN +
		       offset - CMIS_P11_LANE_FLAGS;
	return -1;
}

/**
 * xpo_shadow_read() - pass a read of module memory through the shadow
 * @sh: the shadow
 * @reader: who read
 * @bank: bank of the read
 * @page: page of the read
 * @offset: first byte
 * @buf: in, the bytes as the module returned them; out, as @reader sees
 *       them: with the bits that latched since it last looked
 * @len: bytes
 *
 * Every latched bit read is kept for every other client.
 * Return: the clients that got new bits (BIT(enum xpo_client)).
 */
u32 xpo_shadow_read(struct xpo_shadow *sh, enum xpo_client reader, u8 bank,
		    u8 page, unsigned int offset, u8 *buf, size_t len)
{
	unsigned int i, c;
	u32 fresh = 0;
	int k;

	for (i = 0; i < len; i++) {
		k = xpo_shadow_index(bank, page, offset + i);
		if (k < 0)
			continue;
		for (c = 0; buf[i] && c < XPO_CLIENT_NUM; c++) {
			if (c == reader)
				continue;
			if (buf[i] & ~sh->pending[c][k])
				fresh |= BIT(c);
			sh->pending[c][k] |= buf[i];
		}
		buf[i] |= sh->pending[reader][k];
		sh->pending[reader][k] = 0;
	}
	return fresh;
}

/**
 * xpo_shadow_take() - what latched for a client that does not read itself
 * @sh: the shadow
 * @client: the client
 * @bank: bank
 * @page: page
 * @offset: first byte
 * @buf: set to the client's pending bits of those bytes (0 for bytes that
 *       do not latch)
 * @len: bytes
 * @clear: clear them (false: only look)
 *
 * Return: any bit was set.
 */
bool xpo_shadow_take(struct xpo_shadow *sh, enum xpo_client client, u8 bank,
		     u8 page, unsigned int offset, u8 *buf, size_t len,
		     bool clear)
{
	bool any = false;
	unsigned int i;
	int k;

	for (i = 0; i < len; i++) {
		k = xpo_shadow_index(bank, page, offset + i);
		buf[i] = k < 0 ? 0 : sh->pending[client][k];
		if (k >= 0 && clear)
			sh->pending[client][k] = 0;
		any |= buf[i];
	}
	return any;
}

/* The module is gone or was reset: what it latched means nothing now */
void xpo_shadow_clear(struct xpo_shadow *sh)
{
	memset(sh->pending, 0, sizeof(sh->pending));
}
