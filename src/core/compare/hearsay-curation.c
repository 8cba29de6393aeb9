/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-curation.c: a document's coders' annotations aligned into units
 * for curation, with each unit's state, and every document's progress.
 * The edits are in hearsay-curation-edit.c. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-curation-private.h"
#include "hearsay-error.h"
#include "hearsay-project-team.h"

G_DEFINE_FINAL_TYPE (HearsayCuration, hearsay_curation, G_TYPE_OBJECT)

static const char * const state_names[] = { "agreed", "disagreed", "accepted", "rejected" };

const char *
hearsay_curation_state_to_string (HearsayCurationState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), NULL);
  return state_names[state];
}

static void
clear_units (HearsayCuration *self)
{
  g_clear_pointer (&self->strings, g_string_chunk_free);
  self->strings = g_string_chunk_new (4096);
  g_array_set_size (self->units, 0);
  g_array_set_size (self->versions, 0);
  g_array_set_size (self->first_version, 0);
  g_hash_table_remove_all (self->unit_of);
  g_ptr_array_set_size (self->coders, 0);
}

static void
hearsay_curation_finalize (GObject *object)
{
  HearsayCuration *self = HEARSAY_CURATION (object);

  g_clear_object (&self->project);
  g_strfreev (self->requested);
  g_ptr_array_unref (self->coders);
  g_free (self->gold);
  g_string_chunk_free (self->strings);
  g_array_unref (self->units);
  g_array_unref (self->versions);
  g_array_unref (self->first_version);
  g_hash_table_unref (self->unit_of);
  G_OBJECT_CLASS (hearsay_curation_parent_class)->finalize (object);
}

static void
hearsay_curation_class_init (HearsayCurationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearsay_curation_finalize;
}

static void
hearsay_curation_init (HearsayCuration *self)
{
  self->strings = g_string_chunk_new (4096);
  self->coders = g_ptr_array_new_with_free_func (g_free);
  self->units = g_array_new (FALSE, TRUE, sizeof (HearsayCurationUnit));
  self->versions = g_array_new (FALSE, TRUE, sizeof (HearsayCurationVersion));
  self->first_version = g_array_new (FALSE, FALSE, sizeof (guint));
  self->unit_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* "status=disputed; identification=anonymous", in the rows' order. */
static char *
describe_values (HearsayLayerRows *rows,
                 gint64            id)
{
  guint n = 0;
  const HearsayLayerValue *v = hearsay_layer_rows_get_values (rows, id, &n);
  GString *s;

  if (n == 0)
    return NULL;
  s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && v[i].name == v[i - 1].name)
        g_string_append_printf (s, ",%s", v[i].value);
      else
        g_string_append_printf (s, "%s%s=%s", i > 0 ? "; " : "", v[i].name, v[i].value);
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  gint64 annotation_id;
  gint64 start;
  gint64 end;
  const char *label;
  guint participant;        /* a coder's index, or n_coders for the gold layer */
  gboolean rejected;
} Item;

/* The document's units; the rows hold its fragments (in fragments
 * [@first, @last)) of every layer that may take part. */
