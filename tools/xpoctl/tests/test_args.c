// SPDX-License-Identifier: GPL-2.0
/*
 * The grammar: options, object and command lookup with abbreviations,
 * per-object help, keyword parsing of cage set, module eeprom and module
 * dump, and the exit codes of every refusal, each with a one-line message.
 * xpoctl.c and args.c are linked with recording handlers instead of the
 * netlink ones.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "harness.h"
#include "../xpoctl.h"
#include "../nl.h"

#include <linux/xpo.h>

static const char *called;
static int called_argc;
static char called_arg0[64];
static struct xpoctl last;

#define STUB(fn)							\
int fn(struct xpoctl *x, int argc, char **argv)			\
{									\
	called = #fn;							\
	called_argc = argc;						\
	snprintf(called_arg0, sizeof(called_arg0), "%s",		\
		 argc ? argv[0] : "");					\
	last = *x;							\
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

void xnl_close(struct nlsock *nl)
{
	(void)nl;
}

/* run xpoctl with a space-separated command line; stderr captured */
static char err_buf[4096];

static int run(const char *line)
{
	static char *prev;
	char *copy = strdup(line), *argv[32], *tok, *save = NULL;
	int argc = 0, ret, saved, saved_out, fd, null_fd;
	FILE *tmp = tmpfile();
	size_t n;

	argv[argc++] = "xpoctl";
	for (tok = strtok_r(copy, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	argv[argc] = NULL;
	called = NULL;
	fflush(stderr);
	fflush(stdout);
	saved = dup(2);
	saved_out = dup(1);
	fd = fileno(tmp);
	dup2(fd, 2);
	/* help and version text: not checked here, kept out of the TAP */
	null_fd = open("/dev/null", O_WRONLY);
	dup2(null_fd, 1);
	close(null_fd);
	ret = xpoctl_main(argc, argv);
	fflush(stderr);
	fflush(stdout);
	dup2(saved, 2);
	dup2(saved_out, 1);
	close(saved);
	close(saved_out);
	rewind(tmp);
	n = fread(err_buf, 1, sizeof(err_buf) - 1, tmp);
	err_buf[n] = '\0';
	fclose(tmp);
	/* argv points into copy: keep it for the handler's argv checks */
	free(prev);
	prev = copy;
	return ret;
}

static int lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* the refusals print their one line: keep it out of the test output */
static int saved_err = -1;

static void quiet(bool on)
{
	int fd;

	fflush(stderr);
	if (on) {
		saved_err = dup(2);
		fd = open("/dev/null", O_WRONLY);
		dup2(fd, 2);
		close(fd);
	} else {
		dup2(saved_err, 2);
		close(saved_err);
	}
}

static void test_dispatch(void **state)
{
	(void)state;
	assert_int_equal(run("cage show"), 0);
	assert_string_equal(called, "cmd_cage_show");
	assert_int_equal(called_argc, 0);

	assert_int_equal(run("c s 3"), 0);	/* "s": show comes before set */
	assert_string_equal(called, "cmd_cage_show");
	assert_int_equal(called_argc, 1);
	assert_string_equal(called_arg0, "3");

	assert_int_equal(run("c se 3 reset"), 0);
	assert_string_equal(called, "cmd_cage_set");
	assert_int_equal(called_argc, 2);

	assert_int_equal(run("c l 5"), 0);
	assert_string_equal(called, "cmd_cage_lanes");
	assert_int_equal(called_argc, 1);
	assert_string_equal(called_arg0, "5");

	assert_int_equal(run("cage"), 0);	/* the first command by default */
	assert_string_equal(called, "cmd_cage_show");

	assert_int_equal(run("m s 1"), 0);	/* "m": module, before monitor */
	assert_string_equal(called, "cmd_module_show");
	assert_int_equal(run("mo e 1 page 1"), 0);
	assert_string_equal(called, "cmd_module_eeprom");
	assert_int_equal(run("mo d 1"), 0);
	assert_string_equal(called, "cmd_module_dump");
	assert_int_equal(run("mon"), 0);
	assert_string_equal(called, "cmd_monitor");
	assert_int_equal(run("s"), 0);
	assert_string_equal(called, "cmd_sensor_show");
	assert_int_equal(run("d st"), 0);
	assert_string_equal(called, "cmd_driver_status");
	assert_int_equal(run("p s 1/3"), 0);	/* "p": port */
	assert_string_equal(called, "cmd_port_show");
	assert_string_equal(called_arg0, "1/3");
	/* split and unsplit change the ports: written out, "p s" stays show */
	assert_int_equal(run("p split 2 16x800G"), 0);
	assert_string_equal(called, "cmd_port_split");
	assert_int_equal(called_argc, 2);
	assert_int_equal(run("port unsplit 1/2 panel 5"), 0);
	assert_string_equal(called, "cmd_port_unsplit");
	assert_int_equal(run("--dry-run port split 2 16x800G"), 0);
	assert_true(last.dry_run);
	assert_int_equal(run("p sp 2 16x800G"), XE_USAGE);
	assert_null(called);
	assert_non_null(strstr(err_buf, "write out split"));
	assert_int_equal(lines(err_buf), 1);
	assert_int_equal(run("p u 2"), XE_USAGE);
	assert_null(called);
	assert_int_equal(run("-d port split 2 16x800G"), XE_USAGE);
	assert_null(called);
	/* "r s" is reach show; set changes every port: written out */
	assert_int_equal(run("r s 1/2"), 0);
	assert_string_equal(called, "cmd_reach_show");
	assert_string_equal(called_arg0, "1/2");
	assert_int_equal(run("reach"), 0);	/* show, which asks for a CAGE */
	assert_string_equal(called, "cmd_reach_show");
	assert_int_equal(run("r set 2 dr --dry-run"), 0);
	assert_string_equal(called, "cmd_reach_set");
	assert_int_equal(called_argc, 3);
	assert_int_equal(run("-n reach set 2 any"), 0);
	assert_true(last.dry_run);
	assert_int_equal(run("r se 2 dr"), XE_USAGE);
	assert_null(called);
	assert_non_null(strstr(err_buf, "write out set"));
	assert_int_equal(lines(err_buf), 1);
	assert_int_equal(run("-n reach show 2"), XE_USAGE);
	assert_null(called);
	assert_int_equal(run("-w 1 reach set 2 dr"), XE_USAGE);
	assert_null(called);
}

static void test_options(void **state)
{
	(void)state;
	assert_int_equal(run("-j -p -d cage show"), 0);
	assert_true(last.json);
	assert_true(last.pretty);
	assert_true(last.details);
	assert_int_equal(run("--details module show 3"), 0);
	assert_true(last.details);
	assert_int_equal(run("-j -t monitor"), 0);
	assert_true(last.timestamps);
	assert_int_equal(run("--dry-run cage set all reset"), 0);
	assert_true(last.dry_run);
	assert_int_equal(run("-n cage rearm 3"), 0);
	assert_true(last.dry_run);
	assert_int_equal(run("--json cage show"), 0);
	assert_true(last.json);
	assert_false(last.pretty);

	assert_int_equal(run("-V"), 0);
	assert_int_equal(run("-h"), 0);
	assert_int_equal(run("help"), 0);
	assert_int_equal(run("cage help"), 0);
	assert_null(called);
	assert_int_equal(run("cage set help"), 0);
	assert_null(called);
	assert_int_equal(run("port help"), 0);
	assert_int_equal(run("help cage"), 0);	/* "help OBJECT" too */
	assert_null(called);
	assert_int_equal(run("help frob"), XE_USAGE);
	assert_int_equal(lines(err_buf), 1);
}

static void test_usage_errors(void **state)
{
	(void)state;
	assert_int_equal(run(""), XE_USAGE);
	assert_int_equal(run("-x cage show"), XE_USAGE);
	assert_int_equal(lines(err_buf), 1);
	assert_non_null(strstr(err_buf, "unknown option \"-x\""));
	assert_int_equal(run("--bogus cage"), XE_USAGE);
	/* a missing value is not an unknown option */
	assert_int_equal(run("-o"), XE_USAGE);
	assert_int_equal(lines(err_buf), 1);
	assert_non_null(strstr(err_buf, "option \"-o\" needs a value"));
	assert_int_equal(run("frobnicate"), XE_USAGE);
	assert_string_equal(err_buf,
		"xpoctl: object \"frobnicate\" is unknown; try \"xpoctl help\"\n");
	assert_int_equal(run("cage frob"), XE_USAGE);
	assert_string_equal(err_buf,
		"xpoctl: cage command \"frob\" is unknown; try \"xpoctl cage help\"\n");
	assert_null(called);
	/* a prefix longer than the word is not a match */
	assert_int_equal(run("cages"), XE_USAGE);
}

static void test_not_implemented(void **state)
{
	(void)state;
	assert_int_equal(run("fw update 3"), XE_FAIL);
	assert_string_equal(err_buf, "xpoctl: fw: not implemented yet\n");
}

/* one CAGE: N on board 0 or B/N, whatever the command */
static void test_parse_cage(void **state)
{
	struct xpoctl x = { .object = "cage" };
	static const char *const bad[] = {
		"-1", "", "3x", " 3", "99999999999999999999999", "256",
		"1/", "/3", "x/3", "1/x", "256/0", "1/256", "1/2/3", "/",
		"1//3", "0x100", "12345678901234567/1",
	};
	struct cage_ref c;
	size_t i;

	(void)state;
	assert_true(parse_cage_ref(&x, "0", &c));
	assert_int_equal(c.board, 0);
	assert_int_equal(c.id, 0);
	assert_true(parse_cage_ref(&x, "15", &c));
	assert_int_equal(c.id, 15);
	assert_true(parse_cage_ref(&x, "0xf", &c));
	assert_int_equal(c.id, 15);
	/* the range is the kernel's: 16 may exist, it answers if not */
	assert_true(parse_cage_ref(&x, "16", &c));
	assert_int_equal(c.id, 16);
	assert_true(parse_cage_ref(&x, "255", &c));
	assert_true(parse_cage_ref(&x, "1/3", &c));
	assert_int_equal(c.board, 1);
	assert_int_equal(c.id, 3);
	assert_true(parse_cage_ref(&x, "0/3", &c));
	assert_int_equal(c.board, 0);
	assert_int_equal(c.id, 3);
	assert_true(parse_cage_ref(&x, "255/255", &c));
	assert_int_equal(c.board, 255);
	assert_int_equal(c.id, 255);
	quiet(true);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (parse_cage_ref(&x, bad[i], &c))
			fail_msg("\"%s\" was taken for cage %u/%u", bad[i],
				 c.board, c.id);
	quiet(false);
}

static void test_cage_set_parse(void **state)
{
	struct xpoctl x = { .object = "cage" };
	struct set_req r;
	struct cage_list l;
	char *a1[] = { "3", "power-mode", "auto", "reset" };
	char *a2[] = { "1,2,15", "power", "off" };
	char *a3[] = { "all", "power-mode", "high" };
	char *bad1[] = { "3" };
	char *bad2[] = { "3", "power-mode" };
	char *bad3[] = { "3", "power-mode", "low" };
	char *bad4[] = { "3", "power", "1" };
	char *bad5[] = { "3", "explode" };
	char *bad6[] = { "3,256", "reset" };
	char *bad7[] = { ",", "reset" };

	(void)state;
	assert_int_equal(cage_set_parse(&x, 4, a1, &l, &r), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.ids[0].id, 3);
	assert_int_equal(l.ids[0].board, 0);
	cage_list_free(&l);
	assert_true(r.has_policy);
	assert_int_equal(r.policy, 1);	/* XPO_POWER_MODE_POLICY_AUTO */
	assert_true(r.reset);
	assert_false(r.has_power);

	assert_int_equal(cage_set_parse(&x, 3, a2, &l, &r), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.ids[2].id, 15);
	cage_list_free(&l);
	assert_true(r.has_power);
	assert_int_equal(r.power, 0);

	assert_int_equal(cage_set_parse(&x, 3, a3, &l, &r), 0);
	assert_true(l.all);	/* resolved by the kernel's dump, not 0-15 */
	assert_int_equal(l.n, 0);
	cage_list_free(&l);
	assert_true(r.has_policy);
	assert_int_equal(r.policy, 0);

	quiet(true);
	assert_int_equal(cage_set_parse(&x, 0, a1, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 1, bad1, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 2, bad2, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 3, bad3, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 3, bad4, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 2, bad5, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 2, bad6, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 2, bad7, &l, &r), XE_USAGE);
	quiet(false);
}

static void test_cage_set_protect_parse(void **state)
{
	struct xpoctl x = { .object = "cage" };
	struct set_req r;
	struct cage_list l;
	char *a1[] = { "4", "protect", "leak", "alert", "overtemp", "power-off",
		       "rearm" };
	char *a2[] = { "4", "protect", "flow-low", "low-power", "flow-min", "300",
		       "temp-max", "70.5" };
	char *a3[] = { "2,3", "rearm", "temp-max", "0", "flow-min", "0" };
	char *a4[] = { "5" };
	char *bad1[] = { "4", "protect" };
	char *bad2[] = { "4", "protect", "leak" };
	char *bad3[] = { "4", "protect", "leak", "explode" };
	char *bad4[] = { "4", "protect", "fire", "off" };
	char *bad5[] = { "4", "flow-min", "100001" };
	char *bad6[] = { "4", "temp-max", "19.999" };
	char *bad7[] = { "4", "temp-max", "150.001" };
	char *bad8[] = { "4", "temp-max", "70.1234" };
	char *bad9[] = { "4", "temp-max", "-5" };
	char *bad10[] = { "4", "protect", "leak", "o", "overtemp" };	/* no action */
	char *bad11[] = { "4", "5" };

	(void)state;
	assert_int_equal(cage_set_parse(&x, 7, a1, &l, &r), 0);
	assert_int_equal(l.ids[0].id, 4);
	cage_list_free(&l);
	assert_true(r.has_protect[0]);
	assert_int_equal(r.protect[0], 1);	/* alert */
	assert_false(r.has_protect[1]);
	assert_true(r.has_protect[2]);
	assert_int_equal(r.protect[2], 3);	/* power-off */
	assert_true(r.rearm);
	assert_false(r.has_flow_min || r.has_temp_max || r.reset);

	assert_int_equal(cage_set_parse(&x, 8, a2, &l, &r), 0);
	assert_true(r.has_protect[1]);
	assert_int_equal(r.protect[1], 2);	/* low-power */
	assert_true(r.has_flow_min);
	assert_int_equal(r.flow_min, 300);
	assert_true(r.has_temp_max);
	assert_int_equal(r.temp_max, 70500);
	assert_false(r.rearm);
	cage_list_free(&l);

	assert_int_equal(cage_set_parse(&x, 6, a3, &l, &r), 0);
	assert_int_equal(l.n, 2);
	cage_list_free(&l);
	assert_true(r.rearm && r.has_temp_max && r.has_flow_min);
	assert_int_equal(r.temp_max, 0);
	assert_int_equal(r.flow_min, 0);

	assert_int_equal(cage_rearm_parse(&x, 1, a4, &l, &r), 0);
	assert_int_equal(l.ids[0].id, 5);
	cage_list_free(&l);
	assert_true(r.rearm);
	assert_false(r.reset || r.has_power || r.has_policy);

	quiet(true);
	assert_int_equal(cage_rearm_parse(&x, 0, a4, &l, &r), XE_USAGE);
	assert_int_equal(cage_rearm_parse(&x, 2, a1, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 2, bad1, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 3, bad2, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 4, bad3, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 4, bad4, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 3, bad5, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 3, bad6, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 3, bad7, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 3, bad8, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 3, bad9, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 5, bad10, &l, &r), XE_USAGE);
	assert_int_equal(cage_set_parse(&x, 2, bad11, &l, &r), XE_USAGE);
	quiet(false);
}

static void test_eeprom_parse(void **state)
{
	struct xpoctl x = { .object = "module" };
	struct eeprom_args a;
	char *d[] = { "2" };
	char *p[] = { "2", "page", "0x11", "bank", "7" };
	char *o[] = { "2", "offset", "100", "length", "56", "raw" };
	char *lo[] = { "2", "o", "0", "l", "256" };
	char *bad1[] = { "2", "offset", "200", "length", "100" };
	char *bad2[] = { "2", "page", "1", "offset", "10" };
	char *bad3[] = { "2", "page", "256" };
	char *bad4[] = { "2", "length", "0" };
	char *bad5[] = { "2", "length" };
	char *bad6[] = { "2", "colour", "red" };
	char *bad7[] = { "1/" };
	char *b1[] = { "1/3", "page", "1" };

	(void)state;
	assert_int_equal(module_eeprom_parse(&x, 1, d, &a), 0);
	assert_int_equal(a.cage.board, 0);
	assert_int_equal(a.cage.id, 2);
	assert_int_equal(a.offset, 0);
	assert_int_equal(a.length, 128);
	assert_false(a.raw);

	assert_int_equal(module_eeprom_parse(&x, 5, p, &a), 0);
	assert_int_equal(a.page, 0x11);
	assert_int_equal(a.bank, 7);
	assert_int_equal(a.offset, 128);	/* a page means its upper half */

	assert_int_equal(module_eeprom_parse(&x, 6, o, &a), 0);
	assert_int_equal(a.offset, 100);
	assert_int_equal(a.length, 56);
	assert_true(a.raw);

	assert_int_equal(module_eeprom_parse(&x, 5, lo, &a), 0);
	assert_int_equal(a.length, 256);

	assert_int_equal(module_eeprom_parse(&x, 3, b1, &a), 0);
	assert_int_equal(a.cage.board, 1);
	assert_int_equal(a.cage.id, 3);
	assert_int_equal(a.page, 1);

	quiet(true);
	assert_int_equal(module_eeprom_parse(&x, 0, d, &a), XE_USAGE);
	assert_int_equal(module_eeprom_parse(&x, 5, bad1, &a), XE_USAGE);
	assert_int_equal(module_eeprom_parse(&x, 5, bad2, &a), XE_USAGE);
	assert_int_equal(module_eeprom_parse(&x, 3, bad3, &a), XE_USAGE);
	assert_int_equal(module_eeprom_parse(&x, 3, bad4, &a), XE_USAGE);
	assert_int_equal(module_eeprom_parse(&x, 2, bad5, &a), XE_USAGE);
	assert_int_equal(module_eeprom_parse(&x, 3, bad6, &a), XE_USAGE);
	assert_int_equal(module_eeprom_parse(&x, 1, bad7, &a), XE_USAGE);
	quiet(false);
}

static void test_dump_parse(void **state)
{
	struct xpoctl x = { .object = "module" };
	char *one[] = { "5" };
	char *b1[] = { "1/0" };
	char *two[] = { "5", "6" };
	char *bad[] = { "x/3" };
	struct cage_ref cage = { 0 };

	(void)state;
	assert_int_equal(module_dump_parse(&x, 1, one, &cage), 0);
	assert_int_equal(cage.board, 0);
	assert_int_equal(cage.id, 5);
	assert_int_equal(module_dump_parse(&x, 1, b1, &cage), 0);
	assert_int_equal(cage.board, 1);
	assert_int_equal(cage.id, 0);
	quiet(true);
	assert_int_equal(module_dump_parse(&x, 0, one, &cage), XE_USAGE);
	assert_int_equal(module_dump_parse(&x, 2, two, &cage), XE_USAGE);
	assert_int_equal(module_dump_parse(&x, 1, bad, &cage), XE_USAGE);
	quiet(false);
}

/* stderr of @expr into err_buf */
#define CAPTURE_ERR(expr) ({						\
	FILE *tmp_ = tmpfile();						\
	int saved_ = dup(2), ret_;					\
	size_t n_;							\
	fflush(stderr);							\
	dup2(fileno(tmp_), 2);						\
	ret_ = (expr);							\
	fflush(stderr);							\
	dup2(saved_, 2);						\
	close(saved_);							\
	rewind(tmp_);							\
	n_ = fread(err_buf, 1, sizeof(err_buf) - 1, tmp_);		\
	err_buf[n_] = '\0';						\
	fclose(tmp_);							\
	ret_;								\
})

