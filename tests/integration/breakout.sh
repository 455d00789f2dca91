#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Breakout (port-split, port-unsplit; Documentation/ports.rst): every mode
# of the DR8 module splits a cage into the netdevs the mode names, each
# port's data path comes up on its own lanes only (port-get, and the raw
# page 11h bytes of the emulated module), refusals change nothing and say
# why, a dry run only plans, the layout is kept across module changes and
# checked against each module seated, and a rejected data path
# configuration is reported on the port.
. "$(dirname "$0")/lib.sh"

C=3
ynl_ready
# dp_nibbles CAGE BANK: 11h:128-131 of the emulated module, as 4 hex bytes
dp_bytes() { sim_mem "$1" "page 11h bank $2" | cut -d' ' -f1-4; }
err=$(mktemp /tmp/breakout.XXXXXX)

xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"
default="xpo${C}p0 xpo${C}p1 xpo${C}p2 xpo${C}p3 xpo${C}p4 xpo${C}p5 xpo${C}p6 xpo${C}p7"

# The default layout -------------------------------------------------------------
check_eq "cage $C: one netdev per front-panel port" "$default" "$(names $C)"
check_eq "port-get: 8 ports of 8 lanes, split-count 1, panels 0-7" \
	"0/8/1 8/8/1 16/8/1 24/8/1 32/8/1 40/8/1 48/8/1 56/8/1" \
	"$(ports $C | jq -r '[.[] | "\(."lane-first")/\(."lane-count")/\(."split-count")"] | join(" ")')"

# Refusals change nothing ------------------------------------------------------------
split "{\"id\": $C, \"mode\": \"64x100G\"}" > "$err" 2>&1
check "a mode the module has no application for: refused" grep -q "EOPNOTSUPP\|Operation not supported\|95" "$err"
check "... naming the modes it has" grep -qF "$(says "module supports 8x1.6T, 16x800G, 32x400G, 64x200G" "cannot carry this breakout (cage-get lists the ones it can)")" "$err"
split "{\"id\": $C, \"mode\": \"sixteen\"}" > "$err" 2>&1
check "no mode at all: refused, with an example" grep -qF "$(says "is no breakout of 64 lanes (e.g. 16x800G)" "No breakout mode of that form (<count>x<rate>, e.g. 16x800G)")" "$err"
split "{\"id\": $C, \"panel\": 2, \"mode\": \"1x1.6T\"}" > "$err" 2>&1
check "ports of 8 lanes: no split" grep -q "no split" "$err"
ip link set "xpo${C}p0" up
split "{\"id\": $C, \"mode\": \"16x800G\"}" > "$err" 2>&1
check "a port to replace is up: refused" grep -qF "$(says "xpo${C}p0 is up: set it down first" "A port to replace is up: set it down first")" "$err"
ip link set "xpo${C}p0" down
check_eq "... and the netdevs are as they were" "$default" "$(names $C)"

# Dry run ------------------------------------------------------------------------------
r=$(split "{\"id\": $C, \"mode\": \"16x800G\", \"dry-run\": true}")
check_eq "dry run: the plan has 16 ports of 4 lanes at 800G" "16 4 800000" \
	"$(echo "$r" | jq -r '"\(.plan | length) \(.plan[0]."lane-count") \(.plan[0].speed)"')"
check_eq "... named xpo${C}p<panel>s<n>" "xpo${C}p0s0 xpo${C}p7s1" \
	"$(echo "$r" | jq -r '"\(.plan[0].name) \(.plan[15].name)"')"
check "... each with the AppSel the module would run" \
	test "$(echo "$r" | jq '[.plan[] | select(.appsel > 0)] | length')" = 16
check_eq "... and nothing changed" "$default" "$(names $C)"

