/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg-open.c: opening a project on a PostgreSQL server, checking
 * what the schema is, creating it (`hearsay-cli server init`) and
 * migrating it, one step per transaction like the file's; a schema of a
 * newer version is refused and left untouched. Also the connection's
 * loss and return, and the tests' redirection of file paths to schemas.
 *
 * A location is "postgresql://[user@]host[:port]/db[?…][#project]",
 * "postgres://…", or a libpq keyword string ("host=… dbname=…
 * [project=NAME]"); the project is the schema NAME (default "hearsay").
 * A password never comes from Hearsay's settings: libpq reads ~/.pgpass or
 * PGPASSFILE, PGPASSWORD, or the location itself. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearsay-error.h"
#include "hearsay-pg-private.h"
#include "hearsay-words.h"

#define CONNECT_TIMEOUT "10"
#define TEST_MARKER "hearsay-test-redirect\n"

static gboolean
valid_schema (const char *name)
{
  if (name == NULL || *name == '\0' || strlen (name) > 31 || g_ascii_isdigit (*name))
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;
  return TRUE;
}

/* Splits @location into what libpq reads and the project (schema) name. */
static gboolean
parse_location (const char  *location,
                char       **conninfo,
                char       **schema,
                GError     **error)
{
  g_autofree char *info = NULL;
  g_autofree char *name = NULL;

  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    {
      const char *hash = strchr (location, '#');

      info = hash ? g_strndup (location, hash - location) : g_strdup (location);
      name = g_strdup (hash && hash[1] ? hash + 1 : HEARSAY_PG_DEFAULT_SCHEMA);
    }
  else
    {
      g_autoptr(GRegex) re = g_regex_new ("(^|\\s)project\\s*=\\s*(\\S*)", 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (re, location, 0, &match))
        {
          int start, end;

          name = g_match_info_fetch (match, 2);
          g_match_info_fetch_pos (match, 0, &start, &end);
          info = g_strconcat ("", location, NULL);
          memmove (info + start, info + end, strlen (info + end) + 1);
        }
      else
        {
          info = g_strdup (location);
          name = g_strdup (HEARSAY_PG_DEFAULT_SCHEMA);
        }
    }
  if (!valid_schema (name))
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not a project name Hearsay uses on a server: it is made of lower-case "
                     "letters, digits and “_”, up to 31, and does not start with a digit"), name);
      return FALSE;
    }
  {
    char *message = NULL;
    PQconninfoOption *options = PQconninfoParse (info, &message);

    if (options == NULL)
      {
        g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                     _("“%s” is not a server location Hearsay can read (%s). Write it as "
                       "postgresql://host/database or host=… dbname=…"),
                     location, message ? g_strchomp (message) : "?");
        PQfreemem (message);
        return FALSE;
      }
    PQconninfoFree (options);
  }
  *conninfo = g_steal_pointer (&info);
  *schema = g_steal_pointer (&name);
  return TRUE;
}

/* The location as messages show it: never the password. */
static char *
display_location (const char *conninfo,
                  const char *schema)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  const char *host = NULL, *port = NULL, *db = NULL, *user = NULL;
  GString *s = g_string_new ("postgresql://");

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    {
      if (o->val == NULL || *o->val == '\0')
        continue;
      if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "port"))
        port = o->val;
      else if (g_str_equal (o->keyword, "dbname"))
        db = o->val;
      else if (g_str_equal (o->keyword, "user"))
        user = o->val;
    }
  if (user != NULL)
    g_string_append_printf (s, "%s@", user);
  if (host != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (host, NULL, FALSE);

      g_string_append (s, host[0] == '/' ? escaped : host);
    }
  if (port != NULL)
    g_string_append_printf (s, ":%s", port);
  g_string_append_printf (s, "/%s", db ? db : "");
  if (!g_str_equal (schema, HEARSAY_PG_DEFAULT_SCHEMA))
    g_string_append_printf (s, "#%s", schema);
  PQconninfoFree (options);
  return g_string_free (s, FALSE);
}

/* The members' role: "<schema>@<database>" (at most 63 bytes, the
 * database's name shortened when it is long). */
