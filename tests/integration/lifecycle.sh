#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Driver life cycle: load with every cage empty, insert modules later, unload
# while modules are busy, warm restart (reload without a reset, the safe
# state unload leaves, board protection), and load/unload cycles without
# leaks (20 and the slab on Debian's kernels, 4 and kmemleak on the debug one).
. "$(dirname "$0")/lib.sh"

modprobe i2c-dev || die "modprobe i2c-dev"

slab_kb() { awk '/^SUnreclaim:/ { print $2 }' /proc/meminfo; }

# 1. Empty rack unit, modules inserted afterwards
xpo_load populated=0
if wait_all empty 20; then ok "load with no modules: 16 empty cages"; else not_ok "no-module load: $(all_states)"; fi
for c in 0 7 15; do sim_set "$c" present 1; done
ok_ins=1
for c in 0 7 15; do wait_state "$c" ready 20 || ok_ins=0; done
if [ $ok_ins = 1 ]; then ok "modules inserted later reach ready"; else not_ok "late insertion: $(all_states)"; fi
check_eq "cage 1 still empty" "empty" "$(cage_state 1)"
check "unload" xpo_unload

# 2. Unload while the modules are busy: power-up in realistic timing and
#    i2cdump traffic on the buses.
xpo_load timing=realistic
bus=$(cage_bus 2)
( while :; do i2cdump -y "$bus" 0x50 b >/dev/null 2>&1; done ) &
busy=$!
sleep 0.2
check "unload while modules power up and buses are busy" xpo_unload
kill $busy; wait $busy 2>/dev/null
check "no xpo platform devices left" test -z "$(ls /sys/bus/platform/devices | grep -E '^xpo')"
check "no xpo_sim I2C adapters left" test -z "$(grep -l 'xpo_sim' /sys/bus/i2c/devices/i2c-*/name 2>/dev/null)"
check "debugfs directories removed" test ! -e "$XPO_DBG" -a ! -e "$SIM_DBG"

# 3. Warm restart.  The emulator counts the reset pulses and supply drops
#    each module got since the board came up (info: resets, power_cycles).
counters() {
	local c
	for c in $(seq 0 $((NCAGES - 1))); do
		printf '%s/%s ' "$(sim_info "$c" resets)" "$(sim_info "$c" power_cycles)"
	done
}
# sim_all KEY VALUE [SECONDS]: wait until every cage's emulator info KEY is VALUE
sim_all() {
	local c deadline=$(($(date +%s) + ${3:-10}))
	for c in $(seq 0 $((NCAGES - 1))); do
		until [ "$(sim_info "$c" "$1")" = "$2" ]; do
			[ "$(date +%s)" -lt "$deadline" ] || return 1
			sleep 0.05
		done
	done
}
repeat() { local i; for i in $(seq 1 "$2"); do printf '%s ' "$1"; done; }
# log_since MARK: kernel log lines after the first MARK lines
log_since() { dmesg | tail -n +$(($1 + 1)); }

xpo_load
wait_all ready 60 || not_ok "warm restart: cages not ready: $(all_states)"
cold=$(counters)
check_eq "cold board (outputs never driven): one reset per module at the first probe" \
	"$(repeat 1/0 $NCAGES)" "$cold"
mark=$(dmesg | wc -l)
rmmod xpo || not_ok "rmmod xpo"
check_eq "unload: one line per cage, left in low power without protection" "$NCAGES" \
	"$(log_since "$mark" | grep -c 'cage [0-9]* left ready in low power: no protection without the driver')"
check "unload: every module in ModuleLowPwr (emulator)" sim_all module_state lowpwr
check_eq "unload: LPMode asserted, reset released, supply on (cage 9)" "1 0 1" \
	"$(sim_info 9 lpmode) $(sim_info 9 reset) $(sim_info 9 power)"
t0=$(date +%s%N)
core_load
if wait_all ready 30; then ok "reload: every cage ready again"; else not_ok "reload: $(all_states)"; fi
echo "# reload to 16 ready cages: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
check_eq "reload: no reset and no power cycle (the emulator's counters unchanged)" \
	"$cold" "$(counters)"
check "reload: every module in ModuleReady (emulator)" sim_all module_state ready
check "reload: cage 9's identity read again" grep -q "^0x26 " <<< "$(cage_field 9 identifier)"

rmmod xpo || not_ok "rmmod xpo"
core_load reset_on_probe=1
wait_all ready 30 || not_ok "reset_on_probe=1: $(all_states)"
check_eq "reset_on_probe=1: each module reset once more, none power cycled" \
	"$(repeat 2/0 $NCAGES)" "$(counters)"
