/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-events-search.c: events, full-text search (FTS5) and document filters. */
#include <glib/gstdio.h>

#include "hearsay-error.h"
#include "hearsay-project.h"
#include "core-test-util.h"

typedef struct
{
  char *dir;
  HearsayProject *project;
  gint64 rt, reuters, old;
} Fixture;

static gint64
add_document (HearsayProject *project,
              const char     *title,
              const char     *outlet,
              const char     *date,
              const char     *text)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  HearsayDocument *doc = hearsay_document_new (text);

  hearsay_document_set_title (doc, title);
  hearsay_document_set_outlet (doc, outlet);
  hearsay_document_set_published_at (doc, date);
  g_ptr_array_add (docs, doc);
  g_assert_true (hearsay_project_add_documents (project, docs, &error));
  g_assert_no_error (error);
  return hearsay_document_get_id (doc);
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("hearsay-events-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "p.hearsay", NULL);
  f->project = hearsay_project_create (path, &error);
  g_assert_no_error (error);
  f->rt = add_document (f->project, "Damas déclare Deir ez-Zor libérée", "RT", "2017-11-03",
                        "L'armée syrienne a annoncé que Daesh avait été chassée de Deir ez-Zor, "
                        "a fait savoir une source militaire citée par Sana.");
  f->reuters = add_document (f->project, "Syrian army retakes Deir al-Zor", "Reuters", "2017-11-04T09:12:00Z",
                             "Syria's army said on Friday it had recaptured Deir al-Zor from Islamic State.");
  f->old = add_document (f->project, "Palmyre", "RT", "2017-03-02",
                         "L'armée syrienne a repris Palmyre aux djihadistes.");
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->project);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayEvent) event = hearsay_event_new ("Deir ez-Zor retaken", "2017-11-03");
  g_autoptr(HearsayEvent) bad = hearsay_event_new ("", NULL);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) suggested = NULL;
  gint64 ids[] = { f->rt };

  g_assert_true (hearsay_project_save_event (f->project, event, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hearsay_event_get_id (event), >, 0);
  g_assert_false (hearsay_project_save_event (f->project, bad, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_true (hearsay_project_set_document_event (f->project, ids, 1, hearsay_event_get_id (event), &error));
  g_assert_cmpint (hearsay_project_get_document_event (f->project, f->rt), ==, hearsay_event_get_id (event));

  /* Reuters, a day later, is suggested; Palmyre, months before, is not. */
  suggested = hearsay_project_suggest_event_documents (f->project, hearsay_event_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggested->len, ==, 1);
  g_assert_cmpint (hearsay_document_get_id (suggested->pdata[0]), ==, f->reuters);

  hearsay_event_set_name (event, "Deir ez-Zor retaken by the Syrian army");
  g_assert_true (hearsay_project_save_event (f->project, event, &error));
  events = hearsay_project_list_events (f->project, &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (hearsay_event_get_name (events->pdata[0]), ==, "Deir ez-Zor retaken by the Syrian army");
  g_assert_cmpuint (hearsay_event_get_n_documents (events->pdata[0]), ==, 1);

  /* Deleting an event leaves its documents, in no event. */
  g_assert_true (hearsay_project_delete_event (f->project, hearsay_event_get_id (event), &error));
  g_assert_cmpint (hearsay_project_get_document_event (f->project, f->rt), ==, 0);
  g_assert_false (hearsay_project_set_document_event (f->project, ids, 1, 999, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  HearsaySearchHit *hit;

  hits = hearsay_project_search (f->project, "\"source militaire\"", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = hits->pdata[0];
  g_assert_cmpint (hit->document_id, ==, f->rt);
  /* Offsets are code points of the document, the snippet holds the match. */
  g_assert_cmpint (hit->end - hit->start, ==, g_utf8_strlen ("source militaire", -1));
  {
    g_autofree char *match = g_utf8_substring (hit->snippet, hit->snippet_start, hit->snippet_end);

    g_assert_cmpstr (match, ==, "source militaire");
  }
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Diacritics are folded and prefixes work: "liberee", "syri*". */
  hits = hearsay_project_search (f->project, "syri*", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 3);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = hearsay_project_search (f->project, "chassee", 0, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = hearsay_project_search (f->project, "d'après", 0, &error);
  g_assert_null (hits);
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "double quotes"));
  g_clear_error (&error);
  hits = hearsay_project_search (f->project, "  ", 0, &error);
  g_assert_null (hits);
  g_clear_error (&error);
}

static guint
count_filtered (HearsayProject              *project,
                const HearsayDocumentFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = hearsay_project_filter_documents (project, filter, &error);

  g_assert_no_error (error);
  return docs->len;
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayAnnotation) claim = hearsay_annotation_new (f->reuters, "claim");
  HearsayDocumentFilter rt = { .outlet = "RT" };
  HearsayDocumentFilter november = { .date_from = "2017-11-01", .date_to = "2017-11-30" };
  HearsayDocumentFilter claims = { .label = "claim" };
  HearsayDocumentFilter query = { .query = "armée", .date_to = "2017-06-30" };
  HearsayDocumentFilter bad = { .query = "AND" };

#define COUNT(filter) count_filtered (f->project, &(filter))
  g_assert_cmpuint (COUNT (rt), ==, 2);
  g_assert_cmpuint (COUNT (november), ==, 2);
  g_assert_cmpuint (COUNT (claims), ==, 0);
  hearsay_annotation_add_fragment (claim, 0, 10);
  g_assert_true (hearsay_project_create_annotation (f->project, claim, &error));
  g_assert_cmpuint (COUNT (claims), ==, 1);
  g_assert_cmpuint (COUNT (query), ==, 1);
#undef COUNT
  g_assert_null (hearsay_project_filter_documents (f->project, &bad, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE);
}

int
main (int   argc,
      char *argv[])
{
  core_test_init (&argc, &argv);
  g_test_add ("/events/events", Fixture, NULL, set_up, test_events, tear_down);
  g_test_add ("/events/search", Fixture, NULL, set_up, test_search, tear_down);
  g_test_add ("/events/filter", Fixture, NULL, set_up, test_filter, tear_down);
  return g_test_run ();
}
