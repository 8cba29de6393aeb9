/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-brat-lines.c: the lines of an .ann file, split as brat's
 * annotation.py splits them (an id, a TAB, the data, a TAB, the text);
 * hearsay-import-brat-ann.c resolves them into annotations. */
#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-import-brat-private.h"

void
hearsay_brat_item_free (gpointer data)
{
  BratItem *item = data;

  g_free (item->id);
  g_free (item->type);
  g_clear_pointer (&item->spans, g_array_unref);
  g_clear_pointer (&item->stored, g_array_unref);
  g_free (item->text);
  g_free (item->target);
  g_free (item->value);
  for (guint i = 0; i < 2; i++)
    {
      g_free (item->rel[i].role);
      g_free (item->rel[i].id);
    }
  g_clear_pointer (&item->args, g_ptr_array_unref);
  g_clear_object (&item->ann);
  g_free (item);
}

void
hearsay_brat_arg_free (gpointer data)
{
  BratArg *arg = data;

  g_free (arg->role);
  g_free (arg->id);
  g_free (arg);
}

static gboolean
parse_offset (const char *s,
              gint64     *value)
{
  guint64 v;

  /* Out of range is not a number either: saturating would shift the span. */
  if (s == NULL || !g_ascii_isdigit (*s) ||
      !g_ascii_string_to_unsigned (s, 10, 0, G_MAXINT64, &v, NULL))
    return FALSE;
  *value = (gint64) v;
  return TRUE;
}

/* "Role:ID" → a new BratArg, or NULL. */
static BratArg *
split_arg (const char *s)
{
  const char *colon = strchr (s, ':');
  BratArg *arg;

  if (colon == NULL || colon == s || colon[1] == '\0' || strchr (colon + 1, ':') != NULL)
    return NULL;
  arg = g_new0 (BratArg, 1);
  arg->role = g_strndup (s, colon - s);
  arg->id = g_strdup (colon + 1);
  return arg;
}

static gboolean
parse_t (const char  *path,
         BratItem    *item,
         const char  *data,
         const char  *tail,
         GError     **error)
{
  const char *sep = strchr (data, ' ');
  g_auto(GStrv) spans = NULL;

  if (sep == NULL)
    return hearsay_import_fail (error, path, item->line, _("malformed T line: the offsets are missing"));
  item->type = g_strndup (data, sep - data);
  item->spans = g_array_new (FALSE, FALSE, sizeof (gint64));
  spans = g_strsplit (sep + 1, ";", -1);
  for (guint i = 0; spans[i]; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_strstrip (spans[i]), " ", -1);
      gint64 start, end;

      if (g_strv_length (pair) != 2 || !parse_offset (pair[0], &start) || !parse_offset (pair[1], &end))
        return hearsay_import_fail (error, path, item->line,
                                    _("malformed T line: “%s” is not a span “START END”"), spans[i]);
      if (start > end)
        return hearsay_import_fail (error, path, item->line,
                                    _("the span %" PRId64 "–%" PRId64 " ends before it starts"),
                                    start, end);
      g_array_append_val (item->spans, start);
      g_array_append_val (item->spans, end);
    }
  /* brat fills a missing text from the .txt: then nothing can be checked. */
  if (tail != NULL && *tail != '\0')
    item->text = g_strdup (tail);
  return TRUE;
}

