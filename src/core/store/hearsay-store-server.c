/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-server.c: which locations name a server, and the calls only
 * a server project implements, as a project file answers them: one analyst,
 * no roles, no other clients. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-store-private.h"

gboolean
hearsay_store_location_is_server (const char *location)
{
  /* A libpq keyword string starts with one of its keywords and '='; a file
   * named like that would have to be given as ./host=… */
  static const char * const keywords[] = {
    "host", "hostaddr", "port", "dbname", "user", "service", "passfile", "sslmode",
    "connect_timeout", "application_name", "options", NULL
  };
  const char *p;
  g_autofree char *word = NULL;

  if (location == NULL)
    return FALSE;
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;
  for (p = location; g_ascii_isalpha (*p) || *p == '_'; p++)
    ;
  if (*p != '=')
    return FALSE;
  word = g_strndup (location, p - location);
  return g_strv_contains (keywords, word);
}

void
hearsay_store_set_password (const char *location,
                            const char *password)
{
#ifdef HEARSAY_HAVE_POSTGRESQL
  if (hearsay_store_location_is_server (location))
    hearsay_pg_set_password (location, password);
#endif
}

static gboolean
not_server (HearsayStore  *self,
            GError       **error)
{
  g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_SERVER,
               _("%s is a project file, not a project on a server: it has no members or roles"),
               self->path);
  return FALSE;
}

char *
hearsay_store_dup_user (HearsayStore *self)
{
  HEARSAY_STORE_DISPATCH (self, dup_user, (self));
  return NULL;
}

HearsayMemberRole
hearsay_store_get_role (HearsayStore *self)
{
  HEARSAY_STORE_DISPATCH (self, get_role, (self));
  return HEARSAY_MEMBER_ROLE_NONE;
}

int
hearsay_store_get_notify_fd (HearsayStore *self)
{
  HEARSAY_STORE_DISPATCH (self, get_notify_fd, (self));
  return -1;
}

GArray *
hearsay_store_take_changes (HearsayStore *self)
{
  HEARSAY_STORE_DISPATCH (self, take_changes, (self));
  return NULL;
}

gboolean
hearsay_store_reconnect (HearsayStore  *self,
                         GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, reconnect, (self, error));
  return TRUE;
}

gboolean
hearsay_store_add_member (HearsayStore       *self,
                          const char         *name,
                          HearsayMemberRole   role,
                          const char         *password,
                          GError            **error)
{
  HEARSAY_STORE_DISPATCH (self, add_member, (self, name, role, password, error));
  return not_server (self, error);
}

gboolean
hearsay_store_remove_member (HearsayStore  *self,
                             const char    *name,
                             GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, remove_member, (self, name, error));
  return not_server (self, error);
}

GPtrArray *
hearsay_store_list_members (HearsayStore  *self,
                            GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, list_members, (self, error));
  not_server (self, error);
  return NULL;
}

gboolean
hearsay_store_set_blind (HearsayStore  *self,
                         gboolean       blind,
                         GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, set_blind, (self, blind, error));
  return not_server (self, error);
}

gboolean
hearsay_store_get_blind (HearsayStore *self)
{
  HEARSAY_STORE_DISPATCH (self, get_blind, (self));
  return FALSE;
}
