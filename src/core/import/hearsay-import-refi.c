/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-refi.c: a REFI-QDA project (.qdpx) or codebook (.qdc), as
 * Hearsay's exporter writes them and as QualCoder, NVivo, ATLAS.ti and
 * MAXQDA do.
 *
 * The zip is read with libarchive; entry names that are absolute or climb
 * with ".." are refused, as are entries over 50 MB and archives over 200 MB
 * unpacked. The project file is project.qde or, as ATLAS.ti names it, the
 * one .qde at the root; it is parsed with the safe XML reader (no entities,
 * no DTD, no network). Sources are under sources/ (the standard, QualCoder,
 * MAXQDA) or Sources/ (NVivo). The codebook goes into the scheme
 * (-codes.c), the project around the sources is read first (-parts.c),
 * then each TextSource and each PDF's text representation (-sources.c),
 * whose positions are read in the convention -positions.c chooses; links
 * between selections become relations last. */
#include "config.h"

#include <inttypes.h>
#include <archive.h>
#include <archive_entry.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-encoding.h"
#include "hearsay-import-refi-private.h"
#include "hearsay-xml-safety.h"

#define MAX_ENTRY_BYTES ((gsize) 50 * 1024 * 1024)
#define MAX_TOTAL_BYTES ((gsize) 200 * 1024 * 1024)
#define MAX_CODEBOOK_BYTES ((gsize) 20 * 1024 * 1024)

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

