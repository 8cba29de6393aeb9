/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-refi-codes.c: the parts of a REFI-QDA export that describe
 * rather than mark — the codebook (also written alone as a .qdc), variables
 * and cases, sets.
 *
 * Codes are the scheme's labels, named by their identifier, their display
 * name as the Description, with a child code per attribute value
 * ("ATTRIBUTE: VALUE", "ATTRIBUTE" for a yes/no attribute). Labels and
 * values that annotations use without the scheme listing them (a label
 * outside the scheme, a free-text value) get codes of the same shape, so
 * that no annotation loses its label or values. Document metadata (outlet,
 * url, published_at, language) and fields are Text variables with a value
 * on each TextSource, as QualCoder and MAXQDA write them; a field with
 * several values is one value joined by "; ". The field "cases" becomes
 * named Cases holding their sources (NVivo's and QualCoder's cases), the
 * field "sets" Sets of sources. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-export-refi-private.h"
#include "hearsay-xml-safety.h"

static const char * const metadata_names[] = { "outlet", "url", "published_at", "language" };

void
hearsay_refi_append_guid (HearsayExportContext *ctx,
                          GString              *s,
                          const char           *attribute,
                          const char           *format,
                          ...)
{
  va_list args;
  g_autofree char *key = NULL;
  g_autofree char *guid = NULL;

  va_start (args, format);
  key = g_strdup_vprintf (format, args);
  va_end (args);
  guid = hearsay_export_guid (ctx, key);
  g_string_append_printf (s, " %s=\"%s\"", attribute, guid);
}

static gboolean
two_digits (const char *p)
{
  return g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]);
}

gboolean
hearsay_refi_is_date_time (const char *t)
{
  if (t == NULL || strlen (t) < 19 ||
      !two_digits (t) || !two_digits (t + 2) || t[4] != '-' || !two_digits (t + 5) || t[7] != '-' ||
      !two_digits (t + 8) || t[10] != 'T' || !two_digits (t + 11) || t[13] != ':' ||
      !two_digits (t + 14) || t[16] != ':' || !two_digits (t + 17))
    return FALSE;
  t += 19;
  if (*t == '.')
    {
      if (!g_ascii_isdigit (*++t))
        return FALSE;
      while (g_ascii_isdigit (*t))
        t++;
    }
  if (*t == 'Z')
    t++;
  else if ((*t == '+' || *t == '-') && two_digits (t + 1) && t[3] == ':' && two_digits (t + 4))
    t += 6;
  return *t == '\0';
}

static void
append_code (HearsayExportContext *ctx,
             GString              *s,
             const char           *label,
             const char           *key,
             const char           *name)
{
  g_string_append (s, "<Code");
  if (key != NULL)
    hearsay_refi_append_guid (ctx, s, "guid", "code:%s.%s", label, key);
  else
    hearsay_refi_append_guid (ctx, s, "guid", "code:%s", label);
  g_string_append (s, " name=\"");
  hearsay_xml_append_escaped (s, name);
  g_string_append (s, "\" isCodable=\"true\"/>");
}

/* "ATTRIBUTE: VALUE" → the code key "ATTRIBUTE.VALUE". */
static void
append_extra_values (HearsayExportContext *ctx,
                     RefiState            *state,
                     GString              *s,
                     const char           *label)
{
  GPtrArray *values = state ? g_hash_table_lookup (state->extra_values, label) : NULL;

  for (guint i = 0; values && i < values->len; i++)
    {
      const char *name = g_ptr_array_index (values, i);
      const char *colon = strstr (name, ": ");
      g_autofree char *attribute = colon ? g_strndup (name, colon - name) : g_strdup (name);
      g_autofree char *key = g_strdup_printf ("%s.%s", attribute, colon ? colon + 2 : "true");

      append_code (ctx, s, label, key, name);
    }
}

