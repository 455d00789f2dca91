#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Pull a module and insert it again: the cage goes empty and back to ready,
# and user space sees a uevent for each step.  The other cages stay ready.
. "$(dirname "$0")/lib.sh"

xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"

uevents_start
sim_set 3 present 0
if wait_state 3 empty 10; then ok "pulled module: cage 3 empty"; else not_ok "cage 3 after pull: $(cage_state 3)"; fi
check_eq "present pin reads 0" "0" "$(cage_field 3 present)"
sim_set 3 present 1
if wait_state 3 ready 20; then ok "re-inserted module: cage 3 ready"; else not_ok "cage 3 after insert: $(cage_state 3)"; fi
uevents_stop

seq3=$(uevents_for 3 | tr '\n' ' ')
echo "# uevents for cage 3: $seq3"
case "$seq3" in
*remove:empty*insert:*ready*) ok "uevents: remove, insert, state changes to ready" ;;
*) not_ok "uevents for cage 3: $seq3" ;;
esac
others=$(for c in 0 1 2 4 5; do uevents_for "$c"; done | wc -l)
check_eq "no uevents for untouched cages" "0" "$others"

ready=0
for c in $(seq 0 $((NCAGES - 1))); do [ "$(cage_state "$c")" = ready ] && ready=$((ready + 1)); done
check_eq "all cages ready afterwards" "$NCAGES" "$ready"

# Pull every module at once and put them all back.
for c in $(seq 0 $((NCAGES - 1))); do sim_set "$c" present 0; done
if wait_all empty 20; then ok "16 simultaneous removals"; else not_ok "after mass removal: $(all_states)"; fi
for c in $(seq 0 $((NCAGES - 1))); do sim_set "$c" present 1; done
if wait_all ready 60; then ok "16 simultaneous insertions"; else not_ok "after mass insertion: $(all_states)"; fi

check "unload" xpo_unload
finish
