/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-html-parse.h: libxml2's HTML parser, set up for saved pages. */
#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>

G_BEGIN_DECLS

/* Parses UTF-8 HTML; never fails on malformed markup (NULL only when
 * libxml2 gives up, e.g. out of memory). */
htmlDocPtr hearsay_html_read_utf8 (const char *utf8,
                                   gsize       length,
                                   const char *display_name);

G_END_DECLS
