#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The xpo generic netlink family, driven from its spec alone by the kernel's
# own YNL client (tools/net/ynl/cli.py of linux-source-6.12), and checked
# against the emulator's and the core's debugfs: autoload by family name,
# cage-get (do, and a dump resumed over several messages), eeprom-read,
# eeprom-dump (against the emulator and eeprom-read), cage-set, thermal and
# coolant values against hwmon, protection (actions, a trip, re-arm refused
# then done, the events on the monitor group), the monitor group over a
# burst of 16 insertions, permissions (eeprom-read, eeprom-dump and
# cage-set admin only), a cage-set that is all or nothing, the header
# validation of every command, and malformed requests with their extack.
. "$(dirname "$0")/lib.sh"

KSRC=/usr/src/linux-source-6.12
SPEC=Documentation/netlink/specs/xpo.yaml
HELPER=tests/integration/netlink_helper.py
# the schema is checked on the host (scripts/ynl-gen); the guest's Python
# may lack jsonschema
PY=/usr/bin/python3
ynl() {
	"$PY" "$KSRC/tools/net/ynl/cli.py" --spec "$SPEC" --no-schema \
		--output-json "$@"
}
tmp=$(mktemp -d /tmp/netlink.XXXXXX)

[ -f "$KSRC/tools/net/ynl/cli.py" ] || die "no YNL client in $KSRC"
dmesg -C

# Autoload ---------------------------------------------------------------------
# With xpo.ko not loaded, a generic netlink lookup of the family by name
# makes the kernel run modprobe for the alias net-pf-16-proto-16-family-xpo.
# The host root is read-only in the guest: give modprobe a writable overlay
# of /lib/modules/<release> holding xpo.ko and a fresh depmod.
sim_load
check_eq "xpo.ko declares the family alias" "net-pf-16-proto-16-family-xpo" \
	"$(modinfo -F alias "$XPO_KO" | grep family)"
moddir=/lib/modules/$XPO_REL
autoload=no
mkdir -p "$tmp/up" "$tmp/work"
if mount -t overlay overlay \
	-o "lowerdir=$moddir,upperdir=$tmp/up,workdir=$tmp/work" "$moddir" 2>/dev/null; then
	mkdir -p "$moddir/extra" && cp "$XPO_KO" "$moddir/extra/" &&
		depmod -a "$XPO_REL" && autoload=yes
fi
if [ $autoload = yes ]; then
	check "the family is absent before" sh -c '! genl ctrl list | grep -qw "Name: xpo"'
	genl ctrl get name xpo >/dev/null 2>&1
	check "a lookup of family xpo loads the module" test -d /sys/module/xpo
	umount "$moddir"
else
	ok "# SKIP autoload: no writable overlay of $moddir in this guest"
	core_load
fi
[ -d /sys/module/xpo ] || core_load
check "the family is registered" sh -c 'genl ctrl list | grep -qw "Name: xpo"'

if wait_all ready 60; then
	ok "all $NCAGES cages reach ready"
else
	not_ok "all $NCAGES cages reach ready: $(all_states)"
fi

# cage-get dump ------------------------------------------------------------------
# A dump with a 4000-byte receive buffer: 16 cages with their applications
# do not fit one message; the dump resumes where it stopped.
ynl --dump cage-get --dbg-small-recv 4000 > "$tmp/dump.json" 2> "$tmp/recv.log"
check_eq "dump reports every cage once, in order" \
	"$(seq -s ' ' 0 $((NCAGES - 1)))" \
	"$(jq -r '[.[].id] | map(tostring) | join(" ")' "$tmp/dump.json")"
parts=$(grep -c 'Recv: read [0-9]* bytes, [1-9]' "$tmp/recv.log")
check "the dump came in several messages ($parts)" test "$parts" -ge 3

# The dump as "id<TAB>attribute<TAB>value" lines, read once into D[id,name]
# (one jq for the 16 cages: an exec costs ~0.5 s on the debug kernel)
declare -A D
while IFS=$'\t' read -r id k v; do
	D[$id,$k]=$v
