/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-html-decode.c: the encoding of a saved page, found before libxml2
 * sees it (DESIGN §8: libxml2 switches a whole page to Latin-1 on one stray
 * byte and lets invalid UTF-8 through when told "UTF-8"). */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-html.h"

#define DECLARATION_WINDOW 4096

/* Windows-1252 0x80–0x9F; the five bytes it leaves undefined map to the C1
 * controls of the same value, as browsers (WHATWG) do. 0xA0–0xFF = Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static void
append_cp1252 (GString *out,
               guchar   byte)
{
  if (byte < 0x80)
    g_string_append_c (out, (char) byte);
  else
    g_string_append_unichar (out, byte < 0xA0 ? cp1252_high[byte - 0x80] : (gunichar) byte);
}

static char *
decode_cp1252 (const char *data,
               gsize       length)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    append_cp1252 (out, (guchar) data[i]);
  return g_string_free (out, FALSE);
}

/* UTF-8 with a few stray bytes (a Windows-1252 "é" pasted into a UTF-8
 * page): the valid sequences stay UTF-8 and only each invalid byte is
 * converted on its own from Windows-1252, so one bad byte cannot turn the
 * rest of the page into mojibake. Returns NULL when the bytes look like
 * Windows-1252 as a whole (more invalid bytes than valid UTF-8 sequences). */
