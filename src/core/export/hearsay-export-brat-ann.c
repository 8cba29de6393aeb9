/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-brat-ann.c: one .ann file, written as brat's
 * annotation.py reads it:
 *   T<id> for an annotation; an annotation of an event type (a label marked
 *   as one) is an event: E<id> on a trigger T line, shared by the events of
 *   the same type and span, its event_role relations as "Role:ID" arguments
 *   (a repeated role numbered "Theme", "Theme2", as brat does);
 *   R<id> for the other relations, "*" for equivalences (symmetric,
 *   transitive types: one line per group), A and N lines for attributes and
 *   normalizations, one "#" AnnotatorNotes line per line of a note.
 * Offsets are code points of the .txt as written, which is how brat reads
 * it (a BOM is one, CR LF two). brat splits an .ann line wherever Python's
 * str.splitlines() does, so no text written here holds any of those
 * characters: fragments are split around them, as brat itself does, and
 * they become spaces in notes. brat refuses fragments that touch or
 * overlap: they are merged. */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "hearsay-export-brat-private.h"

/* What Python's str.splitlines() breaks on. */
static gboolean
is_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

typedef struct
{
  HearsayExportContext *ctx;
  BratUse *use;
  HearsayOffsetMap *map;
  HearsayScheme *scheme;
  const char *annotator;  /* the file's */
  GHashTable *ids;        /* annotation id → "T12" or "E12" */
  GHashTable *types;      /* annotation id → brat type */
  GString *t_lines, *e_lines, *r_lines, *a_lines, *notes;
  GPtrArray *link_notes;  /* (brat id, note) of relations that leave the file */
  guint next_attribute, next_normalization, next_note;
} AnnWriter;

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const gint64 *x = a, *y = b;

  return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1];
}

/* "0 5;16 23" and the text brat expects with it; FALSE when nothing but
 * line breaks is left. */
static gboolean
spans_of (AnnWriter         *w,
          HearsayAnnotation *ann,
          GString           *spans,
          GString           *text)
{
  g_autoptr(GArray) frags = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  gboolean merged = FALSE, split = FALSE;
  guint n = 0;

  for (guint i = 0; i < hearsay_annotation_get_n_fragments (ann); i++)
    {
      const HearsayFragment *f = hearsay_annotation_get_fragment (ann, i);
      gint64 pair[2] = { hearsay_offset_map_to_codepoint (w->map, f->start),
                         hearsay_offset_map_to_codepoint (w->map, f->end) };

      g_array_append_vals (frags, pair, 1);
    }
  g_array_sort (frags, compare_pairs);
  for (guint i = 0; i < frags->len; i++)
    {
      gint64 *f = &g_array_index (frags, gint64, 2 * i);
      gint64 cp, end;
      const char *p;

      /* Touching or overlapping: one fragment, as brat requires. */
      while (i + 1 < frags->len && g_array_index (frags, gint64, 2 * (i + 1)) <= f[1])
        {
          f[1] = MAX (f[1], g_array_index (frags, gint64, 2 * (i + 1) + 1));
          g_array_remove_index (frags, i + 1);
          merged = TRUE;
        }
      cp = f[0];
      end = f[1];
      p = hearsay_offset_map_pointer (w->map, cp);
      while (cp < end)
        {
          gint64 run = cp;
          const char *q = p;

          while (run < end && !is_break (g_utf8_get_char (q)))
            {
              q = g_utf8_next_char (q);
              run++;
            }
          if (run > cp)
            {
              g_string_append_printf (spans, "%s%" PRId64 " %" PRId64, n ? ";" : "", cp, run);
              if (n++ > 0)
                g_string_append_c (text, ' ');
              g_string_append_len (text, p, q - p);
            }
          if (run < end)
            split = TRUE;
          while (run < end && is_break (g_utf8_get_char (q)))
            {
              q = g_utf8_next_char (q);
              run++;
            }
          cp = run;
          p = q;
        }
    }
  w->use->n_merged_fragments += merged;
  w->use->n_split_fragments += split && n > 0;
  return n > 0;
}

/* A line of a note or a value: tabs are kept (brat reads them), the other
 * breaks become spaces. */
static void
append_flat (AnnWriter  *w,
             GString    *s,
             const char *text)
{
  gboolean changed = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_break (c))
        {
          g_string_append_c (s, ' ');
          changed = TRUE;
        }
      else
        g_string_append_len (s, p, g_utf8_next_char (p) - p);
    }
  w->use->n_note_breaks += changed;
}

