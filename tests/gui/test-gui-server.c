/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-gui-server.c: the window on a project shared on a PostgreSQL
 * server (HEARSAY_TEST_PG; skipped with a message without one): Connect to
 * Server…, another client's edit appearing without moving the reader, the
 * banner of a lost connection and its Retry, and the server's refusal of
 * an edit of another coder's layer shown as a message. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <libpq-fe.h>

#include "gui-test-util.h"
#include "hearsay-error.h"
#include "hearsay-window.h"

static const char *server;

static char *
new_location (const char *name,
              const char *extra)
{
  static guint n;

  return g_strdup_printf ("%s project=g%u_%s_%u%s%s", server, (guint) getpid (), name, ++n,
                          extra ? " " : "", extra ? extra : "");
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

/* A long article, so that the reader scrolls. */
static char *
article (void)
{
  GString *s = g_string_new (NULL);

  for (int i = 1; i <= 120; i++)
    g_string_append_printf (s, "Paragraphe %d. Damas a déclaré que la ville de Deir ez-Zor est libérée, "
                            "selon l’agence officielle, mais des témoins le contestent.\n\n", i);
  return g_string_free (s, FALSE);
}

static HearsayProject *
new_server_project (const char *loc,
                    gint64     *doc)
{
  g_autoptr(GError) error = NULL;
  HearsayProject *project = hearsay_project_create (loc, &error);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = article ();

  g_assert_no_error (error);
  g_ptr_array_add (documents, hearsay_document_new (text));
  g_assert_true (hearsay_project_add_documents (project, documents, &error));
  g_assert_no_error (error);
  *doc = hearsay_document_get_id (g_ptr_array_index (documents, 0));
  return project;
}

static gint64
annotate (HearsayProject *project,
          gint64          doc,
          gint64          start,
          gint64          end,
          GError        **error)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc, "claim");

  hearsay_annotation_add_fragment (ann, start, end);
  if (!hearsay_project_create_annotation (project, ann, error))
    return 0;
  return hearsay_annotation_get_id (ann);
}

/* The message dialog hearsay_show_error() put up, or NULL. */
static GtkWindow *
find_message (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkMessageDialog"))
        return window;
    }
  return NULL;
}

static gboolean
has_message (gpointer data)
{
  return find_message () != NULL;
}

static char *
message_text (void)
{
  GtkWindow *dialog = find_message ();
  g_autofree char *text = NULL, *secondary = NULL;

  g_assert_nonnull (dialog);
  g_object_get (dialog, "text", &text, "secondary-text", &secondary, NULL);
  return g_strdup_printf ("%s\n%s", text, secondary ? secondary : "");
}

