/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-html-meta.c: a page's title, authors, date, outlet, URL and
 * language, as a reader would state them: JSON-LD first (its @id references
 * followed), then Open Graph and <meta>, then the page's own markup; a name
 * beats a profile URL; titles lose their " | Site" suffix; dates in the
 * usual non-ISO forms become ISO 8601. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "hearsay-html-private.h"
#include "hearsay-json-safety.h"

typedef struct
{
  char *og_title, *ld_headline, *title, *h1, *site_name, *ld_publisher;
  char *published, *ld_published, *item_published, *time_datetime;
  char *canonical, *og_url, *lang, *og_locale, *ld_body;
  GPtrArray *ld_authors, *meta_authors, *item_authors, *markup_authors;
  GHashTable *ids;   /* JSON-LD "@id" → JsonObject */
  gboolean ld_article_seen;
} Found;

static void
set_once (char       **field,
          const char  *value)
{
  g_autofree char *clean = NULL;

  if (*field != NULL || value == NULL)
    return;
  clean = hearsay_html_collapse (value);
  if (*clean != '\0')
    *field = g_steal_pointer (&clean);
}

static gboolean
is_url (const char *s)
{
  return g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://") || g_str_has_prefix (s, "//") ||
         g_str_has_prefix (s, "www.") || g_str_has_prefix (s, "/");
}

/* "By Jane Doe" → "Jane Doe"; URLs are not names. */
static void
add_author (GPtrArray  *list,
            const char *value)
{
  g_autofree char *clean = NULL;
  const char *s;

  if (value == NULL)
    return;
  clean = hearsay_html_collapse (value);
  s = clean;
  if (g_ascii_strncasecmp (s, "by ", 3) == 0)
    s += 3;
  else if (g_ascii_strncasecmp (s, "par ", 4) == 0)
    s += 4;
  if (*s == '\0' || is_url (s) || g_utf8_strlen (s, -1) > 100 || g_ascii_strcasecmp (s, "by") == 0 ||
      g_ascii_strcasecmp (s, "par") == 0)
    return;
  for (guint i = 0; i < list->len; i++)
    if (g_utf8_collate (g_ptr_array_index (list, i), s) == 0)
      return;
  g_ptr_array_add (list, g_strdup (s));
}

static const char *
json_string (JsonObject *o,
             const char *member)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, member) : NULL;

  if (n != NULL && JSON_NODE_HOLDS_ARRAY (n) && json_array_get_length (json_node_get_array (n)) > 0)
    n = json_array_get_element (json_node_get_array (n), 0);
  return n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
           ? json_node_get_string (n) : NULL;
}

/* An object, or the object an {"@id": …} reference names. */
static JsonObject *
resolve (Found    *f,
         JsonNode *node)
{
  JsonObject *o;
  const char *id;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  o = json_node_get_object (node);
  id = json_string (o, "@id");
  if (id != NULL && json_object_get_member (o, "name") == NULL)
    {
      JsonObject *target = g_hash_table_lookup (f->ids, id);

      if (target != NULL)
        return target;
    }
  return o;
}

static void
collect_ids (Found    *f,
             JsonNode *node)
{
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        collect_ids (f, json_array_get_element (a, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      const char *id = json_string (o, "@id");

      if (id != NULL && json_object_get_size (o) > 1 && !g_hash_table_contains (f->ids, id))
        g_hash_table_insert (f->ids, g_strdup (id), o);
      collect_ids (f, json_object_get_member (o, "@graph"));
    }
}

static void
json_authors (Found    *f,
              JsonNode *node,
              guint     depth)
{
  if (node == NULL || depth > 3)
    return;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);
      JsonObject *target = g_hash_table_lookup (f->ids, s);

      if (target != NULL)
        add_author (f->ld_authors, json_string (target, "name"));
      else
        add_author (f->ld_authors, s);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = resolve (f, node);
      JsonNode *name = json_object_get_member (o, "name");

      if (name != NULL && JSON_NODE_HOLDS_ARRAY (name))
        json_authors (f, name, depth + 1);
      else
        add_author (f->ld_authors, json_string (o, "name"));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        json_authors (f, json_array_get_element (a, i), depth + 1);
    }
}

