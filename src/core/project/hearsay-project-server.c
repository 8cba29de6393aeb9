/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-server.c: a project shared on a server — its members,
 * other clients' changes told by the project's usual signals, the
 * connection's loss and return, and copies between a file and a server. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <glib-unix.h>

#include "hearsay-error.h"
#include "hearsay-project-private.h"

/* How often the changes are looked for besides the socket's own wake-ups
 * (libpq may have read them during a query), and a lost server retried. */
#define POLL_MS 200
#define RECONNECT_MS 2000

gboolean
hearsay_project_location_is_server (const char *location)
{
  return hearsay_store_location_is_server (location);
}

void
hearsay_project_set_server_password (const char *location,
                                     const char *password)
{
  hearsay_store_set_password (location, password);
}

gboolean
hearsay_project_is_server (HearsayProject *self)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  return hearsay_project_get_store (self) != NULL &&
         hearsay_store_get_role (hearsay_project_get_store (self)) != HEARSAY_MEMBER_ROLE_NONE;
}

char *
hearsay_project_dup_user (HearsayProject *self)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  store = hearsay_project_get_store (self);
  return store != NULL ? hearsay_store_dup_user (store) : NULL;
}

HearsayMemberRole
hearsay_project_get_role (HearsayProject *self)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), HEARSAY_MEMBER_ROLE_NONE);
  store = hearsay_project_get_store (self);
  return store != NULL ? hearsay_store_get_role (store) : HEARSAY_MEMBER_ROLE_NONE;
}

gboolean
hearsay_project_get_blind (HearsayProject *self)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  store = hearsay_project_get_store (self);
  return store != NULL && hearsay_store_get_blind (store);
}

gboolean
hearsay_project_set_blind (HearsayProject  *self,
                           gboolean         blind,
                           GError         **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  store = hearsay_project_require_store (self, error);
  if (store == NULL || !hearsay_store_set_blind (store, blind, error))
    return FALSE;
  hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_DOCUMENTS, 0, 0, 0, NULL);
  return TRUE;
}

gboolean
hearsay_project_add_member (HearsayProject     *self,
                            const char         *name,
                            HearsayMemberRole   role,
                            const char         *password,
                            GError            **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  store = hearsay_project_require_store (self, error);
  return store != NULL && hearsay_store_add_member (store, name, role, password, error);
}

gboolean
hearsay_project_remove_member (HearsayProject  *self,
                               const char      *name,
                               GError         **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  store = hearsay_project_require_store (self, error);
  return store != NULL && hearsay_store_remove_member (store, name, error);
}

GPtrArray *
hearsay_project_list_members (HearsayProject  *self,
                              GError         **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  store = hearsay_project_require_store (self, error);
  return store != NULL ? hearsay_store_list_members (store, error) : NULL;
}

/* Following other clients */

typedef struct
{
  HearsayProject *project;   /* not a reference: the project owns this */
  GMainContext *context;
  GSource *socket;
  int fd;
  guint poll_id;
  gboolean read_only;
  gint64 last_attempt;
} Follow;

static GQuark
follow_quark (void)
{
  return g_quark_from_static_string ("hearsay-project-follow");
}

static void
destroy_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

static void
follow_free (Follow *follow)
{
  destroy_source (&follow->socket);
  if (follow->poll_id != 0)
    {
      GSource *source = g_main_context_find_source_by_id (follow->context, follow->poll_id);

      if (source != NULL)
        g_source_destroy (source);
    }
  g_main_context_unref (follow->context);
  g_free (follow);
}

void
hearsay_project_stop_following (HearsayProject *self)
{
  g_object_set_qdata (G_OBJECT (self), follow_quark (), NULL);
}

typedef struct
{
  gboolean documents, entities, scheme, everything;
  GHashTable *added;    /* annotation ids added or removed in this batch */
  GHashTable *changed;
} Batch;

/* An annotation this client may see (a coder of a blind project is told
 * of every layer's rows by number only). Reading it also records its
 * revision: the views that update from the signal show that one. */
static gboolean
visible (HearsayStore *store,
         gint64        id)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_store_load_annotation (store, id, NULL);

  return ann != NULL;
}

