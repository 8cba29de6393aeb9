/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-refi.c: REFI-QDA — a .qdpx project (a zip holding
 * project.qde and sources/<guid>.txt) and a .qdc codebook.
 *
 * Codes are the scheme's labels, with a child code per attribute value;
 * users are the annotators; each document is a TextSource whose text is in
 * the zip; each fragment a PlainTextSelection with a Coding for its label
 * and one per attribute value; notes are Notes that selections point at.
 * startPosition/endPosition count characters (code points, end exclusive),
 * as REFI-QDA does, into sources written with LF line ends; the project's
 * Description states the unit. GUIDs derive
 * from the project path and Hearsay's ids, so exports are reproducible.
 * Sources and notes are streamed to temporary files while the documents go
 * into the zip; project.qde is put together from them at the end. The zip
 * is written by libarchive. Every string in the XML goes through
 * hearsay_xml_append_escaped(), which writes the characters XML forbids
 * (stray controls in scraped text) as U+FFFD; the sources are plain text,
 * written verbatim, and U+FFFD is one character for one anyway, so
 * positions stay exact. */
#include "config.h"

#include <inttypes.h>
#include <archive.h>
#include <archive_entry.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-export-private.h"
#include "hearsay-xml-safety.h"

typedef struct
{
  struct archive *zip;
  GError *zip_error;
  GFileIOStream *sources;   /* the Sources element's content */
  GFileIOStream *notes;     /* the Notes element's content */
  GFile *sources_file;
  GFile *notes_file;
  GHashTable *users;        /* annotator name → guid, in order of meeting */
  GPtrArray *user_order;
} RefiState;

static void
append_guid (HearsayExportContext *ctx,
             GString              *s,
             const char           *attribute,
             const char           *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
append_guid (HearsayExportContext *ctx,
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

static void
append_codes (HearsayExportContext *ctx,
              GString              *s)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);

  g_string_append (s, "<Codes>\n");
  for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
    {
      const HearsayLabel *label = hearsay_scheme_get_label (scheme, i);

      g_string_append (s, "<Code");
      append_guid (ctx, s, "guid", "code:%s", label->id);
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

          if (def->kind == HEARSAY_ATTRIBUTE_TEXT)
            continue;
          if (def->kind == HEARSAY_ATTRIBUTE_BOOLEAN)
            {
              g_string_append (s, "<Code");
              append_guid (ctx, s, "guid", "code:%s.%s.true", label->id, def->id);
              g_string_append (s, " name=\"");
              hearsay_xml_append_escaped (s, def->id);
              g_string_append (s, "\" isCodable=\"true\"/>");
              continue;
            }
          for (guint k = 0; def->values && k < def->values->len; k++)
            {
              const HearsayValueDef *v = g_ptr_array_index (def->values, k);

              g_string_append (s, "<Code");
              append_guid (ctx, s, "guid", "code:%s.%s.%s", label->id, def->id, v->id);
              g_string_append (s, " name=\"");
              hearsay_xml_append_escaped (s, def->id);
              g_string_append (s, ": ");
              hearsay_xml_append_escaped (s, v->id);
              g_string_append (s, "\" isCodable=\"true\"/>");
            }
        }
      g_string_append (s, "</Code>\n");
    }
  g_string_append (s, "</Codes>\n");
}

/* The qdc codebook: one small file, no documents. */
static gboolean
qdc_begin (HearsayExportContext  *ctx,
           GError               **error)
{
  g_string_append (ctx->buffer, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Hearsay " PACKAGE_VERSION "\">\n");
  append_codes (ctx, ctx->buffer);
  g_string_append (ctx->buffer, "</CodeBook>\n");
  return hearsay_export_flush (ctx, error);
}

