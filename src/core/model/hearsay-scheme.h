/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-scheme.h: labels, their attributes, relation types, entity kinds and
 * document fields. Hearsay's own identifiers are snake_case; identifiers that
 * come from other tools are kept as those tools write them ("ACC",
 * "Protein-Component"): any non-empty string without white space or control
 * characters. Names are display strings. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  HEARSAY_ATTRIBUTE_SINGLE,
  HEARSAY_ATTRIBUTE_MULTI,
  HEARSAY_ATTRIBUTE_BOOLEAN,
  HEARSAY_ATTRIBUTE_TEXT,
  HEARSAY_ATTRIBUTE_DERIVED,   /* computed from another attribute's value */
} HearsayAttributeKind;

typedef struct
{
  char *id;
  char *name;
  char *category;     /* for values whose attribute feeds a derived one */
  char *semeval;      /* the value's name in SemEval data, if any */
} HearsayValueDef;

typedef struct
{
  char *id;
  char *name;
  HearsayAttributeKind kind;
  char *derived_from;
  GPtrArray *values;  /* HearsayValueDef */
} HearsayAttributeDef;

typedef struct
{
  char *id;
  char *name;
  char *description;
  char *color;        /* "#rrggbb" default; the view may override it */
  guint key;          /* 1–9, 0 for none */
  GPtrArray *attributes;  /* HearsayAttributeDef */
  /* An event type (brat's [events]): an annotation of it is an event on
   * its trigger's span, its arguments are relations of event_role types. */
  gboolean event;
} HearsayLabel;

typedef struct
{
  char *id;
  char *name;
  char **from_labels;
  char **to_labels;
  gboolean to_entity;
  gboolean symmetric;
  gboolean cross_document;
  /* Symmetric and transitive: an equivalence (brat's "*\tEquiv T1 T2"). */
  gboolean transitive;
  /* An event's argument role (brat's "E1\tType:T1 Role:T2"): from_labels
   * are the event types that take it, to_labels what may fill it. */
  gboolean event_role;
} HearsayRelationType;

typedef struct
{
  char *id;
  char *name;
} HearsayEntityKind;

#define HEARSAY_TYPE_SCHEME (hearsay_scheme_get_type ())
G_DECLARE_FINAL_TYPE (HearsayScheme, hearsay_scheme, HEARSAY, SCHEME, GObject)

HearsayScheme             *hearsay_scheme_new_default            (void);
HearsayScheme             *hearsay_scheme_new_from_json          (const char          *json,
                                                                  gssize               length,
                                                                  GError             **error);
char                      *hearsay_scheme_to_json                (HearsayScheme       *self);

const char                *hearsay_scheme_get_id                 (HearsayScheme       *self);
const char                *hearsay_scheme_get_name               (HearsayScheme       *self);

guint                      hearsay_scheme_get_n_labels           (HearsayScheme       *self);
const HearsayLabel        *hearsay_scheme_get_label              (HearsayScheme       *self,
                                                                  guint                index);
const HearsayLabel        *hearsay_scheme_lookup_label           (HearsayScheme       *self,
                                                                  const char          *id);
const HearsayLabel        *hearsay_scheme_lookup_key             (HearsayScheme       *self,
                                                                  guint                key);
const HearsayAttributeDef *hearsay_label_lookup_attribute        (const HearsayLabel  *label,
                                                                  const char          *id);
const HearsayValueDef     *hearsay_attribute_lookup_value        (const HearsayAttributeDef *attribute,
                                                                  const char          *id);

guint                      hearsay_scheme_get_n_relation_types   (HearsayScheme       *self);
const HearsayRelationType *hearsay_scheme_get_relation_type      (HearsayScheme       *self,
                                                                  guint                index);
const HearsayRelationType *hearsay_scheme_lookup_relation_type   (HearsayScheme       *self,
                                                                  const char          *id);

guint                      hearsay_scheme_get_n_entity_kinds     (HearsayScheme       *self);
const HearsayEntityKind   *hearsay_scheme_get_entity_kind        (HearsayScheme       *self,
                                                                  guint                index);

guint                      hearsay_scheme_get_n_document_fields  (HearsayScheme       *self);
const HearsayAttributeDef *hearsay_scheme_get_document_field     (HearsayScheme       *self,
                                                                  guint                index);
const HearsayAttributeDef *hearsay_scheme_lookup_document_field  (HearsayScheme       *self,
                                                                  const char          *id);

/* Checks @values against the attribute's definition (kind and allowed values). */
gboolean                   hearsay_attribute_check_values        (const HearsayAttributeDef *attribute,
                                                                  const char * const  *values,
                                                                  GError             **error);

/* Editing (hearsay-scheme-edit.c). Identifiers never change: renaming a label
 * changes its display name, so annotations keep their label. */
HearsayScheme             *hearsay_scheme_copy                   (HearsayScheme       *self);
HearsayScheme             *hearsay_scheme_new_from_file          (const char          *path,
                                                                  GError             **error);
gboolean                   hearsay_scheme_save_to_file           (HearsayScheme       *self,
                                                                  const char          *path,
                                                                  GError             **error);
/* Adds the label when @id is new; a @key another label had is taken from it. */
gboolean                   hearsay_scheme_set_label              (HearsayScheme       *self,
                                                                  const char          *id,
                                                                  const char          *name,
                                                                  const char          *color,
                                                                  guint                key,
                                                                  GError             **error);
gboolean                   hearsay_scheme_remove_label           (HearsayScheme       *self,
                                                                  const char          *id,
                                                                  GError             **error);
gboolean                   hearsay_scheme_add_attribute          (HearsayScheme       *self,
                                                                  const char          *label_id,
                                                                  const char          *attribute_id,
                                                                  const char          *name,
                                                                  HearsayAttributeKind kind,
                                                                  GError             **error);
/* Replaces the attribute's allowed values; @names may be NULL (names = ids). */
gboolean                   hearsay_scheme_set_attribute_values   (HearsayScheme       *self,
                                                                  const char          *label_id,
                                                                  const char          *attribute_id,
                                                                  const char * const  *ids,
                                                                  const char * const  *names,
                                                                  GError             **error);

/* Marks the label @id as an event type (or not). */
gboolean                   hearsay_scheme_set_label_event        (HearsayScheme       *self,
                                                                  const char          *id,
                                                                  gboolean             event,
                                                                  GError             **error);
/* Adds @type, or replaces the relation type of the same id. */
gboolean                   hearsay_scheme_set_relation_type      (HearsayScheme       *self,
                                                                  const HearsayRelationType *type,
                                                                  GError             **error);
/* TRUE for an identifier the scheme accepts (see the top of this file). */
gboolean                   hearsay_scheme_is_identifier          (const char          *id);

/* hearsay-scheme-diff.c: how @b differs from @a in what annotations mean —
 * labels, their attributes and values, relation types, document fields —
 * one translated sentence each, naming the schemes @a_name and @b_name;
 * names, descriptions, colours and keys do not count. Empty when they agree. */
char                     **hearsay_scheme_diff                   (HearsayScheme       *a,
                                                                  const char          *a_name,
                                                                  HearsayScheme       *b,
                                                                  const char          *b_name);

/* A display string of the scheme, translated when it is one of the default scheme's. */
const char                *hearsay_scheme_translate              (const char          *str);

G_END_DECLS
