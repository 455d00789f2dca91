// SPDX-License-Identifier: GPL-2.0
/* Streaming JSON writer: see json_writer.h. */
#include <math.h>
#include <string.h>

#include "json_writer.h"

void jw_init(struct jw *jw, FILE *out, bool pretty)
{
	memset(jw, 0, sizeof(*jw));
	jw->out = out;
	jw->pretty = pretty;
}

static void jw_indent(struct jw *jw)
{
	int i;

	if (!jw->pretty)
		return;
	fputc('\n', jw->out);
	for (i = 0; i < jw->depth; i++)
		fputs("    ", jw->out);
}

/* Separator before a new member or array element. */
static void jw_sep(struct jw *jw)
{
	if (jw->after_name) {
		jw->after_name = false;
		return;
	}
	if (jw->depth > 0) {
		if (jw->nonempty[jw->depth - 1])
			fputc(',', jw->out);
		jw->nonempty[jw->depth - 1] = true;
		jw_indent(jw);
	}
}

static void jw_puts_escaped(struct jw *jw, const char *s, size_t len)
{
	size_t i;

	fputc('"', jw->out);
	for (i = 0; i < len; i++) {
		unsigned char c = s[i];

		switch (c) {
		case '"':
			fputs("\\\"", jw->out);
			break;
		case '\\':
			fputs("\\\\", jw->out);
			break;
		case '\n':
			fputs("\\n", jw->out);
			break;
		case '\r':
			fputs("\\r", jw->out);
			break;
		case '\t':
			fputs("\\t", jw->out);
			break;
		case '\b':
			fputs("\\b", jw->out);
			break;
		case '\f':
			fputs("\\f", jw->out);
			break;
		default:
			/*
			 * Control bytes and anything outside ASCII: module
			 * EEPROM strings are meant to be ASCII, and a byte
			 * above 0x7e is not valid UTF-8 on its own, so it is
			 * written as its code point rather than raw.
			 */
			if (c < 0x20 || c >= 0x7f)
				fprintf(jw->out, "\\u%04x", c);
			else
				fputc(c, jw->out);
		}
	}
	fputc('"', jw->out);
}

void jw_name(struct jw *jw, const char *name)
{
	jw_sep(jw);
	jw_puts_escaped(jw, name, strlen(name));
	fputs(jw->pretty ? ": " : ":", jw->out);
	jw->after_name = true;
}

static void jw_open(struct jw *jw, char c)
{
	jw_sep(jw);
	fputc(c, jw->out);
	if (jw->depth < JW_MAX_DEPTH)
		jw->nonempty[jw->depth] = false;
	jw->depth++;
}

static void jw_close(struct jw *jw, char c)
{
	bool had = jw->depth > 0 && jw->depth <= JW_MAX_DEPTH &&
		   jw->nonempty[jw->depth - 1];

	jw->depth--;
	if (had)
		jw_indent(jw);
	fputc(c, jw->out);
}

void jw_obj_open(struct jw *jw)
{
	jw_open(jw, '{');
}

void jw_obj_close(struct jw *jw)
{
	jw_close(jw, '}');
}

void jw_arr_open(struct jw *jw)
{
	jw_open(jw, '[');
}

void jw_arr_close(struct jw *jw)
{
	jw_close(jw, ']');
}

void jw_string_len(struct jw *jw, const char *s, size_t len)
{
	jw_sep(jw);
	jw_puts_escaped(jw, s, len);
}

void jw_string(struct jw *jw, const char *s)
{
	if (!s) {
		jw_null(jw);
		return;
	}
	jw_string_len(jw, s, strlen(s));
}

void jw_uint(struct jw *jw, uint64_t v)
{
	jw_sep(jw);
	fprintf(jw->out, "%llu", (unsigned long long)v);
}

void jw_int(struct jw *jw, int64_t v)
{
	jw_sep(jw);
	fprintf(jw->out, "%lld", (long long)v);
}

void jw_float(struct jw *jw, double v, int decimals)
{
	/* JSON has no NaN or infinity */
	if (!isfinite(v)) {
		jw_null(jw);
		return;
	}
	jw_sep(jw);
	fprintf(jw->out, "%.*f", decimals, v);
}

void jw_bool(struct jw *jw, bool v)
{
	jw_sep(jw);
	fputs(v ? "true" : "false", jw->out);
}

void jw_null(struct jw *jw)
{
	jw_sep(jw);
	fputs("null", jw->out);
}

void jw_end(struct jw *jw)
{
	fputc('\n', jw->out);
	fflush(jw->out);
}
