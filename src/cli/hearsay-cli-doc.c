/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-doc.c: `hearsay-cli doc set` — a document's metadata and fields. */
#include "config.h"

#include <string.h>

#include "hearsay-cli-private.h"

static const char * const metadata[] = { "title", "outlet", "url", "published_at", "language", NULL };

static void
set_metadata (HearsayDocument *doc,
              const char      *name,
              const char      *value)
{
  if (g_str_equal (name, "title"))
    hearsay_document_set_title (doc, value ? value : "");
  else if (g_str_equal (name, "outlet"))
    hearsay_document_set_outlet (doc, value);
  else if (g_str_equal (name, "url"))
    hearsay_document_set_url (doc, value);
  else if (g_str_equal (name, "published_at"))
    hearsay_document_set_published_at (doc, value);
  else
    hearsay_document_set_language (doc, value);
}

static int
doc_set (const HearsayCliGlobals *globals,
         int                      argc,
         char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
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
  doc = hearsay_project_load_document (project, document_id, &error);
  if (doc == NULL)
    {
      hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }

  for (int i = 1; i < argc; i++)
    {
      const char *eq = strchr (argv[i], '=');
      g_autofree char *name = NULL;
      const char *value;

      if (eq == NULL || eq == argv[i])
        return hearsay_cli_usage_error ("doc set", _("expected FIELD=VALUE, not “%s”"), argv[i]);
      name = g_strndup (argv[i], eq - argv[i]);
      value = *(eq + 1) != '\0' ? eq + 1 : NULL;
      if (g_strv_contains (metadata, name))
        set_metadata (doc, name, value);
      else if (hearsay_scheme_lookup_document_field (hearsay_project_get_scheme (project), name) != NULL)
        {
          g_auto(GStrv) values = value ? g_strsplit (value, ",", -1) : NULL;

          for (guint j = 0; values && values[j]; j++)
            g_strstrip (values[j]);
          hearsay_document_set_field (doc, name, (const char * const *) values);
        }
      else
        return hearsay_cli_usage_error ("doc set", _("“%s” is not a document field"), name);
    }

  /* The core checks dates and the fields' allowed values before saving. */
  if (!hearsay_project_update_document (project, doc, &error))
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
