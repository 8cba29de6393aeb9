/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-offsets.h: offsets in the unit and newline convention an export
 * asks for. Stored offsets are code points into the verbatim text (DESIGN §5);
 * peers may count UTF-16 code units or UTF-8 bytes, or want CRLF as LF. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  HEARSAY_OFFSET_CODEPOINT,  /* Unicode code points (the default) */
  HEARSAY_OFFSET_UTF16,      /* UTF-16 code units: astral characters count 2 */
  HEARSAY_OFFSET_BYTE,       /* UTF-8 bytes */
} HearsayOffsetUnit;

typedef enum {
  HEARSAY_NEWLINES_KEEP,     /* the text as stored */
  HEARSAY_NEWLINES_LF,       /* every CRLF written as LF, offsets recomputed */
} HearsayNewlines;

gboolean          hearsay_offset_unit_from_string (const char        *name,
                                                   HearsayOffsetUnit *unit);
const char       *hearsay_offset_unit_to_string   (HearsayOffsetUnit  unit);
gboolean          hearsay_newlines_from_string    (const char        *name,
                                                   HearsayNewlines   *newlines);

/* One document's text as exported, with its offset conversion. */
typedef struct _HearsayOffsetMap HearsayOffsetMap;

HearsayOffsetMap *hearsay_offset_map_new          (const char        *text,
                                                   HearsayOffsetUnit  unit,
                                                   HearsayNewlines    newlines);
void              hearsay_offset_map_free         (HearsayOffsetMap  *self);
/* TRUE when offsets and text are those of the store. */
gboolean          hearsay_offset_map_is_identity  (HearsayOffsetMap  *self);
/* The exported text (the stored text itself with HEARSAY_NEWLINES_KEEP). */
const char       *hearsay_offset_map_get_text     (HearsayOffsetMap  *self);
gsize             hearsay_offset_map_get_text_size (HearsayOffsetMap *self);
/* Code points of the exported text. */
gint64            hearsay_offset_map_get_length   (HearsayOffsetMap  *self);
/* A stored code-point offset → code points into the exported text. */
gint64            hearsay_offset_map_to_codepoint (HearsayOffsetMap  *self,
                                                   gint64             offset);
/* A stored code-point offset → the export's unit, into the exported text. */
gint64            hearsay_offset_map_to_unit      (HearsayOffsetMap  *self,
                                                   gint64             offset);
/* A code-point offset of the exported text → the export's unit. */
gint64            hearsay_offset_map_codepoint_to_unit (HearsayOffsetMap *self,
                                                   gint64             codepoint);
/* A code-point offset of the exported text → its byte position there. */
const char       *hearsay_offset_map_pointer      (HearsayOffsetMap  *self,
                                                   gint64             codepoint);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayOffsetMap, hearsay_offset_map_free)

G_END_DECLS
