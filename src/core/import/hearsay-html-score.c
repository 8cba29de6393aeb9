/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-html-score.c: which blocks of a page are the article. Paragraphs
 * give points to their ancestors (commas and length, as Readability taught);
 * class names only move the points, never exclude a subtree, so that pages
 * wrapped whole in a <form>, a "sidebar" or a "paywall" div keep their
 * article. The best container is widened to its parent when several good
 * candidates share it, and sibling blocks that read as prose (a lede in a
 * block of its own) join it. Inside it, furniture is what its tag says
 * (nav, figure, aside) or what its class says when its text agrees (short,
 * link-heavy, not sentences); outside it, everything is furniture of the
 * kind its nearest marked ancestor suggests. */
#include "config.h"

#include <string.h>

#include "hearsay-html-private.h"

#define MIN_PARAGRAPH_CHARS 25
#define N_TOP 5

static double
link_density (const HtmlElement *e)
{
  return e->chars > 0 ? (double) e->link_chars / e->chars : 0;
}

/* How much a paragraph under a region counts: less under comments and
 * consent notices and inside nav/footer/aside tags; a class word alone
 * (which may sit on a page-wide wrapper) changes nothing here. */
static double
damping (const HtmlElement *region)
{
  if (region == NULL)
    return 1;
  if (region->flags & HTML_EL_STRONG)
    return 0.2;
  if (region->flags & HTML_EL_HARD)
    return 0.5;
  return 1;
}

static void
add_score (HtmlPage *page,
           int       i,
           double    value)
{
  HtmlElement *e = HTML_ELEMENT (page, i);

  if (!e->scored)
    {
      e->scored = TRUE;
      e->score = e->weight;
    }
  e->score += value;
  e->points += value;
}

/* Paragraph points, given to the five nearest ancestors. */
static void
score_paragraphs (HtmlPage     *page,
                  const double *damp)
{
  for (guint i = 0; i < page->blocks->len; i++)
    {
      const HtmlBlock *b = HTML_BLOCK (page, i);
      const HtmlElement *owner = HTML_ELEMENT (page, b->owner);
      double s;
      int el;

      if (b->chars < MIN_PARAGRAPH_CHARS || (owner->flags & HTML_EL_HEADING) || b->link_chars * 2 > b->chars)
        continue;
      if ((owner->flags & HTML_EL_LIST_ITEM) && b->chars < 100)
        continue;
      s = 1 + b->commas + MIN (b->chars / 100, 3);
      s *= damp[b->container];
      /* Loose text in an element that also holds blocks is a paragraph of that element. */
      el = (owner->flags & HTML_EL_HAS_BLOCKS) ? b->owner : owner->parent;
      for (guint level = 0; el >= 0 && level < 5; level++, el = HTML_ELEMENT (page, el)->parent)
        add_score (page, el, s / (level == 0 ? 1 : level == 1 ? 2 : level * 3));
    }
}

static double
final_score (HtmlPage *page,
             int       i)
{
  const HtmlElement *e = HTML_ELEMENT (page, i);

  return e->score * (1 - link_density (e));
}

static int
pick_top (HtmlPage *page,
          int      *top,
          guint    *n_top)
{
  *n_top = 0;
  for (guint i = 0; i < page->elements->len; i++)
    {
      double s;
      guint k;

      /* Paragraphs make a candidate; class names alone do not. */
      if (!HTML_ELEMENT (page, i)->scored || HTML_ELEMENT (page, i)->points < 1)
        continue;
      s = final_score (page, i);
      for (k = *n_top; k > 0 && final_score (page, top[k - 1]) < s; k--)
        if (k < N_TOP)
          top[k] = top[k - 1];
      if (k < N_TOP)
        {
          top[k] = i;
          if (*n_top < N_TOP)
            (*n_top)++;
        }
    }
  return *n_top > 0 ? top[0] : -1;
}

/* Readability's refinements, in our terms: a parent shared by several good
 * candidates, a parent that scores higher, an only child. */
