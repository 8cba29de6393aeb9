/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-private.h: what the importers share. Every importer works
 * inside the one transaction that hearsay_import_paths() opens, so that an
 * import lands whole or not at all; it writes through the project's bulk
 * calls (hearsay-project-bulk.h), never to the store. */
#pragma once

#ifndef HEARSAY_IMPORT_COMPILATION
#error "hearsay-import-private.h is private to src/core/import"
#endif

#include <json-glib/json-glib.h>

#include "hearsay-boilerplate.h"
#include "hearsay-import.h"
#include "hearsay-project-bulk.h"

G_BEGIN_DECLS

/* Largest annotation or label file read whole (bytes). */
#define HEARSAY_MAX_IMPORT_BYTES (50 * 1024 * 1024)

typedef struct
{
  HearsayProject *project;
  const HearsayImportOptions *options;
  HearsayImportReport *report;
  HearsayBoilerplateContext *boilerplate;
  /* A copy of the project's scheme that brat's annotation.conf extends; it
   * replaces the project's scheme only after the commit. */
  HearsayScheme *scheme;
  gboolean scheme_changed;
  guint n_conf_edits;                /* brat: scheme edits annotation.conf made */
  /* W3C: documents of this import and the project, by url and file name. */
  GHashTable *documents_by_source;   /* char * → HearsayDocument */
  /* W3C: the text files given alongside that no target has named yet. */
  GPtrArray *w3c_texts;              /* HearsayDocument */
  /* brat: the .ann files of each folder, listed once (hearsay-import-brat.c),
   * and the annotation.conf files by folder (HearsayBratConf). */
  GHashTable *dir_listings;
  GHashTable *brat_confs;
  /* The import is one file into a project without documents: a JSONL file
   * keeps its ids, so that export → import → export is byte-identical. */
  gboolean keep_ids;
} HearsayImportContext;

/* Reads a whole file, refusing folders and files over @max bytes. */
GBytes           *hearsay_import_read_file         (const char            *path,
                                                    gsize                  max,
                                                    GError               **error);
/* Reads a file line by line without holding more than one line: a line
 * longer than @max bytes is refused with "FILE:LINE: …". */
typedef struct _HearsayLineReader HearsayLineReader;

HearsayLineReader *hearsay_line_reader_new   (const char         *path,
                                              gsize               max,
                                              GError            **error);
/* The next line without its "\n" (@length set, NUL-terminated, valid until
 * the next call), or NULL at the end (@error unset) or on an error. */
char              *hearsay_line_reader_next  (HearsayLineReader  *reader,
                                              gsize              *length,
                                              GError            **error);
guint              hearsay_line_reader_get_line (HearsayLineReader *reader);
void               hearsay_line_reader_free  (HearsayLineReader  *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayLineReader, hearsay_line_reader_free)

/* Reads a text file as the text importer does (BOM kept, UTF-16 converted). */
char             *hearsay_import_read_text         (const char            *path,
                                                    const char            *encoding,
                                                    char                 **raw_sha256,
                                                    GError               **error);

/* Sets "FILE:LINE: message" (LINE left out when 0); returns FALSE. */
gboolean          hearsay_import_fail              (GError               **error,
                                                    const char            *path,
                                                    guint                  line,
                                                    const char            *format,
                                                    ...) G_GNUC_PRINTF (4, 5);
/* Records a quote mismatch: with strict_quotes it is an error (FALSE),
 * otherwise it is listed in the report and the caller skips the annotation. */
gboolean          hearsay_import_quote_mismatch    (HearsayImportContext  *ctx,
                                                    GError               **error,
                                                    const char            *path,
                                                    guint                  line,
                                                    const char            *format,
                                                    ...) G_GNUC_PRINTF (5, 6);

/* Lists in the report something the import leaves out, and why. */
void              hearsay_import_skip              (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    guint                  line,
                                                    const char            *format,
                                                    ...) G_GNUC_PRINTF (4, 5);
/* Lists in the report how something was read (the offset convention an
 * importer chose, labels it added to the scheme); the CLI prints it. */
void              hearsay_import_note              (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    guint                  line,
                                                    const char            *format,
                                                    ...) G_GNUC_PRINTF (4, 5);
/* Stores a new document (imported_at set), marks its boilerplate when asked,
 * and lists it in the report. */
gboolean          hearsay_import_store_document    (HearsayImportContext  *ctx,
                                                    HearsayDocument       *doc,
                                                    gboolean               mark_boilerplate,
                                                    GError               **error);
