/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader-highlights.c: annotations as text tags. One GtkTextTag per
 * label keeps the tag table small (DESIGN §8); edits only re-apply the range
 * of the annotation that changed. Opening a document tags the visible lines
 * at once and the rest in idle chunks of at most CHUNK_USEC, so that a
 * document with 100,000 annotations never blocks the main loop. */
#include "config.h"


#include "hearsay-reader-private.h"
#include "hearsay-scheme-ids.h"

#define HIGHLIGHT_ALPHA 0.42
/* Furniture's grey text must stay readable on its own background in the
 * dark style too: a lighter wash than a label's. */
#define FURNITURE_ALPHA 0.18
#define SELECTED_ALPHA 0.85
/* After the frame clock (GDK_PRIORITY_REDRAW, 120), before GtkTextView's
 * background layout validation (125): tagging lines that are not laid out
 * yet is cheap, tagging laid-out lines makes GTK lay them out again. */
#define APPLY_PRIORITY (GDK_PRIORITY_REDRAW + 2)
#define CHUNK_USEC 4000
/* Before the first layout the visible range is unknown: this many code
 * points from the top cover a tall window. */
#define FIRST_SCREEN_CHARS 12000

static GtkTextBuffer *
get_buffer (HearsayReader *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
}

static void
parse_color (const char *spec,
             GdkRGBA    *rgba)
{
  if (spec == NULL || !gdk_rgba_parse (rgba, spec))
    gdk_rgba_parse (rgba, "#c8c8c8");
}

/* Labels that usually span whole clauses and contain shorter ones. Their
 * tags get the lowest priorities, so that a cue or a mention nested inside
 * still shows its own background (overlapping backgrounds do not blend);
 * the container stays visible through its overlap bar. */
static const char * const container_labels[] = {
  "boilerplate", "attributed_content", "claim",
};

static gboolean
is_container (const char *label_id)
{
  return g_strv_contains ((const char * const *) container_labels, label_id);
}

static GtkTextTag *
create_label_tag (HearsayReader *self,
                  const char    *label_id,
                  const char    *color)
{
  GtkTextBuffer *buffer = get_buffer (self);
  g_autofree char *name = g_strconcat ("hearsay-label:", label_id, NULL);
  GdkRGBA rgba, line;

  parse_color (color, &rgba);
  line = rgba;
  GtkTextTag *tag;

  rgba.alpha = g_strcmp0 (label_id, HEARSAY_LABEL_BOILERPLATE) == 0 ? FURNITURE_ALPHA : HIGHLIGHT_ALPHA;
  /* Containers are told apart by the overlap bars the view draws. */
  tag = gtk_text_buffer_create_tag (buffer, name, "background-rgba", &rgba, NULL);
  if (g_strcmp0 (label_id, HEARSAY_LABEL_BOILERPLATE) == 0)
    {
      /* Furniture reads as secondary: grey text, readable on light and
       * dark backgrounds alike, and hidden when the user asks. */
      const GdkRGBA dim = { 0.5, 0.5, 0.5, 1 };

      g_object_set (tag, "foreground-rgba", &dim, "invisible", self->furniture_hidden, NULL);
    }
  hearsay_overlay_set_color (self->overlay, label_id, color);
  (void) line;
  g_hash_table_insert (self->label_tags, g_strdup (label_id), tag);
  /* The selection tag stays on top of every label. */
  if (self->selected_tag != NULL)
    gtk_text_tag_set_priority (self->selected_tag,
                               gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (buffer)) - 1);
  return tag;
}

static GtkTextTag *
lookup_label_tag (HearsayReader *self,
                  const char    *label_id)
{
  GtkTextTag *tag = g_hash_table_lookup (self->label_tags, label_id);

  /* A label the scheme no longer has keeps a neutral colour. */
  if (tag == NULL)
    tag = create_label_tag (self, label_id, NULL);
  return tag;
}

