/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader-nav.c: moving between annotations (Tab, Shift+Tab, the
 * annotation list), the tooltip over the text, the relations of the
 * selected annotation as arcs, and the marks of claims linked to another
 * pane. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hearsay-reader-private.h"

void
hearsay_reader_scroll_to_offset (HearsayReader *self,
                                 gint64         offset)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (HEARSAY_IS_READER (self));

  if (self->document == NULL)
    return;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) CLAMP (offset, 0, G_MAXINT));
  /* Never inside a grapheme cluster. */
  if (!gtk_text_iter_is_cursor_position (&iter))
    gtk_text_iter_backward_cursor_position (&iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  /* The mark variant also works before the lines are laid out. */
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer),
                                0.15, FALSE, 0, 0);
}

void
hearsay_reader_select_annotation (HearsayReader *self,
                                  gint64         id,
                                  gboolean       scroll)
{
  HearsayOverlaySpan *span;

  g_return_if_fail (HEARSAY_IS_READER (self));

  /* Still reading a large document: select it once it is there. */
  if (self->loading)
    {
      self->pending_select = id;
      self->pending_scroll = scroll;
      return;
    }
  hearsay_reader_highlights_select (self, id);
  span = hearsay_reader_lookup_span (self, id);
  if (span != NULL && scroll)
    hearsay_reader_scroll_to_offset (self, span->start);
}

static gboolean
span_in_view (HearsayReader      *self,
              HearsayOverlaySpan *span)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible, first, last;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) span->start);
  gtk_text_view_get_iter_location (view, &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) MAX (span->start, span->end - 1));
  gtk_text_view_get_iter_location (view, &iter, &last);
  return visible.height > 0 && first.y >= visible.y &&
         last.y + last.height <= visible.y + visible.height;
}

static void
scroll_to_span (HearsayReader      *self,
                HearsayOverlaySpan *span)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) span->start);
  if (!gtk_text_iter_is_cursor_position (&iter))
    gtk_text_iter_backward_cursor_position (&iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  /* Not at the very edge: the lines around it are context. */
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer),
                                0, TRUE, 0, 0.3);
}

#define REVEAL_MAX_FRAMES 60

void
hearsay_reader_stop_reveal (HearsayReader *self)
{
  if (self->reveal_tick != 0 && self->view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->view), self->reveal_tick);
  self->reveal_tick = 0;
}

/* GtkTextView scrolls to a mark once the lines there are laid out, but a
 * long document is laid out in the background and the scroll can be
 * dropped or land on estimated heights: until the span is in view with the
 * layout's height stable, scroll again (for at most a second). */
static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  HearsayReader *self = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  double upper = gtk_adjustment_get_upper (adjustment);
  HearsayOverlaySpan *span = NULL;
  gboolean settled = upper == self->reveal_upper;

  if (self->selected_id == self->reveal_id && self->reveal_frames++ < REVEAL_MAX_FRAMES)
    span = hearsay_reader_lookup_span (self, self->reveal_id);
  self->reveal_upper = upper;
  if (span == NULL || (span_in_view (self, span) && settled))
    {
      self->reveal_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (!span_in_view (self, span))
    scroll_to_span (self, span);
  return G_SOURCE_CONTINUE;
}

void
hearsay_reader_reveal_annotation (HearsayReader *self,
                                  gint64         id)
{
  HearsayOverlaySpan *span;

  g_return_if_fail (HEARSAY_IS_READER (self));

  if (self->loading)
    {
      hearsay_reader_select_annotation (self, id, TRUE);
      return;
    }
  hearsay_reader_highlights_select (self, id);
  span = hearsay_reader_lookup_span (self, id);
  if (span == NULL || span_in_view (self, span))
    return;
  scroll_to_span (self, span);
  self->reveal_id = id;
  self->reveal_frames = 0;
  self->reveal_upper = -1;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->view), reveal_tick, self, NULL);
}

void
hearsay_reader_reload_annotations (HearsayReader *self)
{
  gint64 selected;

  g_return_if_fail (HEARSAY_IS_READER (self));

  if (self->document == NULL)
    return;
  selected = self->selected_id;
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
    GHashTableIter iter;
    gpointer tag;
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    g_hash_table_iter_init (&iter, self->label_tags);
    while (g_hash_table_iter_next (&iter, NULL, &tag))
      gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
  }
  self->keep_scroll = TRUE;
  hearsay_reader_highlights_load (self);
  self->keep_scroll = FALSE;
  hearsay_reader_highlights_select (self, selected);
}

