/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-team.c: team annotation through `hearsay-cli` as a script runs it
 * — coders, layers on export, list and compare, blind copies and merging
 * them back (and every refusal, with the project byte for byte as it was),
 * agreement in each format and its cases without a number, curation into
 * the gold layer and its undo. */
#include <string.h>
#include <sqlite3.h>

#include "cli-test-util.h"

static char *sample_text;

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
annotate (CliTestFixture *f,
          const char     *project,
          const char     *coder,
          const char     *label,
          const char     *needle,
          const char     *attr)
{
  gint64 start = cli_test_cp_offset (sample_text, needle);
  g_autofree char *s = g_strdup_printf ("%" G_GINT64_FORMAT, start);
  g_autofree char *e = g_strdup_printf ("%" G_GINT64_FORMAT, start + g_utf8_strlen (needle, -1));
  g_auto(CliTestResult) r = { 0 };

  if (coder != NULL && attr != NULL)
    r = RUN (f, "--project", project, "annotate", "--annotator", coder, "--document", "1", "--label", label,
             "--start", s, "--end", e, "--attr", attr);
  else if (coder != NULL)
    r = RUN (f, "--project", project, "annotate", "--annotator", coder, "--document", "1", "--label", label,
             "--start", s, "--end", e);
  else
    r = RUN (f, "--project", project, "annotate", "--document", "1", "--label", label, "--start", s, "--end", e);
  if (r.status != 0)
    g_error ("annotate: %s", r.err);
}

/* The sample, coded by ana and ben: one claim alike but for its status,
 * one source mention each of different length, one claim ben alone saw. */
static void
build (CliTestFixture *f)
{
  cli_test_init_with_sample (f);
  annotate (f, f->project, "ana", "claim", "Daesh avait été chassée de la ville de Deir ez-Zor", "status=unverified");
  annotate (f, f->project, "ben", "claim", "Daesh avait été chassée de la ville de Deir ez-Zor", "status=disputed");
  annotate (f, f->project, "ana", "source_mention", "une source militaire", "identification=anonymous");
  annotate (f, f->project, "ben", "source_mention", "source militaire", "identification=anonymous");
  annotate (f, f->project, "ben", "claim", "les experts de déminages s’attellent à sécuriser la zone", NULL);
  annotate (f, f->project, "ana", "attribution_cue", "a fait savoir", NULL);
  annotate (f, f->project, "ben", "attribution_cue", "a fait savoir", NULL);
}

static void
test_coders (CliTestFixture *f,
             gconstpointer   data)
{
  g_auto(CliTestResult) list = { 0 };
  g_auto(CliTestResult) add = { 0 };
  g_auto(CliTestResult) rename = { 0 };
  g_auto(CliTestResult) color = { 0 };
  g_auto(CliTestResult) again = { 0 };
  g_auto(CliTestResult) help = { 0 };

  build (f);
  list = RUN (f, "--project", f->project, "coders", "list");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "ana\tcoder\t#"));
  g_assert_nonnull (strstr (list.out, "\t3\n"));
  g_assert_nonnull (strstr (list.out, "importer\tauto\t"));
  add = RUN (f, "--project", f->project, "coders", "add", "cleo", "--color", "#123abc");
  g_assert_cmpint (add.status, ==, 0);
  rename = RUN (f, "--project", f->project, "coders", "rename", "ben", "benoît");
  g_assert_cmpint (rename.status, ==, 0);
  color = RUN (f, "--project", f->project, "coders", "color", "ana", "#aa0011");
  g_assert_cmpint (color.status, ==, 0);
  again = RUN (f, "--project", f->project, "coders", "list");
  g_assert_nonnull (strstr (again.out, "ana\tcoder\t#aa0011\t3\n"));
  g_assert_nonnull (strstr (again.out, "benoît\tcoder\t"));
  g_assert_nonnull (strstr (again.out, "cleo\tcoder\t#123abc\t0\n"));
  help = RUN (f, "coders", "--help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "coders rename"));

  cli_test_expect_failure (f, 1, WORDS ("“ana”"), ARGS ("--project", f->project, "coders", "add", "ana"));
  cli_test_expect_failure (f, 1, WORDS ("#rrggbb"), ARGS ("--project", f->project, "coders", "color", "ana", "red"));
  cli_test_expect_failure (f, 1, WORDS ("“zed”"), ARGS ("--project", f->project, "coders", "rename", "zed", "z"));
  cli_test_expect_failure (f, 2, WORDS ("coders add"), ARGS ("--project", f->project, "coders", "add"));
  cli_test_expect_failure (f, 2, WORDS ("coders list"), ARGS ("--project", f->project, "coders", "frobnicate"));
}