void
hearsay_refi_append_codes (HearsayExportContext *ctx,
                           RefiState            *state,
                           GString              *s)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);

  g_string_append (s, "<Codes>\n");
  for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
    {
      const HearsayLabel *label = hearsay_scheme_get_label (scheme, i);

      g_string_append (s, "<Code");
      hearsay_refi_append_guid (ctx, s, "guid", "code:%s", label->id);
      g_string_append (s, " name=\"");
      hearsay_xml_append_escaped (s, label->id);
      g_string_append (s, "\" isCodable=\"true\"");
      if (label->color && strlen (label->color) == 7 && label->color[0] == '#')
        g_string_append_printf (s, " color=\"%s\"", label->color);
      g_string_append (s, ">");
      if (label->name)
        {
          g_string_append (s, "<Description>");
          hearsay_xml_append_escaped (s, label->name);
          g_string_append (s, "</Description>");
        }
      for (guint j = 0; label->attributes && j < label->attributes->len; j++)
        {
          const HearsayAttributeDef *def = g_ptr_array_index (label->attributes, j);

          if (def->kind == HEARSAY_ATTRIBUTE_TEXT || def->kind == HEARSAY_ATTRIBUTE_DERIVED)
            continue;
          if (def->kind == HEARSAY_ATTRIBUTE_BOOLEAN)
            {
              g_autofree char *key = g_strdup_printf ("%s.true", def->id);

              append_code (ctx, s, label->id, key, def->id);
              continue;
            }
          for (guint k = 0; def->values && k < def->values->len; k++)
            {
              const HearsayValueDef *v = g_ptr_array_index (def->values, k);
              g_autofree char *key = g_strdup_printf ("%s.%s", def->id, v->id);
              g_autofree char *name = g_strdup_printf ("%s: %s", def->id, v->id);

              append_code (ctx, s, label->id, key, name);
            }
        }
      append_extra_values (ctx, state, s, label->id);
      g_string_append (s, "</Code>\n");
    }
  for (guint i = 0; state && i < state->extra_labels->len; i++)
    {
      const char *label = g_ptr_array_index (state->extra_labels, i);

      g_string_append (s, "<Code");
      hearsay_refi_append_guid (ctx, s, "guid", "code:%s", label);
      g_string_append (s, " name=\"");
      hearsay_xml_append_escaped (s, label);
      g_string_append (s, "\" isCodable=\"true\">");
      append_extra_values (ctx, state, s, label);
      g_string_append (s, "</Code>\n");
    }
  g_string_append (s, "</Codes>\n");
}

void
hearsay_refi_use_label (RefiState     *state,
                        HearsayScheme *scheme,
                        const char    *label)
{
  if (hearsay_scheme_lookup_label (scheme, label) == NULL &&
      !g_ptr_array_find_with_equal_func (state->extra_labels, label, g_str_equal, NULL))
    g_ptr_array_add (state->extra_labels, g_strdup (label));
}

char *
hearsay_refi_use_value (RefiState     *state,
                        HearsayScheme *scheme,
                        const char    *label,
                        const char    *attribute,
                        const char    *value)
{
  const HearsayLabel *l = hearsay_scheme_lookup_label (scheme, label);
  const HearsayAttributeDef *def = l ? hearsay_label_lookup_attribute (l, attribute) : NULL;
  gboolean listed = def != NULL &&
                    (def->kind == HEARSAY_ATTRIBUTE_BOOLEAN ? g_strcmp0 (value, "true") == 0
                     : (def->kind == HEARSAY_ATTRIBUTE_SINGLE || def->kind == HEARSAY_ATTRIBUTE_MULTI) &&
                       hearsay_attribute_lookup_value (def, value) != NULL);

  if (!listed)
    {
      GPtrArray *values = g_hash_table_lookup (state->extra_values, label);
      g_autofree char *name = def != NULL && def->kind == HEARSAY_ATTRIBUTE_BOOLEAN && g_strcmp0 (value, "true") == 0
                              ? g_strdup (attribute) : g_strdup_printf ("%s: %s", attribute, value);

      if (values == NULL)
        {
          values = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (state->extra_values, g_strdup (label), values);
        }
      if (!g_ptr_array_find_with_equal_func (values, name, g_str_equal, NULL))
        g_ptr_array_add (values, g_steal_pointer (&name));
    }
  return g_strdup_printf ("%s.%s.%s", label, attribute, value);
}

static void
add_member (GHashTable *table,
            GPtrArray  *order,
            const char *name,
            const char *source_guid)
{
  GPtrArray *members = g_hash_table_lookup (table, name);

  if (members == NULL)
    {
      members = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (table, g_strdup (name), members);
      g_ptr_array_add (order, g_strdup (name));
    }
  g_ptr_array_add (members, g_strdup (source_guid));
}

static void
append_value (HearsayExportContext *ctx,
              RefiState            *state,
              GString              *s,
              const char           *name,
              const char           *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (!g_hash_table_contains (state->variables, name))
    {
      g_hash_table_add (state->variables, g_strdup (name));
      g_ptr_array_add (state->variable_order, g_strdup (name));
    }
  g_string_append (s, "<VariableValue><VariableRef");
  hearsay_refi_append_guid (ctx, s, "targetGUID", "variable:%s", name);
  g_string_append (s, "/><TextValue>");
  hearsay_xml_append_escaped (s, value);
  g_string_append (s, "</TextValue></VariableValue>\n");
}

