/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-history.h: edits as operation lists (JSON). An edit is applied by
 * running its redo list through the same code that redo and undo replay,
 * and recorded with its undo list in the same transaction. */
#pragma once

#include "hearsay-project-private.h"

G_BEGIN_DECLS

/* One edit: what undoes it and what redoes it, each a list of operations. */
typedef struct
{
  const char *kind;     /* add_annotation, delete_annotation, set_attribute, … */
  char *subject;        /* label, attribute or relation type the edit is about */
  gint64 scope;         /* the document it changes; 0: a project-wide edit */
  GString *undo;
  GString *redo;
} HearsayEdit;

void     hearsay_edit_init              (HearsayEdit        *edit,
                                         const char         *kind,
                                         const char         *subject,
                                         gint64              scope);
void     hearsay_edit_clear             (HearsayEdit        *edit);

void     hearsay_ops_delete_annotation  (GString            *ops,
                                         gint64              id);
/* Re-creates @annotation with its id, and the @relations (may be NULL) it had. */
void     hearsay_ops_insert_annotation  (GString            *ops,
                                         HearsayScheme      *scheme,
                                         HearsayAnnotation  *annotation,
                                         GPtrArray          *relations);
void     hearsay_ops_set_attribute      (GString            *ops,
                                         gint64              id,
                                         const char         *name,
                                         const char * const *values);
void     hearsay_ops_set_note           (GString            *ops,
                                         gint64              id,
                                         const char         *note);
void     hearsay_ops_set_label          (GString            *ops,
                                         gint64              id,
                                         const char         *label);
void     hearsay_ops_set_fragments      (GString            *ops,
                                         HearsayAnnotation  *annotation);
/* @relation's from_id (or to_id) may be −k: the k-th annotation this edit
 * inserts before it. */
void     hearsay_ops_insert_relation    (GString            *ops,
                                         const HearsayRelation *relation);
/* Curation: marks a coder's annotation as left out of the gold layer. */
void     hearsay_ops_set_rejected       (GString            *ops,
                                         gint64              id,
                                         gboolean            rejected);
void     hearsay_ops_delete_relation    (GString            *ops,
                                         gint64              id);
/* Sets @names (metadata: title, outlet, url, published_at, language; or
 * document fields) of document @id to their values in @document. */
void     hearsay_ops_set_document       (GString            *ops,
                                         HearsayDocument    *document,
                                         const char * const *names);

/* Project-wide operations (hearsay-history-ops-project.c): the scheme,
 * the entity registry, events and which documents they hold. An insert
 * with id 0 gets a new id (and its deletion in the undo list). */
void     hearsay_ops_set_scheme         (GString            *ops,
                                         const char         *scheme_json);
/* Gives the annotations @ids (gint64) label @label. */
void     hearsay_ops_relabel            (GString            *ops,
                                         GArray             *ids,
                                         const char         *label);
void     hearsay_ops_insert_entity      (GString            *ops,
                                         HearsayEntity      *entity);
void     hearsay_ops_update_entity      (GString            *ops,
                                         HearsayEntity      *entity);
void     hearsay_ops_delete_entity      (GString            *ops,
                                         gint64              id);
/* Re-creates @event and puts @documents (gint64; may be NULL) in it. */
void     hearsay_ops_insert_event       (GString            *ops,
                                         HearsayEvent       *event,
                                         GArray             *documents);
void     hearsay_ops_update_event       (GString            *ops,
                                         HearsayEvent       *event);
void     hearsay_ops_delete_event       (GString            *ops,
                                         gint64              id);
void     hearsay_ops_set_document_event (GString            *ops,
                                         gint64              document_id,
                                         gint64              event_id);

/* The document metadata a set_document operation may set. */
extern const char * const hearsay_document_metadata[];

/* Opens an edit's transaction. An edit reads the state it builds its
 * operations from after this call, so that two writers never work from
 * the same state (one waits for the other). */
gboolean hearsay_history_begin          (HearsayProject     *project,
                                         GError            **error);
/* Applies @edit's redo operations (inserts with id 0 get their ids; their
 * deletion is added to the undo list), records the edit, commits and tells
 * the listeners what changed. On an error everything is rolled back.
 * Clears @edit either way. @inserted (may be NULL) gets the id the first
 * insert received. */
gboolean hearsay_history_apply          (HearsayProject     *project,
                                         HearsayEdit        *edit,
                                         gint64             *inserted,
                                         GError            **error);
/* Rolls back the transaction hearsay_history_begin() opened; clears @edit. */
void     hearsay_history_abort          (HearsayProject     *project,
                                         HearsayEdit        *edit);

G_END_DECLS
