/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-refi-private.h: what the REFI-QDA importer's files share —
 * one project (.qdpx) or codebook (.qdc) being read. */
#pragma once

#ifndef HEARSAY_IMPORT_COMPILATION
#error "hearsay-import-refi-private.h is private to src/core/import"
#endif

#include <libxml/tree.h>

#include "hearsay-import-private.h"

G_BEGIN_DECLS

/* The tool that wrote a project, from its origin attribute: it says how the
 * positions are probably counted when the file's own evidence cannot. */
typedef enum {
  REFI_TOOL_OTHER,
  REFI_TOOL_HEARSAY,
  REFI_TOOL_QUALCODER,
  REFI_TOOL_NVIVO,
  REFI_TOOL_ATLAS,
  REFI_TOOL_MAXQDA,
} RefiTool;

typedef struct _RefiCode RefiCode;

struct _RefiCode
{
  char *guid;
  char *name;
  char *description;
  char *color;        /* #rrggbb, or NULL */
  gboolean codable;
  RefiCode *parent;
  /* What a Coding with this code becomes: an annotation labelled @label,
   * with @attribute = @value when @attribute is set. NULL @label: not a
   * label (an NVivo case's code, or a category nobody coded with). */
  char *label;
  char *attribute;
  char *value;
  char *case_name;    /* NVivo: the code of a case (it has the case's GUID) */
  gboolean in_scheme; /* the label is already in the scheme (not added) */
};

typedef struct
{
  char *name;
  char *text;
  char *user;         /* creatingUser GUID */
  gboolean has_span;  /* QualCoder: a Note holding the selection it annotates */
  gint64 start;
  gint64 end;
  guint line;
  gboolean used;
} RefiNote;

typedef struct
{
  char *name;         /* NULL: MAXQDA's and Quirkos's unnamed case of one source's variables */
  GPtrArray *values;  /* "NAME\nVALUE" */
} RefiCase;

typedef struct
{
  char *guid;
  char *name;
  char *origin;
  char *target;
  guint line;
  gboolean used;      /* a note link or a continuation, not a relation */
} RefiLink;

typedef struct
{
  gint64 id;          /* the first annotation stored for a selection */
  char *annotator;
} RefiStored;

typedef struct
{
  HearsayImportContext *ctx;
  const char *path;            /* the .qdpx or .qdc file */
  char *xml_name;              /* "PATH:project.qde", for messages with a line */
  GHashTable *entries;         /* zip entry name → GBytes */
  char *origin;
  RefiTool tool;
  /* A Hearsay export's Description states its positions. */
  gboolean stated;
  HearsayOffsetConvention statement;
  GHashTable *users;           /* guid → name */
  GHashTable *codes;           /* guid → RefiCode */
  GPtrArray *code_order;       /* RefiCode, document order */
  GHashTable *cases;           /* case guid → RefiCase */
  GHashTable *variables;       /* variable guid → name */
  GHashTable *notes;           /* note guid → RefiNote */
  GPtrArray *links;            /* RefiLink */
  GHashTable *source_cases;    /* source guid → GPtrArray of the RefiCase it is in */
  GHashTable *source_sets;     /* source guid → GPtrArray of set names */
  GHashTable *kinds;           /* guid → "source" or "selection": what a link may join */
  GHashTable *note_links;      /* selection guid → GString: NVivo's annotations */
  GHashTable *stored;          /* selection guid → RefiStored */
  GHashTable *merged_into;     /* selection guid → the selection it continues */
  GHashTable *used_ids;        /* label id → RefiCode that took it in this import */
  guint n_labels_added;
  guint n_attributes_added;
  guint n_uncoded;
  guint n_sources;
  guint n_undecided;           /* sources whose text cannot tell conventions apart */
  HearsayOffsetConvention undecided;
} RefiImport;

/* The label of selections that carry no code (ATLAS.ti's free quotations,
 * MAXQDA's memo-only selections, NVivo's annotations). */
#define HEARSAY_REFI_UNCODED "uncoded"

/* XML helpers (hearsay-import-refi.c). Elements are matched by local name:
 * the tools disagree on namespace prefixes and versions. */
gboolean  hearsay_refi_is_element     (xmlNode     *node,
                                       const char  *name);
