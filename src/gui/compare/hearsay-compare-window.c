/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-window.c: see hearsay-compare-window.h. The comparison is
 * computed on a worker thread with a second, read-only connection to the
 * project file (SQLite connections are not shared across threads), and
 * shown in the main thread; only the newest request is shown. The tables
 * are in hearsay-compare-table.c, the charts in hearsay-compare-chart.c,
 * the exports in hearsay-compare-export.c. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-compare-chart.h"
#include "hearsay-error.h"
#include "hearsay-compare-table.h"
#include "hearsay-compare-window-private.h"

struct _HearsayCompareWindow
{
  GtkWindow parent_instance;

  HearsayProject *project;
  HearsayComparison *comparison;
  GCancellable *cancellable;
  guint generation;
  gboolean busy;
  GPtrArray *events;        /* HearsayEvent *, in drop-down order after "All documents" */
  GArray *document_ids;     /* gint64, parallel to checks */
  GPtrArray *checks;        /* GtkCheckButton * */
  GArray *chosen;           /* gint64: the chosen documents; empty: the drop-down's choice */

  /* Template children */
  GtkDropDown *event_dropdown;
  GtkMenuButton *choose_button;
  GtkPopover *choose_popover;
  GtkBox *document_box;
  GtkButton *clear_button;
  GtkButton *apply_button;
  GtkLabel *subtitle_label;
  GtkSpinner *spinner;
  GtkStack *stack;
};

G_DEFINE_FINAL_TYPE (HearsayCompareWindow, hearsay_compare_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The pages */

static int
chart_of_section (const char *section)
{
  if (g_str_equal (section, "sources"))
    return HEARSAY_COMPARISON_CHART_SOURCES;
  if (g_str_equal (section, "persuasion"))
    return HEARSAY_COMPARISON_CHART_PERSUASION;
  if (g_str_equal (section, "chains"))
    return HEARSAY_COMPARISON_CHART_CHAINS;
  return -1;
}

static GtkWidget *
build_page (HearsayCompareWindow *self,
            const char           *section)
{
  GtkWidget *table = hearsay_compare_table_new (self->comparison, section);
  int chart = chart_of_section (section);
  GtkWidget *area, *scrolled, *paned;
  int width, height;

  if (chart < 0)
    return table;
  area = hearsay_compare_chart_new (self->comparison, chart);
  gtk_widget_set_hexpand (area, chart != HEARSAY_COMPARISON_CHART_CHAINS);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), area);
  paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_paned_set_start_child (GTK_PANED (paned), scrolled);
  gtk_paned_set_end_child (GTK_PANED (paned), table);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  hearsay_compare_chart_get_size (self->comparison, chart, &width, &height);
  gtk_paned_set_position (GTK_PANED (paned), MIN (height, 440));
  gtk_widget_set_vexpand (paned, TRUE);
  return paned;
}

static void
show_comparison (HearsayCompareWindow *self)
{
  const char * const *sections = hearsay_comparison_get_sections ();

  /* The pages stay; their contents change (GTK 4.8's stack sidebar does
   * not survive pages being removed under it). */
  for (guint i = 0; sections[i] != NULL; i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (self->stack, sections[i]);
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (page)) != NULL)
        gtk_box_remove (GTK_BOX (page), child);
      gtk_box_append (GTK_BOX (page), build_page (self, sections[i]));
    }
}

static void
add_pages (HearsayCompareWindow *self)
{
  const char * const *sections = hearsay_comparison_get_sections ();

  for (guint i = 0; sections[i] != NULL; i++)
    {
      GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_stack_add_titled (self->stack, page, sections[i], hearsay_comparison_get_section_title (sections[i]));
    }
}

/* Computing */

typedef struct
{
  char *path;
  gboolean read_only;
  gint64 event_id;
  GArray *ids;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_array_unref (job->ids);
  g_free (job);
}

static HearsayComparison *
job_run (Job             *job,
         HearsayProject  *project,
         GError         **error)
{
  if (job->event_id > 0)
    return hearsay_comparison_new_for_event (project, job->event_id, error);
  return hearsay_comparison_new (project, (const gint64 *) job->ids->data, job->ids->len, error);
}

