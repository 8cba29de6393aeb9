/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-scheme-private.h */
#pragma once

#include <json-glib/json-glib.h>

#include "hearsay-scheme.h"

G_BEGIN_DECLS

/* Every display string of the default scheme, marked for xgettext. */
extern const char * const hearsay_scheme_i18n_strings[];

/* For hearsay-scheme-edit.c: the JSON tree behind the scheme, and re-reading it. */
JsonObject *hearsay_scheme_get_root (HearsayScheme  *self);
/* A label just appended to the tree's "labels", with an id that is new,
 * read alone: adding labels one by one stays linear. */
gboolean    hearsay_scheme_append_parsed_label (HearsayScheme *self,
                                                JsonObject    *label,
                                                GError       **error);
/* After an edit of one label's object in the tree (@label, of id @id):
 * that label alone is read again. */
gboolean    hearsay_scheme_reload_label (HearsayScheme *self,
                                         const char    *id,
                                         JsonObject    *label,
                                         GError       **error);
gboolean    hearsay_scheme_reload   (HearsayScheme  *self,
                                     GError        **error);

G_END_DECLS
