/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-link-picker-private.h: state shared by the picker's files. */
#pragma once

#ifndef HEARSAY_GUI_DIALOGS_COMPILATION
#error "hearsay-link-picker-private.h is private to src/gui/dialogs/; include its public headers instead."
#endif

#include "hearsay-link-picker.h"

G_BEGIN_DECLS

struct _HearsayLinkPicker
{
  GtkWindow          parent_instance;

  HearsayProject    *project;
  HearsayAnnotation *source;
  GPtrArray         *document_annotations;  /* HearsayAnnotation of the source's document */
  GHashTable        *document_titles;       /* gint64 * → char * */
  GPtrArray         *type_ids;              /* char *, parallel to type_dropdown's model */
  GPtrArray         *kind_ids;              /* char *, parallel to new_entity_kind's model */
  gint64             target_annotation_id;
  gint64             target_entity_id;
  char              *type_override;
  gboolean           filling;

  GtkLabel          *source_label;
  GtkLabel          *source_text;
  GtkLabel          *message_label;
  GtkStack          *stack;
  GtkStackPage      *document_page;
  GtkStackPage      *other_page;
  GtkStackPage      *entity_page;
  GtkSearchEntry    *document_search;
  GtkSearchEntry    *other_search;
  GtkSearchEntry    *entity_search;
  GtkListBox        *document_list;
  GtkListBox        *other_list;
  GtkListBox        *entity_list;
  GtkToggleButton   *new_entity_toggle;
  GtkEntry          *new_entity_name;
  GtkDropDown       *new_entity_kind;
  GtkButton         *new_entity_add;
  GtkDropDown       *type_dropdown;
  GtkButton         *link_button;
};

/* hearsay-link-picker-lists.c */
GPtrArray *hearsay_link_picker_types_for      (HearsayLinkPicker *self,
                                               HearsayAnnotation *target,
                                               gboolean           cross_document_only);
void       hearsay_link_picker_fill_document  (HearsayLinkPicker *self);
void       hearsay_link_picker_fill_other     (HearsayLinkPicker *self);
void       hearsay_link_picker_fill_entities  (HearsayLinkPicker *self);
GtkListBoxRow *hearsay_link_picker_find_row   (GtkListBox        *list,
                                               const char        *key,
                                               gint64             id);
/* Adds an entity from the "New Entity" fields and selects it; 0 on error. */
gint64     hearsay_link_picker_add_entity     (HearsayLinkPicker *self,
                                               GError           **error);

G_END_DECLS