static void
compute_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = NULL;
  HearsayComparison *comparison;

  /* A connection of its own, so the window stays responsive. Read-write
   * when the project is, so that the per-document figures it rebuilds are
   * kept for the next comparison; read-only (rebuilt in memory) when the
   * project is, or while an edit holds the file longer than the timeout. */
  project = hearsay_project_open (job->path, job->read_only ? HEARSAY_PROJECT_OPEN_READ_ONLY
                                                            : HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  comparison = project != NULL ? job_run (job, project, &error) : NULL;
  if (comparison == NULL && !job->read_only &&
      g_error_matches (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_BUSY))
    {
      g_clear_error (&error);
      g_clear_object (&project);
      project = hearsay_project_open (job->path, HEARSAY_PROJECT_OPEN_READ_ONLY, &error);
      comparison = project != NULL ? job_run (job, project, &error) : NULL;
    }
  if (comparison == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, comparison, g_object_unref);
}

static void
update_subtitle (HearsayCompareWindow *self,
                 const char           *message)
{
  g_autofree char *text = NULL, *docs = NULL, *outlets = NULL;
  guint n_docs, n_outlets;

  if (message != NULL || self->comparison == NULL)
    {
      gtk_label_set_text (self->subtitle_label, message ? message : _("Computing…"));
      return;
    }
  n_docs = hearsay_comparison_get_n_documents (self->comparison);
  n_outlets = hearsay_comparison_get_n_outlets (self->comparison);
  docs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n_docs), n_docs);
  outlets = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u outlet", "%u outlets", n_outlets), n_outlets);
  text = g_strdup_printf ("%s · %s", docs, outlets);
  gtk_label_set_text (self->subtitle_label, text);
}

void
hearsay_compare_window_show_message (HearsayCompareWindow *self,
                                     const char           *message)
{
  g_return_if_fail (HEARSAY_IS_COMPARE_WINDOW (self));
  update_subtitle (self, message);
}

static void
set_exports_enabled (HearsayCompareWindow *self,
                     gboolean              enabled)
{
  static const char * const actions[] = {
    "compare.export-csv", "compare.export-svg", "compare.export-png", "compare.export-html",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], enabled);
}

static void
set_comparison (HearsayCompareWindow *self,
                HearsayComparison    *comparison)
{
  g_set_object (&self->comparison, comparison);
  show_comparison (self);
  update_subtitle (self, NULL);
  set_exports_enabled (self, TRUE);
}

static void
compute_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(HearsayCompareWindow) self = data;
  Job *job = g_task_get_task_data (G_TASK (result));
  guint generation = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "hearsay-generation"));
  g_autoptr(HearsayComparison) comparison = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GError) error = NULL;

  if (generation != self->generation || self->project == NULL)
    return;
  /* Should the second connection fail, compute here, on the window's own. */
  if (comparison == NULL)
    comparison = job_run (job, self->project, &error);
  self->busy = FALSE;
  gtk_spinner_stop (self->spinner);
  if (comparison == NULL)
    {
      update_subtitle (self, error->message);
      return;
    }
  set_comparison (self, comparison);
}

static void
recompute (HearsayCompareWindow *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);
  guint selected = gtk_drop_down_get_selected (self->event_dropdown);

  job->path = g_strdup (hearsay_project_get_path (self->project));
  job->read_only = hearsay_project_get_read_only (self->project);
  job->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (self->chosen->len > 0)
    g_array_append_vals (job->ids, self->chosen->data, self->chosen->len);
  else if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->events->len)
    job->event_id = hearsay_event_get_id (g_ptr_array_index (self->events, selected - 1));
  else
    g_array_append_vals (job->ids, self->document_ids->data, self->document_ids->len);

  self->generation++;
  self->busy = TRUE;
  gtk_spinner_start (self->spinner);
  if (self->comparison == NULL)
    update_subtitle (self, NULL);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, compute_done, g_object_ref (self));
  g_object_set_data (G_OBJECT (task), "hearsay-generation", GUINT_TO_POINTER (self->generation));
  g_task_set_task_data (task, job, job_free);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, compute_thread);
}

