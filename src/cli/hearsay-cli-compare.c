/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-compare.c: `hearsay-cli compare` — the outlet comparison of an
 * event or of chosen documents, the figures of the GUI's comparison view. */
#include "config.h"

#include <gio/gunixoutputstream.h>

#include "hearsay-cli-private.h"
#include "hearsay-agreement-stats.h"
#include "hearsay-compare.h"
#include "hearsay-project-team.h"

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
  g_auto(GStrv) annotators = NULL;
  g_auto(GStrv) layers = NULL;
  g_auto(HearsayCliArgs) args = { NULL };
  g_autoptr(HearsayComparisonReliability) reliability = NULL;
  gboolean gold = FALSE, reliable = FALSE;
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
    { "annotator", 0, 0, G_OPTION_ARG_STRING_ARRAY, &annotators,
      N_("Count one coder's layer only; with --reliability, the coders to compare (--annotator A B)"),
      N_("NAME") },
    { "gold", 0, 0, G_OPTION_ARG_NONE, &gold, N_("Count the gold layer only"), NULL },
    { "reliability", 0, 0, G_OPTION_ARG_NONE, &reliable,
      N_("Print how reliable each figure is instead: computed on each coder's layer, α over the outlets"), NULL },
    { "html", 0, 0, G_OPTION_ARG_FILENAME, &html,
      N_("Also write the HTML report to FILE (with the coders' agreement and the figures' reliability when "
         "two coders or more annotated the documents)"), N_("FILE") },
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
  hearsay_cli_args_init (&args, argc, argv, (const char *[]) { "--annotator", "--document", NULL });
  argc = args.argc;
  argv = args.argv;
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("compare", _("unexpected argument “%s”"), argv[1]);
  if (!reliable && ((annotators != NULL && annotators[1] != NULL) || (annotators != NULL && gold)))
    return hearsay_cli_usage_error ("compare", "%s", _("the comparison counts one layer: give one --annotator, "
                                                       "or --gold"));
  if (reliable && gold)
    return hearsay_cli_usage_error ("compare", "%s", _("--reliability compares coders' layers; --gold has no "
                                                       "place in it"));
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
  if (!hearsay_cli_layers (project, annotators, gold, &layers))
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  out = g_unix_output_stream_new (1, FALSE);
  if (reliable || html != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      reliability = hearsay_comparison_reliability_new (project, reliable ? (const char * const *) layers : NULL,
                                                        event != NULL ? NULL : (const gint64 *) ids->data,
                                                        ids->len, event_id, &local_error);
      if (reliability == NULL && (reliable || !g_error_matches (local_error, HEARSAY_AGREEMENT_ERROR,
                                                                 HEARSAY_AGREEMENT_ERROR_TOO_FEW_CODERS)))
        {
          hearsay_cli_print_error (local_error);
          return HEARSAY_CLI_EXIT_BAD_INPUT;
        }
      if (reliable)
        {
          if (!hearsay_comparison_reliability_write (reliability, fmt, out, &error))
            {
              hearsay_cli_print_error (error);
              return HEARSAY_CLI_EXIT_BAD_INPUT;
            }
          if (html == NULL)
            return HEARSAY_CLI_EXIT_OK;
        }
    }
  comparison = hearsay_comparison_new_for_layer (project, layers != NULL && !reliable ? layers[0] : NULL,
                                                 event != NULL ? NULL : (const gint64 *) ids->data, ids->len,
                                                 event_id, &error);
  if (comparison != NULL && html != NULL)
    {
      HearsayAgreementQuery query = { NULL };
      g_autoptr(HearsayAgreementReport) agreement = NULL;

      /* The coders' agreement on the same documents, when there is one. */
      query.document_ids = event != NULL ? NULL : (const gint64 *) ids->data;
      query.n_documents = ids->len;
      query.event_id = event_id;
      agreement = hearsay_agreement_report_new (project, &query, NULL, NULL);
      hearsay_comparison_set_agreement (comparison, agreement);
      hearsay_comparison_set_reliability (comparison, reliability);
    }
  if (comparison == NULL ||
      (html != NULL && !hearsay_comparison_save_html_report (comparison, html, &error)) ||
      (svg != NULL && !hearsay_comparison_save_svg_charts (comparison, svg, &error)) ||
      (!reliable && !hearsay_comparison_write (comparison, fmt, section, out, &error)))
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  return HEARSAY_CLI_EXIT_OK;
}
