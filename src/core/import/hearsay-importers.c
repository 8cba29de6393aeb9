/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-importers.c: the importer table — each format's name, label,
 * suffixes, how its paths expand into units and how a unit is read — that
 * hearsay_import_paths(), the format guesser, the CLI's help and the GUI's
 * Import dialog all enumerate. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-import-private.h"

static const char * const text_suffixes[] = { ".txt", NULL };
static const char * const html_suffixes[] = { ".html", ".htm", NULL };
static const char * const jsonl_suffixes[] = { ".jsonl", NULL };
static const char * const brat_suffixes[] = { ".ann", ".txt", "annotation.conf", NULL };
static const char * const semeval_suffixes[] = { ".labels", "-labels-subtask-3.txt",
                                                 "labels-subtask-3-spans.txt", ".tsv",
                                                 "subtask-1-annotations.txt", NULL };
static const char * const w3c_suffixes[] = { ".json", ".jsonld", NULL };
static const char * const qdpx_suffixes[] = { ".qdpx", NULL };
static const char * const webanno_tsv_suffixes[] = { ".tsv", NULL };
static const char * const xmi_suffixes[] = { ".xmi", NULL };
static const char * const labelstudio_suffixes[] = { ".json", NULL };
static const char * const conll_suffixes[] = { ".conll", ".conll03", ".conll2003", ".iob", ".bio", NULL };
static const char * const conllu_suffixes[] = { ".conllu", NULL };
static const char * const qdc_suffixes[] = { ".qdc", NULL };

static const HearsayImporter importers[] = {
  { { "text", N_("Plain text"),
      N_("Each .txt file becomes a document; page furniture can be marked."), text_suffixes },
    hearsay_import_expand_simple, hearsay_import_text_unit, FALSE },
  { { "html", N_("Web pages (HTML)"),
      N_("Saved articles: the article text and its metadata, without the page around it."), html_suffixes },
    hearsay_import_expand_simple, hearsay_import_html_unit, FALSE },
  { { "jsonl", N_("Hearsay JSON Lines"),
      N_("Documents and annotations exported by Hearsay."), jsonl_suffixes },
    hearsay_import_expand_simple, hearsay_import_jsonl_unit, FALSE },
  { { "brat", N_("brat standoff"),
      N_(".txt and .ann pairs; annotation.conf adds missing labels."), brat_suffixes },
    hearsay_import_brat_expand, hearsay_import_brat_unit, TRUE },
  { { "semeval", N_("SemEval spans"),
      N_("Tab-separated technique spans next to article<ID>.txt files."), semeval_suffixes },
    hearsay_import_semeval_expand, hearsay_import_semeval_unit, TRUE },
  { { "w3c", N_("W3C Web Annotation"),
      N_("JSON-LD annotations with position and quote selectors."), w3c_suffixes },
    hearsay_import_w3c_expand, hearsay_import_w3c_unit, TRUE },
  { { "doccano", N_("doccano JSONL"),
      N_("One JSON object a line, with the text and its labelled spans."), jsonl_suffixes },
    hearsay_import_expand_simple, hearsay_import_doccano_unit, FALSE },
  { { "qdpx", N_("REFI-QDA project"),
      N_("A .qdpx project of QualCoder, ATLAS.ti, MAXQDA or NVivo: its sources, coded selections, "
         "notes, links and variables."),
      qdpx_suffixes },
    hearsay_import_expand_simple, hearsay_import_refi_unit, FALSE },
  { { "qdc", N_("REFI-QDA codebook"),
      N_("A .qdc codebook: its codes become labels of the scheme."), qdc_suffixes },
    hearsay_import_expand_simple, hearsay_import_qdc_unit, FALSE },
  { { "webanno-tsv", N_("WebAnno TSV 3.3 (INCEpTION)"),
      N_("INCEpTION's and WebAnno's TSV: span, chain and relation layers; per-user files become annotators."),
      webanno_tsv_suffixes },
    hearsay_import_cas_expand, hearsay_import_webanno_tsv_unit, FALSE },
  { { "xmi", N_("UIMA CAS XMI (INCEpTION)"),
      N_("INCEpTION's lossless export with the DKPro Core types; per-user files become annotators."),
      xmi_suffixes },
    hearsay_import_cas_expand, hearsay_import_xmi_unit, FALSE },
  { { "labelstudio", N_("Label Studio JSON"),
      N_("Label Studio's JSON export: tasks with their text, labelled regions, choices, notes and relations."),
      labelstudio_suffixes },
    hearsay_import_expand_simple, hearsay_import_labelstudio_unit, FALSE },
  { { "conll2003", N_("CoNLL-2003"),
      N_("One token a line with its IOB tag last (NLTK, the shared task, Hearsay's CoNLL export); "
         "text files given with it are the texts its tokens are found in."), conll_suffixes },
    hearsay_import_conll_expand, hearsay_import_conll2003_unit, TRUE },
  { { "conllu", N_("CoNLL-U"),
      N_("Universal Dependencies sentences; entity tags from a NER column or MISC NER=; the text "
         "from # text, SpaceAfter, or text files given with it."), conllu_suffixes },
    hearsay_import_conll_expand, hearsay_import_conllu_unit, TRUE },
};

