/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-labelstudio-spans.c: where a Label Studio text region
 * lies. Label Studio's Text tag records code points (its frontend test
 * "NER - Emoji - Text" asserts start 21 for "test" after "🐱 "); versions
 * before that fix recorded JavaScript string indices, UTF-16 code units
 * (label-studio issues #1008, #1347), and the backend stores what the
 * frontend sent, so one export may hold both. Each region is read in the
 * unit under which its text ("value.text") is the text there: code points
 * first, UTF-16 when only that matches, the unit of the annotation's other
 * regions when both do; without a text, code points. A region whose text
 * matches in neither is a quote mismatch. --offsets (or a Hearsay export's
 * task meta) fixes the unit; the text is still checked.
 *
 * Label Studio's region text is what the browser shows: a line break may
 * be written "\n" (a backslash and an n), and runs of white space may be
 * collapsed or trimmed, so white space compares as white space; every
 * other character must be the same. */
#include "config.h"

#include <string.h>

#include "hearsay-import-labelstudio-private.h"

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xFEFF;
}

/* White space at @q (a character, or Label Studio's "\n" escape): its length. */
static gsize
quote_space (const char *q)
{
  if (q[0] == '\\' && (q[1] == 'n' || q[1] == 'r'))
    return 2;
  if (*q && is_space (g_utf8_get_char (q)))
    return g_utf8_next_char (q) - q;
  return 0;
}

gboolean
hearsay_labelstudio_quote_matches (const char *s,
                                   const char *e,
                                   const char *quote)
{
  const char *q = quote;

  if ((gsize) (e - s) == strlen (quote) && memcmp (s, quote, e - s) == 0)
    return TRUE;
  while (s < e || *q)
    {
      gboolean text_space = s < e && is_space (g_utf8_get_char (s));
      gsize n = quote_space (q);

      if (text_space || n > 0)
        {
          gboolean at_edge = s == e || *q == '\0';
          gboolean had_text = FALSE, had_quote = FALSE;

          while (s < e && is_space (g_utf8_get_char (s)))
            s = g_utf8_next_char (s), had_text = TRUE;
          while ((n = quote_space (q)) > 0)
            q += n, had_quote = TRUE;
          at_edge = at_edge || s == e || *q == '\0';
          /* Inside the span, a run of spaces is never dropped. */
          if (!at_edge && had_text != had_quote)
            return FALSE;
          continue;
        }
      if (s >= e || *q == '\0')
        return FALSE;
      n = g_utf8_next_char (s) - s;
      if (strncmp (s, q, n) != 0)
        return FALSE;
      s += n;
      q += n;
    }
  return TRUE;
}

static gboolean
fits (HearsayLabelStudioTask *task,
      HearsayOffsetReader    *reader,
      const HearsayLabelStudioRegion *region,
      gint64                 *start,
      gint64                 *end)
{
  if (region->start < 0 || region->end < region->start ||
      !hearsay_offset_reader_to_stored (reader, region->start, start) ||
      !hearsay_offset_reader_to_stored (reader, region->end, end))
    return FALSE;
  return region->quote == NULL ||
         hearsay_labelstudio_quote_matches (hearsay_text_index_pointer (task->index, *start),
                                            hearsay_text_index_pointer (task->index, *end), region->quote);
}

void
hearsay_labelstudio_place_regions (HearsayLabelStudioTask *task,
                                   GArray                 *regions)
{
  gboolean utf16_only = FALSE, codepoint_only = FALSE;

  if (task->fixed != NULL)
    {
      for (guint i = 0; i < regions->len; i++)
        {
          HearsayLabelStudioRegion *r = &g_array_index (regions, HearsayLabelStudioRegion, i);

          r->placed = fits (task, task->fixed, r, &r->stored_start, &r->stored_end);
        }
      return;
    }
  for (guint i = 0; i < regions->len; i++)
    {
      HearsayLabelStudioRegion *r = &g_array_index (regions, HearsayLabelStudioRegion, i);
      gint64 s, e;

      r->fits_codepoint = fits (task, task->codepoint, r, &s, &e);
      r->fits_utf16 = r->quote != NULL && fits (task, task->utf16, r, &s, &e);
      utf16_only = utf16_only || (r->fits_utf16 && !r->fits_codepoint);
      codepoint_only = codepoint_only || (r->fits_codepoint && !r->fits_utf16);
    }
  for (guint i = 0; i < regions->len; i++)
    {
      HearsayLabelStudioRegion *r = &g_array_index (regions, HearsayLabelStudioRegion, i);
      gboolean utf16 = r->fits_utf16 && (!r->fits_codepoint || (utf16_only && !codepoint_only));

      if (!r->fits_codepoint && !r->fits_utf16)
        continue;
      r->placed = fits (task, utf16 ? task->utf16 : task->codepoint, r, &r->stored_start, &r->stored_end);
      r->utf16 = utf16;
    }
}
