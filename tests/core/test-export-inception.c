/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-inception.c: the WebAnno TSV and XMI exports checked against
 * the rules INCEpTION's readers apply (inception-io-webanno-tsv's
 * Tsv3XDeserializer and its format page webannotsv.adoc; UIMA's XMI), by
 * code of this test's own, not Hearsay's importer:
 *
 * - TSV: "#FORMAT=WebAnno TSV 3.3", the layer lines, exactly two blank
 *   lines, a sentence header before tokens, one blank line between
 *   sentences and none at the end (INCEpTION's reader fails on either), no
 *   CR anywhere (Java's readLine() would end the line there), every row
 *   with the declared columns and a trailing tab, the text rebuilt as
 *   INCEpTION rebuilds it equal to the exported text, every row's text the
 *   UTF-16 substring its offsets name, stacked values lined up across a
 *   layer's columns, relation sources as INCEpTION's unit-id pattern reads
 *   them.
 * - XMI: the sofaString is the text, every begin/end names (in UTF-16) the
 *   quote of its annotation, the View lists every structure, and
 *   TypeSystem.xml declares every feature the files use.
 *
 * On a text with leading white space, tabs, CR LF, an emoji, a combining
 * mark and Arabic, spans starting in white space, on a tab and ending on a
 * line break (shortened and reported), stacked, nested, discontinuous and
 * sub-token spans, a note with every reserved character. */
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "core-test-import.h"
#include "hearsay-export.h"
#include "hearsay-relation.h"

#define DOC1 "  Titre\t\xC3\xA0 onglet\r\n\r\nDamas \xF0\x9F\x91\x8D a de\xCC\x81" "clar\xC3\xA9 : \xC2\xAB Deir ez-Zor \xC2\xBB.\r\n" \
  "   \xD8\xAB\xD9\x84\xD8\xA7\xD8\xAB\xD8\xA9 \xD9\x83\xD9\x84\xD9\x85\xD8\xA7\xD8\xAA\n"
#define DOC2 "\n\nSecond texte.\n"
#define NOTE "crochets [x] | barre _ * -> ; \\ et\r\nune ligne\tet tab"

static gint64
annotate (HearsayProject *project,
          gint64          doc,
          const char     *label,
          gint64          start,
          gint64          end,
          gint64          start2,
          gint64          end2)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc, label);
  g_autoptr(GError) error = NULL;

  hearsay_annotation_add_fragment (ann, start, end);
  if (start2 >= 0)
    hearsay_annotation_add_fragment (ann, start2, end2);
  g_assert_true (hearsay_project_create_annotation (project, ann, &error));
  g_assert_no_error (error);
  return hearsay_annotation_get_id (ann);
}

