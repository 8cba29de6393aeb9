/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project.h: one .hearsay project file — the API that the GUI and the
 * CLI share. Every edit is one transaction: when a call returns TRUE, the
 * change is on disk. */
#pragma once

#include <gio/gio.h>

#include "hearsay-annotation.h"
#include "hearsay-compare-sums.h"
#include "hearsay-document.h"
#include "hearsay-entity.h"
#include "hearsay-event.h"
#include "hearsay-member.h"
#include "hearsay-search.h"
#include "hearsay-relation.h"
#include "hearsay-scheme.h"

G_BEGIN_DECLS

typedef enum {
  HEARSAY_PROJECT_OPEN_DEFAULT   = 0,
  HEARSAY_PROJECT_OPEN_CREATE    = 1 << 0,  /* create a new project if the file is missing */
  HEARSAY_PROJECT_OPEN_READ_ONLY = 1 << 1,
  HEARSAY_PROJECT_OPEN_NEW       = 1 << 2,  /* with CREATE: refuse a project that exists */
} HearsayProjectFlags;

#define HEARSAY_TYPE_PROJECT (hearsay_project_get_type ())
G_DECLARE_FINAL_TYPE (HearsayProject, hearsay_project, HEARSAY, PROJECT, GObject)

char              *hearsay_project_default_path          (void);
/* @path names a project file, or a project on a PostgreSQL server
 * ("postgresql://host/db[#project]", "postgres://…", "host=… dbname=…"). */
HearsayProject    *hearsay_project_open                  (const char         *path,
                                                          HearsayProjectFlags flags,
                                                          GError            **error);
/* Creates a new, empty project (default scheme, no documents) at @path. */
HearsayProject    *hearsay_project_create                (const char         *path,
                                                          GError            **error);
void               hearsay_project_close                 (HearsayProject     *self);

const char        *hearsay_project_get_path              (HearsayProject     *self);
char              *hearsay_project_dup_name              (HearsayProject     *self);
gboolean           hearsay_project_get_read_only         (HearsayProject     *self);
/* Why a project that failed its integrity check was opened read-only, with
 * how to recover it; NULL for a sound project. */
const char        *hearsay_project_get_damage            (HearsayProject     *self);
HearsayScheme     *hearsay_project_get_scheme            (HearsayProject     *self);
/* Stores a copy of @scheme as the project's scheme, as one project-wide
 * edit (undoable in scope 0; storing the same scheme again records
 * nothing). Annotations keep their labels; those whose label left the
 * scheme show as unknown until remapped. */
gboolean           hearsay_project_set_scheme            (HearsayProject     *self,
                                                          HearsayScheme      *scheme,
                                                          GError            **error);
char             **hearsay_project_dup_unknown_labels    (HearsayProject     *self);
/* Gives every annotation labelled @from the label @to, as one project-wide
 * edit; returns how many. */
gint64             hearsay_project_remap_label           (HearsayProject     *self,
                                                          const char         *from,
                                                          const char         *to,
                                                          GError            **error);
const char        *hearsay_project_get_annotator         (HearsayProject     *self);
void               hearsay_project_set_annotator         (HearsayProject     *self,
                                                          const char         *name);
gboolean           hearsay_project_save_copy             (HearsayProject     *self,
                                                          const char         *dest_path,
                                                          GError            **error);
/* Tells listeners that documents changed through another connection, e.g.
 * an import on a worker thread, or through bulk writes. */
void               hearsay_project_emit_documents_changed (HearsayProject    *self);

/* Documents */
GPtrArray         *hearsay_project_list_documents        (HearsayProject     *self,
                                                          GError            **error);
HearsayDocument   *hearsay_project_load_document         (HearsayProject     *self,
                                                          gint64              id,
                                                          GError            **error);
gboolean           hearsay_project_add_documents         (HearsayProject     *self,
                                                          GPtrArray          *documents,
                                                          GError            **error);
/* Writes @document's metadata and fields where they differ from the stored
 * ones, as one undoable edit of the document. */
gboolean           hearsay_project_update_document       (HearsayProject     *self,
                                                          HearsayDocument    *document,
                                                          GError            **error);
/* Sets the metadata (title, outlet, url, published_at, language: the first
 * value) and scheme document fields named in @names to @values[i] (NULL
 * clears one), in one undoable edit that reads the document inside its own
 * transaction: what another writer set meanwhile in other fields stays. */
gboolean           hearsay_project_set_document_values   (HearsayProject     *self,
                                                          gint64              document_id,
                                                          const char * const *names,
                                                          const char * const * const *values,
                                                          GError            **error);