gboolean
hearsay_reader_move_to_annotation (HearsayReader *self,
                                   gboolean       forward)
{
  HearsayOverlay *overlay = self->overlay;
  guint n = hearsay_overlay_get_n_spans (overlay);
  const HearsayReaderEntry *current = g_hash_table_lookup (self->annotations, &self->selected_id);
  HearsayOverlaySpan *target = NULL;
  int index = current != NULL ? hearsay_overlay_find (overlay, current->id, current->start, current->end) : -1;

  if (n == 0)
    return FALSE;
  if (index >= 0)
    {
      if (forward && (guint) index + 1 < n)
        target = hearsay_overlay_get_span (overlay, index + 1);
      else if (!forward && index > 0)
        target = hearsay_overlay_get_span (overlay, index - 1);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
      GtkTextIter caret;
      gint64 offset;
      guint lo = 0, hi = n;

      gtk_text_buffer_get_iter_at_mark (buffer, &caret, gtk_text_buffer_get_insert (buffer));
      offset = gtk_text_iter_get_offset (&caret);
      /* The first span starting at or after the caret. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (hearsay_overlay_get_span (overlay, mid)->start < offset)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (forward && lo < n)
        target = hearsay_overlay_get_span (overlay, lo);
      else if (!forward && lo > 0)
        target = hearsay_overlay_get_span (overlay, lo - 1);
    }
  /* Annotations inside hidden furniture are passed over: Tab goes to what
   * can be seen. */
  if (target != NULL && hearsay_reader_range_is_hidden (self, target->start, target->end))
    {
      int at = hearsay_overlay_find (overlay, target->id, target->start, target->end);

      target = NULL;
      while (at >= 0 && (at += forward ? 1 : -1) >= 0 && (guint) at < n)
        {
          HearsayOverlaySpan *next = hearsay_overlay_get_span (overlay, (guint) at);

          if (!hearsay_reader_range_is_hidden (self, next->start, next->end))
            {
              target = next;
              break;
            }
        }
    }
  if (target == NULL)
    {
      hearsay_reader_show_hint (self, forward ? _("No annotation after this one")
                                              : _("No annotation before this one"));
      return FALSE;
    }
  hearsay_reader_select_annotation (self, target->id, TRUE);
  g_signal_emit_by_name (self, "annotation-selected", target->id);
  return TRUE;
}

static void
next_annotation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  hearsay_reader_move_to_annotation (HEARSAY_READER (widget), TRUE);
}

static void
previous_annotation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  hearsay_reader_move_to_annotation (HEARSAY_READER (widget), FALSE);
}

/* The display text of up to two of @annotation's attributes, in the
 * scheme's order. */
static void
append_key_attributes (GString            *out,
                       const HearsayLabel *label,
                       HearsayAnnotation  *annotation)
{
  guint shown = 0;

  for (guint i = 0; label != NULL && i < label->attributes->len && shown < 2; i++)
    {
      const HearsayAttributeDef *def = g_ptr_array_index (label->attributes, i);
      const char * const *values = hearsay_annotation_get_attribute_values (annotation, def->id);
      g_autoptr(GString) text = g_string_new (NULL);

      if (values == NULL || values[0] == NULL || values[0][0] == '\0')
        continue;
      if (def->kind == HEARSAY_ATTRIBUTE_BOOLEAN)
        {
          if (g_strcmp0 (values[0], "true") != 0)
            continue;
          g_string_append (text, hearsay_scheme_translate (def->name));
        }
      else
        for (guint v = 0; values[v] != NULL; v++)
          {
            const HearsayValueDef *value = hearsay_attribute_lookup_value (def, values[v]);

            if (v > 0)
              g_string_append (text, ", ");
            g_string_append (text, value != NULL ? hearsay_scheme_translate (value->name) : values[v]);
          }
      g_string_append (out, shown == 0 ? " — " : " · ");
      {
        g_autofree char *escaped = g_markup_escape_text (text->str, -1);

        g_string_append (out, escaped);
      }
      shown++;
    }
}

/* One line per partner of a linked claim. */
static void
append_link_lines (GString                  *out,
                   const HearsayOverlayLink *link)
{
  for (guint i = 0; i < link->descriptions->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (g_ptr_array_index (link->descriptions, i), -1);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, escaped);
    }
}

