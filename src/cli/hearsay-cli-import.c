/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-import.c: `hearsay-cli import` — every format of the importer
 * table, in one transaction. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "hearsay-cli-private.h"
#include "hearsay-error.h"
#include "hearsay-import.h"

static void
print_report (HearsayImportReport *report)
{
  for (guint i = 0; i < report->documents->len; i++)
    {
      HearsayDocument *doc = g_ptr_array_index (report->documents, i);
      const char *title = hearsay_document_get_title (doc);

      printf ("%" PRId64 "\t%s\n", hearsay_document_get_id (doc),
              title != NULL ? title : "");
    }
  if (report->quote_mismatches != NULL)
    for (guint i = 0; i < report->quote_mismatches->len; i++)
      hearsay_cli_printerr (_("warning: %s"),
                            (const char *) g_ptr_array_index (report->quote_mismatches, i));
  if (report->skipped != NULL)
    for (guint i = 0; i < report->skipped->len; i++)
      hearsay_cli_printerr (_("warning: %s"), (const char *) g_ptr_array_index (report->skipped, i));
  if (report->notes != NULL)
    for (guint i = 0; i < report->notes->len; i++)
      hearsay_cli_printerr (_("note: %s"), (const char *) g_ptr_array_index (report->notes, i));
}

/* "text, html, … doccano or qdpx". */
static char *
format_names (void)
{
  char *names = hearsay_import_format_names ();
  char *last = g_strrstr (names, ", ");

  if (last != NULL)
    {
      g_autofree char *head = g_strndup (names, last - names);

      g_free (names);
      names = g_strdup_printf (_("%s or %s"), head, last + 2);
    }
  return names;
}

static void
show_progress (guint       done,
               guint       total,
               const char *current_path,
               gpointer    user_data)
{
  /* One line, rewritten in place; only shown when stderr is a terminal. */
  g_printerr ("\r\033[K");
  if (current_path != NULL)
    g_printerr (_("Importing %u of %u: %s"), done + 1, total, current_path);
}

static gboolean
import_paths (HearsayProject             *project,
              GPtrArray                  *paths,
              const HearsayImportOptions *options)
{
  HearsayImportReport report;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (paths->len == 0)
    return TRUE;
  hearsay_import_report_init (&report);
  g_ptr_array_add (paths, NULL);
  ok = hearsay_import_paths (project, (const char * const *) paths->pdata, options,
                             isatty (STDERR_FILENO) ? show_progress : NULL, NULL, NULL,
                             &report, &error);
  g_ptr_array_remove_index (paths, paths->len - 1);
  if (ok)
    {
      print_report (&report);
      /* The summary, always: what came in and what was left out. */
      hearsay_cli_printerr (_("imported — documents: %u, annotations: %u (boilerplate marks: %u), "
                              "relations: %u, quotes that did not match the text: %u, left out: %u"),
                            report.documents->len, report.n_annotations, report.n_boilerplate,
                            report.n_relations, report.quote_mismatches->len, report.skipped->len);
    }
  else
    {
      hearsay_cli_print_error (error);
      if (g_error_matches (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_SOME_UNREADABLE))
        hearsay_cli_printerr (_("(--skip-unreadable imports the others)"));
    }
  hearsay_import_report_clear (&report);
  return ok;
}

