/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-safety.c: the data-safety promises, through hearsay-cli as a
 * script uses it — one import command is one transaction, hostile JSON and
 * XML are refused after decoding, a refused or read-only file is never
 * written and leaves nothing beside it, a damaged file opens read-only.
 * Every refusal checks its message and that the project is byte for byte
 * as it was. */
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cli-test-util.h"

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

/* Writes @statements and closes without moving the WAL into the file, as a
 * process killed after its commit would leave it. */
static void
sql_leaving_wal (const char *path,
                 const char *statements)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, statements, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gboolean
exists_with_suffix (const char *path,
                    const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);

  return g_file_test (side, G_FILE_TEST_EXISTS);
}

static char *
n_documents (CliTestFixture *f,
             const char     *project)
{
  g_auto(CliTestResult) r = RUN (f, "--project", project, "list");
  guint n = 0;

  g_assert_cmpint (r.status, ==, 0);
  for (const char *p = r.out; *p; p++)
    n += *p == '\n';
  return g_strdup_printf ("%u", n);
}

/* 1. Text files and corpus files of one command land together or not at all. */
static void
test_one_transaction (CliTestFixture *f,
                      gconstpointer   data)
{
  g_autofree char *good = cli_test_write_temp (f, "good.txt", "Un bon texte.\n", -1);
  g_autofree char *bad = cli_test_write_temp (f, "bad.jsonl", "{\"text\": \"x\", \"annotations\": 7}\n", -1);
  g_autofree char *folder = g_build_filename (f->dir, "texts", NULL);
  g_autofree char *before = NULL, *after = NULL;

  cli_test_init_with_sample (f);
  before = n_documents (f, f->project);
  cli_test_expect_failure (f, 1, WORDS ("bad.jsonl:1"), ARGS ("--project", f->project, "import", good, bad));
  after = n_documents (f, f->project);
  g_assert_cmpstr (before, ==, after);

  /* A folder of .txt files is imported as the help says (it was "is a folder"). */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_free (cli_test_write_temp (f, "texts/a.txt", "Premier.\n", -1));
  g_free (cli_test_write_temp (f, "texts/b.txt", "Second.\n", -1));
  {
    g_auto(CliTestResult) r = RUN (f, "--project", f->project, "import", folder);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "\tPremier."));
    g_assert_nonnull (strstr (r.out, "\tSecond."));
  }
}

/* A folder of pages: a refusal names every page that cannot be read;
 * --skip-unreadable imports the rest and lists the others. */
static void
test_unreadable_pages (CliTestFixture *f,
                       gconstpointer   data)
{
  g_autofree char *folder = g_build_filename (f->dir, "pages", NULL);
  g_autofree char *text = cli_test_write_temp (f, "note.txt", "Un texte à part.\n", -1);
  g_auto(CliTestResult) skipped = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_free (cli_test_write_temp (f, "pages/a.html", "<html><body><p>Un article lisible, avec des phrases.</p></body></html>", -1));
  g_free (cli_test_write_temp (f, "pages/b.html", "<html><body></body></html>", -1));
  g_free (cli_test_write_temp (f, "pages/c.html", "<html><head><title>Rien</title></head></html>", -1));
  cli_test_init_with_sample (f);
  cli_test_expect_failure (f, 1, WORDS ("2 files cannot be imported", "pages/b.html", "pages/c.html", "--skip-unreadable"),
                           ARGS ("--project", f->project, "import", text, folder));
  skipped = RUN (f, "--project", f->project, "import", "--skip-unreadable", text, folder);
  g_assert_cmpint (skipped.status, ==, 0);
  g_assert_nonnull (strstr (skipped.out, "\tUn texte à part."));
  g_assert_nonnull (strstr (skipped.err, "not imported: "));
  g_assert_nonnull (strstr (skipped.err, "pages/b.html"));
  g_assert_nonnull (strstr (skipped.err, "pages/c.html"));
  g_assert_nonnull (strstr (skipped.err, "documents: 2,"));
  g_assert_nonnull (strstr (skipped.err, "left out: 2"));
}

