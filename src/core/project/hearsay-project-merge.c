/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-merge.c: merging coders' copies back — every check on
 * every file first (nothing is written while one could still fail), then
 * all the writes in one transaction (hearsay-project-merge-apply.c). */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-merge-private.h"

static void
merge_file_free (HearsayMergeFile *file)
{
  g_free (file->path);
  g_free (file->coder);
  g_ptr_array_unref (file->notes);
  g_free (file);
}

void
hearsay_merge_report_free (HearsayMergeReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->files);
  g_free (report);
}

void
hearsay_merge_source_free (HearsayMergeSource *source)
{
  if (source == NULL)
    return;
  g_clear_object (&source->copy);
  g_clear_object (&source->copy_coder);
  g_clear_pointer (&source->documents, g_hash_table_unref);
  g_clear_pointer (&source->covered, g_hash_table_unref);
  g_clear_pointer (&source->theirs, hearsay_team_layer_free);
  g_free (source);
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      int          code,
      const char  *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, HEARSAY_PROJECT_ERROR, code, message);
  return FALSE;
}

static gboolean
check_scheme (HearsayProject  *self,
              HearsayProject  *copy,
              const char      *path,
              GError         **error)
{
  g_auto(GStrv) differences = hearsay_scheme_diff (hearsay_project_get_scheme (self), _("the project"),
                                                   hearsay_project_get_scheme (copy), _("the copy"));
  g_autoptr(GString) list = NULL;
  guint n = differences != NULL ? g_strv_length (differences) : 0;

  if (n == 0)
    return TRUE;
  list = g_string_new (NULL);
  for (guint i = 0; i < n && i < 5; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? "; " : "", differences[i]);
  if (n > 5)
    g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "; and %u more difference",
                                               "; and %u more differences", n - 5), n - 5);
  return fail (error, HEARSAY_PROJECT_ERROR_CONFLICT,
               _("%s has another scheme than the project: %s. Nothing was merged: make the two schemes "
                 "agree, then merge again."), path, list->str);
}

/* Matches the copy's documents to the project's: by stable id (and then
 * the text must be the same), else by the text's sha256. */
static gboolean
match_documents (HearsayProject      *self,
                 HearsayMergeSource  *source,
                 GPtrArray           *ours,
                 GError             **error)
{
  const char *path = source->report->path;
  g_autoptr(GPtrArray) theirs = hearsay_project_list_documents (source->copy, error);
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_sha = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);

  if (theirs == NULL)
    return FALSE;
  for (guint i = 0; i < ours->len; i++)
    {
      HearsayDocument *doc = g_ptr_array_index (ours, i);
      GPtrArray *same = g_hash_table_lookup (by_sha, hearsay_document_get_sha256 (doc));

      if (hearsay_document_get_uuid (doc) != NULL)
        g_hash_table_insert (by_uuid, (gpointer) hearsay_document_get_uuid (doc), doc);
      if (same == NULL)
        g_hash_table_insert (by_sha, (gpointer) hearsay_document_get_sha256 (doc), (same = g_ptr_array_new ()));
      g_ptr_array_add (same, doc);
    }
  for (guint i = 0; i < theirs->len; i++)
    {
      HearsayDocument *doc = g_ptr_array_index (theirs, i);
      HearsayDocument *match = g_hash_table_lookup (by_uuid, hearsay_document_get_uuid (doc) ? hearsay_document_get_uuid (doc) : "");
      GPtrArray *same = g_hash_table_lookup (by_sha, hearsay_document_get_sha256 (doc));
      gint64 id = hearsay_document_get_id (doc), master = 0;

      if (match != NULL && g_strcmp0 (hearsay_document_get_sha256 (match), hearsay_document_get_sha256 (doc)) != 0)
        return fail (error, HEARSAY_PROJECT_ERROR_CONFLICT,
                     _("%s: document %" PRId64 " “%s” has another text than the project’s document %"
                       PRId64 " (sha256 %.12s… in the copy, %.12s… in the project). A document’s text "
                       "never changes; nothing was merged."),
                     path, id, hearsay_document_get_title (doc), hearsay_document_get_id (match),
                     hearsay_document_get_sha256 (doc), hearsay_document_get_sha256 (match));
      if (match == NULL && same != NULL && same->len > 1)
        return fail (error, HEARSAY_PROJECT_ERROR_CONFLICT,
                     _("%s: document %" PRId64 " “%s” has the text of %u documents of the project "
                       "(%" PRId64 " and %" PRId64 "…): which one it is cannot be told; "
                       "nothing was merged."),
                     path, id, hearsay_document_get_title (doc), same->len,
                     hearsay_document_get_id (g_ptr_array_index (same, 0)),
                     hearsay_document_get_id (g_ptr_array_index (same, 1)));
      if (match == NULL && same != NULL)
        match = g_ptr_array_index (same, 0);
      if (match != NULL)
        {
          master = hearsay_document_get_id (match);
          g_hash_table_add (source->covered, g_memdup2 (&master, sizeof master));
        }
      g_hash_table_insert (source->documents, g_memdup2 (&id, sizeof id), g_memdup2 (&master, sizeof master));
    }
  return TRUE;
}

