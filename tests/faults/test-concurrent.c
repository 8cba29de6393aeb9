/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-concurrent.c: three hearsay-cli writers at once on one project, each
 * in a loop of annotate, doc set (a field of its own on a shared document)
 * and undo. Nothing any of them was told is done may be lost: every
 * acknowledged annotation is present unless an acknowledged undo removed
 * it (one undo, one annotation), each writer's last acknowledged field
 * value is the document's, and an undo fails only when there is nothing
 * to undo. */
#include <string.h>

#include "faults-util.h"

#define WRITERS 3
#define CYCLES 40

/* Issue 10 item 5, fixed: doc set read the document outside its
 * transaction, so concurrent doc sets lost updates; concurrent undos could
 * pick the same history entry. A failure of these checks is a failure. */
static const gboolean doc_set_known_defect = FALSE;
static const gboolean undo_known_defect = FALSE;

static const char * const labels[WRITERS] = { "claim", "source_mention", "attribution_cue" };
static const char * const fields[WRITERS] = { "title", "outlet", "url" };

typedef enum { STEP_ANNOTATE, STEP_DOC_SET, STEP_UNDO, N_STEPS } Step;

typedef struct
{
  guint k;
  guint cycle;
  Step step;
  GPid pid;
  int out_fd, err_fd;
  GString *out, *err;
  char *value;               /* doc set: the value being written */
  char *last_value;          /* doc set: the last one acknowledged */
} Writer;

typedef struct
{
  FaultsEnv *env;
  char *display[WRITERS];    /* "Add Claim"…: what undo prints for each label */
  GHashTable *acked[WRITERS];/* annotation ids acknowledged, per label */
  GHashTable *undone;        /* undo's output → how many acknowledged */
  char *last_value[WRITERS];
  guint n_runs, n_failed, n_undo_nothing;
  GPtrArray *failures;       /* "COMMAND: stderr" of unexpected failures */
  GPtrArray *undo_failures;  /* undo failures other than "nothing to undo" */
  gboolean crashed;
  double seconds;
} Run;

static Run run;

static void
start (Writer *w)
{
  g_autofree char *start = g_strdup_printf ("%u", 10 + w->k * 600 + w->cycle * 12);
  g_autofree char *end = g_strdup_printf ("%u", 10 + w->k * 600 + w->cycle * 12 + 5);

  g_string_truncate (w->out, 0);
  g_string_truncate (w->err, 0);
  g_clear_pointer (&w->value, g_free);
  switch (w->step)
    {
    case STEP_ANNOTATE:
      w->pid = faults_cli_spawn (run.env, FAULTS_ARGS ("annotate", "--document", "1", "--label", labels[w->k],
                                                       "--start", start, "--end", end),
                                 &w->out_fd, &w->err_fd);
      break;
    case STEP_DOC_SET:
      {
        g_autofree char *arg = NULL;

        w->value = g_strdup_printf ("%s-by-writer-%u-cycle-%u", fields[w->k], w->k, w->cycle);
        arg = g_strdup_printf ("%s=%s", fields[w->k], w->value);
        w->pid = faults_cli_spawn (run.env, FAULTS_ARGS ("doc", "set", "--document", "2", arg),
                                   &w->out_fd, &w->err_fd);
        break;
      }
    case STEP_UNDO:
      /* Document 1's edits: a doc set on document 2 is undoable too, in
       * its own document's history. */
      w->pid = faults_cli_spawn (run.env, FAULTS_ARGS ("undo", "--document", "1"), &w->out_fd, &w->err_fd);
      break;
    case N_STEPS:
    default:
      g_assert_not_reached ();
    }
}

