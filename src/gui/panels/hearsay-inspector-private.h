/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-inspector-private.h: shared by the inspector's files —
 * hearsay-inspector.c (label, quote, note, times), hearsay-inspector-form.c
 * (the attribute form generated from the scheme) and
 * hearsay-inspector-relations.c (relations and the entity suggestion). */
#pragma once

#ifndef HEARSAY_GUI_PANELS_COMPILATION
#error "hearsay-inspector-private.h is private to src/gui/panels/; include its public headers instead."
#endif

#include "hearsay-inspector.h"

G_BEGIN_DECLS

#define HEARSAY_INSPECTOR_SAVE_DELAY_MS 600

struct _HearsayInspector
{
  GtkWidget parent_instance;

  HearsayProject *project;
  HearsayAnnotation *annotation;
  /* attribute id → its editor widget */
  GHashTable *editors;
  /* label ids, parallel to label_dropdown's model; the last may be unknown */
  GPtrArray *label_ids;
  GtkWidget *swatch;
  guint note_timeout;
  guint text_timeout;
  GtkWidget *text_pending;
  gint64 suggested_entity;
  gboolean note_dirty;
  gboolean updating;
  gboolean editable;

  /* Template children */
  GtkStack *stack;
  GtkBox *label_box;
  GtkLabel *label_label;
  GtkDropDown *label_dropdown;
  GtkLabel *quote_label;
  GtkBox *attributes_box;
  GtkListBox *relations_list;
  GtkLabel *relations_empty;
  GtkButton *link_button;
  GtkButton *link_entity_button;
  GtkBox *suggestion_box;
  GtkLabel *suggestion_label;
  GtkButton *suggestion_accept;
  GtkTextView *note_view;
  GtkLabel *meta_label;
  GtkButton *delete_button;
};

const HearsayLabel *hearsay_inspector_get_scheme_label (HearsayInspector *self);
void                hearsay_inspector_show_error       (HearsayInspector *self,
                                                        const char       *message,
                                                        GError           *error);

/* hearsay-inspector-form.c */
GtkWidget *hearsay_inspector_drop_down_new (GtkStringList *list);
void hearsay_inspector_build_editors (HearsayInspector   *self,
                                      const HearsayLabel *label);
void hearsay_inspector_sync_editors  (HearsayInspector   *self);
/* Saves a text attribute still being typed. */
void hearsay_inspector_flush_text    (HearsayInspector   *self);

/* hearsay-inspector-relations.c */
void hearsay_inspector_init_relations   (HearsayInspector *self);
void hearsay_inspector_update_relations (HearsayInspector *self);

G_END_DECLS
