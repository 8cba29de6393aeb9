/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg-private.h: the PostgreSQL backend of the store, shared by its
 * files (hearsay-pg-*.c). A server project is one schema of a database
 * (default "hearsay"); the connection's search_path is that schema. */
#pragma once

#ifndef HEARSAY_STORE_COMPILATION
#error "hearsay-pg-private.h is private to src/core/store"
#endif

#include <libpq-fe.h>

#include "hearsay-store-private.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* The schema a location names when it names none (…/db#schema). */
#define HEARSAY_PG_DEFAULT_SCHEMA "hearsay"
/* Changes another client made reach this one on this channel, "hearsay:" + schema. */
#define HEARSAY_PG_CHANNEL_PREFIX "hearsay:"

typedef struct
{
  HearsayStore base;

  PGconn *conn;
  char *conninfo;          /* what libpq is given (may hold a password: never shown) */
  char *schema;            /* the project's schema, unquoted */
  char *schema_ident;      /* the same, quoted as an SQL identifier */
  char *user;              /* current_user */
  HearsayMemberRole role;
  gboolean blind;
  gboolean requested_read_only;  /* opened read-only: stays so after a reconnect */
  gboolean lost;           /* the connection dropped: read-only until reconnected */
  GHashTable *prepared;    /* SQL text → statement name, prepared once per connection */
  GHashTable *annotators;  /* annotator name → id, known committed */
  guint n_prepared;

  /* Optimistic concurrency: annotation id → the revision this client last
   * read outside a transaction (what its views show). An edit of an
   * annotation whose revision moved on since is refused. */
  GHashTable *seen;
  GHashTable *pending;     /* revisions this transaction wrote, kept on commit */
  gboolean undoing;        /* an undo or redo is being applied */
  GArray *changes;         /* HearsayStoreChange received, not yet taken */
  sqlite3 *highlighter;    /* FTS5 in memory: the passages of search hits
                              (hearsay-pg-search.c) */
} HearsayPgStore;

#define PG(store) ((HearsayPgStore *) (store))

/* The members of the seen and pending sets (keyed by id). */
typedef struct
{
  gint64 id;
  gint64 revision;
} HearsayPgRevision;

/* Query parameters, as text (NULL is SQL NULL). */
#define HEARSAY_PG_MAX_PARAMS 40

typedef struct
{
  int n;
  const char *values[HEARSAY_PG_MAX_PARAMS];
  char numbers[HEARSAY_PG_MAX_PARAMS][24];
} HearsayPgParams;

void         hearsay_pg_param_text        (HearsayPgParams *params,
                                           const char      *value);
void         hearsay_pg_param_int         (HearsayPgParams *params,
                                           gint64           value);
/* NULL when @value <= 0 (an id that is not set). */
void         hearsay_pg_param_id          (HearsayPgParams *params,
                                           gint64           value);

/* Runs @sql (prepared once per connection and cached by its text, which
 * must be a string literal) with @params (may be NULL). Returns the result
 * of a command or a query, or NULL with @error set: @context says what was
 * being done, the server's message why. A lost connection leaves the store
 * read-only (HEARSAY_STORE_ERROR_OFFLINE). */
PGresult    *hearsay_pg_query             (HearsayPgStore  *self,
                                           const char      *sql,
                                           HearsayPgParams *params,
                                           const char      *context,
                                           GError         **error);
/* The same without preparing (SQL built per call, or several statements
 * when @params is NULL). */
PGresult    *hearsay_pg_query_once        (HearsayPgStore  *self,
                                           const char      *sql,
                                           HearsayPgParams *params,
                                           const char      *context,
                                           GError         **error);
gboolean     hearsay_pg_exec              (HearsayPgStore  *self,
                                           const char      *sql,
                                           const char      *context,
                                           GError         **error);
/* Sets @error from a failed @result (or the connection's state). */
void         hearsay_pg_set_error         (HearsayPgStore  *self,
                                           PGresult        *result,
                                           const char      *context,
                                           GError         **error);
gint64       hearsay_pg_get_int           (PGresult        *result,
                                           int              row,
                                           int              column);
/* NULL for SQL NULL. */
const char  *hearsay_pg_get_text          (PGresult        *result,
                                           int              row,
                                           int              column);
gint64       hearsay_pg_affected          (PGresult        *result);
/* "{1,2,3}" for int8[] parameters. */
char        *hearsay_pg_int_array         (const gint64    *values,
                                           guint            n);
