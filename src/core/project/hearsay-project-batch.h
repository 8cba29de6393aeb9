/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-batch.h: several changes to one document as one undoable
 * edit — what curation does when it accepts a coder's version (a gold
 * annotation, its relations, the gold annotation it replaces) or every
 * agreed unit of a document at once. One transaction, one undo step. */
#pragma once

#include "hearsay-project.h"

G_BEGIN_DECLS

typedef enum {
  HEARSAY_BATCH_CURATE_ACCEPT,   /* "Accept NAME’s Version" (@subject: the coder) */
  HEARSAY_BATCH_CURATE_AGREED,   /* "Accept Agreed" */
  HEARSAY_BATCH_CURATE_REJECT,   /* "Reject" */
  HEARSAY_BATCH_CURATE_RESET,    /* "Undecide" */
} HearsayBatchKind;

typedef struct _HearsayBatchEdit HearsayBatchEdit;

HearsayBatchEdit *hearsay_batch_edit_new             (HearsayProject     *project,
                                                      gint64              document_id,
                                                      HearsayBatchKind    kind,
                                                      const char         *subject);
void              hearsay_batch_edit_free            (HearsayBatchEdit   *self);
/* Adds a new annotation of the document (a copy is taken; its id is
 * ignored; quotes and times are filled). Returns k: later relations of the
 * edit name it as −k. */
gint64            hearsay_batch_edit_add_annotation  (HearsayBatchEdit   *self,
                                                      HearsayAnnotation  *annotation);
/* A relation from and to annotations (ids, or −k for the edit's own new
 * ones), or to an entity (@to_id 0, @to_entity_id). */
void              hearsay_batch_edit_add_relation    (HearsayBatchEdit   *self,
                                                      const char         *type,
                                                      const char         *annotator,
                                                      gint64              from_id,
                                                      gint64              to_id,
                                                      gint64              to_entity_id);
void              hearsay_batch_edit_delete_annotation (HearsayBatchEdit *self,
                                                      gint64              annotation_id);
/* Curation: marks (or unmarks) a coder's annotation as left out of the
 * gold layer. Name only annotations whose mark changes. */
void              hearsay_batch_edit_set_rejected    (HearsayBatchEdit   *self,
                                                      gint64              annotation_id,
                                                      gboolean            rejected);
gboolean          hearsay_batch_edit_is_empty        (HearsayBatchEdit   *self);
/* Applies everything, in the order: deletions, marks, new annotations,
 * relations. Offsets are checked against the text (labels are taken as
 * they are: a coder's label outside the scheme stays what it is). On an
 * error nothing is changed. */
gboolean          hearsay_batch_edit_commit          (HearsayBatchEdit   *self,
                                                      GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayBatchEdit, hearsay_batch_edit_free)

G_END_DECLS
