/* hearsay-compare-compute.c: runs the store's aggregation queries and turns
 * their rows, per outlet, into the comparison's tables. The store adds up
 * per-document aggregates; the only per-item work here is on small sets:
 * chains, claim clusters and the outlets' vocabularies. */
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
on_labels (guint n, const char * const *t, const gint64 *v, gpointer data)
{
  OutletStats *s = outlet_stats (data, t[0]);

  if (s == NULL || t[1] == NULL)
    return;
  if (g_str_equal (t[1], "claim") || g_str_equal (t[1], "attributed_content"))
    s->attributable += v[2];
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

  if (s == NULL || t[1] == NULL)
    return;
  if (g_str_equal (t[1], "attributed"))
    s->attributed += v[2];
  else if (g_str_equal (t[1], "weak"))
    s->weak += v[2];
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

static void
on_word (guint n, const char * const *t, const gint64 *v, gpointer data)
{
  OutletStats *s = outlet_stats (data, t[0]);

  if (s == NULL || t[1] == NULL)
    return;
  count_add (s->vocabulary, t[1], v[2]);
  s->span_words += v[2];
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
    { HEARSAY_STORE_COMPARE_WORDS, on_word },
  };
  Compute c = { self, hearsay_project_get_store (project) };
  g_autoptr(GPtrArray) stats = g_ptr_array_new_with_free_func ((GDestroyNotify) stats_free);
  g_autoptr(GHashTable) outlet_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) naming = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) naming_entry_free);
  g_autoptr(GPtrArray) naming_order = g_ptr_array_new ();
  g_autoptr(GPtrArray) chain_edges = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) claim_links = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean ok;

  c.stats = stats;
  c.outlet_index = outlet_index;
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
    }
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
