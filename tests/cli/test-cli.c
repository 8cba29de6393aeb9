/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: runs the built hearsay-cli binary the way a script does and
 * checks its output, its exit status and that bad input leaves the project
 * file exactly as it was. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cli-test-util.h"

static char *
annotate (CliTestFixture    *f,
          const char *project,
          const char *label,
          gint64      start,
          gint64      end,
          const char *extra1,
          const char *extra2)
{
  g_autofree char *s = g_strdup_printf ("%" G_GINT64_FORMAT, start);
  g_autofree char *e = g_strdup_printf ("%" G_GINT64_FORMAT, end);
  g_auto(CliTestResult) r = RUN (f, "--project", project, "annotate", "--document", "1",
                          "--label", label, "--start", s, "--end", e,
                          extra1 ? extra1 : "--note", extra2 ? extra2 : "");

  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_suffix (r.out, "\n"));
  return g_steal_pointer (&r.out);
}

/* ---- help and usage ---------------------------------------------------- */

static void
test_help (CliTestFixture       *f,
           gconstpointer  data)
{
  const char *commands[] = { "init", "import", "list", "annotate", "export" };
  g_auto(CliTestResult) none = RUN (f, "");
  g_auto(CliTestResult) bare = { 0 };
  g_auto(CliTestResult) help = RUN (f, "--help");
  g_auto(CliTestResult) version = RUN (f, "--version");

  g_assert_cmpint (none.status, ==, 2);
  bare = cli_test_run_argv (f, (const char * const[]) { NULL });
  g_assert_cmpint (bare.status, ==, 2);
  g_assert_nonnull (strstr (bare.err, "Usage:"));
  g_assert_cmpint (help.status, ==, 0);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "hearsay-cli "));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("hearsay-cli [--project FILE] %s", commands[i]);
      g_auto(CliTestResult) r = RUN (f, commands[i], "--help");
      g_auto(CliTestResult) h = RUN (f, "--project", f->project, commands[i], "-h");

      g_assert_nonnull (strstr (bare.err, commands[i]));
      g_assert_nonnull (strstr (help.out, commands[i]));
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.out, "Usage:"));
      g_assert_nonnull (strstr (r.out, usage));
      g_assert_cmpint (h.status, ==, 0);
      g_assert_nonnull (strstr (h.out, usage));
    }
  /* --help never creates or opens a project. */
  g_assert_false (g_file_test (f->project, G_FILE_TEST_EXISTS));
}

static void
test_usage_errors (CliTestFixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  const char *p = f->project;

  cli_test_init_with_sample (f);
  cli_test_expect_failure (f, 2, WORDS ("frobnicate", "not a command"), ARGS ("--project", p, "frobnicate"));
  cli_test_expect_failure (f, 2, WORDS ("--bogus"), ARGS ("--bogus", "list"));
  cli_test_expect_failure (f, 2, WORDS ("--bogus"), ARGS ("--project", p, "list", "--bogus"));
  cli_test_expect_failure (f, 2, WORDS ("unexpected"), ARGS ("--project", p, "list", "extra"));
  cli_test_expect_failure (f, 2, WORDS ("--project"), ARGS ("--project"));
  cli_test_expect_failure (f, 2, WORDS ("required"),
                  ARGS ("--project", p, "annotate", "--document", "1", "--start", "0", "--end", "3"));
  cli_test_expect_failure (f, 2, WORDS ("abc"),
                  ARGS ("--project", p, "annotate", "--document", "abc", "--label", "claim",
                        "--start", "0", "--end", "3"));
  cli_test_expect_failure (f, 2, WORDS ("1.5"),
                  ARGS ("--project", p, "annotate", "--document", "1", "--label", "claim",
                        "--start", "1.5", "--end", "3"));
  cli_test_expect_failure (f, 2, WORDS ("NAME=VALUE", "status"),
                  ARGS ("--project", p, "annotate", "--document", "1", "--label", "claim",
                        "--start", "0", "--end", "3", "--attr", "status"));
  cli_test_expect_failure (f, 2, WORDS ("NAME=VALUE"),
                  ARGS ("--project", p, "annotate", "--document", "1", "--label", "claim",
                        "--start", "0", "--end", "3", "--attr", "=unverified"));
  cli_test_expect_failure (f, 2, WORDS ("--format"), ARGS ("--project", p, "export"));
  cli_test_expect_failure (f, 2, WORDS ("xml"), ARGS ("--project", p, "export", "--format", "xml"));
  cli_test_expect_failure (f, 2, WORDS ("x1"),
                  ARGS ("--project", p, "export", "--format", "csv", "--document", "x1"));
  cli_test_expect_failure (f, 2, WORDS ("pdf"), ARGS ("--project", p, "import", "--format", "pdf", sample));
  cli_test_expect_failure (f, 2, WORDS ("--title"),
                  ARGS ("--project", p, "import", "--title", "T", sample, sample));
  cli_test_expect_failure (f, 2, WORDS ("no file"), ARGS ("--project", p, "import"));
}

