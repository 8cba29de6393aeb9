/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-doc.c: `hearsay-cli doc set` — a document's metadata and fields. */
#include "config.h"

#include <string.h>

#include "hearsay-cli-private.h"

static int
doc_set (const HearsayCliGlobals *globals,
         int                      argc,
         char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GStrvBuilder) names_builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  gint64 document_id;
  int status;
  GOptionEntry entries[] = {
    { "document", 0, 0, G_OPTION_ARG_STRING, &document, N_("The document to change"), N_("ID") },
    { NULL }
  };

  context = hearsay_cli_option_context_new ("doc set", _("FIELD=VALUE…"),
                                            _("Set a document's metadata and document-level fields."),
                                            _("Fields: title, outlet, url, published_at (YYYY-MM-DD), "
                                              "language, and the scheme's document fields — genre, "
                                              "frames (several values separated by commas), "
                                              "primary_frame, tone, event. An empty value clears "
                                              "the field."), entries);
  if (!hearsay_cli_parse (context, &argc, &argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (!hearsay_cli_require_id ("doc set", "document", document, &document_id, &status))
    return status;
  if (argc < 2)
    return hearsay_cli_usage_error ("doc set", "%s", _("give at least one FIELD=VALUE"));

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  for (int i = 1; i < argc; i++)
    {
      const char *eq = strchr (argv[i], '=');
      g_autofree char *name = NULL;
      const char *value;

      if (eq == NULL || eq == argv[i])
        return hearsay_cli_usage_error ("doc set", _("expected FIELD=VALUE, not “%s”"), argv[i]);
      name = g_strndup (argv[i], eq - argv[i]);
      value = *(eq + 1) != '\0' ? eq + 1 : NULL;
      if (hearsay_scheme_lookup_document_field (hearsay_project_get_scheme (project), name) != NULL)
        {
          char **split = value ? g_strsplit (value, ",", -1) : NULL;

          for (guint j = 0; split && split[j]; j++)
            g_strstrip (split[j]);
          g_ptr_array_add (values, split);
        }
      else if (g_str_equal (name, "title") || g_str_equal (name, "outlet") || g_str_equal (name, "url") ||
               g_str_equal (name, "published_at") || g_str_equal (name, "language"))
        g_ptr_array_add (values, value ? g_strdupv ((char *[]) { (char *) value, NULL }) : NULL);
      else
        return hearsay_cli_usage_error ("doc set", _("“%s” is not a document field"), name);
      g_strv_builder_add (names_builder, name);
    }
  names = g_strv_builder_end (names_builder);

  /* One edit, read and written in one transaction; the core checks dates
   * and the fields' allowed values. */
  if (!hearsay_project_set_document_values (project, document_id, (const char * const *) names,
                                            (const char * const * const *) values->pdata, &error))
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  return HEARSAY_CLI_EXIT_OK;
}

int
hearsay_cli_doc (const HearsayCliGlobals *globals,
                 int                      argc,
                 char                   **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "set"))
    return doc_set (globals, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n  hearsay-cli [--project FILE] doc set --document ID FIELD=VALUE…\n", _("Usage:"));
      return HEARSAY_CLI_EXIT_OK;
    }
  return hearsay_cli_usage_error ("doc", "%s", _("use “doc set”"));
}
