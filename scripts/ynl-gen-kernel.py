#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
Turn the kernel code of ynl-gen-c.py --mode kernel (linux-source-6.12) into
drivers/xpo/xpo_nl_gen.{c,h}, which build on 6.1 as well as on 6.12.

  ynl-gen-kernel.py GEN.c GEN.h OUT.c OUT.h

The generator writes a split ops table (struct genl_split_ops, 6.2 and
later) and the family itself.  6.1 has no split ops, so this keeps the
policies as generated and rewrites only what 6.1 cannot take:

  * the split ops become one full struct genl_ops per command (the do and
    the dump entries of a command merged, a dump's start and done, the
    spec's dump pre and post, kept; GENL_CMD_CAP_* dropped, the core
    sets them from doit/dumpit); a full op has one policy for both, so a
    command whose do and dump both take a request must give them the same
    attributes (the dump's copy of the policy is dropped; this script
    fails otherwise); a full op has no pre_doit/post_doit of its
    own, so every op must name the same ones, which the family in xpo_nl.c
    sets (this script fails otherwise);
  * the ops table and the multicast groups are exported for that family
    (with their sizes, for ARRAY_SIZE()), and the generator's family struct
    is dropped: xpo_nl.c keeps its own (no netnsok, family pre/post_doit);
  * the pre_doit/post_doit prototypes (of struct genl_split_ops) are
    dropped from the header;
  * a range for NLA_POLICY_FULL_RANGE() is "static XPO_NLA_RANGE_CONST"
    (a pointer to non-const in 6.1, xpo_compat.h);
  * the uapi header is included by its path in this tree;
  * a policy entry longer than checkpatch's 100 columns is wrapped.

