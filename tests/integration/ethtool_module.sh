#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The ethtool module interface of the port netdevs, with Debian's stock
# ethtool: port netdevs, `ethtool -m` (decoded for the osfp personality, hex
# dump and raw page/bank reads for XPO), and the refusals.
. "$(dirname "$0")/lib.sh"

modprobe i2c-dev || die "modprobe i2c-dev"
xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"
# The thermal model settles in one step: monitors hold still once the
# module's power stops changing, so ethtool and the emulator can be compared
echo 100 > "$SIM_DBG/thermal_tau_ms"

# Port netdevs -----------------------------------------------------------------
ports=$(ls /sys/class/net | grep -cE '^xpo([0-9]|1[0-5])p[0-7]$')
check_eq "128 port netdevs xpo<cage>p<port>" 128 "$ports"
check_eq "xpo3p5 belongs to cage 3" "xpo_cage.3" \
	"$(basename "$(readlink /sys/class/net/xpo3p5/device)")"

# osfp personality: stock ethtool decodes CMIS ----------------------------------
set_personality 3 osfp
wait_state 3 ready 20 || die "osfp module in cage 3 not ready"
# Carrier follows the data path of the port's lanes
ip link set xpo3p0 up
carrier=0
for i in $(seq 1 100); do
	[ "$(cat /sys/class/net/xpo3p0/carrier)" = 1 ] && { carrier=1; break; }
	sleep 0.1
done
check_eq "xpo3p0 up: carrier once its lanes are DPActivated" 1 $carrier
check_eq "xpo3p4 (a bank the osfp module lacks) has no carrier" 0 \
	"$(ip link set xpo3p4 up; sleep 0.5; cat /sys/class/net/xpo3p4/carrier)"
ip link set xpo3p4 down
sleep 0.5	# the module's temperature follows its new load
out=$(ethtool -m xpo3p0)
field() { echo "$out" | sed -n "s/^[[:space:]]*$1[[:space:]]*: //p" | head -n1; }
check_eq "ethtool -m: identifier" "0x19 (OSFP 8X Pluggable Transceiver)" "$(field Identifier)"
check_eq "ethtool -m: vendor" "$(sim_info 3 vendor)" "$(field 'Vendor name')"
check_eq "ethtool -m: part number" "$(sim_info 3 part_number)" "$(field 'Vendor PN')"
check_eq "ethtool -m: serial" "$(sim_info 3 serial)" "$(field 'Vendor SN')"
check_eq "ethtool -m: revision" "$(sim_info 3 revision)" "$(field 'Vendor rev')"
check_eq "ethtool -m: date code" "$(sim_info 3 date_code)" "$(field 'Date code')"
check_eq "ethtool -m: CMIS revision" "Rev. $(sim_info 3 cmis_revision)" "$(field 'Revision compliance')"
check_eq "ethtool -m: module state" "0x03 (ModuleReady)" "$(field 'Module State')"
# Monitors, decoded from the emulator's own storage
lower=($(sim_mem 3 lower))
temp=$(( (0x${lower[14]} << 8 | 0x${lower[15]}) ))
[ $temp -ge 32768 ] && temp=$((temp - 65536))
check_eq "ethtool -m: module temperature" \
	"$(awk -v t=$temp 'BEGIN { printf "%.2f degrees C", t / 256 }')" \
	"$(field 'Module temperature' | sed 's| /.*||')"
vcc=$(( 0x${lower[16]} << 8 | 0x${lower[17]} ))
check_eq "ethtool -m: module voltage" \
	"$(awk -v v=$vcc 'BEGIN { printf "%.4f V", v / 10000 }')" "$(field 'Module voltage')"
banks=$(sim_info 3 banks)
lanes=$(echo "$out" | grep -c 'Laser tx bias current (Channel')
check_eq "ethtool -m: per-lane monitors for all $banks banks" $((banks * 8)) "$lanes"
p11=($(sim_mem 3 "page 11h bank $((banks - 1))"))
p11=($(sim_mem 3 "page 11h bank 0"))
bias=$(( (0x${p11[$((170 - 128 + 14))]} << 8 | 0x${p11[$((170 - 128 + 15))]}) ))
[ "$bias" -gt 0 ] || not_ok "lane 8 of an active port has no bias"
check_eq "ethtool -m: lane 8's bias equals the emulator's" \
	"$(awk -v b=$bias 'BEGIN { printf "%.3f mA", b * 2 / 1000 }')" \
	"$(field "Laser tx bias current (Channel 8)")"
ip link set xpo3p0 down
check "xpo3p0 down: no carrier" test -z "$(ip link show xpo3p0 | grep LOWER_UP)"

# XPO module: hex dump, and every page of every bank raw -------------------------
dump=$(ethtool -m xpo0p0)
check_eq "ethtool -m on XPO prints a hex dump starting with 0x26" "26" \
	"$(echo "$dump" | awk '/^0x0000:/ { print $2 }')"
# Latched bytes (B0h:139-140, 11h:134-152) come back with what latched
# since user space last looked, though the core's own clients read and
# cleared them in the module (the broker's shadow): the first read of a
# page takes those, the second shows the module's memory as it is.
bad=""
for pb in "0x00 0 page 00h" "0x01 0 page 01h" "0x02 0 page 02h" "0xb0 0 page b0h bank 0"; do
	set -- $pb
	ethtool_page xpo0p0 "$1" "$2" > /dev/null
	want=$(sim_mem 0 "${*:3}")
	got=$(ethtool_page xpo0p0 "$1" "$2")
	[ -n "$want" ] && [ "$want" = "$got" ] || bad="$bad ${*:3}"