static GtkAdjustment *
reader_vadjustment (HearsayWindow *window)
{
  GtkWidget *view = GTK_WIDGET (hearsay_reader_get_view (hearsay_window_get_reader (window)));
  GtkWidget *scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

static gboolean
scrolls (gpointer data)
{
  GtkAdjustment *adj = reader_vadjustment (data);

  return gtk_adjustment_get_upper (adj) > 3 * gtk_adjustment_get_page_size (adj) &&
         gtk_adjustment_get_page_size (adj) > 0;
}

/* Connect to Server…: the fields, the project opened in the window as a
 * file project opens, the location remembered without a password. */

typedef struct { HearsayWindow *window; HearsayConnectDialog *dialog; } Connecting;

static gboolean
connected (gpointer data)
{
  Connecting *c = data;

  return hearsay_window_get_project (c->window) != NULL && !hearsay_connect_dialog_is_busy (c->dialog) &&
         gui_test_window_has_document (c->window);
}

static gboolean
dialog_done (gpointer data)
{
  return !hearsay_connect_dialog_is_busy (data);
}

static void
test_connect (void)
{
  g_autofree char *loc = new_location ("connect", NULL);
  gint64 doc;
  g_autoptr(HearsayProject) owner = new_server_project (loc, &doc);
  PQconninfoOption *options = PQconninfoParse (server, NULL);
  const char *host = "", *port = "", *db = "", *user = "";
  g_autofree char *project_name = g_strdup (strstr (loc, "project=") + strlen ("project="));
  HearsayWindow *window = hearsay_window_new (NULL, NULL);
  Connecting c = { window, NULL };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) recent = NULL;
  const char *h, *p, *d, *j, *u;

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL)
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
  g_settings_reset (settings, "recent-servers");
  gtk_window_present (GTK_WINDOW (window));

  /* A project that is not there: the message says how to create it. */
  /* Held: the dialog closes itself once connected. */
  c.dialog = g_object_ref (hearsay_window_connect_to_server (window));
  hearsay_connect_dialog_set_fields (c.dialog, host, port, db, "nosuchproject", user);
  hearsay_connect_dialog_connect (c.dialog);
  g_assert_true (gui_test_wait_for (dialog_done, c.dialog));
  g_assert_nonnull (strstr (hearsay_connect_dialog_get_message (c.dialog), "server init"));
  g_assert_null (hearsay_window_get_project (window));

  hearsay_connect_dialog_set_fields (c.dialog, host, port, db, project_name, user);
  hearsay_connect_dialog_connect (c.dialog);
  g_assert_true (gui_test_wait_for (connected, &c));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (c.dialog)));
  g_clear_object (&c.dialog);
  g_assert_true (hearsay_project_is_server (hearsay_window_get_project (window)));
  g_assert_cmpint (hearsay_document_get_id (hearsay_reader_get_document (hearsay_window_get_reader (window))), ==, doc);

  /* Remembered: offered again, first, and never with a password. */
  recent = g_settings_get_value (settings, "recent-servers");
  g_assert_cmpuint (g_variant_n_children (recent), ==, 1);
  g_variant_get_child (recent, 0, "(&s&s&s&s&s)", &h, &p, &d, &j, &u);
  g_assert_cmpstr (h, ==, host);
  g_assert_cmpstr (d, ==, db);
  g_assert_cmpstr (j, ==, project_name);
  g_assert_cmpstr (u, ==, user);
  g_assert_null (strstr (hearsay_project_get_path (hearsay_window_get_project (window)), "password"));
  {
    GMenuModel *menu = hearsay_window_get_primary_menu (window);
    g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    gboolean found_item = FALSE, found_recent = FALSE;

    for (int i = 0; i < g_menu_model_get_n_items (section); i++)
      {
        g_autofree char *action = NULL;
        g_autoptr(GMenuModel) sub = g_menu_model_get_item_link (section, i, G_MENU_LINK_SUBMENU);

        if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
            g_str_equal (action, "win.connect-server"))
          found_item = TRUE;
        if (sub != NULL && g_menu_model_get_n_items (sub) == 1)
          found_recent = TRUE;
      }
    g_assert_true (found_item);
    g_assert_true (found_recent);
  }

  /* The recent one connects again, in one step. */
  hearsay_window_set_project (window, NULL);
  g_assert_true (hearsay_window_connect_recent (window, 0));
  g_assert_true (gui_test_wait_for (gui_test_window_has_document, window));
  g_assert_true (hearsay_project_is_server (hearsay_window_get_project (window)));
  PQconninfoFree (options);
  gui_test_destroy_all_windows ();
}

/* Another client's edit shows within a second, the reader where it was. */

typedef struct { HearsayReader *reader; gint64 offset, id; } Shown;

static gboolean
shown (gpointer data)
{
  Shown *s = data;

  return hearsay_reader_annotation_at_offset (s->reader, s->offset) == s->id;
}

