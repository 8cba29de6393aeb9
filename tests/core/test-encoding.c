/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-encoding.c: plain-text import — BOMs, UTF-16, charsets, refusals. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "hearsay-encoding.h"
#include "hearsay-error.h"
#include "hearsay-import.h"
#include "hearsay-date.h"
#include "core-test-util.h"

static HearsayDocument *
import_bytes (const char  *name,
              const char  *data,
              gsize        length,
              const char  *encoding,
              GError     **error)
{
  g_autofree char *path = core_test_path (name);
  HearsayImportOptions options = { .encoding = encoding };

  core_test_write (path, data, length);
  return hearsay_import_text_file (path, &options, error);
}

static void
test_utf8_bom (void)
{
  static const char data[] = "\xEF\xBB\xBFLe titre\r\nCorps \xF0\x9F\x91\x8D\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) doc = import_bytes ("bom.txt", data, sizeof data - 1, NULL, &error);
  g_autofree char *sha = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_document_get_text (doc), ==, data);
  g_assert_true (g_str_has_prefix (hearsay_document_get_text (doc), "\xEF\xBB\xBF"));
  g_assert_cmpint (hearsay_document_get_length (doc), ==, 1 + 8 + 2 + 6 + 1 + 2);
  g_assert_cmpstr (hearsay_document_get_title (doc), ==, "Le titre");
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, sizeof data - 1);
  g_assert_cmpstr (hearsay_document_get_sha256 (doc), ==, sha);
  g_assert_cmpstr (hearsay_document_get_source_sha256 (doc), ==, sha);
  g_assert_true (g_str_has_suffix (hearsay_document_get_source_name (doc), "bom.txt"));
  g_assert_cmpint (hearsay_document_get_direction (doc), ==, HEARSAY_DIRECTION_LTR);
}

static void
check_utf16 (const char *name,
             const char *data,
             gsize       length)
{
  static const char expected[] = "\xEF\xBB\xBFH\xC3\xA9\xF0\x9F\x91\x8D\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) doc = import_bytes (name, data, length, NULL, &error);
  g_autofree char *raw_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  g_autofree char *text_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) expected,
                                                           sizeof expected - 1);

  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_document_get_text (doc), ==, expected);
  g_assert_cmpint (hearsay_document_get_length (doc), ==, 6);
  g_assert_cmpstr (hearsay_document_get_title (doc), ==, "H\xC3\xA9\xF0\x9F\x91\x8D");
  g_assert_cmpstr (hearsay_document_get_sha256 (doc), ==, text_sha);
  g_assert_cmpstr (hearsay_document_get_source_sha256 (doc), ==, raw_sha);
}

static void
test_utf16 (void)
{
  static const char le[] = "\xFF\xFE" "H\0" "\xE9\0" "\x3D\xD8\x4D\xDC" "\r\0" "\n\0";
  static const char be[] = "\xFE\xFF" "\0H" "\0\xE9" "\xD8\x3D\xDC\x4D" "\0\r" "\0\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) doc = NULL;

  check_utf16 ("le.txt", le, sizeof le - 1);
  /* Without a BOM, UTF-16 is NUL bytes: refused as binary, not guessed. */
  doc = import_bytes ("nobom.txt", "H\0i\0", 4, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_BINARY);
  g_clear_error (&error);
  /* With the charset named, it converts. */
  doc = import_bytes ("named.txt", "H\0i\0", 4, "UTF-16LE", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_document_get_text (doc), ==, "Hi");
  g_clear_object (&doc);
  check_utf16 ("be.txt", be, sizeof be - 1);
  /* A truncated UTF-16 file is refused, not guessed. */
  doc = import_bytes ("odd.txt", le, sizeof le - 2, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "byte offset 12"));
}

static void
test_invalid_utf8 (void)
{
  static const char data[] = "h\xC3\xA9llo\xFFworld";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = core_test_path ("bad-utf8.txt");
  g_autoptr(HearsayDocument) doc = NULL;

  core_test_write (path, data, sizeof data - 1);
  doc = hearsay_import_text_file (path, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "byte offset 6"));
  g_clear_error (&error);

  /* A truncated sequence at the very end. */
  g_clear_object (&doc);
  doc = import_bytes ("trunc.txt", "abc\xE2\x82", 5, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "byte offset 3"));
}

static void
test_windows_1252 (void)
{
  static const char data[] = "Caf\xE9 \x80 \x93ok\x94\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) doc = import_bytes ("cp1252.txt", data, sizeof data - 1, "windows-1252", &error);
  g_autoptr(HearsayDocument) refused = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_document_get_text (doc), ==, "Caf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cok\xE2\x80\x9D\r\n");
  g_assert_cmpstr (hearsay_document_get_title (doc), ==, "Caf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cok\xE2\x80\x9D");

  /* Without the encoding, the same bytes are refused at the first bad byte. */
  refused = import_bytes ("cp1252b.txt", data, sizeof data - 1, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "byte offset 3"));
  g_clear_error (&error);

  /* An unknown charset. */
  g_clear_object (&refused);
  refused = import_bytes ("cp1252c.txt", data, sizeof data - 1, "no-such-charset-x", &error);
  g_assert_null (refused);
  g_assert_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_ENCODING);
  g_clear_error (&error);

  /* "UTF-8" named explicitly is the default path. */
  g_clear_object (&refused);
  refused = import_bytes ("utf8named.txt", "ok\n", 3, "UTF-8", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_document_get_text (refused), ==, "ok\n");
}

static void
test_binary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) doc = import_bytes ("nul.bin", "ab\0cd", 5, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "nul.bin"));
  g_assert_nonnull (strstr (error->message, "byte offset 2"));
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) doc = import_bytes ("empty.txt", "", 0, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "empty.txt"));
}

