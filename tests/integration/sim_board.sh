#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The emulated board on its own, without the cage core, driven the way the
# core and the tools drive it: I2C through i2c-dev, the cage lines through
# the GPIO character device (interrupts included), and the debugfs knobs.
# Checks the contract of Documentation/xpo_sim.rst.
. "$(dirname "$0")/lib.sh"

modprobe i2c-dev || die "modprobe i2c-dev"
GPIO_TOOL=/tmp/sim_gpio
gcc -O2 -Wall -o "$GPIO_TOOL" "$(dirname "$0")/sim_gpio.c" ||
	die "cannot build sim_gpio"

# Module parameters are validated --------------------------------------------
for p in cages=0 cages=17 populated=0x10000 personality=nope timing=fast; do
	if insmod "$XPO_SIM_KO" "$p" 2>/dev/null; then
		not_ok "xpo_sim $p accepted"
		rmmod xpo_sim
	else
		ok "xpo_sim $p refused"
	fi
done

sim_load cages=4 populated=0x5 personality=osfp timing=realistic
check_eq "cages=4: four adapters" 4 \
	"$(grep -l '^xpo_sim cage' /sys/bus/i2c/devices/i2c-*/name | wc -l)"
check_eq "cages=4: four cage devices" 4 \
	"$(ls -d /sys/bus/platform/devices/xpo_cage.* | wc -l)"
check_eq "populated=0x5: cage 1 empty" 0 "$(cat "$SIM_DBG/cage1/present")"
check_eq "populated=0x5: cage 2 seated" 1 "$(cat "$SIM_DBG/cage2/present")"
check_eq "personality=osfp" 0x19 "$(sim_info 0 identifier)"
check_eq "timing=realistic" realistic "$(cat "$SIM_DBG/timing")"
rmmod xpo_sim || die "rmmod xpo_sim"

# The default board -----------------------------------------------------------
sim_load
# The thermal model settles in one step, so that monitors (which follow the
# module temperature) hold still while the load does
echo 100 > "$SIM_DBG/thermal_tau_ms"
BUS=$(cage_bus 0) || die "no adapter for cage 0"
BUS3=$(cage_bus 3) || die "no adapter for cage 3"
CHIP=/dev/$(basename /sys/bus/xpo_sim/devices/xpo_sim/gpiochip*)
D=$SIM_DBG/cage0

rd() { i2cget -y "$BUS" 0x50 "$1" 2>/dev/null; }
wr() { i2cset -y "$BUS" 0x50 "$1" "$2" 2>/dev/null; }
page() { wr 126 "$1" && wr 127 "$2"; }	# bank, page
gpio() { "$GPIO_TOOL" "$CHIP" "$@"; }
# sim_wait STATE [SECONDS]: until cage 0's module_state is STATE
# (the waits use builtins only: an exec costs ~0.5 s on the debug kernel)
sim_wait() {
	local deadline=$((EPOCHSECONDS + ${2:-10})) st
	while IFS= read -r st < "$D/module_state"; [ "$st" != "$1" ]; do
		[ "$EPOCHSECONDS" -lt "$deadline" ] || return 1
		sleep 0.02
	done
}
# dp_states_read VAR FIRST LAST: set the array VAR to the data path states
# of cage 0's host lanes FIRST..LAST, from debugfs lanes ("lane N bank B
# dp STATE ...", read in one go)
dp_states_read() {
	local -n _dp_out=$1
	local -a _dp_lines _dp_w
	local _dp_l
	_dp_out=()
	mapfile -t _dp_lines < "$D/lanes"
	for _dp_l in "${_dp_lines[@]}"; do
		# shellcheck disable=SC2206 # words, no glob characters
		_dp_w=($_dp_l)
		[ "${_dp_w[0]}" = lane ] && [ "${_dp_w[4]}" = dp ] &&
			[ "${_dp_w[1]}" -ge "$2" ] && [ "${_dp_w[1]}" -le "$3" ] &&
			_dp_out+=("${_dp_w[5]}")
	done
}
# dp_states FIRST LAST: the same, printed on one line
dp_states() {
	local -a st
	dp_states_read st "$1" "$2"
	echo "${st[*]}"
}
# dp_wait FIRST LAST STATE [SECONDS]: until all those lanes are in STATE
dp_wait() {
	local deadline=$((EPOCHSECONDS + ${4:-10})) n=$(($2 - $1 + 1)) s m
	local -a st
	while :; do
		dp_states_read st "$1" "$2"
		m=0
		for s in "${st[@]}"; do [ "$s" = "$3" ] && m=$((m + 1)); done
		[ "$m" -eq "$n" ] && return 0
		[ "$EPOCHSECONDS" -lt "$deadline" ] || return 1
		sleep 0.02
	done
}
# rdn OFFSET COUNT: COUNT bytes from OFFSET of the selected page, one message
rdn() { i2ctransfer -y "$BUS" w1@0x50 "$1" "r$2@0x50" 2>/dev/null; }
# dp_quiet: every data path of cage 0 down (DataPathDeinit on every lane of
# every bank) and the lane flags cleared, so that IntL follows the module
# flags alone.  The module must be running.
dp_quiet() {
	local b banks
	banks=$(sim_info 0 banks)
	for b in $(seq 0 $((banks - 1))); do page "$b" 0x10 && wr 128 0xff; done
	dp_wait 0 $((banks * 8 - 1)) deactivated || return 1
	for b in $(seq 0 $((banks - 1))); do
		page "$b" 0x11 && rdn 134 19 >/dev/null
	done
	page 0 0
}

check_eq "16 I2C adapters" 16 \
	"$(grep -l '^xpo_sim cage' /sys/bus/i2c/devices/i2c-*/name | wc -l)"
check "adapter has a software node" \
	test -e "/sys/kernel/software_nodes/xpo_sim/cage0-i2c"
check_eq "cage device parent is the board" xpo_sim \
	"$(basename "$(readlink -f /sys/bus/platform/devices/xpo_cage.0/..)")"
check "GPIO chip registered" test -c "$CHIP"
check "line names" grep -q 'cage15-power-enable' /sys/kernel/debug/gpio

# Identity: what i2cdump sees is what info says, distinct per cage
dump=$(i2cdump -y "$BUS3" 0x50 b)
check_eq "i2cdump: identifier" 26 "$(echo "$dump" | awk '$1 == "00:" { print $2 }')"
check_eq "i2cdump: CMIS 5.2" 52 "$(echo "$dump" | awk '$1 == "00:" { print $3 }')"
check_eq "identity cage 3" "XS2626DR80003 260304DD XS-XPO-8DR8 2.13 5.2" \
	"$(sim_info 3 serial) $(sim_info 3 date_code) $(sim_info 3 part_number) $(sim_info 3 fw_active) $(sim_info 3 cmis_revision)"

# Out of reset: ModuleLowPwr, ModuleStateChanged latched, IntL asserted
check_eq "LPMode pin asserted at load" 1 "$(sim_info 0 lpmode)"
check_eq "state lowpwr" lowpwr "$(cat "$D/module_state")"
check_eq "00h:3 = LowPwr, IntL asserted" 0x02 "$(rd 3)"
check_eq "IntL and ModPrsL low" "0 0" "$(gpio get 1 0)"
check_eq "00h:8 latched StateChanged" 0x01 "$(rd 8)"
check_eq "00h:8 cleared by the read" 0x00 "$(rd 8)"
check_eq "00h:3 IntL deasserted" 0x03 "$(rd 3)"
check_eq "IntL line high" 1 "$(gpio get 1)"
check_eq "00h:26 default" 0x40 "$(rd 26)"

