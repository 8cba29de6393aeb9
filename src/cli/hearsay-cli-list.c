/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-list.c: `hearsay-cli list` — one line per document. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>

#include "hearsay-cli-private.h"

int
hearsay_cli_list (const HearsayCliGlobals *globals,
                  int                      argc,
                  char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };

  context = hearsay_cli_option_context_new ("list", "",
                                            _("List the documents of the project."),
                                            _("Prints one line per document: its id, title, "
                                              "outlet and number of annotations, separated by tabs."),
                                            entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("list", _("unexpected argument “%s”"), argv[1]);

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;

  documents = hearsay_project_list_documents (project, &error);
  if (documents == NULL)
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }

  for (guint i = 0; i < documents->len; i++)
    {
      HearsayDocument *doc = g_ptr_array_index (documents, i);
      const char *title = hearsay_document_get_title (doc);
      const char *outlet = hearsay_document_get_outlet (doc);

      /* Written as bytes: titles are UTF-8 whatever the locale. */
      printf ("%" PRId64 "\t%s\t%s\t%u\n",
              hearsay_document_get_id (doc),
              title != NULL ? title : "",
              outlet != NULL ? outlet : "",
              hearsay_document_get_n_annotations (doc));
    }
  return HEARSAY_CLI_EXIT_OK;
}
