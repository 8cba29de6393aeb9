/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-uuid.c: time-ordered UUIDs (version 7). */
#include "config.h"

#include "hearsay-uuid.h"

char *
hearsay_uuid_new (void)
{
  guint64 ms = (guint64) (g_get_real_time () / 1000);
  guint8 b[16];

  for (guint i = 0; i < 16; i += 4)
    {
      guint32 r = g_random_int ();

      b[i] = r, b[i + 1] = r >> 8, b[i + 2] = r >> 16, b[i + 3] = r >> 24;
    }
  for (guint i = 0; i < 6; i++)
    b[i] = (guint8) (ms >> (40 - 8 * i));
  b[6] = 0x70 | (b[6] & 0x0f);   /* version 7 */
  b[8] = 0x80 | (b[8] & 0x3f);   /* the RFC variant */
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
                          b[13], b[14], b[15]);
}
