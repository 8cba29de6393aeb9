/* hearsay-project-private.h: for the core's importers and exporters. */
#pragma once

#include "hearsay-project.h"
#include "store/hearsay-store.h"

G_BEGIN_DECLS

HearsayStore *hearsay_project_get_store           (HearsayProject    *self);
/* Signals every listener that documents or annotations changed in bulk. */
void          hearsay_project_emit_documents_changed (HearsayProject *self);

G_END_DECLS
