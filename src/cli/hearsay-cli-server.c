/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-server.c: `hearsay-cli server` — a project on a PostgreSQL
 * server: `init` creates it, `add-member`, `remove-member` and `members`
 * say who works on it with which role, `blind` whether coders see only
 * their own layer. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "hearsay-cli-private.h"

static gboolean
require_server (const HearsayCliGlobals *globals,
                const char              *command)
{
  if (globals->project_path != NULL && hearsay_project_location_is_server (globals->project_path))
    return TRUE;
  hearsay_cli_usage_error (command, "%s",
                           _("--project must name a project on a server: postgresql://host/database"));
  return FALSE;
}

static int
server_init (const HearsayCliGlobals *globals,
             int                      argc,
             char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean blind = FALSE;
  GOptionEntry entries[] = {
    { "blind", 0, 0, G_OPTION_ARG_NONE, &blind, N_("Coders see and edit only their own layer"), NULL },
    { NULL }
  };

  context = hearsay_cli_option_context_new ("server init", "",
                                            _("Create the project on the server: its tables, the default "
                                              "scheme, and the role its members are given."),
                                            _("Run it as the database’s owner (with CREATEROLE) or a "
                                              "superuser; that login owns the project."),
                                            entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("server init", _("unexpected argument “%s”"), argv[1]);
  if (!require_server (globals, "server init"))
    return HEARSAY_CLI_EXIT_USAGE;
  project = hearsay_project_create (globals->project_path, &error);
  if (project == NULL || (blind && !hearsay_project_set_blind (project, TRUE, &error)))
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  g_printerr (_("Created the project %s"), hearsay_project_get_path (project));
  g_printerr ("\n");
  return HEARSAY_CLI_EXIT_OK;
}

static int
server_add_member (const HearsayCliGlobals *globals,
                   int                      argc,
                   char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role_name = NULL;
  g_autofree char *password = NULL;
  gboolean ask_password = FALSE;
  HearsayMemberRole role;
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_name, N_("coder, curator or owner"), N_("ROLE") },
    { "password-prompt", 0, 0, G_OPTION_ARG_NONE, &ask_password,
      N_("Ask for the password of a login that does not exist yet"), NULL },
    { NULL }
  };

  context = hearsay_cli_option_context_new ("server add-member", _("NAME"),
                                            _("Make the login NAME a member of the project (creating the "
                                              "login when the server has none)."),
                                            _("A coder edits their own layer (annotator NAME), a curator reads "
                                              "every layer and writes the gold layer, an owner changes the "
                                              "scheme, the documents and the members. The server enforces it."),
                                            entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc != 2)
    return hearsay_cli_usage_error ("server add-member", "%s", _("give one login NAME"));
  if (role_name == NULL || !hearsay_member_role_from_string (role_name, &role))
    return hearsay_cli_usage_error ("server add-member", "%s", _("--role must be coder, curator or owner"));
  if (!require_server (globals, "server add-member"))
    return HEARSAY_CLI_EXIT_USAGE;
  if (ask_password)
    {
      g_autofree char *prompt = g_strdup_printf (_("Password for the new login %s: "), argv[1]);

      password = hearsay_cli_read_password (prompt);
      if (password == NULL)
        return hearsay_cli_usage_error ("server add-member", "%s",
                                        _("--password-prompt needs a terminal"));
    }
  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  if (!hearsay_project_add_member (project, argv[1], role, password, &error))
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  if (password != NULL)
    memset (password, 0, strlen (password));
  printf ("%s\t%s\n", argv[1], hearsay_member_role_to_string (role));
  return HEARSAY_CLI_EXIT_OK;
}

static int
server_remove_member (const HearsayCliGlobals *globals,
                      int                      argc,
                      char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };

  context = hearsay_cli_option_context_new ("server remove-member", _("NAME"),
                                            _("Take NAME out of the project’s members; their annotations stay."),
                                            NULL, entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc != 2)
    return hearsay_cli_usage_error ("server remove-member", "%s", _("give one login NAME"));
  if (!require_server (globals, "server remove-member"))
    return HEARSAY_CLI_EXIT_USAGE;
  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  if (!hearsay_project_remove_member (project, argv[1], &error))
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  return HEARSAY_CLI_EXIT_OK;
}

static int
server_members (const HearsayCliGlobals *globals,
                int                      argc,
                char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };

  context = hearsay_cli_option_context_new ("server members", "",
                                            _("List the members of the project: login and role, one a line."),
                                            NULL, entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("server members", _("unexpected argument “%s”"), argv[1]);
  if (!require_server (globals, "server members"))
    return HEARSAY_CLI_EXIT_USAGE;
  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  members = hearsay_project_list_members (project, &error);
  if (members == NULL)
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  for (guint i = 0; i < members->len; i++)
    {
      const HearsayMember *m = g_ptr_array_index (members, i);

      printf ("%s\t%s\n", m->name, hearsay_member_role_to_string (m->role));
    }
  return HEARSAY_CLI_EXIT_OK;
}

static int
server_blind (const HearsayCliGlobals *globals,
              int                      argc,
              char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  gboolean blind;

  context = hearsay_cli_option_context_new ("server blind", "yes|no",
                                            _("Whether coders see and edit only their own layer (and the "
                                              "importer’s page-furniture marks); without an argument, say it."),
                                            NULL, entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 2 || (argc == 2 && !g_str_equal (argv[1], "yes") && !g_str_equal (argv[1], "no")))
    return hearsay_cli_usage_error ("server blind", "%s", _("give yes or no"));
  if (!require_server (globals, "server blind"))
    return HEARSAY_CLI_EXIT_USAGE;
  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  if (argc == 1)
    {
      printf ("%s\n", hearsay_project_get_blind (project) ? "yes" : "no");
      return HEARSAY_CLI_EXIT_OK;
    }
  blind = g_str_equal (argv[1], "yes");
  if (!hearsay_project_set_blind (project, blind, &error))
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  return HEARSAY_CLI_EXIT_OK;
}

static const HearsayCliCommand server_commands[] = {
  { "init",          N_("Create the project on the server"),          server_init },
  { "add-member",    N_("Make a login a coder, curator or owner"),    server_add_member },
  { "remove-member", N_("Take a login out of the members"),          server_remove_member },
  { "members",       N_("List the members and their roles"),         server_members },
  { "blind",         N_("Say or set whether coders code blind"),     server_blind },
};

int
hearsay_cli_server (const HearsayCliGlobals *globals,
                    int                      argc,
                    char                   **argv)
{
  if (argc >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (server_commands); i++)
      if (g_str_equal (argv[1], server_commands[i].name))
        return server_commands[i].run (globals, argc - 1, argv + 1);
  {
    GString *s = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (server_commands); i++)
      g_string_append_printf (s, "\n  %-14s %s", server_commands[i].name, _(server_commands[i].summary));
    if (argc >= 2 && g_str_equal (argv[1], "--help"))
      {
        printf ("%s%s\n", _("Usage: hearsay-cli --project postgresql://host/database server COMMAND"), s->str);
        g_string_free (s, TRUE);
        return HEARSAY_CLI_EXIT_OK;
      }
    hearsay_cli_usage_error ("server", "%s%s", argc >= 2 ? _("unknown command; one of:") : _("give a command:"),
                             s->str);
    g_string_free (s, TRUE);
  }
  return HEARSAY_CLI_EXIT_USAGE;
}
