// SPDX-License-Identifier: GPL-2.0
/* Generic netlink plumbing: see nl.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include "kmod_status.h"
#include "nl.h"
#include "util.h"

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif
#ifndef NETLINK_CAP_ACK
#define NETLINK_CAP_ACK 10
#endif

struct nlsock {
	struct nl_sock *sk;
	int family;
	const char *name;
};

int extack_parse(const struct nlmsghdr *nlh, struct extack *ea)
{
	const struct nlmsgerr *e = NLMSG_DATA(nlh);
	size_t len = nlh->nlmsg_len, off;
	const uint8_t *base = (const uint8_t *)nlh;

	memset(ea, 0, sizeof(*ea));
	if (len < NLMSG_HDRLEN + sizeof(*e))
		return -EBADMSG;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return e->error;
	/* the TLVs follow the error and, unless capped, the whole request */
	off = NLMSG_HDRLEN + sizeof(*e);
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += NLMSG_ALIGN(e->msg.nlmsg_len) - sizeof(e->msg);
	while (off + NLA_HDRLEN <= len) {
		const struct nlattr *a = (const void *)(base + off);
		size_t alen = a->nla_len;
		const uint8_t *data = base + off + NLA_HDRLEN;

		if (alen < NLA_HDRLEN || off + alen > len)
			break;
		switch (a->nla_type & NLA_TYPE_MASK) {
		case NLMSGERR_ATTR_MSG:
			/* must be NUL-terminated within the attribute */
			if (alen > NLA_HDRLEN &&
			    memchr(data, 0, alen - NLA_HDRLEN))
				ea->msg = (const char *)data;
			break;
		case NLMSGERR_ATTR_OFFS:
			if (alen >= NLA_HDRLEN + 4) {
				memcpy(&ea->offs, data, 4);
				ea->has_offs = true;
			}
			break;
#ifdef NLMSGERR_ATTR_MISS_TYPE
		case NLMSGERR_ATTR_MISS_TYPE:
			if (alen >= NLA_HDRLEN + 4) {
				memcpy(&ea->miss_type, data, 4);
				ea->has_miss_type = true;
			}
			break;
#endif
		default:
			break;
		}
		off += NLA_ALIGN(alen);
	}
	return e->error;
}

int extack_attr_at(const struct nlmsghdr *req, uint32_t offs)
{
	size_t off = NLMSG_HDRLEN + GENL_HDRLEN;

	while (off + NLA_HDRLEN <= req->nlmsg_len) {
		const struct nlattr *a = (const void *)((const uint8_t *)req + off);

		if (a->nla_len < NLA_HDRLEN)
			break;
		if (offs >= off && offs < off + a->nla_len)
			return a->nla_type & NLA_TYPE_MASK;
		off += NLA_ALIGN(a->nla_len);
	}
	return -1;
}

int errno_exit_code(int err)
{
	switch (-err) {
	case EPERM:
	case EACCES:
		return XE_PERM;
	case EINVAL:
	case ERANGE:
		return XE_USAGE;
	default:
		return XE_FAIL;
	}
}

void xnl_print_error(const char *what, int err, const struct extack *ea)
{
	if (ea && ea->msg) {
		fprintf(stderr, "xpoctl: %s: %s (", what, ea->msg);
		if (ea->bad_attr)
			fprintf(stderr, "attribute %s: ", ea->bad_attr);
		fprintf(stderr, "%s)\n", strerror(-err));
	} else {
		fprintf(stderr, "xpoctl: %s: %s\n", what, strerror(-err));
	}
	if (err == -EPERM)
		fputs("xpoctl: changing a cage or reading module memory needs "
		      "CAP_NET_ADMIN (run as root)\n", stderr);
}

static void explain_missing(const char *family)
{
	struct drv_status st;

	drv_status_query("xpo", &st);
	fprintf(stderr, "xpoctl: generic netlink family \"%s\" not found: %s\n",
		family, drv_state_reason(&st));
	fprintf(stderr, "xpoctl: hint: %s\n", drv_state_hint(&st));
}

struct nlsock *xnl_open(const char *family, int *exit_code)
{
	struct nlsock *nl = xzalloc(sizeof(*nl));
	int one = 1, err;

