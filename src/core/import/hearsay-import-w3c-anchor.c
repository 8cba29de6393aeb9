/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-w3c-anchor.c: a W3C target's selectors → a stored span.
 *
 * Several selectors on one target are alternatives for the same segment
 * (Web Annotation Data Model §4.2). The quote is what the annotator saw,
 * so it is the authority:
 *   - a TextPositionSelector whose text equals the TextQuoteSelector's
 *     "exact" is taken as it is;
 *   - else, unless the user named the unit, the other units are tried
 *     (JavaScript clients count UTF-16 code units, not code points);
 *   - else the quote is anchored where prefix and suffix fit best, the
 *     occurrence nearest to the position winning;
 *   - a quote alone must occur once where its prefix and suffix fit: twice
 *     is ambiguous and left to the caller to report, never guessed.
 * refinedBy narrows the outer selection (positions inside it count code
 * points from its start); a RangeSelector runs from the start of its
 * startSelector to the start of its endSelector; a FragmentSelector
 * "char=A,B" (RFC 5147) is a position. Selectors that need the page's
 * markup (XPath, CSS, DataPosition, SVG) cannot be resolved on its text. */
#include "config.h"

#include <inttypes.h>

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-annotation-json.h"
#include "hearsay-error.h"
#include "hearsay-import-w3c-private.h"

#define MAX_DEPTH 8
#define MAX_OCCURRENCES 100000

typedef struct
{
  const HearsayW3cText *text;
  const char *path;
  const char *where;
  gint64 length;
} Anchor;

const char *
hearsay_w3c_string (JsonObject *o,
                    const char *name)
{
  const char *value = NULL;

  return hearsay_json_get_string (o, name, &value) ? value : NULL;
}

gboolean
hearsay_w3c_type_is (JsonObject *o,
                     const char *type)
{
  JsonNode *node = json_object_get_member (o, "type");

  if (node == NULL)
    node = json_object_get_member (o, "@type");
  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_value_type (node) == G_TYPE_STRING && g_strcmp0 (json_node_get_string (node), type) == 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        JsonNode *item = json_array_get_element (json_node_get_array (node), i);

        if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING &&
            g_strcmp0 (json_node_get_string (item), type) == 0)
          return TRUE;
      }
  return FALSE;
}

/* The stored text of [start, end) equals @exact, CR LF read as LF when the
 * file counted CR LF as one (a --newlines lf export quotes LF text). */
static gboolean
slice_is (const Anchor *a,
          gint64        start,
          gint64        end,
          const char   *exact)
{
  HearsayTextIndex *index = a->text->index;
  const char *p, *q, *e;

  if (hearsay_import_text_matches (index, start, end, exact))
    return TRUE;
  if (start < 0 || end > a->length || start > end)
    return FALSE;
  p = hearsay_text_index_pointer (index, start);
  e = hearsay_text_index_pointer (index, end);
  for (q = exact; p < e && *q != '\0'; p++, q++)
    {
      if (p[0] == '\r' && p + 1 < e && p[1] == '\n' && *q == '\n')
        p++;
      if (*p != *q)
        return FALSE;
    }
  return p == e && *q == '\0';
}

/* A position in @convention → stored code points, or FALSE. */
static gboolean
convert (const Anchor                  *a,
         const HearsayOffsetConvention *convention,
         gint64                         start,
         gint64                         end,
         gint64                        *stored_start,
         gint64                        *stored_end)
{
  GHashTable *readers = a->text->readers;
  gpointer key = GINT_TO_POINTER (1 + convention->unit * 4 + convention->crlf_as_one * 2 + convention->without_bom);
  HearsayOffsetReader *reader = g_hash_table_lookup (readers, key);

  if (reader == NULL)
    {
      reader = hearsay_offset_reader_new (hearsay_text_index_get_text (a->text->index), convention);
      g_hash_table_insert (readers, key, reader);
    }
  return start >= 0 && end >= start &&
         hearsay_offset_reader_to_stored (reader, start, stored_start) &&
         hearsay_offset_reader_to_stored (reader, end, stored_end);
}

/* How well an occurrence at [hit, hit + n) fits its prefix and suffix:
 * each that is there and matches counts one. */
