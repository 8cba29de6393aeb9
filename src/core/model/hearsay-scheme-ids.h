/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-scheme-ids.h: the identifiers of the default scheme (DESIGN §6)
 * that code relies on, named once. The comparison passes them to the store
 * as parameters (HearsayCompareKeys); importers and exporters use them to
 * find boilerplate, persuasion and entity links. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Span labels */
#define HEARSAY_LABEL_CLAIM              "claim"
#define HEARSAY_LABEL_SOURCE_MENTION     "source_mention"
#define HEARSAY_LABEL_ATTRIBUTION_CUE    "attribution_cue"
#define HEARSAY_LABEL_ATTRIBUTED_CONTENT "attributed_content"
#define HEARSAY_LABEL_PERSUASION         "persuasion"
#define HEARSAY_LABEL_FRAME_CUE          "frame_cue"
#define HEARSAY_LABEL_ENTITY_MENTION     "entity_mention"
#define HEARSAY_LABEL_BOILERPLATE        "boilerplate"

/* Relation types */
#define HEARSAY_RELATION_ATTRIBUTED_TO   "attributed_to"
#define HEARSAY_RELATION_SIGNALLED_BY    "signalled_by"
#define HEARSAY_RELATION_RELAYED_BY      "relayed_by"
#define HEARSAY_RELATION_REFERS_TO       "refers_to"
#define HEARSAY_RELATION_TARGETS         "targets"
#define HEARSAY_RELATION_SAME_CLAIM_AS   "same_claim_as"
#define HEARSAY_RELATION_CONTRADICTS     "contradicts"

/* Attributes and their values */
#define HEARSAY_ATTRIBUTE_IDENTIFICATION "identification"
#define HEARSAY_IDENTIFICATION_ANONYMOUS "anonymous"
#define HEARSAY_IDENTIFICATION_DESCRIBED "described"
#define HEARSAY_ATTRIBUTE_TECHNIQUE      "technique"
#define HEARSAY_ATTRIBUTE_DIMENSION      "dimension"
#define HEARSAY_ATTRIBUTE_KIND           "kind"

/* Document fields */
#define HEARSAY_FIELD_FRAMES             "frames"
#define HEARSAY_FIELD_PRIMARY_FRAME      "primary_frame"

G_END_DECLS