char *
hearsay_pg_group_name (HearsayPgStore *self)
{
  const char *db = self->conn != NULL && PQdb (self->conn) != NULL ? PQdb (self->conn) : "";
  GString *s = g_string_new (self->schema);

  g_string_append_c (s, '@');
  for (const char *p = db; *p && s->len < 62; p++)
    if (*p != '"' && *p != '\'')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

char *
hearsay_pg_expand_schema (HearsayPgStore *self,
                          const char     *sql)
{
  g_autofree char *channel = g_strdup_printf ("'" HEARSAY_PG_CHANNEL_PREFIX "%s'", self->schema);
  g_autofree char *literal = g_strdup_printf ("'%s'", self->schema);
  g_autofree char *name = hearsay_pg_group_name (self);
  g_autofree char *group = g_strdup_printf ("\"%s\"", name);
  g_autofree char *group_literal = g_strdup_printf ("'%s'", name);
  g_autoptr(GString) s = NULL;

  if (strchr (sql, '@') == NULL)
    return g_strdup (sql);
  s = g_string_new (sql);
  g_string_replace (s, "@SCHEMA_LITERAL@", literal, 0);
  g_string_replace (s, "@GROUP_LITERAL@", group_literal, 0);
  g_string_replace (s, "@SCHEMA@", self->schema_ident, 0);
  g_string_replace (s, "@CHANNEL@", channel, 0);
  g_string_replace (s, "@GROUP@", group, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Why the server could not be reached or refused the login. */
static void
set_connect_error (HearsayPgStore  *self,
                   GError         **error)
{
  g_autofree char *message = g_strchomp (g_strdup (PQerrorMessage (self->conn)));
  const char *user = PQuser (self->conn);

  if (PQconnectionNeedsPassword (self->conn))
    g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_AUTH,
                 _("%s asks for the password of %s. Put it in ~/.pgpass (or the file PGPASSFILE "
                   "names), or give it when Hearsay asks; Hearsay never stores it."),
                 self->base.path, user ? user : "?");
  else if (PQconnectionUsedPassword (self->conn))
    g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_AUTH,
                 _("%s refused the login of %s: the password is wrong, or the login is not "
                   "allowed (%s)"),
                 self->base.path, user ? user : "?", message);
  else if (strstr (message, "does not exist") != NULL || strstr (message, "authentication failed") != NULL)
    g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_AUTH,
                 _("%s refused the connection: %s"), self->base.path, message);
  else
    g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_OFFLINE,
                 _("%s cannot be reached: %s"), self->base.path, message);
}

/* Passwords typed for this process's connections: in memory only. */
static GMutex passwords_lock;
static GHashTable *passwords;   /* conninfo → password */