/* Calls @func for each document (with its text), in id order, reading one
 * at a time; @ids (may be NULL: every document) limits the set. */
gboolean           hearsay_project_foreach_document      (HearsayProject     *self,
                                                          const gint64       *ids,
                                                          guint               n_ids,
                                                          HearsayDocumentFunc func,
                                                          gpointer            user_data,
                                                          GError            **error);

/* Annotations. create() validates label, attributes and offsets against the
 * text, fills quotes, annotator and times, and sets the new id. */
GPtrArray         *hearsay_project_list_annotations      (HearsayProject     *self,
                                                          gint64              document_id,
                                                          GError            **error);
/* hearsay-project-spans.c: the fragments of a document's annotations as
 * HearsaySpan rows (id, start, end, interned label), sorted by (start, end,
 * id): what a view needs to draw them, without the quotes and attributes of
 * full HearsayAnnotation objects. */
GArray            *hearsay_project_list_spans            (HearsayProject     *self,
                                                          gint64              document_id,
                                                          GError            **error);
HearsayAnnotation *hearsay_project_get_annotation        (HearsayProject     *self,
                                                          gint64              id,
                                                          GError            **error);
gboolean           hearsay_project_create_annotation     (HearsayProject     *self,
                                                          HearsayAnnotation  *annotation,
                                                          GError            **error);
gboolean           hearsay_project_delete_annotation     (HearsayProject     *self,
                                                          gint64              id,
                                                          GError            **error);
gboolean           hearsay_project_set_attribute         (HearsayProject     *self,
                                                          gint64              annotation_id,
                                                          const char         *name,
                                                          const char * const *values,
                                                          GError            **error);
gboolean           hearsay_project_set_note              (HearsayProject     *self,
                                                          gint64              annotation_id,
                                                          const char         *note,
                                                          GError            **error);
gboolean           hearsay_project_set_label             (HearsayProject     *self,
                                                          gint64              annotation_id,
                                                          const char         *label,
                                                          GError            **error);
/* Adds a span to an annotation, making it discontinuous. */
gboolean           hearsay_project_add_fragment          (HearsayProject     *self,
                                                          gint64              annotation_id,
                                                          gint64              start,
                                                          gint64              end,
                                                          GError            **error);
/* Annotations (with fragments, newest documents first) whose text contains
 * @query (case-insensitive for ASCII; NULL or "" matches all), optionally only
 * of @label and outside @exclude_document_id (0: none); at most @limit (0: 200).
 * For picking the partner of a cross-document link. */
GPtrArray         *hearsay_project_search_annotations    (HearsayProject     *self,
                                                          const char         *label,
                                                          const char         *query,
                                                          gint64              exclude_document_id,
                                                          guint               limit,
                                                          GError            **error);
GPtrArray         *hearsay_project_list_relations        (HearsayProject     *self,
                                                          gint64              document_id,
                                                          GError            **error);

/* Checks an annotation before it is stored: offsets against @text and, when
 * @check_scheme, its label and attributes against the scheme. */
gboolean           hearsay_project_validate_annotation   (HearsayProject     *self,
                                                          HearsayAnnotation  *annotation,
                                                          HearsayTextIndex   *text,
                                                          gboolean            check_scheme,
                                                          GError            **error);

/* Relations (hearsay-project-relations.c). The scheme's rule for the type
 * applies: its from and to labels, and whether it may cross documents. */
gint64             hearsay_project_create_relation       (HearsayProject     *self,
                                                          const char         *type,
                                                          gint64              from_id,
                                                          gint64              to_id,
                                                          GError            **error);
gint64             hearsay_project_link_entity           (HearsayProject     *self,
                                                          const char         *type,
                                                          gint64              annotation_id,
                                                          gint64              entity_id,
                                                          GError            **error);
gboolean           hearsay_project_delete_relation       (HearsayProject     *self,
                                                          gint64              id,
                                                          GError            **error);
/* Relations from or to @annotation_id. */
GPtrArray         *hearsay_project_list_annotation_relations (HearsayProject *self,
                                                          gint64              annotation_id,
                                                          GError            **error);
/* The relation types (const HearsayRelationType *) allowed from an annotation
 * labelled @from_label to one labelled @to_label (NULL: to an entity). */
GPtrArray         *hearsay_project_allowed_relation_types (HearsayProject    *self,
                                                          const char         *from_label,
                                                          const char         *to_label);

