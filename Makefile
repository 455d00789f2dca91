# SPDX-License-Identifier: GPL-2.0
#
# xpo: driver, emulated board and tools for XPO cages.
#
#   make                 build xpo.ko and xpo_sim.ko for KVER (and tools)
#   make KVER=6.1        the same for Debian 12's 6.1 kernel
#   make KVER=debug      the same for the debug kernel (scripts/debug-kernel;
#                        built first if it is not: an hour or more on 2 cores)
#   make debug-kernel    build the debug kernel (once; it is cached)
#   make demo            boot a 6.12 guest with the emulated board and show it
#   make check           every test on both kernels (installs what it needs)
#   make lint            W=1 + sparse on both kernels, checkpatch
#   make kunit           the KUnit suites in UML
#   make bench           benchmarks in guests (figures, not pass/fail)
#   make install-sensors the lm-sensors configuration, to /etc/sensors.d
#
# Each kernel's objects live in build/<release>/, a mirror of the sources, so
# that both kernels can be built side by side without cleaning.

KVER ?= default
override KREL := $(shell scripts/kver $(KVER) 2>/dev/null)
ifeq ($(KVER),debug)
# The debug kernel's build tree is its own headers.
KDIR ?= $(shell scripts/debug-kernel --path 2>/dev/null)
else
KDIR ?= /usr/src/linux-headers-$(KREL)
endif
BUILD ?= build/$(KREL)
KSRC := $(wildcard Kbuild drivers include)
KMAKE_FLAGS ?=

.PHONY: all modules tools deps demo check lint kunit bench install-sensors vm-tests clean help \
	debug-kernel

all: modules tools

deps:
	@scripts/install-deps --check >/dev/null 2>&1 || scripts/install-deps

ifeq ($(KVER)$(KREL)$(XPO_DK_BUILT),debug)
# Not built yet: build it, then start again with its release known.
modules: debug-kernel
	@$(MAKE) --no-print-directory KVER=debug XPO_DK_BUILT=1 modules
else
modules:
	@test -n "$(KREL)" || { echo "no kernel headers for KVER=$(KVER): run scripts/install-deps" >&2; exit 1; }
	@mkdir -p $(BUILD)
	@rsync -a --delete --exclude='*.o' --exclude='*.ko' --exclude='*.cmd' \
		--exclude='*.mod*' --exclude='modules.order' --exclude='Module.symvers' \
		--filter='protect *.o' --filter='protect *.ko' --filter='protect .*.cmd' \
		--filter='protect *.mod*' --filter='protect modules.order' \
		--filter='protect Module.symvers' \
		$(KSRC) $(BUILD)/
	$(MAKE) -C $(KDIR) M=$(CURDIR)/$(BUILD) $(KMAKE_FLAGS) modules
endif

debug-kernel:
	@scripts/debug-kernel >/dev/null

tools:
	@if [ -f tools/xpoctl/Makefile ]; then $(MAKE) -C tools/xpoctl; fi

demo: deps
	$(MAKE) KVER=6.12 modules
	$(MAKE) tools
	tests/vm/run --kernel 6.12 --load -- scripts/demo

check: deps
	scripts/check

lint: deps
	scripts/lint

kunit: deps
	scripts/kunit

bench: deps
	bench/run

install-sensors:
	install -D -m 0644 contrib/sensors.d/xpo.conf $(DESTDIR)/etc/sensors.d/xpo.conf

clean:
	rm -rf build
	@if [ -f tools/xpoctl/Makefile ]; then $(MAKE) -C tools/xpoctl clean; fi

help:
	@sed -n '3,18p' Makefile
