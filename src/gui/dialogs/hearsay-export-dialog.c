/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-dialog.c: the Export dialog. The export runs on a worker
 * thread with a connection of its own (hearsay-transfer-task.c). */
#include "config.h"

#include <glib/gi18n.h>

#include "hearsay-dialog-util.h"
#include "hearsay-export-dialog.h"
#include "hearsay-transfer-task.h"

static const struct {
  HearsayExportFormat format;
  const char *name;
  const char *description;
  const char *extension;  /* NULL: a folder */
} formats[] = {
  { HEARSAY_EXPORT_JSONL, N_("Hearsay JSON Lines"),
    N_("Everything, one JSON object a line; imports back without loss."), ".jsonl" },
  { HEARSAY_EXPORT_CSV, N_("CSV table"), N_("One row per annotation, for spreadsheets."), ".csv" },
  { HEARSAY_EXPORT_BRAT, N_("brat standoff (folder)"),
    N_("A folder of .txt and .ann pairs with annotation.conf, for brat and INCEpTION."), NULL },
  { HEARSAY_EXPORT_W3C, N_("W3C Web Annotation"),
    N_("A JSON-LD annotation collection with position and quote selectors."), ".jsonld" },
  { HEARSAY_EXPORT_SEMEVAL, N_("SemEval spans (folder)"),
    N_("A folder of technique span files and article texts."), NULL },
  { HEARSAY_EXPORT_TEI, N_("TEI P5 XML"), N_("The texts with their spans as TEI standoff markup."), ".xml" },
  { HEARSAY_EXPORT_QDPX, N_("REFI-QDA project (.qdpx)"),
    N_("Sources and codings for QualCoder, NVivo, ATLAS.ti and MAXQDA."), ".qdpx" },
  { HEARSAY_EXPORT_QDC, N_("REFI-QDA codebook (.qdc)"), N_("The labels only, as a codebook."), ".qdc" },
  { HEARSAY_EXPORT_CONLL, N_("CoNLL BIO tokens (lossy)"),
    N_("Token-level BIO tags; lossy: overlapping spans are left out and listed."), ".conll" },
  { HEARSAY_EXPORT_WEBANNO_TSV, N_("WebAnno TSV 3.3 (folder, INCEpTION)"),
    N_("One TSV file per document and annotator, for INCEpTION and WebAnno; UTF-16 offsets."), NULL },
  { HEARSAY_EXPORT_XMI, N_("UIMA CAS XMI (folder, INCEpTION)"),
    N_("One XMI file per document and annotator with TypeSystem.xml, for INCEpTION and UIMA tools."), NULL },
  { HEARSAY_EXPORT_DOCCANO, N_("doccano JSONL"),
    N_("doccano's sequence-labelling export: text and [start, end, label] spans, in UTF-16 units."), ".jsonl" },
  { HEARSAY_EXPORT_DOCCANO_RELATIONS, N_("doccano JSONL with relations"),
    N_("doccano's relation-extraction export: entities and relations, in UTF-16 units."), ".jsonl" },
  { HEARSAY_EXPORT_LABELSTUDIO, N_("Label Studio JSON"),
    N_("Label Studio tasks: the text, labelled regions with choices and notes, relations, per annotator."),
    ".json" },
};

typedef struct
{
  HearsayExportFormat format;
  HearsayExportOptions options;
  gint64 document_id;
  char *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->options.warnings, g_ptr_array_unref);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

struct _HearsayExportDialog
{
  GtkWindow parent_instance;

  HearsayProject *project;
  gint64 current_document_id;
  GCancellable *cancellable;
  ExportJob *job;           /* while running */
  guint pulse_id;
  gboolean close_when_done;
  gboolean disposed;
  gboolean failed;
  guint shown_format;       /* the format whose own unit the offsets show */

  GtkButton *close_button;
  GtkButton *export_button;
  GtkStack *stack;
  GtkDropDown *format_dropdown;
  GtkLabel *format_description;
  GtkDropDown *scope_dropdown;
  GtkDropDown *offsets_dropdown;
  GtkDropDown *newlines_dropdown;
  GtkCheckButton *boilerplate_check;
  GtkCheckButton *end_inclusive_check;
  GtkProgressBar *progress_bar;
  GtkButton *cancel_button;
  GtkLabel *result_label;
  GtkWidget *details_scroll;
  GtkTextView *details_view;
};

G_DEFINE_FINAL_TYPE (HearsayExportDialog, hearsay_export_dialog, GTK_TYPE_WINDOW)