static void
test_live_change (void)
{
  g_autofree char *loc = new_location ("live", NULL);
  gint64 doc;
  g_autoptr(HearsayProject) other = new_server_project (loc, &doc);
  g_autoptr(HearsayProject) mine = NULL;
  g_autoptr(GError) error = NULL;
  HearsayWindow *window;
  GtkAdjustment *adj;
  GtkTextBuffer *buffer;
  GtkTextIter sel_start, sel_end;
  double position;
  gint64 started;
  Shown s;
  g_autofree char *text = article ();
  gint64 far = gui_test_offset_of (text, "Paragraphe 60.");

  mine = hearsay_project_open (loc, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = gui_test_open_window (mine);
  g_assert_true (gui_test_wait_for (scrolls, window));
  /* The reader halfway down, a passage selected. */
  gui_test_select_range (hearsay_window_get_reader (window), far, far + 10);
  adj = reader_vadjustment (window);
  /* A whole pixel: the view rounds a fraction on its next layout. */
  gtk_adjustment_set_value (adj, (int) ((gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj)) / 2));
  gui_test_iterate ();
  position = gtk_adjustment_get_value (adj);
  g_assert_cmpfloat (position, >, 0);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (hearsay_reader_get_view (hearsay_window_get_reader (window))));

  /* The other client annotates near the top, out of sight. */
  started = g_get_monotonic_time ();
  s.reader = hearsay_window_get_reader (window);
  s.offset = gui_test_offset_of (text, "Damas");
  s.id = annotate (other, doc, s.offset, s.offset + 5, &error);
  g_assert_no_error (error);
  g_assert_true (gui_test_wait_for (shown, &s));
  g_test_message ("shown in the window after %.0f ms", (g_get_monotonic_time () - started) / 1000.0);

  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, position);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end));
  g_assert_cmpint (gtk_text_iter_get_offset (&sel_start), ==, far);
  g_assert_cmpint (gtk_text_iter_get_offset (&sel_end), ==, far + 10);
  /* The same document object: not reloaded. */
  g_assert_true (hearsay_reader_get_document (hearsay_window_get_reader (window)) != NULL);
  gui_test_destroy_all_windows ();
}

/* The connection dropped mid-edit: the edit reported as not saved, the
 * window read-only with a banner, writable again after Retry. */

static gboolean
banner_shown (gpointer data)
{
  return gtk_widget_get_visible (hearsay_window_get_server_banner (data));
}

static gboolean
can_annotate (HearsayWindow *window)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), "annotate");
}

