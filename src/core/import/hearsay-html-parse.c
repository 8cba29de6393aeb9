/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-html-parse.c: libxml2's HTML parser as the page importer needs
 * it — on text already converted to UTF-8, with no network, no nesting
 * limit and no messages printed. */
#include "config.h"

#include <libxml/xmlerror.h>

#include "hearsay-html-parse.h"
#include "hearsay-xml-safety.h"

/* The structured-error callback takes a const pointer from libxml2 2.12 on. */
#if LIBXML_VERSION >= 21200
static void
ignore_error (void           *data,
              const xmlError *err)
#else
static void
ignore_error (void       *data,
              xmlErrorPtr err)
#endif
{
  /* Malformed markup is the rule on saved pages: nothing to report. */
}

htmlDocPtr
hearsay_html_read_utf8 (const char *utf8,
                        gsize       length,
                        const char *display_name)
{
  /* The text is UTF-8 already (converted by us), so a <meta charset> in it
   * must not switch decoding. HUGE lifts the 256-level nesting limit that
   * would otherwise empty the body; the files' size is capped before this.
   * libxml2 2.9 has no HTML_PARSE_HUGE name; the HTML parser reads the same
   * bit as XML_PARSE_HUGE. */
  const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE |
                      HTML_PARSE_COMPACT;
  htmlDocPtr doc;

  g_return_val_if_fail (length <= G_MAXINT, NULL);
  hearsay_xml_init ();
  xmlSetStructuredErrorFunc (NULL, ignore_error);
  doc = htmlReadMemory (utf8, (int) length, NULL, "UTF-8", options);
  xmlSetStructuredErrorFunc (NULL, NULL);
  return doc;
}
