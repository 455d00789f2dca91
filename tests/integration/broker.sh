#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The cage core as the module's broker (Documentation/cage-core.rst, "The
# broker"): no reader (ethtool, or a full dump through xpoctl module dump)
# takes a latched flag from the protection or from another reader; every onset of a condition is acted upon, whatever an
# earlier alert was; an admin's power-off survives a re-arm; the leak
# power-off does not wait for the bus; the present line is never read with
# the bus locked.
#
# Lines are polled (use_irq=0) in the first part, as on a board whose
# interrupts are not wired: the state machine then sees IntL only every
# poll, and a reader between two polls would take the flags it latched.
. "$(dirname "$0")/lib.sh"

X=tools/xpoctl/xpoctl
[ -x "$X" ] || die "$X is not built: make -C tools/xpoctl"

prot_state() { cage_field "$1" protection; }
# wait_prot CAGE TEXT [SECONDS]
wait_prot() {
	local deadline=$(($(date +%s) + ${3:-10}))
	until [ "$(prot_state "$1")" = "$2" ]; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.05
	done
}
stamp() { kv "$SIM_DBG/cage$1/timestamps" "$2"; }
alarms_of() { uevents_for "$1" | grep -c '^alarm:'; }
# wait_alarms CAGE N [SECONDS]: at least N alarm events seen for the cage
wait_alarms() {
	local deadline=$(($(date +%s) + ${3:-10}))
	until [ "$(alarms_of "$1")" -ge "$2" ]; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.1
	done
}

sim_load
core_load use_irq=0
wait_all ready 60 || die "cages not ready: $(all_states)"
echo 200 > "$SIM_DBG/thermal_tau_ms"
uevents_start

# 1. The shadow: the state machine took 00h:8, a raw reader still sees it ----------
# Bring-up latched ModuleStateChanged (00h:8 bit 0) many times; the state
# machine read and cleared it each time.  User space has not looked yet.
first=$(ethtool -m xpo7p0 offset 8 length 1 raw on | od -An -tu1 | tr -d ' ')
second=$(ethtool -m xpo7p0 offset 8 length 1 raw on | od -An -tu1 | tr -d ' ')
check "00h:8: a reader sees the state change the state machine took ($first)" \
	test $((first & 1)) -eq 1
check_eq "00h:8: ...once: read again, it is clear" 0 "$second"
# The same through a full dump (eeprom-dump, xpoctl module dump -j): its
# reads pass through the shadow as every other; cage 6 was not read yet.
dump_b8() { "$X" -j module dump 6 | jq '.regions[0].data[8]'; }
first=$(dump_b8)
second=$(dump_b8)
check "module dump: 00h:8 shows the state change the state machine took ($first)" \
	test $((first & 1)) -eq 1
check_eq "module dump: ...once: dumped again, it is clear" 0 "$second"

# 2. A reader racing the state machine for the low-flow flag ----------------------
# Three cages, each with a reader looping over 00h:8-13 and B0h:139-140
# while its coolant flow drops under the module's alarm, and a fourth (6)
# with a reader looping over full dumps (eeprom-dump, which reads both in
# one section with all the rest): every cage must trip.  Without the
# shadow a reader takes the flag first most of the time.
readers=()
for c in 3 4 5; do
	( while :; do
		ethtool -m "xpo${c}p0" offset 8 length 6 raw on > /dev/null 2>&1
		ethtool -m "xpo${c}p0" page 0xb0 offset 139 length 2 raw on \
			> /dev/null 2>&1
	  done ) &
	readers+=($!)
done
( while :; do "$X" module dump 6 > /dev/null 2>&1; done ) &
readers+=($!)
sleep 0.5
for c in 3 4 5 6; do sim_set $c coolant_flow_mlpm 100; done
for c in 3 4 5 6; do
	check "flow-low under a racing reader: cage $c tripped" \
		wait_prot $c "tripped flow-low low-power" 10
done
kill "${readers[@]}" 2>/dev/null
wait "${readers[@]}" 2>/dev/null
for c in 3 4 5 6; do
	sim_set $c coolant_flow_mlpm 500
done
sleep 1
for c in 3 4 5 6; do
	check "flow back: cage $c re-armed" "$X" cage rearm $c
done