static void
test_directory_and_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = core_test_path ("missing.txt");
  g_autoptr(HearsayDocument) doc = hearsay_import_text_file (core_test_tmpdir (), NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  doc = hearsay_import_text_file (missing, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = core_test_path ("huge.txt");
  g_autoptr(HearsayDocument) doc = NULL;
  gint64 start;
  int fd;

  fd = open (path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) HEARSAY_MAX_TEXT_BYTES + 1), ==, 0);
  close (fd);

  start = g_get_monotonic_time ();
  doc = hearsay_import_text_file (path, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "MB"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static void
test_title (void)
{
  static const char data[] = "\xEF\xBB\xBF  \r\n \t \r\n   Le  titre \t\r\nCorps\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) doc = import_bytes ("title.txt", data, sizeof data - 1, NULL, &error);
  g_autoptr(HearsayDocument) blank = NULL;
  g_autoptr(HearsayDocument) given = NULL;
  g_autofree char *long_line = NULL;
  g_autoptr(HearsayDocument) longdoc = NULL;
  HearsayImportOptions options = { .title = "Given", .outlet = "RT", .url = "https://example.org/a",
                                       .date = "2017-11-03", .language = "fr" };
  g_autofree char *path = core_test_path ("given.txt");

  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_document_get_title (doc), ==, "Le  titre");
  /* CRLF is kept in the text. */
  g_assert_cmpstr (hearsay_document_get_text (doc), ==, data);
  g_assert_nonnull (strstr (hearsay_document_get_text (doc), "\r\nCorps\r\n"));

  /* Only whitespace: the file name. */
  blank = import_bytes ("blank.txt", " \n\n ", 4, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (hearsay_document_get_title (blank), "blank.txt"));

  core_test_write (path, "first line\n", -1);
  given = hearsay_import_text_file (path, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_document_get_title (given), ==, "Given");
  g_assert_cmpstr (hearsay_document_get_outlet (given), ==, "RT");
  g_assert_cmpstr (hearsay_document_get_url (given), ==, "https://example.org/a");
  g_assert_cmpstr (hearsay_document_get_published_at (given), ==, "2017-11-03");
  g_assert_cmpstr (hearsay_document_get_language (given), ==, "fr");

  /* A very long first line is shortened (on a character boundary). */
  long_line = g_strnfill (500, 'x');
  longdoc = import_bytes ("long.txt", long_line, 500, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (hearsay_document_get_title (longdoc), -1, NULL));
  g_assert_cmpint (g_utf8_strlen (hearsay_document_get_title (longdoc), -1), <=, 200);
}

static void
test_bad_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = core_test_path ("date.txt");
  HearsayImportOptions options = { .date = "03/11/2017" };
  g_autoptr(HearsayDocument) doc = NULL;

  g_assert_true (hearsay_date_check (NULL, NULL));
  g_assert_true (hearsay_date_check ("2017-11-03", NULL));
  g_assert_true (hearsay_date_check ("2017-11-03T10:00:00Z", NULL));
  g_assert_false (hearsay_date_check ("2017-02-30", NULL));
  core_test_write (path, "text\n", -1);
  doc = hearsay_import_text_file (path, &options, &error);
  g_assert_null (doc);
  g_assert_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID);
}

static void
test_decode_direct (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = hearsay_encoding_decode ("x", "\xD9\x85\xD8\xB1", 4, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "\xD9\x85\xD8\xB1");
}

static void
test_project_import (void)
{
  static const char data[] = "\xEF\xBB\xBF\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7\r\n\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85\r\n";
  g_autoptr(HearsayProject) project = core_test_new_project ("import.hearsay");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = core_test_path ("arabic.txt");
  g_autofree char *bad = core_test_path ("bad.txt");
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  HearsayImportReport report;
  const char *paths[] = { path, NULL };
  const char *paths2[] = { path, bad, NULL };

  core_test_write (path, data, sizeof data - 1);
  core_test_write (bad, "\xFF", 1);
  hearsay_import_report_init (&report);
  g_assert_true (core_test_import (project, "text", paths, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.documents->len, ==, 1);
  doc = hearsay_project_load_document (project,
                                       hearsay_document_get_id (g_ptr_array_index (report.documents, 0)),
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_document_get_text (doc), ==, data);
  g_assert_cmpint (hearsay_document_get_direction (doc), ==, HEARSAY_DIRECTION_RTL);
  g_assert_cmpint (hearsay_document_get_length (doc), ==, 1 + 5 + 2 + 4 + 2);
  hearsay_import_report_clear (&report);

  /* One bad file: nothing of the batch is imported. */
  hearsay_import_report_init (&report);
  g_assert_false (core_test_import (project, "text", paths2, NULL, &report, &error));
  g_assert_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_ENCODING);
  g_assert_cmpuint (report.documents->len, ==, 0);
  hearsay_import_report_clear (&report);
  docs = hearsay_project_list_documents (project, NULL);
  g_assert_cmpuint (docs->len, ==, 1);
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/encoding/utf8-bom", test_utf8_bom);
  g_test_add_func ("/encoding/utf16", test_utf16);
  g_test_add_func ("/encoding/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/encoding/windows-1252", test_windows_1252);
  g_test_add_func ("/encoding/binary", test_binary);
  g_test_add_func ("/encoding/empty", test_empty);
  g_test_add_func ("/encoding/directory-and-missing", test_directory_and_missing);
  g_test_add_func ("/encoding/too-large", test_too_large);
  g_test_add_func ("/encoding/title", test_title);
  g_test_add_func ("/encoding/bad-date", test_bad_date);
  g_test_add_func ("/encoding/decode-direct", test_decode_direct);
  g_test_add_func ("/encoding/project-import", test_project_import);
  return g_test_run ();
}
