#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Benchmark (runs in a guest, see bench/run): bring-up of a full board,
# from `insmod xpo.ko` to every one of the 16 cages ready, with the
# emulator's timing=realistic (timed transitions take 90 % of what the
# module advertises, every I2C message its wire time).
#
#   start   CLOCK_MONOTONIC ("now at" of /proc/timer_list) just before
#           insmod xpo.ko, the emulator already loaded (its modules wait in
#           ModuleLowPwr, LPMode asserted, as on a real board)
#   ready   each cage's XPO_STATE=ready uevent, stamped by udevadm monitor
#           (CLOCK_MONOTONIC on receipt); wall = the last one - start
#   probe   each cage's ResetL pulled low by the core's power sequence at
#           probe (the emulator's reset_ns): the spread shows whether the
#           cages start together or one after another
#
# Reference = the module's advertised ModulePwrUp upper bound (01h:167
# bits 3-0, CMIS table; 500 ms for the default xpo-dr8) + the bus time of
# the slowest cage (its bus_ns counter, reset before the load): what a
# board whose 16 modules power up together needs.  The figure is the ratio
# wall / reference, target <= 1.1; the summary also gives the worst ratio
# as a multiple of the target (<= 1.00 meets it).  Cages that start one
# after another show as a probe spread of the order of the wall time;
# cages that power up together as a spread much shorter than ModulePwrUp.
# The wall time includes insmod itself: the kernel's module loader
# (copying, relocating and linking xpo.ko, stripped as DKMS installs it),
# xpo_init() and the scheduling of the asynchronous probes, which in a
# TCG guest take 60-130 ms of the reference before the first probe and on
# hardware a few.  The second figure starts at the first probe's power
# sequence (the emulator's reset_ns, stamped by the kernel): what the
# driver's own bring-up takes.  The ready stamps are udevadm's on receipt,
# late when the guest's CPU is busy, so both figures err long.  The
# guest's CPU (shared by every vCPU and, on a busy host, by other guests)
# is in every figure.
# The floor: the same loads with timing=instant, the guest's CPU alone
# (below, at floor()); the overlap figure tells a driver that powers the
# modules up while it registers its devices from one that does one after
# the other.
# ROUNDS loads (default 3), each from a fresh emulator.  BRINGUP_KO=PATH
# measures another build of xpo.ko too, in the same guest (before/after;
# BRINGUP_NAME names it, default "alt").  Figures, not asserts.
. "$(dirname "$0")/../tests/integration/lib.sh"
. "$(dirname "$0")/lib.inc"

ROUNDS=${ROUNDS:-3}
work=$(mktemp -d /tmp/bringup.XXXXXX)
trap 'uevents_stop 2>/dev/null; xpo_unload 2>/dev/null; rm -rf "$work"' EXIT

mono_ns() { awk '/^now at/ { print $3; exit }' /proc/timer_list; }

# CMIS duration codes (01h:167 and friends): upper bounds in ms
dur_ms=(1 5 10 50 100 500 1000 5000 10000 60000 300000)

