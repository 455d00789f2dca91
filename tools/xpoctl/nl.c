// SPDX-License-Identifier: GPL-2.0
/* Generic netlink plumbing on YNL: see nl.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/genetlink.h>

#include "xpo_ynl.h"

#include "kmod_status.h"
#include "nl.h"
#include "util.h"

/* replies and events: a dump's skb is at most 32 KiB, an event far less */
#define XNL_RX_SIZE	65536

struct nlsock {
	struct ynl_sock *ys;
	const char *name;
	uint8_t *rx;
};

/* The extack's TLVs, from byte @off of message @nlh to its end */
static void extack_tlvs(const struct nlmsghdr *nlh, size_t off,
			struct extack *ea)
{
	const uint8_t *base = (const uint8_t *)nlh;
	size_t len = nlh->nlmsg_len;

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
}

int extack_parse(const struct nlmsghdr *nlh, struct extack *ea)
{
	const struct nlmsgerr *e = NLMSG_DATA(nlh);
	size_t off;

	memset(ea, 0, sizeof(*ea));
	if (nlh->nlmsg_len < NLMSG_HDRLEN + sizeof(*e))
		return -EBADMSG;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return e->error;
	/* the TLVs follow the error and, unless capped, the whole request */
	off = NLMSG_HDRLEN + sizeof(*e);
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += NLMSG_ALIGN(e->msg.nlmsg_len) - sizeof(e->msg);
	extack_tlvs(nlh, off, ea);
	return e->error;
}

int extack_parse_done(const struct nlmsghdr *nlh, struct extack *ea)
{
	int err;

	memset(ea, 0, sizeof(*ea));
	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(err)))
		return 0;
	memcpy(&err, NLMSG_DATA(nlh), sizeof(err));
	/* the kernel's netlink_dump_done(): the TLVs follow the error alone */
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
		extack_tlvs(nlh, NLMSG_LENGTH(sizeof(err)), ea);
	return err;
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
	struct ynl_error yerr = { 0 };
	struct nlsock *nl = xzalloc(sizeof(*nl));

	*exit_code = XE_FAIL;
	nl->name = family;
	/* asking the kernel for the family may autoload the module */
	nl->ys = ynl_sock_create(&ynl_xpo_family, &yerr);
	if (!nl->ys) {
		/* the family lookup is the last step: its error is ENOENT */
		if (yerr.code == ENOENT || strstr(yerr.msg, "no such family")) {
			explain_missing(family);
			*exit_code = XE_DRIVER;
		} else {
			fprintf(stderr, "xpoctl: cannot open a generic netlink socket: %s\n",
				yerr.msg[0] ? yerr.msg : strerror(yerr.code));
		}
		free(nl);
		return NULL;
	}
	/* YNL leaves attribute padding as the buffer had it: zero it once,
	 * so no request carries stale bytes (and valgrind stays quiet) */
	memset(nl->ys->tx_buf, 0, YNL_SOCKET_BUFFER_SIZE);
	nl->rx = xzalloc(XNL_RX_SIZE);
	*exit_code = XE_OK;
	return nl;
}

void xnl_close(struct nlsock *nl)
{
	if (!nl)
		return;
	ynl_sock_destroy(nl->ys);
	free(nl->rx);
	free(nl);
}

int xnl_parse(const struct nlmsghdr *nlh, xnl_parse_fn parse,
	      const void *policy, void *rsp, char *err, size_t n)
{
	/* the parsers report into a socket's error and read its family */
	struct ynl_sock ys = { .family = &ynl_xpo_family };
	struct ynl_parse_arg yarg = { .ys = &ys, .rsp_policy = policy,
				      .data = rsp };

	if (parse(nlh, &yarg) >= YNL_PARSE_CB_OK)
		return 0;
	snprintf(err, n, "%s", ys.err.msg[0] ? ys.err.msg : "malformed");
	return -EBADMSG;
}

int xnl_bad_reply(const char *why)
{
	fprintf(stderr, "xpoctl: reply refused, it does not match the xpo netlink spec: %s\n",
		why);
	return -EBADMSG;
}

