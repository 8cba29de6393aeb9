/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-date.h: the dates Hearsay stores (publication dates, events). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE for NULL, "", a YYYY-MM-DD day or an ISO 8601 date and time;
 * otherwise a HEARSAY_IMPORT_ERROR_INVALID error that quotes @date. */
gboolean hearsay_date_check (const char  *date,
                             GError     **error);

G_END_DECLS
