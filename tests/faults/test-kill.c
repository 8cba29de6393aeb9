/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-kill.c: hearsay-cli SIGKILLed at random moments — during edits
 * (annotate, relate, doc set, undo) and during imports of folders of a few
 * hundred text and HTML files. After every kill the project passes
 * PRAGMA integrity_check, holds every edit the CLI acknowledged (exit 0 and
 * an id) and no undo it acknowledged, and holds each import whole or not at
 * all. The killed command itself may or may not have landed, but whole.
 * The random seed is printed (GTest); rerun with --seed to reproduce. */
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "faults-util.h"

#define EDIT_KILLS 200
#define IMPORT_KILLS 100
#define TEXT_FILES 300
#define HTML_FILES 200

/* Annotations and relations as the test expects them. */
typedef struct
{
  gint64 start, end;
  const char *label;
  gboolean alive;     /* FALSE: undone, must stay gone */
} Ann;

typedef struct
{
  gint64 from, to;
  gboolean alive;
} Rel;

typedef enum { OP_ANNOTATE, OP_RELATE, OP_DOC_SET, OP_UNDO, N_OPS } Op;
static const char * const op_names[] = { "annotate", "relate", "doc set", "undo" };

typedef struct
{
  FaultsEnv *env;
  gint64 text_length;
  GHashTable *anns;      /* id → Ann */
  GHashTable *rels;      /* id → Rel */
  gint64 max_ann, max_rel;
  char *title;           /* document 2's title */
  guint n_titles;
  /* The newest history entry is this annotation or relation (undo's target),
   * when the last edit that landed was one. */
  gboolean undo_ok;
  gboolean undo_is_rel;
  gint64 undo_id;
  double typical[N_OPS]; /* seconds a run of each takes, unkilled */
  guint kills[N_OPS], landed[N_OPS], acked[N_OPS];
} Edits;

static void
check_edits (Edits *e)
{
  sqlite3 *db = faults_db_open_checked (e->env);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *title = NULL;
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n_alive = 0;

  /* Every annotation has its one fragment (no half annotation). */
  g_assert_cmpint (faults_db_int (db, "SELECT count(*) FROM annotation WHERE id NOT IN "
                                      "(SELECT annotation_id FROM fragment);"), ==, 0);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT a.id, a.label, f.start, f.\"end\" FROM annotation a "
                                           "JOIN fragment f ON f.annotation_id = a.id;", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Ann *ann = g_hash_table_lookup (e->anns, &id);

      if (ann == NULL || !ann->alive)
        g_error ("annotation %" G_GINT64_FORMAT " is in the project but %s", id,
                 ann == NULL ? "was never created" : "was undone (acknowledged)");
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, ann->label);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, ann->start);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 3), ==, ann->end);
      g_hash_table_add (seen, g_hash_table_lookup_extended (e->anns, &id, &key, NULL) ? key : NULL);
    }
  sqlite3_finalize (stmt);
  g_hash_table_iter_init (&iter, e->anns);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((Ann *) value)->alive)
      {
        n_alive++;
        if (!g_hash_table_contains (seen, key))
          g_error ("acknowledged annotation %" G_GINT64_FORMAT " is lost", *(gint64 *) key);
      }
  g_assert_cmpuint (g_hash_table_size (seen), ==, n_alive);

  n_alive = 0;
  g_hash_table_remove_all (seen);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, from_id, to_id FROM relation;", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Rel *rel = g_hash_table_lookup (e->rels, &id);

      if (rel == NULL || !rel->alive)
        g_error ("relation %" G_GINT64_FORMAT " is in the project but %s", id,
                 rel == NULL ? "was never created" : "was undone (acknowledged)");
      g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, rel->from);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, rel->to);
      g_hash_table_lookup_extended (e->rels, &id, &key, NULL);
      g_hash_table_add (seen, key);
    }
  sqlite3_finalize (stmt);
  g_hash_table_iter_init (&iter, e->rels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((Rel *) value)->alive)
      {
        n_alive++;
        if (!g_hash_table_contains (seen, key))
          g_error ("acknowledged relation %" G_GINT64_FORMAT " is lost", *(gint64 *) key);
      }
  g_assert_cmpuint (g_hash_table_size (seen), ==, n_alive);

  title = faults_db_text (db, "SELECT title FROM document WHERE id = 2;");
  g_assert_cmpstr (title, ==, e->title);
  g_assert_cmpint (faults_db_int (db, "SELECT count(*) FROM document;"), ==, 2);
  sqlite3_close (db);
}

