/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-xml-safety.c: libxml2 with hostile files: a deny-all entity
 * loader, entity declarations refused, parser messages collected. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

#include "hearsay-error.h"
#include "hearsay-xml-safety.h"

typedef struct
{
  int line;
  char *message;
} FirstError;

/* Never loads anything: external DTDs and entities, http:// and file:// alike. */
static xmlParserInputPtr
deny_all_loader (const char       *url,
                 const char       *id,
                 xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

/* The structured-error callback takes a const pointer from libxml2 2.12 on. */
#if LIBXML_VERSION >= 21200
static void
collect_error (void           *data,
               const xmlError *err)
#else
static void
collect_error (void       *data,
               xmlErrorPtr err)
#endif
{
  FirstError *first = data;

  if (first == NULL || first->message != NULL || err == NULL || err->level < XML_ERR_ERROR)
    return;
  first->line = err->line;
  first->message = g_strchomp (g_strdup (err->message ? err->message : "?"));
}

void
hearsay_xml_init (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (deny_all_loader);
      g_once_init_leave (&initialised, 1);
    }
}

/* SAX callbacks: the parser calls them with itself as the context. An
 * entity declaration stops it, whatever encoding the document is in. */
static void
refuse_entity_decl (void          *ctx,
                    const xmlChar *name,
                    int            type,
                    const xmlChar *public_id,
                    const xmlChar *system_id,
                    xmlChar       *content)
{
  xmlParserCtxtPtr parser = ctx;

  *(gboolean *) parser->_private = TRUE;
  xmlStopParser (parser);
}

static void
refuse_unparsed_entity_decl (void          *ctx,
                             const xmlChar *name,
                             const xmlChar *public_id,
                             const xmlChar *system_id,
                             const xmlChar *notation_name)
{
  refuse_entity_decl (ctx, name, 0, public_id, system_id, NULL);
}

xmlDocPtr
hearsay_xml_read (const char  *data,
                  gsize        length,
                  const char  *display_name,
                  GError     **error)
{
  /* No XML_PARSE_NOENT (it reads file:// entities even with NONET), no
   * DTDLOAD/DTDATTR/DTDVALID. */
  const int options = XML_PARSE_NONET | XML_PARSE_COMPACT;
  FirstError first = { 0 };
  gboolean declares_entities = FALSE;
  xmlParserCtxtPtr parser;
  xmlDocPtr doc;

  if (length > G_MAXINT)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_TOO_LARGE,
                   _("%s is too large to parse"), display_name);
      return NULL;
    }
  if (length == 0 || data == NULL)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY,
                   _("%s is empty: there is no XML document in it"), display_name);
      return NULL;
    }
  hearsay_xml_init ();
  parser = xmlNewParserCtxt ();
  if (parser == NULL)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_FAILED,
                   _("%s: out of memory"), display_name);
      return NULL;
    }
  /* Entities declared in the document are how expansion bombs and external
   * entities work; Hearsay's formats never need them. The parser reports
   * each declaration after decoding, so UTF-16 cannot hide one. */
  parser->_private = &declares_entities;
  parser->sax->entityDecl = refuse_entity_decl;
  parser->sax->unparsedEntityDecl = refuse_unparsed_entity_decl;
  xmlSetStructuredErrorFunc (&first, collect_error);
  doc = xmlCtxtReadMemory (parser, data, (int) length, NULL, NULL, options);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlFreeParserCtxt (parser);
  if (declares_entities)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_PARSE,
                   _("%s declares XML entities (<!ENTITY>), which Hearsay refuses: "
                     "they can read other files or expand without bound"), display_name);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc == NULL || first.message != NULL)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_PARSE,
                   _("%s:%d: not well-formed XML: %s"), display_name, first.line,
                   first.message ? first.message : _("the document is empty"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  g_free (first.message);
  return doc;
}

/* The length in bytes of the forbidden character at @p, or 0. @text is
 * valid UTF-8, so 0xEF always starts a character (U+FFFE is EF BF BE). */
static inline gsize
forbidden_at (const guchar *p,
              const guchar *end)
{
  if (*p < 0x20)
    return (*p == '\t' || *p == '\n' || *p == '\r') ? 0 : 1;
  if (*p == 0xEF && end - p >= 3 && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
    return 3;
  return 0;
}

gboolean
hearsay_xml_text_is_safe (const char *text,
                          gssize      length)
{
  const guchar *p = (const guchar *) text, *end;

  if (text == NULL)
    return TRUE;
  end = p + (length < 0 ? strlen (text) : (gsize) length);
  for (; p < end; p++)
    if (forbidden_at (p, end) > 0)
      return FALSE;
  return TRUE;
}

/* Why U+FFFD: dropping the character or writing it as an entity would
 * shift every standoff offset after it (and a reference is forbidden too);
 * the replacement character is one code point, one UTF-16 unit, and says
 * "something unrepresentable was here". */
char *
hearsay_xml_sanitize (const char *text,
                      gssize      length)
{
  const guchar *p, *end, *run;
  GString *s;

  g_return_val_if_fail (text != NULL || length <= 0, NULL);

  if (text == NULL)
    return g_strdup ("");
  if (length < 0)
    length = strlen (text);
  s = g_string_sized_new (length);
  p = run = (const guchar *) text;
  end = p + length;
  while (p < end)
    {
      gsize n = forbidden_at (p, end);

      if (n == 0)
        {
          p++;
          continue;
        }
      g_string_append_len (s, (const char *) run, p - run);
      g_string_append (s, "\xEF\xBF\xBD");
      p += n;
      run = p;
    }
  g_string_append_len (s, (const char *) run, p - run);
  return g_string_free (s, FALSE);
}

void
hearsay_xml_append_escaped (GString    *s,
                            const char *text)
{
  const guchar *end;

  if (text == NULL)
    return;
  end = (const guchar *) text + strlen (text);
  for (const guchar *p = (const guchar *) text; p < end; p++)
    {
      gsize n = forbidden_at (p, end);

      if (n > 0)
        {
          g_string_append (s, "\xEF\xBF\xBD");
          p += n - 1;
          continue;
        }
      switch (*p)
        {
        case '&': g_string_append (s, "&amp;"); break;
        case '<': g_string_append (s, "&lt;"); break;
        case '>': g_string_append (s, "&gt;"); break;
        case '"': g_string_append (s, "&quot;"); break;
        case '\r': g_string_append (s, "&#13;"); break;
        case '\t': g_string_append (s, "&#9;"); break;
        case '\n': g_string_append (s, "&#10;"); break;
        default: g_string_append_c (s, (char) *p);
        }
    }
}