gboolean
hearsay_refi_is_element (xmlNode    *node,
                         const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

char *
hearsay_refi_prop (xmlNode    *node,
                   const char *name)
{
  xmlChar *value = node ? xmlGetProp (node, (const xmlChar *) name) : NULL;
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

char *
hearsay_refi_content (xmlNode *node)
{
  xmlChar *value = node ? xmlNodeGetContent (node) : NULL;
  char *copy = g_strdup (value ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

xmlNode *
hearsay_refi_child (xmlNode    *node,
                    const char *name)
{
  for (xmlNode *c = node ? node->children : NULL; c; c = c->next)
    if (hearsay_refi_is_element (c, name))
      return c;
  return NULL;
}

guint
hearsay_refi_line (xmlNode *node)
{
  long line = node ? xmlGetLineNo (node) : 0;

  return line > 0 ? (guint) line : 0;
}

char *
hearsay_refi_guid_key (const char *guid)
{
  gsize n;

  if (guid == NULL)
    return g_strdup ("");
  while (*guid == '{' || g_ascii_isspace (*guid))
    guid++;
  n = strlen (guid);
  while (n > 0 && (guid[n - 1] == '}' || g_ascii_isspace (guid[n - 1])))
    n--;
  return g_ascii_strdown (guid, n);
}

char *
hearsay_refi_identifier (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name ? name : "", "C");
  GString *s = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = ascii; *p; p++)
    if (g_ascii_isalnum (*p))
      {
        if (gap && s->len > 0)
          g_string_append_c (s, '_');
        g_string_append_c (s, g_ascii_tolower (*p));
        gap = FALSE;
      }
    else
      gap = TRUE;
  return g_string_free (s, FALSE);
}

GBytes *
hearsay_refi_lookup_entry (RefiImport  *r,
                           const char  *internal_path,
                           char       **entry_name)
{
  static const char *folders[] = { "sources/", "Sources/" };
  const char *name = internal_path + strlen ("internal://");
  GHashTableIter iter;
  gpointer key, value;

  while (*name == '/')
    name++;
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *entry = g_strconcat (folders[i], name, NULL);
      GBytes *bytes = g_hash_table_lookup (r->entries, entry);

      if (bytes != NULL)
        {
          *entry_name = g_steal_pointer (&entry);
          return bytes;
        }
    }
  /* Another spelling of the folder ("SOURCES/", what a case-insensitive
   * unzip makes of it). */
  g_hash_table_iter_init (&iter, r->entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *k = key;

      if (strlen (k) == strlen ("sources/") + strlen (name) &&
          g_ascii_strncasecmp (k, "sources/", strlen ("sources/")) == 0 &&
          strcmp (k + strlen ("sources/"), name) == 0)
        {
          *entry_name = g_strdup (k);
          return value;
        }
    }
  return NULL;
}

static RefiTool
tool_from_origin (const char *origin)
{
  g_autofree char *lower = g_ascii_strdown (origin ? origin : "", -1);

  if (g_str_has_prefix (lower, "hearsay"))
    return REFI_TOOL_HEARSAY;
  if (strstr (lower, "qualcoder") != NULL)
    return REFI_TOOL_QUALCODER;
  if (strstr (lower, "nvivo") != NULL)
    return REFI_TOOL_NVIVO;
  if (strstr (lower, "atlas") != NULL)
    return REFI_TOOL_ATLAS;
  if (strstr (lower, "maxqda") != NULL)
    return REFI_TOOL_MAXQDA;
  return REFI_TOOL_OTHER;
}

/* "PlainTextSelection positions: utf16, end exclusive, counted from after
 * a leading byte-order mark, …": what Hearsay's exporter states. Exports
 * before that phrase counted a leading byte-order mark as a character. */
static void
read_statement (RefiImport *r,
                xmlNode    *root)
{
  g_autofree char *text = NULL;
  const char *unit;

  for (xmlNode *c = root->children; c; c = c->next)
    if (hearsay_refi_is_element (c, "Description"))
      text = hearsay_refi_content (c);
  unit = text ? strstr (text, "positions: ") : NULL;
  if (unit == NULL)
    return;
  unit += strlen ("positions: ");
  r->stated = TRUE;
  r->statement.unit = g_str_has_prefix (unit, "utf16") ? HEARSAY_OFFSET_UTF16
                    : g_str_has_prefix (unit, "byte") ? HEARSAY_OFFSET_BYTE : HEARSAY_OFFSET_CODEPOINT;
  r->statement.crlf_as_one = FALSE;
  r->statement.without_bom = strstr (text, "after a leading byte-order mark") != NULL;
}

/* Another tool's project Description is the project's memo. */
static void
report_project_memo (RefiImport *r,
                     xmlNode    *root)
{
  for (xmlNode *c = root->children; c; c = c->next)
    if (hearsay_refi_is_element (c, "Description"))
      {
        g_autofree char *text = hearsay_refi_content (c);

        if (*g_strstrip (text) != '\0')
          hearsay_import_skip (r->ctx, r->xml_name, hearsay_refi_line (c),
                               _("the project's description is left out: Hearsay keeps no memo of a whole project"));
      }
}

static void
stored_free (gpointer data)
{
  RefiStored *s = data;

  g_free (s->annotator);
  g_free (s);
}

static void
note_free (gpointer data)
{
  RefiNote *n = data;

  g_free (n->name);
  g_free (n->text);
  g_free (n->user);
  g_free (n);
}

static void
link_free (gpointer data)
{
  RefiLink *l = data;

  g_free (l->guid);
  g_free (l->name);
  g_free (l->origin);
  g_free (l->target);
  g_free (l);
}

static void
case_free (gpointer data)
{
  RefiCase *c = data;

  g_free (c->name);
  g_ptr_array_unref (c->values);
  g_free (c);
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
refi_init (RefiImport           *r,
           HearsayImportContext *ctx,
           const char           *path)
{
  memset (r, 0, sizeof *r);
  r->ctx = ctx;
  r->path = path;
  r->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  r->users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->code_order = g_ptr_array_new_with_free_func (hearsay_refi_code_free);
  r->cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, case_free);
  r->variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, note_free);
  r->links = g_ptr_array_new_with_free_func (link_free);
  r->source_cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  r->source_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  r->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->note_links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);
  r->stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stored_free);
  r->merged_into = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->used_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
