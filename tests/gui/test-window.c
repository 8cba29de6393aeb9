/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window on a fresh default project, driven through
 * the same actions and calls that keys, clicks and the palette use. */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "hearsay-import.h"
#include "hearsay-window.h"

static const char *tmp_dir;

static GtkTextBuffer *
get_buffer (HearsayWindow *window)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (hearsay_reader_get_view (hearsay_window_get_reader (window))));
}

static char *
dup_buffer_text (HearsayWindow *window)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (get_buffer (window), &start, &end);
  return gtk_text_buffer_get_slice (get_buffer (window), &start, &end, TRUE);
}

/* The code-point span of the first @needle in @text. */
static void
find_span (const char *text,
           const char *needle,
           gint64     *start,
           gint64     *end)
{
  *start = gui_test_offset_of (text, needle);
  *end = *start + g_utf8_strlen (needle, -1);
}

static HearsayAnnotation *
find_annotation (HearsayProject *project,
                 gint64          document_id,
                 const char     *label,
                 gint64          start,
                 gint64          end)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  list = hearsay_project_list_annotations (project, document_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      HearsayAnnotation *a = g_ptr_array_index (list, i);

      if (g_strcmp0 (hearsay_annotation_get_label (a), label) == 0 &&
          hearsay_annotation_get_n_fragments (a) == 1 &&
          hearsay_annotation_get_start (a) == start &&
          hearsay_annotation_get_end (a) == end)
        return g_object_ref (a);
    }
  return NULL;
}

/* The user's annotations: the importer's boilerplate marks are left out. */
static guint
count_annotations (HearsayProject *project,
                   gint64          document_id)
{
  g_autoptr(GPtrArray) list = hearsay_project_list_annotations (project, document_id, NULL);
  guint n = 0;

  g_assert_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (hearsay_annotation_get_label (list->pdata[i]), "boilerplate") != 0)
      n++;
  return n;
}