done < <(jq -r '.[] | .id as $i | (to_entries[] | select(.value | type != "array" and type != "object") | [$i, .key, .value]), [$i, "app#", (.app // [] | length)] | map(tostring) | join("\t")' "$tmp/dump.json")
for c in $(seq 0 $((NCAGES - 1))); do
	bad=""
	sim=$SIM_DBG/cage$c/info core=$XPO_DBG/cage$c/state
	for key in vendor:vendor part_number:part-number serial:serial \
		   revision:revision date_code:date-code; do
		kv_read want "$sim" "${key%%:*}"
		got=${D[$c,${key##*:}]--}
		[ "$want" = "$got" ] || bad="$bad ${key##*:}('$want' vs '$got')"
	done
	# dump attribute, then where the same value is: s:KEY (emulator's
	# info), c:KEY (core's state)
	for pair in state=c:state fault=c:fault_reason banks=s:banks \
		    max-power=c:max_power_mw power-budget=c:cage_max_power_mw \
		    power-class=c:power_class power-policy=c:power_policy \
		    ports=c:ports app#=c:applications; do
		a=${pair%%=*} src=${pair#*=}
		if [ "${src%%:*}" = s ]; then f=$sim; else f=$core; fi
		kv_read want "$f" "${src#*:}"
		[ "${D[$c,$a]--}" = "$want" ] || bad="$bad ${a%#}"
	done
	kv_read id "$sim" identifier
	[ "${D[$c,identifier]--}" = "$((id))" ] || bad="$bad identifier"
	kv_read rev "$sim" cmis_revision
	[ "${D[$c,cmis-rev]--}" = "$(( ${rev%%.*} * 16 + ${rev##*.} ))" ] || bad="$bad cmis-rev"
	# firmware versions: "2.13" in the emulator, 525 (major << 8 | minor)
	for a in fw-active fw-inactive; do
		kv_read v "$sim" "${a//-/_}"
		[ "${D[$c,$a]--}" = "$(( ${v%%.*} * 256 + ${v##*.} ))" ] || bad="$bad $a"
	done
	[ "${D[$c,module-state]--}" = "ready" ] || bad="$bad module-state"
	[ "${D[$c,present]--}" = 1 ] || bad="$bad present"
	if [ -z "$bad" ]; then
		ok "cage $c: dump matches the emulator and the core"
	else
		not_ok "cage $c:$bad"
	fi
done

# pfield CAGE NAME: an attribute of the cage's protect nest, by cage-get
# (netlink is the protection's one admin interface)
pfield() {
	reqjq "{\"do\": \"cage-get\", \"attrs\": {\"id\": $1}}" -r ".reply.protect.\"$2\""
}
# pstatus CAGE: "armed" or "tripped COND ACTION"
pstatus() {
	reqjq "{\"do\": \"cage-get\", \"attrs\": {\"id\": $1}}" -r \
		'.reply.protect | if .tripped == 1 then "tripped \(.reason) \(.action)" else "armed" end'
}

# The YNL library with the spec loaded once, as a coprocess: Python takes
# seconds to start in a TCG guest.  req JSON: one answer line,
# {"reply": ...} or {"errno": N, "extack": {...}}.
coproc YNLB { "$PY" "$HELPER" batch 2>&1; }
req() {
	echo "$1" >&"${YNLB[1]}"
	read -r -t 120 line <&"${YNLB[0]}" || line='{"errno": -1}'
	echo "$line"
}
# reqjq REQUEST JQ-ARGS...: the answer through jq.  Not "req ... | jq": bash
# closes a coprocess's descriptors in the subshell of a pipeline.
reqjq() {
	local out
	out=$(req "$1")
	shift
	echo "$out" | jq "$@"
}

# live telemetry of an XPO module: the draw the emulator's B0h:130 holds
b0=$(sim_mem 7 "page b0h bank 0")
if [ -n "$b0" ]; then
	r=$(req '{"do": "cage-get", "attrs": {"id": 7}}')
	# shellcheck disable=SC2086
	set -- $b0
	want=$(( 0x$3$4 * 10 ))
	got=$(echo "$r" | jq -r '.reply."power-draw" // 0')
	check "cage 7 power draw $got mW is the emulator's $want mW (10%)" \
		test $(( (got - want) * 10 )) -le "$want" -a $(( (want - got) * 10 )) -le "$want"
	check_eq "cage 7 coolant flow" "$(( 0x${9}${10} ))" \
		"$(echo "$r" | jq -r '.reply."coolant-flow" // "-"')"
	check_eq "cage 7 leak" 0 "$(echo "$r" | jq -r '.reply.leak')"
else
	not_ok "no telemetry page B0h in the emulator's cage 7"
fi

# cage-get do ----------------------------------------------------------------
ynl --do cage-get --json '{"id": 5}' > "$tmp/do5.json"
check_eq "do cage-get 5 reports cage 5" 5 "$(jq -r .id "$tmp/do5.json")"
check_eq "do and dump agree on the identity of cage 5" \
	"$(jq -c '.[] | select(.id == 5) | [.serial, .vendor, ."part-number", ."fw-active", .app]' "$tmp/dump.json")" \
	"$(jq -c '[.serial, .vendor, ."part-number", ."fw-active", .app]' "$tmp/do5.json")"

# eeprom-read ----------------------------------------------------------------
hexline() { # the bytes of a sim_mem line as a plain hex string
	echo "$1" | tr -d ' '
}
check_eq "cli eeprom-read page 00h of cage 2 is the emulator's" \
	"$(hexline "$(sim_mem 2 "page 00h")")" \
	"$(ynl --do eeprom-read --json '{"id": 2, "offset": 128, "length": 128}' | jq -r .data)"
eeprom() { # eeprom CAGE BANK PAGE OFFSET LENGTH: the data, hex
	reqjq "{\"do\": \"eeprom-read\", \"attrs\": {\"id\": $1, \"bank\": $2, \"page\": $3, \"offset\": $4, \"length\": $5}}" \
		-r .reply.data
}
check_eq "eeprom-read page 01h of cage 9 is the emulator's" \
	"$(hexline "$(sim_mem 9 "page 01h")")" "$(eeprom 9 0 1 128 128)"
check_eq "eeprom-read page 10h bank 5 of cage 11 is the emulator's" \
	"$(hexline "$(sim_mem 11 "page 10h bank 5")")" "$(eeprom 11 5 16 128 128)"
check_eq "eeprom-read page b0h bytes 128-131 of cage 12" \
	"$(hexline "$(sim_mem 12 "page b0h bank 0")" | cut -c1-8)" "$(eeprom 12 0 176 128 4)"
check_eq "eeprom-read of lower memory bytes 0-1" \
	"$(hexline "$(sim_mem 2 lower)" | cut -c1-4)" "$(eeprom 2 0 0 0 2)"

# eeprom-dump ------------------------------------------------------------------
# One request for all of cage 11's memory: the regions the emulator has (the
# titles of its mem: lower, 00h, 01h, 02h, B0h, 10h and 11h of every bank),
# lower memory and page 00h first; the pages that do not change (00h, 01h,
# 02h, 10h of every bank) byte for byte what eeprom-read returns page by
# page; and page 00h selected again at the end.
sim_regions() { # the emulator's regions of cage $1: "lower" or "PAGE BANK"
	local w1 w2 w3 w4 bk
	while read -r w1 w2 w3 w4; do
		case $w1 in
		lower:) echo lower ;;
		page) bk=${w4%:}; echo "$((0x${w2:0:2})) ${bk:-0}" ;;
		esac
	done < <(grep -v '^[0-9a-f][0-9a-f]: ' "$SIM_DBG/cage$1/mem") | sort
}
req '{"dump": "eeprom-dump", "attrs": {"id": 11}}' > "$tmp/edump.json"
check_eq "eeprom-dump of cage 11: the emulator's regions, once each" \
	"$(sim_regions 11 | tr '\n' ,)" \
	"$(jq -r '.reply[] | if .offset == 0 then "lower" else "\(.page) \(.bank)" end' \
		"$tmp/edump.json" | sort | tr '\n' ,)"
check_eq "eeprom-dump: lower memory, then page 00h, then the rest" "0/0/0 0/0/128" \
	"$(jq -r '[.reply[0:2][] | "\(.bank)/\(.page)/\(.offset)"] | join(" ")' "$tmp/edump.json")"
check_eq "eeprom-dump: every region is 128 bytes of cage 11 (board 0)" 0 \
	"$(jq '[.reply[] | select(.length != 128 or (.data | length) != 256 or .id != 11 or .board != 0)] | length' \
		"$tmp/edump.json")"
bad="" n=0
while read -r p b hex; do
	[ "$(eeprom 11 "$b" "$p" 128 128)" = "$hex" ] || bad="$bad $p/$b"
	n=$((n + 1))
done < <(jq -r '.reply[] | select(.offset == 128 and ([.page] | inside([0, 1, 2, 16]))) | "\(.page) \(.bank) \(.data)"' \
	"$tmp/edump.json")
check "eeprom-dump: its $n static pages are eeprom-read's, byte for byte" \
	test -z "$bad" -a "$n" -ge 11
[ -z "$bad" ] || echo "# differ (page/bank):$bad"
check_eq "eeprom-dump: page 10h bank 5 is the emulator's" \
	"$(hexline "$(sim_mem 11 "page 10h bank 5")")" \
	"$(jq -r '.reply[] | select(.page == 16 and .bank == 5) | .data' "$tmp/edump.json")"
check_eq "eeprom-dump: lower memory shows page 00h selected (126-127)" 0000 \
	"$(jq -r '.reply[0].data[252:256]' "$tmp/edump.json")"
check_eq "... and the module has it selected after the dump" "00 00" \
	"$(sim_mem 11 lower | awk '{ print $127, $128 }')"

# malformed requests: errno and extack (message and attribute) --------------
# The kernel's CLI prints the errno and the extack it decodes
ynl --do cage-get --json '{"id": 99}' > "$tmp/err.out" 2>&1
check "cli: unknown cage: ENODEV, 'No such cage' at .id" \
	sh -c "grep -q 'Netlink error: No such device' '$tmp/err.out' &&
	       grep -q \"'msg': 'No such cage', 'bad-attr': '.id'\" '$tmp/err.out'"

# expect_err "what" ERRNO JQ-TEST REQUEST
expect_err() {
	local out
	out=$(req "$4")
	# one jq for both tests: an exec costs ~0.5 s on the debug kernel
	if [ "$(jq -r --argjson e "$2" "(.errno == \$e) and ((.extack | $3) == true)" \
		<<< "$out" 2>/dev/null)" = true ]; then
		ok "$1"
	else
		not_ok "$1: $out"
	fi
}
EINVAL=22 ENODEV=19 EOPNOTSUPP=95 ERANGE=34
# expect_dump_err: the same for an error of eeprom-dump's .start.  The 6.1
# netlink core does not report the extack a dump's start sets: the errno
# comes back, the message does not; a policy refusal, made before the
# start, has both.
case $(uname -r) in
6.1.*) expect_dump_err() { expect_err "$1 (6.1: errno only)" "$2" true "$4"; } ;;
*) expect_dump_err() { expect_err "$@"; } ;;
esac
expect_err "cage-get without a cage: attribute missing" $EINVAL \
	'."miss-type" == "id"' '{"do": "cage-get", "attrs": {}}'
