/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-text.c: plain-text articles, one document each. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearsay-encoding.h"
#include "hearsay-error.h"
#include "hearsay-date.h"
#include "hearsay-import-private.h"

#define MAX_TITLE_CHARS 200

/* The first non-empty line, without a BOM, trimmed and shortened. */
static char *
first_line_title (const char *text)
{
  const char *p = text;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  while (*p)
    {
      const char *eol = strpbrk (p, "\r\n");
      gsize len = eol ? (gsize) (eol - p) : strlen (p);
      g_autofree char *line = g_strndup (p, len);

      g_strstrip (line);
      if (*line != '\0')
        {
          if (g_utf8_strlen (line, -1) > MAX_TITLE_CHARS)
            {
              char *cut = g_utf8_offset_to_pointer (line, MAX_TITLE_CHARS - 1);

              *cut = '\0';
              return g_strconcat (line, "…", NULL);
            }
          return g_steal_pointer (&line);
        }
      if (eol == NULL)
        break;
      p = eol + 1;
    }
  return g_strdup ("");
}

HearsayDocument *
hearsay_import_text_bytes (const char                     *display_name,
                           GBytes                         *bytes,
                           const HearsayImportOptions *options,
                           GError                        **error)
{
  static const HearsayImportOptions no_options = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *raw_sha = NULL;
  g_autofree char *base = NULL;
  HearsayDocument *doc;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (options == NULL)
    options = &no_options;
  if (!hearsay_date_check (options->date, error))
    return NULL;

  text = hearsay_encoding_decode (display_name, data, size, options->encoding, error);
  if (text == NULL)
    return NULL;

  doc = hearsay_document_new (text);
  title = options->title ? g_strdup (options->title) : first_line_title (text);
  base = g_path_get_basename (display_name);
  if (*title == '\0')
    {
      g_free (title);
      title = g_strdup (base);
    }
  raw_sha = hearsay_text_sha256 (data, size);
  hearsay_document_set_title (doc, title);
  hearsay_document_set_outlet (doc, options->outlet);
  hearsay_document_set_url (doc, options->url);
  hearsay_document_set_published_at (doc, options->date);
  hearsay_document_set_language (doc, options->language);
  hearsay_document_set_source_name (doc, base);
  hearsay_document_set_source_sha256 (doc, raw_sha);
  return doc;
}

HearsayDocument *
hearsay_import_text_file (const char                     *path,
                          const HearsayImportOptions *options,
                          GError                        **error)
{
  g_autoptr(GBytes) bytes = hearsay_import_read_file (path, HEARSAY_MAX_TEXT_BYTES, error);

  if (bytes == NULL)
    return NULL;
  return hearsay_import_text_bytes (path, bytes, options, error);
}

gboolean
hearsay_import_text_unit (HearsayImportContext  *ctx,
                          const char            *path,
                          GError               **error)
{
  g_autoptr(HearsayDocument) doc = hearsay_import_text_file (path, ctx->options, error);

  return doc != NULL && hearsay_import_store_document (ctx, doc, TRUE, error);
}
