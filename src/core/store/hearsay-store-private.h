/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-private.h: shared by the store's own files only. */
#pragma once

#ifndef HEARSAY_STORE_COMPILATION
#error "hearsay-store-private.h is private to src/core/store"
#endif

#include <sqlite3.h>

#include "hearsay-store.h"
#include "hearsay-store-backend-private.h"

G_BEGIN_DECLS

/* The fields up to damage are every backend's; a server store embeds this
 * struct first and sets @backend (hearsay-pg-private.h). */
struct _HearsayStore
{
  const HearsayStoreBackend *backend;  /* NULL: the SQLite file of this folder's code */
  char *path;                          /* what messages name: a file, or a server location */
  gboolean read_only;
  int schema_version;
  guint txn_depth;
  char *damage;            /* why the file was opened read-only: it failed its check */

  /* The SQLite file */
  sqlite3 *db;
  GHashTable *statements;  /* SQL text → sqlite3_stmt, prepared once */
  char *snapshot_dir;      /* a read-only open of a file with unread WAL frames
                              reads a private copy from here (removed on close) */
  /* Whether this transaction's next new annotation or relation is known to
   * get an id above every id ever deleted (hearsay_store_new_id). */
  gboolean annotation_ids_clear;
  gboolean relation_ids_clear;
  /* The last annotator looked up, for this transaction (a bulk write names
   * one annotator row after row). */
  char *annotator_name;
  gint64 annotator_id;
  /* This transaction's new documents wait for one indexing at its commit. */
  gboolean search_deferred;
};

/* hearsay-store-open.c: a project file, whatever the location looks like
 * and whatever the tests redirect. */
HearsayStore *hearsay_store_open_file      (const char         *path,
                                            HearsayStoreFlags   flags,
                                            gboolean           *created,
                                            GError            **error);

/* Returns a cached, reset statement for @sql, or NULL with @error set. */
sqlite3_stmt *hearsay_store_prepare        (HearsayStore  *self,
                                            const char    *sql,
                                            GError       **error);
void          hearsay_store_set_error      (HearsayStore  *self,
                                            GError       **error,
                                            const char    *context);
/* Steps a statement that returns no rows, then resets it. */
gboolean      hearsay_store_step_done      (HearsayStore  *self,
                                            sqlite3_stmt  *stmt,
                                            const char    *context,
                                            GError       **error);
gboolean      hearsay_store_exec           (HearsayStore  *self,
                                            const char    *sql,
                                            GError       **error);
/* hearsay-store.c: indexes the documents a bulk write left waiting. */
gboolean      hearsay_store_index_deferred (HearsayStore  *self,
                                            GError       **error);
/* Binds a string, or NULL when @value is NULL. */
void          hearsay_store_bind_text      (sqlite3_stmt  *stmt,
                                            int            index,
                                            const char    *value);
const char   *hearsay_store_column_text    (sqlite3_stmt  *stmt,
                                            int            column);
/* The id for a new row of @table ("annotation" or "relation"): 0 to let
 * SQLite choose (max + 1, known to be above every id ever deleted), or an
 * explicit id above the table's floor; -1 on error. */
gint64        hearsay_store_new_id         (HearsayStore  *self,
                                            const char    *table,
                                            GError       **error);
/* Forgets the cached annotator (its row changed or went). */
void          hearsay_store_forget_annotator (HearsayStore *self);
gint64        hearsay_store_annotator_id   (HearsayStore  *self,
                                            const char    *name,
                                            GError       **error);

/* hearsay-store-search.c: FTS5's highlight () marks matches between these. */
#define MARK_OPEN "\x02"
#define MARK_CLOSE "\x03"
/* Adds the hits of one document whose text @marked carries the marks. */
void          hearsay_store_collect_hits      (GPtrArray     *hits,
                                               gint64         document_id,
                                               const char    *title,
                                               const char    *marked,
                                               double         rank,
                                               guint          max_per_document);
