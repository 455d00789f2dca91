/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Aligned text tables: rows of cells collected first, then printed through
 * libsmartcols with two spaces between columns and no trailing blanks.
 * Numeric columns are right-aligned.
 */
#ifndef XPOCTL_TABLE_H
#define XPOCTL_TABLE_H

#include <stdbool.h>
#include <stdio.h>

#define TABLE_MAX_COLS 24

struct table {
	int ncols;
	const char *head[TABLE_MAX_COLS];
	bool right[TABLE_MAX_COLS];
	int nrows, cap;
	char **cells; /* nrows * ncols, owned */
	int col;      /* next cell of the current row */
	int width;    /* 0: no limit; else the last column is cut to fit */
	bool hidden[TABLE_MAX_COLS];	/* not shown unless -o names it */
};

/* xpoctl -o COL,...: the columns to show (NULL: the table's default) */
extern const char *table_columns;

void table_init(struct table *t, int ncols, const char *const *head,
		const bool *right);
/* start a new row; then table_cell() once per column */
void table_row(struct table *t);
void table_cell(struct table *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void table_print(const struct table *t, FILE *out);
/*
 * The width to fit, as lsblk does: a terminal's columns, else $COLUMNS,
 * else 0 (a pipe or a file gets whole lines, for scripts).  With a width,
 * the last column (free text) is truncated to fit; the detail view has it
 * whole.
 */
int table_term_width(FILE *out);
/* show only the columns named in @list (headings, see table.c); -EINVAL
 * and a message naming the table's columns for an unknown one */
int table_select(struct table *t, const char *list);
void table_free(struct table *t);

#endif
