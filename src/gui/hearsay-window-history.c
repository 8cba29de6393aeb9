/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-window-history.c: undo you can see. Ctrl+Z undoes the edits of
 * the document shown; project-wide edits (scheme, entities, events) have
 * their own, named menu items; "the latest edit anywhere" and a toast's
 * Undo first show the document they concern. Every delete, undo and redo
 * says in a toast what changed and where; a deletion's toast can undo it. */
#include "config.h"

#include <glib/gi18n.h>

#include "hearsay-text.h"
#include "hearsay-window-private.h"

/* Quotes and titles in a toast or a menu item stay short. */
#define SHORT_CHARS 48

/* @text on one line, cut to SHORT_CHARS characters with an ellipsis. */
static char *
shorten (const char *text)
{
  g_autoptr(GString) flat = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = flat->len > 0;
      else
        {
          if (space)
            g_string_append_c (flat, ' ');
          space = FALSE;
          g_string_append_unichar (flat, c);
        }
    }
  if (g_utf8_strlen (flat->str, -1) > SHORT_CHARS)
    {
      const char *cut = g_utf8_offset_to_pointer (flat->str, SHORT_CHARS - 1);

      g_string_truncate (flat, cut - flat->str);
      g_string_append (flat, "…");
    }
  /* Right-to-left text (an Arabic quote or title) inside a sentence is
   * isolated (FSI … PDI), or the sentence's quotes and words around it are
   * reordered with it. */
  if (hearsay_text_detect_direction (flat->str) == HEARSAY_DIRECTION_RTL)
    {
      g_string_prepend (flat, "\u2068");
      g_string_append (flat, "\u2069");
    }
  return g_string_free (g_steal_pointer (&flat), FALSE);
}

void
hearsay_window_toast (HearsayWindow *self,
                      const char    *title,
                      const char    *button_label,
                      const char    *action,
                      GVariant      *target)
{
  hearsay_toast_overlay_add (self->toast_overlay, title, button_label, action, target);
}

/* "Add Claim “L'armée syrienne” in ‘Guerre en Syrie…’", or for a
 * project-wide edit "Add Entity “SANA” (whole project)". */
static char *
describe_step (HearsayWindow            *self,
               const HearsayHistoryStep *step)
{
  g_autofree char *detail = step->detail != NULL ? shorten (step->detail) : NULL;
  g_autofree char *title = NULL;

  if (step->document_id == 0)
    /* Translators: a project-wide edit, e.g. "Edit Scheme (whole project)" */
    return g_strdup_printf (_("%s (whole project)"), step->label);
  title = hearsay_window_dup_document_title (self, step->document_id);
  {
    g_autofree char *short_title = shorten (title);

    if (detail != NULL && detail[0] != '\0')
      /* Translators: what an edit did, on what, in which document:
       * "Add Claim “L'armée syrienne” in ‘Guerre en Syrie’" */
      return g_strdup_printf (_("%s “%s” in ‘%s’"), step->label, detail, short_title);
    /* Translators: an edit and its document: "Edit Document in ‘Guerre en Syrie’" */
    return g_strdup_printf (_("%s in ‘%s’"), step->label, short_title);
  }
}

/* Menu */

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  g_menu_append_item (menu, item);
}