void
hearsay_curation_align_document (HearsayCurationAlign *a)
{
  HearsayLayerRows *rows = a->rows;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_autoptr(GArray) align_items = g_array_new (FALSE, FALSE, sizeof (HearsayAgreementItem));
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (HearsayAgreementUnit));
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GHashTable) item_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree int *participant = g_new (int, MAX (rows->coders->len, 1));
  guint n_coders = 0;

  /* The document's coders: those named, or those who marked something. */
  for (guint c = 0; c < rows->coders->len; c++)
    participant[c] = -1;
  for (guint c = 0; c < rows->coders->len; c++)
    {
      HearsayCoder *coder = g_ptr_array_index (rows->coders, c);
      gboolean take = FALSE;

      if (hearsay_coder_is_gold (coder))
        continue;
      if (a->requested != NULL)
        take = g_strv_contains ((const char * const *) a->requested, hearsay_coder_get_name (coder));
      else if (hearsay_coder_get_role (coder) == HEARSAY_CODER_ROLE_CODER)
        for (guint f = a->first; f < a->last && !take; f++)
          take = g_array_index (rows->fragments, HearsayLayerFragment, f).coder == c;
      if (take)
        {
          participant[c] = n_coders++;
          if (a->coders != NULL)
            g_ptr_array_add (a->coders, g_strdup (hearsay_coder_get_name (coder)));
        }
    }
  for (guint c = 0; c < rows->coders->len; c++)
    if (hearsay_coder_is_gold (g_ptr_array_index (rows->coders, c)))
      participant[c] = n_coders;
  a->n_coders = n_coders;

  for (guint f = a->first; f < a->last; f++)
    {
      const HearsayLayerFragment *fr = &g_array_index (rows->fragments, HearsayLayerFragment, f);
      gpointer index;

      if (participant[fr->coder] < 0)
        continue;
      if (g_hash_table_lookup_extended (item_of, &fr->annotation_id, NULL, &index))
        {
          Item *it = &g_array_index (items, Item, GPOINTER_TO_UINT (index));

          it->start = MIN (it->start, fr->start);
          it->end = MAX (it->end, fr->end);
        }
      else
        {
          Item it = { fr->annotation_id, fr->start, fr->end, fr->label, (guint) participant[fr->coder], fr->rejected };

          g_hash_table_insert (item_of, (gpointer) &fr->annotation_id, GUINT_TO_POINTER (items->len));
          g_array_append_val (items, it);
        }
    }
  g_array_set_size (align_items, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      const Item *it = &g_array_index (items, Item, i);
      HearsayAgreementItem *ai = &g_array_index (align_items, HearsayAgreementItem, i);

      ai->coder = it->participant;
      ai->start = it->start;
      ai->end = it->end;
      ai->label = it->label;
    }
  hearsay_agreement_align ((const HearsayAgreementItem *) align_items->data, align_items->len, FALSE, units, members);

  for (guint u = 0; u < units->len; u++)
    {
      const HearsayAgreementUnit *au = &g_array_index (units, HearsayAgreementUnit, u);
      HearsayCurationUnit unit = { 0 };
      guint first_version = a->versions->len, n_rejected = 0;
      g_autofree char *first_values = NULL;
      gboolean same = TRUE;

      unit.start = G_MAXINT64;
      for (guint k = 0; k < au->n; k++)
        {
          const Item *it = &g_array_index (items, Item, g_array_index (members, guint32, au->first + k));
          g_autofree char *values = describe_values (rows, it->annotation_id);

          unit.start = MIN (unit.start, it->start);
          unit.end = MAX (unit.end, it->end);
          if (a->unit_of != NULL)
            g_hash_table_insert (a->unit_of, g_memdup2 (&it->annotation_id, sizeof (gint64)),
                                 GUINT_TO_POINTER (a->units->len + 1));
          if (it->participant == n_coders)
            {
              unit.gold_id = it->annotation_id;
              unit.gold_label = it->label;
              unit.gold_values = a->strings ? g_string_chunk_insert_const (a->strings, values ? values : "") : NULL;
              continue;
            }
          {
            HearsayCurationVersion v = { (int) it->participant, it->annotation_id, it->start, it->end, it->label,
                                         NULL, it->rejected };
            const HearsayCurationVersion *first = unit.n_versions > 0
                                                  ? &g_array_index (a->versions, HearsayCurationVersion, first_version)
                                                  : NULL;

            if (a->strings != NULL && values != NULL)
              v.values = g_string_chunk_insert_const (a->strings, values);
            if (first == NULL)
              first_values = g_strdup (values);
            else
              {
                if (first->label != v.label)
                  unit.kinds |= HEARSAY_AGREEMENT_LABEL;
                if (first->start != v.start || first->end != v.end)
                  unit.kinds |= HEARSAY_AGREEMENT_SPAN;
                if (g_strcmp0 (first_values, values) != 0 && first->label == v.label)
                  unit.kinds |= HEARSAY_AGREEMENT_ATTRIBUTE;
              }
            n_rejected += v.rejected;
            g_array_append_val (a->versions, v);
            unit.n_versions++;
          }
        }
      if (unit.n_versions < n_coders)
        unit.kinds |= HEARSAY_AGREEMENT_UNMARKED;
      same = unit.kinds == 0 && n_coders >= 2;
      if (unit.gold_id != 0)
        unit.state = HEARSAY_CURATION_ACCEPTED;
      else if (unit.n_versions > 0 && n_rejected == unit.n_versions)
        unit.state = HEARSAY_CURATION_REJECTED;
      else
        unit.state = same ? HEARSAY_CURATION_AGREED : HEARSAY_CURATION_DISAGREED;
      if (unit.n_versions == 0 && unit.gold_id == 0)
        continue;
      g_array_append_val (a->units, unit);
      g_array_append_val (a->first_version, first_version);
    }
}

