/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-refi.c: REFI-QDA — a .qdpx project: a zip holding
 * project.qde and sources/<guid>.txt.
 *
 * Each document is a TextSource whose text is in the zip, with its
 * metadata and fields as VariableValues and its "description" field as
 * its Description (-codes.c writes the codebook, variables, cases and
 * sets); users are the annotators; each fragment is a PlainTextSelection
 * with a Coding for its label (a code even for a label outside the scheme)
 * and one per attribute value; the fragments of one annotation are chained
 * by "continued by" links (ATLAS.ti's name for it), relations are Links
 * between the first selections of their annotations, and notes are Notes
 * that selections point at. startPosition/endPosition count code points
 * (or the --offsets unit), end exclusive, into sources written with LF
 * line ends, from after a leading byte-order mark, as QualCoder and NVivo
 * count: REFI-QDA readers (QualCoder, the reference checks, in Python) read
 * sources with universal newlines, where CR LF is one character, and the
 * tools disagree on CR LF. The project's Description states all this.
 * GUIDs derive from the project path and Hearsay's ids, so exports are
 * reproducible. Sources, notes and links are streamed to temporary files
 * while the documents go into the zip; project.qde is put together from
 * them at the end. The zip is written by libarchive. Every string in the
 * XML goes through hearsay_xml_append_escaped(), which writes the
 * characters XML forbids (stray controls in scraped text) as U+FFFD; the
 * sources are plain text, written verbatim, and U+FFFD is one character
 * for one anyway, so positions stay exact.
 *
 * What REFI-QDA cannot carry is reported (hearsay_export_warn): relations
 * to entities, relations to annotations outside the export, relations'
 * annotators and times, CR of CR LF line ends, a span starting at the BOM,
 * times that are not xsd:dateTime. */
#include "config.h"

#include <inttypes.h>
#include <archive.h>
#include <archive_entry.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-export-refi-private.h"
#include "hearsay-relation.h"
#include "hearsay-xml-safety.h"

#define BOM "\xEF\xBB\xBF"

static la_ssize_t
zip_write (struct archive *archive,
           void           *data,
           const void     *buffer,
           size_t          length)
{
  HearsayExportContext *ctx = data;
  RefiState *state = ctx->data;

  if (state->zip_error == NULL &&
      g_output_stream_write_all (ctx->out, buffer, length, NULL, ctx->cancellable, &state->zip_error))
    return length;
  archive_set_error (archive, EIO, "%s", state->zip_error->message);
  return -1;
}

static gboolean
zip_failed (RefiState  *state,
            GError    **error)
{
  if (state->zip_error != NULL)
    g_propagate_error (error, g_steal_pointer (&state->zip_error));
  else
    g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_FAILED,
                 _("Cannot write the zip archive: %s"), archive_error_string (state->zip));
  return FALSE;
}

static gboolean
zip_add (RefiState   *state,
         const char  *name,
         const char  *data,
         gsize        size,
         GError     **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gboolean ok;

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  /* A fixed time keeps exports byte-for-byte reproducible. */
  archive_entry_set_mtime (entry, 315532800, 0);
  ok = archive_write_header (state->zip, entry) == ARCHIVE_OK &&
       (size == 0 || archive_write_data (state->zip, data, size) == (la_ssize_t) size);
  archive_entry_free (entry);
  return ok || zip_failed (state, error);
}

static void
refi_state_free (gpointer data)
{
  RefiState *state = data;
  GFileIOStream **streams[] = { &state->sources, &state->notes, &state->links };
  GFile **files[] = { &state->sources_file, &state->notes_file, &state->links_file };

  if (state->zip != NULL)
    archive_write_free (state->zip);
  g_clear_error (&state->zip_error);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_clear_object (streams[i]);
      if (*files[i] != NULL)
        g_file_delete (*files[i], NULL, NULL);
      g_clear_object (files[i]);
    }
  g_hash_table_unref (state->users);
  g_ptr_array_unref (state->user_order);
  g_ptr_array_unref (state->extra_labels);
  g_hash_table_unref (state->extra_values);
  g_hash_table_unref (state->variables);
  g_ptr_array_unref (state->variable_order);
  g_hash_table_unref (state->cases);
  g_ptr_array_unref (state->case_order);
  g_hash_table_unref (state->sets);
  g_ptr_array_unref (state->set_order);
  g_free (state);
}

