/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-conll.c: token-level BIO, one "token\tTAG" per line, a
 * blank line between sentences, "-DOCSTART-\tO" before each document:
 * two columns on every line, which NLTK's ConllCorpusReader (columntypes
 * words, ne) reads; a first comment line only when asked (that reader,
 * like most CoNLL readers, refuses comments).
 *
 * Lossy by nature: one label per token, so of overlapping annotations the
 * longest (outermost) wins and every one dropped is reported in the
 * options' warnings, never silently. Tokens are runs of letters and digits
 * (with their combining marks), or one other character with what joins it
 * (an emoji and its modifiers), always extended to the end of a grapheme
 * cluster (hearsay_text_index_is_boundary), so that no cluster is split
 * between two tokens. Tokens are separated by what Python's str.split()
 * takes for white space (the readers split lines with it), and a BOM. A
 * sentence ends after . ! ? followed by a space or line break, and at every
 * line break. */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "hearsay-export-private.h"

typedef struct
{
  gint64 start;   /* code points of the exported text */
  gint64 end;
  const char *p;  /* byte position of start */
  gsize size;
  const char *label;
  gboolean begins;
  gboolean sentence_end;
} Token;

static gboolean
joins (gunichar c)
{
  return g_unichar_ismark (c) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F);
}

/* Python's str.split() and str.splitlines() break on these too (U+001C–
 * U+001F, U+0085); a token holding one would spread over two columns. */
static gboolean
separates (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xFEFF || (c >= 0x1C && c <= 0x1F) || c == 0x85;
}

static gboolean
breaks_line (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

static GArray *
tokenize (const char *text)
{
  g_autoptr(HearsayTextIndex) index = hearsay_text_index_new (text);
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text;
  gint64 cp = 0;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      Token t = { cp, 0, p, 0, NULL, FALSE, FALSE };
      gboolean word = g_unichar_isalnum (c);

      if (separates (c))
        {
          if (breaks_line (c) && tokens->len > 0)
            g_array_index (tokens, Token, tokens->len - 1).sentence_end = TRUE;
          p = g_utf8_next_char (p);
          cp++;
          /* Marks that a space carries stay with it, outside every token. */
          while (*p && !hearsay_text_index_is_boundary (index, cp) && !separates (g_utf8_get_char (p)))
            {
              p = g_utf8_next_char (p);
              cp++;
            }
          continue;
        }
      do
        {
          gunichar prev = g_utf8_get_char (p);

          p = g_utf8_next_char (p);
          cp++;
          c = g_utf8_get_char (p);
          if (prev == 0x200D && *p && !separates (c))
            continue;
          if (!(joins (c) || (word && g_unichar_isalnum (c))))
            break;
        }
      while (*p);
      /* Never end a token inside a grapheme cluster (flags, Hangul jamo…). */
      while (*p && !hearsay_text_index_is_boundary (index, cp) && !separates (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          cp++;
        }
      t.end = cp;
      t.size = p - t.p;
      if (t.size == 1 && (*t.p == '.' || *t.p == '!' || *t.p == '?') &&
          (*p == '\0' || separates (g_utf8_get_char (p))))
        t.sentence_end = TRUE;
      g_array_append_val (tokens, t);
    }
  return tokens;
}

static gint
by_length_desc (gconstpointer a,
                gconstpointer b)
{
  HearsayAnnotation *x = *(HearsayAnnotation **) a;
  HearsayAnnotation *y = *(HearsayAnnotation **) b;
  gint64 lx = hearsay_annotation_get_end (x) - hearsay_annotation_get_start (x);
  gint64 ly = hearsay_annotation_get_end (y) - hearsay_annotation_get_start (y);

  if (lx != ly)
    return lx > ly ? -1 : 1;
  if (hearsay_annotation_get_start (x) != hearsay_annotation_get_start (y))
    return hearsay_annotation_get_start (x) < hearsay_annotation_get_start (y) ? -1 : 1;
  return hearsay_annotation_get_id (x) < hearsay_annotation_get_id (y) ? -1 :
         hearsay_annotation_get_id (x) > hearsay_annotation_get_id (y);
}

/* The tokens [first, last) that overlap [start, end). */
static void
token_range (GArray *tokens,
             gint64  start,
             gint64  end,
             guint  *first,
             guint  *last)
{
  guint lo = 0, hi = tokens->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (tokens, Token, mid).end <= start)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;
  while (lo < tokens->len && g_array_index (tokens, Token, lo).start < end)
    lo++;
  *last = lo;
}

