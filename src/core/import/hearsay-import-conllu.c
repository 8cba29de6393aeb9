/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-conllu.c: CoNLL-U (Universal Dependencies): ten
 * tab-separated columns (or those a CoNLL-U Plus "# global.columns" names),
 * sentences separated by blank lines, comments before each.
 *
 * Surface tokens are what the text holds: a multiword token's line
 * ("1-2 vámonos"), not its words; empty nodes ("8.1") hold no text. The
 * named-entity tag of a word is its NER (or NE) column in a CoNLL-U Plus
 * file, else NER= (or NE=) in its MISC column; a word without one is O.
 *
 * Without a text given alongside, a document ("# newdoc", else the whole
 * file) has this text: each sentence's "# text", or its tokens, each
 * followed by one space unless MISC says SpaceAfter=No or SpacesAfter=…
 * (UDPipe's escapes \s \t \n \r \p \\); between two sentences, what the
 * last token's SpacesAfter says, else nothing after SpaceAfter=No, else a
 * blank line before "# newpar", else a line break; and a final line break.
 * The tokens must then be found in that text in order: a "# text" that
 * does not hold its tokens is refused with the line. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-import-conll-private.h"

/* UDPipe's SpacesAfter escapes. */
static char *
unescape_spaces (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 's': g_string_append_c (out, ' '); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 'p': g_string_append_c (out, '|'); break;
        default: g_string_append_c (out, *p); break;
        }
    }
  return g_string_free (out, FALSE);
}

/* What follows a token, from its MISC column; NULL: one space. */
static char *
space_after (const char *misc)
{
  g_auto(GStrv) items = g_strsplit (misc, "|", -1);

  for (guint i = 0; items[i]; i++)
    {
      if (g_str_equal (items[i], "SpaceAfter=No"))
        return g_strdup ("");
      if (g_str_has_prefix (items[i], "SpacesAfter="))
        return unescape_spaces (items[i] + strlen ("SpacesAfter="));
    }
  return NULL;
}

static const char *
misc_tag (const char *misc,
          char      **owned)
{
  g_auto(GStrv) items = g_strsplit (misc, "|", -1);

  for (guint i = 0; items[i]; i++)
    if (g_str_has_prefix (items[i], "NER=") || g_str_has_prefix (items[i], "NE="))
      return *owned = g_strdup (strchr (items[i], '=') + 1);
  return "O";
}

static gboolean
is_blank (const char *line)
{
  return line[strspn (line, " \t")] == '\0';
}