/* Records what the writer's command answered; FALSE when the writer is done. */
static gboolean
finished (Writer          *w,
          const FaultsRun *result)
{
  run.n_runs++;
  if (result->status < 0)
    {
      run.crashed = TRUE;
      g_ptr_array_add (run.failures, g_strdup_printf ("writer %u: hearsay-cli died (signal %d): %s",
                                                      w->k, -result->status, w->err->str));
    }
  else if (result->status != 0)
    {
      run.n_failed++;
      if (w->step == STEP_UNDO && strstr (w->err->str, "nothing to undo") != NULL)
        run.n_undo_nothing++;
      else if (w->step == STEP_UNDO)
        g_ptr_array_add (run.undo_failures, g_strdup_printf ("writer %u: undo: %s", w->k, g_strchomp (w->err->str)));
      else
        g_ptr_array_add (run.failures, g_strdup_printf ("writer %u: %s: %s", w->k,
                                                        w->step == STEP_ANNOTATE ? "annotate" : "doc set",
                                                        g_strchomp (w->err->str)));
    }
  else
    switch (w->step)
      {
      case STEP_ANNOTATE:
        {
          gint64 id = faults_parse_id (w->out->str);

          g_assert_cmpint (id, >, 0);
          g_hash_table_add (run.acked[w->k], g_memdup2 (&id, sizeof id));
          break;
        }
      case STEP_DOC_SET:
        g_free (run.last_value[w->k]);
        run.last_value[w->k] = g_strdup (w->value);
        break;
      case STEP_UNDO:
        {
          g_autofree char *label = g_strchomp (g_strdup (w->out->str));
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (run.undone, label));

          g_hash_table_insert (run.undone, g_steal_pointer (&label), GUINT_TO_POINTER (n + 1));
          break;
        }
      case N_STEPS:
      default:
        break;
      }
  /* Undo every other cycle, so that annotations pile up too. */
  w->step++;
  if (w->step == STEP_UNDO && w->cycle % 2 == 1)
    w->step++;
  if (w->step == N_STEPS)
    {
      w->step = STEP_ANNOTATE;
      w->cycle++;
    }
  return w->cycle < CYCLES;
}

static void
workload (void)
{
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *article = NULL, *out = NULL;
  g_autoptr(GString) text = g_string_new ("Trois rédacteurs\n\n");
  g_autoptr(GError) error = NULL;
  Writer writers[WRITERS] = { { 0 } };
  guint active = WRITERS;

  if (run.env != NULL)
    return;
  run.env = faults_env_new ("concurrent");
  run.undone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.failures = g_ptr_array_new_with_free_func (g_free);
  run.undo_failures = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "mot%03u ", i);
  article = g_build_filename (run.env->dir, "article.txt", NULL);
  g_file_set_contents (article, text->str, text->len, &error);
  g_assert_no_error (error);
  g_free (faults_cli_ok (run.env, FAULTS_ARGS ("init")));
  out = faults_cli_ok (run.env, FAULTS_ARGS ("import", "--no-boilerplate", article, article));
  /* What undo prints for each writer's annotations. */
  for (guint k = 0; k < WRITERS; k++)
    {
      g_free (faults_cli_ok (run.env, FAULTS_ARGS ("annotate", "--document", "1", "--label", labels[k],
                                                   "--start", "0", "--end", "4")));
      run.display[k] = g_strchomp (faults_cli_ok (run.env, FAULTS_ARGS ("undo")));
      run.acked[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }

  timer = g_timer_new ();
  for (guint k = 0; k < WRITERS; k++)
    {
      writers[k].k = k;
      writers[k].out = g_string_new (NULL);
      writers[k].err = g_string_new (NULL);
      start (&writers[k]);
    }
  while (active > 0)
    {
      gboolean any = FALSE;

      for (guint k = 0; k < WRITERS; k++)
        {
          Writer *w = &writers[k];
          FaultsRun result = { 0 };

          if (w->pid == 0 || !faults_cli_poll (w->pid, &w->out_fd, &w->err_fd, w->out, w->err, &result))
            continue;
          any = TRUE;
          g_spawn_close_pid (w->pid);
          w->pid = 0;
          if (finished (w, &result))
            start (w);
          else
            active--;
        }
      if (!any)
        g_usleep (500);
      g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 300);
    }
  run.seconds = g_timer_elapsed (timer, NULL);
  for (guint k = 0; k < WRITERS; k++)
    {
      g_string_free (writers[k].out, TRUE);
      g_string_free (writers[k].err, TRUE);
      g_free (writers[k].value);
    }
  g_test_message ("%u commands by %u writers in %.1f s; %u failed (%u undo: nothing to undo)",
                  run.n_runs, WRITERS, run.seconds, run.n_failed, run.n_undo_nothing);
}

/* The known defect's check: a failure is TODO while the fix is pending. */
static gboolean
known (gboolean    ok,
       gboolean    known_defect,
       const char *what)
{
  if (ok)
    return TRUE;
  if (known_defect)
    {
      g_test_incomplete (what);
      return FALSE;
    }
  g_test_fail_printf ("%s", what);
  return FALSE;
}

