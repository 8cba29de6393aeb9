/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader-select.c: text selections as they will be stored. The
 * selection shown is what an annotation gets: it never splits a grapheme
 * cluster (an emoji flag, a letter and its combining marks, CR LF), a
 * pointer selection is trimmed and, where the document's script allows,
 * snapped to whole words as soon as the button is released — visibly,
 * before a label key is pressed — and a keyboard selection is left
 * exactly as it is, down to one cluster (the و of «وقال», the l' of
 * «l'armée»). */
#include "config.h"

#include "hearsay-words.h"

#include "hearsay-reader-private.h"

static GtkTextBuffer *
get_buffer (HearsayReader *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
}

/* Widens [start, end) to whole grapheme clusters (Pango's cursor
 * positions). */
static gboolean
align_to_clusters (GtkTextIter *start,
                   GtkTextIter *end)
{
  gboolean moved = FALSE;

  if (!gtk_text_iter_is_cursor_position (start))
    moved |= gtk_text_iter_backward_cursor_position (start);
  if (!gtk_text_iter_is_cursor_position (end))
    moved |= gtk_text_iter_forward_cursor_position (end);
  return moved;
}

/* A selection set by code (a search hit, select_range) may fall inside a
 * cluster; the user's own never does. Widened here, where it shows. */
static void
on_mark_set (GtkTextBuffer *buffer,
             GtkTextIter   *location,
             GtkTextMark   *mark,
             HearsayReader *self)
{
  GtkTextIter start, end;

  if (self->aligning ||
      (mark != gtk_text_buffer_get_insert (buffer) && mark != gtk_text_buffer_get_selection_bound (buffer)))
    return;
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;
  if (!align_to_clusters (&start, &end))
    return;
  self->aligning = TRUE;
  gtk_text_buffer_select_range (buffer, &start, &end);
  self->aligning = FALSE;
}

static gboolean
trim_spaces (GtkTextIter *s,
             GtkTextIter *e)
{
  gboolean moved = FALSE;

  while (gtk_text_iter_compare (s, e) < 0 && g_unichar_isspace (gtk_text_iter_get_char (s)))
    moved |= gtk_text_iter_forward_char (s);
  while (gtk_text_iter_compare (s, e) < 0)
    {
      GtkTextIter prev = *e;

      gtk_text_iter_backward_char (&prev);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&prev)))
        break;
      *e = prev;
      moved = TRUE;
    }
  return moved;
}

/* The end of a pointer selection: what it will store is shown now. */
static void
on_pointer_selected (HearsayReaderView *view,
                     HearsayReader     *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter s, e, insert, bound;
  gboolean changed, forward;

  if (self->document == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &s, &e))
    return;
  /* The caret stays at the end the drag went to. */
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &bound, gtk_text_buffer_get_selection_bound (buffer));
  forward = gtk_text_iter_compare (&insert, &bound) > 0;
  /* A sloppy drag often takes a space with it. */
  changed = trim_spaces (&s, &e);
  if (gtk_text_iter_equal (&s, &e))
    return;
  if (hearsay_reader_snaps_to_words (self))
    {
      if (gtk_text_iter_inside_word (&s) && !gtk_text_iter_starts_word (&s))
        changed |= gtk_text_iter_backward_word_start (&s);
      if (gtk_text_iter_inside_word (&e) && !gtk_text_iter_starts_word (&e) && !gtk_text_iter_ends_word (&e))
        changed |= gtk_text_iter_forward_word_end (&e);
    }
  changed |= align_to_clusters (&s, &e);
  if (changed)
    {
      self->aligning = TRUE;
      if (forward)
        gtk_text_buffer_select_range (buffer, &e, &s);
      else
        gtk_text_buffer_select_range (buffer, &s, &e);
      self->aligning = FALSE;
    }
}

gboolean
hearsay_reader_get_selection (HearsayReader *self,
                              gint64        *start,
                              gint64        *end)
{
  GtkTextIter s, e;

  g_return_val_if_fail (HEARSAY_IS_READER (self), FALSE);

  if (self->document == NULL || !gtk_text_buffer_get_selection_bounds (get_buffer (self), &s, &e))
    return FALSE;
  align_to_clusters (&s, &e);
  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
  return *start < *end;
}

gboolean
hearsay_reader_get_annotation_span (HearsayReader *self,
                                    gint64        *start,
                                    gint64        *end)
{
  GtkTextIter s, e, ts, te;

  g_return_val_if_fail (HEARSAY_IS_READER (self), FALSE);

  if (self->document == NULL || !gtk_text_buffer_get_selection_bounds (get_buffer (self), &s, &e))
    return FALSE;
  align_to_clusters (&s, &e);
  /* Exactly what is shown; only a selection of nothing but spaces is no
   * span at all. */
  ts = s;
  te = e;
  trim_spaces (&ts, &te);
  if (gtk_text_iter_equal (&ts, &te))
    return FALSE;
  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
  return TRUE;
}

void
hearsay_reader_set_word_snapping (HearsayReader     *self,
                                  HearsayReaderSnap  snap)
{
  g_return_if_fail (HEARSAY_IS_READER (self));
  self->snap = snap;
}

HearsayReaderSnap
hearsay_reader_get_word_snapping (HearsayReader *self)
{
  g_return_val_if_fail (HEARSAY_IS_READER (self), HEARSAY_READER_SNAP_NEVER);
  return self->snap;
}

gboolean
hearsay_reader_snaps_to_words (HearsayReader *self)
{
  g_return_val_if_fail (HEARSAY_IS_READER (self), FALSE);

  switch (self->snap)
    {
    case HEARSAY_READER_SNAP_ALWAYS:
      return TRUE;
    case HEARSAY_READER_SNAP_AUTOMATIC:
      return self->document != NULL && self->document_script == HEARSAY_WORDS_SPACED &&
             hearsay_document_get_direction (self->document) != HEARSAY_DIRECTION_RTL;
    case HEARSAY_READER_SNAP_NEVER:
    default:
      return FALSE;
    }
}

void
hearsay_reader_select_document_changed (HearsayReader *self)
{
  self->document_script = self->document != NULL
                          ? hearsay_words_guess_script (hearsay_document_get_text (self->document), -1,
                                                        hearsay_document_get_language (self->document))
                          : HEARSAY_WORDS_SPACED;
}

void
hearsay_reader_select_init (HearsayReader *self)
{
  g_signal_connect (get_buffer (self), "mark-set", G_CALLBACK (on_mark_set), self);
  g_signal_connect (self->view, "pointer-selected", G_CALLBACK (on_pointer_selected), self);
}
