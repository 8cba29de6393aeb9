/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-html.c: the article of a page, not the page. Furniture (scripts,
 * navigation, asides, forms, consent banners, share and related blocks) is
 * left out; the container whose paragraphs carry the most text with the
 * fewest links wins (after Readability's scoring); its headings and
 * paragraphs become the text, separated by blank lines. Every walk over the
 * tree is iterative: HTML_PARSE_HUGE allows any nesting depth. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-error.h"
#include "hearsay-html.h"
#include "hearsay-html-parse.h"
#include "hearsay-xml-safety.h"

#define MIN_PARAGRAPH_CHARS 25

void
hearsay_html_article_free (HearsayHtmlArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->text);
  g_free (article->title);
  g_free (article->outlet);
  g_free (article->published);
  g_free (article->author);
  g_free (article->url);
  g_free (article->language);
  g_free (article);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (xmlNode            *node,
         const char * const *names)
{
  for (guint i = 0; names[i]; i++)
    if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* Pre-order successor of @node within @root; @descend = FALSE skips its children. */
static xmlNode *
next_node (xmlNode  *node,
           xmlNode  *root,
           gboolean  descend)
{
  if (descend && node->children != NULL && node->type == XML_ELEMENT_NODE)
    return node->children;
  while (node != root && node != NULL)
    {
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }
  return NULL;
}

static const char * const never_text[] = {
  "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed",
  "canvas", "video", "audio", "map", "select", "textarea", "input", "button", "head",
  "form", "nav", "aside", "footer", "dialog", "menu", NULL
};

/* id/class tokens of furniture (whole tokens: "commentary" is not "comment"). */
static const char * const furniture_tokens[] = {
  "cookie", "cookies", "consent", "gdpr", "cmp", "newsletter", "share", "shares", "sharing",
  "social", "socials", "related", "comment", "comments", "promo", "promotion", "advert",
  "advertisement", "ads", "ad", "sidebar", "breadcrumb", "breadcrumbs", "popup", "modal",
  "subscribe", "subscription", "paywall", "outbrain", "taboola", "recommended",
  "recommendations", "nav", "navbar", "navigation", "menu", "footer", NULL
};

static gboolean
has_token (const char         *value,
           const char * const *tokens)
{
  g_autofree char *lower = NULL;
  g_auto(GStrv) parts = NULL;

  if (value == NULL)
    return FALSE;
  lower = g_ascii_strdown (value, -1);
  for (char *p = lower; *p; p++)
    if (!g_ascii_isalnum (*p))
      *p = ' ';
  parts = g_strsplit (lower, " ", -1);
  for (guint i = 0; parts[i]; i++)
    if (*parts[i] != '\0' && g_strv_contains (tokens, parts[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_furniture (xmlNode *node)
{
  g_autofree char *id = NULL, *klass = NULL, *role = NULL, *hidden = NULL;

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (name_in (node, never_text))
    return TRUE;
  /* body and html carry site-wide classes ("page-with-sidebar"). */
  if (is_element (node, "body") || is_element (node, "html") || is_element (node, "main") ||
      is_element (node, "article"))
    return FALSE;
  id = get_attr (node, "id");
  klass = get_attr (node, "class");
  role = get_attr (node, "role");
  hidden = get_attr (node, "hidden");
  if (hidden != NULL)
    return TRUE;
  if (role != NULL && (g_ascii_strcasecmp (role, "navigation") == 0 || g_ascii_strcasecmp (role, "complementary") == 0 ||
                       g_ascii_strcasecmp (role, "contentinfo") == 0 || g_ascii_strcasecmp (role, "dialog") == 0 ||
                       g_ascii_strcasecmp (role, "alertdialog") == 0))
    return TRUE;
  return has_token (id, furniture_tokens) || has_token (klass, furniture_tokens);
}

/* Text of @node, not of the furniture in it. */
static void
append_text (GString *out,
             xmlNode *root,
             gsize   *link_chars)
{
  for (xmlNode *n = root->children; n != NULL && n != root; )
    {
      gboolean descend = TRUE;

      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        {
          gsize before = out->len;

          g_string_append (out, (const char *) n->content);
          if (link_chars != NULL)
            for (xmlNode *a = n->parent; a != NULL && a != root->parent; a = a->parent)
              if (is_element (a, "a"))
                {
                  *link_chars += out->len - before;
                  break;
                }
        }
      else if (n->type == XML_ELEMENT_NODE && is_furniture (n))
        descend = FALSE;
      n = next_node (n, root, descend);
    }
}

static char *
collapse_spaces (const char *s)
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

static char *
node_text (xmlNode *node)
{
  g_autoptr(GString) raw = g_string_new (NULL);

  append_text (raw, node, NULL);
  return collapse_spaces (raw->str);
}

/* Scoring. */

static const char * const positive_tokens[] = {
  "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story", "articlebody", NULL
};
static const char * const negative_tokens[] = {
  "comment", "meta", "footnote", "related", "share", "sidebar", "widget", "promo", "byline", "caption", NULL
};

static double
initial_score (xmlNode *node)
{
  g_autofree char *id = get_attr (node, "id");
  g_autofree char *klass = get_attr (node, "class");
  g_autofree char *itemprop = get_attr (node, "itemprop");
  double score = 0;

  if (is_element (node, "article") || is_element (node, "main"))
    score += 25;
  else if (is_element (node, "div"))
    score += 5;
  else if (is_element (node, "pre") || is_element (node, "td") || is_element (node, "blockquote"))
    score += 3;
  else if (is_element (node, "ol") || is_element (node, "ul") || is_element (node, "li") || is_element (node, "dl"))
    score -= 3;
  if (has_token (id, positive_tokens) || has_token (klass, positive_tokens) ||
      (itemprop != NULL && g_ascii_strcasecmp (itemprop, "articleBody") == 0))
    score += 25;
  if (has_token (id, negative_tokens) || has_token (klass, negative_tokens))
    score -= 25;
  return score;
}

static double
link_density (xmlNode *node)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gsize links = 0;

  append_text (text, node, &links);
  return text->len > 0 ? (double) links / text->len : 0;
}

static void
add_score (GHashTable *scores,
           xmlNode    *node,
           double      value)
{
  double *score = g_hash_table_lookup (scores, node);

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return;
  if (score == NULL)
    {
      score = g_new (double, 1);
      *score = initial_score (node);
      g_hash_table_insert (scores, node, score);
    }
  *score += value;
}

static xmlNode *
find_body (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *n = root; n != NULL; n = next_node (n, root, TRUE))
    if (is_element (n, "body"))
      return n;
  return root;
}

/* Characters (code points, not counting whitespace) and commas of the text
 * of @root outside furniture: what node_text() would hold, without
 * building it. */
static glong
count_text (xmlNode *root,
            guint   *commas)
{
  glong chars = 0;

  for (xmlNode *n = root->children; n != NULL && n != root; )
    {
      gboolean descend = TRUE;

      if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != NULL)
        {
          for (const guchar *p = n->content; *p; p++)
            if ((*p & 0xC0) != 0x80 && *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
              {
                chars++;
                if (*p == ',')
                  (*commas)++;
              }
        }
      else if (n->type == XML_ELEMENT_NODE && is_furniture (n))
        descend = FALSE;
      n = next_node (n, root, descend);
    }
  return chars;
}

static xmlNode *
best_container (xmlNode *body)
{
  g_autoptr(GHashTable) scores = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GHashTableIter iter;
  gpointer key, value;
  xmlNode *best = NULL;
  double best_score = 0;

  for (xmlNode *n = body; n != NULL; )
    {
      gboolean descend = TRUE;

      if (n != body && is_furniture (n))
        descend = FALSE;
      else if (is_element (n, "p") || is_element (n, "pre") || is_element (n, "blockquote"))
        {
          guint commas = 0;
          glong chars = count_text (n, &commas);

          if (chars >= MIN_PARAGRAPH_CHARS)
            {
              double s = 1 + commas;

              s += MIN (chars / 100, 3);
              add_score (scores, n->parent, s);
              if (n->parent != NULL)
                add_score (scores, n->parent->parent, s / 2);
            }
          descend = FALSE;
        }
      n = next_node (n, body, descend);
    }
  g_hash_table_iter_init (&iter, scores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double s = *(double *) value;

      if (s <= best_score)
        continue;
      s *= 1 - link_density (key);
      if (s > best_score)
        {
          best_score = s;
          best = key;
        }
    }
  return best != NULL ? best : body;
}

/* Output. */

static const char * const block_elements[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre",
  "section", "article", "header", "figure", "figcaption", "table", "tr", "td", "th", "dl",
  "dt", "dd", "address", "main", "hr", "center", "details", "summary", NULL
};

typedef struct
{
  GString *out;
  GString *para;
  gboolean space;   /* whitespace seen since the last character of @para */
} Writer;

static void
flush (Writer *w)
{
  const char *s = w->para->str;
  const char *e = s + w->para->len;

  while (e > s && (e[-1] == ' ' || e[-1] == '\n'))
    e--;
  while (s < e && (*s == ' ' || *s == '\n'))
    s++;
  if (e > s)
    {
      if (w->out->len > 0)
        g_string_append (w->out, "\n\n");
      g_string_append_len (w->out, s, e - s);
    }
  g_string_truncate (w->para, 0);
  w->space = FALSE;
}

static gboolean
in_pre (xmlNode *node)
{
  for (xmlNode *a = node->parent; a != NULL; a = a->parent)
    if (is_element (a, "pre"))
      return TRUE;
  return FALSE;
}

static void
write_text (Writer  *w,
            xmlNode *node)
{
  const char *s = (const char *) node->content;

  if (s == NULL)
    return;
  if (in_pre (node))
    {
      g_string_append (w->para, s);
      return;
    }
  for (const char *p = s; *p; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
        w->space = TRUE;
      else
        {
          if (w->space && w->para->len > 0 && w->para->str[w->para->len - 1] != '\n')
            g_string_append_c (w->para, ' ');
          w->space = FALSE;
          g_string_append_c (w->para, *p);
        }
    }
}

static char *
write_container (xmlNode *container)
{
  Writer w = { g_string_new (NULL), g_string_new (NULL), FALSE };
  xmlNode *n = container->children;

  while (n != NULL)
    {
      gboolean descend = TRUE;

      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        write_text (&w, n);
      else if (n->type != XML_ELEMENT_NODE || (is_furniture (n) && !is_element (n, "header")))
        descend = FALSE;
      else if (is_element (n, "br"))
        {
          g_string_append_c (w.para, '\n');
          w.space = FALSE;
        }
      else if (name_in (n, block_elements))
        flush (&w);

      if (descend && n->children != NULL && n->type == XML_ELEMENT_NODE)
        {
          n = n->children;
          continue;
        }
      /* Leaving @n and the ancestors it closes. */
      while (n != NULL && n->next == NULL)
        {
          n = n->parent;
          if (n == container || n == NULL)
            n = NULL;
          else if (name_in (n, block_elements))
            flush (&w);
        }
      if (n != NULL)
        {
          if (n->type == XML_ELEMENT_NODE && name_in (n, block_elements))
            flush (&w);
          n = n->next;
        }
    }
  flush (&w);
  g_string_free (w.para, TRUE);
  return g_string_free (w.out, FALSE);
}

/* Metadata. */

typedef struct
{
  char *og_title, *h1, *title, *site_name, *published, *time_datetime, *ld_published;
  char *author, *ld_author, *canonical, *og_url, *lang, *ld_publisher, *og_locale;
} Meta;

static void
meta_clear (Meta *m)
{
  char **fields[] = { &m->og_title, &m->h1, &m->title, &m->site_name, &m->published, &m->time_datetime,
                      &m->ld_published, &m->author, &m->ld_author, &m->canonical, &m->og_url, &m->lang,
                      &m->ld_publisher, &m->og_locale };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_clear_pointer (fields[i], g_free);
}

static void
set_once (char       **field,
          const char  *value)
{
  g_autofree char *clean = NULL;

  if (*field != NULL || value == NULL)
    return;
  clean = collapse_spaces (value);
  if (*clean != '\0')
    *field = g_steal_pointer (&clean);
}

static const char *
json_string (JsonObject *o,
             const char *member)
{
  JsonNode *n = json_object_get_member (o, member);

  return n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
           ? json_node_get_string (n) : NULL;
}

static void
json_ld_author (Meta     *m,
                JsonNode *node)
{
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    set_once (&m->ld_author, json_node_get_string (node));
  else if (JSON_NODE_HOLDS_OBJECT (node))
    set_once (&m->ld_author, json_string (json_node_get_object (node), "name"));
  else if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    json_ld_author (m, json_array_get_element (json_node_get_array (node), 0));
}

static void
json_ld_object (Meta     *m,
                JsonNode *node)
{
  JsonObject *o;
  JsonNode *graph, *publisher;

  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        json_ld_object (m, json_array_get_element (a, i));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  o = json_node_get_object (node);
  graph = json_object_get_member (o, "@graph");
  if (graph != NULL)
    json_ld_object (m, graph);
  if (json_string (o, "datePublished") == NULL)
    return;
  set_once (&m->ld_published, json_string (o, "datePublished"));
  json_ld_author (m, json_object_get_member (o, "author"));
  publisher = json_object_get_member (o, "publisher");
  if (publisher != NULL && JSON_NODE_HOLDS_OBJECT (publisher))
    set_once (&m->ld_publisher, json_string (json_node_get_object (publisher), "name"));
}

static void
read_meta_tag (Meta    *m,
               xmlNode *n)
{
  g_autofree char *property = get_attr (n, "property");
  g_autofree char *name = get_attr (n, "name");
  g_autofree char *equiv = get_attr (n, "http-equiv");
  g_autofree char *content = get_attr (n, "content");
  const char *key = property != NULL ? property : name;

  if (content == NULL)
    return;
  if (equiv != NULL && g_ascii_strcasecmp (equiv, "content-language") == 0)
    set_once (&m->og_locale, content);
  if (key == NULL)
    return;
  if (g_ascii_strcasecmp (key, "og:title") == 0)
    set_once (&m->og_title, content);
  else if (g_ascii_strcasecmp (key, "og:site_name") == 0)
    set_once (&m->site_name, content);
  else if (g_ascii_strcasecmp (key, "article:published_time") == 0)
    set_once (&m->published, content);
  else if (g_ascii_strcasecmp (key, "author") == 0 || g_ascii_strcasecmp (key, "article:author") == 0)
    set_once (&m->author, content);
  else if (g_ascii_strcasecmp (key, "og:url") == 0)
    set_once (&m->og_url, content);
  else if (g_ascii_strcasecmp (key, "og:locale") == 0)
    set_once (&m->og_locale, content);
}

/* Whether an ancestor of @node is furniture (a header holds the headline). */
static gboolean
inside_furniture (xmlNode *node)
{
  for (xmlNode *a = node->parent; a != NULL && a->type == XML_ELEMENT_NODE; a = a->parent)
    if (is_furniture (a) && !is_element (a, "header"))
      return TRUE;
  return FALSE;
}

static void
read_metadata (Meta   *m,
               xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL)
    return;
  m->lang = get_attr (root, "lang");
  for (xmlNode *n = root; n != NULL; )
    {
      gboolean descend = TRUE;

      if (n->type != XML_ELEMENT_NODE)
        descend = FALSE;
      else if (is_element (n, "meta"))
        read_meta_tag (m, n);
      else if (is_element (n, "title") && m->title == NULL)
        {
          m->title = node_text (n);
          descend = FALSE;
        }
      else if (is_element (n, "h1") && m->h1 == NULL && !inside_furniture (n))
        {
          m->h1 = node_text (n);
          descend = FALSE;
        }
      else if (is_element (n, "link"))
        {
          g_autofree char *rel = get_attr (n, "rel");

          if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0)
            {
              g_autofree char *href = get_attr (n, "href");

              set_once (&m->canonical, href);
            }
        }
      else if (is_element (n, "time") && m->time_datetime == NULL)
        m->time_datetime = get_attr (n, "datetime");
      else if (is_element (n, "script"))
        {
          g_autofree char *type = get_attr (n, "type");

          if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
            {
              g_autoptr(JsonParser) parser = json_parser_new_immutable ();
              g_autoptr(GString) raw = g_string_new (NULL);

              append_text (raw, n, NULL);
              if (json_parser_load_from_data (parser, raw->str, raw->len, NULL))
                json_ld_object (m, json_parser_get_root (parser));
            }
          descend = FALSE;
        }
      n = next_node (n, root, descend);
    }
}

/* Whether @title is one of the paragraphs of @text. */
static gboolean
has_paragraph (const char *text,
               const char *title)
{
  gsize n = strlen (title);

  for (const char *p = text; (p = strstr (p, title)) != NULL; p++)
    if ((p == text || p[-1] == '\n') && (p[n] == '\0' || p[n] == '\n'))
      return TRUE;
  return FALSE;
}

HearsayHtmlArticle *
hearsay_html_extract (const char  *utf8,
                      gsize        length,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(HearsayHtmlArticle) article = g_new0 (HearsayHtmlArticle, 1);
  g_autofree char *body_text = NULL;
  Meta m = { 0 };
  xmlNode *body;
  const char *title;

  doc = hearsay_html_read_utf8 (utf8, length, display_name);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_PARSE,
                   _("%s could not be read as HTML"), display_name);
      return NULL;
    }
  read_metadata (&m, doc);
  body = find_body (doc);
  body_text = write_container (best_container (body));
  if (*body_text == '\0')
    {
      meta_clear (&m);
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY,
                   _("%s has no article text"), display_name);
      return NULL;
    }

  title = m.og_title ? m.og_title : m.h1 ? m.h1 : m.title;
  /* The headline sits outside the article's container on most sites. */
  if (m.h1 != NULL && *m.h1 != '\0' && !has_paragraph (body_text, m.h1))
    article->text = g_strconcat (m.h1, "\n\n", body_text, NULL);
  else
    article->text = g_steal_pointer (&body_text);
  article->title = g_strdup (title);
  article->outlet = g_strdup (m.site_name ? m.site_name : m.ld_publisher);
  article->published = g_strdup (m.published ? m.published : m.time_datetime ? m.time_datetime : m.ld_published);
  article->author = g_strdup (m.author ? m.author : m.ld_author);
  article->url = g_strdup (m.canonical ? m.canonical : m.og_url);
  if (m.lang != NULL && *m.lang != '\0')
    article->language = g_strdup (m.lang);
  else if (m.og_locale != NULL)
    article->language = g_strdelimit (g_strdup (m.og_locale), "_", '-');
  meta_clear (&m);
  return g_steal_pointer (&article);
}
