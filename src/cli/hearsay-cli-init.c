/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-init.c: `hearsay-cli init` — create a new, empty project. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "hearsay-cli-private.h"

int
hearsay_cli_init (const HearsayCliGlobals *globals,
                  int                      argc,
                  char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GOptionEntry entries[] = { { NULL } };

  context = hearsay_cli_option_context_new ("init", "",
                                            _("Create a new, empty project: the default scheme "
                                              "and no documents."),
                                            _("The file named by --project must not exist yet."),
                                            entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("init", _("unexpected argument “%s”"), argv[1]);

  if (globals->project_path != NULL)
    path = g_strdup (globals->project_path);
  else
    {
      g_autofree char *dir = NULL;

      path = hearsay_project_default_path ();
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          hearsay_cli_printerr (_("Could not create the folder %s: %s"), dir, g_strerror (saved));
          return HEARSAY_CLI_EXIT_BAD_INPUT;
        }
    }

  project = hearsay_project_create (path, &error);
  if (project == NULL)
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  hearsay_project_close (project);
  g_printerr (_("Created the project %s"), path);
  g_printerr ("\n");
  return HEARSAY_CLI_EXIT_OK;
}
