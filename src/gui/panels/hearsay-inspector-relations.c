/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-inspector-relations.c: the inspector's "Relations" section — the
 * relations from and to the annotation, each with a delete button, the
 * "Link…" buttons, and an inline suggestion of the entity a mention refers to. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "hearsay-inspector-private.h"

#define QUOTE_CHARS 48

static char *
dup_annotation_text (HearsayAnnotation *annotation)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < hearsay_annotation_get_n_fragments (annotation); i++)
    {
      const HearsayFragment *fragment = hearsay_annotation_get_fragment (annotation, i);

      if (i > 0)
        g_string_append (text, " … ");
      g_string_append (text, fragment->exact ?: "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
shorten (const char *text)
{
  g_autofree char *flat = g_strdup (text);

  g_strdelimit (flat, "\r\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= QUOTE_CHARS)
    return g_steal_pointer (&flat);
  return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (flat, QUOTE_CHARS) - flat), flat);
}

/* "Claim “L’armée syrienne…”" or the entity's name. */
static char *
dup_partner (HearsayInspector      *self,
             const HearsayRelation *relation,
             gboolean               outgoing)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (self->project);
  g_autoptr(HearsayAnnotation) partner = NULL;
  g_autofree char *text = NULL;
  g_autofree char *quote = NULL;
  const HearsayLabel *label;
  gint64 id = outgoing ? relation->to_id : relation->from_id;

  if (outgoing && relation->to_entity_id != 0)
    {
      g_autoptr(HearsayEntity) entity = hearsay_project_get_entity (self->project, relation->to_entity_id, NULL);
      g_autofree char *number = NULL;

      if (entity == NULL)
        {
          number = g_strdup_printf ("%" PRId64, relation->to_entity_id);
          /* Translators: an entity that could not be loaded; %s is its id */
          return g_strdup_printf (_("Entity %s"), number);
        }
      return g_strdup (hearsay_entity_get_name (entity));
    }
  partner = hearsay_project_get_annotation (self->project, id, NULL);
  if (partner == NULL)
    return g_strdup (_("(missing annotation)"));
  label = hearsay_scheme_lookup_label (scheme, hearsay_annotation_get_label (partner));
  text = dup_annotation_text (partner);
  quote = shorten (text);
  /* Translators: a related annotation: its label, then its quoted text */
  return g_strdup_printf (_("%s “%s”"),
                          label != NULL ? hearsay_scheme_translate (label->name) : hearsay_annotation_get_label (partner),
                          quote);
}

static GtkWidget *
create_row (HearsayInspector      *self,
            const HearsayRelation *relation)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (self->project);
  const HearsayRelationType *type = hearsay_scheme_lookup_relation_type (scheme, relation->type);
  gboolean outgoing = relation->from_id == hearsay_annotation_get_id (self->annotation);
  g_autofree char *partner = dup_partner (self, relation, outgoing);
  g_autofree char *heading = NULL;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *kind, *target, *button;

  /* Arrows say the direction: → this annotation points at the partner. */
  heading = g_strdup_printf ("%s %s", outgoing ? "→" : "←",
                             type != NULL && type->name != NULL ? hearsay_scheme_translate (type->name) : relation->type);
  kind = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "relation-type");
  target = gtk_label_new (partner);
  gtk_label_set_xalign (GTK_LABEL (target), 0);
  gtk_label_set_wrap (GTK_LABEL (target), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (target), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (target), 30);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), kind);
  gtk_box_append (GTK_BOX (text), target);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete this relation"));
  gtk_widget_set_sensitive (button, self->editable);
  g_object_set_data (G_OBJECT (button), "hearsay-relation", GSIZE_TO_POINTER ((gsize) relation->id));
  /* The window deletes it and offers to undo that in a toast. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.delete-relation");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", relation->id);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), button);
  g_object_set_data (G_OBJECT (row), "hearsay-delete", button);
  return row;
}

/* The relation type that links this annotation to an entity, preferring
 * refers_to; NULL when the scheme has none for its label. */
static const char *
entity_relation_type (HearsayInspector *self)
{
  g_autoptr(GPtrArray) types = NULL;
  const char *found = NULL;

  if (self->annotation == NULL)
    return NULL;
  types = hearsay_project_allowed_relation_types (self->project, hearsay_annotation_get_label (self->annotation), NULL);
  for (guint i = 0; types != NULL && i < types->len; i++)
    {
      const HearsayRelationType *type = g_ptr_array_index (types, i);

      if (found == NULL || g_strcmp0 (type->id, "refers_to") == 0)
        found = type->id;
    }
  return found;
}

static void
update_suggestion (HearsayInspector *self,
                   GPtrArray        *relations,
                   gboolean          can_link_entity)
{
  g_autoptr(GPtrArray) entities = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  HearsayEntity *entity = NULL;

  self->suggested_entity = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_box), FALSE);
  if (!can_link_entity || !self->editable)
    return;
  /* A mention already linked to an entity needs no suggestion. */
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    if (((HearsayRelation *) g_ptr_array_index (relations, i))->to_entity_id != 0)
      return;
  text = dup_annotation_text (self->annotation);
  entities = hearsay_project_suggest_entities (self->project, text, NULL);
  if (entities == NULL || entities->len == 0)
    return;
  entity = g_ptr_array_index (entities, 0);
  self->suggested_entity = hearsay_entity_get_id (entity);
  /* Translators: %s is an entity's name, e.g. "Refers to SANA?" */
  message = g_strdup_printf (_("Refers to %s?"), hearsay_entity_get_name (entity));
  gtk_label_set_text (self->suggestion_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_box), TRUE);
}

void
hearsay_inspector_update_relations (HearsayInspector *self)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  gboolean can_link_entity;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->relations_list))) != NULL)
    gtk_list_box_remove (self->relations_list, child);
  if (self->annotation == NULL || self->project == NULL)
    {
      self->suggested_entity = 0;
      return;
    }
  relations = hearsay_project_list_annotation_relations (self->project, hearsay_annotation_get_id (self->annotation), &error);
  if (relations == NULL)
    g_warning ("Could not list relations: %s", error->message);
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    gtk_list_box_append (self->relations_list, create_row (self, g_ptr_array_index (relations, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->relations_list), relations != NULL && relations->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->relations_empty), relations == NULL || relations->len == 0);

  can_link_entity = entity_relation_type (self) != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->link_entity_button), can_link_entity);
  update_suggestion (self, relations, can_link_entity);
}

static void
on_accept_clicked (GtkButton        *button,
                   HearsayInspector *self)
{
  g_autoptr(GError) error = NULL;
  const char *type = entity_relation_type (self);

  if (self->suggested_entity == 0 || type == NULL)
    return;
  /* "relations-changed" refreshes the section. */
  if (hearsay_project_link_entity (self->project, type, hearsay_annotation_get_id (self->annotation),
                                   self->suggested_entity, &error) == 0)
    hearsay_inspector_show_error (self, _("Could not link the entity"), error);
}

void
hearsay_inspector_init_relations (HearsayInspector *self)
{
  g_signal_connect (self->suggestion_accept, "clicked", G_CALLBACK (on_accept_clicked), self);
}