static gint64 *
new_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* What a killed command left: nothing, or all of it. Updates the model. */
static gboolean
landed_after_kill (Edits      *e,
                   Op          op,
                   const Ann  *ann,
                   const Rel  *rel,
                   const char *title)
{
  sqlite3 *db = faults_db_open_checked (e->env);
  g_autofree char *sql = NULL;
  gboolean landed = FALSE;

  switch (op)
    {
    case OP_ANNOTATE:
      sql = g_strdup_printf ("SELECT count(*) FROM annotation WHERE id > %" G_GINT64_FORMAT ";", e->max_ann);
      landed = faults_db_int (db, sql) > 0;
      if (landed)
        {
          gint64 id;

          g_assert_cmpint (faults_db_int (db, sql), ==, 1);
          g_free (sql);
          sql = g_strdup_printf ("SELECT id FROM annotation WHERE id > %" G_GINT64_FORMAT ";", e->max_ann);
          id = faults_db_int (db, sql);
          g_hash_table_insert (e->anns, new_id (id), g_memdup2 (ann, sizeof *ann));
          e->max_ann = id;
          e->undo_ok = TRUE;
          e->undo_is_rel = FALSE;
          e->undo_id = id;
        }
      break;
    case OP_RELATE:
      sql = g_strdup_printf ("SELECT count(*) FROM relation WHERE id > %" G_GINT64_FORMAT ";", e->max_rel);
      landed = faults_db_int (db, sql) > 0;
      if (landed)
        {
          gint64 id;

          g_assert_cmpint (faults_db_int (db, sql), ==, 1);
          g_free (sql);
          sql = g_strdup_printf ("SELECT id FROM relation WHERE id > %" G_GINT64_FORMAT ";", e->max_rel);
          id = faults_db_int (db, sql);
          g_hash_table_insert (e->rels, new_id (id), g_memdup2 (rel, sizeof *rel));
          e->max_rel = id;
          e->undo_ok = TRUE;
          e->undo_is_rel = TRUE;
          e->undo_id = id;
        }
      break;
    case OP_DOC_SET:
      {
        g_autofree char *now = faults_db_text (db, "SELECT title FROM document WHERE id = 2;");

        landed = g_strcmp0 (now, title) == 0;
        if (!landed)
          g_assert_cmpstr (now, ==, e->title);
        else
          {
            g_free (e->title);
            e->title = g_strdup (title);
            /* doc set may become undoable: undo's target is unknown then. */
            e->undo_ok = FALSE;
          }
        break;
      }
    case OP_UNDO:
      sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = %" G_GINT64_FORMAT ";",
                             e->undo_is_rel ? "relation" : "annotation", e->undo_id);
      landed = faults_db_int (db, sql) == 0;
      if (landed)
        {
          if (e->undo_is_rel)
            ((Rel *) g_hash_table_lookup (e->rels, &e->undo_id))->alive = FALSE;
          else
            ((Ann *) g_hash_table_lookup (e->anns, &e->undo_id))->alive = FALSE;
          e->undo_ok = FALSE;
        }
      break;
    case N_OPS:
    default:
      g_assert_not_reached ();
    }
  sqlite3_close (db);
  return landed;
}

/* Two annotations of the kinds attributed_to links that are not linked yet. */
static gboolean
pick_pair (Edits  *e,
           gint64 *from,
           gint64 *to)
{
  GHashTableIter iter;
  gpointer key, value;
  gint64 claim = 0, source = 0;

  g_hash_table_iter_init (&iter, e->anns);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Ann *ann = value;
      gint64 id = *(gint64 *) key;

      if (!ann->alive)
        continue;
      if (g_str_equal (ann->label, "claim") && id > claim)
        claim = id;
      else if (g_str_equal (ann->label, "source_mention") && id > source)
        source = id;
    }
  if (claim == 0 || source == 0)
    return FALSE;
  g_hash_table_iter_init (&iter, e->rels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Rel *rel = value;

      if (rel->alive && rel->from == claim && rel->to == source)
        return FALSE;
    }
  *from = claim;
  *to = source;
  return TRUE;
}