static gboolean
is_article_type (JsonObject *o)
{
  JsonNode *type = json_object_get_member (o, "@type");
  g_autoptr(GString) types = g_string_new (NULL);

  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *a = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (a); i++)
        if (JSON_NODE_HOLDS_VALUE (json_array_get_element (a, i)))
          g_string_append_printf (types, "%s ", json_node_get_string (json_array_get_element (a, i)));
    }
  else if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    g_string_append (types, json_node_get_string (type));
  return strstr (types->str, "Article") != NULL || strstr (types->str, "BlogPosting") != NULL ||
         strstr (types->str, "Report") != NULL || strstr (types->str, "LiveBlogPosting") != NULL;
}

static void
json_article (Found    *f,
              JsonNode *node,
              guint     depth)
{
  JsonObject *o, *publisher;

  if (node == NULL || depth > 8)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        json_article (f, json_array_get_element (a, i), depth + 1);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  o = json_node_get_object (node);
  json_article (f, json_object_get_member (o, "@graph"), depth + 1);
  if (f->ld_article_seen || !(is_article_type (o) || json_string (o, "datePublished") != NULL))
    return;
  if (!is_article_type (o) && json_object_get_member (o, "author") == NULL)
    return;
  f->ld_article_seen = TRUE;
  set_once (&f->ld_headline, json_string (o, "headline"));
  set_once (&f->ld_published, json_string (o, "datePublished"));
  set_once (&f->ld_body, json_string (o, "articleBody"));
  json_authors (f, json_object_get_member (o, "author"), 0);
  if (f->ld_authors->len == 0)
    json_authors (f, json_object_get_member (o, "creator"), 0);
  publisher = resolve (f, json_object_get_member (o, "publisher"));
  set_once (&f->ld_publisher, json_string (publisher, "name"));
}

static void
read_json_ld (Found   *f,
              xmlNode *script)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GString) raw = g_string_new (NULL);
  JsonNode *root;

  const char *start, *end;

  hearsay_html_append_text (raw, script);
  /* Pages wrap it in <![CDATA[ … ]]> or <!-- … -->, often behind "//". */
  start = raw->str;
  end = raw->str + raw->len;
  while (*start == ' ' || *start == '\n' || *start == '\t' || *start == '\r' || *start == '/')
    start++;
  if (g_str_has_prefix (start, "<![CDATA["))
    start += 9;
  else if (g_str_has_prefix (start, "<!--"))
    start += 4;
  for (;;)
    {
      while (end > start && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '/'))
        end--;
      if (end - start >= 3 && (strncmp (end - 3, "]]>", 3) == 0 || strncmp (end - 3, "-->", 3) == 0))
        end -= 3;
      else
        break;
    }
  /* The page is hostile input like any file: the JSON-LD is scanned first. */
  if (end <= start || !hearsay_json_check (start, end - start, "JSON-LD", NULL) ||
      !json_parser_load_from_data (parser, start, end - start, NULL))
    return;
  root = json_parser_get_root (parser);
  collect_ids (f, root);
  json_article (f, root, 0);
  /* The ids point into this parser's tree: resolved now, forgotten after. */
  g_hash_table_remove_all (f->ids);
}

