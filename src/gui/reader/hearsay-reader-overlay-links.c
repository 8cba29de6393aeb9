/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader-overlay-links.c: claims linked to a claim in another pane
 * (side-by-side reading). For as long as it is linked, each one gets a bar in
 * the margin where its lines start, a round mark at its first visible line
 * ("=" the same claim, "≠" contradicts) and a line over its text, solid for
 * the same claim and a zigzag for a contradiction: the two differ by shape as
 * well as by colour. Drawn like the rest of the overlay, for the visible
 * spans only; no widget, no text tag. */
#include "config.h"

#include "hearsay-reader.h"
#include "hearsay-reader-overlay-private.h"

#define MARK_RADIUS 7.0
#define BAR_WIDTH 3.0
#define BAR_GAP 4.0

/* The colours of the linked-claim list under each pane (style.css). */
static const GdkRGBA same_color = { 0.106, 0.478, 0.227, 1 };        /* #1b7a3a */
static const GdkRGBA contradicts_color = { 0.753, 0.110, 0.157, 1 }; /* #c01c28 */

static void
free_link (gpointer data)
{
  HearsayOverlayLink *link = data;

  g_array_unref (link->partners);
  g_ptr_array_unref (link->descriptions);
  g_free (link);
}

void
hearsay_overlay_links_init (HearsayOverlay *self)
{
  self->links = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, free_link);
  self->marks = g_array_new (FALSE, FALSE, sizeof (HearsayOverlayMark));
}

void
hearsay_overlay_links_free (HearsayOverlay *self)
{
  g_hash_table_unref (self->links);
  g_array_unref (self->marks);
}

void
hearsay_overlay_add_link (HearsayOverlay *self,
                          gint64          id,
                          guint           kind,
                          gint64          partner_id,
                          const char     *description)
{
  HearsayOverlayLink *link = g_hash_table_lookup (self->links, &id);

  if (link == NULL)
    {
      link = g_new0 (HearsayOverlayLink, 1);
      link->id = id;
      link->partners = g_array_new (FALSE, FALSE, sizeof (gint64));
      link->descriptions = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_add (self->links, link);
    }
  link->kinds |= kind;
  g_array_append_val (link->partners, partner_id);
  if (description != NULL)
    g_ptr_array_add (link->descriptions, g_strdup (description));
}

void
hearsay_overlay_clear_links (HearsayOverlay *self)
{
  g_hash_table_remove_all (self->links);
  g_array_set_size (self->marks, 0);
}

gboolean
hearsay_overlay_has_partner (HearsayOverlay *self,
                             gint64          id,
                             gint64          partner_id)
{
  const HearsayOverlayLink *link = g_hash_table_lookup (self->links, &id);

  for (guint i = 0; link != NULL && i < link->partners->len; i++)
    if (g_array_index (link->partners, gint64, i) == partner_id)
      return TRUE;
  return FALSE;
}

const HearsayOverlayLink *
hearsay_overlay_get_link (HearsayOverlay *self,
                          gint64          id)
{
  return g_hash_table_lookup (self->links, &id);
}

gint64
hearsay_overlay_mark_at (HearsayOverlay *self,
                         double          x,
                         double          y)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      const HearsayOverlayMark *mark = &g_array_index (self->marks, HearsayOverlayMark, i);
      graphene_rect_t around;

      /* A little slack: the mark is small. */
      graphene_rect_inset_r (&mark->rect, -2, -2, &around);
      if (graphene_rect_contains_point (&around, &GRAPHENE_POINT_INIT (x, y)))
        return mark->id;
    }
  return 0;
}

gboolean
hearsay_overlay_get_mark (HearsayOverlay  *self,
                          gint64           id,
                          graphene_rect_t *rect)
{
  for (guint i = 0; i < self->marks->len; i++)
    if (g_array_index (self->marks, HearsayOverlayMark, i).id == id)
      {
        *rect = g_array_index (self->marks, HearsayOverlayMark, i).rect;
        return TRUE;
      }
  return FALSE;
}

static void
draw_over_text (cairo_t               *cr,
                const graphene_rect_t *rect,
                gboolean               zigzag)
{
  double y = rect->origin.y - 2.5;
  double x0 = rect->origin.x, x1 = rect->origin.x + rect->size.width;

  if (!zigzag)
    {
      cairo_rectangle (cr, x0, y - 1, x1 - x0, 2);
      cairo_fill (cr);
      return;
    }
  cairo_move_to (cr, x0, y);
  for (double x = x0 + 2, up = -1; x < x1 + 2; x += 2, up = -up)
    cairo_line_to (cr, MIN (x, x1), y + 1.5 * up);
  cairo_stroke (cr);
}

