// SPDX-License-Identifier: GPL-2.0
/*
 * xpoctl(8) matches the tool: every object, command and keyword of the
 * parser's tables is in the man page, every word of the man page's command
 * headings (.SS) is in the tables, and the abbreviation list is exactly the
 * abbreviations the tables accept.  Deleting a command from either side, or
 * adding one to only one of them, fails this test.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../xpoctl.h"

#define STUB(fn)							\
int fn(struct xpoctl *x, int argc, char **argv)				\
{									\
	(void)x;							\
	(void)argc;							\
	(void)argv;							\
	return 0;							\
}
STUB(cmd_cage_show)
STUB(cmd_cage_set)
STUB(cmd_cage_rearm)
STUB(cmd_cage_lanes)
STUB(cmd_port_show)
STUB(cmd_port_split)
STUB(cmd_port_unsplit)
STUB(cmd_reach_show)
STUB(cmd_reach_set)
STUB(cmd_port_si)
STUB(cmd_port_tune)
STUB(cmd_module_show)
STUB(cmd_module_eeprom)
STUB(cmd_module_dump)
STUB(cmd_sensor_show)
STUB(cmd_driver_status)
STUB(cmd_monitor)

struct nlsock;
void xnl_close(struct nlsock *nl)
{
	(void)nl;
}

#ifndef MANPAGE
#define MANPAGE "xpoctl.8"
#endif

#define LINES_MAX 2000

static char *page[LINES_MAX];
static int npage;

/* the man page, one roff line each, with \fB, \fI, \fR, \- and \& undone */
static int load(void **state)
{
	FILE *f = fopen(getenv("XPOCTL_MANPAGE") ?: MANPAGE, "r");
	char line[1024];

	(void)state;
	assert_non_null(f);
	while (fgets(line, sizeof(line), f) && npage < LINES_MAX) {
		char *o = line, *i = line;

		while (*i) {
			if (i[0] == '\\' && i[1] == 'f' && i[2]) {
				i += 3;
			} else if (i[0] == '\\' && (i[1] == '-' || i[1] == '&')) {
				if (i[1] == '-')
					*o++ = '-';
				i += 2;
			} else {
				*o++ = *i++;
			}
		}
		*o = '\0';
		line[strcspn(line, "\n")] = '\0';
		page[npage++] = strdup(line);
	}
	fclose(f);
	return 0;
}

static int unload(void **state)
{
	(void)state;
	while (npage)
		free(page[--npage]);
	return 0;
}

/* the next lowercase word ([a-z][a-z0-9-]*) of *s, or NULL */
static bool next_word(const char **s, char *w, size_t len)
{
	const char *p = *s;
	size_t n = 0;

	for (;;) {
		while (*p && !islower((unsigned char)*p))
			p++;
		if (!*p)
			return false;
		/* a word glued to an uppercase placeholder (CAGE[,CAGE...]) is
		 * part of it, not a keyword; one after "-" is an option
		 * (monitor's --count), not a keyword either */
		if (p != *s && (isupper((unsigned char)p[-1]) || p[-1] == '-')) {
			while (*p && (isalnum((unsigned char)*p) || *p == '-'))
				p++;
			continue;
		}
		break;
	}
	while (*p && (islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		      *p == '-')) {
		if (n + 1 < len)
			w[n++] = *p;
		p++;
	}
	w[n] = '\0';
	*s = p;
	return true;
}

static bool has_word(const char *text, const char *word)
{
	char w[64];

	while (next_word(&text, w, sizeof(w)))
		if (!strcmp(w, word))
			return true;
	return false;
}

