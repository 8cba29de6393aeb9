/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-refi-positions.c: how one source's startPosition and
 * endPosition count, chosen from the source's own evidence.
 *
 * REFI-QDA says "characters" and the tools disagree on what that is:
 *   - QualCoder counts Python code points over the text without the
 *     byte-order mark it writes (utf-8-sig), over LF line ends (its
 *     "MAXQDA" option writes CR LF but keeps the positions: CR LF as one);
 *   - NVivo counts UTF-16 code units over the text without its BOM, CR
 *     counted (an NVivo 12.6 export: 295 of 303 selections fall on word
 *     boundaries under that reading, 12 under code points);
 *   - ATLAS.ti stores CR LF in the source and counts it as one (QualCoder's
 *     importer works around it); MAXQDA wants CR LF counted as one too.
 * Each candidate convention that makes a difference for this text (UTF-16
 * only matters with characters outside the BMP, CR LF only with CR LF, the
 * BOM only with a BOM) is scored on the selections: how many names hold
 * their selection's quote (QualCoder writes the quote as the name, ATLAS.ti
 * its beginning and "..."), then how many start and end on word boundaries
 * (as the NVivo measurement did), then how many fall on characters at all.
 * The best wins; the producing tool's default wins a tie. --offsets and --newlines decide the unit and
 * the line ends; the BOM is still read as the evidence says. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-import-refi-private.h"

#define BOM "\xEF\xBB\xBF"

typedef struct
{
  HearsayOffsetConvention convention;
  guint n_quotes;
  guint n_valid;
  guint n_words;
} Score;

static HearsayOffsetConvention
tool_default (RefiTool tool)
{
  switch (tool)
    {
    case REFI_TOOL_NVIVO:
      return (HearsayOffsetConvention) { HEARSAY_OFFSET_UTF16, FALSE, TRUE };
    case REFI_TOOL_ATLAS:
    case REFI_TOOL_MAXQDA:
      return (HearsayOffsetConvention) { HEARSAY_OFFSET_UTF16, TRUE, TRUE };
    case REFI_TOOL_QUALCODER:
      return (HearsayOffsetConvention) { HEARSAY_OFFSET_CODEPOINT, TRUE, TRUE };
    case REFI_TOOL_HEARSAY:
    case REFI_TOOL_OTHER:
    default:
      return (HearsayOffsetConvention) { HEARSAY_OFFSET_CODEPOINT, FALSE, TRUE };
    }
}

