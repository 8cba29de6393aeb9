/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-application.h: the GtkApplication of Hearsay. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-project.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_APPLICATION (hearsay_application_get_type ())
G_DECLARE_FINAL_TYPE (HearsayApplication, hearsay_application, HEARSAY, APPLICATION, GtkApplication)

HearsayApplication *hearsay_application_new                (void);
GSettings          *hearsay_application_get_settings       (HearsayApplication *self);
/* Applies the annotator name from the settings to @project. */
void                hearsay_application_setup_project      (HearsayApplication *self,
                                                            HearsayProject     *project);

/* Installs the application's style sheet on the default display (once);
 * the window calls it too, so that tests without an application get it. */
void                hearsay_application_load_css           (void);

/* Shows @message (and @detail) in a modal message dialog on @parent. */
void                hearsay_show_error                     (GtkWindow          *parent,
                                                            const char         *message,
                                                            const char         *detail);

G_END_DECLS
