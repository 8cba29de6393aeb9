/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-parallel.c: the side-by-side reader (same_claim_as and contradicts
 * links across three panes, one of them Arabic: marked in every pane, named
 * in tooltips, followed by Tab and Return). A white-box test of the reader
 * folder: it reads the panes' overlays. */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "hearsay-parallel-window.h"
#include "hearsay-reader-private.h"

static char *tmp_dir;

static gint64
add_document (HearsayProject *project,
              const char     *title,
              const char     *outlet,
              const char     *date,
              const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  HearsayDocument *doc = hearsay_document_new (text);

  hearsay_document_set_title (doc, title);
  hearsay_document_set_outlet (doc, outlet);
  hearsay_document_set_published_at (doc, date);
  g_ptr_array_add (docs, doc);
  g_assert_true (hearsay_project_add_documents (project, docs, &error));
  g_assert_no_error (error);
  return hearsay_document_get_id (doc);
}

static gint64
annotate (HearsayProject *project,
          gint64          document_id,
          const char     *label,
          const char     *quote)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) doc = hearsay_project_load_document (project, document_id, &error);
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (document_id, label);
  const char *text = hearsay_document_get_text (doc);
  const char *at = strstr (text, quote);
  gint64 start;

  g_assert_nonnull (at);
  /* Offsets count code points, not bytes (the Arabic document). */
  start = g_utf8_pointer_to_offset (text, at);
  hearsay_annotation_add_fragment (ann, start, start + g_utf8_strlen (quote, -1));
  g_assert_true (hearsay_project_create_annotation (project, ann, &error));
  g_assert_no_error (error);
  return hearsay_annotation_get_id (ann);
}

/* The side-by-side window and its readers, for the wait predicates. */
typedef struct
{
  HearsayReader *readers[3];
  gint64 ids[4];        /* annotations that must be in view / marked */
  guint n_ids;
} Panes;

static gboolean
panes_ready (gpointer data)
{
  Panes *panes = data;

  for (guint i = 0; i < G_N_ELEMENTS (panes->readers); i++)
    if (hearsay_reader_highlights_pending (panes->readers[i]) ||
        !gtk_widget_get_mapped (GTK_WIDGET (hearsay_reader_get_view (panes->readers[i]))))
      return FALSE;
  return TRUE;
}

/* ids[i] has its link mark drawn by readers[i] (in the last frame). */
static gboolean
marks_drawn (gpointer data)
{
  Panes *panes = data;
  graphene_rect_t rect;

  for (guint i = 0; i < panes->n_ids; i++)
    if (!hearsay_overlay_get_mark (panes->readers[i]->overlay, panes->ids[i], &rect))
      return FALSE;
  return TRUE;
}

/* Whether annotation @id starts within the visible lines of @reader. */
static gboolean
in_view (HearsayReader *reader,
         gint64         id)
{
  GtkTextView *view = GTK_TEXT_VIEW (hearsay_reader_get_view (reader));
  HearsayOverlaySpan *span = hearsay_reader_lookup_span (reader, id);
  GdkRectangle visible, location;
  GtkTextIter iter;

  if (span == NULL)
    return FALSE;
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, (int) span->start);
  gtk_text_view_get_iter_location (view, &iter, &location);
  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

/* ids[1] is in view in readers[1], and every mark is drawn. */
static gboolean
second_in_view (gpointer data)
{
  Panes *panes = data;

  return in_view (panes->readers[1], panes->ids[1]) && marks_drawn (panes);
}

static void
place_caret (HearsayReader *reader,
             const char    *needle)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (hearsay_reader_get_view (reader)));
  const char *text = hearsay_document_get_text (hearsay_reader_get_document (reader));
  const char *at = needle != NULL ? strstr (text, needle) : text;
  GtkTextIter iter;

  g_assert_nonnull (at);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) g_utf8_pointer_to_offset (text, at));
  gtk_text_buffer_place_cursor (buffer, &iter);
}

