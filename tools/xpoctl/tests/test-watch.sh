#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# -w SECONDS against the built xpoctl, with "driver status" (libkmod and the
# generic netlink controller: no xpo driver is needed, its answer is the
# same every round): frames at the interval, each whole after its heading,
# the screen cleared before each on a terminal and not in a pipe, one JSON
# document a round with -j, the last round's exit code on SIGINT, and the
# refusals.
cd "$(dirname "$0")/.." || exit 1
fail=0
ok() { echo "ok - watch: $1"; }
not_ok() { echo "not ok - watch: $1"; fail=1; }
check() {	# DESCRIPTION COMMAND...
	local what=$1
	shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

./xpoctl driver status > "$tmp/once" 2>&1
once_rc=$?

# in a pipe: headings, the same frame each round, SIGINT ends it
./xpoctl -w 0.2 driver status > "$tmp/pipe" 2>&1 &
pid=$!
sleep 1.1
kill -INT $pid
wait $pid
rc=$?
check "SIGINT: the last round's exit code ($once_rc)" test $rc = $once_rc
n=$(grep -c '^Every 0\.2s: xpoctl driver status  [0-9T:-]*[+-][0-9]\{4\}$' "$tmp/pipe")
# (not a timing test: at least two rounds, and not the hundreds of a loop
# that ignored the interval)
check "rounds at the interval: $n in 1.1 s at 0.2 s" test "$n" -ge 2 -a "$n" -le 12
check "no screen control in a pipe" sh -c "! grep -q \$(printf '\\033') $tmp/pipe"
# every frame is the single run's output after its heading and a blank line
frames_ok=$(awk -v once="$tmp/once" '
	BEGIN { while ((getline l < once) > 0) want = want l "\n" }
	/^Every / { if (n++ && body != want) bad++; body = ""; skip = 1; next }
	skip { skip = 0; next }
	{ body = body $0 "\n" }
	END { if (body != want) bad++; print bad ? "no" : "yes" }' "$tmp/pipe")
check "every frame whole: the single run's output" test "$frames_ok" = yes

# on a terminal: home and clear before each heading, one write a frame
if command -v script > /dev/null; then
	script -qfec "timeout -s INT 0.7 ./xpoctl -w 0.2 driver status" /dev/null \
		> "$tmp/tty" 2>&1
	esc=$(printf '\033\\[H\033\\[2JEvery 0.2s')
	heads=$(grep -c 'Every 0.2s' "$tmp/tty")
	clears=$(grep -c "$esc" "$tmp/tty")
	check "a terminal: the screen cleared before each of the $heads headings" \
		test "$heads" -ge 2 -a "$clears" = "$heads"
else
	echo "ok - watch: # SKIP no script(1)"
fi

# -j: one document a round, no heading
./xpoctl -j -w 0.2 driver status > "$tmp/json" 2>/dev/null &
pid=$!
sleep 0.7
kill -INT $pid
wait $pid
check "-j: a JSON document a round, nothing else" \
	sh -c "[ \$(grep -c . $tmp/json) -ge 2 ] && jq -e . $tmp/json > /dev/null && ! grep -q '^Every' $tmp/json"

# refusals: one line, exit 2
refused() {	# DESCRIPTION ARGS...
	local what=$1
	shift
	./xpoctl "$@" > "$tmp/out" 2> "$tmp/err"
	check "$what: exit 2, one line" \
		sh -c "[ $? = 2 ] && [ \$(wc -l < $tmp/err) = 1 ] && [ ! -s $tmp/out ]"
}
refused "-w 0" -w 0 driver status
refused "-w 0.05 (under 0.1 s)" -w 0.05 driver status
refused "-w 3601" -w 3601 driver status
refused "-w two" -w two driver status
refused "-w without seconds" -w
refused "-w on monitor (no read command)" -w 1 monitor
refused "-w on cage set" -w 1 cage set 3 reset
refused "-w on module eeprom" -w 1 module eeprom 3
exit $fail
