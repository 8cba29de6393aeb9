/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-report-compute.c: the agreement report from the
 * coders' layers — which coders and documents, the units, then unitizing α
 * and span P/R/F1 (coding: hearsay-agreement-report-coding.c).
 *
 * The selection is one continuum for αU: its documents laid end to end in
 * id order. Span P/R/F1 of the selection adds up the documents' matches
 * (micro-averaged); a discontinuous annotation is one span from its first
 * character to its last for matching and alignment, and its fragments for
 * αU. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-agreement-report-private.h"
#include "hearsay-error.h"
#include "hearsay-project-team.h"

static int
compare_coders (gconstpointer a,
                gconstpointer b)
{
  HearsayCoder *x = *(HearsayCoder **) a, *y = *(HearsayCoder **) b;

  /* The gold layer last: it is what the coders are compared with. */
  if (hearsay_coder_is_gold (x) != hearsay_coder_is_gold (y))
    return hearsay_coder_is_gold (x) ? 1 : -1;
  return g_utf8_collate (hearsay_coder_get_name (x), hearsay_coder_get_name (y));
}

/* The layers to read: those named (with the gold one), or NULL for all. */
static GStrv
requested_coders (HearsayProject              *project,
                  const HearsayAgreementQuery *query,
                  GError                     **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autofree char *gold = hearsay_project_dup_gold_coder (project);

  if (query->gold && gold == NULL)
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                   _("%s has no gold layer yet: curate a document first"), hearsay_project_get_path (project));
      return NULL;
    }
  if (query->coders == NULL)
    return NULL;
  for (guint i = 0; query->coders[i] != NULL; i++)
    g_strv_builder_add (names, query->coders[i]);
  if (query->gold && !g_strv_contains (query->coders, gold))
    g_strv_builder_add (names, gold);
  return g_strv_builder_end (names);
}

static gboolean
choose_coders (HearsayAgreementReport       *self,
               HearsayProject               *project,
               const HearsayAgreementQuery  *query,
               HearsayLayerRows             *rows,
               gboolean                      named,
               int                          *coder_of_row,
               GError                      **error)
{
  g_autoptr(GPtrArray) all = hearsay_project_list_coders (project, error);
  g_autofree gboolean *used = g_new0 (gboolean, MAX (rows->coders->len, 1));
  g_autoptr(GString) present = g_string_new (NULL);

  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < rows->fragments->len; i++)
    used[g_array_index (rows->fragments, HearsayLayerFragment, i).coder] = TRUE;
  for (guint i = 0; i < rows->coders->len; i++)
    {
      HearsayCoder *coder = g_ptr_array_index (rows->coders, i);
      HearsayCoderRole role = hearsay_coder_get_role (coder);

      if (named || (used[i] && (role == HEARSAY_CODER_ROLE_CODER || (role == HEARSAY_CODER_ROLE_GOLD && query->gold))))
        {
          /* The project's listing has the colours. */
          for (guint k = 0; k < all->len; k++)
            if (g_strcmp0 (hearsay_coder_get_name (g_ptr_array_index (all, k)), hearsay_coder_get_name (coder)) == 0)
              hearsay_coder_set_color (coder, hearsay_coder_get_color (g_ptr_array_index (all, k)));
          g_ptr_array_add (self->coders, g_object_ref (coder));
        }
    }
  g_ptr_array_sort (self->coders, compare_coders);
  for (guint i = 0; i < rows->coders->len; i++)
    {
      coder_of_row[i] = -1;
      for (guint k = 0; k < self->coders->len; k++)
        if (g_ptr_array_index (self->coders, k) == g_ptr_array_index (rows->coders, i))
          coder_of_row[i] = k;
    }
  if (self->coders->len >= 2)
    return TRUE;
  for (guint i = 0; i < self->coders->len; i++)
    g_string_append_printf (present, "%s%s", i > 0 ? ", " : "",
                            hearsay_coder_get_name (g_ptr_array_index (self->coders, i)));
  if (self->coders->len > 64)
    {
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_INVALID,
                   _("Agreement takes at most 64 coders (%u named)"), self->coders->len);
      return FALSE;
    }
  g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_TOO_FEW_CODERS,
               self->coders->len == 0
               ? _("Agreement needs at least two coders; the selection holds no coder’s annotations")
               : _("Agreement needs at least two coders; the selection holds the annotations of %s only"),
               present->str);
  return FALSE;
}

