/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-qdpx-limits.c: the size caps of the .qdpx importer (an entry
 * over 50 MB, an archive over 200 MB unpacked), whether the entry declares
 * its size or only inflates past it. The archives are written with
 * libarchive from runs of zeros (a few KB on disk each); a lying size is
 * patched into the zip's headers afterwards. A refused archive names the
 * file and the entry and leaves the project file byte-identical
 * (core_test_assert_import_refused compares its sha256). */
#include <string.h>
#include <archive.h>
#include <archive_entry.h>

#include "core-test-import.h"

#define MB ((gsize) 1024 * 1024)

#define QDE "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"limits\"><CodeBook><Codes>" \
  "<Code guid=\"c1\" name=\"claim\" isCodable=\"true\"/></Codes></CodeBook><Sources>" \
  "<TextSource guid=\"s1\" name=\"Small\" plainTextPath=\"internal://a.txt\">" \
  "<PlainTextSelection guid=\"p1\" startPosition=\"0\" endPosition=\"5\">" \
  "<Coding guid=\"g1\"><CodeRef targetGUID=\"c1\"/></Coding></PlainTextSelection>" \
  "</TextSource></Sources></Project>\n"

typedef struct
{
  const char *name;
  const char *data;   /* NULL: @size zero bytes */
  gsize size;
} Entry;

/* A valid little project plus @extra entries. */
static void
write_qdpx (const char  *path,
            const Entry *extra,
            guint        n_extra)
{
  static const char zeros[256 * 1024];
  struct archive *zip = archive_write_new ();
  Entry base[] = { { "project.qde", QDE, strlen (QDE) }, { "sources/a.txt", "Hello world.\n", 13 } };

  g_assert_cmpint (archive_write_set_format_zip (zip), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (zip, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (base) + n_extra; i++)
    {
      const Entry *e = i < G_N_ELEMENTS (base) ? &base[i] : &extra[i - G_N_ELEMENTS (base)];
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, e->name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, e->size);
      g_assert_cmpint (archive_write_header (zip, entry), ==, ARCHIVE_OK);
      for (gsize done = 0; done < e->size;)
        {
          gsize n = e->data ? e->size : MIN (sizeof zeros, e->size - done);

          g_assert_cmpint (archive_write_data (zip, e->data ? e->data : zeros, n), ==, (la_ssize_t) n);
          done += n;
        }
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (zip), ==, ARCHIVE_OK);
  archive_write_free (zip);
}

static void
put32 (guint8 *p,
       guint32 value)
{
  for (guint i = 0; i < 4; i++)
    p[i] = (value >> (8 * i)) & 0xff;
}

static guint32
get32 (const guint8 *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

static guint
get16 (const guint8 *p)
{
  return p[0] | p[1] << 8;
}

/* Makes the zip at @path declare @size as the uncompressed size of @name:
 * in its central directory entry, its local header and the data
 * descriptor after its data (libarchive writes one for deflated entries). */
static void
declare_size (const char *path,
              const char *name,
              guint32     size)
{
  gsize length;
  g_autofree guint8 *zip = (guint8 *) core_test_read (path, &length);
  gsize name_len = strlen (name);
  guint patched = 0;

  for (gsize i = 0; i + 46 + name_len <= length; i++)
    {
      guint32 local, csize;
      guint8 *lh;

      if (memcmp (zip + i, "PK\x01\x02", 4) != 0 || get16 (zip + i + 28) != name_len ||
          memcmp (zip + i + 46, name, name_len) != 0)
        continue;
      csize = get32 (zip + i + 20);
      local = get32 (zip + i + 42);
      /* No Zip64 here: the real sizes are in the 32-bit fields. */
      g_assert_cmpuint (csize, !=, 0xffffffff);
      put32 (zip + i + 24, size);
      lh = zip + local;
      g_assert_true (memcmp (lh, "PK\x03\x04", 4) == 0);
      put32 (lh + 22, size);
      if (get16 (lh + 6) & 0x8)
        {
          guint8 *dd = lh + 30 + get16 (lh + 26) + get16 (lh + 28) + csize;

          g_assert_true (memcmp (dd, "PK\x07\x08", 4) == 0);
          put32 (dd + 12, size);
        }
      patched++;
    }
  g_assert_cmpuint (patched, ==, 1);
  core_test_write (path, (const char *) zip, length);
}

/* The archive without its oversized entry imports: what is refused below
 * is refused for its size alone. */
static void
test_control (void)
{
  g_autofree char *path = core_test_path ("small.qdpx");
  g_autoptr(HearsayProject) project = core_test_new_project ("limits-control.hearsay");
  const char *paths[] = { path, NULL };
  HearsayImportReport report;

  write_qdpx (path, NULL, 0);
  core_test_import_ok (project, "qdpx", paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 1);
  g_assert_cmpuint (report.n_annotations, ==, 1);
  hearsay_import_report_clear (&report);
}

/* An entry whose header declares more than 50 MB is refused before a byte
 * of it is inflated: it holds 10 bytes. */
static void
test_entry_declared (void)
{
  g_autofree char *path = core_test_path ("declared.qdpx");
  const char *paths[] = { path, NULL };
  Entry big = { "sources/big.txt", "0123456789", 10 };
  g_autofree char *message = NULL;

  write_qdpx (path, &big, 1);
  declare_size (path, "sources/big.txt", 60 * MB);
  message = core_test_assert_import_refused ("qdpx", paths, NULL, "declared.qdpx", "“sources/big.txt”");
  g_assert_nonnull (strstr (message, "larger than 50 MB"));
}

/* An entry that declares 1000 bytes and inflates to 51 MB of zeros is
 * stopped while it is being read. */
static void
test_entry_inflates (void)
{
  g_autofree char *path = core_test_path ("inflates.qdpx");
  const char *paths[] = { path, NULL };
  Entry bomb = { "sources/bomb.txt", NULL, 51 * MB };
  g_autofree char *message = NULL;
  GStatBuf st;

  write_qdpx (path, &bomb, 1);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, 1 * MB);
  declare_size (path, "sources/bomb.txt", 1000);
  message = core_test_assert_import_refused ("qdpx", paths, NULL, "inflates.qdpx", "“sources/bomb.txt”");
  g_assert_nonnull (strstr (message, "larger than 50 MB"));
}

/* Entries under 50 MB each that add up to more than 200 MB unpacked. */
static void
test_total (void)
{
  g_autofree char *path = core_test_path ("total.qdpx");
  const char *paths[] = { path, NULL };
  Entry parts[] = {
    { "sources/z1.txt", NULL, 45 * MB }, { "sources/z2.txt", NULL, 45 * MB },
    { "sources/z3.txt", NULL, 45 * MB }, { "sources/z4.txt", NULL, 45 * MB },
    { "sources/z5.txt", NULL, 45 * MB },
  };
  g_autofree char *message = NULL;

  write_qdpx (path, parts, G_N_ELEMENTS (parts));
  message = core_test_assert_import_refused ("qdpx", paths, NULL, "total.qdpx", "“sources/z5.txt”");
  g_assert_nonnull (strstr (message, "over 200 MB unpacked"));
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/import-qdpx/limits/control", test_control);
  g_test_add_func ("/import-qdpx/limits/entry-declared", test_entry_declared);
  g_test_add_func ("/import-qdpx/limits/entry-inflates", test_entry_inflates);
  g_test_add_func ("/import-qdpx/limits/total", test_total);
  return g_test_run ();
}
