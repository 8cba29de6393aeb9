/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg-members.c: the members of a server project and their roles.
 * A member is a PostgreSQL login: it is granted the project's role
 * "<schema>@<database>", which holds the privileges on its tables, and a
 * row of member says what the server lets it do (hearsay_pg_definitions:
 * the triggers check each write, row-level security each read). The
 * schema's owner and superusers are owners without a row. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-pg-private.h"

gboolean
hearsay_pg_read_role (HearsayPgStore  *self,
                      GError         **error)
{
  g_autoptr(PGresult) r = hearsay_pg_query (self, "SELECT hearsay_role (current_user::text), hearsay_blind ();",
                                            NULL, _("could not read the project’s members"), error);
  HearsayMemberRole role = HEARSAY_MEMBER_ROLE_NONE;

  if (r == NULL)
    return FALSE;
  if (!hearsay_member_role_from_string (hearsay_pg_get_text (r, 0, 0), &role))
    role = HEARSAY_MEMBER_ROLE_NONE;
  self->role = role;
  self->blind = g_str_equal (PQgetvalue (r, 0, 1), "t");
  return TRUE;
}

char *
hearsay_pg_dup_user (HearsayStore *store)
{
  return g_strdup (PG (store)->user);
}

HearsayMemberRole
hearsay_pg_get_role (HearsayStore *store)
{
  return PG (store)->role;
}

static gboolean
require_owner (HearsayPgStore  *self,
               const char      *what,
               GError         **error)
{
  if (!hearsay_pg_check_writable (self, error))
    return FALSE;
  if (self->role == HEARSAY_MEMBER_ROLE_OWNER)
    return TRUE;
  g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_DENIED,
               _("%s is %s of %s: only its owners may change %s"), self->user,
               self->role == HEARSAY_MEMBER_ROLE_CODER ? _("a coder")
               : self->role == HEARSAY_MEMBER_ROLE_CURATOR ? _("a curator") : _("not a member"),
               self->base.path, what);
  return FALSE;
}

static gboolean
exec_in (HearsayPgStore  *self,
         const char      *sql,
         GError         **error)
{
  return hearsay_pg_exec (self, sql, _("could not change the members"), error);
}

gboolean
hearsay_pg_add_member (HearsayStore       *store,
                       const char         *name,
                       HearsayMemberRole   role,
                       const char         *password,
                       GError            **error)
{
  HearsayPgStore *self = PG (store);
  g_autofree char *group = hearsay_pg_group_name (self);
  char *login_ident = NULL, *group_ident = NULL, *secret = NULL;
  g_autofree char *create = NULL, *grant = NULL;
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) exists = NULL;
  g_autoptr(PGresult) row = NULL;
  gboolean ok = FALSE;

  if (name == NULL || *name == '\0' || g_str_equal (name, HEARSAY_GOLD_ANNOTATOR) ||
      g_str_equal (name, "importer") || strlen (name) > 63)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("“%s” cannot be a member’s name: it is empty, too long, or names a layer that is "
                     "nobody’s (gold, importer)"), name ? name : "");
      return FALSE;
    }
  if (hearsay_member_role_to_string (role) == NULL)
    {
      g_set_error_literal (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                           _("A member is a coder, a curator or an owner"));
      return FALSE;
    }
  if (!require_owner (self, _("the members"), error))
    return FALSE;
  login_ident = PQescapeIdentifier (self->conn, name, strlen (name));
  group_ident = PQescapeIdentifier (self->conn, group, strlen (group));
  hearsay_pg_param_text (&p, name);
  if (!exec_in (self, "BEGIN;", error))
    goto out;
  exists = hearsay_pg_query (self, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1);", &p,
                             _("could not change the members"), error);
  if (exists == NULL)
    goto fail;
  if (!g_str_equal (PQgetvalue (exists, 0, 0), "t"))
    {
      if (password != NULL && *password != '\0')
        {
          /* Hashed here: the server never sees the password in clear. */
          char *hash = PQencryptPasswordConn (self->conn, password, name, NULL);

          if (hash == NULL)
            {
              g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                           _("could not prepare the password: %s"), PQerrorMessage (self->conn));
              goto fail;
            }
          secret = PQescapeLiteral (self->conn, hash, strlen (hash));
          PQfreemem (hash);
        }
      create = g_strdup_printf ("CREATE ROLE %s LOGIN%s%s;", login_ident, secret ? " PASSWORD " : "",
                                secret ? secret : "");
      if (!exec_in (self, create, error))
        {
          if (error && *error && (*error)->code == HEARSAY_STORE_ERROR_DENIED)
            g_prefix_error (error, _("%s has no login on the server yet, and %s may not create one "
                                     "(it needs CREATEROLE); ask the server’s administrator to create it "
                                     "(createuser %s), then add it again. "),
                            name, self->user, name);
          goto fail;
        }
    }
  grant = g_strdup_printf ("GRANT %s TO %s%s;", group_ident, login_ident,
                           role == HEARSAY_MEMBER_ROLE_OWNER ? " WITH ADMIN OPTION" : "");
  if (!exec_in (self, grant, error))
    goto fail;
  hearsay_pg_param_text (&p, hearsay_member_role_to_string (role));
  row = hearsay_pg_query (self, "INSERT INTO member (login, role) VALUES ($1, $2) "
                          "ON CONFLICT (login) DO UPDATE SET role = excluded.role;", &p,
                          _("could not change the members"), error);
  if (row == NULL || !hearsay_pg_exec (self, "COMMIT;", "commit", error))
    goto fail;
  ok = TRUE;
  goto out;

