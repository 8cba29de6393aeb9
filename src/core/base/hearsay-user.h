/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-user.h: who is at the keyboard, for the annotator field. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *hearsay_user_display_name (void);

G_END_DECLS
