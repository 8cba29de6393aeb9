/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-entity.c */
#include "config.h"

#include <string.h>

#include "hearsay-entity.h"

struct _HearsayEntity
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *kind;
  char *state_affiliated;
  char *affiliation;
  char *uuid;
  char **aliases;
};

G_DEFINE_FINAL_TYPE (HearsayEntity, hearsay_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hearsay_entity_finalize (GObject *object)
{
  HearsayEntity *self = HEARSAY_ENTITY (object);

  g_free (self->name);
  g_free (self->kind);
  g_free (self->state_affiliated);
  g_free (self->affiliation);
  g_free (self->uuid);
  g_strfreev (self->aliases);

  G_OBJECT_CLASS (hearsay_entity_parent_class)->finalize (object);
}

static void
hearsay_entity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HearsayEntity *self = HEARSAY_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_entity_class_init (HearsayEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hearsay_entity_finalize;
  object_class->get_property = hearsay_entity_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearsay_entity_init (HearsayEntity *self)
{
  self->aliases = g_new0 (char *, 1);
}

HearsayEntity *
hearsay_entity_new (const char *name,
                    const char *kind)
{
  HearsayEntity *self = g_object_new (HEARSAY_TYPE_ENTITY, NULL);

  self->name = g_strdup (name);
  self->kind = g_strdup (kind ? kind : "unknown");
  return self;
}

gint64
hearsay_entity_get_id (HearsayEntity *self)
{
  g_return_val_if_fail (HEARSAY_IS_ENTITY (self), 0);
  return self->id;
}

void
hearsay_entity_set_id (HearsayEntity *self,
                       gint64         id)
{
  g_return_if_fail (HEARSAY_IS_ENTITY (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

#define STRING_ACCESSORS(name, PROP) \
  const char * \
  hearsay_entity_get_##name (HearsayEntity *self) \
  { \
    g_return_val_if_fail (HEARSAY_IS_ENTITY (self), NULL); \
    return self->name; \
  } \
  void \
  hearsay_entity_set_##name (HearsayEntity *self, \
                             const char    *value) \
  { \
    g_return_if_fail (HEARSAY_IS_ENTITY (self)); \
    if (g_strcmp0 (self->name, value) == 0) \
      return; \
    g_free (self->name); \
    self->name = g_strdup (value); \
    if (PROP) \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (kind, PROP_KIND)
STRING_ACCESSORS (state_affiliated, 0)
STRING_ACCESSORS (affiliation, 0)
STRING_ACCESSORS (uuid, 0)

const char * const *
hearsay_entity_get_aliases (HearsayEntity *self)
{
  g_return_val_if_fail (HEARSAY_IS_ENTITY (self), NULL);
  return (const char * const *) self->aliases;
}

void
hearsay_entity_set_aliases (HearsayEntity      *self,
                            const char * const *aliases)
{
  g_return_if_fail (HEARSAY_IS_ENTITY (self));
  g_strfreev (self->aliases);
  self->aliases = aliases ? g_strdupv ((char **) aliases) : g_new0 (char *, 1);
}

void
hearsay_entity_add_alias (HearsayEntity *self,
                          const char    *alias)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_if_fail (HEARSAY_IS_ENTITY (self));
  if (alias == NULL || *alias == '\0' || g_strv_contains ((const char * const *) self->aliases, alias))
    return;
  g_strv_builder_addv (builder, (const char **) self->aliases);
  g_strv_builder_add (builder, alias);
  g_strfreev (self->aliases);
  self->aliases = g_strv_builder_end (builder);
}

/* Case- and accent-insensitive key: "l'État islamique" ~ "L'ETAT ISLAMIQUE". */
static char *
match_key (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) out = g_string_new (NULL);

  if (decomposed == NULL)
    return g_strdup ("");
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

gboolean
hearsay_entity_matches (HearsayEntity *self,
                        const char    *text)
{
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (HEARSAY_IS_ENTITY (self), FALSE);
  if (text == NULL)
    return FALSE;
  key = match_key (text);
  name = match_key (self->name ? self->name : "");
  if (*key != '\0' && (strstr (key, name) != NULL || strstr (name, key) != NULL) && *name != '\0')
    return TRUE;
  for (guint i = 0; self->aliases[i]; i++)
    {
      g_autofree char *alias = match_key (self->aliases[i]);

      if (*alias != '\0' && strstr (key, alias) != NULL)
        return TRUE;
    }
  return FALSE;
}
