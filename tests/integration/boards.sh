#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Several boards in one system: the emulator creates boards 1 and 2 at run
# time beside board 0 (/sys/bus/xpo_sim/new_device), and the cage core names
# every cage by (board, cage).  Nothing collides: the registry, the debugfs
# directories, the netdevs, hwmon and the xpo family's cage ids; a request
# without a board means board 0; a module pulled on one board leaves the
# others alone; a board unplugged takes only its own cages, and comes back.
. "$(dirname "$0")/lib.sh"

KSRC=/usr/src/linux-source-6.12
SPEC=Documentation/netlink/specs/xpo.yaml
PY=/usr/bin/python3
ynl() {
	"$PY" "$KSRC/tools/net/ynl/cli.py" --spec "$SPEC" --no-schema \
		--output-json "$@"
}
XPOCTL=tools/xpoctl/xpoctl
BUS=/sys/bus/xpo_sim
NCAGES=4

# bdir BOARD: a board's directory under a debugfs root (board 0 is the root)
bdir() {
	if [ "$2" -eq 0 ]; then echo "$1"; else echo "$1/board$2"; fi
}

# bfield BOARD CAGE KEY: the core's view of one cage
bfield() {
	kv "$(bdir "$XPO_DBG" "$1")/cage$2/state" "$3"
}

# bsim BOARD CAGE KEY: the emulator's view of the same cage
bsim() {
	kv "$(bdir "$SIM_DBG" "$1")/cage$2/info" "$3"
}

# bwait BOARD CAGE STATE [SECONDS]
bwait() {
	local deadline=$(($(date +%s) + ${4:-30} * XPO_TIME_SCALE))
	while [ "$(bfield "$1" "$2" state)" != "$3" ]; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.05
	done
}

[ -f "$KSRC/tools/net/ynl/cli.py" ] || die "no YNL client in $KSRC"
dmesg -C
uevents_start
xpo_load cages=$NCAGES
check "board 0's cages reach ready" bwait 0 3 ready 60
check "the emulator offers new_device and del_device" \
	test -w $BUS/new_device -a -w $BUS/del_device

# Two more boards -------------------------------------------------------------
check "new_device: board 1, 4 cages" sh -c "echo '1 4' > $BUS/new_device"
check "new_device: board 2, 2 cages, only cage 0 populated" \
	sh -c "echo '2 2 0x1' > $BUS/new_device"
check "board 1's cages reach ready" bwait 1 3 ready 60
check "board 2's cage 0 reaches ready" bwait 2 0 ready 60
check_eq "board 2's cage 1 is empty" empty "$(bfield 2 1 state)"

for b in 0 1 2; do
	n=$NCAGES
	[ $b -eq 2 ] && n=2
	bad=""
	for c in $(seq 0 $((n - 1))); do
		[ "$(bfield $b $c board)" = $b ] && [ "$(bfield $b $c cage)" = $c ] ||
			bad="$bad $c"
		s=$(bsim $b $c serial)
		[ "$(bfield $b $c serial)" = "$s" ] || bad="$bad $c(serial '$s')"
	done
	if [ -z "$bad" ]; then
		ok "board $b: each cage's state names it and shows its own module"
	else
		not_ok "board $b: cages$bad"
	fi
done
check_eq "no board has another's cages in debugfs" "" \
	"$(ls -d "$XPO_DBG"/board1/cage4 "$XPO_DBG"/board2/cage2 2>/dev/null)"
check "serial numbers differ between boards" \
	test "$(bfield 0 0 serial)" != "$(bfield 1 0 serial)"

# netdevs: board 0 keeps its names, other boards carry their number
check "board 0 keeps xpo0p0" test -d /sys/class/net/xpo0p0
check "board 1's cage 3 port 7 is xpob1c3p7" test -d /sys/class/net/xpob1c3p7
check "board 2's cage 1 port 0 is xpob2c1p0" test -d /sys/class/net/xpob2c1p0
check_eq "one netdev per port of every cage: 10 cages x 8" 80 \
	"$(ls -d /sys/class/net/xpo* | wc -l)"
check_eq "ethtool -m reads board 1's module: identifier 26" 26 \
	"$(ethtool -m xpob1c0p0 hex on offset 0 length 1 | awk '/^0x0000:/ { print $2 }')"

# hwmon: one chip per cage, each under its own cage device
hw=$(for h in /sys/class/hwmon/hwmon*; do
	[ "$(cat "$h/name")" = xpo ] && readlink -f "$h/device"
done)
check_eq "ten xpo hwmon chips" 10 "$(echo "$hw" | grep -c .)"
check_eq "each on a cage device of its own" 10 "$(echo "$hw" | sort -u | grep -c .)"