static void
draw_bar (cairo_t *cr,
          double   x,
          double   top,
          double   bottom,
          gboolean dashed)
{
  static const double dash[] = { 4, 3 };

  cairo_save (cr);
  cairo_set_line_width (cr, BAR_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  if (dashed)
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x, bottom);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A disc with "=" or, for a contradiction, "≠" drawn as strokes (no font
 * needed, crisp at this size). */
static void
draw_mark (cairo_t       *cr,
           double         x,
           double         y,
           const GdkRGBA *color,
           gboolean       contradicts)
{
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_arc (cr, x, y, MARK_RADIUS, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.6);
  cairo_move_to (cr, x - 3.5, y - 2);
  cairo_line_to (cr, x + 3.5, y - 2);
  cairo_move_to (cr, x - 3.5, y + 2);
  cairo_line_to (cr, x + 3.5, y + 2);
  if (contradicts)
    {
      cairo_move_to (cr, x + 2.5, y - 5);
      cairo_line_to (cr, x - 2.5, y + 5);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Two claims that start on one line: the second mark goes below. */
static double
free_y (HearsayOverlay *self,
        double          y)
{
  gboolean moved = TRUE;

  while (moved)
    {
      moved = FALSE;
      for (guint i = 0; i < self->marks->len; i++)
        {
          const graphene_rect_t *r = &g_array_index (self->marks, HearsayOverlayMark, i).rect;

          if (y + MARK_RADIUS > r->origin.y && y - MARK_RADIUS < r->origin.y + r->size.height)
            {
              y = r->origin.y + r->size.height + MARK_RADIUS + 1;
              moved = TRUE;
            }
        }
    }
  return y;
}

void
hearsay_overlay_snapshot_links (HearsayOverlay     *self,
                                GtkTextView        *view,
                                GtkSnapshot        *snapshot,
                                const GdkRectangle *visible,
                                gint64              vstart,
                                gint64              vend,
                                guint               first,
                                guint               last)
{
  g_autoptr(GArray) rects = NULL;
  cairo_t *cr = NULL;
  gboolean rtl;
  double bar_x, mark_x;

  g_array_set_size (self->marks, 0);
  if (g_hash_table_size (self->links) == 0)
    return;
  rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  /* In the margin where the lines start (the end side has the selected
   * annotation's relation markers). */
  rtl = gtk_widget_get_direction (GTK_WIDGET (view)) == GTK_TEXT_DIR_RTL;
  if (!rtl)
    {
      bar_x = gtk_text_view_get_left_margin (view) - BAR_GAP - BAR_WIDTH / 2;
      mark_x = bar_x - BAR_WIDTH / 2 - 2 - MARK_RADIUS;
    }
  else
    {
      bar_x = visible->x + visible->width - gtk_text_view_get_right_margin (view) + BAR_GAP + BAR_WIDTH / 2;
      mark_x = bar_x + BAR_WIDTH / 2 + 2 + MARK_RADIUS;
    }

  for (guint i = first; i < last; i++)
    {
      HearsayOverlaySpan *span = hearsay_overlay_get_span (self, i);
      const HearsayOverlayLink *link;
      const graphene_rect_t *top, *bottom;
      gboolean contradicts;
      double y;

      if (span->end <= vstart || (link = g_hash_table_lookup (self->links, &span->id)) == NULL)
        continue;
      g_array_set_size (rects, 0);
      hearsay_overlay_span_rects (view, span, vstart, vend, rects);
      if (rects->len == 0)
        continue;
      if (cr == NULL)
        cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (visible->x, visible->y,
                                                                       visible->width, visible->height));
      /* A claim both the same as one and contradicting another is drawn as
       * a contradiction, with both marks. */
      contradicts = (link->kinds & HEARSAY_READER_LINK_CONTRADICTS) != 0;
      gdk_cairo_set_source_rgba (cr, contradicts ? &contradicts_color : &same_color);
      cairo_set_line_width (cr, 1.3);
      for (guint r = 0; r < rects->len; r++)
        draw_over_text (cr, &g_array_index (rects, graphene_rect_t, r), contradicts);
      top = &g_array_index (rects, graphene_rect_t, 0);
      bottom = &g_array_index (rects, graphene_rect_t, rects->len - 1);
      draw_bar (cr, bar_x, top->origin.y - 1, bottom->origin.y + bottom->size.height + 1, contradicts);

      y = top->origin.y + top->size.height / 2;
      for (guint kind = HEARSAY_READER_LINK_CONTRADICTS; kind != 0; kind >>= 1)
        {
          HearsayOverlayMark mark = { span->id, };

          if ((link->kinds & kind) == 0)
            continue;
          y = free_y (self, y);
          draw_mark (cr, mark_x, y, kind == HEARSAY_READER_LINK_CONTRADICTS ? &contradicts_color : &same_color,
                     kind == HEARSAY_READER_LINK_CONTRADICTS);
          graphene_rect_init (&mark.rect, mark_x - MARK_RADIUS, y - MARK_RADIUS,
                              2 * MARK_RADIUS, 2 * MARK_RADIUS);
          g_array_append_val (self->marks, mark);
        }
    }
  if (cr != NULL)
    cairo_destroy (cr);
}
