/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-server.c: what only a project on a PostgreSQL server does — its
 * format checks, roles the server enforces, conflicts between clients, live
 * changes, a dropped connection, and copies to and from files — on the
 * server HEARSAY_TEST_PG names (skipped, with a message, without one). */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <libpq-fe.h>

#include "hearsay-error.h"
#include "hearsay-export.h"
#include "hearsay-project.h"
#include "hearsay-project-bulk.h"
#include "hearsay-project-team.h"
#include "core-test-util.h"

static const char *server;

static char *
location (const char *project,
          const char *user)
{
  static guint n;

  return g_strdup_printf ("%s project=s%u_%s_%u%s%s", server, (guint) getpid (), project, ++n,
                          user ? " user=" : "", user ? user : "");
}

/* The same project, as another login. */
static char *
as_user (const char *loc,
         const char *user)
{
  return g_strdup_printf ("%s user=%s", loc, user);
}

static void
sql (const char *statement)
{
  PGconn *conn = PQconnectdb (server);
  PGresult *r = PQexec (conn, statement);

  g_assert_true (PQresultStatus (r) == PGRES_COMMAND_OK || PQresultStatus (r) == PGRES_TUPLES_OK);
  PQclear (r);
  PQfinish (conn);
}

static HearsayProject *
new_project (const char *loc)
{
  g_autoptr(GError) error = NULL;
  HearsayProject *project = hearsay_project_create (loc, &error);

  g_assert_no_error (error);
  return project;
}

static gint64
annotate (HearsayProject *project,
          gint64          doc,
          const char     *label,
          gint64          start,
          gint64          end,
          GError        **error)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc, label);

  hearsay_annotation_add_fragment (ann, start, end);
  if (!hearsay_project_create_annotation (project, ann, error))
    return 0;
  return hearsay_annotation_get_id (ann);
}

static void
test_init_and_versions (void)
{
  g_autofree char *loc = location ("versions", NULL);
  g_autoptr(HearsayProject) project = new_project (loc);
  g_autoptr(HearsayProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *schema = g_strdup (strstr (loc, "project=") + strlen ("project="));
  g_autofree char *bump = g_strdup_printf ("UPDATE \"%s\".hearsay_format SET version = 99;", schema);

  /* init refuses a project that exists. */
  again = hearsay_project_create (loc, &error);
  g_assert_null (again);
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);

  /* A schema of a newer version: refused, named, untouched. */
  g_clear_object (&project);
  sql (bump);
  project = hearsay_project_open (loc, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_null (project);
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_nonnull (strstr (error->message, "nothing on the server was changed"));
  g_clear_error (&error);

  /* No project there yet: the message says how to create it. */
  {
    g_autofree char *missing = location ("missing", NULL);

    project = hearsay_project_open (missing, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
    g_assert_null (project);
    g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "server init"));
  }
}

static void
test_unreachable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project =
    hearsay_project_open ("host=/nonexistent/socket dbname=x connect_timeout=2", HEARSAY_PROJECT_OPEN_DEFAULT, &error);

  g_assert_null (project);
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, "cannot be reached"));
}

static gboolean
has_role (const char *name)
{
  PGconn *conn = PQconnectdb (server);
  const char *values[] = { name };
  PGresult *r = PQexecParams (conn, "SELECT 1 FROM pg_roles WHERE rolname = $1", 1, NULL, values,
                              NULL, NULL, 0);
  gboolean found = PQresultStatus (r) == PGRES_TUPLES_OK && PQntuples (r) == 1;

  PQclear (r);
  PQfinish (conn);
  return found;
}

/* A login with a password (scram-sha-256: the test cluster's pg_hba asks
 * members of hearsay_password_login for one): none given, a wrong one, the
 * right one. Nothing is opened, or changed, without the right one. */
