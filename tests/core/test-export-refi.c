/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-refi.c: REFI-QDA exports and round trips through Hearsay.
 *
 * A project with what analysts keep — metadata and fields (genre, frames,
 * tone, event, cases, sets, a description), labels outside the scheme (a
 * valid identifier and one that is not), attribute values the scheme does
 * not list, a discontinuous annotation, notes with CR LF, two annotators,
 * relations within and across documents and to an entity — is exported,
 * checked element by element, and imported again: everything the format
 * has room for comes back, exact to the character; what it has no room for
 * is in the export's warnings. Projects made by NVivo and QualCoder go
 * through Hearsay and back the same way, and a scheme goes through a .qdc.
 *
 * With "--write-samples DIR" it writes its exports into DIR for
 * tests/core/validate-refi.sh (the REFI-QDA schemas and checks). */
#include <libxml/parser.h>

#include "core-test-refi.h"
#include "hearsay-export.h"
#include "hearsay-project-bulk.h"
#include "hearsay-relation.h"

#define BOM "\xEF\xBB\xBF"
#define THUMB "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"
#define ARABIC "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85"
#define LIBEREE "libe\xCC\x81r\xC3\xA9" "e"
#define TEXT_A BOM "Damas " THUMB " a d\xC3\xA9" "clar\xC3\xA9 : \xC2\xAB Deir ez-Zor est " LIBEREE " \xC2\xBB.\r\n" \
  ARABIC "\r\nSelon Sana, une source a confirm\xC3\xA9.\r\n"
#define TEXT_B "Second texte " THUMB " ici.\n"
#define NOTE "note \"q\", \xC3\xA9 " THUMB "\r\nligne 2"

static HearsayProject *the_project;

static gint64
add_document (HearsayProject *project,
              const char     *text,
              const char     *title,
              const char     *outlet,
              gboolean        rich)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  HearsayDocument *doc = hearsay_document_new (text);

  hearsay_document_set_title (doc, title);
  hearsay_document_set_outlet (doc, outlet);
  hearsay_document_set_field (doc, "cases", (const char * const[]) { "RT", NULL });
  if (rich)
    {
      hearsay_document_set_url (doc, "https://sana.sy/?p=1");
      hearsay_document_set_published_at (doc, "2017-11-03");
      hearsay_document_set_language (doc, "fr");
      hearsay_document_set_field (doc, "genre", (const char * const[]) { "opinion", NULL });
      hearsay_document_set_field (doc, "frames", (const char * const[]) { "political", "security_and_defense", NULL });
      hearsay_document_set_field (doc, "tone", (const char * const[]) { "negative", NULL });
      hearsay_document_set_field (doc, "event", (const char * const[]) { "Deir ez-Zor 2017", NULL });
      hearsay_document_set_field (doc, "description", (const char * const[]) { "D\xC3\xA9p\xC3\xAA" "che\nreprise", NULL });
      hearsay_document_set_field (doc, "cases", (const char * const[]) { "RT", "Syrie", NULL });
      hearsay_document_set_field (doc, "sets", (const char * const[]) { "corpus A", NULL });
      hearsay_document_set_field (doc, "angle", (const char * const[]) { "militaire", NULL });
    }
  g_ptr_array_add (docs, doc);
  hearsay_project_add_documents (project, docs, &error);
  g_assert_no_error (error);
  return hearsay_document_get_id (doc);
}

/* Through the bulk calls, as an importer: labels and values outside the
 * scheme, any time string. */
static gint64
annotate (HearsayProject *project,
          gint64          doc,
          const char     *text,
          const char     *label,
          const char     *quote,
          const char     *quote2,
          const char     *annotator,
          const char     *created,
          const char * const *attributes)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc, label);
  g_autoptr(HearsayTextIndex) index = hearsay_text_index_new (text);
  g_autoptr(GError) error = NULL;
  gint64 s = core_test_offset_of (text, quote);

  hearsay_annotation_add_fragment (ann, s, s + g_utf8_strlen (quote, -1));
  if (quote2 != NULL)
    {
      s = core_test_offset_of (text, quote2);
      hearsay_annotation_add_fragment (ann, s, s + g_utf8_strlen (quote2, -1));
    }
  hearsay_annotation_fill_quotes (ann, index);
  for (guint i = 0; attributes && attributes[i]; i += 2)
    hearsay_annotation_add_attribute_value (ann, attributes[i], attributes[i + 1]);
  hearsay_annotation_set_annotator (ann, annotator);
  hearsay_annotation_set_created_at (ann, created);
  hearsay_annotation_set_modified_at (ann, created);
  g_assert_true (hearsay_project_bulk_add_annotation (project, ann, &error));
  g_assert_no_error (error);
  return hearsay_annotation_get_id (ann);
}

