#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Malformed writes to the emulator's debugfs knobs are refused and change
# nothing.
. "$(dirname "$0")/lib.sh"

xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"

# refuse FILE VALUE: the write must fail and the file keep its content
refuse() {
	local f=$1 v=$2 before after
	before=$(cat "$f")
	if printf '%s' "$v" > "$f" 2>/dev/null; then
		not_ok "accepted '$v' into ${f#"$SIM_DBG"/}"
		return
	fi
	after=$(cat "$f")
	check_eq "refused '$v' into ${f#"$SIM_DBG"/}" "$before" "$after"
}

refuse "$SIM_DBG/cage0/present" 2
refuse "$SIM_DBG/cage0/present" -1
refuse "$SIM_DBG/cage0/present" yes
refuse "$SIM_DBG/cage0/nack" -1
refuse "$SIM_DBG/cage0/nack" abc
refuse "$SIM_DBG/cage0/nack" 99999999999999999999
refuse "$SIM_DBG/cage0/nack" 1000001
refuse "$SIM_DBG/cage0/hold_state" bogus
refuse "$SIM_DBG/cage0/hold_state" $'\n'
refuse "$SIM_DBG/cage0/hold_state" " "
refuse "$SIM_DBG/cage0/config_fault" success
refuse "$SIM_DBG/cage0/config_fault" in-progress
refuse "$SIM_DBG/cage0/personality" qsfp
refuse "$SIM_DBG/cage0/personality" "$(head -c 300 /dev/zero | tr '\0' x)"
refuse "$SIM_DBG/bus_khz" 0
refuse "$SIM_DBG/bus_khz" 5000
refuse "$SIM_DBG/timing" fast
check "cage 0 still ready" test "$(cage_state 0)" = ready

# Module parameters out of range refuse the load
xpo_unload
if insmod "$XPO_SIM_KO" cages=17 2>/dev/null; then
	not_ok "cages=17 accepted"
	rmmod xpo_sim
else
	ok "cages=17 refused"
fi
if insmod "$XPO_SIM_KO" personality=nope 2>/dev/null; then
	not_ok "personality=nope accepted"
	rmmod xpo_sim
else
	ok "personality=nope refused"
fi
finish
