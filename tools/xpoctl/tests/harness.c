// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"

#ifndef TESTDIR
#define TESTDIR "tests"
#endif

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc(n + 1);
	if (buf && fread(buf, 1, n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = '\0';
	fclose(f);
	return buf;
}

static void spit(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(s, f);
	fclose(f);
}

void golden_check(const char *name, const char *actual)
{
	char path[512], out[512];
	const char *upd = getenv("XPOCTL_UPDATE_GOLDEN");
	char *want;

	snprintf(path, sizeof(path), "%s/golden/%s", TESTDIR, name);
	if (upd && *upd == '1') {
		spit(path, actual);
		return;
	}
	want = slurp(path);
	if (!want)
		fail_msg("no golden file %s (XPOCTL_UPDATE_GOLDEN=1 creates it)", path);
	if (strcmp(want, actual)) {
		mkdir(TESTDIR "/out", 0755);
		snprintf(out, sizeof(out), "%s/out/%s", TESTDIR, name);
		spit(out, actual);
		free(want);
		fail_msg("output differs from %s: diff -u %s %s", path, path, out);
	}
	free(want);
}

void capture_begin(struct capture *c)
{
	memset(c, 0, sizeof(*c));
	c->f = open_memstream(&c->buf, &c->len);
	assert_non_null(c->f);
}

char *capture_end(struct capture *c)
{
	fclose(c->f);
	return c->buf;
}

int memdump_load(const char *path, struct memdump *d)
{
	FILE *f = fopen(path, "r");
	char line[256];
	int cur = -1;

	if (!f)
		return -errno;
	memset(d, 0, sizeof(*d));
	while (fgets(line, sizeof(line), f)) {
		unsigned int page, bank, off, v[16], i;

		if (!strncmp(line, "lower:", 6)) {
			cur = d->n++;
			d->sec[cur].lower = true;
		} else if (sscanf(line, "page %xh bank %u:", &page, &bank) == 2 ||
			   (bank = 0, sscanf(line, "page %xh:", &page) == 1)) {
			if (d->n == MEMDUMP_MAX)
				break;
			cur = d->n++;
			d->sec[cur].page = page;
			d->sec[cur].bank = bank;
		} else if (cur >= 0 &&
			   sscanf(line, "%x: %x %x %x %x %x %x %x %x %x %x %x %x %x %x %x %x",
				  &off, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6],
				  &v[7], &v[8], &v[9], &v[10], &v[11], &v[12], &v[13],
				  &v[14], &v[15]) == 17) {
			for (i = 0; i < 16; i++)
				d->sec[cur].b[(off & 0x7f) + i] = v[i];
		}
	}
	fclose(f);
	return 0;
}

int memdump_read(void *ctx, unsigned int bank, unsigned int page,
		 unsigned int offset, unsigned int len, uint8_t *buf)
{
	struct memdump *d = ctx;
	bool lower = offset < 128;
	int i;

	if (offset + len > (lower ? 128U : 256U))
		return -EINVAL;
	for (i = 0; i < d->n; i++) {
		if (lower != d->sec[i].lower)
			continue;
		if (!lower && (d->sec[i].page != page || d->sec[i].bank != bank))
			continue;
		memcpy(buf, d->sec[i].b + (offset & 0x7f), len);
		return 0;
	}
	return -ENOENT;
}