expect_err "cage-get of an unknown cage" $ENODEV \
	'.msg == "No such cage" and ."bad-attr" == ".id"' \
	'{"do": "cage-get", "attrs": {"id": 99}}'
expect_err "eeprom-read of a bank the module lacks" $EOPNOTSUPP \
	'.msg == "Bank not supported by the module" and ."bad-attr" == ".bank"' \
	'{"do": "eeprom-read", "attrs": {"id": 1, "bank": 9, "page": 16, "offset": 128, "length": 8}}'
expect_err "eeprom-read of a page the module lacks" $EOPNOTSUPP \
	'.msg == "Page not supported by the module" and ."bad-attr" == ".page"' \
	'{"do": "eeprom-read", "attrs": {"id": 1, "page": 85, "offset": 128, "length": 8}}'
expect_err "eeprom-read of a banked lower memory" $EINVAL \
	'(.msg | test("lower memory")) and ."bad-attr" == ".bank"' \
	'{"do": "eeprom-read", "attrs": {"id": 1, "bank": 1, "offset": 0, "length": 8}}'
expect_err "eeprom-read of bank 1 of unbanked page 01h" $EINVAL \
	'."bad-attr" == ".bank"' \
	'{"do": "eeprom-read", "attrs": {"id": 1, "bank": 1, "page": 1, "offset": 128, "length": 8}}'