/* ---- the normal path --------------------------------------------------- */

static void
test_init (CliTestFixture       *f,
           gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *missing = g_build_filename (f->dir, "missing.hearsay", NULL);
  g_auto(CliTestResult) list = { 0 };

  cli_test_expect_failure (f, 1, WORDS ("missing.hearsay does not exist",
                           "hearsay-cli --project", "init`"),
                  ARGS ("--project", missing, "import", sample));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  cli_test_expect_failure (f, 1, WORDS ("does not exist"), ARGS ("--project", missing, "list"));

  cli_test_init_project (f, f->project);
  list = RUN (f, "--project", f->project, "list");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.out, ==, "");
  cli_test_expect_failure (f, 1, WORDS ("project.hearsay already exists"),
                  ARGS ("--project", f->project, "init"));
}

static void
test_default_project (CliTestFixture       *f,
                      gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("1\t%s\tRT en français\t11\n", cli_test_sample_title);
  g_autofree char *path = g_build_filename (f->dir, "xdg-data", "hearsay", NULL);
  g_auto(CliTestResult) r = RUN (f, "list");

  /* The first use creates the GUI's default project with the sample. */
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, expected);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

static void
test_sample (CliTestFixture       *f,
             gconstpointer  data)
{
  g_autofree char *list0 = g_strdup_printf ("1\t%s\tRT en français\t11\n", cli_test_sample_title);
  g_autofree char *list1 = g_strdup_printf ("1\t%s\tRT en français\t12\n", cli_test_sample_title);
  g_autofree char *out_path = g_build_filename (f->dir, "out.jsonl", NULL);
  g_autofree char *file_data = NULL;
  g_autofree char *id = NULL;
  g_auto(CliTestResult) list = { 0 };
  g_auto(CliTestResult) jsonl = { 0 };
  g_auto(CliTestResult) to_file = { 0 };
  g_auto(CliTestResult) only = { 0 };
  g_auto(CliTestResult) none = { 0 };

  cli_test_init_with_sample (f);
  list = RUN (f, "--project", f->project, "list");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.out, ==, list0);
  cli_test_result_clear (&list);

  id = annotate (f, f->project, "claim", 0, 6, "--attr", "status=unverified");
  g_assert_cmpstr (id, ==, "12\n");
  list = RUN (f, "--project", f->project, "list");
  g_assert_cmpstr (list.out, ==, list1);

  jsonl = RUN (f, "--project", f->project, "export", "--format", "jsonl");
  g_assert_cmpint (jsonl.status, ==, 0);
  g_assert_true (g_str_has_suffix (jsonl.out, "}\n"));
  g_assert_true (strchr (jsonl.out, '\n') + 1 == jsonl.out + strlen (jsonl.out));
  g_assert_nonnull (strstr (jsonl.out, "\"offset_unit\":\"codepoint\""));
  g_assert_nonnull (strstr (jsonl.out, "\"outlet\":\"RT en français\""));
  g_assert_nonnull (strstr (jsonl.out, "\"status\""));

  to_file = RUN (f, "--project", f->project, "export", "--format", "jsonl", "-o", out_path);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_cmpstr (to_file.out, ==, "");
  file_data = cli_test_read_file (out_path);
  g_assert_cmpstr (file_data, ==, jsonl.out);

  only = RUN (f, "--project", f->project, "export", "--format", "jsonl", "--document", "1");
  g_assert_cmpstr (only.out, ==, jsonl.out);
  none = RUN (f, "--project", f->project, "export", "--format", "jsonl",
              "--exclude-boilerplate", "--document", "1");
  g_assert_cmpint (none.status, ==, 0);
}

