/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-conll.c: CoNLL-2003 (one token a line, its tag in the
 * last column, a blank line between sentences, "-DOCSTART-" between
 * documents: the shared task's files, NLTK's ConllCorpusReader's and
 * Hearsay's own export) and what CoNLL-U shares with it: anchoring tokens
 * on a text and turning IOB tags into annotations.
 *
 * The text: with --format and text files given alongside, the k-th
 * document of the file (sections between -DOCSTART- lines, CoNLL-U
 * "# newdoc") is anchored on the k-th text; a folder pairs X.conll with
 * X.txt. Tokens are found in order, white space between them skipped; a
 * token that is not the next text (or text left after the last token) is
 * refused with its line. Without a text the document's text is rebuilt:
 * CoNLL-2003 joins a sentence's tokens with one space and sentences with a
 * line break (hearsay-import-conllu.c says CoNLL-U's rule).
 *
 * Tags: O, B-, I-, E-, S- (and BILOU's L-, U-), read leniently so IOB1,
 * IOB2/BIO, IOBES and BILOU all come out right: B and S always open an
 * entity, I and E continue one of the same type or else open one, E and S
 * close it. An entity spans its first token's start to its last token's
 * end. A "#" line whose last column is no tag is a comment. */
#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-import-conll-private.h"

/* Separates the file from its texts in a unit's path: never in file names. */
#define UNIT_SEPARATOR "\x1F"


static void
token_clear (gpointer data)
{
  HearsayConllToken *t = data;

  g_free (t->form);
  g_free (t->after);
}

static void
word_clear (gpointer data)
{
  g_free (((HearsayConllWord *) data)->tag);
}

HearsayConllSentence *
hearsay_conll_sentence_new (guint line)
{
  HearsayConllSentence *s = g_new0 (HearsayConllSentence, 1);

  s->tokens = g_array_new (FALSE, TRUE, sizeof (HearsayConllToken));
  g_array_set_clear_func (s->tokens, token_clear);
  s->words = g_array_new (FALSE, TRUE, sizeof (HearsayConllWord));
  g_array_set_clear_func (s->words, word_clear);
  s->line = line;
  return s;
}

void
hearsay_conll_sentence_free (gpointer data)
{
  HearsayConllSentence *s = data;

  g_array_unref (s->tokens);
  g_array_unref (s->words);
  g_free (s->text);
  g_free (s);
}

HearsayConllDocument *
hearsay_conll_document_new (guint line)
{
  HearsayConllDocument *d = g_new0 (HearsayConllDocument, 1);

  d->sentences = g_ptr_array_new_with_free_func (hearsay_conll_sentence_free);
  d->line = line;
  return d;
}

void
hearsay_conll_document_free (gpointer data)
{
  HearsayConllDocument *d = data;

  g_ptr_array_unref (d->sentences);
  g_free (d->title);
  g_free (d);
}

void
hearsay_conll_add_token (HearsayConllSentence *sentence,
                         const char           *form,
                         guint                 line)
{
  HearsayConllToken t = { g_strdup (form), line, NULL, -1, -1 };

  g_array_append_val (sentence->tokens, t);
}

gboolean
hearsay_conll_is_tag (const char *tag)
{
  if (g_strcmp0 (tag, "O") == 0)
    return TRUE;
  return tag != NULL && strchr ("BIESLU", tag[0]) != NULL && tag[0] != '\0' && tag[1] == '-' && tag[2] != '\0';
}

char *
hearsay_conll_unit_path (const char   *unit,
                         char       ***texts)
{
  g_auto(GStrv) parts = g_strsplit (unit, UNIT_SEPARATOR, -1);
  char *path = g_strdup (parts[0]);

  *texts = g_strdupv (parts + 1);
  return path;
}

static void
add_unit (GPtrArray             *units,
          HearsayImportUnitFunc  read,
          const char            *path,
          GPtrArray             *texts)
{
  g_autoptr(GString) unit = g_string_new (path);

  for (guint i = 0; texts != NULL && i < texts->len; i++)
    g_string_append_printf (unit, UNIT_SEPARATOR "%s", (const char *) g_ptr_array_index (texts, i));
  hearsay_import_add_unit (units, read, unit->str);
}

gboolean
hearsay_import_conll_expand (const HearsayImporter  *importer,
                             const char * const     *paths,
                             GPtrArray              *units,
                             GPtrArray              *confs,
                             GError                **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (guint i = 0; paths[i]; i++)
    {
      g_autoptr(GPtrArray) listed = NULL;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          if (hearsay_import_has_suffix (paths[i], ".txt"))
            g_ptr_array_add (texts, (gpointer) paths[i]);
          else
            g_ptr_array_add (files, g_strdup (paths[i]));
          continue;
        }
      listed = hearsay_import_list_dir (paths[i], importer->format.suffixes, error);
      if (listed == NULL)
        return FALSE;
      /* In a folder, X.conll is read on X.txt when there is one. */
      for (guint k = 0; k < listed->len; k++)
        {
          const char *file = g_ptr_array_index (listed, k);
          g_autofree char *stem = g_strndup (file, strrchr (file, '.') - file);
          g_autofree char *txt = g_strconcat (stem, ".txt", NULL);
          g_autoptr(GPtrArray) own = g_ptr_array_new ();

          if (g_file_test (txt, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (own, txt);
          add_unit (units, importer->read, file, own);
        }
    }
  if (texts->len > 0 && files->len != 1)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
                   _("text files given alongside CoNLL are the texts of one CoNLL file: give exactly one "
                     "(%u given)"), files->len);
      return FALSE;
    }
  for (guint i = 0; i < files->len; i++)
    add_unit (units, importer->read, g_ptr_array_index (files, i), texts);
  return TRUE;
}

/* The columns of a CoNLL-2003 line: tab-separated when it has a tab, else
 * separated by runs of spaces. */
static char **
split_columns (const char *line)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  if (strchr (line, '\t') != NULL)
    return g_strsplit (line, "\t", -1);
  for (const char *p = line; *p; )
    {
      gsize n;

      while (*p == ' ')
        p++;
      n = strcspn (p, " ");
      if (n > 0)
        {
          g_autofree char *column = g_strndup (p, n);

          g_strv_builder_add (b, column);
        }
      p += n;
    }
  return g_strv_builder_end (b);
}

static gboolean
read_conll2003 (const char  *path,
                GPtrArray   *documents,
                GError     **error)
{
  g_autoptr(HearsayLineReader) reader = hearsay_line_reader_new (path, 1024 * 1024, error);
  HearsayConllDocument *doc = NULL;
  HearsayConllSentence *sentence = NULL;
  guint n_columns = 0;
  char *line;
  gsize length;

  if (reader == NULL)
    return FALSE;
  while ((line = hearsay_line_reader_next (reader, &length, error)) != NULL)
    {
      guint at = hearsay_line_reader_get_line (reader);
      g_auto(GStrv) columns = NULL;
      guint n;

      if (length > 0 && line[length - 1] == '\r')
        line[--length] = '\0';
      if (at == 1 && g_str_has_prefix (line, "\xEF\xBB\xBF"))
        memmove (line, line + 3, (length -= 3) + 1);
      if (!g_utf8_validate_len (line, length, NULL))
        return hearsay_import_fail (error, path, at, _("the line is not valid UTF-8"));
      columns = split_columns (line);
      n = g_strv_length (columns);
      if (n == 0 || (n == 1 && columns[0][strspn (columns[0], " \t")] == '\0'))
        {
          sentence = NULL;  /* a blank line ends the sentence */
          continue;
        }
      if (g_str_equal (columns[0], "-DOCSTART-"))
        {
          if (doc == NULL || doc->sentences->len > 0)
            {
              doc = hearsay_conll_document_new (at);
              g_ptr_array_add (documents, doc);
            }
          sentence = NULL;
          continue;
        }
      if (line[0] == '#' && !hearsay_conll_is_tag (columns[n - 1]))
        continue;
      if (n < 2)
        return hearsay_import_fail (error, path, at, _("“%s” has no tag column (TOKEN … TAG)"), line);
      if (n_columns == 0)
        n_columns = n;
      else if (n != n_columns)
        return hearsay_import_fail (error, path, at, _("%u columns, where the lines before have %u"), n, n_columns);
      if (!hearsay_conll_is_tag (columns[n - 1]))
        return hearsay_import_fail (error, path, at,
                                    _("“%s” is not an IOB tag (O, B-TYPE, I-TYPE, E-TYPE, S-TYPE)"), columns[n - 1]);
      if (doc == NULL)
        {
          doc = hearsay_conll_document_new (at);
          g_ptr_array_add (documents, doc);
        }
      if (sentence == NULL)
        {
          sentence = hearsay_conll_sentence_new (at);
          g_ptr_array_add (doc->sentences, sentence);
        }
      hearsay_conll_add_token (sentence, columns[0], at);
      g_array_append_val (sentence->words, ((HearsayConllWord) { g_strdup (columns[n - 1]), sentence->tokens->len - 1, at }));
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  /* A trailing -DOCSTART- holds no document. */
  if (documents->len > 0 && ((HearsayConllDocument *) g_ptr_array_index (documents, documents->len - 1))->sentences->len == 0)
    g_ptr_array_remove_index (documents, documents->len - 1);
  return TRUE;
}

/* What separates tokens: white space, a BOM, and what Python's str.split()
 * also splits on (U+001C–U+001F, U+0085), as Hearsay's export does. */
static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xFEFF || (c >= 0x1C && c <= 0x1F) || c == 0x85;
}

/* Finds each token of @doc in order in @text, from *@offset (code points). */
static gboolean
anchor (HearsayConllDocument  *doc,
        HearsayTextIndex      *index,
        const char            *path,
        const char            *text_name,
        GError               **error)
{
  const char *text = hearsay_text_index_get_text (index);
  const char *p = text;
  gint64 cp = 0;

  for (guint s = 0; s < doc->sentences->len; s++)
    {
      HearsayConllSentence *sentence = g_ptr_array_index (doc->sentences, s);

      for (guint i = 0; i < sentence->tokens->len; i++)
        {
          HearsayConllToken *t = &g_array_index (sentence->tokens, HearsayConllToken, i);
          gsize n = strlen (t->form);

          while (*p && is_space (g_utf8_get_char (p)))
            p = g_utf8_next_char (p), cp++;
          if (strncmp (p, t->form, n) != 0)
            {
              g_autofree char *there = g_strndup (p, strlen (p) < 40 ? strlen (p) : 40);
              g_autofree char *excerpt = NULL;

              if (!g_utf8_validate (there, -1, NULL))
                {
                  const char *end;

                  g_utf8_validate (there, -1, &end);
                  there[end - there] = '\0';
                }
              excerpt = hearsay_import_excerpt (there, 24);
              return hearsay_import_fail (error, path, t->line,
                                          _("the token “%s” is not the text of %s at %" PRId64
                                            " (“%s”): tokens must be the text's, in order"),
                                          t->form, text_name, cp, excerpt);
            }
          t->start = cp;
          cp += g_utf8_strlen (p, n);
          p += n;
          t->end = cp;
        }
    }
  while (*p && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p)
    {
      g_autofree char *there = g_strndup (p, 40);
      g_autofree char *excerpt = NULL;
      const char *end;

      g_utf8_validate (there, -1, &end);
      there[end - there] = '\0';
      excerpt = hearsay_import_excerpt (there, 24);
      return hearsay_import_fail (error, path, doc->line, _("%s goes on after the document's last token (“%s”)"),
                                  text_name, excerpt);
    }
  return TRUE;
}

/* CoNLL-2003 and CoNLL-U without a "# text": the sentence's tokens with
 * what follows each (one space, or CoNLL-U's SpaceAfter/SpacesAfter). */
static void
append_sentence (GString              *out,
                 HearsayConllSentence *sentence)
{
  if (sentence->text != NULL)
    g_string_append (out, sentence->text);
  for (guint i = 0; sentence->text == NULL && i < sentence->tokens->len; i++)
    {
      HearsayConllToken *t = &g_array_index (sentence->tokens, HearsayConllToken, i);

      g_string_append (out, t->form);
      if (i + 1 < sentence->tokens->len)
        g_string_append (out, t->after ? t->after : " ");
    }
}

static char *
rebuild (HearsayConllDocument *doc)
{
  GString *out = g_string_new (NULL);

  for (guint s = 0; s < doc->sentences->len; s++)
    {
      HearsayConllSentence *sentence = g_ptr_array_index (doc->sentences, s);
      HearsayConllToken *last = sentence->tokens->len > 0
                                ? &g_array_index (sentence->tokens, HearsayConllToken, sentence->tokens->len - 1) : NULL;

      append_sentence (out, sentence);
      if (s + 1 == doc->sentences->len)
        break;
      /* Between sentences: what the last token says follows it, else a
       * paragraph break before "# newpar", else a line break. */
      if (last != NULL && last->after != NULL)
        g_string_append (out, last->after);
      else if (((HearsayConllSentence *) g_ptr_array_index (doc->sentences, s + 1))->newpar)
        g_string_append (out, "\n\n");
      else
        g_string_append_c (out, '\n');
    }
  if (out->len > 0)
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

static gboolean
store_entity (HearsayImportContext  *ctx,
              HearsayDocument       *doc,
              HearsayTextIndex      *index,
              HearsayConllSentence  *sentence,
              const char            *type,
              guint                  first,
              guint                  last,
              const char            *path,
              const char            *annotator,
              GError               **error)
{
  const HearsayConllWord *a = &g_array_index (sentence->words, HearsayConllWord, first);
  const HearsayConllWord *b = &g_array_index (sentence->words, HearsayConllWord, last);
  const HearsayConllToken *s = &g_array_index (sentence->tokens, HearsayConllToken, a->token);
  const HearsayConllToken *e = &g_array_index (sentence->tokens, HearsayConllToken, b->token);
  g_autofree char *label = hearsay_import_map_label (hearsay_project_get_scheme (ctx->project), type);
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (hearsay_document_get_id (doc), label);

  hearsay_annotation_add_fragment (ann, s->start, e->end);
  if (!hearsay_import_store_annotation (ctx, index, ann, annotator, path, a->line, error))
    return FALSE;
  hearsay_document_set_n_annotations (doc, hearsay_document_get_n_annotations (doc) + 1);
  return TRUE;
}

static gboolean
store_tags (HearsayImportContext  *ctx,
            HearsayDocument       *doc,
            HearsayTextIndex      *index,
            HearsayConllSentence  *sentence,
            const char            *path,
            const char            *annotator,
            GError               **error)
{
  const char *open = NULL;
  guint first = 0;

  for (guint i = 0; i <= sentence->words->len; i++)
    {
      const char *tag = i < sentence->words->len ? g_array_index (sentence->words, HearsayConllWord, i).tag : "O";
      char prefix = tag[0];
      /* "O" has no type; any other tag is PREFIX-TYPE (hearsay_conll_is_tag). */
      const char *type = prefix == 'O' ? "" : strchr (tag, '-') + 1;
      gboolean continues = open != NULL && strcmp (open, type) == 0 && strchr ("IEL", prefix) != NULL;

      if (open != NULL && !continues)
        {
          if (!store_entity (ctx, doc, index, sentence, open, first, i - 1, path, annotator, error))
            return FALSE;
          open = NULL;
        }
      if (g_str_equal (tag, "O"))
        continue;
      if (open == NULL)
        {
          open = type;
          first = i;
        }
      if (strchr ("ESLU", prefix) != NULL)
        {
          if (!store_entity (ctx, doc, index, sentence, open, first, i, path, annotator, error))
            return FALSE;
          open = NULL;
        }
    }
  return TRUE;
}

gboolean
hearsay_conll_store (HearsayImportContext  *ctx,
                     const char            *path,
                     GPtrArray             *documents,
                     char                 **texts,
                     const char            *annotator,
                     GError               **error)
{
  guint n_texts = texts ? g_strv_length (texts) : 0;

  if (documents->len == 0)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY, _("%s holds no tokens"), path);
      return FALSE;
    }
  if (n_texts > 0 && n_texts != documents->len)
    return hearsay_import_fail (error, path, 0,
                                _("%u documents, and %u texts given alongside: one text for each document, in order"),
                                documents->len, n_texts);
  for (guint d = 0; d < documents->len; d++)
    {
      HearsayConllDocument *cd = g_ptr_array_index (documents, d);
      g_autoptr(HearsayDocument) doc = NULL;
      g_autoptr(HearsayTextIndex) index = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *base = g_path_get_basename (path);

      if (n_texts > 0)
        {
          HearsayImportOptions options = { .encoding = ctx->options->encoding };

          doc = hearsay_import_text_file (texts[d], &options, error);
          if (doc == NULL)
            return FALSE;
        }
      else
        {
          char *text = rebuild (cd);
          g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));
          HearsayImportOptions options = { 0 };
          g_autofree char *title = cd->title ? g_strdup (cd->title)
                                             : documents->len > 1 ? g_strdup_printf ("%s (%u)", base, d + 1) : NULL;

          options.title = title;
          doc = hearsay_import_text_bytes (path, bytes, &options, &local_error);
          if (doc == NULL)
            return hearsay_import_fail (error, path, cd->line, "%s", local_error->message);
        }
      index = hearsay_text_index_new (hearsay_document_get_text (doc));
      if (!anchor (cd, index, path, n_texts > 0 ? texts[d] : _("the text rebuilt from its tokens"), error))
        return FALSE;
      if (!hearsay_import_store_document (ctx, doc, FALSE, error))
        return FALSE;
      for (guint s = 0; s < cd->sentences->len; s++)
        if (!store_tags (ctx, doc, index, g_ptr_array_index (cd->sentences, s), path, annotator, error))
          return FALSE;
      if (!hearsay_project_bulk_update_document (ctx->project, doc, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
hearsay_import_conll2003_unit (HearsayImportContext  *ctx,
                               const char            *unit,
                               GError               **error)
{
  g_auto(GStrv) texts = NULL;
  g_autofree char *path = hearsay_conll_unit_path (unit, &texts);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (hearsay_conll_document_free);

  return read_conll2003 (path, documents, error) &&
         hearsay_conll_store (ctx, path, documents, texts, "conll", error);
}

gboolean
hearsay_import_conllu_unit (HearsayImportContext  *ctx,
                            const char            *unit,
                            GError               **error)
{
  g_auto(GStrv) texts = NULL;
  g_autofree char *path = hearsay_conll_unit_path (unit, &texts);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (hearsay_conll_document_free);

  return hearsay_import_conllu_read (path, documents, error) &&
         hearsay_conll_store (ctx, path, documents, texts, "conllu", error);
}
