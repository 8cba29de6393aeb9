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
gboolean    hearsay_scheme_reload   (HearsayScheme  *self,
                                     GError        **error);

G_END_DECLS