void
hearsay_pg_set_password (const char *location,
                         const char *password)
{
  g_autofree char *conninfo = NULL, *schema = NULL;

  if (!parse_location (location, &conninfo, &schema, NULL))
    return;
  g_mutex_lock (&passwords_lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (password != NULL)
    g_hash_table_insert (passwords, g_steal_pointer (&conninfo), g_strdup (password));
  else
    g_hash_table_remove (passwords, conninfo);
  g_mutex_unlock (&passwords_lock);
}

gboolean
hearsay_pg_connect (HearsayPgStore  *self,
                    GError         **error)
{
  g_autofree char *password = NULL;
  /* The location's own settings override these defaults (expand_dbname). */
  const char *keywords[] = { "connect_timeout", "fallback_application_name", "client_encoding",
                             "password", "dbname", NULL };
  const char *values[] = { CONNECT_TIMEOUT, "hearsay", "UTF8", NULL, self->conninfo, NULL };

  g_mutex_lock (&passwords_lock);
  if (passwords != NULL)
    password = g_strdup (g_hash_table_lookup (passwords, self->conninfo));
  g_mutex_unlock (&passwords_lock);
  if (password == NULL)
    {
      /* Without one, "password" is left out, not given empty. */
      keywords[3] = "dbname";
      values[3] = self->conninfo;
      keywords[4] = NULL;
    }
  else
    values[3] = password;
  g_autofree char *setup = NULL;
  g_autoptr(PGresult) result = NULL;

  g_clear_pointer (&self->conn, PQfinish);
  g_hash_table_remove_all (self->prepared);
  g_hash_table_remove_all (self->annotators);
  self->conn = PQconnectdbParams ((const char * const *) keywords, (const char * const *) values, TRUE);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      set_connect_error (self, error);
      return FALSE;
    }
  self->lost = FALSE;
  /* Offsets are code points: text must cross the wire as UTF-8. */
  if (g_strcmp0 (PQparameterStatus (self->conn, "client_encoding"), "UTF8") != 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("%s: the connection does not use UTF-8"), self->base.path);
      return FALSE;
    }
  setup = g_strdup_printf ("SET search_path TO %s; SET client_min_messages TO warning;"
                           "SELECT current_user, server_encoding FROM (SELECT current_setting "
                           "('server_encoding') AS server_encoding) s;",
                           self->schema_ident);
  result = PQexec (self->conn, setup);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      hearsay_pg_set_error (self, result, _("could not open the project"), error);
      return FALSE;
    }
  if (!g_str_equal (PQgetvalue (result, 0, 1), "UTF8"))
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("%s: the database’s encoding is %s; Hearsay needs a UTF8 database "
                     "(createdb -E UTF8), so that text and offsets are kept exactly"),
                   self->base.path, PQgetvalue (result, 0, 1));
      return FALSE;
    }
  g_free (self->user);
  self->user = g_strdup (PQgetvalue (result, 0, 0));
  return TRUE;
}

void
hearsay_pg_lost (HearsayPgStore *self)
{
  HearsayStoreChange change = { HEARSAY_STORE_CHANGE_EVERYTHING, 0, 0, 0 };

  if (self->lost)
    return;
  self->lost = TRUE;
  self->base.read_only = TRUE;
  self->base.txn_depth = 0;
  g_hash_table_remove_all (self->pending);
  self->undoing = FALSE;
  /* The views learn that the project became read-only. */
  g_array_append_val (self->changes, change);
}

/* The schema's state: -1 when it does not exist, 0 when it exists but
 * holds no Hearsay project (@empty: nothing at all), else its version. */
static gboolean
read_format (HearsayPgStore  *self,
             int             *version,
             gboolean        *empty,
             gint64          *application_id,
             GError         **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) result = NULL;

  hearsay_pg_param_text (&p, self->schema);
  result = hearsay_pg_query_once (self,
                                  "SELECT n.oid IS NOT NULL, "
                                  " (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid), "
                                  " to_regclass (quote_ident ($1) || '.hearsay_format') IS NOT NULL "
                                  "FROM (SELECT 1) x LEFT JOIN pg_namespace n ON n.nspname = $1;",
                                  &p, _("could not open the project"), error);
  if (result == NULL)
    return FALSE;
  *empty = hearsay_pg_get_int (result, 0, 1) == 0;
  *application_id = 0;
  if (!g_str_equal (PQgetvalue (result, 0, 0), "t"))
    {
      *version = -1;
      return TRUE;
    }
  if (!g_str_equal (PQgetvalue (result, 0, 2), "t"))
    {
      *version = 0;
      return TRUE;
    }
  g_clear_pointer (&result, PQclear);
  result = hearsay_pg_query_once (self, "SELECT application_id, version FROM hearsay_format;", NULL,
                                  _("could not open the project"), error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) != 1)
    {
      *version = 0;
      *empty = FALSE;
      return TRUE;
    }
  *application_id = hearsay_pg_get_int (result, 0, 0);
  *version = (int) hearsay_pg_get_int (result, 0, 1);
  return TRUE;
}

/* The text search configuration: PostgreSQL's "simple" (lower case, no
 * stemming), with accents folded by unaccent when the server has it, as
 * the file's FTS5 index folds them (remove_diacritics 2). */
