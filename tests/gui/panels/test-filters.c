/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-filters.c: the sidebar's filters and the full-text search hits. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "hearsay-document-list.h"
#include "hearsay-reader.h"
#include "hearsay-window.h"

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
  hearsay_project_add_documents (project, docs, &error);
  g_assert_no_error (error);
  return hearsay_document_get_id (doc);
}

static guint
n_shown (HearsayDocumentList *list)
{
  gui_test_iterate ();
  return hearsay_document_list_get_n_documents (list);
}

static guint
find_item (GtkDropDown *drop_down,
           const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text))
      return i;
  g_assert_not_reached ();
}

static GtkListBoxRow *
first_hit_of (HearsayDocumentList *list,
              gint64               document_id)
{
  GtkListBox *box = hearsay_document_list_get_passages (list);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (box)); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
      {
        gint64 *passage = g_object_get_data (G_OBJECT (row), "hearsay-passage");

        if (passage != NULL && passage[0] == document_id)
          return GTK_LIST_BOX_ROW (row);
      }
  return NULL;
}

static void
set_query (HearsayFilterBar *bar,
           const char       *query)
{
  GtkEditable *entry = hearsay_filter_bar_get_query_entry (bar);

  gtk_editable_set_text (entry, query);
  g_signal_emit_by_name (entry, "activate");
}