/* A text[] literal: "{\"a\",NULL}" with quotes and backslashes escaped. */
char        *hearsay_pg_text_array        (const char * const *values,
                                           guint            n);
/* Raises the sequence of @table.id above @id, for rows inserted with their
 * own id (a copy, a JSONL file into an empty project). */
gboolean     hearsay_pg_bump_sequence     (HearsayPgStore  *self,
                                           const char      *table,
                                           gint64           id,
                                           GError         **error);
gboolean     hearsay_pg_check_writable    (HearsayPgStore  *self,
                                           GError         **error);
/* Drains the notifications libpq holds into self->changes. */
void         hearsay_pg_collect_changes   (HearsayPgStore  *self);

/* hearsay-pg-annotations.c: optimistic concurrency. The revision an edit of
 * @id must find (0: none known), and the one it left. An undo or redo
 * instead requires that this login changed the annotation last. */
gint64       hearsay_pg_expected_revision (HearsayPgStore  *self,
                                           gint64           id);
void         hearsay_pg_note_revision     (HearsayPgStore  *self,
                                           gint64           id,
                                           gint64           revision);
/* A refused edit of annotation @id: who changed it, and when. */
void         hearsay_pg_set_conflict      (HearsayPgStore  *self,
                                           gint64           id,
                                           GError         **error);

/* hearsay-pg-schema.c: the schema, one step per version like the file's
 * (hearsay-store-migrations.c), "@SCHEMA@" standing for the quoted schema
 * name and "@CHANNEL@" for the notification channel. */
extern const char * const hearsay_pg_migrations[];
/* Run by every migration: functions, triggers and policies as this version
 * defines them (CREATE OR REPLACE), and the privileges of the members. */
extern const char hearsay_pg_definitions[];
char        *hearsay_pg_expand_schema     (HearsayPgStore  *self,
                                           const char      *sql);
char        *hearsay_pg_group_name        (HearsayPgStore  *self);

/* hearsay-pg-open.c */
gboolean     hearsay_pg_connect           (HearsayPgStore  *self,
                                           GError         **error);
/* Marks the connection lost: the store is read-only until reconnected. */
void         hearsay_pg_lost              (HearsayPgStore  *self);
gboolean     hearsay_pg_reconnect         (HearsayStore    *store,
                                           GError         **error);
void         hearsay_pg_close             (HearsayStore    *store);
gboolean     hearsay_pg_backup            (HearsayStore    *store,
                                           const char      *dest_path,
                                           GError         **error);

/* hearsay-pg.c */
gboolean     hearsay_pg_begin             (HearsayStore *store, GError **error);
gboolean     hearsay_pg_commit            (HearsayStore *store, GError **error);
void         hearsay_pg_rollback          (HearsayStore *store);
gboolean     hearsay_pg_mark              (HearsayStore *store, GError **error);
gboolean     hearsay_pg_rollback_to_mark  (HearsayStore *store, GError **error);
gboolean     hearsay_pg_release_mark      (HearsayStore *store, GError **error);
gboolean     hearsay_pg_defer_search_index (HearsayStore *store, GError **error);
char        *hearsay_pg_get_meta          (HearsayStore *store, const char *key);
gboolean     hearsay_pg_set_meta          (HearsayStore *store, const char *key, const char *value,
                                           GError **error);
char        *hearsay_pg_get_scheme_json   (HearsayStore *store, GError **error);
gboolean     hearsay_pg_set_scheme_json   (HearsayStore *store, const char *json, GError **error);
gint64       hearsay_pg_annotator_id      (HearsayPgStore *self, const char *name, GError **error);

/* hearsay-pg-team.c */
GPtrArray          *hearsay_pg_list_coders        (HearsayStore *store, GError **error);
gboolean            hearsay_pg_save_coder         (HearsayStore *store, HearsayCoder *coder, GError **error);
HearsayLayerRows   *hearsay_pg_read_layers        (HearsayStore *store, const gint64 *document_ids,
                                                   guint n_documents, const char * const *coders,
                                                   HearsayLayerReadFlags flags, GError **error);
gboolean            hearsay_pg_set_rejected       (HearsayStore *store, gint64 annotation_id, gboolean rejected,
                                                   GError **error);
GHashTable         *hearsay_pg_read_team_base     (HearsayStore *store, const char *coder, GError **error);
gboolean            hearsay_pg_write_team_base    (HearsayStore *store, const char *coder, const char *uuid,
                                                   const char *digest, GError **error);
