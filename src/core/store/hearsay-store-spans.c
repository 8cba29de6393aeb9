/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-spans.c: the lean listing of a document's annotations, one
 * row per fragment. The fragment table is clustered on (document, start),
 * so this is a range scan joined to the annotation's label by primary key. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-store-private.h"

GArray *
hearsay_store_list_spans (HearsayStore  *self,
                          gint64         document_id,
                          GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, list_spans, (self, document_id, error));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (HearsaySpan));
  const char *last_label = NULL, *last_annotator = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (self,
                                "SELECT f.annotation_id, f.start, f.\"end\", a.label, an.name "
                                "FROM fragment f JOIN annotation a ON a.id = f.annotation_id "
                                "LEFT JOIN annotator an ON an.id = a.annotator_id "
                                "WHERE f.document_id = ?1 "
                                "ORDER BY f.start, f.\"end\", f.annotation_id;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HearsaySpan span;
      const char *label = hearsay_store_column_text (stmt, 3);

      span.annotation_id = sqlite3_column_int64 (stmt, 0);
      span.start = sqlite3_column_int64 (stmt, 1);
      span.end = sqlite3_column_int64 (stmt, 2);
      /* Consecutive rows often share a label: skip the intern lock then. */
      if (last_label == NULL || g_strcmp0 (last_label, label) != 0)
        last_label = g_intern_string (label != NULL ? label : "");
      span.label = last_label;
      {
        const char *annotator = hearsay_store_column_text (stmt, 4);

        if (annotator == NULL)
          span.annotator = NULL;
        else
          {
            if (last_annotator == NULL || strcmp (last_annotator, annotator) != 0)
              last_annotator = g_intern_string (annotator);
            span.annotator = last_annotator;
          }
      }
      g_array_append_val (spans, span);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not read annotations"));
      return NULL;
    }
  return g_steal_pointer (&spans);
}
