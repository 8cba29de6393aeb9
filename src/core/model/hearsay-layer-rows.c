/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-layer-rows.c */
#include "config.h"

#include "hearsay-layer-rows.h"

HearsayLayerRows *
hearsay_layer_rows_new (void)
{
  HearsayLayerRows *rows = g_new0 (HearsayLayerRows, 1);

  rows->strings = g_string_chunk_new (4096);
  rows->coders = g_ptr_array_new_with_free_func (g_object_unref);
  rows->documents = g_array_new (FALSE, FALSE, sizeof (HearsayLayerDocument));
  rows->fragments = g_array_new (FALSE, FALSE, sizeof (HearsayLayerFragment));
  rows->values = g_array_new (FALSE, FALSE, sizeof (HearsayLayerValue));
  rows->annotations = g_array_new (FALSE, FALSE, sizeof (HearsayLayerAnnotation));
  return rows;
}

void
hearsay_layer_rows_free (HearsayLayerRows *rows)
{
  if (rows == NULL)
    return;
  g_string_chunk_free (rows->strings);
  g_ptr_array_unref (rows->coders);
  g_array_unref (rows->documents);
  g_array_unref (rows->fragments);
  g_array_unref (rows->values);
  g_array_unref (rows->annotations);
  g_free (rows);
}

const char *
hearsay_layer_rows_intern (HearsayLayerRows *rows,
                           const char       *text)
{
  return text != NULL ? g_string_chunk_insert_const (rows->strings, text) : NULL;
}

int
hearsay_layer_rows_find_coder (HearsayLayerRows *rows,
                               const char       *name)
{
  for (guint i = 0; i < rows->coders->len; i++)
    if (g_strcmp0 (hearsay_coder_get_name (g_ptr_array_index (rows->coders, i)), name) == 0)
      return (int) i;
  return -1;
}

const HearsayLayerValue *
hearsay_layer_rows_get_values (HearsayLayerRows *rows,
                               gint64            annotation_id,
                               guint            *n_values)
{
  const HearsayLayerValue *values = (const HearsayLayerValue *) rows->values->data;
  guint lo = 0, hi = rows->values->len, first;

  /* The first row of @annotation_id, by binary search. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (values[mid].annotation_id < annotation_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  first = lo;
  while (lo < rows->values->len && values[lo].annotation_id == annotation_id)
    lo++;
  *n_values = lo - first;
  return lo > first ? &values[first] : NULL;
}
