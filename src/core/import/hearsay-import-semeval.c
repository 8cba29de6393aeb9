/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-semeval.c: SemEval propaganda span files.
 *
 * A label file holds "ID<TAB>TECHNIQUE<TAB>START<TAB>END" lines (or
 * "ID<TAB>START<TAB>END" for span identification); its articles are
 * article<ID>.txt beside it (or in an "articles" folder beside it). Layouts:
 * 2020 article<ID>.task-flc-tc.labels / article<ID>.labels, 2023
 * article<ID>-labels-subtask-3.txt, one labels-subtask-3-spans.txt (as
 * Hearsay's export and the 2023 release's train-labels-subtask-3-spans.txt)
 * or one TSV for all articles. Offsets
 * count code points of the raw file, a leading BOM and the CR of CRLF
 * included — the text is stored verbatim, so they apply as they are; END is
 * exclusive unless the end_inclusive option says otherwise.
 *
 * Techniques become the `persuasion` label's `technique` value whose
 * SemEval name (the scheme's "external" name) matches, compared without
 * case and punctuation, so the 2020 "Name_Calling,Labeling" and
 * "Exaggeration,Minimisation" match the 2023 "Name_Calling-Labeling" and
 * "Exaggeration-Minimisation". Renamed or merged 2019/2020 techniques map
 * onto the 2023 technique that took them over (the original name is kept in
 * the annotation's note):
 *   Black-and-White_Fallacy                  → False_Dilemma-No_Choice
 *   Thought-terminating_Cliches              → Conversation_Killer
 *   Bandwagon,Reductio_ad_hitlerum           → Appeal_to_Popularity
 *   Bandwagon                                → Appeal_to_Popularity
 *   Reductio_ad_hitlerum                     → Guilt_by_Association
 *   Whataboutism,Straw_Men,Red_Herring       → Whataboutism
 *   Straw_Men                                → Straw_Man
 *   Obfuscation,Intentional_Vagueness,Confusion → Obfuscation-Vagueness-Confusion
 * Any other name is an error naming the file and line. */
#include "config.h"

#include <inttypes.h>

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-import-private.h"

#define PERSUASION HEARSAY_LABEL_PERSUASION
#define TECHNIQUE "technique"

static const struct { const char *old_name; const char *semeval_2023; } renames[] = {
  { "blackandwhitefallacy", "falsedilemmanochoice" },
  { "thoughtterminatingcliches", "conversationkiller" },
  { "bandwagonreductioadhitlerum", "appealtopopularity" },
  { "bandwagon", "appealtopopularity" },
  { "reductioadhitlerum", "guiltbyassociation" },
  { "whataboutismstrawmenredherring", "whataboutism" },
  { "strawmen", "strawman" },
  { "obfuscationintentionalvaguenessconfusion", "obfuscationvaguenessconfusion" },
};

static char *
technique_key (const char *name)
{
  GString *key = g_string_new (NULL);

  for (const char *p = name; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, g_ascii_tolower (*p));
  return g_string_free (key, FALSE);
}

/* key → value id of the scheme's technique attribute. */
static GHashTable *
technique_table (HearsayScheme *scheme)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, PERSUASION);
  const HearsayAttributeDef *attr = label ? hearsay_label_lookup_attribute (label, TECHNIQUE) : NULL;

  for (guint i = 0; attr != NULL && attr->values != NULL && i < attr->values->len; i++)
    {
      const HearsayValueDef *v = g_ptr_array_index (attr->values, i);

      g_hash_table_insert (table, technique_key (v->semeval ? v->semeval : v->id), g_strdup (v->id));
      g_hash_table_insert (table, technique_key (v->id), g_strdup (v->id));
    }
  return table;
}

static const char *
lookup_technique (GHashTable *table,
                  const char *name,
                  gboolean   *renamed)
{
  g_autofree char *key = technique_key (name);
  const char *id = g_hash_table_lookup (table, key);

  *renamed = FALSE;
  for (guint i = 0; id == NULL && i < G_N_ELEMENTS (renames); i++)
    if (strcmp (key, renames[i].old_name) == 0)
      {
        id = g_hash_table_lookup (table, renames[i].semeval_2023);
        *renamed = TRUE;
      }
  return id;
}

