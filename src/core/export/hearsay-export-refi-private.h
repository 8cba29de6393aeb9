/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-refi-private.h: what the REFI-QDA writer's files share. */
#pragma once

#ifndef HEARSAY_EXPORT_COMPILATION
#error "hearsay-export-refi-private.h is private to src/core/export"
#endif

#include <archive.h>

#include "hearsay-export-private.h"

G_BEGIN_DECLS

typedef struct
{
  struct archive *zip;
  GError *zip_error;
  GFileIOStream *sources;   /* the Sources element's content */
  GFileIOStream *notes;     /* the Notes element's content */
  GFileIOStream *links;     /* the Links element's content */
  GFile *sources_file;
  GFile *notes_file;
  GFile *links_file;
  GHashTable *users;        /* annotator name → guid, in order of meeting */
  GPtrArray *user_order;
  /* Codes the scheme does not give: labels outside it, and attribute
   * values it does not list (label id → GPtrArray of "ATTRIBUTE: VALUE"). */
  GPtrArray *extra_labels;
  GHashTable *extra_values;
  GHashTable *variables;    /* variable names met, in order */
  GPtrArray *variable_order;
  GHashTable *cases;        /* case name → GPtrArray of source guids */
  GPtrArray *case_order;
  GHashTable *sets;         /* set name → GPtrArray of source guids */
  GPtrArray *set_order;
  guint n_crlf;             /* documents written with LF */
  guint n_bom_spans;        /* fragments that began at the BOM */
  guint n_bad_times;        /* times that are not xsd:dateTime */
  guint n_links;
  guint n_entity_relations;
  guint n_outside_relations;
} RefiState;

/* " ATTRIBUTE=\"GUID\"", the GUID derived from the key @format makes. */
void      hearsay_refi_append_guid     (HearsayExportContext *ctx,
                                        GString              *s,
                                        const char           *attribute,
                                        const char           *format,
                                        ...) G_GNUC_PRINTF (4, 5);
/* The Codes element: the scheme's labels with a child code per attribute
 * value, then (with @state) the codes its annotations need beyond it. */
void      hearsay_refi_append_codes    (HearsayExportContext *ctx,
                                        RefiState            *state,
                                        GString              *s);
/* Records that an annotation uses @label: a label outside the scheme gets a
 * code of its own in the codebook. */
void      hearsay_refi_use_label       (RefiState            *state,
                                        HearsayScheme        *scheme,
                                        const char           *label);
/* The code key ("LABEL.ATTRIBUTE.VALUE") of an attribute value, recorded
 * as an extra code when the scheme's codes do not hold it. */
char     *hearsay_refi_use_value       (RefiState            *state,
                                        HearsayScheme        *scheme,
                                        const char           *label,
                                        const char           *attribute,
                                        const char           *value);
/* A document's metadata and fields as VariableValues; the cases and sets
 * it is in are recorded for the Cases and Sets elements (its "description"
 * field is the TextSource's Description, written by the caller). */
void      hearsay_refi_append_variables (HearsayExportContext *ctx,
                                         RefiState            *state,
                                         HearsayDocument      *doc,
                                         const char           *source_guid,
                                         GString              *s);
/* The Variables and Cases elements (before Sources) and Sets (after Links). */
void      hearsay_refi_append_variables_and_cases (HearsayExportContext *ctx,
                                                   RefiState            *state,
                                                   GString              *s);
void      hearsay_refi_append_sets     (HearsayExportContext *ctx,
                                        RefiState            *state,
                                        GString              *s);
/* Whether @time is an xsd:dateTime (REFI-QDA's creationDateTime). */
gboolean  hearsay_refi_is_date_time    (const char           *time);

G_END_DECLS
