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
} HearsayTextImportOptions;

typedef struct
{
  GPtrArray *documents;        /* HearsayDocument, as stored (with ids) */
  guint n_annotations;
  guint n_relations;
  GPtrArray *quote_mismatches; /* char *: "FILE:LINE: …" */
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

G_END_DECLS
