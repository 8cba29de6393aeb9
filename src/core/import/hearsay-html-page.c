/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-html-page.c: the visible text of a parsed page, block by block in
 * reading order, with what each element's tag, role and class names suggest
 * about it. Nothing visible is dropped here: deciding what is furniture is
 * hearsay-html-score.c's job. The walk is iterative (HTML_PARSE_HUGE allows
 * any nesting depth). */
#include "config.h"

#include <string.h>

#include "hearsay-html-private.h"

typedef struct
{
  guint flags;
  HtmlKind signal;
  int weight;
} TagInfo;

enum { SKIP = 1 << 30 };  /* beside the HTML_EL_ flags */

/* Tags whose content a reader does not see, block-level tags, and the tags
 * that by themselves say what a region is. */
static const struct { const char *name; guint flags; HtmlKind signal; int weight; } tags[] = {
  { "script", SKIP }, { "style", SKIP }, { "noscript", SKIP }, { "template", SKIP },
  { "iframe", SKIP }, { "svg", SKIP }, { "math", SKIP }, { "object", SKIP }, { "embed", SKIP },
  { "canvas", SKIP }, { "video", SKIP }, { "audio", SKIP }, { "map", SKIP }, { "select", SKIP },
  { "textarea", SKIP }, { "input", SKIP }, { "head", SKIP }, { "title", SKIP }, { "meta", SKIP },
  { "link", SKIP }, { "datalist", SKIP }, { "option", SKIP }, { "picture", SKIP }, { "img", SKIP },
  { "p", HTML_EL_BLOCK }, { "div", HTML_EL_BLOCK, 0, 5 }, { "section", HTML_EL_BLOCK },
  { "article", HTML_EL_BLOCK | HTML_EL_ARTICLE_BODY, 0, 10 }, { "main", HTML_EL_BLOCK, 0, 5 },
  { "h1", HTML_EL_BLOCK | HTML_EL_HEADING | HTML_EL_H1, 0, -5 },
  { "h2", HTML_EL_BLOCK | HTML_EL_HEADING, 0, -5 }, { "h3", HTML_EL_BLOCK | HTML_EL_HEADING, 0, -5 },
  { "h4", HTML_EL_BLOCK | HTML_EL_HEADING, 0, -5 }, { "h5", HTML_EL_BLOCK | HTML_EL_HEADING, 0, -5 },
  { "h6", HTML_EL_BLOCK | HTML_EL_HEADING, 0, -5 },
  { "ul", HTML_EL_BLOCK | HTML_EL_LIST, 0, -3 }, { "ol", HTML_EL_BLOCK | HTML_EL_LIST, 0, -3 },
  { "dl", HTML_EL_BLOCK | HTML_EL_LIST, 0, -3 },
  { "li", HTML_EL_BLOCK | HTML_EL_LIST_ITEM, 0, -3 }, { "dt", HTML_EL_BLOCK | HTML_EL_LIST_ITEM, 0, -3 },
  { "dd", HTML_EL_BLOCK | HTML_EL_LIST_ITEM, 0, -3 },
  { "blockquote", HTML_EL_BLOCK, 0, 3 }, { "pre", HTML_EL_BLOCK | HTML_EL_PRE, 0, 3 },
  { "table", HTML_EL_BLOCK | HTML_EL_LIST }, { "thead", HTML_EL_BLOCK }, { "tbody", HTML_EL_BLOCK },
  { "tfoot", HTML_EL_BLOCK }, { "tr", HTML_EL_BLOCK }, { "td", HTML_EL_BLOCK, 0, 3 },
  { "th", HTML_EL_BLOCK, 0, -5 }, { "caption", HTML_EL_BLOCK }, { "hr", HTML_EL_BLOCK },
  { "center", HTML_EL_BLOCK }, { "details", HTML_EL_BLOCK }, { "summary", HTML_EL_BLOCK },
  { "fieldset", HTML_EL_BLOCK }, { "legend", HTML_EL_BLOCK }, { "form", HTML_EL_BLOCK | HTML_EL_CONTROL, 0, -3 },
  { "header", HTML_EL_BLOCK }, { "hgroup", HTML_EL_BLOCK }, { "button", HTML_EL_BLOCK | HTML_EL_CONTROL },
  { "nav", HTML_EL_BLOCK | HTML_EL_HARD, HTML_KIND_NAVIGATION, -25 },
  { "menu", HTML_EL_BLOCK | HTML_EL_HARD, HTML_KIND_NAVIGATION, -25 },
  { "footer", HTML_EL_BLOCK | HTML_EL_HARD, HTML_KIND_FOOTER, -25 },
  { "aside", HTML_EL_BLOCK | HTML_EL_HARD, HTML_KIND_OTHER, -25 },
  { "figure", HTML_EL_BLOCK | HTML_EL_HARD, HTML_KIND_CAPTION, -10 },
  { "figcaption", HTML_EL_BLOCK | HTML_EL_HARD, HTML_KIND_CAPTION, -10 },
  { "address", HTML_EL_BLOCK | HTML_EL_HARD, HTML_KIND_BYLINE, -3 },
  { "dialog", HTML_EL_BLOCK | HTML_EL_HARD, HTML_KIND_OTHER, -25 },
};

