/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-relate.c: `hearsay-cli relate` — a typed link between annotations. */
#include "config.h"

#include "hearsay-cli-private.h"

int
hearsay_cli_relate (const HearsayCliGlobals *globals,
                    int                      argc,
                    char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *type = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64 from_id, to_id, id;
  int status;
  g_autofree char *annotator = NULL;
  GOptionEntry entries[] = {
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator,
      N_("Whose it is: the coder to credit (default: you; in a blind copy, its coder)"), N_("NAME") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type,
      N_("The relation type, e.g. attributed_to, signalled_by, relayed_by, same_claim_as"), N_("TYPE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The annotation the relation starts at"), N_("ANNOTATION") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The annotation it points to"), N_("ANNOTATION") },
    { NULL }
  };

  context = hearsay_cli_option_context_new ("relate", "",
                                            _("Link two annotations with a typed relation."),
                                            _("The scheme says which labels each type may link "
                                              "(attributed_to goes from a claim or attributed "
                                              "content to a source mention) and whether it may "
                                              "cross documents (same_claim_as, contradicts).\n"
                                              "Prints the id of the new relation."),
                                            entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("relate", _("unexpected argument “%s”"), argv[1]);
  if (type == NULL)
    return hearsay_cli_usage_error ("relate", "%s", _("--type is required"));
  if (!hearsay_cli_require_id ("relate", "from", from, &from_id, &status) ||
      !hearsay_cli_require_id ("relate", "to", to, &to_id, &status))
    return status;

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  if (annotator != NULL)
    hearsay_project_set_annotator (project, annotator);
  id = hearsay_project_create_relation (project, type, from_id, to_id, &error);
  if (id == 0)
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  return hearsay_cli_print_id (id);
}
