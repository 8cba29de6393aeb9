/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-refi-parts.c: what a REFI-QDA project holds around its
 * sources — users, variables and cases (document metadata), sets, notes
 * and links.
 *
 * Variable values reach a source in three ways, in this order of
 * precedence: VariableValue elements of the TextSource (QualCoder,
 * MAXQDA), a Case without a name holding one SourceRef (MAXQDA, Quirkos),
 * and named cases (NVivo, QualCoder) by SourceRef or, in NVivo, by coding
 * the source with the case's node. A variable named like a document's
 * metadata (outlet, date or published_at, url, language, title; in any
 * case and spacing) sets it; any other one becomes a document field of
 * that name (genre, frames, tone…), split on ";" when the scheme's field
 * takes several values. Named cases are listed in the field "cases", sets
 * of sources in "sets", a source's Description in "description".
 *
 * Notes (memos) go to the annotations of the selections that point at
 * them: NoteRef on a selection or a Coding, a Link from a Note to a
 * selection (NVivo's annotations), or a Note holding the selection it
 * annotates (QualCoder's). Links between two selections become relations:
 * their name is the type ("contradicts" is the scheme's contradicts). */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-date.h"
#include "hearsay-encoding.h"
#include "hearsay-import-refi-private.h"

static HearsayScheme *
scheme (RefiImport *r)
{
  return r->ctx->scheme != NULL ? r->ctx->scheme : hearsay_project_get_scheme (r->ctx->project);
}

static void
add_to_list (GHashTable *table,
             const char *key,
             gpointer    item,
             GDestroyNotify free_func)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (free_func);
      g_hash_table_insert (table, g_strdup (key), list);
    }
  g_ptr_array_add (list, item);
}

static void
read_users (RefiImport *r,
            xmlNode    *users)
{
  for (xmlNode *c = users ? users->children : NULL; c; c = c->next)
    if (hearsay_refi_is_element (c, "User"))
      {
        g_autofree char *guid = hearsay_refi_prop (c, "guid");
        char *name = hearsay_refi_prop (c, "name");

        if (name == NULL)
          name = hearsay_refi_prop (c, "id");
        if (guid != NULL && name != NULL)
          g_hash_table_replace (r->users, hearsay_refi_guid_key (guid), name);
        else
          g_free (name);
      }
}

static void
read_variables (RefiImport *r,
                xmlNode    *variables)
{
  for (xmlNode *c = variables ? variables->children : NULL; c; c = c->next)
    if (hearsay_refi_is_element (c, "Variable"))
      {
        g_autofree char *guid = hearsay_refi_prop (c, "guid");
        char *name = hearsay_refi_prop (c, "name");

        if (guid != NULL && name != NULL)
          g_hash_table_replace (r->variables, hearsay_refi_guid_key (guid), name);
        else
          g_free (name);
      }
}

/* "NAME\nVALUE" of a VariableValue, or NULL. */
static char *
variable_value (RefiImport *r,
                xmlNode    *vv)
{
  static const char *kinds[] = { "TextValue", "BooleanValue", "IntegerValue", "FloatValue",
                                 "DateValue", "DateTimeValue" };
  g_autofree char *target = hearsay_refi_prop (hearsay_refi_child (vv, "VariableRef"), "targetGUID");
  g_autofree char *key = hearsay_refi_guid_key (target);
  const char *name = g_hash_table_lookup (r->variables, key);

  if (name == NULL)
    {
      hearsay_import_skip (r->ctx, r->xml_name, hearsay_refi_line (vv),
                           _("a VariableValue points at a variable the project lacks (%s)"),
                           target ? target : "");
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      xmlNode *v = hearsay_refi_child (vv, kinds[i]);

      if (v != NULL)
        {
          g_autofree char *value = hearsay_refi_content (v);

          g_strstrip (value);
          return *value != '\0' ? g_strconcat (name, "\n", value, NULL) : NULL;
        }
    }
  return NULL;
}

static void
read_cases (RefiImport *r,
            xmlNode    *cases)
{
  /* Unnamed cases (one source's own variables) before named ones, so
   * that a source's variables win over its cases'. */
  for (int named = 0; named < 2; named++)
    for (xmlNode *c = cases ? cases->children : NULL; c; c = c->next)
      {
        g_autofree char *guid = NULL;
        g_autofree char *name = NULL;
        RefiCase *rc;

        if (!hearsay_refi_is_element (c, "Case"))
          continue;
        name = hearsay_refi_prop (c, "name");
        if ((name != NULL && *name != '\0') != (named == 1))
          continue;
        guid = hearsay_refi_prop (c, "guid");
        rc = g_new0 (RefiCase, 1);
        rc->name = g_steal_pointer (&name);
        if (rc->name != NULL && *rc->name == '\0')
          g_clear_pointer (&rc->name, g_free);
        rc->values = g_ptr_array_new_with_free_func (g_free);
        g_hash_table_replace (r->cases, hearsay_refi_guid_key (guid), rc);
        for (xmlNode *e = c->children; e; e = e->next)
          if (hearsay_refi_is_element (e, "VariableValue"))
            {
              char *pair = variable_value (r, e);

              if (pair != NULL)
                g_ptr_array_add (rc->values, pair);
            }
          else if (hearsay_refi_is_element (e, "SourceRef"))
            {
              g_autofree char *target = hearsay_refi_prop (e, "targetGUID");
              g_autofree char *key = hearsay_refi_guid_key (target);

              add_to_list (r->source_cases, key, rc, NULL);
            }
          else if (hearsay_refi_is_element (e, "SelectionRef"))
            hearsay_import_skip (r->ctx, r->xml_name, hearsay_refi_line (e),
                                 _("the case “%s” holds a selection: Hearsay keeps cases of whole documents, "
                                   "so this part of it is left out"), rc->name ? rc->name : "");
      }
}

static void
read_sets (RefiImport *r,
           xmlNode    *sets)
{
  for (xmlNode *c = sets ? sets->children : NULL; c; c = c->next)
    {
      g_autofree char *name = NULL;
      guint n_other = 0;

      if (!hearsay_refi_is_element (c, "Set"))
        continue;
      name = hearsay_refi_prop (c, "name");
      for (xmlNode *e = c->children; e; e = e->next)
        if (hearsay_refi_is_element (e, "MemberSource"))
          {
            g_autofree char *target = hearsay_refi_prop (e, "targetGUID");
            g_autofree char *key = hearsay_refi_guid_key (target);

            add_to_list (r->source_sets, key, g_strdup (name ? name : ""), g_free);
          }
        else if (hearsay_refi_is_element (e, "MemberCode") || hearsay_refi_is_element (e, "MemberNote"))
          n_other++;
      if (n_other > 0)
        hearsay_import_skip (r->ctx, r->xml_name, hearsay_refi_line (c),
                             _("the set “%s” groups %u codes or notes: Hearsay keeps sets of documents "
                               "(the field “sets”), so they are left out"), name ? name : "", n_other);
    }
}

/* A note's text: inline, or a text file in the archive (NVivo). */
static char *
note_text (RefiImport *r,
           xmlNode    *note)
{
  g_autofree char *path = hearsay_refi_prop (note, "plainTextPath");
  xmlNode *inline_text = hearsay_refi_child (note, "PlainTextContent");
  g_autofree char *entry = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;
  char *text;

  if (inline_text != NULL)
    return hearsay_refi_content (inline_text);
  if (path == NULL || !g_str_has_prefix (path, "internal://") ||
      (bytes = hearsay_refi_lookup_entry (r, path, &entry)) == NULL)
    return NULL;
  text = hearsay_encoding_decode (entry, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, &error);
  if (text != NULL && g_str_has_prefix (text, "\xEF\xBB\xBF"))
    memmove (text, text + 3, strlen (text + 3) + 1);
  return text;
}

static void
read_notes (RefiImport *r,
            xmlNode    *notes)
{
  for (xmlNode *c = notes ? notes->children : NULL; c; c = c->next)
    {
      g_autofree char *guid = NULL;
      RefiNote *note;
      xmlNode *sel;

      if (!hearsay_refi_is_element (c, "Note"))
        continue;
      guid = hearsay_refi_prop (c, "guid");
      note = g_new0 (RefiNote, 1);
      note->name = hearsay_refi_prop (c, "name");
      note->user = hearsay_refi_prop (c, "creatingUser");
      note->text = note_text (r, c);
      note->line = hearsay_refi_line (c);
      sel = hearsay_refi_child (c, "PlainTextSelection");
      if (sel != NULL)
        {
          g_autofree char *start = hearsay_refi_prop (sel, "startPosition");
          g_autofree char *end = hearsay_refi_prop (sel, "endPosition");

          note->has_span = start != NULL && end != NULL &&
                           g_ascii_string_to_signed (start, 10, 0, G_MAXINT64, &note->start, NULL) &&
                           g_ascii_string_to_signed (end, 10, 0, G_MAXINT64, &note->end, NULL);
        }
      if (note->text == NULL)
        {
          hearsay_import_skip (r->ctx, r->xml_name, note->line,
                               _("the note “%s” has no text in the archive; it is left out"),
                               note->name ? note->name : "");
          note->used = TRUE;
          note->text = g_strdup ("");
        }
      g_hash_table_replace (r->notes, hearsay_refi_guid_key (guid), note);
    }
}

static void
add_note_link (RefiImport *r,
               const char *note_key,
               const char *selection_key)
{
  RefiNote *note = g_hash_table_lookup (r->notes, note_key);
  GString *s = g_hash_table_lookup (r->note_links, selection_key);

  if (*note->text == '\0')
    return;
  if (s == NULL)
    {
      s = g_string_new (NULL);
      g_hash_table_insert (r->note_links, g_strdup (selection_key), s);
    }
  g_string_append_printf (s, "%s%s", s->len > 0 ? "\n\n" : "", note->text);
  note->used = TRUE;
}

static void
read_links (RefiImport *r,
            xmlNode    *links)
{
  for (xmlNode *c = links ? links->children : NULL; c; c = c->next)
    {
      RefiLink *link;
      g_autofree char *origin = NULL, *target = NULL;
      gboolean origin_note, target_note;

      if (!hearsay_refi_is_element (c, "Link"))
        continue;
      link = g_new0 (RefiLink, 1);
      link->guid = hearsay_refi_prop (c, "guid");
      link->name = hearsay_refi_prop (c, "name");
      origin = hearsay_refi_prop (c, "originGUID");
      target = hearsay_refi_prop (c, "targetGUID");
      link->origin = hearsay_refi_guid_key (origin);
      link->target = hearsay_refi_guid_key (target);
      link->line = hearsay_refi_line (c);
      g_ptr_array_add (r->links, link);
      origin_note = g_hash_table_contains (r->notes, link->origin);
      target_note = g_hash_table_contains (r->notes, link->target);
      /* NVivo writes an annotation as a Note linked to its selection. */
      if (origin_note != target_note)
        {
          add_note_link (r, origin_note ? link->origin : link->target, origin_note ? link->target : link->origin);
          link->used = TRUE;
        }
    }
}

void
hearsay_refi_read_parts (RefiImport *r,
                         xmlNode    *root)
{
  read_users (r, hearsay_refi_child (root, "Users"));
  read_variables (r, hearsay_refi_child (root, "Variables"));
  read_cases (r, hearsay_refi_child (root, "Cases"));
  read_sets (r, hearsay_refi_child (root, "Sets"));
  read_notes (r, hearsay_refi_child (root, "Notes"));
  read_links (r, hearsay_refi_child (root, "Links"));
  if (hearsay_refi_child (root, "Graphs") != NULL)
    hearsay_import_skip (r->ctx, r->xml_name, hearsay_refi_line (hearsay_refi_child (root, "Graphs")),
                         _("the project's graphs are left out: Hearsay has no graphs"));
}

void
hearsay_refi_append_notes (RefiImport *r,
                           xmlNode    *node,
                           GString    *notes)
{
  for (xmlNode *c = node->children; c; c = c->next)
    if (hearsay_refi_is_element (c, "NoteRef"))
      {
        g_autofree char *target = hearsay_refi_prop (c, "targetGUID");
        g_autofree char *key = hearsay_refi_guid_key (target);
        RefiNote *note = g_hash_table_lookup (r->notes, key);

        if (note == NULL || note->has_span)
          continue;
        note->used = TRUE;
        if (*note->text != '\0')
          g_string_append_printf (notes, "%s%s", notes->len > 0 ? "\n\n" : "", note->text);
      }
}

/* The document metadata a variable's name means, or NULL for a field. */
static const char *
metadata_key (const char *id)
{
  static const struct { const char *id; const char *key; } names[] = {
    { "outlet", "outlet" }, { "publication", "outlet" }, { "newspaper", "outlet" },
    { "media_outlet", "outlet" }, { "medium", "outlet" },
    { "published_at", "published_at" }, { "date", "published_at" }, { "publication_date", "published_at" },
    { "published", "published_at" }, { "date_published", "published_at" },
    { "url", "url" }, { "link", "url" },
    { "language", "language" }, { "lang", "language" },
    { "title", "title" }, { "headline", "title" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (id, names[i].id) == 0)
      return names[i].key;
  return NULL;
}

static void
set_value (RefiImport      *r,
           HearsayDocument *doc,
           GHashTable      *seen,
           const char      *name,
           const char      *value)
{
  g_autofree char *id = hearsay_refi_identifier (name);
  const char *key = metadata_key (id);
  const HearsayAttributeDef *def;
  g_autoptr(GPtrArray) values = NULL;
  g_auto(GStrv) parts = NULL;

  if (key != NULL && (!g_str_equal (key, "published_at") || hearsay_date_check (value, NULL)))
    {
      if (!g_hash_table_add (seen, g_strdup (key)))
        return;
      hearsay_document_set_metadata (doc, key, value);
      return;
    }
  def = hearsay_scheme_lookup_document_field (scheme (r), name);
  if (def != NULL)
    {
      g_free (id);
      id = g_strdup (name);
    }
  else
    def = hearsay_scheme_lookup_document_field (scheme (r), id);
  if (*id == '\0' || !g_hash_table_add (seen, g_strdup (id)))
    return;
  values = g_ptr_array_new_with_free_func (g_free);
  if (def != NULL && def->kind == HEARSAY_ATTRIBUTE_MULTI)
    parts = g_strsplit (value, ";", -1);
  else
    parts = g_strdupv ((char *[]) { (char *) value, NULL });
  for (guint i = 0; parts[i]; i++)
    {
      char *v = g_strstrip (parts[i]);
      g_autofree char *v_id = hearsay_refi_identifier (v);

      if (*v == '\0')
        continue;
      /* "Opinion" is the scheme's value "opinion". */
      if (def != NULL && def->values != NULL && def->values->len > 0 && hearsay_attribute_lookup_value (def, v) == NULL &&
          hearsay_attribute_lookup_value (def, v_id) != NULL)
        v = v_id;
      g_ptr_array_add (values, g_strdup (v));
    }
  g_ptr_array_add (values, NULL);
  if (values->len > 1)
    hearsay_document_set_field (doc, id, (const char * const *) values->pdata);
}

static void
set_list_field (HearsayDocument *doc,
                const char      *name,
                GPtrArray       *names)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  if (names->len == 0 || hearsay_document_get_field (doc, name) != NULL)
    return;
  for (guint i = 0; i < names->len; i++)
    if (!g_ptr_array_find_with_equal_func (values, g_ptr_array_index (names, i), g_str_equal, NULL))
      g_ptr_array_add (values, g_ptr_array_index (names, i));
  g_ptr_array_add (values, NULL);
  hearsay_document_set_field (doc, name, (const char * const *) values->pdata);
}

static void
apply_case (RefiImport      *r,
            HearsayDocument *doc,
            GHashTable      *seen,
            RefiCase        *c,
            GPtrArray       *case_names)
{
  for (guint i = 0; i < c->values->len; i++)
    {
      const char *pair = g_ptr_array_index (c->values, i);
      g_autofree char *name = g_strndup (pair, strchr (pair, '\n') - pair);

      set_value (r, doc, seen, name, strchr (pair, '\n') + 1);
    }
  if (c->name != NULL)
    g_ptr_array_add (case_names, c->name);
}

void
hearsay_refi_apply_metadata (RefiImport      *r,
                             HearsayDocument *doc,
                             xmlNode         *source,
                             GPtrArray       *case_keys)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) case_names = g_ptr_array_new ();
  g_autofree char *guid = hearsay_refi_prop (source, "guid");
  g_autofree char *key = hearsay_refi_guid_key (guid);
  GPtrArray *cases = g_hash_table_lookup (r->source_cases, key);
  GPtrArray *sets = g_hash_table_lookup (r->source_sets, key);
  xmlNode *description = hearsay_refi_child (source, "Description");
  g_autoptr(GString) notes = g_string_new (NULL);

  for (xmlNode *c = source->children; c; c = c->next)
    if (hearsay_refi_is_element (c, "VariableValue"))
      {
        g_autofree char *pair = variable_value (r, c);

        if (pair != NULL)
          {
            g_autofree char *name = g_strndup (pair, strchr (pair, '\n') - pair);

            set_value (r, doc, seen, name, strchr (pair, '\n') + 1);
          }
      }
  for (guint i = 0; cases && i < cases->len; i++)
    apply_case (r, doc, seen, g_ptr_array_index (cases, i), case_names);
  for (guint i = 0; case_keys && i < case_keys->len; i++)
    {
      RefiCase *c = g_hash_table_lookup (r->cases, g_ptr_array_index (case_keys, i));

      if (c != NULL && (cases == NULL || !g_ptr_array_find (cases, c, NULL)))
        apply_case (r, doc, seen, c, case_names);
    }
  set_list_field (doc, "cases", case_names);
  if (sets != NULL)
    set_list_field (doc, "sets", sets);
  if (description != NULL)
    {
      g_autofree char *text = hearsay_refi_content (description);

      g_string_append (notes, g_strstrip (text));
    }
  hearsay_refi_append_notes (r, source, notes);
  if (notes->len > 0 && hearsay_document_get_field (doc, "description") == NULL)
    hearsay_document_set_field (doc, "description", (const char * const []) { notes->str, NULL });
}