/*
 * Finding 1: "cage set 3 r" reset the module (the first keyword "r" is a
 * prefix of); "c se all r" would have reset every cage.  Every keyword and
 * value of cage set is written out now, and the refusal names the words.
 */
static void test_destructive_keywords(void **state)
{
	struct xpoctl x = { .object = "cage" };
	struct set_req r;
	struct cage_list l;
	char *r1[] = { "3", "r" };
	char *r2[] = { "all", "r" };
	char *r3[] = { "3", "res" };
	char *r4[] = { "3", "pow", "high" };
	char *r5[] = { "3", "power", "of" };
	char *r6[] = { "3", "protect", "leak", "power" };
	char *r7[] = { "3", "protect", "flow", "alert" };
	char *r8[] = { "3", "power-mode", "h" };
	char *r9[] = { "3", "rea" };
	char *ok1[] = { "3", "reset" };

	(void)state;
	assert_int_equal(CAPTURE_ERR(cage_set_parse(&x, 2, r1, &l, &r)), XE_USAGE);
	assert_false(r.reset || r.rearm);
	assert_int_equal(lines(err_buf), 1);
	assert_string_equal(err_buf,
		"xpoctl: cage set: keyword \"r\" is not abbreviated (it changes state): write out reset, rearm; try \"xpoctl cage help\"\n");
	assert_int_equal(CAPTURE_ERR(cage_set_parse(&x, 2, r2, &l, &r)), XE_USAGE);
	assert_false(r.reset);
	assert_int_equal(CAPTURE_ERR(cage_set_parse(&x, 2, r3, &l, &r)), XE_USAGE);
	assert_false(r.reset);
	assert_int_equal(CAPTURE_ERR(cage_set_parse(&x, 3, r4, &l, &r)), XE_USAGE);
	assert_non_null(strstr(err_buf, "write out power-mode, power;"));
	assert_int_equal(CAPTURE_ERR(cage_set_parse(&x, 3, r5, &l, &r)), XE_USAGE);
	assert_false(r.has_power);
	assert_int_equal(CAPTURE_ERR(cage_set_parse(&x, 4, r6, &l, &r)), XE_USAGE);
	assert_non_null(strstr(err_buf, "protect action \"power\""));
	assert_false(r.has_protect[0]);
	assert_int_equal(CAPTURE_ERR(cage_set_parse(&x, 4, r7, &l, &r)), XE_USAGE);
	assert_non_null(strstr(err_buf, "write out flow-low"));
	assert_int_equal(CAPTURE_ERR(cage_set_parse(&x, 3, r8, &l, &r)), XE_USAGE);
	assert_int_equal(CAPTURE_ERR(cage_set_parse(&x, 2, r9, &l, &r)), XE_USAGE);
	assert_false(r.rearm);
	assert_int_equal(cage_set_parse(&x, 2, ok1, &l, &r), 0);
	assert_true(r.reset);
	cage_list_free(&l);

	/* the command rearm is written out as well; set keeps "se" */
	assert_int_equal(run("c r 3"), XE_USAGE);
	assert_null(called);
	assert_string_equal(err_buf,
		"xpoctl: cage command \"r\" is not abbreviated (it changes state): write out rearm; try \"xpoctl cage help\"\n");
	assert_int_equal(run("c rearm 3"), 0);
	assert_string_equal(called, "cmd_cage_rearm");
	assert_int_equal(run("c se all reset"), 0);
	assert_string_equal(called, "cmd_cage_set");
}

