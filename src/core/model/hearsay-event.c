/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-event.c */
#include "config.h"

#include "hearsay-event.h"

struct _HearsayEvent
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *date;
  guint n_documents;
};

G_DEFINE_FINAL_TYPE (HearsayEvent, hearsay_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DATE,
  PROP_N_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hearsay_event_finalize (GObject *object)
{
  HearsayEvent *self = HEARSAY_EVENT (object);

  g_free (self->name);
  g_free (self->date);
  G_OBJECT_CLASS (hearsay_event_parent_class)->finalize (object);
}

static void
hearsay_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HearsayEvent *self = HEARSAY_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_N_DOCUMENTS: g_value_set_uint (value, self->n_documents); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_event_class_init (HearsayEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hearsay_event_finalize;
  object_class->get_property = hearsay_event_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_N_DOCUMENTS] = g_param_spec_uint ("n-documents", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearsay_event_init (HearsayEvent *self)
{
}

HearsayEvent *
hearsay_event_new (const char *name,
                   const char *date)
{
  HearsayEvent *self = g_object_new (HEARSAY_TYPE_EVENT, NULL);

  self->name = g_strdup (name);
  self->date = g_strdup (date);
  return self;
}

gint64
hearsay_event_get_id (HearsayEvent *self)
{
  g_return_val_if_fail (HEARSAY_IS_EVENT (self), 0);
  return self->id;
}

void
hearsay_event_set_id (HearsayEvent *self,
                      gint64        id)
{
  g_return_if_fail (HEARSAY_IS_EVENT (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

#define STRING_ACCESSORS(field, PROP) \
  const char * \
  hearsay_event_get_##field (HearsayEvent *self) \
  { \
    g_return_val_if_fail (HEARSAY_IS_EVENT (self), NULL); \
    return self->field; \
  } \
  void \
  hearsay_event_set_##field (HearsayEvent *self, \
                             const char   *value) \
  { \
    g_return_if_fail (HEARSAY_IS_EVENT (self)); \
    if (g_strcmp0 (self->field, value) == 0) \
      return; \
    g_free (self->field); \
    self->field = g_strdup (value); \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (date, PROP_DATE)

guint
hearsay_event_get_n_documents (HearsayEvent *self)
{
  g_return_val_if_fail (HEARSAY_IS_EVENT (self), 0);
  return self->n_documents;
}

void
hearsay_event_set_n_documents (HearsayEvent *self,
                               guint         n)
{
  g_return_if_fail (HEARSAY_IS_EVENT (self));
  if (self->n_documents == n)
    return;
  self->n_documents = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DOCUMENTS]);
}
