/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-team.h: team annotation — coders and their layers, blind
 * mode, the coders' blind copies and merging them back. The GUI and the CLI
 * call the same functions; the long ones (copies, merge) are meant to run
 * on a worker thread with a project of their own (see
 * hearsay_project_emit_documents_changed()).
 *
 * A layer is one coder's annotations and relations (their annotator). The
 * gold layer is the one coder whose role is HEARSAY_CODER_ROLE_GOLD (named
 * "gold" when the project makes it); "auto" layers (the importer's page
 * furniture) are shared by every coder and never compared. */
#pragma once

#include "hearsay-coder.h"
#include "hearsay-layer-rows.h"
#include "hearsay-project.h"

G_BEGIN_DECLS

/* hearsay-project-coders.c ------------------------------------------- */

/* Every coder of the project (every annotator its annotations name), by
 * id, each with a colour (its own, or one of the default palette) and its
 * number of annotations. */
GPtrArray        *hearsay_project_list_coders         (HearsayProject      *self,
                                                       GError             **error);
/* The coder named @name, or NULL with HEARSAY_PROJECT_ERROR_NOT_FOUND. */
HearsayCoder     *hearsay_project_get_coder           (HearsayProject      *self,
                                                       const char          *name,
                                                       GError             **error);
/* Adds a coder (@color NULL: the palette's next colour). A second gold
 * layer, or a name in use, is refused. Emits ::coders-changed. */
HearsayCoder     *hearsay_project_add_coder           (HearsayProject      *self,
                                                       const char          *name,
                                                       const char          *color,
                                                       HearsayCoderRole     role,
                                                       GError             **error);
/* Renames a coder: its layer's annotations and relations follow. Emits
 * ::coders-changed and ::documents-changed. */
gboolean          hearsay_project_rename_coder        (HearsayProject      *self,
                                                       const char          *name,
                                                       const char          *new_name,
                                                       GError             **error);
/* "#rrggbb". Emits ::coders-changed. */
gboolean          hearsay_project_set_coder_color     (HearsayProject      *self,
                                                       const char          *name,
                                                       const char          *color,
                                                       GError             **error);
/* The gold layer's coder name, or NULL when the project has none yet. */
char             *hearsay_project_dup_gold_coder      (HearsayProject      *self);
/* The gold layer's coder name, made ("gold") when the project has none. */
char             *hearsay_project_ensure_gold_coder   (HearsayProject      *self,
                                                       GError             **error);

/* The layers a view shows (NULL: all): a view setting kept on the project
 * so that every widget of a window agrees; it filters nothing by itself.
 * Emits ::layers-changed. In blind mode only the blind coder's and the
 * auto layers can be shown. */
void              hearsay_project_set_visible_layers  (HearsayProject      *self,
                                                       const char * const  *layers);
const char * const *hearsay_project_get_visible_layers (HearsayProject     *self);
/* Whether a span of @annotator (a HearsaySpan's, interned or not; NULL:
 * no annotator) is to be shown. */
gboolean          hearsay_project_layer_is_visible    (HearsayProject      *self,
                                                       const char          *annotator);

/* Blind mode: a coder's copy, or a shared project opened as one coder,
 * shows and edits only that coder's layer (and the auto layers): every
 * listing of annotations, spans and relations leaves the others out, new
 * annotations are the coder's, the comparison counts the coder's layer,
 * and agreement and curation are refused. Kept in the file. */
const char       *hearsay_project_get_blind_coder     (HearsayProject      *self);
/* @coder NULL leaves blind mode. Emits ::layers-changed and
 * ::documents-changed. */
gboolean          hearsay_project_set_blind_coder     (HearsayProject      *self,
                                                       const char          *coder,
                                                       GError             **error);
/* The coder whose copy this file is (prepared by
 * hearsay_project_prepare_coder_copies()), or NULL. */
const char       *hearsay_project_get_copy_coder      (HearsayProject      *self);
/* The project's own stable id (kept in the file; a copy names it). */
const char       *hearsay_project_get_uuid            (HearsayProject      *self);

