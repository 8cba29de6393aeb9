/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-webanno-tsv.c: WebAnno TSV 3.3, the file INCEpTION imports
 * as "WebAnno TSV 3", written as INCEpTION's Tsv3XSerializer writes it: the
 * format line, the layers, two blank lines, then per sentence a blank line,
 * its "#Text=" lines and one row per token and sub-token, each cell followed
 * by a tab. Offsets are UTF-16 code units, as Java counts.
 *
 * Hearsay's annotations are the span layer webanno.custom.Hearsay (label,
 * one feature per attribute, note, and hearsay_id joining the fragments of
 * a discontinuous annotation, one span each); relations the relation layer
 * webanno.custom.HearsayRelation (type) over it. One file per annotator
 * (hearsay-export-cas.c).
 *
 * The text must come back exactly from the "#Text=" lines: sentences start
 * at the first token after each line break and reach the next sentence, so
 * that no text falls between two (the format cannot hold it); only text
 * before the first token is rebuilt as spaces by readers. Tokens are words
 * and other characters; where a span starts or ends in white space, that
 * white space is a token of its own; a span boundary inside a token makes a
 * sub-token row. A span boundary on a tab or a line break cannot be a row
 * (a row cannot hold them): the span is shortened to the nearest token and
 * this is reported. */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "hearsay-export-cas-private.h"

#define FORMAT "webanno-tsv"

typedef struct _Unit Unit;

typedef struct
{
  HearsayAnnotation *ann;
  guint fragment;
  gint64 start, end;   /* code points of the exported text */
  int id;              /* disambiguation id, 0: none */
  guint group;         /* hearsay_id: the fragments of one annotation, 0: one fragment */
  gboolean dropped;
  GPtrArray *units;    /* Unit *, the first defines the annotation's place */
} Fs;

struct _Unit
{
  gint64 start, end;
  guint token;         /* 1-based, in its sentence */
  guint sentence;      /* 1-based */
  guint sub;           /* 0: a token; else 1-based among its sub-tokens */
  GPtrArray *fs;       /* Fs * */
  GPtrArray *relations;/* HearsayRelation *, written on their target's row */
  GPtrArray *subs;     /* tokens: Unit *, owned */
};

typedef struct
{
  HearsayCasExport *cas;
  guint n_trimmed;
  guint n_dropped;
  guint n_leading;
  guint n_cr;
  guint n_far_subtokens;
  guint n_untokenized;
} TsvState;

static void
tsv_state_free (gpointer data)
{
  TsvState *state = data;

  hearsay_cas_export_free (state->cas);
  g_free (state);
}

static void
unit_free (gpointer data)
{
  Unit *u = data;

  g_ptr_array_unref (u->fs);
  g_ptr_array_unref (u->relations);
  g_clear_pointer (&u->subs, g_ptr_array_unref);
  g_free (u);
}

static Unit *
unit_new (gint64 start,
          gint64 end)
{
  Unit *u = g_new0 (Unit, 1);

  u->start = start;
  u->end = end;
  u->fs = g_ptr_array_new ();
  u->relations = g_ptr_array_new ();
  return u;
}

static void
fs_free (gpointer data)
{
  Fs *fs = data;

  g_ptr_array_unref (fs->units);
  g_free (fs);
}

/* INCEpTION's Escaping.escapeValue, and \r, which its reader would take
 * for the end of the line. */
static void
append_value (GString    *s,
              const char *value,
              TsvState   *state)
{
  if (strchr (value, '\r') != NULL)
    state->n_cr++;
  for (const char *p = value; *p; p++)
    switch (*p)
      {
      case '\\': case '[': case ']': case '|': case '_': case ';': case '*':
        g_string_append_c (s, '\\');
        g_string_append_c (s, *p);
        break;
      case '\t':
        g_string_append (s, "\\t");
        break;
      case '\n':
        g_string_append (s, "\\n");
        break;
      case '\r':
        g_string_append (s, "\\r");
        break;
      case '-':
        if (p[1] == '>')
          {
            g_string_append (s, "\\->");
            p++;
            break;
          }
        G_GNUC_FALLTHROUGH;
      default:
        g_string_append_c (s, *p);
      }
}

