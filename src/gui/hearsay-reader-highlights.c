/* hearsay-reader-highlights.c: annotations as text tags. One GtkTextTag per
 * label keeps the tag table small (DESIGN §8); edits only re-apply the range
 * of the annotation that changed. */
#include "config.h"

#include "hearsay-reader-private.h"

#define HIGHLIGHT_ALPHA 0.42
#define SELECTED_ALPHA 0.85

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
 * tags get the lowest priorities and an underline in their colour, so that
 * a cue or a mention nested inside still shows its own background while the
 * container stays visible (overlapping backgrounds do not blend). */
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
  GtkTextTag *tag;

  parse_color (color, &rgba);
  line = rgba;
  rgba.alpha = HIGHLIGHT_ALPHA;
  tag = gtk_text_buffer_create_tag (buffer, name, "background-rgba", &rgba, NULL);
  if (is_container (label_id) && g_strcmp0 (label_id, "boilerplate") != 0)
    {
      line.red *= 0.7;
      line.green *= 0.7;
      line.blue *= 0.7;
      g_object_set (tag,
                    "underline", PANGO_UNDERLINE_SINGLE,
                    "underline-rgba", &line,
                    NULL);
    }
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

void
hearsay_reader_highlights_init (HearsayReader *self)
{
  self->annotations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->label_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  g_hash_table_remove_all (self->annotations);
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
  self->selected_tag = gtk_text_buffer_create_tag (get_buffer (self), "hearsay-selected",
                                                   "underline", PANGO_UNDERLINE_SINGLE,
                                                   NULL);
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

/* Tags @annotation's fragments, clipped to [clip_start, clip_end). */
static void
apply_annotation (HearsayReader     *self,
                  HearsayAnnotation *annotation,
                  GtkTextTag        *tag,
                  gint64             clip_start,
                  gint64             clip_end)
{
  guint n = hearsay_annotation_get_n_fragments (annotation);

  for (guint i = 0; i < n; i++)
    {
      const HearsayFragment *fragment = hearsay_annotation_get_fragment (annotation, i);
      gint64 start = MAX (fragment->start, clip_start);
      gint64 end = MIN (fragment->end, clip_end);
      GtkTextIter s, e;

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

  if (start >= end)
    return;
  get_iters (self, start, end, &s, &e);
  g_hash_table_iter_init (&iter, self->label_tags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_text_buffer_remove_tag (buffer, value, &s, &e);

  g_hash_table_iter_init (&iter, self->annotations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      HearsayAnnotation *annotation = value;

      if (hearsay_annotation_get_start (annotation) < end &&
          hearsay_annotation_get_end (annotation) > start)
        apply_annotation (self, annotation,
                          lookup_label_tag (self, hearsay_annotation_get_label (annotation)),
                          start, end);
    }
}

void
hearsay_reader_highlights_load (HearsayReader *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_remove_all (self->annotations);
  self->selected_id = 0;
  if (self->project == NULL || self->document == NULL)
    return;

  list = hearsay_project_list_annotations (self->project,
                                           hearsay_document_get_id (self->document),
                                           &error);
  if (list == NULL)
    {
      g_warning ("Could not load the annotations: %s", error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      HearsayAnnotation *annotation = g_ptr_array_index (list, i);
      gint64 *key = g_new (gint64, 1);

      *key = hearsay_annotation_get_id (annotation);
      g_hash_table_insert (self->annotations, key, g_object_ref (annotation));
      apply_annotation (self, annotation,
                        lookup_label_tag (self, hearsay_annotation_get_label (annotation)),
                        0, G_MAXINT64);
    }
}

void
hearsay_reader_highlights_select (HearsayReader *self,
                                  gint64         id)
{
  GtkTextBuffer *buffer = get_buffer (self);
  HearsayAnnotation *annotation;
  GtkTextIter s, e;

  if (self->selected_tag == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  gtk_text_buffer_remove_tag (buffer, self->selected_tag, &s, &e);
  self->selected_id = 0;

  annotation = g_hash_table_lookup (self->annotations, &id);
  if (annotation == NULL)
    return;

  {
    HearsayScheme *scheme = hearsay_project_get_scheme (self->project);
    const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, hearsay_annotation_get_label (annotation));
    GdkRGBA background, line;

    /* The selection shows its own label, stronger and underlined. */
    parse_color (label != NULL ? label->color : NULL, &background);
    line = background;
    background.alpha = SELECTED_ALPHA;
    line.red *= 0.45;
    line.green *= 0.45;
    line.blue *= 0.45;
    g_object_set (self->selected_tag,
                  "background-rgba", &background,
                  "underline-rgba", &line,
                  NULL);
  }
  self->selected_id = id;
  apply_annotation (self, annotation, self->selected_tag, 0, G_MAXINT64);
}

static gboolean
is_current_document (HearsayReader *self,
                     gint64         document_id)
{
  return self->document != NULL && hearsay_document_get_id (self->document) == document_id;
}

static void
on_annotation_added (HearsayProject *project,
                     gint64          document_id,
                     gint64          annotation_id,
                     HearsayReader  *self)
{
  g_autoptr(HearsayAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  gint64 *key;

  if (!is_current_document (self, document_id))
    return;
  annotation = hearsay_project_get_annotation (project, annotation_id, &error);
  if (annotation == NULL)
    {
      g_warning ("Could not load annotation %" G_GINT64_FORMAT ": %s", annotation_id, error->message);
      return;
    }
  key = g_new (gint64, 1);
  *key = annotation_id;
  g_hash_table_replace (self->annotations, key, g_object_ref (annotation));
  reapply_range (self, hearsay_annotation_get_start (annotation),
                 hearsay_annotation_get_end (annotation));
}

static void
on_annotation_removed (HearsayProject *project,
                       gint64          document_id,
                       gint64          annotation_id,
                       HearsayReader  *self)
{
  HearsayAnnotation *annotation;
  gint64 start, end;

  if (!is_current_document (self, document_id))
    return;
  annotation = g_hash_table_lookup (self->annotations, &annotation_id);
  if (annotation == NULL)
    return;
  start = hearsay_annotation_get_start (annotation);
  end = hearsay_annotation_get_end (annotation);
  if (self->selected_id == annotation_id)
    hearsay_reader_highlights_select (self, 0);
  g_hash_table_remove (self->annotations, &annotation_id);
  reapply_range (self, start, end);
}

static void
on_annotation_changed (HearsayProject *project,
                       gint64          document_id,
                       gint64          annotation_id,
                       HearsayReader  *self)
{
  g_autoptr(HearsayAnnotation) annotation = NULL;
  HearsayAnnotation *old;
  gint64 start, end;
  gint64 *key;

  if (!is_current_document (self, document_id))
    return;
  annotation = hearsay_project_get_annotation (project, annotation_id, NULL);
  if (annotation == NULL)
    return;
  old = g_hash_table_lookup (self->annotations, &annotation_id);
  /* Only the label and the fragments matter for the highlighting. */
  start = hearsay_annotation_get_start (annotation);
  end = hearsay_annotation_get_end (annotation);
  if (old != NULL)
    {
      start = MIN (start, hearsay_annotation_get_start (old));
      end = MAX (end, hearsay_annotation_get_end (old));
    }
  key = g_new (gint64, 1);
  *key = annotation_id;
  g_hash_table_replace (self->annotations, key, g_object_ref (annotation));
  reapply_range (self, start, end);
  if (self->selected_id == annotation_id)
    hearsay_reader_highlights_select (self, annotation_id);
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
}

gint64
hearsay_reader_annotation_at_offset (HearsayReader *self,
                                     gint64         offset)
{
  GHashTableIter iter;
  gpointer value;
  gint64 best = 0;
  gint64 best_length = G_MAXINT64;

  g_return_val_if_fail (HEARSAY_IS_READER (self), 0);

  g_hash_table_iter_init (&iter, self->annotations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      HearsayAnnotation *annotation = value;
      guint n = hearsay_annotation_get_n_fragments (annotation);
      gint64 length = 0;
      gboolean hit = FALSE;

      for (guint i = 0; i < n; i++)
        {
          const HearsayFragment *fragment = hearsay_annotation_get_fragment (annotation, i);

          length += fragment->end - fragment->start;
          if (offset >= fragment->start && offset < fragment->end)
            hit = TRUE;
        }
      /* Innermost wins; ties go to the newest (highest id), deterministically. */
      if (hit && (length < best_length ||
                  (length == best_length && hearsay_annotation_get_id (annotation) > best)))
        {
          best = hearsay_annotation_get_id (annotation);
          best_length = length;
        }
    }
  return best;
}
