/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dialogs.c: the scheme editor and the link picker, driven through
 * their widgets and the calls their buttons make. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "hearsay-error.h"
#include "hearsay-link-picker-private.h"
#include "hearsay-project.h"
#include "hearsay-scheme-editor-private.h"

#define DOC1 "Selon l'agence Sana, l'armée syrienne a déclaré que la ville était libérée."
#define DOC2 "Reuters reports that the city was liberated on Friday."

typedef struct
{
  char *dir;
  HearsayProject *project;
  GtkWindow *parent;
  gint64 doc1, doc2;
  gint64 claim, mention, cue, content, claim2;
  gint64 sana;
} Fixture;

static gint64
add_document (Fixture    *f,
              const char *text,
              const char *title)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  HearsayDocument *document = hearsay_document_new (text);
  g_autoptr(GError) error = NULL;

  hearsay_document_set_title (document, title);
  g_ptr_array_add (documents, document);
  g_assert_true (hearsay_project_add_documents (f->project, documents, &error));
  g_assert_no_error (error);
  return hearsay_document_get_id (document);
}

static gint64
annotate (Fixture    *f,
          gint64      document_id,
          const char *text,
          const char *label,
          const char *quote)
{
  g_autoptr(HearsayAnnotation) annotation = hearsay_annotation_new (document_id, label);
  g_autoptr(GError) error = NULL;
  const char *at = strstr (text, quote);
  glong start;

  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (text, at);
  hearsay_annotation_add_fragment (annotation, start, start + g_utf8_strlen (quote, -1));
  g_assert_true (hearsay_project_create_annotation (f->project, annotation, &error));
  g_assert_no_error (error);
  return hearsay_annotation_get_id (annotation);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HearsayEntity) sana = hearsay_entity_new ("SANA", "state_news_agency");

  f->dir = g_dir_make_tmp ("hearsay-dialogs-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.hearsay", NULL);
  f->project = hearsay_project_create (path, &error);
  g_assert_no_error (error);
  f->doc1 = add_document (f, DOC1, "RT");
  f->doc2 = add_document (f, DOC2, "Reuters");
  f->claim = annotate (f, f->doc1, DOC1, "claim", "la ville était libérée");
  f->mention = annotate (f, f->doc1, DOC1, "source_mention", "l'agence Sana");
  f->cue = annotate (f, f->doc1, DOC1, "attribution_cue", "a déclaré");
  f->content = annotate (f, f->doc1, DOC1, "attributed_content", "que la ville était libérée");
  f->claim2 = annotate (f, f->doc2, DOC2, "claim", "the city was liberated");
  hearsay_entity_add_alias (sana, "agence Sana");
  g_assert_true (hearsay_project_add_entity (f->project, sana, &error));
  g_assert_no_error (error);
  f->sana = hearsay_entity_get_id (sana);
  g_assert_cmpint (f->sana, >, 0);
  f->parent = GTK_WINDOW (gtk_window_new ());
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->parent);
  hearsay_project_close (f->project);
  g_clear_object (&f->project);
  remove_tree (f->dir);
  g_free (f->dir);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
list_has_label (GtkListBox *list,
                const char *label)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    {
      HearsayAnnotation *annotation = g_object_get_data (G_OBJECT (row), "hearsay-annotation");

      if (annotation && g_strcmp0 (hearsay_annotation_get_label (annotation), label) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
list_has_annotation (GtkListBox *list,
                     gint64      id)
{
  return hearsay_link_picker_find_row (list, "hearsay-annotation", id) != NULL;
}

static guint
count_relations (Fixture *f,
                 gint64   annotation_id)
{
  g_autoptr(GPtrArray) relations = hearsay_project_list_annotation_relations (f->project, annotation_id, NULL);

  return relations ? relations->len : 0;
}

static void
on_linked (HearsayLinkPicker *picker,
           gint64             id,
           gint64            *out)
{
  *out = id;
}

static HearsayLinkPicker *
new_picker (Fixture *f,
            gint64   from)
{
  HearsayLinkPicker *picker = hearsay_link_picker_new (f->parent, f->project, from);

  g_object_ref (picker);
  gtk_window_present (GTK_WINDOW (picker));
  iterate ();
  return picker;
}

static void
free_picker (HearsayLinkPicker *picker)
{
  gtk_window_destroy (GTK_WINDOW (picker));
  g_object_unref (picker);
}

static void
test_create_destroy (Fixture       *f,
                     gconstpointer  data)
{
  HearsayLinkPicker *picker = new_picker (f, f->claim);
  HearsaySchemeEditor *editor = hearsay_scheme_editor_new (f->parent, f->project);

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (picker)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (picker)) == f->parent);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == f->parent);
  gtk_window_destroy (GTK_WINDOW (editor));
  free_picker (picker);
  /* A label with no relation at all. */
  picker = new_picker (f, f->content);
  free_picker (picker);
}

