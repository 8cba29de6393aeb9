/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-cas-private.h: what the WebAnno TSV and UIMA CAS XMI
 * importers share — a document as UIMA holds it (typed spans with features,
 * relations between them), how its layers become Hearsay labels, attributes
 * and relations, and INCEpTION's per-user file layout. */
#pragma once

#ifndef HEARSAY_IMPORT_COMPILATION
#error "hearsay-import-cas-private.h is private to src/core/import"
#endif

#include "hearsay-import-private.h"

G_BEGIN_DECLS

/* The layers Hearsay writes (hearsay-export-webanno-tsv.c, -xmi.c). */
#define HEARSAY_CAS_SPAN_TYPE      "webanno.custom.Hearsay"
#define HEARSAY_CAS_RELATION_TYPE  "webanno.custom.HearsayRelation"
#define HEARSAY_CAS_DOCUMENT_TYPE  "webanno.custom.HearsayDocument"
#define HEARSAY_CAS_NAMED_ENTITY   "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
#define HEARSAY_CAS_TOKEN          "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token"
#define HEARSAY_CAS_SENTENCE       "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence"
#define HEARSAY_CAS_DEPENDENCY     "de.tudarmstadt.ukp.dkpro.core.api.syntax.type.dependency.Dependency"
/* Who annotated a file when its place does not say (a single export). */
#define HEARSAY_CAS_DEFAULT_ANNOTATOR "inception"

typedef struct
{
  char *type;            /* the UIMA type: "webanno.custom.Claim" */
  gint64 begin;          /* stored code points, end exclusive */
  gint64 end;
  GHashTable *features;  /* name → GStrv: one value, or several (multi-valued) */
  gboolean chain;        /* an element of a chain layer */
  guint line;            /* where the file defines it (0: unknown) */
  gint64 annotation_id;  /* once stored */
} HearsayCasSpan;

typedef struct
{
  char *type;            /* the UIMA type of the relation layer */
  char *label;           /* the relation type when the reader knows it
                            (chains, slots), else derived from the features */
  HearsayCasSpan *from;  /* Governor, the source */
  HearsayCasSpan *to;    /* Dependent, the target */
  GHashTable *features;
  guint line;
} HearsayCasRelation;

typedef struct
{
  char *text;
  char *title;           /* NULL: the file's place names it */
  char *url;
  char *language;
  char *outlet;
  char *published_at;
  GHashTable *fields;    /* document fields: name → GStrv */
  GPtrArray *spans;      /* HearsayCasSpan, owned */
  GPtrArray *relations;  /* HearsayCasRelation, owned */
} HearsayCasDocument;

HearsayCasDocument *hearsay_cas_document_new      (void);
void                hearsay_cas_document_free     (HearsayCasDocument *cas);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayCasDocument, hearsay_cas_document_free)

HearsayCasSpan     *hearsay_cas_add_span          (HearsayCasDocument *cas,
                                                   const char         *type,
                                                   gint64              begin,
                                                   gint64              end,
                                                   guint               line);
HearsayCasRelation *hearsay_cas_add_relation      (HearsayCasDocument *cas,
                                                   const char         *type,
                                                   HearsayCasSpan     *from,
                                                   HearsayCasSpan     *to,
                                                   guint               line);
/* Sets feature @name to @value (NULL: no value), keeping the first value a
 * multi-unit annotation gave. */
void                hearsay_cas_set_feature       (GHashTable         *features,
                                                   const char         *name,
                                                   const char         *value);
void                hearsay_cas_add_feature_value (GHashTable         *features,
                                                   const char         *name,
                                                   const char         *value);
const char         *hearsay_cas_get_feature       (GHashTable         *features,
                                                   const char         *name);
/* "webanno.custom.Claim" → "Claim". */
const char         *hearsay_cas_short_name        (const char         *type);

/* Reads one per-user file into a document; @line_out set on errors. */
typedef HearsayCasDocument *(*HearsayCasParseFunc) (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GError               **error);

/* A unit of the TSV or XMI importer: one file, or a document's folder of
 * INCEpTION's project layout (annotation/<document>/<user>.<ext>, and
 * curation/<document>/ beside it), one file per user: one document whose
 * annotators are the users. */
gboolean            hearsay_import_cas_unit       (HearsayImportContext  *ctx,
                                                   const char            *path,
                                                   const char            *suffix,
                                                   HearsayCasParseFunc    parse,
                                                   GError               **error);
/* hearsay_import_cas_expand() (declared in hearsay-import-private.h)
 * expands files and folders (searched a few levels down) into units: each
 * file on its own, each document folder of the layout once. */

/* The format readers. */
HearsayCasDocument *hearsay_import_webanno_tsv_parse (HearsayImportContext  *ctx,
                                                      const char            *path,
                                                      GError               **error);
HearsayCasDocument *hearsay_import_xmi_parse      (HearsayImportContext  *ctx,
                                                   const char            *path,
                                                   GError               **error);

G_END_DECLS
