/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-templates.c: every widget type built from a template is created and
 * destroyed, which catches .ui files using API newer than GTK 4.8. */
#include "config.h"

#include "gui-test-util.h"
#include "hearsay-application.h"
#include "hearsay-document-list.h"
#include "hearsay-document-row.h"
#include "hearsay-inspector.h"
#include "hearsay-label-palette.h"
#include "hearsay-reader-view.h"
#include "hearsay-reader.h"
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
  static const struct { const char *path; GType (*get_type) (void); } widgets[] = {
    { "/templates/document-list", hearsay_document_list_get_type },
    { "/templates/document-row", hearsay_document_row_get_type },
    { "/templates/inspector", hearsay_inspector_get_type },
    { "/templates/label-palette", hearsay_label_palette_get_type },
    { "/templates/reader", hearsay_reader_get_type },
    { "/templates/reader-view", hearsay_reader_view_get_type },
  };

  gui_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    g_test_add_data_func (widgets[i].path, GSIZE_TO_POINTER (widgets[i].get_type ()), test_widget);
  g_test_add_func ("/templates/window", test_window);
  g_test_add_func ("/templates/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/templates/application", test_application);
  return g_test_run ();
}
