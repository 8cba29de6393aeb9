/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-names.c: see hearsay-compare-names.h. The tables are built
 * with identifiers as row keys, so that lookups, CSV and JSON stay stable
 * across languages and scheme edits; only what a reader sees is renamed. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-compare-names.h"
#include "hearsay-compare-private.h"

/* Rows that are not scheme items: per section, the id and its name. */
static const struct
{
  HearsaySection section;
  const char *id;
  const char *name;
} fixed_rows[] = {
  { HEARSAY_SECTION_SIZE, "documents", N_("Documents") },
  { HEARSAY_SECTION_SIZE, "words", N_("Words (without boilerplate)") },
  { HEARSAY_SECTION_ATTRIBUTION, "claims", N_("Claims") },
  { HEARSAY_SECTION_ATTRIBUTION, "claims_per_1000_words", N_("Claims per 1,000 words") },
  { HEARSAY_SECTION_ATTRIBUTION, "claims_and_attributed_content", N_("Claims and attributed content") },
  { HEARSAY_SECTION_ATTRIBUTION, "attributed_share", N_("Attributed to a source") },
  { HEARSAY_SECTION_ATTRIBUTION, "asserted_share", N_("Asserted by the outlet") },
  { HEARSAY_SECTION_ATTRIBUTION, "anonymous_or_described_share",
    N_("Attributed to anonymous or described sources only") },
  /* TRANSLATORS: source mentions that are not linked to an entity */
  { HEARSAY_SECTION_SOURCES, "unlinked", N_("(not linked)") },
  { HEARSAY_SECTION_SOURCES, "all", N_("All source mentions") },
  { HEARSAY_SECTION_SOURCES, "linked", N_("Linked to an entity") },
  { HEARSAY_SECTION_SOURCES, "state_affiliated_share", N_("State-affiliated share of the linked") },
  { HEARSAY_SECTION_PERSUASION, "all", N_("All techniques") },
  /* TRANSLATORS: a persuasion or frame_cue span without a technique or dimension */
  { HEARSAY_SECTION_PERSUASION, "unspecified", N_("(unspecified)") },
  { HEARSAY_SECTION_FRAMES, "unspecified", N_("(unspecified)") },
};

static const char *
fixed_name (HearsaySection  section,
            const char     *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixed_rows); i++)
    if (fixed_rows[i].section == section && g_str_equal (fixed_rows[i].id, id))
      return _(fixed_rows[i].name);
  return NULL;
}

static const char *
value_name (const HearsayAttributeDef *attribute,
            const char                *id)
{
  const HearsayValueDef *value = attribute ? hearsay_attribute_lookup_value (attribute, id) : NULL;

  return value != NULL && value->name != NULL ? hearsay_scheme_translate (value->name) : NULL;
}

static const char *
attribute_value_name (HearsayScheme *scheme,
                      const char    *label_id,
                      const char    *attribute_id,
                      const char    *id)
{
  const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, label_id);

  return label ? value_name (hearsay_label_lookup_attribute (label, attribute_id), id) : NULL;
}

static const char *
kind_name (HearsayScheme *scheme,
           const char    *id)
{
  for (guint i = 0; i < hearsay_scheme_get_n_entity_kinds (scheme); i++)
    {
      const HearsayEntityKind *kind = hearsay_scheme_get_entity_kind (scheme, i);

      if (g_strcmp0 (kind->id, id) == 0 && kind->name != NULL)
        return hearsay_scheme_translate (kind->name);
    }
  return NULL;
}

/* The frames table's rows: (frame_cue or a document field, its value). */
static const char *
frame_source_name (HearsayScheme *scheme,
                   const char    *id)
{
  const HearsayLabel *label;
  const HearsayAttributeDef *field;

  if (g_str_equal (id, "frame_cue"))
    {
      label = hearsay_scheme_lookup_label (scheme, id);
      return label != NULL && label->name != NULL ? hearsay_scheme_translate (label->name) : NULL;
    }
  field = hearsay_scheme_lookup_document_field (scheme, id);
  return field != NULL && field->name != NULL ? hearsay_scheme_translate (field->name) : NULL;
}

static const char *
frame_name (HearsayScheme *scheme,
            const char    *source,
            const char    *id)
{
  if (g_str_equal (source, "frame_cue"))
    return attribute_value_name (scheme, "frame_cue", "dimension", id);
  return value_name (hearsay_scheme_lookup_document_field (scheme, source), id);
}

static const char *
relation_name (HearsayScheme *scheme,
               const char    *id)
{
  const HearsayRelationType *type = hearsay_scheme_lookup_relation_type (scheme, id);

  return type != NULL && type->name != NULL ? hearsay_scheme_translate (type->name) : NULL;
}

static void
rename_cell (HearsayComparisonCell *cell,
             const char            *name)
{
  if (name == NULL || cell->id != NULL)
    return;
  cell->id = g_steal_pointer (&cell->text);
  cell->text = g_strdup (name);
}

void
hearsay_comparison_name_rows (HearsayComparison *self,
                              HearsayScheme     *scheme)
{
  g_return_if_fail (HEARSAY_IS_COMPARISON (self));
  g_return_if_fail (HEARSAY_IS_SCHEME (scheme));

  for (guint s = 0; s < HEARSAY_N_SECTIONS; s++)
    {
      HearsayComparisonTable *table = self->tables[s];

      for (guint r = 0; table != NULL && r < table->rows->len; r++)
        {
          HearsayComparisonCell *keys = g_ptr_array_index (table->rows, r);
          const char *id = keys[0].text;
          const char *name = fixed_name (s, id);

          switch (s)
            {
            case HEARSAY_SECTION_SIZE:
            case HEARSAY_SECTION_ATTRIBUTION:
              rename_cell (&keys[0], name);
              break;
            case HEARSAY_SECTION_SOURCES:
              rename_cell (&keys[0], name ? name : kind_name (scheme, id));
              break;
            case HEARSAY_SECTION_PERSUASION:
              rename_cell (&keys[0], name ? name : attribute_value_name (scheme, "persuasion", "technique", id));
              break;
            case HEARSAY_SECTION_FRAMES:
              name = fixed_name (s, keys[1].text);
              rename_cell (&keys[1], name ? name : frame_name (scheme, id, keys[1].text));
              rename_cell (&keys[0], frame_source_name (scheme, id));
              break;
            case HEARSAY_SECTION_CLAIMS:
              rename_cell (&keys[0], relation_name (scheme, id));
              break;
            default:
              /* Chains, naming and wording are keyed by what the texts say. */
              break;
            }
        }
    }
}
