/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-sums.c: the comparison's typed rows and default keys. */
#include "config.h"

#include "hearsay-compare-sums.h"
#include "hearsay-scheme-ids.h"

static const HearsayCompareKeys default_keys = {
  .claim = HEARSAY_LABEL_CLAIM,
  .attributed_content = HEARSAY_LABEL_ATTRIBUTED_CONTENT,
  .source_mention = HEARSAY_LABEL_SOURCE_MENTION,
  .entity_mention = HEARSAY_LABEL_ENTITY_MENTION,
  .persuasion = HEARSAY_LABEL_PERSUASION,
  .frame_cue = HEARSAY_LABEL_FRAME_CUE,
  .boilerplate = HEARSAY_LABEL_BOILERPLATE,
  .attributed_to = HEARSAY_RELATION_ATTRIBUTED_TO,
  .relayed_by = HEARSAY_RELATION_RELAYED_BY,
  .refers_to = HEARSAY_RELATION_REFERS_TO,
  .same_claim_as = HEARSAY_RELATION_SAME_CLAIM_AS,
  .contradicts = HEARSAY_RELATION_CONTRADICTS,
  .identification = HEARSAY_ATTRIBUTE_IDENTIFICATION,
  .anonymous = HEARSAY_IDENTIFICATION_ANONYMOUS,
  .described = HEARSAY_IDENTIFICATION_DESCRIBED,
  .technique = HEARSAY_ATTRIBUTE_TECHNIQUE,
  .dimension = HEARSAY_ATTRIBUTE_DIMENSION,
  .frames_field = HEARSAY_FIELD_FRAMES,
  .primary_frame_field = HEARSAY_FIELD_PRIMARY_FRAME,
};

const HearsayCompareKeys *
hearsay_compare_keys_default (void)
{
  return &default_keys;
}

HearsayCompareSums *
hearsay_compare_sums_new (void)
{
  HearsayCompareSums *sums = g_new0 (HearsayCompareSums, 1);

  sums->strings = g_string_chunk_new (4096);
  sums->sizes = g_array_new (FALSE, TRUE, sizeof (HearsaySumSize));
  sums->labels = g_array_new (FALSE, TRUE, sizeof (HearsaySumCount));
  sums->attribution = g_array_new (FALSE, TRUE, sizeof (HearsaySumCount));
  sums->sources = g_array_new (FALSE, TRUE, sizeof (HearsaySumSource));
  sums->techniques = g_array_new (FALSE, TRUE, sizeof (HearsaySumCount));
  sums->dimensions = g_array_new (FALSE, TRUE, sizeof (HearsaySumCount));
  sums->document_frames = g_array_new (FALSE, TRUE, sizeof (HearsaySumDocumentFrame));
  sums->naming = g_array_new (FALSE, TRUE, sizeof (HearsaySumNaming));
  sums->chain_edges = g_array_new (FALSE, TRUE, sizeof (HearsaySumChainEdge));
  sums->claim_links = g_array_new (FALSE, TRUE, sizeof (HearsaySumClaimLink));
  sums->words = g_array_new (FALSE, TRUE, sizeof (HearsaySumCount));
  return sums;
}

void
hearsay_compare_sums_free (HearsayCompareSums *sums)
{
  if (sums == NULL)
    return;
  g_string_chunk_free (sums->strings);
  g_array_unref (sums->sizes);
  g_array_unref (sums->labels);
  g_array_unref (sums->attribution);
  g_array_unref (sums->sources);
  g_array_unref (sums->techniques);
  g_array_unref (sums->dimensions);
  g_array_unref (sums->document_frames);
  g_array_unref (sums->naming);
  g_array_unref (sums->chain_edges);
  g_array_unref (sums->claim_links);
  g_array_unref (sums->words);
  g_free (sums);
}

const char *
hearsay_compare_sums_intern (HearsayCompareSums *sums,
                             const char         *text)
{
  return text != NULL ? g_string_chunk_insert_const (sums->strings, text) : NULL;
}
