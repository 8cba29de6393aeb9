/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-cli-curate.c: `hearsay-cli curate status|units|accept|accept-agreed|
 * reject|reset` — curating the coders' annotations into the gold layer,
 * with the calls the window's curation view makes. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>

#include "hearsay-cli-private.h"
#include "hearsay-curation.h"
#include "hearsay-project-team.h"

static const char * const multi[] = { "--annotator", "--document", "--unit", NULL };

typedef struct
{
  const char *command;
  char *document;
  char **annotators;
  char **units;
  char *coder;
} CurateOptions;

static void
curate_options_clear (CurateOptions *o)
{
  g_free (o->document);
  g_strfreev (o->annotators);
  g_strfreev (o->units);
  g_free (o->coder);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CurateOptions, curate_options_clear)

static HearsayCuration *
open_curation (HearsayProject  *project,
               CurateOptions   *o,
               int             *status)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) layers = NULL;
  HearsayCuration *curation;
  gint64 id;

  if (!hearsay_cli_require_id (o->command, "document", o->document, &id, status))
    return NULL;
  *status = HEARSAY_CLI_EXIT_BAD_INPUT;
  if (!hearsay_cli_layers (project, o->annotators, FALSE, &layers))
    return NULL;
  curation = hearsay_curation_new (project, id, (const char * const *) layers, &error);
  if (curation == NULL)
    hearsay_cli_print_error (error);
  return curation;
}

/* The units named by --unit N… (1-based, as `curate units` numbers them). */
static GArray *
chosen_units (HearsayCuration *curation,
              CurateOptions   *o,
              int             *status)
{
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; o->units != NULL && o->units[i] != NULL; i++)
    {
      gint64 n;

      if (!hearsay_cli_require_id (o->command, "unit", o->units[i], &n, status))
        return NULL;
      if ((guint64) n > hearsay_curation_get_n_units (curation))
        {
          hearsay_cli_printerr (_("document %" PRId64 " has %u units to curate, not %" PRId64),
                                hearsay_curation_get_document (curation), hearsay_curation_get_n_units (curation), n);
          *status = HEARSAY_CLI_EXIT_BAD_INPUT;
          return NULL;
        }
      g_array_append_val (units, (guint) { n - 1 });
    }
  return g_steal_pointer (&units);
}

static char *
version_text (HearsayCuration              *curation,
              const HearsayCurationVersion *v)
{
  return g_strdup_printf ("%s: %s [%" PRId64 ", %" PRId64 ")%s%s%s",
                          hearsay_curation_get_coder (curation, v->coder), v->label, v->start, v->end,
                          v->values ? " " : "", v->values ? v->values : "", v->rejected ? _(" (rejected)") : "");
}

static void
print_progress (const HearsayCurationProgress *p,
                const char                    *title)
{
  printf ("%" PRId64 "\t%s\t%u\t%u\t%u\t%u\t%u\n", p->document_id, title ? title : "", p->n_units,
          p->n_accepted + p->n_rejected, p->n_agreed + p->n_disagreed, p->n_agreed, p->n_disagreed);
}

static int
curate_status (HearsayProject          *project,
               CurateOptions           *o,
               GArray                  *ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) progress = NULL;
  g_autoptr(GPtrArray) documents = hearsay_project_list_documents (project, &error);
  g_auto(GStrv) layers = NULL;
  HearsayCurationProgress total = { 0 };

  if (documents == NULL || !hearsay_cli_layers (project, o->annotators, FALSE, &layers) ||
      (progress = hearsay_curation_list_progress (project, ids->len > 0 ? (const gint64 *) ids->data : NULL,
                                                  ids->len, (const char * const *) layers, &error)) == NULL)
    {
      if (error != NULL)
        hearsay_cli_print_error (error);
      return HEARSAY_CLI_EXIT_BAD_INPUT;
    }
  for (guint i = 0; i < progress->len; i++)
    {
      const HearsayCurationProgress *p = &g_array_index (progress, HearsayCurationProgress, i);
      const char *title = NULL;

      for (guint k = 0; k < documents->len && title == NULL; k++)
        if (hearsay_document_get_id (g_ptr_array_index (documents, k)) == p->document_id)
          title = hearsay_document_get_title (g_ptr_array_index (documents, k));
      print_progress (p, title);
      total.n_units += p->n_units;
      total.n_agreed += p->n_agreed;
      total.n_disagreed += p->n_disagreed;
      total.n_accepted += p->n_accepted;
      total.n_rejected += p->n_rejected;
    }
  /* TRANSLATORS: the last line of `curate status` */
  printf ("%s\t%s\t%u\t%u\t%u\t%u\t%u\n", _("all"), "", total.n_units, total.n_accepted + total.n_rejected,
          total.n_agreed + total.n_disagreed, total.n_agreed, total.n_disagreed);
  return HEARSAY_CLI_EXIT_OK;
}

