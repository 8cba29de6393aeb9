/* hearsay-compare-compute.c: runs the store's aggregation queries and turns
 * their rows into the comparison's tables. The only per-item work in C is
 * on small sets: boilerplate spans that overlap, chains, claim clusters and
 * the vocabulary of persuasion and frame_cue spans. */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <glib/gi18n-lib.h>

#include "hearsay-compare-private.h"
#include "hearsay-project-private.h"
#include "hearsay-words.h"

#define TOP_WORDS 10

typedef struct
{
  HearsayComparison *self;
  HearsayStore *store;
  GHashTable *outlet_index;  /* outlet → index + 1 */
  GPtrArray *stats;          /* OutletStats * */
  /* boilerplate of the current document */
  gint64 bp_doc;
  guint bp_outlet;
  gint64 bp_max_end, bp_words;
  gboolean bp_overlap;
  GArray *bp_spans;          /* gint64 pairs */
  GPtrArray *bp_pending;     /* GArray: document id, outlet, spans… */
  GHashTable *naming;        /* entity id → NamingEntry * */
  GPtrArray *naming_order;
  GPtrArray *chain_edges;    /* GStrv: outlet, from id, from label, to id, to label */
  GPtrArray *claim_links;    /* GStrv: type, from, outlet, text, to, outlet, text */
} Compute;

static void
stats_free (OutletStats *s)
{
  g_hash_table_unref (s->kinds);
  g_hash_table_unref (s->techniques);
  g_hash_table_unref (s->dimensions);
  g_hash_table_unref (s->doc_frames);
  g_hash_table_unref (s->vocabulary);
  g_free (s);
}

static GHashTable *
counts_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
count_add (GHashTable *counts,
           const char *key,
           gint64      n)
{
  gint64 *value = g_hash_table_lookup (counts, key);

  if (value == NULL)
    {
      value = g_new0 (gint64, 1);
      g_hash_table_insert (counts, g_strdup (key), value);
    }
  *value += n;
}

static void
naming_entry_free (NamingEntry *entry)
{
  g_free (entry->name);
  g_ptr_array_unref (entry->forms);
  g_array_unref (entry->totals);
  g_free (entry);
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static OutletStats *
outlet_stats (Compute    *c,
              const char *outlet)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (c->outlet_index, outlet ? outlet : ""));

  return i == 0 ? NULL : g_ptr_array_index (c->stats, i - 1);
}

static guint
outlet_number (Compute    *c,
               const char *outlet)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (c->outlet_index, outlet ? outlet : "")) - 1;
}

static int
compare_outlets (gconstpointer a,
                 gconstpointer b)
{
  const char *x = *(const char * const *) a, *y = *(const char * const *) b;

  /* Documents without an outlet come last. */
  if (*x == '\0' || *y == '\0')
    return (*x == '\0') - (*y == '\0');
  return g_utf8_collate (x, y);
}

static void
on_size (guint n, const char * const *t, const gint64 *v, gpointer data)
{
  Compute *c = data;
  OutletStats *s = g_new0 (OutletStats, 1);

  s->documents = v[1];
  s->words = v[2];
  s->kinds = counts_new ();
  s->techniques = counts_new ();
  s->dimensions = counts_new ();
  s->doc_frames = counts_new ();
  s->vocabulary = counts_new ();
  g_ptr_array_add (c->self->outlets, g_strdup (t[0] ? t[0] : ""));
  g_ptr_array_add (c->stats, s);
}

static void
bp_flush (Compute *c)
{
  if (c->bp_doc == 0)
    return;
  if (!c->bp_overlap)
    ((OutletStats *) g_ptr_array_index (c->stats, c->bp_outlet))->words -= c->bp_words;
  else
    {
      GArray *pending = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 head[2] = { c->bp_doc, c->bp_outlet };

      g_array_append_vals (pending, head, 2);
      g_array_append_vals (pending, c->bp_spans->data, c->bp_spans->len);
      g_ptr_array_add (c->bp_pending, pending);
    }
  c->bp_doc = 0;
  c->bp_max_end = c->bp_words = 0;
  c->bp_overlap = FALSE;
  g_array_set_size (c->bp_spans, 0);
}

static void
on_boilerplate (guint n, const char * const *t, const gint64 *v, gpointer data)
{
  Compute *c = data;
  gint64 span[2] = { v[2], v[3] };

  if (v[1] != c->bp_doc)
    {
      bp_flush (c);
      c->bp_doc = v[1];
      c->bp_outlet = outlet_number (c, t[0]);
    }
  if (v[2] < c->bp_max_end)
    c->bp_overlap = TRUE;
  c->bp_max_end = MAX (c->bp_max_end, v[3]);
  c->bp_words += v[4];
  g_array_append_vals (c->bp_spans, span, 2);
}

