/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-util.h: what the libFuzzer targets of the importers share. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hearsay-import.h"
#include "hearsay-project.h"

G_BEGIN_DECLS

/* Once per process: a scratch folder (on tmpfs when there is one), GLib
 * warnings and criticals fatal, the project the file targets import into. */
void            fuzz_init              (void);
/* The scratch folder; targets overwrite their files in it. */
const char     *fuzz_dir               (void);
/* Writes @size bytes into fuzz_dir()/@name (folders created); returns the path. */
char           *fuzz_write             (const char     *name,
                                        const void     *data,
                                        size_t          size);
/* Copies tests/fuzz/companions/@fixture to fuzz_dir()/@name; returns the path. */
char           *fuzz_copy_fixture      (const char     *fixture,
                                        const char     *name);

/* hearsay_import_paths() of @paths as @format into the shared project. A
 * refused import must not have written to the file (PRAGMA data_version of a
 * second connection, and the document count, are unchanged); an accepted one
 * must have stored well-formed documents (see fuzz_check_document). */
gboolean        fuzz_import_paths      (const char         *format,
                                        const char * const *paths);
/* What every imported document must satisfy: valid UTF-8 text and metadata,
 * a length that counts the text's code points, spans inside the text. */
void            fuzz_check_document    (HearsayDocument    *doc);

/* Whether XML @data declares an entity, in whatever encoding libxml2 reads
 * it: such a document must be refused, never expanded. */
gboolean        fuzz_declares_xml_entity (const uint8_t    *data,
                                          size_t            size);


G_END_DECLS