/* Entities (hearsay-project-entities.c): adding and editing one are
 * project-wide edits. */
gboolean           hearsay_project_add_entity            (HearsayProject     *self,
                                                          HearsayEntity      *entity,
                                                          GError            **error);
gboolean           hearsay_project_update_entity         (HearsayProject     *self,
                                                          HearsayEntity      *entity,
                                                          GError            **error);
GPtrArray         *hearsay_project_list_entities         (HearsayProject     *self,
                                                          GError            **error);
HearsayEntity     *hearsay_project_get_entity            (HearsayProject     *self,
                                                          gint64              id,
                                                          GError            **error);
/* Entities whose name or an alias matches @text (hearsay_entity_matches), by name. */
GPtrArray         *hearsay_project_suggest_entities      (HearsayProject     *self,
                                                          const char         *text,
                                                          GError            **error);

/* Undo and redo (hearsay-history.c): every edit above can be undone, also
 * after a restart. @document_id chooses whose edits: a document's,
 * 0 for the project-wide ones (the scheme, label remapping, entities,
 * events), or HEARSAY_PROJECT_ANY_DOCUMENT for the newest edit anywhere.
 * A document's undo never takes a project-wide edit, and the other way
 * round. @step (may be NULL; clear it) says what was undone or redone, in
 * which document and on what. An entry that can no longer apply (what it
 * names is gone) is taken out of the history, with a
 * HEARSAY_PROJECT_ERROR_CONFLICT error that says so. The labels read e.g.
 * "Add Claim" (translated); NULL when there is nothing. */
#define HEARSAY_PROJECT_ANY_DOCUMENT (-1)

typedef struct
{
  gint64 document_id;   /* 0: a project-wide edit */
  char *label;          /* "Add Claim" */
  /* What it concerns, as the user knows it: an annotation's text (its
   * first fragment), an entity's or an event's name, a document's title;
   * NULL when nothing is named (a scheme edit). */
  char *detail;
  gint64 entry;         /* the history entry: the same edit, the same entry */
  gint64 annotation_id; /* the annotation it concerns, or 0 */
  gint64 start;         /* that annotation's first fragment in document_id */
  gint64 end;           /* (code points), or -1 */
} HearsayHistoryStep;

void               hearsay_history_step_clear            (HearsayHistoryStep *step);
gboolean           hearsay_project_undo                  (HearsayProject     *self,
                                                          gint64              document_id,
                                                          HearsayHistoryStep *step,
                                                          GError            **error);
gboolean           hearsay_project_redo                  (HearsayProject     *self,
                                                          gint64              document_id,
                                                          HearsayHistoryStep *step,
                                                          GError            **error);
/* Undoes history entry @entry (HearsayHistoryStep.entry of the edit just
 * made, e.g. a deletion) only while it is the next undo of its scope;
 * else HEARSAY_PROJECT_ERROR_NOT_NEXT and nothing changes. */
gboolean           hearsay_project_undo_entry            (HearsayProject     *self,
                                                          gint64              entry,
                                                          HearsayHistoryStep *step,
                                                          GError            **error);
/* What the next undo (redo) of @document_id would do, without doing it;
 * FALSE when there is nothing. @step may be NULL. */
gboolean           hearsay_project_peek_undo             (HearsayProject     *self,
                                                          gint64              document_id,
                                                          HearsayHistoryStep *step);
gboolean           hearsay_project_peek_redo             (HearsayProject     *self,
                                                          gint64              document_id,
                                                          HearsayHistoryStep *step);
char              *hearsay_project_dup_undo_label        (HearsayProject     *self,
                                                          gint64              document_id);
char              *hearsay_project_dup_redo_label        (HearsayProject     *self,
                                                          gint64              document_id);

/* Events, search and filters (hearsay-project-events.c). Saving and
 * deleting events and setting the documents' event are project-wide
 * edits. */
/* Creates the event when its id is 0, else renames/redates it. */
gboolean           hearsay_project_save_event            (HearsayProject     *self,
                                                          HearsayEvent       *event,
                                                          GError            **error);
gboolean           hearsay_project_delete_event          (HearsayProject     *self,
                                                          gint64              id,
                                                          GError            **error);
/* Events by date, each with its number of documents. */
GPtrArray         *hearsay_project_list_events           (HearsayProject     *self,
                                                          GError            **error);
HearsayEvent      *hearsay_project_get_event             (HearsayProject     *self,
                                                          gint64              id,
                                                          GError            **error);
