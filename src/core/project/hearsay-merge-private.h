/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-merge-private.h: between the checks of a merge of coders' copies
 * (hearsay-project-merge.c) and its writes (hearsay-project-merge-apply.c). */
#pragma once

#ifndef HEARSAY_PROJECT_COMPILATION
#error "hearsay-merge-private.h is private to src/core/project"
#endif

#include "hearsay-project-team.h"
#include "hearsay-team-private.h"

G_BEGIN_DECLS

/* One coder's file, checked and read, before anything is written. */
typedef struct
{
  HearsayMergeFile *report;   /* owned by the report */
  HearsayProject *copy;       /* opened read-only */
  HearsayCoder *copy_coder;   /* the coder as the copy has it (its colour) */
  GHashTable *documents;      /* copy document id → master document id (0: new) */
  GHashTable *covered;        /* master document ids the copy holds */
  HearsayTeamLayer *theirs;   /* the coder's layer in the copy */
} HearsayMergeSource;

void     hearsay_merge_source_free (HearsayMergeSource *source);

/* Writes @source into @self inside the caller's transaction; @ours holds
 * the project's layers as they were before the first copy was merged (a
 * merge writes only its own coder's layer, so it stays right for the
 * others). */
gboolean hearsay_merge_apply       (HearsayProject     *self,
                                    HearsayLayerRows   *ours,
                                    HearsayMergeSource *source,
                                    GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayMergeSource, hearsay_merge_source_free)

G_END_DECLS