# Paging and banking
page 0 1
check_eq "01h:128 inactive firmware major" 0x02 "$(rd 128)"
check_eq "01h:142 advertises 8 banks" 0x03 "$(rd 142)"
page 7 0x11
check_eq "11h bank 7: DPDeactivated" 0x11 "$(rd 128)"
page 8 0x11
check_eq "11h bank 8 not implemented" 0x00 "$(rd 128)"
page 3 0x10
wr 145 0x12
check_eq "10h bank 3 DPConfig written" 0x12 "$(rd 145)"
wr 126 0
check_eq "BankSelect alone does not switch" 0x12 "$(rd 145)"
wr 127 0x10
check_eq "PageSelect applies it: bank 0 (default App 1)" 0x10 "$(rd 145)"
page 0 0x20
wr 130 0x55
check_eq "unimplemented page reads 0, ignores writes" 0x00 "$(rd 130)"
page 0 0xb0
check_eq "B0h: max power 400 W" "0x9c 0x40" "$(rd 128) $(rd 129)"
check_eq "B0h: 8 engines" 0x08 "$(rd 141)"
page 0 0
wr 129 0x41
check_eq "read-only byte ignores writes" 0x58 "$(rd 129)"
check_eq "255 wraps to 0" "0x00 0x26" \
	"$(i2ctransfer -y "$BUS" w1@0x50 0xff r2@0x50 2>/dev/null)"
# (bytes 128-221 in one message: 94 i2cget runs cost ~50 s on the debug kernel)
sum=0
for b in $(rdn 128 94); do sum=$((sum + b)); done
check_eq "CMIS 00h:222 checksum" "$(printf '0x%02x' $((sum & 0xff)))" "$(rd 222)"

# Adapter limits and addresses
check "128-byte read" eval "i2ctransfer -y $BUS w1@0x50 0x80 r128@0x50 >/dev/null"
if i2ctransfer -y "$BUS" w1@0x50 0x80 r129@0x50 >/dev/null 2>&1; then
	not_ok "129-byte read accepted"
else
	ok "129-byte read refused (adapter quirk)"
fi
if i2cget -y "$BUS" 0x51 0 >/dev/null 2>&1; then
	not_ok "0x51 answers"
else
	ok "0x51 NACKs"
fi

# Accounting: an SMBus byte read is 2 messages, 2 payload bytes,
# 19 + 20 bit times at 1 MHz
for f in transfers bytes bus_ns bus_wait_ns; do echo 0 > "$D/$f"; done
rd 0 >/dev/null
check_eq "accounting of one byte read" "2 2 39000" \
	"$(cat "$D/transfers") $(cat "$D/bytes") $(cat "$D/bus_ns")"
check_eq "instant timing: no time slept for the wire" 0 "$(cat "$D/bus_wait_ns")"
echo 100 > "$SIM_DBG/bus_khz"
echo 0 > "$D/bus_ns"
rd 0 >/dev/null
check_eq "bus time at 100 kHz" 390000 "$(cat "$D/bus_ns")"
echo 1000 > "$SIM_DBG/bus_khz"
if echo 5 > "$D/transfers" 2>/dev/null; then not_ok "transfers=5 accepted"; else ok "transfers=5 refused"; fi

# Module state machine, by software
wr 26 0x00
check "LowPwrAllowRequestHW cleared: ready" sim_wait ready
check_eq "00h:3 ModuleState 3" 6 "$(( $(rd 3) & 0x0e ))"
wr 26 0x10
check "LowPwrRequestSW: lowpwr" sim_wait lowpwr
wr 26 0x40
# ... by the LPMode pin (electrical high = low power)
gpio set 4=0
check "LPMode released: ready" sim_wait ready
check_eq "info lpmode" 0 "$(sim_info 0 lpmode)"
gpio set 4=1
check "LPMode asserted: lowpwr" sim_wait lowpwr

# Interrupts reach a threaded IRQF_ONESHOT consumer (the GPIO cdev)
ev=/tmp/sim_events
dp_quiet			# no data path comes up with the module
rd 8 >/dev/null			# clear: IntL deasserted
"$GPIO_TOOL" "$CHIP" watch 20000 0 1 2 > "$ev" &
watcher=$!
while ! grep -q ready "$ev"; do sleep 0.05; done
gpio set 4=0			# -> PwrUp -> Ready: IntL falls
sim_wait ready
rd 8 >/dev/null			# IntL rises
echo 1 > "$D/leak"		# LeakL falls
echo 0 > "$D/present"		# ModPrsL rises
for i in $(seq 100); do
	[ "$(grep -c -v ready "$ev")" -ge 5 ] && break
	sleep 0.1
done
sleep 0.2			# nothing more should come
kill "$watcher"
wait "$watcher" 2>/dev/null
# (edges of different lines pending together arrive in line order)
edges() { grep "^$1 " "$ev" | cut -d' ' -f2 | paste -sd' '; }
# IntL: ModuleReady flagged, flag read; then the module's own leak sensor
# latches B0h:139 (Documentation/xpo_sim.rst) and the pull lets IntL float
# high, close enough together that the low pulse may be seen or not
intl=$(edges 1)
[ "$intl" = "falling rising falling rising" ] && intl="falling rising rising"
check_eq "edges: IntL, leak, present" "falling rising rising|falling|rising" \
	"$intl|$(edges 2)|$(edges 0)"
check_eq "info leak" 1 "$(sim_info 0 leak)"
echo 0 > "$D/leak"

# Surprise removal and re-insertion
check "pulled: NACK" test -z "$(rd 0)"
check_eq "pulled: module_state" absent "$(cat "$D/module_state")"
check_eq "ModPrsL high" 1 "$(gpio get 0)"
if echo osfp > "$D/personality" 2>/dev/null; then
	ok "personality change while empty"
else
	not_ok "personality change while empty"
fi
echo 1 > "$D/present"
check_eq "osfp: identifier" 0x19 "$(rd 0)"
page 0 1
check_eq "osfp: 01h:142 = 4 banks" 0x02 "$(rd 142)"
check "osfp: data paths of all 32 lanes come up with the module" \
	dp_wait 0 31 activated
page 3 0x11
check_eq "osfp: 11h bank 3 DPActivated" "0x44 0x44 0x44 0x44" "$(rdn 128 4)"
page 4 0x11
check_eq "osfp: no bank 4" 0x00 "$(rd 128)"
page 0 0xb0
check_eq "osfp: no telemetry page" 0x00 "$(rd 128)"
page 0 0
if echo xpo-dr8 > "$D/personality" 2>/dev/null; then
	not_ok "personality change while seated accepted"
else
	ok "personality change while seated refused"
fi
echo 0 > "$D/present"
echo xpo-dr8 > "$D/personality"
echo 1 > "$D/present"
check_eq "re-inserted: same serial" XS2626DR80000 "$(sim_info 0 serial)"
check "re-inserted: ready (LPMode released)" sim_wait ready

# NACK injection
echo 3 > "$D/nack"
n=0
for i in 1 2 3 4; do [ -n "$(rd 0)" ] || n=$((n + 1)); done
check_eq "nack=3: three transfers NACKed" 3 "$n"
check_eq "nack count drained" 0 "$(cat "$D/nack")"

# Reset and power lines
gpio set 3=0
check_eq "ResetL low: state" reset "$(cat "$D/module_state")"
check "ResetL low: NACK" test -z "$(rd 0)"
gpio set 3=1
check_eq "reset released: StateChanged latched" 0x01 "$(rd 8)"
check "reset released: back to ready" sim_wait ready
gpio set 5=0
check_eq "power off: state" unpowered "$(cat "$D/module_state")"
check "power off: NACK" test -z "$(rd 0)"
gpio set 5=1
check "power on: ready" sim_wait ready

# Software reset restores the volatile controls
wr 26 0x10
sim_wait lowpwr
wr 26 0x18
check_eq "SoftwareReset: 00h:26 back to 0x40" 0x40 "$(rd 26)"
check "SoftwareReset: ready again (LPMode released)" sim_wait ready

# Flag masks keep IntL deasserted
dp_quiet
rd 8 >/dev/null
wr 31 0x01
gpio set 4=1
sim_wait lowpwr
check_eq "masked StateChanged: IntL high" 1 "$(gpio get 1)"
wr 31 0x00
check_eq "unmasked: IntL low" 0 "$(gpio get 1)"
rd 8 >/dev/null

