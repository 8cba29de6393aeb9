/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-layer-rows.h: the coders' layers of a selection of documents as
 * compact rows — what agreement and curation read in one pass, without the
 * quotes and notes of full annotation objects. The store fills them. */
#pragma once

#include <glib.h>

#include "hearsay-coder.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  gint64 length;        /* code points */
  const char *title;
  const char *outlet;   /* "" when the document has none */
} HearsayLayerDocument;

/* One fragment of one annotation of a layer. */
typedef struct
{
  gint64 document_id;
  gint64 annotation_id;
  gint64 start;         /* code points, end exclusive */
  gint64 end;
  const char *label;    /* interned: compare by pointer */
  guint coder;          /* index into HearsayLayerRows.coders */
  gboolean rejected;    /* curation: left out of the gold layer on purpose */
} HearsayLayerFragment;

/* One value of one attribute of an annotation. */
typedef struct
{
  gint64 annotation_id;
  const char *name;     /* interned */
  const char *value;
} HearsayLayerValue;

/* One annotation's identity (HEARSAY_LAYER_READ_IDENTITY). */
typedef struct
{
  gint64 id;
  gint64 document_id;
  guint coder;
  const char *uuid;
  const char *note;     /* or NULL */
} HearsayLayerAnnotation;

/* What a read of the layers holds besides the fragments. */
typedef enum {
  HEARSAY_LAYER_READ_SPANS    = 0,
  HEARSAY_LAYER_READ_VALUES   = 1 << 0,  /* the attribute values */
  HEARSAY_LAYER_READ_IDENTITY = 1 << 1,  /* each annotation's stable id and note */
} HearsayLayerReadFlags;

typedef struct
{
  GStringChunk *strings;
  GPtrArray *coders;     /* HearsayCoder *, by name: the layers the rows hold */
  GArray *documents;     /* HearsayLayerDocument, by id */
  GArray *fragments;     /* HearsayLayerFragment, by document, start, end, annotation */
  GArray *values;        /* HearsayLayerValue, by annotation, name, value (empty when not asked for) */
  GArray *annotations;   /* HearsayLayerAnnotation, by document (empty when not asked for) */
} HearsayLayerRows;

HearsayLayerRows        *hearsay_layer_rows_new          (void);
void                     hearsay_layer_rows_free         (HearsayLayerRows *rows);
const char              *hearsay_layer_rows_intern       (HearsayLayerRows *rows,
                                                          const char       *text);
/* The coder named @name, as an index into rows->coders; -1 when absent. */
int                      hearsay_layer_rows_find_coder   (HearsayLayerRows *rows,
                                                          const char       *name);
/* The values of @annotation_id (a run of rows->values; *n_values of them). */
const HearsayLayerValue *hearsay_layer_rows_get_values   (HearsayLayerRows *rows,
                                                          gint64            annotation_id,
                                                          guint            *n_values);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayLayerRows, hearsay_layer_rows_free)

G_END_DECLS
