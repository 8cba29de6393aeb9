/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-html-values.c: dates and titles as pages write them, as Hearsay stores them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay-html-private.h"

/* Month names and their usual abbreviations (English, French, Spanish,
 * Portuguese, German, Italian), matched on their first letters. */
static const struct { const char *prefix; int month; } months[] = {
  { "jan", 1 }, { "janv", 1 }, { "ene", 1 }, { "gen", 1 }, { "jän", 1 },
  { "feb", 2 }, { "fév", 2 }, { "fev", 2 }, { "fév", 2 }, { "febr", 2 },
  { "mar", 3 }, { "mär", 3 }, { "marz", 3 },
  { "apr", 4 }, { "avr", 4 }, { "abr", 4 },
  { "may", 5 }, { "mai", 5 }, { "mayo", 5 }, { "mag", 5 }, { "maio", 5 },
  { "jun", 6 }, { "juin", 6 }, { "giu", 6 },
  { "jul", 7 }, { "juil", 7 }, { "lug", 7 },
  { "aug", 8 }, { "août", 8 }, { "aout", 8 }, { "ago", 8 },
  { "sep", 9 }, { "set", 9 },
  { "oct", 10 }, { "okt", 10 }, { "ott", 10 }, { "out", 10 },
  { "nov", 11 },
  { "dec", 12 }, { "déc", 12 }, { "dic", 12 }, { "dez", 12 },
};

static int
month_of (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  int best = 0;
  gsize best_len = 0;

  if (g_utf8_strlen (folded, -1) < 3)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      gsize n = strlen (months[i].prefix);

      if (g_str_has_prefix (folded, months[i].prefix) && n > best_len)
        {
          best = months[i].month;
          best_len = n;
        }
    }
  /* Weekdays that start like a month. */
  if (g_str_has_prefix (folded, "mardi") || g_str_has_prefix (folded, "martes") || g_str_has_prefix (folded, "martedì") ||
      g_str_has_prefix (folded, "samedi") || g_str_has_prefix (folded, "sábado") || g_str_has_prefix (folded, "domingo") ||
      g_str_has_prefix (folded, "dimanche") || g_str_has_prefix (folded, "sonntag") || g_str_has_prefix (folded, "jueves") ||
      g_str_has_prefix (folded, "juev") || g_str_has_prefix (folded, "mercredi") || g_str_has_prefix (folded, "miércoles"))
    return 0;
  return best;
}

static gboolean
valid_day (int y,
           int m,
           int d)
{
  return y >= 1900 && y <= 2200 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* "10:30", "10:30:15", "10:30 AM", "10h30"; returns the characters read. */
static gsize
read_time (const char *s,
           int        *h,
           int        *mi,
           int        *sec)
{
  const char *p = s;
  char *end;

  *sec = 0;
  *h = (int) strtol (p, &end, 10);
  if (end == p || end - p > 2 || (*end != ':' && *end != 'h') || *h > 23)
    return 0;
  p = end + 1;
  *mi = (int) strtol (p, &end, 10);
  if (end - p != 2 || *mi > 59)
    return 0;
  p = end;
  if (*p == ':' && g_ascii_isdigit (p[1]))
    {
      *sec = (int) strtol (p + 1, &end, 10);
      p = end;
      if (*p == '.')
        while (g_ascii_isdigit (*++p))
          ;
    }
  while (*p == ' ')
    p++;
  if (g_ascii_strncasecmp (p, "pm", 2) == 0 || g_ascii_strncasecmp (p, "p.m.", 4) == 0)
    {
      if (*h < 12)
        *h += 12;
      p += p[1] == '.' ? 4 : 2;
    }
  else if (g_ascii_strncasecmp (p, "am", 2) == 0 || g_ascii_strncasecmp (p, "a.m.", 4) == 0)
    {
      if (*h == 12)
        *h = 0;
      p += p[1] == '.' ? 4 : 2;
    }
  return p - s;
}

/* "Z", "+01:00", "+0100", "GMT", "UTC", "GMT+1"; NULL when none. */
static char *
read_zone (const char *s)
{
  int sign, hh, mm = 0;

  while (*s == ' ')
    s++;
  if (*s == 'Z' && !g_ascii_isalpha (s[1]))
    return g_strdup ("Z");
  if (g_ascii_strncasecmp (s, "GMT", 3) == 0 || g_ascii_strncasecmp (s, "UTC", 3) == 0)
    {
      s += 3;
      if (*s != '+' && *s != '-')
        return g_strdup ("Z");
    }
  if (*s != '+' && *s != '-')
    return NULL;
  sign = *s == '-' ? -1 : 1;
  s++;
  if (!g_ascii_isdigit (s[0]))
    return NULL;
  if (g_ascii_isdigit (s[1]))
    {
      hh = (s[0] - '0') * 10 + (s[1] - '0');
      s += 2;
    }
  else
    {
      hh = s[0] - '0';
      s += 1;
    }
  if (*s == ':')
    s++;
  if (g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]))
    mm = (s[0] - '0') * 10 + (s[1] - '0');
  if (hh > 14 || mm > 59)
    return NULL;
  return g_strdup_printf ("%c%02d:%02d", sign < 0 ? '-' : '+', hh, mm);
}

