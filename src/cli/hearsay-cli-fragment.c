/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-fragment.c: `hearsay-cli fragment add` — discontinuous spans. */
#include "config.h"

#include "hearsay-cli-private.h"

static int
fragment_add (const HearsayCliGlobals *globals,
              int                      argc,
              char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *annotation = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gint64 annotation_id, start_offset, end_offset;
  int status;
  GOptionEntry entries[] = {
    { "annotation", 0, 0, G_OPTION_ARG_STRING, &annotation, N_("The annotation to extend"), N_("ID") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("Where the span starts (code points from 0)"), N_("START") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("Where the span ends (code points, exclusive)"), N_("END") },
    { NULL }
  };

  context = hearsay_cli_option_context_new ("fragment add", "",
                                            _("Add a span of text to an annotation, making it discontinuous."),
                                            _("The new fragment must not overlap the annotation's "
                                              "other fragments."), entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("fragment add", _("unexpected argument “%s”"), argv[1]);
  if (!hearsay_cli_require_id ("fragment add", "annotation", annotation, &annotation_id, &status))
    return status;
  if (start == NULL || end == NULL)
    return hearsay_cli_usage_error ("fragment add", "%s", _("--start and --end are required"));
  if (!hearsay_cli_parse_int64 (start, &start_offset) || !hearsay_cli_parse_int64 (end, &end_offset))
    return hearsay_cli_usage_error ("fragment add", "%s", _("--start and --end need numbers"));

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  if (!hearsay_project_add_fragment (project, annotation_id, start_offset, end_offset, &error))
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  return HEARSAY_CLI_EXIT_OK;
}

int
hearsay_cli_fragment (const HearsayCliGlobals *globals,
                      int                      argc,
                      char                   **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return fragment_add (globals, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n  hearsay-cli [--project FILE] fragment add --annotation ID --start S --end E\n",
               _("Usage:"));
      return HEARSAY_CLI_EXIT_OK;
    }
  return hearsay_cli_usage_error ("fragment", "%s", _("use “fragment add”"));
}
