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

# Fork-free helpers.  On the debug kernel under TCG every exec costs about
# 450 ms of the guest (KASAN, kmemleak and lockdep on each page fault and
# allocation of the new process), a subshell about 90 ms and a builtin read
# about 35 ms: the helpers that tests call in loops (the debugfs views,
# the waits) use bash builtins only, and store into a variable where the
# caller would otherwise need a $(...).

# sleep SECONDS: for a plain number, a builtin wait (read -t on a pipe that
# this shell holds both ends of, so nothing ever arrives); anything else
# (units, several arguments) goes to sleep(1).
exec {_xpo_nap_fd}<> <(:)
sleep() {
	if [ $# -eq 1 ] && [[ $1 =~ ^[0-9]*\.?[0-9]+$ ]]; then
		read -r -t "$1" -u "$_xpo_nap_fd" _ || :
	else
		command sleep "$@"
	fi
}

# kv_read VAR FILE KEY: set VAR to the value of FILE's first "KEY: value"
# line, the spaces after the colon dropped (empty if there is none, or no
# FILE).  The file is read in one go to its end, so that a seq_file view is
# rendered once, and searched with pattern expansions, not line by line.
kv_read() {
	local -n _kv_out=$1
	local _kv_t= _kv_r
	_kv_out=
	IFS= read -r -d '' _kv_t 2>/dev/null < "$2"
	_kv_t=$'\n'$_kv_t
	_kv_r=${_kv_t#*$'\n'"$3:"}
	[ ${#_kv_r} -ne ${#_kv_t} ] || return 0
	_kv_r=${_kv_r%%$'\n'*}
	_kv_out=${_kv_r#"${_kv_r%%[! ]*}"}
}

# kv FILE KEY: print that value (nothing if there is none), for $(...)
kv() {
	local v
	kv_read v "$1" "$2"
	[ -z "$v" ] || printf '%s\n' "$v"
}

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
	kv "$SIM_DBG/cage$1/info" "$2"
}

# cage_field CAGE KEY: a "key: value" line of the core's debugfs state
cage_field() {
	kv "$XPO_DBG/cage$1/state" "$2"
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
	local cage=$1 want=$2 deadline st
	deadline=$((EPOCHSECONDS + ${3:-20} * XPO_TIME_SCALE))
	while kv_read st "$XPO_DBG/cage$cage/state" state; [ "$st" != "$want" ]; do
		[ "$EPOCHSECONDS" -lt "$deadline" ] || return 1
		sleep 0.05
	done
}

# wait_sim CAGE KEY VALUE [SECONDS]: wait until the emulator's cage info
# says KEY: VALUE (SECONDS on a stock kernel; times XPO_TIME_SCALE)
wait_sim() {
	local deadline v
	deadline=$((EPOCHSECONDS + ${4:-20} * XPO_TIME_SCALE))
	while kv_read v "$SIM_DBG/cage$1/info" "$2"; [ "$v" != "$3" ]; do
		[ "$EPOCHSECONDS" -lt "$deadline" ] || return 1
		sleep 0.05
	done
}

# wait_all STATE [SECONDS]: wait until every cage is in STATE
wait_all() {
	local c
	for ((c = 0; c < NCAGES; c++)); do
		wait_state "$c" "$1" "${2:-30}" || return 1
	done
}

# all_states: "state state ..." for every cage, for diagnostics
all_states() {
	local c st why
	for ((c = 0; c < NCAGES; c++)); do
		kv_read st "$XPO_DBG/cage$c/state" state
		# a fault says why: "fault(no-response)"
		if [ "$st" = fault ]; then
			kv_read why "$XPO_DBG/cage$c/state" fault_reason
			st="fault($why)"
		fi
		printf '%s ' "$st"
	done
	echo
}

# The I2C bus number of a cage's adapter (named by the emulator)
cage_bus() {
	local a n
	for a in /sys/bus/i2c/devices/i2c-*; do
		read -r n < "$a/name"
		if [ "$n" = "xpo_sim cage $1" ]; then
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

# monitor_joined PID...: wait, 30 s at most, until each `xpoctl monitor`
# has joined its multicast groups, so that the events a test then causes
# reach it.  A sleep is not enough: exec and family lookup take over 0.5 s
# on the debug kernel.  The monitor opens the controller's socket and joins
# its notify group first, then the xpo socket and its monitor group: two
# generic netlink sockets of the process with a group in /proc/net/netlink
# (fdinfo's ino names them; no fork).  Groups shows ids 1-32 only; xpo's
# is around 15 in our guests.
monitor_joined() {
	local pid f key val n sk eth port groups ino _ deadline=$((SECONDS + 30))
	local -A mine
	for pid; do
		while :; do
			mine=()
			for f in /proc/"$pid"/fdinfo/*; do
				while read -r key val; do
					[ "$key" = ino: ] && mine[$val]=1
				done < "$f"
			done 2> /dev/null
			n=0
			while read -r sk eth port groups _ _ _ _ _ ino; do
				[ "$eth" = 16 ] && [ "$groups" != 00000000 ] &&
					[ -n "${mine[$ino]:-}" ] && n=$((n + 1))
			done < /proc/net/netlink
			[ "$n" -ge 2 ] && break
			if [ ! -d /proc/"$pid" ] || [ "$SECONDS" -ge "$deadline" ]; then
				echo "monitor $pid: not listening ($n of 2 sockets joined)" >&2
				return 1
			fi
			sleep 0.05
		done
	done
}

uevents_stop() {
	sleep 0.3
	kill "$UEVENT_PID" 2>/dev/null
	wait "$UEVENT_PID" 2>/dev/null
}

# uevents_all: "CAGE event:state" for every xpo uevent, in order (one awk
# for all the cages, where a loop over uevents_for would run 16)
uevents_all() {
	awk '
		/^KERNEL\[/ { if (c != "" && ev != "") print c, ev ":" st; c = ""; ev = ""; st = "" }
		/^XPO_CAGE=/ { c = substr($0, 10) }
		/^XPO_EVENT=/ { ev = substr($0, 11) }
		/^XPO_STATE=/ { st = substr($0, 11) }
		END { if (c != "" && ev != "") print c, ev ":" st }
	' "$UEVENT_LOG"
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

# The xpo family through the kernel's YNL client (a test that uses it
# checks ynl_ready first): ynl ARGS... prints the reply as JSON
XPO_KSRC=${XPO_KSRC:-/usr/src/linux-source-6.12}
XPO_SPEC=Documentation/netlink/specs/xpo.yaml
ynl_ready() {
	[ -f "$XPO_KSRC/tools/net/ynl/cli.py" ] ||
		die "no YNL client in $XPO_KSRC"
}
ynl() {
	/usr/bin/python3 "$XPO_KSRC/tools/net/ynl/cli.py" --spec "$XPO_SPEC" \
		--no-schema --output-json "$@"
}
# split ATTRS-JSON / unsplit ATTRS-JSON: port-split, port-unsplit; the
# reply, or the error on stderr
split() { ynl --do port-split --json "$1"; }
unsplit() { ynl --do port-unsplit --json "$1"; }
# ports CAGE: port-get of every port of the cage
ports() { ynl --dump port-get --json "{\"id\": $1}"; }
# names CAGE: the cage's standalone port netdevs, sorted, on one line
names() {
	ls /sys/class/net | grep -E "^xpo$1p[0-9]" | sort -V | tr '\n' ' ' |
		sed 's/ $//'
}
# says FORMATTED PLAIN: the extack message to look for; 6.1 has no
# formatted extack messages, only the fixed one (Documentation/ports.rst)
says() {
	case $XPO_REL in
	6.1.*) echo "$2" ;;
	*) echo "$1" ;;
	esac
}
carrier() { cat "/sys/class/net/$1/carrier" 2>/dev/null || echo none; }
# wait_carrier DEV [SECONDS]: until DEV has carrier (20 s, scaled)
wait_carrier() {
	local deadline=$((SECONDS + ${2:-20} * XPO_TIME_SCALE))
	while [ "$(carrier "$1")" != 1 ]; do
		[ "$SECONDS" -lt "$deadline" ] || return 1
		sleep 0.1
	done
}
