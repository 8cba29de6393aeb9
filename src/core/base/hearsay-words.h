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

G_END_DECLS
