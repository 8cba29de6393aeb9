/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-backend-private.h: the table of calls a store backend other
 * than the SQLite file implements (the PostgreSQL server). Each slot has the
 * signature of the hearsay-store.h call of the same name; the SQLite code of
 * that call starts with HEARSAY_STORE_DISPATCH, which hands the call to the
 * backend when the store has one.
 *
 * A new store call therefore needs: its declaration in hearsay-store.h, a
 * slot here, the DISPATCH line first in its SQLite body, and the backend's
 * implementation listed in that backend's table (hearsay-pg-backend.c).
 * test-store-backends checks that no slot of any table is left empty. */
#pragma once

#ifndef HEARSAY_STORE_COMPILATION
#error "hearsay-store-backend-private.h is private to src/core/store"
#endif

#include "hearsay-store.h"

G_BEGIN_DECLS

typedef struct _HearsayStoreBackend HearsayStoreBackend;

struct _HearsayStoreBackend
{
  const char *name;

  void               (*close)                  (HearsayStore *self);
  gboolean           (*begin)                  (HearsayStore *self, GError **error);
  gboolean           (*commit)                 (HearsayStore *self, GError **error);
  void               (*rollback)               (HearsayStore *self);
  gboolean           (*mark)                   (HearsayStore *self, GError **error);
  gboolean           (*rollback_to_mark)       (HearsayStore *self, GError **error);
  gboolean           (*release_mark)           (HearsayStore *self, GError **error);
  gboolean           (*defer_search_index)     (HearsayStore *self, GError **error);
  gboolean           (*backup)                 (HearsayStore *self, const char *dest_path, GError **error);

  char              *(*get_meta)               (HearsayStore *self, const char *key);
  gboolean           (*set_meta)               (HearsayStore *self, const char *key, const char *value,
                                                GError **error);
  char              *(*get_scheme_json)        (HearsayStore *self, GError **error);
  gboolean           (*set_scheme_json)        (HearsayStore *self, const char *json, GError **error);

  gboolean           (*insert_document)        (HearsayStore *self, HearsayDocument *document, GError **error);
  gboolean           (*update_document)        (HearsayStore *self, HearsayDocument *document, GError **error);
  gboolean           (*delete_document)        (HearsayStore *self, gint64 id, GError **error);
  GPtrArray         *(*list_documents)         (HearsayStore *self, GError **error);
  HearsayDocument   *(*load_document)          (HearsayStore *self, gint64 id, GError **error);
  gboolean           (*foreach_document)       (HearsayStore *self, const gint64 *ids, guint n_ids,
                                                HearsayDocumentFunc func, gpointer user_data,
                                                GError **error);
  gint64             (*count_documents)        (HearsayStore *self);

  gboolean           (*insert_annotation)      (HearsayStore *self, HearsayAnnotation *annotation,
                                                GError **error);
  gboolean           (*delete_annotation)      (HearsayStore *self, gint64 id, GError **error);
  HearsayAnnotation *(*load_annotation)        (HearsayStore *self, gint64 id, GError **error);
  GPtrArray         *(*list_annotations)       (HearsayStore *self, gint64 document_id, GError **error);
  gboolean           (*set_attribute)          (HearsayStore *self, gint64 annotation_id, const char *name,
                                                const char * const *values, const char *modified_at,
                                                GError **error);
  gboolean           (*set_note)               (HearsayStore *self, gint64 annotation_id, const char *note,
                                                const char *modified_at, GError **error);
  gboolean           (*set_label)              (HearsayStore *self, gint64 annotation_id, const char *label,
                                                const char *modified_at, GError **error);
  gint64             (*count_annotations)      (HearsayStore *self, gint64 document_id);
  gboolean           (*replace_fragments)      (HearsayStore *self, HearsayAnnotation *annotation,
                                                const char *modified_at, GError **error);
  char             **(*list_used_labels)       (HearsayStore *self, GError **error);
  GArray            *(*list_label_annotations) (HearsayStore *self, const char *label, GError **error);
  GPtrArray         *(*search_annotations)     (HearsayStore *self, const char *label, const char *query,
                                                gint64 exclude_document_id, guint limit, GError **error);
  GArray            *(*list_spans)             (HearsayStore *self, gint64 document_id, GError **error);

  gint64             (*insert_relation)        (HearsayStore *self, const HearsayRelation *relation,
                                                GError **error);
  GPtrArray         *(*list_relations)         (HearsayStore *self, gint64 document_id, GError **error);
  GPtrArray         *(*list_annotation_relations) (HearsayStore *self, gint64 annotation_id,
                                                GError **error);
  HearsayRelation   *(*load_relation)          (HearsayStore *self, gint64 id, GError **error);
  gboolean           (*delete_relation)        (HearsayStore *self, gint64 id, GError **error);

  gboolean           (*insert_entity)          (HearsayStore *self, HearsayEntity *entity, GError **error);
  gboolean           (*update_entity)          (HearsayStore *self, HearsayEntity *entity, GError **error);
  gboolean           (*delete_entity)          (HearsayStore *self, gint64 id, GError **error);
  GPtrArray         *(*list_entities)          (HearsayStore *self, GError **error);
  HearsayEntity     *(*load_entity)            (HearsayStore *self, gint64 id, GError **error);
  gint64             (*count_entity_links)     (HearsayStore *self, gint64 id, GError **error);

