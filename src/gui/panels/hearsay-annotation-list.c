/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-annotation-list.c: a document's annotations in a GtkColumnView,
 * filtered by label and text; rows follow the project's change signals one
 * annotation at a time, and the selected row follows the window's
 * selected annotation ("selected-annotation"). */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-annotation-list.h"

#define MAX_KEY_ATTRIBUTES 2

enum { COL_LABEL, COL_TEXT, COL_ATTRIBUTES, COL_ANNOTATOR };

struct _HearsayAnnotationList
{
  GtkWidget parent_instance;

  HearsayProject *project;
  gint64 document_id;
  GListStore *annotations;        /* HearsayAnnotation, by start then id */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkStringList *label_names;     /* "All labels", then the scheme's */
  GPtrArray *label_ids;           /* parallel to label_names; [0] is NULL */
  char *search;                   /* casefolded, NULL when empty */
  gboolean filling;
  /* The selected row is being set from outside: no ::annotation-selected. */
  gboolean following;

  GtkWidget *box;
  GtkDropDown *label_dropdown;
  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkColumnView *column_view;
  GtkLabel *empty_label;
  GtkLabel *status_label;
};

G_DEFINE_FINAL_TYPE (HearsayAnnotationList, hearsay_annotation_list, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_PROJECT, PROP_SELECTED_ANNOTATION, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { ANNOTATION_ACTIVATED, ANNOTATION_SELECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static HearsayScheme *
get_scheme (HearsayAnnotationList *self)
{
  return self->project ? hearsay_project_get_scheme (self->project) : NULL;
}

static const char *
selected_label_id (HearsayAnnotationList *self)
{
  guint i = gtk_drop_down_get_selected (self->label_dropdown);

  return i < self->label_ids->len ? g_ptr_array_index (self->label_ids, i) : NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  HearsayAnnotationList *self = user_data;
  HearsayAnnotation *annotation = item;
  const char *label = selected_label_id (self);
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (label != NULL && g_strcmp0 (label, hearsay_annotation_get_label (annotation)) != 0)
    return FALSE;
  if (self->search == NULL)
    return TRUE;
  text = hearsay_annotation_dup_text (annotation);
  folded = g_utf8_casefold (text ? text : "", -1);
  return strstr (folded, self->search) != NULL;
}

static char *
value_names (const HearsayAttributeDef *attribute,
             const char * const        *values)
{
  g_autoptr(GString) str = g_string_new (NULL);

  if (attribute->kind == HEARSAY_ATTRIBUTE_BOOLEAN)
    return g_strcmp0 (values[0], "true") == 0 ? g_strdup (hearsay_scheme_translate (attribute->name)) : NULL;
  for (guint i = 0; values[i] != NULL; i++)
    {
      const HearsayValueDef *value = hearsay_attribute_lookup_value (attribute, values[i]);

      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append (str, value ? hearsay_scheme_translate (value->name) : values[i]);
    }
  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* The first attributes that have values, in the scheme's order: what a coder
 * checks at a glance, e.g. "Check-worthy · Unverified". */
static char *
key_attributes (HearsayAnnotationList *self,
                HearsayAnnotation     *annotation)
{
  HearsayScheme *scheme = get_scheme (self);
  const HearsayLabel *label;
  g_autoptr(GString) str = g_string_new (NULL);
  guint shown = 0;

  label = scheme ? hearsay_scheme_lookup_label (scheme, hearsay_annotation_get_label (annotation)) : NULL;
  for (guint i = 0; label != NULL && i < label->attributes->len && shown < MAX_KEY_ATTRIBUTES; i++)
    {
      const HearsayAttributeDef *attribute = g_ptr_array_index (label->attributes, i);
      const char * const *values = hearsay_annotation_get_attribute_values (annotation, attribute->id);
      g_autofree char *names = NULL;

      if (values == NULL || values[0] == NULL || (names = value_names (attribute, values)) == NULL)
        continue;
      if (shown++ > 0)
        g_string_append (str, " · ");
      g_string_append (str, names);
    }
  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  GdkRGBA *color = g_object_get_data (G_OBJECT (area), "color");
  double size = MIN (width, height);

  if (color == NULL)
    return;
  cairo_arc (cr, width / 2.0, height / 2.0, size / 2.0 - 1, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  /* Label names are short and what the eye scans for: never cut them. */
  if (column != COL_LABEL)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COL_LABEL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, NULL, NULL);
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
    }
  else
    gtk_list_item_set_child (item, label);
}

static void
bind_label (HearsayAnnotationList *self,
            HearsayAnnotation     *annotation,
            GtkWidget             *box)
{
  GtkWidget *swatch = gtk_widget_get_first_child (box);
  GtkLabel *name = GTK_LABEL (gtk_widget_get_next_sibling (swatch));
  HearsayScheme *scheme = get_scheme (self);
  const char *id = hearsay_annotation_get_label (annotation);
  const HearsayLabel *label = scheme ? hearsay_scheme_lookup_label (scheme, id) : NULL;
  GdkRGBA color;

  if (label != NULL && label->color != NULL && gdk_rgba_parse (&color, label->color))
    g_object_set_data_full (G_OBJECT (swatch), "color", gdk_rgba_copy (&color), (GDestroyNotify) gdk_rgba_free);
  else
    g_object_set_data (G_OBJECT (swatch), "color", NULL);
  gtk_widget_queue_draw (swatch);

  if (label != NULL)
    gtk_label_set_text (name, hearsay_scheme_translate (label->name));
  else
    {
      g_autofree char *unknown = g_strdup_printf (_("Unknown label (%s)"), id);

      gtk_label_set_text (name, unknown);
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  HearsayAnnotationList *self = user_data;
  HearsayAnnotation *annotation = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column")))
    {
    case COL_LABEL:
      bind_label (self, annotation, child);
      return;
    case COL_TEXT:
      /* One line per row: line breaks inside a span become spaces. */
      text = hearsay_annotation_dup_text (annotation);
      g_strdelimit (text, "\r\n\t", ' ');
      break;
    case COL_ATTRIBUTES:
      text = key_attributes (self, annotation);
      break;
    case COL_ANNOTATOR:
      text = g_strdup (hearsay_annotation_get_annotator (annotation));
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (GTK_LABEL (child), text ? text : "");
  gtk_widget_set_tooltip_text (child, text && *text ? text : NULL);
}

static void
add_column (HearsayAnnotationList *self,
            const char            *title,
            int                    column,
            gboolean               expand,
            int                    fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_fixed_width (col, fixed_width);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->column_view, col);
}

static void
update_status (HearsayAnnotationList *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));
  g_autofree char *status = NULL;

  if (self->document_id == 0)
    {
      gtk_label_set_text (self->empty_label, _("No document selected."));
      gtk_label_set_text (self->status_label, "");
    }
  else
    {
      status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u annotation",
                                             "%u of %u annotations", total), shown, total);
      gtk_label_set_text (self->status_label, status);
      if (total == 0)
        gtk_label_set_text (self->empty_label,
                            _("No annotations in this document yet.\n"
                              "Select text in the reader and press a label’s key."));
      else
        gtk_label_set_text (self->empty_label, _("No annotation matches the filters."));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->label_dropdown), self->document_id != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), self->document_id != 0);
  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "empty");
}

