/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-tables.c: the tables of the comparison, from the sums. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-compare-private.h"

#define TOP_WORDS 10

#define STAT(i) ((OutletStats *) g_ptr_array_index (stats, (i)))

/* Keys of @tables (hash tables of counts) across all outlets, by total
 * count, most first, then by name. */
typedef struct
{
  const char *key;
  gint64 total;
} KeyTotal;

static int
compare_key_totals (gconstpointer a,
                    gconstpointer b)
{
  const KeyTotal *x = a, *y = b;

  if (x->total != y->total)
    return x->total < y->total ? 1 : -1;
  return strcmp (x->key, y->key);
}

static GArray *
sorted_keys (GPtrArray *stats,
             gsize      offset)
{
  g_autoptr(GHashTable) totals = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (KeyTotal));
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < stats->len; i++)
    {
      GHashTable *counts = G_STRUCT_MEMBER (GHashTable *, STAT (i), offset);

      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (totals, key,
                             GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (totals, key)) +
                                               *(gint64 *) value));
    }
  g_hash_table_iter_init (&iter, totals);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KeyTotal kt = { key, (gint64) GPOINTER_TO_SIZE (value) };

      g_array_append_val (keys, kt);
    }
  g_array_sort (keys, compare_key_totals);
  return keys;
}

static const char * const metric_column[] = { N_("Metric"), NULL };

static void
build_size (HearsayComparison *self,
            GPtrArray         *stats)
{
  const char *keys[] = { _(metric_column[0]) };
  HearsayComparisonTable *t = hearsay_comparison_table_new (self, HEARSAY_SECTION_SIZE, 1, keys, TRUE, NULL);
  HearsayComparisonCell *docs = hearsay_comparison_table_add_row (t, (const char *[]) { "documents" });
  HearsayComparisonCell *words = hearsay_comparison_table_add_row (t, (const char *[]) { "words" });

  for (guint i = 0; i < stats->len; i++)
    {
      hearsay_cell_set_count (&docs[i + 1], STAT (i)->documents, -1);
      hearsay_cell_set_count (&words[i + 1], STAT (i)->words, -1);
    }
}

static void
build_attribution (HearsayComparison *self,
                   GPtrArray         *stats)
{
  const char *keys[] = { _(metric_column[0]) };
  HearsayComparisonTable *t = hearsay_comparison_table_new (self, HEARSAY_SECTION_ATTRIBUTION, 1, keys, TRUE, NULL);
  HearsayComparisonCell *claims = hearsay_comparison_table_add_row (t, (const char *[]) { "claims" });
  HearsayComparisonCell *rate = hearsay_comparison_table_add_row (t, (const char *[]) { "claims_per_1000_words" });
  HearsayComparisonCell *items = hearsay_comparison_table_add_row (t, (const char *[]) { "claims_and_attributed_content" });
  HearsayComparisonCell *attributed = hearsay_comparison_table_add_row (t, (const char *[]) { "attributed_share" });
  HearsayComparisonCell *asserted = hearsay_comparison_table_add_row (t, (const char *[]) { "asserted_share" });
  HearsayComparisonCell *weak = hearsay_comparison_table_add_row (t, (const char *[]) { "anonymous_or_described_share" });

  for (guint i = 0; i < stats->len; i++)
    {
      OutletStats *s = STAT (i);

      hearsay_cell_set_count (&claims[i + 1], s->claims, -1);
      hearsay_cell_set_rate (&rate[i + 1], s->claims, s->words, 1000);
      hearsay_cell_set_count (&items[i + 1], s->attributable, -1);
      hearsay_cell_set_rate (&attributed[i + 1], s->attributed, s->attributable, 100);
      hearsay_cell_set_rate (&asserted[i + 1], s->attributable - s->attributed, s->attributable, 100);
      hearsay_cell_set_rate (&weak[i + 1], s->weak, s->attributed, 100);
    }
}