# hold_state
echo pwrup > "$D/hold_state"
gpio set 4=0
sleep 1
check_eq "hold pwrup: stalled" pwrup "$(cat "$D/module_state")"
echo none > "$D/hold_state"
check "released: ready" sim_wait ready
echo fault > "$D/hold_state"
check "hold fault" sim_wait fault
check_eq "fault: 00h:3 ModuleState 5" 10 "$(( $(rd 3) & 0x0e ))"
check_eq "fault: FaultCause" 0x01 "$(rd 41)"
echo none > "$D/hold_state"
sleep 0.2
check_eq "fault persists after release" fault "$(cat "$D/module_state")"
wr 26 0x08
check "SoftwareReset leaves fault" sim_wait ready
echo lowpwr > "$D/hold_state"
gpio set 4=1
sim_wait lowpwr
gpio set 4=0
sleep 0.5
check_eq "hold lowpwr: stays" lowpwr "$(cat "$D/module_state")"
echo none > "$D/hold_state"
check "released: ready" sim_wait ready

# Realistic timing: PwrUp takes about 90% of the advertised < 500 ms
echo realistic > "$SIM_DBG/timing"
gpio set 4=1
sim_wait lowpwr
t0=$(date +%s%N)
gpio set 4=0
sim_wait ready 10
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
if [ "$ms" -ge 440 ]; then ok "realistic PwrUp took $ms ms"; else not_ok "realistic PwrUp took only $ms ms"; fi
# a sleep lasts at least what it asked for: the emulated bus is never
# faster than its wire
echo 0 > "$D/bus_ns"; echo 0 > "$D/bus_wait_ns"
rd 0 >/dev/null
wire=$(cat "$D/bus_ns") slept=$(cat "$D/bus_wait_ns")
check "realistic timing: slept at least the wire time ($slept ns for $wire ns)" \
	test "$wire" -gt 0 -a "$slept" -ge "$wire"
echo instant > "$SIM_DBG/timing"

# Data paths (CMIS 5.2 6.3.3), driven like a host ------------------------------
# The module is ready after a SoftwareReset: its controls are the defaults.
check_eq "default: App 1 on every lane, DataPathID 0" 64 \
	"$(grep -c 'app 1 dpid 0 ' "$D/lanes")"
page 5 0x10
check_eq "default: staged DPConfig App 1" 0x10 "$(rd 152)"
page 5 0x11
check_eq "default: active DPConfig App 1" 0x10 "$(rd 213)"
check "DataPathDeinit clear by default: data paths come up with the module" \
	dp_wait 0 63 activated
page 0 0x11
check_eq "11h:128-131 DPActivated" "0x44 0x44 0x44 0x44" "$(rdn 128 4)"
check "DataPathDeinit on every lane: all down" dp_quiet

# debugfs lanes says what the memory map says
lanes_from_i2c() {
	local b l dp cfg st
	for b in $(seq 0 $(($(sim_info 0 banks) - 1))); do
		page "$b" 0x10
		local deinit=$(($(rd 128))) txdis=$(($(rd 130)))
		page "$b" 0x11
		read -r -a dp <<< "$(rdn 128 4)"
		read -r -a st <<< "$(rdn 202 4)"
		read -r -a cfg <<< "$(rdn 206 8)"
		local pend=$(($(rd 235)))
		for l in $(seq 0 7); do
			printf 'lane %d bank %d dp %d app %d dpid %d tx_disable %d deinit %d config %d pending %d\n' \
				$((b * 8 + l)) "$b" \
				$(( (${dp[l / 2]} >> (l % 2 * 4)) & 15 )) \
				$(( ${cfg[l]} >> 4 )) $(( (${cfg[l]} >> 1) & 7 )) \
				$(( (txdis >> l) & 1 )) $(( (deinit >> l) & 1 )) \
				$(( (${st[l / 2]} >> (l % 2 * 4)) & 15 )) \
				$(( (pend >> l) & 1 ))
		done
	done
	page 0 0
}
lanes_numeric() {
	sed 's/ dp deactivated / dp 1 /; s/ dp init / dp 2 /; s/ dp deinit / dp 3 /
	     s/ dp activated / dp 4 /; s/ dp txturnon / dp 5 /; s/ dp txturnoff / dp 6 /
	     s/ dp initialized / dp 7 /; s/ config undefined / config 0 /
	     s/ config success / config 1 /; s/ config invalid-appsel / config 3 /
	     s/ config invalid-dp / config 4 /; s/ config lanes-in-use / config 6 /
	     s/ config partial-dp / config 7 /' "$D/lanes"
}
check_eq "debugfs lanes equals 10h/11h of every bank" "$(lanes_numeric)" \
	"$(lanes_from_i2c)"

# Monitors read 0 while the lanes are down
page 2 0x11
check_eq "bank 2 down: Tx/Rx output status 0" "0x00 0x00" "$(rdn 132 2)"
check_eq "bank 2 down: monitors 0" "" \
	"$(rdn 154 48 | tr ' ' '\n' | grep -v 0x00)"
rd 8 >/dev/null
check_eq "quiet: IntL high" 1 "$(gpio get 1)"

# DataPathDeinit cleared with Tx disabled: DPInit -> DPInitialized
page 2 0x10
wr 130 0xff
wr 128 0x00
check "deinit cleared, Tx disabled: bank 2 DPInitialized" \
	dp_wait 16 23 initialized
check_eq "other banks untouched" "deactivated" \
	"$(dp_states 0 63 | tr ' ' '\n' | grep -v initialized | sort -u)"
check_eq "lane flag asserts IntL (line and 00h:3 b0)" "0 0" \
	"$(gpio get 1) $(( $(rd 3) & 1 ))"
check_eq "00h:6 summarises bank 2's flags" 0x01 "$(rd 6)"
page 2 0x11
check_eq "11h:128-131 DPInitialized" "0x77 0x77 0x77 0x77" "$(rdn 128 4)"
check_eq "11h:134 DPStateChanged latched" 0xff "$(rd 134)"
check_eq "11h:134 cleared by the read" 0x00 "$(rd 134)"
check_eq "IntL released" "1 0x00" "$(gpio get 1) $(rd 6)"
check_eq "DPInitialized: monitors still 0" "" \
	"$(rdn 154 48 | tr ' ' '\n' | grep -v 0x00)"

# Tx enabled: DPTxTurnOn -> DPActivated, live monitors
page 2 0x10
wr 130 0x00
check "Tx enabled: bank 2 DPActivated" dp_wait 16 23 activated
page 2 0x11
check_eq "11h:128-131 DPActivated" "0x44 0x44 0x44 0x44" "$(rdn 128 4)"
check_eq "DPStateChanged latched again" 0xff "$(rd 134)"
check_eq "Tx/Rx output status" "0xff 0xff" "$(rdn 132 2)"
sleep 0.5	# the module's temperature follows its new load
mon=$(rdn 154 48)
check_eq "monitors as the emulator stores them" \
	"$(sim_mem 0 'page 11h bank 2' | cut -d' ' -f27-74)" \
	"$(echo "$mon" | sed 's/0x//g')"
