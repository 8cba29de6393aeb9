/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-document.c */
#include "config.h"

#include <string.h>

#include "hearsay-document.h"

struct _HearsayDocument
{
  GObject parent_instance;

  gint64 id;
  char *text;
  gint64 length;
  char *sha256;
  HearsayDirection direction;
  char *title;
  char *outlet;
  char *url;
  char *published_at;
  char *language;
  char *source_name;
  char *source_sha256;
  char *imported_at;
  char *uuid;
  guint n_annotations;
  GHashTable *fields;   /* name → GStrv */
};

G_DEFINE_FINAL_TYPE (HearsayDocument, hearsay_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_URL,
  PROP_PUBLISHED_AT,
  PROP_LANGUAGE,
  PROP_N_ANNOTATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hearsay_document_finalize (GObject *object)
{
  HearsayDocument *self = HEARSAY_DOCUMENT (object);

  g_free (self->text);
  g_free (self->sha256);
  g_free (self->title);
  g_free (self->outlet);
  g_free (self->url);
  g_free (self->published_at);
  g_free (self->language);
  g_free (self->source_name);
  g_free (self->source_sha256);
  g_free (self->imported_at);
  g_free (self->uuid);
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (hearsay_document_parent_class)->finalize (object);
}

static void
hearsay_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HearsayDocument *self = HEARSAY_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_OUTLET: g_value_set_string (value, self->outlet); break;
    case PROP_URL: g_value_set_string (value, self->url); break;
    case PROP_PUBLISHED_AT: g_value_set_string (value, self->published_at); break;
    case PROP_LANGUAGE: g_value_set_string (value, self->language); break;
    case PROP_N_ANNOTATIONS: g_value_set_uint (value, self->n_annotations); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HearsayDocument *self = HEARSAY_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID: hearsay_document_set_id (self, g_value_get_int64 (value)); break;
    case PROP_TITLE: hearsay_document_set_title (self, g_value_get_string (value)); break;
    case PROP_OUTLET: hearsay_document_set_outlet (self, g_value_get_string (value)); break;
    case PROP_URL: hearsay_document_set_url (self, g_value_get_string (value)); break;
    case PROP_PUBLISHED_AT: hearsay_document_set_published_at (self, g_value_get_string (value)); break;
    case PROP_LANGUAGE: hearsay_document_set_language (self, g_value_get_string (value)); break;
    case PROP_N_ANNOTATIONS: hearsay_document_set_n_annotations (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_document_class_init (HearsayDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hearsay_document_finalize;
  object_class->get_property = hearsay_document_get_property;
  object_class->set_property = hearsay_document_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_OUTLET] = g_param_spec_string ("outlet", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHED_AT] = g_param_spec_string ("published-at", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_N_ANNOTATIONS] = g_param_spec_uint ("n-annotations", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearsay_document_init (HearsayDocument *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
}

/* Computes length, sha256 and direction from @text, which is kept verbatim. */
HearsayDocument *
hearsay_document_new (const char *text)
{
  HearsayDocument *self = g_object_new (HEARSAY_TYPE_DOCUMENT, NULL);

  if (text != NULL)
    {
      g_autofree char *sha = hearsay_text_sha256 (text, strlen (text));

      self->text = g_strdup (text);
      self->length = hearsay_text_length (text);
      self->sha256 = g_steal_pointer (&sha);
      self->direction = hearsay_text_detect_direction (text);
    }
  return self;
}

gint64
hearsay_document_get_id (HearsayDocument *self)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT (self), 0);
  return self->id;
}

void
hearsay_document_set_id (HearsayDocument *self,
                         gint64           id)
{
  g_return_if_fail (HEARSAY_IS_DOCUMENT (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
hearsay_document_get_text (HearsayDocument *self)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT (self), NULL);
  return self->text;
}

void
hearsay_document_set_text (HearsayDocument *self,
                           const char      *text)
{
  g_return_if_fail (HEARSAY_IS_DOCUMENT (self));
  g_free (self->text);
  self->text = g_strdup (text);
}

gint64
hearsay_document_get_length (HearsayDocument *self)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT (self), 0);
  return self->length;
}

void
hearsay_document_set_length (HearsayDocument *self,
                             gint64           length)
{
  g_return_if_fail (HEARSAY_IS_DOCUMENT (self));
  self->length = length;
}

const char *
hearsay_document_get_sha256 (HearsayDocument *self)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT (self), NULL);
  return self->sha256;
}