static int
widen (HtmlPage *page,
       int       best,
       const int *top,
       guint     n_top)
{
  double best_final = final_score (page, best);
  guint n_alt = 0;
  int alts[N_TOP];
  double last, threshold;

  for (guint k = 1; k < n_top; k++)
    if (final_score (page, top[k]) >= 0.75 * best_final)
      alts[n_alt++] = top[k];
  if (n_alt >= 3)
    for (int p = HTML_ELEMENT (page, best)->parent; p > 0; p = HTML_ELEMENT (page, p)->parent)
      {
        guint n = 0;

        for (guint k = 0; k < n_alt; k++)
          n += hearsay_html_page_inside (page, alts[k], p);
        if (n >= 3)
          {
            best = p;
            break;
          }
      }
  if (!HTML_ELEMENT (page, best)->scored)
    add_score (page, best, 0);
  /* Paragraph points only: a parent's class names are no reason to climb. */
  last = HTML_ELEMENT (page, best)->points;
  threshold = last / 3;
  for (int p = HTML_ELEMENT (page, best)->parent; p > 0; p = HTML_ELEMENT (page, p)->parent)
    {
      const HtmlElement *pe = HTML_ELEMENT (page, p);

      if (!pe->scored)
        continue;
      if (pe->points < threshold)
        break;
      if (pe->points > last)
        {
          best = p;
          break;
        }
      last = pe->points;
    }
  while (best > 0)
    {
      int p = HTML_ELEMENT (page, best)->parent;

      if (p <= 0 || HTML_ELEMENT (page, p)->subtree != HTML_ELEMENT (page, best)->subtree + 1)
        break;
      best = p;
    }
  return best;
}

static gboolean
ends_sentence (HtmlPage *page,
               int       element)
{
  const HtmlElement *e = HTML_ELEMENT (page, element);
  const char *end;

  if (e->last_block < 0 || e->chars == 0)
    return FALSE;
  end = page->text->str + HTML_BLOCK (page, e->last_block)->byte_end;
  return end[-1] == '.' || end[-1] == '!' || end[-1] == '?' ||
         (end - page->text->str >= 3 && memcmp (end - 3, "。", 3) == 0);
}

static gboolean
furniture_signal (const HtmlElement *e)
{
  return e->signal != HTML_KIND_ARTICLE && !(e->flags & HTML_EL_WEAK) &&
         (e->flags & (HTML_EL_HARD | HTML_EL_STRONG) || e->signal == HTML_KIND_NAVIGATION ||
          e->signal == HTML_KIND_FOOTER || e->signal == HTML_KIND_RELATED);
}

/* Siblings of the best container that belong to the same article. */
static void
merge_siblings (HtmlPage *page,
                int       best,
                gboolean *roots)
{
  const HtmlElement *be = HTML_ELEMENT (page, best);
  int parent = be->parent;
  double threshold = MAX (10, be->score * 0.2);
  const char *klass = hearsay_html_attr (be->node, "class");

  roots[best] = TRUE;
  if (parent < 0)
    return;
  for (guint c = parent + 1; c < parent + HTML_ELEMENT (page, parent)->subtree; c += HTML_ELEMENT (page, c)->subtree)
    {
      const HtmlElement *ce = HTML_ELEMENT (page, c);
      const char *cklass;
      double bonus = 0;
      double ld;

      if ((int) c == best || ce->chars == 0)
        continue;
      cklass = hearsay_html_attr (ce->node, "class");
      if (klass != NULL && cklass != NULL && *klass != '\0' && strcmp (klass, cklass) == 0)
        bonus = be->score * 0.2;
      if (ce->scored && ce->score + bonus >= threshold && !furniture_signal (ce) && ce->link_headings < 2)
        {
          roots[c] = TRUE;
          continue;
        }
      if (furniture_signal (ce) || ce->signal != HTML_KIND_ARTICLE || ce->link_headings >= 2)
        continue;
      ld = link_density (ce);
      if ((ce->chars > 80 && ld < 0.25 && ce->prose_chars > 0) ||
          (ce->chars <= 80 && ld == 0 && ends_sentence (page, c)))
        roots[c] = TRUE;
    }
}

