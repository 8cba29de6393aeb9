/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import.h: bringing files into a project. One entry point,
 * hearsay_import_paths(), reads every format of the importer table; an
 * import lands whole or not at all: one transaction, rolled back on the
 * first error or on cancellation. */
#pragma once

#include <gio/gio.h>

#include "hearsay-document.h"
#include "hearsay-offset-reader.h"
#include "hearsay-project.h"

G_BEGIN_DECLS

/* One format of the importer table (hearsay-importers.c). */
typedef struct
{
  const char *name;          /* what --format takes: "text", "html", … */
  const char *label;         /* untranslated (N_); show it with _() */
  const char *description;   /* untranslated (N_), one sentence */
  const char * const *suffixes;  /* the file names it reads in a folder, lowercase */
} HearsayImportFormat;

/* Every format, in the order a menu shows them; NULL-terminated. */
const HearsayImportFormat * const *hearsay_import_formats       (void);
const HearsayImportFormat         *hearsay_import_format_lookup (const char *name);
/* "text, html, …, qdpx": the names, for messages and help. */
char                              *hearsay_import_format_names  (void);
/* The format hearsay_import_paths() would use for @path, or NULL. */
const char                        *hearsay_import_guess_format  (const char *path);

typedef struct
{
  const char *format;           /* a format's name, or NULL: guessed from each path */
  const char *fallback_format;  /* with format NULL: for paths whose format cannot be
                                   guessed (NULL: such a path is refused) */
  /* Plain-text documents: their metadata (a title only when there is one file). */
  const char *title;            /* default: the first non-empty line */
  const char *outlet;
  const char *url;
  const char *date;             /* YYYY-MM-DD or an ISO 8601 date-time */
  const char *language;         /* BCP 47 tag, e.g. "fr" */
  const char *encoding;         /* text: charset of files that are not UTF-8/UTF-16 with
                                   BOM; html: used when the page declares none */
  gboolean end_inclusive;       /* semeval: the end offsets point at the last character */
  /* How the files count offsets, when the caller knows better than the
   * file (a stated unit, a Hearsay export's README) or the format's own
   * default; see hearsay_import_convention(). */
  gboolean offsets_given;
  HearsayOffsetConvention offsets;
  /* doccano: the keys of the text and of the labels (doccano's own
   * column_data and column_label; default "text" and "label"); labelstudio:
   * text_column is the task data's key of the text (default "text", else
   * its only string). */
  const char *text_column;
  const char *label_column;
  gboolean no_boilerplate;      /* text, html: do not mark page furniture */
  gboolean strict_quotes;       /* refuse the whole import at the first quote mismatch */
  gboolean skip_unreadable;     /* import the files that can be read, list the others in
                                   the report's skipped (default: refuse, naming them all) */
} HearsayImportOptions;

typedef struct
{
  GPtrArray *documents;        /* HearsayDocument, as stored (with ids) */
  guint n_annotations;
  guint n_relations;
  GPtrArray *quote_mismatches; /* char *: "FILE:LINE: …" */
  GPtrArray *skipped;          /* char *: "FILE:LINE: what was left out and why" */
  GPtrArray *notes;            /* char *: "FILE: how it was read" (e.g. the offset
                                  unit an importer chose for it, and why) */
  guint n_boilerplate;         /* boilerplate annotations the importer marked */
} HearsayImportReport;

void             hearsay_import_report_init       (HearsayImportReport        *report);
void             hearsay_import_report_clear      (HearsayImportReport        *report);

/* Called before each unit (@done units finished of @total) and once at the
 * end with @done == @total and @current_path NULL. */
typedef void (*HearsayImportProgressFunc) (guint       done,
                                           guint       total,
                                           const char *current_path,
                                           gpointer    user_data);

/* Imports @paths (files or folders). Folders expand per format: html
 * .html/.htm, text .txt, brat every .txt of the tree (with its .ann files), semeval
 * the label files, w3c .json/.jsonld, labelstudio .json, doccano and jsonl
 * .jsonl, qdpx .qdpx, webanno-tsv .tsv and xmi .xmi (searched a few folders
 * down; INCEpTION's annotation/<document>/<user> files are one document per
 * folder), conll2003 .conll (with X.txt as the text of X.conll), conllu
 * .conllu — sorted by name. One transaction: whole or nothing; cancelling rolls
 * everything back, the scheme included. @options and @report may be NULL. */
gboolean         hearsay_import_paths             (HearsayProject             *project,
                                                   const char * const         *paths,
                                                   const HearsayImportOptions *options,
                                                   HearsayImportProgressFunc   progress,
                                                   gpointer                    user_data,
                                                   GCancellable               *cancellable,
                                                   HearsayImportReport        *report,
                                                   GError                    **error);

/* Stores @documents (imported_at set) with their boilerplate marked when
 * @mark_boilerplate, in one transaction; fills @report (may be NULL). */
gboolean         hearsay_import_documents         (HearsayProject             *project,
                                                   GPtrArray                  *documents,
                                                   gboolean                    mark_boilerplate,
                                                   HearsayImportReport        *report,
                                                   GError                    **error);

/* Opens the default project (hearsay_project_default_path()), creating it
 * with the sample article and its boilerplate marked on first use. */
HearsayProject  *hearsay_import_open_default_project (GError                 **error);

/* Reading one file into a document, not stored. */

/* Largest HTML file imported (bytes). */
#define HEARSAY_MAX_HTML_BYTES (50 * 1024 * 1024)

/* A plain-text article: UTF-8 or UTF-16 with BOM, or @options->encoding. */
HearsayDocument *hearsay_import_text_bytes        (const char                 *display_name,
                                                   GBytes                     *bytes,
                                                   const HearsayImportOptions *options,
                                                   GError                    **error);
HearsayDocument *hearsay_import_text_file         (const char                 *path,
                                                   const HearsayImportOptions *options,
                                                   GError                    **error);
/* One saved web page → one document: its visible text in reading order,
 * blocks separated by blank lines, with title, outlet, date, authors (field
 * "author"), canonical URL, language and provenance. Not stored, and so
 * without the furniture and headline marks that hearsay_import_paths()
 * adds (the article is the text minus those marks). */
HearsayDocument *hearsay_import_html_bytes        (const char                 *display_name,
                                                   GBytes                     *bytes,
                                                   const HearsayImportOptions *options,
                                                   GError                    **error);
HearsayDocument *hearsay_import_html_file         (const char                 *path,
                                                   const HearsayImportOptions *options,
                                                   GError                    **error);

G_END_DECLS
