/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-parallel-window.c: see hearsay-parallel-window.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-parallel-window.h"

/* A pane never gets narrower than this (about 45 characters of the reading
 * font): below it, the panes scroll sideways. */
#define PANE_MIN_WIDTH 360

typedef struct
{
  gint64 own;           /* the claim shown in this pane */
  gint64 own_start;     /* where it starts: the list follows the text */
  gint64 partner;       /* the linked claim in the other pane */
  guint partner_pane;
  gboolean contradicts;
  char *own_text;
  char *partner_text;
} Link;

typedef struct
{
  GtkWidget *box;
  GtkDropDown *drop_down;
  HearsayReader *reader;
  GtkListBox *link_list;
  GArray *links;        /* of Link, by own_start */
  gint64 shown_partner; /* selected here as the partner of another pane's */
} Pane;

struct _HearsayParallelWindow
{
  GtkWindow parent_instance;

  HearsayProject *project;
  GArray *document_ids; /* of gint64, in drop-down order */
  Pane panes[HEARSAY_PARALLEL_MAX_PANES];
  gboolean loading;
  guint refresh_idle;
  /* Share the width equally once the panes are allocated (at first, and
   * when the third pane comes or goes); a dragged separator stays. */
  guint equalize_tick;

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

static void
clear_link (gpointer data)
{
  Link *link = data;

  g_free (link->own_text);
  g_free (link->partner_text);
}

static char *
claim_text (HearsayAnnotation *ann)
{
  char *text = hearsay_annotation_dup_text (ann);

  if (g_utf8_strlen (text, -1) > 120)
    {
      char *cut = g_utf8_substring (text, 0, 119);

      g_free (text);
      text = g_strconcat (cut, "…", NULL);
      g_free (cut);
    }
  return text;
}

/* The cache keeps misses too (NULL). */
static void
unref_annotation (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

/* The annotation @id, read once per refresh. */
static HearsayAnnotation *
lookup_annotation (HearsayParallelWindow *self,
                   GHashTable            *cache,
                   gint64                 id)
{
  HearsayAnnotation *ann = g_hash_table_lookup (cache, &id);

  if (ann == NULL && !g_hash_table_contains (cache, &id))
    {
      ann = hearsay_project_get_annotation (self->project, id, NULL);
      g_hash_table_insert (cache, g_memdup2 (&id, sizeof id), ann);
    }
  return ann;
}

/* What the tooltip of a linked claim says about its partner in @pane. */
static char *
describe_partner (HearsayParallelWindow *self,
                  guint                  pane,
                  const char            *text,
                  gboolean               contradicts)
{
  HearsayDocument *doc = hearsay_reader_get_document (self->panes[pane].reader);
  const char *name = hearsay_document_get_outlet (doc);

  if (name == NULL || *name == '\0')
    name = hearsay_document_get_title (doc);
  if (name == NULL || *name == '\0')
    name = _("Untitled");
  /* Translators: a claim in another pane; %s are its outlet (or document
   * title) and its words */
  return contradicts ? g_strdup_printf (_("Contradicts %s: “%s”"), name, text)
                     /* Translators: as above */
                     : g_strdup_printf (_("Same claim as %s: “%s”"), name, text);
}

/* Lists @own in @pane as linked to @partner in @partner_pane and marks it
 * in that pane's text. */
static void
add_link (HearsayParallelWindow *self,
          guint                  pane,
          HearsayAnnotation     *own,
          guint                  partner_pane,
          HearsayAnnotation     *partner,
          gboolean               contradicts)
{
  Pane *p = &self->panes[pane];
  Link link = { hearsay_annotation_get_id (own), hearsay_annotation_get_start (own),
                hearsay_annotation_get_id (partner), partner_pane, contradicts, NULL, NULL };
  g_autofree char *description = NULL;

  /* A symmetric relation may be stored both ways. */
  for (guint i = 0; i < p->links->len; i++)
    {
      const Link *other = &g_array_index (p->links, Link, i);

      if (other->own == link.own && other->partner == link.partner &&
          other->partner_pane == partner_pane && other->contradicts == contradicts)
        return;
    }
  link.own_text = claim_text (own);
  link.partner_text = claim_text (partner);
  description = describe_partner (self, partner_pane, link.partner_text, contradicts);
  hearsay_reader_add_link (p->reader, link.own,
                           contradicts ? HEARSAY_READER_LINK_CONTRADICTS : HEARSAY_READER_LINK_SAME_CLAIM,
                           link.partner, description);
  g_array_append_val (p->links, link);
}

static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  const Link *x = a, *y = b;

  if (x->own_start != y->own_start)
    return x->own_start < y->own_start ? -1 : 1;
  if (x->own != y->own)
    return x->own < y->own ? -1 : 1;
  return (int) x->partner_pane - (int) y->partner_pane;
}

/* Every same_claim_as and contradicts relation between documents shown in
 * two visible panes, from the relations of those documents only (a query
 * per document, not one per annotation). */
static void
collect_links (HearsayParallelWindow *self)
{
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       unref_annotation);
  guint n = n_visible_panes (self);
  gint64 docs[HEARSAY_PARALLEL_MAX_PANES];

