/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-templates.c: every widget type built from a template is created and
 * destroyed, which catches .ui files using API newer than GTK 4.8 and a
 * template missing from its folder's GResource. */
#include "config.h"

#include "gui-test-util.h"
#include "hearsay-annotation-list.h"
#include "hearsay-application.h"
#include "hearsay-compare-window.h"
#include "hearsay-document-list.h"
#include "hearsay-document-panel.h"
#include "hearsay-document-row.h"
#include "hearsay-entity-panel.h"
#include "hearsay-events-dialog.h"
#include "hearsay-export-dialog.h"
#include "hearsay-filter-bar.h"
#include "hearsay-import-dialog.h"
#include "hearsay-inspector.h"
#include "hearsay-label-palette.h"
#include "hearsay-link-picker.h"
#include "hearsay-parallel-window.h"
#include "hearsay-reader-view.h"
#include "hearsay-reader.h"
#include "hearsay-scheme-editor.h"
#include "hearsay-window.h"

static void
test_widget (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  GtkWidget *widget = g_object_new (type, NULL);

  g_assert_true (GTK_IS_WIDGET (widget));
  g_object_ref_sink (widget);
  gui_test_iterate ();
  g_object_unref (widget);
}

static void
test_window (void)
{
  HearsayWindow *window = hearsay_window_new (NULL, NULL);

  g_assert_true (HEARSAY_IS_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

/* For the windows that need one: a new project with a document and a claim. */
static HearsayProject *
create_project (const char *name,
                gint64     *document_id,
                gint64     *claim_id)
{
  g_autofree char *file = g_strconcat (name, ".hearsay", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HearsayAnnotation) claim = NULL;
  HearsayDocument *document = hearsay_document_new ("The army said the city was retaken.");
  HearsayProject *project = hearsay_project_create (path, &error);

  g_assert_no_error (error);
  hearsay_document_set_outlet (document, "RT");
  g_ptr_array_add (documents, document);
  g_assert_true (hearsay_project_add_documents (project, documents, &error));
  *document_id = hearsay_document_get_id (document);
  claim = hearsay_annotation_new (*document_id, "claim");
  hearsay_annotation_add_fragment (claim, 0, 13);
  g_assert_true (hearsay_project_create_annotation (project, claim, &error));
  g_assert_no_error (error);
  *claim_id = hearsay_annotation_get_id (claim);
  return project;
}

static gboolean
compare_ready (gpointer window)
{
  return !hearsay_compare_window_is_busy (window);
}

/* The windows opened over the main one, from their folders' templates. */
static void
test_project_window (gconstpointer data)
{
  const char *name = data;
  gint64 document_id, claim_id;
  g_autoptr(HearsayProject) project = create_project (name, &document_id, &claim_id);
  GtkWindow *window = NULL;

  if (g_str_equal (name, "compare-window"))
    window = GTK_WINDOW (hearsay_compare_window_new (NULL, project));
  else if (g_str_equal (name, "parallel-window"))
    {
      window = GTK_WINDOW (hearsay_parallel_window_new (NULL, project));
      hearsay_parallel_window_set_documents (HEARSAY_PARALLEL_WINDOW (window), &document_id, 1);
    }
  else if (g_str_equal (name, "events-dialog"))
    window = GTK_WINDOW (hearsay_events_dialog_new (NULL, project));
  else if (g_str_equal (name, "import-dialog"))
    window = GTK_WINDOW (hearsay_import_dialog_new (NULL, project));
  else if (g_str_equal (name, "export-dialog"))
    window = GTK_WINDOW (hearsay_export_dialog_new (NULL, project, document_id));
  else if (g_str_equal (name, "link-picker"))
    window = GTK_WINDOW (hearsay_link_picker_new (NULL, project, claim_id));
  else if (g_str_equal (name, "scheme-editor"))
    window = GTK_WINDOW (hearsay_scheme_editor_new (NULL, project));
  g_assert_true (GTK_IS_WINDOW (window));
  gtk_window_present (window);
  gui_test_iterate ();
  if (HEARSAY_IS_COMPARE_WINDOW (window))
    g_assert_true (gui_test_wait_for (compare_ready, window));
  gtk_window_destroy (window);
  gui_test_iterate ();
  hearsay_project_close (project);
}

static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  GObject *shortcuts;

  gtk_builder_add_from_resource (builder, "/org/hearsay/Hearsay/hearsay-shortcuts-window.ui", &error);
  g_assert_no_error (error);
  shortcuts = gtk_builder_get_object (builder, "shortcuts");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts));
  gtk_window_destroy (GTK_WINDOW (shortcuts));
}

static void
test_application (void)
{
  g_autoptr(HearsayApplication) app = hearsay_application_new ();

  g_assert_true (G_IS_APPLICATION (app));
  g_assert_nonnull (hearsay_application_get_settings (app));
}

int
main (int   argc,
      char *argv[])
{
  /* By folder: common/, reader/, panels/ (the windows are below). */
  static const struct { const char *path; GType (*get_type) (void); } widgets[] = {
    { "/templates/common/label-palette", hearsay_label_palette_get_type },
    { "/templates/reader/reader", hearsay_reader_get_type },
    { "/templates/reader/reader-view", hearsay_reader_view_get_type },
    { "/templates/panels/annotation-list", hearsay_annotation_list_get_type },
    { "/templates/panels/document-list", hearsay_document_list_get_type },
    { "/templates/panels/document-panel", hearsay_document_panel_get_type },
    { "/templates/panels/document-row", hearsay_document_row_get_type },
    { "/templates/panels/entity-panel", hearsay_entity_panel_get_type },
    { "/templates/panels/filter-bar", hearsay_filter_bar_get_type },
    { "/templates/panels/inspector", hearsay_inspector_get_type },
  };
  static const struct { const char *path; const char *name; } windows[] = {
    { "/templates/reader/parallel-window", "parallel-window" },
    { "/templates/dialogs/events-dialog", "events-dialog" },
    { "/templates/dialogs/export-dialog", "export-dialog" },
    { "/templates/dialogs/import-dialog", "import-dialog" },
    { "/templates/dialogs/link-picker", "link-picker" },
    { "/templates/dialogs/scheme-editor", "scheme-editor" },
    { "/templates/compare/compare-window", "compare-window" },
  };
  gui_test_init_data_home (&argc, &argv, "hearsay-templates-XXXXXX");

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    g_test_add_data_func (widgets[i].path, GSIZE_TO_POINTER (widgets[i].get_type ()), test_widget);
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    g_test_add_data_func (windows[i].path, windows[i].name, test_project_window);
  g_test_add_func ("/templates/window", test_window);
  g_test_add_func ("/templates/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/templates/application", test_application);
  return gui_test_run ();
}