const HearsayExportWriter hearsay_export_qdc_writer = {
  .begin = qdc_begin,
};

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

  if (state->zip != NULL)
    archive_write_free (state->zip);
  g_clear_error (&state->zip_error);
  g_clear_object (&state->sources);
  g_clear_object (&state->notes);
  if (state->sources_file)
    g_file_delete (state->sources_file, NULL, NULL);
  if (state->notes_file)
    g_file_delete (state->notes_file, NULL, NULL);
  g_clear_object (&state->sources_file);
  g_clear_object (&state->notes_file);
  g_hash_table_unref (state->users);
  g_ptr_array_unref (state->user_order);
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
  state->sources_file = g_file_new_tmp ("hearsay-qde-XXXXXX", &state->sources, error);
  if (state->sources_file == NULL)
    return FALSE;
  state->notes_file = g_file_new_tmp ("hearsay-qde-XXXXXX", &state->notes, error);
  if (state->notes_file == NULL)
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
append_coding (HearsayExportContext *ctx,
               GString              *s,
               const char           *user,
               const char           *selection,
               guint                 n,
               const char           *code)
{
  g_string_append (s, "<Coding");
  append_guid (ctx, s, "guid", "coding:%s:%u", selection, n);
  if (user)
    g_string_append_printf (s, " creatingUser=\"%s\"", user);
  g_string_append (s, "><CodeRef");
  append_guid (ctx, s, "targetGUID", "code:%s", code);
  g_string_append (s, "/></Coding>");
}

static void
append_selection (HearsayExportContext *ctx,
                  RefiState            *state,
                  GString              *s,
                  HearsayOffsetMap     *map,
                  HearsayAnnotation    *ann,
                  guint                 j)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);
  const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, hearsay_annotation_get_label (ann));
  const HearsayFragment *f = hearsay_annotation_get_fragment (ann, j);
  const char *user = user_guid (ctx, state, hearsay_annotation_get_annotator (ann));
  const char *created = hearsay_annotation_get_created_at (ann);
  const char *note = hearsay_annotation_get_note (ann);
  g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);
  g_autofree char *selection = g_strdup_printf ("%" PRId64 ":%u", hearsay_annotation_get_id (ann), j);
  guint n = 0;

  g_string_append (s, "<PlainTextSelection");
  append_guid (ctx, s, "guid", "selection:%s", selection);
  g_string_append (s, " name=\"");
  hearsay_xml_append_escaped (s, hearsay_annotation_get_label (ann));
  g_string_append_printf (s, "\" startPosition=\"%" PRId64 "\" endPosition=\"%" PRId64 "\"",
                          hearsay_offset_map_to_unit (map, f->start), hearsay_offset_map_to_unit (map, f->end));
  if (user)
    g_string_append_printf (s, " creatingUser=\"%s\"", user);
  if (created)
    {
      g_string_append (s, " creationDateTime=\"");
      hearsay_xml_append_escaped (s, created);
      g_string_append_c (s, '"');
    }
  g_string_append_c (s, '>');
  if (label == NULL)
    {
      hearsay_export_warn (ctx, "qdpx: annotation %" PRId64 " has a label outside the scheme (%s)",
                           hearsay_annotation_get_id (ann), hearsay_annotation_get_label (ann));
    }
  else
    {
      append_coding (ctx, s, user, selection, n++, label->id);
      for (guint i = 0; names[i]; i++)
        {
          const HearsayAttributeDef *def = hearsay_label_lookup_attribute (label, names[i]);
          const char * const *values = hearsay_annotation_get_attribute_values (ann, names[i]);

          for (guint k = 0; def && values[k]; k++)
            {
              g_autofree char *code = NULL;

              if (def->kind == HEARSAY_ATTRIBUTE_BOOLEAN ? g_strcmp0 (values[k], "true") != 0
                                                         : hearsay_attribute_lookup_value (def, values[k]) == NULL)
                continue;
              code = g_strdup_printf ("%s.%s.%s", label->id, def->id, values[k]);
              append_coding (ctx, s, user, selection, n++, code);
            }
        }
    }
  if (note != NULL && *note != '\0')
    {
      g_string_append (s, "<NoteRef");
      append_guid (ctx, s, "targetGUID", "note:%" PRId64, hearsay_annotation_get_id (ann));
      g_string_append (s, "/>");
    }
  g_string_append (s, "</PlainTextSelection>\n");
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