expect_err "eeprom-read of zero bytes" $ERANGE '."bad-attr" == ".length"' \
	'{"do": "eeprom-read", "attrs": {"id": 1, "offset": 128, "length": 0}}'
expect_err "eeprom-read of 200 bytes" $ERANGE '."bad-attr" == ".length"' \
	'{"do": "eeprom-read", "attrs": {"id": 1, "offset": 0, "length": 200}}'
expect_err "eeprom-read beyond the window" $ERANGE '."bad-attr" == ".offset"' \
	'{"do": "eeprom-read", "attrs": {"id": 1, "offset": 300, "length": 8}}'
expect_err "eeprom-read past byte 255" $EINVAL \
	'(.msg | test("256-byte")) and ."bad-attr" == ".length"' \
	'{"do": "eeprom-read", "attrs": {"id": 1, "offset": 250, "length": 8}}'
expect_err "eeprom-read across lower memory and the page" $EINVAL \
	'(.msg | test("cannot cross")) and ."bad-attr" == ".length"' \
	'{"do": "eeprom-read", "attrs": {"id": 1, "offset": 120, "length": 16}}'
expect_err "eeprom-read without an offset" $EINVAL '."miss-type" == "offset"' \
	'{"do": "eeprom-read", "attrs": {"id": 1, "length": 8}}'
expect_err "eeprom-read without a length" $EINVAL '."miss-type" == "length"' \
	'{"do": "eeprom-read", "attrs": {"id": 1, "offset": 8}}'
expect_err "eeprom-read of an unknown cage" $ENODEV '."bad-attr" == ".id"' \
	'{"do": "eeprom-read", "attrs": {"id": 16, "offset": 0, "length": 8}}'
expect_dump_err "eeprom-dump without a cage: attribute missing" $EINVAL \
	'."miss-type" == "id"' '{"dump": "eeprom-dump", "attrs": {}}'
expect_dump_err "eeprom-dump of an unknown cage" $ENODEV \
	'.msg == "No such cage" and ."bad-attr" == ".id"' \
	'{"dump": "eeprom-dump", "attrs": {"id": 16}}'
expect_dump_err "eeprom-dump of a cage of an unknown board" $ENODEV \
	'.msg == "No such cage"' \
	'{"dump": "eeprom-dump", "attrs": {"id": 1, "board": 7}}'
expect_err "eeprom-dump takes no page: refused, not ignored" $EINVAL \
	'."bad-attr" == ".page"' \
	'{"dump": "eeprom-dump", "attrs": {"id": 1, "page": 1}}'
expect_err "cage-set with nothing to change" $EINVAL \
	'.msg | test("Nothing to change")' '{"do": "cage-set", "attrs": {"id": 1}}'
expect_err "cage-set power out of range" $ERANGE '."bad-attr" == ".power"' \
	'{"do": "cage-set", "attrs": {"id": 1, "power": 2}}'
# hand-built: attribute types id 1, state 3, power-policy 29
expect_err "cage id of the wrong size" $EINVAL 'has("bad-attr-offs")' \
	'{"raw": "cage-get", "attrs": [[1, "0100"]]}'
expect_err "unexpected attribute in cage-get" $EINVAL 'has("bad-attr-offs")' \
	'{"raw": "cage-get", "attrs": [[1, "01000000"], [3, "00000000"]]}'
expect_err "power-policy out of range" $ERANGE 'has("bad-attr-offs")' \
	'{"raw": "cage-set", "attrs": [[1, "01000000"], [29, "07000000"]]}'
check_eq "the refused cage-set changed nothing" high "$(cage_field 1 power_policy)"
# resv_start_op 0: the netlink core checks the header of every command
expect_err "cage-get with genlmsghdr.reserved set: refused" $EINVAL \
	'.msg == "genlmsghdr.reserved field is not 0"' \
	'{"raw": "cage-get", "reserved": 1, "attrs": [[1, "01000000"]]}'
expect_err "cage-set with genlmsghdr.reserved set: refused, nothing changed" $EINVAL \
	'.msg == "genlmsghdr.reserved field is not 0"' \
	'{"raw": "cage-set", "reserved": 1, "attrs": [[1, "01000000"], [29, "01000000"]]}'
