/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-inception.c: INCEpTION's formats through hearsay-cli as a script
 * uses them — a WebAnno TSV file imported with its format guessed, exported
 * as webanno-tsv and xmi folders with every loss printed, read back; an
 * offset unit INCEpTION does not read is refused; a bad file names its line
 * and leaves the project as it was. */
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"

static char *
news_fixture (void)
{
  return g_build_filename (SRCDIR, "fixtures", "import", "webanno-tsv", "news.tsv", NULL);
}

static void
test_round_trip (CliTestFixture *f,
                 gconstpointer   data)
{
  g_autofree char *news = news_fixture ();
  g_autofree char *tsv = g_build_filename (f->dir, "out-tsv", NULL);
  g_autofree char *xmi = g_build_filename (f->dir, "out-xmi", NULL);
  g_autofree char *file = g_build_filename (tsv, "annotation", "news", "inception.tsv", NULL);
  g_autofree char *types = g_build_filename (xmi, "TypeSystem.xml", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.hearsay", NULL);

  cli_test_init_project (f, f->project);
  {
    g_auto(CliTestResult) r = RUN (f, "--project", f->project, "import", news);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.err, "documents: 1, annotations: 11"));
    g_assert_nonnull (strstr (r.err, "relations: 2"));
  }
  {
    g_auto(CliTestResult) r = RUN (f, "--project", f->project, "export", "--format", "webanno-tsv", "-o", tsv);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
    g_assert_nonnull (strstr (r.err, "warning: webanno-tsv: the creation and modification times of 11 annotations"));
  }
  {
    g_auto(CliTestResult) r = RUN (f, "--project", f->project, "export", "--format", "xmi", "-o", xmi);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_test (types, G_FILE_TEST_IS_REGULAR));
  }
  cli_test_init_project (f, second);
  {
    g_auto(CliTestResult) r = RUN (f, "--project", second, "import", tsv);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.err, "documents: 1, annotations: 11"));
  }
  {
    g_auto(CliTestResult) r = RUN (f, "--project", second, "import", xmi);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.err, "documents: 1, annotations: 11"));
    g_assert_nonnull (strstr (r.err, "relations: 2"));
  }
}

static void
test_refusals (CliTestFixture *f,
               gconstpointer   data)
{
  g_autofree char *out = g_build_filename (f->dir, "never", NULL);
  g_autofree char *bad = cli_test_write_temp (f, "bad.tsv", "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.S|value\n\n\n"
                                              "#Text=Hello world\n1-1\t0-5\tHello\t_\t\n1-2\t6-11\tWorld\tX\t\n", -1);

  cli_test_init_with_sample (f);
  cli_test_expect_failure (f, 2, WORDS ("UTF-16", "--offsets codepoint"),
                           ARGS ("--project", f->project, "export", "--format", "xmi", "--offsets", "codepoint",
                                 "-o", out));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  cli_test_expect_failure (f, 1, WORDS ("bad.tsv:7:", "“World”"),
                           ARGS ("--project", f->project, "import", "--format", "webanno-tsv", bad));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cli_test_binary = argc > 1 ? argv[1] : g_getenv ("HEARSAY_CLI");
  g_assert_nonnull (cli_test_binary);

#define ADD(name, func) \
  g_test_add (name, CliTestFixture, NULL, cli_test_fixture_setup, func, cli_test_fixture_teardown)
  ADD ("/cli/inception/round-trip", test_round_trip);
  ADD ("/cli/inception/refusals", test_refusals);
  return g_test_run ();
}
