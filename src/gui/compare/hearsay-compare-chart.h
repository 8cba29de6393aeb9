/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-chart.h: the comparison's charts drawn with cairo — the
 * same figures as the core's SVG charts, for the view and for PNG export. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-compare.h"

G_BEGIN_DECLS

/* The size a chart wants to be drawn at, in pixels. */
void       hearsay_compare_chart_get_size       (HearsayComparison      *comparison,
                                                 HearsayComparisonChart  chart,
                                                 int                    *width,
                                                 int                    *height);

/* Each draws one chart into a @width × @height area of @cr. */
void       hearsay_compare_chart_draw_sources    (cairo_t                *cr,
                                                  int                     width,
                                                  int                     height,
                                                  HearsayComparison      *comparison);
void       hearsay_compare_chart_draw_persuasion (cairo_t                *cr,
                                                  int                     width,
                                                  int                     height,
                                                  HearsayComparison      *comparison);
void       hearsay_compare_chart_draw_chains     (cairo_t                *cr,
                                                  int                     width,
                                                  int                     height,
                                                  HearsayComparison      *comparison);
void       hearsay_compare_chart_draw            (HearsayComparisonChart  chart,
                                                  cairo_t                *cr,
                                                  int                     width,
                                                  int                     height,
                                                  HearsayComparison      *comparison);

/* Draws the chart at its own size, at twice the pixel density, into a PNG file. */
gboolean   hearsay_compare_chart_save_png        (HearsayComparison      *comparison,
                                                  HearsayComparisonChart  chart,
                                                  const char             *path,
                                                  GError                **error);

/* A GtkDrawingArea showing the chart; hovering a bar or a node shows its
 * counts. */
GtkWidget *hearsay_compare_chart_new             (HearsayComparison      *comparison,
                                                  HearsayComparisonChart  chart);

G_END_DECLS