/* the kernel's error for our request: keep the extack's message */
static int request_error(const struct nlmsghdr *nlh,
			 const struct nlmsghdr *req, struct extack *ea,
			 char *msgbuf, size_t n,
			 const char *(*attr_name)(int type))
{
	int err, type;

	err = nlh->nlmsg_type == NLMSG_DONE ? extack_parse_done(nlh, ea) :
					       extack_parse(nlh, ea);
	if (ea->msg) {
		/* the message lives in the receive buffer: keep a copy */
		snprintf(msgbuf, n, "%s", ea->msg);
		ea->msg = msgbuf;
	}
	if (ea->has_offs && attr_name) {
		type = extack_attr_at(req, ea->offs);
		if (type >= 0)
			ea->bad_attr = attr_name(type);
	}
	return err;
}

int xnl_request(struct nlsock *nl, uint8_t cmd, bool dump,
		nl_build_fn build, nl_reply_fn reply, void *arg,
		const char *what, const char *(*attr_name)(int type))
{
	struct ynl_sock *ys = nl->ys;
	struct extack ea = { 0 };
	struct nlmsghdr *req;
	char msgbuf[256];
	bool done = false;
	int err = 0;
	ssize_t len;

	req = dump ? ynl_gemsg_start_dump(ys, ys->family_id, cmd, 1) :
		     ynl_gemsg_start_req(ys, ys->family_id, cmd, 1);
	if (build) {
		err = build(req, arg);
		if (err)
			return err;
	}
	/* YNL keeps the buffer's room in nlmsg_pid while building */
	if (req->nlmsg_pid == YNL_MSG_OVERFLOW)
		return -EMSGSIZE;
	req->nlmsg_pid = 0;

	if (send(ys->socket, req, req->nlmsg_len, 0) < 0) {
		fprintf(stderr, "xpoctl: %s: send: %s\n", what ? what : "request",
			strerror(errno));
		return -EIO;
	}
	while (!done) {
		const struct nlmsghdr *nlh;

		len = recv(ys->socket, nl->rx, XNL_RX_SIZE, 0);
		if (len < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "xpoctl: %s: receive: %s\n",
				what ? what : "request", strerror(errno));
			return -EIO;
		}
		for (nlh = (const void *)nl->rx; NLMSG_OK(nlh, len);
		     nlh = NLMSG_NEXT(nlh, len)) {
			/* an event or a stale reply on the same socket */
			if (nlh->nlmsg_seq != req->nlmsg_seq ||
			    nlh->nlmsg_pid != ys->portid)
				continue;
			if (nlh->nlmsg_type == NLMSG_ERROR) {
				err = request_error(nlh, req, &ea, msgbuf,
						    sizeof(msgbuf), attr_name);
				done = true;
				break;
			}
			if (nlh->nlmsg_type == NLMSG_DONE) {
				/* a dump's end carries the error that cut it
				 * short (libnl used to drop it), with its
				 * extack: report them */
				err = request_error(nlh, req, &ea, msgbuf,
						    sizeof(msgbuf), attr_name);
				done = true;
				break;
			}
			if (nlh->nlmsg_type != ys->family_id || !reply)
				continue;
			err = reply(nlh, arg);
			if (err)
				return err;
		}
	}
	/* what == NULL: the caller expects failures and stays quiet */
	if (err && what)
		xnl_print_error(what, err, &ea);
	return err;
}

int xnl_join(struct nlsock *nl, const char *group)
{
	if (ynl_subscribe(nl->ys, group)) {
		fprintf(stderr, "xpoctl: cannot join multicast group \"%s\": %s\n",
			group, nl->ys->err.msg);
		return -ENOENT;
	}
	return 0;
}

int xnl_fd(const struct nlsock *nl)
{
	return nl->ys->socket;
}

/* one recv(): its length, or a negative errno said as "monitor: ..." */
static ssize_t recv_some(struct nlsock *nl)
{
	ssize_t len;

	do {
		len = recv(nl->ys->socket, nl->rx, XNL_RX_SIZE, 0);
	} while (len < 0 && errno == EINTR);
	if (len >= 0)
		return len;
	/* ENOBUFS: events were lost; say so, do not hide it */
	fprintf(stderr, "xpoctl: monitor: %s\n", strerror(errno));
	return errno == ENOBUFS ? -ENOBUFS : -EIO;
}

