/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-dialog.c: the Import dialog. The import runs on a worker
 * thread with a connection of its own (hearsay-transfer-task.c); the
 * window's connection is refreshed when it lands. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hearsay-dialog-util.h"
#include "hearsay-error.h"
#include "hearsay-import-dialog.h"
#include "hearsay-import.h"
#include "hearsay-transfer-task.h"

/* The first choice guesses each path's format; the others are the core's
 * importer table, in its order. */
#define DETECT_NAME N_("Detect from the file names")
#define DETECT_DESCRIPTION \
  N_("Each file’s extension decides: .txt, .html, .jsonl, brat .txt with .ann, .json W3C annotations.")

static guint
n_choices (void)
{
  guint n = 1;

  for (const HearsayImportFormat * const *f = hearsay_import_formats (); *f != NULL; f++)
    n++;
  return n;
}

/* The format of choice @i, or NULL for detection (and past the end). */
static const HearsayImportFormat *
choice (guint i)
{
  const HearsayImportFormat * const *formats = hearsay_import_formats ();

  return i > 0 && i < n_choices () ? formats[i - 1] : NULL;
}

typedef struct
{
  char *format;
  char **paths;
  char *encoding;
  HearsayImportOptions options;
  HearsayImportReport report;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->format);
  g_strfreev (job->paths);
  g_free (job->encoding);
  hearsay_import_report_clear (&job->report);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportJob, import_job_free)

struct _HearsayImportDialog
{
  GtkWindow parent_instance;

  HearsayProject *project;
  GPtrArray *paths;
  GCancellable *cancellable;
  ImportJob *job;           /* while running */
  gboolean close_when_done;
  gboolean disposed;
  gboolean failed;

  GtkButton *close_button;
  GtkButton *import_button;
  GtkStack *stack;
  GtkDropDown *format_dropdown;
  GtkLabel *format_description;
  GtkListBox *path_list;
  GtkWidget *encoding_box;
  GtkEntry *encoding_entry;
  GtkCheckButton *end_inclusive_check;
  GtkCheckButton *boilerplate_check;
  GtkCheckButton *strict_check;
  GtkCheckButton *skip_check;
  GtkButton *others_button;
  GtkProgressBar *progress_bar;
  GtkButton *cancel_button;
  GtkLabel *result_label;
  GtkWidget *details_scroll;
  GtkTextView *details_view;
};

G_DEFINE_FINAL_TYPE (HearsayImportDialog, hearsay_import_dialog, GTK_TYPE_WINDOW)

enum { IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
selected_format (HearsayImportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->format_dropdown);

  return choice (i) != NULL ? choice (i)->name : NULL;
}

static void
on_format_changed (HearsayImportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->format_dropdown);
  const char *id = selected_format (self);
  gboolean detect = id == NULL;
  gboolean article = detect || g_str_equal (id, "text") || g_str_equal (id, "html");

  if (i >= n_choices ())
    return;
  gtk_label_set_text (self->format_description, _(i == 0 ? DETECT_DESCRIPTION : choice (i)->description));
  gtk_widget_set_visible (self->encoding_box, article);
  gtk_widget_set_visible (GTK_WIDGET (self->boilerplate_check), article);
  gtk_widget_set_visible (GTK_WIDGET (self->end_inclusive_check), detect || g_str_equal (id, "semeval"));
  gtk_widget_set_visible (GTK_WIDGET (self->strict_check), !article || detect);
}

static void
update_buttons (HearsayImportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean running = self->job != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), !running);
  if (g_strcmp0 (page, "setup") == 0)
    {
      gtk_button_set_label (self->import_button, _("_Import"));
      gtk_widget_set_visible (GTK_WIDGET (self->import_button), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), self->paths->len > 0);
    }
  else if (g_strcmp0 (page, "result") == 0 && self->failed)
    {
      gtk_button_set_label (self->import_button, _("_Back"));
      gtk_widget_set_visible (GTK_WIDGET (self->import_button), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
}

static void
on_remove_clicked (GtkButton           *button,
                   HearsayImportDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  if (row != NULL)
    hearsay_import_dialog_remove_path (self, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static void
rebuild_path_list (HearsayImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->path_list))) != NULL &&
         GTK_IS_LIST_BOX_ROW (child))
    gtk_list_box_remove (self->path_list, child);
  for (guint i = 0; i < self->paths->len; i++)
    {
      const char *path = g_ptr_array_index (self->paths, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name (g_file_test (path, G_FILE_TEST_IS_DIR)
                                                      ? "folder-symbolic" : "text-x-generic-symbolic");
      GtkWidget *label = gtk_label_new (path);
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 3);
      gtk_widget_set_margin_bottom (box, 3);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_tooltip_text (label, path);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove from the list"));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), remove);
      gtk_list_box_append (self->path_list, box);
    }
  update_buttons (self);
}

