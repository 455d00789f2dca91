#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Benchmark (runs in a guest, see bench/run): the bus time of one refresh
# of a cage's telemetry snapshot (drivers/xpo/xpo_telemetry.c), through its
# two readers: hwmon (temp1_input) and netlink cage-get (one python
# process, tests/integration/netlink_helper.py batch).  update_interval is
# set to its minimum (100 ms) and every read comes 150 ms after the last,
# so each read refreshes; the refreshes are counted by the core
# (telemetry_refreshes in its debugfs state), the bus time by the emulator
# (bus_ns delta / refreshes).  The first refresh of a module also reads the
# page 02h thresholds: one warm-up read comes first.
#
# Bus minimum for what a refresh reads (Documentation/hwmon.rst, "Cost"),
# in bit times (see bench/lib.inc): 00h:14-17 (4 bytes), B0h:128-138 (11)
# and B0h:141-175 (35; the latched flags 139-140 between are the state
# machine's), three random reads of 30 + 9 x n, plus a BankSelect/
# PageSelect write to B0h and one back to 00h (38 each); then for each of
# the module's B banks with page 11h, one BankSelect/PageSelect write and
# one random read of the lane monitors 11h:154-201 (48 bytes; the latched
# lane flags 134-152 are the lanes' and never read by telemetry):
#
#   min = (30 + 36) + (30 + 99) + (30 + 315) + 2 x 38 + B x (38 + 462)
#       = 616 + 500 B   (B = 8 for xpo-dr8: 4616; 4 for osfp: 2616)
#
# Target: bus time / min <= 1.1.  Figures, not asserts.
. "$(dirname "$0")/../tests/integration/lib.sh"
. "$(dirname "$0")/lib.inc"

CAGE=${CAGE:-5}
N=${N:-20}
PY=/usr/bin/python3
HELPER=tests/integration/netlink_helper.py

trap 'xpo_unload 2>/dev/null' EXIT
xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"
hw=$(echo /sys/bus/platform/devices/xpo_cage.$CAGE/hwmon/hwmon*)
[ -d "$hw" ] || die "no hwmon device for cage $CAGE"
echo 100 > "$hw/update_interval" || die "update_interval"
cat "$hw/temp1_input" > /dev/null || die "temp1_input"
sleep 0.2

bit=$(bit_ns)
banks=$(sim_info "$CAGE" banks)
[ -n "$banks" ] || die "no bank count for cage $CAGE"
min_bits=$(( $(random_read_bits 4) + $(random_read_bits 11) + \
	$(random_read_bits 35) + 2 * $(page_select_bits) + \
	banks * ($(page_select_bits) + $(random_read_bits 48)) ))

refreshes() { cage_field "$CAGE" telemetry_refreshes; }

# measure NAME COMMAND...: COMMAND does the reads
measure() {
	local name=$1 r0 r1 b d x
	shift
	r0=$(refreshes)
	b=$(bus_snap "$CAGE")
	"$@" || die "$name reads failed"
	d=$(bus_delta "$b" "$(bus_snap "$CAGE")")
	r1=$(refreshes)
	read -r -a x <<< "$d"
	awk -v name="$name" -v n=$((r1 - r0)) -v t="${x[0]}" -v by="${x[1]}" \
	    -v ns="${x[2]}" -v min="$min_bits" -v bit="$bit" 'BEGIN {
		if (n < 1) { printf "  %s: no refresh seen\n", name; exit }
		per = ns / n; minns = min * bit
		printf "  %-8s %d refreshes: %.1f messages, %.1f bytes, %.1f us on the bus each; minimum %.1f us; %.3fx (target 1.1x)\n",
			name, n, t / n, by / n, per / 1000, minns / 1000, per / minns
	}'
}

hwmon_reads() {
	local i
	for i in $(seq 1 "$N"); do
		sleep 0.15
		cat "$hw/temp1_input" > /dev/null || return 1
	done
}
nl_reads() {
	local i
	for i in $(seq 1 "$N"); do
		sleep 0.15
		echo "{\"do\": \"cage-get\", \"attrs\": {\"id\": $CAGE}}"
	done | "$PY" "$HELPER" batch > /tmp/telemetry_refresh.nl || return 1
	[ "$(grep -c '"reply"' /tmp/telemetry_refresh.nl)" -eq "$N" ]
}

echo "telemetry_refresh: cage $CAGE ($(sim_info "$CAGE" personality), $banks banks of lane monitors), bus $(cat "$SIM_DBG/bus_khz") kHz, $N forced refreshes a reader"
b=$(bus_snap "$CAGE"); sleep 1; read -r -a x <<< "$(bus_delta "$b" "$(bus_snap "$CAGE")")"
echo "  idle core traffic: ${x[0]} messages, ${x[2]} ns in 1 s"
measure hwmon hwmon_reads
# python's start-up (seconds in TCG) refreshes nothing and costs no bus
measure netlink nl_reads
rm -f /tmp/telemetry_refresh.nl
xpo_unload || die "unload"
