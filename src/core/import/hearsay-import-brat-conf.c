/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-brat-conf.c: brat's annotation.conf, read as brat's
 * projectconfig.py reads it, extends a copy of the project's scheme (stored
 * with the import's transaction, swapped in after the commit):
 *   [entities] (alias [spans]) and [events]: labels; "Type|Alias" is the
 *     label "Type" shown as "Alias"; event types are marked as such and
 *     their roles ("Theme+:Protein") become event_role relation types;
 *   [relations]: relation types, "<REL-TYPE>:symmetric-transitive" (and
 *     "Equiv" without one) an equivalence; <OVERLAP> rules add nothing;
 *   [attributes]: "Name Arg:<ENTITY>|Type, Value:a|b" per label.
 * Identifiers are brat's storage form of the first term, as brat writes
 * them in .ann files ("ACC", "Protein-Component"). Indented lines are
 * sub-types (labels too), "!Type" is abstract, "<NAME>=…" macros are
 * expanded in their section, "<INHERIT>" takes the parent's arguments.
 * Comment lines carry what a Hearsay export states: "# offsets: …" and
 * "# annotator[ STEM]: NAME". */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-import-brat-private.h"

typedef enum { SECTION_NONE, SECTION_ENTITIES, SECTION_RELATIONS, SECTION_EVENTS, SECTION_ATTRIBUTES } Section;

void
hearsay_brat_conf_free (gpointer data)
{
  HearsayBratConf *conf = data;

  g_free (conf->dir);
  g_free (conf->annotator);
  g_clear_pointer (&conf->annotators, g_hash_table_unref);
  g_free (conf);
}

HearsayBratConf *
hearsay_brat_conf_for_dir (HearsayImportContext *ctx,
                           const char           *dir)
{
  g_autofree char *d = g_canonicalize_filename (dir, NULL);

  if (ctx->brat_confs == NULL)
    return NULL;
  /* The nearest one, as brat looks from the document's folder upwards. */
  while (TRUE)
    {
      HearsayBratConf *conf = g_hash_table_lookup (ctx->brat_confs, d);
      g_autofree char *parent = NULL;

      if (conf != NULL)
        return conf;
      parent = g_path_get_dirname (d);
      if (strcmp (parent, d) == 0)
        return NULL;
      g_free (d);
      d = g_steal_pointer (&parent);
    }
}

char *
hearsay_brat_storage_form (const char *name)
{
  char *id = g_strdup (name);

  for (char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      *p = '_';
  return id;
}

HearsayScheme *
hearsay_brat_scheme (HearsayImportContext *ctx)
{
  if (ctx->scheme == NULL)
    ctx->scheme = hearsay_scheme_copy (hearsay_project_get_scheme (ctx->project));
  return ctx->scheme;
}

gboolean
hearsay_brat_ensure_label (HearsayImportContext  *ctx,
                           const char            *id,
                           const char            *name,
                           gboolean               event,
                           GError               **error)
{
  HearsayScheme *scheme = hearsay_brat_scheme (ctx);
  const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, id);

  if (label == NULL)
    {
      if (!hearsay_scheme_set_label (scheme, id, name ? name : id, NULL, 0, error))
        return FALSE;
      ctx->scheme_changed = TRUE;
      label = hearsay_scheme_lookup_label (scheme, id);
    }
  if (event && !label->event)
    {
      if (!hearsay_scheme_set_label_event (scheme, id, TRUE, error))
        return FALSE;
      ctx->scheme_changed = TRUE;
    }
  return TRUE;
}

static char **
union_of (char               **have,
          const char * const  *more,
          gboolean            *changed)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; have != NULL && have[i]; i++)
    g_strv_builder_add (builder, have[i]);
  for (guint i = 0; more != NULL && more[i]; i++)
    if (have == NULL || !g_strv_contains ((const char * const *) have, more[i]))
      {
        g_strv_builder_add (builder, more[i]);
        *changed = TRUE;
      }
  return g_strv_builder_end (builder);
}