static gboolean
conll_begin (HearsayExportContext  *ctx,
             GError               **error)
{
  ctx->data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!ctx->options->comments)
    return TRUE;
  g_string_append (ctx->buffer, "# hearsay conll: lossy (one label per token; overlaps reported)\n");
  return hearsay_export_flush (ctx, error);
}

/* A tag holds no white space (it would make a third column): "Custom
 * Label" is written "Custom_Label", and said once per label. */
static const char *
tag_name (HearsayExportContext *ctx,
          const char           *label)
{
  GHashTable *names = ctx->data;
  const char *name = g_hash_table_lookup (names, label);
  char *copy;

  if (name != NULL)
    return name;
  {
    GString *out = g_string_new (NULL);

    for (const char *q = label; *q; q = g_utf8_next_char (q))
      if (separates (g_utf8_get_char (q)))
        g_string_append_c (out, '_');
      else
        g_string_append_len (out, q, g_utf8_next_char (q) - q);
    copy = g_string_free (out, FALSE);
  }
  if (strcmp (copy, label) != 0)
    hearsay_export_warn (ctx, "conll: the label “%s” is written “%s”: a CoNLL tag holds no white space",
                         label, copy);
  g_hash_table_insert (names, g_strdup (label), copy);
  return copy;
}

static gboolean
conll_document (HearsayDocument  *doc,
                gpointer          data,
                GError          **error)
{
  HearsayExportContext *ctx = data;
  g_autoptr(HearsayOffsetMap) map = hearsay_export_offset_map (ctx, doc);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GArray) tokens = NULL;
  GString *s = ctx->buffer;
  gboolean blank = TRUE;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  annotations = hearsay_export_annotations (ctx, hearsay_document_get_id (doc), error);
  if (annotations == NULL)
    return FALSE;
  tokens = tokenize (hearsay_offset_map_get_text (map));

  g_ptr_array_sort (annotations, by_length_desc);
  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
      guint n = hearsay_annotation_get_n_fragments (ann);
      gboolean free = TRUE, any = FALSE;

      for (guint j = 0; j < n && free; j++)
        {
          const HearsayFragment *f = hearsay_annotation_get_fragment (ann, j);
          guint first, last;

          token_range (tokens, hearsay_offset_map_to_codepoint (map, f->start),
                       hearsay_offset_map_to_codepoint (map, f->end), &first, &last);
          for (guint k = first; k < last; k++)
            free = free && g_array_index (tokens, Token, k).label == NULL;
          any = any || last > first;
        }
      if (!free || !any)
        {
          hearsay_export_warn (ctx, "conll: document %" PRId64 ", annotation %" PRId64
                               " (%s) %s", hearsay_document_get_id (doc), hearsay_annotation_get_id (ann),
                               hearsay_annotation_get_label (ann),
                               free ? "covers no token" : "overlaps a longer one and was dropped");
          continue;
        }
      for (guint j = 0; j < n; j++)
        {
          const HearsayFragment *f = hearsay_annotation_get_fragment (ann, j);
          guint first, last;

          token_range (tokens, hearsay_offset_map_to_codepoint (map, f->start),
                       hearsay_offset_map_to_codepoint (map, f->end), &first, &last);
          for (guint k = first; k < last; k++)
            {
              Token *t = &g_array_index (tokens, Token, k);

              t->label = hearsay_annotation_get_label (ann);
              t->begins = k == first;
            }
        }
    }

  g_string_append (s, "-DOCSTART-\tO\n\n");
  for (guint k = 0; k < tokens->len; k++)
    {
      const Token *t = &g_array_index (tokens, Token, k);

      g_string_append_len (s, t->p, t->size);
      if (t->label)
        g_string_append_printf (s, "\t%s-%s\n", t->begins ? "B" : "I", tag_name (ctx, t->label));
      else
        g_string_append (s, "\tO\n");
      blank = FALSE;
      if (t->sentence_end)
        {
          g_string_append_c (s, '\n');
          blank = TRUE;
        }
    }
  if (!blank)
    g_string_append_c (s, '\n');
  return hearsay_export_flush (ctx, error);
}

const HearsayExportWriter hearsay_export_conll_writer = {
  .begin = conll_begin,
  .document = conll_document,
  .free_data = (void (*) (gpointer)) g_hash_table_unref,
};
