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
	"$(ls -d /sys/bus/platform/devices/xpo-cage.* | wc -l)"
check_eq "populated=0x5: cage 1 empty" 0 "$(cat "$SIM_DBG/cage1/present")"
check_eq "populated=0x5: cage 2 seated" 1 "$(cat "$SIM_DBG/cage2/present")"
check_eq "personality=osfp" 0x19 "$(sim_info 0 identifier)"
check_eq "timing=realistic" realistic "$(cat "$SIM_DBG/timing")"
rmmod xpo_sim || die "rmmod xpo_sim"

# The default board -----------------------------------------------------------
sim_load
BUS=$(cage_bus 0) || die "no adapter for cage 0"
BUS3=$(cage_bus 3) || die "no adapter for cage 3"
CHIP=/dev/$(basename /sys/devices/platform/xpo_sim/gpiochip*)
D=$SIM_DBG/cage0

rd() { i2cget -y "$BUS" 0x50 "$1" 2>/dev/null; }
wr() { i2cset -y "$BUS" 0x50 "$1" "$2" 2>/dev/null; }
page() { wr 126 "$1" && wr 127 "$2"; }	# bank, page
gpio() { "$GPIO_TOOL" "$CHIP" "$@"; }
# sim_wait STATE [SECONDS]: until cage 0's module_state is STATE
sim_wait() {
	local deadline=$(($(date +%s) + ${2:-10}))
	while [ "$(cat "$D/module_state")" != "$1" ]; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.02
	done
}

check_eq "16 I2C adapters" 16 \
	"$(grep -l '^xpo_sim cage' /sys/bus/i2c/devices/i2c-*/name | wc -l)"
check "adapter has a software node" \
	test -e "/sys/kernel/software_nodes/xpo_sim/cage0-i2c"
check_eq "cage device parent is the board" xpo_sim \
	"$(basename "$(readlink -f /sys/bus/platform/devices/xpo-cage.0/..)")"
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
check_eq "PageSelect applies it: bank 0" 0x00 "$(rd 145)"
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
check_eq "CMIS 00h:222 checksum" "$(printf '0x%02x' $(( $(for o in $(seq 128 221); do printf '%d+' "$(rd "$o")"; done) 0 & 0xff )))" "$(rd 222)"

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
for f in transfers bytes bus_ns; do echo 0 > "$D/$f"; done
rd 0 >/dev/null
check_eq "accounting of one byte read" "2 2 39000" \
	"$(cat "$D/transfers") $(cat "$D/bytes") $(cat "$D/bus_ns")"
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
	[ "$(grep -c -v ready "$ev")" -ge 4 ] && break
	sleep 0.1
done
sleep 0.2			# nothing more should come
kill "$watcher"
wait "$watcher" 2>/dev/null
# (edges of different lines pending together arrive in line order)
edges() { grep "^$1 " "$ev" | cut -d' ' -f2 | paste -sd' '; }
check_eq "edges: IntL, leak, present" "falling rising|falling|rising" \
	"$(edges 1)|$(edges 2)|$(edges 0)"
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
page 3 0x11
check_eq "osfp: 11h bank 3" 0x11 "$(rd 128)"
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
echo instant > "$SIM_DBG/timing"

# Unload while user space holds interrupt lines.  gpiolib in 6.12 frees them
# with the chip; 6.1's would leak them (WARNING), so there rmmod waits until
# they are released, as it waits for open i2c-dev files.
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
case $(uname -r) in
6.1.*) check_eq "6.1: rmmod waited for the interrupts" 1 "$waited" ;;
esac
check "no adapters left" \
	test -z "$(grep -l '^xpo_sim' /sys/bus/i2c/devices/i2c-*/name 2>/dev/null)"
check "software nodes gone" test ! -e /sys/kernel/software_nodes/xpo_sim
check "debugfs gone" test ! -e "$SIM_DBG"

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
		test -z "$(ls /sys/bus/platform/devices | grep '^xpo-cage')"
	check "the core unloads" rmmod xpo
fi
finish
