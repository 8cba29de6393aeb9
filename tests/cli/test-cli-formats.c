/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-formats.c: doccano, Label Studio and CoNLL through hearsay-cli
 * as a script uses them: --text-column/--label-column, what is left out
 * said on stderr, doccano's UTF-16 offsets by default and --offsets, the
 * CoNLL export without a comment line unless --comments, and CoNLL read
 * on a text given alongside. */
#include <string.h>

#include <glib.h>

#include "cli-test-util.h"

#define FIRE "\xF0\x9F\x91\xA8\xF0\x9F\x8F\xBB\xE2\x80\x8D\xF0\x9F\x9A\x92"  /* 👨🏻‍🚒 */

/* doccano's own column names, set in its import dialog as column_data and
 * column_label; the offsets are its UI's UTF-16 units (issue #2290). */
static void
test_doccano_columns (CliTestFixture *f,
                      gconstpointer   data)
{
  g_autofree char *file = cli_test_write_temp (f, "cols.jsonl",
                                               "{\"sentence\": \"" FIRE " firemen drive firetrucks\", "
                                               "\"tags\": [[22, 32, \"MISC\"]], \"Comments\": [\"ok\"]}\n", -1);

  cli_test_init_project (f, f->project);
  cli_test_expect_failure (f, 1, WORDS ("cols.jsonl:1:", "--text-column"),
                           ARGS ("--project", f->project, "import", "--format", "doccano", file));
  {
    g_auto(CliTestResult) r = RUN (f, "--project", f->project, "import", "--format", "doccano",
                                   "--text-column", "sentence", "--label-column", "tags", file);
    g_auto(CliTestResult) e = { 0 };

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.err, "annotations: 1"));
    e = RUN (f, "--project", f->project, "export", "--format", "doccano");
    g_assert_cmpint (e.status, ==, 0);
    /* Back in doccano's unit, with the comment. */
    g_assert_nonnull (strstr (e.out, "\"label\": [[22, 32, \"MISC\"]]"));
    g_assert_nonnull (strstr (e.out, "\"Comments\": [\"ok\"]"));
  }
  {
    g_auto(CliTestResult) r = RUN (f, "--project", f->project, "export", "--format", "doccano", "--offsets", "codepoint");

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "\"label\": [[19, 29, \"MISC\"]]"));
    g_assert_nonnull (strstr (r.out, "\"hearsay_offset_unit\": \"codepoint\""));
  }
}

/* A Label Studio export's leftovers are warnings, and the summary counts them. */
static void
test_labelstudio (CliTestFixture *f,
                  gconstpointer   data)
{
  g_autofree char *file = cli_test_write_temp (f, "project-1.json",
    "[{\"id\": 1, \"data\": {\"text\": \"\xF0\x9F\x90\xB1 Warning: This is a test text\"},"
    " \"annotations\": [{\"completed_by\": 1, \"result\": ["
    "{\"id\": \"a\", \"type\": \"labels\", \"from_name\": \"tag\", \"to_name\": \"text\","
    " \"value\": {\"start\": 21, \"end\": 25, \"text\": \"test\", \"labels\": [\"region\"]}},"
    "{\"id\": \"b\", \"type\": \"rectanglelabels\", \"from_name\": \"box\", \"to_name\": \"img\", \"value\": {\"x\": 1}}]}]}]",
    -1);

  cli_test_init_project (f, f->project);
  {
    g_auto(CliTestResult) r = RUN (f, "--project", f->project, "import", file);
    g_auto(CliTestResult) e = { 0 };

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.err, "warning: "));
    g_assert_nonnull (strstr (r.err, "a “rectanglelabels” result is left out"));
    g_assert_nonnull (strstr (r.err, "annotations: 1"));
    g_assert_nonnull (strstr (r.err, "left out: 1"));
    e = RUN (f, "--project", f->project, "export", "--format", "labelstudio");
    g_assert_cmpint (e.status, ==, 0);
    g_assert_nonnull (strstr (e.out, "\"value\": {\"start\": 21, \"end\": 25, \"text\": \"test\", \"labels\": [\"region\"]}"));
    g_assert_nonnull (strstr (e.out, "\"completed_by\": 1,"));
  }
}

/* CoNLL: no comment line unless asked; read back on the text given with it. */
static void
test_conll (CliTestFixture *f,
            gconstpointer   data)
{
  const char *text = "Damas a d\xC3\xA9" "clar\xC3\xA9 \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7.\r\n";
  g_autofree char *txt = cli_test_write_temp (f, "article.txt", text, -1);
  g_autofree char *conll = g_build_filename (f->dir, "out.conll", NULL);
  g_autofree char *project2 = g_build_filename (f->dir, "two.hearsay", NULL);

  cli_test_init_project (f, f->project);
  {
    g_auto(CliTestResult) r = RUN (f, "--project", f->project, "import", txt);

    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(CliTestResult) a = RUN (f, "--project", f->project, "annotate", "--document", "1", "--label",
                                   "source_mention", "--start", "0", "--end", "5");
    g_auto(CliTestResult) e = { 0 };
    g_auto(CliTestResult) c = { 0 };
    g_autofree char *written = NULL;

    g_assert_cmpint (a.status, ==, 0);
    e = RUN (f, "--project", f->project, "export", "--format", "conll", "-o", conll);
    g_assert_cmpint (e.status, ==, 0);
    written = cli_test_read_file (conll);
    g_assert_true (g_str_has_prefix (written, "-DOCSTART-\tO\n\nDamas\tB-source_mention\n"));
    c = RUN (f, "--project", f->project, "export", "--format", "conll", "--comments");
    g_assert_true (g_str_has_prefix (c.out, "# hearsay conll"));
  }
  cli_test_init_project (f, project2);
  {
    g_auto(CliTestResult) r = RUN (f, "--project", project2, "import", "--format", "conll2003", conll, txt);
    g_auto(CliTestResult) l = { 0 };

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.err, "annotations: 1"));
    l = RUN (f, "--project", project2, "export", "--format", "csv");
    g_assert_nonnull (strstr (l.out, "Damas"));
  }
  /* Tokens that are not the text are refused, with the line. */
  {
    g_autofree char *other = cli_test_write_temp (f, "other.txt", "Ailleurs.\n", -1);

    cli_test_expect_failure (f, 1, WORDS ("out.conll:3:", "the token “Damas” is not the text"),
                             ARGS ("--project", project2, "import", "--format", "conll2003", conll, other));
  }
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
  ADD ("/cli/formats/doccano-columns", test_doccano_columns);
  ADD ("/cli/formats/labelstudio", test_labelstudio);
  ADD ("/cli/formats/conll", test_conll);
  return g_test_run ();
}
