/* SPDX-License-Identifier: GPL-3.0-or-later */
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
  /* The document last reported by ::document-selected (0 for none). */
  gint64 shown_id;
  guint n_hits;

  HearsayFilterBar *filter_bar;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkListView *list_view;
  GtkWidget *passages_box;
  GtkLabel *passages_heading;
  GtkListBox *passages;
};

typedef struct
{
  gint64 document_id;
  gint64 start;
  gint64 end;
} Passage;

G_DEFINE_FINAL_TYPE (HearsayDocumentList, hearsay_document_list, GTK_TYPE_WIDGET)

enum {
  DOCUMENT_SELECTED,
  PASSAGE_ACTIVATED,
  FILTERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A row the list view dropped without a teardown (it happens when the
 * model is replaced while rows are recycled) leaves the list too. */
static void
row_gone (gpointer  data,
          GObject  *row)
{
  HearsayDocumentList *self = data;

  g_ptr_array_remove (self->rows, row);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           HearsayDocumentList      *self)
{
  GtkWidget *row = hearsay_document_row_new ();

  gtk_list_item_set_child (item, row);
  g_ptr_array_add (self->rows, row);
  g_object_weak_ref (G_OBJECT (row), row_gone, self);
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
  GtkWidget *row = gtk_list_item_get_child (item);

  if (row != NULL && g_ptr_array_remove (self->rows, row))
    g_object_weak_unref (G_OBJECT (row), row_gone, self);
}

static HearsayDocument *
get_selected (HearsayDocumentList *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
emit_selected (HearsayDocumentList *self,
               HearsayDocument     *document)
{
  self->shown_id = document != NULL ? hearsay_document_get_id (document) : 0;
  g_signal_emit (self, signals[DOCUMENT_SELECTED], 0, document);
}

static void
on_selected_changed (GtkSingleSelection  *selection,
                     GParamSpec          *pspec,
                     HearsayDocumentList *self)
{
  if (self->reloading)
    return;
  emit_selected (self, get_selected (self));
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

static gboolean
contains_id (GPtrArray *documents,
             gint64     id)
{
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    if (hearsay_document_get_id (g_ptr_array_index (documents, i)) == id)
      return TRUE;
  return FALSE;
}

/* The snippet with the match in bold, as Pango markup. */
static char *
snippet_markup (const HearsaySearchHit *hit)
{
  const char *snippet = hit->snippet != NULL ? hit->snippet : "";
  glong length = g_utf8_strlen (snippet, -1);
  glong from = CLAMP (hit->snippet_start, 0, length);
  glong to = CLAMP (hit->snippet_end, from, length);
  const char *a = g_utf8_offset_to_pointer (snippet, from);
  const char *b = g_utf8_offset_to_pointer (snippet, to);
  g_autofree char *before = g_markup_escape_text (snippet, a - snippet);
  g_autofree char *match = g_markup_escape_text (a, b - a);
  g_autofree char *after = g_markup_escape_text (b, -1);

  return g_strconcat (before, "<b>", match, "</b>", after, NULL);
}

static void
add_passage_row (HearsayDocumentList    *self,
                 const HearsaySearchHit *hit,
                 gboolean                header)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, header ? 8 : 2);
  gtk_widget_set_margin_bottom (label, 2);
  if (header)
    {
      gtk_label_set_text (GTK_LABEL (label), hit->title != NULL && *hit->title != '\0' ? hit->title : _("Untitled"));
      gtk_widget_add_css_class (label, "heading");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  else
    {
      g_autofree char *markup = snippet_markup (hit);
      Passage *passage = g_new (Passage, 1);

      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_widget_set_margin_start (label, 12);
      passage->document_id = hit->document_id;
      passage->start = hit->start;
      passage->end = hit->end;
      g_object_set_data_full (G_OBJECT (row), "hearsay-passage", passage, g_free);
      self->n_hits++;
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_append (self->passages, row);
}

/* Lists the hits of the query in the documents @shown; FALSE on an error. */
static gboolean
reload_passages (HearsayDocumentList *self,
                 const char          *query,
                 GPtrArray           *shown,
                 GError             **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  GtkWidget *child;
  gint64 last = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->passages))) != NULL)
    gtk_list_box_remove (self->passages, child);
  self->n_hits = 0;
  gtk_widget_set_visible (self->passages_box, query != NULL);
  if (query == NULL || self->project == NULL)
    return TRUE;
  hits = hearsay_project_search (self->project, query, 50, error);
  if (hits == NULL)
    return FALSE;
  for (guint i = 0; i < hits->len; i++)
    {
      const HearsaySearchHit *hit = g_ptr_array_index (hits, i);

      /* Only hits in the documents the other filters let through. */
      if (!contains_id (shown, hit->document_id))
        continue;
      if (hit->document_id != last)
        add_passage_row (self, hit, TRUE);
      last = hit->document_id;
      add_passage_row (self, hit, FALSE);
    }
  if (self->n_hits == 0)
    gtk_label_set_text (self->passages_heading, _("No passages match"));
  else
    {
      g_autofree char *heading = g_strdup_printf (ngettext ("%u passage", "%u passages", self->n_hits),
                                                  self->n_hits);

      gtk_label_set_text (self->passages_heading, heading);
    }
  return TRUE;
}