/* an ambiguous prefix is refused with the candidates, never the first */
static void test_kw_lookup(void **state)
{
	static const struct kw t[] = {
		{ "show", 1 }, { "set", 1 }, { "status", 2 }, { "reset", 0 },
		{ "rearm", 3 }, { NULL, 0 }
	};
	char c[64];

	(void)state;
	assert_int_equal(kw_lookup("show", t, c, sizeof(c)), 0);
	assert_int_equal(kw_lookup("sh", t, c, sizeof(c)), 0);
	assert_int_equal(kw_lookup("s", t, c, sizeof(c)), KW_AMBIGUOUS);
	assert_string_equal(c, "show, set, status");
	assert_int_equal(kw_lookup("st", t, c, sizeof(c)), 2);
	assert_int_equal(kw_lookup("se", t, c, sizeof(c)), 1);
	assert_int_equal(kw_lookup("re", t, c, sizeof(c)), KW_SPELL_OUT);
	assert_string_equal(c, "reset, rearm");
	assert_int_equal(kw_lookup("rea", t, c, sizeof(c)), 4);
	assert_int_equal(kw_lookup("reset", t, c, sizeof(c)), 3);
	assert_int_equal(kw_lookup("x", t, c, sizeof(c)), KW_UNKNOWN);
	assert_int_equal(kw_lookup("", t, c, sizeof(c)), KW_UNKNOWN);
	assert_int_equal(kw_lookup("shows", t, c, sizeof(c)), KW_UNKNOWN);
}