static gboolean
qdpx_begin (HearsayExportContext  *ctx,
            GError               **error)
{
  RefiState *state = g_new0 (RefiState, 1);

  ctx->data = state;
  state->users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  state->user_order = g_ptr_array_new ();
  state->extra_labels = g_ptr_array_new_with_free_func (g_free);
  state->extra_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  state->variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state->variable_order = g_ptr_array_new_with_free_func (g_free);
  state->cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  state->case_order = g_ptr_array_new_with_free_func (g_free);
  state->sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  state->set_order = g_ptr_array_new_with_free_func (g_free);
  if ((state->sources_file = g_file_new_tmp ("hearsay-qde-XXXXXX", &state->sources, error)) == NULL ||
      (state->notes_file = g_file_new_tmp ("hearsay-qde-XXXXXX", &state->notes, error)) == NULL ||
      (state->links_file = g_file_new_tmp ("hearsay-qde-XXXXXX", &state->links, error)) == NULL)
    return FALSE;
  state->zip = archive_write_new ();
  if (archive_write_set_format_zip (state->zip) != ARCHIVE_OK ||
      archive_write_set_bytes_in_last_block (state->zip, 1) != ARCHIVE_OK ||
      archive_write_open2 (state->zip, ctx, NULL, zip_write, NULL, NULL) != ARCHIVE_OK)
    return zip_failed (state, error);
  return TRUE;
}

static const char *
user_guid (HearsayExportContext *ctx,
           RefiState            *state,
           const char           *name)
{
  char *guid;

  if (name == NULL || *name == '\0')
    return NULL;
  guid = g_hash_table_lookup (state->users, name);
  if (guid == NULL)
    {
      g_autofree char *key = g_strconcat ("user:", name, NULL);
      char *copy = g_strdup (name);

      guid = hearsay_export_guid (ctx, key);
      g_hash_table_insert (state->users, copy, guid);
      g_ptr_array_add (state->user_order, copy);
    }
  return guid;
}

static void
append_time (RefiState  *state,
             GString    *s,
             const char *attribute,
             const char *time)
{
  if (time == NULL || *time == '\0')
    return;
  if (!hearsay_refi_is_date_time (time))
    {
      state->n_bad_times++;
      return;
    }
  g_string_append_printf (s, " %s=\"", attribute);
  hearsay_xml_append_escaped (s, time);
  g_string_append_c (s, '"');
}

static void
append_coding (HearsayExportContext *ctx,
               GString              *s,
               const char           *user,
               const char           *selection,
               guint                 n,
               const char           *code)
{
  g_string_append (s, "<Coding");
  hearsay_refi_append_guid (ctx, s, "guid", "coding:%s:%u", selection, n);
  if (user)
    g_string_append_printf (s, " creatingUser=\"%s\"", user);
  g_string_append (s, "><CodeRef");
  hearsay_refi_append_guid (ctx, s, "targetGUID", "code:%s", code);
  g_string_append (s, "/></Coding>");
}

/* A stored offset in the export's unit, counted from after a leading BOM
 * (QualCoder and NVivo count so); a span from the BOM starts after it. */
static gint64
position (RefiState        *state,
          HearsayOffsetMap *map,
          gint64            bom,
          gint64            offset,
          gboolean          start)
{
  gint64 unit = hearsay_offset_map_to_unit (map, offset);

  if (unit < bom)
    {
      state->n_bom_spans += start;
      return 0;
    }
  return unit - bom;
}