/* the .SS heading of "OBJ CMD" (or OBJ's own), and its section's lines */
static int section(const char *obj, const char *cmd, int *end)
{
	char want[96];
	int i;

	snprintf(want, sizeof(want), ".SS %s%s%s", obj, cmd ? " " : "",
		 cmd ? cmd : "");
	for (i = 0; i < npage; i++) {
		size_t n = strlen(want);

		if (strncmp(page[i], want, n) ||
		    (page[i][n] && page[i][n] != ' ' && page[i][n] != ','))
			continue;
		for (*end = i + 1; *end < npage; (*end)++)
			if (!strncmp(page[*end], ".SS", 3) ||
			    !strncmp(page[*end], ".SH", 3))
				break;
		return i;
	}
	/* "port, reach, fw": one heading for the objects not implemented */
	for (i = 0; i < npage; i++)
		if (!cmd && !strncmp(page[i], ".SS ", 4) && strchr(page[i], ',') &&
		    has_word(page[i] + 4, obj)) {
			*end = i + 1;
			return i;
		}
	return -1;
}

static bool section_has(int from, int to, const char *word)
{
	for (; from < to; from++)
		if (has_word(page[from], word))
			return true;
	return false;
}

static const struct xpoctl_obj *obj_named(const char *w)
{
	const struct xpoctl_obj *o;

	for (o = xpoctl_objs; o->name; o++)
		if (!strcmp(o->name, w))
			return o;
	return NULL;
}

static const struct xpoctl_cmd *cmd_named(const struct xpoctl_obj *o,
					  const char *w)
{
	const struct xpoctl_cmd *c;

	for (c = o->cmds; c && c->name; c++)
		if (!strcmp(c->name, w))
			return c;
	return NULL;
}

static bool kw_of(const char *cmd, const char *w)
{
	const struct xpoctl_kw_table *t;
	int i;

	for (t = xpoctl_kw_tables; t->cmd; t++)
		for (i = 0; strcmp(t->cmd, cmd) == 0 && t->kw[i].name; i++)
			if (!strcmp(t->kw[i].name, w))
				return true;
	return false;
}

static int fails;

#define MISMATCH(...) do {						\
	print_message("xpoctl.8 vs the parser: " __VA_ARGS__);		\
	fails++;							\
} while (0)

/* the tables -> the man page */
static void test_tables_in_page(void **state)
{
	const struct xpoctl_kw_table *t;
	const struct xpoctl_obj *o;
	const struct xpoctl_cmd *c;
	char full[64];
	int i, s, e, synopsis = -1;

	(void)state;
	fails = 0;
	for (i = 0; i < npage; i++)
		if (strstr(page[i], "OBJECT") && strstr(page[i], ":= {"))
			synopsis = i + 1;
	assert_true(synopsis > 0 && synopsis < npage);
	for (o = xpoctl_objs; o->name; o++) {
		if (!has_word(page[synopsis], o->name))
			MISMATCH("object %s is not in the synopsis's OBJECT list\n",
				 o->name);
		if (!o->cmds && section(o->name, NULL, &e) < 0)
			MISMATCH("object %s has no .SS heading\n", o->name);
		for (c = o->cmds; c && c->name; c++)
			if (section(o->name, c->name, &e) < 0)
				MISMATCH("command \"%s %s\" has no .SS heading\n",
					 o->name, c->name);
	}
	for (t = xpoctl_kw_tables; t->cmd; t++) {
		char obj[32];
		const char *sp = strchr(t->cmd, ' ');

		snprintf(obj, sizeof(obj), "%.*s",
			 (int)(sp ? sp - t->cmd : (long)strlen(t->cmd)), t->cmd);
		s = section(obj, sp ? sp + 1 : NULL, &e);
		if (s < 0) {
			MISMATCH("no section for %s's keywords\n", t->cmd);
			continue;
		}
		for (i = 0; t->kw[i].name; i++) {
			snprintf(full, sizeof(full), "%s", t->kw[i].name);
			if (!section_has(s, e, full))
				MISMATCH("keyword %s of %s is not in its section\n",
					 full, t->cmd);
		}
	}
	assert_int_equal(fails, 0);
}

