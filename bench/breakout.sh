#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Benchmark (runs in a guest, see bench/run): whole-cage breakout changes
# of a seated xpo-dr8 with the emulator's timing=realistic (timed data
# path transitions take 90 % of what the module advertises, every I2C
# message its wire time), every port down:
#
#   8x1.6T -> 16x800G (split), back (unsplit), 8x1.6T -> 64x200G, back
#
# Each change is provisioned and verified on the module before the
# netdevs change (Documentation/ports.rst, "Atomic changes"): every bank
# quiesced, staged and applied, DPInit with Tx off to DPInitialized, and
# DPDeinit back to DPDeactivated, the banks in lockstep.  So the reference
# is the module's advertised DPInit + DPDeinit upper bounds (01h:144, CMIS
# duration codes) + the cage's bus time for the change (bus_ns delta):
# what a change of all 8 banks at once needs.  The wall time is that of
# `xpoctl port split/unsplit` (fork, netlink, the netdevs replaced) minus
# the same command's --dry-run (the process and netlink alone), so it is
# the kernel's change, netdev registration included.  Figures, not
# asserts; ROUNDS rounds (default 3).
. "$(dirname "$0")/../tests/integration/lib.sh"
. "$(dirname "$0")/lib.inc"

ROUNDS=${ROUNDS:-3}
C=3
X=tools/xpoctl/xpoctl
[ -x "$X" ] || die "$X is not built: make tools"
work=$(mktemp -d /tmp/breakout.XXXXXX)
trap 'xpo_unload 2>/dev/null; rm -rf "$work"' EXIT

# CMIS duration codes (01h:144 and friends): upper bounds in ms
dur_ms=(1 5 10 50 100 500 1000 5000 10000 60000 300000)
now_us() { local t; t=$(date +%s%N); echo $((t / 1000)); }

# timed NAME ARGS...: "NAME wall_us dry_us bus_us" of `xpoctl port ARGS`
timed() {
	local name=$1 t0 t1 t2 b0 b1
	shift
	t0=$(now_us)
	"$X" port "$@" --dry-run > /dev/null || die "dry run of $*"
	t1=$(now_us)
	b0=$(bus_count $C bus_ns)
	"$X" port "$@" > /dev/null || die "port $*"
	t2=$(now_us)
	b1=$(bus_count $C bus_ns)
	echo "$name $((t2 - t1)) $((t1 - t0)) $(((b1 - b0) / 1000))"
}

xpo_load timing=realistic
wait_all ready 60 || die "cages not ready: $(all_states)"
p01=$(sim_mem $C "page 01h")
code=$(( 0x$(echo "$p01" | cut -d' ' -f$((144 - 128 + 1))) ))
init=${dur_ms[$((code & 0xf))]}
deinit=${dur_ms[$((code >> 4))]}
echo "breakout: whole-cage changes of cage $C (xpo-dr8, timing=realistic), $ROUNDS rounds"
echo "  advertised DPInit < $init ms, DPDeinit < $deinit ms (01h:144 = $(printf %#04x $code))"

: > "$work/t"
for i in $(seq 1 "$ROUNDS"); do
	timed "8x1.6T->16x800G" split $C 16x800G >> "$work/t"
	timed "16x800G->8x1.6T" unsplit $C >> "$work/t"
	timed "8x1.6T->64x200G" split $C 64x200G >> "$work/t"
	timed "64x200G->8x1.6T" unsplit $C >> "$work/t"
done
awk -v ref=$(((init + deinit) * 1000)) '
	{ k = $2 - $3; r = (ref + $4) / 1000
	  printf "  %s: %.0f ms (command %.0f ms, its dry run %.0f ms); bus %.1f ms; reference %.0f ms; %.2fx\n",
		$1, k / 1000, $2 / 1000, $3 / 1000, $4 / 1000, r, k / 1000 / r
	  s[$1] += k / 1000 / r; n[$1]++; if (k / 1000 / r > m) m = k / 1000 / r }
	END { for (x in s) printf "  %s: mean %.2fx of the reference\n", x, s[x] / n[x]
	      printf "  worst %.2fx\n", m }' "$work/t"

# The 16 cages changed together: one `xpoctl port split` per cage, all
# started at once, against the same change of one cage alone just before
# (the issue's target: within 1.15x of one).  Each cage's change holds only
# its own devlink instance and breakout lock, so the module waits overlap;
# what does not overlap is the guest's CPU (each cage registers its new
# netdevs: 1,024 for 64x200G on 16 cages, on the guest's one TCG thread).
fleet() {	# fleet split MODE | fleet unsplit: "one_us together_us"
	local t0 t1 t2 c pids=()
	t0=$(now_us)
	"$X" port "$1" 0 ${2:+"$2"} > /dev/null || die "cage 0: port $*"
	t1=$(now_us)
	for c in $(seq 1 $((NCAGES - 1))); do
		"$X" port "$1" "$c" ${2:+"$2"} > /dev/null &
		pids+=($!)
	done
	for c in "${pids[@]}"; do wait "$c" || die "a cage's port $*"; done
	t2=$(now_us)
	echo "$((t1 - t0)) $((t2 - t1))"
}
echo "breakout: cages 1-15 changed together, against cage 0 alone"
: > "$work/f"
for i in $(seq 1 "$ROUNDS"); do
	echo "8x1.6T->64x200G $(fleet split 64x200G)" >> "$work/f"
	echo "64x200G->8x1.6T $(fleet unsplit)" >> "$work/f"
done
awk '{ printf "  %s: one cage %.0f ms, 15 together %.0f ms: %.2fx\n", $1, $2 / 1000, $3 / 1000, $3 / $2
       s += $3 / $2; if ($3 / $2 > m) m = $3 / $2 }
     END { printf "  together / one: mean %.2fx, worst %.2fx (target 1.15x)\n", s / NR, m }' "$work/f"
