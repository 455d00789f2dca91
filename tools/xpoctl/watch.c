// SPDX-License-Identifier: GPL-2.0
/*
 * -w SECONDS: a read command again and again, as watch(1) runs one, for the
 * operator who keeps an eye on a cage's lanes or temperatures.
 *
 * Each round's output (stdout and stderr, so that an error shows in its
 * frame; with -j stdout alone) goes to a memory file first; the frame is then written with one
 * write(2), after the escape that homes the cursor and clears the screen on
 * a terminal: the terminal never shows half of an old frame under half of a
 * new one.  The tables still fit the terminal: its width is passed on in
 * $COLUMNS (table.c), as the memory file is no terminal.  Without a terminal
 * (a pipe, a file) the frames follow one another, each after its heading
 * line; with -j each round is one JSON document, and no heading.
 *
 * Rounds start every SECONDS on CLOCK_MONOTONIC, however long a round took;
 * SIGINT or SIGTERM ends the loop after the round it interrupts, with that
 * round's exit code.  A usage error ends it at once.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "xpoctl.h"

static volatile sig_atomic_t watch_stop;

static void watch_signal(int sig)
{
	(void)sig;
	watch_stop = 1;
}

/* write(2) all of @buf, however the kernel splits it */
static int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		buf += n;
		len -= n;
	}
	return 0;
}

/*
 * The round's output into @mfd (offset 0, truncated): stdout, and stderr
 * but with -j (a document a round on stdout, the messages stay apart)
 */
static int watch_round(struct xpoctl *x, xpoctl_func func, int argc,
		       char **argv, int mfd)
{
	int out, err, ret;

	fflush(stdout);
	fflush(stderr);
	out = dup(STDOUT_FILENO);
	err = x->json ? STDERR_FILENO : dup(STDERR_FILENO);
	if (out < 0 || err < 0 || ftruncate(mfd, 0) ||
	    lseek(mfd, 0, SEEK_SET) || dup2(mfd, STDOUT_FILENO) < 0 ||
	    (!x->json && dup2(mfd, STDERR_FILENO) < 0)) {
		ret = -errno;
		goto restore;
	}
	jw_init(&x->jw, stdout, x->pretty);
	ret = func(x, argc, argv);
	fflush(stdout);
	fflush(stderr);
restore:
	if (out >= 0) {
		dup2(out, STDOUT_FILENO);
		close(out);
	}
	if (err >= 0 && err != STDERR_FILENO) {
		dup2(err, STDERR_FILENO);
		close(err);
	}
	return ret;
}

/*
 * The frame: screen control and heading on a terminal, cut to its @rows
 * (as watch(1) does: a frame that scrolled would tear); the heading alone
 * otherwise; with -j, the document alone.
 */
static char *watch_frame(const struct xpoctl *x, const char *title,
			 bool tty, unsigned int rows, int mfd, size_t *len)
{
	char stamp[40], *buf = NULL, *p;
	unsigned int lines = 0;
	struct tm tm;
	time_t now;
	off_t size;
	size_t i;
	FILE *f;

	size = lseek(mfd, 0, SEEK_END);
	if (size < 0)
		return NULL;
	f = open_memstream(&buf, len);
	if (!f)
		return NULL;
	if (!x->json) {
		now = time(NULL);
		localtime_r(&now, &tm);
		strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S%z", &tm);
		fprintf(f, "%sEvery %.1fs: %s  %s\n\n", tty ? "\033[H\033[2J" : "",
			x->watch_ms / 1000.0, title, stamp);
	}
	if (size > 0) {
		p = malloc(size);
		if (p && pread(mfd, p, size, 0) == size)
			fwrite(p, 1, size, f);
		free(p);
	}
	if (fclose(f))
		return NULL;
	/* on a terminal, the lines that fit, the last without its newline */
	for (i = 0; tty && rows && i < *len; i++) {
		if (buf[i] == '\n' && ++lines == rows) {
			*len = i;
			break;
		}
	}
	return buf;
}

int watch_run(struct xpoctl *x, xpoctl_func func, int argc, char **argv,
	      const char *title)
{
	struct sigaction sa = { .sa_handler = watch_signal };
	bool tty = isatty(STDOUT_FILENO);
	struct timespec next;
	struct winsize ws = { 0 };
	char cols[16];
	int mfd, ret = XE_OK;

	mfd = memfd_create("xpoctl-watch", MFD_CLOEXEC);
	if (mfd < 0) {
		fprintf(stderr, "xpoctl: watch: memfd_create: %s\n",
			strerror(errno));
		return XE_FAIL;
	}
	if (tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws))
		memset(&ws, 0, sizeof(ws));
	if (ws.ws_col) {
		snprintf(cols, sizeof(cols), "%u", ws.ws_col);
		setenv("COLUMNS", cols, 1);
	}
	watch_stop = 0;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	clock_gettime(CLOCK_MONOTONIC, &next);
	while (!watch_stop) {
		size_t len = 0;
		char *frame;

		ret = watch_round(x, func, argc, argv, mfd);
		if (ret < 0) {
			fprintf(stderr, "xpoctl: watch: %s\n", strerror(-ret));
			ret = XE_FAIL;
			break;
		}
		frame = watch_frame(x, title, tty, ws.ws_row, mfd, &len);
		if (!frame || write_all(STDOUT_FILENO, frame, len)) {
			free(frame);
			ret = XE_FAIL;	/* the reader went away (EPIPE) */
			break;
		}
		free(frame);
		if (ret == XE_USAGE)
			break;	/* the same again next round */
		next.tv_sec += x->watch_ms / 1000;
		next.tv_nsec += (x->watch_ms % 1000) * 1000000L;
		if (next.tv_nsec >= 1000000000L) {
			next.tv_sec++;
			next.tv_nsec -= 1000000000L;
		}
		/* a signal cuts the wait short (no SA_RESTART) */
		while (!watch_stop &&
		       clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next,
				       NULL) == EINTR)
			;
	}
	close(mfd);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	return ret;
}
