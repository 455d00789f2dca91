#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Atomic breakout changes (Documentation/ports.rst, "Atomic changes"): a
# split the seated module does not take (a ConfigStatus refusal, a data
# path that never leaves a state, the module pulled during the change)
# fails with a message naming what failed, and leaves the cage as it was:
# the old layout in port-get, the old netdevs with their ifindexes, the
# module's staged (10h:145-152) and active (11h:206-213) DPConfig the old
# one, and the old ports coming up with carrier.  Then a good split works.
. "$(dirname "$0")/lib.sh"

KSRC=/usr/src/linux-source-6.12
SPEC=Documentation/netlink/specs/xpo.yaml
PY=/usr/bin/python3
C=3
[ -f "$KSRC/tools/net/ynl/cli.py" ] || die "no YNL client in $KSRC"
ynl() {
	"$PY" "$KSRC/tools/net/ynl/cli.py" --spec "$SPEC" --no-schema \
		--output-json "$@"
}
split() { ynl --do port-split --json "$1"; }
unsplit() { ynl --do port-unsplit --json "$1"; }
names() {
	ls /sys/class/net | grep -E "^xpo$1p[0-9]" | sort -V | tr '\n' ' ' |
		sed 's/ $//'
}
ports() { ynl --dump port-get --json "{\"id\": $1}"; }
layout() {
	ports "$1" | jq -r '[.[] | "\(."lane-first")/\(."lane-count")"] | join(" ")'
}
ifindexes() {
	local d
	for d in $(names "$1"); do
		printf '%s ' "$(cat "/sys/class/net/$d/ifindex")"
	done
}
carrier() { cat "/sys/class/net/$1/carrier" 2>/dev/null || echo none; }
wait_carrier() {
	local deadline=$(($(date +%s) + ${2:-20}))
	while [ "$(carrier "$1")" != 1 ]; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.1
	done
}
# staged CAGE BANK / active CAGE BANK: 10h:145-152, 11h:206-213
staged() { sim_mem "$1" "page 10h bank $2" | cut -d' ' -f18-25; }
active() { sim_mem "$1" "page 11h bank $2" | cut -d' ' -f79-86; }
says() {
	case $(uname -r) in
	6.1.*) echo "$2" ;;
	*) echo "$1" ;;
	esac
}
err=$(mktemp /tmp/breakout_rollback.XXXXXX)
# said NAME [GREP-OPTION] TEXT: the failed command's output has TEXT (shown
# as comments when not)
said() {
	local name=$1
	shift
	if grep -q "$@" "$err"; then
		ok "$name"
	else
		not_ok "$name"
		sed 's/^/# /' "$err"
	fi
}

xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"
default="xpo${C}p0 xpo${C}p1 xpo${C}p2 xpo${C}p3 xpo${C}p4 xpo${C}p5 xpo${C}p6 xpo${C}p7"
old_layout=$(layout $C)
old_index=$(ifindexes $C)
# the DR8's 1.6T application on every bank: AppSel 1, DataPathID 0
old_cfg="10 10 10 10 10 10 10 10"
check_eq "the default layout to start from" "$default" "$(names $C)"
check_eq "... its banks 0 and 7 staged and active as AppSel 1" \
	"$old_cfg $old_cfg $old_cfg $old_cfg" \
	"$(staged $C 0) $(active $C 0) $(staged $C 7) $(active $C 7)"

# start: each case from the default layout and its netdevs as they are
# (a case that failed leaves no split behind for the next one)
start() {
	unsplit "{\"id\": $C}" > /dev/null 2>&1
	old_index=$(ifindexes $C)
}
# kept NAME [BANKS]: the cage is as it was before the failed change, and
# the module's BANKS (of the change; default none) configured as before
kept() {
	local b want= got=
	check_eq "$1: port-get has the old layout" "$old_layout" "$(layout $C)"
	check_eq "$1: the old netdevs" "$default" "$(names $C)"
	check_eq "$1: ... with their ifindexes" "$old_index" "$(ifindexes $C)"
	[ -n "${2:-}" ] || return 0
	for b in $2; do
		want="$want $old_cfg $old_cfg"
		got="$got $(staged $C "$b") $(active $C "$b")"
	done
	check_eq "$1: banks $2 staged and active as before (10h:145-152, 11h:206-213)" \
		"$want" "$got"
}
# works NAME: the old ports come up with carrier, and go down
works() {
	ip link set "xpo${C}p0" up
	ip link set "xpo${C}p7" up
	check "$1: xpo${C}p0 up gets carrier" wait_carrier "xpo${C}p0"
	check "$1: xpo${C}p7 up gets carrier" wait_carrier "xpo${C}p7"
	ip link set "xpo${C}p0" down
	ip link set "xpo${C}p7" down
}