# u16s BYTE...: big-endian u16 values of "0xHH 0xLL ..." byte lists
u16s() {
	local out=""
	while [ $# -ge 2 ]; do out="$out$(($1 * 256 + $2)) "; shift 2; done
	echo "${out% }"
}
# mon_vals FIRST: the 8 u16 monitors from index FIRST (0 Tx power, 8 bias,
# 16 Rx power) of $mon
# shellcheck disable=SC2046
mon_vals() { u16s $(echo "$mon" | cut -d' ' -f$((2 * $1 + 1))-$((2 * $1 + 16))); }
# thr OFFSET: page 02h thresholds at OFFSET: "halarm lalarm hwarn lwarn"
# shellcheck disable=SC2046
thr() { page 0 2 && u16s $(rdn "$1" 8); }
for m in "0 176 Tx power" "8 184 Tx bias" "16 192 Rx power"; do
	set -- $m
	vals=$(mon_vals "$1")
	read -r ha la hw lw <<< "$(thr "$2")"
	bad=$(for v in $vals; do [ "$v" -gt "$lw" ] && [ "$v" -lt "$hw" ] || echo "$v"; done)
	check_eq "${*:3}: 8 distinct values within the warning thresholds ($vals)" \
		"8 " "$(echo $vals | tr ' ' '\n' | sort -u | wc -l) $bad"
done
page 2 0x11
check_eq "no Tx power/bias/Rx power flag" "" \
	"$(rdn 139 14 | tr ' ' '\n' | grep -v 0x00)"

# One lane's Tx disabled: its laser goes off, the data path stays up
page 2 0x10
wr 130 0x01
sleep 0.2
check_eq "lane 16 Tx disabled: data path still activated" activated \
	"$(dp_states 16 16)"
page 2 0x11
check_eq "lane 16: Tx power and bias 0, Tx output off" "0x00 0x00 0x00 0x00 0xfe" \
	"$(rdn 154 2) $(rdn 170 2) $(rd 133)"
check "lane 16: still receives" test "$(rdn 186 2)" != "0x00 0x00"

# hold_dp stops the data paths in an intermediate state
echo txturnoff > "$D/hold_dp"
check_eq "hold_dp reads back" txturnoff "$(cat "$D/hold_dp")"
page 2 0x10
wr 130 0xff
check "all Tx disabled: held in DPTxTurnOff" dp_wait 16 23 txturnoff
page 2 0x11
check_eq "11h:128-131 DPTxTurnOff" "0x66 0x66 0x66 0x66" "$(rdn 128 4)"
echo none > "$D/hold_dp"
check "released: DPInitialized" dp_wait 16 23 initialized
page 2 0x11
check_eq "DPInitialized: monitors 0" "" \
	"$(rdn 154 48 | tr ' ' '\n' | grep -v 0x00)"
page 2 0x10
wr 130 0x00
dp_wait 16 23 activated
echo deinit > "$D/hold_dp"
wr 128 0xff
check "DataPathDeinit set: held in DPDeinit" dp_wait 16 23 deinit
page 2 0x11
check_eq "11h:128-131 DPDeinit" "0x33 0x33 0x33 0x33" "$(rdn 128 4)"
echo none > "$D/hold_dp"
check "released: DPDeactivated" dp_wait 16 23 deactivated
if echo bogus > "$D/hold_dp" 2>/dev/null; then not_ok "hold_dp=bogus accepted"; else ok "hold_dp=bogus refused"; fi

# The data paths need ModuleReady
page 2 0x10
wr 128 0x00
dp_wait 16 23 activated
wr 26 0x10
check "low power requested: module lowpwr" sim_wait lowpwr
check_eq "... and its lanes DPDeactivated" deactivated "$(dp_states 16 23 | tr ' ' '\n' | sort -u)"
page 2 0x11
check_eq "... monitors 0" "" "$(rdn 154 48 | tr ' ' '\n' | grep -v 0x00)"
sleep 0.3
check_eq "no data path starts in lowpwr" deactivated "$(dp_states 16 23 | tr ' ' '\n' | sort -u)"
wr 26 0x00
check "ModuleReady again: bank 2 DPActivated" dp_wait 16 23 activated
echo fault > "$D/hold_state"
sim_wait fault
check_eq "ModuleFault takes the lanes down" deactivated "$(dp_states 16 23 | tr ' ' '\n' | sort -u)"
echo none > "$D/hold_state"
wr 26 0x08
check "SoftwareReset: every lane back up with the defaults" dp_wait 0 63 activated

# Realistic timing: DPInit < 1 s and TxTurnOn < 100 ms take 90% of that.
# Only lower bounds are checked: a starved guest may see none of the
# transient states, only that the transition took long enough.
dp_quiet
echo realistic > "$SIM_DBG/timing"
page 2 0x10
t0=$(date +%s%N)
wr 128 0x00
dp_wait 16 23 activated 10
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
if [ "$ms" -ge 950 ]; then ok "realistic DPInit + TxTurnOn took $ms ms"; else not_ok "realistic DPInit + TxTurnOn took only $ms ms"; fi
t0=$(date +%s%N)
wr 128 0xff
dp_wait 16 23 deactivated 10
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
if [ "$ms" -ge 90 ]; then ok "realistic TxTurnOff + DPDeinit took $ms ms"; else not_ok "realistic TxTurnOff + DPDeinit took only $ms ms"; fi
echo instant > "$SIM_DBG/timing"

# Staged configuration: ApplyDPInit (bank 2 is deactivated, deinit set)
stage() { page 2 0x10 && i2ctransfer -y "$BUS" w9@0x50 145 "$@"; }
apply() { page 2 0x10 && wr "${2:-143}" "$1"; }
cfg_status() { page 2 0x11 && rdn 202 4; }
active_cfg() { page 2 0x11 && rdn 206 8; }
stage 0x20 0x20 0x20 0x20 0x28 0x28 0x28 0x28	# 2x 800G DR4 (App 2)
apply 0xff
check_eq "ApplyDPInit App 2: ConfigStatus Success" "0x11 0x11 0x11 0x11" "$(cfg_status)"
check_eq "... active DPConfig" "0x20 0x20 0x20 0x20 0x28 0x28 0x28 0x28" "$(active_cfg)"
check_eq "... DPInitPending" 0xff "$(rd 235)"
page 2 0x10
check_eq "ApplyDPInit reads 0" 0x00 "$(rd 143)"
wr 128 0xf0
check "first data path up, on its own" dp_wait 16 19 activated
sleep 0.2
check_eq "... the second one stays down" deactivated "$(dp_states 20 23 | tr ' ' '\n' | sort -u)"
page 2 0x11
check_eq "DPInitPending cleared by DPInit" 0xf0 "$(rd 235)"
apply 0x0f
check_eq "ApplyDPInit on active lanes: LanesInUse" "0x66 0x66 0x11 0x11" "$(cfg_status)"
stage 0x20 0x20 0x20 0x20 0x98 0x98 0x98 0x98	# AppSel 9: not advertised
apply 0xf0
check_eq "AppSel 9: InvalidAppSel" "0x66 0x66 0x33 0x33" "$(cfg_status)"
check_eq "... active DPConfig unchanged" "0x28 0x28 0x28 0x28" "$(active_cfg | cut -d' ' -f5-)"
stage 0x20 0x20 0x20 0x20 0x18 0x18 0x18 0x18	# App 1 (8 lanes) from lane 4
apply 0xf0
check_eq "8-lane App 1 at DataPathID 4: InvalidAppSel" "0x66 0x66 0x33 0x33" "$(cfg_status)"
stage 0x20 0x20 0x20 0x20 0x38 0x38 0x38 0x38	# App 3 (2 lanes) on 4 lanes
apply 0xf0
check_eq "lanes outside a 2-lane data path: InvalidDataPath, the rest PartialDataPath" \
	"0x66 0x66 0x77 0x44" "$(cfg_status)"
stage 0x20 0x20 0x20 0x20 0x38 0x38 0x3c 0x3c	# 2x 400G DR2 (App 3)
apply 0x10
check_eq "half a data path applied: PartialDataPath" "0x66 0x66 0x77 0x44" "$(cfg_status)"
apply 0xf0
check_eq "2x App 3: Success" "0x66 0x66 0x11 0x11" "$(cfg_status)"
check_eq "... active DPConfig" "0x38 0x38 0x3c 0x3c" "$(active_cfg | cut -d' ' -f5-)"
# config_fault: a module that refuses any configuration (a rejected one)
check_eq "config_fault: none by default" none "$(cat "$D/config_fault")"
if echo accepted > "$D/config_fault" 2>/dev/null; then
	not_ok "config_fault accepted a name that is no failure"
else
	ok "config_fault refuses a name that is no failure"
fi
echo rejected > "$D/config_fault"
check_eq "config_fault reads back" rejected "$(cat "$D/config_fault")"
stage 0x20 0x20 0x20 0x20 0x28 0x28 0x28 0x28	# a valid App 2 on lanes 4-7
apply 0xf0
check_eq "config_fault rejected: a valid config Rejected" "0x66 0x66 0x22 0x22" "$(cfg_status)"
check_eq "... active DPConfig unchanged" "0x38 0x38 0x3c 0x3c" "$(active_cfg | cut -d' ' -f5-)"
echo invalid-si > "$D/config_fault"
apply 0xf0
check_eq "config_fault invalid-si: InvalidSI" "0x66 0x66 0x55 0x55" "$(cfg_status)"
echo none > "$D/config_fault"
stage 0x20 0x20 0x20 0x20 0x38 0x38 0x3c 0x3c
apply 0xf0
check_eq "config_fault none: Success again" "0x66 0x66 0x11 0x11" "$(cfg_status)"
stage 0x20 0x20 0x20 0x20 0x00 0x00 0x00 0x00	# decommission lanes 4-7
apply 0xf0
check_eq "AppSel 0: Success" "0x66 0x66 0x11 0x11" "$(cfg_status)"
page 2 0x10
wr 128 0x00
sleep 0.3
check_eq "lanes in no data path stay down" \
	"activated activated activated activated deactivated deactivated deactivated deactivated" \
	"$(dp_states 16 23)"
check_eq "debugfs lanes: app 0, config success" 4 \
	"$(grep -c 'app 0 dpid 0 .* config success pending 0' "$D/lanes")"
stage 0x20 0x20 0x20 0x20 0x00 0x00 0x00 0x00
apply 0x0f 144
check_eq "ApplyImmediate, data path unchanged: Success while active" \
	"0x11 0x11 0x11 0x11" "$(cfg_status)"
stage 0x10 0x10 0x10 0x10 0x10 0x10 0x10 0x10
apply 0x0f 144
check_eq "ApplyImmediate of another AppSel while active: LanesInUse" \
	"0x66 0x66 0x11 0x11" "$(cfg_status)"
page 2 0x10
wr 128 0xff
dp_wait 16 23 deactivated
apply 0xff
check_eq "back to App 1 on 8 lanes" "0x11 0x11 0x11 0x11 0x10 0x10 0x10 0x10 0x10 0x10 0x10 0x10" \
	"$(cfg_status) $(active_cfg)"
stage 0x20 0x20 0x20 0x20 0x10 0x10 0x10 0x10
apply 0x0f
check_eq "splitting an 8-lane data path: PartialDataPath" "0x77 0x77 0x11 0x11" "$(cfg_status)"
check_eq "debugfs lanes equals 10h/11h after configuration" "$(lanes_numeric)" \
	"$(lanes_from_i2c)"

# Lane flag masks (10h:213) keep IntL released; the flag still latches
dp_quiet
rd 8 >/dev/null
page 2 0x10
wr 213 0x0f
wr 128 0x00
dp_wait 16 23 activated
check_eq "masked lanes 0-3, unmasked 4-7: IntL asserted" 0 "$(gpio get 1)"
page 2 0x11
rd 134 >/dev/null
page 2 0x10
wr 213 0xff
wr 128 0xff
dp_wait 16 23 deactivated
check_eq "all DPStateChanged masked: IntL high" 1 "$(gpio get 1)"
check_eq "... the summary still shows the flags" 0x01 "$(rd 6)"
wr 213 0x00
check_eq "unmasked: IntL asserted" 0 "$(gpio get 1)"
page 2 0x11
check_eq "the flags were latched" 0xff "$(rd 134)"
check_eq "cleared: IntL high" 1 "$(gpio get 1)"
page 0 0

# Coherent tuning (C-CMIS on CMIS 5.2 pages 04h/12h) and host SI controls
# (01h:153-162, 10h:153-173, 11h:214-234); Documentation/xpo_sim.rst
# wrn OFFSET BYTES...: one write message from OFFSET (a multi-byte field
# written at once, as a host writes an s16)
wrn() {
	local off=$1
	shift
	i2ctransfer -y "$BUS" "w$(($# + 1))@0x50" "$off" "$@" 2>/dev/null
}
# swap_personality NAME: cage 0 reseated with another module, ready
swap_personality() {
	echo 0 > "$D/present"
	echo "$1" > "$D/personality"
	echo 1 > "$D/present"
	sim_wait ready
}
# tune_wait: until lane 1 of the selected bank's 12h:222 reads 0
tune_wait() {
	local deadline=$((EPOCHSECONDS + ${1:-10}))
	while [ "$(rd 222)" != 0x00 ]; do
		[ "$EPOCHSECONDS" -lt "$deadline" ] || return 1
		sleep 0.05
	done
}
page 0 1
check_eq "xpo-dr8: 01h:153-155, 161-162 (no SI controls, not tunable)" \
	"0x00 0x00 0x00 0x00 0x00" "$(rdn 153 3) $(rdn 161 2)"
page 0 0
check "xpo-zr seated" swap_personality xpo-zr
check "xpo-zr: data paths come up with the module" dp_wait 0 63 activated
page 0 1
check_eq "xpo-zr: 01h:155 TransmitterIsTunable, WavelengthIsControllable" \
	0xc0 "$(rd 155)"
check_eq "xpo-zr: 01h:161-162 unchanged (no SI controls)" "0x00 0x00" \
	"$(rdn 161 2)"
page 0 4
check_eq "04h:128 grids 75 and 100 GHz" 0xa0 "$(rd 128)"
check_eq "04h:150-153 100 GHz channels -18..30" "0xff 0xee 0x00 0x1e" \
	"$(rdn 150 4)"
check_eq "04h:158-161 75 GHz channels -72..120 (191.3-196.1 THz)" \
	"0xff 0xb8 0x00 0x78" "$(rdn 158 4)"
check_eq "04h:198-201 output power -15.00..+1.00 dBm" \
	"0xfa 0x24 0x00 0x64" "$(rdn 198 4)"
check_eq "04h:255 page checksum" \
	"$(printf '0x%02x' $(( $(rdn 128 127 | sed 's/ / + /g') & 255 )))" \
	"$(rd 255)"
page 7 0x12
check_eq "12h bank 7, lane 1: 75 GHz, channel 0" "0x70 0x00 0x00" \
	"$(rd 128) $(rdn 136 2)"
check_eq "12h:168 current frequency 193.1 THz (MHz)" "0x0b 0x82 0x78 0xe0" \
	"$(rdn 168 4)"
check_eq "12h:200 target power -3.00 dBm" "0xfe 0xd4" "$(rdn 200 2)"
check_eq "12h:222 status and 12h:239 masks (all masked)" "0x00 0x3f" \
	"$(rd 222) $(rd 239)"
check_eq "12h: lanes 5-8 have no laser" "0x00 0x00" "$(rd 132) $(rd 243)"
page 0 0x12
wrn 136 0x00 0x03
check_eq "channel write while activated: not taken" "0x00 0x00" "$(rdn 136 2)"
check_eq "... summary bit, TuningNotAccepted latched" "0x01 0x08" \
	"$(rd 230) $(rd 231)"
check_eq "... cleared on read" "0x00 0x00" "$(rd 231) $(rd 230)"
check_eq "... the laser stays at 193.1 THz" "0x0b 0x82 0x78 0xe0" "$(rdn 168 4)"
check "DataPathDeinit bank 0: deactivated" dp_quiet
echo realistic > "$SIM_DBG/timing"
page 0 0x12
wr 128 0x50
wrn 136 0x00 0x1e		# 100 GHz channel 30: 196.1 THz
check_eq "tuning while deactivated: TuningInProgress, WavelengthUnlocked" \
	0x03 "$(rd 222)"
check_eq "... still at 193.1 THz while tuning" "0x0b 0x82 0x78 0xe0" \
	"$(rdn 168 4)"
check "... TuningInProgress clears" tune_wait
echo instant > "$SIM_DBG/timing"
check_eq "... current frequency 196.1 THz" "0x0b 0xb0 0x3f 0xa0" "$(rdn 168 4)"
check_eq "... grid and channel read back, TuningComplete latched" \
	"0x50 0x00 0x1e 0x01" "$(rd 128) $(rdn 136 2) $(rd 231)"
wrn 136 0x00 0x1f		# 100 GHz channel 31: beyond 196.1 THz
check_eq "out-of-range channel: InvalidChannelNumber" 0x04 "$(rd 231)"
check_eq "... laser, grid and channel where they were" \
	"0x0b 0xb0 0x3f 0xa0 0x50 0x00 0x1e 0x00" \
	"$(rdn 168 4) $(rd 128) $(rdn 136 2) $(rd 222)"
wr 128 0x70
wrn 136 0x00 0x04		# 75 GHz: 25 GHz steps, multiples of 3 only
check_eq "off-grid 75 GHz channel: InvalidChannelNumber, grid restored" \
	"0x04 0x50" "$(rd 231) $(rd 128)"
wr 128 0x70
wrn 136 0x00 0x03
check "75 GHz channel 3: tuned" tune_wait
check_eq "... 193.175 THz" "0x0b 0x83 0x9d 0xd8" "$(rdn 168 4)"
rd 231 >/dev/null
wrn 200 0xfa 0x23		# -15.01 dBm
check_eq "target power below range: TargetOutputPowerOutOfRange, kept" \
	"0x20 0xfe 0xd4" "$(rd 231) $(rdn 200 2)"
wrn 200 0xfc 0x18		# -10.00 dBm
check_eq "target power in range: taken, no flag" "0x00 0xfc 0x18" \
	"$(rd 231) $(rdn 200 2)"
page 1 0x10
wr 128 0x00
check "bank 1 up again" dp_wait 8 15 activated
page 1 0x12
wrn 136 0x00 0x06
check_eq "bank 1 activated: refused there, bank 0 unaffected" "0x08 0x00 0x00" \
	"$(rd 231) $(rdn 136 2)"
check "bank 1 down" dp_quiet
rd 8 >/dev/null
check_eq "tuning flags masked: IntL high" 1 "$(gpio get 1)"
page 0 0x12
wr 239 0x00
wrn 136 0x00 0x05
check_eq "unmasked InvalidChannelNumber asserts IntL" 0 "$(gpio get 1)"
rd 231 >/dev/null
check_eq "... released once read" 1 "$(gpio get 1)"
# the second 800ZR data path (host lanes 5-8) is on media lane 3
page 0 0x10
wr 128 0xf0
check "bank 0 lanes 1-4 up, 5-8 down" dp_wait 0 3 activated
page 0 0x12
wrn 140 0x00 0x09
check_eq "media lane 3 (lanes 5-8 down): tuned" "0x00 0x01" "$(rd 224) $(rd 233)"
wrn 136 0x00 0x09
check_eq "media lane 1 (lanes 1-4 up): refused" 0x08 "$(rd 231)"
check "all down" dp_quiet
page 0 0

# Host SI: the linear module (xpo-lpo)
check "xpo-lpo seated" swap_personality xpo-lpo
page 0 1
check_eq "xpo-lpo: 01h:153-154 Tx EQ 0-10, Rx amp 0-2, pre/post 0-7" \
	"0x7a 0x77" "$(rdn 153 2)"
check_eq "xpo-lpo: 01h:161-162 fixed Tx EQ; Rx amplitude, pre, post" \
	"0x04 0x1c" "$(rdn 161 2)"
check_eq "xpo-lpo: not tunable, no page 04h" "0x00 0x00" \
	"$(rd 155) $(page 0 4 && rd 128)"
si_defaults="0x00 0x00 0x00 0x44 0x44 0x44 0x44 0x00 0x00 0x22 0x22 0x22 0x22 0x33 0x33 0x33 0x33 0x11 0x11 0x11 0x11"
page 0 0x11
check_eq "11h:214-234 active SI: the module's defaults" "$si_defaults" \
	"$(rdn 214 21)"
page 0 0x10
check_eq "10h:153-173 staged SI: the same" "$si_defaults" "$(rdn 153 21)"
check "xpo-lpo down" dp_quiet
si_staged="0x00 0x00 0x00 0x77 0x77 0x77 0x77 0x00 0x00 0x55 0x55 0x55 0x55 0x77 0x77 0x77 0x77 0x22 0x22 0x22 0x22"
page 0 0x10
# shellcheck disable=SC2086 # the bytes are words
wrn 153 $si_staged
wrn 145 0x11 0x11 0x11 0x11 0x11 0x11 0x11 0x11	# App 1, ExplicitControl
wr 143 0xff
page 0 0x11
check_eq "ApplyDPInit with ExplicitControl: Success" "0x11 0x11 0x11 0x11" \
	"$(rdn 202 4)"
check_eq "... staged SI is the active SI" "$si_staged" "$(rdn 214 21)"
page 0 0x10
wr 166 0x79			# lane 1 post-cursor 9: beyond 0-7
wr 143 0xff
page 0 0x11
check_eq "post-cursor 9: InvalidSI, its data path PartialDataPath" \
	"0x75 0x77 0x77 0x77" "$(rdn 202 4)"
check_eq "... active SI unchanged" "$si_staged" "$(rdn 214 21)"
page 0 0x10
wrn 145 0x10 0x10 0x10 0x10 0x10 0x10 0x10 0x10	# no ExplicitControl
wr 143 0xff
page 0 0x11
check_eq "ApplyDPInit without ExplicitControl: the defaults again" \
	"0x11 0x11 0x11 0x11 $si_defaults" "$(rdn 202 4) $(rdn 214 21)"
page 0 0x10
wr 128 0x00
check "xpo-lpo bank 0 up" dp_wait 0 7 activated
page 0 0x10
wr 166 0x77
wrn 145 0x11 0x11 0x11 0x11 0x11 0x11 0x11 0x11
wr 144 0xff
page 0 0x11
check_eq "ApplyImmediate while activated (same data path): staged SI active" \
	"0x11 0x11 0x11 0x11 $si_staged" "$(rdn 202 4) $(rdn 214 21)"
check_eq "... the data path stays up" activated \
	"$(dp_states 0 7 | tr ' ' '\n' | sort -u)"
check "xpo-lpo down" dp_quiet
page 0 0
check "xpo-dr8 back" swap_personality xpo-dr8

# Unload while user space holds interrupt lines.  Removing the chip under
# them leaks in gpiolib (6.1: the interrupts, with a WARNING; 6.12: the
# lines' labels, which kmemleak reports on the debug kernel), so rmmod waits
# until they are released, as it waits for open i2c-dev files.
"$GPIO_TOOL" "$CHIP" watch 5000 8 9 > "$ev" &
watcher=$!
while ! grep -q ready "$ev"; do sleep 0.05; done
rmmod xpo_sim &
remover=$!
sleep 1
waited=0
if kill -0 "$remover" 2>/dev/null; then
	waited=1
	kill "$watcher"
fi
check "rmmod with interrupt lines requested" wait "$remover"
wait "$watcher" 2>/dev/null
check_eq "rmmod waited for the lines to be released" 1 "$waited"
check "no adapters left" \
	test -z "$(grep -l '^xpo_sim' /sys/bus/i2c/devices/i2c-*/name 2>/dev/null)"
check "software nodes gone" test ! -e /sys/kernel/software_nodes/xpo_sim
check "debugfs gone" test ! -e "$SIM_DBG"

# End to end with the cage core: a port set up brings its bank's data path
# up and gets carrier; stock ethtool decodes every lane monitor of an osfp
# module as the emulator stores it.
# lanes_of CAGE FIRST LAST: the distinct data path states of those lanes
lanes_of() {
	awk -v a="$2" -v z="$3" '$2 >= a && $2 <= z { print $6 }' \
		"$SIM_DBG/cage$1/lanes" | sort -u | paste -sd' '
}
# wait_carrier DEV: until DEV has carrier (10 s at most)
wait_carrier() {
	local i
	for i in $(seq 200); do
		[ "$(cat "/sys/class/net/$1/carrier" 2>/dev/null)" = 1 ] && return 0
		sleep 0.05
	done
	return 1
}
# monitors_of CAGE BANKS: "channel bias Tx-power Rx-power" lines as ethtool
# prints them, computed from the emulator's storage
monitors_of() {
	local b
	for b in $(seq 0 $(($2 - 1))); do
		sim_mem "$1" "page 11h bank $b" | awk -v b="$b" '{
			for (l = 0; l < 8; l++) {
				printf "%d", b * 8 + l + 1
				printf " %.3f %.4f %.4f\n",
					hex($(43 + 2 * l), $(44 + 2 * l)) / 500,
					hex($(27 + 2 * l), $(28 + 2 * l)) / 10000,
					hex($(59 + 2 * l), $(60 + 2 * l)) / 10000
			}
		}
		function hex(h, l) { return h2d(h) * 256 + h2d(l) }
		function h2d(x,   i, v) {
			v = 0
			for (i = 1; i <= length(x); i++)
				v = v * 16 + index("0123456789abcdef", substr(x, i, 1)) - 1
			return v
		}'
	done
}
if [ -f "$XPO_KO" ]; then
	xpo_load
	# the thermal model settles in one step: monitors hold still
	echo 100 > "$SIM_DBG/thermal_tau_ms"
	wait_state 3 ready 30 || not_ok "cage 3 not ready with the core: $(cage_state 3)"
	set_personality 3 osfp
	wait_state 3 ready 30 || not_ok "osfp in cage 3 not ready: $(cage_state 3)"
	check_eq "core, ports down: every lane of cage 3 down" deactivated \
		"$(lanes_of 3 0 31)"
	ip link set xpo3p0 up
	check "xpo3p0 up: carrier" wait_carrier xpo3p0
	check_eq "xpo3p0 up: lanes 0-7 DPActivated" activated "$(lanes_of 3 0 7)"
	check_eq "xpo3p0 up: the other ports' lanes stay down" deactivated \
		"$(lanes_of 3 8 31)"
	sleep 0.5	# the module's temperature follows its new load
	out=$(ethtool -m xpo3p0)
	got=$(echo "$out" | awk '
		/Laser tx bias current \(Channel/ { c = $6; sub(/\).*/, "", c); bias[c] = $(NF - 1) }
		/Transmit avg optical power \(Channel/ { c = $6; sub(/\).*/, "", c); tx[c] = $(NF - 4) }
		/Rcvr signal avg optical power \(Channel/ { c = $7; sub(/\).*/, "", c); rx[c] = $(NF - 4) }
		END { for (c = 1; c <= 32; c++) print c, bias[c], tx[c], rx[c] }')
	check_eq "ethtool -m: bias, Tx and Rx power of all 32 lanes equal the emulator's" \
		"$(monitors_of 3 4)" "$got"
	check "ethtool -m: port 0's lanes are lit" \
		test "$(echo "$got" | awk '$1 <= 8 && $2 > 0 && $3 > 0 && $4 > 0' | wc -l)" = 8
	check_eq "ethtool -m: the other lanes are dark" 24 \
		"$(echo "$got" | awk '$1 > 8 && $2 == 0 && $3 == 0 && $4 == 0' | wc -l)"
	ip link set xpo3p0 down
	for i in $(seq 100); do
		[ "$(lanes_of 3 0 7)" = deactivated ] && break
		sleep 0.05
	done
	check_eq "xpo3p0 down: lanes 0-7 DPDeactivated" deactivated "$(lanes_of 3 0 7)"
	# an XPO module's bank 5, beyond what CMIS can advertise
	ip link set xpo0p5 up
	check "xpo0p5 up: carrier" wait_carrier xpo0p5
	check_eq "xpo0p5 up: lanes 40-47 DPActivated, the others down" \
		"deactivated|activated|deactivated" \
		"$(lanes_of 0 0 39)|$(lanes_of 0 40 47)|$(lanes_of 0 48 63)"
	sleep 0.5	# the module's temperature follows its new load
	# the first read takes the lane flags that latched since user space
	# last looked (the broker's shadow keeps what the lanes read)
	ethtool_page xpo0p5 0x11 5 > /dev/null
	check_eq "ethtool raw page 11h bank 5 equals the emulator" \
		"$(sim_mem 0 'page 11h bank 5')" "$(ethtool_page xpo0p5 0x11 5)"
	ip link set xpo0p5 down
	check "unload the core and the board" xpo_unload
fi

# Several boards: boards 1 and 2 created and deleted at run time next to
# board 0 and the cage core (Documentation/xpo_sim.rst, "Several boards").
# The core's view of the new cages is not checked here: it does not key
# cages by board yet.
# bus_write FILE STRING: write STRING to a bus attribute; the status is the
# write's, the error message (strerror) on stdout
bus_write() {
	local err rc
	err=$( { echo "$2" > "$1"; } 2>&1 )
	rc=$?
	[ -z "$err" ] || echo "${err##*: }"
	return $rc
}
# adapters PATTERN: how many I2C adapters have a name matching PATTERN
adapters() {
	cat /sys/bus/i2c/devices/i2c-*/name | grep -cx "$1"
}
# bus_of NAME: the I2C bus number of the adapter named NAME
bus_of() {
	local a
	for a in /sys/bus/i2c/devices/i2c-*; do
		[ "$(cat "$a/name")" = "$1" ] && { echo "${a##*/i2c-}"; return 0; }
	done
	return 1
}
# kmsg_has TEXT: the kernel logged TEXT since the last kmsg_mark
kmsg_mark() { kmsg_lines=$(dmesg | wc -l); }
kmsg_has() { dmesg | tail -n +$((kmsg_lines + 1)) | grep -qF "$1"; }

if [ -f "$XPO_KO" ]; then
	NEW=/sys/bus/xpo_sim/new_device
	DEL=/sys/bus/xpo_sim/del_device
	xpo_load
	check "board 0 is xpo_sim on the xpo_sim bus" \
		test -d /sys/bus/xpo_sim/devices/xpo_sim
	wait_state 0 ready 30 || not_ok "board 0 cage 0 not ready: $(cage_state 0)"
	b0_state=$(cage_state 0)
	check "new_device 1 4" bus_write "$NEW" "1 4"
	check "new_device 2 2 0x1" bus_write "$NEW" "2 2 0x1"
	check "board devices xpo_sim1, xpo_sim2" \
		test -d /sys/bus/xpo_sim/devices/xpo_sim1 -a \
		-d /sys/bus/xpo_sim/devices/xpo_sim2
	check_eq "board 0 keeps its 16 adapters" 16 "$(adapters 'xpo_sim cage [0-9]*')"
	check_eq "board 1: 4 adapters" 4 "$(adapters 'xpo_sim board 1 cage [0-3]')"
	check_eq "board 2: 2 adapters" 2 "$(adapters 'xpo_sim board 2 cage [01]')"
	check "cage devices xpo_cage.16-19 and .32-33" \
		test -e /sys/bus/platform/devices/xpo_cage.16 -a \
		-e /sys/bus/platform/devices/xpo_cage.19 -a \
		! -e /sys/bus/platform/devices/xpo_cage.20 -a \
		-e /sys/bus/platform/devices/xpo_cage.32 -a \
		-e /sys/bus/platform/devices/xpo_cage.33 -a \
		! -e /sys/bus/platform/devices/xpo_cage.34
	check_eq "xpo_cage.17's parent is board 1" xpo_sim1 \
		"$(basename "$(readlink -f /sys/bus/platform/devices/xpo_cage.17/..)")"
	check "GPIO chip xpo_sim1-gpio" grep -q 'xpo_sim1-gpio' /sys/kernel/debug/gpio
	check "GPIO chip xpo_sim2-gpio" grep -q 'xpo_sim2-gpio' /sys/kernel/debug/gpio
	check "board 0's GPIO chip still xpo_sim-gpio" \
		grep -q 'xpo_sim-gpio' /sys/kernel/debug/gpio
	# (debugfs gpio cuts names at 20 characters)
	check "board 1's lines named board1-cage<N>-*" \
		grep -q 'board1-cage3-lpmode' /sys/kernel/debug/gpio
	check "no line name clashes with board 0's" \
		sh -c "! dmesg | grep -q 'name collision'"
	check "board 1's GPIO chip under its device" \
		test -n "$(ls -d /sys/bus/xpo_sim/devices/xpo_sim1/gpiochip* 2>/dev/null)"
	check "board 1's software node xpo_sim1" \
		test -e /sys/kernel/software_nodes/xpo_sim1/cage0-i2c
	check "debugfs board1/cage0-3" \
		test -d "$SIM_DBG/board1/cage0" -a -d "$SIM_DBG/board1/cage3" -a \
		! -d "$SIM_DBG/board1/cage4" -a -f "$SIM_DBG/board1/timing"
	check "board 0's debugfs stays in the root" \
		test -f "$SIM_DBG/timing" -a -d "$SIM_DBG/cage15"
	check_eq "board 2 populated 0x1" "1 0" \
		"$(cat "$SIM_DBG/board2/cage0/present") $(cat "$SIM_DBG/board2/cage1/present")"
	b1c0=$(bus_of "xpo_sim board 1 cage 0") || not_ok "no adapter for board 1 cage 0"
	id=$(sed -n 's/^identifier: *0x//p' "$SIM_DBG/board1/cage0/info")
	check_eq "i2cdump board 1 cage 0: identifier" "$id" \
		"$(i2cdump -y "$b1c0" 0x50 b | awk '$1 == "00:" { print $2 }')"

	# pulling board 1's module leaves board 0 alone
	b0c0=$(cage_bus 0)
	b0_before=$(i2cget -y "$b0c0" 0x50 0 2>/dev/null)
	echo 0 > "$SIM_DBG/board1/cage0/present"
	check_eq "board 1 cage 0 pulled" 0 "$(cat "$SIM_DBG/board1/cage0/present")"
	check "board 1 cage 0 NACKs" \
		sh -c "! i2cget -y $b1c0 0x50 0 >/dev/null 2>&1"
	check_eq "board 0 cage 0 still seated" 1 "$(cat "$SIM_DBG/cage0/present")"
	check_eq "board 0 cage 0 still answers" "$b0_before" \
		"$(i2cget -y "$b0c0" 0x50 0 2>/dev/null)"
	sleep 0.5
	check_eq "board 0 cage 0: the core's state unchanged" "$b0_state" \
		"$(cage_state 0)"
	echo 1 > "$SIM_DBG/board1/cage0/present"

	# refused, with a reason in the kernel log and nothing else
	for bad in "1|File exists|board 1 exists" \
		   "0|File exists|board 0: must be" \
		   "16|Invalid argument|board 16: must be" \
		   "3 0|Invalid argument|0 cages: must be" \
		   "3 17|Invalid argument|17 cages: must be" \
		   "3 4 0x10|Invalid argument|populated 0x10" \
		   "3 4 1 5|Invalid argument|expects" \
		   "x|Invalid argument|expects" \
		   "3 4 0xz|Invalid argument|expects" \
		   "|Invalid argument|expects"; do
		IFS='|' read -r in want why <<<"$bad"
		kmsg_mark
		got=$(bus_write "$NEW" "$in") && not_ok "new_device '$in' accepted"
		check_eq "new_device '$in' refused" "$want" "$got"
		check "new_device '$in': the log says why" kmsg_has "new_device: $why"
	done
	for bad in "3|No such file or directory|no board 3" \
		   "0|Invalid argument|board 0: must be" \
		   "16|Invalid argument|board 16: must be" \
		   "1 2|Invalid argument|expects" \
		   "one|Invalid argument|expects"; do
		IFS='|' read -r in want why <<<"$bad"
		kmsg_mark
		got=$(bus_write "$DEL" "$in") && not_ok "del_device '$in' accepted"
		check_eq "del_device '$in' refused" "$want" "$got"
		check "del_device '$in': the log says why" kmsg_has "del_device: $why"
	done
	check "board 3 not created by the refusals" \
		test ! -e /sys/bus/xpo_sim/devices/xpo_sim3

	check "del_device 1" bus_write "$DEL" 1
	check "del_device 2" bus_write "$DEL" 2
	check_eq "boards 1 and 2: no adapters left" 0 \
		"$(adapters 'xpo_sim board [0-9]* cage [0-9]*')"
	check "boards 1 and 2: no cage devices, board or debugfs left" \
		test ! -e /sys/bus/platform/devices/xpo_cage.16 -a \
		! -e /sys/bus/platform/devices/xpo_cage.32 -a \
		! -e /sys/bus/xpo_sim/devices/xpo_sim1 -a \
		! -e /sys/bus/xpo_sim/devices/xpo_sim2 -a \
		! -e "$SIM_DBG/board1" -a ! -e "$SIM_DBG/board2"
	check "boards 1 and 2: GPIO chips gone" \
		sh -c "! grep -q 'xpo_sim[12]-gpio' /sys/kernel/debug/gpio"
	check_eq "board 0 untouched: 16 adapters" 16 "$(adapters 'xpo_sim cage [0-9]*')"
	check_eq "board 0 cage 0: the core's state unchanged" "$b0_state" \
		"$(cage_state 0)"
	# creations and deletions racing each other: the lock keeps them
	# apart, whichever wins each time
	( for i in $(seq 10); do echo "4 2" > "$NEW"; done 2>/dev/null ) &
	racer=$!
	for i in $(seq 10); do echo 4 > "$DEL"; done 2>/dev/null
	wait "$racer"
	echo 4 > "$DEL" 2>/dev/null
	check "new_device and del_device racing: board 4 gone in the end" \
		test ! -e /sys/bus/xpo_sim/devices/xpo_sim4 -a \
		! -e "$SIM_DBG/board4" -a ! -e /sys/bus/platform/devices/xpo_cage.64
	check "del_device 1 again: no such board" \
		sh -c "! echo 1 > $DEL 2>/dev/null"
	# a board left at unload goes with the module
	check "new_device 1 again (the number is free)" bus_write "$NEW" "1 2"
	check "rmmod xpo_sim with board 1 still there" rmmod xpo_sim
	check "every board gone" \
		test -z "$(ls /sys/bus/platform/devices | grep '^xpo_cage')" -a \
		! -e /sys/bus/xpo_sim -a ! -e "$SIM_DBG"
	check "the core unloads" rmmod xpo
fi

# The board goes away under the cage core: modules powering up (realistic
# timing), I2C traffic, the core holding every adapter, line and interrupt.
# Nothing pins xpo_sim; the core sees its cages disappear and stays loaded.
if [ -f "$XPO_KO" ]; then
	xpo_load timing=realistic
	wait_state 0 ready 30 || not_ok "cage 0 not ready with the core: $(cage_state 0)"
	echo 0 > "$SIM_DBG/cage1/present"
	echo 1 > "$SIM_DBG/cage1/present"	# powering up again
	bus2=$(cage_bus 2)
	( while :; do i2cdump -y "$bus2" 0x50 b >/dev/null 2>&1; done ) &
	busy=$!
	sleep 0.3
	check "rmmod xpo_sim under the cage core" rmmod xpo_sim
	kill "$busy"
	wait "$busy" 2>/dev/null
	check "the core stays loaded" test -d /sys/module/xpo
	check "no cage devices left" \
		test -z "$(ls /sys/bus/platform/devices | grep '^xpo_cage')"
	check "the core unloads" rmmod xpo
fi
finish
