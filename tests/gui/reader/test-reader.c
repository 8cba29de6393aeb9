/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reader.c: the reader on its own in a window: overlapping and
 * discontinuous spans, Tab navigation, right-to-left selection offsets, the
 * tooltip over nested annotations and the relation arcs. */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "hearsay-reader-private.h"

static const char *tmp_dir;

typedef struct
{
  HearsayProject *project;
  HearsayDocument *document;
  GtkWindow *window;
  HearsayReader *reader;
} Fixture;

static const char *english =
  "Headline\n"
  "According to a military source, the army said that the city was fully liberated on Friday. "
  "Witnesses reported shelling near the river, and the agency added more details later.\n"
  "Second paragraph with a café and e\xcc\x81toile to test clusters.\n";

static gboolean
highlights_done (gpointer data)
{
  Fixture *f = data;

  return !hearsay_reader_highlights_pending (f->reader) &&
         gtk_widget_get_mapped (GTK_WIDGET (hearsay_reader_get_view (f->reader)));
}

static void
fixture_set_up (Fixture          *f,
                gconstpointer     data)
{
  const char *text = data != NULL ? data : english;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  static guint counter;

  path = g_strdup_printf ("%s/reader-%u.hearsay", tmp_dir, counter++);
  f->project = hearsay_project_create (path, &error);
  g_assert_no_error (error);
  f->document = hearsay_document_new (text);
  hearsay_document_set_title (f->document, "Test");
  if (data != NULL)
    hearsay_document_set_direction (f->document, HEARSAY_DIRECTION_RTL);
  g_ptr_array_add (docs, g_object_ref (f->document));
  g_assert_true (hearsay_project_add_documents (f->project, docs, &error));
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);
  f->reader = g_object_new (HEARSAY_TYPE_READER, NULL);
  gtk_window_set_child (f->window, GTK_WIDGET (f->reader));
  hearsay_reader_set_project (f->reader, f->project);
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->document);
  hearsay_project_close (f->project);
  g_clear_object (&f->project);
  gui_test_iterate ();
}

static void
show_document (Fixture *f)
{
  hearsay_reader_set_document (f->reader, f->document);
  g_assert_true (gui_test_wait_for (highlights_done, f));
}

static gint64
offset_of (Fixture    *f,
           const char *needle)
{
  return gui_test_offset_of (hearsay_document_get_text (f->document), needle);
}