static void
relate (HearsayProject *project,
        const char     *type,
        gint64          from,
        gint64          to,
        gint64          entity)
{
  g_autoptr(GError) error = NULL;
  HearsayRelation r = { 0, (char *) type, from, to, entity, (char *) "Ann", (char *) "2017-11-03T10:00:00Z" };

  g_assert_cmpint (hearsay_project_bulk_add_relation (project, &r, &error), >, 0);
  g_assert_no_error (error);
}

static HearsayProject *
project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayEntity) sana = hearsay_entity_new ("SANA", "state_news_agency");
  HearsayProject *p;
  gint64 a, b, damas, claim, content, other;

  if (the_project != NULL)
    return the_project;
  p = the_project = core_test_new_project ("refi-export.hearsay");
  a = add_document (p, TEXT_A, "Damas \xC2\xAB lib\xC3\xA9r\xC3\xA9" "e \xC2\xBB", "SANA", TRUE);
  b = add_document (p, TEXT_B, "Second", "RT", FALSE);
  hearsay_project_add_entity (p, sana, &error);
  g_assert_no_error (error);
  g_assert_true (hearsay_project_bulk_begin (p, &error));
  damas = annotate (p, a, TEXT_A, "source_mention", "Damas", NULL, "Ann", "2017-11-03T10:00:00Z",
                    (const char * const[]) { "identification", "named", NULL });
  /* A value the scheme's status lists, and a comment it has no attribute for. */
  claim = annotate (p, a, TEXT_A, "claim", "Deir ez-Zor est " LIBEREE, NULL, "Bob", "2017-11-03T10:01:00.5+01:00",
                    (const char * const[]) { "status", "disputed", "comment", "\xC3\xA0 v\xC3\xA9rifier: oui", NULL });
  annotate (p, a, TEXT_A, "custom_label", ARABIC, NULL, "Bob", "2017-11-03T10:02:00Z",
            (const char * const[]) { "strength", "high", NULL });
  annotate (p, a, TEXT_A, "Protein-Component", "Sana", NULL, "Ann", "2017-11-03 10:03", NULL);
  content = annotate (p, a, TEXT_A, "attributed_content", "\xC2\xAB Deir ez-Zor est " LIBEREE " \xC2\xBB",
                      "une source a confirm\xC3\xA9", "Ann", "2017-11-03T10:04:00Z",
                      (const char * const[]) { "quote_style", "direct", NULL });
  other = annotate (p, b, TEXT_B, "claim", "Second texte", NULL, "Bob", "2017-11-03T10:05:00Z", NULL);
  relate (p, "attributed_to", content, damas, 0);
  relate (p, "same_claim_as", claim, other, 0);
  relate (p, "refers_to", damas, 0, hearsay_entity_get_id (sana));
  g_assert_true (hearsay_project_bulk_commit (p, &error));
  g_assert_no_error (error);
  hearsay_project_set_note (p, damas, NOTE, &error);
  g_assert_no_error (error);
  return p;
}