/* Words of id and class names. A word with a kind marks furniture of that
 * kind (as a hint: the scorer still weighs the text itself); the weight
 * moves the content score, never excludes. */
static const struct { const char *word; HtmlKind kind; int weight; guint flags; } words[] = {
  { "article", 0, 25 }, { "articlebody", 0, 25 }, { "body", 0, 25 }, { "content", 0, 25 },
  { "entry", 0, 25 }, { "hentry", 0, 25 }, { "main", 0, 25 }, { "post", 0, 25 }, { "text", 0, 25 },
  { "blog", 0, 25 }, { "story", 0, 25 }, { "prose", 0, 25 }, { "richtext", 0, 25 }, { "page", 0, 10 },
  { "cookie", HTML_KIND_CONSENT, -25, HTML_EL_STRONG }, { "cookies", HTML_KIND_CONSENT, -25, HTML_EL_STRONG },
  { "consent", HTML_KIND_CONSENT, -25, HTML_EL_STRONG }, { "gdpr", HTML_KIND_CONSENT, -25, HTML_EL_STRONG },
  { "cmp", HTML_KIND_CONSENT, -25, HTML_EL_STRONG }, { "didomi", HTML_KIND_CONSENT, -25, HTML_EL_STRONG },
  { "onetrust", HTML_KIND_CONSENT, -25, HTML_EL_STRONG }, { "cookiebanner", HTML_KIND_CONSENT, -25, HTML_EL_STRONG },
  { "comment", HTML_KIND_COMMENTS, -25, HTML_EL_STRONG }, { "comments", HTML_KIND_COMMENTS, -25, HTML_EL_STRONG },
  { "disqus", HTML_KIND_COMMENTS, -25, HTML_EL_STRONG }, { "respond", HTML_KIND_COMMENTS, -25, HTML_EL_STRONG },
  { "replies", HTML_KIND_COMMENTS, -25, HTML_EL_STRONG },
  { "related", HTML_KIND_RELATED, -25 }, { "recommended", HTML_KIND_RELATED, -25 },
  { "recommendations", HTML_KIND_RELATED, -25 }, { "outbrain", HTML_KIND_RELATED, -25 },
  { "taboola", HTML_KIND_RELATED, -25 }, { "popular", HTML_KIND_RELATED, -25 },
  { "mostread", HTML_KIND_RELATED, -25 }, { "trending", HTML_KIND_RELATED, -25 },
  { "readmore", HTML_KIND_RELATED, -25 }, { "recirculation", HTML_KIND_RELATED, -25 },
  { "newsletter", HTML_KIND_PROMO, -25 }, { "subscribe", HTML_KIND_PROMO, -25 },
  { "subscription", HTML_KIND_PROMO, -25 }, { "signup", HTML_KIND_PROMO, -25 },
  { "promo", HTML_KIND_PROMO, -25 }, { "promotion", HTML_KIND_PROMO, -25 }, { "share", HTML_KIND_PROMO, -25 },
  { "shares", HTML_KIND_PROMO, -25 }, { "sharing", HTML_KIND_PROMO, -25 }, { "sharebar", HTML_KIND_PROMO, -25 },
  { "social", HTML_KIND_PROMO, -25 }, { "socials", HTML_KIND_PROMO, -25 }, { "follow", HTML_KIND_PROMO, -10 },
  { "donate", HTML_KIND_PROMO, -25 }, { "paywall", HTML_KIND_PROMO, 0, HTML_EL_WEAK },
  { "nav", HTML_KIND_NAVIGATION, -25 }, { "navbar", HTML_KIND_NAVIGATION, -25 },
  { "navigation", HTML_KIND_NAVIGATION, -25 }, { "menu", HTML_KIND_NAVIGATION, -25 },
  { "breadcrumb", HTML_KIND_NAVIGATION, -25 }, { "breadcrumbs", HTML_KIND_NAVIGATION, -25 },
  { "masthead", HTML_KIND_NAVIGATION, -25, HTML_EL_WEAK }, { "topbar", HTML_KIND_NAVIGATION, -25 },
  { "header", HTML_KIND_NAVIGATION, -10, HTML_EL_WEAK }, { "pagination", HTML_KIND_NAVIGATION, -10 },
  { "pager", HTML_KIND_NAVIGATION, -10 }, { "skip", HTML_KIND_NAVIGATION, -10 },
  { "caption", HTML_KIND_CAPTION, -10 }, { "captions", HTML_KIND_CAPTION, -10 },
  { "credit", HTML_KIND_CAPTION, -10 }, { "credits", HTML_KIND_CAPTION, -10 },
  { "figcaption", HTML_KIND_CAPTION, -10 },
  { "byline", HTML_KIND_BYLINE, -25 }, { "bylines", HTML_KIND_BYLINE, -25 }, { "author", HTML_KIND_BYLINE, -25 },
  { "authors", HTML_KIND_BYLINE, -25 }, { "dateline", HTML_KIND_BYLINE, -25 },
  { "timestamp", HTML_KIND_BYLINE, -10 }, { "date", HTML_KIND_BYLINE, -10 },
  { "published", HTML_KIND_BYLINE, -10 }, { "pubdate", HTML_KIND_BYLINE, -10 }, { "meta", HTML_KIND_BYLINE, -25 },
  { "footer", HTML_KIND_FOOTER, -25 }, { "copyright", HTML_KIND_FOOTER, -25 }, { "colophon", HTML_KIND_FOOTER, -25 },
  { "footnote", HTML_KIND_OTHER, -25 }, { "ad", HTML_KIND_OTHER, -25 }, { "ads", HTML_KIND_OTHER, -25 },
  { "advert", HTML_KIND_OTHER, -25 }, { "advertisement", HTML_KIND_OTHER, -25 },
  { "sponsor", HTML_KIND_OTHER, -25 }, { "sponsored", HTML_KIND_OTHER, -25 },
  { "banner", HTML_KIND_OTHER, -25 }, { "widget", HTML_KIND_OTHER, -25 }, { "sidebar", HTML_KIND_OTHER, -25 },
  { "modal", HTML_KIND_OTHER, -25 }, { "popup", HTML_KIND_OTHER, -25 }, { "overlay", HTML_KIND_OTHER, -10 },
  { "toolbar", HTML_KIND_OTHER, -25 }, { "tools", HTML_KIND_OTHER, -10 }, { "tags", HTML_KIND_OTHER, -10 },
  { "print", HTML_KIND_OTHER, -10 }, { "skyscraper", HTML_KIND_OTHER, -25 }, { "shoutbox", HTML_KIND_OTHER, -25 },
  { "combx", HTML_KIND_OTHER, -25 },
  { "headline", 0, 0, HTML_EL_HEADLINE_HINT }, { "title", 0, 0, HTML_EL_HEADLINE_HINT },
};

