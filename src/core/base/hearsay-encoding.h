/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-encoding.h: turning the bytes of a file into verbatim UTF-8 text. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Largest text file Hearsay imports as one document (bytes). */
#define HEARSAY_MAX_TEXT_BYTES (50 * 1024 * 1024)

char *hearsay_encoding_decode (const char   *display_name,
                               const char   *data,
                               gsize         length,
                               const char   *encoding,
                               GError      **error);

G_END_DECLS
