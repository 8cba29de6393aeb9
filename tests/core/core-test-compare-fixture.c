/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core-test-compare-fixture.c: see core-test-compare-fixture.h. The texts are
 * ASCII, so byte offsets are code point offsets. */
#include "config.h"

#include <string.h>

#include "core-test-compare-fixture.h"

static gint64
add_document (HearsayProject *project,
              const char     *outlet,
              const char     *text,
              const char     *frame)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  HearsayDocument *doc = hearsay_document_new (text);

  hearsay_document_set_title (doc, outlet ? outlet : "untitled");
  hearsay_document_set_outlet (doc, outlet);
  if (frame != NULL)
    {
      const char *values[] = { frame, NULL };

      hearsay_document_set_field (doc, "frames", values);
      hearsay_document_set_field (doc, "primary_frame", values);
    }
  g_ptr_array_add (docs, doc);
  hearsay_project_add_documents (project, docs, &error);
  g_assert_no_error (error);
  return hearsay_document_get_id (doc);
}

/* Annotates the @nth (0-based) occurrence of @quote in the document's text;
 * @attrs: name, value pairs, NULL-terminated. */
static gint64
annotate_nth (HearsayProject *project,
              gint64          document_id,
              const char     *label,
              const char     *quote,
              guint           nth,
              ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) doc = hearsay_project_load_document (project, document_id, &error);
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (document_id, label);
  const char *text, *at;
  const char *name;
  va_list args;

  g_assert_no_error (error);
  text = hearsay_document_get_text (doc);
  at = strstr (text, quote);
  for (guint i = 0; i < nth && at != NULL; i++)
    at = strstr (at + 1, quote);
  g_assert_nonnull (at);
  hearsay_annotation_add_fragment (ann, at - text, at - text + strlen (quote));
  va_start (args, nth);
  while ((name = va_arg (args, const char *)) != NULL)
    hearsay_annotation_set_attribute (ann, name, va_arg (args, const char *));
  va_end (args);
  hearsay_project_create_annotation (project, ann, &error);
  g_assert_no_error (error);
  return hearsay_annotation_get_id (ann);
}

#define annotate(p, d, l, q, ...) annotate_nth (p, d, l, q, 0, __VA_ARGS__)

static gint64
entity (HearsayProject *project,
        const char     *name,
        const char     *kind,
        const char     *state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayEntity) e = hearsay_entity_new (name, kind);

  hearsay_entity_set_state_affiliated (e, state);
  hearsay_project_add_entity (project, e, &error);
  g_assert_no_error (error);
  return hearsay_entity_get_id (e);
}

static void
relate (HearsayProject *project,
        const char     *type,
        gint64          from,
        gint64          to)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (hearsay_project_create_relation (project, type, from, to, &error), >, 0);
  g_assert_no_error (error);
}

static void
link_entity (HearsayProject *project,
             gint64          mention,
             gint64          entity_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (hearsay_project_link_entity (project, "refers_to", mention, entity_id, &error), >, 0);
  g_assert_no_error (error);
}