static char *
export_qdpx (HearsayProject *p,
             const char     *name,
             const gint64   *ids,
             guint           n_ids,
             GPtrArray      *warnings)
{
  HearsayExportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  char *path = core_test_path (name);

  options.document_ids = ids;
  options.n_document_ids = n_ids;
  options.warnings = warnings;
  g_assert_true (hearsay_export_project_to_path (p, HEARSAY_EXPORT_QDPX, &options, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static HearsayProject *
import_qdpx (const char          *name,
             const char          *path,
             HearsayImportReport *report)
{
  HearsayProject *p = core_test_new_project (name);
  const char *paths[] = { path, NULL };

  core_test_import_ok (p, "qdpx", paths, NULL, report);
  core_test_print_list ("note", report->notes);
  core_test_print_list ("skipped", report->skipped);
  return p;
}

/* The project as sorted lines: metadata and fields, then per annotation its
 * label, fragments with their quotes, attributes, note, annotator, then
 * relations by their ends. With @lf the texts count CR LF as LF. */
static char *
dump (HearsayProject *p,
      gboolean        lf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = hearsay_project_list_documents (p, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint d = 0; d < docs->len; d++)
    {
      g_autoptr(HearsayDocument) doc = hearsay_project_load_document (p, hearsay_document_get_id (g_ptr_array_index (docs, d)), &error);
      g_autoptr(HearsayOffsetMap) map = hearsay_offset_map_new (hearsay_document_get_text (doc), HEARSAY_OFFSET_CODEPOINT,
                                                                lf ? HEARSAY_NEWLINES_LF : HEARSAY_NEWLINES_KEEP);
      const char *text = hearsay_offset_map_get_text (map);
      g_autoptr(GPtrArray) anns = core_test_annotations (p, hearsay_document_get_id (doc));
      g_autoptr(GPtrArray) rels = hearsay_project_list_relations (p, hearsay_document_get_id (doc), &error);
      g_auto(GStrv) fields = hearsay_document_dup_field_names (doc);

      g_string_append_printf (out, "doc %u: %s | %s | %s | %s | %s | %s\n", d, hearsay_document_get_title (doc),
                              hearsay_document_get_outlet (doc), hearsay_document_get_url (doc),
                              hearsay_document_get_published_at (doc), hearsay_document_get_language (doc), text);
      for (guint i = 0; fields[i]; i++)
        {
          g_autofree char *joined = g_strjoinv ("|", (char **) hearsay_document_get_field (doc, fields[i]));

          g_string_append_printf (out, "  field %s = %s\n", fields[i], joined);
        }
      for (guint i = 0; i < anns->len; i++)
        {
          HearsayAnnotation *ann = g_ptr_array_index (anns, i);
          g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);
          GString *s = g_string_new (NULL);

          g_string_append_printf (s, "d%u %s", d, hearsay_annotation_get_label (ann));
          for (guint j = 0; j < hearsay_annotation_get_n_fragments (ann); j++)
            {
              const HearsayFragment *f = hearsay_annotation_get_fragment (ann, j);
              gint64 start = hearsay_offset_map_to_codepoint (map, f->start);
              gint64 end = hearsay_offset_map_to_codepoint (map, f->end);
              g_autofree char *quote = g_utf8_substring (text, start, end);

              g_string_append_printf (s, " [%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ")«%s»", start, end, quote);
            }
          g_hash_table_insert (keys, g_memdup2 (&(gint64) { hearsay_annotation_get_id (ann) }, sizeof (gint64)),
                               g_strdup (s->str));
          for (guint j = 0; names[j]; j++)
            {
              g_autofree char *joined = g_strjoinv ("|", (char **) hearsay_annotation_get_attribute_values (ann, names[j]));

              g_string_append_printf (s, " %s=%s", names[j], joined);
            }
          g_string_append_printf (s, " note=%s by=%s", hearsay_annotation_get_note (ann),
                                  hearsay_annotation_get_annotator (ann));
          g_ptr_array_add (lines, g_string_free (s, FALSE));
        }
      for (guint i = 0; rels && i < rels->len; i++)
        {
          HearsayRelation *r = g_ptr_array_index (rels, i);

          if (r->to_id > 0)
            g_ptr_array_add (relations, g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s",
                                                         r->from_id, r->to_id, r->type));
        }
    }
  for (guint i = 0; i < relations->len; i++)
    {
      g_auto(GStrv) r = g_strsplit (g_ptr_array_index (relations, i), " ", 3);
      gint64 from = g_ascii_strtoll (r[0], NULL, 10), to = g_ascii_strtoll (r[1], NULL, 10);

      g_ptr_array_add (lines, g_strdup_printf ("relation %s: %s → %s", r[2],
                                               (const char *) g_hash_table_lookup (keys, &from),
                                               (const char *) g_hash_table_lookup (keys, &to)));
    }
  g_ptr_array_sort (lines, core_test_compare_names);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

/* The full project through qdpx and back: everything the format has room
 * for (the texts with LF), and said what it has not. */
static void
test_roundtrip (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = export_qdpx (project (), "rt-refi.qdpx", NULL, 0, warnings);
  HearsayImportReport report, report2;
  g_autoptr(HearsayProject) p2 = import_qdpx ("rt-refi-2.hearsay", path, &report);
  g_autofree char *path2 = export_qdpx (p2, "rt-refi-2.qdpx", NULL, 0, NULL);
  g_autoptr(HearsayProject) p3 = import_qdpx ("rt-refi-3.hearsay", path2, &report2);
  g_autofree char *want = dump (project (), TRUE);
  g_autofree char *got = dump (p2, FALSE);
  g_autofree char *again = dump (p3, FALSE);
  HearsayScheme *scheme = hearsay_project_get_scheme (p2);
  const HearsayLabel *custom;

  core_test_print_list ("warning", warnings);
  if (g_test_verbose ())
    g_printerr ("%s", got);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpstr (again, ==, got);
  g_assert_cmpuint (report.skipped->len, ==, 0);
  g_assert_true (core_test_list_has (warnings, "qdpx: 1 documents have CR LF line ends", NULL));
  g_assert_true (core_test_list_has (warnings, "qdpx: 1 relations to entities are left out", NULL));
  g_assert_true (core_test_list_has (warnings, "qdpx: 2 relations are written as links without their annotator", NULL));
  g_assert_true (core_test_list_has (warnings, "qdpx: 2 annotation times are not ISO 8601", NULL));
  /* A label outside the scheme that is an identifier joins the new
   * project's scheme with its attribute; one that is not stays outside. */
  custom = hearsay_scheme_lookup_label (scheme, "custom_label");
  g_assert_nonnull (custom);
  g_assert_nonnull (hearsay_label_lookup_attribute (custom, "strength"));
  g_assert_null (hearsay_scheme_lookup_label (scheme, "Protein-Component"));
  hearsay_import_report_clear (&report);
  hearsay_import_report_clear (&report2);
}

/* Exporting one document: the relation to the other one's annotation is
 * left out, and said. */
static void
test_subset (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) docs = hearsay_project_list_documents (project (), NULL);
  gint64 first = hearsay_document_get_id (g_ptr_array_index (docs, 0));
  g_autofree char *path = export_qdpx (project (), "subset.qdpx", &first, 1, warnings);
  HearsayImportReport report;
  g_autoptr(HearsayProject) p2 = import_qdpx ("rt-refi-subset.hearsay", path, &report);
  g_autoptr(GPtrArray) docs2 = hearsay_project_list_documents (p2, NULL);
  g_autoptr(GPtrArray) relations = hearsay_project_list_relations (p2, hearsay_document_get_id (g_ptr_array_index (docs2, 0)), NULL);

  g_assert_true (core_test_list_has (warnings, "qdpx: 1 relations to annotations outside the export are left out", NULL));
  g_assert_cmpuint (docs2->len, ==, 1);
  g_assert_cmpuint (relations->len, ==, 1);
  g_assert_cmpuint (report.skipped->len, ==, 0);
  hearsay_import_report_clear (&report);
}

static GHashTable *
unzip (const char *path)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, path, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      gsize size = archive_entry_size (entry);
      char *data = g_malloc0 (size + 1);

      g_assert_cmpint (archive_read_data (a, data, size), ==, (la_ssize_t) size);
      g_hash_table_insert (entries, g_strdup (archive_entry_pathname (entry)), data);
    }
  archive_read_free (a);
  return entries;
}

