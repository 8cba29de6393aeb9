/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-compute.c: reads the project's comparison sums and turns
 * their rows, per outlet, into the comparison's tables. The store adds up
 * per-document aggregates; the only per-item work here is on small sets:
 * chains, claim clusters and the outlets' vocabularies. */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <glib/gi18n-lib.h>

#include "hearsay-compare-private.h"
#include "hearsay-project-team.h"
#include "hearsay-scheme-ids.h"

typedef struct
{
  HearsayComparison *self;
  GHashTable *outlet_index;  /* outlet → index + 1 */
  GPtrArray *stats;          /* OutletStats * */
  GHashTable *naming;        /* entity id → NamingEntry * */
  GPtrArray *naming_order;
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
add_outlet (Compute              *c,
            const HearsaySumSize *row)
{
  OutletStats *s = g_new0 (OutletStats, 1);

  s->documents = row->documents;
  s->words = row->words;
  s->kinds = counts_new ();
  s->techniques = counts_new ();
  s->dimensions = counts_new ();
  s->doc_frames = counts_new ();
  s->vocabulary = counts_new ();
  g_ptr_array_add (c->self->outlets, g_strdup (row->outlet ? row->outlet : ""));
  g_ptr_array_add (c->stats, s);
}

#define FOREACH_ROW(type, array, row) \
  for (guint i_ = 0; i_ < (array)->len; i_++) \
    for (const type *row = &g_array_index ((array), type, i_); row != NULL; row = NULL)

static void
add_labels (Compute            *c,
            HearsayCompareSums *sums)
{
  FOREACH_ROW (HearsaySumCount, sums->labels, r)
    {
      OutletStats *s = outlet_stats (c, r->outlet);

      if (s == NULL || r->key == NULL)
        continue;
      if (g_str_equal (r->key, HEARSAY_LABEL_CLAIM) || g_str_equal (r->key, HEARSAY_LABEL_ATTRIBUTED_CONTENT))
        s->attributable += r->n;
      if (g_str_equal (r->key, HEARSAY_LABEL_CLAIM))
        s->claims += r->n;
      else if (g_str_equal (r->key, HEARSAY_LABEL_PERSUASION))
        s->persuasion += r->n;
      else if (g_str_equal (r->key, HEARSAY_LABEL_FRAME_CUE))
        s->frame_cues += r->n;
    }
  FOREACH_ROW (HearsaySumCount, sums->attribution, r)
    {
      OutletStats *s = outlet_stats (c, r->outlet);

      if (s == NULL || r->key == NULL)
        continue;
      if (g_str_equal (r->key, "attributed"))
        s->attributed += r->n;
      else if (g_str_equal (r->key, "weak"))
        s->weak += r->n;
    }
}

static void
add_counts (Compute            *c,
            HearsayCompareSums *sums)
{
  FOREACH_ROW (HearsaySumSource, sums->sources, r)
    {
      OutletStats *s = outlet_stats (c, r->outlet);

      if (s == NULL)
        continue;
      count_add (s->kinds, r->kind ? r->kind : "", r->mentions);
      s->sources += r->mentions;
      if (r->kind != NULL)
        s->linked += r->mentions;
      s->state += r->state;
    }
  FOREACH_ROW (HearsaySumCount, sums->techniques, r)
    {
      OutletStats *s = outlet_stats (c, r->outlet);

      if (s != NULL)
        count_add (s->techniques, r->key ? r->key : "", r->n);
    }
  FOREACH_ROW (HearsaySumCount, sums->dimensions, r)
    {
      OutletStats *s = outlet_stats (c, r->outlet);

      if (s != NULL)
        count_add (s->dimensions, r->key ? r->key : "", r->n);
    }
  FOREACH_ROW (HearsaySumDocumentFrame, sums->document_frames, r)
    {
      OutletStats *s = outlet_stats (c, r->outlet);
      g_autofree char *key = g_strconcat (r->field, "\t", r->value, NULL);

      if (s != NULL)
        count_add (s->doc_frames, key, r->documents);
    }
  FOREACH_ROW (HearsaySumCount, sums->words, r)
    {
      OutletStats *s = outlet_stats (c, r->outlet);

      if (s == NULL || r->key == NULL)
        continue;
      count_add (s->vocabulary, r->key, r->n);
      s->span_words += r->n;
    }
}

static void
add_naming (Compute            *c,
            HearsayCompareSums *sums)
{
  FOREACH_ROW (HearsaySumNaming, sums->naming, r)
    {
      NamingEntry *entry = g_hash_table_lookup (c->naming, &r->entity_id);
      guint outlet = outlet_number (c, r->outlet);
      GString *forms;

      if (outlet >= c->stats->len)
        continue;
      if (entry == NULL)
        {
          entry = g_new0 (NamingEntry, 1);
          entry->name = g_strdup (r->entity_name);
          entry->forms = g_ptr_array_new_with_free_func (string_free);
          entry->totals = g_array_new (FALSE, TRUE, sizeof (gint64));
          g_array_set_size (entry->totals, c->stats->len);
          for (guint i = 0; i < c->stats->len; i++)
            g_ptr_array_add (entry->forms, g_string_new (NULL));
          g_hash_table_insert (c->naming, g_memdup2 (&r->entity_id, sizeof (gint64)), entry);
          g_ptr_array_add (c->naming_order, entry);
        }
      forms = g_ptr_array_index (entry->forms, outlet);
      g_string_append_printf (forms, "%s%s (%" PRId64 ")",
                              forms->len > 0 ? "; " : "", r->form ? r->form : "", r->mentions);
      g_array_index (entry->totals, gint64, outlet) += r->mentions;
    }
}

gboolean
hearsay_comparison_compute (HearsayComparison  *self,
                            HearsayProject     *project,
                            const gint64       *document_ids,
                            guint               n_documents,
                            gint64              event_id,
                            GError            **error)
{
  g_autoptr(HearsayCompareSums) sums = NULL;
  g_autoptr(GPtrArray) stats = g_ptr_array_new_with_free_func ((GDestroyNotify) stats_free);
  g_autoptr(GHashTable) outlet_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) naming = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) naming_entry_free);
  g_autoptr(GPtrArray) naming_order = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) reordered = g_ptr_array_new ();
  Compute c = { self, outlet_index, stats, naming, naming_order };

  sums = hearsay_project_read_layer_compare_sums (project, hearsay_compare_keys_default (), self->layer,
                                                  document_ids, n_documents, event_id, error);
  if (sums == NULL)
    return FALSE;
  FOREACH_ROW (HearsaySumSize, sums->sizes, r)
    add_outlet (&c, r);

  /* Outlets by name, "(no outlet)" last; the stats follow the same order. */
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
  add_labels (&c, sums);
  add_counts (&c, sums);
  add_naming (&c, sums);
  hearsay_comparison_build_tables (self, stats, naming_order, sums->chain_edges, sums->claim_links);
  return TRUE;
}
