/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project.c: opening and closing a project, its scheme, documents
 * and annotations as the window and the CLI read and edit them. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "hearsay-error.h"
#include "hearsay-date.h"
#include "hearsay-user.h"
#include "hearsay-history.h"
#include "hearsay-project-private.h"
#include "hearsay-text.h"

struct _HearsayProject
{
  GObject parent_instance;

  HearsayStore *store;
  char *path;
  HearsayScheme *scheme;
  char *annotator;

  /* Team annotation (hearsay-project-coders.c). */
  char *uuid;
  char *copy_coder;       /* whose copy this file is, or NULL */
  char *blind_coder;      /* blind mode: whose layer alone is shown, or NULL */
  GStrv blind_layers;     /* blind mode: the blind coder's and the auto layers */
  GStrv visible_layers;   /* the view's layers; NULL: all */

  /* The text of the document annotated last, to check offsets without a query. */
  gint64 text_document_id;
  char *text;
  HearsayTextIndex *text_index;
};

G_DEFINE_FINAL_TYPE (HearsayProject, hearsay_project, G_TYPE_OBJECT)

enum {
  DOCUMENTS_CHANGED,
  DOCUMENT_CHANGED,
  ANNOTATION_ADDED,
  ANNOTATION_REMOVED,
  ANNOTATION_CHANGED,
  RELATIONS_CHANGED,
  ENTITIES_CHANGED,
  HISTORY_CHANGED,
  SCHEME_CHANGED,
  CODERS_CHANGED,
  LAYERS_CHANGED,
  READ_ONLY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hearsay_project_finalize (GObject *object)
{
  HearsayProject *self = HEARSAY_PROJECT (object);

  hearsay_project_close (self);
  g_free (self->path);
  g_clear_object (&self->scheme);
  g_free (self->annotator);
  g_free (self->uuid);
  g_free (self->copy_coder);
  g_free (self->blind_coder);
  g_strfreev (self->blind_layers);
  g_strfreev (self->visible_layers);
  g_clear_pointer (&self->text_index, hearsay_text_index_free);
  g_free (self->text);

  G_OBJECT_CLASS (hearsay_project_parent_class)->finalize (object);
}

static void
hearsay_project_class_init (HearsayProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hearsay_project_finalize;

  /* Documents were added or removed. */
  signals[DOCUMENTS_CHANGED] =
    g_signal_new ("documents-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A document's metadata changed: (document id). */
  signals[DOCUMENT_CHANGED] =
    g_signal_new ("document-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* (document id, annotation id, the HearsayAnnotation as stored): the
   * views take it from here instead of each reading it back. */
  signals[ANNOTATION_ADDED] =
    g_signal_new ("annotation-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, HEARSAY_TYPE_ANNOTATION);
  /* (document id, annotation id) */
  signals[ANNOTATION_REMOVED] =
    g_signal_new ("annotation-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[ANNOTATION_CHANGED] =
    g_signal_new ("annotation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  /* A relation from or to an annotation was added or removed: (from id, to id);
   * to id is 0 for a link to an entity. */
  signals[RELATIONS_CHANGED] =
    g_signal_new ("relations-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  /* The entity registry changed. */
  signals[ENTITIES_CHANGED] =
    g_signal_new ("entities-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The project's scheme was replaced (hearsay_project_set_scheme, or an
   * undo or redo of that). */
  signals[SCHEME_CHANGED] =
    g_signal_new ("scheme-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Coders were added, renamed or recoloured. */
  signals[CODERS_CHANGED] =
    g_signal_new ("coders-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The visible layers or blind mode changed. */
  signals[LAYERS_CHANGED] =
    g_signal_new ("layers-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A server project became read-only (its connection dropped) or
   * writable again (it is back): hearsay_project_get_read_only (). */
  signals[READ_ONLY_CHANGED] =
    g_signal_new ("read-only-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* What undo and redo would do has changed. */
  signals[HISTORY_CHANGED] =
    g_signal_new ("history-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hearsay_project_init (HearsayProject *self)
{
  self->annotator = hearsay_user_display_name ();
}

char *
hearsay_project_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "hearsay", "default.hearsay", NULL);
}

static gboolean
load_scheme (HearsayProject  *self,
             GError         **error)
{
  g_autofree char *json = hearsay_store_get_scheme_json (self->store, error);

  if (json == NULL)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      /* A project without a scheme row gets the default one in memory. */
      self->scheme = hearsay_scheme_new_default ();
      return TRUE;
    }
  self->scheme = hearsay_scheme_new_from_json (json, -1, error);
  if (self->scheme == NULL)
    {
      g_prefix_error (error, "%s: ", self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
initialise (HearsayProject  *self,
            GError         **error)
{
  g_autoptr(HearsayScheme) scheme = hearsay_scheme_new_default ();
  g_autofree char *json = hearsay_scheme_to_json (scheme);
  g_autofree char *now = hearsay_now_iso8601 ();

  if (!hearsay_store_begin (self->store, error))
    return FALSE;
  if (!hearsay_store_set_scheme_json (self->store, json, error) ||
      !hearsay_store_set_meta (self->store, "created_at", now, error) ||
      !hearsay_store_set_meta (self->store, "created_by", "Hearsay " PACKAGE_VERSION, error) ||
      !hearsay_store_commit (self->store, error))
    {
      hearsay_store_rollback (self->store);
      return FALSE;
    }
  return TRUE;
}

HearsayProject *
hearsay_project_open (const char          *path,
                      HearsayProjectFlags  flags,
                      GError             **error)
{
  g_autoptr(HearsayProject) self = NULL;
  gboolean created = FALSE;
  HearsayStoreFlags store_flags = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (flags & HEARSAY_PROJECT_OPEN_CREATE)
    store_flags |= HEARSAY_STORE_OPEN_CREATE;
  if (flags & HEARSAY_PROJECT_OPEN_READ_ONLY)
    store_flags |= HEARSAY_STORE_OPEN_READ_ONLY;

  self = g_object_new (HEARSAY_TYPE_PROJECT, NULL);
  self->path = g_strdup (path);
  if (flags & HEARSAY_PROJECT_OPEN_NEW)
    store_flags |= HEARSAY_STORE_OPEN_NEW;
  self->store = hearsay_store_open (path, store_flags, &created, error);
  if (self->store == NULL)
    return NULL;
  if (created && !initialise (self, error))
    {
      hearsay_project_close (self);
      if (!hearsay_store_location_is_server (path))
        g_unlink (path);
      return NULL;
    }
  if (!load_scheme (self, error) || !hearsay_project_load_team (self, error))
    return NULL;
  /* On a server, edits are made as the login: a coder's layer is theirs. */
  {
    g_autofree char *user = hearsay_store_dup_user (self->store);

    /* In blind mode the project says whose layer this is. */
    if (user != NULL && self->blind_coder == NULL)
      hearsay_project_set_annotator (self, user);
  }
  return g_steal_pointer (&self);
}

HearsayProject *
hearsay_project_create (const char  *path,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  HearsayProject *project;

  if (hearsay_store_location_is_server (path))
    {
      /* `server init`: the schema must not hold a project yet. */
      project = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_CREATE | HEARSAY_PROJECT_OPEN_NEW, &local_error);
      if (project == NULL && g_error_matches (local_error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_A_PROJECT))
        {
          g_set_error_literal (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_EXISTS, local_error->message);
          return NULL;
        }
      if (project == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return project;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_EXISTS,
                   _("%s already exists"), path);
      return NULL;
    }
  return hearsay_project_open (path, HEARSAY_PROJECT_OPEN_CREATE, error);
}

void
hearsay_project_close (HearsayProject *self)
{
  g_return_if_fail (HEARSAY_IS_PROJECT (self));
  hearsay_project_stop_following (self);
  g_clear_pointer (&self->store, hearsay_store_close);
}

HearsayProjectTeam
hearsay_project_get_team (HearsayProject *self)
{
  HearsayProjectTeam team = { &self->uuid, &self->copy_coder, &self->blind_coder, &self->blind_layers,
                              &self->visible_layers };

  return team;
}

HearsayStore *
hearsay_project_get_store (HearsayProject *self)
{
  return self->store;
}

HearsayStore *
hearsay_project_require_store (HearsayProject  *self,
                               GError         **error)
{
  if (self->store == NULL)
    g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                 _("The project %s is closed"), self->path);
  return self->store;
}

void
hearsay_project_emit_documents_changed (HearsayProject *self)
{
  g_signal_emit (self, signals[DOCUMENTS_CHANGED], 0);
}


static gboolean
check_open (HearsayProject  *self,
            GError         **error)
{
  if (self->store != NULL)
    return TRUE;
  g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
               _("The project %s is closed"), self->path);
  return FALSE;
}

const char *
hearsay_project_get_path (HearsayProject *self)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  return self->path;
}

char *
hearsay_project_dup_name (HearsayProject *self)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  /* On a server: the project's own name (its schema), not a piece of the
   * connection string. */
  if (hearsay_project_location_is_server (self->path))
    {
      const char *hash = strchr (self->path, '#');
      const char *key = strstr (self->path, "project=");

      if (g_str_has_prefix (self->path, "postgres") && hash != NULL && hash[1] != '\0')
        return g_strdup (hash + 1);
      if (key != NULL && (key == self->path || g_ascii_isspace (key[-1])))
        return g_strndup (key + strlen ("project="), strcspn (key + strlen ("project="), " \t"));
      return g_strdup ("hearsay");
    }
  base = g_path_get_basename (self->path);
  if (g_str_has_suffix (base, ".hearsay"))
    base[strlen (base) - strlen (".hearsay")] = '\0';
  return g_steal_pointer (&base);
}

const char *
hearsay_project_get_damage (HearsayProject *self)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  return self->store != NULL ? hearsay_store_get_damage (self->store) : NULL;
}

gboolean
hearsay_project_get_read_only (HearsayProject *self)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), TRUE);
  return self->store == NULL || hearsay_store_is_read_only (self->store);
}

HearsayScheme *
hearsay_project_get_scheme (HearsayProject *self)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  return self->scheme;
}

const char *
hearsay_project_get_annotator (HearsayProject *self)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  return self->annotator;
}

void
hearsay_project_set_annotator (HearsayProject *self,
                               const char     *name)
{
  g_return_if_fail (HEARSAY_IS_PROJECT (self));
  if (name == NULL || *name == '\0')
    return;
  g_free (self->annotator);
  self->annotator = g_strdup (name);
}

gboolean
hearsay_project_save_copy (HearsayProject  *self,
                           const char      *dest_path,
                           GError         **error)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if (!check_open (self, error))
    return FALSE;
  if (hearsay_store_location_is_server (dest_path))
    return hearsay_project_copy_to (self, dest_path, error);
  return hearsay_store_backup (self->store, dest_path, error);
}

GPtrArray *
hearsay_project_list_documents (HearsayProject  *self,
                                GError         **error)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if (!check_open (self, error))
    return NULL;
  return hearsay_store_list_documents (self->store, error);
}

