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


# xpoctl names a cage as the kernel does: N on board 0, B/N elsewhere ---------
tmp=$(mktemp -d /tmp/boards.XXXXXX)
# xrun NAME ARGS...: xpoctl ARGS, its stdout, stderr and exit code in
# $tmp/NAME.{out,err,rc}; a -j run's output is validated against its
# schema at the end
xrun() {
	local name=$1 a words=""
	shift
	"$XPOCTL" "$@" > "$tmp/$name.out" 2> "$tmp/$name.err"
	echo $? > "$tmp/$name.rc"
	for a; do case $a in -*) ;; *) words="$words $a" ;; esac; done
	case " $* " in
	*" -j "*)
		case $words in
		" cage show"*) a=cage-show.json ;;
		" cage lanes"*) a=cage-lanes.json ;;
		" module show"*) a=module-show.json ;;
		" module eeprom"*) a=module-eeprom.json ;;
		" module dump"*) a=module-dump.json ;;
		" sensor show"*) a=sensor-show.json ;;
		*) return ;;
		esac
		echo "$a $tmp/$name.out" >> "$tmp/validate.list" ;;
	esac
}
xrc() { cat "$tmp/$1.rc"; }
# jqt FILTER FILE: the filter holds for the JSON in FILE
jqt() { jq -e "$@" > /dev/null; }
ALL="0/0 0/1 0/2 0/3 1/0 1/1 1/2 1/3 2/0 2/1"

xrun s10 -j cage show 1/0
check_eq "cage show 1/0 -j: board 1's cage 0, its own module" \
	"0 1 0 $(bsim 1 0 serial)" \
	"$(xrc s10) $(jq -r '.cages[] | "\(.board) \(.cage) \(.serial_number)"' "$tmp/s10.out")"
xrun s10t cage show 1/0
check_eq "cage show 1/0: the detail is headed \"cage 1/0:\"" "0 cage 1/0:" \
	"$(xrc s10t) $(head -1 "$tmp/s10t.out")"
xrun s00 -j cage show 0
check_eq "cage show 0: still board 0's cage 0" "0 0 0 $(bsim 0 0 serial)" \
	"$(xrc s00) $(jq -r '.cages[] | "\(.board) \(.cage) \(.serial_number)"' "$tmp/s00.out")"
xrun s21 -j cage show 2/1
check_eq "cage show 2/1: board 2's empty cage" "0 2 1 empty" \
	"$(xrc s21) $(jq -r '.cages[] | "\(.board) \(.cage) \(.state)"' "$tmp/s21.out")"

xrun m10 -j module show 1/0
check_eq "module show 1/0 -j: board 1, cage 0, board 1's module" \
	"0 1 0 $(bsim 1 0 serial)" \
	"$(xrc m10) $(jq -r '.modules[] | "\(.board) \(.cage) \(.module.serial_number)"' "$tmp/m10.out")"
xrun mall -j module show
check_eq "module show -j: every board's readable modules (not board 2's empty cage 1)" \
	"0/0 0/1 0/2 0/3 1/0 1/1 1/2 1/3 2/0" \
	"$(jq -r '.modules[] | "\(.board)/\(.cage)"' "$tmp/mall.out" | xargs)"
xrun mallt module show
check_eq "module show: the headings name the cages as the kernel does" \
	"cage 0: cage 1: cage 2: cage 3: cage 1/0: cage 1/1: cage 1/2: cage 1/3: cage 2/0:" \
	"$(grep -E '^cage [0-9/]+:$' "$tmp/mallt.out" | xargs)"

xrun l10 -j cage lanes 1/0
check "cage lanes 1/0 -j: board 1's cage 0, with its lanes" \
	jqt '.cages | length == 1 and .[0].board == 1 and .[0].cage == 0 and
		(.[0].lanes | length) > 0' "$tmp/l10.out"
