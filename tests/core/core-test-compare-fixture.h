/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core-test-compare-fixture.h: an invented multi-outlet event for the
 * comparison tests (core and CLI); test-compare.c has the hand computation. */
#pragma once

#include "hearsay-project.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 event_id;
  gint64 rt, reuters, afp, none;   /* document ids */
} CoreTestCompareFixture;

void core_test_compare_fixture_build (HearsayProject   *project,
                                      CoreTestCompareFixture *fixture);

G_END_DECLS