  for (guint i = 0; i < HEARSAY_PARALLEL_MAX_PANES; i++)
    {
      g_array_set_size (self->panes[i].links, 0);
      hearsay_reader_clear_links (self->panes[i].reader);
      docs[i] = i < n ? pane_document (self, i) : 0;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) relations = NULL;
      gboolean seen = docs[i] == 0;

      for (guint j = 0; j < i && !seen; j++)
        seen = docs[j] == docs[i];
      if (seen)
        continue;
      relations = hearsay_project_list_relations (self->project, docs[i], NULL);
      for (guint r = 0; relations != NULL && r < relations->len; r++)
        {
          HearsayRelation *rel = relations->pdata[r];
          gboolean contradicts = g_strcmp0 (rel->type, "contradicts") == 0;
          HearsayAnnotation *from, *to;
          gint64 to_doc;

          if ((!contradicts && g_strcmp0 (rel->type, "same_claim_as") != 0) || rel->to_id == 0)
            continue;
          from = lookup_annotation (self, cache, rel->from_id);
          to = lookup_annotation (self, cache, rel->to_id);
          if (from == NULL || to == NULL)
            continue;
          to_doc = hearsay_annotation_get_document_id (to);
          if (to_doc == docs[i])
            continue;
          /* Every pane showing one end, with every pane showing the other. */
          for (guint a = 0; a < n; a++)
            for (guint b = 0; b < n; b++)
              if (docs[a] == docs[i] && docs[b] == to_doc)
                {
                  add_link (self, a, from, b, to, contradicts);
                  add_link (self, b, to, a, from, contradicts);
                }
        }
    }
  for (guint i = 0; i < HEARSAY_PARALLEL_MAX_PANES; i++)
    g_array_sort (self->panes[i].links, compare_links);
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
      g_autofree char *pane_name = g_strdup_printf (_("pane %u"), link->partner_pane + 1);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *type = gtk_label_new (link->contradicts ? _("contradicts") : _("same claim as"));
      GtkWidget *text = gtk_label_new (NULL);
      g_autofree char *markup = g_markup_printf_escaped ("%s  <span alpha=\"60%%\">→ %s (%s)</span>",
                                                         link->own_text, link->partner_text, pane_name);

      gtk_widget_add_css_class (type, "linked-claim-type");
      gtk_widget_add_css_class (type, link->contradicts ? "contradicts" : "same-claim");
      gtk_label_set_markup (GTK_LABEL (text), markup);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_widget_set_tooltip_text (box, link->own_text);
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
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  collect_links (self);
  for (guint i = 0; i < HEARSAY_PARALLEL_MAX_PANES; i++)
    fill_link_list (self, i);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  HearsayParallelWindow *self = data;

  self->refresh_idle = 0;
  refresh_links (self);
  return G_SOURCE_REMOVE;
}

/* Links made, removed or retyped in the main window while this one is
 * open: several edits in one go cost one refresh. */