gboolean
hearsay_brat_merge_relation_type (HearsayImportContext  *ctx,
                                  const char            *id,
                                  const char            *name,
                                  const char * const    *from,
                                  const char * const    *to,
                                  gboolean               symmetric,
                                  gboolean               transitive,
                                  gboolean               event_role,
                                  GError               **error)
{
  HearsayScheme *scheme = hearsay_brat_scheme (ctx);
  const HearsayRelationType *old = hearsay_scheme_lookup_relation_type (scheme, id);
  g_auto(GStrv) from_labels = NULL;
  g_auto(GStrv) to_labels = NULL;
  HearsayRelationType merged = { 0 };
  gboolean changed = old == NULL;

  /* A type declared or met once says enough: an existing one only widens. */
  from_labels = union_of (old ? old->from_labels : NULL, from, &changed);
  to_labels = union_of (old ? old->to_labels : NULL, to, &changed);
  merged.id = (char *) id;
  merged.name = old ? old->name : (char *) (name ? name : id);
  merged.from_labels = from_labels;
  merged.to_labels = to_labels;
  merged.to_entity = old ? old->to_entity : FALSE;
  merged.cross_document = old ? old->cross_document : FALSE;
  merged.symmetric = (old && old->symmetric) || symmetric;
  merged.transitive = (old && old->transitive) || transitive;
  merged.event_role = (old && old->event_role) || event_role;
  if (old != NULL && (merged.symmetric != old->symmetric || merged.transitive != old->transitive ||
                      merged.event_role != old->event_role))
    changed = TRUE;
  if (!changed)
    return TRUE;
  if (!hearsay_scheme_set_relation_type (scheme, &merged, error))
    return FALSE;
  ctx->scheme_changed = TRUE;
  return TRUE;
}

/* One line of a section: its terms and arguments, macros expanded. */
typedef struct
{
  guint depth;
  char **terms;
  GPtrArray *args;   /* char *: "Key:Types" */
} ConfLine;

static void
conf_line_clear (ConfLine *l)
{
  g_clear_pointer (&l->terms, g_strfreev);
  g_clear_pointer (&l->args, g_ptr_array_unref);
}

/* The key of "Theme+:Protein" without brat's repetition marks (?, *, +,
 * {N}, {N-M}), and its types. */
static char *
arg_key (const char  *arg,
         char      ***types)
{
  const char *colon = strchr (arg, ':');
  char *key;
  gsize n;

  if (colon == NULL)
    return NULL;
  *types = g_strsplit (colon + 1, "|", -1);
  key = g_strndup (arg, colon - arg);
  n = strlen (key);
  if (n > 1 && strchr ("?*+", key[n - 1]) != NULL)
    key[n - 1] = '\0';
  else if (n > 1 && key[n - 1] == '}' && strchr (key, '{') != NULL)
    *strrchr (key, '{') = '\0';
  return key;
}

/* Types of an argument as labels: <ENTITY>, <EVENT>, <ANY> say "any". */
static char **
plain_types (char **types)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; types[i]; i++)
    {
      const char *t = g_strstrip (types[i]);

      if (*t != '\0' && *t != '<')
        g_strv_builder_add (builder, t);
    }
  return g_strv_builder_end (builder);
}

static gboolean
add_event_roles (HearsayImportContext  *ctx,
                 const char            *event,
                 GPtrArray             *args,
                 const char            *path,
                 guint                  line,
                 GError               **error)
{
  const char *from[] = { event, NULL };

  for (guint i = 0; i < args->len; i++)
    {
      g_auto(GStrv) types = NULL;
      g_auto(GStrv) to = NULL;
      g_autofree char *role = arg_key (g_ptr_array_index (args, i), &types);
      g_autoptr(GError) local_error = NULL;

      if (role == NULL || *role == '<')
        continue;
      to = plain_types (types);
      if (!hearsay_brat_merge_relation_type (ctx, role, role, from, (const char * const *) to,
                                             FALSE, FALSE, TRUE, &local_error))
        return hearsay_import_fail (error, path, line, "%s", local_error->message);
    }
  return TRUE;
}

