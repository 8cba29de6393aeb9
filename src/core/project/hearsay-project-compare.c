/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-compare.c: the project's side of the outlet comparison —
 * the sums the store keeps per document, added up per outlet. */
#include "config.h"

#include "hearsay-project-private.h"
#include "hearsay-project-team.h"

HearsayCompareSums *
hearsay_project_read_compare_sums (HearsayProject            *self,
                                   const HearsayCompareKeys  *keys,
                                   const gint64              *document_ids,
                                   guint                      n_documents,
                                   gint64                     event_id,
                                   GError                   **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  store = hearsay_project_require_store (self, error);
  if (store == NULL)
    return NULL;
  /* A blind coder compares their own layer. */
  return hearsay_store_compare_layer_sums (store, keys ? keys : hearsay_compare_keys_default (),
                                           hearsay_project_get_blind_coder (self),
                                           document_ids, n_documents, event_id, error);
}