/* Escaping.escapeText: the "#Text=" lines. */
static void
append_text (GString    *s,
             const char *text,
             gsize       length)
{
  for (const char *p = text; p < text + length; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '\t': g_string_append (s, "\\t"); break;
        case '\f': g_string_append (s, "\\f"); break;
        case '\r': g_string_append (s, "\\r"); break;
        case '\b': g_string_append (s, "\\b"); break;
        case '\\': g_string_append (s, "\\\\"); break;
        default:
          if (c < 32 && (c < 8 || c > 13))
            g_string_append_c (s, '\\');
          g_string_append_c (s, c);
        }
    }
}

static gboolean
unwritable (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r';
}

static int
compare_fs (gconstpointer a,
            gconstpointer b)
{
  const Fs *x = *(Fs * const *) a, *y = *(Fs * const *) b;
  gint64 ix = hearsay_annotation_get_id (x->ann), iy = hearsay_annotation_get_id (y->ann);

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  if (ix != iy)
    return ix < iy ? -1 : 1;
  return (int) x->fragment - (int) y->fragment;
}

static int
compare_tokens (gconstpointer a,
                gconstpointer b)
{
  const HearsayCasToken *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

static int
compare_units (gconstpointer a,
               gconstpointer b)
{
  const Unit *x = *(Unit * const *) a, *y = *(Unit * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end > y->end ? -1 : x->end < y->end;
}

/* The token with start <= @pos < end (@after FALSE) or start < @pos <= end. */
static gint
token_at (GArray   *tokens,
          gint64    pos,
          gboolean  after)
{
  guint lo = 0, hi = tokens->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      HearsayCasToken *t = &g_array_index (tokens, HearsayCasToken, mid);

      if (after ? t->end < pos : t->end <= pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < tokens->len)
    {
      HearsayCasToken *t = &g_array_index (tokens, HearsayCasToken, lo);

      if (after ? (t->start < pos && pos <= t->end) : (t->start <= pos && pos < t->end))
        return (gint) lo;
    }
  return -1;
}

/* White space where a span starts or ends becomes tokens, split around
 * tabs and line breaks, which no row can hold. */
static void
add_space_tokens (GArray           *tokens,
                  HearsayOffsetMap *map,
                  GPtrArray        *fss)
{
  g_autoptr(GHashTable) starts = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) ends = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (HearsayCasToken));
  gint64 length = hearsay_offset_map_get_length (map);

  for (guint i = 0; i < fss->len; i++)
    {
      Fs *fs = g_ptr_array_index (fss, i);

      if (token_at (tokens, fs->start, FALSE) < 0)
        g_hash_table_add (starts, &fs->start);
      if (token_at (tokens, fs->end, TRUE) < 0)
        g_hash_table_add (ends, &fs->end);
    }
  if (g_hash_table_size (starts) == 0 && g_hash_table_size (ends) == 0)
    return;
  /* Each gap between tokens, the text's start and its end. */
  for (guint g = 0; g <= tokens->len; g++)
    {
      gint64 x = g == 0 ? 0 : g_array_index (tokens, HearsayCasToken, g - 1).end;
      gint64 y = g == tokens->len ? length : g_array_index (tokens, HearsayCasToken, g).start;
      const char *p = hearsay_offset_map_pointer (map, x);
      gboolean needed = FALSE;

      for (gint64 k = x; k <= y && !needed; k++)
        needed = (k < y && g_hash_table_contains (starts, &k)) || (k > x && g_hash_table_contains (ends, &k));
      if (!needed)
        continue;
      g_array_set_size (points, 0);
      for (gint64 k = x; k <= y; k++)
        {
          gunichar c = k < y ? g_utf8_get_char (p) : 0;

          if (k == x || k == y || g_hash_table_contains (starts, &k) || g_hash_table_contains (ends, &k) ||
              unwritable (c) || (k > x && unwritable (g_utf8_get_char (g_utf8_prev_char (p)))))
            g_array_append_val (points, k);
          if (k < y)
            p = g_utf8_next_char (p);
        }
      for (guint i = 0; i + 1 < points->len; i++)
        {
          gint64 a = g_array_index (points, gint64, i), b = g_array_index (points, gint64, i + 1);
          gunichar c = g_utf8_get_char (hearsay_offset_map_pointer (map, a));

          if (!unwritable (c) && (g_hash_table_contains (starts, &a) || g_hash_table_contains (ends, &b)))
            {
              HearsayCasToken t = { a, b, FALSE };

              g_array_append_val (added, t);
            }
        }
    }
  g_array_append_vals (tokens, added->data, added->len);
  g_array_sort (tokens, compare_tokens);
}

