/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-compare.c: `hearsay-cli compare` — the outlet comparison of an
 * event or of chosen documents, the figures of the GUI's comparison view. */
#include "config.h"

#include <gio/gunixoutputstream.h>

#include "hearsay-cli-private.h"
#include "hearsay-compare.h"

int
hearsay_cli_compare (const HearsayCliGlobals *globals,
                     int                      argc,
                     char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayComparison) comparison = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *event = NULL;
  g_autofree char *format = NULL;
  g_autofree char *section = NULL;
  g_autofree char *html = NULL;
  g_autofree char *svg = NULL;
  g_auto(GStrv) documents = NULL;
  HearsayComparisonFormat fmt = HEARSAY_COMPARISON_FORMAT_MARKDOWN;
  gint64 event_id = 0;
  int status;
  GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event, N_("Compare the documents of this event"), N_("EVENT") },
    { "document", 0, 0, G_OPTION_ARG_STRING_ARRAY, &documents,
      N_("Compare this document (repeat the option for each)"), N_("DOCUMENT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv, json or md (the default)"), N_("FORMAT") },
    { "section", 0, 0, G_OPTION_ARG_STRING, &section,
      N_("Only this section: size, attribution, sources, chains, persuasion, frames, naming, "
         "claims or wording"), N_("NAME") },
    { "html", 0, 0, G_OPTION_ARG_FILENAME, &html, N_("Also write the HTML report to FILE"), N_("FILE") },
    { "svg", 0, 0, G_OPTION_ARG_FILENAME, &svg,
      N_("Also write the charts to DIR (sources.svg, persuasion.svg, chains.svg)"), N_("DIR") },
    { NULL }
  };

  context = hearsay_cli_option_context_new ("compare", "",
                                            _("Compare how outlets cover an event or a set of documents."),
                                            _("One column per outlet (documents without an outlet are "
                                              "grouped as “(no outlet)”); boilerplate is excluded "
                                              "everywhere. Every figure keeps its counts: Markdown "
                                              "shows them as (numerator/denominator), CSV and JSON "
                                              "as fields."),
                                            entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("compare", _("unexpected argument “%s”"), argv[1]);
  if ((event == NULL) == (documents == NULL))
    return hearsay_cli_usage_error ("compare", "%s", _("give either --event or --document"));
  if (event != NULL && !hearsay_cli_require_id ("compare", "event", event, &event_id, &status))
    return status;
  for (guint i = 0; documents != NULL && documents[i] != NULL; i++)
    {
      gint64 id;

      if (!hearsay_cli_require_id ("compare", "document", documents[i], &id, &status))
        return status;
      g_array_append_val (ids, id);
    }
  if (format == NULL || g_str_equal (format, "md") || g_str_equal (format, "markdown"))
    fmt = HEARSAY_COMPARISON_FORMAT_MARKDOWN;
  else if (g_str_equal (format, "csv"))
    fmt = HEARSAY_COMPARISON_FORMAT_CSV;
  else if (g_str_equal (format, "json"))
    fmt = HEARSAY_COMPARISON_FORMAT_JSON;
  else
    return hearsay_cli_usage_error ("compare", _("unknown format “%s” (csv, json or md)"), format);
  if (section != NULL && !hearsay_comparison_is_section (section))
    return hearsay_cli_usage_error ("compare", _("unknown section “%s” (size, attribution, sources, "
                                                 "chains, persuasion, frames, naming, claims, wording)"),
                                    section);

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  if (event != NULL)
    comparison = hearsay_comparison_new_for_event (project, event_id, &error);
  else
    comparison = hearsay_comparison_new (project, (const gint64 *) ids->data, ids->len, &error);
  out = g_unix_output_stream_new (1, FALSE);
  if (comparison == NULL ||
      (html != NULL && !hearsay_comparison_save_html_report (comparison, html, &error)) ||
      (svg != NULL && !hearsay_comparison_save_svg_charts (comparison, svg, &error)) ||
      !hearsay_comparison_write (comparison, fmt, section, out, &error))
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  return HEARSAY_CLI_EXIT_OK;
}
