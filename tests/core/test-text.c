/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-text.c: the offset contract (DESIGN §5) — code points, grapheme
 * boundaries, quotes, direction and the text index. */
#include <string.h>

#include "hearsay-error.h"
#include "hearsay-text.h"
#include "hearsay-words.h"
#include "core-test-util.h"

#define BOM "\xEF\xBB\xBF"
#define THUMBS "\xF0\x9F\x91\x8D"            /* U+1F44D */
#define SKIN "\xF0\x9F\x8F\xBD"              /* U+1F3FD */
#define ZWJ "\xE2\x80\x8D"
#define MAN "\xF0\x9F\x91\xA8"
#define WOMAN "\xF0\x9F\x91\xA9"
#define GIRL "\xF0\x9F\x91\xA7"
#define FAMILY MAN ZWJ WOMAN ZWJ GIRL        /* 5 code points */
#define ACUTE "\xCC\x81"                     /* U+0301 */
#define FLAG_FR "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"
#define FLAG_DE "\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA"
#define MARHABA "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7"  /* مرحبا */

static gboolean
boundary (const char *text,
          gint64      offset)
{
  g_autoptr(HearsayTextIndex) index = hearsay_text_index_new (text);

  return hearsay_text_index_is_boundary (index, offset);
}

static void
test_length (void)
{
  g_assert_cmpint (hearsay_text_length (""), ==, 0);
  g_assert_cmpint (hearsay_text_length ("a" THUMBS "b"), ==, 3);
  g_assert_cmpint (hearsay_text_length (THUMBS SKIN), ==, 2);
  g_assert_cmpint (hearsay_text_length ("x" FAMILY "y"), ==, 7);
  g_assert_cmpint (hearsay_text_length ("cafe" ACUTE), ==, 5);
  g_assert_cmpint (hearsay_text_length (MARHABA), ==, 5);
  g_assert_cmpint (hearsay_text_length ("a\r\nb"), ==, 4);
  g_assert_cmpint (hearsay_text_length (BOM "abc"), ==, 4);
}

static void
test_substring (void)
{
  const char *text = BOM "a" THUMBS "b e" ACUTE " " MARHABA "\r\n";
  g_autofree char *bom = hearsay_text_substring (text, 0, 1);
  g_autofree char *thumbs = hearsay_text_substring (text, 2, 3);
  g_autofree char *accented = hearsay_text_substring (text, 5, 7);
  g_autofree char *arabic = hearsay_text_substring (text, 8, 13);
  g_autofree char *crlf = hearsay_text_substring (text, 13, 15);
  g_autofree char *empty = hearsay_text_substring (text, 4, 4);

  g_assert_cmpstr (bom, ==, BOM);
  g_assert_cmpstr (thumbs, ==, THUMBS);
  g_assert_cmpstr (accented, ==, "e" ACUTE);
  g_assert_cmpstr (arabic, ==, MARHABA);
  g_assert_cmpstr (crlf, ==, "\r\n");
  g_assert_cmpstr (empty, ==, "");
}

static void
test_boundaries (void)
{
  const char *family = "x" FAMILY "y";
  const char *flags = "x" FLAG_FR FLAG_DE "y";

  /* Astral emoji: both sides of it are boundaries. */
  g_assert_true (boundary ("a" THUMBS "b", 1));
  g_assert_true (boundary ("a" THUMBS "b", 2));
  /* Skin-tone modifier belongs to its emoji. */
  g_assert_false (boundary ("a" THUMBS SKIN "b", 2));
  g_assert_true (boundary ("a" THUMBS SKIN "b", 3));
  /* Inside a ZWJ sequence. */
  g_assert_true (boundary (family, 1));
  for (gint64 i = 2; i <= 5; i++)
    g_assert_false (boundary (family, i));
  g_assert_true (boundary (family, 6));
  /* Base and combining mark. */
  g_assert_false (boundary ("cafe" ACUTE "!", 4));
  g_assert_true (boundary ("cafe" ACUTE "!", 3));
  g_assert_true (boundary ("cafe" ACUTE "!", 5));
  /* CR LF is one character. */
  g_assert_true (boundary ("a\r\nb", 1));
  g_assert_false (boundary ("a\r\nb", 2));
  g_assert_true (boundary ("a\r\nb", 3));
  g_assert_true (boundary ("a\n\nb", 2));
  /* Flags pair up. */
  g_assert_true (boundary (flags, 1));
  g_assert_false (boundary (flags, 2));
  g_assert_true (boundary (flags, 3));
  g_assert_false (boundary (flags, 4));
  g_assert_true (boundary (flags, 5));
  g_assert_false (boundary (FLAG_FR FLAG_DE, 1));
  g_assert_true (boundary (FLAG_FR FLAG_DE, 2));
  g_assert_false (boundary (FLAG_FR FLAG_DE, 3));
  /* Arabic letters, a BOM, and the ends. */
  for (gint64 i = 0; i <= 5; i++)
    g_assert_true (boundary (MARHABA, i));
  g_assert_true (boundary (BOM "abc", 1));
  g_assert_true (boundary ("abc", 0));
  g_assert_true (boundary ("abc", 3));
  g_assert_true (boundary ("", 0));
}