/* One edit, killed after @kill_after seconds (< 0: never). */
static FaultsRun
run_edit (Edits   *e,
          Op       op,
          double   kill_after)
{
  g_autofree char *s = NULL, *end = NULL, *from = NULL, *to = NULL, *field = NULL;
  Ann ann = { 0 };
  Rel rel = { 0 };
  FaultsRun run = { 0 };

  switch (op)
    {
    case OP_ANNOTATE:
      ann.start = g_test_rand_int_range (0, e->text_length - 12);
      ann.end = ann.start + g_test_rand_int_range (1, 12);
      ann.label = g_test_rand_bit () ? "claim" : "source_mention";
      ann.alive = TRUE;
      s = g_strdup_printf ("%" G_GINT64_FORMAT, ann.start);
      end = g_strdup_printf ("%" G_GINT64_FORMAT, ann.end);
      run = faults_cli_run (e->env, kill_after,
                            FAULTS_ARGS ("annotate", "--document", "1", "--label", ann.label,
                                         "--start", s, "--end", end));
      break;
    case OP_RELATE:
      g_assert_true (pick_pair (e, &rel.from, &rel.to));
      rel.alive = TRUE;
      from = g_strdup_printf ("%" G_GINT64_FORMAT, rel.from);
      to = g_strdup_printf ("%" G_GINT64_FORMAT, rel.to);
      run = faults_cli_run (e->env, kill_after,
                            FAULTS_ARGS ("relate", "--type", "attributed_to", "--from", from, "--to", to));
      break;
    case OP_DOC_SET:
      field = g_strdup_printf ("title=Titre %u", ++e->n_titles);
      run = faults_cli_run (e->env, kill_after, FAULTS_ARGS ("doc", "set", "--document", "2", field));
      break;
    case OP_UNDO:
      g_assert_true (e->undo_ok);
      run = faults_cli_run (e->env, kill_after, FAULTS_ARGS ("undo"));
      break;
    case N_OPS:
    default:
      g_assert_not_reached ();
    }

  if (run.killed)
    {
      e->kills[op]++;
      if (landed_after_kill (e, op, &ann, &rel, field ? field + strlen ("title=") : NULL))
        e->landed[op]++;
      return run;
    }
  if (run.status != 0)
    g_error ("hearsay-cli %s failed (%d): %s", op_names[op], run.status, run.err);
  e->acked[op]++;
  switch (op)
    {
    case OP_ANNOTATE:
    case OP_RELATE:
      {
        gint64 id = faults_parse_id (run.out);

        g_assert_cmpint (id, >, op == OP_ANNOTATE ? e->max_ann : e->max_rel);
        if (op == OP_ANNOTATE)
          {
            g_hash_table_insert (e->anns, new_id (id), g_memdup2 (&ann, sizeof ann));
            e->max_ann = id;
          }
        else
          {
            g_hash_table_insert (e->rels, new_id (id), g_memdup2 (&rel, sizeof rel));
            e->max_rel = id;
          }
        e->undo_ok = TRUE;
        e->undo_is_rel = op == OP_RELATE;
        e->undo_id = id;
        break;
      }
    case OP_DOC_SET:
      g_free (e->title);
      e->title = g_strdup (field + strlen ("title="));
      e->undo_ok = FALSE;
      break;
    case OP_UNDO:
      g_assert_cmpstr (run.out, !=, "");
      if (e->undo_is_rel)
        ((Rel *) g_hash_table_lookup (e->rels, &e->undo_id))->alive = FALSE;
      else
        ((Ann *) g_hash_table_lookup (e->anns, &e->undo_id))->alive = FALSE;
      e->undo_ok = FALSE;
      break;
    case N_OPS:
    default:
      break;
    }
  return run;
}

static Op
pick_op (Edits *e)
{
  gint64 from, to;

  switch (g_test_rand_int_range (0, 4))
    {
    case 0:
      return e->undo_ok ? OP_UNDO : OP_ANNOTATE;
    case 1:
      return pick_pair (e, &from, &to) ? OP_RELATE : OP_ANNOTATE;
    case 2:
      return OP_DOC_SET;
    default:
      return OP_ANNOTATE;
    }
}

