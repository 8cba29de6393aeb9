/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-known.c: inputs that reach a defect of issue 10 whose fix is being
 * made on main. The targets skip them, so that the CI smoke run stays green
 * and the fuzzers look for what is not known yet; their reproducers are in
 * pending/ (run as TODO by fuzz-run.sh). When a fix lands, delete its entry
 * here and move its reproducers from pending/ to corpus/.
 * HEARSAY_FUZZ_KNOWN=0 skips nothing. */
#include <archive.h>
#include <archive_entry.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "fuzz-util.h"

/* Whether a string json-glib decoded (a member name or a value) is not
 * UTF-8: it takes \uD800 alone, \u with fewer than four digits and
 * \ooo octal escapes (not JSON) as bytes. */
static gboolean
node_has_invalid_utf8 (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return !g_utf8_validate (json_node_get_string (node), -1, NULL);
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (node_has_invalid_utf8 (json_array_get_element (array, i)))
          return TRUE;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        if (!g_utf8_validate (name, -1, NULL) || node_has_invalid_utf8 (member))
          return TRUE;
    }
  return FALSE;
}

typedef enum { JSON_FINE, JSON_EMPTY, JSON_INVALID_UTF8 } JsonKnown;

/* One JSON text as json-glib reads it: nothing (item 8), or a string that
 * is not UTF-8 (item 6). */
static JsonKnown
json_known (const guint8 *data,
            size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return JSON_FINE;
  if (json_parser_get_root (parser) == NULL)
    return JSON_EMPTY;
  return node_has_invalid_utf8 (json_parser_get_root (parser)) ? JSON_INVALID_UTF8 : JSON_FINE;
}

/* The lines of a JSONL file as the importers split them: the file's BOM
 * dropped (the JSONL importer drops it after deciding that the line is not
 * blank: a line of only a BOM is parsed), a final CR dropped, blank lines
 * (spaces and tabs) skipped. */
static gboolean
jsonl_known (const guint8 *data,
             size_t        size,
             gboolean      jsonl)
{
  const guint8 *p = data, *end = data + size;
  gboolean bom_line = FALSE;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      p += 3;
      bom_line = jsonl;
    }
  while (p < end)
    {
      const guint8 *eol = memchr (p, '\n', end - p);
      const guint8 *stop = eol ? eol : end;
      gboolean blank = TRUE;

      if (stop > p && stop[-1] == '\r')
        stop--;
      for (const guint8 *q = p; q < stop; q++)
        blank = blank && (*q == ' ' || *q == '\t');
      if (bom_line && stop == p)
        return TRUE;
      bom_line = FALSE;
      if (!blank && json_known (p, stop - p) != JSON_FINE)
        return TRUE;
      p = eol ? eol + 1 : end;
    }
  /* A file of only a BOM is one such line. */
  return bom_line;
}

/* Item 3 (a UTF-16 declaration the byte search misses) and item 8 (an
 * empty project.qde). */
static gboolean
qde_is_known (const uint8_t *data,
              size_t         size)
{
  return size == 0 ||
         (g_strstr_len ((const char *) data, size, "<!ENTITY") == NULL && fuzz_declares_xml_entity (data, size));
}

/* The project.qde of the zip at @path, read as the importer reads it. */
gboolean
fuzz_known_defect_in_qdpx (const char *path)
{
  struct archive *a;
  struct archive_entry *entry;
  gboolean known = FALSE;
  int status;

  if (g_strcmp0 (g_getenv ("HEARSAY_FUZZ_KNOWN"), "0") == 0)
    return FALSE;
  a = archive_read_new ();
  archive_read_support_format_zip (a);
  if (archive_read_open_filename (a, path, 64 * 1024) == ARCHIVE_OK)
    while ((status = archive_read_next_header (a, &entry)) == ARCHIVE_OK || status == ARCHIVE_WARN)
      {
        const char *name = archive_entry_pathname (entry);
        g_autoptr(GByteArray) qde = NULL;
        char buffer[16 * 1024];
        la_ssize_t n;

        if (name == NULL || strcmp (name, "project.qde") != 0 || archive_entry_filetype (entry) != AE_IFREG)
          continue;
        qde = g_byte_array_new ();
        while ((n = archive_read_data (a, buffer, sizeof buffer)) > 0 && qde->len < 4 * 1024 * 1024)
          g_byte_array_append (qde, (const guint8 *) buffer, n);
        known = n >= 0 && qde_is_known (qde->data, qde->len);
        break;
      }
  archive_read_free (a);
  return known;
}

gboolean
fuzz_known_defect (const char    *target,
                   const uint8_t *data,
                   size_t         size)
{
  static int enabled = -1;

  if (enabled < 0)
    enabled = g_strcmp0 (g_getenv ("HEARSAY_FUZZ_KNOWN"), "0") != 0;
  if (!enabled)
    return FALSE;
  /* Issue 10 item 6: a JSON string is stored as invalid UTF-8. Item 8: a
   * JSON line that parses as nothing (a CR, a BOM, a // comment) reaches a
   * Json-CRITICAL. */
  if (g_str_equal (target, "jsonl") || g_str_equal (target, "doccano"))
    return jsonl_known (data, size, g_str_equal (target, "jsonl"));
  if (g_str_equal (target, "w3c"))
    return json_known (data, size) == JSON_INVALID_UTF8;
  /* Item 8: an empty project.qde reaches a GLib-CRITICAL. Item 3: entity
   * declarations that the byte search for "<!ENTITY" misses (it stops at
   * the first NUL: UTF-16) are expanded. */
  if (g_str_equal (target, "qde") && qde_is_known (data, size))
    return TRUE;
  return FALSE;
}