static void
test_dropped (void)
{
  g_autofree char *app = g_strdup_printf ("application_name=hearsay_gui_dropped_%u", (guint) getpid ());
  g_autofree char *loc = new_location ("dropped", app);
  g_autofree char *login = g_strdup_printf ("hs_gui_drop_%u", (guint) getpid ());
  g_autofree char *mine_loc = g_strdup_printf ("%s user=%s", loc, login);
  g_autofree char *kill = g_strdup_printf ("ALTER ROLE %s NOLOGIN; SELECT pg_terminate_backend (pid) "
                                           "FROM pg_stat_activity WHERE application_name = "
                                           "'hearsay_gui_dropped_%u' AND usename = '%s';",
                                           login, (guint) getpid (), login);
  g_autofree char *back = g_strdup_printf ("ALTER ROLE %s LOGIN;", login);
  gint64 doc;
  g_autoptr(HearsayProject) owner = new_server_project (loc, &doc);
  g_autoptr(HearsayProject) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  HearsayWindow *window;

  g_assert_true (hearsay_project_add_member (owner, login, HEARSAY_MEMBER_ROLE_CODER, NULL, &error));
  g_assert_no_error (error);
  mine = hearsay_project_open (mine_loc, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = gui_test_open_window (mine);
  g_assert_false (gtk_widget_get_visible (hearsay_window_get_server_banner (window)));
  g_assert_true (can_annotate (window));

  /* The server ends the connection (and, to keep it away, refuses the
   * login for now) while the analyst annotates, before the window has
   * heard of it. */
  gui_test_select_range (hearsay_window_get_reader (window), 0, 10);
  sql (kill);
  g_action_group_activate_action (G_ACTION_GROUP (window), "annotate", g_variant_new_string ("claim"));
  g_assert_true (gui_test_wait_for (has_message, NULL));
  message = message_text ();
  g_assert_nonnull (strstr (message, "Could not save the annotation"));
  g_assert_nonnull (strstr (message, "not saved"));
  g_assert_true (gui_test_wait_for (banner_shown, window));
  g_assert_false (gtk_widget_get_visible (hearsay_window_get_banner (window)));
  g_assert_false (can_annotate (window));
  /* Still readable. */
  g_assert_nonnull (hearsay_reader_get_document (hearsay_window_get_reader (window)));

  /* Nothing of it reached the server. */
  {
    g_autoptr(GPtrArray) stored = hearsay_project_list_annotations (owner, doc, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (stored->len, ==, 0);
  }

  /* Retry while the server still refuses: the banner says why. */
  g_signal_emit_by_name (hearsay_window_get_retry_button (window), "clicked");
  g_assert_true (gtk_widget_get_visible (hearsay_window_get_server_banner (window)));
  {
    GtkWidget *label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (hearsay_window_get_server_banner (window)));

    g_test_message ("banner: %s", gtk_label_get_text (GTK_LABEL (label)));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Still no connection"));
  }

  /* The server is back: Retry makes the window writable at once. */
  sql (back);
  g_signal_emit_by_name (hearsay_window_get_retry_button (window), "clicked");
  g_assert_false (gtk_widget_get_visible (hearsay_window_get_server_banner (window)));
  g_assert_true (can_annotate (window));
  g_assert_cmpint (annotate (mine, doc, 0, 5, &error), >, 0);
  g_assert_no_error (error);
  gui_test_destroy_all_windows ();
}

/* A coder deleting another coder's annotation: the server refuses, the
 * window says why, the annotation stays. */
static void
test_permission (void)
{
  g_autofree char *loc = new_location ("roles", NULL);
  g_autofree char *coder_a = g_strdup_printf ("hs_gui_a_%u", (guint) getpid ());
  g_autofree char *coder_b = g_strdup_printf ("hs_gui_b_%u", (guint) getpid ());
  g_autofree char *loc_a = g_strdup_printf ("%s user=%s", loc, coder_a);
  g_autofree char *loc_b = g_strdup_printf ("%s user=%s", loc, coder_b);
  gint64 doc, theirs;
  g_autoptr(HearsayProject) owner = new_server_project (loc, &doc);
  g_autoptr(HearsayProject) a = NULL;
  g_autoptr(HearsayProject) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  HearsayWindow *window;

  g_assert_true (hearsay_project_add_member (owner, coder_a, HEARSAY_MEMBER_ROLE_CODER, NULL, &error));
  g_assert_true (hearsay_project_add_member (owner, coder_b, HEARSAY_MEMBER_ROLE_CODER, NULL, &error));
  g_assert_no_error (error);
  b = hearsay_project_open (loc_b, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  theirs = annotate (b, doc, 0, 10, &error);
  g_assert_no_error (error);
  a = hearsay_project_open (loc_a, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = gui_test_open_window (a);
  hearsay_window_select_annotation (window, theirs);
  g_action_group_activate_action (G_ACTION_GROUP (window), "delete-annotation", NULL);
  g_assert_true (gui_test_wait_for (has_message, NULL));
  message = message_text ();
  g_assert_nonnull (strstr (message, "Could not delete the annotation"));
  g_assert_nonnull (strstr (message, "is a coder of this project"));
  g_assert_nonnull (strstr (message, coder_b));
  {
    g_autoptr(HearsayAnnotation) still = hearsay_project_get_annotation (owner, theirs, &error);

    g_assert_no_error (error);
    g_assert_nonnull (still);
  }
  gui_test_destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init_data_home (&argc, &argv, "hearsay-gui-server-XXXXXX");
  server = g_getenv ("HEARSAY_TEST_PG");
  if (server == NULL || *server == '\0')
    {
      printf ("1..0 # SKIP no PostgreSQL server (HEARSAY_TEST_PG is not set; "
              "build-aux/run-tests.sh starts one when PostgreSQL is installed)\n");
      return 0;
    }
  {
    PGconn *conn = PQconnectdb (server);
    gboolean ok = PQstatus (conn) == CONNECTION_OK;

    if (!ok)
      printf ("1..0 # SKIP the PostgreSQL server of HEARSAY_TEST_PG cannot be reached: %s\n",
              PQerrorMessage (conn));
    PQfinish (conn);
    if (!ok)
      return 0;
  }
  g_test_add_func ("/gui-server/connect", test_connect);
  g_test_add_func ("/gui-server/live-change", test_live_change);
  g_test_add_func ("/gui-server/dropped", test_dropped);
  g_test_add_func ("/gui-server/permission", test_permission);
  return gui_test_run ();
}
