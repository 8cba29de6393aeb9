/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli.c: entry point of hearsay-cli — global options, the command
 * table and the helpers that every command shares. */
#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "hearsay-cli-private.h"
#include "hearsay-error.h"
#include "hearsay-import.h"
#include "hearsay-project-team.h"

static const HearsayCliCommand commands[] = {
  { "init",     N_("Create a new, empty project"),                  hearsay_cli_init },
  { "import",   N_("Import text or JSONL files as documents"),      hearsay_cli_import },
  { "list",     N_("List the documents of the project"),            hearsay_cli_list },
  { "annotate", N_("Add an annotation to a document"),              hearsay_cli_annotate },
  { "export",   N_("Export documents and annotations (JSONL, CSV)"), hearsay_cli_export },
  { "relate",   N_("Link two annotations with a typed relation"),   hearsay_cli_relate },
  { "entity",   N_("Add, list and link entities (sources, outlets, actors)"), hearsay_cli_entity },
  { "doc",      N_("Set a document's fields (title, outlet, genre, frames…)"), hearsay_cli_doc },
  { "fragment", N_("Add a fragment to an annotation (discontinuous spans)"), hearsay_cli_fragment },
  { "undo",     N_("Undo the last edit"),                            hearsay_cli_undo },
  { "redo",     N_("Redo the last undone edit"),                     hearsay_cli_redo },
  { "compare",  N_("Compare how outlets cover an event or documents"), hearsay_cli_compare },
  { "event",    N_("Create events, put documents in them, list and suggest"), hearsay_cli_event },
  { "search",   N_("Search the text of every document"),            hearsay_cli_search },
  { "coders",   N_("List, add, rename and colour the coders"),      hearsay_cli_coders },
  { "team",     N_("Prepare blind copies for coders and merge them back"), hearsay_cli_team },
  { "agreement", N_("Inter-coder agreement on a selection of documents"), hearsay_cli_agreement },
  { "curate",   N_("Curate the coders' annotations into the gold layer"), hearsay_cli_curate },
  { "server",   N_("Create a project on a PostgreSQL server; its members and roles"), hearsay_cli_server },
  { "copy",     N_("Copy a whole project between a file and a server"), hearsay_cli_copy },
};

void
hearsay_cli_printerr (const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("hearsay-cli: %s\n", message);
}

void
hearsay_cli_print_error (const GError *error)
{
  hearsay_cli_printerr ("%s", error->message);
}

int
hearsay_cli_usage_error (const char *command,
                         const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (command != NULL)
    {
      g_printerr ("hearsay-cli %s: %s\n", command, message);
      g_printerr (_("Try “hearsay-cli %s --help” for more information."), command);
    }
  else
    {
      g_printerr ("hearsay-cli: %s\n", message);
      g_printerr ("%s", _("Try “hearsay-cli --help” for more information."));
    }
  g_printerr ("\n");
  return HEARSAY_CLI_EXIT_USAGE;
}