/* Finding 2: cage ids as the kernel names them, N and B/N, past 15 */
static void test_cage_ids(void **state)
{
	struct xpoctl x = { .object = "cage" };
	struct set_req r;
	struct cage_list l;
	char *a1[] = { "1,3,0/5,2/0", "reset" };
	char *a2[] = { "16,1/31,3,0/3", "rearm" };
	char *bad[] = { "256", "1/", "/3", "256/0", "1/2/3", "1/x",
			"all,3", "a" };
	char *b[2] = { NULL, "reset" };
	size_t i;

	(void)state;
	assert_int_equal(cage_set_parse(&x, 2, a1, &l, &r), 0);
	assert_false(l.all);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.ids[0].board, 0);
	assert_int_equal(l.ids[0].id, 1);
	assert_int_equal(l.ids[1].id, 3);
	assert_int_equal(l.ids[2].board, 0);
	assert_int_equal(l.ids[2].id, 5);
	assert_int_equal(l.ids[3].board, 2);
	assert_int_equal(l.ids[3].id, 0);
	cage_list_free(&l);
	/* 16 and up exist on a bigger board; "3" and "0/3" are one cage */
	assert_int_equal(cage_set_parse(&x, 2, a2, &l, &r), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.ids[0].id, 16);
	assert_int_equal(l.ids[1].board, 1);
	assert_int_equal(l.ids[1].id, 31);
	cage_list_free(&l);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		b[0] = bad[i];
		assert_int_equal(CAPTURE_ERR(cage_set_parse(&x, 2, b, &l, &r)),
				 XE_USAGE);
		assert_int_equal(lines(err_buf), 1);
	}
}

