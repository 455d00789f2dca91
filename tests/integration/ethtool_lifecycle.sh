#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The port netdevs through a module's life: a data path that does not come
# up in time, a module going to fault, a quick module swap, a reset that
# meets a pulled or stuck module, and unloading the driver with ports up.
. "$(dirname "$0")/lib.sh"

xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"

carrier() { cat "/sys/class/net/$1/carrier" 2>/dev/null || echo none; }

# wait_carrier DEV VALUE [SECONDS]
wait_carrier() {
	local deadline=$(($(date +%s) + ${3:-10}))
	while [ "$(carrier "$1")" != "$2" ]; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.1
	done
}

dmesg_since() { dmesg | tail -n +$(($1 + 1)); }

# A data path held in DPInit: reported late once, carrier when released ------
sim_set 1 hold_dp init
mark=$(dmesg | wc -l)
ip link set xpo1p2 up
sleep 1
check_eq "DPInit held: no carrier" 0 "$(carrier xpo1p2)"
late=0
for i in $(seq 1 100); do
	dmesg_since "$mark" | grep -q "port 2: data path not activated within" &&
		{ late=1; break; }
	sleep 0.1
done
check_eq "DPInit held: the missed deadline is reported" 1 $late
echo "# $(dmesg_since "$mark" | grep 'data path not activated' | head -n1)"
sleep 2
check_eq "the late data path is reported once" 1 \
	"$(dmesg_since "$mark" | grep -c 'port 2: data path not activated')"
sim_set 1 hold_dp none
check "DPInit released: carrier comes without a new request" \
	wait_carrier xpo1p2 1 10
ip link set xpo1p2 down
# (a port that is down has no carrier file to read: look at its lanes)
lanes_down() {
	local deadline=$(($(date +%s) + 5))
	until [ "$(grep -c " bank 2 dp deactivated " "$SIM_DBG/cage1/lanes")" = 8 ]; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.1
	done
}
check "port down: its eight lanes deactivated" lanes_down

# ModuleFault: carrier drops, then a reset brings the port back -----------------
ip link set xpo6p0 up
check "xpo6p0 up: carrier" wait_carrier xpo6p0 1 10
sim_set 6 hold_state fault
check "module fault: cage 6 in fault" wait_state 6 fault 10
check "module fault: carrier drops" wait_carrier xpo6p0 0 5
check_eq "module fault: the cause is kept" "module-fault" "$(cage_field 6 fault_reason)"
sim_set 6 hold_state none
ip link set xpo6p0 down
check "module fault: reset with every port down" ethtool --reset xpo6p0 phy-shared
check "after the reset: ready" wait_state 6 ready 20
ip link set xpo6p0 up
check "after the reset: carrier again" wait_carrier xpo6p0 1 10
ip link set xpo6p0 down

# A quick swap: the new module's banks, through the same netdevs ----------------
page11() {
	ethtool -m "$1" page 0x11 bank "$2" offset 128 length 8 hex on > /dev/null 2>&1
}
# swapped CAGE BANKS: the cage ready with the new module (BANKS banks).  The
# swap is quicker than the core's look at the present line, so "ready"
# alone can still be the old module's (seen on 6.1 once the helpers
# stopped forking: the first read went to a module still being probed).
swapped() {
	local deadline=$((EPOCHSECONDS + 20 * XPO_TIME_SCALE)) st b
	while kv_read st "$XPO_DBG/cage$1/state" state
	      kv_read b "$XPO_DBG/cage$1/state" banks
	      [ "$st" != ready ] || [ "$b" != "$2" ]; do
		[ "$EPOCHSECONDS" -lt "$deadline" ] || return 1
		sleep 0.05
	done
}
sim_set 8 present 0
sim_set 8 personality osfp
sim_set 8 present 1
check "quick swap to osfp: ready" swapped 8 4
check "quick swap to osfp: bank 3 readable" page11 xpo8p3 3
check "quick swap to osfp: bank 4 refused (4 banks)" eval '! page11 xpo8p4 4'
sim_set 8 present 0
sim_set 8 personality xpo-dr8
sim_set 8 present 1
check "quick swap back to xpo-dr8: ready" swapped 8 8
check "quick swap back to xpo-dr8: bank 7 readable (8 banks)" page11 xpo8p7 7
check_eq "quick swap back: identifier 0x26 again" "0x26" \
	"$(ethtool -m xpo8p0 offset 0 length 1 hex on | awk '/^0x0000:/ { print "0x" $2 }')"

# Reset meeting a stuck or pulled module ------------------------------------------
# ethtool --reset applies the reset and returns (it holds RTNL): what the
# module does afterwards is the state machine's business, seen in its state.
sim_set 10 hold_state pwrup
mark=$(dmesg | wc -l)
check "power-up held: reset returns at once" ethtool --reset xpo10p0 phy-shared
check "power-up held: the cage faults at its power-up deadline" \
	wait_state 10 fault 20
check_eq "power-up held: the cage shows the timeout" "power-up-timeout" \
	"$(cage_field 10 fault_reason)"
check "power-up held: the log says why" \
	grep -q "module fault: power-up-timeout" <(dmesg_since "$mark")
sim_set 10 hold_state none
check "released: reset brings cage 10 back" ethtool --reset xpo10p0 phy-shared
check "released: ready" wait_state 10 ready 20

sim_set 11 hold_state pwrup
check "pulled mid-reset: reset returns at once" ethtool --reset xpo11p0 phy-shared
wait_state 11 powering-up 10
sim_set 11 present 0
check "pulled mid-reset: the cage is empty" wait_state 11 empty 10
err=$(ethtool --reset xpo11p0 phy-shared 2>&1 >/dev/null)
check_eq "empty cage: reset refused, no device" \
	"Cannot issue ETHTOOL_RESET: No such device" "$err"
sim_set 11 hold_state none
sim_set 11 present 1
check "re-seated: ready" wait_state 11 ready 20

# Unload with ports up and carrier on ----------------------------------------------
for c in 0 4 12; do
	for p in 0 3 7; do ip link set "xpo${c}p$p" up; done
done
wait_carrier xpo12p7 1 10
check "unload with ports up" xpo_unload
check_eq "no xpo netdev left" 0 "$(ls /sys/class/net | grep -c '^xpo')"
check "no xpo debugfs left" test ! -e /sys/kernel/debug/xpo
check "load again after that" xpo_load
check "and every cage is ready" wait_all ready 60
xpo_unload
finish
