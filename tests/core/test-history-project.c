/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-history-project.c: project-wide edits (scheme, label remapping,
 * entities, events) undone in their own scope and never by a document's
 * undo; what a step says it concerns (text, span, entity or event name);
 * peeking at the next step; undoing one given entry only while it is next. */
#include <string.h>

#include "hearsay-error.h"
#include "core-test-util.h"

static void
assert_undo_label (HearsayProject *project,
                   gint64          scope,
                   const char     *expected)
{
  g_autofree char *label = hearsay_project_dup_undo_label (project, scope);

  g_assert_cmpstr (label, ==, expected);
}

/* Connected swapped: the counter comes first. */
static void
count_signal (guint    *count,
              gpointer  instance)
{
  (*count)++;
}

static void
test_scheme_scope (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("scheme-scope.hearsay");
  gint64 doc = core_test_add_document (project, "L'armée syrienne a annoncé la libération.", "Un");
  g_autoptr(HearsayScheme) scheme = hearsay_scheme_copy (hearsay_project_get_scheme (project));
  g_auto(HearsayHistoryStep) step = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *path = g_strdup (hearsay_project_get_path (project));
  guint scheme_changed = 0;
  gint64 claim;

  g_signal_connect_swapped (project, "scheme-changed", G_CALLBACK (count_signal), &scheme_changed);
  claim = core_test_annotate (project, doc, "claim", 0, 16);
  g_assert_true (hearsay_scheme_set_label (scheme, "rumour", "Rumour", "#aa3377", 0, &error));
  g_assert_true (hearsay_project_set_scheme (project, scheme, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (scheme_changed, ==, 1);

  /* The document's undo takes the document's edit, never the scheme's. */
  label = hearsay_project_dup_undo_label (project, doc);
  g_assert_cmpstr (label, ==, "Add Claim");
  g_clear_pointer (&label, g_free);
  label = hearsay_project_dup_undo_label (project, 0);
  g_assert_cmpstr (label, ==, "Edit Scheme");
  g_assert_true (hearsay_project_undo (project, doc, &step, &error));
  g_assert_cmpint (step.document_id, ==, doc);
  g_assert_cmpint (step.annotation_id, ==, claim);
  g_assert_nonnull (hearsay_scheme_lookup_label (hearsay_project_get_scheme (project), "rumour"));

  /* The project-wide undo takes it back, in memory and in the file. */
  g_assert_true (hearsay_project_undo (project, 0, &step, &error));
  g_assert_no_error (error);
  g_assert_cmpint (step.document_id, ==, 0);
  g_assert_cmpstr (step.label, ==, "Edit Scheme");
  g_assert_null (step.detail);
  g_assert_cmpuint (scheme_changed, ==, 2);
  g_assert_null (hearsay_scheme_lookup_label (hearsay_project_get_scheme (project), "rumour"));
  {
    g_autoptr(HearsayProject) reopened = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_null (hearsay_scheme_lookup_label (hearsay_project_get_scheme (reopened), "rumour"));
  }
  g_assert_false (hearsay_project_undo (project, 0, NULL, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no project-wide edit to undo");
  g_clear_error (&error);

  g_assert_true (hearsay_project_redo (project, 0, NULL, &error));
  g_assert_nonnull (hearsay_scheme_lookup_label (hearsay_project_get_scheme (project), "rumour"));
  /* Storing the same scheme again (an import does) records nothing. */
  g_assert_true (hearsay_project_set_scheme (project, scheme, &error));
  g_clear_pointer (&label, g_free);
  label = hearsay_project_dup_undo_label (project, 0);
  g_assert_cmpstr (label, ==, "Edit Scheme");
  g_assert_true (hearsay_project_undo (project, 0, NULL, &error));
  g_assert_false (hearsay_project_peek_undo (project, 0, NULL));
}

static void
test_remap_scope (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("remap.hearsay");
  gint64 doc = core_test_add_document (project, "Une rumeur, une autre rumeur et une affirmation.", "Un");
  g_autoptr(HearsayScheme) scheme = hearsay_scheme_copy (hearsay_project_get_scheme (project));
  g_autoptr(HearsayAnnotation) a = NULL, b = NULL, c = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rumour1, rumour2, claim;

  g_assert_true (hearsay_scheme_set_label (scheme, "rumour", "Rumour", "#aa3377", 0, &error));
  g_assert_true (hearsay_project_set_scheme (project, scheme, &error));
  rumour1 = core_test_annotate (project, doc, "rumour", 4, 10);
  rumour2 = core_test_annotate (project, doc, "rumour", 21, 27);
  claim = core_test_annotate (project, doc, "claim", 35, 47);
  g_assert_cmpint (hearsay_project_remap_label (project, "rumour", "claim", &error), ==, 2);
  g_assert_no_error (error);
  assert_undo_label (project, 0, "Remap Labels to Claim");

  /* Undone, only the two remapped ones go back: the claim stays a claim. */
  g_assert_true (hearsay_project_undo (project, 0, NULL, &error));
  g_assert_no_error (error);
  a = hearsay_project_get_annotation (project, rumour1, NULL);
  b = hearsay_project_get_annotation (project, rumour2, NULL);
  c = hearsay_project_get_annotation (project, claim, NULL);
  g_assert_cmpstr (hearsay_annotation_get_label (a), ==, "rumour");
  g_assert_cmpstr (hearsay_annotation_get_label (b), ==, "rumour");
  g_assert_cmpstr (hearsay_annotation_get_label (c), ==, "claim");
  /* Nothing to remap records nothing. */
  g_assert_true (hearsay_project_redo (project, 0, NULL, &error));
  g_assert_cmpint (hearsay_project_remap_label (project, "rumour", "claim", &error), ==, 0);
  assert_undo_label (project, 0, "Remap Labels to Claim");
}

static void
test_entity_scope (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("entities.hearsay");
  gint64 doc = core_test_add_document (project, "Selon SANA, la ville est libérée.", "Un");
  g_autoptr(HearsayEntity) sana = hearsay_entity_new ("SANA", "state_news_agency");
  g_autoptr(HearsayEntity) stored = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_auto(HearsayHistoryStep) step = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gint64 id, mention;
  guint changed = 0;

  g_signal_connect_swapped (project, "entities-changed", G_CALLBACK (count_signal), &changed);
  g_assert_true (hearsay_project_add_entity (project, sana, &error));
  g_assert_no_error (error);
  id = hearsay_entity_get_id (sana);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (changed, ==, 1);
  hearsay_entity_set_name (sana, "Syrian Arab News Agency");
  g_assert_true (hearsay_project_update_entity (project, sana, &error));
  assert_undo_label (project, 0, "Edit Entity “Syrian Arab News Agency”");
  g_assert_false (hearsay_project_peek_undo (project, doc, NULL));

  g_assert_true (hearsay_project_undo (project, 0, &step, &error));
  g_assert_cmpstr (step.detail, ==, "SANA");
  stored = hearsay_project_get_entity (project, id, &error);
  g_assert_cmpstr (hearsay_entity_get_name (stored), ==, "SANA");
  g_assert_true (hearsay_project_undo (project, 0, &step, &error));
  g_assert_cmpstr (step.label, ==, "Add Entity “SANA”");
  entities = hearsay_project_list_entities (project, &error);
  g_assert_cmpuint (entities->len, ==, 0);
  g_assert_cmpuint (changed, ==, 4);

  /* Redone under the same id, so links made later still name it. */
  g_assert_true (hearsay_project_redo (project, 0, NULL, &error));
  g_clear_object (&stored);
  stored = hearsay_project_get_entity (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_entity_get_name (stored), ==, "SANA");

  /* Once a document links to it, undoing the entity would take the link
   * out of that document: refused, and the entry stays for later. */
  mention = core_test_annotate (project, doc, "source_mention", 6, 10);
  g_assert_cmpint (hearsay_project_link_entity (project, "refers_to", mention, id, &error), >, 0);
  before = hearsay_project_dup_undo_label (project, 0);
  g_assert_false (hearsay_project_undo (project, 0, NULL, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "“SANA” is linked from 1 annotation"));
  g_clear_error (&error);
  after = hearsay_project_dup_undo_label (project, 0);
  g_assert_cmpstr (before, ==, after);
  g_clear_object (&stored);
  stored = hearsay_project_get_entity (project, id, &error);
  g_assert_nonnull (stored);
  {
    g_autoptr(GPtrArray) relations = hearsay_project_list_annotation_relations (project, mention, NULL);

    g_assert_cmpuint (relations->len, ==, 1);
  }
  /* Undo the link in its document first; then the entity can go. */
  g_assert_true (hearsay_project_undo (project, doc, NULL, &error));
  g_assert_true (hearsay_project_undo (project, 0, NULL, &error));
  g_assert_no_error (error);
}

static void
test_event_scope (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("events.hearsay");
  gint64 docs[2];
  g_autoptr(HearsayEvent) event = hearsay_event_new ("Deir ez-Zor retaken", "2017-11-03");
  g_autoptr(GPtrArray) events = NULL;
  g_auto(HearsayHistoryStep) step = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  docs[0] = core_test_add_document (project, "Premier article.", "Un");
  docs[1] = core_test_add_document (project, "Second article.", "Deux");
  g_assert_true (hearsay_project_save_event (project, event, &error));
  id = hearsay_event_get_id (event);
  g_assert_cmpint (id, >, 0);
  g_assert_true (hearsay_project_set_document_event (project, docs, 2, id, &error));
  assert_undo_label (project, 0, "Add to Event “Deir ez-Zor retaken”");
  g_assert_true (hearsay_project_delete_event (project, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hearsay_project_get_document_event (project, docs[0]), ==, 0);
  /* Neither document's undo reaches it. */
  g_assert_false (hearsay_project_peek_undo (project, docs[0], NULL));

  /* Undone: the event is back under its id, with both documents. */
  g_assert_true (hearsay_project_undo (project, 0, &step, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (step.label, ==, "Delete Event “Deir ez-Zor retaken”");
  g_assert_cmpint (hearsay_project_get_document_event (project, docs[0]), ==, id);
  g_assert_cmpint (hearsay_project_get_document_event (project, docs[1]), ==, id);
  g_assert_true (hearsay_project_undo (project, 0, NULL, &error));
  g_assert_cmpint (hearsay_project_get_document_event (project, docs[1]), ==, 0);
  g_assert_true (hearsay_project_undo (project, 0, NULL, &error));
  events = hearsay_project_list_events (project, &error);
  g_assert_cmpuint (events->len, ==, 0);
  g_assert_true (hearsay_project_redo (project, 0, &step, &error));
  g_assert_cmpstr (step.detail, ==, "Deir ez-Zor retaken");
  g_clear_pointer (&events, g_ptr_array_unref);
  events = hearsay_project_list_events (project, &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (hearsay_event_get_id (g_ptr_array_index (events, 0)), ==, id);
}

static void
test_step_target (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("target.hearsay");
  const char *text = "L'armée syrienne a annoncé que Daesh avait été chassée.";
  gint64 doc = core_test_add_document (project, text, "Deir ez-Zor");
  g_auto(HearsayHistoryStep) step = { 0 };
  g_auto(HearsayHistoryStep) peeked = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 source, claim, deleted_entry;

  source = core_test_annotate (project, doc, "source_mention", 0, 16);
  claim = core_test_annotate (project, doc, "claim", 31, 54);

  /* Peeking names the annotation, its span and its text, changing nothing. */
  g_assert_true (hearsay_project_peek_undo (project, doc, &peeked));
  g_assert_cmpstr (peeked.label, ==, "Add Claim");
  g_assert_cmpint (peeked.annotation_id, ==, claim);
  g_assert_cmpint (peeked.start, ==, 31);
  g_assert_cmpint (peeked.end, ==, 54);
  g_assert_cmpstr (peeked.detail, ==, "Daesh avait été chassée");
  g_assert_nonnull (hearsay_project_get_annotation (project, claim, NULL));

  /* A deletion's entry, undone while it is still next. */
  g_assert_true (hearsay_project_delete_annotation (project, source, &error));
  g_assert_true (hearsay_project_peek_undo (project, doc, &peeked));
  deleted_entry = peeked.entry;
  g_assert_cmpstr (peeked.detail, ==, "L'armée syrienne");
  core_test_annotate (project, doc, "attribution_cue", 19, 26);
  /* A later edit in the same document comes first: refused, nothing changed. */
  g_assert_false (hearsay_project_undo_entry (project, deleted_entry, NULL, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_NEXT);
  g_assert_cmpstr (error->message, ==, "Later edits in the same document come first: undo them first");
  g_clear_error (&error);
  g_assert_null (hearsay_project_get_annotation (project, source, NULL));
  assert_undo_label (project, doc, "Add Attribution cue");

  g_assert_true (hearsay_project_undo (project, doc, NULL, &error));
  g_assert_true (hearsay_project_undo_entry (project, deleted_entry, &step, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (step.label, ==, "Delete Source mention");
  g_assert_cmpint (step.entry, ==, deleted_entry);
  g_assert_cmpint (step.annotation_id, ==, source);
  g_assert_cmpint (step.start, ==, 0);
  g_assert_cmpint (step.end, ==, 16);
  g_assert_nonnull (hearsay_project_get_annotation (project, source, NULL));
  /* Done once: asking again is refused. */
  g_assert_false (hearsay_project_undo_entry (project, deleted_entry, NULL, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/history-project/scheme", test_scheme_scope);
  g_test_add_func ("/history-project/remap", test_remap_scope);
  g_test_add_func ("/history-project/entities", test_entity_scope);
  g_test_add_func ("/history-project/events", test_event_scope);
  g_test_add_func ("/history-project/step-target", test_step_target);
  return g_test_run ();
}