static void
test_layers (CliTestFixture *f,
             gconstpointer   data)
{
  g_autofree char *ana_csv = g_build_filename (f->dir, "ana.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(CliTestResult) list = { 0 };
  g_auto(CliTestResult) both = { 0 };
  g_auto(CliTestResult) export = { 0 };
  g_auto(CliTestResult) jsonl = { 0 };
  g_auto(CliTestResult) compare = { 0 };
  g_auto(CliTestResult) reliability = { 0 };

  build (f);
  list = RUN (f, "--project", f->project, "list", "--annotator", "ana");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (g_str_has_suffix (list.out, "\t3\n"));
  both = RUN (f, "--project", f->project, "list", "--annotator", "ana", "ben");
  g_assert_true (g_str_has_suffix (both.out, "\t7\n"));

  export = RUN (f, "--project", f->project, "export", "--format", "csv", "--annotator", "ana", "-o", ana_csv);
  g_assert_cmpint (export.status, ==, 0);
  csv = cli_test_read_file (ana_csv);
  g_assert_nonnull (strstr (csv, ",ana,"));
  g_assert_null (strstr (csv, ",ben,"));
  g_assert_null (strstr (csv, ",importer,"));
  jsonl = RUN (f, "--project", f->project, "export", "--format", "jsonl", "--annotator", "ben", "--document", "1");
  g_assert_cmpint (jsonl.status, ==, 0);
  g_assert_null (strstr (jsonl.out, "\"annotator\":\"ana\""));

  compare = RUN (f, "--project", f->project, "compare", "--document", "1", "--annotator", "ben",
                 "--section", "attribution", "--format", "csv");
  g_assert_cmpint (compare.status, ==, 0);
  g_assert_nonnull (strstr (compare.out, "attribution,claims,RT en français,2,"));
  reliability = RUN (f, "--project", f->project, "compare", "--document", "1", "--reliability", "--format", "csv");
  g_assert_cmpint (reliability.status, ==, 0);
  g_assert_true (g_str_has_prefix (reliability.out, "section,row,row_name,alpha,max_difference,note,ana: RT"));
  g_assert_null (strstr (reliability.out, "nan"));

  cli_test_expect_failure (f, 1, WORDS ("“zed”"), ARGS ("--project", f->project, "export", "--format", "csv",
                                                       "--annotator", "zed"));
  cli_test_expect_failure (f, 1, WORDS ("gold layer"), ARGS ("--project", f->project, "list", "--gold"));
  cli_test_expect_failure (f, 2, WORDS ("one layer"), ARGS ("--project", f->project, "compare", "--document", "1",
                                                           "--annotator", "ana", "ben"));
  cli_test_expect_failure (f, 1, WORDS ("two coders", "ana"),
                           ARGS ("--project", f->project, "compare", "--document", "1", "--reliability",
                                 "--annotator", "ana"));
}

static void
test_copies_and_merge (CliTestFixture *f,
                       gconstpointer   data)
{
  g_autofree char *dir = g_build_filename (f->dir, "copies", NULL);
  g_autofree char *ana = g_build_filename (dir, "project-ana.hearsay", NULL);
  g_autofree char *ben = g_build_filename (dir, "project-ben.hearsay", NULL);
  g_autofree char *expected = g_strdup_printf ("%s\n%s\n", ana, ben);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(CliTestResult) prepare = { 0 };
  g_auto(CliTestResult) copy_list = { 0 };
  g_auto(CliTestResult) merged = { 0 };
  g_auto(CliTestResult) again = { 0 };
  g_auto(CliTestResult) list = { 0 };

  build (f);
  prepare = RUN (f, "--project", f->project, "team", "prepare-copies", "--coder", "ana", "ben", "-o", dir);
  g_assert_cmpint (prepare.status, ==, 0);
  g_assert_cmpstr (prepare.out, ==, expected);
  /* ana's copy: her layer and the importer's furniture only. */
  copy_list = RUN (f, "--project", ana, "coders", "list");
  g_assert_null (strstr (copy_list.out, "ben"));
  annotate (f, ana, NULL, "claim", "les opérations continueraient", "status=unverified");
  cli_test_expect_failure (f, 1, WORDS ("blind"), ARGS ("--project", ana, "annotate", "--annotator", "ben",
                                                       "--document", "1", "--label", "claim",
                                                       "--start", "0", "--end", "5"));

  merged = RUN (f, "--project", f->project, "team", "merge", ana, ben);
  g_assert_cmpint (merged.status, ==, 0);
  g_assert_nonnull (strstr (merged.out, "(ana): 0 documents added, 1 annotations added, 0 changed, 0 deleted"));
  g_assert_nonnull (strstr (merged.out, "(ben): 0 documents added, 0 annotations added"));
  list = RUN (f, "--project", f->project, "list", "--annotator", "ana");
  g_assert_true (g_str_has_suffix (list.out, "\t4\n"));
  /* Merging again adds nothing and writes nothing. */
  before = cli_test_sha256_of_file (f->project);
  again = RUN (f, "--project", f->project, "team", "merge", ana, ben);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "(ana): 0 documents added, 0 annotations added, 0 changed, 0 deleted"));
  after = cli_test_sha256_of_file (f->project);
  g_assert_cmpstr (before, ==, after);

  /* A copy is never replaced. */
  cli_test_expect_failure (f, 1, WORDS (ana, "exists"),
                           ARGS ("--project", f->project, "team", "prepare-copies", "--coder", "ana", "-o", dir));
  cli_test_expect_failure (f, 2, WORDS ("--coder"),
                           ARGS ("--project", f->project, "team", "prepare-copies", "-o", dir));
}

