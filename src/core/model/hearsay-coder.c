/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-coder.c */
#include "config.h"

#include <string.h>

#include "hearsay-coder.h"

struct _HearsayCoder
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *color;
  HearsayCoderRole role;
  guint n_annotations;
};

G_DEFINE_FINAL_TYPE (HearsayCoder, hearsay_coder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COLOR,
  PROP_GOLD,
  PROP_N_ANNOTATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hearsay_coder_finalize (GObject *object)
{
  HearsayCoder *self = HEARSAY_CODER (object);

  g_free (self->name);
  g_free (self->color);
  G_OBJECT_CLASS (hearsay_coder_parent_class)->finalize (object);
}

static void
hearsay_coder_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HearsayCoder *self = HEARSAY_CODER (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_COLOR: g_value_set_string (value, self->color); break;
    case PROP_GOLD: g_value_set_boolean (value, self->role == HEARSAY_CODER_ROLE_GOLD); break;
    case PROP_N_ANNOTATIONS: g_value_set_uint (value, self->n_annotations); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_coder_class_init (HearsayCoderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = hearsay_coder_finalize;
  object_class->get_property = hearsay_coder_get_property;

  /* Readable properties, so that list views can bind to them. */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_GOLD] = g_param_spec_boolean ("gold", NULL, NULL, FALSE, flags);
  properties[PROP_N_ANNOTATIONS] = g_param_spec_uint ("n-annotations", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearsay_coder_init (HearsayCoder *self)
{
}

HearsayCoder *
hearsay_coder_new (const char       *name,
                   HearsayCoderRole  role)
{
  HearsayCoder *self = g_object_new (HEARSAY_TYPE_CODER, NULL);

  self->name = g_strdup (name);
  self->role = role;
  return self;
}

gint64
hearsay_coder_get_id (HearsayCoder *self)
{
  g_return_val_if_fail (HEARSAY_IS_CODER (self), 0);
  return self->id;
}

void
hearsay_coder_set_id (HearsayCoder *self,
                      gint64        id)
{
  g_return_if_fail (HEARSAY_IS_CODER (self));
  self->id = id;
}

const char *
hearsay_coder_get_name (HearsayCoder *self)
{
  g_return_val_if_fail (HEARSAY_IS_CODER (self), NULL);
  return self->name;
}

void
hearsay_coder_set_name (HearsayCoder *self,
                        const char   *name)
{
  g_return_if_fail (HEARSAY_IS_CODER (self));
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
hearsay_coder_get_color (HearsayCoder *self)
{
  g_return_val_if_fail (HEARSAY_IS_CODER (self), NULL);
  return self->color;
}

void
hearsay_coder_set_color (HearsayCoder *self,
                         const char   *color)
{
  g_return_if_fail (HEARSAY_IS_CODER (self));
  if (g_strcmp0 (self->color, color) == 0)
    return;
  g_free (self->color);
  self->color = g_strdup (color);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

HearsayCoderRole
hearsay_coder_get_role (HearsayCoder *self)
{
  g_return_val_if_fail (HEARSAY_IS_CODER (self), HEARSAY_CODER_ROLE_CODER);
  return self->role;
}

void
hearsay_coder_set_role (HearsayCoder     *self,
                        HearsayCoderRole  role)
{
  gboolean was_gold;

  g_return_if_fail (HEARSAY_IS_CODER (self));
  was_gold = self->role == HEARSAY_CODER_ROLE_GOLD;
  self->role = role;
  if (was_gold != (role == HEARSAY_CODER_ROLE_GOLD))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOLD]);
}

gboolean
hearsay_coder_is_gold (HearsayCoder *self)
{
  g_return_val_if_fail (HEARSAY_IS_CODER (self), FALSE);
  return self->role == HEARSAY_CODER_ROLE_GOLD;
}

guint
hearsay_coder_get_n_annotations (HearsayCoder *self)
{
  g_return_val_if_fail (HEARSAY_IS_CODER (self), 0);
  return self->n_annotations;
}

void
hearsay_coder_set_n_annotations (HearsayCoder *self,
                                 guint         n)
{
  g_return_if_fail (HEARSAY_IS_CODER (self));
  if (self->n_annotations == n)
    return;
  self->n_annotations = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANNOTATIONS]);
}

static const char * const role_names[] = { "coder", "gold", "auto" };

const char *
hearsay_coder_role_to_string (HearsayCoderRole role)
{
  g_return_val_if_fail ((guint) role < G_N_ELEMENTS (role_names), NULL);
  return role_names[role];
}

gboolean
hearsay_coder_role_from_string (const char       *str,
                                HearsayCoderRole *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (str, role_names[i]) == 0)
      {
        *role = (HearsayCoderRole) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hearsay_coder_default_color (guint index)
{
  /* Okabe & Ito (2008), without black, which the text already uses. */
  static const char * const palette[] = {
    "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7",
  };

  return palette[index % G_N_ELEMENTS (palette)];
}

gboolean
hearsay_coder_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}