check_eq "... the policy is still high" high "$(cage_field 1 power_policy)"
# NLM_F_REQUEST | NLM_F_ACK | NLM_F_REPLACE (0x100): not a flag genetlink knows
expect_err "eeprom-read with an unknown nlmsg flag: refused" $EINVAL \
	'.msg | test("reserved bits set in nlmsg_flags")' \
	'{"raw": "eeprom-read", "flags": 261, "attrs": [[1, "01000000"], [4, "00000000"], [5, "04000000"]]}'
check_eq "a request as YNL sends it (reserved 0) still works" 1 \
	"$(reqjq '{"raw": "cage-get", "attrs": [[1, "01000000"]]}' -r '.errno + 1')"
# the protect nest takes only what can be set
expect_err "cage-set of a read-only protection attribute (tripped): refused" $EINVAL \
	'(.msg | test("Read-only")) and ."bad-attr" == ".protect.tripped"' \
	'{"do": "cage-set", "attrs": {"id": 1, "protect": {"tripped": 0}}}'

# permissions ----------------------------------------------------------------
setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	--bounding-set=-all "$PY" "$HELPER" batch > "$tmp/nobody.json" 2>&1 <<'REQ'
{"dump": "cage-get"}
{"do": "eeprom-read", "attrs": {"id": 3, "offset": 0, "length": 4}}
{"do": "cage-set", "attrs": {"id": 3, "reset": true}}
{"do": "cage-set", "attrs": {"id": 3, "power": 0}}
{"do": "cage-set", "attrs": {"id": 3, "protect": {"leak": "off"}}}
{"do": "cage-set", "attrs": {"id": 3, "rearm": true}}
{"dump": "eeprom-dump", "attrs": {"id": 3}}
REQ
check_eq "a user without CAP_NET_ADMIN dumps the cages" "$NCAGES" \
	"$(sed -n 1p "$tmp/nobody.json" | jq '.reply | length')"
# raw reads clear latched flags the protection needs: admin only, as
# ethtool's module EEPROM read (GENL_UNS_ADMIN_PERM)
check_eq "a user without CAP_NET_ADMIN cannot read module memory (EPERM)" 1 \
	"$(sed -n 2p "$tmp/nobody.json" | jq -r .errno)"
check_eq "... and gets nothing of it" null \
	"$(sed -n 2p "$tmp/nobody.json" | jq -r .reply.data)"
check_eq "root reads the same 4 bytes" \
	"$(hexline "$(sim_mem 3 lower)" | cut -c1-8)" \
	"$(reqjq '{"do": "eeprom-read", "attrs": {"id": 3, "offset": 0, "length": 4}}' -r .reply.data)"
check_eq "a user without CAP_NET_ADMIN cannot reset a cage (EPERM)" 1 \
	"$(sed -n 3p "$tmp/nobody.json" | jq -r .errno)"
check_eq "... nor switch its power off (EPERM)" 1 \
	"$(sed -n 4p "$tmp/nobody.json" | jq -r .errno)"
check_eq "... nor change its protection (EPERM)" 1 \
	"$(sed -n 5p "$tmp/nobody.json" | jq -r .errno)"
check_eq "... nor re-arm it (EPERM)" 1 \
	"$(sed -n 6p "$tmp/nobody.json" | jq -r .errno)"
check_eq "a user without CAP_NET_ADMIN cannot dump module memory (EPERM)" 1 \
	"$(sed -n 7p "$tmp/nobody.json" | jq -r .errno)"
check_eq "... and gets none of it" null \
	"$(sed -n 7p "$tmp/nobody.json" | jq -r .reply)"
check "root dumps it" test "$(reqjq '{"dump": "eeprom-dump", "attrs": {"id": 3}}' '.reply | length')" -ge 7
check_eq "... and the cage is untouched" ready "$(cage_state 3)"
check_eq "... its protection too" power-off "$(pfield 3 leak)"

# cage-set -------------------------------------------------------------------
ynl --do cage-set --json '{"id": 4, "power-policy": "auto"}' > "$tmp/set.out" 2>&1
check_eq "cli cage-set power-policy auto reaches the core" auto "$(cage_field 4 power_policy)"
# no port of the cage is up: policy auto puts the module in low power
check "policy auto with every port down: low-power" wait_state 4 low-power 20
check_eq "cage-get reports policy auto" auto \
	"$(reqjq '{"do": "cage-get", "attrs": {"id": 4}}' -r '.reply."power-policy"')"
check_eq "cage-get reports the module's low power" low-pwr \
	"$(reqjq '{"do": "cage-get", "attrs": {"id": 4}}' -r '.reply."module-state"')"
req '{"do": "cage-set", "attrs": {"id": 4, "power-policy": "high"}}' >/dev/null
check "policy high: ready again" wait_state 4 ready 30
req '{"do": "cage-set", "attrs": {"id": 6, "power": 0}}' >/dev/null
check_eq "power 0 switches the supply off" powered-off "$(cage_state 6)"
check_eq "... as the emulator sees it" 0 "$(sim_info 6 power)"
expect_err "reset of a cage whose supply is off" $ENODEV '."bad-attr" == ".reset"' \
	'{"do": "cage-set", "attrs": {"id": 6, "reset": true}}'