int
hearsay_cli_import (const HearsayCliGlobals *globals,
                    int                      argc,
                    char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  guint n_text = 0;
  g_autofree char *end = NULL;
  gboolean strict_quotes = FALSE;
  gboolean skip_unreadable = FALSE;
  gboolean no_boilerplate = FALSE;
  g_autofree char *format = NULL;
  g_autofree char *title = NULL;
  g_autofree char *outlet = NULL;
  g_autofree char *url = NULL;
  g_autofree char *date = NULL;
  g_autofree char *language = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *offsets = NULL;
  g_autofree char *newlines = NULL;
  g_autofree char *text_column = NULL;
  g_autofree char *label_column = NULL;
  HearsayImportOptions options = { NULL };
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, N_("FORMAT") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("The title of the document (one text file only; default: its first non-empty line)"),
      N_("TITLE") },
    { "outlet", 0, 0, G_OPTION_ARG_STRING, &outlet, N_("The outlet that published the text"), N_("OUTLET") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The address of the article"), N_("URL") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The publication date: YYYY-MM-DD or an ISO 8601 date and time"), N_("DATE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The language of the text, as a BCP 47 tag such as fr"), N_("LANGUAGE") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
      N_("The charset of text files that are not UTF-8 or UTF-16 with a BOM, e.g. windows-1252"),
      N_("CHARSET") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end,
      N_("Whether span files give end offsets inclusive or exclusive (default), for SemEval"),
      N_("inclusive|exclusive") },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets,
      N_("What the files' offsets count: codepoint, utf16 (Java and JavaScript tools) or byte (default: "
         "what the file states, else the format's own unit)"), N_("UNIT") },
    { "newlines", 0, 0, G_OPTION_ARG_STRING, &newlines,
      N_("keep: offsets count CR and LF apart (default); lf: a CR LF counts as one, as in an export "
         "written with --newlines lf"), N_("keep|lf") },
    { "text-column", 0, 0, G_OPTION_ARG_STRING, &text_column,
      N_("doccano: the key of the text (doccano's column_data, default text); labelstudio: the task "
         "data's key of the text (default text, else its only string)"), N_("KEY") },
    { "label-column", 0, 0, G_OPTION_ARG_STRING, &label_column,
      N_("doccano: the key of the labels (doccano's column_label, default label)"), N_("KEY") },
    { "strict-quotes", 0, 0, G_OPTION_ARG_NONE, &strict_quotes,
      N_("Refuse the whole import when a quote does not match the text (default: skip that "
         "annotation and list it)"), NULL },
    { "skip-unreadable", 0, 0, G_OPTION_ARG_NONE, &skip_unreadable,
      N_("Import the files that can be read and list the others (default: import nothing and "
         "name every file that cannot be read)"), NULL },
    { "no-boilerplate", 0, 0, G_OPTION_ARG_NONE, &no_boilerplate,
      N_("Do not mark page furniture (consent notices, “follow us”, related links) as boilerplate"),
      NULL },
    { NULL }
  };
  g_autofree char *names = format_names ();
  g_autofree char *format_help = g_strdup_printf (_("The format: %s (default: from each file's "
                                                    "name; text when it tells nothing)"), names);

  entries[0].description = format_help;
  context = hearsay_cli_option_context_new ("import", _("FILE…"),
                                            _("Import articles and annotated corpora as documents."),
                                            _("Prints one line per imported document: its id and "
                                              "title, separated by a tab, then a summary on stderr.\n"
                                              "FILE may be a folder (of .html, .txt, brat .txt/.ann "
                                              "pairs, SemEval articles and span files…). Files are "
                                              "imported together: if some cannot be read, none is "
                                              "imported and each is named (--skip-unreadable imports "
                                              "the rest). The metadata options apply to text "
                                              "files. Offsets are read in the unit each file states "
                                              "(a Hearsay export says which) or its format's own; "
                                              "--offsets and --newlines say it for files that do not."),
                                            entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc < 2)
    return hearsay_cli_usage_error ("import", "%s", _("no file to import"));

  if (format != NULL && hearsay_import_format_lookup (format) == NULL)
    return hearsay_cli_usage_error ("import", _("unknown format “%s”: use %s"), format, names);
  if (offsets != NULL && !hearsay_offset_unit_from_string (offsets, &options.offsets.unit))
    return hearsay_cli_usage_error ("import", _("--offsets is codepoint, utf16 or byte, not “%s”"), offsets);
  if (newlines != NULL && g_strcmp0 (newlines, "keep") != 0 && g_strcmp0 (newlines, "lf") != 0)
    return hearsay_cli_usage_error ("import", _("--newlines is keep or lf, not “%s”"), newlines);
  options.offsets_given = offsets != NULL || newlines != NULL;
  options.offsets.crlf_as_one = g_strcmp0 (newlines, "lf") == 0;
  if (end != NULL && g_strcmp0 (end, "inclusive") != 0 && g_strcmp0 (end, "exclusive") != 0)
    return hearsay_cli_usage_error ("import", _("--end is inclusive or exclusive, not “%s”"), end);

  /* The metadata options apply to text files. */
  for (int i = 1; i < argc; i++)
    {
      const char *guess = format ? format : hearsay_import_guess_format (argv[i]);

      if (guess == NULL || g_str_equal (guess, "text"))
        n_text++;
      g_ptr_array_add (paths, argv[i]);
    }

  if (title != NULL && n_text != 1)
    return hearsay_cli_usage_error ("import", "%s",
                                    _("--title names one document: give exactly one text file"));
  if (n_text == 0 && (title || outlet || url || date || language))
    return hearsay_cli_usage_error ("import", "%s",
                                    _("--title, --outlet, --url, --date and --language apply to "
                                      "text files, and there is none"));

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;

  options.format = format;
  options.fallback_format = "text";
  options.title = title;
  options.outlet = outlet;
  options.url = url;
  options.date = date;
  options.language = language;
  options.encoding = encoding;
  options.no_boilerplate = no_boilerplate;
  options.end_inclusive = g_strcmp0 (end, "inclusive") == 0;
  options.strict_quotes = strict_quotes;
  options.skip_unreadable = skip_unreadable;
  options.text_column = text_column;
  options.label_column = label_column;

  return import_paths (project, paths, &options) ? HEARSAY_CLI_EXIT_OK : HEARSAY_CLI_EXIT_BAD_INPUT;
}
