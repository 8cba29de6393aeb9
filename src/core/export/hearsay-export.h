/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export.h: writing a project's documents and annotations out. */
#pragma once

#include <gio/gio.h>

#include "hearsay-offsets.h"
#include "hearsay-project.h"

G_BEGIN_DECLS

typedef enum {
  HEARSAY_EXPORT_JSONL,
  HEARSAY_EXPORT_CSV,
  HEARSAY_EXPORT_BRAT,     /* a folder */
  HEARSAY_EXPORT_W3C,
  HEARSAY_EXPORT_SEMEVAL,  /* a folder */
  HEARSAY_EXPORT_TEI,
  HEARSAY_EXPORT_QDPX,
  HEARSAY_EXPORT_QDC,
  HEARSAY_EXPORT_CONLL,
  HEARSAY_EXPORT_WEBANNO_TSV,  /* a folder; offsets always UTF-16 */
  HEARSAY_EXPORT_XMI,          /* a folder; offsets always UTF-16 */
  HEARSAY_EXPORT_DOCCANO,            /* doccano JSONL, "label" triples */
  HEARSAY_EXPORT_DOCCANO_RELATIONS,  /* doccano JSONL, "entities" and "relations" */
  HEARSAY_EXPORT_LABELSTUDIO,        /* Label Studio JSON tasks */
} HearsayExportFormat;

typedef struct
{
  const gint64 *document_ids;  /* NULL: every document */
  guint n_document_ids;
  /* Leaves out boilerplate annotations (and their relations); the text
   * they mark stays in the exported text. */
  gboolean exclude_boilerplate;
  /* Only these layers (annotator names; NULL: every layer): their
   * annotations and relations; a relation without an annotator goes with
   * its ends. The gold layer is a layer like the others. */
  const char * const *layers;
  HearsayOffsetUnit offset_unit;  /* default: code points */
  /* offset_unit was chosen by the user; FALSE: each format's own unit
   * (code points, but UTF-16 code units for doccano, whose UI counts them). */
  gboolean offsets_given;
  HearsayNewlines newlines;       /* default: the text as stored */
  gboolean end_inclusive;         /* semeval: end offsets point at the last character */
  /* conll: start with a comment line saying what the export leaves out
   * (NLTK's ConllCorpusReader and most CoNLL readers refuse comments). */
  gboolean comments;
  /* Out, optional: the export appends what it could not carry (char *),
   * e.g. the overlapping spans a CoNLL export dropped. */
  GPtrArray *warnings;
} HearsayExportOptions;

gboolean    hearsay_export_format_from_string  (const char                 *name,
                                                HearsayExportFormat        *format);
const char *hearsay_export_format_to_string    (HearsayExportFormat         format);
/* "jsonl, csv, …": every format's name, for messages and help. */
char       *hearsay_export_format_names        (void);
/* TRUE for the formats written as a folder (brat, semeval). */
gboolean    hearsay_export_format_is_directory (HearsayExportFormat         format);
/* Streams one-file formats; folder formats need hearsay_export_project_to_path(). */
gboolean    hearsay_export_project             (HearsayProject             *project,
                                                HearsayExportFormat         format,
                                                const HearsayExportOptions *options,
                                                GOutputStream              *out,
                                                GCancellable               *cancellable,
                                                GError                    **error);
/* Writes to @path atomically: the target file, or folder for brat and
 * semeval, is replaced only on success. */
gboolean    hearsay_export_project_to_path     (HearsayProject             *project,
                                                HearsayExportFormat         format,
                                                const HearsayExportOptions *options,
                                                const char                 *path,
                                                GCancellable               *cancellable,
                                                GError                    **error);

G_END_DECLS