static GHashTable *tag_table, *word_table;

static void
init_tables (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  tag_table = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    g_hash_table_insert (tag_table, (gpointer) tags[i].name, GUINT_TO_POINTER (i + 1));
  word_table = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_hash_table_insert (word_table, (gpointer) words[i].word, GUINT_TO_POINTER (i + 1));
  g_once_init_leave (&done, 1);
}

const char *
hearsay_html_attr (xmlNode    *node,
                   const char *name)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (g_ascii_strcasecmp ((const char *) a->name, name) == 0)
      {
        if (a->children != NULL && a->children->type == XML_TEXT_NODE && a->children->next == NULL)
          return a->children->content != NULL ? (const char *) a->children->content : "";
        return "";
      }
  return NULL;
}

/* The words of an id or class value: split at non-alphanumerics and at
 * camelCase humps, lowercased; "non-ad-column" and "no-sidebar" name
 * what is not there. */
static void
read_words (const char *value,
            TagInfo    *info)
{
  char word[48];
  gsize n = 0;
  gboolean negated = FALSE;
  gboolean positive = FALSE, negative = FALSE;

  if (value == NULL)
    return;
  for (const char *p = value;; p++)
    {
      gboolean hump = n > 0 && g_ascii_isupper (*p) && g_ascii_islower (p[-1]);

      if (g_ascii_isalnum (*p) && !hump && n + 1 < sizeof word)
        {
          word[n++] = g_ascii_tolower (*p);
          continue;
        }
      if (n > 0)
        {
          guint i;

          word[n] = '\0';
          i = GPOINTER_TO_UINT (g_hash_table_lookup (word_table, word));
          if (i > 0 && !negated)
            {
              int w = words[i - 1].weight;

              if (w > 0 && !positive)
                {
                  info->weight += w;
                  positive = TRUE;
                }
              else if (w < 0 && !negative)
                {
                  info->weight += w;
                  negative = TRUE;
                }
              if (words[i - 1].flags & HTML_EL_HEADLINE_HINT)
                info->flags |= HTML_EL_HEADLINE_HINT;
              else if (words[i - 1].kind != HTML_KIND_ARTICLE &&
                  (info->signal == HTML_KIND_ARTICLE || info->signal == HTML_KIND_OTHER ||
                   (info->flags & HTML_EL_WEAK) || (words[i - 1].flags & HTML_EL_STRONG)))
                {
                  info->signal = words[i - 1].kind;
                  info->flags = (info->flags & ~(guint) HTML_EL_WEAK) | words[i - 1].flags;
                }
            }
          negated = strcmp (word, "non") == 0 || strcmp (word, "no") == 0 || strcmp (word, "has") == 0 ||
                    strcmp (word, "with") == 0 || strcmp (word, "w") == 0;
          n = 0;
        }
      if (*p == '\0')
        break;
      if (hump)
        word[n++] = g_ascii_tolower (*p);
    }
}

