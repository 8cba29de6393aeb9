/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-connect-keyring.h: server passwords in the desktop keyring
 * (libsecret), when Hearsay was built with it and a keyring answers. */
#pragma once

#ifndef HEARSAY_GUI_DIALOGS_COMPILATION
#error "hearsay-connect-keyring.h is private to src/gui/dialogs/."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

/* FALSE without libsecret, or without a session bus to reach a keyring. */
gboolean hearsay_connect_keyring_available     (void);
/* The password kept for this login on this server and database, or NULL. */
void     hearsay_connect_keyring_lookup        (const char          *host,
                                                const char          *port,
                                                const char          *database,
                                                const char          *user,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             data);
char    *hearsay_connect_keyring_lookup_finish (GAsyncResult        *result);
/* Keeps @password (in the background; a failure is only logged). */
void     hearsay_connect_keyring_store         (const char          *host,
                                                const char          *port,
                                                const char          *database,
                                                const char          *user,
                                                const char          *password);

G_END_DECLS
