/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-copies.c: one blind copy of the project per coder, and
 * the record of what each copy holds (the base its merge is computed
 * against). */
#include "config.h"

#include <string.h>

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearsay-date.h"
#include "hearsay-error.h"
#include "hearsay-project-team.h"
#include "hearsay-team-private.h"

/* A coder's name as part of a file name: letters, digits, '-', '_', '.'. */
static char *
file_part (const char *name)
{
  GString *s = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '-' || c == '_' || (c == '.' && s->len > 0))
        g_string_append_unichar (s, c);
      else
        g_string_append_c (s, '_');
    }
  return g_string_free (s, FALSE);
}

/* What the copies' file names start with: the file's name, or a server
 * project's schema ("…#name", "project=name", else the default one). */
static char *
copies_name (HearsayProject *self)
{
  const char *path = hearsay_project_get_path (self);
  const char *hash, *key;

  if (!hearsay_project_location_is_server (path))
    return hearsay_project_dup_name (self);
  hash = strchr (path, '#');
  key = strstr (path, "project=");
  if (hash != NULL && hash[1] != '\0')
    return g_strdup (hash + 1);
  if (key != NULL && (key == path || key[-1] == ' ') && key[strlen ("project=")] != '\0')
    return g_strndup (key + strlen ("project="), strcspn (key + strlen ("project="), " "));
  return g_strdup ("hearsay");
}

/* Writes the blind copy of @coder at @path, through a temporary file. */
static gboolean
write_copy (HearsayProject  *self,
            const char      *coder,
            const char      *path,
            GError         **error)
{
  g_autofree char *tmp = g_strconcat (path, ".preparing", NULL);
  g_autofree char *now = hearsay_now_iso8601 ();
  const char * const keep[] = { coder, NULL };
  HearsayStore *copy;
  gboolean ok;

  g_unlink (tmp);
  if (!hearsay_store_backup (hearsay_project_get_store (self), tmp, error))
    return FALSE;
  copy = hearsay_store_open (tmp, HEARSAY_STORE_OPEN_DEFAULT, NULL, error);
  if (copy == NULL)
    {
      g_unlink (tmp);
      return FALSE;
    }
  ok = hearsay_store_begin (copy, error) &&
       hearsay_store_set_meta (copy, HEARSAY_TEAM_META_COPY_CODER, coder, error) &&
       hearsay_store_set_meta (copy, HEARSAY_TEAM_META_BLIND_CODER, coder, error) &&
       hearsay_store_set_meta (copy, HEARSAY_TEAM_META_ORIGIN, hearsay_project_get_uuid (self), error) &&
       hearsay_store_set_meta (copy, HEARSAY_TEAM_META_PREPARED_AT, now, error) &&
       hearsay_store_commit (copy, error) &&
       hearsay_store_keep_layers (copy, keep, error);
  if (!ok)
    hearsay_store_rollback (copy);
  hearsay_store_close (copy);
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_CONFLICT,
                   _("%s: could not write the copy (%s)"), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

/* The base of @coder's merges: what the copy holds now. */
static gboolean
record_base (HearsayProject  *self,
             const char      *coder,
             GError         **error)
{
  HearsayStore *store = hearsay_project_get_store (self);
  g_autoptr(HearsayTeamLayer) layer = hearsay_team_layer_read (store, coder, error);
  GHashTableIter iter;
  gpointer uuid, digest;

  if (layer == NULL || !hearsay_store_write_team_base (store, coder, NULL, NULL, error))
    return FALSE;
  g_hash_table_iter_init (&iter, layer->digests);
  while (g_hash_table_iter_next (&iter, &uuid, &digest))
    if (!hearsay_store_write_team_base (store, coder, uuid, digest, error))
      return FALSE;
  return TRUE;
}

GPtrArray *
hearsay_project_prepare_coder_copies (HearsayProject      *self,
                                      const char * const  *coders,
                                      const char          *directory,
                                      GCancellable        *cancellable,
                                      GError             **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  HearsayStore *store;
  gboolean ok = TRUE;
  guint written = 0;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (directory != NULL, NULL);

  if ((store = hearsay_project_require_store (self, error)) == NULL || !hearsay_store_check_writable (store, error))
    return NULL;
  if (hearsay_project_get_blind_coder (self) != NULL)
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                   _("%s is in blind mode (coder %s): prepare the copies from the project itself"),
                   hearsay_project_get_path (self), hearsay_project_get_blind_coder (self));
      return NULL;
    }
  if (coders == NULL || coders[0] == NULL)
    {
      g_set_error_literal (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                           _("Name at least one coder to prepare a copy for"));
      return NULL;
    }
  if (g_mkdir_with_parents (directory, 0777) != 0)
    {
      int saved = errno;

      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_CONFLICT,
                   _("%s: could not create the folder (%s)"), directory, g_strerror (saved));
      return NULL;
    }

  /* Every check before the first write. */
  {
    g_autofree char *project_name = copies_name (self);

    name = file_part (project_name);
  }
  for (guint i = 0; coders[i] != NULL; i++)
    {
      g_autofree char *part = file_part (coders[i]);
      g_autofree char *base = g_strdup_printf ("%s-%s.hearsay", name, part);
      g_autoptr(HearsayCoder) coder = hearsay_project_get_coder (self, coders[i], NULL);
      char *path = g_build_filename (directory, base, NULL);

      g_ptr_array_add (paths, path);
      for (guint k = 0; k < i; k++)
        if (g_strcmp0 (coders[k], coders[i]) == 0 || g_strcmp0 (g_ptr_array_index (paths, k), path) == 0)
          {
            g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                         _("“%s” and “%s” would share the copy %s: name each coder once"),
                         coders[k], coders[i], path);
            return NULL;
          }
      if (coder != NULL && hearsay_coder_get_role (coder) != HEARSAY_CODER_ROLE_CODER)
        {
          g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                       hearsay_coder_is_gold (coder)
                       ? _("“%s” is the gold layer: it is curated in the project, not coded in a copy")
                       : _("“%s” is made by a program, not a coder"), coders[i]);
          return NULL;
        }
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_EXISTS,
                       _("%s exists already; a coder's copy is never replaced (it may hold their work): "
                         "merge it, move it away or choose another folder"), path);
          return NULL;
        }
    }
  for (guint i = 0; coders[i] != NULL; i++)
    {
      g_autoptr(HearsayCoder) coder = hearsay_project_get_coder (self, coders[i], NULL);

      if (coder == NULL && (coder = hearsay_project_add_coder (self, coders[i], NULL, HEARSAY_CODER_ROLE_CODER,
                                                               error)) == NULL)
        return NULL;
    }

  for (guint i = 0; ok && coders[i] != NULL; i++)
    {
      ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           write_copy (self, coders[i], g_ptr_array_index (paths, i), error);
      written += ok;
    }
  if (ok)
    {
      ok = hearsay_store_begin (store, error);
      for (guint i = 0; ok && coders[i] != NULL; i++)
        ok = record_base (self, coders[i], error);
      if (ok)
        ok = hearsay_store_commit (store, error);
      else
        hearsay_store_rollback (store);
    }
  if (!ok)
    {
      for (guint i = 0; i < written; i++)
        g_unlink (g_ptr_array_index (paths, i));
      return NULL;
    }
  return g_steal_pointer (&paths);
}