static gboolean
plain_id (const char *id)
{
  gsize n = strlen (id);

  /* 2025 names articles by file ("EN_UA_1234.txt"). */
  if (g_str_has_suffix (id, ".txt"))
    n -= 4;
  return n > 0 && strspn (id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == n;
}

/* The folders where a label file's articles may be, in the releases'
 * layouts: beside it, in "articles" or "raw-documents" below it, or in a
 * sibling folder holding articles ("train-articles" beside
 * "train-labels-subtask-3-spans"). */
static GPtrArray *
article_dirs (const char *labels_path)
{
  g_autofree char *dir = g_path_get_dirname (labels_path);
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autoptr(GDir) siblings = g_dir_open (parent, 0, NULL);
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_ptr_array_add (dirs, g_strdup (dir));
  g_ptr_array_add (dirs, g_build_filename (dir, "articles", NULL));
  g_ptr_array_add (dirs, g_build_filename (dir, "raw-documents", NULL));
  while (siblings != NULL && (name = g_dir_read_name (siblings)) != NULL)
    {
      g_autofree char *path = g_build_filename (parent, name, NULL);

      if ((strstr (name, "articles") != NULL || strstr (name, "raw-documents") != NULL) &&
          g_file_test (path, G_FILE_TEST_IS_DIR) && g_strcmp0 (path, dir) != 0)
        g_ptr_array_add (dirs, g_steal_pointer (&path));
    }
  return dirs;
}

static char *
article_path (const char *labels_path,
              const char *id)
{
  g_autoptr(GPtrArray) dirs = article_dirs (labels_path);
  /* The first column is the bare id ("111111111"), the article's name
   * ("article111111111") or, in 2025, its file name ("EN_UA_1234.txt"). */
  g_autofree char *name = g_str_has_suffix (id, ".txt") ? g_strdup (id)
                          : g_str_has_prefix (id, "article") && id[strlen ("article")] != '\0'
                          ? g_strdup_printf ("%s.txt", id) : g_strdup_printf ("article%s.txt", id);

  for (guint i = 0; i < dirs->len; i++)
    {
      char *path = g_build_filename (g_ptr_array_index (dirs, i), name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
  return g_build_filename (g_ptr_array_index (dirs, 0), name, NULL);
}

/* What a Hearsay export's README.txt beside the label file states:
 * "offsets: utf16, end inclusive". FALSE when there is no such line. */
static gboolean
read_stated (const char              *labels_path,
             HearsayOffsetConvention *convention,
             gboolean                *end_inclusive)
{
  g_autofree char *dir = g_path_get_dirname (labels_path);
  g_autofree char *readme = g_build_filename (dir, "README.txt", NULL);
  g_autofree char *text = NULL;
  const char *line;
  char unit[16] = "", end[16] = "";

  if (!g_file_get_contents (readme, &text, NULL, NULL) || (line = strstr (text, "\noffsets: ")) == NULL ||
      sscanf (line, "\noffsets: %15[a-z0-9], end %15[a-z]", unit, end) != 2 ||
      !hearsay_offset_unit_from_string (unit, &convention->unit))
    return FALSE;
  convention->crlf_as_one = FALSE;
  convention->without_bom = FALSE;
  *end_inclusive = g_str_equal (end, "inclusive");
  return TRUE;
}

typedef struct
{
  HearsayDocument *doc;
  HearsayTextIndex *index;
  HearsayOffsetReader *offsets;
} Article;

static void
article_free (gpointer data)
{
  Article *a = data;

  g_object_unref (a->doc);
  hearsay_text_index_free (a->index);
  hearsay_offset_reader_free (a->offsets);
  g_free (a);
}

static Article *
get_article (HearsayImportContext          *ctx,
             GHashTable                    *articles,
             const HearsayOffsetConvention *convention,
             const char                    *labels_path,
             guint                          line,
             const char                    *id,
             GError                       **error)
{
  HearsayImportOptions text_options = { .encoding = ctx->options->encoding };
  g_autofree char *path = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
  Article *a = g_hash_table_lookup (articles, id);
  HearsayDocument *known;

  if (a != NULL)
    return a;
  if (!plain_id (id))
    {
      hearsay_import_fail (error, labels_path, line,
                           _("the article id “%s” is not a plain name (letters, digits, - and _)"), id);
      return NULL;
    }
  path = article_path (labels_path, id);
  /* The same article named by several label files is one document. */
  known = g_hash_table_lookup (ctx->documents_by_source, path);
  if (known != NULL)
    doc = g_object_ref (known);
  else
    {
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          hearsay_import_fail (error, labels_path, line, _("the article file %s does not exist"), path);
          return NULL;
        }
      doc = hearsay_import_text_file (path, &text_options, error);
      if (doc == NULL || !hearsay_import_store_document (ctx, doc, FALSE, error))
        return NULL;
      g_hash_table_insert (ctx->documents_by_source, g_strdup (path), g_object_ref (doc));
    }
  a = g_new0 (Article, 1);
  a->doc = g_steal_pointer (&doc);
  a->index = hearsay_text_index_new (hearsay_document_get_text (a->doc));
  a->offsets = hearsay_offset_reader_new (hearsay_document_get_text (a->doc), convention);
  g_hash_table_insert (articles, g_strdup (id), a);
  return a;
}

static gboolean
parse_int (const char *s,
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

/* 2025 entity framing: "ARTICLE\tMENTION\tSTART\tEND\tMAIN_ROLE[\tFINE_ROLE…]". */
static gboolean
is_main_role (const char *field)
{
  return g_ascii_strcasecmp (field, "Protagonist") == 0 || g_ascii_strcasecmp (field, "Antagonist") == 0 ||
         g_ascii_strcasecmp (field, "Innocent") == 0;
}

/* The scheme value of a fine-grained role ("Foreign Adversary" →
 * foreign_adversary), by its SemEval name or its id. */
static const char *
lookup_fine_role (HearsayScheme *scheme,
                  const char    *name)
{
  const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, HEARSAY_LABEL_ENTITY_MENTION);
  const HearsayAttributeDef *attr = label ? hearsay_label_lookup_attribute (label, "fine_roles") : NULL;
  g_autofree char *key = technique_key (name);

  for (guint i = 0; attr != NULL && attr->values != NULL && i < attr->values->len; i++)
    {
      const HearsayValueDef *v = g_ptr_array_index (attr->values, i);
      g_autofree char *k1 = technique_key (v->semeval ? v->semeval : v->id);
      g_autofree char *k2 = technique_key (v->id);

      if (g_str_equal (key, k1) || g_str_equal (key, k2))
        return v->id;
    }
  return NULL;
}

static gboolean
read_role_line (HearsayImportContext          *ctx,
                GHashTable                    *articles,
                const HearsayOffsetConvention *convention,
                const char                    *labels_path,
                guint                          line,
                char                         **f,
                guint                          n,
                gint64                         start,
                gint64                         end,
                GError                       **error)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);
  g_autoptr(HearsayAnnotation) ann = NULL;
  g_autoptr(GStrvBuilder) fine = g_strv_builder_new ();
  g_auto(GStrv) fine_roles = NULL;
  g_autofree char *role = g_ascii_strdown (f[4], -1);
  gint64 s, e;
  Article *a = get_article (ctx, articles, convention, labels_path, line, f[0], error);

  if (a == NULL)
    return FALSE;
  /* The releases count END inclusive; the mention's text says which. */
  if (!hearsay_import_convert_span (a->offsets, convention, start, end + 1, &s, &e, labels_path, line, error))
    return FALSE;
  if (!hearsay_import_text_matches (a->index, s, e, f[1]))
    {
      gint64 s2, e2;

      if (hearsay_offset_reader_to_stored (a->offsets, start, &s2) &&
          hearsay_offset_reader_to_stored (a->offsets, end, &e2) && hearsay_import_text_matches (a->index, s2, e2, f[1]))
        s = s2, e = e2;
      else
        {
          g_autofree char *shown = hearsay_import_excerpt (f[1], 80);

          return hearsay_import_quote_mismatch (ctx, error, labels_path, line,
                                                _("the mention “%s” is not the text at %" PRId64 "–%"
                                                  PRId64 "; skipped"), shown, start, end);
        }
    }
  for (guint k = 5; k < n; k++)
    {
      const char *value;

      g_strstrip (f[k]);
      if (*f[k] == '\0')
        continue;
      value = lookup_fine_role (scheme, f[k]);
      if (value == NULL)
        return hearsay_import_fail (error, labels_path, line,
                                    _("“%s” is not a fine-grained role of the scheme's entity_mention label"), f[k]);
      g_strv_builder_add (fine, value);
    }
  fine_roles = g_strv_builder_end (fine);
  ann = hearsay_annotation_new (hearsay_document_get_id (a->doc), HEARSAY_LABEL_ENTITY_MENTION);
  hearsay_annotation_add_fragment (ann, s, e);
  hearsay_annotation_set_attribute (ann, "role", role);
  if (fine_roles[0] != NULL)
    hearsay_annotation_set_attribute_values (ann, "fine_roles", (const char * const *) fine_roles);
  if (!hearsay_import_store_annotation (ctx, a->index, ann, "semeval", labels_path, line, error))
    return FALSE;
  hearsay_document_set_n_annotations (a->doc, hearsay_document_get_n_annotations (a->doc) + 1);
  return TRUE;
}

