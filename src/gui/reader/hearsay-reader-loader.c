/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader-loader.c: reading a large document's annotations off the
 * main thread. Listing 100,000 annotations, even as lean spans, takes the
 * core longer than a main loop may stall, so a document with more than
 * ASYNC_THRESHOLD of them is read on a second, read-only connection to the
 * project file (SQLite WAL lets it read beside the GUI's connection) in a
 * worker thread, which also sorts the overlay. The main thread then swaps
 * the results in and highlights them in idle chunks. Edits that arrive
 * meanwhile make the load start over. */
#include "config.h"

#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "hearsay-reader-private.h"

#define ASYNC_THRESHOLD 20000

typedef struct
{
  char *path;
  gint64 document_id;
  guint generation;
  GHashTable *annotations;   /* HearsayReaderEntry set, like the reader's */
  HearsayOverlay *overlay;   /* only its spans are used */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->annotations, g_hash_table_unref);
  g_clear_pointer (&data->overlay, hearsay_overlay_free);
  g_free (data);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GArray) rows = NULL;
  GError *error = NULL;

  project = hearsay_project_open (data->path, HEARSAY_PROJECT_OPEN_READ_ONLY, &error);
  if (project == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The lean listing: id, label and offsets per fragment, no quotes. */
  rows = hearsay_project_list_spans (project, data->document_id, &error);
  hearsay_project_close (project);
  if (rows == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  data->overlay = hearsay_overlay_new ();
  hearsay_overlay_load (data->overlay, rows);
  g_clear_pointer (&rows, g_array_unref);
  data->annotations = hearsay_reader_entries_new ();
  hearsay_reader_entries_fill (data->annotations, data->overlay);
#ifdef __GLIBC__
  /* The rows and SQLite's page cache are gone; give their pages back. */
  malloc_trim (0);
#endif
  g_task_return_boolean (task, TRUE);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  HearsayReader *self = HEARSAY_READER (source);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load the annotations: %s", error->message);
      if (data->generation == self->load_generation)
        self->loading = FALSE;
      return;
    }
  /* A newer load (another document) has taken over. */
  if (data->generation != self->load_generation)
    return;
  self->loading = FALSE;
  g_clear_object (&self->load_cancellable);
  if (self->load_stale)
    {
      /* Edited while loading: read it again, in place. */
      self->keep_scroll = TRUE;
      hearsay_reader_highlights_load (self);
      self->keep_scroll = FALSE;
      return;
    }
  g_hash_table_unref (self->annotations);
  self->annotations = g_steal_pointer (&data->annotations);
  hearsay_overlay_swap_spans (self->overlay, data->overlay);
  /* The view is laid out by now: start from what it shows. */
  self->keep_scroll = TRUE;
  hearsay_reader_highlights_start (self);
  self->keep_scroll = FALSE;
  if (self->pending_select != 0)
    {
      gint64 id = self->pending_select;

      self->pending_select = 0;
      hearsay_reader_select_annotation (self, id, self->pending_scroll);
    }
}

void
hearsay_reader_loader_cancel (HearsayReader *self)
{
  self->load_generation++;
  self->loading = FALSE;
  self->load_stale = FALSE;
  self->pending_select = 0;
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
}

gboolean
hearsay_reader_loader_start (HearsayReader *self)
{
  g_autoptr(GTask) task = NULL;
  const char *path;
  LoadData *data;

  hearsay_reader_loader_cancel (self);
  path = hearsay_project_get_path (self->project);
  if (path == NULL || hearsay_document_get_n_annotations (self->document) <= ASYNC_THRESHOLD)
    return FALSE;

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (path);
  data->document_id = hearsay_document_get_id (self->document);
  data->generation = self->load_generation;
  self->load_cancellable = g_cancellable_new ();
  self->loading = TRUE;
  task = g_task_new (self, self->load_cancellable, on_loaded, NULL);
  g_task_set_source_tag (task, hearsay_reader_loader_start);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_in_thread);
  return TRUE;
}