static gboolean
check_label (HearsayReportContext  *ctx,
             GError               **error)
{
  const char *label = ctx->query->label;

  if (label == NULL)
    return TRUE;
  ctx->label = g_intern_string (label);
  if (hearsay_scheme_lookup_label (ctx->scheme, label) != NULL)
    return TRUE;
  for (guint i = 0; i < ctx->rows->fragments->len; i++)
    if (g_array_index (ctx->rows->fragments, HearsayLayerFragment, i).label == ctx->label)
      return TRUE;
  g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_UNKNOWN_LABEL,
               _("There is no label “%s” in the scheme or the annotations"), label);
  return FALSE;
}

static gboolean
check_attribute (HearsayReportContext  *ctx,
                 GError               **error)
{
  const char *attribute = ctx->query->attribute;
  const char *dot;

  if (attribute == NULL)
    return TRUE;
  dot = strchr (attribute, '.');
  for (guint i = 0; i < hearsay_scheme_get_n_labels (ctx->scheme); i++)
    {
      const HearsayLabel *label = hearsay_scheme_get_label (ctx->scheme, i);

      if (dot != NULL ? (strncmp (label->id, attribute, dot - attribute) == 0 && label->id[dot - attribute] == '\0' &&
                         hearsay_label_lookup_attribute (label, dot + 1) != NULL)
                      : hearsay_label_lookup_attribute (label, attribute) != NULL)
        return TRUE;
    }
  g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_UNKNOWN_ATTRIBUTE,
               _("No label of the scheme has the attribute “%s”"), attribute);
  return FALSE;
}

/* Each document's annotations as items, from the fragment rows. */
static void
build_items (HearsayReportContext *ctx)
{
  HearsayLayerRows *rows = ctx->rows;
  g_autoptr(GHashTable) item_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint f = 0;
  gint64 offset = 0;

  for (guint d = 0; d < rows->documents->len; d++)
    {
      const HearsayLayerDocument *ld = &g_array_index (rows->documents, HearsayLayerDocument, d);
      HearsayReportDocument doc = { ld->id, ld->length, offset, ctx->items->len, 0, 0, 0 };

      g_hash_table_remove_all (item_of);
      for (; f < rows->fragments->len && g_array_index (rows->fragments, HearsayLayerFragment, f).document_id == ld->id; f++)
        {
          const HearsayLayerFragment *fr = &g_array_index (rows->fragments, HearsayLayerFragment, f);
          int coder = ctx->coder_of_row[fr->coder];
          gpointer index;

          if (coder < 0)
            continue;
          if (g_hash_table_lookup_extended (item_of, &fr->annotation_id, NULL, &index))
            {
              HearsayReportItem *item = &g_array_index (ctx->items, HearsayReportItem, GPOINTER_TO_UINT (index));

              item->start = MIN (item->start, fr->start);
              item->end = MAX (item->end, fr->end);
            }
          else
            {
              HearsayReportItem item = { fr->annotation_id, fr->start, fr->end, fr->label, (guint) coder };

              g_hash_table_insert (item_of, (gpointer) &fr->annotation_id, GUINT_TO_POINTER (ctx->items->len));
              g_array_append_val (ctx->items, item);
            }
        }
      doc.n_items = ctx->items->len - doc.first_item;
      g_array_append_val (ctx->documents, doc);
      offset += ld->length;
      g_array_append_val (ctx->report->documents, ld->id);
      g_ptr_array_add (ctx->report->titles, (gpointer) hearsay_agreement_report_intern (ctx->report, ld->title));
    }
}

static void
align (HearsayReportContext *ctx)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (HearsayAgreementItem));
  gboolean exact = ctx->query->align == HEARSAY_AGREEMENT_ALIGN_EXACT;

  for (guint d = 0; d < ctx->documents->len; d++)
    {
      HearsayReportDocument *doc = &g_array_index (ctx->documents, HearsayReportDocument, d);

      g_array_set_size (items, doc->n_items);
      for (guint i = 0; i < doc->n_items; i++)
        {
          const HearsayReportItem *it = &g_array_index (ctx->items, HearsayReportItem, doc->first_item + i);
          HearsayAgreementItem *a = &g_array_index (items, HearsayAgreementItem, i);

          a->coder = it->coder;
          a->start = it->start;
          a->end = it->end;
          a->label = it->label;
        }
      doc->first_unit = ctx->units->len;
      hearsay_agreement_align ((const HearsayAgreementItem *) items->data, doc->n_items, exact, ctx->units,
                               ctx->members);
      doc->n_units = ctx->units->len - doc->first_unit;
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The labels that count: the query's, or every one the items use, sorted. */
static GPtrArray *
used_labels (HearsayReportContext *ctx)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *labels = g_ptr_array_new ();

  if (ctx->label != NULL)
    {
      g_ptr_array_add (labels, (gpointer) ctx->label);
      return labels;
    }
  for (guint i = 0; i < ctx->items->len; i++)
    {
      const char *label = g_array_index (ctx->items, HearsayReportItem, i).label;

      if (!g_hash_table_contains (seen, label))
        {
          g_hash_table_add (seen, (gpointer) label);
          g_ptr_array_add (labels, (gpointer) label);
        }
    }
  g_ptr_array_sort (labels, compare_names);
  return labels;
}

