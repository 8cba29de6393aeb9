/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-brat.c: brat standoff — a folder with <name>.txt and
 * <name>.ann per document and an annotation.conf made from the scheme.
 *
 * brat counts code points, end exclusive; the unit written is stated in
 * annotation.conf (an .ann file has no room for a comment line). brat's text
 * field cannot hold a line break, so a fragment that spans one is split
 * around it, as brat itself does. Relations to entities or to another
 * document, free-text attributes and notes' line breaks have no brat form:
 * they become AnnotatorNotes, and line breaks and tabs in notes spaces. */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "hearsay-export-private.h"

typedef struct
{
  GHashTable *names;   /* file names used so far */
  GString *ann;
  guint next_attribute;
  guint next_note;
} BratState;

static void
brat_state_free (gpointer data)
{
  BratState *state = data;

  g_hash_table_unref (state->names);
  g_string_free (state->ann, TRUE);
  g_free (state);
}

/* "0001-guerre-en-syrie-damas": the id, then the title's words in ASCII;
 * no separators, no leading dot, at most 80 characters. */
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

static void
append_flat (GString    *s,
             const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    g_string_append_c (s, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static void
append_note (BratState  *state,
             gint64      target,
             const char *text)
{
  g_string_append_printf (state->ann, "#%u\tAnnotatorNotes T%" PRId64 "\t",
                          ++state->next_note, target);
  append_flat (state->ann, text);
  g_string_append_c (state->ann, '\n');
}

static gboolean
is_newline (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* The T line; FALSE when nothing but line breaks is left of the span. */
static gboolean
append_span (HearsayOffsetMap  *map,
             GString           *s,
             HearsayAnnotation *ann)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gsize line_start = s->len;
  guint n = 0;

  g_string_append_printf (s, "T%" PRId64 "\t%s ", hearsay_annotation_get_id (ann),
                          hearsay_annotation_get_label (ann));
  for (guint i = 0; i < hearsay_annotation_get_n_fragments (ann); i++)
    {
      const HearsayFragment *f = hearsay_annotation_get_fragment (ann, i);
      gint64 end = hearsay_offset_map_to_codepoint (map, f->end);
      gint64 cp = hearsay_offset_map_to_codepoint (map, f->start);
      const char *p = hearsay_offset_map_pointer (map, cp);

      while (cp < end)
        {
          gint64 run = cp;
          const char *q = p;

          while (run < end && !is_newline (g_utf8_get_char (q)))
            {
              q = g_utf8_next_char (q);
              run++;
            }
          if (run > cp)
            {
              g_string_append_printf (s, "%s%" PRId64 " %" PRId64, n ? ";" : "",
                                      hearsay_offset_map_codepoint_to_unit (map, cp),
                                      hearsay_offset_map_codepoint_to_unit (map, run));
              if (n++ > 0)
                g_string_append_c (text, ' ');
              g_string_append_len (text, p, q - p);
            }
          /* Past the line break(s). */
          while (run < end && is_newline (g_utf8_get_char (q)))
            {
              q = g_utf8_next_char (q);
              run++;
            }
          cp = run;
          p = q;
        }
    }
  if (n == 0)
    {
      g_string_truncate (s, line_start);
      return FALSE;
    }
  g_string_append_c (s, '\t');
  g_string_append_len (s, text->str, text->len);
  g_string_append_c (s, '\n');
  return TRUE;
}

static void
append_attributes (BratState         *state,
                   HearsayScheme     *scheme,
                   HearsayAnnotation *ann)
{
  const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, hearsay_annotation_get_label (ann));
  g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);
  gint64 id = hearsay_annotation_get_id (ann);

  for (guint i = 0; names[i]; i++)
    {
      const HearsayAttributeDef *def = label ? hearsay_label_lookup_attribute (label, names[i]) : NULL;
      const char * const *values = hearsay_annotation_get_attribute_values (ann, names[i]);

      if (def != NULL && def->kind == HEARSAY_ATTRIBUTE_BOOLEAN)
        {
          if (g_strcmp0 (values[0], "true") == 0)
            g_string_append_printf (state->ann, "A%u\t%s T%" PRId64 "\n",
                                    ++state->next_attribute, names[i], id);
          continue;
        }
      for (guint j = 0; values[j]; j++)
        {
          if ((def != NULL && def->kind == HEARSAY_ATTRIBUTE_TEXT) || strpbrk (values[j], " \t\r\n"))
            {
              g_autofree char *note = g_strdup_printf ("%s: %s", names[i], values[j]);

              append_note (state, id, note);
            }
          else
            g_string_append_printf (state->ann, "A%u\t%s T%" PRId64 " %s\n",
                                    ++state->next_attribute, names[i], id, values[j]);
        }
    }
}

