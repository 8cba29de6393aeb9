/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader-overlay-arcs.c: the relations of the selected annotation,
 * drawn with cairo (no path API in GTK 4.8). Partners on the same line get
 * an arc over the line; on the next line, an S-curve through the gap
 * between the lines; further away, a connector that leaves each span along
 * the gap above its line and runs down the margin on the side where lines
 * start, so that it never crosses the text in between. Relations to
 * entities, other documents or spans off screen are markers beside the
 * selected span. Labels avoid each other. */
#include "config.h"

#include <math.h>

#include "hearsay-reader-overlay-private.h"

#define LABEL_SCALE 0.72
#define MARKER_PITCH 14.0

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} Box;

typedef struct
{
  GtkTextView *view;
  GtkSnapshot *snapshot;
  GArray *labels;  /* Box, already placed */
  GdkRGBA ink;
} Painter;

static HearsayOverlaySpan *
find_span_by_id (HearsayOverlay *self,
                 gint64          id,
                 guint           first,
                 guint           last)
{
  for (guint i = first; i < last; i++)
    if (hearsay_overlay_get_span (self, i)->id == id)
      return hearsay_overlay_get_span (self, i);
  return NULL;
}

/* The other end of @arc than the selected annotation; 0 for an entity. */
static gint64
partner_of (HearsayOverlay    *self,
            HearsayOverlayArc *arc)
{
  return arc->from_id == self->selected_id ? arc->to_id : arc->from_id;
}

static gboolean
overlaps (const Box *a,
          const Box *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Draws @text at (cx, cy): centred (@align 0), starting (1) or ending (-1)
 * there; moved along the line until it collides with no other label. */
static void
place_label (Painter    *painter,
             const char *text,
             double      cx,
             double      cy,
             int         align)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (painter->view), text);
  PangoAttrList *attrs = pango_attr_list_new ();
  GdkRGBA background = { 1, 1, 1, 0.92 };
  PangoRectangle logical;
  GskRoundedRect pill;
  Box box;
  gboolean moved = TRUE;

  pango_attr_list_insert (attrs, pango_attr_scale_new (LABEL_SCALE));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  box.width = logical.width + 6;
  box.height = logical.height + 2;
  box.x = align == 0 ? cx - box.width / 2 : align < 0 ? cx - box.width : cx;
  box.y = cy - box.height / 2;
  for (guint tries = 0; moved && tries < 8; tries++)
    {
      moved = FALSE;
      for (guint i = 0; i < painter->labels->len; i++)
        if (overlaps (&box, &g_array_index (painter->labels, Box, i)))
          {
            box.x = g_array_index (painter->labels, Box, i).x + g_array_index (painter->labels, Box, i).width + 2;
            moved = TRUE;
          }
    }
  g_array_append_val (painter->labels, box);

  gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (box.x, box.y, box.width, box.height), 4);
  gtk_snapshot_push_rounded_clip (painter->snapshot, &pill);
  gtk_snapshot_append_color (painter->snapshot, &background, &pill.bounds);
  gtk_snapshot_pop (painter->snapshot);
  gtk_snapshot_save (painter->snapshot);
  gtk_snapshot_translate (painter->snapshot, &GRAPHENE_POINT_INIT (box.x + 3, box.y + 1));
  gtk_snapshot_append_layout (painter->snapshot, layout, &painter->ink);
  gtk_snapshot_restore (painter->snapshot);
  g_object_unref (layout);
}

static void
arrow_head (cairo_t *cr,
            double   x,
            double   y,
            double   dx,
            double   dy)
{
  double length = sqrt (dx * dx + dy * dy);
  double ux, uy;

  if (length < 0.01)
    return;
  ux = dx / length;
  uy = dy / length;
  cairo_move_to (cr, x - 6 * ux - 3.5 * uy, y - 6 * uy + 3.5 * ux);
  cairo_line_to (cr, x, y);
  cairo_line_to (cr, x - 6 * ux + 3.5 * uy, y - 6 * uy - 3.5 * ux);
  cairo_stroke (cr);
}