static void
test_sample_annotate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayProject) reopened = NULL;
  g_autoptr(HearsayDocument) stored = NULL;
  g_autoptr(HearsayAnnotation) annotation = NULL;
  g_autoptr(HearsayAnnotation) on_disk = NULL;
  g_autoptr(HearsayAnnotation) updated = NULL;
  g_autofree char *buffer_text = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  const HearsayLabel *label;
  const HearsayAttributeDef *def;
  HearsayWindow *window;
  HearsayReader *reader;
  HearsayInspector *inspector;
  HearsayDocument *shown;
  GtkWidget *drop_down;
  GtkTextBuffer *note;
  gint64 doc_id, start, end, id;

  /* The way the application starts: the default project, created with the
   * sample article on first use. */
  project = hearsay_import_open_default_project (&error);
  g_assert_no_error (error);
  window = gui_test_open_window (project);
  reader = hearsay_window_get_reader (window);
  inspector = hearsay_window_get_inspector (window);

  docs = hearsay_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  doc_id = hearsay_document_get_id (g_ptr_array_index (docs, 0));
  stored = hearsay_project_load_document (project, doc_id, &error);
  g_assert_no_error (error);

  /* The buffer holds the stored text verbatim. */
  shown = hearsay_reader_get_document (reader);
  g_assert_cmpint (hearsay_document_get_id (shown), ==, doc_id);
  buffer_text = dup_buffer_text (window);
  g_assert_cmpstr (buffer_text, ==, hearsay_document_get_text (stored));
  g_assert_cmpstr (gtk_label_get_text (hearsay_reader_get_title_label (reader)), ==,
                   hearsay_document_get_title (stored));
  g_assert_true (g_str_has_prefix (hearsay_document_get_title (stored), "Guerre en Syrie"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "default — Hearsay");
  g_assert_false (gtk_widget_get_visible (hearsay_window_get_banner (window)));

  /* Select "L'armée syrienne" and press 2 (source mention). */
  find_span (hearsay_document_get_text (stored), "L'armée syrienne", &start, &end);
  gui_test_select_range (reader, start, end);
  label = hearsay_scheme_lookup_key (hearsay_project_get_scheme (project), 2);
  g_assert_nonnull (label);
  /* What the reader's "2" shortcut does: the reader's own action, resolved
   * from the view, which asks the window to annotate. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hearsay_reader_get_view (reader)),
                                             "reader.annotate-key", "u", 2));
  gui_test_iterate ();

  annotation = find_annotation (project, doc_id, label->id, start, end);
  g_assert_nonnull (annotation);
  id = hearsay_annotation_get_id (annotation);
  g_assert_cmpstr (hearsay_annotation_get_fragment (annotation, 0)->exact, ==, "L'armée syrienne");

  /* It is on disk: a second connection sees it. */
  reopened = hearsay_project_open (hearsay_project_get_path (project), HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  on_disk = find_annotation (reopened, doc_id, label->id, start, end);
  g_assert_nonnull (on_disk);
  g_clear_object (&on_disk);
  hearsay_project_close (reopened);

  /* The new annotation is shown in the inspector at once. */
  g_assert_cmpint (hearsay_inspector_get_annotation_id (inspector), ==, id);

  /* The palette's action with an empty selection does nothing. */
  gui_test_select_range (reader, start, start);
  g_action_group_activate_action (G_ACTION_GROUP (window), "annotate", g_variant_new_string ("claim"));
  gui_test_iterate ();
  g_assert_cmpuint (count_annotations (project, doc_id), ==, 1);

  /* Escape clears the selection; a click on the highlight selects it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hearsay_reader_get_view (reader)),
                                             "reader.clear-selection", NULL));
  g_assert_cmpint (hearsay_inspector_get_annotation_id (inspector), ==, 0);
  g_assert_null (hearsay_window_get_selected_annotation (window));
  /* What a click without a drag emits on the view. */
  g_signal_emit_by_name (hearsay_reader_get_view (reader), "span-clicked", (int) (start + 3));
  gui_test_iterate ();
  g_assert_cmpint (hearsay_inspector_get_annotation_id (inspector), ==, id);
  g_assert_cmpint (hearsay_reader_get_selected_annotation (reader), ==, id);
  g_assert_cmpstr (gtk_label_get_text (hearsay_inspector_get_label_label (inspector)), ==,
                   hearsay_scheme_translate (label->name));

  /* A nested, shorter annotation wins the click. */
  gui_test_select_range (reader, start, start + 5);
  g_action_group_activate_action (G_ACTION_GROUP (window), "annotate", g_variant_new_string ("entity_mention"));
  gui_test_iterate ();
  g_assert_cmpuint (count_annotations (project, doc_id), ==, 2);
  hearsay_reader_select_at_offset (reader, start + 1);
  g_assert_cmpint (hearsay_inspector_get_annotation_id (inspector), !=, id);
  g_action_group_activate_action (G_ACTION_GROUP (window), "delete-annotation", NULL);
  gui_test_iterate ();
  g_assert_cmpuint (count_annotations (project, doc_id), ==, 1);
  hearsay_reader_select_at_offset (reader, start + 1);
  g_assert_cmpint (hearsay_inspector_get_annotation_id (inspector), ==, id);

  /* Change an attribute in its drop-down: saved at once. */
  def = g_ptr_array_index (label->attributes, 0);
  drop_down = hearsay_inspector_get_attribute_widget (inspector, def->id);
  g_assert_true (GTK_IS_DROP_DOWN (drop_down));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down)), ==, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 2);
  gui_test_iterate ();
  updated = hearsay_project_get_annotation (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_annotation_get_attribute (updated, def->id), ==,
                   ((HearsayValueDef *) g_ptr_array_index (def->values, 1))->id);
  g_clear_object (&updated);

  /* "—" unsets it again. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 0);
  updated = hearsay_project_get_annotation (project, id, &error);
  g_assert_no_error (error);
  g_assert_null (hearsay_annotation_get_attribute (updated, def->id));
  g_clear_object (&updated);

  /* The note is saved when the inspector lets go of it. */
  note = gtk_text_view_get_buffer (hearsay_inspector_get_note_view (inspector));
  gtk_text_buffer_set_text (note, "Quoted without a named source 1–9", -1);
  hearsay_inspector_flush_note (inspector);
  updated = hearsay_project_get_annotation (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_annotation_get_note (updated), ==, "Quoted without a named source 1–9");
  g_clear_object (&updated);

  /* Delete (the Delete key's action) removes it from the database. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "delete-annotation", NULL);
  gui_test_iterate ();
  g_assert_null (find_annotation (project, doc_id, label->id, start, end));
  g_assert_cmpuint (count_annotations (project, doc_id), ==, 0);
  g_assert_cmpint (hearsay_inspector_get_annotation_id (inspector), ==, 0);
  g_assert_cmpint (hearsay_reader_get_selected_annotation (reader), ==, 0);

  /* With View ▸ Snap Selections to Words ▸ Automatic, a partial drag in
   * this French text snaps to whole words when the button is released
   * (what the view emits then); by default it would not. */
  {
    g_autoptr(HearsayAnnotation) snapped = NULL;
    g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "word-snapping");
    gint64 s, e;

    g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "never");
    g_action_group_change_action_state (G_ACTION_GROUP (window), "word-snapping", g_variant_new_string ("automatic"));
    find_span (hearsay_document_get_text (stored), "Daesh avait été chassée ", &s, &e);
    gui_test_select_range (reader, s + 1, e - 3);
    g_signal_emit_by_name (hearsay_reader_get_view (reader), "pointer-selected");
    g_action_group_activate_action (G_ACTION_GROUP (window), "annotate", g_variant_new_string ("claim"));
    gui_test_iterate ();
    snapped = find_annotation (project, doc_id, "claim", s, e - 1);
    g_assert_nonnull (snapped);
    g_assert_cmpstr (hearsay_annotation_get_fragment (snapped, 0)->exact, ==, "Daesh avait été chassée");
    /* The text selection is dropped so that the new highlight shows. */
    g_assert_false (gtk_text_buffer_get_has_selection (get_buffer (window)));
    g_assert_cmpint (hearsay_inspector_get_annotation_id (inspector), ==, hearsay_annotation_get_id (snapped));
    g_action_group_activate_action (G_ACTION_GROUP (window), "delete-annotation", NULL);
    g_assert_cmpuint (count_annotations (project, doc_id), ==, 0);
  }

  /* The project and document reopen next time; closing keeps the size. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *last = g_settings_get_string (settings, "last-project");

    g_assert_cmpstr (last, ==, hearsay_project_get_path (project));
    g_assert_cmpint (g_settings_get_int64 (settings, "last-document"), ==, doc_id);
    gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
    gtk_window_close (GTK_WINDOW (window));
    gui_test_iterate ();
    g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
    g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  }
}

static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayProject) read_only = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "read-only.hearsay", NULL);
  HearsayProjectFlags flags = HEARSAY_PROJECT_OPEN_DEFAULT;
  HearsayDocument *shown;
  HearsayWindow *window;
  gint64 start, end;
  guint before;

  project = hearsay_import_open_default_project (&error);
  g_assert_no_error (error);
  g_assert_true (hearsay_project_save_copy (project, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  /* root may write to a 0444 file: then ask for read-only explicitly. */
  if (g_access (path, W_OK) == 0)
    flags |= HEARSAY_PROJECT_OPEN_READ_ONLY;
  read_only = hearsay_project_open (path, flags, &error);
  g_assert_no_error (error);
  g_assert_true (hearsay_project_get_read_only (read_only));

  window = gui_test_open_window (read_only);
  g_assert_true (gtk_widget_get_visible (hearsay_window_get_banner (window)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "annotate"));

  shown = hearsay_reader_get_document (hearsay_window_get_reader (window));
  before = count_annotations (read_only, hearsay_document_get_id (shown));
  find_span (hearsay_document_get_text (shown), "Deir ez-Zor", &start, &end);
  gui_test_select_range (hearsay_window_get_reader (window), start, end);
  /* The reader's "1" asks; the read-only window does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (hearsay_reader_get_view (hearsay_window_get_reader (window))),
                              "reader.annotate-key", "u", 1);
  gui_test_iterate ();
  g_assert_cmpuint (count_annotations (read_only, hearsay_document_get_id (shown)), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

static void
test_arabic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayAnnotation) annotation = NULL;
  g_autofree char *fixture = g_build_filename (GUI_TESTS_DIR, "arabic.txt", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "arabic.hearsay", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *buffer_text = NULL;
  const char *paths[] = { fixture, NULL };
  HearsayReaderView *view;
  HearsayDocument *shown;
  HearsayWindow *window;
  gint64 start, end, s, e;

  g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  project = hearsay_project_create (path, &error);
  g_assert_no_error (error);
  window = hearsay_window_new (NULL, project);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();
  g_assert_null (hearsay_reader_get_document (hearsay_window_get_reader (window)));

  /* Import through the window: the first imported document is shown. */
  g_assert_true (hearsay_window_import_files (window, paths, &error));
  g_assert_no_error (error);
  g_assert_true (gui_test_wait_for (gui_test_window_has_document, window));
  shown = hearsay_reader_get_document (hearsay_window_get_reader (window));
  g_assert_cmpint (hearsay_document_get_direction (shown), ==, HEARSAY_DIRECTION_RTL);
  buffer_text = dup_buffer_text (window);
  g_assert_cmpstr (buffer_text, ==, contents);

  view = hearsay_reader_get_view (hearsay_window_get_reader (window));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (view)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (hearsay_document_list_get_n_documents (hearsay_window_get_document_list (window)), ==, 1);

  /* A programmatic selection gives the code-point offsets of the text. */
  find_span (contents, "مدينة دير الزور", &start, &end);
  gui_test_select_range (hearsay_window_get_reader (window), start, end);
  g_assert_true (hearsay_reader_get_selection (hearsay_window_get_reader (window), &s, &e));
  g_assert_cmpint (s, ==, start);
  g_assert_cmpint (e, ==, end);

  g_action_group_activate_action (G_ACTION_GROUP (window), "annotate", g_variant_new_string ("frame_cue"));
  gui_test_iterate ();
  annotation = find_annotation (project, hearsay_document_get_id (shown), "frame_cue", start, end);
  g_assert_nonnull (annotation);
  g_assert_cmpstr (hearsay_annotation_get_fragment (annotation, 0)->exact, ==, "مدينة دير الزور");

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

