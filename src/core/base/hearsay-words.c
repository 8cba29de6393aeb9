/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-words.c: word counting for the comparison, and which texts are
 * selected by whole words (see hearsay-words.h). */
#include "config.h"

#include <string.h>

#include "hearsay-words.h"

static inline gboolean
is_word_char (gunichar c,
              gboolean in_word)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || (in_word && g_unichar_ismark (c));
}

void
hearsay_words_foreach (const char      *text,
                       gssize           length,
                       HearsayWordFunc  func,
                       gpointer         user_data)
{
  const char *p, *end, *word = NULL;

  if (text == NULL)
    return;
  end = text + (length < 0 ? strlen (text) : (gsize) length);
  for (p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
      gboolean w = is_word_char (c, word != NULL);

      if (w && word == NULL)
        word = p;
      else if (!w && word != NULL)
        {
          if (func != NULL)
            func (word, p - word, user_data);
          word = NULL;
        }
    }
  if (word != NULL && func != NULL)
    func (word, end - word, user_data);
}

gint64
hearsay_words_count (const char *text,
                     gssize      length)
{
  const char *p, *end;
  gboolean in_word = FALSE;
  gint64 n = 0;

  if (text == NULL)
    return 0;
  end = text + (length < 0 ? strlen (text) : (gsize) length);
  for (p = text; p < end;)
    {
      gunichar c;
      gboolean w;

      if ((guchar) *p < 0x80)
        c = (guchar) *p++;
      else
        {
          c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
      w = is_word_char (c, in_word);
      if (w && !in_word)
        n++;
      in_word = w;
    }
  return n;
}

#define GUESS_BYTES 65536

static gboolean
is_unspaced_language (const char *language)
{
  static const char * const unspaced[] = { "zh", "ja", "th", "lo", "km", "my", "bo", NULL };
  g_autofree char *primary = NULL;
  const char *dash;

  if (language == NULL || *language == '\0')
    return FALSE;
  dash = strpbrk (language, "-_");
  primary = g_ascii_strdown (language, dash != NULL ? dash - language : -1);
  return g_strv_contains (unspaced, primary);
}

HearsayWordsScript
hearsay_words_guess_script (const char *text,
                            gssize      length,
                            const char *language)
{
  gsize rtl = 0, unspaced = 0, letters = 0;
  HearsayWordsScript result = HEARSAY_WORDS_SPACED;
  const char *p, *end;

  if (text != NULL)
    {
      end = text + MIN (length < 0 ? strlen (text) : (gsize) length, GUESS_BYTES);
      for (p = text; p < end && *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char_validated (p, end - p);

          if (c == (gunichar) -1 || c == (gunichar) -2)
            break;
          if (c < 0x80 ? !g_ascii_isalpha (c) : !g_unichar_isalpha (c))
            continue;
          letters++;
          switch (g_unichar_get_script (c))
            {
            case G_UNICODE_SCRIPT_ARABIC:
            case G_UNICODE_SCRIPT_HEBREW:
            case G_UNICODE_SCRIPT_SYRIAC:
            case G_UNICODE_SCRIPT_THAANA:
            case G_UNICODE_SCRIPT_NKO:
              rtl++;
              break;
            case G_UNICODE_SCRIPT_HAN:
            case G_UNICODE_SCRIPT_HIRAGANA:
            case G_UNICODE_SCRIPT_KATAKANA:
            case G_UNICODE_SCRIPT_THAI:
            case G_UNICODE_SCRIPT_LAO:
            case G_UNICODE_SCRIPT_KHMER:
            case G_UNICODE_SCRIPT_MYANMAR:
            case G_UNICODE_SCRIPT_TIBETAN:
              unspaced++;
              break;
            default:
              break;
            }
        }
    }
  /* Mostly: a Latin quote in an Arabic article does not change it. */
  if (letters > 0 && rtl * 2 > letters)
    result |= HEARSAY_WORDS_RTL;
  if ((letters > 0 && unspaced * 2 > letters) || is_unspaced_language (language))
    result |= HEARSAY_WORDS_UNSPACED;
  return result;
}