# 3. An alert does not silence the condition ---------------------------------------
check "leak alert on cage 9" "$X" cage set 9 protect leak alert
sim_set 9 leak 1
check "leak under alert: an alarm event" wait_alarms 9 1
check_eq "leak under alert: still ready" ready "$(cage_state 9)"
sim_set 9 leak 0
sleep 1
sim_set 9 leak 1
check "a second leak under alert: a second alarm event" wait_alarms 9 2
sim_set 9 leak 0
sleep 1
check "leak power-off on cage 9" "$X" cage set 9 protect leak power-off
sim_set 9 leak 1
check "a later leak under power-off: tripped" \
	wait_prot 9 "tripped leak power-off" 5
check_eq "...and the cage is off" powered-off "$(cage_state 9)"
sim_set 9 leak 0
check "cage 9 re-armed" "$X" cage rearm 9
check "cage 9 ready again" wait_state 9 ready 20

# Three over-temperature excursions under alert: three alarm events
check "overtemp alert on cage 10" "$X" cage set 10 protect overtemp alert
for i in 1 2 3; do
	sim_set 10 coolant_inlet_mdegc 75000
	check "overtemp excursion $i: alarm event $i" wait_alarms 10 $i 10
	sim_set 10 coolant_inlet_mdegc 25000
	sleep 1.5
done
check_eq "overtemp under alert: never tripped" armed "$(prot_state 10)"

# 4. Re-arm keeps a cage the admin switched off off --------------------------------
sim_set 11 leak 1
check "leak on cage 11: tripped" wait_prot 11 "tripped leak power-off" 5
check "the admin switches cage 11 off" "$X" cage set 11 power off
sim_set 11 leak 0
check "cage 11 re-armed" "$X" cage rearm 11
sleep 1
check_eq "re-armed: cage 11 stays off as the admin set it" powered-off \
	"$(cage_state 11)"
check "the admin switches cage 11 on" "$X" cage set 11 power on
check "cage 11 ready" wait_state 11 ready 20

# 5. The leak power-off does not wait for a transfer in flight ---------------------
# Cage 12's module stretches every message by 1.5 s; a reader holds the
# bus for the whole request (several messages).  The leak must cut the
# supply while that reader is still on the bus.
echo 1500000 > "$SIM_DBG/cage12/stretch_us"
t0=$(date +%s%N)
ethtool -m xpo12p0 page 0x11 bank 0 offset 128 length 128 raw on \
	> /dev/null 2>&1 &
rd=$!
sleep 0.5
sim_set 12 leak 1
# the emulator's own record: the core's state file waits for the bus too
for i in $(seq 1 100); do
	[ "$(stamp 12 power_off_ns)" -ge "$(stamp 12 leak_asserted_ns)" ] && break
	sleep 0.05
done
busy=0
kill -0 $rd 2>/dev/null && busy=1
lat=$(( ($(stamp 12 power_off_ns) - $(stamp 12 leak_asserted_ns)) / 1000 ))
echo "# leak to PowerEn low with a transfer in flight: $lat us"
check "leak during a long transfer: the supply went off" \
	test "$(stamp 12 power_off_ns)" -ge "$(stamp 12 leak_asserted_ns)"
check_eq "...while the reader was still on the bus" 1 $busy
wait $rd
check "...and the protection tripped" wait_prot 12 "tripped leak power-off" 30
echo "# the reader took $(( ($(date +%s%N) - t0) / 1000000 )) ms"
echo 0 > "$SIM_DBG/cage12/stretch_us"
sim_set 12 leak 0
check "cage 12 re-armed" "$X" cage rearm 12
check "cage 12 ready" wait_state 12 ready 30

uevents_stop
xpo_unload
check "unload" test ! -d /sys/module/xpo

# 6. The present line is read with the bus unlocked ---------------------------------
# Cage lines on an I2C expander behind each cage's own bus: a NACK makes the
# broker look at the present line; it must not do so holding the bus.
sim_load gpio_expander=1
core_load
wait_all ready 60 || die "cages not ready (expander): $(all_states)"
echo 20 > "$SIM_DBG/cage1/nack"
timeout 30 ethtool -m xpo1p0 offset 0 length 16 raw on > /dev/null 2>&1
rc=$?
check "NACKs with the lines on the cage's bus: no deadlock (rc $rc)" \
	test $rc -ne 124
echo 0 > "$SIM_DBG/cage1/nack"
sim_set 1 present 0
check "expander: removal seen" wait_state 1 empty 10
sim_set 1 present 1
check "expander: insertion seen, ready" wait_state 1 ready 30
xpo_unload
check "unload (expander)" test ! -d /sys/module/xpo
finish
