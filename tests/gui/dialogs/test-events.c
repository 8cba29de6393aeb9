/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-events.c: the events window — create, rename, assign documents,
 * suggestions, remove, delete. */
#include "config.h"

#include "gui-test-util.h"
#include "hearsay-events-dialog.h"

static char *tmp_dir;

static gint64
add_document (HearsayProject *project,
              const char     *title,
              const char     *outlet,
              const char     *date,
              const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  HearsayDocument *doc = hearsay_document_new (text);

  hearsay_document_set_title (doc, title);
  hearsay_document_set_outlet (doc, outlet);
  hearsay_document_set_published_at (doc, date);
  g_ptr_array_add (docs, doc);
  g_assert_true (hearsay_project_add_documents (project, docs, &error));
  g_assert_no_error (error);
  return hearsay_document_get_id (doc);
}

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_events (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "events.hearsay", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (path, &error);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GArray) suggested = NULL;
  g_autoptr(HearsayEvent) event = NULL;
  HearsayEventsDialog *dialog;
  gint64 rt, near, far, id;

  g_assert_no_error (error);
  rt = add_document (project, "RT report", "RT", "2017-11-03", "The army retook the city on Friday.");
  near = add_document (project, "Reuters report", "Reuters", "2017-11-05", "Syrian forces took the city.");
  far = add_document (project, "AFP report", "AFP", "2018-03-01", "An unrelated story.");

  dialog = hearsay_events_dialog_new (NULL, project);
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_iterate ();

  /* A bad date is refused. */
  gtk_editable_set_text (hearsay_events_dialog_get_name_entry (dialog), "Deir ez-Zor");
  gtk_editable_set_text (hearsay_events_dialog_get_date_entry (dialog), "2017-13-45");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "events.new", NULL);
  events = hearsay_project_list_events (project, &error);
  g_assert_cmpuint (events->len, ==, 0);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Create. */
  gtk_editable_set_text (hearsay_events_dialog_get_date_entry (dialog), "2017-11-03");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "events.new", NULL);
  id = hearsay_events_dialog_get_selected_event (dialog);
  g_assert_cmpint (id, >, 0);

  /* Rename. */
  gtk_editable_set_text (hearsay_events_dialog_get_name_entry (dialog), "Deir ez-Zor retaken");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "events.rename", NULL);
  event = hearsay_project_get_event (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_event_get_name (event), ==, "Deir ez-Zor retaken");
  g_assert_cmpstr (hearsay_event_get_date (event), ==, "2017-11-03");
  g_assert_cmpint (hearsay_events_dialog_get_selected_event (dialog), ==, id);

  /* Add a document; the one three days later is suggested, not the far one. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "events.add-document", "x", rt);
  g_assert_cmpint (hearsay_project_get_document_event (project, rt), ==, id);
  suggested = hearsay_events_dialog_dup_suggested (dialog);
  g_assert_true (contains (suggested, near));
  g_assert_false (contains (suggested, far));
  g_assert_false (contains (suggested, rt));
  gui_test_iterate ();

  /* Remove. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "events.remove-document", "x", rt);
  g_assert_cmpint (hearsay_project_get_document_event (project, rt), ==, 0);

  /* Delete. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "events.delete", NULL);
  events = hearsay_project_list_events (project, &error);
  g_assert_cmpuint (events->len, ==, 0);
  g_assert_cmpint (hearsay_events_dialog_get_selected_event (dialog), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gui_test_init (&argc, &argv);
  tmp_dir = g_dir_make_tmp ("hearsay-events-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/corpus/events", test_events);
  status = g_test_run ();
  g_free (tmp_dir);
  return status;
}
