/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-refi.c: a REFI-QDA project (.qdpx), as Hearsay's exporter
 * writes it and as QualCoder, NVivo, ATLAS.ti and MAXQDA do.
 *
 * The zip is read with libarchive; entry names that are absolute or climb
 * with ".." are refused, as are entries over 50 MB and archives over 200 MB
 * unpacked. project.qde is parsed with the safe XML reader (no entities, no
 * DTD, no network). Each TextSource becomes a document whose text is the
 * source file (plainTextPath internal://NAME → sources/NAME in the zip, or
 * an inline PlainTextContent); each PlainTextSelection becomes one
 * annotation per top-level code its Codings point at: the code's name is
 * the label; child codes named "ATTRIBUTE: VALUE" (or "ATTRIBUTE" alone for
 * a yes/no attribute) set that attribute. startPosition/endPosition count
 * code points, end exclusive, into the source as stored in the zip (which
 * Hearsay's exporter writes with LF line ends). Users become annotators,
 * Notes that a selection points at become the annotation's note. */
#include "config.h"

#include <inttypes.h>
#include <archive.h>
#include <archive_entry.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-encoding.h"
#include "hearsay-import-private.h"
#include "hearsay-xml-safety.h"

#define MAX_ENTRY_BYTES ((gsize) 50 * 1024 * 1024)
#define MAX_TOTAL_BYTES ((gsize) 200 * 1024 * 1024)

typedef struct
{
  char *label;      /* the top-level code's name */
  char *attribute;  /* child codes: the attribute, or NULL */
  char *value;
} Code;

typedef struct
{
  HearsayImportContext *ctx;
  const char *path;
  const char *qde;      /* "PATH:project.qde", for messages with a line */
  GHashTable *entries;  /* entry name → GBytes */
  GHashTable *users;    /* guid → name */
  GHashTable *codes;    /* guid → Code */
  GHashTable *notes;    /* guid → text */
} RefiImport;

static void
code_free (gpointer data)
{
  Code *code = data;

  g_free (code->label);
  g_free (code->attribute);
  g_free (code->value);
  g_free (code);
}

static gboolean
unsafe_name (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (name[0] == '/' || name[0] == '\\' || (g_ascii_isalpha (name[0]) && name[1] == ':'))
    return TRUE;
  parts = g_strsplit_set (name, "/\\", -1);
  for (guint i = 0; parts[i]; i++)
    if (strcmp (parts[i], "..") == 0)
      return TRUE;
  return FALSE;
}

/* Reads every regular entry into @r->entries, checking names and sizes. */
static gboolean
read_zip (RefiImport  *r,
          GError     **error)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  gsize total = 0;
  gboolean ok = TRUE;
  int status;

  archive_read_support_format_zip (a);
  if (archive_read_open_filename (a, r->path, 64 * 1024) != ARCHIVE_OK)
    {
      ok = hearsay_import_fail (error, r->path, 0, _("not a readable zip archive: %s"), archive_error_string (a));
      archive_read_free (a);
      return ok;
    }
  while (ok && (status = archive_read_next_header (a, &entry)) != ARCHIVE_EOF)
    {
      const char *name;
      g_autoptr(GByteArray) data = NULL;
      char buffer[64 * 1024];
      la_ssize_t n;

      if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
        {
          ok = hearsay_import_fail (error, r->path, 0, _("the zip archive is damaged or truncated: %s"),
                                    archive_error_string (a));
          break;
        }
      name = archive_entry_pathname (entry);
      if (name == NULL || *name == '\0' || unsafe_name (name))
        {
          ok = hearsay_import_fail (error, r->path, 0,
                                    _("entry “%s” has an absolute path or “..” in its name; Hearsay refuses it"),
                                    name ? name : "");
          break;
        }
      if (archive_entry_filetype (entry) != AE_IFREG)
        continue;
      if (archive_entry_size_is_set (entry) && (guint64) archive_entry_size (entry) > MAX_ENTRY_BYTES)
        {
          ok = hearsay_import_fail (error, r->path, 0, _("entry “%s” is larger than %zu MB"),
                                    name, MAX_ENTRY_BYTES / (1024 * 1024));
          break;
        }
      data = g_byte_array_new ();
      while ((n = archive_read_data (a, buffer, sizeof buffer)) > 0)
        {
          total += n;
          if (data->len + (gsize) n > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES)
            {
              ok = hearsay_import_fail (error, r->path, 0,
                                        data->len + (gsize) n > MAX_ENTRY_BYTES
                                          ? _("entry “%s” is larger than %zu MB")
                                          : _("entry “%s” takes the archive over %zu MB unpacked"),
                                        name, (data->len + (gsize) n > MAX_ENTRY_BYTES ? MAX_ENTRY_BYTES
                                                                                      : MAX_TOTAL_BYTES) / (1024 * 1024));
              break;
            }
          g_byte_array_append (data, (const guint8 *) buffer, n);
        }
      if (ok && n < 0)
        ok = hearsay_import_fail (error, r->path, 0, _("entry “%s” cannot be read (damaged or truncated zip): %s"),
                                  name, archive_error_string (a));
      if (ok)
        g_hash_table_insert (r->entries, g_strdup (name), g_byte_array_free_to_bytes (g_steal_pointer (&data)));
    }
  archive_read_free (a);
  return ok;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static char *
content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node ? node->children : NULL; c; c = c->next)
    if (is_element (c, name))
      return c;
  return NULL;
}

