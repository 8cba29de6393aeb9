/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-search.h: full-text search over the project and document filters. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 document_id;
  char *title;
  gint64 start;          /* the match in the document, code points, end exclusive */
  gint64 end;
  char *snippet;         /* the passage around the match */
  gint64 snippet_start;  /* the match within @snippet, code points */
  gint64 snippet_end;
  double rank;           /* bm25 of the document: lower is better */
} HearsaySearchHit;

void hearsay_search_hit_free (HearsaySearchHit *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsaySearchHit, hearsay_search_hit_free)

/* Which documents the sidebar shows; NULL / 0 members do not filter. */
typedef struct
{
  const char *outlet;
  gint64 event_id;
  const char *date_from;   /* YYYY-MM-DD, inclusive */
  const char *date_to;     /* YYYY-MM-DD, inclusive */
  const char *label;       /* documents with at least one annotation of this label */
  const char *query;       /* full-text query (FTS5 syntax) */
} HearsayDocumentFilter;

G_END_DECLS
