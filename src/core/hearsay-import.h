/* hearsay-import.h: bringing files into a project. An import lands whole or
 * not at all: one transaction, rolled back on the first error. */
#pragma once

#include <gio/gio.h>

#include "hearsay-document.h"
#include "hearsay-project.h"

G_BEGIN_DECLS

typedef struct
{
  const char *title;     /* default: the first non-empty line */
  const char *outlet;
  const char *url;
  const char *date;      /* YYYY-MM-DD or an ISO 8601 date-time */
  const char *language;  /* BCP 47 tag, e.g. "fr" */
  const char *encoding;  /* charset of files that are not UTF-8/UTF-16 with BOM */
  gboolean no_boilerplate;  /* do not mark page furniture as boilerplate */
} HearsayTextImportOptions;

typedef struct
{
  GPtrArray *documents;        /* HearsayDocument, as stored (with ids) */
  guint n_annotations;
  guint n_relations;
  GPtrArray *quote_mismatches; /* char *: "FILE:LINE: …" */
  guint n_boilerplate;         /* boilerplate annotations the importer marked */
} HearsayImportReport;

void             hearsay_import_report_init       (HearsayImportReport       *report);
void             hearsay_import_report_clear      (HearsayImportReport       *report);

gboolean         hearsay_import_check_date        (const char                *date,
                                                   GError                   **error);
HearsayDocument *hearsay_import_text_bytes        (const char                *display_name,
                                                   GBytes                    *bytes,
                                                   const HearsayTextImportOptions *options,
                                                   GError                   **error);
HearsayDocument *hearsay_import_text_file         (const char                *path,
                                                   const HearsayTextImportOptions *options,
                                                   GError                   **error);

gboolean         hearsay_project_import_text_files (HearsayProject           *self,
                                                    const char * const       *paths,
                                                    const HearsayTextImportOptions *options,
                                                    HearsayImportReport      *report,
                                                    GError                  **error);
gboolean         hearsay_project_import_jsonl      (HearsayProject           *self,
                                                    const char               *path,
                                                    HearsayImportReport      *report,
                                                    GError                  **error);

/* Corpus and article imports (hearsay-import-dir.c and one file per format). */
typedef struct
{
  const char *encoding;     /* text: charset of files without BOM; html: used when
                               the page declares none */
  gboolean end_inclusive;   /* semeval: the end offsets point at the last character */
  gboolean no_boilerplate;  /* text, html: do not mark page furniture */
  gboolean strict_quotes;   /* refuse the whole import at the first quote mismatch */
} HearsayCorpusImportOptions;

/* Called before each file (@done files finished of @total) and once at the
 * end with @done == @total and @current_path NULL. */
typedef void (*HearsayImportProgressFunc) (guint       done,
                                           guint       total,
                                           const char *current_path,
                                           gpointer    user_data);

/* Largest HTML file imported (bytes). */
#define HEARSAY_MAX_HTML_BYTES (50 * 1024 * 1024)

/* One saved web page → one document: its visible text in reading order,
 * blocks separated by blank lines, with title, outlet, date, authors (field
 * "author"), canonical URL, language and provenance. Not stored, and so
 * without the furniture and headline marks that hearsay_project_import_paths()
 * adds (the article is the text minus those marks). */
HearsayDocument *hearsay_import_html_bytes        (const char                *display_name,
                                                   GBytes                    *bytes,
                                                   const HearsayTextImportOptions *options,
                                                   GError                   **error);
HearsayDocument *hearsay_import_html_file         (const char                *path,
                                                   const HearsayTextImportOptions *options,
                                                   GError                   **error);

/* Stores @documents (imported_at set) with their boilerplate marked when
 * @mark_boilerplate, in one transaction; fills @report (may be NULL). */
gboolean         hearsay_project_add_imported_documents (HearsayProject      *self,
                                                   GPtrArray                 *documents,
                                                   gboolean                   mark_boilerplate,
                                                   HearsayImportReport       *report,
                                                   GError                   **error);

/* Imports @paths (files or folders) as @format: "text", "html", "jsonl",
 * "brat", "semeval", "w3c", "doccano", "qdpx", or NULL to guess from each path.
 * Folders expand per format: html .html/.htm, text .txt, brat the .txt
 * files that have .ann files, semeval the label files, w3c .json/.jsonld,
 * doccano and jsonl .jsonl, qdpx .qdpx — sorted by name. One transaction: whole or
 * nothing; cancelling rolls everything back. @options and @report may be NULL. */
gboolean         hearsay_project_import_paths     (HearsayProject            *self,
                                                   const char                *format,
                                                   const char * const        *paths,
                                                   const HearsayCorpusImportOptions *options,
                                                   HearsayImportProgressFunc  progress,
                                                   gpointer                   user_data,
                                                   GCancellable              *cancellable,
                                                   HearsayImportReport       *report,
                                                   GError                   **error);
/* The format hearsay_project_import_paths() would use for @path, or NULL. */
const char      *hearsay_import_guess_format      (const char                *path);

G_END_DECLS
