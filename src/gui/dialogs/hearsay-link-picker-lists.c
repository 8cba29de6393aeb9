/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-link-picker-lists.c: the three lists of targets of the link picker. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-dialog-util.h"
#include "hearsay-error.h"
#include "hearsay-link-picker-private.h"

/* Long documents carry thousands of annotations: the list shows the first
 * matches and the search narrows them. */
#define MAX_ROWS 300

GPtrArray *
hearsay_link_picker_types_for (HearsayLinkPicker *self,
                               HearsayAnnotation *target,
                               gboolean           cross_document_only)
{
  const char *from = hearsay_annotation_get_label (self->source);
  GPtrArray *types = hearsay_project_allowed_relation_types (self->project, from,
                                                            target ? hearsay_annotation_get_label (target) : NULL);

  if (cross_document_only)
    for (guint i = types->len; i > 0; i--)
      {
        const HearsayRelationType *type = g_ptr_array_index (types, i - 1);

        if (!type->cross_document)
          g_ptr_array_remove_index (types, i - 1);
      }
  return types;
}

static char *
join_type_names (GPtrArray *types)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < types->len; i++)
    {
      const HearsayRelationType *type = g_ptr_array_index (types, i);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, hearsay_scheme_translate (type->name ? type->name : type->id));
    }
  return g_string_free (names, FALSE);
}

