#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# xpoctl shares only include/uapi with the kernel: no source includes a
# driver header and the build has no -I into drivers/ (issue 10, finding 8).
# Run from tools/xpoctl.
fail=0
if grep -n -- '-I[^ ]*drivers/' Makefile; then
	echo "check-includes: the Makefile reaches into the driver's headers"
	fail=1
fi
for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' *.c *.h | sort -u); do
	[ -f "$h" ] && continue
	# the YNL library (linux-source-6.12's tools/net/ynl/lib) and the
	# client generated from the spec into gen/ are not driver headers
	[ -f "gen/$h" ] && continue
	[ -f "${YNL_DIR:-/usr/src/linux-source-6.12/tools/net/ynl}/lib/$h" ] && continue
	echo "check-includes: \"$h\" is not xpoctl's own header"
	fail=1
done
if [ -d include/linux ]; then
	echo "check-includes: include/linux shims kernel headers"
	fail=1
fi
[ $fail = 0 ] && echo "check-includes: only xpoctl's own headers and include/uapi"
exit $fail