static const HearsayImportFormat * const formats[] = {
  &importers[0].format, &importers[1].format, &importers[2].format, &importers[3].format,
  &importers[4].format, &importers[5].format, &importers[6].format, &importers[7].format,
  &importers[8].format, &importers[9].format, &importers[10].format, &importers[11].format,
  &importers[12].format, &importers[13].format,
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (formats) == G_N_ELEMENTS (importers) + 1);

const HearsayImportFormat * const *
hearsay_import_formats (void)
{
  return formats;
}

const HearsayImporter *
hearsay_importer_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (importers); i++)
    if (g_strcmp0 (importers[i].format.name, name) == 0)
      return &importers[i];
  return NULL;
}

const HearsayImportFormat *
hearsay_import_format_lookup (const char *name)
{
  const HearsayImporter *importer = hearsay_importer_lookup (name);

  return importer != NULL ? &importer->format : NULL;
}

char *
hearsay_import_format_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (importers); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", importers[i].format.name);
  return g_string_free (names, FALSE);
}

gboolean
hearsay_import_has_suffix (const char *name,
                           const char *suffix)
{
  gsize n = strlen (name), m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (name + n - m, suffix) == 0;
}

static gboolean
has_any_suffix (const char         *name,
                const char * const *suffixes)
{
  for (guint i = 0; suffixes[i]; i++)
    if (hearsay_import_has_suffix (name, suffixes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_label_file (const char *name)
{
  return has_any_suffix (name, semeval_suffixes);
}

static gboolean
is_ann (const char *name)
{
  return hearsay_import_has_suffix (name, ".ann");
}

static gboolean
is_qdpx (const char *name)
{
  return hearsay_import_has_suffix (name, ".qdpx");
}

static gboolean
is_html (const char *name)
{
  return has_any_suffix (name, html_suffixes);
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

/* Label Studio exports a list of tasks with "data" and "annotations" (or
 * "predictions"); W3C annotations have an "@context". */
static const char *
sniff_json (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  char buffer[4096];
  gssize n;

  if (in == NULL)
    return "w3c";
  n = g_input_stream_read (G_INPUT_STREAM (in), buffer, sizeof buffer - 1, NULL, NULL);
  if (n <= 0)
    return "w3c";
  buffer[n] = '\0';
  if (strstr (buffer, "\"@context\"") != NULL)
    return "w3c";
  if (strstr (buffer, "\"data\"") != NULL &&
      (strstr (buffer, "\"annotations\"") != NULL || strstr (buffer, "\"predictions\"") != NULL ||
       strstr (buffer, "\"completions\"") != NULL))
    return "labelstudio";
  return "w3c";
}

/* WebAnno TSV starts with its format line (a BOM aside); SemEval's .tsv
 * files do not. */
static gboolean
is_webanno_tsv (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  char buffer[64];
  gssize n;
  const char *p = buffer;

  if (in == NULL || (n = g_input_stream_read (G_INPUT_STREAM (in), buffer, sizeof buffer - 1, NULL, NULL)) <= 0)
    return FALSE;
  buffer[n] = '\0';
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  return g_str_has_prefix (p, "#FORMAT=WebAnno TSV");
}

/* A folder of INCEpTION files: .xmi or WebAnno .tsv files in it, or in its
 * annotation/<document>/ folders (a project export). Names "webanno-tsv",
 * "xmi" or NULL. */
static const char *
sniff_inception_dir (const char *dir,
                     guint       depth)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      if (hearsay_import_has_suffix (path, ".xmi"))
        return "xmi";
      if (hearsay_import_has_suffix (path, ".tsv") && is_webanno_tsv (path))
        return "webanno-tsv";
    }
  for (guint i = 0; depth < 2 && i < names->len; i++)
    {
      const char *sub = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, sub, NULL);
      const char *found;

      if ((depth > 0 || g_str_equal (sub, "annotation") || g_str_equal (sub, "curation")) &&
          g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK) &&
          (found = sniff_inception_dir (path, depth + 1)) != NULL)
        return found;
    }
  return NULL;
}

/* Whether @dir, or a folder below it (@depth levels), holds a matching file:
 * releases are trees (train-articles/, train-labels-…/). */
static gboolean
dir_has (const char *dir,
         gboolean  (*match) (const char *name),
         guint       depth)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;

      if (match (name))
        return TRUE;
      if (depth == 0 || *name == '.')
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK) &&
          dir_has (path, match, depth - 1))
        return TRUE;
    }
  return FALSE;
}

