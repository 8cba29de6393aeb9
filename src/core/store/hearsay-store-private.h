/* hearsay-store-private.h: shared by the store's own files only. */
#pragma once

#include <sqlite3.h>

#include "hearsay-store.h"

G_BEGIN_DECLS

struct _HearsayStore
{
  sqlite3 *db;
  char *path;
  gboolean read_only;
  int schema_version;
  guint txn_depth;
  GHashTable *statements;  /* SQL text → sqlite3_stmt, prepared once */
};

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
/* Binds a string, or NULL when @value is NULL. */
void          hearsay_store_bind_text      (sqlite3_stmt  *stmt,
                                            int            index,
                                            const char    *value);
const char   *hearsay_store_column_text    (sqlite3_stmt  *stmt,
                                            int            column);
gint64        hearsay_store_annotator_id   (HearsayStore  *self,
                                            const char    *name,
                                            GError       **error);

/* Registers the SQL functions the schema uses (hearsay_word_count). */
void          hearsay_store_register_functions (sqlite3     *db);

/* Migrations: step i brings the schema from version i to i + 1. */
extern const char * const hearsay_store_migrations[];

G_END_DECLS