refi_clear (RefiImport *r)
{
  g_free (r->xml_name);
  g_free (r->origin);
  g_hash_table_unref (r->entries);
  g_hash_table_unref (r->users);
  g_hash_table_unref (r->codes);
  g_ptr_array_unref (r->code_order);
  g_hash_table_unref (r->cases);
  g_hash_table_unref (r->variables);
  g_hash_table_unref (r->notes);
  g_ptr_array_unref (r->links);
  g_hash_table_unref (r->kinds);
  g_hash_table_unref (r->source_cases);
  g_hash_table_unref (r->source_sets);
  g_hash_table_unref (r->note_links);
  g_hash_table_unref (r->stored);
  g_hash_table_unref (r->merged_into);
  g_hash_table_unref (r->used_ids);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* project.qde, or the one .qde at the root: ATLAS.ti names it after the
 * project ("Trial.qde"). */
static GBytes *
find_project_file (RefiImport  *r,
                   GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  GBytes *qde = g_hash_table_lookup (r->entries, "project.qde");

  if (qde != NULL)
    {
      r->xml_name = g_strdup_printf ("%s:project.qde", r->path);
      return qde;
    }
  g_hash_table_iter_init (&iter, r->entries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (strchr (key, '/') == NULL && hearsay_import_has_suffix (key, ".qde"))
      g_ptr_array_add (found, key);
  if (found->len == 1)
    {
      r->xml_name = g_strdup_printf ("%s:%s", r->path, (const char *) g_ptr_array_index (found, 0));
      return g_hash_table_lookup (r->entries, g_ptr_array_index (found, 0));
    }
  if (found->len > 1)
    {
      g_ptr_array_sort (found, compare_names);
      hearsay_import_fail (error, r->path, 0,
                           _("the archive holds %u .qde files (%s, %s…) and no project.qde: "
                             "Hearsay cannot tell which one is the project"),
                           found->len, (const char *) g_ptr_array_index (found, 0),
                           (const char *) g_ptr_array_index (found, 1));
      return NULL;
    }
  hearsay_import_fail (error, r->path, 0, _("the archive has no project.qde: it is not a REFI-QDA project"));
  return NULL;
}

static void
note_origin (RefiImport *r)
{
  static const char *tools[] = {
    [REFI_TOOL_OTHER] = NULL, [REFI_TOOL_HEARSAY] = "Hearsay", [REFI_TOOL_QUALCODER] = "QualCoder",
    [REFI_TOOL_NVIVO] = "NVivo", [REFI_TOOL_ATLAS] = "ATLAS.ti", [REFI_TOOL_MAXQDA] = "MAXQDA",
  };

  if (r->tool == REFI_TOOL_OTHER)
    hearsay_import_note (r->ctx, r->xml_name, 0,
                         _("written by “%s”, a tool Hearsay does not know: positions are checked against "
                           "each source's own evidence"), r->origin ? r->origin : "");
  else
    hearsay_import_note (r->ctx, r->xml_name, 0, _("written by %s (%s)"), tools[r->tool],
                         r->origin ? r->origin : "");
}

gboolean
hearsay_import_refi_unit (HearsayImportContext  *ctx,
                          const char            *path,
                          GError               **error)
{
  g_autoptr(xmlDoc) xml = NULL;
  RefiImport r;
  GBytes *qde;
  xmlNode *root, *sources;
  gboolean ok = FALSE;

  refi_init (&r, ctx, path);
  if (!read_zip (&r, error) || (qde = find_project_file (&r, error)) == NULL)
    goto out;
  if (g_bytes_get_size (qde) == 0)
    {
      hearsay_import_fail (error, r.xml_name, 0, _("project.qde is empty"));
      goto out;
    }
  xml = hearsay_xml_read (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde), r.xml_name, error);
  if (xml == NULL)
    goto out;
  root = xmlDocGetRootElement (xml);
  if (root == NULL || !hearsay_refi_is_element (root, "Project"))
    {
      hearsay_import_fail (error, r.xml_name, 0, _("the root element is not a REFI-QDA Project"));
      goto out;
    }
  r.origin = hearsay_refi_prop (root, "origin");
  r.tool = tool_from_origin (r.origin);
  note_origin (&r);
  if (r.tool == REFI_TOOL_HEARSAY)
    read_statement (&r, root);
  else
    report_project_memo (&r, root);
  hearsay_refi_read_parts (&r, root);
  if (!hearsay_refi_read_codebook (&r, hearsay_refi_child (hearsay_refi_child (root, "CodeBook"), "Codes"), error))
    goto out;
  sources = hearsay_refi_child (root, "Sources");
  ok = TRUE;
  for (xmlNode *c = sources ? sources->children : NULL; ok && c; c = c->next)
    {
      g_autofree char *name = NULL;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      name = hearsay_refi_prop (c, "name");
      if (hearsay_refi_is_element (c, "TextSource"))
        ok = hearsay_refi_read_source (&r, c, NULL, error);
      else if (hearsay_refi_is_element (c, "PDFSource") && hearsay_refi_child (c, "Representation") != NULL)
        /* The PDF's text, as the tool extracted it, with its selections. */
        ok = hearsay_refi_read_source (&r, hearsay_refi_child (c, "Representation"), name, error);
      else
        hearsay_import_skip (ctx, r.xml_name, hearsay_refi_line (c),
                             _("the %s “%s” is left out: Hearsay imports text sources"),
                             (const char *) c->name, name ? name : "");
    }
  if (ok && r.n_sources == 0)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY,
                   _("%s holds no text sources"), path);
      ok = FALSE;
    }
  if (ok && r.n_undecided > 0)
    {
      g_autofree char *described = hearsay_offset_convention_describe (&r.undecided);

      hearsay_import_note (ctx, r.xml_name, 0,
                           _("sources whose selections read the same in every convention the tools use "
                             "(or that have none): %u, positions read as %s"), r.n_undecided, described);
    }
  if (ok)
    ok = hearsay_refi_store_links (&r, error);
  if (ok && r.n_uncoded > 0)
    hearsay_import_note (ctx, r.xml_name, 0,
                         _("selections without a code, imported with the label “%s”: %u"),
                         HEARSAY_REFI_UNCODED, r.n_uncoded);
