/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-scheme-editor-private.h: state shared by the editor's files, and
 * the operations its buttons perform (the tests call them too). */
#pragma once

#ifndef HEARSAY_GUI_DIALOGS_COMPILATION
#error "hearsay-scheme-editor-private.h is private to src/gui/dialogs/; include its public headers instead."
#endif

#include "hearsay-scheme-editor.h"

G_BEGIN_DECLS

struct _HearsaySchemeEditor
{
  GtkWindow            parent_instance;

  HearsayProject      *project;
  HearsayScheme       *working;
  char                *selected_label;
  char                *selected_attribute;
  GtkNativeDialog     *chooser;
  gboolean             dirty;
  gboolean             updating;

  GtkListBox          *label_list;
  GtkEntry            *new_label_entry;
  GtkButton           *add_label_button;
  GtkButton           *remove_label_button;
  GtkRevealer         *remove_revealer;
  GtkLabel            *remove_text;
  GtkButton           *remove_keep_button;
  GtkButton           *remove_confirm_button;
  GtkWidget           *detail_box;
  GtkLabel            *id_value;
  GtkEntry            *name_entry;
  GtkColorButton      *color_button;
  GtkSpinButton       *key_spin;
  GtkListBox          *attribute_list;
  GtkEntry            *attribute_id_entry;
  GtkDropDown         *attribute_kind;
  GtkButton           *add_attribute_button;
  GtkLabel            *values_heading;
  GtkListBox          *value_list;
  GtkWidget           *value_add_box;
  GtkEntry            *value_id_entry;
  GtkEntry            *value_name_entry;
  GtkButton           *add_value_button;
  GtkWidget           *unknown_box;
  GtkListBox          *unknown_list;
  GtkLabel            *status_label;
  GtkButton           *import_button;
  GtkButton           *export_button;
  GtkButton           *close_button;
  GtkButton           *apply_button;
};

HearsayScheme *hearsay_scheme_editor_get_working_scheme (HearsaySchemeEditor *self);
void           hearsay_scheme_editor_mark_dirty         (HearsaySchemeEditor *self);
void           hearsay_scheme_editor_select_label       (HearsaySchemeEditor *self,
                                                         const char          *label_id);
gboolean       hearsay_scheme_editor_add_label          (HearsaySchemeEditor *self,
                                                         const char          *label_id,
                                                         GError             **error);
gboolean       hearsay_scheme_editor_apply              (HearsaySchemeEditor *self,
                                                         GError             **error);
gint64         hearsay_scheme_editor_remap              (HearsaySchemeEditor *self,
                                                         const char          *from,
                                                         const char          *to,
                                                         GError             **error);
gboolean       hearsay_scheme_editor_import_file        (HearsaySchemeEditor *self,
                                                         const char          *path,
                                                         GError             **error);
gboolean       hearsay_scheme_editor_export_file        (HearsaySchemeEditor *self,
                                                         const char          *path,
                                                         GError             **error);

/* hearsay-scheme-editor-attributes.c */
void           hearsay_scheme_editor_init_attributes    (HearsaySchemeEditor *self);
void           hearsay_scheme_editor_show_attributes    (HearsaySchemeEditor *self);
void           hearsay_scheme_editor_select_attribute   (HearsaySchemeEditor *self,
                                                         const char          *attribute_id);
gboolean       hearsay_scheme_editor_add_attribute      (HearsaySchemeEditor *self,
                                                         const char          *attribute_id,
                                                         HearsayAttributeKind kind,
                                                         GError             **error);
gboolean       hearsay_scheme_editor_add_value          (HearsaySchemeEditor *self,
                                                         const char          *value_id,
                                                         const char          *name,
                                                         GError             **error);
gboolean       hearsay_scheme_editor_rename_value       (HearsaySchemeEditor *self,
                                                         const char          *value_id,
                                                         const char          *name,
                                                         GError             **error);
gboolean       hearsay_scheme_editor_remove_value       (HearsaySchemeEditor *self,
                                                         const char          *value_id,
                                                         GError             **error);

G_END_DECLS
