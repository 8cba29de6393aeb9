/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader-private.h: shared between hearsay-reader.c and the
 * highlighting code in hearsay-reader-highlights.c. */
#pragma once

#ifndef HEARSAY_GUI_READER_COMPILATION
#error "hearsay-reader-private.h is private to src/gui/reader/; include its public headers instead."
#endif

#include "hearsay-label-palette.h"
#include "hearsay-reader-overlay-private.h"
#include "hearsay-reader.h"

G_BEGIN_DECLS

/* Where an annotation's span sits in the overlay's order: enough to find it
 * by binary search. @id comes first, so the entry is its own int64 key. */
typedef struct
{
  gint64 id;
  gint64 start;
  gint64 end;
} HearsayReaderEntry;

struct _HearsayReader
{
  GtkWidget parent_instance;

  HearsayProject *project;
  HearsayDocument *document;

  /* The current document's annotations: a set of HearsayReaderEntry keyed
   * by id. What is drawn lives in the overlay's compact spans; full
   * annotations are read from the project only when needed. */
  GHashTable *annotations;
  /* One tag per label (never one per annotation): label id → GtkTextTag. */
  GHashTable *label_tags;
  GtkTextTag *selected_tag;
  gint64 selected_id;
  /* Page furniture (the boilerplate label's text) is dimmed, and hidden
   * with an invisible tag when this is set: offsets do not change. */
  gboolean furniture_hidden;
  /* Sorted spans with their overlap depths, drawn by the view. */
  HearsayOverlay *overlay;
  /* Label tags still to apply, in time-sliced idle chunks. */
  guint apply_idle;
  guint apply_cursor;
  /* Reloading in place: the visible lines are known and stay. */
  gboolean keep_scroll;
  /* A large document's annotations being read in a thread. */
  GCancellable *load_cancellable;
  guint load_generation;
  gboolean loading;
  gboolean load_stale;
  gint64 pending_select;
  gboolean pending_scroll;

  /* Editing actions enabled (hearsay_reader_set_editable). */
  gboolean editable;
  /* Word snapping of pointer selections, and the shown document's
   * script (a HearsayWordsScript). */
  HearsayReaderSnap snap;
  guint document_script;
  /* Inside our own change of the selection (hearsay-reader-select.c). */
  gboolean aligning;
  /* Where the selection tag is in the buffer: (start, end) pairs, so that
   * a new selection un-tags only those, not the whole text (which would
   * make GTK lay every line out again). */
  GArray *selected_ranges;

  guint hint_timeout;
  /* A revealed annotation, watched for a few frames while the lines are
   * laid out (see hearsay_reader_reveal_annotation). */
  guint reveal_tick;
  guint reveal_frames;
  gint64 reveal_id;
  double reveal_upper;

  /* Template children */
  GtkStack *stack;
  HearsayLabelPalette *palette;
  GtkBox *header;
  GtkLabel *title_label;
  GtkLabel *meta_label;
  HearsayReaderView *view;
  GtkRevealer *hint_revealer;
  GtkLabel *hint_label;
};

void hearsay_reader_highlights_init    (HearsayReader *self);
void hearsay_reader_highlights_clear   (HearsayReader *self);
/* Creates the label tags for the project's scheme. */
void hearsay_reader_highlights_setup   (HearsayReader *self);
/* Loads the document's annotations and highlights them all. */
void hearsay_reader_highlights_load    (HearsayReader *self);
void hearsay_reader_highlights_connect (HearsayReader *self);
void hearsay_reader_highlights_select  (HearsayReader *self,
                                        gint64         id);
/* The set for self->annotations, and one entry per overlay span. */
GHashTable *hearsay_reader_entries_new (void);
void        hearsay_reader_entries_fill (GHashTable     *entries,
                                         HearsayOverlay *overlay);
/* The overlay span of annotation @id in the current document, or NULL. */
HearsayOverlaySpan *hearsay_reader_lookup_span (HearsayReader *self,
                                                gint64         id);
/* TRUE while label tags are still being applied in the background. */
gboolean hearsay_reader_highlights_pending (HearsayReader *self);
/* Applies at once the tags of the annotations in the visible lines. */
void hearsay_reader_highlights_apply_visible (HearsayReader *self);

/* Highlights what the overlay holds: the visible lines now, the rest in
 * idle chunks. */
void hearsay_reader_highlights_start (HearsayReader *self);

/* hearsay-reader-actions.c: the reader.* actions and their signals. */
void hearsay_reader_actions_class_init (GtkWidgetClass *widget_class);
void hearsay_reader_actions_update     (HearsayReader  *self);

/* hearsay-reader-select.c: selections as they will be stored. */
void hearsay_reader_select_init             (HearsayReader *self);
/* After the document changed: which script it is written in. */
void hearsay_reader_select_document_changed (HearsayReader *self);

/* hearsay-reader.c: tells "selected-annotation"'s listeners. */
void hearsay_reader_notify_selected (HearsayReader *self);

/* hearsay-reader-loader.c: FALSE when the document is small enough to be
 * read at once (or the project has no file). */
gboolean hearsay_reader_loader_start  (HearsayReader *self);
void     hearsay_reader_loader_cancel (HearsayReader *self);

/* hearsay-reader-nav.c: Tab navigation, tooltips and relation arcs. */
void  hearsay_reader_nav_class_init     (GtkWidgetClass *widget_class);
void  hearsay_reader_nav_init           (HearsayReader  *self);
/* Re-reads the selected annotation's relations into the overlay's arcs. */
void  hearsay_reader_update_arcs        (HearsayReader  *self);
/* The tooltip for the point (@x, @y) in buffer coordinates: every
 * annotation under it, outermost first; NULL when there is none. */
char *hearsay_reader_dup_tooltip_markup (HearsayReader  *self,
                                         int             x,
                                         int             y);
void  hearsay_reader_stop_reveal        (HearsayReader  *self);
/* Moves to the next (@forward) or previous annotation in text order. */
gboolean hearsay_reader_move_to_annotation (HearsayReader *self,
                                            gboolean       forward);

G_END_DECLS
