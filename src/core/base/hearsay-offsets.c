/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-offsets.c: unit and newline conversion of offsets for exports. */
#include "config.h"

#include <string.h>

#include "hearsay-offsets.h"
#include "hearsay-text.h"

struct _HearsayOffsetMap
{
  const char *text;      /* the exported text: the stored one or out_text */
  char *out_text;        /* owned when newlines were converted */
  gsize size;
  gint64 length;         /* code points of the exported text */
  gint64 in_length;      /* code points of the stored text */
  gint64 *to_out;        /* stored cp → exported cp, NULL for identity */
  gint64 *to_unit;       /* exported cp → unit, NULL for code points */
  HearsayTextIndex *index;
};

gboolean
hearsay_offset_unit_from_string (const char        *name,
                                 HearsayOffsetUnit *unit)
{
  if (g_strcmp0 (name, "codepoint") == 0)
    *unit = HEARSAY_OFFSET_CODEPOINT;
  else if (g_strcmp0 (name, "utf16") == 0)
    *unit = HEARSAY_OFFSET_UTF16;
  else if (g_strcmp0 (name, "byte") == 0)
    *unit = HEARSAY_OFFSET_BYTE;
  else
    return FALSE;
  return TRUE;
}

const char *
hearsay_offset_unit_to_string (HearsayOffsetUnit unit)
{
  switch (unit)
    {
    case HEARSAY_OFFSET_UTF16:
      return "utf16";
    case HEARSAY_OFFSET_BYTE:
      return "byte";
    case HEARSAY_OFFSET_CODEPOINT:
    default:
      return "codepoint";
    }
}

gboolean
hearsay_newlines_from_string (const char      *name,
                              HearsayNewlines *newlines)
{
  if (g_strcmp0 (name, "keep") == 0)
    *newlines = HEARSAY_NEWLINES_KEEP;
  else if (g_strcmp0 (name, "lf") == 0)
    *newlines = HEARSAY_NEWLINES_LF;
  else
    return FALSE;
  return TRUE;
}

HearsayOffsetMap *
hearsay_offset_map_new (const char        *text,
                        HearsayOffsetUnit  unit,
                        HearsayNewlines    newlines)
{
  HearsayOffsetMap *self = g_new0 (HearsayOffsetMap, 1);

  if (text == NULL)
    text = "";
  self->text = text;
  self->size = strlen (text);
  self->in_length = g_utf8_strlen (text, self->size);
  self->length = self->in_length;

  if (newlines == HEARSAY_NEWLINES_LF && strstr (text, "\r\n") != NULL)
    {
      GString *out = g_string_sized_new (self->size);
      gint64 in_cp = 0, out_cp = 0;

      self->to_out = g_new (gint64, self->in_length + 1);
      for (const char *p = text; *p; p = g_utf8_next_char (p))
        {
          /* The CR of a CRLF is dropped: an offset before it or between it
           * and its LF both land before the LF. */
          self->to_out[in_cp++] = out_cp;
          if (p[0] == '\r' && p[1] == '\n')
            continue;
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          out_cp++;
        }
      self->to_out[in_cp] = out_cp;
      self->length = out_cp;
      self->size = out->len;
      self->out_text = g_string_free (out, FALSE);
      self->text = self->out_text;
    }

  if (unit != HEARSAY_OFFSET_CODEPOINT)
    {
      gint64 cp = 0, units = 0;

      self->to_unit = g_new (gint64, self->length + 1);
      for (const char *p = self->text; *p; p = g_utf8_next_char (p))
        {
          const char *next = g_utf8_next_char (p);

          self->to_unit[cp++] = units;
          if (unit == HEARSAY_OFFSET_BYTE)
            units += next - p;
          else
            units += (next - p == 4) ? 2 : 1;
        }
      self->to_unit[cp] = units;
    }
  return self;
}

void
hearsay_offset_map_free (HearsayOffsetMap *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->index, hearsay_text_index_free);
  g_free (self->out_text);
  g_free (self->to_out);
  g_free (self->to_unit);
  g_free (self);
}

gboolean
hearsay_offset_map_is_identity (HearsayOffsetMap *self)
{
  return self->to_out == NULL && self->to_unit == NULL;
}

const char *
hearsay_offset_map_get_text (HearsayOffsetMap *self)
{
  return self->text;
}

gsize
hearsay_offset_map_get_text_size (HearsayOffsetMap *self)
{
  return self->size;
}

gint64
hearsay_offset_map_get_length (HearsayOffsetMap *self)
{
  return self->length;
}

gint64
hearsay_offset_map_to_codepoint (HearsayOffsetMap *self,
                                 gint64            offset)
{
  offset = CLAMP (offset, 0, self->in_length);
  return self->to_out ? self->to_out[offset] : offset;
}

gint64
hearsay_offset_map_to_unit (HearsayOffsetMap *self,
                            gint64            offset)
{
  gint64 cp = hearsay_offset_map_to_codepoint (self, offset);

  return self->to_unit ? self->to_unit[cp] : cp;
}

gint64
hearsay_offset_map_codepoint_to_unit (HearsayOffsetMap *self,
                                      gint64            codepoint)
{
  codepoint = CLAMP (codepoint, 0, self->length);
  return self->to_unit ? self->to_unit[codepoint] : codepoint;
}

const char *
hearsay_offset_map_pointer (HearsayOffsetMap *self,
                            gint64            codepoint)
{
  if (self->index == NULL)
    self->index = hearsay_text_index_new (self->text);
  return hearsay_text_index_pointer (self->index, CLAMP (codepoint, 0, self->length));
}