void
hearsay_window_history_update (HearsayWindow *self)
{
  g_auto(HearsayHistoryStep) undo = { 0 }, redo = { 0 };
  g_auto(HearsayHistoryStep) project_undo = { 0 }, project_redo = { 0 };
  g_auto(HearsayHistoryStep) latest = { 0 };
  g_autofree char *undo_text = NULL, *redo_text = NULL;
  g_autofree char *project_undo_text = NULL, *project_redo_text = NULL, *latest_text = NULL;
  gint64 shown = hearsay_window_get_document_id (self);
  gboolean editable = hearsay_window_is_editable (self);
  gboolean has_undo = FALSE, has_redo = FALSE, has_project_undo = FALSE, has_project_redo = FALSE;
  gboolean has_latest = FALSE;

  if (self->history_section == NULL)
    return;
  if (self->project != NULL)
    {
      /* Ctrl+Z stays in the document shown; nothing shown, nothing to undo. */
      has_undo = shown > 0 && hearsay_project_peek_undo (self->project, shown, &undo);
      has_redo = shown > 0 && hearsay_project_peek_redo (self->project, shown, &redo);
      has_project_undo = hearsay_project_peek_undo (self->project, 0, &project_undo);
      has_project_redo = hearsay_project_peek_redo (self->project, 0, &project_redo);
      has_latest = hearsay_project_peek_undo (self->project, HEARSAY_PROJECT_ANY_DOCUMENT, &latest);
    }
  /* Translators: a menu item, %s is what it undoes, e.g. "Undo Add Claim" */
  undo_text = has_undo ? g_strdup_printf (_("_Undo %s"), undo.label) : g_strdup (_("_Undo"));
  /* Translators: a menu item, %s is what it redoes, e.g. "Redo Delete Claim" */
  redo_text = has_redo ? g_strdup_printf (_("_Redo %s"), redo.label) : g_strdup (_("_Redo"));
  /* Translators: a menu item for the scheme, entity and event edits,
   * e.g. "Undo Project-Wide: Add Entity “SANA”" */
  project_undo_text = has_project_undo ? g_strdup_printf (_("Undo Project-Wide: %s"), project_undo.label)
                                       : g_strdup (_("Undo Project-Wide"));
  /* Translators: a menu item, e.g. "Redo Project-Wide: Edit Scheme" */
  project_redo_text = has_project_redo ? g_strdup_printf (_("Redo Project-Wide: %s"), project_redo.label)
                                       : g_strdup (_("Redo Project-Wide"));
  if (has_latest)
    {
      g_autofree char *what = describe_step (self, &latest);

      /* Translators: a menu item: the newest edit of the whole project,
       * which may be in another document (shown first), e.g. "Undo Latest
       * Anywhere: Add Claim “…” in ‘…’" */
      latest_text = g_strdup_printf (_("Undo Latest Anywhere: %s"), what);
    }
  else
    latest_text = g_strdup (_("Undo Latest Anywhere"));

  g_menu_remove_all (self->history_section);
  append_item (self->history_section, undo_text, "win.undo");
  append_item (self->history_section, redo_text, "win.redo");
  append_item (self->history_section, project_undo_text, "win.undo-project");
  append_item (self->history_section, project_redo_text, "win.redo-project");
  append_item (self->history_section, latest_text, "win.undo-anywhere");
  hearsay_window_set_action_enabled (self, "undo", editable && has_undo);
  hearsay_window_set_action_enabled (self, "redo", editable && has_redo);
  hearsay_window_set_action_enabled (self, "undo-project", editable && has_project_undo);
  hearsay_window_set_action_enabled (self, "redo-project", editable && has_project_redo);
  hearsay_window_set_action_enabled (self, "undo-anywhere", editable && has_latest);
}

/* Showing where a step happens */

/* Before: the step's document is shown, scrolled to its span. */
static void
show_step_place (HearsayWindow            *self,
                 const HearsayHistoryStep *step)
{
  if (step->document_id <= 0)
    return;
  if (hearsay_window_get_document_id (self) != step->document_id &&
      !hearsay_window_open_document (self, step->document_id))
    return;
  if (step->start >= 0)
    hearsay_reader_scroll_to_offset (self->reader, step->start);
}

/* After: the annotation it concerns is selected (undo of a deletion
 * brought it back), or the text where it was is (undo of an addition). */
static void
show_step_result (HearsayWindow            *self,
                  const HearsayHistoryStep *step)
{
  g_autoptr(HearsayAnnotation) annotation = NULL;

  if (step->document_id <= 0 || step->document_id != hearsay_window_get_document_id (self))
    return;
  if (step->annotation_id > 0)
    annotation = hearsay_project_get_annotation (self->project, step->annotation_id, NULL);
  if (annotation != NULL)
    {
      hearsay_window_set_selected_annotation (self, annotation);
      hearsay_reader_reveal_annotation (self->reader, step->annotation_id);
    }
  else if (step->start >= 0 && step->end > step->start)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (hearsay_reader_get_view (self->reader)));
      GtkTextIter s, e;

      hearsay_reader_scroll_to_offset (self->reader, step->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) step->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) step->end);
      gtk_text_buffer_select_range (buffer, &e, &s);
    }
}

