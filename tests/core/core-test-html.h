/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-html-test.h: what the page-import tests share: importing a page
 * as a user does, the article (text minus marks) and the mark on a line. */
#pragma once

#include <string.h>

#include "hearsay-html.h"
#include "core-test-import.h"

/* Every boilerplate and headline mark of @doc, in text order. */
static inline GArray *
core_test_html_marks (HearsayProject  *project,
               HearsayDocument *doc)
{
  g_autoptr(GPtrArray) anns = core_test_annotations (project, hearsay_document_get_id (doc));
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (HearsayHtmlMark));

  for (guint i = 0; i < anns->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (anns, i);
      const char *label = hearsay_annotation_get_label (ann);
      const HearsayFragment *f = hearsay_annotation_get_fragment (ann, 0);
      HearsayHtmlMark m = { f->start, f->end, NULL, NULL };
      guint at = marks->len;

      if (g_strcmp0 (label, "boilerplate") == 0)
        m.kind = g_intern_string (hearsay_annotation_get_attribute (ann, "kind"));
      else if (g_strcmp0 (label, HEARSAY_HTML_HEADLINE_LABEL) == 0)
        m.kind = NULL;
      else
        continue;
      m.label = g_intern_string (label);
      while (at > 0 && g_array_index (marks, HearsayHtmlMark, at - 1).start > m.start)
        at--;
      g_array_insert_val (marks, at, m);
    }
  return marks;
}

/* The article: the document's text without its boilerplate and headline. */
static inline char *
core_test_html_article (HearsayProject  *project,
                 HearsayDocument *doc)
{
  g_autoptr(GArray) marks = core_test_html_marks (project, doc);

  return hearsay_html_article_text (hearsay_document_get_text (doc), (HearsayHtmlMark *) marks->data, marks->len);
}

/* Asserts that @line (the start of a block) is in the stored text and lies in
 * a mark of @kind ("headline" for the headline mark). */
static inline void
core_test_html_assert_marked (HearsayProject  *project,
                       HearsayDocument *doc,
                       const char      *line,
                       const char      *kind)
{
  const char *text = hearsay_document_get_text (doc);
  const char *p = strstr (text, line);
  g_autoptr(GArray) marks = core_test_html_marks (project, doc);
  gint64 start, end;
  const char *found = "(none)";

  if (p == NULL)
    g_error ("“%s” is not in the stored text:\n%s", line, text);
  start = g_utf8_pointer_to_offset (text, p);
  end = start + g_utf8_strlen (line, -1);
  for (guint i = 0; i < marks->len; i++)
    {
      const HearsayHtmlMark *m = &g_array_index (marks, HearsayHtmlMark, i);

      if (m->start <= start && m->end >= end)
        found = m->kind != NULL ? m->kind : "headline";
    }
  if (strcmp (found, kind) != 0)
    g_error ("“%s” is marked %s, not %s", line, found, kind);
}