static void
test_link_in_document (Fixture       *f,
                       gconstpointer  data)
{
  HearsayLinkPicker *picker = new_picker (f, f->claim);
  g_autoptr(GPtrArray) relations = NULL;
  HearsayRelation *relation;
  gint64 linked = 0;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (picker->stack), ==, "document");
  g_assert_true (list_has_label (picker->document_list, "source_mention"));
  g_assert_false (list_has_label (picker->document_list, "attribution_cue"));
  g_assert_false (list_has_label (picker->document_list, "attributed_content"));
  g_assert_false (list_has_annotation (picker->document_list, f->claim));
  /* Entities are not targets of a claim. */
  g_assert_false (gtk_stack_page_get_visible (picker->entity_page));
  g_assert_true (gtk_stack_page_get_visible (picker->other_page));

  hearsay_link_picker_select_target (picker, f->mention);
  g_assert_cmpstr (hearsay_link_picker_get_relation_type (picker), ==, "attributed_to");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (picker->link_button)));
  g_signal_connect (picker, "linked", G_CALLBACK (on_linked), &linked);
  /* The button's path. */
  g_signal_emit_by_name (picker->link_button, "clicked");
  g_assert_cmpint (linked, >, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));

  relations = hearsay_project_list_annotation_relations (f->project, f->claim, NULL);
  g_assert_cmpuint (relations->len, ==, 1);
  relation = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (relation->type, ==, "attributed_to");
  g_assert_cmpint (relation->id, ==, linked);
  g_assert_cmpint (relation->from_id, ==, f->claim);
  g_assert_cmpint (relation->to_id, ==, f->mention);
  free_picker (picker);

  /* The same link again: the core refuses it, the picker says so and stays
   * open, and nothing is added. */
  picker = new_picker (f, f->claim);
  linked = 0;
  g_signal_connect (picker, "linked", G_CALLBACK (on_linked), &linked);
  hearsay_link_picker_select_target (picker, f->mention);
  g_signal_emit_by_name (picker->link_button, "clicked");
  g_assert_cmpint (linked, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker->message_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (picker->message_label), "already linked"));
  g_clear_pointer (&relations, g_ptr_array_unref);
  relations = hearsay_project_list_annotation_relations (f->project, f->claim, NULL);
  g_assert_cmpuint (relations->len, ==, 1);
  free_picker (picker);
}

static void
test_link_search (Fixture       *f,
                  gconstpointer  data)
{
  HearsayLinkPicker *picker = new_picker (f, f->content);

  /* attributed_content → source_mention (attributed_to), attribution_cue (signalled_by). */
  g_assert_true (list_has_annotation (picker->document_list, f->mention));
  g_assert_true (list_has_annotation (picker->document_list, f->cue));
  gtk_editable_set_text (GTK_EDITABLE (picker->document_search), "déclaré");
  g_signal_emit_by_name (picker->document_search, "search-changed");
  g_assert_true (list_has_annotation (picker->document_list, f->cue));
  g_assert_false (list_has_annotation (picker->document_list, f->mention));
  /* The first match is selected, so Enter links it. */
  g_assert_cmpstr (hearsay_link_picker_get_relation_type (picker), ==, "signalled_by");
  g_signal_emit_by_name (picker->document_search, "activate");
  g_assert_cmpuint (count_relations (f, f->cue), ==, 1);
  free_picker (picker);
}