static gboolean
find_in_model (GListModel *model,
               gint64      id,
               guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HearsayAnnotation) annotation = g_list_model_get_item (model, i);

      if (hearsay_annotation_get_id (annotation) == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  HearsayAnnotation *x = (HearsayAnnotation *) a;
  HearsayAnnotation *y = (HearsayAnnotation *) b;
  gint64 d = hearsay_annotation_get_start (x) - hearsay_annotation_get_start (y);

  if (d == 0)
    d = hearsay_annotation_get_id (x) - hearsay_annotation_get_id (y);
  return d < 0 ? -1 : d > 0;
}

static void
reload (HearsayAnnotationList *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 keep = hearsay_annotation_list_get_selected (self);
  guint position;

  if (self->project != NULL && self->document_id != 0)
    list = hearsay_project_list_annotations (self->project, self->document_id, &error);
  if (error != NULL)
    g_warning ("Could not list annotations: %s", error->message);
  g_list_store_splice (self->annotations, 0, g_list_model_get_n_items (G_LIST_MODEL (self->annotations)),
                       list ? list->pdata : NULL, list ? list->len : 0);
  if (keep != 0 && find_in_model (G_LIST_MODEL (self->filtered), keep, &position))
    gtk_single_selection_set_selected (self->selection, position);
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_status (self);
}