static char *
nested (const char *open,
        const char *close,
        guint       depth,
        const char *prefix,
        const char *suffix)
{
  GString *s = g_string_new (prefix);

  for (guint i = 0; i < depth; i++)
    g_string_append (s, open);
  for (guint i = 0; i < depth; i++)
    g_string_append (s, close);
  g_string_append (s, suffix);
  return g_string_free (s, FALSE);
}

/* 2. Deeply nested JSON is refused with a message, never a crash. */
static void
test_deep_json (CliTestFixture *f,
                gconstpointer   data)
{
  g_autofree char *deep = nested ("[", "]", 80000, "{\"text\": \"abc\", \"x\": ", "}\n");
  g_autofree char *jsonl = cli_test_write_temp (f, "deep.jsonl", deep, -1);
  g_autofree char *doccano = cli_test_write_temp (f, "deep-doccano.jsonl", deep, -1);
  g_autofree char *w3c = cli_test_write_temp (f, "deep.jsonld", deep, -1);
  g_autofree char *text = cli_test_write_temp (f, "deep.txt", "abc\n", -1);

  cli_test_init_with_sample (f);
  cli_test_expect_failure (f, 1, WORDS ("deep.jsonl:1", "nests deeper than 200 levels"),
                           ARGS ("--project", f->project, "import", "--format", "jsonl", jsonl));
  cli_test_expect_failure (f, 1, WORDS ("deep-doccano.jsonl:1", "nests deeper"),
                           ARGS ("--project", f->project, "import", "--format", "doccano", doccano));
  cli_test_expect_failure (f, 1, WORDS ("deep.jsonld", "nests deeper"),
                           ARGS ("--project", f->project, "import", "--format", "w3c", w3c, text));
}

/* 6. NUL and lone surrogates in JSON strings; numbers past 64 bits. */
static void
test_json_strings (CliTestFixture *f,
                   gconstpointer   data)
{
  g_autofree char *nul = cli_test_write_temp (f, "nul.jsonl", "{\"text\": \"avant\\u0000après\"}\n", -1);
  g_autofree char *lone = cli_test_write_temp (f, "lone.jsonl", "{\"text\": \"x\\ud800y\"}\n", -1);
  g_autofree char *pair = cli_test_write_temp (f, "pair.jsonl", "{\"text\": \"emoji \\ud83d\\ude00 ok\"}\n", -1);
  g_autofree char *big = cli_test_write_temp (f, "big.jsonl",
                                              "{\"text\": \"abc\", \"label\": [[0, 99999999999999999999, \"claim\"]]}\n",
                                              -1);
  g_autofree char *blank = cli_test_write_temp (f, "blank.jsonl", "\r\r\n{\"text\": \"Un texte.\"}\n", -1);

  cli_test_init_with_sample (f);
  cli_test_expect_failure (f, 1, WORDS ("nul.jsonl:1", "NUL character"),
                           ARGS ("--project", f->project, "import", "--format", "jsonl", nul));
  cli_test_expect_failure (f, 1, WORDS ("lone.jsonl:1", "surrogate"),
                           ARGS ("--project", f->project, "import", "--format", "doccano", lone));
  cli_test_expect_failure (f, 1, WORDS ("big.jsonl:1", "99999999999999999999", "too large"),
                           ARGS ("--project", f->project, "import", "--format", "doccano", big));
  {
    /* A proper pair is a character like any other; a line of CRs is blank. */
    g_auto(CliTestResult) ok = RUN (f, "--project", f->project, "import", "--format", "doccano", pair, blank);

    g_assert_cmpint (ok.status, ==, 0);
    g_assert_nonnull (strstr (ok.out, "emoji \xf0\x9f\x98\x80 ok"));
  }
}

