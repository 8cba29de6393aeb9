/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core-test-util.h: helpers shared by the core tests. */
#pragma once

#include <glib.h>

#include "hearsay-import.h"
#include "hearsay-project.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed (recursively) at exit. */
const char *core_test_tmpdir (void);
/* A new path inside the temporary folder (not created). */
char       *core_test_path (const char *name);
void        core_test_write (const char *path, const char *data, gssize length);
/* The suite's server run (HEARSAY_TEST_BACKEND=postgresql): project files
 * the tests create are schemas on HEARSAY_TEST_PG instead. */
gboolean    core_test_backend_is_server (void);
/* In the server run, skips the current test (about the file itself) with
 * @why, and returns TRUE. */
gboolean    core_test_skip_on_server (const char *why);
/* sha256 of a file's bytes, or NULL when it does not exist; in the server
 * run, of the rows of the project's schema. */
char       *core_test_file_sha256 (const char *path);
/* Runs @sql in the server schema a test project at @path was redirected to
 * (the server run only); fails the test when it fails. */
void        core_test_server_exec (const char *path, const char *sql);
char       *core_test_read (const char *path, gsize *length);
/* Sets XDG_DATA_HOME to a temporary folder. */
void        core_test_init (int *argc, char ***argv);
HearsayProject *core_test_new_project (const char *name);
/* Adds one document with @text; returns its id. */
gint64      core_test_add_document (HearsayProject *project, const char *text, const char *title);
/* One annotation of one fragment, created through the project (asserted). */
gint64      core_test_annotate (HearsayProject *project, gint64 doc, const char *label,
                                gint64 start, gint64 end);
char       *core_test_export (HearsayProject *project, int format, gboolean exclude_boilerplate);
/* The code-point offset of the first @needle in @text (which must hold it). */
gint64      core_test_offset_of (const char *text, const char *needle);
/* For the validators (tests/validate-exports.sh): writes @project as W3C,
 * TEI, qdpx and qdc files into @dir; 0, or 1 with the error on stderr. */
int         core_test_write_export_samples (HearsayProject *project, const char *dir);

/* hearsay_import_paths() with @format (NULL: guessed) set in a copy of
 * @options (may be NULL); @report may be NULL. */
gboolean    core_test_import (HearsayProject             *project,
                              const char                 *format,
                              const char * const         *paths,
                              const HearsayImportOptions *options,
                              HearsayImportReport        *report,
                              GError                    **error);
/* One JSONL file through hearsay_import_paths(). */
gboolean    core_test_import_jsonl (HearsayProject      *project,
                                    const char          *path,
                                    HearsayImportReport *report,
                                    GError             **error);

G_END_DECLS
