/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-transfer.c: the Import and Export dialogs, driven through the calls
 * their buttons make, with the work on a worker thread. */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "hearsay-export-dialog.h"
#include "hearsay-import.h"
#include "hearsay-import-dialog.h"
#include "hearsay-window.h"

static const char *tmp_dir;

static char *
make_dir (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* A saved article of about @paragraphs paragraphs. */
static void
write_article (const char *dir,
               guint       n,
               guint       paragraphs)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("article-%03u.html", n);

  g_string_append_printf (html,
                          "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<title>Article %u</title></head><body><nav><a href=\"/\">Home</a></nav>"
                          "<article><h1>Headline number %u</h1>", n, n);
  for (guint i = 0; i < paragraphs; i++)
    g_string_append_printf (html,
                            "<p>Paragraph %u of article %u says that the council met on Tuesday "
                            "and agreed, after a long debate, to fund the new bridge.</p>", i, n);
  g_string_append (html, "</article><footer>Copyright</footer></body></html>");
  write_file (dir, name, html->str);
}

static guint
count_documents (HearsayProject *project)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  documents = hearsay_project_list_documents (project, &error);
  g_assert_no_error (error);
  return documents->len;
}

static HearsayProject *
new_project (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  HearsayProject *project = hearsay_project_create (path, &error);

  g_assert_no_error (error);
  return project;
}

static gboolean
import_idle (gpointer data)
{
  return !hearsay_import_dialog_is_running (data);
}

static gboolean
export_idle (gpointer data)
{
  return !hearsay_export_dialog_is_running (data);
}

/* Waits longer than gui_test_wait_for()'s 5 s: imports are real work. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  gui_test_iterate ();
}

static HearsayImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (HEARSAY_IS_IMPORT_DIALOG (window))
        return HEARSAY_IMPORT_DIALOG (window);
    }
  return NULL;
}

static void
test_import_folder (void)
{
  g_autoptr(HearsayProject) project = new_project ("import.hearsay");
  g_autofree char *html_dir = make_dir ("html");
  g_autofree char *brat_dir = make_dir ("brat");
  g_autofree char *details = NULL;
  HearsayWindow *window;
  HearsayImportDialog *dialog;
  const char *result;
  guint before;

  for (guint i = 0; i < 3; i++)
    write_article (html_dir, i, 6);
  write_file (brat_dir, "story.txt", "Alice met Bob in Paris.\n");
  write_file (brat_dir, "story.ann", "T1\tWitness 0 5\tAlice\nT2\tWitness 10 13\tBob\nR1\tKnows Arg1:T1 Arg2:T2\n");
  write_file (brat_dir, "annotation.conf", "[entities]\nWitness\n[relations]\nKnows Arg1:Witness, Arg2:Witness\n[events]\n[attributes]\n");

  window = hearsay_window_new (NULL, project);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();
  before = hearsay_document_list_get_n_documents (hearsay_window_get_document_list (window));

  /* Ctrl+I opens the dialog. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "import-text", NULL);
  gui_test_iterate ();
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_false (hearsay_import_dialog_start (dialog));  /* nothing chosen yet */
  hearsay_import_dialog_add_path (dialog, html_dir);
  hearsay_import_dialog_add_path (dialog, brat_dir);
  hearsay_import_dialog_add_path (dialog, brat_dir);
  g_assert_cmpuint (hearsay_import_dialog_get_n_paths (dialog), ==, 2);
  g_assert_true (hearsay_import_dialog_start (dialog));
  g_assert_true (hearsay_import_dialog_is_running (dialog));
  wait_until (import_idle, dialog);

  result = hearsay_import_dialog_get_result (dialog, &details);
  g_assert_cmpstr (result, ==, "Imported 4 documents.");
  g_assert_nonnull (strstr (details, "Documents: 4"));
  g_assert_nonnull (strstr (details, "Annotations: 2"));
  g_assert_nonnull (strstr (details, "Relations: 1"));
  g_assert_cmpuint (count_documents (project), ==, 4);
  /* The window's own connection sees the new documents and the labels
   * annotation.conf added; the first new document is shown. */
  g_assert_cmpuint (hearsay_document_list_get_n_documents (hearsay_window_get_document_list (window)), ==, before + 4);
  g_assert_nonnull (hearsay_scheme_lookup_label (hearsay_project_get_scheme (project), "Witness"));
  g_assert_nonnull (hearsay_reader_get_document (hearsay_window_get_reader (window)));
  /* The page's <title> names it (its <h1> is marked as the headline in the text). */
  g_assert_cmpstr (hearsay_document_get_title (hearsay_reader_get_document (hearsay_window_get_reader (window))),
                   ==, "Article 0");

  gtk_window_close (GTK_WINDOW (dialog));
  gui_test_iterate ();
  g_assert_null (find_import_dialog ());
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