static void
read_meta_tag (Found   *f,
               xmlNode *n)
{
  const char *property = hearsay_html_attr (n, "property");
  const char *name = hearsay_html_attr (n, "name");
  const char *itemprop = hearsay_html_attr (n, "itemprop");
  const char *equiv = hearsay_html_attr (n, "http-equiv");
  const char *content = hearsay_html_attr (n, "content");
  const char *key = property != NULL ? property : name;

  if (content == NULL)
    return;
  if (equiv != NULL && g_ascii_strcasecmp (equiv, "content-language") == 0)
    set_once (&f->og_locale, content);
  if (itemprop != NULL && g_ascii_strcasecmp (itemprop, "datePublished") == 0)
    set_once (&f->item_published, content);
  if (key == NULL)
    return;
  if (g_ascii_strcasecmp (key, "og:title") == 0 || g_ascii_strcasecmp (key, "twitter:title") == 0)
    set_once (&f->og_title, content);
  else if (g_ascii_strcasecmp (key, "og:site_name") == 0)
    set_once (&f->site_name, content);
  else if (g_ascii_strcasecmp (key, "article:published_time") == 0 || g_ascii_strcasecmp (key, "article:published") == 0 ||
           g_ascii_strcasecmp (key, "datePublished") == 0 || g_ascii_strcasecmp (key, "pubdate") == 0 ||
           g_ascii_strcasecmp (key, "publishdate") == 0 || g_ascii_strcasecmp (key, "dc.date.issued") == 0 ||
           g_ascii_strcasecmp (key, "dc.date") == 0 || g_ascii_strcasecmp (key, "date") == 0 ||
           g_ascii_strcasecmp (key, "parsely-pub-date") == 0 || g_ascii_strcasecmp (key, "sailthru.date") == 0 ||
           g_ascii_strcasecmp (key, "og:article:published_time") == 0)
    set_once (&f->published, content);
  else if (g_ascii_strcasecmp (key, "author") == 0 || g_ascii_strcasecmp (key, "article:author") == 0 ||
           g_ascii_strcasecmp (key, "dc.creator") == 0 || g_ascii_strcasecmp (key, "parsely-author") == 0 ||
           g_ascii_strcasecmp (key, "sailthru.author") == 0 || g_ascii_strcasecmp (key, "byl") == 0)
    add_author (f->meta_authors, content);
  else if (g_ascii_strcasecmp (key, "og:url") == 0)
    set_once (&f->og_url, content);
  else if (g_ascii_strcasecmp (key, "og:locale") == 0)
    set_once (&f->og_locale, content);
}

static char *
element_text (xmlNode *n)
{
  g_autoptr(GString) raw = g_string_new (NULL);

  hearsay_html_append_text (raw, n);
  return hearsay_html_collapse (raw->str);
}

/* An itemprop=author element: its itemprop=name, else its text. */
static void
read_item_author (Found   *f,
                  xmlNode *n)
{
  for (xmlNode *c = n->children; c != NULL && c != n;)
    {
      if (c->type == XML_ELEMENT_NODE)
        {
          const char *prop = hearsay_html_attr (c, "itemprop");

          if (prop != NULL && g_ascii_strcasecmp (prop, "name") == 0)
            {
              const char *content = hearsay_html_attr (c, "content");
              g_autofree char *text = content != NULL ? g_strdup (content) : element_text (c);

              add_author (f->item_authors, text);
              return;
            }
          if (c->children != NULL)
            {
              c = c->children;
              continue;
            }
        }
      while (c != n && c->next == NULL)
        c = c->parent;
      if (c == n)
        break;
      c = c->next;
    }
  {
    const char *content = hearsay_html_attr (n, "content");
    g_autofree char *text = content != NULL ? g_strdup (content) : element_text (n);

    if (g_utf8_strlen (text, -1) <= 60)
      add_author (f->item_authors, text);
  }
}

/* A class or id that names a byline ("byline", "author", "article-author"). */
static gboolean
names_byline (const char *value)
{
  if (value == NULL)
    return FALSE;
  for (const char *p = value; *p; p++)
    {
      if (g_ascii_strncasecmp (p, "byline", 6) == 0)
        return TRUE;
      /* "author" as a word of its own: not "authority", not "coauthors". */
      if (g_ascii_strncasecmp (p, "author", 6) == 0 && (p == value || !g_ascii_isalpha (p[-1])) &&
          !g_ascii_islower (p[6]))
        return TRUE;
    }
  return FALSE;
}

