/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-json-safety.c: the scan before json-glib (see the header). */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-json-safety.h"

static int
hex4 (const char *p,
      const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      value = value * 16 + d;
    }
  return value;
}

static gboolean
refuse (GError     **error,
        const char  *where,
        const char  *data,
        const char  *p,
        const char  *message)
{
  /* The place as a character count from the start, as editors show it. */
  g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
               _("%s: %s (at character %ld)"), where, message,
               g_utf8_pointer_to_offset (data, p) + 1);
  return FALSE;
}

gboolean
hearsay_json_check (const char  *data,
                    gsize        length,
                    const char  *where,
                    GError     **error)
{
  const char *p = data, *end = data + length;
  gboolean in_string = FALSE;
  guint depth = 0;

  for (; p < end; p++)
    {
      char c = *p;

      if (in_string)
        {
          if (c == '"')
            in_string = FALSE;
          else if (c == '\\' && p + 1 < end)
            {
              p++;
              if (*p == 'u')
                {
                  int u = hex4 (p + 1, end);

                  if (u == 0)
                    return refuse (error, where, data, p - 1,
                                   _("the text holds a NUL character (\\u0000), which Hearsay does not store"));
                  if (u >= 0xD800 && u <= 0xDBFF)
                    {
                      int low = (end - p >= 11 && p[5] == '\\' && p[6] == 'u') ? hex4 (p + 7, end) : -1;

                      if (low < 0xDC00 || low > 0xDFFF)
                        return refuse (error, where, data, p - 1,
                                       _("the text holds half of a UTF-16 surrogate pair, which is not a character"));
                      p += 6;
                    }
                  else if (u >= 0xDC00 && u <= 0xDFFF)
                    return refuse (error, where, data, p - 1,
                                   _("the text holds half of a UTF-16 surrogate pair, which is not a character"));
                  if (u < 0)
                    return refuse (error, where, data, p - 1,
                                   _("\\u is not followed by four hexadecimal digits"));
                  p += 4;
                }
              /* json-glib also takes \ooo octal and other escapes JSON
               * does not have, and stores bytes that are not UTF-8. */
              else if (strchr ("\"\\/bfnrt", *p) == NULL || *p == '\0')
                return refuse (error, where, data, p - 1, _("a backslash escape that JSON does not have"));
            }
          else if (c == '\0')
            return refuse (error, where, data, p,
                           _("the text holds a NUL character, which Hearsay does not store"));
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '-' || g_ascii_isdigit (c))
        {
          /* json-glib wraps integers past 64 bits silently (an offset of
           * 99999999999999999999 became -1); no offset or id needs more
           * than 15 digits. */
          const char *start = p, *q = p + (c == '-');
          guint digits = 0;

          while (q < end && g_ascii_isdigit (*q))
            q++, digits++;
          if (digits > 15 && (q == end || (*q != '.' && *q != 'e' && *q != 'E')))
            {
              g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
                           _("%s: the number %.*s is too large (at character %ld)"),
                           where, (int) MIN (q - start, 40), start, g_utf8_pointer_to_offset (data, start) + 1);
              return FALSE;
            }
          p = q - 1;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > HEARSAY_JSON_MAX_DEPTH)
            {
              g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
                           _("%s: the JSON nests deeper than %d levels (at character %ld); "
                             "Hearsay does not read it"),
                           where, HEARSAY_JSON_MAX_DEPTH, g_utf8_pointer_to_offset (data, p) + 1);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
      else if (c == '\0')
        return refuse (error, where, data, p, _("the file holds a NUL byte"));
    }
  return TRUE;
}

JsonNode *
hearsay_json_parse (const char  *data,
                    gsize        length,
                    const char  *where,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!hearsay_json_check (data, length, where, error))
    return NULL;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_PARSE,
                   _("%s: invalid JSON: %s"), where, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY,
                   _("%s: there is no JSON value"), where);
      return NULL;
    }
  return json_node_ref (root);
}
