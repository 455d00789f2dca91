#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The bash completion's options and the monitor's arguments, against the
# built xpoctl (its own help names the objects; no driver is needed for
# what is checked here: cage numbers come from the driver and are checked
# by tests/integration/xpoctl.sh in a guest).
cd "$(dirname "$0")/.." || exit 1
command -v bash > /dev/null || { echo "test-completion: SKIP (no bash)"; exit 0; }
fail=0
# expect WANT WORD...: the completion of the last WORD is WANT
expect() {
	want=$1
	shift
	got=$(PATH=.:$PATH bash -c '. bash-completion/xpoctl
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _xpoctl
		echo "${COMPREPLY[*]}"' complete "$@")
	if [ "$got" = "$want" ]; then
		echo "ok - completion of \"$*\": $want"
	else
		echo "not ok - completion of \"$*\": \"$got\", expected \"$want\""
		fail=1
	fi
}
expect "--details --dry-run" xpoctl --d
expect "--output" xpoctl --ou
expect "--watch" xpoctl --wa
expect "" xpoctl -w ""
expect "cage" xpoctl -w 2 ca
expect "" xpoctl -o ""
expect "cage" xpoctl -o cage,serial ca
expect "cage" xpoctl --output serial ca
expect "all timestamp --count --timeout" xpoctl monitor ""
expect "--count --timeout" xpoctl monitor --
expect "" xpoctl monitor --count ""
expect "all timestamp --timeout" xpoctl monitor --count 5 ""
expect "all --count --timeout" xpoctl -t monitor ""
expect "--timeout" xpoctl -j monitor all timestamp --count 1 ""
# port split and unsplit: the keyword and --dry-run once each (no driver:
# no cage numbers, no modes), a panel 0-7
expect "show split unsplit si tune help" xpoctl port ""
expect "show set" xpoctl port si ""
expect "lanes txeq adaptive pre post amp" xpoctl port si set 2 0 ""
expect "adaptive" xpoctl port si set 2 0 txeq ""
expect "channel freq grid power" xpoctl port tune set 2 0 ""
expect "panel --dry-run" xpoctl port split 2 ""
expect "--dry-run" xpoctl port split 2 panel 5 ""
expect "0 1 2 3 4 5 6 7" xpoctl port split 2 panel ""
expect "panel" xpoctl port unsplit 2 --dry-run ""
expect "--dry-run" xpoctl p unsplit 1/2 --
# reach show and set: no driver, so every profile of the spec; one
# profile, --dry-run once
expect "show set help" xpoctl reach ""
expect "show set help" xpoctl r ""
expect "sr dr fr lr er zr zr-plus coherent-lite other any --dry-run" xpoctl reach set 2 ""
expect "zr zr-plus" xpoctl reach set 1/2 z
expect "--dry-run" xpoctl reach set 2 dr ""
expect "sr dr fr lr er zr zr-plus coherent-lite other any" xpoctl -j reach set 2 --dry-run ""
expect "" xpoctl reach show 2 ""
exit $fail
