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
  GObject *object;     /* owned: the annotation an insert made, or NULL */
} HearsayChange;

typedef enum
{
  HEARSAY_INSERTED_ANNOTATION,
  HEARSAY_INSERTED_RELATION,
  HEARSAY_INSERTED_ENTITY,
  HEARSAY_INSERTED_EVENT,
} HearsayInsertedKind;

/* An object an operation created. */
typedef struct
{
  HearsayInsertedKind kind;
  gint64 id;
  gboolean created;    /* given its id by this edit (its undo deletes it) */
} HearsayInserted;

typedef struct
{
  GArray *changes;     /* HearsayChange */
  GArray *inserted;    /* HearsayInserted, in order */
  /* A scheme an operation stored: the project takes it once committed. */
  HearsayScheme *scheme;
} HearsayApplied;

/* Applies one operation inside the caller's transaction. */
gboolean hearsay_history_apply_op (HearsayProject  *self,
                                   JsonObject      *op,
                                   HearsayApplied  *applied,
                                   GError         **error);

/* hearsay-history-ops.c, for the project-wide operations. */
void     hearsay_history_note_change (HearsayApplied       *applied,
                                      HearsayProjectChange  kind,
                                      gint64                document_id,
                                      gint64                id,
                                      gint64                other_id);
/* An insert with id 0 got @new_id: the operation (and @object, its JSON)
 * are given it, so that the recorded redo re-creates the same object. */
void     hearsay_history_note_insert (HearsayApplied       *applied,
                                      JsonObject           *op,
                                      JsonObject           *object,
                                      HearsayInsertedKind   kind,
                                      gint64                old_id,
                                      gint64                new_id,
                                      const char           *uuid);
gboolean hearsay_history_invalid_op  (HearsayProject       *self,
                                      const char           *name,
                                      GError              **error);

/* hearsay-history-ops-project.c: applies operation @name if it is a
 * project-wide one (sets *handled). */
gboolean hearsay_history_apply_project_op (HearsayProject  *self,
                                           const char      *name,
                                           JsonObject      *op,
                                           gint64           id,
                                           HearsayApplied  *applied,
                                           gboolean        *handled,
                                           GError         **error);

/* hearsay-history-describe.c: what an entry is called ("Add Claim") and
 * what it concerns, read from its operations before they are applied. */
char    *hearsay_history_describe     (HearsayProject       *self,
                                       const char           *kind,
                                       const char           *subject);
void     hearsay_history_describe_target (HearsayProject     *self,
                                          JsonArray          *ops,
                                          HearsayHistoryStep *step);

G_END_DECLS
