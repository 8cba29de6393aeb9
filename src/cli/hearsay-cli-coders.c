/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-coders.c: `hearsay-cli coders list|add|rename|color` — the
 * coders behind the project's layers. */
#include "config.h"

#include <stdio.h>

#include "hearsay-cli-private.h"
#include "hearsay-project-team.h"

static int
fail (GError *error)
{
  hearsay_cli_print_error (error);
  return HEARSAY_CLI_EXIT_BAD_INPUT;
}

static int
coders_list (const HearsayCliGlobals *globals,
             int                      argc,
             char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };

  context = hearsay_cli_option_context_new ("coders list", "", _("List the coders of the project."),
                                            _("One line per coder: name, role (coder, gold or auto: "
                                              "made by a program and shared by every coder), colour "
                                              "and number of annotations, separated by tabs."), entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("coders list", _("unexpected argument “%s”"), argv[1]);
  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  coders = hearsay_project_list_coders (project, &error);
  if (coders == NULL)
    return fail (error);
  for (guint i = 0; i < coders->len; i++)
    {
      HearsayCoder *coder = g_ptr_array_index (coders, i);

      printf ("%s\t%s\t%s\t%u\n", hearsay_coder_get_name (coder),
              hearsay_coder_role_to_string (hearsay_coder_get_role (coder)), hearsay_coder_get_color (coder),
              hearsay_coder_get_n_annotations (coder));
    }
  return HEARSAY_CLI_EXIT_OK;
}

static int
coders_add (const HearsayCliGlobals *globals,
            int                      argc,
            char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayCoder) coder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *color = NULL;
  gboolean gold = FALSE;
  GOptionEntry entries[] = {
    { "color", 0, 0, G_OPTION_ARG_STRING, &color, N_("The coder's colour (default: the palette's next)"),
      N_("#RRGGBB") },
    { "gold", 0, 0, G_OPTION_ARG_NONE, &gold, N_("Make it the project's gold layer (a project has one)"), NULL },
    { NULL }
  };

  context = hearsay_cli_option_context_new ("coders add", _("NAME"), _("Add a coder to the project."),
                                            _("A coder's annotations carry its name as their annotator; "
                                              "coders are also made when an annotation names a new one."),
                                            entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc != 2)
    return hearsay_cli_usage_error ("coders add", "%s", _("give the coder's name"));
  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  coder = hearsay_project_add_coder (project, argv[1], color,
                                     gold ? HEARSAY_CODER_ROLE_GOLD : HEARSAY_CODER_ROLE_CODER, &error);
  if (coder == NULL)
    return fail (error);
  return HEARSAY_CLI_EXIT_OK;
}

static int
coders_rename (const HearsayCliGlobals *globals,
               int                      argc,
               char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };

  context = hearsay_cli_option_context_new ("coders rename", _("NAME NEW-NAME"), _("Rename a coder."),
                                            _("The coder's annotations and relations follow the new name."),
                                            entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc != 3)
    return hearsay_cli_usage_error ("coders rename", "%s", _("give the coder's name and the new name"));
  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  if (!hearsay_project_rename_coder (project, argv[1], argv[2], &error))
    return fail (error);
  return HEARSAY_CLI_EXIT_OK;
}

static int
coders_color (const HearsayCliGlobals *globals,
              int                      argc,
              char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };

  context = hearsay_cli_option_context_new ("coders color", _("NAME #RRGGBB"), _("Set a coder's colour."),
                                            _("The colour marks the coder's layer in the window and the "
                                              "reports."), entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc != 3)
    return hearsay_cli_usage_error ("coders color", "%s", _("give the coder's name and a colour"));
  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  if (!hearsay_project_set_coder_color (project, argv[1], argv[2], &error))
    return fail (error);
  return HEARSAY_CLI_EXIT_OK;
}

int
hearsay_cli_coders (const HearsayCliGlobals *globals,
                    int                      argc,
                    char                   **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return coders_list (globals, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return coders_add (globals, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "rename"))
    return coders_rename (globals, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "color") || g_str_equal (argv[1], "colour")))
    return coders_color (globals, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n"
               "  hearsay-cli [--project FILE] coders list\n"
               "  hearsay-cli [--project FILE] coders add NAME [--color #RRGGBB] [--gold]\n"
               "  hearsay-cli [--project FILE] coders rename NAME NEW-NAME\n"
               "  hearsay-cli [--project FILE] coders color NAME #RRGGBB\n",
               _("Usage:"));
      return HEARSAY_CLI_EXIT_OK;
    }
  return hearsay_cli_usage_error ("coders", "%s", _("use “coders list”, “coders add”, “coders rename” or "
                                                    "“coders color”"));
}