static gboolean
brat_document (HearsayDocument  *doc,
               gpointer          data,
               GError          **error)
{
  HearsayExportContext *ctx = data;
  BratState *state = ctx->data;
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);
  g_autoptr(HearsayOffsetMap) map = hearsay_export_offset_map (ctx, doc);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *stem = file_stem (state, doc);
  g_autofree char *txt = g_strconcat (stem, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (stem, ".ann", NULL);

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  annotations = hearsay_export_annotations (ctx, hearsay_document_get_id (doc), error);
  if (annotations == NULL)
    return FALSE;

  g_string_truncate (state->ann, 0);
  state->next_attribute = state->next_note = 0;
  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
      gint64 id = hearsay_annotation_get_id (ann);

      if (!append_span (map, state->ann, ann))
        {
          hearsay_export_warn (ctx, "brat: annotation %" PRId64 " of document %" PRId64
                               " covers only line breaks and was left out",
                               hearsay_annotation_get_id (ann), hearsay_document_get_id (doc));
          continue;
        }
      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (kept, &g_array_index (ids, gint64, i));

  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
      const char *note = hearsay_annotation_get_note (ann);

      if (!g_hash_table_contains (kept, &(gint64) { hearsay_annotation_get_id (ann) }))
        continue;
      append_attributes (state, scheme, ann);
      if (note != NULL && *note != '\0')
        append_note (state, hearsay_annotation_get_id (ann), note);
    }

  relations = hearsay_export_relations (ctx, hearsay_document_get_id (doc), kept, error);
  if (relations == NULL)
    return FALSE;
  for (guint i = 0; i < relations->len; i++)
    {
      const HearsayRelation *r = g_ptr_array_index (relations, i);
      g_autofree char *note = NULL;

      if (r->to_id > 0 && g_hash_table_contains (kept, &r->to_id))
        {
          g_string_append_printf (state->ann, "R%" PRId64 "\t%s Arg1:T%" PRId64
                                  " Arg2:T%" PRId64 "\n", r->id, r->type, r->from_id, r->to_id);
          continue;
        }
      if (r->to_id > 0)
        {
          g_autoptr(HearsayAnnotation) to = hearsay_project_get_annotation (ctx->project, r->to_id, NULL);

          note = g_strdup_printf ("%s: document %" PRId64 " annotation %" PRId64,
                                  r->type, to ? hearsay_annotation_get_document_id (to) : 0, r->to_id);
        }
      else
        {
          g_autoptr(HearsayEntity) entity = hearsay_project_get_entity (ctx->project, r->to_entity_id, NULL);

          note = g_strdup_printf ("%s: entity %" PRId64 " %s (%s)", r->type, r->to_entity_id,
                                  entity ? hearsay_entity_get_name (entity) : "",
                                  entity ? hearsay_entity_get_kind (entity) : "");
        }
      append_note (state, r->from_id, note);
    }

  return hearsay_export_write_file (ctx, txt, hearsay_offset_map_get_text (map),
                                    hearsay_offset_map_get_text_size (map), error) &&
         hearsay_export_write_file (ctx, ann_name, state->ann->str, state->ann->len, error);
}

static void
append_labels (GString            *s,
               const char * const *labels)
{
  if (labels == NULL || labels[0] == NULL)
    {
      g_string_append (s, "<ENTITY>");
      return;
    }
  for (guint i = 0; labels[i]; i++)
    g_string_append_printf (s, "%s%s", i ? "|" : "", labels[i]);
}

typedef struct
{
  GPtrArray *labels;   /* const char *, the Arg list */
  GPtrArray *values;   /* const char *, empty for a binary attribute */
} BratAttribute;

static void
brat_attribute_free (gpointer data)
{
  BratAttribute *a = data;

  g_ptr_array_unref (a->labels);
  g_ptr_array_unref (a->values);
  g_free (a);
}

