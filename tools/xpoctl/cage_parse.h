/* SPDX-License-Identifier: GPL-2.0 */
#ifndef XPOCTL_CAGE_PARSE_H
#define XPOCTL_CAGE_PARSE_H

#include <linux/netlink.h>

#include "cage_fmt.h"

struct nlattr;

/* Fill @c from the attributes of a cage-get reply or cage event */
void cage_parse(struct nlattr **tb, struct nlmsghdr *nlh, struct cage_info *c);
/* Attribute names for extack's "bad attribute" */
const char *cage_attr_name(int type);
const char *eeprom_attr_name(int type);

#endif
