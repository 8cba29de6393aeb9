/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-coder.h: a coder of the project — the person (or program, or the
 * curated gold standard) behind one layer of annotations. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  HEARSAY_CODER_ROLE_CODER,  /* a person's layer */
  HEARSAY_CODER_ROLE_GOLD,   /* the curated layer; at most one per project */
  HEARSAY_CODER_ROLE_AUTO,   /* made by a program (the importer's page furniture):
                                shared by every coder, never compared */
} HearsayCoderRole;

/* The name the gold layer gets when a project first needs one. */
#define HEARSAY_CODER_GOLD_NAME "gold"

#define HEARSAY_TYPE_CODER (hearsay_coder_get_type ())
G_DECLARE_FINAL_TYPE (HearsayCoder, hearsay_coder, HEARSAY, CODER, GObject)

HearsayCoder     *hearsay_coder_new                (const char       *name,
                                                    HearsayCoderRole  role);

gint64            hearsay_coder_get_id             (HearsayCoder     *self);
void              hearsay_coder_set_id             (HearsayCoder     *self,
                                                    gint64            id);
/* The annotator name the layer's annotations carry. */
const char       *hearsay_coder_get_name           (HearsayCoder     *self);
void              hearsay_coder_set_name           (HearsayCoder     *self,
                                                    const char       *name);
/* "#rrggbb": the coder's colour on the margin bar and in tables. */
const char       *hearsay_coder_get_color          (HearsayCoder     *self);
void              hearsay_coder_set_color          (HearsayCoder     *self,
                                                    const char       *color);
HearsayCoderRole  hearsay_coder_get_role           (HearsayCoder     *self);
void              hearsay_coder_set_role           (HearsayCoder     *self,
                                                    HearsayCoderRole  role);
gboolean          hearsay_coder_is_gold            (HearsayCoder     *self);
/* How many annotations the layer holds (as listed). */
guint             hearsay_coder_get_n_annotations  (HearsayCoder     *self);
void              hearsay_coder_set_n_annotations  (HearsayCoder     *self,
                                                    guint             n);

const char       *hearsay_coder_role_to_string     (HearsayCoderRole  role);
gboolean          hearsay_coder_role_from_string   (const char       *str,
                                                    HearsayCoderRole *role);
/* A colour of a palette that colour-blind readers tell apart (Okabe–Ito),
 * for the @index-th coder without one of its own. */
const char       *hearsay_coder_default_color      (guint             index);
/* TRUE for "#rrggbb". */
gboolean          hearsay_coder_color_is_valid     (const char       *color);

G_END_DECLS
