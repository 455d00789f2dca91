#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A port's host-side SI and laser tuning (si-get, si-set, tune-get,
# tune-set; Documentation/ports.rst): on the linear (xpo-lpo) and
# half-retimed (xpo-lro) modules SI set through xpoctl and netlink lands in
# the emulated module's staged set 0 with ExplicitControl and in its active
# set, on a port that is down (ApplyDPInit) and on one that is up
# (ApplyImmediate: carrier kept); refusals say why and change nothing; on
# the coherent module (xpo-zr) a channel, a frequency and a target power
# land in page 12h and the current frequency follows, with the port's data
# path taken down and back up; refusals leave the laser where it was; the
# DR8 module has neither.
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
XPOCTL=tools/xpoctl/xpoctl
C=5
ynl_ready
err=$(mktemp /tmp/si_tune.XXXXXX)
# bytes CAGE PAGE BANK FIRST LAST: bytes FIRST-LAST of a page of the
# emulated module, as hex words
bytes() {
	sim_mem "$1" "page $2 bank $3" |
		cut -d' ' -f$(($4 - 127))-$(($5 - 127))
}
# the active SI set of bank 0 (11h:214-234), the staged one (10h:153-173)
active() { bytes $C 11h 0 214 234; }
staged() { bytes $C 10h 0 153 173; }
si_set() { ynl --do si-set --json "$1"; }
tune_set() { ynl --do tune-set --json "$1"; }

xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"
dev=xpo${C}p0

# Sets are admin only (GENL_ADMIN_PERM), si-get and tune-get are not ----
setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	--bounding-set=-all "$PY" tests/integration/netlink_helper.py batch \
	> "$err" 2>&1 <<REQ
{"do": "si-set", "attrs": {"id": $C, "index": 0, "si-tx-eq": 3}}
{"do": "tune-set", "attrs": {"id": $C, "index": 0, "tune-power": -300}}
{"do": "si-get", "attrs": {"id": $C, "index": 0}}
REQ
check_eq "a user without CAP_NET_ADMIN cannot si-set (EPERM)" 1 \
	"$(sed -n 1p "$err" | jq -r .errno)"
check_eq "... nor tune-set (EPERM)" 1 "$(sed -n 2p "$err" | jq -r .errno)"
check_eq "... but gets si-get (8 lanes)" 8 \
	"$(sed -n 3p "$err" | jq -r '.reply."si-lane" | length')"

# No SI controls, no tunable laser: the DR8 ------------------------------
si_set "{\"id\": $C, \"index\": 0, \"si-tx-eq\": 3}" > "$err" 2>&1
check "DR8: si-set refused" grep -q "Operation not supported\|EOPNOTSUPP\|95" "$err"
check "... the module advertises no SI controls" grep -qF "$(says "module advertises no SI controls" "does not support this SI setting")" "$err"
ynl --do tune-get --json "{\"id\": $C, \"index\": 0}" > "$err" 2>&1
check "DR8: tune-get refused: no tunable laser" grep -qF "module has no tunable laser" "$err"
$XPOCTL port tune set $C 0 channel 3 > "$err" 2>&1
check_eq "xpoctl port tune set on the DR8: exit 1" 1 $?
check "... with the kernel's message" grep -qF "module has no tunable laser" "$err"

# Linear (LPO): the advertisement and the defaults -----------------------
set_personality $C xpo-lpo
wait_state $C ready 30 || not_ok "xpo-lpo: cage $C is $(cage_state $C)"
r=$(ynl --do si-get --json "{\"id\": $C, \"index\": 0}")
check_eq "xpo-lpo: si-get: fixed Tx EQ, Rx pre, post, amplitude (0xe4), Tx EQ 0-10, pre 0-7, post 0-7, amplitude codes 0-2" \
	"228 10 7 7 7" \
	"$(echo "$r" | jq -r '."si-caps" | "\(.controls) \(."tx-eq-max") \(."rx-pre-max") \(."rx-post-max") \(."rx-amp-codes")"')"
check_eq "... 8 lanes at the module's defaults (Tx EQ 4, pre 2, post 3, amplitude 1), not explicit" \
	"8 4 2 3 1 0" \
	"$(echo "$r" | jq -r '."si-lane" | "\(length) \(.[0]."tx-eq") \(.[0]."rx-pre") \(.[0]."rx-post") \(.[0]."rx-amp") \(.[7].explicit)"')"

