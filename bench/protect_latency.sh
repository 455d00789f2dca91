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
#
# Bounded, so that a loaded machine cannot make it hang: the readers stop
# at a stop file or at their own deadline, each reader command runs under
# timeout(1), the loaded phase stops after LOADED_BUDGET seconds (and says
# how many events it measured), every wait is scaled by XPO_TIME_SCALE, and
# an exit trap kills the readers and unloads the modules whatever happens.
# The polling loops fork nothing (the emulator's timestamps are read with
# bash's read, the clock with printf %()T), so a loaded guest still polls.
. "$(dirname "$0")/../tests/integration/lib.sh"

ROUNDS=${ROUNDS:-3}
LOADED_BUDGET=$((${LOADED_BUDGET:-150} * XPO_TIME_SCALE))
X=tools/xpoctl/xpoctl
[ -x "$X" ] || die "$X is not built: make tools"

work=$(mktemp -d /tmp/protect_latency.XXXXXX)
readers=()
stop_readers() {
	local p
	touch "$work/stop"
	for p in "${readers[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${readers[@]}"; do wait "$p" 2>/dev/null; done
	readers=()
}
cleanup() {
	stop_readers
	xpo_unload 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

now() { printf '%(%s)T' -1; }

# stamp CAGE KEY: one of the emulator's timestamps, into $REPLY
stamp() {
	local k v
	REPLY=
	while IFS=': ' read -r k v; do
		if [ "$k" = "$2" ]; then REPLY=$v; return 0; fi
	done < "$SIM_DBG/cage$1/timestamps"
	return 1
}

xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"

# off_after_leak CAGE SECONDS: the supply went off after the last leak;
# the latency (ns) in $LAT
off_after_leak() {
	local deadline=$(($(now) + $2 * XPO_TIME_SCALE)) off leak
	while :; do
		stamp "$1" power_off_ns; off=$REPLY
		stamp "$1" leak_asserted_ns; leak=$REPLY
		if [ "$off" -ge "$leak" ]; then
			LAT=$((off - leak))
			return 0
		fi
		[ "$(now)" -lt "$deadline" ] || return 1
		sleep 0.02
	done
}

# rounds FILE [BUDGET]: ROUNDS x 16 leaks, one latency (us) a line into
# FILE; stops after the round that ends past BUDGET seconds
rounds() {
	local r c end=$(($(now) + ${2:-100000}))
	for r in $(seq 1 "$ROUNDS"); do
		for c in $(seq 0 $((NCAGES - 1))); do
			sim_set "$c" leak 1
		done
		for c in $(seq 0 $((NCAGES - 1))); do
			# the emulator's record: the core's state file waits
			# for the bus like any reader
			off_after_leak "$c" 30 || die "cage $c not powered off"
			echo $((LAT / 1000)) >> "$1"
			sim_set "$c" leak 0
		done
		timeout $((60 * XPO_TIME_SCALE)) "$X" cage rearm all > /dev/null ||
			die "re-arm failed"
		wait_all ready 120 || die "cages not back: $(all_states)"
		if [ "$(now)" -ge "$end" ] && [ "$r" -lt "$ROUNDS" ]; then
			echo "  (budget of $2 s spent after $r of $ROUNDS rounds)"
			break
		fi
	done
}

# report NAME TARGET_US FILE
report() {
	sort -n "$3" | awk -v name="$1" -v target="$2" '
		{ v[NR] = $1; sum += $1 }
		END {
			p = int(NR * 0.99 + 0.5); if (p < 1) p = 1
			med = v[int((NR + 1) / 2)]; p99 = v[p]
			printf "  %s: %d leak events: median %d us, p99 %d us, max %d us, mean %d us\n",
				name, NR, med, p99, v[NR], sum / NR
			printf "  %s: max / %d ms target = %.3f\n", name,
				target / 1000, v[NR] / target
		}'
}

idle=$work/idle
loaded=$work/loaded
: > "$idle"
: > "$loaded"
rounds "$idle"

# reader LIMIT_SECONDS COMMAND...: run COMMAND in a loop until the stop
# file appears or the deadline passes, each run bounded by timeout(1)
reader() {
	local end=$(($(now) + $1))
	shift
	while [ ! -e "$work/stop" ] && [ "$(now)" -lt "$end" ]; do
		timeout 10 "$@" > /dev/null 2>&1
	done
}
rlimit=$((LOADED_BUDGET + 300 * XPO_TIME_SCALE))
for c in $(seq 0 $((NCAGES - 1))); do
	reader "$rlimit" ethtool -m "xpo${c}p0" page 0x11 bank 0 offset 128 length 128 &
	readers+=($!)
done
reader "$rlimit" "$X" -j cage show all &
readers+=($!)
sleep 1
rounds "$loaded" "$LOADED_BUDGET"
stop_readers
xpo_unload || die "unload"

echo "protect_latency: 16 cages at once, up to $ROUNDS rounds each"
report "idle bus" 50000 "$idle"
report "bus saturated by readers" 10000 "$loaded"
imax=$(sort -n "$idle" | tail -n1)
lmax=$(sort -n "$loaded" | tail -n1)
awk -v i="$imax" -v l="$lmax" 'BEGIN {
	printf "  loaded max / idle max = %.2f\n", l / (i > 0 ? i : 1) }'
