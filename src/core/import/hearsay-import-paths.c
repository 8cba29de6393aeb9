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

/* W3C texts before the annotations that target them; SemEval articles
 * after the label files that may name them. Otherwise the paths' order. */
static int
unit_rank (const HearsayImportUnit *unit)
{
  return unit->read == hearsay_import_w3c_text_unit ? 0
       : unit->read == hearsay_import_semeval_article_unit ? 2 : 1;
}

static int
by_rank (gconstpointer a,
         gconstpointer b)
{
  return unit_rank (*(HearsayImportUnit * const *) a) - unit_rank (*(HearsayImportUnit * const *) b);
}

/* An error that is about one file (unreadable, malformed, refused), not
 * about the project or the disk: the other files can still come in. */
static gboolean
is_file_error (const GError *error)
{
  return error->domain == HEARSAY_IMPORT_ERROR;
}

/* Takes out of the report and the context what a failed unit had added. */
static void
forget_unit (HearsayImportContext *ctx,
             guint                 n_documents,
             guint                 n_annotations,
             guint                 n_relations,
             guint                 n_boilerplate,
             guint                 n_mismatches,
             guint                 n_skipped)
{
  HearsayImportReport *report = ctx->report;
  gint64 first_gone = G_MAXINT64;
  GHashTableIter iter;
  gpointer value;

  for (guint i = n_documents; i < report->documents->len; i++)
    first_gone = MIN (first_gone, hearsay_document_get_id (g_ptr_array_index (report->documents, i)));
  g_ptr_array_set_size (report->documents, n_documents);
  g_ptr_array_set_size (report->quote_mismatches, n_mismatches);
  g_ptr_array_set_size (report->skipped, n_skipped);
  report->n_annotations = n_annotations;
  report->n_relations = n_relations;
  report->n_boilerplate = n_boilerplate;
  /* Documents of the unit are gone: so are the other units' ways to them. */
  g_hash_table_iter_init (&iter, ctx->documents_by_source);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (hearsay_document_get_id (value) >= first_gone || hearsay_document_get_id (value) == 0)
      g_hash_table_iter_remove (&iter);
}

/* One unit inside its own savepoint: a file that cannot be read is rolled
 * back alone and listed in @failures; any other error stops the import. */
static gboolean
read_unit (HearsayImportContext  *ctx,
           HearsayImportUnit     *unit,
           GPtrArray             *failures,
           GError               **error)
{
  HearsayImportReport *report = ctx->report;
  guint n_documents = report->documents->len, n_annotations = report->n_annotations;
  guint n_relations = report->n_relations, n_boilerplate = report->n_boilerplate;
  guint n_mismatches = report->quote_mismatches->len, n_skipped = report->skipped->len;
  gboolean scheme_changed = ctx->scheme_changed;
  g_autoptr(HearsayScheme) scheme = ctx->scheme != NULL ? hearsay_scheme_copy (ctx->scheme) : NULL;
  GError *local_error = NULL;

  if (!hearsay_project_bulk_mark (ctx->project, error))
    return FALSE;
  if (unit->read (ctx, unit->path, &local_error))
    return hearsay_project_bulk_keep_mark (ctx->project, error);
  if (!is_file_error (local_error) || ctx->options->strict_quotes)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (!hearsay_project_bulk_undo_to_mark (ctx->project, error))
    {
      g_error_free (local_error);
      return FALSE;
    }
  forget_unit (ctx, n_documents, n_annotations, n_relations, n_boilerplate, n_mismatches, n_skipped);
  /* Labels the file's configuration brought go with it. */
  g_set_object (&ctx->scheme, scheme);
  ctx->scheme_changed = scheme_changed;
  if (ctx->options->skip_unreadable)
    {
      /* The message names the file already. */
      g_ptr_array_add (report->skipped, g_strdup_printf (_("not imported: %s"), local_error->message));
      g_error_free (local_error);
    }
  else
    g_ptr_array_add (failures, local_error);
  return TRUE;
}

/* Every file that could not be read, at once: a user fixes them all and
 * tries once more, instead of finding them one attempt at a time. */