static void
test_link_disallowed (Fixture       *f,
                      gconstpointer  data)
{
  HearsayLinkPicker *picker = new_picker (f, f->claim);
  g_autoptr(GError) error = NULL;

  hearsay_link_picker_select_target (picker, f->cue);
  /* Nothing is offered from a claim to a cue. */
  g_assert_null (hearsay_link_picker_get_relation_type (picker));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (picker->link_button)));
  g_assert_false (hearsay_link_picker_set_relation_type (picker, "attributed_to"));
  g_assert_cmpint (hearsay_link_picker_link (picker, &error), ==, 0);
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "attributed_to"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker->message_label)));
  g_assert_cmpstr (gtk_label_get_text (picker->message_label), ==, error->message);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker)));
  g_assert_cmpuint (count_relations (f, f->claim), ==, 0);
  g_assert_cmpuint (count_relations (f, f->cue), ==, 0);
  free_picker (picker);
}

static void
test_link_other_document (Fixture       *f,
                          gconstpointer  data)
{
  HearsayLinkPicker *picker = new_picker (f, f->claim);
  g_autoptr(GPtrArray) relations = NULL;
  HearsayRelation *relation;
  guint n_types;

  gtk_stack_set_visible_child_name (picker->stack, "other");
  gtk_editable_set_text (GTK_EDITABLE (picker->other_search), "city");
  g_signal_emit_by_name (picker->other_search, "search-changed");
  g_assert_true (list_has_annotation (picker->other_list, f->claim2));
  g_assert_false (list_has_annotation (picker->other_list, f->claim));
  g_assert_cmpint (picker->target_annotation_id, ==, f->claim2);

  /* Only the cross-document types. */
  n_types = g_list_model_get_n_items (gtk_drop_down_get_model (picker->type_dropdown));
  g_assert_cmpuint (n_types, ==, 2);
  g_assert_false (hearsay_link_picker_set_relation_type (picker, "attributed_to"));
  g_assert_true (hearsay_link_picker_set_relation_type (picker, "same_claim_as"));
  g_assert_cmpint (hearsay_link_picker_link (picker, NULL), >, 0);

  relations = hearsay_project_list_annotation_relations (f->project, f->claim2, NULL);
  g_assert_cmpuint (relations->len, ==, 1);
  relation = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (relation->type, ==, "same_claim_as");
  free_picker (picker);
}

static void
test_link_entity (Fixture       *f,
                  gconstpointer  data)
{
  HearsayLinkPicker *picker = new_picker (f, f->mention);
  GtkListBoxRow *first;
  HearsayEntity *entity;
  g_autoptr(GPtrArray) relations = NULL;
  HearsayRelation *relation;
  gint64 new_id;
  guint kind = 0;

  g_assert_true (gtk_stack_page_get_visible (picker->entity_page));
  gtk_stack_set_visible_child_name (picker->stack, "entity");
  /* The suggestion (alias "agence Sana") comes first, under its heading. */
  first = gtk_list_box_get_row_at_index (picker->entity_list, 0);
  entity = g_object_get_data (G_OBJECT (first), "hearsay-entity");
  g_assert_nonnull (entity);
  g_assert_cmpint (hearsay_entity_get_id (entity), ==, f->sana);
  g_assert_nonnull (g_object_get_data (G_OBJECT (first), "hearsay-section"));
  g_assert_cmpint (picker->target_entity_id, ==, f->sana);
  g_assert_cmpstr (hearsay_link_picker_get_relation_type (picker), ==, "refers_to");

  /* New Entity…, prefilled with the mention's text. */
  gtk_toggle_button_set_active (picker->new_entity_toggle, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker->new_entity_name)), ==, "l'agence Sana");
  gtk_editable_set_text (GTK_EDITABLE (picker->new_entity_name), "Agence arabe syrienne d'information");
  g_assert_true (g_ptr_array_find_with_equal_func (picker->kind_ids, "state_news_agency", g_str_equal, &kind));
  gtk_drop_down_set_selected (picker->new_entity_kind, kind);
  g_signal_emit_by_name (picker->new_entity_add, "clicked");
  new_id = picker->target_entity_id;
  g_assert_cmpint (new_id, >, 0);
  g_assert_cmpint (new_id, !=, f->sana);
  g_assert_cmpstr (hearsay_link_picker_get_relation_type (picker), ==, "refers_to");
  g_assert_cmpint (hearsay_link_picker_link (picker, NULL), >, 0);

  relations = hearsay_project_list_annotation_relations (f->project, f->mention, NULL);
  g_assert_cmpuint (relations->len, ==, 1);
  relation = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (relation->type, ==, "refers_to");
  g_assert_cmpint (relation->to_entity_id, ==, new_id);
  free_picker (picker);

  /* select_entity picks an entity directly. */
  picker = new_picker (f, f->mention);
  hearsay_link_picker_select_entity (picker, f->sana);
  g_assert_cmpint (picker->target_entity_id, ==, f->sana);
  g_assert_cmpint (hearsay_link_picker_link (picker, NULL), >, 0);
  g_assert_cmpuint (count_relations (f, f->mention), ==, 2);
  free_picker (picker);
}