static void
test_wrong_password (void)
{
  g_autofree char *loc = location ("password", NULL);
  g_autoptr(HearsayProject) owner = NULL;
  g_autoptr(HearsayProject) member = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *login = g_strdup_printf ("hs_pw_%u", (guint) getpid ());
  g_autofree char *create = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'right horse' "
                                             "IN ROLE hearsay_password_login", login);
  g_autofree char *drop = g_strdup_printf ("DROP OWNED BY %s; DROP ROLE %s", login, login);
  g_autofree char *member_loc = NULL;
  g_autofree char *before = NULL, *after = NULL;

  if (!has_role ("hearsay_password_login"))
    {
      g_test_skip ("the server has no role hearsay_password_login whose members log in with a "
                   "password (build-aux/pg-test-cluster.sh creates it)");
      return;
    }
  owner = new_project (loc);
  core_test_add_document (owner, "Damas a déclaré que la ville est libérée.", "password");
  sql (create);
  g_assert_true (hearsay_project_add_member (owner, login, HEARSAY_MEMBER_ROLE_CODER, NULL, &error));
  g_assert_no_error (error);
  before = core_test_export (owner, HEARSAY_EXPORT_JSONL, FALSE);
  member_loc = as_user (loc, login);

  /* No password: the server asks for one, and the message says where. */
  member = hearsay_project_open (member_loc, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_null (member);
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "asks for the password of"));
  g_assert_nonnull (strstr (error->message, "~/.pgpass"));
  g_clear_error (&error);

  /* A wrong one: refused, said so, never shown. */
  hearsay_project_set_server_password (member_loc, "wrong horse");
  member = hearsay_project_open (member_loc, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_null (member);
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "the password is wrong"));
  g_assert_null (strstr (error->message, "wrong horse"));
  g_clear_error (&error);

  /* The right one; another spelling of the same location (as the reader's
   * and the comparison's second connections may have) finds it too. */
  hearsay_project_set_server_password (member_loc, NULL);
  {
    g_autofree char *uri = NULL;
    g_autoptr(HearsayProject) probe = NULL;

    hearsay_project_set_server_password (member_loc, "right horse");
    member = hearsay_project_open (member_loc, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (hearsay_project_get_annotator (member), ==, login);
    uri = g_strdup_printf ("application_name=hearsay_probe %s", hearsay_project_get_path (member));
    probe = hearsay_project_open (uri, HEARSAY_PROJECT_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_nonnull (probe);
  }
  hearsay_project_set_server_password (member_loc, NULL);
  g_clear_object (&member);
  /* The refused attempts changed nothing. */
  after = core_test_export (owner, HEARSAY_EXPORT_JSONL, FALSE);
  g_assert_cmpstr (before, ==, after);
  g_clear_object (&owner);
  sql (drop);
}

/* Code points, as on a file: char_length and substr count them. */
static void
test_code_points (void)
{
  g_autofree char *loc = location ("points", NULL);
  g_autoptr(HearsayProject) project = new_project (loc);
  const char *text = "\xef\xbb\xbf" "A\xf0\x9f\x98\x80 e\xcc\x81t\xc3\xa9\r\nالقوات السورية";
  gint64 doc = core_test_add_document (project, text, "points");
  g_autoptr(GError) error = NULL;
  gint64 id = annotate (project, doc, "claim", 6, 8, &error);
  g_autoptr(HearsayAnnotation) ann = NULL;
  g_autoptr(HearsayDocument) stored = NULL;

  g_assert_no_error (error);
  ann = hearsay_project_get_annotation (project, id, &error);
  g_assert_cmpstr (hearsay_annotation_get_fragment (ann, 0)->exact, ==, "t\xc3\xa9");
  stored = hearsay_project_load_document (project, doc, &error);
  g_assert_cmpstr (hearsay_document_get_text (stored), ==, text);
  g_assert_cmpint (hearsay_document_get_length (stored), ==, g_utf8_strlen (text, -1));
}

static void
test_roles (void)
{
  g_autofree char *loc = location ("roles", NULL);
  g_autoptr(HearsayProject) owner = new_project (loc);
  g_autofree char *coder_loc = as_user (loc, "hs_coder_a");
  g_autofree char *other_loc = as_user (loc, "hs_coder_b");
  g_autofree char *curator_loc = as_user (loc, "hs_curator");
  g_autoptr(HearsayProject) coder = NULL;
  g_autoptr(HearsayProject) other = NULL;
  g_autoptr(HearsayProject) curator = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gint64 doc = core_test_add_document (owner, "Damas a déclaré que la ville est libérée.", "roles");
  gint64 mine, theirs;

  g_assert_true (hearsay_project_add_member (owner, "hs_coder_a", HEARSAY_MEMBER_ROLE_CODER, NULL, &error));
  g_assert_true (hearsay_project_add_member (owner, "hs_coder_b", HEARSAY_MEMBER_ROLE_CODER, NULL, &error));
  g_assert_true (hearsay_project_add_member (owner, "hs_curator", HEARSAY_MEMBER_ROLE_CURATOR, NULL, &error));
  g_assert_no_error (error);
  members = hearsay_project_list_members (owner, &error);
  g_assert_cmpuint (members->len, >=, 3);

  coder = hearsay_project_open (coder_loc, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  other = hearsay_project_open (other_loc, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearsay_project_get_role (coder), ==, HEARSAY_MEMBER_ROLE_CODER);
  g_assert_cmpstr (hearsay_project_get_annotator (coder), ==, "hs_coder_a");

  mine = annotate (coder, doc, "claim", 0, 5, &error);
  g_assert_no_error (error);
  theirs = annotate (other, doc, "claim", 6, 11, &error);
  g_assert_no_error (error);

  /* Another coder's layer: the server refuses, whatever the client. */
  g_assert_false (hearsay_project_set_note (coder, theirs, "mine now", &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "hs_coder_a is a coder"));
  g_clear_error (&error);
  g_assert_false (hearsay_project_delete_annotation (coder, theirs, &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_DENIED);
  g_clear_error (&error);
  {
    g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc, "claim");

    /* Writing as someone else is refused too. */
    hearsay_annotation_add_fragment (ann, 12, 20);
    hearsay_annotation_set_annotator (ann, "hs_coder_b");
    g_assert_false (hearsay_project_create_annotation (coder, ann, &error));
    g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_DENIED);
    g_clear_error (&error);
  }
  /* Documents and the scheme are the owner's. */
  g_assert_false (hearsay_project_set_scheme (coder, hearsay_project_get_scheme (coder), &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (hearsay_project_set_note (coder, mine, "own layer", &error));
  g_assert_no_error (error);

  /* Blind: a coder sees only their own layer, and no comparison. */
  g_assert_true (hearsay_project_set_blind (owner, TRUE, &error));
  g_clear_object (&coder);
  coder = hearsay_project_open (coder_loc, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) seen = hearsay_project_list_annotations (coder, doc, &error);

    g_assert_cmpuint (seen->len, ==, 1);
    g_assert_cmpint (hearsay_annotation_get_id (g_ptr_array_index (seen, 0)), ==, mine);
    g_assert_null (hearsay_project_read_compare_sums (coder, NULL, &doc, 1, 0, &error));
    g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_DENIED);
    g_clear_error (&error);
  }

  /* A curator reads every layer and writes the gold one only. */
  curator = hearsay_project_open (curator_loc, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) seen = hearsay_project_list_annotations (curator, doc, &error);
    g_autoptr(HearsayAnnotation) gold = hearsay_annotation_new (doc, "claim");

    g_assert_cmpuint (seen->len, ==, 2);
    hearsay_annotation_add_fragment (gold, 0, 5);
    hearsay_annotation_set_annotator (gold, HEARSAY_GOLD_ANNOTATOR);
    g_assert_true (hearsay_project_create_annotation (curator, gold, &error));
    g_assert_no_error (error);
    g_assert_false (hearsay_project_set_note (curator, mine, "curated", &error));
    g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_DENIED);
    g_clear_error (&error);
  }
  /* Members are the owner's too. */
  g_assert_false (hearsay_project_add_member (curator, "hs_x", HEARSAY_MEMBER_ROLE_OWNER, NULL, &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_DENIED);
}