	*exit_code = XE_FAIL;
	nl->name = family;
	nl->sk = nl_socket_alloc();
	if (!nl->sk)
		die_oom();
	err = genl_connect(nl->sk);
	if (err) {
		fprintf(stderr, "xpoctl: cannot open a generic netlink socket: %s\n",
			nl_geterror(err));
		goto fail;
	}
	/* extended acks and capped error messages; old kernels refuse: fine */
	setsockopt(nl_socket_get_fd(nl->sk), SOL_NETLINK, NETLINK_EXT_ACK,
		   &one, sizeof(one));
	setsockopt(nl_socket_get_fd(nl->sk), SOL_NETLINK, NETLINK_CAP_ACK,
		   &one, sizeof(one));
	/* genl_ctrl_resolve asks the kernel, which may autoload the module */
	nl->family = genl_ctrl_resolve(nl->sk, family);
	if (nl->family < 0) {
		explain_missing(family);
		*exit_code = XE_DRIVER;
		goto fail;
	}
	*exit_code = XE_OK;
	return nl;
fail:
	nl_socket_free(nl->sk);
	free(nl);
	return NULL;
}

void xnl_close(struct nlsock *nl)
{
	if (!nl)
		return;
	nl_socket_free(nl->sk);
	free(nl);
}

struct req_ctx {
	int maxattr;
	nl_reply_fn reply;
	void *arg;
	int err;	/* from the kernel or the reply callback */
	bool done;
	struct extack ea;
	char msgbuf[256];
	const struct nlmsghdr *req;
	const char *(*attr_name)(int type);
};

static int valid_cb(struct nl_msg *msg, void *arg)
{
	struct req_ctx *c = arg;
	struct nlattr **tb;
	int err;

	tb = xzalloc(sizeof(*tb) * (c->maxattr + 1));
	err = genlmsg_parse(nlmsg_hdr(msg), 0, tb, c->maxattr, NULL);
	if (err) {
		c->err = -EBADMSG;
		free(tb);
		return NL_STOP;
	}
	if (c->reply) {
		err = c->reply(tb, nlmsg_hdr(msg), c->arg);
		if (err) {
			c->err = err;
			free(tb);
			return NL_STOP;
		}
	}
	free(tb);
	return NL_OK;
}

static int error_cb(struct sockaddr_nl *nla, struct nlmsgerr *e, void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)((char *)e - NLMSG_HDRLEN);
	struct req_ctx *c = arg;
	int type;

	(void)nla;
	c->err = extack_parse(nlh, &c->ea);
	if (c->ea.msg) {
		/* the message lives in the receive buffer: keep a copy */
		snprintf(c->msgbuf, sizeof(c->msgbuf), "%s", c->ea.msg);
		c->ea.msg = c->msgbuf;
	}
	if (c->ea.has_offs && c->req && c->attr_name) {
		type = extack_attr_at(c->req, c->ea.offs);
		if (type >= 0)
			c->ea.bad_attr = c->attr_name(type);
	}
	c->done = true;
	return NL_STOP;
}

static int finish_cb(struct nl_msg *msg, void *arg)
{
	struct req_ctx *c = arg;

	(void)msg;
	c->done = true;
	return NL_STOP;
}

static int ack_cb(struct nl_msg *msg, void *arg)
{
	struct req_ctx *c = arg;

	(void)msg;
	c->done = true;
	return NL_STOP;
}

