/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-history.c: edits, undo and redo — each document's edits undone in
 * that document, document fields undoable and never lost to another
 * writer, ids never reused, entries that can no longer apply dropped with
 * a message. */
#include <string.h>

#include "hearsay-error.h"
#include "core-test-util.h"

static guint
count_annotations (HearsayProject *project,
                   gint64          doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = hearsay_project_list_annotations (project, doc, &error);

  g_assert_no_error (error);
  return list->len;
}

static void
test_undo_stays_in_its_document (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("scope.hearsay");
  gint64 doc1 = core_test_add_document (project, "Le premier article, assez long pour deux spans.", "Un");
  gint64 doc2 = core_test_add_document (project, "Le second article, lui aussi assez long.", "Deux");
  g_auto(HearsayHistoryStep) step = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  core_test_annotate (project, doc1, "claim", 3, 10);
  core_test_annotate (project, doc2, "claim", 3, 9);
  core_test_annotate (project, doc2, "source_mention", 11, 18);

  /* Reading document 1, undo takes document 1's edit, not the newest one. */
  label = hearsay_project_dup_undo_label (project, doc1);
  g_assert_cmpstr (label, ==, "Add Claim");
  g_assert_true (hearsay_project_undo (project, doc1, &step, &error));
  g_assert_no_error (error);
  g_assert_cmpint (step.document_id, ==, doc1);
  g_assert_cmpstr (step.label, ==, "Add Claim");
  g_assert_cmpuint (count_annotations (project, doc1), ==, 0);
  g_assert_cmpuint (count_annotations (project, doc2), ==, 2);

  /* Nothing left in document 1; document 2 still has its two. */
  g_assert_false (hearsay_project_undo (project, doc1, NULL, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "in this document"));
  g_clear_error (&error);

  /* An edit in document 2 keeps document 1's redo. */
  core_test_annotate (project, doc2, "claim", 20, 27);
  g_assert_true (hearsay_project_redo (project, doc1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_annotations (project, doc1), ==, 1);

  /* The CLI's undo takes the newest edit anywhere. */
  hearsay_history_step_clear (&step);
  g_assert_true (hearsay_project_undo (project, HEARSAY_PROJECT_ANY_DOCUMENT, &step, &error));
  g_assert_cmpint (step.document_id, ==, doc2);
  g_assert_cmpuint (count_annotations (project, doc2), ==, 2);
}

static void
test_ids_never_reused (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("ids.hearsay");
  gint64 doc = core_test_add_document (project, "Un texte pour trois annotations, pas plus.", "Ids");
  g_autoptr(GError) error = NULL;
  gint64 a, b, c;

  a = core_test_annotate (project, doc, "claim", 0, 5);
  b = core_test_annotate (project, doc, "claim", 6, 11);
  /* Deleting the newest, then undoing its creation elsewhere in the
   * history, must not hand its id to the next annotation. */
  g_assert_true (hearsay_project_delete_annotation (project, b, &error));
  g_assert_no_error (error);
  c = core_test_annotate (project, doc, "claim", 12, 20);
  g_assert_cmpint (c, >, b);
  g_assert_cmpint (b, >, a);

  /* Undo the creation of c, then the deletion of b: b comes back as b. */
  g_assert_true (hearsay_project_undo (project, doc, NULL, &error));
  g_assert_true (hearsay_project_undo (project, doc, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(HearsayAnnotation) back = hearsay_project_get_annotation (project, b, &error);

    g_assert_no_error (error);
    g_assert_cmpint (hearsay_annotation_get_fragment (back, 0)->start, ==, 6);
  }
  /* And a new one after that is not given c's id either. */
  g_assert_cmpint (core_test_annotate (project, doc, "frame_cue", 21, 25), >, c);
}

static void
test_entry_that_cannot_apply (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("conflict.hearsay");
  gint64 doc1 = core_test_add_document (project, "Une affirmation dans le premier texte.", "Un");
  gint64 doc2 = core_test_add_document (project, "La même affirmation dans le second texte.", "Deux");
  g_autoptr(GError) error = NULL;
  gint64 claim1, claim2, link;

  claim1 = core_test_annotate (project, doc1, "claim", 4, 15);
  claim2 = core_test_annotate (project, doc2, "claim", 9, 20);
  link = hearsay_project_create_relation (project, "same_claim_as", claim1, claim2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (link, >, 0);
  /* Document 2 deletes its claim, and the link with it. */
  g_assert_true (hearsay_project_delete_annotation (project, claim2, &error));
  /* Document 1's undo of the link has nothing left to remove. */
  g_assert_false (hearsay_project_undo (project, doc1, NULL, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "cannot be undone"));
  g_assert_nonnull (strstr (error->message, "taken out of the undo history"));
  g_clear_error (&error);
  /* The history goes on with the entry before it. */
  g_assert_true (hearsay_project_undo (project, doc1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_annotations (project, doc1), ==, 0);
}

static void
test_duplicate_relation (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("duplicate.hearsay");
  gint64 doc = core_test_add_document (project, "Selon l'agence, le bilan est lourd.", "Dup");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gint64 content, source;

  source = core_test_annotate (project, doc, "source_mention", 6, 14);
  content = core_test_annotate (project, doc, "attributed_content", 16, 34);
  g_assert_cmpint (hearsay_project_create_relation (project, "attributed_to", content, source, &error), >, 0);
  before = hearsay_project_dup_undo_label (project, doc);
  g_assert_cmpint (hearsay_project_create_relation (project, "attributed_to", content, source, &error), ==, 0);
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "already linked"));
  after = hearsay_project_dup_undo_label (project, doc);
  g_assert_cmpstr (before, ==, after);
}

static void
test_document_fields_undo (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("fields.hearsay");
  g_autofree char *path = g_strdup (hearsay_project_get_path (project));
  gint64 doc_id = core_test_add_document (project, "Un article à classer.", "Classer");
  g_autoptr(HearsayProject) other = NULL;
  g_autoptr(HearsayDocument) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  const char *genre[] = { "reporting", NULL };
  const char *tone[] = { "negative", NULL };
  const char *reuters[] = { "Reuters", NULL };
  const char *genre_name[] = { "genre", NULL };
  const char *their_names[] = { "tone", "outlet", NULL };
  const char * const *genre_values[] = { genre };
  const char * const *their_values[] = { tone, reuters };

  /* Two writers (connections) each change other fields: both are kept. */
  other = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (hearsay_project_set_document_values (project, doc_id, genre_name, genre_values, &error));
  g_assert_true (hearsay_project_set_document_values (other, doc_id, their_names, their_values, &error));
  g_assert_no_error (error);
  stored = hearsay_project_load_document (project, doc_id, &error);
  g_assert_cmpstr (hearsay_document_get_field (stored, "genre")[0], ==, "reporting");
  g_assert_cmpstr (hearsay_document_get_field (stored, "tone")[0], ==, "negative");
  g_assert_cmpstr (hearsay_document_get_outlet (stored), ==, "Reuters");
  g_clear_object (&stored);

  /* Each is an edit of the document, undone in it. */
  label = hearsay_project_dup_undo_label (project, doc_id);
  g_assert_cmpstr (label, ==, "Edit Document");
  g_assert_true (hearsay_project_undo (project, doc_id, NULL, &error));
  g_assert_no_error (error);
  stored = hearsay_project_load_document (project, doc_id, &error);
  g_assert_null (hearsay_document_get_field (stored, "tone"));
  g_assert_null (hearsay_document_get_outlet (stored));
  g_assert_cmpstr (hearsay_document_get_field (stored, "genre")[0], ==, "reporting");
  g_clear_pointer (&label, g_free);
  label = hearsay_project_dup_undo_label (project, doc_id);
  g_assert_cmpstr (label, ==, "Change Genre");
  g_assert_true (hearsay_project_redo (project, doc_id, NULL, &error));
  g_clear_object (&stored);
  stored = hearsay_project_load_document (project, doc_id, &error);
  g_assert_cmpstr (hearsay_document_get_outlet (stored), ==, "Reuters");

  /* Unknown names and values outside the scheme are refused. */
  {
    const char *bad_name[] = { "colour", NULL };
    const char *bad_genre[] = { "poetry", NULL };
    const char * const *bad_values[] = { bad_genre };

    g_assert_false (hearsay_project_set_document_values (project, doc_id, bad_name, bad_values, &error));
    g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_UNKNOWN_ATTRIBUTE);
    g_clear_error (&error);
    g_assert_false (hearsay_project_set_document_values (project, doc_id, genre_name, bad_values, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  /* Saving the same values again changes nothing and records nothing. */
  g_clear_pointer (&label, g_free);
  g_assert_true (hearsay_project_update_document (project, stored, &error));
  label = hearsay_project_dup_undo_label (project, doc_id);
  g_assert_cmpstr (label, ==, "Edit Document");
  g_assert_null (hearsay_project_dup_redo_label (project, doc_id));
}

int
main (int   argc,
      char *argv[])
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/history/undo-stays-in-its-document", test_undo_stays_in_its_document);
  g_test_add_func ("/history/ids-never-reused", test_ids_never_reused);
  g_test_add_func ("/history/entry-that-cannot-apply", test_entry_that_cannot_apply);
  g_test_add_func ("/history/duplicate-relation", test_duplicate_relation);
  g_test_add_func ("/history/document-fields", test_document_fields_undo);
  return g_test_run ();
}
