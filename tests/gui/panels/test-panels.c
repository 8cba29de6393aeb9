/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-panels.c: the entity registry, the document panel and the annotation
 * list, driven through their widgets the way a user drives them. */
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "hearsay-annotation-list.h"
#include "hearsay-document-panel.h"
#include "hearsay-entity-panel.h"
#include "hearsay-project.h"

#define TEXT "D'après Reuters, l'armée syrienne a déclaré que la ville était libérée. " \
             "Une source militaire citée par Sana a confirmé la nouvelle."

typedef struct
{
  char *dir;
  HearsayProject *project;
  gint64 doc1;
  gint64 doc2;
  gint64 claim;
  gint64 source;
  gint64 cue;
  GtkWidget *window;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms, so that timeouts (search delay, deferred saves) fire. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

static gint64
offset_of (const char *needle)
{
  const char *p = strstr (TEXT, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (TEXT, p);
}

static gint64
annotate (Fixture    *f,
          gint64      doc,
          const char *label,
          const char *quote,
          const char *attribute,
          const char *value)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc, label);
  g_autoptr(GError) error = NULL;
  gint64 start = offset_of (quote);

  hearsay_annotation_add_fragment (ann, start, start + g_utf8_strlen (quote, -1));
  if (attribute != NULL)
    hearsay_annotation_set_attribute (ann, attribute, value);
  g_assert_true (hearsay_project_create_annotation (f->project, ann, &error));
  g_assert_no_error (error);
  return hearsay_annotation_get_id (ann);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  HearsayDocument *doc;

  f->dir = g_dir_make_tmp ("hearsay-panels-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.hearsay", NULL);
  f->project = hearsay_project_create (path, &error);
  g_assert_no_error (error);

  doc = hearsay_document_new (TEXT);
  hearsay_document_set_title (doc, "Deir ez-Zor");
  hearsay_document_set_outlet (doc, "RT");
  hearsay_document_set_language (doc, "fr");
  g_ptr_array_add (docs, doc);
  doc = hearsay_document_new (TEXT);
  hearsay_document_set_title (doc, "Copy");
  g_ptr_array_add (docs, doc);
  g_assert_true (hearsay_project_add_documents (f->project, docs, &error));
  g_assert_no_error (error);
  f->doc1 = hearsay_document_get_id (g_ptr_array_index (docs, 0));
  f->doc2 = hearsay_document_get_id (g_ptr_array_index (docs, 1));

  f->claim = annotate (f, f->doc1, "claim", "la ville était libérée", "checkworthiness", "check_worthy");
  f->source = annotate (f, f->doc1, "source_mention", "Reuters", "identification", "named");
  f->cue = annotate (f, f->doc1, "attribution_cue", "D'après", "cue_kind", "preposition");
  annotate (f, f->doc2, "claim", "la ville était libérée", NULL, NULL);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "test.hearsay", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  hearsay_project_close (f->project);
  g_clear_object (&f->project);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
show (Fixture   *f,
      GtkWidget *widget)
{
  gtk_window_set_child (GTK_WINDOW (f->window), widget);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (object);
  return object;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
type_and_activate (GtkEntry   *entry,
                   const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  iterate ();
}

/* A button's activation (Enter, Space, mnemonic) emits clicked after a 250 ms press. */
static void
press (GtkWidget *button)
{
  g_assert_true (gtk_widget_activate (button));
  wait_ms (400);
}

static guint
n_rows (GtkColumnView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

static guint
kind_index (HearsayProject *project,
            const char     *kind)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (project);

  for (guint i = 0; i < hearsay_scheme_get_n_entity_kinds (scheme); i++)
    if (g_strcmp0 (hearsay_scheme_get_entity_kind (scheme, i)->id, kind) == 0)
      return i;
  g_assert_not_reached ();
}

static void
record_id (GtkWidget *widget,
           gint64     id,
           gint64    *out)
{
  *out = id;
}

static void
test_create_destroy (void)
{
  GType types[] = { HEARSAY_TYPE_ENTITY_PANEL, HEARSAY_TYPE_DOCUMENT_PANEL, HEARSAY_TYPE_ANNOTATION_LIST };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *widget = g_object_new (types[i], NULL);

      gtk_window_set_child (GTK_WINDOW (window), widget);
      gtk_window_present (GTK_WINDOW (window));
      iterate ();
      gtk_window_destroy (GTK_WINDOW (window));
      iterate ();
    }
}

static void
test_entity_panel (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *panel = hearsay_entity_panel_new (f->project);
  GType type = HEARSAY_TYPE_ENTITY_PANEL;
  GtkColumnView *view = child (panel, type, "column_view");
  GtkWidget *form = child (panel, type, "form");
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(HearsayEntity) stored = NULL;
  g_autoptr(HearsayEntity) reuters = hearsay_entity_new ("Reuters", "wire_agency");
  g_autoptr(GError) error = NULL;
  const char * const *aliases;
  gint64 id, activated = 0;

  show (f, panel);
  g_assert_cmpuint (n_rows (view), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (form));

  /* New Entity adds one and selects it. */
  press (child (panel, type, "new_button"));
  entities = hearsay_project_list_entities (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entities->len, ==, 1);
  id = hearsay_entity_get_id (g_ptr_array_index (entities, 0));
  g_assert_cmpstr (hearsay_entity_get_name (g_ptr_array_index (entities, 0)), ==, "New entity");
  g_assert_cmpstr (hearsay_entity_get_kind (g_ptr_array_index (entities, 0)), ==, "unknown");
  g_assert_cmpint (hearsay_entity_panel_get_selected (HEARSAY_ENTITY_PANEL (panel)), ==, id);
  g_assert_true (gtk_widget_get_sensitive (form));
  g_assert_cmpuint (n_rows (view), ==, 1);

  /* Every field of the form is stored as soon as it changes. */
  type_and_activate (child (panel, type, "name_entry"), "SANA");
  gtk_drop_down_set_selected (child (panel, type, "kind_dropdown"), kind_index (f->project, "state_news_agency"));
  gtk_drop_down_set_selected (child (panel, type, "state_dropdown"), 1);
  type_and_activate (child (panel, type, "aliases_entry"), "Syrian Arab News Agency, Sana ,");
  /* Typing without Enter is saved after a pause. */
  gtk_editable_set_text (child (panel, type, "affiliation_entry"), "Syrian government");
  wait_ms (700);

  stored = hearsay_project_get_entity (f->project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_entity_get_name (stored), ==, "SANA");
  g_assert_cmpstr (hearsay_entity_get_kind (stored), ==, "state_news_agency");
  g_assert_cmpstr (hearsay_entity_get_state_affiliated (stored), ==, "yes");
  g_assert_cmpstr (hearsay_entity_get_affiliation (stored), ==, "Syrian government");
  aliases = hearsay_entity_get_aliases (stored);
  g_assert_nonnull (aliases);
  g_assert_cmpstr (aliases[0], ==, "Syrian Arab News Agency");
  g_assert_cmpstr (aliases[1], ==, "Sana");
  g_assert_null (aliases[2]);
  /* The row stays selected through the reloads the saves cause. */
  g_assert_cmpint (hearsay_entity_panel_get_selected (HEARSAY_ENTITY_PANEL (panel)), ==, id);

  /* An empty name is refused and said so; nothing is stored. */
  type_and_activate (child (panel, type, "name_entry"), "  ");
  g_assert_true (gtk_widget_get_visible (child (panel, type, "error_label")));
  g_clear_object (&stored);
  stored = hearsay_project_get_entity (f->project, id, NULL);
  g_assert_cmpstr (hearsay_entity_get_name (stored), ==, "SANA");
  type_and_activate (child (panel, type, "name_entry"), "SANA");

  /* Entities added elsewhere show up; the search matches names and aliases. */
  g_assert_true (hearsay_project_add_entity (f->project, reuters, &error));
  iterate ();
  g_assert_cmpuint (n_rows (view), ==, 2);
  gtk_editable_set_text (child (panel, type, "search_entry"), "REUT");
  wait_ms (400);
  g_assert_cmpuint (n_rows (view), ==, 1);
  gtk_editable_set_text (child (panel, type, "search_entry"), "arab news");
  wait_ms (400);
  g_assert_cmpuint (n_rows (view), ==, 1);
  gtk_editable_set_text (child (panel, type, "search_entry"), "nothing like it");
  wait_ms (400);
  g_assert_cmpuint (n_rows (view), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (panel, type, "list_stack")), ==, "empty");

  /* Selecting a hidden entity clears the search. */
  g_assert_true (hearsay_entity_panel_select_entity (HEARSAY_ENTITY_PANEL (panel), hearsay_entity_get_id (reuters)));
  g_assert_cmpuint (n_rows (view), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (child (panel, type, "name_entry")), ==, "Reuters");

  g_signal_connect (panel, "entity-activated", G_CALLBACK (record_id), &activated);
  g_signal_emit_by_name (view, "activate", 0);
  /* Rows are by name: Reuters comes before SANA. */
  g_assert_cmpint (activated, ==, hearsay_entity_get_id (reuters));

  /* Long names, aliases and kinds are cut short, not the table: it fits the
   * right pane (300 px wide at the least). */
  {
    g_autoptr(HearsayEntity) observatory = hearsay_entity_new ("Syrian Observatory for Human Rights "
                                                               "(Observatoire syrien des droits de l'homme)",
                                                               "ngo_civil_society");
    const char *long_aliases[] = { "OSDH", "SOHR", "the Observatory, based in Coventry", NULL };
    int min;

    hearsay_entity_set_aliases (observatory, long_aliases);
    hearsay_entity_set_state_affiliated (observatory, "unclear");
    g_assert_true (hearsay_project_add_entity (f->project, observatory, &error));
    g_assert_no_error (error);
    iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 2);
    gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_assert_cmpint (min, <, 280);
  }
}

