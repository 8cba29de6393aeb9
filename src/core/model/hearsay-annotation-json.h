/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-annotation-json.h: annotations and relations as JSON objects — the
 * shape used by the JSONL format and by the undo history. */
#pragma once

#include <json-glib/json-glib.h>

#include "hearsay-annotation.h"
#include "hearsay-entity.h"
#include "hearsay-relation.h"
#include "hearsay-scheme.h"

G_BEGIN_DECLS

/* Appends @str as a JSON string literal (UTF-8 kept, controls escaped). */
void               hearsay_json_append_string      (GString            *out,
                                                    const char         *str);
/* Keys in a fixed order, so equal annotations give equal bytes. */
void               hearsay_annotation_append_json  (GString            *out,
                                                    HearsayScheme      *scheme,
                                                    HearsayAnnotation  *annotation);
void               hearsay_relation_append_json    (GString            *out,
                                                    const HearsayRelation *relation);

/* The same with the stable identity last ("uuid"), as the undo history keeps
 * them; the readers below leave "uuid" to the caller. */
void               hearsay_annotation_append_json_with_uuid (GString            *out,
                                                    HearsayScheme      *scheme,
                                                    HearsayAnnotation  *annotation);
void               hearsay_relation_append_json_with_uuid (GString          *out,
                                                    const HearsayRelation *relation);

void               hearsay_entity_append_json      (GString            *out,
                                                    HearsayEntity      *entity);

/* Reads what append_json wrote; offsets are not checked against any text.
 * Error messages say what is wrong, without a location. */
HearsayAnnotation *hearsay_annotation_from_json    (JsonObject         *object,
                                                    gint64              document_id,
                                                    GError            **error);
HearsayRelation   *hearsay_relation_from_json      (JsonObject         *object,
                                                    GError            **error);
HearsayEntity     *hearsay_entity_from_json        (JsonObject         *object,
                                                    GError            **error);

/* Small readers: a missing or null member gives NULL/FALSE without error. */
gboolean           hearsay_json_get_string         (JsonObject         *object,
                                                    const char         *member,
                                                    const char        **value);
gboolean           hearsay_json_get_int            (JsonObject         *object,
                                                    const char         *member,
                                                    gint64             *value);
/* A string, or an array of strings; NULL for anything else. */
char             **hearsay_json_get_values         (JsonNode           *node);

G_END_DECLS