gboolean
hearsay_refi_is_continuation (const char *name)
{
  g_autofree char *id = hearsay_refi_identifier (name);

  return g_str_equal (id, "continued_by");
}

/* What a GUID a link joins is, for the message that leaves it out. */
static const char *
kind_of (RefiImport *r,
         const char *key)
{
  const char *kind = g_hash_table_lookup (r->kinds, key);

  if (kind != NULL)
    return g_str_equal (kind, "source") ? _("a source") : _("a selection that was left out");
  if (g_hash_table_contains (r->codes, key))
    return _("a code");
  if (g_hash_table_contains (r->cases, key))
    return _("a case");
  if (g_hash_table_contains (r->notes, key))
    return _("a note");
  return _("nothing in the project");
}

static const RefiStored *
stored_for (RefiImport *r,
            const char *key)
{
  const char *into;

  for (guint guard = 0; (into = g_hash_table_lookup (r->merged_into, key)) != NULL && guard < 1000; guard++)
    key = into;
  return g_hash_table_lookup (r->stored, key);
}

static char *
relation_type (RefiImport *r,
               const char *name)
{
  g_autofree char *id = NULL;

  if (r->tool == REFI_TOOL_HEARSAY && name != NULL && *name != '\0')
    return g_strdup (name);
  id = hearsay_refi_identifier (name);
  return *id != '\0' ? g_steal_pointer (&id) : g_strdup ("linked");
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const RefiNote *na = *(RefiNote * const *) a, *nb = *(RefiNote * const *) b;

  return na->line < nb->line ? -1 : na->line > nb->line;
}

