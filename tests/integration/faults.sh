#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Misbehaving modules: one that NACKs every transfer, one that reports
# ModuleFault and one that never finishes powering up.  Each cage reports
# the fault and why; the other cages are unaffected.
. "$(dirname "$0")/lib.sh"

xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"

# A module that stops answering, then is re-seated while still NACKing
sim_set 5 nack 1000000
sim_set 5 present 0
wait_state 5 empty 10 || not_ok "cage 5 did not go empty"
sim_set 5 present 1
if wait_state 5 fault 30; then ok "NACKing module: cage 5 in fault"; else not_ok "NACKing module: cage 5 is $(cage_state 5)"; fi
check_eq "cage 5 fault reason: the module does not answer" no-response \
	"$(cage_field 5 fault_reason)"
sim_set 5 nack 0

# A module in ModuleFault
sim_set 6 hold_state fault
if wait_state 6 fault 20; then ok "ModuleFault: cage 6 in fault"; else not_ok "ModuleFault: cage 6 is $(cage_state 6)"; fi
check_eq "cage 6 fault reason: the module reports ModuleFault" module-fault \
	"$(cage_field 6 fault_reason)"
check_eq "cage 6 module_state" "fault" "$(cage_field 6 module_state | awk '{print tolower($1)}')"
# 00h:41: the emulator's module faults with cause 1, a TEC runaway
X=tools/xpoctl/xpoctl
check "xpoctl cage show 6: the fault cause by name" \
	sh -c "$X cage show 6 | grep -q 'fault cause: *0x01 (tec-runaway)$'"
check_eq "... and in JSON beside its number" "1 tec-runaway" \
	"$("$X" -j cage show 6 | jq -r '.cages[0] | "\(.fault_cause) \(.fault_cause_name)"')"

# A module stuck in ModulePwrUp: the power-up timeout fires
sim_set 7 hold_state pwrup
sim_set 7 present 0
wait_state 7 empty 10
sim_set 7 present 1
if wait_state 7 fault 60; then ok "stuck power-up: cage 7 in fault"; else not_ok "stuck power-up: cage 7 is $(cage_state 7)"; fi
check_eq "cage 7 fault reason: no ModuleReady in time" power-up-timeout \
	"$(cage_field 7 fault_reason)"

# Everyone else is fine
bad=""
for c in $(seq 0 $((NCAGES - 1))); do
	case $c in 5|6|7) continue ;; esac
	[ "$(cage_state "$c")" = ready ] || bad="$bad $c:$(cage_state "$c")"
done
check_eq "other cages stay ready" "" "$bad"

# Recovery: a healthy module re-seated in a faulted cage comes back
for c in 5 6 7; do sim_set "$c" hold_state none; sim_set "$c" present 0; done
for c in 5 6 7; do wait_state "$c" empty 10; sim_set "$c" present 1; done
rec=1
for c in 5 6 7; do wait_state "$c" ready 30 || rec=0; done
if [ $rec = 1 ]; then ok "faulted cages recover when a good module is seated"; else not_ok "recovery: $(all_states)"; fi

check "unload" xpo_unload
finish