expect_err "eeprom-read of a cage whose supply is off" $ENODEV \
	'.msg | test("power is switched off")' \
	'{"do": "eeprom-read", "attrs": {"id": 6, "offset": 0, "length": 8}}'
expect_dump_err "eeprom-dump of a cage whose supply is off" $ENODEV \
	'.msg | test("power is switched off")' \
	'{"dump": "eeprom-dump", "attrs": {"id": 6}}'
req '{"do": "cage-set", "attrs": {"id": 6, "power": 1}}' >/dev/null
check "power 1: ready again" wait_state 6 ready 30
uevents_start
r=$(req '{"do": "cage-set", "attrs": {"id": 8, "reset": true}}')
state=$(cage_state 8)
uevents_stop
check_eq "reset succeeds" null "$(echo "$r" | jq -r .errno)"
check_eq "reset returns once the module is ready again" ready "$state"
check_eq "the module was probed again" "state:probing state:low-power state:powering-up state:ready" \
	"$(uevents_for 8 | tr '\n' ' ' | sed 's/ $//')"

# thermal, coolant and power values: the telemetry snapshot, in the spec's units
r=$(req '{"do": "cage-get", "attrs": {"id": 7}}')
b0=$(sim_mem 7 "page b0h bank 0")
# shellcheck disable=SC2086
set -- $b0
engines=$(( 0x${14} ))
check_eq "cage 7 reports one temperature per optical engine ($engines)" "$engines" \
	"$(echo "$r" | jq -r '.reply."engine-temp" | if type == "array" then length elif . == null then 0 else 1 end')"
vcc=$(echo "$r" | jq -r '.reply."supply-voltage" // 0')
check "cage 7 supply voltage $vcc uV is a module supply (3.0-3.6 V)" \
	test "$vcc" -ge 3000000 -a "$vcc" -le 3600000
hw_vcc=$(cat /sys/bus/platform/devices/xpo_cage.7/hwmon/hwmon*/in0_input)
check "... and hwmon's in0 ($hw_vcc mV) within 1 mV" \
	test $(( vcc / 1000 - hw_vcc )) -le 1 -a $(( hw_vcc - vcc / 1000 )) -le 1
temp=$(echo "$r" | jq -r '.reply."module-temp" // "-"')
hw_temp=$(cat /sys/bus/platform/devices/xpo_cage.7/hwmon/hwmon*/temp1_input)
check "cage 7 case temperature $temp m°C is hwmon's $hw_temp (2 °C)" \
	test $(( temp - hw_temp )) -le 2000 -a $(( hw_temp - temp )) -le 2000
check_eq "cage 7 power class, max power and policy are there" true \
	"$(echo "$r" | jq '.reply | has("power-class") and has("max-power") and has("power-draw") and has("power-policy")')"

# protection ---------------------------------------------------------------------
check_eq "cage-get reports the default protection, armed" \
	'{"leak":"power-off","flow-low":"low-power","overtemp":"low-power","tripped":0,"alerts":[]}' \
	"$(echo "$r" | jq -c '.reply.protect | {leak, "flow-low", overtemp, tripped, alerts: (.alerts // [])}')"
r=$(req '{"do": "cage-set", "attrs": {"id": 9, "protect": {"overtemp": "alert", "leak": "low-power"}}}')
check_eq "cage-set protect succeeds" null "$(echo "$r" | jq -r .errno)"
check_eq "... and reaches the core" "alert low-power low-power" \
	"$(pfield 9 overtemp) $(pfield 9 leak) $(pfield 9 flow-low)"
check_eq "... and cage-get reports it" '["alert","low-power","low-power"]' \
	"$(reqjq '{"do": "cage-get", "attrs": {"id": 9}}' -c '[.reply.protect.overtemp, .reply.protect.leak, .reply.protect."flow-low"]')"
# hand-built: cage-set id (1), protect (44, NLA_F_NESTED) { overtemp (3) = 9 }
expect_err "protection action out of range" $ERANGE 'has("bad-attr-offs")' \
	'{"raw": "cage-set", "attrs": [[1, "09000000"], [32812, "0800030009000000"]]}'
check_eq "... changed nothing" alert "$(pfield 9 overtemp)"
expect_err "flow-min above 100000 mL/min" $ERANGE '."bad-attr" == ".protect.flow-min"' \
	'{"do": "cage-set", "attrs": {"id": 9, "protect": {"flow-min": 100001}}}'
expect_err "temp-max above 150 °C" $ERANGE '."bad-attr" == ".protect.temp-max"' \
	'{"do": "cage-set", "attrs": {"id": 9, "protect": {"temp-max": 150001}}}'
r=$(req '{"do": "cage-set", "attrs": {"id": 9, "rearm": true}}')
check_eq "rearm with nothing tripped is harmless" null "$(echo "$r" | jq -r .errno)"

# the host's limits
check_eq "no host limits by default" "0 0" \
	"$(reqjq '{"do": "cage-get", "attrs": {"id": 9}}' -r '.reply.protect | "\(."flow-min") \(."temp-max")"')"
r=$(req '{"do": "cage-set", "attrs": {"id": 9, "protect": {"flow-min": 300, "temp-max": 70000}}}')
check_eq "cage-set flow-min 300 temp-max 70000 succeeds" null "$(echo "$r" | jq -r .errno)"
check_eq "... and reaches the core" "300 70000" \
	"$(pfield 9 flow-min) $(pfield 9 temp-max)"
