/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-entity.h: a source, outlet or actor that mentions refer to. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEARSAY_TYPE_ENTITY (hearsay_entity_get_type ())
G_DECLARE_FINAL_TYPE (HearsayEntity, hearsay_entity, HEARSAY, ENTITY, GObject)

HearsayEntity      *hearsay_entity_new                  (const char    *name,
                                                         const char    *kind);

gint64              hearsay_entity_get_id               (HearsayEntity *self);
void                hearsay_entity_set_id               (HearsayEntity *self,
                                                         gint64         id);
const char         *hearsay_entity_get_name             (HearsayEntity *self);
void                hearsay_entity_set_name             (HearsayEntity *self,
                                                         const char    *name);
/* One of the scheme's entity kinds, e.g. "state_news_agency". */
const char         *hearsay_entity_get_kind             (HearsayEntity *self);
void                hearsay_entity_set_kind             (HearsayEntity *self,
                                                         const char    *kind);
/* "yes", "no", "unclear" or NULL when not assessed. */
const char         *hearsay_entity_get_state_affiliated (HearsayEntity *self);
void                hearsay_entity_set_state_affiliated (HearsayEntity *self,
                                                         const char    *value);
const char         *hearsay_entity_get_affiliation      (HearsayEntity *self);
void                hearsay_entity_set_affiliation      (HearsayEntity *self,
                                                         const char    *affiliation);
/* A stable identity that survives copies and merges (a UUID the store gives). */
const char         *hearsay_entity_get_uuid             (HearsayEntity *self);
void                hearsay_entity_set_uuid             (HearsayEntity *self,
                                                         const char    *uuid);
const char * const *hearsay_entity_get_aliases          (HearsayEntity *self);
void                hearsay_entity_set_aliases          (HearsayEntity *self,
                                                         const char * const *aliases);
void                hearsay_entity_add_alias            (HearsayEntity *self,
                                                         const char    *alias);
/* TRUE when @text contains the name or an alias, or the name contains
 * @text, ignoring case and accents: what a mention suggests. */
gboolean            hearsay_entity_matches              (HearsayEntity *self,
                                                         const char    *text);

G_END_DECLS
