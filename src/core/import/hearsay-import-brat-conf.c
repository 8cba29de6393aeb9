/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-brat-conf.c: brat's annotation.conf extends the project's
 * scheme with the labels ([entities], [events]), relation types
 * ([relations]) and attributes ([attributes]) it lacks. The extended scheme
 * is a copy, stored with the import's transaction and swapped in only after
 * the commit (hearsay-import-dir.c). Names become identifiers
 * ("Person-Name" → "person_name") and stay the display names. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-error.h"
#include "hearsay-import-private.h"

typedef enum { SECTION_NONE, SECTION_ENTITIES, SECTION_RELATIONS, SECTION_EVENTS, SECTION_ATTRIBUTES } Section;

static gboolean
scheme_failed (const char  *path,
               guint        line,
               GError      *local_error,
               GError     **error)
{
  return hearsay_import_fail (error, path, line, "%s", local_error->message);
}

/* Each edit parses the whole scheme again, so a configuration of thousands
 * of types took hours (4,000 labels: 160 s). Real ones have tens. */
#define MAX_CONF_EDITS 1000

static gboolean
may_edit (HearsayImportContext  *ctx,
          const char            *path,
          guint                  line,
          GError               **error)
{
  if (++ctx->n_conf_edits <= MAX_CONF_EDITS)
    return TRUE;
  return hearsay_import_fail (error, path, line,
                              _("more than %d new labels, relation types and attributes; Hearsay "
                                "refuses larger configurations"), MAX_CONF_EDITS);
}

static gboolean
add_label (HearsayImportContext  *ctx,
           const char            *name,
           GPtrArray             *types,
           const char            *path,
           guint                  line,
           GError               **error)
{
  g_autofree char *id = hearsay_import_identifier (name);
  g_autoptr(GError) local_error = NULL;

  g_ptr_array_add (types, g_strdup (id));
  if (hearsay_scheme_lookup_label (ctx->scheme, id) != NULL)
    return TRUE;
  if (!may_edit (ctx, path, line, error))
    return FALSE;
  if (!hearsay_scheme_set_label (ctx->scheme, id, name, NULL, 0, &local_error))
    return scheme_failed (path, line, local_error, error);
  ctx->scheme_changed = TRUE;
  return TRUE;
}

/* "Located Arg1:Person, Arg2:GPE|Organization[, <REL-TYPE>:symmetric]" */
static gboolean
add_relation_type (HearsayImportContext  *ctx,
                   const char            *spec,
                   const char            *path,
                   guint                  line,
                   GError               **error)
{
  g_autofree char *name = g_strndup (spec, strcspn (spec, " \t"));
  g_autofree char *id = hearsay_import_identifier (name);
  g_autofree char *json = NULL;
  g_auto(GStrv) args = g_strsplit (spec + strlen (name), ",", -1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HearsayScheme) scheme = NULL;
  JsonObject *root, *rt;
  JsonArray *types, *from = json_array_new (), *to = json_array_new ();
  gboolean symmetric = FALSE;

  if (hearsay_scheme_lookup_relation_type (ctx->scheme, id) != NULL || *name == '<')
    {
      json_array_unref (from);
      json_array_unref (to);
      return TRUE;
    }
  if (!may_edit (ctx, path, line, error))
    {
      json_array_unref (from);
      json_array_unref (to);
      return FALSE;
    }
  for (guint i = 0; args[i]; i++)
    {
      char *arg = g_strstrip (args[i]);
      const char *colon = strchr (arg, ':');
      g_auto(GStrv) alternatives = NULL;

      if (colon == NULL)
        continue;
      if (g_str_has_prefix (arg, "<REL-TYPE>"))
        {
          symmetric = strstr (colon, "symmetric") != NULL;
          continue;
        }
      alternatives = g_strsplit (colon + 1, "|", -1);
      for (guint j = 0; alternatives[j]; j++)
        {
          g_autofree char *label = hearsay_import_identifier (g_strstrip (alternatives[j]));

          if (*label != '\0' && *alternatives[j] != '<')
            json_array_add_string_element (g_str_has_prefix (arg, "Arg1") ? from : to, label);
        }
    }
  json = hearsay_scheme_to_json (ctx->scheme);
  if (!json_parser_load_from_data (parser, json, -1, &local_error))
    return scheme_failed (path, line, local_error, error);
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, "relation_types"))
    json_object_set_array_member (root, "relation_types", json_array_new ());
  types = json_object_get_array_member (root, "relation_types");
  rt = json_object_new ();
  json_object_set_string_member (rt, "id", id);
  json_object_set_string_member (rt, "name", name);
  json_object_set_array_member (rt, "from", from);
  json_object_set_array_member (rt, "to", to);
  json_object_set_string_member (rt, "target", "annotation");
  json_object_set_boolean_member (rt, "symmetric", symmetric);
  json_object_set_boolean_member (rt, "cross_document", FALSE);
  json_array_add_object_element (types, rt);
  g_clear_pointer (&json, g_free);
  json = json_to_string (json_parser_get_root (parser), FALSE);
  scheme = hearsay_scheme_new_from_json (json, -1, &local_error);
  if (scheme == NULL)
    return scheme_failed (path, line, local_error, error);
  g_set_object (&ctx->scheme, scheme);
  ctx->scheme_changed = TRUE;
  return TRUE;
}