# Every whole-cage mode of the DR8 module ------------------------------------------------
uevents_start
for mode in 16x800G 32x400G 64x200G; do
	n=${mode%%x*}
	lanes=$((64 / n))
	r=$(split "{\"id\": $C, \"mode\": \"$mode\"}" 2> "$err")
	check "$mode: applied" test -n "$r"
	check_eq "$mode: $n netdevs" "$n" "$(names $C | wc -w)"
	check_eq "$mode: the first and last are p0s0 and p7s$((8 / lanes - 1))" \
		"xpo${C}p0s0 xpo${C}p7s$((8 / lanes - 1))" \
		"$(names $C | awk '{ print $1, $NF }')"
	p=$(ports $C)
	check_eq "$mode: port-get: $n ports of $lanes lanes, split $((8 / lanes)) ways" \
		"$n $lanes $((8 / lanes))" \
		"$(echo "$p" | jq -r '"\(length) \(.[0]."lane-count") \(.[0]."split-count")"')"
	# the second subport of front-panel port 2
	dev=xpo${C}p2s1
	first=$((16 + lanes))
	ip link set "$dev" up
	check "$mode: $dev up gets carrier" wait_carrier "$dev"
	q=$(echo "$p" | jq -c ".[] | select(.\"lane-first\" == $first)")
	check_eq "$mode: $dev is lanes $first+$lanes, subport 1 of panel 2" \
		"$lanes 1 2" "$(echo "$q" | jq -r '"\(."lane-count") \(.subport) \(.panel)"')"
	q=$(ports $C | jq -c ".[] | select(.\"lane-first\" == $first)")
	check_eq "$mode: port-get: its lanes activated, up, carrier" \
		"activated 1 1" \
		"$(echo "$q" | jq -r '"\(."dp-state" | unique | join(",")) \(.up) \(.carrier)"')"
	# 11h:128-131 of bank 2: a nibble per lane, 4 = DPActivated, 1 = DPDeactivated
	want=$(awk -v f=$((lanes)) -v n=$lanes 'BEGIN {
		for (l = 0; l < 8; l++) s[l] = (l >= f && l < f + n) ? 4 : 1;
		for (b = 0; b < 4; b++) printf "%s%d%d", b ? " " : "", s[2 * b + 1], s[2 * b] }')
	check_eq "$mode: the module's 11h:128-131 of bank 2: only its lanes activated" \
		"$want" "$(dp_bytes $C 2)"
	ip link set "$dev" down
	r=$(unsplit "{\"id\": $C}" 2> "$err")
	check "$mode: unsplit" test -n "$r"
	check_eq "$mode: the default netdevs again" "$default" "$(names $C)"
done
sleep 0.5
uevents_stop
check "a uevent XPO_EVENT=ports for each change" \
	test "$(uevents_for $C | grep -c '^ports:')" -ge 6

# One front-panel port ------------------------------------------------------------------
r=$(split "{\"id\": $C, \"panel\": 5, \"mode\": \"4x400G\"}" 2> "$err")
check "panel 5 split 4x400G" test -n "$r"
check_eq "... xpo${C}p5s0..s3 beside the other whole ports" \
	"xpo${C}p0 xpo${C}p1 xpo${C}p2 xpo${C}p3 xpo${C}p4 xpo${C}p5s0 xpo${C}p5s1 xpo${C}p5s2 xpo${C}p5s3 xpo${C}p6 xpo${C}p7" \
	"$(names $C)"
ip link set "xpo${C}p4" up
check "xpo${C}p4 (whole) still comes up" wait_carrier "xpo${C}p4"
split "{\"id\": $C, \"panel\": 5, \"mode\": \"2x800G\"}" > "$err" 2>&1
check "splitting a split port again: refused" grep -qF "$(says "Front-panel port 5 is already split: unsplit it first" "Already split: unsplit it first")" "$err"
split "{\"id\": $C, \"mode\": \"16x800G\"}" > "$err" 2>&1
check "... a whole-cage split too" grep -qi "already split" "$err"
unsplit "{\"id\": $C, \"panel\": 4}" > "$err" 2>&1
check "unsplit of a port that is not split: refused" grep -qF "$(says "Front-panel port 4 is not split" "That front-panel port is not split")" "$err"
check_eq "xpo${C}p4 kept its carrier through all that" 1 "$(carrier xpo${C}p4)"
ip link set "xpo${C}p4" down