/* Codes nest: a top-level code is a label, its children attribute values. */
static void
read_codes (RefiImport *r,
            xmlNode    *codes,
            const char *label)
{
  for (xmlNode *c = codes ? codes->children : NULL; c; c = c->next)
    {
      g_autofree char *guid = NULL;
      g_autofree char *name = NULL;
      Code *code;

      if (!is_element (c, "Code"))
        continue;
      guid = prop (c, "guid");
      name = prop (c, "name");
      if (guid == NULL || name == NULL)
        continue;
      code = g_new0 (Code, 1);
      if (label == NULL)
        code->label = g_strdup (name);
      else
        {
          const char *colon = strstr (name, ": ");

          code->label = g_strdup (label);
          code->attribute = colon ? g_strndup (name, colon - name) : g_strdup (name);
          code->value = g_strdup (colon ? colon + 2 : "true");
        }
      g_hash_table_insert (r->codes, g_strdup (guid), code);
      read_codes (r, c, code->label);
    }
}

static void
read_users_and_notes (RefiImport *r,
                      xmlNode    *root)
{
  for (xmlNode *c = child (child (root, "Users"), "User"); c; c = c->next)
    if (is_element (c, "User"))
      {
        char *guid = prop (c, "guid");
        char *name = prop (c, "name");

        if (guid && name)
          g_hash_table_insert (r->users, guid, name);
        else
          {
            g_free (guid);
            g_free (name);
          }
      }
  for (xmlNode *c = child (child (root, "Notes"), "Note"); c; c = c->next)
    if (is_element (c, "Note"))
      {
        char *guid = prop (c, "guid");
        xmlNode *text = child (c, "PlainTextContent");

        if (guid && text)
          g_hash_table_insert (r->notes, guid, content (text));
        else
          g_free (guid);
      }
}

static gboolean
parse_position (const char *value,
                gint64     *out)
{
  guint64 n;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64, &n, NULL))
    return FALSE;
  *out = (gint64) n;
  return TRUE;
}

static gboolean
read_selection (RefiImport        *r,
                HearsayDocument   *doc,
                HearsayTextIndex  *index,
                xmlNode           *sel,
                GError           **error)
{
  g_autofree char *start_s = prop (sel, "startPosition");
  g_autofree char *end_s = prop (sel, "endPosition");
  g_autofree char *user_guid = prop (sel, "creatingUser");
  g_autofree char *created = prop (sel, "creationDateTime");
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  const char *user = user_guid ? g_hash_table_lookup (r->users, user_guid) : NULL;
  const char *note = NULL;
  gint64 start, end;

  if (!parse_position (start_s, &start) || !parse_position (end_s, &end))
    return hearsay_import_fail (error, r->qde, (guint) xmlGetLineNo (sel),
                                _("a PlainTextSelection needs numeric startPosition and endPosition"));
  for (xmlNode *c = sel->children; c; c = c->next)
    if (is_element (c, "NoteRef"))
      {
        g_autofree char *target = prop (c, "targetGUID");

        if (target && note == NULL)
          note = g_hash_table_lookup (r->notes, target);
      }
  /* Labels first, in order, then the attribute values onto their label. */
  for (int pass = 0; pass < 2; pass++)
    for (xmlNode *c = sel->children; c; c = c->next)
      {
        g_autofree char *target = NULL;
        HearsayAnnotation *ann = NULL;
        Code *code;

        if (!is_element (c, "Coding"))
          continue;
        target = prop (child (c, "CodeRef"), "targetGUID");
        code = target ? g_hash_table_lookup (r->codes, target) : NULL;
        if (code == NULL)
          return hearsay_import_fail (error, r->qde, (guint) xmlGetLineNo (c),
                                      _("a Coding points at a code that the codebook lacks (%s)"),
                                      target ? target : "");
        if ((code->attribute == NULL) != (pass == 0))
          continue;
        for (guint i = 0; i < annotations->len; i++)
          if (strcmp (hearsay_annotation_get_label (g_ptr_array_index (annotations, i)), code->label) == 0)
            ann = g_ptr_array_index (annotations, i);
        if (ann == NULL)
          {
            ann = hearsay_annotation_new (hearsay_document_get_id (doc), code->label);
            hearsay_annotation_add_fragment (ann, start, end);
            hearsay_annotation_set_annotator (ann, user);
            hearsay_annotation_set_created_at (ann, created);
            if (note != NULL && *note != '\0')
              hearsay_annotation_set_note (ann, note);
            g_ptr_array_add (annotations, ann);
          }
        if (code->attribute != NULL)
          hearsay_annotation_add_attribute_value (ann, code->attribute, code->value);
      }
  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);

      if (!hearsay_import_store_annotation (r->ctx, index, ann, "refi-qda", r->qde, (guint) xmlGetLineNo (sel), error))
        return FALSE;
      hearsay_document_set_n_annotations (doc, hearsay_document_get_n_annotations (doc) + 1);
    }
  return TRUE;
}