/* "Negated Arg:<EVENT>" (boolean) or "Status Arg:Claim, Value:unverified|disputed". */
static gboolean
add_attribute (HearsayImportContext  *ctx,
               const char            *spec,
               GPtrArray             *entities,
               GPtrArray             *events,
               const char            *path,
               guint                  line,
               GError               **error)
{
  g_autofree char *name = g_strndup (spec, strcspn (spec, " \t"));
  g_autofree char *id = hearsay_import_identifier (name);
  g_auto(GStrv) args = g_strsplit (spec + strlen (name), ",", -1);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) values = NULL;

  for (guint i = 0; args[i]; i++)
    {
      char *arg = g_strstrip (args[i]);

      if (g_str_has_prefix (arg, "Arg:"))
        {
          g_auto(GStrv) alternatives = g_strsplit (arg + 4, "|", -1);

          for (guint j = 0; alternatives[j]; j++)
            {
              const char *a = g_strstrip (alternatives[j]);
              GPtrArray *all = strcmp (a, "<ENTITY>") == 0 ? entities : strcmp (a, "<EVENT>") == 0 ? events : NULL;

              if (all != NULL)
                for (guint k = 0; k < all->len; k++)
                  g_ptr_array_add (labels, g_strdup (g_ptr_array_index (all, k)));
              else if (*a != '<')
                g_ptr_array_add (labels, hearsay_import_identifier (a));
            }
        }
      else if (g_str_has_prefix (arg, "Value:"))
        {
          /* A second Value: list replaces the first. */
          g_strfreev (values);
          values = g_strsplit (arg + 6, "|", -1);
        }
    }
  for (guint i = 0; i < labels->len; i++)
    {
      const char *label_id = g_ptr_array_index (labels, i);
      const HearsayLabel *label = hearsay_scheme_lookup_label (ctx->scheme, label_id);
      g_autoptr(GError) local_error = NULL;

      if (label == NULL || hearsay_label_lookup_attribute (label, id) != NULL)
        continue;
      if (!may_edit (ctx, path, line, error))
        return FALSE;
      if (!hearsay_scheme_add_attribute (ctx->scheme, label_id, id, name,
                                         values ? HEARSAY_ATTRIBUTE_SINGLE : HEARSAY_ATTRIBUTE_BOOLEAN, &local_error) ||
          (values != NULL &&
           !hearsay_scheme_set_attribute_values (ctx->scheme, label_id, id, (const char * const *) values, NULL, &local_error)))
        return scheme_failed (path, line, local_error, error);
      ctx->scheme_changed = TRUE;
    }
  return TRUE;
}

gboolean
hearsay_import_brat_conf (HearsayImportContext  *ctx,
                          const char            *conf_path,
                          GError               **error)
{
  g_autoptr(GBytes) bytes = hearsay_import_read_file (conf_path, 1024 * 1024, error);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  Section section = SECTION_NONE;
  gsize size;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!g_utf8_validate_len (data, size, NULL))
    return hearsay_import_fail (error, conf_path, 0, _("not valid UTF-8"));
  text = g_strndup (data, size);
  if (ctx->scheme == NULL)
    ctx->scheme = hearsay_scheme_copy (hearsay_project_get_scheme (ctx->project));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);
      gboolean ok = TRUE;

      if (*line == '\0' || *line == '#')
        continue;
      if (*line == '[')
        {
          section = g_str_has_prefix (line, "[entities]") ? SECTION_ENTITIES
                  : g_str_has_prefix (line, "[relations]") ? SECTION_RELATIONS
                  : g_str_has_prefix (line, "[events]") ? SECTION_EVENTS
                  : g_str_has_prefix (line, "[attributes]") ? SECTION_ATTRIBUTES : SECTION_NONE;
          continue;
        }
      /* "!Abstract" types, "<MACRO>=…" definitions and "----" separators add nothing. */
      if (*line == '!' || *line == '<' || *line == '-')
        continue;
      switch (section)
        {
        case SECTION_ENTITIES:
        case SECTION_EVENTS:
          {
            g_autofree char *name = g_strndup (line, strcspn (line, " \t"));

            ok = add_label (ctx, name, section == SECTION_ENTITIES ? entities : events, conf_path, i + 1, error);
            break;
          }
        case SECTION_RELATIONS:
          ok = add_relation_type (ctx, line, conf_path, i + 1, error);
          break;
        case SECTION_ATTRIBUTES:
          ok = add_attribute (ctx, line, entities, events, conf_path, i + 1, error);
          break;
        case SECTION_NONE:
        default:
          break;
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}
