/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg-history.c: the undo history on a server, one per login: each
 * member undoes their own edits (row-level security keeps the others'
 * entries out of reach, and every query names the login too, for owners
 * the policy does not bind). Applying an entry refuses to touch an
 * annotation another login changed last (hearsay-pg-annotations.c). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-pg-private.h"

#define HISTORY_LIMIT_OFFSET 999   /* 1,000 entries kept per login */

gboolean
hearsay_pg_history_push (HearsayStore  *store,
                         gint64         scope,
                         const char    *kind,
                         const char    *subject,
                         const char    *undo,
                         const char    *redo,
                         const char    *created_at,
                         GError       **error)
{
  HearsayPgStore *self = PG (store);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_id (&p, scope);
  hearsay_pg_param_text (&p, kind);
  hearsay_pg_param_text (&p, subject);
  hearsay_pg_param_text (&p, undo);
  hearsay_pg_param_text (&p, redo);
  hearsay_pg_param_text (&p, created_at);
  /* Forgets what was undone in this scope, adds the entry, and forgets the
   * login's entries beyond the limit: one round trip. */
  r = hearsay_pg_query (self,
                        "WITH gone AS (DELETE FROM history WHERE login = current_user AND undone "
                        "  AND document_id IS NOT DISTINCT FROM $1::bigint), "
                        "old AS (DELETE FROM history WHERE login = current_user AND id < (SELECT id FROM history "
                        "  WHERE login = current_user ORDER BY id DESC OFFSET " G_STRINGIFY (HISTORY_LIMIT_OFFSET) " "
                        "  LIMIT 1)) "
                        "INSERT INTO history (kind, subject, undo, redo, undone, created_at, document_id) "
                        "VALUES ($2, $3, $4, $5, false, $6, $1);",
                        &p, _("could not save the undo history"), error);
  return r != NULL;
}

gboolean
hearsay_pg_history_peek (HearsayStore  *store,
                         gboolean       redo,
                         gint64         scope,
                         gint64        *id,
                         gint64        *entry_scope,
                         char         **kind,
                         char         **subject,
                         char         **ops)
{
#define PEEK(ops, undone, where, order, lock) \
  "SELECT id, kind, subject, " ops ", document_id FROM history WHERE login = current_user " \
  "AND undone = " undone where " ORDER BY id " order " LIMIT 1" lock ";"
#define SCOPE " AND document_id IS NOT DISTINCT FROM $1::bigint"
  /* [redo][scoped][in a transaction]: the entry chosen by a write is
   * locked, so that two of the login's clients undoing at once take two. */
  static const char * const sql[2][2][2] = {
    { { PEEK ("undo", "false", "", "DESC", ""), PEEK ("undo", "false", "", "DESC", " FOR UPDATE") },
      { PEEK ("undo", "false", SCOPE, "DESC", ""), PEEK ("undo", "false", SCOPE, "DESC", " FOR UPDATE") } },
    { { PEEK ("redo", "true", "", "", ""), PEEK ("redo", "true", "", "", " FOR UPDATE") },
      { PEEK ("redo", "true", SCOPE, "", ""), PEEK ("redo", "true", SCOPE, "", " FOR UPDATE") } },
  };
#undef PEEK
#undef SCOPE
  HearsayPgStore *self = PG (store);
  gboolean any = scope == HEARSAY_STORE_ANY_SCOPE;
  gboolean locked = store->txn_depth > 0;
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!any)
    hearsay_pg_param_id (&p, scope);
  r = hearsay_pg_query (self, sql[redo ? 1 : 0][any ? 0 : 1][locked ? 1 : 0], &p, NULL, NULL);
  if (r == NULL || PQntuples (r) == 0)
    return FALSE;
  if (id)
    *id = hearsay_pg_get_int (r, 0, 0);
  if (kind)
    *kind = g_strdup (hearsay_pg_get_text (r, 0, 1));
  if (subject)
    *subject = g_strdup (hearsay_pg_get_text (r, 0, 2));
  if (ops)
    *ops = g_strdup (hearsay_pg_get_text (r, 0, 3));
  if (entry_scope)
    *entry_scope = hearsay_pg_get_int (r, 0, 4);
  /* The entry is about to be applied. */
  if (locked)
    self->undoing = TRUE;
  return TRUE;
}

gboolean
hearsay_pg_history_mark (HearsayStore  *store,
                         gint64         id,
                         gboolean       undone,
                         GError       **error)
{
  HearsayPgStore *self = PG (store);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_int (&p, id);
  hearsay_pg_param_text (&p, undone ? "true" : "false");
  r = hearsay_pg_query (self, "UPDATE history SET undone = $2::boolean "
                        "WHERE id = $1 AND login = current_user;",
                        &p, _("could not save the undo history"), error);
  return r != NULL;
}

/* The login's own entries only, as everywhere in the history. */
gboolean
hearsay_pg_history_lookup (HearsayStore *store,
                           gint64        id,
                           gint64       *scope,
                           gboolean     *undone)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_int (&p, id);
  r = hearsay_pg_query (PG (store), "SELECT document_id, undone FROM history "
                        "WHERE id = $1 AND login = current_user;", &p, NULL, NULL);
  if (r == NULL || PQntuples (r) == 0)
    return FALSE;
  *scope = hearsay_pg_get_int (r, 0, 0);
  *undone = g_strcmp0 (hearsay_pg_get_text (r, 0, 1), "t") == 0;
  return TRUE;
}

gboolean
hearsay_pg_history_forget (HearsayStore  *store,
                           gint64         id,
                           GError       **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_int (&p, id);
  r = hearsay_pg_query (PG (store), "DELETE FROM history WHERE id = $1 AND login = current_user;", &p,
                        _("could not save the undo history"), error);
  return r != NULL;
}
