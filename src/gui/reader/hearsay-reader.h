/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader.h: the centre pane — the label palette, the document's
 * heading and its text with the annotations highlighted. */
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

void               hearsay_reader_set_project             (HearsayReader   *self,
                                                           HearsayProject  *project);
/* @document must carry its text (hearsay_project_load_document); NULL clears. */
void               hearsay_reader_set_document            (HearsayReader   *self,
                                                           HearsayDocument *document);
HearsayDocument   *hearsay_reader_get_document            (HearsayReader   *self);
HearsayReaderView *hearsay_reader_get_view                (HearsayReader   *self);
GtkLabel          *hearsay_reader_get_title_label         (HearsayReader   *self);

/* The selected text as code-point offsets; FALSE when nothing is selected. */
gboolean           hearsay_reader_get_selection           (HearsayReader   *self,
                                                           gint64          *start,
                                                           gint64          *end);
/* The span a new annotation gets from the selection: without surrounding
 * white space and, with @snap_to_words, extended to whole words. */
gboolean           hearsay_reader_get_annotation_span     (HearsayReader   *self,
                                                           gboolean         snap_to_words,
                                                           gint64          *start,
                                                           gint64          *end);
/* The annotation shown as selected (0 for none). */
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