gboolean
hearsay_import_conllu_read (const char  *path,
                            GPtrArray   *documents,
                            GError     **error)
{
  g_autoptr(HearsayLineReader) reader = hearsay_line_reader_new (path, 1024 * 1024, error);
  HearsayConllDocument *doc = NULL;
  HearsayConllSentence *sentence = NULL;
  g_autofree char *pending_text = NULL;
  gboolean pending_newpar = FALSE;
  guint n_columns = 10, form_col = 1, misc_col = 9;
  gint ner_col = -1;
  guint64 mwt_end = 0;
  char *line;
  gsize length;

  if (reader == NULL)
    return FALSE;
  while ((line = hearsay_line_reader_next (reader, &length, error)) != NULL)
    {
      guint at = hearsay_line_reader_get_line (reader);
      g_auto(GStrv) fields = NULL;
      g_autofree char *owned_tag = NULL;
      const char *id, *tag;
      guint n;

      if (length > 0 && line[length - 1] == '\r')
        line[--length] = '\0';
      if (at == 1 && g_str_has_prefix (line, "\xEF\xBB\xBF"))
        memmove (line, line + 3, (length -= 3) + 1);
      if (!g_utf8_validate_len (line, length, NULL))
        return hearsay_import_fail (error, path, at, _("the line is not valid UTF-8"));
      if (is_blank (line))
        {
          sentence = NULL;
          mwt_end = 0;
          continue;
        }
      if (line[0] == '#')
        {
          const char *body = line + 1 + strspn (line + 1, " ");
          const char *eq = strstr (body, " = ");

          if (g_str_has_prefix (body, "newdoc"))
            {
              doc = hearsay_conll_document_new (at);
              doc->title = eq && g_str_has_prefix (body, "newdoc id") ? g_strdup (eq + 3) : NULL;
              g_ptr_array_add (documents, doc);
              sentence = NULL;
            }
          else if (g_str_has_prefix (body, "newpar"))
            pending_newpar = TRUE;
          else if (g_str_has_prefix (body, "text = ") || g_str_equal (body, "text ="))
            {
              g_free (pending_text);
              pending_text = g_strdup (body + MIN (strlen (body), strlen ("text = ")));
            }
          else if (g_str_has_prefix (body, "global.columns = "))
            {
              g_auto(GStrv) names = g_strsplit_set (body + strlen ("global.columns = "), " \t", -1);
              guint k = 0;

              ner_col = -1;
              for (guint i = 0; names[i]; i++)
                {
                  if (*names[i] == '\0')
                    continue;
                  if (g_ascii_strcasecmp (names[i], "FORM") == 0)
                    form_col = k;
                  else if (g_ascii_strcasecmp (names[i], "MISC") == 0)
                    misc_col = k;
                  else if (g_ascii_strcasecmp (names[i], "NER") == 0 || g_ascii_strcasecmp (names[i], "NE") == 0)
                    ner_col = k;
                  k++;
                }
              n_columns = k;
            }
          continue;
        }
      fields = g_strsplit (line, "\t", -1);
      n = g_strv_length (fields);
      if (n != n_columns)
        return hearsay_import_fail (error, path, at, _("%u columns, where CoNLL-U has %u (tab-separated)"), n, n_columns);
      if (doc == NULL)
        {
          doc = hearsay_conll_document_new (at);
          g_ptr_array_add (documents, doc);
        }
      if (sentence == NULL)
        {
          sentence = hearsay_conll_sentence_new (at);
          sentence->text = g_steal_pointer (&pending_text);
          sentence->newpar = pending_newpar;
          pending_newpar = FALSE;
          g_ptr_array_add (doc->sentences, sentence);
        }
      id = fields[0];
      if (strchr (id, '.') != NULL)
        continue;  /* an empty node: no text */
      if (strchr (id, '-') != NULL)
        {
          /* A multiword token: the text holds its form, its words follow. */
          mwt_end = g_ascii_strtoull (strchr (id, '-') + 1, NULL, 10);
          hearsay_conll_add_token (sentence, fields[form_col], at);
          g_array_index (sentence->tokens, HearsayConllToken, sentence->tokens->len - 1).after =
            misc_col < n ? space_after (fields[misc_col]) : NULL;
          continue;
        }
      if (g_ascii_strtoull (id, NULL, 10) > mwt_end || sentence->tokens->len == 0)
        {
          hearsay_conll_add_token (sentence, fields[form_col], at);
          g_array_index (sentence->tokens, HearsayConllToken, sentence->tokens->len - 1).after =
            misc_col < n ? space_after (fields[misc_col]) : NULL;
        }
      tag = ner_col >= 0 ? fields[ner_col] : misc_col < n ? misc_tag (fields[misc_col], &owned_tag) : "O";
      if (g_str_equal (tag, "_"))
        tag = "O";
      if (!hearsay_conll_is_tag (tag))
        return hearsay_import_fail (error, path, at,
                                    _("“%s” is not an IOB tag (O, B-TYPE, I-TYPE, E-TYPE, S-TYPE)"), tag);
      g_array_append_val (sentence->words, ((HearsayConllWord) { g_strdup (tag), sentence->tokens->len - 1, at }));
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  /* A "# newdoc" with no sentence after it holds no document. */
  for (guint i = documents->len; i > 0; i--)
    if (((HearsayConllDocument *) g_ptr_array_index (documents, i - 1))->sentences->len == 0)
      g_ptr_array_remove_index (documents, i - 1);
  return TRUE;
}