/* One layer's annotations: of @document_id, or of every document (0). */
GPtrArray        *hearsay_project_list_layer_annotations (HearsayProject   *self,
                                                       gint64               document_id,
                                                       const char          *coder,
                                                       GError             **error);
/* The layers @coders (NULL: every layer, but in blind mode only the
 * visible ones) of @document_ids (NULL: every document) as compact rows,
 * with what @flags ask for besides the fragments. One read. */
HearsayLayerRows *hearsay_project_read_layers         (HearsayProject      *self,
                                                       const gint64        *document_ids,
                                                       guint                n_documents,
                                                       const char * const  *coders,
                                                       HearsayLayerReadFlags flags,
                                                       GError             **error);
/* The documents of a selection: @document_ids if given, else those of
 * @event_id (0: any) and @outlet (NULL: any; "" for documents without one),
 * by id. */
GArray           *hearsay_project_select_documents    (HearsayProject      *self,
                                                       const gint64        *document_ids,
                                                       guint                n_documents,
                                                       gint64               event_id,
                                                       const char          *outlet,
                                                       GError             **error);

/* The outlet comparison's sums counted on one layer (@coder; NULL: every
 * layer, or the blind coder's in blind mode). */
HearsayCompareSums *hearsay_project_read_layer_compare_sums (HearsayProject *self,
                                                       const HearsayCompareKeys *keys,
                                                       const char          *coder,
                                                       const gint64        *document_ids,
                                                       guint                n_documents,
                                                       gint64               event_id,
                                                       GError             **error);

/* hearsay-project-copies.c ------------------------------------------- */

/* Writes one blind copy per coder into @directory, named
 * "<project>-<coder>.hearsay": the documents, the scheme, the entities,
 * the events, the auto layers and the coder's own layer, nothing else (no
 * other layer, no undo history, nothing derived from them), with blind
 * mode set. Coders that do not exist yet are added. Records in the project
 * what each copy holds (the base of later merges). Returns the paths
 * (char *), in the order of @coders. A file that exists is never replaced;
 * on an error no copy is left. */
GPtrArray        *hearsay_project_prepare_coder_copies (HearsayProject     *self,
                                                       const char * const  *coders,
                                                       const char          *directory,
                                                       GCancellable        *cancellable,
                                                       GError             **error);

/* hearsay-project-merge.c -------------------------------------------- */

/* What a merge did with one coder's file. */
typedef struct
{
  char *path;
  char *coder;
  guint documents_added;       /* documents the coder imported */
  guint annotations_added;
  guint annotations_changed;   /* the coder edited them since the last merge */
  guint annotations_deleted;   /* the coder deleted them since the last merge */
  guint annotations_kept;      /* changed in the project, unchanged in the copy: the project's kept */
  guint relations_added;
  guint relations_deleted;
  guint entities_added;
  GPtrArray *notes;            /* char *: what was not merged, and why (translated) */
} HearsayMergeFile;

typedef struct
{
  GPtrArray *files;            /* HearsayMergeFile *, in the order given */
} HearsayMergeReport;

void              hearsay_merge_report_free           (HearsayMergeReport  *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayMergeReport, hearsay_merge_report_free)

/* Brings coders' copies back into the project, in one transaction:
 * documents matched by their stable id, or else by their text's sha256;
 * annotations and relations by their stable ids, three-way against what
 * the copy held when it was prepared or last merged — the copy's change
 * wins where the copy changed, the project's where only the project did;
 * merging the same file twice changes nothing. Refused, with the project
 * unchanged and a message naming the file: a file that is not a coder's
 * copy, of another project, of a newer Hearsay; another scheme (each
 * difference said); a document whose text differs from the project's; the
 * same coder in two files; a copy holding another coder's work. */
HearsayMergeReport *hearsay_project_merge_coder_copies (HearsayProject     *self,
                                                       const char * const  *paths,
                                                       GCancellable        *cancellable,
                                                       GError             **error);

G_END_DECLS