static char *
decode_utf8_repairing (const char *data,
                       gsize       length)
{
  GString *out = g_string_sized_new (length + 16);
  const char *p = data, *end = data + length;
  gsize n_invalid = 0, n_multibyte = 0;

  while (p < end)
    {
      const char *valid_end = NULL;
      gboolean ok = g_utf8_validate_len (p, end - p, &valid_end);

      for (const char *q = p; q < valid_end; q++)
        if (((guchar) *q & 0xC0) == 0xC0)
          n_multibyte++;
      g_string_append_len (out, p, valid_end - p);
      if (ok)
        break;
      append_cp1252 (out, (guchar) *valid_end);
      n_invalid++;
      p = valid_end + 1;
    }
  if (n_invalid > 0 && n_invalid >= n_multibyte)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* The charset named by <meta charset>, <meta http-equiv content="…;
 * charset=…"> or an XML declaration, looked for as bytes — only inside
 * those tags, so that <script charset> or text about charsets is ignored. */
static char *
charset_in (const char *tag,
            const char *key)
{
  const char *p = tag;

  while ((p = strstr (p, key)) != NULL)
    {
      const char *q = p + strlen (key);
      gsize len;

      p = q;
      while (*q == ' ' || *q == '\t')
        q++;
      if (*q != '=')
        continue;
      q++;
      while (*q == ' ' || *q == '\t' || *q == '"' || *q == '\'')
        q++;
      len = strspn (q, "abcdefghijklmnopqrstuvwxyz0123456789-_.:");
      if (len > 0 && len < 40)
        return g_strndup (q, len);
    }
  return NULL;
}

static char *
declared_charset (const char *data,
                  gsize       length)
{
  gsize n = MIN (length, DECLARATION_WINDOW);
  g_autofree char *head = g_ascii_strdown (data, n);
  const char *p = head;

  if (g_str_has_prefix (head, "<?xml"))
    {
      g_autofree char *decl = g_strndup (head, strcspn (head, ">"));
      char *charset = charset_in (decl, "encoding");

      if (charset != NULL)
        return charset;
    }
  while ((p = strstr (p, "<meta")) != NULL)
    {
      g_autofree char *tag = g_strndup (p, strcspn (p, ">"));
      char *charset = charset_in (tag, "charset");

      if (charset != NULL)
        return charset;
      p += 5;
    }
  return NULL;
}

/* WHATWG Encoding Standard labels → the decoder a browser uses, named as
 * iconv knows it. Browsers read every GB2312/GBK label with the GB18030
 * decoder, every Latin-1 and ASCII label as windows-1252, Shift_JIS as
 * Windows-31J, EUC-KR as windows-949; a page cannot be UTF-16 without a
 * BOM, so its UTF-16 labels mean UTF-8. */
static const struct { const char *label; const char *decoder; } labels[] = {
  { "utf-8", "UTF-8" }, { "utf8", "UTF-8" }, { "unicode-1-1-utf-8", "UTF-8" }, { "unicode11utf8", "UTF-8" },
  { "unicode20utf8", "UTF-8" }, { "x-unicode20utf8", "UTF-8" }, { "utf-16", "UTF-8" }, { "utf-16le", "UTF-8" },
  { "utf-16be", "UTF-8" }, { "unicodefffe", "UTF-8" }, { "unicode", "UTF-8" }, { "csunicode", "UTF-8" },
  { "iso-10646-ucs-2", "UTF-8" }, { "ucs-2", "UTF-8" },
  { "windows-1252", "windows-1252" }, { "ansi_x3.4-1968", "windows-1252" }, { "ascii", "windows-1252" },
  { "cp1252", "windows-1252" }, { "cp819", "windows-1252" }, { "csisolatin1", "windows-1252" },
  { "ibm819", "windows-1252" }, { "iso-8859-1", "windows-1252" }, { "iso-ir-100", "windows-1252" },
  { "iso8859-1", "windows-1252" }, { "iso88591", "windows-1252" }, { "iso_8859-1", "windows-1252" },
  { "iso_8859-1:1987", "windows-1252" }, { "l1", "windows-1252" }, { "latin1", "windows-1252" },
  { "latin-1", "windows-1252" }, { "us-ascii", "windows-1252" }, { "x-cp1252", "windows-1252" },
  { "chinese", "GB18030" }, { "csgb2312", "GB18030" }, { "csiso58gb231280", "GB18030" }, { "gb2312", "GB18030" },
  { "gb_2312", "GB18030" }, { "gb_2312-80", "GB18030" }, { "gbk", "GB18030" }, { "iso-ir-58", "GB18030" },
  { "x-gbk", "GB18030" }, { "gb18030", "GB18030" }, { "euc-cn", "GB18030" },
  { "big5", "BIG5-HKSCS" }, { "big5-hkscs", "BIG5-HKSCS" }, { "cn-big5", "BIG5-HKSCS" }, { "csbig5", "BIG5-HKSCS" },
  { "x-x-big5", "BIG5-HKSCS" },
  { "csshiftjis", "CP932" }, { "ms932", "CP932" }, { "ms_kanji", "CP932" }, { "shift-jis", "CP932" },
  { "shift_jis", "CP932" }, { "sjis", "CP932" }, { "windows-31j", "CP932" }, { "x-sjis", "CP932" },
  { "cseucpkdfmtjapanese", "EUC-JP" }, { "euc-jp", "EUC-JP" }, { "x-euc-jp", "EUC-JP" },
  { "csiso2022jp", "ISO-2022-JP" }, { "iso-2022-jp", "ISO-2022-JP" },
  { "cseuckr", "CP949" }, { "csksc56011987", "CP949" }, { "euc-kr", "CP949" }, { "iso-ir-149", "CP949" },
  { "korean", "CP949" }, { "ks_c_5601-1987", "CP949" }, { "ks_c_5601-1989", "CP949" }, { "ksc5601", "CP949" },
  { "ksc_5601", "CP949" }, { "windows-949", "CP949" },
  { "iso-8859-9", "windows-1254" }, { "iso8859-9", "windows-1254" }, { "iso88599", "windows-1254" },
  { "iso_8859-9", "windows-1254" }, { "latin5", "windows-1254" }, { "l5", "windows-1254" }, { "csisolatin5", "windows-1254" },
  { "iso-ir-148", "windows-1254" },
  { "iso-8859-11", "windows-874" }, { "iso8859-11", "windows-874" }, { "tis-620", "windows-874" },
  { "dos-874", "windows-874" }, { "windows-874", "windows-874" },
  { "iso-8859-8-i", "ISO-8859-8" }, { "csiso88598i", "ISO-8859-8" }, { "logical", "ISO-8859-8" },
  { "koi8-ru", "KOI8-U" }, { "koi8-u", "KOI8-U" }, { "koi", "KOI8-R" }, { "koi8", "KOI8-R" }, { "koi8_r", "KOI8-R" },
  { "cskoi8r", "KOI8-R" }, { "koi8-r", "KOI8-R" },
  { "x-mac-cyrillic", "MAC-CYRILLIC" }, { "x-mac-ukrainian", "MAC-CYRILLIC" },
  { "csmacintosh", "MACINTOSH" }, { "mac", "MACINTOSH" }, { "macintosh", "MACINTOSH" }, { "x-mac-roman", "MACINTOSH" },
};

/* The decoder for a declared label (case-insensitive); other labels pass
 * through as they are, for iconv to know or not. */
static const char *
decoder_for (const char *label)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_ascii_strcasecmp (label, labels[i].label) == 0)
      return labels[i].decoder;
  return label;
}

