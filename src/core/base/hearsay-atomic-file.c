/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-atomic-file.c */
#define _GNU_SOURCE 1  /* renameat2 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearsay-atomic-file.h"
#include "hearsay-error.h"

#define BUFFER_SIZE (256 * 1024)

struct _HearsayAtomicFile
{
  char *path;
  char *tmp_path;
  GOutputStream *stream;
  gboolean committed;
};

HearsayAtomicFile *
hearsay_atomic_file_new (const char  *path,
                         GError     **error)
{
  g_autoptr(GFile) tmp = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  HearsayAtomicFile *self;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_FAILED,
                   _("%s is a folder; give a file name"), path);
      return NULL;
    }

  self = g_new0 (HearsayAtomicFile, 1);
  self->path = g_strdup (path);
  for (int attempt = 0; out == NULL && attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());

      g_clear_error (&local_error);
      g_free (self->tmp_path);
      self->tmp_path = g_build_filename (dir, name, NULL);
      g_clear_object (&tmp);
      tmp = g_file_new_for_path (self->tmp_path);
      out = g_file_create (tmp, G_FILE_CREATE_NONE, NULL, &local_error);
      if (out == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        break;
    }
  if (out == NULL)
    {
      g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_FAILED,
                   _("Cannot write %s: %s"), path, local_error->message);
      g_clear_pointer (&self->tmp_path, g_free);
      hearsay_atomic_file_free (self);
      return NULL;
    }
  self->stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), BUFFER_SIZE);
  return self;
}

GOutputStream *
hearsay_atomic_file_get_stream (HearsayAtomicFile *self)
{
  return self->stream;
}

gboolean
hearsay_atomic_file_commit (HearsayAtomicFile  *self,
                            GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  int fd;

  if (!g_output_stream_close (self->stream, NULL, &local_error))
    {
      g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_FAILED,
                   _("Cannot write %s: %s"), self->path, local_error->message);
      return FALSE;
    }
  /* The data reaches the disk before the rename makes it visible. */
  fd = g_open (self->tmp_path, O_RDONLY, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  if (g_rename (self->tmp_path, self->path) != 0)
    {
      int saved = errno;

      g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_FAILED,
                   _("Cannot write %s: %s"), self->path, g_strerror (saved));
      return FALSE;
    }
  self->committed = TRUE;
  return TRUE;
}

void
hearsay_atomic_file_free (HearsayAtomicFile *self)
{
  if (self == NULL)
    return;
  if (self->stream != NULL && !g_output_stream_is_closed (self->stream))
    g_output_stream_close (self->stream, NULL, NULL);
  if (!self->committed && self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  g_clear_object (&self->stream);
  g_free (self->tmp_path);
  g_free (self->path);
  g_free (self);
}

struct _HearsayAtomicDir
{
  char *path;
  char *tmp_path;
  gboolean committed;
};

/* Export folders are flat: their files, then the folder. */
static void
remove_flat_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
dir_is_replaceable (const char *path,
                    const char *marker)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autofree char *marked = g_build_filename (path, marker, NULL);

  if (dir == NULL)
    return FALSE;
  return g_dir_read_name (dir) == NULL || g_file_test (marked, G_FILE_TEST_IS_REGULAR);
}

HearsayAtomicDir *
hearsay_atomic_dir_new (const char  *path,
                        const char  *marker,
                        GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  HearsayAtomicDir *self;

  g_return_val_if_fail (path != NULL && marker != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS) &&
      (!g_file_test (path, G_FILE_TEST_IS_DIR) || !dir_is_replaceable (path, marker)))
    {
      g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_FAILED,
                   _("%s already exists and is not an earlier export of this format; "
                     "give a new folder name"), path);
      return NULL;
    }

  self = g_new0 (HearsayAtomicDir, 1);
  self->path = g_strdup (path);
  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());

      g_free (self->tmp_path);
      self->tmp_path = g_build_filename (parent, name, NULL);
      if (g_mkdir (self->tmp_path, 0755) == 0)
        return self;
      if (errno != EEXIST)
        break;
    }
  g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_FAILED,
               _("Cannot write %s: %s"), path, g_strerror (errno));
  g_clear_pointer (&self->tmp_path, g_free);
  hearsay_atomic_dir_free (self);
  return NULL;
}

const char *
hearsay_atomic_dir_get_path (HearsayAtomicDir *self)
{
  return self->tmp_path;
}

gboolean
hearsay_atomic_dir_commit (HearsayAtomicDir  *self,
                           GError           **error)
{
  g_autofree char *old = NULL;
  int saved;

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      /* Swap in one step where the kernel can; else move the old one aside
       * first, so that the path always names a whole export. */
#ifdef RENAME_EXCHANGE
      if (renameat2 (AT_FDCWD, self->tmp_path, AT_FDCWD, self->path, RENAME_EXCHANGE) == 0)
        {
          remove_flat_dir (self->tmp_path);
          self->committed = TRUE;
          return TRUE;
        }
#endif
      old = g_strconcat (self->tmp_path, ".old", NULL);
      if (g_rename (self->path, old) != 0)
        goto failed;
    }
  if (g_rename (self->tmp_path, self->path) != 0)
    {
      saved = errno;
      if (old != NULL)
        g_rename (old, self->path);
      errno = saved;
      goto failed;
    }
  if (old != NULL)
    remove_flat_dir (old);
  self->committed = TRUE;
  return TRUE;

failed:
  saved = errno;
  g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_FAILED,
               _("Cannot write %s: %s"), self->path, g_strerror (saved));
  return FALSE;
}

void
hearsay_atomic_dir_free (HearsayAtomicDir *self)
{
  if (self == NULL)
    return;
  if (!self->committed && self->tmp_path != NULL)
    remove_flat_dir (self->tmp_path);
  g_free (self->tmp_path);
  g_free (self->path);
  g_free (self);
}
