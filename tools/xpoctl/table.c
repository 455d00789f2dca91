// SPDX-License-Identifier: GPL-2.0
/* Aligned text tables: see table.h. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <libsmartcols.h>

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

/* each line without the blanks a short row leaves at its end */
static void print_trimmed(FILE *out, const char *text)
{
	const char *l = text;

	while (*l) {
		size_t len = strcspn(l, "\n"), end = len;

		while (end && l[end - 1] == ' ')
			end--;
		fprintf(out, "%.*s\n", (int)end, l);
		l += len + (l[len] == '\n');
	}
}

/*
 * Printed by libsmartcols (util-linux), as lsblk and findmnt print theirs:
 * two blanks between columns, numbers right-aligned, no trailing blanks,
 * and with a width (a terminal's, or $COLUMNS) the free-text last column
 * is truncated to fit.  A pipe or a file gets whole lines.
 */
void table_print(const struct table *t, FILE *out)
{
	struct libscols_table *tb = scols_new_table();
	int r, c, shown[TABLE_MAX_COLS], n = 0;
	char *text = NULL;

	if (!tb)
		die_oom();
	if (table_select((struct table *)t, table_columns)) {
		scols_unref_table(tb);
		exit(2);	/* XE_USAGE: the message is out */
	}
	for (c = 0; c < t->ncols; c++)
		if (!t->hidden[c])
			shown[n++] = c;
	scols_table_set_column_separator(tb, "  ");
	if (t->width > 0) {
		scols_table_set_termforce(tb, SCOLS_TERMFORCE_ALWAYS);
		scols_table_set_termwidth(tb, t->width);
		/* the table's own width, not more */
		scols_table_reduce_termwidth(tb, 0);
	} else {
		scols_table_set_termforce(tb, SCOLS_TERMFORCE_NEVER);
	}
	for (c = 0; c < n; c++) {
		int fl = t->right[shown[c]] ? SCOLS_FL_RIGHT : 0;

		if (c == n - 1 && !t->right[shown[c]])
			fl |= SCOLS_FL_TRUNC;
		if (!scols_table_new_column(tb, t->head[shown[c]], 0, fl))
			die_oom();
	}
	for (r = 0; r < t->nrows; r++) {
		struct libscols_line *ln = scols_table_new_line(tb, NULL);

		if (!ln)
			die_oom();
		for (c = 0; c < n; c++)
			if (scols_line_set_data(ln, c, cell(t, r, shown[c])))
				die_oom();
	}
	if (!t->nrows) {
		/* libsmartcols prints nothing for no lines: the headings */
		for (c = 0; c < n; c++)
			fprintf(out, "%s%s", c ? "  " : "", t->head[shown[c]]);
		fputc('\n', out);
	} else if (scols_print_table_to_string(tb, &text) || !text) {
		die_oom();
	} else {
		print_trimmed(out, text);
	}
	free(text);
	scols_unref_table(tb);
}

/*
 * A column by its heading, any case ("temp c"), or by the heading's first
 * word when no other heading starts with it ("temp", "flow"): headings
 * carry their unit after a blank.
 */
static int column_by_name(const struct table *t, const char *name)
{
	size_t len = strlen(name);
	int c, found = -1;

	for (c = 0; c < t->ncols; c++)
		if (!strcasecmp(name, t->head[c]))
			return c;
	for (c = 0; c < t->ncols; c++) {
		if (strncasecmp(name, t->head[c], len) || t->head[c][len] != ' ')
			continue;
		if (found >= 0)
			return t->ncols;
		found = c;
	}
	return found >= 0 ? found : t->ncols;
}

const char *table_columns;

/* -o COL,...: show only these columns, in the table's order */
int table_select(struct table *t, const char *list)
{
	char *dup, *tok, *save;
	bool want[TABLE_MAX_COLS] = { false };
	int c, err = 0;

	if (!list || !*list)
		return 0;
	dup = strdup(list);
	if (!dup)
		die_oom();
	for (tok = strtok_r(dup, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		c = column_by_name(t, tok);
		if (c == t->ncols) {
			fprintf(stderr, "xpoctl: no column \"%s\"; columns:", tok);
			for (c = 0; c < t->ncols; c++)
				fprintf(stderr, "%s%s", c ? "," : " ", t->head[c]);
			fputc('\n', stderr);
			err = -EINVAL;
			break;
		}
		want[c] = true;
	}
	free(dup);
	if (err)
		return err;
	for (c = 0; c < t->ncols; c++)
		t->hidden[c] = !want[c];
	return 0;
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
