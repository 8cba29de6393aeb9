/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-coders.c: the project's coders and layers, the view's
 * visible layers, and blind mode, which hides every other coder's layer
 * from the project's listings. */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-project-private.h"
#include "hearsay-project-team.h"

#define META_UUID "project_uuid"
#define META_COPY_CODER "team.coder"
#define META_BLIND_CODER "team.blind"

static HearsayStore *
require_store (HearsayProject  *self,
               GError         **error)
{
  return hearsay_project_require_store (self, error);
}

/* The blind coder's layer and the auto ones. */
static gboolean
compute_blind_layers (HearsayProject  *self,
                      GError         **error)
{
  HearsayProjectTeam team = hearsay_project_get_team (self);
  g_autoptr(GStrvBuilder) layers = g_strv_builder_new ();
  g_autoptr(GPtrArray) coders = NULL;

  g_clear_pointer (team.blind_layers, g_strfreev);
  if (*team.blind_coder == NULL)
    return TRUE;
  coders = hearsay_store_list_coders (hearsay_project_get_store (self), error);
  if (coders == NULL)
    return FALSE;
  g_strv_builder_add (layers, *team.blind_coder);
  for (guint i = 0; i < coders->len; i++)
    if (hearsay_coder_get_role (g_ptr_array_index (coders, i)) == HEARSAY_CODER_ROLE_AUTO)
      g_strv_builder_add (layers, hearsay_coder_get_name (g_ptr_array_index (coders, i)));
  *team.blind_layers = g_strv_builder_end (layers);
  return TRUE;
}

gboolean
hearsay_project_load_team (HearsayProject  *self,
                           GError         **error)
{
  HearsayProjectTeam team = hearsay_project_get_team (self);
  HearsayStore *store = hearsay_project_get_store (self);

  g_free (*team.uuid);
  *team.uuid = hearsay_store_get_meta (store, META_UUID);
  g_free (*team.copy_coder);
  *team.copy_coder = hearsay_store_get_meta (store, META_COPY_CODER);
  g_free (*team.blind_coder);
  *team.blind_coder = hearsay_store_get_meta (store, META_BLIND_CODER);
  if (*team.blind_coder != NULL && **team.blind_coder == '\0')
    g_clear_pointer (team.blind_coder, g_free);
  /* In blind mode what the coder adds is the coder's. */
  if (*team.blind_coder != NULL)
    hearsay_project_set_annotator (self, *team.blind_coder);
  return compute_blind_layers (self, error);
}

gboolean
hearsay_project_layer_is_hidden (HearsayProject *self,
                                 const char     *annotator)
{
  HearsayProjectTeam team = hearsay_project_get_team (self);

  if (*team.blind_coder == NULL)
    return FALSE;
  return annotator == NULL || !g_strv_contains ((const char * const *) *team.blind_layers, annotator);
}

gboolean
hearsay_project_check_own_layer (HearsayProject  *self,
                                 const char      *annotator,
                                 GError         **error)
{
  if (!hearsay_project_layer_is_hidden (self, annotator))
    return TRUE;
  g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
               _("%s is in blind mode for %s: what is added is %s’s, not %s’s"),
               hearsay_project_get_path (self), hearsay_project_get_blind_coder (self),
               hearsay_project_get_blind_coder (self), annotator ? annotator : _("nobody"));
  return FALSE;
}

GPtrArray *
hearsay_project_hide_annotations (HearsayProject  *self,
                                  GPtrArray       *annotations,
                                  GError         **error)
{
  if (annotations == NULL || hearsay_project_get_blind_coder (self) == NULL)
    return annotations;
  for (guint i = annotations->len; i > 0; i--)
    if (hearsay_project_layer_is_hidden (self, hearsay_annotation_get_annotator (g_ptr_array_index (annotations,
                                                                                                    i - 1))))
      g_ptr_array_remove_index (annotations, i - 1);
  return annotations;
}

HearsayAnnotation *
hearsay_project_hide_annotation (HearsayProject     *self,
                                 HearsayAnnotation  *annotation,
                                 GError            **error)
{
  if (annotation == NULL || !hearsay_project_layer_is_hidden (self, hearsay_annotation_get_annotator (annotation)))
    return annotation;
  g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
               _("There is no annotation %" PRId64 " in %s’s layer"),
               hearsay_annotation_get_id (annotation), hearsay_project_get_blind_coder (self));
  g_object_unref (annotation);
  return NULL;
}

