/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-offset-reader.h: offsets a file gives, in the unit and the
 * newline and BOM conventions of the tool that wrote it, turned into the
 * code points Hearsay stores (DESIGN §5). An offset that falls inside a
 * character (half of a UTF-16 surrogate pair, inside a UTF-8 sequence,
 * between the CR and LF a tool counted as one) is refused, never rounded:
 * an importer that guesses would shift spans silently. */
#pragma once

#include "hearsay-offsets.h"

G_BEGIN_DECLS

typedef struct
{
  HearsayOffsetUnit unit;     /* what one step of an offset counts */
  gboolean crlf_as_one;       /* CR LF counted as one newline (ATLAS.ti, universal newlines) */
  gboolean without_bom;       /* offsets count from after a leading BOM (NVivo) */
} HearsayOffsetConvention;

typedef struct _HearsayOffsetReader HearsayOffsetReader;

HearsayOffsetReader *hearsay_offset_reader_new       (const char                    *text,
                                                      const HearsayOffsetConvention *convention);
void                 hearsay_offset_reader_free      (HearsayOffsetReader           *self);
/* The stored code-point offset of @offset, or FALSE when @offset lies past
 * the text or inside a character. */
gboolean             hearsay_offset_reader_to_stored (HearsayOffsetReader           *self,
                                                      gint64                         offset,
                                                      gint64                        *codepoint);
/* The text's length in the convention's unit. */
gint64               hearsay_offset_reader_get_length (HearsayOffsetReader          *self);
/* "UTF-16 code units", "code points, CR LF as one"… for messages. */
char                *hearsay_offset_convention_describe (const HearsayOffsetConvention *convention);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayOffsetReader, hearsay_offset_reader_free)

G_END_DECLS