static GtkWidget *
make_row (HearsayLinkPicker *self,
          const char        *label_id,
          const char        *text,
          const char        *detail)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (self->project);
  const HearsayLabel *label = label_id ? hearsay_scheme_lookup_label (scheme, label_id) : NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *main_label = gtk_label_new (text);
  GtkWidget *name;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  if (label_id != NULL)
    {
      GtkWidget *swatch = hearsay_dialog_swatch_new (label ? label->color : NULL);

      gtk_widget_set_valign (swatch, GTK_ALIGN_START);
      gtk_widget_set_margin_top (swatch, 2);
      gtk_box_append (GTK_BOX (box), swatch);
      name = gtk_label_new (label ? hearsay_dialog_label_name (scheme, label_id)
                                  : _("Unknown label"));
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_valign (name, GTK_ALIGN_START);
      gtk_label_set_width_chars (GTK_LABEL (name), 18);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 18);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (name, "dim-label");
      gtk_box_append (GTK_BOX (box), name);
    }

  gtk_label_set_xalign (GTK_LABEL (main_label), 0);
  gtk_label_set_wrap (GTK_LABEL (main_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (main_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (main_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (main_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (main_label), 60);
  gtk_box_append (GTK_BOX (texts), main_label);
  if (detail != NULL && *detail != '\0')
    {
      GtkWidget *detail_label = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (detail_label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (detail_label, "dim-label");
      gtk_widget_add_css_class (detail_label, "caption");
      gtk_box_append (GTK_BOX (texts), detail_label);
    }
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_empty_state (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (label, 24);
  gtk_widget_set_margin_bottom (label, 24);
  gtk_widget_set_margin_start (label, 24);
  gtk_widget_set_margin_end (label, 24);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_set_placeholder (list, label);
}

static void
append_more_row (GtkListBox *list)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (_("More matches are not shown: type to narrow the search."));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (list, row);
}

GtkListBoxRow *
hearsay_link_picker_find_row (GtkListBox *list,
                              const char *key,
                              gint64      id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GObject *object = g_object_get_data (G_OBJECT (child), key);

      if (object == NULL)
        continue;
      if (HEARSAY_IS_ANNOTATION (object) ? hearsay_annotation_get_id (HEARSAY_ANNOTATION (object)) == id
                                         : hearsay_entity_get_id (HEARSAY_ENTITY (object)) == id)
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

/* Keeps the current target selected when it is still listed. */
static void
select_preferred (GtkListBox *list,
                  const char *key,
                  gint64      id)
{
  GtkListBoxRow *row = id ? hearsay_link_picker_find_row (list, key, id) : NULL;

  if (row == NULL)
    row = gtk_list_box_get_row_at_index (list, 0);

  if (row != NULL && gtk_list_box_row_get_selectable (row))
    gtk_list_box_select_row (list, row);
}

void
hearsay_link_picker_fill_document (HearsayLinkPicker *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->document_search));
  guint n = 0;

  self->filling = TRUE;
  clear_list (self->document_list);
  for (guint i = 0; i < self->document_annotations->len; i++)
    {
      HearsayAnnotation *annotation = g_ptr_array_index (self->document_annotations, i);
      g_autoptr(GPtrArray) types = NULL;
      g_autofree char *text = NULL;
      g_autofree char *names = NULL;
      GtkWidget *row;

      if (hearsay_annotation_get_id (annotation) == hearsay_annotation_get_id (self->source))
        continue;
      types = hearsay_link_picker_types_for (self, annotation, FALSE);
      if (types->len == 0)
        continue;
      text = hearsay_annotation_dup_text (annotation);
      if (!hearsay_dialog_text_matches (text, query))
        continue;
      if (n++ == MAX_ROWS)
        {
          append_more_row (self->document_list);
          break;
        }
      names = join_type_names (types);
      row = make_row (self, hearsay_annotation_get_label (annotation), text, names);
      g_object_set_data_full (G_OBJECT (row), "hearsay-annotation", g_object_ref (annotation), g_object_unref);
      gtk_list_box_append (self->document_list, row);
    }
  set_empty_state (self->document_list,
                   query && *query ? _("No annotation in this document matches the search.")
                                   : _("No annotation in this document can be linked from this one."));
  self->filling = FALSE;
  select_preferred (self->document_list, "hearsay-annotation", self->target_annotation_id);
}

void
hearsay_link_picker_fill_other (HearsayLinkPicker *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->other_search));
  HearsayScheme *scheme = hearsay_project_get_scheme (self->project);
  const char *from = hearsay_annotation_get_label (self->source);
  g_autoptr(GPtrArray) to_labels = g_ptr_array_new ();
  guint n = 0;

  self->filling = TRUE;
  clear_list (self->other_list);

  /* One search per label reachable by a cross-document type, e.g. claim. */
  for (guint i = 0; i < hearsay_scheme_get_n_relation_types (scheme); i++)
    {
      const HearsayRelationType *type = hearsay_scheme_get_relation_type (scheme, i);

      if (!type->cross_document || type->to_entity || type->from_labels == NULL ||
          !g_strv_contains ((const char * const *) type->from_labels, from))
        continue;
      for (guint j = 0; type->to_labels && type->to_labels[j]; j++)
        if (!g_ptr_array_find_with_equal_func (to_labels, type->to_labels[j], g_str_equal, NULL))
          g_ptr_array_add (to_labels, type->to_labels[j]);
    }

  for (guint l = 0; l < to_labels->len && n <= MAX_ROWS; l++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found =
        hearsay_project_search_annotations (self->project, g_ptr_array_index (to_labels, l), query,
                                            hearsay_annotation_get_document_id (self->source),
                                            MAX_ROWS + 1, &error);

      if (found == NULL)
        {
          hearsay_dialog_show_message (self->message_label, error->message, TRUE);
          continue;
        }
      for (guint i = 0; i < found->len; i++)
        {
          HearsayAnnotation *annotation = g_ptr_array_index (found, i);
          g_autoptr(GPtrArray) types = hearsay_link_picker_types_for (self, annotation, TRUE);
          g_autofree char *text = NULL;
          gint64 document_id = hearsay_annotation_get_document_id (annotation);
          const char *title;
          GtkWidget *row;

          if (types->len == 0)
            continue;
          if (n++ == MAX_ROWS)
            {
              append_more_row (self->other_list);
              break;
            }
          text = hearsay_annotation_dup_text (annotation);
          title = g_hash_table_lookup (self->document_titles, &document_id);
          row = make_row (self, hearsay_annotation_get_label (annotation), text,
                          title ? title : _("Untitled document"));
          g_object_set_data_full (G_OBJECT (row), "hearsay-annotation", g_object_ref (annotation), g_object_unref);
          gtk_list_box_append (self->other_list, row);
        }
    }
  set_empty_state (self->other_list,
                   to_labels->len == 0 ? _("This annotation’s label has no relation across documents.")
                   : query && *query ? _("No annotation in another document matches the search.")
                                     : _("No other document has an annotation to link to."));
  self->filling = FALSE;
  select_preferred (self->other_list, "hearsay-annotation", self->target_annotation_id);
}

static gboolean
entity_matches_query (HearsayEntity *entity,
                      const char    *query)
{
  const char * const *aliases = hearsay_entity_get_aliases (entity);

  if (hearsay_dialog_text_matches (hearsay_entity_get_name (entity), query))
    return TRUE;
  for (guint i = 0; aliases && aliases[i]; i++)
    if (hearsay_dialog_text_matches (aliases[i], query))
      return TRUE;
  return FALSE;
}

static void
append_entity_row (HearsayLinkPicker *self,
                   HearsayEntity     *entity,
                   const char        *section)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (self->project);
  const char *kind = hearsay_entity_get_kind (entity);
  const char * const *aliases = hearsay_entity_get_aliases (entity);
  g_autofree char *alias_text = aliases && aliases[0] ? g_strjoinv (", ", (char **) aliases) : NULL;
  g_autofree char *detail = NULL;
  GtkWidget *row;

  for (guint i = 0; kind && i < hearsay_scheme_get_n_entity_kinds (scheme); i++)
    {
      const HearsayEntityKind *def = hearsay_scheme_get_entity_kind (scheme, i);

      if (g_strcmp0 (def->id, kind) == 0)
        {
          kind = hearsay_scheme_translate (def->name ? def->name : def->id);
          break;
        }
    }
  if (alias_text != NULL)
    /* Translators: an entity's kind, then its aliases */
    detail = g_strdup_printf (_("%s · also %s"), kind ? kind : _("Unknown kind"), alias_text);
  else
    detail = g_strdup (kind ? kind : _("Unknown kind"));
  row = make_row (self, NULL, hearsay_entity_get_name (entity), detail);
  g_object_set_data_full (G_OBJECT (row), "hearsay-entity", g_object_ref (entity), g_object_unref);
  if (section != NULL)
    g_object_set_data (G_OBJECT (row), "hearsay-section", (gpointer) section);
  gtk_list_box_append (self->entity_list, row);
}

