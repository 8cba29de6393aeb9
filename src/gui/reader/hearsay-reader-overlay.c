/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader-overlay.c: the overlap model. Spans are kept sorted by
 * start (longest first on ties, so containers come before what they
 * contain); each also stores the largest end seen so far ("reach"), which is
 * non-decreasing, so both the spans overlapping a range and the cluster of
 * mutually overlapping spans around an edit are found by binary search and a
 * local walk. Depths are assigned per cluster by the first free level. */
#include "config.h"

#include "hearsay-reader-overlay-private.h"

HearsayOverlayArc *
hearsay_overlay_arc_new (gint64      from_id,
                         gint64      to_id,
                         const char *label)
{
  HearsayOverlayArc *arc = g_new0 (HearsayOverlayArc, 1);

  arc->from_id = from_id;
  arc->to_id = to_id;
  arc->label = g_strdup (label);
  return arc;
}

void
hearsay_overlay_arc_free (HearsayOverlayArc *arc)
{
  if (arc == NULL)
    return;
  g_free (arc->label);
  g_free (arc);
}

static void
clear_span (gpointer data)
{
  HearsayOverlaySpan *span = data;

  g_clear_pointer (&span->fragments, g_free);
}

HearsayOverlay *
hearsay_overlay_new (void)
{
  HearsayOverlay *self = g_new0 (HearsayOverlay, 1);

  self->spans = g_array_new (FALSE, TRUE, sizeof (HearsayOverlaySpan));
  g_array_set_clear_func (self->spans, clear_span);
  self->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->arcs = g_ptr_array_new_with_free_func ((GDestroyNotify) hearsay_overlay_arc_free);
  hearsay_overlay_links_init (self);
  return self;
}

void
hearsay_overlay_free (HearsayOverlay *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->spans);
  g_hash_table_unref (self->colors);
  g_ptr_array_unref (self->arcs);
  hearsay_overlay_links_free (self);
  g_free (self);
}

void
hearsay_overlay_clear (HearsayOverlay *self)
{
  g_array_set_size (self->spans, 0);
  g_ptr_array_set_size (self->arcs, 0);
  self->selected_id = 0;
  self->hover_id = 0;
}

static int
compare_keys (gint64 start_a, gint64 end_a, gint64 id_a,
              gint64 start_b, gint64 end_b, gint64 id_b)
{
  if (start_a != start_b)
    return start_a < start_b ? -1 : 1;
  if (end_a != end_b)
    return end_a > end_b ? -1 : 1;
  if (id_a != id_b)
    return id_a < id_b ? -1 : 1;
  return 0;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const HearsayOverlaySpan *x = a, *y = b;

  return compare_keys (x->start, x->end, x->id, y->start, y->end, y->id);
}

static inline HearsayOverlaySpan *
span_at (HearsayOverlay *self,
         guint           i)
{
  return &g_array_index (self->spans, HearsayOverlaySpan, i);
}

static void
fill_span (HearsayOverlaySpan *span,
           HearsayAnnotation  *annotation)
{
  guint n = hearsay_annotation_get_n_fragments (annotation);

  span->id = hearsay_annotation_get_id (annotation);
  span->start = hearsay_annotation_get_start (annotation);
  span->end = hearsay_annotation_get_end (annotation);
  span->label = g_intern_string (hearsay_annotation_get_label (annotation));
  span->fragments = NULL;
  span->n_fragments = MAX (n, 1);
  if (n > 1)
    {
      span->fragments = g_new (gint64, 2 * n);
      for (guint i = 0; i < n; i++)
        {
          const HearsayFragment *fragment = hearsay_annotation_get_fragment (annotation, i);

          span->fragments[2 * i] = fragment->start;
          span->fragments[2 * i + 1] = fragment->end;
        }
    }
  span->depth = 0;
  span->applied = FALSE;
}

/* Another fragment (rows come by start) of the annotation of @span. */
static void
add_fragment (HearsayOverlaySpan *span,
              gint64              start,
              gint64              end)
{
  guint n = span->n_fragments;

  if (n == G_MAXUINT16 >> 1)
    return;
  if (span->fragments == NULL)
    {
      span->fragments = g_new (gint64, 4);
      span->fragments[0] = span->start;
      span->fragments[1] = span->end;
    }
  else
    span->fragments = g_renew (gint64, span->fragments, 2 * (n + 1));
  span->fragments[2 * n] = start;
  span->fragments[2 * n + 1] = end;
  span->n_fragments = n + 1;
  span->start = MIN (span->start, start);
  span->end = MAX (span->end, end);
}

