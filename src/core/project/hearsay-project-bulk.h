/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-bulk.h: bulk writes for importers. They run inside one
 * transaction that the caller opens with hearsay_project_bulk_begin() and
 * ends with _commit() or _rollback(), so that an import lands whole or not
 * at all. Nothing is checked against the scheme or recorded in the undo
 * history, and no signal is emitted: the importer validates what it adds
 * and emits documents-changed after the commit. Transactions nest; only the
 * outermost begin and commit reach the file. */
#pragma once

#include "hearsay-project.h"

G_BEGIN_DECLS

gboolean  hearsay_project_bulk_begin           (HearsayProject         *self,
                                                GError                **error);
gboolean  hearsay_project_bulk_commit          (HearsayProject         *self,
                                                GError                **error);
void      hearsay_project_bulk_rollback        (HearsayProject         *self);
/* A point inside the transaction that one unit of the import can be rolled
 * back to alone (its file could not be read) while the rest goes on. */
gboolean  hearsay_project_bulk_mark            (HearsayProject         *self,
                                                GError                **error);
gboolean  hearsay_project_bulk_undo_to_mark    (HearsayProject         *self,
                                                GError                **error);
gboolean  hearsay_project_bulk_keep_mark       (HearsayProject         *self,
                                                GError                **error);

/* Stores @document and gives it its new id. */
gboolean  hearsay_project_bulk_add_document    (HearsayProject         *self,
                                                HearsayDocument        *document,
                                                GError                **error);
gboolean  hearsay_project_bulk_update_document (HearsayProject         *self,
                                                HearsayDocument        *document,
                                                GError                **error);
/* Stores @annotation as given (quotes, annotator and times filled in by the
 * caller) and gives it its new id. */
gboolean  hearsay_project_bulk_add_annotation  (HearsayProject         *self,
                                                HearsayAnnotation      *annotation,
                                                GError                **error);
/* Returns the new relation's id, or 0 with @error set. */
gint64    hearsay_project_bulk_add_relation    (HearsayProject         *self,
                                                const HearsayRelation  *relation,
                                                GError                **error);
gboolean  hearsay_project_bulk_add_entity      (HearsayProject         *self,
                                                HearsayEntity          *entity,
                                                GError                **error);
/* Writes @scheme into the file inside the transaction; the project's scheme
 * in memory changes only with hearsay_project_set_scheme() after the commit. */
gboolean  hearsay_project_bulk_store_scheme    (HearsayProject         *self,
                                                HearsayScheme          *scheme,
                                                GError                **error);

G_END_DECLS
