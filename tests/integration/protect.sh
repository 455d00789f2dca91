#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Coolant and thermal protection against the emulated physics: the default
# and configured actions, the host's own limits, the reason kept, no
# flapping until re-armed, re-arm refused while the cause is present,
# escalation, and the events.  Administered through netlink (xpoctl), the
# protection's one admin interface.
. "$(dirname "$0")/lib.sh"

X=tools/xpoctl/xpoctl
[ -x "$X" ] || die "$X is not built: make -s tools"

xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"
echo 200 > "$SIM_DBG/thermal_tau_ms"

# prot CAGE FIELD: a field of xpoctl -j cage show's protection object
# (leak, flow_low, overtemp: actions; flow_min_ml_min, temp_max_c: limits,
# null when none)
prot() { "$X" -j cage show "$1" | jq -r ".cages[0].protection.$2"; }
# status CAGE: "armed" or "tripped COND ACTION"
status() {
	"$X" -j cage show "$1" | jq -r '.cages[0].protection |
		if .tripped then "tripped \(.reason) \(.action)" else "armed" end'
}
# limits CAGE: "FLOW TEMP" in mL/min and millidegrees C, 0 for none
limits() {
	"$X" -j cage show "$1" | jq -r '.cages[0].protection |
		"\(.flow_min_ml_min // 0) \(((.temp_max_c // 0) * 1000) | round)"'
}
# pset CAGE ARGS...: xpoctl cage set, quiet
pset() { local c=$1; shift; "$X" cage set "$c" "$@" >/dev/null 2>&1; }
# mdegc_c M: millidegrees C as xpoctl's C with three decimals
mdegc_c() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }
stamp() { kv "$SIM_DBG/cage$1/timestamps" "$2"; }
rearm() { "$X" cage rearm "$1" >/dev/null 2>&1; }
# wait_status CAGE TEXT [SECONDS]
wait_status() {
	local deadline=$(($(date +%s) + ${3:-10}))
	until [ "$(status "$1")" = "$2" ]; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.05
	done
}

check "no protection files in sysfs: netlink is the one admin ABI" \
	test ! -e /sys/bus/platform/devices/xpo_cage.0/protection
check_eq "default policy" "power-off low-power low-power" \
	"$(prot 0 leak) $(prot 0 flow_low) $(prot 0 overtemp)"
check_eq "armed at start" armed "$(status 0)"
check "an unknown action is refused" eval '! pset 0 protect leak shutdown'
check_eq "...and changes nothing" power-off "$(prot 0 leak)"
check "re-arm with nothing tripped is harmless" rearm 0

uevents_start

# Leak: the cage is powered off from the interrupt ------------------------------------
sim_set 2 leak 1
check "leak: tripped, powered off" wait_status 2 "tripped leak power-off" 5
check_eq "leak: cage state" powered-off "$(cage_state 2)"
check_eq "leak: the reason in debugfs state" "tripped leak power-off" \
	"$(cage_field 2 protection)"
lat=$(( ($(stamp 2 power_off_ns) - $(stamp 2 leak_asserted_ns)) / 1000 ))
echo "# leak asserted to PowerEn low: $lat us (target < 50000 us; measured, not asserted: see make bench)"
check "leak: the supply went off after the leak, not before" test "$lat" -gt 0
sleep 2
check_eq "leak: still off 2 s later" powered-off "$(cage_state 2)"
check "leak still there: re-arm refused" eval '! rearm 2'
check_eq "...and the cage stays off" powered-off "$(cage_state 2)"
sim_set 2 leak 0
sleep 1
check_eq "leak gone: still off until re-armed (no flapping)" powered-off "$(cage_state 2)"
check "leak gone: re-arm" rearm 2
check "re-armed: the module comes back" wait_state 2 ready 20
check_eq "re-armed: armed" armed "$(status 2)"

# Low flow: default low power -------------------------------------------------------
sim_set 4 coolant_flow_mlpm 100
check "flow-low: tripped, low power" wait_status 4 "tripped flow-low low-power" 5
check "flow-low: the module is in low power" wait_state 4 low-power 10
check "flow still low: re-arm refused" eval '! rearm 4'
sim_set 4 coolant_flow_mlpm 500
sleep 1
check_eq "flow back: still held in low power until re-armed" low-power "$(cage_state 4)"
check "flow back: re-arm" rearm 4
check "re-armed: high power again" wait_state 4 ready 20

# Over-temperature with alert only: an event, nothing else ----------------------------
check "overtemp=alert on cage 5" pset 5 protect overtemp alert
sim_set 5 coolant_inlet_mdegc 75000
for i in $(seq 1 40); do
	[ "$(uevents_for 5 | grep -c alarm)" -gt 0 ] 2>/dev/null && break
	sleep 0.1
done
sleep 0.5
check_eq "overtemp=alert: the module keeps running" ready "$(cage_state 5)"
check_eq "overtemp=alert: not tripped" armed "$(status 5)"
check "overtemp=alert: the alarm is recorded" \
	grep -q overtemp <<< "$(cage_field 5 protection_alerts)"
sim_set 5 coolant_inlet_mdegc 25000

# Over-temperature by default: low power; re-arm once cool --------------------------
sim_set 6 coolant_inlet_mdegc 75000
check "overtemp: tripped, low power" wait_status 6 "tripped overtemp low-power" 10
check "overtemp: module in low power" wait_state 6 low-power 10
sim_set 6 coolant_inlet_mdegc 25000
sleep 1.5
check "cooled: re-arm" rearm 6
check "cooled: ready again" wait_state 6 ready 20