static void
queue_refresh (HearsayParallelWindow *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

static void
on_relations_changed (HearsayProject        *project,
                      gint64                 from_id,
                      gint64                 to_id,
                      HearsayParallelWindow *self)
{
  queue_refresh (self);
}

static void
on_annotation_changed (HearsayProject        *project,
                       gint64                 document_id,
                       gint64                 annotation_id,
                       HearsayParallelWindow *self)
{
  for (guint i = 0; i < n_visible_panes (self); i++)
    if (pane_document (self, i) == document_id)
      {
        queue_refresh (self);
        return;
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
  p->shown_partner = 0;
  if (hearsay_reader_get_selected_annotation (p->reader) != annotation_id)
    hearsay_reader_reveal_annotation (p->reader, annotation_id);
  done[pane] = TRUE;
  for (guint i = 0; i < p->links->len; i++)
    {
      const Link *link = &g_array_index (p->links, Link, i);
      Pane *other = &self->panes[link->partner_pane];

      if (link->own != annotation_id || done[link->partner_pane])
        continue;
      done[link->partner_pane] = TRUE;
      hearsay_reader_reveal_annotation (other->reader, link->partner);
      other->shown_partner = link->partner;
    }
  /* A partner outlined for an earlier selection would now mislead; what the
   * user selected there stays. */
  for (guint i = 0; i < HEARSAY_PARALLEL_MAX_PANES; i++)
    if (!done[i] && self->panes[i].shown_partner != 0)
      {
        if (hearsay_reader_get_selected_annotation (self->panes[i].reader) == self->panes[i].shown_partner)
          hearsay_reader_select_annotation (self->panes[i].reader, 0, FALSE);
        self->panes[i].shown_partner = 0;
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

  /* 0 too: nothing selected here, no partner outlined there. */
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

/* Return in a pane's text (the reader view maps it to this name): activates
 * the claim at the caret, which selects its partners and scrolls to them. */
static void
activate_at_cursor (HearsayParallelWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (guint i = 0; focus != NULL && i < n_visible_panes (self); i++)
    {
      HearsayReader *reader = self->panes[i].reader;
      gint64 id;
      gboolean linked = FALSE;

      if (!gtk_widget_is_ancestor (focus, GTK_WIDGET (reader)))
        continue;
      id = hearsay_reader_get_annotation_at_cursor (reader);
      if (id == 0)
        {
          hearsay_reader_show_hint (reader, _("No annotation at the cursor"));
          return;
        }
      hearsay_parallel_window_activate_claim (self, i, id);
      for (guint l = 0; l < self->panes[i].links->len && !linked; l++)
        linked = g_array_index (self->panes[i].links, Link, l).own == id;
      if (!linked)
        hearsay_reader_show_hint (reader, _("Not linked to a claim in another pane"));
      return;
    }
}

/* The width of @paned's handle, once allocated. */
static int
handle_width (GtkPaned *paned)
{
  GtkWidget *start = gtk_paned_get_start_child (paned);
  GtkWidget *end = gtk_paned_get_end_child (paned);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (paned)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != start && child != end)
      return gtk_widget_get_width (child);
  return 0;
}

/* The outer separator first, then (once the inner paned has its new
 * width, a frame later) the inner one. */
static gboolean
equalize_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  HearsayParallelWindow *self = data;
  guint n = n_visible_panes (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self->outer_paned));
  int handle = handle_width (self->outer_paned);
  int first, inner;

  if (width <= 0 || handle <= 0 || (n == 3 && handle_width (self->inner_paned) <= 0))
    return G_SOURCE_CONTINUE;
  first = (width - (int) (n - 1) * handle) / (int) n;
  inner = gtk_widget_get_width (GTK_WIDGET (self->inner_paned));
  if (gtk_paned_get_position (self->outer_paned) != first || inner != width - first - handle)
    {
      gtk_paned_set_position (self->outer_paned, first);
      return G_SOURCE_CONTINUE;
    }
  if (n == 3)
    gtk_paned_set_position (self->inner_paned, (inner - handle_width (self->inner_paned)) / 2);
  self->equalize_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_equalize (HearsayParallelWindow *self)
{
  if (self->equalize_tick == 0)
    self->equalize_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), equalize_tick, self, NULL);
}

/* Three panes need about 1100 px: a narrower window grows to fit them when
 * the screen allows it (else the panes scroll). */