static int
curate_units (HearsayCuration *curation)
{
  for (guint u = 0; u < hearsay_curation_get_n_units (curation); u++)
    {
      const HearsayCurationUnit *unit = hearsay_curation_get_unit (curation, u);

      printf ("%u\t%s\t%" PRId64 "\t%" PRId64, u + 1,
              hearsay_curation_state_to_string (unit->state), unit->start, unit->end);
      for (guint k = 0; k < unit->n_versions; k++)
        {
          g_autofree char *text = version_text (curation, &unit->versions[k]);

          printf ("\t%s", text);
        }
      if (unit->gold_id != 0)
        printf ("\t%s: %s%s%s", hearsay_curation_get_gold_coder (curation), unit->gold_label,
                unit->gold_values && *unit->gold_values ? " " : "", unit->gold_values ? unit->gold_values : "");
      printf ("\n");
    }
  return HEARSAY_CLI_EXIT_OK;
}

static int
print_document_progress (HearsayCuration *curation)
{
  HearsayCurationProgress progress;

  hearsay_curation_get_progress (curation, &progress);
  /* TRANSLATORS: after a curation command */
  printf (_("document %" PRId64 ": %u units, %u curated, %u left (%u agreed, %u disagreed)\n"),
          progress.document_id, progress.n_units, progress.n_accepted + progress.n_rejected,
          progress.n_agreed + progress.n_disagreed, progress.n_agreed, progress.n_disagreed);
  return HEARSAY_CLI_EXIT_OK;
}