/* [CAGE] of the read commands: none, N or B/N; a refusal is one line */
static void test_cage_opt_parse(void **state)
{
	struct xpoctl x = { .object = "cage" };
	char *none[] = { NULL };
	char *b13[] = { "1/3" };
	char *n7[] = { "7" };
	char *two[] = { "1", "2" };
	char *bad[] = { "x/3" };
	struct cage_ref c;
	bool one;

	(void)state;
	assert_int_equal(cage_opt_parse(&x, "cage show", 0, none, &c, &one), 0);
	assert_false(one);
	assert_int_equal(cage_opt_parse(&x, "cage show", 1, n7, &c, &one), 0);
	assert_true(one);
	assert_int_equal(c.board, 0);
	assert_int_equal(c.id, 7);
	assert_int_equal(cage_opt_parse(&x, "cage lanes", 1, b13, &c, &one), 0);
	assert_true(one);
	assert_int_equal(c.board, 1);
	assert_int_equal(c.id, 3);
	assert_int_equal(CAPTURE_ERR(cage_opt_parse(&x, "cage show", 2, two,
						    &c, &one)), XE_USAGE);
	assert_int_equal(lines(err_buf), 1);
	assert_non_null(strstr(err_buf, "cage show takes at most one CAGE"));
	/* the message quotes what was typed, not the half before the slash */
	assert_int_equal(CAPTURE_ERR(cage_opt_parse(&x, "cage show", 1, bad,
						    &c, &one)), XE_USAGE);
	assert_int_equal(lines(err_buf), 1);
	assert_non_null(strstr(err_buf, "invalid cage \"x/3\""));
	assert_non_null(strstr(err_buf, "BOARD/N"));
}

