/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-paths.c: the one entry point of the CLI and the GUI.
 * Paths expand into units through the importer table; all units are
 * imported in one transaction with progress per unit, and an error or a
 * cancellation rolls everything back, the scheme included. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-import-private.h"

static int
w3c_texts_first (gconstpointer a,
                 gconstpointer b)
{
  const HearsayImportUnit *ua = *(HearsayImportUnit * const *) a;
  const HearsayImportUnit *ub = *(HearsayImportUnit * const *) b;
  gboolean ta = ua->read == hearsay_import_w3c_text_unit, tb = ub->read == hearsay_import_w3c_text_unit;

  return ta == tb ? 0 : ta ? -1 : 1;
}

/* The units of @paths, and brat's annotation.conf files, or FALSE. */
static gboolean
expand_paths (const HearsayImportOptions  *options,
              const char * const          *paths,
              GPtrArray                   *units,
              GPtrArray                   *confs,
              GError                     **error)
{
  if (options->format != NULL && hearsay_importer_lookup (options->format) == NULL)
    {
      g_autofree char *known = hearsay_import_format_names ();

      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
                   _("“%s” is not a format Hearsay imports; use one of %s"), options->format, known);
      return FALSE;
    }
  if (paths[0] == NULL)
    {
      g_set_error_literal (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY, _("Nothing to import"));
      return FALSE;
    }
  for (guint i = 0; paths[i]; i++)
    {
      const char *name = options->format ? options->format : hearsay_import_guess_format (paths[i]);
      const char *one[] = { paths[i], NULL };
      const HearsayImporter *importer;

      if (name == NULL)
        name = options->fallback_format;
      importer = hearsay_importer_lookup (name);
      if (importer == NULL)
        {
          g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
                       _("%s: Hearsay cannot tell its format from its name; choose one"), paths[i]);
          return FALSE;
        }
      if (!g_file_test (paths[i], G_FILE_TEST_EXISTS))
        {
          g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_NOT_FOUND,
                       _("%s does not exist"), paths[i]);
          return FALSE;
        }
      /* brat and W3C units see each other (a .txt and its .ann; texts given
       * alongside annotations), so a chosen format's paths expand together. */
      if (options->format != NULL && importer->expand_together)
        return importer->expand (importer, paths, units, confs, error);
      if (!importer->expand (importer, one, units, confs, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_paths (HearsayProject              *project,
              const char * const          *paths,
              const HearsayImportOptions  *options,
              HearsayImportProgressFunc    progress,
              gpointer                     user_data,
              GCancellable                *cancellable,
              HearsayImportReport         *report,
              GError                     **error)
{
  static const HearsayImportOptions no_options = { 0 };
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (hearsay_import_unit_free);
  g_autoptr(GPtrArray) confs = g_ptr_array_new_with_free_func (g_free);
  HearsayImportReport local_report;
  HearsayImportContext ctx = { 0 };
  gboolean ok;

  if (options == NULL)
    options = &no_options;
  if (!expand_paths (options, paths, units, confs, error))
    return FALSE;
  if (units->len == 0 && confs->len == 0)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY,
                   _("%s holds nothing to import as %s"), paths[0],
                   options->format ? options->format : _("any known format"));
      return FALSE;
    }
  g_ptr_array_sort (units, w3c_texts_first);

  if (report == NULL)
    {
      hearsay_import_report_init (&local_report);
      report = &local_report;
    }
  ctx.project = project;
  ctx.options = options;
  ctx.report = report;
  ctx.documents_by_source = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  ok = hearsay_project_bulk_begin (project, error);

  for (guint i = 0; ok && i < confs->len; i++)
    ok = hearsay_import_brat_conf (&ctx, g_ptr_array_index (confs, i), error);
  for (guint i = 0; ok && i < units->len; i++)
    {
      HearsayImportUnit *unit = g_ptr_array_index (units, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        {
          if (progress != NULL)
            progress (i, units->len, unit->path, user_data);
          ok = unit->read (&ctx, unit->path, error);
        }
    }
  if (ok && ctx.scheme_changed)
    ok = hearsay_project_bulk_store_scheme (project, ctx.scheme, error);
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (ok)
    ok = hearsay_project_bulk_commit (project, error);
  if (!ok)
    {
      hearsay_project_bulk_rollback (project);
      g_ptr_array_set_size (report->documents, 0);
      report->n_annotations = report->n_relations = report->n_boilerplate = 0;
    }
  /* In memory only now that the file has it: a failed import leaves the
   * scheme as it was. Setting it again stores the same JSON. */
  if (ok && ctx.scheme_changed)
    ok = hearsay_project_set_scheme (project, ctx.scheme, error);
  if (ok && progress != NULL)
    progress (units->len, units->len, NULL, user_data);

  g_clear_pointer (&ctx.boilerplate, hearsay_boilerplate_context_free);
  g_clear_object (&ctx.scheme);
  g_hash_table_unref (ctx.documents_by_source);
  g_clear_pointer (&ctx.dir_listings, g_hash_table_unref);
  if (report == &local_report)
    hearsay_import_report_clear (&local_report);
  if (ok)
    hearsay_project_emit_documents_changed (project);
  return ok;
}

gboolean
hearsay_import_paths (HearsayProject              *project,
                      const char * const          *paths,
                      const HearsayImportOptions  *options,
                      HearsayImportProgressFunc    progress,
                      gpointer                     user_data,
                      GCancellable                *cancellable,
                      HearsayImportReport         *report,
                      GError                     **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);

  if (import_paths (project, paths, options, progress, user_data, cancellable, report, &local_error))
    return TRUE;
  /* Messages quote the input, and json-glib cuts a quoted string after a
   * number of bytes, inside a character: what the CLI prints and the
   * window shows must be UTF-8. */
  if (local_error != NULL && !g_utf8_validate (local_error->message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (local_error->message, -1);

      g_free (local_error->message);
      local_error->message = valid;
    }
  g_propagate_error (error, local_error);
  return FALSE;
}
