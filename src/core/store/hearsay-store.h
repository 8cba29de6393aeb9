/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store.h: the project file. Every SQL statement of Hearsay lives in
 * this folder (DESIGN §3), so that a second backend can implement the same API. */
#pragma once

#if !defined (HEARSAY_STORE_COMPILATION) && !defined (HEARSAY_PROJECT_COMPILATION)
#error "hearsay-store.h is for src/core/project only (DESIGN §3: nothing else uses the store)"
#endif

#include <gio/gio.h>

#include "hearsay-annotation.h"
#include "hearsay-coder.h"
#include "hearsay-compare-sums.h"
#include "hearsay-document.h"
#include "hearsay-entity.h"
#include "hearsay-event.h"
#include "hearsay-layer-rows.h"
#include "hearsay-member.h"
#include "hearsay-search.h"
#include "hearsay-relation.h"

G_BEGIN_DECLS

/* 'HRSY': identifies a Hearsay project among SQLite files. */
#define HEARSAY_STORE_APPLICATION_ID 0x48525359
#define HEARSAY_STORE_SCHEMA_VERSION 7

typedef struct _HearsayStore HearsayStore;

typedef enum {
  HEARSAY_STORE_OPEN_DEFAULT   = 0,
  HEARSAY_STORE_OPEN_CREATE    = 1 << 0,  /* create and initialise a missing file */
  HEARSAY_STORE_OPEN_READ_ONLY = 1 << 1,
  HEARSAY_STORE_OPEN_NEW       = 1 << 2,  /* with CREATE: refuse a project that exists */
} HearsayStoreFlags;

/* What another client changed on a server project (LISTEN/NOTIFY). */
typedef enum {
  HEARSAY_STORE_CHANGE_ANNOTATION_ADDED,    /* document, annotation */
  HEARSAY_STORE_CHANGE_ANNOTATION_REMOVED,  /* document, annotation */
  HEARSAY_STORE_CHANGE_ANNOTATION_CHANGED,  /* document, annotation */
  HEARSAY_STORE_CHANGE_RELATIONS,           /* from annotation, to annotation (0: an entity) */
  HEARSAY_STORE_CHANGE_ENTITIES,
  HEARSAY_STORE_CHANGE_DOCUMENTS,           /* documents added or removed, events */
  HEARSAY_STORE_CHANGE_DOCUMENT,            /* a document's metadata or fields: document */
  HEARSAY_STORE_CHANGE_SCHEME,
  HEARSAY_STORE_CHANGE_EVERYTHING,          /* too many to list, or missed: reread it all */
} HearsayStoreChangeKind;

typedef struct
{
  HearsayStoreChangeKind kind;
  gint64 document_id;
  gint64 id;
  gint64 other_id;
} HearsayStoreChange;


/* Whether @location names a project on a PostgreSQL server rather than a
 * file: "postgresql://…", "postgres://…" or a libpq keyword string
 * ("host=… dbname=…"). */
gboolean           hearsay_store_location_is_server   (const char        *location);
/* The password for the connections of this process to @location (a
 * server's), typed by the user: kept in memory only, never written; NULL
 * forgets it. Without one, libpq looks in ~/.pgpass (or PGPASSFILE). */
void               hearsay_store_set_password         (const char        *location,
                                                       const char        *password);
HearsayStore      *hearsay_store_open                 (const char        *path,
                                                       HearsayStoreFlags  flags,
                                                       gboolean          *created,
                                                       GError           **error);
void               hearsay_store_close                (HearsayStore      *self);
gboolean           hearsay_store_is_read_only         (HearsayStore      *self);
/* Why a file that failed its check was opened read-only, and how to recover
 * it; NULL for a sound file. */
const char        *hearsay_store_get_damage           (HearsayStore      *self);
int                hearsay_store_get_schema_version   (HearsayStore      *self);
gboolean           hearsay_store_check_writable       (HearsayStore      *self,
                                                       GError           **error);

