/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-labelstudio-private.h: what the Label Studio importer's
 * files share: a task being read and its text regions. */
#pragma once

#ifndef HEARSAY_IMPORT_COMPILATION
#error "hearsay-import-labelstudio-private.h is private to src/core/import"
#endif

#include "hearsay-import-private.h"

G_BEGIN_DECLS

typedef struct
{
  HearsayImportContext *ctx;
  const char *path;
  guint number;                    /* 1-based, for messages */
  HearsayDocument *doc;
  HearsayTextIndex *index;
  HearsayOffsetReader *codepoint;
  HearsayOffsetReader *utf16;
  HearsayOffsetReader *fixed;      /* the user's or the task's unit, or NULL */
  HearsayOffsetConvention fixed_convention;
} HearsayLabelStudioTask;

/* The results of one annotation that share a region id. */
typedef struct
{
  char *id;
  gint64 start, end;               /* as the file gives them */
  char *quote;                     /* value.text, or NULL */
  char **labels;
  GPtrArray *extras;               /* JsonObject: per-region choices, textarea… (borrowed) */
  GString *note;
  gint64 stored_start, stored_end;
  gboolean has_span, fits_codepoint, fits_utf16, placed, utf16;
} HearsayLabelStudioRegion;

/* TRUE when [@s, @e) of the text is @quote as Label Studio writes it. */
gboolean hearsay_labelstudio_quote_matches (const char             *s,
                                            const char             *e,
                                            const char             *quote);
/* Sets each region's stored span and placed (hearsay-import-labelstudio-spans.c). */
void     hearsay_labelstudio_place_regions (HearsayLabelStudioTask *task,
                                            GArray                 *regions);

G_END_DECLS
