/* SPDX-License-Identifier: GPL-2.0 */
#ifndef XPOCTL_CAGE_PARSE_H
#define XPOCTL_CAGE_PARSE_H

#include <stddef.h>

#include <linux/netlink.h>

#include "cage_fmt.h"

/*
 * Fill @c from a cage-get reply (cage_parse) or a cage-event-ntf
 * (cage_event_parse), the whole message @nlh.  Each attribute is checked
 * against the spec's policy first: on a mismatch return -EBADMSG with the
 * reason in @err (@n bytes), having read nothing of it.
 */
int cage_parse(const struct nlmsghdr *nlh, struct cage_info *c,
	       char *err, size_t n);
int cage_event_parse(const struct nlmsghdr *nlh, struct cage_info *c,
		     char *err, size_t n);
/* Attribute names for extack's "bad attribute" */
const char *cage_attr_name(int type);
const char *eeprom_attr_name(int type);

#endif
