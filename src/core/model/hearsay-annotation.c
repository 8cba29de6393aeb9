/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-annotation.c */
#include "config.h"

#include "hearsay-annotation.h"
#include "hearsay-relation.h"
#include "hearsay-text.h"

struct _HearsayAnnotation
{
  GObject parent_instance;

  gint64 id;
  gint64 document_id;
  char *label;
  char *note;
  char *annotator;
  char *created_at;
  char *modified_at;
  char *uuid;
  GArray *fragments;      /* HearsayFragment, sorted by start */
  GHashTable *attributes; /* name → GStrv */
};

G_DEFINE_FINAL_TYPE (HearsayAnnotation, hearsay_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fragment_clear (gpointer data)
{
  HearsayFragment *f = data;

  g_clear_pointer (&f->exact, g_free);
  g_clear_pointer (&f->prefix, g_free);
  g_clear_pointer (&f->suffix, g_free);
}

static void
hearsay_annotation_finalize (GObject *object)
{
  HearsayAnnotation *self = HEARSAY_ANNOTATION (object);

  g_free (self->label);
  g_free (self->note);
  g_free (self->annotator);
  g_free (self->created_at);
  g_free (self->modified_at);
  g_free (self->uuid);
  g_clear_pointer (&self->fragments, g_array_unref);
  g_clear_pointer (&self->attributes, g_hash_table_unref);

  G_OBJECT_CLASS (hearsay_annotation_parent_class)->finalize (object);
}

static void
hearsay_annotation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HearsayAnnotation *self = HEARSAY_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_annotation_class_init (HearsayAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hearsay_annotation_finalize;
  object_class->get_property = hearsay_annotation_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearsay_annotation_init (HearsayAnnotation *self)
{
  self->fragments = g_array_new (FALSE, TRUE, sizeof (HearsayFragment));
  g_array_set_clear_func (self->fragments, fragment_clear);
  self->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
}

HearsayAnnotation *
hearsay_annotation_new (gint64      document_id,
                        const char *label)
{
  HearsayAnnotation *self = g_object_new (HEARSAY_TYPE_ANNOTATION, NULL);

  self->document_id = document_id;
  self->label = g_strdup (label);
  return self;
}

gint64
hearsay_annotation_get_id (HearsayAnnotation *self)
{
  g_return_val_if_fail (HEARSAY_IS_ANNOTATION (self), 0);
  return self->id;
}

void
hearsay_annotation_set_id (HearsayAnnotation *self,
                           gint64             id)
{
  g_return_if_fail (HEARSAY_IS_ANNOTATION (self));
  self->id = id;
}

gint64
hearsay_annotation_get_document_id (HearsayAnnotation *self)
{
  g_return_val_if_fail (HEARSAY_IS_ANNOTATION (self), 0);
  return self->document_id;
}

void
hearsay_annotation_set_document_id (HearsayAnnotation *self,
                                    gint64             document_id)
{
  g_return_if_fail (HEARSAY_IS_ANNOTATION (self));
  self->document_id = document_id;
}

#define STRING_ACCESSORS(name) \
  const char * \
  hearsay_annotation_get_##name (HearsayAnnotation *self) \
  { \
    g_return_val_if_fail (HEARSAY_IS_ANNOTATION (self), NULL); \
    return self->name; \
  } \
  void \
  hearsay_annotation_set_##name (HearsayAnnotation *self, \
                                 const char        *value) \
  { \
    g_return_if_fail (HEARSAY_IS_ANNOTATION (self)); \
    if (self->name != value) \
      { \
        g_free (self->name); \
        self->name = g_strdup (value); \
      } \
  }

STRING_ACCESSORS (label)
STRING_ACCESSORS (note)
STRING_ACCESSORS (annotator)
STRING_ACCESSORS (created_at)
STRING_ACCESSORS (modified_at)
STRING_ACCESSORS (uuid)

void
hearsay_annotation_add_fragment_full (HearsayAnnotation *self,
                                      gint64             start,
                                      gint64             end,
                                      const char        *exact,
                                      const char        *prefix,
                                      const char        *suffix)
{
  HearsayFragment f = { start, end, g_strdup (exact), g_strdup (prefix), g_strdup (suffix) };
  guint i;

  g_return_if_fail (HEARSAY_IS_ANNOTATION (self));

  for (i = 0; i < self->fragments->len; i++)
    {
      const HearsayFragment *g = &g_array_index (self->fragments, HearsayFragment, i);

      if (start < g->start || (start == g->start && end < g->end))
        break;
    }
  g_array_insert_val (self->fragments, i, f);
}

void
hearsay_annotation_add_fragment (HearsayAnnotation *self,
                                 gint64             start,
                                 gint64             end)
{
  hearsay_annotation_add_fragment_full (self, start, end, NULL, NULL, NULL);
}

guint
hearsay_annotation_get_n_fragments (HearsayAnnotation *self)
{
  g_return_val_if_fail (HEARSAY_IS_ANNOTATION (self), 0);
  return self->fragments->len;
}

const HearsayFragment *
hearsay_annotation_get_fragment (HearsayAnnotation *self,
                                 guint              index)
{
  g_return_val_if_fail (HEARSAY_IS_ANNOTATION (self), NULL);
  g_return_val_if_fail (index < self->fragments->len, NULL);
  return &g_array_index (self->fragments, HearsayFragment, index);
}

gint64
hearsay_annotation_get_start (HearsayAnnotation *self)
{
  g_return_val_if_fail (HEARSAY_IS_ANNOTATION (self), 0);
  if (self->fragments->len == 0)
    return 0;
  return g_array_index (self->fragments, HearsayFragment, 0).start;
}

gint64
hearsay_annotation_get_end (HearsayAnnotation *self)
{
  gint64 end = 0;

  g_return_val_if_fail (HEARSAY_IS_ANNOTATION (self), 0);
  for (guint i = 0; i < self->fragments->len; i++)
    end = MAX (end, g_array_index (self->fragments, HearsayFragment, i).end);
  return end;
}

char *
hearsay_annotation_dup_text (HearsayAnnotation *self)
{
  GString *s;

  g_return_val_if_fail (HEARSAY_IS_ANNOTATION (self), NULL);
  s = g_string_new (NULL);
  for (guint i = 0; i < self->fragments->len; i++)
    {
      const HearsayFragment *f = &g_array_index (self->fragments, HearsayFragment, i);

      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, f->exact ? f->exact : "");
    }
  return g_string_free (s, FALSE);
}