gboolean
hearsay_refi_store_links (RefiImport  *r,
                          GError     **error)
{
  GHashTableIter iter;
  gpointer value;
  g_autoptr(GPtrArray) unused = g_ptr_array_new ();

  for (guint i = 0; i < r->links->len; i++)
    {
      RefiLink *link = g_ptr_array_index (r->links, i);
      const RefiStored *from, *to;
      g_autofree char *type = NULL;

      if (link->used)
        continue;
      from = stored_for (r, link->origin);
      to = stored_for (r, link->target);
      if (from == NULL || to == NULL)
        {
          hearsay_import_skip (r->ctx, r->xml_name, link->line,
                               _("the link “%s” joins %s and %s: Hearsay's relations join annotations, "
                                 "so it is left out"), link->name ? link->name : "",
                               kind_of (r, link->origin), kind_of (r, link->target));
          continue;
        }
      if (from->id == to->id)
        continue;
      type = relation_type (r, link->name);
      if (!hearsay_import_store_relation (r->ctx, type, from->id, to->id, from->annotator, error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, r->notes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!((RefiNote *) value)->used && *((RefiNote *) value)->text != '\0')
      g_ptr_array_add (unused, value);
  g_ptr_array_sort (unused, compare_lines);
  for (guint i = 0; i < unused->len; i++)
    {
      RefiNote *note = g_ptr_array_index (unused, i);

      hearsay_import_skip (r->ctx, r->xml_name, note->line,
                           _("the note “%s” is not attached to a selection (Hearsay keeps notes on "
                             "annotations and documents); it is left out"), note->name ? note->name : "");
    }
  return TRUE;
}
