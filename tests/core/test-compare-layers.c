/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "core-test-util.h"
int main (int argc, char *argv[]) { core_test_init (&argc, &argv); return g_test_run (); }