GOptionContext *
hearsay_cli_option_context_new (const char   *command,
                                const char   *parameters,
                                const char   *summary,
                                const char   *description,
                                GOptionEntry *entries)
{
  g_autofree char *prgname = g_strdup_printf ("hearsay-cli [--project FILE] %s", command);
  GOptionContext *context = g_option_context_new (parameters);

  /* The usage line of a command's --help starts with the program name. */
  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (description != NULL)
    g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

gboolean
hearsay_cli_parse (GOptionContext *context,
                   int            *argc,
                   char         ***argv)
{
  g_autoptr(GError) error = NULL;
  const char *command = (*argv)[0];

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      hearsay_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
hearsay_cli_parse_int64 (const char *str,
                         gint64     *value)
{
  guint64 magnitude = 0;
  gboolean negative = FALSE;

  if (str == NULL)
    return FALSE;
  if (*str == '-')
    {
      negative = TRUE;
      str++;
    }
  /* Only plain decimal digits: no sign other than a leading '-', no spaces. */
  if (!g_ascii_isdigit (*str) ||
      !g_ascii_string_to_unsigned (str, 10, 0, G_MAXINT64, &magnitude, NULL))
    return FALSE;
  *value = negative ? -(gint64) magnitude : (gint64) magnitude;
  return TRUE;
}

gboolean
hearsay_cli_require_id (const char *command,
                        const char *option,
                        const char *value,
                        gint64     *id,
                        int        *status)
{
  if (value == NULL)
    *status = hearsay_cli_usage_error (command, _("--%s is required"), option);
  else if (!hearsay_cli_parse_int64 (value, id) || *id <= 0)
    *status = hearsay_cli_usage_error (command, _("--%s needs a positive number, not “%s”"), option, value);
  else
    return TRUE;
  return FALSE;
}

int
hearsay_cli_print_id (gint64 id)
{
  printf ("%" PRId64 "\n", id);
  return HEARSAY_CLI_EXIT_OK;
}

void
hearsay_cli_args_init (HearsayCliArgs      *args,
                       int                  argc,
                       char               **argv,
                       const char * const  *multi)
{
  args->owned = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < argc; i++)
    {
      const char *option = argv[i];

      g_ptr_array_add (args->owned, g_strdup (option));
      if (i == 0 || !g_strv_contains (multi, option) || i + 1 >= argc)
        continue;
      g_ptr_array_add (args->owned, g_strdup (argv[++i]));
      /* The values after the first: "-x" ends them, a lone "-" does not. */
      while (i + 1 < argc && (argv[i + 1][0] != '-' || argv[i + 1][1] == '\0'))
        {
          g_ptr_array_add (args->owned, g_strdup (option));
          g_ptr_array_add (args->owned, g_strdup (argv[++i]));
        }
    }
  args->argc = args->owned->len;
  args->argv = g_new0 (char *, args->argc + 1);
  memcpy (args->argv, args->owned->pdata, args->argc * sizeof (char *));
}

void
hearsay_cli_args_clear (HearsayCliArgs *args)
{
  g_clear_pointer (&args->owned, g_ptr_array_unref);
  g_clear_pointer (&args->argv, g_free);
}

gboolean
hearsay_cli_layers (HearsayProject  *project,
                    char           **annotators,
                    gboolean         gold,
                    GStrv           *layers)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  *layers = NULL;
  if (annotators == NULL && !gold)
    return TRUE;
  for (guint i = 0; annotators != NULL && annotators[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HearsayCoder) coder = hearsay_project_get_coder (project, annotators[i], &error);

      if (coder == NULL)
        {
          hearsay_cli_print_error (error);
          return FALSE;
        }
      g_strv_builder_add (names, annotators[i]);
    }
  if (gold)
    {
      g_autofree char *name = hearsay_project_dup_gold_coder (project);

      if (name == NULL)
        {
          hearsay_cli_printerr (_("%s has no gold layer yet: curate a document first "
                                  "(`hearsay-cli curate accept-agreed --document ID`)"),
                                hearsay_project_get_path (project));
          return FALSE;
        }
      g_strv_builder_add (names, name);
    }
  *layers = g_strv_builder_end (names);
  return TRUE;
}

gboolean
hearsay_cli_document_ids (const char  *command,
                          char       **values,
                          GArray      *ids,
                          int         *status)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit_set (values[i], ", ", -1);

      for (guint k = 0; parts[k] != NULL; k++)
        {
          gint64 id;

          if (*parts[k] == '\0')
            continue;
          if (!hearsay_cli_require_id (command, "document", parts[k], &id, status))
            return FALSE;
          g_array_append_val (ids, id);
        }
    }
  return TRUE;
}

