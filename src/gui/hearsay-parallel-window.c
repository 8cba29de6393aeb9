/* hearsay-parallel-window.c: see hearsay-parallel-window.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-parallel-window.h"

typedef struct
{
  gint64 own;           /* the claim shown in this pane */
  gint64 partner;       /* the linked claim in the other pane */
  guint partner_pane;
  gboolean contradicts;
} Link;

typedef struct
{
  GtkWidget *box;
  GtkDropDown *drop_down;
  HearsayReader *reader;
  GtkListBox *link_list;
  GArray *links;        /* of Link */
} Pane;

struct _HearsayParallelWindow
{
  GtkWindow parent_instance;

  HearsayProject *project;
  GArray *document_ids; /* of gint64, in drop-down order */
  Pane panes[HEARSAY_PARALLEL_MAX_PANES];
  gboolean loading;

  GtkToggleButton *third_toggle;
  GtkPaned *outer_paned;
  GtkPaned *inner_paned;
};

G_DEFINE_FINAL_TYPE (HearsayParallelWindow, hearsay_parallel_window, GTK_TYPE_WINDOW)

static guint
n_visible_panes (HearsayParallelWindow *self)
{
  return gtk_toggle_button_get_active (self->third_toggle) ? 3 : 2;
}

static gint64
pane_document (HearsayParallelWindow *self,
               guint                  pane)
{
  HearsayDocument *doc = hearsay_reader_get_document (self->panes[pane].reader);

  return doc != NULL ? hearsay_document_get_id (doc) : 0;
}

static char *
claim_text (HearsayProject *project,
            gint64          id)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_project_get_annotation (project, id, NULL);
  char *text;

  if (ann == NULL)
    return g_strdup ("");
  text = hearsay_annotation_dup_text (ann);
  if (g_utf8_strlen (text, -1) > 120)
    {
      char *cut = g_utf8_substring (text, 0, 119);

      g_free (text);
      text = g_strconcat (cut, "…", NULL);
      g_free (cut);
    }
  return text;
}

/* Fills @pane's links: its annotations' same_claim_as and contradicts
 * relations to annotations shown in another visible pane. */
static void
collect_links (HearsayParallelWindow *self,
               guint                  pane)
{
  Pane *p = &self->panes[pane];
  gint64 doc_id = pane_document (self, pane);
  g_autoptr(GPtrArray) annotations = NULL;

  g_array_set_size (p->links, 0);
  if (doc_id == 0 || pane >= n_visible_panes (self))
    return;
  annotations = hearsay_project_list_annotations (self->project, doc_id, NULL);
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      gint64 own = hearsay_annotation_get_id (annotations->pdata[i]);
      g_autoptr(GPtrArray) relations = hearsay_project_list_annotation_relations (self->project, own, NULL);

      for (guint r = 0; relations != NULL && r < relations->len; r++)
        {
          HearsayRelation *rel = relations->pdata[r];
          gboolean contradicts = g_strcmp0 (rel->type, "contradicts") == 0;
          g_autoptr(HearsayAnnotation) partner = NULL;
          gint64 partner_id;

          if (!contradicts && g_strcmp0 (rel->type, "same_claim_as") != 0)
            continue;
          partner_id = rel->from_id == own ? rel->to_id : rel->from_id;
          if (partner_id == 0)
            continue;
          partner = hearsay_project_get_annotation (self->project, partner_id, NULL);
          if (partner == NULL)
            continue;
          for (guint o = 0; o < n_visible_panes (self); o++)
            {
              if (o == pane || pane_document (self, o) != hearsay_annotation_get_document_id (partner)
                  || pane_document (self, o) == doc_id)
                continue;
              g_array_append_val (p->links, ((Link) { own, partner_id, o, contradicts }));
            }
        }
    }
}

static void
fill_link_list (HearsayParallelWindow *self,
                guint                  pane)
{
  Pane *p = &self->panes[pane];
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (p->link_list))) != NULL)
    gtk_list_box_remove (p->link_list, child);
  for (guint i = 0; i < p->links->len; i++)
    {
      const Link *link = &g_array_index (p->links, Link, i);
      g_autofree char *own = claim_text (self->project, link->own);
      g_autofree char *partner = claim_text (self->project, link->partner);
      g_autofree char *pane_name = g_strdup_printf (_("pane %u"), link->partner_pane + 1);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *type = gtk_label_new (link->contradicts ? _("contradicts") : _("same claim as"));
      GtkWidget *text = gtk_label_new (NULL);
      g_autofree char *markup = g_markup_printf_escaped ("%s  <span alpha=\"60%%\">→ %s (%s)</span>",
                                                         own, partner, pane_name);

      gtk_widget_add_css_class (type, "linked-claim-type");
      gtk_widget_add_css_class (type, link->contradicts ? "contradicts" : "same-claim");
      gtk_label_set_markup (GTK_LABEL (text), markup);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_widget_set_tooltip_text (box, own);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 2);
      gtk_widget_set_margin_bottom (box, 2);
      gtk_box_append (GTK_BOX (box), type);
      gtk_box_append (GTK_BOX (box), text);
      gtk_list_box_append (p->link_list, box);
    }
}

