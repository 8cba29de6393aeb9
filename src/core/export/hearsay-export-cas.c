/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-cas.c: what the WebAnno TSV and UIMA CAS XMI writers
 * share. INCEpTION keeps one CAS per user and document, and its project
 * export lays them out as annotation/<document>/<user>.<ext>: so does
 * Hearsay, one file per annotator, which the importer reads back with each
 * file's user as the annotator. A relation whose ends are in two files, in
 * two documents, or that links an entity, has no place in either format and
 * is counted and reported. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <glib/gstdio.h>

#include "hearsay-error.h"
#include "hearsay-export-cas-private.h"

HearsayCasExport *
hearsay_cas_export_new (void)
{
  HearsayCasExport *state = g_new0 (HearsayCasExport, 1);

  state->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return state;
}

void
hearsay_cas_export_free (HearsayCasExport *state)
{
  g_hash_table_unref (state->names);
  g_free (state);
}

void
hearsay_cas_export_warn (HearsayExportContext *ctx,
                         HearsayCasExport     *state,
                         const char           *format,
                         gboolean              has_metadata_layer)
{
  if (state->n_metadata > 0 && !has_metadata_layer)
    hearsay_export_warn (ctx, "%s: the outlet, URL, date, language and fields of %u documents have no place "
                         "in the format and are left out (each document's folder is named after its title)",
                         format, state->n_metadata);
  if (state->n_times > 0)
    hearsay_export_warn (ctx, "%s: the creation and modification times of %u annotations are left out",
                         format, state->n_times);
  if (state->n_entity_relations > 0)
    hearsay_export_warn (ctx, "%s: %u relations to entities are left out: the format links annotations only",
                         format, state->n_entity_relations);
  if (state->n_cross_document > 0)
    hearsay_export_warn (ctx, "%s: %u relations across documents are left out: each file holds one document",
                         format, state->n_cross_document);
  if (state->n_cross_annotator > 0)
    hearsay_export_warn (ctx, "%s: %u relations between annotations of two annotators are left out: each "
                         "annotator's file is a CAS of its own", format, state->n_cross_annotator);
  if (state->n_relation_annotator > 0)
    hearsay_export_warn (ctx, "%s: %u relations were made by another annotator than their source annotation's; "
                         "they are written in the source annotator's file, as that annotator's",
                         format, state->n_relation_annotator);
}

/* The title as a file name: no "/", "\" or control characters, no leading
 * dot, at most 100 bytes, unique (" (2)" added). */
char *
hearsay_cas_export_folder (HearsayCasExport *state,
                           HearsayDocument  *doc)
{
  const char *title = hearsay_document_get_title (doc);
  GString *name = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const char *p = title ? title : ""; *p && name->len < 100; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c) || (name->len == 0 && (c == '.' || g_unichar_isspace (c))))
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  while (name->len > 0 && name->str[name->len - 1] == ' ')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_printf (name, "document %" PRId64, hearsay_document_get_id (doc));
  base = g_string_free (name, FALSE);
  for (guint n = 1; ; n++)
    {
      char *candidate = n == 1 ? g_strdup (base) : g_strdup_printf ("%s (%u)", base, n);

      if (!g_hash_table_contains (state->names, candidate))
        {
          g_hash_table_add (state->names, candidate);
          return g_build_filename ("annotation", candidate, NULL);
        }
      g_free (candidate);
    }
}

static void
cas_file_free (gpointer data)
{
  HearsayCasFile *file = data;

  g_free (file->annotator);
  g_ptr_array_unref (file->annotations);
  g_ptr_array_unref (file->relations);
  g_free (file);
}

/* An annotator's name as a file stem. */
static char *
file_stem (const char *annotator)
{
  char *stem = g_strdup (annotator != NULL && *annotator != '\0' ? annotator : "unknown");

  for (char *p = stem; *p; p++)
    if (*p == '/' || *p == '\\' || (guchar) *p < 32)
      *p = '_';
  if (stem[0] == '.')
    stem[0] = '_';
  return stem;
}