static GStrv
layers_to_read (HearsayCuration  *self,
                GError          **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (self->requested == NULL)
    return NULL;
  for (guint i = 0; self->requested[i] != NULL; i++)
    g_strv_builder_add (names, self->requested[i]);
  if (self->gold != NULL)
    g_strv_builder_add (names, self->gold);
  return g_strv_builder_end (names);
}

gboolean
hearsay_curation_reload (HearsayCuration  *self,
                         GError          **error)
{
  g_autoptr(HearsayLayerRows) rows = NULL;
  g_auto(GStrv) layers = NULL;
  HearsayCurationAlign a = { 0 };

  g_return_val_if_fail (HEARSAY_IS_CURATION (self), FALSE);

  g_free (self->gold);
  self->gold = hearsay_project_dup_gold_coder (self->project);
  layers = layers_to_read (self, error);
  rows = hearsay_project_read_layers (self->project, &self->document_id, 1, (const char * const *) layers, HEARSAY_LAYER_READ_VALUES,
                                      error);
  if (rows == NULL)
    return FALSE;
  clear_units (self);
  a.rows = rows;
  a.first = 0;
  a.last = rows->fragments->len;
  a.requested = self->requested;
  a.coders = self->coders;
  a.strings = self->strings;
  a.units = self->units;
  a.versions = self->versions;
  a.first_version = self->first_version;
  a.unit_of = self->unit_of;
  hearsay_curation_align_document (&a);
  for (guint u = 0; u < self->units->len; u++)
    g_array_index (self->units, HearsayCurationUnit, u).versions =
      &g_array_index (self->versions, HearsayCurationVersion, g_array_index (self->first_version, guint, u));
  return TRUE;
}

static gboolean
check_project (HearsayProject  *project,
               GError         **error)
{
  if (hearsay_project_get_blind_coder (project) == NULL)
    return TRUE;
  g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
               _("%s is in blind mode (coder %s): curation is done in the project the copies are merged into"),
               hearsay_project_get_path (project), hearsay_project_get_blind_coder (project));
  return FALSE;
}

HearsayCuration *
hearsay_curation_new (HearsayProject      *project,
                      gint64               document_id,
                      const char * const  *coders,
                      GError             **error)
{
  g_autoptr(HearsayCuration) self = NULL;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (project), NULL);
  if (!check_project (project, error))
    return NULL;
  self = g_object_new (HEARSAY_TYPE_CURATION, NULL);
  self->project = g_object_ref (project);
  self->document_id = document_id;
  self->requested = coders != NULL ? g_strdupv ((char **) coders) : NULL;
  if (!hearsay_curation_reload (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gint64
hearsay_curation_get_document (HearsayCuration *self)
{
  g_return_val_if_fail (HEARSAY_IS_CURATION (self), 0);
  return self->document_id;
}

guint
hearsay_curation_get_n_coders (HearsayCuration *self)
{
  g_return_val_if_fail (HEARSAY_IS_CURATION (self), 0);
  return self->coders->len;
}

const char *
hearsay_curation_get_coder (HearsayCuration *self,
                            guint            index)
{
  g_return_val_if_fail (HEARSAY_IS_CURATION (self), NULL);
  g_return_val_if_fail (index < self->coders->len, NULL);
  return g_ptr_array_index (self->coders, index);
}

int
hearsay_curation_find_coder (HearsayCuration *self,
                             const char      *name)
{
  g_return_val_if_fail (HEARSAY_IS_CURATION (self), -1);
  for (guint i = 0; i < self->coders->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->coders, i), name) == 0)
      return (int) i;
  return -1;
}

const char *
hearsay_curation_get_gold_coder (HearsayCuration *self)
{
  g_return_val_if_fail (HEARSAY_IS_CURATION (self), NULL);
  return self->gold;
}

guint
hearsay_curation_get_n_units (HearsayCuration *self)
{
  g_return_val_if_fail (HEARSAY_IS_CURATION (self), 0);
  return self->units->len;
}