  gboolean           (*history_push)           (HearsayStore *self, gint64 scope, const char *kind,
                                                const char *subject, const char *undo, const char *redo,
                                                const char *created_at, GError **error);
  gboolean           (*history_peek)           (HearsayStore *self, gboolean redo, gint64 scope, gint64 *id,
                                                gint64 *entry_scope, char **kind, char **subject,
                                                char **ops);
  gboolean           (*history_mark)           (HearsayStore *self, gint64 id, gboolean undone,
                                                GError **error);
  gboolean           (*history_lookup)         (HearsayStore *self, gint64 id, gint64 *scope,
                                                gboolean *undone);
  gboolean           (*history_forget)         (HearsayStore *self, gint64 id, GError **error);

  gboolean           (*save_event)             (HearsayStore *self, HearsayEvent *event, GError **error);
  gboolean           (*insert_event)           (HearsayStore *self, HearsayEvent *event, GError **error);
  GArray            *(*list_event_documents)   (HearsayStore *self, gint64 id, GError **error);
  gboolean           (*delete_event)           (HearsayStore *self, gint64 id, GError **error);
  GPtrArray         *(*list_events)            (HearsayStore *self, GError **error);
  gboolean           (*set_document_event)     (HearsayStore *self, gint64 document_id, gint64 event_id,
                                                GError **error);
  gint64             (*get_document_event)     (HearsayStore *self, gint64 document_id);
  GArray            *(*suggest_event_documents) (HearsayStore *self, gint64 event_id, const char *date,
                                                int days, GError **error);

  GPtrArray         *(*search)                 (HearsayStore *self, const char *query, guint max_documents,
                                                guint max_per_document, GError **error);
  GPtrArray         *(*filter_documents)       (HearsayStore *self, const HearsayDocumentFilter *filter,
                                                GError **error);
  HearsayCompareSums *(*compare_sums)          (HearsayStore *self, const HearsayCompareKeys *keys,
                                                const gint64 *document_ids, guint n_documents,
                                                gint64 event_id, GError **error);
  HearsayCompareSums *(*compare_layer_sums)    (HearsayStore *self, const HearsayCompareKeys *keys,
                                                const char *coder, const gint64 *document_ids,
                                                guint n_documents, gint64 event_id, GError **error);

  /* Team annotation (schema step 6). */
  GPtrArray         *(*list_coders)            (HearsayStore *self, GError **error);
  gboolean           (*save_coder)             (HearsayStore *self, HearsayCoder *coder, GError **error);
  HearsayLayerRows  *(*read_layers)            (HearsayStore *self, const gint64 *document_ids,
                                                guint n_documents, const char * const *coders,
                                                HearsayLayerReadFlags flags, GError **error);
  GPtrArray         *(*list_layer_annotations) (HearsayStore *self, gint64 document_id, const char *coder,
                                                GError **error);
  gboolean           (*set_rejected)           (HearsayStore *self, gint64 annotation_id, gboolean rejected,
                                                GError **error);
  GHashTable        *(*read_team_base)         (HearsayStore *self, const char *coder, GError **error);
  gboolean           (*write_team_base)        (HearsayStore *self, const char *coder, const char *uuid,
                                                const char *digest, GError **error);
  gboolean           (*keep_layers)            (HearsayStore *self, const char * const *coders,
                                                GError **error);

  /* Only a server has these; the SQLite code answers for a file. */
  char              *(*dup_user)               (HearsayStore *self);
  HearsayMemberRole  (*get_role)               (HearsayStore *self);
  int                (*get_notify_fd)          (HearsayStore *self);
  GArray            *(*take_changes)           (HearsayStore *self);
  gboolean           (*reconnect)              (HearsayStore *self, GError **error);
  gboolean           (*add_member)             (HearsayStore *self, const char *name, HearsayMemberRole role,
                                                const char *password, GError **error);
  gboolean           (*remove_member)          (HearsayStore *self, const char *name, GError **error);
  GPtrArray         *(*list_members)           (HearsayStore *self, GError **error);
  gboolean           (*set_blind)              (HearsayStore *self, gboolean blind, GError **error);
  gboolean           (*get_blind)              (HearsayStore *self);
};

/* First statement of each SQLite call with a slot: a store with a backend
 * runs the backend's implementation instead. */
#define HEARSAY_STORE_DISPATCH(self, slot, args) \
  G_STMT_START { \
    if ((self)->backend != NULL) \
      return (self)->backend->slot args; \
  } G_STMT_END

#define HEARSAY_STORE_DISPATCH_VOID(self, slot, args) \
  G_STMT_START { \
    if ((self)->backend != NULL) \
      { \
        (self)->backend->slot args; \
        return; \
      } \
  } G_STMT_END

/* hearsay-pg-open.c: a server project (location postgresql://…, postgres://
 * or a libpq keyword string; see hearsay_store_location_is_server). */
HearsayStore *hearsay_pg_store_open (const char         *location,
                                     HearsayStoreFlags   flags,
                                     gboolean           *created,
                                     GError            **error);

/* With HEARSAY_TEST_BACKEND=postgresql and HEARSAY_TEST_PG=<conninfo>, a
 * project file path of the tests names a schema of that server instead: the
 * location to open, or NULL (a file that is a real project stays one).
 * @write_marker: the path gets a marker file once the project exists. */
char         *hearsay_pg_test_redirect (const char      *path,
                                           HearsayStoreFlags flags,
                                           gboolean        *write_marker);
void          hearsay_pg_test_write_marker (const char *path,
                                           const char *location);

/* A password for the connections to @location, kept in memory only. */
void          hearsay_pg_set_password (const char *location,
                                       const char *password);

/* For the tests of migrations: a new server project left at @version. */
HearsayStore *hearsay_pg_store_create_at_version (const char  *location,
                                                  int          version,
                                                  GError     **error);

/* For test-store-backends: the tables whose slots must all be filled. */
const HearsayStoreBackend *hearsay_store_pg_backend (void);

G_END_DECLS