char     *hearsay_refi_prop           (xmlNode     *node,
                                       const char  *name);
/* The element's text, "" when empty. */
char     *hearsay_refi_content        (xmlNode     *node);
xmlNode  *hearsay_refi_child          (xmlNode     *node,
                                       const char  *name);
guint     hearsay_refi_line           (xmlNode     *node);
/* A GUID as a lookup key: lowercase, without braces (the XSD allows both). */
char     *hearsay_refi_guid_key       (const char  *guid);
/* The zip entry an internal:// path names (sources/ or Sources/), or NULL. */
GBytes   *hearsay_refi_lookup_entry   (RefiImport  *r,
                                       const char  *internal_path,
                                       char       **entry_name);
/* A scheme identifier for a name in any script: transliterated to ASCII,
 * lowercase, runs of other characters as one "_"; "" when nothing is left. */
char     *hearsay_refi_identifier     (const char  *name);

/* The codebook (hearsay-import-refi-codes.c): @codes is a Codes element.
 * Codes become labels (new ones are added to the import's scheme), child
 * codes of Hearsay's own exports become attribute values. */
gboolean  hearsay_refi_read_codebook  (RefiImport  *r,
                                       xmlNode     *codes,
                                       GError     **error);
/* Adds @id to the import's scheme when it lacks it. */
gboolean  hearsay_refi_ensure_label   (RefiImport  *r,
                                       const char  *id,
                                       const char  *name,
                                       const char  *description,
                                       GError     **error);
void      hearsay_refi_code_free      (gpointer     data);

/* Positions (hearsay-import-refi-positions.c). */
typedef struct
{
  gint64 start;       /* as the file gives them */
  gint64 end;
  const char *name;   /* the selection's name: often its quote */
} HearsayRefiSpan;

/* The convention the selections of one source are read in: the user's
 * --offsets/--newlines, a Hearsay export's statement, or the candidate
 * that the source's own evidence (quotes in names, then spans that fall on
 * characters, then ends on word boundaries) supports best, the producing
 * tool's default winning ties. The choice goes into the report's notes.
 * @names_are_quotes: most names hold their selection's text. */
void      hearsay_refi_choose_convention (RefiImport              *r,
                                          const char              *where,
                                          HearsayTextIndex        *index,
                                          const HearsayRefiSpan   *spans,
                                          guint                    n_spans,
                                          HearsayOffsetConvention *chosen,
                                          gboolean                *names_are_quotes);
/* Whether @name holds text[start, end) (white space compared loosely, a
 * name cut with "..." or "…" compared as a prefix). */
gboolean  hearsay_refi_name_matches   (HearsayTextIndex        *index,
                                       gint64                   start,
                                       gint64                   end,
                                       const char              *name);

/* The project around the sources (hearsay-import-refi-parts.c): users,
 * variables, cases, sets, notes and links, read before the sources. */
void      hearsay_refi_read_parts     (RefiImport  *r,
                                       xmlNode     *root);
/* Sets @doc's metadata and fields from @source's VariableValues, its
 * cases (by SourceRef, or @case_keys: NVivo's case codes its selections
 * use), sets and Description. */
void      hearsay_refi_apply_metadata (RefiImport      *r,
                                       HearsayDocument *doc,
                                       xmlNode         *source,
                                       GPtrArray       *case_keys);
/* The note texts a selection or coding points at (NoteRef children). */
void      hearsay_refi_append_notes   (RefiImport  *r,
                                       xmlNode     *node,
                                       GString     *notes);
/* Links between stored selections become relations; what else they join
 * is reported. Unused notes are reported too. */
gboolean  hearsay_refi_store_links    (RefiImport  *r,
                                       GError     **error);
/* Whether a Link's name means "this selection continues into that one"
 * (ATLAS.ti's "continued by"; how Hearsay writes a discontinuous span). */
gboolean  hearsay_refi_is_continuation (const char *name);

/* One TextSource (hearsay-import-refi-sources.c); @title overrides its
 * name (a PDF's representation). */
gboolean  hearsay_refi_read_source    (RefiImport  *r,
                                       xmlNode     *source,
                                       const char  *title,
                                       GError     **error);

G_END_DECLS