static int
context_fit (const char *text,
             const char *hit,
             gsize       n,
             const char *prefix,
             const char *suffix)
{
  int fit = 0;

  if (prefix != NULL && *prefix != '\0')
    {
      gsize len = strlen (prefix);

      if ((gsize) (hit - text) >= len && memcmp (hit - len, prefix, len) == 0)
        fit++;
    }
  if (suffix != NULL && *suffix != '\0' && strncmp (hit + n, suffix, strlen (suffix)) == 0)
    fit++;
  return fit;
}

/* The occurrences of @exact in the stored window [wstart, wend) that fit
 * the context best; the one nearest to @near (a stored offset, or -1) is
 * returned in *start. Returns how many fit best (0: not found). */
static guint
find_quote (const Anchor *a,
            const char   *exact,
            const char   *prefix,
            const char   *suffix,
            gint64        wstart,
            gint64        wend,
            gint64        near,
            gint64       *start,
            gint64       *end)
{
  const char *text = hearsay_text_index_get_text (a->text->index);
  const char *from = hearsay_text_index_pointer (a->text->index, wstart);
  const char *limit = hearsay_text_index_pointer (a->text->index, wend);
  gsize n = strlen (exact);
  gint64 n_chars = g_utf8_strlen (exact, -1);
  gint64 offset = wstart, best_distance = G_MAXINT64;
  const char *at = from, *hit;
  int best_fit = -1;
  guint n_best = 0, n_seen = 0;

  if (n == 0)
    return 0;
  while ((hit = strstr (at, exact)) != NULL && hit + n <= limit && n_seen++ < MAX_OCCURRENCES)
    {
      int fit;
      gint64 distance;

      offset += g_utf8_pointer_to_offset (at, hit);
      at = hit;
      /* Only occurrences on whole characters: a quote never starts inside one. */
      if (hearsay_text_index_is_boundary (a->text->index, offset))
        {
          fit = context_fit (text, hit, n, prefix, suffix);
          distance = near >= 0 ? ABS (offset - near) : 0;
          if (fit > best_fit)
            {
              best_fit = fit;
              n_best = 0;
              best_distance = G_MAXINT64;
            }
          if (fit == best_fit)
            {
              n_best++;
              if (distance < best_distance)
                {
                  best_distance = distance;
                  *start = offset;
                  *end = offset + n_chars;
                }
            }
        }
      at = g_utf8_next_char (hit);
      offset++;
    }
  return n_best;
}

/* A quote whose "\n" are "\r\n" in the text (a --newlines lf export). */
static char *
with_crlf (const char *exact)
{
  g_auto(GStrv) lines = g_strsplit (exact, "\n", -1);

  return g_strjoinv ("\r\n", lines);
}

typedef struct
{
  const char *exact, *prefix, *suffix;
  gboolean has_position;
  gint64 start, end;
  HearsayOffsetConvention convention;
  gboolean relative;      /* code points from the start of the outer selection */
  gboolean range;
  JsonObject *range_start, *range_end;
  JsonObject *refined;
  gboolean unresolvable;
} Selector;

