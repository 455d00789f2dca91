/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Generic netlink plumbing over libnl-genl-3: resolve the family (and say
 * why it is missing), send a request, collect replies through a callback
 * (dumps end at NLMSG_DONE), and show the kernel's extended ack, which
 * libnl 3.7 does not parse.
 */
#ifndef XPOCTL_NL_H
#define XPOCTL_NL_H

#include <stdbool.h>
#include <stdint.h>

#include <linux/netlink.h>

struct nl_msg;
struct nlattr;
struct xpoctl;

struct extack {
	const char *msg;	/* NLMSGERR_ATTR_MSG, or NULL */
	bool has_offs;
	uint32_t offs;		/* NLMSGERR_ATTR_OFFS: byte offset in the request */
	bool has_miss_type;
	uint32_t miss_type;	/* NLMSGERR_ATTR_MISS_TYPE */
	const char *bad_attr;	/* name of the attribute at offs, if found */
};

/*
 * Parse the TLVs of an NLMSG_ERROR message (the extended ack).  @nlh is the
 * whole error message; returns the error (a negative errno, 0 for an ack).
 */
int extack_parse(const struct nlmsghdr *nlh, struct extack *ea);

/* Attribute at byte @offs of request @req (nlh first), as a top-level type */
int extack_attr_at(const struct nlmsghdr *req, uint32_t offs);

/* Exit code for a negative errno from the kernel */
int errno_exit_code(int err);

struct nlsock;

/* Open the socket and resolve @family; on failure print why, return NULL and
 * set *@exit_code (4 when the family is missing). */
struct nlsock *xnl_open(const char *family, int *exit_code);
void xnl_close(struct nlsock *nl);

typedef int (*nl_build_fn)(struct nl_msg *msg, void *arg);
/* return 0 to continue, negative errno to stop */
/* @nlh: the whole reply, for multi-attr walks (genlmsg_attrdata) */
typedef int (*nl_reply_fn)(struct nlattr **tb, struct nlmsghdr *nlh,
			   void *arg);

/*
 * Send @cmd (dump if @dump) built by @build, call @reply with the parsed
 * attributes of each reply.  Returns 0 or a negative errno; a kernel error
 * has been printed with its extack, prefixed by @what.  @attr_name names
 * attribute types for the "bad attribute" hint.
 */
int xnl_request(struct nlsock *nl, uint8_t cmd, bool dump, int maxattr,
	       nl_build_fn build, nl_reply_fn reply, void *arg,
	       const char *what, const char *(*attr_name)(int type));

/* Error printing without the kernel: "xpoctl: WHAT: STRERROR" */
void xnl_print_error(const char *what, int err, const struct extack *ea);

/* Join multicast group @group of the family; receive with xnl_recv_events */
int xnl_join(struct nlsock *nl, const char *group);
/* Loop on events: @event gets the genl command and attributes; stops when it
 * returns non-zero (returned) or on a socket error (negative errno) */
int xnl_recv_events(struct nlsock *nl, int maxattr,
		   int (*event)(uint8_t cmd, struct nlattr **tb,
				struct nlmsghdr *nlh, void *arg),
		   void *arg);



/* Family id of @family, or a negative errno; prints nothing */
int xnl_family_id(const char *family);
#endif