static HearsayProject *
fixture (void)
{
  HearsayProject *project = core_test_new_project ("inception-export.hearsay");
  g_autoptr(GError) error = NULL;
  gint64 d1 = core_test_add_document (project, DOC1, "Onglets");
  gint64 d2 = core_test_add_document (project, DOC2, "Second");
  gint64 damas = core_test_offset_of (DOC1, "Damas"), thumb = core_test_offset_of (DOC1, "\xF0\x9F\x91\x8D");
  gint64 decl = core_test_offset_of (DOC1, "de\xCC\x81"), deir = core_test_offset_of (DOC1, "Deir");
  gint64 tab = core_test_offset_of (DOC1, "\t"), dot = core_test_offset_of (DOC1, "\xC2\xBB.");
  gint64 arabic = core_test_offset_of (DOC1, "\xD8\xAB");
  gint64 a, b;

  annotate (project, d1, "claim", 2, 7, -1, -1);                     /* Titre */
  annotate (project, d1, "frame_cue", tab, tab + 3, -1, -1);         /* starts on the tab: shortened */
  annotate (project, d1, "claim", dot, dot + 4, -1, -1);             /* ends after CR LF: shortened */
  annotate (project, d1, "persuasion", thumb - 1, thumb + 1, -1, -1); /* starts in white space */
  annotate (project, d1, "attribution_cue", decl, decl + 3, -1, -1); /* a sub-token, across the mark */
  a = annotate (project, d1, "claim", deir, deir + 11, -1, -1);      /* Deir ez-Zor */
  b = annotate (project, d1, "source_mention", damas, damas + 5, deir, deir + 4);  /* discontinuous */
  annotate (project, d1, "entity_mention", deir, deir + 4, -1, -1);  /* stacked */
  annotate (project, d1, "boilerplate", arabic - 3, arabic + 5, -1, -1); /* leading spaces of a line */
  annotate (project, d2, "claim", 2, 8, -1, -1);
  g_assert_true (hearsay_project_set_note (project, b, NOTE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hearsay_project_create_relation (project, "attributed_to", a, b, &error), >, 0);
  g_assert_no_error (error);
  return project;
}

static glong
u16_length (const char *s,
            gssize      n)
{
  glong items = 0;
  g_autofree gunichar2 *u = g_utf8_to_utf16 (s, n, NULL, &items, NULL);

  g_assert_nonnull (u);
  return items;
}

/* Escaping.unescapeText of TSV 3.2 and later. */
static void
unescape_text (GString    *out,
               const char *s)
{
  for (const char *p = s; *p; p++)
    {
      if (p[0] == '\\' && p[1] != '\0' && strchr ("tnfrb\\", p[1]) != NULL)
        {
          const char *to = "\t\n\f\r\b\\";

          g_string_append_c (out, to[strchr ("tnfrb\\", p[1]) - "tnfrb\\"]);
          p++;
        }
      else if (p[0] == '\\' && (guchar) p[1] < 32 && p[1] != '\0')
        {
          g_string_append_c (out, p[1]);
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
}

static guint
stack_size (const char *cell)
{
  guint n = 1;

  if (g_str_equal (cell, "_"))
    return 0;
  for (const char *p = cell; *p; p++)
    if (*p == '\\' && p[1] != '\0')
      p++;
    else if (*p == '|')
      n++;
  return n;
}

/* INCEpTION's reader's rules, on one exported file. */
static void
check_tsv (const char *path,
           const char *expected_text)
{
  g_autofree char *data = core_test_read (path, NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) pending = g_string_new (NULL);
  g_autoptr(GArray) layer_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GRegex) unit_id = g_regex_new ("^\\d+-\\d+(\\.\\d)?(\\[\\d+_\\d+\\])?$", 0, 0, NULL);
  guint n_columns = 0, i = 1, n = 0;
  gboolean in_tokens = FALSE;

  g_assert_null (strchr (data, '\r'));
  g_assert_true (g_str_has_suffix (data, "\n"));
  g_assert_false (g_str_has_suffix (data, "\n\n"));
  lines = g_strsplit (data, "\n", -1);
  n = g_strv_length (lines) - 1;   /* the last is empty: the file ends with \n */
  g_assert_cmpstr (lines[0], ==, "#FORMAT=WebAnno TSV 3.3");
  for (; i < n && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i] + 6, "|", -1);
      guint k = 0;

      g_assert_true (g_str_has_prefix (lines[i], "#T_SP=") || g_str_has_prefix (lines[i], "#T_RL=") ||
                     g_str_has_prefix (lines[i], "#T_CH="));
      for (guint f = 1; fields[f]; f++)
        k += fields[f][0] != '\0';
      k = MAX (k, 1);
      g_array_append_val (layer_columns, k);
      n_columns += k;
    }
  /* Two blank lines, then a sentence. */
  g_assert_cmpstr (lines[i], ==, "");
  g_assert_cmpstr (lines[i + 1], ==, "");
  g_assert_true (g_str_has_prefix (lines[i + 2], "#"));
  for (i += 2; i < n; i++)
    {
      const char *line = lines[i];
      g_auto(GStrv) fields = NULL;
      gint64 b, e;
      glong length = u16_length (text->str, text->len);

      if (line[0] == '#')
        {
          g_assert_false (in_tokens);
          if (g_str_has_prefix (line, "#Text="))
            {
              unescape_text (pending, line + 6);
              g_string_append_c (pending, '\n');
            }
          continue;
        }
      if (line[0] == '\0')
        {
          g_assert_true (in_tokens);
          /* INCEpTION's reader ends a sentence here; the next line must
           * open one. */
          g_assert_true (lines[i + 1][0] == '#');
          in_tokens = FALSE;
          continue;
        }
      fields = g_strsplit (line, "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, n_columns + 4);
      g_assert_cmpstr (fields[n_columns + 3], ==, "");
      g_assert_true (sscanf (fields[1], "%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, &b, &e) == 2);
      if (!in_tokens)
        {
          g_assert_null (strchr (fields[0], '.'));
          if (length > b)
            {
              g_assert_cmpint (length, ==, b + 1);
              g_assert_true (text->str[text->len - 1] == '\n');
              g_string_truncate (text, text->len - 1);
            }
          while (u16_length (text->str, text->len) < b)
            g_string_append_c (text, ' ');
          g_string_append_len (text, pending->str, pending->len);
          g_string_truncate (pending, 0);
          in_tokens = TRUE;
        }
      {
        g_autofree gunichar2 *all = g_utf8_to_utf16 (text->str, text->len, NULL, NULL, NULL);
        g_autofree char *slice = g_utf16_to_utf8 (all + b, e - b, NULL, NULL, NULL);

        g_assert_cmpint (e, <=, u16_length (text->str, text->len));
        g_assert_cmpstr (slice, ==, fields[2]);
      }
      /* A layer's columns stack the same annotations. */
      for (guint l = 0, c = 3; l < layer_columns->len; c += g_array_index (layer_columns, guint, l), l++)
        for (guint k = 1; k < g_array_index (layer_columns, guint, l); k++)
          g_assert_cmpuint (stack_size (fields[c + k]), ==, stack_size (fields[c]));
      /* The relation layer, when there is one, comes last: its BT column. */
      if (g_str_has_prefix (lines[layer_columns->len], "#T_RL=") && !g_str_equal (fields[n_columns + 2], "_"))
        {
          g_auto(GStrv) sources = g_strsplit (fields[n_columns + 2], "|", -1);

          for (guint k = 0; sources[k]; k++)
            g_assert_true (g_regex_match (unit_id, sources[k], 0, NULL));
        }
    }
  g_assert_true (text->len > 0 && text->str[text->len - 1] == '\n');
  g_string_truncate (text, text->len - 1);
  g_assert_cmpstr (text->str, ==, expected_text);
}

static gboolean
warned (GPtrArray  *warnings,
        const char *what)
{
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), what) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_tsv_rules (void)
{
  g_autoptr(HearsayProject) project = fixture ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  HearsayExportOptions options = { .warnings = warnings };
  g_autofree char *out = core_test_path ("inception-tsv");
  g_autofree char *f1 = g_build_filename (out, "annotation", "Onglets", "Test Coder.tsv", NULL);
  g_autofree char *f2 = g_build_filename (out, "annotation", "Second", "Test Coder.tsv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) back = core_test_new_project ("inception-tsv-back.hearsay");
  const char *paths[] = { out, NULL };
  HearsayImportReport report;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) anns = NULL;
  g_autofree char *file = NULL;

  g_assert_true (hearsay_export_project_to_path (project, HEARSAY_EXPORT_WEBANNO_TSV, &options, out, NULL, &error));
  g_assert_no_error (error);
  /* The text before the first word: spaces, so readers rebuild it. */
  check_tsv (f1, DOC1);
  /* Blank lines before the first word are rebuilt as spaces. */
  check_tsv (f2, "  Second texte.\n");
  g_assert_true (warned (warnings, "2 spans start or end on a tab or a line break"));
  g_assert_true (warned (warnings, "before the first word of 1 documents"));
  g_assert_true (warned (warnings, "2 values (labels, attributes, notes) hold a carriage return"));
  /* The note, every reserved character escaped. */
  file = core_test_read (f1, NULL);
  g_assert_nonnull (strstr (file, "crochets \\[x\\] \\| barre \\_ \\* \\-> \\; \\\\ et\\r\\nune ligne\\tet tab"));

  core_test_import_ok (back, "webanno-tsv", paths, NULL, &report);
  docs = hearsay_project_list_documents (back, NULL);
  anns = core_test_annotations (back, hearsay_document_get_id (g_ptr_array_index (docs, 0)));
  g_assert_cmpuint (anns->len, ==, 9);
  for (guint i = 0; i < anns->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (anns, i);

      if (hearsay_annotation_get_note (ann) != NULL)
        {
          g_assert_cmpstr (hearsay_annotation_get_note (ann), ==, NOTE);
          g_assert_cmpuint (hearsay_annotation_get_n_fragments (ann), ==, 2);
        }
      /* Shortened to the nearest token, not shifted. */
      if (g_str_equal (hearsay_annotation_get_label (ann), "frame_cue"))
        g_assert_cmpstr (hearsay_annotation_get_fragment (ann, 0)->exact, ==, "\xC3\xA0 ");
    }
  hearsay_import_report_clear (&report);
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *v = xmlGetProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) v);

  xmlFree (v);
  return copy;
}