/* Whether @e, inside the article, is furniture, and of which kind. */
static HtmlKind
inner_furniture (HtmlPage          *page,
                 int                i,
                 int                top,
                 glong              content_prose,
                 glong              content_chars)
{
  const HtmlElement *e = HTML_ELEMENT (page, i);
  double ld = link_density (e);

  if (e->flags & HTML_EL_ARTICLE_BODY)
    return HTML_KIND_ARTICLE;
  /* A widget, gallery or box of links that the article's best paragraphs
   * are not in, beside an article that reads well without it. */
  if (e->signal != HTML_KIND_ARTICLE && !(e->flags & HTML_EL_WEAK) && e->signal != HTML_KIND_NAVIGATION &&
      e->signal != HTML_KIND_BYLINE && e->signal != HTML_KIND_CAPTION && !(e->flags & HTML_EL_ID_SIGNAL) &&
      !hearsay_html_page_inside (page, top, i) &&
      content_prose - e->prose_chars >= 500)
    return e->signal;
  if (e->chars * 2 >= content_chars)
    return HTML_KIND_ARTICLE;
  if (e->signal != HTML_KIND_ARTICLE && !(e->flags & HTML_EL_WEAK))
    {
      if (e->flags & (HTML_EL_HARD | HTML_EL_STRONG))
        return e->signal;
      if (e->chars < 250 || ld > 0.3 || e->prose_chars * 5 < e->chars * 3)
        return e->signal;
    }
  if ((e->flags & HTML_EL_CONTROL) && e->chars < 250)
    return HTML_KIND_PROMO;
  /* Many short lines and not one sentence: a widget's controls or a menu. */
  if (e->n_blocks >= 4 && e->prose_chars == 0 && e->chars < (glong) e->n_blocks * 20 && !(e->flags & HTML_EL_LIST) &&
      e->list_blocks * 2 < e->n_blocks)
    return HTML_KIND_OTHER;
  if (e->n_blocks >= 2 && ld > 0.5 && !(e->flags & HTML_EL_HEADING))
    return HTML_KIND_RELATED;
  /* Teasers (headings that link to other pages, each with its summary),
   * unless they are all the page has (a section front). */
  if (e->link_headings >= 3 && content_chars - e->chars >= MAX (500, content_chars / 3))
    return HTML_KIND_RELATED;
  return HTML_KIND_ARTICLE;
}

