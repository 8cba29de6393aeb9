/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-encoding.c: BOM and charset handling. Invalid input is refused with
 * the byte position; it is never silently replaced (DESIGN §5). */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-encoding.h"
#include "hearsay-error.h"

static char *
convert (const char  *display_name,
         const char  *data,
         gsize        length,
         const char  *from,
         gsize       *out_length,
         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0;
  char *out;

  out = g_convert (data, length, "UTF-8", from, &bytes_read, out_length, &local_error);
  if (out == NULL)
    {
      if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_ENCODING,
                     _("%s: the encoding “%s” is not known"), display_name, from);
      else
        g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_ENCODING,
                     _("%s: the bytes at byte offset %zu are not valid %s"),
                     display_name, bytes_read, from);
      return NULL;
    }
  /* g_convert() succeeds on a partial character at the end, dropping it. */
  if (bytes_read != length)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_ENCODING,
                   _("%s: the bytes at byte offset %zu are not valid %s"),
                   display_name, bytes_read, from);
      g_free (out);
      return NULL;
    }
  return out;
}

static gboolean
check_no_nul (const char  *display_name,
              const char  *text,
              gsize        length,
              GError     **error)
{
  const char *nul = memchr (text, '\0', length);

  if (nul != NULL)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_BINARY,
                   _("%s looks like a binary file, not text: it has a NUL byte at byte offset %zu"),
                   display_name, (gsize) (nul - text));
      return FALSE;
    }
  return TRUE;
}

/* A text that is only a byte-order mark is as empty as an empty file. */
static char *
refuse_if_empty (const char  *display_name,
                 char        *text,
                 GError     **error)
{
  if (text != NULL && (text[0] == '\0' || strcmp (text, "\xEF\xBB\xBF") == 0))
    {
      g_free (text);
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY,
                   _("%s is empty: there is no text to import"), display_name);
      return NULL;
    }
  return text;
}

char *
hearsay_encoding_decode (const char  *display_name,
                         const char  *data,
                         gsize        length,
                         const char  *encoding,
                         GError     **error)
{
  const guchar *u = (const guchar *) data;
  const char *end = NULL;
  g_autofree char *converted = NULL;
  gsize converted_length = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length == 0)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY,
                   _("%s is empty: there is no text to import"), display_name);
      return NULL;
    }

  if (encoding != NULL && *encoding != '\0' && g_ascii_strcasecmp (encoding, "utf-8") != 0 &&
      g_ascii_strcasecmp (encoding, "utf8") != 0)
    {
      converted = convert (display_name, data, length, encoding, &converted_length, error);
      if (converted == NULL)
        return NULL;
    }
  else if (length >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      /* The BOM is converted too, so U+FEFF stays at offset 0 as it would in UTF-8. */
      converted = convert (display_name, data, length,
                           u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                           &converted_length, error);
      if (converted == NULL)
        return NULL;
    }

  if (converted != NULL)
    {
      if (!check_no_nul (display_name, converted, converted_length, error))
        return NULL;
      return refuse_if_empty (display_name, g_steal_pointer (&converted), error);
    }

  if (!check_no_nul (display_name, data, length, error))
    return NULL;

  if (!g_utf8_validate_len (data, length, &end))
    {
      gsize at = (gsize) (end - data);

      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_ENCODING,
                   _("%s is not valid UTF-8: the first bad byte (0x%02X) is at byte offset %zu; "
                     "name its encoding to convert it (for example --encoding windows-1252)"),
                   display_name, (guint) u[at], at);
      return NULL;
    }
  return refuse_if_empty (display_name, g_strndup (data, length), error);
}
