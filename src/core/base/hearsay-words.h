/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-words.h: what the comparison counts as a word.
 *
 * A word is a maximal run of letters and digits (g_unichar_isalnum); a
 * combining mark (g_unichar_ismark) continues a run, so vowelled Arabic stays
 * one word. Everything else separates words: "l'armée" is two words, "2017-11-03"
 * three. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*HearsayWordFunc) (const char *word,
                                 gsize       length,
                                 gpointer    user_data);

/* The number of words in @text (@length bytes, or -1 if nul-terminated). */
gint64 hearsay_words_count   (const char      *text,
                              gssize           length);
/* Calls @func with each word of @text, not nul-terminated, in its own case. */
void   hearsay_words_foreach (const char      *text,
                              gssize           length,
                              HearsayWordFunc  func,
                              gpointer         user_data);

/* What a text's script says about selecting it by words. */
typedef enum
{
  HEARSAY_WORDS_SPACED = 0,
  /* Mostly right-to-left letters (Arabic, Hebrew, Syriac, Thaana, N'Ko):
   * clitics and prefixes are written onto the word they attach to. */
  HEARSAY_WORDS_RTL = 1 << 0,
  /* Mostly letters of a script that puts no spaces between words (Han,
   * kana, Thai, Lao, Khmer, Myanmar, Tibetan). */
  HEARSAY_WORDS_UNSPACED = 1 << 1,
} HearsayWordsScript;

/* Looks at the letters of the first 64 KB of @text (@length bytes, or -1)
 * and, when it names a language without spaces (zh, ja, th, lo, km, my,
 * bo), at @language (BCP 47, may be NULL). */
HearsayWordsScript hearsay_words_guess_script (const char *text,
                                               gssize      length,
                                               const char *language);

G_END_DECLS
