/* hearsay-scheme-private.h */
#pragma once

#include "hearsay-scheme.h"

G_BEGIN_DECLS

/* Every display string of the default scheme, marked for xgettext. */
extern const char * const hearsay_scheme_i18n_strings[];

G_END_DECLS