void
hearsay_refi_append_variables (HearsayExportContext *ctx,
                               RefiState            *state,
                               HearsayDocument      *doc,
                               const char           *source_guid,
                               GString              *s)
{
  g_auto(GStrv) fields = hearsay_document_dup_field_names (doc);

  for (guint i = 0; i < G_N_ELEMENTS (metadata_names); i++)
    append_value (ctx, state, s, metadata_names[i], hearsay_document_get_metadata (doc, metadata_names[i]));
  for (guint i = 0; fields[i]; i++)
    {
      const char * const *values = hearsay_document_get_field (doc, fields[i]);

      if (g_str_equal (fields[i], "description"))
        continue;
      if (g_str_equal (fields[i], "cases") || g_str_equal (fields[i], "sets"))
        {
          for (guint k = 0; values[k]; k++)
            add_member (g_str_equal (fields[i], "cases") ? state->cases : state->sets,
                        g_str_equal (fields[i], "cases") ? state->case_order : state->set_order,
                        values[k], source_guid);
          continue;
        }
      {
        g_autofree char *joined = g_strjoinv ("; ", (char **) values);

        append_value (ctx, state, s, fields[i], joined);
      }
    }
}

void
hearsay_refi_append_variables_and_cases (HearsayExportContext *ctx,
                                         RefiState            *state,
                                         GString              *s)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);

  if (state->variable_order->len > 0)
    {
      g_string_append (s, "<Variables>\n");
      for (guint i = 0; i < state->variable_order->len; i++)
        {
          const char *name = g_ptr_array_index (state->variable_order, i);
          const HearsayAttributeDef *def = hearsay_scheme_lookup_document_field (scheme, name);

          g_string_append (s, "<Variable");
          hearsay_refi_append_guid (ctx, s, "guid", "variable:%s", name);
          g_string_append (s, " name=\"");
          hearsay_xml_append_escaped (s, name);
          g_string_append (s, "\" typeOfVariable=\"Text\"");
          if (def != NULL && def->name != NULL)
            {
              g_string_append (s, "><Description>");
              hearsay_xml_append_escaped (s, def->name);
              g_string_append (s, "</Description></Variable>\n");
            }
          else
            g_string_append (s, "/>\n");
        }
      g_string_append (s, "</Variables>\n");
    }
  if (state->case_order->len > 0)
    {
      g_string_append (s, "<Cases>\n");
      for (guint i = 0; i < state->case_order->len; i++)
        {
          const char *name = g_ptr_array_index (state->case_order, i);
          GPtrArray *members = g_hash_table_lookup (state->cases, name);

          g_string_append (s, "<Case");
          hearsay_refi_append_guid (ctx, s, "guid", "case:%s", name);
          g_string_append (s, " name=\"");
          hearsay_xml_append_escaped (s, name);
          g_string_append (s, "\">");
          for (guint k = 0; k < members->len; k++)
            g_string_append_printf (s, "<SourceRef targetGUID=\"%s\"/>", (const char *) g_ptr_array_index (members, k));
          g_string_append (s, "</Case>\n");
        }
      g_string_append (s, "</Cases>\n");
    }
}

void
hearsay_refi_append_sets (HearsayExportContext *ctx,
                          RefiState            *state,
                          GString              *s)
{
  if (state->set_order->len == 0)
    return;
  g_string_append (s, "<Sets>\n");
  for (guint i = 0; i < state->set_order->len; i++)
    {
      const char *name = g_ptr_array_index (state->set_order, i);
      GPtrArray *members = g_hash_table_lookup (state->sets, name);

      g_string_append (s, "<Set");
      hearsay_refi_append_guid (ctx, s, "guid", "set:%s", name);
      g_string_append (s, " name=\"");
      hearsay_xml_append_escaped (s, name);
      g_string_append (s, "\">");
      for (guint k = 0; k < members->len; k++)
        g_string_append_printf (s, "<MemberSource targetGUID=\"%s\"/>", (const char *) g_ptr_array_index (members, k));
      g_string_append (s, "</Set>\n");
    }
  g_string_append (s, "</Sets>\n");
}

/* The qdc codebook: one small file, no documents: the scheme's codes. */
static gboolean
qdc_begin (HearsayExportContext  *ctx,
           GError               **error)
{
  g_string_append (ctx->buffer, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Hearsay " PACKAGE_VERSION "\">\n");
  hearsay_refi_append_codes (ctx, NULL, ctx->buffer);
  g_string_append (ctx->buffer, "</CodeBook>\n");
  return hearsay_export_flush (ctx, error);
}

const HearsayExportWriter hearsay_export_qdc_writer = {
  .begin = qdc_begin,
};
