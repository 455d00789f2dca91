#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Benchmark (runs in a guest, see bench/run): the time from a coolant leak
# to the cage's supply switched off, over 16 cages x ROUNDS events, from the
# emulator's own timestamps (LeakL pulled low -> PowerEn low), twice: with
# the bus idle, and with every cage's bus saturated by readers (per cage an
# `ethtool -m` loop over a banked page, and netlink dumps of every cage in
# a loop).  Targets: under 50 ms idle; the loaded max under 10 ms (the
# safety path never waits for the bus).  Figures are printed, not asserted:
# TCG guests are noisy.
. "$(dirname "$0")/../tests/integration/lib.sh"

ROUNDS=${ROUNDS:-3}
X=tools/xpoctl/xpoctl
[ -x "$X" ] || die "$X is not built: make tools"

xpo_load
wait_all ready 60 || die "cages not ready"
stamp() { sed -n "s/^$2: *//p" "$SIM_DBG/cage$1/timestamps"; }

# off_after_leak CAGE SECONDS: the supply went off after the last leak
off_after_leak() {
	local deadline=$(($(date +%s) + $2))
	until [ "$(stamp "$1" power_off_ns)" -ge "$(stamp "$1" leak_asserted_ns)" ]; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.02
	done
}

# rounds FILE: ROUNDS x 16 leaks, one latency (us) a line into FILE
rounds() {
	local r c
	for r in $(seq 1 "$ROUNDS"); do
		for c in $(seq 0 $((NCAGES - 1))); do
			sim_set "$c" leak 1
		done
		for c in $(seq 0 $((NCAGES - 1))); do
			# the emulator's record: the core's state file waits
			# for the bus like any reader
			off_after_leak "$c" 30 || die "cage $c not powered off"
			echo $(( ($(stamp "$c" power_off_ns) - $(stamp "$c" leak_asserted_ns)) / 1000 )) >> "$1"
			sim_set "$c" leak 0
		done
		"$X" cage rearm all > /dev/null || die "re-arm failed"
		wait_all ready 60 || die "cages not back"
	done
}

# report NAME TARGET_US FILE
report() {
	sort -n "$3" | awk -v name="$1" -v target="$2" '
		{ v[NR] = $1; sum += $1 }
		END {
			med = v[int((NR + 1) / 2)]; p99 = v[int(NR * 0.99 + 0.5)]
			printf "  %s: %d leak events: median %d us, p99 %d us, max %d us, mean %d us\n",
				name, NR, med, p99, v[NR], sum / NR
			printf "  %s: max / %d ms target = %.3f\n", name,
				target / 1000, v[NR] / target
		}'
}

idle=$(mktemp)
loaded=$(mktemp)
rounds "$idle"

readers=()
for c in $(seq 0 $((NCAGES - 1))); do
	( while :; do
		ethtool -m "xpo${c}p0" page 0x11 bank 0 offset 128 length 128 \
			> /dev/null 2>&1
	  done ) &
	readers+=($!)
done
( while :; do "$X" -j cage show all > /dev/null 2>&1; done ) &
readers+=($!)
sleep 1
rounds "$loaded"
kill "${readers[@]}" 2>/dev/null
wait "${readers[@]}" 2>/dev/null
xpo_unload

echo "protect_latency: 16 cages at once, $ROUNDS rounds each"
report "idle bus" 50000 "$idle"
report "bus saturated by readers" 10000 "$loaded"
imax=$(sort -n "$idle" | tail -n1)
lmax=$(sort -n "$loaded" | tail -n1)
awk -v i="$imax" -v l="$lmax" 'BEGIN {
	printf "  loaded max / idle max = %.2f\n", l / (i > 0 ? i : 1) }'
rm -f "$idle" "$loaded"