GPtrArray *
hearsay_project_hide_relations (HearsayProject *self,
                                GPtrArray      *relations)
{
  if (relations == NULL || hearsay_project_get_blind_coder (self) == NULL)
    return relations;
  for (guint i = relations->len; i > 0; i--)
    {
      const HearsayRelation *r = g_ptr_array_index (relations, i - 1);

      /* A relation without an annotator shows with its ends. */
      if (r->annotator != NULL && hearsay_project_layer_is_hidden (self, r->annotator))
        g_ptr_array_remove_index (relations, i - 1);
    }
  return relations;
}

GPtrArray *
hearsay_project_list_coders (HearsayProject  *self,
                             GError         **error)
{
  HearsayStore *store;
  GPtrArray *coders;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if ((store = require_store (self, error)) == NULL || (coders = hearsay_store_list_coders (store, error)) == NULL)
    return NULL;
  /* A coder without a colour of its own gets the palette's, by position:
   * the same coder keeps the same colour from one listing to the next. */
  for (guint i = 0; i < coders->len; i++)
    if (hearsay_coder_get_color (g_ptr_array_index (coders, i)) == NULL)
      hearsay_coder_set_color (g_ptr_array_index (coders, i), hearsay_coder_default_color (i));
  if (hearsay_project_get_blind_coder (self) != NULL)
    for (guint i = coders->len; i > 0; i--)
      if (hearsay_project_layer_is_hidden (self, hearsay_coder_get_name (g_ptr_array_index (coders, i - 1))))
        g_ptr_array_remove_index (coders, i - 1);
  return coders;
}

HearsayCoder *
hearsay_project_get_coder (HearsayProject  *self,
                           const char      *name,
                           GError         **error)
{
  g_autoptr(GPtrArray) coders = hearsay_project_list_coders (self, error);

  if (coders == NULL)
    return NULL;
  for (guint i = 0; i < coders->len; i++)
    if (g_strcmp0 (hearsay_coder_get_name (g_ptr_array_index (coders, i)), name) == 0)
      return g_object_ref (g_ptr_array_index (coders, i));
  g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
               _("There is no coder “%s” in %s"), name, hearsay_project_get_path (self));
  return NULL;
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (name == NULL || *name == '\0' || g_ascii_isspace (name[0]) || g_ascii_isspace (name[strlen (name) - 1]) ||
      strpbrk (name, "\n\r\t") != NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                   _("“%s” is not a coder name: it must be one line, not empty, without space at either end"),
                   name ? name : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_color (const char  *color,
             GError     **error)
{
  if (color == NULL || hearsay_coder_color_is_valid (color))
    return TRUE;
  g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
               _("“%s” is not a colour: give it as #rrggbb"), color);
  return FALSE;
}

static gboolean
save_coder (HearsayProject  *self,
            HearsayCoder    *coder,
            GError         **error)
{
  HearsayStore *store = require_store (self, error);

  if (store == NULL || !hearsay_store_begin (store, error))
    return FALSE;
  if (!hearsay_store_save_coder (store, coder, error) || !hearsay_store_commit (store, error))
    {
      hearsay_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

HearsayCoder *
hearsay_project_add_coder (HearsayProject    *self,
                           const char        *name,
                           const char        *color,
                           HearsayCoderRole   role,
                           GError           **error)
{
  g_autoptr(HearsayCoder) coder = NULL;
  g_autoptr(GPtrArray) coders = NULL;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if (!check_name (name, error) || !check_color (color, error) ||
      (coders = hearsay_project_list_coders (self, error)) == NULL)
    return NULL;
  coder = hearsay_coder_new (name, role);
  hearsay_coder_set_color (coder, color != NULL ? color : hearsay_coder_default_color (coders->len));
  if (!save_coder (self, coder, error))
    return NULL;
  hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_CODERS, 0, 0, 0, NULL);
  return g_steal_pointer (&coder);
}

gboolean
hearsay_project_rename_coder (HearsayProject  *self,
                              const char      *name,
                              const char      *new_name,
                              GError         **error)
{
  g_autoptr(HearsayCoder) coder = NULL;
  HearsayProjectTeam team = hearsay_project_get_team (self);

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if (!check_name (new_name, error) || (coder = hearsay_project_get_coder (self, name, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (name, new_name) == 0)
    return TRUE;
  hearsay_coder_set_name (coder, new_name);
  if (!save_coder (self, coder, error))
    return FALSE;
  /* The project's own names for the layer follow it. */
  if (g_strcmp0 (*team.blind_coder, name) == 0 || g_strcmp0 (*team.copy_coder, name) == 0)
    {
      HearsayStore *store = hearsay_project_get_store (self);

      if (g_strcmp0 (*team.blind_coder, name) == 0)
        hearsay_store_set_meta (store, META_BLIND_CODER, new_name, NULL);
      if (g_strcmp0 (*team.copy_coder, name) == 0)
        hearsay_store_set_meta (store, META_COPY_CODER, new_name, NULL);
      hearsay_project_load_team (self, NULL);
    }
  if (g_strcmp0 (hearsay_project_get_annotator (self), name) == 0)
    hearsay_project_set_annotator (self, new_name);
  hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_CODERS, 0, 0, 0, NULL);
  hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_DOCUMENTS, 0, 0, 0, NULL);
  return TRUE;
}

gboolean
hearsay_project_set_coder_color (HearsayProject  *self,
                                 const char      *name,
                                 const char      *color,
                                 GError         **error)
{
  g_autoptr(HearsayCoder) coder = NULL;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if (color == NULL || !check_color (color, error) || (coder = hearsay_project_get_coder (self, name, error)) == NULL)
    {
      if (color == NULL)
        check_color ("", error);
      return FALSE;
    }
  hearsay_coder_set_color (coder, color);
  if (!save_coder (self, coder, error))
    return FALSE;
  hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_CODERS, 0, 0, 0, NULL);
  return TRUE;
}

