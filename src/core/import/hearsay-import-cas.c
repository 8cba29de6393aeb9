/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-cas.c: INCEpTION's documents, read from WebAnno TSV or UIMA
 * CAS XMI, into Hearsay: the layout of per-user files, and the mapping of
 * layers onto labels.
 *
 * - webanno.custom.Hearsay (Hearsay's own layer): label, note, attributes;
 *   spans sharing a hearsay_id are the fragments of one annotation.
 * - DKPro NamedEntity: its value is the label (mapped onto the scheme),
 *   identifier an attribute.
 * - Any other span layer: the layer's short name is the label ("Claim" →
 *   claim when the scheme has it), its features are attributes.
 * - Chain elements: the layer's name without "Link" is the label; each link
 *   to the next element is a relation typed by its referenceRelation.
 * - Relation layers: webanno.custom.HearsayRelation's type, else the first
 *   feature that has a value, else the layer's short name. Hearsay relations
 *   carry a type only: every other feature value is reported as left out. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-import-cas-private.h"

#define MAX_DEPTH 6

static void
span_free (gpointer data)
{
  HearsayCasSpan *span = data;

  g_free (span->type);
  g_hash_table_unref (span->features);
  g_free (span);
}

static void
relation_free (gpointer data)
{
  HearsayCasRelation *rel = data;

  g_free (rel->type);
  g_free (rel->label);
  g_hash_table_unref (rel->features);
  g_free (rel);
}

static GHashTable *
features_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
}

HearsayCasDocument *
hearsay_cas_document_new (void)
{
  HearsayCasDocument *cas = g_new0 (HearsayCasDocument, 1);

  cas->fields = features_new ();
  cas->spans = g_ptr_array_new_with_free_func (span_free);
  cas->relations = g_ptr_array_new_with_free_func (relation_free);
  return cas;
}

void
hearsay_cas_document_free (HearsayCasDocument *cas)
{
  if (cas == NULL)
    return;
  g_free (cas->text);
  g_free (cas->title);
  g_free (cas->url);
  g_free (cas->language);
  g_free (cas->outlet);
  g_free (cas->published_at);
  g_hash_table_unref (cas->fields);
  g_ptr_array_unref (cas->relations);
  g_ptr_array_unref (cas->spans);
  g_free (cas);
}

HearsayCasSpan *
hearsay_cas_add_span (HearsayCasDocument *cas,
                      const char         *type,
                      gint64              begin,
                      gint64              end,
                      guint               line)
{
  HearsayCasSpan *span = g_new0 (HearsayCasSpan, 1);

  span->type = g_strdup (type);
  span->begin = begin;
  span->end = end;
  span->features = features_new ();
  span->line = line;
  g_ptr_array_add (cas->spans, span);
  return span;
}

HearsayCasRelation *
hearsay_cas_add_relation (HearsayCasDocument *cas,
                          const char         *type,
                          HearsayCasSpan     *from,
                          HearsayCasSpan     *to,
                          guint               line)
{
  HearsayCasRelation *rel = g_new0 (HearsayCasRelation, 1);

  rel->type = g_strdup (type);
  rel->from = from;
  rel->to = to;
  rel->features = features_new ();
  rel->line = line;
  g_ptr_array_add (cas->relations, rel);
  return rel;
}

void
hearsay_cas_set_feature (GHashTable *features,
                         const char *name,
                         const char *value)
{
  const char *one[] = { value, NULL };

  if (value == NULL || g_hash_table_contains (features, name))
    return;
  g_hash_table_insert (features, g_strdup (name), g_strdupv ((char **) one));
}

void
hearsay_cas_add_feature_value (GHashTable *features,
                               const char *name,
                               const char *value)
{
  char **old = g_hash_table_lookup (features, name);
  guint n = old ? g_strv_length (old) : 0;
  char **values = g_new0 (char *, n + 2);

  for (guint i = 0; i < n; i++)
    values[i] = g_strdup (old[i]);
  values[n] = g_strdup (value);
  g_hash_table_insert (features, g_strdup (name), values);
}

const char *
hearsay_cas_get_feature (GHashTable *features,
                         const char *name)
{
  char **values = g_hash_table_lookup (features, name);

  return values != NULL ? values[0] : NULL;
}