static void
read_element (Found   *f,
              xmlNode *n,
              gboolean *descend)
{
  const char *name = (const char *) n->name;
  const char *itemprop = hearsay_html_attr (n, "itemprop");

  if (strcmp (name, "meta") == 0)
    read_meta_tag (f, n);
  else if (strcmp (name, "title") == 0 && f->title == NULL)
    {
      f->title = element_text (n);
      *descend = FALSE;
    }
  else if (strcmp (name, "h1") == 0 && f->h1 == NULL)
    f->h1 = element_text (n);
  else if (strcmp (name, "link") == 0)
    {
      const char *rel = hearsay_html_attr (n, "rel");

      if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0)
        set_once (&f->canonical, hearsay_html_attr (n, "href"));
    }
  else if (strcmp (name, "time") == 0)
    {
      if (itemprop != NULL && g_ascii_strcasecmp (itemprop, "datePublished") == 0)
        set_once (&f->item_published, hearsay_html_attr (n, "datetime"));
      set_once (&f->time_datetime, hearsay_html_attr (n, "datetime"));
    }
  else if (strcmp (name, "script") == 0)
    {
      const char *type = hearsay_html_attr (n, "type");

      if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
        read_json_ld (f, n);
      *descend = FALSE;
      return;
    }
  if (strcmp (name, "a") == 0 || strcmp (name, "span") == 0 || strcmp (name, "div") == 0 || strcmp (name, "p") == 0)
    {
      const char *rel = hearsay_html_attr (n, "rel");

      if ((rel != NULL && g_ascii_strcasecmp (rel, "author") == 0) || names_byline (hearsay_html_attr (n, "class")) ||
          names_byline (hearsay_html_attr (n, "id")))
        {
          g_autofree char *text = element_text (n);

          /* The first byline of the markup only: later ones are other articles'. */
          if (f->markup_authors->len == 0 && g_utf8_strlen (text, -1) <= 80)
            add_author (f->markup_authors, text);
        }
    }
  if (itemprop != NULL && strcmp (name, "meta") != 0)
    {
      if (g_ascii_strcasecmp (itemprop, "author") == 0)
        read_item_author (f, n);
      else if (g_ascii_strcasecmp (itemprop, "datePublished") == 0 && strcmp (name, "time") != 0)
        {
          const char *content = hearsay_html_attr (n, "content");
          g_autofree char *text = content != NULL ? g_strdup (content) : element_text (n);

          set_once (&f->item_published, text);
        }
    }
}

static char *
host_of (const char *url)
{
  const char *p, *end;

  if (url == NULL || (p = strstr (url, "//")) == NULL)
    return NULL;
  p += 2;
  end = p + strcspn (p, "/:?#");
  if (end == p)
    return NULL;
  if (g_ascii_strncasecmp (p, "www.", 4) == 0)
    p += 4;
  return g_ascii_strdown (p, end - p);
}

static char *
first_date (const char * const *candidates,
            guint               n)
{
  for (guint i = 0; i < n; i++)
    if (candidates[i] != NULL)
      {
        char *iso = hearsay_html_normalize_date (candidates[i]);

        if (iso != NULL)
          return iso;
      }
  return NULL;
}

static gboolean
similar_titles (const char *a,
                const char *b)
{
  g_autofree char *fa = NULL, *fb = NULL;
  g_auto(GStrv) words = NULL;
  guint n = 0, found = 0;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  words = g_strsplit (fa, " ", -1);
  for (guint i = 0; words[i]; i++)
    if (*words[i] != '\0')
      {
        n++;
        found += strstr (fb, words[i]) != NULL;
      }
  return n > 0 && found * 4 >= n * 3;
}

/* The headline among the page's titles: JSON-LD's when the page's own
 * titles agree with it (some sites put a description there), then Open
 * Graph's, then <title>, then the first <h1>; never the site's name. */