static void
build_sources (HearsayComparison *self,
               GPtrArray         *stats)
{
  const char *keys[] = { _("Entity kind") };
  HearsayComparisonTable *t = hearsay_comparison_table_new (self, HEARSAY_SECTION_SOURCES, 1, keys, TRUE, NULL);
  g_autoptr(GArray) kinds = sorted_keys (stats, G_STRUCT_OFFSET (OutletStats, kinds));
  HearsayComparisonCell *row;

  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < kinds->len; k++)
      {
        const char *kind = g_array_index (kinds, KeyTotal, k).key;

        /* Unlinked mentions last. */
        if ((*kind == '\0') != (pass == 1))
          continue;
        row = hearsay_comparison_table_add_row (t, (const char *[]) { *kind ? kind : "unlinked" });
        for (guint i = 0; i < stats->len; i++)
          hearsay_cell_set_count (&row[i + 1], hearsay_count_get (STAT (i)->kinds, kind),
                                  STAT (i)->sources);
      }
  row = hearsay_comparison_table_add_row (t, (const char *[]) { "all" });
  for (guint i = 0; i < stats->len; i++)
    hearsay_cell_set_count (&row[i + 1], STAT (i)->sources, -1);
  row = hearsay_comparison_table_add_row (t, (const char *[]) { "linked" });
  for (guint i = 0; i < stats->len; i++)
    hearsay_cell_set_count (&row[i + 1], STAT (i)->linked, STAT (i)->sources);
  row = hearsay_comparison_table_add_row (t, (const char *[]) { "state_affiliated_share" });
  for (guint i = 0; i < stats->len; i++)
    hearsay_cell_set_rate (&row[i + 1], STAT (i)->state, STAT (i)->linked, 100);
}

static void
build_persuasion (HearsayComparison *self,
                  GPtrArray         *stats)
{
  const char *keys[] = { _("Technique") };
  HearsayComparisonTable *t = hearsay_comparison_table_new (self, HEARSAY_SECTION_PERSUASION, 1, keys, TRUE, NULL);
  g_autoptr(GArray) techniques = sorted_keys (stats, G_STRUCT_OFFSET (OutletStats, techniques));
  HearsayComparisonCell *row = hearsay_comparison_table_add_row (t, (const char *[]) { "all" });

  for (guint i = 0; i < stats->len; i++)
    hearsay_cell_set_rate (&row[i + 1], STAT (i)->persuasion, STAT (i)->words, 1000);
  for (guint k = 0; k < techniques->len; k++)
    {
      const char *technique = g_array_index (techniques, KeyTotal, k).key;

      row = hearsay_comparison_table_add_row (t, (const char *[]) { *technique ? technique : "unspecified" });
      for (guint i = 0; i < stats->len; i++)
        hearsay_cell_set_rate (&row[i + 1], hearsay_count_get (STAT (i)->techniques, technique),
                               STAT (i)->words, 1000);
    }
}

static void
build_frames (HearsayComparison *self,
              GPtrArray         *stats)
{
  const char *keys[] = { _("Source"), _("Frame") };
  HearsayComparisonTable *t = hearsay_comparison_table_new (self, HEARSAY_SECTION_FRAMES, 2, keys, TRUE, NULL);
  g_autoptr(GArray) dimensions = sorted_keys (stats, G_STRUCT_OFFSET (OutletStats, dimensions));
  g_autoptr(GArray) fields = sorted_keys (stats, G_STRUCT_OFFSET (OutletStats, doc_frames));

  for (guint k = 0; k < dimensions->len; k++)
    {
      const char *dimension = g_array_index (dimensions, KeyTotal, k).key;
      HearsayComparisonCell *row =
        hearsay_comparison_table_add_row (t, (const char *[]) { HEARSAY_LABEL_FRAME_CUE, *dimension ? dimension : "unspecified" });

      for (guint i = 0; i < stats->len; i++)
        hearsay_cell_set_count (&row[i + 2], hearsay_count_get (STAT (i)->dimensions, dimension),
                                STAT (i)->frame_cues);
    }
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < fields->len; k++)
      {
        const char *key = g_array_index (fields, KeyTotal, k).key;
        g_auto(GStrv) parts = g_strsplit (key, "\t", 2);
        HearsayComparisonCell *row;

        if (g_str_equal (parts[0], "frames") != (pass == 0))
          continue;
        row = hearsay_comparison_table_add_row (t, (const char * const *) parts);
        for (guint i = 0; i < stats->len; i++)
          hearsay_cell_set_count (&row[i + 2], hearsay_count_get (STAT (i)->doc_frames, key),
                                  STAT (i)->documents);
      }
}