guint
hearsay_overlay_span_get_n_fragments (const HearsayOverlaySpan *span)
{
  return span->n_fragments;
}

void
hearsay_overlay_span_get_fragment (const HearsayOverlaySpan *span,
                                   guint                     index,
                                   gint64                   *start,
                                   gint64                   *end)
{
  if (span->fragments == NULL)
    {
      *start = span->start;
      *end = span->end;
      return;
    }
  *start = span->fragments[2 * index];
  *end = span->fragments[2 * index + 1];
}

/* Assigns depths in [lo, hi), which must start a cluster. */
static void
assign_depths (HearsayOverlay *self,
               guint           lo,
               guint           hi)
{
  gint64 levels[64];
  guint n_levels = 0;

  for (guint i = lo; i < hi; i++)
    {
      HearsayOverlaySpan *span = span_at (self, i);
      guint level = 0;

      while (level < n_levels && levels[level] > span->start)
        level++;
      if (level == G_N_ELEMENTS (levels))
        level = G_N_ELEMENTS (levels) - 1;
      else if (level == n_levels)
        n_levels++;
      levels[level] = span->end;
      span->depth = level;
    }
}

void
hearsay_overlay_load (HearsayOverlay *self,
                      GArray         *rows)
{
  g_autoptr(GHashTable) by_id = NULL;
  gint64 reach = G_MININT64;
  guint n = 0;

  hearsay_overlay_clear (self);
  /* Sized once for the worst case (one fragment each), so the addresses
   * of the spans stay put while @by_id points at their ids. */
  g_array_set_size (self->spans, rows->len);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < rows->len; i++)
    {
      const HearsaySpan *row = &g_array_index (rows, HearsaySpan, i);
      HearsayOverlaySpan *span = g_hash_table_lookup (by_id, &row->annotation_id);

      if (span != NULL)
        {
          add_fragment (span, row->start, row->end);
          continue;
        }
      span = span_at (self, n++);
      span->id = row->annotation_id;
      span->start = row->start;
      span->end = row->end;
      span->label = row->label;
      span->n_fragments = 1;
      g_hash_table_add (by_id, span);
    }
  g_clear_pointer (&by_id, g_hash_table_unref);
  g_array_set_size (self->spans, n);
  /* Rows come by (start, end, id); spans are kept by (start, longest
   * first, id), and a discontinuous annotation's end may have grown. */
  g_array_sort (self->spans, compare_spans);
  for (guint i = 0; i < self->spans->len; i++)
    {
      HearsayOverlaySpan *span = span_at (self, i);

      reach = MAX (reach, span->end);
      span->reach = reach;
    }
  assign_depths (self, 0, self->spans->len);
}

static gboolean
starts_cluster (HearsayOverlay *self,
                guint           i)
{
  return i == 0 || span_at (self, i)->start >= span_at (self, i - 1)->reach;
}

/* Recomputes the reaches from @i on, stopping where they no longer change. */
static void
fix_reach (HearsayOverlay *self,
           guint           i)
{
  for (guint j = i; j < self->spans->len; j++)
    {
      HearsayOverlaySpan *span = span_at (self, j);
      gint64 reach = j > 0 ? MAX (span_at (self, j - 1)->reach, span->end) : span->end;

      if (j > i && reach == span->reach)
        break;
      span->reach = reach;
    }
}

/* Re-levels the clusters that contain spans @a and @b (a ≤ b). */
static void
relevel (HearsayOverlay *self,
         guint           a,
         guint           b)
{
  guint lo = a, hi = b + 1;
  guint n = self->spans->len;

  if (n == 0)
    return;
  while (lo > 0 && !starts_cluster (self, lo))
    lo--;
  while (hi < n && !starts_cluster (self, hi))
    hi++;
  assign_depths (self, lo, hi);
}