static gboolean
add_relation (HearsayImportContext  *ctx,
              const char            *id,
              const char            *name,
              GPtrArray             *args,
              const char            *path,
              guint                  line,
              GError               **error)
{
  g_auto(GStrv) from = NULL;
  g_auto(GStrv) to = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean symmetric = FALSE, transitive = FALSE, rel_type = FALSE;
  guint n = 0;

  for (guint i = 0; i < args->len; i++)
    {
      const char *arg = g_ptr_array_index (args, i);
      g_auto(GStrv) types = NULL;
      g_autofree char *key = arg_key (arg, &types);

      if (key == NULL)
        continue;
      if (strcmp (key, "<REL-TYPE>") == 0)
        {
          rel_type = TRUE;
          for (guint j = 0; types[j]; j++)
            {
              symmetric |= strstr (types[j], "symmetric") != NULL;
              transitive |= strstr (types[j], "transitive") != NULL;
            }
          continue;
        }
      if (*key == '<')
        continue;
      /* The first two arguments, whatever brat calls them (Arg1, Arg2). */
      if (n == 0)
        from = plain_types (types);
      else if (n == 1)
        to = plain_types (types);
      n++;
    }
  /* brat's own special case: an "Equiv" without <REL-TYPE> is one. */
  if (!rel_type && strcmp (id, "Equiv") == 0)
    symmetric = transitive = TRUE;
  if (!hearsay_brat_merge_relation_type (ctx, id, name, (const char * const *) from, (const char * const *) to,
                                         symmetric, transitive, FALSE, &local_error))
    return hearsay_import_fail (error, path, line, "%s", local_error->message);
  return TRUE;
}

static gboolean
add_attribute (HearsayImportContext  *ctx,
               const char            *id,
               const char            *name,
               GPtrArray             *args,
               GPtrArray             *entities,
               GPtrArray             *events,
               const char            *path,
               guint                  line,
               GError               **error)
{
  HearsayScheme *scheme = hearsay_brat_scheme (ctx);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) values = NULL;

  for (guint i = 0; i < args->len; i++)
    {
      g_auto(GStrv) types = NULL;
      g_autofree char *key = arg_key (g_ptr_array_index (args, i), &types);

      if (key != NULL && strcmp (key, "Arg") == 0)
        for (guint j = 0; types[j]; j++)
          {
            const char *a = g_strstrip (types[j]);
            gboolean any = strcmp (a, "<ANY>") == 0;

            if (any || strcmp (a, "<ENTITY>") == 0)
              for (guint k = 0; k < entities->len; k++)
                g_ptr_array_add (labels, g_strdup (g_ptr_array_index (entities, k)));
            if (any || strcmp (a, "<EVENT>") == 0)
              for (guint k = 0; k < events->len; k++)
                g_ptr_array_add (labels, g_strdup (g_ptr_array_index (events, k)));
            if (*a != '<')
              g_ptr_array_add (labels, g_strdup (a));
          }
      else if (key != NULL && strcmp (key, "Value") == 0)
        {
          /* A second Value: list replaces the first (the fuzzer's leak). */
          g_strfreev (values);
          values = g_steal_pointer (&types);
        }
    }
  for (guint i = 0; i < labels->len; i++)
    {
      const char *label_id = g_ptr_array_index (labels, i);
      const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, label_id);
      g_autoptr(GError) local_error = NULL;

      /* Hearsay's relations carry no attributes; brat's <RELATION> ones stay out. */
      if (label == NULL || hearsay_label_lookup_attribute (label, id) != NULL)
        continue;
      if (!hearsay_scheme_add_attribute (scheme, label_id, id, name,
                                         values ? HEARSAY_ATTRIBUTE_SINGLE : HEARSAY_ATTRIBUTE_BOOLEAN, &local_error) ||
          (values != NULL &&
           !hearsay_scheme_set_attribute_values (scheme, label_id, id, (const char * const *) values, NULL, &local_error)))
        return hearsay_import_fail (error, path, line, "%s", local_error->message);
      ctx->scheme_changed = TRUE;
    }
  return TRUE;
}