gboolean            hearsay_pg_keep_layers        (HearsayStore *store, const char * const *coders,
                                                   GError **error);
HearsayCompareSums *hearsay_pg_compare_layer_sums (HearsayStore *store, const HearsayCompareKeys *keys,
                                                   const char *coder, const gint64 *document_ids,
                                                   guint n_documents, gint64 event_id, GError **error);

/* hearsay-pg-documents.c */
gboolean           hearsay_pg_insert_document   (HearsayStore *store, HearsayDocument *document, GError **error);
gboolean           hearsay_pg_update_document   (HearsayStore *store, HearsayDocument *document, GError **error);
gboolean           hearsay_pg_delete_document   (HearsayStore *store, gint64 id, GError **error);
GPtrArray         *hearsay_pg_list_documents    (HearsayStore *store, GError **error);
HearsayDocument   *hearsay_pg_load_document     (HearsayStore *store, gint64 id, GError **error);
gboolean           hearsay_pg_foreach_document  (HearsayStore *store, const gint64 *ids, guint n_ids,
                                                 HearsayDocumentFunc func, gpointer user_data,
                                                 GError **error);
gint64             hearsay_pg_count_documents   (HearsayStore *store);

/* hearsay-pg-annotations.c */
gboolean           hearsay_pg_insert_annotation (HearsayStore *store, HearsayAnnotation *annotation,
                                                 GError **error);
gboolean           hearsay_pg_delete_annotation (HearsayStore *store, gint64 id, GError **error);
HearsayAnnotation *hearsay_pg_load_annotation   (HearsayStore *store, gint64 id, GError **error);
GPtrArray         *hearsay_pg_list_annotations  (HearsayStore *store, gint64 document_id, GError **error);
gboolean           hearsay_pg_set_attribute     (HearsayStore *store, gint64 annotation_id, const char *name,
                                                 const char * const *values, const char *modified_at,
                                                 GError **error);
gboolean           hearsay_pg_set_note          (HearsayStore *store, gint64 annotation_id, const char *note,
                                                 const char *modified_at, GError **error);
gboolean           hearsay_pg_set_label         (HearsayStore *store, gint64 annotation_id, const char *label,
                                                 const char *modified_at, GError **error);
gint64             hearsay_pg_count_annotations (HearsayStore *store, gint64 document_id);
gboolean           hearsay_pg_replace_fragments (HearsayStore *store, HearsayAnnotation *annotation,
                                                 const char *modified_at, GError **error);
char             **hearsay_pg_list_used_labels  (HearsayStore *store, GError **error);
GArray            *hearsay_pg_list_label_annotations (HearsayStore *store, const char *label, GError **error);
GPtrArray         *hearsay_pg_search_annotations (HearsayStore *store, const char *label, const char *query,
                                                 gint64 exclude_document_id, guint limit, GError **error);
GArray            *hearsay_pg_list_spans        (HearsayStore *store, gint64 document_id, GError **error);
GPtrArray         *hearsay_pg_list_layer_annotations (HearsayStore *store, gint64 document_id, const char *coder,
                                                  GError **error);

/* hearsay-pg-relations.c */
gint64             hearsay_pg_insert_relation   (HearsayStore *store, const HearsayRelation *relation,
                                                 GError **error);
GPtrArray         *hearsay_pg_list_relations    (HearsayStore *store, gint64 document_id, GError **error);
GPtrArray         *hearsay_pg_list_annotation_relations (HearsayStore *store, gint64 annotation_id,
                                                 GError **error);
HearsayRelation   *hearsay_pg_load_relation     (HearsayStore *store, gint64 id, GError **error);
gboolean           hearsay_pg_delete_relation   (HearsayStore *store, gint64 id, GError **error);

