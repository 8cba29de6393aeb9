/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-connect-dialog.h: File ▸ Connect to Server… — a project shared on
 * a PostgreSQL server, its password asked for when the server wants one. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-project.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_CONNECT_DIALOG (hearsay_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HearsayConnectDialog, hearsay_connect_dialog, HEARSAY, CONNECT_DIALOG, GtkWindow)

/* @settings (may be NULL) holds "recent-servers"; the dialog offers them
 * and adds the one it connected to. Emits "connected" (HearsayProject)
 * and closes once a project is open. */
HearsayConnectDialog *hearsay_connect_dialog_new          (GtkWindow            *parent,
                                                           GSettings            *settings);
/* Fills the fields (NULL or "": left empty). */
void                  hearsay_connect_dialog_set_fields   (HearsayConnectDialog *self,
                                                           const char           *host,
                                                           const char           *port,
                                                           const char           *database,
                                                           const char           *project,
                                                           const char           *user);
/* What the Connect button does: opens the project on a worker thread. */
void                  hearsay_connect_dialog_connect      (HearsayConnectDialog *self);
gboolean              hearsay_connect_dialog_is_busy      (HearsayConnectDialog *self);
/* The message under the fields ("" when none). */
const char           *hearsay_connect_dialog_get_message  (HearsayConnectDialog *self);
/* TRUE once the server asked for a password and the field shows. */
gboolean              hearsay_connect_dialog_wants_password (HearsayConnectDialog *self);
void                  hearsay_connect_dialog_set_password (HearsayConnectDialog *self,
                                                           const char           *password);

/* The libpq keyword string for these fields ("" fields left out; @project
 * "" is the default one); never a password. */
char                 *hearsay_connect_build_location      (const char           *host,
                                                           const char           *port,
                                                           const char           *database,
                                                           const char           *project,
                                                           const char           *user);
/* "login@server/database · project", for the recent lists. */
char                 *hearsay_connect_describe            (const char           *host,
                                                           const char           *port,
                                                           const char           *database,
                                                           const char           *project,
                                                           const char           *user);
/* Puts the location first in @settings' "recent-servers" (at most 8). */
void                  hearsay_connect_remember            (GSettings            *settings,
                                                           const char           *host,
                                                           const char           *port,
                                                           const char           *database,
                                                           const char           *project,
                                                           const char           *user);

G_END_DECLS