static void
on_added (HearsayProject    *project,
          gint64             document_id,
          gint64             id,
          HearsayAnnotation *annotation,
          gpointer           data)
{
  /* The other client's annotation comes with the signal, as stored. */
  g_assert_cmpint (hearsay_annotation_get_id (annotation), ==, id);
  *(gint64 *) data = id;
}

static void
test_live_and_conflict (void)
{
  g_autofree char *loc = location ("live", NULL);
  g_autoptr(HearsayProject) a = new_project (loc);
  g_autoptr(HearsayProject) b = NULL;
  g_autoptr(GError) error = NULL;
  gint64 doc = core_test_add_document (a, "Damas a déclaré que la ville est libérée.", "live");
  gint64 heard = 0, id;
  gint64 started;
  const char *checked[] = { "supported", NULL };

  b = hearsay_project_open (loc, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  hearsay_project_follow_changes (b);
  g_signal_connect (b, "annotation-added", G_CALLBACK (on_added), &heard);

  /* A's edit reaches B within a second, by B's own signal. */
  started = g_get_monotonic_time ();
  id = annotate (a, doc, "claim", 0, 5, &error);
  g_assert_no_error (error);
  while (heard != id && g_get_monotonic_time () - started < G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (heard, ==, id);
  g_test_message ("seen by the other client after %.0f ms", (g_get_monotonic_time () - started) / 1000.0);

  /* B shows it; A changes it; B's change of what it showed is refused. */
  {
    g_autoptr(HearsayAnnotation) shown = hearsay_project_get_annotation (b, id, &error);

    g_assert_nonnull (shown);
  }
  g_assert_true (hearsay_project_set_note (a, id, "A's note", &error));
  g_assert_false (hearsay_project_set_attribute (b, id, "status", checked, &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "not saved"));
  g_clear_error (&error);
  {
    g_autoptr(HearsayAnnotation) now = hearsay_project_get_annotation (a, id, &error);

    g_assert_cmpstr (hearsay_annotation_get_note (now), ==, "A's note");
    g_assert_null (hearsay_annotation_get_attribute (now, "status"));
  }
  /* Once B has read the new version (its views do, on the
   * annotation-changed that follows), its change goes through. */
  {
    g_autoptr(HearsayAnnotation) reread = hearsay_project_get_annotation (b, id, &error);

    g_assert_cmpstr (hearsay_annotation_get_note (reread), ==, "A's note");
  }
  g_assert_true (hearsay_project_set_attribute (b, id, "status", checked, &error));
  g_assert_no_error (error);
}

/* The connection dropped mid-edit: nothing half-written, read-only until
 * the server is reached again. */
static void
test_dropped (void)
{
  g_autofree char *base = location ("dropped", NULL);
  g_autofree char *loc = g_strdup_printf ("%s application_name=hearsay_dropped_%u", base, (guint) getpid ());
  g_autofree char *kill = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                                           "WHERE application_name = 'hearsay_dropped_%u';", (guint) getpid ());
  g_autoptr(HearsayProject) project = new_project (loc);
  g_autoptr(GError) error = NULL;
  gint64 doc = core_test_add_document (project, "Damas a déclaré que la ville est libérée.", "dropped");
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HearsayProject) check = NULL;
  gboolean read_only_seen = FALSE;

  hearsay_project_follow_changes (project);
  g_assert_true (hearsay_project_bulk_begin (project, &error));
  g_ptr_array_add (docs, hearsay_document_new ("first of an import"));
  g_assert_true (hearsay_project_bulk_add_document (project, g_ptr_array_index (docs, 0), &error));
  sql (kill);
  g_ptr_array_add (docs, hearsay_document_new ("second of an import"));
  g_assert_false (hearsay_project_bulk_add_document (project, g_ptr_array_index (docs, 1), &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, "not saved"));
  g_clear_error (&error);
  hearsay_project_bulk_rollback (project);
  g_assert_true (hearsay_project_get_read_only (project));
  g_assert_false (annotate (project, doc, "claim", 0, 5, &error) > 0);
  g_clear_error (&error);

  /* Nothing of the import is on the server. */
  check = hearsay_project_open (loc, HEARSAY_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) stored = hearsay_project_list_documents (check, &error);

    g_assert_cmpuint (stored->len, ==, 1);
  }
  /* The server is there: within a few seconds the project is writable. */
  {
    gint64 started = g_get_monotonic_time ();

    while (hearsay_project_get_read_only (project) && g_get_monotonic_time () - started < 10 * G_USEC_PER_SEC)
      g_main_context_iteration (NULL, TRUE);
    read_only_seen = hearsay_project_get_read_only (project);
  }
  g_assert_false (read_only_seen);
  g_assert_cmpint (annotate (project, doc, "claim", 0, 5, &error), >, 0);
  g_assert_no_error (error);
}