HearsayDocument *
hearsay_project_load_document (HearsayProject  *self,
                               gint64           id,
                               GError         **error)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if (!check_open (self, error))
    return NULL;
  return hearsay_store_load_document (self->store, id, error);
}

gboolean
hearsay_project_add_documents (HearsayProject  *self,
                               GPtrArray       *documents,
                               GError         **error)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if (!check_open (self, error) || !hearsay_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < documents->len; i++)
    {
      HearsayDocument *doc = g_ptr_array_index (documents, i);

      if (hearsay_document_get_imported_at (doc) == NULL)
        {
          g_autofree char *now = hearsay_now_iso8601 ();

          hearsay_document_set_imported_at (doc, now);
        }
      if (!hearsay_store_insert_document (self->store, doc, error))
        {
          hearsay_store_rollback (self->store);
          for (guint j = 0; j <= i; j++)
            hearsay_document_set_id (g_ptr_array_index (documents, j), 0);
          return FALSE;
        }
    }
  if (!hearsay_store_commit (self->store, error))
    return FALSE;
  g_signal_emit (self, signals[DOCUMENTS_CHANGED], 0);
  return TRUE;
}

static gboolean
same_values (const char * const *a,
             const char * const *b)
{
  guint i;

  for (i = 0; a != NULL && b != NULL && a[i] != NULL && b[i] != NULL; i++)
    if (g_strcmp0 (a[i], b[i]) != 0)
      return FALSE;
  return (a == NULL || a[i] == NULL) && (b == NULL || b[i] == NULL);
}