static void
test_check_span (void)
{
  g_autoptr(HearsayTextIndex) index = hearsay_text_index_new ("cafe" ACUTE " " THUMBS SKIN "\r\n");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (hearsay_text_index_get_length (index), ==, 10);
  g_assert_true (hearsay_text_index_check_span (index, 0, 5, &error));
  g_assert_no_error (error);
  g_assert_true (hearsay_text_index_check_span (index, 6, 8, NULL));
  g_assert_true (hearsay_text_index_check_span (index, 0, 10, NULL));

  g_assert_false (hearsay_text_index_check_span (index, 0, 11, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS);
  g_assert_nonnull (strstr (error->message, "10"));
  g_clear_error (&error);
  g_assert_false (hearsay_text_index_check_span (index, -1, 2, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS);
  g_clear_error (&error);
  g_assert_false (hearsay_text_index_check_span (index, 3, 3, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS);
  g_clear_error (&error);
  g_assert_false (hearsay_text_index_check_span (index, 4, 3, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS);
  g_clear_error (&error);
  /* Splitting e + U+0301, the emoji and its modifier, CR LF. */
  g_assert_false (hearsay_text_index_check_span (index, 0, 4, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS);
  g_clear_error (&error);
  g_assert_false (hearsay_text_index_check_span (index, 6, 7, NULL));
  g_assert_false (hearsay_text_index_check_span (index, 8, 9, NULL));
  g_assert_false (hearsay_text_index_check_span (index, 9, 10, NULL));
}

static char *
long_mixed_text (void)
{
  static const char * const pieces[] = {
    "a", THUMBS, "e" ACUTE, MARHABA, "\r\n", FLAG_FR, FAMILY, " ", BOM, "\xE2\x82\xAC", "z",
    THUMBS SKIN, "\xE4\xB8\xAD", "\n",
  };
  GString *s = g_string_new (NULL);

  for (guint i = 0; hearsay_text_length (s->str) < 3000; i = (i * 7 + 3) % G_N_ELEMENTS (pieces))
    g_string_append (s, pieces[i]);
  return g_string_free (s, FALSE);
}

static void
test_index_pointer (void)
{
  g_autofree char *text = long_mixed_text ();
  g_autoptr(HearsayTextIndex) index = hearsay_text_index_new (text);
  gint64 length = hearsay_text_length (text);

  g_assert_cmpint (length, >, 1000);
  g_assert_cmpint (hearsay_text_index_get_length (index), ==, length);
  g_assert_true (hearsay_text_index_get_text (index) == text);
  for (gint64 i = 0; i <= length; i++)
    g_assert_true (hearsay_text_index_pointer (index, i) == g_utf8_offset_to_pointer (text, i));
  /* Out of range offsets clamp. */
  g_assert_true (hearsay_text_index_pointer (index, -5) == text);
  g_assert_true (hearsay_text_index_pointer (index, length + 100) == text + strlen (text));
  /* In the other direction too, for the strides' edges. */
  for (gint64 i = length; i >= 0; i -= 255)
    g_assert_true (hearsay_text_index_pointer (index, i) == g_utf8_offset_to_pointer (text, i));
}

static void
test_index_empty (void)
{
  const char *text = "";
  g_autoptr(HearsayTextIndex) index = hearsay_text_index_new (text);
  char *exact = NULL, *prefix = NULL, *suffix = NULL;

  g_assert_cmpint (hearsay_text_index_get_length (index), ==, 0);
  g_assert_true (hearsay_text_index_pointer (index, 0) == text);
  g_assert_true (hearsay_text_index_pointer (index, 3) == text);
  g_assert_true (hearsay_text_index_is_boundary (index, 0));
  g_assert_false (hearsay_text_index_check_span (index, 0, 1, NULL));
  hearsay_text_index_quote (index, 0, 0, &exact, &prefix, &suffix);
  g_assert_cmpstr (exact, ==, "");
  g_assert_cmpstr (prefix, ==, "");
  g_assert_cmpstr (suffix, ==, "");
  g_free (exact);
  g_free (prefix);
  g_free (suffix);
}

static void
test_quote (void)
{
  GString *s = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr(HearsayTextIndex) index = NULL;
  char *exact, *prefix, *suffix;

  for (int i = 0; i < 100; i++)
    g_string_append_c (s, '0' + i % 10);
  text = g_string_free (s, FALSE);
  index = hearsay_text_index_new (text);

  hearsay_text_index_quote (index, 40, 50, &exact, &prefix, &suffix);
  g_assert_cmpstr (exact, ==, "0123456789");
  g_assert_cmpint (strlen (prefix), ==, HEARSAY_QUOTE_CONTEXT);
  g_assert_true (strncmp (prefix, text + 8, 32) == 0);
  g_assert_cmpint (strlen (suffix), ==, HEARSAY_QUOTE_CONTEXT);
  g_assert_true (strncmp (suffix, text + 50, 32) == 0);
  g_free (exact); g_free (prefix); g_free (suffix);

  /* Clipped at the start and at the end. */
  hearsay_text_index_quote (index, 5, 10, &exact, &prefix, &suffix);
  g_assert_cmpstr (exact, ==, "56789");
  g_assert_cmpstr (prefix, ==, "01234");
  g_assert_cmpint (strlen (suffix), ==, 32);
  g_free (exact); g_free (prefix); g_free (suffix);
  hearsay_text_index_quote (index, 90, 100, &exact, &prefix, &suffix);
  g_assert_cmpstr (exact, ==, "0123456789");
  g_assert_cmpstr (suffix, ==, "");
  g_assert_cmpint (strlen (prefix), ==, 32);
  g_free (exact); g_free (prefix); g_free (suffix);
  hearsay_text_index_quote (index, 0, 100, &exact, &prefix, &suffix);
  g_assert_cmpstr (exact, ==, text);
  g_assert_cmpstr (prefix, ==, "");
  g_assert_cmpstr (suffix, ==, "");
  g_free (exact); g_free (prefix); g_free (suffix);

  /* NULL outputs are allowed. */
  hearsay_text_index_quote (index, 1, 2, &exact, NULL, NULL);
  g_assert_cmpstr (exact, ==, "1");
  g_free (exact);
}

static void
test_quote_multibyte (void)
{
  /* 40 emoji, then Arabic, then 40 e + U+0301: context counts code points. */
  GString *s = g_string_new (BOM);
  g_autofree char *text = NULL;
  g_autoptr(HearsayTextIndex) index = NULL;
  char *exact, *prefix, *suffix;

  for (int i = 0; i < 40; i++)
    g_string_append (s, THUMBS);
  g_string_append (s, MARHABA);
  for (int i = 0; i < 20; i++)
    g_string_append (s, "e" ACUTE);
  text = g_string_free (s, FALSE);
  index = hearsay_text_index_new (text);
  g_assert_cmpint (hearsay_text_index_get_length (index), ==, 1 + 40 + 5 + 40);

  hearsay_text_index_quote (index, 41, 46, &exact, &prefix, &suffix);
  g_assert_cmpstr (exact, ==, MARHABA);
  g_assert_cmpint (g_utf8_strlen (prefix, -1), ==, 32);
  g_assert_cmpint (strlen (prefix), ==, 32 * 4);
  g_assert_cmpint (g_utf8_strlen (suffix, -1), ==, 32);
  g_assert_true (g_str_has_prefix (suffix, "e" ACUTE));
  g_free (exact); g_free (prefix); g_free (suffix);

  /* The BOM is part of the prefix of the first emoji. */
  hearsay_text_index_quote (index, 1, 2, &exact, &prefix, &suffix);
  g_assert_cmpstr (exact, ==, THUMBS);
  g_assert_cmpstr (prefix, ==, BOM);
  g_free (exact); g_free (prefix); g_free (suffix);
}

static void
test_direction (void)
{
  g_assert_cmpint (hearsay_text_detect_direction (""), ==, HEARSAY_DIRECTION_LTR);
  g_assert_cmpint (hearsay_text_detect_direction ("Deir ez-Zor"), ==, HEARSAY_DIRECTION_LTR);
  g_assert_cmpint (hearsay_text_detect_direction ("« Libérée » " MARHABA), ==, HEARSAY_DIRECTION_LTR);
  g_assert_cmpint (hearsay_text_detect_direction (MARHABA " hello"), ==, HEARSAY_DIRECTION_RTL);
  g_assert_cmpint (hearsay_text_detect_direction (BOM "2017-11-03, «" MARHABA "»"), ==, HEARSAY_DIRECTION_RTL);
  g_assert_cmpint (hearsay_text_detect_direction ("123 ... \r\n" THUMBS " " MARHABA), ==, HEARSAY_DIRECTION_RTL);
  g_assert_cmpint (hearsay_text_detect_direction ("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"), ==, HEARSAY_DIRECTION_RTL);
  g_assert_cmpint (hearsay_text_detect_direction ("1234 !?"), ==, HEARSAY_DIRECTION_LTR);

  g_assert_cmpstr (hearsay_direction_to_string (HEARSAY_DIRECTION_RTL), ==, "rtl");
  g_assert_cmpstr (hearsay_direction_to_string (HEARSAY_DIRECTION_LTR), ==, "ltr");
  g_assert_cmpint (hearsay_direction_from_string ("rtl"), ==, HEARSAY_DIRECTION_RTL);
  g_assert_cmpint (hearsay_direction_from_string ("ltr"), ==, HEARSAY_DIRECTION_LTR);
  g_assert_cmpint (hearsay_direction_from_string (NULL), ==, HEARSAY_DIRECTION_LTR);
}

/* Whether selections of a text snap to words by default. */
static void
test_words_script (void)
{
  g_assert_cmpint (hearsay_words_guess_script ("L'armée syrienne a annoncé", -1, "fr"), ==, HEARSAY_WORDS_SPACED);
  g_assert_cmpint (hearsay_words_guess_script ("", -1, NULL), ==, HEARSAY_WORDS_SPACED);
  g_assert_cmpint (hearsay_words_guess_script ("\xD9\x88\xD9\x82\xD8\xA7\xD9\x84 AFP", -1, "ar"), ==, HEARSAY_WORDS_RTL);
  g_assert_cmpint (hearsay_words_guess_script ("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", -1, NULL), ==, HEARSAY_WORDS_RTL);
  /* 叙利亚军队 (Chinese), ภาษาไทย (Thai): no spaces between words. */
  g_assert_cmpint (hearsay_words_guess_script ("\xE5\x8F\x99\xE5\x88\xA9\xE4\xBA\x9A\xE5\x86\x9B\xE9\x98\x9F", -1, NULL),
                   ==, HEARSAY_WORDS_UNSPACED);
  g_assert_cmpint (hearsay_words_guess_script ("\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2", -1, NULL),
                   ==, HEARSAY_WORDS_UNSPACED);
  /* A Latin transcription still says what the language is. */
  g_assert_cmpint (hearsay_words_guess_script ("Xinhua", -1, "zh-Hans"), ==, HEARSAY_WORDS_UNSPACED);
  g_assert_cmpint (hearsay_words_guess_script ("Deir ez-Zor", -1, "ja_JP"), ==, HEARSAY_WORDS_UNSPACED);
  /* A Latin quote in an Arabic article does not make it Latin. */
  g_assert_cmpint (hearsay_words_guess_script ("AFP: \xD9\x88\xD9\x82\xD8\xA7\xD9\x84\xD8\xAA \xD9\x88\xD9\x83\xD8\xA7\xD9\x84\xD8\xA9", -1, NULL),
                   ==, HEARSAY_WORDS_RTL);
}

static void
test_sha256_and_misc (void)
{
  g_autofree char *sha = hearsay_text_sha256 ("abc", 3);
  g_autofree char *now = hearsay_now_iso8601 ();
  char *strv[] = { g_strdup ("b"), g_strdup ("a"), g_strdup ("c"), NULL };

  g_assert_cmpstr (sha, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  /* Whichever implementation is built in, the digest is GLib's. */
  {
    g_autoptr(GString) big = g_string_new (NULL);
    g_autofree char *empty = hearsay_text_sha256 ("", 0);
    g_autofree char *mine = NULL;
    g_autofree char *glib = NULL;

    for (guint i = 0; i < 70000; i++)
      g_string_append (big, i % 7 == 0 ? "دير الزور " : "Deir ez-Zor ");
    mine = hearsay_text_sha256 (big->str, big->len);
    glib = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) big->str, big->len);
    g_assert_cmpstr (mine, ==, glib);
    g_assert_cmpstr (empty, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
  g_assert_true (g_str_has_suffix (now, "Z"));
  g_assert_nonnull (strchr (now, 'T'));
  hearsay_strv_sort (strv);
  g_assert_cmpstr (strv[0], ==, "a");
  g_assert_cmpstr (strv[1], ==, "b");
  g_assert_cmpstr (strv[2], ==, "c");
  for (int i = 0; i < 3; i++)
    g_free (strv[i]);
  hearsay_strv_sort (NULL);
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/text/length", test_length);
  g_test_add_func ("/text/substring", test_substring);
  g_test_add_func ("/text/boundaries", test_boundaries);
  g_test_add_func ("/text/check-span", test_check_span);
  g_test_add_func ("/text/index/pointer", test_index_pointer);
  g_test_add_func ("/text/index/empty", test_index_empty);
  g_test_add_func ("/text/quote", test_quote);
  g_test_add_func ("/text/quote-multibyte", test_quote_multibyte);
  g_test_add_func ("/text/direction", test_direction);
  g_test_add_func ("/text/words-script", test_words_script);
  g_test_add_func ("/text/sha256-and-misc", test_sha256_and_misc);
  return g_test_run ();
}