/* the kernel's names, and the cage of a port netdev */
static void test_cage_names(void **state)
{
	static const struct {
		const char *ifname;
		bool ok;
		uint32_t board, id;
	} p[] = {
		{ "xpo3p0", true, 0, 3 },
		{ "xpo12p7", true, 0, 12 },
		{ "xpob1c3p7", true, 1, 3 },
		{ "xpob255c255p63", true, 255, 255 },
		{ "xpob2c0p0", true, 2, 0 },
		{ "xpo3", false, 0, 0 },
		{ "xpo3p", false, 0, 0 },
		{ "xpob1p0", false, 0, 0 },
		{ "xpob1c3", false, 0, 0 },
		{ "xpo3p0x", false, 0, 0 },
		{ "xpop0", false, 0, 0 },
		{ "eth0", false, 0, 0 },
		{ ".", false, 0, 0 },
		{ "xpo03p0", false, 0, 0 },
	};
	char name[CAGE_NAME_LEN];
	uint32_t b, id;
	size_t i;

	(void)state;
	assert_string_equal(cage_ref_name(0, 3, name, sizeof(name)), "3");
	assert_string_equal(cage_ref_name(1, 3, name, sizeof(name)), "1/3");
	assert_string_equal(cage_ref_name(255, 0, name, sizeof(name)), "255/0");
	for (i = 0; i < sizeof(p) / sizeof(p[0]); i++) {
		b = 99;
		id = 99;
		if (port_name_cage(p[i].ifname, &b, &id) != p[i].ok)
			fail_msg("%s: %s", p[i].ifname,
				 p[i].ok ? "not taken" : "taken");
		if (p[i].ok && (b != p[i].board || id != p[i].id))
			fail_msg("%s: cage %u/%u", p[i].ifname, b, id);
	}
}

/* --dry-run: every cage checked first, then one line (or object) a cage */
static void test_dry_run(void **state)
{
	struct xpoctl x = { .object = "cage" };
	struct cage_ref k[] = { { 0, 0 }, { 0, 3 }, { 1, 2 } };
	struct cage_list known = { .n = 3, .ids = k };
	struct cage_list l;
	struct set_req r;
	struct capture c;
	char *a[] = { "3,1/2", "reset", "protect", "leak", "alert", "rearm",
		      "temp-max", "70.5", "power-mode", "auto" };
	char *a2[] = { "3,7", "reset" };
	char *out;

	(void)state;
	assert_int_equal(cage_set_parse(&x, 10, a, &l, &r), 0);
	capture_begin(&c);
	jw_init(&x.jw, c.f, false);
	assert_int_equal(cage_set_dry_run(&x, &l, &known, &r), 0);
	out = capture_end(&c);
	assert_string_equal(out,
		"cage 3: would protect leak alert, temp-max 70.500, rearm, power-mode auto, reset\n"
		"cage 1/2: would protect leak alert, temp-max 70.500, rearm, power-mode auto, reset\n");
	free(out);

	x.json = true;
	capture_begin(&c);
	jw_init(&x.jw, c.f, false);
	assert_int_equal(cage_set_dry_run(&x, &l, &known, &r), 0);
	out = capture_end(&c);
	assert_non_null(strstr(out, "\"dry_run\":true"));
	assert_non_null(strstr(out, "\"board\":1,\"cage\":2,"));
	free(out);
	cage_list_free(&l);

	/* a cage the kernel does not have: refused before anything is said */
	x.json = false;
	assert_int_equal(cage_set_parse(&x, 2, a2, &l, &r), 0);
	capture_begin(&c);
	jw_init(&x.jw, c.f, false);
	assert_int_equal(CAPTURE_ERR(cage_set_dry_run(&x, &l, &known, &r)),
			 XE_USAGE);
	out = capture_end(&c);
	assert_string_equal(out, "");
	assert_non_null(strstr(err_buf, "cage 7: No such cage"));
	free(out);
	cage_list_free(&l);
}

/* Finding 9: an option the command does not take is refused, exit 2 */
static void test_options_refused(void **state)
{
	(void)state;
	assert_int_equal(run("-d cage set 3 reset"), XE_USAGE);
	assert_null(called);
	assert_string_equal(err_buf,
		"xpoctl: cage set does not take -d (details); try \"xpoctl cage help\"\n");
	/* -s is statistics now, as in ip(8); details are -d */
	assert_int_equal(run("-s module show 3"), XE_USAGE);
	assert_null(called);
	assert_non_null(strstr(err_buf, "details are -d"));
	assert_int_equal(run("-s cage show"), XE_USAGE);
	assert_int_equal(run("-t cage show"), XE_USAGE);
	assert_int_equal(run("--dry-run cage show"), XE_USAGE);
	assert_int_equal(run("-n module eeprom 3"), XE_USAGE);
	assert_int_equal(run("-d monitor"), XE_USAGE);
	assert_string_equal(err_buf,
		"xpoctl: monitor does not take -d (details); try \"xpoctl monitor help\"\n");
	assert_int_equal(run("-n cage"), XE_USAGE);	/* cage show by default */
	assert_null(called);
	assert_int_equal(run("-j -p driver status"), 0);
}

/*
 * monitor's words go through the same lookup as every keyword: "cage"
 * (never documented) was taken as "all", "x" refused only as an unknown
 * argument, and nothing else unit-tested its numbers.
 */
static void test_monitor_parse(void **state)
{
	struct xpoctl x = { .object = "monitor" };
	char *ok1[] = { "a", "--count", "3", "t", "--timeout", "0x10" };
	char *ok2[] = { "-t" };
	char *cage[] = { "cage" };
	char *zero[] = { "--count", "0" };
	char *bare[] = { "--timeout" };
	char *junk[] = { "--count", "2x" };
	struct monitor_args a;

	(void)state;
	assert_int_equal(monitor_parse(&x, 0, NULL, &a), 0);
	assert_false(a.timestamps);
	assert_int_equal(a.count, 0);
	assert_int_equal(a.timeout_s, 0);
	assert_int_equal(monitor_parse(&x, 6, ok1, &a), 0);
	assert_true(a.timestamps);
	assert_int_equal(a.count, 3);
	assert_int_equal(a.timeout_s, 16);
	assert_int_equal(monitor_parse(&x, 1, ok2, &a), 0);
	assert_true(a.timestamps);

	assert_int_equal(CAPTURE_ERR(monitor_parse(&x, 1, cage, &a)), XE_USAGE);
	assert_string_equal(err_buf,
		"xpoctl: monitor: argument \"cage\" is unknown; try \"xpoctl monitor help\"\n");
	assert_int_equal(CAPTURE_ERR(monitor_parse(&x, 2, zero, &a)), XE_USAGE);
	assert_non_null(strstr(err_buf, "--count takes a number above 0"));
	assert_int_equal(CAPTURE_ERR(monitor_parse(&x, 1, bare, &a)), XE_USAGE);
	assert_non_null(strstr(err_buf, "--timeout takes a number above 0"));
	assert_int_equal(CAPTURE_ERR(monitor_parse(&x, 2, junk, &a)), XE_USAGE);
	assert_int_equal(lines(err_buf), 1);
}

