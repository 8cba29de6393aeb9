/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-brat-conf.c: the annotation.conf of a brat export. It
 * declares the scheme and everything the .ann files use, with the names
 * the .ann files use, so that brat's verify_annotations.py accepts them:
 * every entity and event type; every relation type with the types its
 * arguments have ("<REL-TYPE>:symmetric" or ":symmetric-transitive" for an
 * equivalence); every event type with its roles, each optional and
 * repeatable ("Theme*") so that no event is "incomplete"; every attribute
 * with the types that carry it and its values; and one <OVERLAP> rule that
 * lets spans nest, cross and coincide, as Hearsay's may. */
#include "config.h"

#include <string.h>

#include "hearsay-export-brat-private.h"

BratSet *
brat_set_new (void)
{
  BratSet *set = g_new0 (BratSet, 1);

  set->order = g_ptr_array_new_with_free_func (g_free);
  set->set = g_hash_table_new (g_str_hash, g_str_equal);
  return set;
}

void
brat_set_free (gpointer data)
{
  BratSet *set = data;

  if (set == NULL)
    return;
  g_hash_table_unref (set->set);
  g_ptr_array_unref (set->order);
  g_free (set);
}

void
brat_set_add (BratSet    *set,
              const char *str)
{
  char *copy;

  if (str == NULL || g_hash_table_contains (set->set, str))
    return;
  copy = g_strdup (str);
  g_ptr_array_add (set->order, copy);
  g_hash_table_add (set->set, copy);
}

static void
relation_use_free (gpointer data)
{
  BratRelationUse *r = data;

  brat_set_free (r->from);
  brat_set_free (r->to);
  g_free (r);
}

static void
attribute_use_free (gpointer data)
{
  BratAttributeUse *a = data;

  brat_set_free (a->targets);
  brat_set_free (a->values);
  g_free (a);
}

BratUse *
brat_use_new (void)
{
  BratUse *use = g_new0 (BratUse, 1);

  use->entities = brat_set_new ();
  use->events = brat_set_new ();
  use->roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  use->relation_order = brat_set_new ();
  use->relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, relation_use_free);
  use->attribute_order = brat_set_new ();
  use->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, attribute_use_free);
  return use;
}

void
brat_use_free (BratUse *use)
{
  GHashTableIter iter;
  gpointer value;

  if (use == NULL)
    return;
  /* The role tables hold BratRelationUse without a free function. */
  g_hash_table_iter_init (&iter, use->roles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GHashTableIter inner;
      gpointer r;

      g_hash_table_iter_init (&inner, value);
      while (g_hash_table_iter_next (&inner, NULL, &r))
        relation_use_free (r);
    }
  brat_set_free (use->entities);
  brat_set_free (use->events);
  g_hash_table_unref (use->roles);
  brat_set_free (use->relation_order);
  g_hash_table_unref (use->relations);
  brat_set_free (use->attribute_order);
  g_hash_table_unref (use->attributes);
  g_free (use->renamed_example);
  g_free (use);
}

char *
brat_type_name (BratUse    *use,
                const char *name)
{
  char *id = g_strdup (name);
  gboolean changed = FALSE;

  for (char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      {
        *p = '_';
        changed = TRUE;
      }
  if (changed && use != NULL)
    {
      use->n_renamed++;
      if (use->renamed_example == NULL)
        use->renamed_example = g_strdup_printf ("“%s” → %s", name, id);
    }
  return id;
}

/* Safe as an alias or a value in annotation.conf: no white space, "," or
 * "|", nothing brat reads as special. */
static gboolean
conf_safe (const char *value)
{
  if (value == NULL || *value == '\0' || *value == '!' || *value == '<')
    return FALSE;
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == ',' || c == '|' ||
          c == 0x85 || c == 0x2028 || c == 0x2029)
        return FALSE;
    }
  return TRUE;
}

static void
append_types (GString    *s,
              BratSet    *types,
              gboolean    any)
{
  if (any || types->order->len == 0)
    {
      g_string_append (s, "<ANY>");
      return;
    }
  for (guint i = 0; i < types->order->len; i++)
    g_string_append_printf (s, "%s%s", i ? "|" : "", (const char *) g_ptr_array_index (types->order, i));
}