static void
read_selector (const Anchor *a,
               JsonObject   *o,
               Selector     *s)
{
  const char *unit = hearsay_w3c_string (o, "hearsay:offsetUnit");
  JsonNode *refined = json_object_get_member (o, "refinedBy");

  memset (s, 0, sizeof *s);
  s->convention = a->text->convention;
  if (refined != NULL && JSON_NODE_HOLDS_ARRAY (refined) && json_array_get_length (json_node_get_array (refined)) > 0)
    refined = json_array_get_element (json_node_get_array (refined), 0);
  if (refined != NULL && JSON_NODE_HOLDS_OBJECT (refined))
    s->refined = json_node_get_object (refined);
  if (hearsay_w3c_type_is (o, "TextPositionSelector"))
    {
      s->has_position = hearsay_json_get_int (o, "start", &s->start) &&
                        hearsay_json_get_int (o, "end", &s->end);
      if (unit != NULL && !a->text->convention_given)
        hearsay_offset_unit_from_string (unit, &s->convention.unit);
      s->unresolvable = !s->has_position;
    }
  else if (hearsay_w3c_type_is (o, "TextQuoteSelector"))
    {
      s->exact = hearsay_w3c_string (o, "exact");
      s->prefix = hearsay_w3c_string (o, "prefix");
      s->suffix = hearsay_w3c_string (o, "suffix");
      s->unresolvable = s->exact == NULL || *s->exact == '\0';
    }
  else if (hearsay_w3c_type_is (o, "RangeSelector"))
    {
      JsonNode *from = json_object_get_member (o, "startSelector");
      JsonNode *to = json_object_get_member (o, "endSelector");

      s->range = from != NULL && to != NULL && JSON_NODE_HOLDS_OBJECT (from) && JSON_NODE_HOLDS_OBJECT (to);
      if (s->range)
        {
          s->range_start = json_node_get_object (from);
          s->range_end = json_node_get_object (to);
        }
      s->unresolvable = !s->range;
    }
  else if (hearsay_w3c_type_is (o, "FragmentSelector") && hearsay_w3c_string (o, "value") != NULL &&
           sscanf (hearsay_w3c_string (o, "value"), "char=%" PRId64 ",%" PRId64, &s->start, &s->end) == 2)
    {
      /* RFC 5147 counts characters: code points, whatever the file says. */
      s->has_position = TRUE;
      s->convention = (HearsayOffsetConvention) { HEARSAY_OFFSET_CODEPOINT, FALSE, FALSE };
    }
  else
    s->unresolvable = TRUE;
}

static HearsayW3cOutcome resolve (const Anchor *a, JsonObject *o, gint64 wstart, gint64 wend,
                                  gboolean relative, gboolean markup_outer, guint depth,
                                  gint64 *start, gint64 *end, guint *n_found,
                                  HearsayOffsetUnit *unit, GError **error);

/* A quote in the window: anchored, ambiguous or not found. */
static HearsayW3cOutcome
resolve_quote (const Anchor   *a,
               const Selector *s,
               gint64          wstart,
               gint64          wend,
               gint64          near,
               gint64         *start,
               gint64         *end,
               guint          *n_found)
{
  guint n = find_quote (a, s->exact, s->prefix, s->suffix, wstart, wend, near, start, end);

  if (n == 0 && strchr (s->exact, '\n') != NULL && strchr (s->exact, '\r') == NULL)
    {
      g_autofree char *crlf = with_crlf (s->exact);
      g_autofree char *prefix = s->prefix ? with_crlf (s->prefix) : NULL;
      g_autofree char *suffix = s->suffix ? with_crlf (s->suffix) : NULL;

      n = find_quote (a, crlf, prefix, suffix, wstart, wend, near, start, end);
    }
  *n_found = n;
  if (n == 0)
    return HEARSAY_W3C_NOT_FOUND;
  return n == 1 || near >= 0 ? HEARSAY_W3C_ANCHORED : HEARSAY_W3C_AMBIGUOUS;
}

/* A position: absolute in its convention, or code points inside the
 * window of the selection it refines. */
static gboolean
resolve_position (const Anchor   *a,
                  const Selector *s,
                  gint64          wstart,
                  gint64          wend,
                  gint64         *start,
                  gint64         *end)
{
  if (s->relative)
    {
      *start = wstart + s->start;
      *end = wstart + s->end;
      return s->start >= 0 && s->end >= s->start && *end <= wend &&
             hearsay_text_index_is_boundary (a->text->index, *start) &&
             hearsay_text_index_is_boundary (a->text->index, *end);
    }
  return convert (a, &s->convention, s->start, s->end, start, end);
}

