#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Leases and the cage-level guards (Documentation/cage-core.rst, "Leases"):
#  - ethtool --reset applies the reset and returns: the module comes back
#    asynchronously, RTNL is not held for its bring-up (finding 5);
#  - a busy module is not a faulty one: while a CDB lease is held the state
#    machine postpones its bus work, NACKs within the holder's busy bound
#    are retried, past it the cage faults "busy-timeout" (finding 6);
#  - the guards are the core's, so netlink's reset, power and power policy
#    refuse a leased module as ethtool does, naming the holder (finding 9).
# The lease is taken through the core's debugfs knob cage<N>/lease.
. "$(dirname "$0")/lib.sh"

HELPER=tests/integration/netlink_helper.py
major=$(uname -r | cut -d. -f1)
minor=$(uname -r | cut -d. -f2)
fmt_msgs=yes	# extack messages that can name the holder: 6.2 and later
if [ "$major" -lt 6 ] || { [ "$major" -eq 6 ] && [ "$minor" -lt 2 ]; }; then
	fmt_msgs=no
fi

carrier() { cat "/sys/class/net/$1/carrier" 2>/dev/null || echo none; }
wait_carrier() {
	local deadline=$(($(date +%s) + ${3:-10}))
	while [ "$(carrier "$1")" != "$2" ]; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.1
	done
}
lease() { echo "$2" > "$XPO_DBG/cage$1/lease"; }

xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"

# ethtool --reset returns while the module comes back ----------------------------
# Realistic timing, and a module that NACKs its first identity reads after
# the reset (23 probe attempts of 3 transfers, within the probe budget of
# 25): it comes back after about 2.5 s of probing and 0.45 s of power-up.
# A reset that waited for the bring-up would return once it is ready.  The
# state is read with shell builtins: forks are slow in a TCG guest.
state_of() {
	local k v
	REPLY=none
	while read -r k v; do
		[ "$k" = "state:" ] && { REPLY=$v; return; }
	done < "$XPO_DBG/cage$1/state"
}
echo realistic > "$SIM_DBG/timing"
sim_set 5 nack 69
err=$(ethtool --reset xpo5p0 phy-shared 2>&1 >/dev/null)
rc=$?
state_of 5; s1=$REPLY
ip link show xpo6p0 > /dev/null
rc_ip=$?
state_of 5; s2=$REPLY
check_eq "reset: ethtool succeeds" "0 " "$rc $err"
check "reset: it returned while cage 5 is still coming up ($s1)" \
	test "$s1" = probing -o "$s1" = powering-up
check_eq "reset: ip link on another cage's port meanwhile" 0 "$rc_ip"
check "... while cage 5 is still coming up ($s2)" \
	test "$s2" = probing -o "$s2" = powering-up
check "reset: a port of cage 5 goes up meanwhile" ip link set xpo5p0 up
check "reset: the module comes back by itself" wait_state 5 ready 20
check "reset: carrier when it is ready" wait_carrier xpo5p0 1 20
ip link set xpo5p0 down
sim_set 5 nack 0
echo instant > "$SIM_DBG/timing"

# Guards: a leased module refuses what would disturb it ----------------------------
check "a CDB lease for the tests" lease 3 "cdb 60000 0"
check_eq "debugfs shows the lease" "cdb debugfs" "$(cage_field 3 lease)"
check "a second taker is refused" sh -c "! echo 'firmware 1000' 2>/dev/null > $XPO_DBG/cage3/lease"
mark=$(dmesg | wc -l)
err=$(ethtool --reset xpo3p0 phy-shared 2>&1 >/dev/null)
check_eq "ethtool reset refused while leased" \
	"Cannot issue ETHTOOL_RESET: Device or resource busy" "$err"
if [ $fmt_msgs = yes ]; then
	check "the log names the holder" grep -q \
		"xpo3p0: Cannot reset module of cage 3: The module is held by debugfs for a CDB command" \
		<(dmesg | tail -n +$((mark + 1)))
else
	check "the log says why" grep -q \
		"xpo3p0: Cannot reset module of cage 3: The module is held for a CDB command" \
		<(dmesg | tail -n +$((mark + 1)))
fi
check "ethtool -m refused while leased" sh -c "! ethtool -m xpo3p0 offset 0 length 8 hex on >/dev/null 2>&1"
check "a port cannot go up while leased" sh -c "! ip link set xpo3p1 up 2>/dev/null"
check_eq "... and stays down" 0x00 "$(cage_field 3 ports_up)"
check "power policy change refused while leased" \
	sh -c "! ethtool --set-module xpo3p0 power-mode-policy auto 2>/dev/null"