/* Sentences start at the first token and at the first after a line break. */
static void
mark_sentences (GArray           *tokens,
                HearsayOffsetMap *map)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      HearsayCasToken *t = &g_array_index (tokens, HearsayCasToken, i);
      gint64 from = i == 0 ? 0 : g_array_index (tokens, HearsayCasToken, i - 1).end;
      const char *p = hearsay_offset_map_pointer (map, from);

      t->sentence = i == 0;
      for (gint64 k = from; k < t->start && !t->sentence; k++, p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          t->sentence = c == '\n' || c == '\r';
        }
    }
}

/* Shortens spans whose ends no token holds; FALSE when nothing is left. */
static gboolean
trim (Fs       *fs,
      GArray   *tokens,
      TsvState *state)
{
  gint64 start = fs->start, end = fs->end;

  if (token_at (tokens, start, FALSE) < 0)
    for (guint i = 0; i < tokens->len; i++)
      if (g_array_index (tokens, HearsayCasToken, i).start >= start)
        {
          start = g_array_index (tokens, HearsayCasToken, i).start;
          break;
        }
  if (token_at (tokens, end, TRUE) < 0)
    for (guint i = tokens->len; i > 0; i--)
      if (g_array_index (tokens, HearsayCasToken, i - 1).end <= end)
        {
          end = g_array_index (tokens, HearsayCasToken, i - 1).end;
          break;
        }
  if (start != fs->start || end != fs->end)
    {
      if (start >= end || token_at (tokens, start, FALSE) < 0)
        {
          state->n_dropped++;
          fs->dropped = TRUE;
          return FALSE;
        }
      state->n_trimmed++;
      fs->start = start;
      fs->end = end;
    }
  return TRUE;
}

static Unit *
sub_unit (Unit   *token,
          gint64  start,
          gint64  end)
{
  Unit *u;

  if (token->subs == NULL)
    token->subs = g_ptr_array_new_with_free_func (unit_free);
  for (guint i = 0; i < token->subs->len; i++)
    {
      u = g_ptr_array_index (token->subs, i);
      if (u->start == start && u->end == end)
        return u;
    }
  u = unit_new (start, end);
  u->token = token->token;
  u->sentence = token->sentence;
  g_ptr_array_add (token->subs, u);
  return u;
}

static void
append_id (GString    *s,
           const Unit *u)
{
  g_string_append_printf (s, "%u-%u", u->sentence, u->token);
  if (u->sub > 0)
    g_string_append_printf (s, ".%u", u->sub);
}

/* The first fragment of @ann that is written. */
static Fs *
first_fs (GHashTable *by_annotation,
          gint64      id)
{
  GPtrArray *list = g_hash_table_lookup (by_annotation, &id);

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (!((Fs *) g_ptr_array_index (list, i))->dropped)
      return g_ptr_array_index (list, i);
  return NULL;
}

