/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-export.c: the comparison window's exports — the tables as
 * CSV, the charts as SVG or PNG into a folder, the HTML report. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-compare-chart.h"
#include "hearsay-compare-window-private.h"

gboolean
hearsay_compare_window_export (HearsayCompareWindow  *self,
                               HearsayCompareExport   what,
                               const char            *path,
                               GError               **error)
{
  static const char * const png_names[] = { "sources.png", "persuasion.png", "chains.png" };
  static const HearsayComparisonChart charts[] = {
    HEARSAY_COMPARISON_CHART_SOURCES, HEARSAY_COMPARISON_CHART_PERSUASION, HEARSAY_COMPARISON_CHART_CHAINS,
  };
  HearsayComparison *comparison;

  g_return_val_if_fail (HEARSAY_IS_COMPARE_WINDOW (self), FALSE);
  comparison = hearsay_compare_window_get_comparison (self);
  g_return_val_if_fail (comparison != NULL, FALSE);

  switch (what)
    {
    case HEARSAY_COMPARE_EXPORT_CSV:
      return hearsay_comparison_save (comparison, HEARSAY_COMPARISON_FORMAT_CSV, NULL, path, error);
    case HEARSAY_COMPARE_EXPORT_SVG:
      return hearsay_comparison_save_svg_charts (comparison, path, error);
    case HEARSAY_COMPARE_EXPORT_PNG:
      for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
        {
          g_autofree char *file = g_build_filename (path, png_names[i], NULL);

          if (!hearsay_compare_chart_save_png (comparison, charts[i], file, error))
            return FALSE;
        }
      return TRUE;
    case HEARSAY_COMPARE_EXPORT_HTML:
    default:
      return hearsay_comparison_save_html_report (comparison, path, error);
    }
}

static void
show_error (HearsayCompareWindow *self,
            const char           *message,
            const GError         *error)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", message);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_response (GtkNativeDialog      *native,
                    int                   response,
                    HearsayCompareWindow *self)
{
  HearsayCompareExport what = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "hearsay-export"));

  if (response == GTK_RESPONSE_ACCEPT && hearsay_compare_window_get_comparison (self) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !hearsay_compare_window_export (self, what, path, &error))
        show_error (self, _("Could not export the comparison"), error);
      else if (path != NULL)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Saved to “%s”"), name);

          hearsay_compare_window_show_message (self, message);
        }
    }
  g_object_unref (native);
}

void
hearsay_compare_window_export_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  HearsayCompareWindow *self = HEARSAY_COMPARE_WINDOW (widget);
  HearsayCompareExport what;
  GtkFileChooserNative *native;
  const char *title, *name = NULL;

  if (g_str_equal (action_name, "compare.export-csv"))
    what = HEARSAY_COMPARE_EXPORT_CSV, title = _("Export Tables (CSV)"), name = "comparison.csv";
  else if (g_str_equal (action_name, "compare.export-svg"))
    what = HEARSAY_COMPARE_EXPORT_SVG, title = _("Export Charts (SVG) to a Folder");
  else if (g_str_equal (action_name, "compare.export-png"))
    what = HEARSAY_COMPARE_EXPORT_PNG, title = _("Export Charts (PNG) to a Folder");
  else
    what = HEARSAY_COMPARE_EXPORT_HTML, title = _("Save Report (HTML)"), name = "comparison.html";

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                        name ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        name ? _("_Save") : _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data (G_OBJECT (native), "hearsay-export", GINT_TO_POINTER (what));
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