/* A copy holds its coder's layer and the auto layers, nothing else. */
static gboolean
check_layers (HearsayMergeSource  *source,
              GError             **error)
{
  /* The store's list: the project's would hide the other layers of a copy. */
  g_autoptr(GPtrArray) coders = hearsay_store_list_coders (hearsay_project_get_store (source->copy), error);
  g_autoptr(GString) others = g_string_new (NULL);

  if (coders == NULL)
    return FALSE;
  for (guint i = 0; i < coders->len; i++)
    {
      HearsayCoder *c = g_ptr_array_index (coders, i);

      if (g_strcmp0 (hearsay_coder_get_name (c), source->report->coder) == 0)
        source->copy_coder = g_object_ref (c);
      else if (hearsay_coder_get_role (c) != HEARSAY_CODER_ROLE_AUTO && hearsay_coder_get_n_annotations (c) > 0)
        g_string_append_printf (others, "%s%s", others->len > 0 ? ", " : "", hearsay_coder_get_name (c));
    }
  if (others->len > 0)
    return fail (error, HEARSAY_PROJECT_ERROR_CONFLICT,
                 _("%s is %s’s copy but holds annotations of %s too: a coder’s copy holds its coder’s work "
                   "only; nothing was merged."), source->report->path, source->report->coder, others->str);
  return TRUE;
}