static gboolean
create_search_config (HearsayPgStore  *self,
                      GError         **error)
{
  g_autoptr(PGresult) ext = NULL;
  g_autofree char *sql = NULL;
  const char *accents = "kept";

  ext = PQexec (self->conn, "SAVEPOINT unaccent; CREATE EXTENSION IF NOT EXISTS unaccent;");
  if (PQresultStatus (ext) != PGRES_COMMAND_OK)
    PQclear (PQexec (self->conn, "ROLLBACK TO SAVEPOINT unaccent;"));
  g_clear_pointer (&ext, PQclear);
  ext = PQexec (self->conn, "RELEASE SAVEPOINT unaccent; SELECT quote_ident (n.nspname) FROM pg_extension e "
                "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent';");
  if (PQresultStatus (ext) == PGRES_TUPLES_OK && PQntuples (ext) == 1)
    {
      accents = "folded";
      sql = g_strdup_printf ("CREATE TEXT SEARCH CONFIGURATION %s.hearsay (COPY = pg_catalog.simple);"
                             "ALTER TEXT SEARCH CONFIGURATION %s.hearsay ALTER MAPPING FOR asciiword, "
                             "asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, "
                             "hword_numpart WITH %s.unaccent, pg_catalog.simple;",
                             self->schema_ident, self->schema_ident, PQgetvalue (ext, 0, 0));
    }
  else
    sql = g_strdup_printf ("CREATE TEXT SEARCH CONFIGURATION %s.hearsay (COPY = pg_catalog.simple);",
                           self->schema_ident);
  if (!hearsay_pg_exec (self, sql, _("could not create the project"), error))
    return FALSE;
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO meta VALUES ('search_accents', '%s') "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value;", accents);
  return hearsay_pg_exec (self, sql, _("could not create the project"), error);
}

/* The role every member is granted: it holds the privileges on the tables. */
static gboolean
create_group (HearsayPgStore  *self,
              GError         **error)
{
  g_autofree char *sql = hearsay_pg_expand_schema (self,
    "DO $$ BEGIN"
    "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @GROUP_LITERAL@) THEN"
    "    CREATE ROLE @GROUP@ NOLOGIN;"
    "  END IF; END $$;");
  g_autoptr(PGresult) result = NULL;

  result = PQexec (self->conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      g_autofree char *message = g_strchomp (g_strdup (PQresultErrorMessage (result)));

      if (PQstatus (self->conn) != CONNECTION_OK)
        hearsay_pg_set_error (self, result, NULL, error);
      else
        g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_DENIED,
                     _("%s: the project needs a role for its members, and %s may not create roles "
                       "(%s). Run server init as the database’s owner with CREATEROLE, or as a "
                       "superuser."),
                     self->base.path, self->user, message);
      return FALSE;
    }
  return TRUE;
}

/* Step 2 → 3 counts the words of the documents already there, in C, the
 * way the file does (hearsay-words.h). */