void
core_test_compare_fixture_build (HearsayProject   *project,
                                 CoreTestCompareFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayEvent) event = hearsay_event_new ("Deir ez-Zor retaken", "2017-11-03");
  gint64 sana = entity (project, "SANA", "state_news_agency", "yes");
  gint64 army = entity (project, "Syrian army", "military_security", "yes");
  gint64 is = entity (project, "Islamic State", "armed_group", "no");
  gint64 osdh = entity (project, "Observatory", "ngo_civil_society", "no");
  gint64 c1, c2, c3, c4, c5, s1, s2, s3, s4, s5, a1, m;
  gint64 ids[4];

  f->rt = add_document (project, "RT",
                        "Accept cookies now. The army liberated Deir ez-Zor from terrorists, "
                        "a military source told SANA. Daesh fled in panic.",
                        "security_and_defense");
  f->reuters = add_document (project, "Reuters",
                             "The Syrian army said it had retaken Deir ez-Zor from Islamic State "
                             "militants, according to the Observatory.", NULL);
  f->afp = add_document (project, "AFP",
                         "Syrian troops took Deir ez-Zor, the army said. ISIS lost its last stronghold.",
                         NULL);
  f->none = add_document (project, NULL, "Residents returned. Subscribe to our newsletter.", NULL);

  /* RT */
  annotate (project, f->rt, "boilerplate", "Accept cookies now.", NULL);
  annotate (project, f->rt, "claim", "Accept cookies now", NULL);
  annotate (project, f->rt, "persuasion", "cookies", "technique", "doubt", NULL);
  c1 = annotate (project, f->rt, "claim", "The army liberated Deir ez-Zor from terrorists", NULL);
  c2 = annotate (project, f->rt, "claim", "Daesh fled in panic", NULL);
  s1 = annotate (project, f->rt, "source_mention", "a military source", "identification", "anonymous", NULL);
  s2 = annotate (project, f->rt, "source_mention", "SANA", "identification", "named", NULL);
  relate (project, "attributed_to", c1, s1);
  relate (project, "relayed_by", s1, s2);
  link_entity (project, s2, sana);
  annotate (project, f->rt, "persuasion", "terrorists", "technique", "name_calling_labeling", NULL);
  annotate (project, f->rt, "persuasion", "liberated", "technique", "loaded_language", NULL);
  annotate (project, f->rt, "persuasion", "panic", "technique", "loaded_language", NULL);
  annotate (project, f->rt, "frame_cue", "Daesh fled in panic", "dimension", "security_and_defense", NULL);
  m = annotate (project, f->rt, "entity_mention", "Daesh", NULL);
  link_entity (project, m, is);

  /* Reuters */
  s3 = annotate (project, f->reuters, "source_mention", "The Syrian army", "identification", "named", NULL);
  s4 = annotate (project, f->reuters, "source_mention", "the Observatory", "identification", "described", NULL);
  link_entity (project, s3, army);
  link_entity (project, s4, osdh);
  c3 = annotate (project, f->reuters, "claim", "it had retaken Deir ez-Zor from Islamic State militants", NULL);
  a1 = annotate (project, f->reuters, "attributed_content", "retaken Deir ez-Zor", NULL);
  relate (project, "attributed_to", c3, s3);
  relate (project, "attributed_to", a1, s4);
  m = annotate (project, f->reuters, "entity_mention", "Islamic State", NULL);
  link_entity (project, m, is);
  annotate (project, f->reuters, "frame_cue", "militants", "dimension", "security_and_defense", NULL);

  /* AFP */
  c4 = annotate (project, f->afp, "claim", "Syrian troops took Deir ez-Zor", NULL);
  s5 = annotate (project, f->afp, "source_mention", "the army", "identification", "described", NULL);
  link_entity (project, s5, army);
  relate (project, "attributed_to", c4, s5);
  c5 = annotate (project, f->afp, "claim", "ISIS lost its last stronghold", NULL);
  m = annotate (project, f->afp, "entity_mention", "ISIS", NULL);
  link_entity (project, m, is);
  annotate (project, f->afp, "persuasion", "stronghold", "technique", "loaded_language", NULL);

  /* No outlet: two overlapping boilerplate spans. */
  annotate (project, f->none, "claim", "Residents returned", NULL);
  annotate (project, f->none, "boilerplate", "Subscribe to our newsletter.", NULL);
  annotate (project, f->none, "boilerplate", "our newsletter", NULL);

  relate (project, "same_claim_as", c1, c4);
  relate (project, "contradicts", c2, c5);
  (void) c3;

  g_assert_true (hearsay_project_save_event (project, event, &error));
  g_assert_no_error (error);
  f->event_id = hearsay_event_get_id (event);
  ids[0] = f->rt;
  ids[1] = f->reuters;
  ids[2] = f->afp;
  ids[3] = f->none;
  g_assert_true (hearsay_project_set_document_event (project, ids, 4, f->event_id, &error));
  g_assert_no_error (error);
}