static guint
selected_index (HearsayExportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->format_dropdown);

  return i < G_N_ELEMENTS (formats) ? i : 0;
}

static void
update_buttons (HearsayExportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), self->job == NULL);
  if (g_strcmp0 (page, "setup") == 0)
    {
      gtk_button_set_label (self->export_button, _("_Export…"));
      gtk_widget_set_visible (GTK_WIDGET (self->export_button), TRUE);
    }
  else if (g_strcmp0 (page, "result") == 0 && self->failed)
    {
      gtk_button_set_label (self->export_button, _("_Back"));
      gtk_widget_set_visible (GTK_WIDGET (self->export_button), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->export_button), FALSE);
}

static void
on_options_changed (HearsayExportDialog *self)
{
  guint i = selected_index (self);
  HearsayExportFormat format = formats[i].format;
  /* The codebook holds no text, so offsets and line breaks mean nothing. */
  /* INCEpTION's formats count UTF-16 units and nothing else. */
  gboolean has_offsets = format != HEARSAY_EXPORT_QDC && format != HEARSAY_EXPORT_CONLL &&
                         format != HEARSAY_EXPORT_WEBANNO_TSV && format != HEARSAY_EXPORT_XMI;

  /* A newly chosen format shows its own unit: doccano's UI counts UTF-16. */
  if (i != self->shown_format)
    {
      gboolean doccano = format == HEARSAY_EXPORT_DOCCANO || format == HEARSAY_EXPORT_DOCCANO_RELATIONS;

      self->shown_format = i;
      gtk_drop_down_set_selected (self->offsets_dropdown, doccano ? HEARSAY_OFFSET_UTF16 : HEARSAY_OFFSET_CODEPOINT);
    }
  gtk_label_set_text (self->format_description, _(formats[i].description));
  gtk_widget_set_visible (GTK_WIDGET (self->end_inclusive_check), format == HEARSAY_EXPORT_SEMEVAL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->offsets_dropdown), has_offsets);
  gtk_widget_set_sensitive (GTK_WIDGET (self->boilerplate_check), format != HEARSAY_EXPORT_QDC);
}

gboolean
hearsay_export_dialog_set_format (HearsayExportDialog *self,
                                  const char          *name)
{
  HearsayExportFormat format;

  g_return_val_if_fail (HEARSAY_IS_EXPORT_DIALOG (self), FALSE);

  if (name == NULL || !hearsay_export_format_from_string (name, &format))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      {
        gtk_drop_down_set_selected (self->format_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
hearsay_export_dialog_set_offset_unit (HearsayExportDialog *self,
                                       HearsayOffsetUnit    unit)
{
  g_return_if_fail (HEARSAY_IS_EXPORT_DIALOG (self));
  gtk_drop_down_set_selected (self->offsets_dropdown, (guint) unit);
}

void
hearsay_export_dialog_set_newlines (HearsayExportDialog *self,
                                    HearsayNewlines      newlines)
{
  g_return_if_fail (HEARSAY_IS_EXPORT_DIALOG (self));
  gtk_drop_down_set_selected (self->newlines_dropdown, (guint) newlines);
}

void
hearsay_export_dialog_set_exclude_boilerplate (HearsayExportDialog *self,
                                               gboolean             exclude)
{
  g_return_if_fail (HEARSAY_IS_EXPORT_DIALOG (self));
  gtk_check_button_set_active (self->boilerplate_check, exclude);
}

void
hearsay_export_dialog_set_current_only (HearsayExportDialog *self,
                                        gboolean             current_only)
{
  g_return_if_fail (HEARSAY_IS_EXPORT_DIALOG (self));
  if (self->current_document_id > 0)
    gtk_drop_down_set_selected (self->scope_dropdown, current_only ? 1 : 0);
}

char *
hearsay_export_dialog_dup_suggested_name (HearsayExportDialog *self)
{
  g_autofree char *name = NULL;
  const char *extension;

  g_return_val_if_fail (HEARSAY_IS_EXPORT_DIALOG (self), NULL);

  name = self->project != NULL ? hearsay_project_dup_name (self->project) : g_strdup ("hearsay");
  extension = formats[selected_index (self)].extension;
  if (extension == NULL)
    /* Translators: the proposed folder name of a brat or SemEval export of project %s */
    return g_strdup_printf (_("%s (%s)"), name,
                            hearsay_export_format_to_string (formats[selected_index (self)].format));
  return g_strconcat (name, extension, NULL);
}

/* Running */

static gboolean
pulse (gpointer data)
{
  HearsayExportDialog *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static gboolean
export_work (HearsayTransfer *transfer,
             HearsayProject  *project,
             gpointer         work_data,
             GCancellable    *cancellable,
             GError         **error)
{
  ExportJob *job = work_data;

  return hearsay_export_project_to_path (project, job->format, &job->options, job->path,
                                         cancellable, error);
}

static void
show_result (HearsayExportDialog *self,
             const char          *message,
             const char          *details,
             gboolean             failed)
{
  self->failed = failed;
  gtk_label_set_text (self->result_label, message);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->details_view),
                            details != NULL ? details : "", -1);
  gtk_widget_set_visible (self->details_scroll, details != NULL);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->result_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "error");
  gtk_stack_set_visible_child_name (self->stack, "result");
  update_buttons (self);
  /* Not the selectable label: focus would select all of its text. */
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HearsayExportDialog) self = user_data;
  g_autoptr(ExportJob) job = g_steal_pointer (&self->job);
  g_autoptr(GError) error = NULL;
  gboolean ok = hearsay_transfer_finish (result, NULL, &error);

  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->disposed)
    return;
  if (ok)
    {
      g_autofree char *message = g_strdup_printf (_("Exported to %s"), job->path);
      g_autoptr(GString) details = NULL;
      GPtrArray *warnings = job->options.warnings;

      if (warnings != NULL && warnings->len > 0)
        {
          details = g_string_new (NULL);
          g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE,
                                                        "%u annotation could not be carried:\n",
                                                        "%u annotations could not be carried:\n",
                                                        warnings->len), warnings->len);
          for (guint i = 0; i < warnings->len; i++)
            g_string_append_printf (details, "  %s\n", (const char *) g_ptr_array_index (warnings, i));
        }
      show_result (self, message, details != NULL ? details->str : NULL, FALSE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_result (self, _("Export cancelled: nothing was written."), NULL, TRUE);
  else
    {
      g_autofree char *message = g_strdup_printf (_("Could not export.\n\n%s"), error->message);

      show_result (self, message, NULL, TRUE);
    }
  if (self->close_when_done)
    gtk_window_close (GTK_WINDOW (self));
}