static guint
count_elements (xmlNode    *node,
                const char *name,
                const char *attribute,
                const char *value)
{
  guint n = 0;

  for (xmlNode *c = node; c; c = c->next)
    {
      if (c->type == XML_ELEMENT_NODE && g_str_equal ((const char *) c->name, name))
        {
          xmlChar *v = attribute ? xmlGetProp (c, (const xmlChar *) attribute) : NULL;

          n += attribute == NULL || g_strcmp0 ((const char *) v, value) == 0;
          xmlFree (v);
        }
      n += count_elements (c->children, name, attribute, value);
    }
  return n;
}

/* The export's shape, element by element, as the tools read it. */
static void
test_shape (void)
{
  g_autofree char *path = export_qdpx (project (), "shape.qdpx", NULL, 0, NULL);
  g_autoptr(GHashTable) entries = unzip (path);
  const char *qde = g_hash_table_lookup (entries, "project.qde");
  xmlDocPtr doc = xmlReadMemory (qde, strlen (qde), "project.qde", NULL, XML_PARSE_NONET);
  xmlNode *root = xmlDocGetRootElement (doc);
  guint n_sources_a = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_nonnull (root);
  /* Every selection carries a code, labels outside the scheme included. */
  g_assert_cmpuint (count_elements (root, "PlainTextSelection", NULL, NULL), ==, 7);
  g_assert_cmpuint (count_elements (root, "Code", "name", "Protein-Component"), ==, 1);
  g_assert_cmpuint (count_elements (root, "Code", "name", "custom_label"), ==, 1);
  g_assert_cmpuint (count_elements (root, "Code", "name", "strength: high"), ==, 1);
  g_assert_cmpuint (count_elements (root, "Code", "name", "comment: \xC3\xA0 v\xC3\xA9rifier: oui"), ==, 1);
  g_assert_cmpuint (count_elements (root, "Link", "name", "continued by"), ==, 1);
  g_assert_cmpuint (count_elements (root, "Link", "direction", "Bidirectional"), ==, 1);
  g_assert_cmpuint (count_elements (root, "Link", "name", "attributed_to"), ==, 1);
  g_assert_cmpuint (count_elements (root, "Variable", NULL, NULL), ==, 9);
  g_assert_cmpuint (count_elements (root, "Variable", "name", "angle"), ==, 1);
  g_assert_cmpuint (count_elements (root, "Case", "name", "RT"), ==, 1);
  g_assert_cmpuint (count_elements (root, "Case", "name", "Syrie"), ==, 1);
  g_assert_cmpuint (count_elements (root, "SourceRef", NULL, NULL), ==, 3);
  g_assert_cmpuint (count_elements (root, "Set", "name", "corpus A"), ==, 1);
  /* "Damas" after the BOM, and the other text's first word. */
  g_assert_cmpuint (count_elements (root, "PlainTextSelection", "startPosition", "0"), ==, 2);
  g_assert_cmpuint (count_elements (root, "Note", NULL, NULL), ==, 1);
  g_assert_nonnull (strstr (qde, "<Description>D\xC3\xA9p\xC3\xAA" "che&#10;reprise</Description>"));
  g_assert_nonnull (strstr (qde, "<TextValue>political; security_and_defense</TextValue>"));
  g_assert_nonnull (strstr (qde, "counted from after a leading byte-order mark"));
  g_assert_null (strstr (qde, "creationDateTime=\"2017-11-03 10:03\""));
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "sources/") && g_str_has_prefix (value, BOM "Damas"))
      {
        n_sources_a++;
        g_assert_null (strstr (value, "\r"));
      }
  g_assert_cmpuint (n_sources_a, ==, 1);
  xmlFreeDoc (doc);
}