static void
apply (HearsayProject   *self,
       HearsayStore     *store,
       GArray           *changes)
{
  Batch batch = { FALSE, FALSE, FALSE, FALSE,
                  g_hash_table_new (g_int64_hash, g_int64_equal),
                  g_hash_table_new (g_int64_hash, g_int64_equal) };

  /* Added or removed in this batch: a change of the same one is not news. */
  for (guint i = 0; i < changes->len; i++)
    {
      HearsayStoreChange *c = &g_array_index (changes, HearsayStoreChange, i);

      if (c->kind == HEARSAY_STORE_CHANGE_ANNOTATION_ADDED || c->kind == HEARSAY_STORE_CHANGE_ANNOTATION_REMOVED)
        g_hash_table_add (batch.added, &c->id);
      else if (c->kind == HEARSAY_STORE_CHANGE_EVERYTHING)
        batch.everything = TRUE;
    }
  for (guint i = 0; i < changes->len && !batch.everything; i++)
    {
      HearsayStoreChange *c = &g_array_index (changes, HearsayStoreChange, i);

      switch (c->kind)
        {
        case HEARSAY_STORE_CHANGE_ANNOTATION_ADDED:
          {
            /* The signal carries the annotation, as stored now. */
            g_autoptr(HearsayAnnotation) ann = hearsay_store_load_annotation (store, c->id, NULL);

            if (ann != NULL)
              hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_ANNOTATION_ADDED, c->document_id, c->id, 0,
                                           G_OBJECT (ann));
          }
          break;
        case HEARSAY_STORE_CHANGE_ANNOTATION_REMOVED:
          hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_ANNOTATION_REMOVED, c->document_id, c->id, 0, NULL);
          break;
        case HEARSAY_STORE_CHANGE_ANNOTATION_CHANGED:
          if (g_hash_table_contains (batch.added, &c->id) || !g_hash_table_add (batch.changed, &c->id))
            break;
          if (visible (store, c->id))
            hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_ANNOTATION_CHANGED, c->document_id, c->id, 0, NULL);
          break;
        case HEARSAY_STORE_CHANGE_RELATIONS:
          hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_RELATIONS, 0, c->id, c->other_id, NULL);
          break;
        case HEARSAY_STORE_CHANGE_DOCUMENT:
          hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_DOCUMENT, c->document_id, 0, 0, NULL);
          break;
        case HEARSAY_STORE_CHANGE_DOCUMENTS:
          batch.documents = TRUE;
          break;
        case HEARSAY_STORE_CHANGE_ENTITIES:
          batch.entities = TRUE;
          break;
        case HEARSAY_STORE_CHANGE_SCHEME:
          batch.scheme = TRUE;
          break;
        case HEARSAY_STORE_CHANGE_EVERYTHING:
        default:
          break;
        }
    }
  /* Rereading the scheme rereads every view's annotations too. */
  if ((batch.scheme || batch.everything) && hearsay_project_reload_scheme (self, NULL))
    hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_SCHEME, 0, 0, 0, NULL);
  if (batch.documents || batch.everything)
    hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_DOCUMENTS, 0, 0, 0, NULL);
  if (batch.entities || batch.everything)
    hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_ENTITIES, 0, 0, 0, NULL);
  if (batch.everything)
    hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_HISTORY, 0, 0, 0, NULL);
  g_hash_table_unref (batch.added);
  g_hash_table_unref (batch.changed);
}

static gboolean on_socket (int fd, GIOCondition condition, gpointer data);

/* The socket changes with each connection. */
static void
watch_socket (Follow       *follow,
              HearsayStore *store)
{
  int fd = hearsay_store_get_notify_fd (store);

  if (fd == follow->fd && (fd < 0 || follow->socket != NULL))
    return;
  destroy_source (&follow->socket);
  follow->fd = fd;
  if (fd < 0)
    return;
  follow->socket = g_unix_fd_source_new (fd, G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (follow->socket, G_SOURCE_FUNC (on_socket), follow, NULL);
  g_source_set_static_name (follow->socket, "[hearsay] other clients' changes");
  g_source_attach (follow->socket, follow->context);
}

static void
check (Follow *follow)
{
  HearsayProject *self = follow->project;
  HearsayStore *store = hearsay_project_get_store (self);
  g_autoptr(GArray) changes = NULL;
  gboolean read_only;

  if (store == NULL)
    return;
  /* Hold the project: a handler may drop the last other reference. */
  g_object_ref (self);
  if (hearsay_project_get_read_only (self) && hearsay_store_get_notify_fd (store) < 0 &&
      g_get_monotonic_time () - follow->last_attempt >= RECONNECT_MS * 1000)
    {
      follow->last_attempt = g_get_monotonic_time ();
      hearsay_store_reconnect (store, NULL);
    }
  changes = hearsay_store_take_changes (store);
  watch_socket (follow, store);
  read_only = hearsay_project_get_read_only (self);
  if (changes != NULL)
    apply (self, store, changes);
  if (read_only != follow->read_only)
    {
      follow->read_only = read_only;
      hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_READ_ONLY, 0, 0, 0, NULL);
    }
  g_object_unref (self);
}

