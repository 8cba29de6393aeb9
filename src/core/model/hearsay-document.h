/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-document.h: one article, its verbatim text and its metadata. */
#pragma once

#include <glib-object.h>

#include "hearsay-text.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_DOCUMENT (hearsay_document_get_type ())
G_DECLARE_FINAL_TYPE (HearsayDocument, hearsay_document, HEARSAY, DOCUMENT, GObject)

/* Called per document when a project walks over its documents; FALSE stops. */
typedef gboolean (*HearsayDocumentFunc) (HearsayDocument  *document,
                                         gpointer          user_data,
                                         GError          **error);

HearsayDocument  *hearsay_document_new               (const char      *text);

gint64            hearsay_document_get_id            (HearsayDocument *self);
void              hearsay_document_set_id            (HearsayDocument *self,
                                                      gint64           id);
/* NULL for a document listed without its text (see hearsay_project_list_documents). */
const char       *hearsay_document_get_text          (HearsayDocument *self);
void              hearsay_document_set_text          (HearsayDocument *self,
                                                      const char      *text);
gint64            hearsay_document_get_length        (HearsayDocument *self);
void              hearsay_document_set_length        (HearsayDocument *self,
                                                      gint64           length);
const char       *hearsay_document_get_sha256        (HearsayDocument *self);
void              hearsay_document_set_sha256        (HearsayDocument *self,
                                                      const char      *sha256);
HearsayDirection  hearsay_document_get_direction     (HearsayDocument *self);
void              hearsay_document_set_direction     (HearsayDocument *self,
                                                      HearsayDirection direction);

#define HEARSAY_DOCUMENT_STRING_PROPERTY(name) \
  const char *hearsay_document_get_##name (HearsayDocument *self); \
  void        hearsay_document_set_##name (HearsayDocument *self, const char *value);

HEARSAY_DOCUMENT_STRING_PROPERTY (title)
HEARSAY_DOCUMENT_STRING_PROPERTY (outlet)
HEARSAY_DOCUMENT_STRING_PROPERTY (url)
HEARSAY_DOCUMENT_STRING_PROPERTY (published_at)
HEARSAY_DOCUMENT_STRING_PROPERTY (language)
HEARSAY_DOCUMENT_STRING_PROPERTY (source_name)
HEARSAY_DOCUMENT_STRING_PROPERTY (source_sha256)
HEARSAY_DOCUMENT_STRING_PROPERTY (imported_at)
/* A stable identity that survives copies and merges (a UUID the store gives). */
HEARSAY_DOCUMENT_STRING_PROPERTY (uuid)

#undef HEARSAY_DOCUMENT_STRING_PROPERTY

/* The metadata by name: title, outlet, url, published_at or language
 * (NULL for another name; setting another name does nothing). */
const char       *hearsay_document_get_metadata      (HearsayDocument *self,
                                                      const char      *name);
void              hearsay_document_set_metadata      (HearsayDocument *self,
                                                      const char      *name,
                                                      const char      *value);

guint             hearsay_document_get_n_annotations (HearsayDocument *self);
void              hearsay_document_set_n_annotations (HearsayDocument *self,
                                                      guint            n);

/* Document-level fields of the scheme (genre, frames, tone…): name → values. */
const char * const *hearsay_document_get_field       (HearsayDocument *self,
                                                      const char      *name);
void              hearsay_document_set_field         (HearsayDocument *self,
                                                      const char      *name,
                                                      const char * const *values);
char            **hearsay_document_dup_field_names   (HearsayDocument *self);

G_END_DECLS
