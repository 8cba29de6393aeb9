/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-html.c: saved web pages, one document each, with the
 * furniture and headline marks their structure gives. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-date.h"
#include "hearsay-error.h"
#include "hearsay-html.h"
#include "hearsay-import-private.h"

/* A page's date as Hearsay stores it, or NULL when it is not one. */
static char *
clean_date (const char *date)
{
  g_autofree char *copy = NULL;

  if (date == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (date));
  if (*copy != '\0' && hearsay_date_check (copy, NULL))
    return g_steal_pointer (&copy);
  /* "2017-11-03T10:30" lacks seconds; keep the day. */
  if (strlen (copy) >= 10)
    {
      copy[10] = '\0';
      if (hearsay_date_check (copy, NULL))
        return g_steal_pointer (&copy);
    }
  return NULL;
}

/* The document of a page, with the marks its structure gives (may be NULL). */
static HearsayDocument *
html_document (const char                     *display_name,
               GBytes                         *bytes,
               const HearsayImportOptions *options,
               GArray                        **marks,
               GError                        **error)
{
  static const HearsayImportOptions no_options = { 0 };
  g_autoptr(HearsayHtmlArticle) article = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *raw_sha = NULL;
  g_autofree char *base = NULL;
  g_autofree char *date = NULL;
  HearsayDocument *doc;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (options == NULL)
    options = &no_options;
  if (!hearsay_date_check (options->date, error))
    return NULL;
  if (size > HEARSAY_MAX_HTML_BYTES)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_TOO_LARGE,
                   _("%s is too large (%.1f MB): Hearsay imports web pages of up to %d MB"),
                   display_name, size / 1e6, HEARSAY_MAX_HTML_BYTES / (1024 * 1024));
      return NULL;
    }
  utf8 = hearsay_html_decode (display_name, data, size, options->encoding, NULL, error);
  if (utf8 == NULL)
    return NULL;
  article = hearsay_html_extract (utf8, strlen (utf8), display_name, error);
  if (article == NULL)
    return NULL;

  base = g_path_get_basename (display_name);
  raw_sha = hearsay_text_sha256 (data, size);
  date = options->date ? g_strdup (options->date) : clean_date (article->published);
  doc = hearsay_document_new (article->text);
  hearsay_document_set_title (doc, options->title ? options->title : article->title ? article->title : base);
  hearsay_document_set_outlet (doc, options->outlet ? options->outlet : article->outlet);
  hearsay_document_set_url (doc, options->url ? options->url : article->url);
  hearsay_document_set_published_at (doc, date);
  hearsay_document_set_language (doc, options->language ? options->language : article->language);
  hearsay_document_set_direction (doc, hearsay_text_detect_direction (article->text));
  hearsay_document_set_source_name (doc, base);
  hearsay_document_set_source_sha256 (doc, raw_sha);
  if (article->authors != NULL && article->authors[0] != NULL)
    hearsay_document_set_field (doc, "author", (const char * const *) article->authors);
  if (marks != NULL)
    *marks = g_steal_pointer (&article->marks);
  return doc;
}

HearsayDocument *
hearsay_import_html_bytes (const char                     *display_name,
                           GBytes                         *bytes,
                           const HearsayImportOptions *options,
                           GError                        **error)
{
  return html_document (display_name, bytes, options, NULL, error);
}

HearsayDocument *
hearsay_import_html_file (const char                     *path,
                          const HearsayImportOptions *options,
                          GError                        **error)
{
  g_autoptr(GBytes) bytes = hearsay_import_read_file (path, HEARSAY_MAX_HTML_BYTES, error);

  if (bytes == NULL)
    return NULL;
  return hearsay_import_html_bytes (path, bytes, options, error);
}

/* The page's furniture and headline are marked as its structure says, then
 * the text rules and the outlet's repeated lines look at the rest. The
 * headline is marked only when the project's scheme has the label. */
gboolean
hearsay_import_html_unit (HearsayImportContext  *ctx,
                          const char            *path,
                          GError               **error)
{
  HearsayImportOptions text_options = { .encoding = ctx->options->encoding };
  g_autoptr(GBytes) bytes = hearsay_import_read_file (path, HEARSAY_MAX_HTML_BYTES, error);
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GArray) spans = NULL;
  gboolean furniture = ctx->options == NULL || !ctx->options->no_boilerplate;
  gboolean headline;
  guint n_marked = 0;

  if (bytes == NULL)
    return FALSE;
  doc = html_document (path, bytes, &text_options, &marks, error);
  if (doc == NULL || !hearsay_import_store_document (ctx, doc, FALSE, error))
    return FALSE;
  headline = hearsay_scheme_lookup_label (hearsay_project_get_scheme (ctx->project), HEARSAY_HTML_HEADLINE_LABEL) != NULL;
  spans = g_array_sized_new (FALSE, FALSE, sizeof (HearsayBoilerplateSpan), marks->len);
  for (guint i = 0; i < marks->len; i++)
    {
      const HearsayHtmlMark *m = &g_array_index (marks, HearsayHtmlMark, i);
      HearsayBoilerplateSpan span = { m->start, m->end, m->kind, NULL };

      if (m->kind == NULL)
        {
          if (!headline)
            continue;
          span.label = m->label;
        }
      else if (!furniture)
        continue;
      g_array_append_val (spans, span);
    }
  if (furniture)
    {
      if (ctx->boilerplate == NULL)
        ctx->boilerplate = hearsay_boilerplate_context_new (ctx->project);
      if (!hearsay_boilerplate_mark_spans (ctx->boilerplate, doc, (const HearsayBoilerplateSpan *) spans->data,
                                           spans->len, &n_marked, error))
        return FALSE;
      ctx->report->n_boilerplate += n_marked + hearsay_boilerplate_context_take_n_elsewhere (ctx->boilerplate);
      for (guint i = 0; i < spans->len; i++)
        if (g_array_index (spans, HearsayBoilerplateSpan, i).label != NULL)
          ctx->report->n_boilerplate--;
    }
  else if (spans->len > 0)
    {
      /* Only the headline: stored without the furniture rules. */
      if (!hearsay_boilerplate_store_given (ctx->project, doc, (const HearsayBoilerplateSpan *) spans->data,
                                            spans->len, error))
        return FALSE;
      n_marked = spans->len;
    }
  hearsay_document_set_n_annotations (doc, hearsay_document_get_n_annotations (doc) + n_marked);
  return TRUE;
}
