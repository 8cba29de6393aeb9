/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-cas-private.h: what the WebAnno TSV and UIMA CAS XMI
 * writers share — INCEpTION's per-user layout, the tokens and sentences a
 * CAS needs, Hearsay's layers, and the losses both report. */
#pragma once

#ifndef HEARSAY_EXPORT_COMPILATION
#error "hearsay-export-cas-private.h is private to src/core/export"
#endif

#include "hearsay-export-private.h"
#include "hearsay-relation.h"

G_BEGIN_DECLS

#define HEARSAY_CAS_SPAN_TYPE      "webanno.custom.Hearsay"
#define HEARSAY_CAS_RELATION_TYPE  "webanno.custom.HearsayRelation"
#define HEARSAY_CAS_DOCUMENT_TYPE  "webanno.custom.HearsayDocument"
/* The file of a document without annotations (INCEpTION's name for a
 * document's state before anyone annotated it). */
#define HEARSAY_CAS_INITIAL_CAS    "INITIAL_CAS"

typedef struct
{
  gint64 start;        /* code points of the exported text */
  gint64 end;
  gboolean sentence;   /* the first token after a line break */
} HearsayCasToken;

/* The annotations of one annotator of one document. */
typedef struct
{
  char *annotator;           /* the file's stem */
  GPtrArray *annotations;    /* HearsayAnnotation, offsets of the exported text */
  GPtrArray *relations;      /* HearsayRelation, both ends in this file */
} HearsayCasFile;

typedef struct
{
  GHashTable *names;         /* document folder names used */
  guint n_metadata;          /* documents whose metadata has no place */
  guint n_times;             /* annotations whose times have no place */
  guint n_entity_relations;
  guint n_cross_document;
  guint n_cross_annotator;
  guint n_relation_annotator;/* relations of another annotator than their source's */
} HearsayCasExport;

HearsayCasExport *hearsay_cas_export_new          (void);
void              hearsay_cas_export_free         (HearsayCasExport     *state);
/* Reports what no CAS file of the export could carry (@format: "webanno-tsv"). */
void              hearsay_cas_export_warn         (HearsayExportContext *ctx,
                                                   HearsayCasExport     *state,
                                                   const char           *format,
                                                   gboolean              has_metadata_layer);

/* "annotation/<title>" made safe for a file name and unique. */
char             *hearsay_cas_export_folder       (HearsayCasExport     *state,
                                                   HearsayDocument      *doc);
/* @doc's annotations (converted by @map) and relations, one file per
 * annotator; a document without annotations gets one INITIAL_CAS file. */
GPtrArray        *hearsay_cas_export_files        (HearsayExportContext *ctx,
                                                   HearsayCasExport     *state,
                                                   HearsayDocument      *doc,
                                                   HearsayOffsetMap     *map,
                                                   GError              **error);
/* Tokens of @text (code points): runs of letters and digits with their
 * combining marks, or one other character with what joins it (an emoji
 * with its modifiers); white space separates them; a BOM is a token. */
GArray           *hearsay_cas_export_tokens       (const char           *text);
/* Writes @data as @relative (folders made) inside the export's folder. */
gboolean          hearsay_cas_export_write        (HearsayExportContext *ctx,
                                                   const char           *relative,
                                                   const char           *data,
                                                   gsize                 size,
                                                   GError              **error);
/* The attribute names of @file in scheme order, then the others sorted;
 * names that are not identifiers or that Hearsay's layer uses itself are
 * reported and left out. */
GPtrArray        *hearsay_cas_export_attributes   (HearsayExportContext *ctx,
                                                   HearsayCasFile       *file,
                                                   const char           *where);
/* Whether the scheme makes @name a multi-choice attribute of any label. */
gboolean          hearsay_cas_export_is_multi     (HearsayExportContext *ctx,
                                                   const char           *name);

G_END_DECLS
