/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-team-private.h: what the coders' copies and their merge share —
 * digests of annotations and relations, and one layer's state by stable id. */
#pragma once

#ifndef HEARSAY_PROJECT_COMPILATION
#error "hearsay-team-private.h is private to src/core/project"
#endif

#include "hearsay-project-private.h"

G_BEGIN_DECLS

/* A relation's type and ends, its ends named by stable ids (@to_uuid:
 * an annotation's, or "entity:" and an entity's). */
char *hearsay_team_relation_digest   (const char             *type,
                                      const char             *from_uuid,
                                      const char             *to_uuid);

/* One annotation of a layer: where it is and what it says. */
typedef struct
{
  gint64 id;
  gint64 document_id;
  char *digest;              /* label, fragments, attribute values and note */
} HearsayTeamItem;

/* One coder's layer in one file, by stable id. */
typedef struct
{
  GHashTable *annotations;   /* uuid → HearsayTeamItem * */
  GHashTable *relations;     /* uuid → HearsayRelation * */
  GHashTable *relation_ends; /* relation uuid → (from uuid, to uuid or "entity:" uuid) as a GStrv */
  GHashTable *digests;       /* uuid → digest, annotations and relations */
  GHashTable *uuid_of;       /* annotation id (gint64 *) → uuid, the layer's and the ends' */
  HearsayLayerRows *rows;    /* the rows the keys of @annotations point into, when owned */
} HearsayTeamLayer;

/* The layers of @coders (NULL: every one) in @store, read at once, with
 * what a layer needs (values and identities). */
HearsayLayerRows *hearsay_team_read_rows  (HearsayStore        *store,
                                           const char * const  *coders,
                                           GError             **error);
/* The layer of rows->coders[@coder] (-1: an empty layer). */
HearsayTeamLayer *hearsay_team_layer_new  (HearsayStore        *store,
                                           HearsayLayerRows    *rows,
                                           int                  coder,
                                           GError             **error);
/* @coder's layer in @store, read on its own. */
HearsayTeamLayer *hearsay_team_layer_read (HearsayStore        *store,
                                           const char          *coder,
                                           GError             **error);
void              hearsay_team_layer_free (HearsayTeamLayer *layer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayTeamLayer, hearsay_team_layer_free)

/* The blind copy's meta keys. */
#define HEARSAY_TEAM_META_COPY_CODER  "team.coder"
#define HEARSAY_TEAM_META_BLIND_CODER "team.blind"
#define HEARSAY_TEAM_META_ORIGIN      "team.origin"
#define HEARSAY_TEAM_META_PREPARED_AT "team.prepared_at"

G_END_DECLS
