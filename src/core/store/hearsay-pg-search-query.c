/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg-search-query.c: the full-text query syntax of a project file
 * (FTS5's, as Hearsay documents it: words, "phrases", prefix*, AND, OR,
 * NOT, parentheses) read into a PostgreSQL tsquery expression, so that one
 * query means the same on both backends:
 *
 *   word      phraseto_tsquery (cfg, 'word')
 *   "a b c"   phraseto_tsquery (cfg, 'a b c')        (a <-> b <-> c)
 *   milit*    to_tsquery (cfg, '''milit'':*')
 *   "a mil"*  tsquery_phrase (phraseto_tsquery ('a'), to_tsquery ('''mil'':*'))
 *   a b       … && …   (also "a AND b")
 *   a OR b    … || …
 *   a NOT b   … && !! …
 *
 * NOT binds tighter than AND, AND than OR, as in FTS5. The texts are bound
 * as parameters, never spliced into the SQL. FTS5's column filters, NEAR
 * and ^ have no counterpart here and are refused with a message. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-pg-private.h"

#define CONFIG "'@SCHEMA@.hearsay'"

typedef struct
{
  const char *query;
  const char *p;
  HearsayPgParams *params;
  GError **error;
  gboolean failed;
} Parser;

static gboolean
fail (Parser     *parser,
      const char *reason)
{
  if (!parser->failed)
    g_set_error (parser->error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                 _("The search “%s” is not valid (%s). Put words in double quotes to search for "
                   "them as they are, e.g. \"d'après\""),
                 parser->query, reason);
  parser->failed = TRUE;
  return FALSE;
}

/* FTS5's bareword characters. */
static gboolean
is_bare (char c)
{
  return (guchar) c >= 0x80 || g_ascii_isalnum (c) || c == '_' || c == 0x1a;
}

static void
skip_space (Parser *parser)
{
  while (*parser->p == ' ' || *parser->p == '\t' || *parser->p == '\n' || *parser->p == '\r')
    parser->p++;
}

/* A bareword that is exactly @keyword, followed by no bareword character. */
static gboolean
at_keyword (Parser     *parser,
            const char *keyword)
{
  gsize n = strlen (keyword);

  return strncmp (parser->p, keyword, n) == 0 && !is_bare (parser->p[n]);
}

static int
add_param (Parser     *parser,
           const char *text)
{
  char *copy;

  if (parser->params->n >= HEARSAY_PG_MAX_PARAMS - 4)
    {
      fail (parser, _("too many words"));
      return 0;
    }
  /* The parameters live as long as the query's SQL: kept in a list freed
   * with it (see hearsay_pg_tsquery_from_fts5). */
  copy = g_strdup (text);
  hearsay_pg_param_text (parser->params, copy);
  return parser->params->n;
}

static char *parse_or (Parser *parser);

/* A phrase or a bareword, and its prefix star. */
static char *
parse_phrase (Parser *parser)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean prefix = FALSE;
  const char *last_space;
  int n;

  if (*parser->p == '"')
    {
      parser->p++;
      while (TRUE)
        {
          if (*parser->p == '\0')
            {
              fail (parser, _("unterminated string"));
              return NULL;
            }
          if (*parser->p == '"')
            {
              if (parser->p[1] != '"')
                break;
              parser->p++;   /* "" is a quote inside a string */
            }
          g_string_append_c (text, *parser->p++);
        }
      parser->p++;
    }
  else if (is_bare (*parser->p))
    {
      while (is_bare (*parser->p))
        g_string_append_c (text, *parser->p++);
    }
  else
    {
      g_autofree char *near = g_strndup (parser->p, g_utf8_next_char (parser->p) - parser->p);

      fail (parser, *parser->p ? near : _("it ends too soon"));
      return NULL;
    }
  if (*parser->p == ':' || (*parser->p == '(' && g_str_equal (text->str, "NEAR")))
    {
      fail (parser, _("column filters and NEAR are not searched on a server project"));
      return NULL;
    }
  if (*parser->p == '*')
    {
      prefix = TRUE;
      parser->p++;
    }
  if (!prefix)
    {
      if ((n = add_param (parser, text->str)) == 0)
        return NULL;
      return g_strdup_printf ("phraseto_tsquery (" CONFIG ", $%d)", n);
    }
  /* The last word is a prefix; the words before it a phrase. */
  g_strchomp (text->str);
  text->len = strlen (text->str);
  last_space = strrchr (text->str, ' ');
  {
    g_autofree char *word = g_strdup (last_space ? last_space + 1 : text->str);
    g_autoptr(GString) quoted = g_string_new ("'");
    g_autofree char *lexeme = NULL;

    for (const char *c = word; *c; c++)
      {
        if (*c == '\'' || *c == '\\')
          g_string_append_c (quoted, *c);
        g_string_append_c (quoted, *c);
      }
    g_string_append (quoted, "':*");
    if ((n = add_param (parser, quoted->str)) == 0)
      return NULL;
    lexeme = g_strdup_printf ("to_tsquery (" CONFIG ", $%d)", n);
    if (last_space == NULL)
      return g_steal_pointer (&lexeme);
    text->str[last_space - text->str] = '\0';
    if ((n = add_param (parser, text->str)) == 0)
      return NULL;
    return g_strdup_printf ("tsquery_phrase (phraseto_tsquery (" CONFIG ", $%d), %s)", n, lexeme);
  }
}

