/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-atomic-file.h: write to a temporary file beside the target and
 * rename it into place on commit, so a failed write never leaves half a file. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _HearsayAtomicFile HearsayAtomicFile;

HearsayAtomicFile *hearsay_atomic_file_new        (const char         *path,
                                                   GError            **error);
GOutputStream     *hearsay_atomic_file_get_stream (HearsayAtomicFile  *self);
gboolean           hearsay_atomic_file_commit     (HearsayAtomicFile  *self,
                                                   GError            **error);
/* Discards the temporary file unless committed. */
void               hearsay_atomic_file_free       (HearsayAtomicFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayAtomicFile, hearsay_atomic_file_free)

G_END_DECLS

G_BEGIN_DECLS

/* A folder written as a temporary sibling and renamed into place on commit.
 * An existing folder at the path is replaced only when it is empty or holds
 * @marker (a file every export of the format writes), so that a mistyped
 * path never deletes someone's folder. */
typedef struct _HearsayAtomicDir HearsayAtomicDir;

HearsayAtomicDir *hearsay_atomic_dir_new      (const char        *path,
                                               const char        *marker,
                                               GError           **error);
const char       *hearsay_atomic_dir_get_path (HearsayAtomicDir  *self);
gboolean          hearsay_atomic_dir_commit   (HearsayAtomicDir  *self,
                                               GError           **error);
/* Removes the temporary folder unless committed. */
void              hearsay_atomic_dir_free     (HearsayAtomicDir  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayAtomicDir, hearsay_atomic_dir_free)

G_END_DECLS
