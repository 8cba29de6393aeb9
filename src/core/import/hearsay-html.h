/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-html.h: a saved web page → its text as a reader sees it, which
 * parts are furniture or the headline, and the article's metadata. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The label of the headline mark; furniture is marked "boilerplate". */
#define HEARSAY_HTML_HEADLINE_LABEL "headline"

typedef struct
{
  gint64 start;        /* code points, end exclusive */
  gint64 end;
  const char *label;   /* "boilerplate" or HEARSAY_HTML_HEADLINE_LABEL */
  const char *kind;    /* boilerplate: a value of its `kind` attribute; NULL for the headline */
} HearsayHtmlMark;

typedef struct
{
  char *text;          /* every visible block in reading order, separated by blank lines */
  GArray *marks;       /* HearsayHtmlMark in text order: what is not the article */
  char *title;         /* without the " | Site" suffix */
  char *outlet;
  char *published;     /* ISO 8601 (date, or date and time) */
  char *author;        /* the first of @authors */
  char **authors;      /* names, never profile URLs */
  char *url;           /* canonical URL */
  char *language;
} HearsayHtmlArticle;

void                hearsay_html_article_free (HearsayHtmlArticle *article);

/* The page's bytes as UTF-8: BOM, then the charset declared in the first
 * 4 KB (WHATWG labels: gb2312 reads as GBK, iso-8859-1 and ascii as
 * windows-1252…), then @fallback (may be NULL), then UTF-8, else
 * Windows-1252. @encoding_used (may be NULL) gets the name of what was used. */
char               *hearsay_html_decode       (const char         *display_name,
                                               const char         *data,
                                               gsize               length,
                                               const char         *fallback,
                                               const char        **encoding_used,
                                               GError            **error);

/* Reads the page from UTF-8 HTML; fails only when nothing of it is visible. */
HearsayHtmlArticle *hearsay_html_extract      (const char         *utf8,
                                               gsize               length,
                                               const char         *display_name,
                                               GError            **error);

/* The article: @text without the @marks (blank lines where they were). */
char               *hearsay_html_article_text (const char         *text,
                                               const HearsayHtmlMark *marks,
                                               guint               n_marks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayHtmlArticle, hearsay_html_article_free)

G_END_DECLS
