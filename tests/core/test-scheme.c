/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-scheme.c: the default scheme, its translatable strings, value rules. */
#include <string.h>

#include "hearsay-error.h"
#include "hearsay-scheme-private.h"
#include "core-test-util.h"

static void
test_default (void)
{
  g_autoptr(HearsayScheme) scheme = hearsay_scheme_new_default ();
  static const char * const labels[] = {
    "claim", "source_mention", "attribution_cue", "attributed_content",
    "persuasion", "frame_cue", "entity_mention", "boilerplate",
  };
  static const char * const fields[] = { "genre", "frames", "primary_frame", "tone", "event" };
  static const char * const relations[] = {
    "attributed_to", "signalled_by", "relayed_by", "refers_to", "targets", "same_claim_as", "contradicts",
  };
  const HearsayLabel *persuasion;
  const HearsayAttributeDef *technique;
  gboolean keys[10] = { FALSE };

  g_assert_cmpstr (hearsay_scheme_get_name (scheme), ==, "News attribution and framing");
  g_assert_nonnull (hearsay_scheme_get_id (scheme));
  g_assert_cmpuint (hearsay_scheme_get_n_labels (scheme), ==, 9);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, labels[i]);

      g_assert_nonnull (label);
      g_assert_cmpuint (label->key, >=, 1);
      g_assert_cmpuint (label->key, <=, 8);
      g_assert_false (keys[label->key]);
      keys[label->key] = TRUE;
      g_assert_true (hearsay_scheme_lookup_key (scheme, label->key) == label);
      g_assert_nonnull (label->color);
      g_assert_cmpint (label->color[0], ==, '#');
      g_assert_cmpint (strlen (label->color), ==, 7);
    }
  /* The importer's headline mark has no key: 9 stays free. */
  g_assert_nonnull (hearsay_scheme_lookup_label (scheme, "headline"));
  g_assert_cmpuint (hearsay_scheme_lookup_label (scheme, "headline")->key, ==, 0);
  g_assert_null (hearsay_scheme_lookup_label (scheme, "nope"));
  g_assert_null (hearsay_scheme_lookup_key (scheme, 9));

  persuasion = hearsay_scheme_lookup_label (scheme, "persuasion");
  technique = hearsay_label_lookup_attribute (persuasion, "technique");
  g_assert_nonnull (technique);
  g_assert_cmpuint (technique->values->len, ==, 23);
  for (guint i = 0; i < technique->values->len; i++)
    {
      const HearsayValueDef *v = g_ptr_array_index (technique->values, i);

      g_assert_nonnull (v->category);
      g_assert_cmpstr (v->category, !=, "");
      g_assert_true (hearsay_attribute_lookup_value (technique, v->id) == v);
    }
  g_assert_nonnull (hearsay_attribute_lookup_value (technique, "loaded_language"));
  g_assert_nonnull (hearsay_attribute_lookup_value (technique, "flag_waving"));
  g_assert_nonnull (hearsay_attribute_lookup_value (technique, "doubt"));

  g_assert_cmpuint (hearsay_scheme_get_n_relation_types (scheme), ==, 7);
  for (guint i = 0; i < G_N_ELEMENTS (relations); i++)
    g_assert_nonnull (hearsay_scheme_lookup_relation_type (scheme, relations[i]));
  g_assert_true (hearsay_scheme_lookup_relation_type (scheme, "contradicts")->symmetric);
  g_assert_true (hearsay_scheme_lookup_relation_type (scheme, "same_claim_as")->cross_document);
  g_assert_cmpuint (hearsay_scheme_get_n_entity_kinds (scheme), ==, 14);
  g_assert_cmpuint (hearsay_scheme_get_n_document_fields (scheme), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_assert_nonnull (hearsay_scheme_lookup_document_field (scheme, fields[i]));
      g_assert_cmpstr (hearsay_scheme_get_document_field (scheme, i)->id, ==, fields[i]);
    }
  g_assert_cmpint (hearsay_scheme_lookup_document_field (scheme, "frames")->kind, ==, HEARSAY_ATTRIBUTE_MULTI);
}

static void
add (GHashTable *set,
     const char *str)
{
  if (str != NULL && *str != '\0')
    g_hash_table_add (set, (gpointer) str);
}

static void
add_attribute (GHashTable                *set,
               const HearsayAttributeDef *a)
{
  add (set, a->name);
  for (guint k = 0; a->values && k < a->values->len; k++)
    add (set, ((HearsayValueDef *) g_ptr_array_index (a->values, k))->name);
}

/* Every display string of the scheme file is in the xgettext list, and the
 * list holds nothing else. */
