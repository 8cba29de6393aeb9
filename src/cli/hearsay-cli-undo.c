/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-undo.c: `hearsay-cli undo` and `redo` — the same history as the window's. */
#include "config.h"

#include <stdio.h>

#include "hearsay-cli-private.h"

static int
step (const HearsayCliGlobals *globals,
      int                      argc,
      char                   **argv,
      gboolean                 redo)
{
  const char *command = redo ? "redo" : "undo";
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(HearsayHistoryStep) done = { 0 };
  g_autofree char *document = NULL;
  gint64 scope = HEARSAY_PROJECT_ANY_DOCUMENT;
  int status;
  GOptionEntry entries[] = {
    { "document", 0, 0, G_OPTION_ARG_STRING, &document,
      N_("Only the edits of this document (default: the last edit of the project)"), N_("ID") },
    { NULL }
  };

  context = hearsay_cli_option_context_new (command, "",
                                            redo ? _("Redo the last undone edit of the project.")
                                                 : _("Undo the last edit of the project."),
                                            _("The history is kept in the project file, shared with "
                                              "the window; each edit belongs to the document it "
                                              "changed. Prints what was undone or redone."),
                                            entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (document != NULL && !hearsay_cli_require_id (command, "document", document, &scope, &status))
    return status;

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  if (!(redo ? hearsay_project_redo (project, scope, &done, &error)
              : hearsay_project_undo (project, scope, &done, &error)))
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  printf ("%s\n", done.label);
  return HEARSAY_CLI_EXIT_OK;
}

int
hearsay_cli_undo (const HearsayCliGlobals *globals,
                  int                      argc,
                  char                   **argv)
{
  return step (globals, argc, argv, FALSE);
}

int
hearsay_cli_redo (const HearsayCliGlobals *globals,
                  int                      argc,
                  char                   **argv)
{
  return step (globals, argc, argv, TRUE);
}