const char *
hearsay_cas_short_name (const char *type)
{
  const char *dot = strrchr (type, '.');

  return dot != NULL ? dot + 1 : type;
}

/* The label of a chain layer's elements: "CoreferenceLink" → "Coreference". */
static char *
chain_name (const char *type)
{
  const char *name = hearsay_cas_short_name (type);
  gsize n = strlen (name);

  if (n > 4 && g_str_has_suffix (name, "Link"))
    n -= 4;
  return g_strndup (name, n);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The feature names of @features, sorted, so that attributes and messages
 * come out in the same order every time. */
static GPtrArray *
sorted_names (GHashTable *features)
{
  GPtrArray *names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, features);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_names);
  return names;
}

static gboolean
is_reserved (const char *type,
             const char *name)
{
  if (g_strcmp0 (type, HEARSAY_CAS_SPAN_TYPE) == 0)
    return g_str_equal (name, "label") || g_str_equal (name, "note") || g_str_equal (name, "hearsay_id");
  if (g_strcmp0 (type, HEARSAY_CAS_NAMED_ENTITY) == 0)
    return g_str_equal (name, "value");
  return FALSE;
}

/* Values of a multi-choice attribute that TSV wrote as one "a|b" string. */
static void
set_attribute (HearsayAnnotation   *ann,
               HearsayScheme       *scheme,
               const char          *name,
               const char * const  *values)
{
  const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, hearsay_annotation_get_label (ann));
  const HearsayAttributeDef *def = label ? hearsay_label_lookup_attribute (label, name) : NULL;

  if (def != NULL && def->kind == HEARSAY_ATTRIBUTE_MULTI && values[0] != NULL && values[1] == NULL &&
      strchr (values[0], '|') != NULL)
    {
      g_auto(GStrv) split = g_strsplit (values[0], "|", -1);

      hearsay_annotation_set_attribute_values (ann, name, (const char * const *) split);
      return;
    }
  hearsay_annotation_set_attribute_values (ann, name, values);
}

static char *
span_label (HearsayScheme  *scheme,
            HearsayCasSpan *span)
{
  const char *value;
  g_autofree char *name = NULL;

  if (g_strcmp0 (span->type, HEARSAY_CAS_SPAN_TYPE) == 0)
    {
      value = hearsay_cas_get_feature (span->features, "label");
      return value != NULL ? g_strdup (value) : NULL;
    }
  if (g_strcmp0 (span->type, HEARSAY_CAS_NAMED_ENTITY) == 0)
    {
      value = hearsay_cas_get_feature (span->features, "value");
      return hearsay_import_map_label (scheme, value ? value : "NamedEntity");
    }
  name = span->chain ? chain_name (span->type) : g_strdup (hearsay_cas_short_name (span->type));
  return hearsay_import_map_label (scheme, name);
}

typedef struct
{
  HearsayAnnotation *ann;
  GPtrArray *spans;    /* HearsayCasSpan, not owned */
} Group;

static void
group_free (gpointer data)
{
  Group *g = data;

  g_object_unref (g->ann);
  g_ptr_array_unref (g->spans);
  g_free (g);
}

static char *
relation_label (HearsayScheme      *scheme,
                HearsayCasRelation *rel,
                const char        **used)
{
  g_autoptr(GPtrArray) names = NULL;
  const char *value;

  *used = NULL;
  if (rel->label != NULL)
    return g_strdup (rel->label);
  if (g_strcmp0 (rel->type, HEARSAY_CAS_RELATION_TYPE) == 0 &&
      (value = hearsay_cas_get_feature (rel->features, "type")) != NULL)
    {
      *used = "type";
      return g_strdup (value);
    }
  if ((value = hearsay_cas_get_feature (rel->features, "value")) != NULL)
    {
      *used = "value";
      return g_strdup (value);
    }
  names = sorted_names (rel->features);
  for (guint i = 0; i < names->len; i++)
    if ((value = hearsay_cas_get_feature (rel->features, g_ptr_array_index (names, i))) != NULL)
      {
        *used = g_ptr_array_index (names, i);
        return g_strdup (value);
      }
  return hearsay_import_identifier (hearsay_cas_short_name (rel->type));
}