GHashTable *
hearsay_reader_entries_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
remember (GHashTable *entries,
          gint64      id,
          gint64      start,
          gint64      end)
{
  HearsayReaderEntry *entry = g_new (HearsayReaderEntry, 1);

  entry->id = id;
  entry->start = start;
  entry->end = end;
  g_hash_table_add (entries, entry);
}

void
hearsay_reader_entries_fill (GHashTable     *entries,
                             HearsayOverlay *overlay)
{
  guint n = hearsay_overlay_get_n_spans (overlay);

  for (guint i = 0; i < n; i++)
    {
      const HearsayOverlaySpan *span = hearsay_overlay_get_span (overlay, i);

      remember (entries, span->id, span->start, span->end);
    }
}

HearsayOverlaySpan *
hearsay_reader_lookup_span (HearsayReader *self,
                            gint64         id)
{
  const HearsayReaderEntry *entry = g_hash_table_lookup (self->annotations, &id);
  int i;

  if (entry == NULL)
    return NULL;
  i = hearsay_overlay_find (self->overlay, entry->id, entry->start, entry->end);
  return i >= 0 ? hearsay_overlay_get_span (self->overlay, (guint) i) : NULL;
}

void
hearsay_reader_highlights_init (HearsayReader *self)
{
  self->annotations = hearsay_reader_entries_new ();
  self->label_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->overlay = hearsay_overlay_new ();
  self->selected_ranges = g_array_new (FALSE, FALSE, sizeof (gint64));
  hearsay_reader_view_set_overlay (self->view, self->overlay);
}

void
hearsay_reader_highlights_clear (HearsayReader *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GHashTableIter iter;
  gpointer tag;

  g_hash_table_iter_init (&iter, self->label_tags);
  while (g_hash_table_iter_next (&iter, NULL, &tag))
    gtk_text_tag_table_remove (table, tag);
  g_hash_table_remove_all (self->label_tags);
  if (self->selected_tag != NULL)
    gtk_text_tag_table_remove (table, self->selected_tag);
  self->selected_tag = NULL;
  g_array_set_size (self->selected_ranges, 0);
  g_hash_table_remove_all (self->annotations);
  hearsay_overlay_clear (self->overlay);
  g_clear_handle_id (&self->apply_idle, g_source_remove);
  self->selected_id = 0;
}

void
hearsay_reader_highlights_setup (HearsayReader *self)
{
  HearsayScheme *scheme;
  guint n;

  hearsay_reader_highlights_clear (self);
  if (self->project == NULL)
    return;
  scheme = hearsay_project_get_scheme (self->project);
  n = hearsay_scheme_get_n_labels (scheme);
  /* Containers first (lowest priority), then the scheme's order. */
  for (guint c = 0; c < G_N_ELEMENTS (container_labels); c++)
    {
      const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, container_labels[c]);

      if (label != NULL)
        create_label_tag (self, label->id, label->color);
    }
  for (guint i = 0; i < n; i++)
    {
      const HearsayLabel *label = hearsay_scheme_get_label (scheme, i);

      if (!is_container (label->id))
        create_label_tag (self, label->id, label->color);
    }
  self->selected_tag = gtk_text_buffer_create_tag (get_buffer (self), "hearsay-selected", NULL);
}

static void
get_iters (HearsayReader *self,
           gint64         start,
           gint64         end,
           GtkTextIter   *s,
           GtkTextIter   *e)
{
  GtkTextBuffer *buffer = get_buffer (self);

  gtk_text_buffer_get_iter_at_offset (buffer, s, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, e, (int) end);
}

/* Tags @span's fragments, clipped to [clip_start, clip_end). */
static void
apply_annotation (HearsayReader            *self,
                  const HearsayOverlaySpan *span,
                  GtkTextTag               *tag,
                  gint64                    clip_start,
                  gint64                    clip_end)
{
  guint n = hearsay_overlay_span_get_n_fragments (span);

  for (guint i = 0; i < n; i++)
    {
      gint64 start, end;
      GtkTextIter s, e;

      hearsay_overlay_span_get_fragment (span, i, &start, &end);
      start = MAX (start, clip_start);
      end = MIN (end, clip_end);
      if (start >= end)
        continue;
      get_iters (self, start, end, &s, &e);
      gtk_text_buffer_apply_tag (get_buffer (self), tag, &s, &e);
    }
}

