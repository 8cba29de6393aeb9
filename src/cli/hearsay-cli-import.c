/* hearsay-cli-import.c: `hearsay-cli import` — text and JSONL files in. */
#include "config.h"

#include <stdio.h>

#include "hearsay-cli-private.h"
#include "hearsay-import.h"

static void
print_report (HearsayImportReport *report)
{
  for (guint i = 0; i < report->documents->len; i++)
    {
      HearsayDocument *doc = g_ptr_array_index (report->documents, i);
      const char *title = hearsay_document_get_title (doc);

      printf ("%" G_GINT64_FORMAT "\t%s\n", hearsay_document_get_id (doc),
              title != NULL ? title : "");
    }
  if (report->quote_mismatches != NULL)
    for (guint i = 0; i < report->quote_mismatches->len; i++)
      hearsay_cli_printerr (_("warning: %s"),
                            (const char *) g_ptr_array_index (report->quote_mismatches, i));
}

static gboolean
import_text (HearsayProject                 *project,
             GPtrArray                      *paths,
             const HearsayTextImportOptions *options)
{
  HearsayImportReport report;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (paths->len == 0)
    return TRUE;
  hearsay_import_report_init (&report);
  g_ptr_array_add (paths, NULL);
  ok = hearsay_project_import_text_files (project, (const char * const *) paths->pdata,
                                          options, &report, &error);
  g_ptr_array_remove_index (paths, paths->len - 1);
  if (ok)
    print_report (&report);
  else
    hearsay_cli_print_error (error);
  hearsay_import_report_clear (&report);
  return ok;
}

static gboolean
import_jsonl (HearsayProject *project,
              const char     *path)
{
  HearsayImportReport report;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  hearsay_import_report_init (&report);
  ok = hearsay_project_import_jsonl (project, path, &report, &error);
  if (ok)
    print_report (&report);
  else
    hearsay_cli_print_error (error);
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
  g_autoptr(GPtrArray) text_paths = g_ptr_array_new ();
  g_autoptr(GPtrArray) jsonl_paths = g_ptr_array_new ();
  g_autofree char *format = NULL;
  g_autofree char *title = NULL;
  g_autofree char *outlet = NULL;
  g_autofree char *url = NULL;
  g_autofree char *date = NULL;
  g_autofree char *language = NULL;
  g_autofree char *encoding = NULL;
  HearsayTextImportOptions options = { NULL };
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("The format of the files: text or jsonl (default: jsonl for *.jsonl files, text otherwise)"),
      N_("FORMAT") },
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
    { NULL }
  };
  gboolean force_text, force_jsonl;
  gboolean ok = TRUE;

  context = hearsay_cli_option_context_new ("import", _("FILE…"),
                                            _("Import text or JSONL files as documents."),
                                            _("Prints one line per imported document: its id and "
                                              "title, separated by a tab.\n"
                                              "Text files are imported together: if one of them "
                                              "cannot be read, none is imported. The metadata "
                                              "options apply to text files."),
                                            entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc < 2)
    return hearsay_cli_usage_error ("import", "%s", _("no file to import"));

  force_text = g_strcmp0 (format, "text") == 0;
  force_jsonl = g_strcmp0 (format, "jsonl") == 0;
  if (format != NULL && !force_text && !force_jsonl)
    return hearsay_cli_usage_error ("import", _("unknown format “%s”: use text or jsonl"), format);

  for (int i = 1; i < argc; i++)
    {
      if (force_jsonl || (!force_text && g_str_has_suffix (argv[i], ".jsonl")))
        g_ptr_array_add (jsonl_paths, argv[i]);
      else
        g_ptr_array_add (text_paths, argv[i]);
    }

  if (title != NULL && text_paths->len != 1)
    return hearsay_cli_usage_error ("import", "%s",
                                    _("--title names one document: give exactly one text file"));
  if (text_paths->len == 0 &&
      (title || outlet || url || date || language || encoding))
    return hearsay_cli_usage_error ("import", "%s",
                                    _("--title, --outlet, --url, --date, --language and "
                                      "--encoding apply to text files, and there is none"));

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;

  options.title = title;
  options.outlet = outlet;
  options.url = url;
  options.date = date;
  options.language = language;
  options.encoding = encoding;

  ok = import_text (project, text_paths, &options);
  for (guint i = 0; ok && i < jsonl_paths->len; i++)
    ok = import_jsonl (project, g_ptr_array_index (jsonl_paths, i));

  return ok ? HEARSAY_CLI_EXIT_OK : HEARSAY_CLI_EXIT_BAD_INPUT;
}