/* Puts documents in @event_id (0: in no event), in one transaction. */
gboolean           hearsay_project_set_document_event    (HearsayProject     *self,
                                                          const gint64       *document_ids,
                                                          guint               n_documents,
                                                          gint64              event_id,
                                                          GError            **error);
gint64             hearsay_project_get_document_event    (HearsayProject     *self,
                                                          gint64              document_id);
/* Documents not in the event that share an entity with its documents or
 * were published within three days of its date. */
GPtrArray         *hearsay_project_suggest_event_documents (HearsayProject   *self,
                                                          gint64              event_id,
                                                          GError            **error);
/* Full-text search (FTS5 syntax: words, "phrases", prefix*, AND/OR/NOT):
 * HearsaySearchHit per match, best documents first (at most @max_documents,
 * 0 = 20; at most 5 matches each). A malformed query gives a clear error. */
GPtrArray         *hearsay_project_search                (HearsayProject     *self,
                                                          const char         *query,
                                                          guint               max_documents,
                                                          GError            **error);
GPtrArray         *hearsay_project_filter_documents      (HearsayProject     *self,
                                                          const HearsayDocumentFilter *filter,
                                                          GError            **error);

/* The outlet comparison's sums (hearsay-project-compare.c): the per-document
 * figures the project keeps up to date, added up per outlet over
 * @document_ids, or the documents of @event_id when @document_ids is NULL,
 * counted by @keys (NULL: the default scheme's identifiers). */
HearsayCompareSums *hearsay_project_read_compare_sums    (HearsayProject     *self,
                                                          const HearsayCompareKeys *keys,
                                                          const gint64       *document_ids,
                                                          guint               n_documents,
                                                          gint64              event_id,
                                                          GError            **error);

/* A project on a server (hearsay-project-server.c). On a file these answer
 * FALSE, NULL or HEARSAY_MEMBER_ROLE_NONE, or set HEARSAY_STORE_ERROR_NOT_SERVER. */
gboolean           hearsay_project_location_is_server    (const char         *location);
gboolean           hearsay_project_is_server             (HearsayProject     *self);
/* The password the user typed for @location, for this process's
 * connections only: Hearsay never writes it anywhere (NULL forgets it). */
void               hearsay_project_set_server_password   (const char         *location,
                                                          const char         *password);
/* The login edits are made as; also the project's annotator. */
char              *hearsay_project_dup_user              (HearsayProject     *self);
HearsayMemberRole  hearsay_project_get_role              (HearsayProject     *self);
/* In a blind project a coder reads and edits only their own layer. */
gboolean           hearsay_project_get_blind             (HearsayProject     *self);
gboolean           hearsay_project_set_blind             (HearsayProject     *self,
                                                          gboolean            blind,
                                                          GError            **error);
/* Creates the login @name on the server when it has none (with @password,
 * never stored by Hearsay; NULL: none, the server's own rules apply) and
 * makes it a member with @role. Owners only. */
gboolean           hearsay_project_add_member            (HearsayProject     *self,
                                                          const char         *name,
                                                          HearsayMemberRole   role,
                                                          const char         *password,
                                                          GError            **error);
gboolean           hearsay_project_remove_member         (HearsayProject     *self,
                                                          const char         *name,
                                                          GError            **error);
/* HearsayMember, by name. */
GPtrArray         *hearsay_project_list_members          (HearsayProject     *self,
                                                          GError            **error);
/* TRUE while the connection to the server is lost (the project is then
 * read-only; hearsay_project_follow_changes() retries every two seconds). */
gboolean           hearsay_project_is_offline            (HearsayProject     *self);
/* Tries to reach the server again now; on success the project is writable
 * again and what changed meanwhile is told as usual. */
gboolean           hearsay_project_retry_connection      (HearsayProject     *self,
                                                          GError            **error);
/* From now on, what other clients change is told by the usual signals
 * (annotation-added…, documents-changed…) in the thread-default main
 * context, within a fraction of a second; a dropped connection makes the
 * project read-only ("read-only-changed") until it is back. */
void               hearsay_project_follow_changes        (HearsayProject     *self);
/* Copies the whole project, ids kept, into the new or empty project at
 * @dest (a file or a server), in one transaction there. */
gboolean           hearsay_project_copy_to               (HearsayProject     *self,
                                                          const char         *dest,
                                                          GError            **error);
gboolean           hearsay_project_copy                  (const char         *src,
                                                          const char         *dest,
                                                          GError            **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HearsayHistoryStep, hearsay_history_step_clear)

G_END_DECLS