static void
build_naming (HearsayComparison *self,
              GPtrArray         *stats,
              GPtrArray         *naming_order)
{
  const char *keys[] = { _("Entity") };
  HearsayComparisonTable *t = hearsay_comparison_table_new (self, HEARSAY_SECTION_NAMING, 1, keys, TRUE, NULL);

  for (guint k = 0; k < naming_order->len; k++)
    {
      NamingEntry *entry = g_ptr_array_index (naming_order, k);
      HearsayComparisonCell *row = hearsay_comparison_table_add_row (t, (const char *[]) { entry->name });

      for (guint i = 0; i < stats->len; i++)
        hearsay_cell_set_text (&row[i + 1], ((GString *) g_ptr_array_index (entry->forms, i))->str,
                               g_array_index (entry->totals, gint64, i));
    }
}

/* Chains: edges "X relayed_by Y" read outermost relayer first, Y → X. */
typedef struct
{
  GHashTable *children;  /* to id → GArray of from ids (gint64) */
  GHashTable *labels;    /* id → label */
  GHashTable *outlets;   /* id → outlet */
  GHashTable *counts;    /* "outlet\tpath" → gint64 * */
  GPtrArray *order;      /* keys of counts, first seen first */
} Chains;

static void
walk_chain (Chains   *ch,
            gint64    id,
            GPtrArray *path,
            guint     depth)
{
  GArray *children = g_hash_table_lookup (ch->children, &id);
  gboolean leaf = TRUE;

  g_ptr_array_add (path, g_hash_table_lookup (ch->labels, &id));
  for (guint i = 0; children && depth < 32 && i < children->len; i++)
    {
      leaf = FALSE;
      walk_chain (ch, g_array_index (children, gint64, i), path, depth + 1);
    }
  if (leaf && path->len > 1)
    {
      g_autofree char *joined = NULL;
      g_autofree char *key = NULL;
      gint64 *count;

      g_ptr_array_add (path, NULL);
      joined = g_strjoinv ("\t", (char **) path->pdata);
      g_ptr_array_remove_index (path, path->len - 1);
      key = g_strconcat (g_hash_table_lookup (ch->outlets, &id), "\t", joined, NULL);
      count = g_hash_table_lookup (ch->counts, key);
      if (count == NULL)
        {
          count = g_new0 (gint64, 1);
          g_hash_table_insert (ch->counts, g_strdup (key), count);
          g_ptr_array_add (ch->order, g_strdup (key));
        }
      (*count)++;
    }
  g_ptr_array_remove_index (path, path->len - 1);
}

static char *
node_label (const char *entity,
            const char *text)
{
  return entity != NULL && *entity ? g_strdup (entity) : g_strdup_printf ("“%s”", text ? text : "");
}