/* port split CAGE [panel P] MODE [--dry-run], port unsplit CAGE [panel P] */
static void test_port_split_parse(void **state)
{
	struct xpoctl x = { .object = "port" };
	char *cage[] = { "2", "16x800G" };
	char *panel[] = { "1/3", "panel", "5", "2x800G", "--dry-run" };
	char *after[] = { "3", "4x400G", "panel", "0" };
	char *un[] = { "3", "--dry-run" };
	char *unp[] = { "3", "panel", "7" };
	static const struct {
		bool split;
		int argc;
		char *argv[6];
		const char *msg;
	} bad[] = {
		{ true, 0, { NULL }, "port split needs a CAGE" },
		{ true, 1, { "2" }, "port split needs a MODE" },
		{ true, 3, { "2", "16x800G", "32x400G" }, "takes one MODE" },
		/* B/N is a cage; a panel is never after a slash */
		{ true, 2, { "2/5/1", "2x800G" }, "invalid cage \"2/5/1\"" },
		{ true, 2, { "2:5", "2x800G" }, "invalid cage" },
		{ true, 4, { "2", "pan", "5", "2x800G" }, "write out panel" },
		{ true, 4, { "2", "panel", "8", "2x800G" }, "expected a front-panel port, 0-7" },
		{ true, 3, { "2", "2x800G", "panel" }, "panel needs" },
		{ true, 6, { "2", "panel", "1", "panel", "2", "2x800G" }, "panel given twice" },
		{ true, 2, { "2", "sixteen" }, "keyword \"sixteen\" is unknown" },
		{ false, 2, { "2", "16x800G" }, "port unsplit takes no MODE" },
		{ false, 2, { "2", "-n" }, "keyword \"-n\" is unknown" },
	};
	struct split_args a;
	size_t i;

	(void)state;
	assert_int_equal(port_split_parse(&x, true, 2, cage, &a), 0);
	assert_int_equal(a.cage.board, 0);
	assert_int_equal(a.cage.id, 2);
	assert_false(a.has_panel);
	assert_string_equal(a.mode, "16x800G");
	assert_false(a.dry_run);
	assert_int_equal(port_split_parse(&x, true, 5, panel, &a), 0);
	assert_int_equal(a.cage.board, 1);
	assert_int_equal(a.cage.id, 3);
	assert_true(a.has_panel);
	assert_int_equal(a.panel, 5);
	assert_string_equal(a.mode, "2x800G");
	assert_true(a.dry_run);
	/* the words after the CAGE in any order */
	assert_int_equal(port_split_parse(&x, true, 4, after, &a), 0);
	assert_true(a.has_panel);
	assert_int_equal(a.panel, 0);
	assert_string_equal(a.mode, "4x400G");
	assert_int_equal(port_split_parse(&x, false, 2, un, &a), 0);
	assert_true(a.dry_run);
	assert_false(a.has_panel);
	assert_null(a.mode);
	assert_int_equal(port_split_parse(&x, false, 3, unp, &a), 0);
	assert_int_equal(a.panel, 7);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char **argv = (char **)bad[i].argv;

		assert_int_equal(CAPTURE_ERR(port_split_parse(&x, bad[i].split,
							      bad[i].argc, argv,
							      &a)), XE_USAGE);
		assert_int_equal(lines(err_buf), 1);
		if (!strstr(err_buf, bad[i].msg))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err_buf,
				 bad[i].msg);
	}
}

/* reach show CAGE, reach set CAGE PROFILE|any [--dry-run] */
static void test_reach_parse(void **state)
{
	struct xpoctl x = { .object = "reach" };
	char *show[] = { "1/3" };
	char *set[] = { "2", "zr-plus" };
	char *any[] = { "2", "--dry-run", "any" };
	char *zr[] = { "0/2", "zr" };
	char *other[] = { "2", "other" };
	static const struct {
		bool set;
		int argc;
		char *argv[4];
		const char *msg;
	} bad[] = {
		{ false, 0, { NULL }, "reach show needs a CAGE" },
		{ false, 2, { "2", "dr" }, "reach show takes one CAGE" },
		{ false, 1, { "2/" }, "invalid cage \"2/\"" },
		{ true, 0, { NULL }, "reach set needs a CAGE" },
		{ true, 1, { "2" }, "reach set needs a PROFILE" },
		{ true, 2, { "2", "--dry-run" }, "reach set needs a PROFILE" },
		{ true, 3, { "2", "dr", "fr" }, "takes one PROFILE (\"dr\", \"fr\")" },
		{ true, 2, { "2", "z" }, "write out zr, zr-plus" },
		{ true, 2, { "2", "d" }, "write out dr" },
		{ true, 2, { "2", "an" }, "write out any" },
		{ true, 2, { "2", "DR" }, "profile \"DR\" is unknown" },
		{ true, 2, { "2", "zr+" }, "profile \"zr+\" is unknown" },
		{ true, 2, { "2", "-n" }, "profile \"-n\" is unknown" },
		{ true, 2, { "256", "dr" }, "invalid cage \"256\"" },
	};
	struct reach_args a;
	size_t i;

	(void)state;
	assert_int_equal(reach_parse(&x, false, 1, show, &a), 0);
	assert_int_equal(a.cage.board, 1);
	assert_int_equal(a.cage.id, 3);
	assert_false(a.has_reach);
	assert_int_equal(reach_parse(&x, true, 2, set, &a), 0);
	assert_int_equal(a.cage.id, 2);
	assert_true(a.has_reach);
	assert_int_equal(a.reach, XPO_REACH_ZR_PLUS);
	assert_false(a.dry_run);
	/* any: no profile; the words after the CAGE in any order */
	assert_int_equal(reach_parse(&x, true, 3, any, &a), 0);
	assert_false(a.has_reach);
	assert_true(a.dry_run);
	/* an exact name wins over the longer one it is a prefix of */
	assert_int_equal(reach_parse(&x, true, 2, zr, &a), 0);
	assert_int_equal(a.reach, XPO_REACH_ZR);
	assert_int_equal(reach_parse(&x, true, 2, other, &a), 0);
	assert_int_equal(a.reach, XPO_REACH_OTHER);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char **argv = (char **)bad[i].argv;

		assert_int_equal(CAPTURE_ERR(reach_parse(&x, bad[i].set,
							 bad[i].argc, argv,
							 &a)), XE_USAGE);
		assert_int_equal(lines(err_buf), 1);
		if (!strstr(err_buf, bad[i].msg))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err_buf,
				 bad[i].msg);
	}
}

