/* hearsay-import-dir.c: the one entry point of the CLI and the GUI. Paths
 * expand into units (one page, one brat document, one label file…); all
 * units are imported in one transaction with progress per unit, and an
 * error or a cancellation rolls everything back, the scheme included. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-import-private.h"

typedef gboolean (*UnitFunc) (HearsayImportContext *ctx,
                              const char           *path,
                              GError              **error);

typedef struct
{
  UnitFunc func;
  char *path;
} Unit;

static const char * const formats[] = { "text", "html", "jsonl", "brat", "semeval", "w3c", "doccano", "qdpx", NULL };

static void
unit_free (gpointer data)
{
  Unit *unit = data;

  g_free (unit->path);
  g_free (unit);
}

static void
add_unit (GPtrArray  *units,
          UnitFunc    func,
          const char *path)
{
  Unit *unit = g_new0 (Unit, 1);

  unit->func = func;
  unit->path = g_strdup (path);
  g_ptr_array_add (units, unit);
}

static gboolean
has_suffix_ci (const char *name,
               const char *suffix)
{
  gsize n = strlen (name), m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (name + n - m, suffix) == 0;
}

static gboolean
is_label_file (const char *name)
{
  return has_suffix_ci (name, ".labels") || has_suffix_ci (name, "-labels-subtask-3.txt") ||
         has_suffix_ci (name, "labels-subtask-3-spans.txt") || has_suffix_ci (name, ".tsv");
}

/* Native JSONL has "annotations" lists; doccano has "label" or "entities". */
static const char *
sniff_jsonl (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  char buffer[4096];
  gssize n;

  if (in == NULL)
    return "jsonl";
  n = g_input_stream_read (G_INPUT_STREAM (in), buffer, sizeof buffer - 1, NULL, NULL);
  if (n <= 0)
    return "jsonl";
  buffer[n] = '\0';
  if (strstr (buffer, "\"annotations\"") != NULL || strstr (buffer, "\"offset_unit\"") != NULL)
    return "jsonl";
  if (strstr (buffer, "\"label\"") != NULL || strstr (buffer, "\"entities\"") != NULL ||
      strstr (buffer, "\"labels\"") != NULL)
    return "doccano";
  return "jsonl";
}

static gboolean
dir_has (const char *dir,
         gboolean  (*match) (const char *name))
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (match (name))
      return TRUE;
  return FALSE;
}

static gboolean
is_ann (const char *name)
{
  return has_suffix_ci (name, ".ann");
}

static gboolean
is_html (const char *name)
{
  return has_suffix_ci (name, ".html") || has_suffix_ci (name, ".htm");
}

const char *
hearsay_import_guess_format (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (dir_has (path, is_ann))
        return "brat";
      if (dir_has (path, is_label_file))
        return "semeval";
      if (dir_has (path, is_html))
        return "html";
      return "text";
    }
  if (is_html (base))
    return "html";
  if (is_ann (base) || strcmp (base, "annotation.conf") == 0)
    return "brat";
  if (is_label_file (base))
    return "semeval";
  if (has_suffix_ci (base, ".json") || has_suffix_ci (base, ".jsonld"))
    return "w3c";
  if (has_suffix_ci (base, ".jsonl"))
    return sniff_jsonl (path);
  if (has_suffix_ci (base, ".qdpx"))
    return "qdpx";
  if (has_suffix_ci (base, ".txt"))
    return "text";
  return NULL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The files of @dir whose names end with one of @suffixes, sorted by name.
 * Links that lead out of the folder are refused: a folder of articles must
 * not make Hearsay read other files. */