char *
hearsay_project_dup_gold_coder (HearsayProject *self)
{
  g_autoptr(GPtrArray) coders = NULL;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if (hearsay_project_get_store (self) == NULL ||
      (coders = hearsay_store_list_coders (hearsay_project_get_store (self), NULL)) == NULL)
    return NULL;
  for (guint i = 0; i < coders->len; i++)
    if (hearsay_coder_is_gold (g_ptr_array_index (coders, i)))
      return g_strdup (hearsay_coder_get_name (g_ptr_array_index (coders, i)));
  return NULL;
}

char *
hearsay_project_ensure_gold_coder (HearsayProject  *self,
                                   GError         **error)
{
  g_autofree char *gold = hearsay_project_dup_gold_coder (self);
  g_autoptr(HearsayCoder) coder = NULL;

  if (gold != NULL)
    return g_steal_pointer (&gold);
  if (hearsay_project_get_blind_coder (self) != NULL)
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_READ_ONLY,
                   _("%s is in blind mode (coder %s): the gold layer is curated in the project itself"),
                   hearsay_project_get_path (self), hearsay_project_get_blind_coder (self));
      return NULL;
    }
  coder = hearsay_project_add_coder (self, HEARSAY_CODER_GOLD_NAME, "#cfa000", HEARSAY_CODER_ROLE_GOLD, error);
  return coder != NULL ? g_strdup (hearsay_coder_get_name (coder)) : NULL;
}

void
hearsay_project_set_visible_layers (HearsayProject     *self,
                                    const char * const *layers)
{
  HearsayProjectTeam team;

  g_return_if_fail (HEARSAY_IS_PROJECT (self));
  team = hearsay_project_get_team (self);
  g_clear_pointer (team.visible_layers, g_strfreev);
  *team.visible_layers = layers != NULL ? g_strdupv ((char **) layers) : NULL;
  hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_LAYERS, 0, 0, 0, NULL);
}

const char * const *
hearsay_project_get_visible_layers (HearsayProject *self)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  return (const char * const *) *hearsay_project_get_team (self).visible_layers;
}

gboolean
hearsay_project_layer_is_visible (HearsayProject *self,
                                  const char     *annotator)
{
  const char * const *visible;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if (hearsay_project_layer_is_hidden (self, annotator))
    return FALSE;
  visible = hearsay_project_get_visible_layers (self);
  return visible == NULL || (annotator != NULL && g_strv_contains (visible, annotator));
}

const char *
hearsay_project_get_blind_coder (HearsayProject *self)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  return *hearsay_project_get_team (self).blind_coder;
}

const char *
hearsay_project_get_copy_coder (HearsayProject *self)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  return *hearsay_project_get_team (self).copy_coder;
}

const char *
hearsay_project_get_uuid (HearsayProject *self)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  return *hearsay_project_get_team (self).uuid;
}