/* The index of the first span not before the key. */
static guint
lower_bound (HearsayOverlay *self,
             gint64          start,
             gint64          end,
             gint64          id)
{
  guint lo = 0, hi = self->spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      HearsayOverlaySpan *span = span_at (self, mid);

      if (compare_keys (span->start, span->end, span->id, start, end, id) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
hearsay_overlay_insert (HearsayOverlay    *self,
                        HearsayAnnotation *annotation)
{
  HearsayOverlaySpan span = { 0, };
  guint i;

  fill_span (&span, annotation);
  span.applied = TRUE;
  i = lower_bound (self, span.start, span.end, span.id);
  g_array_insert_val (self->spans, i, span);
  fix_reach (self, i);
  relevel (self, i, i);
  return i;
}

int
hearsay_overlay_find (HearsayOverlay *self,
                      gint64          id,
                      gint64          start,
                      gint64          end)
{
  guint i = lower_bound (self, start, end, id);

  if (i < self->spans->len && span_at (self, i)->id == id)
    return (int) i;
  /* Fragments changed under the same object: look among the same start. */
  for (i = lower_bound (self, start, G_MAXINT64, G_MININT64);
       i < self->spans->len && span_at (self, i)->start == start; i++)
    if (span_at (self, i)->id == id)
      return (int) i;
  return -1;
}

gboolean
hearsay_overlay_remove (HearsayOverlay *self,
                        gint64          id,
                        gint64          start,
                        gint64          end)
{
  int i = hearsay_overlay_find (self, id, start, end);

  if (i < 0)
    return FALSE;
  g_array_remove_index (self->spans, (guint) i);
  if ((guint) i < self->spans->len)
    fix_reach (self, (guint) i);
  if (self->spans->len > 0)
    relevel (self, i > 0 ? (guint) i - 1 : 0, MIN ((guint) i, self->spans->len - 1));
  return TRUE;
}

void
hearsay_overlay_swap_spans (HearsayOverlay *self,
                            HearsayOverlay *other)
{
  GArray *spans = self->spans;

  self->spans = other->spans;
  other->spans = spans;
}

guint
hearsay_overlay_get_n_spans (HearsayOverlay *self)
{
  return self->spans->len;
}

HearsayOverlaySpan *
hearsay_overlay_get_span (HearsayOverlay *self,
                          guint           index)
{
  g_return_val_if_fail (index < self->spans->len, NULL);
  return span_at (self, index);
}

void
hearsay_overlay_range (HearsayOverlay *self,
                       gint64          start,
                       gint64          end,
                       guint          *first,
                       guint          *last)
{
  guint lo = 0, hi = self->spans->len;

  /* The first span whose reach passes @start: nothing before it does. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (span_at (self, mid)->reach <= start)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;
  hi = self->spans->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (span_at (self, mid)->start < end)
        lo = mid + 1;
      else
        hi = mid;
    }
  *last = lo;
}

gboolean
hearsay_overlay_span_covers (const HearsayOverlaySpan *span,
                             gint64                    offset)
{
  if (span->fragments == NULL)
    return offset >= span->start && offset < span->end;
  for (guint i = 0; i < span->n_fragments; i++)
    if (offset >= span->fragments[2 * i] && offset < span->fragments[2 * i + 1])
      return TRUE;
  return FALSE;
}

void
hearsay_overlay_set_color (HearsayOverlay *self,
                           const char     *label,
                           const char     *color)
{
  GdkRGBA *rgba = g_new (GdkRGBA, 1);

  if (color == NULL || !gdk_rgba_parse (rgba, color))
    gdk_rgba_parse (rgba, "#a0a0a0");
  g_hash_table_replace (self->colors, g_strdup (label), rgba);
}

void
hearsay_overlay_get_color (HearsayOverlay *self,
                           const char     *label,
                           GdkRGBA        *rgba)
{
  const GdkRGBA *color = label != NULL ? g_hash_table_lookup (self->colors, label) : NULL;

  if (color != NULL)
    *rgba = *color;
  else
    gdk_rgba_parse (rgba, "#a0a0a0");
}

void
hearsay_overlay_set_arcs (HearsayOverlay *self,
                          GPtrArray      *arcs)
{
  g_ptr_array_unref (self->arcs);
  self->arcs = arcs;
}

gint64
hearsay_overlay_innermost_at (HearsayOverlay *self,
                              gint64          offset)
{
  gint64 best = 0;
  gint64 best_length = G_MAXINT64;
  guint first, last;

  hearsay_overlay_range (self, offset, offset + 1, &first, &last);
  for (guint i = first; i < last; i++)
    {
      HearsayOverlaySpan *span = span_at (self, i);
      gint64 length = 0;

      if (span->end <= offset || !hearsay_overlay_span_covers (span, offset))
        continue;
      for (guint f = 0; f < span->n_fragments; f++)
        {
          gint64 s, e;

          hearsay_overlay_span_get_fragment (span, f, &s, &e);
          length += e - s;
        }
      /* Innermost wins; ties go to the newest (highest id), deterministically. */
      if (length < best_length || (length == best_length && span->id > best))
        {
          best = span->id;
          best_length = length;
        }
    }
  return best;
}
