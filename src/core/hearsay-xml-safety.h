/* hearsay-xml-safety.h: libxml2 with hostile files (DESIGN §8): no external
 * entity, DTD or network is ever loaded, entities are never substituted,
 * and parser messages are collected instead of printed. */
#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

G_BEGIN_DECLS

/* Installs the deny-all external entity loader (once per process). */
void       hearsay_xml_init            (void);

/* Parses UTF-8 HTML; never fails on malformed markup (NULL only when
 * libxml2 gives up, e.g. out of memory). */
htmlDocPtr hearsay_html_read_utf8      (const char  *utf8,
                                        gsize        length,
                                        const char  *display_name);

/* Parses XML; a document declaring entities is refused (no expansion can
 * happen), as are malformed documents, with "FILE:LINE: message". */
xmlDocPtr  hearsay_xml_read            (const char  *data,
                                        gsize        length,
                                        const char  *display_name,
                                        GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