static gint64
annotate (Fixture    *f,
          const char *label,
          const char *needle,
          guint       length)
{
  g_autoptr(HearsayAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = offset_of (f, needle);

  annotation = hearsay_annotation_new (hearsay_document_get_id (f->document), label);
  hearsay_annotation_add_fragment (annotation, start,
                                   start + (length != 0 ? length : g_utf8_strlen (needle, -1)));
  g_assert_true (hearsay_project_create_annotation (f->project, annotation, &error));
  g_assert_no_error (error);
  return hearsay_annotation_get_id (annotation);
}

static HearsayOverlaySpan *
find_span (Fixture *f,
           gint64   id)
{
  for (guint i = 0; i < hearsay_overlay_get_n_spans (f->reader->overlay); i++)
    {
      HearsayOverlaySpan *span = hearsay_overlay_get_span (f->reader->overlay, i);

      if (span->id == id)
        return span;
    }
  return NULL;
}

static void
test_overlaps (Fixture       *f,
               gconstpointer  data)
{
  GtkTextView *view;
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = NULL;
  const char *values[] = { "check_worthy", NULL };
  gint64 content, claim, mention;
  GtkTextIter iter;
  GdkRectangle location;
  GSList *tags;
  guint n_label_tags = 0;

  content = annotate (f, "attributed_content", "the army said that the city was fully liberated", 0);
  claim = annotate (f, "claim", "the city was fully liberated", 0);
  mention = annotate (f, "source_mention", "the city", 0);
  g_assert_true (hearsay_project_set_attribute (f->project, claim, "checkworthiness", values, &error));
  g_assert_no_error (error);
  g_assert_true (hearsay_project_set_note (f->project, claim, "First line of the note\nsecond line", &error));
  g_assert_no_error (error);
  show_document (f);

  /* One span per annotation, depths by nesting. */
  g_assert_cmpuint (hearsay_overlay_get_n_spans (f->reader->overlay), ==, 3);
  g_assert_cmpuint (find_span (f, content)->depth, ==, 0);
  g_assert_cmpuint (find_span (f, claim)->depth, ==, 1);
  g_assert_cmpuint (find_span (f, mention)->depth, ==, 2);

  /* All three label tags at the innermost offset. */
  view = GTK_TEXT_VIEW (hearsay_reader_get_view (f->reader));
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter,
                                      (int) offset_of (f, "city"));
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      g_autofree char *name = NULL;

      g_object_get (l->data, "name", &name, NULL);
      if (g_str_equal (name, "hearsay-label:attributed_content") ||
          g_str_equal (name, "hearsay-label:claim") ||
          g_str_equal (name, "hearsay-label:source_mention"))
        n_label_tags++;
    }
  g_slist_free (tags);
  g_assert_cmpuint (n_label_tags, ==, 3);
  g_assert_cmpint (hearsay_reader_annotation_at_offset (f->reader, offset_of (f, "city")), ==, mention);

  /* The tooltip over "city" lists all three, outermost first, with the
   * claim's key attribute and the first line of its note. */
  gtk_text_view_get_iter_location (view, &iter, &location);
  markup = hearsay_reader_dup_tooltip_markup (f->reader, location.x + location.width / 2,
                                              location.y + location.height / 2);
  g_assert_nonnull (markup);
  g_assert_true (g_str_has_prefix (markup, "<b>Attributed content</b>"));
  g_assert_nonnull (strstr (markup, "\n<b>Claim</b> — Check-worthy\n<i>First line of the note</i>\n"));
  g_assert_true (g_str_has_suffix (markup, "<b>Source mention</b>"));
  g_assert_null (strstr (markup, "second line"));

  /* Deleting the middle one re-levels only that cluster, and its tag
   * leaves the range while the others stay. */
  g_assert_true (hearsay_project_delete_annotation (f->project, claim, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hearsay_overlay_get_n_spans (f->reader->overlay), ==, 2);
  g_assert_cmpuint (find_span (f, mention)->depth, ==, 1);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter,
                                      (int) offset_of (f, "city"));
  g_assert_false (gtk_text_iter_has_tag (&iter, g_hash_table_lookup (f->reader->label_tags, "claim")));
  g_assert_true (gtk_text_iter_has_tag (&iter, g_hash_table_lookup (f->reader->label_tags, "source_mention")));

  /* A disjoint annotation elsewhere is a cluster of its own: depth 0. */
  g_assert_cmpuint (find_span (f, annotate (f, "frame_cue", "shelling", 0))->depth, ==, 0);

  /* Nothing over plain text. */
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, 2);
  gtk_text_view_get_iter_location (view, &iter, &location);
  g_assert_null (hearsay_reader_dup_tooltip_markup (f->reader, location.x + 1, location.y + 1));
}

static void
test_discontinuous (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HearsayAnnotation) annotation = NULL;
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GError) error = NULL;
  HearsayOverlaySpan *span;
  gint64 a = offset_of (f, "army said"), b = offset_of (f, "agency added");

  annotation = hearsay_annotation_new (hearsay_document_get_id (f->document), "attribution_cue");
  hearsay_annotation_add_fragment (annotation, a + 5, a + 9);
  hearsay_annotation_add_fragment (annotation, b + 7, b + 12);
  g_assert_true (hearsay_project_create_annotation (f->project, annotation, &error));
  g_assert_no_error (error);
  show_document (f);

  /* One entry with two ranges, drawn at one depth. */
  g_assert_cmpuint (hearsay_overlay_get_n_spans (f->reader->overlay), ==, 1);
  span = hearsay_overlay_get_span (f->reader->overlay, 0);
  g_assert_cmpint (span->id, ==, hearsay_annotation_get_id (annotation));
  g_assert_cmpuint (hearsay_overlay_span_get_n_fragments (span), ==, 2);
  g_assert_cmpint (span->start, ==, a + 5);
  g_assert_cmpint (span->end, ==, b + 12);
  g_assert_true (hearsay_overlay_span_covers (span, a + 6));
  g_assert_false (hearsay_overlay_span_covers (span, a + 20));
  g_assert_cmpint (hearsay_reader_annotation_at_offset (f->reader, a + 20), ==, 0);

  /* Each fragment has its own rectangles on screen. */
  hearsay_overlay_line_rects (GTK_TEXT_VIEW (hearsay_reader_get_view (f->reader)), a + 5, a + 9, rects);
  g_assert_cmpuint (rects->len, ==, 1);
  hearsay_overlay_line_rects (GTK_TEXT_VIEW (hearsay_reader_get_view (f->reader)), b + 7, b + 12, rects);
  g_assert_cmpuint (rects->len, ==, 2);
}

