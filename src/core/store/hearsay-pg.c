/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg.c: the PostgreSQL backend's queries and their errors,
 * transactions, the project's settings and its scheme. */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-pg-private.h"

void
hearsay_pg_param_text (HearsayPgParams *params,
                       const char      *value)
{
  g_assert (params->n < HEARSAY_PG_MAX_PARAMS);
  params->values[params->n++] = value;
}

void
hearsay_pg_param_int (HearsayPgParams *params,
                      gint64           value)
{
  g_assert (params->n < HEARSAY_PG_MAX_PARAMS);
  g_snprintf (params->numbers[params->n], sizeof params->numbers[0], "%" PRId64, value);
  params->values[params->n] = params->numbers[params->n];
  params->n++;
}

void
hearsay_pg_param_id (HearsayPgParams *params,
                     gint64           value)
{
  if (value > 0)
    hearsay_pg_param_int (params, value);
  else
    hearsay_pg_param_text (params, NULL);
}

gint64
hearsay_pg_get_int (PGresult *result,
                    int       row,
                    int       column)
{
  if (PQgetisnull (result, row, column))
    return 0;
  return g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

const char *
hearsay_pg_get_text (PGresult *result,
                     int       row,
                     int       column)
{
  if (PQgetisnull (result, row, column))
    return NULL;
  return PQgetvalue (result, row, column);
}

gint64
hearsay_pg_affected (PGresult *result)
{
  return g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
}

char *
hearsay_pg_int_array (const gint64 *values,
                      guint         n)
{
  GString *s = g_string_new ("{");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%" PRId64, i > 0 ? "," : "", values[i]);
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

char *
hearsay_pg_text_array (const char * const *values,
                       guint               n)
{
  GString *s = g_string_new ("{");

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      if (values[i] == NULL)
        {
          g_string_append (s, "NULL");
          continue;
        }
      g_string_append_c (s, '"');
      for (const char *p = values[i]; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (s, '\\');
          g_string_append_c (s, *p);
        }
      g_string_append_c (s, '"');
    }
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

/* The server's own words, without the "ERROR:  " prefix and the trailing
 * newline libpq keeps. */
static char *
server_message (HearsayPgStore *self,
                PGresult       *result)
{
  const char *primary = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  char *message = g_strdup (primary != NULL ? primary : PQerrorMessage (self->conn));

  return g_strchomp (message);
}

void
hearsay_pg_set_error (HearsayPgStore  *self,
                      PGresult        *result,
                      const char      *context,
                      GError         **error)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  g_autofree char *message = server_message (self, result);
  HearsayStoreError code = HEARSAY_STORE_ERROR_FAILED;

  /* The connection is gone, or the server ends it (pg_terminate_backend, a
   * shutdown); 08P01 is a client's own protocol error, not a lost link. */
  if (PQstatus (self->conn) != CONNECTION_OK ||
      (state != NULL && ((g_str_has_prefix (state, "08") && !g_str_equal (state, "08P01")) ||
                         g_str_has_prefix (state, "57P"))))
    {
      gboolean committing = g_strcmp0 (context, "commit") == 0;

      hearsay_pg_lost (self);
      if (committing)
        g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_OFFLINE,
                     _("The connection to %s was lost while the change was being saved (%s): it may "
                       "not have been saved. The project is read-only until the server is back; it then "
                       "shows what the server has."),
                     self->base.path, message);
      else
        g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_OFFLINE,
                     _("The connection to %s was lost (%s): the change was not saved. The project is "
                       "read-only until the server is back."),
                     self->base.path, message);
      return;
    }
  if (state != NULL)
    {
      if (g_str_equal (state, "42501"))
        {
          g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_DENIED,
                       _("The server refused this: %s"), message);
          return;
        }
      if (g_str_equal (state, "25006"))
        code = HEARSAY_STORE_ERROR_READ_ONLY;
      else if (g_str_equal (state, "53100"))
        {
          g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NO_SPACE,
                       _("%s: the server’s disk is full — the change was not saved (%s)"),
                       self->base.path, message);
          return;
        }
      else if (g_str_has_prefix (state, "40") || g_str_equal (state, "55P03"))
        code = HEARSAY_STORE_ERROR_BUSY;
    }
  g_set_error (error, HEARSAY_STORE_ERROR, code, "%s: %s (%s)", self->base.path,
               context != NULL && !g_str_equal (context, "commit") ? context : _("could not save the change"),
               message);
}

static PGresult *
check_result (HearsayPgStore  *self,
              PGresult        *result,
              const char      *context,
              GError         **error)
{
  ExecStatusType status = result ? PQresultStatus (result) : PGRES_FATAL_ERROR;

  hearsay_pg_collect_changes (self);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return result;
  hearsay_pg_set_error (self, result, context, error);
  PQclear (result);
  return NULL;
}