static void
test_csv (CliTestFixture       *f,
          gconstpointer  data)
{
  g_autofree char *text = cli_test_write_temp (f, "quoted.txt", "First line\nSecond line\n", -1);
  g_autofree char *id = NULL;
  g_auto(CliTestResult) imp = { 0 };
  g_auto(CliTestResult) csv = { 0 };

  cli_test_init_project (f, f->project);
  imp = RUN (f, "--project", f->project, "import", "--title", "Say \"hi\", world",
             "--outlet", "AFP", text);
  g_assert_cmpint (imp.status, ==, 0);
  g_assert_cmpstr (imp.out, ==, "1\tSay \"hi\", world\n");
  id = annotate (f, f->project, "claim", 0, 5, "--note", "a \"note\", two\nlines");
  g_assert_cmpstr (id, ==, "1\n");

  csv = RUN (f, "--project", f->project, "export", "--format", "csv");
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out,
                 "document_id,annotation_id,title,outlet,label,start,end,"
                 "text,attributes,annotator,note\r\n"));
  if (strstr (csv.out, "1,1,\"Say \"\"hi\"\", world\",AFP,claim,0,5,First,,") == NULL)
    g_error ("unexpected CSV: %s", csv.out);
  g_assert_nonnull (strstr (csv.out, ",\"a \"\"note\"\", two\nlines\"\r\n"));
}

/* ---- round trips ------------------------------------------------------- */

static void
assert_round_trip (CliTestFixture    *f,
                   const char *expected_import)
{
  g_autofree char *exported = g_build_filename (f->dir, "export.jsonl", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.hearsay", NULL);
  g_autofree char *first_data = NULL;
  g_auto(CliTestResult) out = { 0 };
  g_auto(CliTestResult) imp = { 0 };
  g_auto(CliTestResult) again = { 0 };

  out = RUN (f, "--project", f->project, "export", "--format", "jsonl", "-o", exported);
  g_assert_cmpint (out.status, ==, 0);
  first_data = cli_test_read_file (exported);

  cli_test_init_project (f, second);
  imp = RUN (f, "--project", second, "import", exported);
  g_assert_cmpint (imp.status, ==, 0);
  g_assert_cmpstr (imp.out, ==, expected_import);
  /* The summary on stderr, always (a script's stdout stays the documents). */
  g_assert_true (g_str_has_prefix (imp.err, "hearsay-cli: imported — documents: 1, annotations: "));
  g_assert_true (g_str_has_suffix (imp.err, "quotes that did not match the text: 0, left out: 0\n"));

  again = RUN (f, "--project", second, "export", "--format", "jsonl");
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.out, ==, first_data);
}

static void
test_round_trip_sample (CliTestFixture       *f,
                        gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("1\t%s\n", cli_test_sample_title);
  g_autofree char *a = NULL, *b = NULL;

  cli_test_init_with_sample (f);
  a = annotate (f, f->project, "claim", 0, 6, "--attr", "status=unverified");
  b = annotate (f, f->project, "frame_cue", 18, 23, "--note", "say \"Damas\"\nagain");
  g_assert_cmpstr (b, ==, "13\n");
  assert_round_trip (f, expected);
}

