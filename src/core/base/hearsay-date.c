/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-date.c: checking the dates Hearsay stores. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-date.h"
#include "hearsay-error.h"

gboolean
hearsay_date_check (const char  *date,
                    GError     **error)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int y, m, d;
  char tail;

  if (date == NULL || *date == '\0')
    return TRUE;
  if (sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
      strlen (date) == 10 && g_date_valid_dmy (d, m, y))
    return TRUE;
  dt = g_date_time_new_from_iso8601 (date, utc);
  if (dt != NULL)
    return TRUE;
  g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
               _("“%s” is not a date: use YYYY-MM-DD or an ISO 8601 date and time"), date);
  return FALSE;
}
