/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-brat-private.h: what the brat writer's files share — the
 * types an export uses (for annotation.conf), and writing one .ann file. */
#pragma once

#ifndef HEARSAY_EXPORT_COMPILATION
#error "hearsay-export-brat-private.h is private to src/core/export"
#endif

#include "hearsay-export-private.h"

G_BEGIN_DECLS

/* Strings in the order first added, each once. */
typedef struct
{
  GPtrArray *order;
  GHashTable *set;
} BratSet;

BratSet  *brat_set_new    (void);
void      brat_set_free   (gpointer    set);
void      brat_set_add    (BratSet    *set,
                           const char *str);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BratSet, brat_set_free)

typedef struct
{
  BratSet *from;          /* Arg1 types; roles: unused */
  BratSet *to;            /* Arg2 types, or what fills a role */
  gboolean symmetric;
  gboolean equivalence;   /* written as "*" lines */
} BratRelationUse;

typedef struct
{
  BratSet *targets;       /* annotation types that carry it */
  BratSet *values;        /* empty: binary */
} BratAttributeUse;

/* Everything an export's .ann files use, so that annotation.conf declares
 * it and brat's verifier accepts the files. */
typedef struct
{
  BratSet *entities;
  BratSet *events;
  GHashTable *roles;        /* event type → GHashTable role → BratRelationUse */
  BratSet *relation_order;
  GHashTable *relations;    /* type → BratRelationUse */
  BratSet *attribute_order;
  GHashTable *attributes;   /* name → BratAttributeUse */
  /* What brat cannot carry, counted for the export's warnings. */
  guint n_merged_fragments;    /* fragments that touched or overlapped */
  guint n_split_fragments;     /* fragments split around a line break */
  guint n_blank;               /* annotations of line breaks only, left out */
  guint n_entity_links;        /* relations to entities → notes */
  guint n_cross_links;         /* relations across documents or .ann files → notes */
  guint n_text_attributes;     /* free text or spaced values → notes */
  guint n_renamed;             /* type names brat cannot store, renamed */
  guint n_note_breaks;         /* line breaks in notes other than LF */
  guint n_bad_normalizations;  /* normalization values without DB:ID → notes */
  guint n_orphan_args;         /* event arguments left out with their annotation */
  guint n_relation_annotators; /* relations by another annotator than their file's */
  char *renamed_example;
} BratUse;

BratUse  *brat_use_new    (void);
void      brat_use_free   (BratUse    *use);

/* brat's storage form: letters, digits, "_", "-"; anything else "_". */
char     *brat_type_name  (BratUse    *use,
                           const char *name);

/* The lines of one .ann file: @annotations (all of one annotator) and
 * the relations among them; a relation that leaves the file becomes a
 * note on its source. */
char     *brat_write_ann  (HearsayExportContext *ctx,
                           BratUse               *use,
                           HearsayOffsetMap      *map,
                           const char            *annotator,
                           GPtrArray             *annotations,
                           GPtrArray             *relations);

/* annotation.conf: the scheme and what the export used. */
char     *brat_write_conf (HearsayExportContext *ctx,
                           BratUse               *use,
                           const char            *header);

G_END_DECLS