static void
draw_marker (Painter               *painter,
             cairo_t               *cr,
             const graphene_rect_t *at,
             const GdkRectangle    *visible,
             const char            *label,
             guint                  index)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (painter->view)) == GTK_TEXT_DIR_RTL;
  double y = at->origin.y + at->size.height / 2.0 + MARKER_PITCH * index;
  double x;

  /* In the margin where the lines end. */
  if (!rtl)
    x = MAX (at->origin.x + at->size.width + 8,
             visible->x + visible->width - gtk_text_view_get_right_margin (painter->view) + 8);
  else
    x = MIN (at->origin.x - 8, visible->x + gtk_text_view_get_left_margin (painter->view) - 8);
  cairo_arc (cr, x, y, 3, 0, 2 * G_PI);
  cairo_fill (cr);
  place_label (painter, label, rtl ? x - 6 : x + 6, y, rtl ? -1 : 1);
}

/* One relation between two spans on screen. @upper is the earlier span's
 * last line, @lower the later span's first; the arrow goes to the relation's
 * target (@to_lower: the later span). */
static void
draw_link (Painter               *painter,
           cairo_t               *cr,
           const graphene_rect_t *upper,
           const graphene_rect_t *lower,
           gboolean               to_lower,
           const char            *label,
           guint                  index)
{
  GtkTextView *view = painter->view;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (view)) == GTK_TEXT_DIR_RTL;
  double x1 = upper->origin.x + upper->size.width / 2.0;
  double x2 = lower->origin.x + lower->size.width / 2.0;
  double gap = lower->origin.y - (upper->origin.y + upper->size.height);

  if (ABS (upper->origin.y - lower->origin.y) < 1)
    {
      /* Same line: an arc over it, in the gap above, from the end of the
       * earlier span nearest to the later one to the nearest end of that. */
      double y = upper->origin.y;
      double top;

      if (upper->origin.x + upper->size.width <= lower->origin.x + 1)
        {
          x1 = upper->origin.x + upper->size.width - 5;
          x2 = lower->origin.x + MIN (5, lower->size.width / 2);
        }
      else if (lower->origin.x + lower->size.width <= upper->origin.x + 1)
        {
          x1 = upper->origin.x + 5;
          x2 = lower->origin.x + lower->size.width - MIN (5, lower->size.width / 2);
        }
      top = y - CLAMP (ABS (x2 - x1) / 6.0, 10, 18);

      cairo_move_to (cr, x1, y);
      cairo_curve_to (cr, x1, top, x2, top, x2, y);
      cairo_stroke (cr);
      if (to_lower)
        arrow_head (cr, x2, y, 0, 1);
      else
        arrow_head (cr, x1, y, 0, 1);
      place_label (painter, label, (x1 + x2) / 2.0, 0.25 * y + 0.75 * top, 0);
    }
  else if (gap < upper->size.height)
    {
      /* The next line: an S through the gap between them. */
      double y1 = upper->origin.y + upper->size.height;
      double y2 = lower->origin.y;

      cairo_move_to (cr, x1, y1);
      cairo_curve_to (cr, x1, y1 + gap, x2, y2 - gap, x2, y2);
      cairo_stroke (cr);
      if (to_lower)
        arrow_head (cr, x2, y2, (x2 - x1) * 0.1, 1);
      else
        arrow_head (cr, x1, y1, (x1 - x2) * 0.1, -1);
      place_label (painter, label, (x1 + x2) / 2.0, (y1 + y2) / 2.0, 0);
    }
  else
    {
      /* Further: along the gaps above both lines and down the margin where
       * lines start, one lane per relation. */
      double lane = rtl ? gtk_widget_get_width (GTK_WIDGET (view)) - gtk_text_view_get_right_margin (view) + 10 + 7 * index
                        : gtk_text_view_get_left_margin (view) - 10 - 7 * index;
      double sx = rtl ? upper->origin.x + upper->size.width : upper->origin.x;
      double ex = rtl ? lower->origin.x + lower->size.width : lower->origin.x;
      double y1 = upper->origin.y - 3;
      double y2 = lower->origin.y - 3;
      double r = rtl ? -5 : 5;

      cairo_move_to (cr, sx + (rtl ? -4 : 4), upper->origin.y + 2);
      cairo_line_to (cr, sx, y1);
      cairo_line_to (cr, lane + r, y1);
      cairo_curve_to (cr, lane, y1, lane, y1, lane, y1 + 5);
      cairo_line_to (cr, lane, y2 - 5);
      cairo_curve_to (cr, lane, y2, lane, y2, lane + r, y2);
      cairo_line_to (cr, ex, y2);
      cairo_line_to (cr, ex + (rtl ? -4 : 4), lower->origin.y + 2);
      cairo_stroke (cr);
      if (to_lower)
        arrow_head (cr, ex + (rtl ? -4 : 4), lower->origin.y + 2, rtl ? -4 : 4, 5);
      else
        arrow_head (cr, sx + (rtl ? -4 : 4), upper->origin.y + 2, rtl ? -4 : 4, 5);
      place_label (painter, label, lane + (rtl ? 4 : -4), (y1 + y2) / 2.0, rtl ? 1 : -1);
    }
}