static void
append_note (AnnWriter  *w,
             GString    *out,
             const char *target,
             const char *note)
{
  g_auto(GStrv) lines = g_strsplit (note, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      gsize n = strlen (lines[i]);

      /* CR LF comes back as LF: brat would split the line at the CR. */
      if (n > 0 && lines[i][n - 1] == '\r')
        {
          lines[i][n - 1] = '\0';
          w->use->n_note_breaks++;
        }
      g_string_append_printf (out, "#%u\tAnnotatorNotes %s\t", ++w->next_note, target);
      append_flat (w, out, lines[i]);
      g_string_append_c (out, '\n');
    }
}

/* Safe in annotation.conf: no white space, no "," or "|" (its separators). */
static gboolean
conf_safe (const char *value)
{
  if (*value == '\0')
    return FALSE;
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || is_break (c) || c == ',' || c == '|' || g_unichar_iscntrl (c))
        return FALSE;
    }
  return TRUE;
}

static BratAttributeUse *
attribute_use (BratUse    *use,
               const char *name)
{
  BratAttributeUse *a = g_hash_table_lookup (use->attributes, name);

  if (a == NULL)
    {
      a = g_new0 (BratAttributeUse, 1);
      a->targets = brat_set_new ();
      a->values = brat_set_new ();
      g_hash_table_insert (use->attributes, g_strdup (name), a);
      brat_set_add (use->attribute_order, name);
    }
  return a;
}

static BratRelationUse *
relation_use (GHashTable *table,
              BratSet    *order,
              const char *type)
{
  BratRelationUse *r = g_hash_table_lookup (table, type);

  if (r == NULL)
    {
      r = g_new0 (BratRelationUse, 1);
      r->from = brat_set_new ();
      r->to = brat_set_new ();
      g_hash_table_insert (table, g_strdup (type), r);
      if (order != NULL)
        brat_set_add (order, type);
    }
  return r;
}

/* "Wikidata:Q3766 Damascus" → "N1\tReference T1 Wikidata:Q3766\tDamascus". */
static gboolean
append_normalization (AnnWriter  *w,
                      const char *type,
                      const char *target,
                      const char *value)
{
  const char *space = strchr (value, ' ');
  g_autofree char *ref = space ? g_strndup (value, space - value) : g_strdup (value);
  const char *colon = strchr (ref, ':');

  if (colon == NULL || colon == ref || colon[1] == '\0' || !conf_safe (ref))
    return FALSE;
  g_string_append_printf (w->a_lines, "N%u\t%s %s %s\t", ++w->next_normalization, type, target, ref);
  append_flat (w, w->a_lines, space ? space + 1 : "");
  g_string_append_c (w->a_lines, '\n');
  return TRUE;
}

static void
append_attributes (AnnWriter         *w,
                   HearsayAnnotation *ann,
                   const char        *target,
                   const char        *type)
{
  const HearsayLabel *label = hearsay_scheme_lookup_label (w->scheme, hearsay_annotation_get_label (ann));
  g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);

  for (guint i = 0; names[i]; i++)
    {
      const HearsayAttributeDef *def = label ? hearsay_label_lookup_attribute (label, names[i]) : NULL;
      const char * const *values = hearsay_annotation_get_attribute_values (ann, names[i]);
      g_autofree char *name = NULL;
      BratAttributeUse *a;

      if (strcmp (names[i], "normalization") == 0 || g_str_has_prefix (names[i], "normalization:"))
        {
          const char *ntype = names[i][13] == ':' ? names[i] + 14 : "Reference";

          for (guint j = 0; values[j]; j++)
            if (!conf_safe (ntype) || !append_normalization (w, ntype, target, values[j]))
              {
                g_autofree char *note = g_strdup_printf ("%s: %s", names[i], values[j]);

                append_note (w, w->notes, target, note);
                w->use->n_bad_normalizations++;
              }
          continue;
        }
      name = brat_type_name (w->use, names[i]);
      if ((def != NULL && def->kind == HEARSAY_ATTRIBUTE_BOOLEAN) ||
          (def == NULL && values[0] != NULL && values[1] == NULL && strcmp (values[0], "true") == 0))
        {
          /* A binary attribute: present or absent. */
          if (g_strcmp0 (values[0], "true") == 0)
            {
              g_string_append_printf (w->a_lines, "A%u\t%s %s\n", ++w->next_attribute, name, target);
              brat_set_add (attribute_use (w->use, name)->targets, type);
            }
          continue;
        }
      for (guint j = 0; values[j]; j++)
        {
          if ((def != NULL && def->kind == HEARSAY_ATTRIBUTE_TEXT) || !conf_safe (values[j]))
            {
              g_autofree char *note = g_strdup_printf ("%s: %s", names[i], values[j]);

              append_note (w, w->notes, target, note);
              w->use->n_text_attributes++;
              continue;
            }
          g_string_append_printf (w->a_lines, "A%u\t%s %s %s\n", ++w->next_attribute, name, target, values[j]);
          a = attribute_use (w->use, name);
          brat_set_add (a->targets, type);
          brat_set_add (a->values, values[j]);
        }
    }
}