static void
test_open_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayProject) other = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GFile) good = NULL;
  g_autofree char *bad_path = g_build_filename (tmp_dir, "not-a-project.hearsay", NULL);
  g_autofree char *good_path = g_build_filename (tmp_dir, "Other.hearsay", NULL);
  HearsayWindow *window;

  project = hearsay_import_open_default_project (&error);
  g_assert_no_error (error);
  other = hearsay_project_create (good_path, &error);
  g_assert_no_error (error);
  g_clear_object (&other);
  g_assert_true (g_file_set_contents (bad_path, "just some text\n", -1, NULL));

  window = gui_test_open_window (project);

  /* A file that is not a project: an error dialog, the project stays. */
  bad = g_file_new_for_path (bad_path);
  g_assert_false (hearsay_window_open_file (window, bad));
  g_assert_true (hearsay_window_get_project (window) == project);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "default — Hearsay");
  gui_test_iterate ();

  /* Another project replaces it in the window; it has no documents yet. */
  good = g_file_new_for_path (good_path);
  g_assert_true (hearsay_window_open_file (window, good));
  g_assert_cmpstr (hearsay_project_get_path (hearsay_window_get_project (window)), ==, good_path);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Other — Hearsay");
  g_assert_null (hearsay_reader_get_document (hearsay_window_get_reader (window)));
  g_assert_cmpuint (hearsay_document_list_get_n_documents (hearsay_window_get_document_list (window)), ==, 0);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "annotate"));

  /* Every window of the process, the error dialog too. */
  gui_test_destroy_all_windows ();
}

