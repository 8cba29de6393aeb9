/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-transfer-task.h: runs an import or an export on a worker thread,
 * on a connection of its own to the project file (SQLite connections are
 * not shared between threads), forwarding progress to the main thread. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-project.h"

G_BEGIN_DECLS

typedef struct _HearsayTransfer HearsayTransfer;

/* Called in the main thread: @done of @total finished, @current_path the
 * file under way (NULL at the end). */
typedef void     (*HearsayTransferProgressFunc) (guint       done,
                                                 guint       total,
                                                 const char *current_path,
                                                 gpointer    user_data);
/* Runs in the worker thread on @project, a connection of its own. */
typedef gboolean (*HearsayTransferWorkFunc)     (HearsayTransfer *transfer,
                                                 HearsayProject  *project,
                                                 gpointer         work_data,
                                                 GCancellable    *cancellable,
                                                 GError         **error);

/* From the worker: hands progress to the main thread. */
void      hearsay_transfer_report_progress (HearsayTransfer             *transfer,
                                            guint                        done,
                                            guint                        total,
                                            const char                  *current_path);

/* Opens @project_path again in a worker thread and runs @work there.
 * @progress_object (a GObject, kept alive until the end) receives @progress
 * calls in the main thread. @callback runs in the main thread. */
void      hearsay_transfer_run             (const char                  *project_path,
                                            HearsayTransferWorkFunc      work,
                                            gpointer                     work_data,
                                            GDestroyNotify               work_data_free,
                                            HearsayTransferProgressFunc  progress,
                                            GObject                     *progress_object,
                                            GCancellable                *cancellable,
                                            GAsyncReadyCallback          callback,
                                            gpointer                     user_data);
/* The JSON of the scheme the worker left (for refreshing the window's
 * connection) is returned in @scheme_json when not NULL. */
gboolean  hearsay_transfer_finish          (GAsyncResult                *result,
                                            char                       **scheme_json,
                                            GError                     **error);
/* Brings @project (the main thread's connection) up to date after a
 * transfer wrote to the file: the scheme and the document list. */
void      hearsay_transfer_refresh_project (HearsayProject              *project,
                                            const char                  *scheme_json);

/* What a transfer dialog's result page says: its headline (NULL while the
 * page is not shown) and, in @details, the text below it. */
const char *hearsay_transfer_read_result (GtkStack     *stack,
                                          GtkLabel     *result_label,
                                          GtkTextView  *details_view,
                                          char        **details);

G_END_DECLS
