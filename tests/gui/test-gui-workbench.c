/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-gui-workbench.c: the workbench around the reader — relations through the
 * link picker, entity suggestions, the generated attribute form, the label
 * drop-down, undo and redo (also across a restart), the scheme editor,
 * fragments and the right pane — driven through the window's actions and
 * the widgets a user clicks. */
#include "config.h"

#include "gui-test-util.h"
#include "hearsay-link-picker.h"
#include "hearsay-scheme-editor.h"
#include "hearsay-window.h"

#define SAMPLE GUI_TESTS_DIR "/../../data/samples/rt-deir-ez-zor-2017.txt"

static const char *tmp_dir;

typedef struct
{
  HearsayProject *project;
  HearsayWindow *window;
  gint64 document_id;
  char *text;
} Bench;

/* A new project file holding the sample article, in a window. */
static void
bench_open (Bench      *bench,
            const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  const char *paths[] = { SAMPLE, NULL };
  g_autoptr(GError) error = NULL;
  HearsayDocument *document;

  bench->project = hearsay_project_create (path, &error);
  g_assert_no_error (error);
  bench->window = hearsay_window_new (NULL, bench->project);
  gtk_window_present (GTK_WINDOW (bench->window));
  g_assert_true (hearsay_window_import_files (bench->window, paths, &error));
  g_assert_no_error (error);
  g_assert_true (gui_test_wait_for (gui_test_window_has_document, bench->window));
  document = hearsay_reader_get_document (hearsay_window_get_reader (bench->window));
  bench->document_id = hearsay_document_get_id (document);
  bench->text = g_strdup (hearsay_document_get_text (document));
}

static void
bench_close (Bench *bench)
{
  gui_test_destroy_all_windows ();
  hearsay_project_close (bench->project);
  g_clear_object (&bench->project);
  g_clear_pointer (&bench->text, g_free);
}

static void
select_text (Bench      *bench,
             const char *needle)
{
  gint64 start = gui_test_offset_of (bench->text, needle);

  gui_test_select_range (hearsay_window_get_reader (bench->window), start,
                         start + g_utf8_strlen (needle, -1));
}

/* Selects @needle and applies @label through the palette's action. */
static gint64
annotate (Bench      *bench,
          const char *needle,
          const char *label)
{
  HearsayInspector *inspector = hearsay_window_get_inspector (bench->window);

  select_text (bench, needle);
  g_action_group_activate_action (G_ACTION_GROUP (bench->window), "annotate", g_variant_new_string (label));
  gui_test_iterate ();
  g_assert_cmpint (hearsay_inspector_get_annotation_id (inspector), !=, 0);
  return hearsay_inspector_get_annotation_id (inspector);
}

static void
activate (Bench      *bench,
          const char *action)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (bench->window), action));
  g_action_group_activate_action (G_ACTION_GROUP (bench->window), action, NULL);
  gui_test_iterate ();
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type))
        return window;
    }
  return NULL;
}

static guint
count_relations (Bench  *bench,
                 gint64  annotation_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = hearsay_project_list_annotation_relations (bench->project, annotation_id, &error);

  g_assert_no_error (error);
  return relations->len;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;
  return n;
}

static HearsayAnnotation *
get_annotation (Bench  *bench,
                gint64  id)
{
  return hearsay_project_get_annotation (bench->project, id, NULL);
}

