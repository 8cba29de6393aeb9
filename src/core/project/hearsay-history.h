/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-history.h: recording edits as undo/redo operation lists (JSON). */
#pragma once

#include "hearsay-project-private.h"

G_BEGIN_DECLS

/* One edit: what undoes it and what redoes it, each a list of operations. */
typedef struct
{
  const char *kind;     /* add_annotation, delete_annotation, set_attribute, … */
  char *subject;        /* label, attribute or relation type the edit is about */
  GString *undo;
  GString *redo;
} HearsayEdit;

void     hearsay_edit_init              (HearsayEdit        *edit,
                                         const char         *kind,
                                         const char         *subject);
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
void     hearsay_ops_insert_relation    (GString            *ops,
                                         const HearsayRelation *relation);
void     hearsay_ops_delete_relation    (GString            *ops,
                                         gint64              id);

/* Stores @edit in the history; call inside the edit's own transaction. */
gboolean hearsay_history_record         (HearsayProject     *project,
                                         HearsayEdit        *edit,
                                         GError            **error);

/* Ends an edit whose store changes ran after hearsay_store_begin(): when @ok,
 * records @edit and commits; otherwise (or on error) rolls everything back.
 * Clears @edit either way. */
gboolean hearsay_history_commit         (HearsayProject     *project,
                                         HearsayEdit        *edit,
                                         gboolean            ok,
                                         GError            **error);

G_END_DECLS