# Set on a port that is down: ApplyDPInit ------------------------------------
r=$(si_set "{\"id\": $C, \"index\": 0, \"si-tx-eq\": 7, \"si-rx-pre\": 5}" 2> "$err")
check "port down: si-set Tx EQ 7, pre-cursor 5 applied" test -n "$r"
check_eq "... the reply shows them active on every lane, explicit" "7 5 3 1 1" \
	"$(echo "$r" | jq -r '[."si-lane"[] | "\(."tx-eq") \(."rx-pre") \(."rx-post") \(."rx-amp") \(.explicit)"] | unique | join(",")')"
check_eq "... the module's active set (11h:214-234): Tx EQ and pre-cursor nibbles 7 and 5, post 3, amplitude 1" \
	"00 00 00 77 77 77 77 00 00 55 55 55 55 33 33 33 33 11 11 11 11" "$(active)"
check_eq "... staged set 0 (10h:153-173) holds the same" "$(active)" "$(staged)"
check_eq "... DPConfig (10h:145-152) with ExplicitControl" \
	"11 11 11 11 11 11 11 11" "$(bytes $C 10h 0 145 152)"

# A lane range, through xpoctl
$XPOCTL port si set $C 0 lanes 1-2 post 6 > "$err" 2>&1
check_eq "xpoctl port si set $C 0 lanes 1-2 post 6: exit 0" 0 $?
check_eq "... only lanes 1-2 of the active set change (11h:227 0x66, 228 0x33)" \
	"66 33 33 33" "$(bytes $C 11h 0 227 230)"
check "xpoctl port si show $C 0: lane 1 (host lane 0) Tx EQ 7, pre 5, post 6, amplitude 1, explicit" \
	bash -c "$XPOCTL port si show $C 0 | grep -Eq '^ *1 +0 +7 +- +5 +6 +1 +yes'"
j=$($XPOCTL -j port si show $C 0)
check_eq "xpoctl -j port si show: lanes 0 and 2 post-cursors" "6 3" \
	"$(echo "$j" | jq -r '"\(.lanes[0]."rx-post") \(.lanes[2]."rx-post")"')"

# Refusals change nothing
before=$(active)
si_set "{\"id\": $C, \"index\": 0, \"si-tx-eq\": 11}" > "$err" 2>&1
check "Tx EQ 11 beyond the advertised 10: refused" grep -qF "$(says "lane 1: Tx input equalization 11 out of range 0-10" "does not support this SI setting")" "$err"
si_set "{\"id\": $C, \"index\": 0, \"si-rx-amp\": 3}" > "$err" 2>&1
check "amplitude code 3: refused, naming the codes" grep -qF "$(says "lane 1: Rx output amplitude code 3 not supported (codes 0-2)" "does not support this SI setting")" "$err"
si_set "{\"id\": $C, \"index\": 0, \"si-tx-adaptive\": 1}" > "$err" 2>&1
check "adaptive Tx EQ on a linear module: refused" grep -qF "$(says "module does not support Tx input adaptive equalization" "does not support this SI setting")" "$err"
$XPOCTL port si set $C 0 lanes 9 pre 1 > "$err" 2>&1
check_eq "xpoctl: lane 9: a usage error (exit 2)" 2 $?
si_set "{\"id\": $C, \"index\": 0, \"lanes\": 256, \"si-rx-pre\": 1}" > "$err" 2>&1
check "netlink: lanes beyond the port's 8: refused" grep -qF "A port has at most 8 lanes" "$err"
check_eq "... and the active set is as it was" "$before" "$(active)"
check_eq "... and so is staged set 0" "$before" "$(staged)"

# The module refuses what the check passes (si_reject: InvalidSI) -----------
cfg=$(bytes $C 10h 0 145 152)
sim_set $C si_reject 1
si_set "{\"id\": $C, \"index\": 0, \"si-tx-eq\": 2}" > "$err" 2>&1
sim_set $C si_reject 0
check "si_reject: si-set Tx EQ 2 fails: the module said InvalidSI" grep -qF \
	"$(says "lane 1: SI rejected (ConfigStatus 5 InvalidSI), nothing applied" \
		"The module rejected the SI settings (ConfigStatus); nothing was applied")" "$err"
check_eq "... the module's active set is as it was" "$before" "$(active)"
check_eq "... staged set 0 restored" "$before" "$(staged)"
check_eq "... and DPConfig (10h:145-152)" "$cfg" "$(bytes $C 10h 0 145 152)"
check_eq "... si-get: Tx EQ still 7 and pre-cursor 5 on lane 1" "7 5" \
	"$(ynl --do si-get --json "{\"id\": $C, \"index\": 0}" | jq -r '."si-lane"[0] | "\(."tx-eq") \(."rx-pre")"')"