/* A position and a quote for the same segment (either may be NULL). */
static HearsayW3cOutcome
resolve_pair (const Anchor      *a,
              const Selector    *position,
              const Selector    *quote,
              gint64             wstart,
              gint64             wend,
              gint64            *start,
              gint64            *end,
              guint             *n_found,
              HearsayOffsetUnit *unit,
              GError           **error)
{
  gint64 ps = -1, pe = -1;
  gint64 near = -1;
  HearsayW3cOutcome outcome;

  if (position != NULL && resolve_position (a, position, wstart, wend, &ps, &pe) &&
      (quote == NULL || slice_is (a, ps, pe, quote->exact)))
    {
      *start = ps;
      *end = pe;
      return HEARSAY_W3C_ANCHORED;
    }
  if (quote == NULL)
    {
      g_autofree char *unit_name = hearsay_offset_convention_describe (&position->convention);

      if (position->relative)
        return HEARSAY_W3C_UNRESOLVABLE;
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
                   _("%s: %s: the span %" PRId64 "–%" PRId64 " is outside the text or "
                     "inside a character, counted in %s; the text has %" PRId64 " (give the unit "
                     "with --offsets)"),
                   a->path, a->where, position->start, position->end, unit_name, a->length);
      return HEARSAY_W3C_NOT_FOUND;
    }
  /* The quote disagrees with the position: JavaScript clients count UTF-16. */
  if (position != NULL && !position->relative && !a->text->convention_given)
    {
      static const HearsayOffsetUnit units[] = { HEARSAY_OFFSET_UTF16, HEARSAY_OFFSET_CODEPOINT, HEARSAY_OFFSET_BYTE };

      for (guint i = 0; i < G_N_ELEMENTS (units); i++)
        {
          HearsayOffsetConvention other = position->convention;
          gint64 os, oe;

          if (units[i] == position->convention.unit)
            continue;
          other.unit = units[i];
          if (convert (a, &other, position->start, position->end, &os, &oe) && slice_is (a, os, oe, quote->exact))
            {
              *start = os;
              *end = oe;
              *unit = units[i];
              return HEARSAY_W3C_BY_OTHER_UNIT;
            }
        }
    }
  /* Near where the position points (read as code points when it could
   * not be converted), the occurrence that fits its context best. */
  if (position != NULL)
    near = ps >= 0 ? ps : CLAMP (position->start + (position->relative ? wstart : 0), 0, a->length);
  outcome = resolve_quote (a, quote, wstart, wend, near, start, end, n_found);
  return outcome == HEARSAY_W3C_ANCHORED && position != NULL ? HEARSAY_W3C_BY_QUOTE : outcome;
}

/* The alternatives of one selector list → one span. */
static HearsayW3cOutcome
resolve_alternatives (const Anchor      *a,
                      GPtrArray         *objects,
                      gint64            *start,
                      gint64            *end,
                      guint             *n_found,
                      HearsayOffsetUnit *unit,
                      GError           **error)
{
  Selector position = { 0 }, quote = { 0 };
  JsonObject *composite = NULL;
  gboolean have_position = FALSE, have_quote = FALSE, other = FALSE;

  for (guint i = 0; i < objects->len; i++)
    {
      Selector s;

      read_selector (a, g_ptr_array_index (objects, i), &s);
      if (s.refined != NULL || s.range)
        {
          if (composite == NULL)
            composite = g_ptr_array_index (objects, i);
        }
      else if (s.has_position && !have_position)
        position = s, have_position = TRUE;
      else if (s.exact != NULL && !s.unresolvable && !have_quote)
        quote = s, have_quote = TRUE;
      else
        other = TRUE;
    }
  if (have_position || have_quote)
    return resolve_pair (a, have_position ? &position : NULL, have_quote ? &quote : NULL,
                         0, a->length, start, end, n_found, unit, error);
  if (composite != NULL)
    return resolve (a, composite, 0, a->length, FALSE, FALSE, 0, start, end, n_found, unit, error);
  return other ? HEARSAY_W3C_UNRESOLVABLE : HEARSAY_W3C_NO_SELECTOR;
}

/* One selector object within [wstart, wend), refinedBy and ranges followed;
 * @relative: positions count code points from @wstart; @markup_outer: it
 * refines a selector of the markup, so no position of it can be used. */
