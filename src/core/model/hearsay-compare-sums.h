/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-sums.h: what the store adds up per outlet for the outlet
 * comparison, as typed rows (one struct per kind of row), and the scheme
 * identifiers the sums are counted by. The store fills them, the project
 * hands them out, compare/ turns them into tables. Strings belong to the
 * sums' string chunk; an outlet is "" for documents without one. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which labels, relation types, attributes and fields the comparison counts;
 * the store binds them as parameters of its queries. */
typedef struct
{
  const char *claim;
  const char *attributed_content;
  const char *source_mention;
  const char *entity_mention;
  const char *persuasion;
  const char *frame_cue;
  const char *boilerplate;
  const char *attributed_to;
  const char *relayed_by;
  const char *refers_to;
  const char *same_claim_as;
  const char *contradicts;
  const char *identification;
  const char *anonymous;       /* identification values that make an attribution weak */
  const char *described;
  const char *technique;
  const char *dimension;
  const char *frames_field;
  const char *primary_frame_field;
} HearsayCompareKeys;

/* The default scheme's identifiers (hearsay-scheme-ids.h). */
const HearsayCompareKeys *hearsay_compare_keys_default (void);

typedef struct
{
  const char *outlet;
  gint64 documents;
  gint64 words;          /* outside boilerplate */
} HearsaySumSize;

/* A count of one key per outlet: a label, "attributed"/"weak", a technique,
 * a frame dimension ("" when unset) or a lowercased word of a span. */
typedef struct
{
  const char *outlet;
  const char *key;
  gint64 n;
} HearsaySumCount;

typedef struct
{
  const char *outlet;
  const char *kind;      /* the linked entity's kind; NULL: not linked */
  gint64 mentions;
  gint64 state;          /* of which state-affiliated */
} HearsaySumSource;

typedef struct
{
  const char *outlet;
  const char *field;     /* frames or primary_frame */
  const char *value;
  gint64 documents;
} HearsaySumDocumentFrame;

/* How often an outlet names an entity with one surface form. */
typedef struct
{
  const char *outlet;
  gint64 entity_id;
  const char *entity_name;
  const char *form;
  gint64 mentions;
} HearsaySumNaming;

/* One "from relayed_by to" edge, with the entity name (NULL: not linked)
 * and the text of each end. */
typedef struct
{
  const char *outlet;
  gint64 from_id;
  const char *from_entity;
  const char *from_text;
  gint64 to_id;
  const char *to_entity;
  const char *to_text;
} HearsaySumChainEdge;

/* A same_claim_as or contradicts link between two compared claims. */
typedef struct
{
  const char *type;
  gint64 from_id;
  const char *from_outlet;
  const char *from_text;
  gint64 to_id;
  const char *to_outlet;
  const char *to_text;
} HearsaySumClaimLink;

typedef struct
{
  GStringChunk *strings;
  GArray *sizes;            /* HearsaySumSize, one per outlet */
  GArray *labels;           /* HearsaySumCount by label */
  GArray *attribution;      /* HearsaySumCount: "attributed", "weak" */
  GArray *sources;          /* HearsaySumSource */
  GArray *techniques;       /* HearsaySumCount by persuasion technique */
  GArray *dimensions;       /* HearsaySumCount by frame_cue dimension */
  GArray *document_frames;  /* HearsaySumDocumentFrame */
  GArray *naming;           /* HearsaySumNaming: by entity name, id, outlet, count (most first), form */
  GArray *chain_edges;      /* HearsaySumChainEdge, in relation order */
  GArray *claim_links;      /* HearsaySumClaimLink, by from id, to id */
  GArray *words;            /* HearsaySumCount by word */
} HearsayCompareSums;

HearsayCompareSums *hearsay_compare_sums_new    (void);
void                hearsay_compare_sums_free   (HearsayCompareSums *sums);
/* A copy of @text kept as long as @sums (NULL stays NULL). */
const char         *hearsay_compare_sums_intern (HearsayCompareSums *sums,
                                                 const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayCompareSums, hearsay_compare_sums_free)

G_END_DECLS