static gboolean
has_metadata (HearsayDocument *doc)
{
  g_auto(GStrv) fields = hearsay_document_dup_field_names (doc);

  return hearsay_document_get_outlet (doc) != NULL || hearsay_document_get_url (doc) != NULL ||
         hearsay_document_get_published_at (doc) != NULL || hearsay_document_get_language (doc) != NULL ||
         (fields != NULL && fields[0] != NULL);
}

GPtrArray *
hearsay_cas_export_files (HearsayExportContext  *ctx,
                          HearsayCasExport      *state,
                          HearsayDocument       *doc,
                          HearsayOffsetMap      *map,
                          GError               **error)
{
  g_autoptr(GPtrArray) annotations = hearsay_export_annotations (ctx, hearsay_document_get_id (doc), error);
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) by_annotator = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) file_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *files;

  (void) map;
  if (annotations == NULL)
    return NULL;
  files = g_ptr_array_new_with_free_func (cas_file_free);
  if (has_metadata (doc))
    state->n_metadata++;
  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
      g_autofree char *stem = file_stem (hearsay_annotation_get_annotator (ann));
      HearsayCasFile *file = g_hash_table_lookup (by_annotator, stem);

      if (file == NULL)
        {
          file = g_new0 (HearsayCasFile, 1);
          file->annotator = g_steal_pointer (&stem);
          file->annotations = g_ptr_array_new_with_free_func (g_object_unref);
          file->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) hearsay_relation_free);
          g_hash_table_insert (by_annotator, file->annotator, file);
          g_ptr_array_add (files, file);
        }
      g_ptr_array_add (file->annotations, g_object_ref (ann));
      if (hearsay_annotation_get_created_at (ann) != NULL)
        state->n_times++;
    }
  for (guint i = 0; i < files->len; i++)
    {
      HearsayCasFile *file = g_ptr_array_index (files, i);

      for (guint k = 0; k < file->annotations->len; k++)
        {
          HearsayAnnotation *ann = g_ptr_array_index (file->annotations, k);
          gint64 *id = g_new (gint64, 1);

          *id = hearsay_annotation_get_id (ann);
          g_hash_table_insert (kept, id, ann);
          g_hash_table_insert (file_of, id, file);
        }
    }
  if (files->len == 0)
    {
      HearsayCasFile *file = g_new0 (HearsayCasFile, 1);

      file->annotator = g_strdup (HEARSAY_CAS_INITIAL_CAS);
      file->annotations = g_ptr_array_new_with_free_func (g_object_unref);
      file->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) hearsay_relation_free);
      g_ptr_array_add (files, file);
    }

  relations = hearsay_export_relations (ctx, hearsay_document_get_id (doc), kept, error);
  if (relations == NULL)
    {
      g_ptr_array_unref (files);
      return NULL;
    }
  for (guint i = 0; i < relations->len; i++)
    {
      HearsayRelation *r = g_ptr_array_index (relations, i);
      HearsayCasFile *from = g_hash_table_lookup (file_of, &r->from_id);
      HearsayCasFile *to = r->to_id > 0 ? g_hash_table_lookup (file_of, &r->to_id) : NULL;
      HearsayRelation *copy;

      if (r->to_id <= 0)
        state->n_entity_relations++;
      else if (!g_hash_table_contains (kept, &r->to_id))
        state->n_cross_document++;
      else if (from != to)
        state->n_cross_annotator++;
      else
        {
          g_autofree char *by = file_stem (r->annotator);

          if (r->annotator != NULL && g_strcmp0 (by, from->annotator) != 0)
            state->n_relation_annotator++;
          copy = g_new0 (HearsayRelation, 1);
          *copy = *r;
          copy->type = g_strdup (r->type);
          copy->annotator = g_strdup (r->annotator);
          copy->created_at = g_strdup (r->created_at);
          copy->uuid = g_strdup (r->uuid);
          g_ptr_array_add (from->relations, copy);
        }
    }
  return files;
}

static gboolean
joins (gunichar c)
{
  return g_unichar_ismark (c) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F);
}

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

