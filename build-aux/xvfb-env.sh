# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
# Sourced by run-tests.sh and run-bench.sh: starts Xvfb when there is no
# display (or under CI) and sets the environment the tests expect.

hearsay_xvfb_pid=

hearsay_stop_xvfb () {
  if [ -n "$hearsay_xvfb_pid" ]; then
    kill "$hearsay_xvfb_pid" 2>/dev/null || true
    wait "$hearsay_xvfb_pid" 2>/dev/null || true
    hearsay_xvfb_pid=
  fi
}

hearsay_start_xvfb () {
  local n=99
  while [ "$n" -gt 0 ]; do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then
      break
    fi
    n=$((n - 1))
  done
  if [ "$n" -le 0 ]; then
    echo "xvfb: no free display number" >&2
    return 1
  fi

  Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
  hearsay_xvfb_pid=$!
  trap hearsay_stop_xvfb EXIT

  # Xvfb creates its socket once it accepts connections.
  local _
  for _ in $(seq 1 100); do
    if [ -S "/tmp/.X11-unix/X$n" ]; then
      export DISPLAY=":$n"
      return 0
    fi
    if ! kill -0 "$hearsay_xvfb_pid" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  echo "xvfb: Xvfb :$n did not start" >&2
  hearsay_stop_xvfb
  return 1
}

if [ -z "${DISPLAY:-}" ] || [ "${CI:-}" = "true" ]; then
  hearsay_start_xvfb
fi

export GSETTINGS_BACKEND=memory
export NO_AT_BRIDGE=1
export GTK_A11Y=none
export GDK_BACKEND=x11