/* Transactions nest: only the outermost begin/commit reaches SQLite. */
gboolean           hearsay_store_begin                (HearsayStore      *self,
                                                       GError           **error);
gboolean           hearsay_store_commit               (HearsayStore      *self,
                                                       GError           **error);
void               hearsay_store_rollback             (HearsayStore      *self);
/* Inside a transaction: a point to roll back to without ending it (one
 * unit of an import that may fail alone). */
gboolean           hearsay_store_mark                 (HearsayStore      *self,
                                                       GError           **error);
gboolean           hearsay_store_rollback_to_mark     (HearsayStore      *self,
                                                       GError           **error);
gboolean           hearsay_store_release_mark         (HearsayStore      *self,
                                                       GError           **error);

/* Inside a transaction: the documents it inserts are indexed for search
 * all at once when the outermost transaction commits (a bulk import's many
 * savepoints would otherwise each flush the index); a rollback forgets them
 * with the rest. Searching within the transaction does not see them. */
gboolean           hearsay_store_defer_search_index   (HearsayStore      *self,
                                                       GError           **error);

gboolean           hearsay_store_backup               (HearsayStore      *self,
                                                       const char        *dest_path,
                                                       GError           **error);

/* Metadata and scheme */
char              *hearsay_store_get_meta             (HearsayStore      *self,
                                                       const char        *key);
gboolean           hearsay_store_set_meta             (HearsayStore      *self,
                                                       const char        *key,
                                                       const char        *value,
                                                       GError           **error);
char              *hearsay_store_get_scheme_json      (HearsayStore      *self,
                                                       GError           **error);
gboolean           hearsay_store_set_scheme_json      (HearsayStore      *self,
                                                       const char        *json,
                                                       GError           **error);

/* Documents */
gboolean           hearsay_store_insert_document      (HearsayStore      *self,
                                                       HearsayDocument   *document,
                                                       GError           **error);
gboolean           hearsay_store_update_document      (HearsayStore      *self,
                                                       HearsayDocument   *document,
                                                       GError           **error);
gboolean           hearsay_store_delete_document      (HearsayStore      *self,
                                                       gint64             id,
                                                       GError           **error);
GPtrArray         *hearsay_store_list_documents       (HearsayStore      *self,
                                                       GError           **error);
HearsayDocument   *hearsay_store_load_document        (HearsayStore      *self,
                                                       gint64             id,
                                                       GError           **error);
/* Calls @func for each document (with text), in id order; @ids limits the set. */
gboolean           hearsay_store_foreach_document     (HearsayStore      *self,
                                                       const gint64      *ids,
                                                       guint              n_ids,
                                                       HearsayDocumentFunc func,
                                                       gpointer           user_data,
                                                       GError           **error);
gint64             hearsay_store_count_documents      (HearsayStore      *self);

/* Annotations */
gboolean           hearsay_store_insert_annotation    (HearsayStore      *self,
                                                       HearsayAnnotation *annotation,
                                                       GError           **error);
gboolean           hearsay_store_delete_annotation    (HearsayStore      *self,
                                                       gint64             id,
                                                       GError           **error);
HearsayAnnotation *hearsay_store_load_annotation      (HearsayStore      *self,
                                                       gint64             id,
                                                       GError           **error);
/* Sorted by (start, end, id). */
GPtrArray         *hearsay_store_list_annotations     (HearsayStore      *self,
                                                       gint64             document_id,
                                                       GError           **error);
gboolean           hearsay_store_set_attribute        (HearsayStore      *self,
                                                       gint64             annotation_id,
                                                       const char        *name,
                                                       const char * const *values,
                                                       const char        *modified_at,
                                                       GError           **error);
gboolean           hearsay_store_set_note             (HearsayStore      *self,
                                                       gint64             annotation_id,
                                                       const char        *note,
                                                       const char        *modified_at,
                                                       GError           **error);
gboolean           hearsay_store_set_label            (HearsayStore      *self,
                                                       gint64             annotation_id,
                                                       const char        *label,
                                                       const char        *modified_at,
                                                       GError           **error);