static void
refresh_links (HearsayParallelWindow *self)
{
  for (guint i = 0; i < HEARSAY_PARALLEL_MAX_PANES; i++)
    {
      collect_links (self, i);
      fill_link_list (self, i);
    }
}

void
hearsay_parallel_window_activate_claim (HearsayParallelWindow *self,
                                        guint                  pane,
                                        gint64                 annotation_id)
{
  Pane *p;
  gboolean done[HEARSAY_PARALLEL_MAX_PANES] = { FALSE, };

  g_return_if_fail (HEARSAY_IS_PARALLEL_WINDOW (self));
  g_return_if_fail (pane < HEARSAY_PARALLEL_MAX_PANES);
  p = &self->panes[pane];
  if (hearsay_reader_get_selected_annotation (p->reader) != annotation_id)
    hearsay_reader_select_annotation (p->reader, annotation_id, TRUE);
  for (guint i = 0; i < p->links->len; i++)
    {
      const Link *link = &g_array_index (p->links, Link, i);

      if (link->own != annotation_id || done[link->partner_pane])
        continue;
      done[link->partner_pane] = TRUE;
      hearsay_reader_select_annotation (self->panes[link->partner_pane].reader, link->partner, TRUE);
    }
}

static guint
pane_of_widget (HearsayParallelWindow *self,
                gpointer               widget)
{
  for (guint i = 0; i < HEARSAY_PARALLEL_MAX_PANES; i++)
    if (widget == (gpointer) self->panes[i].reader || widget == (gpointer) self->panes[i].link_list
        || widget == (gpointer) self->panes[i].drop_down)
      return i;
  g_return_val_if_reached (0);
}

static void
on_annotation_selected (HearsayReader *reader,
                        gint64         id,
                        gpointer       data)
{
  HearsayParallelWindow *self = data;

  if (id != 0)
    hearsay_parallel_window_activate_claim (self, pane_of_widget (self, reader), id);
}

static void
on_link_activated (GtkListBox    *list,
                   GtkListBoxRow *row,
                   gpointer       data)
{
  HearsayParallelWindow *self = data;
  guint pane = pane_of_widget (self, list);
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->panes[pane].links->len)
    hearsay_parallel_window_activate_claim (self, pane,
                                            g_array_index (self->panes[pane].links, Link, index).own);
}

static void
on_document_chosen (GtkDropDown *drop_down,
                    GParamSpec  *pspec,
                    gpointer     data)
{
  HearsayParallelWindow *self = data;
  guint pane = pane_of_widget (self, drop_down);
  guint index = gtk_drop_down_get_selected (drop_down);
  g_autoptr(HearsayDocument) doc = NULL;

  if (index < self->document_ids->len)
    doc = hearsay_project_load_document (self->project, g_array_index (self->document_ids, gint64, index), NULL);
  hearsay_reader_set_document (self->panes[pane].reader, doc);
  if (!self->loading)
    refresh_links (self);
}

static void
on_third_toggled (HearsayParallelWindow *self)
{
  gtk_widget_set_visible (self->panes[2].box, gtk_toggle_button_get_active (self->third_toggle));
  refresh_links (self);
}

static void
build_pane (HearsayParallelWindow *self,
            guint                  i)
{
  Pane *p = &self->panes[i];
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *heading = gtk_label_new (_("Linked claims"));
  GtkWidget *placeholder = gtk_label_new (_("No claims linked to another pane."));

  p->links = g_array_new (FALSE, FALSE, sizeof (Link));
  p->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (p->box, 280, -1);
  p->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_margin_start (GTK_WIDGET (p->drop_down), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (p->drop_down), 6);
  gtk_widget_set_margin_top (GTK_WIDGET (p->drop_down), 6);
  p->reader = g_object_new (HEARSAY_TYPE_READER, NULL);
  gtk_widget_set_vexpand (GTK_WIDGET (p->reader), TRUE);
  p->link_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_activate_on_single_click (p->link_list, TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (p->link_list, placeholder);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_start (heading, 6);
  gtk_widget_add_css_class (heading, "heading");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (p->link_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, -1, 120);
  gtk_box_append (GTK_BOX (p->box), GTK_WIDGET (p->drop_down));
  gtk_box_append (GTK_BOX (p->box), GTK_WIDGET (p->reader));
  gtk_box_append (GTK_BOX (p->box), heading);
  gtk_box_append (GTK_BOX (p->box), scrolled);
  g_signal_connect (p->drop_down, "notify::selected", G_CALLBACK (on_document_chosen), self);
  g_signal_connect (p->reader, "annotation-selected", G_CALLBACK (on_annotation_selected), self);
  g_signal_connect (p->link_list, "row-activated", G_CALLBACK (on_link_activated), self);
}

static void
hearsay_parallel_window_dispose (GObject *object)
{
  HearsayParallelWindow *self = HEARSAY_PARALLEL_WINDOW (object);

  for (guint i = 0; i < HEARSAY_PARALLEL_MAX_PANES; i++)
    if (self->panes[i].reader != NULL)
      g_signal_handlers_disconnect_by_data (self->panes[i].reader, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_PARALLEL_WINDOW);
  G_OBJECT_CLASS (hearsay_parallel_window_parent_class)->dispose (object);
}

static void
hearsay_parallel_window_finalize (GObject *object)
{
  HearsayParallelWindow *self = HEARSAY_PARALLEL_WINDOW (object);

  for (guint i = 0; i < HEARSAY_PARALLEL_MAX_PANES; i++)
    g_array_unref (self->panes[i].links);
  g_array_unref (self->document_ids);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (hearsay_parallel_window_parent_class)->finalize (object);
}

static void
hearsay_parallel_window_class_init (HearsayParallelWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearsay_parallel_window_dispose;
  object_class->finalize = hearsay_parallel_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/hearsay-parallel-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayParallelWindow, third_toggle);
  gtk_widget_class_bind_template_child (widget_class, HearsayParallelWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, HearsayParallelWindow, inner_paned);
  gtk_widget_class_bind_template_callback (widget_class, on_third_toggled);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearsay_parallel_window_init (HearsayParallelWindow *self)
{
  self->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < HEARSAY_PARALLEL_MAX_PANES; i++)
    build_pane (self, i);
  gtk_paned_set_start_child (self->outer_paned, self->panes[0].box);
  gtk_paned_set_start_child (self->inner_paned, self->panes[1].box);
  gtk_paned_set_end_child (self->inner_paned, self->panes[2].box);
  gtk_paned_set_shrink_start_child (self->outer_paned, FALSE);
  gtk_paned_set_shrink_start_child (self->inner_paned, FALSE);
  gtk_paned_set_shrink_end_child (self->inner_paned, FALSE);
  gtk_widget_set_visible (self->panes[2].box, FALSE);
}

