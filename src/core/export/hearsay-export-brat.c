/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-brat.c: brat standoff — a folder with, per document,
 * <name>.txt, <name>.ann and one <name>_<annotator>.ann per other
 * annotator (the layout Hearsay's importer reads), and an annotation.conf
 * that declares what they use (hearsay-export-brat-conf.c).
 *
 * <name>.ann, the file brat opens, holds the annotations of "brat" (what
 * the importer calls that file's annotator), else of the project's own
 * annotator, else of the document's most prolific one; annotation.conf
 * says whose they are ("# annotator: NAME", "# annotator NAME-STEM: …"),
 * so that the importer gives them back to that annotator.
 *
 * brat counts code points of the .txt as Python's codecs.open() reads it:
 * a BOM is one, CR LF two (brat's "universal newline" mode is dropped by
 * codecs.open(), as CPython's test_bug691291 shows). So the text is written
 * as stored, or with --newlines lf as LF, and the offsets count it as
 * written; UTF-16 or byte offsets would be read by neither brat nor
 * Hearsay, and are refused. Whatever brat cannot carry is said in the
 * export's warnings, with how many. */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-export-brat-private.h"

typedef struct
{
  GHashTable *names;       /* file names used so far */
  BratUse *use;
  GPtrArray *primaries;    /* (stem, annotator of <stem>.ann) pairs */
  GHashTable *counts;      /* annotator → documents whose <stem>.ann is theirs */
  guint n_annotator_files;
  guint n_annotators_named;
} BratState;

static void
brat_state_free (gpointer data)
{
  BratState *state = data;

  g_hash_table_unref (state->names);
  brat_use_free (state->use);
  g_ptr_array_unref (state->primaries);
  g_hash_table_unref (state->counts);
  g_free (state);
}

/* "0001-guerre-en-syrie-damas": the id, then the title's words in ASCII;
 * no separators, no "_" (it separates the annotator), at most 80 characters. */
static char *
file_stem (BratState       *state,
           HearsayDocument *doc)
{
  const char *title = hearsay_document_get_title (doc);
  g_autofree char *ascii = g_str_to_ascii (title ? title : "", "C");
  GString *stem = g_string_new (NULL);
  g_autofree char *base = NULL;
  gboolean separate = TRUE;

  g_string_printf (stem, "%04" PRId64, hearsay_document_get_id (doc));
  for (const char *p = ascii; *p && stem->len < 80; p++)
    {
      if (!g_ascii_isalnum (*p))
        {
          separate = TRUE;
          continue;
        }
      if (separate)
        g_string_append_c (stem, '-');
      separate = FALSE;
      g_string_append_c (stem, g_ascii_tolower (*p));
    }
  if (stem->len > 80)
    g_string_truncate (stem, 80);
  while (stem->str[stem->len - 1] == '-')
    g_string_truncate (stem, stem->len - 1);

  base = g_string_free (stem, FALSE);
  for (guint n = 1; ; n++)
    {
      char *name = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);

      if (!g_hash_table_contains (state->names, name))
        {
          g_hash_table_add (state->names, name);
          return g_strdup (name);
        }
      g_free (name);
    }
}

/* An annotator's name in a file name: "%XX" for what a file name cannot
 * hold on any system, and for "%" itself (the importer decodes them). */
static char *
encode_annotator (const char *name)
{
  GString *s = g_string_new (NULL);

  for (const guchar *p = (const guchar *) name; *p; p++)
    {
      if (*p < 0x20 || *p == 0x7F || strchr ("/\\:*?\"<>|%", *p) != NULL)
        g_string_append_printf (s, "%%%02X", *p);
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  const char *annotator;
  GPtrArray *annotations;   /* HearsayAnnotation, borrowed */
} Group;

static void
group_free (gpointer data)
{
  Group *g = data;

  g_ptr_array_unref (g->annotations);
  g_free (g);
}

static const char *
annotator_of (HearsayAnnotation *ann)
{
  const char *a = hearsay_annotation_get_annotator (ann);

  return a != NULL ? a : "brat";
}

/* The annotators of a document in the order they first annotate, the one
 * whose annotations go to <stem>.ann first. */
static GPtrArray *
group_by_annotator (HearsayExportContext *ctx,
                    GPtrArray            *annotations)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);
  const char *own = hearsay_project_get_annotator (ctx->project);
  guint primary = 0;

  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
      Group *g = NULL;

      for (guint j = 0; j < groups->len && g == NULL; j++)
        if (strcmp (((Group *) g_ptr_array_index (groups, j))->annotator, annotator_of (ann)) == 0)
          g = g_ptr_array_index (groups, j);
      if (g == NULL)
        {
          g = g_new0 (Group, 1);
          g->annotator = annotator_of (ann);
          g->annotations = g_ptr_array_new ();
          g_ptr_array_add (groups, g);
        }
      g_ptr_array_add (g->annotations, ann);
    }
  /* "brat" (the importer's name for <stem>.ann) first, then the project's
   * own annotator, then the one with the most annotations. */
  for (guint j = 1; j < groups->len; j++)
    {
      Group *g = g_ptr_array_index (groups, j), *best = g_ptr_array_index (groups, primary);
      guint gs = strcmp (g->annotator, "brat") == 0 ? 3 : g_strcmp0 (g->annotator, own) == 0 ? 2 : 1;
      guint bs = strcmp (best->annotator, "brat") == 0 ? 3 : g_strcmp0 (best->annotator, own) == 0 ? 2 : 1;

      if (gs > bs || (gs == bs && g->annotations->len > best->annotations->len))
        primary = j;
    }
  if (primary > 0)
    {
      gpointer g = g_ptr_array_steal_index (groups, primary);

      g_ptr_array_insert (groups, 0, g);
    }
  return groups;
}