static char *
copy_of (CliTestFixture *f,
         const char     *from,
         const char     *name)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  char *to = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_get_contents (from, &data, &length, NULL));
  g_assert_true (g_file_set_contents (to, data, length, NULL));
  return to;
}

static void
test_merge_refusals (CliTestFixture *f,
                     gconstpointer   data)
{
  g_autofree char *dir = g_build_filename (f->dir, "copies", NULL);
  g_autofree char *ana = g_build_filename (dir, "project-ana.hearsay", NULL);
  g_autofree char *ben = g_build_filename (dir, "project-ben.hearsay", NULL);
  g_autofree char *newer = NULL, *scheme = NULL, *text = NULL, *twice = NULL, *plain = NULL;
  g_auto(CliTestResult) prepare = { 0 };

  build (f);
  prepare = RUN (f, "--project", f->project, "team", "prepare-copies", "--coder", "ana", "ben", "-o", dir);
  g_assert_cmpint (prepare.status, ==, 0);
  newer = copy_of (f, ana, "newer.hearsay");
  scheme = copy_of (f, ana, "scheme.hearsay");
  text = copy_of (f, ben, "text.hearsay");
  twice = copy_of (f, ana, "ana-twice.hearsay");
  plain = g_build_filename (f->dir, "plain.hearsay", NULL);
  raw_exec (newer, "PRAGMA user_version = 42;");
  raw_exec (scheme, "UPDATE scheme SET json = replace (json, '\"frame_cue\"', '\"frame_marker\"');");
  raw_exec (text, "UPDATE document SET text = 'Un autre texte.', sha256 = "
            "'0000000000000000000000000000000000000000000000000000000000000000';");
  cli_test_init_project (f, plain);

  cli_test_expect_failure (f, 1, WORDS (newer, "newer version"),
                           ARGS ("--project", f->project, "team", "merge", newer));
  cli_test_expect_failure (f, 1, WORDS (scheme, "scheme", "“frame_cue”", "“frame_marker”"),
                           ARGS ("--project", f->project, "team", "merge", ben, scheme));
  cli_test_expect_failure (f, 1, WORDS (text, "another text", cli_test_sample_title),
                           ARGS ("--project", f->project, "team", "merge", text));
  cli_test_expect_failure (f, 1, WORDS (ana, twice, "“ana”"),
                           ARGS ("--project", f->project, "team", "merge", ana, twice));
  cli_test_expect_failure (f, 1, WORDS (plain, "not a coder"),
                           ARGS ("--project", f->project, "team", "merge", plain));
  cli_test_expect_failure (f, 2, WORDS ("team merge"), ARGS ("--project", f->project, "team", "merge"));
}