static void
test_round_trip_unicode (CliTestFixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = cli_test_fixture_path ("unicode-bom-crlf.txt");
  g_autofree char *text = cli_test_read_file (path);
  g_autofree char *id = NULL;
  gint64 thumb = cli_test_cp_offset (text, "👍🏽");
  gint64 family = cli_test_cp_offset (text, "👨‍👩‍👧");
  gint64 cafe = cli_test_cp_offset (text, "Cafe\xcc\x81");
  gint64 arabic = cli_test_cp_offset (text, "الجيش السوري");
  gint64 crlf = cli_test_cp_offset (text, "café.\r\n");
  g_auto(CliTestResult) imp = { 0 };
  g_auto(CliTestResult) list = { 0 };

  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"));
  cli_test_init_project (f, f->project);
  imp = RUN (f, "--project", f->project, "import", "--language", "en", path);
  g_assert_cmpint (imp.status, ==, 0);
  g_assert_cmpstr (imp.out, ==, "1\tUnicode sample: emoji and marks\n");

  /* Offsets count code points of the verbatim text, its BOM included. */
  g_free (annotate (f, f->project, "claim", thumb, thumb + 2, "--attr", "status=unverified"));
  g_free (annotate (f, f->project, "source_mention", family, family + 5,
          "--attr", "identification=described"));
  g_free (annotate (f, f->project, "frame_cue", cafe, cafe + 5, "--note",
          "the \"e\" and its\naccent: U+0301"));
  g_free (annotate (f, f->project, "attributed_content", arabic,
          arabic + g_utf8_strlen ("الجيش السوري", -1), NULL, NULL));
  id = annotate (f, f->project, "claim", crlf, crlf + 7 + 5, "--note", "crosses CR LF");
  g_assert_cmpstr (id, ==, "5\n");

  list = RUN (f, "--project", f->project, "list");
  g_assert_cmpstr (list.out, ==, "1\tUnicode sample: emoji and marks\t\t5\n");

  assert_round_trip (f, "1\tUnicode sample: emoji and marks\n");
}

/* ---- bad input --------------------------------------------------------- */

static void
test_bad_import_files (CliTestFixture       *f,
                       gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *dir = g_build_filename (f->dir, "folder.txt", NULL);
  g_autofree char *empty = cli_test_write_temp (f, "empty.txt", "", 0);
  g_autofree char *binary = cli_test_write_temp (f, "binary.txt", "abc\0def\n", 8);
  g_autofree char *latin = cli_test_write_temp (f, "latin1.txt", "Hello world\xe9t\xe9 2017\n", -1);
  g_autofree char *list_before = NULL;
  g_auto(CliTestResult) list = { 0 };
  g_auto(CliTestResult) list2 = { 0 };
  g_auto(CliTestResult) ok = { 0 };
  g_auto(CliTestResult) csv = { 0 };
  g_auto(CliTestResult) ann = { 0 };
  const char *p = f->project;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  cli_test_init_with_sample (f);

  cli_test_expect_failure (f, 1, WORDS ("hearsay-cli: ", "nope.txt", "does not exist"),
                  ARGS ("--project", p, "import", "nope.txt"));
  cli_test_expect_failure (f, 1, WORDS ("folder.txt", "folder"), ARGS ("--project", p, "import", dir));
  cli_test_expect_failure (f, 1, WORDS ("empty.txt", "empty"), ARGS ("--project", p, "import", empty));
  cli_test_expect_failure (f, 1, WORDS ("binary.txt", "NUL byte", "byte offset 3"),
                  ARGS ("--project", p, "import", binary));
  cli_test_expect_failure (f, 1, WORDS ("latin1.txt", "UTF-8", "byte offset 11"),
                  ARGS ("--project", p, "import", latin));
  /* One bad file stops the whole batch: the good one is not imported either. */
  cli_test_expect_failure (f, 1, WORDS ("empty.txt"), ARGS ("--project", p, "import", sample, empty));
  cli_test_expect_failure (f, 1, WORDS ("2017-13-45"),
                  ARGS ("--project", p, "import", "--date", "2017-13-45", sample));
  cli_test_expect_failure (f, 1, WORDS ("no-such-charset"),
                  ARGS ("--project", p, "import", "--encoding", "no-such-charset", latin));
  cli_test_expect_failure (f, 1, WORDS ("empty.txt"), ARGS ("--project", p, "import", "--format", "jsonl", empty));

  list = RUN (f, "--project", p, "list");
  list_before = g_strdup_printf ("1\t%s\tRT en français\t11\n", cli_test_sample_title);
  g_assert_cmpstr (list.out, ==, list_before);

  ok = RUN (f, "--project", p, "import", "--encoding", "windows-1252", latin);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_cmpstr (ok.out, ==, "2\tHello worldété 2017\n");
  list2 = RUN (f, "--project", p, "list");
  g_assert_nonnull (strstr (list2.out, "\n2\tHello worldété 2017\t\t0\n"));

  ann = RUN (f, "--project", p, "annotate", "--document", "2", "--label", "claim",
             "--start", "0", "--end", "5");
  g_assert_cmpint (ann.status, ==, 0);
  g_assert_cmpstr (ann.out, ==, "12\n");
  csv = RUN (f, "--project", p, "export", "--format", "csv", "--document", "2");
  g_assert_nonnull (strstr (csv.out, "2,12,Hello worldété 2017,,claim,0,5,Hello,"));
}

