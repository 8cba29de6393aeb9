/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-table.c: see hearsay-compare-table.h. */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <glib/gi18n-lib.h>

#include "hearsay-compare-table.h"

/* A row of a section's table, as an item of the column view's model. */
#define HEARSAY_TYPE_COMPARE_ROW (hearsay_compare_row_get_type ())
G_DECLARE_FINAL_TYPE (HearsayCompareRow, hearsay_compare_row, HEARSAY, COMPARE_ROW, GObject)

struct _HearsayCompareRow
{
  GObject parent_instance;
  guint index;
};

G_DEFINE_FINAL_TYPE (HearsayCompareRow, hearsay_compare_row, G_TYPE_OBJECT)

static void
hearsay_compare_row_class_init (HearsayCompareRowClass *klass)
{
}

static void
hearsay_compare_row_init (HearsayCompareRow *self)
{
}

typedef struct
{
  HearsayComparison *comparison;
  const char *section;      /* static, from hearsay_comparison_get_sections() */
  guint column;
  gboolean key;
} ColumnData;

static void
column_data_free (gpointer data)
{
  ColumnData *cd = data;

  g_object_unref (cd->comparison);
  g_free (cd);
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  ColumnData *cd = data;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), cd->key ? 30 : 40);
  gtk_label_set_width_chars (GTK_LABEL (label), cd->key ? 12 : 9);
  gtk_widget_set_margin_start (label, 4);
  gtk_widget_set_margin_end (label, 4);
  if (cd->key)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
    }
  gtk_list_item_set_child (item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  ColumnData *cd = data;
  HearsayCompareRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const HearsayComparisonCell *cell = hearsay_comparison_get_cell (cd->comparison, cd->section,
                                                                   row->index, cd->column);
  const char *text = cell != NULL && cell->text != NULL && *cell->text ? cell->text : NULL;
  g_autofree char *tip = NULL;

  /* An empty text cell is an outlet that has nothing there (no name for an
   * entity, no claim of a pair): a dash, not "n/a", which means a rate over zero. */
  if (text == NULL && !cd->key)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  if (text == NULL)
    text = cd->key ? "" : "—";
  gtk_label_set_text (label, text);
  gtk_label_set_xalign (label, !cd->key && cell != NULL && !isnan (cell->value) ? 1.0 : 0.0);
  if (cell != NULL && cell->numerator >= 0 && cell->denominator >= 0)
    tip = g_strdup_printf ("%" PRId64 " / %" PRId64, cell->numerator, cell->denominator);
  else if (!cd->key && cell != NULL && cell->numerator > 0 && isnan (cell->value))
    tip = g_strdup_printf (_("count: %" PRId64), cell->numerator);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tip);
}

GtkWidget *
hearsay_compare_table_new (HearsayComparison *comparison,
                           const char        *section)
{
  guint n_rows, n_columns, n_keys;
  GListStore *store;
  GtkWidget *view, *scrolled;

  g_return_val_if_fail (HEARSAY_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (hearsay_comparison_is_section (section), NULL);

  n_rows = hearsay_comparison_get_n_rows (comparison, section);
  n_columns = hearsay_comparison_get_n_columns (comparison, section);
  n_keys = hearsay_comparison_get_n_keys (comparison, section);
  if (n_rows == 0)
    {
      GtkWidget *label = gtk_label_new (_("Nothing to compare."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_vexpand (label, TRUE);
      gtk_widget_set_margin_top (label, 24);
      return label;
    }
  store = g_list_store_new (HEARSAY_TYPE_COMPARE_ROW);
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(HearsayCompareRow) row = g_object_new (HEARSAY_TYPE_COMPARE_ROW, NULL);

      row->index = r;
      g_list_store_append (store, row);
    }
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (store))));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_column_view_set_reorderable (GTK_COLUMN_VIEW (view), FALSE);
  for (guint c = 0; c < n_columns; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      ColumnData *cd = g_new0 (ColumnData, 1);
      g_autoptr(GtkColumnViewColumn) column = NULL;

      cd->comparison = g_object_ref (comparison);
      cd->section = section;
      cd->column = c;
      cd->key = c < n_keys;
      g_object_set_data_full (G_OBJECT (factory), "hearsay-column", cd, column_data_free);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), cd);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), cd);
      column = gtk_column_view_column_new (hearsay_comparison_get_column (comparison, section, c), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}
