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
                                                 "labels-subtask-3-spans.txt", ".tsv", NULL };
static const char * const w3c_suffixes[] = { ".json", ".jsonld", NULL };
static const char * const qdpx_suffixes[] = { ".qdpx", NULL };
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
};

static const HearsayImportFormat * const formats[] = {
  &importers[0].format, &importers[1].format, &importers[2].format, &importers[3].format,
  &importers[4].format, &importers[5].format, &importers[6].format, &importers[7].format,
  &importers[8].format, NULL
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
      if (dir_has (path, is_qdpx))
        return "qdpx";
      return "text";
    }
  if (is_html (base))
    return "html";
  if (is_ann (base) || strcmp (base, "annotation.conf") == 0)
    return "brat";
  if (is_label_file (base))
    return "semeval";
  if (has_any_suffix (base, w3c_suffixes))
    return "w3c";
  if (hearsay_import_has_suffix (base, ".jsonl"))
    return sniff_jsonl (path);
  if (hearsay_import_has_suffix (base, ".qdpx"))
    return "qdpx";
  if (hearsay_import_has_suffix (base, ".qdc"))
    return "qdc";
  if (hearsay_import_has_suffix (base, ".txt"))
    return "text";
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
      files = hearsay_import_list_dir (paths[i], importer->format.suffixes, error);
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
      g_autoptr(GPtrArray) files = NULL;

      /* A text file given alongside is a document the annotations target. */
      if (hearsay_import_has_suffix (paths[i], ".txt") && !g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        hearsay_import_add_unit (units, hearsay_import_w3c_text_unit, paths[i]);
      else if (!hearsay_import_expand_simple (importer, one, units, confs, error))
        return FALSE;
    }
  return TRUE;
}