static gboolean
qdpx_document (HearsayDocument  *doc,
               gpointer          data,
               GError          **error)
{
  HearsayExportContext *ctx = data;
  RefiState *state = ctx->data;
  /* REFI-QDA readers (QualCoder and the reference checks, in Python) read
   * sources with universal newlines, where CRLF is one character: sources
   * are written with LF so that positions agree. */
  g_autoptr(HearsayOffsetMap) map = hearsay_offset_map_new (hearsay_document_get_text (doc),
                                                            ctx->options->offset_unit,
                                                            HEARSAY_NEWLINES_LF);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *key = g_strdup_printf ("document:%" PRId64, hearsay_document_get_id (doc));
  g_autofree char *guid = hearsay_export_guid (ctx, key);
  g_autofree char *entry = g_strdup_printf ("sources/%s.txt", guid);
  GString *s = ctx->buffer;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  annotations = hearsay_export_annotations (ctx, hearsay_document_get_id (doc), error);
  if (annotations == NULL ||
      !zip_add (state, entry, hearsay_offset_map_get_text (map), hearsay_offset_map_get_text_size (map), error))
    return FALSE;

  g_string_append_printf (s, "<TextSource guid=\"%s\" name=\"", guid);
  hearsay_xml_append_escaped (s, hearsay_document_get_title (doc) ? hearsay_document_get_title (doc) : key);
  g_string_append_printf (s, "\" plainTextPath=\"internal://%s.txt\">\n", guid);
  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
      const char *note = hearsay_annotation_get_note (ann);

      for (guint j = 0; j < hearsay_annotation_get_n_fragments (ann); j++)
        append_selection (ctx, state, s, map, ann, j);
      if (note != NULL && *note != '\0')
        {
          const char *user = user_guid (ctx, state, hearsay_annotation_get_annotator (ann));

          g_string_append (notes, "<Note");
          append_guid (ctx, notes, "guid", "note:%" PRId64, hearsay_annotation_get_id (ann));
          g_string_append_printf (notes, " name=\"note %" PRId64 "\"", hearsay_annotation_get_id (ann));
          if (user)
            g_string_append_printf (notes, " creatingUser=\"%s\"", user);
          g_string_append (notes, "><PlainTextContent>");
          hearsay_xml_append_escaped (notes, note);
          g_string_append (notes, "</PlainTextContent></Note>\n");
        }
    }
  g_string_append (s, "</TextSource>\n");
  return write_to (state->sources, s, ctx->cancellable, error) &&
         write_to (state->notes, notes, ctx->cancellable, error);
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

static gboolean
qdpx_end (HearsayExportContext  *ctx,
          GError               **error)
{
  RefiState *state = ctx->data;
  g_autofree char *name = hearsay_project_dup_name (ctx->project);
  g_autoptr(GString) head = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"");
  g_autoptr(GString) middle = g_string_new (NULL);
  g_autoptr(GString) tail = g_string_new (NULL);
  goffset sources_size = g_seekable_tell (G_SEEKABLE (state->sources));
  goffset notes_size = g_seekable_tell (G_SEEKABLE (state->notes));
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
  append_codes (ctx, head);
  g_string_append (head, "</CodeBook>\n");
  if (sources_size > 0)
    {
      g_string_append (head, "<Sources>\n");
      g_string_append (middle, "</Sources>\n");
    }
  if (notes_size > 0)
    g_string_append (middle, "<Notes>\n");
  if (notes_size > 0)
    g_string_append (tail, "</Notes>\n");
  g_string_append_printf (tail, "<Description>Exported by Hearsay. PlainTextSelection positions: "
                          "%s, end exclusive, in the sources as written (line ends CRLF written as LF)."
                          "</Description>\n</Project>\n",
                          hearsay_offset_unit_to_string (ctx->options->offset_unit));

  entry = archive_entry_new ();
  archive_entry_set_pathname (entry, "project.qde");
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, 315532800, 0);
  archive_entry_set_size (entry, head->len + sources_size + middle->len + notes_size + tail->len);
  ok = archive_write_header (state->zip, entry) == ARCHIVE_OK;
  archive_entry_free (entry);
  if (!ok ||
      archive_write_data (state->zip, head->str, head->len) != (la_ssize_t) head->len)
    return zip_failed (state, error);
  if (!copy_part (state, state->sources, ctx->cancellable, error))
    return FALSE;
  if (archive_write_data (state->zip, middle->str, middle->len) != (la_ssize_t) middle->len)
    return zip_failed (state, error);
  if (!copy_part (state, state->notes, ctx->cancellable, error))
    return FALSE;
  if (archive_write_data (state->zip, tail->str, tail->len) != (la_ssize_t) tail->len ||
      archive_write_close (state->zip) != ARCHIVE_OK)
    return zip_failed (state, error);
  return TRUE;
}

const HearsayExportWriter hearsay_export_qdpx_writer = {
  .begin = qdpx_begin,
  .document = qdpx_document,
  .end = qdpx_end,
  .free_data = refi_state_free,
};
