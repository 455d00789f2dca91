#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The lanes of the telemetry snapshot (netlink lanes-get, xpoctl cage
# lanes): the page 11h monitors of every lane equal what xpo_sim holds
# (debugfs lane_monitors), lit and dark lanes follow the ports; a lane flag
# raised in the emulator (debugfs lane_fault) is seen by the core's lane
# client (which reads it on IntL) and by the telemetry reader, neither
# taking it from the other, nor from a raw reader; while a CDB or firmware
# lease holds the module the snapshot touches no bus: hwmon answers
# ENODATA, lanes-get the last snapshot marked stale; a breakout lease does
# not stop it.  The ports of the cage (port-get, xpoctl port show): their
# netdevs, lanes, carrier and data path state, with no bus access.
. "$(dirname "$0")/lib.sh"

X=tools/xpoctl/xpoctl
[ -x "$X" ] || die "$X is not built: make tools"
PY=/usr/bin/python3
HELPER=tests/integration/netlink_helper.py
C=5

xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"
# The thermal model settles in one step, so values hold still to compare
echo 100 > "$SIM_DBG/thermal_tau_ms"
hw=$(echo /sys/bus/platform/devices/xpo_cage.$C/hwmon/hwmon*)
[ -d "$hw" ] || die "no hwmon device for cage $C"
echo 100 > "$hw/update_interval" || die "update_interval"

carrier() { cat "/sys/class/net/$1/carrier" 2>/dev/null || echo none; }
wait_carrier() {
	local deadline=$(($(date +%s) + 20))
	while [ "$(carrier "$1")" != 1 ]; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.1
	done
}
lease() { echo "$2" > "$XPO_DBG/cage$1/lease"; }
# nl REQUEST: one netlink request through the YNL helper, its JSON answer
nl() { echo "$1" | "$PY" "$HELPER" batch; }
# fresh: past the snapshot's interval (100 ms), so the next read refreshes
fresh() { sleep 0.15; }

