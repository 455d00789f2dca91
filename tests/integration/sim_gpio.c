// SPDX-License-Identifier: GPL-2.0
/*
 * A minimal GPIO character device (uAPI v2) client for sim_board.sh, so the
 * test needs no libgpiod tools.  Values are electrical.
 *
 *   sim_gpio CHIP get LINE...         print the lines' levels
 *   sim_gpio CHIP set LINE=V...       drive output lines, then release them
 *   sim_gpio CHIP watch MS LINE...    print "ready", then one line per edge
 *                                     ("<line> rising|falling") until MS
 *                                     milliseconds pass without an edge
 */
#include <fcntl.h>
#include <linux/gpio.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static int request_lines(int chip, const unsigned int *lines, unsigned int n,
			 __u64 flags, __u64 values)
{
	struct gpio_v2_line_request req;
	unsigned int i;

	memset(&req, 0, sizeof(req));
	for (i = 0; i < n; i++)
		req.offsets[i] = lines[i];
	req.num_lines = n;
	req.config.flags = flags;
	if (flags & GPIO_V2_LINE_FLAG_OUTPUT) {
		req.config.num_attrs = 1;
		req.config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
		req.config.attrs[0].attr.values = values;
		req.config.attrs[0].mask = (1ULL << n) - 1;
	}
	strcpy(req.consumer, "sim_gpio");
	if (ioctl(chip, GPIO_V2_GET_LINE_IOCTL, &req) < 0) {
		perror("GPIO_V2_GET_LINE_IOCTL");
		exit(1);
	}
	return req.fd;
}

static unsigned int parse_lines(int argc, char **argv, int first,
				unsigned int *lines, __u64 *values)
{
	unsigned int n = 0;
	int i;

	for (i = first; i < argc && n < GPIO_V2_LINES_MAX; i++, n++) {
		char *eq = strchr(argv[i], '=');

		lines[n] = strtoul(argv[i], NULL, 0);
		if (values && eq && strtoul(eq + 1, NULL, 0))
			*values |= 1ULL << n;
	}
	return n;
}

int main(int argc, char **argv)
{
	unsigned int lines[GPIO_V2_LINES_MAX], n, i;
	int chip, fd;

	if (argc < 4) {
		fprintf(stderr, "usage: sim_gpio CHIP get|set|watch ...\n");
		return 2;
	}
	chip = open(argv[1], O_RDWR);
	if (chip < 0) {
		perror(argv[1]);
		return 1;
	}

	if (!strcmp(argv[2], "get")) {
		struct gpio_v2_line_values v;

		n = parse_lines(argc, argv, 3, lines, NULL);
		fd = request_lines(chip, lines, n, GPIO_V2_LINE_FLAG_INPUT, 0);
		v.mask = (1ULL << n) - 1;
		v.bits = 0;
		if (ioctl(fd, GPIO_V2_LINE_GET_VALUES_IOCTL, &v) < 0) {
			perror("GPIO_V2_LINE_GET_VALUES_IOCTL");
			return 1;
		}
		for (i = 0; i < n; i++)
			printf("%s%d", i ? " " : "", !!(v.bits & (1ULL << i)));
		printf("\n");
		return 0;
	}

	if (!strcmp(argv[2], "set")) {
		__u64 values = 0;

		n = parse_lines(argc, argv, 3, lines, &values);
		fd = request_lines(chip, lines, n, GPIO_V2_LINE_FLAG_OUTPUT,
				   values);
		close(fd);
		return 0;
	}

	if (!strcmp(argv[2], "watch")) {
		struct gpio_v2_line_event ev;
		struct pollfd pfd;
		int ms = atoi(argv[3]);

		n = parse_lines(argc, argv, 4, lines, NULL);
		fd = request_lines(chip, lines, n, GPIO_V2_LINE_FLAG_INPUT |
				   GPIO_V2_LINE_FLAG_EDGE_RISING |
				   GPIO_V2_LINE_FLAG_EDGE_FALLING, 0);
		printf("ready\n");
		fflush(stdout);
		pfd.fd = fd;
		pfd.events = POLLIN;
		while (poll(&pfd, 1, ms) > 0) {
			if (read(fd, &ev, sizeof(ev)) != sizeof(ev))
				break;
			printf("%u %s\n", ev.offset,
			       ev.id == GPIO_V2_LINE_EVENT_RISING_EDGE ?
			       "rising" : "falling");
			fflush(stdout);
		}
		return 0;
	}
	return 2;
}