static void
test_agreement (CliTestFixture *f,
                gconstpointer   data)
{
  g_auto(CliTestResult) md = { 0 };
  g_auto(CliTestResult) csv = { 0 };
  g_auto(CliTestResult) json = { 0 };
  g_auto(CliTestResult) nobody = { 0 };
  g_auto(CliTestResult) status = { 0 };
  g_autofree char *lower = NULL;

  build (f);
  md = RUN (f, "--project", f->project, "agreement");
  g_assert_cmpint (md.status, ==, 0);
  g_assert_true (g_str_has_prefix (md.out, "# Inter-coder agreement\n\nCoders: ana, ben. Documents: 1."));
  g_assert_nonnull (strstr (md.out, "## Unitizing: Krippendorff’s αU"));
  g_assert_nonnull (strstr (md.out, "| claim.status |"));
  g_assert_nonnull (strstr (md.out, "## Disagreements (3)"));
  /* ana and ben: 3 and 4 spans, 3 overlapping one another one to one. */
  csv = RUN (f, "--project", f->project, "agreement", "--format", "csv", "--document", "1");
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_nonnull (strstr (csv.out, "all,,,span_overlap,ana,ben,0.8571428571,0.75,1,"));
  g_assert_nonnull (strstr (csv.out, "all,source_mention,identification,percent,,,1,"));
  json = RUN (f, "--project", f->project, "agreement", "--format", "json", "--outlet", "RT en français",
              "--annotator", "ana", "ben", "--match", "exact", "--per-document");
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (g_str_has_prefix (json.out, "{\"coders\":[{\"name\":\"ana\""));
  /* A label nobody used: figures without a number, none NaN. */
  nobody = RUN (f, "--project", f->project, "agreement", "--format", "csv", "--label", "persuasion");
  g_assert_cmpint (nobody.status, ==, 0);
  g_assert_nonnull (strstr (nobody.out, "nobody marked anything here"));
  lower = g_ascii_strdown (nobody.out, -1);
  g_assert_null (strstr (lower, "nan"));

  cli_test_expect_failure (f, 1, WORDS ("two coders", "ana"),
                           ARGS ("--project", f->project, "agreement", "--annotator", "ana"));
  cli_test_expect_failure (f, 1, WORDS ("“zed”"), ARGS ("--project", f->project, "agreement", "--annotator", "ana", "zed"));
  cli_test_expect_failure (f, 1, WORDS ("“rumour”"), ARGS ("--project", f->project, "agreement", "--label", "rumour"));
  cli_test_expect_failure (f, 1, WORDS ("event"), ARGS ("--project", f->project, "agreement", "--event", "9"));
  cli_test_expect_failure (f, 1, WORDS ("gold layer"), ARGS ("--project", f->project, "agreement", "--gold"));
  cli_test_expect_failure (f, 2, WORDS ("one of"), ARGS ("--project", f->project, "agreement", "--event", "1",
                                                        "--document", "1"));
  cli_test_expect_failure (f, 2, WORDS ("csv, json"), ARGS ("--project", f->project, "agreement", "--format", "xml"));
  status = RUN (f, "agreement", "--help");
  g_assert_nonnull (strstr (status.out, "--attribute"));
}