/* port si set CAGE PORT ..., port tune set CAGE PORT ... */
static void test_settings_parse(void **state)
{
	struct xpoctl x = { .object = "port" };
	char *si[] = { "1/3", "2", "lanes", "3-4", "txeq", "7", "pre", "1",
		       "post", "15", "amp", "0" };
	char *adaptive[] = { "3", "0", "txeq", "adaptive" };
	char *tune[] = { "3", "0", "channel", "-12", "grid", "6.25", "power",
			 "-2.5" };
	char *freq[] = { "3", "1", "freq", "194000000", "grid", "33" };
	static const struct {
		bool si;
		int argc;
		char *argv[6];
		const char *msg;
	} bad[] = {
		{ true, 1, { "3" }, "needs CAGE PORT" },
		{ true, 2, { "3", "0" }, "nothing to set" },
		{ true, 2, { "3", "64" }, "invalid port \"64\"" },
		{ true, 4, { "3", "0", "lanes", "9" }, "lanes takes N, N-M (1-8) or all" },
		{ true, 4, { "3", "0", "lanes", "4-2" }, "lanes takes" },
		{ true, 4, { "3", "0", "txeq", "16" }, "invalid txeq \"16\" (0-15)" },
		{ true, 3, { "3", "0", "pre" }, "pre needs a value" },
		{ true, 4, { "3", "0", "tx", "1" }, "\"tx\" is unknown" },
		{ false, 2, { "3", "0" }, "nothing to set" },
		{ false, 4, { "3", "0", "grid", "60" }, "invalid grid \"60\"" },
		{ false, 4, { "3", "0", "power", "-2dBm" }, "invalid power" },
		{ false, 4, { "3", "0", "channel", "40000" }, "invalid channel" },
		{ false, 6, { "3", "0", "channel", "1", "freq", "193100000" },
		  "channel or freq, not both" },
		{ false, 4, { "3", "0", "chan", "1" }, "\"chan\" is unknown" },
	};
	struct settings_args a;
	size_t i;

	(void)state;
	settings_args_init(&a);
	assert_int_equal(port_si_set_parse(&x, 12, si, &a), 0);
	assert_int_equal(a.cage.board, 1);
	assert_int_equal(a.cage.id, 3);
	assert_int_equal(a.index, 2);
	assert_int_equal(a.lanes, 0x0c);
	assert_int_equal(a.tx_eq, 7);
	assert_int_equal(a.tx_adaptive, -1);
	assert_int_equal(a.pre, 1);
	assert_int_equal(a.post, 15);
	assert_int_equal(a.amp, 0);
	settings_args_init(&a);
	assert_int_equal(port_si_set_parse(&x, 4, adaptive, &a), 0);
	assert_int_equal(a.tx_adaptive, 1);
	assert_int_equal(a.tx_eq, -1);
	assert_int_equal(a.lanes, 0);
	settings_args_init(&a);
	assert_int_equal(port_tune_set_parse(&x, 8, tune, &a), 0);
	assert_true(a.has_channel);
	assert_int_equal(a.channel, -12);
	assert_int_equal(a.grid_mhz, 6250);
	assert_true(a.has_power);
	assert_int_equal(a.power, -250);
	assert_false(a.has_freq);
	settings_args_init(&a);
	assert_int_equal(port_tune_set_parse(&x, 6, freq, &a), 0);
	assert_true(a.has_freq);
	assert_int_equal(a.freq, 194000000);
	assert_int_equal(a.grid_mhz, 33333);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char **argv = (char **)bad[i].argv;

		settings_args_init(&a);
		assert_int_equal(CAPTURE_ERR(bad[i].si ?
					     port_si_set_parse(&x, bad[i].argc,
							       argv, &a) :
					     port_tune_set_parse(&x, bad[i].argc,
								 argv, &a)),
				 XE_USAGE);
		assert_int_equal(lines(err_buf), 1);
		if (!strstr(err_buf, bad[i].msg))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err_buf,
				 bad[i].msg);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dispatch),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_not_implemented),
		cmocka_unit_test(test_cage_set_parse),
		cmocka_unit_test(test_cage_set_protect_parse),
		cmocka_unit_test(test_eeprom_parse),
		cmocka_unit_test(test_dump_parse),
		cmocka_unit_test(test_parse_cage),
		cmocka_unit_test(test_destructive_keywords),
		cmocka_unit_test(test_kw_lookup),
		cmocka_unit_test(test_cage_ids),
		cmocka_unit_test(test_cage_opt_parse),
		cmocka_unit_test(test_cage_names),
		cmocka_unit_test(test_dry_run),
		cmocka_unit_test(test_options_refused),
		cmocka_unit_test(test_monitor_parse),
		cmocka_unit_test(test_port_split_parse),
		cmocka_unit_test(test_reach_parse),
		cmocka_unit_test(test_settings_parse),
	};

	return cmocka_run_group_tests_name("args", tests, NULL, NULL);
}
