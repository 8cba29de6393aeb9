/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-private.h: what the commands of hearsay-cli share. */
#pragma once

#include <glib/gi18n.h>

#include "hearsay-project.h"

G_BEGIN_DECLS

typedef enum {
  HEARSAY_CLI_EXIT_OK = 0,
  HEARSAY_CLI_EXIT_BAD_INPUT = 1,
  HEARSAY_CLI_EXIT_USAGE = 2,
} HearsayCliExit;

typedef struct
{
  const char *project_path;   /* NULL: the default project */
} HearsayCliGlobals;

typedef int (*HearsayCliCommandFunc) (const HearsayCliGlobals *globals,
                                      int                      argc,
                                      char                   **argv);

typedef struct
{
  const char *name;
  const char *summary;        /* untranslated; passed through _() when shown */
  HearsayCliCommandFunc run;
} HearsayCliCommand;

int             hearsay_cli_init      (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_import    (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_list      (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_annotate  (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_export    (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_relate    (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_entity    (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_doc       (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_fragment  (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_undo      (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_redo      (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_compare   (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_event     (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_search    (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_coders    (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_team      (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_agreement (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_curate    (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_server    (const HearsayCliGlobals *globals, int argc, char **argv);
int             hearsay_cli_copy      (const HearsayCliGlobals *globals, int argc, char **argv);

/* A GOptionContext for @command with its usage line, summary and description. */
GOptionContext *hearsay_cli_option_context_new (const char   *command,
                                                const char   *parameters,
                                                const char   *summary,
                                                const char   *description,
                                                GOptionEntry *entries);
/* Parses @argv in place; on a usage error prints it and returns FALSE. */
gboolean        hearsay_cli_parse     (GOptionContext *context,
                                       int            *argc,
                                       char         ***argv);

/* Opens the project named by @globals (the default project when none is
 * named, created with the sample on first use). Prints the error and returns
 * NULL when it cannot be opened. */
HearsayProject *hearsay_cli_open_project (const HearsayCliGlobals *globals);
/* hearsay_project_open (), asking for a server's password on the terminal
 * when the server wants one that ~/.pgpass does not have. */
HearsayProject *hearsay_cli_open_location (const char          *location,
                                           HearsayProjectFlags  flags,
                                           GError             **error);
/* A line read from the terminal without echo; NULL when stdin is not one. */
char           *hearsay_cli_read_password (const char *prompt);

/* An argument vector of one's own, for options that take several values
 * ("--annotator A B C" becomes "--annotator A --annotator B --annotator
 * C"): GOption shuffles @argv, the strings stay in @owned. */
typedef struct
{
  GPtrArray *owned;
  char **argv;
  int argc;
} HearsayCliArgs;

void            hearsay_cli_args_init     (HearsayCliArgs      *args,
                                           int                  argc,
                                           char               **argv,
                                           const char * const  *multi);
void            hearsay_cli_args_clear    (HearsayCliArgs      *args);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HearsayCliArgs, hearsay_cli_args_clear)

/* The layers of --annotator NAME… and --gold (the gold layer's name):
 * NULL in *layers when neither was given. Each must be a coder of the
 * project; FALSE (with the message printed) when one is not. */
gboolean        hearsay_cli_layers        (HearsayProject      *project,
                                           char               **annotators,
                                           gboolean             gold,
                                           GStrv               *layers);
/* Document ids given as --document 1 --document 2, "1,2" or "1 2". */
gboolean        hearsay_cli_document_ids  (const char          *command,
                                           char               **values,
                                           GArray              *ids,
                                           int                 *status);

/* Parses a decimal integer; FALSE when @str is not one. */
gboolean        hearsay_cli_parse_int64  (const char *str,
                                          gint64     *value);

/* Parses the required integer option @value of @command into @id. */
gboolean        hearsay_cli_require_id   (const char *command,
                                          const char *option,
                                          const char *value,
                                          gint64     *id,
                                          int        *status);
/* Prints a new id on stdout, as commands that create something do. */
int             hearsay_cli_print_id     (gint64      id);

/* "hearsay-cli: <message>" on stderr. */
void            hearsay_cli_print_error  (const GError *error);
void            hearsay_cli_printerr     (const char   *format,
                                          ...) G_GNUC_PRINTF (1, 2);
/* A usage error: prints the message and a hint to --help; returns HEARSAY_CLI_EXIT_USAGE. */
int             hearsay_cli_usage_error  (const char   *command,
                                          const char   *format,
                                          ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
