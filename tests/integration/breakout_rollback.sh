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

C=3
ynl_ready
layout() {
	ports "$1" | jq -r '[.[] | "\(."lane-first")/\(."lane-count")"] | join(" ")'
}
ifindexes() {
	local d
	for d in $(names "$1"); do
		printf '%s ' "$(cat "/sys/class/net/$d/ifindex")"
	done
}
# staged CAGE BANK / active CAGE BANK: 10h:145-152, 11h:206-213
staged() { sim_mem "$1" "page 10h bank $2" | cut -d' ' -f18-25; }
active() { sim_mem "$1" "page 11h bank $2" | cut -d' ' -f79-86; }
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

# Reach changes (reach-set) ------------------------------------------------------------
# The coherent module split 32x400G runs OpenZR+ (AppSel 2) under "any"
# and 400ZR (AppSel 3) under "zr": a reach change of every bank, verified
# on the module as a split is, with a port up throughout.
rget() {
	ynl --do reach-get --json "{\"id\": $C}" |
		jq -r '"\(.reach) \([.plan[].appsel] | unique | join(","))"'
}
rset() { ynl --do reach-set --json "{\"id\": $C, \"reach\": \"$1\"}"; }
set_personality $C xpo-zr
wait_state $C ready 30 || not_ok "xpo-zr: cage $C is $(cage_state $C)"
split "{\"id\": $C, \"mode\": \"32x400G\"}" > /dev/null 2>&1
# lanes 1-2 DataPathID 0, 3-4 2, 5-6 4, 7-8 6
zrp="20 20 24 24 28 28 2c 2c"
zr="30 30 34 34 38 38 3c 3c"
up="xpo${C}p0s1"
ip link set "$up" up
check "xpo-zr 32x400G: $up up gets carrier" wait_carrier "$up"
# reach_kept NAME BANKS: the old profile, and BANKS configured as before
reach_kept() {
	local b want= got=
	check_eq "$1: reach-get has the old profile and applications" "null 2" "$(rget)"
	for b in $2; do
		want="$want $zrp $zrp"
		got="$got $(staged $C "$b") $(active $C "$b")"
	done
	check_eq "$1: banks $2 staged and active as before (10h:145-152, 11h:206-213)" \
		"$want" "$got"
}

sim_set $C config_fault rejected
rset zr > "$err" 2>&1
sim_set $C config_fault none
check "reach rejected: reach-set fails with EIO" grep -q -e "Input/output error" -e "error: -5\b" "$err"
said "... naming the lane and the ConfigStatus" -F \
	"$(says "Reach not applied: bank 0 lane 1: ConfigStatus rejected" \
		"The module did not take the new reach profile: not applied")"
reach_kept "reach rejected" "0 7"
# the rejection was its data path's last word: down and up provisions it
ip link set "$up" down
ip link set "$up" up
check "... $up down and up: carrier" wait_carrier "$up"

sim_set $C hold_dp init
rset zr > "$err" 2>&1
sim_set $C hold_dp none
said "reach hold_dp init: reach-set fails, timed out in DPInit" -E \
	"$(says "Reach not applied: bank [0-7] lane [1-8]: timed out after [0-9]+ ms in DPInit" \
		"The module did not take the new reach profile: not applied")"
check "... $up, up throughout, gets its carrier back" wait_carrier "$up" 30
# a module stuck in DPInit cannot be put back while it is stuck (as for
# a split): released, the port that is up provisions its bank again
reach_kept "reach hold_dp init" 0

sim_set $C hold_dp init
rset zr > "$err" 2>&1 &
pid=$!
lease=
for _ in $(seq 200); do
	read -r lease _ < "$XPO_DBG/cage$C/lease"
	[ "$lease" = breakout ] && break
	sleep 0.05
done
check_eq "reach pulled: the change holds a breakout lease" breakout "$lease"
sim_set $C present 0
wait "$pid"
rc=$?
sim_set $C hold_dp none
check "reach pulled: reach-set fails" test "$rc" != 0
said "... saying the module was removed" -F \
	"$(says "Reach not applied: the module was removed during the change" \
		"The module did not take the new reach profile: not applied")"
wait_state $C empty 10 || not_ok "cage $C did not empty"
sim_set $C present 1
wait_state $C ready 30 || not_ok "cage $C not ready again"
reach_kept "reach re-seated" "0 7"

r=$(rset zr 2> "$err")
check "a good reach-set zr then succeeds" test -n "$r"
check_eq "... reach-get: zr, AppSel 3 (400ZR)" "zr 3" "$(rget)"
check "... $up gets carrier on 400ZR" wait_carrier "$up" 30
check_eq "... banks 0 and 7 staged and active as 400ZR" "$zr $zr $zr $zr" \
	"$(staged $C 0) $(active $C 0) $(staged $C 7) $(active $C 7)"
ip link set "$up" down

rm -f "$err"
finish
