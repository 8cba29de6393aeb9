/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-search.c: `hearsay-cli search` — full-text search of the project. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>

#include "hearsay-cli-private.h"

int
hearsay_cli_search (const HearsayCliGlobals *globals,
                    int                      argc,
                    char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  int max_documents = 0;
  GOptionEntry entries[] = {
    { "max-documents", 0, 0, G_OPTION_ARG_INT, &max_documents,
      N_("At most this many documents (default 20)"), N_("N") },
    { NULL }
  };

  context = hearsay_cli_option_context_new ("search", _("QUERY"),
                                            _("Search the text of every document."),
                                            _("QUERY uses FTS5 syntax: words, \"phrases\", prefix*, "
                                              "AND, OR, NOT. Prints one line per hit: document id, "
                                              "start and end (code points, end exclusive) and the "
                                              "passage with the match in [brackets]."),
                                            entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc != 2)
    return hearsay_cli_usage_error ("search", "%s", _("give one QUERY (quote it if it has spaces)"));
  if (max_documents < 0)
    return hearsay_cli_usage_error ("search", "%s", _("--max-documents must be positive"));

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  hits = hearsay_project_search (project, argv[1], max_documents, &error);
  if (hits == NULL)
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  for (guint i = 0; i < hits->len; i++)
    {
      HearsaySearchHit *hit = g_ptr_array_index (hits, i);
      const char *s = hit->snippet ? hit->snippet : "";
      glong n = g_utf8_strlen (s, -1);
      const char *a = g_utf8_offset_to_pointer (s, CLAMP (hit->snippet_start, 0, n));
      const char *b = g_utf8_offset_to_pointer (s, CLAMP (hit->snippet_end, hit->snippet_start, n));
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_len (line, s, a - s);
      g_string_append_c (line, '[');
      g_string_append_len (line, a, b - a);
      g_string_append_c (line, ']');
      g_string_append (line, b);
      /* One hit per line: line breaks of the passage become spaces. */
      for (char *p = line->str; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
          *p = ' ';
      printf ("%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t%s\n",
              hit->document_id, hit->start, hit->end, line->str);
    }
  return HEARSAY_CLI_EXIT_OK;
}