static void
append_selection (HearsayExportContext *ctx,
                  RefiState            *state,
                  GString              *s,
                  HearsayOffsetMap     *map,
                  gint64                bom,
                  HearsayAnnotation    *ann,
                  guint                 j)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);
  const char *label = hearsay_annotation_get_label (ann);
  const HearsayFragment *f = hearsay_annotation_get_fragment (ann, j);
  const char *user = user_guid (ctx, state, hearsay_annotation_get_annotator (ann));
  const char *note = hearsay_annotation_get_note (ann);
  g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);
  g_autofree char *selection = g_strdup_printf ("%" PRId64 ":%u", hearsay_annotation_get_id (ann), j);
  gint64 start = position (state, map, bom, f->start, TRUE);
  gint64 end = position (state, map, bom, f->end, FALSE);
  guint n = 0;

  g_string_append (s, "<PlainTextSelection");
  hearsay_refi_append_guid (ctx, s, "guid", "selection:%s", selection);
  g_string_append (s, " name=\"");
  hearsay_xml_append_escaped (s, label);
  g_string_append_printf (s, "\" startPosition=\"%" PRId64 "\" endPosition=\"%" PRId64 "\"", start, MAX (start, end));
  if (user)
    g_string_append_printf (s, " creatingUser=\"%s\"", user);
  append_time (state, s, "creationDateTime", hearsay_annotation_get_created_at (ann));
  append_time (state, s, "modifiedDateTime", hearsay_annotation_get_modified_at (ann));
  g_string_append_c (s, '>');
  hearsay_refi_use_label (state, scheme, label);
  append_coding (ctx, s, user, selection, n++, label);
  for (guint i = 0; names[i]; i++)
    {
      const char * const *values = hearsay_annotation_get_attribute_values (ann, names[i]);

      for (guint k = 0; values[k]; k++)
        {
          g_autofree char *code = hearsay_refi_use_value (state, scheme, label, names[i], values[k]);

          append_coding (ctx, s, user, selection, n++, code);
        }
    }
  if (note != NULL && *note != '\0')
    {
      g_string_append (s, "<NoteRef");
      hearsay_refi_append_guid (ctx, s, "targetGUID", "note:%" PRId64, hearsay_annotation_get_id (ann));
      g_string_append (s, "/>");
    }
  g_string_append (s, "</PlainTextSelection>\n");
}

static void
append_link (HearsayExportContext *ctx,
             GString              *s,
             const char           *key,
             const char           *name,
             gboolean              symmetric,
             gint64                from,
             gint64                to)
{
  g_string_append (s, "<Link");
  hearsay_refi_append_guid (ctx, s, "guid", "link:%s", key);
  g_string_append (s, " name=\"");
  hearsay_xml_append_escaped (s, name);
  g_string_append_printf (s, "\" direction=\"%s\"", symmetric ? "Bidirectional" : "OneWay");
  hearsay_refi_append_guid (ctx, s, "originGUID", "selection:%" PRId64 ":0", from);
  hearsay_refi_append_guid (ctx, s, "targetGUID", "selection:%" PRId64 ":0", to);
  g_string_append (s, "/>\n");
}

static gboolean
document_exported (HearsayExportContext *ctx,
                   gint64                document_id)
{
  if (ctx->options->document_ids == NULL)
    return TRUE;
  for (guint i = 0; i < ctx->options->n_document_ids; i++)
    if (ctx->options->document_ids[i] == document_id)
      return TRUE;
  return FALSE;
}

/* The relations of this document's annotations whose targets are in the
 * export, as links. */