out=$(python3 "$HELPER" batch 2>&1 <<'REQ'
{"do": "cage-set", "attrs": {"id": 3, "reset": true}}
{"do": "cage-set", "attrs": {"id": 3, "power": 0}}
{"do": "cage-set", "attrs": {"id": 3, "power-policy": "auto"}}
REQ
)
echo "$out" | sed 's/^/# /'
for n in 1 2 3; do
	line=$(echo "$out" | sed -n "${n}p")
	what=$(echo "reset power power-policy" | cut -d' ' -f$n)
	check_eq "netlink $what refused while leased (EBUSY)" 16 \
		"$(echo "$line" | jq -r .errno)"
	if [ $fmt_msgs = yes ]; then
		check_eq "... naming the holder" true \
			"$(echo "$line" | jq '.extack.msg | test("held by debugfs for a CDB command")')"
	else
		check_eq "... saying why" true \
			"$(echo "$line" | jq '.extack.msg | test("held for a CDB command")')"
	fi
done
check_eq "the cage is untouched" "ready high" \
	"$(cage_state 3) $(cage_field 3 power_policy)"
check "release" lease 3 release
check_eq "debugfs: free again" - "$(cage_field 3 lease)"
check "after release: ethtool reset" ethtool --reset xpo3p0 phy-shared
check "after release: back" wait_state 3 ready 20

# A busy module is not a faulty one -------------------------------------------------
# Cage 7's module NACKs everything while a CDB lease is held; coolant flow
# under the warning (not the alarm) latches a flag and asserts IntL.
check "cage 7: a CDB lease with a 10 s busy bound" lease 7 "cdb 60000 10000"
sim_set 7 nack 1000000
sim_set 7 coolant_flow_mlpm 320
sleep 1.5
check_eq "IntL under the lease: the flag read is postponed" 1 \
	"$(( $(cage_field 7 lease_deferred) & 1 ))"
check_eq "... and the cage stays ready, no I/O error counted" "ready none 0" \
	"$(cage_state 7) $(cage_field 7 fault_reason) $(cage_field 7 io_errors)"
lease 7 release
sleep 1
check_eq "released, still NACKing within the busy bound: still ready" \
	"ready none 0" \
	"$(cage_state 7) $(cage_field 7 fault_reason) $(cage_field 7 io_errors)"
sim_set 7 nack 0
sleep 1
check_eq "the module answers again: ready, nothing postponed" "ready 0x00" \
	"$(cage_state 7) $(cage_field 7 lease_deferred)"
# The core's last flag read (telemetry_flags) is overwritten by the next one,
# so ask the module and the shadow instead: the module's latch was read
# (IntL let go, nobody else reads cage 7 here), and what was read is kept
# for the host's next read of B0h:139 (FlowLowWarning, bit 2).
check "the postponed IntL was serviced: the module's IntL let go" \
	wait_sim 7 interrupt 0 10
check_eq "... and the flow warning it latched is in the shadow" 4 \
	"$(( $(ethtool -m xpo7p0 page 0xb0 offset 139 length 1 raw on |
		od -An -tu1) & 4 ))"
sim_set 7 coolant_flow_mlpm 500
sleep 0.5

# ... within bounds: a module still NACKing past the lease's time faults
check "cage 7: a CDB lease of 1 s" lease 7 "cdb 1000 0"
sim_set 7 nack 1000000
sim_set 7 coolant_flow_mlpm 320
check "past the lease's time, still NACKing: fault" wait_state 7 fault 10
check_eq "... with its own reason" busy-timeout "$(cage_field 7 fault_reason)"
check_eq "the expired lease is gone" - "$(cage_field 7 lease)"
sim_set 7 nack 0
sim_set 7 coolant_flow_mlpm 500
check "a reset brings it back" ethtool --reset xpo7p0 phy-shared
check "... ready" wait_state 7 ready 20

# The protection does not yield to a lease ------------------------------------
# A quiet (CDB) lease postpones the state machine's and the telemetry's bus
# work; the protection is silenced only by its own settings, so its watch of
# the host's limits goes on reading the module and acts (the LPMode pin,
# which needs no bus) while the lease is held.
X=tools/xpoctl/xpoctl
pstatus() {
	"$X" -j cage show "$1" | jq -r '.cages[0].protection |
		if .tripped then "tripped \(.reason) \(.action)" else "armed" end'
}
wait_pstatus() {
	local deadline=$(($(date +%s) + ${3:-10} * XPO_TIME_SCALE))
	until [ "$(pstatus "$1")" = "$2" ]; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.1
	done
}
check "cage 9: a host flow limit of 450 mL/min" "$X" cage set 9 flow-min 450
check "cage 9: a CDB lease" lease 9 "cdb 60000 0"
sim_set 9 coolant_flow_mlpm 400	# under the host's limit, over the module's alarm
check "under the lease the watch still trips on the host's limit" \
	wait_pstatus 9 "tripped flow-low low-power" 5
check_eq "... and LPMode is asserted, the lease still held" "1 cdb debugfs" \
	"$(sim_info 9 lpmode) $(cage_field 9 lease)"
check "release" lease 9 release
sim_set 9 coolant_flow_mlpm 500
check "flow back: re-arm" "$X" cage rearm 9
"$X" cage set 9 flow-min 0 >/dev/null
check "re-armed: ready" wait_state 9 ready 20

check "unload" xpo_unload
finish
