/* SPDX-License-Identifier: GPL-2.0 */
#ifndef XPOCTL_UTIL_H
#define XPOCTL_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Exit codes, documented in xpoctl(8). */
enum {
	XE_OK = 0,
	XE_FAIL = 1,
	XE_USAGE = 2,
	XE_PARTIAL = 3,
	XE_DRIVER = 4,
	XE_PERM = 5,
};

void die_oom(void) __attribute__((noreturn));
void *xrealloc(void *p, size_t n);
void *xzalloc(size_t n);

/* ip(8)-style keyword match: @arg is a non-empty prefix of @word */
bool matches(const char *arg, const char *word);
/*
 * Keyword tables: @abbrev is the shortest prefix the keyword accepts (the
 * man page promises each one); 0 means the whole word only, the default
 * for keywords that change state, so that "xpoctl cage set 3 r" can never
 * mean reset.  NULL name ends a table.
 */
struct kw {
	const char *name;
	unsigned int abbrev;
};

enum {
	KW_UNKNOWN = -1,	/* no keyword starts with @arg */
	KW_AMBIGUOUS = -2,	/* more than one keyword accepts @arg */
	KW_SPELL_OUT = -3,	/* only keywords that must be written out match */
};

/*
 * Index of @arg in @kw: an exact name, else the one keyword that accepts
 * @arg as an abbreviation.  Otherwise a KW_* error, with the keywords @arg
 * is a prefix of written to @cands ("reset, rearm") for the message.
 */
int kw_lookup(const char *arg, const struct kw *kw, char *cands, size_t len);
/* the same for a NULL-terminated list of names, all to be written out */
int word_lookup(const char *arg, const char *const *words);

/* strict unsigned parse, any base prefix (0x..); false on junk/overflow */
bool parse_uint(const char *s, unsigned long max, unsigned long *out);

#include <stdint.h>
#include <stdio.h>

/*
 * A cage as the kernel names it in its messages and tables: "3" for cage 3
 * of board 0, "1/3" for cage 3 of board 1.  The one place that spells it,
 * so that the tables, the messages and the parser (B/N) cannot disagree.
 */
#define CAGE_NAME_LEN 24	/* "4294967295/4294967295" */
const char *cage_ref_name(uint32_t board, uint32_t id, char *buf, size_t len);

/*
 * The cage of a port netdev from its name (drivers/xpo/xpo_port.c):
 * xpo<cage>p<port> on board 0, xpob<board>c<cage>p<port> on the others.
 * False for any other name.
 */
bool port_name_cage(const char *ifname, uint32_t *board, uint32_t *id);

/* 16 bytes a line, "0x0080:  00 01 ...", the offset of the first byte @base */
void hexdump(FILE *out, const uint8_t *buf, unsigned int base,
	     unsigned int len);

/* "  LABEL   value\n", the label padded to @width: detail views */
void print_kv(FILE *out, int width, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
