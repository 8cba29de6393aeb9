/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-default.c: the default project, which a first start
 * creates with the sample article (DESIGN §1) and its furniture marked. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearsay-import-private.h"
#include "hearsay-import-resources.h"

static gboolean
add_sample (HearsayProject  *project,
            GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  HearsayImportOptions options = {
    .outlet = "RT en français",
    .date = "2017-11-03",
    .language = "fr",
  };

  bytes = g_resource_lookup_data (hearsay_import_get_resource (),
                                  "/org/hearsay/Hearsay/core/sample-article.txt", 0, error);
  if (bytes == NULL)
    return FALSE;
  doc = hearsay_import_text_bytes ("rt-deir-ez-zor-2017.txt", bytes, &options, error);
  if (doc == NULL)
    return FALSE;
  g_ptr_array_add (docs, doc);
  return hearsay_import_documents (project, docs, TRUE, NULL, error);
}

HearsayProject *
hearsay_import_open_default_project (GError **error)
{
  g_autofree char *path = hearsay_project_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(HearsayProject) project = NULL;
  gboolean first_start = !g_file_test (path, G_FILE_TEST_EXISTS);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  project = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_CREATE, error);
  if (project == NULL)
    return NULL;
  if (first_start && !add_sample (project, error))
    return NULL;
  return g_steal_pointer (&project);
}
