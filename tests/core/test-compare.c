/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-compare.c: the outlet comparison on an invented event
 * (core-test-compare-fixture.c), every figure checked by hand.
 *
 * Words (hearsay-words.h: runs of letters and digits; "ez-Zor" is two):
 *   RT       "Accept cookies now. The army liberated Deir ez-Zor from
 *            terrorists, a military source told SANA. Daesh fled in panic."
 *            = 20 words, minus the boilerplate "Accept cookies now." (3) = 17
 *   Reuters  "The Syrian army said it had retaken Deir ez-Zor from Islamic
 *            State militants, according to the Observatory." = 18
 *   AFP      "Syrian troops took Deir ez-Zor, the army said. ISIS lost its
 *            last stronghold." = 14
 *   (none)   "Residents returned. Subscribe to our newsletter." = 6, minus the
 *            union of two overlapping boilerplate spans (4 words, not 4 + 2) = 2
 * Claims: RT 2 (the claim "Accept cookies now" lies in boilerplate and does
 *   not count), Reuters 1, AFP 2, none 1.
 *   per 1,000 words: RT 2000/17 = 117.647058…, Reuters 1000/18 = 55.5…,
 *   AFP 2000/14 = 142.857142…, none 1000/2 = 500.
 * Attribution (claims + attributed content):
 *   RT 2 items, 1 attributed (to "a military source", anonymous) → 1/2;
 *      anonymous or described only: 1/1.
 *   Reuters 2 items (claim → "The Syrian army" named; content → "the
 *      Observatory" described), 2 attributed → 2/2, asserted 0/2; weak 1/2.
 *   AFP 2 items, 1 attributed (to "the army", described) → 1/2; weak 1/1.
 *   none 1 item, 0 attributed → 0/1, asserted 1/1; weak 0/0: not available.
 * Who speaks: RT: unlinked 1, state_news_agency 1 (SANA, state) → state 1/1.
 *   Reuters: military_security 1 (state), ngo_civil_society 1 → state 1/2.
 *   AFP: military_security 1 → 1/1. none: no sources → n/a.
 * Chain (relayed_by): RT → SANA → “a military source” (2 sources, once).
 * Persuasion (the "cookies" span in boilerplate does not count):
 *   RT 3 / 17 words → 176.470588…; loaded_language 2 → 117.647058…,
 *   name_calling_labeling 1 → 58.823529…; AFP 1 / 14 → 71.428571…;
 *   Reuters 0 / 18 → 0; none 0 / 2 → 0.
 * Frames: frame_cue security_and_defense RT 1/1, Reuters 1/1; document
 *   field frames security_and_defense RT 1 of 1 document.
 * Naming, Islamic State: RT "Daesh (1)", Reuters "Islamic State (1)", AFP
 *   "ISIS (1)"; Syrian army: Reuters "The Syrian army (1)", AFP "the army (1)".
 * Claims: same_claim_as {RT c1, AFP c4}: Reuters and (no outlet) omitted;
 *   contradicts RT c2 ↔ AFP c5.
 * Wording: tokens of persuasion and frame_cue spans, lowercased:
 *   RT: terrorists 1, liberated 1, panic 2 (a persuasion and the frame cue
 *   "Daesh fled in panic"), daesh 1, fled 1, in 1 → n_RT = 7;
 *   Reuters: militants 1 → 1; AFP: stronghold 1 → 1; none: 0. n = 9.
 *   Prior α_w = y_w (pooled counts), α0 = n = 9.
 *   RT "panic": y_i = 2, y_j = 0, α = 2: δ = ln (4 / (7 + 9 − 4)) −
 *     ln (2 / (2 + 9 − 2)) = ln (4/12) − ln (2/9) = ln 1.5 = 0.405465108…;
 *     σ² = 1/4 + 1/2 = 0.75; z = 0.405465108 / 0.866025404 = 0.468190779
 *   RT "terrorists": y_i = 1, α = 1: δ = ln (2/14) − ln (1/10) = ln (10/7)
 *     = 0.356674944; σ² = 1/2 + 1 = 1.5; z = 0.291223872
 *   Reuters "militants": n_i = 1, n_j = 8: δ = ln (2 / (1 + 9 − 2)) −
 *     ln (1 / (8 + 9 − 1)) = ln (2/8) − ln (1/16) = ln 4 = 1.386294361;
 *     z = 1.386294361 / 1.224744871 = 1.131904606 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>

#include "hearsay-compare.h"
#include "core-test-compare-fixture.h"
#include "hearsay-error.h"
#include "core-test-util.h"
#include "hearsay-words.h"

#define EPS 1e-6

static const HearsayComparisonCell *
cell (HearsayComparison *c,
      const char        *section,
      const char        *row,
      const char        *column)
{
  const HearsayComparisonCell *found = hearsay_comparison_lookup (c, section, row, column);

  if (found == NULL)
    g_error ("no cell %s / %s / %s", section, row, column);
  return found;
}

static void
assert_rate (HearsayComparison *c,
             const char        *section,
             const char        *row,
             const char        *column,
             double             value,
             gint64             numerator,
             gint64             denominator)
{
  const HearsayComparisonCell *x = cell (c, section, row, column);

  if (isnan (value))
    g_assert_true (isnan (x->value));
  else
    g_assert_cmpfloat_with_epsilon (x->value, value, EPS);
  g_assert_cmpint (x->numerator, ==, numerator);
  g_assert_cmpint (x->denominator, ==, denominator);
}

static HearsayComparison *
fixture_comparison (HearsayProject   *project,
                    CoreTestCompareFixture *f)
{
  g_autoptr(GError) error = NULL;
  HearsayComparison *c;

  core_test_compare_fixture_build (project, f);
  c = hearsay_comparison_new_for_event (project, f->event_id, &error);
  g_assert_no_error (error);
  return c;
}

static void
test_words (void)
{
  g_assert_cmpint (hearsay_words_count ("", -1), ==, 0);
  g_assert_cmpint (hearsay_words_count ("l'armée a dit : 2017-11-03", -1), ==, 7);
  /* Combining marks continue a word: vowelled Arabic "kataba" is one word. */
  g_assert_cmpint (hearsay_words_count ("\xd9\x83\xd9\x8e\xd8\xaa\xd9\x8e\xd8\xa8\xd9\x8e \xd8\xaf", -1), ==, 2);
  g_assert_cmpint (hearsay_words_count ("  e\xcc\x81t\xc3\xa9 ", -1), ==, 1);
}

static void
test_metrics (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("metrics.hearsay");
  CoreTestCompareFixture f;
  g_autoptr(HearsayComparison) c = fixture_comparison (project, &f);
  const HearsayComparisonCell *x;

  g_assert_cmpuint (hearsay_comparison_get_n_documents (c), ==, 4);
  g_assert_cmpuint (hearsay_comparison_get_n_outlets (c), ==, 4);
  g_assert_cmpstr (hearsay_comparison_get_outlet (c, 3), ==, "");
  g_assert_cmpstr (hearsay_comparison_get_outlet_title (c, 3), ==, "(no outlet)");

  /* size */
  assert_rate (c, "size", "words", "RT", 17, 17, -1);
  assert_rate (c, "size", "words", "Reuters", 18, 18, -1);
  assert_rate (c, "size", "words", "AFP", 14, 14, -1);
  assert_rate (c, "size", "words", "(no outlet)", 2, 2, -1);
  assert_rate (c, "size", "documents", "RT", 1, 1, -1);

  /* attribution */
  assert_rate (c, "attribution", "claims", "RT", 2, 2, -1);
  assert_rate (c, "attribution", "claims_per_1000_words", "RT", 2000.0 / 17, 2, 17);
  assert_rate (c, "attribution", "claims_per_1000_words", "Reuters", 1000.0 / 18, 1, 18);
  assert_rate (c, "attribution", "claims_per_1000_words", "AFP", 2000.0 / 14, 2, 14);
  assert_rate (c, "attribution", "claims_per_1000_words", "(no outlet)", 500, 1, 2);
  assert_rate (c, "attribution", "attributed_share", "RT", 0.5, 1, 2);
  assert_rate (c, "attribution", "attributed_share", "Reuters", 1, 2, 2);
  assert_rate (c, "attribution", "asserted_share", "Reuters", 0, 0, 2);
  assert_rate (c, "attribution", "attributed_share", "AFP", 0.5, 1, 2);
  assert_rate (c, "attribution", "asserted_share", "(no outlet)", 1, 1, 1);
  assert_rate (c, "attribution", "anonymous_or_described_share", "RT", 1, 1, 1);
  assert_rate (c, "attribution", "anonymous_or_described_share", "Reuters", 0.5, 1, 2);
  assert_rate (c, "attribution", "anonymous_or_described_share", "AFP", 1, 1, 1);
  assert_rate (c, "attribution", "anonymous_or_described_share", "(no outlet)", NAN, 0, 0);
  g_assert_cmpstr (cell (c, "attribution", "anonymous_or_described_share", "(no outlet)")->text, ==, "n/a");

  /* sources */
  assert_rate (c, "sources", "unlinked", "RT", 1, 1, 2);
  assert_rate (c, "sources", "state_news_agency", "RT", 1, 1, 2);
  assert_rate (c, "sources", "military_security", "Reuters", 1, 1, 2);
  assert_rate (c, "sources", "ngo_civil_society", "Reuters", 1, 1, 2);
  assert_rate (c, "sources", "military_security", "AFP", 1, 1, 1);
  assert_rate (c, "sources", "state_affiliated_share", "RT", 1, 1, 1);
  assert_rate (c, "sources", "state_affiliated_share", "Reuters", 0.5, 1, 2);
  assert_rate (c, "sources", "state_affiliated_share", "AFP", 1, 1, 1);
  assert_rate (c, "sources", "state_affiliated_share", "(no outlet)", NAN, 0, 0);

  /* chains */
  x = cell (c, "chains", "RT\tSANA → “a military source”", "Count");
  g_assert_cmpint (x->numerator, ==, 1);
  g_assert_cmpint (cell (c, "chains", "RT\tSANA → “a military source”", "Sources")->numerator, ==, 2);
  g_assert_cmpuint (hearsay_comparison_get_n_rows (c, "chains"), ==, 1);

  /* persuasion */
  assert_rate (c, "persuasion", "all", "RT", 3000.0 / 17, 3, 17);
  assert_rate (c, "persuasion", "loaded_language", "RT", 2000.0 / 17, 2, 17);
  assert_rate (c, "persuasion", "name_calling_labeling", "RT", 1000.0 / 17, 1, 17);
  assert_rate (c, "persuasion", "all", "AFP", 1000.0 / 14, 1, 14);
  assert_rate (c, "persuasion", "all", "Reuters", 0, 0, 18);
  g_assert_null (hearsay_comparison_lookup (c, "persuasion", "doubt", "RT"));

  /* frames */
  assert_rate (c, "frames", "frame_cue\tsecurity_and_defense", "RT", 1, 1, 1);
  assert_rate (c, "frames", "frame_cue\tsecurity_and_defense", "Reuters", 1, 1, 1);
  assert_rate (c, "frames", "frame_cue\tsecurity_and_defense", "AFP", 0, 0, 0);
  assert_rate (c, "frames", "frames\tsecurity_and_defense", "RT", 1, 1, 1);
  assert_rate (c, "frames", "primary_frame\tsecurity_and_defense", "RT", 1, 1, 1);

  /* naming */
  g_assert_cmpstr (cell (c, "naming", "Islamic State", "RT")->text, ==, "Daesh (1)");
  g_assert_cmpstr (cell (c, "naming", "Islamic State", "Reuters")->text, ==, "Islamic State (1)");
  g_assert_cmpstr (cell (c, "naming", "Islamic State", "AFP")->text, ==, "ISIS (1)");
  g_assert_cmpstr (cell (c, "naming", "Syrian army", "Reuters")->text, ==, "The Syrian army (1)");
  g_assert_cmpstr (cell (c, "naming", "Syrian army", "AFP")->text, ==, "the army (1)");
  g_assert_cmpstr (cell (c, "naming", "SANA", "RT")->text, ==, "SANA (1)");
  g_assert_cmpstr (cell (c, "naming", "SANA", "AFP")->text, ==, "");

  /* claims */
  g_assert_cmpstr (cell (c, "claims", "same_claim_as\t1", "RT")->text, ==,
                   "The army liberated Deir ez-Zor from terrorists");
  g_assert_cmpstr (cell (c, "claims", "same_claim_as\t1", "AFP")->text, ==, "Syrian troops took Deir ez-Zor");
  x = cell (c, "claims", "same_claim_as\t1", "Reuters");
  g_assert_cmpstr (x->text, ==, "(omitted)");
  g_assert_cmpint (x->numerator, ==, 0);
  g_assert_cmpstr (cell (c, "claims", "contradicts\t1", "RT")->text, ==, "Daesh fled in panic");
  g_assert_cmpstr (cell (c, "claims", "contradicts\t1", "AFP")->text, ==, "ISIS lost its last stronghold");
  g_assert_cmpstr (cell (c, "claims", "contradicts\t1", "Reuters")->text, ==, "");
  g_assert_cmpuint (hearsay_comparison_get_n_rows (c, "claims"), ==, 2);

  /* wording */
  assert_rate (c, "wording", "RT\tpanic", "Count", 2, 2, 7);
  assert_rate (c, "wording", "RT\tpanic", "Others", 0, 0, 2);
  g_assert_cmpfloat_with_epsilon (cell (c, "wording", "RT\tpanic", "Log-odds")->value, log (1.5), EPS);
  g_assert_cmpfloat_with_epsilon (cell (c, "wording", "RT\tpanic", "z")->value,
                                  log (1.5) / sqrt (0.75), EPS);
  g_assert_cmpfloat_with_epsilon (cell (c, "wording", "RT\tpanic", "z")->value, 0.468190779, EPS);
  g_assert_cmpfloat_with_epsilon (cell (c, "wording", "RT\tterrorists", "z")->value, 0.291223872, EPS);
  g_assert_cmpfloat_with_epsilon (cell (c, "wording", "Reuters\tmilitants", "z")->value, 1.131904606, EPS);
  g_assert_cmpfloat_with_epsilon (cell (c, "wording", "Reuters\tmilitants", "Log-odds")->value, log (4), EPS);
  /* The boilerplate "cookies" is not a span word. */
  g_assert_null (hearsay_comparison_lookup (c, "wording", "RT\tcookies", "z"));
}

/* The key cell of the row whose keys (ids) are @row_key. */
static const HearsayComparisonCell *
key_cell (HearsayComparison *c,
          const char        *section,
          const char        *row_key,
          guint              key)
{
  for (guint r = 0; r < hearsay_comparison_get_n_rows (c, section); r++)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) keys = NULL;
      g_autofree char *joined = NULL;

      for (guint k = 0; k < hearsay_comparison_get_n_keys (c, section); k++)
        {
          const HearsayComparisonCell *x = hearsay_comparison_get_cell (c, section, r, k);

          g_strv_builder_add (builder, x->id ? x->id : x->text);
        }
      keys = g_strv_builder_end (builder);
      joined = g_strjoinv ("\t", keys);
      if (g_str_equal (joined, row_key))
        return hearsay_comparison_get_cell (c, section, r, key);
    }
  g_error ("no row %s / %s", section, row_key);
  return NULL;
}

