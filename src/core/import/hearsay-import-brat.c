/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-brat.c: brat standoff — a .txt and its .ann files.
 *
 * Offsets count code points of the .txt, end exclusive (DESIGN §5). Lines:
 *   T  text-bound annotation, fragments "0 5;16 23", then the text: the
 *      fragments' texts joined by one space, else a quote mismatch;
 *   R  relation "Type Arg1:T1 Arg2:T2";
 *   E  event "Type:T3 Role:T1 …": the trigger's annotation, with a relation
 *      named after each role to its argument;
 *   A/M attribute "Negated T1" (value "true") or "Status T1 disputed";
 *   N  normalisation "Reference T1 Wikipedia:534366 …" → attribute
 *      "normalization" = "Wikipedia:534366";
 *   #  "AnnotatorNotes T1<TAB>note" → the annotation's note;
 *   *  "Equiv T1 T2 T3" → "equiv" relations chaining them (T1→T2, T2→T3).
 * doc.ann holds annotator "brat"; doc_NAME.ann holds annotator NAME. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-import-private.h"

typedef struct
{
  HearsayImportContext *ctx;
  HearsayTextIndex *index;
  gint64 document_id;
  const char *path;
  const char *annotator;
  GHashTable *annotations;   /* brat id → HearsayAnnotation (T ids) */
  GHashTable *skipped;       /* brat ids left out (quote mismatch) */
  GHashTable *events;        /* E id → trigger T id */
  GPtrArray *order;          /* T ids in file order */
  GPtrArray *links;          /* Link */
} AnnFile;

typedef struct
{
  guint line;
  char *type;
  char *from;
  char *to;
} Link;

static void
link_free (gpointer data)
{
  Link *link = data;

  g_free (link->type);
  g_free (link->from);
  g_free (link->to);
  g_free (link);
}

static void
add_link (AnnFile    *f,
          guint       line,
          const char *type,
          const char *from,
          const char *to)
{
  Link *link = g_new0 (Link, 1);

  link->line = line;
  link->type = g_strdup (type);
  link->from = g_strdup (from);
  link->to = g_strdup (to);
  g_ptr_array_add (f->links, link);
}

static gboolean
parse_offset (const char *s,
              gint64     *value)
{
  guint64 v;

  /* Out of range is not a number either: saturating would shift the span. */
  if (s == NULL || !g_ascii_isdigit (*s) ||
      !g_ascii_string_to_unsigned (s, 10, 0, G_MAXINT64, &v, NULL))
    return FALSE;
  *value = (gint64) v;
  return TRUE;
}

static HearsayScheme *
scheme_of (HearsayImportContext *ctx)
{
  return ctx->scheme != NULL ? ctx->scheme : hearsay_project_get_scheme (ctx->project);
}

static gboolean
read_t_line (AnnFile     *f,
             guint        line,
             char       **fields,
             GError     **error)
{
  g_autofree char *type = NULL;
  g_auto(GStrv) spans = NULL;
  g_autoptr(HearsayAnnotation) ann = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  const char *sep;

  if (g_strv_length (fields) < 3)
    return hearsay_import_fail (error, f->path, line,
                                _("malformed T line: expected “T1<TAB>Label START END<TAB>text”"));
  sep = strchr (fields[1], ' ');
  if (sep == NULL)
    return hearsay_import_fail (error, f->path, line, _("malformed T line: the offsets are missing"));
  type = g_strndup (fields[1], sep - fields[1]);
  label = hearsay_import_map_label (scheme_of (f->ctx), type);
  spans = g_strsplit (sep + 1, ";", -1);
  ann = hearsay_annotation_new (f->document_id, label);
  for (guint i = 0; spans[i]; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_strstrip (spans[i]), " ", -1);
      gint64 start, end;

      if (g_strv_length (pair) != 2 || !parse_offset (pair[0], &start) || !parse_offset (pair[1], &end))
        return hearsay_import_fail (error, f->path, line,
                                    _("malformed T line: “%s” is not a span “START END”"), spans[i]);
      if (!hearsay_text_index_check_span (f->index, start, end, &local_error))
        return hearsay_import_fail (error, f->path, line, "%s", local_error->message);
      if (expected->len > 0)
        g_string_append_c (expected, ' ');
      g_string_append_len (expected, hearsay_text_index_pointer (f->index, start),
                           hearsay_text_index_pointer (f->index, end) - hearsay_text_index_pointer (f->index, start));
      hearsay_annotation_add_fragment (ann, start, end);
    }
  if (g_hash_table_contains (f->annotations, fields[0]) || g_hash_table_contains (f->skipped, fields[0]))
    return hearsay_import_fail (error, f->path, line, _("the id %s is used twice"), fields[0]);
  if (strcmp (expected->str, fields[2]) != 0)
    {
      g_autofree char *given = hearsay_import_excerpt (fields[2], 80);
      g_autofree char *found = hearsay_import_excerpt (expected->str, 80);

      g_hash_table_add (f->skipped, g_strdup (fields[0]));
      return hearsay_import_quote_mismatch (f->ctx, error, f->path, line,
                                            _("%s (%s): the text “%s” does not match the file's text “%s” at its offsets; skipped"),
                                            fields[0], label, given, found);
    }
  g_ptr_array_add (f->order, g_strdup (fields[0]));
  g_hash_table_insert (f->annotations, g_strdup (fields[0]), g_steal_pointer (&ann));
  return TRUE;
}