void
hearsay_import_dialog_add_path (HearsayImportDialog *self,
                                const char          *path)
{
  g_return_if_fail (HEARSAY_IS_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  for (guint i = 0; i < self->paths->len; i++)
    if (g_str_equal (g_ptr_array_index (self->paths, i), path))
      return;
  g_ptr_array_add (self->paths, g_strdup (path));
  rebuild_path_list (self);
}

void
hearsay_import_dialog_remove_path (HearsayImportDialog *self,
                                   guint                index)
{
  g_return_if_fail (HEARSAY_IS_IMPORT_DIALOG (self));

  if (index >= self->paths->len || self->job != NULL)
    return;
  g_ptr_array_remove_index (self->paths, index);
  rebuild_path_list (self);
}

guint
hearsay_import_dialog_get_n_paths (HearsayImportDialog *self)
{
  g_return_val_if_fail (HEARSAY_IS_IMPORT_DIALOG (self), 0);
  return self->paths->len;
}

gboolean
hearsay_import_dialog_set_format (HearsayImportDialog *self,
                                  const char          *format)
{
  g_return_val_if_fail (HEARSAY_IS_IMPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < n_choices (); i++)
    if (g_strcmp0 (choice (i) ? choice (i)->name : NULL, format) == 0)
      {
        gtk_drop_down_set_selected (self->format_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

static void on_others_clicked (HearsayImportDialog *self);

void
hearsay_import_dialog_set_skip_unreadable (HearsayImportDialog *self,
                                           gboolean             skip)
{
  g_return_if_fail (HEARSAY_IS_IMPORT_DIALOG (self));
  gtk_check_button_set_active (self->skip_check, skip);
}

gboolean
hearsay_import_dialog_can_import_others (HearsayImportDialog *self)
{
  g_return_val_if_fail (HEARSAY_IS_IMPORT_DIALOG (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->others_button));
}

void
hearsay_import_dialog_import_others (HearsayImportDialog *self)
{
  g_return_if_fail (HEARSAY_IS_IMPORT_DIALOG (self));
  if (hearsay_import_dialog_can_import_others (self))
    on_others_clicked (self);
}

void
hearsay_import_dialog_set_strict_quotes (HearsayImportDialog *self,
                                         gboolean             strict)
{
  g_return_if_fail (HEARSAY_IS_IMPORT_DIALOG (self));
  gtk_check_button_set_active (self->strict_check, strict);
}

/* Choosing files */

static void
on_chooser_response (GtkNativeDialog     *chooser,
                     int                  response,
                     HearsayImportDialog *self)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        hearsay_import_dialog_add_path (self, path);
    }
  g_object_unref (chooser);
}

static void
choose (HearsayImportDialog  *self,
        GtkFileChooserAction  action)
{
  GtkFileChooserNative *chooser;
  gboolean folder = action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;

  chooser = gtk_file_chooser_native_new (folder ? _("Add Folders") : _("Add Files"),
                                         GTK_WINDOW (self), action, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (!folder)
    {
      g_autoptr(GtkFileFilter) known = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (known, _("Files Hearsay can import"));
      for (const HearsayImportFormat * const *f = hearsay_import_formats (); *f != NULL; f++)
        for (guint i = 0; (*f)->suffixes[i] != NULL; i++)
          {
            g_autofree char *pattern = g_strconcat ("*", (*f)->suffixes[i], NULL);

            gtk_file_filter_add_pattern (known, pattern);
          }
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), known);
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_add_files_clicked (HearsayImportDialog *self)
{
  choose (self, GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
on_add_folder_clicked (HearsayImportDialog *self)
{
  choose (self, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

/* Running */

static void
on_progress (guint       done,
             guint       total,
             const char *current_path,
             gpointer    user_data)
{
  HearsayImportDialog *self = user_data;
  g_autofree char *text = NULL;

  if (self->disposed || self->job == NULL)
    return;
  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  if (current_path != NULL)
    {
      g_autofree char *name = g_path_get_basename (current_path);

      /* Translators: progress of an import, e.g. “File 3 of 120: article.html” */
      text = g_strdup_printf (_("File %u of %u: %s"), MIN (done + 1, total), total, name);
    }
  else
    text = g_strdup (_("Saving…"));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
forward_progress (guint       done,
                  guint       total,
                  const char *current_path,
                  gpointer    user_data)
{
  hearsay_transfer_report_progress (user_data, done, total, current_path);
}

static gboolean
import_work (HearsayTransfer *transfer,
             HearsayProject  *project,
             gpointer         work_data,
             GCancellable    *cancellable,
             GError         **error)
{
  ImportJob *job = work_data;

  job->options.format = job->format;
  return hearsay_import_paths (project, (const char * const *) job->paths, &job->options,
                               forward_progress, transfer, cancellable, &job->report, error);
}

static void
show_result (HearsayImportDialog *self,
             const char          *message,
             const char          *details,
             gboolean             failed)
{
  self->failed = failed;
  gtk_label_set_text (self->result_label, message);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->details_view),
                            details != NULL ? details : "", -1);
  gtk_widget_set_visible (self->details_scroll, details != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->others_button), FALSE);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->result_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "error");
  gtk_stack_set_visible_child_name (self->stack, "result");
  update_buttons (self);
  /* Not the selectable label: focus would select all of its text. */
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
}

static char *
summary_details (const HearsayImportReport *report)
{
  GString *text = g_string_new (NULL);
  guint n_documents = report->documents != NULL ? report->documents->len : 0;
  guint n_mismatches = report->quote_mismatches != NULL ? report->quote_mismatches->len : 0;

  g_string_append_printf (text, _("Documents: %u\n"), n_documents);
  g_string_append_printf (text, _("Annotations: %u\n"), report->n_annotations);
  g_string_append_printf (text, _("Relations: %u\n"), report->n_relations);
  g_string_append_printf (text, _("Boilerplate marks: %u\n"), report->n_boilerplate);
  g_string_append_printf (text, _("Quote mismatches (skipped): %u\n"), n_mismatches);
  for (guint i = 0; i < n_mismatches; i++)
    g_string_append_printf (text, "  %s\n", (const char *) g_ptr_array_index (report->quote_mismatches, i));
  if (report->skipped != NULL && report->skipped->len > 0)
    {
      g_string_append_printf (text, _("Left out: %u\n"), report->skipped->len);
      for (guint i = 0; i < report->skipped->len; i++)
        g_string_append_printf (text, "  %s\n", (const char *) g_ptr_array_index (report->skipped, i));
    }
  if (report->notes != NULL && report->notes->len > 0)
    {
      g_string_append (text, _("How the files were read:\n"));
      for (guint i = 0; i < report->notes->len; i++)
        g_string_append_printf (text, "  %s\n", (const char *) g_ptr_array_index (report->notes, i));
    }
  return g_string_free (text, FALSE);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HearsayImportDialog) self = user_data;
  g_autoptr(ImportJob) job = g_steal_pointer (&self->job);
  g_autoptr(GError) error = NULL;
  g_autofree char *scheme_json = NULL;
  gboolean ok = hearsay_transfer_finish (result, &scheme_json, &error);
  gint64 first_id = 0;

  g_clear_object (&self->cancellable);
  if (ok)
    {
      if (self->project != NULL)
        hearsay_transfer_refresh_project (self->project, scheme_json);
      if (job->report.documents != NULL && job->report.documents->len > 0)
        first_id = hearsay_document_get_id (g_ptr_array_index (job->report.documents, 0));
    }
  if (self->disposed)
    return;
  if (ok)
    {
      guint n = job->report.documents != NULL ? job->report.documents->len : 0;
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u document.",
                                                               "Imported %u documents.", n), n);
      g_autofree char *details = summary_details (&job->report);

      show_result (self, message, details, FALSE);
      g_signal_emit (self, signals[IMPORTED], 0, first_id);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_result (self, _("Import cancelled: nothing was imported."), NULL, TRUE);
  else if (g_error_matches (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_SOME_UNREADABLE))
    {
      /* The first line counts them; the list can be long, so it scrolls. */
      const char *list = strchr (error->message, '\n');
      g_autofree char *first = g_strndup (error->message, list != NULL ? list - error->message : -1);

      show_result (self, first, list != NULL ? list + 1 : NULL, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->others_button), TRUE);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Nothing was imported.\n\n%s"), error->message);

      show_result (self, message, NULL, TRUE);
    }
  if (self->close_when_done)
    gtk_window_close (GTK_WINDOW (self));
}

gboolean
hearsay_import_dialog_start (HearsayImportDialog *self)
{
  ImportJob *job;
  const char *encoding;

  g_return_val_if_fail (HEARSAY_IS_IMPORT_DIALOG (self), FALSE);

  if (self->job != NULL || self->paths->len == 0 || self->project == NULL)
    return FALSE;
  job = g_new0 (ImportJob, 1);
  job->format = g_strdup (selected_format (self));
  job->paths = g_new0 (char *, self->paths->len + 1);
  for (guint i = 0; i < self->paths->len; i++)
    job->paths[i] = g_strdup (g_ptr_array_index (self->paths, i));
  encoding = gtk_editable_get_text (GTK_EDITABLE (self->encoding_entry));
  job->encoding = g_strstrip (g_strdup (encoding != NULL ? encoding : ""));
  job->options.encoding = job->encoding[0] != '\0' ? job->encoding : NULL;
  job->options.end_inclusive = gtk_check_button_get_active (self->end_inclusive_check);
  job->options.no_boilerplate = !gtk_check_button_get_active (self->boilerplate_check);
  job->options.strict_quotes = gtk_check_button_get_active (self->strict_check);
  job->options.skip_unreadable = gtk_check_button_get_active (self->skip_check);
  hearsay_import_report_init (&job->report);

  self->job = job;
  self->failed = FALSE;
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "running");
  update_buttons (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
  /* The job belongs to the dialog (freed in on_import_done), so the
   * report can be read there. */
  hearsay_transfer_run (hearsay_project_get_path (self->project), import_work, job, NULL,
                        on_progress, G_OBJECT (self), self->cancellable,
                        on_import_done, g_object_ref (self));
  return TRUE;
}

void
hearsay_import_dialog_cancel (HearsayImportDialog *self)
{
  g_return_if_fail (HEARSAY_IS_IMPORT_DIALOG (self));

  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  if (!self->disposed)
    {
      gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
    }
}

gboolean
hearsay_import_dialog_is_running (HearsayImportDialog *self)
{
  g_return_val_if_fail (HEARSAY_IS_IMPORT_DIALOG (self), FALSE);
  return self->job != NULL;
}

const char *
hearsay_import_dialog_get_progress_text (HearsayImportDialog *self)
{
  g_return_val_if_fail (HEARSAY_IS_IMPORT_DIALOG (self), NULL);
  return gtk_progress_bar_get_text (self->progress_bar);
}

const char *
hearsay_import_dialog_get_result (HearsayImportDialog  *self,
                                  char                **details)
{
  g_return_val_if_fail (HEARSAY_IS_IMPORT_DIALOG (self), NULL);
  return hearsay_transfer_read_result (self->stack, self->result_label, self->details_view, details);
}

static void
on_import_clicked (HearsayImportDialog *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "result") == 0)
    {
      /* “Back” after a failure: the choices are still there. */
      gtk_stack_set_visible_child_name (self->stack, "setup");
      update_buttons (self);
      return;
    }
  hearsay_import_dialog_start (self);
}

