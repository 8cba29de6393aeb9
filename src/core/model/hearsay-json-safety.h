/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-json-safety.h: JSON from files a user opens, parsed only after a
 * scan that refuses what json-glib would mishandle: nesting deep enough to
 * overflow its recursive parser's stack, \u0000 (it ends a C string: the
 * text would be cut short), a lone UTF-16 surrogate escape (it would
 * become invalid UTF-8, which no export and no widget can take), and
 * integers too long for 64 bits (json-glib wraps them silently). */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper than any document, scheme or annotation Hearsay reads. */
#define HEARSAY_JSON_MAX_DEPTH 200

/* Checks @data (@length bytes of UTF-8) as above; @where names the place in
 * messages ("FILE" or "FILE:LINE"). */
gboolean  hearsay_json_check (const char  *data,
                              gsize        length,
                              const char  *where,
                              GError     **error);
/* hearsay_json_check(), then json-glib: the root node (a new reference), or
 * NULL with "WHERE: …" (HEARSAY_IMPORT_ERROR_PARSE or _INVALID). */
JsonNode *hearsay_json_parse (const char  *data,
                              gsize        length,
                              const char  *where,
                              GError     **error);

G_END_DECLS
