/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-event.h: a story (e.g. "Deir ez-Zor retaken", 2017-11-03) that
 * several documents cover. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEARSAY_TYPE_EVENT (hearsay_event_get_type ())
G_DECLARE_FINAL_TYPE (HearsayEvent, hearsay_event, HEARSAY, EVENT, GObject)

HearsayEvent *hearsay_event_new                 (const char   *name,
                                                 const char   *date);
gint64        hearsay_event_get_id              (HearsayEvent *self);
void          hearsay_event_set_id              (HearsayEvent *self,
                                                 gint64        id);
const char   *hearsay_event_get_name            (HearsayEvent *self);
void          hearsay_event_set_name            (HearsayEvent *self,
                                                 const char   *name);
/* YYYY-MM-DD, or NULL. */
const char   *hearsay_event_get_date            (HearsayEvent *self);
void          hearsay_event_set_date            (HearsayEvent *self,
                                                 const char   *date);
guint         hearsay_event_get_n_documents     (HearsayEvent *self);
void          hearsay_event_set_n_documents     (HearsayEvent *self,
                                                 guint         n);

G_END_DECLS