static gboolean
is_utf8_name (const char *name)
{
  return g_ascii_strcasecmp (decoder_for (name), "UTF-8") == 0;
}

static gboolean
is_cp1252_name (const char *name)
{
  return g_ascii_strcasecmp (decoder_for (name), "windows-1252") == 0;
}

static char *
convert_declared (const char  *display_name,
                  const char  *data,
                  gsize        length,
                  const char  *decoder,
                  const char  *charset,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0, written = 0;
  char *out = g_convert (data, length, "UTF-8", decoder, &bytes_read, &written, &local_error);

  if (out == NULL || bytes_read != length)
    {
      g_free (out);
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_ENCODING,
                   _("%s: the bytes at byte offset %zu are not valid %s, "
                     "the encoding the page declares"), display_name, bytes_read, charset);
      return NULL;
    }
  return out;
}

static gboolean
charset_known (const char *charset)
{
  GIConv cd = g_iconv_open ("UTF-8", decoder_for (charset));

  if (cd == (GIConv) -1)
    return FALSE;
  g_iconv_close (cd);
  return TRUE;
}

char *
hearsay_html_decode (const char   *display_name,
                     const char   *data,
                     gsize         length,
                     const char   *fallback,
                     const char  **encoding_used,
                     GError      **error)
{
  const guchar *u = (const guchar *) data;
  g_autofree char *declared = NULL;
  const char *charset = NULL;
  const char *used = "UTF-8";
  char *text;

  if (length == 0)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY,
                   _("%s is empty: there is no page to import"), display_name);
      return NULL;
    }
  if (length >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      used = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      text = convert_declared (display_name, data + 2, length - 2, used, used, error);
      goto out;
    }
  if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      data += 3;
      length -= 3;
      charset = "UTF-8";
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_BINARY,
                   _("%s looks like a binary file, not a web page: it has a NUL byte at byte offset %zu"),
                   display_name, (gsize) ((const char *) memchr (data, '\0', length) - data));
      return NULL;
    }
  if (charset == NULL)
    {
      declared = declared_charset (data, length);
      if (declared != NULL && (is_utf8_name (declared) || is_cp1252_name (declared) || charset_known (declared)))
        charset = declared;
      else if (fallback != NULL && *fallback != '\0')
        charset = fallback;
    }

  if (charset != NULL && is_cp1252_name (charset))
    {
      used = "windows-1252";
      text = decode_cp1252 (data, length);
    }
  else if (charset != NULL && !is_utf8_name (charset))
    {
      g_autoptr(GError) local_error = NULL;

      used = decoder_for (charset);
      text = convert_declared (display_name, data, length, used, charset, &local_error);
      /* A page that declares one charset and is written in UTF-8 (a common
       * slip of content systems) reads as what it is. */
      if (text == NULL && g_utf8_validate_len (data, length, NULL))
        {
          used = "UTF-8";
          text = g_strndup (data, length);
        }
      else if (text == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  else
    {
      text = decode_utf8_repairing (data, length);
      if (text == NULL)
        {
          used = "windows-1252";
          text = decode_cp1252 (data, length);
        }
    }
out:
  if (encoding_used != NULL)
    *encoding_used = used;
  return text;
}