gboolean
hearsay_project_set_blind_coder (HearsayProject  *self,
                                 const char      *coder,
                                 GError         **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if ((store = require_store (self, error)) == NULL)
    return FALSE;
  if (coder != NULL)
    {
      g_autoptr(HearsayCoder) found = hearsay_project_get_coder (self, coder, error);

      if (found == NULL)
        return FALSE;
      if (hearsay_coder_get_role (found) != HEARSAY_CODER_ROLE_CODER)
        {
          g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                       _("“%s” is not a coder’s layer: blind mode is for one coder"), coder);
          return FALSE;
        }
    }
  if (!hearsay_store_begin (store, error))
    return FALSE;
  if (!hearsay_store_set_meta (store, META_BLIND_CODER, coder, error) || !hearsay_store_commit (store, error))
    {
      hearsay_store_rollback (store);
      return FALSE;
    }
  if (!hearsay_project_load_team (self, error))
    return FALSE;
  hearsay_project_set_visible_layers (self, NULL);
  hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_DOCUMENTS, 0, 0, 0, NULL);
  return TRUE;
}

GPtrArray *
hearsay_project_list_layer_annotations (HearsayProject  *self,
                                        gint64           document_id,
                                        const char      *coder,
                                        GError         **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (coder != NULL, NULL);
  if ((store = require_store (self, error)) == NULL)
    return NULL;
  if (hearsay_project_layer_is_hidden (self, coder))
    return g_ptr_array_new_with_free_func (g_object_unref);
  return hearsay_store_list_layer_annotations (store, document_id, coder, error);
}

HearsayLayerRows *
hearsay_project_read_layers (HearsayProject      *self,
                             const gint64        *document_ids,
                             guint                n_documents,
                             const char * const  *coders,
                             HearsayLayerReadFlags flags,
                             GError             **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if ((store = require_store (self, error)) == NULL)
    return NULL;
  for (guint i = 0; coders != NULL && coders[i] != NULL; i++)
    if (hearsay_project_layer_is_hidden (self, coders[i]))
      {
        g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                     _("%s is in blind mode (coder %s): the layer of %s is not shown"),
                     hearsay_project_get_path (self), hearsay_project_get_blind_coder (self), coders[i]);
        return NULL;
      }
  if (coders == NULL && hearsay_project_get_blind_coder (self) != NULL)
    coders = (const char * const *) *hearsay_project_get_team (self).blind_layers;
  return hearsay_store_read_layers (store, document_ids, n_documents, coders, flags, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

GArray *
hearsay_project_select_documents (HearsayProject  *self,
                                  const gint64    *document_ids,
                                  guint            n_documents,
                                  gint64           event_id,
                                  const char      *outlet,
                                  GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) documents = NULL;
  HearsayDocumentFilter filter = { NULL };

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if (document_ids != NULL)
    {
      for (guint i = 0; i < n_documents; i++)
        {
          g_autoptr(HearsayDocument) doc = hearsay_project_load_document (self, document_ids[i], error);

          if (doc == NULL)
            return NULL;
          g_array_append_val (ids, document_ids[i]);
        }
      g_array_sort (ids, compare_ids);
      return g_steal_pointer (&ids);
    }
  if (event_id > 0)
    {
      g_autoptr(HearsayEvent) event = hearsay_project_get_event (self, event_id, error);

      if (event == NULL)
        return NULL;
    }
  filter.event_id = event_id;
  documents = hearsay_project_filter_documents (self, &filter, error);
  if (documents == NULL)
    return NULL;
  for (guint i = 0; i < documents->len; i++)
    {
      HearsayDocument *doc = g_ptr_array_index (documents, i);
      g_autofree char *own = g_strstrip (g_strdup (hearsay_document_get_outlet (doc) ? hearsay_document_get_outlet (doc)
                                                                                     : ""));
      gint64 id = hearsay_document_get_id (doc);

      if (outlet == NULL || g_strcmp0 (own, outlet) == 0)
        g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);
  return g_steal_pointer (&ids);
}

HearsayCompareSums *
hearsay_project_read_layer_compare_sums (HearsayProject            *self,
                                         const HearsayCompareKeys  *keys,
                                         const char                *coder,
                                         const gint64              *document_ids,
                                         guint                      n_documents,
                                         gint64                     event_id,
                                         GError                   **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if ((store = require_store (self, error)) == NULL)
    return NULL;
  if (coder != NULL && hearsay_project_layer_is_hidden (self, coder))
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                   _("%s is in blind mode (coder %s): the layer of %s is not shown"),
                   hearsay_project_get_path (self), hearsay_project_get_blind_coder (self), coder);
      return NULL;
    }
  /* In blind mode the comparison is the coder's own. */
  if (coder == NULL)
    coder = hearsay_project_get_blind_coder (self);
  return hearsay_store_compare_layer_sums (store, keys ? keys : hearsay_compare_keys_default (), coder,
                                           document_ids, n_documents, event_id, error);
}