static void
test_relations (void)
{
  Bench bench = { 0 };
  g_autoptr(GError) error = NULL;
  HearsayInspector *inspector;
  HearsayLinkPicker *picker;
  GtkListBox *rows;
  GtkWidget *delete_button;
  gint64 claim, source, relation;

  bench_open (&bench, "relations.hearsay");
  inspector = hearsay_window_get_inspector (bench.window);
  source = annotate (&bench, "L'armée syrienne", "source_mention");
  claim = annotate (&bench, "Daesh avait été chassée de la ville de Deir ez-Zor", "claim");

  /* L on the claim opens the picker; the source mention is an allowed target. */
  hearsay_window_select_annotation (bench.window, claim);
  activate (&bench, "link");
  picker = HEARSAY_LINK_PICKER (find_toplevel (HEARSAY_TYPE_LINK_PICKER));
  g_assert_nonnull (picker);
  hearsay_link_picker_select_target (picker, source);
  g_assert_true (hearsay_link_picker_set_relation_type (picker, "attributed_to"));
  relation = hearsay_link_picker_link (picker, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relation, >, 0);
  gui_test_iterate ();
  g_assert_cmpuint (count_relations (&bench, claim), ==, 1);

  /* The inspector lists it, and the partner lists it too (incoming). */
  rows = hearsay_inspector_get_relations_list (inspector);
  g_assert_cmpuint (count_rows (rows), ==, 1);
  hearsay_window_select_annotation (bench.window, source);
  g_assert_cmpuint (count_rows (rows), ==, 1);

  /* From a source mention, "attributed_to" a claim is not in the scheme:
   * the picker does not offer it and the core refuses it. */
  activate (&bench, "link");
  picker = HEARSAY_LINK_PICKER (find_toplevel (HEARSAY_TYPE_LINK_PICKER));
  g_assert_nonnull (picker);
  hearsay_link_picker_select_target (picker, claim);
  g_assert_false (hearsay_link_picker_set_relation_type (picker, "attributed_to"));
  g_assert_cmpint (hearsay_link_picker_link (picker, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  gtk_window_destroy (GTK_WINDOW (picker));
  gui_test_iterate ();
  g_assert_cmpuint (count_relations (&bench, claim), ==, 1);

  /* The row's delete button removes the relation. */
  delete_button = g_object_get_data (G_OBJECT (gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (rows, 0))),
                                     "hearsay-delete");
  g_assert_nonnull (delete_button);
  g_signal_emit_by_name (delete_button, "clicked");
  gui_test_iterate ();
  g_assert_cmpuint (count_relations (&bench, claim), ==, 0);
  g_assert_cmpuint (count_rows (rows), ==, 0);
  bench_close (&bench);
}

static void
test_entity_suggestion (void)
{
  Bench bench = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayEntity) sana = hearsay_entity_new ("SANA", "state_news_agency");
  g_autoptr(GPtrArray) relations = NULL;
  HearsayInspector *inspector;
  GtkButton *accept;
  gint64 mention;

  bench_open (&bench, "entities.hearsay");
  inspector = hearsay_window_get_inspector (bench.window);
  g_assert_true (hearsay_project_add_entity (bench.project, sana, &error));
  g_assert_no_error (error);

  mention = annotate (&bench, "Sana", "source_mention");
  accept = hearsay_inspector_get_suggestion_button (inspector);
  g_assert_nonnull (accept);
  g_signal_emit_by_name (accept, "clicked");
  gui_test_iterate ();

  relations = hearsay_project_list_annotation_relations (bench.project, mention, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 1);
  g_assert_cmpstr (((HearsayRelation *) g_ptr_array_index (relations, 0))->type, ==, "refers_to");
  g_assert_cmpint (((HearsayRelation *) g_ptr_array_index (relations, 0))->to_entity_id, ==, hearsay_entity_get_id (sana));
  /* Linked: no more suggestion, and the relation is listed. */
  g_assert_null (hearsay_inspector_get_suggestion_button (inspector));
  g_assert_cmpuint (count_rows (hearsay_inspector_get_relations_list (inspector)), ==, 1);

  /* "Link to Entity…" opens the picker for the mention. */
  activate (&bench, "link-entity");
  g_assert_nonnull (find_toplevel (HEARSAY_TYPE_LINK_PICKER));
  bench_close (&bench);
}

static GtkCheckButton *
multi_check (GtkWidget  *flow,
             const char *value)
{
  for (GtkWidget *child = gtk_widget_get_first_child (flow); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "hearsay-value"), value) == 0)
        return GTK_CHECK_BUTTON (button);
    }
  return NULL;
}