static void
test_integrity (void)
{
  sqlite3 *db;

  workload ();
  db = faults_db_open_checked (run.env);
  g_assert_cmpint (faults_db_int (db, "SELECT count(*) FROM annotation WHERE id NOT IN "
                                      "(SELECT annotation_id FROM fragment);"), ==, 0);
  sqlite3_close (db);
  for (guint i = 0; i < run.failures->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (run.failures, i));
  /* No command died, none failed but undo with nothing to undo (a busy
   * project waits: the busy timeout is 5 s). */
  g_assert_false (run.crashed);
  g_assert_cmpuint (run.failures->len, ==, 0);
}

static void
test_annotations (void)
{
  sqlite3 *db;
  guint other_undos = 0;
  GHashTableIter iter;
  gpointer key, value;

  workload ();
  db = faults_db_open_checked (run.env);
  g_hash_table_iter_init (&iter, run.undone);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean ours = FALSE;

      for (guint k = 0; k < WRITERS; k++)
        ours = ours || g_str_equal (key, run.display[k]);
      if (!ours)
        other_undos += GPOINTER_TO_UINT (value);
    }
  g_assert_cmpuint (other_undos, ==, 0);
  for (guint k = 0; k < WRITERS; k++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM annotation WHERE label = '%s';", labels[k]);
      g_autoptr(GHashTable) present = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      guint undos = GPOINTER_TO_UINT (g_hash_table_lookup (run.undone, run.display[k]));
      guint missing = 0;
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          /* Nothing lands that was not acknowledged (no command failed
           * after writing). */
          if (!g_hash_table_contains (run.acked[k], &id))
            g_error ("%s %" G_GINT64_FORMAT " is in the project but was not acknowledged", labels[k], id);
          g_hash_table_add (present, g_memdup2 (&id, sizeof id));
        }
      sqlite3_finalize (stmt);
      g_hash_table_iter_init (&iter, run.acked[k]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        missing += !g_hash_table_contains (present, key);
      g_test_message ("%s: %u acknowledged, %u present, %u acknowledged undos of them",
                      labels[k], g_hash_table_size (run.acked[k]), g_hash_table_size (present), undos);
      /* More missing than undone: an acknowledged annotation is lost. */
      g_assert_cmpuint (missing, <=, undos);
      /* Fewer: two acknowledged undos removed one annotation. */
      if (!known (missing == undos, undo_known_defect,
                  "known defect (issue 10 item 5): two concurrent undos acknowledged one history entry"))
        break;
    }
  sqlite3_close (db);
}

static void
test_undo_errors (void)
{
  workload ();
  for (guint i = 0; i < run.undo_failures->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (run.undo_failures, i));
  known (run.undo_failures->len == 0, undo_known_defect,
         "known defect (issue 10 item 5): concurrent undos pick the same entry and fail");
}

static void
test_doc_set (void)
{
  sqlite3 *db;
  guint lost = 0;

  workload ();
  db = faults_db_open_checked (run.env);
  for (guint k = 0; k < WRITERS; k++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM document WHERE id = 2;", fields[k]);
      g_autofree char *now = faults_db_text (db, sql);

      g_assert_nonnull (run.last_value[k]);
      if (g_strcmp0 (now, run.last_value[k]) != 0)
        {
          g_test_message ("%s is “%s”, the last acknowledged was “%s”", fields[k], now, run.last_value[k]);
          lost++;
        }
    }
  sqlite3_close (db);
  known (lost == 0, doc_set_known_defect,
         "known defect (issue 10 item 5): a concurrent doc set lost an acknowledged update");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  faults_cli = argc > 1 ? argv[1] : g_getenv ("HEARSAY_CLI");
  if (faults_cli == NULL)
    {
      g_printerr ("usage: %s PATH-TO-hearsay-cli\n", argv[0]);
      return 2;
    }
  /* One workload, run by the first test; each test checks one promise. */
  g_test_add_func ("/faults/concurrent/integrity", test_integrity);
  g_test_add_func ("/faults/concurrent/annotations", test_annotations);
  g_test_add_func ("/faults/concurrent/undo-errors", test_undo_errors);
  g_test_add_func ("/faults/concurrent/doc-set", test_doc_set);
  status = g_test_run ();
  if (run.env != NULL)
    {
      for (guint k = 0; k < WRITERS; k++)
        {
          g_free (run.display[k]);
          g_free (run.last_value[k]);
          g_hash_table_unref (run.acked[k]);
        }
      g_hash_table_unref (run.undone);
      g_ptr_array_unref (run.failures);
      g_ptr_array_unref (run.undo_failures);
      faults_env_free (run.env);
    }
  return status;
}