/* The annotation a T or E id stands for; NULL with *skipped when the
 * target was left out, NULL with an error when it does not exist. */
static HearsayAnnotation *
lookup (AnnFile     *f,
        const char  *id,
        guint        line,
        gboolean    *skipped,
        GError     **error)
{
  const char *t = g_hash_table_lookup (f->events, id);
  HearsayAnnotation *ann;

  *skipped = FALSE;
  if (t != NULL)
    id = t;
  ann = g_hash_table_lookup (f->annotations, id);
  if (ann != NULL)
    return ann;
  if (g_hash_table_contains (f->skipped, id))
    {
      *skipped = TRUE;
      return NULL;
    }
  hearsay_import_fail (error, f->path, line, _("%s is not an annotation of this file"), id);
  return NULL;
}

static gboolean
read_other_line (AnnFile     *f,
                 guint        line,
                 char       **fields,
                 GError     **error)
{
  g_auto(GStrv) args = NULL;
  HearsayAnnotation *ann;
  gboolean skipped;
  guint n;

  if (g_strv_length (fields) < 2)
    return hearsay_import_fail (error, f->path, line, _("malformed line: expected an id, a TAB and a type"));
  args = g_strsplit (g_strstrip (fields[1]), " ", -1);
  n = g_strv_length (args);
  switch (fields[0][0])
    {
    case 'R':
      if (n != 3 || !g_str_has_prefix (args[1], "Arg1:") || !g_str_has_prefix (args[2], "Arg2:"))
        return hearsay_import_fail (error, f->path, line, _("malformed R line: expected “R1<TAB>Type Arg1:T1 Arg2:T2”"));
      add_link (f, line, args[0], args[1] + 5, args[2] + 5);
      return TRUE;
    case 'E':
      {
        const char *colon = strchr (args[0], ':');

        if (colon == NULL)
          return hearsay_import_fail (error, f->path, line, _("malformed E line: expected “E1<TAB>Type:T1 Role:T2 …”"));
        g_hash_table_insert (f->events, g_strdup (fields[0]), g_strdup (colon + 1));
        for (guint i = 1; i < n; i++)
          {
            const char *c = strchr (args[i], ':');
            g_autofree char *role = NULL;

            if (c == NULL)
              return hearsay_import_fail (error, f->path, line, _("malformed E line: “%s” is not “Role:ID”"), args[i]);
            role = g_strndup (args[i], c - args[i]);
            add_link (f, line, role, fields[0], c + 1);
          }
        return TRUE;
      }
    case 'A':
    case 'M':
      if (n != 2 && n != 3)
        return hearsay_import_fail (error, f->path, line, _("malformed attribute line: expected “A1<TAB>Name T1 [VALUE]”"));
      ann = lookup (f, args[1], line, &skipped, error);
      if (ann != NULL)
        {
          g_autofree char *name = hearsay_import_identifier (args[0]);

          hearsay_annotation_add_attribute_value (ann, name, n == 3 ? args[2] : "true");
        }
      return ann != NULL || skipped;
    case 'N':
      if (n < 3)
        return hearsay_import_fail (error, f->path, line, _("malformed N line: expected “N1<TAB>Reference T1 DB:ID”"));
      ann = lookup (f, args[1], line, &skipped, error);
      if (ann != NULL)
        hearsay_annotation_add_attribute_value (ann, "normalization", args[2]);
      return ann != NULL || skipped;
    case '#':
      if (n < 2)
        return hearsay_import_fail (error, f->path, line, _("malformed note line: expected “#1<TAB>AnnotatorNotes T1<TAB>note”"));
      ann = lookup (f, args[1], line, &skipped, error);
      if (ann != NULL && fields[2] != NULL)
        {
          const char *old = hearsay_annotation_get_note (ann);
          g_autofree char *note = old ? g_strconcat (old, "\n", fields[2], NULL) : g_strdup (fields[2]);

          hearsay_annotation_set_note (ann, note);
        }
      return ann != NULL || skipped;
    case '*':
      if (n < 3)
        return hearsay_import_fail (error, f->path, line, _("malformed * line: expected “*<TAB>Equiv T1 T2 …”"));
      for (guint i = 2; i < n; i++)
        add_link (f, line, g_ascii_strcasecmp (args[0], "Equiv") == 0 ? "equiv" : args[0], args[i - 1], args[i]);
      return TRUE;
    default:
      return hearsay_import_fail (error, f->path, line, _("“%s” is not a brat line type (T, R, E, A, M, N, #, *)"), fields[0]);
    }
}