static void
insert_annotation (HearsayAnnotationList *self,
                   gint64                 id)
{
  g_autoptr(HearsayAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  annotation = hearsay_project_get_annotation (self->project, id, &error);
  if (annotation == NULL)
    {
      g_warning ("Could not load annotation %" PRId64 ": %s", id, error->message);
      return;
    }
  g_list_store_insert_sorted (self->annotations, annotation, compare_annotations, NULL);
}

static void
annotation_added_cb (HearsayAnnotationList *self,
                     gint64                 document_id,
                     gint64                 id,
                     HearsayAnnotation     *annotation)
{
  if (document_id != self->document_id || self->document_id == 0)
    return;
  /* The signal carries the annotation as stored: no read back. */
  g_list_store_insert_sorted (self->annotations, annotation, compare_annotations, NULL);
  update_status (self);
}

static void
annotation_removed_cb (HearsayAnnotationList *self,
                       gint64                 document_id,
                       gint64                 id)
{
  guint position;

  if (document_id != self->document_id || self->document_id == 0)
    return;
  if (find_in_model (G_LIST_MODEL (self->annotations), id, &position))
    g_list_store_remove (self->annotations, position);
  update_status (self);
}

static void
annotation_changed_cb (HearsayAnnotationList *self,
                       gint64                 document_id,
                       gint64                 id)
{
  gboolean was_selected = hearsay_annotation_list_get_selected (self) == id;
  guint position;

  if (document_id != self->document_id || self->document_id == 0)
    return;
  /* Remove and re-insert: a new fragment can move the row. */
  if (find_in_model (G_LIST_MODEL (self->annotations), id, &position))
    g_list_store_remove (self->annotations, position);
  insert_annotation (self, id);
  if (was_selected && find_in_model (G_LIST_MODEL (self->filtered), id, &position))
    gtk_single_selection_set_selected (self->selection, position);
  update_status (self);
}

static void
reload_labels (HearsayAnnotationList *self)
{
  HearsayScheme *scheme = get_scheme (self);
  g_autofree char *keep = g_strdup (selected_label_id (self));
  guint n = scheme ? hearsay_scheme_get_n_labels (scheme) : 0;
  g_autofree const char **names = g_new0 (const char *, n + 2);
  guint selected = 0;

  g_ptr_array_set_size (self->label_ids, 0);
  g_ptr_array_add (self->label_ids, NULL);
  names[0] = _("All labels");
  for (guint i = 0; i < n; i++)
    {
      const HearsayLabel *label = hearsay_scheme_get_label (scheme, i);

      g_ptr_array_add (self->label_ids, g_strdup (label->id));
      names[i + 1] = hearsay_scheme_translate (label->name);
      if (g_strcmp0 (keep, label->id) == 0)
        selected = i + 1;
    }
  self->filling = TRUE;
  gtk_string_list_splice (self->label_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->label_names)), names);
  gtk_drop_down_set_selected (self->label_dropdown, selected);
  self->filling = FALSE;
}

static void
refilter (HearsayAnnotationList *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_status (self);
}

static void
label_selected_cb (HearsayAnnotationList *self)
{
  if (!self->filling)
    refilter (self);
}

