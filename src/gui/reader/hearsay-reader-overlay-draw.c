/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader-overlay-draw.c: drawing the overlay in the text view's
 * layer above the text, in buffer coordinates. Only the spans that overlap
 * the visible lines are looked at (binary search), and their fragments are
 * clipped to those lines, so the cost follows what is on screen. */
#include "config.h"

#include "hearsay-reader-overlay-private.h"

#define BAR_HEIGHT 2.0
#define BAR_PITCH 3.0
#define MAX_BARS 4
#define OUTLINE_WIDTH 2.0

void
hearsay_overlay_visible_range (GtkTextView *view,
                               gint64      *start,
                               gint64      *end)
{
  GdkRectangle visible;
  GtkTextIter iter;
  int top;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &iter, visible.y, &top);
  *start = gtk_text_iter_get_offset (&iter);
  gtk_text_view_get_line_at_y (view, &iter, visible.y + visible.height, &top);
  if (!gtk_text_iter_ends_line (&iter))
    gtk_text_iter_forward_to_line_end (&iter);
  *end = gtk_text_iter_get_offset (&iter) + 1;
}

/* Pango gives right-to-left characters a negative width. */
static GdkRectangle
normalize (const GdkRectangle *r)
{
  GdkRectangle n = *r;

  if (n.width < 0)
    {
      n.x += n.width;
      n.width = -n.width;
    }
  return n;
}

static void
add_rect (GArray             *rects,
          const GdkRectangle *ra,
          const GdkRectangle *rb)
{
  GdkRectangle na = normalize (ra), nb = normalize (rb);
  const GdkRectangle *a = &na, *b = &nb;
  graphene_rect_t rect;
  int x0 = MIN (a->x, b->x);
  int x1 = MAX (a->x + a->width, b->x + b->width);

  graphene_rect_init (&rect, x0, a->y, MAX (x1 - x0, 2), a->height);
  g_array_append_val (rects, rect);
}

void
hearsay_overlay_line_rects (GtkTextView *view,
                            gint64       start,
                            gint64       end,
                            GArray      *rects)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter, limit;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &limit, (int) end);
  while (gtk_text_iter_compare (&iter, &limit) < 0)
    {
      GtkTextIter next = iter, last;
      GdkRectangle a, b;

      if (!gtk_text_view_forward_display_line (view, &next) ||
          gtk_text_iter_compare (&next, &limit) > 0)
        next = limit;
      /* The last character on this display line, not counting the line
       * break, which has no width of its own. */
      last = next;
      gtk_text_iter_backward_char (&last);
      while (gtk_text_iter_compare (&last, &iter) > 0 &&
             (gtk_text_iter_ends_line (&last) || gtk_text_iter_get_char (&last) == '\n'))
        gtk_text_iter_backward_char (&last);
      if (!gtk_text_iter_ends_line (&iter))
        {
          gtk_text_view_get_iter_location (view, &iter, &a);
          gtk_text_view_get_iter_location (view, &last, &b);
          /* Bidi: the first and the last character may sit at either end;
           * the union covers both, and the characters between them. */
          add_rect (rects, &a, &b);
        }
      if (gtk_text_iter_compare (&next, &iter) <= 0)
        break;
      iter = next;
    }
}

static void
darken (GdkRGBA *rgba,
        double   factor)
{
  rgba->red *= factor;
  rgba->green *= factor;
  rgba->blue *= factor;
}

static void
append_outline (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                const GdkRGBA         *color,
                double                 width)
{
  GskRoundedRect outline;
  float widths[4];
  GdkRGBA colors[4];

  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (rect->origin.x - width - 1,
                                                        rect->origin.y - width,
                                                        rect->size.width + 2 * width + 2,
                                                        rect->size.height + 2 * width),
                                   4);
  for (int i = 0; i < 4; i++)
    {
      widths[i] = width;
      colors[i] = *color;
    }
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

void
hearsay_overlay_span_rects (GtkTextView        *view,
            HearsayOverlaySpan *span,
            gint64              vstart,
            gint64              vend,
            GArray             *rects)
{
  guint n = hearsay_overlay_span_get_n_fragments (span);

  for (guint f = 0; f < n; f++)
    {
      gint64 s, e;

      hearsay_overlay_span_get_fragment (span, f, &s, &e);
      s = MAX (s, vstart);
      e = MIN (e, vend);
      if (s < e)
        hearsay_overlay_line_rects (view, s, e, rects);
    }
}