gboolean
hearsay_export_dialog_export_to_path (HearsayExportDialog *self,
                                      const char          *path)
{
  ExportJob *job;

  g_return_val_if_fail (HEARSAY_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->job != NULL || self->project == NULL)
    return FALSE;
  job = g_new0 (ExportJob, 1);
  job->format = formats[selected_index (self)].format;
  job->path = g_strdup (path);
  job->options.offset_unit = (HearsayOffsetUnit) gtk_drop_down_get_selected (self->offsets_dropdown);
  /* The dropdown always names a unit (it shows each format's own first). */
  job->options.offsets_given = TRUE;
  job->options.newlines = (HearsayNewlines) gtk_drop_down_get_selected (self->newlines_dropdown);
  job->options.exclude_boilerplate = gtk_check_button_get_active (self->boilerplate_check);
  job->options.end_inclusive = job->format == HEARSAY_EXPORT_SEMEVAL &&
                               gtk_check_button_get_active (self->end_inclusive_check);
  job->options.warnings = g_ptr_array_new_with_free_func (g_free);
  if (self->current_document_id > 0 && gtk_drop_down_get_selected (self->scope_dropdown) == 1)
    {
      job->document_id = self->current_document_id;
      job->options.document_ids = &job->document_id;
      job->options.n_document_ids = 1;
    }

  self->job = job;
  self->failed = FALSE;
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, path);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "running");
  update_buttons (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
  self->pulse_id = g_timeout_add (100, pulse, self);
  /* The job belongs to the dialog (freed in on_export_done). */
  hearsay_transfer_run (hearsay_project_get_path (self->project), export_work, job, NULL,
                        NULL, NULL, self->cancellable, on_export_done, g_object_ref (self));
  return TRUE;
}