void
hearsay_document_set_sha256 (HearsayDocument *self,
                             const char      *sha256)
{
  g_return_if_fail (HEARSAY_IS_DOCUMENT (self));
  g_free (self->sha256);
  self->sha256 = g_strdup (sha256);
}

HearsayDirection
hearsay_document_get_direction (HearsayDocument *self)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT (self), HEARSAY_DIRECTION_LTR);
  return self->direction;
}

void
hearsay_document_set_direction (HearsayDocument *self,
                                HearsayDirection direction)
{
  g_return_if_fail (HEARSAY_IS_DOCUMENT (self));
  self->direction = direction;
}

#define STRING_ACCESSORS(name, PROP) \
  const char * \
  hearsay_document_get_##name (HearsayDocument *self) \
  { \
    g_return_val_if_fail (HEARSAY_IS_DOCUMENT (self), NULL); \
    return self->name; \
  } \
  void \
  hearsay_document_set_##name (HearsayDocument *self, \
                               const char      *value) \
  { \
    g_return_if_fail (HEARSAY_IS_DOCUMENT (self)); \
    if (g_strcmp0 (self->name, value) == 0) \
      return; \
    g_free (self->name); \
    self->name = g_strdup (value); \
    if (PROP) \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (outlet, PROP_OUTLET)
STRING_ACCESSORS (url, PROP_URL)
STRING_ACCESSORS (published_at, PROP_PUBLISHED_AT)
STRING_ACCESSORS (language, PROP_LANGUAGE)
STRING_ACCESSORS (source_name, 0)
STRING_ACCESSORS (source_sha256, 0)
STRING_ACCESSORS (imported_at, 0)
STRING_ACCESSORS (uuid, 0)

guint
hearsay_document_get_n_annotations (HearsayDocument *self)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT (self), 0);
  return self->n_annotations;
}

void
hearsay_document_set_n_annotations (HearsayDocument *self,
                                    guint            n)
{
  g_return_if_fail (HEARSAY_IS_DOCUMENT (self));
  if (self->n_annotations == n)
    return;
  self->n_annotations = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANNOTATIONS]);
}

const char * const *
hearsay_document_get_field (HearsayDocument *self,
                            const char      *name)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT (self), NULL);
  return g_hash_table_lookup (self->fields, name);
}

void
hearsay_document_set_field (HearsayDocument    *self,
                            const char         *name,
                            const char * const *values)
{
  g_return_if_fail (HEARSAY_IS_DOCUMENT (self));
  g_return_if_fail (name != NULL);

  if (values == NULL || values[0] == NULL)
    g_hash_table_remove (self->fields, name);
  else
    g_hash_table_replace (self->fields, g_strdup (name), g_strdupv ((char **) values));
}

char **
hearsay_document_dup_field_names (HearsayDocument *self)
{
  g_autofree const char **keys = NULL;
  char **names;
  guint n;

  g_return_val_if_fail (HEARSAY_IS_DOCUMENT (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->fields, &n);
  names = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    names[i] = g_strdup (keys[i]);
  hearsay_strv_sort (names);
  return names;
}

const char *
hearsay_document_get_metadata (HearsayDocument *self,
                               const char      *name)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT (self), NULL);

  if (g_strcmp0 (name, "title") == 0)
    return hearsay_document_get_title (self);
  if (g_strcmp0 (name, "outlet") == 0)
    return hearsay_document_get_outlet (self);
  if (g_strcmp0 (name, "url") == 0)
    return hearsay_document_get_url (self);
  if (g_strcmp0 (name, "published_at") == 0)
    return hearsay_document_get_published_at (self);
  if (g_strcmp0 (name, "language") == 0)
    return hearsay_document_get_language (self);
  return NULL;
}

void
hearsay_document_set_metadata (HearsayDocument *self,
                               const char      *name,
                               const char      *value)
{
  g_return_if_fail (HEARSAY_IS_DOCUMENT (self));

  /* A document always has a title, if only an empty one. */
  if (g_strcmp0 (name, "title") == 0)
    hearsay_document_set_title (self, value ? value : "");
  else if (g_strcmp0 (name, "outlet") == 0)
    hearsay_document_set_outlet (self, value);
  else if (g_strcmp0 (name, "url") == 0)
    hearsay_document_set_url (self, value);
  else if (g_strcmp0 (name, "published_at") == 0)
    hearsay_document_set_published_at (self, value);
  else if (g_strcmp0 (name, "language") == 0)
    hearsay_document_set_language (self, value);
}