static void
test_document_panel (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *panel = hearsay_document_panel_new (f->project);
  GType type = HEARSAY_TYPE_DOCUMENT_PANEL;
  GtkStack *stack = child (panel, type, "stack");
  GtkWidget *frames, *create;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *values;
  guint i = 0;

  show (f, panel);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  hearsay_document_panel_set_document (HEARSAY_DOCUMENT_PANEL (panel), f->doc1);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "form");
  g_assert_cmpstr (gtk_editable_get_text (child (panel, type, "title_entry")), ==, "Deir ez-Zor");

  type_and_activate (child (panel, type, "title_entry"), "Deir ez-Zor libérée");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (panel, "genre")), 1);
  frames = find_named (panel, "frames");
  g_assert_true (GTK_IS_FLOW_BOX (frames));
  for (GtkWidget *c = gtk_widget_get_first_child (frames); c != NULL; c = gtk_widget_get_next_sibling (c), i++)
    if (i == 0 || i == 7)
      gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c))), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (panel, "primary_frame")), 8);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (panel, "tone")), 3);
  type_and_activate (GTK_ENTRY (find_named (panel, "event")), "Deir ez-Zor, November 2017");
  type_and_activate (child (panel, type, "date_entry"), "2017-11-03");
  type_and_activate (child (panel, type, "language_entry"), "fr-FR");
  g_assert_false (gtk_widget_get_visible (child (panel, type, "date_error")));

  doc = hearsay_project_load_document (f->project, f->doc1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_document_get_title (doc), ==, "Deir ez-Zor libérée");
  g_assert_cmpstr (hearsay_document_get_published_at (doc), ==, "2017-11-03");
  g_assert_cmpstr (hearsay_document_get_language (doc), ==, "fr-FR");
  g_assert_cmpstr (hearsay_document_get_field (doc, "genre")[0], ==, "reporting");
  values = hearsay_document_get_field (doc, "frames");
  g_assert_nonnull (values);
  g_assert_cmpstr (values[0], ==, "economic");
  g_assert_cmpstr (values[1], ==, "security_and_defense");
  g_assert_null (values[2]);
  g_assert_cmpstr (hearsay_document_get_field (doc, "primary_frame")[0], ==, "security_and_defense");
  g_assert_cmpstr (hearsay_document_get_field (doc, "tone")[0], ==, "negative");
  g_assert_cmpstr (hearsay_document_get_field (doc, "event")[0], ==, "Deir ez-Zor, November 2017");

  /* A malformed date is shown as an error and not stored. */
  type_and_activate (child (panel, type, "date_entry"), "2017-13-45");
  g_assert_true (gtk_widget_get_visible (child (panel, type, "date_error")));
  g_clear_object (&doc);
  doc = hearsay_project_load_document (f->project, f->doc1, &error);
  g_assert_cmpstr (hearsay_document_get_published_at (doc), ==, "2017-11-03");
  type_and_activate (child (panel, type, "date_entry"), "2017-11-04");
  g_assert_false (gtk_widget_get_visible (child (panel, type, "date_error")));

  /* Unchecking one frame and clearing the genre. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_flow_box_child_get_child (
    GTK_FLOW_BOX_CHILD (gtk_widget_get_first_child (frames)))), FALSE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (panel, "genre")), 0);
  g_clear_object (&doc);
  doc = hearsay_project_load_document (f->project, f->doc1, &error);
  g_assert_cmpstr (hearsay_document_get_published_at (doc), ==, "2017-11-04");
  g_assert_null (hearsay_document_get_field (doc, "genre"));
  values = hearsay_document_get_field (doc, "frames");
  g_assert_cmpstr (values[0], ==, "security_and_defense");
  g_assert_null (values[1]);

  /* The outlet is an entity: one that is missing can be created from here. */
  create = child (panel, type, "create_outlet_button");
  type_and_activate (child (panel, type, "outlet_entry"), "RT France");
  g_assert_true (gtk_widget_get_visible (create));
  press (create);
  entities = hearsay_project_list_entities (f->project, &error);
  g_assert_cmpuint (entities->len, ==, 1);
  g_assert_cmpstr (hearsay_entity_get_name (g_ptr_array_index (entities, 0)), ==, "RT France");
  g_assert_cmpstr (hearsay_entity_get_kind (g_ptr_array_index (entities, 0)), ==, "independent_media");
  g_assert_false (gtk_widget_get_visible (create));
  g_clear_object (&doc);
  doc = hearsay_project_load_document (f->project, f->doc1, &error);
  g_assert_cmpstr (hearsay_document_get_outlet (doc), ==, "RT France");

  /* The picker offers it. */
  {
    GtkListBox *list = child (panel, type, "outlet_list");
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

    type_and_activate (child (panel, type, "outlet_entry"), "Other");
    g_assert_true (gtk_widget_get_visible (create));
    g_signal_emit_by_name (list, "row-activated", row);
    iterate ();
    g_assert_cmpstr (gtk_editable_get_text (child (panel, type, "outlet_entry")), ==, "RT France");
    g_assert_false (gtk_widget_get_visible (create));
  }

  /* Another document's values replace these; none shows the empty state. */
  hearsay_document_panel_set_document (HEARSAY_DOCUMENT_PANEL (panel), f->doc2);
  g_assert_cmpstr (gtk_editable_get_text (child (panel, type, "title_entry")), ==, "Copy");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find_named (panel, "tone"))), ==, 0);
  hearsay_document_panel_set_document (HEARSAY_DOCUMENT_PANEL (panel), 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

static void
test_annotation_list (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *list = hearsay_annotation_list_new (f->project);
  GType type = HEARSAY_TYPE_ANNOTATION_LIST;
  GtkColumnView *view = child (list, type, "column_view");
  GtkLabel *status = child (list, type, "status_label");
  GtkSelectionModel *model = gtk_column_view_get_model (view);
  g_autoptr(HearsayAnnotation) first = NULL;
  g_autoptr(GError) error = NULL;
  gint64 activated = 0, added;

  show (f, list);
  g_assert_cmpuint (n_rows (view), ==, 0);
  hearsay_annotation_list_set_document (HEARSAY_ANNOTATION_LIST (list), f->doc1);
  iterate ();
  g_assert_cmpuint (n_rows (view), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (status), ==, "3 of 3 annotations");

  /* Label filter: position 0 is "All labels", then the scheme's order. */
  gtk_drop_down_set_selected (child (list, type, "label_dropdown"), 2);
  iterate ();
  g_assert_cmpuint (n_rows (view), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (status), ==, "1 of 3 annotations");
  gtk_drop_down_set_selected (child (list, type, "label_dropdown"), 0);
  g_assert_cmpuint (n_rows (view), ==, 3);

  /* Text filter, ignoring case. */
  gtk_editable_set_text (child (list, type, "search_entry"), "VILLE");
  wait_ms (400);
  g_assert_cmpuint (n_rows (view), ==, 1);
  gtk_editable_set_text (child (list, type, "search_entry"), "");
  wait_ms (400);
  g_assert_cmpuint (n_rows (view), ==, 3);

  /* Rows are in text order: the cue "D'après" comes first. */
  g_signal_connect (list, "annotation-activated", G_CALLBACK (record_id), &activated);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (hearsay_annotation_get_id (first), ==, f->cue);
  g_signal_emit_by_name (view, "activate", 2);
  g_assert_cmpint (activated, ==, f->claim);

  /* The list follows the project one annotation at a time. */
  g_assert_true (hearsay_project_delete_annotation (f->project, f->source, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpuint (n_rows (view), ==, 2);
  added = annotate (f, f->doc1, "source_mention", "Sana", "identification", "named");
  iterate ();
  g_assert_cmpuint (n_rows (view), ==, 3);
  annotate (f, f->doc2, "source_mention", "Sana", NULL, NULL);
  iterate ();
  g_assert_cmpuint (n_rows (view), ==, 3);
  g_assert_true (hearsay_project_set_label (f->project, added, "entity_mention", &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpuint (n_rows (view), ==, 3);

  /* select() clears a filter that hides the annotation. */
  gtk_drop_down_set_selected (child (list, type, "label_dropdown"), 1);
  g_assert_cmpuint (n_rows (view), ==, 1);
  g_assert_true (hearsay_annotation_list_select (HEARSAY_ANNOTATION_LIST (list), added));
  g_assert_cmpuint (n_rows (view), ==, 3);
  g_assert_cmpint (hearsay_annotation_list_get_selected (HEARSAY_ANNOTATION_LIST (list)), ==, added);
  g_assert_false (hearsay_annotation_list_select (HEARSAY_ANNOTATION_LIST (list), 999999));

  hearsay_annotation_list_set_document (HEARSAY_ANNOTATION_LIST (list), 0);
  g_assert_cmpuint (n_rows (view), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (list, type, "stack")), ==, "empty");
}

int
main (int   argc,
      char *argv[])
{
  /* No accessibility bus under Xvfb; its warning would be fatal here. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* Without a window manager, focus moves without focus-out events, and the
   * caret's blink timer warns about it while the tests wait for timeouts. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add_func ("/panels/create-destroy", test_create_destroy);
  g_test_add ("/panels/entity-panel", Fixture, NULL, fixture_set_up, test_entity_panel, fixture_tear_down);
  g_test_add ("/panels/document-panel", Fixture, NULL, fixture_set_up, test_document_panel, fixture_tear_down);
  g_test_add ("/panels/annotation-list", Fixture, NULL, fixture_set_up, test_annotation_list, fixture_tear_down);

  return g_test_run ();
}
