/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Unit test helpers: cmocka plus golden files and captured module memory.
 */
#ifndef XPOCTL_TEST_HARNESS_H
#define XPOCTL_TEST_HARNESS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

/*
 * Compare @actual with tests/golden/@name.  XPOCTL_UPDATE_GOLDEN=1 rewrites
 * the golden file instead; a mismatch leaves the output in tests/out/@name.
 */
void golden_check(const char *name, const char *actual);

/* Capture what @fn prints into a string (caller frees) */
struct capture {
	FILE *f;
	char *buf;
	size_t len;
};
void capture_begin(struct capture *c);
char *capture_end(struct capture *c);

/*
 * Module memory as the emulator's debugfs cage<N>/mem prints it: sections
 * "lower:", "page XXh:" and "page XXh bank N:", 8 lines of 16 bytes each.
 */
#define MEMDUMP_MAX 64
struct memdump {
	int n;
	struct {
		unsigned int page, bank;
		bool lower;
		uint8_t b[128];
	} sec[MEMDUMP_MAX];
};

int memdump_load(const char *path, struct memdump *d);
/* cmis_read_fn over a memdump: -ENOENT for a page it lacks */
int memdump_read(void *ctx, unsigned int bank, unsigned int page,
		 unsigned int offset, unsigned int len, uint8_t *buf);

#endif