HearsayParallelWindow *
hearsay_parallel_window_new (GtkWindow      *parent,
                             HearsayProject *project)
{
  HearsayParallelWindow *self = g_object_new (HEARSAY_TYPE_PARALLEL_WINDOW,
                                              "transient-for", parent,
                                              NULL);
  g_autoptr(GPtrArray) docs = hearsay_project_list_documents (project, NULL);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  self->project = g_object_ref (project);
  for (guint i = 0; docs != NULL && i < docs->len; i++)
    {
      HearsayDocument *doc = docs->pdata[i];
      gint64 id = hearsay_document_get_id (doc);
      const char *outlet = hearsay_document_get_outlet (doc);
      g_autofree char *title = outlet != NULL && *outlet != '\0'
                               ? g_strdup_printf ("%s — %s", outlet, hearsay_document_get_title (doc))
                               : g_strdup (hearsay_document_get_title (doc));

      g_array_append_val (self->document_ids, id);
      gtk_string_list_append (titles, title != NULL ? title : _("Untitled"));
    }
  self->loading = TRUE;
  for (guint i = 0; i < HEARSAY_PARALLEL_MAX_PANES; i++)
    {
      hearsay_reader_set_project (self->panes[i].reader, project);
      gtk_drop_down_set_model (self->panes[i].drop_down, G_LIST_MODEL (titles));
      gtk_drop_down_set_selected (self->panes[i].drop_down,
                                  MIN (i, self->document_ids->len > 0 ? self->document_ids->len - 1 : 0));
      on_document_chosen (self->panes[i].drop_down, NULL, self);
    }
  self->loading = FALSE;
  refresh_links (self);
  return self;
}

void
hearsay_parallel_window_set_documents (HearsayParallelWindow *self,
                                       const gint64          *document_ids,
                                       guint                  n_documents)
{
  g_return_if_fail (HEARSAY_IS_PARALLEL_WINDOW (self));
  self->loading = TRUE;
  for (guint i = 0; i < MIN (n_documents, HEARSAY_PARALLEL_MAX_PANES); i++)
    for (guint d = 0; d < self->document_ids->len; d++)
      if (g_array_index (self->document_ids, gint64, d) == document_ids[i])
        {
          if (gtk_drop_down_get_selected (self->panes[i].drop_down) == d)
            on_document_chosen (self->panes[i].drop_down, NULL, self);
          else
            gtk_drop_down_set_selected (self->panes[i].drop_down, d);
          break;
        }
  self->loading = FALSE;
  if (n_documents >= 3)
    gtk_toggle_button_set_active (self->third_toggle, TRUE);
  refresh_links (self);
}

HearsayReader *
hearsay_parallel_window_get_reader (HearsayParallelWindow *self,
                                    guint                  pane)
{
  g_return_val_if_fail (HEARSAY_IS_PARALLEL_WINDOW (self), NULL);
  g_return_val_if_fail (pane < HEARSAY_PARALLEL_MAX_PANES, NULL);
  return self->panes[pane].reader;
}

guint
hearsay_parallel_window_get_n_links (HearsayParallelWindow *self,
                                     guint                  pane)
{
  g_return_val_if_fail (HEARSAY_IS_PARALLEL_WINDOW (self), 0);
  g_return_val_if_fail (pane < HEARSAY_PARALLEL_MAX_PANES, 0);
  return self->panes[pane].links->len;
}
