/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-window-actions.c: the window's actions — annotating (also what
 * the reader's keys and palette ask for), inspecting, and the project and
 * import file choosers. */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "hearsay-export-dialog.h"
#include "hearsay-import-dialog.h"
#include "hearsay-import.h"
#include "hearsay-window-private.h"

void
hearsay_window_actions_update (HearsayWindow *self)
{
  gboolean editable = hearsay_window_is_editable (self);
  gboolean has_document = hearsay_reader_get_document (self->reader) != NULL;

  hearsay_window_set_action_enabled (self, "annotate", editable && has_document);
  hearsay_window_set_action_enabled (self, "delete-annotation",
                                     editable && hearsay_window_get_selected_annotation_id (self) != 0);
  hearsay_reader_set_editable (self->reader, editable);
  hearsay_window_set_action_enabled (self, "import-text", editable);
  hearsay_window_set_action_enabled (self, "export", self->project != NULL);
  hearsay_window_set_action_enabled (self, "save-copy", self->project != NULL);
  hearsay_inspector_set_editable (self->inspector, editable);
  hearsay_window_edit_update (self);
}

/* Annotating */

static void
annotate (HearsayWindow *self,
          const char    *label_id)
{
  g_autoptr(HearsayAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  HearsayDocument *document = hearsay_reader_get_document (self->reader);
  gint64 start, end;

  if (document == NULL || !hearsay_window_is_editable (self))
    return;
  /* Exactly the selection shown: a pointer selection was snapped (or not)
   * when the button was released. */
  if (!hearsay_reader_get_annotation_span (self->reader, &start, &end))
    {
      hearsay_reader_show_hint (self->reader, _("Select text first"));
      return;
    }
  /* What the analyst cannot see is not annotated by accident. */
  if (hearsay_reader_range_is_hidden (self->reader, start, end))
    {
      hearsay_reader_show_hint (self->reader, _("The selection takes in hidden page furniture: show it to annotate it"));
      return;
    }

  annotation = hearsay_annotation_new (hearsay_document_get_id (document), label_id);
  hearsay_annotation_add_fragment (annotation, start, end);
  if (!hearsay_project_create_annotation (self->project, annotation, &error))
    {
      hearsay_window_show_error (self, _("Could not save the annotation"), error);
      return;
    }
  /* Collapse the selection so the new highlight shows in its colour. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (hearsay_reader_get_view (self->reader)));
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) end);
    gtk_text_buffer_select_range (buffer, &iter, &iter);
  }
  /* The core filled in the id, the quotes, the annotator and the times:
   * selected as it is, not read back. */
  hearsay_window_set_selected_annotation (self, annotation);
}

static void
annotate_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  annotate (user_data, g_variant_get_string (param, NULL));
}

static void
on_annotate_requested (HearsayReader *reader,
                       const char    *label_id,
                       HearsayWindow *self)
{
  annotate (self, label_id);
}

static void
delete_annotation_action (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  hearsay_window_delete_selected (user_data);
}

static void
inspect_at_cursor (HearsayWindow *self)
{
  /* The outlined annotation, not the innermost one at the caret: Tab leaves
   * the caret where a nested annotation may start too. */
  gint64 id = hearsay_window_get_selected_annotation_id (self);

  if (id == 0)
    id = hearsay_reader_get_annotation_at_cursor (self->reader);
  if (id != hearsay_window_get_selected_annotation_id (self))
    hearsay_window_select_annotation (self, id);
  /* Enter goes on to the inspector's first control; Escape comes back. */
  if (hearsay_window_get_selected_annotation_id (self) != 0)
    {
      gtk_stack_set_visible_child_name (self->right_stack, "inspector");
      hearsay_inspector_focus_first (self->inspector);
    }
}

static void
inspect_at_cursor_action (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  inspect_at_cursor (user_data);
}

/* Files */

static GtkFileFilter *
project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Hearsay projects"));
  gtk_file_filter_add_pattern (filter, "*.hearsay");
  gtk_file_filter_add_mime_type (filter, "application/x-hearsay");
  return filter;
}

static GtkFileChooserNative *
new_chooser (HearsayWindow        *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  return gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
}

static void
on_new_response (GtkNativeDialog *dialog,
                 int              response,
                 HearsayWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (!g_str_has_suffix (path, ".hearsay"))
    {
      char *with_suffix = g_strconcat (path, ".hearsay", NULL);

      g_free (path);
      path = with_suffix;
    }
  if (self->project != NULL && g_strcmp0 (path, hearsay_project_get_path (self->project)) == 0)
    {
      hearsay_show_error (GTK_WINDOW (self), _("Could not create the project"),
                          _("This project is open: choose another file name."));
      return;
    }
  /* The chooser already asked whether to replace the file. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_unlink (path) != 0)
    {
      int saved = errno;

      hearsay_show_error (GTK_WINDOW (self), _("Could not create the project"), g_strerror (saved));
      return;
    }
  project = hearsay_project_create (path, &error);
  if (project == NULL)
    {
      hearsay_window_show_error (self, _("Could not create the project"), error);
      return;
    }
  if (HEARSAY_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
    hearsay_application_setup_project (HEARSAY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), project);
  hearsay_window_set_project (self, project);
}

static void
new_project_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  HearsayWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = project_filter ();

  chooser = new_chooser (self, _("New Project"), GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled.hearsay"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
hearsay_window_open_file (HearsayWindow *self,
                          GFile         *file)
{
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *message = NULL;

  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), FALSE);

  if (path != NULL)
    project = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  if (project == NULL)
    {
      /* The current project stays open. */
      message = g_strdup_printf (_("Could not open “%s”"), g_file_peek_path (file));
      hearsay_window_show_error (self, message, error);
      return FALSE;
    }
  if (HEARSAY_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
    hearsay_application_setup_project (HEARSAY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), project);
  hearsay_window_set_project (self, project);
  return TRUE;
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  HearsayWindow   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file != NULL)
    hearsay_window_open_file (self, file);
}

