/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-annotate.c: `hearsay-cli annotate` — add one annotation. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "hearsay-cli-private.h"

int
hearsay_cli_annotate (const HearsayCliGlobals *globals,
                      int                      argc,
                      char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  g_autofree char *label = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *note = NULL;
  g_auto(GStrv) attrs = NULL;
  gint64 document_id, start_offset, end_offset;
  g_autofree char *annotator = NULL;
  GOptionEntry entries[] = {
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator,
      N_("Whose it is: the coder to credit (default: you; in a blind copy, its coder)"), N_("NAME") },
    { "document", 0, 0, G_OPTION_ARG_STRING, &document,
      N_("The id of the document (see “hearsay-cli list”)"), N_("ID") },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label,
      N_("The label of the annotation, e.g. claim"), N_("LABEL") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start,
      N_("Where the span starts (code points from 0)"), N_("START") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end,
      N_("Where the span ends (code points, exclusive)"), N_("END") },
    { "attr", 0, 0, G_OPTION_ARG_STRING_ARRAY, &attrs,
      N_("An attribute value; repeat for several attributes, or several values of a "
         "multi-choice attribute"), N_("NAME=VALUE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A free-text note"), N_("NOTE") },
    { NULL }
  };

  context = hearsay_cli_option_context_new ("annotate", "",
                                            _("Add an annotation to a document."),
                                            _("Offsets count Unicode code points of the stored "
                                              "text, from 0, end exclusive; a span must not split "
                                              "a character (a letter and its combining marks, an "
                                              "emoji sequence, CR LF).\n"
                                              "Prints the id of the new annotation."),
                                            entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (argc > 1)
    return hearsay_cli_usage_error ("annotate", _("unexpected argument “%s”"), argv[1]);

  if (document == NULL || label == NULL || start == NULL || end == NULL)
    return hearsay_cli_usage_error ("annotate", "%s",
                                    _("--document, --label, --start and --end are required"));
  if (!hearsay_cli_parse_int64 (document, &document_id))
    return hearsay_cli_usage_error ("annotate", _("--document needs a number, not “%s”"), document);
  if (!hearsay_cli_parse_int64 (start, &start_offset))
    return hearsay_cli_usage_error ("annotate", _("--start needs a number, not “%s”"), start);
  if (!hearsay_cli_parse_int64 (end, &end_offset))
    return hearsay_cli_usage_error ("annotate", _("--end needs a number, not “%s”"), end);

  annotation = hearsay_annotation_new (document_id, label);
  hearsay_annotation_add_fragment (annotation, start_offset, end_offset);
  for (guint i = 0; attrs != NULL && attrs[i] != NULL; i++)
    {
      const char *eq = strchr (attrs[i], '=');
      g_autofree char *name = NULL;

      if (eq == NULL || eq == attrs[i])
        return hearsay_cli_usage_error ("annotate",
                                        _("--attr needs NAME=VALUE, not “%s”"), attrs[i]);
      name = g_strndup (attrs[i], eq - attrs[i]);
      hearsay_annotation_add_attribute_value (annotation, name, eq + 1);
    }
  if (note != NULL && *note != '\0')
    hearsay_annotation_set_note (annotation, note);

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  if (annotator != NULL)
    hearsay_project_set_annotator (project, annotator);

  if (!hearsay_project_create_annotation (project, annotation, &error))
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  printf ("%" PRId64 "\n", hearsay_annotation_get_id (annotation));
  return HEARSAY_CLI_EXIT_OK;
}