static void
draw_connectors (GtkTextView        *view,
                 GtkSnapshot        *snapshot,
                 HearsayOverlaySpan *span,
                 const GdkRectangle *visible,
                 gint64              vstart,
                 gint64              vend,
                 const GdkRGBA      *color)
{
  static const double dash[] = { 2, 3 };
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  guint n = hearsay_overlay_span_get_n_fragments (span);
  graphene_rect_t previous;
  gboolean have_previous = FALSE;
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (visible->x, visible->y,
                                                                 visible->width, visible->height));
  cairo_set_line_width (cr, 1.2);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  gdk_cairo_set_source_rgba (cr, color);
  for (guint f = 0; f < n; f++)
    {
      const graphene_rect_t *a, *b;
      gint64 s, e;

      hearsay_overlay_span_get_fragment (span, f, &s, &e);
      s = MAX (s, vstart);
      e = MIN (e, vend);
      g_array_set_size (rects, 0);
      if (s < e)
        hearsay_overlay_line_rects (view, s, e, rects);
      if (rects->len == 0)
        continue;
      b = &g_array_index (rects, graphene_rect_t, 0);
      if (have_previous)
        {
          double ax, ay, bx, by;

          a = &previous;
          ax = a->origin.x + a->size.width / 2;
          ay = a->origin.y + a->size.height + OUTLINE_WIDTH;
          bx = b->origin.x + b->size.width / 2;
          by = b->origin.y + b->size.height + OUTLINE_WIDTH;
          /* Under the text when both are on one line, else straight. */
          cairo_move_to (cr, ax, ay);
          if (ABS (ay - by) < 1)
            cairo_curve_to (cr, ax, ay + 8, bx, by + 8, bx, by);
          else
            cairo_line_to (cr, bx, b->origin.y - OUTLINE_WIDTH);
        }
      previous = g_array_index (rects, graphene_rect_t, rects->len - 1);
      have_previous = TRUE;
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
}

void
hearsay_overlay_snapshot (HearsayOverlay *self,
                          GtkTextView    *view,
                          GtkSnapshot    *snapshot)
{
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  GdkRectangle visible;
  gint64 vstart, vend;
  guint first, last;

  if (self == NULL || self->spans->len == 0)
    return;
  gtk_text_view_get_visible_rect (view, &visible);
  hearsay_overlay_visible_range (view, &vstart, &vend);
  hearsay_overlay_range (self, vstart, vend, &first, &last);

  for (guint i = first; i < last; i++)
    {
      HearsayOverlaySpan *span = hearsay_overlay_get_span (self, i);
      GdkRGBA color;
      double level = MIN (span->depth, MAX_BARS - 1);

      if (span->end <= vstart || (self->hidden_label != NULL && span->label == self->hidden_label))
        continue;
      g_array_set_size (rects, 0);
      hearsay_overlay_span_rects (view, span, vstart, vend, rects);
      if (rects->len == 0)
        continue;
      hearsay_overlay_get_color (self, span->label, &color);
      darken (&color, 0.8);
      for (guint r = 0; r < rects->len; r++)
        {
          const graphene_rect_t *rect = &g_array_index (rects, graphene_rect_t, r);

          gtk_snapshot_append_color (snapshot, &color,
                                     &GRAPHENE_RECT_INIT (rect->origin.x,
                                                          rect->origin.y + rect->size.height + 1 + level * BAR_PITCH,
                                                          rect->size.width, BAR_HEIGHT));
        }
      if (span->id == self->hover_id && span->id != self->selected_id)
        {
          GdkRGBA hover = color;

          hover.alpha = 0.55;
          for (guint r = 0; r < rects->len; r++)
            append_outline (snapshot, &g_array_index (rects, graphene_rect_t, r), &hover, 1);
        }
      if (span->id == self->selected_id)
        {
          GdkRGBA outline = color;

          darken (&outline, 0.7);
          for (guint r = 0; r < rects->len; r++)
            append_outline (snapshot, &g_array_index (rects, graphene_rect_t, r), &outline, OUTLINE_WIDTH);
          /* Fragments of one annotation: a dotted connector from each to
           * the next. */
          if (span->n_fragments > 1)
            draw_connectors (view, snapshot, span, &visible, vstart, vend, &outline);
        }
    }
  hearsay_overlay_snapshot_links (self, view, snapshot, &visible, vstart, vend, first, last);
  hearsay_overlay_snapshot_arcs (self, view, snapshot, &visible, vstart, vend, first, last);
}