static HearsayMergeSource *
open_source (HearsayProject  *self,
             const char      *path,
             GPtrArray       *sources,
             GPtrArray       *ours,
             GError         **error)
{
  g_autoptr(HearsayMergeSource) source = g_new0 (HearsayMergeSource, 1);
  g_autoptr(HearsayCoder) here = NULL;
  g_autofree char *origin = NULL;
  HearsayMergeFile *report;
  const char *coder;

  report = g_new0 (HearsayMergeFile, 1);
  report->path = g_strdup (path);
  report->notes = g_ptr_array_new_with_free_func (g_free);
  source->report = report;
  source->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  source->covered = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* Read-only: a copy is never changed (nor upgraded) by being merged. */
  source->copy = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_READ_ONLY, error);
  if (source->copy == NULL)
    {
      merge_file_free (report);
      source->report = NULL;
      return NULL;
    }
  /* From here on, the report is freed with the caller's list. */
  coder = hearsay_project_get_copy_coder (source->copy);
  if (coder == NULL)
    {
      fail (error, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
            _("%s is not a coder’s copy: it names no coder (prepare copies with “Prepare Coder Copies” or "
              "`hearsay-cli team prepare-copies`); nothing was merged."), path);
      goto out;
    }
  report->coder = g_strdup (coder);
  origin = hearsay_store_get_meta (hearsay_project_get_store (source->copy), HEARSAY_TEAM_META_ORIGIN);
  if (g_strcmp0 (origin, hearsay_project_get_uuid (self)) != 0)
    {
      fail (error, HEARSAY_PROJECT_ERROR_CONFLICT,
            _("%s was prepared from another project (%s), not from %s; nothing was merged."),
            path, origin ? origin : _("unknown"), hearsay_project_get_path (self));
      goto out;
    }
  for (guint i = 0; i < sources->len; i++)
    {
      HearsayMergeSource *other = g_ptr_array_index (sources, i);

      if (g_strcmp0 (other->report->path, path) == 0)
        {
          fail (error, HEARSAY_PROJECT_ERROR_CONFLICT, _("%s is named twice: merge it once; nothing was merged."),
                path);
          goto out;
        }
      if (g_strcmp0 (other->report->coder, coder) == 0)
        {
          fail (error, HEARSAY_PROJECT_ERROR_CONFLICT,
                _("%s and %s are both copies of coder “%s”: merge one of them; nothing was merged."),
                other->report->path, path, coder);
          goto out;
        }
    }
  here = hearsay_project_get_coder (self, coder, NULL);
  if (here != NULL && hearsay_coder_get_role (here) != HEARSAY_CODER_ROLE_CODER)
    {
      fail (error, HEARSAY_PROJECT_ERROR_CONFLICT,
            _("%s is a copy of “%s”, which is the project’s %s layer, not a coder’s; nothing was merged."),
            path, coder, hearsay_coder_role_to_string (hearsay_coder_get_role (here)));
      goto out;
    }
  if (!check_scheme (self, source->copy, path, error) ||
      !check_layers (source, error) ||
      !match_documents (self, source, ours, error))
    goto out;
  source->theirs = hearsay_team_layer_read (hearsay_project_get_store (source->copy), coder, error);
  if (source->theirs == NULL)
    goto out;
  return g_steal_pointer (&source);

out:
  merge_file_free (report);
  source->report = NULL;
  return NULL;
}

HearsayMergeReport *
hearsay_project_merge_coder_copies (HearsayProject      *self,
                                    const char * const  *paths,
                                    GCancellable        *cancellable,
                                    GError             **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) hearsay_merge_source_free);
  g_autoptr(HearsayMergeReport) report = g_new0 (HearsayMergeReport, 1);
  g_autoptr(GPtrArray) ours = NULL;
  g_autoptr(HearsayLayerRows) rows = NULL;
  HearsayStore *store;
  gboolean ok = TRUE;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);

  report->files = g_ptr_array_new_with_free_func ((GDestroyNotify) merge_file_free);
  if ((store = hearsay_project_require_store (self, error)) == NULL || !hearsay_store_check_writable (store, error))
    return NULL;
  if (hearsay_project_get_blind_coder (self) != NULL)
    {
      fail (error, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
            _("%s is in blind mode (coder %s): merge the copies into the project itself"),
            hearsay_project_get_path (self), hearsay_project_get_blind_coder (self));
      return NULL;
    }
  if (paths == NULL || paths[0] == NULL)
    {
      fail (error, HEARSAY_PROJECT_ERROR_INVALID_VALUE, "%s", _("Name at least one coder’s copy to merge"));
      return NULL;
    }
  ours = hearsay_project_list_documents (self, error);
  if (ours == NULL)
    return NULL;
  for (guint i = 0; paths[i] != NULL; i++)
    {
      HearsayMergeSource *source;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      source = open_source (self, paths[i], sources, ours, error);
      if (source == NULL)
        return NULL;
      g_ptr_array_add (report->files, source->report);
      g_ptr_array_add (sources, source);
    }

  if (!hearsay_store_begin (store, error))
    return NULL;
  /* Every layer of the project in one read, before anything is written. */
  rows = hearsay_team_read_rows (store, NULL, error);
  ok = rows != NULL;
  for (guint i = 0; ok && i < sources->len; i++)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         hearsay_merge_apply (self, rows, g_ptr_array_index (sources, i), error);
  if (!ok || !hearsay_store_commit (store, error))
    {
      hearsay_store_rollback (store);
      return NULL;
    }
  hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_CODERS, 0, 0, 0, NULL);
  hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_DOCUMENTS, 0, 0, 0, NULL);
  return g_steal_pointer (&report);
}
