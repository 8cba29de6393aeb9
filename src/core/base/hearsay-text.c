/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-text.c: code-point offsets, grapheme boundaries, quotes, direction. */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-text.h"

#ifdef HEARSAY_HAVE_LIBCRYPTO
#include <openssl/evp.h>
#endif

const char *
hearsay_direction_to_string (HearsayDirection direction)
{
  return direction == HEARSAY_DIRECTION_RTL ? "rtl" : "ltr";
}

HearsayDirection
hearsay_direction_from_string (const char *str)
{
  return g_strcmp0 (str, "rtl") == 0 ? HEARSAY_DIRECTION_RTL : HEARSAY_DIRECTION_LTR;
}

static gboolean
script_is_rtl (GUnicodeScript script)
{
  switch (script)
    {
    case G_UNICODE_SCRIPT_ARABIC:
    case G_UNICODE_SCRIPT_HEBREW:
    case G_UNICODE_SCRIPT_SYRIAC:
    case G_UNICODE_SCRIPT_THAANA:
    case G_UNICODE_SCRIPT_NKO:
    case G_UNICODE_SCRIPT_SAMARITAN:
    case G_UNICODE_SCRIPT_MANDAIC:
    case G_UNICODE_SCRIPT_ADLAM:
    case G_UNICODE_SCRIPT_HANIFI_ROHINGYA:
    case G_UNICODE_SCRIPT_YEZIDI:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The first strong character decides, as in Unicode's paragraph-level rule
 * (P2); letters stand for strong characters, which is enough for prose. */
HearsayDirection
hearsay_text_detect_direction (const char *text)
{
  g_return_val_if_fail (text != NULL, HEARSAY_DIRECTION_LTR);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;
      return script_is_rtl (g_unichar_get_script (c)) ? HEARSAY_DIRECTION_RTL
                                                       : HEARSAY_DIRECTION_LTR;
    }
  return HEARSAY_DIRECTION_LTR;
}

gint64
hearsay_text_length (const char *text)
{
  g_return_val_if_fail (text != NULL, 0);
  return g_utf8_strlen (text, -1);
}

static gboolean
is_extend (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);

  return t == G_UNICODE_NON_SPACING_MARK ||
         t == G_UNICODE_SPACING_MARK ||
         t == G_UNICODE_ENCLOSING_MARK ||
         c == 0x200C || c == 0x200D ||                 /* ZWNJ, ZWJ */
         (c >= 0xFE00 && c <= 0xFE0F) ||               /* variation selectors */
         (c >= 0xE0100 && c <= 0xE01EF) ||
         (c >= 0x1F3FB && c <= 0x1F3FF) ||             /* emoji modifiers */
         (c >= 0xE0020 && c <= 0xE007F);               /* tags */
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

#define CHECKPOINT_STRIDE 256

struct _HearsayTextIndex
{
  const char *text;
  gint64 length;
  GArray *checkpoints;   /* byte offset of every CHECKPOINT_STRIDE-th code point */
};

HearsayTextIndex *
hearsay_text_index_new (const char *text)
{
  HearsayTextIndex *index = g_new0 (HearsayTextIndex, 1);
  gint64 n = 0;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  index->text = text;
  index->checkpoints = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (p = text; *p; p = g_utf8_next_char (p), n++)
    if (n % CHECKPOINT_STRIDE == 0)
      {
        gsize at = (gsize) (p - text);

        g_array_append_val (index->checkpoints, at);
      }
  index->length = n;
  return index;
}

void
hearsay_text_index_free (HearsayTextIndex *index)
{
  if (index == NULL)
    return;
  g_array_unref (index->checkpoints);
  g_free (index);
}

const char *
hearsay_text_index_get_text (HearsayTextIndex *index)
{
  return index->text;
}

gint64
hearsay_text_index_get_length (HearsayTextIndex *index)
{
  return index->length;
}

/* @offset is clamped to [0, length]. */
const char *
hearsay_text_index_pointer (HearsayTextIndex *index,
                            gint64            offset)
{
  gint64 slot;

  /* An empty text has no checkpoint at all. */
  if (index->checkpoints->len == 0)
    return index->text;
  offset = CLAMP (offset, 0, index->length);
  slot = offset / CHECKPOINT_STRIDE;
  if ((guint) slot >= index->checkpoints->len)
    slot = index->checkpoints->len - 1;
  if (slot < 0)
    return index->text;
  return g_utf8_offset_to_pointer (index->text + g_array_index (index->checkpoints, gsize, slot),
                                   offset - slot * CHECKPOINT_STRIDE);
}

/* An approximation of UAX #29 that covers what news text holds: combining
 * marks, ZWJ emoji sequences, modifiers, flags and CR LF. The GUI refines it
 * with Pango's own break attributes. */
gboolean
hearsay_text_index_is_boundary (HearsayTextIndex *index,
                                gint64            offset)
{
  const char *text = index->text;
  const char *p, *prev;
  gunichar c, b;

  if (offset <= 0 || offset >= index->length)
    return TRUE;
  p = hearsay_text_index_pointer (index, offset);
  prev = g_utf8_prev_char (p);
  c = g_utf8_get_char (p);
  b = g_utf8_get_char (prev);

  if (b == '\r' && c == '\n')
    return FALSE;
  if (b == '\r' || b == '\n' || c == '\r' || c == '\n')
    return TRUE;
  if (is_extend (c))
    return FALSE;
  if (b == 0x200D)
    return FALSE;
  if (is_regional_indicator (b) && is_regional_indicator (c))
    {
      /* Flags pair up from the start of a run of indicators. */
      guint run = 0;
      const char *q = prev;

      while (TRUE)
        {
          if (!is_regional_indicator (g_utf8_get_char (q)))
            break;
          run++;
          if (q == text)
            break;
          q = g_utf8_prev_char (q);
        }
      return run % 2 == 0;
    }
  /* Hangul syllable sequences (L V T). */
  if ((b >= 0x1100 && b <= 0x115F) && ((c >= 0x1100 && c <= 0x11FF) || (c >= 0xAC00 && c <= 0xD7A3)))
    return FALSE;
  if (((b >= 0x1160 && b <= 0x11FF) || (b >= 0xAC00 && b <= 0xD7A3)) && (c >= 0x1160 && c <= 0x11FF))
    return FALSE;
  return TRUE;
}

char *
hearsay_text_substring (const char *text,
                        gint64      start,
                        gint64      end)
{
  const char *s, *e;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (start >= 0 && start <= end, NULL);

  s = g_utf8_offset_to_pointer (text, start);
  e = g_utf8_offset_to_pointer (s, end - start);
  return g_strndup (s, e - s);
}

void
hearsay_text_index_quote (HearsayTextIndex  *index,
                          gint64             start,
                          gint64             end,
                          char             **exact,
                          char             **prefix,
                          char             **suffix)
{
  const char *s = hearsay_text_index_pointer (index, start);
  const char *e = hearsay_text_index_pointer (index, end);
  const char *ps = hearsay_text_index_pointer (index, start - HEARSAY_QUOTE_CONTEXT);
  const char *se = hearsay_text_index_pointer (index, end + HEARSAY_QUOTE_CONTEXT);

  if (exact)
    *exact = g_strndup (s, e - s);
  if (prefix)
    *prefix = g_strndup (ps, s - ps);
  if (suffix)
    *suffix = g_strndup (e, se - e);
}

gboolean
hearsay_text_index_check_span (HearsayTextIndex  *index,
                               gint64             start,
                               gint64             end,
                               GError           **error)
{
  if (start < 0 || end > index->length || start >= end)
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS,
                   _("The span %" PRId64 "–%" PRId64 " is outside the text, "
                     "which has %" PRId64 " characters (offsets count code points, end exclusive)"),
                   start, end, index->length);
      return FALSE;
    }
  if (!hearsay_text_index_is_boundary (index, start) ||
      !hearsay_text_index_is_boundary (index, end))
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS,
                   _("The span %" PRId64 "–%" PRId64 " splits a character "
                     "(a letter and its combining mark, an emoji sequence or CR LF)"),
                   start, end);
      return FALSE;
    }
  return TRUE;
}

/* Every import hashes each page and each text: libcrypto's SHA-256 uses the
 * CPU's SHA instructions, about ten times GLib's portable code. */
char *
hearsay_text_sha256 (const char *data,
                     gsize       length)
{
#ifdef HEARSAY_HAVE_LIBCRYPTO
  static const char hex[] = "0123456789abcdef";
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  char *out;

  if (EVP_Digest (data, length, digest, &n, EVP_sha256 (), NULL) == 1 && n == 32)
    {
      out = g_malloc (2 * n + 1);
      for (unsigned int i = 0; i < n; i++)
        {
          out[2 * i] = hex[digest[i] >> 4];
          out[2 * i + 1] = hex[digest[i] & 0xf];
        }
      out[2 * n] = '\0';
      return out;
    }
#endif
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

char *
hearsay_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

void
hearsay_strv_sort (char **strv)
{
  if (strv != NULL)
    g_qsort_with_data (strv, g_strv_length (strv), sizeof (char *), compare_strings, NULL);
}