/* Removes every label tag in [start, end) and re-applies those of the
 * annotations that overlap it. */
static void
reapply_range (HearsayReader *self,
               gint64         start,
               gint64         end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GHashTableIter iter;
  gpointer value;
  GtkTextIter s, e;
  guint first, last;

  if (start >= end)
    return;
  get_iters (self, start, end, &s, &e);
  g_hash_table_iter_init (&iter, self->label_tags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_text_buffer_remove_tag (buffer, value, &s, &e);

  hearsay_overlay_range (self->overlay, start, end, &first, &last);
  for (guint i = first; i < last; i++)
    {
      HearsayOverlaySpan *span = hearsay_overlay_get_span (self->overlay, i);

      if (span->end <= start)
        continue;
      /* A span the background pass has not reached gets all of its range. */
      if (!span->applied)
        {
          apply_annotation (self, span, lookup_label_tag (self, span->label), 0, G_MAXINT64);
          span->applied = TRUE;
        }
      else
        apply_annotation (self, span, lookup_label_tag (self, span->label), start, end);
    }
}

static void
apply_span (HearsayReader      *self,
            HearsayOverlaySpan *span)
{
  apply_annotation (self, span, lookup_label_tag (self, span->label), 0, G_MAXINT64);
  span->applied = TRUE;
}

static void
apply_range (HearsayReader *self,
             gint64         start,
             gint64         end)
{
  guint first, last;

  hearsay_overlay_range (self->overlay, start, end, &first, &last);
  for (guint i = first; i < last; i++)
    {
      HearsayOverlaySpan *span = hearsay_overlay_get_span (self->overlay, i);

      if (!span->applied && span->end > start)
        apply_span (self, span);
    }
}

static void
apply_range_visible (HearsayReader *self)
{
  gint64 start, end;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->view)))
    return;
  hearsay_overlay_visible_range (GTK_TEXT_VIEW (self->view), &start, &end);
  apply_range (self, start, end);
}

void
hearsay_reader_highlights_apply_visible (HearsayReader *self)
{
  if (self->apply_idle == 0 || self->document == NULL)
    return;
  apply_range_visible (self);
}

static gboolean
apply_chunk (gpointer data)
{
  HearsayReader *self = data;
  gint64 deadline = g_get_monotonic_time () + CHUNK_USEC;
  guint n = hearsay_overlay_get_n_spans (self->overlay);

  /* Wherever the user has scrolled to comes first. */
  apply_range_visible (self);
  while (self->apply_cursor < n)
    {
      HearsayOverlaySpan *span = hearsay_overlay_get_span (self->overlay, self->apply_cursor++);

      if (!span->applied)
        apply_span (self, span);
      if ((self->apply_cursor & 31) == 0 && g_get_monotonic_time () > deadline)
        return G_SOURCE_CONTINUE;
    }
  self->apply_idle = 0;
  return G_SOURCE_REMOVE;
}

gboolean
hearsay_reader_highlights_pending (HearsayReader *self)
{
  return self->apply_idle != 0 || self->loading;
}

/* An edit while a thread reads the annotations: read them again after. */
static gboolean
defer_while_loading (HearsayReader *self)
{
  if (!self->loading)
    return FALSE;
  self->load_stale = TRUE;
  return TRUE;
}