void
hearsay_annotation_fill_quotes (HearsayAnnotation *self,
                                HearsayTextIndex  *text)
{
  g_return_if_fail (HEARSAY_IS_ANNOTATION (self));
  g_return_if_fail (text != NULL);

  for (guint i = 0; i < self->fragments->len; i++)
    {
      HearsayFragment *f = &g_array_index (self->fragments, HearsayFragment, i);

      fragment_clear (f);
      hearsay_text_index_quote (text, f->start, f->end, &f->exact, &f->prefix, &f->suffix);
    }
}

void
hearsay_annotation_set_attribute_values (HearsayAnnotation  *self,
                                         const char         *name,
                                         const char * const *values)
{
  g_return_if_fail (HEARSAY_IS_ANNOTATION (self));
  g_return_if_fail (name != NULL);

  if (values == NULL || values[0] == NULL)
    g_hash_table_remove (self->attributes, name);
  else
    g_hash_table_replace (self->attributes, g_strdup (name), g_strdupv ((char **) values));
}

void
hearsay_annotation_set_attribute (HearsayAnnotation *self,
                                  const char        *name,
                                  const char        *value)
{
  const char *values[] = { value, NULL };

  hearsay_annotation_set_attribute_values (self, name, value ? values : NULL);
}

void
hearsay_annotation_add_attribute_value (HearsayAnnotation *self,
                                        const char        *name,
                                        const char        *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *old;

  g_return_if_fail (HEARSAY_IS_ANNOTATION (self));
  g_return_if_fail (name != NULL && value != NULL);

  old = g_hash_table_lookup (self->attributes, name);
  if (old != NULL)
    {
      if (g_strv_contains (old, value))
        return;
      g_strv_builder_addv (builder, (const char **) old);
    }
  g_strv_builder_add (builder, value);
  g_hash_table_replace (self->attributes, g_strdup (name), g_strv_builder_end (builder));
}

const char *
hearsay_annotation_get_attribute (HearsayAnnotation *self,
                                  const char        *name)
{
  const char * const *values;

  g_return_val_if_fail (HEARSAY_IS_ANNOTATION (self), NULL);
  values = g_hash_table_lookup (self->attributes, name);
  return values ? values[0] : NULL;
}

const char * const *
hearsay_annotation_get_attribute_values (HearsayAnnotation *self,
                                         const char        *name)
{
  g_return_val_if_fail (HEARSAY_IS_ANNOTATION (self), NULL);
  return g_hash_table_lookup (self->attributes, name);
}

char **
hearsay_annotation_dup_attribute_names (HearsayAnnotation *self)
{
  g_autofree const char **keys = NULL;
  char **names;
  guint n;

  g_return_val_if_fail (HEARSAY_IS_ANNOTATION (self), NULL);
  keys = (const char **) g_hash_table_get_keys_as_array (self->attributes, &n);
  names = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    names[i] = g_strdup (keys[i]);
  hearsay_strv_sort (names);
  return names;
}

void
hearsay_relation_free (HearsayRelation *relation)
{
  if (relation == NULL)
    return;
  g_free (relation->type);
  g_free (relation->annotator);
  g_free (relation->created_at);
  g_free (relation->uuid);
  g_free (relation);
}

void
hearsay_annotation_set_fragment_span (HearsayAnnotation *self,
                                      guint              index,
                                      gint64             start,
                                      gint64             end)
{
  HearsayFragment *f;

  g_return_if_fail (HEARSAY_IS_ANNOTATION (self));
  g_return_if_fail (index < self->fragments->len);

  /* A monotonic conversion keeps the fragments in order. */
  f = &g_array_index (self->fragments, HearsayFragment, index);
  f->start = start;
  f->end = end;
}