# Flow-low set to power-off: re-arm while the flow is still off trips again --------
check "flow-low=power-off on cage 8" pset 8 protect flow-low power-off
sim_set 8 coolant_flow_mlpm 0
check "flow-low=power-off: tripped" wait_status 8 "tripped flow-low power-off" 5
check_eq "flow-low=power-off: powered off" powered-off "$(cage_state 8)"
rearm 8	# the module cannot be read while off: allowed, and it boots...
check "...the module reports the low flow again: tripped again" \
	wait_status 8 "tripped flow-low power-off" 10
check "...and powered off again" wait_state 8 powered-off 10
sim_set 8 coolant_flow_mlpm 500
check "flow back: re-arm" rearm 8
check "flow back: ready" wait_state 8 ready 20

# Policy off: nothing at all ------------------------------------------------------------
# (low, not stopped: with no flow at all the module would overheat, and
# the over-temperature protection would rightly act)
check "flow-low=off on cage 10" pset 10 protect flow-low off
sim_set 10 coolant_flow_mlpm 250
sleep 1
check_eq "flow_low=off: the module keeps running" ready "$(cage_state 10)"
check_eq "flow_low=off: not tripped" armed "$(status 10)"
sim_set 10 coolant_flow_mlpm 500

# Escalation: held in low power, then a leak --------------------------------------------
sim_set 11 coolant_flow_mlpm 0
check "escalation: first flow-low, low power" \
	wait_status 11 "tripped flow-low low-power" 5
sim_set 11 leak 1
check "escalation: then the leak powers the cage off" \
	wait_status 11 "tripped leak power-off" 5
check_eq "escalation: powered off" powered-off "$(cage_state 11)"
sim_set 11 leak 0
sim_set 11 coolant_flow_mlpm 500
check "escalation: re-arm" rearm 11
check "escalation: ready" wait_state 11 ready 20

# The host's own limits, tighter than the module's alarms -----------------------------
check_eq "no host limits by default" "0 0" "$(limits 13)"
check "flow-min past its range is refused" eval '! pset 13 flow-min 100001'
check "temp-max under its range is refused" eval '! pset 13 temp-max 5'
check "a limit that is no number is refused" eval '! pset 13 flow-min lots'
check_eq "...and nothing changed" "0 0" "$(limits 13)"
check "flow-min 450 mL/min" pset 13 flow-min 450
check_eq "debugfs state shows the limits" "flow-min=450 temp-max=0" \
	"$(cage_field 13 protection_limits)"
sleep 0.6
check_eq "flow 500 over the limit: armed" armed "$(status 13)"
sim_set 13 coolant_flow_mlpm 400	# the module's own alarm is at 300
check "flow 400 under the host's limit: tripped, low power" \
	wait_status 13 "tripped flow-low low-power" 5
check "...the module is in low power" wait_state 13 low-power 10
check_eq "...though the module saw no low flow itself" 0 \
	"$(stamp 13 flow_low_ns)"
check "flow still under the host's limit: re-arm refused" eval '! rearm 13'
sim_set 13 coolant_flow_mlpm 500
check "flow back over the limit: re-arm" rearm 13
check "re-armed: ready" wait_state 13 ready 20
pset 13 flow-min 0

# the hottest of case and engines, with 3 degC to spare, once they have
# settled: the module just came back from low power, and its temperatures
# climb to their working values with the 200 ms time constant set above
# (2 s is 10 of them; read at once, as the fork-free helpers now allow, the
# snapshot was taken mid-climb and the limit tripped on 6.1)
sleep 2
hot=$(awk '/^(case|engine[0-9]+)_mdegc:/ { if ($2 > m) m = $2 } END { print m }' \
	"$SIM_DBG/cage13/thermal")
check "temp-max $((hot + 3000)) millidegrees C" \
	pset 13 temp-max "$(mdegc_c $((hot + 3000)))"
check_eq "...as the kernel has it" "0 $((hot + 3000))" "$(limits 13)"
sleep 0.6
check_eq "under the temperature limit: armed" armed "$(status 13)"
sim_set 13 coolant_inlet_mdegc 30000	# everything 5 degC warmer
check "5 degC warmer: over the host's limit, tripped overtemp" \
	wait_status 13 "tripped overtemp low-power" 10
check_eq "...the module's own alarm did not fire" 0 "$(stamp 13 case_crit_ns)"
sim_set 13 coolant_inlet_mdegc 25000
sleep 1
check "cooled: re-arm" rearm 13
check "cooled: ready" wait_state 13 ready 20
pset 13 temp-max 0
check_eq "limits cleared" "0 0" "$(limits 13)"

# The others were never touched
untouched=0
for c in 0 1 3 7 9 12 14 15; do
	[ "$(cage_state $c)" = ready ] && [ "$(status $c)" = armed ] ||
		{ untouched=1; echo "# cage $c: $(cage_state $c), $(status $c)"; }
done
check_eq "the other cages stay ready and armed" 0 $untouched

uevents_stop
check "uevent: protect leak power-off on cage 2" \
	grep -qx "XPO_ACTION=power-off" <(awk '/XPO_CAGE=2$/,/^$/' "$UEVENT_LOG")
check_eq "uevents of cage 2" "alarm: protect: rearm:" \
	"$(uevents_for 2 | grep -E '^(alarm|protect|rearm):' | tr '\n' ' ' | sed 's/ $//')"
check_eq "uevents of cage 5 (alert only)" "alarm:" \
	"$(uevents_for 5 | grep -E '^(alarm|protect|rearm):' | tr '\n' ' ' | sed 's/ $//')"

xpo_unload
check "unload" test ! -d /sys/module/xpo
finish
