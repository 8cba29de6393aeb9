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

static gboolean
is_hex (guint8 c)
{
  return g_ascii_isxdigit (c);
}

/* A \uD800–\uDFFF escape that is not a high surrogate followed by a low one. */
static gboolean
has_lone_surrogate_escape (const guint8 *data,
                           size_t        size)
{
  for (size_t i = 0; i + 6 <= size; i++)
    {
      guint unit;

      if (data[i] != '\\' || data[i + 1] != 'u' || !is_hex (data[i + 2]) || !is_hex (data[i + 3]) ||
          !is_hex (data[i + 4]) || !is_hex (data[i + 5]))
        continue;
      unit = (g_ascii_xdigit_value (data[i + 2]) << 12) | (g_ascii_xdigit_value (data[i + 3]) << 8) |
             (g_ascii_xdigit_value (data[i + 4]) << 4) | g_ascii_xdigit_value (data[i + 5]);
      if (unit >= 0xDC00 && unit <= 0xDFFF)
        return TRUE;
      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          guint low = 0;

          if (i + 12 > size || data[i + 6] != '\\' || data[i + 7] != 'u')
            return TRUE;
          for (int k = 8; k < 12; k++)
            {
              if (!is_hex (data[i + k]))
                return TRUE;
              low = (low << 4) | g_ascii_xdigit_value (data[i + k]);
            }
          if (low < 0xDC00 || low > 0xDFFF)
            return TRUE;
          i += 11;
        }
      else
        i += 5;
    }
  return FALSE;
}

/* A \ooo escape (not JSON): json-glib reads it as the byte ooo, so
 * "\377" is invalid UTF-8. */
static gboolean
has_octal_escape (const guint8 *data,
                  size_t        size)
{
  for (size_t i = 0; i + 1 < size; i++)
    if (data[i] == '\\')
      {
        if (data[i + 1] >= '0' && data[i + 1] <= '7')
          return TRUE;
        i++;  /* the escaped character */
      }
  return FALSE;
}

/* A line (without its final CR, not only spaces and tabs, which the
 * importers skip) that json-glib parses as nothing: a CR, a BOM… */
static gboolean
has_empty_json_line (const guint8 *data,
                     size_t        size,
                     gboolean      jsonl)
{
  const guint8 *p = data, *end = data + size;

  /* Both importers drop the BOM of the file; the JSONL importer after it
   * has decided the line is not blank, so a line of only a BOM is parsed. */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      p += 3;
      if (jsonl && (p == end || *p == '\n' || (*p == '\r' && (p + 1 == end || p[1] == '\n'))))
        return TRUE;
    }
  while (p < end)
    {
      const guint8 *eol = memchr (p, '\n', end - p);
      const guint8 *stop = eol ? eol : end;
      gboolean blank = TRUE, visible = FALSE;

      if (stop > p && stop[-1] == '\r')
        stop--;
      for (const guint8 *q = p; q < stop; q++)
        {
          blank = blank && (*q == ' ' || *q == '\t');
          visible = visible || (*q > 0x20 && *q < 0x7F);
        }
      if (!blank && !visible)
        {
          g_autoptr(JsonParser) parser = json_parser_new_immutable ();

          if (json_parser_load_from_data (parser, (const char *) p, stop - p, NULL) &&
              json_parser_get_root (parser) == NULL)
            return TRUE;
        }
      p = eol ? eol + 1 : end;
    }
  return FALSE;
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
  /* Issue 10 item 6: a lone surrogate, or an octal escape, is stored as
   * invalid UTF-8. */
  if ((g_str_equal (target, "jsonl") || g_str_equal (target, "w3c")) && has_lone_surrogate_escape (data, size))
    return TRUE;
  if ((g_str_equal (target, "jsonl") || g_str_equal (target, "w3c") || g_str_equal (target, "doccano")) &&
      has_octal_escape (data, size))
    return TRUE;
  /* Item 8: a JSON line that parses as nothing (a CR, a BOM) reaches a
   * Json-CRITICAL. */
  if ((g_str_equal (target, "jsonl") || g_str_equal (target, "doccano")) &&
      has_empty_json_line (data, size, g_str_equal (target, "jsonl")))
    return TRUE;
  /* Item 8: an empty project.qde reaches a GLib-CRITICAL. Item 3: entity
   * declarations that the byte search for "<!ENTITY" misses (it stops at
   * the first NUL: UTF-16) are expanded. */
  if (g_str_equal (target, "qde") && qde_is_known (data, size))
    return TRUE;
  return FALSE;
}
