/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-boilerplate.h: page furniture (consent notices, follow-us calls,
 * related links, captions, lines every article of an outlet repeats) found
 * in imported text and marked as `boilerplate` annotations — never deleted. */
#pragma once

#include "hearsay-document.h"
#include "hearsay-project.h"
#include "hearsay-scheme-ids.h"

G_BEGIN_DECLS

#define HEARSAY_BOILERPLATE_LABEL HEARSAY_LABEL_BOILERPLATE
#define HEARSAY_BOILERPLATE_ANNOTATOR "importer"

typedef struct
{
  gint64 start;       /* code points, end exclusive: one trimmed line */
  gint64 end;
  const char *kind;   /* a value of the boilerplate label's `kind` attribute */
  const char *label;  /* NULL: boilerplate; given spans may name another label (the headline) */
} HearsayBoilerplateSpan;

/* The spans that the rules find in @text alone, in text order. */
GArray *hearsay_boilerplate_detect (const char *text);

/* Remembers, per outlet, which lines the project's documents hold, so that a
 * batch of 10,000 documents reads the project once per outlet. */
typedef struct _HearsayBoilerplateContext HearsayBoilerplateContext;

HearsayBoilerplateContext *hearsay_boilerplate_context_new  (HearsayProject            *project);
void                       hearsay_boilerplate_context_free (HearsayBoilerplateContext *context);

/* Finds the boilerplate of @doc (already stored) — the rules, plus lines that
 * other documents of its outlet repeat — and stores the annotations in the
 * caller's transaction. @n_marked (may be NULL) gets how many. A line that
 * reaches its count with @doc is also marked in the documents of the outlet
 * that hold it from before (in this import or earlier ones), so the marks do
 * not depend on the order of import; hearsay_boilerplate_context_take_n_elsewhere()
 * tells how many such marks were added. */
gboolean                   hearsay_boilerplate_mark         (HearsayBoilerplateContext *context,
                                                             HearsayDocument           *doc,
                                                             guint                     *n_marked,
                                                             GError                   **error);
/* The same, after storing @given (sorted, not overlapping: what the page's
 * structure says, as hearsay-html.c finds it); the rules and the repeated
 * lines then mark only lines outside them. */
gboolean                   hearsay_boilerplate_mark_spans   (HearsayBoilerplateContext    *context,
                                                             HearsayDocument              *doc,
                                                             const HearsayBoilerplateSpan *given,
                                                             guint                         n_given,
                                                             guint                        *n_marked,
                                                             GError                      **error);
/* Stores @given as they are (annotator "importer"). */
gboolean                   hearsay_boilerplate_store_given  (HearsayProject               *project,
                                                             HearsayDocument              *doc,
                                                             const HearsayBoilerplateSpan *given,
                                                             guint                         n_given,
                                                             GError                      **error);
guint                      hearsay_boilerplate_context_take_n_elsewhere (HearsayBoilerplateContext *context);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayBoilerplateContext, hearsay_boilerplate_context_free)

G_END_DECLS