static gboolean
refuse_failures (GPtrArray  *failures,
                 GError    **error)
{
  g_autoptr(GString) message = NULL;

  if (failures->len == 1)
    {
      g_propagate_error (error, g_error_copy (g_ptr_array_index (failures, 0)));
      return FALSE;
    }
  message = g_string_new (NULL);
  g_string_printf (message, g_dngettext (GETTEXT_PACKAGE, "%u file cannot be imported, so nothing was:",
                                         "%u files cannot be imported, so nothing was:", failures->len),
                   failures->len);
  for (guint i = 0; i < failures->len; i++)
    g_string_append_printf (message, "\n  %s", ((GError *) g_ptr_array_index (failures, i))->message);
  g_set_error_literal (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_SOME_UNREADABLE, message->str);
  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Formats whose folders have a layout of their own (pairs of files,
 * release trees, INCEpTION's project export): such a folder is expanded by
 * its format as a whole. */
static gboolean
is_layout_format (const char *name)
{
  return g_strcmp0 (name, "brat") == 0 || g_strcmp0 (name, "semeval") == 0 ||
         g_strcmp0 (name, "webanno-tsv") == 0 || g_strcmp0 (name, "xmi") == 0;
}

/* A folder that is no format's layout: each file by its own format, each
 * folder below as a layout of its own or the same way, grouped by format in
 * @groups (format name → GPtrArray of paths). */
static gboolean
collect_mixed (const char  *dir,
               GHashTable  *groups,
               GPtrArray   *order,
               guint        depth,
               GError     **error)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return FALSE;
  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      const char *format;
      GPtrArray *group;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) && g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      format = hearsay_import_guess_format (path);
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !is_layout_format (format))
        {
          if (depth < 8 && !collect_mixed (path, groups, order, depth + 1, error))
            return FALSE;
          continue;
        }
      /* Files Hearsay does not read (images, notes) are not the corpus. */
      if (format == NULL || hearsay_importer_lookup (format) == NULL)
        continue;
      group = g_hash_table_lookup (groups, format);
      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (groups, (char *) format, group);
          g_ptr_array_add (order, (char *) format);
        }
      g_ptr_array_add (group, g_steal_pointer (&path));
    }
  return TRUE;
}

static gboolean
expand_mixed (const char  *dir,
              GPtrArray   *units,
              GPtrArray   *confs,
              GError     **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GPtrArray *texts, *w3c;

  if (!collect_mixed (dir, groups, order, 0, error))
    return FALSE;
  /* Beside W3C annotations, text files are the documents they target. */
  texts = g_hash_table_lookup (groups, "text");
  w3c = g_hash_table_lookup (groups, "w3c");
  if (texts != NULL && w3c != NULL)
    {
      for (guint i = 0; i < texts->len; i++)
        g_ptr_array_add (w3c, g_strdup (g_ptr_array_index (texts, i)));
      g_hash_table_remove (groups, "text");
    }
  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *group = g_hash_table_lookup (groups, g_ptr_array_index (order, i));
      const HearsayImporter *importer = hearsay_importer_lookup (g_ptr_array_index (order, i));

      if (group == NULL)
        continue;
      g_ptr_array_add (group, NULL);
      if (!importer->expand (importer, (const char * const *) group->pdata, units, confs, error))
        return FALSE;
    }
  return TRUE;
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
      /* Detection on a folder that is no format's layout: file by file. */
      if (options->format == NULL && g_file_test (paths[i], G_FILE_TEST_IS_DIR) && !is_layout_format (name))
        {
          if (!expand_mixed (paths[i], units, confs, error))
            return FALSE;
          continue;
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
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
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
  g_ptr_array_sort (units, by_rank);

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
  if (ok && units->len == 1 && confs->len == 0)
    {
      g_autoptr(GPtrArray) existing = hearsay_project_list_documents (project, NULL);

      ctx.keep_ids = existing != NULL && existing->len == 0;
    }

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
          ok = read_unit (&ctx, unit, failures, error);
        }
    }
  if (ok && failures->len > 0 && !options->skip_unreadable)
    ok = refuse_failures (failures, error);
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
      g_ptr_array_set_size (report->skipped, 0);
      g_ptr_array_set_size (report->notes, 0);
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
  g_clear_pointer (&ctx.w3c_texts, g_ptr_array_unref);
  g_clear_pointer (&ctx.brat_confs, g_hash_table_unref);
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