# one_load KO [TIMING]: a line "wall_us ref_us bus_us probe_spread_us
# first_probe_us pwrup_ms bus_wait_us" on stdout (bus_wait: the longest
# time a cage's emulated bus really slept for its wire time) (TIMING: the emulator's, default
# realistic)
one_load() {
	local ko=$1 c t0 b w wmax=0 p01 code pwrup bmax=0 pmin= pmax= r ready last=0 rs
	sim_load timing="${2:-realistic}"
	for c in $(seq 0 $((NCAGES - 1))); do
		for b in transfers bytes bus_ns bus_wait_ns; do sim_set "$c" $b 0; done
	done
	uevents_start
	t0=$(mono_ns)
	insmod "$ko" || die "insmod $ko"
	wait_all ready 60 || die "cages not ready: $(all_states)"
	uevents_stop
	for c in $(seq 0 $((NCAGES - 1))); do
		# the first ready of the cage: KERNEL[s.us] of its uevent
		ready=$(awk -v cage="$c" '
			/^KERNEL\[/ { if (c == cage && st == "ready") { print t; exit }
				t = $1; sub(/^KERNEL\[/, "", t); sub(/\].*/, "", t)
				c = ""; st = "" }
			/^XPO_CAGE=/ { c = substr($0, 10) }
			/^XPO_STATE=/ { st = substr($0, 11) }
			END { if (c == cage && st == "ready") print t }' "$UEVENT_LOG")
		[ -n "$ready" ] || die "no ready uevent for cage $c"
		r=$(awk -v t="$ready" 'BEGIN { printf "%d", t * 1000000 }')
		[ "$r" -gt "$last" ] && last=$r
		b=$(bus_count "$c" bus_ns)
		[ "$b" -gt "$bmax" ] && bmax=$b
		w=$(bus_count "$c" bus_wait_ns)
		[ "$w" -gt "$wmax" ] && wmax=$w
		rs=$(sed -n 's/^reset_ns: *//p' "$SIM_DBG/cage$c/timestamps")
		[ -z "$pmin" ] || [ "$rs" -lt "$pmin" ] && pmin=$rs
		[ -z "$pmax" ] || [ "$rs" -gt "$pmax" ] && pmax=$rs
	done
	p01=$(sim_mem 0 "page 01h")
	code=$(( 0x$(echo "$p01" | cut -d' ' -f$((167 - 128 + 1))) & 0xf ))
	pwrup=${dur_ms[$code]}
	rm -f "$UEVENT_LOG"
	xpo_unload || die "unload"
	echo "$((last - t0 / 1000)) $((pwrup * 1000 + bmax / 1000)) $((bmax / 1000)) $(((pmax - pmin) / 1000)) $(((pmin - t0) / 1000)) $pwrup $((wmax / 1000))"
}

# series NAME KO
series() {
	local i
	: > "$work/$1"
	for i in $(seq 1 "$ROUNDS"); do
		one_load "$2" >> "$work/$1"
	done
	awk -v name="$1" '
		{ printf "  %s: load %d: all 16 ready after %.0f ms; reference %.0f ms (PwrUp %d ms + slowest bus %.1f ms); first probe %.0f ms after insmod, probes spread over %.0f ms; the bus really slept up to %.1f ms; %.2fx\n",
			name, NR, $1 / 1000, $2 / 1000, $6, $3 / 1000, $5 / 1000, $4 / 1000, $7 / 1000, $1 / $2
		  s += $1 / $2; if ($1 / $2 > m) m = $1 / $2 }
		{ d = ($1 - $5) / $2; sd += d; if (d > md) md = d; ld += $5 }
		END { printf "  %s: wall / reference: mean %.2fx, worst %.2fx (target 1.1x: worst at %.2f of the target)\n", name, s / NR, m, m / 1.1
		      printf "  %s: insmod to the first probe took %.0f ms of it (mean); from the first probe to 16 ready / reference: mean %.2fx, worst %.2fx\n", name, ld / NR / 1000, sd / NR, md }' "$work/$1"
}

# floor KO: the same load with timing=instant (modules that change state
# at once, a bus that takes no time): what the guest's CPU alone needs to
# probe 16 cages, register their ports and hwmon devices and run their
# state machines to ready.  On hardware that is milliseconds; in a TCG
# guest it is of the order of the reference itself.  A driver that powers
# the modules up while it does that work ends near max(reference, floor);
# one that does it before or after, near their sum.
floor() {
	local i
	: > "$work/floor"
	for i in $(seq 1 "$ROUNDS"); do
		one_load "$1" instant >> "$work/floor"
	done
	awk '{ printf "  floor: load %d: all 16 ready after %.0f ms with timing=instant\n", NR, $1 / 1000
	       s += $1 } END { printf "  floor: mean %.0f ms\n", s / NR / 1000 }' "$work/floor"
	awk 'NR == FNR { f += $1; n++; next }
	     { fl = f / n; m = ($2 > fl) ? $2 : fl; s += $1 / m; if ($1 / m > w) w = $1 / m
	       t += $1 / ($2 + fl) }
	     END { printf "  overlap: wall / max(reference, floor): mean %.2fx, worst %.2fx; wall / (reference + floor): mean %.2fx\n",
		   s / FNR, w, t / FNR }' "$work/floor" "$work/xpo.ko"
}

# installed KO NAME: the module as installed (DKMS and Debian's kernel
# packages strip debug information: 0.4 MB to load instead of 7 MB, about
# 80 ms less of insmod in TCG)
installed() {
	mkdir -p "$work/ko"
	strip --strip-debug -o "$work/ko/$2" "$1" || die "strip $1"
	echo "$work/ko/$2"
}

echo "bringup: insmod xpo.ko to 16 cages ready, timing=realistic, $ROUNDS loads"
echo "  xpo.ko is $XPO_KO${BRINGUP_KO:+, alt is $BRINGUP_KO}, stripped as installed"
ko=$(installed "$XPO_KO" xpo.ko)
series xpo.ko "$ko"
floor "$ko"
if [ -n "${BRINGUP_KO:-}" ]; then
	series "${BRINGUP_NAME:-alt}" "$(installed "$BRINGUP_KO" alt.ko)"
fi