static void
on_selected (HearsayReader *reader,
             gint64         id,
             gint64        *out)
{
  *out = id;
}

static gboolean
has_shortcut (GtkWidget       *widget,
              guint            keyval,
              GdkModifierType  modifiers,
              const char      *action)
{
  g_autoptr(GtkShortcut) shortcut = gui_test_find_shortcut (widget, keyval, modifiers);
  GtkShortcutAction *named = shortcut != NULL ? gtk_shortcut_get_action (shortcut) : NULL;

  return GTK_IS_NAMED_ACTION (named) &&
         g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action);
}

static gint64
caret_offset (Fixture *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (hearsay_reader_get_view (f->reader)));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

static void
check_tab_order (Fixture      *f,
                 const gint64 *ids,
                 guint         n)
{
  GtkWidget *view = GTK_WIDGET (hearsay_reader_get_view (f->reader));
  gint64 emitted = -1;
  gulong handler;

  /* The keys the reader's view maps. */
  g_assert_true (has_shortcut (view, GDK_KEY_Tab, 0, "reader.next-annotation"));
  g_assert_true (has_shortcut (view, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "reader.previous-annotation"));
  g_assert_true (has_shortcut (view, GDK_KEY_Tab, GDK_SHIFT_MASK, "reader.previous-annotation"));
  g_assert_true (has_shortcut (view, GDK_KEY_f, 0, "reader.add-fragment"));
  g_assert_true (has_shortcut (view, GDK_KEY_l, 0, "reader.link"));
  g_assert_true (has_shortcut (view, GDK_KEY_Delete, 0, "reader.delete-annotation"));
  g_assert_true (has_shortcut (view, GDK_KEY_Return, 0, "reader.inspect"));
  g_assert_true (has_shortcut (view, GDK_KEY_Escape, 0, "reader.clear-selection"));

  handler = g_signal_connect (f->reader, "annotation-selected", G_CALLBACK (on_selected), &emitted);
  /* What the shortcut does: the action, resolved from the view. */
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (gtk_widget_activate_action (view, "reader.next-annotation", NULL));
      g_assert_cmpint (hearsay_reader_get_selected_annotation (f->reader), ==, ids[i]);
      g_assert_cmpint (emitted, ==, ids[i]);
    }
  /* At the end Tab stays put. */
  gtk_widget_activate_action (view, "reader.next-annotation", NULL);
  g_assert_cmpint (hearsay_reader_get_selected_annotation (f->reader), ==, ids[n - 1]);
  for (guint i = n - 1; i > 0; i--)
    {
      g_assert_true (gtk_widget_activate_action (view, "reader.previous-annotation", NULL));
      g_assert_cmpint (hearsay_reader_get_selected_annotation (f->reader), ==, ids[i - 1]);
      g_assert_cmpint (emitted, ==, ids[i - 1]);
    }
  g_signal_handler_disconnect (f->reader, handler);
}

static void
test_tab (Fixture       *f,
          gconstpointer  data)
{
  gint64 ids[4];

  /* Created out of text order; Tab follows the text, containers first. */
  ids[3] = annotate (f, "frame_cue", "shelling", 0);
  ids[1] = annotate (f, "claim", "the army said", 0);
  ids[0] = annotate (f, "source_mention", "a military source", 0);
  ids[2] = annotate (f, "source_mention", "the army", 0);
  show_document (f);
  check_tab_order (f, ids, G_N_ELEMENTS (ids));
  /* The caret follows the selected annotation. */
  g_assert_cmpint (caret_offset (f), ==, offset_of (f, "a military source"));

  /* With nothing selected, Tab starts from the caret. */
  hearsay_reader_set_selected_annotation (f->reader, 0);
  hearsay_reader_scroll_to_offset (f->reader, offset_of (f, "near the river"));
  gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.previous-annotation", NULL);
  g_assert_cmpint (hearsay_reader_get_selected_annotation (f->reader), ==, ids[3]);
}

