#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A port owner (Documentation/ports.rst, "Port owners"): on a board whose
# cages give their ports to a switch driver ("xpo,external-ports") the core
# makes no netdevs; xpo_sim_owner, a small driver beside the emulator,
# makes its own and attaches them through the core's API (xpo_attach.h).
# Through its netdevs: ethtool's module EEPROM, power mode and reset reach
# the module, carrier follows the port's data path, port-get names them;
# refusals (a port with a netdev already, a breakout the owner must make)
# say why; a cage removed under its owner fails the owner's calls and
# lets it go without a leak.
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
OWNER_KO=$XPO_BUILD/drivers/xpo/sim/xpo_sim_owner.ko
C=3
ynl_ready
[ -f "$OWNER_KO" ] || die "no $OWNER_KO"
netdevs() { ls /sys/class/net | grep -E "^$1" | sort -V | tr '\n' ' ' | sed 's/ $//'; }
dbg_attached() { kv "$XPO_DBG/cage$C/state" attached; }
# port_field INDEX KEY: a field of port INDEX of cage C in port-get
port_field() {
	ynl --do port-get --json "{\"id\": $C, \"index\": $1}" |
		"$PY" -c "import json,sys; print(json.load(sys.stdin).get('$2', 'none'))"
}

sim_load external_ports=1
core_load
wait_all ready 60 || die "cages not ready: $(all_states)"

