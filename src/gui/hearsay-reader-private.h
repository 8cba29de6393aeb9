/* hearsay-reader-private.h: shared between hearsay-reader.c and the
 * highlighting code in hearsay-reader-highlights.c. */
#pragma once

#include "hearsay-label-palette.h"
#include "hearsay-reader.h"

G_BEGIN_DECLS

struct _HearsayReader
{
  GtkWidget parent_instance;

  HearsayProject *project;
  HearsayDocument *document;

  /* The current document's annotations: id → HearsayAnnotation. */
  GHashTable *annotations;
  /* One tag per label (never one per annotation): label id → GtkTextTag. */
  GHashTable *label_tags;
  GtkTextTag *selected_tag;
  gint64 selected_id;

  guint hint_timeout;

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

G_END_DECLS
