/* SPDX-License-Identifier: GPL-3.0-or-later */
/* demo-panels.c: the three panels side by side on the sample article, for
 * looking at them (screenshots under Xvfb). Not a test. */
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "hearsay-annotation-list.h"
#include "hearsay-document-panel.h"
#include "hearsay-entity-panel.h"
#include "hearsay-import.h"
#include "hearsay-project.h"

static void
annotate (HearsayProject *project,
          HearsayDocument *doc,
          const char     *label,
          const char     *quote,
          const char     *attribute,
          const char     *value,
          const char     *attribute2,
          const char     *value2)
{
  const char *text = hearsay_document_get_text (doc);
  const char *p = strstr (text, quote);
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (hearsay_document_get_id (doc), label);
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (p == NULL)
    g_error ("“%s” is not in the sample", quote);
  start = g_utf8_pointer_to_offset (text, p);
  hearsay_annotation_add_fragment (ann, start, start + g_utf8_strlen (quote, -1));
  if (attribute != NULL)
    hearsay_annotation_set_attribute (ann, attribute, value);
  if (attribute2 != NULL)
    hearsay_annotation_set_attribute (ann, attribute2, value2);
  if (!hearsay_project_create_annotation (project, ann, &error))
    g_error ("%s", error->message);
}

static void
add_entity (HearsayProject *project,
            const char     *name,
            const char     *kind,
            const char     *state,
            const char     *alias)
{
  g_autoptr(HearsayEntity) entity = hearsay_entity_new (name, kind);

  hearsay_entity_set_state_affiliated (entity, state);
  if (alias != NULL)
    hearsay_entity_add_alias (entity, alias);
  if (!hearsay_project_add_entity (project, entity, NULL))
    g_error ("could not add %s", name);
}

int
main (int   argc,
      char *argv[])
{
  const char *paths[] = { SAMPLE_PATH, NULL };
  HearsayImportOptions options = { .format = "text", .outlet = "RT France", .date = "2017-11-03", .language = "fr" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hearsay-demo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.hearsay", NULL);
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
  HearsayImportReport report;
  GtkWidget *window, *paned, *inner, *entities, *document, *annotations;
  gint64 doc_id;

  gtk_init ();
  project = hearsay_project_create (path, &error);
  if (project == NULL)
    g_error ("%s", error->message);
  hearsay_import_report_init (&report);
  if (!hearsay_import_paths (project, paths, &options, NULL, NULL, NULL, &report, &error))
    g_error ("%s", error->message);
  doc_id = hearsay_document_get_id (g_ptr_array_index (report.documents, 0));
  hearsay_import_report_clear (&report);
  doc = hearsay_project_load_document (project, doc_id, &error);

  annotate (project, doc, "claim", "Daesh avait été chassée de la ville de Deir ez-Zor",
            "checkworthiness", "check_worthy", "claim_type", "other");
  annotate (project, doc, "source_mention", "L'armée syrienne", "identification", "named", NULL, NULL);
  annotate (project, doc, "attribution_cue", "a annoncé", "cue_kind", "speech_verb", NULL, NULL);
  annotate (project, doc, "source_mention", "une source militaire citée par l'agence de presse d'Etat syrienne Sana",
            "identification", "described", NULL, NULL);
  annotate (project, doc, "attribution_cue", "D'après Reuters", "cue_kind", "preposition", NULL, NULL);
  annotate (project, doc, "persuasion", "organisation terroriste", "technique", "name_calling_labeling", NULL, NULL);
  annotate (project, doc, "frame_cue", "libération totale du territoire syrien",
            "dimension", "security_and_defense", NULL, NULL);
  annotate (project, doc, "boilerplate", "Suivez RT en français surTelegram", "kind", "promo_call_to_action", NULL, NULL);
  annotate (project, doc, "claim", "tués dans les combats",
            "checkworthiness", "check_worthy", "status", "unverified");

  add_entity (project, "SANA", "state_news_agency", "yes", "Syrian Arab News Agency");
  add_entity (project, "Reuters", "wire_agency", "no", NULL);
  add_entity (project, "l'armée syrienne", "military_security", "yes", "Armée arabe syrienne");

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Hearsay panels");
  gtk_window_set_default_size (GTK_WINDOW (window), 1380, 860);
  entities = hearsay_entity_panel_new (project);
  document = hearsay_document_panel_new (project);
  annotations = hearsay_annotation_list_new (project);
  hearsay_document_panel_set_document (HEARSAY_DOCUMENT_PANEL (document), argc > 1 && g_str_equal (argv[1], "empty") ? 0 : doc_id);
  hearsay_annotation_list_set_document (HEARSAY_ANNOTATION_LIST (annotations), argc > 1 && g_str_equal (argv[1], "empty") ? 0 : doc_id);
  hearsay_entity_panel_select_entity (HEARSAY_ENTITY_PANEL (entities), 1);

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  inner = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (paned), entities);
  gtk_paned_set_end_child (GTK_PANED (paned), inner);
  gtk_paned_set_start_child (GTK_PANED (inner), document);
  gtk_paned_set_end_child (GTK_PANED (inner), annotations);
  gtk_paned_set_position (GTK_PANED (paned), 430);
  gtk_paned_set_position (GTK_PANED (inner), 420);
  gtk_window_set_child (GTK_WINDOW (window), paned);
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  if (g_getenv ("DEMO_MEASURE") != NULL)
    {
      GtkWidget *panels[] = { entities, document, annotations };

      for (guint i = 0; i < G_N_ELEMENTS (panels); i++)
        {
          int min, nat;

          gtk_widget_measure (panels[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
          g_print ("%s: min %d nat %d width %d\n", G_OBJECT_TYPE_NAME (panels[i]), min, nat,
                   gtk_widget_get_width (panels[i]));
        }
    }

  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);

  hearsay_project_close (project);
  return 0;
}
