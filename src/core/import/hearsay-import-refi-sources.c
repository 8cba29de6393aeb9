/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-refi-sources.c: one TextSource of a REFI-QDA project — a
 * document and the annotations of its PlainTextSelections.
 *
 * The text is the source file as the archive holds it (BOM and CR LF kept,
 * DESIGN §5). Each selection's positions are read in the convention
 * -positions.c chooses for this source; one that does not fall on
 * characters of the text under it, splits a character or is empty is
 * reported with its place and left out, never moved. Each Coding becomes an
 * annotation with the label of its code (a selection coded twice with one
 * code gives one), attribute codes set attribute values on it; the coder is
 * the Coding's creatingUser (NVivo's selection can be another user's), or
 * the selection's. A selection without any code becomes an annotation
 * labelled "uncoded", so that its span and memo survive. A selection's
 * Description and the notes it and its codings point at become the note.
 * Selections joined by a "continued by" link with the same codes become
 * one annotation with several fragments (how Hearsay writes a
 * discontinuous span; ATLAS.ti's own link name). */
#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-encoding.h"
#include "hearsay-error.h"
#include "hearsay-import-refi-private.h"

typedef struct _Selection Selection;

struct _Selection
{
  char *key;
  xmlNode *node;
  guint line;
  gint64 file_start;
  gint64 file_end;
  gint64 start;         /* stored code points, when valid */
  gint64 end;
  gboolean valid;
  char *name;
  GPtrArray *annotations;
  Selection *into;      /* the selection it continues, once merged */
};

static void
selection_free (gpointer data)
{
  Selection *s = data;

  g_free (s->key);
  g_free (s->name);
  g_ptr_array_unref (s->annotations);
  g_free (s);
}

static const char *
user_name (RefiImport *r,
           const char *guid)
{
  g_autofree char *key = guid ? hearsay_refi_guid_key (guid) : NULL;

  return key ? g_hash_table_lookup (r->users, key) : NULL;
}

static gboolean
parse_position (const char *value,
                gint64     *out)
{
  return value != NULL && g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, out, NULL);
}

/* The source's text: in the archive, or inline. FALSE with @error unset
 * when the source is left out. */
static gboolean
source_bytes (RefiImport  *r,
              xmlNode     *source,
              const char  *name,
              GBytes     **bytes,
              char       **entry,
              GError     **error)
{
  g_autofree char *text_path = hearsay_refi_prop (source, "plainTextPath");
  xmlNode *plain = hearsay_refi_child (source, "PlainTextContent");

  if (text_path != NULL && g_str_has_prefix (text_path, "internal://"))
    {
      GBytes *found = hearsay_refi_lookup_entry (r, text_path, entry);

      if (found == NULL)
        return hearsay_import_fail (error, r->xml_name, hearsay_refi_line (source),
                                    _("the source “%s” is not in the archive (neither sources/%s nor Sources/%s)"),
                                    name ? name : "", text_path + strlen ("internal://"),
                                    text_path + strlen ("internal://"));
      *bytes = g_bytes_ref (found);
      return TRUE;
    }
  if (plain != NULL)
    {
      char *inline_text = hearsay_refi_content (plain);

      if (strlen (inline_text) > HEARSAY_MAX_TEXT_BYTES)
        {
          g_free (inline_text);
          return hearsay_import_fail (error, r->xml_name, hearsay_refi_line (plain),
                                      _("the text of the source “%s” is larger than %d MB"),
                                      name ? name : "", HEARSAY_MAX_TEXT_BYTES / (1024 * 1024));
        }
      *bytes = g_bytes_new_take (inline_text, strlen (inline_text));
      *entry = g_strdup (strrchr (r->xml_name, ':') ? strrchr (r->xml_name, ':') + 1 : "project.qde");
      return TRUE;
    }
  if (text_path != NULL)
    {
      hearsay_import_skip (r->ctx, r->xml_name, hearsay_refi_line (source),
                           _("the source “%s” is outside the archive (%s): Hearsay reads only what the "
                             "archive holds, so it is left out"), name ? name : "", text_path);
      return FALSE;
    }
  return hearsay_import_fail (error, r->xml_name, hearsay_refi_line (source),
                              _("the source “%s” has no text (no plainTextPath, no PlainTextContent)"),
                              name ? name : "");
}

static HearsayAnnotation *
find_label (Selection  *sel,
            const char *label)
{
  for (guint i = 0; i < sel->annotations->len; i++)
    if (g_strcmp0 (hearsay_annotation_get_label (g_ptr_array_index (sel->annotations, i)), label) == 0)
      return g_ptr_array_index (sel->annotations, i);
  return NULL;
}