static void
append_row (GString          *s,
            HearsayOffsetMap *map,
            Unit             *u,
            GPtrArray        *attributes,
            gboolean          has_note,
            gboolean          has_group,
            gboolean          has_spans,
            gboolean          has_relations,
            GHashTable       *by_annotation,
            TsvState         *state)
{
  const char *ps = hearsay_offset_map_pointer (map, u->start);
  const char *pe = hearsay_offset_map_pointer (map, u->end);
  guint n_columns = 1 + attributes->len + (has_note ? 1 : 0) + (has_group ? 1 : 0);

  append_id (s, u);
  g_string_append_printf (s, "\t%" PRId64 "-%" PRId64 "\t", hearsay_offset_map_codepoint_to_unit (map, u->start),
                          hearsay_offset_map_codepoint_to_unit (map, u->end));
  g_string_append_len (s, ps, pe - ps);
  g_string_append_c (s, '\t');
  for (guint c = 0; has_spans && c < n_columns; c++)
    {
      if (u->fs->len == 0)
        g_string_append (s, "_");
      for (guint k = 0; k < u->fs->len; k++)
        {
          Fs *fs = g_ptr_array_index (u->fs, k);
          const char *value = NULL;
          g_autofree char *joined = NULL;

          if (k > 0)
            g_string_append_c (s, '|');
          if (c == 0)
            value = hearsay_annotation_get_label (fs->ann);
          else if (c <= attributes->len)
            {
              const char * const *values = hearsay_annotation_get_attribute_values (fs->ann,
                                                                                   g_ptr_array_index (attributes, c - 1));

              /* TSV has no multi-valued features: "a|b", escaped. */
              if (values != NULL && values[0] != NULL)
                value = joined = g_strjoinv ("|", (char **) values);
            }
          else if (has_note && c == attributes->len + 1)
            value = hearsay_annotation_get_note (fs->ann);
          else if (fs->group > 0)
            value = joined = g_strdup_printf ("%u", fs->group);
          if (value != NULL && *value != '\0')
            append_value (s, value, state);
          else
            g_string_append_c (s, '*');
          if (fs->id > 0)
            g_string_append_printf (s, "[%d]", fs->id);
        }
      g_string_append_c (s, '\t');
    }
  if (has_relations)
    {
      for (guint c = 0; c < 2; c++)
        {
          if (u->relations->len == 0)
            g_string_append (s, "_");
          for (guint k = 0; k < u->relations->len; k++)
            {
              HearsayRelation *r = g_ptr_array_index (u->relations, k);
              Fs *from = first_fs (by_annotation, r->from_id);
              Fs *to = first_fs (by_annotation, r->to_id);

              if (k > 0)
                g_string_append_c (s, '|');
              if (c == 0)
                append_value (s, r->type, state);
              else
                {
                  Unit *source = g_ptr_array_index (from->units, 0);

                  append_id (s, source);
                  if (source->sub > 9)
                    state->n_far_subtokens++;
                  if (from->id > 0 || to->id > 0)
                    g_string_append_printf (s, "[%d_%d]", from->id, to->id);
                }
            }
          g_string_append_c (s, '\t');
        }
    }
  g_string_append_c (s, '\n');
}