static void
test_curate (CliTestFixture *f,
             gconstpointer   data)
{
  g_auto(CliTestResult) status = { 0 };
  g_auto(CliTestResult) units = { 0 };
  g_auto(CliTestResult) agreed = { 0 };
  g_auto(CliTestResult) accept = { 0 };
  g_auto(CliTestResult) reject = { 0 };
  g_auto(CliTestResult) done = { 0 };
  g_auto(CliTestResult) undo = { 0 };
  g_auto(CliTestResult) after = { 0 };
  g_auto(CliTestResult) gold = { 0 };
  g_auto(CliTestResult) vs_gold = { 0 };

  build (f);
  status = RUN (f, "--project", f->project, "curate", "status");
  g_assert_cmpint (status.status, ==, 0);
  /* 4 units: the claims (status differs), the sources (spans), ben's claim, the cues (agreed). */
  g_assert_nonnull (strstr (status.out, "\t4\t0\t4\t1\t3\n"));
  units = RUN (f, "--project", f->project, "curate", "units", "--document", "1");
  g_assert_nonnull (strstr (units.out, "\tagreed\t"));
  g_assert_nonnull (strstr (units.out, "ben: claim ["));

  agreed = RUN (f, "--project", f->project, "curate", "accept-agreed", "--document", "1");
  g_assert_cmpint (agreed.status, ==, 0);
  g_assert_cmpstr (agreed.out, ==, "document 1: 4 units, 1 curated, 3 left (0 agreed, 3 disagreed)\n");
  /* ben's version of every unit he has one of. */
  accept = RUN (f, "--project", f->project, "curate", "accept", "--document", "1", "--coder", "ben");
  g_assert_cmpint (accept.status, ==, 0);
  g_assert_cmpstr (accept.out, ==, "document 1: 4 units, 4 curated, 0 left (0 agreed, 0 disagreed)\n");
  gold = RUN (f, "--project", f->project, "list", "--gold");
  g_assert_true (g_str_has_suffix (gold.out, "\t4\n"));
  vs_gold = RUN (f, "--project", f->project, "agreement", "--gold", "--format", "csv");
  g_assert_cmpint (vs_gold.status, ==, 0);
  g_assert_nonnull (strstr (vs_gold.out, "all,,,span_exact,ben,gold,1,1,1,"));

  /* Undo takes back the last acceptance, one unit. */
  undo = RUN (f, "--project", f->project, "undo");
  g_assert_cmpstr (undo.out, ==, "Accept ben’s Version\n");
  after = RUN (f, "--project", f->project, "curate", "status", "--document", "1");
  g_assert_nonnull (strstr (after.out, "\t4\t3\t1\t0\t1\n"));
  reject = RUN (f, "--project", f->project, "curate", "reject", "--document", "1", "--unit", "1", "2", "3", "4");
  g_assert_cmpint (reject.status, ==, 0);
  done = RUN (f, "--project", f->project, "curate", "reset", "--document", "1", "--unit", "4");
  g_assert_cmpint (done.status, ==, 0);

  cli_test_expect_failure (f, 1, WORDS ("“zoe”"), ARGS ("--project", f->project, "curate", "accept", "--document",
                                                       "1", "--coder", "zoe"));
  cli_test_expect_failure (f, 1, WORDS ("4 units", "not 9"), ARGS ("--project", f->project, "curate", "reject",
                                                                 "--document", "1", "--unit", "9"));
  cli_test_expect_failure (f, 2, WORDS ("--coder"), ARGS ("--project", f->project, "curate", "accept",
                                                         "--document", "1"));
  cli_test_expect_failure (f, 2, WORDS ("one --document"), ARGS ("--project", f->project, "curate", "units"));
  cli_test_expect_failure (f, 2, WORDS ("curate status"), ARGS ("--project", f->project, "curate", "frobnicate"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sample = NULL;

  g_test_init (&argc, &argv, NULL);
  cli_test_binary = argc > 1 ? argv[1] : g_getenv ("HEARSAY_CLI");
  g_assert_nonnull (cli_test_binary);
  sample = cli_test_sample_path ();
  g_assert_true (g_file_get_contents (sample, &sample_text, NULL, NULL));
  g_test_add ("/cli-team/coders", CliTestFixture, NULL, cli_test_fixture_setup, test_coders,
              cli_test_fixture_teardown);
  g_test_add ("/cli-team/layers", CliTestFixture, NULL, cli_test_fixture_setup, test_layers,
              cli_test_fixture_teardown);
  g_test_add ("/cli-team/copies-and-merge", CliTestFixture, NULL, cli_test_fixture_setup, test_copies_and_merge,
              cli_test_fixture_teardown);
  g_test_add ("/cli-team/merge-refusals", CliTestFixture, NULL, cli_test_fixture_setup, test_merge_refusals,
              cli_test_fixture_teardown);
  g_test_add ("/cli-team/agreement", CliTestFixture, NULL, cli_test_fixture_setup, test_agreement,
              cli_test_fixture_teardown);
  g_test_add ("/cli-team/curate", CliTestFixture, NULL, cli_test_fixture_setup, test_curate,
              cli_test_fixture_teardown);
  return g_test_run ();
}