void          hearsay_store_set_query_error   (sqlite3       *db,
                                               const char    *query,
                                               GError       **error);

/* hearsay-store-entities.c: an entity's aliases as the JSON array stored. */
char         *hearsay_store_aliases_to_json   (HearsayEntity *entity);
void          hearsay_store_aliases_from_json (HearsayEntity *entity,
                                               const char    *json);

/* hearsay-store-functions.c: registers the SQL functions the schema uses
 * (hearsay_word_count, the bag functions) on a new connection. */
void          hearsay_store_register_functions (sqlite3     *db);
/* Binds the named parameters :claim, :attributed_to, … that @stmt uses to
 * the identifiers in @keys. */
void          hearsay_store_bind_keys      (sqlite3_stmt             *stmt,
                                            const HearsayCompareKeys *keys);
/* The identifier in @keys that the parameter ":name" (@length bytes) of a
 * query stands for, and whether ":name" is one. */
const char   *hearsay_store_key_value      (const HearsayCompareKeys *keys,
                                            const char               *parameter,
                                            gsize                     length);
gboolean      hearsay_store_is_key_parameter (const char             *parameter,
                                            gsize                     length);
/* hearsay-store-compare.c: the order of the naming rows. */
int           hearsay_store_compare_naming (gconstpointer             a,
                                            gconstpointer             b);
/* Runs every statement of @sql with the parameters of @keys bound. */
gboolean      hearsay_store_exec_keys      (HearsayStore             *self,
                                            const char               *sql,
                                            const HearsayCompareKeys *keys,
                                            GError                  **error);

/* The sections of a document's bag: each key starts with one of these. */
#define HEARSAY_BAG_LABEL       'L'  /* label → counted annotations */
#define HEARSAY_BAG_ATTRIBUTION 'A'  /* "attributed", "weak" → items */
#define HEARSAY_BAG_SOURCE      'S'  /* entity id ("" unlinked) → source mentions */
#define HEARSAY_BAG_TECHNIQUE   'P'  /* persuasion technique → spans */
#define HEARSAY_BAG_DIMENSION   'F'  /* frame_cue dimension → spans */
#define HEARSAY_BAG_NAMING      'N'  /* "entity id \x1f form" → mentions */
#define HEARSAY_BAG_WORD        'W'  /* lowercased word of a span → count */

/* hearsay-store-bag.c: a bag is (key number, count) entries in a blob. */
typedef void (*HearsayBagFunc) (guint32     key,
                                gint64      count,
                                gpointer    user_data);

void          hearsay_bag_append           (GByteArray     *bag,
                                            guint32         key,
                                            gint64          count);
/* FALSE when the bag is damaged (entries before the damage were given). */
gboolean      hearsay_bag_foreach          (const guint8   *data,
                                            gsize           length,
                                            HearsayBagFunc  func,
                                            gpointer        user_data);
void          hearsay_store_register_bag_functions (sqlite3 *db);

/* hearsay-store-compare-refresh.c: rebuilds the per-document aggregates of
 * the documents marked dirty, in short transactions. A read-only project
 * gets them rebuilt in temporary tables that shadow its own for the
 * connection's life of the comparison (@shadow set). */
gboolean      hearsay_store_compare_refresh (HearsayStore             *self,
                                             const HearsayCompareKeys *keys,
                                             gboolean                 *shadow,
                                             GError                  **error);
void          hearsay_store_compare_drop_shadow (HearsayStore *self);
/* Builds the figures of the selected documents (temp.cmp_doc) from one
 * layer's annotations into the shadow tables; drop them after reading. */
gboolean      hearsay_store_compare_build_layer (HearsayStore             *self,
                                                 const HearsayCompareKeys *keys,
                                                 gint64                    annotator_id,
                                                 GError                  **error);

/* Migrations: step i brings the schema from version i to i + 1. */
extern const char * const hearsay_store_migrations[];

G_END_DECLS
