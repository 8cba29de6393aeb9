/* test-corpus.c: the events window (create, rename, assign, suggestions,
 * remove) and the side-by-side reader (a same_claim_as pair across two
 * panes). */
#include "config.h"

#include <string.h>

#include "hearsay-events-dialog.h"
#include "hearsay-parallel-window.h"
#include "hearsay-test-util.h"

static char *tmp_dir;

static gint64
add_document (HearsayProject *project,
              const char     *title,
              const char     *outlet,
              const char     *date,
              const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  HearsayDocument *doc = hearsay_document_new (text);

  hearsay_document_set_title (doc, title);
  hearsay_document_set_outlet (doc, outlet);
  hearsay_document_set_published_at (doc, date);
  g_ptr_array_add (docs, doc);
  g_assert_true (hearsay_project_add_documents (project, docs, &error));
  g_assert_no_error (error);
  return hearsay_document_get_id (doc);
}

static gint64
annotate (HearsayProject *project,
          gint64          document_id,
          const char     *label,
          const char     *quote)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) doc = hearsay_project_load_document (project, document_id, &error);
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (document_id, label);
  const char *at = strstr (hearsay_document_get_text (doc), quote);

  g_assert_nonnull (at);
  hearsay_annotation_add_fragment (ann, at - hearsay_document_get_text (doc),
                                   at - hearsay_document_get_text (doc) + strlen (quote));
  g_assert_true (hearsay_project_create_annotation (project, ann, &error));
  g_assert_no_error (error);
  return hearsay_annotation_get_id (ann);
}

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_events (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "events.hearsay", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (path, &error);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GArray) suggested = NULL;
  g_autoptr(HearsayEvent) event = NULL;
  HearsayEventsDialog *dialog;
  gint64 rt, near, far, id;

  g_assert_no_error (error);
  rt = add_document (project, "RT report", "RT", "2017-11-03", "The army retook the city on Friday.");
  near = add_document (project, "Reuters report", "Reuters", "2017-11-05", "Syrian forces took the city.");
  far = add_document (project, "AFP report", "AFP", "2018-03-01", "An unrelated story.");

  dialog = hearsay_events_dialog_new (NULL, project);
  gtk_window_present (GTK_WINDOW (dialog));
  hearsay_test_iterate ();

  /* A bad date is refused. */
  gtk_editable_set_text (hearsay_events_dialog_get_name_entry (dialog), "Deir ez-Zor");
  gtk_editable_set_text (hearsay_events_dialog_get_date_entry (dialog), "2017-13-45");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "events.new", NULL);
  events = hearsay_project_list_events (project, &error);
  g_assert_cmpuint (events->len, ==, 0);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Create. */
  gtk_editable_set_text (hearsay_events_dialog_get_date_entry (dialog), "2017-11-03");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "events.new", NULL);
  id = hearsay_events_dialog_get_selected_event (dialog);
  g_assert_cmpint (id, >, 0);

  /* Rename. */
  gtk_editable_set_text (hearsay_events_dialog_get_name_entry (dialog), "Deir ez-Zor retaken");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "events.rename", NULL);
  event = hearsay_project_get_event (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_event_get_name (event), ==, "Deir ez-Zor retaken");
  g_assert_cmpstr (hearsay_event_get_date (event), ==, "2017-11-03");
  g_assert_cmpint (hearsay_events_dialog_get_selected_event (dialog), ==, id);

  /* Add a document; the one three days later is suggested, not the far one. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "events.add-document", "x", rt);
  g_assert_cmpint (hearsay_project_get_document_event (project, rt), ==, id);
  suggested = hearsay_events_dialog_dup_suggested (dialog);
  g_assert_true (contains (suggested, near));
  g_assert_false (contains (suggested, far));
  g_assert_false (contains (suggested, rt));
  hearsay_test_iterate ();

  /* Remove. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "events.remove-document", "x", rt);
  g_assert_cmpint (hearsay_project_get_document_event (project, rt), ==, 0);

  /* Delete. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "events.delete", NULL);
  events = hearsay_project_list_events (project, &error);
  g_assert_cmpuint (events->len, ==, 0);
  g_assert_cmpint (hearsay_events_dialog_get_selected_event (dialog), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  hearsay_test_iterate ();
}

static void
test_parallel (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "parallel.hearsay", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (path, &error);
  HearsayParallelWindow *window;
  HearsayReader *first, *second;
  gint64 a, b, claim_a, claim_b, ids[2];

  g_assert_no_error (error);
  a = add_document (project, "RT report", "RT", "2017-11-03",
                    "Intro text. The army retook Deir ez-Zor on Friday. More text follows here.");
  b = add_document (project, "Reuters report", "Reuters", "2017-11-03",
                    "Other intro. Syrian forces captured Deir ez-Zor, officials said. The end.");
  claim_a = annotate (project, a, "claim", "The army retook Deir ez-Zor on Friday.");
  claim_b = annotate (project, b, "claim", "Syrian forces captured Deir ez-Zor");
  g_assert_cmpint (hearsay_project_create_relation (project, "same_claim_as", claim_a, claim_b, &error), >, 0);
  g_assert_no_error (error);

  window = hearsay_parallel_window_new (NULL, project);
  ids[0] = a;
  ids[1] = b;
  hearsay_parallel_window_set_documents (window, ids, 2);
  gtk_window_present (GTK_WINDOW (window));
  hearsay_test_iterate ();

  first = hearsay_parallel_window_get_reader (window, 0);
  second = hearsay_parallel_window_get_reader (window, 1);
  g_assert_cmpint (hearsay_document_get_id (hearsay_reader_get_document (first)), ==, a);
  g_assert_cmpint (hearsay_document_get_id (hearsay_reader_get_document (second)), ==, b);
  g_assert_cmpuint (hearsay_parallel_window_get_n_links (window, 0), ==, 1);
  g_assert_cmpuint (hearsay_parallel_window_get_n_links (window, 1), ==, 1);

  /* Selecting the claim in pane 1 selects its partner in pane 2. */
  hearsay_reader_set_selected_annotation (first, claim_a);
  g_signal_emit_by_name (first, "annotation-selected", claim_a);
  hearsay_test_iterate ();
  g_assert_cmpint (hearsay_reader_get_selected_annotation (second), ==, claim_b);

  /* And back, through the linked-claims list of pane 2. */
  hearsay_reader_set_selected_annotation (first, 0);
  hearsay_parallel_window_activate_claim (window, 1, claim_b);
  g_assert_cmpint (hearsay_reader_get_selected_annotation (first), ==, claim_a);

  gtk_window_destroy (GTK_WINDOW (window));
  hearsay_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  hearsay_test_init (&argc, &argv);
  tmp_dir = g_dir_make_tmp ("hearsay-corpus-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/corpus/events", test_events);
  g_test_add_func ("/corpus/parallel", test_parallel);
  status = g_test_run ();
  g_free (tmp_dir);
  return status;
}