static char *
export_jsonl (const char *loc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_open (loc, HEARSAY_PROJECT_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return core_test_export (project, HEARSAY_EXPORT_JSONL, FALSE);
}

/* File → server → file: the JSONL exports are byte-identical. */
static void
test_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = core_test_path ("source.hearsay");
  g_autofree char *loc = location ("copy", NULL);
  g_autofree char *back = core_test_path ("back.hearsay");
  g_autofree char *original = NULL, *on_server = NULL, *returned = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (file, &error);
  const char *paths[] = { NULL, NULL };
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "core", "rich.jsonl", NULL);

  g_assert_no_error (error);
  paths[0] = fixture;
  g_assert_true (core_test_import (project, "jsonl", paths, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&project);

  g_assert_true (hearsay_project_copy (file, loc, &error));
  g_assert_no_error (error);
  g_assert_true (hearsay_project_copy (loc, back, &error));
  g_assert_no_error (error);
  original = export_jsonl (file);
  on_server = export_jsonl (loc);
  returned = export_jsonl (back);
  g_assert_cmpuint (strlen (original), >, 100);
  g_assert_cmpstr (original, ==, on_server);
  g_assert_cmpstr (original, ==, returned);

  /* A destination that holds a project is refused and left as it was. */
  g_assert_false (hearsay_project_copy (file, loc, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_autofree char *after = export_jsonl (loc);

    g_assert_cmpstr (after, ==, on_server);
  }
}

/* A coder takes a blind copy of the server project to work offline, and
 * merges it back as themselves: their layer only, once. */
static void
test_coder_copy_and_merge (void)
{
  g_autofree char *loc = location ("team", NULL);
  g_autoptr(HearsayProject) owner = new_project (loc);
  g_autofree char *coder_loc = as_user (loc, "hs_coder_a");
  g_autoptr(HearsayProject) coder = NULL;
  g_autoptr(HearsayProject) copy = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) layer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = core_test_path ("copies");
  gint64 doc = core_test_add_document (owner, "Damas a déclaré que la ville est libérée.", "team");
  gint64 theirs;

  g_assert_true (hearsay_project_add_member (owner, "hs_coder_a", HEARSAY_MEMBER_ROLE_CODER, NULL, &error));
  g_assert_true (hearsay_project_add_member (owner, "hs_coder_b", HEARSAY_MEMBER_ROLE_CODER, NULL, &error));
  g_assert_no_error (error);
  hearsay_project_set_annotator (owner, "hs_coder_b");
  theirs = annotate (owner, doc, "claim", 6, 11, &error);
  g_assert_no_error (error);
  g_assert_cmpint (theirs, >, 0);

  coder = hearsay_project_open (coder_loc, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (annotate (coder, doc, "claim", 0, 5, &error), >, 0);
  g_assert_no_error (error);
  paths = hearsay_project_prepare_coder_copies (coder, (const char *[]) { "hs_coder_a", NULL }, dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, 1);
  g_assert_false (hearsay_project_location_is_server (g_ptr_array_index (paths, 0)));

  /* Offline: the copy is a file with the coder's layer and no one else's. */
  copy = hearsay_project_open (g_ptr_array_index (paths, 0), HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_project_get_blind_coder (copy), ==, "hs_coder_a");
  {
    g_autoptr(GPtrArray) all = hearsay_project_list_annotations (copy, doc, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 1);
  }
  g_assert_cmpint (annotate (copy, doc, "claim", 12, 20, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&copy);

  /* Back on the server, by the coder. */
  for (int round = 0; round < 2; round++)
    {
      g_autoptr(HearsayMergeReport) report =
        hearsay_project_merge_coder_copies (coder, (const char * const *) paths->pdata, NULL, &error);
      HearsayMergeFile *file;

      g_assert_no_error (error);
      file = g_ptr_array_index (report->files, 0);
      g_assert_cmpuint (file->annotations_added, ==, round == 0 ? 1 : 0);
      g_assert_cmpuint (file->annotations_deleted, ==, 0);
    }
  layer = hearsay_project_list_layer_annotations (owner, doc, "hs_coder_a", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (layer->len, ==, 2);
  /* The other coder's annotation is untouched. */
  {
    g_autoptr(HearsayAnnotation) ann = hearsay_project_get_annotation (owner, theirs, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (hearsay_annotation_get_annotator (ann), ==, "hs_coder_b");
  }
}

int
main (int   argc,
      char *argv[])
{
  core_test_init (&argc, &argv);
  server = g_getenv ("HEARSAY_TEST_PG");
  /* core_test_init skipped the program in the server run without a server. */
  g_assert_true (core_test_backend_is_server () && server != NULL);
  g_test_add_func ("/server/init-and-versions", test_init_and_versions);
  g_test_add_func ("/server/unreachable", test_unreachable);
  g_test_add_func ("/server/wrong-password", test_wrong_password);
  g_test_add_func ("/server/code-points", test_code_points);
  g_test_add_func ("/server/roles", test_roles);
  g_test_add_func ("/server/live-and-conflict", test_live_and_conflict);
  g_test_add_func ("/server/dropped", test_dropped);
  g_test_add_func ("/server/copy", test_copy);
  g_test_add_func ("/server/coder-copy-and-merge", test_coder_copy_and_merge);
  return g_test_run ();
}