/* Overlapping boilerplate spans: count the words of their union in the text. */
static gboolean
bp_count_overlapping (Compute  *c,
                      GError  **error)
{
  for (guint i = 0; i < c->bp_pending->len; i++)
    {
      GArray *pending = g_ptr_array_index (c->bp_pending, i);
      const gint64 *p = (const gint64 *) pending->data;
      g_autoptr(HearsayDocument) doc = hearsay_store_load_document (c->store, p[0], error);
      OutletStats *s = g_ptr_array_index (c->stats, p[1]);
      const char *text;
      glong length;
      gint64 start = -1, end = -1;

      if (doc == NULL)
        return FALSE;
      text = hearsay_document_get_text (doc);
      length = g_utf8_strlen (text, -1);
      for (guint k = 2; k <= pending->len; k += 2)
        {
          gboolean last = k == pending->len;

          if (!last && start >= 0 && p[k] <= end)
            {
              end = MAX (end, p[k + 1]);
              continue;
            }
          if (start >= 0)
            {
              const char *a = g_utf8_offset_to_pointer (text, MIN (start, length));
              const char *b = g_utf8_offset_to_pointer (text, MIN (end, length));

              s->words -= hearsay_words_count (a, b - a);
            }
          if (!last)
            {
              start = p[k];
              end = p[k + 1];
            }
        }
    }
  return TRUE;
}

static void
on_labels (guint n, const char * const *t, const gint64 *v, gpointer data)
{
  OutletStats *s = outlet_stats (data, t[0]);

  if (s == NULL || t[1] == NULL)
    return;
  if (g_str_equal (t[1], "claim"))
    s->claims += v[2];
  else if (g_str_equal (t[1], "persuasion"))
    s->persuasion += v[2];
  else if (g_str_equal (t[1], "frame_cue"))
    s->frame_cues += v[2];
}

static void
on_attribution (guint n, const char * const *t, const gint64 *v, gpointer data)
{
  OutletStats *s = outlet_stats (data, t[0]);

  if (s == NULL)
    return;
  s->attributable += v[2];
  s->attributed += v[3];
  s->weak += v[4];
}

static void
on_sources (guint n, const char * const *t, const gint64 *v, gpointer data)
{
  OutletStats *s = outlet_stats (data, t[0]);

  if (s == NULL)
    return;
  count_add (s->kinds, t[1] ? t[1] : "", v[2]);
  s->sources += v[2];
  if (t[1] != NULL)
    s->linked += v[2];
  s->state += v[3];
}

static void
on_techniques (guint n, const char * const *t, const gint64 *v, gpointer data)
{
  OutletStats *s = outlet_stats (data, t[0]);

  if (s != NULL)
    count_add (s->techniques, t[1] ? t[1] : "", v[2]);
}

static void
on_dimensions (guint n, const char * const *t, const gint64 *v, gpointer data)
{
  OutletStats *s = outlet_stats (data, t[0]);

  if (s != NULL)
    count_add (s->dimensions, t[1] ? t[1] : "", v[2]);
}

static void
on_document_frames (guint n, const char * const *t, const gint64 *v, gpointer data)
{
  OutletStats *s = outlet_stats (data, t[0]);
  g_autofree char *key = g_strconcat (t[1], "\t", t[2], NULL);

  if (s != NULL)
    count_add (s->doc_frames, key, v[3]);
}

static void
on_naming (guint n, const char * const *t, const gint64 *v, gpointer data)
{
  Compute *c = data;
  NamingEntry *entry = g_hash_table_lookup (c->naming, &v[1]);
  guint outlet = outlet_number (c, t[0]);
  GString *forms;

  if (outlet >= c->stats->len)
    return;
  if (entry == NULL)
    {
      gint64 *key = g_memdup2 (&v[1], sizeof (gint64));

      entry = g_new0 (NamingEntry, 1);
      entry->name = g_strdup (t[2]);
      entry->forms = g_ptr_array_new_with_free_func (string_free);
      entry->totals = g_array_new (FALSE, TRUE, sizeof (gint64));
      g_array_set_size (entry->totals, c->stats->len);
      for (guint i = 0; i < c->stats->len; i++)
        g_ptr_array_add (entry->forms, g_string_new (NULL));
      g_hash_table_insert (c->naming, key, entry);
      g_ptr_array_add (c->naming_order, entry);
    }
  forms = g_ptr_array_index (entry->forms, outlet);
  g_string_append_printf (forms, "%s%s (%" PRId64 ")",
                          forms->len > 0 ? "; " : "", t[3] ? t[3] : "", v[4]);
  g_array_index (entry->totals, gint64, outlet) += v[4];
}

static void
collect_strv (guint n, const char * const *t, const gint64 *v, gpointer data)
{
  GStrv row = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    row[i] = g_strdup (t[i] ? t[i] : "");
  g_ptr_array_add (data, row);
}

typedef struct
{
  GHashTable *vocabulary;
  gint64 *total;
} TokenSink;

