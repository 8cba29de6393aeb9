/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-transfer-task.c: the worker thread behind the import and export
 * dialogs. */
#include "config.h"

#include "hearsay-project.h"
#include "hearsay-transfer-task.h"

struct _HearsayTransfer
{
  char *project_path;
  HearsayTransferWorkFunc work;
  gpointer work_data;
  GDestroyNotify work_data_free;
  HearsayTransferProgressFunc progress;
  GObject *progress_object;
  GMainContext *context;
  char *scheme_json;  /* out */
};

static void
transfer_free (HearsayTransfer *transfer)
{
  if (transfer->work_data_free != NULL)
    transfer->work_data_free (transfer->work_data);
  g_clear_object (&transfer->progress_object);
  g_main_context_unref (transfer->context);
  g_free (transfer->project_path);
  g_free (transfer->scheme_json);
  g_free (transfer);
}

typedef struct
{
  HearsayTransferProgressFunc progress;
  GObject *object;
  guint done;
  guint total;
  char *path;
} ProgressCall;

static gboolean
progress_dispatch (gpointer data)
{
  ProgressCall *call = data;

  call->progress (call->done, call->total, call->path, call->object);
  return G_SOURCE_REMOVE;
}

static void
progress_call_free (gpointer data)
{
  ProgressCall *call = data;

  g_object_unref (call->object);
  g_free (call->path);
  g_free (call);
}

void
hearsay_transfer_report_progress (HearsayTransfer *transfer,
                                  guint            done,
                                  guint            total,
                                  const char      *current_path)
{
  ProgressCall *call;

  if (transfer->progress == NULL || transfer->progress_object == NULL)
    return;
  call = g_new0 (ProgressCall, 1);
  call->progress = transfer->progress;
  call->object = g_object_ref (transfer->progress_object);
  call->done = done;
  call->total = total;
  call->path = g_strdup (current_path);
  g_main_context_invoke_full (transfer->context, G_PRIORITY_DEFAULT,
                              progress_dispatch, call, progress_call_free);
}

static void
transfer_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  HearsayTransfer *transfer = task_data;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  project = hearsay_project_open (transfer->project_path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  if (project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ok = transfer->work (transfer, project, transfer->work_data, cancellable, &error);
  if (ok)
    transfer->scheme_json = hearsay_scheme_to_json (hearsay_project_get_scheme (project));
  hearsay_project_close (project);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
hearsay_transfer_run (const char                  *project_path,
                      HearsayTransferWorkFunc      work,
                      gpointer                     work_data,
                      GDestroyNotify               work_data_free,
                      HearsayTransferProgressFunc  progress,
                      GObject                     *progress_object,
                      GCancellable                *cancellable,
                      GAsyncReadyCallback          callback,
                      gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  HearsayTransfer *transfer = g_new0 (HearsayTransfer, 1);

  transfer->project_path = g_strdup (project_path);
  transfer->work = work;
  transfer->work_data = work_data;
  transfer->work_data_free = work_data_free;
  transfer->progress = progress;
  transfer->progress_object = progress_object != NULL ? g_object_ref (progress_object) : NULL;
  transfer->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hearsay_transfer_run);
  /* The work itself decides how to stop: an import rolls back. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, transfer, (GDestroyNotify) transfer_free);
  g_task_run_in_thread (task, transfer_thread);
}

gboolean
hearsay_transfer_finish (GAsyncResult  *result,
                         char         **scheme_json,
                         GError       **error)
{
  HearsayTransfer *transfer;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  transfer = g_task_get_task_data (G_TASK (result));
  if (scheme_json != NULL)
    *scheme_json = g_steal_pointer (&transfer->scheme_json);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hearsay_transfer_refresh_project (HearsayProject *project,
                                  const char     *scheme_json)
{
  g_autofree char *current = NULL;

  g_return_if_fail (HEARSAY_IS_PROJECT (project));

  if (scheme_json != NULL)
    {
      current = hearsay_scheme_to_json (hearsay_project_get_scheme (project));
      if (g_strcmp0 (current, scheme_json) != 0)
        {
          g_autoptr(HearsayScheme) scheme = hearsay_scheme_new_from_json (scheme_json, -1, NULL);
          g_autoptr(GError) error = NULL;

          /* The same scheme written again, so this connection holds it too. */
          if (scheme != NULL && !hearsay_project_set_scheme (project, scheme, &error))
            g_warning ("Could not reload the scheme: %s", error->message);
        }
    }
  hearsay_project_emit_documents_changed (project);
}

const char *
hearsay_transfer_read_result (GtkStack     *stack,
                              GtkLabel     *result_label,
                              GtkTextView  *details_view,
                              char        **details)
{
  gboolean shown = g_strcmp0 (gtk_stack_get_visible_child_name (stack), "result") == 0;

  if (details != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (details_view);
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      *details = shown ? gtk_text_buffer_get_text (buffer, &start, &end, FALSE) : NULL;
    }
  return shown ? gtk_label_get_text (result_label) : NULL;
}
