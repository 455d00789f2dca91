#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The xpo generic netlink family, driven from its spec alone by the kernel's
# own YNL client (tools/net/ynl/cli.py of linux-source-6.12), and checked
# against the emulator's and the core's debugfs: autoload by family name,
# cage-get (do, and a dump resumed over several messages), eeprom-read,
# cage-set, the monitor group over a burst of 16 insertions, permissions,
# and malformed requests with their extack.
. "$(dirname "$0")/lib.sh"

KSRC=/usr/src/linux-source-6.12
SPEC=Documentation/netlink/specs/xpo.yaml
HELPER=tests/integration/netlink_helper.py
# the schema is checked on the host (scripts/ynl-gen); the guest's Python
# may lack jsonschema
ynl() {
	python3 "$KSRC/tools/net/ynl/cli.py" --spec "$SPEC" --no-schema \
		--output-json "$@"
}
# ynl_err OUT: the errno name and extack of a failed request, on one line
ynl_err() {
	tr '\n' ' ' < "$1"
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

field() { # field CAGE NAME: a cage's attribute in the dump
	jq -r --argjson c "$1" --arg f "$2" '.[] | select(.id == $c) | .[$f] // "-"' "$tmp/dump.json"
}
ver() { # ver "2.13" -> 525 (major << 8 | minor)
	echo $(( ${1%%.*} * 256 + ${1##*.} ))
}
for c in $(seq 0 $((NCAGES - 1))); do
	bad=""
	for key in vendor:vendor part_number:part-number serial:serial \
		   revision:revision date_code:date-code; do
		want=$(sim_info "$c" "${key%%:*}")
		got=$(field "$c" "${key##*:}")
		[ "$want" = "$got" ] || bad="$bad ${key##*:}('$want' vs '$got')"
	done
	[ "$(field "$c" state)" = "$(cage_state "$c")" ] || bad="$bad state"
	[ "$(field "$c" fault)" = "$(cage_field "$c" fault_reason)" ] || bad="$bad fault"
	[ "$(field "$c" identifier)" = "$(( $(sim_info "$c" identifier) ))" ] || bad="$bad identifier"
	rev=$(sim_info "$c" cmis_revision)
	[ "$(field "$c" cmis-rev)" = "$(( ${rev%%.*} * 16 + ${rev##*.} ))" ] || bad="$bad cmis-rev"
	[ "$(field "$c" fw-active)" = "$(ver "$(sim_info "$c" fw_active)")" ] || bad="$bad fw-active"
	[ "$(field "$c" fw-inactive)" = "$(ver "$(sim_info "$c" fw_inactive)")" ] || bad="$bad fw-inactive"
	[ "$(field "$c" banks)" = "$(sim_info "$c" banks)" ] || bad="$bad banks"
	[ "$(field "$c" max-power)" = "$(cage_field "$c" max_power_mw)" ] || bad="$bad max-power"
	[ "$(field "$c" power-budget)" = "$(cage_field "$c" cage_max_power_mw)" ] || bad="$bad power-budget"
	[ "$(field "$c" power-class)" = "$(cage_field "$c" power_class)" ] || bad="$bad power-class"
	[ "$(field "$c" power-policy)" = "$(cage_field "$c" power_policy)" ] || bad="$bad power-policy"
	[ "$(field "$c" ports)" = "$(cage_field "$c" ports)" ] || bad="$bad ports"
	[ "$(field "$c" module-state)" = "ready" ] || bad="$bad module-state"
	[ "$(field "$c" present)" = 1 ] || bad="$bad present"
	[ "$(jq -r --argjson c "$c" '.[] | select(.id == $c) | .app | length' "$tmp/dump.json")" = \
	  "$(cage_field "$c" applications)" ] || bad="$bad apps"
	if [ -z "$bad" ]; then
		ok "cage $c: dump matches the emulator and the core"
	else
		not_ok "cage $c:$bad"
	fi
done

# live telemetry of an XPO module: the draw the emulator's B0h:130 holds
b0=$(sim_mem 7 "page b0h bank 0")
if [ -n "$b0" ]; then
	set -- $b0
	shift 2		# bytes 128-129: max power
	want=$(( 0x$1$2 * 10 ))
	got=$(ynl --do cage-get --json '{"id": 7}' | jq -r '."power-draw" // 0')
	check "cage 7 power draw $got mW is the emulator's $want mW (10%)" \
		test $(( (got - want) * 10 )) -le "$want" -a $(( (want - got) * 10 )) -le "$want"
	got=$(ynl --do cage-get --json '{"id": 7}' | jq -r '."coolant-flow" // "-"')
	set -- $b0
	check_eq "cage 7 coolant flow" "$(( 0x${9}${10} ))" "$got"
fi

# cage-get do ----------------------------------------------------------------
ynl --do cage-get --json '{"id": 5}' > "$tmp/do5.json"
check_eq "do cage-get 5 reports cage 5" 5 "$(jq -r .id "$tmp/do5.json")"
check_eq "do and dump agree on the identity of cage 5" \
	"$(jq -c '.[] | select(.id == 5) | [.serial, .vendor, ."part-number", ."fw-active", .app]' "$tmp/dump.json")" \
	"$(jq -c '[.serial, .vendor, ."part-number", ."fw-active", .app]' "$tmp/do5.json")"

# eeprom-read ----------------------------------------------------------------
hexline() { # the 128 bytes of sim_mem as a plain hex string
	echo "$1" | tr -d ' '
}
eeprom() { # eeprom CAGE BANK PAGE OFFSET LENGTH: the data, hex
	ynl --do eeprom-read --json "{\"id\": $1, \"bank\": $2, \"page\": $3, \"offset\": $4, \"length\": $5}" |
		jq -r .data
}
check_eq "eeprom-read page 00h of cage 2 is the emulator's" \
	"$(hexline "$(sim_mem 2 "page 00h")")" "$(eeprom 2 0 0 128 128)"
check_eq "eeprom-read page 01h of cage 9 is the emulator's" \
	"$(hexline "$(sim_mem 9 "page 01h")")" "$(eeprom 9 0 1 128 128)"
check_eq "eeprom-read page 10h bank 5 of cage 11 is the emulator's" \
	"$(hexline "$(sim_mem 11 "page 10h bank 5")")" "$(eeprom 11 5 16 128 128)"
check_eq "eeprom-read of lower memory bytes 0-1" \
	"$(hexline "$(sim_mem 2 lower)" | cut -c1-4)" "$(eeprom 2 0 0 0 2)"

# malformed requests: errno and extack (message and attribute) --------------
# expect_err "what" ERRNO-TEXT EXTACK-PATTERN ynl-args...
expect_err() {
	local what=$1 errtext=$2 pat=$3 out
	shift 3
	ynl "$@" > "$tmp/err.out" 2>&1
	out=$(ynl_err "$tmp/err.out")
	if echo "$out" | grep -q "Netlink error: $errtext" &&
	   echo "$out" | grep -q -- "$pat"; then
		ok "$what"
	else
		not_ok "$what: $out"
	fi
}
expect_err "cage-get without a cage: attribute missing" "Invalid argument" \
	"'miss-type': 'id'" --do cage-get --json '{}'
expect_err "cage-get of an unknown cage" "No such device" \
	"'msg': 'No such cage', 'bad-attr': '.id'" --do cage-get --json '{"id": 99}'
expect_err "eeprom-read of a bank the module lacks" "Operation not supported" \
	"'msg': 'Bank not supported by the module', 'bad-attr': '.bank'" \
	--do eeprom-read --json '{"id": 1, "bank": 9, "page": 16, "offset": 128, "length": 8}'
expect_err "eeprom-read of a page the module lacks" "Operation not supported" \
	"'msg': 'Page not supported by the module', 'bad-attr': '.page'" \
	--do eeprom-read --json '{"id": 1, "page": 85, "offset": 128, "length": 8}'
expect_err "eeprom-read of a banked lower memory" "Invalid argument" \
	"'bad-attr': '.bank'" \
	--do eeprom-read --json '{"id": 1, "bank": 1, "offset": 0, "length": 8}'
expect_err "eeprom-read of zero bytes" "Numerical result out of range" \
	"'bad-attr': '.length'" \
	--do eeprom-read --json '{"id": 1, "offset": 128, "length": 0}'
expect_err "eeprom-read of 200 bytes" "Numerical result out of range" \
	"'bad-attr': '.length'" \
	--do eeprom-read --json '{"id": 1, "offset": 0, "length": 200}'
expect_err "eeprom-read beyond the window" "Numerical result out of range" \
	"'bad-attr': '.offset'" \
	--do eeprom-read --json '{"id": 1, "offset": 300, "length": 8}'
expect_err "eeprom-read across lower memory and the page" "Invalid argument" \
	"'bad-attr': '.length'" \
	--do eeprom-read --json '{"id": 1, "offset": 120, "length": 16}'
expect_err "eeprom-read without an offset" "Invalid argument" \
	"'miss-type': 'offset'" --do eeprom-read --json '{"id": 1, "length": 8}'
expect_err "cage-set with nothing to change" "Invalid argument" \
	"'msg': 'Nothing to change" --do cage-set --json '{"id": 1}'
expect_err "cage-set power out of range" "Numerical result out of range" \
	"'bad-attr': '.power'" --do cage-set --json '{"id": 1, "power": 2}'

# raw_err "what" ERRNO ARGS...: a hand-built request and its answer
raw_err() {
	local what=$1 want=$2 out
	shift 2
	out=$(python3 "$HELPER" raw "$@")
	if [ "$(echo "$out" | jq -r .errno)" = "$want" ] &&
	   [ "$(echo "$out" | jq -r '.extack | has("bad-attr-offs")')" = true ]; then
		ok "$what"
	else
		not_ok "$what: $out"
	fi
}
# attribute types: id 1, state 3, power-policy 29
raw_err "cage id of the wrong size" 22 cage-get 1 0100
raw_err "unexpected attribute in cage-get" 22 cage-get 1 01000000 3 00000000
raw_err "power-policy out of range" 34 cage-set 1 01000000 29 07000000

# permissions ----------------------------------------------------------------
nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
		--bounding-set=-all "$@"
}
nobody python3 "$KSRC/tools/net/ynl/cli.py" --spec "$SPEC" --no-schema \
	--output-json --dump cage-get > "$tmp/nobody.json" 2>&1
check_eq "a user without CAP_NET_ADMIN dumps the cages" "$NCAGES" \
	"$(jq length "$tmp/nobody.json" 2>/dev/null)"
nobody python3 "$KSRC/tools/net/ynl/cli.py" --spec "$SPEC" --no-schema \
	--do eeprom-read --json '{"id": 3, "offset": 0, "length": 4}' > "$tmp/nobody.out" 2>&1
check "a user without CAP_NET_ADMIN reads module memory" grep -q '"data"' "$tmp/nobody.out"
nobody python3 "$KSRC/tools/net/ynl/cli.py" --spec "$SPEC" --no-schema \
	--do cage-set --json '{"id": 3, "reset": true}' > "$tmp/nobody.out" 2>&1
check "a user without CAP_NET_ADMIN cannot change a cage (EPERM)" \
	grep -q "Netlink error: Operation not permitted" "$tmp/nobody.out"
check_eq "... and the cage was not reset" ready "$(cage_state 3)"

# cage-set -------------------------------------------------------------------
ynl --do cage-set --json '{"id": 4, "power-policy": "auto"}' >/dev/null
check_eq "power-policy auto reaches the core" auto "$(cage_field 4 power_policy)"
# no port of the cage is up: policy auto puts the module in low power
check "policy auto with every port down: low-power" wait_state 4 low-power 20
check_eq "cage-get reports policy auto" auto \
	"$(ynl --do cage-get --json '{"id": 4}' | jq -r '."power-policy"')"
ynl --do cage-set --json '{"id": 4, "power-policy": "high"}' >/dev/null
check "policy high: ready again" wait_state 4 ready 30
ynl --do cage-set --json '{"id": 6, "power": 0}' >/dev/null
check_eq "power 0 switches the supply off" powered-off "$(cage_state 6)"
check_eq "... as the emulator sees it" 0 "$(sim_info 6 power)"
ynl --do cage-set --json '{"id": 6, "power": 1}' >/dev/null
check "power 1: ready again" wait_state 6 ready 30
expect_err "reset of a cage whose supply is off" "No such device" \
	"'bad-attr': '.reset'" --do cage-set --json '{"id": 6, "power": 0, "reset": true}'
ynl --do cage-set --json '{"id": 6, "power": 1}' >/dev/null
wait_state 6 ready 30
tries=$(cage_field 8 probe_tries)
if ynl --do cage-set --json '{"id": 8, "reset": true}' > "$tmp/reset.out" 2>&1; then
	check_eq "reset returns once the module is ready again" ready "$(cage_state 8)"
else
	not_ok "reset: $(ynl_err "$tmp/reset.out")"
fi
check "reset probed the module again" test -n "$tries"

# monitor: a burst of 16 removals and 16 insertions --------------------------
uevents_start
python3 "$HELPER" monitor "$tmp/ready" 100000 120 > "$tmp/events.json" &
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
