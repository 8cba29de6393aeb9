/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-project.c: annotations through the project API — create, validate,
 * edit, delete, signals, ordering; the default project. */
#include <string.h>
#include <glib/gstdio.h>

#include "hearsay-error.h"
#include "hearsay-import.h"
#include "core-test-util.h"

#define TEXT "Damas a d\xC3\xA9" "clar\xC3\xA9 que la ville \xF0\x9F\x91\x8D est lib\xC3\xA9re\xCC\x81" "e.\r\nFin."
/* offsets: "Damas"=0–5, "a"=6–7, "déclaré"=8–15, "que"=16–19, "la"=20–22,
 * "ville"=23–28, 👍=29, "est"=31–34, "libére\u0301e"=35–43 (mark at 41),
 * "."=43, CR=44, LF=45, "Fin."=46–50. */

typedef struct
{
  HearsayProject *project;
  gint64 doc;
  GArray *added;
  GArray *removed;
  GArray *changed;
} Fixture;

static void
record (GArray *array,
        gint64  doc,
        gint64  id)
{
  g_array_append_val (array, doc);
  g_array_append_val (array, id);
}

static void
on_added (HearsayProject *p, gint64 doc, gint64 id, HearsayAnnotation *ann, Fixture *f)
{
  /* The annotation as stored comes with the signal. */
  g_assert_true (HEARSAY_IS_ANNOTATION (ann));
  g_assert_cmpint (hearsay_annotation_get_id (ann), ==, id);
  g_assert_cmpint (hearsay_annotation_get_document_id (ann), ==, doc);
  g_assert_nonnull (hearsay_annotation_get_fragment (ann, 0)->exact);
  record (f->added, doc, id);
}
static void
on_removed (HearsayProject *p, gint64 doc, gint64 id, Fixture *f) { record (f->removed, doc, id); }
static void
on_changed (HearsayProject *p, gint64 doc, gint64 id, Fixture *f) { record (f->changed, doc, id); }

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = core_test_new_project ("project.hearsay");
  f->doc = core_test_add_document (f->project, TEXT, "Damas");
  f->added = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->removed = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (f->project, "annotation-added", G_CALLBACK (on_added), f);
  g_signal_connect (f->project, "annotation-removed", G_CALLBACK (on_removed), f);
  g_signal_connect (f->project, "annotation-changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_unref (f->project);
  g_array_unref (f->added);
  g_array_unref (f->removed);
  g_array_unref (f->changed);
}

static guint
count (Fixture *f)
{
  g_autoptr(GPtrArray) list = hearsay_project_list_annotations (f->project, f->doc, NULL);

  return list->len;
}