static void
test_filters (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "filters.hearsay", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (path, &error);
  g_autoptr(HearsayEvent) event = hearsay_event_new ("Deir ez-Zor retaken", "2017-11-03");
  g_autoptr(HearsayAnnotation) ann = NULL;
  HearsayWindow *window;
  HearsayDocumentList *list;
  HearsayFilterBar *bar;
  HearsayReader *reader;
  GtkListBoxRow *row;
  GtkTextBuffer *buffer;
  GtkTextIter from, to;
  g_autofree char *selected = NULL;
  gint64 rt, reuters;

  g_assert_no_error (error);
  rt = add_document (project, "RT one", "RT", "2017-11-03",
                     "The army liberated Deir ez-Zor from terrorists, a military source said.");
  reuters = add_document (project, "Reuters", "Reuters", "2017-11-04",
                          "The Syrian army said it had retaken Deir ez-Zor from Islamic State.");
  add_document (project, "RT two", "RT", "2017-12-20", "Residents returned to their homes.");
  g_assert_true (hearsay_project_save_event (project, event, &error));
  g_assert_no_error (error);
  g_assert_true (hearsay_project_set_document_event (project, (const gint64[]) { rt, reuters }, 2,
                                                     hearsay_event_get_id (event), &error));
  g_assert_no_error (error);
  ann = hearsay_annotation_new (reuters, "claim");
  hearsay_annotation_add_fragment (ann, 4, 15);
  hearsay_project_create_annotation (project, ann, &error);
  g_assert_no_error (error);

  window = hearsay_window_new (NULL, project);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();
  list = hearsay_window_get_document_list (window);
  bar = hearsay_document_list_get_filter_bar (list);
  reader = hearsay_window_get_reader (window);
  g_assert_cmpuint (n_shown (list), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (hearsay_document_list_get_count_label (list)), ==, "3 of 3 documents");

  /* Outlet */
  gtk_drop_down_set_selected (hearsay_filter_bar_get_outlet_drop_down (bar),
                              find_item (hearsay_filter_bar_get_outlet_drop_down (bar), "RT"));
  g_assert_cmpuint (n_shown (list), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (hearsay_document_list_get_count_label (list)), ==, "2 of 3 documents");
  hearsay_filter_bar_clear (bar);
  g_assert_cmpuint (n_shown (list), ==, 3);

  /* Event (the popover refreshes the events when it opens) */
  gtk_popover_popup (gtk_menu_button_get_popover (hearsay_filter_bar_get_menu_button (bar)));
  gui_test_iterate ();
  gtk_drop_down_set_selected (hearsay_filter_bar_get_event_drop_down (bar),
                              find_item (hearsay_filter_bar_get_event_drop_down (bar), "Deir ez-Zor"));
  g_assert_cmpuint (n_shown (list), ==, 2);
  gtk_popover_popdown (gtk_menu_button_get_popover (hearsay_filter_bar_get_menu_button (bar)));
  hearsay_filter_bar_clear (bar);

  /* Dates: an invalid one is marked and ignored. */
  gtk_editable_set_text (hearsay_filter_bar_get_date_entry (bar, FALSE), "2017-11-04");
  g_assert_cmpuint (n_shown (list), ==, 2);
  gtk_editable_set_text (hearsay_filter_bar_get_date_entry (bar, TRUE), "2017-11-30");
  g_assert_cmpuint (n_shown (list), ==, 1);
  gtk_editable_set_text (hearsay_filter_bar_get_date_entry (bar, TRUE), "2017-13-45");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (hearsay_filter_bar_get_date_entry (bar, TRUE)), "error"));
  g_assert_cmpuint (n_shown (list), ==, 2);
  hearsay_filter_bar_clear (bar);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (hearsay_filter_bar_get_date_entry (bar, TRUE)), "error"));

  /* Label present */
  gtk_drop_down_set_selected (hearsay_filter_bar_get_label_drop_down (bar),
                              find_item (hearsay_filter_bar_get_label_drop_down (bar), "Claim"));
  g_assert_cmpuint (n_shown (list), ==, 1);
  g_assert_cmpint (hearsay_document_list_get_id_at (list, 0), ==, reuters);
  hearsay_filter_bar_clear (bar);
  g_assert_cmpuint (n_shown (list), ==, 3);

  /* Query: hits grouped by document */
  set_query (bar, "deir");
  g_assert_cmpuint (n_shown (list), ==, 2);
  g_assert_cmpuint (hearsay_document_list_get_n_hits (list), >=, 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hearsay_filter_bar_get_error_label (bar))));

  /* A malformed query: a message, the list stays. */
  set_query (bar, "AND");
  g_assert_cmpuint (n_shown (list), ==, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hearsay_filter_bar_get_error_label (bar))));
  g_assert_cmpstr (gtk_label_get_text (hearsay_filter_bar_get_error_label (bar)), !=, "");

  /* Activating a hit opens its document at the passage. */
  set_query (bar, "deir");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hearsay_filter_bar_get_error_label (bar))));
  hearsay_window_show_document (window, rt);
  gui_test_iterate ();
  g_assert_cmpint (hearsay_document_get_id (hearsay_reader_get_document (reader)), ==, rt);
  row = first_hit_of (list, reuters);
  g_assert_nonnull (row);
  gtk_widget_activate (GTK_WIDGET (row));
  gui_test_iterate ();
  g_assert_cmpint (hearsay_document_get_id (hearsay_reader_get_document (reader)), ==, reuters);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (hearsay_reader_get_view (reader)));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &from, &to));
  selected = gtk_text_buffer_get_text (buffer, &from, &to, FALSE);
  g_assert_cmpstr (selected, ==, "Deir");

  if (g_getenv ("HEARSAY_SCREENSHOT_PAUSE") != NULL)
    {
      gtk_drop_down_set_selected (hearsay_filter_bar_get_outlet_drop_down (bar),
                                  find_item (hearsay_filter_bar_get_outlet_drop_down (bar), "Reuters"));
      gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
      for (int i = 0; i < 40; i++)
        {
          gui_test_iterate ();
          g_usleep (100000);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

/* Counts the document list's ::filtered (the list shows its filters). */
static void
on_filtered (HearsayDocumentList *list,
             guint               *count)
{
  (*count)++;
}

typedef struct
{
  guint *count;
  guint wanted;
} Count;

static gboolean
count_reached (gpointer data)
{
  Count *count = data;

  return *count->count >= count->wanted;
}

/* Types @text into the search entry as a user does, then waits for the list
 * to show the result (the search runs after a short pause in typing). */
static void
type_query (HearsayDocumentList *list,
            guint               *filtered,
            const char          *text)
{
  GtkEditable *entry = hearsay_filter_bar_get_query_entry (hearsay_document_list_get_filter_bar (list));
  Count count = { filtered, 0 };

  *filtered = 0;
  count.wanted = 1;
  gtk_editable_set_text (entry, "");
  gtk_editable_insert_text (entry, text, -1, &(int) { 0 });
  g_assert_true (gui_test_wait_for (count_reached, &count));
}

/* The search entry's clear icon, clicked. */
static void
click_clear_icon (GtkEditable *entry)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (entry)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(GListModel) controllers = NULL;

      if (!GTK_IS_IMAGE (child) || g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (child)), "edit-clear-symbolic") != 0)
        continue;
      g_assert_true (gtk_widget_get_child_visible (child));
      controllers = gtk_widget_observe_controllers (child);
      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_GESTURE_CLICK (controller))
            {
              g_signal_emit_by_name (controller, "released", 1, 1.0, 1.0);
              return;
            }
        }
    }
  g_assert_not_reached ();
}