done
for b in $(seq 0 7); do
	for p in 10 11; do
		ethtool_page xpo0p0 "0x$p" "$b" > /dev/null
		want=$(sim_mem 0 "page ${p}h bank $b")
		got=$(ethtool_page xpo0p0 "0x$p" "$b")
		[ -n "$want" ] && [ "$want" = "$got" ] || bad="$bad ${p}h/$b"
	done
done
check_eq "raw reads of pages 00h-02h, B0h and 10h/11h of banks 0-7 equal the emulator" "" "$bad"

bus=$(cage_bus 0)
i2c=$(i2cdump -y "$bus" 0x50 b | awk '/^[0-9a-f]0:/ { for (i = 2; i <= 17; i++) printf "%s ", $i }' | sed 's/ *$//')
eth=$(ethtool -m xpo0p0 offset 0 length 128 hex on | awk '/^0x[0-9a-f]+:/ { $1 = ""; printf "%s ", $0 }' | tr -s ' ' | sed 's/^ //; s/ *$//')
eth="$eth $(ethtool_page xpo0p0 0 0)"
check_eq "ethtool and i2cdump read the same 256 bytes" "$i2c" "$eth"

same=1
ref=$(ethtool_page xpo2p0 0 0)
for p in $(seq 1 7); do [ "$(ethtool_page "xpo2p$p" 0 0)" = "$ref" ] || same=0; done
check_eq "every port of a cage sees the same module" 1 $same

# Another I2C master leaves a page selected: the driver must not be fooled
i2cset -y "$bus" 0x50 127 0x01
check_eq "reads after another master selected page 01h" "$(sim_mem 0 'page 00h')" \
	"$(ethtool_page xpo0p0 0 0)"
i2cset -y "$bus" 0x50 127 0x00

# Refusals ------------------------------------------------------------------------
refused() { # refused CMD...: the command fails and says why
	local msg
	if msg=$("$@" 2>&1 >/dev/null); then
		not_ok "accepted: $*"
	elif [ -z "$msg" ]; then
		not_ok "failed without a message: $*"
	else
		ok "refused: $* ($(echo "$msg" | head -n1))"
	fi
}
refused ethtool -m xpo0p0 page 0x11 bank 8 offset 128 length 16
refused ethtool -m xpo3p0 page 0x11 bank 4 offset 128 length 16
refused ethtool -m xpo0p0 page 0x30 offset 128 length 16
refused ethtool -m xpo0p0 page 0 offset 250 length 16
refused ethtool -m xpo0p0 page 0 offset 100 length 100 i2c 0x51
sim_set 9 present 0
wait_state 9 empty 10
refused ethtool -m xpo9p0
refused ethtool -m xpo9p0 page 0 offset 128 length 16
sim_set 10 hold_state fault
wait_state 10 fault 10
refused ethtool -m xpo10p0 page 0x11 offset 128 length 16

# Power mode policy ---------------------------------------------------------------
policy() { ethtool --show-module "$1" | sed -n 's/^power-mode-policy: //p'; }
mode() { ethtool --show-module "$1" | sed -n 's/^power-mode: //p'; }
check_eq "default power mode policy" high "$(policy xpo4p0)"
check "set power-mode-policy auto" ethtool --set-module xpo4p0 power-mode-policy auto
check_eq "policy auto, seen from another port" auto "$(policy xpo4p3)"
if wait_state 4 low-power 10; then ok "auto with every port down: low power"; else not_ok "auto: cage 4 is $(cage_state 4)"; fi
check_eq "power-mode reported low" low "$(mode xpo4p0)"
ip link set xpo4p2 up
if wait_state 4 ready 10; then ok "auto with a port up: high power"; else not_ok "auto + port up: cage 4 is $(cage_state 4)"; fi
ip link set xpo4p2 down
wait_state 4 low-power 10
set_personality 4 xpo-dr8
wait_state 4 low-power 20
check_eq "policy survives module re-insertion" auto "$(policy xpo4p0)"
check "set power-mode-policy high" ethtool --set-module xpo4p0 power-mode-policy high
if wait_state 4 ready 10; then ok "policy high: module powered up"; else not_ok "high: cage 4 is $(cage_state 4)"; fi

# Reset ---------------------------------------------------------------------------
ip link set xpo5p1 up
refused ethtool --reset xpo5p0 phy-shared
ip link set xpo5p1 down
refused ethtool --reset xpo5p0 phy
before=$(sim_info 5 module_state)
check "reset phy-shared with every port down" ethtool --reset xpo5p0 phy-shared
if wait_state 5 ready 20; then ok "module back after reset"; else not_ok "after reset: cage 5 is $(cage_state 5)"; fi

# A tunable laser's pages (01h:155 b6): ethtool -m reaches 04h and 12h ------------
set_personality 6 xpo-zr
wait_state 6 ready 30 || not_ok "xpo-zr: cage 6 is $(cage_state 6)"
check_eq "xpo-zr: page 04h (laser capabilities) as the module holds it" \
	"$(sim_mem 6 "page 04h")" "$(ethtool_page xpo6p0 0x04 0)"
check_eq "xpo-zr: page 12h bank 1 (tuning) as the module holds it" \
	"$(sim_mem 6 "page 12h bank 1")" "$(ethtool_page xpo6p0 0x12 1)"
set_personality 6 xpo-dr8
wait_state 6 ready 30
check "a DR8 has no page 12h: refused" \
	sh -c '! ethtool -m xpo6p0 page 0x12 bank 0 offset 128 length 8 > /dev/null 2>&1'

check "unload" xpo_unload
finish