static void
grow_for_panes (HearsayParallelWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  int needed = (int) n_visible_panes (self) * (PANE_MIN_WIDTH + 12);
  int width, height;

  if (gtk_window_is_maximized (GTK_WINDOW (self)) || gtk_window_is_fullscreen (GTK_WINDOW (self)))
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    width = gtk_widget_get_width (GTK_WIDGET (self));
  if (surface != NULL)
    {
      GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
      GdkRectangle area;

      if (monitor != NULL)
        {
          gdk_monitor_get_geometry (monitor, &area);
          needed = MIN (needed, area.width);
        }
    }
  if (width < needed)
    gtk_window_set_default_size (GTK_WINDOW (self), needed, height);
}

static void
on_third_toggled (HearsayParallelWindow *self)
{
  gtk_widget_set_visible (self->panes[2].box, gtk_toggle_button_get_active (self->third_toggle));
  grow_for_panes (self);
  queue_equalize (self);
  refresh_links (self);
}

/* The drop-down shows the chosen title ellipsized, so a long title does not
 * widen its pane; the list shows titles whole. */
static void
setup_title (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  else
    gtk_label_set_max_width_chars (GTK_LABEL (label), 80);
  gtk_list_item_set_child (item, label);
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (string));
}

static GtkListItemFactory *
title_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_title), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_title), NULL);
  return factory;
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
  g_array_set_clear_func (p->links, clear_link);
  p->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (p->box, PANE_MIN_WIDTH, -1);
  p->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  {
    g_autoptr(GtkListItemFactory) shown = title_factory (TRUE);
    g_autoptr(GtkListItemFactory) listed = title_factory (FALSE);

    gtk_drop_down_set_factory (p->drop_down, shown);
    gtk_drop_down_set_list_factory (p->drop_down, listed);
  }
  gtk_widget_set_margin_start (GTK_WIDGET (p->drop_down), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (p->drop_down), 6);
  gtk_widget_set_margin_top (GTK_WIDGET (p->drop_down), 6);
  p->reader = g_object_new (HEARSAY_TYPE_READER, NULL);
  /* Reading only: the panes do not annotate, so the palette would mislead. */
  hearsay_reader_set_palette_visible (p->reader, FALSE);
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
  /* Return in a pane (the reader's reader.inspect). */
  g_signal_connect_swapped (p->reader, "inspect-requested", G_CALLBACK (activate_at_cursor), self);
  g_signal_connect (p->link_list, "row-activated", G_CALLBACK (on_link_activated), self);
}

static void
hearsay_parallel_window_dispose (GObject *object)
{
  HearsayParallelWindow *self = HEARSAY_PARALLEL_WINDOW (object);

  for (guint i = 0; i < HEARSAY_PARALLEL_MAX_PANES; i++)
    if (self->panes[i].reader != NULL)
      g_signal_handlers_disconnect_by_data (self->panes[i].reader, self);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->equalize_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->equalize_tick);
  self->equalize_tick = 0;
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
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/reader/hearsay-parallel-window.ui");
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
  /* No pane narrower than its minimum, the inner pair included: the outer
   * paned used to squeeze the inner one (its third pane to ~130 px). */
  gtk_paned_set_shrink_start_child (self->outer_paned, FALSE);
  gtk_paned_set_shrink_end_child (self->outer_paned, FALSE);
  gtk_paned_set_shrink_start_child (self->inner_paned, FALSE);
  gtk_paned_set_shrink_end_child (self->inner_paned, FALSE);
  gtk_widget_set_visible (self->panes[2].box, FALSE);
  queue_equalize (self);
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
      /* Setting the model may already have loaded the document. */
      if (self->document_ids->len > 0 &&
          pane_document (self, i) != g_array_index (self->document_ids, gint64,
                                                    gtk_drop_down_get_selected (self->panes[i].drop_down)))
        on_document_chosen (self->panes[i].drop_down, NULL, self);
    }
  self->loading = FALSE;
  refresh_links (self);
  g_signal_connect_object (project, "relations-changed", G_CALLBACK (on_relations_changed), self, 0);
  g_signal_connect_object (project, "annotation-changed", G_CALLBACK (on_annotation_changed), self, 0);
  g_signal_connect_object (project, "annotation-removed", G_CALLBACK (on_annotation_changed), self, 0);
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
