/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-test.h: checks shared by the agreement statistics tests. */
#pragma once

#include <math.h>

#include "hearsay-agreement-stats.h"

#define M HEARSAY_AGREEMENT_MISSING
#define SEG(coder, category, offset, length) { coder, category, offset, (offset) + (length) }

/* Logs expected vs obtained (the report reads them from the TAP output). */
static inline void
hs_agreement_assert_close (double      obtained,
                           double      expected,
                           double      tolerance,
                           const char *what)
{
  g_test_message ("%s: expected %.6g, obtained %.6f", what, expected, obtained);
  g_assert_true (isfinite (obtained));
  if (fabs (obtained - expected) > tolerance)
    g_error ("%s: expected %.6g ± %g, obtained %.6f", what, expected, tolerance, obtained);
}