/* "claim|Claim": the display name as brat's alias when brat can hold it. */
static void
append_term (GString            *s,
             const char         *id,
             const HearsayLabel *label)
{
  g_string_append (s, id);
  if (label != NULL && label->name != NULL && strcmp (label->name, label->id) != 0 && conf_safe (label->name))
    g_string_append_printf (s, "|%s", label->name);
}

static void
add_labels (BratSet     *set,
            char       **labels,
            gboolean    *any)
{
  if (labels == NULL || labels[0] == NULL)
    *any = TRUE;
  for (guint i = 0; labels != NULL && labels[i]; i++)
    {
      g_autofree char *name = brat_type_name (NULL, labels[i]);

      brat_set_add (set, name);
    }
}

static void
write_entities (GString       *s,
                HearsayScheme *scheme,
                BratUse       *use)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_string_append (s, "[entities]\n");
  for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
    {
      const HearsayLabel *label = hearsay_scheme_get_label (scheme, i);
      char *id = brat_type_name (NULL, label->id);

      if (label->event || g_hash_table_contains (done, id))
        {
          g_free (id);
          continue;
        }
      append_term (s, id, label);
      g_string_append_c (s, '\n');
      g_hash_table_add (done, id);
    }
  for (guint i = 0; i < use->entities->order->len; i++)
    {
      const char *id = g_ptr_array_index (use->entities->order, i);

      if (!g_hash_table_contains (done, id) && !g_hash_table_contains (use->events->set, id))
        g_string_append_printf (s, "%s\n", id);
    }
}