void
hearsay_reader_highlights_load (HearsayReader *self)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_remove_all (self->annotations);
  hearsay_overlay_clear (self->overlay);
  g_clear_handle_id (&self->apply_idle, g_source_remove);
  hearsay_reader_loader_cancel (self);
  self->selected_id = 0;
  if (self->project == NULL || self->document == NULL)
    return;

  if (hearsay_reader_loader_start (self))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self->view));
      return;
    }
  rows = hearsay_project_list_spans (self->project,
                                     hearsay_document_get_id (self->document),
                                     &error);
  if (rows == NULL)
    {
      g_warning ("Could not load the annotations: %s", error->message);
      return;
    }
  hearsay_overlay_load (self->overlay, rows);
  hearsay_reader_entries_fill (self->annotations, self->overlay);
  hearsay_reader_highlights_start (self);
}

void
hearsay_reader_highlights_start (HearsayReader *self)
{
  gint64 start, end;

  /* The lines on screen now, the rest in the background. */
  if (self->keep_scroll)
    hearsay_overlay_visible_range (GTK_TEXT_VIEW (self->view), &start, &end);
  else
    {
      start = 0;
      end = FIRST_SCREEN_CHARS;
    }
  apply_range (self, start, end);
  self->apply_cursor = 0;
  if (hearsay_overlay_get_n_spans (self->overlay) > 0)
    self->apply_idle = g_idle_add_full (APPLY_PRIORITY, apply_chunk, self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

/* Takes the selection tag off where it was put, and only there: removing
 * it from the whole buffer invalidated every line's layout, and GTK's
 * relayout (priority 125) then held up the next click for up to half a
 * second. */
static void
untag_selected (HearsayReader *self)
{
  GtkTextBuffer *buffer = get_buffer (self);

  for (guint i = 0; i + 1 < self->selected_ranges->len; i += 2)
    {
      GtkTextIter s, e;

      get_iters (self, g_array_index (self->selected_ranges, gint64, i),
                 g_array_index (self->selected_ranges, gint64, i + 1), &s, &e);
      gtk_text_buffer_remove_tag (buffer, self->selected_tag, &s, &e);
    }
  g_array_set_size (self->selected_ranges, 0);
}

static void
tag_selected (HearsayReader      *self,
              HearsayOverlaySpan *span)
{
  guint n = hearsay_overlay_span_get_n_fragments (span);

  apply_annotation (self, span, self->selected_tag, 0, G_MAXINT64);
  for (guint i = 0; i < n; i++)
    {
      gint64 range[2];

      hearsay_overlay_span_get_fragment (span, i, &range[0], &range[1]);
      g_array_append_vals (self->selected_ranges, range, 2);
    }
}

void
hearsay_reader_highlights_select (HearsayReader *self,
                                  gint64         id)
{
  HearsayOverlaySpan *span;
  gint64 before = self->selected_id;

  if (self->selected_tag == NULL)
    return;
  untag_selected (self);
  self->selected_id = 0;
  self->overlay->selected_id = 0;

  span = hearsay_reader_lookup_span (self, id);
  if (span != NULL)
    {
      HearsayScheme *scheme = hearsay_project_get_scheme (self->project);
      const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, span->label);
      GdkRGBA background;

      /* The selection shows its own label, stronger; the view outlines it. */
      parse_color (label != NULL ? label->color : NULL, &background);
      background.alpha = SELECTED_ALPHA;
      g_object_set (self->selected_tag, "background-rgba", &background, NULL);
      self->selected_id = id;
      self->overlay->selected_id = id;
      tag_selected (self, span);
    }
  hearsay_reader_update_arcs (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  if (self->selected_id != before)
    hearsay_reader_notify_selected (self);
}

static gboolean
is_current_document (HearsayReader *self,
                     gint64         document_id)
{
  return self->document != NULL && hearsay_document_get_id (self->document) == document_id;
}

/* Drops annotation @id's span (its range in @old_start, @old_end; FALSE
 * when there was none) and puts in @annotation's, when given. */
static gboolean
replace_span (HearsayReader     *self,
              gint64             id,
              HearsayAnnotation *annotation,
              gint64            *old_start,
              gint64            *old_end)
{
  const HearsayReaderEntry *entry = g_hash_table_lookup (self->annotations, &id);
  gboolean had = entry != NULL;

  if (entry != NULL)
    {
      if (old_start != NULL)
        *old_start = entry->start;
      if (old_end != NULL)
        *old_end = entry->end;
      hearsay_overlay_remove (self->overlay, entry->id, entry->start, entry->end);
      g_hash_table_remove (self->annotations, &id);
    }
  if (annotation != NULL)
    {
      hearsay_overlay_insert (self->overlay, annotation);
      remember (self->annotations, id, hearsay_annotation_get_start (annotation),
                hearsay_annotation_get_end (annotation));
    }
  return had;
}

static void
on_annotation_added (HearsayProject    *project,
                     gint64             document_id,
                     gint64             annotation_id,
                     HearsayAnnotation *annotation,
                     HearsayReader     *self)
{
  if (!is_current_document (self, document_id))
    return;
  if (defer_while_loading (self))
    return;
  /* The signal carries the annotation as stored: no read back. */
  replace_span (self, annotation_id, annotation, NULL, NULL);
  reapply_range (self, hearsay_annotation_get_start (annotation),
                 hearsay_annotation_get_end (annotation));
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static void
on_annotation_removed (HearsayProject *project,
                       gint64          document_id,
                       gint64          annotation_id,
                       HearsayReader  *self)
{
  gint64 start = 0, end = 0;

  if (!is_current_document (self, document_id))
    return;
  if (defer_while_loading (self))
    return;
  if (!g_hash_table_contains (self->annotations, &annotation_id))
    return;
  if (self->selected_id == annotation_id)
    hearsay_reader_highlights_select (self, 0);
  replace_span (self, annotation_id, NULL, &start, &end);
  reapply_range (self, start, end);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static void
on_annotation_changed (HearsayProject *project,
                       gint64          document_id,
                       gint64          annotation_id,
                       HearsayReader  *self)
{
  g_autoptr(HearsayAnnotation) annotation = NULL;
  gint64 start, end, old_start = 0, old_end = 0;

  if (!is_current_document (self, document_id))
    return;
  if (defer_while_loading (self))
    return;
  annotation = hearsay_project_get_annotation (project, annotation_id, NULL);
  if (annotation == NULL)
    return;
  /* Only the label and the fragments matter for the highlighting. */
  start = hearsay_annotation_get_start (annotation);
  end = hearsay_annotation_get_end (annotation);
  if (replace_span (self, annotation_id, annotation, &old_start, &old_end))
    {
      start = MIN (start, old_start);
      end = MAX (end, old_end);
    }
  reapply_range (self, start, end);
  if (self->selected_id == annotation_id)
    hearsay_reader_highlights_select (self, annotation_id);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static void
on_relations_changed (HearsayProject *project,
                      gint64          from_id,
                      gint64          to_id,
                      HearsayReader  *self)
{
  if (self->selected_id != 0 && (from_id == self->selected_id || to_id == self->selected_id))
    {
      hearsay_reader_update_arcs (self);
      gtk_widget_queue_draw (GTK_WIDGET (self->view));
    }
}

void
hearsay_reader_highlights_connect (HearsayReader *self)
{
  g_signal_connect_object (self->project, "annotation-added",
                           G_CALLBACK (on_annotation_added), self, 0);
  g_signal_connect_object (self->project, "annotation-removed",
                           G_CALLBACK (on_annotation_removed), self, 0);
  g_signal_connect_object (self->project, "annotation-changed",
                           G_CALLBACK (on_annotation_changed), self, 0);
  g_signal_connect_object (self->project, "relations-changed",
                           G_CALLBACK (on_relations_changed), self, 0);
}

gint64
hearsay_reader_annotation_at_offset (HearsayReader *self,
                                     gint64         offset)
{
  g_return_val_if_fail (HEARSAY_IS_READER (self), 0);
  return hearsay_overlay_innermost_at (self->overlay, offset);
}
