/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-w3c-private.h: how a W3C target's selectors are anchored
 * on a document's text (hearsay-import-w3c-anchor.c). */
#pragma once

#ifndef HEARSAY_IMPORT_COMPILATION
#error "hearsay-import-w3c-private.h is for src/core/import only"
#endif

#include <json-glib/json-glib.h>

#include "hearsay-import-private.h"

G_BEGIN_DECLS

typedef enum {
  HEARSAY_W3C_ANCHORED,         /* *start, *end hold the stored span */
  HEARSAY_W3C_BY_OTHER_UNIT,    /* anchored: the position counted another unit than stated */
  HEARSAY_W3C_BY_QUOTE,         /* anchored by the quote; the position disagreed */
  HEARSAY_W3C_NO_SELECTOR,      /* the target is a whole document, not a span */
  HEARSAY_W3C_UNRESOLVABLE,     /* only selectors plain text has no room for (XPath, CSS…) */
  HEARSAY_W3C_NOT_FOUND,        /* the quote is not in the text */
  HEARSAY_W3C_AMBIGUOUS,        /* the quote occurs several times, nothing tells which */
} HearsayW3cOutcome;

typedef struct
{
  HearsayTextIndex *index;                /* the document's text */
  HearsayOffsetConvention convention;     /* how the file's positions count */
  gboolean convention_given;              /* by the user: no other unit is tried */
  GHashTable *readers;                    /* conventions → HearsayOffsetReader, the caller's */
} HearsayW3cText;

/* A string member, or NULL. */
const char *hearsay_w3c_string  (JsonObject *o,
                                 const char *name);
/* Whether "type" (or "@type"), a string or a list, names @type. */
gboolean    hearsay_w3c_type_is (JsonObject *o,
                                 const char *type);

/* Anchors a target's "selector" (one, or alternatives; refinedBy and
 * RangeSelector followed). FALSE with @error only for a position that no
 * quote vouches for and that lies outside the text or inside a character;
 * otherwise the outcome says what happened, with *n_found the number of
 * places an ambiguous quote occurs and *unit the unit a
 * HEARSAY_W3C_BY_OTHER_UNIT position counted. @selector may be NULL. */
gboolean hearsay_w3c_anchor (const HearsayW3cText  *text,
                             JsonNode              *selector,
                             const char            *path,
                             const char            *where,
                             HearsayW3cOutcome     *outcome,
                             gint64                *start,
                             gint64                *end,
                             guint                 *n_found,
                             HearsayOffsetUnit     *unit,
                             GError               **error);

/* The first quote ("exact") a selector tree holds, for messages; or NULL. */
const char *hearsay_w3c_quote_of (JsonNode *selector);

G_END_DECLS