int
hearsay_cli_curate (const HearsayCliGlobals *globals,
                    int                      argc,
                    char                   **argv)
{
  static const char * const verbs[] = { "status", "units", "accept", "accept-agreed", "reject", "reset", NULL };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayCuration) curation = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) units = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) documents = NULL;
  g_auto(HearsayCliArgs) args = { NULL };
  g_auto(CurateOptions) o = { NULL };
  g_autofree char *command = NULL;
  const char *verb;
  int status;
  GOptionEntry entries[] = {
    { "document", 0, 0, G_OPTION_ARG_STRING_ARRAY, &documents, N_("The document (status: these documents)"),
      N_("ID") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.annotators,
      N_("These coders (default: every coder who annotated the document)"), N_("NAME") },
    { "coder", 0, 0, G_OPTION_ARG_STRING, &o.coder, N_("accept: whose version"), N_("NAME") },
    { "unit", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.units,
      N_("The units, numbered as `curate units` lists them (accept: default every unit the coder has a "
         "version of)"), N_("N") },
    { NULL }
  };

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n"
               "  hearsay-cli [--project FILE] curate status [--document ID…] [--annotator NAME…]\n"
               "  hearsay-cli [--project FILE] curate units --document ID [--annotator NAME…]\n"
               "  hearsay-cli [--project FILE] curate accept-agreed --document ID\n"
               "  hearsay-cli [--project FILE] curate accept --document ID --coder NAME [--unit N…]\n"
               "  hearsay-cli [--project FILE] curate reject --document ID --unit N…\n"
               "  hearsay-cli [--project FILE] curate reset --document ID --unit N…\n",
               _("Usage:"));
      return HEARSAY_CLI_EXIT_OK;
    }
  if (argc < 2 || !g_strv_contains (verbs, argv[1]))
    return hearsay_cli_usage_error ("curate", "%s", _("use “curate status”, “units”, “accept”, “accept-agreed”, "
                                                      "“reject” or “reset”"));
  verb = argv[1];
  command = g_strdup_printf ("curate %s", verb);
  o.command = command;
  hearsay_cli_args_init (&args, argc - 1, argv + 1, multi);
  context = hearsay_cli_option_context_new (command, "",
                                            _("Curate the coders' annotations of a document into its gold layer."),
                                            _("status prints one line per document: id, title, units, curated, "
                                              "left, of which agreed and disagreed, separated by tabs, then the "
                                              "totals. units lists a document's units: number, state "
                                              "(agreed, disagreed, accepted, rejected), span and each coder's "
                                              "version. accept writes a coder's version into the gold layer "
                                              "(replacing the unit's gold one), accept-agreed every agreed unit, "
                                              "reject leaves units out of the gold layer, reset undecides them; "
                                              "each is one edit that `hearsay-cli undo` takes back."), entries);
  if (!hearsay_cli_parse (context, &args.argc, &args.argv))
    return HEARSAY_CLI_EXIT_USAGE;
  if (args.argc > 1)
    return hearsay_cli_usage_error (command, _("unexpected argument “%s”"), args.argv[1]);
  if (!hearsay_cli_document_ids (command, documents, ids, &status))
    return status;
  if (!g_str_equal (verb, "status") && ids->len != 1)
    return hearsay_cli_usage_error (command, "%s", _("give one --document"));
  if (g_str_equal (verb, "accept") && o.coder == NULL)
    return hearsay_cli_usage_error (command, "%s", _("--coder is required"));
  if ((g_str_equal (verb, "reject") || g_str_equal (verb, "reset")) && o.units == NULL)
    return hearsay_cli_usage_error (command, "%s", _("--unit is required"));
  if (ids->len == 1)
    o.document = g_strdup_printf ("%" PRId64, g_array_index (ids, gint64, 0));

  project = hearsay_cli_open_project (globals);
  if (project == NULL)
    return HEARSAY_CLI_EXIT_BAD_INPUT;
  if (g_str_equal (verb, "status"))
    return curate_status (project, &o, ids);
  if ((curation = open_curation (project, &o, &status)) == NULL || (units = chosen_units (curation, &o, &status)) == NULL)
    return status;
  if (g_str_equal (verb, "units"))
    return curate_units (curation);

  if (g_str_equal (verb, "accept-agreed"))
    {
      guint n = 0;

      if (!hearsay_curation_accept_agreed (curation, &n, &error))
        goto fail;
    }
  else if (g_str_equal (verb, "accept"))
    {
      int coder = hearsay_curation_find_coder (curation, o.coder);
      guint accepted = 0;

      if (coder < 0)
        {
          hearsay_cli_printerr (_("“%s” is not a coder of document %" PRId64), o.coder,
                                hearsay_curation_get_document (curation));
          return HEARSAY_CLI_EXIT_BAD_INPUT;
        }
      /* Without --unit: every unit the coder has a version of. */
      if (units->len == 0)
        for (guint u = 0; u < hearsay_curation_get_n_units (curation); u++)
          {
            const HearsayCurationUnit *unit = hearsay_curation_get_unit (curation, u);

            for (guint k = 0; k < unit->n_versions; k++)
              if (unit->versions[k].coder == coder)
                g_array_append_val (units, u);
          }
      /* One edit per unit; each unit is found again by the coder's
       * annotation, as an edit realigns the document. */
      {
        g_autoptr(GArray) versions = g_array_new (FALSE, FALSE, sizeof (gint64));

        for (guint i = 0; i < units->len; i++)
          {
            const HearsayCurationUnit *unit = hearsay_curation_get_unit (curation, g_array_index (units, guint, i));
            gint64 id = 0;

            for (guint k = 0; k < unit->n_versions; k++)
              if (unit->versions[k].coder == coder)
                id = unit->versions[k].annotation_id;
            if (id == 0)
              {
                hearsay_cli_printerr (_("%s has no version of unit %u of document %" PRId64), o.coder,
                                      g_array_index (units, guint, i) + 1, hearsay_curation_get_document (curation));
                return HEARSAY_CLI_EXIT_BAD_INPUT;
              }
            g_array_append_val (versions, id);
          }
        for (guint i = 0; i < versions->len; i++, accepted++)
          if (!hearsay_curation_accept (curation,
                                        hearsay_curation_find_unit (curation, g_array_index (versions, gint64, i)),
                                        coder, &error))
            goto fail;
      }
      if (accepted == 0)
        {
          hearsay_cli_printerr (_("%s has no version of any unit of document %" PRId64), o.coder,
                                hearsay_curation_get_document (curation));
          return HEARSAY_CLI_EXIT_BAD_INPUT;
        }
    }
  else
    for (guint i = 0; i < units->len; i++)
      if (!(g_str_equal (verb, "reject") ? hearsay_curation_reject (curation, g_array_index (units, guint, i), &error)
                                         : hearsay_curation_reset (curation, g_array_index (units, guint, i), &error)))
        goto fail;
  return print_document_progress (curation);

fail:
  hearsay_cli_print_error (error);
  return HEARSAY_CLI_EXIT_BAD_INPUT;
}