/* Checks the offsets, fills quotes, annotator and times, and stores @ann. */
gboolean          hearsay_import_store_annotation  (HearsayImportContext  *ctx,
                                                    HearsayTextIndex      *index,
                                                    HearsayAnnotation     *ann,
                                                    const char            *annotator,
                                                    const char            *path,
                                                    guint                  line,
                                                    GError               **error);
gboolean          hearsay_import_store_relation    (HearsayImportContext  *ctx,
                                                    const char            *type,
                                                    gint64                 from_id,
                                                    gint64                 to_id,
                                                    const char            *annotator,
                                                    GError               **error);
gboolean          hearsay_import_store_entity_relation (HearsayImportContext *ctx,
                                                    const char            *type,
                                                    gint64                 from_id,
                                                    gint64                 entity_id,
                                                    const char            *annotator,
                                                    GError               **error);
/* @text shortened to at most @max characters (an ellipsis in the middle),
 * for quoting a file's text in a message. */
char             *hearsay_import_excerpt           (const char            *text,
                                                    guint                  max);
/* How a file of this import counts offsets: the caller's choice when it
 * made one, else what the file states (@stated may be NULL), else the
 * format's default (@fallback). */
HearsayOffsetConvention hearsay_import_convention  (HearsayImportContext          *ctx,
                                                    const HearsayOffsetConvention *stated,
                                                    const HearsayOffsetConvention *fallback);
/* A span in a file's convention → stored code points, or a refusal that
 * names the file, the place and the convention ("FILE:LINE: the span …
 * does not fall on characters of the text, counted in UTF-16 code units"). */
gboolean          hearsay_import_convert_span      (HearsayOffsetReader           *reader,
                                                    const HearsayOffsetConvention *convention,
                                                    gint64                         start,
                                                    gint64                         end,
                                                    gint64                        *stored_start,
                                                    gint64                        *stored_end,
                                                    const char                    *path,
                                                    guint                          line,
                                                    GError                       **error);
/* The scheme label id for a foreign name ("Loaded-Language" → "loaded_language")
 * when the scheme has it, else the name itself. */
char             *hearsay_import_map_label         (HearsayScheme         *scheme,
                                                    const char            *name);
/* A scheme identifier for a foreign name: ASCII lowercase, other bytes "_". */
char             *hearsay_import_identifier        (const char            *name);
/* The text of a document that the importers compare quotes against. */
gboolean          hearsay_import_text_matches      (HearsayTextIndex      *index,
                                                    gint64                 start,
                                                    gint64                 end,
                                                    const char            *expected);

/* The importer table (hearsay-importers.c). A format's paths expand into
 * units (one page, one brat document, one label file…), each read by its
 * read function inside the import's transaction. */
typedef gboolean (*HearsayImportUnitFunc)   (HearsayImportContext  *ctx,
                                             const char            *path,
                                             GError               **error);

typedef struct _HearsayImporter HearsayImporter;

/* Appends the units of @paths to @units (HearsayImportUnit) and, for brat,
 * the annotation.conf files to @confs. */
typedef gboolean (*HearsayImportExpandFunc) (const HearsayImporter *importer,
                                             const char * const    *paths,
                                             GPtrArray             *units,
                                             GPtrArray             *confs,
                                             GError               **error);

struct _HearsayImporter
{
  HearsayImportFormat format;    /* first: the public part */
  HearsayImportExpandFunc expand;
  HearsayImportUnitFunc read;
  /* The paths of one import expand together (a .txt and its .ann; texts
   * given alongside W3C annotations), not one by one. */
  gboolean expand_together;
};

typedef struct
{
  HearsayImportUnitFunc read;
  char *path;
} HearsayImportUnit;

const HearsayImporter *hearsay_importer_lookup       (const char            *name);
void                   hearsay_import_add_unit       (GPtrArray             *units,
                                                      HearsayImportUnitFunc  read,
                                                      const char            *path);
void                   hearsay_import_unit_free      (gpointer               unit);
/* Each path as a unit of @importer, folders listed by its suffixes. */
gboolean               hearsay_import_expand_simple  (const HearsayImporter *importer,
                                                      const char * const    *paths,
                                                      GPtrArray             *units,
                                                      GPtrArray             *confs,
                                                      GError               **error);
/* Case-insensitive suffix test of file names. */
gboolean               hearsay_import_has_suffix     (const char            *name,
                                                      const char            *suffix);