static guint
label_index (GPtrArray  *labels,
             const char *label)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_ptr_array_index (labels, i) == label)
      return i;
  return G_MAXUINT;
}

static void
set_unitizing (HearsayReportContext       *ctx,
               gint64                      document_id,
               GPtrArray                  *labels,
               GArray                     *segments,
               gint64                      length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayAgreementUnitizing) u = NULL;
  HearsayAgreementFigure *fig;

  u = hearsay_agreement_unitizing_alpha ((const HearsayAgreementSegment *) segments->data, segments->len,
                                         ctx->n_coders, labels->len, 0, length, &error);
  fig = hearsay_agreement_report_add_figure (ctx->report, HEARSAY_AGREEMENT_MEASURE_UNITIZING_ALPHA, document_id,
                                             ctx->label, NULL, -1, -1);
  if (u == NULL)
    {
      hearsay_agreement_figure_undefined (ctx->report, fig,
                                          g_error_matches (error, HEARSAY_AGREEMENT_ERROR,
                                                           HEARSAY_AGREEMENT_ERROR_NO_UNITS)
                                          ? _("nobody marked anything here") : error->message);
      return;
    }
  fig->n_units = segments->len;
  fig->observed = u->observed;
  fig->expected = u->expected;
  if (u->n_used > 0 && u->expected > 0)
    {
      fig->defined = TRUE;
      fig->value = u->alpha;
    }
  else
    hearsay_agreement_figure_undefined (ctx->report, fig, _("no variation: every coder marked the same, "
                                                            "all of the text or none"));
  if (ctx->label != NULL)
    return;
  for (guint c = 0; c < labels->len; c++)
    {
      const HearsayAgreementCategoryAlpha *cat = &u->categories[c];

      fig = hearsay_agreement_report_add_figure (ctx->report, HEARSAY_AGREEMENT_MEASURE_UNITIZING_ALPHA,
                                                 document_id, g_ptr_array_index (labels, c), NULL, -1, -1);
      fig->n_units = cat->n_segments;
      fig->observed = cat->observed;
      fig->expected = cat->expected;
      if (cat->defined)
        {
          fig->defined = TRUE;
          fig->value = cat->alpha;
        }
      else
        hearsay_agreement_figure_undefined (ctx->report, fig, cat->n_segments == 0
                                            ? _("nobody marked this label here")
                                            : _("no variation: every coder marked the same"));
    }
}

/* Every fragment of the counted labels and coders, on the continuum of
 * the selection (documents end to end, in the rows' order). Fragments,
 * not extents: a discontinuous annotation marks its pieces only. */
static void
add_segments (HearsayReportContext *ctx,
              GArray               *segments,
              GPtrArray            *labels)
{
  HearsayLayerRows *rows = ctx->rows;
  guint d = 0;

  for (guint f = 0; f < rows->fragments->len; f++)
    {
      const HearsayLayerFragment *fr = &g_array_index (rows->fragments, HearsayLayerFragment, f);
      HearsayAgreementSegment seg;
      guint category;

      while (g_array_index (ctx->documents, HearsayReportDocument, d).id != fr->document_id)
        d++;
      if (ctx->coder_of_row[fr->coder] < 0 || (category = label_index (labels, fr->label)) == G_MAXUINT)
        continue;
      seg.coder = ctx->coder_of_row[fr->coder];
      seg.category = category;
      seg.start = g_array_index (ctx->documents, HearsayReportDocument, d).offset + fr->start;
      seg.end = g_array_index (ctx->documents, HearsayReportDocument, d).offset + fr->end;
      g_array_append_val (segments, seg);
    }
}