static gboolean
brat_document (HearsayDocument  *doc,
               gpointer          data,
               GError          **error)
{
  HearsayExportContext *ctx = data;
  BratState *state = ctx->data;
  g_autoptr(HearsayOffsetMap) map = hearsay_export_offset_map (ctx, doc);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *stem = file_stem (state, doc);
  g_autofree char *txt = g_strconcat (stem, ".txt", NULL);

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  annotations = hearsay_export_annotations (ctx, hearsay_document_get_id (doc), error);
  if (annotations == NULL)
    return FALSE;
  for (guint i = 0; i < annotations->len; i++)
    g_hash_table_add (kept, g_memdup2 (&(gint64) { hearsay_annotation_get_id (g_ptr_array_index (annotations, i)) },
                                       sizeof (gint64)));
  relations = hearsay_export_relations (ctx, hearsay_document_get_id (doc), kept, error);
  if (relations == NULL)
    return FALSE;
  if (!hearsay_export_write_file (ctx, txt, hearsay_offset_map_get_text (map),
                                  hearsay_offset_map_get_text_size (map), error))
    return FALSE;
  groups = group_by_annotator (ctx, annotations);
  /* brat opens <stem>.ann: it is written even when empty. */
  if (groups->len == 0)
    {
      g_autofree char *ann = g_strconcat (stem, ".ann", NULL);

      return hearsay_export_write_file (ctx, ann, "", 0, error);
    }
  for (guint i = 0; i < groups->len; i++)
    {
      Group *g = g_ptr_array_index (groups, i);
      g_autofree char *lines = brat_write_ann (ctx, state->use, map, g->annotator, g->annotations, relations);
      g_autofree char *encoded = i > 0 ? encode_annotator (g->annotator) : NULL;
      g_autofree char *name = i == 0 ? g_strconcat (stem, ".ann", NULL) : g_strconcat (stem, "_", encoded, ".ann", NULL);

      if (!hearsay_export_write_file (ctx, name, lines, strlen (lines), error))
        return FALSE;
      if (i == 0)
        {
          g_ptr_array_add (state->primaries, g_strdup (stem));
          g_ptr_array_add (state->primaries, g_strdup (g->annotator));
          g_hash_table_replace (state->counts, g_strdup (g->annotator),
                                GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (state->counts, g->annotator)) + 1));
        }
      else
        state->n_annotator_files++;
    }
  return TRUE;
}

static gboolean
brat_begin (HearsayExportContext  *ctx,
            GError               **error)
{
  BratState *state;

  /* brat and Hearsay's importer count code points: other offsets would
   * put every span of such a folder in the wrong place. */
  if (ctx->options->offset_unit != HEARSAY_OFFSET_CODEPOINT)
    {
      g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_UNSUPPORTED,
                   _("brat counts offsets in code points (Python's characters): an export with %s offsets "
                     "would be misread by brat and by Hearsay; leave --offsets out for brat"),
                   hearsay_offset_unit_to_string (ctx->options->offset_unit));
      return FALSE;
    }
  state = g_new0 (BratState, 1);
  state->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state->use = brat_use_new ();
  state->primaries = g_ptr_array_new_with_free_func (g_free);
  state->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->data = state;
  return TRUE;
}

static void
append_flat (GString    *s,
             const char *text)
{
  for (const char *p = text; *p; p++)
    g_string_append_c (s, (*p == '\n' || *p == '\r') ? ' ' : *p);
}

