/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small streaming JSON writer, after iproute2's json_writer.c: the caller
 * opens and closes objects and arrays, the writer places commas, escapes
 * strings and indents when pretty, so the output is valid JSON whatever the
 * values hold.
 */
#ifndef XPOCTL_JSON_WRITER_H
#define XPOCTL_JSON_WRITER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JW_MAX_DEPTH 32

struct jw {
	FILE *out;
	bool pretty;
	int depth;
	/* per level: has a member been written yet (comma needed)? */
	bool nonempty[JW_MAX_DEPTH];
	/* a name was just written; the next value follows it */
	bool after_name;
};

void jw_init(struct jw *jw, FILE *out, bool pretty);
void jw_name(struct jw *jw, const char *name);
void jw_obj_open(struct jw *jw);
void jw_obj_close(struct jw *jw);
void jw_arr_open(struct jw *jw);
void jw_arr_close(struct jw *jw);
void jw_string(struct jw *jw, const char *s);
void jw_string_len(struct jw *jw, const char *s, size_t len);
void jw_uint(struct jw *jw, uint64_t v);
void jw_int(struct jw *jw, int64_t v);
void jw_float(struct jw *jw, double v, int decimals);
void jw_bool(struct jw *jw, bool v);
void jw_null(struct jw *jw);
/* end of the document: a newline */
void jw_end(struct jw *jw);

/* name + value helpers */
static inline void jw_kv_string(struct jw *jw, const char *k, const char *v)
{
	jw_name(jw, k);
	jw_string(jw, v);
}

static inline void jw_kv_uint(struct jw *jw, const char *k, uint64_t v)
{
	jw_name(jw, k);
	jw_uint(jw, v);
}

static inline void jw_kv_int(struct jw *jw, const char *k, int64_t v)
{
	jw_name(jw, k);
	jw_int(jw, v);
}

static inline void jw_kv_float(struct jw *jw, const char *k, double v, int dec)
{
	jw_name(jw, k);
	jw_float(jw, v, dec);
}

static inline void jw_kv_bool(struct jw *jw, const char *k, bool v)
{
	jw_name(jw, k);
	jw_bool(jw, v);
}

#endif
