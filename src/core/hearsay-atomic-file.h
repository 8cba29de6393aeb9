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