static gboolean
read_source (RefiImport  *r,
             xmlNode     *source,
             GError     **error)
{
  g_autofree char *name = prop (source, "name");
  g_autofree char *text_path = prop (source, "plainTextPath");
  g_autofree char *entry = NULL;
  g_autofree char *inline_text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(HearsayTextIndex) index = NULL;
  g_autofree char *display = NULL;
  HearsayImportOptions options = { 0 };
  xmlNode *plain = child (source, "PlainTextContent");

  if (text_path != NULL && g_str_has_prefix (text_path, "internal://"))
    {
      entry = g_strconcat ("sources/", text_path + strlen ("internal://"), NULL);
      bytes = g_hash_table_lookup (r->entries, entry);
      if (bytes == NULL)
        return hearsay_import_fail (error, r->qde, (guint) xmlGetLineNo (source),
                                    _("the source “%s” is not in the archive (%s)"),
                                    name ? name : "", entry);
      g_bytes_ref (bytes);
    }
  else if (plain != NULL)
    {
      inline_text = content (plain);
      if (strlen (inline_text) > HEARSAY_MAX_TEXT_BYTES)
        return hearsay_import_fail (error, r->qde, (guint) xmlGetLineNo (plain),
                                    _("the text of the source “%s” is larger than %d MB"),
                                    name ? name : "", HEARSAY_MAX_TEXT_BYTES / (1024 * 1024));
      bytes = g_bytes_new (inline_text, strlen (inline_text));
      entry = g_strdup ("project.qde");
    }
  else
    return hearsay_import_fail (error, r->qde, (guint) xmlGetLineNo (source),
                                _("the source “%s” has no text inside the archive (plainTextPath %s)"),
                                name ? name : "", text_path ? text_path : "");
  display = g_strdup_printf ("%s:%s", r->path, entry);
  options.title = name;
  options.no_boilerplate = TRUE;
  doc = hearsay_import_text_bytes (display, bytes, &options, &local_error);
  if (doc == NULL)
    return hearsay_import_fail (error, r->path, (guint) xmlGetLineNo (source), "%s", local_error->message);
  if (!hearsay_import_store_document (r->ctx, doc, FALSE, error))
    return FALSE;
  index = hearsay_text_index_new (hearsay_document_get_text (doc));
  for (xmlNode *c = source->children; c; c = c->next)
    if (is_element (c, "PlainTextSelection") && !read_selection (r, doc, index, c, error))
      return FALSE;
  return TRUE;
}

gboolean
hearsay_import_refi_unit (HearsayImportContext  *ctx,
                          const char            *path,
                          GError               **error)
{
  g_autoptr(xmlDoc) xml = NULL;
  g_autofree char *display = g_strdup_printf ("%s:project.qde", path);
  RefiImport r = { ctx, path, display, NULL, NULL, NULL, NULL };
  GBytes *qde;
  xmlNode *root, *sources;
  gboolean ok = FALSE;
  guint n_sources = 0;

  r.entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  r.users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, code_free);
  r.notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!read_zip (&r, error))
    goto out;
  qde = g_hash_table_lookup (r.entries, "project.qde");
  if (qde == NULL)
    {
      hearsay_import_fail (error, path, 0, _("the archive has no project.qde: it is not a REFI-QDA project"));
      goto out;
    }
  xml = hearsay_xml_read (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde), display, error);
  if (xml == NULL)
    goto out;
  root = xmlDocGetRootElement (xml);
  if (root == NULL || !is_element (root, "Project"))
    {
      hearsay_import_fail (error, display, 0, _("the root element is not a REFI-QDA Project"));
      goto out;
    }
  read_users_and_notes (&r, root);
  read_codes (&r, child (child (root, "CodeBook"), "Codes"), NULL);
  sources = child (root, "Sources");
  ok = TRUE;
  for (xmlNode *c = sources ? sources->children : NULL; ok && c; c = c->next)
    if (is_element (c, "TextSource"))
      {
        ok = read_source (&r, c, error);
        n_sources++;
      }
  if (ok && n_sources == 0)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY,
                   _("%s holds no text sources"), path);
      ok = FALSE;
    }
out:
  g_hash_table_unref (r.entries);
  g_hash_table_unref (r.users);
  g_hash_table_unref (r.codes);
  g_hash_table_unref (r.notes);
  return ok;
}
