/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-event.c: `hearsay-cli event create|add|list|suggest` — events,
 * the stories that several documents cover. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>

#include "hearsay-cli-private.h"

static gboolean
valid_date (const char *date)
{
  g_autoptr(GDate) d = NULL;
  int y, m, day;

  if (strlen (date) != 10 || sscanf (date, "%4d-%2d-%2d", &y, &m, &day) != 3 ||
      date[4] != '-' || date[7] != '-')
    return FALSE;
  return g_date_valid_dmy (day, m, y);
}

static int
event_create (const HearsayCliGlobals *globals,
              int                      argc,
              char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The event's name, e.g. “Deir ez-Zor retaken”"), N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Its date"), N_("YYYY-MM-DD") },
    { NULL }
  };

  context = hearsay_cli_option_context_new ("event create", "",
                                            _("Create an event: a story that several documents cover."),
                                            _("Prints the id of the new event."), entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("event create", _("unexpected argument “%s”"), argv[1]);
  if (name == NULL || *g_strstrip (name) == '\0')
    return hearsay_cli_usage_error ("event create", "%s", _("--name is required"));
  if (date != NULL && !valid_date (date))
    return hearsay_cli_usage_error ("event create", _("--date needs a date as YYYY-MM-DD, not “%s”"), date);

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  event = hearsay_event_new (name, date);
  if (!hearsay_project_save_event (project, event, &error))
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  return hearsay_cli_print_id (hearsay_event_get_id (event));
}

static int
event_add (const HearsayCliGlobals *globals,
           int                      argc,
           char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayEvent) event = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *event_arg = NULL;
  g_auto(GStrv) documents = NULL;
  gint64 event_id;
  int status;
  GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_arg, N_("The event"), N_("EVENT") },
    { "document", 0, 0, G_OPTION_ARG_STRING_ARRAY, &documents,
      N_("A document to put in the event; repeat it, or list more ids after it"), N_("DOCUMENT") },
    { NULL }
  };

  context = hearsay_cli_option_context_new ("event add", _("[DOCUMENT…]"), _("Put documents in an event."),
                                            _("A document is in one event at most: adding it to "
                                              "another moves it."), entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (!hearsay_cli_require_id ("event add", "event", event_arg, &event_id, &status))
    return status;
  if (documents == NULL && argc < 2)
    return hearsay_cli_usage_error ("event add", "%s", _("--document is required"));
  for (guint i = 0; documents != NULL && documents[i] != NULL; i++)
    {
      gint64 id;

      if (!hearsay_cli_require_id ("event add", "document", documents[i], &id, &status))
        return status;
      g_array_append_val (ids, id);
    }
  /* `--document 1 2 3`: the ids after the first come as arguments. */
  for (int i = 1; i < argc; i++)
    {
      gint64 id;

      if (!hearsay_cli_require_id ("event add", "document", argv[i], &id, &status))
        return status;
      g_array_append_val (ids, id);
    }

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  event = hearsay_project_get_event (project, event_id, &error);
  if (event == NULL ||
      !hearsay_project_set_document_event (project, (const gint64 *) ids->data, ids->len, event_id, &error))
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  return HEARSAY_CLI_EXIT_OK;
}

static int
event_list (const HearsayCliGlobals *globals,
            int                      argc,
            char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };

  context = hearsay_cli_option_context_new ("event list", "", _("List the events of the project."),
                                            _("One line per event, by date: id, date, name and "
                                              "number of documents, separated by tabs."), entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("event list", _("unexpected argument “%s”"), argv[1]);

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  events = hearsay_project_list_events (project, &error);
  if (events == NULL)
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  for (guint i = 0; i < events->len; i++)
    {
      HearsayEvent *event = g_ptr_array_index (events, i);
      const char *date = hearsay_event_get_date (event);

      printf ("%" PRId64 "\t%s\t%s\t%u\n", hearsay_event_get_id (event), date ? date : "",
              hearsay_event_get_name (event), hearsay_event_get_n_documents (event));
    }
  return HEARSAY_CLI_EXIT_OK;
}

static int
event_suggest (const HearsayCliGlobals *globals,
               int                      argc,
               char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *event_arg = NULL;
  gint64 event_id;
  int status;
  GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_arg, N_("The event"), N_("EVENT") },
    { NULL }
  };

  context = hearsay_cli_option_context_new ("event suggest", "",
                                            _("Suggest documents for an event."),
                                            _("Documents not in the event that share an entity with "
                                              "its documents or were published within three days of "
                                              "its date; one line each: id and title."), entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("event suggest", _("unexpected argument “%s”"), argv[1]);
  if (!hearsay_cli_require_id ("event suggest", "event", event_arg, &event_id, &status))
    return status;

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  documents = hearsay_project_suggest_event_documents (project, event_id, &error);
  if (documents == NULL)
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  for (guint i = 0; i < documents->len; i++)
    {
      HearsayDocument *doc = g_ptr_array_index (documents, i);
      const char *title = hearsay_document_get_title (doc);

      printf ("%" PRId64 "\t%s\n", hearsay_document_get_id (doc), title ? title : "");
    }
  return HEARSAY_CLI_EXIT_OK;
}

int
hearsay_cli_event (const HearsayCliGlobals *globals,
                   int                      argc,
                   char                   **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "create"))
    return event_create (globals, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return event_add (globals, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return event_list (globals, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "suggest"))
    return event_suggest (globals, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n"
               "  hearsay-cli [--project FILE] event create --name N [--date YYYY-MM-DD]\n"
               "  hearsay-cli [--project FILE] event add --event E --document D…\n"
               "  hearsay-cli [--project FILE] event list\n"
               "  hearsay-cli [--project FILE] event suggest --event E\n",
               _("Usage:"));
      return HEARSAY_CLI_EXIT_OK;
    }
  return hearsay_cli_usage_error ("event", "%s",
                                  _("use “event create”, “event add”, “event list” or “event suggest”"));
}