gboolean
hearsay_brat_parse_line (const char  *path,
                         BratItem    *item,
                         char        *line,
                         GError     **error)
{
  char *tab = strchr (line, '\t');
  char *data, *tail;
  g_auto(GStrv) words = NULL;
  guint n;

  if (tab == NULL)
    return hearsay_import_fail (error, path, item->line, _("malformed line: expected an id, a TAB and a type"));
  *tab = '\0';
  data = tab + 1;
  tail = strchr (data, '\t');
  if (tail != NULL)
    *tail++ = '\0';
  if (line[0] != '*')
    item->id = g_strdup (line);
  if (line[0] != 'T')
    g_strstrip (data);
  words = g_strsplit_set (data, " \t", -1);
  n = 0;
  for (guint i = 0; words[i]; i++)
    if (*words[i] != '\0')
      words[n++] = words[i];
    else
      g_free (words[i]);
  words[n] = NULL;

  switch (line[0])
    {
    case 'T':
      item->kind = ITEM_T;
      return parse_t (path, item, data, tail, error);
    case 'E':
      {
        BratArg *head = n > 0 ? split_arg (words[0]) : NULL;

        item->kind = ITEM_E;
        if (head == NULL)
          return hearsay_import_fail (error, path, item->line, _("malformed E line: expected “E1<TAB>Type:T1 Role:T2 …”"));
        item->type = g_steal_pointer (&head->role);
        item->target = g_steal_pointer (&head->id);
        hearsay_brat_arg_free (head);
        item->args = g_ptr_array_new_with_free_func (hearsay_brat_arg_free);
        for (guint i = 1; i < n; i++)
          {
            BratArg *arg = split_arg (words[i]);

            if (arg == NULL)
              return hearsay_import_fail (error, path, item->line, _("malformed E line: “%s” is not “Role:ID”"), words[i]);
            g_ptr_array_add (item->args, arg);
          }
        return TRUE;
      }
    case 'R':
      {
        BratArg *a1 = n == 3 ? split_arg (words[1]) : NULL;
        BratArg *a2 = n == 3 ? split_arg (words[2]) : NULL;

        item->kind = ITEM_R;
        if (a1 == NULL || a2 == NULL || strcmp (a1->role, a2->role) == 0)
          {
            g_clear_pointer (&a1, hearsay_brat_arg_free);
            g_clear_pointer (&a2, hearsay_brat_arg_free);
            return hearsay_import_fail (error, path, item->line,
                                        _("malformed R line: expected “R1<TAB>Type Arg1:T1 Arg2:T2”"));
          }
        item->type = g_strdup (words[0]);
        item->rel[0] = *a1;
        item->rel[1] = *a2;
        g_free (a1);
        g_free (a2);
        return TRUE;
      }
    case 'A':
    case 'M':
      item->kind = ITEM_A;
      if (n < 2 || (line[0] == 'M' && n != 2))
        return hearsay_import_fail (error, path, item->line, _("malformed attribute line: expected “A1<TAB>Name T1 [VALUE]”"));
      item->type = g_strdup (words[0]);
      item->target = g_strdup (words[1]);
      /* brat's value is the rest of the line, spaces included. */
      if (n > 2)
        {
          const char *rest = data;

          for (guint w = 0; w < 2; w++)
            {
              rest += strspn (rest, " ");
              rest += strcspn (rest, " ");
            }
          item->value = g_strstrip (g_strdup (rest));
        }
      return TRUE;
    case 'N':
      {
        const char *colon;

        item->kind = ITEM_N;
        /* BioNLP ST 2013: "Reference Annotation:T1 Referent:DB:ID". */
        if (n == 3 && g_str_has_prefix (words[1], "Annotation:") && g_str_has_prefix (words[2], "Referent:"))
          {
            char *t = g_strdup (words[1] + 11), *r = g_strdup (words[2] + 9);

            g_free (words[1]);
            g_free (words[2]);
            words[1] = t;
            words[2] = r;
          }
        colon = n >= 3 ? strchr (words[2], ':') : NULL;
        if (colon == NULL || colon == words[2] || colon[1] == '\0')
          return hearsay_import_fail (error, path, item->line,
                                      _("malformed N line: expected “N1<TAB>Reference T1 DB:ID<TAB>name”"));
        item->type = g_strdup (words[0]);
        item->target = g_strdup (words[1]);
        item->value = g_strdup (words[2]);
        item->text = g_strdup (tail ? tail : "");
        return TRUE;
      }
    case '#':
      item->kind = ITEM_NOTE;
      if (n != 2)
        return hearsay_import_fail (error, path, item->line,
                                    _("malformed note line: expected “#1<TAB>AnnotatorNotes T1<TAB>note”"));
      item->type = g_strdup (words[0]);
      item->target = g_strdup (words[1]);
      item->text = g_strdup (tail ? tail : "");
      return TRUE;
    case '*':
      item->kind = ITEM_EQUIV;
      if (n < 3)
        return hearsay_import_fail (error, path, item->line, _("malformed * line: expected “*<TAB>Equiv T1 T2 …”"));
      item->type = g_strdup (words[0]);
      item->args = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 1; i < n; i++)
        g_ptr_array_add (item->args, g_strdup (words[i]));
      return TRUE;
    default:
      return hearsay_import_fail (error, path, item->line,
                                  _("“%s” is not a brat line type (T, R, E, A, M, N, #, *)"), line);
    }
}

