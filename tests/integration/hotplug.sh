#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Pull a module and insert it again: the cage goes empty and back to ready,
# and user space sees a uevent for each step.  The other cages stay ready.
# A bouncing present line is one insertion (one removal); ModPrsL and IntL
# are level interrupts, IntL held low neither storms nor stops the cage;
# a controller without level triggers gets both edges.
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

# A bouncing present line: one insertion, one removal --------------------------------
sim_set 6 present 0
wait_state 6 empty 10 || not_ok "cage 6 not empty: $(cage_state 6)"
sleep 0.2
uevents_start
sim_set 6 present_bounce 10
if wait_state 6 ready 20; then ok "seated with 10 bounces: ready"; else not_ok "bounced insertion: $(cage_state 6)"; fi
sleep 0.3
uevents_stop
ev6=$(uevents_for 6 | tr '\n' ' ')
echo "# uevents for cage 6: $ev6"
check_eq "bouncing insertion: one insert uevent" 1 "$(uevents_for 6 | grep -c '^insert:')"
check_eq "bouncing insertion: no remove uevent" 0 "$(uevents_for 6 | grep -c '^remove:')"
uevents_start
sim_set 6 present_bounce 10
if wait_state 6 empty 10; then ok "pulled with 10 bounces: empty"; else not_ok "bounced removal: $(cage_state 6)"; fi
sleep 0.3
uevents_stop
check_eq "bouncing removal: one remove uevent, no insert" "1 0" \
	"$(uevents_for 6 | grep -c '^remove:') $(uevents_for 6 | grep -c '^insert:')"
sim_set 6 present 1
wait_state 6 ready 20 || not_ok "cage 6 back: $(cage_state 6)"

# Level interrupts --------------------------------------------------------------------
check_eq "IntL: a level interrupt on its asserted (low) level" level-low "$(sim_info 4 int_irq)"
check_eq "ModPrsL, module seated (line low): armed for the high level" level-high "$(sim_info 4 present_irq)"
sim_set 6 present 0
wait_state 6 empty 10
sleep 0.2
check_eq "ModPrsL, cage empty (line high): armed for the low level" level-low "$(sim_info 6 present_irq)"
sim_set 6 present 1
wait_state 6 ready 20
check_eq "the leak line stays on both edges" edge-both "$(sim_info 4 leak_irq)"

# IntL held low (a flag the core cannot clear): no interrupt storm, and the
# cage still follows its module through the re-check
irqs() { awk -v n="xpo_cage.$1-int" '$NF == n { s = 0; for (i = 2; i < NF; i++) if ($i ~ /^[0-9]+$/) s += $i; print s }' /proc/interrupts; }
i0=$(irqs 4)
sim_set 4 hold_intl 1
sleep 3
i1=$(irqs 4)
echo "# cage 4: $((i1 - i0)) IntL interrupts in 3 s with IntL held low"
check "IntL held low 3 s: a few interrupts, no storm" test $((i1 - i0)) -ge 1 -a $((i1 - i0)) -le 10
check_eq "IntL held low: disabled until the re-check" "level-low masked" "$(sim_info 4 int_irq)"
check_eq "IntL held low: the cage stays ready" ready "$(cage_state 4)"
sim_set 4 hold_state fault
check "IntL held low: a module fault is still seen (re-check)" wait_state 4 fault 5
sim_set 4 hold_intl 0
sim_set 4 hold_state none
check "IntL released: enabled again" eval '[ "$(sim_info 4 int_irq)" = level-low ] || { sleep 1.5; [ "$(sim_info 4 int_irq)" = level-low ]; }'
sim_set 4 present 0
wait_state 4 empty 10
sim_set 4 present 1
check "IntL released: the module comes back by interrupts" wait_state 4 ready 20

check "unload" xpo_unload

# A controller without level triggers: both edges, and hot-plug works -----------------
xpo_load irq_levels=0
wait_all ready 60 || not_ok "irq_levels=0: cages not ready: $(all_states)"
check_eq "no level triggers: IntL on both edges" edge-both "$(sim_info 2 int_irq)"
check_eq "no level triggers: ModPrsL on both edges" edge-both "$(sim_info 2 present_irq)"
sim_set 2 present_bounce 5
if wait_state 2 empty 10; then ok "edges: pulled (bouncing)"; else not_ok "edges: pull: $(cage_state 2)"; fi
sim_set 2 present 1
if wait_state 2 ready 20; then ok "edges: re-inserted, ready"; else not_ok "edges: insert: $(cage_state 2)"; fi
check "unload" xpo_unload
finish
