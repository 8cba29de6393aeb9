/* SPDX-License-Identifier: GPL-3.0-or-later */
/* demo-dialogs.c: opens one dialog over a window on the sample article, to
 * look at (and screenshot). Usage: demo-dialogs scheme|unknown|remove|document|other|entity|error */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "hearsay-import.h"
#include "hearsay-link-picker.h"
#include "hearsay-scheme-editor.h"

static gint64
annotate (HearsayProject *project,
          gint64          document_id,
          const char     *text,
          const char     *label,
          const char     *quote)
{
  g_autoptr(HearsayAnnotation) annotation = hearsay_annotation_new (document_id, label);
  g_autoptr(GError) error = NULL;
  const char *at = strstr (text, quote);
  glong start;

  if (at == NULL)
    g_error ("“%s” is not in the text", quote);
  start = g_utf8_pointer_to_offset (text, at);
  hearsay_annotation_add_fragment (annotation, start, start + g_utf8_strlen (quote, -1));
  if (!hearsay_project_create_annotation (project, annotation, &error))
    g_error ("%s", error->message);
  return hearsay_annotation_get_id (annotation);
}

static void
add_entity (HearsayProject *project,
            const char     *name,
            const char     *kind,
            const char     *alias)
{
  g_autoptr(HearsayEntity) entity = hearsay_entity_new (name, kind);

  if (alias != NULL)
    hearsay_entity_add_alias (entity, alias);
  hearsay_project_add_entity (project, entity, NULL);
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  const char *which = argc > 1 ? argv[1] : "document";
  const char *paths[] = { SAMPLE_PATH, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hearsay-demo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.hearsay", NULL);
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(HearsayDocument) document = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  HearsayImportReport report;
  GPtrArray *other = g_ptr_array_new_with_free_func (g_object_unref);
  HearsayDocument *reuters;
  const char *text;
  gint64 id, claim, mention, content, cue;
  GtkWidget *window, *label;
  GtkWindow *dialog;

  gtk_init ();
  project = hearsay_project_create (path, &error);
  if (project == NULL)
    g_error ("%s", error->message);
  hearsay_import_report_init (&report);
  if (!hearsay_import_paths (project, paths, &(HearsayImportOptions) { .format = "text" }, NULL, NULL, NULL, &report, &error))
    g_error ("%s", error->message);
  id = hearsay_document_get_id (g_ptr_array_index (report.documents, 0));
  hearsay_import_report_clear (&report);

  reuters = hearsay_document_new ("Syrian army says Deir ez-Zor fully recaptured from Islamic State. "
                                  "The army said operations would continue until security is restored.");
  hearsay_document_set_title (reuters, "Syrian army says Deir ez-Zor recaptured");
  g_ptr_array_add (other, reuters);
  hearsay_project_add_documents (project, other, NULL);
  annotate (project, hearsay_document_get_id (reuters), hearsay_document_get_text (reuters), "claim",
            "Deir ez-Zor fully recaptured from Islamic State");
  annotate (project, hearsay_document_get_id (reuters), hearsay_document_get_text (reuters), "claim",
            "operations would continue until security is restored");
  g_ptr_array_unref (other);

  document = hearsay_project_load_document (project, id, &error);
  text = hearsay_document_get_text (document);
  claim = annotate (project, id, text, "claim", "Daesh avait été chassée de la ville de Deir ez-Zor");
  annotate (project, id, text, "source_mention", "L'armée syrienne");
  cue = annotate (project, id, text, "attribution_cue", "a annoncé");
  content = annotate (project, id, text, "attributed_content",
                      "que Daesh avait été chassée de la ville de Deir ez-Zor");
  annotate (project, id, text, "source_mention", "La télévision d’Etat syrienne");
  mention = annotate (project, id, text, "source_mention", "l'agence de presse d'Etat syrienne Sana");
  annotate (project, id, text, "source_mention", "une source militaire");
  annotate (project, id, text, "claim", "de nombreux terroristes");
  annotate (project, id, text, "attributed_content", "l'armée régulière avait repris le contrôle total de la ville");
  annotate (project, id, text, "persuasion", "terroristes");
  annotate (project, id, text, "boilerplate", "Suivez RT en français surTelegram");
  annotate (project, id, text, "attribution_cue", "D'après");
  add_entity (project, "SANA", "state_news_agency", "agence de presse d'Etat syrienne");
  add_entity (project, "Reuters", "wire_agency", NULL);
  add_entity (project, "Syrian Arab Army", "military_security", "armée syrienne");
  add_entity (project, "RT", "state_media", "Russia Today");
  add_entity (project, "Syrian state television", "state_media", "télévision d’Etat syrienne");

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Hearsay");
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 840);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_start (label, 24);
  gtk_widget_set_margin_end (label, 24);
  gtk_widget_set_margin_top (label, 24);
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));

  if (g_str_equal (which, "scheme") || g_str_equal (which, "unknown") || g_str_equal (which, "remove"))
    {
      if (g_str_equal (which, "unknown"))
        {
          g_autoptr(HearsayScheme) scheme = hearsay_scheme_copy (hearsay_project_get_scheme (project));

          hearsay_scheme_remove_label (scheme, "persuasion", NULL);
          hearsay_project_set_scheme (project, scheme, NULL);
        }
      dialog = GTK_WINDOW (hearsay_scheme_editor_new (GTK_WINDOW (window), project));
      if (g_str_equal (which, "remove"))
        g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (dialog), HEARSAY_TYPE_SCHEME_EDITOR,
                                                              "remove_label_button"), "clicked");
    }
  else
    {
      HearsayLinkPicker *picker = hearsay_link_picker_new (GTK_WINDOW (window), project,
                                                           g_str_equal (which, "entity") ? mention
                                                           : g_str_equal (which, "other") ? claim
                                                           : g_str_equal (which, "error") ? claim : content);

      if (g_str_equal (which, "error"))
        {
          hearsay_link_picker_select_target (picker, cue);
          hearsay_link_picker_set_relation_type (picker, "attributed_to");
          hearsay_link_picker_link (picker, NULL);
        }

      if (g_str_equal (which, "other"))
        gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (picker),
                                                                                     HEARSAY_TYPE_LINK_PICKER,
                                                                                     "stack")),
                                          "other");
      dialog = GTK_WINDOW (picker);
    }
  gtk_window_present (dialog);
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (g_main_loop_quit), loop);
  if (argc > 2)
    g_timeout_add_seconds (atoi (argv[2]), quit_loop, loop);
  g_main_loop_run (loop);
  return 0;
}