static const char *
choose_title (Found      *f,
              const char *site)
{
  const char *candidates[] = { f->ld_headline, f->og_title, f->title, f->h1 };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const char *t = candidates[i];
      g_autofree char *stripped = NULL;

      if (t == NULL)
        continue;
      if (i == 0 && !similar_titles (t, f->og_title) && !similar_titles (t, f->title) && !similar_titles (t, f->h1))
        continue;
      stripped = hearsay_html_strip_site (t, NULL, NULL);
      if ((site != NULL && g_utf8_collate (stripped, site) == 0) ||
          (i < 2 && f->title != NULL && strlen (f->title) > strlen (t) + 3 && g_str_has_suffix (f->title, t)))
        continue;
      return t;
    }
  return NULL;
}

void
hearsay_html_meta_read (HtmlMeta *meta,
                        xmlDoc   *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  Found f = { 0 };
  const char *title;

  memset (meta, 0, sizeof *meta);
  meta->authors = g_ptr_array_new_with_free_func (g_free);
  if (root == NULL)
    return;
  f.ld_authors = g_ptr_array_new_with_free_func (g_free);
  f.meta_authors = g_ptr_array_new_with_free_func (g_free);
  f.item_authors = g_ptr_array_new_with_free_func (g_free);
  f.markup_authors = g_ptr_array_new_with_free_func (g_free);
  f.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  set_once (&f.lang, hearsay_html_attr (root, "lang"));
  for (xmlNode *n = root; n != NULL;)
    {
      gboolean descend = n->type == XML_ELEMENT_NODE;

      if (descend)
        read_element (&f, n, &descend);
      if (descend && n->children != NULL)
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

  meta->url = g_strdup (f.canonical != NULL ? f.canonical : f.og_url);
  meta->host = host_of (meta->url);
  meta->site_name = g_strdup (f.site_name != NULL ? f.site_name : f.ld_publisher);
  title = choose_title (&f, meta->site_name);
  if (title != NULL)
    meta->title = hearsay_html_strip_site (title, meta->site_name, meta->host);
  {
    const char *dates[] = { f.published, f.ld_published, f.item_published, f.time_datetime };

    meta->published = first_date (dates, G_N_ELEMENTS (dates));
  }
  /* Names before URLs: JSON-LD's, then <meta>'s, then the markup's. */
  {
    GPtrArray *lists[] = { f.ld_authors, f.meta_authors, f.item_authors, f.markup_authors };

    for (guint i = 0; i < G_N_ELEMENTS (lists) && meta->authors->len == 0; i++)
      for (guint k = 0; k < lists[i]->len; k++)
        g_ptr_array_add (meta->authors, g_strdup (g_ptr_array_index (lists[i], k)));
  }
  if (f.lang != NULL)
    meta->language = g_strdup (f.lang);
  else if (f.og_locale != NULL)
    meta->language = g_strdelimit (g_strdup (f.og_locale), "_", '-');
  meta->body = g_steal_pointer (&f.ld_body);

  {
    char **fields[] = { &f.og_title, &f.ld_headline, &f.title, &f.h1, &f.site_name, &f.ld_publisher, &f.published,
                        &f.ld_published, &f.item_published, &f.time_datetime, &f.canonical, &f.og_url, &f.lang,
                        &f.og_locale };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      g_clear_pointer (fields[i], g_free);
  }
  g_ptr_array_unref (f.ld_authors);
  g_ptr_array_unref (f.meta_authors);
  g_ptr_array_unref (f.item_authors);
  g_ptr_array_unref (f.markup_authors);
  g_hash_table_unref (f.ids);
}

void
hearsay_html_meta_clear (HtmlMeta *meta)
{
  g_clear_pointer (&meta->title, g_free);
  g_clear_pointer (&meta->site_name, g_free);
  g_clear_pointer (&meta->published, g_free);
  g_clear_pointer (&meta->authors, g_ptr_array_unref);
  g_clear_pointer (&meta->url, g_free);
  g_clear_pointer (&meta->language, g_free);
  g_clear_pointer (&meta->body, g_free);
  g_clear_pointer (&meta->host, g_free);
}
