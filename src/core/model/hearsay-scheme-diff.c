/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-scheme-diff.c: whether two schemes mean the same, said difference
 * by difference. Merging a coder's file needs it: an annotation of a label
 * or value that the project does not have, or has with another meaning, can
 * only be guessed at, so the merge reports it instead. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-scheme.h"

/* g_strv_builder_take () is GLib 2.80. */
static void
take (GStrvBuilder *builder,
      char         *str)
{
  g_strv_builder_add (builder, str);
  g_free (str);
}

static const char * const kind_names[] = { "single", "multi", "boolean", "text", "derived" };

static char *
join_values (const HearsayAttributeDef *def)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; def->values != NULL && i < def->values->len; i++)
    {
      const HearsayValueDef *v = g_ptr_array_index (def->values, i);

      g_string_append_printf (s, "%s%s", i ? ", " : "", v->id);
    }
  if (s->len == 0)
    g_string_append (s, "—");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
join_strv (char **strv)
{
  return strv != NULL && strv[0] != NULL ? g_strjoinv (", ", strv) : g_strdup ("—");
}

/* The attributes of @owner (a label's, or the document fields when NULL). */
static void
diff_attributes (GStrvBuilder  *out,
                 const char    *owner,
                 GPtrArray     *a_defs,
                 const char    *a_name,
                 GPtrArray     *b_defs,
                 const char    *b_name,
                 gboolean       document_fields)
{
  for (guint i = 0; a_defs != NULL && i < a_defs->len; i++)
    {
      const HearsayAttributeDef *a = g_ptr_array_index (a_defs, i);
      const HearsayAttributeDef *b = NULL;

      for (guint k = 0; b_defs != NULL && k < b_defs->len && b == NULL; k++)
        if (g_str_equal (((HearsayAttributeDef *) g_ptr_array_index (b_defs, k))->id, a->id))
          b = g_ptr_array_index (b_defs, k);
      if (b == NULL)
        {
          take (out, document_fields
                               ? g_strdup_printf (_("the document field “%s” is in %s but not in %s"),
                                                  a->id, a_name, b_name)
                               : g_strdup_printf (_("the label “%s” has the attribute “%s” in %s but not in %s"),
                                                  owner, a->id, a_name, b_name));
          continue;
        }
      if (a->kind != b->kind)
        take (out, g_strdup_printf (_("“%s%s%s” is %s in %s but %s in %s"),
                                                   owner ? owner : "", owner ? "." : "", a->id,
                                                   kind_names[a->kind], a_name, kind_names[b->kind], b_name));
      else
        {
          g_autofree char *av = join_values (a);
          g_autofree char *bv = join_values (b);

          if (!g_str_equal (av, bv))
            take (out, g_strdup_printf (_("“%s%s%s” has the values %s in %s but %s in %s"),
                                                       owner ? owner : "", owner ? "." : "", a->id,
                                                       av, a_name, bv, b_name));
        }
    }
  for (guint k = 0; b_defs != NULL && k < b_defs->len; k++)
    {
      const HearsayAttributeDef *b = g_ptr_array_index (b_defs, k);
      gboolean found = FALSE;

      for (guint i = 0; a_defs != NULL && i < a_defs->len && !found; i++)
        found = g_str_equal (((HearsayAttributeDef *) g_ptr_array_index (a_defs, i))->id, b->id);
      if (!found)
        take (out, document_fields
                             ? g_strdup_printf (_("the document field “%s” is in %s but not in %s"),
                                                b->id, b_name, a_name)
                             : g_strdup_printf (_("the label “%s” has the attribute “%s” in %s but not in %s"),
                                                owner, b->id, b_name, a_name));
    }
}

static GPtrArray *
document_fields (HearsayScheme *scheme)
{
  GPtrArray *defs = g_ptr_array_new ();

  for (guint i = 0; i < hearsay_scheme_get_n_document_fields (scheme); i++)
    g_ptr_array_add (defs, (gpointer) hearsay_scheme_get_document_field (scheme, i));
  return defs;
}

static char *
describe_relation_type (const HearsayRelationType *t)
{
  g_autofree char *from = join_strv (t->from_labels);
  g_autofree char *to = t->to_entity ? g_strdup (_("an entity")) : join_strv (t->to_labels);

  return g_strdup_printf ("%s → %s%s%s", from, to, t->symmetric ? _(", symmetric") : "",
                          t->cross_document ? _(", across documents") : "");
}

char **
hearsay_scheme_diff (HearsayScheme *a,
                     const char    *a_name,
                     HearsayScheme *b,
                     const char    *b_name)
{
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  g_autoptr(GPtrArray) a_fields = NULL;
  g_autoptr(GPtrArray) b_fields = NULL;

  g_return_val_if_fail (HEARSAY_IS_SCHEME (a) && HEARSAY_IS_SCHEME (b), NULL);

  for (guint i = 0; i < hearsay_scheme_get_n_labels (a); i++)
    {
      const HearsayLabel *la = hearsay_scheme_get_label (a, i);
      const HearsayLabel *lb = hearsay_scheme_lookup_label (b, la->id);

      if (lb == NULL)
        take (out, g_strdup_printf (_("the label “%s” is in %s but not in %s"),
                                                   la->id, a_name, b_name));
      else
        diff_attributes (out, la->id, la->attributes, a_name, lb->attributes, b_name, FALSE);
    }
  for (guint i = 0; i < hearsay_scheme_get_n_labels (b); i++)
    {
      const HearsayLabel *lb = hearsay_scheme_get_label (b, i);

      if (hearsay_scheme_lookup_label (a, lb->id) == NULL)
        take (out, g_strdup_printf (_("the label “%s” is in %s but not in %s"),
                                                   lb->id, b_name, a_name));
    }
  for (guint i = 0; i < hearsay_scheme_get_n_relation_types (a); i++)
    {
      const HearsayRelationType *ta = hearsay_scheme_get_relation_type (a, i);
      const HearsayRelationType *tb = hearsay_scheme_lookup_relation_type (b, ta->id);
      g_autofree char *da = NULL, *db = NULL;

      if (tb == NULL)
        {
          take (out, g_strdup_printf (_("the relation type “%s” is in %s but not in %s"),
                                                     ta->id, a_name, b_name));
          continue;
        }
      da = describe_relation_type (ta);
      db = describe_relation_type (tb);
      if (!g_str_equal (da, db))
        take (out, g_strdup_printf (_("the relation type “%s” links %s in %s but %s in %s"),
                                                   ta->id, da, a_name, db, b_name));
    }
  for (guint i = 0; i < hearsay_scheme_get_n_relation_types (b); i++)
    {
      const HearsayRelationType *tb = hearsay_scheme_get_relation_type (b, i);

      if (hearsay_scheme_lookup_relation_type (a, tb->id) == NULL)
        take (out, g_strdup_printf (_("the relation type “%s” is in %s but not in %s"),
                                                   tb->id, b_name, a_name));
    }
  a_fields = document_fields (a);
  b_fields = document_fields (b);
  diff_attributes (out, NULL, a_fields, a_name, b_fields, b_name, TRUE);
  return g_strv_builder_end (out);
}