# ConfigStatus Rejected ------------------------------------------------------------------
start
sim_set $C config_fault rejected
split "{\"id\": $C, \"mode\": \"16x800G\"}" > "$err" 2>&1
check "rejected: the split fails with EIO" grep -q -e "Input/output error" -e "error: -5\b" "$err"
said "... naming the lane and the ConfigStatus" -F \
	"$(says "Breakout not applied: bank 0 lane 1: ConfigStatus rejected" \
		"The module did not take the new breakout: not applied")"
kept rejected "0 3 7"
sim_set $C config_fault none
works rejected

# A data path that never leaves DPInit ------------------------------------------------------
start
sim_set $C hold_dp init
t0=$(date +%s%N)
split "{\"id\": $C, \"panel\": 2, \"mode\": \"2x800G\"}" > "$err" 2>&1
t1=$(date +%s%N)
sim_set $C hold_dp none
said "hold_dp init: the split fails, timed out in DPInit" -E \
	"$(says "Breakout not applied: bank 2 lane 1: timed out after [0-9]+ ms in DPInit" \
		"The module did not take the new breakout: not applied")"
# the budget: the advertised DPInit bound (01h:144 b3-0) + the data path
# machine's 1000 ms margin
dur_ms=(1 5 10 50 100 500 1000 5000 10000 60000 300000)
code=$(( 0x$(sim_mem $C "page 01h" | cut -d' ' -f$((144 - 128 + 1))) & 0xf ))
budget=$((dur_ms[code] + 1000))
said "... after the advertised DPInit bound + margin, $budget ms" -F \
	"$(says "timed out after $budget ms in DPInit" "not applied")"
check "... and the command returned within twice that plus 5 s (scaled)" \
	test $(((t1 - t0) / 1000000)) -lt $(((2 * budget + 5000) * XPO_TIME_SCALE))
kept "hold_dp init"
# a module stuck in DPInit cannot be put back while it is stuck (the
# rollback times out too, and says so in the log): released, the old port
# provisions its bank again when it comes up
check "... the rollback is logged" sh -c \
	"dmesg | grep -q 'breakout rollback of banks 0x4: bank 2 lane 1: timed out'"
ip link set "xpo${C}p2" up
check "hold_dp init released: the old xpo${C}p2 up gets carrier" wait_carrier "xpo${C}p2"
check_eq "... bank 2 staged and active as before (10h:145-152, 11h:206-213)" \
	"$old_cfg $old_cfg" "$(staged $C 2) $(active $C 2)"
ip link set "xpo${C}p2" down

# The module pulled during the change -------------------------------------------------------
start
sim_set $C hold_dp init
split "{\"id\": $C, \"mode\": \"32x400G\"}" > "$err" 2>&1 &
pid=$!
# pull it once the change holds the module (its breakout lease)
lease=
for _ in $(seq 200); do
	read -r lease _ < "$XPO_DBG/cage$C/lease"
	[ "$lease" = breakout ] && break
	sleep 0.05
done
check_eq "pulled: the change holds a breakout lease" breakout "$lease"
sim_set $C present 0
wait "$pid"
rc=$?
sim_set $C hold_dp none
check "pulled: the split fails" test "$rc" != 0
check_eq "... and gives it back" - "$(cat "$XPO_DBG/cage$C/lease")"
said "... saying the module was removed" -F \
	"$(says "Breakout not applied: the module was removed during the change" \
		"The module did not take the new breakout: not applied")"
wait_state $C empty 10 || not_ok "cage $C did not empty"
check_eq "pulled: port-get has the old layout" "$old_layout" "$(layout $C)"
check_eq "pulled: the old netdevs, their ifindexes" "$default $old_index" \
	"$(names $C) $(ifindexes $C)"
sim_set $C present 1
wait_state $C ready 30 || not_ok "cage $C not ready again"
kept "re-seated" "0 7"
works "re-seated"

# Then a good split ----------------------------------------------------------------------
r=$(split "{\"id\": $C, \"mode\": \"16x800G\"}" 2> "$err")
check "a good split then succeeds" test -n "$r"
check_eq "... 16 netdevs" 16 "$(names $C | wc -w)"
check "... bank 0 staged and active as 800G (not AppSel 1)" sh -c \
	"[ '$(staged $C 0)' = '$(active $C 0)' ] && [ '$(active $C 0)' != '$old_cfg' ]"
ip link set "xpo${C}p0s1" up
check "... xpo${C}p0s1 gets carrier" wait_carrier "xpo${C}p0s1"
ip link set "xpo${C}p0s1" down
unsplit "{\"id\": $C}" > /dev/null 2>&1
check_eq "unsplit: the default layout again" "$default" "$(names $C)"

rm -f "$err"
finish
