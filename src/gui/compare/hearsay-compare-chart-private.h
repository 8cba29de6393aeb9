/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-chart-private.h: the drawing helpers shared by the chart
 * files (hearsay-compare-chart.c, hearsay-compare-chart-chains.c). */
#pragma once

#ifndef HEARSAY_GUI_COMPARE_COMPILATION
#error "hearsay-compare-chart-private.h is private to src/gui/compare/; include its public headers instead."
#endif

#include "hearsay-compare-chart.h"

G_BEGIN_DECLS

typedef enum {
  HEARSAY_CHART_ALIGN_START,
  HEARSAY_CHART_ALIGN_CENTER,
  HEARSAY_CHART_ALIGN_END,
} HearsayChartAlign;

/* Records an area whose tooltip is @tip (taken); @hits NULL: none kept. */
void    hearsay_chart_add_hit         (GPtrArray         *hits,
                                       double             x,
                                       double             y,
                                       double             w,
                                       double             h,
                                       char              *tip);
void    hearsay_chart_set_color       (cairo_t           *cr,
                                       guint32            rgb);
/* The core's SVG palette, by index. */
void    hearsay_chart_set_palette     (cairo_t           *cr,
                                       guint              index);
/* Draws @text with its top at @y, ellipsized to @max_width when it is
 * positive; returns its height. */
double  hearsay_chart_draw_text       (cairo_t           *cr,
                                       const char        *text,
                                       double             x,
                                       double             y,
                                       double             max_width,
                                       HearsayChartAlign  align,
                                       const char        *font);
void    hearsay_chart_draw_title      (cairo_t           *cr,
                                       const char        *title);
void    hearsay_chart_draw_background (cairo_t           *cr,
                                       int                width,
                                       int                height);

/* hearsay-compare-chart-chains.c */
void    hearsay_compare_chart_get_chains_size  (HearsayComparison *comparison,
                                                int               *width,
                                                int               *height);
void    hearsay_compare_chart_draw_chains_hits (cairo_t           *cr,
                                                int                width,
                                                int                height,
                                                HearsayComparison *comparison,
                                                GPtrArray         *hits);

G_END_DECLS
