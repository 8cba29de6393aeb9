/* hearsay-project-private.h: for the core's importers and exporters. */
#pragma once

#include "hearsay-project.h"
#include "store/hearsay-store.h"

G_BEGIN_DECLS

HearsayStore *hearsay_project_get_store           (HearsayProject    *self);

typedef enum {
  HEARSAY_PROJECT_CHANGE_ANNOTATION_ADDED,
  HEARSAY_PROJECT_CHANGE_ANNOTATION_REMOVED,
  HEARSAY_PROJECT_CHANGE_ANNOTATION_CHANGED,
  HEARSAY_PROJECT_CHANGE_RELATIONS,
  HEARSAY_PROJECT_CHANGE_ENTITIES,
  HEARSAY_PROJECT_CHANGE_HISTORY,
} HearsayProjectChange;

/* Emits the signal for @change: annotation ones take (document, annotation),
 * relations take (from annotation, to annotation or 0). */
void          hearsay_project_emit_change        (HearsayProject       *self,
                                                  HearsayProjectChange  change,
                                                  gint64                document_id,
                                                  gint64                id,
                                                  gint64                other_id);
/* The text index of a document, cached for the last document asked for. */
HearsayTextIndex *hearsay_project_get_text_index (HearsayProject       *self,
                                                  gint64                document_id,
                                                  GError              **error);

G_END_DECLS