const HearsayCurationUnit *
hearsay_curation_get_unit (HearsayCuration *self,
                           guint            index)
{
  g_return_val_if_fail (HEARSAY_IS_CURATION (self), NULL);
  g_return_val_if_fail (index < self->units->len, NULL);
  return &g_array_index (self->units, HearsayCurationUnit, index);
}

int
hearsay_curation_find_unit (HearsayCuration *self,
                            gint64           annotation_id)
{
  g_return_val_if_fail (HEARSAY_IS_CURATION (self), -1);
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->unit_of, &annotation_id)) - 1;
}

int
hearsay_curation_next_unit (HearsayCuration      *self,
                            int                   from,
                            HearsayCurationState  state)
{
  guint n;

  g_return_val_if_fail (HEARSAY_IS_CURATION (self), -1);
  n = self->units->len;
  for (guint k = 1; k <= n; k++)
    {
      guint u = (guint) ((from < 0 ? -1 : from) + (gint64) k) % n;

      if (g_array_index (self->units, HearsayCurationUnit, u).state == state)
        return (int) u;
    }
  return -1;
}

static void
count (HearsayCurationProgress   *progress,
       const HearsayCurationUnit *unit)
{
  progress->n_units++;
  switch (unit->state)
    {
    case HEARSAY_CURATION_AGREED: progress->n_agreed++; break;
    case HEARSAY_CURATION_DISAGREED: progress->n_disagreed++; break;
    case HEARSAY_CURATION_ACCEPTED: progress->n_accepted++; break;
    case HEARSAY_CURATION_REJECTED: progress->n_rejected++; break;
    default: g_assert_not_reached ();
    }
}

void
hearsay_curation_get_progress (HearsayCuration         *self,
                               HearsayCurationProgress *progress)
{
  g_return_if_fail (HEARSAY_IS_CURATION (self));

  *progress = (HearsayCurationProgress) { self->document_id, 0, 0, 0, 0, 0 };
  for (guint u = 0; u < self->units->len; u++)
    count (progress, &g_array_index (self->units, HearsayCurationUnit, u));
}

GArray *
hearsay_curation_list_progress (HearsayProject      *project,
                                const gint64        *document_ids,
                                guint                n_documents,
                                const char * const  *coders,
                                GError             **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (HearsayCurationProgress));
  g_autoptr(HearsayLayerRows) rows = NULL;
  g_autoptr(GStrvBuilder) names = NULL;
  g_auto(GStrv) layers = NULL;
  g_autofree char *gold = NULL;
  guint f = 0;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (project), NULL);
  if (!check_project (project, error))
    return NULL;
  gold = hearsay_project_dup_gold_coder (project);
  if (coders != NULL)
    {
      names = g_strv_builder_new ();
      g_strv_builder_addv (names, (const char **) coders);
      if (gold != NULL)
        g_strv_builder_add (names, gold);
      layers = g_strv_builder_end (names);
    }
  rows = hearsay_project_read_layers (project, document_ids, n_documents, (const char * const *) layers, HEARSAY_LAYER_READ_VALUES, error);
  if (rows == NULL)
    return NULL;
  for (guint d = 0; d < rows->documents->len; d++)
    {
      gint64 id = g_array_index (rows->documents, HearsayLayerDocument, d).id;
      g_autoptr(GArray) units = g_array_new (FALSE, TRUE, sizeof (HearsayCurationUnit));
      g_autoptr(GArray) versions = g_array_new (FALSE, TRUE, sizeof (HearsayCurationVersion));
      g_autoptr(GArray) first_version = g_array_new (FALSE, FALSE, sizeof (guint));
      HearsayCurationProgress progress = { id, 0, 0, 0, 0, 0 };
      HearsayCurationAlign a = { 0 };

      a.rows = rows;
      a.first = f;
      while (f < rows->fragments->len && g_array_index (rows->fragments, HearsayLayerFragment, f).document_id == id)
        f++;
      a.last = f;
      a.requested = (GStrv) coders;
      a.units = units;
      a.versions = versions;
      a.first_version = first_version;
      hearsay_curation_align_document (&a);
      for (guint u = 0; u < units->len; u++)
        count (&progress, &g_array_index (units, HearsayCurationUnit, u));
      g_array_append_val (list, progress);
    }
  return g_steal_pointer (&list);
}