# Kept across module changes --------------------------------------------------------------
sim_set $C present 0
wait_state $C empty 10 || not_ok "cage $C did not empty"
check_eq "module pulled: the split ports stay" 11 "$(names $C | wc -w)"
sim_set $C present 1
wait_state $C ready 30 || not_ok "cage $C not ready again"
ip link set "xpo${C}p5s3" up
check "re-seated: xpo${C}p5s3 gets carrier on its lanes" wait_carrier "xpo${C}p5s3"
ip link set "xpo${C}p5s3" down
unsplit "{\"id\": $C}" > /dev/null 2>&1

# Without a module: kept, checked when one is seated ---------------------------------------
sim_set $C present 0
wait_state $C empty 10
r=$(split "{\"id\": $C, \"mode\": \"32x400G\"}" 2> "$err")
check_eq "no module: 32x400G accepted, 32 ports planned" 32 "$(echo "$r" | jq '.plan | length')"
check "... without an AppSel (nothing to ask)" \
	test "$(echo "$r" | jq '[.plan[] | select(.appsel)] | length')" = 0
sim_set $C present 1
wait_state $C ready 30
ip link set "xpo${C}p7s3" up
check "a DR8 seated: xpo${C}p7s3 gets carrier" wait_carrier "xpo${C}p7s3"
[ "$(carrier "xpo${C}p7s3")" = 1 ] ||
	grep -E "^(state|dp3[01]|ports|carrier|bank7)" "$XPO_DBG/cage$C/state" | sed 's/^/# /' 
check_eq "... port-get has its AppSel" true \
	"$(ports $C | jq '[.[] | select(.appsel)] | length == 32')"
ip link set "xpo${C}p7s3" down

# A module that cannot carry the layout: reported, its ports get nothing --------------------
mark=$(dmesg | wc -l)
set_personality $C xpo-sr8
wait_state $C ready 30
check "an SR8 under 32x400G: reported" sh -c \
	"dmesg | tail -n +$((mark + 1)) | grep -q 'cannot carry the cage.s breakout'"
# 11h:206-213 of bank 0, the active DPConfig: still the SR8's own default
check_eq "... and its configuration left as the module has it (11h:206-213)" \
	"$(sim_mem $C "page 10h bank 0" | cut -d' ' -f18-25)" \
	"$(sim_mem $C "page 11h bank 0" | cut -d' ' -f79-86)"
check "... which is an application, not AppSel 0" \
	test "$(sim_mem $C "page 11h bank 0" | cut -d' ' -f79)" != 00
ip link set "xpo${C}p0s0" up
sleep 2
check_eq "... and its ports get no carrier" 0 "$(carrier xpo${C}p0s0)"
ip link set "xpo${C}p0s0" down
unsplit "{\"id\": $C}" > /dev/null 2>&1
ip link set "xpo${C}p0" up
check "unsplit: the SR8 carries xpo${C}p0" wait_carrier "xpo${C}p0"
ip link set "xpo${C}p0" down
set_personality $C xpo-dr8
wait_state $C ready 30

# devlink (iproute2's devlink, unchanged) -------------------------------------------------
DL=platform/xpo_cage.$C
dl() { devlink -j port show "$DL/$1" | jq -r ".port[\"$DL/$1\"] | $2"; }
check_eq "devlink: front-panel port 2 is $DL/16, physical, splittable, 8 lanes, xpo${C}p2" \
	"physical 2 true 8 xpo${C}p2" "$(dl 16 '"\(.flavour) \(.port) \(.splittable) \(.lanes) \(.netdev)"')"
check_eq "devlink: one port per netdev of the cage" 8 \
	"$(devlink port show | grep -c "^$DL/")"