/* The attributes the extractor reads, found in one pass over the list. */
typedef struct
{
  const char *id, *klass, *role, *itemprop, *style, *aria_hidden;
  gboolean hidden, open;
} Attrs;

static const char *
attr_text (xmlAttr *a)
{
  if (a->children != NULL && a->children->type == XML_TEXT_NODE && a->children->next == NULL)
    return a->children->content != NULL ? (const char *) a->children->content : "";
  return "";
}

static void
read_attrs (xmlNode *node,
            Attrs   *attrs)
{
  *attrs = (Attrs) { 0 };
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      const char *name = (const char *) a->name;

      if (strcmp (name, "id") == 0)
        attrs->id = attr_text (a);
      else if (strcmp (name, "class") == 0)
        attrs->klass = attr_text (a);
      else if (strcmp (name, "role") == 0)
        attrs->role = attr_text (a);
      else if (strcmp (name, "itemprop") == 0)
        attrs->itemprop = attr_text (a);
      else if (strcmp (name, "style") == 0)
        attrs->style = attr_text (a);
      else if (strcmp (name, "aria-hidden") == 0)
        attrs->aria_hidden = attr_text (a);
      else if (strcmp (name, "hidden") == 0)
        attrs->hidden = TRUE;
      else if (strcmp (name, "open") == 0)
        attrs->open = TRUE;
    }
}

static gboolean
is_hidden (const Attrs *a)
{
  const char *style = a->style;

  if (a->hidden || (a->aria_hidden != NULL && g_ascii_strcasecmp (a->aria_hidden, "true") == 0))
    return TRUE;
  return style != NULL && (strstr (style, "display:none") || strstr (style, "display: none") ||
                           strstr (style, "visibility:hidden") || strstr (style, "visibility: hidden"));
}