gboolean
hearsay_import_semeval_unit (HearsayImportContext  *ctx,
                             const char            *labels_path,
                             GError               **error)
{
  g_autoptr(GBytes) bytes = hearsay_import_read_file (labels_path, HEARSAY_MAX_IMPORT_BYTES, error);
  g_autoptr(GHashTable) articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, article_free);
  g_autoptr(GHashTable) techniques = technique_table (hearsay_project_get_scheme (ctx->project));
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  HearsayOffsetConvention stated, convention;
  gboolean end_inclusive = ctx->options->end_inclusive, has_stated;
  const char *data;
  gsize size;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!g_utf8_validate_len (data, size, NULL) || memchr (data, '\0', size) != NULL)
    return hearsay_import_fail (error, labels_path, 0, _("not a UTF-8 text file"));
  /* Offsets count code points of the raw file unless a Hearsay export's
   * README says otherwise; --offsets says it for other files. */
  has_stated = read_stated (labels_path, &stated, &end_inclusive);
  if (!has_stated)
    end_inclusive = ctx->options->end_inclusive;
  convention = hearsay_import_convention (ctx, has_stated ? &stated : NULL, NULL);
  text = g_strndup (data, size);
  lines = g_strsplit (g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autoptr(HearsayAnnotation) ann = NULL;
      const char *technique = NULL, *value = NULL;
      gint64 start, end, s, e;
      gboolean renamed = FALSE;
      guint n;
      Article *a;

      g_strchomp (lines[i]);
      if (*lines[i] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      n = g_strv_length (f);
      if (n >= 5 && is_main_role (f[4]) && parse_int (f[2], &start) && parse_int (f[3], &end))
        {
          if (!read_role_line (ctx, articles, &convention, labels_path, i + 1, f, n, start, end, error))
            return FALSE;
          continue;
        }
      if (n != 3 && n != 4)
        return hearsay_import_fail (error, labels_path, i + 1,
                                    _("expected “ID<TAB>TECHNIQUE<TAB>START<TAB>END”, found %u fields"), n);
      if (!parse_int (f[n - 2], &start) || !parse_int (f[n - 1], &end))
        {
          /* A header line ("article_id technique start end") is not data. */
          if (i == 0 && !g_ascii_isdigit (*f[n - 1]) && !g_ascii_isdigit (*f[n - 2]))
            continue;
          return hearsay_import_fail (error, labels_path, i + 1, _("the offsets “%s” and “%s” are not numbers"),
                                      f[n - 2], f[n - 1]);
        }
      if (end_inclusive)
        end++;
      if (n == 4)
        {
          technique = f[1];
          value = lookup_technique (techniques, technique, &renamed);
          if (value == NULL)
            return hearsay_import_fail (error, labels_path, i + 1,
                                        _("“%s” is not a SemEval technique of the scheme's persuasion label"), technique);
        }
      a = get_article (ctx, articles, &convention, labels_path, i + 1, f[0], error);
      if (a == NULL)
        return FALSE;
      if (!hearsay_import_convert_span (a->offsets, &convention, start, end, &s, &e, labels_path, i + 1, error))
        return FALSE;
      ann = hearsay_annotation_new (hearsay_document_get_id (a->doc), PERSUASION);
      hearsay_annotation_add_fragment (ann, s, e);
      if (value != NULL)
        hearsay_annotation_set_attribute (ann, TECHNIQUE, value);
      if (renamed)
        {
          g_autofree char *note = g_strdup_printf (_("SemEval technique: %s"), technique);

          hearsay_annotation_set_note (ann, note);
        }
      if (!hearsay_import_store_annotation (ctx, a->index, ann, "semeval", labels_path, i + 1, error))
        return FALSE;
      hearsay_document_set_n_annotations (a->doc, hearsay_document_get_n_annotations (a->doc) + 1);
    }
  return TRUE;
}