/* Stores @cas's spans and relations on @doc as @annotator. */
static gboolean
store_annotations (HearsayImportContext  *ctx,
                   HearsayDocument       *doc,
                   HearsayTextIndex      *index,
                   HearsayCasDocument    *cas,
                   const char            *annotator,
                   const char            *path,
                   GError               **error)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (group_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) lost = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_unlabelled = 0, n_empty = 0;

  for (guint i = 0; i < cas->spans->len; i++)
    {
      HearsayCasSpan *span = g_ptr_array_index (cas->spans, i);
      g_autofree char *label = span_label (scheme, span);
      const char *key = g_strcmp0 (span->type, HEARSAY_CAS_SPAN_TYPE) == 0 ?
                        hearsay_cas_get_feature (span->features, "hearsay_id") : NULL;
      Group *group = key != NULL ? g_hash_table_lookup (by_key, key) : NULL;
      g_autoptr(GPtrArray) names = NULL;

      if (label == NULL || *label == '\0')
        {
          n_unlabelled++;
          continue;
        }
      /* INCEpTION allows zero-width spans; a Hearsay annotation covers at
       * least one character. */
      if (span->begin >= span->end)
        {
          n_empty++;
          continue;
        }
      if (group != NULL)
        {
          hearsay_annotation_add_fragment (group->ann, span->begin, span->end);
          g_ptr_array_add (group->spans, span);
          continue;
        }
      group = g_new0 (Group, 1);
      group->ann = hearsay_annotation_new (hearsay_document_get_id (doc), label);
      group->spans = g_ptr_array_new ();
      g_ptr_array_add (group->spans, span);
      hearsay_annotation_add_fragment (group->ann, span->begin, span->end);
      if (g_strcmp0 (span->type, HEARSAY_CAS_SPAN_TYPE) == 0)
        hearsay_annotation_set_note (group->ann, hearsay_cas_get_feature (span->features, "note"));
      names = sorted_names (span->features);
      for (guint k = 0; k < names->len; k++)
        {
          const char *name = g_ptr_array_index (names, k);

          if (!is_reserved (span->type, name))
            set_attribute (group->ann, scheme, name,
                           (const char * const *) g_hash_table_lookup (span->features, name));
        }
      g_ptr_array_add (groups, group);
      if (key != NULL)
        g_hash_table_insert (by_key, g_strdup (key), group);
    }
  if (n_unlabelled > 0)
    hearsay_import_skip (ctx, path, 0, _("%u spans of %s have no label and were left out"),
                         n_unlabelled, HEARSAY_CAS_SPAN_TYPE);
  if (n_empty > 0)
    hearsay_import_skip (ctx, path, 0, _("%u zero-width spans are left out: a Hearsay annotation covers at "
                                         "least one character"), n_empty);

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);
      HearsayCasSpan *first = g_ptr_array_index (group->spans, 0);

      if (!hearsay_import_store_annotation (ctx, index, group->ann, annotator, path, first->line, error))
        return FALSE;
      for (guint k = 0; k < group->spans->len; k++)
        ((HearsayCasSpan *) g_ptr_array_index (group->spans, k))->annotation_id =
          hearsay_annotation_get_id (group->ann);
    }
  hearsay_document_set_n_annotations (doc, hearsay_document_get_n_annotations (doc) + groups->len);

  for (guint i = 0; i < cas->relations->len; i++)
    {
      HearsayCasRelation *rel = g_ptr_array_index (cas->relations, i);
      const char *used = NULL;
      g_autofree char *type = relation_label (scheme, rel, &used);
      g_autoptr(GPtrArray) names = sorted_names (rel->features);

      if (rel->from->annotation_id == 0 || rel->to->annotation_id == 0)
        {
          hearsay_import_skip (ctx, path, rel->line,
                               _("a relation of %s joins a span that was left out; it is left out too"),
                               rel->type);
          continue;
        }
      if (!hearsay_import_store_relation (ctx, type, rel->from->annotation_id, rel->to->annotation_id,
                                          annotator, error))
        return FALSE;
      for (guint k = 0; k < names->len; k++)
        {
          const char *name = g_ptr_array_index (names, k);
          g_autofree char *what = NULL;
          guint n;

          if (g_strcmp0 (name, used) == 0 || hearsay_cas_get_feature (rel->features, name) == NULL)
            continue;
          what = g_strdup_printf ("%s\t%s", rel->type, name);
          n = GPOINTER_TO_UINT (g_hash_table_lookup (lost, what));
          g_hash_table_insert (lost, g_steal_pointer (&what), GUINT_TO_POINTER (n + 1));
        }
    }
  {
    g_autoptr(GPtrArray) names = sorted_names (lost);

    for (guint i = 0; i < names->len; i++)
      {
        g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (names, i), "\t", 2);

        hearsay_import_skip (ctx, path, 0,
                             _("the feature “%s” of %u relations of %s is left out: "
                               "a Hearsay relation has a type only"),
                             parts[1], GPOINTER_TO_UINT (g_hash_table_lookup (lost, g_ptr_array_index (names, i))),
                             parts[0]);
      }
  }
  return TRUE;
}

