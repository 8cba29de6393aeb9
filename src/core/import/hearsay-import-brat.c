/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-brat.c: brat standoff — a collection (a tree of folders)
 * of .txt documents, each with its .ann files (<stem>.ann and one
 * <stem>_<annotator>.ann per annotator) and the annotation.conf nearest to
 * it. A .txt or .ann given alone brings its pair along. The .ann lines are
 * read in hearsay-import-brat-ann.c, annotation.conf in -conf.c, the files
 * found in -paths.c. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-import-brat-private.h"

gboolean
hearsay_import_brat_unit (HearsayImportContext  *ctx,
                          const char            *txt_path,
                          GError               **error)
{
  HearsayImportOptions text_options = { .encoding = ctx->options->encoding };
  g_autoptr(HearsayDocument) doc = hearsay_import_text_file (txt_path, &text_options, error);
  g_autoptr(HearsayTextIndex) index = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) anns = NULL;
  g_autofree char *dir = g_path_get_dirname (txt_path);
  HearsayBratConf *conf = hearsay_brat_conf_for_dir (ctx, dir);

  if (doc == NULL || !hearsay_import_store_document (ctx, doc, FALSE, error))
    return FALSE;
  index = hearsay_text_index_new (hearsay_document_get_text (doc));
  anns = hearsay_brat_ann_files (ctx, txt_path, conf, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* brat lists every .txt as a document, with or without annotations. */
  if (anns == NULL)
    {
      hearsay_import_skip (ctx, txt_path, 0, _("there is no .ann file beside it: imported without annotations, as brat shows it"));
      return TRUE;
    }
  for (guint i = 0; i + 1 < anns->len; i += 2)
    if (!hearsay_brat_import_ann (ctx, index, doc, conf, g_ptr_array_index (anns, i),
                                  g_ptr_array_index (anns, i + 1), error))
      return FALSE;
  return TRUE;
}

static void
add_unique (GPtrArray  *array,
            const char *path)
{
  for (guint i = 0; i < array->len; i++)
    if (strcmp (g_ptr_array_index (array, i), path) == 0)
      return;
  g_ptr_array_add (array, g_strdup (path));
}

/* The annotation.conf nearest to a file given alone: its folder, then
 * each parent, as brat's command-line tools look. */
static void
add_conf_above (GPtrArray  *confs,
                const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *d = g_canonicalize_filename (dir, NULL);

  while (TRUE)
    {
      g_autofree char *conf = g_build_filename (d, "annotation.conf", NULL);
      g_autofree char *parent = NULL;

      if (g_file_test (conf, G_FILE_TEST_IS_REGULAR))
        {
          add_unique (confs, conf);
          return;
        }
      parent = g_path_get_dirname (d);
      if (strcmp (parent, d) == 0)
        return;
      g_free (d);
      d = g_steal_pointer (&parent);
    }
}

/* The .txt of an .ann: doc_annotatorA.ann → doc.txt. */
static char *
txt_of_ann (const char *ann_path)
{
  g_autofree char *stem = g_strndup (ann_path, strlen (ann_path) - 4);

  while (TRUE)
    {
      g_autofree char *txt = g_strconcat (stem, ".txt", NULL);
      char *underscore;

      if (g_file_test (txt, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&txt);
      underscore = strrchr (stem, '_');
      if (underscore == NULL || strchr (underscore, G_DIR_SEPARATOR) != NULL)
        return NULL;
      *underscore = '\0';
    }
}

/* A document given twice (its .txt and its .ann) is one unit. */
static gboolean
has_unit (GPtrArray  *units,
          const char *path)
{
  g_autofree char *real = g_canonicalize_filename (path, NULL);

  for (guint i = 0; i < units->len; i++)
    {
      HearsayImportUnit *unit = g_ptr_array_index (units, i);
      g_autofree char *other = NULL;

      if (unit->read != hearsay_import_brat_unit)
        continue;
      other = g_canonicalize_filename (unit->path, NULL);
      if (strcmp (other, real) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
hearsay_import_brat_expand (const HearsayImporter  *importer,
                            const char * const     *paths,
                            GPtrArray              *all_units,
                            GPtrArray              *confs,
                            GError                **error)
{
  g_autoptr(GPtrArray) txts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths[i]; i++)
    {
      const char *path = paths[i];
      g_autofree char *base = g_path_get_basename (path);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (!hearsay_brat_walk (path, path, 0, txts, confs, error))
            return FALSE;
        }
      else if (strcmp (base, "annotation.conf") == 0)
        add_unique (confs, path);
      else if (hearsay_import_has_suffix (path, ".ann"))
        {
          g_autofree char *txt = txt_of_ann (path);

          if (txt == NULL)
            return hearsay_import_fail (error, path, 0, _("there is no .txt file for this .ann file"));
          add_unique (txts, txt);
          add_conf_above (confs, path);
        }
      else
        {
          add_unique (txts, path);
          add_conf_above (confs, path);
        }
    }
  for (guint i = 0; i < txts->len; i++)
    if (!has_unit (all_units, g_ptr_array_index (txts, i)))
      hearsay_import_add_unit (all_units, importer->read, g_ptr_array_index (txts, i));
  return TRUE;
}