static gboolean
is_event (AnnWriter         *w,
          HearsayAnnotation *ann)
{
  const HearsayLabel *label = hearsay_scheme_lookup_label (w->scheme, hearsay_annotation_get_label (ann));

  return label != NULL && label->event;
}

static const HearsayRelationType *
relation_type (AnnWriter  *w,
               const char *type)
{
  return hearsay_scheme_lookup_relation_type (w->scheme, type);
}

static gboolean
is_equivalence (AnnWriter  *w,
                const char *type)
{
  const HearsayRelationType *def = relation_type (w, type);

  /* brat's own rule: "Equiv" is one unless said otherwise. */
  return def != NULL ? def->symmetric && def->transitive : strcmp (type, "Equiv") == 0;
}

static gint64
find_root (GHashTable *parent,
           gint64      id)
{
  gpointer value;

  while (g_hash_table_lookup_extended (parent, &id, NULL, &value) && *(gint64 *) value != id)
    id = *(gint64 *) value;
  return id;
}

/* One "*" line per group of annotations an equivalence type joins. */
static void
append_equivalences (AnnWriter  *w,
                     GPtrArray  *annotations,
                     const char *type,
                     GPtrArray  *pairs)
{
  g_autoptr(GHashTable) parent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();
  g_autofree char *name = brat_type_name (w->use, type);
  BratRelationUse *use = relation_use (w->use->relations, w->use->relation_order, name);

  use->symmetric = use->equivalence = TRUE;
  for (guint i = 0; i < pairs->len; i++)
    {
      const HearsayRelation *r = g_ptr_array_index (pairs, i);
      gint64 ends[2] = { r->from_id, r->to_id };

      for (guint j = 0; j < 2; j++)
        if (!g_hash_table_contains (parent, &ends[j]))
          g_hash_table_insert (parent, g_memdup2 (&ends[j], sizeof (gint64)), g_memdup2 (&ends[j], sizeof (gint64)));
      {
        gint64 a = find_root (parent, ends[0]), b = find_root (parent, ends[1]);

        if (a != b)
          g_hash_table_replace (parent, g_memdup2 (&a, sizeof (gint64)), g_memdup2 (&b, sizeof (gint64)));
      }
    }
  /* Members in document order, groups in the order of their first member. */
  for (guint i = 0; i < annotations->len; i++)
    {
      gint64 id = hearsay_annotation_get_id (g_ptr_array_index (annotations, i));
      gint64 root;
      GPtrArray *group;

      if (!g_hash_table_contains (parent, &id) || !g_hash_table_contains (w->ids, &id))
        continue;
      root = find_root (parent, id);
      group = g_hash_table_lookup (groups, &root);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, g_memdup2 (&root, sizeof (gint64)), group);
          g_ptr_array_add (roots, group);
        }
      g_ptr_array_add (group, g_ptr_array_index (annotations, i));
    }
  for (guint i = 0; i < roots->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (roots, i);

      if (group->len < 2)
        continue;
      g_string_append_printf (w->r_lines, "*\t%s", name);
      for (guint j = 0; j < group->len; j++)
        {
          gint64 id = hearsay_annotation_get_id (g_ptr_array_index (group, j));
          const char *t = g_hash_table_lookup (w->types, &id);

          g_string_append_printf (w->r_lines, " %s", (const char *) g_hash_table_lookup (w->ids, &id));
          brat_set_add (use->from, t);
          brat_set_add (use->to, t);
        }
      g_string_append_c (w->r_lines, '\n');
    }
}

static char *
link_note (HearsayExportContext  *ctx,
           const HearsayRelation *r)
{
  if (r->to_id > 0)
    {
      g_autoptr(HearsayAnnotation) to = hearsay_project_get_annotation (ctx->project, r->to_id, NULL);

      return g_strdup_printf ("%s: document %" PRId64 " annotation %" PRId64,
                              r->type, to ? hearsay_annotation_get_document_id (to) : 0, r->to_id);
    }
  else
    {
      g_autoptr(HearsayEntity) entity = hearsay_project_get_entity (ctx->project, r->to_entity_id, NULL);

      return g_strdup_printf ("%s: entity %" PRId64 " %s (%s)", r->type, r->to_entity_id,
                              entity ? hearsay_entity_get_name (entity) : "",
                              entity ? hearsay_entity_get_kind (entity) : "");
    }
}