static HearsaySchemeEditor *
new_editor (Fixture *f)
{
  HearsaySchemeEditor *editor = hearsay_scheme_editor_new (f->parent, f->project);

  g_object_ref (editor);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  return editor;
}

static void
free_editor (HearsaySchemeEditor *editor)
{
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
}

static void
apply (HearsaySchemeEditor *editor)
{
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (editor->apply_button)));
  g_signal_emit_by_name (editor->apply_button, "clicked");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (editor->apply_button)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (editor->status_label), "error"));
}

static void
test_scheme_add_label (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HearsayScheme) before = hearsay_scheme_copy (hearsay_project_get_scheme (f->project));
  HearsaySchemeEditor *editor;
  HearsayScheme *scheme;
  const HearsayLabel *label;

  /* Give key 9 to boilerplate first, so that adding a label with 9 moves it. */
  g_assert_true (hearsay_scheme_set_label (before, "boilerplate", NULL, NULL, 9, NULL));
  g_assert_true (hearsay_project_set_scheme (f->project, before, NULL));

  editor = new_editor (f);
  gtk_editable_set_text (GTK_EDITABLE (editor->new_label_entry), "Quote Marker");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (editor->add_label_button)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor->new_label_entry), "error"));
  gtk_editable_set_text (GTK_EDITABLE (editor->new_label_entry), "quote_marker");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (editor->add_label_button)));
  g_signal_emit_by_name (editor->new_label_entry, "activate");
  g_assert_cmpstr (editor->selected_label, ==, "quote_marker");
  g_assert_cmpstr (gtk_label_get_text (editor->id_value), ==, "quote_marker");
  gtk_spin_button_set_value (editor->key_spin, 9);
  g_assert_null (hearsay_scheme_lookup_label (hearsay_project_get_scheme (f->project), "quote_marker"));
  apply (editor);

  scheme = hearsay_project_get_scheme (f->project);
  label = hearsay_scheme_lookup_label (scheme, "quote_marker");
  g_assert_nonnull (label);
  g_assert_cmpuint (label->key, ==, 9);
  g_assert_cmpuint (hearsay_scheme_lookup_label (scheme, "boilerplate")->key, ==, 0);
  free_editor (editor);
}