static void
test_utf16 (CliTestFixture       *f,
            gconstpointer  data)
{
  const char *utf8 = "Titre UTF-16 👍\r\nCorps : déclare l'armée.\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *with_bom = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;
  g_auto(CliTestResult) imp = { 0 };
  g_auto(CliTestResult) out = { 0 };

  converted = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  with_bom = g_malloc (length + 2);
  with_bom[0] = (char) 0xff;
  with_bom[1] = (char) 0xfe;
  memcpy (with_bom + 2, converted, length);
  path = cli_test_write_temp (f, "utf16.txt", with_bom, length + 2);

  cli_test_init_project (f, f->project);
  imp = RUN (f, "--project", f->project, "import", path);
  g_assert_cmpint (imp.status, ==, 0);
  g_assert_cmpstr (imp.out, ==, "1\tTitre UTF-16 👍\n");
  out = RUN (f, "--project", f->project, "export", "--format", "jsonl");
  g_assert_nonnull (strstr (out.out, "Corps : déclare l'armée.\\r\\n"));
}

static void
test_huge_file (CliTestFixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "huge.txt", NULL);
  g_autofree char *chunk = g_malloc (10 * 1024 * 1024);
  FILE *file;
  gint64 start;

  for (gsize i = 0; i < 10 * 1024 * 1024; i++)
    chunk[i] = (i % 64 == 63) ? '\n' : 'a' + (i % 26);
  file = fopen (path, "wb");
  g_assert_nonnull (file);
  for (int i = 0; i < 10; i++)
    g_assert_cmpuint (fwrite (chunk, 1, 10 * 1024 * 1024, file), ==, 10 * 1024 * 1024);
  g_assert_cmpint (fclose (file), ==, 0);

  cli_test_init_project (f, f->project);
  start = g_get_monotonic_time ();
  cli_test_expect_failure (f, 1, WORDS ("huge.txt", "too large", "50 MB"),
                  ARGS ("--project", f->project, "import", path));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_remove (path);
}

