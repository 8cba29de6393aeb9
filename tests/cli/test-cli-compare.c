/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-compare.c: `hearsay-cli event`, `compare` and `search` on the
 * invented multi-outlet event of tests/core/core-test-compare-fixture.c. */
#include "config.h"

#include <string.h>

#include "cli-test-util.h"
#include "hearsay-compare.h"
#include "core-test-compare-fixture.h"

static CoreTestCompareFixture
build (CliTestFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (f->project, &error);
  CoreTestCompareFixture fx;

  g_assert_no_error (error);
  core_test_compare_fixture_build (project, &fx);
  return fx;
}

static char *
core_json (CliTestFixture    *f,
           gint64      event_id,
           const char *section)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_open (f->project, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_autoptr(HearsayComparison) c = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_no_error (error);
  c = hearsay_comparison_new_for_event (project, event_id, &error);
  g_assert_no_error (error);
  g_assert_true (hearsay_comparison_write (c, HEARSAY_COMPARISON_FORMAT_JSON, section, out, &error));
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_events (CliTestFixture       *f,
             gconstpointer  data)
{
  CoreTestCompareFixture fx = build (f);
  g_autofree char *rt = g_strdup_printf ("%" G_GINT64_FORMAT, fx.rt);
  g_autofree char *afp = g_strdup_printf ("%" G_GINT64_FORMAT, fx.afp);
  g_autofree char *expected = NULL;
  g_autofree char *id = NULL;
  g_auto(CliTestResult) r = RUN (f, "--project", f->project, "event", "create", "--name", "Aftermath",
                          "--date", "2017-11-05");
  g_auto(CliTestResult) list = { 0 };
  g_auto(CliTestResult) add = { 0 };
  g_auto(CliTestResult) suggest = { 0 };
  g_auto(CliTestResult) help = { 0 };

  g_assert_cmpint (r.status, ==, 0);
  id = g_strstrip (g_strdup (r.out));
  g_assert_cmpstr (id, ==, "2");

  add = RUN (f, "--project", f->project, "event", "add", "--event", id, "--document", rt, "--document", afp);
  g_assert_cmpint (add.status, ==, 0);
  list = RUN (f, "--project", f->project, "event", "list");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.out, ==, "1\t2017-11-03\tDeir ez-Zor retaken\t2\n2\t2017-11-05\tAftermath\t2\n");

  /* The event of 2017-11-03 keeps Reuters and the outletless page; RT and
   * AFP (in "Aftermath") are suggested back by date or shared entities. */
  suggest = RUN (f, "--project", f->project, "event", "suggest", "--event", "1");
  g_assert_cmpint (suggest.status, ==, 0);
  expected = g_strdup_printf ("%s\tRT\n", rt);
  g_assert_nonnull (strstr (suggest.out, expected));

  help = RUN (f, "event", "add", "--help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--document"));

  cli_test_expect_failure (f, 2, WORDS ("--date"), ARGS ("--project", f->project, "event", "create",
                                                 "--name", "X", "--date", "3 November"));
  cli_test_expect_failure (f, 2, WORDS ("--event"), ARGS ("--project", f->project, "event", "add", "--document", rt));
  cli_test_expect_failure (f, 1, WORDS ("event"), ARGS ("--project", f->project, "event", "add", "--event", "99",
                                                "--document", rt));
  cli_test_expect_failure (f, 2, WORDS ("event create"), ARGS ("--project", f->project, "event", "frobnicate"));
}