/* Words of a text, casefolded, as a set. */
static GHashTable *
word_set (const char *s,
          gssize      len)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *folded = g_utf8_casefold (s, len);
  const char *p = folded;

  while (*p)
    {
      const char *q;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      q = p;
      while (*q && g_unichar_isalnum (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      if (q > p)
        g_hash_table_add (set, g_strndup (p, q - p));
      p = q;
    }
  return set;
}

static double
similarity (GHashTable *a,
            GHashTable *b)
{
  GHashTableIter iter;
  gpointer word;
  guint common = 0;
  guint n = MAX (g_hash_table_size (a), g_hash_table_size (b));

  if (n == 0)
    return 0;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    common += g_hash_table_contains (b, word);
  return (double) common / n;
}

static gboolean
is_heading_block (HtmlPage        *page,
                  const HtmlBlock *b)
{
  return (HTML_ELEMENT (page, b->owner)->flags & (HTML_EL_HEADING | HTML_EL_HEADLINE_HINT)) ||
         (HTML_ELEMENT (page, b->container)->flags & HTML_EL_HEADLINE_HINT);
}

/* The block that is the headline: the heading closest to the article's
 * start among those that read like the page's title. */
static int
find_headline (HtmlPage        *page,
               const char      *title_text,
               guint            first_article)
{
  g_autoptr(GHashTable) title = title_text != NULL ? word_set (title_text, -1) : NULL;
  int best = -1;
  double best_rank = 0;

  for (guint i = 0; i < page->blocks->len; i++)
    {
      const HtmlBlock *b = HTML_BLOCK (page, i);
      double rank;

      if (!is_heading_block (page, b) || b->chars > 400)
        continue;
      if (title != NULL)
        {
          g_autoptr(GHashTable) words = word_set (page->text->str + b->byte_start, b->byte_end - b->byte_start);
          double sim = similarity (title, words);

          if (sim < 0.6)
            continue;
          rank = sim * 10;
        }
      else if (HTML_ELEMENT (page, b->owner)->flags & HTML_EL_H1)
        rank = 5;
      else
        continue;
      if (HTML_ELEMENT (page, b->owner)->flags & HTML_EL_H1)
        rank += 3;
      /* Closer to the article's first paragraph; after it counts less. */
      rank += i <= first_article ? 2.0 / (1 + first_article - i) : 1.0 / (1 + i - first_article);
      if (rank > best_rank)
        {
          best_rank = rank;
          best = i;
        }
    }
  return best;
}

static gboolean
starts_with_by (const char *s)
{
  static const char * const by[] = { "by ", "par ", "por ", "von ", "door ", "di ", "av ", "af ", NULL };

  for (guint i = 0; by[i]; i++)
    if (g_ascii_strncasecmp (s, by[i], strlen (by[i])) == 0)
      return TRUE;
  return FALSE;
}

/* A short line naming the author ("By Jane Doe", "Jane Doe, Reuters"). */
static gboolean
is_byline (HtmlPage        *page,
           const HtmlBlock *b,
           const HtmlHints *hints)
{
  const char *s = page->text->str + b->byte_start;
  gsize len = b->byte_end - b->byte_start;

  gunichar last;
  gboolean sentence;

  if (b->chars > 160 || is_heading_block (page, b))
    return FALSE;
  if (starts_with_by (s) && b->chars < 60)
    return TRUE;
  last = g_utf8_get_char (g_utf8_find_prev_char (s, s + len));
  sentence = last == '.' || last == '!' || last == '?' || last == 0x3002;
  for (guint i = 0; hints->authors != NULL && hints->authors[i]; i++)
    {
      gsize n = strlen (hints->authors[i]);

      /* The author's name in a short line, or in a line that is no sentence
       * ("Le Monde | 04.05.2015 à 13h36 | Par Martin Untersinger"). */
      if (n >= 4 && (len <= 2 * n + 30 || !sentence) && g_strstr_len (s, len, hints->authors[i]) != NULL)
        return TRUE;
    }
  /* A dateline: "Published 3 November 2017", "Mis à jour le 05.05.2015". */
  if (!sentence && b->chars <= 100)
    {
      static const char * const dated[] = { "updated", "published", "posted", "mis à jour", "publié", "actualizado",
                                            "publicado", "aktualisiert", "veröffentlicht", NULL };
      g_autofree char *folded = g_utf8_casefold (s, len);

      for (guint i = 0; dated[i]; i++)
        if (strstr (folded, dated[i]) != NULL && (strstr (folded, "19") != NULL || strstr (folded, "20") != NULL))
          return TRUE;
    }
  return FALSE;
}

/* Blocks whose beginning JSON-LD's articleBody holds: the page's own word on
 * what its article is. */
static void
confirm_by_body (HtmlPage        *page,
                 const HtmlHints *hints,
                 gboolean        *roots,
                 const gboolean  *in_content)
{
  g_autofree char *body = NULL;

  if (hints->body == NULL || strlen (hints->body) < 200)
    return;
  body = hearsay_html_collapse (hints->body);
  for (guint i = 0; i < page->blocks->len; i++)
    {
      const HtmlBlock *b = HTML_BLOCK (page, i);
      g_autofree char *head = NULL;
      gsize n;

      if (b->chars < 80 || in_content[b->container])
        continue;
      n = MIN (b->byte_end - b->byte_start, 60);
      while (n > 0 && (page->text->str[b->byte_start + n] & 0xC0) == 0x80)
        n--;
      head = g_strndup (page->text->str + b->byte_start, n);
      if (strstr (body, head) != NULL && b->owner > 0)
        roots[b->owner] = TRUE;
    }
}

void
hearsay_html_page_classify (HtmlPage        *page,
                            const HtmlHints *hints)
{
  guint n = page->elements->len;
  g_autofree int *region = NULL;
  g_autofree double *damp = NULL;
  g_autofree gboolean *roots = NULL;
  g_autofree gboolean *in_content = NULL;
  g_autofree HtmlKind *kind = NULL;
  int top[N_TOP];
  guint n_top = 0;
  int best;
  glong content_chars = 0, content_prose = 0;
  int top_candidate;
  guint first_article = G_MAXUINT;
  int headline;
  gboolean any_article = FALSE;

  if (page->blocks->len == 0)
    return;
  region = g_new (int, n);
  damp = g_new (double, n);
  roots = g_new0 (gboolean, n);
  in_content = g_new0 (gboolean, n);
  kind = g_new (HtmlKind, n);
  /* The nearest ancestor-or-self that says what it is; the page's own
   * articleBody mark ends any region. */
  for (guint i = 0; i < n; i++)
    {
      const HtmlElement *e = HTML_ELEMENT (page, i);

      if (e->flags & HTML_EL_ARTICLE_BODY && e->signal == HTML_KIND_ARTICLE)
        region[i] = -1;
      else if (e->signal != HTML_KIND_ARTICLE)
        region[i] = i;
      else
        region[i] = e->parent >= 0 ? region[e->parent] : -1;
      if (e->flags & HTML_EL_ARTICLE_BODY && e->signal == HTML_KIND_ARTICLE)
        damp[i] = 1;
      else
        damp[i] = (e->parent >= 0 ? damp[e->parent] : 1) * damping (e->signal != HTML_KIND_ARTICLE ? e : NULL);
    }

  score_paragraphs (page, damp);
  best = pick_top (page, top, &n_top);
  top_candidate = best >= 0 ? best : 0;
  if (best >= 0)
    best = widen (page, best, top, n_top);
  else
    {
      /* No paragraph anywhere (a short page, a page of links): the whole
       * page is the candidate, and its furniture is found inside it. */
      best = 0;
      add_score (page, best, 0);
    }
  merge_siblings (page, best, roots);
  for (guint i = 0; i < n; i++)
    {
      const HtmlElement *e = HTML_ELEMENT (page, i);

      in_content[i] = roots[i] || (e->parent >= 0 && in_content[e->parent]);
    }
  confirm_by_body (page, hints, roots, in_content);
  for (guint i = 0; i < n; i++)
    {
      const HtmlElement *e = HTML_ELEMENT (page, i);

      in_content[i] = roots[i] || (e->parent >= 0 && in_content[e->parent]);
      if (roots[i] && !(e->parent >= 0 && in_content[e->parent]))
        {
          content_chars += e->chars;
          content_prose += e->prose_chars;
        }
    }

  /* Each element's kind: inside the article, its own furniture test or its
   * parent's kind; outside, its own signal or its parent's. */
  for (guint i = 0; i < n; i++)
    {
      const HtmlElement *e = HTML_ELEMENT (page, i);
      HtmlKind parent_kind = e->parent >= 0 ? kind[e->parent] : HTML_KIND_OTHER;

      if (in_content[i])
        {
          gboolean top_root = roots[i] && !(e->parent >= 0 && in_content[e->parent]);

          if (top_root)
            kind[i] = HTML_KIND_ARTICLE;
          else if (parent_kind != HTML_KIND_ARTICLE)
            kind[i] = parent_kind;
          else
            kind[i] = roots[i] ? HTML_KIND_ARTICLE : inner_furniture (page, i, top_candidate, content_prose, content_chars);
        }
      else if (e->signal != HTML_KIND_ARTICLE)
        kind[i] = e->signal;
      else
        kind[i] = parent_kind == HTML_KIND_ARTICLE ? HTML_KIND_OTHER : parent_kind;
    }

  for (guint i = 0; i < page->blocks->len; i++)
    {
      HtmlBlock *b = HTML_BLOCK (page, i);

      b->kind = kind[b->container];
      if (!in_content[b->container] && b->kind == HTML_KIND_OTHER && b->link_chars * 2 > b->chars &&
          region[b->container] < 0)
        b->kind = HTML_KIND_NAVIGATION;
      if (b->kind == HTML_KIND_ARTICLE && is_byline (page, b, hints))
        b->kind = HTML_KIND_BYLINE;
      if (b->kind == HTML_KIND_ARTICLE && first_article == G_MAXUINT)
        first_article = i;
    }
  headline = find_headline (page, hints->title, first_article == G_MAXUINT ? 0 : first_article);
  /* A <title> that no heading repeats: the article's <h1> is still its headline. */
  if (headline < 0 && hints->title != NULL)
    headline = find_headline (page, NULL, first_article == G_MAXUINT ? 0 : first_article);
  if (headline >= 0)
    HTML_BLOCK (page, headline)->kind = HTML_KIND_HEADLINE;

  /* A page with text always has an article: at least its densest block. */
  for (guint i = 0; i < page->blocks->len && !any_article; i++)
    any_article = HTML_BLOCK (page, i)->kind == HTML_KIND_ARTICLE;
  if (!any_article)
    {
      int densest = -1;
      glong most = -1;

      for (guint i = 0; i < page->blocks->len; i++)
        {
          const HtmlBlock *b = HTML_BLOCK (page, i);

          if ((int) i != headline && b->chars - b->link_chars > most)
            {
              most = b->chars - b->link_chars;
              densest = i;
            }
        }
      if (densest >= 0)
        HTML_BLOCK (page, densest)->kind = HTML_KIND_ARTICLE;
    }
}