static gboolean
append_relations (HearsayExportContext *ctx,
                  RefiState            *state,
                  GString              *s,
                  HearsayDocument      *doc,
                  GHashTable           *kept,
                  GError              **error)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);
  g_autoptr(GPtrArray) relations = hearsay_project_list_relations (ctx->project, hearsay_document_get_id (doc), error);

  if (relations == NULL)
    return FALSE;
  for (guint i = 0; i < relations->len; i++)
    {
      const HearsayRelation *r = g_ptr_array_index (relations, i);
      const HearsayRelationType *type = hearsay_scheme_lookup_relation_type (scheme, r->type);
      g_autoptr(HearsayAnnotation) target = NULL;
      g_autofree char *key = NULL;

      /* A relation from an excluded annotation goes with it. */
      if (!g_hash_table_contains (kept, &r->from_id) || !hearsay_export_keeps_relation (ctx, r))
        continue;
      if (r->to_id <= 0)
        {
          state->n_entity_relations++;
          continue;
        }
      target = hearsay_project_get_annotation (ctx->project, r->to_id, NULL);
      if (target != NULL && !hearsay_export_keeps_annotation (ctx, r->to_id))
        continue;
      if (target == NULL || !document_exported (ctx, hearsay_annotation_get_document_id (target)))
        {
          state->n_outside_relations++;
          continue;
        }
      key = g_strdup_printf ("%" PRId64, r->id);
      append_link (ctx, s, key, r->type, type != NULL && type->symmetric, r->from_id, r->to_id);
      state->n_links++;
    }
  return TRUE;
}

static gboolean
write_to (GFileIOStream  *stream,
          GString        *s,
          GCancellable   *cancellable,
          GError        **error)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (stream));
  gboolean ok = s->len == 0 || g_output_stream_write_all (out, s->str, s->len, NULL, cancellable, error);

  g_string_truncate (s, 0);
  return ok;
}

static void
append_note (HearsayExportContext *ctx,
             RefiState            *state,
             GString              *notes,
             HearsayAnnotation    *ann)
{
  const char *user = user_guid (ctx, state, hearsay_annotation_get_annotator (ann));

  g_string_append (notes, "<Note");
  hearsay_refi_append_guid (ctx, notes, "guid", "note:%" PRId64, hearsay_annotation_get_id (ann));
  g_string_append_printf (notes, " name=\"note %" PRId64 "\"", hearsay_annotation_get_id (ann));
  if (user)
    g_string_append_printf (notes, " creatingUser=\"%s\"", user);
  g_string_append (notes, "><PlainTextContent>");
  hearsay_xml_append_escaped (notes, hearsay_annotation_get_note (ann));
  g_string_append (notes, "</PlainTextContent></Note>\n");
}

