#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Driver life cycle: load with every cage empty, insert modules later, unload
# while modules are busy, and 20 load/unload cycles without leaks.
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

# 3. Load/unload cycles: the kernel's unreclaimable slab must not grow.
#    Three warm-up cycles first, so that caches the first loads populate
#    (kernfs, sysfs, module loader) are not counted.
for i in 1 2 3; do
	xpo_load
	wait_all ready 60 || true
	xpo_unload
done
before=$(slab_kb)
fails=0
for i in $(seq 1 20); do
	xpo_load || fails=$((fails + 1))
	if [ $((i % 2)) = 0 ]; then wait_all ready 60 || fails=$((fails + 1)); fi
	xpo_unload || fails=$((fails + 1))
	[ "$i" = 10 ] && mid=$(slab_kb)
done
after=$(slab_kb)
check_eq "20 load/unload cycles" "0" "$fails"
echo "# SUnreclaim before ${before} kB, after 10 cycles ${mid} kB, after 20 ${after} kB"
# Debian's kernels have no kmemleak.  The test's own processes and the RCU-
# deferred frees of 128 netdevs a cycle move SUnreclaim by up to ~2 MB
# either way (measured over runs of 10 cycles: +352/-132 kB on 6.1,
# -728/+328 kB on 6.12).  A leak grows it in both halves; noise does not.
g1=$((mid - before))
g2=$((after - mid))
if [ "$g1" -gt 512 ] && [ "$g2" -gt 512 ]; then
	not_ok "unreclaimable slab grows every cycle: +${g1} kB, then +${g2} kB per 10 cycles"
else
	ok "no steady slab growth over 20 cycles (${g1} kB, ${g2} kB per 10 cycles)"
fi
check "no xpo interrupts left" test -z "$(grep -E 'xpo' /proc/interrupts)"
check "no xpo_sim software nodes left" test ! -e /sys/kernel/software_nodes/xpo_sim
check "no xpo_sim GPIO chip left" test -z "$(grep -s xpo_sim /sys/kernel/debug/gpio)"
check "no xpo netdevs left" test -z "$(ls /sys/class/net | grep '^xpo')"
check "modules gone" test ! -d /sys/module/xpo -a ! -d /sys/module/xpo_sim
finish