static void
test_i18n_strings (void)
{
  g_autoptr(HearsayScheme) scheme = hearsay_scheme_new_default ();
  g_autoptr(GHashTable) from_scheme = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) from_list = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;
  guint missing = 0;

  add (from_scheme, hearsay_scheme_get_name (scheme));
  for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
    {
      const HearsayLabel *label = hearsay_scheme_get_label (scheme, i);

      add (from_scheme, label->name);
      add (from_scheme, label->description);
      for (guint j = 0; j < label->attributes->len; j++)
        add_attribute (from_scheme, g_ptr_array_index (label->attributes, j));
    }
  for (guint i = 0; i < hearsay_scheme_get_n_relation_types (scheme); i++)
    add (from_scheme, hearsay_scheme_get_relation_type (scheme, i)->name);
  for (guint i = 0; i < hearsay_scheme_get_n_entity_kinds (scheme); i++)
    add (from_scheme, hearsay_scheme_get_entity_kind (scheme, i)->name);
  for (guint i = 0; i < hearsay_scheme_get_n_document_fields (scheme); i++)
    add_attribute (from_scheme, hearsay_scheme_get_document_field (scheme, i));

  for (guint i = 0; hearsay_scheme_i18n_strings[i]; i++)
    add (from_list, hearsay_scheme_i18n_strings[i]);

  g_hash_table_iter_init (&iter, from_scheme);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (from_list, key))
      {
        g_test_message ("missing from hearsay-scheme-i18n.c: “%s”", (const char *) key);
        missing++;
      }
  g_hash_table_iter_init (&iter, from_list);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (from_scheme, key))
      {
        g_test_message ("in hearsay-scheme-i18n.c but not in the scheme: “%s”", (const char *) key);
        missing++;
      }
  g_assert_cmpuint (missing, ==, 0);
  g_assert_cmpuint (g_hash_table_size (from_list), ==, g_hash_table_size (from_scheme));
}

static void
test_translate (void)
{
  g_assert_cmpstr (hearsay_scheme_translate ("Claim"), ==, "Claim");
  g_assert_cmpstr (hearsay_scheme_translate ("not a scheme string"), ==, "not a scheme string");
}

