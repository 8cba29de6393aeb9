/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-words.c: word counting for the comparison (see hearsay-words.h). */
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
