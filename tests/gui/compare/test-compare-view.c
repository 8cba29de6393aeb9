/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-compare-view.c: the outlet comparison window on the invented
 * multi-outlet event of the core tests (tests/core/core-test-compare-fixture.c:
 * RT, Reuters, AFP and a document without an outlet, with claims, sources,
 * a relayed_by chain and persuasion spans). */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "hearsay-compare-chart.h"
#include "hearsay-compare-window.h"
#include "hearsay-window.h"

/* The fixture is the core tests' own, built with the core API. */
#include "../../core/core-test-compare-fixture.c"

static char *tmp_dir;

static gboolean
is_ready (gpointer data)
{
  HearsayCompareWindow *window = data;

  return hearsay_compare_window_get_comparison (window) != NULL && !hearsay_compare_window_is_busy (window);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             const char *label_text,
             const char *tooltip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (label_text == NULL || g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), label_text) == 0)
      && (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label_text, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
show_page (HearsayCompareWindow *window,
           const char           *section)
{
  GtkStack *stack = hearsay_compare_window_get_stack (window);
  GtkWidget *page = gtk_stack_get_child_by_name (stack, section);

  g_assert_nonnull (page);
  gtk_stack_set_visible_child (stack, page);
  gui_test_iterate ();
  return page;
}

static void
assert_png (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
}

static void
test_compare_view (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "compare.hearsay", NULL);
  g_autofree char *png_dir = g_build_filename (tmp_dir, "png", NULL);
  g_autofree char *html = g_build_filename (tmp_dir, "report.html", NULL);
  g_autofree char *csv = g_build_filename (tmp_dir, "tables.csv", NULL);
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (path, &error);
  CoreTestCompareFixture fx;
  HearsayCompareWindow *window;
  HearsayComparison *c;
  const HearsayComparisonCell *cell;
  GtkWidget *page, *view, *label;
  GListModel *columns;
  guint n_keys;

  g_assert_no_error (error);
  core_test_compare_fixture_build (project, &fx);

  window = hearsay_compare_window_new (NULL, project);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_for (is_ready, window));
  hearsay_compare_window_set_event (window, fx.event_id);
  g_assert_true (gui_test_wait_for (is_ready, window));
  g_assert_cmpuint (hearsay_comparison_get_n_outlets (hearsay_compare_window_get_comparison (window)), ==, 4);

  /* Three documents chosen by hand: one column per outlet. */
  hearsay_compare_window_set_documents (window, (const gint64[]) { fx.rt, fx.reuters, fx.afp }, 3);
  g_assert_true (hearsay_compare_window_is_busy (window));
  g_assert_true (gui_test_wait_for (is_ready, window));
  c = hearsay_compare_window_get_comparison (window);
  g_assert_cmpuint (hearsay_comparison_get_n_documents (c), ==, 3);
  g_assert_cmpuint (hearsay_comparison_get_n_outlets (c), ==, 3);

  page = show_page (window, "persuasion");
  view = find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  g_assert_nonnull (view);
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  n_keys = hearsay_comparison_get_n_keys (c, "persuasion");
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, n_keys + 3);
  for (guint o = 0; o < 3; o++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, n_keys + o);
      const char *title = gtk_column_view_column_get_title (column);

      g_assert_cmpstr (title, ==, hearsay_comparison_get_outlet_title (c, o));
      g_assert_true (g_str_equal (title, "RT") || g_str_equal (title, "Reuters") || g_str_equal (title, "AFP"));
    }

  /* RT: 3 persuasion spans in 17 words; the cell shows the rate, its
   * tooltip the counts. */
  cell = hearsay_comparison_lookup (c, "persuasion", "all", "RT");
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->text, ==, "176.47");
  label = find_widget (view, GTK_TYPE_LABEL, cell->text, "3 / 17");
  g_assert_nonnull (label);
  g_assert_nonnull (find_widget (page, GTK_TYPE_DRAWING_AREA, NULL, NULL));

  /* Who speaks: rows show the scheme's names of the entity kinds, not their ids. */
  page = show_page (window, "sources");
  view = find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  g_assert_nonnull (find_widget (view, GTK_TYPE_LABEL, "State news agency", NULL));
  g_assert_nonnull (find_widget (view, GTK_TYPE_LABEL, "(not linked)", NULL));
  g_assert_null (find_widget (view, GTK_TYPE_LABEL, "state_news_agency", NULL));

  /* Naming: an outlet that never names an entity shows a dash, not "n/a". */
  page = show_page (window, "naming");
  view = find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  g_assert_nonnull (find_widget (view, GTK_TYPE_LABEL, "—", NULL));
  g_assert_null (find_widget (view, GTK_TYPE_LABEL, "n/a", NULL));

  page = show_page (window, "chains");
  g_assert_nonnull (find_widget (page, GTK_TYPE_DRAWING_AREA, NULL, NULL));
  g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, "SANA → “a military source”", NULL));

  g_assert_cmpint (g_mkdir_with_parents (png_dir, 0700), ==, 0);
  g_assert_true (hearsay_compare_window_export (window, HEARSAY_COMPARE_EXPORT_PNG, png_dir, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_build_filename (png_dir, (const char *[]) { "sources.png", "persuasion.png",
                                                                           "chains.png" }[i], NULL);

      assert_png (file);
    }
  g_assert_true (hearsay_compare_window_export (window, HEARSAY_COMPARE_EXPORT_HTML, html, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (html, &report, NULL, NULL));
  g_assert_nonnull (strstr (report, "<svg"));
  g_assert_true (hearsay_compare_window_export (window, HEARSAY_COMPARE_EXPORT_CSV, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (csv, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

/* The main window's win.compare opens the comparison, transient for it. */
static void
test_compare_action (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "action.hearsay", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (path, &error);
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  HearsayWindow *main_window;
  GtkWindow *found = NULL;
  CoreTestCompareFixture fx;

  g_assert_no_error (error);
  core_test_compare_fixture_build (project, &fx);
  main_window = hearsay_window_new (NULL, project);
  gtk_window_present (GTK_WINDOW (main_window));
  gui_test_iterate ();
  g_action_group_activate_action (G_ACTION_GROUP (main_window), "compare", NULL);
  gui_test_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (HEARSAY_IS_COMPARE_WINDOW (w))
        found = w;
    }
  g_assert_nonnull (found);
  g_assert_true (gtk_window_get_transient_for (found) == GTK_WINDOW (main_window));
  g_assert_true (gui_test_wait_for (is_ready, found));
  gtk_window_destroy (found);
  gtk_window_destroy (GTK_WINDOW (main_window));
  gui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gui_test_init (&argc, &argv);
  tmp_dir = g_dir_make_tmp ("hearsay-compare-view-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/compare-view/window", test_compare_view);
  g_test_add_func ("/compare-view/action", test_compare_action);
  status = g_test_run ();
  g_free (tmp_dir);
  return status;
}