static void
sql (const char *path,
     const char *statements)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, statements, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", statements, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_bad_projects (CliTestFixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  const char *p = f->project;

  /* Not an SQLite database at all. */
  g_free (cli_test_write_temp (f, "project.hearsay", "This is a plain text file, not a project.\n", -1));
  cli_test_expect_failure (f, 1, WORDS ("project.hearsay", "not a Hearsay project", "not an SQLite database"),
                  ARGS ("--project", p, "list"));
  cli_test_expect_failure (f, 1, WORDS ("not a Hearsay project"), ARGS ("--project", p, "import", sample));
  cli_test_expect_failure (f, 1, WORDS ("already exists"), ARGS ("--project", p, "init"));
  g_remove (p);

  /* An SQLite database of another application. */
  sql (p, "PRAGMA application_id = 42; CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  cli_test_expect_failure (f, 1, WORDS ("project.hearsay", "another application"),
                  ARGS ("--project", p, "list"));
  cli_test_expect_failure (f, 1, WORDS ("another application"),
                  ARGS ("--project", p, "export", "--format", "jsonl"));
  cli_test_expect_failure (f, 1, WORDS ("another application"),
                  ARGS ("--project", p, "annotate", "--document", "1", "--label", "claim",
                        "--start", "0", "--end", "1"));
  g_remove (p);

  /* A project written by a newer Hearsay. */
  cli_test_init_with_sample (f);
  sql (p, "PRAGMA user_version = 99;");
  cli_test_expect_failure (f, 1, WORDS ("project.hearsay", "newer version", "99"),
                  ARGS ("--project", p, "list"));
  cli_test_expect_failure (f, 1, WORDS ("newer version"), ARGS ("--project", p, "import", sample));
}

static void
test_read_only (CliTestFixture       *f,
                gconstpointer  data)
{
  g_autofree char *list_expected = g_strdup_printf ("1\t%s\tRT en français\t11\n", cli_test_sample_title);
  g_autofree char *out_path = g_build_filename (f->dir, "ro-export.csv", NULL);
  g_autofree char *sample = cli_test_sample_path ();
  g_auto(CliTestResult) list = { 0 };
  g_auto(CliTestResult) csv = { 0 };

  cli_test_init_with_sample (f);
  g_assert_cmpint (g_chmod (f->project, 0444), ==, 0);
  if (geteuid () == 0)
    {
      /* Root writes to any file: run the CLI as nobody, who cannot. */
      g_assert_cmpint (g_chmod (f->dir, 0777), ==, 0);
      f->drop_root = TRUE;
    }

  list = RUN (f, "--project", f->project, "list");
  if (list.status == 99)
    {
      g_test_skip ("cannot run the CLI as an unprivileged user");
      return;
    }
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.out, ==, list_expected);
  csv = RUN (f, "--project", f->project, "export", "--format", "csv", "-o", out_path);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_file_test (out_path, G_FILE_TEST_IS_REGULAR));

  cli_test_expect_failure (f, 1, WORDS ("project.hearsay", "read-only"),
                  ARGS ("--project", f->project, "annotate", "--document", "1", "--label",
                        "claim", "--start", "0", "--end", "6"));
  cli_test_expect_failure (f, 1, WORDS ("read-only"), ARGS ("--project", f->project, "import", sample));
}

static void
test_bad_annotations (CliTestFixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = cli_test_fixture_path ("unicode-bom-crlf.txt");
  g_autofree char *text = cli_test_read_file (path);
  g_autofree char *first = NULL;
  g_autofree char *length = g_strdup_printf ("%ld", g_utf8_strlen (text, -1));
  g_autofree char *past = g_strdup_printf ("%ld", g_utf8_strlen (text, -1) + 1);
  g_autofree char *in_family = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                cli_test_cp_offset (text, "👨‍👩‍👧") + 2);
  g_autofree char *in_skin = g_strdup_printf ("%" G_GINT64_FORMAT, cli_test_cp_offset (text, "👍🏽") + 1);
  g_autofree char *before_mark = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  cli_test_cp_offset (text, "\xcc\x81"));
  g_autofree char *in_crlf = g_strdup_printf ("%" G_GINT64_FORMAT, cli_test_cp_offset (text, "\n"));
  g_auto(CliTestResult) imp = { 0 };
  g_auto(CliTestResult) list = { 0 };
  const char *p = f->project;

  cli_test_init_project (f, p);
  imp = RUN (f, "--project", p, "import", path);
  g_assert_cmpint (imp.status, ==, 0);
  first = annotate (f, p, "claim", 1, 8, NULL, NULL);