fail:
  if (!self->lost)
    PQclear (PQexec (self->conn, "ROLLBACK;"));
out:
  PQfreemem (login_ident);
  PQfreemem (group_ident);
  PQfreemem (secret);
  return ok;
}

gboolean
hearsay_pg_remove_member (HearsayStore  *store,
                          const char    *name,
                          GError       **error)
{
  HearsayPgStore *self = PG (store);
  g_autofree char *group = hearsay_pg_group_name (self);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;
  char *login_ident, *group_ident;
  g_autofree char *revoke = NULL;
  gboolean ok;

  if (!require_owner (self, _("the members"), error))
    return FALSE;
  hearsay_pg_param_text (&p, name);
  if (!exec_in (self, "BEGIN;", error))
    return FALSE;
  r = hearsay_pg_query (self, "DELETE FROM member WHERE login = $1;", &p, _("could not change the members"), error);
  if (r == NULL)
    {
      PQclear (PQexec (self->conn, "ROLLBACK;"));
      return FALSE;
    }
  if (hearsay_pg_affected (r) == 0)
    {
      PQclear (PQexec (self->conn, "ROLLBACK;"));
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("%s is not a member of %s"), name, store->path);
      return FALSE;
    }
  login_ident = PQescapeIdentifier (self->conn, name, strlen (name));
  group_ident = PQescapeIdentifier (self->conn, group, strlen (group));
  revoke = g_strdup_printf ("REVOKE %s FROM %s;", group_ident, login_ident);
  PQfreemem (login_ident);
  PQfreemem (group_ident);
  ok = exec_in (self, revoke, error) && hearsay_pg_exec (self, "COMMIT;", "commit", error);
  if (!ok && !self->lost)
    PQclear (PQexec (self->conn, "ROLLBACK;"));
  return ok;
}

GPtrArray *
hearsay_pg_list_members (HearsayStore  *store,
                         GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hearsay_member_free);
  g_autoptr(PGresult) r = hearsay_pg_query (PG (store),
                                            "SELECT login, role FROM member UNION "
                                            "SELECT pg_get_userbyid (nspowner)::text, 'owner' FROM pg_namespace "
                                            "WHERE nspname = current_schema () "
                                            "AND pg_get_userbyid (nspowner)::text NOT IN (SELECT login FROM member) "
                                            "ORDER BY 1;", NULL, _("could not read the project’s members"), error);

  if (r == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      HearsayMember *m = g_new0 (HearsayMember, 1);

      m->name = g_strdup (PQgetvalue (r, i, 0));
      hearsay_member_role_from_string (PQgetvalue (r, i, 1), &m->role);
      g_ptr_array_add (list, m);
    }
  return g_steal_pointer (&list);
}

gboolean
hearsay_pg_set_blind (HearsayStore  *store,
                      gboolean       blind,
                      GError       **error)
{
  HearsayPgStore *self = PG (store);

  if (!require_owner (self, _("whether the project is coded blind"), error) ||
      !hearsay_pg_set_meta (store, "blind", blind ? "1" : "0", error))
    return FALSE;
  self->blind = blind;
  return TRUE;
}

gboolean
hearsay_pg_get_blind (HearsayStore *store)
{
  return PG (store)->blind;
}
