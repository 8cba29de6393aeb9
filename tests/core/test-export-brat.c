/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-brat.c: the brat export as brat reads it. A project made of
 * the tutorial-shaped fixture (events, nested events, two events on one
 * trigger, modifications, normalizations, Equiv, notes, two annotators, a
 * CRLF text) and of Hearsay annotations brat has to be told about (nested,
 * crossing and identical spans, fragments that touch, a span across a
 * line break, free-text attributes, relations to entities and across
 * documents and annotators, notes with CR LF) is exported, then:
 *   - the rules brat's annotation.py and verify_annotations.py apply are
 *     checked here, natively (see check_folder);
 *   - it is imported again and exported again: the same project, the same
 *     files;
 *   - every loss is in the warnings, with how many.
 * With "--write-sample DIR" it writes the export for tests/core/
 * brat-verify.py (a reproduction of brat's verifier) and for brat's own
 * verify_annotations.py (validate-brat.sh). */
#include <string.h>

#include "hearsay-export.h"
#include "core-test-import.h"

static char *
fixture_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", "brat", NULL);
}

static gint64
annotate (HearsayProject *project,
          gint64          doc,
          const char     *label,
          const char     *annotator,
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
  hearsay_annotation_set_annotator (ann, annotator);
  g_assert_true (hearsay_project_create_annotation (project, ann, &error));
  g_assert_no_error (error);
  return hearsay_annotation_get_id (ann);
}

#define TEXT "Le \xC2\xAB conseil \xC2\xBB a vot\xC3\xA9.\r\nUne d\xC3\xA9" "cision \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD ferme.\r\n"

/* The fixture, plus a document of Hearsay's own. */
static HearsayProject *
make_project (const char *name)
{
  HearsayProject *project = core_test_new_project (name);
  g_autofree char *dir = fixture_dir ();
  const char *paths[] = { dir, NULL };
  HearsayImportReport report;
  g_autoptr(GError) error = NULL;
  gint64 doc, whole, conseil, vote, cross, claim, other;
  g_autoptr(HearsayEntity) entity = hearsay_entity_new ("Conseil municipal", "government_official");

  core_test_import_ok (project, "brat", paths, NULL, &report);
  hearsay_import_report_clear (&report);
  doc = core_test_add_document (project, TEXT, "Conseil");
  whole = annotate (project, doc, "claim", "alice", 0, 22, -1, -1);
  conseil = annotate (project, doc, "source_mention", "alice", 3, 14, -1, -1);
  /* The same span twice, and one crossing "conseil » a". */
  annotate (project, doc, "entity_mention", "alice", 3, 14, -1, -1);
  cross = annotate (project, doc, "frame_cue", "alice", 5, 18, -1, -1);
  vote = annotate (project, doc, "attribution_cue", "alice", 15, 21, -1, -1);
  /* Fragments that touch; one across the CRLF. */
  annotate (project, doc, "persuasion", "alice", 0, 2, 2, 3);
  annotate (project, doc, "boilerplate", "alice", 17, 27, -1, -1);
  claim = annotate (project, doc, "claim", "bob", 28, 36, -1, -1);
  other = annotate (project, doc, "claim", "bob", 40, 45, -1, -1);
  g_assert_true (hearsay_project_set_note (project, whole, "premi\xC3\xA8re ligne\r\nseconde ligne\n\nfin", &error));
  g_assert_true (hearsay_project_set_attribute (project, whole, "status", (const char *[]) { "disputed", NULL }, &error));
  g_assert_true (hearsay_project_set_attribute (project, conseil, "identification", (const char *[]) { "named", NULL }, &error));
  g_assert_true (hearsay_project_add_entity (project, entity, &error));
  g_assert_cmpint (hearsay_project_create_relation (project, "attributed_to", whole, conseil, &error), >, 0);
  g_assert_cmpint (hearsay_project_create_relation (project, "contradicts", claim, other, &error), >, 0);
  /* Across annotators, to an entity. */
  g_assert_cmpint (hearsay_project_create_relation (project, "same_claim_as", whole, claim, &error), >, 0);
  g_assert_cmpint (hearsay_project_link_entity (project, "refers_to", conseil, hearsay_entity_get_id (entity), &error), >, 0);
  g_assert_no_error (error);
  (void) cross;
  (void) vote;
  return project;
}

