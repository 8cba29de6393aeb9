/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-curation-private.h: shared by the curation's files. */
#pragma once

#ifndef HEARSAY_COMPARE_COMPILATION
#error "hearsay-curation-private.h is private to src/core/compare"
#endif

#include "hearsay-agreement-private.h"
#include "hearsay-curation.h"
#include "hearsay-layer-rows.h"

G_BEGIN_DECLS

struct _HearsayCuration
{
  GObject parent_instance;

  HearsayProject *project;
  gint64 document_id;
  GStrv requested;            /* the coders named, or NULL */
  GPtrArray *coders;          /* char *: the document's coders */
  char *gold;                 /* the gold layer's name, or NULL */
  GStringChunk *strings;
  GArray *units;              /* HearsayCurationUnit */
  GArray *versions;           /* HearsayCurationVersion */
  GArray *first_version;      /* guint per unit */
  GHashTable *unit_of;        /* annotation id → unit + 1 */
};

/* One document's alignment: in and out. */
typedef struct
{
  HearsayLayerRows *rows;
  guint first;                /* the document's fragments in rows */
  guint last;
  GStrv requested;
  GPtrArray *coders;          /* out (may be NULL): the document's coders */
  guint n_coders;             /* out */
  GStringChunk *strings;      /* may be NULL: no values kept */
  GArray *units;
  GArray *versions;
  GArray *first_version;
  GHashTable *unit_of;        /* may be NULL */
} HearsayCurationAlign;

void hearsay_curation_align_document (HearsayCurationAlign *align);

G_END_DECLS