/* brat collections are trees: an .ann or an annotation.conf anywhere in
 * the first levels says brat. */
static gboolean
is_brat_file (const char *name)
{
  return is_ann (name) || strcmp (name, "annotation.conf") == 0;
}

/* A .txt with <stem>.ann or <stem>_<annotator>.ann beside it is a brat
 * document, so that it comes with its annotations. */
static gboolean
txt_has_ann (const char *path)
{
  g_autofree char *stem = g_strndup (path, strlen (path) - 4);
  g_autofree char *ann = g_strconcat (stem, ".ann", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (g_file_test (ann, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  dir = g_path_get_dirname (path);
  prefix = g_path_get_basename (stem);
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && name[strlen (prefix)] == '_' && is_ann (name))
      {
        /* doc_x.ann belongs to doc_x.txt when there is one. */
        g_autofree char *own = g_strndup (name, strlen (name) - 4);
        g_autofree char *own_txt = g_strconcat (dir, G_DIR_SEPARATOR_S, own, ".txt", NULL);

        if (!g_file_test (own_txt, G_FILE_TEST_EXISTS))
          return TRUE;
      }
  return FALSE;
}

const char *
hearsay_import_guess_format (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      const char *inception = sniff_inception_dir (path, 0);

      if (inception != NULL)
        return inception;
      if (dir_has (path, is_brat_file, 3))
        return "brat";
      if (dir_has (path, is_label_file, 2))
        return "semeval";
      if (dir_has (path, is_html, 0))
        return "html";
      if (dir_has (path, is_qdpx, 0))
        return "qdpx";
      return "text";
    }
  if (is_html (base))
    return "html";
  if (is_ann (base) || strcmp (base, "annotation.conf") == 0)
    return "brat";
  if (hearsay_import_has_suffix (base, ".tsv") && is_webanno_tsv (path))
    return "webanno-tsv";
  if (hearsay_import_has_suffix (base, ".xmi"))
    return "xmi";
  if (is_label_file (base))
    return "semeval";
  if (hearsay_import_has_suffix (base, ".json"))
    return sniff_json (path);
  if (has_any_suffix (base, w3c_suffixes))
    return "w3c";
  if (hearsay_import_has_suffix (base, ".jsonl"))
    return sniff_jsonl (path);
  if (hearsay_import_has_suffix (base, ".qdpx"))
    return "qdpx";
  if (has_any_suffix (base, conllu_suffixes))
    return "conllu";
  if (has_any_suffix (base, conll_suffixes))
    return "conll2003";
  if (hearsay_import_has_suffix (base, ".qdc"))
    return "qdc";
  if (hearsay_import_has_suffix (base, ".txt"))
    return txt_has_ann (path) ? "brat" : "text";
  return NULL;
}

void
hearsay_import_unit_free (gpointer data)
{
  HearsayImportUnit *unit = data;

  g_free (unit->path);
  g_free (unit);
}

void
hearsay_import_add_unit (GPtrArray              *units,
                         HearsayImportUnitFunc   read,
                         const char             *path)
{
  HearsayImportUnit *unit = g_new0 (HearsayImportUnit, 1);

  unit->read = read;
  unit->path = g_strdup (path);
  g_ptr_array_add (units, unit);
}

gboolean
hearsay_import_expand_simple (const HearsayImporter  *importer,
                              const char * const     *paths,
                              GPtrArray              *units,
                              GPtrArray              *confs,
                              GError                **error)
{
  for (guint i = 0; paths[i]; i++)
    {
      g_autoptr(GPtrArray) files = NULL;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          hearsay_import_add_unit (units, importer->read, paths[i]);
          continue;
        }
      /* Subfolders too: a corpus is often sorted by outlet or by day. */
      files = hearsay_import_list_tree (paths[i], importer->format.suffixes, error);
      if (files == NULL)
        return FALSE;
      for (guint k = 0; k < files->len; k++)
        hearsay_import_add_unit (units, importer->read, g_ptr_array_index (files, k));
    }
  return TRUE;
}

gboolean
hearsay_import_w3c_expand (const HearsayImporter  *importer,
                           const char * const     *paths,
                           GPtrArray              *units,
                           GPtrArray              *confs,
                           GError                **error)
{
  for (guint i = 0; paths[i]; i++)
    {
      const char *one[] = { paths[i], NULL };

      /* A text file given alongside is a document the annotations target. */
      if (hearsay_import_has_suffix (paths[i], ".txt") && !g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        hearsay_import_add_unit (units, hearsay_import_w3c_text_unit, paths[i]);
      else if (!hearsay_import_expand_simple (importer, one, units, confs, error))
        return FALSE;
    }
  return TRUE;
}
