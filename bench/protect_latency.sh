#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Benchmark (runs in a guest, see bench/run): the time from a coolant leak
# to the cage's supply switched off, over 16 cages x ROUNDS events, from the
# emulator's own timestamps (LeakL pulled low -> PowerEn low).  Target:
# under 50 ms.  Figures are printed, not asserted: TCG guests are noisy.
. "$(dirname "$0")/../tests/integration/lib.sh"

ROUNDS=${ROUNDS:-5}
TARGET_US=50000

xpo_load
wait_all ready 60 || die "cages not ready"
stamp() { sed -n "s/^$2: *//p" "$SIM_DBG/cage$1/timestamps"; }

lat=()
for r in $(seq 1 "$ROUNDS"); do
	for c in $(seq 0 $((NCAGES - 1))); do
		sim_set "$c" leak 1
	done
	for c in $(seq 0 $((NCAGES - 1))); do
		wait_state "$c" powered-off 10 || die "cage $c not powered off"
		lat+=($(( ($(stamp "$c" power_off_ns) - $(stamp "$c" leak_asserted_ns)) / 1000 )))
		sim_set "$c" leak 0
	done
	tools/xpoctl/xpoctl cage rearm all >/dev/null || die "cannot re-arm"
	wait_all ready 60 || die "cages not back"
done
xpo_unload

printf '%s\n' "${lat[@]}" | sort -n | awk -v target=$TARGET_US '
	{ v[NR] = $1; sum += $1 }
	END {
		med = v[int((NR + 1) / 2)]; p95 = v[int(NR * 0.95 + 0.5)]
		printf "protect_latency: %d leak events (16 at once, %d rounds)\n", NR, NR / 16
		printf "  leak -> power off: median %d us, p95 %d us, max %d us, mean %d us\n",
			med, p95, v[NR], sum / NR
		printf "  max / 50 ms target = %.3f\n", v[NR] / target
	}'