/* annotation/<document>/<user>.ext and curation/<document>/<user>.ext, as
 * in INCEpTION's project export. */
static gboolean
layout_of (const char  *path,
           char       **document_name,
           char       **user)
{
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *grand = g_path_get_dirname (parent);
  g_autofree char *kind = g_path_get_basename (grand);

  if (g_strcmp0 (kind, "annotation") != 0 && g_strcmp0 (kind, "curation") != 0)
    return FALSE;
  if (document_name != NULL)
    *document_name = g_path_get_basename (parent);
  if (user != NULL)
    {
      g_autofree char *base = g_path_get_basename (path);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      *user = g_steal_pointer (&base);
    }
  return TRUE;
}

static char *
file_stem (const char *path)
{
  char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return base;
}

/* The first byte at which @a and @b differ, as a character offset. */
static glong
first_difference (const char *a,
                  const char *b)
{
  const char *p = a, *q = b;

  while (*p && *p == *q)
    p++, q++;
  while (p > a && (*p & 0xC0) == 0x80)
    p--;
  return g_utf8_pointer_to_offset (a, p);
}

static HearsayDocument *
new_document (HearsayCasDocument *cas,
              const char         *path,
              const char         *document_name)
{
  HearsayDocument *doc = hearsay_document_new (cas->text);
  g_autofree char *stem = file_stem (path);
  g_autofree char *base = g_path_get_basename (path);
  GHashTableIter iter;
  gpointer key, value;

  hearsay_document_set_title (doc, cas->title ? cas->title : document_name ? document_name : stem);
  hearsay_document_set_url (doc, cas->url);
  hearsay_document_set_language (doc, cas->language);
  hearsay_document_set_outlet (doc, cas->outlet);
  hearsay_document_set_published_at (doc, cas->published_at);
  hearsay_document_set_source_name (doc, document_name ? document_name : base);
  g_hash_table_iter_init (&iter, cas->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    hearsay_document_set_field (doc, key, (const char * const *) value);
  return doc;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The per-user files of a document folder of the layout, in
 * annotation/<document>/ and then curation/<document>/. */
static GPtrArray *
document_files (const char  *folder,
                const char  *suffix,
                GError     **error)
{
  const char * const suffixes[] = { suffix, NULL };
  g_autofree char *name = g_path_get_basename (folder);
  g_autofree char *parent = g_path_get_dirname (folder);
  g_autofree char *root = g_path_get_dirname (parent);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char * const kinds[] = { "annotation", "curation" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *dir = g_build_filename (root, kinds[k], name, NULL);
      g_autoptr(GPtrArray) listed = NULL;

      if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
        continue;
      listed = hearsay_import_list_dir (dir, suffixes, error);
      if (listed == NULL)
        {
          g_ptr_array_unref (files);
          return NULL;
        }
      for (guint i = 0; i < listed->len; i++)
        g_ptr_array_add (files, g_strdup (g_ptr_array_index (listed, i)));
    }
  return files;
}

gboolean
hearsay_import_cas_unit (HearsayImportContext  *ctx,
                         const char            *path,
                         const char            *suffix,
                         HearsayCasParseFunc    parse,
                         GError               **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(HearsayTextIndex) index = NULL;
  g_autofree char *first_path = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      files = document_files (path, suffix, error);
      if (files == NULL)
        return FALSE;
    }
  else
    {
      files = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (files, g_strdup (path));
    }
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autoptr(HearsayCasDocument) cas = parse (ctx, file, error);
      g_autofree char *document_name = NULL;
      g_autofree char *user = NULL;

      if (cas == NULL)
        return FALSE;
      if (!layout_of (file, &document_name, &user))
        user = g_strdup (HEARSAY_CAS_DEFAULT_ANNOTATOR);
      if (doc == NULL)
        {
          doc = new_document (cas, file, document_name);
          if (!hearsay_import_store_document (ctx, doc, FALSE, error))
            return FALSE;
          index = hearsay_text_index_new (hearsay_document_get_text (doc));
          first_path = g_strdup (file);
        }
      else if (g_strcmp0 (cas->text, hearsay_document_get_text (doc)) != 0)
        return hearsay_import_fail (error, file, 0,
                                    _("the text differs from that of %s at character %ld, although both "
                                      "files are annotations of the same document"),
                                    first_path, first_difference (cas->text, hearsay_document_get_text (doc)));
      if (!store_annotations (ctx, doc, index, cas, user, file, error))
        return FALSE;
    }
  return doc == NULL || hearsay_project_bulk_update_document (ctx->project, doc, error);
}