int xnl_recv_events(struct nlsock *nl,
		    int (*event)(uint8_t cmd, const struct nlmsghdr *nlh,
				 void *arg),
		    void *arg)
{
	const struct nlmsghdr *nlh;
	ssize_t len = recv_some(nl);
	int ret = 0;

	if (len < 0)
		return len;
	for (nlh = (const void *)nl->rx; NLMSG_OK(nlh, len) && !ret;
	     nlh = NLMSG_NEXT(nlh, len)) {
		const struct genlmsghdr *g = NLMSG_DATA(nlh);

		if (nlh->nlmsg_type != nl->ys->family_id ||
		    nlh->nlmsg_len < NLMSG_LENGTH(GENL_HDRLEN))
			continue;
		ret = event(g->cmd, nlh, arg);
	}
	return ret;
}

/* nlctrl is a family like any other to YNL: its name and its header */
static const struct ynl_family ctrl_family = {
	.name = "nlctrl",
	.hdr_len = sizeof(struct genlmsghdr),
};

struct nlsock *xnl_ctrl_open(void)
{
	struct ynl_error yerr = { 0 };
	struct nlsock *nl = xzalloc(sizeof(*nl));

	nl->name = ctrl_family.name;
	nl->ys = ynl_sock_create(&ctrl_family, &yerr);
	if (!nl->ys || ynl_subscribe(nl->ys, "notify")) {
		fprintf(stderr, "xpoctl: monitor: cannot watch the generic netlink controller: %s\n",
			nl->ys ? nl->ys->err.msg : yerr.msg);
		if (nl->ys)
			ynl_sock_destroy(nl->ys);
		free(nl);
		return NULL;
	}
	nl->rx = xzalloc(XNL_RX_SIZE);
	return nl;
}

/* the family name of a controller notification, checked as YNL does */
static const struct ynl_policy_attr ctrl_policy[CTRL_ATTR_FAMILY_NAME + 1] = {
	[CTRL_ATTR_FAMILY_NAME] = { .type = YNL_PT_NUL_STR, .len = GENL_NAMSIZ,
				    .name = "family-name" },
};
static const struct ynl_policy_nest ctrl_nest = {
	.max_attr = CTRL_ATTR_FAMILY_NAME,
	.table = ctrl_policy,
};

static const char *ctrl_family_name(struct nlsock *ctrl,
				    const struct nlmsghdr *nlh)
{
	struct ynl_parse_arg yarg = { .ys = ctrl->ys, .rsp_policy = &ctrl_nest };
	const struct nlattr *attr;

	ynl_attr_for_each(attr, nlh, sizeof(struct genlmsghdr)) {
		if (ynl_attr_type(attr) != CTRL_ATTR_FAMILY_NAME)
			continue;
		if (ynl_attr_validate(&yarg, attr))
			return NULL;
		return ynl_attr_get_str(attr);
	}
	return NULL;
}

int xnl_ctrl_recv(struct nlsock *ctrl, const char *family,
		  int (*fn)(int what, void *arg), void *arg)
{
	const struct nlmsghdr *nlh;
	ssize_t len = recv_some(ctrl);
	int ret = 0;

	if (len < 0)
		return len;
	for (nlh = (const void *)ctrl->rx; NLMSG_OK(nlh, len) && !ret;
	     nlh = NLMSG_NEXT(nlh, len)) {
		const struct genlmsghdr *g = NLMSG_DATA(nlh);
		const char *name;
		int what;

		if (nlh->nlmsg_type != GENL_ID_CTRL ||
		    nlh->nlmsg_len < NLMSG_LENGTH(GENL_HDRLEN))
			continue;
		if (g->cmd == CTRL_CMD_NEWFAMILY)
			what = XNL_FAMILY_NEW;
		else if (g->cmd == CTRL_CMD_DELFAMILY)
			what = XNL_FAMILY_DEL;
		else
			continue;
		name = ctrl_family_name(ctrl, nlh);
		if (name && !strcmp(name, family))
			ret = fn(what, arg);
	}
	return ret;
}

int xnl_family_id(const char *family)
{
	struct ynl_family yf = { .name = family,
				 .hdr_len = sizeof(struct genlmsghdr) };
	struct ynl_error yerr;
	struct ynl_sock *ys;
	int id;

	ys = ynl_sock_create(&yf, &yerr);
	if (!ys)
		return -ENOENT;
	id = ys->family_id;
	ynl_sock_destroy(ys);
	return id;
}
