/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-team.c: `hearsay-cli team prepare-copies|merge` — blind copies
 * of the project for its coders, and merging them back. */
#include "config.h"

#include <stdio.h>

#include "hearsay-cli-private.h"
#include "hearsay-project-team.h"

static int
team_prepare (const HearsayCliGlobals *globals,
              int                      argc,
              char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) coders = NULL;
  g_auto(HearsayCliArgs) args = { NULL };
  GOptionEntry entries[] = {
    { "coder", 0, 0, G_OPTION_ARG_STRING_ARRAY, &coders, N_("A coder to prepare a copy for (several: --coder A B)"),
      N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The folder to write the copies to"), N_("DIR") },
    { NULL }
  };

  hearsay_cli_args_init (&args, argc, argv, (const char *[]) { "--coder", NULL });
  context = hearsay_cli_option_context_new ("team prepare-copies", "",
                                            _("Write one blind copy of the project per coder."),
                                            _("Each copy, DIR/PROJECT-CODER.hearsay, holds the documents, the "
                                              "scheme, the entities and events, the importer's marks and the "
                                              "coder's own annotations — nothing of the other coders, not even "
                                              "in the file's free pages — and opens in blind mode as that coder. "
                                              "A file that exists is never replaced. Prints the copies' paths."),
                                            entries);
  if (!hearsay_cli_parse (context, &args.argc, &args.argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (args.argc > 1)
    return hearsay_cli_usage_error ("team prepare-copies", _("unexpected argument “%s”"), args.argv[1]);
  if (coders == NULL)
    return hearsay_cli_usage_error ("team prepare-copies", "%s", _("--coder is required"));
  if (output == NULL || *output == '\0')
    return hearsay_cli_usage_error ("team prepare-copies", "%s", _("-o DIR is required"));
  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  paths = hearsay_project_prepare_coder_copies (project, (const char * const *) coders, output, NULL, &error);
  if (paths == NULL)
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  for (guint i = 0; i < paths->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (paths, i));
  return HEARSAY_CLI_EXIT_OK;
}

static int
team_merge (const HearsayCliGlobals *globals,
            int                      argc,
            char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayMergeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };

  context = hearsay_cli_option_context_new ("team merge", _("FILE…"),
                                            _("Merge coders' copies back into the project."),
                                            _("In one transaction: documents are matched by their stable id or "
                                              "the sha256 of their text, annotations and relations by their "
                                              "stable ids. What a copy changed since it was prepared or last "
                                              "merged is brought in; what only the project changed stays; "
                                              "merging a copy again changes nothing. A copy that cannot be "
                                              "merged (another scheme or project, a newer Hearsay, a changed "
                                              "text, the same coder twice) leaves the project as it was, and "
                                              "the message names the file and what differs. Prints one line "
                                              "per copy."), entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc < 2)
    return hearsay_cli_usage_error ("team merge", "%s", _("name the coders' copies to merge"));
  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  report = hearsay_project_merge_coder_copies (project, (const char * const *) argv + 1, NULL, &error);
  if (report == NULL)
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  for (guint i = 0; i < report->files->len; i++)
    {
      HearsayMergeFile *f = g_ptr_array_index (report->files, i);

      /* TRANSLATORS: one line per merged copy; keep the numbers in order. */
      printf (_("%s (%s): %u documents added, %u annotations added, %u changed, %u deleted, %u kept as the "
                "project has them, %u relations added, %u deleted, %u entities added\n"),
              f->path, f->coder, f->documents_added, f->annotations_added, f->annotations_changed,
              f->annotations_deleted, f->annotations_kept, f->relations_added, f->relations_deleted,
              f->entities_added);
      for (guint k = 0; k < f->notes->len; k++)
        hearsay_cli_printerr (_("note: %s: %s"), f->path, (const char *) g_ptr_array_index (f->notes, k));
    }
  return HEARSAY_CLI_EXIT_OK;
}

int
hearsay_cli_team (const HearsayCliGlobals *globals,
                  int                      argc,
                  char                   **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "prepare-copies"))
    return team_prepare (globals, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "merge"))
    return team_merge (globals, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n"
               "  hearsay-cli [--project FILE] team prepare-copies --coder NAME… -o DIR\n"
               "  hearsay-cli [--project FILE] team merge FILE…\n",
               _("Usage:"));
      return HEARSAY_CLI_EXIT_OK;
    }
  return hearsay_cli_usage_error ("team", "%s", _("use “team prepare-copies” or “team merge”"));
}