char *
hearsay_reader_dup_tooltip_markup (HearsayReader *self,
                                   int            x,
                                   int            y)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  HearsayScheme *scheme;
  GdkRectangle location;
  GtkTextIter iter;
  gint64 offset;
  guint first, last;
  int trailing;

  if (self->document == NULL || self->project == NULL)
    return NULL;
  /* A link's mark in the margin names the partners. */
  {
    gint64 marked = hearsay_overlay_mark_at (self->overlay, x, y);
    const HearsayOverlayLink *link = marked != 0 ? hearsay_overlay_get_link (self->overlay, marked) : NULL;

    if (link != NULL)
      {
        out = g_string_new (NULL);
        append_link_lines (out, link);
        return g_string_free (g_steal_pointer (&out), FALSE);
      }
  }
  /* The character under the point; get_iter_at_location() would round to
   * the nearest cursor position, the next character over a right half. */
  if (!gtk_text_view_get_iter_at_position (view, &iter, &trailing, x, y))
    return NULL;
  gtk_text_view_get_iter_location (view, &iter, &location);
  /* Right-to-left characters come with a negative width. */
  if (location.width < 0)
    {
      location.x += location.width;
      location.width = -location.width;
    }
  if (x < location.x - 1 || x > location.x + location.width + 1 ||
      y < location.y || y > location.y + location.height)
    return NULL;
  offset = gtk_text_iter_get_offset (&iter);
  hearsay_overlay_range (self->overlay, offset, offset + 1, &first, &last);
  for (guint i = first; i < last; i++)
    {
      HearsayOverlaySpan *span = hearsay_overlay_get_span (self->overlay, i);

      HearsayAnnotation *annotation;

      /* In position order: containers come first. The reader keeps only
       * spans: the attributes and the note are read for the few hit. */
      if (span->end <= offset || !hearsay_overlay_span_covers (span, offset))
        continue;
      annotation = hearsay_project_get_annotation (self->project, span->id, NULL);
      if (annotation != NULL)
        g_ptr_array_add (hits, annotation);
    }
  if (hits->len == 0)
    return NULL;

  scheme = hearsay_project_get_scheme (self->project);
  out = g_string_new (NULL);
  for (guint i = 0; i < hits->len; i++)
    {
      HearsayAnnotation *annotation = g_ptr_array_index (hits, i);
      const char *label_id = hearsay_annotation_get_label (annotation);
      const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, label_id);
      const char *note = hearsay_annotation_get_note (annotation);
      g_autofree char *name = NULL;

      if (label != NULL)
        name = g_markup_escape_text (hearsay_scheme_translate (label->name), -1);
      else
        {
          /* Translators: %s is a label identifier the scheme no longer has */
          g_autofree char *unknown = g_strdup_printf (_("Unknown label (%s)"), label_id);

          name = g_markup_escape_text (unknown, -1);
        }
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "<b>%s</b>", name);
      append_key_attributes (out, label, annotation);
      if (note != NULL && note[0] != '\0')
        {
          const char *eol = strchr (note, '\n');
          g_autofree char *line = g_strndup (note, eol != NULL ? (gsize) (eol - note) : strlen (note));
          g_autofree char *escaped = g_markup_escape_text (line, -1);

          g_string_append_printf (out, "\n<i>%s</i>", escaped);
        }
      {
        const HearsayOverlayLink *link = hearsay_overlay_get_link (self->overlay,
                                                                   hearsay_annotation_get_id (annotation));

        if (link != NULL)
          append_link_lines (out, link);
      }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
on_query_tooltip (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard_mode,
                  GtkTooltip    *tooltip,
                  HearsayReader *self)
{
  g_autofree char *markup = NULL;
  int bx, by;

  if (keyboard_mode)
    return FALSE;
  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (widget), GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &bx, &by);
  markup = hearsay_reader_dup_tooltip_markup (self, bx, by);
  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