void
hearsay_link_picker_fill_entities (HearsayLinkPicker *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entity_search));
  g_autofree char *text = hearsay_annotation_dup_text (self->source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) suggested = hearsay_project_suggest_entities (self->project, text, &error);
  g_autoptr(GPtrArray) all = NULL;
  gboolean first = TRUE;

  self->filling = TRUE;
  clear_list (self->entity_list);
  for (guint i = 0; suggested && i < suggested->len; i++)
    {
      HearsayEntity *entity = g_ptr_array_index (suggested, i);
      gint64 *id = g_new (gint64, 1);

      *id = hearsay_entity_get_id (entity);
      g_hash_table_add (seen, id);
      if (!entity_matches_query (entity, query))
        continue;
      append_entity_row (self, entity, first ? _("Suggested for this mention") : NULL);
      first = FALSE;
    }

  all = hearsay_project_list_entities (self->project, &error);
  first = TRUE;
  for (guint i = 0; all && i < all->len; i++)
    {
      HearsayEntity *entity = g_ptr_array_index (all, i);
      gint64 id = hearsay_entity_get_id (entity);

      if (g_hash_table_contains (seen, &id) || !entity_matches_query (entity, query))
        continue;
      append_entity_row (self, entity, first ? _("All entities") : NULL);
      first = FALSE;
    }
  if (error != NULL)
    hearsay_dialog_show_message (self->message_label, error->message, TRUE);
  set_empty_state (self->entity_list,
                   query && *query ? _("No entity matches the search. Use “New Entity…” to add one.")
                                   : _("The project has no entities yet. Use “New Entity…” to add one."));
  self->filling = FALSE;
  select_preferred (self->entity_list, "hearsay-entity", self->target_entity_id);
}

gint64
hearsay_link_picker_add_entity (HearsayLinkPicker *self,
                                GError           **error)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_entity_name))));
  guint kind_index = gtk_drop_down_get_selected (self->new_entity_kind);
  const char *kind = kind_index < self->kind_ids->len ? g_ptr_array_index (self->kind_ids, kind_index) : NULL;
  g_autoptr(HearsayEntity) entity = NULL;
  GtkListBoxRow *row;

  if (*name == '\0')
    {
      g_set_error_literal (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                           _("An entity needs a name"));
      return 0;
    }
  entity = hearsay_entity_new (name, kind);
  if (!hearsay_project_add_entity (self->project, entity, error))
    return 0;

  self->target_entity_id = hearsay_entity_get_id (entity);
  gtk_editable_set_text (GTK_EDITABLE (self->entity_search), "");
  hearsay_link_picker_fill_entities (self);
  row = hearsay_link_picker_find_row (self->entity_list, "hearsay-entity", hearsay_entity_get_id (entity));
  if (row != NULL)
    gtk_list_box_select_row (self->entity_list, row);
  return hearsay_entity_get_id (entity);
}