/* "# offsets: codepoint, end exclusive" and "# annotator[ STEM]: NAME". */
static void
read_statement (HearsayBratConf *conf,
                const char      *line)
{
  const char *p = line + 1;

  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "offsets: "))
    {
      g_autofree char *unit = g_strndup (p + 9, strcspn (p + 9, ", "));
      HearsayOffsetUnit u;

      if (hearsay_offset_unit_from_string (unit, &u))
        {
          conf->stated = TRUE;
          conf->convention.unit = u;
        }
    }
  else if (g_str_has_prefix (p, "annotator: "))
    {
      g_free (conf->annotator);
      conf->annotator = g_strdup (p + 11);
    }
  else if (g_str_has_prefix (p, "annotator ") && strstr (p, ": ") != NULL)
    {
      const char *stem = p + 10;
      const char *sep = strstr (stem, ": ");

      if (conf->annotators == NULL)
        conf->annotators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (conf->annotators, g_strndup (stem, sep - stem), g_strdup (sep + 2));
    }
}

/* Splits a term line as brat does: indent, "Type|Alias", then
 * comma-separated arguments; FALSE for a line that is not one. */
static gboolean
split_line (const char *line,
            ConfLine   *out)
{
  const char *p = line;
  const char *terms_end;
  g_autofree char *terms = NULL;
  g_auto(GStrv) args = NULL;

  while (*p == ' ' || *p == '\t')
    p++;
  out->depth = p - line;
  terms_end = p + strcspn (p, " \t");
  if (terms_end == p)
    return FALSE;
  terms = g_strndup (p, terms_end - p);
  out->terms = g_strsplit (terms, "|", -1);
  out->args = g_ptr_array_new_with_free_func (g_free);
  args = g_strsplit (terms_end, ",", -1);
  for (guint i = 0; args[i]; i++)
    {
      char *a = g_strstrip (args[i]);

      if (*a != '\0')
        g_ptr_array_add (out->args, g_strdup (a));
    }
  return TRUE;
}

static char *
expand_macros (const char *line,
               GHashTable *macros)
{
  GHashTableIter iter;
  gpointer name, value;
  GString *s = g_string_new (line);

  g_hash_table_iter_init (&iter, macros);
  while (g_hash_table_iter_next (&iter, &name, &value))
    g_string_replace (s, name, value, 0);
  return g_string_free (s, FALSE);
}

typedef struct
{
  HearsayImportContext *ctx;
  const char *path;
  GPtrArray *entities;                   /* label ids of [entities] */
  GPtrArray *events;                     /* label ids of [events] */
  GPtrArray *parent_args;                /* GPtrArray * per depth, for <INHERIT> */
} ConfReader;

static gboolean
read_term (ConfReader  *r,
           Section      section,
           ConfLine    *l,
           guint        line,
           GError     **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = NULL;
  const char *first = g_strstrip (l->terms[0]);
  const char *alias = l->terms[1] ? g_strstrip (l->terms[1]) : NULL;
  gboolean unused = *first == '!';
  g_autoptr(GError) local_error = NULL;

  for (guint i = 0; i < l->args->len; i++)
    {
      const char *a = g_ptr_array_index (l->args, i);
      GPtrArray *parent = l->depth > 0 && l->depth - 1 < r->parent_args->len
                          ? g_ptr_array_index (r->parent_args, l->depth - 1) : NULL;

      if (strcmp (a, "<INHERIT>") == 0)
        for (guint j = 0; parent != NULL && j < parent->len; j++)
          g_ptr_array_add (args, g_strdup (g_ptr_array_index (parent, j)));
      else
        g_ptr_array_add (args, g_strdup (a));
    }
  while (r->parent_args->len <= l->depth)
    g_ptr_array_add (r->parent_args, g_ptr_array_new_with_free_func (g_free));
  g_ptr_array_set_size (g_ptr_array_index (r->parent_args, l->depth), 0);
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (g_ptr_array_index (r->parent_args, l->depth), g_strdup (g_ptr_array_index (args, i)));

  if (unused)
    first++;
  /* Config-only types: overlap rules and the old nesting relation. */
  if (*first == '\0' || *first == '<' || strcmp (first, "ENTITY-NESTING") == 0)
    return TRUE;
  id = hearsay_brat_storage_form (first);
  if (alias != NULL && (*alias == '\0' || *alias == '!'))
    alias = NULL;
  switch (section)
    {
    case SECTION_ENTITIES:
    case SECTION_EVENTS:
      /* An abstract type ("!Type") groups its sub-types: nothing is
       * annotated with it. */
      if (unused)
        return TRUE;
      if (!hearsay_brat_ensure_label (r->ctx, id, alias ? alias : id, section == SECTION_EVENTS, &local_error))
        return hearsay_import_fail (error, r->path, line, "%s", local_error->message);
      g_ptr_array_add (section == SECTION_EVENTS ? r->events : r->entities, g_strdup (id));
      return section == SECTION_ENTITIES || add_event_roles (r->ctx, id, args, r->path, line, error);
    case SECTION_RELATIONS:
      return unused || add_relation (r->ctx, id, alias ? alias : id, args, r->path, line, error);
    case SECTION_ATTRIBUTES:
      return add_attribute (r->ctx, id, alias ? alias : id, args, r->entities, r->events, r->path, line, error);
    case SECTION_NONE:
    default:
      return TRUE;
    }
}

