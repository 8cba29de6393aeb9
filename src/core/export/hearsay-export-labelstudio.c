/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-labelstudio.c: Label Studio JSON tasks. */
#include "config.h"

#include "hearsay-export-private.h"

const HearsayExportWriter hearsay_export_labelstudio_writer = {
  NULL,
};
