/* hearsay-export-private.h: shared by the exporters. */
#pragma once

#include "hearsay-annotation-json.h"
#include "hearsay-export.h"
#include "hearsay-project-private.h"

G_BEGIN_DECLS

typedef struct
{
  HearsayProject *project;
  const HearsayExportOptions *options;
  GOutputStream *out;
  GCancellable *cancellable;
  GString *buffer;   /* one document's output, written then reused */
} HearsayExportContext;

/* Writes ctx->buffer to the stream and empties it. */
gboolean hearsay_export_flush           (HearsayExportContext *ctx,
                                         GError              **error);
/* The annotations of @document_id that the options keep. */
GPtrArray *hearsay_export_annotations   (HearsayExportContext *ctx,
                                         gint64                document_id,
                                         GError              **error);
/* FALSE for an annotation that the options leave out (looked up by id). */
gboolean hearsay_export_keeps_annotation (HearsayExportContext *ctx,
                                          gint64                annotation_id);

gboolean hearsay_export_jsonl_document  (HearsayDocument      *document,
                                         gpointer              ctx,
                                         GError              **error);
gboolean hearsay_export_csv_begin       (HearsayExportContext *ctx,
                                         GError              **error);
gboolean hearsay_export_csv_document    (HearsayDocument      *document,
                                         gpointer              ctx,
                                         GError              **error);

G_END_DECLS
