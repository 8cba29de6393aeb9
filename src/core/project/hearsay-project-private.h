/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-private.h: shared by the files of src/core/project only;
 * the folders above use the public calls (hearsay-project.h,
 * hearsay-project-bulk.h). */
#pragma once

#ifndef HEARSAY_PROJECT_COMPILATION
#error "hearsay-project-private.h is private to src/core/project"
#endif

#include "hearsay-project.h"
#include "hearsay-store.h"

G_BEGIN_DECLS

HearsayStore *hearsay_project_get_store           (HearsayProject    *self);
/* The store, or NULL with "The project … is closed". */
HearsayStore *hearsay_project_require_store       (HearsayProject    *self,
                                                  GError           **error);

typedef enum {
  HEARSAY_PROJECT_CHANGE_ANNOTATION_ADDED,
  HEARSAY_PROJECT_CHANGE_ANNOTATION_REMOVED,
  HEARSAY_PROJECT_CHANGE_ANNOTATION_CHANGED,
  HEARSAY_PROJECT_CHANGE_RELATIONS,
  HEARSAY_PROJECT_CHANGE_ENTITIES,
  HEARSAY_PROJECT_CHANGE_HISTORY,
  HEARSAY_PROJECT_CHANGE_DOCUMENT,
  HEARSAY_PROJECT_CHANGE_DOCUMENTS,
  HEARSAY_PROJECT_CHANGE_SCHEME,       /* reread from the store first */
  HEARSAY_PROJECT_CHANGE_READ_ONLY,
} HearsayProjectChange;

/* Emits the signal for @change: annotation ones take (document, annotation),
 * a document's metadata (document),
 * relations take (from annotation, to annotation or 0). An added
 * annotation comes with @object, the HearsayAnnotation as stored. */
void          hearsay_project_emit_change        (HearsayProject       *self,
                                                  HearsayProjectChange  change,
                                                  gint64                document_id,
                                                  gint64                id,
                                                  gint64                other_id,
                                                  GObject              *object);
/* Takes @scheme (already stored) as the project's scheme. */
void          hearsay_project_take_scheme        (HearsayProject       *self,
                                                  HearsayScheme        *scheme);
/* The text index of a document, cached for the last document asked for. */
HearsayTextIndex *hearsay_project_get_text_index (HearsayProject       *self,
                                                  gint64                document_id,
                                                  GError              **error);

/* hearsay-project.c: rereads the scheme another client changed. */
gboolean      hearsay_project_reload_scheme      (HearsayProject       *self,
                                                  GError              **error);
/* hearsay-project-server.c: stops following other clients' changes (on close). */
void          hearsay_project_stop_following     (HearsayProject       *self);

G_END_DECLS