static char *
format_date (int         y,
             int         m,
             int         d,
             gboolean    has_time,
             int         h,
             int         mi,
             int         sec,
             const char *zone_text)
{
  g_autofree char *zone = has_time ? read_zone (zone_text) : NULL;

  if (!valid_day (y, m, d))
    return NULL;
  if (!has_time)
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%s", y, m, d, h, mi, sec, zone != NULL ? zone : "");
}

/* Words and numbers of a date written out: "Friday, November 3, 2017
 * 10:30 AM", "3 novembre 2017 à 10h30", "Fri, 03 Nov 2017 10:30:00 GMT". */
static char *
written_date (const char *s)
{
  int y = 0, m = 0, d = 0, h = 0, mi = 0, sec = 0;
  gboolean has_time = FALSE;
  const char *zone = "";
  const char *p = s;

  while (*p)
    {
      if (g_ascii_isdigit (*p))
        {
          char *end;
          long v = strtol (p, &end, 10);
          int th, tm, ts;
          gsize n = read_time (p, &th, &tm, &ts);

          if (n > 0 && !has_time && (d > 0 || y > 0))
            {
              h = th, mi = tm, sec = ts;
              has_time = TRUE;
              p += n;
              zone = p;
              continue;
            }
          if (end - p == 4 && y == 0)
            y = (int) v;
          else if (end - p <= 2 && d == 0 && v >= 1 && v <= 31)
            d = (int) v;
          p = end;
          if (g_str_has_prefix (p, "st") || g_str_has_prefix (p, "nd") || g_str_has_prefix (p, "rd") ||
              g_str_has_prefix (p, "th") || g_str_has_prefix (p, "er"))
            p += 2;
        }
      else if (g_unichar_isalpha (g_utf8_get_char (p)))
        {
          const char *q = p;
          g_autofree char *word = NULL;

          while (*q && g_unichar_isalpha (g_utf8_get_char (q)))
            q = g_utf8_next_char (q);
          word = g_strndup (p, q - p);
          if (m == 0)
            m = month_of (word);
          p = q;
        }
      else
        p = g_utf8_next_char (p);
    }
  if (y == 0 || m == 0 || d == 0)
    return NULL;
  return format_date (y, m, d, has_time, h, mi, sec, zone);
}