xpo_unload

# A board that keeps the protection itself: unload leaves the modules
# running, and they stay in ModuleReady across the reload.  Realistic
# timing, so that a reset (and the power-up after it) would last long
# enough for the watcher to see it.
xpo_load board_protection=1 timing=realistic
wait_all ready 60 || not_ok "board protection: $(all_states)"
before=$(counters)
( while :; do cat "$SIM_DBG/cage5/module_state"; sleep 0.02; done ) > /tmp/ms5.log 2>&1 &
watch=$!
sleep 0.2
mark=$(dmesg | wc -l)
rmmod xpo || not_ok "rmmod xpo"
check_eq "board protection, unload: one line per cage, left as it is" "$NCAGES" \
	"$(log_since "$mark" | grep -c 'cage [0-9]* left ready: the board keeps the protection')"
sleep 0.3
check_eq "board protection, unload: modules still ready, LPMode released (cage 5)" "ready 0" \
	"$(sim_info 5 module_state) $(sim_info 5 lpmode)"
core_load
if wait_all ready 30; then ok "board protection, reload: every cage ready"; else not_ok "board protection reload: $(all_states)"; fi
sleep 0.2
kill $watch; wait $watch 2>/dev/null
echo "# cage 5's module states during the reload: $(sort /tmp/ms5.log | uniq -c | tr -s ' \n' ' ')"
check "board protection: cage 5's module never left ModuleReady" \
	test -s /tmp/ms5.log -a -z "$(grep -v '^ready$' /tmp/ms5.log)"
check_eq "board protection, reload: no reset, no power cycle" "$before" "$(counters)"
xpo_unload

# 4. Load/unload cycles: nothing may leak.  On a kernel with kmemleak (the
#    debug kernel) kmemleak is the leak check: the harness scans after the
#    test and fails it on any unreferenced object, so a few cycles show a
#    leak of any one of them, and 20 cycles of 16 cages under KASAN and
#    lockdep would cost ~20 minutes for nothing more.  Debian's kernels
#    have no kmemleak: there the kernel's unreclaimable slab must not grow
#    over 20 cycles.  Three warm-up cycles first, so that caches the first
#    loads populate (kernfs, sysfs, module loader) are not counted.
if checked_kernel; then
	cycles=4
	warmup=1
else
	cycles=20
	warmup=3
fi
for i in $(seq 1 $warmup); do
	xpo_load
	wait_all ready 60 || true
	xpo_unload
done
before=$(slab_kb)
fails=0
for i in $(seq 1 $cycles); do
	xpo_load || fails=$((fails + 1))
	if [ $((i % 2)) = 0 ]; then wait_all ready 60 || fails=$((fails + 1)); fi
	xpo_unload || fails=$((fails + 1))
	[ "$i" = $((cycles / 2)) ] && mid=$(slab_kb)
done
after=$(slab_kb)
check_eq "$cycles load/unload cycles" "0" "$fails"
if checked_kernel; then
	echo "# kmemleak is the leak check on this kernel (the harness scans after the test)"
else
	echo "# SUnreclaim before ${before} kB, after 10 cycles ${mid} kB, after 20 ${after} kB"
	# The test's own processes and the RCU-deferred frees of 128 netdevs
	# a cycle move SUnreclaim by up to ~2 MB either way (measured over
	# runs of 10 cycles: +352/-132 kB on 6.1, -728/+328 kB on 6.12).  A
	# leak grows it in both halves; noise does not.
	g1=$((mid - before))
	g2=$((after - mid))
	if [ "$g1" -gt 512 ] && [ "$g2" -gt 512 ]; then
		not_ok "unreclaimable slab grows every cycle: +${g1} kB, then +${g2} kB per 10 cycles"
	else
		ok "no steady slab growth over 20 cycles (${g1} kB, ${g2} kB per 10 cycles)"
	fi
fi
check "no xpo interrupts left" test -z "$(grep -E 'xpo' /proc/interrupts)"
check "no xpo_sim software nodes left" test ! -e /sys/kernel/software_nodes/xpo_sim
check "no xpo_sim GPIO chip left" test -z "$(grep -s xpo_sim /sys/kernel/debug/gpio)"
check "no xpo netdevs left" test -z "$(ls /sys/class/net | grep '^xpo')"
check "modules gone" test ! -d /sys/module/xpo -a ! -d /sys/module/xpo_sim
finish
