/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader.h: the centre pane — the label palette, the document's
 * heading and its text with the annotations highlighted.
 *
 * Its keys and the palette activate its own actions (reader.annotate,
 * reader.annotate-key, reader.delete-annotation, reader.add-fragment,
 * reader.link, reader.inspect, reader.clear-selection,
 * reader.next-annotation, reader.previous-annotation), which say what the
 * user asked for through signals; the reader never names the window's
 * actions. Signals:
 *   ::annotation-selected (gint64 id)  a click or Tab picked an annotation
 *                                      (0: none, e.g. Escape)
 *   ::annotate-requested (const char *label)  a digit or a palette button
 *   ::delete-requested, ::fragment-requested, ::link-requested,
 *   ::inspect-requested                 Delete, F, L, Return
 * A click on a highlight still being decided is handled before any of
 * these. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-project.h"
#include "hearsay-reader-view.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_READER (hearsay_reader_get_type ())
G_DECLARE_FINAL_TYPE (HearsayReader, hearsay_reader, HEARSAY, READER, GtkWidget)

/* How an annotation is linked to one shown beside it (side by side). */
typedef enum
{
  HEARSAY_READER_LINK_NONE        = 0,
  HEARSAY_READER_LINK_SAME_CLAIM  = 1 << 0,
  HEARSAY_READER_LINK_CONTRADICTS = 1 << 1,
} HearsayReaderLinkKind;

/* How a selection made with the pointer snaps to whole words. Never (the
 * default, 0): what is highlighted is what the hand covered. Automatic:
 * only in documents of scripts that separate words with spaces and read
 * left to right (not Arabic or Hebrew, where clitics are written onto the
 * word, nor Chinese, Japanese, Thai…). A keyboard selection never snaps. */
typedef enum
{
  HEARSAY_READER_SNAP_NEVER,
  HEARSAY_READER_SNAP_AUTOMATIC,
  HEARSAY_READER_SNAP_ALWAYS,
} HearsayReaderSnap;

void               hearsay_reader_set_project             (HearsayReader   *self,
                                                           HearsayProject  *project);
/* @document must carry its text (hearsay_project_load_document); NULL clears. */
void               hearsay_reader_set_document            (HearsayReader   *self,
                                                           HearsayDocument *document);
HearsayDocument   *hearsay_reader_get_document            (HearsayReader   *self);
HearsayReaderView *hearsay_reader_get_view                (HearsayReader   *self);
GtkLabel          *hearsay_reader_get_title_label         (HearsayReader   *self);

/* The selected text as code-point offsets, never inside a grapheme
 * cluster; FALSE when nothing is selected. */
gboolean           hearsay_reader_get_selection           (HearsayReader   *self,
                                                           gint64          *start,
                                                           gint64          *end);
/* The span a new annotation (or fragment) gets: exactly the selection
 * shown. A pointer selection was already trimmed of surrounding white
 * space and, where snapping applies, extended to whole words when the
 * button was released, so the highlight seen is what is stored. FALSE
 * when nothing but white space is selected. */
gboolean           hearsay_reader_get_annotation_span     (HearsayReader   *self,
                                                           gint64          *start,
                                                           gint64          *end);
void               hearsay_reader_set_word_snapping       (HearsayReader   *self,
                                                           HearsayReaderSnap snap);
HearsayReaderSnap  hearsay_reader_get_word_snapping       (HearsayReader   *self);
/* Whether pointer selections snap to words in the document shown. */
gboolean           hearsay_reader_snaps_to_words          (HearsayReader   *self);
/* Enables the editing actions (annotate, delete, add fragment, link);
 * off by default, so a side-by-side pane only reads. */
void               hearsay_reader_set_editable            (HearsayReader   *self,
                                                           gboolean         editable);
/* The annotation shown as selected (0 for none): the "selected-annotation"
 * property, which the window binds to its own. */
void               hearsay_reader_set_selected_annotation (HearsayReader   *self,
                                                           gint64           id);
gint64             hearsay_reader_get_selected_annotation (HearsayReader   *self);
/* The innermost (shortest) annotation covering @offset, or 0. */
gint64             hearsay_reader_annotation_at_offset    (HearsayReader   *self,
                                                           gint64           offset);
/* What a click on the text does: selects the annotation under @offset (or
 * none) and emits ::annotation-selected. */
void               hearsay_reader_select_at_offset        (HearsayReader   *self,
                                                           gint64           offset);
/* Re-reads the document's annotations and re-applies the highlights (after
 * undo/redo or a scheme change) without moving the scroll position. */
void               hearsay_reader_reload_annotations      (HearsayReader   *self);
/* After a change of the project's scheme: the palette shows its labels and
 * the highlights are re-read, as hearsay_reader_reload_annotations() does. */
void               hearsay_reader_reload_scheme           (HearsayReader   *self);
/* Selects annotation @id (0 for none), outlines it and, with @scroll, scrolls
 * it into view. Does not emit ::annotation-selected. */
void               hearsay_reader_select_annotation       (HearsayReader   *self,
                                                           gint64           id,
                                                           gboolean         scroll);
/* Selects annotation @id like hearsay_reader_select_annotation() and, unless
 * it is all in view already, scrolls it to a third of the way down, the
 * caret at its start: for a partner shown because of another pane. */
void               hearsay_reader_reveal_annotation       (HearsayReader   *self,
                                                           gint64           id);
/* Scrolls the code-point @offset into view and puts the caret there. */
void               hearsay_reader_scroll_to_offset        (HearsayReader   *self,
                                                           gint64           offset);
/* The selected annotation when the caret is inside it, else the innermost
 * one at the caret, or 0: what Return acts on in a side-by-side pane (the
 * main window's Return takes the selection wherever the caret is). */
gint64             hearsay_reader_get_annotation_at_cursor (HearsayReader  *self);
/* Marks annotation @id as linked to @partner_id in another pane, in the
 * margin and over its text, until the document changes or the links are
 * cleared. @description (plain text) names the partner in the tooltip. */
void               hearsay_reader_add_link                (HearsayReader   *self,
                                                           gint64           id,
                                                           HearsayReaderLinkKind kind,
                                                           gint64           partner_id,
                                                           const char      *description);
void               hearsay_reader_clear_links             (HearsayReader   *self);
HearsayReaderLinkKind hearsay_reader_get_link_kind        (HearsayReader   *self,
                                                           gint64           id);
/* The label palette above the text; hidden where nothing is annotated
 * (the side-by-side window). */
void               hearsay_reader_set_palette_visible     (HearsayReader   *self,
                                                           gboolean         visible);
/* A short message over the text that fades out by itself. */
/* Page furniture (text marked boilerplate) is always dimmed; hidden, it
 * takes no room, though the text and its offsets are unchanged. */
void               hearsay_reader_set_furniture_hidden    (HearsayReader   *self,
                                                           gboolean         hidden);
gboolean           hearsay_reader_get_furniture_hidden    (HearsayReader   *self);
/* TRUE when furniture is hidden and some of [@start, @end) is furniture. */
gboolean           hearsay_reader_range_is_hidden         (HearsayReader   *self,
                                                           gint64           start,
                                                           gint64           end);
void               hearsay_reader_show_hint               (HearsayReader   *self,
                                                           const char      *message);

G_END_DECLS