static gboolean
count_words (HearsayPgStore  *self,
             GError         **error)
{
  g_autoptr(PGresult) ids = hearsay_pg_query_once (self, "SELECT id, text FROM document;", NULL,
                                                   _("could not upgrade the project"), error);

  if (ids == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (ids); i++)
    {
      HearsayPgParams p = { 0 };
      g_autoptr(PGresult) result = NULL;

      hearsay_pg_param_text (&p, PQgetvalue (ids, i, 0));
      hearsay_pg_param_int (&p, hearsay_words_count (PQgetvalue (ids, i, 1), -1));
      result = hearsay_pg_query_once (self, "INSERT INTO document_words VALUES ($1, $2) "
                                      "ON CONFLICT (document_id) DO UPDATE SET words = excluded.words;",
                                      &p, _("could not upgrade the project"), error);
      if (result == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_step (HearsayPgStore  *self,
          int              v,
          GError         **error)
{
  g_autofree char *bump = g_strdup_printf ("UPDATE hearsay_format SET version = %d;", v + 1);

  if (!hearsay_pg_exec (self, hearsay_pg_migrations[v], _("could not upgrade the project"), error))
    return FALSE;
  if (v == 0 && !create_search_config (self, error))
    return FALSE;
  if (v == 2 && !count_words (self, error))
    return FALSE;
  if (v + 1 == HEARSAY_STORE_SCHEMA_VERSION &&
      (!create_group (self, error) ||
       !hearsay_pg_exec (self, hearsay_pg_definitions, _("could not upgrade the project"), error)))
    return FALSE;
  if (!hearsay_pg_exec (self, bump, _("could not upgrade the project"), error))
    return FALSE;
  self->base.schema_version = v + 1;
  return TRUE;
}

/* A new project: the schema and every step in one transaction, so that a
 * failed init leaves nothing. @to_version is HEARSAY_STORE_SCHEMA_VERSION
 * but in the tests of migrations. */
static gboolean
initialise (HearsayPgStore  *self,
            int              to_version,
            GError         **error)
{
  g_autofree char *create = g_strdup_printf ("CREATE SCHEMA IF NOT EXISTS %s;"
                                             "CREATE TABLE %s.hearsay_format ("
                                             " id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),"
                                             " application_id bigint NOT NULL, version integer NOT NULL);"
                                             "INSERT INTO %s.hearsay_format VALUES (1, %u, 0);",
                                             self->schema_ident, self->schema_ident, self->schema_ident,
                                             (guint) HEARSAY_STORE_APPLICATION_ID);

  if (!hearsay_pg_exec (self, "BEGIN;", _("could not create the project"), error))
    return FALSE;
  if (!hearsay_pg_exec (self, create, _("could not create the project"), error))
    goto fail;
  self->base.schema_version = 0;
  for (int v = 0; v < to_version; v++)
    if (!run_step (self, v, error))
      goto fail;
  if (!hearsay_pg_exec (self, "COMMIT;", "commit", error))
    goto fail;
  return TRUE;

fail:
  PQclear (PQexec (self->conn, "ROLLBACK;"));
  return FALSE;
}

/* Each step in its own transaction, under a lock: two clients upgrading at
 * once take turns, and the second finds nothing left to do. */
static gboolean
migrate (HearsayPgStore  *self,
         GError         **error)
{
  for (int v = self->base.schema_version; v < HEARSAY_STORE_SCHEMA_VERSION; v++)
    {
      g_autoptr(PGresult) result = NULL;

      if (!hearsay_pg_exec (self, "BEGIN;", _("could not upgrade the project"), error))
        return FALSE;
      result = hearsay_pg_query_once (self, "LOCK TABLE hearsay_format IN EXCLUSIVE MODE;"
                                      "SELECT version FROM hearsay_format;", NULL,
                                      _("could not upgrade the project"), error);
      if (result == NULL)
        goto fail;
      if (hearsay_pg_get_int (result, 0, 0) > v)
        {
          v = (int) hearsay_pg_get_int (result, 0, 0) - 1;
          self->base.schema_version = v + 1;
          PQclear (PQexec (self->conn, "ROLLBACK;"));
          continue;
        }
      if (!run_step (self, v, error) || !hearsay_pg_exec (self, "COMMIT;", "commit", error))
        goto fail;
    }
  return TRUE;

fail:
  PQclear (PQexec (self->conn, "ROLLBACK;"));
  return FALSE;
}

static gboolean
check_and_prepare (HearsayPgStore     *self,
                   HearsayStoreFlags   flags,
                   int                 to_version,
                   gboolean           *created,
                   GError            **error)
{
  int version;
  gboolean empty;
  gint64 application_id;

  if (!read_format (self, &version, &empty, &application_id, error))
    return FALSE;
  if (version < 0 || (version == 0 && empty))
    {
      if (!(flags & HEARSAY_STORE_OPEN_CREATE))
        {
          g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                       _("There is no Hearsay project at %s yet. Its owner creates it with: "
                         "hearsay-cli --project '%s' server init"),
                       self->base.path, self->base.path);
          return FALSE;
        }
      if (self->requested_read_only)
        {
          g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_READ_ONLY,
                       _("%s cannot be created: it is opened read-only"), self->base.path);
          return FALSE;
        }
      if (!initialise (self, to_version, error))
        return FALSE;
      *created = TRUE;
      return TRUE;
    }
  if (flags & HEARSAY_STORE_OPEN_NEW)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_A_PROJECT,
                   version > 0 ? _("%s already holds a Hearsay project")
                               : _("%s already exists and is not an empty schema"),
                   self->base.path);
      return FALSE;
    }
  if (version == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_A_PROJECT,
                   _("%s is not a Hearsay project: the schema “%s” holds other tables"),
                   self->base.path, self->schema);
      return FALSE;
    }
  if ((guint32) application_id != HEARSAY_STORE_APPLICATION_ID)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FOREIGN_APPLICATION,
                   _("%s is not a Hearsay project: its format table names another application "
                     "(application_id 0x%08x)"),
                   self->base.path, (guint32) application_id);
      return FALSE;
    }
  self->base.schema_version = version;
  if (version > HEARSAY_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NEWER_VERSION,
                   _("%s was written by a newer version of Hearsay (project format %d; this "
                     "version reads up to %d). Update Hearsay to open it; nothing on the server "
                     "was changed."),
                   self->base.path, version, HEARSAY_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (version < to_version)
    {
      if (self->requested_read_only)
        {
          g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_READ_ONLY,
                       _("%s uses an older project format and must be upgraded, but it is "
                         "opened read-only"), self->base.path);
          return FALSE;
        }
      if (!migrate (self, error))
        {
          if (error != NULL && *error != NULL && (*error)->code == HEARSAY_STORE_ERROR_DENIED)
            g_prefix_error (error, _("%s uses an older project format; its owner upgrades it by "
                                     "opening it once with this version of Hearsay. "),
                            self->base.path);
          return FALSE;
        }
    }
  return TRUE;
}