gint64             hearsay_store_count_annotations    (HearsayStore      *self,
                                                       gint64             document_id);

/* Relations */
gint64             hearsay_store_insert_relation      (HearsayStore      *self,
                                                       const HearsayRelation *relation,
                                                       GError           **error);
/* Relations whose source annotation is in @document_id, by id. */
GPtrArray         *hearsay_store_list_relations       (HearsayStore      *self,
                                                       gint64             document_id,
                                                       GError           **error);

GPtrArray         *hearsay_store_list_annotation_relations (HearsayStore *self,
                                                       gint64             annotation_id,
                                                       GError           **error);
HearsayRelation   *hearsay_store_load_relation        (HearsayStore      *self,
                                                       gint64             id,
                                                       GError           **error);
gboolean           hearsay_store_delete_relation      (HearsayStore      *self,
                                                       gint64             id,
                                                       GError           **error);

/* Entities */
gboolean           hearsay_store_insert_entity        (HearsayStore      *self,
                                                       HearsayEntity     *entity,
                                                       GError           **error);
gboolean           hearsay_store_update_entity        (HearsayStore      *self,
                                                       HearsayEntity     *entity,
                                                       GError           **error);
gboolean           hearsay_store_delete_entity        (HearsayStore      *self,
                                                       gint64             id,
                                                       GError           **error);
/* How many relations link an annotation to entity @id; -1 on error. */
gint64             hearsay_store_count_entity_links   (HearsayStore      *self,
                                                       gint64             id,
                                                       GError           **error);
GPtrArray         *hearsay_store_list_entities        (HearsayStore      *self,
                                                       GError           **error);
HearsayEntity     *hearsay_store_load_entity          (HearsayStore      *self,
                                                       gint64             id,
                                                       GError           **error);

/* Undo history. @scope: a document id, 0 for project-wide edits, or
 * HEARSAY_STORE_ANY_SCOPE for the newest entry of any scope. */
#define HEARSAY_STORE_ANY_SCOPE (-1)

/* Adds an entry and forgets the entries of its scope that were undone. */
gboolean           hearsay_store_history_push         (HearsayStore      *self,
                                                       gint64             scope,
                                                       const char        *kind,
                                                       const char        *subject,
                                                       const char        *undo,
                                                       const char        *redo,
                                                       const char        *created_at,
                                                       GError           **error);
/* The entry the next undo (or redo) of @scope applies; FALSE when there is
 * none. @entry_scope (may be NULL) gets the entry's own scope. */
gboolean           hearsay_store_history_peek         (HearsayStore      *self,
                                                       gboolean           redo,
                                                       gint64             scope,
                                                       gint64            *id,
                                                       gint64            *entry_scope,
                                                       char             **kind,
                                                       char             **subject,
                                                       char             **ops);
gboolean           hearsay_store_history_mark         (HearsayStore      *self,
                                                       gint64             id,
                                                       gboolean           undone,
                                                       GError           **error);
/* Entry @id's scope and whether it is undone; FALSE when there is none. */
gboolean           hearsay_store_history_lookup       (HearsayStore      *self,
                                                       gint64             id,
                                                       gint64            *scope,
                                                       gboolean          *undone);
gboolean           hearsay_store_history_forget       (HearsayStore      *self,
                                                       gint64             id,
                                                       GError           **error);
gboolean           hearsay_store_replace_fragments    (HearsayStore      *self,
                                                       HearsayAnnotation *annotation,
                                                       const char        *modified_at,
                                                       GError           **error);

/* The distinct labels annotations use (some may have left the scheme). */
char             **hearsay_store_list_used_labels     (HearsayStore      *self,
                                                       GError           **error);
/* The ids of the annotations labelled @label, in id order. */
GArray            *hearsay_store_list_label_annotations (HearsayStore    *self,
                                                       const char        *label,
                                                       GError           **error);
GPtrArray         *hearsay_store_search_annotations   (HearsayStore      *self,
                                                       const char        *label,
                                                       const char        *query,
                                                       gint64             exclude_document_id,
                                                       guint              limit,
                                                       GError           **error);

