/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader-overlay-private.h: what the reader draws over the text — one entry
 * per annotation (all its fragments), sorted by position, with its overlap
 * depth; the selected and hovered annotations; relation arcs. A plain
 * structure owned by HearsayReader and drawn by HearsayReaderView. */
#pragma once

#ifndef HEARSAY_GUI_READER_COMPILATION
#error "hearsay-reader-overlay-private.h is private to src/gui/reader/; include its public headers instead."
#endif

#include <gtk/gtk.h>

#include "hearsay-annotation.h"
#include "hearsay-reader-view.h"

G_BEGIN_DECLS

/* A compact record per annotation (about 56 bytes): no GObject, no quotes.
 * The full HearsayAnnotation is fetched from the project only when needed
 * (tooltip, inspector). */
typedef struct
{
  gint64 id;
  gint64 start;       /* first fragment's start */
  gint64 end;         /* the largest fragment end */
  gint64 reach;       /* the largest end of this and every earlier span */
  const char *label;  /* interned (g_intern_string) */
  gint64 *fragments;  /* (start, end) pairs, by start, only when there are
                       * two or more; NULL for one fragment [start, end) */
  guint n_fragments : 15;
  guint depth : 16;   /* overlap level: 0 outermost */
  guint applied : 1;  /* its label tag is in the buffer */
} HearsayOverlaySpan;

/* A relation of the selected annotation: an arc to @to_id in the same
 * document, or a margin marker when @to_id is 0 (entity, other document). */
typedef struct
{
  gint64 from_id;
  gint64 to_id;
  char *label;
} HearsayOverlayArc;

/* An annotation linked to one shown in another pane (same_claim_as,
 * contradicts): marked in the margin and over its text while it is linked. */
typedef struct
{
  gint64 id;            /* first: the entry is its own int64 key */
  guint kinds;          /* HearsayReaderLinkKind flags */
  GArray *partners;     /* gint64: the linked annotations in other panes */
  GPtrArray *descriptions; /* plain text, one per partner, for the tooltip */
} HearsayOverlayLink;

/* Where a link's margin mark was drawn in the last frame (buffer
 * coordinates): what the tooltip and the tests hit. */
typedef struct
{
  gint64 id;
  graphene_rect_t rect;
} HearsayOverlayMark;

typedef struct
{
  GArray *spans;        /* HearsayOverlaySpan, by (start, longest first, id) */
  GHashTable *colors;   /* label id → GdkRGBA */
  gint64 selected_id;
  gint64 hover_id;
  GPtrArray *arcs;      /* HearsayOverlayArc */
  GHashTable *links;    /* set of HearsayOverlayLink, keyed by id */
  GArray *marks;        /* HearsayOverlayMark */
  /* Spans of this label (interned) are hidden text: nothing drawn. */
  const char *hidden_label;
} HearsayOverlay;

HearsayOverlay           *hearsay_overlay_new           (void);
void                      hearsay_overlay_free          (HearsayOverlay     *self);
void                      hearsay_overlay_clear         (HearsayOverlay     *self);
/* Replaces every span from the HearsaySpan rows of
 * hearsay_project_list_spans() (one per fragment, by start): one grouping
 * pass, one sort and one sweep. */
void                      hearsay_overlay_load          (HearsayOverlay     *self,
                                                         GArray             *rows);
/* Incremental: only the cluster of overlapping spans around the change gets
 * its depths recomputed. Both return the index touched. */
guint                     hearsay_overlay_insert        (HearsayOverlay     *self,
                                                         HearsayAnnotation  *annotation);
gboolean                  hearsay_overlay_remove        (HearsayOverlay     *self,
                                                         gint64              id,
                                                         gint64              start,
                                                         gint64              end);
/* The index of annotation @id's span, which starts at @start and ends at
 * @end (only a hint: the spans starting at @start are searched), or -1. */
int                       hearsay_overlay_find          (HearsayOverlay     *self,
                                                         gint64              id,
                                                         gint64              start,
                                                         gint64              end);
/* Exchanges the spans of @self and @other (built in another thread). */
void                      hearsay_overlay_swap_spans    (HearsayOverlay     *self,
                                                         HearsayOverlay     *other);
guint                     hearsay_overlay_get_n_spans   (HearsayOverlay     *self);
HearsayOverlaySpan       *hearsay_overlay_get_span      (HearsayOverlay     *self,
                                                         guint               index);
/* Spans [*first, *last) may overlap [start, end); the others do not. A
 * binary search on the positions and the reaches, no full scan. */
void                      hearsay_overlay_range         (HearsayOverlay     *self,
                                                         gint64              start,
                                                         gint64              end,
                                                         guint              *first,
                                                         guint              *last);
