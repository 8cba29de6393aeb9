/* hearsay-cli-import.c: `hearsay-cli import` — text and JSONL files in. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "hearsay-cli-private.h"
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
import_corpus (HearsayProject                   *project,
               const char                       *format,
               GPtrArray                        *paths,
               const HearsayCorpusImportOptions *options)
{
  HearsayImportReport report;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (paths->len == 0)
    return TRUE;
  hearsay_import_report_init (&report);
  g_ptr_array_add (paths, NULL);
  ok = hearsay_project_import_paths (project, format, (const char * const *) paths->pdata, options,
                                     isatty (STDERR_FILENO) ? show_progress : NULL, NULL, NULL,
                                     &report, &error);
  g_ptr_array_remove_index (paths, paths->len - 1);
  if (ok)
    {
      print_report (&report);
      /* A summary for a person at a terminal; scripts get stdout only. */
      if (isatty (STDERR_FILENO))
          hearsay_cli_printerr (_("imported — documents: %u, annotations: %u (boilerplate marks: %u), "
                                "relations: %u, quotes that did not match the text: %u"),
                              report.documents->len, report.n_annotations, report.n_boilerplate,
                              report.n_relations, report.quote_mismatches->len);
    }
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
  g_autoptr(GPtrArray) other_paths = g_ptr_array_new ();
  g_autofree char *end = NULL;
  gboolean strict_quotes = FALSE;
  gboolean no_boilerplate = FALSE;
  HearsayCorpusImportOptions corpus = { NULL };
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
      N_("The format: text, html, jsonl, brat, semeval, w3c, doccano or qdpx (default: from each "
         "file's name; text when it tells nothing)"), N_("FORMAT") },
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
    { "strict-quotes", 0, 0, G_OPTION_ARG_NONE, &strict_quotes,
      N_("Refuse the whole import when a quote does not match the text (default: skip that "
         "annotation and list it)"), NULL },
    { "no-boilerplate", 0, 0, G_OPTION_ARG_NONE, &no_boilerplate,
      N_("Do not mark page furniture (consent notices, “follow us”, related links) as boilerplate"),
      NULL },
    { NULL }
  };
  static const char * const formats[] = {
    "text", "html", "jsonl", "brat", "semeval", "w3c", "doccano", "qdpx", NULL
  };
  gboolean ok = TRUE;

  context = hearsay_cli_option_context_new ("import", _("FILE…"),
                                            _("Import articles and annotated corpora as documents."),
                                            _("Prints one line per imported document: its id and "
                                              "title, separated by a tab, then a summary on stderr.\n"
                                              "FILE may be a folder (of .html, .txt, brat .txt/.ann "
                                              "pairs, SemEval articles and span files…). Files are "
                                              "imported together: if one of them cannot be read, "
                                              "none is imported. The metadata options apply to text "
                                              "files. Offsets in corpora count code points."),
                                            entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc < 2)
    return hearsay_cli_usage_error ("import", "%s", _("no file to import"));

  if (format != NULL && !g_strv_contains (formats, format))
    return hearsay_cli_usage_error ("import", _("unknown format “%s”: use text, html, jsonl, brat, "
                                                "semeval, w3c, doccano or qdpx"), format);
  if (end != NULL && g_strcmp0 (end, "inclusive") != 0 && g_strcmp0 (end, "exclusive") != 0)
    return hearsay_cli_usage_error ("import", _("--end is inclusive or exclusive, not “%s”"), end);

  /* Text files keep their own path, which takes the metadata options. */
  for (int i = 1; i < argc; i++)
    {
      const char *guess = format ? format : hearsay_import_guess_format (argv[i]);

      if (guess == NULL || g_str_equal (guess, "text"))
        g_ptr_array_add (text_paths, argv[i]);
      else
        g_ptr_array_add (other_paths, argv[i]);
    }

  if (title != NULL && text_paths->len != 1)
    return hearsay_cli_usage_error ("import", "%s",
                                    _("--title names one document: give exactly one text file"));
  if (text_paths->len == 0 && (title || outlet || url || date || language))
    return hearsay_cli_usage_error ("import", "%s",
                                    _("--title, --outlet, --url, --date and --language apply to "
                                      "text files, and there is none"));

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;

  options.title = title;
  options.outlet = outlet;
  options.url = url;
  options.date = date;
  options.language = language;
  options.encoding = encoding;
  options.no_boilerplate = no_boilerplate;
  corpus.encoding = encoding;
  corpus.end_inclusive = g_strcmp0 (end, "inclusive") == 0;
  corpus.strict_quotes = strict_quotes;
  corpus.no_boilerplate = no_boilerplate;

  ok = import_text (project, text_paths, &options) &&
       import_corpus (project, format, other_paths, &corpus);

  return ok ? HEARSAY_CLI_EXIT_OK : HEARSAY_CLI_EXIT_BAD_INPUT;
}