/* Choosing */

static void
load_choices (HearsayCompareWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = hearsay_project_list_events (self->project, &error);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("All documents"));
  if (events == NULL)
    {
      g_warning ("Could not list the events: %s", error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      HearsayEvent *event = g_ptr_array_index (events, i);
      guint n = hearsay_event_get_n_documents (event);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n), n);
      g_autofree char *name = NULL;

      if (hearsay_event_get_date (event) != NULL)
        name = g_strdup_printf ("%s, %s (%s)", hearsay_event_get_name (event), hearsay_event_get_date (event), count);
      else
        name = g_strdup_printf ("%s (%s)", hearsay_event_get_name (event), count);
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->events, g_object_ref (event));
    }
  gtk_drop_down_set_model (self->event_dropdown, G_LIST_MODEL (names));

  documents = hearsay_project_list_documents (self->project, &error);
  if (documents == NULL)
    {
      g_warning ("Could not list the documents: %s", error->message);
      return;
    }
  for (guint i = 0; i < documents->len; i++)
    {
      HearsayDocument *doc = g_ptr_array_index (documents, i);
      const char *title = hearsay_document_get_title (doc);
      const char *outlet = hearsay_document_get_outlet (doc);
      g_autofree char *label = g_strdup_printf ("%s — %s", title && *title ? title : _("Untitled"),
                                                outlet && *outlet ? outlet : _("(no outlet)"));
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *text = gtk_label_new (label);
      gint64 id = hearsay_document_get_id (doc);

      /* Long titles are shortened (in full in the tooltip) rather than
       * widen the popover past the window. */
      gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (text), 70);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_widget_set_tooltip_text (check, label);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), text);

      gtk_box_append (self->document_box, check);
      g_ptr_array_add (self->checks, check);
      g_array_append_val (self->document_ids, id);
    }
}

static void
on_event_selected (GtkDropDown          *dropdown,
                   GParamSpec           *pspec,
                   HearsayCompareWindow *self)
{
  if (self->chosen->len > 0)
    {
      g_array_set_size (self->chosen, 0);
      for (guint i = 0; i < self->checks->len; i++)
        gtk_check_button_set_active (g_ptr_array_index (self->checks, i), FALSE);
      gtk_menu_button_set_label (self->choose_button, _("Choose Documents…"));
    }
  recompute (self);
}

static void
apply_chosen (HearsayCompareWindow *self)
{
  g_array_set_size (self->chosen, 0);
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_array_append_val (self->chosen, g_array_index (self->document_ids, gint64, i));
  if (self->chosen->len > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Chosen Document",
                                                             "%u Chosen Documents", self->chosen->len),
                                                self->chosen->len);

      gtk_menu_button_set_label (self->choose_button, label);
    }
  else
    gtk_menu_button_set_label (self->choose_button, _("Choose Documents…"));
  recompute (self);
}

static void
on_apply_clicked (GtkButton            *button,
                  HearsayCompareWindow *self)
{
  gtk_popover_popdown (self->choose_popover);
  apply_chosen (self);
}

static void
on_clear_clicked (GtkButton            *button,
                  HearsayCompareWindow *self)
{
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i), FALSE);
  gtk_popover_popdown (self->choose_popover);
  apply_chosen (self);
}

/* The object */

static void
hearsay_compare_window_constructed (GObject *object)
{
  HearsayCompareWindow *self = HEARSAY_COMPARE_WINDOW (object);

  G_OBJECT_CLASS (hearsay_compare_window_parent_class)->constructed (object);

  g_return_if_fail (self->project != NULL);
  add_pages (self);
  load_choices (self);
  g_signal_connect (self->event_dropdown, "notify::selected", G_CALLBACK (on_event_selected), self);
  recompute (self);
}