static void
test_form (void)
{
  Bench bench = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayScheme) scheme = NULL;
  g_autoptr(HearsayAnnotation) stored = NULL;
  const char *topics[] = { "military", "politics", "economy", NULL };
  const char * const *values;
  HearsayInspector *inspector;
  GtkWidget *editor;
  GtkDropDown *labels;
  gint64 claim;
  guint position = GTK_INVALID_LIST_POSITION;

  bench_open (&bench, "form.hearsay");
  inspector = hearsay_window_get_inspector (bench.window);

  /* A multi-choice attribute, added to the scheme as the editor would. */
  scheme = hearsay_scheme_copy (hearsay_project_get_scheme (bench.project));
  g_assert_true (hearsay_scheme_add_attribute (scheme, "claim", "topics", "Topics", HEARSAY_ATTRIBUTE_MULTI, &error));
  g_assert_true (hearsay_scheme_set_attribute_values (scheme, "claim", "topics", topics, NULL, &error));
  g_assert_true (hearsay_project_set_scheme (bench.project, scheme, &error));
  g_assert_no_error (error);

  claim = annotate (&bench, "Daesh avait été chassée de la ville de Deir ez-Zor", "claim");

  /* Single choice: item 1 is the first value. */
  editor = hearsay_inspector_get_attribute_widget (inspector, "checkworthiness");
  g_assert_true (GTK_IS_DROP_DOWN (editor));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (editor), 1);
  gui_test_iterate ();
  stored = get_annotation (&bench, claim);
  g_assert_cmpstr (hearsay_annotation_get_attribute (stored, "checkworthiness"), ==, "check_worthy");
  g_clear_object (&stored);

  /* Multi choice: a check button per value. */
  editor = hearsay_inspector_get_attribute_widget (inspector, "topics");
  g_assert_true (GTK_IS_FLOW_BOX (editor));
  gtk_check_button_set_active (multi_check (editor, "military"), TRUE);
  gtk_check_button_set_active (multi_check (editor, "economy"), TRUE);
  gui_test_iterate ();
  stored = get_annotation (&bench, claim);
  values = hearsay_annotation_get_attribute_values (stored, "topics");
  g_assert_nonnull (values);
  g_assert_cmpuint (g_strv_length ((char **) values), ==, 2);
  g_assert_true (g_strv_contains (values, "military"));
  g_assert_true (g_strv_contains (values, "economy"));
  g_clear_object (&stored);

  /* The label drop-down relabels the annotation and rebuilds the form. */
  labels = hearsay_inspector_get_label_dropdown (inspector);
  for (guint i = 0; i < hearsay_scheme_get_n_labels (hearsay_project_get_scheme (bench.project)); i++)
    if (g_strcmp0 (hearsay_scheme_get_label (hearsay_project_get_scheme (bench.project), i)->id, "attributed_content") == 0)
      position = i;
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (labels, position);
  gui_test_iterate ();
  stored = get_annotation (&bench, claim);
  g_assert_cmpstr (hearsay_annotation_get_label (stored), ==, "attributed_content");
  g_assert_cmpstr (gtk_label_get_text (hearsay_inspector_get_label_label (inspector)), ==,
                   hearsay_scheme_translate (hearsay_scheme_lookup_label (hearsay_project_get_scheme (bench.project), "attributed_content")->name));
  g_assert_true (GTK_IS_DROP_DOWN (hearsay_inspector_get_attribute_widget (inspector, "quote_style")));
  g_assert_null (hearsay_inspector_get_attribute_widget (inspector, "topics"));
  bench_close (&bench);
}

/* The label of the primary menu's item for @action, without mnemonics. */
static char *
dup_menu_label (GMenuModel *menu,
                const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;
      GMenuModel *section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL)
        {
          char *found = dup_menu_label (section, action);

          g_object_unref (section);
          if (found != NULL)
            return found;
          continue;
        }
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action) &&
          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        {
          g_auto(GStrv) parts = g_strsplit (label, "_", -1);

          return g_strjoinv ("", parts);
        }
    }
  return NULL;
}

static void
test_undo_redo (void)
{
  Bench bench = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayAnnotation) stored = NULL;
  g_autofree char *path = NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  gint64 claim;

  bench_open (&bench, "undo.hearsay");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (bench.window), "undo"));
  undo_label = dup_menu_label (hearsay_window_get_primary_menu (bench.window), "win.undo");
  g_assert_cmpstr (undo_label, ==, "Undo");
  g_clear_pointer (&undo_label, g_free);

  claim = annotate (&bench, "Daesh avait été chassée de la ville de Deir ez-Zor", "claim");
  undo_label = dup_menu_label (hearsay_window_get_primary_menu (bench.window), "win.undo");
  g_assert_cmpstr (undo_label, ==, "Undo Add Claim");

  activate (&bench, "undo");
  stored = get_annotation (&bench, claim);
  g_assert_null (stored);
  g_assert_cmpint (hearsay_inspector_get_annotation_id (hearsay_window_get_inspector (bench.window)), ==, 0);
  redo_label = dup_menu_label (hearsay_window_get_primary_menu (bench.window), "win.redo");
  g_assert_cmpstr (redo_label, ==, "Redo Add Claim");

  activate (&bench, "redo");
  stored = get_annotation (&bench, claim);
  g_assert_nonnull (stored);
  g_clear_object (&stored);

  /* Across a restart: a new annotation, the window and the project closed,
   * the file opened again in a new window, then Ctrl+Z. */
  claim = annotate (&bench, "L'armée syrienne", "source_mention");
  path = g_strdup (hearsay_project_get_path (bench.project));
  gui_test_destroy_all_windows ();
  hearsay_project_close (bench.project);
  g_clear_object (&bench.project);

  bench.project = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  bench.window = gui_test_open_window (bench.project);
  stored = get_annotation (&bench, claim);
  g_assert_nonnull (stored);
  g_clear_object (&stored);
  activate (&bench, "undo");
  stored = get_annotation (&bench, claim);
  g_assert_null (stored);
  bench_close (&bench);
}

