/* SPDX-License-Identifier: GPL-3.0-or-later */
/* faults-util.c: hearsay-cli killed at chosen moments, and SQLite checks. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <glib-unix.h>

#include "faults-util.h"

/* A command that has not ended after this long is hung: a failure. */
#define HUNG_SECONDS 120.0

const char *faults_cli;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_rmdir (path);
}

FaultsEnv *
faults_env_new (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("hearsay-faults-%s-XXXXXX", name);
  g_autofree char *xdg = NULL;
  FaultsEnv *env = g_new0 (FaultsEnv, 1);

  env->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  env->project = g_build_filename (env->dir, "project.hearsay", NULL);
  xdg = g_build_filename (env->dir, "xdg-data", NULL);
  env->envp = g_get_environ ();
  env->envp = g_environ_setenv (env->envp, "XDG_DATA_HOME", xdg, TRUE);
  env->envp = g_environ_setenv (env->envp, "LC_ALL", "C.UTF-8", TRUE);
  env->envp = g_environ_setenv (env->envp, "HEARSAY_LOCALEDIR", env->dir, TRUE);
  return env;
}

void
faults_env_free (FaultsEnv *env)
{
  remove_tree (env->dir);
  g_free (env->dir);
  g_free (env->project);
  g_strfreev (env->envp);
  g_free (env);
}

void
faults_run_clear (FaultsRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

GPid
faults_cli_spawn (FaultsEnv          *env,
                  const char * const *args,
                  int                *out_fd,
                  int                *err_fd)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_ptr_array_add (argv, (char *) faults_cli);
  g_ptr_array_add (argv, (char *) "--project");
  g_ptr_array_add (argv, env->project);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_async_with_pipes (env->dir, (char **) argv->pdata, env->envp, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, out_fd, err_fd, &error);
  g_assert_no_error (error);
  g_unix_set_fd_nonblocking (*out_fd, TRUE, NULL);
  g_unix_set_fd_nonblocking (*err_fd, TRUE, NULL);
  return pid;
}

/* Reads what is there; closes the pipe at its end. */
static void
drain (int     *fd,
       GString *into)
{
  char buffer[4096];
  ssize_t n;

  while (*fd >= 0 && (n = read (*fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          if (errno == EAGAIN)
            return;
          break;
        }
      g_string_append_len (into, buffer, n);
    }
  if (*fd >= 0)
    close (*fd);
  *fd = -1;
}

static void
finish (int     *out_fd,
        int     *err_fd,
        GString *out,
        GString *err)
{
  /* The process is gone: its pipes end (blocking reads are safe). */
  if (*out_fd >= 0)
    g_unix_set_fd_nonblocking (*out_fd, FALSE, NULL);
  if (*err_fd >= 0)
    g_unix_set_fd_nonblocking (*err_fd, FALSE, NULL);
  drain (out_fd, out);
  drain (err_fd, err);
}

gboolean
faults_cli_poll (GPid       pid,
                 int       *out_fd,
                 int       *err_fd,
                 GString   *out,
                 GString   *err,
                 FaultsRun *run)
{
  int status = 0;
  pid_t r;

  drain (out_fd, out);
  drain (err_fd, err);
  r = waitpid (pid, &status, WNOHANG);
  if (r == 0)
    return FALSE;
  g_assert_cmpint (r, ==, pid);
  finish (out_fd, err_fd, out, err);
  run->killed = WIFSIGNALED (status);
  run->status = WIFEXITED (status) ? WEXITSTATUS (status) : -WTERMSIG (status);
  return TRUE;
}

FaultsRun
faults_cli_run (FaultsEnv          *env,
                double              kill_after,
                const char * const *args)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  FaultsRun run = { 0 };
  int out_fd = -1, err_fd = -1;
  GPid pid = faults_cli_spawn (env, args, &out_fd, &err_fd);

  while (!faults_cli_poll (pid, &out_fd, &err_fd, out, err, &run))
    {
      double elapsed = g_timer_elapsed (timer, NULL);
      GPollFD fds[2] = { { out_fd, G_IO_IN | G_IO_HUP, 0 }, { err_fd, G_IO_IN | G_IO_HUP, 0 } };
      int status = 0;

      if ((kill_after >= 0 && elapsed >= kill_after) || elapsed > HUNG_SECONDS)
        {
          g_assert_cmpfloat (elapsed, <=, HUNG_SECONDS);
          kill (pid, SIGKILL);
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          finish (&out_fd, &err_fd, out, err);
          /* It may have exited on its own just before the signal. */
          run.killed = WIFSIGNALED (status);
          run.status = WIFEXITED (status) ? WEXITSTATUS (status) : -WTERMSIG (status);
          break;
        }
      /* Wake up at least every millisecond: the kill moment is that exact. */
      g_poll (fds, out_fd >= 0 && err_fd >= 0 ? 2 : 0, 1);
      if (out_fd < 0 || err_fd < 0)
        g_usleep (200);
    }
  g_spawn_close_pid (pid);
  run.seconds = g_timer_elapsed (timer, NULL);
  run.out = g_string_free (g_steal_pointer (&out), FALSE);
  run.err = g_string_free (g_steal_pointer (&err), FALSE);
  if (run.killed)
    g_assert_cmpint (run.status, ==, -SIGKILL);
  return run;
}

char *
faults_cli_ok (FaultsEnv          *env,
               const char * const *args)
{
  g_auto(FaultsRun) run = faults_cli_run (env, -1, args);

  if (run.status != 0)
    g_error ("hearsay-cli %s failed (%d): %s", args[0], run.status, run.err);
  return g_steal_pointer (&run.out);
}

gint64
faults_parse_id (const char *out)
{
  gint64 id = 0;
  char *end = NULL;

  if (out == NULL || !g_ascii_isdigit (*out))
    return 0;
  id = g_ascii_strtoll (out, &end, 10);
  return end != NULL && (*end == '\n' || *end == '\t' || *end == '\0') ? id : 0;
}

gint64
faults_db_int (sqlite3    *db,
               const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
faults_db_text (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

sqlite3 *
faults_db_open_checked (FaultsEnv *env)
{
  sqlite3 *db = NULL;
  g_autofree char *integrity = NULL;

  g_assert_cmpint (sqlite3_open_v2 (env->project, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  integrity = faults_db_text (db, "PRAGMA integrity_check;");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (faults_db_int (db, "SELECT count(*) FROM pragma_foreign_key_check;"), ==, 0);
  return db;
}

double
faults_uniform (double lo,
                double hi)
{
  return g_test_rand_double_range (lo, hi);
}