static char *
parse_primary (Parser *parser)
{
  skip_space (parser);
  if (*parser->p == '^' || *parser->p == '{' || *parser->p == '-' || *parser->p == '+')
    {
      if (*parser->p == '^' || *parser->p == '{')
        fail (parser, _("column filters and ^ are not searched on a server project"));
      else
        fail (parser, (char[]) { *parser->p, '\0' });
      return NULL;
    }
  if (*parser->p == '(')
    {
      char *inner;

      parser->p++;
      inner = parse_or (parser);
      if (inner == NULL)
        return NULL;
      skip_space (parser);
      if (*parser->p != ')')
        {
          g_free (inner);
          fail (parser, _("a parenthesis is not closed"));
          return NULL;
        }
      parser->p++;
      return inner;
    }
  if (at_keyword (parser, "AND") || at_keyword (parser, "OR") || at_keyword (parser, "NOT"))
    {
      fail (parser, _("an operator has nothing before it"));
      return NULL;
    }
  return parse_phrase (parser);
}

static char *
parse_not (Parser *parser)
{
  g_autofree char *left = parse_primary (parser);

  if (left == NULL)
    return NULL;
  while (TRUE)
    {
      g_autofree char *right = NULL;
      char *both;

      skip_space (parser);
      if (!at_keyword (parser, "NOT"))
        break;
      parser->p += 3;
      right = parse_primary (parser);
      if (right == NULL)
        return NULL;
      both = g_strdup_printf ("(%s && !! %s)", left, right);
      g_free (left);
      left = both;
    }
  return g_steal_pointer (&left);
}

static char *
parse_and (Parser *parser)
{
  g_autofree char *left = parse_not (parser);

  if (left == NULL)
    return NULL;
  while (TRUE)
    {
      g_autofree char *right = NULL;
      char *both;

      skip_space (parser);
      if (*parser->p == '\0' || *parser->p == ')' || at_keyword (parser, "OR"))
        break;
      if (at_keyword (parser, "AND"))
        parser->p += 3;
      right = parse_not (parser);
      if (right == NULL)
        return NULL;
      both = g_strdup_printf ("(%s && %s)", left, right);
      g_free (left);
      left = both;
    }
  return g_steal_pointer (&left);
}

static char *
parse_or (Parser *parser)
{
  g_autofree char *left = parse_and (parser);

  if (left == NULL)
    return NULL;
  while (TRUE)
    {
      g_autofree char *right = NULL;
      char *both;

      skip_space (parser);
      if (!at_keyword (parser, "OR"))
        break;
      parser->p += 2;
      right = parse_and (parser);
      if (right == NULL)
        return NULL;
      both = g_strdup_printf ("(%s || %s)", left, right);
      g_free (left);
      left = both;
    }
  return g_steal_pointer (&left);
}

/* The parameter texts are allocated: hearsay_pg_tsquery_params_free ()
 * frees those from @first on. */
char *
hearsay_pg_tsquery_from_fts5 (const char       *query,
                              HearsayPgParams  *params,
                              GError          **error)
{
  Parser parser = { query, query, params, error, FALSE };
  g_autofree char *sql = NULL;

  skip_space (&parser);
  if (*parser.p == '\0')
    {
      fail (&parser, _("it is empty"));
      return NULL;
    }
  sql = parse_or (&parser);
  if (sql == NULL)
    return NULL;
  skip_space (&parser);
  if (*parser.p != '\0')
    {
      fail (&parser, *parser.p == ')' ? _("a parenthesis closes nothing") : _("unexpected text"));
      return NULL;
    }
  return g_steal_pointer (&sql);
}

void
hearsay_pg_tsquery_params_free (HearsayPgParams *params,
                                int              first)
{
  for (int i = first; i < params->n; i++)
    g_free ((char *) params->values[i]);
  params->n = first;
}
