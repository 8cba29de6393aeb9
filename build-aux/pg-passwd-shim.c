/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pg-passwd-shim.c: a preload for the tests' throwaway PostgreSQL cluster
 * (pg-test-cluster.sh) on machines where an unprivileged user may not read
 * /etc/passwd (some sandboxes): initdb and postgres ask the user database
 * for their own name, and get it from HEARSAY_PG_USER instead. Used only
 * when the ordinary lookup fails. */
#define _GNU_SOURCE
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int
fill (struct passwd *pwd, char *buf, size_t buflen, struct passwd **result)
{
  const char *name = getenv ("HEARSAY_PG_USER");
  size_t n = name ? strlen (name) + 1 : 0;

  *result = NULL;
  if (name == NULL)
    return ENOENT;
  if (buflen < n + 16)
    return ERANGE;
  memcpy (buf, name, n);
  strcpy (buf + n, "/nonexistent");
  pwd->pw_name = buf;
  pwd->pw_passwd = buf + n - 1;   /* "" */
  pwd->pw_uid = geteuid ();
  pwd->pw_gid = getegid ();
  pwd->pw_gecos = buf + n - 1;
  pwd->pw_dir = buf + n;
  pwd->pw_shell = buf + n - 1;
  *result = pwd;
  return 0;
}

int
getpwuid_r (uid_t uid, struct passwd *pwd, char *buf, size_t buflen, struct passwd **result)
{
  if (uid != geteuid ())
    {
      *result = NULL;
      return 0;
    }
  return fill (pwd, buf, buflen, result);
}

int
getpwnam_r (const char *name, struct passwd *pwd, char *buf, size_t buflen, struct passwd **result)
{
  const char *own = getenv ("HEARSAY_PG_USER");

  if (own == NULL || strcmp (name, own) != 0)
    {
      *result = NULL;
      return 0;
    }
  return fill (pwd, buf, buflen, result);
}

static struct passwd static_pwd;
static char static_buf[512];

struct passwd *
getpwuid (uid_t uid)
{
  struct passwd *result = NULL;

  errno = getpwuid_r (uid, &static_pwd, static_buf, sizeof static_buf, &result);
  return result;
}

struct passwd *
getpwnam (const char *name)
{
  struct passwd *result = NULL;

  errno = getpwnam_r (name, &static_pwd, static_buf, sizeof static_buf, &result);
  return result;
}
