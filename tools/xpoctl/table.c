// SPDX-License-Identifier: GPL-2.0
/* Aligned text tables: see table.h. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "table.h"
#include "util.h"

void table_init(struct table *t, int ncols, const char *const *head,
		const bool *right)
{
	int i;

	memset(t, 0, sizeof(*t));
	if (ncols > TABLE_MAX_COLS)
		ncols = TABLE_MAX_COLS;
	t->ncols = ncols;
	for (i = 0; i < ncols; i++) {
		t->head[i] = head[i];
		t->right[i] = right ? right[i] : false;
	}
	t->col = ncols;
}

void table_row(struct table *t)
{
	int i;

	/* a short previous row is padded with empty cells */
	while (t->nrows && t->col < t->ncols)
		table_cell(t, "%s", "");
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->cells = xrealloc(t->cells,
				    sizeof(char *) * t->cap * t->ncols);
	}
	for (i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = NULL;
	t->nrows++;
	t->col = 0;
}

void table_cell(struct table *t, const char *fmt, ...)
{
	va_list ap;
	char *s;

	if (!t->nrows || t->col >= t->ncols)
		return;
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		die_oom();
	va_end(ap);
	t->cells[(t->nrows - 1) * t->ncols + t->col++] = s;
}

static const char *cell(const struct table *t, int r, int c)
{
	const char *s = t->cells[r * t->ncols + c];

	return s ? s : "";
}

static void print_line(const struct table *t, FILE *out, const int *w,
		       const char *const *v)
{
	int c, last = t->ncols - 1;
	char *line = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&line, &len);

	if (!f)
		die_oom();
	for (c = 0; c < t->ncols; c++) {
		bool end = c == last;

		if (t->right[c])
			fprintf(f, "%*s", w[c], v[c]);
		else if (end)
			fputs(v[c], f);
		else
			fprintf(f, "%-*s", w[c], v[c]);
		if (!end)
			fputs("  ", f);
	}
	fclose(f);
	/* empty trailing cells leave blanks: none at the end of a line */
	while (len && line[len - 1] == ' ')
		line[--len] = '\0';
	if (t->width > 3 && len > (size_t)t->width)
		strcpy(line + t->width - 3, "...");
	fprintf(out, "%s\n", line);
	free(line);
}

void table_print(const struct table *t, FILE *out)
{
	int w[TABLE_MAX_COLS] = { 0 };
	const char *v[TABLE_MAX_COLS];
	int r, c;

	for (c = 0; c < t->ncols; c++)
		w[c] = strlen(t->head[c]);
	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++)
			if ((int)strlen(cell(t, r, c)) > w[c])
				w[c] = strlen(cell(t, r, c));
	print_line(t, out, w, t->head);
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++)
			v[c] = cell(t, r, c);
		print_line(t, out, w, v);
	}
}

int table_term_width(FILE *out)
{
	struct winsize ws;
	const char *e;

	if (isatty(fileno(out)) && !ioctl(fileno(out), TIOCGWINSZ, &ws) &&
	    ws.ws_col)
		return ws.ws_col;
	e = getenv("COLUMNS");
	if (e && atoi(e) > 0)
		return atoi(e);
	return 0;
}

void table_free(struct table *t)
{
	int i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	t->cells = NULL;
	t->nrows = t->cap = 0;
}