static HearsayW3cOutcome
resolve (const Anchor      *a,
         JsonObject        *o,
         gint64             wstart,
         gint64             wend,
         gboolean           relative,
         gboolean           markup_outer,
         guint              depth,
         gint64            *start,
         gint64            *end,
         guint             *n_found,
         HearsayOffsetUnit *unit,
         GError           **error)
{
  Selector s;
  HearsayW3cOutcome outcome;
  gint64 os = 0, oe = 0;

  if (depth > MAX_DEPTH)
    return HEARSAY_W3C_UNRESOLVABLE;
  read_selector (a, o, &s);
  s.relative = relative;
  if (s.range)
    {
      gint64 rs, re, es, ee;
      HearsayW3cOutcome first, second;

      first = resolve (a, s.range_start, wstart, wend, relative, markup_outer, depth + 1, &rs, &re, n_found, unit, error);
      if (first > HEARSAY_W3C_BY_QUOTE)
        return first;
      second = resolve (a, s.range_end, wstart, wend, relative, markup_outer, depth + 1, &es, &ee, n_found, unit, error);
      if (second > HEARSAY_W3C_BY_QUOTE)
        return second;
      /* From the start of the first to the start of the second (§4.2.9). */
      if (es < rs)
        return HEARSAY_W3C_NOT_FOUND;
      os = rs, oe = es;
      outcome = MAX (first, second);
    }
  else if (s.unresolvable)
    {
      if (s.refined == NULL)
        return HEARSAY_W3C_UNRESOLVABLE;
      /* A selector of the markup (XPath, CSS…): a quote inside it is
       * searched in the whole text; positions inside it mean nothing here. */
      return resolve (a, s.refined, 0, a->length, FALSE, TRUE, depth + 1, start, end, n_found, unit, error);
    }
  else if (s.has_position && markup_outer)
    return HEARSAY_W3C_UNRESOLVABLE;
  else
    {
      outcome = resolve_pair (a, s.has_position ? &s : NULL, s.exact != NULL ? &s : NULL,
                              wstart, wend, &os, &oe, n_found, unit, error);
      if (outcome > HEARSAY_W3C_BY_QUOTE)
        return outcome;
    }
  if (s.refined != NULL)
    {
      HearsayW3cOutcome inner = resolve (a, s.refined, os, oe, TRUE, FALSE, depth + 1, start, end, n_found, unit, error);

      return inner > HEARSAY_W3C_BY_QUOTE ? inner : MAX (inner, outcome);
    }
  *start = os;
  *end = oe;
  return outcome;
}

gboolean
hearsay_w3c_anchor (const HearsayW3cText  *text,
                    JsonNode              *selector,
                    const char            *path,
                    const char            *where,
                    HearsayW3cOutcome     *outcome,
                    gint64                *start,
                    gint64                *end,
                    guint                 *n_found,
                    HearsayOffsetUnit     *unit,
                    GError               **error)
{
  Anchor a = { text, path, where, hearsay_text_index_get_length (text->index) };
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  GError *local_error = NULL;

  *n_found = 0;
  *unit = text->convention.unit;
  if (selector != NULL && JSON_NODE_HOLDS_ARRAY (selector))
    {
      JsonArray *list = json_node_get_array (selector);

      for (guint i = 0; i < json_array_get_length (list); i++)
        if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (list, i)))
          g_ptr_array_add (objects, json_node_get_object (json_array_get_element (list, i)));
    }
  else if (selector != NULL && JSON_NODE_HOLDS_OBJECT (selector))
    g_ptr_array_add (objects, json_node_get_object (selector));
  *outcome = resolve_alternatives (&a, objects, start, end, n_found, unit, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static const char *
quote_in (JsonObject *o,
          guint       depth)
{
  JsonNode *inner;
  const char *found = NULL;

  if (depth > MAX_DEPTH)
    return NULL;
  if (hearsay_w3c_type_is (o, "TextQuoteSelector") && hearsay_w3c_string (o, "exact") != NULL)
    return hearsay_w3c_string (o, "exact");
  inner = json_object_get_member (o, "refinedBy");
  if (inner != NULL && JSON_NODE_HOLDS_OBJECT (inner))
    found = quote_in (json_node_get_object (inner), depth + 1);
  inner = json_object_get_member (o, "startSelector");
  if (found == NULL && inner != NULL && JSON_NODE_HOLDS_OBJECT (inner))
    found = quote_in (json_node_get_object (inner), depth + 1);
  return found;
}

const char *
hearsay_w3c_quote_of (JsonNode *selector)
{
  if (selector != NULL && JSON_NODE_HOLDS_ARRAY (selector))
    {
      JsonArray *list = json_node_get_array (selector);

      for (guint i = 0; i < json_array_get_length (list); i++)
        if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (list, i)))
          {
            const char *q = quote_in (json_node_get_object (json_array_get_element (list, i)), 0);

            if (q != NULL)
              return q;
          }
      return NULL;
    }
  if (selector != NULL && JSON_NODE_HOLDS_OBJECT (selector))
    return quote_in (json_node_get_object (selector), 0);
  return NULL;
}