static gboolean
contains (GPtrArray  *array,
          const char *str)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), str) == 0)
      return TRUE;
  return FALSE;
}

/* brat's attributes are global by name: the scheme's attributes of the same
 * name on several labels merge into one line. */
static void
append_conf_attributes (GString       *s,
                        HearsayScheme *scheme)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, brat_attribute_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
    {
      const HearsayLabel *label = hearsay_scheme_get_label (scheme, i);

      for (guint j = 0; label->attributes && j < label->attributes->len; j++)
        {
          const HearsayAttributeDef *def = g_ptr_array_index (label->attributes, j);
          BratAttribute *a = g_hash_table_lookup (by_name, def->id);

          if (def->kind == HEARSAY_ATTRIBUTE_TEXT)
            continue;
          if (a == NULL)
            {
              a = g_new0 (BratAttribute, 1);
              a->labels = g_ptr_array_new ();
              a->values = g_ptr_array_new ();
              g_hash_table_insert (by_name, def->id, a);
              g_ptr_array_add (order, def->id);
            }
          if (!contains (a->labels, label->id))
            g_ptr_array_add (a->labels, label->id);
          for (guint k = 0; def->kind != HEARSAY_ATTRIBUTE_BOOLEAN && def->values && k < def->values->len; k++)
            {
              const HearsayValueDef *v = g_ptr_array_index (def->values, k);

              if (!contains (a->values, v->id))
                g_ptr_array_add (a->values, v->id);
            }
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *name = g_ptr_array_index (order, i);
      BratAttribute *a = g_hash_table_lookup (by_name, name);

      g_string_append_printf (s, "%s\tArg:", name);
      for (guint j = 0; j < a->labels->len; j++)
        g_string_append_printf (s, "%s%s", j ? "|" : "", (const char *) g_ptr_array_index (a->labels, j));
      if (a->values->len > 0)
        g_string_append (s, ", Value:");
      for (guint j = 0; j < a->values->len; j++)
        g_string_append_printf (s, "%s%s", j ? "|" : "", (const char *) g_ptr_array_index (a->values, j));
      g_string_append_c (s, '\n');
    }
}

static gboolean
brat_begin (HearsayExportContext  *ctx,
            GError               **error)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);
  BratState *state = g_new0 (BratState, 1);
  g_autoptr(GString) s = g_string_new (NULL);

  state->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state->ann = g_string_new (NULL);
  ctx->data = state;

  g_string_append_printf (s, "# offsets: %s, end exclusive%s\n",
                          hearsay_offset_unit_to_string (ctx->options->offset_unit),
                          ctx->options->newlines == HEARSAY_NEWLINES_LF ? ", line ends CRLF written as LF" : "");
  g_string_append (s,
                   "# Written by Hearsay. Fragments that span a line break are split around it.\n"
                   "# Lossy: relations to entities or across documents and free-text attributes are\n"
                   "# AnnotatorNotes; line breaks and tabs in notes are written as spaces.\n"
                   "[entities]\n");
  for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
    g_string_append_printf (s, "%s\n", hearsay_scheme_get_label (scheme, i)->id);
  g_string_append (s, "\n[relations]\n");
  for (guint i = 0; i < hearsay_scheme_get_n_relation_types (scheme); i++)
    {
      const HearsayRelationType *type = hearsay_scheme_get_relation_type (scheme, i);

      if (type->to_entity && (type->to_labels == NULL || type->to_labels[0] == NULL))
        {
          g_string_append_printf (s, "# %s links to an entity: written as AnnotatorNotes\n", type->id);
          continue;
        }
      g_string_append_printf (s, "%s\tArg1:", type->id);
      append_labels (s, (const char * const *) type->from_labels);
      g_string_append (s, ", Arg2:");
      append_labels (s, (const char * const *) type->to_labels);
      g_string_append_c (s, '\n');
    }
  g_string_append (s, "\n[events]\n\n[attributes]\n");
  append_conf_attributes (s, scheme);
  return hearsay_export_write_file (ctx, "annotation.conf", s->str, s->len, error);
}

const HearsayExportWriter hearsay_export_brat_writer = {
  .begin = brat_begin,
  .document = brat_document,
  .free_data = brat_state_free,
  .marker = "annotation.conf",
};