static void
add_token (const char *word, gsize length, gpointer data)
{
  TokenSink *sink = data;
  char ascii[64];
  gsize i;

  /* Most words are short and ASCII: lowercase them without allocating. */
  for (i = 0; i < length && i < sizeof ascii - 1 && (guchar) word[i] < 0x80; i++)
    ascii[i] = g_ascii_tolower (word[i]);
  if (i == length)
    {
      ascii[i] = '\0';
      count_add (sink->vocabulary, ascii, 1);
    }
  else
    {
      g_autofree char *lower = g_utf8_strdown (word, length);

      count_add (sink->vocabulary, lower, 1);
    }
  (*sink->total)++;
}

static void
on_span_text (guint n, const char * const *t, const gint64 *v, gpointer data)
{
  OutletStats *s = outlet_stats (data, t[0]);
  TokenSink sink;

  if (s == NULL)
    return;
  sink.vocabulary = s->vocabulary;
  sink.total = &s->span_words;
  hearsay_words_foreach (t[1], -1, add_token, &sink);
}

gboolean
hearsay_comparison_compute (HearsayComparison  *self,
                            HearsayProject     *project,
                            const gint64       *document_ids,
                            guint               n_documents,
                            gint64              event_id,
                            GError            **error)
{
  static const struct { HearsayStoreCompareQuery query; HearsayStoreRowFunc func; } steps[] = {
    { HEARSAY_STORE_COMPARE_LABELS, on_labels },
    { HEARSAY_STORE_COMPARE_ATTRIBUTION, on_attribution },
    { HEARSAY_STORE_COMPARE_SOURCES, on_sources },
    { HEARSAY_STORE_COMPARE_PERSUASION, on_techniques },
    { HEARSAY_STORE_COMPARE_FRAME_CUES, on_dimensions },
    { HEARSAY_STORE_COMPARE_DOCUMENT_FRAMES, on_document_frames },
    { HEARSAY_STORE_COMPARE_NAMING, on_naming },
    { HEARSAY_STORE_COMPARE_SPAN_TEXTS, on_span_text },
  };
  Compute c = { self, hearsay_project_get_store (project) };
  g_autoptr(GPtrArray) stats = g_ptr_array_new_with_free_func ((GDestroyNotify) stats_free);
  g_autoptr(GHashTable) outlet_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) bp_spans = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) bp_pending = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) naming = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) naming_entry_free);
  g_autoptr(GPtrArray) naming_order = g_ptr_array_new ();
  g_autoptr(GPtrArray) chain_edges = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) claim_links = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean ok;

  c.stats = stats;
  c.outlet_index = outlet_index;
  c.bp_spans = bp_spans;
  c.bp_pending = bp_pending;
  c.naming = naming;
  c.naming_order = naming_order;
  c.chain_edges = chain_edges;
  c.claim_links = claim_links;

  if (!hearsay_store_compare_begin (c.store, document_ids, n_documents, event_id, error))
    return FALSE;
  ok = hearsay_store_compare_query (c.store, HEARSAY_STORE_COMPARE_SIZE, on_size, &c, error);
  if (ok)
    {
      /* Outlets by name, "(no outlet)" last; the stats follow the same order. */
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GPtrArray) reordered = g_ptr_array_new ();

      for (guint i = 0; i < self->outlets->len; i++)
        g_ptr_array_add (names, self->outlets->pdata[i]);
      g_ptr_array_sort (names, compare_outlets);
      for (guint i = 0; i < names->len; i++)
        for (guint k = 0; k < self->outlets->len; k++)
          if (self->outlets->pdata[k] == names->pdata[i])
            g_ptr_array_add (reordered, stats->pdata[k]);
      for (guint i = 0; i < names->len; i++)
        {
          self->outlets->pdata[i] = names->pdata[i];
          stats->pdata[i] = reordered->pdata[i];
          g_hash_table_insert (outlet_index, names->pdata[i], GUINT_TO_POINTER (i + 1));
          g_ptr_array_add (self->outlet_titles,
                           g_strdup (*(char *) names->pdata[i] ? (char *) names->pdata[i]
                                                               : _("(no outlet)")));
          self->n_documents += ((OutletStats *) stats->pdata[i])->documents;
        }
      ok = hearsay_store_compare_query (c.store, HEARSAY_STORE_COMPARE_BOILERPLATE,
                                        on_boilerplate, &c, error);
      bp_flush (&c);
    }
  ok = ok && bp_count_overlapping (&c, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (steps); i++)
    ok = hearsay_store_compare_query (c.store, steps[i].query, steps[i].func, &c, error);
  ok = ok && hearsay_store_compare_query (c.store, HEARSAY_STORE_COMPARE_CHAINS,
                                          collect_strv, chain_edges, error);
  ok = ok && hearsay_store_compare_query (c.store, HEARSAY_STORE_COMPARE_CLAIM_LINKS,
                                          collect_strv, claim_links, error);
  hearsay_store_compare_end (c.store);
  if (!ok)
    return FALSE;

  hearsay_comparison_build_tables (self, stats, naming_order, chain_edges, claim_links);
  return TRUE;
}