/* The metadata and fields where @document differs from @stored. */
static GStrv
changed_names (HearsayDocument *stored,
               HearsayDocument *document)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) mine = hearsay_document_dup_field_names (document);
  g_auto(GStrv) theirs = hearsay_document_dup_field_names (stored);

  for (guint i = 0; hearsay_document_metadata[i] != NULL; i++)
    if (g_strcmp0 (hearsay_document_get_metadata (stored, hearsay_document_metadata[i]),
                   hearsay_document_get_metadata (document, hearsay_document_metadata[i])) != 0)
      g_strv_builder_add (names, hearsay_document_metadata[i]);
  for (guint i = 0; mine[i] != NULL; i++)
    if (!same_values (hearsay_document_get_field (stored, mine[i]), hearsay_document_get_field (document, mine[i])))
      g_strv_builder_add (names, mine[i]);
  for (guint i = 0; theirs[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) mine, theirs[i]) &&
        hearsay_document_get_field (stored, theirs[i]) != NULL)
      g_strv_builder_add (names, theirs[i]);
  return g_strv_builder_end (names);
}

gboolean
hearsay_project_set_document_values (HearsayProject             *self,
                                     gint64                      document_id,
                                     const char * const         *names,
                                     const char * const * const *values,
                                     GError                    **error)
{
  g_autoptr(HearsayDocument) doc = NULL;
  HearsayEdit edit;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (names != NULL && values != NULL, FALSE);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const HearsayAttributeDef *def = hearsay_scheme_lookup_document_field (self->scheme, names[i]);

      if (g_strv_contains (hearsay_document_metadata, names[i]))
        {
          if (g_str_equal (names[i], "published_at") && values[i] != NULL &&
              !hearsay_date_check (values[i][0], error))
            return FALSE;
        }
      else if (def == NULL)
        {
          g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_UNKNOWN_ATTRIBUTE,
                       _("“%s” is not a document field"), names[i]);
          return FALSE;
        }
      else if (values[i] != NULL && !hearsay_attribute_check_values (def, values[i], error))
        return FALSE;
    }
  if (names[0] == NULL)
    return TRUE;
  /* Read inside the edit's transaction: a field another writer set since
   * the caller looked keeps that writer's value. */
  if (!hearsay_history_begin (self, error))
    return FALSE;
  doc = hearsay_store_load_document (self->store, document_id, error);
  if (doc == NULL)
    {
      hearsay_store_rollback (self->store);
      return FALSE;
    }
  hearsay_edit_init (&edit, "set_document", names[1] == NULL ? names[0] : NULL, document_id);
  hearsay_ops_set_document (edit.undo, doc, names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_strv_contains (hearsay_document_metadata, names[i]))
        hearsay_document_set_metadata (doc, names[i], values[i] != NULL ? values[i][0] : NULL);
      else
        hearsay_document_set_field (doc, names[i], values[i]);
    }
  hearsay_ops_set_document (edit.redo, doc, names);
  return hearsay_history_apply (self, &edit, NULL, error);
}