void
hearsay_reader_update_arcs (HearsayReader *self)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *arcs = g_ptr_array_new_with_free_func ((GDestroyNotify) hearsay_overlay_arc_free);
  HearsayScheme *scheme;

  if (self->project == NULL || self->selected_id == 0)
    {
      hearsay_overlay_set_arcs (self->overlay, arcs);
      return;
    }
  scheme = hearsay_project_get_scheme (self->project);
  relations = hearsay_project_list_annotation_relations (self->project, self->selected_id, &error);
  if (relations == NULL)
    {
      g_warning ("Could not load the relations: %s", error->message);
      hearsay_overlay_set_arcs (self->overlay, arcs);
      return;
    }
  for (guint i = 0; i < relations->len; i++)
    {
      HearsayRelation *relation = g_ptr_array_index (relations, i);
      const HearsayRelationType *type = hearsay_scheme_lookup_relation_type (scheme, relation->type);
      const char *name = type != NULL ? hearsay_scheme_translate (type->name) : relation->type;
      gint64 partner = relation->from_id == self->selected_id ? relation->to_id : relation->from_id;
      g_autofree char *text = NULL;

      if (relation->to_entity_id != 0)
        {
          g_autoptr(HearsayEntity) entity = hearsay_project_get_entity (self->project,
                                                                        relation->to_entity_id, NULL);

          /* Translators: a relation type and the entity it links to */
          text = entity != NULL ? g_strdup_printf (_("%s: %s"), name, hearsay_entity_get_name (entity))
                                : g_strdup (name);
          g_ptr_array_add (arcs, hearsay_overlay_arc_new (relation->from_id, 0, text));
        }
      else if (partner != 0 && g_hash_table_contains (self->annotations, &partner))
        g_ptr_array_add (arcs, hearsay_overlay_arc_new (relation->from_id, relation->to_id, name));
      else if (hearsay_overlay_has_partner (self->overlay, self->selected_id, partner))
        /* Shown in another pane: the link's mark says so already, and a
         * side-by-side pane's margin is too narrow for the label. */
        continue;
      else
        {
          /* Translators: a relation type whose partner is in another document */
          text = g_strdup_printf (_("%s (other document)"), name);
          g_ptr_array_add (arcs, hearsay_overlay_arc_new (self->selected_id, 0, text));
        }
    }
  hearsay_overlay_set_arcs (self->overlay, arcs);
}

gint64
hearsay_reader_get_annotation_at_cursor (HearsayReader *self)
{
  GtkTextBuffer *buffer;
  HearsayOverlaySpan *span;
  GtkTextIter caret;
  gint64 offset;

  g_return_val_if_fail (HEARSAY_IS_READER (self), 0);

  if (self->document == NULL)
    return 0;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_iter_at_mark (buffer, &caret, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&caret);
  /* Tab leaves the caret at the start of what it selected, where a nested
   * annotation may begin too: the selection wins. */
  span = hearsay_reader_lookup_span (self, self->selected_id);
  if (span != NULL && hearsay_overlay_span_covers (span, offset))
    return span->id;
  return hearsay_overlay_innermost_at (self->overlay, offset);
}

void
hearsay_reader_add_link (HearsayReader         *self,
                         gint64                 id,
                         HearsayReaderLinkKind  kind,
                         gint64                 partner_id,
                         const char            *description)
{
  g_autofree char *line = NULL;

  g_return_if_fail (HEARSAY_IS_READER (self));

  /* The tooltip line starts with the sign on the claim's margin mark. */
  if (description != NULL)
    line = g_strconcat (kind == HEARSAY_READER_LINK_CONTRADICTS ? "≠ " : "= ", description, NULL);
  hearsay_overlay_add_link (self->overlay, id, kind, partner_id, line);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

void
hearsay_reader_clear_links (HearsayReader *self)
{
  g_return_if_fail (HEARSAY_IS_READER (self));

  hearsay_overlay_clear_links (self->overlay);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

HearsayReaderLinkKind
hearsay_reader_get_link_kind (HearsayReader *self,
                              gint64         id)
{
  const HearsayOverlayLink *link;

  g_return_val_if_fail (HEARSAY_IS_READER (self), HEARSAY_READER_LINK_NONE);

  link = hearsay_overlay_get_link (self->overlay, id);
  return link != NULL ? (HearsayReaderLinkKind) link->kinds : HEARSAY_READER_LINK_NONE;
}

void
hearsay_reader_nav_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "reader.next-annotation", NULL,
                                   next_annotation_action);
  gtk_widget_class_install_action (widget_class, "reader.previous-annotation", NULL,
                                   previous_annotation_action);
}

void
hearsay_reader_nav_init (HearsayReader *self)
{
  g_signal_connect (self->view, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}