# No owner yet ----------------------------------------------------------------
check_eq "external ports: the core makes no netdevs" "" "$(netdevs xpo)"
check_eq "port-get: cage $C still has its 8 ports" 8 \
	"$(ynl --dump port-get --json "{\"id\": $C}" | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')"
check_eq "port-get: no netdev on port 0 yet" none "$(port_field 0 ifindex)"
check_eq "xpoctl port show: no netdev names yet" "- - - - - - - -" \
	"$(tools/xpoctl/xpoctl port show $C | awk 'NR > 1 { print $3 }' | tr '\n' ' ' | sed 's/ $//')"
check_eq "debugfs: nothing attached" "" "$(dbg_attached)"

# The owner attaches ----------------------------------------------------------
insmod "$OWNER_KO" || die "insmod xpo_sim_owner"
want=""
for p in 0 1 2 3 4 5 6 7; do want+="sw${C}p$p "; done
check_eq "the owner's netdevs for cage $C" "${want% }" "$(netdevs "sw${C}p")"
n=$(ls /sys/class/net | grep -cE '^sw[0-9]+p[0-9]+$')
check_eq "one owner netdev per port of the 16 cages" 128 "$n"
check_eq "ethtool -i: the owner's driver" "driver: xpo_sim_owner" \
	"$(ethtool -i sw${C}p1 | head -1)"
check_eq "debugfs: the cage lists the attachments by lane" \
	"0:sw${C}p0 8:sw${C}p1 16:sw${C}p2 24:sw${C}p3 32:sw${C}p4 40:sw${C}p5 48:sw${C}p6 56:sw${C}p7" \
	"$(dbg_attached)"
check_eq "port-get: port 2's ifindex is the owner's netdev" \
	"$(cat /sys/class/net/sw${C}p2/ifindex)" "$(port_field 2 ifindex)"
check_eq "xpoctl port show: the owner's netdev names" "${want% }" \
	"$(tools/xpoctl/xpoctl port show $C | awk 'NR > 1 { print $3 }' | tr '\n' ' ' | sed 's/ $//')"
rc=0; rmmod xpo 2>/dev/null || rc=$?
check "the core stays while an owner uses it" [ "$rc" -ne 0 ]

# The module through the owner's netdevs --------------------------------------
check_eq "ethtool -m: page 01h through the owner" \
	"$(sim_mem $C "page 01h")" "$(ethtool_page sw${C}p0 1 0)"
# 11h:128-131, the data path states (134 on are latched flags, that may
# latch between the two reads)
check_eq "ethtool -m: page 11h bank 5 through port 5's netdev" \
	"$(sim_mem $C "page 11h bank 5" | cut -d' ' -f1-4)" \
	"$(ethtool_page sw${C}p5 0x11 5 | cut -d' ' -f1-4)"
check_eq "module power mode through the owner" "high" \
	"$(ethtool --show-module sw${C}p0 | sed -n 's/^power-mode: //p')"
check "power mode policy set through the owner" \
	ethtool --set-module sw${C}p0 power-mode-policy auto
check_eq "... the cage's policy changed" auto \
	"$(ethtool --show-module sw${C}p3 | sed -n 's/^power-mode-policy: //p')"
ethtool --set-module sw${C}p0 power-mode-policy high

# Carrier follows the port's data path ----------------------------------------
check_eq "no carrier while down" 0 "$(port_field 4 carrier)"
ip link set sw${C}p4 up
check "carrier on once port 4's data path is activated" wait_carrier sw${C}p4
check_eq "... its lanes 32-39 activated in the module (11h:128-131 of bank 4)" \
	"44 44 44 44" "$(sim_mem $C "page 11h bank 4" | cut -d' ' -f1-4)"
check_eq "... and port-get says up, with carrier" "1 1" \
	"$(port_field 4 up) $(port_field 4 carrier)"
check_eq "... the neighbour stays without carrier" 0 "$(port_field 5 carrier)"
err=$(ethtool --reset sw${C}p0 phy-shared 2>&1); rc=$?
check "a shared reset is refused while a port is up" [ "$rc" -ne 0 ]
ip link set sw${C}p4 down
check_eq "no carrier when it goes down" 0 "$(port_field 4 carrier)"

# Reset through the owner: the cage comes back -------------------------------
# (the redirection inside: on the check it would swallow the ok line)
reset_shared() { ethtool --reset "$1" phy-shared > /dev/null 2>&1; }
check "ethtool --reset phy-shared through the owner" reset_shared sw${C}p0
check "... the cage comes back ready" wait_state $C ready 30

# Refusals --------------------------------------------------------------------
out=$(ynl --do port-split --json "{\"id\": $C, \"mode\": \"16x800G\"}" 2>&1)
check "port-split of an owned cage is refused" [ -n "$(echo "$out" | grep -i 'switch driver')" ]
check_eq "... and the owner's netdevs stay" "${want% }" "$(netdevs "sw${C}p")"

# The owner changes the breakout (as its devlink port split would) -----------
BRK=/sys/kernel/debug/xpo_sim_owner/breakout
ifidx3=$(cat /sys/class/net/sw${C}p3/ifindex)
echo "$C 2 4" > "$BRK" || not_ok "owner breakout write"
check_eq "front-panel port 2 split into 4: the owner's new netdevs" \
	"sw${C}p0 sw${C}p1 sw${C}p2s0 sw${C}p2s1 sw${C}p2s2 sw${C}p2s3 sw${C}p3 sw${C}p4 sw${C}p5 sw${C}p6 sw${C}p7" \
	"$(netdevs "sw${C}p")"
check_eq "... port-get: 11 ports" 11 \
	"$(ynl --dump port-get --json "{\"id\": $C}" | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')"
check_eq "... port 3 (lanes 18-19) is sw${C}p2s1" \
	"$(cat /sys/class/net/sw${C}p2s1/ifindex) 18 2" \
	"$(port_field 3 ifindex) $(port_field 3 lane-first) $(port_field 3 lane-count)"
check_eq "... the neighbours keep their netdevs" "$ifidx3" \
	"$(cat /sys/class/net/sw${C}p3/ifindex)"
check_eq "... ethtool -m through a subport" \
	"$(sim_mem $C "page 01h")" "$(ethtool_page sw${C}p2s3 1 0)"
ip link set sw${C}p2s1 up
check "... a subport gets carrier" wait_carrier sw${C}p2s1
ip link set sw${C}p2s1 down
rc=0; echo "$C 2 2" > "$BRK" 2>/dev/null || rc=1
check "splitting a split port is refused" [ "$rc" -ne 0 ]
check "... saying so" grep -q "cage $C port 2 into 2: .*[Aa]lready split" <(dmesg)
check_eq "... and its netdevs are made again" \
	"sw${C}p2s0 sw${C}p2s1 sw${C}p2s2 sw${C}p2s3" "$(netdevs "sw${C}p2")"
echo "$C 2 1" > "$BRK" || not_ok "owner unsplit write"
check_eq "made whole again: sw${C}p2" "${want% }" "$(netdevs "sw${C}p")"

# An admin's split through the core is the owner's to make --------------------
out=$(ynl --do port-split --json "{\"id\": $C, \"panel\": 6, \"mode\": \"2x800G\"}" 2>&1)
check_eq "port-split of front-panel port 6 (xpo family): the owner's new netdevs" \
	"sw${C}p6s0 sw${C}p6s1" "$(netdevs "sw${C}p6")"
check_eq "... port-get: port 7 (lanes 52-55) is sw${C}p6s1" \
	"$(cat /sys/class/net/sw${C}p6s1/ifindex 2>/dev/null) 52 4" \
	"$(port_field 7 ifindex) $(port_field 7 lane-first) $(port_field 7 lane-count)"
ip link set sw${C}p6s1 up
check "... sw${C}p6s1 gets carrier" wait_carrier sw${C}p6s1
ip link set sw${C}p6s1 down
out=$(ynl --do port-split --json "{\"id\": $C, \"panel\": 6, \"mode\": \"4x400G\"}" 2>&1)
check "... split again: the core's refusal, through the owner" \
	grep -qiE "already split|Already split" <<< "$out"
check_eq "... its netdevs made again" "sw${C}p6s0 sw${C}p6s1" "$(netdevs "sw${C}p6")"
xpoctl_unsplit() { tools/xpoctl/xpoctl port unsplit "$@" > /dev/null 2>&1; }
check "xpoctl port unsplit $C panel 6" xpoctl_unsplit "$C" panel 6
check_eq "... the owner made it whole: sw${C}p6" "${want% }" "$(netdevs "sw${C}p")"

# The cage goes away under its owner ------------------------------------------
ip link set sw${C}p1 up
wait_carrier sw${C}p1 || not_ok "carrier before the unbind"
echo "xpo_cage.$C" > /sys/bus/platform/drivers/xpo_cage/unbind
check_eq "unbind: the owner's carrier goes off" 0 "$(carrier sw${C}p1)"
out=$(ethtool -m sw${C}p1 2>&1); rc=$?
check "ethtool -m on a removed cage fails" [ "$rc" -ne 0 ]
check "the owner heard the cage go" \
	grep -q "sw${C}p0: its cage is gone" <(dmesg)
check "the owner unloads with a removed cage" rmmod xpo_sim_owner
check_eq "... its netdevs are gone" "" "$(netdevs sw)"
echo "xpo_cage.$C" > /sys/bus/platform/drivers/xpo_cage/bind
check "the cage binds again" wait_state $C ready 30

# An owner without a split callback: the core refuses as before
insmod "$OWNER_KO" cages=0x8 admin_split=0 || not_ok "insmod admin_split=0"
out=$(ynl --do port-split --json "{\"id\": $C, \"panel\": 6, \"mode\": \"2x800G\"}" 2>&1)
check "an owner without a split callback: port-split refused, naming its netdev" \
	grep -qF "$(says "sw${C}p6 is a switch driver's: change the breakout through it" \
		"A port to replace is a switch driver's: change the breakout through it")" <<< "$out"
check_eq "... its netdevs stay" "sw${C}p6" "$(netdevs "sw${C}p6")"
rmmod xpo_sim_owner || not_ok "rmmod xpo_sim_owner"
xpo_unload || die "unload"

# A port with a netdev already ------------------------------------------------
xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"
dmesg -C
rc=0; insmod "$OWNER_KO" cages=0x8 2>/dev/null || rc=$?
check "an owner cannot attach to the standalone ports" [ "$rc" -ne 0 ]
check "... and says whose the port is" \
	grep -q "sw${C}p0: cannot attach to cage $C lanes 0-7: .*The port has a netdev already.*(-16)" <(dmesg)
check_eq "... leaving no netdev of its own" "" "$(netdevs sw)"
check_eq "... and the standalone ones" 8 "$(netdevs "xpo${C}p" | wc -w)"
xpo_unload || die "unload"
finish