/* 8. One line over 50 MB is refused before it is held whole. */
static void
test_long_line (CliTestFixture *f,
                gconstpointer   data)
{
  g_autofree char *path = g_build_filename (f->dir, "long.jsonl", NULL);
  FILE *out = fopen (path, "w");
  g_autofree char *chunk = g_strnfill (1024 * 1024, 'a');

  g_assert_nonnull (out);
  fputs ("{\"text\": \"Première ligne.\"}\n{\"text\": \"", out);
  for (guint i = 0; i < 51; i++)
    fputs (chunk, out);
  fputs ("\"}\n", out);
  fclose (out);
  cli_test_init_with_sample (f);
  cli_test_expect_failure (f, 1, WORDS ("long.jsonl:2", "longer than 50 MB"),
                           ARGS ("--project", f->project, "import", "--format", "jsonl", path));
}

static char *
qdpx_with (CliTestFixture *f,
           const char     *name,
           const char     *qde,
           gsize           length)
{
  g_autofree char *dir = g_build_filename (f->dir, "qdpx-src", NULL);
  g_autofree char *qde_path = g_build_filename (dir, "project.qde", NULL);
  char *archive = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "python3", "-c",
                         "import sys, zipfile\n"
                         "with zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
                         "    z.write(sys.argv[2], 'project.qde')\n",
                         archive, qde_path, NULL };
  int status = 0;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (qde_path, qde, length, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return archive;
}

/* 3. Entity declarations are refused whatever the encoding. */
static void
test_xml_entities (CliTestFixture *f,
                   gconstpointer   data)
{
  static const char bomb[] =
    "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
    "<!DOCTYPE Project [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
    "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Sources>"
    "<TextSource guid=\"11111111-1111-4111-8111-111111111111\" name=\"s\">"
    "<PlainTextContent>&b;</PlainTextContent></TextSource></Sources></Project>\n";
  g_autoptr(GError) error = NULL;
  gsize written = 0;
  g_autofree char *utf16 = g_convert (bomb, -1, "UTF-16LE", "UTF-8", NULL, &written, &error);
  g_autofree char *with_bom = NULL;
  g_autofree char *archive = NULL, *empty = NULL;

  g_assert_no_error (error);
  with_bom = g_malloc (written + 2);
  memcpy (with_bom, "\xff\xfe", 2);
  memcpy (with_bom + 2, utf16, written);
  archive = qdpx_with (f, "bomb16.qdpx", with_bom, written + 2);
  cli_test_init_with_sample (f);
  cli_test_expect_failure (f, 1, WORDS ("bomb16.qdpx", "project.qde", "declares XML entities"),
                           ARGS ("--project", f->project, "import", archive));
  /* An empty project.qde is a message, not a GLib CRITICAL. */
  empty = qdpx_with (f, "empty.qdpx", "", 0);
  cli_test_expect_failure (f, 1, WORDS ("empty.qdpx", "project.qde is empty"),
                           ARGS ("--project", f->project, "import", empty));
}

