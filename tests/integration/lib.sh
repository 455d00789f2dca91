# SPDX-License-Identifier: GPL-2.0
#
# Shared helpers for the scenario tests.  The tests run inside a guest booted
# by tests/vm/run (as root, in the project root, host file system read-only)
# and print TAP-style "ok N - what" / "not ok N - what" lines; scripts/check
# counts them.

set -u

XPO_REL=$(uname -r)
XPO_BUILD=${XPO_BUILD:-build/$XPO_REL}
XPO_KO=$XPO_BUILD/drivers/xpo/xpo.ko
XPO_SIM_KO=$XPO_BUILD/drivers/xpo/sim/xpo_sim.ko
# How many times slower than a stock kernel this guest runs (tests/vm/run
# sets it: 1 on Debian's kernels, more on the debug kernel): waits for the
# driver scale by it, so that a deadline means the same on every kernel.
XPO_TIME_SCALE=${XPO_TIME_SCALE:-1}
# The debug kernel's checkers (kmemleak among them) make every system call
# 5-10x dearer under TCG: loops that only repeat a claim (cost, cycles)
# run fewer rounds there.  kmemleak is the sign: no Debian kernel has it.
checked_kernel() { [ -e /sys/kernel/debug/kmemleak ]; }
XPO_DBG=/sys/kernel/debug/xpo
SIM_DBG=/sys/kernel/debug/xpo_sim
NCAGES=16

_t_num=0
_t_failed=0

ok() {
	_t_num=$((_t_num + 1))
	echo "ok $_t_num - $*"
}

not_ok() {
	_t_num=$((_t_num + 1))
	_t_failed=$((_t_failed + 1))
	echo "not ok $_t_num - $*"
}

# check "description" command [args...]: ok if the command succeeds
check() {
	local what=$1
	shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}

# check_eq "description" expected actual
check_eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1 (expected '$2', got '$3')"
	fi
}

finish() {
	echo "1..$_t_num"
	[ "$_t_failed" -eq 0 ]
	exit $?
}

die() {
	echo "Bail out! $*"
	exit 1
}

# Kernel modules --------------------------------------------------------------

sim_load() {
	insmod "$XPO_SIM_KO" "$@" || die "insmod xpo_sim $*"
}

core_load() {
	insmod "$XPO_KO" "$@" || die "insmod xpo"
}

xpo_load() {
	sim_load "$@"
	core_load
}

xpo_unload() {
	local rc=0
	if [ -d /sys/module/xpo ]; then rmmod xpo || rc=1; fi
	if [ -d /sys/module/xpo_sim ]; then rmmod xpo_sim || rc=1; fi
	return $rc
}

# The emulator's and the core's views -----------------------------------------

# sim_info CAGE KEY: a "key: value" line of the emulator's cage info
sim_info() {
	sed -n "s/^$2: *//p" "$SIM_DBG/cage$1/info"
}

# cage_field CAGE KEY: a "key: value" line of the core's debugfs state
cage_field() {
	sed -n "s/^$2: *//p" "$XPO_DBG/cage$1/state" 2>/dev/null
}

cage_state() {
	cage_field "$1" state
}

sim_set() {
	echo "$3" > "$SIM_DBG/cage$1/$2"
}

# wait_state CAGE STATE [SECONDS]: wait until the cage's state is STATE
# (SECONDS on a stock kernel; times XPO_TIME_SCALE)
wait_state() {
	local cage=$1 want=$2 deadline
	deadline=$(($(date +%s) + ${3:-20} * XPO_TIME_SCALE))
	while [ "$(cage_state "$cage")" != "$want" ]; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.05
	done
}

# wait_all STATE [SECONDS]: wait until every cage is in STATE
wait_all() {
	local c
	for c in $(seq 0 $((NCAGES - 1))); do
		wait_state "$c" "$1" "${2:-30}" || return 1
	done
}

# all_states: "state state ..." for every cage, for diagnostics
all_states() {
	local c st
	for c in $(seq 0 $((NCAGES - 1))); do
		st=$(cage_state "$c")
		# a fault says why: "fault(no-response)"
		[ "$st" = fault ] && st="fault($(cage_field "$c" fault_reason))"
		printf '%s ' "$st"
	done
	echo
}

# The I2C bus number of a cage's adapter (named by the emulator)
cage_bus() {
	local a
	for a in /sys/bus/i2c/devices/i2c-*; do
		if [ "$(cat "$a/name")" = "xpo_sim cage $1" ]; then
			echo "${a##*/i2c-}"
			return 0
		fi
	done
	return 1
}

# Uevents: collect the kernel's uevents into a file in the background
uevents_start() {
	UEVENT_LOG=$(mktemp /tmp/uevents.XXXXXX)
	udevadm monitor --kernel --property > "$UEVENT_LOG" 2>/dev/null &
	UEVENT_PID=$!
	# listening once it printed its banner (slow guests take a while)
	local i
	for i in $(seq 1 100); do
		grep -q "KERNEL - the kernel uevent" "$UEVENT_LOG" && break
		sleep 0.05
	done
	sleep 0.2
}

uevents_stop() {
	sleep 0.3
	kill "$UEVENT_PID" 2>/dev/null
	wait "$UEVENT_PID" 2>/dev/null
}

# uevents_for CAGE: the XPO_EVENT/XPO_STATE sequence seen for one cage, as
# "event:state" words in order
uevents_for() {
	awk -v cage="$1" '
		/^KERNEL\[/ { if (c == cage && ev != "") print ev ":" st; c = ""; ev = ""; st = "" }
		/^XPO_CAGE=/ { c = substr($0, 10) }
		/^XPO_EVENT=/ { ev = substr($0, 11) }
		/^XPO_STATE=/ { st = substr($0, 11) }
		END { if (c == cage && ev != "") print ev ":" st }
	' "$UEVENT_LOG"
}

# sim_mem CAGE TITLE: the 128 bytes of one page of the emulator's storage
# ("lower", "page 00h", "page 11h bank 7", ...) as one line of hex bytes
sim_mem() {
	awk -v t="$2:" '
		!/^[0-9a-f][0-9a-f]: / { on = ($0 == t); next }
		on { sub(/^[0-9a-f]+: /, ""); printf "%s ", $0 }
	' "$SIM_DBG/cage$1/mem" | sed 's/ *$//'
}

# ethtool_page DEV PAGE BANK: 128 bytes of upper memory through ethtool's
# raw page access, as one line of hex bytes.  ethtool 6.1 refuses "page 0"
# (it means "no page" there): page 00h goes through the legacy module EEPROM
# path instead.
ethtool_page() {
	local sel="page $2 bank $3"
	[ $(($2)) -eq 0 ] && sel=""
	# shellcheck disable=SC2086
	ethtool -m "$1" $sel offset 128 length 128 hex on |
		awk '/^0x[0-9a-f]+:/ { $1 = ""; printf "%s ", $0 }' |
		tr -s ' ' | sed 's/^ //; s/ *$//'
}

# set_personality CAGE NAME: swap the cage's module for one of NAME
set_personality() {
	sim_set "$1" present 0
	wait_state "$1" empty 10
	sim_set "$1" personality "$2"
	sim_set "$1" present 1
}
