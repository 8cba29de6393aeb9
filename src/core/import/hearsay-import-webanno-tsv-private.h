/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-webanno-tsv-private.h: the WebAnno TSV reader's state,
 * shared by its two passes: the header, rows and text
 * (hearsay-import-webanno-tsv.c) and the cells, ids and references
 * (hearsay-import-webanno-tsv-cells.c). */
#pragma once

#ifndef HEARSAY_IMPORT_COMPILATION
#error "hearsay-import-webanno-tsv-private.h is private to src/core/import"
#endif

#include "hearsay-import-cas-private.h"

G_BEGIN_DECLS

typedef enum { LAYER_SPAN, LAYER_RELATION, LAYER_CHAIN } LayerKind;

typedef enum {
  COL_PLACEHOLDER,   /* a layer without features */
  COL_PRIMITIVE,
  COL_SLOT_ROLE,
  COL_SLOT_TARGET,
  COL_RELATION_REF,  /* BT_: the source row of a relation */
  COL_CHAIN_TYPE,    /* referenceType */
  COL_CHAIN_LINK,    /* referenceRelation */
} ColumnKind;

typedef struct
{
  LayerKind kind;
  char *type;
  GArray *columns;   /* guint, indices into Tsv.columns */
} Layer;

typedef struct
{
  guint layer;
  ColumnKind kind;
  char *feature;
  char *target_type;
} Column;

typedef struct _Unit Unit;
struct _Unit
{
  guint line;
  char *id;
  gint64 fbegin, fend;   /* as the file counts */
  gint64 begin, end;     /* stored code points */
  char **fields;
  guint n_fields;
  GPtrArray *subtokens;  /* Unit *, not owned */
  GPtrArray **stacks;    /* per layer: spans or relations, in stacking order */
};

typedef struct
{
  HearsayCasRelation *relation;
  Unit *unit;
  char *source;          /* the source row's id */
  int source_id, target_id;
  guint line;
} PendingRelation;

typedef struct
{
  HearsayCasSpan *span;
  const Column *column;
  Unit *unit;
  char **roles;          /* "" for a slot without a role */
  char *targets;         /* the target cell's stacked value, NULL until read */
  guint line;
} PendingSlot;

typedef struct
{
  HearsayImportContext *ctx;
  const char *path;
  HearsayCasDocument *cas;
  HearsayOffsetConvention convention;
  GPtrArray *layers;
  GPtrArray *columns;
  GHashTable *layer_by_type;   /* type → layer index + 1 */
  GPtrArray *units;            /* every Unit, owned, in file order */
  GPtrArray *sentences;        /* GPtrArray of tokens (Unit *), owned */
  GHashTable *ids;             /* disambiguation id → HearsayCasSpan */
  GHashTable *chains;          /* chain id → GHashTable (element → span) */
  GPtrArray *relations;        /* PendingRelation */
  GHashTable *slots;           /* "span/feature" → PendingSlot */
  GPtrArray *slot_order;       /* PendingSlot, in file order */
  GHashTable *token_relations; /* layer type → count, left out */
} Tsv;

/* "S-T" or "S-T.N": sentence, token and sub-token (0 for a token). */
gboolean hearsay_tsv_parse_id              (const char  *id,
                                            guint       *sentence,
                                            guint       *token,
                                            guint       *sub);
/* Pass 2, once the text is whole: offsets converted and checked, cells
 * read, relations, slots and chains resolved. */
gboolean hearsay_tsv_read_annotations      (Tsv         *t,
                                            GError     **error);
void     hearsay_tsv_pending_relation_free (gpointer     data);
void     hearsay_tsv_pending_slot_free     (gpointer     data);

G_END_DECLS