# Monitors equal the emulator's ---------------------------------------------------
ip link set "xpo${C}p0" up && ip link set "xpo${C}p2" up || die "ip link up"
check "ports 0 and 2 get carrier" sh -c "$(declare -f carrier wait_carrier); wait_carrier xpo${C}p0 && wait_carrier xpo${C}p2"
sleep 0.5
fresh
"$X" -j cage lanes "$C" > /tmp/lanes.json
rc=$?
sim=$(awk '{ print $2, $6 * 100, $8 * 2, $10 * 100 }' "$SIM_DBG/cage$C/lane_monitors")
check_eq "xpoctl -j cage lanes succeeds" 0 "$rc"
got=$(jq -r '.cages[0].lanes[] | "\(.lane) \(.tx_power_nw) \(.tx_bias_ua) \(.rx_power_nw)"' /tmp/lanes.json)
check_eq "64 lanes (8 banks of 8)" 64 "$(echo "$got" | grep -c .)"
# equal within 1 % (the module temperature may have moved a step since)
bad=$(paste -d' ' <(echo "$got") <(echo "$sim") | awk '
	function off(a, b) { d = a - b; if (d < 0) d = -d; return d > b / 100 }
	$1 != $5 || off($2, $6) || off($3, $7) || off($4, $8) { print }')
check_eq "every lane's Tx power, bias and Rx power equal the emulator's (nW, uA)" "" "$bad"
[ -n "$bad" ] && echo "$bad" | head -5 | sed 's/^/# kernel, sim: /'
lit=$(echo "$got" | awk '$2 > 0 && $3 > 0 && $4 > 0 { print $1 }' | paste -sd' ')
check_eq "lit lanes: those of ports 0 and 2" \
	"0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23" "$lit"
check_eq "no two lit lanes alike" 16 \
	"$(echo "$got" | awk '$2 > 0 { print $2 }' | sort -u | grep -c .)"
check_eq "a dark lane reads 0" "0 0 0" "$(echo "$got" | awk '$1 == 40 { print $2, $3, $4 }')"
# Thresholds: page 02h's, in the lanes' units (bias times 01h:160's multiplier)
p01=($(sim_mem "$C" "page 01h"))
p02=($(sim_mem "$C" "page 02h"))
mul=$(( 1 << ((16#${p01[32]} >> 3) & 3) ))
thr() {	# OFFSET SCALE: the four u16 from 02h:OFFSET, HA LA HW LW, times SCALE
	local i o
	for i in 0 1 2 3; do
		o=$(($1 - 128 + 2 * i))
		printf '%d ' $(( (16#${p02[o]} * 256 + 16#${p02[o + 1]}) * $2 ))
	done
}
want="$(thr 176 100)$(thr 184 $((2 * mul)))$(thr 192 100)"
got_thr=$(jq -r '.cages[0].thresholds | [.tx_power_nw, .tx_bias_ua, .rx_power_nw][] |
	"\(.high_alarm) \(.low_alarm) \(.high_warning) \(.low_warning)"' /tmp/lanes.json | xargs)
check_eq "lanes-get carries page 02h's thresholds: Tx power, bias, Rx power (nW, uA)" \
	"${want% }" "$got_thr"
check_eq "... the emulator's: +5 dBm Tx power high alarm, 100 mA bias high alarm" \
	"3162300 100000" "$(jq -r '.cages[0].thresholds | "\(.tx_power_nw.high_alarm) \(.tx_bias_ua.high_alarm)"' /tmp/lanes.json)"
"$X" -d cage lanes "$C" > /tmp/lanes-d.txt
check "xpoctl -d cage lanes: the thresholds table, Tx power alarms at -11 and +5 dBm" \
	grep -qE "^ *$C +TX dBm +-11\.00 +-10\.00 +4\.00 +5\.00$" /tmp/lanes-d.txt
check_eq "... five monitor rows after the 64 lanes" 5 \
	"$(grep -cE "^ *$C +(TX|BIAS|RX) (mW|dBm|mA) " /tmp/lanes-d.txt)"
"$X" cage lanes "$C" > /tmp/lanes.txt
check_eq "xpoctl cage lanes: a header and 64 rows" 65 "$(grep -c . /tmp/lanes.txt)"
check "xpoctl cage lanes: lane 16 of port 2 in mW and dBm" \
	grep -Eq '^ +5 +16 +2 +1\.[0-9]{4} +[0-9.]+ +[0-9]+\.[0-9]{3} +1\.[0-9]{4} ' /tmp/lanes.txt

# Ports (port-get, xpoctl port show): netdevs, lanes, carrier, data path ----------
t0=$(cat "$SIM_DBG/cage$C/transfers")
r=$(nl '{"do": "port-get", "attrs": {"id": 5, "index": 2}}')
check_eq "port-get costs the module no bus transfer" 0 \
	"$(($(cat "$SIM_DBG/cage$C/transfers") - t0))"
check_eq "port-get: port 2 is xpo5p2's ifindex, lanes 16+8, up, carrier" \
	"$(cat /sys/class/net/xpo${C}p2/ifindex) 16 8 1 1" \
	"$(echo "$r" | jq -r '.reply | "\(.ifindex) \(."lane-first") \(."lane-count") \(.up) \(.carrier)"')"
check_eq "... its eight lanes DPActivated" "activated x8" \
	"$(echo "$r" | jq -r '.reply."dp-state" | "\(unique | join(",")) x\(length)"')"
r=$(nl '{"do": "port-get", "attrs": {"id": 5, "index": 1}}')
check_eq "port 1 (down): no carrier, lanes DPDeactivated" "0 0 deactivated x8" \
	"$(echo "$r" | jq -r '.reply | "\(.up) \(.carrier) \(."dp-state" | unique | join(",")) x\(."dp-state" | length)"')"
r=$(nl '{"do": "port-get", "attrs": {"id": 5, "index": 8}}')
check_eq "port-get of a port the cage does not have: ENODEV, named" \
	"19 No such port in this cage" "$(echo "$r" | jq -r '"\(.errno) \(.extack.msg)"')"
r=$(nl '{"dump": "port-get", "attrs": {"id": 5, "index": 1}}')
check_eq "a port-get dump naming a port: EINVAL, said so" \
	"22 A dump takes a cage, not a port: get one port with a do" \
	"$(echo "$r" | jq -r '"\(.errno) \(.extack.msg)"')"
r=$(nl '{"dump": "port-get", "attrs": {"id": 5}}')
check_eq "a port-get dump naming cage 5: its 8 ports, in order" "5:0 5:1 5:2 5:3 5:4 5:5 5:6 5:7" \
	"$(echo "$r" | jq -r '[.reply[] | "\(.id):\(.index)"] | join(" ")')"
r=$(nl '{"dump": "port-get"}')
check_eq "a port-get dump: every port of the 16 cages" 128 "$(echo "$r" | jq '.reply | length')"
"$X" -j port show "$C" > /tmp/ports.json
check_eq "xpoctl -j port show: 8 ports named xpo5p0..7" \
	"xpo5p0 xpo5p1 xpo5p2 xpo5p3 xpo5p4 xpo5p5 xpo5p6 xpo5p7" \
	"$(jq -r '[.ports[].netdev] | join(" ")' /tmp/ports.json)"
check "... valid against schemas/port-show.json" \
	"$PY" tools/xpoctl/tests/validate-json.py port-show.json /tmp/ports.json
"$X" port show "$C" > /tmp/ports.txt
# CAGE PORT NETDEV LANES SPEED APPSEL ADMIN CARRIER DATAPATH
check "xpoctl port show: port 2 up with carrier, lanes 16-23 activated" \
	grep -Eq "^ +$C +2 +xpo${C}p2 +16-23 +any +1 +up +on +activated$" /tmp/ports.txt
check "... port 1 down" grep -Eq "^ +$C +1 +xpo${C}p1 +8-15 +any +1 +down +off +deactivated$" /tmp/ports.txt
# a renamed netdev shows its name of now: the kernel sends the ifindex
ip link set "xpo${C}p1" name "swp${C}s1"
check "a renamed port shows its new name" \
	sh -c "'$X' port show $C | grep -Eq '^ +$C +1 +swp${C}s1 '"
ip link set "swp${C}s1" name "xpo${C}p1"
check_eq "xpoctl port show of a cage the kernel does not have: exit 1" 1 \
	"$("$X" port show 1/9 > /dev/null 2>&1; echo $?)"
check "... with the kernel's message" \
	sh -c "'$X' port show 1/9 2>&1 | grep -q 'No such cage'"

# A lane flag: seen by the lanes and by telemetry, taken by neither ----------------
lane_flags() { jq -r ".cages[0].lanes[] | select(.lane == $1) | .flags | join(\",\")"; }
wait_field() {
	local deadline=$(($(date +%s) + 10))
	until cage_field "$C" "$1" | grep -q "$2"; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.05
	done
}
# Rx LOS on lane 17 (bank 2, port 2 up: a bank the lanes watch)
fresh
"$X" -j cage lanes "$C" > /dev/null	# telemetry is up to date
echo "17 rx-los 1" > "$SIM_DBG/cage$C/lane_fault"
check "the lanes client read the Rx LOS of lane 17 (bank 2, bit 1)" \
	wait_field bank2_lane_flags "rx-los=0x02"
fresh
"$X" -j cage lanes "$C" > /tmp/lanes.json
check_eq "telemetry sees it too: lane 17 rx-los" rx-los "$(lane_flags 17 < /tmp/lanes.json)"
check_eq "...and no other lane" "" \
	"$(jq -r '.cages[0].lanes[] | select(.lane != 17) | .flags[]' /tmp/lanes.json | sort -u | paste -sd,)"
check_eq "lane 17 lost its light: Rx power 0" 0 \
	"$(jq -r '.cages[0].lanes[] | select(.lane == 17) | .rx_power_nw' /tmp/lanes.json)"
check "the emulator's 11h:147 of bank 2 was cleared (read once, by the lanes)" \
	sh -c "grep -A8 '^page 11h bank 2:' '$SIM_DBG/cage$C/mem' | awk 'NR == 3 { exit \$5 != \"00\" }'"
check_eq "the lanes client still holds it after telemetry took its copy" \
	"rx-los=0x02" "$(cage_field "$C" bank2_lane_flags | grep -o 'rx-los=0x02')"
r=$(nl '{"do": "eeprom-read", "attrs": {"id": 5, "bank": 2, "page": 17, "offset": 147, "length": 1}}')
check_eq "a raw reader (eeprom-read 11h:147) is handed it as well" 02 \
	"$(echo "$r" | jq -r '.reply.data')"
fresh
"$X" -j cage lanes "$C" > /tmp/lanes.json
check_eq "the next refresh: no new flag" "" "$(lane_flags 17 < /tmp/lanes.json)"
check_eq "...Rx power still 0 while the LOS holds" 0 \
	"$(jq -r '.cages[0].lanes[] | select(.lane == 17) | .rx_power_nw' /tmp/lanes.json)"
echo "17 rx-los 0" > "$SIM_DBG/cage$C/lane_fault"

# Tx fault on lane 41 (bank 5, port 5 down: no bank the lanes watch; IntL
# stays asserted, so the next look sweeps every bank)
echo "41 tx-fault 1" > "$SIM_DBG/cage$C/lane_fault"
check "the lanes client swept bank 5 for it" \
	wait_field bank5_lane_flags "tx-fault=0x02"
fresh
"$X" -j cage lanes "$C" > /tmp/lanes.json
check_eq "telemetry sees lane 41 tx-fault" tx-fault "$(lane_flags 41 < /tmp/lanes.json)"
echo "41 tx-fault 0" > "$SIM_DBG/cage$C/lane_fault"
"$X" cage lanes "$C" > /dev/null

# Leases ---------------------------------------------------------------------------------
check "a CDB lease on cage $C" lease "$C" "cdb 60000 0"
fresh
t0=$(cat "$SIM_DBG/cage$C/transfers")
r0=$(cage_field "$C" telemetry_refreshes)
err=$(cat "$hw/temp1_input" 2>&1 >/dev/null)
check "hwmon under a CDB lease: ENODATA (lm-sensors N/A)" \
	sh -c "echo '$err' | grep -q 'No data available'"
check "sensors shows N/A" sh -c "sensors xpo-isa-000$C 2>/dev/null | grep -q 'Module case: *N/A'"
r=$(nl '{"do": "lanes-get", "attrs": {"id": 5}}')
check_eq "lanes-get: the last snapshot, stale" "true 64" \
	"$(echo "$r" | jq -r '"\(.reply.stale) \(.reply.lane | length)"')"
sleep 0.3
r=$(nl '{"do": "lanes-get", "attrs": {"id": 5}}')
check "...and its age grows (> 300 ms)" test "$(echo "$r" | jq -r '.reply.age')" -gt 300
"$X" cage lanes "$C" > /tmp/lanes.txt
check "xpoctl cage lanes says stale" grep -q "^cage $C: stale" /tmp/lanes.txt
r=$(nl '{"do": "cage-get", "attrs": {"id": 5}}')
check_eq "cage-get: no live values under the lease" null \
	"$(echo "$r" | jq -r '.reply."module-temp"')"
cat "$hw/temp1_input" > /dev/null 2>&1
check_eq "not one bus transfer to the leased module" 0 \
	"$(($(cat "$SIM_DBG/cage$C/transfers") - t0))"
check_eq "...and no refresh" "$r0" "$(cage_field "$C" telemetry_refreshes)"
check "release" lease "$C" release
fresh
check "hwmon answers again after the release" sh -c "cat $hw/temp1_input > /dev/null"
r=$(nl '{"do": "lanes-get", "attrs": {"id": 5}}')
check_eq "lanes-get: fresh again" "null" "$(echo "$r" | jq -r '.reply.stale')"

# a firmware lease needs every port of the cage down
ip link set "xpo${C}p0" down
ip link set "xpo${C}p2" down
check "a firmware lease" lease "$C" "firmware 60000 0"
fresh
t0=$(cat "$SIM_DBG/cage$C/transfers")
check "hwmon under a firmware lease: fails" sh -c "! cat $hw/temp1_input 2>/dev/null"
check_eq "...without a bus transfer" 0 "$(($(cat "$SIM_DBG/cage$C/transfers") - t0))"
lease "$C" release

check "a breakout lease (the module stays readable)" lease "$C" "breakout 60000 0"
fresh
r0=$(cage_field "$C" telemetry_refreshes)
check "hwmon reads under a breakout lease" sh -c "cat $hw/temp1_input > /dev/null"
check "...from the module" test "$(cage_field "$C" telemetry_refreshes)" -gt "$r0"
lease "$C" release

xpo_unload || not_ok "unload"
finish