static void
finish_open (HearsayPgStore *self)
{
  if (!hearsay_pg_read_role (self, NULL))
    self->role = HEARSAY_MEMBER_ROLE_NONE;
  hearsay_pg_listen (self, NULL);
}

static HearsayPgStore *
store_new (void)
{
  HearsayPgStore *self = g_new0 (HearsayPgStore, 1);

  self->base.backend = hearsay_store_pg_backend ();
  self->prepared = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  self->annotators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Sets of HearsayPgRevision, by id (g_hash_table_add replaces). */
  self->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->changes = g_array_new (FALSE, FALSE, sizeof (HearsayStoreChange));
  return self;
}

static HearsayStore *
open_at (const char         *location,
         HearsayStoreFlags   flags,
         int                 to_version,
         gboolean           *created,
         GError            **error)
{
  HearsayPgStore *self;
  gboolean made = FALSE;
  g_autofree char *conninfo = NULL, *schema = NULL;

  if (!parse_location (location, &conninfo, &schema, error))
    return NULL;
  self = store_new ();
  self->conninfo = g_steal_pointer (&conninfo);
  self->schema = g_steal_pointer (&schema);
  self->schema_ident = g_strdup_printf ("\"%s\"", self->schema);
  self->base.path = display_location (self->conninfo, self->schema);
  self->requested_read_only = (flags & HEARSAY_STORE_OPEN_READ_ONLY) != 0;
  self->base.read_only = self->requested_read_only;

  if (!hearsay_pg_connect (self, error) ||
      !check_and_prepare (self, flags, to_version, &made, error))
    {
      hearsay_pg_close (&self->base);
      return NULL;
    }
  finish_open (self);
  if (created != NULL)
    *created = made;
  return &self->base;
}

HearsayStore *
hearsay_pg_store_open (const char         *location,
                       HearsayStoreFlags   flags,
                       gboolean           *created,
                       GError            **error)
{
  return open_at (location, flags, HEARSAY_STORE_SCHEMA_VERSION, created, error);
}

HearsayStore *
hearsay_pg_store_create_at_version (const char  *location,
                                    int          version,
                                    GError     **error)
{
  return open_at (location, HEARSAY_STORE_OPEN_CREATE | HEARSAY_STORE_OPEN_NEW, version, NULL, error);
}

