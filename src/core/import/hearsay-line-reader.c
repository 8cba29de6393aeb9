/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-line-reader.c: line-oriented files (JSONL) read in chunks, so
 * that a file of a million documents is fine and a single 200 MB line is
 * refused before it is held whole. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-import-private.h"

#define CHUNK (256 * 1024)

struct _HearsayLineReader
{
  char *path;
  GInputStream *in;
  GByteArray *buffer;   /* unread bytes start at @start */
  gsize start;
  gsize max;
  guint line;
  gboolean eof;
};

HearsayLineReader *
hearsay_line_reader_new (const char  *path,
                         gsize        max,
                         GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  GFileInputStream *in;
  HearsayLineReader *reader;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_IS_DIRECTORY,
                   _("%s is a folder, not a file"), path);
      return NULL;
    }
  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_NOT_FOUND,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     ? _("%s does not exist") : _("%s cannot be read: %s"),
                   path, local_error->message);
      return NULL;
    }
  reader = g_new0 (HearsayLineReader, 1);
  reader->path = g_strdup (path);
  reader->in = G_INPUT_STREAM (in);
  reader->buffer = g_byte_array_sized_new (CHUNK);
  reader->max = max;
  return reader;
}

char *
hearsay_line_reader_next (HearsayLineReader  *reader,
                          gsize              *length,
                          GError            **error)
{
  gsize scanned = 0;

  while (TRUE)
    {
      guint8 *data = reader->buffer->data + reader->start;
      gsize available = reader->buffer->len - reader->start;
      guint8 *eol = memchr (data + scanned, '\n', available - scanned);

      if (eol != NULL || (reader->eof && available > 0))
        {
          gsize n = eol != NULL ? (gsize) (eol - data) : available;

          if (n > reader->max)
            break;
          reader->line++;
          /* The "\n" (or the byte past the end) becomes the terminator. */
          if (eol == NULL)
            g_byte_array_append (reader->buffer, (const guint8 *) "", 1), data = reader->buffer->data + reader->start;
          data[n] = '\0';
          reader->start += n + 1;
          *length = n;
          return (char *) data;
        }
      if (reader->eof)
        return NULL;
      if (available > reader->max)
        break;
      scanned = available;
      /* Keep only the unread part, then read another chunk after it. */
      if (reader->start > 0)
        {
          g_byte_array_remove_range (reader->buffer, 0, reader->start);
          reader->start = 0;
        }
      {
        gsize old = reader->buffer->len;
        gssize got;
        g_autoptr(GError) local_error = NULL;

        g_byte_array_set_size (reader->buffer, old + CHUNK);
        got = g_input_stream_read (reader->in, reader->buffer->data + old, CHUNK, NULL, &local_error);
        if (got < 0)
          {
            g_byte_array_set_size (reader->buffer, old);
            g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_FAILED,
                         _("%s cannot be read: %s"), reader->path, local_error->message);
            return NULL;
          }
        g_byte_array_set_size (reader->buffer, old + got);
        reader->eof = got == 0;
      }
    }
  g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_TOO_LARGE,
               _("%s:%u: the line is longer than %zu MB; Hearsay reads lines of up to that size"),
               reader->path, reader->line + 1, reader->max / (1024 * 1024));
  return NULL;
}

guint
hearsay_line_reader_get_line (HearsayLineReader *reader)
{
  return reader->line;
}

void
hearsay_line_reader_free (HearsayLineReader *reader)
{
  if (reader == NULL)
    return;
  g_object_unref (reader->in);
  g_byte_array_unref (reader->buffer);
  g_free (reader->path);
  g_free (reader);
}