static gboolean
check_connected (HearsayPgStore  *self,
                 GError         **error)
{
  if (self->conn != NULL && !self->lost)
    return TRUE;
  g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_OFFLINE,
               _("%s cannot be reached: the project is read-only until the server is back"),
               self->base.path);
  return FALSE;
}

PGresult *
hearsay_pg_query (HearsayPgStore   *self,
                  const char       *sql,
                  HearsayPgParams  *params,
                  const char       *context,
                  GError          **error)
{
  const char *name;

  if (!check_connected (self, error))
    return NULL;
  name = g_hash_table_lookup (self->prepared, sql);
  if (name == NULL)
    {
      g_autofree char *new_name = g_strdup_printf ("h%u", ++self->n_prepared);
      g_autofree char *expanded = hearsay_pg_expand_schema (self, sql);
      PGresult *result = PQprepare (self->conn, new_name, expanded, 0, NULL);

      if (check_result (self, result, context, error) == NULL)
        return NULL;
      PQclear (result);
      /* Keys are the callers' string literals, which live as long as the program. */
      g_hash_table_insert (self->prepared, (gpointer) sql, g_steal_pointer (&new_name));
      name = g_hash_table_lookup (self->prepared, sql);
    }
  return check_result (self, PQexecPrepared (self->conn, name, params ? params->n : 0,
                                             params ? params->values : NULL, NULL, NULL, 0),
                       context, error);
}

PGresult *
hearsay_pg_query_once (HearsayPgStore   *self,
                       const char       *sql,
                       HearsayPgParams  *params,
                       const char       *context,
                       GError          **error)
{
  g_autofree char *expanded = NULL;

  if (!check_connected (self, error))
    return NULL;
  expanded = hearsay_pg_expand_schema (self, sql);
  if (params == NULL)
    return check_result (self, PQexec (self->conn, expanded), context, error);
  return check_result (self, PQexecParams (self->conn, expanded, params->n, NULL, params->values,
                                           NULL, NULL, 0),
                       context, error);
}

gboolean
hearsay_pg_exec (HearsayPgStore  *self,
                 const char      *sql,
                 const char      *context,
                 GError         **error)
{
  g_autoptr(PGresult) result = hearsay_pg_query_once (self, sql, NULL, context, error);

  return result != NULL;
}

gboolean
hearsay_pg_bump_sequence (HearsayPgStore  *self,
                          const char      *table,
                          gint64           id,
                          GError         **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) result = NULL;

  hearsay_pg_param_text (&p, table);
  hearsay_pg_param_int (&p, id);
  result = hearsay_pg_query (self, "SELECT hearsay_raise_sequence ($1, $2);", &p,
                             _("could not save the change"), error);
  return result != NULL;
}

gboolean
hearsay_pg_check_writable (HearsayPgStore  *self,
                           GError         **error)
{
  if (self->lost)
    return check_connected (self, error);
  return hearsay_store_check_writable (&self->base, error);
}

gboolean
hearsay_pg_begin (HearsayStore  *store,
                  GError       **error)
{
  HearsayPgStore *self = PG (store);

  if (!hearsay_pg_check_writable (self, error))
    return FALSE;
  if (store->txn_depth == 0)
    {
      if (!hearsay_pg_exec (self, "BEGIN;", _("could not start the change"), error))
        return FALSE;
      g_hash_table_remove_all (self->pending);
    }
  store->txn_depth++;
  return TRUE;
}

gboolean
hearsay_pg_commit (HearsayStore  *store,
                   GError       **error)
{
  HearsayPgStore *self = PG (store);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (store->txn_depth > 0, FALSE);
  if (store->txn_depth > 1)
    {
      store->txn_depth--;
      return TRUE;
    }
  if (!hearsay_pg_exec (self, "COMMIT;", "commit", error))
    {
      hearsay_pg_rollback (store);
      return FALSE;
    }
  store->txn_depth = 0;
  /* What this client wrote is what it now knows. */
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_add (self->seen, key);
  g_hash_table_steal_all (self->pending);
  self->undoing = FALSE;
  return TRUE;
}

void
hearsay_pg_rollback (HearsayStore *store)
{
  HearsayPgStore *self = PG (store);

  if (store->txn_depth == 0)
    return;
  store->txn_depth = 0;
  g_hash_table_remove_all (self->pending);
  self->undoing = FALSE;
  if (self->conn != NULL && !self->lost && PQstatus (self->conn) == CONNECTION_OK)
    PQclear (PQexec (self->conn, "ROLLBACK;"));
}

gboolean
hearsay_pg_mark (HearsayStore  *store,
                 GError       **error)
{
  g_return_val_if_fail (store->txn_depth > 0, FALSE);
  return hearsay_pg_exec (PG (store), "SAVEPOINT unit;", _("could not save the change"), error);
}