/* Search as you type; the clear icon brings the whole list back; another
 * project opens unfiltered, without a warning. */
static void
test_search_and_reopen (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "search.hearsay", NULL);
  g_autofree char *other_path = g_build_filename (tmp_dir, "other.hearsay", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (path, &error);
  g_autoptr(HearsayProject) other = NULL;
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  HearsayWindow *window;
  HearsayDocumentList *list;
  HearsayFilterBar *bar;
  GtkEditable *entry;
  guint filtered = 0;
  Count count = { &filtered, 1 };
  g_autoptr(HearsayAnnotation) ann = NULL;
  gint64 rt;

  g_assert_no_error (error);
  rt = add_document (project, "RT one", "RT", "2017-11-03", "The army liberated Deir ez-Zor, a military source said.");
  ann = hearsay_annotation_new (rt, "claim");
  hearsay_annotation_add_fragment (ann, 4, 29);
  g_assert_true (hearsay_project_create_annotation (project, ann, &error));
  g_assert_no_error (error);
  add_document (project, "Reuters", "Reuters", "2017-11-04", "Islamic State lost its last stronghold.");
  other = hearsay_project_create (other_path, &error);
  g_assert_no_error (error);
  add_document (other, "AFP", "AFP", "2017-11-05", "Residents returned to their homes in the east.");
  add_document (other, "BBC", "BBC", "2017-11-06", "Aid convoys reached the city.");
  g_clear_object (&other);

  window = gui_test_open_window (project);
  /* The window holds the only reference: opening another project lets this
   * one go, as in the application. */
  g_clear_object (&project);
  list = hearsay_window_get_document_list (window);
  bar = hearsay_document_list_get_filter_bar (list);
  entry = hearsay_filter_bar_get_query_entry (bar);
  g_signal_connect (list, "filtered", G_CALLBACK (on_filtered), &filtered);
  g_assert_cmpuint (n_shown (list), ==, 2);

  /* Typing searches, without Enter. */
  type_query (list, &filtered, "deir");
  g_assert_cmpuint (hearsay_document_list_get_n_documents (list), ==, 1);
  g_assert_cmpstr (hearsay_filter_bar_get_query (bar), ==, "deir");
  g_assert_cmpstr (gtk_label_get_text (hearsay_document_list_get_count_label (list)), ==, "1 of 2 documents");

  /* The clear icon restores the list. */
  filtered = 0;
  click_clear_icon (entry);
  g_assert_true (gui_test_wait_for (count_reached, &count));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_null (hearsay_filter_bar_get_query (bar));
  g_assert_cmpuint (hearsay_document_list_get_n_documents (list), ==, 2);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (hearsay_document_list_get_passages (list))));

  /* Opening another project with a search and a date filter set: its
   * documents are all listed, the filters are reset. */
  type_query (list, &filtered, "deir");
  gtk_editable_set_text (hearsay_filter_bar_get_date_entry (bar, FALSE), "2017-11-03");
  hearsay_window_select_annotation (window, hearsay_annotation_get_id (ann));
  gtk_stack_set_visible_child_name (hearsay_window_get_right_stack (window), "annotations");
  g_assert_cmpuint (n_shown (list), ==, 1);
  g_assert_true (hearsay_window_open_file (window, other_file));
  gui_test_iterate ();
  g_assert_cmpuint (hearsay_document_list_get_n_documents (list), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (hearsay_filter_bar_get_date_entry (bar, FALSE)), ==, "");
  g_assert_false (hearsay_filter_bar_is_active (bar));
  g_assert_cmpstr (gtk_label_get_text (hearsay_document_list_get_count_label (list)), ==, "2 of 2 documents");
  g_assert_true (gui_test_wait_for (gui_test_window_has_document, window));
  g_assert_cmpstr (hearsay_document_get_title (hearsay_reader_get_document (hearsay_window_get_reader (window))), ==, "AFP");
  /* And it searches its own text. */
  type_query (list, &filtered, "convoys");
  g_assert_cmpuint (hearsay_document_list_get_n_documents (list), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gui_test_init (&argc, &argv);
  tmp_dir = g_dir_make_tmp ("hearsay-filters-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/filters/sidebar", test_filters);
  g_test_add_func ("/filters/search-and-reopen", test_search_and_reopen);
  status = g_test_run ();
  g_free (tmp_dir);
  return status;
}