static void
build_chains (HearsayComparison *self,
              GArray            *chain_edges)
{
  const char *keys[] = { _("Outlet"), _("Chain") };
  const char *more[] = { _("Sources"), _("Count"), NULL };
  HearsayComparisonTable *t = hearsay_comparison_table_new (self, HEARSAY_SECTION_CHAINS, 2, keys, FALSE, more);
  g_autoptr(GHashTable) relayed = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  Chains ch = {
    g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) g_array_unref),
    g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free),
    g_hash_table_new (g_int64_hash, g_int64_equal),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    g_ptr_array_new_with_free_func (g_free),
  };

  for (guint i = 0; i < chain_edges->len; i++)
    {
      HearsaySumChainEdge *e = &g_array_index (chain_edges, HearsaySumChainEdge, i);
      GArray *children = g_hash_table_lookup (ch.children, &e->to_id);

      if (children == NULL)
        {
          children = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (ch.children, &e->to_id, children);
        }
      g_array_append_val (children, e->from_id);
      g_hash_table_add (relayed, &e->from_id);
      g_hash_table_replace (ch.labels, &e->from_id, node_label (e->from_entity, e->from_text));
      g_hash_table_replace (ch.labels, &e->to_id, node_label (e->to_entity, e->to_text));
      g_hash_table_replace (ch.outlets, &e->from_id, (gpointer) e->outlet);
      g_hash_table_replace (ch.outlets, &e->to_id, (gpointer) e->outlet);
    }
  for (guint i = 0; i < chain_edges->len; i++)
    {
      HearsaySumChainEdge *e = &g_array_index (chain_edges, HearsaySumChainEdge, i);

      /* A root relays others and is relayed by none; start there once. */
      if (!g_hash_table_contains (relayed, &e->to_id))
        {
          g_hash_table_add (relayed, &e->to_id);
          walk_chain (&ch, e->to_id, path, 0);
        }
    }
  for (guint o = 0; o < self->outlets->len; o++)
    for (guint i = 0; i < ch.order->len; i++)
      {
        const char *key = g_ptr_array_index (ch.order, i);
        const char *outlet = g_ptr_array_index (self->outlets, o);
        gsize length = strlen (outlet);
        g_auto(GStrv) parts = NULL;
        g_autofree char *chain = NULL;
        HearsayComparisonChain *item;
        HearsayComparisonCell *row;
        guint n;

        /* Keys are "outlet\tnode\t…": split only this outlet's. */
        if (strncmp (key, outlet, length) != 0 || key[length] != '\t')
          continue;
        parts = g_strsplit (key, "\t", -1);
        n = g_strv_length (parts);
        chain = g_strjoinv (" → ", parts + 1);
        row = hearsay_comparison_table_add_row (t, (const char *[]) {
                                                  g_ptr_array_index (self->outlet_titles, o), chain });
        hearsay_cell_set_count (&row[2], n - 1, -1);
        hearsay_cell_set_count (&row[3], *(gint64 *) g_hash_table_lookup (ch.counts, key), -1);
        item = g_new0 (HearsayComparisonChain, 1);
        item->outlet = o;
        item->count = row[3].numerator;
        g_free (parts[0]);
        parts[0] = g_strdup (g_ptr_array_index (self->outlet_titles, o));
        item->nodes = g_steal_pointer (&parts);
        g_ptr_array_add (self->chains, item);
      }
  g_hash_table_unref (ch.children);
  g_hash_table_unref (ch.labels);
  g_hash_table_unref (ch.outlets);
  g_hash_table_unref (ch.counts);
  g_ptr_array_unref (ch.order);
}

static guint
outlet_of (HearsayComparison *self,
           const char        *outlet)
{
  for (guint i = 0; i < self->outlets->len; i++)
    if (g_str_equal (g_ptr_array_index (self->outlets, i), outlet))
      return i;
  return 0;
}

/* One claim of a same_claim_as cluster or contradicts pair. */
typedef struct
{
  gint64 id;
  const char *outlet;
  const char *text;
} Claim;

static gint64
find_root (GHashTable *parent,
           gint64      id)
{
  gint64 *p;

  while ((p = g_hash_table_lookup (parent, &id)) != NULL && *p != id)
    id = *p;
  return id;
}

static void
claim_cells (HearsayComparison     *self,
             HearsayComparisonCell *row,
             GPtrArray             *members,   /* Claim * */
             const char            *missing)
{
  for (guint o = 0; o < self->outlets->len; o++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      gint64 n = 0;

      for (guint m = 0; m < members->len; m++)
        {
          const Claim *claim = g_ptr_array_index (members, m);

          if (outlet_of (self, claim->outlet) != o)
            continue;
          g_string_append_printf (text, "%s%s", n++ ? " / " : "", claim->text ? claim->text : "");
        }
      hearsay_cell_set_text (&row[2 + o], n ? text->str : missing, n);
    }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = (*(Claim * const *) a)->id;
  gint64 y = (*(Claim * const *) b)->id;

  return (x > y) - (x < y);
}

