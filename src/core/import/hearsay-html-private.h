/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-html-private.h: the page model that the HTML extractor's files share. */
#pragma once

#include <libxml/HTMLtree.h>

#include "hearsay-html.h"

G_BEGIN_DECLS

/* What a block of the page is. ARTICLE is what is left unmarked. */
typedef enum
{
  HTML_KIND_ARTICLE,
  HTML_KIND_HEADLINE,
  HTML_KIND_CONSENT,
  HTML_KIND_NAVIGATION,
  HTML_KIND_PROMO,
  HTML_KIND_RELATED,
  HTML_KIND_CAPTION,
  HTML_KIND_BYLINE,
  HTML_KIND_COMMENTS,
  HTML_KIND_FOOTER,
  HTML_KIND_OTHER,
} HtmlKind;

/* Element flags. */
enum
{
  HTML_EL_BLOCK = 1 << 0,        /* starts and ends a block of text */
  HTML_EL_HEADING = 1 << 1,      /* h1–h6 */
  HTML_EL_IN_LINK = 1 << 2,      /* inside <a href> */
  HTML_EL_PRE = 1 << 3,          /* inside <pre>: whitespace kept */
  HTML_EL_HARD = 1 << 4,         /* its tag or role says furniture (nav, footer, figure…) */
  HTML_EL_HAS_BLOCKS = 1 << 5,   /* holds block-level children */
  HTML_EL_LIST_ITEM = 1 << 6,    /* li, dt, dd */
  HTML_EL_ARTICLE_BODY = 1 << 7, /* itemprop=articleBody, or <article> */
  HTML_EL_H1 = 1 << 8,
  HTML_EL_HEADLINE_HINT = 1 << 9, /* itemprop=headline, or a heading class "headline"/"title" */
  HTML_EL_STRONG = 1 << 10,      /* its signal holds whatever its text (comments, consent) */
  HTML_EL_OPEN = 1 << 11,        /* while walking: entered, not yet left */
  HTML_EL_WEAK = 1 << 12,        /* its signal counts outside the article only ("header") */
  HTML_EL_LIST = 1 << 13,        /* ul, ol, dl, table: where link lists live */
  HTML_EL_CONTROL = 1 << 14,     /* form, button */
  HTML_EL_IN_OUT_LINK = 1 << 15, /* inside a link to another page (not "#…") */
  HTML_EL_ID_SIGNAL = 1 << 16,   /* its signal comes from its id (often made from a heading's words) */
};

typedef struct
{
  xmlNode *node;
  int parent;          /* index, -1 for the root of the walk */
  guint subtree;       /* number of elements in its subtree, itself included */
  guint flags;
  HtmlKind signal;     /* what its tag, role or class names suggest; ARTICLE when nothing */
  int weight;          /* class and id names: + article-like, − furniture-like */
  /* Its visible text (code points that are not spaces), with what sits in links. */
  glong chars;
  glong link_chars;
  glong prose_chars;   /* in blocks that read as sentences */
  guint commas;
  guint n_blocks;
  guint link_headings; /* headings that are links (teasers of other pages) */
  int last_block;      /* the last block inside it, -1 when none */
  guint list_blocks;   /* blocks in list items */
  double score;
  double points;       /* what paragraphs gave it, without the weight */
  gboolean scored;
} HtmlElement;

typedef struct
{
  gsize byte_start;    /* in HtmlPage.text */
  gsize byte_end;
  gint64 start;        /* code points */
  gint64 end;
  int container;       /* innermost element holding all its text */
  int owner;           /* innermost block-level element holding it */
  glong chars;
  glong link_chars;
  glong out_link_chars;  /* in links to other pages */
  guint commas;
  HtmlKind kind;
} HtmlBlock;

typedef struct
{
  GArray *elements;    /* HtmlElement, in document (pre-)order */
  GArray *blocks;      /* HtmlBlock, in document order */
  GString *text;       /* the blocks, separated by blank lines */
  gint64 n_chars;      /* code points of text */
} HtmlPage;

typedef struct
{
  const char *title;       /* the headline as the metadata gives it (may be NULL) */
  const char * const *authors;
  const char *body;        /* JSON-LD articleBody (may be NULL) */
} HtmlHints;

#define HTML_ELEMENT(page, i) (&g_array_index ((page)->elements, HtmlElement, (i)))
#define HTML_BLOCK(page, i) (&g_array_index ((page)->blocks, HtmlBlock, (i)))

/* hearsay-html-page.c */
void         hearsay_html_page_build     (HtmlPage      *page,
                                          xmlNode       *root);
void         hearsay_html_page_clear     (HtmlPage      *page);
gboolean     hearsay_html_page_inside    (HtmlPage      *page,
                                          int            element,
                                          int            ancestor);
const char  *hearsay_html_attr           (xmlNode       *node,
                                          const char    *name);
char        *hearsay_html_collapse       (const char    *s);
void         hearsay_html_append_text    (GString       *out,
                                          xmlNode       *root);

/* hearsay-html-score.c */
void         hearsay_html_page_classify  (HtmlPage      *page,
                                          const HtmlHints *hints);

/* hearsay-html-meta.c */
typedef struct
{
  char *title;
  char *site_name;
  char *published;     /* ISO 8601 */
  GPtrArray *authors;  /* char * */
  char *url;
  char *language;
  char *body;          /* JSON-LD articleBody */
  char *host;
} HtmlMeta;

void         hearsay_html_meta_read      (HtmlMeta      *meta,
                                          xmlDoc        *doc);
void         hearsay_html_meta_clear     (HtmlMeta      *meta);
char        *hearsay_html_normalize_date (const char    *value);
char        *hearsay_html_strip_site     (const char    *title,
                                          const char    *site,
                                          const char    *host);

G_END_DECLS