char *
hearsay_html_normalize_date (const char *value)
{
  g_autofree char *s = NULL;
  int y, m, d, h = 0, mi = 0, sec = 0;
  gsize len;

  if (value == NULL)
    return NULL;
  s = g_strstrip (g_strdup (value));
  len = strlen (s);
  if (len == 0)
    return NULL;
  /* Seconds or milliseconds since 1970. */
  if ((len == 10 || len == 13) && strspn (s, "0123456789") == len)
    {
      gint64 t = g_ascii_strtoll (s, NULL, 10) / (len == 13 ? 1000 : 1);
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);

      return dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
    }
  if (len == 8 && strspn (s, "0123456789") == 8 && sscanf (s, "%4d%2d%2d", &y, &m, &d) == 3)
    return format_date (y, m, d, FALSE, 0, 0, 0, NULL);
  /* 2017-11-03, 2017/11/03, 2017.11.03, then an optional time and zone. */
  if (len >= 10 && g_ascii_isdigit (s[0]) && sscanf (s, "%4d", &y) == 1 && (s[4] == '-' || s[4] == '/' || s[4] == '.') &&
      sscanf (s + 5, "%2d", &m) == 1)
    {
      const char *p = s + 5;

      while (g_ascii_isdigit (*p))
        p++;
      if ((*p == '-' || *p == '/' || *p == '.') && sscanf (p + 1, "%2d", &d) == 1)
        {
          gsize n;

          p++;
          while (g_ascii_isdigit (*p))
            p++;
          if (*p == 'T' || *p == 't' || *p == ' ')
            {
              p++;
              n = read_time (p, &h, &mi, &sec);
              if (n > 0)
                return format_date (y, m, d, TRUE, h, mi, sec, p + n);
            }
          return format_date (y, m, d, FALSE, 0, 0, 0, NULL);
        }
    }
  /* 03/11/2017 or 11/03/2017: only when the day cannot be the month. */
  if (sscanf (s, "%2d/%2d/%4d", &d, &m, &y) == 3 && y > 1900)
    {
      if (d > 12 && m <= 12)
        return format_date (y, m, d, FALSE, 0, 0, 0, NULL);
      if (m > 12 && d <= 12)
        return format_date (y, d, m, FALSE, 0, 0, 0, NULL);
      return NULL;
    }
  return written_date (s);
}

/* Title suffixes and prefixes. */

static const char * const separators[] = { " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // ", " ~ ", NULL };

static gboolean
same_name (const char *a,
           gsize       a_len,
           const char *b)
{
  g_autofree char *fa = NULL, *fb = NULL;
  g_autoptr(GString) na = g_string_new (NULL), nb = g_string_new (NULL);

  if (b == NULL)
    return FALSE;
  fa = g_utf8_casefold (a, a_len);
  fb = g_utf8_casefold (b, -1);
  for (const char *p = fa; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (na, g_utf8_get_char (p));
  for (const char *p = fb; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (nb, g_utf8_get_char (p));
  if (na->len == 0 || nb->len == 0)
    return FALSE;
  return strcmp (na->str, nb->str) == 0 || (nb->len >= 4 && strstr (na->str, nb->str) != NULL) ||
         (na->len >= 4 && strstr (nb->str, na->str) != NULL);
}

static guint
count_words (const char *s,
             gsize       len)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = s; p < s + len; p++)
    {
      gboolean space = *p == ' ';

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

char *
hearsay_html_strip_site (const char *title,
                         const char *site,
                         const char *host)
{
  g_autofree char *clean = hearsay_html_collapse (title);
  gsize len = strlen (clean);
  g_autofree char *host_name = NULL;

  if (host != NULL)
    host_name = g_strndup (host, strcspn (host, "."));
  for (guint i = 0; separators[i]; i++)
    {
      const char *last = g_strrstr (clean, separators[i]);
      const char *first = strstr (clean, separators[i]);
      gsize sep = strlen (separators[i]);

      /* "Headline | Site" */
      if (last != NULL && last > clean)
        {
          const char *tail = last + sep;
          gsize tail_len = len - (tail - clean);

          if (same_name (tail, tail_len, site) || same_name (tail, tail_len, host) || same_name (tail, tail_len, host_name) ||
              (site == NULL && count_words (tail, tail_len) <= 3 && count_words (clean, last - clean) >= 4))
            return g_strndup (clean, last - clean);
        }
      /* "Site | Headline" */
      if (first != NULL && first > clean)
        {
          if (same_name (clean, first - clean, site) || same_name (clean, first - clean, host_name))
            return g_strdup (first + sep);
        }
    }
  return g_steal_pointer (&clean);
}
