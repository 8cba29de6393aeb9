/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-list.c: `hearsay-cli list` — one line per document. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>

#include "hearsay-cli-private.h"
#include "hearsay-project-team.h"

int
hearsay_cli_list (const HearsayCliGlobals *globals,
                  int                      argc,
                  char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayLayerRows) rows = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_auto(GStrv) annotators = NULL;
  g_auto(GStrv) layers = NULL;
  g_auto(HearsayCliArgs) args = { NULL };
  gboolean gold = FALSE;
  GOptionEntry entries[] = {
    { "annotator", 0, 0, G_OPTION_ARG_STRING_ARRAY, &annotators,
      N_("Count only these coders' annotations (--annotator A B)"), N_("NAME") },
    { "gold", 0, 0, G_OPTION_ARG_NONE, &gold, N_("Count only the gold layer's (with --annotator: it too)"), NULL },
    { NULL }
  };

  context = hearsay_cli_option_context_new ("list", "",
                                            _("List the documents of the project."),
                                            _("Prints one line per document: its id, title, "
                                              "outlet and number of annotations (of the layers named, "
                                              "if any), separated by tabs."),
                                            entries);
  hearsay_cli_args_init (&args, argc, argv, (const char *[]) { "--annotator", NULL });
  argc = args.argc;
  argv = args.argv;
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("list", _("unexpected argument “%s”"), argv[1]);

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;

  if (!hearsay_cli_layers (project, annotators, gold, &layers))
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  documents = hearsay_project_list_documents (project, &error);
  if (documents == NULL)
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  /* A layer's count: its annotations, from one read of the layers. */
  if (layers != NULL)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

      rows = hearsay_project_read_layers (project, NULL, 0, (const char * const *) layers, HEARSAY_LAYER_READ_SPANS, &error);
      if (rows == NULL)
        {
          hearsay_cli_print_error (error);
          return HEARSAY_CLI_EXIT_BAD_INPUT;
        }
      counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);
      for (guint i = 0; i < rows->fragments->len; i++)
        {
          const HearsayLayerFragment *f = &g_array_index (rows->fragments, HearsayLayerFragment, i);
          guint n;

          if (g_hash_table_contains (seen, &f->annotation_id))
            continue;
          g_hash_table_add (seen, (gpointer) &f->annotation_id);
          n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &f->document_id));
          g_hash_table_insert (counts, (gpointer) &f->document_id, GUINT_TO_POINTER (n + 1));
        }
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
              counts != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, &(gint64) { hearsay_document_get_id (doc) }))
                             : hearsay_document_get_n_annotations (doc));
    }
  return HEARSAY_CLI_EXIT_OK;
}
