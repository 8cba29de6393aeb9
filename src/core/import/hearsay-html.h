/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-html.h: a saved web page → the article's text and metadata. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *text;          /* headings and paragraphs separated by blank lines */
  char *title;
  char *outlet;
  char *published;     /* as the page gives it (ISO 8601 expected) */
  char *author;
  char *url;           /* canonical URL */
  char *language;
} HearsayHtmlArticle;

void                hearsay_html_article_free (HearsayHtmlArticle *article);

/* The page's bytes as UTF-8: BOM, then the charset declared in the first
 * 4 KB, then @fallback (may be NULL), then UTF-8, else Windows-1252.
 * @encoding_used (may be NULL) gets the name of what was used. */
char               *hearsay_html_decode       (const char         *display_name,
                                               const char         *data,
                                               gsize               length,
                                               const char         *fallback,
                                               const char        **encoding_used,
                                               GError            **error);

/* Extracts the article from UTF-8 HTML. */
HearsayHtmlArticle *hearsay_html_extract      (const char         *utf8,
                                               gsize               length,
                                               const char         *display_name,
                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayHtmlArticle, hearsay_html_article_free)

G_END_DECLS