gboolean
hearsay_project_update_document (HearsayProject   *self,
                                 HearsayDocument  *document,
                                 GError          **error)
{
  g_autoptr(HearsayDocument) stored = NULL;
  g_auto(GStrv) fields = NULL;
  g_auto(GStrv) names = NULL;
  HearsayEdit edit;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if (!hearsay_date_check (hearsay_document_get_published_at (document), error))
    return FALSE;
  /* Fields of the scheme must hold allowed values; others (e.g. an HTML
   * page's author) are kept as they are. */
  fields = hearsay_document_dup_field_names (document);
  for (guint i = 0; fields[i]; i++)
    {
      const HearsayAttributeDef *def = hearsay_scheme_lookup_document_field (self->scheme, fields[i]);

      if (def != NULL && !hearsay_attribute_check_values (def, hearsay_document_get_field (document, fields[i]), error))
        return FALSE;
    }
  /* Only what the caller changed is written, read and written in one
   * transaction: two writers changing different fields both keep theirs. */
  if (!hearsay_history_begin (self, error))
    return FALSE;
  stored = hearsay_store_load_document (self->store, hearsay_document_get_id (document), error);
  if (stored == NULL)
    {
      hearsay_store_rollback (self->store);
      return FALSE;
    }
  names = changed_names (stored, document);
  if (names[0] == NULL)
    {
      hearsay_store_rollback (self->store);
      return TRUE;
    }
  hearsay_edit_init (&edit, "set_document", names[1] == NULL ? names[0] : NULL, hearsay_document_get_id (document));
  hearsay_ops_set_document (edit.undo, stored, (const char * const *) names);
  hearsay_ops_set_document (edit.redo, document, (const char * const *) names);
  return hearsay_history_apply (self, &edit, NULL, error);
}