static gint64
create (Fixture    *f,
        const char *label,
        gint64      start,
        gint64      end)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (f->doc, label);
  g_autoptr(GError) error = NULL;

  hearsay_annotation_add_fragment (ann, start, end);
  g_assert_true (hearsay_project_create_annotation (f->project, ann, &error));
  g_assert_no_error (error);
  return hearsay_annotation_get_id (ann);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (f->doc, "claim");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(HearsayAnnotation) got = NULL;
  HearsayAnnotation *stored;
  const HearsayFragment *fr;
  const char *status[] = { "disputed", NULL };

  hearsay_annotation_add_fragment (ann, 16, 44);
  hearsay_annotation_set_attribute (ann, "checkworthiness", "check_worthy");
  hearsay_annotation_set_attribute_values (ann, "status", status);
  hearsay_annotation_set_note (ann, "« libérée » est un cadrage");
  g_assert_true (hearsay_project_create_annotation (f->project, ann, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hearsay_annotation_get_id (ann), >, 0);

  g_assert_cmpuint (f->added->len, ==, 2);
  g_assert_cmpint (g_array_index (f->added, gint64, 0), ==, f->doc);
  g_assert_cmpint (g_array_index (f->added, gint64, 1), ==, hearsay_annotation_get_id (ann));

  list = hearsay_project_list_annotations (f->project, f->doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  stored = g_ptr_array_index (list, 0);
  g_assert_cmpint (hearsay_annotation_get_id (stored), ==, hearsay_annotation_get_id (ann));
  g_assert_cmpint (hearsay_annotation_get_document_id (stored), ==, f->doc);
  g_assert_cmpstr (hearsay_annotation_get_label (stored), ==, "claim");
  g_assert_cmpuint (hearsay_annotation_get_n_fragments (stored), ==, 1);
  fr = hearsay_annotation_get_fragment (stored, 0);
  g_assert_cmpint (fr->start, ==, 16);
  g_assert_cmpint (fr->end, ==, 44);
  g_assert_cmpstr (fr->exact, ==, "que la ville \xF0\x9F\x91\x8D est lib\xC3\xA9re\xCC\x81" "e.");
  g_assert_cmpstr (fr->prefix, ==, "Damas a d\xC3\xA9" "clar\xC3\xA9 ");
  g_assert_cmpstr (fr->suffix, ==, "\r\nFin.");
  g_assert_cmpstr (hearsay_annotation_get_attribute (stored, "checkworthiness"), ==, "check_worthy");
  g_assert_cmpstr (hearsay_annotation_get_attribute (stored, "status"), ==, "disputed");
  g_assert_cmpstr (hearsay_annotation_get_note (stored), ==, "« libérée » est un cadrage");
  g_assert_cmpstr (hearsay_annotation_get_annotator (stored), ==, "Test Coder");
  g_assert_nonnull (hearsay_annotation_get_created_at (stored));
  g_assert_nonnull (hearsay_annotation_get_modified_at (stored));
  g_assert_true (g_str_has_suffix (hearsay_annotation_get_created_at (stored), "Z"));
  {
    g_autofree char *quote = hearsay_annotation_dup_text (stored);

    g_assert_cmpstr (quote, ==, fr->exact);
  }

  got = hearsay_project_get_annotation (f->project, hearsay_annotation_get_id (ann), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_annotation_get_fragment (got, 0)->exact, ==, fr->exact);
  g_assert_cmpstr (hearsay_annotation_get_annotator (got), ==, "Test Coder");

  /* The document list counts it. */
  {
    g_autoptr(GPtrArray) docs = hearsay_project_list_documents (f->project, NULL);

    g_assert_cmpuint (hearsay_document_get_n_annotations (g_ptr_array_index (docs, 0)), ==, 1);
  }
}

static void
assert_create_fails (Fixture            *f,
                     HearsayAnnotation  *ann,
                     int                 code,
                     const char         *in_message)
{
  g_autoptr(GError) error = NULL;
  guint before = count (f);
  guint signals = f->added->len;

  g_assert_false (hearsay_project_create_annotation (f->project, ann, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, code);
  g_test_message ("%s", error->message);
  if (in_message != NULL)
    g_assert_nonnull (strstr (error->message, in_message));
  g_assert_cmpint (hearsay_annotation_get_id (ann), ==, 0);
  g_assert_cmpuint (count (f), ==, before);
  g_assert_cmpuint (f->added->len, ==, signals);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  create (f, "claim", 0, 5);

  {
    g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (f->doc, "opinion");

    hearsay_annotation_add_fragment (ann, 0, 5);
    assert_create_fails (f, ann, HEARSAY_PROJECT_ERROR_UNKNOWN_LABEL, "opinion");
  }
  {
    g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (f->doc, "opinion");
    g_autoptr(GError) error = NULL;

    hearsay_annotation_add_fragment (ann, 0, 5);
    hearsay_project_create_annotation (f->project, ann, &error);
    /* The message lists the labels the scheme has. */
    g_assert_nonnull (strstr (error->message, "claim"));
    g_assert_nonnull (strstr (error->message, "source_mention"));
    g_assert_nonnull (strstr (error->message, "boilerplate"));
  }
  {
    g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (f->doc, "claim");

    hearsay_annotation_add_fragment (ann, 0, 5);
    hearsay_annotation_set_attribute (ann, "colour", "red");
    assert_create_fails (f, ann, HEARSAY_PROJECT_ERROR_UNKNOWN_ATTRIBUTE, "colour");
  }
  {
    g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (f->doc, "claim");

    hearsay_annotation_add_fragment (ann, 0, 5);
    hearsay_annotation_set_attribute (ann, "status", "maybe");
    assert_create_fails (f, ann, HEARSAY_PROJECT_ERROR_INVALID_VALUE, "maybe");
  }
  {
    g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (f->doc, "claim");

    hearsay_annotation_add_fragment (ann, 46, 51);
    assert_create_fails (f, ann, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS, "50");
  }
  {
    g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (f->doc, "claim");

    hearsay_annotation_add_fragment (ann, -1, 3);
    assert_create_fails (f, ann, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS, NULL);
  }
  {
    g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (f->doc, "claim");

    hearsay_annotation_add_fragment (ann, 5, 5);
    assert_create_fails (f, ann, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS, NULL);
  }
  {
    /* Between "e" and U+0301. */
    g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (f->doc, "frame_cue");

    hearsay_annotation_add_fragment (ann, 35, 41);
    assert_create_fails (f, ann, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS, NULL);
  }
  {
    /* Between CR and LF. */
    g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (f->doc, "boilerplate");

    hearsay_annotation_add_fragment (ann, 45, 50);
    assert_create_fails (f, ann, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS, NULL);
  }
  {
    g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (f->doc, "claim");

    hearsay_annotation_add_fragment (ann, 0, 10);
    hearsay_annotation_add_fragment (ann, 8, 15);
    assert_create_fails (f, ann, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS, NULL);
  }
  {
    g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (f->doc, "claim");

    assert_create_fails (f, ann, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS, NULL);
  }
  {
    /* A document that does not exist. */
    g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (f->doc + 100, "claim");
    g_autoptr(GError) error = NULL;

    hearsay_annotation_add_fragment (ann, 0, 1);
    g_assert_false (hearsay_project_create_annotation (f->project, ann, &error));
    g_assert_nonnull (error);
  }
  g_assert_cmpuint (count (f), ==, 1);
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  gint64 id = create (f, "claim", 0, 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayAnnotation) ann = NULL;
  const char *status[] = { "false", NULL };
  const char *two[] = { "false", "supported", NULL };
  const char *bad[] = { "nope", NULL };

  g_assert_true (hearsay_project_set_attribute (f->project, id, "status", status, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed->len, ==, 2);
  g_assert_cmpint (g_array_index (f->changed, gint64, 0), ==, f->doc);
  g_assert_cmpint (g_array_index (f->changed, gint64, 1), ==, id);

  g_assert_false (hearsay_project_set_attribute (f->project, id, "status", two, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (hearsay_project_set_attribute (f->project, id, "status", bad, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (hearsay_project_set_attribute (f->project, id, "role", status, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_UNKNOWN_ATTRIBUTE);
  g_clear_error (&error);
  g_assert_cmpuint (f->changed->len, ==, 2);

  g_assert_true (hearsay_project_set_note (f->project, id, "a \"note\"\nwith lines", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed->len, ==, 4);

  ann = hearsay_project_get_annotation (f->project, id, &error);
  g_assert_cmpstr (hearsay_annotation_get_attribute (ann, "status"), ==, "false");
  g_assert_cmpstr (hearsay_annotation_get_note (ann), ==, "a \"note\"\nwith lines");
  g_clear_object (&ann);

  /* Clearing: NULL values remove the attribute, "" clears the note. */
  g_assert_true (hearsay_project_set_attribute (f->project, id, "status", NULL, &error));
  g_assert_true (hearsay_project_set_note (f->project, id, "", &error));
  g_assert_no_error (error);
  ann = hearsay_project_get_annotation (f->project, id, &error);
  g_assert_null (hearsay_annotation_get_attribute (ann, "status"));
  g_assert_null (hearsay_annotation_get_note (ann));
  g_clear_object (&ann);

  g_assert_true (hearsay_project_set_label (f->project, id, "frame_cue", &error));
  g_assert_no_error (error);
  g_assert_false (hearsay_project_set_label (f->project, id, "nope", &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_UNKNOWN_LABEL);
  g_clear_error (&error);
  ann = hearsay_project_get_annotation (f->project, id, &error);
  g_assert_cmpstr (hearsay_annotation_get_label (ann), ==, "frame_cue");
  g_clear_object (&ann);

  /* Editing a missing annotation */
  g_assert_false (hearsay_project_set_note (f->project, id + 100, "x", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (hearsay_project_delete_annotation (f->project, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->removed->len, ==, 2);
  g_assert_cmpint (g_array_index (f->removed, gint64, 0), ==, f->doc);
  g_assert_cmpint (g_array_index (f->removed, gint64, 1), ==, id);
  g_assert_cmpuint (count (f), ==, 0);
  g_assert_false (hearsay_project_delete_annotation (f->project, id, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (f->removed->len, ==, 2);
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  gint64 c = create (f, "claim", 16, 28);
  gint64 a = create (f, "attribution_cue", 6, 15);
  gint64 d = create (f, "frame_cue", 16, 22);
  gint64 b = create (f, "source_mention", 0, 5);
  gint64 e = create (f, "claim", 16, 22);
  g_autoptr(GPtrArray) list = hearsay_project_list_annotations (f->project, f->doc, NULL);
  gint64 expected[] = { b, a, MIN (d, e), MAX (d, e), c };

  g_assert_cmpuint (list->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (hearsay_annotation_get_id (g_ptr_array_index (list, i)), ==, expected[i]);
}

static void
test_discontinuous (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (f->doc, "attributed_content");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(HearsayProject) reopened = NULL;
  g_autofree char *path = g_strdup (hearsay_project_get_path (f->project));
  HearsayAnnotation *stored;
  gint64 id;

  /* Added in reverse order: kept sorted. */
  hearsay_annotation_add_fragment (ann, 46, 50);
  hearsay_annotation_add_fragment (ann, 0, 5);
  g_assert_true (hearsay_project_create_annotation (f->project, ann, &error));
  g_assert_no_error (error);
  id = hearsay_annotation_get_id (ann);

  hearsay_project_close (f->project);
  reopened = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  list = hearsay_project_list_annotations (reopened, f->doc, &error);
  g_assert_cmpuint (list->len, ==, 1);
  stored = g_ptr_array_index (list, 0);
  g_assert_cmpint (hearsay_annotation_get_id (stored), ==, id);
  g_assert_cmpuint (hearsay_annotation_get_n_fragments (stored), ==, 2);
  g_assert_cmpint (hearsay_annotation_get_fragment (stored, 0)->start, ==, 0);
  g_assert_cmpint (hearsay_annotation_get_fragment (stored, 0)->end, ==, 5);
  g_assert_cmpstr (hearsay_annotation_get_fragment (stored, 0)->exact, ==, "Damas");
  g_assert_cmpint (hearsay_annotation_get_fragment (stored, 1)->start, ==, 46);
  g_assert_cmpstr (hearsay_annotation_get_fragment (stored, 1)->exact, ==, "Fin.");
  g_assert_cmpint (hearsay_annotation_get_start (stored), ==, 0);
  g_assert_cmpint (hearsay_annotation_get_end (stored), ==, 50);
  {
    g_autofree char *text = hearsay_annotation_dup_text (stored);

    g_assert_cmpstr (text, ==, "Damas Fin.");
  }

  /* add_fragment: a third span, validated. */
  g_assert_true (hearsay_project_add_fragment (reopened, id, 23, 28, &error));
  g_assert_no_error (error);
  g_assert_false (hearsay_project_add_fragment (reopened, id, 2, 4, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS);
  g_clear_error (&error);
  g_assert_false (hearsay_project_add_fragment (reopened, id, 41, 43, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS);
  g_clear_error (&error);
  {
    g_autoptr(HearsayAnnotation) got = hearsay_project_get_annotation (reopened, id, &error);

    g_assert_cmpuint (hearsay_annotation_get_n_fragments (got), ==, 3);
    g_assert_cmpstr (hearsay_annotation_get_fragment (got, 1)->exact, ==, "ville");
  }
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = create (f, "claim", 0, 5);

  g_assert_cmpuint (count (f), ==, 1);
  g_assert_true (hearsay_project_undo (f->project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f), ==, 0);
  g_assert_true (hearsay_project_redo (f->project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f), ==, 1);
  {
    g_autoptr(HearsayAnnotation) ann = hearsay_project_get_annotation (f->project, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (hearsay_annotation_get_fragment (ann, 0)->exact, ==, "Damas");
  }
}

static void
on_relations (HearsayProject *p, gint64 from, gint64 to, guint *n) { (*n)++; }

static void
test_relations (Fixture       *f,
                gconstpointer  data)
{
  gint64 mention = create (f, "source_mention", 0, 5);
  gint64 cue = create (f, "attribution_cue", 6, 15);
  gint64 content = create (f, "attributed_content", 16, 44);
  gint64 claim = create (f, "claim", 23, 28);
  gint64 other_doc = core_test_add_document (f->project, "Autre article, autre claim.", "autre");
  g_autoptr(HearsayAnnotation) other = hearsay_annotation_new (other_doc, "claim");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  g_autoptr(HearsayEntity) sana = hearsay_entity_new ("Sana", "state_news_agency");
  gint64 r1, r2, r3, r4;
  guint n_signals = 0;

  g_signal_connect (f->project, "relations-changed", G_CALLBACK (on_relations), &n_signals);
  hearsay_annotation_add_fragment (other, 0, 5);
  g_assert_true (hearsay_project_create_annotation (f->project, other, &error));
  g_assert_no_error (error);

  r1 = hearsay_project_create_relation (f->project, "attributed_to", content, mention, &error);
  g_assert_no_error (error);
  g_assert_cmpint (r1, >, 0);
  r2 = hearsay_project_create_relation (f->project, "signalled_by", content, cue, &error);
  g_assert_no_error (error);
  /* Across documents only where the scheme allows it. */
  r3 = hearsay_project_create_relation (f->project, "same_claim_as", claim,
                                        hearsay_annotation_get_id (other), &error);
  g_assert_no_error (error);
  g_assert_cmpint (r3, >, 0);
  g_assert_cmpuint (n_signals, ==, 3);

  /* Refusals: wrong labels, itself, unknown type, missing annotation. */
  g_assert_cmpint (hearsay_project_create_relation (f->project, "attributed_to", mention, content, &error), ==, 0);
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (hearsay_project_create_relation (f->project, "same_claim_as", claim, claim, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (hearsay_project_create_relation (f->project, "no_such_type", content, mention, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (hearsay_project_create_relation (f->project, "attributed_to", content, mention + 1000, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (hearsay_project_add_entity (f->project, sana, &error));
  g_assert_no_error (error);
  r4 = hearsay_project_link_entity (f->project, "refers_to", mention, hearsay_entity_get_id (sana), &error);
  g_assert_no_error (error);
  g_assert_cmpint (r4, >, 0);

  rels = hearsay_project_list_relations (f->project, f->doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rels->len, ==, 4);
  g_clear_pointer (&rels, g_ptr_array_unref);

  /* Deleting an annotation removes its relations; undo brings them back. */
  g_assert_true (hearsay_project_delete_annotation (f->project, mention, &error));
  g_assert_no_error (error);
  rels = hearsay_project_list_relations (f->project, f->doc, &error);
  g_assert_cmpuint (rels->len, ==, 2);
  g_clear_pointer (&rels, g_ptr_array_unref);
  g_assert_true (hearsay_project_undo (f->project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, &error));
  g_assert_no_error (error);
  rels = hearsay_project_list_relations (f->project, f->doc, &error);
  g_assert_cmpuint (rels->len, ==, 4);
  g_clear_pointer (&rels, g_ptr_array_unref);

  g_assert_true (hearsay_project_delete_relation (f->project, r2, &error));
  g_assert_no_error (error);
  rels = hearsay_project_list_annotation_relations (f->project, content, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rels->len, ==, 1);
  (void) r1;

  /* A closed project refuses with an error, not silently. */
  hearsay_project_close (f->project);
  g_assert_cmpint (hearsay_project_create_relation (f->project, "attributed_to", content, mention, &error), ==, 0);
  g_assert_nonnull (error);
}

static void
test_document_fields (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) doc = hearsay_project_load_document (f->project, f->doc, &error);
  g_autoptr(HearsayDocument) again = NULL;
  const char *frames[] = { "morality", "economic", NULL };
  const char *tone[] = { "negative", NULL };

  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_document_get_text (doc), ==, TEXT);
  g_assert_cmpint (hearsay_document_get_length (doc), ==, 50);
  hearsay_document_set_field (doc, "frames", frames);
  hearsay_document_set_field (doc, "tone", tone);
  hearsay_document_set_outlet (doc, "Sana");
  g_assert_true (hearsay_project_update_document (f->project, doc, &error));
  g_assert_no_error (error);
  again = hearsay_project_load_document (f->project, f->doc, &error);
  g_assert_cmpstr (hearsay_document_get_outlet (again), ==, "Sana");
  g_assert_cmpstr (hearsay_document_get_field (again, "frames")[0], ==, "economic");
  g_assert_cmpstr (hearsay_document_get_field (again, "frames")[1], ==, "morality");
  g_assert_null (hearsay_document_get_field (again, "frames")[2]);
  g_assert_cmpstr (hearsay_document_get_field (again, "tone")[0], ==, "negative");
  g_assert_null (hearsay_document_get_field (again, "genre"));

  g_assert_null (hearsay_project_load_document (f->project, f->doc + 99, &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND);
}

static char *
describe (Fixture *f,
          gint64   id)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_project_get_annotation (f->project, id, NULL);
  g_autoptr(GString) s = g_string_new (NULL);
  g_auto(GStrv) names = NULL;

  if (ann == NULL)
    return g_strdup ("(none)");
  g_string_append_printf (s, "%s|%s|", hearsay_annotation_get_label (ann),
                          hearsay_annotation_get_note (ann) ? hearsay_annotation_get_note (ann) : "-");
  for (guint i = 0; i < hearsay_annotation_get_n_fragments (ann); i++)
    g_string_append_printf (s, "%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ":%s,",
                            hearsay_annotation_get_fragment (ann, i)->start,
                            hearsay_annotation_get_fragment (ann, i)->end,
                            hearsay_annotation_get_fragment (ann, i)->exact);
  names = hearsay_annotation_dup_attribute_names (ann);
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *joined = g_strjoinv ("+", (char **) hearsay_annotation_get_attribute_values (ann, names[i]));

      g_string_append_printf (s, "|%s=%s", names[i], joined);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Every edit undoes to exactly the state before it, and redoes to after. */
static void
test_undo_each_edit (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = create (f, "claim", 0, 5);
  const char *status[] = { "false", NULL };
  g_autofree char *label = NULL;

  for (guint step = 0; step < 5; step++)
    {
      g_autofree char *before = describe (f, id);
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;
      gboolean ok = FALSE;

      switch (step)
        {
        case 0: ok = hearsay_project_set_attribute (f->project, id, "status", status, &error); break;
        case 1: ok = hearsay_project_set_note (f->project, id, "first \"note\"", &error); break;
        case 2: ok = hearsay_project_set_label (f->project, id, "frame_cue", &error); break;
        case 3: ok = hearsay_project_add_fragment (f->project, id, 46, 50, &error); break;
        case 4: ok = hearsay_project_delete_annotation (f->project, id, &error); break;
        }
      g_assert_no_error (error);
      g_assert_true (ok);
      after = describe (f, id);
      g_assert_cmpstr (before, !=, after);
      label = hearsay_project_dup_undo_label (f->project, HEARSAY_PROJECT_ANY_DOCUMENT);
      g_assert_nonnull (label);
      g_clear_pointer (&label, g_free);
      g_assert_true (hearsay_project_undo (f->project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, &error));
      g_assert_no_error (error);
      undone = describe (f, id);
      g_assert_cmpstr (undone, ==, before);
      g_assert_true (hearsay_project_redo (f->project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, &error));
      g_assert_no_error (error);
      redone = describe (f, id);
      g_assert_cmpstr (redone, ==, after);
    }
  g_assert_false (hearsay_project_redo (f->project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, &error));
  g_assert_nonnull (error);
}

static void
test_default_annotator (void)
{
  g_autofree char *path = core_test_path ("annotator.hearsay");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (path, &error);
  g_autoptr(HearsayAnnotation) ann = NULL;
  g_autoptr(HearsayAnnotation) got = NULL;
  const char *who;
  gint64 doc;

  g_assert_no_error (error);
  who = hearsay_project_get_annotator (project);
  g_assert_nonnull (who);
  g_assert_cmpstr (who, !=, "");
  hearsay_project_set_annotator (project, "");
  g_assert_cmpstr (hearsay_project_get_annotator (project), ==, who);
  doc = core_test_add_document (project, "abc", "abc");
  ann = hearsay_annotation_new (doc, "claim");
  hearsay_annotation_add_fragment (ann, 0, 3);
  g_assert_true (hearsay_project_create_annotation (project, ann, &error));
  got = hearsay_project_get_annotation (project, hearsay_annotation_get_id (ann), &error);
  g_assert_cmpstr (hearsay_annotation_get_annotator (got), ==, hearsay_project_get_annotator (project));
}

static void
test_default_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayProject) again = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                       "rt-deir-ez-zor-2017.txt", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *path = hearsay_project_default_path ();
  g_autofree char *expected_dir = g_build_filename (g_getenv ("XDG_DATA_HOME"), "hearsay", NULL);
  gsize length;

  g_assert_true (g_str_has_prefix (path, expected_dir));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  sample = core_test_read (sample_path, &length);

  project = hearsay_import_open_default_project (&error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpstr (hearsay_project_get_path (project), ==, path);
  docs = hearsay_project_list_documents (project, &error);
  g_assert_cmpuint (docs->len, ==, 1);
  doc = hearsay_project_load_document (project, hearsay_document_get_id (g_ptr_array_index (docs, 0)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (hearsay_document_get_text (doc)), ==, length);
  g_assert_cmpstr (hearsay_document_get_text (doc), ==, sample);
  g_assert_cmpstr (hearsay_document_get_language (doc), ==, "fr");
  g_assert_cmpstr (hearsay_document_get_published_at (doc), ==, "2017-11-03");
  g_assert_nonnull (hearsay_document_get_outlet (doc));
  g_assert_cmpstr (hearsay_document_get_title (doc), !=, "");
  g_clear_object (&project);

  /* Second start: the sample is not added again. */
  again = hearsay_import_open_default_project (&error);
  g_assert_no_error (error);
  g_clear_pointer (&docs, g_ptr_array_unref);
  docs = hearsay_project_list_documents (again, &error);
  g_assert_cmpuint (docs->len, ==, 1);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  ADD ("/project/create", test_create);
  ADD ("/project/validation", test_validation);
  ADD ("/project/edit", test_edit);
  ADD ("/project/order", test_order);
  ADD ("/project/discontinuous", test_discontinuous);
  ADD ("/project/undo-redo", test_undo_redo);
  ADD ("/project/undo-each-edit", test_undo_each_edit);
  ADD ("/project/relations", test_relations);
  ADD ("/project/document-fields", test_document_fields);
  g_test_add_func ("/project/default", test_default_project);
  g_test_add_func ("/project/default-annotator", test_default_annotator);
  return g_test_run ();
}