static void
reload (HearsayDocumentList *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 selected_id = hearsay_document_list_get_selected_id (self);
  HearsayDocumentFilter filter;
  g_autofree char *count = NULL;
  guint position, n_all;

  if (selected_id == 0)
    selected_id = self->shown_id;
  hearsay_filter_bar_get_filter (self->filter_bar, &filter);
  if (self->project != NULL)
    {
      all = hearsay_project_list_documents (self->project, &error);
      if (all == NULL)
        {
          g_warning ("Could not list the documents: %s", error->message);
          g_clear_error (&error);
        }
      if (all != NULL && hearsay_filter_bar_is_active (self->filter_bar))
        documents = hearsay_project_filter_documents (self->project, &filter, &error);
      else if (all != NULL)
        documents = g_ptr_array_ref (all);
      if (documents != NULL && !reload_passages (self, filter.query, documents, &error))
        g_clear_pointer (&documents, g_ptr_array_unref);
      /* A malformed query: say so under the entry and keep the list. */
      hearsay_filter_bar_set_error (self->filter_bar, error != NULL ? error->message : NULL);
      if (error != NULL)
        {
          g_signal_emit (self, signals[FILTERED], 0);
          return;
        }
    }
  else
    reload_passages (self, NULL, NULL, NULL);

  self->reloading = TRUE;
  g_list_store_remove_all (self->store);
  if (documents != NULL)
    g_list_store_splice (self->store, 0, 0, documents->pdata, documents->len);
  /* Keep the reader's document selected across a reload. */
  position = selected_id != 0 ? find_position (self, selected_id) : GTK_INVALID_LIST_POSITION;
  gtk_single_selection_set_selected (self->selection, position);
  self->reloading = FALSE;

  n_all = all != NULL ? all->len : 0;
  {
    g_autofree char *shown = hearsay_format_count (documents != NULL ? documents->len : 0);
    g_autofree char *total = hearsay_format_count (n_all);

    /* Translators: "12 of 1,250 documents"; the numbers are formatted */
    count = g_strdup_printf (ngettext ("%s of %s document", "%s of %s documents", n_all), shown, total);
  }
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n_all > 0);
  gtk_stack_set_visible_child_name (self->stack, n_all > 0 ? "list" : "empty");
  /* A document only filtered out stays in the reader. */
  if (selected_id != 0 && position == GTK_INVALID_LIST_POSITION && !contains_id (all, selected_id))
    emit_selected (self, NULL);
  g_signal_emit (self, signals[FILTERED], 0);
}

static void
on_filter_changed (HearsayFilterBar    *filter_bar,
                   HearsayDocumentList *self)
{
  reload (self);
}

static void
on_passage_activated (GtkListBox          *box,
                      GtkListBoxRow       *row,
                      HearsayDocumentList *self)
{
  Passage *passage = g_object_get_data (G_OBJECT (row), "hearsay-passage");

  if (passage != NULL)
    g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, passage->document_id, passage->start, passage->end);
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
                     HearsayAnnotation   *annotation,
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
  hearsay_filter_bar_set_project (self->filter_bar, project);
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
  self->shown_id = 0;
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
    emit_selected (self, get_selected (self));
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

HearsayFilterBar *
hearsay_document_list_get_filter_bar (HearsayDocumentList *self)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT_LIST (self), NULL);
  return self->filter_bar;
}

GtkLabel *
hearsay_document_list_get_count_label (HearsayDocumentList *self)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT_LIST (self), NULL);
  return self->count_label;
}

GtkListBox *
hearsay_document_list_get_passages (HearsayDocumentList *self)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT_LIST (self), NULL);
  return self->passages;
}

guint
hearsay_document_list_get_n_hits (HearsayDocumentList *self)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT_LIST (self), 0);
  return self->n_hits;
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

  for (guint i = 0; i < self->rows->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->rows, i), row_gone, self);
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
  /* (document id, start, end): a search hit was activated. */
  signals[PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);
  /* The list (and the search hits) now show the current filters: after
   * each search, typed or not, and each change of the project. */
  signals[FILTERED] =
    g_signal_new ("filtered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (HEARSAY_TYPE_FILTER_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/panels/hearsay-document-list.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentList, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentList, count_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentList, stack);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentList, passages_box);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentList, passages_heading);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentList, passages);
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
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
  g_signal_connect (self->filter_bar, "changed", G_CALLBACK (on_filter_changed), self);
  g_signal_connect (self->passages, "row-activated", G_CALLBACK (on_passage_activated), self);
}