static void
check_xmi (const char *path,
           const char *expected_text,
           GHashTable *declared,
           GHashTable *quotes)
{
  g_autofree char *data = core_test_read (path, NULL);
  xmlDoc *doc = xmlReadMemory (data, strlen (data), path, NULL, XML_PARSE_NONET);
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *members = NULL;
  g_autofree gunichar2 *text16 = g_utf8_to_utf16 (expected_text, -1, NULL, NULL, NULL);
  guint n_members = 0;

  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "XMI");
  for (xmlNode *n = root->children; n != NULL; n = n->next)
    {
      g_autofree char *id = NULL, *begin = NULL, *end = NULL;

      if (n->type != XML_ELEMENT_NODE)
        continue;
      id = (char *) xmlGetNsProp (n, BAD_CAST "id", BAD_CAST "http://www.omg.org/XMI");
      if (g_str_equal (n->name, "Sofa"))
        {
          g_autofree char *s = prop (n, "sofaString");

          g_assert_cmpstr (s, ==, expected_text);
          continue;
        }
      if (g_str_equal (n->name, "View"))
        {
          members = prop (n, "members");
          continue;
        }
      if (id != NULL && !g_str_equal (n->name, "NULL"))
        g_hash_table_add (ids, g_strdup (id));
      begin = prop (n, "begin");
      end = prop (n, "end");
      if (begin != NULL)
        g_assert_cmpint (g_ascii_strtoll (end, NULL, 10), <=, u16_length (expected_text, -1));
      if (g_str_equal (n->name, "Hearsay"))
        {
          gint64 b = g_ascii_strtoll (begin, NULL, 10), e = g_ascii_strtoll (end, NULL, 10);
          g_autofree char *quote = g_utf16_to_utf8 (text16 + b, e - b, NULL, NULL, NULL);
          g_autofree char *label = prop (n, "label");

          g_hash_table_add (quotes, g_strdup_printf ("%s «%s»", label, quote));
          for (xmlAttr *a = n->properties; a != NULL; a = a->next)
            if (a->ns == NULL && !g_str_equal (a->name, "sofa") && !g_str_equal (a->name, "begin") &&
                !g_str_equal (a->name, "end"))
              g_assert_true (g_hash_table_contains (declared, a->name));
          for (xmlNode *c = n->children; c != NULL; c = c->next)
            if (c->type == XML_ELEMENT_NODE)
              g_assert_true (g_hash_table_contains (declared, c->name));
        }
    }
  g_assert_nonnull (members);
  {
    g_auto(GStrv) list = g_strsplit (members, " ", -1);

    for (guint i = 0; list[i]; i++, n_members++)
      g_assert_true (g_hash_table_contains (ids, list[i]));
    g_assert_cmpuint (n_members, ==, g_hash_table_size (ids));
  }
  xmlFreeDoc (doc);
}

