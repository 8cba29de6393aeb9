/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-brat-private.h: what the brat importer's files share — an
 * annotation.conf as it applies to the documents below it, the lines of an
 * .ann file, and finding the files of a collection. */
#pragma once

#ifndef HEARSAY_IMPORT_COMPILATION
#error "hearsay-import-brat-private.h is private to src/core/import"
#endif

#include "hearsay-import-private.h"

G_BEGIN_DECLS

/* An annotation.conf: brat uses the nearest one, in the document's folder
 * or above it. What Hearsay's exports state in its comments applies to the
 * documents below it too. */
typedef struct
{
  char *dir;
  gboolean stated;                     /* "# offsets: …" of a Hearsay export */
  HearsayOffsetConvention convention;
  char *annotator;                     /* "# annotator: NAME": whose <text>.ann */
  GHashTable *annotators;              /* "# annotator STEM: NAME" */
} HearsayBratConf;

void             hearsay_brat_conf_free        (gpointer               conf);
/* The conf that applies to a document of @dir (registered by
 * hearsay_import_brat_conf()), or NULL. */
HearsayBratConf *hearsay_brat_conf_for_dir     (HearsayImportContext  *ctx,
                                                const char            *dir);
/* brat's storage form of a type name: letters, digits, "_" and "-" kept,
 * anything else "_" (brat's projectconfig.normalize_to_storage_form). */
char            *hearsay_brat_storage_form     (const char            *name);

/* The scheme the import extends (a copy of the project's). */
HearsayScheme   *hearsay_brat_scheme           (HearsayImportContext  *ctx);
/* Adds or widens a relation type: from/to labels are added to those it
 * has; the flags are set, never cleared. */
gboolean         hearsay_brat_merge_relation_type (HearsayImportContext *ctx,
                                                   const char           *id,
                                                   const char           *name,
                                                   const char * const   *from,
                                                   const char * const   *to,
                                                   gboolean              symmetric,
                                                   gboolean              transitive,
                                                   gboolean              event_role,
                                                   GError              **error);
/* Adds the label when the scheme lacks it, marked as an event type when
 * @event (an existing label is marked too). */
gboolean         hearsay_brat_ensure_label     (HearsayImportContext  *ctx,
                                                const char            *id,
                                                const char            *name,
                                                gboolean               event,
                                                GError               **error);

/* One line of an .ann file (hearsay-import-brat-lines.c). */
typedef enum { ITEM_T, ITEM_E, ITEM_R, ITEM_A, ITEM_N, ITEM_NOTE, ITEM_EQUIV } BratItemKind;

typedef struct
{
  char *role;
  char *id;
} BratArg;

typedef struct
{
  BratItemKind kind;
  guint line;
  char *id;                /* NULL for "*" */
  char *type;
  GArray *spans;           /* T: start, end pairs as the file counts */
  GArray *stored;          /* T: the same as stored code points */
  char *text;              /* T: after its TAB, or NULL; N: the name; #: the note */
  char *target;            /* A, N, #: what they annotate; E: the trigger */
  char *value;             /* A: NULL when binary; N: "DB:ID" */
  BratArg rel[2];          /* R */
  GPtrArray *args;         /* E: BratArg; *: char * ids */
  HearsayAnnotation *ann;  /* T that is no trigger, E: its annotation */
  gboolean skipped;        /* left out; the report says why */
} BratItem;

void             hearsay_brat_item_free        (gpointer               item);
void             hearsay_brat_arg_free         (gpointer               arg);
/* Splits @line (its TABs are cut) into @item, or refuses it as malformed
 * with "PATH:LINE: …". */
gboolean         hearsay_brat_parse_line       (const char            *path,
                                                BratItem              *item,
                                                char                  *line,
                                                GError               **error);

/* One .ann file: its lines resolved into annotations and relations and
 * stored (hearsay-import-brat-ann.c). */
gboolean         hearsay_brat_import_ann       (HearsayImportContext  *ctx,
                                                HearsayTextIndex      *index,
                                                HearsayDocument       *doc,
                                                HearsayBratConf       *conf,
                                                const char            *path,
                                                const char            *annotator,
                                                GError               **error);

/* The .ann files of @txt_path, as pairs (path, annotator): <stem>.ann and
 * <stem>_<annotator>.ann (hearsay-import-brat-paths.c). NULL with @error
 * unset when there is none. */
GPtrArray       *hearsay_brat_ann_files        (HearsayImportContext  *ctx,
                                                const char            *txt_path,
                                                HearsayBratConf       *conf,
                                                GError               **error);
/* The .txt files and annotation.conf files of the tree @dir (of @root),
 * sorted, folders after the files beside them. */
gboolean         hearsay_brat_walk             (const char            *root,
                                                const char            *dir,
                                                guint                  depth,
                                                GPtrArray             *txts,
                                                GPtrArray             *confs,
                                                GError               **error);

G_END_DECLS