gboolean
hearsay_pg_rollback_to_mark (HearsayStore  *store,
                             GError       **error)
{
  g_return_val_if_fail (store->txn_depth > 0, FALSE);
  return hearsay_pg_exec (PG (store), "ROLLBACK TO SAVEPOINT unit; RELEASE SAVEPOINT unit;",
                          _("could not save the change"), error);
}

gboolean
hearsay_pg_release_mark (HearsayStore  *store,
                         GError       **error)
{
  g_return_val_if_fail (store->txn_depth > 0, FALSE);
  return hearsay_pg_exec (PG (store), "RELEASE SAVEPOINT unit;", _("could not save the change"), error);
}

/* The server's search vector is written with its row: nothing waits. */
gboolean
hearsay_pg_defer_search_index (HearsayStore  *store,
                               GError       **error)
{
  g_return_val_if_fail (store->txn_depth > 0, FALSE);
  return TRUE;
}

char *
hearsay_pg_get_meta (HearsayStore *store,
                     const char   *key)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) result = NULL;

  hearsay_pg_param_text (&p, key);
  result = hearsay_pg_query (PG (store), "SELECT value FROM meta WHERE key = $1;", &p, NULL, NULL);
  if (result == NULL || PQntuples (result) == 0)
    return NULL;
  return g_strdup (hearsay_pg_get_text (result, 0, 0));
}

gboolean
hearsay_pg_set_meta (HearsayStore  *store,
                     const char    *key,
                     const char    *value,
                     GError       **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) result = NULL;

  if (!hearsay_pg_check_writable (PG (store), error))
    return FALSE;
  hearsay_pg_param_text (&p, key);
  hearsay_pg_param_text (&p, value);
  result = hearsay_pg_query (PG (store),
                             "INSERT INTO meta (key, value) VALUES ($1, $2) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
                             &p, _("could not save a setting"), error);
  return result != NULL;
}

char *
hearsay_pg_get_scheme_json (HearsayStore  *store,
                            GError       **error)
{
  g_autoptr(PGresult) result = hearsay_pg_query (PG (store), "SELECT json FROM scheme WHERE id = 1;", NULL,
                                                 _("could not read the scheme"), error);

  if (result == NULL || PQntuples (result) == 0)
    return NULL;
  return g_strdup (hearsay_pg_get_text (result, 0, 0));
}

gboolean
hearsay_pg_set_scheme_json (HearsayStore  *store,
                            const char    *json,
                            GError       **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) result = NULL;

  if (!hearsay_pg_check_writable (PG (store), error))
    return FALSE;
  hearsay_pg_param_text (&p, json);
  result = hearsay_pg_query (PG (store),
                             "INSERT INTO scheme (id, json) VALUES (1, $1) "
                             "ON CONFLICT (id) DO UPDATE SET json = excluded.json;",
                             &p, _("could not save the scheme"), error);
  return result != NULL;
}

gint64
hearsay_pg_annotator_id (HearsayPgStore  *self,
                         const char      *name,
                         GError         **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) result = NULL;
  gpointer cached;
  gint64 id;

  if (name == NULL || *name == '\0')
    return 0;
  if ((cached = g_hash_table_lookup (self->annotators, name)) != NULL)
    return GPOINTER_TO_SIZE (cached);
  hearsay_pg_param_text (&p, name);
  /* One round trip whether the name is new or not. When another client
   * inserts the same name at the same moment, the INSERT waits for it and
   * does nothing, and the SELECT's snapshot, older than that commit, does
   * not see its row: the next statement does. */
  for (int attempt = 0; attempt < 3; attempt++)
    {
      g_clear_pointer (&result, PQclear);
      result = hearsay_pg_query (self,
                                 "WITH n AS (INSERT INTO annotator (name, role) VALUES "
                                 "($1, CASE WHEN $1 = 'importer' THEN 'auto' WHEN $1 = 'gold' AND NOT EXISTS "
                                 "(SELECT 1 FROM annotator WHERE role = 'gold') THEN 'gold' ELSE 'coder' END) "
                                 "ON CONFLICT (name) DO NOTHING RETURNING id) "
                                 "SELECT id, true FROM n UNION ALL SELECT id, false FROM annotator WHERE name = $1;",
                                 &p, _("could not save the annotator"), error);
      if (result == NULL)
        return -1;
      if (PQntuples (result) > 0)
        break;
    }
  if (PQntuples (result) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("%s: could not save the annotator %s"), self->base.path, name);
      return -1;
    }
  id = hearsay_pg_get_int (result, 0, 0);
  /* A name inserted by this transaction is known only once it commits. */
  if (self->base.txn_depth == 0 || g_str_equal (PQgetvalue (result, 0, 1), "f"))
    g_hash_table_insert (self->annotators, g_strdup (name), GSIZE_TO_POINTER ((gsize) id));
  return id;
}