/* The features TypeSystem.xml declares for webanno.custom.Hearsay. */
static GHashTable *
declared_features (const char *path)
{
  g_autofree char *data = core_test_read (path, NULL);
  xmlDoc *doc = xmlReadMemory (data, strlen (data), path, NULL, XML_PARSE_NONET);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlNode *types = NULL;

  g_assert_nonnull (doc);
  for (xmlNode *n = xmlDocGetRootElement (doc)->children; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE && g_str_equal (n->name, "types"))
      types = n;
  g_assert_nonnull (types);
  for (xmlNode *t = types->children; t; t = t->next)
    {
      g_autofree char *name = NULL;
      xmlNode *features = NULL;

      for (xmlNode *c = t->children; c; c = c->next)
        {
          if (c->type == XML_ELEMENT_NODE && g_str_equal (c->name, "name"))
            name = (char *) xmlNodeGetContent (c);
          if (c->type == XML_ELEMENT_NODE && g_str_equal (c->name, "features"))
            features = c;
        }
      if (g_strcmp0 (name, "webanno.custom.Hearsay") != 0 || features == NULL)
        continue;
      for (xmlNode *f = features->children; f; f = f->next)
        for (xmlNode *c = f->children; c; c = c->next)
          if (c->type == XML_ELEMENT_NODE && g_str_equal (c->name, "name"))
            g_hash_table_add (names, (char *) xmlNodeGetContent (c));
    }
  xmlFreeDoc (doc);
  g_assert_true (g_hash_table_contains (names, "label"));
  return names;
}