gboolean
hearsay_import_brat_conf (HearsayImportContext  *ctx,
                          const char            *conf_path,
                          GError               **error)
{
  g_autoptr(GBytes) bytes = hearsay_import_read_file (conf_path, 4 * 1024 * 1024, error);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parent_args = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) macros = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ConfReader reader = { ctx, conf_path, entities, events, parent_args };
  HearsayBratConf *conf;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_auto(GStrv) lines = NULL;
  Section section = SECTION_NONE;
  gsize size;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!g_utf8_validate_len (data, size, NULL) || memchr (data, '\0', size) != NULL)
    return hearsay_import_fail (error, conf_path, 0, _("not valid UTF-8"));
  text = g_strndup (data, size);
  hearsay_brat_scheme (ctx);
  dir = g_path_get_dirname (conf_path);
  conf = g_new0 (HearsayBratConf, 1);
  conf->dir = g_canonicalize_filename (dir, NULL);
  if (ctx->brat_confs == NULL)
    ctx->brat_confs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, hearsay_brat_conf_free);
  g_hash_table_replace (ctx->brat_confs, conf->dir, conf);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *expanded = NULL;
      ConfLine l = { 0 };
      char *line = lines[i];
      const char *stripped;
      gboolean ok;
      gsize len = strlen (line);

      if (len > 0 && line[len - 1] == '\r')
        line[len - 1] = '\0';
      stripped = line + strspn (line, " \t");
      if (*stripped == '#')
        {
          read_statement (conf, stripped);
          continue;
        }
      if (*stripped == '\0' || strspn (stripped, "- \t") == strlen (stripped))
        continue;
      if (*stripped == '[')
        {
          g_autofree char *name = g_strndup (stripped + 1, strcspn (stripped + 1, "]"));

          section = strcmp (name, "entities") == 0 || strcmp (name, "spans") == 0 ? SECTION_ENTITIES
                  : strcmp (name, "relations") == 0 ? SECTION_RELATIONS
                  : strcmp (name, "events") == 0 ? SECTION_EVENTS
                  : strcmp (name, "attributes") == 0 ? SECTION_ATTRIBUTES : SECTION_NONE;
          /* Macros are section-specific in brat. */
          g_hash_table_remove_all (macros);
          g_ptr_array_set_size (parent_args, 0);
          continue;
        }
      if (*stripped == '<' && strstr (stripped, ">=") != NULL)
        {
          const char *eq = strstr (stripped, ">=");

          g_hash_table_insert (macros, g_strndup (stripped, eq + 1 - stripped), g_strstrip (g_strdup (eq + 2)));
          continue;
        }
      expanded = expand_macros (line, macros);
      if (section == SECTION_NONE || !split_line (expanded, &l))
        continue;
      ok = read_term (&reader, section, &l, i + 1, error);
      conf_line_clear (&l);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}