/* One unit of each format, inside the caller's transaction. */
gboolean          hearsay_import_text_unit         (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GError               **error);
gboolean          hearsay_import_html_unit         (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GError               **error);
gboolean          hearsay_import_jsonl_unit        (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GError               **error);
gboolean          hearsay_import_brat_unit         (HearsayImportContext  *ctx,
                                                    const char            *txt_path,
                                                    GError               **error);
gboolean          hearsay_import_brat_conf         (HearsayImportContext  *ctx,
                                                    const char            *conf_path,
                                                    GError               **error);
gboolean          hearsay_import_semeval_unit      (HearsayImportContext  *ctx,
                                                    const char            *labels_path,
                                                    GError               **error);
/* An article no SemEval label file names: a document without spans. */
gboolean          hearsay_import_semeval_article_unit (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GError               **error);
gboolean          hearsay_import_w3c_unit          (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GError               **error);
/* A text file given alongside W3C annotations: a document they target. */
gboolean          hearsay_import_w3c_text_unit     (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GError               **error);
gboolean          hearsay_import_doccano_unit      (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GError               **error);
/* A REFI-QDA project (.qdpx zip) and codebook (.qdc), hearsay-import-refi.c. */
gboolean          hearsay_import_refi_unit         (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GError               **error);
gboolean          hearsay_import_qdc_unit          (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GError               **error);

/* INCEpTION's WebAnno TSV and UIMA CAS XMI (hearsay-import-cas.c): one
 * file, or a document folder of the project layout, one file per user. */
gboolean          hearsay_import_webanno_tsv_unit  (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GError               **error);
gboolean          hearsay_import_xmi_unit          (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GError               **error);
gboolean          hearsay_import_cas_expand        (const HearsayImporter *importer,
                                                    const char * const    *paths,
                                                    GPtrArray             *units,
                                                    GPtrArray             *confs,
                                                    GError               **error);
/* Label Studio JSON tasks (hearsay-import-labelstudio*.c). */
gboolean          hearsay_import_labelstudio_unit  (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GError               **error);
/* CoNLL-2003 and CoNLL-U (hearsay-import-conll*.c); text files given
 * alongside are the texts their tokens are anchored on, in order. */
gboolean          hearsay_import_conll_expand      (const HearsayImporter *importer,
                                                    const char * const    *paths,
                                                    GPtrArray             *units,
                                                    GPtrArray             *confs,
                                                    GError               **error);
gboolean          hearsay_import_conll2003_unit    (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GError               **error);
gboolean          hearsay_import_conllu_unit       (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GError               **error);

/* Free-form keys of a peer's document (doccano meta, Label Studio data):
 * title, outlet, url, published_at and language as metadata, anything else
 * as a document field (scalars as text, lists of scalars as values, other
 * JSON kept whole) (hearsay-import-fields.c). */
gboolean          hearsay_import_is_metadata_name  (const char            *key);
void              hearsay_import_document_value    (HearsayDocument       *doc,
                                                    const char            *key,
                                                    JsonNode              *node);
/* The unit a Hearsay export states in @key ("codepoint", "utf16", "byte"). */
gboolean          hearsay_import_stated_unit       (JsonObject            *object,
                                                    const char            *key,
                                                    HearsayOffsetConvention *convention);

/* The files of @dir and of its folders (hidden ones and links to folders
 * aside, 8 levels down), ending with one of @suffixes: each folder's files
 * sorted by name, then its folders'. */
GPtrArray        *hearsay_import_list_tree         (const char            *dir,
                                                    const char * const    *suffixes,
                                                    GError               **error);
/* The files of @dir ending with one of @suffixes, sorted by name; a link
 * leading out of the folder is an error. */
GPtrArray        *hearsay_import_list_dir          (const char            *dir,
                                                    const char * const    *suffixes,
                                                    GError               **error);
/* Expand functions of brat (the .txt files that have an .ann, and the
 * annotation.conf files) and SemEval (label files), and of W3C (texts
 * given alongside are documents the annotations target). */
gboolean          hearsay_import_brat_expand       (const HearsayImporter *importer,
                                                    const char * const    *paths,
                                                    GPtrArray             *units,
                                                    GPtrArray             *confs,
                                                    GError               **error);
gboolean          hearsay_import_semeval_expand    (const HearsayImporter *importer,
                                                    const char * const    *paths,
                                                    GPtrArray             *units,
                                                    GPtrArray             *confs,
                                                    GError               **error);
gboolean          hearsay_import_w3c_expand        (const HearsayImporter *importer,
                                                    const char * const    *paths,
                                                    GPtrArray             *units,
                                                    GPtrArray             *confs,
                                                    GError               **error);

G_END_DECLS
