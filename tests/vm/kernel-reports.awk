# SPDX-License-Identifier: GPL-2.0
#
# Print the problem reports found in a guest's kernel log, without their
# timestamps; print nothing for a clean log.
#
#   awk -f kernel-reports.awk CONSOLE_LOG [DMESG]
#
# CONSOLE_LOG is the serial console capture (complete even when the guest
# died); lines of DMESG, the log the guest saved after COMMAND, that the
# console lacks are scanned after it.
#
# A report starts at a line naming an Oops, BUG, WARNING, lockdep, KASAN,
# UBSAN, KFENCE, kmemleak or debug objects (ODEBUG) report, a panic, a
# stall or a call trace, and runs on to
# its "---[ end" marker, to a pause of more than 2 s in the log (a report is
# printed in one go), or for at most 60 lines; up to 4 lines logged within
# 0.5 s before it are shown with it.  The messages that loading an
# unsigned out-of-tree module prints are not reports, nor are the debug
# kernel's start-up lines of kmemleak and RCU's lockdep checking, nor the
# guest's power-off.

function stamp(line)
{
	if (match(line, /^\[ *[0-9]+\.[0-9]+\]/))
		return substr(line, RSTART + 1, RLENGTH - 2) + 0
	return -1
}

function scan(line,    t, text, i)
{
	sub(/\r$/, "", line)
	t = stamp(line)
	if (t < 0)
		t = last
	text = line
	sub(/^\[ *[0-9]+\.[0-9]+\] ?/, "", text)

	if (text ~ /ACPI: PM: Preparing to enter system sleep|reboot: Power down/) {
		inside = 0
		return
	}
	if (inside && (t - last > 2 || count >= 60))
		inside = 0
	last = t
	if (!inside && text ~ trigger && text !~ benign) {
		inside = 1
		count = 0
		# What came just before often names the culprit ("cut here",
		# the message that called dump_stack(), "CPU: ... Comm: ...").
		for (i = nback; i >= 1; i--)
			if (back_t[i] >= t - 0.5)
				emit(back[i])
		nback = 0
	}
	if (!inside) {
		for (i = 4; i > 1; i--) {
			back[i] = back[i - 1]
			back_t[i] = back_t[i - 1]
		}
		back[1] = text
		back_t[1] = t
		if (nback < 4)
			nback++
		return
	}
	emit(text)
	count++
	if (text ~ /---\[ end/)
		inside = 0
}

function emit(text)
{
	if (printed < 300)
		print text
	else
		dropped++
	printed++
}

BEGIN {
	trigger = "Oops|BUG:|kernel BUG at|WARNING:|possible (circular|recursive) locking|" \
		  "INFO: |lockdep|KASAN|UBSAN|KFENCE|kmemleak|general protection fault|" \
		  "Call Trace|Kernel panic|list_(add|del) corruption|stack-protector|" \
		  "hard LOCKUP|soft lockup|ODEBUG:"
	# ... and the debug kernel's checkers announcing themselves at boot
	benign = "loading out-of-tree module taints kernel|module verification failed|" \
		 "kmemleak: Kernel memory leak detector initialized|" \
		 "RCU lockdep checking is enabled"
	last = 0
}

FILENAME == ARGV[1] {
	sub(/\r$/, "")
	in_console[$0] = 1
	scan($0)
	next
}

!($0 in in_console) {
	scan($0)
}

END {
	if (dropped)
		print "... and " dropped " more lines (save the whole log with --dmesg FILE)"
}
