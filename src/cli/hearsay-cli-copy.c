/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-copy.c: `hearsay-cli copy SRC DEST` — a whole project between
 * a file and a server (either way, or file to file), ids kept, in one
 * transaction on DEST. */
#include "config.h"

#include "hearsay-cli-private.h"
#include "hearsay-error.h"

int
hearsay_cli_copy (const HearsayCliGlobals *globals,
                  int                      argc,
                  char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };

  context = hearsay_cli_option_context_new ("copy", _("SRC DEST"),
                                            _("Copy the project SRC into DEST, which must be a new file or "
                                              "a new or empty project on a server."),
                                            _("SRC and DEST are project files or server locations "
                                              "(postgresql://host/database[#project]). Every document, "
                                              "annotation, relation, entity and event keeps its id, so a JSONL "
                                              "export of both is the same; the undo history stays with SRC. "
                                              "A copy that fails leaves DEST without any of it."),
                                            entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc != 3)
    return hearsay_cli_usage_error ("copy", "%s", _("give SRC and DEST"));
  if (!hearsay_project_location_is_server (argv[1]) && !g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      hearsay_cli_printerr (_("%s does not exist"), argv[1]);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  project = hearsay_cli_open_location (argv[1], HEARSAY_PROJECT_OPEN_READ_ONLY, &error);
  if (project != NULL && !hearsay_project_copy_to (project, argv[2], &error) &&
      g_error_matches (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_AUTH) &&
      hearsay_project_location_is_server (argv[2]))
    {
      g_autofree char *prompt = g_strdup_printf (_("Password for %s: "), argv[2]);
      g_autofree char *password = hearsay_cli_read_password (prompt);

      if (password != NULL && *password != '\0')
        {
          hearsay_project_set_server_password (argv[2], password);
          g_clear_error (&error);
          hearsay_project_copy_to (project, argv[2], &error);
        }
    }
  if (project == NULL || error != NULL)
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  g_printerr (_("Copied %s to %s"), hearsay_project_get_path (project), argv[2]);
  g_printerr ("\n");
  return HEARSAY_CLI_EXIT_OK;
}