static void
open_project_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  HearsayWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = project_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = new_chooser (self, _("Open Project"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_save_copy_response (GtkNativeDialog *dialog,
                       int              response,
                       HearsayWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || self->project == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (!g_str_has_suffix (path, ".hearsay"))
    {
      char *with_suffix = g_strconcat (path, ".hearsay", NULL);

      g_free (path);
      path = with_suffix;
    }
  if (g_strcmp0 (path, hearsay_project_get_path (self->project)) == 0)
    {
      hearsay_show_error (GTK_WINDOW (self), _("Could not save a copy"),
                          _("A copy cannot replace the open project."));
      return;
    }
  hearsay_inspector_flush_note (self->inspector);
  if (!hearsay_project_save_copy (self->project, path, &error))
    hearsay_window_show_error (self, _("Could not save a copy"), error);
}

static void
save_copy_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  HearsayWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = project_filter ();
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;

  if (self->project == NULL)
    return;
  chooser = new_chooser (self, _("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = hearsay_project_dup_name (self->project);
  /* Translators: the proposed file name of a copy of project %s */
  file_name = g_strdup_printf (_("%s (copy).hearsay"), name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_copy_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
hearsay_window_import_files (HearsayWindow      *self,
                             const char * const *paths,
                             GError            **error)
{
  HearsayImportReport report;
  HearsayImportOptions options = { .format = "text" };
  gboolean ok;

  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), FALSE);

  if (self->project == NULL)
    return FALSE;
  hearsay_import_report_init (&report);
  ok = hearsay_import_paths (self->project, paths, &options, NULL, NULL, NULL, &report, error);
  if (ok && report.documents != NULL && report.documents->len > 0)
    hearsay_window_show_document (self, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));
  hearsay_import_report_clear (&report);
  return ok;
}

gboolean
hearsay_window_import_paths (HearsayWindow      *self,
                             const char         *format,
                             const char * const *paths,
                             GError            **error)
{
  HearsayImportReport report;
  HearsayImportOptions options = { .format = format };
  gboolean ok;

  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), FALSE);

  if (self->project == NULL)
    return FALSE;
  hearsay_import_report_init (&report);
  ok = hearsay_import_paths (self->project, paths, &options, NULL, NULL, NULL, &report, error);
  if (ok && report.documents != NULL && report.documents->len > 0)
    hearsay_window_show_document (self, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));
  hearsay_import_report_clear (&report);
  return ok;
}

static void
on_imported (HearsayImportDialog *dialog,
             gint64               first_id,
             HearsayWindow       *self)
{
  if (first_id > 0)
    hearsay_window_show_document (self, first_id);
}

static void
import_text_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  HearsayWindow *self = user_data;
  HearsayImportDialog *dialog;

  if (!hearsay_window_is_editable (self))
    return;
  hearsay_inspector_flush_note (self->inspector);
  dialog = hearsay_import_dialog_new (GTK_WINDOW (self), self->project);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  HearsayWindow *self = user_data;
  HearsayDocument *document = hearsay_reader_get_document (self->reader);
  HearsayExportDialog *dialog;

  if (self->project == NULL)
    return;
  /* The export reads the file through a connection of its own. */
  hearsay_inspector_flush_note (self->inspector);
  dialog = hearsay_export_dialog_new (GTK_WINDOW (self), self->project,
                                      document != NULL ? hearsay_document_get_id (document) : 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry win_actions[] = {
  { "annotate", annotate_action, "s" },
  { "delete-annotation", delete_annotation_action },
  { "inspect-at-cursor", inspect_at_cursor_action },
  { "new-project", new_project_action },
  { "open-project", open_project_action },
  { "save-copy", save_copy_action },
  { "import-text", import_text_action },
  { "export", export_action },
};

void
hearsay_window_actions_init (HearsayWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  /* The reader's keys and palette (reader.*) ask through signals. */
  g_signal_connect (self->reader, "annotate-requested", G_CALLBACK (on_annotate_requested), self);
  g_signal_connect_swapped (self->reader, "delete-requested", G_CALLBACK (hearsay_window_delete_selected), self);
  g_signal_connect_swapped (self->reader, "fragment-requested", G_CALLBACK (hearsay_window_add_fragment), self);
  g_signal_connect_swapped (self->reader, "link-requested", G_CALLBACK (hearsay_window_open_link), self);
  g_signal_connect_swapped (self->reader, "inspect-requested", G_CALLBACK (inspect_at_cursor), self);
  hearsay_window_actions_update (self);
}