static void
test_clusters (Fixture       *f,
               gconstpointer  data)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  gint64 at = offset_of (f, "e\xcc\x81toile"), start, end;

  show_document (f);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (hearsay_reader_get_view (f->reader)));
  /* A selection by code that ends between "e" and its combining accent. */
  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) at - 2);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) at + 1);
  gtk_text_buffer_select_range (buffer, &s, &e);
  g_assert_true (hearsay_reader_get_selection (f->reader, &start, &end));
  g_assert_cmpint (start, ==, at - 2);
  g_assert_cmpint (end, ==, at + 2);
  /* Widened where it shows, not only when read. */
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &s, &e));
  g_assert_cmpint (gtk_text_iter_get_offset (&e), ==, at + 2);
  /* Not a pointer selection: stored as it is, inside the word. */
  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) at + 3);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) at + 5);
  gtk_text_buffer_select_range (buffer, &s, &e);
  g_assert_true (hearsay_reader_get_annotation_span (f->reader, &start, &end));
  g_assert_cmpint (start, ==, at + 3);
  g_assert_cmpint (end, ==, at + 5);
  /* The end of a drag: by default (no snapping) left as it is. */
  g_assert_false (hearsay_reader_snaps_to_words (f->reader));
  g_signal_emit_by_name (hearsay_reader_get_view (f->reader), "pointer-selected");
  g_assert_true (hearsay_reader_get_annotation_span (f->reader, &start, &end));
  g_assert_cmpint (start, ==, at + 3);
  g_assert_cmpint (end, ==, at + 5);
  /* With automatic snapping, the end of a drag in English text is snapped
   * to the word (Pango's word boundaries), in the buffer, so the highlight
   * shows it. */
  hearsay_reader_set_word_snapping (f->reader, HEARSAY_READER_SNAP_AUTOMATIC);
  g_assert_true (hearsay_reader_snaps_to_words (f->reader));
  g_signal_emit_by_name (hearsay_reader_get_view (f->reader), "pointer-selected");
  g_assert_true (hearsay_reader_get_annotation_span (f->reader, &start, &end));
  g_assert_cmpint (start, ==, at);
  g_assert_cmpint (end, ==, at + 7);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &s, &e));
  g_assert_cmpint (gtk_text_iter_get_offset (&s), ==, at);
  g_assert_cmpint (gtk_text_iter_get_offset (&e), ==, at + 7);
}

