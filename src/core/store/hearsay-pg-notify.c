/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg-notify.c: what other clients change reaches this one through
 * LISTEN/NOTIFY. The server's triggers (hearsay_pg_definitions) send, once
 * the change is committed, one payload per row changed:
 *   A+doc:id  A-doc:id  A~doc:id   an annotation added, removed, changed
 *   Rfrom:to                       a relation (to 0: an entity)
 *   D+   D~id                      documents or events; a document's metadata
 *   E    S    M                    entities, the scheme, members and settings
 *   *                              more than 200 in one transaction
 * This client's own are skipped: the project told its views already. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-pg-private.h"

gboolean
hearsay_pg_listen (HearsayPgStore  *self,
                   GError         **error)
{
  g_autofree char *channel = g_strdup_printf (HEARSAY_PG_CHANNEL_PREFIX "%s", self->schema);
  char *quoted = PQescapeIdentifier (self->conn, channel, strlen (channel));
  g_autofree char *sql = g_strdup_printf ("LISTEN %s;", quoted);

  PQfreemem (quoted);
  return hearsay_pg_exec (self, sql, _("could not follow the other clients’ changes"), error);
}

static void
add (HearsayPgStore          *self,
     HearsayStoreChangeKind   kind,
     gint64                   document_id,
     gint64                   id,
     gint64                   other_id)
{
  HearsayStoreChange change = { kind, document_id, id, other_id };

  g_array_append_val (self->changes, change);
}

static void
parse (HearsayPgStore *self,
       const char     *payload)
{
  char *end = NULL;
  gint64 a = 0, b = 0;

  if (payload[0] != '\0' && payload[1] != '\0')
    {
      const char *numbers = payload[0] == 'R' ? payload + 1 : payload + 2;

      a = g_ascii_strtoll (numbers, &end, 10);
      if (end != NULL && *end == ':')
        b = g_ascii_strtoll (end + 1, NULL, 10);
    }
  switch (payload[0])
    {
    case 'A':
      add (self, payload[1] == '+' ? HEARSAY_STORE_CHANGE_ANNOTATION_ADDED
                 : payload[1] == '-' ? HEARSAY_STORE_CHANGE_ANNOTATION_REMOVED
                 : HEARSAY_STORE_CHANGE_ANNOTATION_CHANGED, a, b, 0);
      break;
    case 'R':
      add (self, HEARSAY_STORE_CHANGE_RELATIONS, 0, a, b);
      break;
    case 'D':
      if (payload[1] == '~')
        add (self, HEARSAY_STORE_CHANGE_DOCUMENT, a, 0, 0);
      else
        add (self, HEARSAY_STORE_CHANGE_DOCUMENTS, 0, 0, 0);
      break;
    case 'E':
      add (self, HEARSAY_STORE_CHANGE_ENTITIES, 0, 0, 0);
      break;
    case 'S':
      add (self, HEARSAY_STORE_CHANGE_SCHEME, 0, 0, 0);
      break;
    case 'M':
      /* A role or the blind setting may have changed: what this client
       * sees may have too. */
      hearsay_pg_read_role (self, NULL);
      add (self, HEARSAY_STORE_CHANGE_EVERYTHING, 0, 0, 0);
      break;
    default:
      add (self, HEARSAY_STORE_CHANGE_EVERYTHING, 0, 0, 0);
      break;
    }
}

void
hearsay_pg_collect_changes (HearsayPgStore *self)
{
  PGnotify *notify;
  int own;

  if (self->conn == NULL)
    return;
  own = PQbackendPID (self->conn);
  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      if (notify->be_pid != own)
        parse (self, notify->extra);
      PQfreemem (notify);
    }
}

int
hearsay_pg_get_notify_fd (HearsayStore *store)
{
  HearsayPgStore *self = PG (store);

  if (self->conn == NULL || self->lost || PQstatus (self->conn) != CONNECTION_OK)
    return -1;
  return PQsocket (self->conn);
}

GArray *
hearsay_pg_take_changes (HearsayStore *store)
{
  HearsayPgStore *self = PG (store);
  GArray *changes;

  /* Reading outside a query: a dropped connection shows here first. */
  if (self->conn != NULL && !self->lost && store->txn_depth == 0)
    {
      if (!PQconsumeInput (self->conn) || PQstatus (self->conn) != CONNECTION_OK)
        hearsay_pg_lost (self);
      else
        hearsay_pg_collect_changes (self);
    }
  if (self->changes->len == 0)
    return NULL;
  changes = self->changes;
  self->changes = g_array_new (FALSE, FALSE, sizeof (HearsayStoreChange));
  return changes;
}
