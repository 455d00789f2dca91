/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Generic netlink plumbing over the kernel's YNL C library (tools/net/ynl,
 * see the Makefile): resolve the family (and say why it is missing), send a
 * request, hand each reply to a callback (dumps end at NLMSG_DONE), show the
 * kernel's extended ack as xpoctl always has, and parse replies with the
 * typed parsers generated from the netlink spec, which check every
 * attribute against the spec's policy before it is read.
 */
#ifndef XPOCTL_NL_H
#define XPOCTL_NL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/netlink.h>

struct xpoctl;
struct ynl_parse_arg;

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
/*
 * The same of a dump's NLMSG_DONE: the error that ended the dump (0: none)
 * and the extack the kernel put after it.
 */
int extack_parse_done(const struct nlmsghdr *nlh, struct extack *ea);

/* Attribute at byte @offs of request @req (nlh first), as a top-level type */
int extack_attr_at(const struct nlmsghdr *req, uint32_t offs);

/* Exit code for a negative errno from the kernel */
int errno_exit_code(int err);

struct nlsock;

/* Open the socket and resolve @family; on failure print why, return NULL and
 * set *@exit_code (4 when the family is missing). */
struct nlsock *xnl_open(const char *family, int *exit_code);
void xnl_close(struct nlsock *nl);

/* Add the request's attributes (ynl_attr_put_*) after the genl header */
typedef int (*nl_build_fn)(struct nlmsghdr *nlh, void *arg);
/* One reply (or event), the whole message: return 0 to continue, a negative
 * errno to stop */
typedef int (*nl_reply_fn)(const struct nlmsghdr *nlh, void *arg);

/*
 * Send @cmd (dump if @dump) built by @build, call @reply with each reply.
 * Returns 0 or a negative errno; a kernel error has been printed with its
 * extack, prefixed by @what (NULL: quiet).  @attr_name names attribute
 * types for the "bad attribute" hint.
 */
int xnl_request(struct nlsock *nl, uint8_t cmd, bool dump,
		nl_build_fn build, nl_reply_fn reply, void *arg,
		const char *what, const char *(*attr_name)(int type));

/* A generated parser (xpo_*_rsp_parse of the YNL client) */
typedef int (*xnl_parse_fn)(const struct nlmsghdr *nlh,
			    struct ynl_parse_arg *yarg);

/*
 * Parse reply @nlh into the typed struct @rsp with @parse, checking each
 * attribute against the spec's policy @policy (a struct ynl_policy_nest).
 * Returns 0, or -EBADMSG with the reason in @err (@n bytes): a reply that
 * does not match the spec is refused, never read.
 */
int xnl_parse(const struct nlmsghdr *nlh, xnl_parse_fn parse,
	      const void *policy, void *rsp, char *err, size_t n);

/* Say that a reply was refused (@why from xnl_parse); returns -EBADMSG */
int xnl_bad_reply(const char *why);

/* Error printing without the kernel: "xpoctl: WHAT: STRERROR" */
void xnl_print_error(const char *what, int err, const struct extack *ea);

/* Join multicast group @group of the family; receive with xnl_recv_events */
int xnl_join(struct nlsock *nl, const char *group);
/* Read what one recv() brings (blocks until something does) and give each
 * event to @event (the genl command and the message).  Returns @event's
 * first non-zero return, 0, or a socket error (negative errno; -ENOBUFS:
 * events were lost, which has been said) */
int xnl_recv_events(struct nlsock *nl,
		    int (*event)(uint8_t cmd, const struct nlmsghdr *nlh,
				 void *arg),
		    void *arg);
/* The socket, for poll() */
int xnl_fd(const struct nlsock *nl);

/*
 * The generic netlink controller's notify group, where families appear and
 * go away (a driver loaded or unloaded): xnl_ctrl_open joins it (NULL, and
 * a message, on failure); xnl_ctrl_recv reads what one recv() brings and
 * calls @fn with XNL_FAMILY_NEW or XNL_FAMILY_DEL for each message about
 * @family, in order.  Same returns as xnl_recv_events.
 */
enum { XNL_FAMILY_NEW = 1, XNL_FAMILY_DEL };
struct nlsock *xnl_ctrl_open(void);
int xnl_ctrl_recv(struct nlsock *ctrl, const char *family,
		  int (*fn)(int what, void *arg), void *arg);

/* Family id of @family, or a negative errno; prints nothing */
int xnl_family_id(const char *family);
#endif