static void
unitizing (HearsayReportContext *ctx,
           GPtrArray            *labels)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (HearsayAgreementSegment));
  g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (HearsayAgreementSegment));
  gint64 total = 0;

  add_segments (ctx, all, labels);
  for (guint d = 0; d < ctx->documents->len; d++)
    total += g_array_index (ctx->documents, HearsayReportDocument, d).length;
  set_unitizing (ctx, 0, labels, all, total);
  if (!ctx->query->per_document || ctx->documents->len < 2)
    return;
  /* The rows are sorted by document: each document's run of segments. */
  for (guint d = 0, s = 0; d < ctx->documents->len; d++)
    {
      const HearsayReportDocument *doc = &g_array_index (ctx->documents, HearsayReportDocument, d);

      g_array_set_size (one, 0);
      for (; s < all->len && g_array_index (all, HearsayAgreementSegment, s).start < doc->offset + doc->length; s++)
        {
          HearsayAgreementSegment seg = g_array_index (all, HearsayAgreementSegment, s);

          seg.start -= doc->offset;
          seg.end -= doc->offset;
          g_array_append_val (one, seg);
        }
      set_unitizing (ctx, doc->id, labels, one, doc->length);
    }
}

typedef struct {
  guint64 reference, candidate, matched;
} Counts;

static void
set_spans (HearsayReportContext     *ctx,
           HearsayAgreementMeasure   measure,
           gint64                    document_id,
           const char               *label,
           int                       a,
           int                       b,
           const Counts             *c)
{
  HearsayAgreementFigure *fig = hearsay_agreement_report_add_figure (ctx->report, measure, document_id, label,
                                                                     NULL, a, b);

  fig->n_units = (guint) c->matched;
  fig->n_values = c->reference + c->candidate;
  if (c->reference + c->candidate == 0)
    {
      hearsay_agreement_figure_undefined (ctx->report, fig, _("neither coder marked a span"));
      return;
    }
  fig->defined = TRUE;
  fig->precision = c->candidate > 0 ? (double) c->matched / c->candidate : 0;
  fig->recall = c->reference > 0 ? (double) c->matched / c->reference : 0;
  fig->value = 2.0 * c->matched / (double) (c->reference + c->candidate);
}

/* One pair's spans of one document, as segments by label. */
static void
coder_spans (HearsayReportContext        *ctx,
             const HearsayReportDocument *doc,
             GPtrArray                   *labels,
             guint                        coder,
             GArray                      *out)
{
  g_array_set_size (out, 0);
  for (guint i = 0; i < doc->n_items; i++)
    {
      const HearsayReportItem *it = &g_array_index (ctx->items, HearsayReportItem, doc->first_item + i);
      HearsayAgreementSegment seg;

      if (it->coder != coder || (seg.category = label_index (labels, it->label)) == G_MAXUINT)
        continue;
      seg.coder = coder;
      seg.start = it->start;
      seg.end = it->end;
      g_array_append_val (out, seg);
    }
}

