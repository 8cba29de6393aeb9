/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-brat-paths.c: the files of a brat collection. A document
 * is a .txt file; its annotations are <stem>.ann and, one per annotator,
 * <stem>_<annotator>.ann beside it (the annotator's name with "%XX" for
 * the bytes a file name cannot hold). Collections are trees: folders are
 * walked, and each document takes the nearest annotation.conf in its
 * folder or above it, as brat does. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-import-brat-private.h"

/* Deeper than any collection; a bound against a pathological tree. */
#define MAX_DEPTH 64

/* "J%C3%A9r%C3%B4me" → "Jérôme": what the export encodes; anything else
 * stays as it is. */
static char *
decode_annotator (const char *name)
{
  GString *s = g_string_new (NULL);

  for (const char *p = name; *p; p++)
    {
      if (p[0] == '%' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          g_string_append_c (s, (char) (g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2])));
          p += 2;
        }
      else
        g_string_append_c (s, *p);
    }
  if (!g_utf8_validate (s->str, s->len, NULL) || memchr (s->str, '\0', s->len) != NULL)
    {
      g_string_free (s, TRUE);
      return g_strdup (name);
    }
  return g_string_free (s, FALSE);
}

/* A folder's .ann files by the stem of the .txt they belong to: doc.ann →
 * "doc", doc_NAME.ann → "doc" unless doc_NAME.txt exists, which then owns
 * it. Built once per folder: a corpus of 10,000 documents is not listed
 * 10,000 times. Values: (path, annotator name in the file name or NULL). */
static GHashTable *
dir_index (HearsayImportContext  *ctx,
           const char            *dir,
           GError               **error)
{
  static const char * const txt_suffixes[] = { ".txt", NULL };
  static const char * const ann_suffixes[] = { ".ann", NULL };
  g_autoptr(GPtrArray) txts = NULL;
  g_autoptr(GPtrArray) anns = NULL;
  g_autoptr(GHashTable) stems = NULL;
  GHashTable *index;

  if (ctx->dir_listings == NULL)
    ctx->dir_listings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  index = g_hash_table_lookup (ctx->dir_listings, dir);
  if (index != NULL)
    return index;
  txts = hearsay_import_list_dir (dir, txt_suffixes, error);
  anns = txts ? hearsay_import_list_dir (dir, ann_suffixes, error) : NULL;
  if (anns == NULL)
    return NULL;
  stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < txts->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (txts, i));

      base[strlen (base) - 4] = '\0';
      g_hash_table_add (stems, g_steal_pointer (&base));
    }
  index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < anns->len; i++)
    {
      const char *path = g_ptr_array_index (anns, i);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *owner = NULL;
      GPtrArray *list;
      char *underscore;

      name[strlen (name) - 4] = '\0';
      owner = g_strdup (name);
      while (!g_hash_table_contains (stems, owner) && (underscore = strrchr (owner, '_')) != NULL)
        *underscore = '\0';
      if (!g_hash_table_contains (stems, owner))
        continue;
      list = g_hash_table_lookup (index, owner);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (index, g_strdup (owner), list);
        }
      g_ptr_array_add (list, g_strdup (path));
      g_ptr_array_add (list, strcmp (owner, name) == 0 ? NULL : decode_annotator (name + strlen (owner) + 1));
    }
  g_hash_table_insert (ctx->dir_listings, g_strdup (dir), index);
  return index;
}

GPtrArray *
hearsay_brat_ann_files (HearsayImportContext  *ctx,
                        const char            *txt_path,
                        HearsayBratConf       *conf,
                        GError               **error)
{
  g_autofree char *dir = g_path_get_dirname (txt_path);
  g_autofree char *stem = g_path_get_basename (txt_path);
  GHashTable *index = dir_index (ctx, dir, error);
  GPtrArray *found, *pairs;

  if (index == NULL)
    return NULL;
  if (g_str_has_suffix (stem, ".txt"))
    stem[strlen (stem) - 4] = '\0';
  found = g_hash_table_lookup (index, stem);
  if (found == NULL)
    return NULL;
  pairs = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i + 1 < found->len; i += 2)
    {
      const char *named = g_ptr_array_index (found, i + 1);
      const char *annotator = named;

      /* <stem>.ann: whose annotations a Hearsay export says, else "brat". */
      if (annotator == NULL && conf != NULL && conf->annotators != NULL)
        annotator = g_hash_table_lookup (conf->annotators, stem);
      if (annotator == NULL && conf != NULL)
        annotator = conf->annotator;
      g_ptr_array_add (pairs, g_strdup (g_ptr_array_index (found, i)));
      g_ptr_array_add (pairs, g_strdup (annotator ? annotator : "brat"));
    }
  return pairs;
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

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Walks @dir: its .txt files into @txts, its annotation.conf (before those
 * of its subfolders) into @confs. Hidden folders are not brat's (brat does
 * not list them); a folder link is not followed, and one that leads out of
 * the tree is refused like a file link. */
gboolean
hearsay_brat_walk (const char  *root,
                   const char  *dir,
                   guint        depth,
                   GPtrArray   *txts,
                   GPtrArray   *confs,
                   GError     **error)
{
  static const char * const txt_suffixes[] = { ".txt", NULL };
  g_autoptr(GPtrArray) files = hearsay_import_list_dir (dir, txt_suffixes, error);
  g_autoptr(GPtrArray) subdirs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *conf = g_build_filename (dir, "annotation.conf", NULL);
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (files == NULL)
    return FALSE;
  if (depth > MAX_DEPTH)
    return hearsay_import_fail (error, dir, 0, _("the folders are nested more than %d deep"), MAX_DEPTH);
  if (g_file_test (conf, G_FILE_TEST_IS_REGULAR))
    add_unique (confs, conf);
  for (guint i = 0; i < files->len; i++)
    add_unique (txts, g_ptr_array_index (files, i));
  d = g_dir_open (dir, 0, error);
  if (d == NULL)
    return FALSE;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;

      if (name[0] == '.')
        continue;
      path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          g_autofree char *real_root = g_canonicalize_filename (root, NULL);
          g_autofree char *target = g_file_read_link (path, NULL);
          g_autofree char *resolved = target ? g_canonicalize_filename (target, dir) : NULL;

          /* Inside the tree, its files are walked where they are. */
          if (resolved != NULL && g_str_has_prefix (resolved, real_root) &&
              (resolved[strlen (real_root)] == G_DIR_SEPARATOR || resolved[strlen (real_root)] == '\0'))
            continue;
          g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
                       _("%s is a link that leads out of the folder (to %s); Hearsay does not follow it"),
                       path, target ? target : "?");
          return FALSE;
        }
      g_ptr_array_add (subdirs, g_steal_pointer (&path));
    }
  g_ptr_array_sort (subdirs, compare_paths);
  for (guint i = 0; i < subdirs->len; i++)
    if (!hearsay_brat_walk (root, g_ptr_array_index (subdirs, i), depth + 1, txts, confs, error))
      return FALSE;
  return TRUE;
}