check_eq "... and cage-get reports them" "300 70000" \
	"$(reqjq '{"do": "cage-get", "attrs": {"id": 9}}' -r '.reply.protect | "\(."flow-min") \(."temp-max")"')"
expect_err "temp-max between none and 20 °C: EINVAL from the core" $EINVAL \
	'(.msg | test("Temperature limit must be")) and ."bad-attr" == ".protect.temp-max"' \
	'{"do": "cage-set", "attrs": {"id": 9, "protect": {"temp-max": 10000}}}'
check_eq "... changed nothing" 70000 "$(pfield 9 temp-max)"
req '{"do": "cage-set", "attrs": {"id": 9, "protect": {"flow-min": 0, "temp-max": 0}}}' >/dev/null
check_eq "0 removes them" "0 0" "$(pfield 9 flow-min) $(pfield 9 temp-max)"

# cage-set is all or nothing: a valid power-policy with an invalid limit
# changes neither (before, the policy was applied and the module dropped
# to low power while the request failed)
expect_err "power-policy auto with temp-max 10000: EINVAL at the limit" $EINVAL \
	'(.msg | test("Temperature limit must be")) and ."bad-attr" == ".protect.temp-max"' \
	'{"do": "cage-set", "attrs": {"id": 1, "power-policy": "auto", "protect": {"overtemp": "alert", "temp-max": 10000}}}'
sleep 2
check_eq "... the power policy is unchanged" high "$(cage_field 1 power_policy)"
check_eq "... the module is still ready, in high power" "ready ready" \
	"$(cage_state 1) $(reqjq '{"do": "cage-get", "attrs": {"id": 1}}' -r '.reply."module-state"')"
check_eq "... and the overtemp action of the same nest is unchanged" low-power "$(pfield 1 overtemp)"

# a host limit trips: flow-min above the flow (default action low power)
flow=$(reqjq '{"do": "cage-get", "attrs": {"id": 11}}' -r '.reply."coolant-flow"')
req "{\"do\": \"cage-set\", \"attrs\": {\"id\": 11, \"protect\": {\"flow-min\": $((flow + 100))}}}" >/dev/null
for i in $(seq 100); do [ "$(pstatus 11)" = "tripped flow-low low-power" ] && break; sleep 0.05; done
check_eq "flow-min above the flow ($flow mL/min): tripped, flow-low, low-power" \
	"1 flow-low low-power" \
	"$(reqjq '{"do": "cage-get", "attrs": {"id": 11}}' -r '.reply.protect | "\(.tripped) \(.reason) \(.action)"')"
expect_err "rearm while the flow is under the limit: EBUSY, flow in the extack" 16 \
	'.msg == "Cannot re-arm: coolant flow is still low"' \
	'{"do": "cage-set", "attrs": {"id": 11, "rearm": true}}'
# a refused re-arm takes back what the request changed before it
expect_err "policy, protection and a refused re-arm in one request: EBUSY" 16 \
	'.msg == "Cannot re-arm: coolant flow is still low"' \
	'{"do": "cage-set", "attrs": {"id": 11, "power-policy": "auto", "protect": {"overtemp": "alert", "leak": "alert"}, "rearm": true}}'
check_eq "... the power policy is unchanged" high "$(cage_field 11 power_policy)"
check_eq "... the protection's actions are unchanged" "power-off low-power" \
	"$(pfield 11 leak) $(pfield 11 overtemp)"
check_eq "... and it is still tripped, the module in low power" \
	"tripped flow-low low-power low-power" "$(pstatus 11) $(cage_state 11)"
r=$(req '{"do": "cage-set", "attrs": {"id": 11, "protect": {"flow-min": 0}, "rearm": true}}')
check_eq "limit removed and re-armed in one request" null "$(echo "$r" | jq -r .errno)"
check "... ready again" wait_state 11 ready 30

# a trip, seen by cage-get and the monitor group; rearm refused while it lasts
"$PY" "$HELPER" monitor "$tmp/pready" 100000 120 > "$tmp/pevents.json" &
pmon=$!
for i in $(seq 100); do [ -e "$tmp/pready" ] && break; sleep 0.1; done
check "a monitor joined the group" test -e "$tmp/pready"
sim_set 10 leak 1
for i in $(seq 100); do [ "$(pstatus 10)" = "tripped leak power-off" ] && break; sleep 0.05; done
r=$(req '{"do": "cage-get", "attrs": {"id": 10}}')
check_eq "leak: cage-get reports the trip" '{"tripped":1,"reason":"leak","action":"power-off","alerts":["leak"],"leak":1}' \
	"$(echo "$r" | jq -c '{tripped: .reply.protect.tripped, reason: .reply.protect.reason, action: .reply.protect.action, alerts: .reply.protect.alerts, leak: .reply.leak}')"
t=$(echo "$r" | jq -r '.reply.protect."tripped-time" // 0')
# (%.0f: mawk's %d stops at 2^31 - 1)
now=$(awk '{ printf "%.0f", $1 * 1000000000 }' /proc/uptime)
check "leak: tripped-time is CLOCK_MONOTONIC ns, in the past" test "$t" -gt 0 -a "$t" -le "$now"
check_eq "leak: no live values from a cage powered off" "-" \
	"$(echo "$r" | jq -r '.reply."module-temp" // "-"')"