static void
spans (HearsayReportContext *ctx,
       GPtrArray            *labels)
{
  guint n = ctx->n_coders, n_labels = labels->len;
  /* totals[((pair * 2 + mode) * (n_labels + 1)) + label], label n_labels: all. */
  g_autofree Counts *totals = g_new0 (Counts, (gsize) n * n * 2 * (n_labels + 1));
  g_autoptr(GArray) ref = g_array_new (FALSE, FALSE, sizeof (HearsayAgreementSegment));
  g_autoptr(GArray) cand = g_array_new (FALSE, FALSE, sizeof (HearsayAgreementSegment));
  g_autoptr(GArray) matched = g_array_new (FALSE, FALSE, sizeof (gssize));
  gboolean per_document = ctx->query->per_document && ctx->documents->len > 1;

  for (guint d = 0; d < ctx->documents->len; d++)
    {
      const HearsayReportDocument *doc = &g_array_index (ctx->documents, HearsayReportDocument, d);

      for (guint a = 0; a < n; a++)
        for (guint b = a + 1; b < n; b++)
          {
            coder_spans (ctx, doc, labels, a, ref);
            coder_spans (ctx, doc, labels, b, cand);
            for (guint mode = 0; mode < 2; mode++)
              {
                Counts *t = &totals[(((gsize) a * n + b) * 2 + mode) * (n_labels + 1)];
                Counts here = { ref->len, cand->len, 0 };
                HearsayAgreementSpanScores scores;

                g_array_set_size (matched, MAX (ref->len, 1));
                if (ref->len + cand->len > 0)
                  hearsay_agreement_spans_compare ((const HearsayAgreementSegment *) ref->data, ref->len,
                                                   (const HearsayAgreementSegment *) cand->data, cand->len,
                                                   mode == 0 ? HEARSAY_AGREEMENT_MATCH_EXACT
                                                             : HEARSAY_AGREEMENT_MATCH_OVERLAP,
                                                   &scores, (gssize *) matched->data, NULL);
                for (guint r = 0; r < ref->len; r++)
                  {
                    guint cat = g_array_index (ref, HearsayAgreementSegment, r).category;

                    t[cat].reference++;
                    if (g_array_index (matched, gssize, r) >= 0)
                      {
                        t[cat].matched++;
                        here.matched++;
                      }
                  }
                for (guint c = 0; c < cand->len; c++)
                  t[g_array_index (cand, HearsayAgreementSegment, c).category].candidate++;
                t[n_labels].reference += here.reference;
                t[n_labels].candidate += here.candidate;
                t[n_labels].matched += here.matched;
                if (per_document)
                  set_spans (ctx, mode == 0 ? HEARSAY_AGREEMENT_MEASURE_SPAN_EXACT : HEARSAY_AGREEMENT_MEASURE_SPAN_OVERLAP,
                             doc->id, ctx->label, a, b, &here);
              }
          }
    }
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      for (guint mode = 0; mode < 2; mode++)
        {
          Counts *t = &totals[(((gsize) a * n + b) * 2 + mode) * (n_labels + 1)];
          HearsayAgreementMeasure m = mode == 0 ? HEARSAY_AGREEMENT_MEASURE_SPAN_EXACT
                                                : HEARSAY_AGREEMENT_MEASURE_SPAN_OVERLAP;

          set_spans (ctx, m, 0, ctx->label, a, b, &t[n_labels]);
          for (guint l = 0; ctx->label == NULL && l < n_labels; l++)
            set_spans (ctx, m, 0, g_ptr_array_index (labels, l), a, b, &t[l]);
        }
}

gboolean
hearsay_agreement_report_compute (HearsayAgreementReport       *self,
                                  HearsayProject               *project,
                                  const HearsayAgreementQuery  *query,
                                  GCancellable                 *cancellable,
                                  GError                      **error)
{
  g_autoptr(GArray) selection = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(HearsayLayerRows) rows = NULL;
  g_autofree int *coder_of_row = NULL;
  g_autoptr(GArray) documents = g_array_new (FALSE, FALSE, sizeof (HearsayReportDocument));
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (HearsayReportItem));
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (HearsayAgreementUnit));
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) local_error = NULL;
  HearsayReportContext ctx = { self, query, hearsay_project_get_scheme (project) };

  if (hearsay_project_get_blind_coder (project) != NULL)
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                   _("%s is in blind mode (coder %s): agreement is measured in the project the copies "
                     "are merged into"), hearsay_project_get_path (project), hearsay_project_get_blind_coder (project));
      return FALSE;
    }
  selection = hearsay_project_select_documents (project, query->document_ids, query->n_documents, query->event_id,
                                                query->outlet, error);
  if (selection == NULL)
    return FALSE;
  if (selection->len == 0)
    {
      g_set_error_literal (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_UNITS,
                           _("The selection holds no document"));
      return FALSE;
    }
  names = requested_coders (project, query, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  rows = hearsay_project_read_layers (project, (const gint64 *) selection->data, selection->len,
                                      (const char * const *) names, HEARSAY_LAYER_READ_VALUES, error);
  if (rows == NULL)
    return FALSE;
  coder_of_row = g_new (int, MAX (rows->coders->len, 1));
  if (!choose_coders (self, project, query, rows, names != NULL, coder_of_row, error))
    return FALSE;
  ctx.rows = rows;
  ctx.coder_of_row = coder_of_row;
  ctx.n_coders = self->coders->len;
  ctx.documents = documents;
  ctx.items = items;
  ctx.units = units;
  ctx.members = members;
  ctx.cancellable = cancellable;
  if (!check_label (&ctx, error) || !check_attribute (&ctx, error))
    return FALSE;

  build_items (&ctx);
  align (&ctx);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  labels = used_labels (&ctx);
  if (query->attribute == NULL)
    {
      unitizing (&ctx, labels);
      spans (&ctx, labels);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !hearsay_agreement_report_code (&ctx, error))
    return FALSE;
  hearsay_agreement_report_disagreements (&ctx);
  return TRUE;
}