static char *
export (HearsayProject *project,
        const char     *name,
        GPtrArray      *warnings)
{
  HearsayExportOptions options = { .warnings = warnings };
  g_autofree char *path = core_test_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (hearsay_export_project_to_path (project, HEARSAY_EXPORT_BRAT, &options, path, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* One line of an .ann file, split as brat splits it. */
typedef struct
{
  char *id, *data, *tail;
} Line;

static void
line_clear (gpointer data)
{
  Line *l = data;

  g_free (l->id);
  g_free (l->data);
  g_free (l->tail);
}

/* What Python's str.splitlines() breaks on: brat reads .ann lines so. */
static gboolean
breaks_line (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

static GArray *
read_lines (const char *path)
{
  g_autofree char *data = core_test_read (path, NULL);
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  GArray *out = g_array_new (FALSE, TRUE, sizeof (Line));

  g_array_set_clear_func (out, line_clear);
  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      Line l = { 0 };
      char *tab = strchr (lines[i], '\t');
      char *tab2;

      for (const char *p = lines[i]; *p; p = g_utf8_next_char (p))
        g_assert_false (breaks_line (g_utf8_get_char (p)));
      g_assert_nonnull (tab);
      l.id = g_strndup (lines[i], tab - lines[i]);
      tab2 = strchr (tab + 1, '\t');
      l.data = tab2 ? g_strndup (tab + 1, tab2 - tab - 1) : g_strdup (tab + 1);
      l.tail = tab2 ? g_strdup (tab2 + 1) : NULL;
      g_array_append_val (out, l);
    }
  return out;
}

/* The declarations of annotation.conf, by section: "Type" → its args. */
static GHashTable *
read_conf (const char *path,
           const char *section)
{
  g_autofree char *data = core_test_read (path, NULL);
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean in = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *head = NULL;
      const char *args;
      char *bar;

      if (lines[i][0] == '[')
        {
          in = g_str_has_prefix (lines[i] + 1, section);
          continue;
        }
      if (!in || lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      head = g_strndup (lines[i], strcspn (lines[i], "\t"));
      args = lines[i] + strlen (head);
      if ((bar = strchr (head, '|')) != NULL)
        *bar = '\0';
      g_hash_table_insert (table, g_strdup (head), g_strdup (*args ? args + 1 : ""));
    }
  return table;
}

/* Does the argument list "Role*:A|B, Other*:<ANY>" allow @type for @role? */
static gboolean
allows (const char *args,
        const char *role,
        const char *type)
{
  g_auto(GStrv) parts = g_strsplit (args, ", ", -1);

  for (guint i = 0; parts[i]; i++)
    {
      const char *colon = strchr (parts[i], ':');
      g_autofree char *key = colon ? g_strndup (parts[i], colon - parts[i]) : NULL;
      g_auto(GStrv) types = NULL;
      gsize n;

      if (key == NULL)
        continue;
      n = strlen (key);
      if (n > 0 && strchr ("*?+", key[n - 1]))
        key[n - 1] = '\0';
      if (strcmp (key, role) != 0)
        continue;
      types = g_strsplit (colon + 1, "|", -1);
      return g_strv_contains ((const char * const *) types, type) ||
             g_strv_contains ((const char * const *) types, "<ANY>");
    }
  return FALSE;
}

/* The rules brat's annotation.py and verify_annotations.py apply to one
 * .ann file and its text (see tests/core/brat-verify.py for the rest). */
static void
check_ann (const char *ann_path,
           const char *text,
           const char *conf_path)
{
  g_autoptr(GArray) lines = read_lines (ann_path);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) spans_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) entities = read_conf (conf_path, "entities");
  g_autoptr(GHashTable) events = read_conf (conf_path, "events");
  g_autoptr(GHashTable) relations = read_conf (conf_path, "relations");
  g_autoptr(GHashTable) attributes = read_conf (conf_path, "attributes");
  glong length = g_utf8_strlen (text, -1);

  g_assert_true (g_hash_table_contains (relations, "<OVERLAP>"));
  g_assert_cmpstr (g_hash_table_lookup (relations, "<OVERLAP>"), ==, "Arg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>");
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      g_autofree char *type = g_strndup (l->data, strcspn (l->data, " :"));

      /* Ids are unique in a file ("*" has none). */
      if (l->id[0] != '*')
        {
          g_assert_false (g_hash_table_contains (ids, l->id));
          g_hash_table_insert (ids, l->id, l);
          g_hash_table_insert (types, l->id, g_strdup (type));
        }
      if (l->id[0] == 'E')
        g_hash_table_add (triggers, g_strndup (strchr (l->data, ':') + 1, strcspn (strchr (l->data, ':') + 1, " ")));
    }
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      g_auto(GStrv) words = g_strsplit (l->data, " ", -1);
      const char *type = g_hash_table_lookup (types, l->id);

      switch (l->id[0])
        {
        case 'T':
          {
            g_auto(GStrv) spans = g_strsplit (l->data + strlen (words[0]) + 1, ";", -1);
            g_autoptr(GString) expected = g_string_new (NULL);
            gint64 last_end = -1;
            g_autofree char *key = g_strdup_printf ("%s %s", words[0], l->data + strlen (words[0]) + 1);

            /* A known type, of an event only when it is a trigger. */
            if (g_hash_table_contains (triggers, l->id))
              g_assert_true (g_hash_table_contains (events, type));
            else
              g_assert_true (g_hash_table_contains (entities, type));
            /* No two triggers of one type on one span (brat warns). */
            if (g_hash_table_contains (triggers, l->id))
              {
                g_assert_false (g_hash_table_contains (spans_seen, key));
                g_hash_table_add (spans_seen, g_steal_pointer (&key));
              }
            for (guint j = 0; spans[j]; j++)
              {
                gint64 s, e;
                g_autofree char *piece = NULL;

                g_assert_cmpint (sscanf (spans[j], "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &s, &e), ==, 2);
                /* In the text, ascending, neither touching nor overlapping. */
                g_assert_cmpint (s, <, e);
                g_assert_cmpint (e, <=, length);
                g_assert_cmpint (s, >, last_end);
                last_end = e;
                piece = g_utf8_substring (text, s, e);
                g_string_append_printf (expected, "%s%s", j ? " " : "", piece);
              }
            g_assert_cmpstr (l->tail, ==, expected->str);
            break;
          }
        case 'E':
          {
            const char *trigger = strchr (words[0], ':') + 1;
            const char *args = g_hash_table_lookup (events, type);

            g_assert_nonnull (args);
            g_assert_true (g_hash_table_contains (ids, trigger));
            g_assert_cmpstr (g_hash_table_lookup (types, trigger), ==, type);
            for (guint j = 1; words[j]; j++)
              {
                const char *colon = strchr (words[j], ':');
                g_autofree char *role = g_strndup (words[j], colon - words[j]);
                gsize n = strlen (role);

                g_assert_true (g_hash_table_contains (ids, colon + 1));
                /* brat's numbering of repeated roles is not the role. */
                while (n > 1 && g_ascii_isdigit (role[n - 1]))
                  role[--n] = '\0';
                g_assert_true (allows (args, role, g_hash_table_lookup (types, colon + 1)));
              }
            break;
          }
        case 'R':
          {
            const char *a1 = words[1] + 5, *a2 = words[2] + 5;
            const char *args = g_hash_table_lookup (relations, words[0]);

            /* Declared in the case the .ann uses, with Arg1 and Arg2. */
            g_assert_nonnull (args);
            g_assert_true (g_str_has_prefix (words[1], "Arg1:") && g_str_has_prefix (words[2], "Arg2:"));
            g_assert_true (g_hash_table_contains (ids, a1) && g_hash_table_contains (ids, a2));
            g_assert_true (allows (args, "Arg1", g_hash_table_lookup (types, a1)));
            g_assert_true (allows (args, "Arg2", g_hash_table_lookup (types, a2)));
            break;
          }
        case '*':
          {
            const char *args = g_hash_table_lookup (relations, words[0]);

            g_assert_nonnull (args);
            g_assert_nonnull (strstr (args, "<REL-TYPE>:symmetric-transitive"));
            for (guint j = 1; words[j]; j++)
              {
                g_assert_true (g_hash_table_contains (ids, words[j]));
                g_assert_true (allows (args, "Arg1", g_hash_table_lookup (types, words[j])));
              }
            break;
          }
        case 'A':
        case 'N':
        case '#':
          {
            const char *target = words[1];
            const char *args;

            g_assert_true (g_hash_table_contains (ids, target));
            /* Only events may refer to a trigger. */
            g_assert_false (g_hash_table_contains (triggers, target));
            if (l->id[0] != 'A')
              break;
            args = g_hash_table_lookup (attributes, words[0]);
            g_assert_nonnull (args);
            g_assert_true (allows (args, "Arg", g_hash_table_lookup (types, target)));
            if (words[2] != NULL)
              g_assert_true (allows (args, "Value", words[2]));
            break;
          }
        default:
          g_assert_not_reached ();
        }
    }
}

/* Every .ann of the folder with the .txt it belongs to. */
static guint
check_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *conf = g_build_filename (dir, "annotation.conf", NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *stem = NULL;
      g_autofree char *txt = NULL;
      g_autofree char *text = NULL;
      g_autofree char *ann = NULL;

      if (!g_str_has_suffix (name, ".ann"))
        continue;
      stem = g_strndup (name, strcspn (name, "_."));
      txt = g_strdup_printf ("%s/%s.txt", dir, stem);
      text = core_test_read (txt, NULL);
      ann = g_build_filename (dir, name, NULL);
      check_ann (ann, text, conf);
      n++;
    }
  return n;
}

