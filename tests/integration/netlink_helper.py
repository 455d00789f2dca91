#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# What tests/integration/netlink.sh needs beyond the kernel's YNL CLI, on the
# kernel's YNL library (tools/net/ynl/lib of linux-source-6.12):
#
#   netlink_helper.py monitor READY_FILE COUNT SECONDS
#       join the monitor group, touch READY_FILE, and print each
#       notification as one JSON line until COUNT were seen or SECONDS passed
#   netlink_helper.py batch < REQUESTS
#       one request per input line, {"do"|"dump": OP, "attrs": {...}}, with
#       the spec loaded once (Python is slow to start in a TCG guest); one
#       output line each: {"reply": ...} or {"errno": N, "extack": {...}};
#       {"raw": OP, "attrs": [[TYPE, HEX], ...]} sends a hand-built request,
#       with "reserved": N (genlmsghdr.reserved) and "flags": N (nlmsg_flags,
#       default NLM_F_REQUEST | NLM_F_ACK) when given
#   netlink_helper.py raw CMD ATTR_TYPE HEX_PAYLOAD [ATTR_TYPE HEX ...]
#       send a request built by hand (wrong types, unknown attributes) and
#       print the kernel's answer: {"errno": N, "extack": {...}}
import json
import os
import struct
import sys
import time

KSRC = os.environ.get('XPO_YNL_KSRC', '/usr/src/linux-source-6.12')
sys.path.insert(0, os.path.join(KSRC, 'tools/net/ynl'))
from lib import YnlFamily, Netlink, NlError  # noqa: E402
from lib.ynl import NlMsgs  # noqa: E402  (not exported by lib in 6.12)

SPEC = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                    '../../Documentation/netlink/specs/xpo.yaml')


def family():
    return YnlFamily(SPEC, '')


def jsonable(o):
    """What json.dumps cannot: binary as hex, flags (a set) as a sorted list"""
    if isinstance(o, bytes):
        return o.hex()
    if isinstance(o, (set, frozenset)):
        return sorted(o)
    return str(o)


def monitor(ready, count, seconds):
    ynl = family()
    ynl.ntf_subscribe('monitor')
    open(ready, 'w').close()
    seen = 0
    deadline = time.monotonic() + seconds
    while seen < count and time.monotonic() < deadline:
        ynl.check_ntf()
        while ynl.async_msg_queue:
            ntf = ynl.async_msg_queue.pop(0)
            print(json.dumps({'name': ntf['name'], **ntf['msg']},
                             default=jsonable), flush=True)
            seen += 1
        time.sleep(0.05)


def batch():
    ynl = family()
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        if 'raw' in req:
            raw(ynl, req['raw'], req['attrs'], req.get('reserved', 0),
                req.get('flags'))
            continue
        try:
            if 'dump' in req:
                out = {'reply': ynl.dump(req['dump'], req.get('attrs', {}))}
            else:
                out = {'reply': ynl.do(req['do'], req.get('attrs', {}), None)}
        except NlError as e:
            out = {'errno': e.error, 'extack': e.nl_msg.extack or {}}
        print(json.dumps(out, default=jsonable), flush=True)


def raw(ynl, cmd, pairs, reserved=0, flags=None):
    attrs = b''
    for atype, payload in pairs:
        data = bytes.fromhex(payload)
        attr = struct.pack('HH', 4 + len(data), int(atype)) + data
        attrs += attr + b'\0' * ((4 - len(attr) % 4) % 4)
    op = ynl.ops[cmd]
    if flags is None:
        flags = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK
    # the netlink header (less its length) and the genetlink header, by
    # hand: YNL always sends a zero reserved field
    msg = struct.pack('HHII', ynl.nlproto.family_id, flags, 1, 0)
    msg += struct.pack('BBH', op.req_value, 1, reserved)
    msg += attrs
    msg = struct.pack('I', len(msg) + 4) + msg   # nlmsg_len
    ynl.sock.send(msg, 0)
    while True:
        for nl_msg in NlMsgs(ynl.sock.recv(65536)):
            if nl_msg.error or nl_msg.nl_type == Netlink.NLMSG_ERROR:
                print(json.dumps({'errno': -nl_msg.error,
                                  'extack': nl_msg.extack or {}},
                                 default=str), flush=True)
                return


def main():
    if sys.argv[1] == 'monitor':
        monitor(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
    elif sys.argv[1] == 'batch':
        batch()
    elif sys.argv[1] == 'raw':
        rest = sys.argv[3:]
        raw(family(), sys.argv[2], list(zip(rest[0::2], rest[1::2])))
    else:
        sys.exit('usage: see the head of ' + sys.argv[0])


if __name__ == '__main__':
    main()
