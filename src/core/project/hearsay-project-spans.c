/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-spans.c: a document's annotations as plain spans, for
 * views that draw many of them (the reader with 100,000 annotations). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-project-private.h"
#include "hearsay-project-team.h"

GArray *
hearsay_project_list_spans (HearsayProject  *self,
                            gint64           document_id,
                            GError         **error)
{
  HearsayStore *store;
  GArray *spans;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  store = hearsay_project_get_store (self);
  if (store == NULL)
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                   _("The project %s is closed"), hearsay_project_get_path (self));
      return NULL;
    }
  spans = hearsay_store_list_spans (store, document_id, error);
  /* Blind mode: only the spans of the layers the coder may see. */
  if (spans != NULL && hearsay_project_get_blind_coder (self) != NULL)
    {
      guint kept = 0;

      for (guint i = 0; i < spans->len; i++)
        {
          const HearsaySpan *span = &g_array_index (spans, HearsaySpan, i);

          if (!hearsay_project_layer_is_hidden (self, span->annotator))
            g_array_index (spans, HearsaySpan, kept++) = *span;
        }
      g_array_set_size (spans, kept);
    }
  return spans;
}