static void
test_scheme_rename_recolour (Fixture       *f,
                             gconstpointer  data)
{
  HearsaySchemeEditor *editor = new_editor (f);
  const HearsayLabel *label;
  GdkRGBA rgba = { 0x11 / 255.0, 0x22 / 255.0, 0x33 / 255.0, 1.0 };

  hearsay_scheme_editor_select_label (editor, "claim");
  g_assert_cmpstr (editor->selected_label, ==, "claim");
  gtk_editable_set_text (GTK_EDITABLE (editor->name_entry), "Checkable claim");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (editor->color_button), &rgba);
  g_signal_emit_by_name (editor->color_button, "color-set");
  /* Enter in the name entry activates Apply, the default widget. */
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (editor)) == GTK_WIDGET (editor->apply_button));
  apply (editor);

  label = hearsay_scheme_lookup_label (hearsay_project_get_scheme (f->project), "claim");
  g_assert_cmpstr (label->name, ==, "Checkable claim");
  g_assert_cmpstr (label->color, ==, "#112233");
  g_assert_cmpuint (label->key, ==, 1);
  free_editor (editor);
}

static void
test_scheme_attributes (Fixture       *f,
                        gconstpointer  data)
{
  HearsaySchemeEditor *editor = new_editor (f);
  const HearsayLabel *label;
  const HearsayAttributeDef *attribute;
  g_autoptr(GError) error = NULL;

  hearsay_scheme_editor_select_label (editor, "boilerplate");
  gtk_editable_set_text (GTK_EDITABLE (editor->attribute_id_entry), "position");
  gtk_drop_down_set_selected (editor->attribute_kind, 1);
  g_signal_emit_by_name (editor->add_attribute_button, "clicked");
  g_assert_cmpstr (editor->selected_attribute, ==, "position");
  g_assert_true (gtk_widget_get_sensitive (editor->value_add_box));

  gtk_editable_set_text (GTK_EDITABLE (editor->value_id_entry), "header");
  gtk_editable_set_text (GTK_EDITABLE (editor->value_name_entry), "Header");
  g_signal_emit_by_name (editor->add_value_button, "clicked");
  gtk_editable_set_text (GTK_EDITABLE (editor->value_id_entry), "footer");
  g_signal_emit_by_name (editor->value_id_entry, "activate");
  gtk_editable_set_text (GTK_EDITABLE (editor->value_id_entry), "sidebar");
  g_signal_emit_by_name (editor->value_id_entry, "activate");
  g_assert_true (hearsay_scheme_editor_rename_value (editor, "footer", "Page footer", &error));
  g_assert_no_error (error);
  g_assert_true (hearsay_scheme_editor_remove_value (editor, "sidebar", &error));
  g_assert_no_error (error);
  /* A duplicate is refused, and said so. */
  g_assert_false (hearsay_scheme_editor_add_value (editor, "header", NULL, &error));
  g_clear_error (&error);
  apply (editor);

  label = hearsay_scheme_lookup_label (hearsay_project_get_scheme (f->project), "boilerplate");
  attribute = hearsay_label_lookup_attribute (label, "position");
  g_assert_nonnull (attribute);
  g_assert_cmpint (attribute->kind, ==, HEARSAY_ATTRIBUTE_MULTI);
  g_assert_cmpuint (attribute->values->len, ==, 2);
  g_assert_cmpstr (hearsay_attribute_lookup_value (attribute, "header")->name, ==, "Header");
  g_assert_cmpstr (hearsay_attribute_lookup_value (attribute, "footer")->name, ==, "Page footer");
  g_assert_null (hearsay_attribute_lookup_value (attribute, "sidebar"));
  /* The label's other attributes are untouched. */
  g_assert_nonnull (hearsay_label_lookup_attribute (label, "kind"));
  free_editor (editor);
}