static void
element_info (xmlNode *node,
              TagInfo *info)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (tag_table, node->name));
  const char *role, *itemprop;
  Attrs attrs;

  *info = (TagInfo) { 0 };
  if (i > 0)
    *info = (TagInfo) { tags[i - 1].flags, tags[i - 1].signal, tags[i - 1].weight };
  if (info->flags & SKIP)
    return;
  if (node->properties == NULL)
    {
      if (strcmp ((const char *) node->name, "dialog") == 0)
        info->flags |= SKIP;
      return;
    }
  read_attrs (node, &attrs);
  if (is_hidden (&attrs) || (strcmp ((const char *) node->name, "dialog") == 0 && !attrs.open))
    {
      info->flags |= SKIP;
      return;
    }
  read_words (attrs.klass, info);
  {
    HtmlKind before = info->signal;

    read_words (attrs.id, info);
    if (info->signal != before)
      info->flags |= HTML_EL_ID_SIGNAL;
  }
  role = attrs.role;
  if (role != NULL)
    {
      if (g_ascii_strcasecmp (role, "navigation") == 0 || g_ascii_strcasecmp (role, "menubar") == 0 ||
          g_ascii_strcasecmp (role, "menu") == 0 || g_ascii_strcasecmp (role, "banner") == 0 ||
          g_ascii_strcasecmp (role, "search") == 0)
        info->signal = HTML_KIND_NAVIGATION, info->flags |= HTML_EL_HARD;
      else if (g_ascii_strcasecmp (role, "contentinfo") == 0)
        info->signal = HTML_KIND_FOOTER, info->flags |= HTML_EL_HARD;
      else if (g_ascii_strcasecmp (role, "complementary") == 0)
        info->signal = HTML_KIND_OTHER, info->flags |= HTML_EL_HARD;
      else if (g_ascii_strcasecmp (role, "main") == 0 || g_ascii_strcasecmp (role, "article") == 0)
        info->weight += 10;
    }
  itemprop = attrs.itemprop;
  if (itemprop != NULL)
    {
      if (g_ascii_strcasecmp (itemprop, "articleBody") == 0 || g_ascii_strcasecmp (itemprop, "text") == 0)
        {
          info->flags |= HTML_EL_ARTICLE_BODY;
          info->weight += 50;
          info->signal = HTML_KIND_ARTICLE;
          info->flags &= ~(guint) (HTML_EL_HARD | HTML_EL_STRONG);
        }
      else if (g_ascii_strcasecmp (itemprop, "author") == 0 || g_ascii_strcasecmp (itemprop, "datePublished") == 0 ||
               g_ascii_strcasecmp (itemprop, "dateModified") == 0)
        info->signal = HTML_KIND_BYLINE;
      else if (g_ascii_strcasecmp (itemprop, "headline") == 0)
        info->flags |= HTML_EL_HEADLINE_HINT;
    }
}

/* Building. */

typedef struct
{
  HtmlPage *page;
  GString *para;
  gboolean space;        /* whitespace seen since the last character of para */
  int container;         /* of the open block, -1 when para is empty */
  int owner;
  glong chars, link_chars, out_link_chars;
  guint commas;
} Builder;


static glong
count_code_points (const char *s,
                   const char *e)
{
  glong n = 0;

  for (; s < e; s++)
    n += ((guchar) *s & 0xC0) != 0x80;
  return n;
}

static void
flush (Builder *b)
{
  HtmlPage *page = b->page;
  const char *s = b->para->str;
  const char *e = s + b->para->len;

  while (e > s && (e[-1] == ' ' || e[-1] == '\n'))
    e--;
  while (s < e && (*s == ' ' || *s == '\n'))
    s++;
  if (e > s && b->container >= 0)
    {
      HtmlBlock block = { 0 };

      if (page->text->len > 0)
        {
          g_string_append (page->text, "\n\n");
          page->n_chars += 2;
        }
      block.byte_start = page->text->len;
      block.start = page->n_chars;
      g_string_append_len (page->text, s, e - s);
      page->n_chars += count_code_points (s, e);
      block.byte_end = page->text->len;
      block.end = page->n_chars;
      block.container = b->container;
      block.owner = b->owner;
      block.chars = b->chars;
      block.link_chars = b->link_chars;
      block.out_link_chars = b->out_link_chars;
      block.commas = b->commas;
      g_array_append_val (page->blocks, block);
    }
  g_string_truncate (b->para, 0);
  b->space = FALSE;
  b->container = b->owner = -1;
  b->chars = b->link_chars = b->out_link_chars = 0;
  b->commas = 0;
}

/* Counts the characters of a text node that is being appended. */
static void
count (Builder    *b,
       const char *s,
       guint       flags)
{
  glong chars = 0;

  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      if ((*p & 0xC0) == 0x80 || *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f')
        continue;
      chars++;
      if (*p == ',')
        b->commas++;
      /* ، (U+060C) ， (U+FF0C) 、 (U+3001) */
      else if ((p[0] == 0xD8 && p[1] == 0x8C) || (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) ||
               (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81))
        b->commas++;
    }
  b->chars += chars;
  if (flags & HTML_EL_IN_LINK)
    b->link_chars += chars;
  if (flags & HTML_EL_IN_OUT_LINK)
    b->out_link_chars += chars;
}