static void
search_changed_cb (HearsayAnnotationList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && *text != '\0')
    self->search = g_utf8_casefold (text, -1);
  refilter (self);
}

static void
scheme_changed_cb (HearsayAnnotationList *self)
{
  reload_labels (self);
  /* Names, colours and attribute names may all have changed. */
  reload (self);
}

static void
row_activated_cb (HearsayAnnotationList *self,
                  guint                  position)
{
  g_autoptr(HearsayAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (annotation != NULL)
    g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, hearsay_annotation_get_id (annotation));
}

/* Only a choice the user made in the list is told: rows come and go with
 * the project's signals, and the window sets the row itself. */
static void
selection_changed_cb (HearsayAnnotationList *self)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  GtkRoot *root = gtk_widget_get_root (view);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (self->following || focus == NULL || (focus != view && !gtk_widget_is_ancestor (focus, view)))
    return;
  g_signal_emit (self, signals[ANNOTATION_SELECTED], 0, hearsay_annotation_list_get_selected (self));
}

static void
hearsay_annotation_list_dispose (GObject *object)
{
  HearsayAnnotationList *self = HEARSAY_ANNOTATION_LIST (object);

  hearsay_annotation_list_set_project (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_ANNOTATION_LIST);
  g_clear_object (&self->selection);
  g_clear_object (&self->annotations);
  g_clear_object (&self->label_names);
  g_clear_pointer (&self->label_ids, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (hearsay_annotation_list_parent_class)->dispose (object);
}

static void
hearsay_annotation_list_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  HearsayAnnotationList *self = HEARSAY_ANNOTATION_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_SELECTED_ANNOTATION:
      g_value_set_int64 (value, hearsay_annotation_list_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_annotation_list_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  HearsayAnnotationList *self = HEARSAY_ANNOTATION_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      hearsay_annotation_list_set_project (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ANNOTATION:
      hearsay_annotation_list_set_selected_annotation (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_annotation_list_class_init (HearsayAnnotationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearsay_annotation_list_dispose;
  object_class->get_property = hearsay_annotation_list_get_property;
  object_class->set_property = hearsay_annotation_list_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, HEARSAY_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The row shown as selected: the window binds it to its own
   * "selected-annotation". A choice made in the list itself comes as
   * ::annotation-selected. */
  properties[PROP_SELECTED_ANNOTATION] =
    g_param_spec_int64 ("selected-annotation", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted with the annotation's id when its row is activated. */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The user moved the list's selection to annotation (id, 0 for none). */
  signals[ANNOTATION_SELECTED] =
    g_signal_new ("annotation-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hearsay/Hearsay/panels/hearsay-annotation-list.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, HearsayAnnotationList, box);
  gtk_widget_class_bind_template_child (widget_class, HearsayAnnotationList, label_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearsayAnnotationList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayAnnotationList, stack);
  gtk_widget_class_bind_template_child (widget_class, HearsayAnnotationList, column_view);
  gtk_widget_class_bind_template_child (widget_class, HearsayAnnotationList, empty_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayAnnotationList, status_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
hearsay_annotation_list_init (HearsayAnnotationList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->label_ids = g_ptr_array_new_with_free_func (g_free);
  self->label_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->label_dropdown, G_LIST_MODEL (self->label_names));
  g_signal_connect_swapped (self->label_dropdown, "notify::selected", G_CALLBACK (label_selected_cb), self);

  self->annotations = g_list_store_new (HEARSAY_TYPE_ANNOTATION);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->annotations)),
                                              GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);

  add_column (self, _("Label"), COL_LABEL, FALSE, -1);
  /* Fixed widths: an ellipsized label asks for its whole text, and a long
   * claim would otherwise widen the table. */
  add_column (self, _("Text"), COL_TEXT, TRUE, 140);
  add_column (self, _("Key attributes"), COL_ATTRIBUTES, TRUE, 120);
  add_column (self, _("Annotator"), COL_ANNOTATOR, FALSE, 80);

  reload_labels (self);
  update_status (self);
}

GtkWidget *
hearsay_annotation_list_new (HearsayProject *project)
{
  g_return_val_if_fail (project == NULL || HEARSAY_IS_PROJECT (project), NULL);
  return g_object_new (HEARSAY_TYPE_ANNOTATION_LIST, "project", project, NULL);
}

HearsayProject *
hearsay_annotation_list_get_project (HearsayAnnotationList *self)
{
  g_return_val_if_fail (HEARSAY_IS_ANNOTATION_LIST (self), NULL);
  return self->project;
}

void
hearsay_annotation_list_set_project (HearsayAnnotationList *self,
                                     HearsayProject        *project)
{
  g_return_if_fail (HEARSAY_IS_ANNOTATION_LIST (self));
  g_return_if_fail (project == NULL || HEARSAY_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  self->document_id = 0;
  if (project != NULL)
    {
      g_signal_connect_swapped (project, "annotation-added", G_CALLBACK (annotation_added_cb), self);
      g_signal_connect_swapped (project, "annotation-removed", G_CALLBACK (annotation_removed_cb), self);
      g_signal_connect_swapped (project, "annotation-changed", G_CALLBACK (annotation_changed_cb), self);
      g_signal_connect_swapped (project, "scheme-changed", G_CALLBACK (scheme_changed_cb), self);
    }
  if (self->label_ids != NULL)
    {
      reload_labels (self);
      reload (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
hearsay_annotation_list_set_document (HearsayAnnotationList *self,
                                      gint64                 document_id)
{
  g_return_if_fail (HEARSAY_IS_ANNOTATION_LIST (self));

  if (self->document_id == document_id)
    return;
  self->document_id = document_id;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  reload (self);
}

gint64
hearsay_annotation_list_get_document (HearsayAnnotationList *self)
{
  g_return_val_if_fail (HEARSAY_IS_ANNOTATION_LIST (self), 0);
  return self->document_id;
}

static void
scroll_to (GtkColumnView *view,
           guint          position)
{
  /* No gtk_column_view_scroll_to () before GTK 4.12: ask the inner list view. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

gboolean
hearsay_annotation_list_select (HearsayAnnotationList *self,
                                gint64                 annotation_id)
{
  guint position;

  g_return_val_if_fail (HEARSAY_IS_ANNOTATION_LIST (self), FALSE);

  if (!find_in_model (G_LIST_MODEL (self->annotations), annotation_id, &position))
    return FALSE;
  if (!find_in_model (G_LIST_MODEL (self->filtered), annotation_id, &position))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->label_dropdown, 0);
      search_changed_cb (self);
      if (!find_in_model (G_LIST_MODEL (self->filtered), annotation_id, &position))
        return FALSE;
    }
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self->column_view, position);
  return TRUE;
}

gint64
hearsay_annotation_list_get_selected (HearsayAnnotationList *self)
{
  HearsayAnnotation *annotation;

  g_return_val_if_fail (HEARSAY_IS_ANNOTATION_LIST (self), 0);
  annotation = gtk_single_selection_get_selected_item (self->selection);
  return annotation ? hearsay_annotation_get_id (annotation) : 0;
}

void
hearsay_annotation_list_set_selected_annotation (HearsayAnnotationList *self,
                                                 gint64                 annotation_id)
{
  guint position;

  g_return_if_fail (HEARSAY_IS_ANNOTATION_LIST (self));

  if (hearsay_annotation_list_get_selected (self) == annotation_id)
    return;
  /* A row the filters hide stays hidden: the list only shows the choice. */
  self->following = TRUE;
  if (annotation_id != 0 && find_in_model (G_LIST_MODEL (self->filtered), annotation_id, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      scroll_to (self->column_view, position);
    }
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->following = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ANNOTATION]);
}

void
hearsay_annotation_list_focus_search (HearsayAnnotationList *self)
{
  g_return_if_fail (HEARSAY_IS_ANNOTATION_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
