#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Load the driver on a fully populated emulated rack unit: all 16 cages reach
# "ready", each cage reports the identity the emulator holds, and i2cdump of
# a cage's own I2C adapter shows the module's memory.
. "$(dirname "$0")/lib.sh"

INT_IRQS_LOAD_MAX=10

modprobe i2c-dev || die "modprobe i2c-dev"
xpo_load

if wait_all ready 60; then
	ok "all $NCAGES cages reach ready"
else
	not_ok "all $NCAGES cages reach ready: $(all_states)"
fi

# Each module asserts IntL (a level) for its boot flags as it comes out of
# reset, before the cage's machine runs and reads them: the interrupt must
# not fire again each time its thread returns meanwhile (that storm of RT
# threads, thousands a cage, starved the other cages' probes).  Bring-up
# itself takes 2 to 5 a cage.
storm=""
for c in $(seq 0 $((NCAGES - 1))); do
	kv_read n "$SIM_DBG/cage$c/info" int_irqs
	[ "$n" -le "$INT_IRQS_LOAD_MAX" ] || storm="$storm $c:$n"
done
check_eq "no interrupt storm while loading (IntL delivered at most $INT_IRQS_LOAD_MAX times a cage)" "" "$storm"

for c in $(seq 0 $((NCAGES - 1))); do
	bad=""
	for key in identifier vendor part_number serial revision date_code cmis_revision fw_active; do
		want=$(sim_info "$c" "$key")
		got=$(cage_field "$c" "$key")
		# the core adds the identifier's name: "0x26 (XPO)"
		[ "$key" = identifier ] && got=${got%% *}
		[ -n "$want" ] && [ "$want" = "$got" ] || bad="$bad $key('$want' vs '$got')"
	done
	if [ -z "$bad" ]; then
		ok "cage $c identity matches the emulator"
	else
		not_ok "cage $c identity:$bad"
	fi
done

serials=$(for c in $(seq 0 $((NCAGES - 1))); do cage_field "$c" serial; done | sort -u | wc -l)
check_eq "every cage has its own serial number" "$NCAGES" "$serials"

# i2cdump reads the 256-byte window through i2c-dev: lower memory and page 00h
# (the core restores page 0 after every paged access).
bus=$(cage_bus 3) || die "no I2C adapter for cage 3"
dump=$(i2cdump -y "$bus" 0x50 b)
byte() { # byte OFFSET: the hex byte at OFFSET in the i2cdump output
	local row=$(( $1 / 16 * 16 )) col=$(( $1 % 16 ))
	echo "$dump" | awk -v r="$(printf '%02x:' "$row")" -v c="$col" '$1 == r { print $(c + 2) }'
}
check_eq "i2cdump byte 0 is the identifier" "$(sim_info 3 identifier | cut -c3-4)" "$(byte 0)"
check_eq "i2cdump byte 1 is the CMIS revision" "52" "$(byte 1)"
vendor=""
for off in $(seq 129 144); do
	vendor="$vendor$(printf "\\x$(byte "$off")")"
done
vendor=$(echo "$vendor" | sed 's/ *$//')
check_eq "i2cdump page 00h shows the vendor name" "$(sim_info 3 vendor)" "$vendor"
check_eq "page 0 selected after the core's accesses" "00" "$(byte 127)"

# Unloading leaves each ready module in low power, which asserts its IntL
# (a level interrupt): once the core has stopped looking at the lines that
# interrupt must not be let fire again and again until the IRQ is freed (on
# the debug kernel such a storm starved the netdev teardown for good).  The
# emulator counts what it delivered; a few per cage at most.
irqs_before=$(for c in $(seq 0 $((NCAGES - 1))); do sim_info "$c" int_irqs; done)
check "unload the core" rmmod xpo
storm=0
i=0
for n in $irqs_before; do
	d=$(( $(sim_info "$i" int_irqs) - n ))
	[ "$d" -le 3 ] || { echo "# cage $i: $d IntL interrupts while unloading"; storm=1; }
	i=$((i + 1))
done
check_eq "no interrupt storm while unloading (IntL delivered at most 3 times a cage)" 0 "$storm"
check_eq "... and every cage's IntL is asserted: the modules did change state" \
	"$NCAGES" "$(for c in $(seq 0 $((NCAGES - 1))); do sim_info "$c" interrupt; done | grep -c 1)"

check "unload" xpo_unload
finish