gboolean
hearsay_project_foreach_document (HearsayProject       *self,
                                  const gint64         *ids,
                                  guint                 n_ids,
                                  HearsayDocumentFunc   func,
                                  gpointer              user_data,
                                  GError              **error)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if (!check_open (self, error))
    return FALSE;
  return hearsay_store_foreach_document (self->store, ids, n_ids, func, user_data, error);
}

GPtrArray *
hearsay_project_list_annotations (HearsayProject  *self,
                                  gint64           document_id,
                                  GError         **error)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if (!check_open (self, error))
    return NULL;
  return hearsay_project_hide_annotations (self, hearsay_store_list_annotations (self->store, document_id, error),
                                           error);
}

HearsayAnnotation *
hearsay_project_get_annotation (HearsayProject  *self,
                                gint64           id,
                                GError         **error)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if (!check_open (self, error))
    return NULL;
  return hearsay_project_hide_annotation (self, hearsay_store_load_annotation (self->store, id, error), error);
}

GPtrArray *
hearsay_project_list_relations (HearsayProject  *self,
                                gint64           document_id,
                                GError         **error)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if (!check_open (self, error))
    return NULL;
  return hearsay_project_hide_relations (self, hearsay_store_list_relations (self->store, document_id, error));
}

HearsayTextIndex *
hearsay_project_get_text_index (HearsayProject  *self,
                                gint64           document_id,
                                GError         **error)
{
  g_autoptr(HearsayDocument) doc = NULL;

  if (!check_open (self, error))
    return NULL;
  if (self->text != NULL && self->text_document_id == document_id)
    return self->text_index;
  doc = hearsay_store_load_document (self->store, document_id, error);
  if (doc == NULL)
    return NULL;
  g_clear_pointer (&self->text_index, hearsay_text_index_free);
  g_free (self->text);
  self->text = g_strdup (hearsay_document_get_text (doc));
  self->text_index = hearsay_text_index_new (self->text);
  self->text_document_id = document_id;
  return self->text_index;
}