# The xpo family ---------------------------------------------------------------
out=$(ynl --do cage-get --json '{"id": 0, "board": 1}')
check_eq "cage-get board 1 cage 0: the board's module" \
	"1 0 $(bsim 1 0 serial)" "$(echo "$out" | jq -r '"\(.board) \(.id) \(.serial)"')"
out=$(ynl --do cage-get --json '{"id": 0}')
check_eq "cage-get without a board: board 0" \
	"0 0 $(bsim 0 0 serial)" "$(echo "$out" | jq -r '"\(.board) \(.id) \(.serial)"')"
out=$(ynl --dump cage-get)
check_eq "the dump: every cage once, board by board" \
	"0/0 0/1 0/2 0/3 1/0 1/1 1/2 1/3 2/0 2/1" \
	"$(echo "$out" | jq -r '.[] | "\(.board)/\(.id)"' | xargs)"
err=$(ynl --do cage-get --json '{"id": 0, "board": 3}' 2>&1)
check "a board that does not exist: No such cage" grep -q "No such cage" <<< "$err"
err=$(ynl --do cage-get --json '{"id": 0, "board": 256}' 2>&1)
check "board 256: refused by the policy" grep -q "max\|range\|Invalid\|-22" <<< "$err"
out=$(ynl --do eeprom-read --json \
	'{"id": 0, "board": 2, "page": 0, "offset": 0, "length": 1}')
check_eq "eeprom-read board 2 cage 0: identifier 0x26" "1 2 26" \
	"$(echo "$out" | jq -r '"\(.length) \(.board) \(.data)"')"
out=$($XPOCTL -j cage show 2>/dev/null)
check_eq "xpoctl cage show -j: board and cage of each" \
	"0/0 0/1 0/2 0/3 1/0 1/1 1/2 1/3 2/0 2/1" \
	"$(echo "$out" | jq -r '.cages[] | "\(.board)/\(.cage)"' | xargs)"
check "xpoctl's table names board 1's cages 1/N" \
	sh -c "$XPOCTL cage show | grep -Eq '^ *1/3 '"

# A module pulled on board 1 leaves board 0 alone ------------------------------
echo 0 > "$(bdir "$SIM_DBG" 1)/cage0/present"
check "board 1 cage 0 goes empty" bwait 1 0 empty 10
check_eq "board 0 cage 0 stays ready" ready "$(bfield 0 0 state)"
echo 1 > "$(bdir "$SIM_DBG" 1)/cage0/present"
check "board 1 cage 0 is back" bwait 1 0 ready 30
uevents_stop
check "its uevents name board 1 cage 0" awk '
	/^KERNEL\[/ { if (b == 1 && c == 0 && ev == "remove") found = 1; b = c = ev = "" }
	/^XPO_BOARD=/ { b = substr($0, 11) }
	/^XPO_CAGE=/ { c = substr($0, 10) }
	/^XPO_EVENT=/ { ev = substr($0, 11) }
	END { if (b == 1 && c == 0 && ev == "remove") found = 1; exit !found }
' "$UEVENT_LOG"

# Errors of new_device and del_device -------------------------------------------
check "new_device of an existing board: refused" \
	sh -c "! echo '1 4' > $BUS/new_device"
check "new_device with garbage: refused" sh -c "! echo 'x' > $BUS/new_device"
check "del_device of a board that does not exist: refused" \
	sh -c "! echo 9 > $BUS/del_device"

# A board unplugged takes only its own cages ------------------------------------
check "del_device board 1" sh -c "echo 1 > $BUS/del_device"
check "board 1's netdevs are gone" sh -c '! ls -d /sys/class/net/xpob1* 2>/dev/null'
check "board 1's debugfs is gone" test ! -e "$XPO_DBG/board1"
check "board 2 is still there" test -d /sys/class/net/xpob2c0p0
check_eq "board 0 cage 3 stays ready" ready "$(bfield 0 3 state)"
check "board 1 again: its cages come back" \
	sh -c "echo '1 4' > $BUS/new_device"
check "board 1's cage 0 reaches ready again" bwait 1 0 ready 60

# Unload with three boards: the core first, then the emulator --------------------
check "rmmod xpo with three boards" rmmod xpo
check "no xpo netdev is left" sh -c '! ls -d /sys/class/net/xpo* 2>/dev/null'
check "rmmod xpo_sim removes every board" rmmod xpo_sim
check "no board is left on the emulator's bus" \
	sh -c '! ls /sys/bus/xpo_sim/devices/* 2>/dev/null | grep -q .'
finish