static void
test_compare (CliTestFixture       *f,
              gconstpointer  data)
{
  CoreTestCompareFixture fx = build (f);
  g_autofree char *event = g_strdup_printf ("%" G_GINT64_FORMAT, fx.event_id);
  g_autofree char *rt = g_strdup_printf ("%" G_GINT64_FORMAT, fx.rt);
  g_autofree char *json = core_json (f, fx.event_id, NULL);
  g_autofree char *naming = core_json (f, fx.event_id, "naming");
  g_autofree char *html = g_build_filename (f->dir, "report.html", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "charts", NULL);
  g_autofree char *chains = g_build_filename (svg, "chains.svg", NULL);
  g_autofree char *report = NULL;
  g_auto(CliTestResult) r = RUN (f, "--project", f->project, "compare", "--event", event, "--format", "json");
  g_auto(CliTestResult) one = { 0 };
  g_auto(CliTestResult) md = { 0 };
  g_auto(CliTestResult) csv = { 0 };
  g_auto(CliTestResult) docs = { 0 };

  /* The CLI prints what the core computes. */
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, json);
  one = RUN (f, "--project", f->project, "compare", "--event", event, "--format", "json", "--section", "naming");
  g_assert_cmpstr (one.out, ==, naming);

  md = RUN (f, "--project", f->project, "compare", "--event", event, "--html", html, "--svg", svg);
  g_assert_cmpint (md.status, ==, 0);
  g_assert_nonnull (strstr (md.out, "## Attribution\n"));
  g_assert_nonnull (strstr (md.out, "| Claims per 1,000 words |"));
  g_assert_nonnull (strstr (md.out, "117.65 (2/17)"));
  report = cli_test_read_file (html);
  g_assert_true (g_str_has_prefix (report, "<!DOCTYPE html>"));
  g_assert_null (strstr (report, "http"));
  g_assert_true (g_file_test (chains, G_FILE_TEST_IS_REGULAR));

  csv = RUN (f, "--project", f->project, "compare", "--event", event, "--format", "csv", "--section", "size");
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "section,row,column,value,numerator,denominator,text,row_name\r\n"));
  g_assert_nonnull (strstr (csv.out, "size,words,RT,17,17,,17,Words (without boilerplate)\r\n"));

  docs = RUN (f, "--project", f->project, "compare", "--document", rt, "--section", "size");
  g_assert_cmpint (docs.status, ==, 0);
  g_assert_nonnull (strstr (docs.out, "| Metric | RT |"));

  cli_test_expect_failure (f, 2, WORDS ("--event", "--document"), ARGS ("--project", f->project, "compare"));
  cli_test_expect_failure (f, 2, WORDS ("format"), ARGS ("--project", f->project, "compare", "--event", event,
                                                "--format", "xml"));
  cli_test_expect_failure (f, 2, WORDS ("section"), ARGS ("--project", f->project, "compare", "--event", event,
                                                 "--section", "everything"));
  cli_test_expect_failure (f, 1, WORDS ("document 4242"), ARGS ("--project", f->project, "compare",
                                                        "--document", "4242"));
}

/* In French, the rows show the scheme's translated names; CSV keeps the ids. */
static void
test_translated (CliTestFixture       *f,
                 gconstpointer  data)
{
  CoreTestCompareFixture fx = build (f);
  g_autofree char *event = g_strdup_printf ("%" G_GINT64_FORMAT, fx.event_id);
  g_autofree char *mo = g_build_filename (PO_BUILDDIR, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_auto(CliTestResult) md = { 0 };
  g_auto(CliTestResult) csv = { 0 };

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the French translation is not built");
      return;
    }
  f->envp = g_environ_setenv (f->envp, "HEARSAY_LOCALEDIR", PO_BUILDDIR, TRUE);
  f->envp = g_environ_setenv (f->envp, "LANGUAGE", "fr", TRUE);
  md = RUN (f, "--project", f->project, "compare", "--event", event, "--section", "sources");
  g_assert_cmpint (md.status, ==, 0);
  g_assert_nonnull (strstr (md.out, "## Qui parle\n"));
  g_assert_nonnull (strstr (md.out, "| Agence de presse d’État | 0 (0/1) | 1 (1/2) |"));
  g_assert_nonnull (strstr (md.out, "| (sans entité) | 0 (0/1) | 1 (1/2) |"));
  g_assert_null (strstr (md.out, "state_news_agency"));
  csv = RUN (f, "--project", f->project, "compare", "--event", event, "--section", "persuasion", "--format", "csv");
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_nonnull (strstr (csv.out, ",loaded_language,RT,"));
  g_assert_nonnull (strstr (csv.out, ",Langage connoté\r\n"));
}

static void
test_search (CliTestFixture       *f,
             gconstpointer  data)
{
  CoreTestCompareFixture fx = build (f);
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT "\t", fx.reuters);
  g_auto(CliTestResult) r = RUN (f, "--project", f->project, "search", "militants");
  g_auto(CliTestResult) prefix = { 0 };
  g_auto(GStrv) prefix_lines = NULL;

  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, expected));
  g_assert_nonnull (strstr (r.out, "[militants]"));
  g_assert_cmpuint (strlen (r.out) - strlen (strchr (r.out, '\n') + 1), >, 0);
  prefix = RUN (f, "--project", f->project, "search", "Deir*");
  g_assert_cmpint (prefix.status, ==, 0);
  prefix_lines = g_strsplit (prefix.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (prefix_lines), >=, 4);

  cli_test_expect_failure (f, 1, WORDS ("not valid"), ARGS ("--project", f->project, "search", "\"unbalanced"));
  cli_test_expect_failure (f, 2, WORDS ("QUERY"), ARGS ("--project", f->project, "search"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cli_test_binary = argc > 1 ? argv[1] : g_getenv ("HEARSAY_CLI");
  if (cli_test_binary == NULL)
    {
      g_printerr ("usage: %s PATH-TO-hearsay-cli\n", argv[0]);
      return 2;
    }

#define ADD(path, func) g_test_add (path, CliTestFixture, NULL, cli_test_fixture_setup, func, cli_test_fixture_teardown)
  ADD ("/cli/compare/events", test_events);
  ADD ("/cli/compare/compare", test_compare);
  ADD ("/cli/compare/translated", test_translated);
  ADD ("/cli/compare/search", test_search);
#undef ADD

  return g_test_run ();
}
