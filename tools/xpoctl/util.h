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
/* strict unsigned parse, any base prefix (0x..); false on junk/overflow */
bool parse_uint(const char *s, unsigned long max, unsigned long *out);

#include <stdint.h>
#include <stdio.h>

/* 16 bytes a line, "0x0080:  00 01 ...", the offset of the first byte @base */
void hexdump(FILE *out, const uint8_t *buf, unsigned int base,
	     unsigned int len);

/* "  LABEL   value\n", the label padded to @width: detail views */
void print_kv(FILE *out, int width, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