static gboolean
is_word (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
word_boundary (HearsayTextIndex *index,
               gint64            p)
{
  gint64 n = hearsay_text_index_get_length (index);
  const char *at;

  if (p <= 0 || p >= n)
    return TRUE;
  at = hearsay_text_index_pointer (index, p);
  return !(is_word (g_utf8_get_char (g_utf8_prev_char (at))) && is_word (g_utf8_get_char (at)));
}

/* @text with each run of white space as one space, trimmed. */
static char *
squeeze (const char *text,
         gssize      length)
{
  GString *s = g_string_new (NULL);
  const char *end = length < 0 ? text + strlen (text) : text + length;
  gboolean space = FALSE;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xFEFF)
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

gboolean
hearsay_refi_name_matches (HearsayTextIndex *index,
                           gint64            start,
                           gint64            end,
                           const char       *name)
{
  const char *s = hearsay_text_index_pointer (index, start);
  const char *e = hearsay_text_index_pointer (index, end);
  g_autofree char *quote = squeeze (s, e - s);
  g_autofree char *wanted = NULL;
  gsize n;

  if (name == NULL || *name == '\0')
    return FALSE;
  wanted = squeeze (name, -1);
  if (*wanted != '\0' && strcmp (quote, wanted) == 0)
    return TRUE;
  n = strlen (wanted);
  if (g_str_has_suffix (wanted, "..."))
    n -= 3;
  else if (g_str_has_suffix (wanted, "…"))
    n -= strlen ("…");
  else
    return FALSE;
  while (n > 0 && wanted[n - 1] == ' ')
    n--;
  /* A cut name says little when it is very short. */
  return g_utf8_strlen (wanted, n) >= 3 && strncmp (quote, wanted, n) == 0;
}

static Score
score (HearsayTextIndex              *index,
       const HearsayOffsetConvention *convention,
       const HearsayRefiSpan         *spans,
       guint                          n_spans)
{
  g_autoptr(HearsayOffsetReader) reader = hearsay_offset_reader_new (hearsay_text_index_get_text (index),
                                                                     convention);
  Score result = { *convention, 0, 0, 0 };

  for (guint i = 0; i < n_spans; i++)
    {
      gint64 s, e;

      if (spans[i].start < 0 || spans[i].end <= spans[i].start ||
          !hearsay_offset_reader_to_stored (reader, spans[i].start, &s) ||
          !hearsay_offset_reader_to_stored (reader, spans[i].end, &e) ||
          s >= e || !hearsay_text_index_is_boundary (index, s) || !hearsay_text_index_is_boundary (index, e))
        continue;
      result.n_valid++;
      result.n_words += word_boundary (index, s) && word_boundary (index, e);
      result.n_quotes += hearsay_refi_name_matches (index, s, e, spans[i].name);
    }
  return result;
}

/* Quotes first, then word boundaries (which only spans on characters can
 * have), then spans on characters. */
static gboolean
better (const Score *a,
        const Score *b)
{
  if (a->n_quotes != b->n_quotes)
    return a->n_quotes > b->n_quotes;
  if (a->n_words != b->n_words)
    return a->n_words > b->n_words;
  return a->n_valid > b->n_valid;
}

static gboolean
same_convention (const HearsayOffsetConvention *a,
                 const HearsayOffsetConvention *b)
{
  return a->unit == b->unit && a->crlf_as_one == b->crlf_as_one && a->without_bom == b->without_bom;
}

void
hearsay_refi_choose_convention (RefiImport              *r,
                                const char              *where,
                                HearsayTextIndex        *index,
                                const HearsayRefiSpan   *spans,
                                guint                    n_spans,
                                HearsayOffsetConvention *chosen,
                                gboolean                *names_are_quotes)
{
  const char *text = hearsay_text_index_get_text (index);
  const HearsayImportOptions *options = r->ctx->options;
  gboolean forced = options != NULL && options->offsets_given;
  gboolean has_bom = g_str_has_prefix (text, BOM);
  gboolean has_crlf = strstr (text, "\r\n") != NULL;
  gboolean has_astral = FALSE;
  HearsayOffsetConvention prior = tool_default (r->tool);
  HearsayOffsetUnit units[2];
  gboolean crlfs[2], boms[2];
  guint n_units = 1, n_crlfs = 1, n_boms = 1, n_named = 0;
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (Score));
  Score best, runner_up = { 0 };
  gboolean have_runner_up = FALSE;
  g_autofree char *described = NULL;

  *names_are_quotes = FALSE;
  if (r->tool == REFI_TOOL_HEARSAY && r->stated)
    {
      /* The export says how it counts; only the user overrides it. */
      *chosen = hearsay_import_convention (r->ctx, &r->statement, NULL);
      if (forced)
        chosen->without_bom = r->statement.without_bom;
      return;
    }
  for (const guchar *p = (const guchar *) text; *p && !has_astral; p++)
    has_astral = *p >= 0xF0;
  if (forced)
    {
      prior.unit = options->offsets.unit;
      prior.crlf_as_one = options->offsets.crlf_as_one;
    }
  units[0] = prior.unit;
  crlfs[0] = prior.crlf_as_one;
  boms[0] = prior.without_bom;
  if (!forced && has_astral && prior.unit != HEARSAY_OFFSET_BYTE)
    units[n_units++] = prior.unit == HEARSAY_OFFSET_UTF16 ? HEARSAY_OFFSET_CODEPOINT : HEARSAY_OFFSET_UTF16;
  if (!forced && has_crlf)
    crlfs[n_crlfs++] = !prior.crlf_as_one;
  if (has_bom)
    boms[n_boms++] = !prior.without_bom;

  for (guint i = 0; i < n_spans; i++)
    n_named += spans[i].name != NULL && *spans[i].name != '\0';
  /* The prior first, so that it wins ties. */
  for (guint u = 0; u < n_units; u++)
    for (guint c = 0; c < n_crlfs; c++)
      for (guint b = 0; b < n_boms; b++)
        {
          /* What the text cannot show is left out of the description. */
          HearsayOffsetConvention candidate = { units[u], has_crlf && crlfs[c], has_bom && boms[b] };
          Score s = score (index, &candidate, spans, n_spans);

          g_array_append_val (scores, s);
        }
  best = g_array_index (scores, Score, 0);
  for (guint i = 1; i < scores->len; i++)
    if (better (&g_array_index (scores, Score, i), &best))
      best = g_array_index (scores, Score, i);
  for (guint i = 0; i < scores->len; i++)
    {
      Score *s = &g_array_index (scores, Score, i);

      if (!same_convention (&s->convention, &best.convention) &&
          (!have_runner_up || better (s, &runner_up)))
        {
          runner_up = *s;
          have_runner_up = TRUE;
        }
    }
  *chosen = best.convention;
  *names_are_quotes = n_named > 0 && best.n_quotes * 2 > n_named;
  if (scores->len == 1 && forced)
    {
      described = hearsay_offset_convention_describe (chosen);
      hearsay_import_note (r->ctx, where, 0, _("positions read as %s, as --offsets/--newlines say"), described);
      return;
    }
  if (scores->len == 1 || n_spans == 0)
    {
      /* Nothing in this text (or no selection) tells the conventions apart. */
      r->n_undecided++;
      r->undecided = best.convention;
      return;
    }

  /* The choice made a difference: say what it rests on. */
  described = hearsay_offset_convention_describe (chosen);
  {
    g_autofree char *other = hearsay_offset_convention_describe (&runner_up.convention);
    GString *evidence = g_string_new (NULL);

    if (n_named > 0)
      g_string_append_printf (evidence, _("%u of %u names hold their selection's text, %u with %s; "),
                              best.n_quotes, n_named, runner_up.n_quotes, other);
    g_string_append_printf (evidence, _("%u of %u selections fall on characters and %u on word boundaries, "
                                        "%u and %u with %s"),
                            best.n_valid, n_spans, best.n_words, runner_up.n_valid, runner_up.n_words, other);
    if (!better (&best, &runner_up))
      g_string_append (evidence, _("; a tie, so the producing tool's default"));
    hearsay_import_note (r->ctx, where, 0, _("positions read as %s%s (%s)"), described,
                         forced ? _(", as --offsets/--newlines say") : "", evidence->str);
    g_string_free (evidence, TRUE);
  }
}