static gboolean
write_file (HearsayExportContext  *ctx,
            TsvState              *state,
            HearsayDocument       *doc,
            HearsayOffsetMap      *map,
            const char            *folder,
            HearsayCasFile        *file,
            GError               **error)
{
  g_autoptr(GArray) tokens = hearsay_cas_export_tokens (hearsay_offset_map_get_text (map));
  g_autoptr(GPtrArray) fss = g_ptr_array_new_with_free_func (fs_free);
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (unit_free);
  g_autoptr(GHashTable) by_annotation = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                               (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GString) s = g_string_new ("#FORMAT=WebAnno TSV 3.3\n");
  g_autofree char *where = g_strdup_printf (FORMAT ": document %" PRId64, hearsay_document_get_id (doc));
  g_autofree char *name = NULL;
  gboolean has_note = FALSE, has_group = FALSE, has_relations = FALSE;
  int next_id = 0;
  guint sentence = 0, token = 0, next_group = 0;

  for (guint i = 0; i < file->annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (file->annotations, i);
      gint64 *key = g_new (gint64, 1);
      GPtrArray *list = g_ptr_array_new ();

      *key = hearsay_annotation_get_id (ann);
      g_hash_table_insert (by_annotation, key, list);
      for (guint k = 0; k < hearsay_annotation_get_n_fragments (ann); k++)
        {
          const HearsayFragment *f = hearsay_annotation_get_fragment (ann, k);
          Fs *fs = g_new0 (Fs, 1);

          fs->ann = ann;
          fs->fragment = k;
          fs->start = hearsay_offset_map_to_codepoint (map, f->start);
          fs->end = hearsay_offset_map_to_codepoint (map, f->end);
          fs->units = g_ptr_array_new ();
          g_ptr_array_add (fss, fs);
          g_ptr_array_add (list, fs);
        }
      if (hearsay_annotation_get_note (ann) != NULL && *hearsay_annotation_get_note (ann) != '\0')
        has_note = TRUE;
    }
  g_ptr_array_sort (fss, compare_fs);
  add_space_tokens (tokens, map, fss);
  mark_sentences (tokens, map);
  if (tokens->len == 0)
    {
      state->n_untokenized++;
      return TRUE;
    }
  for (gint64 k = 0, n = g_array_index (tokens, HearsayCasToken, 0).start; k < n; k++)
    if (*hearsay_offset_map_pointer (map, k) != ' ')
      {
        state->n_leading++;
        break;
      }

  /* Token units, numbered in their sentences. */
  for (guint i = 0; i < tokens->len; i++)
    {
      HearsayCasToken *t = &g_array_index (tokens, HearsayCasToken, i);
      Unit *u = unit_new (t->start, t->end);

      if (t->sentence)
        {
          sentence++;
          token = 0;
        }
      u->sentence = sentence;
      u->token = ++token;
      g_ptr_array_add (units, u);
    }
  for (guint i = 0; i < fss->len; i++)
    {
      Fs *fs = g_ptr_array_index (fss, i);
      gint first, last;

      if (!trim (fs, tokens, state))
        continue;
      first = token_at (tokens, fs->start, FALSE);
      last = token_at (tokens, fs->end, TRUE);
      for (gint k = first; k <= last; k++)
        {
          Unit *t = g_ptr_array_index (units, k);
          gint64 cs = MAX (fs->start, t->start), ce = MIN (fs->end, t->end);
          Unit *u = cs == t->start && ce == t->end ? t : sub_unit (t, cs, ce);

          g_ptr_array_add (fs->units, u);
          g_ptr_array_add (u->fs, fs);
        }
    }
  for (guint i = 0; i < units->len; i++)
    {
      Unit *t = g_ptr_array_index (units, i);

      if (t->subs == NULL)
        continue;
      g_ptr_array_sort (t->subs, compare_units);
      for (guint k = 0; k < t->subs->len; k++)
        ((Unit *) g_ptr_array_index (t->subs, k))->sub = k + 1;
    }
  /* Ids for spans over several rows or stacked with another in a row, in
   * the order of the spans. */
  for (guint i = 0; i < fss->len; i++)
    {
      Fs *fs = g_ptr_array_index (fss, i);
      gboolean stacked = FALSE;

      for (guint k = 0; k < fs->units->len && !stacked; k++)
        stacked = ((Unit *) g_ptr_array_index (fs->units, k))->fs->len > 1;
      if (!fs->dropped && (fs->units->len > 1 || stacked))
        fs->id = ++next_id;
    }
  /* hearsay_id numbers the discontinuous annotations of the file in the
   * order of their first spans, so that an export of the re-imported
   * project is the same file. */
  for (guint i = 0; i < fss->len; i++)
    {
      Fs *fs = g_ptr_array_index (fss, i);
      guint written = 0;
      GPtrArray *list = g_hash_table_lookup (by_annotation, &(gint64) { hearsay_annotation_get_id (fs->ann) });

      if (fs->dropped || fs->group > 0)
        continue;
      for (guint k = 0; k < list->len; k++)
        written += !((Fs *) g_ptr_array_index (list, k))->dropped;
      if (written < 2)
        continue;
      has_group = TRUE;
      next_group++;
      for (guint k = 0; k < list->len; k++)
        ((Fs *) g_ptr_array_index (list, k))->group = next_group;
    }
  for (guint i = 0; i < file->relations->len; i++)
    {
      HearsayRelation *r = g_ptr_array_index (file->relations, i);
      Fs *from = first_fs (by_annotation, r->from_id);
      Fs *to = first_fs (by_annotation, r->to_id);

      if (from == NULL || to == NULL)
        {
          state->n_dropped++;
          continue;
        }
      g_ptr_array_add (((Unit *) g_ptr_array_index (to->units, 0))->relations, r);
      has_relations = TRUE;
    }

  attributes = hearsay_cas_export_attributes (ctx, file, where);
  if (fss->len > 0)
    {
      g_string_append (s, "#T_SP=" HEARSAY_CAS_SPAN_TYPE "|label");
      for (guint i = 0; i < attributes->len; i++)
        g_string_append_printf (s, "|%s", (const char *) g_ptr_array_index (attributes, i));
      if (has_note)
        g_string_append (s, "|note");
      if (has_group)
        g_string_append (s, "|hearsay_id");
      g_string_append_c (s, '\n');
    }
  if (has_relations)
    g_string_append (s, "#T_RL=" HEARSAY_CAS_RELATION_TYPE "|type|BT_" HEARSAY_CAS_SPAN_TYPE "\n");
  g_string_append_c (s, '\n');

  for (guint i = 0; i < units->len; i++)
    {
      Unit *u = g_ptr_array_index (units, i);

      if (u->token == 1)
        {
          guint next = i + 1;
          gint64 end;
          const char *p, *q, *stop;

          while (next < units->len && ((Unit *) g_ptr_array_index (units, next))->token != 1)
            next++;
          end = next < units->len ? ((Unit *) g_ptr_array_index (units, next))->start
                                  : hearsay_offset_map_get_length (map);
          /* Readers put a line feed, then spaces, between two sentences:
           * where the text between them is that, the sentence ends before
           * it; elsewhere it reaches the next one. */
          if (next < units->len)
            {
              gint64 last_end = ((Unit *) g_ptr_array_index (units, next - 1))->end;

              for (gint64 k = end - 1; k >= last_end; k--)
                {
                  char c = *hearsay_offset_map_pointer (map, k);

                  if (c == '\n')
                    {
                      end = k;
                      break;
                    }
                  if (c != ' ')
                    break;
                }
            }
          p = hearsay_offset_map_pointer (map, u->start);
          stop = hearsay_offset_map_pointer (map, end);
          g_string_append_c (s, '\n');
          /* A line break in a sentence starts another "#Text=" line. */
          do
            {
              q = memchr (p, '\n', stop - p);
              g_string_append (s, "#Text=");
              append_text (s, p, (q ? q : stop) - p);
              g_string_append_c (s, '\n');
              p = q ? q + 1 : stop;
            }
          while (q != NULL);
        }
      append_row (s, map, u, attributes, has_note, has_group, fss->len > 0, has_relations, by_annotation, state);
      for (guint k = 0; u->subs && k < u->subs->len; k++)
        append_row (s, map, g_ptr_array_index (u->subs, k), attributes, has_note, has_group, fss->len > 0,
                    has_relations, by_annotation, state);
    }
  name = g_strdup_printf ("%s/%s.tsv", folder, file->annotator);
  return hearsay_cas_export_write (ctx, name, s->str, s->len, error);
}