char *
hearsay_cli_read_password (const char *prompt)
{
  struct termios old, quiet;
  char line[1024];
  gboolean tty = isatty (STDIN_FILENO);

  if (!tty)
    return NULL;
  g_printerr ("%s", prompt);
  tcgetattr (STDIN_FILENO, &old);
  quiet = old;
  quiet.c_lflag &= ~ECHO;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  if (fgets (line, sizeof line, stdin) == NULL)
    line[0] = '\0';
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &old);
  g_printerr ("\n");
  line[strcspn (line, "\r\n")] = '\0';
  return g_strdup (line);
}

HearsayProject *
hearsay_cli_open_location (const char          *location,
                           HearsayProjectFlags  flags,
                           GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  HearsayProject *project = hearsay_project_open (location, flags, &local_error);

  /* A server that asks for a password: asked on the terminal, kept in
   * memory for this run only. */
  if (project == NULL && g_error_matches (local_error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_AUTH) &&
      hearsay_project_location_is_server (location) && isatty (STDIN_FILENO))
    {
      g_autofree char *prompt = g_strdup_printf (_("Password for %s: "), location);
      g_autofree char *password = hearsay_cli_read_password (prompt);

      if (password != NULL && *password != '\0')
        {
          hearsay_project_set_server_password (location, password);
          memset (password, 0, strlen (password));
          g_clear_error (&local_error);
          project = hearsay_project_open (location, flags, &local_error);
        }
    }
  if (project == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return project;
}

HearsayProject *
hearsay_cli_open_project (const HearsayCliGlobals *globals)
{
  g_autoptr(GError) error = NULL;
  HearsayProject *project;

  if (globals->project_path == NULL)
    project = hearsay_import_open_default_project (&error);
  else if (!hearsay_project_location_is_server (globals->project_path) &&
           !g_file_test (globals->project_path, G_FILE_TEST_EXISTS))
    {
      hearsay_cli_printerr (_("%s does not exist; create it with "
                              "`hearsay-cli --project %s init`"),
                            globals->project_path, globals->project_path);
      return NULL;
    }
  else
    project = hearsay_cli_open_location (globals->project_path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);

  if (project == NULL)
    hearsay_cli_print_error (error);
  else if (hearsay_project_get_damage (project) != NULL)
    hearsay_cli_printerr (_("warning: %s"), hearsay_project_get_damage (project));
  return project;
}

static char *
commands_description (void)
{
  GString *str = g_string_new (_("Commands:"));

  g_string_append_c (str, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (str, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_c (str, '\n');
  g_string_append (str, _("Without --project, the commands work on the project that the "
                          "Hearsay window opens by default.\n"
                          "Run “hearsay-cli COMMAND --help” for the options of a command.\n"
                          "Exit status: 0 on success, 1 on bad input, 2 on bad usage."));
  return g_string_free (str, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *project_path = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  HearsayCliGlobals globals = { NULL };
  const char *localedir;
  GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &project_path,
      N_("The project file, or a project on a PostgreSQL server: postgresql://host/database[#project] "
         "(default: the default project of Hearsay)"), N_("FILE|URL") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Show the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  localedir = g_getenv ("HEARSAY_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("hearsay-cli");
  description = commands_description ();
  context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Work with Hearsay project files from scripts: "
                                           "import, list, annotate and export articles."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return hearsay_cli_usage_error (NULL, "%s", error->message);

  if (version)
    {
      printf ("hearsay-cli %s\n", PACKAGE_VERSION);
      return HEARSAY_CLI_EXIT_OK;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return HEARSAY_CLI_EXIT_USAGE;
    }

  if (project_path != NULL && *project_path == '\0')
    return hearsay_cli_usage_error (NULL, "%s", _("--project needs a file name"));
  globals.project_path = project_path;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        int status = commands[i].run (&globals, argc - 1, argv + 1);

        if (fflush (stdout) != 0 || ferror (stdout))
          {
            hearsay_cli_printerr (_("could not write to the standard output"));
            return HEARSAY_CLI_EXIT_BAD_INPUT;
          }
        return status;
      }

  return hearsay_cli_usage_error (NULL, _("“%s” is not a command"), argv[1]);
}
