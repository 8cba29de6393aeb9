#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Install the build and test dependencies of Hearsay on Debian 12.
# Quiet and offline when everything is already present.
# --fuzz: also what the libFuzzer targets need (make fuzz, .ci/run's smoke
# run): clang and its sanitizer and libFuzzer runtimes.
set -euo pipefail

fuzz=false
if [ "${1:-}" = "--fuzz" ]; then
  fuzz=true
fi

PACKAGES=(
  build-essential pkg-config meson ninja-build
  libgtk-4-dev libsqlite3-dev sqlite3 libxml2-dev libxml2-utils
  libjson-glib-dev libarchive-dev
  gettext desktop-file-utils appstream
  xvfb xauth fonts-dejavu-core fonts-noto-core
  libpq-dev libssl-dev postgresql-15
)

MODULES=(
  'gtk4 >= 4.8' glib-2.0 gio-2.0 sqlite3 libxml-2.0 json-glib-1.0 libarchive libpq libcrypto
)

COMMANDS=(
  meson ninja cc pkg-config msgfmt xgettext desktop-file-validate appstreamcli
  glib-compile-schemas glib-compile-resources xmllint Xvfb xauth sqlite3 python3
)

FUZZ_PACKAGES=(clang libclang-rt-14-dev)

missing=()
if $fuzz; then
  PACKAGES=("${FUZZ_PACKAGES[@]}")
  MODULES=()
  COMMANDS=(clang)
  if ! command -v clang >/dev/null 2>&1 ||
      [ ! -f "$(clang -print-runtime-dir 2>/dev/null)/libclang_rt.fuzzer-$(uname -m).a" ]; then
    missing+=("libFuzzer runtime")
  fi
fi
for cmd in "${COMMANDS[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("command:$cmd")
done
if command -v pkg-config >/dev/null 2>&1; then
  for mod in "${MODULES[@]+"${MODULES[@]}"}"; do
    pkg-config --exists "$mod" 2>/dev/null || missing+=("pkg-config:$mod")
  done
else
  missing+=("pkg-config modules")
fi

# The server tests' throwaway cluster (build-aux/pg-test-cluster.sh).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  missing+=("postgresql-15 (initdb)")
fi

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "install-deps: missing: ${missing[*]}" >&2

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: run as root, or install them with:" >&2
  echo "sudo apt-get install -y --no-install-recommends ${PACKAGES[*]}"
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${PACKAGES[@]}"
