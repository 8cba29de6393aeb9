# SPDX-License-Identifier: GPL-3.0-or-later
# Convenience targets around meson. See README / DESIGN.md.

BUILDDIR ?= build
# The sanitizer lane: the whole suite built with ASan and UBSan (gcc).
ASAN_BUILDDIR ?= build-asan
# The libFuzzer targets of the importers (clang, ASan, UBSan).
FUZZ_BUILDDIR ?= build-fuzz
# make fuzz: seconds of fuzzing per target; make fuzz-smoke: a few.
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 5

.PHONY: all deps deps-fuzz build run test test-asan fuzz-build fuzz fuzz-smoke bench clean

all: build

deps:
	build-aux/install-deps.sh

deps-fuzz:
	build-aux/install-deps.sh --fuzz

build: deps
	@if [ ! -f $(BUILDDIR)/build.ninja ]; then meson setup $(BUILDDIR); fi
	meson compile -C $(BUILDDIR)

run: build
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data HEARSAY_LOCALEDIR=$(BUILDDIR)/po $(BUILDDIR)/src/gui/hearsay

test: build
	build-aux/run-tests.sh $(BUILDDIR)

test-asan: deps
	@if [ ! -f $(ASAN_BUILDDIR)/build.ninja ]; then \
	  meson setup $(ASAN_BUILDDIR) -Db_sanitize=address,undefined; fi
	meson compile -C $(ASAN_BUILDDIR)
	build-aux/run-tests.sh $(ASAN_BUILDDIR)

fuzz-build: deps deps-fuzz
	@if [ ! -f $(FUZZ_BUILDDIR)/build.ninja ]; then \
	  CC=clang meson setup $(FUZZ_BUILDDIR) -Dfuzzing=true -Db_sanitize=address,undefined \
	    -Db_lundef=false -Dgui_tests=false; fi
	meson compile -C $(FUZZ_BUILDDIR) fuzz

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) build-aux/run-tests.sh $(FUZZ_BUILDDIR) --suite fuzz

# The same mutations each time (FUZZ_SEED): a regression check, not a hunt.
fuzz-smoke: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS) FUZZ_SEED=1 build-aux/run-tests.sh $(FUZZ_BUILDDIR) --suite fuzz

bench: build
	@build-aux/run-bench.sh $(BUILDDIR)

clean:
	rm -rf $(BUILDDIR) $(ASAN_BUILDDIR) $(FUZZ_BUILDDIR)