/* An ASCII article: any offset is a character boundary. */
static char *
write_article (FaultsEnv  *env,
               const char *name,
               guint       n_words,
               gint64     *length)
{
  g_autoptr(GString) text = g_string_new ("Un article pour les tests de pannes\n\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (env->dir, name, NULL);

  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (text, "mot%u%s", i, i % 12 == 11 ? ".\n" : " ");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  if (length != NULL)
    *length = g_utf8_strlen (text->str, -1);
  return path;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
test_kill_edits (void)
{
  g_autoptr(FaultsEnv) env = faults_env_new ("edits");
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *article = NULL, *other = NULL, *out = NULL;
  double times[N_OPS][5];
  guint n_times[N_OPS] = { 0 };
  Edits e = { env };
  guint total = 0;
  sqlite3 *db;

  article = write_article (env, "article.txt", 2000, &e.text_length);
  other = write_article (env, "other.txt", 20, NULL);
  g_free (faults_cli_ok (env, FAULTS_ARGS ("init")));
  out = faults_cli_ok (env, FAULTS_ARGS ("import", "--format", "text", "--no-boilerplate", article, other));
  g_assert_true (g_str_has_prefix (out, "1\t"));
  e.anns = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  e.rels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  db = faults_db_open_checked (env);
  e.title = faults_db_text (db, "SELECT title FROM document WHERE id = 2;");
  sqlite3_close (db);

  /* How long each edit takes when it is not killed: the median of 5. */
  while (n_times[OP_ANNOTATE] < 5 || n_times[OP_RELATE] < 5 || n_times[OP_DOC_SET] < 5 || n_times[OP_UNDO] < 5)
    {
      gint64 from, to;
      Op op = n_times[OP_RELATE] < 5 && pick_pair (&e, &from, &to) ? OP_RELATE
            : n_times[OP_UNDO] < 5 && e.undo_ok ? OP_UNDO
            : n_times[OP_DOC_SET] < 5 ? OP_DOC_SET : OP_ANNOTATE;
      g_auto(FaultsRun) run = run_edit (&e, op, -1);

      if (n_times[op] < 5)
        times[op][n_times[op]++] = run.seconds;
    }
  for (Op op = OP_ANNOTATE; op < N_OPS; op++)
    {
      qsort (times[op], 5, sizeof (double), compare_doubles);
      e.typical[op] = times[op][2];
      e.acked[op] = 0;
    }
  check_edits (&e);

  /* Edits, each killed with probability 3/4 at a moment up to its typical
   * length (a moving average: the machine may be busy): from its start to
   * its commit and the exit after it. */
  while (total < EDIT_KILLS)
    {
      Op op = pick_op (&e);
      gboolean kill_it = g_test_rand_int_range (0, 4) > 0;
      g_auto(FaultsRun) run = run_edit (&e, op, kill_it ? faults_uniform (0, 1.05 * e.typical[op]) : -1);

      if (run.killed)
        total++;
      else
        e.typical[op] = 0.8 * e.typical[op] + 0.2 * run.seconds;
      check_edits (&e);
    }
  g_test_message ("edits: %u kills in %.1f s", total, g_timer_elapsed (timer, NULL));
  for (Op op = OP_ANNOTATE; op < N_OPS; op++)
    g_test_message ("  %-8s typical %5.1f ms: %3u acknowledged, %3u killed (%u of them landed)",
                    op_names[op], e.typical[op] * 1000, e.acked[op], e.kills[op], e.landed[op]);
  /* The kills hit every kind of edit, and some landed while others did not. */
  for (Op op = OP_ANNOTATE; op < N_OPS; op++)
    g_assert_cmpuint (e.kills[op], >, 0);
  g_hash_table_unref (e.anns);
  g_hash_table_unref (e.rels);
  g_free (e.title);
}

static void
write_folder (FaultsEnv  *env,
              const char *name,
              gboolean    html,
              guint       n)
{
  g_autofree char *dir = g_build_filename (env->dir, name, NULL);

  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *file = g_strdup_printf ("%s/page%03u.%s", dir, i, html ? "html" : "txt");
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;

      if (html)
        data = g_strdup_printf ("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                                "<title>Page %u</title><meta property=\"og:site_name\" content=\"RT\">"
                                "</head><body><nav>Accueil · Monde</nav><article><h1>Titre %u</h1>"
                                "<p>Damas a déclaré que la ville %u est « libérée ».</p>"
                                "<p>Selon une source militaire citée par Sana, l'armée avance.</p>"
                                "<p>Suivez RT en français sur Twitter</p></article></body></html>\n",
                                i, i, i);
      else
        data = g_strdup_printf ("Dépêche %u\n\nDamas a déclaré que la ville %u est « libérée ».\n"
                                "Selon une source militaire citée par Sana, l'armée avance.\n\n"
                                "Suivez RT en français sur Twitter\n", i, i);
      g_file_set_contents (file, data, -1, &error);
      g_assert_no_error (error);
    }
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

typedef struct
{
  gint64 documents;      /* expected in the project */
  gint64 max_id;         /* the newest document id seen */
} Imports;

/* The documents after max_id: none, or exactly one folder's worth. */
static gint64
check_imports (FaultsEnv *env,
               Imports   *m,
               gint64     batch)
{
  sqlite3 *db = faults_db_open_checked (env);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM document WHERE id > %" G_GINT64_FORMAT ";",
                                          m->max_id);
  gint64 added = faults_db_int (db, sql);

  if (added != 0 && added != batch)
    g_error ("a killed import left %" G_GINT64_FORMAT " of its %" G_GINT64_FORMAT " documents", added, batch);
  g_assert_cmpint (faults_db_int (db, "SELECT count(*) FROM document;"), ==, m->documents + added);
  /* The boilerplate marked on the documents came with them. */
  g_assert_cmpint (faults_db_int (db, "SELECT count(*) FROM annotation WHERE document_id NOT IN "
                                      "(SELECT id FROM document);"), ==, 0);
  m->documents += added;
  m->max_id = faults_db_int (db, "SELECT coalesce(max(id), 0) FROM document;");
  sqlite3_close (db);
  return added;
}

static void
test_kill_import (void)
{
  g_autoptr(FaultsEnv) env = faults_env_new ("import");
  g_autofree char *texts = g_build_filename (env->dir, "texts", NULL);
  g_autofree char *pages = g_build_filename (env->dir, "pages", NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  Imports m = { 0 };
  double typical[2] = { 0 };
  guint kills = 0, landed = 0, acked = 0;

  write_folder (env, "texts", FALSE, TEXT_FILES);
  write_folder (env, "pages", TRUE, HTML_FILES);
  g_free (faults_cli_ok (env, FAULTS_ARGS ("init")));
  for (guint k = 0; k < 2; k++)
    {
      g_auto(FaultsRun) run = faults_cli_run (env, -1, FAULTS_ARGS ("import", k ? pages : texts));

      g_assert_cmpint (run.status, ==, 0);
      typical[k] = run.seconds;
      g_assert_cmpint (check_imports (env, &m, k ? HTML_FILES : TEXT_FILES), ==, k ? HTML_FILES : TEXT_FILES);
    }

  while (kills < IMPORT_KILLS)
    {
      guint k = kills % 2;
      gint64 batch = k ? HTML_FILES : TEXT_FILES;
      gboolean kill_it = g_test_rand_int_range (0, 5) > 0;
      /* Half the kills anywhere, half around the commit at the end; the
       * typical length is a moving average (the project grows). */
      double when = kills % 4 < 2 ? faults_uniform (0, typical[k])
                                  : faults_uniform (0.75 * typical[k], 1.05 * typical[k]);
      g_auto(FaultsRun) run = faults_cli_run (env, kill_it ? when : -1,
                                              FAULTS_ARGS ("import", k ? pages : texts));
      gint64 added;

      if (!run.killed && run.status != 0)
        g_error ("hearsay-cli import failed (%d): %s", run.status, run.err);
      added = check_imports (env, &m, batch);
      if (run.killed)
        {
          kills++;
          landed += added > 0;
        }
      else
        {
          acked++;
          typical[k] = 0.8 * typical[k] + 0.2 * run.seconds;
          g_assert_cmpint (added, ==, batch);
          /* It printed one line per document. */
          g_assert_cmpuint (count_lines (run.out), ==, batch);
        }
      /* Keep the project small enough that an import stays this quick. */
      if (m.documents > 3000)
        {
          g_autofree char *wal = g_strconcat (env->project, "-wal", NULL);

          g_unlink (env->project);
          g_unlink (wal);
          g_free (faults_cli_ok (env, FAULTS_ARGS ("init")));
          m.documents = m.max_id = 0;
        }
    }
  g_test_message ("imports: %u kills (%u landed whole, the others left nothing), %u acknowledged, "
                  "typical %.0f ms (text) / %.0f ms (html), %.1f s",
                  kills, landed, acked, typical[0] * 1000, typical[1] * 1000, g_timer_elapsed (timer, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  faults_cli = argc > 1 ? argv[1] : g_getenv ("HEARSAY_CLI");
  if (faults_cli == NULL)
    {
      g_printerr ("usage: %s PATH-TO-hearsay-cli\n", argv[0]);
      return 2;
    }
  g_test_add_func ("/faults/kill/edits", test_kill_edits);
  g_test_add_func ("/faults/kill/import", test_kill_import);
  return g_test_run ();
}
