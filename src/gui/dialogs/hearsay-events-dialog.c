/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-events-dialog.c: see hearsay-events-dialog.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "hearsay-events-dialog.h"

struct _HearsayEventsDialog
{
  GtkWindow parent_instance;

  HearsayProject *project;
  gint64 selected;
  gboolean refreshing;
  GArray *suggested;

  GtkListBox *event_list;
  GtkEntry *name_entry;
  GtkEntry *date_entry;
  GtkLabel *error_label;
  GtkListBox *member_list;
  GtkListBox *suggested_list;
  GtkListBox *other_list;
};

G_DEFINE_FINAL_TYPE (HearsayEventsDialog, hearsay_events_dialog, GTK_TYPE_WINDOW)

static void
show_error (HearsayEventsDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_set_placeholder (list, label);
}

static void
add_document_row (GtkListBox      *list,
                  HearsayDocument *doc,
                  const char      *button_label,
                  const char      *action)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (hearsay_document_get_title (doc));
  g_autofree char *meta = g_strdup_printf ("%s  %s",
                                           hearsay_document_get_outlet (doc) ? hearsay_document_get_outlet (doc) : "",
                                           hearsay_document_get_published_at (doc) ? hearsay_document_get_published_at (doc) : "");
  GtkWidget *sub = gtk_label_new (g_strstrip (meta));
  GtkWidget *button = gtk_button_new_with_label (button_label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", hearsay_document_get_id (doc));
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_append (list, box);
}

static void
refresh_documents (HearsayEventsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) suggested = NULL;
  g_autoptr(GHashTable) suggested_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  clear_list (self->member_list);
  clear_list (self->suggested_list);
  clear_list (self->other_list);
  g_array_set_size (self->suggested, 0);
  if (self->selected == 0)
    return;
  suggested = hearsay_project_suggest_event_documents (self->project, self->selected, &error);
  if (suggested == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < suggested->len; i++)
    {
      gint64 id = hearsay_document_get_id (suggested->pdata[i]);

      g_array_append_val (self->suggested, id);
      g_hash_table_add (suggested_ids, g_memdup2 (&id, sizeof id));
      add_document_row (self->suggested_list, suggested->pdata[i], _("Add"), "events.add-document");
    }
  docs = hearsay_project_list_documents (self->project, &error);
  if (docs == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < docs->len; i++)
    {
      HearsayDocument *doc = docs->pdata[i];
      gint64 id = hearsay_document_get_id (doc);

      if (hearsay_project_get_document_event (self->project, id) == self->selected)
        add_document_row (self->member_list, doc, _("Remove from event"), "events.remove-document");
      else if (!g_hash_table_contains (suggested_ids, &id))
        add_document_row (self->other_list, doc, _("Add to event"), "events.add-document");
    }
}

static void
refresh_events (HearsayEventsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = hearsay_project_list_events (self->project, &error);
  GtkListBoxRow *select = NULL;

  self->refreshing = TRUE;
  clear_list (self->event_list);
  if (events == NULL)
    {
      show_error (self, error->message);
      events = g_ptr_array_new ();
    }
  for (guint i = 0; i < events->len; i++)
    {
      HearsayEvent *event = events->pdata[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = gtk_label_new (hearsay_event_get_name (event));
      guint n = hearsay_event_get_n_documents (event);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n), n);
      g_autofree char *meta = g_strdup_printf ("%s · %s",
                                               hearsay_event_get_date (event) ? hearsay_event_get_date (event) : _("no date"),
                                               count);
      GtkWidget *sub = gtk_label_new (meta);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 4);
      gtk_widget_set_margin_bottom (box, 4);
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), sub);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "event-id",
                              g_memdup2 (&(gint64) { hearsay_event_get_id (event) }, sizeof (gint64)), g_free);
      gtk_list_box_append (self->event_list, row);
      if (hearsay_event_get_id (event) == self->selected)
        select = GTK_LIST_BOX_ROW (row);
    }
  if (select == NULL)
    self->selected = 0;
  gtk_list_box_select_row (self->event_list, select);
  self->refreshing = FALSE;
  refresh_documents (self);
}

static void
on_event_selected (HearsayEventsDialog *self,
                   GtkListBoxRow       *row)
{
  HearsayEvent *event = NULL;
  const gint64 *id;

  if (self->refreshing)
    return;
  id = row != NULL ? g_object_get_data (G_OBJECT (row), "event-id") : NULL;
  self->selected = id != NULL ? *id : 0;
  if (self->selected != 0)
    event = hearsay_project_get_event (self->project, self->selected, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), event ? hearsay_event_get_name (event) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry),
                         event && hearsay_event_get_date (event) ? hearsay_event_get_date (event) : "");
  g_clear_object (&event);
  show_error (self, NULL);
  refresh_documents (self);
}

