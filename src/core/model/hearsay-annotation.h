/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-annotation.h: a labelled span (one or more fragments) of a document. */
#pragma once

#include <glib-object.h>

#include "hearsay-text.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 start;   /* code points, inclusive */
  gint64 end;     /* code points, exclusive */
  char *exact;    /* the quote: text[start, end) */
  char *prefix;   /* up to HEARSAY_QUOTE_CONTEXT characters before */
  char *suffix;   /* up to HEARSAY_QUOTE_CONTEXT characters after */
} HearsayFragment;

/* One fragment of an annotation, as the reader needs it: no quotes, no
 * attributes. @label is interned (g_intern_string), so it is never freed
 * and can be compared by pointer. */
typedef struct
{
  gint64 annotation_id;
  gint64 start;   /* code points, inclusive */
  gint64 end;     /* code points, exclusive */
  const char *label;
  const char *annotator;  /* interned too; NULL when the annotation has none */
} HearsaySpan;

#define HEARSAY_TYPE_ANNOTATION (hearsay_annotation_get_type ())
G_DECLARE_FINAL_TYPE (HearsayAnnotation, hearsay_annotation, HEARSAY, ANNOTATION, GObject)

HearsayAnnotation     *hearsay_annotation_new                   (gint64             document_id,
                                                                 const char        *label);

gint64                 hearsay_annotation_get_id                (HearsayAnnotation *self);
void                   hearsay_annotation_set_id                (HearsayAnnotation *self,
                                                                 gint64             id);
gint64                 hearsay_annotation_get_document_id       (HearsayAnnotation *self);
void                   hearsay_annotation_set_document_id       (HearsayAnnotation *self,
                                                                 gint64             document_id);

#define HEARSAY_ANNOTATION_STRING_PROPERTY(name) \
  const char *hearsay_annotation_get_##name (HearsayAnnotation *self); \
  void        hearsay_annotation_set_##name (HearsayAnnotation *self, const char *value);

HEARSAY_ANNOTATION_STRING_PROPERTY (label)
HEARSAY_ANNOTATION_STRING_PROPERTY (note)
HEARSAY_ANNOTATION_STRING_PROPERTY (annotator)
HEARSAY_ANNOTATION_STRING_PROPERTY (created_at)
HEARSAY_ANNOTATION_STRING_PROPERTY (modified_at)
/* A stable identity that survives copies and merges of the project file
 * (a UUID the store gives each new annotation). */
HEARSAY_ANNOTATION_STRING_PROPERTY (uuid)

#undef HEARSAY_ANNOTATION_STRING_PROPERTY

/* Fragments are kept sorted by start. */
void                   hearsay_annotation_add_fragment          (HearsayAnnotation *self,
                                                                 gint64             start,
                                                                 gint64             end);
void                   hearsay_annotation_add_fragment_full     (HearsayAnnotation *self,
                                                                 gint64             start,
                                                                 gint64             end,
                                                                 const char        *exact,
                                                                 const char        *prefix,
                                                                 const char        *suffix);
guint                  hearsay_annotation_get_n_fragments       (HearsayAnnotation *self);
/* Moves fragment @index to @start–@end (an importer converting a file's
 * offsets); its quotes stay as the file gave them. */
void                   hearsay_annotation_set_fragment_span     (HearsayAnnotation *self,
                                                                 guint              index,
                                                                 gint64             start,
                                                                 gint64             end);
const HearsayFragment *hearsay_annotation_get_fragment          (HearsayAnnotation *self,
                                                                 guint              index);
gint64                 hearsay_annotation_get_start             (HearsayAnnotation *self);
gint64                 hearsay_annotation_get_end               (HearsayAnnotation *self);
/* The fragments' quotes joined by one space, as brat writes them. */
char                  *hearsay_annotation_dup_text              (HearsayAnnotation *self);
/* Recomputes every fragment's exact/prefix/suffix from the document text. */
void                   hearsay_annotation_fill_quotes           (HearsayAnnotation *self,
                                                                 HearsayTextIndex  *text);

/* Attributes: name → one or more values (several only for multi-choice). */
void                   hearsay_annotation_set_attribute         (HearsayAnnotation *self,
                                                                 const char        *name,
                                                                 const char        *value);
void                   hearsay_annotation_set_attribute_values  (HearsayAnnotation *self,
                                                                 const char        *name,
                                                                 const char * const *values);
void                   hearsay_annotation_add_attribute_value   (HearsayAnnotation *self,
                                                                 const char        *name,
                                                                 const char        *value);
const char            *hearsay_annotation_get_attribute         (HearsayAnnotation *self,
                                                                 const char        *name);
const char * const    *hearsay_annotation_get_attribute_values  (HearsayAnnotation *self,
                                                                 const char        *name);
char                 **hearsay_annotation_dup_attribute_names   (HearsayAnnotation *self);

G_END_DECLS