# Set on a port that is up: ApplyImmediate, carrier kept ------------------
ip link set "$dev" up
check "$dev up: carrier" wait_carrier "$dev"
uevents_start
r=$(si_set "{\"id\": $C, \"index\": 0, \"si-rx-amp\": 2}" 2> "$err")
check "port up: si-set amplitude 2 applied" test -n "$r"
check_eq "... 11h:231-234 amplitude nibbles 2" "22 22 22 22" "$(bytes $C 11h 0 231 234)"
check_eq "... $dev kept its carrier" 1 "$(carrier "$dev")"
uevents_stop
check "... a port-settings event" bash -c "grep -q '^XPO_EVENT=port-settings' '$UEVENT_LOG'"
# down and up again: the data path comes back with the host's settings
ip link set "$dev" down
ip link set "$dev" up
check "$dev down and up: carrier" wait_carrier "$dev"
check_eq "... still ExplicitControl, the active set still the host's" \
	"11 22" "$(bytes $C 11h 0 206 206) $(bytes $C 11h 0 231 231)"
ip link set "$dev" down

# Half-retimed (LRO) -------------------------------------------------------
set_personality $C xpo-lro
wait_state $C ready 30 || not_ok "xpo-lro: cage $C is $(cage_state $C)"
check_eq "a new module starts from its defaults (active DPConfig 0x10: no ExplicitControl)" \
	"10" "$(bytes $C 11h 0 206 206)"
$XPOCTL port si set $C 0 txeq 9 > /dev/null 2> "$err"
check_eq "xpo-lro: xpoctl port si set txeq 9 (adaptive off): exit 0" 0 $?
check_eq "... adaptive EQ off (11h:214 0x00), fixed Tx EQ nibbles 9" \
	"00 00 00 99 99 99 99" "$(bytes $C 11h 0 214 220)"
si_set "{\"id\": $C, \"index\": 0, \"si-rx-amp\": 1}" > "$err" 2>&1
check "amplitude code 1: refused (codes 0,2,3)" grep -qF "$(says "lane 1: Rx output amplitude code 1 not supported (codes 0,2,3)" "does not support this SI setting")" "$err"
$XPOCTL port si set $C 0 adaptive > /dev/null 2> "$err"
check_eq "xpoctl port si set txeq adaptive: exit 0" 0 $?
check_eq "... adaptive EQ on every lane (11h:214 0xff)" "ff" "$(bytes $C 11h 0 214 214)"

# Coherent (ZR): tuning -----------------------------------------------------
set_personality $C xpo-zr
wait_state $C ready 30 || not_ok "xpo-zr: cage $C is $(cage_state $C)"
si_set "{\"id\": $C, \"index\": 0, \"si-rx-pre\": 1}" > "$err" 2>&1
check "xpo-zr: no SI controls: refused" grep -qF "$(says "module advertises no SI controls" "does not support this SI setting")" "$err"
r=$(ynl --do tune-get --json "{\"id\": $C, \"index\": 0}")
check_eq "tune-get: grids 100 and 75 GHz, 191.3-196.1 THz, -15.00..+1.00 dBm" \
	"100000:-18..30:191300000-196100000 75000:-72..120:191300000-196100000 -1500 100" \
	"$(echo "$r" | jq -r '."tune-caps" | "\([.grid[] | "\(.spacing):\(."channel-low")..\(."channel-high"):\(."freq-low")-\(."freq-high")"] | join(" ")) \(."power-min") \(."power-max")"')"
check_eq "... port 0 (two 800ZR data paths) on media lanes 0 and 2: 75 GHz, channel 0, 193.1 THz, -3.00 dBm" \
	"0:75000:0:193100000:-300 2:75000:0:193100000:-300" \
	"$(echo "$r" | jq -r '[."tune-lane"[] | "\(."media-lane"):\(.grid):\(.channel):\(.freq):\(.power)"] | join(" ")')"

r=$(tune_set "{\"id\": $C, \"index\": 0, \"tune-channel\": 6, \"tune-power\": -500}" 2> "$err")
check "port down: tune-set channel 6, -5.00 dBm applied" test -n "$r"
check_eq "... the reply: 193.25 THz, -500 on both lanes" "193250000:-500" \
	"$(echo "$r" | jq -r '[."tune-lane"[] | "\(.freq):\(.power)"] | unique | join(" ")')"
