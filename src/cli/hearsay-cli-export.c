/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-export.c: `hearsay-cli export` — every export format, to a file,
 * a folder (brat, semeval) or stdout. */
#include "config.h"

#include <stdio.h>
#include <gio/gunixoutputstream.h>

#include "hearsay-cli-private.h"
#include "hearsay-export.h"
#include "hearsay-offsets.h"
#include "hearsay-project-team.h"

static gboolean
export_to_stdout (HearsayProject             *project,
                  HearsayExportFormat         format,
                  const HearsayExportOptions *options,
                  GError                    **error)
{
  g_autoptr(GOutputStream) fd_stream = NULL;
  g_autoptr(GOutputStream) out = NULL;

  /* Nothing else may sit in stdio's buffer ahead of the stream's bytes. */
  fflush (stdout);
  fd_stream = g_unix_output_stream_new (1, FALSE);
  out = g_buffered_output_stream_new_sized (fd_stream, 64 * 1024);
  if (!hearsay_export_project (project, format, options, out, NULL, error))
    {
      g_output_stream_close (out, NULL, NULL);
      return FALSE;
    }
  return g_output_stream_close (out, NULL, error);
}

int
hearsay_cli_export (const HearsayCliGlobals *globals,
                    int                      argc,
                    char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) documents = NULL;
  g_autofree char *names = hearsay_export_format_names ();
  g_autofree char *format_help = NULL;
  gboolean exclude_boilerplate = FALSE;
  gboolean comments = FALSE;
  g_autofree char *offsets = NULL;
  g_autofree char *newlines = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  HearsayExportFormat format;
  HearsayExportOptions options = { NULL };
  g_auto(GStrv) annotators = NULL;
  g_auto(GStrv) layers = NULL;
  g_auto(HearsayCliArgs) args = { NULL };
  gboolean gold = FALSE;
  gboolean ok;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, NULL, N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write, or the folder for brat, semeval, webanno-tsv and xmi (default, or -: the standard output)"),
      N_("OUT") },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets,
      N_("How offsets count: codepoint (default; doccano: utf16, as its UI counts), utf16 (Java, "
         "JavaScript) or byte (UTF-8)"),
      N_("UNIT") },
    { "newlines", 0, 0, G_OPTION_ARG_STRING, &newlines,
      N_("keep (default) or lf: write CR LF as LF, with offsets recomputed"), N_("keep|lf") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end,
      N_("End offsets exclusive (default) or inclusive, for SemEval span files"),
      N_("inclusive|exclusive") },
    { "document", 0, 0, G_OPTION_ARG_STRING_ARRAY, &documents,
      N_("Export only this document; repeat for several (default: all)"), N_("ID") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING_ARRAY, &annotators,
      N_("Only these coders' layers (--annotator A B; default: every layer)"), N_("NAME") },
    { "gold", 0, 0, G_OPTION_ARG_NONE, &gold, N_("Only the gold layer (with --annotator: it too)"), NULL },
    { "exclude-boilerplate", 0, 0, G_OPTION_ARG_NONE, &exclude_boilerplate,
      N_("Leave out the annotations labelled boilerplate"), NULL },
    { "comments", 0, 0, G_OPTION_ARG_NONE, &comments,
      N_("conll: start with a comment line saying what the export leaves out (most CoNLL readers, "
         "NLTK's among them, refuse comments)"), NULL },
    { NULL }
  };

  format_help = g_strdup_printf (_("The format: %s"), names);
  entries[0].description = format_help;
  context = hearsay_cli_option_context_new ("export", "",
                                            _("Export documents and annotations."),
                                            _("JSONL holds one document per line with its text, "
                                              "metadata, annotations and relations (lossless). CSV "
                                              "(RFC 4180) holds one row per fragment. brat and "
                                              "semeval write a folder; w3c a W3C Web Annotation "
                                              "collection; tei TEI P5 with standoff spans; qdpx and "
                                              "qdc a REFI-QDA project and codebook; conll BIO tokens "
                                              "(lossy: overlaps are reported on stderr); webanno-tsv "
                                              "and xmi a folder of INCEpTION files, one per document "
                                              "and annotator (UTF-16 offsets, always); doccano and "
                                              "doccano-relations doccano's JSONL (label triples, or "
                                              "entities and relations); labelstudio Label Studio JSON "
                                              "tasks.\n"
                                              "Every export states its offset unit where the format "
                                              "has room. The output named by -o is replaced only when "
                                              "the export succeeds."),
                                            entries);
  hearsay_cli_args_init (&args, argc, argv, (const char *[]) { "--annotator", "--document", NULL });
  argc = args.argc;
  argv = args.argv;
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  /* `--document 1 2 3`: the ids after the first come as arguments. */
  if (argc > 1 && documents == NULL)
    return hearsay_cli_usage_error ("export", _("unexpected argument “%s”"), argv[1]);
  if (format_name == NULL)
    return hearsay_cli_usage_error ("export", _("--format is required: %s"), names);
  if (!hearsay_export_format_from_string (format_name, &format))
    return hearsay_cli_usage_error ("export", _("unknown format “%s”: use %s"), format_name, names);
  if (offsets != NULL && !hearsay_offset_unit_from_string (offsets, &options.offset_unit))
    return hearsay_cli_usage_error ("export", _("--offsets is codepoint, utf16 or byte, not “%s”"), offsets);
  /* INCEpTION reads UTF-16 offsets and no other: another unit would make
   * files that it misreads. */
  if (offsets != NULL && (format == HEARSAY_EXPORT_WEBANNO_TSV || format == HEARSAY_EXPORT_XMI) &&
      options.offset_unit != HEARSAY_OFFSET_UTF16)
    return hearsay_cli_usage_error ("export", _("%s counts offsets in UTF-16 code units, as INCEpTION does; "
                                                "--offsets %s has no place in it"), format_name, offsets);
  options.offsets_given = offsets != NULL;
  if (newlines != NULL && !hearsay_newlines_from_string (newlines, &options.newlines))
    return hearsay_cli_usage_error ("export", _("--newlines is keep or lf, not “%s”"), newlines);
  if (end != NULL && g_strcmp0 (end, "inclusive") != 0 && g_strcmp0 (end, "exclusive") != 0)
    return hearsay_cli_usage_error ("export", _("--end is inclusive or exclusive, not “%s”"), end);
  options.end_inclusive = g_strcmp0 (end, "inclusive") == 0;
  options.warnings = warnings;
  /* "-o -" is the standard output, as for most tools. */
  if (g_strcmp0 (output, "-") == 0)
    g_clear_pointer (&output, g_free);
  if (output == NULL && hearsay_export_format_is_directory (format))
    return hearsay_cli_usage_error ("export", _("%s writes a folder: name it with -o"), format_name);
  if (output != NULL && *output == '\0')
    return hearsay_cli_usage_error ("export", "%s", _("-o needs a file name"));

  for (guint i = 0; documents != NULL && documents[i] != NULL; i++)
    {
      gint64 id;

      if (!hearsay_cli_parse_int64 (documents[i], &id))
        return hearsay_cli_usage_error ("export", _("--document needs a number, not “%s”"),
                                        documents[i]);
      g_array_append_val (ids, id);
    }
  for (int i = 1; i < argc; i++)
    {
      gint64 id;

      if (!hearsay_cli_parse_int64 (argv[i], &id))
        return hearsay_cli_usage_error ("export", _("unexpected argument “%s”"), argv[i]);
      g_array_append_val (ids, id);
    }
  if (ids->len > 0)
    {
      options.document_ids = (const gint64 *) ids->data;
      options.n_document_ids = ids->len;
    }
  options.exclude_boilerplate = exclude_boilerplate;
  options.comments = comments;

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  if (!hearsay_cli_layers (project, annotators, gold, &layers))
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  options.layers = (const char * const *) layers;

  if (output != NULL)
    ok = hearsay_export_project_to_path (project, format, &options, output, NULL, &error);
  else
    ok = export_to_stdout (project, format, &options, &error);
  for (guint i = 0; i < warnings->len; i++)
    hearsay_cli_printerr (_("warning: %s"), (const char *) g_ptr_array_index (warnings, i));
  if (!ok)
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  return HEARSAY_CLI_EXIT_OK;
}