GPtrArray *
hearsay_import_list_dir (const char          *dir,
                         const char * const  *suffixes,
                         GError             **error)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *real_dir = NULL;
  GPtrArray *paths;
  const char *name;

  d = g_dir_open (dir, 0, error);
  if (d == NULL)
    return NULL;
  real_dir = g_canonicalize_filename (dir, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    for (guint i = 0; suffixes[i]; i++)
      if (has_suffix_ci (name, suffixes[i]))
        {
          g_ptr_array_add (names, g_strdup (name));
          break;
        }
  g_ptr_array_sort (names, compare_names);
  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      char *path = g_build_filename (dir, n, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          g_autofree char *target = g_file_read_link (path, NULL);
          g_autofree char *resolved = target ? g_canonicalize_filename (target, real_dir) : NULL;

          if (resolved == NULL || !g_str_has_prefix (resolved, real_dir) || resolved[strlen (real_dir)] != G_DIR_SEPARATOR)
            {
              g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
                           _("%s is a link that leads out of the folder (to %s); Hearsay does not follow it"),
                           path, target ? target : "?");
              g_free (path);
              g_ptr_array_unref (paths);
              return NULL;
            }
        }
      g_ptr_array_add (paths, path);
    }
  return paths;
}

static gboolean
expand_simple (GPtrArray           *units,
               const char          *path,
               UnitFunc             func,
               const char * const  *suffixes,
               GError             **error)
{
  g_autoptr(GPtrArray) files = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      add_unit (units, func, path);
      return TRUE;
    }
  files = hearsay_import_list_dir (path, suffixes, error);
  if (files == NULL)
    return FALSE;
  for (guint i = 0; i < files->len; i++)
    add_unit (units, func, g_ptr_array_index (files, i));
  return TRUE;
}

static gboolean
jsonl_unit (HearsayImportContext  *ctx,
            const char            *path,
            GError               **error)
{
  return hearsay_project_import_jsonl (ctx->project, path, ctx->report, error);
}

