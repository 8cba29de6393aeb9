/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-connect-keyring.c: server passwords in the desktop keyring
 * through libsecret (optional at build time). Without it, or without a
 * keyring, libpq's ~/.pgpass and the password prompt remain. */
#include "config.h"

#include <glib/gi18n.h>

#include "hearsay-connect-keyring.h"

#ifdef HEARSAY_HAVE_LIBSECRET
#include <libsecret/secret.h>

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    "org.hearsay.Hearsay.ServerPassword", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}
#endif

gboolean
hearsay_connect_keyring_available (void)
{
#ifdef HEARSAY_HAVE_LIBSECRET
  const char *runtime = g_get_user_runtime_dir ();
  g_autofree char *bus = g_build_filename (runtime, "bus", NULL);

  /* No session bus, no keyring: asking would only make D-Bus try to start
   * one (dbus-launch on X11) and fail after a delay. */
  return g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL || g_file_test (bus, G_FILE_TEST_EXISTS);
#else
  return FALSE;
#endif
}

#ifdef HEARSAY_HAVE_LIBSECRET
static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  /* A keyring that does not answer is a keyring without the password. */
  if (error != NULL)
    g_debug ("keyring: %s", error->message);
  g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}
#endif

void
hearsay_connect_keyring_lookup (const char          *host,
                                const char          *port,
                                const char          *database,
                                const char          *user,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, data);

#ifdef HEARSAY_HAVE_LIBSECRET
  if (hearsay_connect_keyring_available ())
    {
      secret_password_lookup (password_schema (), cancellable, on_looked_up, task,
                              "host", host, "port", port, "database", database, "user", user,
                              NULL);
      return;
    }
#endif
  g_task_return_pointer (task, NULL, NULL);
  g_object_unref (task);
}

char *
hearsay_connect_keyring_lookup_finish (GAsyncResult *result)
{
  char *password = g_task_propagate_pointer (G_TASK (result), NULL);
  char *copy = g_strdup (password);

  /* libsecret's copy is wiped when freed; the caller gets a plain string
   * and wipes it after use. */
#ifdef HEARSAY_HAVE_LIBSECRET
  if (password != NULL)
    secret_password_free (password);
#endif
  return copy;
}

#ifdef HEARSAY_HAVE_LIBSECRET
static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_message ("Could not keep the password in the keyring: %s", error->message);
}
#endif

void
hearsay_connect_keyring_store (const char *host,
                               const char *port,
                               const char *database,
                               const char *user,
                               const char *password)
{
#ifdef HEARSAY_HAVE_LIBSECRET
  g_autofree char *label = NULL;

  if (!hearsay_connect_keyring_available ())
    return;
  /* Translators: the keyring entry's name; %s@%s/%s is login@server/database */
  label = g_strdup_printf (_("Hearsay: %s@%s/%s"), user, *host ? host : "localhost", database);
  secret_password_store (password_schema (), SECRET_COLLECTION_DEFAULT, label, password, NULL,
                         on_stored, NULL,
                         "host", host, "port", port, "database", database, "user", user, NULL);
#else
  (void) host; (void) port; (void) database; (void) user; (void) password;
#endif
}
