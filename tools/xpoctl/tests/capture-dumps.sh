#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Capture the emulator's module memory (debugfs cage<N>/mem) as test data for
# the CMIS decoder's unit tests.  Runs in a guest:
#
#   tests/vm/run --kernel 6.12 --timeout 300 -- \
#       tools/xpoctl/tests/capture-dumps.sh /tmp/out
#
# then copy /tmp/out/*.mem to tools/xpoctl/tests/data/ (the guest's /tmp is
# its own: the script prints the files between markers for the host to cut).
set -eu
cd "$(dirname "$0")/../../.."
. tests/integration/lib.sh

out=${1:-/tmp/xpoctl-dumps}
mkdir -p "$out"
xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"

# cage 0: the default XPO module (identifier 0x26, 8 banks), ports down
cat "$SIM_DBG/cage0/mem" > "$out/xpo-dr8.mem"

# cage 3: an osfp module with port 0 up, so its lanes are lit
set_personality 3 osfp
wait_state 3 ready 20 || die "cage 3 not ready"
ip link set xpo3p0 up
sleep 3
cat "$SIM_DBG/cage3/mem" > "$out/osfp-lit.mem"

# cage 5: the XPO module with every port up
for p in 0 1 2 3 4 5 6 7; do ip link set "xpo5p$p" up; done
sleep 3
cat "$SIM_DBG/cage5/mem" > "$out/xpo-dr8-lit.mem"

for f in "$out"/*.mem; do
	echo "=== ${f##*/}"
	cat "$f"
done
echo "=== end"
xpo_unload
