/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-text.h: the offset contract of DESIGN §5 — code-point offsets into
 * verbatim text, grapheme-safe boundaries, quotes and base direction. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HEARSAY_QUOTE_CONTEXT 32

typedef enum {
  HEARSAY_DIRECTION_LTR,
  HEARSAY_DIRECTION_RTL,
} HearsayDirection;

const char      *hearsay_direction_to_string      (HearsayDirection direction);
HearsayDirection hearsay_direction_from_string    (const char      *str);
HearsayDirection hearsay_text_detect_direction    (const char      *text);

gint64           hearsay_text_length              (const char      *text);
char            *hearsay_text_substring           (const char      *text,
                                                   gint64           start,
                                                   gint64           end);

/* Code point → byte lookups in O(1) amortised, for checking many spans of one
 * text. The index points into @text, which must outlive it. */
typedef struct _HearsayTextIndex HearsayTextIndex;

HearsayTextIndex *hearsay_text_index_new          (const char       *text);
void             hearsay_text_index_free          (HearsayTextIndex *index);
const char      *hearsay_text_index_get_text      (HearsayTextIndex *index);
gint64           hearsay_text_index_get_length    (HearsayTextIndex *index);
const char      *hearsay_text_index_pointer       (HearsayTextIndex *index,
                                                   gint64            offset);
gboolean         hearsay_text_index_is_boundary   (HearsayTextIndex *index,
                                                   gint64            offset);
gboolean         hearsay_text_index_check_span    (HearsayTextIndex *index,
                                                   gint64            start,
                                                   gint64            end,
                                                   GError          **error);
void             hearsay_text_index_quote         (HearsayTextIndex *index,
                                                   gint64            start,
                                                   gint64            end,
                                                   char            **exact,
                                                   char            **prefix,
                                                   char            **suffix);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayTextIndex, hearsay_text_index_free)

char            *hearsay_text_sha256              (const char      *data,
                                                   gsize            length);
char            *hearsay_now_iso8601              (void);
void             hearsay_strv_sort                (char           **strv);

G_END_DECLS
