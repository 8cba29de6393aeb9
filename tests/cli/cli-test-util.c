/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-test-util.c */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

const char *cli_test_binary;



void
cli_test_result_clear (CliTestResult *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}


void
cli_test_fixture_setup (CliTestFixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = NULL;

  f->dir = g_dir_make_tmp ("hearsay-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->project = g_build_filename (f->dir, "project.hearsay", NULL);
  xdg = g_build_filename (f->dir, "xdg-data", NULL);
  f->envp = g_get_environ ();
  f->envp = g_environ_setenv (f->envp, "XDG_DATA_HOME", xdg, TRUE);
  f->envp = g_environ_setenv (f->envp, "LC_ALL", "C.UTF-8", TRUE);
  f->envp = g_environ_setenv (f->envp, "HEARSAY_LOCALEDIR", f->dir, TRUE);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          /* A link is removed, never followed (nor its target chmodded). */
          if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            {
              g_unlink (child);
              continue;
            }
          g_chmod (child, 0700);
          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

void
cli_test_fixture_teardown (CliTestFixture       *f,
                           gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->project);
  g_strfreev (f->envp);
}

static void
child_drop_root (gpointer data)
{
  if (setgid (65534) != 0 || setuid (65534) != 0)
    _exit (99);
}

/* Runs hearsay-cli with the NULL-terminated arguments. */
CliTestResult
cli_test_run_argv (CliTestFixture            *f,
                   const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  CliTestResult r = { 0 };
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) cli_test_binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (f->dir, (char **) argv->pdata, f->envp, G_SPAWN_DEFAULT,
                f->drop_root ? child_drop_root : NULL, NULL,
                &r.out, &r.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  if (g_test_verbose ())
    g_test_message ("exit %d\nstdout: %s\nstderr: %s", r.status, r.out, r.err);
  return r;
}


char *
cli_test_sha256_of_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

char *
cli_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

char *
cli_test_write_temp (CliTestFixture    *f,
                     const char *name,
                     const char *data,
                     gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

char *
cli_test_sample_path (void)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "samples",
                           "rt-deir-ez-zor-2017.txt", NULL);
}

char *
cli_test_fixture_path (const char *name)
{
  return g_build_filename (CLI_FIXTURES_DIR, name, NULL);
}

const char cli_test_sample_title[] =
  "Guerre en Syrie : Damas déclare Deir ez-Zor totalement libérée de Daesh";

void
cli_test_init_project (CliTestFixture    *f,
                       const char *project)
{
  g_auto(CliTestResult) r = RUN (f, "--project", project, "init");

  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_true (g_file_test (project, G_FILE_TEST_IS_REGULAR));
}

void
cli_test_init_with_sample (CliTestFixture *f)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *expected = g_strdup_printf ("1\t%s\n", cli_test_sample_title);
  g_auto(CliTestResult) r = { 0 };

  cli_test_init_project (f, f->project);
  r = RUN (f, "--project", f->project, "import", "--outlet", "RT en français",
           "--date", "2017-11-03", "--language", "fr", sample);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, expected);
}

/* Runs a command that must fail with @status, name @words on stderr and
 * leave the project file byte for byte as it was. */
void
cli_test_expect_failure (CliTestFixture            *f,
                         int                 status,
                         const char * const *words,
                         const char * const *args)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(CliTestResult) r = { 0 };
  gboolean exists = g_file_test (f->project, G_FILE_TEST_EXISTS);

  if (exists)
    before = cli_test_sha256_of_file (f->project);
  r = cli_test_run_argv (f, args);
  g_assert_cmpint (r.status, ==, status);
  g_assert_cmpstr (r.out, ==, "");
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      if (strstr (r.err, words[i]) == NULL)
        g_error ("stderr lacks “%s”: %s", words[i], r.err);
    }
  if (exists)
    {
      after = cli_test_sha256_of_file (f->project);
      g_assert_cmpstr (before, ==, after);
    }
}


gint64
cli_test_cp_offset (const char *text,
                    const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (text, p);
}