typedef struct
{
  GApplication *app;
  const char *text;
  gint64 deadline;
  gboolean imported;
} OpenRun;

static gboolean
check_imported (gpointer data)
{
  OpenRun *run = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));

  if (HEARSAY_IS_WINDOW (window) && gui_test_window_has_document (window))
    {
      g_autoptr(GPtrArray) docs = hearsay_project_list_documents (hearsay_window_get_project (HEARSAY_WINDOW (window)),
                                                                  NULL);

      HearsayProject *project = hearsay_window_get_project (HEARSAY_WINDOW (window));

      /* The list holds no texts: load each document. */
      for (guint i = 0; docs != NULL && i < docs->len; i++)
        {
          gint64 id = hearsay_document_get_id (g_ptr_array_index (docs, i));
          g_autoptr(HearsayDocument) doc = hearsay_project_load_document (project, id, NULL);

          if (doc != NULL && g_strcmp0 (hearsay_document_get_text (doc), run->text) == 0)
            run->imported = TRUE;
        }
    }
  if (run->imported || g_get_monotonic_time () > run->deadline)
    {
      g_application_quit (run->app);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* `hearsay article.txt`, or opening an article from the file manager,
 * imports it into the project the window opens, rather than refusing it as
 * "not a Hearsay project". */
static void
test_open_article (void)
{
  g_autoptr(HearsayApplication) app = hearsay_application_new ();
  g_autofree char *path = g_build_filename (tmp_dir, "article-from-cli.txt", NULL);
  const char *text = "Damascus said on Friday that the city had been retaken.\n";
  char *argv[] = { (char *) "hearsay", path, NULL };
  OpenRun run = { G_APPLICATION (app), text, g_get_monotonic_time () + 10 * G_USEC_PER_SEC, FALSE };

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  /* No session bus in the tests: run as a process of its own. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (50, check_imported, &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_assert_true (run.imported);
  gui_test_destroy_all_windows ();
}

typedef struct
{
  GtkTextView *view;
  int offset;
  int y;
} LineAt;

/* The line of @offset moved up from @y (the layout after a change). */
static gboolean
line_moved_up (gpointer data)
{
  LineAt *line = data;
  GtkTextIter iter;
  GdkRectangle location;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (line->view), &iter, line->offset);
  gtk_text_view_get_iter_location (line->view, &iter, &location);
  return location.y < line->y;
}

/* Page furniture is dimmed; View ▸ Hide Page Furniture hides it without
 * touching the text, is remembered, and nothing hidden gets annotated. */
static void
test_furniture (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "furniture.hearsay", NULL);
  const char *text = "Accept all cookies to continue.\nRead more: other stories.\n"
                     "The army retook the city on Friday, officials said.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (path, &error);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HearsayAnnotation) furniture = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkTextTagTable *table;
  GtkTextTag *tag;
  GtkTextView *view;
  GtkTextIter iter;
  GdkRectangle location;
  HearsayWindow *window;
  HearsayReader *reader;
  LineAt line;
  gboolean set, invisible;
  gint64 doc_id;
  GVariant *state;

  g_assert_no_error (error);
  g_ptr_array_add (docs, hearsay_document_new (text));
  g_assert_true (hearsay_project_add_documents (project, docs, &error));
  g_assert_no_error (error);
  doc_id = hearsay_document_get_id (docs->pdata[0]);
  furniture = hearsay_annotation_new (doc_id, "boilerplate");
  hearsay_annotation_add_fragment (furniture, 0, gui_test_offset_of (text, "The army"));
  g_assert_true (hearsay_project_create_annotation (project, furniture, &error));
  g_assert_no_error (error);
  g_settings_set_boolean (settings, "hide-furniture", FALSE);

  window = gui_test_open_window (project);
  reader = hearsay_window_get_reader (window);
  view = GTK_TEXT_VIEW (hearsay_reader_get_view (reader));
  table = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (view));
  tag = gtk_text_tag_table_lookup (table, "hearsay-label:boilerplate");
  g_assert_nonnull (tag);
  /* Dimmed: grey text over the label's background. */
  g_object_get (tag, "foreground-set", &set, "invisible", &invisible, NULL);
  g_assert_true (set);
  g_assert_false (invisible);

  /* Hidden: the article's line moves up, the text and offsets stay. */
  line = (LineAt) { view, (int) gui_test_offset_of (text, "The army"), 0 };
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, line.offset);
  g_assert_true (gui_test_wait_for ((gboolean (*) (gpointer)) gtk_widget_get_mapped, view));
  gtk_text_view_get_iter_location (view, &iter, &location);
  line.y = location.y;
  g_assert_cmpint (line.y, >, 0);
  g_action_group_activate_action (G_ACTION_GROUP (window), "hide-furniture", NULL);
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "hide-furniture");
  g_assert_true (g_variant_get_boolean (state));
  g_variant_unref (state);
  g_assert_true (g_settings_get_boolean (settings, "hide-furniture"));
  g_object_get (tag, "invisible", &invisible, NULL);
  g_assert_true (invisible);
  g_assert_true (gui_test_wait_for (line_moved_up, &line));
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (view)), ==, g_utf8_strlen (text, -1));

  /* A selection that takes in hidden furniture is not annotated. */
  gui_test_select_range (reader, gui_test_offset_of (text, "cookies"), gui_test_offset_of (text, "retook"));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gui_test_press_shortcut (GTK_WIDGET (view), GDK_KEY_1);
  gui_test_iterate ();
  g_assert_cmpuint (count_annotations (project, doc_id), ==, 0);
  /* What is visible still is. */
  gui_test_select_range (reader, gui_test_offset_of (text, "The army"), gui_test_offset_of (text, " on Friday"));
  gui_test_press_shortcut (GTK_WIDGET (view), GDK_KEY_1);
  gui_test_iterate ();
  g_assert_cmpuint (count_annotations (project, doc_id), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();

  /* Remembered: a new window starts with it hidden; shown again. */
  window = gui_test_open_window (project);
  g_assert_true (hearsay_reader_get_furniture_hidden (hearsay_window_get_reader (window)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "hide-furniture", NULL);
  g_assert_false (g_settings_get_boolean (settings, "hide-furniture"));
  g_assert_false (hearsay_reader_get_furniture_hidden (hearsay_window_get_reader (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

typedef struct
{
  HearsayWindow *window;
  int width;
} WindowWidth;

static gboolean
window_has_width (gpointer data)
{
  WindowWidth *wanted = data;
  int width = gtk_widget_get_width (GTK_WIDGET (wanted->window));

  /* The default size counts the frame's shadow too. */
  return width <= wanted->width && width >= wanted->width - 24 &&
         gtk_widget_get_width (GTK_WIDGET (hearsay_window_get_reader (wanted->window))) > 0;
}

/* At 1024×700 the reading column is wider than the (empty) inspector, both
 * when the window opens at that size and when it is made that small. */
static void
test_small_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = g_build_filename (tmp_dir, "small.hearsay", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (path, &error);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  HearsayWindow *window;
  WindowWidth wanted;

  g_assert_no_error (error);
  g_ptr_array_add (docs, hearsay_document_new ("The army retook the city on Friday, officials said."));
  g_assert_true (hearsay_project_add_documents (project, docs, &error));
  g_assert_no_error (error);

  g_settings_set_int (settings, "window-width", 1024);
  g_settings_set_int (settings, "window-height", 700);
  window = gui_test_open_window (project);
  wanted = (WindowWidth) { window, 1024 };
  g_assert_true (gui_test_wait_for (window_has_width, &wanted));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (hearsay_window_get_reader (window))), >,
                   gtk_widget_get_width (GTK_WIDGET (hearsay_window_get_inspector (window))));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();

  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);
  window = gui_test_open_window (project);
  wanted = (WindowWidth) { window, 1280 };
  g_assert_true (gui_test_wait_for (window_has_width, &wanted));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  wanted = (WindowWidth) { window, 1024 };
  g_assert_true (gui_test_wait_for (window_has_width, &wanted));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (hearsay_window_get_reader (window))), >,
                   gtk_widget_get_width (GTK_WIDGET (hearsay_window_get_inspector (window))));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  /* A fresh default project. */
  tmp_dir = gui_test_init_data_home (&argc, &argv, "hearsay-gui-XXXXXX");
  g_test_add_func ("/window/sample-annotate", test_sample_annotate);
  g_test_add_func ("/window/read-only", test_read_only);
  g_test_add_func ("/window/arabic", test_arabic);
  g_test_add_func ("/window/open-project", test_open_project);
  g_test_add_func ("/window/open-article", test_open_article);
  g_test_add_func ("/window/furniture", test_furniture);
  g_test_add_func ("/window/small-window", test_small_window);
  return gui_test_run ();
}