static void
build_claims (HearsayComparison *self,
              GArray            *claim_links)
{
  const char *keys[] = { _("Relation"), _("Group") };
  HearsayComparisonTable *t = hearsay_comparison_table_new (self, HEARSAY_SECTION_CLAIMS, 2, keys, TRUE, NULL);
  g_autoptr(GHashTable) parent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) claims = g_hash_table_new (g_int64_hash, g_int64_equal);   /* id → Claim */
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) group_order = g_ptr_array_new ();
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) members_storage = g_ptr_array_new_with_free_func (g_free);
  guint n_contradicts = 0;

  for (guint i = 0; i < claim_links->len; i++)
    {
      const HearsaySumClaimLink *l = &g_array_index (claim_links, HearsaySumClaimLink, i);
      const Claim ends[2] = { { l->from_id, l->from_outlet, l->from_text },
                              { l->to_id, l->to_outlet, l->to_text } };

      for (guint side = 0; side < 2; side++)
        if (!g_hash_table_contains (claims, &ends[side].id))
          {
            Claim *claim = g_memdup2 (&ends[side], sizeof (Claim));

            g_ptr_array_add (members_storage, claim);
            g_hash_table_insert (claims, &claim->id, claim);
          }
      if (g_str_equal (l->type, HEARSAY_RELATION_SAME_CLAIM_AS))
        {
          gint64 a = find_root (parent, l->from_id), b = find_root (parent, l->to_id);

          if (a != b)
            g_hash_table_insert (parent, g_memdup2 (&a, sizeof a), g_memdup2 (&b, sizeof b));
        }
    }
  /* Clusters, ordered by their smallest claim id. */
  g_ptr_array_sort (members_storage, compare_ids);
  for (guint i = 0; i < members_storage->len; i++)
    {
      Claim *claim = g_ptr_array_index (members_storage, i);
      gint64 root = find_root (parent, claim->id);
      GPtrArray *group = g_hash_table_lookup (groups, &root);

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, g_memdup2 (&root, sizeof root), group);
          g_ptr_array_add (group_order, group);
        }
      g_ptr_array_add (group, claim);
    }
  for (guint g = 0, number = 0; g < group_order->len; g++)
    {
      GPtrArray *group = g_ptr_array_index (group_order, g);
      g_autofree char *label = NULL;

      if (group->len < 2)
        continue;
      label = g_strdup_printf ("%u", ++number);
      claim_cells (self, hearsay_comparison_table_add_row (t, (const char *[]) { HEARSAY_RELATION_SAME_CLAIM_AS, label }),
                   group, _("(omitted)"));
    }
  for (guint i = 0; i < claim_links->len; i++)
    {
      const HearsaySumClaimLink *l = &g_array_index (claim_links, HearsaySumClaimLink, i);
      g_autoptr(GPtrArray) pair = g_ptr_array_new ();
      g_autofree char *label = NULL;
      char *key;

      if (!g_str_equal (l->type, HEARSAY_RELATION_CONTRADICTS))
        continue;
      /* Symmetric: a pair stored both ways is listed once. */
      key = g_strdup_printf ("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                             MIN (l->from_id, l->to_id), MAX (l->from_id, l->to_id));
      if (!g_hash_table_add (pairs, key))
        continue;
      g_ptr_array_add (pair, g_hash_table_lookup (claims, &l->from_id));
      g_ptr_array_add (pair, g_hash_table_lookup (claims, &l->to_id));
      label = g_strdup_printf ("%u", ++n_contradicts);
      claim_cells (self, hearsay_comparison_table_add_row (t, (const char *[]) { HEARSAY_RELATION_CONTRADICTS, label }),
                   pair, "");
    }
}

