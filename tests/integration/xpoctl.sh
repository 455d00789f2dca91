#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# xpoctl against the driver and the emulator: the driver missing (exit 4
# with the reason), cage show (JSON checked against the emulator, text
# against golden files after masking live measurements), module show and
# module eeprom against the emulator's memory, cage set, partial success,
# protection (actions, a trip shown by cage show and monitor, re-arm refused
# then done), permissions (exit 5 without CAP_NET_ADMIN), bad input (exit
# 2), the monitor over a burst of 16 removals and insertions, and sensor
# show; alert-only protection over three excursions, monitor --count and
# --timeout, the monitor across a driver reload, and breakout: port split
# and port unsplit of cage 2 (a dry run, the plan, refusals with the
# kernel's message and exit code, the netdevs, port show, the ports event);
# reach profiles: reach show and reach set of cage 2 (a refusal, a dry
# run, dr and back to any).
. "$(dirname "$0")/lib.sh"

X=tools/xpoctl/xpoctl
GOLDEN=tests/integration/xpoctl.golden
tmp=$(mktemp -d /tmp/xpoctl.XXXXXX)
[ -x "$X" ] || die "$X is not built: make -C tools/xpoctl"
dmesg -C

# json_schema ARGS...: the schema (tools/xpoctl/schemas/) of xpoctl -j ARGS
json_schema() {
	local a j=0 words=""
	for a; do case $a in -j) j=1 ;; -*) ;; *) words="$words $a" ;; esac; done
	[ $j = 1 ] || return 1
	case $words in
	" cage show"*) echo cage-show.json ;;
	" cage lanes"*) echo cage-lanes.json ;;
	" module show"*) echo module-show.json ;;
	" module eeprom"*) echo module-eeprom.json ;;
	" module dump"*) echo module-dump.json ;;
	" sensor show"*) echo sensor-show.json ;;
	" driver status"*) echo driver-status.json ;;
	" port show"*) echo port-show.json ;;
	" port split"* | " port unsplit"*) echo port-split.json ;;
	" reach show"*) echo reach-show.json ;;
	" reach set"*) echo reach-set.json ;;
	*) echo "no-schema-for:$words" ;;
	esac
}
# run NAME ARGS...: xpoctl's stdout, stderr and exit code in $tmp/NAME.{out,err,rc};
# a -j run's output is validated against its schema at the end
run() {
	local name=$1 schema
	shift
	"$X" "$@" > "$tmp/$name.out" 2> "$tmp/$name.err"
	echo $? > "$tmp/$name.rc"
	if schema=$(json_schema "$@"); then
		echo "$name $schema" >> "$tmp/json.list"
	fi
}
# (builtins: these run for every case, and an exec costs ~0.5 s on the
# debug kernel)
rc() { local v; read -r v < "$tmp/$1.rc"; echo "$v"; }
err() { local t=; IFS= read -r -d '' t < "$tmp/$1.err"; printf '%s' "${t//$'\n'/|}"; }
# one_line NAME: stderr is exactly one line
one_line() { local -a l; mapfile -t l < "$tmp/$1.err"; [ ${#l[@]} -eq 1 ]; }
# nobody ARGS...: xpoctl as an unprivileged user with no capabilities
nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
		--bounding-set=-all "$X" "$@"
}

# Driver missing ---------------------------------------------------------------
sim_load
run nodrv cage show
check_eq "without the driver, cage show exits 4" 4 "$(rc nodrv)"
check "... and says why and how to fix it" \
	grep -qE 'not (installed|loaded).*|hint: .*(modprobe|install)' "$tmp/nodrv.err"
run nodrv_status -j driver status
check_eq "driver status exits 4" 4 "$(rc nodrv_status)"
check "driver status -j is valid JSON saying the family is missing" \
	jq -e '.driver.family == false and (.driver.reason | length > 0)' "$tmp/nodrv_status.out"

core_load
wait_all ready 60 || die "cages not ready: $(all_states)"
run status driver status
check_eq "driver status with the driver loaded exits 0" 0 "$(rc status)"
check "driver status: loaded, family registered" \
	sh -c "grep -q 'state: *loaded' $tmp/status.out && grep -q 'family \"xpo\" registered' $tmp/status.out"

# cage show -j against the emulator -----------------------------------------------
run cj -j cage show
check_eq "cage show -j exits 0" 0 "$(rc cj)"
check "cage show -j is valid JSON" jq -e . "$tmp/cj.out"
check_eq "cage show -j lists 16 cages" 16 "$(jq '.cages | length' "$tmp/cj.out")"
run cjp -j -p cage show
# the live values move with the emulator's thermal model between two reads
LIVE='del(.cages[] | .temperature_c, .engine_temperatures_c, .supply_voltage_v,
	.coolant_inlet_c, .coolant_outlet_c, .coolant_flow_ml_min, .power_draw_w,
	.module_flags, .telemetry_flags)'
check "cage show -j -p is valid JSON, equal to -j but for the live values" \
	sh -c "[ \"\$(jq -S '$LIVE' $tmp/cj.out)\" = \"\$(jq -S '$LIVE' $tmp/cjp.out)\" ]"
bad=""
for c in $(seq 0 $((NCAGES - 1))); do
	want="ready $(sim_info "$c" vendor)|$(sim_info "$c" part_number)|$(sim_info "$c" serial)|$(sim_info "$c" revision)|$(sim_info "$c" date_code)|$(sim_info "$c" cmis_revision)|$(sim_info "$c" fw_active)|$(sim_info "$c" fw_inactive)|$(sim_info "$c" banks)|$(sim_info "$c" vendor_oui | tr 'A-F' 'a-f')"
	got=$(jq -r --argjson c "$c" '.cages[] | select(.cage == $c) |
		"\(.state) \(.vendor)|\(.part_number)|\(.serial_number)|\(.revision)|\(.date_code)|\(.cmis_revision)|\(.firmware_active)|\(.firmware_inactive)|\(.banks)|\(.vendor_oui)"' "$tmp/cj.out")
	[ "$want" = "$got" ] || bad="$bad cage $c: want '$want' got '$got';"
done
check_eq "cage show -j: state and identity of every cage equal the emulator's" "" "$bad"

# the kernel's own YNL client, from the spec alone, sees what xpoctl shows
KSRC=/usr/src/linux-source-6.12
ynl() {
	python3 "$KSRC/tools/net/ynl/cli.py" --spec Documentation/netlink/specs/xpo.yaml \
		--no-schema --output-json "$@"
}
if [ -f "$KSRC/tools/net/ynl/cli.py" ]; then
	ynl --dump cage-get > "$tmp/ynl.json" 2>/dev/null
	# right after: the modules are still warming up (thermal model)
	run cj2 -j cage show
	want=$(jq -r '.[] | "\(.id) \(.state) \(.serial) \(."power-draw") \(."coolant-flow") \(."power-policy") \(.app | length) \(.protect.leak) \(.protect."flow-low") \(.protect.overtemp)"' "$tmp/ynl.json")
	got=$(jq -r '.cages[] | "\(.cage) \(.state) \(.serial_number) \(.power_draw_w * 1000 | round) \(.coolant_flow_ml_min) \(.power_mode_policy) \(.applications | length) \(.protection.leak) \(.protection.flow_low) \(.protection.overtemp)"' "$tmp/cj2.out")
	check_eq "YNL's cage-get dump and xpoctl -j cage show agree on every cage" "$want" "$got"
	# temperatures: two reads of a moving thermal model (a TCG guest on a
	# loaded host takes seconds between them), 1 C apart at most
	far=$(paste <(jq -r '.[] | ."module-temp"' "$tmp/ynl.json") \
		    <(jq -r '.cages[] | .temperature_c * 1000 | round' "$tmp/cj2.out") |
		awk '{ d = $1 - $2; if (d < 0) d = -d; if (d > 1000) { n++; print "# " $1 " vs " $2 > "/dev/stderr" } } END { print n + 0 }')
	check_eq "YNL and xpoctl agree on the case temperatures (1 C)" 0 "$far"
	ynl --do eeprom-read --json '{"id": 6, "bank": 3, "page": 16, "offset": 128, "length": 128}' \
		> "$tmp/ynl-ee.json" 2>/dev/null
	run e6 -j module eeprom 6 page 0x10 bank 3
	check_eq "YNL's eeprom-read and xpoctl module eeprom read the same bytes" \
		"$(jq -r '.data' "$tmp/ynl-ee.json")" \
		"$(jq -r '.data | map(. as $b | [$b / 16 | floor, $b % 16] | map("0123456789abcdef"[.:. + 1]) | join("")) | join("")' "$tmp/e6.out")"
else
	not_ok "no YNL client in $KSRC"
fi

# the XPO telemetry page B0h: power draw (10 mW) and coolant inlet (1/256 C)
b0=($(sim_mem 0 "page b0h bank 0"))
draw_w=$(( (16#${b0[2]} * 256 + 16#${b0[3]}) * 10 ))
inlet_mc=$(( (16#${b0[4]} * 256 + 16#${b0[5]}) * 1000 / 256 ))
check_eq "cage 0 power draw equals the telemetry page's" "$draw_w" \
	"$(jq '.cages[0].power_draw_w * 1000 | round' "$tmp/cj.out")"
check_eq "cage 0 coolant inlet equals the telemetry page's" "$inlet_mc" \
	"$(jq '.cages[0].coolant_inlet_c * 1000 | round' "$tmp/cj.out")"

# text output against golden files --------------------------------------------
# Only the live measurements (they move with the emulator's thermal model
# between two reads) are masked, "#"; each is then checked as a number
# against cage show -j, itself checked against the emulator and YNL above.
# Static numbers (max power, budget, thresholds, versions) stay in the
# golden.  Runs of blanks become one (the unit tests check alignment).
mask() {
	sed -E '/^ *(power draw|temperature|engine temps|supply voltage|coolant inlet|coolant outlet|coolant flow):/ s/-?[0-9]+\.[0-9]+/#/g;
		/flags:/ s/[0-9a-f]{2}/##/g' |
	awk '$1 ~ /^[0-9]+$/ && NF >= 6 { if ($4 ~ /^-?[0-9.]+$/) $4 = "#"; if ($5 ~ /^[0-9.]+$/) $5 = "#" } { print }' |
	tr -s ' '
}
# golden NAME FILE.  The guest cannot write the source tree: with
# XPOCTL_UPDATE_GOLDEN=1 the output is printed between "=== golden NAME"
# and "=== end" lines, for the host to cut into $GOLDEN/NAME and review.
golden() {
	if [ "${XPOCTL_UPDATE_GOLDEN:-0}" = 1 ]; then
		echo "=== golden $1"
		cat "$2"
		echo "=== end"
	fi
	diff -u "$GOLDEN/$1" "$2"
}
run ctj -j cage show
run ct cage show
mask < "$tmp/ct.out" > "$tmp/ct.masked"
check "cage show (text) matches its golden file" golden cage-show.txt "$tmp/ct.masked"
check_eq "cage show fits an 80-column console" "" "$(awk 'length > 80' "$tmp/ct.out")"
# -o: columns by name, as lsblk -o (libsmartcols)
run co -o cage,serial,power cage show
check_eq "cage show -o cage,serial,power: those columns, every cage's serial" \
	"$({ echo "CAGE SERIAL POWER W"; jq -r '.cages[] | "\(.cage) \(.serial_number)"' "$tmp/ctj.out"; } | tr '\n' '|')" \
	"$(awk 'NR == 1 { print $1, $2, $3, $4; next } { print $1, $2 }' "$tmp/co.out" | tr '\n' '|')"
# sfputil's presence and fwversion views: the emulator's firmware images
run cofw -o cage,present,firmware,inactive cage show
check_eq "cage show -o cage,present,firmware,inactive: cage 3's images, as the emulator's" \
	"3 yes $(sim_info 3 fw_active) $(sim_info 3 fw_inactive)" \
	"$(awk '$1 == 3' "$tmp/cofw.out" | xargs)"
run cobad -o cage,frob cage show
check "cage show -o frob: a usage error (exit 2) naming the columns" \
	sh -c "[ $(cat "$tmp/cobad.rc") -eq 2 ] && grep -q 'no column \"frob\"; columns: CAGE,STATE' $tmp/cobad.err"
# the masked numbers: TEMP C within 1 C of cage show -j, FLOW L/MIN its mL/min / 1000
far=$(paste <(awk '$1 ~ /^[0-9]+$/ { print $4, $5 }' "$tmp/ct.out") \
	    <(jq -r '.cages[] | "\(.temperature_c) \(.coolant_flow_ml_min)"' "$tmp/ctj.out") |
	awk '{ dt = $1 - $3; if (dt < 0) dt = -dt; df = $2 * 1000 - $4; if (df < 0) df = -df
	       if (dt > 1 || df > 0.05 * $4 + 10) { n++; print "# " $0 > "/dev/stderr" } } END { print n + 0 }')
check_eq "cage show: every cage's TEMP C and FLOW L/MIN are cage show -j's" 0 "$far"
run c3j -j cage show 3
run c3 cage show 3
# what the core makes of the DR8's applications (xpo_app.c): its reach,
# architecture, AppSel and rate each, and the breakouts they allow
check "cage show -j 3: DR8 is retimed, reach DR, 4 breakouts of the cage" \
	jq -e '.cages[0] | .interface_arch == "retimed" and .reach_profiles == ["dr"] and
		([.breakout_modes[] | "\(.ports)x\(.lanes)x\(.speed_mbps)"] ==
		 ["8x8x1600000", "16x4x800000", "32x2x400000", "64x1x200000"])' "$tmp/c3j.out"
check "cage show -j 3: AppSel 1-4 at 1.6T, 800G, 400G, 200G, DR, retimed" \
	jq -e '[.cages[0].applications[] | "\(.appsel) \(.speed_mbps) \(.reach) \(.interface_arch)"] ==
		["1 1600000 dr retimed", "2 800000 dr retimed", "3 400000 dr retimed", "4 200000 dr retimed"]' \
	"$tmp/c3j.out"
mask < "$tmp/c3.out" > "$tmp/c3.masked"
check "cage show 3 (text) matches its golden file" golden cage-show-3.txt "$tmp/c3.masked"
# the masked numbers of the detail, against -j (read just before)
detail() { sed -n "s/^ *$1: *\(-\?[0-9.]*\).*/\1/p" "$tmp/c3.out"; }
c3far=""
for kv in "power draw:power_draw_w:5" "temperature:temperature_c:1" \
	  "supply voltage:supply_voltage_v:0.05" "coolant inlet:coolant_inlet_c:1" \
	  "coolant outlet:coolant_outlet_c:1" "coolant flow:(.coolant_flow_ml_min / 1000):0.05"; do
	IFS=: read -r label key tol <<< "$kv"
	case $key in "("*) ;; *) key=".$key" ;; esac
	a=$(detail "$label") b=$(jq -r ".cages[0] | $key" "$tmp/c3j.out")
	awk -v a="$a" -v b="$b" -v t="$tol" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(a != "" && d <= t) }' ||
		c3far="$c3far $label($a vs $b)"
done
check_eq "cage show 3: the live numbers are cage show -j's" "" "$c3far"
run abbrev c s 3
# the live numbers may move between the two reads: compare them masked
mask < "$tmp/abbrev.out" > "$tmp/abbrev.masked"
check "\"c s 3\" is \"cage show 3\"" cmp -s "$tmp/c3.masked" "$tmp/abbrev.masked"

# bash completion: cage numbers from the live driver, commands from the help
# complete_words WORD...: what the completion offers for the last word
complete_words() {
	bash -c 'PATH=tools/xpoctl:$PATH; . tools/xpoctl/bash-completion/xpoctl
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _xpoctl
		echo "${COMPREPLY[*]}"' complete "$@"
}
check_eq "completion of \"xpoctl c s \" offers the 16 live cages" \
	"$(seq -s ' ' 0 15)" "$(complete_words xpoctl c s "")"
check_eq "completion of \"xpoctl cage \" offers its commands" "show set rearm lanes help" \
	"$(complete_words xpoctl cage "")"
check_eq "completion of \"xpoctl c se 3 power-mode \"" "high auto" \
	"$(complete_words xpoctl c se 3 power-mode "")"
check_eq "completion of \"xpoctl c se 3 protect \"" "leak flow-low overtemp" \
	"$(complete_words xpoctl c se 3 protect "")"
check_eq "completion of \"xpoctl c se 3 protect leak \"" "off alert low-power power-off" \
	"$(complete_words xpoctl c se 3 protect leak "")"
# "help <TAB>" offered "}" (the usage line's last word): now the objects
check_eq "completion of \"xpoctl help \" offers the objects" \
	"cage module sensor monitor driver port reach fw" "$(complete_words xpoctl help "")"
check_eq "completion of \"xpoctl help cage \" offers nothing" "" \
	"$(complete_words xpoctl help cage "")"

# module show: the decoder over eeprom-read ----------------------------------
run m0 -j -d module show 0
check_eq "module show -j -d 0 exits 0" 0 "$(rc m0)"
check "module show 0: XPO, 8 banks, 64 lanes, 4 applications, 8 engines" \
	jq -e '.modules[0].module | .identifier == 38 and .banks == 8 and
		(.lanes | length) == 64 and (.applications | length) == 4 and
		(.xpo.engine_temperatures_c | length) == 8' "$tmp/m0.out"
check_eq "module show 0: serial equals the emulator's" "$(sim_info 0 serial)" \
	"$(jq -r '.modules[0].module.serial_number' "$tmp/m0.out")"
check_eq "module show 0: power draw equals the telemetry page's" "$draw_w" \
	"$(jq '.modules[0].module.xpo.power_draw_w * 1000 | round' "$tmp/m0.out")"
run mall module show
check_eq "module show (all cages) exits 0" 0 "$(rc mall)"
check_eq "module show (all cages) decodes 16 modules" 16 "$(grep -c '^cage [0-9]*:' "$tmp/mall.out")"

set_personality 3 osfp
wait_state 3 ready 20 || not_ok "osfp module in cage 3 not ready"
ip link set xpo3p0 up
sleep 2
run m3 -j -d module show 3
lanes_ok=$(jq -r '[.modules[0].module.lanes[] | select(.bank == 0) | .data_path_state] | unique | join(",")' "$tmp/m3.out")
check "module show 3 (osfp): OSFP, 4 banks, 32 lanes" \
	jq -e '.modules[0].module | .identifier == 25 and .banks == 4 and (.lanes | length) == 32' "$tmp/m3.out"
check_eq "module show 3: bank 0's lanes activated with the port up" activated "$lanes_ok"
# 4 banks: breakouts of a bank, none of the whole 64-lane cage
run c3o -j cage show 3
check "cage show -j 3 (osfp): retimed, reach DR, no whole-cage breakout" \
	jq -e '.cages[0] | .interface_arch == "retimed" and .reach_profiles == ["dr"] and
		(has("breakout_modes") | not) and (.applications | length) == 3' "$tmp/c3o.out"
# lane 0 Tx bias (2 uA units, multiplier from 01h:160) from the emulator
p11=($(sim_mem 3 "page 11h bank 0"))
p01=($(sim_mem 3 "page 01h"))
mul=$(( 1 << ((16#${p01[32]} >> 3) & 3) ))
bias_ua=$(( (16#${p11[42]} * 256 + 16#${p11[43]}) * 2 * mul ))
# the bias follows the module's temperature (thermal model): two reads 2% apart
got_ua=$(jq '.modules[0].module.lanes[0].tx_bias_ua' "$tmp/m3.out")
check "module show 3: lane 0 Tx bias $got_ua uA is the emulator's $bias_ua uA (2%)" \
	test $(( (got_ua - bias_ua) * 50 )) -le "$bias_ua" -a $(( (bias_ua - got_ua) * 50 )) -le "$bias_ua"
ip link set xpo3p0 down

# One module of each optics family in cages 4-9: what the kernel makes of
# its applications (xpo_app.c) through xpoctl, then the DR8 back
# personality reach-profiles architecture breakouts (ports x lanes x Mb/s)
families="xpo-sr8 sr retimed 8x8x800000
xpo-fr4 fr retimed 16x4x800000
xpo-lr4 lr retimed 16x4x800000
xpo-zr zr,zr-plus retimed 16x4x800000,32x2x400000
xpo-lpo dr linear 8x8x800000,16x4x400000
xpo-lro dr half-retimed 8x8x1600000,16x4x800000"
c=4
while read -r pers reach arch modes; do
	set_personality $c "$pers"
	c=$((c + 1))
done <<< "$families"
c=4
while read -r pers reach arch modes; do
	wait_state $c ready 20 || not_ok "$pers module in cage $c not ready"
	run fam -j cage show $c
	got=$(jq -r '.cages[0] | "\(.reach_profiles | join(",")) \(.interface_arch) \([.breakout_modes[] | "\(.ports)x\(.lanes)x\(.speed_mbps)"] | join(","))"' "$tmp/fam.out")
	check_eq "cage show -j $c ($pers): reach, architecture, breakouts" "$reach $arch $modes" "$got"
	c=$((c + 1))
done <<< "$families"
run famt cage show 9
check "cage show 9 (text): half-retimed, reach DR, 8x1.6T and 16x800G" \
	grep -qzE 'interface: +half-retimed.*reach profiles: +DR.*breakout modes: +8x1.6T, 16x800G' "$tmp/famt.out"
for c in 4 5 6 7 8 9; do set_personality $c xpo-dr8; done
for c in 4 5 6 7 8 9; do wait_state $c ready 20 || not_ok "cage $c not ready again as xpo-dr8"; done

# module eeprom against the emulator's memory (pages without latched flags)
hexline() { jq -r '.data | map(. as $b | "0123456789abcdef" | .[($b / 16 | floor):($b / 16 | floor) + 1] + .[($b % 16):($b % 16) + 1]) | join(" ")' "$1"; }
run e10 -j module eeprom 0 page 0x10 bank 7
check_eq "module eeprom 0 page 0x10 bank 7 equals the emulator's" \
	"$(sim_mem 0 "page 10h bank 7")" "$(hexline "$tmp/e10.out")"
run e01 -j module eeprom 0 page 1
check_eq "module eeprom 0 page 1 equals the emulator's" \
	"$(sim_mem 0 "page 01h")" "$(hexline "$tmp/e01.out")"
run ehex module eeprom 0 offset 0 length 256
check_eq "module eeprom: 256 bytes over lower memory and page 00h, 16 lines" 16 \
	"$(grep -c '^0x0' "$tmp/ehex.out")"
run eraw module eeprom 0 page 0 offset 128 length 16 raw
check_eq "module eeprom raw: 16 bytes" 16 "$(wc -c < "$tmp/eraw.out")"

# bad input: one line on stderr, documented exit codes ------------------------
run b8 module eeprom 0 page 0x11 bank 8
check "bank 8: exit 1, the kernel's message naming the attribute" \
	sh -c "[ $(rc b8) = 1 ] && grep -q 'attribute bank' $tmp/b8.err"
check "bank 8: one line" one_line b8
# usage_error PREFIX ARGS...: xpoctl ARGS is refused as bad usage (exit 2)
# with a one-line message
usage_error() {
	local prefix=$1 name
	shift
	name=${prefix}_$(echo "$*" | tr ' /' __)
	run "$name" "$@"
	if [ "$(rc "$name")" = 2 ] && one_line "$name"; then
		ok "\"xpoctl $*\": exit 2, one line: $(err "$name")"
	else
		not_ok "\"xpoctl $*\": exit $(rc "$name"): $(err "$name")"
	fi
}
for args in "cage show 256" "cage show x" "cage show x/3" "cage show 1/" \
	"module eeprom 256/0" "module dump /3" "cage lanes 0/256" "frob" "cage frob" \
	"cage set 3 power-mode low" "cage set 3" "module eeprom 0 offset 200 length 100" \
	"-Z cage show" \
	"cage set 3 r" "c se all r" "cage set 3 res" "c r 3" "cage set 3 pow high" \
	"cage set 3 power of" "cage set 3 protect leak power" \
	"-d cage set 3 reset" "-s module show 0" "-t cage show" \
	"--dry-run module eeprom 0" "cage set 3,256 reset" "cage set 1/ reset"; do
	# shellcheck disable=SC2086
	usage_error bad $args
done
check "\"cage set 3 r\": the refusal names reset and rearm" \
	grep -q 'write out reset, rearm' "$tmp/bad_cage_set_3_r.err"
# a well-formed cage the kernel does not have is the kernel's answer: its
# "No such cage" (extack), exit 1, one line; the range is not xpoctl's
for args in "cage show 16" "cage show 1/0" "cage lanes 16" "module show 16" \
	"module eeprom 99" "module dump 1/3"; do
	# the 6.1 netlink core drops the extack of a dump's start
	# (eeprom-dump): the errno is all there is (netlink.sh)
	want="No such cage"
	case $(uname -r)/$args in
	6.1.*/"module dump "*) want="No such device" ;;
	esac
	# shellcheck disable=SC2086
	run nosuch $args
	if [ "$(rc nosuch)" = 1 ] && one_line nosuch &&
	   grep -q "cage ${args##* }.*: $want" "$tmp/nosuch.err"; then
		ok "\"xpoctl $args\": exit 1, the kernel's $want: $(err nosuch)"
	else
		not_ok "\"xpoctl $args\": exit $(rc nosuch): $(err nosuch)"
	fi
done

# --dry-run: validated, all resolved, one line a cage, nothing changed
run dry16 --dry-run cage set all reset power-mode auto
check_eq "--dry-run cage set all ... exits 0" 0 "$(rc dry16)"
check_eq "... one line for each of the 16 cages" \
	"$(for c in $(seq 0 15); do echo "cage $c: would power-mode auto, reset"; done)" \
	"$(cat "$tmp/dry16.out")"
check_eq "... and changed nothing" "high ready" \
	"$("$X" -j cage show 3 | jq -r '.cages[0] | "\(.power_mode_policy) \(.state)"')"
run ni fw show
check "fw show: exit 1, not implemented yet" \
	sh -c "[ $(rc ni) = 1 ] && grep -q 'not implemented yet' $tmp/ni.err"

# cage set -------------------------------------------------------------------------
run set_auto cage set 3 power-mode auto
check_eq "cage set 3 power-mode auto exits 0" 0 "$(rc set_auto)"
run s3 -j cage show 3
check_eq "cage 3: policy auto, in low power with its ports down" "auto low-power" \
	"$(jq -r '.cages[0] | "\(.power_mode_policy) \(.state)"' "$tmp/s3.out")"
run set_high cage set 2,3 power-mode high
check_eq "cage set 2,3 power-mode high exits 0" 0 "$(rc set_high)"
wait_state 3 ready 20
check_eq "cage 3 back to ready" ready "$(cage_state 3)"
sim_set 4 present 0
wait_state 4 empty 10
run partial cage set 3,4 reset
check_eq "cage set 3,4 reset with cage 4 empty: partial success, exit 3" 3 "$(rc partial)"
check "... naming the cage that failed" grep -q 'cage 4' "$tmp/partial.err"
run allfail cage set 4 reset
check_eq "cage set 4 reset on the empty cage alone: exit 1" 1 "$(rc allfail)"
sim_set 4 present 1
wait_state 4 ready 20

# protection ----------------------------------------------------------------------
# ppolicy CAGE COND: the action the core has for COND (its debugfs state,
# not xpoctl, which is under test)
ppolicy() { cage_field "$1" protection_policy | tr ' ' '\n' | sed -n "s/^$2=//p"; }
# plimit CAGE NAME: the core's host limit flow-min or temp-max
plimit() { cage_field "$1" protection_limits | tr ' ' '\n' | sed -n "s/^$2=//p"; }
run p0 -j cage show 0
check_eq "cage show -j: the default protection, armed" \
	"power-off low-power low-power false" \
	"$(jq -r '.cages[0].protection | "\(.leak) \(.flow_low) \(.overtemp) \(.tripped)"' "$tmp/p0.out")"
check "cage show -j: engine temperatures and supply voltage of cage 0" \
	jq -e '.cages[0] | (.engine_temperatures_c | length) > 0 and .supply_voltage_v > 3' "$tmp/p0.out"
run pset cage set 9 protect overtemp alert leak low-power
check_eq "cage set 9 protect overtemp alert leak low-power exits 0" 0 "$(rc pset)"
check_eq "... and reaches the core" "alert low-power" \
	"$(ppolicy 9 overtemp) $(ppolicy 9 leak)"
run p9 -j cage show 9
check_eq "... and cage show reports it" "low-power low-power alert" \
	"$(jq -r '.cages[0].protection | "\(.leak) \(.flow_low) \(.overtemp)"' "$tmp/p9.out")"
for args in "cage set 9 protect" "cage set 9 protect leak explode" \
	"cage set 9 protect fire off" "cage set 9 flow-min lots" \
	"cage set 9 temp-max 10" "cage rearm" "cage rearm 9 10"; do
	# shellcheck disable=SC2086
	usage_error pbad $args
done
run prearm0 cage rearm 9
check_eq "cage rearm with nothing tripped exits 0" 0 "$(rc prearm0)"
run plim cage set 9 flow-min 300 temp-max 70.5
check_eq "cage set 9 flow-min 300 temp-max 70.5 exits 0" 0 "$(rc plim)"
check_eq "... and reaches the core" "300 70500" \
	"$(plimit 9 flow-min) $(plimit 9 temp-max)"
run plimt cage show 9
check "... and cage show 9 shows both" \
	sh -c "grep -qE '^ *flow-min: +0.300 L/min$' $tmp/plimt.out &&
	       grep -qE '^ *temp-max: +70.50 C$' $tmp/plimt.out"
run plimj -j cage show 9
check_eq "... and in JSON" "300 70.5" \
	"$(jq -r '.cages[0].protection | "\(.flow_min_ml_min) \(.temp_max_c)"' "$tmp/plimj.out")"
run plim0 cage set 9 flow-min 0 temp-max 0
run plim0j -j cage show 9
check_eq "0 removes them: null in JSON" "null null" \
	"$(jq -r '.cages[0].protection | "\(.flow_min_ml_min) \(.temp_max_c)"' "$tmp/plim0j.out")"

# -t: a "timestamp" key with the UTC offset; .cage stays the number
"$X" -j -t monitor > "$tmp/pmon.json" 2> "$tmp/pmon.err" &
pmonj=$!
"$X" monitor > "$tmp/pmon.txt" 2> "$tmp/pmont.err" &
pmont=$!
check "the monitors joined their groups" monitor_joined "$pmonj" "$pmont"
sim_set 12 leak 1
for i in $(seq 100); do [ "$(cage_field 12 protection)" = "tripped leak power-off" ] && break; sleep 0.05; done
run ptrip cage show 12
check "cage show 12: tripped by the leak, and since when" \
	grep -qE '^ *protection: +TRIPPED leak: power-off, [0-9.]+ s ago$' "$tmp/ptrip.out"
run ptable cage show
check "cage show: the table's notes say the trip, the module is there" \
	grep -qE '^ *12 +powered-off +\(present\) .*TRIPPED leak$' "$tmp/ptable.out"
run ptripj -j cage show 12
check "cage show -j 12: tripped, reason, action, age, alarms seen" \
	jq -e '.cages[0].protection | .tripped and .reason == "leak" and
		.action == "power-off" and .tripped_ago_s >= 0 and .alarms_seen == ["leak"]' \
	"$tmp/ptripj.out"
run pbusy cage rearm 12
check_eq "cage rearm while the leak is there: exit 1" 1 "$(rc pbusy)"
check "... with the kernel's reason, on one line" \
	sh -c "grep -q 'leak is still detected' $tmp/pbusy.err && [ \$(wc -l < $tmp/pbusy.err) -eq 1 ]"
check_eq "... and the cage stays off" powered-off "$(cage_state 12)"
nobody cage rearm 12 > /dev/null 2>&1
check_eq "cage rearm without CAP_NET_ADMIN: exit 5" 5 $?
sim_set 12 leak 0
run prearm cage set 12 rearm
check_eq "leak gone: cage set 12 rearm exits 0" 0 "$(rc prearm)"
check "re-armed: ready again" wait_state 12 ready 30
sleep 0.5
kill "$pmonj" "$pmont" 2>/dev/null
wait "$pmonj" "$pmont" 2>/dev/null
check_eq "monitor -j: alarm, protect and rearm of cage 12" \
	"alarm:leak:- protect:leak:power-off rearm:-:-" \
	"$(jq -r 'select(.cage == 12 and (.event == "alarm" or .event == "protect" or .event == "rearm")) | "\(.event):\(.event_condition // "-"):\(.event_action // "-")"' \
		"$tmp/pmon.json" | tr '\n' ' ' | sed 's/ $//')"
check "monitor: the protect line" grep -q '^cage 12: protect leak -> power-off (state powered-off) seq [0-9]*$' "$tmp/pmon.txt"
check "monitor: the alarm and rearm lines" \
	sh -c "grep -q '^cage 12: alarm leak (state ' $tmp/pmon.txt && grep -q '^cage 12: rearm (state ' $tmp/pmon.txt"
check "monitor: no lost events" sh -c "! grep -q lost $tmp/pmon.err $tmp/pmont.err"
"$X" cage set 9 protect leak low-power overtemp low-power >/dev/null

# permissions ---------------------------------------------------------------------
nobody -j cage show > "$tmp/nb.out" 2> "$tmp/nb.err"
check_eq "without CAP_NET_ADMIN cage show works" 0 $?
check "... and gives the same cages" jq -e '.cages | length == 16' "$tmp/nb.out"
# module show reads raw module memory (eeprom-read): admin only, as ethtool -m
nobody module show 0 > "$tmp/nbm.out" 2> "$tmp/nbm.err"
check_eq "without CAP_NET_ADMIN module show is refused: exit 5" 5 $?
check "... with EPERM" grep -q "Operation not permitted" "$tmp/nbm.err"
nobody cage set 3 power-mode auto > "$tmp/nbs.out" 2> "$tmp/nbs.err"
check_eq "without CAP_NET_ADMIN cage set exits 5" 5 $?
check "... saying CAP_NET_ADMIN is needed" grep -q CAP_NET_ADMIN "$tmp/nbs.err"
check_eq "... and the policy did not change" high \
	"$("$X" -j cage show 3 | jq -r '.cages[0].power_mode_policy')"

# monitor: a burst of 16 removals and 16 insertions --------------------------
uevents_start
"$X" -j monitor > "$tmp/mon.json" 2> "$tmp/mon.err" &
monj=$!
"$X" -t monitor > "$tmp/mon.txt" 2> "$tmp/mont.err" &
mont=$!
check "the burst monitors joined their groups" monitor_joined "$monj" "$mont"
for c in $(seq 0 $((NCAGES - 1))); do sim_set "$c" present 0; done
wait_all empty 30 || not_ok "all cages empty: $(all_states)"
for c in $(seq 0 $((NCAGES - 1))); do sim_set "$c" present 1; done
wait_all ready 90 || not_ok "the burst of 16 insertions: $(all_states)"
sleep 1
uevents_stop
kill "$monj" "$mont" 2>/dev/null
wait "$monj" "$mont" 2>/dev/null
check "monitor -j: every line is a JSON object" jq -e -s 'length > 0 and all(type == "object")' "$tmp/mon.json"
check "monitor: no lost events reported" sh -c "! grep -q lost $tmp/mon.err $tmp/mont.err"
check_eq "monitor text and JSON saw the same number of events" \
	"$(wc -l < "$tmp/mon.json")" "$(wc -l < "$tmp/mon.txt")"
check "monitor -t: every line starts with a timestamp with its UTC offset" \
	sh -c "! grep -vqE '^\[[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+[+-][0-9]{2}:[0-9]{2}\] cage [0-9]+: ' $tmp/mon.txt"
# each source read once for the 16 cages (an exec costs ~0.5 s on the
# debug kernel): "event:state " words per cage, and text lines per cage
declare -A U J T
while read -r c es; do U[$c]+="$es "; done < <(uevents_all)
while read -r c es; do J[$c]+="$es "; done < <(jq -r '"\(.cage) \(.event):\(.state)"' "$tmp/mon.json")
while read -r c; do T[$c]=$((${T[$c]:-0} + 1)); done < \
	<(awk '$2 == "cage" { sub(/:$/, "", $3); print $3 }' "$tmp/mon.txt")
for c in $(seq 0 $((NCAGES - 1))); do
	want=${U[$c]-} got=${J[$c]-} txt=${T[$c]:-0}
	# shellcheck disable=SC2206 # words
	words=($got)
	case "$got" in
	"remove:empty insert:probing "*ready" ") good=1 ;;
	*) good=0 ;;
	esac
	if [ "$want" = "$got" ] && [ $good = 1 ] && [ "$txt" -eq "${#words[@]}" ]; then
		ok "cage $c: monitor events in order, as the uevents: $got"
	else
		not_ok "cage $c: monitor '$got' vs uevents '$want' (text lines $txt)"
	fi
done

# sensor show: libsensors over the cages' hwmon chips -------------------------
if grep -qsx 'xpo' /sys/class/hwmon/hwmon*/name; then
	run sj -j sensor show
	check "sensor show -j is valid JSON from 16 chips" \
		jq -e '[.sensors[].cage] | unique | length == 16' "$tmp/sj.out"
	check "sensor show -j: cage 5's case temperature and coolant flow" \
		jq -e '[.sensors[] | select(.cage == 5)] |
			any(.label == "Module case" and .unit == "C" and .value > 0) and
			any(.unit == "L/min" and .value > 0)' "$tmp/sj.out"
	# the flow in L/min, with the project's sensors.d installed or not:
	# 520 mL/min read 312 dL/h, 312 RPM and, with that file, "52.00 dL/h"
	fml=$("$X" -j cage show 5 | jq '.cages[0].coolant_flow_ml_min')
	near() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(b > 0 && d <= b * 0.05) }'; }
	flow_l() { jq -r '.sensors[] | select(.cage == 5 and .unit == "L/min") | .value' "$1"; }
	check "sensor show -j: the flow in L/min is cage show's mL/min / 1000 ($fml mL/min)" \
		near "$(flow_l "$tmp/sj.out")" "$(awk -v f="$fml" 'BEGIN { print f / 1000 }')"
	if mount -t tmpfs xpoctl-sensors /etc/sensors.d 2>/dev/null; then
		cp contrib/sensors.d/xpo.conf /etc/sensors.d/
		run sjc -j sensor show 5
		run s5c sensor show 5
		check "with contrib/sensors.d/xpo.conf: sensor show -j still reads L/min" \
			near "$(flow_l "$tmp/sjc.out")" "$(awk -v f="$fml" 'BEGIN { print f / 1000 }')"
		check "with contrib/sensors.d/xpo.conf: sensor show prints 'Coolant flow ... L/min'" \
			grep -qE '^ *5 +Coolant flow +[0-9]+\.[0-9]{2} L/min ' "$tmp/s5c.out"
		if command -v sensors > /dev/null; then
			check "with contrib/sensors.d/xpo.conf: sensors(1) reads mL/min" \
				near "$(sensors -j xpo-isa-0005 | jq '."xpo-isa-0005"."Coolant flow [mL/min]".fan1_input')" "$fml"
		fi
		umount /etc/sensors.d
	else
		not_ok "could not mount a tmpfs on /etc/sensors.d"
	fi
	run s5 sensor show 5
	check_eq "sensor show 5 exits 0" 0 "$(rc s5)"
	check "sensor show 5: only cage 5, labelled" \
		sh -c "awk 'NR > 1 { print \$1 }' $tmp/s5.out | sort -u | grep -qx 5 &&
		       grep -q 'Coolant inlet' $tmp/s5.out"
else
	run sn sensor show
	check_eq "sensor show without xpo hwmon chips exits 1" 1 "$(rc sn)"
	check "... saying no xpo hwmon chip was found" grep -q 'no xpo hwmon chips' "$tmp/sn.err"
fi

# alert-only protection: every excursion is an alarm (issue 10, finding 4) ------
# Three separate overheats of cage 7 with overtemp=alert: three alarm events
# (the monitor's, counted and checked), the module left running throughout.
"$X" -j monitor --timeout 120 > "$tmp/amon.json" 2> "$tmp/amon.err" &
amon=$!
check "the alert monitor joined its groups" monitor_joined "$amon"
run aset cage set 7 protect overtemp alert
check_eq "cage set 7 protect overtemp alert: exit 0" 0 "$(rc aset)"
# alarms N: the overtemp alarms of cage 7 the monitor printed so far
alarms() {
	jq -s '[.[] | select(.cage == 7 and .event == "alarm" and
		.event_condition == "overtemp")] | length' "$tmp/amon.json"
}
for n in 1 2 3; do
	sim_set 7 coolant_inlet_mdegc 75000
	for i in $(seq 100); do [ "$(alarms)" -ge $n ] && break; sleep 0.1; done
	sim_set 7 coolant_inlet_mdegc 25000
	# cool for long enough that the watch sees the condition over
	sleep 2
done
kill "$amon" 2>/dev/null
wait "$amon" 2>/dev/null
check_eq "overtemp=alert: three excursions, three alarm events" 3 "$(alarms)"
check "... each an alarm of cage 7's overtemp, no action, with the state" \
	jq -e -s '[.[] | select(.cage == 7 and .event == "alarm")] |
		all(.event_condition == "overtemp" and .event_action == null and
		    .state == "ready")' "$tmp/amon.json"
check_eq "... and no protect event (alert only)" 0 \
	"$(jq -s '[.[] | select(.cage == 7 and .event == "protect")] | length' "$tmp/amon.json")"
check_eq "... the module kept running" ready "$(cage_state 7)"
"$X" cage set 7 protect overtemp low-power > /dev/null

# monitor --count and --timeout ---------------------------------------------------
run mto monitor --timeout 1
check_eq "monitor --timeout 1 without events: exit 0" 0 "$(rc mto)"
run mtoc monitor --count 5 --timeout 1
check_eq "monitor --count 5 --timeout 1, no events: exit 1" 1 "$(rc mtoc)"
"$X" -j monitor --count 1 --timeout 30 > "$tmp/mc.json" 2> "$tmp/mc.err" &
mc=$!
check "the --count monitor joined its groups" monitor_joined "$mc"
sim_set 2 present 0
wait "$mc"
check_eq "monitor --count 1: exits 0 after one event" 0 $?
check_eq "... having printed exactly one" 1 "$(wc -l < "$tmp/mc.json")"
sim_set 2 present 1
wait_state 2 ready 30 || not_ok "cage 2 back: $(cage_state 2)"

# monitor across a driver reload (issue 10, finding 3) ----------------------------
"$X" -j monitor --timeout 180 > "$tmp/rmon.json" 2> "$tmp/rmon.err" &
rmon=$!
check "the reload monitor joined its groups" monitor_joined "$rmon"
check "reload: rmmod xpo" rmmod xpo
sleep 0.5
core_load
wait_all ready 90 || not_ok "reload: cages ready: $(all_states)"
sleep 0.5
sim_set 3 present 0
wait_state 3 empty 30 || not_ok "reload: cage 3 empty: $(cage_state 3)"
sleep 0.5
kill "$rmon" 2>/dev/null
wait "$rmon" 2>/dev/null
check "monitor: one line when the family went away" \
	sh -c "[ \$(grep -c 'the xpo family went away' $tmp/rmon.err) -eq 1 ]"
check "monitor: one line when it came back" \
	sh -c "[ \$(grep -c 'the xpo family is back; listening again' $tmp/rmon.err) -eq 1 ]"
check "monitor: after the reload, cage 3's removal" \
	jq -e -s 'any(.[]; .cage == 3 and .event == "remove" and .state == "empty")' \
	"$tmp/rmon.json"
check "monitor: no lost events across the reload" sh -c "! grep -q lost $tmp/rmon.err"
sim_set 3 present 1
wait_state 3 ready 30 || not_ok "cage 3 back: $(cage_state 3)"

# port split and port unsplit (breakout) of cage 2 ---------------------------------
# pnames: cage 2's port netdevs, sorted, on one line
pnames() {
	local d
	for d in /sys/class/net/xpo2p[0-9]*; do
		[ -e "$d" ] && echo "${d##*/}"
	done | sort -V | xargs
}
def2="xpo2p0 xpo2p1 xpo2p2 xpo2p3 xpo2p4 xpo2p5 xpo2p6 xpo2p7"
check_eq "cage 2: one netdev per front-panel port" "$def2" "$(pnames)"
"$X" -j monitor > "$tmp/smon.json" 2> "$tmp/smon.err" &
smon=$!
check "breakout: the monitor joined its groups" monitor_joined "$smon"
run psd port split 2 16x800G --dry-run
check_eq "port split 2 16x800G --dry-run exits 0" 0 "$(rc psd)"
check_eq "... the plan as a table: NAME LANES SPEED APPSEL, 16 ports of 4 lanes at 800G, the dry-run line" \
	"NAME LANES SPEED APPSEL|xpo2p0s0 0-3 800G|xpo2p7s1 60-63 800G|16|(dry run: nothing changed)" \
	"$(head -1 "$tmp/psd.out" | xargs)|$(sed -n 2p "$tmp/psd.out" | awk '{ print $1, $2, $3 }')|$(sed -n 17p "$tmp/psd.out" | awk '{ print $1, $2, $3 }')|$(grep -c '^xpo2p.s.  *[0-9-]*  *800G  *[0-9][0-9]*$' "$tmp/psd.out")|$(tail -1 "$tmp/psd.out")"
check_eq "... and nothing changed" "$def2" "$(pnames)"
run psdj -j port split 2 16x800G --dry-run
check "-j: operation, mode, dry_run and 16 ports of 4 lanes at 800000 Mb/s, each with an AppSel" \
	jq -e '.cage == 2 and .board == 0 and .operation == "split" and .mode == "16x800G" and .dry_run and
		(.plan | length) == 16 and all(.plan[]; .lane_count == 4 and .speed_mbps == 800000 and .appsel > 0) and
		.plan[0].netdev == "xpo2p0s0" and .plan[15].netdev == "xpo2p7s1" and .plan[15].lane_first == 60' \
	"$tmp/psdj.out"
run psn -j --dry-run port split 2 32x400G
check "--dry-run before the object: the same dry run (32 ports)" \
	jq -e '.dry_run and (.plan | length) == 32' "$tmp/psn.out"
# refusals: the kernel's message, one line, the exit code of its errno.
# 6.1 has no formatted extack: its messages are the plain ones, without
# the names (XPO_NL_SET_ERR_MSG_FMT)
m_modes='module supports 8x1.6T, 16x800G, 32x400G, 64x200G; not 64x100G'
m_form='is no breakout of 64 lanes'
m_up='xpo2p0 is up: set it down first'
m_notsplit='Front-panel port 5 is not split'
m_split='Front-panel port 5 is already split: unsplit it first'
case $(uname -r) in
6.1.*)
	m_modes='The module cannot carry this breakout'
	m_form='No breakout mode of that form'
	m_up='A port to replace is up: set it down first'
	m_notsplit='That front-panel port is not split'
	m_split='Already split: unsplit it first' ;;
esac
run psbad port split 2 64x100G
check "a mode the module cannot carry: exit 1, the kernel's message (6.2 on: naming the modes it has)" \
	sh -c "[ $(rc psbad) = 1 ] && grep -q 'cage 2: .*$m_modes' $tmp/psbad.err"
check "... one line" one_line psbad
run psinval port split 2 17x800G
check "a mode that is no breakout of 64 lanes: the kernel's EINVAL, exit 2" \
	sh -c "[ $(rc psinval) = 2 ] && grep -q '$m_form' $tmp/psinval.err"
ip link set xpo2p0 up
run psup port split 2 16x800G
check "a port to replace is up: exit 1, the kernel's \"xpo2p0 is up: set it down first\"" \
	sh -c "[ $(rc psup) = 1 ] && grep -q '$m_up' $tmp/psup.err"
check "... one line" one_line psup
ip link set xpo2p0 down
check_eq "... and the netdevs are as they were" "$def2" "$(pnames)"
for args in "port split 2" "port split 2 sixteen" "port split 2 pan 5 2x800G" \
	"port sp 2 16x800G" "port split 2 panel 8 2x800G" "port split 2/5/1 2x800G" \
	"port unsplit 2 16x800G" "-d port unsplit 2"; do
	# shellcheck disable=SC2086
	usage_error psu $args
done
nobody port split 2 16x800G --dry-run > /dev/null 2> "$tmp/psperm.err"
check_eq "port split without CAP_NET_ADMIN (a dry run too): exit 5" 5 $?
# the split
run ps port split 2 16x800G
check_eq "port split 2 16x800G exits 0" 0 "$(rc ps)"
check "... prints the plan, no dry-run line" \
	sh -c "[ \$(grep -c '^xpo2p' $tmp/ps.out) = 16 ] && ! grep -q 'dry run' $tmp/ps.out"
check_eq "... 16 netdevs, xpo2p0s0 to xpo2p7s1" "16 xpo2p0s0 xpo2p7s1" \
	"$(pnames | wc -w) $(pnames | awk '{ print $1, $NF }')"
run psh port show 2
check_eq "port show 2: SPEED and APPSEL columns; xpo2p2s1 is lanes 20-23 at 800G" \
	"SPEED APPSEL|20-23 800G" \
	"$(head -1 "$tmp/psh.out" | awk '{ print $5, $6 }')|$(awk '$3 == "xpo2p2s1" { print $4, $5 }' "$tmp/psh.out")"
run pshj -j port show 2
check "port show -j: xpo2p2s1 is panel 2, subport 1 of 2, 800000 Mb/s, with an AppSel" \
	jq -e '(.ports | length) == 16 and (.ports[] | select(.netdev == "xpo2p2s1") |
		.panel == 2 and .subport == 1 and .split_count == 2 and .speed_mbps == 800000 and .appsel > 0 and .lane_first == 20)' \
	"$tmp/pshj.out"
run pshd -o cage,netdev,panel,split port show 2
check_eq "-o netdev,panel,split: the front-panel port and its split" "xpo2p5s1 5 2" \
	"$(awk '$2 == "xpo2p5s1" { print $2, $3, $4 }' "$tmp/pshd.out")"
# one front-panel port
run pu5 port unsplit 2 panel 5
check_eq "port unsplit 2 panel 5 exits 0" 0 "$(rc pu5)"
check_eq "... xpo2p5 whole again, beside the other split ports" "15 xpo2p5" \
	"$(pnames | wc -w) $(pnames | tr ' ' '\n' | grep '^xpo2p5' | xargs)"
run pu5b port unsplit 2 panel 5
check "unsplit of a port that is not split: the kernel's EINVAL, exit 2" \
	sh -c "[ $(rc pu5b) = 2 ] && grep -q '$m_notsplit' $tmp/pu5b.err"
run ps5 -j port split 2 panel 5 4x400G
check "port split 2 panel 5 4x400G: 4 ports of 2 lanes, xpo2p5s0-s3" \
	jq -e '.panel == 5 and .mode == "4x400G" and (.dry_run | not) and (.plan | length) == 4 and
		.plan[0].netdev == "xpo2p5s0" and .plan[3].netdev == "xpo2p5s3" and .plan[0].lane_first == 40' \
	"$tmp/ps5.out"
check_eq "... the netdevs" "xpo2p5s0 xpo2p5s1 xpo2p5s2 xpo2p5s3" \
	"$(pnames | tr ' ' '\n' | grep '^xpo2p5' | xargs)"
run ps5b port split 2 panel 5 2x800G
check "splitting a split port again: exit 1, the kernel's message" \
	sh -c "[ $(rc ps5b) = 1 ] && grep -q '$m_split' $tmp/ps5b.err"
run pudj -j port unsplit 2 --dry-run
check "-j port unsplit 2 --dry-run: 8 whole ports, any rate, the default names" \
	jq -e '.operation == "unsplit" and .dry_run and (has("mode") | not) and (.plan | length) == 8 and
		all(.plan[]; .lane_count == 8 and (has("speed_mbps") | not)) and .plan[7].netdev == "xpo2p7"' \
	"$tmp/pudj.out"
check_eq "... and nothing changed" 18 "$(pnames | wc -w)"
run pu port unsplit 2
check_eq "port unsplit 2 exits 0" 0 "$(rc pu)"
check_eq "... the default netdevs again" "$def2" "$(pnames)"
run pshj2 -j port show 2
check "port show -j after: 8 whole ports, split_count 1, no subport, any rate" \
	jq -e '(.ports | length) == 8 and all(.ports[]; .split_count == 1 and (has("subport") | not) and (has("speed_mbps") | not))' \
	"$tmp/pshj2.out"
sleep 0.5
kill "$smon" 2>/dev/null
wait "$smon" 2>/dev/null
check "monitor: a ports event of cage 2 for each of the 4 changes" \
	sh -c "[ \$(jq -r 'select(.cage == 2 and .event == \"ports\") | .event' $tmp/smon.json | wc -l) -ge 4 ]"

# reach profiles (reach-get, reach-set) of cage 2, a DR8 --------------------------
# rprofile NAME: the profile line of a reach show or reach set table
rprofile() { local l; read -r l < "$tmp/$1.out"; echo "$l"; }
run rs reach show 2
check_eq "reach show 2 exits 0" 0 "$(rc rs)"
check_eq "... the profile line, then NAME LANES SPEED APPSEL REACH, 8 ports of AppSel 1, all dr" \
	"cage 2: reach profile any|NAME LANES SPEED APPSEL REACH|8|xpo2p0 0-7 any 1 dr" \
	"$(rprofile rs)|$(sed -n 2p "$tmp/rs.out" | xargs)|$(grep -c '^xpo2p[0-7]  *[0-9-]*  *any  *1  *dr$' "$tmp/rs.out")|$(sed -n 3p "$tmp/rs.out" | xargs)"
run rsj -j reach show 2
check "reach show -j: reach null (any), 8 ports of 8 lanes, each AppSel 1 of reach dr" \
	jq -e '.cage == 2 and .board == 0 and .reach == null and (has("dry_run") | not) and (.plan | length) == 8 and
		all(.plan[]; .lane_count == 8 and .appsel == 1 and .reach == "dr") and .plan[7].netdev == "xpo2p7"' \
	"$tmp/rsj.out"
nobody reach show 2 > /dev/null 2> "$tmp/rsperm0.err"
check_eq "reach show needs no CAP_NET_ADMIN (reach-get is no admin op)" 0 $?
check_eq "completion of \"xpoctl reach set 2 \": the module's profiles, any, --dry-run" \
	"dr any --dry-run" "$(complete_words xpoctl reach set 2 "")"
# a refusal: 6.1 has no formatted extack, only the plain message
m_fr='module profiles: DR; not FR'
case $(uname -r) in
6.1.*) m_fr="The module cannot carry the cage's ports with this reach profile" ;;
esac
run rsfr reach set 2 fr
check "reach set 2 fr on a DR8: exit 1, the kernel's message (6.2 on: naming the module's profiles)" \
	sh -c "[ $(rc rsfr) = 1 ] && grep -qF \"cage 2: xpo: $m_fr (Operation not supported)\" $tmp/rsfr.err"
check "... one line" one_line rsfr
check "... and nothing on stdout" test ! -s "$tmp/rsfr.out"
run rsj2 -j reach show 2
check "... the profile is still any" jq -e '.reach == null' "$tmp/rsj2.out"
for args in "reach set 2" "reach set 2 z" "reach se 2 dr" "reach set 2 DR" "reach show" \
	"reach set 2 dr fr" "-n reach show 2" "reach set 2/x dr"; do
	# shellcheck disable=SC2086
	usage_error rsu $args
done
nobody reach set 2 dr --dry-run > /dev/null 2> "$tmp/rsperm.err"
check_eq "reach set without CAP_NET_ADMIN (a dry run too): exit 5" 5 $?
# a dry run
run rsdd reach set 2 dr --dry-run
check_eq "reach set 2 dr --dry-run exits 0" 0 "$(rc rsdd)"
check_eq "... the profile it would be, 8 ports of dr, the dry-run line" \
	"cage 2: reach profile dr|8|(dry run: nothing changed)" \
	"$(rprofile rsdd)|$(grep -c '^xpo2p[0-7]  *[0-9-]*  *any  *1  *dr$' "$tmp/rsdd.out")|$(tail -1 "$tmp/rsdd.out")"
run rsddj -j --dry-run reach set 2 dr
check "-j --dry-run before the object: reach dr, dry_run, 8 ports of AppSel 1" \
	jq -e '.reach == "dr" and .dry_run and (.plan | length) == 8 and all(.plan[]; .appsel == 1 and .reach == "dr")' \
	"$tmp/rsddj.out"
run rsj3 -j reach show 2
check "... and a dry run changes nothing: still any" jq -e '.reach == null' "$tmp/rsj3.out"
# dr, then any
run rsd reach set 2 dr
check_eq "reach set 2 dr exits 0" 0 "$(rc rsd)"
check "... prints the plan, no dry-run line" \
	sh -c "[ \"\$(head -1 $tmp/rsd.out)\" = 'cage 2: reach profile dr' ] && [ \$(grep -c '^xpo2p' $tmp/rsd.out) = 8 ] && ! grep -q 'dry run' $tmp/rsd.out"
run rsdj -j reach show 2
check "reach show -j after: reach dr, every port dr (validated against reach-show.json below)" \
	jq -e '.reach == "dr" and (.plan | length) == 8 and all(.plan[]; .reach == "dr")' "$tmp/rsdj.out"
run rsd2 reach show 2
check_eq "reach show 2: the profile line says dr" "cage 2: reach profile dr" "$(rprofile rsd2)"
check_eq "... the netdevs are as they were" "$def2" "$(pnames)"
run rsaj -j reach set 2 any
check "reach set 2 any -j: reach null, not a dry run" \
	jq -e '.reach == null and (.dry_run | not) and (.plan | length) == 8' "$tmp/rsaj.out"
run rsa reach show 2
check_eq "reach show 2 after any: the profile line says any" "cage 2: reach profile any" "$(rprofile rsa)"

# every -j output against its schema (tools/xpoctl/schemas/) ------------------
# (one Python for all of them, --batch: a start costs ~5 s on the debug
# kernel)
echo "nb cage-show.json" >> "$tmp/json.list"
while read -r name schema; do
	[ -s "$tmp/$name.out" ] || continue	# an error, nothing on stdout
	echo "$schema $tmp/$name.out"
done < "$tmp/json.list" > "$tmp/validate.list"
for m in pmon mon smon; do echo "--ndjson monitor.json $tmp/$m.json"; done >> "$tmp/validate.list"
/usr/bin/python3 tools/xpoctl/tests/validate-json.py --batch < "$tmp/validate.list" \
	> "$tmp/validate.out" 2>> "$tmp/schema.err"
n=$(grep -c . "$tmp/validate.list")
# "bad [--ndjson] SCHEMA FILE" -> "NAME(SCHEMA)", as before
bad=$(awk '$1 != "ok" { f = $NF; sub(/.*\//, "", f); sub(/\.(out|json)$/, "", f)
		  printf " %s(%s)", f, $(NF - 1) }' "$tmp/validate.out")
[ "$(grep -c '^ok ' "$tmp/validate.out")" = "$n" ] || bad="$bad (answered $(grep -c . "$tmp/validate.out") of $n)"
sed 's/^/# /' "$tmp/schema.err" 2>/dev/null | head -20
check_eq "all $n -j outputs validate against their JSON schemas" "" "$bad"

# driver unloaded -----------------------------------------------------------------
check "unload" xpo_unload
run gone cage show
check_eq "driver unloaded: cage show exits 4" 4 "$(rc gone)"
check "... explaining why" grep -q 'family "xpo" not found: the xpo driver is' "$tmp/gone.err"

# all is the kernel's cages: a 4-cage board, then a second board -------------
# (all meant 0-15: "cage set all power-mode high" exited 3 with 12 "No such
# cage" errors, and a cage of board 1 could not be named)
xpo_load cages=4
NCAGES=4
wait_all ready 60 || not_ok "4-cage board: $(all_states)"
# -w: the same netlink socket round after round ------------------------------
"$X" -j -w 0.3 cage show 3 > "$tmp/watch.json" 2> "$tmp/watch.err" &
wpid=$!
sleep $((2 * XPO_TIME_SCALE))	# several rounds, however slow the kernel
kill -INT $wpid
wait $wpid
check_eq "-j -w 0.3 cage show 3: exit 0 on SIGINT" 0 $?
check "... a document a round, each cage 3 in ready" \
	jq -se 'length >= 2 and all(.cages | length == 1 and .[0].cage == 3 and .[0].state == "ready")' "$tmp/watch.json"
check_eq "... nothing on stderr" "" "$(cat "$tmp/watch.err")"

policies() { "$X" -j cage show | jq -r '[.cages[] | "\(.board)/\(.cage)=\(.power_mode_policy)"] | join(" ")'; }
run four cage set all power-mode auto
check_eq "4-cage board: cage set all power-mode auto exits 0" 0 "$(rc four)"
check_eq "... says nothing on stderr" "" "$(err four)"
check_eq "... and the four cages have it" "0/0=auto 0/1=auto 0/2=auto 0/3=auto" "$(policies)"
run fourh cage set all power-mode high
check_eq "cage set all power-mode high exits 0" 0 "$(rc fourh)"
run five cage set 5 power-mode auto
check "cage 5 of a 4-cage board: exit 1, the kernel's No such cage" \
	sh -c "[ $(rc five) = 1 ] && grep -q 'cage 5: No such cage' $tmp/five.err"
echo '1 4' > /sys/bus/xpo_sim/new_device
for c in 0 1 2 3; do
	for _ in $(seq 600); do
		[ "$(sed -n 's/^state: *//p' "$XPO_DBG/board1/cage$c/state" 2>/dev/null)" = ready ] && break
		sleep 0.1
	done
done
# monitor: event sequence numbers are per cage, and cage 2 of board 1 is not
# cage 2 of board 0 (they shared one counter: a "lost" gap at every turn)
"$X" -j monitor > "$tmp/bmon.json" 2> "$tmp/bmon.err" &
bmon=$!
check "two boards: the monitor joined its groups" monitor_joined "$bmon"
for p in 0 1; do
	echo $p > "$SIM_DBG/cage2/present"
	echo $p > "$SIM_DBG/board1/cage2/present"
	want=empty; [ $p = 1 ] && want=ready
	for f in "$XPO_DBG/cage2/state" "$XPO_DBG/board1/cage2/state"; do
		for _ in $(seq 600); do
			[ "$(sed -n 's/^state: *//p' "$f")" = $want ] && break
			sleep 0.1
		done
	done
done
sleep 0.5
kill "$bmon" 2>/dev/null
wait "$bmon" 2>/dev/null
check_eq "two boards: the monitor saw cage 2 of each come and go" \
	"0/2:insert 0/2:remove 1/2:insert 1/2:remove" \
	"$(jq -r 'select(.event == "insert" or .event == "remove") | "\(.board)/\(.cage):\(.event)"' "$tmp/bmon.json" | sort -u | xargs)"
check_eq "... and reported no lost event" "" "$(cat "$tmp/bmon.err")"
run dryb --dry-run cage set all power-mode auto
check_eq "--dry-run cage set all: the cages of both boards, as the kernel names them" \
	"0 1 2 3 1/0 1/1 1/2 1/3" "$(awk '{ print $2 }' "$tmp/dryb.out" | tr -d : | xargs)"
check_eq "... and nothing changed" \
	"0/0=high 0/1=high 0/2=high 0/3=high 1/0=high 1/1=high 1/2=high 1/3=high" "$(policies)"
check_eq "completion of \"xpoctl cage set \": the cages of both boards, by name" \
	"0 1 2 3 1/0 1/1 1/2 1/3 all" "$(complete_words xpoctl cage set "")"
check_eq "completion of \"xpoctl cage show \": the cages of both boards (it takes B/N)" \
	"0 1 2 3 1/0 1/1 1/2 1/3" "$(complete_words xpoctl cage show "")"
run sb12 -j cage show 1/2
check_eq "cage show 1/2 -j: board 1's cage 2" "0 1 2" \
	"$(rc sb12) $(jq -r '.cages[] | "\(.board) \(.cage)"' "$tmp/sb12.out" | xargs)"
run dryj -j --dry-run cage rearm all
check "-j --dry-run cage rearm all: a JSON object a cage" \
	jq -e '.dry_run and (.cages | length) == 8 and .cages[4].board == 1 and .cages[4].changes == "rearm"' "$tmp/dryj.out"
run dryno --dry-run cage set 2,7 reset
check "--dry-run on a cage the kernel does not have: exit 2, one line, nothing else" \
	sh -c "[ $(rc dryno) = 2 ] && grep -q 'cage 7: No such cage' $tmp/dryno.err && [ ! -s $tmp/dryno.out ]"
check "... one line" one_line dryno
run b1 cage set 1/2,3 power-mode auto
check_eq "cage set 1/2,3 power-mode auto exits 0" 0 "$(rc b1)"
check_eq "... board 1's cage 2 and board 0's cage 3, no other" \
	"0/0=high 0/1=high 0/2=high 0/3=auto 1/0=high 1/1=high 1/2=auto 1/3=high" "$(policies)"
run b16 cage set 1/16 reset
check "cage 1/16: xpoctl asks the kernel, which has no such cage (exit 1, not 2)" \
	sh -c "[ $(rc b16) = 1 ] && grep -q 'cage 1/16: No such cage' $tmp/b16.err"
echo 1 > /sys/bus/xpo_sim/del_device

# module show with nothing to show exits 1, as xpoctl(8) says (it exited 0)
for c in 0 1 2 3; do sim_set "$c" present 0; done
wait_all empty 30 || not_ok "4-cage board empty: $(all_states)"
run mnone module show
check "module show, every cage empty: exit 1, saying so" \
	sh -c "[ $(rc mnone) = 1 ] && grep -q 'no cage holds a readable module' $tmp/mnone.err"
check "unload the 4-cage board" xpo_unload

check "no kernel warning" sh -c '! dmesg | grep -E "WARNING|BUG|Oops"'
rm -rf "$tmp"
finish
