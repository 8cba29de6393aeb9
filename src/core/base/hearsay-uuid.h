/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-uuid.h: the stable identities of documents, annotations,
 * relations and entities. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new UUID (RFC 9562 version 7: the time in milliseconds, then random
 * bits), as a lowercase string. Ids made one after the other sort in that
 * order, so that indexes on them grow at their end instead of anywhere. */
char *hearsay_uuid_new (void);

G_END_DECLS
