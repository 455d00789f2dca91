// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void die_oom(void)
{
	fputs("xpoctl: out of memory\n", stderr);
	exit(XE_FAIL);
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p && n)
		die_oom();
	return p;
}

void *xzalloc(size_t n)
{
	void *p = calloc(1, n);

	if (!p)
		die_oom();
	return p;
}

bool matches(const char *arg, const char *word)
{
	size_t n = strlen(arg);

	return n && n <= strlen(word) && !strncmp(arg, word, n);
}

int kw_lookup(const char *arg, const struct kw *kw, char *cands, size_t len)
{
	size_t n = strlen(arg), o = 0;
	int i, found = KW_UNKNOWN, accepted = 0;

	if (cands && len)
		cands[0] = '\0';
	if (!n)
		return KW_UNKNOWN;
	for (i = 0; kw[i].name; i++)
		if (!strcmp(arg, kw[i].name))
			return i;
	for (i = 0; kw[i].name; i++) {
		if (!matches(arg, kw[i].name))
			continue;
		if (cands && o < len)
			o += snprintf(cands + o, len - o, "%s%s", o ? ", " : "",
				      kw[i].name);
		if (kw[i].abbrev && n >= kw[i].abbrev) {
			accepted++;
			found = i;
		} else if (found == KW_UNKNOWN) {
			found = KW_SPELL_OUT;
		}
	}
	if (accepted > 1)
		return KW_AMBIGUOUS;
	return found;
}

int word_lookup(const char *arg, const char *const *words)
{
	int i;

	for (i = 0; words[i]; i++)
		if (!strcmp(arg, words[i]))
			return i;
	return KW_UNKNOWN;
}

bool parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	if (!s || !*s || *s == '-' || *s == '+' || *s == ' ')
		return false;
	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || *end || v > max)
		return false;
	*out = v;
	return true;
}

const char *cage_ref_name(uint32_t board, uint32_t id, char *buf, size_t len)
{
	if (board)
		snprintf(buf, len, "%u/%u", board, id);
	else
		snprintf(buf, len, "%u", id);
	return buf;
}

/* one decimal number at *s, no sign, no leading zero but "0" itself */
static bool take_num(const char **s, unsigned long *v)
{
	const char *p = *s;
	char *end;

	if (*p < '0' || *p > '9' || (p[0] == '0' && p[1] >= '0' && p[1] <= '9'))
		return false;
	errno = 0;
	*v = strtoul(p, &end, 10);
	if (errno || *v > UINT32_MAX)
		return false;
	*s = end;
	return true;
}

bool port_name_cage(const char *ifname, uint32_t *board, uint32_t *id)
{
	unsigned long b = 0, c, port;
	const char *s = ifname;

	if (strncmp(s, "xpo", 3))
		return false;
	s += 3;
	if (*s == 'b') {
		s++;
		if (!take_num(&s, &b) || *s++ != 'c')
			return false;
	}
	if (!take_num(&s, &c) || *s++ != 'p' || !take_num(&s, &port) || *s)
		return false;
	*board = b;
	*id = c;
	return true;
}

void hexdump(FILE *out, const uint8_t *buf, unsigned int base,
	     unsigned int len)
{
	unsigned int i;

	for (i = 0; i < len; i++) {
		if (!(i % 16))
			fprintf(out, "%s0x%04x: ", i ? "\n" : "", base + i);
		fprintf(out, " %02x", buf[i]);
	}
	if (len)
		fputc('\n', out);
}

void print_kv(FILE *out, int width, const char *label, const char *fmt, ...)
{
	va_list ap;

	fprintf(out, "  %-*s ", width, label);
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
	fputc('\n', out);
}