static void
assert_name (HearsayComparison *c,
             const char        *section,
             const char        *row_key,
             guint              key,
             const char        *id,
             const char        *name)
{
  const HearsayComparisonCell *x = key_cell (c, section, row_key, key);

  g_assert_cmpstr (x->id, ==, id);
  g_assert_cmpstr (x->text, ==, name);
}

/* Rows are keyed by ids and show the scheme's names. */
static void
test_names (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("names.hearsay");
  CoreTestCompareFixture f;
  g_autoptr(HearsayComparison) c = fixture_comparison (project, &f);

  assert_name (c, "size", "words", 0, "words", "Words (without boilerplate)");
  assert_name (c, "attribution", "claims_per_1000_words", 0, "claims_per_1000_words", "Claims per 1,000 words");
  assert_name (c, "sources", "state_news_agency", 0, "state_news_agency", "State news agency");
  assert_name (c, "sources", "military_security", 0, "military_security", "Military or security");
  assert_name (c, "sources", "unlinked", 0, "unlinked", "(not linked)");
  assert_name (c, "sources", "state_affiliated_share", 0, "state_affiliated_share",
               "State-affiliated share of the linked");
  assert_name (c, "persuasion", "all", 0, "all", "All techniques");
  assert_name (c, "persuasion", "loaded_language", 0, "loaded_language", "Loaded language");
  assert_name (c, "persuasion", "name_calling_labeling", 0, "name_calling_labeling", "Name calling or labeling");
  assert_name (c, "frames", "frame_cue\tsecurity_and_defense", 0, "frame_cue", "Frame cue");
  assert_name (c, "frames", "frame_cue\tsecurity_and_defense", 1, "security_and_defense", "Security and defense");
  assert_name (c, "frames", "primary_frame\tsecurity_and_defense", 0, "primary_frame", "Primary frame");
  assert_name (c, "claims", "same_claim_as\t1", 0, "same_claim_as", "Same claim as");
  assert_name (c, "claims", "contradicts\t1", 1, NULL, "1");
  /* Entities, outlets and words are their own names. */
  assert_name (c, "naming", "Islamic State", 0, NULL, "Islamic State");
  assert_name (c, "wording", "RT\tpanic", 1, NULL, "panic");
}