/* After a refusal that named the unreadable files: the same import, with
 * those files left out and listed. */
static void
on_others_clicked (HearsayImportDialog *self)
{
  gtk_check_button_set_active (self->skip_check, TRUE);
  hearsay_import_dialog_start (self);
}

static void
on_close_clicked (HearsayImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_cancel_clicked (HearsayImportDialog *self)
{
  hearsay_import_dialog_cancel (self);
}

static gboolean
hearsay_import_dialog_close_request (GtkWindow *window)
{
  HearsayImportDialog *self = HEARSAY_IMPORT_DIALOG (window);

  /* Closing while an import runs cancels it; the window goes once it has
   * rolled back. */
  if (self->job != NULL)
    {
      self->close_when_done = TRUE;
      hearsay_import_dialog_cancel (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (hearsay_import_dialog_parent_class)->close_request (window);
}

static void
hearsay_import_dialog_dispose (GObject *object)
{
  HearsayImportDialog *self = HEARSAY_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->disposed = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (hearsay_import_dialog_parent_class)->dispose (object);
}

static void
hearsay_import_dialog_finalize (GObject *object)
{
  HearsayImportDialog *self = HEARSAY_IMPORT_DIALOG (object);

  g_clear_object (&self->project);
  g_clear_object (&self->cancellable);
  g_ptr_array_unref (self->paths);
  G_OBJECT_CLASS (hearsay_import_dialog_parent_class)->finalize (object);
}

static void
hearsay_import_dialog_class_init (HearsayImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hearsay_import_dialog_dispose;
  object_class->finalize = hearsay_import_dialog_finalize;
  window_class->close_request = hearsay_import_dialog_close_request;

  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/dialogs/hearsay-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, format_description);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, path_list);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, encoding_box);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, encoding_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, end_inclusive_check);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, boilerplate_check);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, strict_check);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, skip_check);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, others_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, details_scroll);
  gtk_widget_class_bind_template_child (widget_class, HearsayImportDialog, details_view);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_files_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_folder_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_others_clicked);
}

static void
hearsay_import_dialog_init (HearsayImportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *placeholder;

  self->paths = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < n_choices (); i++)
    gtk_string_list_append (names, _(i == 0 ? DETECT_NAME : choice (i)->label));
  gtk_drop_down_set_model (self->format_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->format_dropdown, 0);
  on_format_changed (self);

  placeholder = gtk_label_new (_("No files chosen yet: add files, or a folder to import everything in it."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->path_list, placeholder);

  hearsay_dialog_add_close_shortcut (GTK_WINDOW (self));
  update_buttons (self);
}

HearsayImportDialog *
hearsay_import_dialog_new (GtkWindow      *parent,
                           HearsayProject *project)
{
  HearsayImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEARSAY_IS_PROJECT (project), NULL);

  self = g_object_new (HEARSAY_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  return self;
}