static void
append_note (HearsayAnnotation *ann,
             const char        *text)
{
  const char *old = hearsay_annotation_get_note (ann);
  g_autofree char *joined = NULL;

  if (text == NULL || *text == '\0')
    return;
  if (old == NULL || *old == '\0')
    hearsay_annotation_set_note (ann, text);
  else if (strcmp (old, text) != 0)
    {
      joined = g_strconcat (old, "\n\n", text, NULL);
      hearsay_annotation_set_note (ann, joined);
    }
}

static HearsayAnnotation *
new_annotation (Selection  *sel,
                const char *label,
                const char *annotator,
                const char *created,
                const char *modified)
{
  HearsayAnnotation *ann = hearsay_annotation_new (0, label);

  hearsay_annotation_add_fragment (ann, sel->start, sel->end);
  hearsay_annotation_set_annotator (ann, annotator);
  hearsay_annotation_set_created_at (ann, created);
  hearsay_annotation_set_modified_at (ann, modified ? modified : created);
  g_ptr_array_add (sel->annotations, ann);
  return ann;
}

/* The annotations of one valid selection, from its Codings. */
static gboolean
code_selection (RefiImport  *r,
                Selection   *sel,
                GError     **error)
{
  g_autofree char *sel_user = hearsay_refi_prop (sel->node, "creatingUser");
  g_autofree char *created = hearsay_refi_prop (sel->node, "creationDateTime");
  g_autofree char *modified = hearsay_refi_prop (sel->node, "modifiedDateTime");
  g_autoptr(GString) notes = g_string_new (NULL);
  xmlNode *description = hearsay_refi_child (sel->node, "Description");
  GString *linked = g_hash_table_lookup (r->note_links, sel->key);
  guint n_codings = 0;

  if (description != NULL)
    {
      g_autofree char *text = hearsay_refi_content (description);

      g_string_append (notes, g_strstrip (text));
    }
  hearsay_refi_append_notes (r, sel->node, notes);
  if (linked != NULL)
    g_string_append_printf (notes, "%s%s", notes->len > 0 ? "\n\n" : "", linked->str);

  /* Labels first, then the attribute values onto their label. */
  for (int pass = 0; pass < 2; pass++)
    for (xmlNode *c = sel->node->children; c; c = c->next)
      {
        g_autofree char *target = NULL;
        g_autofree char *key = NULL;
        g_autofree char *coder = NULL;
        g_autofree char *coded_at = NULL;
        g_autoptr(GString) coding_notes = NULL;
        HearsayAnnotation *ann;
        RefiCode *code;

        if (!hearsay_refi_is_element (c, "Coding"))
          continue;
        n_codings += pass == 0;
        target = hearsay_refi_prop (hearsay_refi_child (c, "CodeRef"), "targetGUID");
        key = hearsay_refi_guid_key (target);
        code = g_hash_table_lookup (r->codes, key);
        if (code == NULL)
          {
            if (pass == 0)
              hearsay_import_skip (r->ctx, r->xml_name, hearsay_refi_line (c),
                                   _("a Coding points at a code that the codebook lacks (%s); it is left out"),
                                   target ? target : "");
            continue;
          }
        if (code->label == NULL || (code->attribute == NULL) != (pass == 0))
          continue;
        if (!code->codable && !code->in_scheme && code->attribute == NULL &&
            !hearsay_refi_ensure_label (r, code->label, code->name, code->description, error))
          return FALSE;
        coder = hearsay_refi_prop (c, "creatingUser");
        coded_at = hearsay_refi_prop (c, "creationDateTime");
        coding_notes = g_string_new (notes->str);
        hearsay_refi_append_notes (r, c, coding_notes);
        ann = find_label (sel, code->label);
        if (ann == NULL)
          ann = new_annotation (sel, code->label, user_name (r, coder ? coder : sel_user),
                                coded_at ? coded_at : created, modified);
        append_note (ann, coding_notes->str);
        if (code->attribute != NULL)
          hearsay_annotation_add_attribute_value (ann, code->attribute, code->value);
      }
  if (n_codings == 0)
    {
      HearsayAnnotation *ann;

      if (!hearsay_refi_ensure_label (r, HEARSAY_REFI_UNCODED, _("Uncoded"),
                                      _("A REFI-QDA selection that carried no code"), error))
        return FALSE;
      ann = new_annotation (sel, HEARSAY_REFI_UNCODED, user_name (r, sel_user), created, modified);
      append_note (ann, notes->str);
      r->n_uncoded++;
    }
  return TRUE;
}

