/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-entity.c: `hearsay-cli entity add|list|link` — the entity registry. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>

#include "hearsay-cli-private.h"

static int
entity_add (const HearsayCliGlobals *globals,
            int                      argc,
            char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayEntity) entity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *affiliated = NULL;
  g_autofree char *affiliation = NULL;
  g_auto(GStrv) aliases = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The entity's name, e.g. SANA"), N_("NAME") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("Its kind from the scheme, e.g. state_news_agency, wire_agency, military_security"), N_("KIND") },
    { "state-affiliated", 0, 0, G_OPTION_ARG_STRING, &affiliated,
      N_("Whether it is affiliated with a state: yes, no or unclear"), N_("yes|no|unclear") },
    { "affiliation", 0, 0, G_OPTION_ARG_STRING, &affiliation, N_("Whom it is affiliated with"), N_("TEXT") },
    { "alias", 0, 0, G_OPTION_ARG_STRING_ARRAY, &aliases,
      N_("Another name it goes by; repeat for several"), N_("ALIAS") },
    { NULL }
  };

  context = hearsay_cli_option_context_new ("entity add", "",
                                            _("Add a source, outlet or actor to the entity registry."),
                                            _("Prints the id of the new entity."), entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("entity add", _("unexpected argument “%s”"), argv[1]);
  if (name == NULL || kind == NULL)
    return hearsay_cli_usage_error ("entity add", "%s", _("--name and --kind are required"));

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  entity = hearsay_entity_new (name, kind);
  hearsay_entity_set_state_affiliated (entity, affiliated);
  hearsay_entity_set_affiliation (entity, affiliation);
  hearsay_entity_set_aliases (entity, (const char * const *) aliases);
  if (!hearsay_project_add_entity (project, entity, &error))
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  return hearsay_cli_print_id (hearsay_entity_get_id (entity));
}

static int
entity_list (const HearsayCliGlobals *globals,
             int                      argc,
             char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };

  context = hearsay_cli_option_context_new ("entity list", "",
                                            _("List the entity registry."),
                                            _("One line per entity: id, name, kind, state "
                                              "affiliation and aliases (separated by “;”), "
                                              "separated by tabs."), entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("entity list", _("unexpected argument “%s”"), argv[1]);

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  entities = hearsay_project_list_entities (project, &error);
  if (entities == NULL)
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  for (guint i = 0; i < entities->len; i++)
    {
      HearsayEntity *entity = g_ptr_array_index (entities, i);
      g_autofree char *aliases = g_strjoinv (";", (char **) hearsay_entity_get_aliases (entity));
      const char *affiliated = hearsay_entity_get_state_affiliated (entity);

      printf ("%" PRId64 "\t%s\t%s\t%s\t%s\n", hearsay_entity_get_id (entity),
              hearsay_entity_get_name (entity), hearsay_entity_get_kind (entity),
              affiliated ? affiliated : "", aliases);
    }
  return HEARSAY_CLI_EXIT_OK;
}

static int
entity_link (const HearsayCliGlobals *globals,
             int                      argc,
             char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *annotation = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *type = NULL;
  gint64 annotation_id, entity_id, id;
  int status;
  GOptionEntry entries[] = {
    { "annotation", 0, 0, G_OPTION_ARG_STRING, &annotation, N_("The mention"), N_("ID") },
    { "entity", 0, 0, G_OPTION_ARG_STRING, &entity, N_("The entity it refers to"), N_("ID") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type,
      N_("The relation type (default refers_to; targets for persuasion)"), N_("TYPE") },
    { NULL }
  };

  context = hearsay_cli_option_context_new ("entity link", "",
                                            _("Link a mention to an entity of the registry."),
                                            _("Prints the id of the new relation."), entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("entity link", _("unexpected argument “%s”"), argv[1]);
  if (!hearsay_cli_require_id ("entity link", "annotation", annotation, &annotation_id, &status) ||
      !hearsay_cli_require_id ("entity link", "entity", entity, &entity_id, &status))
    return status;

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  id = hearsay_project_link_entity (project, type, annotation_id, entity_id, &error);
  if (id == 0)
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  return hearsay_cli_print_id (id);
}

int
hearsay_cli_entity (const HearsayCliGlobals *globals,
                    int                      argc,
                    char                   **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return entity_add (globals, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return entity_list (globals, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "link"))
    return entity_link (globals, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n"
               "  hearsay-cli [--project FILE] entity add --name N --kind K [--state-affiliated yes|no|unclear] [--alias A]…\n"
               "  hearsay-cli [--project FILE] entity list\n"
               "  hearsay-cli [--project FILE] entity link --annotation A --entity E [--type T]\n",
               _("Usage:"));
      return HEARSAY_CLI_EXIT_OK;
    }
  return hearsay_cli_usage_error ("entity", "%s", _("use “entity add”, “entity list” or “entity link”"));
}