/* Distinctive wording: each outlet i against all the others pooled (j), the
 * weighted log-odds ratio with an informative Dirichlet prior (Monroe,
 * Colaresi & Quinn 2008, eq. 16–22). The prior is the pooled counts of the
 * comparison itself: α_w = y_w, so α0 = n (the pooled number of tokens).
 *   δ_w = log ((y_wi + α_w) / (n_i + α0 − y_wi − α_w))
 *       − log ((y_wj + α_w) / (n_j + α0 − y_wj − α_w))
 *   σ²  = 1 / (y_wi + α_w) + 1 / (y_wj + α_w);   z = δ_w / σ */
typedef struct
{
  const char *word;
  gint64 mine, others;
  double delta, z;
} WordScore;

static int
compare_scores (gconstpointer a,
                gconstpointer b)
{
  const WordScore *x = a, *y = b;

  if (x->z != y->z)
    return x->z < y->z ? 1 : -1;
  return strcmp (x->word, y->word);
}

static void
build_wording (HearsayComparison *self,
               GPtrArray         *stats)
{
  const char *keys[] = { _("Outlet"), _("Word") };
  const char *more[] = { _("Count"), _("Others"), _("Log-odds"), _("z"), NULL };
  HearsayComparisonTable *t = hearsay_comparison_table_new (self, HEARSAY_SECTION_WORDING, 2, keys, FALSE, more);
  g_autoptr(GHashTable) pooled = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer key, value;
  gint64 n = 0;

  if (stats->len < 2)
    return;
  for (guint i = 0; i < stats->len; i++)
    {
      g_hash_table_iter_init (&iter, STAT (i)->vocabulary);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gint64 *y = g_hash_table_lookup (pooled, key);

          if (y == NULL)
            g_hash_table_insert (pooled, key, y = g_new0 (gint64, 1));
          *y += *(gint64 *) value;
        }
      n += STAT (i)->span_words;
    }
  for (guint i = 0; i < stats->len; i++)
    {
      g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (WordScore));
      gint64 n_i = STAT (i)->span_words, n_j = n - n_i;
      double a0 = n;

      g_hash_table_iter_init (&iter, STAT (i)->vocabulary);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gint64 y = *(gint64 *) g_hash_table_lookup (pooled, key);
          WordScore s = { key, *(gint64 *) value, y - *(gint64 *) value, 0, 0 };
          double aw = y;
          double ai = s.mine + aw, bi = n_i + a0 - s.mine - aw;
          double aj = s.others + aw, bj = n_j + a0 - s.others - aw;

          if (bi <= 0 || bj <= 0)
            continue;
          s.delta = log (ai / bi) - log (aj / bj);
          s.z = s.delta / sqrt (1.0 / ai + 1.0 / aj);
          g_array_append_val (scores, s);
        }
      g_array_sort (scores, compare_scores);
      for (guint k = 0; k < MIN (scores->len, TOP_WORDS); k++)
        {
          WordScore *s = &g_array_index (scores, WordScore, k);
          HearsayComparisonCell *row =
            hearsay_comparison_table_add_row (t, (const char *[]) { g_ptr_array_index (self->outlet_titles, i), s->word });

          hearsay_cell_set_count (&row[2], s->mine, n_i);
          hearsay_cell_set_count (&row[3], s->others, n_j);
          hearsay_cell_set_number (&row[4], s->delta);
          hearsay_cell_set_number (&row[5], s->z);
        }
    }
}

void
hearsay_comparison_build_tables (HearsayComparison *self,
                                 GPtrArray         *stats,
                                 GPtrArray         *naming_order,
                                 GArray            *chain_edges,
                                 GArray            *claim_links)
{
  build_size (self, stats);
  build_attribution (self, stats);
  build_sources (self, stats);
  build_chains (self, chain_edges);
  build_persuasion (self, stats);
  build_frames (self, stats);
  build_naming (self, stats, naming_order);
  build_claims (self, claim_links);
  build_wording (self, stats);
}