/* Projects NVivo and QualCoder made, through Hearsay and back: the same
 * labels, spans (the texts now with LF), notes, coders, metadata. */
static void
test_foreign (void)
{
  static const char *fixtures[] = { "nvivo", "qualcoder", "atlasti", "maxqda" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = core_test_refi_fixture (fixtures[i]);
      g_autofree char *name1 = g_strdup_printf ("foreign-%s-1.hearsay", fixtures[i]);
      g_autofree char *name2 = g_strdup_printf ("foreign-%s-2.hearsay", fixtures[i]);
      g_autofree char *out = g_strdup_printf ("foreign-%s.qdpx", fixtures[i]);
      HearsayImportReport report, report2;
      g_autoptr(HearsayProject) p1 = import_qdpx (name1, path, &report);
      g_autofree char *exported = export_qdpx (p1, out, NULL, 0, NULL);
      g_autoptr(HearsayProject) p2 = import_qdpx (name2, exported, &report2);
      g_autofree char *want = dump (p1, TRUE);
      g_autofree char *got = dump (p2, FALSE);

      g_assert_cmpstr (got, ==, want);
      g_assert_cmpuint (report2.skipped->len, ==, 0);
      hearsay_import_report_clear (&report);
      hearsay_import_report_clear (&report2);
    }
}

/* A scheme of the analyst's own through a .qdc: its label, display name,
 * colour and attributes with their values reach another project. */
