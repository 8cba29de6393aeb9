/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-chart-geometry.h: where the comparison's charts put things, in
 * pixels, computed once for the SVG writer and the window's cairo widget
 * alike; each only draws. */
#pragma once

#include "hearsay-compare.h"

G_BEGIN_DECLS

/* The attribution chains chart: a band per outlet, a column per depth (the
 * outlet first, then the sources it relays, outermost first), a box per
 * distinct path prefix, an arrow per link weighted by its count. */
typedef struct
{
  const char *label;   /* the outlet's title at depth 0, else the source */
  double x, y;         /* the box's top left corner */
  guint outlet;        /* the outlet's index, also its band's */
  guint depth;
  gint64 count;        /* chains that pass through this box */
  gboolean leaf;       /* an original source: some chain ends here */
} HearsayChainBox;

typedef struct
{
  guint from;          /* box indexes: @to is relayed by @from */
  guint to;
  gint64 count;
} HearsayChainLink;

typedef struct
{
  GArray *boxes;       /* HearsayChainBox, in drawing order */
  GArray *links;       /* HearsayChainLink */
  GArray *bands;       /* double: each outlet's band top, then the last band's end */
  double box_width;
  double box_height;
  double width;        /* of the whole chart */
  double height;
  double top;          /* where the first band starts, below the title */
  double left;
} HearsayChainLayout;

HearsayChainLayout *hearsay_chain_layout_new  (HearsayComparison  *comparison);
void                hearsay_chain_layout_free (HearsayChainLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayChainLayout, hearsay_chain_layout_free)

G_END_DECLS