static void
after_step (HearsayWindow            *self,
            const HearsayHistoryStep *step,
            gboolean                  redo)
{
  g_autofree char *what = describe_step (self, step);
  g_autofree char *text = NULL;

  /* A project-wide step (a relabelling, a scheme) can change any span. */
  if (step->document_id == 0)
    hearsay_reader_reload_annotations (self->reader);
  show_step_result (self, step);
  /* Translators: a notice after Ctrl+Z, e.g. "Undid: Add Claim “…” in ‘…’" */
  text = g_strdup_printf (redo ? _("Redid: %s") : _("Undid: %s"), what);
  hearsay_window_toast (self, text, NULL, NULL, NULL);
  hearsay_window_actions_update (self);
}

/* Undoes (or redoes) the next step of @scope where it can be seen. */
static void
step_in_scope (HearsayWindow *self,
               gint64         scope,
               gboolean       redo)
{
  g_auto(HearsayHistoryStep) next = { 0 };
  g_auto(HearsayHistoryStep) done = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!hearsay_window_is_editable (self))
    return;
  hearsay_inspector_flush_note (self->inspector);
  if (!(redo ? hearsay_project_peek_redo (self->project, scope, &next)
             : hearsay_project_peek_undo (self->project, scope, &next)))
    return;
  show_step_place (self, &next);
  /* The entry seen is the one undone, even if another writer added one. */
  ok = redo ? hearsay_project_redo (self->project, scope, &done, &error)
            : hearsay_project_undo_entry (self->project, next.entry, &done, &error);
  if (!ok)
    {
      hearsay_window_show_error (self, redo ? _("Could not redo") : _("Could not undo"), error);
      return;
    }
  after_step (self, &done, redo);
}

static void
undo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  HearsayWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  gint64 shown = hearsay_window_get_document_id (self);

  if (g_str_equal (name, "undo") || g_str_equal (name, "redo"))
    {
      /* A document's Ctrl+Z never reaches a project-wide edit. */
      if (shown > 0)
        step_in_scope (self, shown, g_str_equal (name, "redo"));
    }
  else if (g_str_equal (name, "undo-project") || g_str_equal (name, "redo-project"))
    step_in_scope (self, 0, g_str_equal (name, "redo-project"));
  else
    step_in_scope (self, HEARSAY_PROJECT_ANY_DOCUMENT, FALSE);
}

/* A toast's Undo: that edit, and only while it is still the next one of
 * its document; shown there first, wherever the user has gone since. */
static void
undo_entry_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  HearsayWindow *self = user_data;
  g_auto(HearsayHistoryStep) next = { 0 };
  g_auto(HearsayHistoryStep) done = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 entry, document_id;

  if (!hearsay_window_is_editable (self))
    return;
  g_variant_get (param, "(xx)", &entry, &document_id);
  hearsay_inspector_flush_note (self->inspector);
  if (hearsay_project_peek_undo (self->project, document_id, &next) && next.entry == entry)
    show_step_place (self, &next);
  if (!hearsay_project_undo_entry (self->project, entry, &done, &error))
    {
      /* Not next any more, or gone: say why, here. */
      hearsay_window_toast (self, error->message, NULL, NULL, NULL);
      return;
    }
  after_step (self, &done, FALSE);
}

/* Deleting */

static char *
label_name (HearsayWindow *self,
            const char    *label_id)
{
  const HearsayLabel *label = hearsay_scheme_lookup_label (hearsay_project_get_scheme (self->project), label_id);

  return g_strdup (label != NULL ? hearsay_scheme_translate (label->name) : label_id);
}

/* The toast after a deletion in @document_id, with an Undo of that very
 * entry. */
static void
toast_deletion (HearsayWindow *self,
                const char    *text,
                gint64         document_id)
{
  g_auto(HearsayHistoryStep) step = { 0 };

  if (hearsay_project_peek_undo (self->project, document_id, &step))
    hearsay_window_toast (self, text, _("_Undo"), "win.undo-entry",
                          g_variant_new ("(xx)", step.entry, document_id));
  else
    hearsay_window_toast (self, text, NULL, NULL, NULL);
}

