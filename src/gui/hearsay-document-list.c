/* hearsay-document-list.c: a GtkListView over the project's documents. */
#include "config.h"

#include <glib/gi18n.h>

#include "hearsay-widget-util.h"

#include "hearsay-document-list.h"
#include "hearsay-document-row.h"

struct _HearsayDocumentList
{
  GtkWidget parent_instance;

  HearsayProject *project;
  GListStore *store;
  GtkSingleSelection *selection;
  /* Rows currently set up by the factory, to update counts in place. */
  GPtrArray *rows;
  gboolean reloading;

  GtkStack *stack;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (HearsayDocumentList, hearsay_document_list, GTK_TYPE_WIDGET)

enum {
  DOCUMENT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           HearsayDocumentList      *self)
{
  GtkWidget *row = hearsay_document_row_new ();

  gtk_list_item_set_child (item, row);
  g_ptr_array_add (self->rows, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          HearsayDocumentList      *self)
{
  hearsay_document_row_set_document (HEARSAY_DOCUMENT_ROW (gtk_list_item_get_child (item)),
                                     gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            HearsayDocumentList      *self)
{
  hearsay_document_row_set_document (HEARSAY_DOCUMENT_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
teardown_row (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HearsayDocumentList      *self)
{
  g_ptr_array_remove (self->rows, gtk_list_item_get_child (item));
}

static HearsayDocument *
get_selected (HearsayDocumentList *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
on_selected_changed (GtkSingleSelection  *selection,
                     GParamSpec          *pspec,
                     HearsayDocumentList *self)
{
  if (self->reloading)
    return;
  g_signal_emit (self, signals[DOCUMENT_SELECTED], 0, get_selected (self));
}

static guint
find_position (HearsayDocumentList *self,
               gint64               id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HearsayDocument) doc = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (hearsay_document_get_id (doc) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
reload (HearsayDocumentList *self)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 selected_id = hearsay_document_list_get_selected_id (self);
  guint position;

  self->reloading = TRUE;
  g_list_store_remove_all (self->store);
  if (self->project != NULL)
    {
      documents = hearsay_project_list_documents (self->project, &error);
      if (documents == NULL)
        g_warning ("Could not list the documents: %s", error->message);
      else
        g_list_store_splice (self->store, 0, 0, documents->pdata, documents->len);
    }
  /* Keep the reader's document selected across a reload. */
  position = selected_id != 0 ? find_position (self, selected_id) : GTK_INVALID_LIST_POSITION;
  gtk_single_selection_set_selected (self->selection, position);
  self->reloading = FALSE;

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0 ? "list" : "empty");
  if (selected_id != 0 && position == GTK_INVALID_LIST_POSITION)
    g_signal_emit (self, signals[DOCUMENT_SELECTED], 0, NULL);
}

static void
on_documents_changed (HearsayProject      *project,
                      HearsayDocumentList *self)
{
  reload (self);
}

static void
update_count (HearsayDocumentList *self,
              gint64               document_id,
              int                  delta)
{
  guint position = find_position (self, document_id);
  g_autoptr(HearsayDocument) doc = NULL;
  guint n;

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  doc = g_list_model_get_item (G_LIST_MODEL (self->store), position);
  n = hearsay_document_get_n_annotations (doc);
  hearsay_document_set_n_annotations (doc, delta < 0 && n == 0 ? 0 : n + delta);
  for (guint i = 0; i < self->rows->len; i++)
    {
      HearsayDocumentRow *row = g_ptr_array_index (self->rows, i);

      if (hearsay_document_row_get_document (row) == doc)
        hearsay_document_row_update (row);
    }
}

static void
on_annotation_added (HearsayProject      *project,
                     gint64               document_id,
                     gint64               annotation_id,
                     HearsayDocumentList *self)
{
  update_count (self, document_id, 1);
}

static void
on_annotation_removed (HearsayProject      *project,
                       gint64               document_id,
                       gint64               annotation_id,
                       HearsayDocumentList *self)
{
  update_count (self, document_id, -1);
}

void
hearsay_document_list_set_project (HearsayDocumentList *self,
                                   HearsayProject      *project)
{
  g_return_if_fail (HEARSAY_IS_DOCUMENT_LIST (self));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      g_signal_connect_object (project, "documents-changed", G_CALLBACK (on_documents_changed), self, 0);
      g_signal_connect_object (project, "document-changed", G_CALLBACK (on_documents_changed), self, 0);
      g_signal_connect_object (project, "annotation-added", G_CALLBACK (on_annotation_added), self, 0);
      g_signal_connect_object (project, "annotation-removed", G_CALLBACK (on_annotation_removed), self, 0);
    }
  self->reloading = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->reloading = FALSE;
  reload (self);
}

gboolean
hearsay_document_list_select_document (HearsayDocumentList *self,
                                       gint64               id)
{
  guint position;

  g_return_val_if_fail (HEARSAY_IS_DOCUMENT_LIST (self), FALSE);

  position = find_position (self, id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  if (gtk_single_selection_get_selected (self->selection) == position)
    g_signal_emit (self, signals[DOCUMENT_SELECTED], 0, get_selected (self));
  else
    gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

gint64
hearsay_document_list_get_selected_id (HearsayDocumentList *self)
{
  HearsayDocument *doc;

  g_return_val_if_fail (HEARSAY_IS_DOCUMENT_LIST (self), 0);
  doc = get_selected (self);
  return doc != NULL ? hearsay_document_get_id (doc) : 0;
}

guint
hearsay_document_list_get_n_documents (HearsayDocumentList *self)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

gint64
hearsay_document_list_get_id_at (HearsayDocumentList *self,
                                 guint                position)
{
  g_autoptr(HearsayDocument) doc = NULL;

  g_return_val_if_fail (HEARSAY_IS_DOCUMENT_LIST (self), 0);
  doc = g_list_model_get_item (G_LIST_MODEL (self->store), position);
  return doc != NULL ? hearsay_document_get_id (doc) : 0;
}

static void
hearsay_document_list_dispose (GObject *object)
{
  HearsayDocumentList *self = HEARSAY_DOCUMENT_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_DOCUMENT_LIST);
  /* The template's unnamed root child is ours to unparent. */
  hearsay_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (hearsay_document_list_parent_class)->dispose (object);
}

static void
hearsay_document_list_finalize (GObject *object)
{
  HearsayDocumentList *self = HEARSAY_DOCUMENT_LIST (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (hearsay_document_list_parent_class)->finalize (object);
}

static void
hearsay_document_list_class_init (HearsayDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearsay_document_list_dispose;
  object_class->finalize = hearsay_document_list_finalize;

  /* (HearsayDocument without its text, or NULL) */
  signals[DOCUMENT_SELECTED] =
    g_signal_new ("document-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HEARSAY_TYPE_DOCUMENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/hearsay-document-list.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentList, stack);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentList, list_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hearsay-document-list");
}

static void
hearsay_document_list_init (HearsayDocumentList *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->store = g_list_store_new (HEARSAY_TYPE_DOCUMENT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selected_changed), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