/* An article no label file names: a document without spans. */
gboolean
hearsay_import_semeval_article_unit (HearsayImportContext  *ctx,
                                     const char            *path,
                                     GError               **error)
{
  HearsayImportOptions text_options = { .encoding = ctx->options->encoding };
  g_autoptr(HearsayDocument) doc = NULL;

  if (g_hash_table_contains (ctx->documents_by_source, path))
    return TRUE;
  doc = hearsay_import_text_file (path, &text_options, error);
  if (doc == NULL || !hearsay_import_store_document (ctx, doc, FALSE, error))
    return FALSE;
  g_hash_table_insert (ctx->documents_by_source, g_strdup (path), g_object_ref (doc));
  return TRUE;
}

static gboolean
is_label_name (const char *name)
{
  return g_str_has_suffix (name, ".labels") || g_str_has_suffix (name, "-labels-subtask-3.txt") ||
         g_str_has_suffix (name, "labels-subtask-3-spans.txt") || g_str_has_suffix (name, ".tsv") ||
         g_str_equal (name, "subtask-1-annotations.txt");
}

static gboolean
is_article_name (const char *name,
                 const char *dir)
{
  return g_str_has_suffix (name, ".txt") && !is_label_name (name) &&
         (g_str_has_prefix (name, "article") || strstr (dir, "articles") != NULL ||
          strstr (dir, "raw-documents") != NULL);
}