static gboolean
has_warning (GPtrArray  *warnings,
             const char *a,
             const char *b)
{
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), a) && strstr (g_ptr_array_index (warnings, i), b))
      return TRUE;
  return FALSE;
}

static char *
read_in (const char *dir,
         const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return core_test_read (path, NULL);
}

static void
test_brat_rules (void)
{
  g_autoptr(HearsayProject) project = make_project ("brat-export.hearsay");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = export (project, "brat-export", warnings);
  g_autofree char *conf = read_in (dir, "annotation.conf");
  g_autofree char *own = read_in (dir, "0004-conseil.ann");
  g_autofree char *bob = read_in (dir, "0004-conseil_bob.ann");
  g_autofree char *news = read_in (dir, "0002-damas-a-declare-deir-ez-zor-est-liberee.ann");
  g_autofree char *text = read_in (dir, "0004-conseil.txt");

  /* Two annotators of the news document, two of Hearsay's document. */
  g_assert_cmpuint (check_folder (dir), ==, 6);
  g_assert_cmpstr (text, ==, TEXT);
  /* <stem>.ann holds "brat" for the imported documents, alice for the
   * last one: annotation.conf says so. */
  g_assert_nonnull (strstr (conf, "\n# annotator 0004-conseil: alice\n"));
  g_assert_null (strstr (conf, "\n# annotator: "));
  /* Events with their roles, as the .ann uses them. */
  g_assert_nonnull (strstr (conf, "\nLiberate\tAgent-Arg*:Person|Organization|GPE, Place-Arg*:GPE\n"));
  g_assert_nonnull (strstr (conf, "Sign-agreement\tParty-Arg*:"));
  g_assert_nonnull (strstr (news, "Party-Arg2:T"));
  g_assert_nonnull (strstr (conf, "\nEquiv\tArg1:GPE, Arg2:GPE, <REL-TYPE>:symmetric-transitive\n"));
  g_assert_nonnull (strstr (news, "\n*\tEquiv T"));
  g_assert_nonnull (strstr (news, "\tReference T"));
  g_assert_nonnull (strstr (news, "\tNegation E"));
  /* One trigger for the two events on "libérée". */
  g_assert_nonnull (strstr (news, "Liberate 40 48\tlibe\xCC\x81r\xC3\xA9" "e\n"));
  g_assert_null (strstr (strstr (news, "Liberate 40 48") + 1, "Liberate 40 48"));
  /* The touching fragments are one; the span across CRLF is two. */
  g_assert_nonnull (strstr (own, "\tpersuasion 0 3\tLe \n"));
  g_assert_nonnull (strstr (own, "\tboilerplate 17 22;24 27\tvot\xC3\xA9. Une\n"));
  /* A note per line; the CR LF is gone. */
  g_assert_nonnull (strstr (own, "\tpremi\xC3\xA8re ligne\n"));
  g_assert_nonnull (strstr (own, "\tseconde ligne\n"));
  g_assert_nonnull (strstr (own, "same_claim_as: document 4 annotation"));
  g_assert_nonnull (strstr (own, "refers_to: entity"));
  g_assert_nonnull (strstr (bob, "\tcontradicts Arg1:T"));
  g_assert_nonnull (strstr (conf, "contradicts\tArg1:claim, Arg2:claim, <REL-TYPE>:symmetric\n"));
  /* Every loss, counted. */
  g_assert_true (has_warning (warnings, "1 annotations have fragments that touch", "merged"));
  g_assert_true (has_warning (warnings, "1 annotations span a line break", "split"));
  g_assert_true (has_warning (warnings, "1 relations to entities", "AnnotatorNotes"));
  g_assert_true (has_warning (warnings, "1 relations to another document or another annotator", "AnnotatorNotes"));
  g_assert_true (has_warning (warnings, "notes hold CR", "LF"));
  g_assert_true (has_warning (warnings, "2 .ann files", "<text>_<annotator>.ann"));
}