devlink port split "$DL/16" count 4 > "$err" 2>&1
check "devlink port split $DL/16 count 4" test $? -eq 0
check_eq "... xpo${C}p2s0..s3" \
	"xpo${C}p0 xpo${C}p1 xpo${C}p2s0 xpo${C}p2s1 xpo${C}p2s2 xpo${C}p2s3 xpo${C}p3 xpo${C}p4 xpo${C}p5 xpo${C}p6 xpo${C}p7" \
	"$(names $C)"
check_eq "... subport 3 is $DL/150: split group 2, 2 lanes, not splittable" \
	"2 2 false 2 xpo${C}p2s3" "$(dl 150 '"\(.port) \(.split_group) \(.splittable) \(.lanes) \(.netdev)"')"
check_eq "... its physical port name is p2s3" p2s3 "$(cat /sys/class/net/xpo${C}p2s3/phys_port_name)"
check_eq "... and port-get agrees: 4 ports of 2 lanes on panel 2" "4 2" \
	"$(ports $C | jq -r '[.[] | select(.panel == 2)] | "\(length) \(.[0]."lane-count")"')"
devlink port split "$DL/150" count 2 > "$err" 2>&1
check "a split port cannot be split further (devlink says so)" grep -q "cannot be split further" "$err"
ip link set "xpo${C}p2s3" up
check "xpo${C}p2s3 gets carrier" wait_carrier "xpo${C}p2s3"
devlink port unsplit "$DL/150" > "$err" 2>&1
check "devlink unsplit while a subport is up: refused" grep -qF "$(says "xpo${C}p2s3 is up: set it down first" "A port to replace is up: set it down first")" "$err"
ip link set "xpo${C}p2s3" down
devlink port unsplit "$DL/150" > "$err" 2>&1
check "devlink port unsplit $DL/150" test $? -eq 0
check_eq "... the default netdevs again" "$default" "$(names $C)"
devlink port split "$DL/8" count 8 > "$err" 2>&1
check "devlink split count 8 (8x200G of port 1)" test "$(names $C | wc -w)" -eq 15
devlink port unsplit "$DL/200" > /dev/null 2>&1
check_eq "... unsplit through subport 7 ($DL/200)" "$default" "$(names $C)"

# A rejected configuration: the port says why --------------------------------------------
mark=$(dmesg | wc -l)
sim_set $C config_fault rejected
ip link set "xpo${C}p1" up
sleep 2
check_eq "config rejected: no carrier" 0 "$(carrier xpo${C}p1)"
check_eq "port-get: dp-fail says it was rejected" "rejected: ConfigStatus 2" \
	"$(ports $C | jq -r '.[] | select(.panel == 1) | ."dp-fail"')"
check "dmesg names the port and the ConfigStatus" sh -c \
	"dmesg | tail -n +$((mark + 1)) | grep -q 'port 1: data path configuration (AppSel 1, lanes 1-8) rejected: ConfigStatus rejected'"
sim_set $C config_fault none
ip link set "xpo${C}p1" down
ip link set "xpo${C}p1" up
check "fault cleared, port down and up: carrier" wait_carrier "xpo${C}p1"
ip link set "xpo${C}p1" down

# The osfp personality: a 32-lane module (4 banks) in the 64-lane cage ----------------------
# Its modes are those of front-panel ports 0-3 (cage-get lists no
# whole-cage one): 2x400G (DR4, 4 lanes) and 8x100G (DR, 1 lane).
set_personality $C osfp
wait_state $C ready 30 || not_ok "osfp: cage $C is $(cage_state $C)"
check_eq "osfp: cage-get lists no whole-cage breakout mode" null \
	"$(ynl --do cage-get --json "{\"id\": $C}" | jq -c '."breakout-mode"')"