/* Events. save_event inserts an event whose id is 0 (and sets its id),
 * else updates it. */
gboolean           hearsay_store_save_event           (HearsayStore      *self,
                                                       HearsayEvent      *event,
                                                       GError           **error);
/* Inserts @event under its own id when it has one (a copy of a project,
 * the redo of its deletion), else under a new one, and sets its id. */
gboolean           hearsay_store_insert_event         (HearsayStore      *self,
                                                       HearsayEvent      *event,
                                                       GError           **error);
/* The ids of the documents in event @id, in id order. */
GArray            *hearsay_store_list_event_documents (HearsayStore      *self,
                                                       gint64             id,
                                                       GError           **error);
gboolean           hearsay_store_delete_event         (HearsayStore      *self,
                                                       gint64             id,
                                                       GError           **error);
GPtrArray         *hearsay_store_list_events          (HearsayStore      *self,
                                                       GError           **error);
gboolean           hearsay_store_set_document_event   (HearsayStore      *self,
                                                       gint64             document_id,
                                                       gint64             event_id,
                                                       GError           **error);
gint64             hearsay_store_get_document_event   (HearsayStore      *self,
                                                       gint64             document_id);
GArray            *hearsay_store_suggest_event_documents (HearsayStore   *self,
                                                       gint64             event_id,
                                                       const char        *date,
                                                       int                days,
                                                       GError           **error);

/* Search */
GPtrArray         *hearsay_store_search               (HearsayStore      *self,
                                                       const char        *query,
                                                       guint              max_documents,
                                                       guint              max_per_document,
                                                       GError           **error);
GPtrArray         *hearsay_store_filter_documents     (HearsayStore      *self,
                                                       const HearsayDocumentFilter *filter,
                                                       GError           **error);

/* Comparison (hearsay-store-compare.c): brings the per-document aggregates
 * up to date, then adds them up per outlet over @document_ids, or the
 * documents of @event_id when @document_ids is NULL, counting by the
 * identifiers in @keys. Annotations wholly inside boilerplate are left out
 * of every row. */
HearsayCompareSums *hearsay_store_compare_sums        (HearsayStore      *self,
                                                       const HearsayCompareKeys *keys,
                                                       const gint64      *document_ids,
                                                       guint              n_documents,
                                                       gint64             event_id,
                                                       GError           **error);

/* The same sums counted on one coder's layer (@coder; NULL: every layer,
 * as hearsay_store_compare_sums()), with every layer's boilerplate still
 * excluded. Nothing is written: the figures are rebuilt for the selected
 * documents in temporary tables. */
HearsayCompareSums *hearsay_store_compare_layer_sums  (HearsayStore      *self,
                                                       const HearsayCompareKeys *keys,
                                                       const char        *coder,
                                                       const gint64      *document_ids,
                                                       guint              n_documents,
                                                       gint64             event_id,
                                                       GError           **error);

/* Team annotation (schema step 6). A coder is a row of the annotator
 * table: the layer is every annotation and relation with that annotator.
 *
 * hearsay-store-coders.c: every annotator, by id, with its colour (NULL
 * when none was chosen), role and number of annotations. */
GPtrArray         *hearsay_store_list_coders          (HearsayStore      *self,
                                                       GError           **error);
/* Adds @coder (id 0; gets its id) or writes its name, colour and role
 * (renaming a coder renames its layer). A name taken by another coder, or
 * a second gold layer, is refused. */
gboolean           hearsay_store_save_coder           (HearsayStore      *self,
                                                       HearsayCoder      *coder,
                                                       GError           **error);

/* hearsay-store-layers.c: the fragments (and, as @flags ask, the
 * attribute values and each annotation's stable id and note) of the layers
 * named in @coders (NULL: every named layer) on @document_ids (NULL: every
 * document), in one read. */
