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
  return *id != '\0' && strspn (id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == strlen (id);
}

static char *
article_path (const char *labels_path,
              const char *id)
{
  g_autofree char *dir = g_path_get_dirname (labels_path);
  /* The first column is the bare id ("111111111") or, in some releases,
   * the article's name ("article111111111"). */
  g_autofree char *name = g_str_has_prefix (id, "article") && id[strlen ("article")] != '\0'
                          ? g_strdup_printf ("%s.txt", id) : g_strdup_printf ("article%s.txt", id);
  char *path = g_build_filename (dir, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *other = g_build_filename (dir, "articles", name, NULL);

      if (g_file_test (other, G_FILE_TEST_EXISTS))
        {
          g_free (path);
          path = g_steal_pointer (&other);
        }
    }
  return path;
}

typedef struct
{
  HearsayDocument *doc;
  HearsayTextIndex *index;
} Article;

static void
article_free (gpointer data)
{
  Article *a = data;

  g_object_unref (a->doc);
  hearsay_text_index_free (a->index);
  g_free (a);
}

static Article *
get_article (HearsayImportContext  *ctx,
             GHashTable            *articles,
             const char            *labels_path,
             guint                  line,
             const char            *id,
             GError               **error)
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
  const char *data;
  gsize size;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!g_utf8_validate_len (data, size, NULL) || memchr (data, '\0', size) != NULL)
    return hearsay_import_fail (error, labels_path, 0, _("not a UTF-8 text file"));
  text = g_strndup (data, size);
  lines = g_strsplit (g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autoptr(HearsayAnnotation) ann = NULL;
      const char *technique = NULL, *value = NULL;
      gint64 start, end;
      gboolean renamed = FALSE;
      guint n;
      Article *a;

      g_strchomp (lines[i]);
      if (*lines[i] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      n = g_strv_length (f);
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
      if (ctx->options != NULL && ctx->options->end_inclusive)
        end++;
      if (n == 4)
        {
          technique = f[1];
          value = lookup_technique (techniques, technique, &renamed);
          if (value == NULL)
            return hearsay_import_fail (error, labels_path, i + 1,
                                        _("“%s” is not a SemEval technique of the scheme's persuasion label"), technique);
        }
      a = get_article (ctx, articles, labels_path, i + 1, f[0], error);
      if (a == NULL)
        return FALSE;
      ann = hearsay_annotation_new (hearsay_document_get_id (a->doc), PERSUASION);
      hearsay_annotation_add_fragment (ann, start, end);
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

static gboolean
is_label_name (const char *name)
{
  return g_str_has_suffix (name, ".labels") || g_str_has_suffix (name, "-labels-subtask-3.txt") ||
         g_str_has_suffix (name, "labels-subtask-3-spans.txt") || g_str_has_suffix (name, ".tsv");
}

gboolean
hearsay_import_semeval_expand (const HearsayImporter  *importer,
                               const char * const     *paths,
                               GPtrArray              *units,
                               GPtrArray              *confs,
                               GError                **error)
{
  static const char * const suffixes[] = { ".labels", "-labels-subtask-3.txt", "labels-subtask-3-spans.txt",
                                           ".tsv", NULL };
  for (guint i = 0; paths[i]; i++)
    {
      g_autofree char *base = g_path_get_basename (paths[i]);

      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GPtrArray) files = hearsay_import_list_dir (paths[i], suffixes, error);

          if (files == NULL)
            return FALSE;
          for (guint j = 0; j < files->len; j++)
            hearsay_import_add_unit (units, importer->read, g_ptr_array_index (files, j));
        }
      else if (is_label_name (base) || !g_str_has_prefix (base, "article"))
        hearsay_import_add_unit (units, importer->read, paths[i]);
      /* article<ID>.txt given alongside its label file is read through it. */
    }
  return TRUE;
}
