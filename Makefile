# SPDX-License-Identifier: GPL-3.0-or-later
# Convenience targets around meson. See README / DESIGN.md.

BUILDDIR ?= build

.PHONY: all deps build run test bench clean

all: build

deps:
	build-aux/install-deps.sh

build: deps
	@if [ ! -f $(BUILDDIR)/build.ninja ]; then meson setup $(BUILDDIR); fi
	meson compile -C $(BUILDDIR)

run: build
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data HEARSAY_LOCALEDIR=$(BUILDDIR)/po $(BUILDDIR)/src/gui/hearsay

test: build
	build-aux/run-tests.sh $(BUILDDIR)

bench: build
	@build-aux/run-bench.sh $(BUILDDIR)

clean:
	rm -rf $(BUILDDIR)
