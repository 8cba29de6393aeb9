/* hearsay-import-text.c: plain-text articles. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearsay-encoding.h"
#include "hearsay-error.h"
#include "hearsay-import.h"
#include "hearsay-import-private.h"
#include "hearsay-project-private.h"

#define MAX_TITLE_CHARS 200

void
hearsay_import_report_init (HearsayImportReport *report)
{
  memset (report, 0, sizeof *report);
  report->documents = g_ptr_array_new_with_free_func (g_object_unref);
  report->quote_mismatches = g_ptr_array_new_with_free_func (g_free);
}

void
hearsay_import_report_clear (HearsayImportReport *report)
{
  g_clear_pointer (&report->documents, g_ptr_array_unref);
  g_clear_pointer (&report->quote_mismatches, g_ptr_array_unref);
}

gboolean
hearsay_import_check_date (const char  *date,
                           GError     **error)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int y, m, d;
  char tail;

  if (date == NULL || *date == '\0')
    return TRUE;
  if (sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
      strlen (date) == 10 && g_date_valid_dmy (d, m, y))
    return TRUE;
  dt = g_date_time_new_from_iso8601 (date, utc);
  if (dt != NULL)
    return TRUE;
  g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
               _("“%s” is not a date: use YYYY-MM-DD or an ISO 8601 date and time"), date);
  return FALSE;
}

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
                           const HearsayTextImportOptions *options,
                           GError                        **error)
{
  static const HearsayTextImportOptions no_options = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *raw_sha = NULL;
  g_autofree char *base = NULL;
  HearsayDocument *doc;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (options == NULL)
    options = &no_options;
  if (!hearsay_import_check_date (options->date, error))
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
                          const HearsayTextImportOptions *options,
                          GError                        **error)
{
  g_autoptr(GBytes) bytes = hearsay_import_read_file (path, HEARSAY_MAX_TEXT_BYTES, error);

  if (bytes == NULL)
    return NULL;
  return hearsay_import_text_bytes (path, bytes, options, error);
}

gboolean
hearsay_project_import_text_files (HearsayProject                 *self,
                                   const char * const             *paths,
                                   const HearsayTextImportOptions *options,
                                   HearsayImportReport            *report,
                                   GError                        **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);

  /* Every file is read and checked before anything is written. */
  for (guint i = 0; paths[i]; i++)
    {
      HearsayDocument *doc = hearsay_import_text_file (paths[i], options, error);

      if (doc == NULL)
        return FALSE;
      g_ptr_array_add (docs, doc);
    }
  /* Page furniture is marked in the same transaction (hearsay-boilerplate.c). */
  return hearsay_project_add_imported_documents (self, docs, options == NULL || !options->no_boilerplate,
                                                 report, error);
}
