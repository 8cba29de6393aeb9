/* hearsay-export.h: writing a project's documents and annotations out. */
#pragma once

#include <gio/gio.h>

#include "hearsay-project.h"

G_BEGIN_DECLS

typedef enum {
  HEARSAY_EXPORT_JSONL,
  HEARSAY_EXPORT_CSV,
} HearsayExportFormat;

typedef struct
{
  const gint64 *document_ids;  /* NULL: every document */
  guint n_document_ids;
  gboolean exclude_boilerplate;
} HearsayExportOptions;

gboolean hearsay_export_format_from_string (const char                 *name,
                                            HearsayExportFormat        *format);
gboolean hearsay_project_export            (HearsayProject             *self,
                                            HearsayExportFormat         format,
                                            const HearsayExportOptions *options,
                                            GOutputStream              *out,
                                            GCancellable               *cancellable,
                                            GError                    **error);
/* Writes to @path atomically: the target is replaced only on success. */
gboolean hearsay_project_export_to_path    (HearsayProject             *self,
                                            HearsayExportFormat         format,
                                            const HearsayExportOptions *options,
                                            const char                 *path,
                                            GCancellable               *cancellable,
                                            GError                    **error);

G_END_DECLS