static void
test_check_values (void)
{
  g_autoptr(HearsayScheme) scheme = hearsay_scheme_new_default ();
  const HearsayLabel *claim = hearsay_scheme_lookup_label (scheme, "claim");
  const HearsayLabel *persuasion = hearsay_scheme_lookup_label (scheme, "persuasion");
  const HearsayAttributeDef *status = hearsay_label_lookup_attribute (claim, "status");
  const HearsayAttributeDef *frames = hearsay_scheme_lookup_document_field (scheme, "frames");
  const HearsayAttributeDef *derived = NULL;
  const char *one[] = { "disputed", NULL };
  const char *two[] = { "disputed", "false", NULL };
  const char *bad[] = { "maybe", NULL };
  const char *empty[] = { NULL };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (status);
  g_assert_cmpint (status->kind, ==, HEARSAY_ATTRIBUTE_SINGLE);
  g_assert_true (hearsay_attribute_check_values (status, one, &error));
  g_assert_no_error (error);
  g_assert_true (hearsay_attribute_check_values (status, NULL, NULL));
  g_assert_true (hearsay_attribute_check_values (status, empty, NULL));
  g_assert_false (hearsay_attribute_check_values (status, two, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (hearsay_attribute_check_values (status, bad, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE);
  /* The message lists the allowed values. */
  g_assert_nonnull (strstr (error->message, "unverified"));
  g_assert_nonnull (strstr (error->message, "maybe"));
  g_clear_error (&error);

  g_assert_nonnull (frames);
  if (frames->values->len >= 2)
    {
      const char *many[] = {
        ((HearsayValueDef *) g_ptr_array_index (frames->values, 0))->id,
        ((HearsayValueDef *) g_ptr_array_index (frames->values, 1))->id,
        NULL,
      };

      g_assert_true (hearsay_attribute_check_values (frames, many, &error));
      g_assert_no_error (error);
    }
  g_assert_false (hearsay_attribute_check_values (frames, bad, NULL));

  for (guint i = 0; i < persuasion->attributes->len; i++)
    {
      const HearsayAttributeDef *a = g_ptr_array_index (persuasion->attributes, i);

      if (a->kind == HEARSAY_ATTRIBUTE_DERIVED)
        derived = a;
    }
  g_assert_nonnull (derived);
  g_assert_cmpstr (derived->derived_from, ==, "technique");
  g_assert_false (hearsay_attribute_check_values (derived, one, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
}

static void
test_kinds_from_json (void)
{
  static const char json[] =
    "{\"id\":\"tiny\",\"name\":\"Tiny\",\"labels\":[{\"id\":\"span\",\"name\":\"Span\",\"key\":1,"
    "\"color\":\"#112233\",\"attributes\":["
    "{\"id\":\"flag\",\"name\":\"Flag\",\"kind\":\"boolean\"},"
    "{\"id\":\"comment\",\"name\":\"Comment\",\"kind\":\"text\"},"
    "{\"id\":\"tags\",\"name\":\"Tags\",\"kind\":\"multi\",\"values\":[{\"id\":\"a\",\"name\":\"A\"},{\"id\":\"b\",\"name\":\"B\"}]}"
    "]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayScheme) scheme = hearsay_scheme_new_from_json (json, -1, &error);
  g_autoptr(HearsayScheme) again = NULL;
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;
  const HearsayLabel *label;
  const char *yes[] = { "true", NULL };
  const char *maybe[] = { "maybe", NULL };
  const char *free_text[] = { "anything at all, \"quoted\"", NULL };
  const char *tags[] = { "a", "b", NULL };
  const char *tags_bad[] = { "a", "c", NULL };

  g_assert_no_error (error);
  label = hearsay_scheme_lookup_label (scheme, "span");
  g_assert_nonnull (label);
  g_assert_true (hearsay_attribute_check_values (hearsay_label_lookup_attribute (label, "flag"), yes, NULL));
  g_assert_false (hearsay_attribute_check_values (hearsay_label_lookup_attribute (label, "flag"), maybe, NULL));
  g_assert_true (hearsay_attribute_check_values (hearsay_label_lookup_attribute (label, "comment"), free_text, NULL));
  g_assert_true (hearsay_attribute_check_values (hearsay_label_lookup_attribute (label, "tags"), tags, NULL));
  g_assert_false (hearsay_attribute_check_values (hearsay_label_lookup_attribute (label, "tags"), tags_bad, NULL));
  g_assert_null (hearsay_label_lookup_attribute (label, "nope"));

  /* to_json round trip */
  out1 = hearsay_scheme_to_json (scheme);
  again = hearsay_scheme_new_from_json (out1, -1, &error);
  g_assert_no_error (error);
  out2 = hearsay_scheme_to_json (again);
  g_assert_cmpstr (out1, ==, out2);
}

static void
test_default_round_trip (void)
{
  g_autoptr(HearsayScheme) scheme = hearsay_scheme_new_default ();
  g_autofree char *json = hearsay_scheme_to_json (scheme);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayScheme) again = hearsay_scheme_new_from_json (json, -1, &error);
  g_autofree char *json2 = NULL;

  g_assert_no_error (error);
  json2 = hearsay_scheme_to_json (again);
  g_assert_cmpstr (json, ==, json2);
  g_assert_cmpuint (hearsay_scheme_get_n_labels (again), ==, 9);
}

static void
test_invalid_json (void)
{
  static const struct { const char *json; int code; } cases[] = {
    { "{", HEARSAY_SCHEME_ERROR_PARSE },
    { "not json", HEARSAY_SCHEME_ERROR_PARSE },
    { "[1,2]", HEARSAY_SCHEME_ERROR_INVALID },
    { "\"str\"", HEARSAY_SCHEME_ERROR_INVALID },
    { "{\"labels\":[{\"id\":\"Bad Id\",\"name\":\"x\"}]}", HEARSAY_SCHEME_ERROR_INVALID },
    { "{\"labels\":[{\"id\":\"ok\",\"name\":\"x\",\"attributes\":[{\"id\":\"a\",\"kind\":\"weird\"}]}]}",
      HEARSAY_SCHEME_ERROR_INVALID },
    { "{\"labels\":[{\"id\":\"ok\",\"name\":\"x\",\"attributes\":[{\"kind\":\"single\"}]}]}",
      HEARSAY_SCHEME_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HearsayScheme) scheme = hearsay_scheme_new_from_json (cases[i].json, -1, &error);

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_null (scheme);
      g_assert_error (error, HEARSAY_SCHEME_ERROR, cases[i].code);
    }
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/scheme/default", test_default);
  g_test_add_func ("/scheme/i18n-strings", test_i18n_strings);
  g_test_add_func ("/scheme/translate", test_translate);
  g_test_add_func ("/scheme/check-values", test_check_values);
  g_test_add_func ("/scheme/kinds-from-json", test_kinds_from_json);
  g_test_add_func ("/scheme/default-round-trip", test_default_round_trip);
  g_test_add_func ("/scheme/invalid-json", test_invalid_json);
  return g_test_run ();
}