/* The entries' name and date; NULL and an error shown when they are not valid. */
static HearsayEvent *
read_entries (HearsayEventsDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));
  unsigned y, m, d;
  char end;

  if (*name == '\0')
    {
      show_error (self, _("An event needs a name."));
      return NULL;
    }
  if (*date != '\0'
      && (strlen (date) != 10 || sscanf (date, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3
          || date[4] != '-' || date[7] != '-'
          || !g_date_valid_dmy (d, m, y)))
    {
      show_error (self, _("The date must be a valid YYYY-MM-DD date, or empty."));
      return NULL;
    }
  show_error (self, NULL);
  return hearsay_event_new (name, *date != '\0' ? date : NULL);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HearsayEventsDialog *self = HEARSAY_EVENTS_DIALOG (widget);
  g_autoptr(HearsayEvent) event = read_entries (self);
  g_autoptr(GError) error = NULL;

  if (event == NULL)
    return;
  if (!hearsay_project_save_event (self->project, event, &error))
    {
      show_error (self, error->message);
      return;
    }
  self->selected = hearsay_event_get_id (event);
  refresh_events (self);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HearsayEventsDialog *self = HEARSAY_EVENTS_DIALOG (widget);
  g_autoptr(HearsayEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  if (self->selected == 0)
    return;
  event = read_entries (self);
  if (event == NULL)
    return;
  hearsay_event_set_id (event, self->selected);
  if (!hearsay_project_save_event (self->project, event, &error))
    show_error (self, error->message);
  refresh_events (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HearsayEventsDialog *self = HEARSAY_EVENTS_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->selected == 0)
    return;
  if (!hearsay_project_delete_event (self->project, self->selected, &error))
    show_error (self, error->message);
  self->selected = 0;
  refresh_events (self);
  on_event_selected (self, NULL);
}

static void
set_document (HearsayEventsDialog *self,
              gint64               document_id,
              gint64               event_id)
{
  g_autoptr(GError) error = NULL;

  if (!hearsay_project_set_document_event (self->project, &document_id, 1, event_id, &error))
    show_error (self, error->message);
  refresh_events (self);
}

static void
add_document_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HearsayEventsDialog *self = HEARSAY_EVENTS_DIALOG (widget);

  if (self->selected != 0)
    set_document (self, g_variant_get_int64 (parameter), self->selected);
}

static void
remove_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  set_document (HEARSAY_EVENTS_DIALOG (widget), g_variant_get_int64 (parameter), 0);
}

static void
hearsay_events_dialog_finalize (GObject *object)
{
  HearsayEventsDialog *self = HEARSAY_EVENTS_DIALOG (object);

  g_clear_object (&self->project);
  g_array_unref (self->suggested);
  G_OBJECT_CLASS (hearsay_events_dialog_parent_class)->finalize (object);
}

static void
hearsay_events_dialog_class_init (HearsayEventsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hearsay_events_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/dialogs/hearsay-events-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayEventsDialog, event_list);
  gtk_widget_class_bind_template_child (widget_class, HearsayEventsDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayEventsDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayEventsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayEventsDialog, member_list);
  gtk_widget_class_bind_template_child (widget_class, HearsayEventsDialog, suggested_list);
  gtk_widget_class_bind_template_child (widget_class, HearsayEventsDialog, other_list);
  gtk_widget_class_bind_template_callback (widget_class, on_event_selected);
  gtk_widget_class_install_action (widget_class, "events.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "events.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "events.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "events.add-document", "x", add_document_action);
  gtk_widget_class_install_action (widget_class, "events.remove-document", "x", remove_document_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearsay_events_dialog_init (HearsayEventsDialog *self)
{
  self->suggested = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  add_placeholder (self->event_list, _("No events yet."));
  add_placeholder (self->member_list, _("No documents."));
  add_placeholder (self->suggested_list, _("No suggestions."));
  add_placeholder (self->other_list, _("No other documents."));
}

HearsayEventsDialog *
hearsay_events_dialog_new (GtkWindow      *parent,
                           HearsayProject *project)
{
  HearsayEventsDialog *self = g_object_new (HEARSAY_TYPE_EVENTS_DIALOG,
                                            "transient-for", parent,
                                            NULL);

  self->project = g_object_ref (project);
  refresh_events (self);
  return self;
}

void
hearsay_events_dialog_select_event (HearsayEventsDialog *self,
                                    gint64               id)
{
  GtkListBoxRow *row = NULL;

  g_return_if_fail (HEARSAY_IS_EVENTS_DIALOG (self));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->event_list, i)) != NULL; i++)
    {
      const gint64 *row_id = g_object_get_data (G_OBJECT (row), "event-id");

      if (row_id != NULL && *row_id == id)
        break;
    }
  gtk_list_box_select_row (self->event_list, row);
  on_event_selected (self, row);
}

gint64
hearsay_events_dialog_get_selected_event (HearsayEventsDialog *self)
{
  g_return_val_if_fail (HEARSAY_IS_EVENTS_DIALOG (self), 0);
  return self->selected;
}

GtkEditable *
hearsay_events_dialog_get_name_entry (HearsayEventsDialog *self)
{
  return GTK_EDITABLE (self->name_entry);
}

GtkEditable *
hearsay_events_dialog_get_date_entry (HearsayEventsDialog *self)
{
  return GTK_EDITABLE (self->date_entry);
}

GArray *
hearsay_events_dialog_dup_suggested (HearsayEventsDialog *self)
{
  g_return_val_if_fail (HEARSAY_IS_EVENTS_DIALOG (self), NULL);
  return g_array_copy (self->suggested);
}
