#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Flash a module's firmware through ethtool netlink, as
`ethtool --flash-module-firmware DEV file FILE` would (Debian 12's ethtool
predates it), with the kernel tree's own YNL library and ethtool spec.

    ynl_flash.py DEV FILE [--timeout S]

Prints the request's outcome and every progress notification:
    refused: <extack message> (<errno name>)
    status: <started|in_progress|completed|error> [done/total] [message]
Exit: 0 completed, 1 ended in error, 2 refused, 3 no final status in time,
4 this script failed.

The 6.12 YNL cannot do this with cli.py: its ethtool spec numbers
module-fw-flash-status from 0 where the kernel starts at 1, and cli.py dies
on the progress notifications, which the kernel unicasts to the requesting
socket with the request's sequence number + 1, before or after the ACK.  So
this script fixes the enum in a copy of the spec and reads the socket
itself.  The socket stays open until the end: the kernel stops notifying
once the requester's socket is closed.
"""
import argparse
import errno
import os
import re
import select
import sys
import tempfile
import time

KSRC = os.environ.get("XPO_KSRC", "/usr/src/linux-source-6.12")
sys.path.insert(0, os.path.join(KSRC, "tools/net/ynl"))
from lib import YnlFamily  # noqa: E402
from lib.ynl import NlMsgs  # noqa: E402

SPEC = os.path.join(KSRC, "Documentation/netlink/specs/ethtool.yaml")
FINAL = ("completed", "error")


def errname(err):
    """EOPNOTSUPP as the kernel calls it (Python knows it as ENOTSUP)"""
    if err == errno.EOPNOTSUPP:
        return "EOPNOTSUPP"
    return errno.errorcode.get(err, str(err))


def fixed_spec():
    """A copy of the ethtool spec whose flash status enum starts at 1."""
    text = open(SPEC).read()
    text, n = re.subn(r"(name: module-fw-flash-status\n(\s+)type: enum\n)",
                      r"\1\2value-start: 1\n", text)
    if n != 1 and "value-start: 1" not in text:
        sys.exit("ynl_flash: cannot find module-fw-flash-status in " + SPEC)
    fd, path = tempfile.mkstemp(suffix=".yaml")
    with os.fdopen(fd, "w") as f:
        f.write(text)
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dev")
    ap.add_argument("file")
    ap.add_argument("--timeout", type=float, default=60)
    args = ap.parse_args()

    spec = fixed_spec()
    try:
        ynl = YnlFamily(spec, schema="")  # no jsonschema validation (--no-schema)
    finally:
        os.unlink(spec)

    op = ynl.ops["module-fw-flash-act"]
    seq = 4242
    msg = ynl._encode_message(op, {"header": {"dev-name": args.dev},
                                   "file-name": args.file}, [], seq)
    ynl.sock.send(msg, 0)

    acked = False
    final = None
    deadline = time.monotonic() + args.timeout
    while not (acked and final):
        left = deadline - time.monotonic()
        if left <= 0:
            print("timeout: no final status after %gs" % args.timeout)
            return 3
        if not select.select([ynl.sock], [], [], left)[0]:
            continue
        for nl_msg in NlMsgs(ynl.sock.recv(65536)):
            if nl_msg.nl_seq == seq and (nl_msg.error or nl_msg.done):
                if nl_msg.error:
                    err = -nl_msg.error
                    text = nl_msg.extack.get("msg", "") if nl_msg.extack else ""
                    print("refused: %s (%s)" % (text, errname(err)))
                    return 2
                acked = True
                continue
            if nl_msg.error or nl_msg.done:
                continue
            decoded = ynl.nlproto.decode(ynl, nl_msg, None)
            ntf = ynl._decode(decoded.raw_attrs, "module-fw-flash")
            status = ntf.get("status")
            line = "status: %s" % status
            if "total" in ntf:
                line += " %d/%d" % (ntf.get("done", 0), ntf["total"])
            if ntf.get("status-msg"):
                line += " " + ntf["status-msg"]
            print(line, flush=True)
            if status in FINAL:
                final = status
    return 0 if final == "completed" else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as e:  # anything but a flash outcome
        print("ynl_flash: %s: %s" % (type(e).__name__, e), file=sys.stderr)
        sys.exit(4)