static void
test_scheme_remove_remap (Fixture       *f,
                          gconstpointer  data)
{
  HearsaySchemeEditor *editor = new_editor (f);
  g_autoptr(HearsayAnnotation) annotation = NULL;
  g_auto(GStrv) unknown = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (gtk_widget_get_visible (editor->unknown_box));
  hearsay_scheme_editor_select_label (editor, "attribution_cue");
  g_signal_emit_by_name (editor->remove_label_button, "clicked");
  g_assert_true (gtk_revealer_get_reveal_child (editor->remove_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (editor->remove_text), "unknown"));
  g_signal_emit_by_name (editor->remove_confirm_button, "clicked");
  g_assert_null (hearsay_scheme_lookup_label (editor->working, "attribution_cue"));
  g_assert_cmpstr (editor->selected_label, !=, "attribution_cue");
  apply (editor);

  annotation = hearsay_project_get_annotation (f->project, f->cue, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_annotation_get_label (annotation), ==, "attribution_cue");
  unknown = hearsay_project_dup_unknown_labels (f->project);
  g_assert_true (g_strv_contains ((const char * const *) unknown, "attribution_cue"));
  g_assert_true (gtk_widget_get_visible (editor->unknown_box));
  g_assert_nonnull (gtk_list_box_get_row_at_index (editor->unknown_list, 0));

  g_assert_cmpint (hearsay_scheme_editor_remap (editor, "attribution_cue", "attributed_content", &error), ==, 1);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (gtk_label_get_text (editor->status_label), "1 annotation"));
  g_assert_false (gtk_widget_get_visible (editor->unknown_box));
  g_clear_pointer (&unknown, g_strfreev);
  unknown = hearsay_project_dup_unknown_labels (f->project);
  g_assert_true (unknown == NULL || unknown[0] == NULL);
  g_clear_object (&annotation);
  annotation = hearsay_project_get_annotation (f->project, f->cue, NULL);
  g_assert_cmpstr (hearsay_annotation_get_label (annotation), ==, "attributed_content");
  free_editor (editor);
}

static char **
label_ids (HearsayScheme *scheme)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
    g_ptr_array_add (ids, g_strdup (hearsay_scheme_get_label (scheme, i)->id));
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

static void
test_scheme_export_import (Fixture       *f,
                           gconstpointer  data)
{
  HearsaySchemeEditor *editor = new_editor (f);
  g_autofree char *path = g_build_filename (f->dir, "scheme.json", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
  g_auto(GStrv) exported = NULL;
  g_auto(GStrv) imported = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (hearsay_scheme_editor_add_label (editor, "quote_marker", &error));
  g_assert_no_error (error);
  g_assert_true (hearsay_scheme_editor_export_file (editor, path, &error));
  g_assert_no_error (error);
  exported = label_ids (editor->working);

  hearsay_scheme_editor_select_label (editor, "claim");
  g_assert_true (hearsay_scheme_editor_remove_label (editor, "claim", &error));
  g_assert_true (hearsay_scheme_editor_remove_label (editor, "quote_marker", &error));
  g_assert_true (hearsay_scheme_editor_import_file (editor, path, &error));
  g_assert_no_error (error);
  imported = label_ids (editor->working);
  g_assert_true (g_strv_equal ((const char * const *) exported, (const char * const *) imported));
  apply (editor);
  g_assert_nonnull (hearsay_scheme_lookup_label (hearsay_project_get_scheme (f->project), "quote_marker"));

  /* A broken file is refused with its message; the working copy stays. */
  g_assert_true (g_file_set_contents (bad, "{ not json", -1, NULL));
  g_assert_false (hearsay_scheme_editor_import_file (editor, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (hearsay_scheme_lookup_label (editor->working, "quote_marker"));
  free_editor (editor);
}

int
main (int   argc,
      char *argv[])
{
  /* Without a session bus, the accessibility bridge would only warn. */
  g_setenv ("GTK_A11Y", "none", FALSE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/dialogs/create-destroy", test_create_destroy);
  ADD ("/dialogs/link-picker/in-document", test_link_in_document);
  ADD ("/dialogs/link-picker/search", test_link_search);
  ADD ("/dialogs/link-picker/disallowed", test_link_disallowed);
  ADD ("/dialogs/link-picker/other-document", test_link_other_document);
  ADD ("/dialogs/link-picker/entity", test_link_entity);
  ADD ("/dialogs/scheme-editor/add-label", test_scheme_add_label);
  ADD ("/dialogs/scheme-editor/rename-recolour", test_scheme_rename_recolour);
  ADD ("/dialogs/scheme-editor/attributes", test_scheme_attributes);
  ADD ("/dialogs/scheme-editor/remove-remap", test_scheme_remove_remap);
  ADD ("/dialogs/scheme-editor/export-import", test_scheme_export_import);
#undef ADD

  return g_test_run ();
}