/* A release is a tree (train-articles/, train-labels-…/, EN/raw-documents/):
 * label files anywhere below @dir are units, and so are the articles,
 * imported after them, so that an article no label names is a document too. */
static gboolean
expand_tree (const HearsayImporter  *importer,
             const char             *dir,
             guint                   depth,
             GPtrArray              *units,
             GPtrArray              *articles,
             GError                **error)
{
  static const char * const all[] = { "", NULL };
  g_autoptr(GPtrArray) entries = hearsay_import_list_dir (dir, all, error);

  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      const char *path = g_ptr_array_index (entries, i);
      g_autofree char *base = g_path_get_basename (path);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (depth < 3 && *base != '.' && !expand_tree (importer, path, depth + 1, units, articles, error))
            return FALSE;
        }
      else if (is_label_name (base))
        hearsay_import_add_unit (units, importer->read, path);
      else if (is_article_name (base, dir))
        hearsay_import_add_unit (articles, hearsay_import_semeval_article_unit, path);
    }
  return TRUE;
}

gboolean
hearsay_import_semeval_expand (const HearsayImporter  *importer,
                               const char * const     *paths,
                               GPtrArray              *units,
                               GPtrArray              *confs,
                               GError                **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (hearsay_import_unit_free);

  for (guint i = 0; paths[i]; i++)
    {
      g_autofree char *base = g_path_get_basename (paths[i]);

      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          if (!expand_tree (importer, paths[i], 0, units, articles, error))
            return FALSE;
        }
      else if (is_label_name (base) || !g_str_has_prefix (base, "article"))
        hearsay_import_add_unit (units, importer->read, paths[i]);
      else
        /* article<ID>.txt given alongside its label file: read through it,
         * or on its own when no label file names it. */
        hearsay_import_add_unit (articles, hearsay_import_semeval_article_unit, paths[i]);
    }
  for (guint i = 0; i < articles->len; i++)
    {
      HearsayImportUnit *unit = g_ptr_array_index (articles, i);

      hearsay_import_add_unit (units, unit->read, unit->path);
    }
  return TRUE;
}