#define ANNOTATE(label, start, end, ...) \
  ARGS ("--project", p, "annotate", "--document", "1", "--label", label, \
        "--start", start, "--end", end, __VA_ARGS__)

  cli_test_expect_failure (f, 1, WORDS ("outside the text", length), ANNOTATE ("claim", "0", past, "--note", ""));
  cli_test_expect_failure (f, 1, WORDS ("outside the text"), ANNOTATE ("claim", "-3", "2", "--note", ""));
  cli_test_expect_failure (f, 1, WORDS ("outside the text"), ANNOTATE ("claim", "5", "2", "--note", ""));
  cli_test_expect_failure (f, 1, WORDS ("splits a character"), ANNOTATE ("claim", in_family, length, "--note", ""));
  cli_test_expect_failure (f, 1, WORDS ("splits a character"), ANNOTATE ("claim", "1", in_skin, "--note", ""));
  cli_test_expect_failure (f, 1, WORDS ("splits a character"), ANNOTATE ("claim", "1", before_mark, "--note", ""));
  cli_test_expect_failure (f, 1, WORDS ("splits a character"), ANNOTATE ("claim", in_crlf, length, "--note", ""));
  cli_test_expect_failure (f, 1, WORDS ("Unknown label", "quote", "claim", "source_mention"),
                  ANNOTATE ("quote", "1", "8", "--note", ""));
  cli_test_expect_failure (f, 1, WORDS ("claim", "colour"),
                  ANNOTATE ("claim", "1", "8", "--attr", "colour=red"));
  cli_test_expect_failure (f, 1, WORDS ("maybe", "status", "unverified"),
                  ANNOTATE ("claim", "1", "8", "--attr", "status=maybe"));
  cli_test_expect_failure (f, 1, WORDS ("status", "one value"),
                  ANNOTATE ("claim", "1", "8", "--attr", "status=unverified", "--attr", "status=false"));
  cli_test_expect_failure (f, 1, WORDS ("99"),
                  ARGS ("--project", p, "annotate", "--document", "99", "--label", "claim",
                        "--start", "0", "--end", "1"));
#undef ANNOTATE

  list = RUN (f, "--project", p, "list");
  g_assert_cmpstr (list.out, ==, "1\tUnicode sample: emoji and marks\t\t1\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  cli_test_binary = argc > 1 ? argv[1] : g_getenv ("HEARSAY_CLI");
  if (cli_test_binary == NULL)
    g_error ("usage: %s PATH-TO-hearsay-cli", argv[0]);
  if (g_getenv ("G_TEST_SRCDIR") == NULL)
    g_setenv ("G_TEST_SRCDIR", SRCDIR, TRUE);

#define ADD(path, func) g_test_add (path, CliTestFixture, NULL, cli_test_fixture_setup, func, cli_test_fixture_teardown)
  ADD ("/cli/help", test_help);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/init", test_init);
  ADD ("/cli/default-project", test_default_project);
  ADD ("/cli/sample", test_sample);
  ADD ("/cli/csv", test_csv);
  ADD ("/cli/round-trip/sample", test_round_trip_sample);
  ADD ("/cli/round-trip/unicode", test_round_trip_unicode);
  ADD ("/cli/bad-input/import-files", test_bad_import_files);
  ADD ("/cli/bad-input/utf16", test_utf16);
  ADD ("/cli/bad-input/huge-file", test_huge_file);
  ADD ("/cli/bad-input/projects", test_bad_projects);
  ADD ("/cli/bad-input/read-only", test_read_only);
  ADD ("/cli/bad-input/annotations", test_bad_annotations);
#undef ADD

  return g_test_run ();
}
