/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-coders.c: the coders — annotator rows with a colour and a
 * role (schema step 6). */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-store-private.h"

GPtrArray *
hearsay_store_list_coders (HearsayStore  *self,
                           GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, list_coders, (self, error));
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  /* The count runs along index annotation_annotator. */
  stmt = hearsay_store_prepare (self,
                                "SELECT an.id, an.name, an.color, an.role, "
                                "(SELECT count(*) FROM annotation a WHERE a.annotator_id = an.id) "
                                "FROM annotator an ORDER BY an.id;", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HearsayCoderRole role = HEARSAY_CODER_ROLE_CODER;
      HearsayCoder *coder;

      hearsay_coder_role_from_string (hearsay_store_column_text (stmt, 3), &role);
      coder = hearsay_coder_new (hearsay_store_column_text (stmt, 1), role);
      hearsay_coder_set_id (coder, sqlite3_column_int64 (stmt, 0));
      hearsay_coder_set_color (coder, hearsay_store_column_text (stmt, 2));
      hearsay_coder_set_n_annotations (coder, (guint) MIN (sqlite3_column_int64 (stmt, 4), G_MAXUINT));
      g_ptr_array_add (list, coder);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not read the coders"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Says which rule a refused write broke: the name or the one gold layer. */
static void
set_save_error (HearsayStore  *self,
                HearsayCoder  *coder,
                GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean name_taken = FALSE;

  if ((sqlite3_extended_errcode (self->db) & 0xff) != SQLITE_CONSTRAINT)
    {
      hearsay_store_set_error (self, error, _("could not save the coder"));
      return;
    }
  stmt = hearsay_store_prepare (self, "SELECT 1 FROM annotator WHERE name = ?1 AND id <> ?2;", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, hearsay_coder_get_name (coder), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, hearsay_coder_get_id (coder));
      name_taken = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }
  if (name_taken)
    g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_EXISTS,
                 _("There is already a coder named “%s” in %s"), hearsay_coder_get_name (coder), self->path);
  else
    g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_EXISTS,
                 _("%s has a gold layer already: a project has one"), self->path);
}

gboolean
hearsay_store_save_coder (HearsayStore  *self,
                          HearsayCoder  *coder,
                          GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, save_coder, (self, coder, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  hearsay_store_forget_annotator (self);
  if (hearsay_coder_get_id (coder) <= 0)
    stmt = hearsay_store_prepare (self, "INSERT INTO annotator (name, color, role) VALUES (?2, ?3, ?4);", error);
  else
    stmt = hearsay_store_prepare (self, "UPDATE annotator SET name = ?2, color = ?3, role = ?4 WHERE id = ?1;",
                                  error);
  if (stmt == NULL)
    return FALSE;
  if (hearsay_coder_get_id (coder) > 0)
    sqlite3_bind_int64 (stmt, 1, hearsay_coder_get_id (coder));
  sqlite3_bind_text (stmt, 2, hearsay_coder_get_name (coder), -1, SQLITE_STATIC);
  hearsay_store_bind_text (stmt, 3, hearsay_coder_get_color (coder));
  sqlite3_bind_text (stmt, 4, hearsay_coder_role_to_string (hearsay_coder_get_role (coder)), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_save_error (self, coder, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (hearsay_coder_get_id (coder) <= 0)
    hearsay_coder_set_id (coder, sqlite3_last_insert_rowid (self->db));
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no coder %" PRId64 " in %s"), hearsay_coder_get_id (coder), self->path);
      return FALSE;
    }
  return TRUE;
}
