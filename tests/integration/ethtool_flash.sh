#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Module firmware flashing through the kernel's generic CMIS flashing
# (ethtool netlink MODULE_FW_FLASH_ACT, kernels 6.11 and later), driven with
# the kernel tree's YNL library (tests/integration/ynl_flash.py) since
# Debian 12's ethtool has no --flash-module-firmware.
#
# What is checked is our side: the kernel reaches the module through our
# EEPROM operations without RTNL, the refusals are clear, and nothing is
# left locked afterwards.  The emulator has no CDB engine yet (01h:163 = 0),
# so a flash that gets through every check ends in the kernel's "CDB
# functionality is not supported".
. "$(dirname "$0")/lib.sh"

major=$(uname -r | cut -d. -f1)
minor=$(uname -r | cut -d. -f2)
if [ "$major" -lt 6 ] || { [ "$major" -eq 6 ] && [ "$minor" -lt 11 ]; }; then
	ok "# SKIP no module firmware flashing before 6.11 ($(uname -r))"
	finish
fi

FLASH="python3 $(dirname "$0")/ynl_flash.py"

# A firmware image where request_firmware() finds it
mkdir -p /tmp/fw
head -c 4096 /dev/urandom > /tmp/fw/xpo-test.bin
echo -n /tmp/fw > /sys/module/firmware_class/parameters/path ||
	die "cannot set the firmware search path"

xpo_load
wait_all ready 60 || die "cages not ready: $(all_states)"
set_personality 3 osfp
wait_state 3 ready 20 || die "osfp module in cage 3 not ready"

# flash DEV [FILE]: the helper's output; its exit code in $flash_rc
flash() {
	flash_out=$($FLASH "$1" "${2:-xpo-test.bin}" --timeout 60 2>&1)
	flash_rc=$?
	echo "$flash_out" | sed 's/^/# /'
}

dmesg_since() { dmesg | tail -n +$(($1 + 1)); }

# Refusals before any work starts ----------------------------------------------
flash xpo0p0
check_eq "XPO module (0x26): refused, not a CMIS type the kernel flashes" \
	"2 refused: Module type does not support firmware flashing (EOPNOTSUPP)" \
	"$flash_rc $flash_out"

flash xpo3p0 missing.bin
check_eq "missing image: refused" \
	"2 refused: Failed to request module firmware image (ENOENT)" \
	"$flash_rc $flash_out"

ip link set xpo3p0 up
flash xpo3p0
check_eq "the port itself up: refused by the kernel" \
	"2 refused: Netdevice is up, so flashing is not permitted (EBUSY)" \
	"$flash_rc $flash_out"
ip link set xpo3p0 down

# A sibling port up: the flash work's first module access is refused -----------
ip link set xpo3p1 up
mark=$(dmesg | wc -l)
flash xpo3p0
check_eq "sibling port up: the flash ends in error" 1 $flash_rc
check "sibling port up: the refusal is logged with its reason" \
	grep -q "Cannot flash the module while a port of its cage is up" \
	<(dmesg_since "$mark")
check "sibling port up: the sibling keeps working" \
	ethtool -m xpo3p1 page 0x11 bank 1 offset 128 length 8 hex on
ip link set xpo3p1 down

# All ports down: the kernel reaches the module and stops at CDB ----------------
for attempt in 1 2; do
	mark=$(dmesg | wc -l)
	flash xpo3p0
	check_eq "all ports down (attempt $attempt): the kernel flash work ends in error" \
		1 $flash_rc
	check "all ports down (attempt $attempt): it stopped at the module's missing CDB" \
		grep -q "status: error.*CDB functionality is not supported" <<< "$flash_out"
	check "all ports down (attempt $attempt): the port took the cage's firmware lease" \
		grep -q "xpo_cage.3: module held by xpo3p0: firmware lease" <(dmesg_since "$mark")
done

# Nothing left locked -------------------------------------------------------------
check_eq "afterwards: the lease ended with the flash work" - "$(cage_field 3 lease)"
check "afterwards: a sibling reads the module (bank 3 of the 4 an osfp has)" \
	ethtool -m xpo3p3 page 0x11 bank 3 offset 128 length 8 hex on
check "afterwards: a sibling port comes up" ip link set xpo3p2 up
ip link set xpo3p2 down
check "afterwards: the power policy can be changed" \
	ethtool --set-module xpo3p6 power-mode-policy high
check "afterwards: the module can be reset" ethtool --reset xpo3p7 phy-shared
check "afterwards: cage 3 ready after the reset" wait_state 3 ready 30

# The module pulled: refused before any work starts -------------------------------
sim_set 3 present 0
wait_state 3 empty 10
flash xpo3p0
check_eq "empty cage: refused as not present" \
	"2 refused: xpo: Module not present (ENODEV)" "$flash_rc $flash_out"
sim_set 3 present 1
wait_state 3 ready 20

xpo_unload
check "modules unload" test ! -d /sys/module/xpo
finish