static void
test_selection (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("selection.hearsay");
  g_autoptr(GError) error = NULL;
  CoreTestCompareFixture f;
  g_autoptr(HearsayComparison) all = fixture_comparison (project, &f);
  g_autoptr(HearsayComparison) c = NULL;
  gint64 ids[2] = { f.reuters, f.none };
  gint64 bad[2] = { f.rt, 9999 };

  c = hearsay_comparison_new (project, ids, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearsay_comparison_get_n_outlets (c), ==, 2);
  g_assert_cmpstr (hearsay_comparison_get_outlet (c, 0), ==, "Reuters");
  assert_rate (c, "size", "words", "(no outlet)", 2, 2, -1);
  g_assert_null (hearsay_comparison_lookup (c, "size", "words", "RT"));
  /* Both ends of a claim link must be in the comparison. */
  g_assert_cmpuint (hearsay_comparison_get_n_rows (c, "claims"), ==, 0);
  g_clear_object (&c);

  c = hearsay_comparison_new (project, bad, 2, &error);
  g_assert_null (c);
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND);
}

static void
test_empty (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("empty.hearsay");
  g_autoptr(HearsayEvent) event = hearsay_event_new ("Nothing yet", NULL);
  g_autoptr(HearsayComparison) c = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *sections = hearsay_comparison_get_sections ();

  g_assert_true (hearsay_project_save_event (project, event, &error));
  c = hearsay_comparison_new_for_event (project, hearsay_event_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearsay_comparison_get_n_outlets (c), ==, 0);
  g_assert_cmpuint (hearsay_comparison_get_n_documents (c), ==, 0);
  for (guint i = 0; sections[i]; i++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      g_assert_true (hearsay_comparison_write (c, HEARSAY_COMPARISON_FORMAT_MARKDOWN, sections[i], out, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&c);
  c = hearsay_comparison_new (project, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearsay_comparison_get_n_outlets (c), ==, 0);
  {
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

    g_assert_true (hearsay_comparison_write_html_report (c, out, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&c);
  c = hearsay_comparison_new_for_event (project, 4242, &error);
  g_assert_null (c);
  g_assert_nonnull (error);
}

static char *
write_to_string (HearsayComparison       *c,
                 int                      format,
                 const char              *section)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  if (format < 0)
    g_assert_true (hearsay_comparison_write_html_report (c, out, &error));
  else
    g_assert_true (hearsay_comparison_write (c, format, section, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* Splits RFC 4180 CSV; fails on a malformed quote. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"' && field->len == 0)
        {
          for (p++; ; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
          g_assert_true (*p == ',' || *p == '\r');
          continue;
        }
      if (*p == ',' || *p == '\r')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p == '\r')
            {
              g_assert_true (p[1] == '\n');
              g_ptr_array_add (rows, row);
              row = g_ptr_array_new_with_free_func (g_free);
              p++;
            }
          p++;
          continue;
        }
      g_string_append_c (field, *p++);
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static void
test_outputs (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("outputs.hearsay");
  g_autoptr(GError) error = NULL;
  CoreTestCompareFixture f;
  g_autoptr(HearsayComparison) c = fixture_comparison (project, &f);
  g_autofree char *csv = write_to_string (c, HEARSAY_COMPARISON_FORMAT_CSV, NULL);
  g_autofree char *json = write_to_string (c, HEARSAY_COMPARISON_FORMAT_JSON, NULL);
  g_autofree char *md = write_to_string (c, HEARSAY_COMPARISON_FORMAT_MARKDOWN, NULL);
  g_autofree char *html = write_to_string (c, -1, NULL);
  g_autoptr(GPtrArray) rows = parse_csv (csv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *size;
  gboolean found = FALSE;
  const char *svg;
  guint n_svg = 0;

  /* CSV: a header and 8 fields per line; the row's ids, then its name last. */
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 0), 0), ==, "section");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 0), 7), ==, "row_name");
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (row->len, ==, 8);
      if (g_str_equal (g_ptr_array_index (row, 0), "frames") &&
          g_str_equal (g_ptr_array_index (row, 1), "frame_cue / security_and_defense"))
        g_assert_cmpstr (g_ptr_array_index (row, 7), ==, "Frame cue / Security and defense");
      if (g_str_equal (g_ptr_array_index (row, 0), "attribution") &&
          g_str_equal (g_ptr_array_index (row, 1), "claims_per_1000_words") &&
          g_str_equal (g_ptr_array_index (row, 2), "RT"))
        {
          found = TRUE;
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (g_ptr_array_index (row, 3), NULL), 2000.0 / 17, EPS);
          g_assert_cmpstr (g_ptr_array_index (row, 4), ==, "2");
          g_assert_cmpstr (g_ptr_array_index (row, 5), ==, "17");
          g_assert_cmpstr (g_ptr_array_index (row, 7), ==, "Claims per 1,000 words");
        }
    }
  g_assert_true (found);

  /* JSON: one member per section. */
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  for (const char * const *s = hearsay_comparison_get_sections (); *s; s++)
    g_assert_true (json_object_has_member (root, *s));
  size = json_object_get_object_member (root, "size");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (size, "columns"), 0), ==, "Metric");
  {
    JsonArray *r = json_object_get_array_member (size, "rows");
    JsonArray *words = json_array_get_array_element (r, 1);

    g_assert_cmpstr (json_array_get_string_element (words, 0), ==, "words");
    r = json_object_get_array_member (size, "row_names");
    words = json_array_get_array_element (r, 1);
    g_assert_cmpstr (json_array_get_string_element (words, 0), ==, "Words (without boilerplate)");
  }

  /* Markdown: a heading and a pipe table per section. */
  g_assert_nonnull (strstr (md, "## Size\n\n| Metric |"));
  g_assert_nonnull (strstr (md, "## Distinctive wording"));
  g_assert_nonnull (strstr (md, "117.65 (2/17)"));
  g_assert_nonnull (strstr (md, "| Claims per 1,000 words | 142.86 (2/14) | 117.65 (2/17) |"));
  g_assert_nonnull (strstr (md, "| (not linked) | 0 (0/1) | 1 (1/2) |"));
  g_assert_null (strstr (md, "claims_per_1000_words"));
  {
    g_autofree char *one = write_to_string (c, HEARSAY_COMPARISON_FORMAT_MARKDOWN, "naming");

    g_assert_true (g_str_has_prefix (one, "## Naming\n"));
    g_assert_null (strstr (one, "## Size"));
  }
  {
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

    g_assert_false (hearsay_comparison_write (c, HEARSAY_COMPARISON_FORMAT_CSV, "nope", out, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  /* HTML: self-contained, the charts inline and well-formed. */
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_null (strstr (html, "http"));
  g_assert_null (strstr (html, "src="));
  g_assert_null (strstr (html, "href="));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<link"));
  g_assert_nonnull (strstr (html, "Daesh (1)"));
  for (svg = strstr (html, "<svg"); svg != NULL; svg = strstr (svg + 1, "<svg"))
    {
      const char *end = strstr (svg, "</svg>");
      xmlDocPtr doc;

      g_assert_nonnull (end);
      doc = xmlReadMemory (svg, end + strlen ("</svg>") - svg, "chart.svg", "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      g_assert_nonnull (doc);
      g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
      xmlFreeDoc (doc);
      n_svg++;
    }
  g_assert_cmpuint (n_svg, ==, 3);
  g_assert_nonnull (strstr (html, "<title>RT — State news agency: 1 / 2</title>"));
  g_assert_nonnull (strstr (html, "<th scope=\"row\">State news agency</th>"));
  g_assert_null (strstr (html, "state_news_agency"));

  /* Charts to files, atomically, each a standalone SVG document. */
  {
    g_autofree char *dir = core_test_path ("charts");
    g_autofree char *report = core_test_path ("report.html");

    g_assert_true (hearsay_comparison_save_svg_charts (c, dir, &error));
    g_assert_no_error (error);
    g_assert_true (hearsay_comparison_save_html_report (c, report, &error));
    g_assert_no_error (error);
    for (const char * const *name = (const char *[]) { "sources.svg", "persuasion.svg", "chains.svg", NULL };
         *name; name++)
      {
        g_autofree char *path = g_build_filename (dir, *name, NULL);
        g_autofree char *data = core_test_read (path, NULL);
        xmlDocPtr doc = xmlReadMemory (data, strlen (data), *name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);

        g_assert_nonnull (doc);
        xmlFreeDoc (doc);
      }
  }
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/compare/words", test_words);
  g_test_add_func ("/compare/metrics", test_metrics);
  g_test_add_func ("/compare/names", test_names);
  g_test_add_func ("/compare/selection", test_selection);
  g_test_add_func ("/compare/empty", test_empty);
  g_test_add_func ("/compare/outputs", test_outputs);
  return g_test_run ();
}