static void
hearsay_compare_window_dispose (GObject *object)
{
  HearsayCompareWindow *self = HEARSAY_COMPARE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  g_clear_object (&self->comparison);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_COMPARE_WINDOW);

  G_OBJECT_CLASS (hearsay_compare_window_parent_class)->dispose (object);
}

static void
hearsay_compare_window_finalize (GObject *object)
{
  HearsayCompareWindow *self = HEARSAY_COMPARE_WINDOW (object);

  g_ptr_array_unref (self->events);
  g_array_unref (self->document_ids);
  g_ptr_array_unref (self->checks);
  g_array_unref (self->chosen);

  G_OBJECT_CLASS (hearsay_compare_window_parent_class)->finalize (object);
}

static void
hearsay_compare_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  HearsayCompareWindow *self = HEARSAY_COMPARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_compare_window_class_init (HearsayCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hearsay_compare_window_constructed;
  object_class->dispose = hearsay_compare_window_dispose;
  object_class->finalize = hearsay_compare_window_finalize;
  object_class->set_property = hearsay_compare_window_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, HEARSAY_TYPE_PROJECT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/compare/hearsay-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayCompareWindow, event_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearsayCompareWindow, choose_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayCompareWindow, choose_popover);
  gtk_widget_class_bind_template_child (widget_class, HearsayCompareWindow, document_box);
  gtk_widget_class_bind_template_child (widget_class, HearsayCompareWindow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayCompareWindow, apply_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayCompareWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayCompareWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, HearsayCompareWindow, stack);

  gtk_widget_class_install_action (widget_class, "compare.export-csv", NULL, hearsay_compare_window_export_action);
  gtk_widget_class_install_action (widget_class, "compare.export-svg", NULL, hearsay_compare_window_export_action);
  gtk_widget_class_install_action (widget_class, "compare.export-png", NULL, hearsay_compare_window_export_action);
  gtk_widget_class_install_action (widget_class, "compare.export-html", NULL, hearsay_compare_window_export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearsay_compare_window_init (HearsayCompareWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  self->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_ptr_array_new ();
  self->chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (self->apply_button, "clicked", G_CALLBACK (on_apply_clicked), self);
  g_signal_connect (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked), self);
  set_exports_enabled (self, FALSE);
}

HearsayCompareWindow *
hearsay_compare_window_new (GtkWindow      *parent,
                            HearsayProject *project)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (project), NULL);

  return g_object_new (HEARSAY_TYPE_COMPARE_WINDOW,
                       "project", project,
                       "transient-for", parent,
                       NULL);
}

void
hearsay_compare_window_set_event (HearsayCompareWindow *self,
                                  gint64                event_id)
{
  g_return_if_fail (HEARSAY_IS_COMPARE_WINDOW (self));

  for (guint i = 0; i < self->events->len; i++)
    if (hearsay_event_get_id (g_ptr_array_index (self->events, i)) == event_id)
      {
        gtk_drop_down_set_selected (self->event_dropdown, i + 1);
        return;
      }
  gtk_drop_down_set_selected (self->event_dropdown, 0);
}

void
hearsay_compare_window_set_documents (HearsayCompareWindow *self,
                                      const gint64         *document_ids,
                                      guint                 n_documents)
{
  g_return_if_fail (HEARSAY_IS_COMPARE_WINDOW (self));

  for (guint i = 0; i < self->checks->len; i++)
    {
      gboolean active = FALSE;

      for (guint j = 0; j < n_documents && !active; j++)
        active = document_ids[j] == g_array_index (self->document_ids, gint64, i);
      gtk_check_button_set_active (g_ptr_array_index (self->checks, i), active);
    }
  apply_chosen (self);
}

HearsayComparison *
hearsay_compare_window_get_comparison (HearsayCompareWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARE_WINDOW (self), NULL);
  return self->comparison;
}

gboolean
hearsay_compare_window_is_busy (HearsayCompareWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARE_WINDOW (self), FALSE);
  return self->busy;
}

GtkStack *
hearsay_compare_window_get_stack (HearsayCompareWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARE_WINDOW (self), NULL);
  return self->stack;
}