void
hearsay_export_dialog_cancel (HearsayExportDialog *self)
{
  g_return_if_fail (HEARSAY_IS_EXPORT_DIALOG (self));

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
hearsay_export_dialog_is_running (HearsayExportDialog *self)
{
  g_return_val_if_fail (HEARSAY_IS_EXPORT_DIALOG (self), FALSE);
  return self->job != NULL;
}

const char *
hearsay_export_dialog_get_result (HearsayExportDialog  *self,
                                  char                **details)
{
  g_return_val_if_fail (HEARSAY_IS_EXPORT_DIALOG (self), NULL);
  return hearsay_transfer_read_result (self->stack, self->result_label, self->details_view, details);
}

/* Choosing where */

static void
on_chooser_response (GtkNativeDialog     *chooser,
                     int                  response,
                     HearsayExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    hearsay_export_dialog_export_to_path (self, path);
}

static void
on_export_clicked (HearsayExportDialog *self)
{
  GtkFileChooserNative *chooser;
  const char *extension;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "result") == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "setup");
      update_buttons (self);
      return;
    }
  if (self->job != NULL)
    return;
  extension = formats[selected_index (self)].extension;
  if (extension == NULL)
    /* brat and SemEval write a folder: an empty one, or an earlier export. */
    chooser = gtk_file_chooser_native_new (_("Export to an Empty Folder"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                           _("_Export"), _("_Cancel"));
  else
    {
      g_autofree char *name = hearsay_export_dialog_dup_suggested_name (self);
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strconcat ("*", extension, NULL);

      chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SAVE,
                                             _("_Export"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
      gtk_file_filter_set_name (filter, _(formats[selected_index (self)].name));
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_close_clicked (HearsayExportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_cancel_clicked (HearsayExportDialog *self)
{
  hearsay_export_dialog_cancel (self);
}

static gboolean
hearsay_export_dialog_close_request (GtkWindow *window)
{
  HearsayExportDialog *self = HEARSAY_EXPORT_DIALOG (window);

  if (self->job != NULL)
    {
      self->close_when_done = TRUE;
      hearsay_export_dialog_cancel (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (hearsay_export_dialog_parent_class)->close_request (window);
}

static void
hearsay_export_dialog_dispose (GObject *object)
{
  HearsayExportDialog *self = HEARSAY_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  self->disposed = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (hearsay_export_dialog_parent_class)->dispose (object);
}

static void
hearsay_export_dialog_finalize (GObject *object)
{
  HearsayExportDialog *self = HEARSAY_EXPORT_DIALOG (object);

  g_clear_object (&self->project);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (hearsay_export_dialog_parent_class)->finalize (object);
}

static void
hearsay_export_dialog_class_init (HearsayExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hearsay_export_dialog_dispose;
  object_class->finalize = hearsay_export_dialog_finalize;
  window_class->close_request = hearsay_export_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/dialogs/hearsay-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayExportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HearsayExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearsayExportDialog, format_description);
  gtk_widget_class_bind_template_child (widget_class, HearsayExportDialog, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearsayExportDialog, offsets_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearsayExportDialog, newlines_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearsayExportDialog, boilerplate_check);
  gtk_widget_class_bind_template_child (widget_class, HearsayExportDialog, end_inclusive_check);
  gtk_widget_class_bind_template_child (widget_class, HearsayExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HearsayExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayExportDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayExportDialog, details_scroll);
  gtk_widget_class_bind_template_child (widget_class, HearsayExportDialog, details_view);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
}

static void
set_strings (GtkDropDown        *dropdown,
             const char * const *strings,
             guint               n)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, _(strings[i]));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, 0);
}

static void
hearsay_export_dialog_init (HearsayExportDialog *self)
{
  /* In the order of HearsayOffsetUnit and HearsayNewlines. */
  static const char *offsets[] = {
    N_("Code points (Unicode characters; Python)"),
    N_("UTF-16 code units (JavaScript, Java, .NET)"),
    N_("UTF-8 bytes"),
  };
  static const char *newlines[] = {
    N_("As stored"),
    N_("Windows line breaks (CRLF) as LF"),
  };
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    gtk_string_list_append (names, _(formats[i].name));
  gtk_drop_down_set_model (self->format_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->format_dropdown, 0);
  set_strings (self->offsets_dropdown, offsets, G_N_ELEMENTS (offsets));
  set_strings (self->newlines_dropdown, newlines, G_N_ELEMENTS (newlines));
  on_options_changed (self);
  hearsay_dialog_add_close_shortcut (GTK_WINDOW (self));
  update_buttons (self);
}

HearsayExportDialog *
hearsay_export_dialog_new (GtkWindow      *parent,
                           HearsayProject *project,
                           gint64          current_document_id)
{
  HearsayExportDialog *self;
  const char *scope[] = { N_("All documents"), N_("The current document") };

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEARSAY_IS_PROJECT (project), NULL);

  self = g_object_new (HEARSAY_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->current_document_id = current_document_id;
  set_strings (self->scope_dropdown, scope, current_document_id > 0 ? 2 : 1);
  return self;
}