static gboolean
has_visible (const char *s)
{
  for (; *s; s++)
    if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r' && *s != '\f')
      return TRUE;
  return FALSE;
}

static void
write_text (Builder *b,
            xmlNode *node,
            int      parent)
{
  const char *s = (const char *) node->content;
  HtmlPage *page = b->page;
  HtmlElement *e;

  if (s == NULL || parent < 0)
    return;
  e = HTML_ELEMENT (page, parent);
  if (has_visible (s))
    {
      if (b->container < 0)
        {
          int owner = parent;

          while (owner >= 0 && !(HTML_ELEMENT (page, owner)->flags & HTML_EL_BLOCK))
            owner = HTML_ELEMENT (page, owner)->parent;
          b->container = parent;
          b->owner = owner >= 0 ? owner : parent;
        }
      else
        /* The deepest element still open above the block's earlier text holds both. */
        while (b->container >= 0 && !(HTML_ELEMENT (page, b->container)->flags & HTML_EL_OPEN))
          b->container = HTML_ELEMENT (page, b->container)->parent;
      count (b, s, e->flags);
    }
  if (e->flags & HTML_EL_PRE)
    {
      g_string_append (b->para, s);
      return;
    }
  /* Runs of non-space bytes are copied whole; a run of whitespace becomes one space. */
  for (const char *p = s; *p;)
    {
      const char *q = p;

      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
        {
          b->space = TRUE;
          p++;
          continue;
        }
      while (*q && *q != ' ' && *q != '\t' && *q != '\n' && *q != '\r' && *q != '\f')
        q++;
      if (b->space && b->para->len > 0 && b->para->str[b->para->len - 1] != '\n')
        g_string_append_c (b->para, ' ');
      b->space = FALSE;
      g_string_append_len (b->para, p, q - p);
      p = q;
    }
}

static gboolean
enter_element (Builder *b,
               xmlNode *node,
               int     *current)
{
  HtmlPage *page = b->page;
  HtmlElement e = { 0 };
  TagInfo info;

  if (node->name[0] == 'b' && node->name[1] == 'r' && node->name[2] == '\0')
    {
      /* Two line breaks in a row end a paragraph (pages made of <br>s). */
      gsize len = b->para->len;

      while (len > 0 && b->para->str[len - 1] == ' ')
        len--;
      if (len > 0 && b->para->str[len - 1] == '\n')
        {
          g_string_truncate (b->para, len - 1);
          flush (b);
        }
      else if (b->para->len > 0)
        g_string_append_c (b->para, '\n');
      b->space = FALSE;
      return FALSE;
    }
  element_info (node, &info);
  if (info.flags & SKIP)
    return FALSE;
  e.node = node;
  e.parent = *current;
  e.flags = info.flags | HTML_EL_OPEN;
  e.signal = info.signal;
  e.weight = info.weight;
  if (*current >= 0)
    {
      HtmlElement *parent = HTML_ELEMENT (page, *current);

      e.flags |= parent->flags & (HTML_EL_IN_LINK | HTML_EL_IN_OUT_LINK | HTML_EL_PRE);
      if (e.flags & HTML_EL_BLOCK)
        parent->flags |= HTML_EL_HAS_BLOCKS;
    }
  if (node->name[0] == 'a' && node->name[1] == '\0')
    {
      const char *href = hearsay_html_attr (node, "href");

      /* A javascript: "link" is text that a script made clickable. */
      if (href != NULL && g_ascii_strncasecmp (href, "javascript:", 11) != 0)
        e.flags |= HTML_EL_IN_LINK;
      if (href != NULL && href[0] != '#' && g_ascii_strncasecmp (href, "javascript:", 11) != 0)
        e.flags |= HTML_EL_IN_OUT_LINK;
    }
  if (e.flags & HTML_EL_BLOCK)
    flush (b);
  node->_private = GINT_TO_POINTER (page->elements->len + 1);
  *current = page->elements->len;
  g_array_append_val (page->elements, e);
  return TRUE;
}