/* 4. Read-only projects, in read-only folders, with a WAL a crash left. */
static void
test_read_only (CliTestFixture *f,
                gconstpointer   data)
{
  g_autofree char *folder = g_build_filename (f->dir, "ro", NULL);
  g_autofree char *project = g_build_filename (folder, "a #100% sure?.hearsay", NULL);
  g_autofree char *shm = g_strconcat (project, "-shm", NULL);
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *sha_before = NULL, *sha_after = NULL;
  g_auto(CliTestResult) first = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  cli_test_init_project (f, project);
  first = RUN (f, "--project", project, "import", "--title", "Avant", sample);
  g_assert_cmpint (first.status, ==, 0);
  /* Acknowledged, then the writer was killed: the change is in the -wal only. */
  sql_leaving_wal (project, "UPDATE document SET title = 'Saved before the crash';");
  g_assert_true (exists_with_suffix (project, "-wal"));
  g_unlink (shm);
  sha_before = cli_test_sha256_of_file (project);
  g_assert_cmpint (g_chmod (project, 0444), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  if (geteuid () == 0)
    {
      /* Root writes to any file: run the CLI as nobody, who cannot. */
      g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
      f->drop_root = TRUE;
    }
  {
    g_auto(CliTestResult) list = RUN (f, "--project", project, "list");

    if (list.status == 99)
      {
        g_test_skip ("cannot run the CLI as an unprivileged user");
        return;
      }
    g_assert_cmpint (list.status, ==, 0);
    /* Not stale: the edit the WAL holds is shown. */
    g_assert_nonnull (strstr (list.out, "Saved before the crash"));
  }
  {
    g_auto(CliTestResult) edit = RUN (f, "--project", project, "annotate", "--document", "1",
                                      "--label", "claim", "--start", "0", "--end", "5");

    g_assert_cmpint (edit.status, ==, 1);
    g_assert_nonnull (strstr (edit.err, "read-only"));
  }
  f->drop_root = FALSE;
  sha_after = cli_test_sha256_of_file (project);
  g_assert_cmpstr (sha_before, ==, sha_after);
  g_assert_false (exists_with_suffix (project, "-shm"));
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
}

/* 4, 7. A read-only open of a sound file leaves no side file; 'file:' is a name. */
static void
test_no_side_files (CliTestFixture *f,
                    gconstpointer   data)
{
  g_autofree char *odd = g_build_filename (f->dir, "file:odd.hearsay", NULL);
  g_auto(CliTestResult) list = { 0 };

  cli_test_init_with_sample (f);
  g_assert_false (exists_with_suffix (f->project, "-wal"));
  g_assert_cmpint (g_chmod (f->project, 0444), ==, 0);
  if (geteuid () == 0)
    {
      /* Root writes to any file: run the CLI as nobody, who cannot. */
      g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
      f->drop_root = TRUE;
    }
  list = RUN (f, "--project", f->project, "list");
  if (list.status == 99)
    {
      g_test_skip ("cannot run the CLI as an unprivileged user");
      return;
    }
  g_assert_cmpint (list.status, ==, 0);
  g_assert_false (exists_with_suffix (f->project, "-wal"));
  g_assert_false (exists_with_suffix (f->project, "-shm"));
  f->drop_root = FALSE;

  /* --project file:odd.hearsay is that file, not an SQLite URI. */
  {
    g_auto(CliTestResult) init = RUN (f, "--project", "file:odd.hearsay", "init");

    g_assert_cmpint (init.status, ==, 0);
    g_assert_true (g_file_test (odd, G_FILE_TEST_IS_REGULAR));
  }
}

/* 7. A refused file keeps its bytes even when its -wal holds frames. */
static void
test_refused_files_untouched (CliTestFixture *f,
                              gconstpointer   data)
{
  g_autofree char *other = g_build_filename (f->dir, "other-app.db", NULL);
  g_autofree char *sha_project = NULL, *sha_other = NULL, *after = NULL;

  cli_test_init_with_sample (f);
  sql (f->project, "PRAGMA user_version = 99;");
  sql_leaving_wal (f->project, "UPDATE document SET title = 'In the WAL';");
  sha_project = cli_test_sha256_of_file (f->project);
  cli_test_expect_failure (f, 1, WORDS ("newer version", "not changed"), ARGS ("--project", f->project, "list"));
  after = cli_test_sha256_of_file (f->project);
  g_assert_cmpstr (sha_project, ==, after);
  g_assert_true (exists_with_suffix (f->project, "-wal"));

  sql (other, "PRAGMA journal_mode = WAL; PRAGMA application_id = 42; CREATE TABLE t (x);");
  sql_leaving_wal (other, "INSERT INTO t VALUES (1);");
  sha_other = cli_test_sha256_of_file (other);
  g_clear_pointer (&after, g_free);
  {
    g_auto(CliTestResult) r = RUN (f, "--project", other, "list");

    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "another application"));
  }
  after = cli_test_sha256_of_file (other);
  g_assert_cmpstr (sha_other, ==, after);
}

