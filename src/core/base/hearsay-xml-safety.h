/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-xml-safety.h: libxml2 with hostile files (DESIGN §8): no external
 * entity, DTD or network is ever loaded, entities are never substituted,
 * and parser messages are collected instead of printed. */
#pragma once

#include <glib.h>
#include <libxml/parser.h>

G_BEGIN_DECLS

/* Installs the deny-all external entity loader (once per process). */
void       hearsay_xml_init            (void);

/* Parses XML; a document declaring entities is refused (no expansion can
 * happen), as are malformed documents, with "FILE:LINE: message". */
xmlDocPtr  hearsay_xml_read            (const char  *data,
                                        gsize        length,
                                        const char  *display_name,
                                        GError     **error);

/* Writing: XML 1.0 forbids U+0000–U+0008, U+000B, U+000C, U+000E–U+001F,
 * U+FFFE and U+FFFF, even as character references, so every XML writer
 * passes user text through these. Such a character becomes U+FFFD: one
 * character for one, so code-point and UTF-16 offsets stay exact. */

/* Whether @text (@length bytes, or -1: NUL-terminated; valid UTF-8) has no
 * character that XML forbids. */
gboolean   hearsay_xml_text_is_safe    (const char  *text,
                                        gssize       length);

/* A copy of @text with each character that XML forbids replaced by U+FFFD. */
char      *hearsay_xml_sanitize        (const char  *text,
                                        gssize       length);

/* Appends @text (NULL: nothing) escaped for element content or a
 * double-quoted attribute value, sanitized as above: & < > " as entities,
 * TAB, LF and CR as character references (attribute-value and line-end
 * normalisation would otherwise turn them into spaces or LF). */
void       hearsay_xml_append_escaped  (GString     *s,
                                        const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