static gboolean
qdpx_document (HearsayDocument  *doc,
               gpointer          data,
               GError          **error)
{
  HearsayExportContext *ctx = data;
  RefiState *state = ctx->data;
  g_autoptr(HearsayOffsetMap) map = hearsay_offset_map_new (hearsay_document_get_text (doc),
                                                            ctx->options->offset_unit,
                                                            HEARSAY_NEWLINES_LF);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GString) links = g_string_new (NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *key = g_strdup_printf ("document:%" PRId64, hearsay_document_get_id (doc));
  g_autofree char *guid = hearsay_export_guid (ctx, key);
  g_autofree char *entry = g_strdup_printf ("sources/%s.txt", guid);
  const char * const *description = hearsay_document_get_field (doc, "description");
  gint64 bom = g_str_has_prefix (hearsay_offset_map_get_text (map), BOM)
               ? (ctx->options->offset_unit == HEARSAY_OFFSET_BYTE ? 3 : 1) : 0;
  GString *s = ctx->buffer;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  annotations = hearsay_export_annotations (ctx, hearsay_document_get_id (doc), error);
  if (annotations == NULL ||
      !zip_add (state, entry, hearsay_offset_map_get_text (map), hearsay_offset_map_get_text_size (map), error))
    return FALSE;
  state->n_crlf += strstr (hearsay_document_get_text (doc), "\r\n") != NULL;

  g_string_append_printf (s, "<TextSource guid=\"%s\" name=\"", guid);
  hearsay_xml_append_escaped (s, hearsay_document_get_title (doc) ? hearsay_document_get_title (doc) : key);
  g_string_append_printf (s, "\" plainTextPath=\"internal://%s.txt\">\n", guid);
  if (description != NULL && description[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n\n", (char **) description);

      g_string_append (s, "<Description>");
      hearsay_xml_append_escaped (s, joined);
      g_string_append (s, "</Description>\n");
    }
  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
      const char *note = hearsay_annotation_get_note (ann);
      guint n = hearsay_annotation_get_n_fragments (ann);

      g_hash_table_add (kept, g_memdup2 (&(gint64) { hearsay_annotation_get_id (ann) }, sizeof (gint64)));
      for (guint j = 0; j < n; j++)
        append_selection (ctx, state, s, map, bom, ann, j);
      /* One annotation's fragments: each continues into the next. */
      for (guint j = 0; j + 1 < n; j++)
        {
          g_string_append (links, "<Link");
          hearsay_refi_append_guid (ctx, links, "guid", "link:%" PRId64 ":%u", hearsay_annotation_get_id (ann), j);
          g_string_append (links, " name=\"continued by\" direction=\"OneWay\"");
          hearsay_refi_append_guid (ctx, links, "originGUID", "selection:%" PRId64 ":%u", hearsay_annotation_get_id (ann), j);
          hearsay_refi_append_guid (ctx, links, "targetGUID", "selection:%" PRId64 ":%u",
                                    hearsay_annotation_get_id (ann), j + 1);
          g_string_append (links, "/>\n");
        }
      if (note != NULL && *note != '\0')
        append_note (ctx, state, notes, ann);
    }
  hearsay_refi_append_variables (ctx, state, doc, guid, s);
  g_string_append (s, "</TextSource>\n");
  return append_relations (ctx, state, links, doc, kept, error) &&
         write_to (state->sources, s, ctx->cancellable, error) &&
         write_to (state->notes, notes, ctx->cancellable, error) &&
         write_to (state->links, links, ctx->cancellable, error);
}

/* Copies a temporary part into the open zip entry. */
static gboolean
copy_part (RefiState     *state,
           GFileIOStream *stream,
           GCancellable  *cancellable,
           GError       **error)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (stream));
  char buffer[64 * 1024];
  gssize n;

  if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error))
    return FALSE;
  while ((n = g_input_stream_read (in, buffer, sizeof buffer, cancellable, error)) > 0)
    if (archive_write_data (state->zip, buffer, n) != n)
      return zip_failed (state, error);
  return n == 0;
}

static void
warn_losses (HearsayExportContext *ctx,
             RefiState            *state)
{
  if (state->n_crlf > 0)
    hearsay_export_warn (ctx, "qdpx: %u documents have CR LF line ends; their sources are written with LF "
                         "(REFI-QDA tools count CR LF differently), so they come back with LF", state->n_crlf);
  if (state->n_bom_spans > 0)
    hearsay_export_warn (ctx, "qdpx: %u spans start at the byte-order mark; they are written from after it",
                         state->n_bom_spans);
  if (state->n_entity_relations > 0)
    hearsay_export_warn (ctx, "qdpx: %u relations to entities are left out (REFI-QDA links join selections)",
                         state->n_entity_relations);
  if (state->n_outside_relations > 0)
    hearsay_export_warn (ctx, "qdpx: %u relations to annotations outside the export are left out",
                         state->n_outside_relations);
  if (state->n_links > 0)
    hearsay_export_warn (ctx, "qdpx: %u relations are written as links without their annotator and time "
                         "(REFI-QDA links carry neither)", state->n_links);
  if (state->n_bad_times > 0)
    hearsay_export_warn (ctx, "qdpx: %u annotation times are not ISO 8601 date-times (xsd:dateTime) and are "
                         "left out", state->n_bad_times);
}

static gboolean
write_data (RefiState   *state,
            GString     *s,
            GError     **error)
{
  return archive_write_data (state->zip, s->str, s->len) == (la_ssize_t) s->len || zip_failed (state, error);
}