HearsayLayerRows  *hearsay_store_read_layers          (HearsayStore      *self,
                                                       const gint64      *document_ids,
                                                       guint              n_documents,
                                                       const char * const *coders,
                                                       HearsayLayerReadFlags flags,
                                                       GError           **error);
/* One layer's annotations (full objects), of @document_id, sorted by
 * (start, end, id), or with 0 of every document, in no particular order.
 * None when there is no such coder. */
GPtrArray         *hearsay_store_list_layer_annotations (HearsayStore    *self,
                                                       gint64             document_id,
                                                       const char        *coder,
                                                       GError           **error);
/* Curation: marks a coder's annotation as left out of the gold layer. */
gboolean           hearsay_store_set_rejected         (HearsayStore      *self,
                                                       gint64             annotation_id,
                                                       gboolean           rejected,
                                                       GError           **error);

/* hearsay-store-team.c: what a coder's copy and the project last agreed
 * on: stable id (uuid) → digest of the coder's annotations and relations. */
GHashTable        *hearsay_store_read_team_base       (HearsayStore      *self,
                                                       const char        *coder,
                                                       GError           **error);
/* Sets one entry (@digest NULL: removes it); @uuid NULL removes every
 * entry of @coder. */
gboolean           hearsay_store_write_team_base      (HearsayStore      *self,
                                                       const char        *coder,
                                                       const char        *uuid,
                                                       const char        *digest,
                                                       GError           **error);
/* Makes this file a blind copy: removes the annotations, relations and
 * annotators of every layer but those named in @coders and the auto ones,
 * everything derived from them (undo history, comparison figures and
 * keys, merge bases, curation marks), then rewrites the file so that no
 * removed data stays in its free pages. Outside any transaction. */
gboolean           hearsay_store_keep_layers          (HearsayStore      *self,
                                                       const char * const *coders,
                                                       GError           **error);

/* hearsay-store-spans.c: one row per fragment of the document's
 * annotations (HearsaySpan, labels interned), sorted by (start, end,
 * annotation id). One query, no quotes read. */
GArray            *hearsay_store_list_spans           (HearsayStore      *self,
                                                       gint64             document_id,
                                                       GError           **error);

/* hearsay-store-copy.c: copies every document, annotation, relation,
 * entity and event of @src under the same ids, the scheme and the
 * settings, into the empty project @dest (any backends), in one
 * transaction of @dest. The undo history stays behind. */
gboolean           hearsay_store_copy                 (HearsayStore      *src,
                                                       HearsayStore      *dest,
                                                       GError           **error);

/* A server project (hearsay-pg-*.c); a file answers NULL, NONE, -1, no
 * changes, or a HEARSAY_STORE_ERROR_NOT_SERVER error. */
/* The login edits are made as (a coder's annotator name). */
char              *hearsay_store_dup_user             (HearsayStore      *self);
HearsayMemberRole  hearsay_store_get_role             (HearsayStore      *self);
/* The socket that becomes readable when another client changed something. */
int                hearsay_store_get_notify_fd        (HearsayStore      *self);
/* The changes received since the last call (HearsayStoreChange), oldest
 * first; NULL when there are none. */
GArray            *hearsay_store_take_changes         (HearsayStore      *self);
/* After the connection was lost (the store is read-only meanwhile): TRUE
 * once it is back and writable again. */
gboolean           hearsay_store_reconnect            (HearsayStore      *self,
                                                       GError           **error);
gboolean           hearsay_store_add_member           (HearsayStore      *self,
                                                       const char        *name,
                                                       HearsayMemberRole  role,
                                                       const char        *password,
                                                       GError           **error);
gboolean           hearsay_store_remove_member        (HearsayStore      *self,
                                                       const char        *name,
                                                       GError           **error);
/* HearsayMember, by name. */
GPtrArray         *hearsay_store_list_members         (HearsayStore      *self,
                                                       GError           **error);
gboolean           hearsay_store_set_blind            (HearsayStore      *self,
                                                       gboolean           blind,
                                                       GError           **error);
gboolean           hearsay_store_get_blind            (HearsayStore      *self);

G_END_DECLS