static gboolean
store_all (AnnFile  *f,
           GError  **error)
{
  for (guint i = 0; i < f->order->len; i++)
    {
      HearsayAnnotation *ann = g_hash_table_lookup (f->annotations, g_ptr_array_index (f->order, i));

      if (!hearsay_import_store_annotation (f->ctx, f->index, ann, f->annotator, f->path, 0, error))
        return FALSE;
    }
  for (guint i = 0; i < f->links->len; i++)
    {
      Link *link = g_ptr_array_index (f->links, i);
      HearsayAnnotation *from, *to;
      gboolean skipped_from = FALSE, skipped_to = FALSE;

      from = lookup (f, link->from, link->line, &skipped_from, error);
      if (from == NULL && !skipped_from)
        return FALSE;
      to = lookup (f, link->to, link->line, &skipped_to, error);
      if (to == NULL && !skipped_to)
        return FALSE;
      if (skipped_from || skipped_to)
        continue;
      if (!hearsay_import_store_relation (f->ctx, link->type, hearsay_annotation_get_id (from),
                                          hearsay_annotation_get_id (to), f->annotator, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_ann (HearsayImportContext  *ctx,
            HearsayTextIndex      *index,
            gint64                 document_id,
            const char            *path,
            const char            *annotator,
            GError               **error)
{
  g_autoptr(GBytes) bytes = hearsay_import_read_file (path, HEARSAY_MAX_IMPORT_BYTES, error);
  g_autoptr(GHashTable) annotations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) skipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (link_free);
  AnnFile f = { ctx, index, document_id, path, annotator, annotations, skipped, events, order, links };
  g_auto(GStrv) lines = NULL;
  const char *data;
  const char *bad;
  gsize size;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!g_utf8_validate_len (data, size, &bad) || memchr (data, '\0', size) != NULL)
    return hearsay_import_fail (error, path, 0, _("not valid UTF-8 (byte offset %zu)"),
                                (gsize) (bad - data));
  lines = g_strsplit (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? data + 3 : data, "\n", -1);
  /* T lines first: the other lines refer to them, in any order. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; lines[i]; i++)
      {
        g_auto(GStrv) fields = NULL;
        gsize len = strlen (lines[i]);

        if (len > 0 && lines[i][len - 1] == '\r')
          lines[i][len - 1] = '\0';
        if (*lines[i] == '\0' || (pass == 0) != (lines[i][0] == 'T'))
          continue;
        fields = g_strsplit (lines[i], "\t", 3);
        if (pass == 0 ? !read_t_line (&f, i + 1, fields, error) : !read_other_line (&f, i + 1, fields, error))
          return FALSE;
      }
  return store_all (&f, error);
}

/* A folder's .ann files by the stem of the .txt they belong to: doc.ann →
 * "doc" (annotator "brat"), doc_NAME.ann → "doc" (annotator "NAME") unless
 * doc_NAME.txt exists, which then owns it. Built once per folder: a corpus
 * of 10,000 documents is not listed 10,000 times. Values: path, annotator,
 * path, annotator… */
static GHashTable *
dir_index (GHashTable  *cache,
           const char  *dir,
           GError     **error)
{
  static const char * const txt_suffixes[] = { ".txt", NULL };
  static const char * const ann_suffixes[] = { ".ann", NULL };
  g_autoptr(GPtrArray) txts = NULL;
  g_autoptr(GPtrArray) anns = NULL;
  g_autoptr(GHashTable) stems = NULL;
  GHashTable *index = g_hash_table_lookup (cache, dir);

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
      g_ptr_array_add (list, g_strdup (strcmp (owner, name) == 0 ? "brat" : name + strlen (owner) + 1));
    }
  g_hash_table_insert (cache, g_strdup (dir), index);
  return index;
}

/* The .ann files of @txt_path and their annotators (pairs), or NULL. */
static GPtrArray *
ann_files (GHashTable  *cache,
           const char  *txt_path,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (txt_path);
  g_autofree char *stem = g_path_get_basename (txt_path);
  GHashTable *index = dir_index (cache, dir, error);

  if (index == NULL)
    return NULL;
  if (g_str_has_suffix (stem, ".txt"))
    stem[strlen (stem) - 4] = '\0';
  return g_hash_table_lookup (index, stem);
}

static GHashTable *
new_cache (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
}

gboolean
hearsay_import_brat_unit (HearsayImportContext  *ctx,
                          const char            *txt_path,
                          GError               **error)
{
  HearsayImportOptions text_options = { .encoding = ctx->options->encoding };
  g_autoptr(HearsayDocument) doc = hearsay_import_text_file (txt_path, &text_options, error);
  g_autoptr(HearsayTextIndex) index = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *anns;
  guint before = ctx->report->n_annotations;

  if (doc == NULL || !hearsay_import_store_document (ctx, doc, FALSE, error))
    return FALSE;
  index = hearsay_text_index_new (hearsay_document_get_text (doc));
  if (ctx->dir_listings == NULL)
    ctx->dir_listings = new_cache ();
  anns = ann_files (ctx->dir_listings, txt_path, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (anns == NULL)
    return hearsay_import_fail (error, txt_path, 0, _("there is no .ann file next to it"));
  for (guint i = 0; i + 1 < anns->len; i += 2)
    if (!import_ann (ctx, index, hearsay_document_get_id (doc), g_ptr_array_index (anns, i),
                     g_ptr_array_index (anns, i + 1), error))
      return FALSE;
  hearsay_document_set_n_annotations (doc, ctx->report->n_annotations - before);
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

static void
add_conf_of (GPtrArray  *confs,
             const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *conf = g_build_filename (dir, "annotation.conf", NULL);

  if (g_file_test (conf, G_FILE_TEST_IS_REGULAR))
    add_unique (confs, conf);
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

gboolean
hearsay_import_brat_expand (const HearsayImporter  *importer,
                            const char * const     *paths,
                            GPtrArray              *all_units,
                            GPtrArray              *confs,
                            GError                **error)
{
  static const char * const txt_suffixes[] = { ".txt", NULL };
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) cache = new_cache ();

  for (guint i = 0; paths[i]; i++)
    {
      const char *path = paths[i];
      g_autofree char *base = g_path_get_basename (path);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GPtrArray) txts = hearsay_import_list_dir (path, txt_suffixes, error);
          g_autofree char *conf = g_build_filename (path, "annotation.conf", NULL);

          if (txts == NULL)
            return FALSE;
          if (g_file_test (conf, G_FILE_TEST_IS_REGULAR))
            add_unique (confs, conf);
          for (guint j = 0; j < txts->len; j++)
            {
              g_autoptr(GError) local_error = NULL;
              GPtrArray *anns = ann_files (cache, g_ptr_array_index (txts, j), &local_error);

              if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              if (anns != NULL)
                g_ptr_array_add (units, g_strdup (g_ptr_array_index (txts, j)));
            }
        }
      else if (strcmp (base, "annotation.conf") == 0)
        add_unique (confs, path);
      else if (g_str_has_suffix (path, ".ann"))
        {
          g_autofree char *txt = txt_of_ann (path);

          if (txt == NULL)
            {
              hearsay_import_fail (error, path, 0, _("there is no .txt file for this .ann file"));
              return FALSE;
            }
          add_unique (units, txt);
          add_conf_of (confs, path);
        }
      else
        {
          add_unique (units, path);
          add_conf_of (confs, path);
        }
    }
  for (guint i = 0; i < units->len; i++)
    hearsay_import_add_unit (all_units, importer->read, g_ptr_array_index (units, i));
  return TRUE;
}
