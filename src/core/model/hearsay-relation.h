/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-relation.h: a typed link from an annotation to another annotation
 * (possibly in another document) or to an entity. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *type;
  gint64 from_id;
  gint64 to_id;         /* annotation, or 0 */
  gint64 to_entity_id;  /* entity, or 0 */
  char *annotator;
  char *created_at;
  char *uuid;           /* stable identity across copies and merges; NULL: new */
} HearsayRelation;

void hearsay_relation_free (HearsayRelation *relation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayRelation, hearsay_relation_free)

G_END_DECLS