static gboolean
tsv_document (HearsayDocument  *doc,
              gpointer          data,
              GError          **error)
{
  HearsayExportContext *ctx = data;
  TsvState *state = ctx->data;
  g_autoptr(HearsayOffsetMap) map = hearsay_offset_map_new (hearsay_document_get_text (doc), HEARSAY_OFFSET_UTF16,
                                                            ctx->options->newlines);
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *folder = NULL;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  files = hearsay_cas_export_files (ctx, state->cas, doc, map, error);
  if (files == NULL)
    return FALSE;
  folder = hearsay_cas_export_folder (state->cas, doc);
  for (guint i = 0; i < files->len; i++)
    if (!write_file (ctx, state, doc, map, folder, g_ptr_array_index (files, i), error))
      return FALSE;
  return TRUE;
}

static const char readme[] =
  "WebAnno TSV 3.3, written by Hearsay: one file per document and annotator,\n"
  "annotation/<document title>/<annotator>.tsv (INITIAL_CAS.tsv: a document\n"
  "without annotations), as in an INCEpTION project export.\n"
  "\n"
  "Offsets count UTF-16 code units, as INCEpTION (Java) does.\n"
  "\n"
  "To import a file into INCEpTION, the project needs these layers:\n"
  "  span layer     webanno.custom.Hearsay          features: label, note, hearsay_id\n"
  "                 (and one string feature per attribute named in a file's #T_SP= line)\n"
  "  relation layer webanno.custom.HearsayRelation  feature: type; attached to webanno.custom.Hearsay\n"
  "\n"
  "A discontinuous annotation is one span per fragment, sharing a hearsay_id.\n"
  "A multi-choice attribute is one string, its values joined by |.\n"
  "Left out (and reported by the export): document metadata (outlet, URL, date,\n"
  "language, fields), annotation times, relations to entities, across documents\n"
  "or between two annotators' annotations; a span boundary on a tab or a line\n"
  "break moves to the nearest token.\n";