expect_err "rearm while the leak is there: EBUSY, the cause in the extack" 16 \
	'.msg == "Cannot re-arm: a leak is still detected" and ."bad-attr" == ".rearm"' \
	'{"do": "cage-set", "attrs": {"id": 10, "rearm": true}}'
check_eq "... the cage stays off" powered-off "$(cage_state 10)"
# power-on while the protection holds the cage off: refused before the
# policy changes, and the extack says why (not "going away")
expect_err "power-policy auto and power 1 while held off: EBUSY, re-arm first" 16 \
	'(.msg | test("held off by the protection: re-arm it first")) and ."bad-attr" == ".power"' \
	'{"do": "cage-set", "attrs": {"id": 10, "power-policy": "auto", "power": 1}}'
check_eq "... the power policy is unchanged" high "$(cage_field 10 power_policy)"
check_eq "... the cage stays off, tripped" "powered-off tripped leak power-off" \
	"$(cage_state 10) $(pstatus 10)"
expect_err "reset while held off: EBUSY, re-arm first" 16 \
	'(.msg | test("held off by the protection")) and ."bad-attr" == ".reset"' \
	'{"do": "cage-set", "attrs": {"id": 10, "reset": true}}'
sim_set 10 leak 0
r=$(req '{"do": "cage-set", "attrs": {"id": 10, "rearm": true}}')
check_eq "leak gone: rearm succeeds" null "$(echo "$r" | jq -r .errno)"
check "re-armed: ready again" wait_state 10 ready 30
check_eq "re-armed: cage-get reports it armed" '{"tripped":0,"alerts":[]}' \
	"$(reqjq '{"do": "cage-get", "attrs": {"id": 10}}' -c '{tripped: .reply.protect.tripped, alerts: (.reply.protect.alerts // [])}')"
sleep 1
kill "$pmon" 2>/dev/null
wait "$pmon" 2>/dev/null
check_eq "monitor: alarm, protect and rearm of cage 10, with condition and action" \
	"alarm:leak:- protect:leak:power-off rearm:-:-" \
	"$(jq -r 'select(.id == 10 and (.event == "alarm" or .event == "protect" or .event == "rearm")) | "\(.event):\(."event-cond" // "-"):\(."event-action" // "-")"' \
		"$tmp/pevents.json" | tr '\n' ' ' | sed 's/ $//')"
check_eq "monitor: the protect event carries the trip" '{"tripped":1,"reason":"leak","action":"power-off"}' \
	"$(jq -c 'select(.id == 10 and .event == "protect") | .protect | {tripped, reason, action}' "$tmp/pevents.json")"
seqs=$(jq -r 'select(.id == 10) | ."event-seq"' "$tmp/pevents.json")
gaps=$(echo "$seqs" | awk 'NR > 1 && $1 != prev + 1 { n++ } { prev = $1 } END { print n + 0 }')
check_eq "monitor: cage 10's events in sequence, protection and state alike" 0 "$gaps"
exec {YNLB[1]}>&-
wait "$YNLB_PID" 2>/dev/null

# monitor: a burst of 16 removals and 16 insertions --------------------------
uevents_start
"$PY" "$HELPER" monitor "$tmp/ready" 100000 120 > "$tmp/events.json" &
mon=$!
for i in $(seq 100); do [ -e "$tmp/ready" ] && break; sleep 0.1; done
check "the monitor joined the group" test -e "$tmp/ready"
for c in $(seq 0 $((NCAGES - 1))); do sim_set "$c" present 0; done
wait_all empty 30 || not_ok "all cages empty: $(all_states)"
for c in $(seq 0 $((NCAGES - 1))); do sim_set "$c" present 1; done
if wait_all ready 90; then
	ok "the burst of 16 insertions reaches ready"
else
	not_ok "the burst of 16 insertions: $(all_states)"
fi
sleep 1
uevents_stop
kill "$mon" 2>/dev/null
wait "$mon" 2>/dev/null

check "notifications were received" test -s "$tmp/events.json"
for c in $(seq 0 $((NCAGES - 1))); do
	want=$(uevents_for "$c" | tr '\n' ' ')
	got=$(jq -r --argjson c "$c" 'select(.id == $c) | "\(.event):\(.state)"' \
		"$tmp/events.json" | tr '\n' ' ')
	seqs=$(jq -r --argjson c "$c" 'select(.id == $c) | ."event-seq"' "$tmp/events.json")
	gaps=$(echo "$seqs" | awk 'NR > 1 && $1 != prev + 1 { n++ } { prev = $1 } END { print n + 0 }')
	case "$got" in
	"remove:empty insert:probing "*ready" ") good=1 ;;
	*) good=0 ;;
	esac
	if [ "$want" = "$got" ] && [ "$gaps" = 0 ] && [ $good = 1 ]; then
		ok "cage $c: monitor events in order, none lost ($(echo "$seqs" | wc -l))"
	else
		not_ok "cage $c: monitor '$got' vs uevents '$want', seq gaps $gaps"
	fi
done

check "no kernel warning" sh -c '! dmesg | grep -E "WARNING|BUG|Oops"'
check "unload" xpo_unload
rm -rf "$tmp"
finish