static gboolean
count_tick (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static void
test_import_cancel_and_responsive (void)
{
  g_autoptr(HearsayProject) project = new_project ("many.hearsay");
  g_autofree char *dir = make_dir ("many");
  HearsayImportDialog *dialog;
  g_autofree char *progress = NULL;
  guint ticks = 0, tick_id;
  gint64 started;

  for (guint i = 0; i < 200; i++)
    write_article (dir, i, 60);

  /* Cancelled right after the start: nothing lands. */
  dialog = hearsay_import_dialog_new (NULL, project);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (hearsay_import_dialog_set_format (dialog, "html"));
  hearsay_import_dialog_add_path (dialog, dir);
  g_assert_true (hearsay_import_dialog_start (dialog));
  hearsay_import_dialog_cancel (dialog);
  wait_until (import_idle, dialog);
  g_assert_nonnull (strstr (hearsay_import_dialog_get_result (dialog, NULL), "nothing was imported"));
  g_assert_cmpuint (count_documents (project), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate ();

  /* A full run: the main loop keeps turning while the worker imports. */
  dialog = hearsay_import_dialog_new (NULL, project);
  gtk_window_present (GTK_WINDOW (dialog));
  hearsay_import_dialog_add_path (dialog, dir);
  tick_id = g_timeout_add (1, count_tick, &ticks);
  started = g_get_monotonic_time ();
  g_assert_true (hearsay_import_dialog_start (dialog));
  while (hearsay_import_dialog_is_running (dialog))
    {
      const char *text;

      g_main_context_iteration (NULL, TRUE);
      text = hearsay_import_dialog_get_progress_text (dialog);
      if (progress == NULL && text != NULL && g_str_has_prefix (text, "File "))
        progress = g_strdup (text);
      g_assert_cmpint (g_get_monotonic_time () - started, <, 60 * G_USEC_PER_SEC);
    }
  g_source_remove (tick_id);
  g_test_message ("%u ticks of 1 ms during an import of %.0f ms", ticks,
                  (g_get_monotonic_time () - started) / 1000.0);
  g_assert_cmpuint (ticks, >=, 5);
  g_assert_nonnull (progress);
  g_assert_nonnull (strstr (progress, " of 200: article-"));
  g_assert_cmpuint (count_documents (project), ==, 200);
  /* Escape closes the dialog once it is idle. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  gui_test_iterate ();
  g_assert_null (find_import_dialog ());
}

static void
test_import_bad_file (void)
{
  g_autoptr(HearsayProject) project = new_project ("bad.hearsay");
  g_autofree char *dir = make_dir ("bad");
  HearsayImportDialog *dialog;
  const char *result;

  write_file (dir, "a.txt", "Alice met Bob.\n");
  write_file (dir, "a.ann", "T1\tPerson 0 5\tAlice\n");
  write_file (dir, "b.txt", "Carol met Dan.\n");
  write_file (dir, "b.ann", "T1\tPerson 0 5\tCarol\nT2\tPerson zero five\tDan\n");
  write_file (dir, "annotation.conf", "[entities]\nPerson\n");

  dialog = hearsay_import_dialog_new (NULL, project);
  gtk_window_present (GTK_WINDOW (dialog));
  hearsay_import_dialog_add_path (dialog, dir);
  g_assert_true (hearsay_import_dialog_start (dialog));
  wait_until (import_idle, dialog);
  result = hearsay_import_dialog_get_result (dialog, NULL);
  g_test_message ("%s", result);
  g_assert_nonnull (strstr (result, "Nothing was imported"));
  g_assert_nonnull (strstr (result, "b.ann:2"));
  g_assert_cmpuint (count_documents (project), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate ();
}

/* Two documents that cannot be read: both named, nothing imported; the
 * result offers to import the others, which lists what it left out. */
static void
test_import_others (void)
{
  g_autoptr(HearsayProject) project = new_project ("others.hearsay");
  g_autofree char *dir = make_dir ("others");
  g_autofree char *details = NULL;
  HearsayImportDialog *dialog;
  const char *result;

  write_file (dir, "a.txt", "Alice met Bob.\n");
  write_file (dir, "a.ann", "T1\tPerson 0 5\tAlice\n");
  write_file (dir, "b.txt", "Carol met Dan.\n");
  write_file (dir, "b.ann", "T1\tPerson 0 5\tCarol\nT2\tPerson zero five\tDan\n");
  write_file (dir, "c.txt", "Erin met Frank.\n");
  write_file (dir, "c.ann", "T1\tPerson 0 4 9\tErin\n");
  write_file (dir, "annotation.conf", "[entities]\nPerson\n");

  dialog = hearsay_import_dialog_new (NULL, project);
  gtk_window_present (GTK_WINDOW (dialog));
  hearsay_import_dialog_add_path (dialog, dir);
  g_assert_true (hearsay_import_dialog_start (dialog));
  wait_until (import_idle, dialog);
  result = hearsay_import_dialog_get_result (dialog, &details);
  g_test_message ("%s\n%s", result, details);
  g_assert_nonnull (strstr (result, "2 files cannot be imported"));
  g_assert_nonnull (strstr (details, "b.ann:2"));
  g_assert_nonnull (strstr (details, "c.ann:1"));
  g_assert_cmpuint (count_documents (project), ==, 0);
  g_assert_true (hearsay_import_dialog_can_import_others (dialog));

  hearsay_import_dialog_import_others (dialog);
  wait_until (import_idle, dialog);
  g_clear_pointer (&details, g_free);
  result = hearsay_import_dialog_get_result (dialog, &details);
  g_test_message ("%s\n%s", result, details);
  g_assert_cmpstr (result, ==, "Imported 1 document.");
  g_assert_nonnull (strstr (details, "Left out: 2"));
  g_assert_nonnull (strstr (details, "b.ann:2"));
  g_assert_nonnull (strstr (details, "c.ann:1"));
  g_assert_false (hearsay_import_dialog_can_import_others (dialog));
  g_assert_cmpuint (count_documents (project), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate ();
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
run_export (HearsayExportDialog *dialog,
            const char          *path)
{
  const char *result;

  g_assert_true (hearsay_export_dialog_export_to_path (dialog, path));
  g_assert_true (hearsay_export_dialog_is_running (dialog));
  wait_until (export_idle, dialog);
  result = hearsay_export_dialog_get_result (dialog, NULL);
  g_assert_nonnull (result);
  g_assert_true (g_str_has_prefix (result, "Exported to "));
  g_assert_nonnull (strstr (result, path));
}

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_import_open_default_project (&error);
  g_autofree char *jsonl = g_build_filename (tmp_dir, "sample.jsonl", NULL);
  g_autofree char *utf16 = g_build_filename (tmp_dir, "sample-utf16.jsonl", NULL);
  g_autofree char *brat = g_build_filename (tmp_dir, "sample-brat", NULL);
  g_autofree char *conf = g_build_filename (brat, "annotation.conf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *contents16 = NULL;
  g_autofree char *name = NULL;
  HearsayExportDialog *dialog;
  g_autoptr(GPtrArray) documents = NULL;

  g_assert_no_error (error);
  documents = hearsay_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, >, 0);

  dialog = hearsay_export_dialog_new (NULL, project, hearsay_document_get_id (g_ptr_array_index (documents, 0)));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (hearsay_export_dialog_set_format (dialog, "jsonl"));
  name = hearsay_export_dialog_dup_suggested_name (dialog);
  g_assert_true (g_str_has_suffix (name, ".jsonl"));
  run_export (dialog, jsonl);
  contents = read_file (jsonl);
  g_assert_true (g_str_has_prefix (contents, "{\"offset_unit\":\"codepoint\""));

  hearsay_export_dialog_set_offset_unit (dialog, HEARSAY_OFFSET_UTF16);
  hearsay_export_dialog_set_current_only (dialog, TRUE);
  hearsay_export_dialog_set_exclude_boilerplate (dialog, TRUE);
  run_export (dialog, utf16);
  contents16 = read_file (utf16);
  g_assert_true (g_str_has_prefix (contents16, "{\"offset_unit\":\"utf16\""));

  g_assert_true (hearsay_export_dialog_set_format (dialog, "brat"));
  hearsay_export_dialog_set_offset_unit (dialog, HEARSAY_OFFSET_CODEPOINT);
  hearsay_export_dialog_set_current_only (dialog, FALSE);
  hearsay_export_dialog_set_exclude_boilerplate (dialog, FALSE);
  run_export (dialog, brat);
  g_assert_true (g_file_test (brat, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (conf, G_FILE_TEST_EXISTS));

  /* A bad target: the error is shown. */
  {
    g_autofree char *bad = g_build_filename (tmp_dir, "no-such-dir", "x.jsonl", NULL);

    g_assert_true (hearsay_export_dialog_set_format (dialog, "jsonl"));
    g_assert_true (hearsay_export_dialog_export_to_path (dialog, bad));
    wait_until (export_idle, dialog);
    g_assert_true (g_str_has_prefix (hearsay_export_dialog_get_result (dialog, NULL), "Could not export"));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate ();
}

static void
test_create_destroy (void)
{
  g_autoptr(HearsayProject) project = new_project ("empty.hearsay");

  for (guint i = 0; i < 3; i++)
    {
      HearsayImportDialog *import = hearsay_import_dialog_new (NULL, project);
      HearsayExportDialog *export = hearsay_export_dialog_new (NULL, project, 0);

      gtk_window_present (GTK_WINDOW (import));
      gtk_window_present (GTK_WINDOW (export));
      gui_test_iterate ();
      for (const char *f = "jsonl"; f != NULL; f = NULL)
        g_assert_true (hearsay_export_dialog_set_format (export, f));
      g_assert_false (hearsay_import_dialog_set_format (import, "nonsense"));
      gtk_window_destroy (GTK_WINDOW (import));
      gtk_window_destroy (GTK_WINDOW (export));
      gui_test_iterate ();
    }
}

int
main (int   argc,
      char *argv[])
{
  tmp_dir = gui_test_init_data_home (&argc, &argv, "hearsay-transfer-XXXXXX");
  g_test_add_func ("/transfer/import-folder", test_import_folder);
  g_test_add_func ("/transfer/import-cancel-responsive", test_import_cancel_and_responsive);
  g_test_add_func ("/transfer/import-bad-file", test_import_bad_file);
  g_test_add_func ("/transfer/import-others", test_import_others);
  g_test_add_func ("/transfer/export", test_export);
  g_test_add_func ("/transfer/create-destroy", test_create_destroy);
  return gui_test_run ();
}