gboolean
hearsay_pg_reconnect (HearsayStore  *store,
                      GError       **error)
{
  HearsayPgStore *self = PG (store);
  HearsayStoreChange change = { HEARSAY_STORE_CHANGE_EVERYTHING, 0, 0, 0 };
  int version;
  gboolean empty;
  gint64 application_id;

  if (!self->lost && self->conn != NULL && PQstatus (self->conn) == CONNECTION_OK)
    return TRUE;
  if (!hearsay_pg_connect (self, error))
    {
      self->lost = TRUE;
      return FALSE;
    }
  /* The schema may have been replaced or upgraded while away. */
  if (!read_format (self, &version, &empty, &application_id, error) ||
      version != store->schema_version)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NEWER_VERSION,
                     _("%s changed its project format while the connection was down: open it again"),
                     store->path);
      g_clear_pointer (&self->conn, PQfinish);
      self->lost = TRUE;
      return FALSE;
    }
  store->read_only = self->requested_read_only;
  finish_open (self);
  /* What others did meanwhile was not heard: the views reread it all. */
  g_array_append_val (self->changes, change);
  return TRUE;
}

void
hearsay_pg_close (HearsayStore *store)
{
  HearsayPgStore *self = PG (store);

  if (self->conn != NULL && store->txn_depth > 0 && PQstatus (self->conn) == CONNECTION_OK)
    PQclear (PQexec (self->conn, "ROLLBACK;"));
  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->highlighter, sqlite3_close);
  g_free (self->conninfo);
  g_free (self->schema);
  g_free (self->schema_ident);
  g_free (self->user);
  g_hash_table_unref (self->prepared);
  g_hash_table_unref (self->annotators);
  g_hash_table_unref (self->seen);
  g_hash_table_unref (self->pending);
  g_array_unref (self->changes);
  g_free (store->path);
  g_free (store->damage);
  g_free (self);
}

gboolean
hearsay_pg_backup (HearsayStore  *store,
                   const char    *dest_path,
                   GError       **error)
{
  g_autofree char *tmp_path = g_strdup_printf ("%s.partial", dest_path);
  HearsayStore *dest;
  gboolean ok;

  if (hearsay_store_location_is_server (dest_path))
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("A copy of a server project is saved to a file; to copy it to another server, "
                     "use hearsay-cli copy"));
      return FALSE;
    }
  g_unlink (tmp_path);
  dest = hearsay_store_open_file (tmp_path, HEARSAY_STORE_OPEN_CREATE, NULL, error);
  if (dest == NULL)
    return FALSE;
  ok = hearsay_store_copy (store, dest, error);
  /* The copy is a complete file on its own, without a -wal beside it. */
  if (ok)
    sqlite3_exec (dest->db, "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL);
  hearsay_store_close (dest);
  if (ok && g_rename (tmp_path, dest_path) != 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("%s: could not write the copy (%s)"), dest_path, g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    {
      g_autofree char *wal = g_strconcat (tmp_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (tmp_path, "-shm", NULL);

      g_unlink (tmp_path);
      g_unlink (wal);
      g_unlink (shm);
    }
  return ok;
}

/* The tests' redirection (hearsay-store-backend-private.h). */
char *
hearsay_pg_test_redirect (const char        *path,
                          HearsayStoreFlags  flags,
                          gboolean          *write_marker)
{
  const char *server = g_getenv ("HEARSAY_TEST_PG");
  g_autofree char *contents = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *hash = NULL;
  gsize length = 0;

  *write_marker = FALSE;
  if (g_strcmp0 (g_getenv ("HEARSAY_TEST_BACKEND"), "postgresql") != 0 || server == NULL || *server == '\0')
    return NULL;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!g_file_get_contents (path, &contents, &length, NULL) || !g_str_has_prefix (contents, TEST_MARKER))
        return NULL;
      return g_strchomp (g_strdup (contents + strlen (TEST_MARKER)));
    }
  if (!(flags & HEARSAY_STORE_OPEN_CREATE))
    return NULL;
  absolute = g_canonicalize_filename (path, NULL);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  hash[24] = '\0';
  *write_marker = TRUE;
  return g_strdup_printf ("%s project=t%s", server, hash);
}

void
hearsay_pg_test_write_marker (const char *path,
                              const char *location)
{
  g_autofree char *contents = g_strconcat (TEST_MARKER, location, "\n", NULL);

  g_file_set_contents (path, contents, -1, NULL);
}