int xnl_request(struct nlsock *nl, uint8_t cmd, bool dump, int maxattr,
	       nl_build_fn build, nl_reply_fn reply, void *arg,
	       const char *what, const char *(*attr_name)(int type))
{
	struct req_ctx c = { .maxattr = maxattr, .reply = reply, .arg = arg,
			     .attr_name = attr_name };
	struct nl_cb *cb;
	struct nl_msg *msg;
	int err;

	msg = nlmsg_alloc();
	if (!msg)
		die_oom();
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, nl->family, 0,
			 (dump ? NLM_F_DUMP : 0) | NLM_F_ACK, cmd, 1)) {
		nlmsg_free(msg);
		die_oom();
	}
	if (build) {
		err = build(msg, arg);
		if (err) {
			nlmsg_free(msg);
			return err;
		}
	}
	cb = nl_cb_alloc(NL_CB_CUSTOM);
	if (!cb)
		die_oom();
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, valid_cb, &c);
	nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, finish_cb, &c);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, ack_cb, &c);
	nl_cb_err(cb, NL_CB_CUSTOM, error_cb, &c);

	c.req = nlmsg_hdr(msg);
	err = nl_send_auto(nl->sk, msg);
	if (err < 0) {
		fprintf(stderr, "xpoctl: %s: send: %s\n", what ? what : "request",
			nl_geterror(err));
		err = -EIO;
		goto out;
	}
	while (!c.done) {
		err = nl_recvmsgs(nl->sk, cb);
		if (err < 0 && !c.done) {
			fprintf(stderr, "xpoctl: %s: receive: %s\n",
				what ? what : "request", nl_geterror(err));
			err = -EIO;
			goto out;
		}
		/* a reply callback asked to stop, before the dump's end */
		if (c.err && !c.done)
			break;
	}
	err = c.err;
	/* what == NULL: the caller expects failures and stays quiet */
	if (err && what && (c.ea.msg || c.done))
		xnl_print_error(what, err, &c.ea);
out:
	nl_cb_put(cb);
	nlmsg_free(msg);
	return err;
}

int xnl_join(struct nlsock *nl, const char *group)
{
	int grp, err;

	grp = genl_ctrl_resolve_grp(nl->sk, nl->name, group);
	if (grp < 0) {
		fprintf(stderr, "xpoctl: multicast group \"%s\" not found: %s\n",
			group, nl_geterror(grp));
		return -ENOENT;
	}
	err = nl_socket_add_membership(nl->sk, grp);
	if (err) {
		fprintf(stderr, "xpoctl: cannot join \"%s\": %s\n", group,
			nl_geterror(err));
		return -EIO;
	}
	return 0;
}

struct ev_ctx {
	int maxattr;
	int (*event)(uint8_t cmd, struct nlattr **tb, struct nlmsghdr *nlh,
		     void *arg);
	void *arg;
	int ret;
};

static int event_cb(struct nl_msg *msg, void *arg)
{
	struct ev_ctx *c = arg;
	struct genlmsghdr *g = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr **tb;

	tb = xzalloc(sizeof(*tb) * (c->maxattr + 1));
	if (!genlmsg_parse(nlmsg_hdr(msg), 0, tb, c->maxattr, NULL))
		c->ret = c->event(g->cmd, tb, nlmsg_hdr(msg), c->arg);
	free(tb);
	return c->ret ? NL_STOP : NL_OK;
}

static int no_seq_check(struct nl_msg *msg, void *arg)
{
	(void)msg;
	(void)arg;
	return NL_OK;
}

int xnl_recv_events(struct nlsock *nl, int maxattr,
		   int (*event)(uint8_t cmd, struct nlattr **tb,
				struct nlmsghdr *nlh, void *arg),
		   void *arg)
{
	struct ev_ctx c = { .maxattr = maxattr, .event = event, .arg = arg };
	struct nl_cb *cb;
	int err;

	/* multicast messages carry no sequence number of ours */
	nl_socket_disable_seq_check(nl->sk);
	cb = nl_cb_alloc(NL_CB_CUSTOM);
	if (!cb)
		die_oom();
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, event_cb, &c);
	nl_cb_set(cb, NL_CB_SEQ_CHECK, NL_CB_CUSTOM, no_seq_check, NULL);
	while (!c.ret) {
		err = nl_recvmsgs(nl->sk, cb);
		if (err < 0) {
			/* ENOBUFS: events were lost; say so, do not hide it */
			fprintf(stderr, "xpoctl: monitor: %s\n", nl_geterror(err));
			c.ret = err == -NLE_NOMEM ? -ENOBUFS : -EIO;
		}
	}
	nl_cb_put(cb);
	return c.ret;
}

int xnl_family_id(const char *family)
{
	struct nl_sock *sk = nl_socket_alloc();
	int id;

	if (!sk)
		die_oom();
	id = genl_connect(sk);
	if (!id)
		id = genl_ctrl_resolve(sk, family);
	nl_socket_free(sk);
	return id < 0 ? -ENOENT : id;
}