xrun l10t cage lanes 1/0
check "cage lanes 1/0: every row's CAGE is 1/0" \
	awk 'NR > 1 && $1 != "1/0" { bad = 1 } END { exit bad || NR < 2 }' "$tmp/l10t.out"
xrun lall -j cage lanes
check_eq "cage lanes -j: every readable cage of every board" \
	"0/0 0/1 0/2 0/3 1/0 1/1 1/2 1/3 2/0" \
	"$(jq -r '.cages[] | "\(.board)/\(.cage)"' "$tmp/lall.out" | xargs)"

xrun sall -j sensor show
check_eq "sensor show -j: every cage's chip, by board and cage" "$ALL" \
	"$(jq -r '.sensors[] | "\(.board)/\(.cage)"' "$tmp/sall.out" | sort -t/ -k1,1n -k2,2n -u | xargs)"
xrun s10s -j sensor show 1/0
check "sensor show 1/0 -j: only board 1's cage 0, with a case temperature" \
	jqt '(.sensors | length) > 0 and all(.sensors[]; .board == 1 and .cage == 0) and
		any(.sensors[]; .unit == "C" and (.value | type) == "number")' "$tmp/s10s.out"
xrun s10st sensor show 1/0
check "sensor show 1/0: the table names the cage 1/0" \
	awk 'NR > 1 && $1 != "1/0" { bad = 1 } END { exit bad || NR < 2 }' "$tmp/s10st.out"
xrun s00s -j sensor show 0
check "sensor show 0: board 0's cage 0 only (not 1/0, the chip at the same cage number)" \
	jqt '(.sensors | length) > 0 and all(.sensors[]; .board == 0 and .cage == 0)' "$tmp/s00s.out"

xrun d10 -j module dump 1/0
check "module dump 1/0 -j: board 1, cage 0, lower memory from identifier 0x26" \
	jqt '.board == 1 and .cage == 0 and .regions[0].offset == 0 and
		.regions[0].data[0] == 38 and (.regions | length) > 2' "$tmp/d10.out"
xrun d10t module dump 1/0
check_eq "module dump 1/0 exits 0, a header per page" "0 lower memory" \
	"$(xrc d10t) $(grep -m1 -o 'lower memory' "$tmp/d10t.out")"
# the serial number (page 00h, bytes 166-181) is board 1's
sn=$(jq -r '.regions[] | select(.page == 0 and .offset == 128) | .data[38:54] | implode' "$tmp/d10.out" | sed 's/ *$//')
check_eq "module dump 1/0: page 00h holds board 1's serial number" "$(bsim 1 0 serial)" "$sn"
xrun e20 -j module eeprom 2/0 offset 0 length 1
check_eq "module eeprom 2/0 -j: board 2, cage 0, identifier 0x26" "0 2 0 38" \
	"$(xrc e20) $(jq -r '"\(.board) \(.cage) \(.data[0])"' "$tmp/e20.out")"

policy() { "$XPOCTL" -j cage show "$1" | jq -r '.cages[0].power_mode_policy'; }
p00=$(policy 0)
xrun set10 cage set 1/0 power-mode auto
check_eq "cage set 1/0 power-mode auto: exit 0, board 1's cage 0 is auto" "0 auto" \
	"$(xrc set10) $(policy 1/0)"
check_eq "... board 0's cage 0 unchanged" "$p00" "$(policy 0)"
out=$(ynl --do cage-get --json '{"id": 0, "board": 1}')
check_eq "... as the kernel has it" auto "$(echo "$out" | jq -r '.["power-policy"]')"
xrun set10b cage set 1/0 power-mode high
check_eq "cage set 1/0 power-mode high: back" "0 high" "$(xrc set10b) $(policy 1/0)"