And one generator bug is worked around: for a signed attribute with a full
range (a limit beyond s16) the 6.12 generator writes NLA_POLICY_FULL_RANGE()
with a netlink_range_validation_signed, which does not build; it must be
NLA_POLICY_FULL_RANGE_SIGNED().
"""
import re
import sys

UAPI_GEN = '#include <uapi/linux/xpo.h>'
UAPI_OURS = '#include "../../include/uapi/linux/xpo.h"'


# The fields of a full genl_ops taken from the split ops, in this order
FIELDS = ('cmd', 'start', 'doit', 'dumpit', 'done', 'policy', 'maxattr')


def die(msg):
    sys.exit('ynl-gen-kernel: ' + msg)


def block(text, start):
    """The lines of the brace block that begins on the line matching start"""
    m = re.search('^' + re.escape(start) + r'.*?^};\n', text, re.M | re.S)
    if not m:
        die('no "%s" in the generated source' % start)
    return m


def parse_ops(body):
    """The entries of a genl_split_ops table, as lists of (field, value)"""
    ops = []
    for entry in re.findall(r'^\t\{\n(.*?)^\t\},?\n', body, re.M | re.S):
        fields = []
        for line in entry.splitlines():
            m = re.match(r'\s*\.(\w+)\s*=\s*(.*?),$', line)
            if not m:
                die('cannot read op line "%s"' % line)
            fields.append((m.group(1), m.group(2)))
        ops.append(fields)
    return ops


def policies(text):
    """The generated request policies: name -> (match, body)"""
    pol = {}
    for m in re.finditer(r'^/\* \w+ - \w+ \*/\n'
                         r'static const struct nla_policy (\w+)(\[.*?)^};\n\n?',
                         text, re.M | re.S):
        pol[m.group(1)] = (m, m.group(2))
    return pol


def full_ops(split, pol, dropped):
    """Merge split ops into full genl_ops, in command order"""
    merged = {}
    order = []
    hooks = set()
    for fields in split:
        f = dict(fields)
        cmd = f['cmd']
        if cmd not in merged:
            merged[cmd] = {'cmd': cmd}
            order.append(cmd)
        op = merged[cmd]
        hooks.add((f.get('pre_doit'), f.get('post_doit')) if 'doit' in f
                  else None)
        for key in FIELDS[1:]:
            if key in f:
                if key == 'policy' and key in op and op[key] != f[key] and \
                        op[key] in pol and f[key] in pol and \
                        pol[op[key]][1] == pol[f[key]][1]:
                    dropped.add(f[key])
                    continue
                if key in op and op[key] != f[key]:
                    die('%s: two different %s' % (cmd, key))
                op[key] = f[key]
        flags = [x.strip() for x in f.get('flags', '0').split('|')]
        flags = [x for x in flags if not x.startswith('GENL_CMD_CAP_')]
        op.setdefault('flags', set()).update(flags)
    hooks.discard(None)
    if len(hooks) > 1:
        die('full genl_ops take one pre_doit/post_doit for the family, '
            'the spec names %s' % sorted(hooks))
    out = []
    for cmd in order:
        op = merged[cmd]
        fields = [(k, op[k]) for k in FIELDS if k in op]
        flags = sorted(op['flags'])
        if flags:
            fields.append(('flags', ' | '.join(flags)))
        out.append(fields)
    return out


def write_ops(ops):
    width = max(len(k) for fields in ops for k, _ in fields)
    lines = ['/*',
             ' * Ops table for xpo: full struct genl_ops (6.1 has no split',
             ' * ops), merged by scripts/ynl-gen-kernel.py from the',
             ' * generator\'s split ops.',
             ' */',
             'const struct genl_ops xpo_nl_ops[%d] = {' % len(ops)]
    for fields in ops:
        lines.append('\t{')
        for k, v in fields:
            lines.append('\t\t.%s%s= %s,' % (k, tabs(k, width), v))
        lines.append('\t},')
    lines.append('};')
    return '\n'.join(lines) + '\n'


def tabs(name, width):
    """Tabs after ".name" so that the "=" line up, as the generator does"""
    col = 16 + 1 + len(name)		# two tabs, the dot, the name
    end = 16 + 1 + width + 1
    n = 0
    while col < end:
        col = (col // 8 + 1) * 8
        n += 1
    return '\t' * max(n, 1)


def wrap(line):
    """A policy entry past 100 columns (kernel style) goes on two lines"""
    m = re.match(r'^\t(\[\w+\] =) (.*)$', line)
    if not m or len(line.expandtabs(8)) <= 100:
        return line
    return '\t%s\n\t\t%s' % (m.group(1), m.group(2))


def source(gen, hdr_name):
    text = gen
    if UAPI_GEN not in text:
        die('the generated source does not include the uapi header')
    text = text.replace(UAPI_GEN, '#include "xpo_compat.h"\n' + UAPI_OURS)
    text = text.replace('static const struct netlink_range_validation',
                        'static XPO_NLA_RANGE_CONST struct netlink_range_validation')
    text = re.sub(r'NLA_POLICY_FULL_RANGE\((NLA_S\d+),',
                  r'NLA_POLICY_FULL_RANGE_SIGNED(\1,', text)
    text = '\n'.join(wrap(line) for line in text.split('\n'))

    m = block(text, 'static const struct genl_split_ops xpo_nl_ops[] =')
    pol = policies(text)
    dropped = set()
    ops = full_ops(parse_ops(m.group(0)), pol, dropped)
    start = text.rfind('/* Ops table', 0, m.start())
    text = text[:start] + write_ops(ops) + text[m.end():]
    # the dump policies that were the do's, from the last one up
    for name in sorted(dropped, key=lambda n: -pol[n][0].start()):
        pm = pol[name][0]
        text = text[:pm.start()] + text[pm.end():]

    m = block(text, 'static const struct genl_multicast_group xpo_nl_mcgrps[] =')
    n_grps = m.group(0).count('[XPO_NLGRP_')
    grps = m.group(0).replace('static const struct genl_multicast_group xpo_nl_mcgrps[]',
                              'const struct genl_multicast_group xpo_nl_mcgrps[%d]' % n_grps)
    text = text[:m.start()] + grps + text[m.end():]

    m = block(text, 'struct genl_family xpo_nl_family __ro_after_init =')
    text = text[:m.start()].rstrip('\n') + '\n' + text[m.end():]
    return text, len(ops), n_grps


def header(gen, n_ops, n_grps):
    text = gen.replace(UAPI_GEN, UAPI_OURS)
    # the prototypes of the split ops' pre_doit/post_doit: xpo_nl.c has them
    text = re.sub(r'^(int|void\n)\s*xpo_nl\w*_(pre|post)_doit\(.*?\);\n', '',
                  text, flags=re.M | re.S)
    decl = ('extern const struct genl_ops xpo_nl_ops[%d];\n'
            'extern const struct genl_multicast_group xpo_nl_mcgrps[%d];\n'
            % (n_ops, n_grps))
    fam = 'extern struct genl_family xpo_nl_family;\n'
    if fam not in text:
        die('no family declaration in the generated header')
    text = text.replace(fam, decl + fam)
    text = re.sub(r'\n\n\n+', '\n\n', text)
    return text


def main():
    if len(sys.argv) != 5:
        die('usage: ynl-gen-kernel.py GEN.c GEN.h OUT.c OUT.h')
    gen_c, gen_h, out_c, out_h = sys.argv[1:]
    with open(gen_c) as f:
        c, n_ops, n_grps = source(f.read(), out_h)
    with open(gen_h) as f:
        h = header(f.read(), n_ops, n_grps)
    with open(out_c, 'w') as f:
        f.write(c)
    with open(out_h, 'w') as f:
        f.write(h)


if __name__ == '__main__':
    main()