static void
test_scheme_edit (void)
{
  Bench bench = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayAnnotation) stored = NULL;
  HearsaySchemeEditor *editor;
  HearsayInspector *inspector;
  gint64 cue;

  bench_open (&bench, "scheme.hearsay");
  inspector = hearsay_window_get_inspector (bench.window);
  cue = annotate (&bench, "libérée", "frame_cue");

  activate (&bench, "edit-scheme");
  editor = HEARSAY_SCHEME_EDITOR (find_toplevel (HEARSAY_TYPE_SCHEME_EDITOR));
  g_assert_nonnull (editor);
  g_assert_true (hearsay_scheme_editor_remove_label (editor, "frame_cue", &error));
  g_assert_no_error (error);
  /* "Apply" is the editor's default button. */
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (editor)), "clicked");
  gui_test_iterate ();

  g_assert_null (hearsay_scheme_lookup_label (hearsay_project_get_scheme (bench.project), "frame_cue"));
  stored = get_annotation (&bench, cue);
  g_assert_nonnull (stored);
  g_assert_cmpstr (hearsay_annotation_get_label (stored), ==, "frame_cue");
  g_assert_cmpint (hearsay_inspector_get_annotation_id (inspector), ==, cue);
  g_assert_cmpstr (gtk_label_get_text (hearsay_inspector_get_label_label (inspector)), ==,
                   "Unknown label (frame_cue)");
  bench_close (&bench);
}

static void
test_fragment (void)
{
  Bench bench = { 0 };
  g_autoptr(HearsayAnnotation) stored = NULL;
  gint64 claim;

  bench_open (&bench, "fragment.hearsay");
  claim = annotate (&bench, "L'armée syrienne a annoncé", "attributed_content");

  /* F with a new selection adds it to the selected annotation. */
  select_text (&bench, "que Daesh avait été chassée");
  activate (&bench, "add-fragment");
  stored = get_annotation (&bench, claim);
  g_assert_cmpuint (hearsay_annotation_get_n_fragments (stored), ==, 2);
  g_clear_object (&stored);

  /* Without a selected annotation it only says so. */
  hearsay_window_select_annotation (bench.window, 0);
  select_text (&bench, "Les autorités militaires");
  activate (&bench, "add-fragment");
  stored = get_annotation (&bench, claim);
  g_assert_cmpuint (hearsay_annotation_get_n_fragments (stored), ==, 2);
  bench_close (&bench);
}

static void
test_right_pane (void)
{
  Bench bench = { 0 };
  GtkStack *stack;
  GtkWidget *focus;
  HearsayReader *reader;
  gint64 first, second;

  bench_open (&bench, "pane.hearsay");
  stack = hearsay_window_get_right_stack (bench.window);
  reader = hearsay_window_get_reader (bench.window);
  first = annotate (&bench, "L'armée syrienne", "source_mention");
  second = annotate (&bench, "Daesh avait été chassée", "claim");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "inspector");

  for (guint i = 0; i < 4; i++)
    {
      const char *pages[] = { "annotations", "document", "entities", "inspector" };

      g_action_group_activate_action (G_ACTION_GROUP (bench.window), "show-panel", g_variant_new_string (pages[i]));
      gui_test_iterate ();
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, pages[i]);
    }
  g_assert_cmpint (hearsay_annotation_list_get_document (hearsay_window_get_annotation_list (bench.window)), ==, bench.document_id);
  g_assert_cmpint (hearsay_document_panel_get_document (hearsay_window_get_document_panel (bench.window)), ==, bench.document_id);

  /* Ctrl+F goes to the annotation list's filter. */
  activate (&bench, "find");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "annotations");
  focus = gtk_root_get_focus (GTK_ROOT (bench.window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (hearsay_window_get_annotation_list (bench.window))));

  /* Activating a row selects the annotation in the reader and inspects it. */
  g_assert_cmpint (hearsay_reader_get_selected_annotation (reader), ==, second);
  g_signal_emit_by_name (hearsay_window_get_annotation_list (bench.window), "annotation-activated", first);
  gui_test_iterate ();
  g_assert_cmpint (hearsay_reader_get_selected_annotation (reader), ==, first);
  g_assert_cmpint (hearsay_inspector_get_annotation_id (hearsay_window_get_inspector (bench.window)), ==, first);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "inspector");

  /* Return inspects the annotation at the caret and moves into the form;
   * Escape (win.focus-reader) goes back to the text. */
  activate (&bench, "inspect-at-cursor");
  activate (&bench, "focus-reader");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (hearsay_reader_get_view (reader))));
  bench_close (&bench);
}