static gboolean
expand (const char          *format,
        const char * const  *paths,
        GPtrArray           *units,
        GPtrArray           *confs,
        GError             **error)
{
  static const char * const html_suffixes[] = { ".html", ".htm", NULL };
  static const char * const text_suffixes[] = { ".txt", NULL };
  static const char * const jsonl_suffixes[] = { ".jsonl", NULL };
  static const char * const w3c_suffixes[] = { ".json", ".jsonld", NULL };
  static const char * const qdpx_suffixes[] = { ".qdpx", NULL };

  if (strcmp (format, "brat") == 0 || strcmp (format, "semeval") == 0)
    {
      gboolean brat = format[0] == 'b';
      g_autoptr(GPtrArray) found = brat ? hearsay_import_brat_expand (paths, confs, error)
                                        : hearsay_import_semeval_expand (paths, error);

      if (found == NULL)
        return FALSE;
      for (guint i = 0; i < found->len; i++)
        add_unit (units, brat ? hearsay_import_brat_unit : hearsay_import_semeval_unit,
                  g_ptr_array_index (found, i));
      return TRUE;
    }
  for (guint i = 0; paths[i]; i++)
    {
      gboolean ok;

      if (strcmp (format, "html") == 0)
        ok = expand_simple (units, paths[i], hearsay_import_html_unit, html_suffixes, error);
      else if (strcmp (format, "text") == 0)
        ok = expand_simple (units, paths[i], hearsay_import_text_unit, text_suffixes, error);
      else if (strcmp (format, "jsonl") == 0)
        ok = expand_simple (units, paths[i], jsonl_unit, jsonl_suffixes, error);
      else if (strcmp (format, "doccano") == 0)
        ok = expand_simple (units, paths[i], hearsay_import_doccano_unit, jsonl_suffixes, error);
      else if (strcmp (format, "qdpx") == 0)
        ok = expand_simple (units, paths[i], hearsay_import_refi_unit, qdpx_suffixes, error);
      else if (has_suffix_ci (paths[i], ".txt"))
        /* W3C: a text file given alongside is a document the annotations target. */
        ok = expand_simple (units, paths[i], hearsay_import_w3c_text_unit, text_suffixes, error);
      else
        ok = expand_simple (units, paths[i], hearsay_import_w3c_unit, w3c_suffixes, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static int
w3c_texts_first (gconstpointer a,
                 gconstpointer b)
{
  const Unit *ua = *(Unit * const *) a, *ub = *(Unit * const *) b;
  gboolean ta = ua->func == hearsay_import_w3c_text_unit, tb = ub->func == hearsay_import_w3c_text_unit;

  return ta == tb ? 0 : ta ? -1 : 1;
}

gboolean
hearsay_project_import_paths (HearsayProject                   *self,
                              const char                       *format,
                              const char * const               *paths,
                              const HearsayCorpusImportOptions *options,
                              HearsayImportProgressFunc         progress,
                              gpointer                          user_data,
                              GCancellable                     *cancellable,
                              HearsayImportReport              *report,
                              GError                          **error)
{
  static const HearsayCorpusImportOptions no_options = { 0 };
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (unit_free);
  g_autoptr(GPtrArray) confs = g_ptr_array_new_with_free_func (g_free);
  HearsayImportReport local_report;
  HearsayImportContext ctx = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);

  if (format != NULL && !g_strv_contains (formats, format))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) formats);

      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
                   _("“%s” is not a format Hearsay imports; use one of %s"), format, known);
      return FALSE;
    }
  if (paths[0] == NULL)
    {
      g_set_error_literal (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY, _("Nothing to import"));
      return FALSE;
    }
  for (guint i = 0; paths[i]; i++)
    {
      const char *f = format ? format : hearsay_import_guess_format (paths[i]);
      const char *one[] = { paths[i], NULL };

      if (f == NULL)
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
       * alongside annotations), so their paths expand together. */
      if (format != NULL && (strcmp (f, "brat") == 0 || strcmp (f, "semeval") == 0 || strcmp (f, "w3c") == 0))
        {
          if (!expand (f, paths, units, confs, error))
            return FALSE;
          break;
        }
      if (!expand (f, one, units, confs, error))
        return FALSE;
    }
  if (units->len == 0 && confs->len == 0)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY,
                   _("%s holds nothing to import as %s"), paths[0], format ? format : _("any known format"));
      return FALSE;
    }
  g_ptr_array_sort (units, w3c_texts_first);

  if (options == NULL)
    options = &no_options;
  if (report == NULL)
    {
      hearsay_import_report_init (&local_report);
      report = &local_report;
    }
  ctx.project = self;
  ctx.store = hearsay_project_get_store (self);
  ctx.options = options;
  ctx.report = report;
  ctx.documents_by_source = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (ctx.store == NULL)
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                   _("The project %s is closed"), hearsay_project_get_path (self));
      ok = FALSE;
    }
  else
    ok = hearsay_store_begin (ctx.store, error);

  for (guint i = 0; ok && i < confs->len; i++)
    ok = hearsay_import_brat_conf (&ctx, g_ptr_array_index (confs, i), error);
  for (guint i = 0; ok && i < units->len; i++)
    {
      Unit *unit = g_ptr_array_index (units, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        {
          if (progress != NULL)
            progress (i, units->len, unit->path, user_data);
          ok = unit->func (&ctx, unit->path, error);
        }
    }
  if (ok && ctx.scheme_changed)
    {
      g_autofree char *json = hearsay_scheme_to_json (ctx.scheme);

      ok = hearsay_store_set_scheme_json (ctx.store, json, error);
    }
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (ok)
    ok = hearsay_store_commit (ctx.store, error);
  if (!ok)
    {
      if (ctx.store != NULL)
        hearsay_store_rollback (ctx.store);
      g_ptr_array_set_size (report->documents, 0);
      report->n_annotations = report->n_relations = report->n_boilerplate = 0;
    }
  /* In memory only now that the file has it: a failed import leaves the
   * scheme as it was. Setting it again stores the same JSON. */
  if (ok && ctx.scheme_changed)
    ok = hearsay_project_set_scheme (self, ctx.scheme, error);
  if (ok && progress != NULL)
    progress (units->len, units->len, NULL, user_data);

  g_clear_pointer (&ctx.boilerplate, hearsay_boilerplate_context_free);
  g_clear_object (&ctx.scheme);
  g_hash_table_unref (ctx.documents_by_source);
  g_clear_pointer (&ctx.dir_listings, g_hash_table_unref);
  if (report == &local_report)
    hearsay_import_report_clear (&local_report);
  if (ok)
    hearsay_project_emit_documents_changed (self);
  return ok;
}