static void
test_xmi_rules (void)
{
  g_autoptr(HearsayProject) project = fixture ();
  HearsayExportOptions options = { 0 };
  g_autofree char *out = core_test_path ("inception-xmi");
  g_autofree char *f1 = g_build_filename (out, "annotation", "Onglets", "Test Coder.xmi", NULL);
  g_autofree char *f2 = g_build_filename (out, "annotation", "Second", "Test Coder.xmi", NULL);
  g_autofree char *ts = g_build_filename (out, "TypeSystem.xml", NULL);
  g_autoptr(GHashTable) declared = NULL;
  g_autoptr(GHashTable) quotes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  const char *expected[] = {
    "claim «Titre»", "frame_cue «\t\xC3\xA0 »", "claim «\xC2\xBB.\r\n»", "persuasion « \xF0\x9F\x91\x8D»",
    "attribution_cue «de\xCC\x81»", "claim «Deir ez-Zor»", "source_mention «Damas»", "source_mention «Deir»",
    "entity_mention «Deir»", "boilerplate «   \xD8\xAB\xD9\x84\xD8\xA7\xD8\xAB\xD8\xA9»", "claim «Second»",
  };

  g_assert_true (hearsay_export_project_to_path (project, HEARSAY_EXPORT_XMI, &options, out, NULL, &error));
  g_assert_no_error (error);
  declared = declared_features (ts);
  check_xmi (f1, DOC1, declared, quotes);
  check_xmi (f2, DOC2, declared, quotes);
  /* XMI holds any span exactly: in white space, on a tab, over CR LF. */
  g_assert_cmpuint (g_hash_table_size (quotes), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_hash_table_contains (quotes, expected[i]));
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/export-inception/tsv-rules", test_tsv_rules);
  g_test_add_func ("/export-inception/xmi-rules", test_xmi_rules);
  return g_test_run ();
}