static gboolean
tsv_begin (HearsayExportContext  *ctx,
           GError               **error)
{
  TsvState *state = g_new0 (TsvState, 1);

  state->cas = hearsay_cas_export_new ();
  ctx->data = state;
  if (ctx->options->offset_unit == HEARSAY_OFFSET_BYTE)
    hearsay_export_warn (ctx, FORMAT ": offsets are UTF-16 code units by the format's definition; "
                         "--offsets byte is ignored");
  return hearsay_cas_export_write (ctx, "README-webanno-tsv.txt", readme, strlen (readme), error);
}

static gboolean
tsv_end (HearsayExportContext  *ctx,
         GError               **error)
{
  TsvState *state = ctx->data;

  hearsay_cas_export_warn (ctx, state->cas, FORMAT, FALSE);
  if (state->n_trimmed > 0)
    hearsay_export_warn (ctx, FORMAT ": %u spans start or end on a tab or a line break, which no row can "
                         "hold; they were shortened to the nearest token", state->n_trimmed);
  if (state->n_dropped > 0)
    hearsay_export_warn (ctx, FORMAT ": %u spans or relations hold no token and were left out", state->n_dropped);
  if (state->n_leading > 0)
    hearsay_export_warn (ctx, FORMAT ": the text before the first word of %u documents is not only spaces; "
                         "readers of the format rebuild it as spaces", state->n_leading);
  if (state->n_untokenized > 0)
    hearsay_export_warn (ctx, FORMAT ": %u files would hold no token (an empty or blank text) and were not "
                         "written", state->n_untokenized);
  if (state->n_cr > 0)
    hearsay_export_warn (ctx, FORMAT ": %u values (labels, attributes, notes) hold a carriage return, written "
                         "\\r: Hearsay reads it back, INCEpTION shows \\r", state->n_cr);
  if (state->n_far_subtokens > 0)
    hearsay_export_warn (ctx, FORMAT ": %u relations start on a sub-token numbered 10 or more, which "
                         "INCEpTION's reader cannot resolve", state->n_far_subtokens);
  return TRUE;
}

const HearsayExportWriter hearsay_export_webanno_tsv_writer = {
  .begin = tsv_begin,
  .document = tsv_document,
  .end = tsv_end,
  .free_data = tsv_state_free,
  .marker = "README-webanno-tsv.txt",
};
