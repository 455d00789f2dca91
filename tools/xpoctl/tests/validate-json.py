#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Validate xpoctl -j output against its committed JSON schema.

usage: validate-json.py [--ndjson] SCHEMA FILE...
       validate-json.py --batch < LIST

SCHEMA is a file in tools/xpoctl/schemas/ (cage-show.json, ...), by name
or path, optionally with a #fragment (module-show.json#/$defs/module); the
schemas there may $ref one another.  --ndjson: every line of
FILE is one document (xpoctl -j monitor).  Exit 1 on the first file that
does not parse or validate, printing where; needs Debian's
python3-jsonschema (draft 2020-12).

--batch: each line of standard input is "[--ndjson] SCHEMA FILE"; each is
checked as above and answered on standard output with "ok LINE" or "bad
LINE" (the reasons on standard error); exit 1 if any was bad.  One Python
start for many files: in a debug-kernel guest each start costs seconds.
"""
import json
import os
import sys

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(HERE, "..", "schemas")


def validator(name):
    store = {}
    for f in os.listdir(SCHEMAS):
        if f.endswith(".json"):
            with open(os.path.join(SCHEMAS, f)) as fp:
                s = json.load(fp)
            jsonschema.Draft202012Validator.check_schema(s)
            store[s["$id"]] = s
    name, _, frag = name.partition("#")
    path = name if os.sep in name else os.path.join(SCHEMAS, name)
    with open(path) as fp:
        schema = json.load(fp)
    if frag:  # a definition inside the schema: module-show.json#/$defs/module
        schema = {"$id": schema["$id"], "$ref": "#" + frag, "$defs": schema["$defs"]}
    resolver = jsonschema.RefResolver(schema["$id"], schema, store=store)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


def check_files(v, files, ndjson):
    """0 if every file parses and validates, else 1 (reasons on stderr)"""
    for f in files:
        with open(f) as fp:
            text = fp.read()
        docs = text.splitlines() if ndjson else [text]
        if not text.strip():
            print(f"{f}: empty", file=sys.stderr)
            return 1
        for n, d in enumerate(docs, 1):
            if ndjson and not d.strip():
                continue
            where = f"{f}:{n}" if ndjson else f
            try:
                doc = json.loads(d)
            except ValueError as e:
                print(f"{where}: not JSON: {e}", file=sys.stderr)
                return 1
            errs = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
            for e in errs[:5]:
                path = "/".join(str(p) for p in e.absolute_path)
                print(f"{where}: /{path}: {e.message}", file=sys.stderr)
            if errs:
                return 1
    return 0


def batch(lines):
    validators = {}
    rc = 0
    for line in lines:
        words = line.split()
        if not words:
            continue
        ndjson = words[0] == "--ndjson"
        if ndjson:
            words = words[1:]
        if len(words) != 2:
            print(f"batch line {line.strip()!r}: want [--ndjson] SCHEMA FILE",
                  file=sys.stderr)
            bad = 1
        else:
            if words[0] not in validators:
                validators[words[0]] = validator(words[0])
            try:
                bad = check_files(validators[words[0]], words[1:], ndjson)
            except OSError as e:
                print(f"{words[1]}: {e.strerror}", file=sys.stderr)
                bad = 1
        print(("bad " if bad else "ok ") + line.strip(), flush=True)
        rc |= bad
    return rc


def main(argv):
    if argv == ["--batch"]:
        return batch(sys.stdin)
    ndjson = False
    if argv and argv[0] == "--ndjson":
        ndjson = True
        argv = argv[1:]
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    return check_files(validator(argv[0]), argv[1:], ndjson)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