/* the man page's command headings -> the tables */
static void test_page_in_tables(void **state)
{
	const struct xpoctl_obj *o;
	const struct xpoctl_cmd *c;
	char w[64], cmd[96];
	int i, in_commands = 0;

	(void)state;
	fails = 0;
	for (i = 0; i < npage; i++) {
		const char *p;

		if (!strncmp(page[i], ".SH", 3))
			in_commands = !strcmp(page[i], ".SH COMMANDS");
		if (!in_commands || strncmp(page[i], ".SS ", 4))
			continue;
		p = page[i] + 4;
		if (strchr(page[i], ',') && !strchr(page[i], '[')) {
			/* "port, reach, fw" */
			while (next_word(&p, w, sizeof(w)))
				if (!obj_named(w))
					MISMATCH("\"%s\": %s is no object\n", page[i], w);
			continue;
		}
		if (!next_word(&p, w, sizeof(w)) || !(o = obj_named(w))) {
			MISMATCH("\"%s\": no object\n", page[i]);
			continue;
		}
		if (o->cmds) {
			if (!next_word(&p, w, sizeof(w)) || !(c = cmd_named(o, w))) {
				MISMATCH("\"%s\": %s has no command %s\n", page[i],
					 o->name, w);
				continue;
			}
			snprintf(cmd, sizeof(cmd), "%s %s", o->name, c->name);
		} else {
			snprintf(cmd, sizeof(cmd), "%s", o->name);
		}
		while (next_word(&p, w, sizeof(w)))
			if (!kw_of(cmd, w))
				MISMATCH("\"%s\": %s is no keyword of %s\n",
					 page[i], w, cmd);
	}
	assert_int_equal(fails, 0);
}

/* "c s        cage show": the abbreviation list is the tables' */
static void test_abbreviations(void **state)
{
	const struct xpoctl_obj *o;
	const struct xpoctl_cmd *c;
	char want[128], got[LINES_MAX / 4][160];
	int i, ngot = 0, begin = -1, end = -1, nwant = 0;

	(void)state;
	fails = 0;
	for (i = 0; i < npage; i++) {
		if (strstr(page[i], "abbreviations begin"))
			begin = i;
		if (strstr(page[i], "abbreviations end"))
			end = i;
	}
	assert_true(begin >= 0 && end > begin);
	for (i = begin + 1; i < end; i++) {
		char a[32], b[32], f1[32], f2[32];
		int n = sscanf(page[i], "%31s %31s %31s %31s", a, b, f1, f2);

		if (page[i][0] == '.' || n < 2)
			continue;
		if (n == 2)
			snprintf(got[ngot++], sizeof(got[0]), "%s=%s", a, b);
		else if (n == 4)
			snprintf(got[ngot++], sizeof(got[0]), "%s %s=%s %s", a, b,
				 f1, f2);
		else
			MISMATCH("abbreviation line \"%s\"\n", page[i]);
	}
	for (o = xpoctl_objs; o->name; o++) {
		if (!o->abbrev)
			continue;
		snprintf(want, sizeof(want), "%.*s=%s", (int)o->abbrev, o->name,
			 o->name);
		for (i = 0; i < ngot && strcmp(got[i], want); i++)
			;
		if (i == ngot)
			MISMATCH("abbreviation %s is not listed\n", want);
		nwant++;
		for (c = o->cmds; c && c->name; c++) {
			if (!c->abbrev)
				continue;
			snprintf(want, sizeof(want), "%.*s %.*s=%s %s",
				 (int)o->abbrev, o->name, (int)c->abbrev, c->name,
				 o->name, c->name);
			for (i = 0; i < ngot && strcmp(got[i], want); i++)
				;
			if (i == ngot)
				MISMATCH("abbreviation %s is not listed\n", want);
			nwant++;
		}
	}
	if (nwant != ngot)
		MISMATCH("the page lists %d abbreviations, the tables accept %d\n",
			 ngot, nwant);
	assert_int_equal(fails, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables_in_page),
		cmocka_unit_test(test_page_in_tables),
		cmocka_unit_test(test_abbreviations),
	};

	return cmocka_run_group_tests_name("manpage", tests, load, unload);
}