/* hearsay-pg-entities.c: entities and events */
gboolean           hearsay_pg_insert_entity     (HearsayStore *store, HearsayEntity *entity, GError **error);
gboolean           hearsay_pg_update_entity     (HearsayStore *store, HearsayEntity *entity, GError **error);
gboolean           hearsay_pg_delete_entity     (HearsayStore *store, gint64 id, GError **error);
GPtrArray         *hearsay_pg_list_entities     (HearsayStore *store, GError **error);
HearsayEntity     *hearsay_pg_load_entity       (HearsayStore *store, gint64 id, GError **error);
gint64             hearsay_pg_count_entity_links (HearsayStore *store, gint64 id, GError **error);
gboolean           hearsay_pg_save_event        (HearsayStore *store, HearsayEvent *event, GError **error);
gboolean           hearsay_pg_insert_event      (HearsayStore *store, HearsayEvent *event, GError **error);
GArray            *hearsay_pg_list_event_documents (HearsayStore *store, gint64 id, GError **error);
gboolean           hearsay_pg_delete_event      (HearsayStore *store, gint64 id, GError **error);
GPtrArray         *hearsay_pg_list_events       (HearsayStore *store, GError **error);
gboolean           hearsay_pg_set_document_event (HearsayStore *store, gint64 document_id, gint64 event_id,
                                                 GError **error);
gint64             hearsay_pg_get_document_event (HearsayStore *store, gint64 document_id);
GArray            *hearsay_pg_suggest_event_documents (HearsayStore *store, gint64 event_id, const char *date,
                                                 int days, GError **error);

/* hearsay-pg-history.c */
gboolean           hearsay_pg_history_push      (HearsayStore *store, gint64 scope, const char *kind,
                                                 const char *subject, const char *undo, const char *redo,
                                                 const char *created_at, GError **error);
gboolean           hearsay_pg_history_peek      (HearsayStore *store, gboolean redo, gint64 scope, gint64 *id,
                                                 gint64 *entry_scope, char **kind, char **subject, char **ops);
gboolean           hearsay_pg_history_mark      (HearsayStore *store, gint64 id, gboolean undone, GError **error);
gboolean           hearsay_pg_history_lookup    (HearsayStore *store, gint64 id, gint64 *scope,
                                                 gboolean *undone);
gboolean           hearsay_pg_history_forget    (HearsayStore *store, gint64 id, GError **error);

/* hearsay-pg-search.c */
GPtrArray         *hearsay_pg_search            (HearsayStore *store, const char *query, guint max_documents,
                                                 guint max_per_document, GError **error);
GPtrArray         *hearsay_pg_filter_documents  (HearsayStore *store, const HearsayDocumentFilter *filter,
                                                 GError **error);
/* hearsay-pg-search-query.c: an FTS5 query (the subset Hearsay documents)
 * as an SQL tsquery expression over $1…$n, with the n texts in @params. */
char              *hearsay_pg_tsquery_from_fts5 (const char *query, HearsayPgParams *params, GError **error);
/* Frees the texts hearsay_pg_tsquery_from_fts5 added from parameter @first on. */
void               hearsay_pg_tsquery_params_free (HearsayPgParams *params, int first);

/* hearsay-pg-compare.c, hearsay-pg-compare-refresh.c */
HearsayCompareSums *hearsay_pg_compare_sums     (HearsayStore *store, const HearsayCompareKeys *keys,
                                                 const gint64 *document_ids, guint n_documents,
                                                 gint64 event_id, GError **error);
/* Runs @sql whose parameters are the keys' :names (:claim…). */
PGresult          *hearsay_pg_query_keys        (HearsayPgStore *self, const char *sql,
                                                 const HearsayCompareKeys *keys, GError **error);
gboolean           hearsay_pg_compare_refresh   (HearsayPgStore *self, const HearsayCompareKeys *keys,
                                                 gboolean one_transaction, GError **error);

/* hearsay-pg-notify.c */
int                hearsay_pg_get_notify_fd     (HearsayStore *store);
GArray            *hearsay_pg_take_changes      (HearsayStore *store);
gboolean           hearsay_pg_listen            (HearsayPgStore *self, GError **error);

/* hearsay-pg-members.c */
char              *hearsay_pg_dup_user          (HearsayStore *store);
HearsayMemberRole  hearsay_pg_get_role          (HearsayStore *store);
gboolean           hearsay_pg_read_role         (HearsayPgStore *self, GError **error);
gboolean           hearsay_pg_add_member        (HearsayStore *store, const char *name, HearsayMemberRole role,
                                                 const char *password, GError **error);
gboolean           hearsay_pg_remove_member     (HearsayStore *store, const char *name, GError **error);
GPtrArray         *hearsay_pg_list_members      (HearsayStore *store, GError **error);
gboolean           hearsay_pg_set_blind         (HearsayStore *store, gboolean blind, GError **error);
gboolean           hearsay_pg_get_blind         (HearsayStore *store);

G_END_DECLS
