/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-html.c: a saved page as a reader sees it. The page's visible text
 * is kept whole, in reading order (hearsay-html-page.c); the scorer finds
 * which blocks are the article (hearsay-html-score.c); every other block is
 * returned as a mark — furniture of a boilerplate kind, or the headline —
 * so that nothing is deleted and the article is the text minus its marks.
 * Metadata comes from hearsay-html-meta.c. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-html-private.h"
#include "hearsay-html-parse.h"
#include "hearsay-xml-safety.h"

void
hearsay_html_article_free (HearsayHtmlArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->text);
  g_clear_pointer (&article->marks, g_array_unref);
  g_free (article->title);
  g_free (article->outlet);
  g_free (article->published);
  g_free (article->author);
  g_strfreev (article->authors);
  g_free (article->url);
  g_free (article->language);
  g_free (article);
}

static const char *
kind_name (HtmlKind kind)
{
  switch (kind)
    {
    case HTML_KIND_CONSENT: return "consent_notice";
    case HTML_KIND_NAVIGATION: return "navigation";
    case HTML_KIND_PROMO: return "promo_call_to_action";
    case HTML_KIND_RELATED: return "related_link";
    case HTML_KIND_CAPTION: return "caption";
    case HTML_KIND_BYLINE: return "byline_dateline";
    case HTML_KIND_COMMENTS: return "comments";
    case HTML_KIND_FOOTER: return "footer";
    case HTML_KIND_ARTICLE:
    case HTML_KIND_HEADLINE:
    case HTML_KIND_OTHER:
    default:
      return "other";
    }
}

/* One mark per run of blocks of the same kind. */
static GArray *
page_marks (HtmlPage *page)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (HearsayHtmlMark));

  for (guint i = 0; i < page->blocks->len; i++)
    {
      const HtmlBlock *b = HTML_BLOCK (page, i);
      HearsayHtmlMark mark = { b->start, b->end, "boilerplate", kind_name (b->kind) };

      if (b->kind == HTML_KIND_ARTICLE)
        continue;
      if (b->kind == HTML_KIND_HEADLINE)
        {
          mark.label = HEARSAY_HTML_HEADLINE_LABEL;
          mark.kind = NULL;
        }
      else if (marks->len > 0 && i > 0 && HTML_BLOCK (page, i - 1)->kind == b->kind)
        {
          g_array_index (marks, HearsayHtmlMark, marks->len - 1).end = b->end;
          continue;
        }
      g_array_append_val (marks, mark);
    }
  return marks;
}

static xmlNode *
find_body (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *n = root != NULL ? root->children : NULL; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE && strcmp ((const char *) n->name, "body") == 0)
      return n;
  return root;
}

HearsayHtmlArticle *
hearsay_html_extract (const char  *utf8,
                      gsize        length,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(HearsayHtmlArticle) article = g_new0 (HearsayHtmlArticle, 1);
  HtmlPage page = { 0 };
  HtmlMeta meta;
  HtmlHints hints;

  doc = hearsay_html_read_utf8 (utf8, length, display_name);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_PARSE,
                   _("%s could not be read as HTML"), display_name);
      return NULL;
    }
  hearsay_html_meta_read (&meta, doc);
  hearsay_html_page_build (&page, find_body (doc));
  if (page.blocks->len == 0)
    {
      hearsay_html_page_clear (&page);
      hearsay_html_meta_clear (&meta);
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY,
                   _("%s has no visible text: the page shows nothing to import"), display_name);
      return NULL;
    }
  g_ptr_array_add (meta.authors, NULL);
  hints.title = meta.title;
  hints.authors = (const char * const *) meta.authors->pdata;
  hints.body = meta.body;
  hearsay_html_page_classify (&page, &hints);
  article->marks = page_marks (&page);
  article->text = g_string_free (g_steal_pointer (&page.text), FALSE);
  hearsay_html_page_clear (&page);

  article->title = g_steal_pointer (&meta.title);
  article->outlet = meta.site_name != NULL ? g_steal_pointer (&meta.site_name) : g_strdup (meta.host);
  article->published = g_steal_pointer (&meta.published);
  article->authors = (char **) g_ptr_array_free (g_steal_pointer (&meta.authors), FALSE);
  article->author = g_strdup (article->authors[0]);
  article->url = g_steal_pointer (&meta.url);
  article->language = g_steal_pointer (&meta.language);
  hearsay_html_meta_clear (&meta);
  return g_steal_pointer (&article);
}

char *
hearsay_html_article_text (const char            *text,
                           const HearsayHtmlMark *marks,
                           guint                  n_marks)
{
  GString *out = g_string_new (NULL);
  const char *p = text;
  gint64 at = 0;

  for (guint i = 0; i <= n_marks; i++)
    {
      gint64 start = i < n_marks ? marks[i].start : G_MAXINT64;
      gint64 end = i < n_marks ? marks[i].end : G_MAXINT64;

      if (start > at)
        {
          const char *stop = i < n_marks ? g_utf8_offset_to_pointer (p, start - at) : p + strlen (p);

          g_string_append_len (out, p, stop - p);
          p = stop;
          at = start;
        }
      if (i < n_marks && end > at)
        {
          p = g_utf8_offset_to_pointer (p, end - at);
          at = end;
          g_string_append (out, "\n\n");
        }
    }
  /* Tidy: no blank lines at the ends, at most one between paragraphs. */
  {
    GString *tidy = g_string_sized_new (out->len);
    guint newlines = 0;

    for (const char *q = out->str; *q; q++)
      {
        if (*q == '\n')
          {
            newlines++;
            continue;
          }
        if (tidy->len > 0 && newlines > 0)
          g_string_append (tidy, newlines > 1 ? "\n\n" : "\n");
        newlines = 0;
        g_string_append_c (tidy, *q);
      }
    g_string_free (out, TRUE);
    return g_string_free (tidy, FALSE);
  }
}