static gboolean
on_socket (int           fd,
           GIOCondition  condition,
           gpointer      data)
{
  Follow *follow = data;

  check (follow);
  /* watch_socket () may have replaced this source. */
  return follow->socket != NULL && fd == follow->fd ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
on_poll (gpointer data)
{
  check (data);
  return G_SOURCE_CONTINUE;
}

void
hearsay_project_follow_changes (HearsayProject *self)
{
  HearsayStore *store;
  Follow *follow;
  GSource *poll;

  g_return_if_fail (HEARSAY_IS_PROJECT (self));
  store = hearsay_project_get_store (self);
  if (store == NULL || hearsay_store_get_role (store) == HEARSAY_MEMBER_ROLE_NONE ||
      g_object_get_qdata (G_OBJECT (self), follow_quark ()) != NULL)
    return;
  follow = g_new0 (Follow, 1);
  follow->project = self;
  follow->context = g_main_context_ref_thread_default ();
  follow->fd = -1;
  follow->read_only = hearsay_project_get_read_only (self);
  watch_socket (follow, store);
  poll = g_timeout_source_new (POLL_MS);
  g_source_set_callback (poll, on_poll, follow, NULL);
  g_source_set_static_name (poll, "[hearsay] server poll");
  follow->poll_id = g_source_attach (poll, follow->context);
  g_source_unref (poll);
  g_object_set_qdata_full (G_OBJECT (self), follow_quark (), follow, (GDestroyNotify) follow_free);
}

gboolean
hearsay_project_is_offline (HearsayProject *self)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  return hearsay_project_is_server (self) &&
         hearsay_store_get_notify_fd (hearsay_project_get_store (self)) < 0;
}

gboolean
hearsay_project_retry_connection (HearsayProject  *self,
                                  GError         **error)
{
  HearsayStore *store;
  Follow *follow;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  store = hearsay_project_require_store (self, error);
  if (store == NULL || !hearsay_store_reconnect (store, error))
    return FALSE;
  /* Tell the views now, not at the next poll: writable again, and what
   * the others changed meanwhile. */
  follow = g_object_get_qdata (G_OBJECT (self), follow_quark ());
  if (follow != NULL)
    {
      follow->last_attempt = g_get_monotonic_time ();
      check (follow);
    }
  return TRUE;
}

/* Copies */

gboolean
hearsay_project_copy_to (HearsayProject  *self,
                         const char      *dest,
                         GError         **error)
{
  HearsayStore *src, *to;
  gboolean server = hearsay_store_location_is_server (dest);
  gboolean created = FALSE, ok;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  src = hearsay_project_require_store (self, error);
  if (src == NULL)
    return FALSE;
  if (!server && g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_EXISTS,
                   _("%s already exists: a project is copied into a new file"), dest);
      return FALSE;
    }
  /* A server project that does not exist yet is created as server init
   * creates it; the copy itself is one transaction. */
  to = hearsay_store_open (dest, HEARSAY_STORE_OPEN_CREATE, &created, error);
  if (to == NULL)
    return FALSE;
  ok = hearsay_store_copy (src, to, error);
  hearsay_store_close (to);
  if (!ok && created && !server)
    {
      g_autofree char *wal = g_strconcat (dest, "-wal", NULL);
      g_autofree char *shm = g_strconcat (dest, "-shm", NULL);

      g_unlink (dest);
      g_unlink (wal);
      g_unlink (shm);
    }
  return ok;
}

gboolean
hearsay_project_copy (const char  *src,
                      const char  *dest,
                      GError     **error)
{
  g_autoptr(HearsayProject) project = hearsay_project_open (src, HEARSAY_PROJECT_OPEN_READ_ONLY, error);

  return project != NULL && hearsay_project_copy_to (project, dest, error);
}