static void
add_unit (const HearsayImporter *importer,
          GPtrArray             *units,
          GHashTable            *seen,
          const char            *path)
{
  if (g_hash_table_contains (seen, path))
    return;
  g_hash_table_add (seen, g_strdup (path));
  hearsay_import_add_unit (units, importer->read, path);
}

/* A file of the layout stands for its document's folder, annotation/ first. */
static void
add_file (const HearsayImporter *importer,
          GPtrArray             *units,
          GHashTable            *seen,
          const char            *file)
{
  g_autofree char *document_name = NULL;
  g_autofree char *parent = NULL, *grand = NULL, *root = NULL, *folder = NULL;

  if (!layout_of (file, &document_name, NULL))
    {
      add_unit (importer, units, seen, file);
      return;
    }
  parent = g_path_get_dirname (file);
  grand = g_path_get_dirname (parent);
  root = g_path_get_dirname (grand);
  folder = g_build_filename (root, "annotation", document_name, NULL);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_free (folder);
      folder = g_build_filename (root, "curation", document_name, NULL);
    }
  add_unit (importer, units, seen, folder);
}

static gboolean
walk (const HearsayImporter  *importer,
      const char             *dir,
      guint                   depth,
      GPtrArray              *units,
      GHashTable             *seen,
      GError                **error)
{
  g_autoptr(GPtrArray) files = hearsay_import_list_dir (dir, importer->format.suffixes, error);
  g_autoptr(GPtrArray) subdirs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (files == NULL)
    return FALSE;
  for (guint i = 0; i < files->len; i++)
    add_file (importer, units, seen, g_ptr_array_index (files, i));
  if (depth >= MAX_DEPTH || (d = g_dir_open (dir, 0, NULL)) == NULL)
    return TRUE;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      char *sub = g_build_filename (dir, name, NULL);

      /* Links are not followed: a folder must not make Hearsay read others. */
      if (name[0] != '.' && g_file_test (sub, G_FILE_TEST_IS_DIR) && !g_file_test (sub, G_FILE_TEST_IS_SYMLINK))
        g_ptr_array_add (subdirs, sub);
      else
        g_free (sub);
    }
  g_ptr_array_sort (subdirs, compare_paths);
  for (guint i = 0; i < subdirs->len; i++)
    if (!walk (importer, g_ptr_array_index (subdirs, i), depth + 1, units, seen, error))
      return FALSE;
  return TRUE;
}

gboolean
hearsay_import_cas_expand (const HearsayImporter  *importer,
                           const char * const     *paths,
                           GPtrArray              *units,
                           GPtrArray              *confs,
                           GError                **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; paths[i]; i++)
    {
      if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        add_unit (importer, units, seen, paths[i]);
      else if (!walk (importer, paths[i], 0, units, seen, error))
        return FALSE;
    }
  return TRUE;
}