GArray *
hearsay_cas_export_tokens (const char *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (HearsayCasToken));
  const char *p = text;
  gint64 cp = 0;
  gboolean line_start = TRUE;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      HearsayCasToken t = { cp, 0, line_start };
      gboolean word = g_unichar_isalnum (c);

      if (g_unichar_isspace (c) || (g_unichar_iscntrl (c) && c != 0xFEFF))
        {
          if (is_line_break (c))
            line_start = TRUE;
          p = g_utf8_next_char (p);
          cp++;
          continue;
        }
      do
        {
          gunichar prev = g_utf8_get_char (p);

          p = g_utf8_next_char (p);
          cp++;
          c = g_utf8_get_char (p);
          if (prev == 0x200D && *p && !g_unichar_isspace (c))
            continue;
          if (!(joins (c) || (word && g_unichar_isalnum (c))))
            break;
        }
      while (*p);
      t.end = cp;
      line_start = FALSE;
      g_array_append_val (tokens, t);
    }
  return tokens;
}

gboolean
hearsay_cas_export_write (HearsayExportContext  *ctx,
                          const char            *relative,
                          const char            *data,
                          gsize                  size,
                          GError               **error)
{
  g_autofree char *path = g_build_filename (ctx->dir, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  if (g_mkdir_with_parents (parent, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_FAILED, "Cannot create %s: %s",
                   parent, g_strerror (saved));
      return FALSE;
    }
  return hearsay_export_write_file (ctx, relative, data, size, error);
}

static gboolean
is_identifier (const char *name)
{
  if (!(g_ascii_isalpha (name[0]) || name[0] == '_'))
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_'))
      return FALSE;
  return TRUE;
}

static gboolean
is_reserved (const char *name)
{
  static const char * const reserved[] = { "label", "note", "hearsay_id", "begin", "end", "sofa", NULL };

  return g_strv_contains (reserved, name);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GPtrArray *
hearsay_cas_export_attributes (HearsayExportContext *ctx,
                               HearsayCasFile       *file,
                               const char           *where)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < file->annotations->len; i++)
    {
      g_auto(GStrv) attrs = hearsay_annotation_dup_attribute_names (g_ptr_array_index (file->annotations, i));

      for (guint k = 0; attrs[k]; k++)
        if (!g_hash_table_contains (used, attrs[k]))
          {
            if (!is_identifier (attrs[k]) || is_reserved (attrs[k]))
              hearsay_export_warn (ctx, "%s: the attribute “%s” is left out: %s", where, attrs[k],
                                   is_reserved (attrs[k]) ? "Hearsay's layer uses that feature name itself"
                                                          : "UIMA feature names are identifiers");
            g_hash_table_insert (used, g_strdup (attrs[k]), GINT_TO_POINTER (1));
          }
    }
  /* Scheme order first, so that columns stay put from file to file. */
  for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
    {
      const HearsayLabel *label = hearsay_scheme_get_label (scheme, i);

      for (guint k = 0; label->attributes && k < label->attributes->len; k++)
        {
          const HearsayAttributeDef *def = g_ptr_array_index (label->attributes, k);

          if (GPOINTER_TO_INT (g_hash_table_lookup (used, def->id)) == 1 && is_identifier (def->id) &&
              !is_reserved (def->id))
            {
              g_ptr_array_add (names, g_strdup (def->id));
              g_hash_table_insert (used, g_strdup (def->id), GINT_TO_POINTER (2));
            }
        }
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, used);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (GPOINTER_TO_INT (value) == 1 && is_identifier (key) && !is_reserved (key))
        g_ptr_array_add (others, key);
    g_ptr_array_sort (others, compare_names);
    for (guint i = 0; i < others->len; i++)
      g_ptr_array_add (names, g_strdup (g_ptr_array_index (others, i)));
  }
  return names;
}

gboolean
hearsay_cas_export_is_multi (HearsayExportContext *ctx,
                             const char           *name)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);

  for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
    {
      const HearsayAttributeDef *def = hearsay_label_lookup_attribute (hearsay_scheme_get_label (scheme, i), name);

      if (def != NULL && def->kind == HEARSAY_ATTRIBUTE_MULTI)
        return TRUE;
    }
  return FALSE;
}