out:
  refi_clear (&r);
  return ok;
}

/* A .qdc codebook: its codes go into the scheme, nothing else. */
gboolean
hearsay_import_qdc_unit (HearsayImportContext  *ctx,
                         const char            *path,
                         GError               **error)
{
  g_autoptr(GBytes) bytes = hearsay_import_read_file (path, MAX_CODEBOOK_BYTES, error);
  g_autoptr(xmlDoc) xml = NULL;
  RefiImport r;
  xmlNode *root, *codes;
  gboolean ok = FALSE;

  if (bytes == NULL)
    return FALSE;
  refi_init (&r, ctx, path);
  r.xml_name = g_strdup (path);
  xml = hearsay_xml_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), path, error);
  if (xml == NULL)
    goto out;
  root = xmlDocGetRootElement (xml);
  if (root == NULL || !hearsay_refi_is_element (root, "CodeBook"))
    {
      hearsay_import_fail (error, path, 0, _("the root element is not a REFI-QDA CodeBook"));
      goto out;
    }
  codes = hearsay_refi_child (root, "Codes");
  if (codes == NULL || hearsay_refi_child (codes, "Code") == NULL)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY, _("%s holds no codes"), path);
      goto out;
    }
  r.origin = hearsay_refi_prop (root, "origin");
  r.tool = tool_from_origin (r.origin);
  ok = hearsay_refi_read_codebook (&r, codes, error);
out:
  refi_clear (&r);
  return ok;
}