split "{\"id\": $C, \"panel\": 1, \"mode\": \"4x200G\"}" > "$err" 2>&1
check "osfp: 4x200G (no 2-lane application) refused, naming its modes" \
	grep -qF "$(says "module supports 1x800G, 2x400G, 8x100G; not 4x200G" "cannot carry this breakout")" "$err"
split "{\"id\": $C, \"mode\": \"16x400G\"}" > "$err" 2>&1
check "osfp: a whole-cage mode refused: it has 4 banks" \
	grep -qF "$(says "16x400G needs 8 banks; the module has 4" "cannot carry this breakout")" "$err"
check_eq "... nothing changed" "$default" "$(names $C)"
# reach-set plans the ports the module has lanes for (panels 0-3)
r=$(ynl --do reach-set --json "{\"id\": $C, \"reach\": \"dr\", \"dry-run\": true}" 2> "$err")
check_eq "osfp: reach-set dr dry run plans panels 0-3 (the module's 4 banks), AppSel 1" \
	"1 dr 0,8,16,24" \
	"$(echo "$r" | jq -r '"\([.plan[].appsel] | unique | join(",")) \([.plan[].reach] | unique | join(",")) \([.plan[]."lane-first"] | join(","))"' 2>&1)$(sed 's/^/ /' "$err")"
for mode in 2x400G 8x100G; do
	n=${mode%%x*}
	lanes=$((8 / n))
	level=$((n == 2 ? 1 : 3))
	r=$(split "{\"id\": $C, \"panel\": 1, \"mode\": \"$mode\"}" 2> "$err")
	check "osfp $mode of panel 1: applied" test -n "$r"
	want="xpo${C}p0 $(seq -f "xpo${C}p1s%g" 0 $((n - 1)) | tr '\n' ' ')xpo${C}p2 xpo${C}p3 xpo${C}p4 xpo${C}p5 xpo${C}p6 xpo${C}p7"
	check_eq "osfp $mode: xpo${C}p1s0..s$((n - 1)) beside the whole ports" \
		"$want" "$(names $C)"
	dev=xpo${C}p1s1
	first=$((8 + lanes))
	check_eq "osfp $mode: devlink $DL/$((64 * level + first)): physical, port 1, group 1, $lanes lanes, not splittable, $dev" \
		"physical 1 1 $lanes false $dev" \
		"$(dl $((64 * level + first)) '"\(.flavour) \(.port) \(.split_group) \(.lanes) \(.splittable) \(.netdev)"')"
	ip link set "$dev" up
	check "osfp $mode: $dev up gets carrier" wait_carrier "$dev"
	check_eq "osfp $mode: port-get: its lanes activated, up, carrier, the AppSel of $((lanes))-lane ports" \
		"activated 1 1 $((lanes == 4 ? 2 : 3))" \
		"$(ports $C | jq -r ".[] | select(.\"lane-first\" == $first) | \"\(.\"dp-state\" | unique | join(\",\")) \(.up) \(.carrier) \(.appsel)\"")"
	want=$(awk -v f=$lanes -v n=$lanes 'BEGIN {
		for (l = 0; l < 8; l++) s[l] = (l >= f && l < f + n) ? 4 : 1;
		for (b = 0; b < 4; b++) printf "%s%d%d", b ? " " : "", s[2 * b + 1], s[2 * b] }')
	check_eq "osfp $mode: the module's 11h:128-131 of bank 1: only its lanes activated" \
		"$want" "$(dp_bytes $C 1)"
	ip link set "$dev" down
	check_eq "osfp $mode: down, port-get: not up, no carrier" "0 0" \
		"$(ports $C | jq -r ".[] | select(.\"lane-first\" == $first) | \"\(.up) \(.carrier)\"")"
	unsplit "{\"id\": $C, \"panel\": 1}" > /dev/null 2> "$err"
	check_eq "osfp $mode: unsplit, the default netdevs again" "$default" "$(names $C)"
done
set_personality $C xpo-dr8
wait_state $C ready 30

