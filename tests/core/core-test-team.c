/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core-test-team.c: the three-coder project of the team annotation tests. */
#include <string.h>

#include "core-test-team.h"
#include "core-test-util.h"

const char core_test_team_french[] =
  "Selon une source militaire citée par SANA, l'armée a repris la ville. "
  "Les terroristes ont fui vers l'est, a déclaré le ministre. Suivez RT sur Telegram.";
const char core_test_team_arabic[] =
  "قال مصدر عسكري إن الجيش استعاد المدينة. وأضاف المصدر أن الإرهابيين فروا نحو الشرق.";

void
core_test_team_span (const char *text,
                     const char *needle,
                     gint64     *start,
                     gint64     *end)
{
  *start = core_test_offset_of (text, needle);
  *end = *start + g_utf8_strlen (needle, -1);
}

gint64
core_test_team_annotate (HearsayProject *project,
                         const char     *coder,
                         gint64          document,
                         const char     *label,
                         gint64          start,
                         gint64          end,
                         const char     *attribute,
                         const char     *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (document, label);

  hearsay_annotation_add_fragment (ann, start, end);
  hearsay_annotation_set_annotator (ann, coder);
  if (attribute != NULL)
    hearsay_annotation_set_attribute (ann, attribute, value);
  g_assert_true (hearsay_project_create_annotation (project, ann, &error));
  g_assert_no_error (error);
  return hearsay_annotation_get_id (ann);
}

static gint64
annotate_text (CoreTestTeam *team,
               const char   *coder,
               gint64        document,
               const char   *text,
               const char   *label,
               const char   *needle,
               const char   *attribute,
               const char   *value)
{
  gint64 start, end;

  core_test_team_span (text, needle, &start, &end);
  return core_test_team_annotate (team->project, coder, document, label, start, end, attribute, value);
}

void
core_test_team_build (CoreTestTeam *team,
                      const char   *name)
{
  g_autoptr(GError) error = NULL;
  const char *fr = core_test_team_french, *ar = core_test_team_arabic;

  memset (team, 0, sizeof *team);
  team->project = core_test_new_project (name);
  team->path = g_strdup (hearsay_project_get_path (team->project));
  team->doc1 = core_test_add_document (team->project, fr, "Deir ez-Zor");
  team->doc2 = core_test_add_document (team->project, ar, "دير الزور");
  {
    HearsayDocument *doc = hearsay_project_load_document (team->project, team->doc1, &error);

    hearsay_document_set_outlet (doc, "RT");
    g_assert_true (hearsay_project_update_document (team->project, doc, &error));
    g_object_unref (doc);
    doc = hearsay_project_load_document (team->project, team->doc2, &error);
    hearsay_document_set_outlet (doc, "SANA");
    g_assert_true (hearsay_project_update_document (team->project, doc, &error));
    g_object_unref (doc);
    g_assert_no_error (error);
  }

  team->boilerplate = annotate_text (team, "importer", team->doc1, fr, "boilerplate",
                                     "Suivez RT sur Telegram.", "kind", "promo_call_to_action");
  team->ana_claim = annotate_text (team, "ana", team->doc1, fr, "claim", "l'armée a repris la ville",
                                   "status", "unverified");
  team->ana_source = annotate_text (team, "ana", team->doc1, fr, "source_mention", "une source militaire",
                                    "identification", "anonymous");
  /* A relation is the layer of the coder who makes it. */
  hearsay_project_set_annotator (team->project, "ana");
  g_assert_cmpint (hearsay_project_create_relation (team->project, "attributed_to", team->ana_claim,
                                                    team->ana_source, &error), >, 0);
  g_assert_no_error (error);
  team->ben_claim = annotate_text (team, "ben", team->doc1, fr, "claim", "l'armée a repris la ville",
                                   "status", "disputed");
  team->ben_source = annotate_text (team, "ben", team->doc1, fr, "source_mention", "source militaire",
                                    "identification", "anonymous");
  team->ben_extra = annotate_text (team, "ben", team->doc1, fr, "claim", "Les terroristes ont fui vers l'est",
                                   "status", "unverified");
  annotate_text (team, "ana", team->doc2, ar, "claim", "الجيش استعاد المدينة", "status", "unverified");
  annotate_text (team, "ben", team->doc2, ar, "claim", "الجيش استعاد المدينة", "status", "unverified");
  annotate_text (team, "ana", team->doc2, ar, "source_mention", "مصدر عسكري", "identification", "described");
  annotate_text (team, "ben", team->doc2, ar, "source_mention", "مصدر عسكري", "identification", "anonymous");
  annotate_text (team, "cleo", team->doc2, ar, "claim", "الجيش استعاد المدينة", "status", "supported");
}

void
core_test_team_clear (CoreTestTeam *team)
{
  g_clear_object (&team->project);
  g_clear_pointer (&team->path, g_free);
}