/* 7. A project failing its check opens read-only and says how to recover. */
static void
test_damaged (CliTestFixture *f,
              gconstpointer   data)
{
  g_autofree char *sha = NULL, *after = NULL;
  g_auto(CliTestResult) list = { 0 };
  g_auto(CliTestResult) edit = { 0 };

  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 root = 0, page_size = 0;
  FILE *file;

  cli_test_init_with_sample (f);
  /* A b-tree page of an index overwritten, as a bad disk sector would. */
  g_assert_cmpint (sqlite3_open (f->project, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size) "
                                       "FROM sqlite_master WHERE name = 'fragment_annotation';",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int64 (stmt, 0);
  page_size = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  file = fopen (f->project, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (root - 1) * page_size, SEEK_SET), ==, 0);
  fwrite ("\x0d\xff\xff\xff\xff\xff\xff\xff", 1, 8, file);
  fclose (file);
  sha = cli_test_sha256_of_file (f->project);
  list = RUN (f, "--project", f->project, "list");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.err, "damaged"));
  g_assert_nonnull (strstr (list.err, ".recover"));
  edit = RUN (f, "--project", f->project, "annotate", "--document", "1", "--label", "claim",
              "--start", "0", "--end", "5");
  g_assert_cmpint (edit.status, ==, 1);
  g_assert_nonnull (strstr (edit.err, "read-only"));
  after = cli_test_sha256_of_file (f->project);
  g_assert_cmpstr (sha, ==, after);
}

/* 5. Two doc set commands at once both keep their change. */
static void
test_concurrent_doc_set (CliTestFixture *f,
                         gconstpointer   data)
{
  cli_test_init_with_sample (f);
  for (guint round = 0; round < 10; round++)
    {
      g_autofree char *genre = g_strdup (round % 2 ? "genre=opinion" : "genre=reporting");
      g_autofree char *tone = g_strdup (round % 2 ? "tone=negative" : "tone=positive");
      const char *a[] = { cli_test_binary, "--project", f->project, "doc", "set", "--document", "1", genre, NULL };
      const char *b[] = { cli_test_binary, "--project", f->project, "doc", "set", "--document", "1", tone, NULL };
      g_autoptr(GError) error = NULL;
      GPid pa, pb;
      int sa = 0, sb = 0;
      g_autofree char *expected_genre = NULL, *expected_tone = NULL;
      g_auto(CliTestResult) json = { 0 };
      g_autofree char *out = g_build_filename (f->dir, "fields.jsonl", NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_spawn_async (f->dir, (char **) a, f->envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pa, &error));
      g_assert_true (g_spawn_async (f->dir, (char **) b, f->envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pb, &error));
      g_assert_cmpint (waitpid (pa, &sa, 0), ==, pa);
      g_assert_cmpint (waitpid (pb, &sb, 0), ==, pb);
      g_spawn_close_pid (pa);
      g_spawn_close_pid (pb);
      g_assert_true (WIFEXITED (sa) && WEXITSTATUS (sa) == 0);
      g_assert_true (WIFEXITED (sb) && WEXITSTATUS (sb) == 0);
      json = RUN (f, "--project", f->project, "export", "--format", "jsonl", "-o", out);
      g_assert_cmpint (json.status, ==, 0);
      text = cli_test_read_file (out);
      expected_genre = g_strdup_printf ("\"genre\":\"%s\"", strchr (genre, '=') + 1);
      expected_tone = g_strdup_printf ("\"tone\":\"%s\"", strchr (tone, '=') + 1);
      if (strstr (text, expected_genre) == NULL || strstr (text, expected_tone) == NULL)
        g_error ("round %u lost an update: %.200s", round, strstr (text, "\"fields\"") ? strstr (text, "\"fields\"") : "");
    }
}