static void
test_refuses_other_units (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("brat-units.hearsay");
  g_autofree char *path = core_test_path ("brat-units");

  core_test_add_document (project, "Un texte.\r\n", "Un");
  for (HearsayOffsetUnit unit = HEARSAY_OFFSET_UTF16; unit <= HEARSAY_OFFSET_BYTE; unit++)
    {
      HearsayExportOptions options = { .offset_unit = unit };
      g_autoptr(GError) error = NULL;

      g_assert_false (hearsay_export_project_to_path (project, HEARSAY_EXPORT_BRAT, &options, path, NULL, &error));
      g_assert_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_UNSUPPORTED);
      g_assert_nonnull (strstr (error->message, "code points"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* A project's content, for comparing a round trip: per document, each
 * annotation (label, fragments, attributes, note, annotator, event or
 * not) and each relation by its ends. */
static char *
dump (HearsayProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = hearsay_project_list_documents (project, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  HearsayScheme *scheme = hearsay_project_get_scheme (project);
  GString *out = g_string_new (NULL);

  for (guint d = 0; d < docs->len; d++)
    {
      gint64 id = hearsay_document_get_id (g_ptr_array_index (docs, d));
      g_autoptr(GPtrArray) anns = core_test_annotations (project, id);
      g_autoptr(GPtrArray) rels = hearsay_project_list_relations (project, id, &error);
      g_autoptr(GHashTable) keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

      for (guint i = 0; i < anns->len; i++)
        {
          HearsayAnnotation *ann = g_ptr_array_index (anns, i);
          g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);
          const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, hearsay_annotation_get_label (ann));
          GString *s = g_string_new (NULL);
          GString *key = g_string_new (NULL);

          g_string_append_printf (key, "d%u %s by %s", d, hearsay_annotation_get_label (ann),
                                  hearsay_annotation_get_annotator (ann));
          for (guint j = 0; j < hearsay_annotation_get_n_fragments (ann); j++)
            {
              const HearsayFragment *f = hearsay_annotation_get_fragment (ann, j);

              g_string_append_printf (key, " [%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ")«%s»", f->start, f->end, f->exact);
            }
          g_string_append (s, key->str);
          if (label != NULL && label->event)
            g_string_append (s, " event");
          for (guint j = 0; names[j]; j++)
            {
              g_autofree char *joined = g_strjoinv ("|", (char **) hearsay_annotation_get_attribute_values (ann, names[j]));

              g_string_append_printf (s, " %s=%s", names[j], joined);
            }
          if (hearsay_annotation_get_note (ann) != NULL)
            g_string_append_printf (s, " note=%s", hearsay_annotation_get_note (ann));
          g_ptr_array_add (lines, g_string_free (s, FALSE));
          g_hash_table_insert (keys, g_memdup2 (&(gint64) { hearsay_annotation_get_id (ann) }, sizeof (gint64)),
                               g_string_free (key, FALSE));
        }
      for (guint i = 0; i < rels->len; i++)
        {
          HearsayRelation *r = g_ptr_array_index (rels, i);
          const char *from = g_hash_table_lookup (keys, &r->from_id);
          const char *to = g_hash_table_lookup (keys, &r->to_id);

          if (from != NULL && to != NULL)
            g_ptr_array_add (lines, g_strdup_printf ("relation %s: %s → %s", r->type, from, to));
        }
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

static void
test_round_trip (void)
{
  g_autofree char *fixture = fixture_dir ();
  const char *paths[] = { fixture, NULL };
  g_autoptr(HearsayProject) p1 = core_test_new_project ("brat-rt1.hearsay");
  g_autoptr(HearsayProject) p2 = core_test_new_project ("brat-rt2.hearsay");
  g_autoptr(HearsayProject) p3 = core_test_new_project ("brat-rt3.hearsay");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL;
  g_autofree char *d1 = NULL, *d2 = NULL;
  HearsayImportReport report;
  const char *paths1[2] = { NULL, NULL }, *paths2[2] = { NULL, NULL };

  core_test_import_ok (p1, "brat", paths, NULL, &report);
  hearsay_import_report_clear (&report);
  e1 = export (p1, "brat-rt-e1", warnings);
  /* Nothing of the tutorial data is lost on the way out. */
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (has_warning (warnings, "1 .ann files", "<text>_<annotator>.ann"));
  paths1[0] = e1;
  core_test_import_ok (p2, "brat", paths1, NULL, &report);
  g_assert_cmpuint (report.quote_mismatches->len, ==, 0);
  g_assert_cmpuint (report.skipped->len, ==, 0);
  hearsay_import_report_clear (&report);
  d1 = dump (p1);
  d2 = dump (p2);
  g_assert_cmpstr (d2, ==, d1);
  e2 = export (p2, "brat-rt-e2", NULL);
  paths2[0] = e2;
  core_test_import_ok (p3, "brat", paths2, NULL, &report);
  hearsay_import_report_clear (&report);
  e3 = export (p3, "brat-rt-e3", NULL);
  /* From the second export on, the same bytes. */
  {
    g_autoptr(GDir) d = g_dir_open (e2, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *a = read_in (e2, name);
        g_autofree char *b = read_in (e3, name);

        g_assert_cmpstr (a, ==, b);
      }
  }
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  if (argc == 3 && g_str_equal (argv[1], "--write-sample"))
    {
      g_autoptr(HearsayProject) project = make_project ("brat-sample.hearsay");
      g_autoptr(GError) error = NULL;

      if (!hearsay_export_project_to_path (project, HEARSAY_EXPORT_BRAT, NULL, argv[2], NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }
  g_test_add_func ("/export-brat/brat-rules", test_brat_rules);
  g_test_add_func ("/export-brat/refuses-other-units", test_refuses_other_units);
  g_test_add_func ("/export-brat/round-trip", test_round_trip);
  return g_test_run ();
}