void
hearsay_overlay_snapshot_arcs (HearsayOverlay     *self,
                               GtkTextView        *view,
                               GtkSnapshot        *snapshot,
                               const GdkRectangle *visible,
                               gint64              vstart,
                               gint64              vend,
                               guint               first,
                               guint               last)
{
  HearsayOverlaySpan *selected = find_span_by_id (self, self->selected_id, first, last);
  g_autoptr(GArray) mine = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (Box));
  Painter painter = { view, snapshot, labels, { 0.20, 0.22, 0.30, 0.85 } };
  guint n_markers = 0, n_lanes = 0;
  cairo_t *cr;

  if (self->arcs->len == 0 || selected == NULL)
    return;
  hearsay_overlay_span_rects (view, selected, vstart, vend, mine);
  if (mine->len == 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (visible->x, visible->y,
                                                                 visible->width, visible->height));
  cairo_set_line_width (cr, 1.4);
  gdk_cairo_set_source_rgba (cr, &painter.ink);
  for (guint i = 0; i < self->arcs->len; i++)
    {
      HearsayOverlayArc *arc = g_ptr_array_index (self->arcs, i);
      gint64 partner_id = partner_of (self, arc);
      HearsayOverlaySpan *partner = partner_id != 0 ? find_span_by_id (self, partner_id, first, last) : NULL;
      const graphene_rect_t *upper, *lower;
      gboolean partner_later;

      g_array_set_size (theirs, 0);
      if (partner != NULL)
        hearsay_overlay_span_rects (view, partner, vstart, vend, theirs);
      if (theirs->len == 0)
        {
          draw_marker (&painter, cr, &g_array_index (mine, graphene_rect_t, 0), visible,
                       arc->label, n_markers++);
          continue;
        }
      partner_later = partner->start > selected->start ||
                      (partner->start == selected->start && partner->end < selected->end);
      if (partner_later)
        {
          upper = &g_array_index (mine, graphene_rect_t, mine->len - 1);
          lower = &g_array_index (theirs, graphene_rect_t, 0);
        }
      else
        {
          upper = &g_array_index (theirs, graphene_rect_t, theirs->len - 1);
          lower = &g_array_index (mine, graphene_rect_t, 0);
        }
      /* Nested spans share a line: the arc goes between their centres. */
      draw_link (&painter, cr, upper, lower, partner_later == (arc->to_id == partner_id),
                 arc->label, n_lanes++);
    }
  cairo_destroy (cr);
}