static void
leave_element (Builder *b,
               xmlNode *node,
               int     *current)
{
  int i = GPOINTER_TO_INT (node->_private) - 1;
  HtmlElement *e;

  if (i < 0)
    return;
  e = HTML_ELEMENT (b->page, i);
  if (e->flags & HTML_EL_BLOCK)
    flush (b);
  e->flags &= ~(guint) HTML_EL_OPEN;
  *current = e->parent;
}

static gboolean
is_prose (const HtmlBlock *block)
{
  return block->chars >= 80 && block->link_chars * 3 < block->chars;
}

void
hearsay_html_page_build (HtmlPage *page,
                         xmlNode  *root)
{
  Builder b = { page, g_string_new (NULL), FALSE, -1, -1, 0, 0, 0, 0 };
  xmlNode *n = root;
  int current = -1;

  init_tables ();
  page->elements = g_array_new (FALSE, FALSE, sizeof (HtmlElement));
  page->blocks = g_array_new (FALSE, FALSE, sizeof (HtmlBlock));
  page->text = g_string_new (NULL);
  page->n_chars = 0;
  while (n != NULL)
    {
      gboolean descend = FALSE;

      if (n->type == XML_ELEMENT_NODE)
        descend = enter_element (&b, n, &current);
      else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        write_text (&b, n, current);
      if (descend && n->children != NULL)
        {
          n = n->children;
          continue;
        }
      if (descend)
        leave_element (&b, n, &current);
      while (n != root && n->next == NULL)
        {
          n = n->parent;
          leave_element (&b, n, &current);
        }
      if (n == root)
        break;
      n = n->next;
    }
  flush (&b);
  g_string_free (b.para, TRUE);

  for (guint i = 0; i < page->elements->len; i++)
    {
      HTML_ELEMENT (page, i)->subtree = 1;
      HTML_ELEMENT (page, i)->last_block = -1;
    }
  for (guint i = 0; i < page->blocks->len; i++)
    {
      HtmlBlock *block = HTML_BLOCK (page, i);
      HtmlElement *e = HTML_ELEMENT (page, block->container);

      e->chars += block->chars;
      e->link_chars += block->link_chars;
      e->commas += block->commas;
      e->n_blocks++;
      e->last_block = i;
      if (HTML_ELEMENT (page, block->owner)->flags & HTML_EL_LIST_ITEM)
        e->list_blocks++;
      if (is_prose (block))
        e->prose_chars += block->chars;
      if ((HTML_ELEMENT (page, block->owner)->flags & HTML_EL_HEADING) && block->out_link_chars * 2 > block->chars)
        e->link_headings++;
    }
  for (guint i = page->elements->len; i-- > 1;)
    {
      HtmlElement *e = HTML_ELEMENT (page, i);
      HtmlElement *p;

      if (e->parent < 0)
        continue;
      p = HTML_ELEMENT (page, e->parent);
      p->chars += e->chars;
      p->link_chars += e->link_chars;
      p->prose_chars += e->prose_chars;
      p->commas += e->commas;
      p->n_blocks += e->n_blocks;
      p->link_headings += e->link_headings;
      p->list_blocks += e->list_blocks;
      p->last_block = MAX (p->last_block, e->last_block);
      p->subtree += e->subtree;
    }
}

void
hearsay_html_page_clear (HtmlPage *page)
{
  g_clear_pointer (&page->elements, g_array_unref);
  g_clear_pointer (&page->blocks, g_array_unref);
  if (page->text != NULL)
    g_string_free (page->text, TRUE);
  page->text = NULL;
}

gboolean
hearsay_html_page_inside (HtmlPage *page,
                          int       element,
                          int       ancestor)
{
  return element >= ancestor && (guint) element < ancestor + HTML_ELEMENT (page, ancestor)->subtree;
}

char *
hearsay_html_collapse (const char *s)
{
  GString *out = g_string_sized_new (strlen (s));
  gboolean space = FALSE;

  for (const char *p = s; *p; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* All text under @root, scripts' included (JSON-LD is read from there). */
void
hearsay_html_append_text (GString *out,
                          xmlNode *root)
{
  for (xmlNode *n = root->children; n != NULL && n != root;)
    {
      if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != NULL)
        g_string_append (out, (const char *) n->content);
      if (n->type == XML_ELEMENT_NODE && n->children != NULL)
        {
          n = n->children;
          continue;
        }
      while (n != root && n->next == NULL)
        n = n->parent;
      if (n == root)
        break;
      n = n->next;
    }
}