/* Tab onto a claim where a nested mention starts too, then Return: the
 * inspector opens the claim Tab outlined, not the mention at the caret. */
static void
test_tab_return (void)
{
  Bench bench = { 0 };
  HearsayInspector *inspector;
  HearsayReader *reader;
  GtkWidget *view;
  gint64 claim, mention, start;

  bench_open (&bench, "tab-return.hearsay");
  reader = hearsay_window_get_reader (bench.window);
  inspector = hearsay_window_get_inspector (bench.window);
  view = GTK_WIDGET (hearsay_reader_get_view (reader));
  claim = annotate (&bench, "Daesh avait été chassée de la ville de Deir ez-Zor", "claim");
  /* Not annotate(): the title names Daesh first. */
  start = gui_test_offset_of (bench.text, "Daesh avait");
  gui_test_select_range (reader, start, start + 5);
  g_action_group_activate_action (G_ACTION_GROUP (bench.window), "annotate", g_variant_new_string ("entity_mention"));
  gui_test_iterate ();
  mention = hearsay_inspector_get_annotation_id (inspector);
  g_assert_cmpint (mention, !=, claim);

  /* Nothing selected, the caret at the start of the paragraph. */
  hearsay_window_select_annotation (bench.window, 0);
  gtk_widget_activate_action (GTK_WIDGET (bench.window), "win.show-panel", "s", "annotations");
  gtk_widget_grab_focus (view);
  hearsay_reader_scroll_to_offset (reader, gui_test_offset_of (bench.text, "L'armée syrienne a annoncé"));
  g_assert_true (gui_test_press_shortcut (view, GDK_KEY_Tab));
  g_assert_cmpint (hearsay_reader_get_selected_annotation (reader), ==, claim);
  g_assert_cmpint (hearsay_reader_get_annotation_at_cursor (reader), ==, claim);
  g_assert_true (gui_test_press_shortcut (view, GDK_KEY_Return));
  g_assert_cmpint (hearsay_inspector_get_annotation_id (inspector), ==, claim);
  g_assert_cmpint (hearsay_reader_get_selected_annotation (reader), ==, claim);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (hearsay_window_get_right_stack (bench.window)), ==, "inspector");

  /* Tab again: the nested mention, from the same caret. */
  gtk_widget_grab_focus (view);
  g_assert_true (gui_test_press_shortcut (view, GDK_KEY_Tab));
  g_assert_cmpint (hearsay_reader_get_selected_annotation (reader), ==, mention);
  g_assert_true (gui_test_press_shortcut (view, GDK_KEY_Return));
  g_assert_cmpint (hearsay_inspector_get_annotation_id (inspector), ==, mention);

  /* The selection wins wherever the caret went; with none (Escape), the
   * innermost annotation at the caret. */
  hearsay_reader_scroll_to_offset (reader, gui_test_offset_of (bench.text, "chassée de la ville"));
  g_assert_true (gui_test_press_shortcut (view, GDK_KEY_Return));
  g_assert_cmpint (hearsay_inspector_get_annotation_id (inspector), ==, mention);
  g_assert_true (gui_test_press_shortcut (view, GDK_KEY_Escape));
  g_assert_cmpint (hearsay_reader_get_selected_annotation (reader), ==, 0);
  g_assert_true (gui_test_press_shortcut (view, GDK_KEY_Return));
  g_assert_cmpint (hearsay_inspector_get_annotation_id (inspector), ==, claim);
  g_assert_cmpint (hearsay_reader_get_selected_annotation (reader), ==, claim);
  bench_close (&bench);
}

int
main (int   argc,
      char *argv[])
{
  tmp_dir = gui_test_init_data_home (&argc, &argv, "hearsay-workbench-XXXXXX");
  g_test_add_func ("/workbench/relations", test_relations);
  g_test_add_func ("/workbench/entity-suggestion", test_entity_suggestion);
  g_test_add_func ("/workbench/form", test_form);
  g_test_add_func ("/workbench/undo-redo", test_undo_redo);
  g_test_add_func ("/workbench/scheme-edit", test_scheme_edit);
  g_test_add_func ("/workbench/fragment", test_fragment);
  g_test_add_func ("/workbench/right-pane", test_right_pane);
  g_test_add_func ("/workbench/tab-return", test_tab_return);
  return gui_test_run ();
}