/* The annotator most <stem>.ann files hold, then one line per exception. */
static void
append_annotators (GString   *s,
                   BratState *state)
{
  const char *common = "brat";
  guint most = 0;

  for (guint i = 0; i + 1 < state->primaries->len; i += 2)
    {
      const char *name = g_ptr_array_index (state->primaries, i + 1);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (state->counts, name));

      if (n > most)
        {
          most = n;
          common = name;
        }
    }
  if (strcmp (common, "brat") != 0)
    {
      g_string_append (s, "# annotator: ");
      append_flat (s, common);
      g_string_append_c (s, '\n');
    }
  for (guint i = 0; i + 1 < state->primaries->len; i += 2)
    {
      const char *name = g_ptr_array_index (state->primaries, i + 1);

      if (strcmp (name, common) == 0)
        continue;
      g_string_append_printf (s, "# annotator %s: ", (const char *) g_ptr_array_index (state->primaries, i));
      append_flat (s, name);
      g_string_append_c (s, '\n');
    }
}

static void
warn_losses (HearsayExportContext *ctx,
             BratState            *state)
{
  BratUse *use = state->use;

  if (use->n_blank > 0)
    hearsay_export_warn (ctx, "brat: %u annotations cover only line breaks and were left out "
                         "(brat's text field cannot hold one)", use->n_blank);
  if (use->n_orphan_args > 0)
    hearsay_export_warn (ctx, "brat: %u relations or event arguments were left out with those annotations",
                         use->n_orphan_args);
  if (use->n_relation_annotators > 0)
    hearsay_export_warn (ctx, "brat: %u relations were made by another annotator than their source annotation's: "
                         "brat has no room for it, they come back as that annotation's annotator's",
                         use->n_relation_annotators);
  if (use->n_split_fragments > 0)
    hearsay_export_warn (ctx, "brat: %u annotations span a line break: their fragments are split around it, "
                         "as brat does, and come back so", use->n_split_fragments);
  if (use->n_merged_fragments > 0)
    hearsay_export_warn (ctx, "brat: %u annotations have fragments that touch or overlap: merged into one "
                         "(brat refuses such fragments)", use->n_merged_fragments);
  if (use->n_entity_links > 0)
    hearsay_export_warn (ctx, "brat: %u relations to entities are written as AnnotatorNotes on their source "
                         "(brat has no entity links)", use->n_entity_links);
  if (use->n_cross_links > 0)
    hearsay_export_warn (ctx, "brat: %u relations to another document or another annotator's .ann file are "
                         "written as AnnotatorNotes on their source (brat's relations stay in one file)",
                         use->n_cross_links);
  if (use->n_text_attributes > 0)
    hearsay_export_warn (ctx, "brat: %u free-text or spaced attribute values are written as AnnotatorNotes "
                         "(brat's values are single words)", use->n_text_attributes);
  if (use->n_bad_normalizations > 0)
    hearsay_export_warn (ctx, "brat: %u normalizations without a DB:ID reference are written as AnnotatorNotes",
                         use->n_bad_normalizations);
  if (use->n_note_breaks > 0)
    hearsay_export_warn (ctx, "brat: %u notes hold CR or other line breaks brat would split a line at: "
                         "written as LF between lines, or as spaces", use->n_note_breaks);
  if (use->n_renamed > 0)
    hearsay_export_warn (ctx, "brat: %u type, role or attribute names are written in brat's storage form "
                         "(letters, digits, _ and -), e.g. %s", use->n_renamed, use->renamed_example);
  if (state->n_annotator_files > 0)
    hearsay_export_warn (ctx, "brat: %u .ann files hold the annotations of other annotators than the one of "
                         "<text>.ann, as <text>_<annotator>.ann (Hearsay's importer reads them; brat itself "
                         "opens <text>.ann only)", state->n_annotator_files);
}

static gboolean
brat_end (HearsayExportContext  *ctx,
          GError               **error)
{
  BratState *state = ctx->data;
  g_autoptr(GString) header = g_string_new (NULL);
  g_autofree char *conf = NULL;

  g_string_append_printf (header, "# offsets: %s, end exclusive%s\n",
                          hearsay_offset_unit_to_string (ctx->options->offset_unit),
                          ctx->options->newlines == HEARSAY_NEWLINES_LF ? ", line ends CRLF written as LF" : "");
  append_annotators (header, state);
  g_string_append (header,
                   "# Written by Hearsay. Offsets count code points of the .txt as brat reads it\n"
                   "# (a BOM is one, CR LF two). <text>_<annotator>.ann holds another annotator's\n"
                   "# annotations. Fragments that span a line break are split around it.\n"
                   "# Lossy: relations to entities, across documents or annotators, and free-text\n"
                   "# attributes are AnnotatorNotes.\n");
  conf = brat_write_conf (ctx, state->use, header->str);
  warn_losses (ctx, state);
  return hearsay_export_write_file (ctx, "annotation.conf", conf, strlen (conf), error);
}

const HearsayExportWriter hearsay_export_brat_writer = {
  .begin = brat_begin,
  .document = brat_document,
  .end = brat_end,
  .free_data = brat_state_free,
  .marker = "annotation.conf",
};
