/* SPDX-License-Identifier: GPL-3.0-or-later */
/* faults-util.h: running hearsay-cli as a crashing machine would (killed at
 * a chosen moment) and reading its project directly with SQLite. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The hearsay-cli under test (argv[1] of the test program). */
extern const char *faults_cli;

typedef struct
{
  char *dir;        /* a temporary folder, removed by faults_env_free() */
  char *project;    /* dir/project.hearsay */
  char **envp;
} FaultsEnv;

FaultsEnv  *faults_env_new        (const char  *name);
void        faults_env_free       (FaultsEnv   *env);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FaultsEnv, faults_env_free)

typedef struct
{
  gboolean killed;   /* SIGKILLed before it exited */
  int status;        /* the exit status when it exited */
  char *out;
  char *err;
  double seconds;    /* from spawn to exit or kill */
} FaultsRun;

void        faults_run_clear      (FaultsRun   *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FaultsRun, faults_run_clear)

/* Runs hearsay-cli --project env->project ARGS…; with @kill_after >= 0 it
 * is SIGKILLed after that many seconds unless it has exited. */
FaultsRun   faults_cli_run        (FaultsEnv          *env,
                                   double              kill_after,
                                   const char * const *args);
/* Starts hearsay-cli without waiting; faults_cli_poll() reaps it. */
GPid        faults_cli_spawn      (FaultsEnv          *env,
                                   const char * const *args,
                                   int                *out_fd,
                                   int                *err_fd);
/* Whether @pid has exited (then @run is filled and its pipes closed). */
gboolean    faults_cli_poll       (GPid                pid,
                                   int                *out_fd,
                                   int                *err_fd,
                                   GString            *out,
                                   GString            *err,
                                   FaultsRun          *run);
/* Runs a command that must succeed; returns its stdout. */
char       *faults_cli_ok         (FaultsEnv          *env,
                                   const char * const *args);
/* The id hearsay-cli printed (its first line), or 0. */
gint64      faults_parse_id       (const char         *out);

/* Opens the project as the next hearsay-cli would (a WAL left by a killed
 * process is recovered), checks PRAGMA integrity_check and foreign keys. */
sqlite3    *faults_db_open_checked (FaultsEnv         *env);
gint64      faults_db_int         (sqlite3            *db,
                                   const char         *sql);
/* The first column of the first row as text (NULL when none). */
char       *faults_db_text        (sqlite3            *db,
                                   const char         *sql);

/* A random number in [@lo, @hi) from GTest's seeded generator. */
double      faults_uniform        (double              lo,
                                   double              hi);

#define FAULTS_ARGS(...) ((const char * const[]) { __VA_ARGS__, NULL })

G_END_DECLS