static char *
load_arabic (void)
{
  g_autofree char *path = g_build_filename (GUI_TESTS_DIR, "arabic.txt", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
test_rtl (Fixture       *f,
          gconstpointer  data)
{
  HearsayReaderView *view = hearsay_reader_get_view (f->reader);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  const char *word = "الجيش العربي السوري";
  GdkRectangle first, last;
  GtkTextIter s, e;
  gint64 start, end, ids[3];

  ids[0] = annotate (f, "attributed_content", "أعلن الجيش العربي السوري يوم الجمعة", 0);
  ids[1] = annotate (f, "source_mention", word, 0);
  ids[2] = annotate (f, "source_mention", "مصدر عسكري", 0);
  show_document (f);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (view)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpuint (find_span (f, ids[1])->depth, ==, 1);

  /* Selection offsets are code points in logical order. */
  start = offset_of (f, word);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) start + 5);
  gtk_text_buffer_select_range (buffer, &e, &s);
  g_assert_true (hearsay_reader_get_selection (f->reader, &start, &end));
  g_assert_cmpint (start, ==, offset_of (f, word));
  g_assert_cmpint (end, ==, start + 5);

  /* Shift+Left in right-to-left text extends the selection forward. */
  gtk_text_buffer_place_cursor (buffer, &s);
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_VISUAL_POSITIONS, -3, TRUE);
  g_assert_true (hearsay_reader_get_selection (f->reader, &start, &end));
  g_assert_cmpint (start, ==, offset_of (f, word));
  g_assert_cmpint (end, ==, start + 3);

  /* The first character is drawn right of the last one, and the bar's
   * rectangle spans both. */
  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) start + g_utf8_strlen (word, -1) - 1);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &s, &first);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &e, &last);
  /* Pango reports right-to-left characters with a negative width. */
  if (first.width < 0)
    first.x += first.width, first.width = -first.width;
  if (last.width < 0)
    last.x += last.width, last.width = -last.width;
  g_assert_cmpint (first.x, >, last.x);
  hearsay_overlay_line_rects (GTK_TEXT_VIEW (view), start, start + g_utf8_strlen (word, -1), rects);
  g_assert_cmpuint (rects->len, ==, 1);
  g_assert_cmpfloat (g_array_index (rects, graphene_rect_t, 0).origin.x, ==, last.x);
  g_assert_cmpfloat (g_array_index (rects, graphene_rect_t, 0).origin.x +
                     g_array_index (rects, graphene_rect_t, 0).size.width, ==, first.x + first.width);

  /* Tab and Shift+Tab follow the logical order. */
  gtk_text_buffer_get_start_iter (buffer, &s);
  gtk_text_buffer_place_cursor (buffer, &s);
  check_tab_order (f, ids, G_N_ELEMENTS (ids));
}

static void
test_arcs (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HearsayOverlayArc *arc;
  gint64 claim, source, relation;

  claim = annotate (f, "claim", "the city was fully liberated", 0);
  source = annotate (f, "source_mention", "a military source", 0);
  show_document (f);

  relation = hearsay_project_create_relation (f->project, "attributed_to", claim, source, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relation, >, 0);
  hearsay_reader_select_annotation (f->reader, claim, TRUE);
  g_assert_cmpuint (f->reader->overlay->arcs->len, ==, 1);
  arc = g_ptr_array_index (f->reader->overlay->arcs, 0);
  g_assert_cmpint (arc->from_id, ==, claim);
  g_assert_cmpint (arc->to_id, ==, source);
  g_assert_cmpstr (arc->label, ==, "Attributed to");

  /* From the other end the same arc, still pointing at the source. */
  hearsay_reader_select_annotation (f->reader, source, FALSE);
  g_assert_cmpuint (f->reader->overlay->arcs->len, ==, 1);
  arc = g_ptr_array_index (f->reader->overlay->arcs, 0);
  g_assert_cmpint (arc->from_id, ==, claim);
  g_assert_cmpint (arc->to_id, ==, source);

  /* Deleting the relation redraws without it ("relations-changed"). */
  g_assert_true (hearsay_project_delete_relation (f->project, relation, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->reader->overlay->arcs->len, ==, 0);

  /* Reloading keeps the selection and the scroll position. */
  hearsay_reader_reload_annotations (f->reader);
  g_assert_cmpint (hearsay_reader_get_selected_annotation (f->reader), ==, source);
  g_assert_cmpuint (hearsay_overlay_get_n_spans (f->reader->overlay), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *arabic = NULL;

  tmp_dir = gui_test_init_data_home (&argc, &argv, "hearsay-reader-XXXXXX");
  arabic = load_arabic ();
  g_test_add ("/reader/overlaps", Fixture, NULL, fixture_set_up, test_overlaps, fixture_tear_down);
  g_test_add ("/reader/discontinuous", Fixture, NULL, fixture_set_up, test_discontinuous, fixture_tear_down);
  g_test_add ("/reader/tab", Fixture, NULL, fixture_set_up, test_tab, fixture_tear_down);
  g_test_add ("/reader/clusters", Fixture, NULL, fixture_set_up, test_clusters, fixture_tear_down);
  g_test_add ("/reader/rtl", Fixture, arabic, fixture_set_up, test_rtl, fixture_tear_down);
  g_test_add ("/reader/arcs", Fixture, NULL, fixture_set_up, test_arcs, fixture_tear_down);
  return gui_test_run ();
}
