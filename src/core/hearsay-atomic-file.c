/* hearsay-atomic-file.c */
#include "config.h"

#include <errno.h>
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