check_eq "... 12h:136-137 and 140-141 (lanes 1 and 3): channel 6" \
	"00 06 00 00 00 06" "$(bytes $C 12h 0 136 141)"
check_eq "... 12h:168-171: current frequency 193.25 THz" \
	"$(printf '%02x %02x %02x %02x' $((193250000 >> 24)) $((193250000 >> 16 & 255)) $((193250000 >> 8 & 255)) $((193250000 & 255)))" \
	"$(bytes $C 12h 0 168 171)"
check_eq "... 12h:200-201: -5.00 dBm" "fe 0c" "$(bytes $C 12h 0 200 201)"

$XPOCTL port tune set $C 0 freq 194000000 grid 100 > "$err" 2>&1
check_eq "xpoctl port tune set freq 194000000 grid 100: exit 0" 0 $?
check_eq "... 100 GHz grid (12h:128 0x50), channel 9" "50 00 09" \
	"$(bytes $C 12h 0 128 128) $(bytes $C 12h 0 136 137)"
j=$($XPOCTL -j port tune show $C 0)
check_eq "xpoctl -j port tune show: 194 THz on the 100 GHz grid" "194000000 100000 9" \
	"$(echo "$j" | jq -r '.lanes[0] | "\(.freq) \(.grid) \(.channel)"')"

# Refusals leave the laser where it was
before=$(bytes $C 12h 0 128 201)
tune_set "{\"id\": $C, \"index\": 0, \"tune-channel\": 123, \"tune-grid\": 75000}" > "$err" 2>&1
check "channel 123: refused, naming the range" grep -qF "$(says "channel 123 out of range -72..120 on the 75 GHz grid" "laser does not support this")" "$err"
tune_set "{\"id\": $C, \"index\": 0, \"tune-channel\": 5, \"tune-grid\": 75000}" > "$err" 2>&1
check "channel 5: not on the 75 GHz grid" grep -qF "$(says "channel 5 is not on the 75 GHz grid" "laser does not support this")" "$err"
tune_set "{\"id\": $C, \"index\": 0, \"tune-channel\": 1, \"tune-grid\": 50000}" > "$err" 2>&1
check "the 50 GHz grid: refused, naming the grids" grep -qF "$(says "module does not support the 50 GHz grid (grids: 75, 100 GHz)" "laser does not support this")" "$err"
$XPOCTL port tune set $C 0 power -16 > "$err" 2>&1
check_eq "xpoctl power -16 dBm: the kernel's EINVAL, exit 2" 2 $?
check "... out of range" grep -qF "$(says "output power -16.00 dBm out of range -15.00..+1.00 dBm" "laser does not support this")" "$err"
check_eq "... and page 12h is as it was" "$before" "$(bytes $C 12h 0 128 201)"

# The laser refuses a channel it advertises (tune_reject: TuningNotAccepted)
sim_set $C tune_reject 1
tune_set "{\"id\": $C, \"index\": 0, \"tune-channel\": 12, \"tune-grid\": 75000}" > "$err" 2>&1
sim_set $C tune_reject 0
check "tune_reject: tune-set channel 12 fails: TuningNotAccepted" grep -qF \
	"$(says "media lane 1: channel refused (TuningNotAccepted), laser unchanged" \
		"The module refused the channel; the laser stays where it was")" "$err"
check_eq "... page 12h (grid, channel, frequency, power) as it was" "$before" \
	"$(bytes $C 12h 0 128 201)"
check_eq "... tune-get: both lanes still 194 THz, channel 9 on the 100 GHz grid" \
	"194000000:100000:9" \
	"$(ynl --do tune-get --json "{\"id\": $C, \"index\": 0}" | jq -r '[."tune-lane"[] | "\(.freq):\(.grid):\(.channel)"] | unique | join(" ")')"

# A port that is up: down, tuned, up again
ip link set "$dev" up
check "$dev up: carrier" wait_carrier "$dev" 30
r=$(tune_set "{\"id\": $C, \"index\": 0, \"tune-channel\": -12, \"tune-grid\": 75000}" 2> "$err")
check "port up: tune-set channel -12 applied" test -n "$r"
check_eq "... 192.8 THz" "192800000" \
	"$(echo "$r" | jq -r '[."tune-lane"[].freq] | unique | join(" ")')"
check "... and $dev has carrier again" wait_carrier "$dev" 30
ip link set "$dev" down

rm -f "$err"
xpo_unload || not_ok "unload"
finish