static void
test_qdc_scheme (void)
{
  g_autoptr(HearsayProject) p1 = core_test_new_project ("qdc-from.hearsay");
  g_autoptr(HearsayScheme) scheme = hearsay_scheme_copy (hearsay_project_get_scheme (p1));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = core_test_path ("scheme.qdc");
  const char *paths[] = { path, NULL };
  g_autoptr(HearsayProject) p2 = core_test_new_project ("qdc-to.hearsay");
  HearsayImportReport report;
  const HearsayLabel *label;
  const HearsayAttributeDef *def;

  g_assert_true (hearsay_scheme_set_label (scheme, "rumour", "Rumeur \xC2\xAB non sourc\xC3\xA9" "e \xC2\xBB",
                                           "#112233", 0, &error));
  g_assert_true (hearsay_scheme_add_attribute (scheme, "rumour", "certainty", "Certainty",
                                               HEARSAY_ATTRIBUTE_SINGLE, &error));
  g_assert_true (hearsay_scheme_set_attribute_values (scheme, "rumour", "certainty",
                                                      (const char * const[]) { "low", "high", NULL }, NULL, &error));
  g_assert_true (hearsay_scheme_add_attribute (scheme, "rumour", "anonymous", "Anonymous",
                                               HEARSAY_ATTRIBUTE_BOOLEAN, &error));
  g_assert_true (hearsay_project_set_scheme (p1, scheme, &error));
  g_assert_no_error (error);
  g_assert_true (hearsay_export_project_to_path (p1, HEARSAY_EXPORT_QDC, NULL, path, NULL, &error));
  core_test_import_ok (p2, NULL, paths, NULL, &report);
  label = hearsay_scheme_lookup_label (hearsay_project_get_scheme (p2), "rumour");
  g_assert_nonnull (label);
  g_assert_cmpstr (label->name, ==, "Rumeur \xC2\xAB non sourc\xC3\xA9" "e \xC2\xBB");
  g_assert_cmpstr (label->color, ==, "#112233");
  def = hearsay_label_lookup_attribute (label, "certainty");
  g_assert_nonnull (def);
  g_assert_cmpint (def->kind, ==, HEARSAY_ATTRIBUTE_SINGLE);
  g_assert_nonnull (hearsay_attribute_lookup_value (def, "low"));
  g_assert_nonnull (hearsay_attribute_lookup_value (def, "high"));
  def = hearsay_label_lookup_attribute (label, "anonymous");
  g_assert_nonnull (def);
  g_assert_cmpint (def->kind, ==, HEARSAY_ATTRIBUTE_BOOLEAN);
  g_assert_true (core_test_list_has (report.notes, "labels added to the scheme: 1 (with 2 attributes)", NULL));
  hearsay_import_report_clear (&report);
}

static int
write_samples (const char *dir)
{
  g_autofree char *full = export_qdpx (project (), "sample.qdpx", NULL, 0, NULL);
  g_autofree char *nvivo = core_test_refi_fixture ("nvivo");
  HearsayImportReport report;
  g_autoptr(HearsayProject) p = import_qdpx ("sample-nvivo.hearsay", nvivo, &report);
  g_autofree char *from_nvivo = export_qdpx (p, "sample-nvivo.qdpx", NULL, 0, NULL);
  g_autoptr(GPtrArray) docs = hearsay_project_list_documents (project (), NULL);
  gint64 first = hearsay_document_get_id (g_ptr_array_index (docs, 0));
  g_autofree char *subset = export_qdpx (project (), "sample-subset.qdpx", &first, 1, NULL);
  const char *files[][2] = { { full, "export.qdpx" }, { from_nvivo, "from-nvivo.qdpx" }, { subset, "subset.qdpx" } };
  g_autoptr(GError) error = NULL;
  g_autofree char *qdc = g_build_filename (dir, "export.qdc", NULL);

  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      gsize size;
      g_autofree char *data = core_test_read (files[i][0], &size);
      g_autofree char *to = g_build_filename (dir, files[i][1], NULL);

      core_test_write (to, data, size);
    }
  if (!hearsay_export_project_to_path (p, HEARSAY_EXPORT_QDC, NULL, qdc, NULL, &error))
    return 1;
  hearsay_import_report_clear (&report);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  int rc;

  core_test_init (&argc, &argv);
  if (argc == 3 && g_str_equal (argv[1], "--write-samples"))
    rc = write_samples (argv[2]);
  else
    {
      g_test_add_func ("/export-refi/roundtrip", test_roundtrip);
      g_test_add_func ("/export-refi/subset", test_subset);
      g_test_add_func ("/export-refi/shape", test_shape);
      g_test_add_func ("/export-refi/foreign", test_foreign);
      g_test_add_func ("/export-refi/qdc-scheme", test_qdc_scheme);
      rc = g_test_run ();
    }
  g_clear_object (&the_project);
  return rc;
}