static void
append_relations (AnnWriter  *w,
                  GPtrArray  *annotations,
                  GPtrArray  *relations,
                  GHashTable *here,
                  GHashTable *args)
{
  g_autoptr(GHashTable) equivalences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) equivalence_order = g_ptr_array_new ();

  for (guint i = 0; i < relations->len; i++)
    {
      const HearsayRelation *r = g_ptr_array_index (relations, i);
      const char *from = g_hash_table_lookup (w->ids, &r->from_id);
      const char *to = r->to_id > 0 ? g_hash_table_lookup (w->ids, &r->to_id) : NULL;
      const HearsayRelationType *def;
      g_autofree char *type = NULL;

      if (!g_hash_table_contains (here, &r->from_id))
        continue;
      if (from == NULL)
        {
          w->use->n_orphan_args++;
          continue;
        }
      if (r->to_id <= 0 || !g_hash_table_contains (here, &r->to_id))
        {
          /* Numbered after the annotations' own notes: read back, it is one. */
          g_ptr_array_add (w->link_notes, g_strdup (from));
          g_ptr_array_add (w->link_notes, link_note (w->ctx, r));
          if (r->to_id > 0)
            w->use->n_cross_links++;
          else
            w->use->n_entity_links++;
          continue;
        }
      if (to == NULL)
        {
          w->use->n_orphan_args++;
          continue;
        }
      /* A relation is read back as its file's annotator's. */
      if (g_strcmp0 (r->annotator, w->annotator) != 0)
        w->use->n_relation_annotators++;
      def = relation_type (w, r->type);
      if (from[0] == 'E' && def != NULL && def->event_role)
        {
          GPtrArray *list = g_hash_table_lookup (args, &r->from_id);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (args, g_memdup2 (&r->from_id, sizeof (gint64)), list);
            }
          g_ptr_array_add (list, (gpointer) r);
          continue;
        }
      if (is_equivalence (w, r->type))
        {
          GPtrArray *pairs = g_hash_table_lookup (equivalences, r->type);

          if (pairs == NULL)
            {
              pairs = g_ptr_array_new ();
              g_hash_table_insert (equivalences, g_strdup (r->type), pairs);
              g_ptr_array_add (equivalence_order, r->type);
            }
          g_ptr_array_add (pairs, (gpointer) r);
          continue;
        }
      type = brat_type_name (w->use, r->type);
      g_string_append_printf (w->r_lines, "R%" PRId64 "\t%s Arg1:%s Arg2:%s\n", r->id, type, from, to);
      {
        BratRelationUse *use = relation_use (w->use->relations, w->use->relation_order, type);

        use->symmetric |= def != NULL && def->symmetric;
        brat_set_add (use->from, g_hash_table_lookup (w->types, &r->from_id));
        brat_set_add (use->to, g_hash_table_lookup (w->types, &r->to_id));
      }
    }
  for (guint i = 0; i < equivalence_order->len; i++)
    append_equivalences (w, annotations, g_ptr_array_index (equivalence_order, i),
                         g_hash_table_lookup (equivalences, g_ptr_array_index (equivalence_order, i)));
}

static void
append_event (AnnWriter         *w,
              HearsayAnnotation *ann,
              const char        *type,
              const char        *trigger,
              GPtrArray         *args)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *roles = g_hash_table_lookup (w->use->roles, type);

  if (roles == NULL)
    {
      roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (w->use->roles, g_strdup (type), roles);
    }
  g_string_append_printf (w->e_lines, "E%" PRId64 "\t%s:%s", hearsay_annotation_get_id (ann), type, trigger);
  for (guint i = 0; args != NULL && i < args->len; i++)
    {
      const HearsayRelation *r = g_ptr_array_index (args, i);
      g_autofree char *role = brat_type_name (w->use, r->type);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, role)) + 1;
      BratRelationUse *use = relation_use (roles, NULL, role);

      g_hash_table_replace (counts, g_strdup (role), GUINT_TO_POINTER (n));
      /* brat's numbering of a repeated role: Theme, Theme2, Theme3. */
      if (n == 1)
        g_string_append_printf (w->e_lines, " %s:%s", role, (const char *) g_hash_table_lookup (w->ids, &r->to_id));
      else
        g_string_append_printf (w->e_lines, " %s%u:%s", role, n, (const char *) g_hash_table_lookup (w->ids, &r->to_id));
      brat_set_add (use->to, g_hash_table_lookup (w->types, &r->to_id));
    }
  g_string_append_c (w->e_lines, '\n');
}

