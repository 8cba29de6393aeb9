/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-agreement.c: `hearsay-cli agreement` — inter-coder agreement
 * on a selection of documents, as the window's agreement page shows it. */
#include "config.h"

#include <gio/gunixoutputstream.h>

#include "hearsay-agreement-report.h"
#include "hearsay-cli-private.h"

int
hearsay_cli_agreement (const HearsayCliGlobals *globals,
                       int                      argc,
                       char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayAgreementReport) report = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *event = NULL;
  g_autofree char *outlet = NULL;
  g_autofree char *label = NULL;
  g_autofree char *attribute = NULL;
  g_autofree char *match = NULL;
  g_auto(GStrv) documents = NULL;
  g_auto(GStrv) annotators = NULL;
  g_auto(GStrv) layers = NULL;
  g_auto(HearsayCliArgs) args = { NULL };
  HearsayAgreementFormat fmt = HEARSAY_AGREEMENT_FORMAT_MARKDOWN;
  HearsayAgreementQuery query = { NULL };
  gboolean gold = FALSE, per_document = FALSE;
  int status;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv, json or markdown (the default)"), N_("FORMAT") },
    { "event", 0, 0, G_OPTION_ARG_STRING, &event, N_("The documents of this event"), N_("ID") },
    { "outlet", 0, 0, G_OPTION_ARG_STRING, &outlet, N_("The documents of this outlet (\"\": those without one)"),
      N_("OUTLET") },
    { "document", 0, 0, G_OPTION_ARG_STRING_ARRAY, &documents, N_("These documents (--document 1 2 3, or 1,2,3)"),
      N_("IDS") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING_ARRAY, &annotators,
      N_("These coders' layers (--annotator A B; default: every coder who annotated the selection)"), N_("NAME") },
    { "gold", 0, 0, G_OPTION_ARG_NONE, &gold, N_("The gold layer too: each coder against it"), NULL },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label, N_("Only this label"), N_("LABEL") },
    { "attribute", 0, 0, G_OPTION_ARG_STRING, &attribute, N_("Only this attribute (status, or claim.status)"),
      N_("NAME") },
    { "match", 0, 0, G_OPTION_ARG_STRING, &match,
      N_("How spans form units: overlap (the default) or exact"), N_("overlap|exact") },
    { "per-document", 0, 0, G_OPTION_ARG_NONE, &per_document, N_("Each document's figures too"), NULL },
    { NULL }
  };

  hearsay_cli_args_init (&args, argc, argv, (const char *[]) { "--annotator", "--document", NULL });
  context = hearsay_cli_option_context_new ("agreement", "",
                                            _("Inter-coder agreement on a selection of documents."),
                                            _("Unitizing: Krippendorff's αU on the text (the selection's "
                                              "documents end to end) per label, and span precision, recall "
                                              "and F1 between each pair of coders, exact and overlapping. "
                                              "Coding: the coders' annotations are aligned into units; on "
                                              "them, for the labels and each attribute, percent agreement, "
                                              "Cohen's κ per pair, Fleiss' κ and Krippendorff's α (nominal, "
                                              "ordinal in the scheme's order, interval and ratio for "
                                              "numbers). Then the confusion tables and every disagreement. "
                                              "A figure that cannot be computed is n/a with its reason "
                                              "(empty in CSV, null in JSON). Fewer than two coders: a "
                                              "message and exit status 1."), entries);
  if (!hearsay_cli_parse (context, &args.argc, &args.argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (args.argc > 1)
    return hearsay_cli_usage_error ("agreement", _("unexpected argument “%s”"), args.argv[1]);
  if ((event != NULL) + (outlet != NULL) + (documents != NULL) > 1)
    return hearsay_cli_usage_error ("agreement", "%s", _("give one of --event, --outlet and --document"));
  if (format == NULL || g_str_equal (format, "markdown") || g_str_equal (format, "md"))
    fmt = HEARSAY_AGREEMENT_FORMAT_MARKDOWN;
  else if (g_str_equal (format, "csv"))
    fmt = HEARSAY_AGREEMENT_FORMAT_CSV;
  else if (g_str_equal (format, "json"))
    fmt = HEARSAY_AGREEMENT_FORMAT_JSON;
  else
    return hearsay_cli_usage_error ("agreement", _("unknown format “%s” (csv, json or markdown)"), format);
  if (match != NULL && !g_str_equal (match, "overlap") && !g_str_equal (match, "exact"))
    return hearsay_cli_usage_error ("agreement", _("--match is overlap or exact, not “%s”"), match);
  if (event != NULL && !hearsay_cli_require_id ("agreement", "event", event, &query.event_id, &status))
    return status;
  if (!hearsay_cli_document_ids ("agreement", documents, ids, &status))
    return status;

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  /* Named coders are checked here, --gold by the report. */
  if (!hearsay_cli_layers (project, annotators, FALSE, &layers))
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  if (documents != NULL)
    {
      query.document_ids = (const gint64 *) ids->data;
      query.n_documents = ids->len;
    }
  query.outlet = outlet;
  query.coders = (const char * const *) layers;
  query.gold = gold;
  query.label = label;
  query.attribute = attribute;
  query.align = g_strcmp0 (match, "exact") == 0 ? HEARSAY_AGREEMENT_ALIGN_EXACT : HEARSAY_AGREEMENT_ALIGN_OVERLAP;
  query.per_document = per_document;
  report = hearsay_agreement_report_new (project, &query, NULL, &error);
  out = g_unix_output_stream_new (1, FALSE);
  if (report == NULL || !hearsay_agreement_report_write (report, fmt, out, &error))
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  return HEARSAY_CLI_EXIT_OK;
}