/* Converts and checks a selection's span; reports it when it is left out. */
static gboolean
place_span (RefiImport                    *r,
            HearsayOffsetReader           *reader,
            const HearsayOffsetConvention *convention,
            HearsayTextIndex              *index,
            gint64                         start,
            gint64                         end,
            guint                          line,
            gint64                        *stored_start,
            gint64                        *stored_end)
{
  g_autofree char *unit = hearsay_offset_convention_describe (convention);
  g_autoptr(GError) local_error = NULL;

  if (end <= start)
    {
      hearsay_import_skip (r->ctx, r->xml_name, line,
                           end == start ? _("the selection %" PRId64 "–%" PRId64 " is empty; "
                                            "it is left out")
                                        : _("the selection %" PRId64 "–%" PRId64 " ends before "
                                            "it starts; it is left out"),
                           start, end);
      return FALSE;
    }
  if (!hearsay_offset_reader_to_stored (reader, start, stored_start) ||
      !hearsay_offset_reader_to_stored (reader, end, stored_end))
    {
      if (end > hearsay_offset_reader_get_length (reader))
        hearsay_import_skip (r->ctx, r->xml_name, line,
                             _("the selection %" PRId64 "–%" PRId64 " ends past the source's "
                               "text, which has %" PRId64 " (counted in %s); it is left out"),
                             start, end, hearsay_offset_reader_get_length (reader), unit);
      else
        hearsay_import_skip (r->ctx, r->xml_name, line,
                             _("the selection %" PRId64 "–%" PRId64 " falls inside a character "
                               "of the source (counted in %s); it is left out, not moved"),
                             start, end, unit);
      return FALSE;
    }
  if (!hearsay_text_index_check_span (index, *stored_start, *stored_end, &local_error))
    {
      hearsay_import_skip (r->ctx, r->xml_name, line,
                           _("the selection %" PRId64 "–%" PRId64 " (counted in %s): %s; "
                             "it is left out"), start, end, unit, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
same_attributes (HearsayAnnotation *a,
                 HearsayAnnotation *b)
{
  g_auto(GStrv) na = hearsay_annotation_dup_attribute_names (a);
  g_auto(GStrv) nb = hearsay_annotation_dup_attribute_names (b);

  if (g_strv_length (na) != g_strv_length (nb))
    return FALSE;
  for (guint i = 0; na[i]; i++)
    if (!g_strv_equal ((const char * const *) hearsay_annotation_get_attribute_values (a, na[i]),
                       (const char * const *) hearsay_annotation_get_attribute_values (b, na[i])))
      return FALSE;
  return TRUE;
}

/* @next continues @sel: the same codes, coder and note, and no overlap. */
static gboolean
can_continue (Selection *sel,
              Selection *next)
{
  if (sel->annotations->len != next->annotations->len || sel->annotations->len == 0)
    return FALSE;
  for (guint i = 0; i < sel->annotations->len; i++)
    {
      HearsayAnnotation *a = g_ptr_array_index (sel->annotations, i);
      HearsayAnnotation *b = find_label (next, hearsay_annotation_get_label (a));

      if (b == NULL || g_strcmp0 (hearsay_annotation_get_annotator (a), hearsay_annotation_get_annotator (b)) != 0 ||
          !same_attributes (a, b) ||
          (hearsay_annotation_get_note (b) != NULL &&
           g_strcmp0 (hearsay_annotation_get_note (a), hearsay_annotation_get_note (b)) != 0))
        return FALSE;
      for (guint j = 0; j < hearsay_annotation_get_n_fragments (a); j++)
        {
          const HearsayFragment *f = hearsay_annotation_get_fragment (a, j);

          if (next->start < f->end && f->start < next->end)
            return FALSE;
        }
    }
  return TRUE;
}

static void
merge_continuations (RefiImport *r,
                     GHashTable *by_key)
{
  for (guint i = 0; i < r->links->len; i++)
    {
      RefiLink *link = g_ptr_array_index (r->links, i);
      Selection *sel, *next;

      if (link->used || !hearsay_refi_is_continuation (link->name) ||
          (sel = g_hash_table_lookup (by_key, link->origin)) == NULL ||
          (next = g_hash_table_lookup (by_key, link->target)) == NULL)
        continue;
      while (sel->into != NULL)
        sel = sel->into;
      if (next->into != NULL || next == sel || !sel->valid || !next->valid || !can_continue (sel, next))
        continue;
      for (guint j = 0; j < sel->annotations->len; j++)
        hearsay_annotation_add_fragment (g_ptr_array_index (sel->annotations, j), next->start, next->end);
      next->into = sel;
      link->used = TRUE;
      g_hash_table_replace (r->merged_into, g_strdup (next->key), g_strdup (sel->key));
    }
}

/* QualCoder writes an annotation as a Note that holds its span, which the
 * TextSource points at: it goes to the coded selections of that span, or
 * becomes an uncoded annotation of its own. */
static gboolean
span_notes (RefiImport                    *r,
            xmlNode                       *source,
            GPtrArray                     *selections,
            HearsayOffsetReader           *reader,
            const HearsayOffsetConvention *convention,
            HearsayTextIndex              *index,
            GError                       **error)
{
  for (xmlNode *c = source->children; c; c = c->next)
    {
      g_autofree char *target = NULL, *key = NULL;
      RefiNote *note;
      Selection *own = NULL;
      gint64 s, e;
      gboolean placed = FALSE;

      if (!hearsay_refi_is_element (c, "NoteRef"))
        continue;
      target = hearsay_refi_prop (c, "targetGUID");
      key = hearsay_refi_guid_key (target);
      note = g_hash_table_lookup (r->notes, key);
      if (note == NULL || !note->has_span || note->used)
        continue;
      note->used = TRUE;
      if (!place_span (r, reader, convention, index, note->start, note->end, note->line, &s, &e))
        continue;
      for (guint i = 0; i < selections->len; i++)
        {
          Selection *sel = g_ptr_array_index (selections, i);

          if (sel->valid && sel->into == NULL && sel->start == s && sel->end == e &&
              sel->annotations->len > 0 &&
              g_strcmp0 (hearsay_annotation_get_label (g_ptr_array_index (sel->annotations, 0)),
                         HEARSAY_REFI_UNCODED) != 0)
            {
              for (guint j = 0; j < sel->annotations->len; j++)
                append_note (g_ptr_array_index (sel->annotations, j), note->text);
              placed = TRUE;
            }
        }
      if (placed)
        continue;
      if (!hearsay_refi_ensure_label (r, HEARSAY_REFI_UNCODED, _("Uncoded"),
                                      _("A REFI-QDA selection that carried no code"), error))
        return FALSE;
      own = g_new0 (Selection, 1);
      own->key = g_strdup (key);
      own->line = note->line;
      own->start = s;
      own->end = e;
      own->valid = TRUE;
      own->annotations = g_ptr_array_new_with_free_func (g_object_unref);
      append_note (new_annotation (own, HEARSAY_REFI_UNCODED, user_name (r, note->user), NULL, NULL), note->text);
      g_ptr_array_add (selections, own);
      r->n_uncoded++;
    }
  return TRUE;
}

gboolean
hearsay_refi_read_source (RefiImport  *r,
                          xmlNode     *source,
                          const char  *title,
                          GError     **error)
{
  g_autofree char *name = hearsay_refi_prop (source, "name");
  g_autofree char *guid = hearsay_refi_prop (source, "guid");
  g_autofree char *entry = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(HearsayTextIndex) index = NULL;
  g_autoptr(HearsayOffsetReader) reader = NULL;
  g_autoptr(GPtrArray) selections = g_ptr_array_new_with_free_func (selection_free);
  g_autoptr(GPtrArray) case_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (HearsayRefiSpan));
  HearsayImportOptions options = { 0 };
  HearsayOffsetConvention convention;
  gboolean names_are_quotes;

  if (title == NULL)
    title = name;
  if (!source_bytes (r, source, title, &bytes, &entry, &local_error))
    {
      /* Left out (reported), or refused. */
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  where = g_strdup_printf ("%s:%s", r->path, entry);
  options.title = title;
  options.no_boilerplate = TRUE;
  doc = hearsay_import_text_bytes (where, bytes, &options, &local_error);
  if (doc == NULL)
    return hearsay_import_fail (error, r->xml_name, hearsay_refi_line (source), "%s", local_error->message);
  g_hash_table_replace (r->kinds, hearsay_refi_guid_key (guid), "source");

  for (xmlNode *c = source->children; c; c = c->next)
    {
      g_autofree char *start = NULL, *end = NULL, *sel_guid = NULL;
      Selection *sel;

      if (!hearsay_refi_is_element (c, "PlainTextSelection"))
        continue;
      sel = g_new0 (Selection, 1);
      sel->node = c;
      sel->line = hearsay_refi_line (c);
      sel->annotations = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (selections, sel);
      sel_guid = hearsay_refi_prop (c, "guid");
      sel->key = hearsay_refi_guid_key (sel_guid);
      sel->name = hearsay_refi_prop (c, "name");
      start = hearsay_refi_prop (c, "startPosition");
      end = hearsay_refi_prop (c, "endPosition");
      if (!parse_position (start, &sel->file_start) || !parse_position (end, &sel->file_end))
        return hearsay_import_fail (error, r->xml_name, sel->line,
                                    _("a PlainTextSelection needs numeric startPosition and endPosition"));
      g_hash_table_replace (r->kinds, g_strdup (sel->key), "selection");
      g_hash_table_insert (by_key, sel->key, sel);
      g_array_append_val (spans, ((HearsayRefiSpan) { sel->file_start, sel->file_end, sel->name }));
      /* NVivo codes a source to a case with the case's node. */
      for (xmlNode *k = c->children; k; k = k->next)
        if (hearsay_refi_is_element (k, "Coding"))
          {
            g_autofree char *target = hearsay_refi_prop (hearsay_refi_child (k, "CodeRef"), "targetGUID");
            g_autofree char *key = hearsay_refi_guid_key (target);
            RefiCode *code = g_hash_table_lookup (r->codes, key);

            if (code != NULL && code->case_name != NULL &&
                !g_ptr_array_find_with_equal_func (case_keys, key, g_str_equal, NULL))
              g_ptr_array_add (case_keys, g_steal_pointer (&key));
          }
    }
  hearsay_refi_apply_metadata (r, doc, source, case_keys);
  if (!hearsay_import_store_document (r->ctx, doc, FALSE, error))
    return FALSE;
  r->n_sources++;
  if (case_keys->len > 0)
    hearsay_import_note (r->ctx, where, 0, _("cases its selections are coded to (NVivo's case nodes), kept "
                                             "as the field “cases”: %u"), case_keys->len);

  index = hearsay_text_index_new (hearsay_document_get_text (doc));
  hearsay_refi_choose_convention (r, where, index, (HearsayRefiSpan *) spans->data, spans->len,
                                  &convention, &names_are_quotes);
  reader = hearsay_offset_reader_new (hearsay_document_get_text (doc), &convention);
  for (guint i = 0; i < selections->len; i++)
    {
      Selection *sel = g_ptr_array_index (selections, i);

      if (!place_span (r, reader, &convention, index, sel->file_start, sel->file_end, sel->line,
                       &sel->start, &sel->end))
        continue;
      if (names_are_quotes && sel->name != NULL && *sel->name != '\0' &&
          !hearsay_refi_name_matches (index, sel->start, sel->end, sel->name))
        {
          g_autofree char *quote = hearsay_text_substring (hearsay_document_get_text (doc), sel->start, sel->end);
          g_autofree char *short_quote = hearsay_import_excerpt (quote, 60);
          g_autofree char *short_name = hearsay_import_excerpt (sel->name, 60);

          if (!hearsay_import_quote_mismatch (r->ctx, error, r->xml_name, sel->line,
                                              _("the selection's name “%s” is not the text at its place, “%s”; "
                                                "it is left out"), short_name, short_quote))
            return FALSE;
          continue;
        }
      sel->valid = TRUE;
      if (!code_selection (r, sel, error))
        return FALSE;
    }
  if (!span_notes (r, source, selections, reader, &convention, index, error))
    return FALSE;
  merge_continuations (r, by_key);

  for (guint i = 0; i < selections->len; i++)
    {
      Selection *sel = g_ptr_array_index (selections, i);

      for (guint j = 0; sel->valid && sel->into == NULL && j < sel->annotations->len; j++)
        {
          HearsayAnnotation *ann = g_ptr_array_index (sel->annotations, j);

          hearsay_annotation_set_document_id (ann, hearsay_document_get_id (doc));
          if (!hearsay_import_store_annotation (r->ctx, index, ann, "refi-qda", r->xml_name, sel->line, error))
            return FALSE;
          hearsay_document_set_n_annotations (doc, hearsay_document_get_n_annotations (doc) + 1);
          if (j == 0 && !g_hash_table_contains (r->stored, sel->key))
            {
              RefiStored *stored = g_new0 (RefiStored, 1);

              stored->id = hearsay_annotation_get_id (ann);
              stored->annotator = g_strdup (hearsay_annotation_get_annotator (ann));
              g_hash_table_insert (r->stored, g_strdup (sel->key), stored);
            }
        }
    }
  return TRUE;
}
