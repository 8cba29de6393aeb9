/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-private.h: shared by the exporters. */
#pragma once

#ifndef HEARSAY_EXPORT_COMPILATION
#error "hearsay-export-private.h is private to src/core/export"
#endif

#include "hearsay-annotation-json.h"
#include "hearsay-export.h"
#include "hearsay-offsets.h"
#include "hearsay-project.h"
#include "hearsay-scheme-ids.h"

G_BEGIN_DECLS

typedef struct
{
  HearsayProject *project;
  const HearsayExportOptions *options;
  GOutputStream *out;       /* NULL for folder formats */
  GCancellable *cancellable;
  GString *buffer;          /* one document's output, written then reused */
  const char *dir;          /* folder formats: the (temporary) folder */
  gpointer data;            /* the writer's own state */
  GHashTable *selected;     /* with --document: the exported document ids */
  guint n_outside;          /* relations left out: their other end is not exported */
} HearsayExportContext;

typedef struct
{
  gboolean (*begin)     (HearsayExportContext *ctx,
                         GError              **error);
  gboolean (*document)  (HearsayDocument      *document,
                         gpointer              ctx,
                         GError              **error);
  gboolean (*end)       (HearsayExportContext *ctx,
                         GError              **error);
  void     (*free_data) (gpointer              data);
  const char *marker;   /* folder formats: a file every export of it holds */
} HearsayExportWriter;

extern const HearsayExportWriter hearsay_export_jsonl_writer;
extern const HearsayExportWriter hearsay_export_csv_writer;
extern const HearsayExportWriter hearsay_export_brat_writer;
extern const HearsayExportWriter hearsay_export_w3c_writer;
extern const HearsayExportWriter hearsay_export_semeval_writer;
extern const HearsayExportWriter hearsay_export_tei_writer;
extern const HearsayExportWriter hearsay_export_qdpx_writer;
extern const HearsayExportWriter hearsay_export_qdc_writer;
extern const HearsayExportWriter hearsay_export_conll_writer;
extern const HearsayExportWriter hearsay_export_webanno_tsv_writer;
extern const HearsayExportWriter hearsay_export_xmi_writer;
extern const HearsayExportWriter hearsay_export_doccano_writer;
extern const HearsayExportWriter hearsay_export_doccano_relations_writer;
extern const HearsayExportWriter hearsay_export_labelstudio_writer;

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
/* FALSE for a relation of a layer the options leave out. */
gboolean hearsay_export_keeps_relation  (HearsayExportContext  *ctx,
                                         const HearsayRelation *relation);
/* FALSE for a relation whose target annotation lies in a document the
 * export leaves out (counted, and said once at the end). */
gboolean hearsay_export_in_selection    (HearsayExportContext  *ctx,
                                         const HearsayRelation *relation);
/* The relations of @document_id whose ends are both kept and exported. */
GPtrArray *hearsay_export_relations     (HearsayExportContext *ctx,
                                         gint64                document_id,
                                         GHashTable           *kept,
                                         GError              **error);
/* The document's text and offsets as the options ask. */
HearsayOffsetMap *hearsay_export_offset_map (HearsayExportContext *ctx,
                                             HearsayDocument      *document);
/* @annotation with offsets in the export's unit and quotes from the exported
 * text (a new reference to @annotation itself when nothing changes). */
HearsayAnnotation *hearsay_export_convert_annotation (HearsayOffsetMap  *map,
                                                      HearsayAnnotation *annotation);
void     hearsay_export_warn            (HearsayExportContext *ctx,
                                         const char           *format,
                                         ...) G_GNUC_PRINTF (2, 3);
/* Writes @size bytes as the file @name inside ctx->dir. */
gboolean hearsay_export_write_file      (HearsayExportContext *ctx,
                                         const char           *name,
                                         const char           *data,
                                         gsize                 size,
                                         GError              **error);
/* A deterministic GUID (8-4-4-4-12) from the project path and @key. */
char    *hearsay_export_guid            (HearsayExportContext *ctx,
                                         const char           *key);

G_END_DECLS