/* 8. What an import leaves out is said; quotes in messages are short. */
static void
test_said_not_silent (CliTestFixture *f,
                      gconstpointer   data)
{
  g_autofree char *text = cli_test_write_temp (f, "doc.txt", "Le texte des annotations.\n", -1);
  g_autofree char *w3c = cli_test_write_temp (f, "links.jsonld",
    "[{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"id\": \"#a1\", \"type\": \"Annotation\","
    " \"body\": {\"type\": \"TextualBody\", \"value\": \"claim\", \"purpose\": \"tagging\"},"
    " \"target\": {\"source\": \"doc.txt\", \"selector\": {\"type\": \"TextPositionSelector\", \"start\": 3, \"end\": 8}}},"
    " {\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"id\": \"#l1\", \"type\": \"Annotation\","
    " \"body\": {\"type\": \"TextualBody\", \"value\": \"same_claim_as\", \"purpose\": \"tagging\"},"
    " \"target\": [\"#a1\", \"#elsewhere\"]}]", -1);
  g_autofree char *long_quote = g_strnfill (100000, 'q');
  g_autofree char *ann_text = g_strdup_printf ("T1\tclaim 0 5\t%s\n", long_quote);
  g_autofree char *brat = g_build_filename (f->dir, "brat", NULL);
  g_autofree char *ann = NULL, *txt = NULL;
  g_auto(CliTestResult) linked = { 0 };
  g_auto(CliTestResult) quoted = { 0 };

  cli_test_init_with_sample (f);
  linked = RUN (f, "--project", f->project, "import", "--format", "w3c", w3c, text);
  g_assert_cmpint (linked.status, ==, 0);
  g_assert_nonnull (strstr (linked.err, "#elsewhere"));
  g_assert_nonnull (strstr (linked.err, "left out"));

  g_mkdir (brat, 0700);
  txt = cli_test_write_temp (f, "brat/d.txt", "Une phrase courte.\n", -1);
  ann = cli_test_write_temp (f, "brat/d.ann", ann_text, -1);
  quoted = RUN (f, "--project", f->project, "import", "--format", "brat", brat);
  g_assert_cmpint (quoted.status, ==, 0);
  g_assert_nonnull (strstr (quoted.err, "does not match"));
  g_assert_cmpuint (strlen (quoted.err), <, 2000);
}

/* 8. A byte-order mark alone is as empty as an empty file. */
static void
test_bom_only (CliTestFixture *f,
               gconstpointer   data)
{
  g_autofree char *bom = cli_test_write_temp (f, "bom.txt", "\xef\xbb\xbf", 3);
  g_autofree char *empty = cli_test_write_temp (f, "empty.txt", "", 0);

  cli_test_init_with_sample (f);
  cli_test_expect_failure (f, 1, WORDS ("bom.txt is empty"), ARGS ("--project", f->project, "import", bom));
  cli_test_expect_failure (f, 1, WORDS ("empty.txt is empty"), ARGS ("--project", f->project, "import", empty));
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
  ADD ("/cli/safety/one-transaction", test_one_transaction);
  ADD ("/cli/safety/unreadable-pages", test_unreadable_pages);
  ADD ("/cli/safety/deep-json", test_deep_json);
  ADD ("/cli/safety/json-strings", test_json_strings);
  ADD ("/cli/safety/long-line", test_long_line);
  ADD ("/cli/safety/xml-entities", test_xml_entities);
  ADD ("/cli/safety/read-only", test_read_only);
  ADD ("/cli/safety/no-side-files", test_no_side_files);
  ADD ("/cli/safety/refused-files-untouched", test_refused_files_untouched);
  ADD ("/cli/safety/damaged", test_damaged);
  ADD ("/cli/safety/concurrent-doc-set", test_concurrent_doc_set);
  ADD ("/cli/safety/said-not-silent", test_said_not_silent);
  ADD ("/cli/safety/bom-only", test_bom_only);
  return g_test_run ();
}