void
hearsay_project_emit_change (HearsayProject       *self,
                             HearsayProjectChange  change,
                             gint64                document_id,
                             gint64                id,
                             gint64                other_id,
                             GObject              *object)
{
  switch (change)
    {
    case HEARSAY_PROJECT_CHANGE_ANNOTATION_ADDED:
      g_signal_emit (self, signals[ANNOTATION_ADDED], 0, document_id, id, object);
      break;
    case HEARSAY_PROJECT_CHANGE_ANNOTATION_REMOVED:
      g_signal_emit (self, signals[ANNOTATION_REMOVED], 0, document_id, id);
      break;
    case HEARSAY_PROJECT_CHANGE_ANNOTATION_CHANGED:
      g_signal_emit (self, signals[ANNOTATION_CHANGED], 0, document_id, id);
      break;
    case HEARSAY_PROJECT_CHANGE_RELATIONS:
      g_signal_emit (self, signals[RELATIONS_CHANGED], 0, id, other_id);
      break;
    case HEARSAY_PROJECT_CHANGE_ENTITIES:
      g_signal_emit (self, signals[ENTITIES_CHANGED], 0);
      break;
    case HEARSAY_PROJECT_CHANGE_HISTORY:
      g_signal_emit (self, signals[HISTORY_CHANGED], 0);
      break;
    case HEARSAY_PROJECT_CHANGE_DOCUMENT:
      g_signal_emit (self, signals[DOCUMENT_CHANGED], 0, document_id);
      break;
    case HEARSAY_PROJECT_CHANGE_DOCUMENTS:
      g_signal_emit (self, signals[DOCUMENTS_CHANGED], 0);
      break;
    case HEARSAY_PROJECT_CHANGE_CODERS:
      g_signal_emit (self, signals[CODERS_CHANGED], 0);
      break;
    case HEARSAY_PROJECT_CHANGE_LAYERS:
      g_signal_emit (self, signals[LAYERS_CHANGED], 0);
      break;
    case HEARSAY_PROJECT_CHANGE_SCHEME:
      g_signal_emit (self, signals[SCHEME_CHANGED], 0);
      break;
    case HEARSAY_PROJECT_CHANGE_READ_ONLY:
      g_signal_emit (self, signals[READ_ONLY_CHANGED], 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
hearsay_project_take_scheme (HearsayProject *self,
                             HearsayScheme  *scheme)
{
  g_clear_object (&self->scheme);
  self->scheme = scheme;
}

gboolean
hearsay_project_reload_scheme (HearsayProject  *self,
                               GError         **error)
{
  g_autoptr(HearsayScheme) old = g_steal_pointer (&self->scheme);

  if (!check_open (self, error) || !load_scheme (self, error))
    {
      self->scheme = g_steal_pointer (&old);
      return FALSE;
    }
  return TRUE;
}

gboolean
hearsay_project_set_scheme (HearsayProject  *self,
                            HearsayScheme   *scheme,
                            GError         **error)
{
  g_autofree char *json = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) local_error = NULL;
  HearsayEdit edit;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (HEARSAY_IS_SCHEME (scheme), FALSE);

  if (!check_open (self, error) || !hearsay_history_begin (self, error))
    return FALSE;
  json = hearsay_scheme_to_json (scheme);
  stored = hearsay_store_get_scheme_json (self->store, &local_error);
  if (local_error != NULL)
    {
      hearsay_store_rollback (self->store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_strcmp0 (stored, json) == 0)
    {
      /* Already in the file (an import stored it, another connection set
       * it): nothing to undo, but this connection takes it too. It is
       * written again all the same, so that who may not change the scheme
       * (a coder on a server) is refused here as for any other. A copy,
       * so later changes to @scheme do not reach the project unsaved. */
      if (!hearsay_store_set_scheme_json (self->store, json, error) || !hearsay_store_commit (self->store, error))
        {
          hearsay_store_rollback (self->store);
          return FALSE;
        }
      hearsay_project_take_scheme (self, hearsay_scheme_copy (scheme));
      g_signal_emit (self, signals[SCHEME_CHANGED], 0);
      return TRUE;
    }
  if (stored == NULL)
    stored = hearsay_scheme_to_json (self->scheme);
  hearsay_edit_init (&edit, "set_scheme", NULL, 0);
  hearsay_ops_set_scheme (edit.undo, stored);
  hearsay_ops_set_scheme (edit.redo, json);
  return hearsay_history_apply (self, &edit, NULL, error);
}

char **
hearsay_project_dup_unknown_labels (HearsayProject *self)
{
  g_auto(GStrv) used = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if (self->store != NULL)
    used = hearsay_store_list_used_labels (self->store, NULL);
  for (guint i = 0; used && used[i]; i++)
    if (hearsay_scheme_lookup_label (self->scheme, used[i]) == NULL)
      g_strv_builder_add (builder, used[i]);
  return g_strv_builder_end (builder);
}

gint64
hearsay_project_remap_label (HearsayProject  *self,
                             const char      *from,
                             const char      *to,
                             GError         **error)
{
  g_autoptr(GArray) ids = NULL;
  HearsayEdit edit;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), -1);
  if (hearsay_scheme_lookup_label (self->scheme, to) == NULL)
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_UNKNOWN_LABEL,
                   _("Unknown label “%s”"), to);
      return -1;
    }
  if (!check_open (self, error) || !hearsay_history_begin (self, error))
    return -1;
  ids = hearsay_store_list_label_annotations (self->store, from, error);
  if (ids == NULL)
    {
      hearsay_store_rollback (self->store);
      return -1;
    }
  if (ids->len == 0)
    {
      hearsay_store_rollback (self->store);
      return 0;
    }
  /* The undo names the annotations: others may carry @to already. */
  hearsay_edit_init (&edit, "remap_label", to, 0);
  hearsay_ops_relabel (edit.undo, ids, from);
  hearsay_ops_relabel (edit.redo, ids, to);
  if (!hearsay_history_apply (self, &edit, NULL, error))
    return -1;
  return ids->len;
}

GPtrArray *
hearsay_project_search_annotations (HearsayProject  *self,
                                    const char      *label,
                                    const char      *query,
                                    gint64           exclude_document_id,
                                    guint            limit,
                                    GError         **error)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if (!check_open (self, error))
    return NULL;
  return hearsay_project_hide_annotations (self, hearsay_store_search_annotations (self->store, label, query,
                                                                                  exclude_document_id,
                                                                                  limit ? limit : 200, error),
                                           error);
}