static void
write_relations (GString       *s,
                 HearsayScheme *scheme,
                 BratUse       *use)
{
  g_autoptr(BratSet) order = brat_set_new ();

  g_string_append (s, "\n[relations]\n"
                      "# Hearsay's spans may nest, cross and coincide.\n"
                      "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n");
  for (guint i = 0; i < hearsay_scheme_get_n_relation_types (scheme); i++)
    {
      const HearsayRelationType *type = hearsay_scheme_get_relation_type (scheme, i);
      g_autofree char *id = brat_type_name (NULL, type->id);

      /* Roles are declared with their events, unless the files use them as relations too. */
      if (type->event_role && !g_hash_table_contains (use->relations, id))
        continue;
      if (type->to_entity && (type->to_labels == NULL || type->to_labels[0] == NULL))
        {
          g_string_append_printf (s, "# %s links to an entity: written as AnnotatorNotes\n", id);
          continue;
        }
      brat_set_add (order, id);
    }
  for (guint i = 0; i < use->relation_order->order->len; i++)
    brat_set_add (order, g_ptr_array_index (use->relation_order->order, i));
  for (guint i = 0; i < order->order->len; i++)
    {
      const char *id = g_ptr_array_index (order->order, i);
      const HearsayRelationType *type = NULL;
      BratRelationUse *used = g_hash_table_lookup (use->relations, id);
      g_autoptr(BratSet) from = brat_set_new ();
      g_autoptr(BratSet) to = brat_set_new ();
      gboolean any_from = FALSE, any_to = FALSE, symmetric, equivalence;

      for (guint j = 0; j < hearsay_scheme_get_n_relation_types (scheme) && type == NULL; j++)
        {
          const HearsayRelationType *t = hearsay_scheme_get_relation_type (scheme, j);
          g_autofree char *name = brat_type_name (NULL, t->id);

          if (strcmp (name, id) == 0)
            type = t;
        }
      if (type != NULL)
        {
          add_labels (from, type->from_labels, &any_from);
          add_labels (to, type->to_labels, &any_to);
        }
      for (guint j = 0; used != NULL && j < used->from->order->len; j++)
        brat_set_add (from, g_ptr_array_index (used->from->order, j));
      for (guint j = 0; used != NULL && j < used->to->order->len; j++)
        brat_set_add (to, g_ptr_array_index (used->to->order, j));
      equivalence = (used != NULL && used->equivalence) || (type != NULL && type->symmetric && type->transitive);
      symmetric = equivalence || (used != NULL && used->symmetric) || (type != NULL && type->symmetric);
      /* An equivalence joins its members both ways. */
      if (equivalence)
        {
          for (guint j = 0; j < from->order->len; j++)
            brat_set_add (to, g_ptr_array_index (from->order, j));
          for (guint j = 0; j < to->order->len; j++)
            brat_set_add (from, g_ptr_array_index (to->order, j));
          any_from = any_to = any_from || any_to;
        }
      g_string_append_printf (s, "%s\tArg1:", id);
      append_types (s, from, any_from);
      g_string_append (s, ", Arg2:");
      append_types (s, to, any_to);
      if (equivalence)
        g_string_append (s, ", <REL-TYPE>:symmetric-transitive");
      else if (symmetric)
        g_string_append (s, ", <REL-TYPE>:symmetric");
      g_string_append_c (s, '\n');
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
write_events (GString       *s,
              HearsayScheme *scheme,
              BratUse       *use)
{
  g_autoptr(BratSet) events = brat_set_new ();

  g_string_append (s, "\n[events]\n");
  for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
    if (hearsay_scheme_get_label (scheme, i)->event)
      {
        g_autofree char *id = brat_type_name (NULL, hearsay_scheme_get_label (scheme, i)->id);

        brat_set_add (events, id);
      }
  for (guint i = 0; i < use->events->order->len; i++)
    brat_set_add (events, g_ptr_array_index (use->events->order, i));
  for (guint i = 0; i < events->order->len; i++)
    {
      const char *event = g_ptr_array_index (events->order, i);
      const HearsayLabel *label = NULL;
      GHashTable *used = g_hash_table_lookup (use->roles, event);
      g_autoptr(BratSet) roles = brat_set_new ();
      g_autoptr(GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, brat_set_free);
      g_autoptr(GHashTable) any = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint j = 0; j < hearsay_scheme_get_n_labels (scheme) && label == NULL; j++)
        {
          g_autofree char *name = brat_type_name (NULL, hearsay_scheme_get_label (scheme, j)->id);

          if (strcmp (name, event) == 0)
            label = hearsay_scheme_get_label (scheme, j);
        }
      for (guint j = 0; label != NULL && j < hearsay_scheme_get_n_relation_types (scheme); j++)
        {
          const HearsayRelationType *type = hearsay_scheme_get_relation_type (scheme, j);
          char *role;
          gboolean all = FALSE;
          BratSet *set;

          if (!type->event_role ||
              (type->from_labels != NULL && type->from_labels[0] != NULL &&
               !g_strv_contains ((const char * const *) type->from_labels, label->id)))
            continue;
          role = brat_type_name (NULL, type->id);
          brat_set_add (roles, role);
          set = brat_set_new ();
          add_labels (set, type->to_labels, &all);
          if (all)
            g_hash_table_add (any, g_strdup (role));
          g_hash_table_insert (types, role, set);
        }
      if (used != NULL)
        {
          GHashTableIter iter;
          gpointer key, value;

          /* Roles the files use, in a stable order. */
          g_autoptr(GPtrArray) names = g_ptr_array_new ();

          g_hash_table_iter_init (&iter, used);
          while (g_hash_table_iter_next (&iter, &key, &value))
            g_ptr_array_add (names, key);
          g_ptr_array_sort (names, compare_strings);
          for (guint j = 0; j < names->len; j++)
            {
              const char *role = g_ptr_array_index (names, j);
              BratRelationUse *r = g_hash_table_lookup (used, role);
              BratSet *set = g_hash_table_lookup (types, role);

              brat_set_add (roles, role);
              if (set == NULL)
                {
                  set = brat_set_new ();
                  g_hash_table_insert (types, g_strdup (role), set);
                }
              for (guint k = 0; k < r->to->order->len; k++)
                brat_set_add (set, g_ptr_array_index (r->to->order, k));
            }
        }
      append_term (s, event, label);
      for (guint j = 0; j < roles->order->len; j++)
        {
          const char *role = g_ptr_array_index (roles->order, j);
          gsize n = strlen (role);

          /* brat cannot repeat a role that ends with a digit. */
          g_string_append_printf (s, "%s%s%s:", j ? ", " : "\t", role,
                                  n > 0 && g_ascii_isdigit (role[n - 1]) ? "?" : "*");
          append_types (s, g_hash_table_lookup (types, role), g_hash_table_contains (any, role));
        }
      g_string_append_c (s, '\n');
    }
}

static void
write_attributes (GString       *s,
                  HearsayScheme *scheme,
                  BratUse       *use)
{
  g_autoptr(BratSet) order = brat_set_new ();
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, brat_set_free);
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, brat_set_free);
  g_autoptr(GHashTable) binary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_string_append (s, "\n[attributes]\n");
  /* brat's attributes are global by name: the scheme's attributes of the
   * same name on several labels are one line. */
  for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
    {
      const HearsayLabel *label = hearsay_scheme_get_label (scheme, i);
      g_autofree char *label_id = brat_type_name (NULL, label->id);

      for (guint j = 0; label->attributes && j < label->attributes->len; j++)
        {
          const HearsayAttributeDef *def = g_ptr_array_index (label->attributes, j);
          char *name;
          BratSet *t, *v;

          if (def->kind == HEARSAY_ATTRIBUTE_TEXT || def->kind == HEARSAY_ATTRIBUTE_DERIVED)
            continue;
          name = brat_type_name (NULL, def->id);
          brat_set_add (order, name);
          if ((t = g_hash_table_lookup (targets, name)) == NULL)
            {
              g_hash_table_insert (targets, g_strdup (name), t = brat_set_new ());
              g_hash_table_insert (values, g_strdup (name), brat_set_new ());
            }
          v = g_hash_table_lookup (values, name);
          brat_set_add (t, label_id);
          if (def->kind == HEARSAY_ATTRIBUTE_BOOLEAN)
            g_hash_table_add (binary, g_strdup (name));
          for (guint k = 0; def->kind != HEARSAY_ATTRIBUTE_BOOLEAN && def->values && k < def->values->len; k++)
            {
              const HearsayValueDef *value = g_ptr_array_index (def->values, k);

              if (conf_safe (value->id))
                brat_set_add (v, value->id);
            }
          g_free (name);
        }
    }
  for (guint i = 0; i < use->attribute_order->order->len; i++)
    {
      const char *name = g_ptr_array_index (use->attribute_order->order, i);
      BratAttributeUse *a = g_hash_table_lookup (use->attributes, name);
      BratSet *t = g_hash_table_lookup (targets, name);
      BratSet *v = g_hash_table_lookup (values, name);

      brat_set_add (order, name);
      if (t == NULL)
        {
          g_hash_table_insert (targets, g_strdup (name), t = brat_set_new ());
          g_hash_table_insert (values, g_strdup (name), v = brat_set_new ());
        }
      for (guint j = 0; j < a->targets->order->len; j++)
        brat_set_add (t, g_ptr_array_index (a->targets->order, j));
      for (guint j = 0; j < a->values->order->len; j++)
        brat_set_add (v, g_ptr_array_index (a->values->order, j));
    }
  for (guint i = 0; i < order->order->len; i++)
    {
      const char *name = g_ptr_array_index (order->order, i);
      BratSet *v = g_hash_table_lookup (values, name);

      g_string_append_printf (s, "%s\tArg:", name);
      append_types (s, g_hash_table_lookup (targets, name), FALSE);
      if (!g_hash_table_contains (binary, name) && v->order->len > 0)
        {
          g_string_append (s, ", Value:");
          append_types (s, v, FALSE);
        }
      g_string_append_c (s, '\n');
    }
}

char *
brat_write_conf (HearsayExportContext *ctx,
                 BratUse               *use,
                 const char            *header)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);
  GString *s = g_string_new (header);

  write_entities (s, scheme, use);
  write_relations (s, scheme, use);
  write_events (s, scheme, use);
  write_attributes (s, scheme, use);
  return g_string_free (s, FALSE);
}