# a cage the kernel does not have: its extack, exit 1, one line.  The 6.1
# netlink core drops the extack of a dump's start (eeprom-dump: module
# dump), as tests/integration/netlink.sh shows: there the errno is all
# the kernel says, and all xpoctl can pass on
for args in "cage show 1/9" "cage show 3/0" "cage lanes 1/9" "module show 1/9" \
	"module dump 1/9" "module eeprom 2/2 offset 0 length 1" "cage set 1/9 reset"; do
	want="No such cage"
	case $(uname -r)/$args in
	6.1.*/"module dump "*) want="No such device" ;;
	esac
	# shellcheck disable=SC2086
	xrun nosuch $args
	n=$(grep -c . "$tmp/nosuch.err")
	if [ "$(xrc nosuch)" = 1 ] && [ "$n" = 1 ] &&
	   grep -q "$want" "$tmp/nosuch.err"; then
		ok "\"xpoctl $args\": exit 1, the kernel's $want"
	else
		not_ok "\"xpoctl $args\": exit $(xrc nosuch), $n line(s): $(head -3 "$tmp/nosuch.err" | tr '\n' '|')"
	fi
done
check "cage show 1/9: the message names the cage 1/9" \
	sh -c "'$XPOCTL' cage show 1/9 2>&1 | grep -q 'cage 1/9: No such cage'"
xrun nochip sensor show 1/9
check_eq "sensor show 1/9: no chip for it, exit 1" "1 1" \
	"$(xrc nochip) $(grep -c 'no hwmon chip for cage 1/9' "$tmp/nochip.err")"
xrun badref cage show 1/x
check_eq "cage show 1/x: a usage error (exit 2), one line" "2 1" \
	"$(xrc badref) $(grep -c . "$tmp/badref.err")"

# A module pulled on board 1 leaves board 0 alone ------------------------------
# the monitor's events carry the board beside the cage
"$XPOCTL" -j monitor > "$tmp/mon.json" 2> "$tmp/mon.err" &
mon=$!
check "the monitor joined its groups" monitor_joined "$mon"
echo 0 > "$(bdir "$SIM_DBG" 1)/cage0/present"
check "board 1 cage 0 goes empty" bwait 1 0 empty 10
check_eq "board 0 cage 0 stays ready" ready "$(bfield 0 0 state)"
echo 1 > "$(bdir "$SIM_DBG" 1)/cage0/present"
check "board 1 cage 0 is back" bwait 1 0 ready 30
sleep 0.5
kill "$mon" 2>/dev/null
wait "$mon" 2>/dev/null
check_eq "monitor -j: the remove and the insert, of board 1's cage 0" \
	"1/0:remove 1/0:insert" \
	"$(jq -r 'select(.event == "insert" or .event == "remove") | "\(.board)/\(.cage):\(.event)"' "$tmp/mon.json" | xargs)"
echo "--ndjson monitor.json $tmp/mon.json" >> "$tmp/validate.list"
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

# board 1 back: xpoctl finds its cages again, chips included
xrun back -j sensor show 1/3
check "sensor show 1/3 after the board came back" \
	jqt '(.sensors | length) > 0 and all(.sensors[]; .board == 1 and .cage == 3)' "$tmp/back.out"

# every -j output above against its schema (tools/xpoctl/schemas)
n=$(grep -c . "$tmp/validate.list")
/usr/bin/python3 tools/xpoctl/tests/validate-json.py --batch < "$tmp/validate.list" \
	> "$tmp/validate.out" 2> "$tmp/validate.err"
sed 's/^/# /' "$tmp/validate.err" | head -20
check_eq "all $n xpoctl -j outputs validate against their schemas" "$n" \
	"$(grep -c '^ok ' "$tmp/validate.out")"

# Unload with three boards: the core first, then the emulator --------------------
check "rmmod xpo with three boards" rmmod xpo
check "no xpo netdev is left" sh -c '! ls -d /sys/class/net/xpo* 2>/dev/null'
check "rmmod xpo_sim removes every board" rmmod xpo_sim
check "no board is left on the emulator's bus" \
	sh -c '! ls /sys/bus/xpo_sim/devices/* 2>/dev/null | grep -q .'
rm -rf "$tmp"
finish
