/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-history-private.h: between the operations (hearsay-history-ops.c)
 * and the history that records and replays them (hearsay-history.c). */
#pragma once

#ifndef HEARSAY_PROJECT_COMPILATION
#error "hearsay-history-private.h is private to src/core/project"
#endif

#include <json-glib/json-glib.h>

#include "hearsay-project-private.h"

G_BEGIN_DECLS

/* What changed, told to the views once the transaction is committed. */
typedef struct
{
  HearsayProjectChange change;
  gint64 document_id;
  gint64 id;
  gint64 other_id;
} HearsayChange;

/* An object an operation created. */
typedef struct
{
  gboolean relation;   /* else an annotation */
  gint64 id;
  gboolean created;    /* given its id by this edit (its undo deletes it) */
} HearsayInserted;

typedef struct
{
  GArray *changes;     /* HearsayChange */
  GArray *inserted;    /* HearsayInserted, in order */
} HearsayApplied;

/* Applies one operation inside the caller's transaction. */
gboolean hearsay_history_apply_op (HearsayProject  *self,
                                   JsonObject      *op,
                                   HearsayApplied  *applied,
                                   GError         **error);

G_END_DECLS