gboolean                  hearsay_overlay_span_covers   (const HearsayOverlaySpan *span,
                                                         gint64              offset);
guint                     hearsay_overlay_span_get_n_fragments (const HearsayOverlaySpan *span);
void                      hearsay_overlay_span_get_fragment    (const HearsayOverlaySpan *span,
                                                                guint               index,
                                                                gint64             *start,
                                                                gint64             *end);
/* The innermost (shortest) annotation covering @offset, or 0. */
gint64                    hearsay_overlay_innermost_at  (HearsayOverlay     *self,
                                                         gint64              offset);
void                      hearsay_overlay_set_color     (HearsayOverlay     *self,
                                                         const char         *label,
                                                         const char         *color);
void                      hearsay_overlay_get_color     (HearsayOverlay     *self,
                                                         const char         *label,
                                                         GdkRGBA            *rgba);
/* Takes @arcs (HearsayOverlayArc, freed with hearsay_overlay_arc_free). */
void                      hearsay_overlay_set_arcs      (HearsayOverlay     *self,
                                                         GPtrArray          *arcs);
HearsayOverlayArc        *hearsay_overlay_arc_new       (gint64              from_id,
                                                         gint64              to_id,
                                                         const char         *label);
void                      hearsay_overlay_arc_free      (HearsayOverlayArc  *arc);

/* hearsay-reader-overlay-draw.c */
/* The rectangles (buffer coordinates) the text [start, end) takes, one per
 * display line; bidi-aware through the iter locations. */
void                      hearsay_overlay_line_rects    (GtkTextView        *view,
                                                         gint64              start,
                                                         gint64              end,
                                                         GArray             *rects);
/* The code-point range of the buffer lines in the visible rectangle. */
void                      hearsay_overlay_visible_range (GtkTextView        *view,
                                                         gint64             *start,
                                                         gint64             *end);
/* The fragments of @span clipped to [vstart, vend), as line rectangles. */
void                      hearsay_overlay_span_rects    (GtkTextView        *view,
                                                         HearsayOverlaySpan *span,
                                                         gint64              vstart,
                                                         gint64              vend,
                                                         GArray             *rects);
/* hearsay-reader-overlay-arcs.c: the selected annotation's relations. */
void                      hearsay_overlay_snapshot_arcs (HearsayOverlay     *self,
                                                         GtkTextView        *view,
                                                         GtkSnapshot        *snapshot,
                                                         const GdkRectangle *visible,
                                                         gint64              vstart,
                                                         gint64              vend,
                                                         guint               first,
                                                         guint               last);
void                      hearsay_overlay_snapshot      (HearsayOverlay     *self,
                                                         GtkTextView        *view,
                                                         GtkSnapshot        *snapshot);

/* hearsay-reader-overlay-links.c: marks on annotations linked to another
 * pane. Kept when the spans are reloaded; cleared with the document. */
void                      hearsay_overlay_links_init    (HearsayOverlay     *self);
void                      hearsay_overlay_links_free    (HearsayOverlay     *self);
/* Adds @kind (a HearsayReaderLinkKind), @partner_id and @description to
 * @id's mark. */
void                      hearsay_overlay_add_link      (HearsayOverlay     *self,
                                                         gint64              id,
                                                         guint               kind,
                                                         gint64              partner_id,
                                                         const char         *description);
/* Whether @partner_id is one of @id's partners in another pane. */
gboolean                  hearsay_overlay_has_partner   (HearsayOverlay     *self,
                                                         gint64              id,
                                                         gint64              partner_id);
void                      hearsay_overlay_clear_links   (HearsayOverlay     *self);
const HearsayOverlayLink *hearsay_overlay_get_link      (HearsayOverlay     *self,
                                                         gint64              id);
/* The annotation whose margin mark is at (@x, @y) in buffer coordinates,
 * or 0; only marks drawn in the last frame count. */
gint64                    hearsay_overlay_mark_at       (HearsayOverlay     *self,
                                                         double              x,
                                                         double              y);
gboolean                  hearsay_overlay_get_mark      (HearsayOverlay     *self,
                                                         gint64              id,
                                                         graphene_rect_t    *rect);
void                      hearsay_overlay_snapshot_links (HearsayOverlay    *self,
                                                          GtkTextView       *view,
                                                          GtkSnapshot       *snapshot,
                                                          const GdkRectangle *visible,
                                                          gint64             vstart,
                                                          gint64             vend,
                                                          guint              first,
                                                          guint              last);

/* hearsay-reader-view.c: the view draws @overlay (owned by the caller). */
void                      hearsay_reader_view_set_overlay (HearsayReaderView *view,
                                                           HearsayOverlay    *overlay);

G_END_DECLS
