/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-offset-reader.c: a file's offsets → stored code points. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-offset-reader.h"

struct _HearsayOffsetReader
{
  gint64 n;          /* code points of the stored text */
  gint64 *units;     /* [i]: the offset, in the convention, of code point i; NULL: identity */
  gboolean bom_skipped;
};

HearsayOffsetReader *
hearsay_offset_reader_new (const char                    *text,
                           const HearsayOffsetConvention *convention)
{
  HearsayOffsetReader *self = g_new0 (HearsayOffsetReader, 1);
  gint64 u = 0, i = 0;

  if (text == NULL)
    text = "";
  self->n = g_utf8_strlen (text, -1);
  if (convention->unit == HEARSAY_OFFSET_CODEPOINT && !convention->crlf_as_one &&
      !(convention->without_bom && g_str_has_prefix (text, "\xEF\xBB\xBF")))
    return self;
  self->units = g_new (gint64, self->n + 1);
  for (const char *p = text; *p; p = g_utf8_next_char (p), i++)
    {
      gsize bytes = g_utf8_next_char (p) - p;

      self->units[i] = u;
      if (i == 0 && convention->without_bom && g_str_has_prefix (p, "\xEF\xBB\xBF"))
        {
          self->bom_skipped = TRUE;
          continue;
        }
      if (convention->crlf_as_one && p[0] == '\r' && p[1] == '\n')
        continue;
      if (convention->unit == HEARSAY_OFFSET_BYTE)
        u += bytes;
      else if (convention->unit == HEARSAY_OFFSET_UTF16)
        u += bytes == 4 ? 2 : 1;
      else
        u += 1;
    }
  self->units[i] = u;
  return self;
}

void
hearsay_offset_reader_free (HearsayOffsetReader *self)
{
  if (self == NULL)
    return;
  g_free (self->units);
  g_free (self);
}

gint64
hearsay_offset_reader_get_length (HearsayOffsetReader *self)
{
  return self->units ? self->units[self->n] : self->n;
}

gboolean
hearsay_offset_reader_to_stored (HearsayOffsetReader *self,
                                 gint64               offset,
                                 gint64              *codepoint)
{
  gint64 lo = 0, hi;

  if (offset < 0)
    return FALSE;
  if (self->units == NULL)
    {
      if (offset > self->n)
        return FALSE;
      *codepoint = offset;
      return TRUE;
    }
  if (offset > self->units[self->n])
    return FALSE;
  /* The first code point at that offset: before a skipped BOM or CR. */
  hi = self->n;
  while (lo < hi)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (self->units[mid] < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (self->units[lo] != offset)
    return FALSE;
  /* The tool's text starts after the BOM: its offset 0 is the first letter. */
  if (lo == 0 && self->bom_skipped)
    lo = 1;
  *codepoint = lo;
  return TRUE;
}

char *
hearsay_offset_convention_describe (const HearsayOffsetConvention *convention)
{
  const char *unit = convention->unit == HEARSAY_OFFSET_UTF16 ? _("UTF-16 code units")
                   : convention->unit == HEARSAY_OFFSET_BYTE ? _("UTF-8 bytes")
                   : _("code points");
  GString *s = g_string_new (unit);

  if (convention->crlf_as_one)
    g_string_append (s, _(", CR LF counted as one"));
  if (convention->without_bom)
    g_string_append (s, _(", from after the byte-order mark"));
  return g_string_free (s, FALSE);
}