char *
brat_write_ann (HearsayExportContext *ctx,
                BratUse               *use,
                HearsayOffsetMap      *map,
                const char            *annotator,
                GPtrArray             *annotations,
                GPtrArray             *relations)
{
  AnnWriter w = { ctx, use, map, hearsay_project_get_scheme (ctx->project), annotator };
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) types = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) trigger_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) here = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) args = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  GString *out;

  w.ids = ids;
  w.types = types;
  w.t_lines = g_string_new (NULL);
  w.e_lines = g_string_new (NULL);
  w.r_lines = g_string_new (NULL);
  w.a_lines = g_string_new (NULL);
  w.notes = g_string_new (NULL);
  w.link_notes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < annotations->len; i++)
    g_hash_table_add (here, g_memdup2 (&(gint64) { hearsay_annotation_get_id (g_ptr_array_index (annotations, i)) },
                                       sizeof (gint64)));

  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
      gint64 id = hearsay_annotation_get_id (ann);
      g_autoptr(GString) spans = g_string_new (NULL);
      g_autoptr(GString) text = g_string_new (NULL);
      char *type = brat_type_name (use, hearsay_annotation_get_label (ann));

      if (!spans_of (&w, ann, spans, text))
        {
          use->n_blank++;
          g_free (type);
          continue;
        }
      g_hash_table_insert (types, g_memdup2 (&id, sizeof (gint64)), type);
      if (is_event (&w, ann))
        {
          g_autofree char *key = g_strconcat (type, " ", spans->str, NULL);
          const char *trigger = g_hash_table_lookup (triggers, key);

          if (trigger == NULL)
            {
              char *t = g_strdup_printf ("T%" PRId64, id);

              g_string_append_printf (w.t_lines, "%s\t%s %s\t%s\n", t, type, spans->str, text->str);
              g_hash_table_insert (triggers, g_steal_pointer (&key), t);
              trigger = t;
            }
          g_hash_table_insert (trigger_of, g_memdup2 (&id, sizeof (gint64)), g_strdup (trigger));
          g_hash_table_insert (ids, g_memdup2 (&id, sizeof (gint64)), g_strdup_printf ("E%" PRId64, id));
          brat_set_add (use->events, type);
        }
      else
        {
          g_string_append_printf (w.t_lines, "T%" PRId64 "\t%s %s\t%s\n", id, type, spans->str, text->str);
          g_hash_table_insert (ids, g_memdup2 (&id, sizeof (gint64)), g_strdup_printf ("T%" PRId64, id));
          brat_set_add (use->entities, type);
        }
    }

  append_relations (&w, annotations, relations, here, args);
  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
      gint64 id = hearsay_annotation_get_id (ann);
      const char *brat_id = g_hash_table_lookup (ids, &id);
      const char *type = g_hash_table_lookup (types, &id);
      const char *note = hearsay_annotation_get_note (ann);

      if (brat_id == NULL)
        continue;
      if (brat_id[0] == 'E')
        append_event (&w, ann, type, g_hash_table_lookup (trigger_of, &id), g_hash_table_lookup (args, &id));
      /* The note first: read back, what the attributes add follows it. */
      if (note != NULL && *note != '\0')
        append_note (&w, w.notes, brat_id, note);
      append_attributes (&w, ann, brat_id, type);
    }

  for (guint i = 0; i + 1 < w.link_notes->len; i += 2)
    append_note (&w, w.notes, g_ptr_array_index (w.link_notes, i), g_ptr_array_index (w.link_notes, i + 1));
  g_ptr_array_unref (w.link_notes);

  out = g_string_new (NULL);
  g_string_append_len (out, w.t_lines->str, w.t_lines->len);
  g_string_append_len (out, w.e_lines->str, w.e_lines->len);
  g_string_append_len (out, w.r_lines->str, w.r_lines->len);
  g_string_append_len (out, w.a_lines->str, w.a_lines->len);
  g_string_append_len (out, w.notes->str, w.notes->len);
  g_string_free (w.t_lines, TRUE);
  g_string_free (w.e_lines, TRUE);
  g_string_free (w.r_lines, TRUE);
  g_string_free (w.a_lines, TRUE);
  g_string_free (w.notes, TRUE);
  return g_string_free (out, FALSE);
}
