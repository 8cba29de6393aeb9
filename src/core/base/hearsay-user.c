/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-user.c: the name an annotation is credited to by default.
 *
 * g_get_real_name() logs a warning when the account database cannot be
 * read (a sandbox, a broken NSS module); opening a project must not
 * depend on it, so the lookup is done here, quietly, with fallbacks.
 */
#include "config.h"

#include "hearsay-user.h"

#include <pwd.h>
#include <string.h>
#include <unistd.h>

/* The full name from the passwd entry's GECOS field (up to the first
 * comma), else the login name, else $USER or $LOGNAME, else "unknown". */
char *
hearsay_user_display_name (void)
{
  struct passwd entry, *found = NULL;
  long size = sysconf (_SC_GETPW_R_SIZE_MAX);
  g_autofree char *buffer = NULL;
  const char *env;

  if (size <= 0)
    size = 16384;
  buffer = g_malloc (size);
  if (getpwuid_r (getuid (), &entry, buffer, size, &found) == 0 && found != NULL)
    {
      if (found->pw_gecos != NULL && found->pw_gecos[0] != '\0'
          && found->pw_gecos[0] != ',')
        {
          const char *comma = strchr (found->pw_gecos, ',');
          g_autofree char *full = comma != NULL
            ? g_strndup (found->pw_gecos, comma - found->pw_gecos)
            : g_strdup (found->pw_gecos);

          g_strstrip (full);
          if (*full != '\0' && g_utf8_validate (full, -1, NULL))
            return g_steal_pointer (&full);
        }
      if (found->pw_name != NULL && *found->pw_name != '\0')
        return g_strdup (found->pw_name);
    }
  env = g_getenv ("USER");
  if (env == NULL || *env == '\0')
    env = g_getenv ("LOGNAME");
  return g_strdup (env != NULL && *env != '\0' ? env : "unknown");
}