void
hearsay_window_delete_selected (HearsayWindow *self)
{
  g_autoptr(HearsayAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *quote = NULL, *title = NULL, *short_title = NULL, *text = NULL;
  gint64 document_id;

  if (self->selected == NULL || !hearsay_window_is_editable (self))
    return;
  /* What it was, for the toast: the selection goes with it. */
  annotation = g_object_ref (self->selected);
  document_id = hearsay_annotation_get_document_id (annotation);
  if (!hearsay_project_delete_annotation (self->project, hearsay_annotation_get_id (annotation), &error))
    {
      hearsay_window_show_error (self, _("Could not delete the annotation"), error);
      return;
    }
  hearsay_window_set_selected_annotation (self, NULL);
  name = label_name (self, hearsay_annotation_get_label (annotation));
  quote = shorten (hearsay_annotation_get_n_fragments (annotation) > 0
                   ? hearsay_annotation_get_fragment (annotation, 0)->exact : NULL);
  title = hearsay_window_dup_document_title (self, document_id);
  short_title = shorten (title);
  /* Translators: a notice after Delete: label, quoted text, document title,
   * e.g. "Deleted Claim “Daesh avait été chassée” in ‘Guerre en Syrie’" */
  text = g_strdup_printf (_("Deleted %s “%s” in ‘%s’"), name, quote, short_title);
  toast_deletion (self, text, document_id);
}

/* The inspector's remove button on one of the relations. */
static void
delete_relation_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  HearsayWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(HearsayAnnotation) from = NULL;
  g_autofree char *quote = NULL, *title = NULL, *short_title = NULL, *text = NULL;
  const HearsayRelationType *type = NULL;
  gint64 id = g_variant_get_int64 (param);
  gint64 document_id = 0;
  const char *type_name = NULL;

  if (!hearsay_window_is_editable (self) || self->selected == NULL)
    return;
  relations = hearsay_project_list_annotation_relations (self->project, hearsay_annotation_get_id (self->selected), NULL);
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      HearsayRelation *relation = g_ptr_array_index (relations, i);

      if (relation->id != id)
        continue;
      from = hearsay_project_get_annotation (self->project, relation->from_id, NULL);
      type = hearsay_scheme_lookup_relation_type (hearsay_project_get_scheme (self->project), relation->type);
      type_name = type != NULL ? hearsay_scheme_translate (type->name) : relation->type;
      break;
    }
  if (from == NULL)
    return;
  type_name = g_intern_string (type_name);
  if (!hearsay_project_delete_relation (self->project, id, &error))
    {
      hearsay_window_show_error (self, _("Could not remove the link"), error);
      return;
    }
  document_id = hearsay_annotation_get_document_id (from);
  quote = shorten (hearsay_annotation_get_fragment (from, 0)->exact);
  title = hearsay_window_dup_document_title (self, document_id);
  short_title = shorten (title);
  /* Translators: a notice after removing a relation: its type, the quoted
   * text it started from, the document title */
  text = g_strdup_printf (_("Removed link “%s” from “%s” in ‘%s’"), type_name, quote, short_title);
  toast_deletion (self, text, document_id);
}

static void
focus_toast_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  HearsayWindow *self = user_data;

  if (!hearsay_toast_overlay_focus (self->toast_overlay))
    hearsay_reader_show_hint (self->reader, _("No notice to go to"));
}

static const GActionEntry history_actions[] = {
  { "undo", undo_action },
  { "redo", undo_action },
  { "undo-project", undo_action },
  { "redo-project", undo_action },
  { "undo-anywhere", undo_action },
  { "undo-entry", undo_entry_action, "(xx)" },
  { "delete-relation", delete_relation_action, "x" },
  { "focus-toast", focus_toast_action },
};

void
hearsay_window_history_init (HearsayWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), history_actions,
                                   G_N_ELEMENTS (history_actions), self);
  hearsay_window_history_update (self);
}