/* The tooltip over the middle of the first character of @id. */
static char *
tooltip_over_text (HearsayReader *reader,
                   gint64         id)
{
  GtkTextView *view = GTK_TEXT_VIEW (hearsay_reader_get_view (reader));
  GdkRectangle location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter,
                                      (int) hearsay_reader_lookup_span (reader, id)->start);
  gtk_text_view_get_iter_location (view, &iter, &location);
  return hearsay_reader_dup_tooltip_markup (reader, location.x + location.width / 2,
                                            location.y + location.height / 2);
}

static void
test_parallel (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "parallel.hearsay", NULL);
  g_autofree char *arabic_path = g_build_filename (GUI_TESTS_DIR, "arabic.txt", NULL);
  g_autofree char *arabic = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (path, &error);
  g_autoptr(GString) long_text = g_string_new ("Other intro. Fighting continued in two districts, a monitor said.\n");
  g_autoptr(HearsayDocument) sana = NULL;
  g_autoptr(GPtrArray) sana_docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *markup = NULL;
  HearsayParallelWindow *window;
  HearsayReader *first, *second, *third;
  HearsayReaderView *view;
  Panes panes;
  graphene_rect_t mark;
  gint64 a, b, c, claim_a, claim_a2, claim_b, claim_b2, claim_c, contradiction, ids[3];

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (arabic_path, &arabic, NULL, &error));
  g_assert_no_error (error);
  /* Reuters' version of the claim is far down: activating RT's must
   * scroll to it. */
  for (guint i = 0; i < 80; i++)
    g_string_append_printf (long_text, "Filler paragraph %u, long enough to wrap in a narrow pane of the window.\n", i);
  g_string_append (long_text, "Syrian forces captured Deir ez-Zor, officials said. The end.");
  a = add_document (project, "RT report", "RT", "2017-11-03",
                    "Intro text. The army retook Deir ez-Zor on Friday. Fighting is over, the army said.");
  b = add_document (project, "Reuters report", "Reuters", "2017-11-03", long_text->str);
  sana = hearsay_document_new (arabic);
  hearsay_document_set_title (sana, "SANA report");
  hearsay_document_set_outlet (sana, "SANA");
  hearsay_document_set_direction (sana, HEARSAY_DIRECTION_RTL);
  g_ptr_array_add (sana_docs, g_object_ref (sana));
  g_assert_true (hearsay_project_add_documents (project, sana_docs, &error));
  g_assert_no_error (error);
  c = hearsay_document_get_id (sana);
  claim_a = annotate (project, a, "claim", "The army retook Deir ez-Zor on Friday.");
  claim_a2 = annotate (project, a, "claim", "Fighting is over");
  claim_b2 = annotate (project, b, "claim", "Fighting continued in two districts");
  claim_b = annotate (project, b, "claim", "Syrian forces captured Deir ez-Zor");
  claim_c = annotate (project, c, "claim", "تحرير مدينة دير الزور بالكامل");
  g_assert_cmpint (hearsay_project_create_relation (project, "same_claim_as", claim_a, claim_b, &error), >, 0);
  g_assert_cmpint (hearsay_project_create_relation (project, "same_claim_as", claim_c, claim_a, &error), >, 0);
  contradiction = hearsay_project_create_relation (project, "contradicts", claim_a2, claim_b2, &error);
  g_assert_cmpint (contradiction, >, 0);
  g_assert_no_error (error);

  window = hearsay_parallel_window_new (NULL, project);
  ids[0] = a;
  ids[1] = b;
  ids[2] = c;
  hearsay_parallel_window_set_documents (window, ids, 3);
  gtk_window_present (GTK_WINDOW (window));
  first = hearsay_parallel_window_get_reader (window, 0);
  second = hearsay_parallel_window_get_reader (window, 1);
  third = hearsay_parallel_window_get_reader (window, 2);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (hearsay_reader_get_view (third))), ==, GTK_TEXT_DIR_RTL);
  panes = (Panes) { { first, second, third }, { 0, }, 0 };
  g_assert_true (gui_test_wait_for (panes_ready, &panes));

  g_assert_cmpint (hearsay_document_get_id (hearsay_reader_get_document (first)), ==, a);
  g_assert_cmpint (hearsay_document_get_id (hearsay_reader_get_document (second)), ==, b);
  g_assert_cmpuint (hearsay_parallel_window_get_n_links (window, 0), ==, 3);
  g_assert_cmpuint (hearsay_parallel_window_get_n_links (window, 1), ==, 2);

  /* Every linked claim is marked in each pane, before anything is
   * selected, and the two kinds differ. */
  g_assert_cmpint (hearsay_reader_get_link_kind (first, claim_a), ==, HEARSAY_READER_LINK_SAME_CLAIM);
  g_assert_cmpint (hearsay_reader_get_link_kind (first, claim_a2), ==, HEARSAY_READER_LINK_CONTRADICTS);
  g_assert_cmpint (hearsay_reader_get_link_kind (second, claim_b), ==, HEARSAY_READER_LINK_SAME_CLAIM);
  g_assert_cmpint (hearsay_reader_get_link_kind (second, claim_b2), ==, HEARSAY_READER_LINK_CONTRADICTS);
  g_assert_cmpint (hearsay_reader_get_link_kind (third, claim_c), ==, HEARSAY_READER_LINK_SAME_CLAIM);
  g_assert_cmpint (hearsay_reader_get_selected_annotation (first), ==, 0);
  panes = (Panes) { { first, second, third }, { claim_a, claim_b2, claim_c }, 3 };
  g_assert_true (gui_test_wait_for (marks_drawn, &panes));
  g_assert_true (hearsay_overlay_get_mark (first->overlay, claim_a2, &mark));
  /* In the margin where lines start: left of the text, right of Arabic. */
  g_assert_true (hearsay_overlay_get_mark (first->overlay, claim_a, &mark));
  g_assert_cmpfloat (mark.origin.x + mark.size.width, <=,
                     gtk_text_view_get_left_margin (GTK_TEXT_VIEW (hearsay_reader_get_view (first))));
  g_assert_true (hearsay_overlay_get_mark (third->overlay, claim_c, &mark));
  view = hearsay_reader_get_view (third);
  g_assert_cmpfloat (mark.origin.x, >=, gtk_widget_get_width (GTK_WIDGET (view)) -
                                        gtk_text_view_get_right_margin (GTK_TEXT_VIEW (view)));

  /* The mark's tooltip names each partner's outlet and words; so does the
   * text's. */
  g_assert_true (hearsay_overlay_get_mark (first->overlay, claim_a, &mark));
  markup = hearsay_reader_dup_tooltip_markup (first, mark.origin.x + mark.size.width / 2,
                                              mark.origin.y + mark.size.height / 2);
  g_assert_nonnull (strstr (markup, "Same claim as Reuters: “Syrian forces captured Deir ez-Zor”"));
  g_assert_nonnull (strstr (markup, "Same claim as SANA: “تحرير مدينة دير الزور بالكامل”"));
  g_clear_pointer (&markup, g_free);
  markup = tooltip_over_text (second, claim_b2);
  g_assert_nonnull (strstr (markup, "Contradicts RT: “Fighting is over”"));
  g_clear_pointer (&markup, g_free);

  /* Tab from the top of pane 1 selects RT's claim; its partners are
   * selected, and Reuters', off screen, is scrolled into view. */
  g_assert_false (in_view (second, claim_b));
  view = hearsay_reader_get_view (first);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  place_caret (first, NULL);
  g_assert_true (gui_test_press_shortcut (GTK_WIDGET (view), GDK_KEY_Tab));
  g_assert_cmpint (hearsay_reader_get_selected_annotation (first), ==, claim_a);
  g_assert_cmpint (hearsay_reader_get_selected_annotation (second), ==, claim_b);
  g_assert_cmpint (hearsay_reader_get_selected_annotation (third), ==, claim_c);
  panes = (Panes) { { first, second, third }, { claim_a, claim_b, claim_c }, 3 };
  g_assert_true (gui_test_wait_for (second_in_view, &panes));

  /* Return on the contradicted claim: its partner is selected, and the
   * Arabic claim, no partner of it, no longer is. */
  place_caret (first, "is over");
  g_assert_true (gui_test_press_shortcut (GTK_WIDGET (view), GDK_KEY_Return));
  g_assert_cmpint (hearsay_reader_get_selected_annotation (first), ==, claim_a2);
  g_assert_cmpint (hearsay_reader_get_selected_annotation (second), ==, claim_b2);
  g_assert_cmpint (hearsay_reader_get_selected_annotation (third), ==, 0);
  /* The partner is scrolled to in a later frame, once the lines there are
   * laid out: its mark can be drawn (at the edge) before it is in view, so
   * wait for both. */
  panes = (Panes) { { first, second }, { claim_a2, claim_b2 }, 2 };
  g_assert_true (gui_test_wait_for (second_in_view, &panes));

  /* And back, through the linked-claims list of pane 2. */
  hearsay_reader_set_selected_annotation (first, 0);
  hearsay_parallel_window_activate_claim (window, 1, claim_b);
  g_assert_cmpint (hearsay_reader_get_selected_annotation (first), ==, claim_a);

  /* A link removed elsewhere (the main window) loses its marks. */
  g_assert_true (hearsay_project_delete_relation (project, contradiction, &error));
  g_assert_no_error (error);
  gui_test_iterate ();
  g_assert_cmpint (hearsay_reader_get_link_kind (first, claim_a2), ==, HEARSAY_READER_LINK_NONE);
  g_assert_cmpint (hearsay_reader_get_link_kind (second, claim_b2), ==, HEARSAY_READER_LINK_NONE);
  g_assert_cmpuint (hearsay_parallel_window_get_n_links (window, 0), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

/* The side-by-side window and what its panes' widths must be. */
typedef struct
{
  HearsayParallelWindow *window;
  guint n_panes;
  int window_width;
} Layout;

static GtkWidget *
pane_of (HearsayParallelWindow *window,
         guint                  i)
{
  return gtk_widget_get_parent (GTK_WIDGET (hearsay_parallel_window_get_reader (window, i)));
}

static int
pane_width (HearsayParallelWindow *window,
            guint                  i)
{
  return gtk_widget_get_width (pane_of (window, i));
}

/* The window has (about) its default width and its panes share it equally (within a few
 * pixels), or, when it is too narrow, all have their minimum. */
static gboolean
layout_settled (gpointer data)
{
  Layout *layout = data;
  int min = G_MAXINT, max = 0;

  int width = gtk_widget_get_width (GTK_WIDGET (layout->window));

  /* The default size counts the frame's shadow too (client-side
   * decorations): a few pixels. */
  if (width > layout->window_width || width < layout->window_width - 24)
    return FALSE;
  for (guint i = 0; i < layout->n_panes; i++)
    {
      if (!gtk_widget_get_mapped (pane_of (layout->window, i)))
        return FALSE;
      min = MIN (min, pane_width (layout->window, i));
      max = MAX (max, pane_width (layout->window, i));
    }
  return min > 0 && max - min <= 4;
}

typedef struct
{
  HearsayParallelWindow *window;
  guint pane;
  int width;
} PaneWidth;

static gboolean
pane_has_width (gpointer data)
{
  PaneWidth *wanted = data;

  return pane_width (wanted->window, wanted->pane) == wanted->width;
}

/* The text of pane @i lies wholly inside the window. */
static gboolean
pane_in_window (gpointer data)
{
  PaneWidth *pane = data;
  GtkWidget *view = GTK_WIDGET (hearsay_reader_get_view (hearsay_parallel_window_get_reader (pane->window, pane->pane)));
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (view, GTK_WIDGET (pane->window), &bounds) &&
         bounds.origin.x >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (GTK_WIDGET (pane->window));
}

/* Pane @i, scrolled into view if the panes scroll, lies wholly inside the
 * window and is wide enough: none of its text is cut off. */
static void
assert_pane_readable (HearsayParallelWindow *window,
                      guint                  i)
{
  GtkWidget *pane = pane_of (window, i);
  GtkWidget *scroller = gtk_widget_get_ancestor (pane, GTK_TYPE_SCROLLED_WINDOW);
  PaneWidth wanted = { window, i, 0 };

  g_assert_cmpint (pane_width (window, i), >=, 360);
  if (scroller != NULL)
    {
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
      GtkWidget *content = gtk_widget_get_ancestor (pane, GTK_TYPE_VIEWPORT);
      graphene_rect_t in_content;

      /* In the coordinates of what scrolls, not of the scrolled view. */
      g_assert_true (gtk_widget_compute_bounds (pane, gtk_viewport_get_child (GTK_VIEWPORT (content)), &in_content));
      gtk_adjustment_clamp_page (h, in_content.origin.x, in_content.origin.x + in_content.size.width);
    }
  g_assert_true (gui_test_wait_for (pane_in_window, &wanted));
}

/* Panes keep a readable width whatever the window and the titles; the
 * separators move them. */
static void
test_pane_widths (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "widths.hearsay", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (path, &error);
  const char *long_title = "Guerre en Syrie : Damas déclare Deir ez-Zor totalement libérée de Daesh, "
                           "selon l'agence officielle et une source militaire citée par Sana";
  HearsayParallelWindow *window;
  GtkPaned *inner;
  Layout layout;
  PaneWidth wanted;
  gint64 ids[3];
  int second, third;

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    ids[i] = add_document (project, long_title, "RT en français", "2017-11-03",
                           "L'armée syrienne a annoncé ce 3 novembre 2017 que Daesh avait été chassée de "
                           "la ville de Deir ez-Zor. Les autorités militaires ont en outre déclaré que les "
                           "opérations continueraient jusqu'à la libération totale du territoire syrien.");

  /* Two panes at the default size: both whole. */
  window = hearsay_parallel_window_new (NULL, project);
  hearsay_parallel_window_set_documents (window, ids, 2);
  gtk_window_present (GTK_WINDOW (window));
  layout = (Layout) { window, 2, 1200 };
  g_assert_true (gui_test_wait_for (layout_settled, &layout));
  for (guint i = 0; i < 2; i++)
    assert_pane_readable (window, i);

  /* Three in a wide window (the tests' screen is 1280 px wide): a third
   * each. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1260, 900);
  hearsay_parallel_window_set_documents (window, ids, 3);
  layout = (Layout) { window, 3, 1260 };
  g_assert_true (gui_test_wait_for (layout_settled, &layout));
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (pane_width (window, i), >=, 400);
      assert_pane_readable (window, i);
    }

  /* The separator between panes 2 and 3 moves them (what a drag does). */
  inner = GTK_PANED (gtk_widget_get_ancestor (pane_of (window, 2), GTK_TYPE_PANED));
  second = pane_width (window, 1);
  third = pane_width (window, 2);
  gtk_paned_set_position (inner, gtk_paned_get_position (inner) - 40);
  wanted = (PaneWidth) { window, 2, third + 40 };
  g_assert_true (gui_test_wait_for (pane_has_width, &wanted));
  g_assert_cmpint (pane_width (window, 1), ==, second - 40);
  /* Not below a readable width. */
  gtk_paned_set_position (inner, 10);
  wanted = (PaneWidth) { window, 1, 360 };
  g_assert_true (gui_test_wait_for (pane_has_width, &wanted));

  /* Three in 1024 px: they keep their width and scroll. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  layout = (Layout) { window, 3, 1024 };
  gtk_paned_set_position (inner, 0);
  gtk_paned_set_position (GTK_PANED (gtk_widget_get_ancestor (pane_of (window, 0), GTK_TYPE_PANED)), 0);
  g_assert_true (gui_test_wait_for (layout_settled, &layout));
  for (guint i = 0; i < 3; i++)
    assert_pane_readable (window, i);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gui_test_init (&argc, &argv);
  tmp_dir = g_dir_make_tmp ("hearsay-parallel-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/corpus/parallel", test_parallel);
  g_test_add_func ("/corpus/pane-widths", test_pane_widths);
  status = g_test_run ();
  g_free (tmp_dir);
  return status;
}
