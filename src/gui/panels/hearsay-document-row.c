/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-document-row.c: title in bold, then outlet · date, then the
 * number of annotations. */
#include "config.h"

#include <glib/gi18n.h>

#include "hearsay-widget-util.h"

#include "hearsay-document-row.h"

struct _HearsayDocumentRow
{
  GtkWidget parent_instance;

  HearsayDocument *document;

  GtkLabel *title_label;
  GtkLabel *detail_label;
  GtkLabel *count_label;
};

G_DEFINE_FINAL_TYPE (HearsayDocumentRow, hearsay_document_row, GTK_TYPE_WIDGET)

void
hearsay_document_row_update (HearsayDocumentRow *self)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *count = NULL;
  const char *outlet, *date, *title;
  guint n;

  g_return_if_fail (HEARSAY_IS_DOCUMENT_ROW (self));

  if (self->document == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->detail_label, "");
      gtk_label_set_text (self->count_label, "");
      return;
    }

  title = hearsay_document_get_title (self->document);
  gtk_label_set_text (self->title_label, title != NULL && title[0] != '\0' ? title : _("Untitled"));
  outlet = hearsay_document_get_outlet (self->document);
  date = hearsay_document_get_published_at (self->document);
  if (outlet != NULL && outlet[0] != '\0')
    g_string_append (detail, outlet);
  if (date != NULL && date[0] != '\0')
    g_string_append_printf (detail, "%s%.10s", detail->len > 0 ? " · " : "", date);
  gtk_label_set_text (self->detail_label, detail->str);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail->len > 0);
  n = hearsay_document_get_n_annotations (self->document);
  {
    g_autofree char *number = hearsay_format_count (n);

    /* Translators: %s is a formatted number */
    count = g_strdup_printf (ngettext ("%s annotation", "%s annotations", n), number);
  }
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), title);
}

void
hearsay_document_row_set_document (HearsayDocumentRow *self,
                                   HearsayDocument    *document)
{
  g_return_if_fail (HEARSAY_IS_DOCUMENT_ROW (self));

  g_set_object (&self->document, document);
  hearsay_document_row_update (self);
}

HearsayDocument *
hearsay_document_row_get_document (HearsayDocumentRow *self)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT_ROW (self), NULL);
  return self->document;
}

static void
hearsay_document_row_dispose (GObject *object)
{
  HearsayDocumentRow *self = HEARSAY_DOCUMENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_DOCUMENT_ROW);
  /* The template's unnamed root child is ours to unparent. */
  hearsay_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->document);
  G_OBJECT_CLASS (hearsay_document_row_parent_class)->dispose (object);
}

static void
hearsay_document_row_class_init (HearsayDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearsay_document_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/panels/hearsay-document-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentRow, count_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hearsay-document-row");
}

static void
hearsay_document_row_init (HearsayDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hearsay_document_row_new (void)
{
  return g_object_new (HEARSAY_TYPE_DOCUMENT_ROW, NULL);
}