# Reach profiles (reach-get, reach-set) -------------------------------------------------
rget() { ynl --do reach-get --json "{\"id\": $C}"; }
rset() { ynl --do reach-set --json "$1"; }
r=$(rget)
check_eq "reach-get on the DR8: no profile chosen, every port DR (AppSel 1)" "null dr 1" \
	"$(echo "$r" | jq -r '"\(.reach) \([.plan[].reach] | unique | join(",")) \([.plan[].appsel] | unique | join(","))"')"
ip link set "xpo${C}p0" up
wait_carrier "xpo${C}p0"
rset "{\"id\": $C, \"reach\": \"fr\"}" > "$err" 2>&1
check "reach-set fr on a DR8: refused, naming its profiles" \
	grep -qF "$(says "module profiles: DR" "cannot carry the cage's ports with this reach profile")" "$err"
check_eq "... nothing changed" null "$(rget | jq -r .reach)"
r=$(rset "{\"id\": $C, \"reach\": \"dr\"}" 2> "$err")
check_eq "reach-set dr on a DR8: accepted" dr "$(rget | jq -r .reach)"
check_eq "... the same applications: xpo${C}p0 kept its carrier" 1 "$(carrier xpo${C}p0)"
ip link set "xpo${C}p0" down
rset "{\"id\": $C}" > /dev/null 2>&1

# the coherent module: 800ZR on 4 host lanes, OpenZR+ on 2
set_personality $C xpo-zr
wait_state $C ready 30 || not_ok "xpo-zr: cage $C is $(cage_state $C)"
rset "{\"id\": $C, \"reach\": \"zr-plus\"}" > "$err" 2>&1
check "xpo-zr, whole ports: no ZR+ application of 8 lanes, refused" \
	grep -qF "$(says "port 0: no 8-lane application; module has 2,4-lane ones" "cannot carry the cage's ports with this reach profile")" "$err"
split "{\"id\": $C, \"mode\": \"32x400G\"}" > /dev/null 2>&1
r=$(rset "{\"id\": $C, \"reach\": \"zr-plus\", \"dry-run\": true}" 2> "$err")
check_eq "32x400G: reach-set zr-plus dry run plans AppSel 2 (ZR+) on all 32" "2 zr-plus 32" \
	"$(echo "$r" | jq -r '"\([.plan[].appsel] | unique | join(",")) \([.plan[].reach] | unique | join(",")) \(.plan | length)"')"
check_eq "... and a dry run changes nothing" null "$(rget | jq -r .reach)"
r=$(rset "{\"id\": $C, \"reach\": \"zr\", \"dry-run\": true}" 2> "$err")
check_eq "32x400G: reach-set zr dry run plans AppSel 3 (400ZR) on all 32" "3 zr 32" \
	"$(echo "$r" | jq -r '"\([.plan[].appsel] | unique | join(",")) \([.plan[].reach] | unique | join(",")) \(.plan | length)"')"
rset "{\"id\": $C, \"reach\": \"zr-plus\"}" > /dev/null 2> "$err"
check_eq "reach-set zr-plus applied" zr-plus "$(rget | jq -r .reach)"
ip link set "xpo${C}p4s1" up
check "xpo${C}p4s1 gets carrier on ZR+" wait_carrier "xpo${C}p4s1"
# 11h:206-213 of bank 4, the active DPConfig: lanes 3-4 AppSel 2, DataPathID 2
check_eq "... the module's active set has AppSel 2, DataPathID 2 on lanes 3-4" "24 24" \
	"$(sim_mem $C "page 11h bank 4" | cut -d' ' -f81-82)"
ip link set "xpo${C}p4s1" down
rset "{\"id\": $C, \"reach\": \"sr\"}" > "$err" 2>&1
check "reach-set sr on a coherent module: refused" test -s "$err"
rset "{\"id\": $C}" > /dev/null 2>&1
unsplit "{\"id\": $C}" > /dev/null 2>&1
set_personality $C xpo-dr8
wait_state $C ready 30

rm -f "$err"
finish
