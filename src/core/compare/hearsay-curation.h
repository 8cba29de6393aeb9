/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-curation.h: curating a document's coders' annotations into its
 * gold layer. The annotations of the document's coders (and the gold
 * layer's) are aligned into units as agreement aligns them
 * (hearsay-agreement-report.h); a unit whose coders all have the same
 * label, span and attribute values is agreed, any other has competing
 * versions. Accepting a coder's version writes a copy of it (and of its
 * relations whose other end is in the gold layer) into the gold layer,
 * replacing the unit's gold annotation if it had one; rejecting leaves the
 * unit out of the gold layer on purpose. Every change is one undoable edit
 * of the document (hearsay-project-batch.h); the project's signals tell the
 * views, and hearsay_curation_reload() brings the object up to date.
 *
 * The coders of a document are those named, or else those of the coders'
 * role with at least one annotation in it: a coder who marked nothing in a
 * document is taken not to have coded it. */
#pragma once

#include "hearsay-agreement-report.h"
#include "hearsay-project.h"

G_BEGIN_DECLS

typedef enum {
  HEARSAY_CURATION_AGREED,     /* every coder alike; not yet in the gold layer */
  HEARSAY_CURATION_DISAGREED,  /* competing versions; not yet decided */
  HEARSAY_CURATION_ACCEPTED,   /* the gold layer holds a version */
  HEARSAY_CURATION_REJECTED,   /* left out of the gold layer on purpose */
} HearsayCurationState;

const char *hearsay_curation_state_to_string (HearsayCurationState state);

typedef struct
{
  int coder;                /* index of hearsay_curation_get_coder() */
  gint64 annotation_id;
  gint64 start;             /* its first character … */
  gint64 end;               /* … and after its last */
  const char *label;
  const char *values;       /* "status=disputed; …", or NULL */
  gboolean rejected;
} HearsayCurationVersion;

typedef struct
{
  HearsayCurationState state;
  guint kinds;              /* HearsayAgreementKind: how the versions differ (0: agreed) */
  gint64 start;             /* the unit, from its first character to its last */
  gint64 end;
  guint n_versions;         /* the coders who marked it, in coder order */
  const HearsayCurationVersion *versions;
  gint64 gold_id;           /* its gold annotation, or 0 */
  const char *gold_label;
  const char *gold_values;
} HearsayCurationUnit;

typedef struct
{
  gint64 document_id;
  guint n_units;
  guint n_agreed;           /* left to curate, agreed */
  guint n_disagreed;        /* left to curate, disagreed */
  guint n_accepted;
  guint n_rejected;
} HearsayCurationProgress;

#define HEARSAY_TYPE_CURATION (hearsay_curation_get_type ())
G_DECLARE_FINAL_TYPE (HearsayCuration, hearsay_curation, HEARSAY, CURATION, GObject)

/* @coders NULL: the document's coders. Refused in blind mode. */
HearsayCuration *hearsay_curation_new            (HearsayProject      *project,
                                                  gint64               document_id,
                                                  const char * const  *coders,
                                                  GError             **error);
/* Re-reads the document after edits (its own, undo, another window's). */
gboolean         hearsay_curation_reload         (HearsayCuration     *self,
                                                  GError             **error);

gint64           hearsay_curation_get_document   (HearsayCuration     *self);
guint            hearsay_curation_get_n_coders   (HearsayCuration     *self);
const char      *hearsay_curation_get_coder      (HearsayCuration     *self,
                                                  guint                index);
int              hearsay_curation_find_coder     (HearsayCuration     *self,
                                                  const char          *name);
/* The gold layer's name; NULL until the project has one. */
const char      *hearsay_curation_get_gold_coder (HearsayCuration     *self);

guint            hearsay_curation_get_n_units    (HearsayCuration     *self);
const HearsayCurationUnit *
                 hearsay_curation_get_unit       (HearsayCuration     *self,
                                                  guint                index);
/* The unit holding annotation @annotation_id (a coder's or the gold), or
 * -1. */
int              hearsay_curation_find_unit      (HearsayCuration     *self,
                                                  gint64               annotation_id);
/* The next unit after @from (-1: the first) in @state, wrapping; -1 when
 * there is none: what "next disagreement" jumps to. */
int              hearsay_curation_next_unit      (HearsayCuration     *self,
                                                  int                  from,
                                                  HearsayCurationState state);
void             hearsay_curation_get_progress   (HearsayCuration     *self,
                                                  HearsayCurationProgress *progress);

/* Each writes one undoable edit into the gold layer ("gold", made on the
 * first use), then reloads. */
gboolean         hearsay_curation_accept         (HearsayCuration     *self,
                                                  guint                unit,
                                                  guint                coder,
                                                  GError             **error);
/* Every agreed unit not yet curated, in one edit; @n_accepted (may be
 * NULL) says how many. */
gboolean         hearsay_curation_accept_agreed  (HearsayCuration     *self,
                                                  guint               *n_accepted,
                                                  GError             **error);
gboolean         hearsay_curation_reject         (HearsayCuration     *self,
                                                  guint                unit,
                                                  GError             **error);
/* Back to undecided: the unit's gold annotation and rejection go. */
gboolean         hearsay_curation_reset          (HearsayCuration     *self,
                                                  guint                unit,
                                                  GError             **error);

/* The progress of every document of @document_ids (NULL: all), in one read. */
GArray          *hearsay_curation_list_progress  (HearsayProject      *project,
                                                  const gint64        *document_ids,
                                                  guint                n_documents,
                                                  const char * const  *coders,
                                                  GError             **error);

G_END_DECLS
