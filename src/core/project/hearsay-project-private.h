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
  HEARSAY_PROJECT_CHANGE_CODERS,
  HEARSAY_PROJECT_CHANGE_LAYERS,
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
/* The project's team state, owned by the project (hearsay-project-coders.c
 * reads and sets it). */
typedef struct
{
  char **uuid;
  char **copy_coder;
  char **blind_coder;
  GStrv *blind_layers;
  GStrv *visible_layers;
} HearsayProjectTeam;

HearsayProjectTeam hearsay_project_get_team      (HearsayProject       *self);
/* Reads the team state from the file (at open). */
gboolean      hearsay_project_load_team          (HearsayProject       *self,
                                                  GError              **error);
/* Blind mode: drops what the blind coder may not see (in place; passes
 * NULL through); an annotation of another layer is not found. */
GPtrArray    *hearsay_project_hide_annotations   (HearsayProject       *self,
                                                  GPtrArray            *annotations,
                                                  GError              **error);
HearsayAnnotation *hearsay_project_hide_annotation (HearsayProject     *self,
                                                  HearsayAnnotation    *annotation,
                                                  GError              **error);
GPtrArray    *hearsay_project_hide_relations     (HearsayProject       *self,
                                                  GPtrArray            *relations);
/* Blind mode: refuses to write into another layer than the coder's. */
gboolean      hearsay_project_check_own_layer    (HearsayProject       *self,
                                                  const char           *annotator,
                                                  GError              **error);
/* Blind mode: whether @annotator's layer is hidden. */
gboolean      hearsay_project_layer_is_hidden    (HearsayProject       *self,
                                                  const char           *annotator);

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