static gboolean
qdpx_end (HearsayExportContext  *ctx,
          GError               **error)
{
  RefiState *state = ctx->data;
  g_autofree char *name = hearsay_project_dup_name (ctx->project);
  g_autoptr(GString) head = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"");
  g_autoptr(GString) after_sources = g_string_new (NULL);
  g_autoptr(GString) after_notes = g_string_new (NULL);
  g_autoptr(GString) tail = g_string_new (NULL);
  goffset sources_size = g_seekable_tell (G_SEEKABLE (state->sources));
  goffset notes_size = g_seekable_tell (G_SEEKABLE (state->notes));
  goffset links_size = g_seekable_tell (G_SEEKABLE (state->links));
  struct archive_entry *entry;
  gboolean ok;

  hearsay_xml_append_escaped (head, name ? name : "Hearsay");
  g_string_append (head, "\" origin=\"Hearsay " PACKAGE_VERSION "\">\n");
  if (state->user_order->len > 0)
    {
      g_string_append (head, "<Users>\n");
      for (guint i = 0; i < state->user_order->len; i++)
        {
          const char *user = g_ptr_array_index (state->user_order, i);

          g_string_append_printf (head, "<User guid=\"%s\" name=\"",
                                  (const char *) g_hash_table_lookup (state->users, user));
          hearsay_xml_append_escaped (head, user);
          g_string_append (head, "\"/>\n");
        }
      g_string_append (head, "</Users>\n");
    }
  g_string_append (head, "<CodeBook>");
  hearsay_refi_append_codes (ctx, state, head);
  g_string_append (head, "</CodeBook>\n");
  hearsay_refi_append_variables_and_cases (ctx, state, head);
  if (sources_size > 0)
    {
      g_string_append (head, "<Sources>\n");
      g_string_append (after_sources, "</Sources>\n");
    }
  if (notes_size > 0)
    {
      g_string_append (after_sources, "<Notes>\n");
      g_string_append (after_notes, "</Notes>\n");
    }
  if (links_size > 0)
    {
      g_string_append (after_notes, "<Links>\n");
      g_string_append (tail, "</Links>\n");
    }
  hearsay_refi_append_sets (ctx, state, tail);
  g_string_append_printf (tail, "<Description>Exported by Hearsay. PlainTextSelection positions: "
                          "%s, end exclusive, counted from after a leading byte-order mark, in the sources "
                          "as written (line ends CRLF written as LF). Links named \"continued by\" join the "
                          "fragments of one annotation; other links are relations, named by their type."
                          "</Description>\n</Project>\n",
                          hearsay_offset_unit_to_string (ctx->options->offset_unit));

  entry = archive_entry_new ();
  archive_entry_set_pathname (entry, "project.qde");
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, 315532800, 0);
  archive_entry_set_size (entry, head->len + sources_size + after_sources->len + notes_size +
                                 after_notes->len + links_size + tail->len);
  ok = archive_write_header (state->zip, entry) == ARCHIVE_OK;
  archive_entry_free (entry);
  if (!ok)
    return zip_failed (state, error);
  if (!write_data (state, head, error) ||
      !copy_part (state, state->sources, ctx->cancellable, error) ||
      !write_data (state, after_sources, error) ||
      !copy_part (state, state->notes, ctx->cancellable, error) ||
      !write_data (state, after_notes, error) ||
      !copy_part (state, state->links, ctx->cancellable, error) ||
      !write_data (state, tail, error))
    return FALSE;
  if (archive_write_close (state->zip) != ARCHIVE_OK)
    return zip_failed (state, error);
  warn_losses (ctx, state);
  return TRUE;
}

const HearsayExportWriter hearsay_export_qdpx_writer = {
  .begin = qdpx_begin,
  .document = qdpx_document,
  .end = qdpx_end,
  .free_data = refi_state_free,
};
