/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-error.c */
#include "hearsay-error.h"

G_DEFINE_QUARK (hearsay-store-error-quark, hearsay_store_error)
G_DEFINE_QUARK (hearsay-import-error-quark, hearsay_import_error)
G_DEFINE_QUARK (hearsay-export-error-quark, hearsay_export_error)
G_DEFINE_QUARK (hearsay-project-error-quark, hearsay_project_error)
G_DEFINE_QUARK (hearsay-scheme-error-quark, hearsay_scheme_error)
